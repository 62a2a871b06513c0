//! The headline and the metadata around it: subtitle, byline, date; also
//! author bios after the body and publisher statements anywhere.

use super::lines::{fold, is_sentence, soft_chrome, Kind, Line, Role};
use crate::ingest::meta;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Default)]
pub struct Header {
    pub title: String,
    /// How headline-like the chosen headline is (feature score).
    pub title_score: f64,
    /// The line of the headline (the earliest of its nearby repeats).
    pub title_idx: Option<usize>,
    pub subtitle: Option<String>,
    pub subtitle_idx: Option<usize>,
    pub authors: Vec<String>,
    pub date: Option<Date>,
    pub date_inferred: bool,
    pub publisher: Option<String>,
    /// First line of the body proper (after headline, subtitle, byline).
    pub header_end: Option<usize>,
}

/// How many non-blank lines before the best run may hold the headline.
const TITLE_LOOKBACK: usize = 150;
/// How many non-blank lines into the best run usually hold the headline
/// (past them, or past 12 prose paragraphs or 40% of the run's prose, a
/// candidate is "deep").
const TITLE_LOOKAHEAD: usize = 80;
/// How far into the run deep candidates go: a run that opens with a mega
/// menu or teasers can hold the headline past the usual lookahead.
const DEEP_LOOKAHEAD: usize = 2 * TITLE_LOOKAHEAD;
const DEEP_PROSE: usize = 40;
/// Tenths of the run's prose that may go by before the last deep candidate.
const DEEP_MASS_TENTHS: usize = 7;
/// How many lines past the standfirst the byline zone reaches: an image,
/// its caption and credit often sit between the standfirst and the byline.
const ZONE_AFTER: usize = 4;
/// How far from the headline a one-word byline ("By Susan") is still read.
const NEAR_BYLINE: usize = 20;

fn nonblank_before(ls: &[Line], i: usize, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = i;
    while j > 0 && out.len() < n {
        j -= 1;
        if !ls[j].is_blank() {
            out.push(j);
        }
    }
    out
}

fn nonblank_after(ls: &[Line], i: usize, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = i + 1;
    while j < ls.len() && out.len() < n {
        if !ls[j].is_blank() {
            out.push(j);
        }
        j += 1;
    }
    out
}

/// A body paragraph rather than a label or a headline.
pub fn is_prose(l: &Line) -> bool {
    l.kind == Kind::Text && l.role == Role::Content && ((l.sentence && l.words >= 10) || l.words >= 20)
}

fn is_byline(l: &Line) -> bool {
    l.byline
}

fn is_meta(l: &Line) -> bool {
    l.meta
}

/// Names of the headline features, in the order of [`title_features`].
#[allow(dead_code)]
pub const TITLE_FEATURES: &[&str] = &[
    "bias",
    "words_4_20",
    "words_le3",
    "words_gt20",
    "ends_period",
    "ends_colon",
    "has_sentence_break",
    "has_date",
    "title_case",
    "repeated",
    "in_chrome_text",
    "name_like",
    "numbered",
    "dist_before",
    "in_run",
    "prose_before",
    "byline_or_date_after",
    "meta_after",
    "meta_before",
    "prev_byline",
    "prev_titlelike",
    "no_prose_after",
    "gap0",
    "gap1",
    "gap2",
    "gap3_5",
    "gap_more",
    "mass",
    "all_caps",
    "chars",
    "indented",
    "first_line",
    "position",
    "next_prose",
    "prev_bullet",
    "question",
    "starts_digit",
    "next_titlelike",
    "cta_start",
    "camel_glue",
    "next_is_meta",
    "prev_is_meta",
    "repeated_after",
    "phone_or_symbols",
    "in_run_first",
    "vocab_overlap",
    "vocab_overlap_half",
    "next_titlelike_longer",
    "lead_overlap",
    "content_words",
    "has_separator",
    "prev_short_text",
    "after_bullets",
    "next_bracket_or_caption",
    "echoed_by_breadcrumb",
    "soft_chrome",
    "caption",
    "deep",
    "beside_date",
    "starts_by",
    "slash_sep",
];

regex_fn!(
    cta_re,
    r"(?i)^(?:learn|read|get|request|book|sign|start|join|subscribe|download|view|shop|buy|try|contact|call|explore|discover|see|find|click|visit|watch|listen|follow|register|apply|order|schedule|back to|go to|return to)\b"
);

/// "ConductorWhy", "DataUnify": two menu entries glued by the dump.
fn camel_glued(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    cs.len() >= 6
        && cs
            .windows(3)
            .enumerate()
            .any(|(k, x)| k >= 2 && x[0].is_lowercase() && x[1].is_uppercase() && x[2].is_lowercase())
}

/// What the headline scorer knows about the page as a whole.
pub struct Ctx {
    /// Folded text of chrome and terminator lines ("3 thoughts on “...”").
    term_text: String,
    /// Lower-cased words of the run's prose.
    vocab: HashSet<String>,
    /// Candidates from this line on are past the usual lookahead.
    deep_from: usize,
}

fn content_words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn title_like(l: &Line) -> bool {
    l.kind == Kind::Text
        && l.role == Role::Content
        && (4..=25).contains(&l.words)
        && !l.text.trim_end().ends_with('.')
        && !is_meta(l)
        && !meta::is_name_like(&l.text)
}

/// Structural features of a headline candidate (see [`TITLE_FEATURES`]);
/// None for lines that cannot be a headline.
fn title_features(
    ls: &[Line],
    i: usize,
    seg_start: usize,
    dist: usize,
    prose_before: usize,
    counts: &HashMap<String, (usize, usize)>,
    ctx: &Ctx,
) -> Option<Vec<f64>> {
    let l = &ls[i];
    // A headline followed by "Image Credit: Pexels" is marked as a caption;
    // one with "Subscription" or two network names in it as chrome. A short
    // one is the prompt itself ("Newsletter Sign Up").
    let soft = l.role == Role::Chrome && l.words >= 4 && soft_chrome(l);
    if l.kind != Kind::Text || !(l.role == Role::Content || l.role == Role::Caption || soft) {
        return None;
    }
    let t = l.text.as_str();
    if l.words < 2 || l.words > 30 || t.len() > 300 {
        return None;
    }
    let first = t.chars().next()?;
    if t.contains("http") || t.contains('@') || t.contains('©') {
        return None;
    }
    let beside_date = l.dateline && !is_byline(l) && headline_beside_date(t).is_some();
    if !beside_date && (l.dateline || is_byline(l) || is_meta(l)) {
        return None;
    }
    if (l.words <= 5 && owner_re().is_match(t))
        || avatar_re().is_match(t)
        || image_word_re().is_match(t)
        || t.starts_with('|')
        || t.matches(" | ").count() >= 2
    {
        return None;
    }
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let end = t
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['"', '”', '’', '\'', ')']);
    let caps = t
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    let f = fold(t);
    let after = nonblank_after(ls, i, 4);
    let before = nonblank_before(ls, i, 3);
    let prev = before.first().map(|&p| &ls[p]);
    let mut gap = 0;
    let mut mass = 0;
    let mut found = false;
    let mut lead: HashSet<String> = HashSet::new();
    for m in ls.iter().take((i + 60).min(ls.len())).skip(i + 1) {
        if m.is_blank() {
            continue;
        }
        if is_prose(m) {
            if !found && m.text.len() < 20_000 {
                lead = content_words(&m.text).into_iter().collect();
            }
            found = true;
            mass += m.words;
            if mass >= 150 {
                break;
            }
            continue;
        }
        if found {
            continue;
        }
        if m.kind == Kind::Text && m.role == Role::Content && !is_meta(m) {
            gap += 1;
        }
    }
    // Headlines share their words with the article; menus and calls to
    // action do not.
    let content: Vec<String> = content_words(t);
    let overlap = if content.is_empty() {
        0.0
    } else {
        content.iter().filter(|w| ctx.vocab.contains(w.as_str())).count() as f64 / content.len() as f64
    };
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let in_run = i >= seg_start;
    Some(vec![
        1.0,
        b((4..=20).contains(&l.words)),
        b(l.words <= 3),
        b(l.words > 20),
        b(end.ends_with('.')),
        b(end.ends_with([':', ',', ';'])),
        b(t.contains(". ") && l.words > 8),
        b(!meta::find_dates(t).is_empty()),
        b(caps * 10 >= l.words * 6),
        b(counts.get(&f).map_or(0, |c| c.0) >= 2),
        b(f.len() >= 12 && ctx.term_text.contains(&f)),
        b(l.words <= 4 && meta::is_name_like(t)),
        b(numbered_re().is_match(t)),
        if in_run { 0.0 } else { (dist as f64 / 10.0).min(8.0) },
        b(in_run),
        if in_run { (prose_before as f64).min(10.0) } else { 0.0 },
        b(after.iter().any(|&j| is_byline(&ls[j]) || ls[j].dateline)),
        b(after.iter().any(|&j| is_meta(&ls[j]))),
        b(before.iter().any(|&j| is_meta(&ls[j]))),
        b(prev.is_some_and(is_byline)),
        b(prev.is_some_and(title_like)),
        b(!found),
        b(found && gap == 0),
        b(found && gap == 1),
        b(found && gap == 2),
        b(found && (3..=5).contains(&gap)),
        b(found && gap > 5),
        (mass as f64 / 40.0).min(4.0),
        b(all_caps),
        (t.chars().count() as f64 / 100.0).min(3.0),
        b(l.indent > 0),
        b(before.is_empty()),
        i as f64 / ls.len().max(1) as f64,
        b(after.first().is_some_and(|&j| is_prose(&ls[j]))),
        b(prev.is_some_and(|p| matches!(p.kind, Kind::Bullet { .. } | Kind::Numbered { .. }))),
        b(t.contains('?')),
        b(first.is_ascii_digit()),
        b(after.first().is_some_and(|&j| title_like(&ls[j]))),
        b(cta_re().is_match(t)),
        b(t.split_whitespace().any(camel_glued)),
        b(after.first().is_some_and(|&j| is_byline(&ls[j]) || ls[j].dateline)),
        b(prev.is_some_and(|p| is_byline(p) || p.dateline)),
        b(counts.get(&f).is_some_and(|c| c.1 > i)),
        b(t.contains(['®', '™', '$', '%']) || t.chars().filter(|c| c.is_ascii_digit()).count() >= 7),
        b(in_run && prose_before == 0),
        overlap,
        b(overlap >= 0.5),
        b(after
            .first()
            .is_some_and(|&j| title_like(&ls[j]) && ls[j].words > l.words)),
        if content.is_empty() {
            0.0
        } else {
            content.iter().filter(|w| lead.contains(w.as_str())).count() as f64 / content.len() as f64
        },
        (content.len() as f64 / 5.0).min(3.0),
        b(t.contains(" - ") || t.contains(" – ") || t.contains(" | ")),
        b(prev.is_some_and(|p| p.kind == Kind::Text && p.words <= 3)),
        b(nonblank_before(ls, i, 6)
            .iter()
            .filter(|&&j| matches!(ls[j].kind, Kind::Bullet { .. }))
            .count()
            >= 3),
        b(after
            .first()
            .is_some_and(|&j| ls[j].kind == Kind::Bracket || ls[j].role == Role::Caption)),
        b(echoed_by_breadcrumb(ls, i, &f)),
        b(l.role == Role::Chrome),
        b(l.role == Role::Caption),
        b(i >= ctx.deep_from),
        b(beside_date),
        b(by_label_re().is_match(t)),
        b(t.contains(" / ")),
    ])
}

/// How many non-blank lines on either side of a candidate may echo it.
const ECHO_REACH: usize = 8;

/// A breadcrumb next to the candidate names it as the page: a list item
/// that is the same text ("1. Home 2. Garden 3. Title", then "Title"), or
/// a longer line that ends with it ("Home / Tips & Tools / Title",
/// "HomeTitle"). Body headings and teasers are not echoed that way.
fn echoed_by_breadcrumb(ls: &[Line], i: usize, f: &str) -> bool {
    if f.len() < 8 {
        return false;
    }
    let before = nonblank_before(ls, i, ECHO_REACH);
    let after = nonblank_after(ls, i, ECHO_REACH);
    before.iter().chain(after.iter()).any(|&j| {
        let m = &ls[j];
        let list = matches!(m.kind, Kind::Bullet { .. } | Kind::Numbered { .. });
        // Cheap length tests first: this runs for every neighbour of every
        // candidate. Folding only removes characters, so a line that is not
        // a list item must be longer than the candidate to end with it.
        if m.text.len() > 400 || (!list && m.text.len() <= f.len()) {
            return false;
        }
        let g = fold(&m.text);
        if g == f {
            list
        } else {
            g.len() <= f.len() + 60 && g.ends_with(f) && crumbs_before(&m.text, &g[..g.len() - f.len()])
        }
    })
}

/// Whether `prefix` (folded), the part of `line` before an echoed
/// headline, reads as breadcrumbs ("Home Research", "Home / Health and
/// Wellness /") rather than as words of a longer heading ("Overview of
/// the Top 10 Shoe Companies in the World").
fn crumbs_before(line: &str, prefix: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "for", "and", "on", "with", "about", "from", "at", "is", "are", "how",
        "what", "why",
    ];
    line.contains(['/', '>', '»', '›', '|', '→', ':', '❯', '▸'])
        || !prefix.split_whitespace().any(|w| SMALL.contains(&w))
}

/// How many non-blank lines above a headline its fuller form may stand.
const FULLER_REACH: usize = 8;

/// An earlier title-like line, at least as long, that holds most of the
/// words of the headline `b` ("Top 10 Shoe Companies in the World You
/// Should Know About" over "Top 10 Shoe Companies in the World").
fn fuller_above(ls: &[Line], b: usize) -> Option<usize> {
    let bl = &ls[b];
    let words: Vec<String> = content_words(&bl.text);
    if words.len() < 2 {
        return None;
    }
    // A headline its breadcrumb names is the page's own.
    if echoed_by_breadcrumb(ls, b, &fold(&bl.text)) {
        return None;
    }
    // The nearest title-like line above only: past another one, the lines
    // are a list of teasers or a table of contents.
    let p = nonblank_before(ls, b, FULLER_REACH)
        .into_iter()
        .find(|&p| title_like(&ls[p]) && ls[p].words >= 5)?;
    let pl = &ls[p];
    if pl.words < bl.words
        || pl.words > bl.words + 6
        || pl.text.contains(['|', '>', '/', '·', '›', '»'])
        || pl.text.contains(" - ")
        || pl.text.contains(" – ")
    {
        return None;
    }
    // Not a breadcrumb or a teaser that quotes the headline.
    let (pf, bf) = (fold(&pl.text), fold(&bl.text));
    if pf == bf || (pf.contains(bf.as_str()) && !pf.starts_with(bf.as_str())) {
        return None;
    }
    let mine: Vec<String> = content_words(&pl.text);
    let have: HashSet<&str> = mine.iter().map(String::as_str).collect();
    let back: HashSet<&str> = words.iter().map(String::as_str).collect();
    (words.iter().filter(|w| have.contains(w.as_str())).count() * 10 >= words.len() * 6
        && mine.iter().filter(|w| back.contains(w.as_str())).count() * 10 >= mine.len() * 4)
        .then_some(p)
}

/// The headline under a short label `b` ("Diet & Fitness", then the
/// headline, then its standfirst and "Updated Dec. 23, 2024").
fn label_over_headline(ls: &[Line], b: usize) -> Option<usize> {
    let bl = &ls[b];
    if bl.words > 4 || bl.text.trim_end().ends_with(['.', '?', '!', ':']) {
        return None;
    }
    let n = *nonblank_after(ls, b, 1).first()?;
    let nl = &ls[n];
    // Title case or a colon: a standfirst under a headline is a sentence.
    let caps = nl
        .text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    if !title_like(nl) || nl.words < bl.words + 3 || !(caps * 10 >= nl.words * 6 || nl.text.contains(':')) {
        return None;
    }
    nonblank_after(ls, n, 3)
        .iter()
        .any(|&j| is_byline(&ls[j]) || ls[j].dateline)
        .then_some(n)
}

/// `DOSSIER_DEBUG_FEATURES=1` prints every headline candidate with its
/// features to stderr (to refit [`TITLE_WEIGHTS`]).
fn debug_features() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DOSSIER_DEBUG_FEATURES").is_some())
}

/// Weights of [`TITLE_FEATURES`]: an averaged ranking perceptron over the
/// structural features above, trained on the WCXB dev split (2-fold
/// cross-validated accuracy 0.67-0.70, about the same as on training halves, so the
/// features generalise rather than memorise pages). "first_line" is held at
/// zero: in w3m dumps the first line is navigation, but in text copied from
/// a browser it is usually the headline. "echoed_by_breadcrumb" was added
/// later with its weight set by hand (2.0 helps both halves of the dev set
/// alike; a full refit with it did worse on held-out halves than these
/// weights).
///
/// "soft_chrome", "caption" and "deep" mark candidates from the wider pool
/// added later (lines that are chrome only by a newsletter or social word,
/// lines marked as a caption by a credit under them, lines past the usual
/// lookahead); they are zero: the other features already rank those lines
/// (with them at zero, title accuracy on the text dumps of the WCXB dev set
/// went 0.738 -> 0.748, both halves up, and learning their weights on one
/// half did not help the other). "beside_date" marks a headline sharing its
/// line with its date (zero too). "starts_by" (-4, a byline the byline
/// parser missed) and "slash_sep" (-3, "Author / Site") were set by hand;
/// learned on either half alone they came out at -3.6 and -2.8 or stayed
/// at zero (no error on that half to learn from).
pub const TITLE_WEIGHTS: &[f64] = &[
    0.0, 2.57, 0.34, -2.91, -7.32, -4.23, -2.22, -1.4, 2.71, 0.27, 1.24, -2.85, -4.17, -0.25, -0.55, -2.13, 3.38, 1.16,
    0.67, -3.83, 0.6, -5.03, 1.24, 1.36, 1.17, 0.4, 0.85, 2.41, -1.89, 3.12, -10.0, 0.0, 0.99, -0.02, 0.96, 0.77, 1.5,
    0.41, -2.08, -3.44, 0.06, 2.69, -0.18, -0.68, -2.28, 5.36, 0.2, 0.45, 3.07, 0.27, -3.0, 0.2, 1.34, 0.01, 2.0, 0.0,
    0.0, 0.0, 0.0, -4.0, -3.0,
];

fn title_score(
    ls: &[Line],
    i: usize,
    seg_start: usize,
    dist: usize,
    prose_before: usize,
    counts: &HashMap<String, (usize, usize)>,
    ctx: &Ctx,
) -> Option<f64> {
    let f = title_features(ls, i, seg_start, dist, prose_before, counts, ctx);
    if f.is_none() && debug_features() {
        let l = &ls[i];
        eprintln!(
            "SKIP\t{i}\t{}\t{:?} {:?} byline={} meta={} dateline={}",
            l.text, l.kind, l.role, l.byline, l.meta, l.dateline
        );
    }
    let f = f?;
    if debug_features() {
        eprintln!("FEAT\t{i}\t{}\t{:?}", ls[i].text.replace('\t', " "), f);
    }
    let lower = ls[i].text.chars().next().is_some_and(char::is_lowercase);
    Some(f.iter().zip(TITLE_WEIGHTS).map(|(a, b)| a * b).sum::<f64>() - if lower { 4.0 } else { 0.0 })
}

pub fn find_header(ls: &[Line], seg: Range<usize>) -> Header {
    let mut h = Header::default();
    let n = ls.len();
    // Candidate lines around the start of the best run.
    let before = nonblank_before(ls, seg.start.min(n), TITLE_LOOKBACK);
    let mut cands: Vec<(usize, usize, usize)> = before.iter().enumerate().map(|(d, &i)| (i, d, 0)).collect();
    let mut deep_from = n;
    // Into the run: until a good part of its prose has gone by.
    let total: usize = ls[seg.start.min(n)..seg.end.min(n)]
        .iter()
        .filter(|l| is_prose(l))
        .map(|l| l.words)
        .sum();
    let mut prose = 0;
    let mut mass = 0;
    let mut d = 0;
    for (i, l) in ls.iter().enumerate().take(seg.end.min(n)).skip(seg.start) {
        if l.is_blank() {
            continue;
        }
        if (d >= TITLE_LOOKAHEAD || prose >= 12 || mass * 10 > total * 4) && deep_from == n {
            deep_from = i;
        }
        if d >= DEEP_LOOKAHEAD || prose >= DEEP_PROSE || mass * 10 > total * DEEP_MASS_TENTHS {
            break;
        }
        cands.push((i, d, prose));
        if is_prose(l) {
            prose += 1;
            mass += l.words;
        }
        d += 1;
    }
    // Repeated short lines (headline repeated in breadcrumbs, share text).
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut term_text = String::new();
    for (li, l) in ls.iter().enumerate() {
        if l.kind == Kind::Text && (2..=30).contains(&l.words) {
            let e = counts.entry(fold(&l.text)).or_default();
            e.0 += 1;
            e.1 = li;
        }
        // Bounded: every candidate is looked up in it.
        if term_text.len() < 100_000
            && (l.role == Role::Terminator || (l.role == Role::Chrome && l.words <= 40 && l.text.len() > 20))
        {
            term_text.push_str(&fold(&l.text));
            term_text.push('\n');
        }
    }
    let mut vocab: HashSet<String> = HashSet::new();
    let mut taken = 0;
    for l in &ls[seg.start.min(n)..seg.end.min(n)] {
        if taken > 3000 {
            break;
        }
        if is_prose(l) && l.text.len() < 20_000 {
            taken += l.words;
            vocab.extend(content_words(&l.text));
        }
    }
    let ctx = Ctx {
        term_text,
        vocab,
        deep_from,
    };
    let mut best: Option<(f64, usize)> = None;
    let debug = debug_features();
    if debug {
        eprintln!("seg {:?}", seg);
    }
    for &(i, dist, pb) in &cands {
        if let Some(s) = title_score(ls, i, seg.start, dist, pb, &counts, &ctx) {
            if debug {
                eprintln!("{s:6.1} {i:4} {}", ls[i].text);
            }
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, i));
            }
        }
    }
    // A headline directly followed by its (longer) standfirst: the dek
    // often looks more like prose-leading text than the headline itself.
    if let Some((bs, b)) = best {
        if let Some(&p) = nonblank_before(ls, b, 1).first() {
            let (pl, bl) = (&ls[p], &ls[b]);
            if p + 3 >= b
                && (4..=20).contains(&pl.words)
                && pl.words < bl.words
                && !bl.text.contains(':')
                && !pl.text.trim_end().ends_with(['.', ':'])
                && title_score(ls, p, seg.start, 0, 0, &counts, &ctx).is_some()
                && (p == 0 || nonblank_before(ls, p, 1).is_empty() || !title_like(bl) || bl.words >= 12)
            {
                best = Some((bs, p));
            }
        }
    }
    // A shorter rewording of an earlier line (the page's own short title
    // for listings, a breadcrumb-sized echo): the fuller line above is the
    // headline.
    if let Some((bs, b)) = best {
        if let Some(p) = fuller_above(ls, b) {
            if title_score(ls, p, seg.start, 0, 0, &counts, &ctx).is_some() {
                best = Some((bs, p));
            }
        }
    }
    // A section label or site name chosen over the headline under it: a
    // longer title-like line next, with the byline or date just below.
    if let Some((bs, b)) = best {
        if let Some(n) = label_over_headline(ls, b) {
            if title_score(ls, n, seg.start, 0, 0, &counts, &ctx).is_some() {
                best = Some((bs, n));
            }
        }
    }
    let Some((ts, mut t)) = best else {
        h.publisher = find_publisher_anywhere(ls);
        h.title_score = f64::NEG_INFINITY;
        return h;
    };
    h.title_score = ts;
    h.title = clean_title(
        Some(&ls[t])
            .filter(|l| l.dateline)
            .and_then(|l| headline_beside_date(&l.text))
            .unwrap_or(&ls[t].text),
    );
    let tf = fold(&ls[t].text);
    // The earliest repeat of the headline close above it starts the header.
    for j in nonblank_before(ls, t, 8) {
        if fold(&ls[j].text) == tf {
            t = j;
        }
    }
    h.title_idx = Some(t);

    // Scan the header: subtitle, then the first body paragraph.
    let mut k = 0;
    let mut header_end = None;
    let mut j = t + 1;
    while j < n {
        let l = &ls[j];
        j += 1;
        if l.is_blank() {
            continue;
        }
        k += 1;
        if k > 25 {
            break;
        }
        if l.kind != Kind::Text || l.role != Role::Content || is_meta(l) || fold(&l.text) == tf {
            continue;
        }
        if !is_prose(l)
            && h.subtitle.is_none()
            && l.words >= 6
            && !l.sentence
            && !l.text.contains(['|', '•', '›', '»'])
            && l.text.chars().next().is_some_and(char::is_uppercase)
        {
            h.subtitle = Some(l.text.clone());
            h.subtitle_idx = Some(j - 1);
            continue;
        }
        if is_prose(l) {
            if h.subtitle.is_none() && l.words <= 45 && qualifies_subtitle(ls, j - 1, &tf) {
                h.subtitle = Some(l.text.clone());
                h.subtitle_idx = Some(j - 1);
                continue;
            }
            header_end = Some(j - 1);
            break;
        }
    }
    h.header_end = Some(header_end.unwrap_or(t + 1));

    // Metadata from the lines around the headline.
    let zone_start = nonblank_before(ls, t, 6).last().copied().unwrap_or(t);
    let zone_end = {
        let he = h.header_end.unwrap_or(t + 1);
        nonblank_after(ls, he, ZONE_AFTER).last().copied().unwrap_or(he).max(he) + 1
    };
    let zone = zone_start..zone_end.min(n);
    if debug {
        eprintln!("title {t} header_end {:?} zone {:?}", h.header_end, zone);
    }
    read_meta(ls, zone.clone(), t, &counts, &mut h);
    if h.authors.is_empty() {
        // An explicit byline elsewhere: before the article, or in an
        // author box after it.
        // Far from the headline, a bare one-word "By X" is more often a
        // heading ("Types of apps" ... "By Functionality") than a byline;
        // "Written by X" is a byline anywhere.
        let byline_at = |i: usize| {
            meta::parse_byline(&ls[i].text).filter(|names| {
                i.abs_diff(t) <= NEAR_BYLINE
                    || labelled_byline_re().is_match(&ls[i].text)
                    || names.iter().all(|a| a.split_whitespace().count() >= 2)
            })
        };
        h.authors = (0..n)
            .filter(|&i| ls[i].words <= 14 && ls[i].kind == Kind::Text && ls[i].byline && !menu_byline(ls, i))
            .filter_map(|i| byline_at(i).map(|names| (i.abs_diff(t), names)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, names)| names)
            .unwrap_or_default();
    }
    if h.authors.is_empty() {
        // An author box: "About the author" (or "Written by") over a name.
        h.authors = ls
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.words <= 4
                    && matches!(
                        fold(&l.text).as_str(),
                        "about the author"
                            | "author"
                            | "written by"
                            | "posted by"
                            | "meet the author"
                            | "about the writer"
                            | "article by"
                    )
            })
            .find_map(|(i, _)| nonblank_after(ls, i, 2).into_iter().find_map(|j| name_line(&ls[j])))
            .map(|name| vec![name])
            .unwrap_or_default();
    }
    if h.authors.is_empty() {
        // An author's picture anywhere: "Headshot of Jane Doe, ...".
        h.authors = ls
            .iter()
            .filter(|l| l.words <= 30 && headshot_re().is_match(&l.text))
            .find_map(|l| {
                let c = headshot_re().captures(&l.text)?;
                let name = meta::clean_name(c[1].trim());
                (name.split_whitespace().count() >= 2 && meta::is_person_name(&name)).then_some(name)
            })
            .map(|name| vec![name])
            .unwrap_or_default();
    }
    for a in h.authors.iter_mut() {
        *a = meta::clean_name(a);
    }
    h.publisher = find_publisher_anywhere(ls);
    if h.date.is_none() {
        h.date = labelled_date_anywhere(ls);
    } else if let Some(d) = stated_original_date(ls) {
        // "This article was originally published on 26 Sep 2019 but has
        // been updated": the page says its header date is not the first one.
        h.date = Some(d);
    }
    if h.date.is_none() {
        // A dateline in the page header, nearest the headline; or a byline
        // that carries the date ("By Jane Doe ⋅ Editor ⋅ Updated May 6, 2025").
        let he = h.header_end.unwrap_or(t + 1);
        let end = nonblank_after(ls, he, 8)
            .last()
            .copied()
            .unwrap_or(he)
            .min(n.saturating_sub(1));
        h.date = (0..=end)
            .filter(|&i| {
                !ls[i].is_blank()
                    && ls[i].role != Role::Caption
                    && (ls[i].dateline || ls[i].byline)
                    && !in_dated_list(ls, i)
                    && meta::find_dates(&ls[i].text)
                        .first()
                        .is_some_and(|(_, r)| !not_publication_re().is_match(&ls[i].text[..r.start]))
            })
            .min_by_key(|&i| i.abs_diff(t))
            .and_then(|i| meta::parse_date(&ls[i].text));
    }
    if h.date.is_none() {
        if let Some(d) = caption_date(ls, t, zone.end) {
            h.date = Some(d);
            h.date_inferred = true;
        }
    }
    if h.authors.is_empty() {
        h.authors = bio_authors(ls, seg.end.max(zone.end));
    }
    if h.authors.is_empty() {
        // "This post was written by Danielle Padula, Head of Marketing".
        h.authors = ls
            .iter()
            .filter(|l| l.words <= 60 && l.text.contains("written by"))
            .find_map(|l| {
                let c = written_by_re().captures(&l.text)?;
                let names: Vec<String> = meta::split_names(&c[1])
                    .into_iter()
                    .filter(|n| n.split_whitespace().count() >= 2)
                    .collect();
                (!names.is_empty() && names.iter().all(|n| meta::is_person_name(n))).then_some(names)
            })
            .unwrap_or_default();
    }
    if h.authors.is_empty() {
        // A personal site: "Derek Seaman's Tech Blog" at the top.
        h.authors = site_owner(ls).map(|n| vec![n]).unwrap_or_default();
    }
    if h.authors.is_empty() {
        // "By Ask the Doctors", "By the Lavazza Team 2–3 minutes": a by-line
        // by the headline that names a column, a team or a company.
        h.authors = nonblank_before(ls, t, 3)
            .into_iter()
            .chain(nonblank_after(ls, t, 8))
            .find_map(|j| by_team_re().captures(ls[j].text.trim()).map(|c| c[1].to_string()))
            .map(|n| vec![n])
            .unwrap_or_default();
    }
    if h.authors.is_empty() {
        h.authors = name_over_date(ls, t).map(|n| vec![n]).unwrap_or_default();
    }
    h
}

regex_fn!(
    /// Labels, sections and counts that stand over a date as a name would.
    not_a_name_re,
    r"(?i)^(?:home|blog|news|share|menu|search|advertisement|sponsored|updated|published|posted(?: on)?|image|featured image|photo|video|by|written by|authors?|table of contents|contents|tags?|category|categories|products?|guides?|reviews?|resources|articles?|insights|podcasts?|events?|topics?|related|comments?|overview)$"
);

regex_fn!(reading_time_re, r"(?i)^\d+\s*(?:min|mins|minutes?)(?:\s+read)?$");

/// "Gabo" or "The Upwork Team" alone just under the headline, right over
/// the date, the reading time or "Published": a name the byline rules do
/// not take (one word, a handle, a team or a company). Several capitalised
/// words at most; not a label, a count or a list of sections.
fn name_over_date(ls: &[Line], t: usize) -> Option<String> {
    let tf = fold(&ls[t].text);
    let after = nonblank_after(ls, t, 5);
    after.windows(2).find_map(|w| {
        let (a, b) = (&ls[w[0]], &ls[w[1]]);
        let x = a.text.trim();
        let words: Vec<&str> = x.split_whitespace().collect();
        let glued = x
            .chars()
            .zip(x.chars().skip(1))
            .filter(|(p, q)| p.is_lowercase() && q.is_uppercase())
            .count();
        let ok = matches!(a.kind, Kind::Text | Kind::Bullet { .. })
            && a.role == Role::Content
            && !a.meta
            && (1..=3).contains(&words.len())
            && !x.ends_with([':', '.', '?', '!'])
            && !x.contains([':', '[', '|', '@', '/', ','])
            && !words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
            && (words.len() == 1 || words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)))
            && glued < 2
            && !not_a_name_re().is_match(x)
            && fold(x) != tf
            && (b.dateline || reading_time_re().is_match(b.text.trim()) || fold(&b.text) == "published");
        ok.then(|| x.to_string())
    })
}

regex_fn!(
    /// "By " and two to five words, each capitalised, a number ("3i"), a
    /// small word or a word for a team; maybe a reading time after.
    by_team_re,
    r"^By\s+((?:the\s+)?[\p{Lu}\d][\p{L}\d&.'’-]*(?:\s+(?:the|of|and|&|editors|team|staff|desk|writers|contributors|[\p{Lu}\d][\p{L}\d&.'’-]*)){1,4})(?:\s+\d+(?:[–-]\d+)?\s*(?:min|mins|minutes?)(?:\s+read)?)?$"
);

regex_fn!(
    written_by_re,
    r"(?i:\b(?:post|article|story|piece|essay|blog post|guide)\b[^.]{0,80}\bwas written by)\s+(\p{Lu}[^.;:]{2,80})"
);

regex_fn!(
    owner_name_re,
    r"^(\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){1,2})['’]s\s+(?:\w+\s+)?(?i:blog|substack|newsletter|site|website|journal|notebook|homepage)$"
);

/// The person a personal site belongs to, named at its top: "Derek
/// Seaman's Tech Blog". (A copyright holder is as often a company.)
fn site_owner(ls: &[Line]) -> Option<String> {
    ls.iter().filter(|l| !l.is_blank()).take(3).find_map(|l| {
        let c = owner_name_re().captures(l.text.trim())?;
        let name = c[1].to_string();
        meta::is_person_name(&name).then_some(name)
    })
}

/// The headline without what the dump glued to it: image placeholders
/// ("[svg] Title"), breadcrumbs ("Home » Blog » Title"), a "Title:" label,
/// the same text twice.
pub fn clean_title(t: &str) -> String {
    let mut t = strip_placeholders(t).trim().to_string();
    for sep in ['»', '❯', '▸', '›'] {
        if let Some(p) = t.rfind(sep) {
            let last = t[p + sep.len_utf8()..].trim();
            if last.split_whitespace().count() >= 2 {
                t = last.to_string();
            }
        }
    }
    if t.matches('/').count() >= 2 && !t.contains(" / ") {
        if let Some(p) = t.rfind('/') {
            let head = &t[..p];
            let last = t[p + 1..].trim();
            if last.split_whitespace().count() >= 3 && head.split('/').all(|seg| seg.split_whitespace().count() <= 6) {
                t = last.to_string();
            }
        }
    }
    if let Some(rest) = t.strip_prefix("Title:") {
        t = rest.trim().to_string();
    }
    let chars: Vec<char> = t.chars().collect();
    if chars.len() >= 8 && chars.len().is_multiple_of(2) {
        let (a, b) = chars.split_at(chars.len() / 2);
        if a == b {
            t = a.iter().collect();
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    if n >= 4 && n.is_multiple_of(2) && words[..n / 2] == words[n / 2..] {
        t = words[..n / 2].join(" ");
    }
    // "Title | Site", "Title – Opinion", "Title - Part 1": a short tail
    // after a spaced separator is the site, section or series, not the
    // headline.
    if let Some((p, sep)) = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|p| (p, *sep)))
        .max_by_key(|&(p, _)| p)
    {
        let (head, tail) = (&t[..p], &t[p + sep.len()..]);
        if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
            t = head.trim_end().to_string();
        }
    }
    t
}

/// The text without image placeholders and form fields ("[svg]",
/// "[IMG_0038-300x200]", "[    ]"), keeping bracketed parts of a headline:
/// a phrase ("[Step By Step]", "[2025 Data]") or a year ("[2025]").
fn strip_placeholders(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(s) = rest.find('[') {
        let Some(e) = rest[s..].find(']') else {
            break;
        };
        let inner = rest[s + 1..s + e].trim();
        let year = inner.len() == 4 && inner.chars().all(|c| c.is_ascii_digit()) && inner.starts_with(['1', '2']);
        let phrase = inner.split_whitespace().count() >= 2 && inner.chars().any(char::is_alphanumeric);
        out.push_str(&rest[..s]);
        if year || phrase {
            out.push_str(&rest[s..=s + e]);
        }
        rest = &rest[s + e + 1..];
    }
    out.push_str(rest);
    out
}

fn qualifies_subtitle(ls: &[Line], i: usize, tf: &str) -> bool {
    let l = &ls[i];
    let t = l.text.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    if !t.ends_with(['.', '!', '?', ':', ';', '…']) && l.words <= 45 {
        return true;
    }
    for j in nonblank_after(ls, i, 2) {
        let m = &ls[j];
        if is_meta(m) || fold(&m.text) == tf {
            return true;
        }
    }
    false
}

regex_fn!(numbered_re, r"^\d{1,3}[.)]\s");

regex_fn!(
    /// A byline the byline parser did not take ("By Ask the Doctors").
    by_label_re, r"^(?:By|BY|Written by|Posted by)\s+\S");

regex_fn!(
    /// Words of the labels and counts that share a line with a date.
    date_label_re,
    r"(?i)\b(?:published|updated|posted|modified|by|dated?|on|at|read|mins?|minutes?|comments?|views?|shares?|written|reviewed|edited|last|issue|volume|vol|no|posts?|events?|deadline)\b"
);

/// A headline and its date on one line ("Backup Strategy   January 22nd,
/// 2019", "Dec 18 2025 Preparing a transition in Debusine"): the headline
/// part, when the date stands at one end and the rest is neither a label
/// nor a name.
fn headline_beside_date(t: &str) -> Option<&str> {
    let ds = meta::find_dates(t);
    let [(_, r)] = ds.as_slice() else {
        return None;
    };
    let (head, tail) = (t[..r.start].trim(), t[r.end..].trim());
    let rest = match (head.is_empty(), tail.is_empty()) {
        (false, true) => head,
        (true, false) => tail,
        _ => return None,
    };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || ",-–—:".contains(c));
    let ok = (2..=12).contains(&rest.split_whitespace().count())
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !rest.contains(['|', '•', '·', '/'])
        && !date_label_re().is_match(rest)
        && !meta::is_name_like(rest);
    ok.then_some(rest)
}

regex_fn!(
    image_word_re,
    r"(?i)^(?:(?:hero|featured|header|cover)\s+)?(?:logo|icon|image|img|photo|avatar|headshot|thumbnail|banner)\b|\b(?:logo|icon|image|img|photo|avatar|headshot|thumbnail|banner|cover)$"
);

regex_fn!(updated_re, r"(?i)\b(?:updated|modified|reviewed|edited|revised)\b");

regex_fn!(
    published_re,
    r"(?i)\b(?:published|posted|released|issued|dated?)\b(?:\s+on)?\s*:?\s*$"
);

regex_fn!(published_label_re, r"(?i)^(?:published|posted|by\b)");

regex_fn!(
    /// Dates that say something else: events, offers, profiles, mail headers.
    not_publication_re,
    r"(?i)\b(?:last active|active|open today|opens?|closes?|effective|valid|expires?|deadline|due|starts?|ends?|event|registration|joined|member since|born|until|through|from|date:\s*(?:mon|tue|wed|thu|fri|sat|sun))\b[^0-9]{0,30}$"
);

/// A bulleted line in a run of dated bullets (a timeline, an event list).
fn in_dated_list(ls: &[Line], i: usize) -> bool {
    if !matches!(ls[i].kind, Kind::Bullet { .. }) {
        return false;
    }
    let mut near = nonblank_before(ls, i, 3);
    near.extend(nonblank_after(ls, i, 3));
    near.iter()
        .filter(|&&j| matches!(ls[j].kind, Kind::Bullet { .. }) && !meta::find_dates(&ls[j].text).is_empty())
        .count()
        >= 2
}

regex_fn!(
    owner_re,
    r"['’]s\s+(?:\w+\s+)?(?:blog|substack|newsletter|site|website|journal|notebook)\b"
);

regex_fn!(
    headshot_re,
    r"(?:^|\s)(?:Picture|Avatar|Headshot|Portrait|Profile (?:picture|photo)) of\s+([^,.\[\]]+)"
);

regex_fn!(
    avatar_re,
    r"^(?:(?:Picture|Photo|Image|Avatar|Headshot|Portrait) of\s+([^,]+?)(?:(?:Picture|Photo|Image|Avatar|Headshot|Portrait) of\b.*|,.*)?$|(.+?)['’]s?\s+(?:avatar|profile picture|photo|headshot)$)"
);

regex_fn!(
    /// A byline with a label that only bylines have: "Written by", "Posted by", "Author:".
    labelled_byline_re,
    r"(?i)\b(?:written|posted|published|authored)\s+by\b|^\s*authors?\s*:"
);

regex_fn!(
    /// What a "by" after these words names is not the article's author:
    /// "reviewed by", "Powered by" (an "Avatar photo by" names the author).
    not_author_by_re,
    r"(?i)\b(?:reviewed|edited|checked|fact-checked|illustrated|designed|powered|sponsored|presented|hosted|narrated|translated|produced|curated)\s*$"
);

regex_fn!(
    /// "... and Canada. By Lisa Jennings on Dec. 19, 2025": a byline closing a line.
    trailing_byline_re,
    r"[.!?|]\s+By\s+(\p{Lu}[\p{L}.'’ -]{2,60}?)\s+on\s"
);

/// Names, then their job or outlet after a bar or a wide gap: "Manoj Jain
/// and Jagpreet Chhatwal  |  Guest Columnists", "Brian Truitt   USA TODAY".
fn affiliated_names(t: &str) -> Option<Vec<String>> {
    let (names, rest) = t.split_once(" | ").or_else(|| t.split_once("   "))?;
    let rest = rest.trim();
    let words = rest.split_whitespace().count();
    let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).collect();
    let outlet = words <= 3 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let role = meta::is_role(rest) || meta::is_role(rest.trim_end_matches('s'));
    if !(outlet || role) || rest.contains('|') || !meta::find_dates(t).is_empty() {
        return None;
    }
    let parsed = meta::split_names(names.trim());
    let whole = parsed.join(" ").split_whitespace().count()
        == names.split_whitespace().filter(|w| !matches!(*w, "and" | "&")).count();
    (!parsed.is_empty()
        && whole
        && parsed
            .iter()
            .all(|n| n.split_whitespace().count() >= 2 && meta::is_person_name(n)))
    .then_some(parsed)
}

/// The name after an "Author" label, printed once or twice.
fn labelled_name(rest: &str) -> Option<String> {
    let name = meta::clean_name(rest.trim());
    (name.split_whitespace().count() >= 2 && name.split_whitespace().count() <= 4 && meta::is_person_name(&name))
        .then_some(name)
}

/// A "By ..." entry of a menu: "By State", "By Style" in a list of them.
fn menu_byline(ls: &[Line], i: usize) -> bool {
    let by = |l: &Line| {
        matches!(l.kind, Kind::Bullet { .. })
            && l.text
                .trim_start()
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case("by "))
    };
    by(&ls[i])
        && nonblank_before(ls, i, 1)
            .into_iter()
            .chain(nonblank_after(ls, i, 1))
            .any(|j| by(&ls[j]))
}

fn read_meta(ls: &[Line], zone: Range<usize>, title: usize, counts: &HashMap<String, (usize, usize)>, h: &mut Header) {
    let mut published: Option<Date> = None;
    let mut updated: Option<Date> = None;
    let mut date_lines: Vec<usize> = Vec::new();
    for i in zone.clone() {
        let l = &ls[i];
        if l.is_blank() || i == title || l.words > 80 || l.role == Role::Caption {
            continue;
        }
        if h.authors.is_empty() && l.words > 8 {
            // A byline at the end of the standfirst: "... and Canada. By
            // Lisa Jennings on Dec. 19, 2025".
            if let Some(c) = trailing_byline_re().captures(&l.text) {
                if c.get(0)
                    .is_some_and(|m| !meta::find_dates(&l.text[m.end()..]).is_empty())
                {
                    if let Some(names) = meta::parse_byline(&format!("By {}", &c[1])) {
                        h.authors = names;
                    }
                }
            }
        }
        if l.words > 30 {
            continue;
        }
        let short = l.words <= 25 || published_label_re().is_match(&l.text);
        if h.authors.is_empty() && !menu_byline(ls, i) {
            if let Some(names) = meta::parse_byline(&l.text) {
                h.authors = names;
            } else if let Some(p) = l.text.find(" By ").or_else(|| l.text.find(" by ")) {
                // "Bhaval Patel By Bhaval Patel Last Updated: ..."; not a
                // list item ("1. Choose Boring Technology (2015) by Dan McKinley").
                if l.words <= 15
                    && !matches!(l.kind, Kind::Bullet { .. })
                    && !numbered_re().is_match(&l.text)
                    && !not_author_by_re().is_match(&l.text[..p])
                {
                    // "Comparison of Platforms by Industry": a one-word
                    // name there is a heading's qualifier, unless a date or
                    // a label says it is a byline ("Posted by Soliant on ...").
                    let dated =
                        !meta::find_dates(&l.text).is_empty() || labelled_byline_re().is_match(&l.text[..p + 1]);
                    if let Some(names) = meta::parse_byline(&l.text[p + 1..])
                        .filter(|names| dated || names.iter().all(|a| a.split_whitespace().count() >= 2))
                    {
                        h.authors = names;
                    }
                }
            } else if matches!(
                fold(&l.text).as_str(),
                "by" | "author" | "written by" | "posted by" | "article by"
            ) {
                // "By" on its own line, the name on the next.
                // "Written by" / "Eliz - Product marketer": the name part.
                if let Some(&j) = nonblank_after(ls, i, 1).first() {
                    let t = ls[j].text.trim();
                    if ls[j].words <= 4 && meta::is_name_like(t) && meta::find_dates(t).is_empty() {
                        h.authors = vec![t.to_string()];
                    } else if ls[j].words <= 10 && meta::find_dates(t).is_empty() {
                        if let Some(names) = meta::parse_byline(&format!("By {t}"))
                            .map(|names| {
                                names
                                    .into_iter()
                                    .filter(|n| meta::is_person_name(n))
                                    .collect::<Vec<_>>()
                            })
                            .filter(|names| !names.is_empty())
                        {
                            h.authors = names;
                        }
                    }
                }
            } else if let Some(names) = affiliated_names(&l.text) {
                // "Manoj Jain and Jagpreet Chhatwal  |  Guest Columnists".
                h.authors = names;
            } else if let Some(name) = l.text.strip_prefix("Author ").and_then(labelled_name) {
                // "Author Yaren Fadiloglulari Yaren Fadiloglulari".
                h.authors = vec![name];
            }
        }
        for (d, r) in meta::find_dates(&l.text).into_iter().filter(|_| short) {
            let before = &l.text[..r.start];
            if not_publication_re().is_match(before) || in_dated_list(ls, i) {
                continue;
            }
            date_lines.push(i);
            if updated_re().is_match(before) && !published_re().is_match(before) {
                updated.get_or_insert(d);
            } else {
                published.get_or_insert(d);
            }
        }
        // A date written in the previous line's label: "Published\nDec 19, 2025".
    }
    // An "updated" date stands in for a missing publication date.
    h.date = published.or(updated);
    if !h.authors.is_empty() {
        return;
    }
    // Name lines: under an avatar caption or next to the dateline.
    for i in zone.clone() {
        let l = &ls[i];
        if let Some(c) = avatar_re().captures(&l.text) {
            let name = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str()).trim();
            if meta::is_name_like(name) {
                h.authors = vec![name.to_string()];
                return;
            }
        }
    }
    // Names written on the dateline itself: "Jane Doe Published: ...",
    // "Dec. 19, 2025 · Niko Matsakis".
    for &d in &date_lines {
        if d == title {
            continue;
        }
        let text = &ls[d].text;
        if let Some((_, r)) = meta::find_dates(text).into_iter().next() {
            if let Some(name) = meta::name_before_date(&text[..r.start]) {
                h.authors = vec![name];
                return;
            }
            // "December 15, 2025 · 30 min · Ash Vardanian": the last part
            // that is a name.
            let after = meta::strip_brackets(&text[r.end..]);
            let names: Vec<String> = after
                .split(['·', '•', '|'])
                .skip(1)
                .map(str::trim)
                .filter(|p| p.split_whitespace().count() >= 2 && meta::is_person_name(p))
                .map(str::to_string)
                .collect();
            if let Some(name) = names.last() {
                h.authors = vec![name.clone()];
                return;
            }
            let rest = after.trim_start_matches(|c: char| " ·•|–—-,".contains(c) || c.is_ascii_digit() || c == ':');
            if let Some(name) = meta::split_names(rest).into_iter().next() {
                if meta::is_person_name(&name) && name.split_whitespace().count() >= 2 && rest.starts_with(&name) {
                    h.authors = vec![name];
                    return;
                }
            }
        }
    }
    // Name lines near the headline and the dateline, best supported first:
    // repeated on the page (avatar text, author box), subject of a bio.
    let owner_text: Vec<String> = ls
        .iter()
        .filter(|l| {
            l.words <= 20
                && (l.text.contains('©') || l.text.to_lowercase().contains("copyright") || owner_re().is_match(&l.text))
        })
        .map(|l| fold(&l.text))
        .collect();
    let bio_names: Vec<String> = ls
        .iter()
        .filter(|l| l.words >= 6 && l.words <= 120 && has_bio_verb(&l.text))
        .filter_map(|l| bio_re().captures(&l.text).map(|c| c[1].to_string()))
        .collect();
    let mut best: Option<(i32, String)> = None;
    for j in zone.clone() {
        if j == title || ls[j].is_blank() {
            continue;
        }
        let Some(name) = name_line(&ls[j]) else {
            continue;
        };
        let mut score = 0;
        if date_lines.iter().any(|&d| d.abs_diff(j) <= 3) {
            score += 3;
        } else if date_lines.is_empty()
            && nonblank_after(ls, j, 2)
                .iter()
                .any(|&k| is_meta(&ls[k]) && !ls[k].byline)
        {
            // No full date in the header: "Dr. Allen" over "Jan 4" and "2 min read".
            score += 3;
        }
        if counts.get(&fold(&ls[j].text)).map_or(0, |c| c.0) >= 2 || once(&ls[j].text).is_some() {
            score += 3;
        }
        if bio_names.iter().any(|b| name.starts_with(b.as_str())) {
            score += 4;
        }
        // The site's owner: "© 2025 Cassidy Williams", "Derek Seaman's Tech Blog".
        let nf = fold(&name);
        if owner_text.iter().any(|o| o.contains(&nf)) {
            score += 3;
        }
        if j.abs_diff(title) <= 6 {
            score += 1;
        }
        // A job title under the name: "Brinda Gulati" / "Content Editor"
        // (the title ends with its noun; "Expert Reviewed" is a label).
        if nonblank_after(ls, j, 1).first().is_some_and(|&k| {
            ls[k].words <= 5
                && meta::is_role(&ls[k].text)
                && meta::is_role(
                    ls[k]
                        .text
                        .split(" of ")
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .last()
                        .unwrap_or(""),
                )
                && meta::find_dates(&ls[k].text).is_empty()
        }) {
            score += 3;
        }
        // Date proximity alone is not enough: labels sit next to dates too.
        if score >= 4 && best.as_ref().is_none_or(|(bs, _)| score > *bs) {
            best = Some((score, name));
        }
    }
    if let Some((_, name)) = best {
        h.authors = vec![name];
    }
}

/// The text once if it is two or three copies of itself, glued or spaced:
/// "Jane DoeJane Doe", "Jane Doe Jane Doe" (an avatar's alt text and a
/// link to the author's page printed next to the name).
fn once(t: &str) -> Option<&str> {
    let t = t.trim();
    let dense: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    let copies = [2, 3].into_iter().find(|&k| {
        dense.len() >= 4 * k && dense.len().is_multiple_of(k) && {
            let unit = &dense[..dense.len() / k];
            dense.chunks(unit.len()).all(|c| c == unit)
        }
    })?;
    // The end of the first copy in `t`, counting letters only.
    let want = dense.len() / copies;
    let mut seen = 0;
    for (p, c) in t.char_indices() {
        if !c.is_whitespace() {
            seen += 1;
            if seen == want {
                return Some(t[..p + c.len_utf8()].trim());
            }
        }
    }
    None
}

/// A line that is just a person's name (with credentials): "Dylan Bailey, MS, RD".
fn name_line(l: &Line) -> Option<String> {
    // "[Denise_Eve] Denise Everheart": an avatar placeholder before the name.
    let unbracketed = meta::strip_brackets(&l.text);
    let t = once(&unbracketed).unwrap_or(unbracketed.trim());
    if l.role != Role::Content
        || !matches!(l.kind, Kind::Text | Kind::Bullet { .. })
        || t.split_whitespace().count() > 8
    {
        return None;
    }
    if !meta::find_dates(t).is_empty() {
        return None;
    }
    let (name, creds) = match t.split_once(',') {
        Some((n, c)) => (n.trim(), Some(c)),
        None => (t, None),
    };
    if let Some(c) = creds {
        if meta::is_role(c) {
            return (name.split_whitespace().count() >= 2 && meta::is_person_name(name)).then(|| name.to_string());
        }
        if !meta::is_credentials(c) {
            return None;
        }
    }
    if creds.is_none() {
        // A brand's team: "BCBSOK Connect Team", "Everfit Team".
        if let Some(brand) = name.strip_suffix(" Team").or_else(|| name.strip_prefix("Team ")) {
            let brand = brand.trim();
            if brand.split_whitespace().count() <= 3 && meta::is_person_name(brand) {
                return Some(name.to_string());
            }
        }
    }
    (name.split_whitespace().count() >= 2 && meta::is_person_name(name)).then(|| t.to_string())
}

regex_fn!(
    labelled_re,
    r"(?i)^(?:(?:this (?:article|post|story|piece) (?:was )?)?(?:originally\s+)?(?:published|posted|first published)(?:\s+by\s+[^0-9|]{1,60}?\s+on\b|\s+on)?|date\s+published|publish(?:ed)?\s+date|publication date)\s*:?\s*"
);

regex_fn!(
    original_re,
    r"(?i)^(?:this (?:article|post|story|piece) (?:was )?)?(?:originally|first) published(?:\s+on)?\s*:?\s*"
);

/// The date of an "originally published on ..." statement, if the page
/// makes one.
fn stated_original_date(ls: &[Line]) -> Option<Date> {
    ls.iter().filter(|l| !l.is_blank() && l.words <= 40).find_map(|l| {
        let m = original_re().find(&l.text)?;
        let (d, r) = meta::find_dates(&l.text[m.end()..]).into_iter().next()?;
        (r.start <= 2).then_some(d)
    })
}

/// "Published on 3 May 2021" anywhere in a short line.
fn labelled_date_anywhere(ls: &[Line]) -> Option<Date> {
    for (i, l) in ls.iter().enumerate() {
        if l.words > 40 || l.is_blank() {
            continue;
        }
        if let Some(m) = labelled_re().find(&l.text) {
            let rest = &l.text[m.end()..];
            if let Some((d, r)) = meta::find_dates(rest).into_iter().next() {
                // A long line only with the date right after its label:
                // "Posted on November 25, 2024 in College of Health Sciences, ...".
                if r.start <= 12 && (l.words <= 20 || r.start <= 2) {
                    return Some(d);
                }
            }
            if rest.trim().is_empty() {
                // The date on the next line, or after a second label line
                // ("Published" / "Publish date" / "15 November 2018").
                for j in nonblank_after(ls, i, 2) {
                    if ls[j].dateline {
                        return meta::parse_date(&ls[j].text);
                    }
                    if !labelled_re()
                        .find(&ls[j].text)
                        .is_some_and(|m| ls[j].text[m.end()..].trim().is_empty())
                    {
                        break;
                    }
                }
            }
        }
    }
    None
}

/// A dated photo caption near the top: evidence for (not a statement of) the
/// publication date.
fn caption_date(ls: &[Line], title: usize, zone_end: usize) -> Option<Date> {
    let end = nonblank_after(ls, zone_end, 10)
        .last()
        .copied()
        .unwrap_or(zone_end)
        .min(ls.len().saturating_sub(1));
    (title..=end)
        .filter(|&i| ls[i].role == Role::Caption)
        .find_map(|i| meta::parse_date(&ls[i].text))
}

/// Cheap test before [`bio_re`].
fn has_bio_verb(t: &str) -> bool {
    [" is ", " was ", " has been ", " serves as ", " works as ", " writes"]
        .iter()
        .any(|v| t.contains(v))
}

regex_fn!(pub bio_re, r"^((?:Dr\.? |Prof\.? )?\p{Lu}[\p{L}.'’-]+(?: (?:\p{Lu}[\p{L}.'’-]*|van|der|de|al-\p{L}+|bin))+) (?:is|was|has been|serves as|works as|writes)\b");

/// Authors from bios after the body: "Peter Smith is a researcher ...", or
/// names listed under an "Authors" label.
fn bio_authors(ls: &[Line], from: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_authors = false;
    let mut seen = 0;
    for l in ls.iter().skip(from) {
        if l.is_blank() {
            continue;
        }
        seen += 1;
        if seen > 300 {
            break;
        }
        let f = fold(&l.text);
        if l.role == Role::Terminator {
            in_authors = f.starts_with("author") || f.starts_with("about the") || f.starts_with("written by");
            continue;
        }
        if l.words <= 120 && (l.sentence || l.words > 8) {
            if let Some(c) = bio_re().captures(&l.text) {
                let name = c[1].to_string();
                if meta::is_person_name(&name) && !out.contains(&name) && out.len() < 6 {
                    out.push(name);
                }
                continue;
            }
        }
        if in_authors {
            // Two words at least: one-word entries there are a menu
            // ("Themes", "Issues", "Sitemap").
            if (2..=5).contains(&l.words) && meta::is_person_name(&l.text) {
                let name = l.text.trim().to_string();
                if !out.contains(&name) && out.len() < 6 {
                    out.push(name);
                }
            } else if l.words > 3 {
                // Anything but names, bios and short labels ends the box.
                in_authors = false;
            }
        }
    }
    out
}

/// "Originally published at X", "... editorial policy of X", "© 2024 X".
pub fn find_publisher_anywhere(ls: &[Line]) -> Option<String> {
    let mut copyright = None;
    for l in ls {
        if l.is_blank() || l.words > 40 {
            continue;
        }
        if let Some(p) = meta::parse_publisher(&l.text) {
            if l.text.contains('©') || l.text.to_lowercase().starts_with("copyright") {
                if copyright.is_none() && p.split_whitespace().count() <= 6 {
                    copyright = Some(p);
                }
            } else {
                return Some(p);
            }
        }
    }
    let _ = is_sentence;
    copyright
}
