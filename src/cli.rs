//! Command-line arguments and printing. The logic lives in the library; this
//! module only matches on the command, prints, and picks the exit code.

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
        Command::Extract { files } => extract(&files),
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
