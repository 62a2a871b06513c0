//! Markdown -> HTML, once per article. Text blocks (paragraphs, list items,
//! table cells) are split into sentences; each sentence gets an id (`s-N`)
//! so backlinks and timeline entries can point at it, and name mentions are
//! wrapped in `<dossier-m n="i">` markers that the render stage turns into
//! entity links once the cross-article graph knows which names have pages.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

/// The pulldown-cmark options every page is rendered with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A heading of the article, for a table of contents and links.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The first pass over the Markdown: its events, and the plain text of its
/// sentences.
pub struct Parsed<'a> {
    events: Vec<Event<'a>>,
    /// For each event that carries sentence text: (block, byte range in block text).
    text_at: Vec<Option<(usize, Range<usize>)>>,
    /// Sentence ranges per block, in block-text coordinates, and the global
    /// index of each block's first sentence.
    blocks: Vec<(Vec<Range<usize>>, usize)>,
    pub sentences: Vec<String>,
    pub has_raw_html: bool,
}

/// What to wrap where in sentence `i`: a mention of local name `name` at a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub name: usize,
}

pub fn parse(markdown: &str) -> Parsed<'_> {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let mut text_at = vec![None; events.len()];
    let mut block_texts: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    // depth of containers whose text is not sentences (headings, code, footnotes, html)
    let mut skip = 0usize;
    let mut has_raw_html = false;
    for (i, ev) in events.iter().enumerate() {
        match ev {
            Event::Start(
                Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_),
            ) => {
                skip += 1;
                current = None;
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::FootnoteDefinition
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_),
            ) => {
                skip = skip.saturating_sub(1);
                current = None;
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell)
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                current = None;
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow) => {
                current = None
            }
            Event::Text(t) | Event::Code(t) if skip == 0 => {
                let b = *current.get_or_insert_with(|| {
                    block_texts.push(String::new());
                    block_texts.len() - 1
                });
                let s = &mut block_texts[b];
                let start = s.len();
                s.push_str(t);
                text_at[i] = Some((b, start..s.len()));
            }
            Event::SoftBreak | Event::HardBreak if skip == 0 => {
                if let Some(b) = current {
                    block_texts[b].push(' ');
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
            _ => {}
        }
    }
    let mut sentences = Vec::new();
    let mut blocks = Vec::with_capacity(block_texts.len());
    for text in &block_texts {
        let ranges = super::sentences::split_sentences(text);
        blocks.push((ranges.clone(), sentences.len()));
        sentences.extend(ranges.into_iter().map(|r| text[r].to_string()));
    }
    Parsed {
        events,
        text_at,
        blocks,
        sentences,
        has_raw_html,
    }
}

static SYNTAXES: LazyLock<syntect::parsing::SyntaxSet> =
    LazyLock::new(syntect::parsing::SyntaxSet::load_defaults_newlines);

/// The class prefix of highlighted code; the theme's CSS uses it.
pub const CODE_CLASS_STYLE: syntect::html::ClassStyle = syntect::html::ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn highlight(code: &str, lang: &str) -> String {
    let ss = &*SYNTAXES;
    let syntax = ss
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| ss.find_syntax_plain_text());
    let mut gen = syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, ss, CODE_CLASS_STYLE);
    for line in syntect::util::LinesWithEndings::from(code) {
        if gen.parse_html_for_line_which_includes_newline(line).is_err() {
            return format!("<pre><code>{}</code></pre>\n", escape(code));
        }
    }
    let lang_class = lang.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>();
    format!(
        "<pre class=\"code\" data-lang=\"{lang_class}\"><code>{}</code></pre>\n",
        gen.finalize()
    )
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The result of rendering: HTML with sentence spans and mention markers.
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Second pass: emit HTML. `marks` must be sorted by (sentence, start) and
/// not overlap.
pub fn render(parsed: Parsed<'_>, marks: &[Mark], allow_raw_html: bool) -> Rendered {
    let Parsed {
        events,
        text_at,
        blocks,
        sentences: _,
        has_raw_html,
    } = parsed;
    let mut out_events: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut headings = Vec::new();
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let mut opened: BTreeSet<usize> = BTreeSet::new();
    let mut link_depth = 0usize;
    let mut i = 0;
    let mut mark_cursor = 0usize;
    while i < events.len() {
        let ev = &events[i];
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // gather heading text to make an id
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let base = id
                    .as_ref()
                    .map(|s| s.to_string())
                    .or_else(|| crate::model::Slug::from_text(&text).map(|s| s.to_string()))
                    .unwrap_or_else(|| "section".into());
                let mut hid = base.clone();
                let mut n = 2;
                while !used_ids.insert(hid.clone()) {
                    hid = format!("{base}-{n}");
                    n += 1;
                }
                headings.push(Heading {
                    level: heading_level(*level),
                    id: hid.clone(),
                    text,
                });
                out_events.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(hid)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::CodeBlock)) {
                    if let Event::Text(t) = &events[j] {
                        code.push_str(t);
                    }
                    j += 1;
                }
                let html = if lang.is_empty() {
                    format!("<pre><code>{}</code></pre>\n", escape(&code))
                } else {
                    highlight(&code, &lang)
                };
                out_events.push(Event::Html(CowStr::from(html)));
                i = j + 1;
                continue;
            }
            Event::Start(Tag::Link { .. }) => {
                link_depth += 1;
                out_events.push(ev.clone());
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                out_events.push(ev.clone());
            }
            Event::Html(h) | Event::InlineHtml(h) if !allow_raw_html => {
                // shown as text, never as markup
                out_events.push(Event::Text(h.clone()));
            }
            Event::Text(t) | Event::Code(t) => match &text_at[i] {
                Some((b, range)) => {
                    let is_code = matches!(ev, Event::Code(_));
                    let html = sentence_html(
                        t,
                        *b,
                        range,
                        &blocks,
                        marks,
                        &mut mark_cursor,
                        &mut opened,
                        link_depth > 0,
                        is_code,
                    );
                    out_events.push(Event::InlineHtml(CowStr::from(html)));
                }
                None => out_events.push(ev.clone()),
            },
            _ => out_events.push(ev.clone()),
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out_events.into_iter());
    if allow_raw_html && has_raw_html {
        html = sanitize(&html);
    }
    Rendered { html, headings }
}

fn heading_level(l: HeadingLevel) -> u8 {
    l as u8
}

/// The HTML of one text event: escaped text cut into sentence spans, with
/// mention markers. Spans close at the end of each event so they never
/// straddle inline tags.
#[allow(clippy::too_many_arguments)]
fn sentence_html(
    text: &str,
    block: usize,
    range: &Range<usize>,
    blocks: &[(Vec<Range<usize>>, usize)],
    marks: &[Mark],
    mark_cursor: &mut usize,
    opened: &mut BTreeSet<usize>,
    in_link: bool,
    is_code: bool,
) -> String {
    let (sent_ranges, first) = &blocks[block];
    let mut out = String::with_capacity(text.len() + 64);
    if is_code {
        out.push_str("<code>");
    }
    let mut pos = range.start;
    while pos < range.end {
        // the sentence containing pos, or the gap before the next one;
        // binary search keeps long blocks with many inline spans linear-ish
        let k = sent_ranges.partition_point(|r| r.end <= pos);
        let k = (k < sent_ranges.len()).then_some(k);
        let Some(k) = k else {
            escape_into(&text[pos - range.start..], &mut out);
            break;
        };
        let sr = &sent_ranges[k];
        if pos < sr.start {
            let stop = sr.start.min(range.end);
            escape_into(&text[pos - range.start..stop - range.start], &mut out);
            pos = stop;
            continue;
        }
        let stop = sr.end.min(range.end);
        let global = first + k;
        if opened.insert(global) {
            let _ = write!(out, "<span class=\"s\" id=\"s-{}\">", global + 1);
        } else {
            let _ = write!(out, "<span class=\"s\" data-s=\"{}\">", global + 1);
        }
        // mentions inside [pos, stop) in this sentence, in block coordinates
        let mut p = pos;
        while *mark_cursor < marks.len() && marks[*mark_cursor].sentence < global {
            *mark_cursor += 1;
        }
        let mut c = *mark_cursor;
        while c < marks.len() && marks[c].sentence == global {
            let m = marks[c];
            let (ms, me) = (sr.start + m.start, sr.start + m.end);
            if ms >= stop {
                break;
            }
            if ms >= p && me <= stop && !in_link && !is_code {
                escape_into(&text[p - range.start..ms - range.start], &mut out);
                let _ = write!(out, "<dossier-m n=\"{}\">", m.name);
                escape_into(&text[ms - range.start..me - range.start], &mut out);
                out.push_str("</dossier-m>");
                p = me;
            }
            c += 1;
        }
        escape_into(&text[p - range.start..stop - range.start], &mut out);
        out.push_str("</span>");
        pos = stop;
    }
    if is_code {
        out.push_str("</code>");
    }
    out
}

/// Sanitise HTML that contains author-written raw HTML, keeping the markup
/// dossier itself generates.
fn sanitize(html: &str) -> String {
    let mut b = ammonia::Builder::default();
    b.add_tags(["dossier-m", "span", "input", "sup", "section"])
        .add_tag_attributes("dossier-m", ["n"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_generic_attributes(["id", "class", "data-s", "data-lang"])
        .link_rel(Some("noopener noreferrer"));
    b.clean(html).to_string()
}

/// Replace mention markers: `link(name)` gives the href for a local name, or
/// `None` to leave the text unlinked.
pub fn resolve_mentions(html: &str, mut link: impl FnMut(usize) -> Option<String>) -> String {
    const OPEN: &str = "<dossier-m n=\"";
    const CLOSE: &str = "</dossier-m>";
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let Some(q) = after.find("\">") else {
            out.push_str(&rest[at..]);
            return out;
        };
        let n: Option<usize> = after[..q].parse().ok();
        let inner_start = q + 2;
        let Some(close) = after[inner_start..].find(CLOSE) else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inner = &after[inner_start..inner_start + close];
        match n.and_then(&mut link) {
            Some(href) => {
                let _ = write!(out, "<a class=\"m\" href=\"{}\">{inner}</a>", escape(&href));
            }
            None => out.push_str(inner),
        }
        rest = &after[inner_start + close + CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str, marks: &[Mark]) -> (String, Vec<String>) {
        let p = parse(md);
        let s = p.sentences.clone();
        (render(p, marks, false).html, s)
    }

    #[test]
    fn sentences_get_ids_and_mentions_markers() {
        let (h, s) = html(
            "Turkey acted. Then *IS* struck.\n\n- A list item.\n",
            &[Mark {
                sentence: 0,
                start: 0,
                end: 6,
                name: 3,
            }],
        );
        assert_eq!(s, vec!["Turkey acted.", "Then IS struck.", "A list item."]);
        assert!(
            h.contains("<span class=\"s\" id=\"s-1\"><dossier-m n=\"3\">Turkey</dossier-m> acted.</span>"),
            "{h}"
        );
        assert!(
            h.contains("id=\"s-2\">Then </span><em><span class=\"s\" data-s=\"2\">IS</span></em>"),
            "{h}"
        );
        assert!(h.contains("id=\"s-3\">A list item.</span>"), "{h}");
        let linked = resolve_mentions(&h, |n| (n == 3).then(|| "../../entities/turkey/".to_string()));
        assert!(
            linked.contains("<a class=\"m\" href=\"../../entities/turkey/\">Turkey</a>"),
            "{linked}"
        );
        let unlinked = resolve_mentions(&h, |_| None);
        assert!(
            !unlinked.contains("dossier-m") && unlinked.contains("\">Turkey acted."),
            "{unlinked}"
        );
    }

    #[test]
    fn raw_html_is_text_by_default() {
        let (h, _) = html(
            "Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">hi</div>\n",
            &[],
        );
        assert!(
            !h.contains("<script") && !h.contains("<img") && !h.contains("<div"),
            "{h}"
        );
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn raw_html_allowed_is_sanitised() {
        let p = parse("Hi <b onclick=\"x()\">bold</b> <script>alert(1)</script>\n");
        let h = render(p, &[], true).html;
        assert!(
            h.contains("<b>") && h.contains(">bold</span></b>") && !h.contains("onclick") && !h.contains("<script"),
            "{h}"
        );
        assert!(h.contains("id=\"s-1\""), "{h}");
    }

    #[test]
    fn heading_ids_are_unique() {
        let p = parse("## Intro\n\ntext\n\n## Intro\n\n## Über {#custom}\n");
        let r = render(p, &[], false);
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, vec!["intro", "intro-2", "custom"]);
        assert!(r.html.contains("<h2 id=\"intro-2\">"));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let (h, s) = html("```rust\nfn main() {}\n```\n", &[]);
        assert!(s.is_empty());
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(!h.contains("style="), "{h}");
    }

    #[test]
    fn footnotes_tables_tasks() {
        let (h, _) = html(
            "A claim.[^1]\n\n[^1]: Source, 2017.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n",
            &[],
        );
        assert!(
            h.contains("footnote-reference") && h.contains("<table>") && h.contains("checkbox"),
            "{h}"
        );
    }
}
