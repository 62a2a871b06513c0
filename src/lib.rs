//! dossier: a static site generator for briefing websites.
//!
//! Data flows one way:
//! `seeds -> ingest -> content -> load -> extract -> graph -> render -> output (site/)`.

pub mod cli;
pub mod extract;
pub mod ingest;
pub mod model;
