//! Sentence boundaries in plain English text. Abbreviations ("Gen.", "U.S.",
//! "Jan."), initials ("J. Smith") and decimals do not end a sentence.

use std::ops::Range;

/// Words that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr", "rep", "sen", "gov",
    "pres", "st", "jr", "sr", "no", "nos", "vol", "vs", "v", "e.g", "i.e", "cf", "al", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "mt",
    "ft", "fig", "approx", "dept", "est", "rev", "hon", "messrs", "op", "pp", "p", "ed", "eds",
];

/// Byte ranges of the sentences in `text`, trimmed of surrounding whitespace.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // take the run of terminal punctuation and closing quotes/brackets
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            // require whitespace, then a sentence-like start
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let boundary = if k == j {
                false
            } else if k == chars.len() {
                true
            } else {
                let next = chars[k].1;
                let starts = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '¿' | '¡');
                starts && !(c == '.' && j == i + 1 && is_abbreviation(&text[start..pos]))
            };
            if boundary {
                push_trimmed(text, start..end, &mut out);
                start = end;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Does the text before a period end with an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    // a single capital letter is an initial: "J. Smith", "Abu M. al-X"
    if let (Some(c), None) = (letters.next(), letters.next()) {
        return c.is_uppercase();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn basic_and_quotes() {
        assert_eq!(
            split("One two. Three four! “Five?” Six."),
            vec!["One two.", "Three four!", "“Five?”", "Six."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Gen. Smith met J. R. Jones in the U.S. on Jan. 5. Then he left."),
            vec!["Gen. Smith met J. R. Jones in the U.S. on Jan. 5.", "Then he left."]
        );
    }

    #[test]
    fn lowercase_after_period_and_decimals() {
        assert_eq!(
            split("It cost 3.5 million. e.g. this stays one."),
            vec!["It cost 3.5 million. e.g. this stays one."]
        );
    }

    #[test]
    fn unicode_safe() {
        assert_eq!(
            split("Başakşehir… Güvercintepe. İstanbul"),
            vec!["Başakşehir…", "Güvercintepe.", "İstanbul"]
        );
    }
}
