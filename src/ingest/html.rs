//! Saved HTML pages: main content and metadata (JSON-LD, OpenGraph, meta
//! tags, `<time>`, bylines).

use super::ExtractedDoc;

/// Extract an article from an HTML page given as raw bytes (any encoding).
pub fn extract_html(raw: &[u8]) -> ExtractedDoc {
    let text = String::from_utf8_lossy(raw);
    ExtractedDoc {
        title: String::new(),
        body: text.into_owned(),
        ..Default::default()
    }
}
