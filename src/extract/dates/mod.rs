//! Date expressions in running text ("7 January 2017", "last Sunday", "in
//! 2021") resolved against the article's date, at the precision the text gives.
//!
//! # How it works
//!
//! Each sentence is cut into tokens (words, numbers, punctuation) by a single
//! linear pass; numbers that are clearly not days or years (`2,000`, `1.6`,
//! `10:30`, `1990s`, `1500km`, footnote markers glued to a word such as
//! `evidence,1`) become opaque tokens. A small hand-written grammar then looks
//! at each token with a bounded look-ahead/look-behind, so the whole thing is
//! linear in the length of the text and has no regular expressions at all.
//!
//! # Forms understood
//!
//! - full dates: `7 January 2017`, `January 7, 2017`, `Jan. 7, 2017`,
//!   `2017-01-07`, `the 5th of December 2016`, `Thursday, January 5, 2017`;
//! - month and year: `August 2016`, `in September 2014`, `mid-January 2015`;
//! - years in context: `in 2021`, `since 2015`, `by 2019`, `late 2014`,
//!   `the summer of 2015`, `Ramadan 2016`, `the 2022 FIFA World Cup`,
//!   `the 2016 coup attempt`, `between 2017 and 2019`;
//! - day and month without a year: `on January 28`, `5 December`,
//!   `the March 30 and April 11 issues`;
//! - a month alone after a preposition: `in August`, `since March`,
//!   `the end of January`, `last August`;
//! - weekdays: `on Thursday`, `last Sunday`, `next Monday`, `Thursday's`;
//! - relative to the article date: `yesterday`, `today` (only where it is
//!   clearly a day, not "the world today"), `tomorrow`, `last month`,
//!   `this week`, `next year`, `last summer`, `five years ago`;
//! - relative to the narrative (the last day-precision date mentioned earlier
//!   in the article): `the following day`, `the next day`, `the same day`,
//!   `two days later`, `three days earlier`, `that same year`;
//! - named days: `New Year's Eve`, `New Year's Day`, `Christmas Eve`,
//!   `Christmas Day`, `Boxing Day`, `Valentine's Day`, `Halloween`;
//! - ranges: `January 1 to 10`, `1-3 March 2016`, `from January to March
//!   2016`, `2017–2019`: the mention holds the start in `date` and the end in
//!   `until`.
//!
//! # Resolution
//!
//! Expressions without a year (and weekdays, and relative ones) are resolved
//! against the [`Anchor`]: the most recent fitting date not after it ("on
//! January 28" in an article of 2017-01-07 is 2016-01-28). Without an anchor
//! they are left out, never guessed. Precision is never invented: a month
//! stays a month, a year a year, "this week" is a [`EventDate::Week`].

use crate::model::EventDate;
use jiff::civil::Date;
use jiff::ToSpan;

#[cfg(test)]
mod tests;

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Index of the sentence in the slice given to [`find_dates`].
    pub sentence: usize,
    /// Byte range of the expression within that sentence (always on char
    /// boundaries). Leading prepositions ("on", "in") are not included; words
    /// that carry meaning are ("last Sunday", "two days later").
    pub start: usize,
    pub end: usize,
    /// The date, or the start of a range.
    pub date: EventDate,
    /// The end of a range ("January 1 to 10", "2017–2019"), when the text
    /// gives one.
    pub until: Option<EventDate>,
    /// Resolved relative to the article date (no year in the text, weekday,
    /// "yesterday") or to an earlier date in the article ("the following day").
    pub relative: bool,
    /// Not a happening: the article's own byline or dateline ("By Kyle Orton
    /// on January 7, 2017", a line holding only a date) or the passing of
    /// time itself ("an hour into 2017", "as 2016 became 2017"). Callers
    /// building a timeline of events should skip these.
    pub background: bool,
}

/// The date the article was published, used to resolve relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub date: Date,
    /// The article date itself was inferred, not stated.
    pub inferred: bool,
}

/// Find and resolve every date expression in the article's sentences, in order.
/// Relative expressions are resolved only when `anchor` is given.
pub fn find_dates(sentences: &[&str], anchor: Option<Anchor>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut narr = Narrative::default();
    for (si, s) in sentences.iter().enumerate() {
        // mentions in one sentence never overlap
        let mut floor = 0;
        let toks = tokenize(s);
        let cx = Cx::new(&toks);
        let byline = cx.is_byline();
        let forward = cx.forward_cue();
        let mut i = 0;
        while i < toks.len() {
            let Some(m) = cx.match_at(i) else {
                i += 1;
                continue;
            };
            let next = m.end.max(i + 1);
            let mut m = m;
            m.start = m.start.max(floor);
            if let Val::Abs { dir: dir @ 0, .. } = &mut m.val {
                if forward {
                    *dir = 2;
                }
            }
            if let Some((date, until, relative)) = resolve(&m.val, anchor.map(|a| a.date), &narr) {
                let start = toks[m.start].start;
                let end = toks[m.end - 1].end;
                let background = m.background || byline || cx.only_date(m.start, m.end);
                floor = m.end;
                if !background {
                    narr.note(date);
                }
                out.push(DateMention {
                    sentence: si,
                    start,
                    end,
                    date,
                    until,
                    relative,
                    background,
                });
            }
            i = next;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    /// Plain digits, perhaps with an ordinal suffix (`5th`).
    Num,
    /// `2017-01-07`
    Iso,
    Punct,
    /// Numbers that are not days or years: `2,000`, `1.6`, `10:30`, `1990s`.
    Other,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    k: K,
    start: usize,
    end: usize,
    text: &'a str,
    /// Words: lowercase, `’` as `'`. Punctuation: the character.
    lower: String,
    /// Num: the value; Iso: year*10000+month*100+day.
    num: u32,
    digits: usize,
    ordinal: bool,
    /// A small number glued to the preceding word or punctuation ("evidence,1").
    footnote: bool,
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let n = cs.len();
    let at = |j: usize| if j < n { Some(cs[j].1) } else { None };
    let pos = |j: usize| if j < n { cs[j].0 } else { s.len() };
    let is_digit = |j: usize| at(j).is_some_and(|c| c.is_ascii_digit());
    let digit_run = |j: usize| {
        let mut k = j;
        while is_digit(k) {
            k += 1;
        }
        k - j
    };
    let mut out: Vec<Tok<'_>> = Vec::new();
    let mut j = 0;
    while j < n {
        let c = cs[j].1;
        if c.is_whitespace() {
            j += 1;
            continue;
        }
        let st = j;
        let mut tok = Tok {
            k: K::Punct,
            start: pos(st),
            end: 0,
            text: "",
            lower: String::new(),
            num: 0,
            digits: 0,
            ordinal: false,
            footnote: false,
        };
        if c.is_ascii_digit() {
            let nd = digit_run(j);
            let mut k = j + nd;
            tok.k = K::Num;
            tok.digits = nd;
            if nd == 4
                && at(k) == Some('-')
                && digit_run(k + 1) == 2
                && at(k + 3) == Some('-')
                && digit_run(k + 4) == 2
            {
                let y: u32 = s[pos(j)..pos(k)].parse().unwrap_or(0);
                let m: u32 = s[pos(k + 1)..pos(k + 3)].parse().unwrap_or(0);
                let d: u32 = s[pos(k + 4)..pos(k + 6)].parse().unwrap_or(0);
                tok.k = K::Iso;
                tok.num = y * 10000 + m * 100 + d;
                k += 6;
                if at(k) == Some('T') && is_digit(k + 1) {
                    // a timestamp: "2016-07-15T22:00:00+03:00"
                    k += 1;
                    while at(k).is_some_and(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-')
                    }) {
                        k += 1;
                    }
                }
            } else {
                // "2,000", "1.6", "10:30", "1/2": one opaque token
                while matches!(at(k), Some(',' | '.' | ':' | '/')) && is_digit(k + 1) {
                    tok.k = K::Other;
                    k += 1 + digit_run(k + 1);
                }
                if tok.k == K::Num {
                    tok.num = if nd <= 9 {
                        s[pos(j)..pos(k)].parse().unwrap_or(u32::MAX)
                    } else {
                        u32::MAX
                    };
                }
            }
            if tok.k == K::Num
                && nd == 4
                && cs[k - 1].1 == '0'
                && matches!(at(k), Some('\'' | '\u{2019}'))
                && matches!(at(k + 1), Some('s' | 'S'))
                && !at(k + 2).is_some_and(|c| c.is_alphanumeric())
            {
                // "the 1990's": a decade
                tok.k = K::Other;
                k += 2;
            }
            if at(k).is_some_and(|c| c.is_alphabetic()) {
                let mut e = k;
                while at(e).is_some_and(|c| c.is_alphanumeric()) {
                    e += 1;
                }
                let suffix = s[pos(k)..pos(e)].to_ascii_lowercase();
                if tok.k == K::Num && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                    tok.ordinal = true;
                } else {
                    tok.k = K::Other;
                }
                k = e;
            }
            if tok.k == K::Num && nd <= 3 && j > 0 {
                let p = cs[j - 1].1;
                tok.footnote = p.is_alphabetic()
                    || matches!(
                        p,
                        '.' | ',' | ';' | ':' | ')' | '"' | '\u{201d}' | '\u{2019}'
                    );
            }
            j = k;
        } else if c.is_alphabetic() {
            let mut k = j;
            loop {
                while at(k).is_some_and(|c| c.is_alphanumeric()) {
                    k += 1;
                }
                if matches!(at(k), Some('\'' | '\u{2019}'))
                    && at(k + 1).is_some_and(|c| c.is_alphabetic())
                {
                    k += 1;
                    continue;
                }
                break;
            }
            tok.k = K::Word;
            j = k;
        } else {
            j += 1;
        }
        tok.end = pos(j);
        tok.text = &s[tok.start..tok.end];
        tok.lower = match tok.k {
            K::Word | K::Punct => tok.text.to_lowercase().replace('\u{2019}', "'"),
            _ => String::new(),
        };
        out.push(tok);
    }
    out
}

// ---------------------------------------------------------------------------
// Vocabulary

const MONTHS: [&str; 12] = [
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
];

fn month_abbrev(w: &str) -> Option<i8> {
    Some(match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words after which a bare month name ("in August") is a date.
const MONTH_PREP: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "of",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "through",
    "throughout",
    "last",
    "next",
    "between",
    "around",
    "end",
    "beginning",
    "start",
];

/// Words after which a four-digit number is a year ("in 2021").
const YEAR_PREP: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "throughout",
    "early",
    "late",
    "mid",
    "year",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "ramadan",
    "christmas",
    "easter",
    "between",
    "circa",
    "c",
    "fiscal",
    "fy",
];

/// Nouns before "of" that make the number after it a year ("the summer of 2015").
const OF_NOUNS: &[&str] = &[
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "end",
    "start",
    "beginning",
    "middle",
    "half",
    "quarter",
    "part",
    "course",
    "rest",
    "remainder",
    "months",
    "weeks",
    "year",
    "events",
    "elections",
    "election",
    "act",
    "class",
    "law",
    "treaty",
    "agreement",
    "accord",
    "accords",
    "war",
    "census",
];

/// Lowercase words that may follow a year ("in 2023 around ...").
const AFTER_YEAR_OK: &[&str] = &[
    "and",
    "or",
    "but",
    "when",
    "where",
    "with",
    "to",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "as",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "after",
    "before",
    "until",
    "while",
    "around",
    "through",
    "alone",
    "onwards",
    "onward",
    "there",
    "that",
    "which",
    "who",
    "it",
    "its",
    "this",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "saw",
    "marked",
    "became",
    "elections",
    "election",
    "because",
    "if",
    "though",
    "although",
    "so",
    "then",
    "up",
    "into",
    "from",
    "against",
    "during",
    "amid",
    "despite",
    "till",
    "is",
    "would",
    "will",
    "could",
    "i",
    "you",
    "our",
    "not",
    "also",
    "only",
    "already",
    "again",
];

/// Nouns after "the 2016 ..." that make the number a year.
const YEAR_EVENT_NOUNS: &[&str] = &[
    "coup",
    "election",
    "elections",
    "attack",
    "attacks",
    "war",
    "census",
    "budget",
    "games",
    "olympics",
    "season",
    "crisis",
    "invasion",
    "earthquake",
    "summit",
    "protests",
    "uprising",
    "revolution",
    "agreement",
    "deal",
    "report",
    "law",
    "act",
    "campaign",
    "referendum",
    "bombing",
    "bombings",
    "offensive",
    "ceasefire",
    "truce",
    "massacre",
    "shooting",
    "floods",
    "edition",
    "survey",
    "presidential",
    "parliamentary",
    "general",
    "local",
    "midterm",
    "midterms",
    "world",
    "assault",
    "raid",
    "raids",
    "plot",
    "strike",
    "strikes",
];

/// Common verbs in the past tense: a sentence holding one tells of the past.
const PAST_MARKERS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "broke",
    "began",
    "came",
    "went",
    "took",
    "made",
    "saw",
    "got",
    "gave",
    "found",
    "left",
    "held",
    "led",
    "fell",
    "rose",
    "won",
    "lost",
    "met",
    "paid",
    "sent",
    "spent",
    "struck",
    "fought",
    "fled",
    "built",
    "bought",
    "brought",
    "caught",
    "chose",
    "drove",
    "flew",
    "grew",
    "kept",
    "knew",
    "ran",
    "sat",
    "stood",
    "threw",
    "wrote",
    "announced",
    "reported",
    "killed",
    "arrested",
    "launched",
    "released",
    "published",
    "confirmed",
    "claimed",
    "attacked",
    "detained",
    "opened",
    "signed",
    "named",
    "died",
    "declared",
    "agreed",
    "carried",
    "happened",
    "occurred",
    "started",
    "ended",
];

/// Simple past forms that are not also participles ("need to be paid" is no past).
const PAST_STRICT: &[&str] = &[
    "was", "were", "did", "had", "said", "broke", "began", "came", "went", "took", "saw", "gave",
    "fell", "rose", "flew", "grew", "knew", "ran", "threw", "wrote", "drove", "chose", "spoke",
    "forgot",
];

/// Words after a day number that show it is a count ("In March 12 people").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "percent",
    "per",
    "million",
    "billion",
    "thousand",
    "hundred",
    "men",
    "women",
    "children",
    "km",
    "kg",
    "m",
    "feet",
    "foot",
    "miles",
    "mile",
    "times",
    "dead",
    "killed",
    "injured",
    "wounded",
    "more",
    "of",
    "or",
    "out",
    "others",
    "other",
    "pm",
    "am",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "soldiers",
    "fighters",
    "troops",
    "civilians",
    "militants",
    "members",
    "police",
    "officers",
    "bullets",
    "cases",
    "deaths",
    "casualties",
    "arrests",
    "years",
    "days",
    "months",
    "weeks",
    "points",
    "votes",
    "seats",
    "countries",
    "provinces",
    "cities",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "pounds",
    "vehicles",
    "rockets",
    "missiles",
    "drones",
    "migrants",
    "refugees",
    "prisoners",
    "detainees",
    "suspects",
    "persons",
    "individuals",
    "students",
    "workers",
    "employees",
    "victims",
];

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

// ---------------------------------------------------------------------------
// Grammar

/// A calendar date as far as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Partial {
    y: Option<i16>,
    m: Option<i8>,
    d: Option<i8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WdMode {
    /// "on Thursday": the most recent one, the anchor day included.
    Recent,
    /// "last Sunday": strictly before the anchor.
    Last,
    /// "next Monday": strictly after the anchor.
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    /// Explicit calendar pieces; `dir` is -1 for "last August", +1 for "next
    /// August", 0 for the most recent not after the anchor.
    Abs {
        p: Partial,
        until: Option<Partial>,
        dir: i8,
    },
    Weekday {
        wd: i8,
        mode: WdMode,
    },
    /// `n` units from the anchor ("yesterday" = Day -1, "this week" = Week 0).
    FromAnchor {
        unit: Unit,
        n: i32,
    },
    /// "last summer": the year of the most recent summer before the anchor;
    /// the season's first month (6 = summer, 3 = spring, 9 = autumn).
    Season {
        first_month: i8,
        last: bool,
    },
    /// `n` days from the last day mentioned ("the following day" = 1).
    NarrDays(i32),
    /// `n` years from the year of the last date mentioned ("that same year" =
    /// 0, "the year before" = -1, "two years later" = 2).
    NarrYear(i32),
}

struct Match {
    start: usize,
    end: usize,
    val: Val,
    background: bool,
}

struct Cx<'t, 'a> {
    t: &'t [Tok<'a>],
    /// Index of the first word or number: a capital there says nothing.
    first: usize,
    /// Sentence-wide facts, computed once so each match stays O(1).
    habitual: bool,
    past: bool,
    /// Number of words and numbers in the sentence.
    content: usize,
}

impl<'t, 'a> Cx<'t, 'a> {
    fn new(t: &'t [Tok<'a>]) -> Self {
        let first = t
            .iter()
            .position(|x| matches!(x.k, K::Word | K::Num | K::Iso | K::Other))
            .unwrap_or(0);
        let mut cx = Cx {
            t,
            first,
            habitual: false,
            past: false,
            content: t
                .iter()
                .filter(|x| !matches!(x.k, K::Punct | K::Other))
                .count(),
        };
        cx.habitual = cx.scan_habitual();
        cx.past = cx.scan_past();
        cx
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|x| x.k == K::Word)
            .map(|x| x.lower.as_str())
    }
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|x| x.k == K::Punct && x.lower == p)
    }
    fn cap(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|x| x.text.chars().next().is_some_and(|c| c.is_uppercase()))
    }
    fn prev_word(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|p| self.word(p))
    }
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    /// A day of the month: 1 to 31, one or two digits.
    fn day(&self, i: usize) -> Option<i8> {
        let x = self.t.get(i)?;
        (x.k == K::Num && x.digits <= 2 && (1..=31).contains(&x.num) && !x.footnote)
            .then_some(x.num as i8)
    }
    /// A plausible four-digit year.
    fn year(&self, i: usize) -> Option<i16> {
        let x = self.t.get(i)?;
        (x.k == K::Num && x.digits == 4 && !x.ordinal && (1000..=2100).contains(&x.num))
            .then_some(x.num as i16)
    }
    /// A month name; returns (month, index after it, abbreviated).
    fn month(&self, i: usize) -> Option<(i8, usize, bool)> {
        let x = self.t.get(i)?;
        if x.k != K::Word || !self.cap(i) {
            return None;
        }
        if let Some(m) = MONTHS.iter().position(|&m| m == x.lower) {
            // "MAY" in capitals could be the verb in a headline; "May" is fine.
            return Some((m as i8 + 1, i + 1, false));
        }
        let m = month_abbrev(&x.lower)?;
        if self.is_punct(i + 1, ".") && self.adjacent(i, i + 1) {
            Some((m, i + 2, true))
        } else {
            Some((m, i + 1, true))
        }
    }
    fn weekday(&self, i: usize) -> Option<i8> {
        let w = self.word(i)?;
        let w = w.strip_suffix("'s").unwrap_or(w);
        if !self.cap(i) {
            return None;
        }
        WEEKDAYS.iter().position(|&d| d == w).map(|p| p as i8)
    }
    /// A small count: digits or a number word ("two", "a").
    fn count(&self, i: usize) -> Option<i32> {
        let x = self.t.get(i)?;
        match x.k {
            K::Num if x.digits <= 3 && !x.ordinal && !x.footnote => Some(x.num as i32),
            K::Word => match x.lower.as_str() {
                "a" | "an" => Some(1),
                w => NUMBER_WORDS.iter().position(|&n| n == w).map(|p| p as i32),
            },
            _ => None,
        }
    }
    /// A range connector between two dates: "-", "–", "to", "until", "through".
    fn connector(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some("to" | "until" | "till" | "through" | "thru")
        ) || self.is_punct(i, "-")
            || self.is_punct(i, "\u{2013}")
            || self.is_punct(i, "\u{2014}")
    }
    /// The token after a bare day number does not make it a count ("12 people").
    fn day_not_count(&self, i: usize) -> bool {
        let Some(x) = self.t.get(i) else { return true };
        match x.k {
            K::Punct => x.lower != "%",
            K::Word => {
                if COUNT_NOUNS.contains(&x.lower.as_str()) {
                    return false;
                }
                true
            }
            _ => false,
        }
    }
    /// The token after a four-digit number lets it be a year.
    fn year_follow_ok(&self, i: usize) -> bool {
        let Some(x) = self.t.get(i) else { return true };
        match x.k {
            K::Punct => !matches!(x.lower.as_str(), "%" | "$" | "+"),
            K::Word => self.cap(i) || AFTER_YEAR_OK.contains(&x.lower.as_str()),
            _ => false,
        }
    }
    /// The sentence is a byline or dateline ("By Kyle Orton on January 7, 2017",
    /// "Published: 24 March 2024").
    fn is_byline(&self) -> bool {
        let words = self.t.iter().filter(|x| x.k == K::Word).count();
        if words > 12 {
            return false;
        }
        // "By Kyle Orton", not "By 2019, ..." nor "By January ..."
        let by_name = self.is_word(self.first, "by")
            && self.cap(self.first)
            && self.word(self.first + 1).is_some()
            && self.cap(self.first + 1)
            && self.month(self.first + 1).is_none()
            && self.weekday(self.first + 1).is_none()
            && !matches!(
                self.word(self.first + 1),
                Some("early" | "late" | "mid" | "the" | "then" | "now")
            );
        by_name
            || self.t.iter().take(4).any(|x| {
                matches!(
                    x.lower.as_str(),
                    "published" | "updated" | "posted" | "dated"
                ) && x.k == K::Word
            })
    }
    /// The sentence speaks of the future ("will be introduced in January", "due
    /// no later than April 15") and says nothing of the past: a date without a
    /// year is then the next fitting one, not the last.
    fn forward_cue(&self) -> bool {
        let mut fwd = false;
        for (i, x) in self.t.iter().enumerate() {
            if x.k != K::Word {
                continue;
            }
            match x.lower.as_str() {
                w if PAST_STRICT.contains(&w) => return false,
                "ago" | "last" | "yesterday" => return false,
                "will" | "shall" | "upcoming" | "deadline" | "tomorrow" => fwd = true,
                "due" if !self.is_word(i + 1, "to") => fwd = true,
                w if w.ends_with("'ll") => fwd = true,
                _ => {}
            }
        }
        fwd
    }

    /// The sentence speaks of what happens every year ("usually in late June"):
    /// a month alone there is no date.
    fn habitual(&self) -> bool {
        self.habitual
    }
    fn scan_habitual(&self) -> bool {
        self.t.iter().any(|x| {
            x.k == K::Word
                && matches!(
                    x.lower.as_str(),
                    "usually"
                        | "typically"
                        | "generally"
                        | "normally"
                        | "every"
                        | "each"
                        | "annually"
                        | "often"
                        | "traditionally"
                        | "traditional"
                        | "seasonal"
                        | "seasonally"
                )
        })
    }

    /// The sentence has a verb in the past tense (a small list of common ones).
    fn has_past(&self) -> bool {
        self.past
    }
    fn scan_past(&self) -> bool {
        self.t
            .iter()
            .any(|x| x.k == K::Word && PAST_MARKERS.contains(&x.lower.as_str()))
    }

    /// Nothing but punctuation outside tokens `a..b`: a line that is only a date.
    fn only_date(&self, a: usize, b: usize) -> bool {
        let inside = self.t[a..b]
            .iter()
            .filter(|x| !matches!(x.k, K::Punct | K::Other))
            .count();
        inside == self.content
    }

    fn match_at(&self, i: usize) -> Option<Match> {
        let x = &self.t[i];
        match x.k {
            K::Iso => {
                let v = x.num;
                let p = Partial {
                    y: Some((v / 10000) as i16),
                    m: Some((v / 100 % 100) as i8),
                    d: Some((v % 100) as i8),
                };
                Some(Match {
                    start: i,
                    end: i + 1,
                    val: Val::Abs {
                        p,
                        until: None,
                        dir: 0,
                    },
                    background: false,
                })
            }
            K::Num => self
                .day_first(i)
                .or_else(|| self.year_ctx(i))
                .or_else(|| self.ago_or_later(i)),
            K::Word => self
                .month_first(i)
                .or_else(|| self.the_forms(i))
                .or_else(|| self.named_day(i))
                .or_else(|| self.weekday_form(i))
                .or_else(|| self.relative_word(i))
                .or_else(|| self.ago_or_later(i)),
            _ => None,
        }
    }

    /// `7 January 2017`, `5th of December`, `1-3 March 2016`, `5 December`.
    fn day_first(&self, i: usize) -> Option<Match> {
        let d = self.day(i)?;
        let mut p = i + 1;
        let mut d2 = None;
        if (self.connector(p) || self.is_word(p, "and")) && self.day(p + 1).is_some_and(|e| e > d) {
            d2 = self.day(p + 1);
            p += 2;
        }
        if self.is_word(p, "of") {
            p += 1;
        }
        let (m, mut q, _) = self.month(p)?;
        let mut y = None;
        if let Some(yy) = self.year(q) {
            y = Some(yy);
            q += 1;
        } else if self.is_punct(q, ",") && self.year(q + 1).is_some() && self.day_not_count(q + 2) {
            y = self.year(q + 1);
            q += 2;
        }
        let p1 = Partial {
            y,
            m: Some(m),
            d: Some(d),
        };
        let until = d2.map(|e| Partial {
            y,
            m: Some(m),
            d: Some(e),
        });
        let mut mt = Match {
            start: i,
            end: q,
            val: Val::Abs {
                p: p1,
                until,
                dir: 0,
            },
            background: false,
        };
        if until.is_none() {
            self.extend_range(&mut mt);
        }
        Some(mt)
    }

    /// `January 7, 2017`, `Jan. 7`, `January 1 to 10`, `August 2016`, `in August`.
    fn month_first(&self, i: usize) -> Option<Match> {
        let (m, p0, abbrev) = self.month(i)?;
        // "February, 17-18, 2026", "January, 6 2026": only with a year
        let comma_day = self.is_punct(p0, ",") && self.day(p0 + 1).is_some();
        let p = if comma_day { p0 + 1 } else { p0 };
        let prev = self.prev_word(i);
        // "Theresa May 2017" is unlikely; "Theresa May 12" too. A capitalised word
        // right before "May" (not a preposition) is most likely a name.
        if m == 5
            && i > self.first
            && self.cap(i - 1)
            && self.t[i - 1].k == K::Word
            && !self.cap_is_month_ctx(i - 1)
        {
            return None;
        }
        if let Some(d) = self.day(p) {
            let mut q = p + 1;
            let mut d2 = None;
            if self.connector(q)
                && self.day(q + 1).is_some_and(|e| e > d)
                && self.month(q + 1).is_none()
            {
                d2 = self.day(q + 1);
                q += 2;
            }
            let mut y = None;
            if self.is_punct(q, ",") && self.year(q + 1).is_some() && self.day_not_count(q + 2) {
                y = self.year(q + 1);
                q += 2;
            } else if let Some(yy) = self.year(q) {
                y = Some(yy);
                q += 1;
            }
            if y.is_none()
                && i >= 3
                && self.is_punct(i - 1, ",")
                && self.is_punct(i - 3, "(")
                && self.year(i - 2).is_some()
            {
                // a reference: "(2019, February 26)"
                y = self.year(i - 2);
            }
            if (y.is_some() || d2.is_some() || self.day_not_count(q)) && (!comma_day || y.is_some())
            {
                let p1 = Partial {
                    y,
                    m: Some(m),
                    d: Some(d),
                };
                let until = d2.map(|e| Partial {
                    y,
                    m: Some(m),
                    d: Some(e),
                });
                let mut mt = Match {
                    start: i,
                    end: q,
                    val: Val::Abs {
                        p: p1,
                        until,
                        dir: 0,
                    },
                    background: false,
                };
                if until.is_none() {
                    self.extend_range(&mut mt);
                }
                return Some(mt);
            }
        }
        // "August 2016", "January of 2015"
        let p = p0;
        let yq = if self.is_word(p, "of") || self.is_punct(p, ",") {
            p + 1
        } else {
            p
        };
        if let Some(y) = self.year(yq) {
            let mut start = i;
            if self.is_punct(i.wrapping_sub(1), "-") && matches!(self.prev_word(i - 1), Some("mid"))
            {
                start = i - 2;
            }
            let p1 = Partial {
                y: Some(y),
                m: Some(m),
                d: None,
            };
            let mut mt = Match {
                start,
                end: yq + 1,
                val: Val::Abs {
                    p: p1,
                    until: None,
                    dir: 0,
                },
                background: false,
            };
            self.extend_range(&mut mt);
            return Some(mt);
        }
        if abbrev {
            return None;
        }
        // a month alone, after a preposition
        let mut start = i;
        let mut dir = 0;
        let ok = match prev {
            Some("last") => {
                start = i - 1;
                dir = -1;
                true
            }
            Some("next") => {
                start = i - 1;
                dir = 1;
                true
            }
            Some("past") => {
                // "this past June"
                start = if self.is_word(i.wrapping_sub(2), "this") {
                    i - 2
                } else {
                    i - 1
                };
                dir = -1;
                true
            }
            // "in January and March"
            Some("and" | "or") => i >= 2 && self.month(i - 2).is_some(),
            // "the December holidays", "the March elections"
            Some("the") => self.word(i + 1).is_some_and(|w| {
                !self.cap(i + 1)
                    && (YEAR_EVENT_NOUNS.contains(&w)
                        || matches!(
                            w,
                            "holidays" | "holiday" | "issue" | "meeting" | "talks" | "vote"
                        ))
            }),
            Some(w) => MONTH_PREP.contains(&w),
            None => {
                // "mid-January"
                self.is_punct(i.wrapping_sub(1), "-")
                    && self.adjacent(i - 1, i)
                    && matches!(self.prev_word(i - 1), Some("mid" | "early" | "late"))
            }
        };
        if !ok || i == self.first || self.habitual() {
            return None;
        }
        if matches!(prev, Some("end" | "beginning" | "start")) {
            // "end January" is rare; "the end of January" goes through "of"
            return None;
        }
        // "March on Washington", "May Day": a capitalised word right after
        // is a name, unless it starts a new clause after a comma.
        if self.word(i + 1).is_some()
            && self.cap(i + 1)
            && self.month(i + 1).is_none()
            && self.weekday(i + 1).is_none()
        {
            return None;
        }
        let p1 = Partial {
            y: None,
            m: Some(m),
            d: None,
        };
        let mut mt = Match {
            start,
            end: i + 1,
            val: Val::Abs {
                p: p1,
                until: None,
                dir,
            },
            background: false,
        };
        self.extend_range(&mut mt);
        Some(mt)
    }

    fn cap_is_month_ctx(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some(
                "in" | "on"
                    | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "during"
                    | "early"
                    | "late"
                    | "last"
                    | "next"
            )
        ) || self.weekday(i).is_some()
    }

    /// After a date: "to 10", "to March 2016", "– 3 March 2016", "and 2019"
    /// (after "between"). Fills the end, and a missing year from the end.
    fn extend_range(&self, mt: &mut Match) {
        let Val::Abs {
            p,
            until: None,
            dir: 0,
        } = mt.val
        else {
            return;
        };
        let c = mt.end;
        let between = mt.start > 0 && self.is_word(mt.start - 1, "between");
        if p.y.is_none() && !between && matches!(self.word(c), Some("and" | "or")) {
            // "on August 18 and August 19, 2026": the first takes the year of the second
            let s = c + 1;
            let second = if p.d.is_some() {
                self.month(s)
                    .and_then(|_| self.month_first_plain(s))
                    .or_else(|| self.day_first_plain(s))
            } else if p.m.is_some() {
                self.month(s).and_then(|_| self.month_first_plain(s))
            } else {
                None
            };
            if let Some((q, _)) = second {
                if q.y.is_some() && q.d.is_some() == p.d.is_some() {
                    let before = (p.m, p.d) > (q.m, q.d);
                    let y = q.y.map(|y| if before { y - 1 } else { y });
                    mt.val = Val::Abs {
                        p: Partial { y, ..p },
                        until: None,
                        dir: 0,
                    };
                }
            }
            return;
        }
        if !(self.connector(c) || (between && self.is_word(c, "and"))) {
            return;
        }
        let s = c + 1;
        let second = if p.d.is_some() {
            // a full day-first or month-first date after the connector
            self.month(s)
                .and_then(|_| self.month_first_plain(s))
                .or_else(|| self.day_first_plain(s))
        } else if p.m.is_some() {
            self.month(s).and_then(|_| self.month_first_plain(s))
        } else {
            self.year(s).map(|y| {
                (
                    Partial {
                        y: Some(y),
                        m: None,
                        d: None,
                    },
                    s + 1,
                )
            })
        };
        let Some((mut q, end)) = second else { return };
        // precision must agree
        if q.d.is_some() != p.d.is_some() || q.m.is_some() != p.m.is_some() {
            return;
        }
        let mut p = p;
        if p.y.is_none() && q.y.is_some() {
            // "December 28 to January 3, 2017": the start is in the year before
            let before = (p.m, p.d) > (q.m, q.d);
            p.y = q.y.map(|y| if before { y - 1 } else { y });
        }
        if q.y.is_none() && p.y.is_some() {
            q.y = p.y;
        }
        if p.y.is_some() && q.y.is_some() && (q.y, q.m, q.d) <= (p.y, p.m, p.d) {
            return;
        }
        if p.d.is_none() && p.m.is_none() {
            // year ranges: "2017-2019", "between 2017 and 2019", but not "1500-2000 km"
            let (Some(a), Some(b)) = (p.y, q.y) else {
                return;
            };
            if b - a > 100 || !self.year_follow_ok(end) {
                return;
            }
        }
        mt.val = Val::Abs {
            p,
            until: Some(q),
            dir: 0,
        };
        mt.end = end;
    }

    fn month_first_plain(&self, i: usize) -> Option<(Partial, usize)> {
        let (m, p, abbrev) = self.month(i)?;
        if let Some(d) = self.day(p) {
            let mut q = p + 1;
            let mut y = None;
            if self.is_punct(q, ",") && self.year(q + 1).is_some() {
                y = self.year(q + 1);
                q += 2;
            } else if let Some(yy) = self.year(q) {
                y = Some(yy);
                q += 1;
            }
            return Some((
                Partial {
                    y,
                    m: Some(m),
                    d: Some(d),
                },
                q,
            ));
        }
        if let Some(y) = self.year(p) {
            return Some((
                Partial {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                },
                p + 1,
            ));
        }
        (!abbrev).then_some((
            Partial {
                y: None,
                m: Some(m),
                d: None,
            },
            p,
        ))
    }

    fn day_first_plain(&self, i: usize) -> Option<(Partial, usize)> {
        let d = self.day(i)?;
        let mut p = i + 1;
        if self.is_word(p, "of") {
            p += 1;
        }
        let (m, q, _) = self.month(p)?;
        let y = self.year(q);
        Some((
            Partial {
                y,
                m: Some(m),
                d: Some(d),
            },
            q + usize::from(y.is_some()),
        ))
    }

    /// A four-digit number where the words around it make it a year.
    fn year_ctx(&self, i: usize) -> Option<Match> {
        let y = self.year(i)?;
        let prev = self.prev_word(i);
        let mk = |background| {
            let mut mt = Match {
                start: i,
                end: i + 1,
                val: Val::Abs {
                    p: Partial {
                        y: Some(y),
                        m: None,
                        d: None,
                    },
                    until: None,
                    dir: 0,
                },
                background,
            };
            self.extend_range(&mut mt);
            mt
        };
        let next = self.word(i + 1);
        // the passing of time: "an hour into 2017", "as 2016 became 2017"
        if matches!(prev, Some("into" | "became")) || (prev == Some("as") && next == Some("became"))
        {
            return Some(mk(true));
        }
        // "the 2022 FIFA World Cup", "the 2016 coup attempt"
        if prev == Some("the") && y >= 1900 {
            // "the 2016's elections"
            let possessive = (self.is_punct(i + 1, "'") || self.is_punct(i + 1, "\u{2019}"))
                && self.adjacent(i, i + 1)
                && self.is_word(i + 2, "s");
            let n = if possessive { i + 3 } else { i + 1 };
            let noun = self.word(n).is_some_and(|w| {
                YEAR_EVENT_NOUNS.contains(&w)
                    || (self.cap(n) && self.month(n).is_none() && !self.is_word(n, "i"))
            });
            if noun {
                return Some(mk(false));
            }
        }
        // "2017 would be the year of victory", "that 2016 was"
        if y >= 1900
            && matches!(
                next,
                Some("was" | "is" | "will" | "would" | "has" | "had" | "saw" | "marked" | "became")
            )
            && (i == self.first
                || matches!(prev, Some("that" | "and" | "but" | "while"))
                || (i >= 1 && self.is_punct(i - 1, ",")))
        {
            return Some(mk(false));
        }
        // "Sargent's 2023 short", "the Diamondbacks' 2025 MLB season", not "the firm's 2000 workers"
        let after_possessive = i >= 1
            && (self.word(i - 1).is_some_and(|w| w.ends_with("'s"))
                || ((self.is_punct(i - 1, "'") || self.is_punct(i - 1, "\u{2019}"))
                    && i >= 2
                    && self.word(i - 2).is_some_and(|w| w.ends_with('s'))
                    && self.adjacent(i - 2, i - 1)));
        if after_possessive && y >= 1900 {
            let n = i + 1;
            let noun = self.word(n).is_some_and(|w| {
                !COUNT_NOUNS.contains(&w)
                    && (self.cap(n) || !w.ends_with('s') || YEAR_EVENT_NOUNS.contains(&w))
            });
            if noun && self.month(n).is_none() {
                return Some(mk(false));
            }
        }
        // "mid-2015"
        let mid = prev.is_none()
            && self.is_punct(i.wrapping_sub(1), "-")
            && self.adjacent(i - 1, i)
            && matches!(self.prev_word(i - 1), Some("mid" | "early" | "late"));
        let ctx = match prev {
            // "the summer of 2015", "as of 2022"
            Some("of") => {
                i >= 2
                    && self
                        .word(i - 2)
                        .is_some_and(|w| w == "as" || OF_NOUNS.contains(&w))
            }
            Some("to") => {
                // "in the years leading up to 2014"
                i >= 3
                    && self.is_word(i - 2, "up")
                    && matches!(self.word(i - 3), Some("leading" | "run"))
            }
            // "over 2023 and 2024": two close years joined by "and"
            Some("and" | "or")
                if y >= 1900
                    && i >= 2
                    && self.year(i - 2).is_some_and(|a| a < y && y - a <= 10) =>
            {
                true
            }
            Some(w) => YEAR_PREP.contains(&w) || self.year_pair(i, y) || self.year_span(i, y),
            None => mid || self.year_span(i, y),
        };
        if !ctx {
            return None;
        }
        let mut mt = mk(false);
        // after these a number is a year unless a count noun follows; after "in",
        // "by", "from" ... only if what follows fits a year ("in 1500 cases" is no year)
        let strong =
            mid || matches!(
                prev,
                Some(
                    "since"
                        | "until"
                        | "till"
                        | "during"
                        | "throughout"
                        | "early"
                        | "late"
                        | "mid"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "autumn"
                        | "fall"
                        | "ramadan"
                        | "fiscal"
                        | "fy"
                )
            ) || (prev == Some("of") && i >= 2 && self.is_word(i - 2, "as"));
        let follow_ok = if strong {
            self.day_not_count(i + 1) || matches!(self.word(i + 1), Some("or" | "of" | "out"))
        } else {
            self.year_follow_ok(i + 1)
        };
        if mt.end == i + 1 && !follow_ok {
            return None;
        }
        if mid {
            mt.start = i - 2;
        }
        Some(mt)
    }

    /// `y` at `i` is followed by "and"/"or" and a close later year: "2023 and 2024".
    fn year_pair(&self, i: usize, y: i16) -> bool {
        y >= 1900
            && matches!(self.word(i + 1), Some("and" | "or"))
            && self.year(i + 2).is_some_and(|b| b > y && b - y <= 10)
            && self.year_follow_ok(i + 3)
    }

    /// `y` at `i` starts a tight span of years: "2014–2017", "2014-17" is not taken.
    fn year_span(&self, i: usize, y: i16) -> bool {
        // "2018;74(9):1485-1508" is a page range
        let pages = i >= 1 && (self.is_punct(i - 1, ":") || self.is_punct(i - 1, ";"))
            || matches!(self.prev_word(i), Some("p" | "pp" | "pages" | "page"));
        !pages
            && (self.is_punct(i + 1, "-") || self.is_punct(i + 1, "\u{2013}"))
            && self.adjacent(i, i + 1)
            && self.adjacent(i + 1, i + 2)
            && self.year(i + 2).is_some_and(|b| b > y && b - y <= 100)
            && self.year_follow_ok(i + 3)
    }

    /// "the following day", "the next day", "the same day", "that same year".
    fn the_forms(&self, i: usize) -> Option<Match> {
        let w0 = self.word(i)?;
        if !matches!(w0, "the" | "that") {
            return None;
        }
        let w1 = self.word(i + 1)?;
        let w2 = self.word(i + 2);
        let end_after = |j: usize| self.t.get(j).is_none_or(|x| x.k == K::Punct);
        let v = match (w1, w2) {
            ("following" | "next", Some("day")) if w0 == "the" => Some((Val::NarrDays(1), i + 3)),
            ("previous", Some("day")) if w0 == "the" => Some((Val::NarrDays(-1), i + 3)),
            ("same", Some("day")) => Some((Val::NarrDays(0), i + 3)),
            ("same", Some("year")) => Some((Val::NarrYear(0), i + 3)),
            ("year", Some("before"))
                if w0 == "the" && (end_after(i + 3) || self.is_word(i + 3, "when")) =>
            {
                Some((Val::NarrYear(-1), i + 3))
            }
            ("day", Some("after")) if w0 == "the" && end_after(i + 3) => {
                Some((Val::NarrDays(1), i + 3))
            }
            ("day", Some("before")) if w0 == "the" && end_after(i + 3) => {
                Some((Val::NarrDays(-1), i + 3))
            }
            _ => None,
        };
        let (val, end) = v?;
        Some(Match {
            start: i,
            end,
            val,
            background: false,
        })
    }

    /// "New Year's Eve", "Christmas Day", "Halloween", optionally with a year.
    fn named_day(&self, i: usize) -> Option<Match> {
        if !self.cap(i) {
            return None;
        }
        let w0 = self.word(i)?;
        let (m, d, mut end) = match w0 {
            "new" => {
                let w1 = self.word(i + 1)?;
                if !matches!(w1, "year's" | "years" | "year")
                    || !self.cap(i + 1)
                    || !self.cap(i + 2)
                {
                    return None;
                }
                match self.word(i + 2)? {
                    "eve" => (12, 31, i + 3),
                    "day" => (1, 1, i + 3),
                    _ => return None,
                }
            }
            "christmas" if self.cap(i + 1) => match self.word(i + 1)? {
                "eve" => (12, 24, i + 2),
                "day" => (12, 25, i + 2),
                _ => return None,
            },
            "boxing" if self.is_word(i + 1, "day") && self.cap(i + 1) => (12, 26, i + 2),
            "valentine's" if self.is_word(i + 1, "day") && self.cap(i + 1) => (2, 14, i + 2),
            "halloween"
                if matches!(
                    self.prev_word(i),
                    Some("on" | "at" | "for" | "before" | "after" | "since" | "until" | "by")
                ) =>
            {
                (10, 31, i + 1)
            }
            _ => return None,
        };
        let y = if let Some(y) = self.year(end) {
            end += 1;
            Some(y)
        } else {
            None
        };
        let p = Partial {
            y,
            m: Some(m),
            d: Some(d),
        };
        Some(Match {
            start: i,
            end,
            val: Val::Abs {
                p,
                until: None,
                dir: 0,
            },
            background: false,
        })
    }

    /// "on Thursday", "last Sunday", "Thursday, January 5, 2017".
    fn weekday_form(&self, i: usize) -> Option<Match> {
        let wd = self.weekday(i)?;
        let possessive = self.word(i).is_some_and(|w| w.ends_with("'s"));
        // a full date after it wins: "Thursday, January 5, 2017"
        let j = if self.is_punct(i + 1, ",") {
            i + 2
        } else {
            i + 1
        };
        if !possessive {
            if let Some(mut mt) = self.month_first(j).or_else(|| self.day_first(j)) {
                if matches!(
                    mt.val,
                    Val::Abs {
                        p: Partial { d: Some(_), .. },
                        ..
                    }
                ) {
                    mt.start = i;
                    return Some(mt);
                }
            }
        }
        if matches!(
            self.word(i + 1),
            Some("mornings" | "nights" | "evenings" | "afternoons")
        ) {
            // "on Sunday mornings": every Sunday
            return None;
        }
        if self.month(j).is_some() && j == i + 2 {
            // "Tuesday, January, 6 2026" that did not parse: the weekday is part of it
            return None;
        }
        let prev = self.prev_word(i);
        let (mode, start) = match prev {
            Some("last" | "past") => (WdMode::Last, i - 1),
            Some("next") => (WdMode::Next, i - 1),
            Some(
                "on" | "this" | "since" | "until" | "till" | "by" | "from" | "early" | "late"
                | "before" | "after",
            ) => (WdMode::Recent, i),
            // news style: "the ministry said Thursday"
            Some("said" | "says" | "announced" | "reported" | "told") => (WdMode::Recent, i),
            _ => {
                let part = matches!(
                    self.word(i + 1),
                    Some("night" | "morning" | "evening" | "afternoon")
                );
                // "on a sunny Friday morning" is any Friday
                let det = |j: usize| {
                    matches!(
                        self.word(j),
                        Some(
                            "a" | "an" | "every" | "each" | "any" | "one" | "some" | "the" | "that"
                        )
                    )
                };
                // "a Friday", "on a sunny Friday morning": any Friday
                let indefinite = (i >= 1 && det(i - 1)) || (i >= 2 && det(i - 2));
                let lead = i == self.first && (self.is_punct(i + 1, ",") || possessive);
                if indefinite || !(lead || possessive || (part && !self.cap(i + 1))) {
                    return None;
                }
                (WdMode::Recent, i)
            }
        };
        // opening hours: "from Tuesday through Sunday", "Monday-Friday"
        let wd_range = |a: usize, b: usize| {
            (self.connector(a) || self.is_word(a, "thru")) && self.weekday(b).is_some()
        };
        if wd_range(i + 1, i + 2) || (i >= 2 && wd_range(i - 1, i - 2)) {
            return None;
        }
        if prev == Some("this") && start == i {
            // "this Thursday" may be in the future: leave it out.
            return None;
        }
        Some(Match {
            start,
            end: i + 1,
            val: Val::Weekday { wd, mode },
            background: false,
        })
    }

    /// "yesterday", "today", "last month", "this week", "last summer".
    fn relative_word(&self, i: usize) -> Option<Match> {
        let w = self.word(i)?;
        let lead = i == self.first;
        // a capital in mid-sentence is a title ("Tomorrow for Crusaders")
        if self.cap(i) && !lead {
            return None;
        }
        let prev = self.prev_word(i);
        let mk = |start: usize, end: usize, val: Val| {
            Some(Match {
                start,
                end,
                val,
                background: false,
            })
        };
        match w {
            "yesterday" => {
                return mk(
                    i,
                    i + 1,
                    Val::FromAnchor {
                        unit: Unit::Day,
                        n: -1,
                    },
                )
            }
            "tomorrow" => {
                if lead && !self.is_punct(i + 1, ",") {
                    return None;
                }
                return mk(
                    i,
                    i + 1,
                    Val::FromAnchor {
                        unit: Unit::Day,
                        n: 1,
                    },
                );
            }
            "today" => {
                // "Today, online courses make learning easy" is "nowadays":
                // take a leading "Today," only in a sentence that tells of a happening
                let ok = (lead && self.is_punct(i + 1, ",") && self.has_past())
                    || matches!(
                        prev,
                        Some("earlier" | "later" | "until" | "from" | "starting" | "beginning")
                    )
                    || (prev == Some("of") && i >= 2 && self.is_word(i - 2, "as"));
                return if ok {
                    mk(
                        i,
                        i + 1,
                        Val::FromAnchor {
                            unit: Unit::Day,
                            n: 0,
                        },
                    )
                } else {
                    None
                };
            }
            "last" | "this" | "next" => {}
            _ => return None,
        }
        // "over the last month", "in the past year" are durations
        if matches!(prev, Some("the" | "past" | "for" | "over")) {
            return None;
        }
        let n = match w {
            "last" => -1,
            "this" => 0,
            _ => 1,
        };
        let w1 = self.word(i + 1)?;
        if self.is_punct(i + 2, "-") && self.adjacent(i + 1, i + 2) {
            // "this spring-loaded shutter", "a week-long visit"
            return None;
        }
        let unit = match w1.strip_suffix("'s").unwrap_or(w1) {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "summer" | "spring" | "autumn" | "fall" if n <= 0 => {
                let first_month = match w1.strip_suffix("'s").unwrap_or(w1) {
                    "spring" => 3,
                    "summer" => 6,
                    _ => 9,
                };
                return mk(
                    i,
                    i + 2,
                    Val::Season {
                        first_month,
                        last: n < 0,
                    },
                );
            }
            _ => return None,
        };
        // "this year's" is fine; "last year alone" too. "last year old" is not English.
        mk(i, i + 2, Val::FromAnchor { unit, n })
    }

    /// "five years ago", "two days later", "three days earlier".
    fn ago_or_later(&self, i: usize) -> Option<Match> {
        let n = self.count(i)?;
        if i >= 1 && self.is_punct(i - 1, "-") && self.adjacent(i - 1, i) {
            // "Seventy-two years later": a compound number we do not read
            return None;
        }
        let unit_w = self.word(i + 1)?;
        let unit = match unit_w {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            _ => return None,
        };
        if (n == 1) != matches!(unit_w, "day" | "week" | "month" | "year") {
            return None;
        }
        // "over the last two years", "for two days": durations
        if matches!(
            self.prev_word(i),
            Some("last" | "past" | "next" | "the" | "for" | "over" | "within")
        ) {
            return None;
        }
        let end_ok = |j: usize| {
            self.t.get(j).is_none_or(|x| x.k == K::Punct)
                || self.word(j).is_some_and(|w| AFTER_YEAR_OK.contains(&w))
        };
        match self.word(i + 2)? {
            "ago" => Some(Match {
                start: i,
                end: i + 3,
                val: Val::FromAnchor { unit, n: -n },
                background: false,
            }),
            "later" if unit == Unit::Day => Some(Match {
                start: i,
                end: i + 3,
                val: Val::NarrDays(n),
                background: false,
            }),
            "later" if unit == Unit::Year => Some(Match {
                start: i,
                end: i + 3,
                val: Val::NarrYear(n),
                background: false,
            }),
            "earlier" if unit == Unit::Day && end_ok(i + 3) && !self.is_word(i + 3, "than") => {
                Some(Match {
                    start: i,
                    end: i + 3,
                    val: Val::NarrDays(-n),
                    background: false,
                })
            }
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Resolution

/// What the narrative has reached: the last dates mentioned in the article.
#[derive(Default)]
struct Narrative {
    /// The last day-precision date (start of its range).
    day: Option<Date>,
    /// The last date of any precision.
    any: Option<EventDate>,
}

impl Narrative {
    fn note(&mut self, date: EventDate) {
        if let EventDate::Day(d) = date {
            self.day = Some(d);
        }
        self.any = Some(date);
    }
}

fn day_of(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The most recent (month, day) not after `anchor` (dir 0), strictly before
/// (dir -1), the next one strictly after (dir 1), or on or after it (dir 2).
fn recent_day(anchor: Date, m: i8, d: i8, dir: i8) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y0 = anchor.year();
    if dir > 0 {
        return (0..8)
            .filter_map(|k| day_of(y0.checked_add(k)?, m, d))
            .find(|&x| if dir == 2 { x >= anchor } else { x > anchor });
    }
    (0..8)
        .filter_map(|k| day_of(y0.checked_sub(k)?, m, d))
        .find(|&x| if dir < 0 { x < anchor } else { x <= anchor })
}

fn resolve(
    val: &Val,
    anchor: Option<Date>,
    narr: &Narrative,
) -> Option<(EventDate, Option<EventDate>, bool)> {
    match *val {
        Val::Abs { p, until, dir } => {
            let (first, relative) = resolve_partial(p, anchor, dir)?;
            let until = until.and_then(|q| {
                let q = Partial {
                    y: q.y.or(Some(first.year())),
                    ..q
                };
                let (mut e, _) = resolve_partial(q, anchor, 0)?;
                if e <= first {
                    // "December 28 to January 3" without a year: the end is in the next year
                    let q2 = Partial {
                        y: q.y.map(|y| y + 1),
                        ..q
                    };
                    e = resolve_partial(q2, anchor, 0)?.0;
                }
                (e > first).then_some(e)
            });
            Some((first, until, relative))
        }
        Val::Weekday { wd, mode } => {
            let a = anchor?;
            let off = (a.weekday().to_monday_zero_offset() - wd + 7) % 7;
            let d = match mode {
                WdMode::Recent => a.checked_sub((off as i64).days()).ok()?,
                WdMode::Last => a
                    .checked_sub((if off == 0 { 7 } else { off } as i64).days())
                    .ok()?,
                WdMode::Next => a
                    .checked_add((if off == 0 { 7 } else { 7 - off } as i64).days())
                    .ok()?,
            };
            Some((EventDate::Day(d), None, true))
        }
        Val::FromAnchor { unit, n } => {
            let a = anchor?;
            let n = n as i64;
            let date = match unit {
                Unit::Day => EventDate::Day(a.checked_add(n.days()).ok()?),
                Unit::Week => {
                    let monday = a
                        .checked_sub((a.weekday().to_monday_zero_offset() as i64).days())
                        .ok()?;
                    EventDate::Week(monday.checked_add((7 * n).days()).ok()?)
                }
                Unit::Month => {
                    let d = a.first_of_month().checked_add(n.months()).ok()?;
                    EventDate::Month {
                        year: d.year(),
                        month: d.month(),
                    }
                }
                Unit::Year => EventDate::Year(a.year().checked_add(n as i16)?),
            };
            Some((date, None, true))
        }
        Val::Season { first_month, last } => {
            let a = anchor?;
            // "last summer" in January is the summer of the year before
            let y = if last && a.month() < first_month + 3 {
                a.year() - 1
            } else {
                a.year()
            };
            Some((EventDate::Year(y), None, true))
        }
        Val::NarrDays(n) => {
            let d = narr.day?.checked_add((n as i64).days()).ok()?;
            Some((EventDate::Day(d), None, true))
        }
        Val::NarrYear(n) => Some((
            EventDate::Year(narr.any?.year().checked_add(n as i16)?),
            None,
            true,
        )),
    }
}

fn resolve_partial(p: Partial, anchor: Option<Date>, dir: i8) -> Option<(EventDate, bool)> {
    match (p.y, p.m, p.d) {
        (Some(y), Some(m), Some(d)) => Some((EventDate::Day(day_of(y, m, d)?), false)),
        (Some(y), Some(m), None) => (1..=12)
            .contains(&m)
            .then_some((EventDate::Month { year: y, month: m }, false)),
        (Some(y), None, None) => Some((EventDate::Year(y), false)),
        (None, Some(m), Some(d)) => Some((EventDate::Day(recent_day(anchor?, m, d, dir)?), true)),
        (None, Some(m), None) => {
            let a = anchor?;
            let y = match dir {
                0 if m <= a.month() => a.year(),
                -1 if m < a.month() => a.year(),
                1 if m > a.month() => a.year(),
                2 if m >= a.month() => a.year(),
                1 | 2 => a.year() + 1,
                _ => a.year() - 1,
            };
            Some((EventDate::Month { year: y, month: m }, true))
        }
        _ => None,
    }
}
