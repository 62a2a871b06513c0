//! Themes: the default theme built into the binary, overridden file by file
//! by the project's `themes/<name>/` and `templates/`, loaded and checked
//! once per build. Its fingerprint keys every rendered page.

use super::escape_html;
use crate::config::Config;
use crate::model::Diagnostic;
use crate::project::Project;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The templates every theme must provide, and the default theme's copy.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    (
        "article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    ("404.html", include_str!("../../themes/default/templates/404.html")),
    ("atom.xml", include_str!("../../themes/default/templates/atom.xml")),
    (
        "entity.html",
        include_str!("../../themes/default/templates/entity.html"),
    ),
    (
        "entities.html",
        include_str!("../../themes/default/templates/entities.html"),
    ),
    (
        "timeline.html",
        include_str!("../../themes/default/templates/timeline.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    ("graph.html", include_str!("../../themes/default/templates/graph.html")),
];

const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../themes/default/static/style.css")),
    ("site.js", include_bytes!("../../themes/default/static/site.js")),
    ("graph.js", include_bytes!("../../themes/default/static/graph.js")),
    ("favicon.svg", include_bytes!("../../themes/default/static/favicon.svg")),
];

/// Loaded templates and static files.
pub struct Theme {
    pub(super) tera: tera::Tera,
    /// Identifies the templates and the program that renders them: a page
    /// rendered under another fingerprint is rendered again.
    pub(super) fingerprint: u128,
    /// Template name -> the file it came from, for error messages.
    files: BTreeMap<String, PathBuf>,
    /// Site path (under `static/`) -> bytes.
    pub(super) statics: BTreeMap<String, Vec<u8>>,
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
        tera.set_escape_fn(escape_html);
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
        let fingerprint = theme_fingerprint(&sources);
        let files = sources.into_iter().map(|(n, (f, _))| (n, f)).collect();
        Ok(Theme {
            tera,
            fingerprint,
            files,
            statics,
        })
    }
}

impl Theme {
    /// A rendering error, reported against the template's file.
    pub(super) fn error(&self, template: &str, e: &tera::Error) -> Diagnostic {
        let name = match e.kind() {
            tera::ErrorKind::RenderingError(r) if !r.filename().is_empty() => r.filename().to_string(),
            _ => template.to_string(),
        };
        let file = self.files.get(&name).cloned().unwrap_or_else(|| PathBuf::from(name));
        template_error(&file, e)
    }
}

/// The template sources and the running program. The program counts
/// because filters and escaping live in it: a rebuilt binary (same version
/// or not) renders everything afresh rather than trust pages of another.
fn theme_fingerprint(sources: &BTreeMap<String, (PathBuf, String)>) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&crate::memo::program().to_le_bytes());
    for (name, (_, src)) in sources {
        for part in [name, src] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
    }
    h.digest128()
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
