//! Turning what the text says into dates, against the article date and the
//! narrative so far.

use super::grammar::{Partial, Unit, Val, WdMode};
use crate::model::EventDate;
use jiff::civil::Date;
use jiff::ToSpan;

/// What the narrative has reached: the last dates mentioned in the article.
#[derive(Default)]
pub(super) struct Narrative {
    /// The last day-precision date (start of its range).
    day: Option<Date>,
    /// The last date of any precision.
    any: Option<EventDate>,
}

impl Narrative {
    pub(super) fn note(&mut self, date: EventDate) {
        if let EventDate::Day(d) = date {
            self.day = Some(d);
        }
        self.any = Some(date);
    }
}

pub(super) fn day_of(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The most recent (month, day) not after `anchor` (dir 0), strictly before
/// (dir -1), the next one strictly after (dir 1), or on or after it (dir 2).
pub(super) fn recent_day(anchor: Date, m: i8, d: i8, dir: i8) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y0 = anchor.year();
    if dir > 0 {
        return (0..8).filter_map(|k| day_of(y0.checked_add(k)?, m, d)).find(|&x| {
            if dir == 2 {
                x >= anchor
            } else {
                x > anchor
            }
        });
    }
    (0..8)
        .filter_map(|k| day_of(y0.checked_sub(k)?, m, d))
        .find(|&x| if dir < 0 { x < anchor } else { x <= anchor })
}

pub(super) fn resolve(
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
                WdMode::Last => a.checked_sub((if off == 0 { 7 } else { off } as i64).days()).ok()?,
                WdMode::Next => a.checked_add((if off == 0 { 7 } else { 7 - off } as i64).days()).ok()?,
                WdMode::ThisWeek => a
                    .checked_add(((wd - a.weekday().to_monday_zero_offset()) as i64).days())
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
        Val::NarrWeeks(n) => {
            let d = narr.day?.checked_add((7 * n as i64).days()).ok()?;
            let monday = d
                .checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
                .ok()?;
            Some((EventDate::Week(monday), None, true))
        }
        Val::NarrMonths(n) => {
            let any = narr.any?;
            if matches!(any, EventDate::Year(_)) {
                return None;
            }
            let d = any.first_day().first_of_month().checked_add((n as i64).months()).ok()?;
            Some((
                EventDate::Month {
                    year: d.year(),
                    month: d.month(),
                },
                None,
                true,
            ))
        }
        Val::NarrYear(n) => Some((EventDate::Year(narr.any?.year().checked_add(n as i16)?), None, true)),
    }
}

pub(super) fn resolve_partial(p: Partial, anchor: Option<Date>, dir: i8) -> Option<(EventDate, bool)> {
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
