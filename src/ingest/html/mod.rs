//! Saved HTML pages: main content and metadata (JSON-LD, OpenGraph, meta
//! tags, `<time>`, bylines).
//!
//! The main content is found by `rs-trafilatura` (a port of trafilatura,
//! precision mode), with `dom_smoothie` (a Readability port) as a second
//! opinion: it replaces a body it far outgrows and trims the edges of a
//! long one to what both kept. What is ours: decoding (`decode`), metadata
//! from what the page states about itself (`page` collects, `fields`
//! chooses; `dates`, `text` are shareable string helpers), Markdown from the
//! content tree (`markdown`, text only) and a last pass over the body for
//! leftover furniture (`boilerplate`).
//!
//! Order of evidence: title = the visible `<h1>` the metadata echoes, else
//! a lone `<h1>`, else og:title / JSON-LD headline / `<title>` without the
//! site name; authors = JSON-LD people, citation/author meta, a visible
//! "By ..." line; date = a full date in the URL path (marked
//! `date_inferred` when the page states no date), else the date written
//! next to the headline, then JSON-LD article `datePublished`,
//! `article:published_time` and kin, `<time>`/microdata, dated elements and
//! bylines. A date is never made up.

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod fields;
pub mod markdown;
pub mod page;
pub mod prune;
pub mod text;

use super::ExtractedDoc;

/// Extract an article from an HTML page given as raw bytes (any encoding).
/// Never panics: a failure inside a parser gives an empty doc with a warning.
pub fn extract_html(raw: &[u8]) -> ExtractedDoc {
    let failed = || ExtractedDoc {
        warnings: vec!["the HTML extractor failed on this page; nothing was extracted".into()],
        ..Default::default()
    };
    // The parsers walk the tree recursively: a thread with a large stack
    // keeps a deeply nested page from overflowing the caller's stack.
    let owned = raw.to_vec();
    let worker = std::thread::Builder::new()
        .name("extract-html".into())
        .stack_size(EXTRACT_STACK_BYTES)
        .spawn(move || std::panic::catch_unwind(|| extract_html_inner(&owned)));
    match worker {
        Ok(handle) => match handle.join() {
            Ok(Ok(doc)) => doc,
            _ => failed(),
        },
        // No thread to be had: run here.
        Err(_) => std::panic::catch_unwind(|| extract_html_inner(raw)).unwrap_or_else(|_| failed()),
    }
}

const EXTRACT_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Pages nested deeper than this are read as plain text: no article is, and
/// tree algorithms turn slow (and deep) on them.
const MAX_NESTING: usize = 1000;

fn extract_html_inner(raw: &[u8]) -> ExtractedDoc {
    let (html, warn) = decode::decode_html(raw);
    let html = decode::repair_mojibake(html);
    let html = prune::strip_inert(&html);
    let mut warnings: Vec<String> = warn.into_iter().collect();
    if max_nesting(&html) > MAX_NESTING {
        warnings.push(format!(
            "the page nests elements more than {MAX_NESTING} deep; it was read as plain text"
        ));
        return plain_text_doc(&html, warnings);
    }
    let doc = dom_query::Document::from(html.as_str());
    let pm = page::collect(&doc);

    let (title, heading) = fields::choose_title_and_heading(&pm);
    let authors = fields::choose_authors(&pm, &heading);
    // Some pages put their title in the canonical link: only a URL counts.
    let url = pm
        .canonical
        .clone()
        .filter(|u| u.starts_with("http") || u.starts_with('/'))
        .or_else(|| pm.meta_first(&["og:url"]).map(str::to_string));
    let (date, date_inferred) = fields::choose_date(&pm, &heading, url.as_deref());
    let publisher = fields::choose_publisher(&pm);

    let opts = rs_trafilatura::Options {
        include_tables: true,
        // Precision mode drops more of the page around the article.
        favor_precision: true,
        // Seeds are articles: skipping the page-type classifier saves a
        // quarter of the time and loses nothing on article pages.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..Default::default()
    };
    // The content extractor is third-party code: a panic there must not lose
    // the metadata. Precision mode can keep nothing on thin pages; then the
    // default mode gets a try.
    let mut body = trafilatura_body(&html, &opts);
    if body.trim().is_empty() {
        body = trafilatura_body(
            &html,
            &rs_trafilatura::Options {
                favor_precision: false,
                ..opts.clone()
            },
        );
    }
    // trafilatura sometimes settles on a side block ("Related posts") and
    // misses the article, and sometimes runs on past its end. Readability
    // gives a second opinion: it replaces a body it far outgrows, else it
    // trims the edges of trafilatura's body to the part both agree on. The
    // last pass also asks it whether the article goes on after a "Related"
    // box.
    let alt = readability_body(doc);
    let body = second_opinion(body, alt.as_deref());
    let body = boilerplate::clean_body(&body, &heading, &authors, alt.as_deref());
    if body.trim().is_empty() {
        warnings.push("no main content found on the page".into());
    }

    ExtractedDoc {
        title,
        subtitle: None,
        authors,
        date,
        date_inferred,
        publisher,
        body,
        warnings,
    }
}

/// Below this many words, a trafilatura body may be replaced by Readability's;
/// above it, its edges are trimmed to what Readability also kept.
const FALLBACK_WORDS: usize = 600;

/// trafilatura's main content as Markdown (empty when it finds none).
fn trafilatura_body(html: &str, opts: &rs_trafilatura::Options) -> String {
    let extracted = std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(html, opts));
    match extracted {
        Ok(Ok(r)) => match r.content_html {
            Some(h) if !h.trim().is_empty() => markdown::html_to_markdown(&h),
            _ => r.content_text,
        },
        _ => String::new(),
    }
}

/// Readability's main content, from the page already parsed for metadata
/// (Readability rewrites the tree it is given).
fn readability_body(doc: dom_query::Document) -> Option<String> {
    let parsed = std::panic::catch_unwind(move || {
        let mut r = dom_smoothie::Readability::with_document(doc, None, None).ok()?;
        r.parse().ok().map(|a| a.content.to_string())
    });
    let content = parsed.ok().flatten()?;
    Some(markdown::html_to_markdown(&content))
}

/// trafilatura's body after Readability's second opinion (`alt`): replaced
/// by it when it is far longer, or longer and about another part of the
/// page; else, when long, trimmed at the edges to what both kept.
fn second_opinion(body: String, alt: Option<&str>) -> String {
    let words = body.split_whitespace().count();
    let alt_words = alt.map_or(0, |a| a.split_whitespace().count());
    match alt {
        Some(alt) if alt_words > words * 2 + 50 => alt.to_string(),
        // The two settled on different parts of the page (a promotional
        // box, the article): the longer one is the article far more often
        // (17 of the 19 such WCXB dev pages).
        Some(alt) if alt_words > words && disjoint(&body, alt) => alt.to_string(),
        Some(alt) if words >= FALLBACK_WORDS => trim_edges(&body, alt),
        _ => body,
    }
}

/// Below this share of its words in blocks the other also has, a body has
/// nothing in common with the other.
const DISJOINT_SHARE: f64 = 0.1;

/// Whether two bodies have (almost) no block in common, either way: the
/// extractors chose different parts of the page, not more or less of the
/// same article.
fn disjoint(a: &str, b: &str) -> bool {
    let shared = |x: &str, y: &str| {
        let y_key = text::fold_key(y);
        let (mut total, mut common) = (0, 0);
        for block in x.split("\n\n") {
            let k = text::fold_key(block);
            let words = k.split_whitespace().count();
            total += words;
            if k.len() >= 20 && y_key.contains(&k) {
                common += words;
            }
        }
        common as f64 / total.max(1) as f64
    };
    shared(a, b) < DISJOINT_SHARE && shared(b, a) < DISJOINT_SHARE
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
    // Readability often starts below the article's opening paragraph (set
    // in a header or hero container of its own): a paragraph of prose
    // before the agreed part is the lede, not furniture.
    let start = blocks[..start].iter().position(|b| is_prose(b)).unwrap_or(start);
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

/// A paragraph of prose is at least this many words long.
const PROSE_WORDS: usize = 25;

/// A paragraph of prose: no heading, list, table, quote or code, long
/// enough, and ending as a sentence does.
fn is_prose(block: &str) -> bool {
    let b = block.trim();
    !b.starts_with(['#', '-', '*', '+', '|', '>', '`'])
        && !b.starts_with(|c: char| c.is_ascii_digit())
        && b.split_whitespace().count() >= PROSE_WORDS
        && b.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// Elements that close themselves or are closed implicitly; they do not
/// count towards nesting.
const NOT_NESTING: [&str; 24] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    "dt", "dd", "tr", "td", "th", "option", "param", "thead", "tbody",
];

/// An estimate of the deepest element nesting, from the tags alone: a
/// single pass over the bytes (a regex here cost a tenth of the extraction).
fn max_nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = name_start;
        while j < b.len() && b[j].is_ascii_alphanumeric() && j - name_start < 17 {
            j += 1;
        }
        if j - name_start > 16 {
            continue;
        }
        // The name ends at a word boundary ("<my-widget>" counts as "my"), and
        // the tag at the next `>` unless another `<` comes first.
        if b.get(j).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_') {
            continue;
        }
        let Some(end) = b[j..].iter().position(|&c| c == b'>' || c == b'<') else {
            break;
        };
        if b[j + end] == b'<' {
            i = j + end;
            continue;
        }
        let self_closing = end > 0 && b[j + end - 1] == b'/';
        let name = html[name_start..j].to_ascii_lowercase();
        i = j + end + 1;
        if NOT_NESTING.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The page's text without tags, scripts or styles, one paragraph per line
/// of text: the fallback for pages the tree code will not take.
fn plain_text_doc(html: &str, warnings: Vec<String>) -> ExtractedDoc {
    static DROP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?is)<(script|style|noscript|template|svg|iframe|object|textarea|select|head)\b.*?</\s*(?:script|style|noscript|template|svg|iframe|object|textarea|select|head)\s*>|<!--.*?-->")
            .expect("valid regex")
    });
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?s)<[^>]*>").expect("valid regex"));
    static TITLE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?is)<title[^>]*>(.*?)</title>").expect("valid regex"));
    let title = TITLE
        .captures(html)
        .map(|c| text::clean_text(&c[1]))
        .unwrap_or_default();
    let stripped = DROP.replace_all(html, " ");
    let stripped = TAG.replace_all(&stripped, "\n");
    let body = stripped
        .lines()
        .map(text::clean_text)
        .filter(|l| !l.is_empty())
        .map(|l| markdown::escape_line_start(&markdown::escape_inline(&l)))
        .collect::<Vec<_>>()
        .join("\n\n");
    ExtractedDoc {
        title,
        body,
        warnings,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const HOSTILE: &[u8] = include_bytes!("../../../tests/fixtures/ingest-html/hostile.html");
    const GRAPH: &[u8] = include_bytes!("../../../tests/fixtures/ingest-html/jsonld-graph.html");
    const META: &[u8] = include_bytes!("../../../tests/fixtures/ingest-html/meta-tags.html");
    const CP1252: &[u8] = include_bytes!("../../../tests/fixtures/ingest-html/windows-1252.html");

    /// The tags a body may produce when rendered as Markdown.
    fn rendered_tags(md: &str) -> Vec<String> {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
        let re = regex::Regex::new(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)([^>]*)>").unwrap();
        re.captures_iter(&html)
            .map(|c| format!("{}{}", c[1].to_ascii_lowercase(), &c[2]))
            .collect()
    }

    #[test]
    fn hostile_page_yields_text_only() {
        let doc = extract_html(HOSTILE);
        assert!(doc.body.contains("city council voted on Tuesday"), "{}", doc.body);
        assert!(doc.body.contains("Construction is expected to start next spring"));
        for leak in [
            "SCRIPT-LEAK",
            "STYLE-LEAK",
            "IFRAME-LEAK",
            "FORM-LEAK",
            "FORM-BUTTON-LEAK",
            "FORM-TEXTAREA-LEAK",
            "SVG-LEAK",
            "NOSCRIPT-LEAK",
            "OBJECT-LEAK",
            "TEMPLATE-LEAK",
            "onclick",
            "onmouseover",
            "onerror",
            "steal()",
            "pwned",
        ] {
            assert!(!doc.body.contains(leak), "{leak} reached the body:\n{}", doc.body);
        }
        let allowed = [
            "p",
            "h2",
            "h3",
            "h4",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "code",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ];
        for tag in rendered_tags(&doc.body) {
            let name = tag.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
            assert!(allowed.contains(&name), "tag <{tag}> from body:\n{}", doc.body);
            assert!(!tag.contains('='), "attribute in <{tag}>");
        }
        // Literal markup in the text stays visible text.
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&doc.body));
        assert!(html.contains("&lt;script&gt;alert"), "{html}");
        assert!(html.contains("*stars*") && html.contains("_underscores_"), "{html}");
        assert_eq!(doc.title, "City Council Approves New Harbour Plan");
        assert_eq!(doc.authors, vec!["Maria Lopez"]);
        assert_eq!(doc.date, Some(date(2024, 3, 5)));
        assert_eq!(doc.publisher.as_deref(), Some("Coastal Times"));
    }

    #[test]
    fn json_ld_graph_with_id_references() {
        let doc = extract_html(GRAPH);
        assert_eq!(doc.title, "Farmers Test Drought-Resistant Wheat");
        // Person by @id and inline Person; the Organization author is left out.
        assert_eq!(doc.authors, vec!["Jonas Berg", "Ana Silva"]);
        // The local date as written, not shifted to UTC; not the WebPage date.
        assert_eq!(doc.date, Some(date(2023, 7, 14)));
        assert!(!doc.date_inferred);
        assert_eq!(doc.publisher.as_deref(), Some("Harvest Media Group"));
        assert!(doc.body.contains("new variety of wheat"));
    }

    #[test]
    fn meta_tags_only() {
        let doc = extract_html(META);
        assert_eq!(doc.title, "Rail Strike Ends After Deal on Pay");
        assert_eq!(doc.authors, vec!["Priya Natarajan", "Tom O'Neill"]);
        assert_eq!(doc.date, Some(date(2022, 11, 30)));
        assert_eq!(doc.publisher.as_deref(), Some("The Daily Ledger"));
    }

    #[test]
    fn windows_1252_page() {
        let doc = extract_html(CP1252);
        assert_eq!(doc.title, "Caf\u{e9} Owners Face \u{201c}Perfect Storm\u{201d}");
        assert_eq!(doc.authors, vec!["Ren\u{e9}e Dubois"]);
        assert!(
            doc.body.contains("na\u{ef}ve") && doc.body.contains("\u{20ac}3,000"),
            "{}",
            doc.body
        );
        assert_eq!(doc.date, None, "no date on the page, none invented");
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    #[test]
    fn url_date_wins_over_a_restamped_stated_date() {
        let html = br#"<html><head><title>Notes</title><link rel="canonical" href="https://blog.example/2025/12/18/notes/">
            <meta property="article:published_time" content="2025-12-19T14:39:52+00:00"></head>
            <body><article><h1>Notes on gardening</h1><p>Some words about the garden and what grew well this year, and what did not grow at all.</p></article></body></html>"#;
        let doc = extract_html(html);
        assert_eq!(doc.date, Some(date(2025, 12, 18)));
        assert!(!doc.date_inferred, "the page states a date");
    }

    #[test]
    fn a_canonical_that_is_no_url_gives_way_to_og_url() {
        let html = br#"<html><head><title>Notes</title><link rel="canonical" href="What are the types of wine?">
            <meta property="og:url" content="https://wine.example/blog/2023/october/03/wine-types"></head>
            <body><article><h1>Notes on wine</h1><p>Some words about wine and what grew well this year, and what did not grow at all.</p></article></body></html>"#;
        let doc = extract_html(html);
        assert_eq!(doc.date, Some(date(2023, 10, 3)));
    }

    #[test]
    fn url_date_is_marked_inferred() {
        let html = br#"<html><head><title>Notes</title><link rel="canonical" href="https://blog.example/2021/06/07/notes/"></head>
            <body><article><h1>Notes on gardening</h1><p>Some words about the garden and what grew well this year, and what did not grow at all.</p></article></body></html>"#;
        let doc = extract_html(html);
        assert_eq!(doc.date, Some(date(2021, 6, 7)));
        assert!(doc.date_inferred);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let deep = format!("<html><body>{}<p>deep text</p></body></html>", "<div><b>".repeat(5000));
        let inputs: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"<".to_vec(),
            b"<html><head><script type=\"application/ld+json\">{\"@graph\": [[[{\"author\": {\"@id\": \"x\"}}]]], "
                .to_vec(),
            vec![0xff, 0xfe, 0x00, 0x3c],
            (0u8..=255).cycle().take(5000).collect(),
            deep.into_bytes(),
            "<h1>\u{1F600}\u{0301}</h1><p>By \u{16A0}\u{16A2}, 31/02/2024</p>"
                .as_bytes()
                .to_vec(),
        ];
        for input in inputs {
            let _ = extract_html(&input);
        }
    }

    #[test]
    fn the_longer_of_two_disjoint_bodies_wins() {
        let promo = "Thank you for your interest in our weekly podcast and its many guests.\n\n\
                     Listeners write to us every week to say how much the show means to them.";
        let article = "The orchard planting season starts with pruning the old apple trees.\n\n\
                       Pear trees need a different rootstock and more water in the spring.\n\n\
                       Cherry trees suffer from birds, so nets are stretched over them in June.";
        assert!(disjoint(promo, article));
        assert_eq!(second_opinion(promo.to_string(), Some(article)), article);
        // Readability a little longer on the same article: no swap.
        let more = format!("{article}\n\nThe harvest is stored in a cool cellar.");
        assert!(!disjoint(article, &more));
        assert_eq!(second_opinion(article.to_string(), Some(&more)), article);
        // The longer of the two stays.
        assert_eq!(second_opinion(article.to_string(), Some(promo)), article);
    }

    #[test]
    fn trimming_keeps_an_opening_paragraph_the_other_lacks() {
        let lede = "The harbour board met on Tuesday night and, after a long debate that ran past midnight, \
                    approved the plan to dredge the old channel for the new ferries.";
        let para = |n: usize| {
            format!("Paragraph {n} of the story, which both extractors kept, with enough words in it to count.")
        };
        let middle: Vec<String> = (1..=40).map(para).collect();
        let body = format!("Share this article with friends\n\nLatest news from the harbour desk\n\n{lede}\n\n{}\n\nSubscribe to our newsletter today", middle.join("\n\n"));
        let other = middle.join("\n\n");
        let out = trim_edges(&body, &other);
        assert!(out.starts_with(lede), "{out}");
        assert!(!out.contains("Subscribe"), "{out}");
        // No prose before the agreed part: the leading furniture goes.
        let body = format!(
            "Share this article with friends\n\nLatest news from the harbour desk\n\n{}",
            middle.join("\n\n")
        );
        assert_eq!(trim_edges(&body, &other), other);
    }

    #[test]
    fn nesting_estimate() {
        assert_eq!(max_nesting("<div><div><p>a<p>b</div></div>"), 2);
        assert!(max_nesting(&"<span>".repeat(2000)) > MAX_NESTING);
        assert_eq!(max_nesting("<my-box><x-y a='1'><br/><img src=x></x-y></my-box>"), 2);
        assert_eq!(max_nesting("<div <div>><span/></div>"), 1);
        assert_eq!(max_nesting("a < b and <1> <div"), 0);
    }
}
