//! Article metadata shared by the text and HTML extractors: date strings,
//! bylines and author names, publisher statements.
//!
//! Everything here works on short strings (a line, an attribute value) and
//! never panics; regexes are compiled once.

use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn month_number(name: &str) -> Option<i8> {
    let n = name.to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

struct DateRes {
    /// Month name, day, year: "January 7, 2017", "Jan. 7 2017", "Dec 19, 2025 at ...".
    mdy: Regex,
    /// Day, month name, year: "7 January 2017", "29th August, 2023", "19 Dec, 2025".
    dmy: Regex,
    /// ISO-like: "2017-01-07", "2017/01/07", "2017.01.07".
    ymd: Regex,
    /// Numeric day and month: "01/07/2017", "19.12.2025".
    num: Regex,
}

fn date_res() -> &'static DateRes {
    static RES: OnceLock<DateRes> = OnceLock::new();
    RES.get_or_init(|| DateRes {
        mdy: Regex::new(&format!(
            r"(?i)({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[,.]\s*|\s+)(\d{{4}})"
        ))
        .expect("valid regex"),
        dmy: Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})"
        ))
        .expect("valid regex"),
        ymd: Regex::new(r"\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})").expect("valid regex"),
        num: Regex::new(r"\b(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b").expect("valid regex"),
    })
}

fn make_date(y: &str, m: i8, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// A reading time glued to the year before it: "Mar 27, 20255 mins",
/// "May 2nd 202511 min read" (`rest` is what follows the year).
fn glued_reading_time(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && {
        let unit = rest[digits..].trim_start();
        unit.len() >= 3 && unit.as_bytes()[..3].eq_ignore_ascii_case(b"min")
    }
}

/// Every full calendar date (day, month and year) written in `s`, with its
/// byte range, in order of appearance.
pub fn find_dates(s: &str) -> Vec<(Date, Range<usize>)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let r = date_res();
    let mut out: Vec<(Date, Range<usize>)> = Vec::new();
    for c in r.mdy.captures_iter(s) {
        if let Some(date) = month_number(&c[1]).and_then(|m| make_date(&c[3], m, &c[2])) {
            out.push((date, c.get(0).map_or(0..0, |m| m.range())));
        }
    }
    for c in r.dmy.captures_iter(s) {
        if let Some(date) = month_number(&c[2]).and_then(|m| make_date(&c[3], m, &c[1])) {
            out.push((date, c.get(0).map_or(0..0, |m| m.range())));
        }
    }
    for c in r.ymd.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        if let Some(date) = c[3].parse::<i8>().ok().and_then(|m| make_date(&c[1], m, &c[5])) {
            out.push((date, c.get(0).map_or(0..0, |m| m.range())));
        }
    }
    for c in r.num.captures_iter(s) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b): (i8, i8) = match (c[1].parse(), c[3].parse()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => continue,
        };
        // Day first when it must be, or with dots (European) unless the
        // second number cannot be a month ("06.18.2025"); else US order.
        let (m, d) = if a > 12 || (&c[2] == "." && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        if let Some(date) = make_date(&c[5], m, &d.to_string()) {
            out.push((date, c.get(0).map_or(0..0, |m| m.range())));
        }
    }
    // Dates inside file names and identifiers ("image-2021-02-16-00-09") are not dates.
    out.retain(|(_, r)| {
        let before = s[..r.start].chars().next_back();
        let mut rest = s[r.end..].chars();
        let after = rest.next();
        let after2 = rest.next();
        let after3 = rest.next();
        // A time glued to the year: "October 17, 20236:01 PM".
        let glued_time = after.is_some_and(|c| c.is_ascii_digit())
            && (after2 == Some(':') || (after2.is_some_and(|c| c.is_ascii_digit()) && after3 == Some(':')))
            || glued_reading_time(&s[r.end..]);
        let numeric =
            s[r.clone()].starts_with(|c: char| c.is_ascii_digit()) && !s[r.clone()].chars().any(char::is_alphabetic);
        let bad_before = before.is_some_and(|c| {
            c.is_ascii_digit() || c == '-' || c == '_' || c == '/' || (numeric && c.is_alphanumeric())
        });
        let bad_after = after.is_some_and(|c| {
            (c.is_ascii_digit() && !glued_time)
                || c.is_lowercase()
                || c == '-'
                || c == '_'
                || (numeric && c.is_alphabetic() && c != 'T')
        });
        !bad_before && !bad_after
    });
    out.sort_by_key(|(_, r)| r.start);
    // Overlapping matches (ymd inside something else): keep the first.
    let mut kept: Vec<(Date, Range<usize>)> = Vec::with_capacity(out.len());
    for (d, r) in out {
        if kept.last().is_some_and(|(_, k)| r.start < k.end) {
            continue;
        }
        kept.push((d, r));
    }
    kept
}

/// The first full date written in `s`.
pub fn parse_date(s: &str) -> Option<Date> {
    find_dates(s).into_iter().next().map(|(d, _)| d)
}

/// Words that are never part of a person's name in a byline.
const NOT_NAMES: &[&str] = &[
    "guest author",
    "guest post",
    "guest contributor",
    "contributor",
    "contributors",
    "author",
    "authors",
    "admin",
    "administrator",
    "staff",
    "editor",
    "editors",
    "the editors",
    "unknown",
    "anonymous",
    "share",
    "comments",
    "comment",
    "read more",
    "more",
    "home",
    "menu",
    "search",
    "subscribe",
    "follow",
    "email",
];

regex_fn!(
    byline_re,
    r"(?i)^(?:(?:written|posted|published|reported|words|story|text|compiled|reviewed|edited|photos?)\s+)?(?:by|von|par|por)\b\s*:?\s*(?:by\s+)?(.+)$|^(?:authors?|written by|byline)\s*:\s*(.+)$|^(?:(?:written|posted|published|reported)\s+)?(?-i:[Bb]y)(?-i:by)?\s*(\p{Lu}.+)$"
);

/// Authors named in a byline line such as "By Kyle Orton (@KyleWOrton) on
/// January 7, 2017" or "Written by A, B and C". None when the line is not a
/// byline or names nobody.
pub fn parse_byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.len() > 300 {
        return None;
    }
    let unbracketed = bracket_re().replace_all(line, "");
    let line = unbracketed.trim();
    let c = byline_re().captures(line)?;
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("reviewed") || lower.starts_with("edited") || lower.starts_with("photo") {
        return None;
    }
    let rest = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    let mut names = split_names(rest);
    if names.len() > 4 {
        names.truncate(1);
    }
    if names.is_empty() {
        None
    } else {
        Some(names)
    }
}

regex_fn!(bracket_re, r"\[[^\]]*\]");

/// The text without `[...]` groups (image placeholders in dumps).
pub fn strip_brackets(s: &str) -> String {
    bracket_re().replace_all(s, "").into_owned()
}

regex_fn!(handle_re, r"\(\s*@[^)]*\)|\s@\w+");

regex_fn!(
    cut_re,
    r"(?i)\s+(?:on|in|at|for|from|published|posted|updated|last updated)\s+|\s*[|•·●⋅∙—–]\s*|\s+-\s+|\s*\bcategor|\s{3,}|\s+\d"
);

/// Split the name part of a byline into names, dropping dates, handles,
/// trailing "on <date>", "| Category" and generic labels.
pub fn split_names(s: &str) -> Vec<String> {
    let mut s = bracket_re().replace_all(s, " ").into_owned();
    if let Some((_, r)) = find_dates(&s).into_iter().next() {
        s.truncate(r.start);
    }
    if let Some(c) = glued_label_re().captures(&s) {
        let cut = c.get(1).or_else(|| c.get(0)).map_or(s.len(), |m| m.start());
        s.truncate(cut);
    }
    let s = handle_re().replace_all(&s, " ");
    let s = match cut_re().find(&s) {
        Some(m) => &s[..m.start()],
        None => &s[..],
    };
    // "Tomson Highway and [from Masculindians]": a dangling conjunction.
    let mut s = s.trim_end();
    for tail in [" and", " &", ",", " with"] {
        s = s.strip_suffix(tail).unwrap_or(s).trim_end();
    }
    let mut out: Vec<String> = Vec::new();
    for part in split_name_list(s) {
        // "Michael Greger, M.D., FACLM": credentials stay with the name.
        if let Some(last) = out.last_mut() {
            if is_credentials(part) {
                last.push_str(", ");
                last.push_str(part.trim());
                continue;
            }
        }
        let p = part.trim().trim_matches(|c: char| ",.;:()[]\"'-–".contains(c)).trim();
        if is_role(p) {
            // "Jane Doe, Senior Director, Content & Marketing, Acme": the
            // rest describes her.
            break;
        }
        if is_name_like(p) {
            out.push(p.to_string());
        }
    }
    out
}

fn split_name_list(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for a in s.split([',', ';', '&']) {
        let mut rest = a;
        while let Some(i) = rest.find(" and ") {
            parts.push(&rest[..i]);
            rest = &rest[i + 5..];
        }
        parts.push(rest);
    }
    // "Michael Greger, M.D." style suffixes belong to the previous name.
    let mut merged: Vec<&str> = Vec::new();
    for p in parts {
        let t = p.trim();
        if t.is_empty() {
            continue;
        }
        merged.push(t);
    }
    merged
}

/// A short string that could be a person's (or desk's) name: one to five
/// words, starting with a capital, no digits, not a generic label.
pub fn is_name_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 50 {
        return false;
    }
    let lower = s.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) {
        return false;
    }
    if s.chars().any(|c| c.is_ascii_digit() || "@/\\|{}<>=+#?!:".contains(c)) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if month_number(words[0]).is_some() && words[0].len() <= 9 && words.len() == 1 {
        return false;
    }
    let first = words[0].chars().next().unwrap_or(' ');
    if !first.is_uppercase() {
        return false;
    }
    const PARTICLES: &[&str] = &[
        "van", "der", "den", "de", "da", "di", "du", "la", "le", "von", "bin", "ibn", "al", "el", "y", "dos", "del",
        "ter", "zu",
    ];
    words.iter().all(|w| {
        let c = w.chars().next().unwrap_or(' ');
        c.is_uppercase() || PARTICLES.contains(&w.to_lowercase().as_str()) || w.starts_with("al-")
    })
}

regex_fn!(
    glued_label_re,
    r"(?:\p{Ll})(Published|Updated|Posted|Last updated|In\s|On\s|Read\s)|\s(?:Last\s+)?(?:Published|Updated|Posted|Reviewed|Fact[- ]checked|Edited)\b"
);

/// Credentials after a name: "MS, RD, FAND", "M.D.", "PhD", "CEPF®".
pub fn is_credentials(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.split([',', ' ']).filter(|w| !w.is_empty()).all(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            !letters.is_empty()
                && letters.len() <= 6
                && (letters.chars().filter(|c| c.is_uppercase()).count() * 2 > letters.len() || w.contains('.'))
        })
}

/// Common capitalised words of page furniture and headlines that are not
/// names: a name-like line made of these is a label.
const NOT_NAME_WORDS: &[&str] = &[
    "about",
    "access",
    "account",
    "add",
    "agencies",
    "all",
    "and",
    "app",
    "article",
    "articles",
    "best",
    "blog",
    "book",
    "business",
    "buy",
    "care",
    "cart",
    "categories",
    "center",
    "class",
    "comments",
    "company",
    "contact",
    "content",
    "cookie",
    "course",
    "courses",
    "daily",
    "data",
    "design",
    "digital",
    "directory",
    "discover",
    "download",
    "editor",
    "email",
    "event",
    "events",
    "explore",
    "faq",
    "features",
    "find",
    "follow",
    "for",
    "free",
    "from",
    "get",
    "guide",
    "health",
    "help",
    "home",
    "how",
    "in",
    "info",
    "information",
    "insights",
    "join",
    "latest",
    "learn",
    "library",
    "log",
    "loss",
    "management",
    "marketing",
    "media",
    "medications",
    "menu",
    "more",
    "my",
    "new",
    "news",
    "newsletter",
    "next",
    "now",
    "of",
    "on",
    "online",
    "our",
    "page",
    "partners",
    "photo",
    "policy",
    "popular",
    "post",
    "posts",
    "previous",
    "pricing",
    "privacy",
    "products",
    "program",
    "programs",
    "read",
    "recent",
    "registration",
    "related",
    "report",
    "research",
    "resources",
    "reviews",
    "search",
    "see",
    "select",
    "services",
    "share",
    "shares",
    "shop",
    "sign",
    "site",
    "skip",
    "solutions",
    "sponsored",
    "start",
    "store",
    "subscribe",
    "support",
    "team",
    "tech",
    "terms",
    "the",
    "tips",
    "to",
    "tools",
    "top",
    "travel",
    "trending",
    "updates",
    "updated",
    "us",
    "video",
    "view",
    "watch",
    "weight",
    "what",
    "why",
    "with",
    "your",
    "published",
    "posted",
    "minutes",
    "min",
    "comment",
    "reply",
    "edition",
    "world",
    "local",
    "sports",
    "opinion",
    "science",
    "technology",
    "politics",
    "entertainment",
    "lifestyle",
    "culture",
    "food",
    "money",
    "education",
    "work",
    "jobs",
    "careers",
    "calendar",
    "today",
    "week",
    "weekly",
    // Filter and specification labels: "Event Type", "Company Size",
    // "Financing Options", "Backup Strategy", "Last Modified".
    "type",
    "size",
    "options",
    "strategy",
    "computing",
    "analytics",
    "checked",
    "modified",
    "specifications",
    "login",
    "product",
    "financing",
];

/// Stricter than [`is_name_like`]: 1-5 capitalised words, none of them a
/// common label word ("Select Page", "Top Weight Loss Medications").
pub fn is_person_name(s: &str) -> bool {
    is_name_like(s)
        && s.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            !NOT_NAME_WORDS.contains(&w.as_str())
        })
}

/// The name before a date on a byline-like line: "Paramita (Guha) Ghosh
/// Published:", "Tom Talbot", "By Jane Doe |".
pub fn name_before_date(s: &str) -> Option<String> {
    let mut t = s.trim();
    loop {
        let before = t;
        for label in ["|", "•", "·", "-", "–", "—", ":", ","] {
            t = t.strip_suffix(label).unwrap_or(t).trim_end();
        }
        for label in ["Published", "Posted", "Updated", "on", "On", "Date"] {
            if let Some(rest) = t.strip_suffix(label) {
                // "David Hartshorne•Updated on": a separator glued to the label.
                if rest.is_empty() || rest.ends_with([' ', '•', '·', '|']) {
                    t = rest.trim_end();
                }
            }
        }
        // "Patrick Clarke Published 10:19am": a time before the date.
        if let Some((head, last)) = t.rsplit_once(' ') {
            let l = last.to_ascii_lowercase();
            let l = l.trim_end_matches("am").trim_end_matches("pm");
            if l.len() >= 3 && l.contains(':') && l.chars().all(|c| c.is_ascii_digit() || c == ':') {
                t = head.trim_end();
            }
        }
        if t == before {
            break;
        }
    }
    let t = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .unwrap_or(t)
        .trim();
    let t = bracket_re().replace_all(t, "");
    let t = t.trim();
    let cleaned: String = t.replace(['(', ')'], "");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    (cleaned.split_whitespace().count() >= 2 && is_person_name(&cleaned) && cleaned.split_whitespace().count() <= 4)
        .then_some(cleaned)
}

const ROLE_WORDS: &[&str] = &[
    "contributor",
    "contributing",
    "editor",
    "writer",
    "reporter",
    "correspondent",
    "columnist",
    "executive",
    "director",
    "manager",
    "head",
    "senior",
    "chief",
    "founder",
    "co-founder",
    "associate",
    "staff",
    "author",
    "journalist",
    "analyst",
    "researcher",
    "fellow",
    "professor",
    "producer",
    "intern",
    "president",
    "ceo",
    "cto",
    "specialist",
    "strategist",
    "lead",
    "coordinator",
    "expert",
    "consultant",
];

/// "Contributor", "Senior Editor", "Staff Writer": a job title after a name.
pub fn is_role(s: &str) -> bool {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    !words.is_empty() && words.len() <= 6 && words.iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// Tidy a name taken from a page: "Nina Pineda Image" -> "Nina Pineda",
/// "Andrei Zakhareuski Andrei Zakhareuski" -> "Andrei Zakhareuski".
pub fn clean_name(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 2 && matches!(words[0].to_lowercase().as_str(), "author" | "by" | "written" | "writer") {
        words.remove(0);
    }
    // "Catherine Boeckmann Executive Digital Editor": the job title goes.
    if let Some(k) = words
        .iter()
        .position(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        if k >= 2 {
            words.truncate(k);
        }
    }
    // "Nina Pineda Image", "Brett Cruz Headshot Brett Cruz": picture words
    // are never part of a name.
    if words.len() > 1 {
        words.retain(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "image" | "photo" | "logo" | "avatar" | "headshot" | "picture"
            )
        });
    }
    let n = words.len();
    if n >= 2 && n.is_multiple_of(2) && words[..n / 2] == words[n / 2..] {
        words.truncate(n / 2);
    }
    let joined = words.join(" ");
    // "Irene OkpanachiIrene Okpanachi": the same name twice, glued.
    let chars: Vec<char> = joined.chars().collect();
    if chars.len() >= 6 && chars.len().is_multiple_of(2) {
        let (a, b) = chars.split_at(chars.len() / 2);
        if a == b {
            return a.iter().collect();
        }
    }
    joined
}

fn publisher_res() -> &'static [Regex] {
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    RES.get_or_init(|| {
        [
            r"(?i)^(?:this (?:article|piece|post|essay) (?:was )?)?(?:originally|first) (?:published|appeared|posted) (?:at|in|on|by)\s+(?:the website of\s+)?(.{2,80}?)\.?$",
            r"(?i)^this (?:article|piece|post|essay) (?:originally |first )?appeared (?:at|in|on)\s+(.{2,80}?)\.?$",
            r"(?i)editorial policy of (.{2,60}?)\.?$",
            r"(?i)^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([^.|]{2,60}?)\.?(?:\s*all rights reserved\.?)?$",
            // The outlet advertising its own services in its chrome: "Try
            // The Diplomat's jobs board.", "Sign up for Vox's newsletter".
            // The name must be capitalised (no (?i) over it), and the line
            // is nothing but the call to action.
            r"^(?i:try|visit|browse|explore|join|subscribe to|sign up (?:for|to)|get|download|listen to|support)\s+((?:The\s+)?\p{Lu}[\w&.-]*(?:\s+\p{Lu}[\w&.-]*){0,4})['’]s\s+(?i:jobs?\s+board|job\s+listings|careers\s+page|(?:daily\s+|weekly\s+|free\s+)?newsletters?|app|apps|podcasts?|events|store|shop|archives?|magazine|e-?paper)[.!]?$",
        ]
        .iter()
        .map(|r| Regex::new(r).expect("valid regex"))
        .collect()
    })
}

/// The outlet named in a line like "Originally published at The Henry
/// Jackson Society" or "© 2024 The Diplomat. All rights reserved.".
pub fn parse_publisher(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 300 {
        return None;
    }
    for re in publisher_res() {
        if let Some(c) = re.captures(line) {
            let p = c[1].trim().trim_end_matches(['.', ',', ';']).trim();
            let lower = p.to_lowercase();
            if p.is_empty() || lower.contains("all rights") || lower.starts_with("by ") {
                continue;
            }
            return Some(p.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_with_a_reading_time_glued_to_the_year() {
        assert_eq!(parse_date("Mar 27, 20255 mins"), Some(date(2025, 3, 27)));
        assert_eq!(parse_date("May 2nd 202511 min read"), Some(date(2025, 5, 2)));
        assert_eq!(parse_date("Mar 27, 202512 people"), None);
    }

    #[test]
    fn dates_in_common_formats() {
        assert_eq!(parse_date("on January 7, 2017"), Some(date(2017, 1, 7)));
        assert_eq!(parse_date("Jan. 7 2017"), Some(date(2017, 1, 7)));
        assert_eq!(parse_date("29th August, 2023"), Some(date(2023, 8, 29)));
        assert_eq!(parse_date("19 Dec, 2025"), Some(date(2025, 12, 19)));
        assert_eq!(parse_date("Tuesday February 11 2025"), Some(date(2025, 2, 11)));
        assert_eq!(parse_date("2017-01-07T10:00"), Some(date(2017, 1, 7)));
        assert_eq!(parse_date("19.12.2025"), Some(date(2025, 12, 19)));
        assert_eq!(parse_date("12/19/2025"), Some(date(2025, 12, 19)));
        assert_eq!(parse_date("Published: Updated:"), None);
        assert_eq!(parse_date("February 30, 2020"), None);
        assert_eq!(parse_date("in 2017 and 2018"), None);
        assert_eq!(parse_date("October 17, 20236:01 PM ET"), Some(date(2023, 10, 17)));
        assert_eq!(
            parse_date("Posted on June 29, 2020November 12, 2021"),
            Some(date(2020, 6, 29))
        );
        assert_eq!(
            parse_date("ByKathryn GiuffridaMar 5, 2025 | 6 comments"),
            Some(date(2025, 3, 5))
        );
        assert_eq!(parse_date("image-png-Jan-17-2021-02-16-00-09-PM"), None);
        // A dot between day and year; a dotted date whose second number
        // cannot be a month is in US order.
        assert_eq!(parse_date("December 19. 2025"), Some(date(2025, 12, 19)));
        assert_eq!(parse_date("06.18.2025"), Some(date(2025, 6, 18)));
        assert_eq!(parse_date("05.06.2025"), Some(date(2025, 6, 5)));
    }

    #[test]
    fn bylines_glued_to_their_label() {
        // Dumps join a label and the name beside it, or repeat the "by".
        assert_eq!(parse_byline("byScott Miller"), Some(vec!["Scott Miller".to_string()]));
        assert_eq!(
            parse_byline("Written byMadeline Puckette"),
            Some(vec!["Madeline Puckette".to_string()])
        );
        assert_eq!(
            parse_byline("Written byby Rebecca MacFarlane"),
            Some(vec!["Rebecca MacFarlane".to_string()])
        );
    }

    #[test]
    fn label_words_picture_words_and_dangling_dashes_are_not_names() {
        assert!(!is_person_name("Event Type"));
        assert!(!is_person_name("Financing Options"));
        assert_eq!(clean_name("Brett Cruz Headshot Brett Cruz"), "Brett Cruz");
        assert_eq!(split_names("Cort Honey, Home-"), vec!["Cort Honey"]);
    }

    #[test]
    fn names_before_a_date_with_a_glued_label_or_a_time() {
        assert_eq!(
            name_before_date("[ed45][svg] David Hartshorne•Updated on "),
            Some("David Hartshorne".to_string())
        );
        assert_eq!(
            name_before_date("Patrick Clarke Published 10:19am "),
            Some("Patrick Clarke".to_string())
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(
            parse_byline(
                "By\u{a0} Kyle Orton\u{a0} (@KyleWOrton) on January 7, 2017"
                    .replace('\u{a0}', " ")
                    .as_str()
            ),
            Some(vec!["Kyle Orton".to_string()])
        );
        assert_eq!(
            parse_byline("By Abdel Bari Atwan"),
            Some(vec!["Abdel Bari Atwan".to_string()])
        );
        assert_eq!(
            parse_byline("Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen"),
            Some(vec![
                "Dr Marna van der Merwe".to_string(),
                "Dr Dieter Veldsman".to_string(),
                "Erik van Vulpen".to_string()
            ])
        );
        assert_eq!(
            parse_byline("By: ShawnHymel | December 16, 2025 | Categories: Uncategorized"),
            Some(vec!["ShawnHymel".to_string()])
        );
        assert_eq!(
            parse_byline("By Tomson Highway and From Masculindians"),
            Some(vec!["Tomson Highway".to_string()])
        );
        assert_eq!(parse_byline("By Guest Author"), None);
        assert_eq!(parse_byline("Bypass the queue"), None);
        assert_eq!(parse_byline("BYD Auto Sells More Cars"), None);
        assert_eq!(parse_byline("Bylaws"), None);
        assert_eq!(parse_byline("by the way, this is a sentence about nothing."), None);
    }

    #[test]
    fn publishers() {
        assert_eq!(
            parse_publisher("Originally published at The Henry Jackson Society"),
            Some("The Henry Jackson Society".to_string())
        );
        assert_eq!(
            parse_publisher("The views expressed in this article belong to the author and do not necessarily reflect the editorial policy of Middle East Eye."),
            Some("Middle East Eye".to_string())
        );
        assert_eq!(
            parse_publisher("© 2024 The Diplomat. All rights reserved."),
            Some("The Diplomat".to_string())
        );
        assert_eq!(
            parse_publisher("Try The Diplomat's jobs board."),
            Some("The Diplomat".into())
        );
        assert_eq!(
            parse_publisher("Sign up for Vox’s daily newsletter"),
            Some("Vox".into())
        );
        // A body sentence that names an outlet is no statement of the publisher.
        assert_eq!(parse_publisher("His work has appeared in The Diplomat."), None);
        assert_eq!(parse_publisher("Try the team's new app."), None);
        assert_eq!(parse_publisher("Nothing to see here"), None);
    }
}
