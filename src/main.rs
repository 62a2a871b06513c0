use clap::Parser;

// A build makes and frees millions of small strings and vectors; glibc's
// allocator spent about a sixth of a one-article rebuild's CPU on them
// (perf), mimalloc much less. Without transparent huge pages (`no_thp`):
// mimalloc asks for them on its arenas, and each fault of one zeroed 2 MiB,
// or compacted memory first when the page cache had taken it: 1.3 to 2.5 s
// of system time in a one-article rebuild at 10,000 articles, against
// 0.35 to 0.5 s without (2-core VM, median of 3 interleaved runs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = dossier::cli::Cli::parse();
    std::process::exit(dossier::cli::run(cli));
}
