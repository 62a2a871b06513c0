//! Render: tera templates over small per-page views (ids and the few fields
//! a page shows, never the whole site). Produces outputs in memory; the
//! output stage writes them.

use crate::graph::Site;
use crate::model::{Article, Diagnostic};
use crate::output::{Output, PageSink};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

mod data;
pub mod graph;
mod keys;
mod theme;

pub use data::json;
use data::json_to;
pub use keys::Keys;
pub use theme::Theme;
/// Site-wide values every page may show: small and cloned nowhere.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    author: Option<&'a str>,
    base_url: &'a str,
    has_entities: bool,
    has_timeline: bool,
}

#[derive(Serialize)]
struct ArticleCard<'a> {
    url: String,
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    date: Option<String>,
    date_display: Option<String>,
    date_inferred: bool,
    publisher: Option<&'a str>,
    summary: String,
}

#[derive(Serialize)]
struct EntityRef {
    name: String,
    kind: &'static str,
    url: String,
    mentions: usize,
}

#[derive(Serialize)]
struct EntityGroup {
    label: &'static str,
    entities: Vec<EntityRef>,
}

#[derive(Serialize)]
struct ArticlePage<'a> {
    /// The fields a list shows (title, byline, date, summary, url).
    #[serde(flatten)]
    card: ArticleCard<'a>,
    id: &'a str,
    permalink: String,
    source_file: Option<&'a str>,
    tags: &'a [String],
    body: String,
    headings: Vec<HeadingView<'a>>,
    entity_groups: Vec<EntityGroup>,
}

#[derive(Serialize)]
struct HeadingView<'a> {
    level: u8,
    id: &'a str,
    text: &'a str,
}

pub fn article_url(a: &Article) -> String {
    format!("articles/{}/", a.id)
}

pub fn display_date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// Tera's escaping, byte for byte (`&<>"'`), but writing unchanged runs
/// whole: the default writes each byte through a `dyn Write` call, which
/// was a tenth of a large site's build.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut from = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[from..i])?;
        out.write_all(entity)?;
        from = i + 1;
    }
    out.write_all(&bytes[from..])
}

/// The relative prefix from a page at `path` (e.g. `articles/x/index.html`) to the site root.
fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

struct Renderer<'a> {
    theme: &'a Theme,
    site: &'a Site,
    site_view: SiteView<'a>,
    out: &'a dyn PageSink,
    /// What pages are keyed on (what they all share, and each article's
    /// version), when the sink records page views; see [`PageSink::keep`].
    keys: Option<Keys>,
}

/// A page of the render stage: made now, or kept as the last build made it.
enum Page {
    Made(Output),
    Kept(String),
}

impl From<Output> for Page {
    fn from(o: Output) -> Page {
        Page::Made(o)
    }
}

/// The xxh3-128 hash of the bytes of `head` followed by `value` as JSON;
/// `None` if `value` does not serialise (then rendering fails on it too).
fn json_hash(head: &[&[u8]], value: &impl Serialize) -> Option<u128> {
    thread_local! {
        // serde writes in small pieces: hashing them one by one costs more
        // than collecting them and hashing once
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        for part in head {
            buf.extend_from_slice(part);
        }
        serde_json::to_writer(&mut *buf, value).ok()?;
        Some(xxhash_rust::xxh3::xxh3_128(buf))
    })
}

/// An article's card on the front page.
fn card(site: &Site, i: usize) -> ArticleCard<'_> {
    let a = &site.articles[i];
    ArticleCard {
        url: article_url(a),
        title: &a.meta.title,
        subtitle: a.meta.subtitle.as_deref(),
        authors: &a.meta.authors,
        date: a.meta.date.map(|d| d.to_string()),
        date_display: a.meta.date.map(display_date),
        date_inferred: a.meta.date_inferred,
        publisher: a.meta.publisher.as_deref(),
        summary: a.meta.summary.clone().unwrap_or_else(|| site.analyses[i].summary(280)),
    }
}

impl Renderer<'_> {
    fn page(&self, template: &str, path: &str, key: &'static str, value: &impl Serialize) -> Result<Page, Diagnostic> {
        // the page is a function of the template set, the program, the site
        // view and this context: when their hash is the one the last build
        // recorded for the page, it is kept without rendering
        let view = self.keys.as_ref().and_then(|k| {
            let base = k.base();
            let head = [
                &base.to_le_bytes()[..],
                template.as_bytes(),
                b"\0",
                path.as_bytes(),
                b"\0",
                key.as_bytes(),
                b"\0",
            ];
            json_hash(&head, value)
        });
        if self.kept(path, view) {
            return Ok(Page::Kept(path.to_string()));
        }
        self.render(template, path, key, value, view)
    }

    /// Whether the sink keeps `path` as the last build made it from `view`.
    fn kept(&self, path: &str, view: Option<u128>) -> bool {
        view.is_some_and(|v| self.out.keep(path, v))
    }

    /// A page whose view is `deps` (from [`keys::Keys`]) instead of its
    /// context's hash: when the last build recorded the same, the context
    /// is not even made.
    fn keyed_page<V: Serialize>(
        &self,
        template: &str,
        path: &str,
        key: &'static str,
        deps: Option<u128>,
        value: impl FnOnce() -> V,
    ) -> Result<Page, Diagnostic> {
        let view = deps.map(|d| keys::Key::new(d).str(template).str(path).str(key).finish());
        if self.kept(path, view) {
            return Ok(Page::Kept(path.to_string()));
        }
        self.render(template, path, key, &value(), view)
    }

    /// A file made outside the templates (the data files), keyed like
    /// [`Renderer::keyed_page`] and written as it is made: at 50,000
    /// articles the FtM file alone is about 350 MB.
    fn keyed_file(
        &self,
        path: &str,
        deps: impl FnOnce(&keys::Keys) -> u128,
        make: impl Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        let view = self.keys.as_ref().map(|k| keys::Key::new(deps(k)).str(path).finish());
        if !self.kept(path, view) {
            self.out.put_stream(path, view, &mut |w| make(w));
        }
    }

    fn render(
        &self,
        template: &str,
        path: &str,
        key: &'static str,
        value: &impl Serialize,
        view: Option<u128>,
    ) -> Result<Page, Diagnostic> {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site_view);
        ctx.insert("root", &root_for(path));
        ctx.insert(key, value);
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| self.theme.error(template, &e))?;
        let mut o = Output::new(path, html);
        o.view = view;
        Ok(Page::Made(o))
    }

    fn article(&self, i: usize) -> Result<Page, Diagnostic> {
        let a = &self.site.articles[i];
        let path = format!("{}index.html", article_url(a));
        let deps = self.keys.as_ref().map(|k| k.article_page(i));
        self.keyed_page("article.html", &path, "article", deps, || self.article_view(i, &path))
    }

    fn article_view(&self, i: usize, path: &str) -> ArticlePage<'_> {
        let a = &self.site.articles[i];
        let an = &self.site.analyses[i];
        let root = root_for(path);
        let local = &self.site.local_entities[i];
        let body = crate::extract::markdown::resolve_mentions(&self.site.bodies.get(i), |n| {
            local
                .get(n)
                .cloned()
                .flatten()
                .map(|id| format!("{root}entities/{id}/"))
        });
        ArticlePage {
            // the page's meta description is shorter than a list's summary
            card: ArticleCard {
                summary: a.meta.summary.clone().unwrap_or_else(|| an.summary(200)),
                ..card(self.site, i)
            },
            id: a.id.as_str(),
            permalink: self.site.config.absolute_url(&article_url(a)),
            source_file: a.meta.source_file.as_deref(),
            tags: &a.meta.tags,
            body,
            headings: an
                .headings
                .iter()
                .map(|h| HeadingView {
                    level: h.level,
                    id: &h.id,
                    text: &h.text,
                })
                .collect(),
            entity_groups: self.entity_groups(self.site.article_entities[i].iter().map(|(id, n)| (id, *n))),
        }
    }
}

#[derive(Serialize)]
struct FeedView {
    title: String,
    id: String,
    self_url: String,
    alternate_url: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    authors: Vec<String>,
    summary: String,
    content: String,
}

fn rfc3339(d: Option<jiff::civil::Date>) -> String {
    d.map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// Entries in a feed: the newest ones only, so feeds stay small.
const FEED_ENTRIES: usize = 50;

/// Where rendered pages go, as they are made: the site writer in a build,
/// a list in `check`. Keeps the paths for the sitemap and the errors for
/// the end, so no page is held longer than it takes to write it.
struct Sink<'a> {
    out: &'a dyn PageSink,
    pages: Mutex<Vec<String>>,
    errors: Mutex<Vec<Diagnostic>>,
}

impl Sink<'_> {
    fn take(&self, r: Result<impl Into<Page>, Diagnostic>) {
        match r.map(Into::into) {
            Ok(page) => {
                let path = match &page {
                    Page::Made(o) => &o.path,
                    Page::Kept(p) => p,
                };
                if path.ends_with("index.html") {
                    self.pages.lock().unwrap_or_else(|e| e.into_inner()).push(path.clone());
                }
                if let Page::Made(o) = page {
                    self.out.put(o);
                }
            }
            Err(d) => self.errors.lock().unwrap_or_else(|e| e.into_inner()).push(d),
        }
    }
}

/// Render every page of the site, handing each to `out` as soon as it is
/// made (from several threads), or keeping it where `out` says the last
/// build made it from the same view. On errors, what was handed over must
/// be discarded; the site writer does that when it is not finished.
pub fn render_site(site: &Site, theme: &Theme, out: &dyn PageSink) -> Result<(), Vec<Diagnostic>> {
    render_site_again(site, theme, out, None).map(drop)
}

/// [`render_site`], given the page keys of the last build of this process
/// (`prior`, see [`Keys::new`]); returns this build's, when `out` keeps
/// pages by them.
pub fn render_site_again(
    site: &Site,
    theme: &Theme,
    out: &dyn PageSink,
    prior: Option<Keys>,
) -> Result<Option<Keys>, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let sink = Sink {
        out,
        pages: Mutex::new(Vec::new()),
        errors: Mutex::new(Vec::new()),
    };
    let c = &site.config;
    let site_view = SiteView {
        title: &c.title,
        description: &c.description,
        language: &c.language,
        author: c.author.as_deref(),
        base_url: &c.base_url,
        has_entities: !site.entities.entities.is_empty(),
        has_timeline: !site.timeline.is_empty(),
    };
    let keys = out
        .wants_views()
        .then(|| json_hash(&[&theme.fingerprint.to_le_bytes()], &site_view))
        .flatten()
        .map(|base| Keys::new(site, base, prior));
    let renderer = Renderer {
        theme,
        site,
        site_view,
        out,
        keys,
    };
    // The page groups are independent: run them side by side, so the
    // sequential ones (the index, the feed, the data files) overlap the
    // parallel ones instead of leaving a core idle.
    let (r, sink) = (&renderer, &sink);
    rayon::scope(|s| {
        s.spawn(|_| {
            (0..site.articles.len())
                .into_par_iter()
                .for_each(|i| sink.take(r.article(i)));
        });
        s.spawn(|_| sink.take(r.index()));
        s.spawn(|_| r.entity_pages(sink));
        s.spawn(|_| r.timeline_pages(sink));
        s.spawn(|_| {
            sink.take(r.page("404.html", "404.html", "page", &()));
            sink.take(r.page("search.html", "search/index.html", "page", &()));
            // the graph's layout is made only when its page or file is
            if !site.entities.entities.is_empty() {
                let made = std::sync::OnceLock::new();
                let site_graph = || made.get_or_init(|| graph::site_graph(site));
                #[derive(Serialize)]
                struct GraphPage {
                    nodes: Vec<EntityRef>,
                    shown: usize,
                    total: usize,
                }
                let page = || GraphPage {
                    nodes: site_graph()
                        .nodes
                        .iter()
                        .map(|n| EntityRef {
                            name: n.1.clone(),
                            kind: n.2,
                            url: format!("entities/{}/", n.0),
                            mentions: n.5,
                        })
                        .collect(),
                    shown: site_graph().nodes.len(),
                    total: site.entities.entities.len(),
                };
                match r.keys.as_ref().and_then(|k| k.graph_only("site graph")) {
                    Some(deps) => {
                        sink.take(r.keyed_page("graph.html", "graph/index.html", "graph", Some(deps), page));
                        r.keyed_file("data/graph.json", |_| deps, |w| json_to(w, site_graph()));
                    }
                    None => {
                        sink.take(r.page("graph.html", "graph/index.html", "graph", &page()));
                        sink.take(Ok(Output::new("data/graph.json", json(site_graph()))));
                    }
                }
            }
        });
        s.spawn(|_| {
            let feed_entries = site
                .chronological
                .iter()
                .take(FEED_ENTRIES)
                .map(|&i| {
                    let a = &site.articles[i];
                    FeedEntry {
                        title: a.meta.title.clone(),
                        url: c.absolute_url(&article_url(a)),
                        updated: rfc3339(a.meta.date),
                        authors: a.meta.authors.clone(),
                        summary: site.analyses[i].summary(280),
                        content: crate::extract::markdown::resolve_mentions(&site.bodies.get(i), |_| None),
                    }
                })
                .collect::<Vec<_>>();
            let feed = FeedView {
                title: c.title.clone(),
                id: c.absolute_url("atom.xml"),
                self_url: c.absolute_url("atom.xml"),
                alternate_url: c.absolute_url(""),
                updated: rfc3339(site.articles.iter().filter_map(|a| a.meta.date).max()),
                author: c.author.clone().unwrap_or_else(|| c.title.clone()),
                entries: feed_entries,
            };
            sink.take(r.page("atom.xml", "atom.xml", "feed", &feed));
        });
        s.spawn(|_| {
            r.data_files();
        });
    });
    let mut diags = std::mem::take(&mut *sink.errors.lock().unwrap_or_else(|e| e.into_inner()));
    if !diags.is_empty() {
        diags.sort_by(|a, b| a.message.cmp(&b.message));
        diags.dedup();
        return Err(diags);
    }

    for (old, new) in &site.entities.redirects {
        if !site.entities.entities.contains_key(old) {
            sink.take(Ok(Output::new(
                format!("entities/{old}/index.html"),
                redirect_page(&format!("../{new}/")),
            )));
        }
    }
    let pages = std::mem::take(&mut *sink.pages.lock().unwrap_or_else(|e| e.into_inner()));
    // the sitemap lists every page: keyed on the set of pages (a sum of
    // their paths' hashes, as they come in any order), it is made only when
    // a page came or went (making it was a tenth of a one-article rebuild)
    let view = renderer.keys.as_ref().map(|k| k.sitemap(&pages));
    if !renderer.kept("sitemap.xml", view) {
        let mut o = Output::new("sitemap.xml", sitemap(site, &pages));
        o.view = view;
        out.put(o);
    }
    sink.take(Ok(Output::new(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {}\n", c.absolute_url("sitemap.xml")),
    )));
    for (path, bytes) in &theme.statics {
        sink.take(Ok(Output::new(path.clone(), bytes.clone())));
    }
    Ok(renderer.keys)
}

/// `pages`: every `index.html` path.
fn sitemap(site: &Site, pages: &[String]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<&str> = pages.iter().map(|p| p.trim_end_matches("index.html")).collect();
    paths.sort_unstable();
    for p in paths {
        let url = crate::extract::markdown::escape(&site.config.absolute_url(p));
        s.push_str(&format!("  <url><loc>{url}</loc></url>\n"));
    }
    s.push_str("</urlset>\n");
    s
}

fn redirect_page(to: &str) -> String {
    let to = crate::extract::markdown::escape(to);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\"><link rel=\"canonical\" href=\"{to}\"></head>\
         <body><p>This page has moved to <a href=\"{to}\">{to}</a>.</p></body></html>\n"
    )
}

/// A date at its precision, for reading.
pub fn display_event_date(d: &crate::model::EventDate) -> String {
    use crate::model::EventDate;
    match d {
        EventDate::Day(d) => display_date(*d),
        EventDate::Week(d) => format!("week of {}", display_date(*d)),
        EventDate::Month { .. } => d.first_day().strftime("%B %Y").to_string(),
        EventDate::Year(y) => y.to_string(),
    }
}

#[derive(Serialize)]
struct EventView {
    date: String,
    date_display: String,
    precision: &'static str,
    html: String,
    url: Option<String>,
    article_title: Option<String>,
    entities: String,
    types: String,
    uncertain: bool,
}

#[derive(Serialize)]
struct MentionView {
    html: String,
    url: String,
}

#[derive(Serialize)]
struct BacklinkArticle<'a> {
    title: &'a str,
    url: String,
    date: Option<String>,
    date_display: Option<String>,
    publisher: Option<&'a str>,
    mentions: Vec<MentionView>,
}

#[derive(Serialize)]
struct EntityPage<'a> {
    id: &'a str,
    permalink: String,
    name: &'a str,
    kind: &'static str,
    kind_label: &'static str,
    kind_plural: &'static str,
    aliases: Vec<&'a str>,
    description: Option<&'a str>,
    links: Vec<&'a str>,
    notes: Option<String>,
    article_count: usize,
    mention_count: usize,
    first_date: Option<String>,
    last_date: Option<String>,
    articles: Vec<BacklinkArticle<'a>>,
    related: Vec<EntityRef>,
    events: Vec<EventView>,
    /// Inline SVG of the neighbourhood (built here, names escaped).
    graph_svg: Option<String>,
}

#[derive(Serialize)]
struct EntityGroupFull {
    kind: &'static str,
    label: &'static str,
    entities: Vec<EntityRef>,
}

#[derive(Clone, Serialize)]
struct YearLink {
    year: i16,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct MonthGroup {
    id: String,
    label: String,
    events: Vec<EventView>,
}

#[derive(Serialize)]
struct TimelinePage {
    title: String,
    years: Vec<YearLink>,
    entities: Vec<EntityOption>,
    months: Vec<MonthGroup>,
}

#[derive(Clone, Serialize)]
struct EntityOption {
    id: String,
    name: String,
}

/// More events than this and the timeline is split into one page per year.
const TIMELINE_PAGE_LIMIT: usize = 300;
/// Latest events shown on the index page.
const INDEX_EVENTS: usize = 8;

fn kind_label(k: crate::model::EntityKind) -> &'static str {
    use crate::model::EntityKind::*;
    match k {
        Person => "Person",
        Organization => "Organisation",
        Place => "Place",
        Event => "Event",
        Other => "Other",
    }
}

impl Renderer<'_> {
    fn entity_ref(&self, id: &crate::model::EntityId, count: usize) -> Option<EntityRef> {
        let e = self.site.entities.entities.get(id)?;
        Some(EntityRef {
            name: e.name.clone(),
            kind: e.kind.as_str(),
            url: format!("entities/{id}/"),
            mentions: count,
        })
    }

    fn entity_groups<'x>(&self, ids: impl Iterator<Item = (&'x crate::model::EntityId, usize)>) -> Vec<EntityGroup> {
        let mut by_kind: BTreeMap<crate::model::EntityKind, Vec<EntityRef>> = BTreeMap::new();
        for (id, n) in ids {
            if let Some(r) = self.entity_ref(id, n) {
                let kind = self.site.entities.entities[id].kind;
                by_kind.entry(kind).or_default().push(r);
            }
        }
        by_kind
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
                EntityGroup {
                    label: k.label_plural(),
                    entities: v,
                }
            })
            .collect()
    }

    /// A sentence as HTML: escaped, entity mentions linked (relative to
    /// `root`), and optionally one span highlighted instead of linked.
    fn sentence_html(&self, article: usize, sentence: usize, root: &str, highlight: Option<(usize, usize)>) -> String {
        use crate::extract::markdown::escape;
        let an = &self.site.analyses[article];
        let text = &an.sentences[sentence];
        let local = &self.site.local_entities[article];
        let mut spans: Vec<(usize, usize, Option<String>)> = Vec::new();
        if let Some((s, e)) = highlight {
            spans.push((s, e, None));
        } else {
            for m in an.names.mentions.iter().filter(|m| m.sentence == sentence) {
                if let Some(Some(id)) = local.get(m.name) {
                    spans.push((m.start, m.end, Some(format!("{root}entities/{id}/"))));
                }
            }
        }
        spans.sort();
        let mut out = String::with_capacity(text.len() + 64);
        let mut pos = 0;
        for (s, e, link) in spans {
            if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            out.push_str(&escape(&text[pos..s]));
            match link {
                Some(href) => out.push_str(&format!(
                    "<a class=\"m\" href=\"{}\">{}</a>",
                    escape(&href),
                    escape(&text[s..e])
                )),
                None => out.push_str(&format!("<mark>{}</mark>", escape(&text[s..e]))),
            }
            pos = e;
        }
        out.push_str(&escape(&text[pos..]));
        out
    }

    fn event_view(&self, e: &crate::graph::timeline::Event, root: &str) -> EventView {
        let (html, url, title) = match (e.article, e.sentence) {
            (Some(a), Some(s)) => (
                self.sentence_html(a, s, root, None),
                Some(format!("{}#s-{}", article_url(&self.site.articles[a]), s + 1)),
                Some(self.site.articles[a].meta.title.clone()),
            ),
            (Some(a), None) => (
                crate::extract::markdown::escape(&e.text),
                Some(article_url(&self.site.articles[a])),
                Some(self.site.articles[a].meta.title.clone()),
            ),
            _ => (crate::extract::markdown::escape(&e.text), None, None),
        };
        let mut types: Vec<&str> = e
            .entities
            .iter()
            .filter_map(|id| self.site.entities.entities.get(id).map(|x| x.kind.as_str()))
            .collect();
        types.sort();
        types.dedup();
        EventView {
            date: e.date.iso(),
            date_display: display_event_date(&e.date),
            precision: e.date.precision(),
            html,
            url,
            article_title: title,
            entities: e.entities.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" "),
            types: types.join(" "),
            uncertain: e.uncertain,
        }
    }

    fn index(&self) -> Result<Page, Diagnostic> {
        let events: Vec<EventView> = self
            .site
            .timeline
            .iter()
            .rev()
            .take(INDEX_EVENTS)
            .map(|e| self.event_view(e, ""))
            .collect();
        // it lists every article: it is keyed on each card's hash, kept
        // from the last build for the articles whose source is the same
        // (making every card to hash it was a fifth of a one-article
        // rebuild's rendering at 10,000 articles)
        let view = self
            .keys
            .as_ref()
            .and_then(|k| k.index(self.site, json_hash(&[], &events)?));
        if self.kept("index.html", view) {
            return Ok(Page::Kept("index.html".to_string()));
        }
        let cards: Vec<ArticleCard> = self.site.chronological.iter().map(|&i| card(self.site, i)).collect();
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site_view);
        ctx.insert("root", "");
        ctx.insert("articles", &cards);
        ctx.insert("events", &events);
        let html = self
            .theme
            .tera
            .render("index.html", &ctx)
            .map_err(|e| self.theme.error("index.html", &e))?;
        let mut o = Output::new("index.html", html);
        o.view = view;
        Ok(Page::Made(o))
    }

    fn entity_pages(&self, sink: &Sink) {
        use rayon::prelude::*;
        let ents: Vec<_> = self.site.entities.entities.values().collect();
        ents.par_iter().for_each(|e| {
            for page in self.entity_page(e) {
                sink.take(page);
            }
        });
        if ents.is_empty() {
            return;
        }
        // the index of entities, grouped by type: the graph alone, so with
        // its key it is keyed on it, and its groups made only when it changed
        let groups = || {
            let mut by_kind: BTreeMap<crate::model::EntityKind, Vec<EntityRef>> = BTreeMap::new();
            for e in &ents {
                let articles = self.site.article_count(&e.id);
                by_kind.entry(e.kind).or_default().push(EntityRef {
                    name: e.name.clone(),
                    kind: e.kind.as_str(),
                    url: format!("entities/{}/", e.id),
                    mentions: articles,
                });
            }
            by_kind
                .into_iter()
                .map(|(k, mut v)| {
                    v.sort_by(|a, b| {
                        a.name
                            .to_lowercase()
                            .cmp(&b.name.to_lowercase())
                            .then_with(|| a.url.cmp(&b.url))
                    });
                    EntityGroupFull {
                        kind: k.as_str(),
                        label: k.label_plural(),
                        entities: v,
                    }
                })
                .collect::<Vec<_>>()
        };
        let (template, path) = ("entities.html", "entities/index.html");
        sink.take(match self.keys.as_ref().and_then(|k| k.graph_only("entities index")) {
            Some(deps) => self.keyed_page(template, path, "groups", Some(deps), groups),
            None => self.page(template, path, "groups", &groups()),
        });
    }

    /// An entity's page and its feed.
    fn entity_page(&self, e: &crate::graph::entities::Entity) -> [Result<Page, Diagnostic>; 2] {
        let path = format!("entities/{}/index.html", e.id);
        let feed_path = format!("entities/{}/atom.xml", e.id);
        let deps = self.keys.as_ref().and_then(|k| k.entity_page(&e.id));
        [
            self.keyed_page("entity.html", &path, "entity", deps, || self.entity_view(e, &path)),
            self.keyed_page("atom.xml", &feed_path, "feed", deps, || self.entity_feed(e)),
        ]
    }

    fn entity_view<'e>(&'e self, e: &'e crate::graph::entities::Entity, path: &str) -> EntityPage<'e> {
        let root = root_for(path);
        let empty = Vec::new();
        let mentions = self.site.mentions.get(&e.id).unwrap_or(&empty);
        let mut articles: Vec<BacklinkArticle> = Vec::new();
        let mut last_article = usize::MAX;
        for m in mentions {
            if m.article != last_article {
                let a = &self.site.articles[m.article];
                articles.push(BacklinkArticle {
                    title: &a.meta.title,
                    url: article_url(a),
                    date: a.meta.date.map(|d| d.to_string()),
                    date_display: a.meta.date.map(display_date),
                    publisher: a.meta.publisher.as_deref(),
                    mentions: Vec::new(),
                });
                last_article = m.article;
            }
            let list = &mut articles.last_mut().expect("pushed above").mentions;
            let url = format!("{}#s-{}", article_url(&self.site.articles[m.article]), m.sentence + 1);
            if list.last().is_some_and(|v: &MentionView| v.url == url) {
                continue; // one line per sentence
            }
            list.push(MentionView {
                html: self.sentence_html(m.article, m.sentence, &root, Some((m.start, m.end))),
                url,
            });
        }
        let events: Vec<&crate::graph::timeline::Event> = self
            .site
            .events_by_entity
            .get(&e.id)
            .map(|v| v.iter().map(|&i| &self.site.timeline[i]).collect())
            .unwrap_or_default();
        let dated: Vec<crate::model::EventDate> = events.iter().map(|ev| ev.date).collect();
        let notes = e.registry.as_ref().filter(|r| !r.notes.trim().is_empty()).map(|r| {
            let parsed = crate::extract::markdown::parse(&r.notes);
            let html = crate::extract::markdown::render(parsed, &[], self.site.config.allow_raw_html).html;
            crate::extract::markdown::resolve_mentions(&html, |_| None)
        });
        let reg = e.registry.as_ref().map(|r| &r.meta);
        EntityPage {
            id: e.id.as_str(),
            permalink: self.site.config.absolute_url(&format!("entities/{}/", e.id)),
            name: &e.name,
            kind: e.kind.as_str(),
            kind_label: kind_label(e.kind),
            kind_plural: e.kind.label_plural(),
            aliases: e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect(),
            description: reg.and_then(|m| m.description.as_deref()),
            links: reg
                .map(|m| m.links.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            notes,
            article_count: articles.len(),
            mention_count: mentions.len(),
            first_date: dated.iter().min().map(display_event_date),
            last_date: dated.iter().max().map(display_event_date),
            related: self
                .site
                .related
                .get(&e.id)
                .map(|v| v.iter().filter_map(|(id, w)| self.entity_ref(id, *w)).collect())
                .unwrap_or_default(),
            events: events.iter().map(|ev| self.event_view(ev, &root)).collect(),
            graph_svg: graph::neighbourhood_svg(self.site, &e.id, &root),
            articles,
        }
    }

    /// A feed per entity: follow a person or an organisation.
    fn entity_feed(&self, e: &crate::graph::entities::Entity) -> FeedView {
        let mentions = self.site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
        let mut seen = BTreeSet::new();
        let entries: Vec<FeedEntry> = mentions
            .iter()
            .filter(|m| seen.insert(m.article))
            .take(FEED_ENTRIES)
            .map(|m| {
                let a = &self.site.articles[m.article];
                FeedEntry {
                    title: a.meta.title.clone(),
                    url: self.site.config.absolute_url(&article_url(a)),
                    updated: rfc3339(a.meta.date),
                    authors: a.meta.authors.clone(),
                    summary: self.site.analyses[m.article]
                        .sentences
                        .get(m.sentence)
                        .cloned()
                        .unwrap_or_default(),
                    content: String::new(),
                }
            })
            .collect();
        let c = &self.site.config;
        FeedView {
            title: format!("{}: {}", c.title, e.name),
            id: c.absolute_url(&format!("entities/{}/atom.xml", e.id)),
            self_url: c.absolute_url(&format!("entities/{}/atom.xml", e.id)),
            alternate_url: c.absolute_url(&format!("entities/{}/", e.id)),
            updated: entries
                .iter()
                .map(|x| x.updated.clone())
                .max()
                .unwrap_or_else(|| rfc3339(None)),
            author: c.author.clone().unwrap_or_else(|| c.title.clone()),
            entries,
        }
    }

    fn timeline_pages(&self, sink: &Sink) {
        use rayon::prelude::*;
        let events = &self.site.timeline;
        if events.is_empty() {
            return;
        }
        let mut used: BTreeSet<&crate::model::EntityId> = BTreeSet::new();
        for e in events {
            used.extend(e.entities.iter());
        }
        let options: Vec<EntityOption> = {
            let mut v: Vec<EntityOption> = used
                .iter()
                .filter_map(|id| self.site.entities.entities.get(*id))
                .map(|e| EntityOption {
                    id: e.id.to_string(),
                    name: e.name.clone(),
                })
                .collect();
            v.sort_by_key(|a| a.name.to_lowercase());
            v
        };
        let months = |evs: &[&crate::graph::timeline::Event], root: &str| -> Vec<MonthGroup> {
            let mut groups: Vec<MonthGroup> = Vec::new();
            for e in evs {
                let (id, label) = match e.date {
                    crate::model::EventDate::Year(y) => (format!("y{y}"), y.to_string()),
                    d => {
                        let f = d.first_day();
                        (format!("m{}", f.strftime("%Y-%m")), f.strftime("%B %Y").to_string())
                    }
                };
                if groups.last().is_none_or(|g| g.id != id) {
                    groups.push(MonthGroup {
                        id,
                        label,
                        events: Vec::new(),
                    });
                }
                groups.last_mut().expect("pushed").events.push(self.event_view(e, root));
            }
            groups
        };
        // the pages show the graph alone (events, their sentences and
        // entities, their articles' titles): with its key, they are keyed
        // on it, and made only when it changed
        let deps = self.keys.as_ref().and_then(|k| k.graph_only("timeline"));
        let put = |path: &str, page: &dyn Fn() -> TimelinePage| match deps {
            Some(d) => self.keyed_page("timeline.html", path, "timeline", Some(d), page),
            None => self.page("timeline.html", path, "timeline", &page()),
        };
        let all: Vec<&crate::graph::timeline::Event> = events.iter().collect();
        if events.len() <= TIMELINE_PAGE_LIMIT {
            let page = || TimelinePage {
                title: "Timeline".into(),
                years: Vec::new(),
                entities: options.clone(),
                months: months(&all, "../"),
            };
            sink.take(put("timeline/index.html", &page));
            return;
        }
        let mut by_year: BTreeMap<i16, Vec<&crate::graph::timeline::Event>> = BTreeMap::new();
        for e in &all {
            by_year.entry(e.date.year()).or_default().push(e);
        }
        let years: Vec<YearLink> = by_year
            .iter()
            .rev()
            .map(|(y, v)| YearLink {
                year: *y,
                url: format!("timeline/{y}/"),
                count: v.len(),
            })
            .collect();
        let by_year_list: Vec<_> = by_year.iter().collect();
        by_year_list.par_iter().for_each(|(y, evs)| {
            let page = || TimelinePage {
                title: format!("Timeline: {y}"),
                years: Vec::new(),
                entities: Vec::new(),
                months: months(evs, "../../"),
            };
            sink.take(put(&format!("timeline/{y}/index.html"), &page));
        });
        let latest = by_year.values().next_back().cloned().unwrap_or_default();
        let page = || TimelinePage {
            title: "Timeline".into(),
            years: years.clone(),
            entities: options.clone(),
            months: months(&latest, "../"),
        };
        sink.take(put("timeline/index.html", &page));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_matches_tera_byte_for_byte() {
        for s in [
            "",
            "plain",
            "a & b < c > d \"e\" 'f'",
            "<<&&>>",
            "Erdoğan’s \"quote\" & co'",
            "&amp;",
        ] {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            super::escape_html(s, &mut ours).unwrap();
            tera::escape_html(s, &mut theirs).unwrap();
            assert_eq!(ours, theirs, "{s:?}");
        }
    }
}
