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
        /// Print the time each stage took
        #[arg(long)]
        timings: bool,
        /// Do not read or write the per-article cache in .dossier-cache/
        #[arg(long)]
        no_cache: bool,
    },
    /// Create a new briefing project (config, folders, .gitignore, CI workflow).
    Init {
        /// Where to create it
        dir: PathBuf,
    },
    /// Build, serve site/ on 127.0.0.1, rebuild on change and reload open pages.
    Serve {
        /// Project root
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in a browser
        #[arg(long)]
        open: bool,
        /// Print the time each stage of each build took
        #[arg(long)]
        timings: bool,
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
    /// Validate content and the site it would build, without writing site/.
    Check {
        /// Project root
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: crate::check::Format,
    },
    /// List entities with their counts, suggest names for the registry, or add one.
    Entities {
        /// Project root
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[command(subcommand)]
        action: Option<EntitiesAction>,
    },
    /// Extract articles from files and print one JSON object per line; writes nothing.
    Extract {
        /// Seed files (.txt, .html, .htm, .md)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EntitiesAction {
    /// Names found in the articles that are not in the registry, with counts and a sentence.
    Suggest {
        /// Show at most this many
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Write content/entities/<id>.md for a new entity.
    Add {
        /// The canonical name
        name: String,
        /// person, organization, place, event or other
        #[arg(long = "type", value_enum)]
        kind: KindArg,
        /// Another name for it (repeatable)
        #[arg(long = "alias")]
        aliases: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    Person,
    Organization,
    Place,
    Event,
    Other,
}

impl From<KindArg> for crate::model::EntityKind {
    fn from(k: KindArg) -> Self {
        use crate::model::EntityKind as K;
        match k {
            KindArg::Person => K::Person,
            KindArg::Organization => K::Organization,
            KindArg::Place => K::Place,
            KindArg::Event => K::Event,
            KindArg::Other => K::Other,
        }
    }
}

/// Run the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            timings,
            no_cache,
        } => build(root, output, base_url, timings, no_cache),
        Command::Ingest { root, force } => ingest(root, force),
        Command::Init { dir } => match crate::init::init(&dir) {
            Ok(files) => {
                for f in files {
                    println!("wrote {}", f.display());
                }
                println!(
                    "next: put articles into {}/seeds/ and run `dossier build --root {}`",
                    dir.display(),
                    dir.display()
                );
                EXIT_OK
            }
            Err(e) => {
                eprintln!("error: {e}");
                EXIT_IO
            }
        },
        Command::Serve {
            root,
            port,
            open,
            timings,
        } => match crate::serve::serve(&Project::new(root, None), port, open, timings) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("error: {e}");
                EXIT_IO
            }
        },
        Command::Check { root, strict, format } => check(root, strict, format),
        Command::Entities { root, action } => entities(root, action),
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

fn build(root: PathBuf, output: Option<PathBuf>, base_url: Option<String>, timings: bool, no_cache: bool) -> i32 {
    let project = Project::new(root, output);
    let opts = BuildOptions {
        ingest: true,
        base_url,
        progress: true,
        cache: !no_cache,
        exits: true,
        ..BuildOptions::default()
    };
    match crate::site::build(&project, &opts) {
        Ok(r) => {
            print_diagnostics(&r.warnings);
            if timings {
                eprint!("{}", r.timings());
            }
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
                "built {} articles ({ingested}{} undated), {} pages ({} changed) in {}, {} warnings, in {:.2}s",
                r.articles,
                r.undated.len(),
                r.pages,
                r.written,
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

fn check(root: PathBuf, strict: bool, format: crate::check::Format) -> i32 {
    let project = Project::new(root, None);
    let mut report = crate::site::BuildReport::default();
    // the extraction cache makes a check as quick as a rebuild (and warms
    // the cache for the build after it, as in the CI recipe); it is shared
    // only under the project lock, so while a build runs, check goes without
    let lock = crate::site::lock(&project).ok();
    let opts = BuildOptions {
        cache: lock.is_some(),
        ..BuildOptions::default()
    };
    let mut diags = match crate::site::assemble(&project, &opts, &mut report) {
        Ok((site, theme)) => {
            let mut d = report.warnings;
            d.extend(crate::check::content_rules(&site));
            let checker = crate::check::LinkChecker::default();
            match crate::render::render_site(&site, &theme, &checker) {
                Ok(()) => d.extend(checker.finish()),
                Err(errs) => d.extend(errs),
            }
            d
        }
        Err(BuildError::Content(errs)) => {
            let mut d = report.warnings;
            d.extend(errs);
            d
        }
        Err(e) => return fail(e),
    };
    diags.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    diags.dedup();
    print!("{}", crate::check::format(&diags, format));
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    if format == crate::check::Format::Text {
        eprintln!(
            "{errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
    }
    if errors > 0 || (strict && warnings > 0) {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn entities(root: PathBuf, action: Option<EntitiesAction>) -> i32 {
    let project = Project::new(root, None);
    if let Some(EntitiesAction::Add { name, kind, aliases }) = &action {
        return match crate::ingest::registry::add_entity(&project, name, (*kind).into(), aliases) {
            Ok(path) => {
                println!("wrote {}", path.display());
                EXIT_OK
            }
            Err(d) => {
                eprintln!("{d}");
                EXIT_CONTENT
            }
        };
    }
    let mut report = crate::site::BuildReport::default();
    let site = match crate::site::assemble(&project, &BuildOptions::default(), &mut report) {
        Ok((site, _)) => site,
        Err(e) => return fail(e),
    };
    match action {
        Some(EntitiesAction::Suggest { limit }) => {
            for s in crate::graph::suggestions(&site).into_iter().take(limit) {
                println!(
                    "{:>4}  {:<32} {:<13} {}",
                    s.mentions,
                    s.name,
                    s.kind.map_or("?", |k| k.as_str()),
                    s.context
                );
            }
        }
        _ => {
            println!("{:<40} {:<13} {:>8} {:>8}", "id", "type", "articles", "mentions");
            let mut rows: Vec<_> = site
                .entities
                .entities
                .values()
                .map(|e| {
                    let mentions = site.mentions.get(&e.id).map_or(0, Vec::len);
                    (site.article_count(&e.id), mentions, e)
                })
                .collect();
            rows.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then_with(|| a.2.id.cmp(&b.2.id)));
            for (arts, mentions, e) in rows {
                println!(
                    "{:<40} {:<13} {:>8} {:>8}",
                    e.id.as_str(),
                    e.kind.as_str(),
                    arts,
                    mentions
                );
            }
        }
    }
    EXIT_OK
}
