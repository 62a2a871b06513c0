//! The search index: a small inverted index, split into shards by word
//! prefix, that a browser loads piece by piece: a query fetches the shard
//! map, the one or two shards its words fall in, and the few document
//! chunks its top results sit in, whatever the size of the site.
//!
//! Why not pagefind, which the issue suggested? Used as a library it cost
//! about 5 ms per article on the 2-core benchmark machine (9 s for 1,000
//! articles and their 8,000 entities), which alone would exceed the whole
//! build budget at 10,000 articles. This index builds in a fraction of that.

use crate::cache::Cache;
use crate::graph::Site;
use crate::output::{Output, PageSink};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Where the index lives in the site.
pub const DIR: &str = "search/index";
/// Documents per metadata chunk: a result list of ten touches at most ten.
const CHUNK: usize = 64;
/// A shard over this many bytes is split by a longer prefix.
const SHARD_BYTES: usize = 96 * 1024;
/// Postings kept per word: the best-scoring documents only.
const MAX_POSTINGS: usize = 400;

/// Words too common to be worth an index entry.
const STOP: &[&str] = &[
    "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "it", "as", "with", "was", "by", "at", "be",
    "this", "are", "from", "or", "an", "but", "not", "have", "has", "had", "its", "were", "which", "their", "they",
    "been", "also", "he", "she", "his", "her", "we", "you", "i", "will", "would", "can", "there", "than", "more",
    "who", "all", "one", "into", "about", "after", "other", "some", "them", "these", "what", "when", "so", "if",
];

fn is_stop(w: &str) -> bool {
    static SET: std::sync::LazyLock<FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP.iter().copied().collect());
    SET.contains(w)
}

/// Fold a text into index words: ASCII, lower case, letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    folded_words(text).map(Cow::into_owned)
}

/// [`words`], borrowing the words that are already folded (most are: the
/// index sees millions of words at 10,000 articles).
fn folded_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            // most words are ASCII already: skip the transliteration
            let f: Cow<str> = if w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                Cow::Borrowed(w)
            } else if w.is_ascii() {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Owned(
                    deunicode::deunicode(w)
                        .to_ascii_lowercase()
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .collect(),
                )
            };
            (f.len() >= 2 && f.len() <= 40 && !is_stop(&f)).then_some(f)
        })
}

/// An article's search terms as the terms cache keeps them.
pub type Terms = Vec<(String, u32)>;

/// The weighted words of one document, each once with its summed score.
fn doc_terms<'a>(fields: &Fields<'a>) -> Vec<(Cow<'a, str>, u32)> {
    let mut m: FxHashMap<Cow<'a, str>, u32> = FxHashMap::default();
    let sentences = fields.sentences.iter().map(|s| (s.as_str(), 1));
    for (text, weight) in fields.weighted.iter().copied().chain(sentences) {
        for w in folded_words(text) {
            *m.entry(w).or_insert(0) += weight;
        }
    }
    m.into_iter().collect()
}

/// [`doc_terms`] through the terms cache, when there is one and the
/// document has a key in it.
fn cached_terms<'a>(fields: &Fields<'a>, key: Option<&str>, cache: Option<&Cache<Terms>>) -> Vec<(Cow<'a, str>, u32)> {
    let (Some(c), Some(k)) = (cache, key) else {
        return doc_terms(fields);
    };
    if let Some(t) = c.get(k) {
        return t.into_iter().map(|(w, s)| (Cow::Owned(w), s)).collect();
    }
    let t = doc_terms(fields);
    c.put(k, &t.iter().map(|(w, s)| (w.to_string(), *s)).collect());
    t
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Doc {
    /// relative URL from the site root
    u: String,
    /// title
    t: String,
    /// type: article, person, organization, place, ...
    k: String,
    /// a short description shown under the title
    s: String,
}

#[derive(Serialize)]
struct Meta {
    version: u32,
    docs: usize,
    chunk: usize,
    /// shard prefixes, longest first when they overlap
    shards: Vec<String>,
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    if let Some(cut) = out.rfind(' ') {
        out.truncate(cut);
    }
    out.push('…');
    out
}

/// What a build keeps of its index for the next one (in
/// `.dossier-cache/search.bin`, see [`crate::memo`]): the documents, what
/// each one's words were made from, every posting, and the view each file
/// was written under. A rebuild in which few documents changed, none moved
/// and none came or went takes the changed documents' postings out, puts
/// their new ones in, and writes again only the shards and document chunks
/// they touch: tokenising, ranking and writing every word of a 10,000-article
/// site was a third of a one-article rebuild.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct IndexState {
    docs: Vec<Doc>,
    /// Per document: a hash of the fields its words come from.
    inputs: Vec<u128>,
    /// word -> every (document, score), by document.
    #[serde(deserialize_with = "ordered")]
    postings: BTreeMap<String, Vec<(u32, u32)>>,
    /// Every file of the index, by path, with the view it was written under.
    #[serde(deserialize_with = "ordered")]
    outputs: BTreeMap<String, u128>,
    /// The key of the graph the documents were made with (see
    /// `graph::inputs_key`), and per article document the source of its
    /// analysis: what [`documents`] takes a document back by.
    graph: Option<u128>,
    sources: Vec<u128>,
}

/// A map read back as the ordered list it was written as (a map and a list
/// of pairs are the same bytes in `postcard`) and built whole, not key by
/// key: a tenth of reading the state back at 10,000 articles. Keys out of
/// order or twice are damage.
fn ordered<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Ord + Deserialize<'de>,
    V: Deserialize<'de>,
{
    let list: Vec<(K, V)> = Deserialize::deserialize(d)?;
    if !list.windows(2).all(|w| w[0].0 < w[1].0) {
        return Err(serde::de::Error::custom("keys out of order"));
    }
    Ok(list.into_iter().collect())
}

/// A rebuild in which more than this share of the documents changed makes
/// the index afresh: it is quicker than taking them out one by one.
const DELTA_AT_MOST: usize = 10;

/// The documents of the index, in order (articles newest first, then
/// entities by id), with a hash of the fields each one's words come from
/// (`inputs`) and, per article, the source of its analysis. A document's
/// fields are made again only when its words are needed ([`Documents::text`]).
struct Documents<'a> {
    site: &'a Site,
    entities: Vec<&'a crate::graph::entities::Entity>,
    docs: Vec<Doc>,
    inputs: Vec<u128>,
    sources: Vec<u128>,
}

/// What an article's words are made from, without its sentences (those are
/// a function of the analysis's source): its weighted fields.
fn article_fields(a: &crate::model::Article) -> Vec<(&str, u32)> {
    let mut weighted = vec![
        (a.meta.title.as_str(), 20),
        (a.meta.subtitle.as_deref().unwrap_or(""), 5),
    ];
    weighted.extend(a.meta.authors.iter().map(|s| (s.as_str(), 10)));
    weighted
}

/// An entity's weighted fields: names weigh most; a popular entity
/// outranks a rare namesake.
fn entity_fields<'a>(site: &Site, e: &'a crate::graph::entities::Entity) -> Vec<(&'a str, u32)> {
    let articles = site.article_count(&e.id);
    let mut weighted = vec![(e.name.as_str(), 40 + articles.min(40) as u32)];
    weighted.extend(e.aliases.iter().map(|a| (a.as_str(), 30)));
    weighted
}

/// The bytes a document's terms are cached under: its fields and, for an
/// article, its analysis's source.
fn head(fields: &[(&str, u32)], source: Option<u128>) -> Vec<u8> {
    let mut input = Vec::new();
    for (text, weight) in fields {
        input.extend_from_slice(text.as_bytes());
        input.push(0);
        input.extend_from_slice(&u32::to_le_bytes(*weight));
    }
    if let Some(s) = source {
        input.extend_from_slice(&s.to_le_bytes());
    }
    input
}

/// The documents of `site`. A document of the last build's index (`prior`)
/// is taken as it is when the graph is the same (so are every article's
/// front matter and place, and every entity) and, for an article, so is
/// its analysis's source: making every document again was the longest
/// step of a one-article rebuild's index at 10,000 articles.
fn documents<'a>(site: &'a Site, prior: Option<&IndexState>) -> Documents<'a> {
    use rayon::prelude::*;
    let entities: Vec<&crate::graph::entities::Entity> = site.entities.entities.values().collect();
    let n = site.chronological.len();
    let prior = prior.filter(|p| {
        site.graph_key.is_some()
            && p.graph == site.graph_key
            && p.sources.len() == n
            && p.docs.len() == n + entities.len()
            && p.inputs.len() == p.docs.len()
    });
    let articles: Vec<(Doc, u128, u128)> = site
        .chronological
        .par_iter()
        .enumerate()
        .map(|(j, &i)| {
            let (a, an) = (&site.articles[i], &site.analyses[i]);
            if let Some(p) = prior.filter(|p| p.sources[j] == an.source) {
                return (p.docs[j].clone(), p.inputs[j], an.source);
            }
            let hash = xxhash_rust::xxh3::xxh3_128(&head(&article_fields(a), Some(an.source)));
            let date = a
                .meta
                .date
                .map(crate::render::display_date)
                .map(|d| format!("{d} · "))
                .unwrap_or_default();
            let doc = Doc {
                u: crate::render::article_url(a),
                t: a.meta.title.clone(),
                k: "article".to_string(),
                s: short(
                    &format!("{date}{}", a.meta.summary.clone().unwrap_or_else(|| an.summary(160))),
                    160,
                ),
            };
            (doc, hash, an.source)
        })
        .collect();
    let mut docs = Vec::with_capacity(n + entities.len());
    let mut inputs = Vec::with_capacity(n + entities.len());
    let mut sources = Vec::with_capacity(n);
    for (doc, input, source) in articles {
        docs.push(doc);
        inputs.push(input);
        sources.push(source);
    }
    if let Some(p) = prior {
        docs.extend_from_slice(&p.docs[n..]);
        inputs.extend_from_slice(&p.inputs[n..]);
    } else {
        for e in &entities {
            let articles = site.article_count(&e.id);
            inputs.push(xxhash_rust::xxh3::xxh3_128(&head(&entity_fields(site, e), None)));
            let mut s = e
                .registry
                .as_ref()
                .and_then(|r| r.meta.description.clone())
                .unwrap_or_default();
            if s.is_empty() && !e.aliases.is_empty() {
                s = format!("Also: {}", e.aliases.iter().cloned().collect::<Vec<_>>().join(", "));
            }
            let s = format!("{articles} article{} · {s}", if articles == 1 { "" } else { "s" });
            docs.push(Doc {
                u: format!("entities/{}/", e.id),
                t: e.name.clone(),
                k: e.kind.as_str().to_string(),
                s: short(&s, 160),
            });
        }
    }
    Documents {
        site,
        entities,
        docs,
        inputs,
        sources,
    }
}

impl<'a> Documents<'a> {
    /// Document `d`'s texts, and what its terms are cached under (none for
    /// an entity: its names are quick to tokenise).
    fn text(&self, d: usize) -> (Fields<'a>, Head) {
        let site = self.site;
        match site.chronological.get(d) {
            Some(&i) => {
                let (a, an) = (&site.articles[i], &site.analyses[i]);
                let weighted = article_fields(a);
                let head = head(&weighted, Some(an.source));
                (
                    Fields {
                        weighted,
                        sentences: &an.sentences,
                    },
                    Some(head),
                )
            }
            None => {
                let e = self.entities[d - site.chronological.len()];
                (
                    Fields {
                        weighted: entity_fields(site, e),
                        sentences: &[],
                    },
                    None,
                )
            }
        }
    }
}

/// An article's key in the terms cache, from what its words are made of
/// ([`documents`]); made only for the articles whose terms are needed.
fn terms_key(head: &Head, cache: Option<&Cache<Terms>>) -> Option<String> {
    cache?;
    Some(crate::cache::key(head.as_ref()?, "search-terms"))
}

/// A document's texts: weighted fields, and sentences of weight 1.
struct Fields<'a> {
    weighted: Vec<(&'a str, u32)>,
    sentences: &'a [String],
}

/// What an article's terms are cached under, before it is hashed (see
/// [`terms_key`]); none for an entity.
type Head = Option<Vec<u8>>;

/// Every posting of every word, made afresh.
fn all_postings<'a>(documents: &Documents<'a>, cache: Option<&Cache<Terms>>) -> BTreeMap<String, Vec<(u32, u32)>> {
    use rayon::prelude::*;
    // word -> [(doc, score)], docs in order; tokenised a slice at a time
    // so the words of every document are never all held at once
    let mut postings: FxHashMap<Cow<'a, str>, Vec<(u32, u32)>> = FxHashMap::default();
    let total = documents.docs.len();
    for start in (0..total).step_by(512) {
        let terms: Vec<Vec<(Cow<'a, str>, u32)>> = (start..total.min(start + 512))
            .into_par_iter()
            .map(|d| {
                let (fields, head) = documents.text(d);
                cached_terms(&fields, terms_key(&head, cache).as_deref(), cache)
            })
            .collect();
        for (i, list) in terms.into_iter().enumerate() {
            let doc = (start + i) as u32;
            for (w, score) in list {
                match postings.get_mut(&w) {
                    Some(p) => p.push((doc, score)),
                    None => {
                        postings.insert(w, vec![(doc, score)]);
                    }
                }
            }
        }
    }
    postings.into_iter().map(|(w, p)| (w.into_owned(), p)).collect()
}

/// Build the index files, handing each to `out`. With a terms cache, an
/// article's terms are looked up there (tokenising every article was a
/// sixth of a one-article rebuild's CPU at 10,000 articles); what cannot be
/// read from it is recomputed (and the cache reports it). With the state
/// the last build kept, only what changed is made again (see
/// [`IndexState`]); the state of this build is returned.
pub fn index(
    site: &Site,
    out: &dyn PageSink,
    cache: Option<&Cache<Terms>>,
    prior: Option<IndexState>,
) -> Result<IndexState, String> {
    let documents = documents(site, prior.as_ref());
    let (docs, inputs) = (&documents.docs, &documents.inputs);
    // the documents are where they were: same number, same order
    let prior = prior.filter(|p| p.docs.len() == docs.len() && p.docs.iter().zip(docs).all(|(a, b)| a.u == b.u));
    let changed: Vec<usize> = match &prior {
        Some(p) => (0..docs.len()).filter(|&i| p.inputs[i] != inputs[i]).collect(),
        None => Vec::new(),
    };
    let (mut state, dirty, old_docs) = match prior {
        Some(p) if changed.len() <= docs.len() / DELTA_AT_MOST => {
            let IndexState {
                docs: old_docs,
                mut postings,
                outputs,
                ..
            } = p;
            let mut is_changed = vec![false; docs.len()];
            for &d in &changed {
                is_changed[d] = true;
            }
            // the changed documents' postings, before and after: a word
            // whose postings of them are the same needs no new shard (an
            // added sentence changes the scores of its own words only)
            let mut was: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
            postings.retain(|w, list| {
                let mut gone = Vec::new();
                list.retain(|p| {
                    let keep = !is_changed[p.0 as usize];
                    if !keep {
                        gone.push(*p);
                    }
                    keep
                });
                if !gone.is_empty() {
                    was.insert(w.clone(), gone);
                }
                !list.is_empty()
            });
            let mut is: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
            for &d in &changed {
                let (fields, head) = documents.text(d);
                let key = terms_key(&head, cache);
                for (w, score) in cached_terms(&fields, key.as_deref(), cache) {
                    let list = postings.entry(w.to_string()).or_default();
                    let at = list.partition_point(|p| p.0 < d as u32);
                    list.insert(at, (d as u32, score));
                    is.entry(w.into_owned()).or_default().push((d as u32, score));
                }
            }
            let touched = was.keys().chain(is.keys()).filter(|w| was.get(*w) != is.get(*w));
            let dirty: BTreeSet<String> = touched.map(|w| group_of(w).to_string()).collect();
            let state = IndexState {
                postings,
                outputs,
                ..IndexState::default()
            };
            (state, Some(dirty), Some(old_docs))
        }
        _ => {
            let state = IndexState {
                postings: all_postings(&documents, cache),
                ..IndexState::default()
            };
            (state, None, None)
        }
    };

    // shards: every group of words sharing their first two letters is
    // sharded on its own, so a group no changed word is in stays as it was
    let groups: BTreeSet<String> = match &dirty {
        None => state.postings.keys().map(|w| group_of(w).to_string()).collect(),
        Some(dirty) => {
            let mut groups = dirty.clone();
            let kept: BTreeSet<&str> = state
                .outputs
                .keys()
                .filter_map(|p| p.strip_prefix(SHARDS))
                .map(group_of)
                .filter(|g| !dirty.contains(*g))
                .collect();
            for g in kept {
                let all_kept = group_shards(&state.outputs, g).all(|(p, view)| out.keep(p, *view));
                if !all_kept {
                    groups.insert(g.to_string());
                }
            }
            groups
        }
    };
    for g in &groups {
        // the group's old shards go; its new ones (if any words are left) come
        let old: Vec<String> = group_shards(&state.outputs, g).map(|(p, _)| p.clone()).collect();
        for p in old {
            state.outputs.remove(&p);
        }
        // best postings per word, as a flat [doc, score, doc, score, ...] list
        let words: Vec<(&String, Vec<u32>)> = state
            .postings
            .range(g.clone()..)
            .take_while(|(w, _)| group_of(w) == g)
            .map(|(w, list)| {
                let mut list = list.clone();
                // best score first, then by document: a total order, so
                // selecting the best before sorting them gives the same list
                let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
                if list.len() > MAX_POSTINGS {
                    list.select_nth_unstable_by(MAX_POSTINGS - 1, order);
                    list.truncate(MAX_POSTINGS);
                }
                list.sort_by(order);
                (w, list.into_iter().flat_map(|(d, s)| [d, s]).collect())
            })
            .collect();
        let entries: Vec<Entry> = words.iter().map(|(w, p)| (*w, p)).collect();
        for (name, shard) in shard_group(entries) {
            let bytes = serde_json::to_vec(&shard).map_err(|e| e.to_string())?;
            let path = format!("{SHARDS}{name}.json");
            put_viewed(out, &mut state.outputs, path, bytes);
        }
    }

    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let path = format!("{DIR}/d/{n}.json");
        let same = old_docs
            .as_ref()
            .is_some_and(|old| old.get(n * CHUNK..n * CHUNK + chunk.len()) == Some(chunk));
        if same && state.outputs.get(&path).is_some_and(|v| out.keep(&path, *v)) {
            continue;
        }
        let bytes = serde_json::to_vec(chunk).map_err(|e| e.to_string())?;
        put_viewed(out, &mut state.outputs, path, bytes);
    }
    let mut keys: Vec<String> = state
        .outputs
        .keys()
        .filter_map(|p| p.strip_prefix(SHARDS)?.strip_suffix(".json"))
        .map(str::to_string)
        .collect();
    keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let meta = Meta {
        version: 1,
        docs: docs.len(),
        chunk: CHUNK,
        shards: keys,
    };
    let bytes = serde_json::to_vec(&meta).map_err(|e| e.to_string())?;
    put_viewed(out, &mut state.outputs, format!("{DIR}/meta.json"), bytes);
    let Documents {
        docs, inputs, sources, ..
    } = documents;
    state.docs = docs;
    state.inputs = inputs;
    state.sources = sources;
    state.graph = site.graph_key;
    Ok(state)
}

/// Where the word shards live.
const SHARDS: &str = "search/index/w/";

/// The group a word (or shard name) is sharded in: its first two letters
/// (words are ASCII).
fn group_of(w: &str) -> &str {
    w.get(..2).unwrap_or(w)
}

/// The shard files of group `g` among `outputs`, with their views.
fn group_shards<'a>(outputs: &'a BTreeMap<String, u128>, g: &'a str) -> impl Iterator<Item = (&'a String, &'a u128)> {
    outputs
        .range(format!("{SHARDS}{g}")..)
        .take_while(move |(p, _)| p.strip_prefix(SHARDS).is_some_and(|s| group_of(s) == g))
}

/// Hand `bytes` to `out` as the file `path`, under a view of their hash,
/// and note the view for the next build.
fn put_viewed(out: &dyn PageSink, outputs: &mut BTreeMap<String, u128>, path: String, bytes: Vec<u8>) {
    let view = xxhash_rust::xxh3::xxh3_128(&bytes);
    outputs.insert(path.clone(), view);
    out.put(Output {
        view: Some(view),
        ..Output::new(path, bytes)
    });
}

/// A word and its postings.
type Entry<'a> = (&'a String, &'a Vec<u32>);

/// The shards of one group of words: by their first two letters, longer
/// where a shard would be too big.
fn shard_group<'a>(group: Vec<Entry<'a>>) -> BTreeMap<String, BTreeMap<&'a str, &'a Vec<u32>>> {
    let mut shards: BTreeMap<String, BTreeMap<&str, &Vec<u32>>> = BTreeMap::new();
    if group.is_empty() {
        return shards;
    }
    let mut pending: Vec<(usize, Vec<Entry>)> = vec![(2, group)];
    while let Some((len, group)) = pending.pop() {
        let size: usize = group.iter().map(|(w, p)| w.len() + 6 + p.len() * 5).sum();
        let prefix: String = group[0].0.chars().take(len).collect();
        let splittable = group.iter().any(|(w, _)| w.len() > len);
        if size > SHARD_BYTES && splittable && len < 6 {
            let mut sub: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
            for (w, p) in group {
                // words no longer than the prefix stay in the shorter shard
                let key = if w.len() > len {
                    w.chars().take(len + 1).collect()
                } else {
                    prefix.clone()
                };
                sub.entry(key).or_default().push((w, p));
            }
            for (k, v) in sub {
                if k == prefix {
                    shards
                        .entry(k)
                        .or_default()
                        .extend(v.into_iter().map(|(w, p)| (w.as_str(), p)));
                } else {
                    pending.push((len + 1, v));
                }
            }
        } else {
            shards
                .entry(prefix)
                .or_default()
                .extend(group.into_iter().map(|(w, p)| (w.as_str(), p)));
        }
    }
    shards
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_reads_back_whole_and_its_maps_only_in_order() {
        let state = IndexState {
            docs: vec![],
            inputs: vec![7],
            postings: [
                ("alpha".to_string(), vec![(0, 3)]),
                ("beta".to_string(), vec![(1, 2), (2, 1)]),
            ]
            .into(),
            outputs: [("search/index/meta.json".to_string(), 9)].into(),
            graph: Some(5),
            sources: vec![6],
        };
        let bytes = postcard::to_stdvec(&state).unwrap();
        let back: IndexState = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(
            (back.inputs, back.postings, back.outputs),
            (state.inputs, state.postings, state.outputs)
        );
        // the same bytes with the two words swapped: not a state
        type Unordered = (
            Vec<Doc>,
            Vec<u128>,
            Vec<(String, Vec<(u32, u32)>)>,
            Vec<(String, u128)>,
            Option<u128>,
            Vec<u128>,
        );
        let pairs = |words: [&str; 2]| words.map(|w| (w.to_string(), vec![])).to_vec();
        let unordered: Unordered = (vec![], vec![], pairs(["beta", "alpha"]), vec![], None, vec![]);
        let bytes = postcard::to_stdvec(&unordered).unwrap();
        assert!(postcard::from_bytes::<IndexState>(&bytes).is_err());
        // and in order, the same shape is one
        let ordered: Unordered = (vec![], vec![], pairs(["alpha", "beta"]), vec![], None, vec![]);
        let bytes = postcard::to_stdvec(&ordered).unwrap();
        assert!(postcard::from_bytes::<IndexState>(&bytes).is_ok());
    }

    #[test]
    fn words_fold_diacritics_and_drop_stopwords() {
        let w: Vec<String> = words("The Erdoğan’s visit to İstanbul, 2017").collect();
        assert_eq!(w, vec!["erdogan", "visit", "istanbul", "2017"]);
    }
}
