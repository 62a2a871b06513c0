//! Metadata a page states about itself, collected from the parsed DOM:
//! JSON-LD (schema.org), `<meta>` tags, `<title>`, `<h1>`, `<time>`,
//! microdata and visible bylines. Collection only; choosing between the
//! sources is done in `fields`.

use super::text::clean_text;
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// One schema.org object describing the page or its article.
#[derive(Debug, Clone, Default)]
pub struct LdThing {
    pub types: Vec<String>,
    pub headline: Option<String>,
    pub name: Option<String>,
    /// Person names (organisations are left out).
    pub authors: Vec<String>,
    /// Names of authors that are organisations.
    pub org_authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_created: Option<String>,
    pub publisher: Option<String>,
}

impl LdThing {
    pub fn is_article(&self) -> bool {
        self.types.iter().any(|t| {
            let t = t.to_ascii_lowercase();
            t.ends_with("article")
                || t.contains("posting")
                || matches!(
                    t.as_str(),
                    "report" | "review" | "recipe" | "howto" | "blog" | "creativework" | "guide"
                )
        })
    }
    pub fn is_webpage(&self) -> bool {
        self.types.iter().any(|t| t.to_ascii_lowercase().ends_with("page"))
    }
}

/// Everything collected from one page.
#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    /// Article-like JSON-LD objects first, then web pages, in document order.
    pub ld: Vec<LdThing>,
    /// `WebSite`/`Organization` names from JSON-LD.
    pub ld_site_names: Vec<String>,
    /// `<meta>` name/property/itemprop (lower case) and content, in order.
    pub meta: Vec<(String, String)>,
    pub title_tag: Option<String>,
    pub h1s: Vec<String>,
    /// Dates from `<time datetime>` and microdata that look like publication
    /// dates, in document order.
    pub published_dates: Vec<String>,
    /// Short texts of elements marked as dates (class names such as
    /// `date`, `posted-on`), for a written-out date.
    pub date_texts: Vec<String>,
    /// Byline texts (rel=author, itemprop=author, class byline/author).
    pub bylines: Vec<String>,
    pub canonical: Option<String>,
    /// For each `<h1>`: the short texts just before and just after it in
    /// reading order (where a dateline or byline sits), up to the first
    /// long paragraph.
    pub h1_zones: Vec<HeadingZone>,
    /// The page's shown texts in reading order (navigation, sidebars and
    /// the like left out), for a zone around a headline that is no `<h1>`.
    pub reading: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct HeadingZone {
    pub heading: String,
    pub before: String,
    pub after: String,
}

impl PageMeta {
    /// The first non-empty content among meta keys, in the order of `keys`.
    pub fn meta_first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.meta
                .iter()
                .find(|(n, v)| n == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
    pub fn meta_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.meta
            .iter()
            .filter(move |(n, v)| n == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

fn el_name(n: &NodeRef) -> String {
    n.node_name().map(|s| s.to_ascii_lowercase()).unwrap_or_default()
}

/// Whether a node sits in a part of the page that is not the article:
/// comments, related posts, sidebars, footers.
fn in_chrome(n: &NodeRef) -> bool {
    n.ancestors_it(Some(40)).any(|a| {
        let name = el_name(&a);
        if name == "nav" || (name == "footer" && !is_article_footer(&a)) {
            return true;
        }
        // Page-wide classes on <body> ("single-post no-sidebar") say nothing.
        if matches!(name.as_str(), "body" | "html") {
            return false;
        }
        let class = a.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
        let id = a.attr("id").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
        class
            .split_whitespace()
            .chain(std::iter::once(id.as_str()))
            .any(is_chrome_token)
            && !is_layout_wrapper(&a)
    })
}

/// A `<footer>` inside an `<article>` closes the article itself: its author
/// and date line, not the page's footer.
fn is_article_footer(footer: &NodeRef) -> bool {
    footer.ancestors_it(Some(40)).any(|a| el_name(&a) == "article")
}

/// A block with a chrome name that holds the page's `<main>` or `<h1>` is
/// the frame of the article, not the chrome beside it: its name is that of
/// a layout ("content-area theme-sidebar", "story-template-sidebar").
/// (`<article>` does not count: comment lists wrap each comment in one.)
fn is_layout_wrapper(a: &NodeRef) -> bool {
    a.descendants_it()
        .any(|d| d.is_element() && matches!(el_name(&d).as_str(), "main" | "h1"))
}

/// A class or id naming a part of the page around the article.
fn is_chrome_token(t: &str) -> bool {
    const STARTS: [&str; 11] = [
        "comment",
        "related",
        "sidebar",
        "footer",
        "recommend",
        "popular",
        "trending",
        "respond",
        "more-stories",
        "widget-area",
        "site-footer",
    ];
    if ["no-", "has-", "with-", "single"].iter().any(|p| t.starts_with(p)) {
        return false;
    }
    !t.is_empty()
        && STARTS
            .iter()
            .any(|s| t.starts_with(s) || t.ends_with(&format!("-{s}")) || t.ends_with(&format!("_{s}")))
}

pub fn collect(doc: &Document) -> PageMeta {
    let mut pm = PageMeta::default();
    for n in doc.select("script").nodes() {
        let ty = n.attr("type").map(|t| t.to_ascii_lowercase()).unwrap_or_default();
        if ty.contains("ld+json") {
            parse_json_ld(&n.text(), &mut pm);
        }
    }
    pm.ld.sort_by_key(|t| {
        if t.is_article() {
            0
        } else if t.is_webpage() {
            1
        } else {
            2
        }
    });

    for n in doc.select("meta").nodes() {
        let Some(content) = n.attr("content") else {
            continue;
        };
        let content = clean_text(&content);
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = n.attr(key) {
                for k in k.split_whitespace() {
                    pm.meta.push((k.to_ascii_lowercase(), content.clone()));
                }
            }
        }
    }
    for n in doc.select("link").nodes() {
        if n.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
            pm.canonical = n.attr("href").map(|h| h.to_string());
        }
    }
    (pm.h1_zones, pm.reading) = heading_zones(doc);
    pm.title_tag = doc
        .select("title")
        .nodes()
        .first()
        .map(|n| clean_text(&n.text()))
        .filter(|t| !t.is_empty());
    for n in doc.select("h1").nodes() {
        let t = clean_text(&spaced_text(n));
        if !t.is_empty() && t.len() < 400 && !is_logo_heading(n) {
            pm.h1s.push(t);
        }
    }

    // Publication dates marked up in the body.
    for n in doc
        .select("time, [itemprop], [class*=date], [class*=Date], [class*=publish], [class*=posted]")
        .nodes()
    {
        let name = el_name(n);
        let itemprop = n.attr("itemprop").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        let class = n.attr("class").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        let modified = ["modif", "updat", "edit"]
            .iter()
            .any(|w| class.contains(w) || itemprop.contains(w))
            || update_context(n);
        if itemprop == "datepublished" || itemprop == "datecreated" {
            let v = n
                .attr("content")
                .or_else(|| n.attr("datetime"))
                .map(|s| s.to_string())
                .unwrap_or_else(|| n.text().to_string());
            pm.published_dates.push(clean_text(&v));
            continue;
        }
        if modified || in_chrome(n) {
            continue;
        }
        if name == "time" {
            if let Some(dt) = n.attr("datetime") {
                pm.published_dates.push(clean_text(&dt));
                continue;
            }
        }
        if (name == "time" || class.contains("date") || class.contains("publish") || class.contains("posted"))
            && !matches!(name.as_str(), "body" | "html" | "article" | "main" | "section")
        {
            let t = clean_text(&n.text());
            if !t.is_empty() && t.len() <= 80 {
                pm.date_texts.push(t);
            }
        }
    }

    // Bylines.
    for n in doc
        .select("[rel~=author], [itemprop~=author], [class*=byline], [class*=author], [class*=Author], [class*=Byline], [data-testid*=author]")
        .nodes()
    {
        if in_chrome(n) {
            continue;
        }
        let class = n.attr("class").map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        if ["avatar", "bio", "image", "img", "photo", "description", "desc", "social", "follow", "title", "label", "more"]
            .iter()
            .any(|w| class.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| part == *w))
        {
            continue;
        }
        let text = if n.attr("itemprop").is_some_and(|p| p.contains("author")) {
            let named = n.descendants_it().find(|d| d.attr("itemprop").is_some_and(|p| p.as_ref() == "name"));
            match named {
                Some(d) => d.attr("content").map(|s| s.to_string()).unwrap_or_else(|| d.text().to_string()),
                None => n.attr("content").map(|s| s.to_string()).unwrap_or_else(|| n.text().to_string()),
            }
        } else if let Some(d) = n.descendants_it().find(|d| {
            d.is_element()
                && (d.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("name"))
                    || d.attr("href").is_some_and(|h| h.contains("/author") || h.contains("/people/") || h.contains("/profile")))
        }) {
            lines_text(&d)
        } else {
            lines_text(n)
        };
        let lines: Vec<String> = text.lines().map(clean_text).filter(|l| !l.is_empty()).collect();
        let t = lines.join("\n");
        if !t.is_empty() && t.len() <= 300 {
            pm.bylines.push(t);
        }
    }
    pm
}

/// Whether a date element is labelled as an update by what surrounds it: a
/// class or id on a close ancestor (`date-last-reviewed`, `post-updated`),
/// or the words just before it in its parent ("Last updated <time>").
fn update_context(n: &NodeRef) -> bool {
    let marked = |a: &NodeRef| {
        ["class", "id"].iter().any(|k| {
            a.attr(k).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                ["modif", "updat", "review", "revis"].iter().any(|w| v.contains(w))
            })
        })
    };
    if n.ancestors_it(Some(3)).any(|a| marked(&a)) {
        return true;
    }
    let own = clean_text(&n.text());
    let Some(parent) = n.parent() else {
        return false;
    };
    let pt = clean_text(&parent.text());
    if pt.len() > 200 || own.is_empty() {
        return false;
    }
    let prefix = match pt.find(&own) {
        Some(i) => &pt[..i],
        None => return false,
    };
    let prefix = if prefix.trim().is_empty() {
        // `<p>Last updated</p><time>`: the label is the element before.
        n.prev_element_sibling()
            .map(|p| clean_text(&p.text()))
            .filter(|t| t.len() <= 60)
            .unwrap_or_default()
    } else {
        prefix.to_string()
    };
    super::dates::label_of(&prefix) == super::dates::DateLabel::Updated
}

/// Texts in reading order, skipping what is never shown, and the zones
/// around the `<h1>`s.
fn heading_zones(doc: &Document) -> (Vec<HeadingZone>, Vec<String>) {
    let mut texts: Vec<String> = Vec::new();
    let mut h1s: Vec<(String, usize, usize)> = Vec::new(); // heading, first text index, end index
                                                           // Explicit stack: (node, entering); deep pages must not overflow.
    let mut stack = vec![(doc.root(), true)];
    let mut open_h1: Vec<usize> = Vec::new();
    while let Some((n, entering)) = stack.pop() {
        if !entering {
            if let Some(start) = open_h1.pop() {
                let heading = clean_text(&texts[start..].join(" "));
                h1s.push((heading, start, texts.len()));
            }
            continue;
        }
        if n.is_text() {
            let t = clean_text(&n.text());
            if !t.is_empty() {
                texts.push(t);
            }
            continue;
        }
        let name = el_name(&n);
        if matches!(
            name.as_str(),
            "script"
                | "style"
                | "noscript"
                | "template"
                | "svg"
                | "head"
                | "select"
                | "option"
                | "button"
                | "nav"
                | "aside"
                | "footer"
                | "form"
        ) {
            continue;
        }
        if n.is_element() && name != "h1" {
            let class = n.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            let role = n.attr("role").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            // Utility-class tokens ("md:[grid-area:sidebar]") place an
            // element; they do not say what it is.
            let named = |w: &str| {
                class
                    .split_whitespace()
                    .any(|t| !t.contains(':') && !t.contains('[') && t.contains(w))
            };
            if role == "navigation"
                || ["breadcrumb", "menu", "navbar", "related", "sidebar"]
                    .iter()
                    .any(|w| named(w))
            {
                continue;
            }
        }
        if name == "h1" && h1s.len() + open_h1.len() < 20 {
            open_h1.push(texts.len());
            stack.push((n, false));
        }
        let children: Vec<_> = n.children_it(true).collect();
        for c in children {
            stack.push((c, true));
        }
    }
    let zones = h1s
        .into_iter()
        .map(|(heading, start, end)| zone_around(&texts, heading, start, end))
        .collect();
    (zones, texts)
}

/// The short texts just before `texts[start]` and just after `texts[end - 1]`
/// (a heading spanning `start..end`), up to the first long paragraph.
pub fn zone_around(texts: &[String], heading: String, start: usize, end: usize) -> HeadingZone {
    const BEFORE_CHARS: usize = 120;
    const AFTER_CHARS: usize = 250;
    const LONG_TEXT: usize = 140;
    const STANDFIRST_CHARS: usize = 400;
    let mut before = Vec::new();
    let mut budget = 0;
    for t in texts[..start].iter().rev() {
        if t.len() > LONG_TEXT || budget > BEFORE_CHARS {
            break;
        }
        budget += t.len();
        before.push(t.as_str());
    }
    before.reverse();
    let mut after = Vec::new();
    let mut budget = 0;
    for (k, t) in texts[end..].iter().enumerate() {
        // A standfirst right under the headline is passed over: the
        // byline and date often follow it.
        if k == 0 && t.len() > LONG_TEXT && t.len() <= STANDFIRST_CHARS {
            continue;
        }
        if t.len() > LONG_TEXT || budget > AFTER_CHARS || is_related_label(t) {
            break;
        }
        budget += t.len();
        after.push(t.as_str());
    }
    HeadingZone {
        heading,
        before: before.join(" \u{2029} "),
        after: after.join(" \u{2029} "),
    }
}

/// A label that opens a box of links to other pages ("Also see", "Related
/// articles"): what follows is their titles and dates, not the article's.
fn is_related_label(t: &str) -> bool {
    const LABELS: [&str; 11] = [
        "also see",
        "see also",
        "related",
        "related articles",
        "related posts",
        "related content",
        "read more",
        "read next",
        "more to read",
        "you may also like",
        "recommended",
    ];
    let k = t.trim().trim_end_matches(':').trim().to_lowercase();
    LABELS.contains(&k.as_str())
}

/// Text of an element with a line break at every element boundary except
/// inline formatting, so a byline block gives "By", "Ann Lee", "Editor".
pub fn lines_text(n: &NodeRef) -> String {
    let mut out = String::new();
    for d in n.descendants_it() {
        if d.is_text() {
            out.push_str(&d.text().replace('\n', " "));
        } else if d.is_element() {
            let name = el_name(&d);
            if !matches!(
                name.as_str(),
                "a" | "strong" | "b" | "em" | "i" | "u" | "abbr" | "font" | "bdi"
            ) {
                out.push('\n');
            }
        }
    }
    out
}

/// Text of an element with a space at element boundaries, so that
/// `<h1>Title<br>Subtitle</h1>` does not run the two together. A `<time>`
/// inside is a dateline styled into the heading, not part of its words:
/// it is left out.
pub fn spaced_text(n: &NodeRef) -> String {
    let in_time = |d: &NodeRef| {
        d.ancestors_it(None)
            .take_while(|a| a.id != n.id)
            .any(|a| el_name(&a) == "time")
    };
    let mut out = String::new();
    for d in n.descendants_it() {
        if d.is_text() {
            if !in_time(&d) {
                out.push_str(&d.text());
            }
        } else if d.is_element() {
            let name = el_name(&d);
            if matches!(name.as_str(), "br" | "div" | "p" | "span" | "small" | "li") {
                out.push(' ');
            }
        }
    }
    out
}

/// A site-name heading: `<h1 class="site-title"><a href="/">`, a logo.
fn is_logo_heading(n: &NodeRef) -> bool {
    let class = n.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    if [
        "logo",
        "site-title",
        "site-name",
        "brand",
        "masthead",
        "blog-title",
        "sitename",
    ]
    .iter()
    .any(|w| class.contains(w))
    {
        return true;
    }
    // Page-wide classes on <body> ("wp-custom-logo") say nothing about
    // the heading.
    if n.ancestors_it(Some(6)).any(|a| {
        if matches!(el_name(&a).as_str(), "body" | "html") {
            return false;
        }
        let c = a.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
        c.contains("logo") || c.contains("site-title") || c.contains("site-branding") || c.contains("navbar")
    }) {
        return true;
    }
    n.descendants_it().any(|d| {
        el_name(&d) == "a"
            && d.attr("href").is_some_and(|h| {
                let h = h.trim();
                h == "/" || h == "./" || (h.starts_with("http") && h.trim_end_matches('/').matches('/').count() == 2)
            })
    })
}

fn parse_json_ld(raw: &str, pm: &mut PageMeta) {
    let s = raw
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[");
    let s = s.trim_end().trim_end_matches("//]]>").trim_end_matches("]]>");
    let v: Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(_) => {
            // Raw control characters inside strings are the usual breakage.
            let fixed: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            match serde_json::from_str(&fixed) {
                Ok(v) => v,
                Err(_) => return,
            }
        }
    };
    // Index nodes by @id so `"author": {"@id": ...}` can be resolved.
    let mut by_id = std::collections::HashMap::new();
    index_ids(&v, &mut by_id, 0);
    walk(&v, &by_id, pm, 0);
}

fn index_ids<'a>(v: &'a Value, by_id: &mut std::collections::HashMap<String, &'a Value>, depth: usize) {
    if depth > 12 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| index_ids(x, by_id, depth + 1)),
        Value::Object(o) => {
            if let Some(Value::String(id)) = o.get("@id") {
                if o.len() > 1 {
                    by_id.entry(id.clone()).or_insert(v);
                }
            }
            o.values().for_each(|x| index_ids(x, by_id, depth + 1));
        }
        _ => {}
    }
}

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
        _ => vec![],
    }
}

fn resolve<'a>(v: &'a Value, by_id: &std::collections::HashMap<String, &'a Value>) -> &'a Value {
    if let Value::Object(o) = v {
        if o.len() == 1 {
            if let Some(Value::String(id)) = o.get("@id") {
                if let Some(r) = by_id.get(id) {
                    return r;
                }
            }
        }
    }
    v
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(clean_text(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("@value").or_else(|| o.get("name"))),
        _ => None,
    }
}

fn is_org_type(types: &[String]) -> bool {
    types.iter().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("organization")
            || t.contains("organisation")
            || t == "corporation"
            || t == "newsmediaorganization"
            || t == "website"
            || t.contains("business")
    })
}

fn walk(v: &Value, by_id: &std::collections::HashMap<String, &Value>, pm: &mut PageMeta, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk(x, by_id, pm, depth + 1)),
        Value::Object(o) => {
            let types = types_of(v);
            if types.iter().any(|t| t.eq_ignore_ascii_case("website")) {
                if let Some(n) = str_of(o.get("name")) {
                    pm.ld_site_names.push(n);
                }
            }
            let thing_like = types.iter().any(|t| {
                let l = t.to_ascii_lowercase();
                !matches!(
                    l.as_str(),
                    "person"
                        | "imageobject"
                        | "breadcrumblist"
                        | "listitem"
                        | "searchaction"
                        | "website"
                        | "videoobject"
                        | "faqpage"
                        | "question"
                        | "answer"
                ) && !is_org_type(std::slice::from_ref(t))
            });
            if thing_like {
                let mut t = LdThing {
                    types: types.clone(),
                    headline: str_of(o.get("headline")),
                    name: str_of(o.get("name")),
                    date_published: str_of(o.get("datePublished")),
                    date_created: str_of(o.get("dateCreated")),
                    ..Default::default()
                };
                if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                    collect_authors(a, by_id, &mut t, 0);
                }
                if let Some(p) = o.get("publisher") {
                    let p = resolve(p, by_id);
                    let p = if let Value::Array(a) = p {
                        a.first().unwrap_or(p)
                    } else {
                        p
                    };
                    t.publisher = str_of(p.get("name")).or_else(|| p.as_str().map(clean_text));
                }
                pm.ld.push(t);
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"] {
                if let Some(x) = o.get(key) {
                    if x.is_object() || x.is_array() {
                        walk(x, by_id, pm, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

fn collect_authors(v: &Value, by_id: &std::collections::HashMap<String, &Value>, t: &mut LdThing, depth: usize) {
    if depth > 4 {
        return;
    }
    let v = resolve(v, by_id);
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_authors(x, by_id, t, depth + 1)),
        Value::String(s) => {
            let s = clean_text(s);
            if !s.is_empty() && !s.starts_with("http") {
                t.authors.push(s);
            }
        }
        Value::Object(o) => {
            let types = types_of(v);
            let name = str_of(o.get("name")).or_else(|| {
                let given = str_of(o.get("givenName"))?;
                Some(match str_of(o.get("familyName")) {
                    Some(f) => format!("{given} {f}"),
                    None => given,
                })
            });
            if let Some(name) = name {
                if is_org_type(&types) {
                    t.org_authors.push(name);
                } else {
                    t.authors.push(name);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_meta_h1_and_zones() {
        let doc = Document::from(
            r#"<html><head><title> T </title><meta property="og:title" content="OG &amp;#038; more"><link rel="canonical" href="https://e.x/a"></head>
            <body><nav><h1>Menu</h1></nav><h1>Head<br>line</h1><p>By Ann</p><footer><time datetime="2001-01-01">x</time></footer></body></html>"#,
        );
        let pm = collect(&doc);
        assert_eq!(pm.title_tag.as_deref(), Some("T"));
        assert_eq!(pm.meta_first(&["og:title"]), Some("OG & more"));
        assert_eq!(pm.canonical.as_deref(), Some("https://e.x/a"));
        assert!(pm.h1s.contains(&"Head line".to_string()), "{:?}", pm.h1s);
        let z = pm.h1_zones.iter().find(|z| z.heading == "Head line").expect("zone");
        assert!(z.after.contains("By Ann"));
        assert!(
            pm.published_dates.is_empty(),
            "footer dates are chrome: {:?}",
            pm.published_dates
        );
    }

    #[test]
    fn a_layout_named_for_its_sidebar_is_not_chrome() {
        // The wrapper's class says the layout has a sidebar; it holds <main>.
        let doc = Document::from(
            r#"<html><body><div class="content-area theme-sidebar"><main><article>
            <span class="post-date">November 22, 2018</span><h2>Cheap fixes</h2></article></main>
            <aside class="widget-sidebar"><span class="post-date">May 1, 2020</span></aside></div></body></html>"#,
        );
        let pm = collect(&doc);
        assert_eq!(pm.date_texts, vec!["November 22, 2018".to_string()]);
    }

    #[test]
    fn an_articles_own_footer_is_not_chrome() {
        let doc = Document::from(
            r#"<html><body><article><h1>Remote work</h1><p>Text.</p>
            <footer class="author__meta"><span class="byline">Tariq Ayan</span><span class="meta-date">March 30, 2023</span></footer></article>
            <footer><span class="site-date">May 1, 2020</span></footer></body></html>"#,
        );
        let pm = collect(&doc);
        assert_eq!(pm.date_texts, vec!["March 30, 2023".to_string()]);
        assert!(pm.bylines.iter().any(|b| b == "Tariq Ayan"), "{:?}", pm.bylines);
    }

    #[test]
    fn a_time_inside_the_headline_is_not_part_of_it() {
        let doc = Document::from(
            r#"<html><body><h1><a href="/p"><time datetime="2025-12-18">Dec <span>18</span> 2025</time>
            Preparing a transition</a></h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(collect(&doc).h1s, vec!["Preparing a transition".to_string()]);
    }

    #[test]
    fn a_logo_class_on_body_does_not_make_the_headline_a_logo() {
        let doc = Document::from(
            r#"<html><body class="single wp-custom-logo"><main><div><h1>Best camping hammocks</h1></div></main>
            <header><div class="site-logo"><h1>CleverSite</h1></div></header></body></html>"#,
        );
        assert_eq!(collect(&doc).h1s, vec!["Best camping hammocks".to_string()]);
    }

    #[test]
    fn zone_ends_at_a_related_box() {
        let doc = Document::from(
            r#"<html><body><h1>Small business guide</h1><div>Share</div><div>Also see:</div>
            <div>Guidance</div><div>Publish date</div><time>17 Jan 2019</time></body></html>"#,
        );
        let pm = collect(&doc);
        let z = pm
            .h1_zones
            .iter()
            .find(|z| z.heading == "Small business guide")
            .expect("zone");
        assert!(z.after.contains("Share") && !z.after.contains("17 Jan 2019"), "{z:?}");
    }

    #[test]
    fn zone_passes_over_a_standfirst_to_the_byline() {
        let dek = "A standfirst that runs on for a while, saying what the piece is about and why it matters now, long enough that it reads as a paragraph of its own.";
        let body = "The first paragraph of the article proper, which is long and full of words, well past the length of any byline or dateline, so the zone ends here.";
        let doc = Document::from(format!(
            "<html><body><h1>Head</h1><p>{dek}</p><div>By Ann Lee</div><div>March 9, 2024</div><p>{body}</p><p>Short aside, June 1, 2020</p></body></html>"
        ));
        let pm = collect(&doc);
        let z = pm.h1_zones.iter().find(|z| z.heading == "Head").expect("zone");
        assert!(
            z.after.contains("By Ann Lee") && z.after.contains("March 9, 2024"),
            "{z:?}"
        );
        assert!(!z.after.contains("standfirst") && !z.after.contains("June 1"), "{z:?}");
        // Only the first long text is passed over.
        let doc = Document::from(format!(
            "<html><body><h1>Head</h1><p>{dek}</p><p>{body}</p><div>May 2, 2021</div></body></html>"
        ));
        let pm = collect(&doc);
        let z = pm.h1_zones.iter().find(|z| z.heading == "Head").expect("zone");
        assert!(!z.after.contains("May 2"), "{z:?}");
    }
}
