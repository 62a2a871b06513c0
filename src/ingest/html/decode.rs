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
}
