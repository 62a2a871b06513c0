//! Output: the only writer of `site/`. Pages are written into a temporary
//! directory beside it, which replaces `site/` only when everything was
//! written, so a failed or killed build leaves the previous site complete.

// page paths are hashed with Fx: a rebuild looks up every page of the site
// (37,000 at 10,000 articles) in these maps more than once
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One file of the site, by its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
    /// For a rendered page: the hash of everything it was rendered from
    /// (see [`PageSink::keep`]).
    pub view: Option<u128>,
}

impl Output {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Output {
        Output {
            path: path.into(),
            bytes: bytes.into(),
            view: None,
        }
    }
}

/// Where the render stage hands its pages.
pub trait PageSink: Sync {
    fn put(&self, o: Output);
    /// Whether the last build rendered `path` from the same `view` (template
    /// set, program and context) and the file is still as it left it. If so,
    /// the page counts as made and need not be rendered again.
    fn keep(&self, _path: &str, _view: u128) -> bool {
        false
    }
    /// Whether [`PageSink::keep`] can ever say yes or views are recorded for
    /// the next build; when not, hashing views is wasted work.
    fn wants_views(&self) -> bool {
        false
    }
    /// Put a file that `make` writes piece by piece, for the data files of
    /// hundreds of megabytes that need never be held whole. By default the
    /// pieces are collected and [`PageSink::put`].
    fn put_stream(&self, path: &str, view: Option<u128>, make: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) {
        let mut bytes = Vec::new();
        if make(&mut bytes).is_ok() {
            self.put(Output {
                path: path.to_string(),
                bytes,
                view,
            });
        }
    }
}

/// A writer that hashes and counts what passes through it, so a streamed
/// file gets the same record as one put whole.
struct Hashing<W: Write> {
    inner: W,
    hash: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether two files hold the same bytes, read a block at a time.
fn same_file_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let (mut a, mut b) = (
        std::io::BufReader::new(std::fs::File::open(a)?),
        std::io::BufReader::new(std::fs::File::open(b)?),
    );
    let (mut x, mut y) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = a.read(&mut x)?;
        if n == 0 {
            return Ok(b.read(&mut y)? == 0);
        }
        b.read_exact(&mut y[..n])?;
        if x[..n] != y[..n] {
            return Ok(false);
        }
    }
}

/// A site path is relative, uses `/`, and has no `..`, root or drive parts.
pub fn is_safe_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && !path.contains('\0')
        && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// What a write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Write a whole site at once (see [`SiteWriter`]); the tests' shorthand.
#[cfg(test)]
fn write_site(dir: &Path, outputs: &[Output]) -> std::io::Result<WriteStats> {
    let w = SiteWriter::create(dir, None)?;
    for o in outputs {
        w.put(o.clone());
    }
    w.finish()
}

/// What the last build wrote, so the next one can tell unchanged pages by
/// a hash instead of reading them back. Trusted for a page only while the
/// file on disk still has the size and mtime recorded here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageRecord {
    hash: [u8; 16],
    len: u64,
    mtime_ns: i128,
    /// What the page was rendered from, when it was rendered.
    view: Option<u128>,
}

// 3: page hashes are xxh3-128 (they were a truncated SHA-256: about 4% of
// the CPU of a no-change rebuild at 10,000 articles, by perf), and rendered
// pages record their view; a manifest of another version is ignored.
const MANIFEST_HEADER: &str = "dossier-site-manifest-3";

/// Tells our own pages apart from their previous bytes; no adversary picks
/// them, so a fast non-cryptographic 128-bit hash is enough.
fn page_hash(bytes: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes()
}

fn mtime_ns(m: &std::fs::Metadata) -> i128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The manifest a writer of this process wrote, kept for the next writer
/// (`serve`): while the file on disk is the one it wrote, no other build has
/// touched the site, so its records need neither parsing nor checking
/// against the files (see [`SiteWriter::create_again`]).
pub struct Manifest {
    records: HashMap<String, PageRecord>,
    /// The manifest file's size and mtime as written.
    file: (u64, i128),
}

/// The records of the site just written, for its manifest file.
pub struct UnwrittenManifest {
    file: PathBuf,
    dir: PathBuf,
    /// In any order; sorted by path when written.
    pages: Vec<(String, PageRecord)>,
}

impl UnwrittenManifest {
    /// Write the manifest file; the manifest as written, unless it could
    /// not be (a lost manifest only costs reading pages back next time).
    pub fn write(mut self) -> Option<Manifest> {
        use std::fmt::Write as _;
        self.pages.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut text = format!("{MANIFEST_HEADER}\t{}\n", self.dir.display());
        for (path, r) in &self.pages {
            let _ = write!(
                text,
                "{:032x}\t{}\t{}\t",
                u128::from_be_bytes(r.hash),
                r.len,
                r.mtime_ns
            );
            let _ = match r.view {
                Some(v) => writeln!(text, "{v:032x}\t{path}"),
                None => writeln!(text, "-\t{path}"),
            };
        }
        if let Some(p) = self.file.parent() {
            let _ = std::fs::create_dir_all(p);
        }
        let tmp = self.file.with_extension("tmp");
        if std::fs::write(&tmp, text).is_err() || std::fs::rename(&tmp, &self.file).is_err() {
            return None;
        }
        file_stamp(&self.file).map(|stamp| Manifest {
            records: self.pages.into_iter().collect(),
            file: stamp,
        })
    }
}

fn file_stamp(file: &Path) -> Option<(u64, i128)> {
    std::fs::metadata(file).ok().map(|m| (m.len(), mtime_ns(&m)))
}

/// Read a manifest written for `dir`; anything odd means no manifest.
fn read_manifest(file: &Path, dir: &Path) -> Option<HashMap<String, PageRecord>> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut lines = text.lines();
    let header = lines.next()?;
    if header != format!("{MANIFEST_HEADER}\t{}", dir.display()) {
        return None;
    }
    let mut map = HashMap::default();
    for line in lines {
        let mut f = line.splitn(5, '\t');
        let (h, len, mtime, view, path) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
        if h.len() != 32 || !is_safe_site_path(path) {
            return None;
        }
        let view = match view {
            "-" => None,
            v if v.len() == 32 => Some(u128::from_str_radix(v, 16).ok()?),
            _ => return None,
        };
        let mut hash = [0u8; 16];
        for (i, b) in hash.iter_mut().enumerate() {
            *b = u8::from_str_radix(h.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        let rec = PageRecord {
            hash,
            len: len.parse().ok()?,
            mtime_ns: mtime.parse().ok()?,
            view,
        };
        map.insert(path.to_string(), rec);
    }
    Some(map)
}

enum Mode {
    /// No site yet: pages go straight into the staging tree, renamed at the end.
    Fresh { made_dirs: Mutex<HashSet<PathBuf>> },
    /// A site exists: changed pages are staged flat and moved in at the end.
    Update {
        manifest: Option<HashMap<String, PageRecord>>,
        /// The manifest is this process's own, and no other build wrote
        /// the site since: its records are taken without looking at the files.
        trusted: bool,
    },
}

#[derive(Default)]
struct Written {
    /// Every page of this build: path, record, and its staged name if it changed.
    pages: Vec<(String, PageRecord, Option<usize>)>,
    error: Option<std::io::Error>,
}

/// The only writer of `site/`, fed page by page while rendering goes on
/// (so a build never holds the whole site in memory).
///
/// A first build writes everything into a temporary sibling and renames it
/// into place. Later builds write only the pages whose bytes changed into a
/// staging folder beside `dir`, then move them in, one rename each, and
/// remove pages that are gone. So every page in `dir` is always whole,
/// unchanged pages keep their files (and mtimes: deploy tools and browsers
/// see what really changed), and nothing is deleted wholesale (deleting tens
/// of thousands of files is what makes clean rebuilds slow on many disks).
/// Nothing reaches `dir` before [`SiteWriter::finish`]; dropping the writer
/// unfinished (a render error) leaves `dir` as it was.
pub struct SiteWriter {
    dir: PathBuf,
    staging: PathBuf,
    manifest_file: Option<PathBuf>,
    mode: Mode,
    next: AtomicUsize,
    written: Mutex<Written>,
    finished: bool,
}

impl SiteWriter {
    /// Prepare to write the site in `dir`. `manifest_file` (in the cache)
    /// remembers what was written, to skip reading pages back next time.
    pub fn create(dir: &Path, manifest_file: Option<PathBuf>) -> std::io::Result<SiteWriter> {
        SiteWriter::create_again(dir, manifest_file, None)
    }

    /// [`SiteWriter::create`], given the manifest the last writer of this
    /// process left ([`SiteWriter::finish_keeping`]). A process that builds
    /// again (`serve`) so trusts its own output between builds: a page
    /// changed by hand in `dir` meanwhile is made again only when its view
    /// changes, or by the next `dossier build`, which checks every file.
    pub fn create_again(
        dir: &Path,
        manifest_file: Option<PathBuf>,
        prior: Option<Manifest>,
    ) -> std::io::Result<SiteWriter> {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        let staging_prefix = format!(".{name}.tmp-");
        // Leftovers of a killed build: finish its moves first (its pages are
        // complete), then clear it. The caller holds the project lock.
        if let Ok(entries) = std::fs::read_dir(parent) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(&staging_prefix) && e.path().is_dir() {
                    if dir.is_dir() {
                        let _ = replay_journal(&e.path(), dir);
                    }
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let staging = parent.join(format!("{staging_prefix}{}", std::process::id()));
        std::fs::create_dir_all(&staging)?;
        let mode = if dir.is_dir() {
            let prior = prior.filter(|p| manifest_file.as_deref().and_then(file_stamp) == Some(p.file));
            let trusted = prior.is_some();
            Mode::Update {
                manifest: match prior {
                    Some(p) => Some(p.records),
                    None => manifest_file.as_deref().and_then(|f| read_manifest(f, dir)),
                },
                trusted,
            }
        } else {
            Mode::Fresh {
                made_dirs: Mutex::new(HashSet::default()),
            }
        };
        Ok(SiteWriter {
            dir: dir.to_path_buf(),
            staging,
            manifest_file,
            mode,
            next: AtomicUsize::new(0),
            written: Mutex::new(Written::default()),
            finished: false,
        })
    }

    fn check_path(path: &str) -> std::io::Result<()> {
        if is_safe_site_path(path) {
            Ok(())
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {path:?}"),
            ))
        }
    }

    /// Where a changed page is written: its place in a fresh tree (its
    /// folders made once), or the next flat name in the staging folder.
    fn staged_path(&self, path: &str) -> std::io::Result<(PathBuf, Option<usize>)> {
        match &self.mode {
            Mode::Fresh { made_dirs } => {
                let target = self.staging.join(path);
                if let Some(p) = target.parent() {
                    let known = made_dirs.lock().unwrap_or_else(|e| e.into_inner()).contains(p);
                    if !known {
                        std::fs::create_dir_all(p)?;
                        made_dirs
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(p.to_path_buf());
                    }
                }
                Ok((target, None))
            }
            Mode::Update { .. } => {
                let n = self.next.fetch_add(1, Ordering::Relaxed);
                Ok((self.staging.join(n.to_string()), Some(n)))
            }
        }
    }

    /// When updating: the record of the file already at `path`, if it
    /// holds these bytes (`hash`, `len`; `same` compares them when the
    /// manifest cannot vouch for the file).
    fn unchanged(
        &self,
        path: &str,
        hash: [u8; 16],
        len: u64,
        view: Option<u128>,
        same: impl FnOnce(&Path) -> bool,
    ) -> Option<PageRecord> {
        let Mode::Update { manifest, trusted } = &self.mode else {
            return None;
        };
        if *trusted {
            let same = manifest.as_ref().and_then(|m| m.get(path)).filter(|r| r.hash == hash);
            if let Some(r) = same {
                return Some(PageRecord { view, ..*r });
            }
        }
        let target = self.dir.join(path);
        let m = std::fs::symlink_metadata(&target).ok().filter(|m| m.is_file())?;
        let on_disk = PageRecord {
            hash,
            len: m.len(),
            mtime_ns: mtime_ns(&m),
            view,
        };
        let vouched = vouched(manifest.as_ref(), path, &m).is_some_and(|r| r.hash == hash);
        (vouched || (m.len() == len && same(&target))).then_some(on_disk)
    }

    fn put_inner(&self, o: &Output) -> std::io::Result<(PageRecord, Option<usize>)> {
        Self::check_path(&o.path)?;
        let hash = page_hash(&o.bytes);
        if let Some(rec) = self.unchanged(&o.path, hash, o.bytes.len() as u64, o.view, |target| {
            std::fs::read(target).is_ok_and(|b| b == o.bytes)
        }) {
            return Ok((rec, None));
        }
        let (staged, n) = self.staged_path(&o.path)?;
        let mut f = std::fs::File::create(&staged)?;
        f.write_all(&o.bytes)?;
        let rec = PageRecord {
            hash,
            len: o.bytes.len() as u64,
            mtime_ns: mtime_ns(&f.metadata()?),
            view: o.view,
        };
        Ok((rec, n))
    }

    /// [`PageSink::put_stream`]: the file is written as it is made, then
    /// dropped again if the site already has the same bytes.
    fn put_stream_inner(
        &self,
        path: &str,
        view: Option<u128>,
        make: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<(PageRecord, Option<usize>)> {
        Self::check_path(path)?;
        let (staged, n) = self.staged_path(path)?;
        let mut w = Hashing {
            inner: std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&staged)?),
            hash: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        };
        make(&mut w)?;
        let f = w.inner.into_inner().map_err(|e| e.into_error())?;
        let hash = w.hash.digest128().to_le_bytes();
        if let Some(rec) = self.unchanged(path, hash, w.len, view, |target| {
            same_file_bytes(target, &staged).unwrap_or(false)
        }) {
            drop(f);
            std::fs::remove_file(&staged)?;
            return Ok((rec, None));
        }
        let rec = PageRecord {
            hash,
            len: w.len,
            mtime_ns: mtime_ns(&f.metadata()?),
            view,
        };
        Ok((rec, n))
    }

    /// Move everything into place, remove pages that are gone, and
    /// remember what was written.
    pub fn finish(self) -> std::io::Result<WriteStats> {
        let (stats, manifest) = self.finish_keeping()?;
        if let Some(m) = manifest {
            m.write();
        }
        Ok(stats)
    }

    /// [`SiteWriter::finish`], leaving the manifest to the caller to
    /// write: a process that builds again (`serve`) writes it after the
    /// build, and keeps it for its next writer.
    pub fn finish_keeping(mut self) -> std::io::Result<(WriteStats, Option<UnwrittenManifest>)> {
        self.finished = true;
        let result = self.finish_inner();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
        result
    }

    fn finish_inner(&mut self) -> std::io::Result<(WriteStats, Option<UnwrittenManifest>)> {
        let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(e) = written.error {
            return Err(e);
        }
        let pages = written.pages;
        // pages come in any order; the manifest sorts them when it is
        // written, after the build has reported
        let mut claimed: HashSet<&str> = HashSet::with_capacity_and_hasher(pages.len(), Default::default());
        let twice: Vec<&str> = pages
            .iter()
            .map(|p| p.0.as_str())
            .filter(|p| !claimed.insert(p))
            .collect();
        if let Some(first) = twice.iter().min() {
            return Err(std::io::Error::other(format!("two pages claim the same path: {first}")));
        }
        let mut stats = WriteStats::default();
        match &self.mode {
            Mode::Fresh { .. } => {
                std::fs::rename(&self.staging, &self.dir)?;
                stats.written = pages.len();
            }
            Mode::Update { manifest, .. } => {
                let journal: String = pages
                    .iter()
                    .filter_map(|(path, _, n)| n.map(|n| format!("{n}\t{path}\n")))
                    .collect();
                stats.written = pages.iter().filter(|p| p.2.is_some()).count();
                stats.unchanged = pages.len() - stats.written;
                // the journal appears whole (rename) or not at all
                std::fs::write(self.staging.join("journal.tmp"), journal)?;
                std::fs::rename(self.staging.join("journal.tmp"), self.staging.join("journal"))?;
                replay_journal(&self.staging, &self.dir)?;
                // the moves keep the staged files' mtimes, so the records hold
                stats.removed = remove_stale(&self.dir, &claimed, manifest.as_ref())?;
                std::fs::remove_dir_all(&self.staging)?;
            }
        }
        let unwritten = self.manifest_file.clone().map(|file| UnwrittenManifest {
            file,
            dir: self.dir.clone(),
            pages: pages.into_iter().map(|(path, r, _)| (path, r)).collect(),
        });
        Ok((stats, unwritten))
    }
}

impl SiteWriter {
    /// Note a page of this build, or keep the first error for `finish`.
    fn record(&self, path: String, result: std::io::Result<(PageRecord, Option<usize>)>) {
        let mut w = self.written.lock().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok((rec, staged)) => w.pages.push((path, rec, staged)),
            Err(e) => {
                if w.error.is_none() {
                    w.error = Some(e);
                }
            }
        }
    }
}

impl PageSink for SiteWriter {
    /// Safe to call from many threads; an I/O error is kept and reported by
    /// [`SiteWriter::finish`].
    fn put(&self, o: Output) {
        let result = self.put_inner(&o);
        self.record(o.path, result);
    }

    fn put_stream(&self, path: &str, view: Option<u128>, make: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) {
        let result = self.put_stream_inner(path, view, make);
        self.record(path.to_string(), result);
    }

    /// Only a page the manifest recorded with this view, whose file still
    /// has the recorded size and mtime.
    fn keep(&self, path: &str, view: u128) -> bool {
        let Mode::Update { manifest, trusted } = &self.mode else {
            return false;
        };
        let rec = if *trusted {
            manifest.as_ref().and_then(|m| m.get(path)).copied()
        } else {
            std::fs::symlink_metadata(self.dir.join(path))
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| vouched(manifest.as_ref(), path, &m).copied())
        };
        let Some(rec) = rec.filter(|r| r.view == Some(view)) else {
            return false;
        };
        let mut w = self.written.lock().unwrap_or_else(|e| e.into_inner());
        w.pages.push((path.to_string(), rec, None));
        true
    }
    fn wants_views(&self) -> bool {
        self.manifest_file.is_some()
    }
}

/// The manifest's record of `path`, if the file on disk (`meta`) still has
/// the size and mtime it recorded: the manifest vouches for nothing else.
fn vouched<'a>(
    manifest: Option<&'a HashMap<String, PageRecord>>,
    path: &str,
    meta: &std::fs::Metadata,
) -> Option<&'a PageRecord> {
    manifest?
        .get(path)
        .filter(|r| r.len == meta.len() && r.mtime_ns == mtime_ns(meta))
}

impl Drop for SiteWriter {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Remove the files of `dir` that are not among `pages`. With a manifest,
/// only the pages it lists are candidates; without, the whole tree is walked.
fn remove_stale(
    dir: &Path,
    keep: &HashSet<&str>,
    manifest: Option<&HashMap<String, PageRecord>>,
) -> std::io::Result<usize> {
    let mut removed = 0;
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(m) = manifest {
        let mut gone: Vec<&String> = m.keys().filter(|p| !keep.contains(p.as_str())).collect();
        gone.sort();
        for p in gone {
            let f = dir.join(p);
            if std::fs::symlink_metadata(&f).is_ok_and(|m| m.is_file()) {
                std::fs::remove_file(&f)?;
                removed += 1;
                dirs.extend(f.ancestors().skip(1).take_while(|a| *a != dir).map(Path::to_path_buf));
            }
        }
        dirs.sort();
        dirs.dedup();
    } else {
        for e in walkdir::WalkDir::new(dir)
            .follow_links(false)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
        {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            if e.file_type().is_dir() {
                dirs.push(e.into_path());
            } else if !keep.contains(rel.as_str()) {
                std::fs::remove_file(e.path())?;
                removed += 1;
            }
        }
    }
    if removed > 0 {
        // deepest first; only empty folders go
        for d in dirs.iter().rev() {
            let _ = std::fs::remove_dir(d);
        }
    }
    Ok(removed)
}

/// Move staged pages into `dir` as the journal lists them. Idempotent: a
/// page already moved is skipped, so a killed build's moves can be finished.
fn replay_journal(staging: &Path, dir: &Path) -> std::io::Result<()> {
    let Ok(journal) = std::fs::read_to_string(staging.join("journal")) else {
        return Ok(()); // no complete journal: nothing was moved yet
    };
    for line in journal.lines() {
        let Some((n, path)) = line.split_once('\t') else {
            continue;
        };
        if !is_safe_site_path(path) || n.contains(['/', '\\', '.']) {
            continue;
        }
        let from = staging.join(n);
        if !from.exists() {
            continue;
        }
        let to = dir.join(path);
        if let Some(p) = to.parent() {
            if p.is_file() {
                std::fs::remove_file(p)?;
            }
            std::fs::create_dir_all(p)?;
        }
        if to.is_dir() {
            std::fs::remove_dir_all(&to)?;
        }
        std::fs::rename(&from, &to)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_refused() {
        for p in ["../x", "/etc/passwd", "a/../../b", "", "a\\b", "a\0b"] {
            assert!(!is_safe_site_path(p), "{p:?}");
        }
        assert!(is_safe_site_path("articles/x/index.html"));
    }

    #[test]
    fn writes_and_replaces() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        write_site(
            &site,
            &[Output::new("a/index.html", "one"), Output::new("old.txt", "x")],
        )
        .unwrap();
        let st = write_site(&site, &[Output::new("a/index.html", "two")]).unwrap();
        assert_eq!(
            st,
            WriteStats {
                written: 1,
                unchanged: 0,
                removed: 1
            }
        );
        let st = write_site(&site, &[Output::new("a/index.html", "two")]).unwrap();
        assert_eq!(
            st,
            WriteStats {
                written: 0,
                unchanged: 1,
                removed: 0
            }
        );
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "two");
        assert!(!site.join("old.txt").exists());
        assert_eq!(
            std::fs::read_dir(t.path()).unwrap().count(),
            1,
            "no temporary dirs left"
        );
        assert!(write_site(&site, &[Output::new("../evil", "x")]).is_err());
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "two");
    }

    /// A page is kept unrendered only under the view the manifest recorded
    /// for it, and only while its file is as the build left it.
    #[test]
    fn pages_are_kept_by_view_while_their_files_are_intact() {
        let t = tempfile::tempdir().unwrap();
        let (site, manifest) = (t.path().join("site"), t.path().join("manifest"));
        let page = |bytes: &str, view| Output {
            view: Some(view),
            ..Output::new("a/index.html", bytes)
        };
        let w = SiteWriter::create(&site, Some(manifest.clone())).unwrap();
        assert!(!w.keep("a/index.html", 7), "nothing to keep on a first build");
        w.put(page("one", 7));
        w.finish().unwrap();

        let w = SiteWriter::create(&site, Some(manifest.clone())).unwrap();
        assert!(!w.keep("a/index.html", 8), "another view");
        assert!(!w.keep("b/index.html", 7), "another page");
        assert!(w.keep("a/index.html", 7));
        let st = w.finish().unwrap();
        assert_eq!((st.written, st.unchanged, st.removed), (0, 1, 0));
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "one");

        // edited by hand: same view, but the file is no longer the one recorded
        std::fs::write(site.join("a/index.html"), "hand-edited").unwrap();
        let w = SiteWriter::create(&site, Some(manifest.clone())).unwrap();
        assert!(!w.keep("a/index.html", 7));
        w.put(page("one", 7));
        assert_eq!(w.finish().unwrap().written, 1);
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "one");

        // a page the writer is not told about again is removed, kept or not
        let w = SiteWriter::create(&site, Some(manifest)).unwrap();
        assert_eq!(w.finish().unwrap().removed, 1);
        assert!(!site.join("a/index.html").exists());
    }

    /// A writer given the manifest its process wrote last trusts it without
    /// looking at the files, but only while the manifest file is that one:
    /// after another build wrote it, the files are checked again.
    #[test]
    fn a_kept_manifest_is_trusted_only_while_no_other_build_wrote_one() {
        let t = tempfile::tempdir().unwrap();
        let (site, manifest) = (t.path().join("site"), t.path().join("manifest"));
        let page = |bytes: &str| Output {
            view: Some(7),
            ..Output::new("a/index.html", bytes)
        };
        let build = |kept: Option<Manifest>, bytes: &str| {
            let w = SiteWriter::create_again(&site, Some(manifest.clone()), kept).unwrap();
            w.put(page(bytes));
            let (_, unwritten) = w.finish_keeping().unwrap();
            unwritten.unwrap().write().unwrap()
        };
        build(None, "one");
        let kept = build(None, "one");
        // trusted: a hand edit goes unseen while the server runs
        std::fs::write(site.join("a/index.html"), "hand-edited").unwrap();
        let w = SiteWriter::create_again(&site, Some(manifest.clone()), Some(kept)).unwrap();
        assert!(w.keep("a/index.html", 7));
        let (_, unwritten) = w.finish_keeping().unwrap();
        let kept = unwritten.unwrap().write().unwrap();
        // another build writes the manifest (and restores the page), then
        // the page is edited again: the kept manifest is stale, the file is
        // looked at
        std::thread::sleep(std::time::Duration::from_millis(20));
        build(None, "one");
        std::fs::write(site.join("a/index.html"), "hand-edited").unwrap();
        let w = SiteWriter::create_again(&site, Some(manifest.clone()), Some(kept)).unwrap();
        assert!(!w.keep("a/index.html", 7), "the edit is seen");
        w.put(page("one"));
        w.finish().unwrap();
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "one");
    }

    /// A streamed file is written like a whole one: into a fresh site, over
    /// different bytes, and not at all over the same bytes (with or without
    /// a manifest to vouch for them); and never outside the site.
    #[test]
    fn streamed_files_are_written_only_when_their_bytes_change() {
        let t = tempfile::tempdir().unwrap();
        let (site, manifest) = (t.path().join("site"), t.path().join("manifest"));
        let build = |text: &'static str, manifest: Option<PathBuf>| {
            let w = SiteWriter::create(&site, manifest).unwrap();
            // in pieces, as the data files are made
            w.put_stream("data/big.json", None, &mut |out| {
                for piece in text.split_inclusive(' ') {
                    out.write_all(piece.as_bytes())?;
                }
                Ok(())
            });
            w.finish().unwrap()
        };
        assert_eq!(build("one two three", Some(manifest.clone())).written, 1);
        assert_eq!(
            std::fs::read_to_string(site.join("data/big.json")).unwrap(),
            "one two three"
        );
        let st = build("one two three", Some(manifest.clone()));
        assert_eq!((st.written, st.unchanged), (0, 1), "vouched by the manifest");
        let st = build("one two three", None);
        assert_eq!((st.written, st.unchanged), (0, 1), "compared with the file");
        let st = build("one two tree!", None);
        assert_eq!((st.written, st.unchanged), (1, 0), "same length, other bytes");
        assert_eq!(
            std::fs::read_to_string(site.join("data/big.json")).unwrap(),
            "one two tree!"
        );
        assert_eq!(std::fs::read_dir(t.path()).unwrap().count(), 2, "no staging left");

        let w = SiteWriter::create(&site, None).unwrap();
        w.put_stream("../evil.json", None, &mut |out| out.write_all(b"x"));
        assert!(w.finish().is_err());
        assert!(!t.path().join("evil.json").exists());
    }
}
