//! The body lines as Markdown: paragraphs, `##` headings, lists, block
//! quotes, footnotes; chrome, captions, pull quotes and repeats dropped.

use super::header::{bio_re, clean_title, is_prose, Header};
use super::lines::{fold, Kind, Line, Role};
use crate::ingest::meta;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
enum Block {
    Para(String),
    Heading(String),
    Quote(String),
    Item {
        ordered: Option<u32>,
        level: u8,
        text: String,
    },
    Note(u32, String, String),
}

regex_fn!(note_re, r"^(?:\[(\d{1,3})\]|\((\d{1,3})\)|\^(\d{1,3}))\s*(.+)$");

regex_fn!(
    speech_re,
    r"(?i)\b(?:said|says|added|adds|wrote|writes|stated|states|claimed|claims|declared|declares|reads|read|argued|argues|explained|noted|told|announced|warned|tweeted|posted|put it|statement|according to|the following|as follows|continued|concluded|insisted|remarked|proclaimed|urged|replied|responded|asked)\b[^.]*:\s*$|^\w[^.]{0,80}\bclaimed\b.*:\s*$"
);

fn starts_lower(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_lowercase())
}

fn ends_open(t: &str) -> bool {
    !t.trim_end_matches(['"', '”', '’', '\'', ')', ' '])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

fn is_heading(ls: &[Line], i: usize, next: Option<usize>) -> bool {
    let l = &ls[i];
    let t = l.text.trim();
    if l.kind != Kind::Text || l.words == 0 || l.words > 14 || t.len() > 120 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || first == '“' || first == '"') {
        return false;
    }
    // "1. Arduino Is a Great Starting Point": a numbered heading.
    let rest = numbered_text_re()
        .captures(t)
        .and_then(|c| c.get(2))
        .map_or(t, |m| m.as_str());
    let end = rest.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    if end.ends_with(['.', ',', ';', ':', '…']) || rest.contains(". ") {
        return false;
    }
    // A heading introduces something.
    match next {
        Some(j) => {
            let n = &ls[j];
            matches!(n.kind, Kind::Bullet { .. } | Kind::Numbered { .. })
                || n.words >= 8
                || (n.sentence && n.words >= 3)
        }
        None => false,
    }
}

regex_fn!(
    short_bio_re,
    r"^((?:(?:Dr|Prof)\.?\s)?\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3}),?\s(?:is|was|has been|serves as|covers|writes|specializes|joined)\b(?:\s+\S+){0,12}?\s+(?:writer|journalist|editor|reporter|author|expert|specialist|contributor|researcher|marketer|manager|founder|co-founder|ceo|cto|photographer|ambassador|veteran|analyst|correspondent|columnist|strategist|consultant|professor|lecturer|student|graduate|freelancer|blogger|engineer|developer|designer|coach|nutritionist|dietitian|physician|doctor|therapist|lawyer|attorney)s?\b"
);

/// A short author bio: a name, a verb of being, a profession.
fn is_bio(t: &str) -> bool {
    t.len() < 800 && short_bio_re().captures(t).is_some_and(|c| meta::is_person_name(&c[1]))
}

regex_fn!(numbered_text_re, r"^(\d{1,3})[.)]\s+(.*)$");

pub fn render(ls: &[Line], range: Range<usize>, head: &Header) -> String {
    let tf = fold(&head.title);
    let sf = head.subtitle.as_deref().map(fold).unwrap_or_default();
    // Indices of the lines that may enter the body.
    let idx: Vec<usize> = range
        .clone()
        .filter(|&i| {
            let l = &ls[i];
            !l.is_blank() && l.role == Role::Content && l.kind != Kind::Bracket && l.kind != Kind::Rule
        })
        .collect();
    let folded: Vec<String> = idx
        .iter()
        .map(|&i| {
            if ls[i].text.len() < 20_000 {
                fold(&ls[i].text)
            } else {
                String::new()
            }
        })
        .collect();
    let mut keep: Vec<usize> = Vec::with_capacity(idx.len());
    let mut seen: HashSet<String> = HashSet::new();
    for (p, &i) in idx.iter().enumerate() {
        let l = &ls[i];
        let t = l.text.as_str();
        if Some(i) == head.subtitle_idx {
            continue;
        }
        let f = if t.len() < 20_000 { folded[p].clone() } else { fold(t) };
        if Some(i) == head.title_idx
            || (l.words <= 40 && !tf.is_empty() && fold(&clean_title(t)) == tf)
            || f.is_empty()
            || (!tf.is_empty() && f == tf)
            || (!sf.is_empty() && f == sf)
        {
            continue;
        }
        if l.byline || l.dateline {
            continue;
        }
        // A related-article headline before its "Read More" link.
        if let Some(&n) = ls
            .get(i + 1..)
            .and_then(|r| r.iter().position(|x| !x.is_blank()).map(|k| i + 1 + k))
            .as_ref()
        {
            let nf = fold(&ls[n].text);
            if l.words <= 25 && ls[n].role == Role::Chrome && (nf.ends_with("read more") || nf == "continue reading") {
                continue;
            }
        }
        // Repeats (captions given twice, share text) and pull quotes.
        if l.words >= 4 && !seen.insert(f.clone()) {
            continue;
        }
        if (4..=60).contains(&l.words) && f.len() >= 25 {
            let lo = p.saturating_sub(4);
            let hi = (p + 5).min(idx.len());
            let pulled = (lo..hi).any(|q| {
                q != p && {
                    let o = &ls[idx[q]];
                    o.words > l.words && o.text.len() < 20_000 && folded[q].contains(&f)
                }
            });
            if pulled {
                continue;
            }
        }
        keep.push(i);
    }
    // Trailing labels, stubs and author bios are not the end of an article.
    while let Some(&last) = keep.last() {
        let l = &ls[last];
        let bio = l.words <= 80
            && (bio_re()
                .captures(&l.text)
                .is_some_and(|c| head.authors.iter().any(|a| a.starts_with(&c[1])) || meta::is_person_name(&c[1]))
                || is_bio(&l.text));
        if (l.kind == Kind::Text && !l.sentence && l.words <= 6) || bio {
            keep.pop();
        } else {
            break;
        }
    }
    // An author box above the article: "Jane is an experienced journalist ...".
    while keep.len() > 1 && ls[keep[0]].words <= 80 && is_bio(&ls[keep[0]].text) {
        keep.remove(0);
    }

    let mut blocks: Vec<Block> = Vec::new();
    for (p, &i) in keep.iter().enumerate() {
        let l = &ls[i];
        let t = l.text.trim().to_string();
        let next = keep.get(p + 1).copied();
        match l.kind {
            Kind::Bullet { level } => {
                blocks.push(Block::Item {
                    ordered: None,
                    level,
                    text: t,
                });
                continue;
            }
            Kind::Numbered { level } => {
                let (n, rest) = match numbered_text_re().captures(&t) {
                    Some(c) => (c[1].parse().unwrap_or(1), c[2].to_string()),
                    None => (1, t.clone()),
                };
                // "1. The note text. ↩": a footnote list.
                if rest.trim_end().ends_with('↩') && !blocks.is_empty() {
                    let note = rest.trim_end().trim_end_matches('↩').trim_end().to_string();
                    blocks.push(Block::Note(n, note, t.clone()));
                    continue;
                }
                blocks.push(Block::Item {
                    ordered: Some(n),
                    level,
                    text: rest,
                });
                continue;
            }
            _ => {}
        }
        // A paragraph broken in two by the copy ("... in response\n\nto the ...").
        if starts_lower(&t) {
            if let Some(Block::Para(prev)) | Some(Block::Quote(prev)) = blocks.last_mut() {
                if ends_open(prev) {
                    prev.push(' ');
                    prev.push_str(&t);
                    continue;
                }
            }
        }
        if t.trim_end().ends_with('↩') && !blocks.is_empty() {
            if let Some(c) = numbered_text_re().captures(&t) {
                if let Ok(n) = c[1].parse::<u32>() {
                    let note = c[2].trim_end().trim_end_matches('↩').trim_end().to_string();
                    blocks.push(Block::Note(n, note, t.clone()));
                    continue;
                }
            }
        }
        if let Some(c) = note_re().captures(&t) {
            let n = c
                .get(1)
                .or_else(|| c.get(2))
                .or_else(|| c.get(3))
                .map_or("", |m| m.as_str());
            if let Ok(n) = n.parse::<u32>() {
                if !blocks.is_empty() && c[4].split_whitespace().count() >= 3 {
                    blocks.push(Block::Note(n, c[4].to_string(), t.clone()));
                    continue;
                }
            }
        }
        if is_heading(ls, i, next) {
            blocks.push(Block::Heading(t));
            continue;
        }
        let quoted = l.indent >= 3 && l.words >= 5 && is_prose(l)
            || matches!(blocks.last(), Some(Block::Para(prev)) if speech_re().is_match(prev) && l.words >= 5);
        if quoted {
            blocks.push(Block::Quote(t));
        } else {
            blocks.push(Block::Para(t));
        }
    }
    // Footnote notes need a marker in the text; otherwise they stay paragraphs.
    let notes: Vec<u32> = blocks
        .iter()
        .filter_map(|b| if let Block::Note(n, _, _) = b { Some(*n) } else { None })
        .collect();
    // Marker search is per note and paragraph: keep it bounded.
    let notes = if notes.len() > 200 { Vec::new() } else { notes };
    write(&blocks, &notes)
}

fn write(blocks: &[Block], notes: &[u32]) -> String {
    let mut out = String::new();
    let mut pending: Vec<u32> = notes.to_vec();
    let mut prev_item = false;
    for b in blocks {
        let is_item = matches!(b, Block::Item { .. });
        if !out.is_empty() {
            out.push('\n');
            if !(is_item && prev_item) {
                out.push('\n');
            }
        }
        prev_item = is_item;
        match b {
            Block::Para(t) => out.push_str(&add_markers(&escape_line(t), &mut pending)),
            Block::Quote(t) => {
                out.push_str("> ");
                out.push_str(&add_markers(&escape_inline(t), &mut pending));
            }
            Block::Heading(t) => {
                out.push_str("## ");
                out.push_str(&escape_inline(t));
            }
            Block::Item { ordered, level, text } => {
                for _ in 0..*level {
                    out.push_str("    ");
                }
                match ordered {
                    Some(n) => out.push_str(&format!("{n}. ")),
                    None => out.push_str("- "),
                }
                out.push_str(&add_markers(&escape_inline(text), &mut pending));
            }
            Block::Note(n, t, orig) => {
                if notes.contains(n) && !pending.contains(n) {
                    out.push_str(&format!("[^{n}]: {}", escape_inline(t)));
                } else {
                    out.push_str(&escape_line(orig));
                }
            }
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Put `[^n]` where the text carries footnote `n`'s marker: `\[n\]`, a
/// superscript digit, or a bare digit glued after a word or punctuation
/// ("evidence,1 a"). Each marker is used once, in order.
fn add_markers(t: &str, pending: &mut Vec<u32>) -> String {
    let mut s = t.to_string();
    if pending.is_empty() || s.len() > 100_000 {
        return s;
    }
    let mut found = Vec::new();
    for &n in pending.iter() {
        let bracket = format!("\\[{n}\\]");
        if let Some(p) = s.find(&bracket) {
            s.replace_range(p..p + bracket.len(), &format!("[^{n}]"));
            found.push(n);
            continue;
        }
        // "services.^1": a superscript as the dump writes it.
        let caret = format!("^{n}");
        if let Some(p) = s
            .match_indices(&caret)
            .map(|(p, _)| p)
            .find(|&p| !s[p + caret.len()..].starts_with(|c: char| c.is_ascii_digit()))
        {
            s.replace_range(p..p + caret.len(), &format!("[^{n}]"));
            found.push(n);
            continue;
        }
        let sup = superscript(n);
        if let Some(p) = s.find(&sup) {
            s.replace_range(p..p + sup.len(), &format!("[^{n}]"));
            found.push(n);
            continue;
        }
        let digits = n.to_string();
        let mut from = 0;
        while let Some(off) = s[from..].find(&digits) {
            let p = from + off;
            let e = p + digits.len();
            let before = s[..p].chars().next_back();
            let after = s[e..].chars().next();
            let glued = before.is_some_and(|c| c.is_lowercase() || ".,;:”’\")".contains(c));
            let free = after.is_none_or(|c| c.is_whitespace());
            let before2 = s[..p].chars().rev().nth(1);
            if glued
                && free
                && !before2.is_some_and(|c| c.is_ascii_digit())
                && !(before == Some('.') && before2.is_some_and(|c| c.is_ascii_digit()))
            {
                s.replace_range(p..e, &format!("[^{n}]"));
                found.push(n);
                break;
            }
            from = e;
        }
    }
    pending.retain(|n| !found.contains(n));
    s
}

fn superscript(n: u32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|c| SUP[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// Escape characters Markdown would read as markup inside a line.
pub fn escape_inline(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 8);
    for c in t.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

regex_fn!(block_start_re, r"^(?:(\d{1,9})([.)])(\s|$)|([#>+\-=|~])|(\s))");

/// Escape a paragraph so that it stays a paragraph: inline markup and
/// a start that would make a list, heading, quote or rule.
pub fn escape_line(t: &str) -> String {
    let e = escape_inline(t);
    match block_start_re().captures(&e) {
        Some(c) if c.get(1).is_some() => {
            let num = &c[1];
            format!("{num}\\{}", &e[num.len()..])
        }
        Some(c) if c.get(4).is_some() => format!("\\{e}"),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_line("1. Not a list"), "1\\. Not a list");
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("- not a list"), "\\- not a list");
        assert_eq!(escape_line("a *b* [c] <d>"), "a \\*b\\* \\[c\\] \\<d>");
        assert_eq!(escape_line("2017 was a year"), "2017 was a year");
    }

    #[test]
    fn markers() {
        let mut p = vec![1, 2];
        assert_eq!(
            add_markers("the evidence,1 a lone wolf", &mut p),
            "the evidence,[^1] a lone wolf"
        );
        assert_eq!(p, vec![2]);
        assert_eq!(add_markers("in 2012 there were 2 x", &mut p), "in 2012 there were 2 x");
        assert_eq!(add_markers("airstrikes.2 The", &mut p), "airstrikes.[^2] The");
        let mut p = vec![3];
        assert_eq!(add_markers("see \\[3\\] here", &mut p), "see [^3] here");
        let mut p = vec![1];
        assert_eq!(add_markers("version 3.1 is out", &mut p), "version 3.1 is out");
    }
}
