//! Article bodies (rendered HTML) kept on disk between extraction and
//! rendering. Each is needed once, to write its article page, yet together
//! they are the largest part of a site's data: at 10,000 articles about
//! 200 MB that would otherwise stay resident through the graph and render
//! stages. With the cache, they are its `bodies.pack` records and are read
//! from there only when a page is made: a rebuild that keeps most pages
//! reads few of them (copying every body out was a fourteenth of a
//! one-article rebuild). Without it, they go to an anonymous temporary file
//! (gone when the build ends, however it ends) and come back one at a time.

use crate::cache::Cache;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

#[derive(Debug, Clone)]
enum Slot {
    Empty,
    /// Offset and length in the file.
    Spilled(u64, usize),
    /// Kept in memory: no temporary file could be made.
    Kept(String),
    /// The record of this key in the bodies pack.
    Packed(String),
}

pub struct BodyStore {
    file: Mutex<Option<(File, u64)>>,
    slots: Mutex<Vec<Slot>>,
    pack: Option<Cache<String>>,
    /// Read each packed body when it is found (checking it) rather than
    /// when its page is made.
    eager: bool,
    /// A packed body could not be read back when its page was made.
    damaged: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for BodyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodyStore").finish_non_exhaustive()
    }
}

impl BodyStore {
    /// A store for `n` bodies.
    pub fn new(n: usize) -> BodyStore {
        BodyStore {
            file: Mutex::new(tempfile::tempfile().ok().map(|f| (f, 0))),
            slots: Mutex::new(vec![Slot::Empty; n]),
            pack: None,
            eager: false,
            damaged: Default::default(),
        }
    }

    /// A store for `n` bodies that keeps them in the cache's `pack`. With
    /// `eager`, a body found there is read at once (see
    /// [`BodyStore::use_packed`]).
    pub fn with_pack(n: usize, pack: Cache<String>, eager: bool) -> BodyStore {
        BodyStore {
            file: Mutex::new(None),
            slots: Mutex::new(vec![Slot::Empty; n]),
            pack: Some(pack),
            eager,
            damaged: Default::default(),
        }
    }

    /// Body `i` is the pack's record `key`, if the pack has it: then it is
    /// read only when asked for, or at once (and checked) when the store is
    /// eager. Safe to call from many threads.
    pub fn use_packed(&self, i: usize, key: &str) -> bool {
        let Some(pack) = &self.pack else { return false };
        if self.eager {
            return match pack.get(key) {
                Some(html) => {
                    self.put(i, html);
                    true
                }
                None => false,
            };
        }
        let found = pack.touch(key);
        if found {
            self.set(i, Slot::Packed(key.to_string()));
        }
        found
    }

    /// Whether a packed body could not be read back: the pages made from
    /// it are wrong, and the build must be made again with an eager store.
    pub fn damaged(&self) -> bool {
        self.damaged.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Keep body `i` in the pack as record `key` (or, failing that, as
    /// [`BodyStore::put`] does).
    pub fn put_packed(&self, i: usize, key: &str, html: String) {
        if self.pack.as_ref().is_some_and(|p| p.put(key, &html)) {
            self.set(i, Slot::Packed(key.to_string()));
        } else {
            self.put(i, html);
        }
    }

    fn set(&self, i: usize, slot: Slot) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if i >= slots.len() {
            slots.resize(i + 1, Slot::Empty);
        }
        slots[i] = slot;
    }

    /// The end of the build: the pack's warnings (see [`Cache::finish`]).
    pub fn finish(&mut self) -> Vec<String> {
        self.pack.take().map(Cache::finish).unwrap_or_default()
    }

    /// Keep body `i`. Safe to call from many threads.
    pub fn put(&self, i: usize, html: String) {
        let slot = {
            let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
            if guard.is_none() && self.pack.is_some() {
                // a store with a pack makes its spill file only when needed
                *guard = tempfile::tempfile().ok().map(|f| (f, 0));
            }
            // reads move the file position: always write at the recorded end
            let written = guard.as_mut().and_then(|(f, end)| {
                let ok = f.seek(SeekFrom::Start(*end)).is_ok() && f.write_all(html.as_bytes()).is_ok();
                ok.then(|| {
                    let at = *end;
                    *end += html.len() as u64;
                    at
                })
            });
            match written {
                Some(at) => Slot::Spilled(at, html.len()),
                None => Slot::Kept(html),
            }
        };
        self.set(i, slot);
    }

    /// Body `i` (empty if none was kept or it cannot be read back).
    pub fn get(&self, i: usize) -> String {
        let slot = self
            .slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(i)
            .cloned()
            .unwrap_or(Slot::Empty);
        match slot {
            Slot::Empty => String::new(),
            Slot::Kept(s) => s,
            Slot::Packed(key) => match self.pack.as_ref().and_then(|p| p.get(&key)) {
                Some(html) => html,
                None => {
                    self.damaged.store(true, std::sync::atomic::Ordering::Relaxed);
                    String::new()
                }
            },
            Slot::Spilled(offset, len) => {
                let mut buf = vec![0; len];
                let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
                let ok = guard
                    .as_mut()
                    .is_some_and(|(f, _)| f.seek(SeekFrom::Start(offset)).is_ok() && f.read_exact(&mut buf).is_ok());
                drop(guard);
                if ok {
                    String::from_utf8(buf).unwrap_or_default()
                } else {
                    String::new()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_come_back_as_they_went_in() {
        let s = BodyStore::new(3);
        s.put(2, "<p>two</p>".into());
        assert_eq!(s.get(2), "<p>two</p>");
        // a read in between must not make the next body overwrite the first
        s.put(0, "<p>zero é</p>".into());
        assert_eq!(s.get(0), "<p>zero é</p>");
        assert_eq!(s.get(1), "");
        assert_eq!(s.get(2), "<p>two</p>");
        assert_eq!(s.get(9), "");
    }
}
