//! Saved HTML pages: main content and metadata (JSON-LD, OpenGraph, meta
//! tags, `<time>`, bylines).
//!
//! The main content is found by `rs-trafilatura` (a port of trafilatura);
//! what is ours: decoding, metadata from what the page states about itself
//! (`page` collects, `fields` chooses), Markdown from the content tree
//! (`markdown`) and a last pass over the body for leftover boilerplate
//! (`boilerplate`).

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod fields;
pub mod markdown;
pub mod page;
pub mod text;

use super::ExtractedDoc;

/// Extract an article from an HTML page given as raw bytes (any encoding).
/// Never panics: a failure inside a parser gives an empty doc with a warning.
pub fn extract_html(raw: &[u8]) -> ExtractedDoc {
    match std::panic::catch_unwind(|| extract_html_inner(raw)) {
        Ok(doc) => doc,
        Err(_) => ExtractedDoc {
            warnings: vec!["the HTML extractor failed on this page; nothing was extracted".into()],
            ..Default::default()
        },
    }
}

fn extract_html_inner(raw: &[u8]) -> ExtractedDoc {
    let (html, warn) = decode::decode_html(raw);
    let mut warnings: Vec<String> = warn.into_iter().collect();
    let doc = dom_query::Document::from(html.as_str());
    let pm = page::collect(&doc);
    drop(doc);

    let title = fields::choose_title(&pm);
    let authors = fields::choose_authors(&pm, &title);
    let url = pm.canonical.clone().or_else(|| pm.meta_first(&["og:url"]).map(str::to_string));
    let (date, date_inferred) = fields::choose_date(&pm, &title, url.as_deref());
    let publisher = fields::choose_publisher(&pm);

    let opts = rs_trafilatura::Options { include_tables: true, ..Default::default() };
    // The content extractor is third-party code: a panic there must not lose
    // the metadata.
    let extracted = std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(&html, &opts));
    let body = match extracted.unwrap_or_else(|_| Err(rs_trafilatura::Error::NoContent)) {
        Ok(r) => match r.content_html {
            Some(h) if !h.trim().is_empty() => markdown::html_to_markdown(&h),
            _ => r.content_text,
        },
        Err(e) => {
            warnings.push(format!("no main content found: {e}"));
            String::new()
        }
    };
    // trafilatura sometimes settles on a side block ("Related posts") and
    // misses the article; a short result gets a second opinion from
    // Readability, and the longer of the two wins.
    let words = body.split_whitespace().count();
    let fw: usize = std::env::var("FW").ok().and_then(|v| v.parse().ok()).unwrap_or(FALLBACK_WORDS);
    let body = if std::env::var("RONLY").is_ok() {
        readability_body(&html).unwrap_or_default()
    } else if words < fw {
        match readability_body(&html) {
            Some(alt) if alt.split_whitespace().count() > words * 2 + 50 => alt,
            _ => body,
        }
    } else {
        body
    };
    let body = boilerplate::clean_body(&body, &title);

    ExtractedDoc { title, subtitle: None, authors, date, date_inferred, publisher, body, warnings }
}

/// Below this many words, a trafilatura body is checked against Readability.
const FALLBACK_WORDS: usize = 600;

fn readability_body(html: &str) -> Option<String> {
    let parsed = std::panic::catch_unwind(|| {
        let mut r = dom_smoothie::Readability::new(html, None, None).ok()?;
        r.parse().ok().map(|a| a.content.to_string())
    });
    let content = parsed.ok().flatten()?;
    Some(markdown::html_to_markdown(&content))
}
