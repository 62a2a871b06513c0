//! Removing what no extractor reads before the page is parsed: scripts
//! (except JSON-LD), styles, inline SVG and comments. On modern pages these
//! are half the bytes, and every parser pass (ours, trafilatura's two,
//! Readability's) pays for them.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use std::sync::LazyLock;

#[derive(Clone, Copy)]
enum Inert {
    Script,
    Style,
    Svg,
    /// Raw text elements that are kept: a `<script>` written inside them is text.
    Title,
    Textarea,
}

impl Inert {
    fn name(self) -> &'static [u8] {
        match self {
            Inert::Script => b"script",
            Inert::Style => b"style",
            Inert::Svg => b"svg",
            Inert::Title => b"title",
            Inert::Textarea => b"textarea",
        }
    }
    fn closer(self) -> &'static AhoCorasick {
        static CLOSERS: LazyLock<[AhoCorasick; 5]> = LazyLock::new(|| {
            ["</script", "</style", "</svg", "</title", "</textarea"].map(|p| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .build([p])
                    .expect("valid pattern")
            })
        });
        &CLOSERS[self as usize]
    }
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The page without its scripts (JSON-LD stays), styles, inline SVG and
/// comments. The cut follows the HTML tokenizer: script and style text
/// ends at the first matching end tag, a comment at the first `-->`. An
/// element left open runs to the end of the page, so it is left as it is.
pub fn strip_inert(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let p = i + off;
        let rest = &b[p + 1..];
        if rest.starts_with(b"!--") {
            let end = if rest.starts_with(b"!-->") {
                Some(p + 5)
            } else if rest.starts_with(b"!--->") {
                Some(p + 6)
            } else {
                html[p + 4..].find("-->").map(|e| p + 4 + e + 3)
            };
            let Some(end) = end else { break };
            out.push_str(&html[last..p]);
            last = end;
            i = end;
            continue;
        }
        let kind = [Inert::Script, Inert::Style, Inert::Svg, Inert::Title, Inert::Textarea]
            .into_iter()
            .find(|k| {
                let n = k.name();
                starts_with_ci(rest, n)
                    && rest
                        .get(n.len())
                        .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
            });
        let Some(kind) = kind else {
            i = p + 1;
            continue;
        };
        let Some(tag_end) = html[p..].find('>').map(|e| p + e + 1) else {
            break;
        };
        if matches!(kind, Inert::Script) && html[p..tag_end].to_ascii_lowercase().contains("ld+json") {
            i = tag_end;
            continue;
        }
        // `<svg ... />` closes itself.
        if matches!(kind, Inert::Svg) && b[tag_end - 2] == b'/' {
            out.push_str(&html[last..p]);
            last = tag_end;
            i = tag_end;
            continue;
        }
        let Some(close) = kind.closer().find(&b[tag_end..]).map(|m| tag_end + m.start()) else {
            break;
        };
        let Some(close_end) = html[close..].find('>').map(|e| close + e + 1) else {
            break;
        };
        if !matches!(kind, Inert::Title | Inert::Textarea) {
            out.push_str(&html[last..p]);
            last = close_end;
        }
        i = close_end;
    }
    out.push_str(&html[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::strip_inert;

    #[test]
    fn strips_scripts_styles_svg_and_comments() {
        let html = r#"<head><script>var a = "<p>x</p>";</script><STYLE type="text/css">p{}</STYLE>
<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
<body><!-- note <script> --><p>One<svg viewBox="0 0 1 1"><path d="M0"/></svg> two</p><svg/><p>three</p>
<script src="x.js"></script ><!---->four</body>"#;
        let s = strip_inert(html);
        assert_eq!(
            s,
            "<head>\n<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\n<body><p>One two</p><p>three</p>\nfour</body>"
        );
    }

    #[test]
    fn open_elements_are_left_alone() {
        for html in ["<p>a</p><script>never closed", "<p>a<!-- open", "<script", "<svg><p>x"] {
            assert_eq!(strip_inert(html), html);
        }
        assert_eq!(strip_inert("<scripts>x</scripts><svgx>"), "<scripts>x</scripts><svgx>");
        assert_eq!(strip_inert("a <!--> b"), "a  b");
        let t = "<title>a <script> b</title><textarea><!-- c --></textarea>";
        assert_eq!(strip_inert(t), t);
        assert_eq!(strip_inert("\u{e9}<script>\u{1F600}</script>\u{e9}"), "\u{e9}\u{e9}");
    }
}
