//! Check: rules over content and over a rendered site. Writes nothing.
//! `dossier check` runs them; the tests use the link checker on every build.

use crate::graph::Site;
use crate::model::Diagnostic;
use crate::output::{Output, PageSink};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Mutex;

/// Content rules beyond what loading already enforces.
pub fn content_rules(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, a) in site.articles.iter().enumerate() {
        if a.meta.date.is_none() {
            out.push(
                Diagnostic::warning(&a.file, "undated article")
                    .at(2, None)
                    .hint("add `date: YYYY-MM-DD` to the front matter"),
            );
        }
        for name in &a.meta.entities {
            if crate::graph::timeline::resolve_entity(name, &site.entities).is_none() {
                out.push(
                    Diagnostic::error(&a.file, format!("entity `{name}` in `entities:` matches no entity"))
                        .hint("use an entity id, name or alias, or add it with `dossier entities add`"),
                );
            }
        }
        for short in &site.analyses[i].names.ambiguous {
            out.push(Diagnostic::warning(
                &a.file,
                format!("`{short}` could be more than one entity; it is not linked"),
            ));
        }
    }
    out
}

/// The `href`s and `id`s of an HTML page, by a plain scan (our own pages
/// always quote attributes with `"`).
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pat = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&pat) {
        let after = &rest[at + pat.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Resolve `href` relative to the page at `from` (a site path). `None` for
/// external links and links that leave the site.
fn resolve(from: &str, href: &str) -> Option<(String, Option<String>)> {
    if href.is_empty() || href.contains("://") || href.starts_with("mailto:") || href.starts_with("javascript:") {
        return None;
    }
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut parts: Vec<&str> = if path.is_empty() {
        from.split('/').collect()
    } else if path.starts_with('/') {
        return None; // root-relative: depends on where the site is published
    } else {
        let mut base: Vec<&str> = from.split('/').collect();
        base.pop();
        for seg in path.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    base.pop()?;
                }
                s => base.push(s),
            }
        }
        if path.ends_with('/') || path == "." {
            base.push("index.html");
        }
        base
    };
    parts.retain(|p| !p.is_empty());
    Some((parts.join("/"), frag))
}

/// Every internal link and anchor of these pages resolves (a
/// [`LinkChecker`] fed from a list).
pub fn links(outputs: impl IntoIterator<Item = Output>) -> Vec<Diagnostic> {
    let checker = LinkChecker::default();
    for o in outputs {
        checker.put(o);
    }
    checker.finish()
}

/// What the link check keeps of one page: its ids and its distinct links
/// (HTML pages only), never its bytes.
struct PageLinks {
    ids: BTreeSet<String>,
    /// In order of first use.
    hrefs: Vec<String>,
}

/// The link check as a page sink: it reads each page as it is rendered and
/// keeps only its ids and links, so `check` never holds the site in memory
/// (the rendered pages of 10,000 articles are over a gigabyte).
#[derive(Default)]
pub struct LinkChecker {
    pages: Mutex<BTreeMap<String, Option<PageLinks>>>,
}

impl PageSink for LinkChecker {
    fn put(&self, o: Output) {
        let links = o.path.ends_with(".html").then(|| {
            let html = std::str::from_utf8(&o.bytes).unwrap_or("");
            let mut seen = BTreeSet::new();
            let hrefs = attributes(html, "href")
                .into_iter()
                .chain(attributes(html, "src"))
                .filter(|h| seen.insert(*h))
                .map(unescape)
                .collect();
            PageLinks {
                ids: attributes(html, "id").into_iter().map(unescape).collect(),
                hrefs,
            }
        });
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(o.path, links);
    }

    /// Streamed files are the data files: they hold no links, so only
    /// their paths are noted, and they are never made.
    fn put_stream(
        &self,
        path: &str,
        _view: Option<u128>,
        _make: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), None);
    }
}

impl LinkChecker {
    /// The broken links and anchors of every page put, by page path.
    pub fn finish(self) -> Vec<Diagnostic> {
        let pages = self.pages.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        for (path, links) in &pages {
            let Some(links) = links else { continue };
            let mut reported = BTreeSet::new();
            for href in &links.hrefs {
                let Some((target, frag)) = resolve(path, href) else {
                    continue;
                };
                let problem = match pages.get(target.as_str()) {
                    None => Some(format!("broken link to `{href}`")),
                    Some(page) => frag.filter(|f| !f.is_empty()).and_then(|f| {
                        let known = page.as_ref().is_some_and(|p| p.ids.contains(&f));
                        (!known).then(|| format!("broken anchor `{href}`: no id `{f}` in {target}"))
                    }),
                };
                if let Some(p) = problem {
                    if reported.insert(p.clone()) {
                        out.push(Diagnostic::error(PathBuf::from("site").join(path), p));
                    }
                }
            }
        }
        out
    }
}

/// Print diagnostics in the chosen format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Github,
    Json,
}

pub fn format(diags: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Text => diags.iter().map(|d| format!("{d}\n")).collect(),
        Format::Json => serde_json::to_string_pretty(diags).unwrap_or_default() + "\n",
        Format::Github => diags
            .iter()
            .map(|d| {
                let level = if d.is_error() { "error" } else { "warning" };
                let mut props = Vec::new();
                if let Some(f) = &d.file {
                    props.push(format!("file={}", gh_escape_prop(&f.display().to_string())));
                }
                if let Some(l) = d.line {
                    props.push(format!("line={l}"));
                }
                if let Some(c) = d.column {
                    props.push(format!("col={c}"));
                }
                let mut msg = d.message.clone();
                if let Some(h) = &d.hint {
                    msg.push_str(&format!(" (help: {h})"));
                }
                format!("::{level} {}::{}\n", props.join(","), gh_escape_data(&msg))
            })
            .collect(),
    }
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_escape_prop(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("articles/a/index.html", "../../entities/x/"),
            Some(("entities/x/index.html".into(), None))
        );
        assert_eq!(
            resolve("articles/a/index.html", "#s-3"),
            Some(("articles/a/index.html".into(), Some("s-3".into())))
        );
        assert_eq!(
            resolve("index.html", "static/style.css"),
            Some(("static/style.css".into(), None))
        );
        assert_eq!(resolve("index.html", "https://x.org/"), None);
        assert_eq!(resolve("index.html", "../../out"), None);
    }

    #[test]
    fn finds_broken_links_and_anchors() {
        let outs = vec![
            Output::new(
                "index.html",
                "<a href=\"a/\">a</a><a href=\"a/#x\">x</a><a href=\"a/#nope\">n</a><a href=\"b/\">b</a>",
            ),
            Output::new("a/index.html", "<p id=\"x\">x</p>"),
        ];
        let d = links(outs);
        let msgs: Vec<_> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "broken anchor `a/#nope`: no id `nope` in a/index.html",
                "broken link to `b/`"
            ]
        );
    }

    #[test]
    fn github_format() {
        let d = Diagnostic::error("content/a.md", "bad: thing\nmore").at(3, Some(2));
        assert_eq!(
            format(&[d], Format::Github),
            "::error file=content/a.md,line=3,col=2::bad: thing%0Amore\n"
        );
    }
}
