//! Small text helpers shared by the HTML metadata code: entity leftovers,
//! whitespace, comparison keys.

use unicode_normalization::UnicodeNormalization;

/// Decode HTML entities that survived parsing (double-encoded attributes
/// such as `&amp;#038;` or `&#39;` inside JSON-LD) and collapse whitespace.
pub fn clean_text(s: &str) -> String {
    let decoded = if s.contains('&') {
        decode_entities(s)
    } else {
        s.to_string()
    };
    collapse_ws(&decoded)
}

/// Collapse runs of whitespace (including no-break spaces) to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for ch in s.chars() {
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{200b}' || ch == '\u{feff}' {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(ch);
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "hellip" => '\u{2026}',
        "raquo" => '\u{bb}',
        "laquo" => '\u{ab}',
        "middot" => '\u{b7}',
        "bull" => '\u{2022}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        _ => return None,
    })
}

/// A key for comparing titles and names: NFKC, lower case, quotes unified,
/// only letters and digits kept, single spaces.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |ch: char| {
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        } else if ch == '\'' || ch == '\u{2019}' || ch == '\u{2018}' {
            // "don't" and "don’t" compare equal; apostrophes join words.
        } else {
            space = true;
        }
    };
    // NFKC leaves ASCII as it is: most text skips the normaliser
    if s.is_ascii() {
        s.chars().map(|c| c.to_ascii_lowercase()).for_each(&mut push);
    } else {
        s.nfkc().flat_map(char::to_lowercase).for_each(&mut push);
    }
    out
}

pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_spaces() {
        assert_eq!(
            clean_text("  M&#038;A\u{a0} Roundup &amp; more &bogus; "),
            "M&A Roundup & more &bogus;"
        );
        assert_eq!(clean_text("It&#39;s &#x2014; fine"), "It's \u{2014} fine");
        assert_eq!(clean_text("a & b"), "a & b");
    }

    #[test]
    fn fold_keys_ignore_case_quotes_and_punctuation() {
        assert_eq!(fold_key("Don\u{2019}t Stop: Now!"), fold_key("dont stop now"));
        assert_ne!(fold_key("Top 10"), fold_key("Top 11"));
    }
}
