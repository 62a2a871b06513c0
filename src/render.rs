//! Render: tera templates over small per-page views (ids and the few fields
//! a page shows, never the whole site). Produces outputs in memory; the
//! output stage writes them.

use crate::config::Config;
use crate::graph::Site;
use crate::model::{Article, Diagnostic};
use crate::output::Output;
use crate::project::Project;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The templates every theme must provide, and the default theme's copy.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../themes/default/templates/base.html")),
    ("index.html", include_str!("../themes/default/templates/index.html")),
    ("article.html", include_str!("../themes/default/templates/article.html")),
    ("404.html", include_str!("../themes/default/templates/404.html")),
    ("atom.xml", include_str!("../themes/default/templates/atom.xml")),
];

const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../themes/default/static/style.css")),
    ("site.js", include_bytes!("../themes/default/static/site.js")),
];

/// Loaded templates and static files.
pub struct Theme {
    tera: tera::Tera,
    /// Site path (under `static/`) -> bytes.
    statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The default theme (built in), overridden by `themes/<name>/` and then
    /// by single templates in the project's `templates/`.
    pub fn load(project: &Project, config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (PathBuf, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, s)| {
                (
                    n.to_string(),
                    (PathBuf::from("themes/default/templates").join(n), s.to_string()),
                )
            })
            .collect();
        let mut statics: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
            .iter()
            .map(|(n, b)| (format!("static/{n}"), b.to_vec()))
            .collect();
        let mut diags = Vec::new();
        let theme_dir = project.theme_dir(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            diags.push(Diagnostic::error(
                "dossier.yaml",
                format!(
                    "theme `{}` not found: no directory {}",
                    config.theme,
                    project.relative(&theme_dir).display()
                ),
            ));
            return Err(diags);
        }
        for dir in [theme_dir.join("templates"), project.templates_dir()] {
            read_dir_files(&dir, &mut |rel, path| match std::fs::read_to_string(path) {
                Ok(s) => {
                    sources.insert(rel.to_string(), (project.relative(path).to_path_buf(), s));
                }
                Err(e) => diags.push(Diagnostic::error(
                    project.relative(path),
                    format!("cannot read template: {e}"),
                )),
            });
        }
        read_dir_files(&theme_dir.join("static"), &mut |rel, path| match std::fs::read(path) {
            Ok(b) => {
                statics.insert(format!("static/{rel}"), b);
            }
            Err(e) => diags.push(Diagnostic::error(project.relative(path), format!("cannot read: {e}"))),
        });
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".htm", ".xml"]);
        // Added together so `extends` resolves whatever the order.
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, (_, src))| (n.as_str(), src.as_str()))) {
            let file = |name: &str| {
                sources
                    .get(name)
                    .map_or_else(|| PathBuf::from(name), |(f, _)| f.clone())
            };
            let d = match e.kind() {
                tera::ErrorKind::SyntaxError(r) => template_error(&file(r.filename()), &e),
                tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
                    file(current),
                    format!("template extends `{parent}`, which does not exist"),
                ),
                _ => Diagnostic::error(project.relative(&project.templates_dir()), tera_message(&e)),
            };
            return Err(vec![d]);
        }
        statics.insert("static/syntax.css".into(), syntax_css().into_bytes());
        Ok(Theme { tera, statics })
    }
}

fn read_dir_files(dir: &Path, f: &mut dyn FnMut(&str, &Path)) {
    if !dir.is_dir() {
        return;
    }
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !e.file_type().is_file() {
            continue;
        }
        let Ok(rel) = e.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        f(&rel, e.path());
    }
}

fn tera_message(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// A template error with the template's file and line.
fn template_error(file: &Path, e: &tera::Error) -> Diagnostic {
    let (line, col, msg) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => (
            Some(r.span().start_line),
            Some(r.span().start_col + 1),
            r.message().to_string(),
        ),
        _ => (None, None, tera_message(e)),
    };
    let mut d = Diagnostic::error(file, format!("template error: {msg}"));
    d.line = line;
    d.column = col;
    d
}

/// Highlighting CSS for code, light and dark, from syntect's bundled themes.
fn syntax_css() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::css_for_theme_with_class_style;
    let ts = ThemeSet::load_defaults();
    let style = crate::extract::markdown::CODE_CLASS_STYLE;
    let light = css_for_theme_with_class_style(&ts.themes["InspiredGitHub"], style).unwrap_or_default();
    let dark = css_for_theme_with_class_style(&ts.themes["base16-ocean.dark"], style).unwrap_or_default();
    let scoped_dark: String = dark
        .lines()
        .map(|l| {
            if l.starts_with('.') {
                format!(":root[data-theme=\"dark\"] {l}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    format!(
        "/* generated from syntect's InspiredGitHub (light) and base16-ocean.dark (dark) */\n{light}\n{scoped_dark}\n\
         @media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        dark.lines()
            .map(|l| if l.starts_with('.') {
                format!(":root:not([data-theme=\"light\"]) {l}\n")
            } else {
                format!("{l}\n")
            })
            .collect::<String>()
    )
}

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
    id: &'a str,
    permalink: String,
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    date: Option<String>,
    date_display: Option<String>,
    date_inferred: bool,
    publisher: Option<&'a str>,
    source_file: Option<&'a str>,
    tags: &'a [String],
    summary: String,
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

/// The relative prefix from a page at `path` (e.g. `articles/x/index.html`) to the site root.
fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

struct Renderer<'a> {
    theme: &'a Theme,
    site: &'a Site,
    site_view: SiteView<'a>,
}

impl Renderer<'_> {
    fn page(
        &self,
        template: &str,
        path: &str,
        key: &'static str,
        value: &impl Serialize,
    ) -> Result<Output, Diagnostic> {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site_view);
        ctx.insert("root", &root_for(path));
        ctx.insert(key, value);
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| template_error(Path::new(template), &e))?;
        Ok(Output::new(path, html))
    }

    fn card(&self, i: usize) -> ArticleCard<'_> {
        let a = &self.site.articles[i];
        ArticleCard {
            url: article_url(a),
            title: &a.meta.title,
            subtitle: a.meta.subtitle.as_deref(),
            authors: &a.meta.authors,
            date: a.meta.date.map(|d| d.to_string()),
            date_display: a.meta.date.map(display_date),
            date_inferred: a.meta.date_inferred,
            publisher: a.meta.publisher.as_deref(),
            summary: a
                .meta
                .summary
                .clone()
                .unwrap_or_else(|| self.site.analyses[i].summary(280)),
        }
    }

    fn article(&self, i: usize) -> Result<Output, Diagnostic> {
        let a = &self.site.articles[i];
        let an = &self.site.analyses[i];
        let path = format!("{}index.html", article_url(a));
        let body = crate::extract::markdown::resolve_mentions(&an.html, |_| None);
        let page = ArticlePage {
            id: a.id.as_str(),
            permalink: self.site.config.absolute_url(&article_url(a)),
            title: &a.meta.title,
            subtitle: a.meta.subtitle.as_deref(),
            authors: &a.meta.authors,
            date: a.meta.date.map(|d| d.to_string()),
            date_display: a.meta.date.map(display_date),
            date_inferred: a.meta.date_inferred,
            publisher: a.meta.publisher.as_deref(),
            source_file: a.meta.source_file.as_deref(),
            tags: &a.meta.tags,
            summary: a.meta.summary.clone().unwrap_or_else(|| an.summary(200)),
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
            entity_groups: Vec::new(),
        };
        self.page("article.html", &path, "article", &page)
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

/// `site/data/articles.json`: a public contract; keep the field names.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    date: Option<String>,
    date_inferred: bool,
    publisher: Option<&'a str>,
    source_file: Option<&'a str>,
    url: String,
    entities: Vec<String>,
}

/// Render every page of the site.
pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<Output>, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let c = &site.config;
    let r = Renderer {
        theme,
        site,
        site_view: SiteView {
            title: &c.title,
            description: &c.description,
            language: &c.language,
            author: c.author.as_deref(),
            base_url: &c.base_url,
            has_entities: false,
            has_timeline: false,
        },
    };
    let mut results: Vec<Result<Output, Diagnostic>> =
        (0..site.articles.len()).into_par_iter().map(|i| r.article(i)).collect();

    let cards: Vec<ArticleCard> = site.chronological.iter().map(|&i| r.card(i)).collect();
    results.push(r.page("index.html", "index.html", "articles", &cards));
    results.push(r.page("404.html", "404.html", "page", &()));

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
                content: crate::extract::markdown::resolve_mentions(&site.analyses[i].html, |_| None),
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
    results.push(r.page("atom.xml", "atom.xml", "feed", &feed));

    let mut outputs = Vec::with_capacity(results.len() + 8);
    let mut diags = Vec::new();
    for res in results {
        match res {
            Ok(o) => outputs.push(o),
            Err(d) => diags.push(d),
        }
    }
    if !diags.is_empty() {
        diags.sort_by(|a, b| a.message.cmp(&b.message));
        diags.dedup();
        return Err(diags);
    }

    let records: Vec<ArticleRecord> = site
        .articles
        .iter()
        .map(|a| ArticleRecord {
            id: a.id.as_str(),
            title: &a.meta.title,
            subtitle: a.meta.subtitle.as_deref(),
            authors: &a.meta.authors,
            date: a.meta.date.map(|d| d.to_string()),
            date_inferred: a.meta.date_inferred,
            publisher: a.meta.publisher.as_deref(),
            source_file: a.meta.source_file.as_deref(),
            url: article_url(a),
            entities: Vec::new(),
        })
        .collect();
    outputs.push(Output::new("data/articles.json", json(&records)));
    outputs.push(Output::new("sitemap.xml", sitemap(site, &outputs)));
    outputs.push(Output::new(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {}\n", c.absolute_url("sitemap.xml")),
    ));
    for (path, bytes) in &theme.statics {
        outputs.push(Output::new(path.clone(), bytes.clone()));
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

pub fn json(v: &impl Serialize) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).expect("views serialise");
    b.push(b'\n');
    b
}

fn sitemap(site: &Site, outputs: &[Output]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<&str> = outputs
        .iter()
        .filter(|o| o.path.ends_with("index.html"))
        .map(|o| o.path.trim_end_matches("index.html"))
        .collect();
    paths.sort();
    for p in paths {
        let url = crate::extract::markdown::escape(&site.config.absolute_url(p));
        s.push_str(&format!("  <url><loc>{url}</loc></url>\n"));
    }
    s.push_str("</urlset>\n");
    s
}
