//! Extract: per article, Markdown -> HTML with sentence ids, plus the names
//! and date expressions in its sentences. Sees one article at a time, so it
//! runs in parallel and caches.

pub mod dates;
pub mod entities;
