//! Cutting a sentence into words, numbers and punctuation, in one linear pass.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
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
pub(super) struct Tok<'a> {
    pub(super) k: K,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Words: lowercase, `’` as `'`. Punctuation: the character.
    pub(super) lower: std::borrow::Cow<'a, str>,
    /// Num: the value; Iso: year*10000+month*100+day.
    pub(super) num: u32,
    pub(super) digits: usize,
    pub(super) ordinal: bool,
    /// A small number glued to the preceding word or punctuation ("evidence,1").
    pub(super) footnote: bool,
}

impl Tok<'_> {
    /// [`Tok::lower`] as a plain `&str`.
    pub(super) fn low(&self) -> &str {
        &self.lower
    }
}

pub(super) fn tokenize(s: &str) -> Vec<Tok<'_>> {
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
            lower: std::borrow::Cow::Borrowed(""),
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
            if nd == 4 && at(k) == Some('-') && digit_run(k + 1) == 2 && at(k + 3) == Some('-') && digit_run(k + 4) == 2
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
                    while at(k).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-')) {
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
                tok.footnote =
                    p.is_alphabetic() || matches!(p, '.' | ',' | ';' | ':' | ')' | '"' | '\u{201d}' | '\u{2019}');
            }
            j = k;
        } else if (c == 'h' || c == 'w') && is_url(&s[pos(j)..]) {
            // a URL ("https://example.com/2017/01/07/") holds no dates
            let mut k = j;
            while at(k).is_some_and(|c| !c.is_whitespace() && !matches!(c, ')' | ']' | '>' | '"')) {
                k += 1;
            }
            tok.k = K::Other;
            j = k;
        } else if c.is_alphabetic() {
            let mut k = j;
            loop {
                while at(k).is_some_and(|c| c.is_alphanumeric()) {
                    k += 1;
                }
                if matches!(at(k), Some('\'' | '\u{2019}')) && at(k + 1).is_some_and(|c| c.is_alphabetic()) {
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
            // most tokens are lower-case ASCII already: borrowed, not copied
            K::Word | K::Punct if tok.text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => {
                std::borrow::Cow::Borrowed(tok.text)
            }
            K::Word | K::Punct => std::borrow::Cow::Owned(tok.text.to_lowercase().replace('\u{2019}', "'")),
            _ => std::borrow::Cow::Borrowed(""),
        };
        out.push(tok);
    }
    out
}

fn is_url(rest: &str) -> bool {
    let head = rest.get(..8).unwrap_or(rest);
    head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.")
}
