//! The per-article cache in `.dossier-cache/`: extraction results keyed by
//! a hash of everything they depend on (the article file, the options, the
//! entity lexicon and dossier's own version), so a rebuild re-extracts only
//! what changed, in `serve` and in CI alike. Every entry carries a checksum:
//! a corrupt or foreign entry is ignored with a warning, never trusted.

use crate::extract::Analysis;
use crate::ingest::sha256_hex;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"DOSSIER1";

/// Changes whenever the format or meaning of cached data may change.
const SALT: &str = concat!("dossier-extract-", env!("CARGO_PKG_VERSION"), "-1");

pub struct Cache {
    dir: PathBuf,
}

/// The key of one article's extraction.
pub fn key(article_bytes: &[u8], fingerprint: &str) -> String {
    let mut h = Sha256::new();
    h.update(SALT.as_bytes());
    h.update(fingerprint.as_bytes());
    h.update(article_bytes);
    let d = h.finalize();
    d.iter().take(20).map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache {
            dir: root.join(".dossier-cache").join("extract"),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(&key[2..])
    }

    /// A cached analysis, or `None` (with a warning for a bad entry).
    pub fn get(&self, key: &str) -> Result<Option<Analysis>, String> {
        let Ok(bytes) = std::fs::read(self.path(key)) else {
            return Ok(None);
        };
        let bad = || {
            Err(format!(
                "cache entry {} is corrupt or from another version; ignored",
                self.path(key).display()
            ))
        };
        if bytes.len() < 8 + 64 || &bytes[..8] != MAGIC {
            return bad();
        }
        let (sum, payload) = bytes[8..].split_at(64);
        if sum != sha256_hex(payload).as_bytes() {
            return bad();
        }
        match postcard::from_bytes::<Analysis>(payload) {
            Ok(a) => Ok(Some(a)),
            Err(_) => bad(),
        }
    }

    pub fn put(&self, key: &str, analysis: &Analysis) {
        let Ok(payload) = postcard::to_stdvec(analysis) else {
            return;
        };
        let mut bytes = Vec::with_capacity(payload.len() + 72);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(sha256_hex(&payload).as_bytes());
        bytes.extend_from_slice(&payload);
        let path = self.path(key);
        if let Some(p) = path.parent() {
            let _ = std::fs::create_dir_all(p);
        }
        // a failed write only costs a re-extraction next time
        let _ = crate::ingest::write_atomically(&path, &bytes);
    }
}
