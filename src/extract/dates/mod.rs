//! Date expressions in running text ("7 January 2017", "last Sunday", "in
//! 2021") resolved against the article's date, at the precision the text gives.
//!
//! # How it works
//!
//! Each sentence is cut into tokens (words, numbers, punctuation) by a single
//! linear pass (`tokens.rs`); numbers that are clearly not days or years
//! (`2,000`, `1.6`, `10:30`, `1990s`, `1990's`, `1500km`, footnote markers
//! glued to a word such as `evidence,1`) become opaque tokens. A hand-written
//! grammar (`grammar.rs`, word lists in `vocab.rs`) then looks at each token
//! with a bounded look-ahead/look-behind and says what the text gives
//! (day, month, year, or an offset); `resolve.rs` turns that into an
//! [`EventDate`] against the article date and the narrative so far. Facts about
//! the whole sentence (tense, "usually") are computed once per sentence, so the
//! whole thing is linear in the length of the text. No regular expressions.
//!
//! # Forms understood
//!
//! - full dates: `7 January 2017`, `January 7, 2017`, `Jan. 7, 2017`,
//!   `Sept 7 2016`, `2017-01-07` (and ISO timestamps), `the 5th of December
//!   2016`, `Thursday, January 5, 2017`, `February, 17-18, 2026`,
//!   `(2019, February 26)` in references;
//! - month and year: `August 2016`, `in September 2014`, `mid-January 2015`,
//!   `March of 2026`;
//! - years in context: `in 2021`, `since 2015`, `by 2019`, `late 2014`,
//!   `mid-2014`, `as of 2022`, `fiscal 2024`, `Q3 2016`, `the summer of 2015`,
//!   `Ramadan 2016`, `the 2022 FIFA World Cup`, `the 2016 coup attempt`,
//!   `Sargent's 2023 short`, `2017 would be`, `over 2023 and 2024`,
//!   `between 2017 and 2019`, `1951-2022`;
//! - day and month without a year: `on January 28`, `5 December`,
//!   `the March 30 and April 11 issues`; a year given right after is shared
//!   (`on August 18 and August 19, 2026`);
//! - a month alone after a preposition: `in August`, `since March`,
//!   `the end of January`, `last August`, `this past June`, `in January and
//!   March`, `the December holidays` (not in habitual sentences: "usually in
//!   late June");
//! - weekdays: `on Thursday`, `last Sunday`, `next Monday`, `Thursday's`,
//!   `said Thursday`, `Sunday night` (not `a Friday`, `Sunday mass`, `on Sunday
//!   mornings`, `Tuesday through Sunday`);
//! - relative to the article date: `yesterday`, `today` (only where it is
//!   clearly a day: `Starting today`, `Today, the minister said`; not "Turkey
//!   today has become"), `tomorrow`, `last month`, `this week`, `next year`,
//!   `last summer`, `five years ago`, `three weeks ago`;
//! - relative to the narrative (the last date mentioned earlier in the
//!   article, background dates excepted): `the following day`, `the next day`,
//!   `the same day`, `two days later`, `three days earlier`, `two weeks later`
//!   (a week), `a month later` (a month), `a year later`, `the year before`,
//!   `that same year`;
//! - named days: `New Year's Eve`, `New Year's Day`, `Christmas Eve`,
//!   `Christmas Day`, `Boxing Day`, `Valentine's Day`, `on Halloween`;
//! - ranges: `January 1 to 10`, `1-3 March 2016`, `November 26 – December 3,
//!   2025`, `from January to March 2016`, `2014 to 2017`, `2017–2019`: the
//!   mention holds the start in `date` and the end in `until`.
//!
//! Not dates: modal `may`, `march` the verb, `The March on Washington`,
//! counts (`180 bullets`, `2,000 fighters`, `1500 km`, `the firm's 2000
//! workers`, the `48` in `April 6, 48 ISKP affiliates`), durations (`seven
//! minutes`, `over the last two years`, `in the last month`), ages
//! (`18-25`, `17 year old`), times (`10:30`), decades, page ranges
//! (`74(9):1485-1508`), version numbers (`Windows Server 2019`).
//!
//! Not understood (left out rather than guessed): dates relative to an event
//! ("two days before the Diyarbakir attack"), moveable feasts (Easter, Black
//! Friday), all-numeric day/month forms (`07/01/2017` is ambiguous), seasons
//! with a year as a precise period, decades and centuries.
//!
//! # Resolution
//!
//! Expressions without a year (and weekdays, and relative ones) are resolved
//! against the [`Anchor`]: the most recent fitting date not after it ("on
//! January 28" in an article of 2017-01-07 is 2016-01-28). A sentence about the
//! future ("will", "due", "deadline", with no simple past in it) takes the next
//! fitting date instead ("the changes will be introduced in January" in
//! December 2025 is 2026-01). Without an anchor they are left out, never
//! guessed. Precision is never invented: a month stays a month, a year a
//! year, "this week" is a [`EventDate::Week`] (its Monday).

use crate::model::EventDate;
use jiff::civil::Date;

mod grammar;
mod resolve;
mod tokens;
#[rustfmt::skip]
mod vocab;
#[cfg(test)]
mod tests;

use grammar::{Cx, Val};
use resolve::{resolve, Narrative};
use tokens::tokenize;

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            let resolved = resolve(&m.val, anchor.map(|a| a.date), &narr)
                .filter(|(d, u, _)| in_range(d) && u.as_ref().is_none_or(in_range));
            if let Some((date, until, relative)) = resolved {
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

/// Within the years jiff can represent (an anchor near year 9999 can push
/// "next year" past it), so that [`EventDate::first_day`] never panics.
fn in_range(d: &EventDate) -> bool {
    match *d {
        EventDate::Day(_) | EventDate::Week(_) => true,
        EventDate::Month { year, month } => Date::new(year, month, 1).is_ok(),
        EventDate::Year(y) => Date::new(y, 1, 1).is_ok(),
    }
}
