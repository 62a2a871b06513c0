//! The grammar: at each token, a bounded look around decides whether a
//! date expression starts there, and what it says (not yet resolved).

use super::tokens::{Tok, K};
use super::vocab::*;

/// A calendar date as far as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Partial {
    pub(super) y: Option<i16>,
    pub(super) m: Option<i8>,
    pub(super) d: Option<i8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WdMode {
    /// "on Thursday": the most recent one, the anchor day included.
    Recent,
    /// "last Sunday": strictly before the anchor.
    Last,
    /// "next Monday": strictly after the anchor.
    Next,
    /// "this Thursday": in the anchor's week (Monday to Sunday).
    ThisWeek,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Val {
    /// Explicit calendar pieces. Without a year, `dir` picks which one: 0 the
    /// most recent not after the anchor, -1 strictly before ("last August"),
    /// +1 strictly after ("next August"), 2 on or after (a sentence about the
    /// future: "will be introduced in January").
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
    /// `n` weeks from the last day mentioned ("two weeks later"): a week.
    NarrWeeks(i32),
    /// `n` months from the last date mentioned at month or day precision
    /// ("a month later"): a month.
    NarrMonths(i32),
    /// `n` years from the year of the last date mentioned ("that same year" =
    /// 0, "the year before" = -1, "two years later" = 2).
    NarrYear(i32),
}

pub(super) struct Match {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) val: Val,
    pub(super) background: bool,
}

pub(super) struct Cx<'t, 'a> {
    t: &'t [Tok<'a>],
    /// Index of the first word or number: a capital there says nothing.
    first: usize,
    /// Sentence-wide facts, computed once so each match stays O(1), and only
    /// when a match asks (most sentences hold no date at all).
    habitual: std::cell::OnceCell<bool>,
    past: std::cell::OnceCell<bool>,
    /// Number of words and numbers in the sentence.
    content: usize,
}

impl<'t, 'a> Cx<'t, 'a> {
    pub(super) fn new(t: &'t [Tok<'a>]) -> Self {
        let first = t
            .iter()
            .position(|x| matches!(x.k, K::Word | K::Num | K::Iso | K::Other))
            .unwrap_or(0);
        Cx {
            t,
            first,
            habitual: std::cell::OnceCell::new(),
            past: std::cell::OnceCell::new(),
            content: t.iter().filter(|x| !matches!(x.k, K::Punct | K::Other)).count(),
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.t.get(i).filter(|x| x.k == K::Word).map(|x| x.low())
    }
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.t.get(i).is_some_and(|x| x.k == K::Punct && x.lower == p)
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
        (x.k == K::Num && x.digits <= 2 && (1..=31).contains(&x.num) && !x.footnote).then_some(x.num as i8)
    }
    /// A plausible four-digit year.
    fn year(&self, i: usize) -> Option<i16> {
        let x = self.t.get(i)?;
        (x.k == K::Num && x.digits == 4 && !x.ordinal && (1000..=2100).contains(&x.num)).then_some(x.num as i16)
    }
    /// A month name; returns (month, index after it, abbreviated).
    fn month(&self, i: usize) -> Option<(i8, usize, bool)> {
        let x = self.t.get(i)?;
        if x.k != K::Word || !self.cap(i) {
            return None;
        }
        if let Some(m) = MONTHS.iter().position(|&m| m == x.lower) {
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
            K::Word => match x.low() {
                "a" | "an" => Some(1),
                w => NUMBER_WORDS.iter().position(|&n| n == w).map(|p| p as i32),
            },
            _ => None,
        }
    }
    /// A range connector between two dates: "-", "–", "to", "until", "through".
    fn connector(&self, i: usize) -> bool {
        matches!(self.word(i), Some("to" | "until" | "till" | "through" | "thru"))
            || self.is_punct(i, "-")
            || self.is_punct(i, "\u{2013}")
            || self.is_punct(i, "\u{2014}")
    }
    /// The token after a bare day number does not make it a count ("12 people").
    fn day_not_count(&self, i: usize) -> bool {
        let Some(x) = self.t.get(i) else { return true };
        match x.k {
            K::Punct => x.lower != "%",
            K::Word => {
                if COUNT_NOUNS.contains(&x.low()) {
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
            K::Punct => !matches!(x.low(), "%" | "$" | "+"),
            K::Word => self.cap(i) || AFTER_YEAR_OK.contains(&x.low()),
            _ => false,
        }
    }
    /// The sentence is a byline or dateline ("By Kyle Orton on January 7, 2017",
    /// "Published: 24 March 2024").
    pub(super) fn is_byline(&self) -> bool {
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
            || self
                .t
                .iter()
                .take(4)
                .any(|x| matches!(x.low(), "published" | "updated" | "posted" | "dated") && x.k == K::Word)
    }
    /// The sentence speaks of the future ("will be introduced in January", "due
    /// no later than April 15") and says nothing of the past: a date without a
    /// year is then the next fitting one, not the last.
    pub(super) fn forward_cue(&self) -> bool {
        let mut fwd = false;
        for (i, x) in self.t.iter().enumerate() {
            if x.k != K::Word {
                continue;
            }
            match x.low() {
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
        *self.habitual.get_or_init(|| self.scan_habitual())
    }
    fn scan_habitual(&self) -> bool {
        self.t.iter().any(|x| {
            x.k == K::Word
                && matches!(
                    x.low(),
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
        *self.past.get_or_init(|| self.scan_past())
    }
    fn scan_past(&self) -> bool {
        self.t.iter().any(|x| x.k == K::Word && is_past_marker(x.low()))
    }

    /// Nothing but punctuation outside tokens `a..b`: a line that is only a date.
    pub(super) fn only_date(&self, a: usize, b: usize) -> bool {
        let inside = self.t[a..b]
            .iter()
            .filter(|x| !matches!(x.k, K::Punct | K::Other))
            .count();
        inside == self.content
    }

    pub(super) fn match_at(&self, i: usize) -> Option<Match> {
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
                    val: Val::Abs { p, until: None, dir: 0 },
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
            val: Val::Abs { p: p1, until, dir: 0 },
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
        if m == 5 && i > self.first && self.cap(i - 1) && self.t[i - 1].k == K::Word && !self.cap_is_month_ctx(i - 1) {
            return None;
        }
        if let Some(d) = self.day(p) {
            let mut q = p + 1;
            let mut d2 = None;
            if self.connector(q) && self.day(q + 1).is_some_and(|e| e > d) && self.month(q + 1).is_none() {
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
            if (y.is_some() || d2.is_some() || self.day_not_count(q)) && (!comma_day || y.is_some()) {
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
                    val: Val::Abs { p: p1, until, dir: 0 },
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
            if self.is_punct(i.wrapping_sub(1), "-") && matches!(self.prev_word(i - 1), Some("mid")) {
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
                        || matches!(w, "holidays" | "holiday" | "issue" | "meeting" | "talks" | "vote"))
            }),
            Some(w) => MONTH_PREP.contains(&w),
            None => {
                // "mid-January"
                let mid = self.is_punct(i.wrapping_sub(1), "-")
                    && self.adjacent(i - 1, i)
                    && matches!(self.prev_word(i - 1), Some("mid" | "early" | "late"));
                if mid {
                    start = i - 2;
                }
                mid
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
        if self.word(i + 1).is_some() && self.cap(i + 1) && self.month(i + 1).is_none() && self.weekday(i + 1).is_none()
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

    /// The word at `i` may stand before a month name ("In May", "Thursday, May 5").
    fn cap_is_month_ctx(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| MONTH_PREP.contains(&w) || matches!(w, "on" | "this" | "past"))
            || self.weekday(i).is_some()
    }

    /// After a date: "to 10", "to March 2016", "– 3 March 2016", "and 2019"
    /// (after "between"). Fills the end, and a missing year from the end.
    fn extend_range(&self, mt: &mut Match) {
        let Val::Abs { p, until: None, dir: 0 } = mt.val else {
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
            // "28 December 2016 to 3 January": the end is in the year after
            let after = (q.m, q.d) < (p.m, p.d);
            q.y = p.y.map(|y| if after { y + 1 } else { y });
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
        if matches!(prev, Some("into" | "became" | "entering" | "enters" | "entered"))
            || (prev == Some("as") && next == Some("became"))
        {
            return Some(mk(true));
        }
        // "the 2022 FIFA World Cup", "the 2016 coup attempt"
        // "a 2019 study", "a 2022 article in Life Science", not "a 1500 km road"
        if matches!(prev, Some("a" | "an")) && y >= 1900 {
            let n = i + 1;
            let noun = self.word(n).is_some_and(|w| {
                !COUNT_NOUNS.contains(&w)
                    && self.month(n).is_none()
                    && (self.cap(n) || !w.ends_with('s') || YEAR_EVENT_NOUNS.contains(&w))
                    && !AFTER_YEAR_OK.contains(&w)
                    && !UNIT_NOUNS.contains(&w)
            });
            if noun && !self.counted_after_name(n) {
                return Some(mk(false));
            }
        }
        if prev == Some("the") && y >= 1900 {
            // "the 2016's elections"
            let possessive = (self.is_punct(i + 1, "'") || self.is_punct(i + 1, "\u{2019}"))
                && self.adjacent(i, i + 1)
                && self.is_word(i + 2, "s");
            let n = if possessive { i + 3 } else { i + 1 };
            let noun = self.word(n).is_some_and(|w| {
                YEAR_EVENT_NOUNS.contains(&w) || (self.cap(n) && self.month(n).is_none() && !self.is_word(n, "i"))
            });
            if noun && !self.counted_after_name(n) {
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
                !COUNT_NOUNS.contains(&w) && (self.cap(n) || !w.ends_with('s') || YEAR_EVENT_NOUNS.contains(&w))
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
            Some("of") => i >= 2 && self.word(i - 2).is_some_and(|w| w == "as" || OF_NOUNS.contains(&w)),
            Some("to") => {
                // "in the years leading up to 2014"
                i >= 3 && self.is_word(i - 2, "up") && matches!(self.word(i - 3), Some("leading" | "run"))
            }
            // "over 2023 and 2024": two close years joined by "and"
            Some("and" | "or") if y >= 1900 && i >= 2 && self.year(i - 2).is_some_and(|a| a < y && y - a <= 10) => true,
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

    /// A capitalised word at `n` followed by a counted noun: "the 2000 Syrian
    /// refugees" counts refugees.
    fn counted_after_name(&self, n: usize) -> bool {
        // skip up to four capitalised words: "the 2000 Free Syrian Army fighters"
        let mut k = n;
        while k < n + 4 && self.word(k).is_some() && self.cap(k) {
            k += 1;
        }
        k > n
            && self.word(k).is_some_and(|w| {
                COUNT_NOUNS.contains(&w) && !matches!(w, "of" | "or" | "out" | "more" | "other" | "others" | "per")
            })
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
            ("year", Some("before")) if w0 == "the" && (end_after(i + 3) || self.is_word(i + 3, "when")) => {
                Some((Val::NarrYear(-1), i + 3))
            }
            // "the day before yesterday", "the day after tomorrow"
            ("day", Some("before")) if w0 == "the" && self.is_word(i + 3, "yesterday") => {
                Some((Val::FromAnchor { unit: Unit::Day, n: -2 }, i + 4))
            }
            ("day", Some("after")) if w0 == "the" && self.is_word(i + 3, "tomorrow") => {
                Some((Val::FromAnchor { unit: Unit::Day, n: 2 }, i + 4))
            }
            ("day", Some("after")) if w0 == "the" && end_after(i + 3) => Some((Val::NarrDays(1), i + 3)),
            ("day", Some("before")) if w0 == "the" && end_after(i + 3) => Some((Val::NarrDays(-1), i + 3)),
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
                if !matches!(w1, "year's" | "years" | "year") || !self.cap(i + 1) || !self.cap(i + 2) {
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
            val: Val::Abs { p, until: None, dir: 0 },
            background: false,
        })
    }

    /// "on Thursday", "last Sunday", "Thursday, January 5, 2017".
    fn weekday_form(&self, i: usize) -> Option<Match> {
        let wd = self.weekday(i)?;
        let possessive = self.word(i).is_some_and(|w| w.ends_with("'s"));
        // a full date after it wins: "Thursday, January 5, 2017"
        let j = if self.is_punct(i + 1, ",") { i + 2 } else { i + 1 };
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
                "on" | "this" | "since" | "until" | "till" | "by" | "from" | "early" | "late" | "before" | "after",
            ) => (WdMode::Recent, i),
            // news style: "the ministry said Thursday"
            Some("said" | "says" | "announced" | "reported" | "told") => (WdMode::Recent, i),
            _ => {
                let part = matches!(self.word(i + 1), Some("night" | "morning" | "evening" | "afternoon"));
                // "on a sunny Friday morning" is any Friday
                let det = |j: usize| {
                    matches!(
                        self.word(j),
                        Some("a" | "an" | "every" | "each" | "any" | "one" | "some" | "the" | "that")
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
        let wd_range = |a: usize, b: usize| (self.connector(a) || self.is_word(a, "thru")) && self.weekday(b).is_some();
        if wd_range(i + 1, i + 2) || (i >= 2 && wd_range(i - 1, i - 2)) {
            return None;
        }
        let (mode, start) = if prev == Some("this") {
            // "this Thursday": the Thursday of the anchor's week
            (WdMode::ThisWeek, i - 1)
        } else {
            (mode, start)
        };
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
            "yesterday" => return mk(i, i + 1, Val::FromAnchor { unit: Unit::Day, n: -1 }),
            "tomorrow" => {
                if lead && !self.is_punct(i + 1, ",") {
                    return None;
                }
                return mk(i, i + 1, Val::FromAnchor { unit: Unit::Day, n: 1 });
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
                    mk(i, i + 1, Val::FromAnchor { unit: Unit::Day, n: 0 })
                } else {
                    None
                };
            }
            "tonight" => return mk(i, i + 1, Val::FromAnchor { unit: Unit::Day, n: 0 }),
            "last" | "this" | "next" => {}
            _ => return None,
        }
        // "last night", "this morning"
        let day_part = match (w, self.word(i + 1)) {
            ("last", Some("night")) => Some(-1),
            ("this", Some("morning" | "afternoon" | "evening")) => Some(0),
            _ => None,
        };
        if let Some(n) = day_part {
            if !matches!(prev, Some("the" | "that" | "every")) {
                return mk(i, i + 2, Val::FromAnchor { unit: Unit::Day, n });
            }
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
            self.t.get(j).is_none_or(|x| x.k == K::Punct) || self.word(j).is_some_and(|w| AFTER_YEAR_OK.contains(&w))
        };
        let narr = |n: i32| match unit {
            Unit::Day => Val::NarrDays(n),
            Unit::Week => Val::NarrWeeks(n),
            Unit::Month => Val::NarrMonths(n),
            Unit::Year => Val::NarrYear(n),
        };
        let val = match self.word(i + 2)? {
            "ago" => Val::FromAnchor { unit, n: -n },
            "later" => narr(n),
            // "three days earlier", not "three days earlier than planned"
            "earlier" if end_ok(i + 3) && !self.is_word(i + 3, "than") => narr(-n),
            _ => return None,
        };
        Some(Match {
            start: i,
            end: i + 3,
            val,
            background: false,
        })
    }
}
