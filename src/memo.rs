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
type StoredGraph = (PackedGraph, Vec<Option<u32>>);

/// A [`Graph`] with each id stored once and referred to by its number: the
/// graph names about a million and a half ids at 10,000 articles, and
/// reading each as a string (checked, looked up, compared while inserted in
/// its map) was most of reading the graph. Its maps are stored as lists in
/// their order, and built whole when read.
#[derive(Serialize, serde::Deserialize)]
struct PackedGraph {
    ids: Vec<crate::model::Slug>,
    chronological: Vec<usize>,
    rank: Vec<usize>,
    entities: Vec<PackedEntity>,
    entity_articles: Vec<(u32, Vec<Option<u32>>)>,
    redirects: Vec<(u32, u32)>,
    index_diagnostics: Vec<crate::model::Diagnostic>,
    mentions: Vec<(u32, Vec<crate::graph::MentionRef>)>,
    article_entities: Vec<Vec<(u32, usize)>>,
    related: Vec<(u32, Vec<(u32, usize)>)>,
    timeline: Vec<PackedEvent>,
    events_by_entity: Vec<(u32, Vec<usize>)>,
    diagnostics: Vec<crate::model::Diagnostic>,
}

#[derive(Serialize, serde::Deserialize)]
struct PackedEntity {
    id: u32,
    name: String,
    kind: crate::model::EntityKind,
    aliases: Vec<String>,
    articles: Vec<u32>,
    mentions: usize,
}

#[derive(Serialize, serde::Deserialize)]
struct PackedEvent {
    date: crate::model::EventDate,
    article: Option<usize>,
    sentence: Option<usize>,
    text: String,
    entities: Vec<u32>,
    curated: bool,
    uncertain: bool,
}

/// Numbers ids in the order they are first met.
#[derive(Default)]
struct Numbering<'a> {
    of: std::collections::HashMap<&'a str, u32>,
    ids: Vec<crate::model::Slug>,
}

impl<'a> Numbering<'a> {
    fn of(&mut self, id: &'a crate::model::Slug) -> u32 {
        if let Some(&n) = self.of.get(id.as_str()) {
            return n;
        }
        let n = self.ids.len() as u32;
        self.of.insert(id.as_str(), n);
        self.ids.push(id.clone());
        n
    }
}

impl PackedGraph {
    fn pack(graph: &Graph) -> PackedGraph {
        // destructured, so that a new field cannot be left out
        let Graph {
            chronological,
            rank,
            entities,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            diagnostics,
        } = graph;
        let crate::graph::entities::EntityIndex {
            entities: index_entities,
            article_entities: entity_articles,
            redirects,
            diagnostics: index_diagnostics,
        } = entities;
        let mut n = Numbering::default();
        let entities = index_entities
            .iter()
            .map(|(id, e)| {
                let crate::graph::entities::Entity {
                    id: own_id,
                    name,
                    kind,
                    aliases,
                    // not stored: see `load_graph`
                    registry: _,
                    articles,
                    mentions,
                } = e;
                debug_assert_eq!(id, own_id);
                PackedEntity {
                    id: n.of(own_id),
                    name: name.clone(),
                    kind: *kind,
                    aliases: aliases.iter().cloned().collect(),
                    articles: articles.iter().map(|a| n.of(a)).collect(),
                    mentions: *mentions,
                }
            })
            .collect();
        let entity_articles = entity_articles
            .iter()
            .map(|(a, es)| (n.of(a), es.iter().map(|e| e.as_ref().map(|e| n.of(e))).collect()))
            .collect();
        let redirects = redirects.iter().map(|(a, b)| (n.of(a), n.of(b))).collect();
        let mentions = mentions.iter().map(|(e, ms)| (n.of(e), ms.clone())).collect();
        let article_entities = article_entities
            .iter()
            .map(|m| m.iter().map(|(e, c)| (n.of(e), *c)).collect())
            .collect();
        let related = related
            .iter()
            .map(|(e, rs)| (n.of(e), rs.iter().map(|(r, w)| (n.of(r), *w)).collect()))
            .collect();
        let timeline = timeline
            .iter()
            .map(|ev| {
                let crate::graph::timeline::Event {
                    date,
                    article,
                    sentence,
                    text,
                    entities,
                    curated,
                    uncertain,
                } = ev;
                PackedEvent {
                    date: *date,
                    article: *article,
                    sentence: *sentence,
                    text: text.clone(),
                    entities: entities.iter().map(|e| n.of(e)).collect(),
                    curated: *curated,
                    uncertain: *uncertain,
                }
            })
            .collect();
        let events_by_entity = events_by_entity.iter().map(|(e, evs)| (n.of(e), evs.clone())).collect();
        PackedGraph {
            ids: n.ids,
            chronological: chronological.clone(),
            rank: rank.clone(),
            entities,
            entity_articles,
            redirects,
            index_diagnostics: index_diagnostics.clone(),
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            diagnostics: diagnostics.clone(),
        }
    }

    /// The graph, or `None` when an id's number is out of range or a map's
    /// keys are not in order (a damaged file).
    fn unpack(self) -> Option<Graph> {
        use std::collections::{BTreeMap, BTreeSet};
        let ids = self.ids;
        let id = |i: u32| ids.get(i as usize).cloned();
        // maps and sets were stored in order: built whole from sorted lists,
        // not key by key (a list out of order or with a key twice is damage)
        fn map<K: Ord, V>(list: Vec<(K, V)>) -> Option<BTreeMap<K, V>> {
            list.windows(2)
                .all(|w| w[0].0 < w[1].0)
                .then(|| list.into_iter().collect())
        }
        fn set<K: Ord>(list: Vec<K>) -> Option<BTreeSet<K>> {
            list.windows(2).all(|w| w[0] < w[1]).then(|| list.into_iter().collect())
        }
        let entities = self
            .entities
            .into_iter()
            .map(|e| {
                let own = id(e.id)?;
                let articles = e.articles.into_iter().map(id).collect::<Option<Vec<_>>>()?;
                let entity = crate::graph::entities::Entity {
                    id: own.clone(),
                    name: e.name,
                    kind: e.kind,
                    aliases: set(e.aliases)?,
                    registry: None,
                    articles: set(articles)?,
                    mentions: e.mentions,
                };
                Some((own, entity))
            })
            .collect::<Option<Vec<_>>>()?;
        let entity_articles = self
            .entity_articles
            .into_iter()
            .map(|(a, es)| {
                let es = es
                    .into_iter()
                    .map(|e| match e {
                        Some(e) => id(e).map(Some),
                        None => Some(None),
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some((id(a)?, es))
            })
            .collect::<Option<Vec<_>>>()?;
        let redirects = self
            .redirects
            .into_iter()
            .map(|(a, b)| Some((id(a)?, id(b)?)))
            .collect::<Option<Vec<_>>>()?;
        let mentions = self
            .mentions
            .into_iter()
            .map(|(e, ms)| Some((id(e)?, ms)))
            .collect::<Option<Vec<_>>>()?;
        let article_entities = self
            .article_entities
            .into_iter()
            .map(|m| {
                map(m
                    .into_iter()
                    .map(|(e, c)| Some((id(e)?, c)))
                    .collect::<Option<Vec<_>>>()?)
            })
            .collect::<Option<Vec<_>>>()?;
        let related = self
            .related
            .into_iter()
            .map(|(e, rs)| {
                let rs = rs
                    .into_iter()
                    .map(|(r, w)| Some((id(r)?, w)))
                    .collect::<Option<Vec<_>>>()?;
                Some((id(e)?, rs))
            })
            .collect::<Option<Vec<_>>>()?;
        let timeline = self
            .timeline
            .into_iter()
            .map(|ev| {
                Some(crate::graph::timeline::Event {
                    date: ev.date,
                    article: ev.article,
                    sentence: ev.sentence,
                    text: ev.text,
                    entities: ev.entities.into_iter().map(id).collect::<Option<Vec<_>>>()?,
                    curated: ev.curated,
                    uncertain: ev.uncertain,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let events_by_entity = self
            .events_by_entity
            .into_iter()
            .map(|(e, evs)| Some((id(e)?, evs)))
            .collect::<Option<Vec<_>>>()?;
        Some(Graph {
            chronological: self.chronological,
            rank: self.rank,
            entities: crate::graph::entities::EntityIndex {
                entities: map(entities)?,
                article_entities: map(entity_articles)?,
                redirects: map(redirects)?,
                diagnostics: self.index_diagnostics,
            },
            mentions: map(mentions)?,
            article_entities,
            related: map(related)?,
            timeline,
            events_by_entity: map(events_by_entity)?,
            diagnostics: self.diagnostics,
        })
    }
}

/// The graph stored for inputs `key`, if there is one. `Ok(None)` when the
/// file is missing or was made from other inputs; `Err` (a warning naming
/// the file) when it is damaged.
pub fn load_graph(root: &Path, key: u128, registry: &[RegistryEntry]) -> Result<Option<Graph>, String> {
    let Some((packed, registry_of)) = load::<StoredGraph>(root, GRAPH, key)? else {
        return Ok(None);
    };
    let damaged = || damaged_file(&path(root, GRAPH));
    let mut graph = packed.unpack().ok_or_else(damaged)?;
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
    store(root, GRAPH, key, &(PackedGraph::pack(graph), &registry_of))
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
    fn a_packed_graph_with_ids_out_of_range_or_out_of_order_is_not_a_graph() {
        let registry = vec![entry()];
        let g = graph(&registry);
        assert!(PackedGraph::pack(&g).unpack().is_some());
        let mut bad = PackedGraph::pack(&g);
        bad.entities[0].articles.push(99);
        assert!(bad.unpack().is_none(), "an id out of range");
        let mut bad = PackedGraph::pack(&g);
        bad.entities.swap(0, 1);
        assert!(bad.unpack().is_none(), "a map out of order");
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
