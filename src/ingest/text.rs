//! Text dumps copied from a browser: find the headline, byline, date and the
//! article body among navigation, captions, bios, comments and other chrome.
//!
//! The pipeline, linear in the size of the input (every per-line look-around
//! is bounded):
//!
//! 1. `lines`: normalise spaces and classify each line (text, list item,
//!    form field or image placeholder, rule, blank), its role (content,
//!    chrome such as "Skip to content", share rows, newsletter prompts,
//!    affiliate notices; caption or credit; terminator that ends an article
//!    such as "Leave a Reply", "3 thoughts on", "Related posts", "Originally
//!    published at", "The views expressed") and whether it is a byline or a
//!    dateline.
//! 2. `region`: the body is the contiguous run of lines with the largest
//!    score (long sentence-like lines score their word count; short lines
//!    and chrome cost; terminators cannot be crossed).
//! 3. `header`: the headline is the best-scoring candidate around the start
//!    of that run, scored by structural features (length, punctuation,
//!    capitals, repetition, what follows it, overlap with the article's
//!    words) with weights fitted once on a development set. The subtitle,
//!    byline and date are read from the lines around the headline; bylines
//!    in author boxes and bios after the article are fallbacks for authors;
//!    a dated photo caption is evidence for an inferred date, never a
//!    statement of one.
//! 4. `markdown`: the run minus chrome becomes Markdown: `##` headings,
//!    lists, block quotes, footnotes, escaped text; repeats, pull quotes,
//!    related-article links and author bios are dropped.
//!
//! Set `DOSSIER_DEBUG_FEATURES=1` to print headline candidates and their
//! features to stderr.

mod header;
mod lines;
mod markdown;
mod region;

use super::ExtractedDoc;
use lines::{Kind, Line};

/// Extract an article from a plain-text dump. Never fails: the worst case is
/// a first-line title and the whole text as paragraphs.
pub fn extract_text(raw: &str) -> ExtractedDoc {
    let norm = lines::normalize(raw);
    let ls = lines::classify(&norm);
    if ls.iter().all(|l| l.kind == Kind::Blank) {
        return ExtractedDoc::default();
    }
    let seg = region::best_region(&ls);
    let head = header::find_header(&ls, seg.clone());
    let body_lines = region::body_range(&ls, &head, seg);
    let body = markdown::render(&ls, body_lines, &head);
    let mut title = head.title;
    if title.is_empty() {
        if let Some(l) = ls.iter().find(|l: &&Line| l.kind == Kind::Text) {
            title = l.text.clone();
        }
    }
    let mut warnings = Vec::new();
    if let (Some(d), true) = (head.date, head.date_inferred) {
        warnings.push(format!(
            "the publication date {d} was inferred from a dated photo caption; check it"
        ));
    }
    ExtractedDoc {
        title,
        subtitle: head.subtitle,
        authors: head.authors,
        date: head.date,
        date_inferred: head.date_inferred,
        publisher: head.publisher,
        body,
        warnings,
    }
}

#[cfg(test)]
mod tests;
