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
    /// Each article file's [`Stamp`] when it was read, by file (relative).
    /// Only looked up, never listed: a hash map (paths compare slowly, and
    /// a rebuild looks up every article's).
    pub stamps: Stamps,
    /// The article files taken from a previous load ([`load_reusing`])
    /// rather than read: their articles come without their Markdown.
    pub kept: std::collections::HashSet<PathBuf>,
}

/// A file's size, modification time and inode: a file whose stamp did not
/// change is taken as unchanged, as `make` and cargo do. Lets a process that
/// builds again (`serve`) read only the articles that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    mtime_ns: i128,
    inode: u64,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(-1, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            mtime_ns,
            inode,
        }
    }
}

/// See [`Content::stamps`].
pub type Stamps = std::collections::HashMap<PathBuf, Stamp>;

/// Articles a previous load of this process read, by file (relative), with
/// the stamp each file had then: [`load_reusing`] takes those whose file
/// still has it instead of reading them.
pub type Loaded = std::collections::HashMap<PathBuf, (Stamp, Article)>;

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
    let id = article_id(&meta, rel).map_err(|e| {
        if meta.slug.is_none() {
            return e;
        }
        // an invalid `slug:` is pointed at
        let line = yaml
            .lines()
            .position(|l| l.starts_with("slug:"))
            .map_or(split.yaml_line, |i| split.yaml_line + i);
        e.at(line, Some(1))
    })?;
    Ok(Article {
        id,
        file: rel.to_path_buf(),
        meta,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// An article's id as read, before duplicates are told apart: the
/// front-matter `slug`, else the file name when it is a valid slug, else
/// the slug of the title. The error's position is the caller's to add.
/// A reused article's id is derived again, so that duplicates are told
/// apart as when every file is read.
fn article_id(meta: &ArticleMeta, rel: &Path) -> Result<Slug, Diagnostic> {
    match &meta.slug {
        Some(s) => Slug::parse(s).map_err(|e| Diagnostic::error(rel, format!("invalid slug: {e}"))),
        None => rel
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| Slug::parse(s).ok())
            .or_else(|| Slug::from_text(&meta.title))
            .ok_or_else(|| Diagnostic::error(rel, "cannot make a slug from the title").hint("add `slug:`")),
    }
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
    load_reusing(project, &mut Loaded::new())
}

/// [`load`], taking out of `loaded` each article whose file has the stamp
/// it had when it was read, instead of reading it again.
pub fn load_reusing(project: &Project, loaded: &mut Loaded) -> (Option<Content>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let config = match load_config(project) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };

    let files = markdown_files(&project.articles_dir(), &mut diags, project);
    let (articles, stamps, kept) = load_articles(project, &files, loaded, &mut diags);
    let registry = load_registry(project, &mut diags);
    (
        Some(Content {
            config,
            articles,
            registry,
            stamps,
            kept,
        }),
        diags,
    )
}

fn load_articles(
    project: &Project,
    files: &[PathBuf],
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Article>, Stamps, std::collections::HashSet<PathBuf>) {
    use rayon::prelude::*;
    // the stamp before the read: a file written after it is read again
    // next time, since its stamp will differ
    let stamped: Vec<(PathBuf, Option<Stamp>)> = files
        .par_iter()
        .map(|path| {
            let stamp = std::fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m));
            (project.relative(path).to_path_buf(), stamp)
        })
        .collect();
    let kept: Vec<Option<Article>> = stamped
        .iter()
        .map(|(rel, stamp)| match (loaded.remove(rel), stamp) {
            (Some((was, a)), Some(now)) if was == *now => Some(a),
            _ => None,
        })
        .collect();
    let kept_files = stamped
        .iter()
        .zip(&kept)
        .filter(|(_, k)| k.is_some())
        .map(|((rel, _), _)| rel.clone())
        .collect();
    let parsed: Vec<Result<Article, Diagnostic>> = files
        .par_iter()
        .zip(kept)
        .map(|(path, kept)| {
            let rel = project.relative(path);
            if let Some(mut a) = kept {
                a.id = article_id(&a.meta, rel)?;
                return Ok(a);
            }
            let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(rel, format!("cannot read: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Diagnostic::error(rel, format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
            })?;
            parse_article(&text, rel)
        })
        .collect();
    let mut stamps = Stamps::new();
    let mut articles = Vec::new();
    for (r, (rel, stamp)) in parsed.into_iter().zip(stamped) {
        match r {
            Ok(a) if a.meta.draft => {}
            Ok(a) => {
                if let Some(s) = stamp {
                    stamps.insert(rel, s);
                }
                articles.push(a);
            }
            Err(d) => diags.push(d),
        }
    }
    dedupe_article_ids(&mut articles, diags);
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    (articles, stamps, kept_files)
}

fn load_registry(project: &Project, diags: &mut Vec<Diagnostic>) -> Vec<RegistryEntry> {
    let mut registry = Vec::new();
    let mut by_id: BTreeMap<Slug, PathBuf> = BTreeMap::new();
    for path in markdown_files(&project.entities_dir(), diags, project) {
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
    registry
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a running server keeps is taken back only for files whose stamp
    /// is unchanged; an edited file is read again.
    #[test]
    fn only_files_with_the_same_stamp_are_taken_back() {
        let t = tempfile::tempdir().unwrap();
        let project = Project::new(t.path(), None);
        let dir = project.articles_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.md"), "---\ntitle: A\n---\n\nFirst.\n").unwrap();
        std::fs::write(dir.join("b.md"), "---\ntitle: B\n---\n\nSecond.\n").unwrap();
        let (content, _) = load(&project);
        let content = content.unwrap();
        let mut loaded: Loaded = content
            .articles
            .into_iter()
            .map(|a| {
                let stamp = content.stamps[&a.file];
                (
                    a.file.clone(),
                    (
                        stamp,
                        Article {
                            body: String::new(),
                            ..a
                        },
                    ),
                )
            })
            .collect();
        std::fs::write(dir.join("b.md"), "---\ntitle: B\n---\n\nSecond, edited.\n").unwrap();
        let (content, diags) = load_reusing(&project, &mut loaded);
        assert!(diags.is_empty(), "{diags:?}");
        let content = content.unwrap();
        let a = PathBuf::from("content/articles/a.md");
        assert_eq!(content.kept, [a.clone()].into_iter().collect());
        let body = |id: &str| {
            content
                .articles
                .iter()
                .find(|x| x.id.as_str() == id)
                .unwrap()
                .body
                .clone()
        };
        assert_eq!(body("a"), "", "taken back, without its text");
        assert!(body("b").contains("edited"), "read again");
        assert!(content.stamps.contains_key(&a));
    }
}
