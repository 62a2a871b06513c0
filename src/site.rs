//! The order of the stages: ingest new seeds, load, extract (parallel), build
//! the graph, render, write. Owns no logic of its own beyond that order.

use crate::load::Stamps;
use crate::model::Diagnostic;
use crate::project::Project;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Ingest seeds that have no article yet before building.
    pub ingest: bool,
    /// Overrides `base_url` from `dossier.yaml`.
    pub base_url: Option<String>,
    /// Show a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
    /// Reuse and store per-article extraction in `.dossier-cache/`.
    pub cache: bool,
    /// Read every cached body while extracting, checking it, rather than
    /// when its page is made. A build redoes itself this way when a cached
    /// body turns out damaged while it renders.
    pub eager_bodies: bool,
    /// The process exits after the build (`dossier build`): what the build
    /// made is left to the exit rather than freed (its millions of small
    /// allocations were a twentieth of a one-article rebuild's CPU at
    /// 10,000 articles).
    pub exits: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub pages: usize,
    /// Pages whose bytes changed (the rest were left alone).
    pub written: usize,
    pub ingested: Vec<PathBuf>,
    /// Articles without a date, for the analyst to fill in.
    pub undated: Vec<PathBuf>,
    pub warnings: Vec<Diagnostic>,
    pub seconds: f64,
    /// Articles whose extraction came from the cache.
    pub cache_hits: usize,
    /// Seconds per stage, in order, with the resident memory at its end
    /// (in MB, where the platform tells).
    pub stages: Vec<(&'static str, f64, Option<u64>)>,
}

impl BuildReport {
    /// Record a stage that began at `since`, with the memory resident now.
    fn stage(&mut self, name: &'static str, since: Instant) {
        self.stages.push((name, since.elapsed().as_secs_f64(), resident_mb()));
    }

    /// The stages' times, one line each, for `--timings`.
    pub fn timings(&self) -> String {
        let mut out = String::new();
        for (stage, secs, rss) in &self.stages {
            let rss = rss.map(|m| format!("  {m:>6} MB resident")).unwrap_or_default();
            out.push_str(&format!("  {stage:<8} {secs:>7.3}s{rss}\n"));
        }
        out
    }
}

#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content: exit code 1. `site/` is untouched.
    Content(Vec<Diagnostic>),
    /// I/O or usage problems: exit code 2.
    Io(String),
}

impl From<std::io::Error> for BuildError {
    fn from(e: std::io::Error) -> Self {
        BuildError::Io(e.to_string())
    }
}

/// How long a build waits for another to let go of the project.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// Holds the project lock for the duration of a build, so two builds at
/// once cannot interleave their writes.
pub struct ProjectLock {
    _file: std::fs::File,
}

pub fn lock(project: &Project) -> Result<ProjectLock, BuildError> {
    let path = project.root.join(".dossier.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| BuildError::Io(format!("{}: cannot create lock file: {e}", path.display())))?;
    // a running `serve` holds the lock for a moment after each build, while
    // it writes what the next process reads: wait that out, not a build
    let waited = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(ProjectLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if waited.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(BuildError::Io(format!(
                    "another dossier process is building this project (lock held on {})",
                    path.display()
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(BuildError::Io(format!("{}: cannot lock: {e}", path.display())))
            }
        }
    }
}

/// Run `ingest` alone.
pub fn ingest(project: &Project, force: bool) -> Result<crate::ingest::IngestReport, BuildError> {
    let _lock = lock(project)?;
    Ok(crate::ingest::ingest(project, force)?)
}

/// What a build leaves for the next one in the same process (`serve`), so
/// that a rebuild after an edit reads, analyses and indexes again only what
/// changed: the articles as read with their files' stamps, their analyses
/// with the hash of what they were made from, the graph with its key, the
/// search index's state, the page keys and the site manifest. Each is taken
/// only under the rule the disk caches use for the same thing.
///
/// What the disk keeps for the next process (the manifest, the search
/// index's state) is written after the build has reported, by a thread that
/// holds the project lock until it is done; the next build waits for it.
#[derive(Default)]
pub struct Warm {
    articles: crate::load::Loaded,
    /// By article file; taken when made from the same source.
    analyses: crate::load::PathMap<crate::extract::Analysis>,
    graph: Option<(u128, crate::graph::Graph)>,
    search: Option<std::sync::Arc<crate::search::IndexState>>,
    keys: Option<crate::render::Keys>,
    /// What the analyses were made with besides the articles' text
    /// ([`lexicon_fingerprint`]).
    fingerprint: Option<String>,
    manifest: Option<crate::output::Manifest>,
    /// The manifest of the last build, until it is written.
    unwritten: Option<crate::output::UnwrittenManifest>,
    writing: Option<std::thread::JoinHandle<Written>>,
    /// The article files the last load found, and the paths a file watcher
    /// saw change since ([`Warm::saw`]): with both, a load takes the
    /// listing instead of listing the folder (see `load::unchanged_listing`).
    listing: Option<Vec<PathBuf>>,
    changes: Option<Vec<PathBuf>>,
    /// The thread making `articles` and `analyses` of the last build.
    #[allow(clippy::type_complexity)]
    keeping: Option<std::thread::JoinHandle<(crate::load::Loaded, crate::load::PathMap<crate::extract::Analysis>)>>,
}

/// What the thread that writes behind a build did.
struct Written {
    manifest: Option<crate::output::Manifest>,
    search: Result<(), String>,
}

impl Warm {
    /// A file watcher's word on what changed before the next build: every
    /// path it saw change (absolute, as the project's paths are), or `None`
    /// when it cannot say (it missed events). Said once per build; without
    /// it the next build looks at every file. What a build that stopped
    /// before loading did not use adds up with what comes after.
    pub fn saw(&mut self, changes: Option<Vec<PathBuf>>) {
        match (changes, &mut self.changes) {
            (None, _) => {
                self.listing = None;
                self.changes = None;
            }
            (Some(new), Some(before)) => before.extend(new),
            (Some(new), none) => *none = Some(new),
        }
    }

    /// Keep what the build of `site` made for the next build.
    fn keep(
        &mut self,
        site: crate::graph::Site,
        stamps: Stamps,
        search: crate::search::IndexState,
        keys: Option<crate::render::Keys>,
    ) {
        let key = site.graph_key;
        let (articles, analyses, bodies, graph) = site.into_parts();
        self.graph = key.map(|k| (k, graph));
        self.keys = keys;
        self.search = Some(std::sync::Arc::new(search));
        // the articles and analyses by file are made on a thread of their
        // own, after the build has reported (a twentieth of a one-article
        // rebuild at 10,000 articles); the next build waits for them
        self.keeping = Some(std::thread::spawn(move || {
            drop(bodies);
            let analyses = articles.iter().map(|a| a.file.clone()).zip(analyses).collect();
            let articles = articles
                .into_iter()
                .filter_map(|a| Some((a.file.clone(), (*stamps.get(&a.file)?, a))))
                .collect();
            (articles, analyses)
        }));
    }

    /// Write the manifest and store the search index's state, on a thread
    /// that holds `lock` until it is done.
    fn write_behind(&mut self, project: &Project, lock: ProjectLock) {
        let (root, manifest) = (project.root.clone(), self.unwritten.take());
        let search = self.search.clone();
        self.writing = Some(std::thread::spawn(move || {
            let _lock = lock;
            Written {
                manifest: manifest.and_then(crate::output::UnwrittenManifest::write),
                search: match search {
                    Some(state) => crate::memo::store(&root, crate::memo::SEARCH, search_key(), &*state),
                    None => Ok(()),
                },
            }
        }));
    }

    /// Wait for the last build's writes; a failure to store the search
    /// index's state is a warning of this build.
    fn settle(&mut self, warnings: &mut Vec<Diagnostic>) {
        // a thread that failed leaves nothing to take back: every article
        // is read again
        if let Some(keeping) = self.keeping.take() {
            (self.articles, self.analyses) = keeping.join().unwrap_or_default();
        }
        let Some(writing) = self.writing.take() else {
            return;
        };
        match writing.join() {
            Ok(w) => {
                self.manifest = w.manifest;
                if let Err(e) = w.search {
                    warnings.push(cache_warning(e));
                }
            }
            Err(_) => warnings.push(cache_warning(
                "writing the site manifest and search state failed".into(),
            )),
        }
    }
}

/// Sites up to this many articles build their search index while they
/// render; larger ones build it after, to bound peak memory.
const OVERLAP_SEARCH_UP_TO: usize = 20_000;

/// Build the site into `project.output`.
pub fn build(project: &Project, opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_warm(project, opts, None)
}

/// [`build`], taking what it can from `warm` (the last build of this
/// process) and leaving there what the next one can take.
pub fn build_warm(project: &Project, opts: &BuildOptions, warm: Option<&mut Warm>) -> Result<BuildReport, BuildError> {
    let mut warm = warm;
    let mut settled = Vec::new();
    if let Some(w) = warm.as_deref_mut() {
        w.settle(&mut settled);
    }
    let lock = lock(project)?;
    let (mut first, complete) = build_locked(project, opts, warm.as_deref_mut())?;
    if complete {
        first.warnings.splice(0..0, settled);
        if let Some(w) = warm {
            w.write_behind(project, lock);
        }
        return Ok(first);
    }
    // what the first try took from `warm` is gone with it
    if let Some(w) = warm.as_deref_mut() {
        *w = Warm::default();
    }
    // a cached body could not be read back while rendering, and nothing was
    // written: make it all again, reading (and checking) each body first;
    // the bad records are reported then, after what the first try found
    let eager = BuildOptions {
        eager_bodies: true,
        ..opts.clone()
    };
    let (mut report, complete) = build_locked(project, &eager, warm.as_deref_mut())?;
    if !complete {
        return Err(BuildError::Io("cached article bodies could not be read back".into()));
    }
    if let Some(w) = warm {
        w.write_behind(project, lock);
    }
    report.warnings.splice(0..0, settled);
    let mut warnings = first.warnings;
    warnings.append(&mut report.warnings);
    report.warnings = warnings;
    report.ingested = first.ingested;
    Ok(report)
}

/// [`build`] under the project lock, and whether it was completed: not
/// when a cached body turned out damaged while rendering (then nothing was
/// written).
fn build_locked(
    project: &Project,
    opts: &BuildOptions,
    mut warm: Option<&mut Warm>,
) -> Result<(BuildReport, bool), BuildError> {
    let start = Instant::now();
    let mut report = BuildReport::default();
    let mut clock = Instant::now();

    if opts.ingest {
        let ing = crate::ingest::ingest(project, false)?;
        report.warnings.extend(ing.diagnostics);
        report.ingested = ing.written;
        report.stage("ingest", clock);
    }

    let keep_warm = warm.is_some();
    let prior_search = warm
        .as_deref_mut()
        .and_then(|w| std::sync::Arc::into_inner(w.search.take()?));
    // what the last `dossier build` stored for the index and the page keys
    // is read on threads of its own while the articles load: the index's
    // branch is the longer of the two at the end, and the graph's stage
    // leaves a core idle
    let search_prefetch = (opts.cache && prior_search.is_none())
        .then(|| prefetch::<crate::search::IndexState>(project, crate::memo::SEARCH));
    let keys_prefetch = (opts.cache && !keep_warm).then(|| prefetch::<crate::render::Keys>(project, crate::memo::KEYS));
    let (mut site, theme, stamps, (fingerprint, read)) =
        assemble_warm(project, opts, &mut report, warm.as_deref_mut())?;

    // pages go to the writer as they are rendered: nothing reaches the
    // site before `finish`, and an error drops the writer, which cleans up
    let manifest = opts
        .cache
        .then(|| project.root.join(".dossier-cache").join("site-manifest"));
    let prior_manifest = warm.as_deref_mut().and_then(|w| w.manifest.take());
    let writer = crate::output::SiteWriter::create_again(&project.output, manifest, prior_manifest)?;
    // rendering and the search index read the same finished graph: build
    // them side by side, so the index's sequential merge overlaps the
    // parallel rendering. Each stage's time is its own; they overlap.
    fn timed<T>(f: impl FnOnce() -> Result<T, BuildError>) -> Result<(T, f64), BuildError> {
        let clock = Instant::now();
        f().map(|t| (t, clock.elapsed().as_secs_f64()))
    }
    let terms = opts
        .cache
        .then(|| crate::cache::Cache::<crate::search::Terms>::open(&project.root, "terms.pack"));
    // the page keys of the last build: kept by `serve`, else stored by the
    // last `dossier build` (computing every page's key was a tenth of a
    // one-article rebuild's CPU at 10,000 articles)
    let mut key_warnings = Vec::new();
    let prior_keys = match warm.as_deref_mut() {
        Some(w) => w.keys.take(),
        None => keys_prefetch.and_then(|h| {
            joined(h).unwrap_or_else(|w| {
                key_warnings.push(w);
                None
            })
        }),
    };
    let render =
        || timed(|| crate::render::render_site_again(&site, &theme, &writer, prior_keys).map_err(BuildError::Content));
    // the index's state is kept for the next build beside the caches, or
    // in `warm`, which stores it after the build
    let search_warnings = Mutex::new(Vec::new());
    let index = || {
        timed(|| {
            let prior = match prior_search {
                Some(prior) => Some(prior),
                None => match search_prefetch.map(joined) {
                    Some(Ok(prior)) => prior,
                    Some(Err(w)) => {
                        locked(&search_warnings).push(w);
                        None
                    }
                    None => None,
                },
            };
            let delta = prior.is_some();
            let state = crate::search::index(&site, &writer, terms.as_ref(), prior).map_err(BuildError::Io)?;
            if opts.cache && !keep_warm {
                if let Err(w) = crate::memo::store(&project.root, crate::memo::SEARCH, search_key(), &state) {
                    locked(&search_warnings).push(w);
                }
            }
            Ok((state, delta))
        })
    };
    // side by side, each stage's peak memory adds to the other's: above
    // this size the index waits for rendering (at 50,000 articles that cut
    // the peak from about 2,850 to 2,750 MiB with glibc's allocator; it
    // costs up to the index's own time, 15 s of a 91 s build)
    let (rendered, indexed) = if site.articles.len() <= OVERLAP_SEARCH_UP_TO {
        rayon::join(render, index)
    } else {
        (render(), index())
    };
    let (keys, render_secs) = rendered?;
    if opts.cache && !keep_warm {
        if let Some(k) = &keys {
            key_warnings.extend(crate::memo::store(&project.root, crate::memo::KEYS, search_key(), k).err());
        }
    }
    report.warnings.extend(key_warnings.into_iter().map(cache_warning));
    let ((search_state, delta), search_secs) = indexed?;
    report.stages.push(("render", render_secs, resident_mb()));
    report.stages.push(("search", search_secs, resident_mb()));
    if let Some(c) = terms {
        // an index made from a kept state looked up only the changed
        // documents' terms: the others' records stay
        let warnings = if delta { c.finish_partial() } else { c.finish() };
        report.warnings.extend(warnings.into_iter().map(cache_warning));
    }
    report
        .warnings
        .extend(locked(&search_warnings).drain(..).map(cache_warning));
    if site.bodies.damaged() {
        return Ok((report, false));
    }
    report
        .warnings
        .extend(site.bodies.finish().into_iter().map(cache_warning));

    if opts.cache && !keep_warm {
        // what the next process takes back instead of reading every article
        let snapshot = crate::load::Snapshot::new(
            &fingerprint,
            &site.articles,
            site.analyses.iter().map(|a| a.source),
            &stamps,
            read,
        );
        if let Err(w) = crate::memo::store(&project.root, crate::memo::ARTICLES, crate::memo::program(), &snapshot) {
            report.warnings.push(cache_warning(w));
        }
    }
    match warm.as_deref_mut() {
        Some(w) => w.keep(site, stamps, search_state, keys),
        // freeing the site's millions of small allocations is a twentieth
        // of a rebuild's CPU at 10,000 articles (perf): leave it to the
        // exit, or to another thread, which the process's exit ends
        None if opts.exits => std::mem::forget(site),
        None => drop(std::thread::spawn(move || drop(site))),
    }
    clock = Instant::now();
    let (stats, manifest) = writer.finish_keeping()?;
    match (warm, manifest) {
        // written by `build_warm`, after the build
        (Some(w), m) => w.unwritten = m,
        (None, Some(m)) => drop(m.write()),
        (None, None) => {}
    }
    report.pages = stats.written + stats.unchanged;
    report.written = stats.written;
    report.stage("write", clock);
    report.seconds = start.elapsed().as_secs_f64();
    Ok((report, true))
}

/// Load, extract and build the graph: everything but rendering and
/// writing. Used by `build`, `check` and `entities`. Warnings go into
/// `report`; errors stop here.
pub fn assemble(
    project: &Project,
    opts: &BuildOptions,
    report: &mut BuildReport,
) -> Result<(crate::graph::Site, crate::render::Theme), BuildError> {
    assemble_warm(project, opts, report, None).map(|(site, theme, _, _)| (site, theme))
}

/// [`assemble`], taking from `warm` the articles whose files did not
/// change (without their Markdown: see [`crate::load::Content::kept`]), the
/// analyses of unchanged sources and the graph of unchanged inputs.
fn assemble_warm(
    project: &Project,
    opts: &BuildOptions,
    report: &mut BuildReport,
    mut warm: Option<&mut Warm>,
) -> Result<
    (
        crate::graph::Site,
        crate::render::Theme,
        Stamps,
        (String, std::time::SystemTime),
    ),
    BuildError,
> {
    let mut clock = Instant::now();
    let read = std::time::SystemTime::now();
    // the sources of the articles taken from the last `dossier build`'s
    // snapshot, and the fingerprint they were hashed with
    let mut snapshot: Option<(String, crate::load::PathMap<u128>)> = None;
    let mut content = match warm.as_deref_mut() {
        Some(w) => {
            let (files, changes) = (w.listing.take(), w.changes.take());
            let changed = files
                .as_deref()
                .zip(changes.as_deref())
                .and_then(|(files, changes)| crate::load::unchanged_listing(project, files, changes));
            let listing = files
                .zip(changed.as_ref())
                .map(|(files, changed)| crate::load::Listing { files, changed });
            load(
                report,
                |p| crate::load::load_reusing(p, &mut w.articles, listing),
                project,
            )?
        }
        None if opts.cache => {
            let taken = match crate::memo::load::<crate::load::Snapshot>(
                &project.root,
                crate::memo::ARTICLES,
                crate::memo::program(),
            ) {
                Ok(s) => s.map(|s| (s.fingerprint.clone(), s.into_loaded())),
                Err(w) => {
                    report.warnings.push(cache_warning(w));
                    None
                }
            };
            match taken {
                Some((fingerprint, Some((mut loaded, sources)))) => {
                    snapshot = Some((fingerprint, sources));
                    load(report, |p| crate::load::load_reusing(p, &mut loaded, None), project)?
                }
                Some((_, None)) => {
                    report.warnings.push(cache_warning(crate::memo::damaged(
                        &project.root,
                        crate::memo::ARTICLES,
                    )));
                    load(report, crate::load::load, project)?
                }
                None => load(report, crate::load::load, project)?,
            }
        }
        None => load(report, crate::load::load, project)?,
    };
    let allow = content.config.allow_raw_html;
    let fingerprint = lexicon_fingerprint(&content.registry, &content.config.entities, allow);
    // the articles taken from the snapshot come without their text: their
    // sources must hold, else every article is read again
    let snapshot_sources = match snapshot {
        Some((was, sources)) if was == fingerprint && content.kept.iter().all(|f| sources.contains_key(f)) => sources,
        _ => {
            if warm.is_none() && !content.kept.is_empty() {
                content = load(report, crate::load::load, project)?;
            }
            Default::default()
        }
    };
    if let Some(w) = warm.as_deref_mut() {
        // the articles taken from `warm` come without their text: their
        // analyses must be reusable, else every article is read again
        let reusable = opts.cache
            && w.fingerprint.as_ref() == Some(&fingerprint)
            && content.kept.iter().all(|f| w.analyses.contains_key(f));
        if !reusable && !content.kept.is_empty() {
            w.analyses.clear();
            content = load(report, crate::load::load, project)?;
        }
        w.fingerprint = Some(fingerprint.clone());
        w.listing = Some(std::mem::take(&mut content.listing));
    }
    if let Some(b) = &opts.base_url {
        content.config.base_url = if b.ends_with('/') { b.clone() } else { format!("{b}/") };
    }
    let theme = crate::render::Theme::load(project, &content.config).map_err(BuildError::Content)?;
    report.stage("load", clock);

    clock = Instant::now();
    let (analyses, bodies) = extract(
        project,
        opts,
        &mut content,
        &fingerprint,
        &snapshot_sources,
        warm.as_deref_mut(),
        report,
    );
    report.stage("extract", clock);

    clock = Instant::now();
    report.undated = content
        .articles
        .iter()
        .filter(|a| a.meta.date.is_none())
        .map(|a| a.file.clone())
        .collect();
    report.articles = content.articles.len();
    let kept_graph = warm.and_then(|w| w.graph.take());
    let graph = graph(project, opts, &content, &analyses, kept_graph, report);
    let stamps = std::mem::take(&mut content.stamps);
    let (site, graph_diags) = crate::graph::Site::new(content.config, content.articles, analyses, bodies, graph);
    let (errors, warnings): (Vec<_>, Vec<_>) = graph_diags.into_iter().partition(Diagnostic::is_error);
    report.warnings.extend(warnings);
    if !errors.is_empty() {
        return Err(BuildError::Content(errors));
    }
    report.stage("graph", clock);
    Ok((site, theme, stamps, (fingerprint, read)))
}

/// The Markdown of an article read again from its file.
fn reread_body(project: &Project, a: &crate::model::Article) -> Option<String> {
    let text = std::fs::read_to_string(project.root.join(&a.file)).ok()?;
    crate::load::parse_article(&text, &a.file)
        .ok()
        .map(|parsed| parsed.body)
}

/// Load the project with `load`; its warnings go into `report`, its errors
/// stop the build.
fn load(
    report: &mut BuildReport,
    load: impl FnOnce(&Project) -> (Option<crate::load::Content>, Vec<Diagnostic>),
    project: &Project,
) -> Result<crate::load::Content, BuildError> {
    let (content, diags) = load(project);
    let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(Diagnostic::is_error);
    report.warnings.extend(warnings);
    content.filter(|_| errors.is_empty()).ok_or(BuildError::Content(errors))
}

/// Analyse every article, or take its analysis from `warm` or the cache
/// when its source is unchanged. Returns the analyses, in the articles'
/// order, and their bodies.
fn extract(
    project: &Project,
    opts: &BuildOptions,
    content: &mut crate::load::Content,
    fingerprint: &str,
    snapshot_sources: &crate::load::PathMap<u128>,
    warm: Option<&mut Warm>,
    report: &mut BuildReport,
) -> (Vec<crate::extract::Analysis>, crate::extract::bodies::BodyStore) {
    use rayon::prelude::*;
    let progress = progress_bar(opts.progress, content.articles.len());
    // opened when an analysis is first looked up: a rebuild that keeps
    // every analysis in `warm` needs none
    let pack = std::sync::OnceLock::new();
    let cache = opts
        .cache
        .then_some(|| pack.get_or_init(|| crate::cache::Cache::new(&project.root)));
    let allow = content.config.allow_raw_html;
    let lexicon = crate::extract::entities::Lexicon::new(&content.registry, &content.config.entities);
    let bodies = match &cache {
        Some(_) => crate::extract::bodies::BodyStore::with_pack(
            content.articles.len(),
            crate::cache::Cache::open(&project.root, "bodies.pack"),
            opts.eager_bodies,
        ),
        None => crate::extract::bodies::BodyStore::new(content.articles.len()),
    };
    // everything an analysis depends on, hashed once: it keys the cache and
    // tells pages the analysis is unchanged. An article taken from `warm`
    // was not read, and its analysis was made from the same source; so was
    // one taken from the last build's snapshot.
    let warm_source = |a: &crate::model::Article| {
        if !content.kept.contains(&a.file) {
            return None;
        }
        match warm.as_deref() {
            Some(w) => w.analyses.get(&a.file).map(|an| an.source),
            None => snapshot_sources.get(&a.file).copied(),
        }
    };
    let sources: Vec<u128> = content
        .articles
        .par_iter()
        .map(|a| {
            if let Some(s) = warm_source(a) {
                return s;
            }
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            let date = a.meta.date.map(|d| d.to_string()).unwrap_or_default();
            h.update(format!("{date}\n{}\n", a.meta.date_inferred).as_bytes());
            h.update(a.body.as_bytes());
            h.update(fingerprint.as_bytes());
            h.digest128()
        })
        .collect();
    // a kept analysis serves only with the cache on: its body is in the pack
    let kept: Vec<Option<crate::extract::Analysis>> = match warm {
        Some(w) if opts.cache => content
            .articles
            .iter()
            .zip(&sources)
            .map(|(a, s)| w.analyses.remove(&a.file).filter(|an| an.source == *s))
            .collect(),
        _ => sources.iter().map(|_| None).collect(),
    };
    let kept_any = kept.iter().any(Option::is_some);
    let kept_files = &content.kept;
    let results: Vec<(crate::extract::Analysis, bool)> = content
        .articles
        .par_iter_mut()
        .zip(kept)
        .enumerate()
        .map(|(i, (a, kept))| {
            let source = sources[i];
            let key = cache.as_ref().map(|_| crate::cache::key(&source.to_le_bytes(), ""));
            // a hit needs the body's record as well (it is read later, if
            // its page is made)
            let cached = match (&cache, &key) {
                (Some(c), Some(k)) => kept.or_else(|| c().get(k)).filter(|_| bodies.use_packed(i, k)),
                _ => None,
            };
            let hit = cached.is_some();
            let mut r = cached.unwrap_or_else(|| {
                if kept_files.contains(&a.file) {
                    // taken from `warm` without its text, but its body is
                    // not in the pack (the cache was deleted meanwhile)
                    a.body = reread_body(project, a).unwrap_or_default();
                }
                let mut r = crate::extract::analyse(a, allow, &lexicon);
                let html = std::mem::take(&mut r.html);
                match (&cache, &key) {
                    (Some(c), Some(k)) => {
                        c().put(k, &r);
                        bodies.put_packed(i, k, html);
                    }
                    _ => bodies.put(i, html),
                }
                r
            });
            r.source = source;
            // every later stage reads the analysis, never the Markdown
            a.body = String::new();
            if let Some(p) = &progress {
                p.inc(1);
            }
            (r, hit)
        })
        .collect();
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    if let Some(c) = pack.into_inner() {
        // a build that took analyses from `warm` saw only some records
        let warnings = if kept_any { c.finish_partial() } else { c.finish() };
        report.warnings.extend(warnings.into_iter().map(cache_warning));
    }
    let mut analyses = Vec::with_capacity(results.len());
    for (r, hit) in results {
        report.cache_hits += usize::from(hit);
        analyses.push(r);
    }
    (analyses, bodies)
}

/// The graph of the articles: kept from the last build when its inputs are
/// the same (see [`crate::memo`]), else made (and kept for the next).
fn graph(
    project: &Project,
    opts: &BuildOptions,
    content: &crate::load::Content,
    analyses: &[crate::extract::Analysis],
    kept: Option<(u128, crate::graph::Graph)>,
    report: &mut BuildReport,
) -> (crate::graph::Graph, Option<u128>) {
    let (config, articles, registry) = (&content.config, &content.articles, &content.registry);
    if !opts.cache {
        return (crate::graph::Graph::build(config, articles, analyses, registry), None);
    }
    let key = {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&crate::memo::program().to_le_bytes());
        h.update(&crate::graph::inputs_key(config, articles, analyses, registry).to_le_bytes());
        h.digest128()
    };
    if let Some((_, graph)) = kept.filter(|(k, _)| *k == key) {
        return (graph, Some(key));
    }
    match crate::memo::load_graph(&project.root, key, registry) {
        Ok(Some(graph)) => return (graph, Some(key)),
        Ok(None) => {}
        Err(w) => report.warnings.push(cache_warning(w)),
    }
    let graph = crate::graph::Graph::build(config, articles, analyses, registry);
    if let Err(w) = crate::memo::store_graph(&project.root, key, &graph, registry) {
        report.warnings.push(cache_warning(w));
    }
    (graph, Some(key))
}

/// The search index's kept state (and the page keys) are trusted only
/// from the same program.
fn search_key() -> u128 {
    crate::memo::program()
}

/// Read the cache file `name` (see [`crate::memo::load`]) on a thread.
type Prefetch<T> = std::thread::JoinHandle<Result<Option<T>, String>>;

fn prefetch<T: serde::de::DeserializeOwned + Send + 'static>(project: &Project, name: &'static str) -> Prefetch<T> {
    let root = project.root.clone();
    std::thread::spawn(move || crate::memo::load(&root, name, search_key()))
}

/// What a thread reading a cache file found; a thread that panicked found
/// nothing usable.
fn joined<T>(h: Prefetch<T>) -> Result<Option<T>, String> {
    h.join()
        .unwrap_or_else(|_| Err("reading a cache file failed; it is ignored".into()))
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn progress_bar(enabled: bool, len: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !enabled || len < 200 || !std::io::stderr().is_terminal() {
        return None;
    }
    let p = indicatif::ProgressBar::new(len as u64);
    p.set_style(
        indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} articles")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    p.set_prefix("extracting");
    Some(p)
}

/// Everything besides an article's own text that its extraction depends on.
fn lexicon_fingerprint(
    registry: &[crate::model::RegistryEntry],
    config: &crate::model::EntityConfig,
    allow_raw_html: bool,
) -> String {
    let mut s = format!("{allow_raw_html}\n{:?}\n", config);
    for r in registry {
        s.push_str(&format!("{}\t{:?}\n", r.id, r.meta));
    }
    crate::ingest::sha256_hex(s.as_bytes())
}

/// The process's resident memory in MB (Linux), for `--timings`.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// A warning about the cache itself: it names its file in the message.
fn cache_warning(message: String) -> Diagnostic {
    Diagnostic {
        severity: crate::model::Severity::Warning,
        file: None,
        line: None,
        column: None,
        message,
        hint: None,
    }
}
