//! Character decoding of saved pages: BOM, then a `<meta charset>` or
//! `http-equiv` declaration near the top, then UTF-8 if the bytes are valid,
//! else windows-1252 (what browsers assume for undeclared legacy pages).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::LazyLock;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).expect("valid regex")
});

/// XML declarations (`<?xml version="1.0" encoding="iso-8859-1"?>`) in XHTML files.
static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_:.\-]+)"#).expect("valid regex")
});

/// The encoding a page declares in its first bytes, if any (labels as in the
/// WHATWG Encoding Standard, so `iso-8859-1` means windows-1252).
pub fn declared_encoding(raw: &[u8]) -> Option<&'static Encoding> {
    let head = &raw[..raw.len().min(16 * 1024)];
    let label = XML_ENCODING
        .captures(head)
        .or_else(|| META_CHARSET.captures(head))
        .and_then(|c| c.get(1))?;
    let enc = Encoding::for_label(label.as_bytes())?;
    // A page that was decoded and saved again as UTF-8 often still says
    // UTF-16 in its meta tag; a UTF-16 declaration without a BOM is never right.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Decode page bytes to a string. The second value is a warning when bytes
/// had to be replaced or the encoding was guessed.
pub fn decode_html(raw: &[u8]) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = Encoding::for_bom(raw) {
        let (text, had_errors) = enc.decode_without_bom_handling(&raw[bom_len..]);
        let warn = had_errors.then(|| format!("invalid {} sequences were replaced", enc.name()));
        return (text.into_owned(), warn);
    }
    match declared_encoding(raw) {
        Some(enc) if enc != UTF_8 => {
            let (text, had_errors) = enc.decode_without_bom_handling(raw);
            let warn = had_errors.then(|| format!("invalid {} sequences were replaced", enc.name()));
            (text.into_owned(), warn)
        }
        declared => match std::str::from_utf8(raw) {
            Ok(s) => (s.to_string(), None),
            Err(_) if declared.is_some() => (
                String::from_utf8_lossy(raw).into_owned(),
                Some("the page declares UTF-8 but has invalid bytes; they were replaced".into()),
            ),
            Err(_) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(raw);
                (
                    text.into_owned(),
                    Some("the page declares no encoding and is not UTF-8; read as windows-1252".into()),
                )
            }
        },
    }
}

/// The Windows-1252 byte a character stands for when UTF-8 bytes were read
/// as Windows-1252 (or Latin-1, whose C1 controls stay as they are).
pub fn cp1252_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(c as u32) {
        return Some(b);
    }
    let mut utf8 = [0u8; 4];
    let mut out = [0u8; 1];
    let (result, _, written) = encoding_rs::WINDOWS_1252
        .new_encoder()
        .encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut out, true);
    (matches!(result, encoding_rs::EncoderResult::InputEmpty) && written == 1).then_some(out[0])
}

/// A page needs this many mojibake sequences before any is repaired: one
/// or two could be real text ("\u{c3}\u{a9}" in a list of symbols).
const MOJIBAKE_MIN: usize = 3;

/// Pages saved after a round trip through the wrong encoding carry UTF-8
/// read as Windows-1252 ("it\u{e2}\u{80}\u{99}s", "\u{c2}\u{a0}"): each
/// sequence that spells a valid UTF-8 character that way is put back, when
/// the page has at least [`MOJIBAKE_MIN`] of them. Text with real accents
/// is left alone: its letters do not form such sequences.
pub fn repair_mojibake(html: String) -> String {
    // Every lead character (U+00C2..U+00F4) is encoded with a 0xC3 byte.
    if !html.as_bytes().contains(&0xc3) {
        return html;
    }
    let mut out = String::new();
    let mut count = 0;
    let mut last = 0;
    let mut i = 0;
    while let Some(c) = html[i..].chars().next() {
        if ('\u{c2}'..='\u{f4}').contains(&c) {
            if let Some((fixed, len)) = repair_at(&html[i..]) {
                out.push_str(&html[last..i]);
                out.push(fixed);
                count += 1;
                i += len;
                last = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    if count < MOJIBAKE_MIN {
        return html;
    }
    out.push_str(&html[last..]);
    out
}

/// The character a mojibake sequence at the start of `s` stands for, and
/// the sequence's length in bytes.
fn repair_at(s: &str) -> Option<(char, usize)> {
    let mut chars = s.chars();
    let lead = chars.next()?;
    let n = match lead as u32 {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    let mut bytes = [lead as u32 as u8, 0, 0, 0];
    let mut len = lead.len_utf8();
    for b in bytes.iter_mut().take(n).skip(1) {
        let c = chars.next()?;
        let byte = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        *b = byte;
        len += c.len_utf8();
    }
    let fixed = std::str::from_utf8(&bytes[..n]).ok()?.chars().next()?;
    Some((fixed, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1252() {
        let raw =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>";
        let (s, w) = decode_html(raw);
        assert!(s.contains("Caf\u{e9} \u{201c}quoted\u{201d}"), "{s}");
        assert!(w.is_none());
    }

    #[test]
    fn http_equiv_latin1_means_windows_1252() {
        let raw = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xefve \x80</p>";
        let (s, _) = decode_html(raw);
        assert!(s.contains("na\u{ef}ve \u{20ac}"), "{s}");
    }

    #[test]
    fn undeclared_invalid_utf8_falls_back_to_1252_with_warning() {
        let (s, w) = decode_html(b"<p>r\xe9sum\xe9</p>");
        assert!(s.contains("r\u{e9}sum\u{e9}"));
        assert!(w.is_some());
    }

    #[test]
    fn utf8_with_bom_and_plain_utf8() {
        let (s, w) = decode_html("\u{feff}<p>\u{e9}t\u{e9}</p>".as_bytes());
        assert_eq!(s, "<p>\u{e9}t\u{e9}</p>");
        assert!(w.is_none());
        let (s, _) = decode_html("<meta charset=utf-8><p>\u{e9}</p>".as_bytes());
        assert!(s.contains('\u{e9}'));
    }

    #[test]
    fn shift_jis_and_utf16_declaration() {
        // "日本" in Shift_JIS.
        let raw = b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        let (s, _) = decode_html(raw);
        assert!(s.contains("\u{65e5}\u{672c}"), "{s}");
        let (s, _) = decode_html("<meta charset=\"utf-16\"><p>\u{e9}</p>".as_bytes());
        assert!(s.contains('\u{e9}'));
    }

    #[test]
    fn mojibake_is_repaired_only_when_the_page_has_enough() {
        let page = "<p>it\u{e2}\u{80}\u{99}s \u{e2}\u{20ac}\u{153}quoted\u{e2}\u{20ac}\u{9d}\u{c2}\u{a0}and caf\u{c3}\u{a9}</p>";
        assert_eq!(
            repair_mojibake(page.to_string()),
            "<p>it\u{2019}s \u{201c}quoted\u{201d}\u{a0}and caf\u{e9}</p>"
        );
        // Two sequences are not enough evidence.
        let two = "<p>\u{c3}\u{a9} and \u{c3}\u{a8}</p>";
        assert_eq!(repair_mojibake(two.to_string()), two);
        // Real accents and symbols are not sequences.
        let real = "<p>Caf\u{e9}, na\u{ef}ve, \u{e0} la \u{c9}cole, \u{c2}ge \u{a9} 2024, \u{2019}</p>";
        assert_eq!(repair_mojibake(real.to_string()), real);
    }
}
