//! Command-line arguments and printing. The logic lives in the library; this
//! module only matches on the command, prints, and picks the exit code.

use crate::model::Diagnostic;
use crate::project::Project;
use crate::site::{BuildError, BuildOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.
pub const EXIT_OK: i32 = 0;
pub const EXIT_CONTENT: i32 = 1;
pub const EXIT_IO: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a briefing website from collected articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest new seeds into content/articles/, then build the site.
    Build {
        /// Project root (holds dossier.yaml, seeds/, content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory [default: ROOT/site]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Published URL of the site, e.g. https://example.org/briefing/ (overrides dossier.yaml)
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Only turn new seeds into content/articles/*.md.
    Ingest {
        /// Project root
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Re-ingest seeds whose article ingest wrote and nobody has edited since
        #[arg(long)]
        force: bool,
    },
    /// Extract articles from files and print one JSON object per line; writes nothing.
    Extract {
        /// Seed files (.txt, .html, .htm, .md)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Run the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build { root, output, base_url } => build(root, output, base_url),
        Command::Ingest { root, force } => ingest(root, force),
        Command::Extract { files } => extract(&files),
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

fn fail(e: BuildError) -> i32 {
    match e {
        BuildError::Content(diags) => {
            print_diagnostics(&diags);
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {n} problem{} in the content; site/ was not changed",
                if n == 1 { "" } else { "s" }
            );
            EXIT_CONTENT
        }
        BuildError::Io(msg) => {
            eprintln!("error: {msg}");
            EXIT_IO
        }
    }
}

fn build(root: PathBuf, output: Option<PathBuf>, base_url: Option<String>) -> i32 {
    let project = Project::new(root, output);
    let opts = BuildOptions {
        ingest: true,
        base_url,
        progress: true,
    };
    match crate::site::build(&project, &opts) {
        Ok(r) => {
            print_diagnostics(&r.warnings);
            if !r.undated.is_empty() {
                eprintln!("undated articles (add `date: YYYY-MM-DD` to their front matter):");
                for u in &r.undated {
                    eprintln!("  {}", u.display());
                }
            }
            let ingested = if r.ingested.is_empty() {
                String::new()
            } else {
                format!("{} ingested, ", r.ingested.len())
            };
            println!(
                "built {} articles ({ingested}{} undated), {} pages written to {}, {} warnings, in {:.2}s",
                r.articles,
                r.undated.len(),
                r.pages,
                project.output.display(),
                r.warnings.len(),
                r.seconds
            );
            EXIT_OK
        }
        Err(e) => fail(e),
    }
}

fn ingest(root: PathBuf, force: bool) -> i32 {
    let project = Project::new(root, None);
    match crate::site::ingest(&project, force) {
        Ok(r) => {
            print_diagnostics(&r.diagnostics);
            for f in &r.written {
                eprintln!("wrote {}", f.display());
            }
            for f in &r.kept_edited {
                eprintln!("{}: kept: edited since ingest, not overwritten", f.display());
            }
            println!(
                "ingested {} seed{}, {} already had articles, {} undated",
                r.written.len(),
                if r.written.len() == 1 { "" } else { "s" },
                r.skipped + r.kept_edited.len(),
                r.undated.len()
            );
            EXIT_OK
        }
        Err(e) => fail(e),
    }
}

fn extract(files: &[PathBuf]) -> i32 {
    use rayon::prelude::*;
    use std::io::Write;
    let results: Vec<(String, Result<String, String>)> = files
        .par_iter()
        .map(|f| (f.display().to_string(), crate::ingest::extract_file_json(f)))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut code = EXIT_OK;
    for (file, r) in results {
        match r {
            Ok(line) => {
                let _ = writeln!(out, "{line}");
            }
            Err(e) => {
                eprintln!("{file}: error: {e}");
                code = EXIT_CONTENT;
            }
        }
    }
    code
}
