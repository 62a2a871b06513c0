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

    let opts = rs_trafilatura::Options {
        include_tables: true,
        // Seeds are articles: skipping the page-type classifier saves a
        // quarter of the time and loses nothing on article pages.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..Default::default()
    };
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
    // misses the article, and sometimes runs on past its end. Readability
    // gives a second opinion: it replaces a body it far outgrows, else it
    // trims the edges of trafilatura's body to the part both agree on.
    let words = body.split_whitespace().count();
    let body = match readability_body(&html) {
        Some(alt) if words < FALLBACK_WORDS && alt.split_whitespace().count() > words * 2 + 50 => alt,
        Some(alt) if words >= FALLBACK_WORDS => trim_edges(&body, &alt),
        _ => body,
    };
    let body = boilerplate::clean_body(&body, &title);

    ExtractedDoc { title, subtitle: None, authors, date, date_inferred, publisher, body, warnings }
}

/// Below this many words, a trafilatura body may be replaced by Readability's;
/// above it, its edges are trimmed to what Readability also kept.
const FALLBACK_WORDS: usize = 600;

fn readability_body(html: &str) -> Option<String> {
    let parsed = std::panic::catch_unwind(|| {
        let mut r = dom_smoothie::Readability::new(html, None, None).ok()?;
        r.parse().ok().map(|a| a.content.to_string())
    });
    let content = parsed.ok().flatten()?;
    Some(markdown::html_to_markdown(&content))
}

/// Drop leading and trailing blocks of `body` that a second extractor did
/// not keep, when the two agree on the middle: trafilatura tends to run on
/// into related posts, Readability to stop at the article's end.
fn trim_edges(body: &str, other: &str) -> String {
    let other_key = text::fold_key(other);
    let blocks: Vec<&str> = body.split("\n\n").collect();
    let kept = |b: &str| {
        let k = text::fold_key(b);
        k.len() < 20 || other_key.contains(&k)
    };
    let total = body.split_whitespace().count();
    let other_words = other.split_whitespace().count();
    if other_words * 5 < total * 2 {
        return body.to_string();
    }
    let start = blocks.iter().position(|b| kept(b)).unwrap_or(0);
    let end = blocks.iter().rposition(|b| kept(b)).map_or(blocks.len(), |e| e + 1);
    if start >= end {
        return body.to_string();
    }
    let trimmed = blocks[start..end].join("\n\n");
    if trimmed.split_whitespace().count() * 2 < total {
        return body.to_string();
    }
    trimmed
}
