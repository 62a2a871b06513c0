//! A last pass over the Markdown body: short blocks that are page furniture
//! rather than article (buttons, share and newsletter prompts, "Read more",
//! "Table of contents", bare datelines and numbers), a repeated headline
//! at the top, labels and headings left at either end, everything after a
//! marker of the page's tail (related posts, comments, sources, appeals,
//! an author box), and a second copy of a run of blocks. Only whole blocks
//! are dropped, never words inside text.

use super::dates::find_date_in_text;
use super::text::fold_key;
use regex::Regex;
use std::sync::LazyLock;

/// Whole-block patterns (on the folded text: lower case, letters, digits
/// and single spaces).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
        (?:book|buy|shop|order|subscribe|sign\ up|register|enroll|donate|download|apply|join|start|try\ it|try)(?:\ now|\ today|\ here|\ free)?
        | (?:learn|read|see|view|show|load|discover|find\ out|explore)\ (?:more|all|less|the\ (?:full\ )?(?:review|rating|story|article|post)|full\ review|details|article|review|deal|deals|plans|pricing|price|prices|on\ \w+|at\ \w+|in\ list)
        | (?:continue\ reading|keep\ reading|read\ next|up\ next|next\ article|previous\ article|next\ post|previous\ post|older\ posts|newer\ posts)
        | (?:buy|view|see|shop|check)\ (?:it\ )?(?:on|at|from)\ \w+(?:\ \w+)?
        | (?:see|check)\ (?:the\ )?(?:latest\ )?(?:price|prices|deal|deals|availability)(?:\ (?:on|at)\ \w+)?
        | (?:check\ \w+\ price|see\ price\ at\ \w+|best\ prices\ today|where\ to\ buy|view\ deal|visit\ (?:website|site|store)|jump\ to\ (?:review|recipe|section)|to\ the\ review)
        | (?:get\ (?:a\ )?(?:quote|demo|started|in\ touch|the\ app|your\ free\ \w+)|contact\ us|call\ (?:us\ )?(?:now|today)|website\ call)
        | (?:table\ of\ contents|contents|in\ this\ article|on\ this\ page|jump\ to|skip\ to\ content|back\ to\ top|back\ to\ \w+|go\ back|return\ to\ \w+)
        | (?:share|share\ this|share\ this\ (?:article|post|story|page)|share\ on\ \w+|tweet|pin\ it|email|print|copy\ link|link\ copied|follow\ us(?:\ on\ \w+)?)
        | (?:related|related\ (?:articles|posts|stories|content|reading|topics)|recommended(?:\ for\ you)?|you\ may\ also\ like|more\ (?:from|on|in)\ \w+(?:\ \w+)?|popular\ posts|trending|latest\ (?:posts|articles|news))
        | (?:about\ the\ author|written\ by|posted\ by|author|authors|tags|tagged|categories|category|filed\ under|topics|advertisement|sponsored|ad)
        | (?:\d+\ (?:min|mins|minute|minutes)\ (?:read|to\ read|reading\ time)|reading\ time\ \d+\ (?:min|mins|minutes)|\d+\ (?:comments?|likes?|shares?|views?))
        | (?:leave\ a\ (?:comment|reply)|comments?|no\ comments(?:\ yet)?|add\ comment|post\ comment|reply)
        | (?:loading|loading\ \w+(?:\ \w+){0,4}|please\ wait)
        | (?:newsletter|sign\ up\ for\ (?:our|the)\ newsletter|subscribe\ to\ (?:our|the)\ newsletter|join\ our\ (?:newsletter|mailing\ list))
        | (?:example\ h[1-6]|heading\ [1-6]|text\ link|toggle|contents\ hide|(?:show|hide)\ caption|skip\ to\ main\ content|article\ continues\ below|copied)
        | (?:edited\ by|reviewed\ by|fact\ checked\ by|medically\ reviewed\ by|last\ updated|last\ update|updated|published|mins?\ read)
        | (?:pros|cons|pros\ and\ cons|what\ we\ like|what\ we\ don\ t\ like|key\ specs|specifications|overall\ score|rating|our\ rating|score)
        )$",
    )
    .expect("valid regex")
});

fn is_furniture(block: &str) -> bool {
    let text = block.trim_start_matches(['#', '>', '-', '*', ' ']);
    let key = fold_key(&text.replace('\\', ""));
    if key.is_empty() {
        return true;
    }
    let words = key.split(' ').count();
    if words > 8 {
        return false;
    }
    // No letters at all: prices, scores, counters.
    if !key.chars().any(char::is_alphabetic) {
        return true;
    }
    if FURNITURE.is_match(&key) {
        return true;
    }
    // A bare dateline: the date and at most a few words ("Updated", "by").
    if words <= 6 {
        if let Some(_d) = find_date_in_text(text) {
            let without_digits: Vec<&str> = key
                .split(' ')
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !is_month(w))
                .collect();
            if without_digits.len() <= 2 {
                return true;
            }
        }
    }
    false
}

/// A line that points to another article ("Related: How to ...", "See
/// also: ..."): a link set in the text, not part of it. A longer block
/// with such a label is a paragraph that happens to start that way.
static LINK_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:related|see\s+also)\s*:").expect("valid regex"));
const LINK_LINE_WORDS: usize = 25;

fn is_link_line(block: &str) -> bool {
    let text = block.trim_start_matches(['#', '>', '-', '*', '_', ' ']);
    block.split_whitespace().count() <= LINK_LINE_WORDS && LINK_LINE.is_match(text)
}

fn is_month(w: &str) -> bool {
    const M: [&str; 24] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    M.contains(&w)
}

/// Headings and lines after which a page has left the article: related
/// posts, comments, author boxes, newsletter prompts, and the list of
/// sources or footnotes at the end (the annotated dev pages mostly leave it
/// out; a single "Source:" line is not a marker), a contact prompt, the
/// "Previous" control of a carousel of other posts, and the appeals that
/// follow an article (a paywall notice, a call for donations).
static TAIL_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
        related(?:\ (?:articles?|posts?|stories|content|reading|news|guides|resources|topics|products|blogs?|blog\ posts|videos))?
        | related\ (?:articles?|posts?|stories|content|reading|guides|resources)(?:\ \w+){1,6}
        | (?:latest|more|recent)\ posts\ by(?:\ \w+){1,4}|author\ recent\ posts
        | how\ was\ this\ (?:issue|article|post|newsletter|guide|story)|rate\ this\ (?:issue|article|post|newsletter|guide|story)
        | did\ you\ (?:find|like|enjoy)\ this\ (?:issue|article|post|newsletter|guide|story)(?:\ \w+){0,3}
        | was\ this\ (?:article|post|guide|information)\ (?:useful|helpful)
        | (?:you\ (?:may|might)\ also\ (?:like|enjoy|be\ interested\ in)|recommended(?:\ (?:for\ you|articles|posts|reading))?|read\ (?:next|more|also)|read\ this\ next|more\ (?:stories|articles|posts|news|to\ read)(?:\ from\ \w+(?:\ \w+)?)?|more\ from\ \w+(?:\ \w+){0,3})
        | (?:more\ )?(?:articles|posts|stories)\ you\ (?:may|might)\ (?:also\ )?(?:like|enjoy)
        | (?:popular|trending|latest|recent)\ (?:posts|articles|stories|news|now|blogs?|blog\ posts)
        | editors\ (?:picks|choice)
        | (?:\d+\ )?(?:comments?|responses?|replies)(?:\ \d+)?
        | leave\ a\ (?:comment|reply)|join\ the\ (?:conversation|discussion)|add\ a\ comment
        | (?:sign\ up\ for|subscribe\ to)\ (?:our|the)\ newsletter|newsletter\ sign\ up|get\ (?:our|the)\ newsletter
        | share\ (?:this|this\ (?:article|post|story))|share\ on(?:\ \w+)?|share\ the\ (?:blog|post|article)\ on
        | (?:get\ in\ touch|contact\ us|connect\ with\ us)(?:\ with\ (?:one\ of\ )?our\ \w+)?
        | previous|prev
        | enjoyed\ this\ (?:piece|article|post|story)(?:\ .*)?|(?:this\ (?:article|story|post)\ is\ )?exclusive\ to\ (?:\w+\ )?subscribers
        | become\ a\ (?:paid\ )?(?:subscriber|member|patron)|support\ (?:us|our\ (?:work|mission|journalism))
        | also\ in\ (?:the\ )?\w+(?:\ \w+)?|other\ posts|you\ ?ll\ also\ love|more\ like\ this|related\ pages
        | more\ news|in\ other\ news|if\ you\ liked\ this\ (?:post|article)\ you\ might\ also\ like
        | was\ this\ (?:page|article|post)\ helpful|meet\ your\ guide|topics\ covered
        | (?:article\ )?(?:sources|references|footnotes|citations|bibliography|works\ cited)
        )$",
    )
    .expect("valid regex")
});

/// A tail marker is a short line: its longest pattern ("if you liked this
/// post you might also like") is nine words.
const TAIL_MARKER_WORDS: usize = 10;

/// How far down the headline repeated as a heading is dropped.
const HEADLINE_BLOCKS: usize = 4;

/// A tail marker followed this closely by a paragraph this long, which the
/// second extractor also kept, is a link box inside the article: the
/// article goes on after it.
const INLINE_BOX_WINDOW: usize = 8;
const INLINE_BOX_PARAGRAPH_WORDS: usize = 60;

/// Whether the blocks after a tail marker go on with the article: a long
/// paragraph soon after it that `other` (the second extractor's body,
/// folded) also has. A list is no such paragraph: a long list after the
/// marker is what the marker announces (the sources, the related links).
fn article_goes_on(after: &[&str], other_key: &str) -> bool {
    after.iter().take(INLINE_BOX_WINDOW).any(|b| {
        !b.starts_with("```")
            && !b.starts_with('|')
            && !is_list(b)
            && b.split_whitespace().count() >= INLINE_BOX_PARAGRAPH_WORDS
            && other_key.contains(&fold_key(b))
    })
}

/// A Markdown list block: bullets, or numbers ("1.", "2)", "3\\.").
fn is_list(block: &str) -> bool {
    if block.starts_with(['-', '*', '+']) {
        return true;
    }
    let rest = block.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < block.len() && rest.trim_start_matches('\\').starts_with(['.', ')'])
}

/// An author box ends the body: the author's name as a line of its own
/// ("Jane Doe", "About Jane Doe", "Written by Jane Doe", "Jane Doe, Senior
/// Editor") within this many words of the end, in the second half of the
/// blocks. The byline at the top is the same name but never that late.
const AUTHOR_BOX_WORDS: usize = 200;

/// Where an author box at the end of the body starts, if there is one: a
/// block that names one of the page's authors, or a biography that names
/// itself as one ("About the author: ...", "Hi, I'm Jane! Welcome to ...")
/// whoever it is about.
fn author_box_start(blocks: &[&str], names: &[String]) -> Option<usize> {
    let mut words = 0;
    for k in (1..blocks.len()).rev() {
        words += blocks[k].split_whitespace().count();
        if words > AUTHOR_BOX_WORDS || k * 2 < blocks.len() {
            break;
        }
        let key = fold_key(blocks[k].trim_start_matches(['#', ' ']));
        if is_introduction(&key)
            || names
                .iter()
                .any(|n| is_author_line(blocks[k], &key, n) || is_author_bio(&key, n))
        {
            return Some(k);
        }
    }
    None
}

/// A paragraph that introduces the writer (folded text): "About the
/// author: ...", or a greeting with their name, "Hi there! I'm Jane", as a
/// blog's author box opens.
fn is_introduction(key: &str) -> bool {
    static INTRO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:about the author |(?:hi|hey|hello)(?: there| friends| everyone)? (?:i m|im) \w)")
            .expect("valid regex")
    });
    INTRO.is_match(key)
}

/// A line that names the author and little else: the name alone, after
/// "About" or "Written by", or followed by a separator and a few words of
/// role ("Jane Doe, Senior Editor", "Jane Doe | Founder").
fn is_author_line(block: &str, key: &str, name: &str) -> bool {
    if key == name {
        return true;
    }
    if ["about ", "written by ", "by ", "about the author "]
        .iter()
        .any(|p| key.strip_prefix(p) == Some(name))
    {
        return true;
    }
    let raw = block.trim_start_matches(['#', '>', '-', '*', ' ']);
    raw.find([',', '|', '(', '\u{2013}', '\u{2014}', ':'])
        .is_some_and(|p| fold_key(&raw[..p]) == name && raw[p..].split_whitespace().count() <= 7 && !raw.ends_with('.'))
}

/// Verbs that open an author's biography after their name ("Jane Doe is a
/// freelance writer", "Jane Doe has covered tech since 2010").
const BIO_VERBS: [&str; 14] = [
    "is",
    "has",
    "was",
    "joined",
    "writes",
    "covers",
    "holds",
    "started",
    "founded",
    "lives",
    "serves",
    "leads",
    "specializes",
    "brings",
];

/// A short biography of the author: a paragraph that opens with their full
/// name and a verb of description. Only looked for in the author box zone
/// at the end, where a sentence about the author is the box, not the story.
fn is_author_bio(key: &str, name: &str) -> bool {
    key.strip_prefix(name)
        .and_then(|r| r.strip_prefix(' '))
        .and_then(|r| r.split(' ').next())
        .is_some_and(|verb| BIO_VERBS.contains(&verb))
}

/// How far down a byline block is looked for.
const BYLINE_BLOCKS: usize = 6;

/// A byline near the top: the author's name alone or after "By",
/// "Written by", "Posted by", "Author", possibly followed by a date, a
/// role or a reading time ("By Jane Doe | Dec 17, 2025 | 4 min read"),
/// and not a sentence.
fn is_byline(block: &str, key: &str, name: &str) -> bool {
    let rest = ["by ", "written by ", "posted by ", "author "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(key);
    let Some(after) = rest.strip_prefix(name) else {
        return false;
    };
    after.is_empty()
        || (after.starts_with(' ')
            && after.split(' ').count() <= 9
            && !block.trim_end().ends_with(['.', '!', '?', ':']))
}

/// The page's authors as fold keys, two words or more (a single word is
/// too easily part of a sentence).
fn author_keys(authors: &[String]) -> Vec<String> {
    authors
        .iter()
        .map(|a| fold_key(a))
        .filter(|n| n.split(' ').count() >= 2)
        .collect()
}

/// Remove leftover boilerplate blocks from a Markdown body. `authors` are
/// the page's authors (an author box at the end goes); `other` is a second
/// extractor's body for the same page, if there is one: a tail marker
/// after which it goes on with the article does not end the body.
pub fn clean_body(body: &str, title: &str, authors: &[String], other: Option<&str>) -> String {
    let title_key = fold_key(title);
    let mut blocks: Vec<&str> = body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    // The headline repeated as the first block, or as a heading among the
    // first few (after a category label, a byline or a date).
    let repeated = blocks.iter().take(HEADLINE_BLOCKS).enumerate().position(|(i, b)| {
        (i == 0 || b.starts_with('#')) && !title_key.is_empty() && fold_key(b.trim_start_matches('#')) == title_key
    });
    if let Some(i) = repeated {
        blocks.remove(i);
    }
    {
        // Cut at a tail marker in the second half of the text, or past the
        // first third when the marker is set as a heading (a Markdown
        // heading or a line in capitals): a related list can be longer than
        // the article it follows, while a plain "Related posts" or "Read
        // more" line that early is usually an inline link box.
        let total: usize = blocks.iter().map(|b| b.len()).sum();
        let mut seen = 0;
        let mut cut = None;
        let mut other_key: Option<String> = None;
        for (i, b) in blocks.iter().enumerate() {
            let heading = b.starts_with('#') || !b.chars().any(char::is_lowercase);
            if seen * 2 > total || (heading && seen * 3 > total) {
                let key = fold_key(b.trim_start_matches(['#', ' ']));
                if key.split(' ').count() <= TAIL_MARKER_WORDS && TAIL_MARKER.is_match(&key) {
                    let other_key = other_key.get_or_insert_with(|| other.map(fold_key).unwrap_or_default());
                    if !article_goes_on(&blocks[i + 1..], other_key) {
                        cut = Some(i);
                        break;
                    }
                }
            }
            seen += b.len();
        }
        if let Some(i) = cut {
            blocks.truncate(i);
        }
    }
    blocks.retain(|b| b.starts_with("```") || b.starts_with('|') || !(is_furniture(b) || is_link_line(b)));
    let blocks: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, _)| !is_contents_list(&blocks, i))
        .map(|(_, b)| *b)
        .collect();
    let mut blocks = blocks;
    let names = author_keys(authors);
    if let Some(k) = author_box_start(&blocks, &names) {
        blocks.truncate(k);
    }
    // A byline near the top (the authors are in the front matter), once
    // the author box at the end is gone.
    if !names.is_empty() {
        let mut i = 0;
        blocks.retain(|b| {
            i += 1;
            if i > BYLINE_BLOCKS {
                return true;
            }
            let key = fold_key(b.trim_start_matches(['#', '>', '-', '*', ' ']));
            !names.iter().any(|n| is_byline(b, &key, n))
        });
    }
    // Labels left before the article: first blocks of at most three words
    // that are no heading, list, table or sentence (a category, "Blog",
    // "Print this page", "1,693 views"). They come in small stacks (a
    // category over a reading time), so a few go, not just the first.
    let mut labels = 0;
    while labels < LEADING_LABELS && blocks.len() >= 3 && is_label(blocks[0]) {
        blocks.remove(0);
        labels += 1;
    }
    let mut blocks = drop_repeated_runs(&blocks);
    // Headings at the very end head nothing: they are the titles of the
    // boxes after the article (a grid of other posts, a form), which the
    // extractor kept without their text. A short label there is as much
    // furniture as one before the article (a name under a sign-off, "Author",
    // a category). A body of headings only is left as it is.
    if blocks.iter().any(|b| !b.starts_with('#')) {
        while blocks.len() > 1 && blocks.last().is_some_and(|b| b.starts_with('#') || is_label(b)) {
            blocks.pop();
        }
    }
    let body = blocks.join("\n\n");
    if only_headline(&body, &title_key) {
        return String::new();
    }
    body
}

/// Whether a body is nothing but the headline, once or repeated (a page
/// whose article did not load leaves only its title in the containers the
/// extractor settles on): that is no article text.
fn only_headline(body: &str, title_key: &str) -> bool {
    if title_key.is_empty() {
        return false;
    }
    let mut rest = fold_key(body);
    let mut seen = false;
    while !rest.is_empty() {
        match rest.strip_prefix(title_key) {
            Some(r) if r.is_empty() || r.starts_with(' ') => rest = r.trim_start().to_string(),
            _ => return false,
        }
        seen = true;
    }
    seen
}

/// A contents list has at least this many items, and at least this share
/// (in tenths) of them name a heading further down.
const CONTENTS_ITEMS: usize = 3;
const CONTENTS_HEADING_TENTHS: usize = 6;

/// Whether block `i` is a table of contents: a list whose items are, for
/// the most part, the headings that follow it in the body (the page's
/// "Jump to" box, kept without its label). A list announced by the text
/// before it ("The workout has six parts:") is the article's own overview,
/// even when its items come back as headings.
fn is_contents_list(blocks: &[&str], i: usize) -> bool {
    let block = blocks[i];
    if !is_list(block) || i > 0 && blocks[i - 1].trim_end().ends_with(':') {
        return false;
    }
    let items: Vec<String> = block
        .lines()
        .map(|l| fold_key(strip_list_marker(l)))
        .filter(|k| !k.is_empty())
        .collect();
    if items.len() < CONTENTS_ITEMS {
        return false;
    }
    let headings: std::collections::HashSet<String> = blocks[i + 1..]
        .iter()
        .filter(|b| b.starts_with('#'))
        .map(|b| fold_key(b.trim_start_matches('#')))
        .collect();
    let named = items.iter().filter(|k| headings.contains(*k)).count();
    named * 10 >= items.len() * CONTENTS_HEADING_TENTHS
}

/// A list line without its bullet or number ("- ", "  * ", "2. ", "3\\. ").
fn strip_list_marker(line: &str) -> &str {
    let l = line.trim_start();
    if let Some(rest) = l.strip_prefix(['-', '*', '+']) {
        return rest.trim_start();
    }
    let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < l.len() {
        if let Some(r) = rest.trim_start_matches('\\').strip_prefix(['.', ')']) {
            return r.trim_start();
        }
    }
    l
}

/// How many labels at the top of the body may go.
const LEADING_LABELS: usize = 3;

/// A short label: at most three words, no heading, list, table, quote or
/// code, and no sentence.
fn is_label(block: &str) -> bool {
    let b = block.trim();
    b.chars().count() > 1
        && b.split_whitespace().count() <= 3
        && !b.starts_with(['#', '-', '*', '|', '>', '`'])
        && !b.ends_with(['.', '!', '?', ':'])
}

/// A repeated run must be at least this many blocks and words long to be
/// dropped: a single line or two said twice (a pull quote, a caption, a
/// notice under each embed) can belong to the article.
const REPEATED_RUN_BLOCKS: usize = 3;
const REPEATED_RUN_WORDS: usize = 40;

/// Drop a run of consecutive blocks that repeats, verbatim and in order, a
/// run seen earlier in the body: pages that carry their article twice (one
/// copy per layout, or an outer container around an inner one) give the
/// extractor both copies. Only the first copy is kept. Measured on the
/// WCXB dev pages, shorter runs (two blocks, or fewer words) catch more
/// doubled lists but also cut text the annotators kept twice.
fn drop_repeated_runs<'a>(blocks: &[&'a str]) -> Vec<&'a str> {
    let mut first_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        // Compare with the first occurrence only: one pass, and the first
        // copy is the one kept.
        let run = first_at.get(blocks[i]).map_or(0, |&j| {
            (0..i - j)
                .take_while(|&k| blocks.get(i + k).is_some_and(|b| *b == blocks[j + k]))
                .count()
        });
        let run_words: usize = blocks[i..i + run].iter().map(|b| b.split_whitespace().count()).sum();
        if run >= REPEATED_RUN_BLOCKS && run_words >= REPEATED_RUN_WORDS {
            i += run;
            continue;
        }
        first_at.entry(blocks[i]).or_insert(i);
        kept.push(blocks[i]);
        i += 1;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_buttons_and_prompts_but_keeps_text() {
        let body = "First paragraph of the story.\n\nRead more\n\nShare on Facebook\n\n5 min read\n\nMarch 5, 2024\n\n$12.99\n\nThe story goes on, and we read more about it.\n\n## Pros\n\nTable of Contents\n\nExample H2\n\nLast updated:\n\nEdited by\n\nShow Caption\n\nmins read";
        let out = clean_body(body, "Headline", &[], None);
        assert_eq!(
            out,
            "First paragraph of the story.\n\nThe story goes on, and we read more about it."
        );
    }

    #[test]
    fn drops_a_contents_list_of_the_headings_below() {
        let para = "A paragraph of the article, long enough to be text and not a label.";
        let body = format!(
            "{para}\n\n- Why bees swarm\n- When to split a hive\n- Tools you need\n\n## Why bees swarm\n\n{para}\n\n\
             ## When to split a hive\n\n{para}\n\n## Tools you need\n\n{para}"
        );
        let out = clean_body(&body, "Headline", &[], None);
        assert!(!out.contains("- Why bees swarm"), "{out}");
        assert!(out.contains("## Tools you need"), "{out}");
        // Announced by the text before it, the list is the article's own.
        let announced = body.replacen(para, "The guide has three parts:", 1);
        assert_eq!(clean_body(&announced, "Headline", &[], None), announced);
        // A list whose items are not the headings below stays.
        let other = body.replace("- Tools you need", "- Smoke\n- Gloves");
        assert_eq!(clean_body(&other, "Headline", &[], None), other);
    }

    #[test]
    fn drops_an_introduction_of_the_writer_at_the_end() {
        let para = "A paragraph of the article, long enough to be text and not a label.";
        let article = [para; 4].join("\n\n");
        for intro in [
            "Hi there! I\u{2019}m Mira, and I started this garden blog in 2015 to share what grows.",
            "Hey, I'm Mira! Welcome to The Tidy Shed, where sheds get sorted.",
            "About the author: Mira Holt is a gardener based in Kent.",
        ] {
            let body = format!("{article}\n\n{intro}");
            assert_eq!(clean_body(&body, "Headline", &[], None), article, "{intro}");
        }
        // The same words early in the article are the article.
        let body = format!("Hi, I'm Mira, and this is my garden.\n\n{article}");
        assert_eq!(clean_body(&body, "Headline", &[], None), body);
    }

    #[test]
    fn drops_lines_that_point_to_other_articles() {
        let body =
            "First paragraph.\n\nRelated: How to grow tomatoes\n\n- **See also:** Ten garden tools\n\nLast paragraph.";
        assert_eq!(
            clean_body(body, "Headline", &[], None),
            "First paragraph.\n\nLast paragraph."
        );
        // A long paragraph that opens with the label stays.
        let long = format!("Related: {}", ["the two studies agree on the main point"; 4].join(", "));
        let body = format!("First paragraph.\n\n{long}");
        assert_eq!(clean_body(&body, "Headline", &[], None), body);
    }

    #[test]
    fn drops_a_second_copy_of_the_article_but_not_a_repeated_line() {
        let para =
            |n: usize| format!("Paragraph {n} of the story, with enough words in it to count as real text here.");
        let article = (1..=3).map(para).collect::<Vec<_>>().join("\n\n");
        let quote = "> A pull quote said twice.";
        let body =
            format!("{article}\n\n{quote}\n\nMore text after the quote.\n\n{quote}\n\n{article}\n\nA closing line.");
        let out = clean_body(&body, "Headline", &[], None);
        assert_eq!(
            out,
            format!("{article}\n\n{quote}\n\nMore text after the quote.\n\n{quote}\n\nA closing line.")
        );
    }

    #[test]
    fn cuts_at_widget_headings_in_the_second_half() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        for heading in [
            "## Editor's Picks",
            "### Related Products",
            "## Recent Blogs",
            "## More Articles You Might Enjoy",
            "## Also in Mathematics",
            "### You\u{2019}ll Also Love...",
            "Was this page helpful?",
            "## References",
            "Article Sources:",
            "#### Footnotes",
            "Share on:",
            "## GET IN TOUCH WITH ONE OF OUR EXPERTS",
            "Connect with Us",
            "Previous",
            "If you liked this post you might also like:",
            "Enjoyed this piece? We need your help to keep publishing.",
            "## This article is exclusive to STAT+ subscribers",
            "Share the Blog on:",
            "ALSO IN THE NEWS",
            "## Related articles that may interest you",
            "- Author - Recent Posts",
            "Latest posts by Mira Holt (see all)",
            "## How Was This Issue?",
            "Did you find this article helpful?",
        ] {
            let body = format!("{text}\n\n{text} Again.\n\n{heading}\n\nAnother story's teaser.");
            assert_eq!(
                clean_body(&body, "Headline", &[], None),
                format!("{text}\n\n{text} Again."),
                "{heading}"
            );
        }
    }

    #[test]
    fn cuts_a_related_list_longer_than_the_article_but_not_early() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        let teaser = "Another story's teaser, one of many in a long list of related stories.";
        let teasers = [teaser; 3].join("\n\n");
        // The article is 40% of the text: the list after a heading marker goes.
        for marker in ["### Read This Next", "ALSO IN THE NEWS"] {
            let body = format!("{text}\n\n{text}\n\n{marker}\n\n{teasers}");
            assert_eq!(
                clean_body(&body, "Headline", &[], None),
                format!("{text}\n\n{text}"),
                "{marker}"
            );
        }
        // A plain line that early is an inline link box; the article goes on.
        let body = format!("{text}\n\n{text}\n\nRelated Posts\n\n{teasers}");
        assert_eq!(
            clean_body(&body, "Headline", &[], None),
            format!("{text}\n\n{text}\n\n{teasers}")
        );
        // A heading in the first third stays too.
        let body = format!("{text}\n\n### Read This Next\n\n{teasers}");
        assert_eq!(clean_body(&body, "Headline", &[], None), body);
    }

    #[test]
    fn a_marker_the_article_goes_on_after_is_not_the_end() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        let long = format!(
            "{} And so the article goes on.",
            ["The article goes on after the box with a long paragraph of its own."; 5].join(" ")
        );
        let body = format!(
            "{text}\n\n{text}\n\n{text}\n\n{text}\n\n### Related Articles\n\nA teaser for another story.\n\n{long}"
        );
        // Readability kept the long paragraph: the box is inside the article.
        let other = format!("{text}\n\n{long}");
        assert_eq!(
            clean_body(&body, "Headline", &[], Some(&other)),
            body.replace("\n\n### Related Articles", "")
        );
        // It did not: the marker ends the article.
        assert_eq!(
            clean_body(&body, "Headline", &[], Some(text)),
            format!("{text}\n\n{text}\n\n{text}\n\n{text}")
        );
        // A long list after the marker is what it announces, even when
        // Readability kept it too.
        let list = ["1. A source cited by the article, with its title and address."; 6].join("\n");
        let body = format!("{text}\n\n{text}\n\n{text}\n\n## Sources\n\n{list}");
        let other = format!("{text}\n\n{list}");
        assert_eq!(
            clean_body(&body, "Headline", &[], Some(&other)),
            format!("{text}\n\n{text}\n\n{text}")
        );
    }

    #[test]
    fn drops_the_author_box_at_the_end() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        let authors = vec!["Jane Doe".to_string()];
        for line in [
            "Jane Doe",
            "## About Jane Doe",
            "Jane Doe, Senior Editor at the Paper",
            "Written by Jane Doe",
        ] {
            let body = format!("{text}\n\n{text}\n\n{text}\n\n{line}\n\nJane writes about gardens and cities.");
            assert_eq!(
                clean_body(&body, "Headline", &authors, None),
                format!("{text}\n\n{text}\n\n{text}"),
                "{line}"
            );
        }
        // A biography that opens with the name, in the same zone.
        let bio = "Jane Doe is a freelance writer who covers gardens and cities.";
        let body = format!("{text}\n\n{text}\n\n{text}\n\n{bio}\n\nShe lives in Leeds.");
        assert_eq!(
            clean_body(&body, "Headline", &authors, None),
            format!("{text}\n\n{text}\n\n{text}")
        );
        // The name in a sentence stays (the byline at the top goes as such).
        let body = format!("Jane Doe\n\n{text}\n\nJane Doe said the plan works.\n\n{text}");
        assert_eq!(
            clean_body(&body, "Headline", &authors, None),
            format!("{text}\n\nJane Doe said the plan works.\n\n{text}")
        );
        // Far from the end it is not the author box.
        let long = [text; 4].join(" ");
        let top = (1..=7)
            .map(|n| format!("Paragraph {n} of the article, which carries the words on the page."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let body = format!("{top}\n\nJane Doe\n\n{long}\n\n{long}\n\n{long}\n\n{long}");
        assert_eq!(clean_body(&body, "Headline", &authors, None), body);
    }

    #[test]
    fn drops_a_byline_near_the_top() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        let authors = vec!["Jane Doe".to_string()];
        for line in [
            "By Jane Doe",
            "Jane Doe",
            "By Jane Doe | Dec 17, 2025 | 4 min read",
            "Written by Jane Doe",
        ] {
            let body = format!("Business\n\n{line}\n\n{text}");
            assert_eq!(
                clean_body(&body, "Headline", &authors, None),
                format!("Business\n\n{text}"),
                "{line}"
            );
        }
        // A sentence that starts with the name stays, and so does another name.
        for line in ["Jane Doe grew up by the sea.", "By John Roe"] {
            let body = format!("{line}\n\n{text}");
            assert_eq!(clean_body(&body, "Headline", &authors, None), body, "{line}");
        }
    }

    #[test]
    fn drops_a_short_label_before_the_article() {
        let text = "A paragraph of the article that carries most of the words on the page.";
        for label in ["Business", "Print This Page", "1,693 views", "Business\n\nWorld news"] {
            let body = format!("{label}\n\n{text}\n\n{text} Again.");
            assert_eq!(
                clean_body(&body, "Headline", &[], None),
                format!("{text}\n\n{text} Again."),
                "{label}"
            );
        }
        // A heading, a list item, a short sentence, a drop cap, or a label
        // in a two-block body stay.
        for first in ["## Overview", "- One point", "It works.", "D"] {
            let body = format!("{first}\n\n{text}\n\n{text} Again.");
            assert_eq!(clean_body(&body, "Headline", &[], None), body, "{first}");
        }
        let body = format!("Business\n\n{text}");
        assert_eq!(clean_body(&body, "Headline", &[], None), body);
    }

    #[test]
    fn drops_headings_at_the_end() {
        let body = "## Intro\n\nThe text.\n\n#### Lawn Care Provider\n\n#### Ready Seal";
        assert_eq!(clean_body(body, "Headline", &[], None), "## Intro\n\nThe text.");
        // And short labels among them.
        let body = "## Intro\n\nThe text.\n\nLove and light,\n\nAutumn\n\n#### Recent Posts\n\nAuthor";
        assert_eq!(clean_body(body, "Headline", &[], None), "## Intro\n\nThe text.");
        // A short sentence at the end stays.
        let body = "## Intro\n\nThe text.\n\nSee you soon!";
        assert_eq!(clean_body(body, "Headline", &[], None), body);
        // A body of headings only stays.
        let body = "## One point\n\n## Another point";
        assert_eq!(clean_body(body, "Headline", &[], None), body);
    }

    #[test]
    fn a_body_of_only_the_headline_is_empty() {
        let out = clean_body("The Headline The Headline\n\nThe Headline", "The headline", &[], None);
        assert_eq!(out, "");
        // The headline followed by text, or a longer title, stays.
        let body = "The Headline The Headline\n\nThe Headline and more";
        assert_eq!(clean_body(body, "The headline", &[], None), body);
        let body = "The Headlines The Headline";
        assert_eq!(clean_body(body, "The headline", &[], None), body);
    }

    #[test]
    fn drops_repeated_headline_only_at_the_top() {
        let out = clean_body(
            "## The Headline\n\nText.\n\nThe Headline\n\nMore text.",
            "The headline",
            &[],
            None,
        );
        assert_eq!(out, "Text.\n\nThe Headline\n\nMore text.");
        // As a heading after a label and a byline, too; as text there it stays.
        let out = clean_body(
            "Business and money news\n\nBy Jo\n\n## The Headline\n\nText.",
            "The headline",
            &[],
            None,
        );
        assert_eq!(out, "Business and money news\n\nBy Jo\n\nText.");
        let body = "Business and money news\n\nBy Jo\n\nThe Headline\n\nText.";
        assert_eq!(clean_body(body, "The headline", &[], None), body);
        let body = "A\n\nB\n\nC\n\nD\n\n## The Headline\n\nText.";
        assert_eq!(clean_body(body, "The headline", &[], None), body);
    }
}
