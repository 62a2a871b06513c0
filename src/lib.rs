//! dossier: a static site generator for briefing websites.
//!
//! Data flows one way:
//! `seeds -> ingest -> content -> load -> extract -> graph -> render -> output (site/)`.
//! Each stage is a module that takes plain data and returns plain data; only
//! [`ingest`] writes `content/` and only [`output`] writes `site/`.

pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod extract;
pub mod frontmatter;
pub mod graph;
pub mod ingest;
pub mod init;
pub mod load;
pub mod memo;
pub mod model;
pub mod output;
pub mod project;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
