//! The words the grammar knows.

pub(super) const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

pub(super) fn month_abbrev(w: &str) -> Option<i8> {
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

pub(super) const WEEKDAYS: [&str; 7] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Words after which a bare month name ("in August") is a date.
pub(super) const MONTH_PREP: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "of", "early", "late", "mid", "before", "after",
    "through", "throughout", "last", "next", "between", "around", "end", "beginning", "start",
];

/// Words after which a four-digit number is a year ("in 2021").
pub(super) const YEAR_PREP: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "throughout", "early", "late",
    "mid", "year", "summer", "winter", "spring", "autumn", "fall", "ramadan", "christmas", "easter",
    "between", "circa", "c", "fiscal", "fy", "q1", "q2", "q3", "q4", "h1", "h2",
];

/// Nouns before "of" that make the number after it a year ("the summer of 2015").
pub(super) const OF_NOUNS: &[&str] = &[
    "summer", "winter", "spring", "autumn", "fall", "end", "start", "beginning", "middle", "half", "quarter",
    "part", "course", "rest", "remainder", "months", "weeks", "year", "events", "elections", "election",
    "act", "class", "law", "treaty", "agreement", "accord", "accords", "war", "census",
];

/// Lowercase words that may follow a year ("in 2023 around ...").
pub(super) const AFTER_YEAR_OK: &[&str] = &[
    "and", "or", "but", "when", "where", "with", "to", "the", "a", "an", "in", "on", "at", "by", "for", "of",
    "as", "was", "were", "is", "are", "had", "has", "have", "after", "before", "until", "while", "around",
    "through", "alone", "onwards", "onward", "there", "that", "which", "who", "it", "its", "this", "these",
    "those", "he", "she", "they", "we", "his", "her", "their", "saw", "marked", "became", "elections",
    "election", "because", "if", "though", "although", "so", "then", "up", "into", "from", "against",
    "during", "amid", "despite", "till", "is", "would", "will", "could", "i", "you", "our", "not", "also",
    "only", "already", "again", "much", "even", "still", "just",
];

/// Nouns after "the 2016 ..." that make the number a year.
pub(super) const YEAR_EVENT_NOUNS: &[&str] = &[
    "coup", "election", "elections", "attack", "attacks", "war", "census", "budget", "games", "olympics",
    "season", "crisis", "invasion", "earthquake", "summit", "protests", "uprising", "revolution", "agreement",
    "deal", "report", "law", "act", "campaign", "referendum", "bombing", "bombings", "offensive", "ceasefire",
    "truce", "massacre", "shooting", "floods", "edition", "survey", "presidential", "parliamentary",
    "general", "local", "midterm", "midterms", "world", "assault", "raid", "raids", "plot", "strike",
    "strikes",
];

/// Common verbs in the past tense: a sentence holding one tells of the past.
pub(super) const PAST_MARKERS: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "broke", "began", "came", "went", "took", "made", "saw",
    "got", "gave", "found", "left", "held", "led", "fell", "rose", "won", "lost", "met", "paid", "sent",
    "spent", "struck", "fought", "fled", "built", "bought", "brought", "caught", "chose", "drove", "flew",
    "grew", "kept", "knew", "ran", "sat", "stood", "threw", "wrote", "announced", "reported", "killed",
    "arrested", "launched", "released", "published", "confirmed", "claimed", "attacked", "detained", "opened",
    "signed", "named", "died", "declared", "agreed", "carried", "happened", "occurred", "started", "ended",
];

/// One of [`PAST_MARKERS`]: looked up for every word of a sentence that
/// holds a date, so by hash, not by scanning the list.
pub(super) fn is_past_marker(w: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| PAST_MARKERS.iter().copied().collect());
    SET.contains(w)
}

/// Simple past forms that are not also participles ("need to be paid" is no past).
pub(super) const PAST_STRICT: &[&str] = &[
    "was", "were", "did", "had", "said", "broke", "began", "came", "went", "took", "saw", "gave",
    "fell", "rose", "flew", "grew", "knew", "ran", "threw", "wrote", "drove", "chose", "spoke", "forgot",
];

/// Words after a day number that show it is a count ("In March 12 people").
pub(super) const COUNT_NOUNS: &[&str] = &[
    "people", "percent", "per", "million", "billion", "thousand", "hundred", "men", "women", "children", "km",
    "kg", "m", "feet", "foot", "miles", "mile", "times", "dead", "killed", "injured", "wounded", "more", "of",
    "or", "out", "others", "other", "pm", "am", "hours", "hour", "minutes", "minute", "seconds", "soldiers",
    "fighters", "troops", "civilians", "militants", "members", "police", "officers", "bullets", "cases",
    "deaths", "casualties", "arrests", "years", "days", "months", "weeks", "points", "votes", "seats",
    "countries", "provinces", "cities", "km", "kilometres", "kilometers", "metres", "meters", "tons",
    "tonnes", "dollars", "euros", "pounds", "vehicles", "rockets", "missiles", "drones", "migrants",
    "refugees", "prisoners", "detainees", "suspects", "persons", "individuals", "students", "workers",
    "employees", "victims",
];

pub(super) const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];

/// Singular nouns after "a 2000 ..." that make the number a quantity ("a 2000
/// strong force", "a 1500 page report").
pub(super) const UNIT_NOUNS: &[&str] = &[
    "strong", "man", "member", "person", "seat", "page", "word", "mile", "acre", "square", "foot", "metre",
    "meter", "kilometre", "kilometer", "pound", "ton", "tonne", "dollar", "euro", "calorie", "point", "bed",
    "room", "unit", "vehicle", "km", "kg", "mm", "cc", "hp", "horsepower", "mph", "kw", "mw", "watt", "volt",
    "percent", "per", "square-foot", "sq", "ft", "m", "lb", "lbs", "gallon", "litre", "liter", "barrel",
    "character", "token", "step", "line", "pixel", "piece", "word-long", "item", "question", "sample",
];
