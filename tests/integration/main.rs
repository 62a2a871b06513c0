//! Integration tests: run the `dossier` binary on fixture projects copied
//! into temporary directories.

mod harness;

mod build;
mod check;
mod extract;
mod incremental;
mod robustness;
mod serve;
mod timeline;
