//! Load: reads `content/` (articles and the entity registry) and
//! `dossier.yaml` into plain data, collecting every problem as a diagnostic
//! instead of stopping at the first. Writes nothing.

use crate::config::Config;
use crate::frontmatter;
use crate::model::{Article, ArticleMeta, Diagnostic, EntityMeta, RegistryEntry, Slug};
use crate::project::Project;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything read from the project, before any analysis.
#[derive(Debug, Clone)]
pub struct Content {
    pub config: Config,
    /// Sorted by id; drafts are left out.
    pub articles: Vec<Article>,
    pub registry: Vec<RegistryEntry>,
}

/// Markdown files under `dir`, sorted, not following symlinks (a link could
/// point outside the project or form a loop).
pub fn markdown_files(dir: &Path, diags: &mut Vec<Diagnostic>, project: &Project) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::warning(project.relative(dir), format!("cannot read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        let is_md = path.extension().is_some_and(|e| e == "md" || e == "markdown");
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.path_is_symlink() {
            if is_md {
                diags.push(Diagnostic::warning(
                    project.relative(path),
                    "symbolic links in content/ are not followed; the file is skipped",
                ));
            }
            continue;
        }
        if entry.file_type().is_file() && is_md && !hidden {
            files.push(path.to_path_buf());
        }
    }
    files
}

pub fn load_config(project: &Project) -> Result<Config, Diagnostic> {
    let file = project.config_file();
    match std::fs::read_to_string(&file) {
        Ok(text) => Config::parse(&text, project.relative(&file)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(Diagnostic::error(project.relative(&file), format!("cannot read: {e}"))),
    }
}

/// Read one article file. The id is the front-matter `slug`, else the file
/// name when it is a valid slug, else the slug of the title.
pub fn parse_article(text: &str, rel: &Path) -> Result<Article, Diagnostic> {
    let split = frontmatter::split(text, rel)?;
    let Some(yaml) = split.yaml else {
        return Err(Diagnostic::error(rel, "no front matter")
            .at(1, Some(1))
            .hint("start the file with `---`, a `title:` line and `---`"));
    };
    let meta: ArticleMeta = frontmatter::parse(yaml, split.yaml_line, rel, ArticleMeta::KEYS)?;
    if meta.title.trim().is_empty() {
        return Err(Diagnostic::error(rel, "`title` is empty").at(split.yaml_line, None));
    }
    let id = match &meta.slug {
        Some(s) => Slug::parse(s).map_err(|e| {
            let line = yaml
                .lines()
                .position(|l| l.starts_with("slug:"))
                .map_or(split.yaml_line, |i| split.yaml_line + i);
            Diagnostic::error(rel, format!("invalid slug: {e}")).at(line, Some(1))
        })?,
        None => rel
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| Slug::parse(s).ok())
            .or_else(|| Slug::from_text(&meta.title))
            .ok_or_else(|| Diagnostic::error(rel, "cannot make a slug from the title").hint("add `slug:`"))?,
    };
    Ok(Article {
        id,
        file: rel.to_path_buf(),
        meta,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

pub fn parse_registry_entry(text: &str, rel: &Path) -> Result<RegistryEntry, Diagnostic> {
    let split = frontmatter::split(text, rel)?;
    let Some(yaml) = split.yaml else {
        return Err(Diagnostic::error(rel, "no front matter")
            .at(1, Some(1))
            .hint("start with `---`, `name:`, `type:`, `---`"));
    };
    let meta: EntityMeta = frontmatter::parse(yaml, split.yaml_line, rel, EntityMeta::KEYS)?;
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let id = Slug::parse(stem).map_err(|e| {
        Diagnostic::error(rel, format!("the file name is not a valid entity id: {e}")).hint(format!(
            "rename it to {}.md",
            Slug::from_text(&meta.name).map(|s| s.to_string()).unwrap_or_default()
        ))
    })?;
    Ok(RegistryEntry {
        id,
        file: rel.to_path_buf(),
        meta,
        notes: split.body.to_string(),
    })
}

/// Load the whole project. Returns the content and all diagnostics; the
/// caller decides whether errors stop the build.
pub fn load(project: &Project) -> (Option<Content>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let config = match load_config(project) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };

    let files = markdown_files(&project.articles_dir(), &mut diags, project);
    let parsed: Vec<Result<Article, Diagnostic>> = {
        use rayon::prelude::*;
        files
            .par_iter()
            .map(|path| {
                let rel = project.relative(path);
                let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(rel, format!("cannot read: {e}")))?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    Diagnostic::error(rel, format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
                })?;
                parse_article(&text, rel)
            })
            .collect()
    };
    let mut articles = Vec::new();
    for r in parsed {
        match r {
            Ok(a) if a.meta.draft => {}
            Ok(a) => articles.push(a),
            Err(d) => diags.push(d),
        }
    }
    dedupe_article_ids(&mut articles, &mut diags);
    articles.sort_by(|a, b| a.id.cmp(&b.id));

    let mut registry = Vec::new();
    let mut by_id: BTreeMap<Slug, PathBuf> = BTreeMap::new();
    for path in markdown_files(&project.entities_dir(), &mut diags, project) {
        let rel = project.relative(&path);
        let r = std::fs::read_to_string(&path)
            .map_err(|e| Diagnostic::error(rel, format!("cannot read: {e}")))
            .and_then(|t| parse_registry_entry(&t, rel));
        match r {
            Ok(e) => {
                if let Some(other) = by_id.insert(e.id.clone(), e.file.clone()) {
                    diags.push(Diagnostic::error(
                        rel,
                        format!("entity id `{}` is also used by {}", e.id, other.display()),
                    ));
                    continue;
                }
                registry.push(e);
            }
            Err(d) => diags.push(d),
        }
    }
    registry.sort_by(|a, b| a.id.cmp(&b.id));
    (
        Some(Content {
            config,
            articles,
            registry,
        }),
        diags,
    )
}

/// Ids from explicit slugs (front matter or file name) must be unique: an
/// error names both files. Ids derived from titles get `-2`, `-3`, ...
fn dedupe_article_ids(articles: &mut [Article], diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<Slug, PathBuf> = BTreeMap::new();
    for a in articles.iter_mut() {
        if let Some(first) = seen.get(&a.id) {
            let explicit = a.meta.slug.is_some() || a.file.file_stem().and_then(|s| s.to_str()) == Some(a.id.as_str());
            if explicit {
                diags.push(
                    Diagnostic::error(
                        &a.file,
                        format!("slug `{}` is already used by {}", a.id, first.display()),
                    )
                    .hint("give one of them a different `slug:`"),
                );
                continue;
            }
            let mut n = 2;
            let new = loop {
                let cand = Slug::parse(&format!("{}-{n}", a.id)).expect("suffix keeps a slug valid");
                if !seen.contains_key(&cand) {
                    break cand;
                }
                n += 1;
            };
            a.id = new;
        }
        seen.insert(a.id.clone(), a.file.clone());
    }
}
