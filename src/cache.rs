//! The per-article caches in `.dossier-cache/`: `extract.pack` holds each
//! article's extraction and `terms.pack` its search terms, keyed by a hash
//! of everything they depend on (the article text, the options, the entity
//! lexicon and dossier's own version), so a rebuild redoes only what
//! changed, in `serve` and in CI alike.
//!
//! One append-only file rather than a file per article: creating and
//! deleting tens of thousands of small files is what is slow on many disks
//! (measured: about a third of a clean 10,000-article build). Every record
//! carries a checksum; a corrupt or foreign record is ignored with a
//! warning, never trusted, and a torn tail (a killed build) is cut off. When
//! most of the file is records no build uses any more, it is rewritten.

use crate::extract::Analysis;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The start of the file: a file without it is not ours.
// v2: the payload checksum is xxh3-128 (SHA-256 over every record was
// about 2% of a no-change rebuild's CPU at 10,000 articles, by perf); it
// guards against torn and flipped bytes, which need no cryptographic hash.
const FILE_MAGIC: &[u8; 16] = b"DOSSIER-PACK-v2\n";
/// Bytes of the payload checksum.
const SUM_LEN: usize = 16;
/// The start of each record.
const RECORD_MAGIC: &[u8; 4] = b"REC1";
const KEY_LEN: usize = 40;
/// magic, key, payload length, payload checksum
const HEADER_LEN: usize = 4 + KEY_LEN + 4 + SUM_LEN;
/// A record larger than this is not one we wrote.
const MAX_RECORD: u32 = 256 << 20;

/// Changes whenever the format or meaning of cached data may change.
// -2: an analysis's record leaves out its body, which `bodies.pack` holds;
// -3: it holds the hash of its graph input
const SALT: &str = concat!("dossier-extract-", env!("CARGO_PKG_VERSION"), "-3");

/// The key of one article's record: 40 hex digits. `fingerprint` keeps
/// apart records of different kinds made from the same bytes.
pub fn key(article_bytes: &[u8], fingerprint: &str) -> String {
    let mut h = Sha256::new();
    h.update(SALT.as_bytes());
    h.update(fingerprint.as_bytes());
    h.update(article_bytes);
    let d = h.finalize();
    d.iter().take(KEY_LEN / 2).map(|b| format!("{b:02x}")).collect()
}

fn checksum(payload: &[u8]) -> [u8; SUM_LEN] {
    xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes()
}

/// Where a record's payload sits in the file.
#[derive(Debug, Clone, Copy)]
struct Slot {
    offset: u64,
    len: u32,
}

/// The start of a pack's index file (see [`PackIndex`]).
const INDEX_MAGIC: &[u8; 16] = b"DOSSIER-PIDX-v1\n";

/// What the last build knew of a pack's records, beside it in
/// `<pack>.idx`: reading every record's header back from the pack took a
/// positioned read per record (30,000 of them in three packs at 10,000
/// articles, an eighth of a one-article rebuild's CPU). It stands for the
/// first `end` bytes of the pack file with inode `inode`: a pack is only
/// appended to, cut back where it is damaged (then it is shorter than `end`,
/// or its index is written again), or rewritten whole into a new file (a
/// new inode). The records after `end` are read as before; every record's
/// payload is checked against its checksum when it is read, whatever says
/// where it is. A torn or flipped index is ignored (the pack is scanned).
#[derive(serde::Serialize, serde::Deserialize)]
struct PackIndex {
    inode: u64,
    end: u64,
    records: Vec<(String, u64, u32)>,
}

fn index_path(pack: &Path) -> PathBuf {
    let mut name = pack.as_os_str().to_owned();
    name.push(".idx");
    PathBuf::from(name)
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

/// The index of the pack `pack`, open as `f`, if it is whole and still
/// stands for its file: the records it lists and where they end.
fn read_index(pack: &Path, f: &File) -> Option<(HashMap<String, Slot>, u64)> {
    let bytes = std::fs::read(index_path(pack)).ok()?;
    if bytes.len() < INDEX_MAGIC.len() + SUM_LEN || &bytes[..INDEX_MAGIC.len()] != INDEX_MAGIC {
        return None;
    }
    let (head, sum) = bytes.split_at(bytes.len() - SUM_LEN);
    if checksum(head) != sum {
        return None;
    }
    let idx: PackIndex = postcard::from_bytes(&head[INDEX_MAGIC.len()..]).ok()?;
    let meta = f.metadata().ok()?;
    if idx.inode != inode(&meta) || idx.end < FILE_MAGIC.len() as u64 || idx.end > meta.len() {
        return None;
    }
    let mut index = HashMap::with_capacity(idx.records.len());
    for (key, offset, len) in idx.records {
        let fits = offset >= (FILE_MAGIC.len() + HEADER_LEN) as u64 && offset + u64::from(len) <= idx.end;
        if key.len() != KEY_LEN || !fits {
            return None;
        }
        index.insert(key, Slot { offset, len });
    }
    Some((index, idx.end))
}

/// Write the index of the pack `pack` (open as `f`): `records`, which end
/// at `end`. A failure only costs the next build a scan.
fn write_index(pack: &Path, f: &File, records: &HashMap<String, Slot>, end: u64) {
    let Ok(meta) = f.metadata() else { return };
    let idx = PackIndex {
        inode: inode(&meta),
        end,
        records: records.iter().map(|(k, s)| (k.clone(), s.offset, s.len)).collect(),
    };
    let Ok(mut bytes) = postcard::to_extend(&idx, INDEX_MAGIC.to_vec()) else {
        return;
    };
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum);
    let path = index_path(pack);
    let dir = path.parent().unwrap_or(Path::new("."));
    let written = tempfile::NamedTempFile::new_in(dir).and_then(|mut tmp| {
        tmp.write_all(&bytes)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&path);
    }
}

/// One pack of records of type `T`.
pub struct Cache<T> {
    path: PathBuf,
    index: HashMap<String, Slot>,
    /// Where the good records found when opening end.
    end: u64,
    /// Appends go through the lock; reads are positioned (`pread`) on a
    /// second handle, so the build's threads never wait on each other to
    /// read their records.
    file: Mutex<Option<File>>,
    reader: Option<File>,
    /// Records this build used or added: what a compaction keeps.
    live: Mutex<Vec<(String, Slot)>>,
    /// Records this build added, which it may read back.
    added: Mutex<HashMap<String, Slot>>,
    /// Problems found when opening and bad records met since: each one is
    /// reported once, by [`Cache::finish`].
    warnings: Mutex<Vec<String>>,
    records: PhantomData<fn() -> T>,
}

impl Cache<Analysis> {
    /// The extraction cache of the project at `root`.
    pub fn new(root: &Path) -> Cache<Analysis> {
        Cache::open(root, "extract.pack")
    }
}

impl<T: Serialize + DeserializeOwned> Cache<T> {
    /// Open (or start) the pack `name` of the project at `root`. Never
    /// fails: a cache that cannot be read is a cache that is empty.
    pub fn open(root: &Path, name: &str) -> Cache<T> {
        let dir = root.join(".dossier-cache");
        let path = dir.join(name);
        let mut warnings = Vec::new();
        let mut index = HashMap::new();
        let mut good_end = 0;
        let _ = std::fs::create_dir_all(&dir);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .ok();
        if let Some(f) = &file {
            // the records the index lists, and those appended after them
            let (known, from) = read_index(&path, f).unwrap_or_default();
            match scan(f, known, from) {
                Ok((found, end, damaged)) => {
                    index = found;
                    good_end = end;
                    if damaged {
                        warnings.push(format!(
                            "cache {} is corrupt or from another version after byte {end}; that part is ignored",
                            path.display()
                        ));
                    }
                    // later records go after the last good one
                    let _ = f.set_len(end);
                }
                Err(_) => warnings.push(format!("cache {} cannot be read; ignored", path.display())),
            }
        }
        let reader = file.as_ref().and_then(|f| f.try_clone().ok());
        Cache {
            path,
            index,
            end: good_end,
            file: Mutex::new(file),
            reader,
            live: Mutex::new(Vec::new()),
            added: Mutex::new(HashMap::new()),
            warnings: Mutex::new(warnings),
            records: PhantomData,
        }
    }

    /// A cached record, or `None`. A bad record is `None` too, and is
    /// remembered as a warning for [`Cache::finish`].
    pub fn get(&self, key: &str) -> Option<T> {
        // a record added by this build supersedes one found in the file
        // (which was then bad, or it would not have been made again)
        let added = self.added.lock().unwrap_or_else(|e| e.into_inner()).get(key).copied();
        let slot = match added {
            Some(slot) => slot,
            None => *self.index.get(key)?,
        };
        let reader = self.reader.as_ref()?;
        let mut buf = vec![0u8; SUM_LEN + slot.len as usize];
        // the checksum sits just before the payload
        let record = reader
            .read_exact_at(&mut buf, slot.offset - SUM_LEN as u64)
            .ok()
            .and_then(|()| {
                let (sum, payload) = buf.split_at(SUM_LEN);
                (checksum(payload) == sum).then_some(payload)
            })
            .and_then(|payload| postcard::from_bytes::<T>(payload).ok());
        match record {
            Some(r) => {
                self.live
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((key.to_string(), slot));
                Some(r)
            }
            None => {
                self.warnings.lock().unwrap_or_else(|e| e.into_inner()).push(format!(
                    "cache entry {key} in {} is corrupt or from another version; ignored",
                    self.path.display()
                ));
                None
            }
        }
    }

    /// What was wrong with the pack so far: when opening it and in the
    /// records read since.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether the pack has a record for `key`, which this build then
    /// keeps (as if it had been read) when the pack is compacted.
    pub fn touch(&self, key: &str) -> bool {
        let Some(&slot) = self.index.get(key) else {
            return false;
        };
        self.live
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((key.to_string(), slot));
        true
    }

    /// Store a record; whether it was written. A failed write only costs
    /// redoing its work later.
    pub fn put(&self, key: &str, record: &T) -> bool {
        let Ok(payload) = postcard::to_stdvec(record) else {
            return false;
        };
        if key.len() != KEY_LEN || payload.len() > MAX_RECORD as usize {
            return false;
        }
        let mut rec = Vec::with_capacity(HEADER_LEN + payload.len());
        rec.extend_from_slice(RECORD_MAGIC);
        rec.extend_from_slice(key.as_bytes());
        rec.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        rec.extend_from_slice(&checksum(&payload));
        rec.extend_from_slice(&payload);
        let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let Some(f) = guard.as_mut() else { return false };
        let Ok(end) = f.seek(SeekFrom::End(0)) else {
            return false;
        };
        let end = if end == 0 {
            if f.write_all(FILE_MAGIC).is_err() {
                return false;
            }
            FILE_MAGIC.len() as u64
        } else {
            end
        };
        if f.write_all(&rec).is_err() {
            return false;
        }
        let slot = Slot {
            offset: end + HEADER_LEN as u64,
            len: payload.len() as u32,
        };
        drop(guard);
        self.live
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((key.to_string(), slot));
        self.added
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string(), slot);
        true
    }

    /// End of a build that looked up only some of its records (the rest
    /// came from elsewhere, e.g. a running server's memory): nothing is
    /// compacted, since unused records may still be the project's. Returns
    /// the warnings (see [`Cache::warnings`]).
    pub fn finish_partial(self) -> Vec<String> {
        let mut warnings = self.warnings.into_inner().unwrap_or_else(|e| e.into_inner());
        warnings.sort();
        let added = self.added.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = self.file.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Self::index_all(&self.path, &f, self.index, added, self.end);
        }
        warnings
    }

    /// Write the pack's index: the records found when opening, and those
    /// added since (which supersede them).
    fn index_all(path: &Path, f: &File, mut index: HashMap<String, Slot>, added: HashMap<String, Slot>, end: u64) {
        let end = added.values().map(|s| s.offset + u64::from(s.len)).fold(end, u64::max);
        index.extend(added);
        if end >= FILE_MAGIC.len() as u64 {
            write_index(path, f, &index, end);
        }
    }

    /// End of a build: when at most half of the file is records this
    /// build used, rewrite it with those only, so the cache stays the size
    /// of the project however often articles change. Returns the warnings
    /// (see [`Cache::warnings`]).
    pub fn finish(self) -> Vec<String> {
        let mut warnings = self.warnings.into_inner().unwrap_or_else(|e| e.into_inner());
        // bad records are met in whatever order the threads read them
        warnings.sort();
        let live = self.live.into_inner().unwrap_or_else(|e| e.into_inner());
        let added = self.added.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = self.file.into_inner().unwrap_or_else(|e| e.into_inner()) {
            if !compact(&self.path, &f, &live) {
                Self::index_all(&self.path, &f, self.index, added, self.end);
            }
        }
        warnings
    }
}

/// Rewrite the pack at `path` with the `live` records only, when they are
/// at most half of it (exactly half after a version change made every
/// record again). Whether it did (then the pack has no index: the next
/// build scans it and writes one).
fn compact(path: &Path, mut f: &File, live: &[(String, Slot)]) -> bool {
    let size = f.metadata().map_or(0, |m| m.len());
    let live_bytes: u64 = live.iter().map(|(_, s)| u64::from(s.len) + HEADER_LEN as u64).sum();
    if size < 1 << 20 || live_bytes * 2 > size {
        return false;
    }
    let _ = std::fs::remove_file(index_path(path));
    let tmp = path.with_extension("pack.tmp");
    let result = (|| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(File::create(&tmp)?);
        out.write_all(FILE_MAGIC)?;
        let mut seen = std::collections::HashSet::new();
        for (key, slot) in live {
            if !seen.insert(key) {
                continue;
            }
            let mut rec = vec![0u8; HEADER_LEN + slot.len as usize];
            f.seek(SeekFrom::Start(slot.offset - HEADER_LEN as u64))?;
            f.read_exact(&mut rec)?;
            out.write_all(&rec)?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    true
}

/// Read the record headers from byte `from` (where the records `index`
/// already lists end; 0 for all): key -> slot, the end of the last good
/// record, and whether anything after it was damaged or foreign.
fn scan(f: &File, mut index: HashMap<String, Slot>, from: u64) -> std::io::Result<(HashMap<String, Slot>, u64, bool)> {
    let size = f.metadata()?.len();
    if size == 0 {
        return Ok((HashMap::new(), 0, false));
    }
    if from == 0 {
        index.clear();
        let mut magic = [0u8; 16];
        if size < 16 || f.read_exact_at(&mut magic, 0).is_err() || &magic != FILE_MAGIC {
            return Ok((index, 0, true));
        }
    }
    let mut pos = from.max(16);
    let mut header = [0u8; HEADER_LEN];
    // one positioned read per header: a buffered reader read the payloads
    // between them too, every byte of the packs (400 MB at 10,000
    // articles) on every build
    while pos < size {
        if pos + HEADER_LEN as u64 > size || f.read_exact_at(&mut header, pos).is_err() {
            return Ok((index, pos, true));
        }
        let len = u32::from_le_bytes(header[4 + KEY_LEN..8 + KEY_LEN].try_into().expect("4 bytes"));
        let key = std::str::from_utf8(&header[4..4 + KEY_LEN])
            .ok()
            .filter(|k| k.bytes().all(|b| b.is_ascii_hexdigit()));
        let end = pos + HEADER_LEN as u64 + u64::from(len);
        let (Some(key), true, true) = (key, &header[..4] == RECORD_MAGIC, len <= MAX_RECORD && end <= size) else {
            return Ok((index, pos, true));
        };
        index.insert(
            key.to_string(),
            Slot {
                offset: pos + HEADER_LEN as u64,
                len,
            },
        );
        pos = end;
    }
    Ok((index, pos, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Analysis {
        Analysis {
            html: format!("<p>{n}</p>"),
            sentences: vec![format!("Sentence {n}.")],
            word_count: n,
            ..Analysis::default()
        }
    }

    #[test]
    fn stores_reopens_and_cuts_a_torn_tail() {
        let t = tempfile::tempdir().unwrap();
        let (k1, k2) = (key(b"one", ""), key(b"two", ""));
        let c = Cache::new(t.path());
        c.put(&k1, &sample(1));
        c.put(&k2, &sample(2));
        c.finish();
        let c = Cache::new(t.path());
        assert!(c.warnings().is_empty());
        assert_eq!(c.get(&k2).unwrap().word_count, 2);
        drop(c);
        // a build killed mid-write leaves half a record
        let pack = t.path().join(".dossier-cache/extract.pack");
        let len = std::fs::metadata(&pack).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&pack).unwrap();
        f.set_len(len - 3).unwrap();
        let c = Cache::new(t.path());
        assert_eq!(c.warnings().len(), 1, "{:?}", c.warnings());
        assert_eq!(c.get(&k1).unwrap().word_count, 1);
        assert!(c.get(&k2).is_none());
        c.put(&k2, &sample(2));
        c.finish();
        let c = Cache::new(t.path());
        assert!(c.warnings().is_empty());
        assert_eq!(c.get(&k2).unwrap().word_count, 2);
    }

    #[test]
    fn a_flipped_byte_is_caught_by_the_checksum() {
        let t = tempfile::tempdir().unwrap();
        let k = key(b"one", "");
        let c = Cache::new(t.path());
        c.put(&k, &sample(1));
        c.finish();
        let pack = t.path().join(".dossier-cache/extract.pack");
        let mut b = std::fs::read(&pack).unwrap();
        let last = b.len() - 1;
        b[last] ^= 0xff;
        std::fs::write(&pack, b).unwrap();
        let c = Cache::new(t.path());
        assert!(c.get(&k).is_none());
        let warnings = c.finish();
        assert!(warnings.len() == 1 && warnings[0].contains("corrupt"), "{warnings:?}");
    }

    #[test]
    fn a_foreign_file_is_ignored() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join(".dossier-cache")).unwrap();
        std::fs::write(
            t.path().join(".dossier-cache/extract.pack"),
            b"not a pack at all, really",
        )
        .unwrap();
        let c = Cache::new(t.path());
        assert_eq!(c.warnings().len(), 1);
        let k = key(b"x", "");
        c.put(&k, &sample(3));
        c.finish();
        let c = Cache::new(t.path());
        assert!(c.warnings().is_empty(), "{:?}", c.warnings());
        assert_eq!(c.get(&k).unwrap().word_count, 3);
    }

    #[test]
    fn compaction_keeps_only_what_the_last_build_used() {
        let t = tempfile::tempdir().unwrap();
        let big = |n: usize| Analysis {
            sentences: vec!["x".repeat(300_000)],
            word_count: n,
            ..Analysis::default()
        };
        let c = Cache::new(t.path());
        for n in 0..8 {
            c.put(&key(n.to_string().as_bytes(), ""), &big(n));
        }
        c.finish();
        let pack = t.path().join(".dossier-cache/extract.pack");
        let before = std::fs::metadata(&pack).unwrap().len();
        let c = Cache::new(t.path());
        assert!(c.get(&key(b"3", "")).is_some());
        // a record touched and not read is kept as well
        assert!(c.touch(&key(b"5", "")));
        assert!(!c.touch(&key(b"none", "")));
        c.finish();
        let after = std::fs::metadata(&pack).unwrap().len();
        assert!(after * 3 < before, "{after} vs {before}");
        let c = Cache::new(t.path());
        assert_eq!(c.get(&key(b"3", "")).unwrap().word_count, 3);
        assert_eq!(c.get(&key(b"5", "")).unwrap().word_count, 5);
        assert!(c.get(&key(b"4", "")).is_none());
    }

    /// The index beside a pack stands for that file only: a pack replaced
    /// by another file has records elsewhere, and one record's place read
    /// for another's key would give the wrong record (its checksum holds).
    #[test]
    fn a_packs_index_stands_for_its_own_file_only() {
        let t = tempfile::tempdir().unwrap();
        let (k1, k2) = (key(b"one", ""), key(b"two", ""));
        let c = Cache::new(t.path());
        c.put(&k1, &sample(1));
        c.finish();
        let pack = t.path().join(".dossier-cache/extract.pack");
        assert!(index_path(&pack).exists(), "the index is written");
        // appended after the index was written: found past its end
        let c = Cache::new(t.path());
        c.put(&k2, &sample(2));
        drop(c);
        let c = Cache::new(t.path());
        assert_eq!(c.get(&k1).unwrap().word_count, 1);
        assert_eq!(c.get(&k2).unwrap().word_count, 2);
        drop(c);
        // the pack replaced by another file, where k2's record sits where k1's was
        let other = tempfile::tempdir().unwrap();
        let c = Cache::new(other.path());
        c.put(&k2, &sample(2));
        drop(c);
        let replacement = t.path().join(".dossier-cache/replacement");
        std::fs::copy(other.path().join(".dossier-cache/extract.pack"), &replacement).unwrap();
        std::fs::rename(&replacement, &pack).unwrap();
        let c = Cache::new(t.path());
        assert!(c.get(&k1).is_none(), "not in this file");
        assert_eq!(c.get(&k2).unwrap().word_count, 2);
        c.finish();
        // a damaged index is not used either
        let idx = index_path(&pack);
        let mut b = std::fs::read(&idx).unwrap();
        let n = b.len() / 2;
        b[n] ^= 0xff;
        std::fs::write(&idx, b).unwrap();
        let c = Cache::new(t.path());
        assert!(c.warnings().is_empty(), "{:?}", c.warnings());
        assert_eq!(c.get(&k2).unwrap().word_count, 2);
    }

    #[test]
    fn a_record_put_can_be_read_back_in_the_same_build() {
        let t = tempfile::tempdir().unwrap();
        let c: Cache<String> = Cache::open(t.path(), "bodies.pack");
        let k = key(b"body", "");
        assert!(c.get(&k).is_none());
        assert!(c.put(&k, &"<p>body</p>".to_string()));
        assert_eq!(c.get(&k).as_deref(), Some("<p>body</p>"));
    }
}
