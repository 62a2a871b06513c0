//! What a build keeps in `.dossier-cache/` for the next one besides the
//! per-article packs of [`crate::cache`], each with a key of what it was
//! made from:
//! - `graph.bin`: the graph, keyed on the hash of its inputs
//!   (`graph::inputs_key`). A build whose inputs hash the same takes the
//!   graph from here instead of merging every article's names again: after
//!   an edit that changes no name and no dated sentence, that was two fifths
//!   of a one-article rebuild at 10,000 articles.
//! - `search.bin`: the search index's postings, from which a rebuild
//!   changes only the documents that changed (see
//!   [`crate::search::IndexState`]).
//!
//! - `keys.bin`: the page keys of the last `dossier build` (see
//!   [`crate::render::Keys`]).
//! - `articles.bin`: the articles the last `dossier build` read, without
//!   their text (see [`crate::load::Snapshot`]).
//!
//! Like the packs of [`crate::cache`], it is never trusted blindly: a file
//! of another program, a torn or flipped file, or one that does not decode
//! is ignored with a warning, and the graph is made afresh.

use crate::graph::Graph;
use crate::model::RegistryEntry;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

/// The start of the file. Its version changes with the format.
const MAGIC: &[u8; 16] = b"DOSSIER-GRAPH-1\n";
const KEY_LEN: usize = 16;
const SUM_LEN: usize = 16;

/// The running program: its version, and its binary's size and time. What
/// an earlier build made is trusted only from the same program, since a
/// rebuilt binary (same version or not) may make it differently.
pub fn program() -> u128 {
    // asked for by the theme, the graph and the search index of each build
    static PROGRAM: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    *PROGRAM.get_or_init(program_now)
}

fn program_now() -> u128 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    match std::env::current_exe().and_then(std::fs::metadata) {
        Ok(m) => {
            h.update(&m.len().to_le_bytes());
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            h.update(&mtime.map_or(0, |d| d.as_nanos()).to_le_bytes());
        }
        // no way to tell this program from another: nothing is kept
        Err(_) => h.update(&std::process::id().to_le_bytes()),
    }
    h.digest128()
}

fn path(root: &Path, name: &str) -> PathBuf {
    root.join(".dossier-cache").join(name)
}

/// What is stored of a graph: the graph, and for each entity (in id order)
/// the position in the registry of its entry, since the graph does not
/// serialise registry entries (they are the analyst's, read afresh).
type StoredGraph = (Graph, Vec<Option<u32>>);

/// The graph stored for inputs `key`, if there is one. `Ok(None)` when the
/// file is missing or was made from other inputs; `Err` (a warning naming
/// the file) when it is damaged.
pub fn load_graph(root: &Path, key: u128, registry: &[RegistryEntry]) -> Result<Option<Graph>, String> {
    let Some((mut graph, registry_of)) = load::<StoredGraph>(root, GRAPH, key)? else {
        return Ok(None);
    };
    let damaged = || damaged_file(&path(root, GRAPH));
    if registry_of.len() != graph.entities.entities.len() {
        return Err(damaged());
    }
    for (e, i) in graph.entities.entities.values_mut().zip(registry_of) {
        e.registry = match i {
            Some(i) => Some(registry.get(i as usize).ok_or_else(damaged)?.clone()),
            None => None,
        };
    }
    Ok(Some(graph))
}

/// Store `graph`, made from inputs `key`, for the next build.
pub fn store_graph(root: &Path, key: u128, graph: &Graph, registry: &[RegistryEntry]) -> Result<(), String> {
    // an entity's entry is found by id; when two entries share it (an
    // error the build reports) the graph is not stored
    let by_id: std::collections::BTreeMap<&str, usize> =
        registry.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let mut registry_of = Vec::with_capacity(graph.entities.entities.len());
    for e in graph.entities.entities.values() {
        registry_of.push(match &e.registry {
            Some(r) => match by_id.get(r.id.as_str()) {
                Some(&i) if registry[i] == *r => Some(i as u32),
                _ => return Ok(()),
            },
            None => None,
        });
    }
    store(root, GRAPH, key, &(graph, &registry_of))
}

/// The graph's file.
const GRAPH: &str = "graph.bin";
/// The search index's state (see [`crate::search::IndexState`]).
pub const SEARCH: &str = "search.bin";
/// The last `dossier build`'s page keys (see [`crate::render::Keys`]),
/// for the program that made them.
pub const KEYS: &str = "keys.bin";
/// The articles the last `dossier build` read (see
/// [`crate::load::Snapshot`]), for the program that read them.
pub const ARTICLES: &str = "articles.bin";

/// The warning for the cache file `name` found damaged.
pub fn damaged(root: &Path, name: &str) -> String {
    damaged_file(&path(root, name))
}

fn damaged_file(path: &Path) -> String {
    format!("cache {} is corrupt or from another version; ignored", path.display())
}

/// The value stored in the cache file `name` for `key`, if there is one.
/// `Ok(None)` when the file is missing or was stored for another key;
/// `Err` (a warning naming the file) when it is damaged.
pub fn load<T: DeserializeOwned>(root: &Path, name: &str, key: u128) -> Result<Option<T>, String> {
    let path = path(root, name);
    let mut bytes = Vec::new();
    match std::fs::File::open(&path) {
        Ok(mut f) => f
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {e}; ignored", path.display()))?,
        Err(_) => return Ok(None),
    };
    if bytes.len() < MAGIC.len() + KEY_LEN + SUM_LEN || &bytes[..MAGIC.len()] != MAGIC {
        return Err(damaged_file(&path));
    }
    let (head, sum) = bytes.split_at(bytes.len() - SUM_LEN);
    if xxhash_rust::xxh3::xxh3_128(head).to_le_bytes() != sum {
        return Err(damaged_file(&path));
    }
    if head[MAGIC.len()..MAGIC.len() + KEY_LEN] != key.to_le_bytes() {
        return Ok(None);
    }
    crate::model::Slug::interning(|| postcard::from_bytes(&head[MAGIC.len() + KEY_LEN..]))
        .map(Some)
        .map_err(|_| damaged_file(&path))
}

/// Store `value` in the cache file `name` for `key`, for the next build.
/// Written beside and renamed into place, so a killed build leaves the old
/// file or the new one, never half of one.
pub fn store<T: Serialize>(root: &Path, name: &str, key: u128, value: &T) -> Result<(), String> {
    let path = path(root, name);
    let fail = |e: &dyn std::fmt::Display| format!("{}: cannot write: {e}", path.display());
    let dir = path.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    // made in memory: postcard through an `io::Write` pushes a byte at a
    // time, which took five times as long for the 10,000-article index
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&key.to_le_bytes());
    let mut bytes = postcard::to_extend(value, bytes).map_err(|e| fail(&e))?;
    let sum = xxhash_rust::xxh3::xxh3_128(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    tmp.write_all(&bytes).map_err(|e| fail(&e))?;
    tmp.persist(&path).map_err(|e| fail(&e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::entities::{Entity, EntityIndex};
    use crate::model::{Diagnostic, EntityKind, EntityMeta, Slug};

    fn entry() -> RegistryEntry {
        RegistryEntry {
            id: Slug::parse("recep-tayyip-erdogan").unwrap(),
            file: "content/entities/recep-tayyip-erdogan.md".into(),
            meta: EntityMeta {
                name: "Recep Tayyip Erdoğan".into(),
                kind: EntityKind::Person,
                aliases: vec!["Erdogan".into()],
                description: Some("President of Turkey".into()),
                links: vec![],
                hidden: false,
                redirect_from: vec![],
                events: vec![],
            },
            notes: "Notes.".into(),
        }
    }

    fn graph(registry: &[RegistryEntry]) -> Graph {
        let mut entities = EntityIndex::default();
        for (id, r) in [("recep-tayyip-erdogan", registry.first()), ("ankara", None)] {
            let id = Slug::parse(id).unwrap();
            entities.entities.insert(
                id.clone(),
                Entity {
                    id,
                    name: "Name".into(),
                    kind: EntityKind::Place,
                    aliases: ["Alias".to_string()].into(),
                    registry: r.cloned(),
                    articles: [Slug::parse("an-article").unwrap()].into(),
                    mentions: 3,
                },
            );
        }
        Graph {
            chronological: vec![0],
            rank: vec![0],
            entities,
            mentions: Default::default(),
            article_entities: vec![Default::default()],
            related: Default::default(),
            timeline: vec![],
            events_by_entity: Default::default(),
            diagnostics: vec![Diagnostic::warning("content/articles/a.md", "a warning")],
        }
    }

    #[test]
    fn a_stored_graph_comes_back_whole_for_its_key_only() {
        let t = tempfile::tempdir().unwrap();
        let registry = vec![entry()];
        assert_eq!(load_graph(t.path(), 7, &registry), Ok(None), "nothing stored yet");
        store_graph(t.path(), 7, &graph(&registry), &registry).unwrap();
        // registry entries are not stored: they come from the registry read now
        assert_eq!(load_graph(t.path(), 7, &registry), Ok(Some(graph(&registry))));
        assert_eq!(load_graph(t.path(), 8, &registry), Ok(None), "other inputs");
    }

    #[test]
    fn a_damaged_graph_is_reported_and_not_used() {
        let t = tempfile::tempdir().unwrap();
        let registry = vec![entry()];
        store_graph(t.path(), 7, &graph(&registry), &registry).unwrap();
        let file = path(t.path(), GRAPH);
        let mut bytes = std::fs::read(&file).unwrap();
        let n = bytes.len() / 2;
        bytes[n] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        let err = load_graph(t.path(), 7, &registry).unwrap_err();
        assert!(err.contains("graph.bin") && err.contains("corrupt"), "{err}");
        std::fs::write(&file, b"not a graph").unwrap();
        assert!(load_graph(t.path(), 7, &registry).is_err());
    }
}
