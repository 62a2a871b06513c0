//! dossier: a static site generator for briefing websites.
//!
//! Data flows one way:
//! `seeds -> ingest -> content -> load -> extract -> graph -> render -> output (site/)`.

pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod cli;
