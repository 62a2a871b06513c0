//! HTML fragment to Markdown text: paragraphs, `##` headings, lists, block
//! quotes, code blocks and simple tables. Only text is carried over: links
//! keep their words, images (and their `<figcaption>`), scripts, styles,
//! forms, iframes and every attribute are dropped, and Markdown-special
//! characters are escaped.

use dom_query::{Document, NodeRef};

/// Elements whose whole subtree is dropped.
const SKIP: [&str; 27] = [
    "figcaption",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "map",
    "head",
    "title",
    "meta",
    "link",
];

const BLOCKS: [&str; 23] = [
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "address", "details",
    "summary", "dl", "dt", "dd", "center", "fieldset", "hr", "body", "html", "caption", "hgroup",
];

#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    line: String,
}

impl Writer {
    fn flush(&mut self) {
        let t = self.line.trim().to_string();
        self.line.clear();
        if !t.is_empty() {
            self.blocks.push(escape_line_start(&t));
        }
    }
    fn push_text(&mut self, s: &str) {
        for ch in s.chars() {
            if ch.is_whitespace() || ch == '\u{a0}' {
                if !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
                    self.line.push(' ');
                }
            } else if !ch.is_control() && ch != '\u{200b}' && ch != '\u{feff}' {
                self.line.push(ch);
            }
        }
    }
}

fn name_of(n: &NodeRef) -> String {
    n.node_name().map(|s| s.to_ascii_lowercase()).unwrap_or_default()
}

/// Convert an HTML fragment (or page) to Markdown.
pub fn html_to_markdown(html: &str) -> String {
    let doc = Document::from(html);
    let mut w = Writer::default();
    let root = doc.root();
    for c in root.children_it(false) {
        walk(&c, &mut w, 0);
    }
    w.flush();
    w.blocks.join("\n\n")
}

fn children_markdown(n: &NodeRef, depth: usize) -> Vec<String> {
    let mut w = Writer::default();
    for c in n.children_it(false) {
        walk(&c, &mut w, depth + 1);
    }
    w.flush();
    w.blocks
}

fn walk(n: &NodeRef, w: &mut Writer, depth: usize) {
    if depth > 200 {
        return;
    }
    if n.is_text() {
        w.push_text(&escape_inline(&n.text()));
        return;
    }
    if !n.is_element() && !n.is_document() {
        return;
    }
    let name = name_of(n);
    if SKIP.contains(&name.as_str())
        || n.attr("hidden").is_some()
        || n.attr("aria-hidden").is_some_and(|v| v.as_ref() == "true")
    {
        return;
    }
    match name.as_str() {
        "br" => {
            // A line break inside a paragraph: keep the words apart.
            if !w.line.is_empty() {
                w.line.push(' ');
            }
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            w.flush();
            let text = inline_text(n, depth);
            if !text.is_empty() {
                let level = match name.as_str() {
                    "h1" | "h2" => "##",
                    "h3" => "###",
                    _ => "####",
                };
                w.blocks.push(format!("{level} {text}"));
            }
        }
        "ul" | "ol" => {
            w.flush();
            let ordered = name == "ol";
            let mut i = 1;
            let mut items = Vec::new();
            for c in n.children_it(false) {
                if name_of(&c) != "li" {
                    // Stray content in a list: treat as an item of its own.
                    if c.is_element() {
                        let inner = children_markdown(&c, depth).join("\n");
                        if !inner.trim().is_empty() {
                            items.push(format!("- {}", indent(&inner, 2)));
                        }
                    }
                    continue;
                }
                let inner = children_markdown(&c, depth);
                if inner.is_empty() {
                    continue;
                }
                let marker = if ordered { format!("{i}.") } else { "-".to_string() };
                let pad = marker.len() + 1;
                items.push(format!("{marker} {}", indent(&inner.join("\n\n"), pad)));
                i += 1;
            }
            if !items.is_empty() {
                w.blocks.push(items.join("\n"));
            }
        }
        "blockquote" => {
            w.flush();
            let inner = children_markdown(n, depth);
            if !inner.is_empty() {
                let q = inner
                    .join("\n\n")
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            ">".to_string()
                        } else {
                            format!("> {l}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                w.blocks.push(q);
            }
        }
        "pre" => {
            w.flush();
            let code = n.text().to_string();
            let code = code.trim_matches('\n');
            if !code.trim().is_empty() {
                let mut fence = "```".to_string();
                while code.contains(&fence) {
                    fence.push('`');
                }
                w.blocks.push(format!("{fence}\n{code}\n{fence}"));
            }
        }
        "table" => {
            w.flush();
            if let Some(t) = table(n, depth) {
                w.blocks.push(t);
            }
        }
        "li" => {
            w.flush();
            let inner = children_markdown(n, depth);
            if !inner.is_empty() {
                w.blocks.push(format!("- {}", indent(&inner.join("\n\n"), 2)));
            }
        }
        "img" | "picture" | "source" | "track" | "wbr" => {}
        "td" | "th" => {
            w.push_text(" ");
            for c in n.children_it(false) {
                walk(&c, w, depth + 1);
            }
            w.push_text(" ");
        }
        "tr" => {
            w.flush();
            for c in n.children_it(false) {
                walk(&c, w, depth + 1);
            }
            w.flush();
        }
        _ if BLOCKS.contains(&name.as_str()) => {
            w.flush();
            for c in n.children_it(false) {
                walk(&c, w, depth + 1);
            }
            w.flush();
        }
        _ => {
            for c in n.children_it(false) {
                walk(&c, w, depth + 1);
            }
        }
    }
}

fn inline_text(n: &NodeRef, depth: usize) -> String {
    children_markdown(n, depth).join(" ")
}

fn indent(s: &str, pad: usize) -> String {
    let spaces = " ".repeat(pad);
    let mut out = String::new();
    for (i, l) in s.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !l.is_empty() {
                out.push_str(&spaces);
            }
        }
        out.push_str(l);
    }
    out
}

/// A GFM table when every row is a simple row of cells; otherwise one line
/// per row.
fn table(n: &NodeRef, depth: usize) -> Option<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for tr in n.descendants_it().filter(|d| name_of(d) == "tr") {
        // Skip rows of nested tables; they are seen through their own table.
        if tr
            .ancestors_it(Some(20))
            .find(|a| name_of(a) == "table")
            .is_some_and(|t| t.id != n.id)
        {
            continue;
        }
        let cells: Vec<String> = tr
            .children_it(false)
            .filter(|c| matches!(name_of(c).as_str(), "td" | "th"))
            .map(|c| children_markdown(&c, depth).join(" ").replace('|', "\\|"))
            .collect();
        if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push(cells);
        }
    }
    if rows.is_empty() {
        let inner = children_markdown(n, depth);
        return (!inner.is_empty()).then(|| inner.join("\n\n"));
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width < 2 || rows.len() < 2 {
        return Some(rows.into_iter().map(|r| r.join(" ")).collect::<Vec<_>>().join("\n\n"));
    }
    let mut out = Vec::new();
    for (i, mut r) in rows.into_iter().enumerate() {
        r.resize(width, String::new());
        out.push(format!("| {} |", r.join(" | ")));
        if i == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    Some(out.join("\n"))
}

/// Escape text so that it reads as text in Markdown: no HTML, no links or
/// emphasis; block markers at the start of a line are handled in
/// `escape_line_starts`.
pub fn escape_inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // Intraword underscores never make emphasis.
            '_' if !(prev.is_alphanumeric() && next.is_alphanumeric()) => out.push_str("\\_"),
            '&' if next.is_ascii_alphabetic() || next == '#' => out.push_str("\\&"),
            '~' if next == '~' || prev == '~' => out.push_str("\\~"),
            _ => out.push(c),
        }
    }
    out
}

/// Escape characters that would start a block at the beginning of a line of
/// text: `#`, `-`, `+`, `=`, `1.`.
pub fn escape_line_start(line: &str) -> String {
    let t = line;
    let first = t.chars().next();
    match first {
        Some('#' | '-' | '+' | '=') => format!("\\{t}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            let rest = &t[digits..];
            if digits <= 9 && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")") {
                format!("{}\\{}", &t[..digits], rest)
            } else {
                t.to_string()
            }
        }
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_becomes_markdown() {
        let md = html_to_markdown(
            "<div><h2>Section</h2><p>One <b>two</b> <a href=\"https://x\">three</a>.</p><ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>\
             <blockquote><p>Quoted</p></blockquote><ol><li>first</li></ol><pre>let x = 1;</pre></div>",
        );
        assert_eq!(
            md,
            "## Section\n\nOne two three.\n\n- a\n- b\n\n  - c\n\n> Quoted\n\n1. first\n\n```\nlet x = 1;\n```"
        );
    }

    #[test]
    fn specials_are_escaped() {
        assert_eq!(html_to_markdown("<p># not a heading</p>"), "\\# not a heading");
        assert_eq!(html_to_markdown("<p>1. not a list</p>"), "1\\. not a list");
        assert_eq!(
            html_to_markdown("<p>a *b* [c](d) &lt;i&gt; snake_case _x_</p>"),
            "a \\*b\\* \\[c\\](d) \\<i\\> snake_case \\_x\\_"
        );
    }

    #[test]
    fn tables_and_dropped_elements() {
        let md = html_to_markdown(
            "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>3</td></tr></table><script>x()</script><form><input value=v>F</form><iframe>I</iframe>",
        );
        assert_eq!(md, "| Name | Age |\n| --- | --- |\n| Ann | 3 |");
    }

    #[test]
    fn figure_captions_are_dropped() {
        let md = html_to_markdown(
            "<p>Before.</p><figure><img src=\"a.jpg\"><figcaption>The view from the top. Credit: Jo Lee</figcaption></figure><p>After.</p>",
        );
        assert_eq!(md, "Before.\n\nAfter.");
    }
}
