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
    pub kept: PathSet,
    /// Every article file found (as [`markdown_files`] gives them), drafts
    /// and unreadable files too: what a [`Listing`] starts from next time.
    pub listing: Vec<PathBuf>,
}

/// The article files as a file watcher knows them (`serve`): the last
/// load's [`Content::listing`], still complete, and which of its files
/// changed since. With it a load neither lists the folder again nor stamps
/// the files that did not change: at 10,000 articles that was a third of a
/// one-article rebuild. The watcher's caller decides that the listing still
/// holds (no file came or went).
pub struct Listing<'a> {
    pub files: Vec<PathBuf>,
    pub changed: &'a PathSet,
}

/// A file's size, modification time and inode: a file whose stamp did not
/// change is taken as unchanged, as `make` and cargo do. Lets a process that
/// builds again (`serve`) read only the articles that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

impl Stamp {
    /// Whether the file was last written at least `margin` before `when`:
    /// a file written again later has another stamp, even where the file
    /// system's clock is coarse (a file written twice within one tick, at
    /// the same length, would not).
    pub fn settled_before(&self, when: std::time::SystemTime, margin: std::time::Duration) -> bool {
        when.checked_sub(margin)
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .is_some_and(|t| self.mtime_ns >= 0 && self.mtime_ns < t.as_nanos() as i128)
    }
}

/// See [`Content::stamps`].
/// A map by file path. Paths are hashed with rustc's Fx hash rather than
/// the standard SipHash: a rebuild looks up every article file in several
/// of these maps, and SipHash over paths was most of a warm load's time.
/// The keys are the project's own files, so flooding them is no concern.
pub type PathMap<V> = std::collections::HashMap<PathBuf, V, rustc_hash::FxBuildHasher>;
/// A set of file paths (see [`PathMap`]).
pub type PathSet = std::collections::HashSet<PathBuf, rustc_hash::FxBuildHasher>;

pub type Stamps = PathMap<Stamp>;

/// Articles a previous load of this process read, by file (relative), with
/// the stamp each file had then: [`load_reusing`] takes those whose file
/// still has it instead of reading them.
pub type Loaded = PathMap<(Stamp, Article)>;

/// Markdown files under `dir`, sorted, not following symlinks (a link could
/// point outside the project or form a loop).
/// Does this path name a Markdown file?
fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md" || e == "markdown")
}

/// Is this the name of a file [`markdown_files`] lists?
fn is_article_name(path: &Path) -> bool {
    is_markdown(path) && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The most changed paths [`unchanged_listing`] looks at one by one.
const MOST_CHANGES_CHECKED: usize = 256;

/// Given the last listing of the article files (`files`, as
/// [`markdown_files`] gave them) and every path a file watcher saw change
/// since, the listed files that changed, when the listing still holds: each
/// change is to a listed file that is still a plain file, or to a path
/// under the articles folder that is neither an article file nor a folder
/// (an editor's swap or backup file). Anything else (a file outside the
/// folder, a new or deleted article, a folder made, moved or deleted) and
/// the folder must be listed again: `None`.
pub fn unchanged_listing(project: &Project, files: &[PathBuf], changes: &[PathBuf]) -> Option<PathSet> {
    let dir = project.articles_dir();
    let distinct: std::collections::BTreeSet<&PathBuf> = changes.iter().collect();
    // past this many, listing again costs less than checking each (a
    // checkout or a bulk edit): and a path that is not listed is compared
    // with every listed file
    if distinct.len() > MOST_CHANGES_CHECKED {
        return None;
    }
    let listed: std::collections::HashSet<&Path, rustc_hash::FxBuildHasher> =
        files.iter().map(PathBuf::as_path).collect();
    let mut changed = PathSet::default();
    for path in distinct {
        if !path.starts_with(&dir) || path == &dir {
            return None;
        }
        let meta = std::fs::symlink_metadata(path).ok();
        if listed.contains(path.as_path()) {
            if !meta.is_some_and(|m| m.file_type().is_file()) {
                return None;
            }
            changed.insert(path.clone());
        } else if is_article_name(path) || meta.is_some_and(|m| m.is_dir()) || files.iter().any(|f| f.starts_with(path))
        {
            return None;
        }
    }
    Some(changed)
}

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
        if entry.path_is_symlink() {
            if is_markdown(path) {
                diags.push(Diagnostic::warning(
                    project.relative(path),
                    "symbolic links in content/ are not followed; the file is skipped",
                ));
            }
            continue;
        }
        if entry.file_type().is_file() && is_article_name(path) {
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
    load_reusing(project, &mut Loaded::default(), None)
}

/// [`load`], taking out of `loaded` each article whose file has the stamp
/// it had when it was read, instead of reading it again. With a `listing`,
/// its files are the article files, and those it does not name as changed
/// are taken from `loaded` without looking at the file.
pub fn load_reusing(
    project: &Project,
    loaded: &mut Loaded,
    listing: Option<Listing<'_>>,
) -> (Option<Content>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let config = match load_config(project) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };

    let (files, changed) = match listing {
        Some(l) => (l.files, Some(l.changed)),
        None => (markdown_files(&project.articles_dir(), &mut diags, project), None),
    };
    let (articles, stamps, kept) = load_articles(project, &files, loaded, changed, &mut diags);
    let registry = load_registry(project, &mut diags);
    (
        Some(Content {
            config,
            articles,
            registry,
            stamps,
            kept,
            listing: files,
        }),
        diags,
    )
}

fn load_articles(
    project: &Project,
    files: &[PathBuf],
    loaded: &mut Loaded,
    changed: Option<&PathSet>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Article>, Stamps, PathSet) {
    use rayon::prelude::*;
    // the stamp before the read: a file written after it is read again
    // next time, since its stamp will differ. A file the watcher saw no
    // change to keeps the stamp it was read with.
    let stamped: Vec<(PathBuf, Option<Stamp>)> = files
        .par_iter()
        .map(|path| {
            let rel = project.relative(path).to_path_buf();
            let unchanged = changed.is_some_and(|c| !c.contains(path));
            let stamp = match loaded.get(&rel) {
                Some((was, _)) if unchanged => Some(*was),
                _ => std::fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m)),
            };
            (rel, stamp)
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
    let mut stamps = Stamps::default();
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

/// What a `dossier build` keeps of the articles it read, for the next
/// process (in `.dossier-cache/articles.bin`, see [`crate::memo`]): each
/// article without its Markdown, with its file's stamp and the hash of the
/// source its analysis was made from (see `site::extract`). The next build
/// takes back (see [`load_reusing`]) the articles whose file has the same
/// stamp, instead of reading and parsing every front matter again (a sixth
/// of a one-article rebuild at 10,000 articles), and looks up their analyses
/// by the kept source. Trusted only from the same program (the file's key),
/// and only while the lexicon fingerprint is the same (the source hashes
/// it); an article is kept only when its file was written well before it
/// was read (see [`Stamp::settled_before`]).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    /// The lexicon fingerprint the sources were hashed with.
    pub fingerprint: String,
    articles: Vec<SnapshotArticle>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SnapshotArticle {
    file: String,
    stamp: Stamp,
    meta: StoredMeta,
    body_line: usize,
    source: u128,
}

/// [`ArticleMeta`] as the snapshot stores it: every field, always (the
/// front matter's `serde` form leaves empty ones out, which a positional
/// format cannot read back). An article with `extra` fields is not kept.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct StoredMeta {
    title: String,
    subtitle: Option<String>,
    authors: Vec<String>,
    date: Option<(i16, i8, i8)>,
    date_inferred: bool,
    publisher: Option<String>,
    source_file: Option<String>,
    source_sha256: Option<String>,
    slug: Option<String>,
    summary: Option<String>,
    tags: Vec<String>,
    draft: bool,
    events: Vec<(String, String, Vec<String>, bool)>,
    entities: Vec<String>,
}

impl StoredMeta {
    fn of(meta: &ArticleMeta) -> Option<StoredMeta> {
        // destructured, so that a new field cannot be left out
        let ArticleMeta {
            title,
            subtitle,
            authors,
            date,
            date_inferred,
            publisher,
            source_file,
            source_sha256,
            slug,
            summary,
            tags,
            draft,
            events,
            entities,
            extra,
        } = meta;
        if !extra.is_empty() {
            return None;
        }
        Some(StoredMeta {
            title: title.clone(),
            subtitle: subtitle.clone(),
            authors: authors.clone(),
            date: date.map(|d| (d.year(), d.month(), d.day())),
            date_inferred: *date_inferred,
            publisher: publisher.clone(),
            source_file: source_file.clone(),
            source_sha256: source_sha256.clone(),
            slug: slug.clone(),
            summary: summary.clone(),
            tags: tags.clone(),
            draft: *draft,
            events: events
                .iter()
                .map(|e| {
                    let crate::model::CuratedEvent {
                        date,
                        title,
                        entities,
                        hide,
                    } = e;
                    (date.clone(), title.clone(), entities.clone(), *hide)
                })
                .collect(),
            entities: entities.clone(),
        })
    }

    fn into_meta(self) -> Option<ArticleMeta> {
        let date = match self.date {
            Some((y, m, d)) => Some(jiff::civil::Date::new(y, m, d).ok()?),
            None => None,
        };
        Some(ArticleMeta {
            title: self.title,
            subtitle: self.subtitle,
            authors: self.authors,
            date,
            date_inferred: self.date_inferred,
            publisher: self.publisher,
            source_file: self.source_file,
            source_sha256: self.source_sha256,
            slug: self.slug,
            summary: self.summary,
            tags: self.tags,
            draft: self.draft,
            events: self
                .events
                .into_iter()
                .map(|(date, title, entities, hide)| crate::model::CuratedEvent {
                    date,
                    title,
                    entities,
                    hide,
                })
                .collect(),
            entities: self.entities,
            extra: Default::default(),
        })
    }
}

/// How long before it was read an article's file must have been written
/// for the snapshot to keep it (see [`Stamp::settled_before`]).
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

impl Snapshot {
    /// The snapshot of `articles` (without their Markdown) read at `read`
    /// with `stamps`, whose analyses were made from `sources`.
    pub fn new(
        fingerprint: &str,
        articles: &[Article],
        sources: impl Iterator<Item = u128>,
        stamps: &Stamps,
        read: std::time::SystemTime,
    ) -> Snapshot {
        let articles = articles
            .iter()
            .zip(sources)
            .filter_map(|(a, source)| {
                let stamp = *stamps.get(&a.file)?;
                if !stamp.settled_before(read, SETTLED) {
                    return None;
                }
                Some(SnapshotArticle {
                    file: a.file.to_str()?.to_string(),
                    stamp,
                    meta: StoredMeta::of(&a.meta)?,
                    body_line: a.body_line,
                    source,
                })
            })
            .collect();
        Snapshot {
            fingerprint: fingerprint.to_string(),
            articles,
        }
    }

    /// The articles to take back (see [`load_reusing`]), and the source of
    /// each one's analysis, by file. `None` when a record does not make an
    /// article (a damaged snapshot).
    pub fn into_loaded(self) -> Option<(Loaded, PathMap<u128>)> {
        let n = self.articles.len();
        let mut loaded = Loaded::with_capacity_and_hasher(n, Default::default());
        let mut sources = PathMap::with_capacity_and_hasher(n, Default::default());
        for a in self.articles {
            let file = PathBuf::from(a.file);
            let meta = a.meta.into_meta()?;
            // the id is derived again when the article is taken back
            let id = article_id(&meta, &file).ok()?;
            sources.insert(file.clone(), a.source);
            let article = Article {
                id,
                file: file.clone(),
                meta,
                body: String::new(),
                body_line: a.body_line,
            };
            loaded.insert(file, (a.stamp, article));
        }
        Some((loaded, sources))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A watcher's changes keep the last listing only when each is to a
    /// listed file that is still a file, or to a path beside the articles
    /// that is no article file and no folder.
    #[test]
    fn a_listing_holds_only_for_edits_to_listed_files() {
        let t = tempfile::tempdir().unwrap();
        let project = Project::new(t.path(), None);
        let dir = project.articles_dir();
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["a.md", "b.md", "sub/c.md", "notes.txt"] {
            std::fs::write(dir.join(f), "---\ntitle: A\n---\n").unwrap();
        }
        let files = markdown_files(&dir, &mut Vec::new(), &project);
        assert_eq!(files.len(), 3);
        let holds = |changes: &[&str]| {
            let changes: Vec<PathBuf> = changes.iter().map(|c| t.path().join(c)).collect();
            unchanged_listing(&project, &files, &changes).map(|set| set.len())
        };
        assert_eq!(holds(&[]), Some(0));
        assert_eq!(holds(&["content/articles/a.md", "content/articles/sub/c.md"]), Some(2));
        // swap and backup files, and other files beside the articles
        assert_eq!(
            holds(&[
                "content/articles/.a.md.swp",
                "content/articles/a.md~",
                "content/articles/4913",
                "content/articles/notes.txt"
            ]),
            Some(0)
        );
        // a new article, a deleted one, a folder, a file elsewhere
        assert_eq!(holds(&["content/articles/new.md"]), None);
        std::fs::remove_file(dir.join("b.md")).unwrap();
        assert_eq!(holds(&["content/articles/b.md"]), None);
        assert_eq!(holds(&["content/articles/sub"]), None);
        std::fs::create_dir(dir.join("d")).unwrap();
        assert_eq!(holds(&["content/articles/d"]), None);
        assert_eq!(holds(&["content/entities/x.md"]), None);
        assert_eq!(holds(&["dossier.yaml"]), None);
        assert_eq!(holds(&["content/articles"]), None);
        // the same file many times is one change; too many files, a listing
        let again = vec!["content/articles/a.md"; 1000];
        assert_eq!(holds(&again), Some(1));
        let many: Vec<String> = (0..300).map(|n| format!("content/articles/{n}.md~")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(holds(&many), None);
        assert_eq!(holds(&many[..200]), Some(0));
    }

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
        let (content, diags) = load_reusing(&project, &mut loaded, None);
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

    /// The snapshot keeps an article only when its file was written well
    /// before it was read: a file written again within the file system's
    /// clock tick, at the same length, would keep its stamp.
    #[test]
    fn the_snapshot_keeps_only_settled_files_and_gives_them_back_whole() {
        let t = tempfile::tempdir().unwrap();
        let project = Project::new(t.path(), None);
        let dir = project.articles_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let text = "---\ntitle: A\nsubtitle: S\nauthors: [X, Y]\ndate: 2017-03-04\ndate_inferred: true\n\
                    publisher: P\nslug: a-slug\nsummary: Sum\ntags: [t]\n\
                    events: [{date: 2017, title: E, entities: [e], hide: true}]\nentities: [e]\n---\n\nFirst.\n";
        std::fs::write(dir.join("a.md"), text).unwrap();
        std::fs::write(dir.join("b.md"), "---\ntitle: B\n---\n\nSecond.\n").unwrap();
        let f = std::fs::File::options().write(true).open(dir.join("a.md")).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
            .unwrap();
        let (content, _) = load(&project);
        let content = content.unwrap();
        let sources = content.articles.iter().map(|a| a.body.len() as u128);
        let snapshot = Snapshot::new(
            "fp",
            &content.articles,
            sources,
            &content.stamps,
            std::time::SystemTime::now(),
        );
        assert_eq!(snapshot.fingerprint, "fp");
        let (loaded, sources) = snapshot.into_loaded().unwrap();
        let a = PathBuf::from("content/articles/a.md");
        assert_eq!(loaded.keys().collect::<Vec<_>>(), [&a], "b.md was written just now");
        let read = content.articles.iter().find(|x| x.file == a).unwrap();
        let (stamp, kept) = &loaded[&a];
        assert_eq!(*stamp, content.stamps[&a]);
        assert_eq!(
            (&kept.id, &kept.meta, kept.body_line),
            (&read.id, &read.meta, read.body_line)
        );
        assert_eq!(sources[&a], read.body.len() as u128);
    }
}
