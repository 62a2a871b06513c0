use clap::Parser;

// A build makes and frees millions of small strings and vectors; glibc's
// allocator spent about a sixth of a one-article rebuild's CPU on them
// (perf), mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = dossier::cli::Cli::parse();
    std::process::exit(dossier::cli::run(cli));
}
