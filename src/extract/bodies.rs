//! Article bodies (rendered HTML) kept on disk between extraction and
//! rendering. Each is needed once, to write its article page, yet together
//! they are the largest part of a site's data: at 10,000 articles about
//! 200 MB that would otherwise stay resident through the graph and render
//! stages. They go to an anonymous temporary file (gone when the build
//! ends, however it ends) and come back one at a time.

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
}

#[derive(Debug)]
pub struct BodyStore {
    file: Mutex<Option<(File, u64)>>,
    slots: Mutex<Vec<Slot>>,
}

impl BodyStore {
    /// A store for `n` bodies.
    pub fn new(n: usize) -> BodyStore {
        BodyStore {
            file: Mutex::new(tempfile::tempfile().ok().map(|f| (f, 0))),
            slots: Mutex::new(vec![Slot::Empty; n]),
        }
    }

    /// Keep body `i`. Safe to call from many threads.
    pub fn put(&self, i: usize, html: String) {
        let slot = {
            let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
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
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if i >= slots.len() {
            slots.resize(i + 1, Slot::Empty);
        }
        slots[i] = slot;
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
