//! Date strings as pages write them: ISO 8601 in metadata, "March 5, 2024"
//! or "5 March 2024" in bylines. Pure functions over strings, meant to be
//! shared with the text extractor.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").expect("valid regex"));
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{6})?$").expect("valid regex"));
const MONTH_RE: &str = r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\d_]|(?-i:\p{{Ll}})){MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:[^\d]|$)"
    ))
    .expect("valid regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{MONTH_RE},?\s+((?:19|20)\d\d)(?:[^\d]|$)"
    ))
    .expect("valid regex")
});
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b").expect("valid regex"));
/// "02-12-2025": numbers joined by dashes are the European order, day
/// first; the American month-first order is written with slashes.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b").expect("valid regex"));

fn month_index(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as i8 + 1)
}

fn make(y: &str, m: i64, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    Date::new(y, i8::try_from(m).ok()?, d).ok()
}

/// A date in a machine-readable value (JSON-LD, `<meta>`, `<time datetime>`):
/// ISO 8601 first (the local date as written, no time-zone conversion), then
/// the forms a human writes.
pub fn parse_date_value(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(c) = COMPACT.captures(s) {
        return make(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = ISO.captures(s) {
        if c.get(0).map(|m| m.start()) == Some(0) || s.len() < 40 {
            return make(&c[1], c[2].parse().ok()?, &c[3]);
        }
    }
    find_date_in_text(s)
}

/// The first date written out in a short piece of text, such as a byline
/// ("By Ann Lee, March 5, 2024") or a dateline ("5 March 2024 | 3 min read").
/// Numeric dates are read month first unless the first number is over 12.
pub fn find_date_in_text(s: &str) -> Option<Date> {
    find_date_at(s).map(|(_, d)| d)
}

/// What a label before a date says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLabel {
    /// "Published", "Posted", or no label.
    Published,
    /// "Updated", "Last modified", "Reviewed": when the page last changed,
    /// which is not when it was published.
    Updated,
}

/// Whether the text written just before a date labels it as an update
/// ("Last updated:", "Updated on", "Date last reviewed", "Modified").
/// Only the last few words count: "Published May 1 · Updated May 3" gives
/// a published first date.
pub fn label_of(before: &str) -> DateLabel {
    let lower = before.to_lowercase();
    let tail: String = {
        let words: Vec<&str> = lower.split_whitespace().collect();
        words[words.len().saturating_sub(4)..].join(" ")
    };
    const UPDATE: [&str; 7] = [
        "updated",
        "update",
        "modified",
        "reviewed",
        "revised",
        "refreshed",
        "edited",
    ];
    let is_update = tail.split(|c: char| !c.is_alphanumeric()).any(|w| UPDATE.contains(&w));
    if is_update {
        DateLabel::Updated
    } else {
        DateLabel::Published
    }
}

/// The first date in `s` with what its label says it is; the label is the
/// text before the date in `s`, else (when the date opens `s`) `prev`, the
/// segment before it ("Updated on" \u{2029} "May 3, 2024").
pub fn find_labelled_date(s: &str, prev: Option<&str>) -> Option<(Date, DateLabel)> {
    let (pos, d) = find_date_at(s)?;
    let before = s[..pos].trim();
    let label = if before.chars().any(char::is_alphanumeric) {
        label_of(before)
    } else {
        prev.map_or(DateLabel::Published, label_of)
    };
    Some((d, label))
}

/// The first date written out in `s`, with its byte offset.
pub fn find_date_at(s: &str) -> Option<(usize, Date)> {
    let mut best: Option<(usize, Date)> = None;
    let mut consider = |pos: usize, d: Option<Date>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    // A month name glued to the word before it ("By Ann LeeMarch 5, 2024",
    // text joined across elements) counts when it is capitalised after a
    // lower-case letter, as a new word would be.
    let glued_ok = |c: &regex::Captures| {
        let month = c.get(1).expect("month group");
        let before = s[..month.start()].chars().next_back();
        !before.is_some_and(char::is_alphabetic) || month.as_str().starts_with(|ch: char| ch.is_uppercase())
    };
    if let Some(c) = MDY.captures_iter(s).find(|c| glued_ok(c)) {
        consider(
            c.get(1).map_or(0, |m| m.start()),
            month_index(&c[1]).and_then(|m| make(&c[3], m.into(), &c[2])),
        );
    }
    if let Some(c) = DMY.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            month_index(&c[2]).and_then(|m| make(&c[3], m.into(), &c[1])),
        );
    }
    if let Some(c) = ISO.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            c[2].parse().ok().and_then(|m| make(&c[1], m, &c[3])),
        );
    }
    // two numbers and a year: slashed ones read month first, dashed ones
    // day first, unless the number read as the month cannot be one
    for (re, month_first) in [(&*NUMERIC, true), (&*DASHED, false)] {
        if let Some(c) = re.captures(s) {
            let (first, second) = (&c[1], &c[2]);
            let (month, day) = if month_first { (first, second) } else { (second, first) };
            let d = match month.parse::<i64>().unwrap_or(0) {
                m if m > 12 => make(&c[3], day.parse().unwrap_or(0), month),
                m => make(&c[3], m, day),
            };
            consider(c.get(0).map_or(0, |m| m.start()), d);
        }
    }
    best
}

/// A date in a URL path such as `/2024/03/05/slug`, `/2024-03-05-slug` or
/// `/2023/october/03/slug`.
pub fn date_in_url(url: &str) -> Option<Date> {
    static URL_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)").expect("valid regex"));
    static URL_NAMED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)/((?:19|20)\d\d)/{MONTH_RE}/(\d{{1,2}})(?:/|-|$)")).expect("valid regex")
    });
    if let Some(c) = URL_DATE.captures(url) {
        return make(&c[1], c[2].parse().ok()?, &c[3]);
    }
    let c = URL_NAMED_MONTH.captures(url)?;
    make(&c[1], month_index(&c[2])?.into(), &c[3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn iso_values_keep_the_written_local_date() {
        assert_eq!(parse_date_value("2024-03-05T23:30:00-08:00"), Some(date(2024, 3, 5)));
        assert_eq!(parse_date_value("2024-03-05"), Some(date(2024, 3, 5)));
        assert_eq!(parse_date_value("20240305"), Some(date(2024, 3, 5)));
        assert_eq!(parse_date_value("2024/3/5 10:00"), Some(date(2024, 3, 5)));
    }

    #[test]
    fn human_dates() {
        assert_eq!(
            find_date_in_text("By Ann Lee | March 5th, 2024"),
            Some(date(2024, 3, 5))
        );
        assert_eq!(
            find_date_in_text("Published 5 Sept. 2023, 3 min read"),
            Some(date(2023, 9, 5))
        );
        assert_eq!(find_date_in_text("Updated: Dec 1, 2022"), Some(date(2022, 12, 1)));
        assert_eq!(find_date_in_text("on 25/12/2021"), Some(date(2021, 12, 25)));
        assert_eq!(find_date_in_text("on 03/04/2021"), Some(date(2021, 3, 4)));
        assert_eq!(
            parse_date_value("Tue, 05 Mar 2024 10:00:00 GMT"),
            Some(date(2024, 3, 5))
        );
    }

    #[test]
    fn dashed_numeric_dates_are_day_first() {
        assert_eq!(parse_date_value("02-12-2025"), Some(date(2025, 12, 2)));
        assert_eq!(find_date_in_text("Posted 7-5-2023"), Some(date(2023, 5, 7)));
        // A second number over 12 can only be the day.
        assert_eq!(find_date_in_text("12-31-2024"), Some(date(2024, 12, 31)));
        // Slashes keep the month-first reading.
        assert_eq!(find_date_in_text("02/12/2025"), Some(date(2025, 2, 12)));
    }

    #[test]
    fn dates_glued_to_the_words_around_them() {
        // Text joined across elements without a space.
        assert_eq!(find_date_in_text("By Ann LeeMarch 5, 2024"), Some(date(2024, 3, 5)));
        assert_eq!(
            find_date_in_text("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026"),
            Some(date(2022, 12, 22))
        );
        assert_eq!(find_date_in_text("Posted 7 May 2023Share"), Some(date(2023, 5, 7)));
        // A month name inside a lower-case word is no month.
        assert_eq!(find_date_in_text("to our dismay 5, 2024 came"), None);
    }

    #[test]
    fn date_labels() {
        let l = |s: &str, prev: Option<&str>| find_labelled_date(s, prev).map(|(_, l)| l);
        assert_eq!(
            l("Updated on June 18, 2025 at 12:35 PM", None),
            Some(DateLabel::Updated)
        );
        assert_eq!(l("Last Updated: Dec 17, 2025", None), Some(DateLabel::Updated));
        assert_eq!(l("November 18, 2025", Some("Updated on")), Some(DateLabel::Updated));
        assert_eq!(l("Date Last Reviewed: April 5, 2025", None), Some(DateLabel::Updated));
        assert_eq!(l("By Ann Lee | March 5, 2024", None), Some(DateLabel::Published));
        assert_eq!(l("March 5, 2024", Some("Ann Lee")), Some(DateLabel::Published));
        assert_eq!(
            l("Published March 5, 2024, updated May 1, 2024", None),
            Some(DateLabel::Published)
        );
        assert_eq!(l("no date", None), None);
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(find_date_in_text("Top 10 tips for 2024"), None);
        assert_eq!(parse_date_value("2024-02-30"), None);
        assert_eq!(parse_date_value("May 2024"), None);
        assert_eq!(find_date_in_text("call 555 12 2024"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://x.com/2025/09/04/top-trends/"),
            Some(date(2025, 9, 4))
        );
        assert_eq!(date_in_url("https://x.com/blog/top-trends-2025"), None);
        assert_eq!(
            date_in_url("https://x.com/blog/2023/october/03/wine-types"),
            Some(date(2023, 10, 3))
        );
        assert_eq!(date_in_url("https://x.com/2023/octopus/03/x"), None);
    }
}
