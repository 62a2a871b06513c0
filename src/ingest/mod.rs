//! Ingest: turns what the analyst collected in `seeds/` (text dumps, saved
//! HTML, Markdown) into `content/articles/<slug>.md`. This is the only module
//! that writes into `content/`.

/// `regex_fn!(name, r"...")` makes `fn name() -> &'static Regex`, which
/// compiles its pattern the first time it is asked for. The ingest rules
/// use dozens of such patterns.
macro_rules! regex_fn {
    ($(#[$doc:meta])* $vis:vis $name:ident, $pattern:expr $(,)?) => {
        $(#[$doc])*
        $vis fn $name() -> &'static regex::Regex {
            static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            RE.get_or_init(|| regex::Regex::new($pattern).expect("valid regex"))
        }
    };
}

pub mod html;
pub mod meta;
pub mod registry;
pub mod text;

use jiff::civil::Date;

/// What extraction found in one seed: metadata and a clean Markdown body.
/// This is also the `dossier extract` JSON contract.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedDoc {
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<Date>,
    /// The text does not state the publication date; it was inferred from evidence.
    pub date_inferred: bool,
    pub publisher: Option<String>,
    /// Markdown.
    pub body: String,
    /// Problems worth telling the analyst (no date found, lossy decoding, ...).
    pub warnings: Vec<String>,
}

/// The kind of seed, from its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedKind {
    Text,
    Html,
    Markdown,
}

impl SeedKind {
    pub fn from_path(path: &std::path::Path) -> Option<SeedKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(SeedKind::Text),
            "html" | "htm" | "xhtml" => Some(SeedKind::Html),
            "md" | "markdown" => Some(SeedKind::Markdown),
            _ => None,
        }
    }
}

/// Seeds larger than this are refused: no article is that long, and the
/// extractors are not meant to chew on data dumps.
pub const MAX_SEED_BYTES: usize = 20 * 1024 * 1024;

/// Decode a text seed: UTF-8 (with or without BOM), UTF-16 with BOM, else
/// lossy UTF-8 with a warning.
pub fn decode_text(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(format!("invalid {} sequences were replaced", enc.name()));
        }
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("the file is not valid UTF-8; invalid bytes were replaced".into());
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Extract one seed given its bytes. Errors are for files that cannot be an
/// article at all (empty, binary, too large); everything else gives a doc,
/// possibly with warnings.
pub fn extract_bytes(kind: SeedKind, bytes: &[u8]) -> Result<ExtractedDoc, String> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(format!(
            "the file is {} MB, over the {} MB limit for a seed",
            bytes.len() / (1024 * 1024),
            MAX_SEED_BYTES / (1024 * 1024)
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty".into());
    }
    if looks_binary(bytes) {
        return Err("the file looks binary (NUL bytes), not text or HTML".into());
    }
    let mut warnings = Vec::new();
    let mut doc = match kind {
        SeedKind::Html => html::extract_html(bytes),
        SeedKind::Text => text::extract_text(&decode_text(bytes, &mut warnings)),
        SeedKind::Markdown => markdown_seed(&decode_text(bytes, &mut warnings)),
    };
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    if doc.title.trim().is_empty() && doc.body.trim().is_empty() {
        return Err("no article text found".into());
    }
    Ok(doc)
}

fn looks_binary(bytes: &[u8]) -> bool {
    // UTF-16 text has NULs but starts with a BOM, which decode_text handles.
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}

/// A Markdown seed keeps its body; its title comes from front matter or the
/// first heading (the loader handles front matter that is already there).
fn markdown_seed(text: &str) -> ExtractedDoc {
    let mut title = String::new();
    let mut body = String::new();
    for line in text.lines() {
        if title.is_empty() {
            if let Some(h) = line.strip_prefix("# ") {
                title = h.trim().to_string();
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            if !line.starts_with('#') {
                title = line.trim().to_string();
                continue;
            }
        }
        body.push_str(line);
        body.push('\n');
    }
    ExtractedDoc {
        title,
        body,
        ..Default::default()
    }
}

/// `dossier extract` for one file: the JSON line of the public contract.
pub fn extract_file_json(path: &std::path::Path) -> Result<String, String> {
    let kind = SeedKind::from_path(path).unwrap_or(SeedKind::Text);
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut doc = extract_bytes(kind, &bytes)?;
    if doc.date.is_none() {
        doc.warnings.push("no publication date found".into());
    }
    for w in &doc.warnings {
        eprintln!("{}: warning: {w}", path.display());
    }
    let v = serde_json::json!({
        "file": path.display().to_string(),
        "title": doc.title,
        "subtitle": doc.subtitle,
        "authors": doc.authors,
        "date": doc.date.map(|d| d.to_string()),
        "date_inferred": doc.date_inferred,
        "publisher": doc.publisher,
        "body": doc.body,
    });
    Ok(v.to_string())
}

use crate::model::{ArticleMeta, Diagnostic, Slug};
use crate::project::Project;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// What ingest remembers about each seed it wrote an article for, so it can
/// tell an analyst's edit from its own output. Kept in `content/.ingest.json`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IngestState {
    /// Seed path (relative to the root) -> record.
    pub seeds: BTreeMap<String, IngestRecord>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IngestRecord {
    pub seed_sha256: String,
    /// The article file, relative to the root.
    pub article: String,
    /// Hash of the bytes ingest wrote; a different hash now means the analyst edited it.
    pub written_sha256: String,
}

/// What one ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub written: Vec<PathBuf>,
    pub skipped: usize,
    /// Articles left alone because the analyst edited them (with `--force`).
    pub kept_edited: Vec<PathBuf>,
    pub undated: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Ingest every seed that has no article yet (with `force`, also re-ingest
/// seeds whose article ingest wrote and nobody edited since).
pub fn ingest(project: &Project, force: bool) -> std::io::Result<IngestReport> {
    let mut report = IngestReport::default();
    let seeds_dir = project.seeds_dir();
    if !seeds_dir.is_dir() {
        return Ok(report);
    }
    let state_file = project.ingest_state_file();
    let mut state: IngestState = match std::fs::read(&state_file) {
        Ok(b) => serde_json::from_slice(&b).unwrap_or_else(|_| {
            report.diagnostics.push(Diagnostic::warning(
                project.relative(&state_file),
                "ingest state is unreadable; it is rebuilt (edited articles are still never overwritten)",
            ));
            IngestState::default()
        }),
        Err(_) => IngestState::default(),
    };
    let articles_dir = project.articles_dir();
    let mut seeds: Vec<PathBuf> = walkdir::WalkDir::new(&seeds_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        // a README in seeds/ (`dossier init` writes one) explains the
        // folder to people; it is not an article
        .filter(|p| {
            !p.file_stem()
                .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case("readme"))
        })
        .collect();
    seeds.sort();
    // each seed with its path in messages and state, and the article the
    // state says ingest wrote for it, when that file is still there
    let seeds: Vec<(PathBuf, String, Option<PathBuf>)> = seeds
        .into_iter()
        .map(|seed| {
            let rel = project.relative(&seed).to_string_lossy().replace('\\', "/");
            let known = state
                .seeds
                .get(&rel)
                .map(|r| project.root.join(&r.article))
                .filter(|p| p.exists());
            (seed, rel, known)
        })
        .collect();

    // Seeds that already have an article, by the article's `source_file`,
    // and the article names in use. Reading every article for them is most
    // of a no-op ingest (a second at 50,000 articles), so it is done only
    // when some seed is not known from the state to have its article, or
    // with `force`, which must find the article the analyst may have moved.
    let mut existing_sources: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut taken: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let all_known = seeds
        .iter()
        .all(|(seed, _, known)| SeedKind::from_path(seed).is_none() || known.is_some());
    if force || !all_known {
        for path in crate::load::markdown_files(&articles_dir, &mut Vec::new(), project) {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                taken.insert(stem.to_string());
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                if let Some(src) = source_file_of(&text) {
                    existing_sources.insert(src, path.clone());
                }
            }
        }
    }

    let mut todo: Vec<(PathBuf, String, SeedKind)> = Vec::new();
    for (seed, rel, known) in seeds {
        let Some(kind) = SeedKind::from_path(&seed) else {
            if !seed.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                report.diagnostics.push(Diagnostic::warning(
                    project.relative(&seed),
                    "not a seed type dossier reads (.txt, .html, .htm, .md); skipped",
                ));
            }
            continue;
        };
        let article = existing_sources.get(&rel).cloned().or(known);
        match article {
            None => todo.push((seed, rel, kind)),
            Some(path) if force => {
                let unedited = state.seeds.get(&rel).is_some_and(|r| {
                    std::fs::read(&path)
                        .map(|b| sha256_hex(&b) == r.written_sha256)
                        .unwrap_or(false)
                });
                if unedited {
                    todo.push((seed, rel, kind));
                } else {
                    report.kept_edited.push(project.relative(&path).to_path_buf());
                }
            }
            Some(_) => report.skipped += 1,
        }
    }

    use rayon::prelude::*;
    let extracted: Vec<_> = todo
        .par_iter()
        .map(|(seed, rel, kind)| {
            let bytes = std::fs::read(seed);
            let res = bytes.map_err(|e| e.to_string()).and_then(|b| {
                let sha = sha256_hex(&b);
                extract_bytes(*kind, &b).map(|d| (d, sha, b))
            });
            (seed, rel, *kind, res)
        })
        .collect();

    for (seed, rel, kind, res) in extracted {
        let seed_rel = project.relative(seed).to_path_buf();
        let (doc, sha, bytes) = match res {
            Ok(x) => x,
            Err(e) => {
                report
                    .diagnostics
                    .push(Diagnostic::warning(&seed_rel, format!("not ingested: {e}")));
                continue;
            }
        };
        for w in &doc.warnings {
            report.diagnostics.push(Diagnostic::warning(&seed_rel, w.clone()));
        }
        // Re-ingest (force) writes to the article it wrote before.
        let target = match state
            .seeds
            .get(rel)
            .map(|r| project.root.join(&r.article))
            .filter(|p| p.exists())
        {
            Some(p) => p,
            None => {
                let base = Slug::from_text(&doc.title)
                    .or_else(|| seed.file_stem().and_then(|s| Slug::from_text(&s.to_string_lossy())))
                    .unwrap_or_else(|| Slug::parse("article").expect("valid"));
                let mut name = base.to_string();
                let mut n = 2;
                while taken.contains(&name) {
                    name = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(name.clone());
                articles_dir.join(format!("{name}.md"))
            }
        };
        let text = if kind == SeedKind::Markdown && String::from_utf8_lossy(&bytes).starts_with("---") {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            let meta = ArticleMeta {
                title: if doc.title.trim().is_empty() {
                    seed.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default()
                } else {
                    doc.title.clone()
                },
                subtitle: doc.subtitle.clone(),
                authors: doc.authors.clone(),
                date: doc.date,
                date_inferred: doc.date_inferred,
                publisher: doc.publisher.clone(),
                source_file: Some(rel.clone()),
                source_sha256: Some(sha.clone()),
                ..Default::default()
            };
            crate::frontmatter::write(&meta, &doc.body)
        };
        std::fs::create_dir_all(&articles_dir)?;
        write_atomically(&target, text.as_bytes())?;
        let target_rel = project.relative(&target).to_path_buf();
        if doc.date.is_none() {
            report.undated.push(target_rel.clone());
        }
        state.seeds.insert(
            rel.clone(),
            IngestRecord {
                seed_sha256: sha,
                article: target_rel.to_string_lossy().replace('\\', "/"),
                written_sha256: sha256_hex(text.as_bytes()),
            },
        );
        report.written.push(target_rel);
    }
    if !report.written.is_empty() {
        let json = serde_json::to_vec_pretty(&state).expect("state serialises");
        write_atomically(&state_file, &json)?;
    }
    Ok(report)
}

/// The `source_file:` value of an article's front matter, read cheaply.
fn source_file_of(text: &str) -> Option<String> {
    let split = crate::frontmatter::split(text, Path::new("")).ok()?;
    split.yaml?.lines().find_map(|l| {
        l.strip_prefix("source_file:")
            .map(|v| v.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
    })
}

/// Write a file via a temporary sibling and a rename, so a crash never
/// leaves half an article.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
