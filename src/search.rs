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
/// entities by id), with the fields their words come from, what an
/// article's terms are cached under (see [`terms_key`]; entities' names are
/// quick to tokenise), and a hash of those fields.
fn documents(site: &Site) -> (Vec<Doc>, Vec<Fields<'_>>, Vec<Head>, Vec<u128>) {
    use rayon::prelude::*;
    // what an article's words are made from, without its sentences: those
    // are a function of the analysis's source
    let head = |fields: &[(&str, u32)], source: Option<u128>| {
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
    };
    let articles: Vec<(Doc, Fields, Head, u128)> = site
        .chronological
        .par_iter()
        .map(|&i| {
            let (a, an) = (&site.articles[i], &site.analyses[i]);
            let mut weighted = vec![
                (a.meta.title.as_str(), 20),
                (a.meta.subtitle.as_deref().unwrap_or(""), 5),
            ];
            weighted.extend(a.meta.authors.iter().map(|s| (s.as_str(), 10)));
            let input = head(&weighted, Some(an.source));
            let hash = xxhash_rust::xxh3::xxh3_128(&input);
            let fields = Fields {
                weighted,
                sentences: &an.sentences,
            };
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
            (doc, fields, Some(input), hash)
        })
        .collect();
    let mut docs: Vec<Doc> = Vec::new();
    let mut texts: Vec<Fields> = Vec::new();
    let mut heads: Vec<Head> = Vec::new();
    let mut inputs: Vec<u128> = Vec::new();
    for (doc, fields, head, hash) in articles {
        docs.push(doc);
        texts.push(fields);
        heads.push(head);
        inputs.push(hash);
    }
    for e in site.entities.entities.values() {
        let articles = site.article_count(&e.id);
        // names weigh most; a popular entity outranks a rare namesake
        let mut weighted = vec![(e.name.as_str(), 40 + articles.min(40) as u32)];
        weighted.extend(e.aliases.iter().map(|a| (a.as_str(), 30)));
        inputs.push(xxhash_rust::xxh3::xxh3_128(&head(&weighted, None)));
        texts.push(Fields {
            weighted,
            sentences: &[],
        });
        heads.push(None);
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
    (docs, texts, heads, inputs)
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
fn all_postings(texts: &[Fields], heads: &[Head], cache: Option<&Cache<Terms>>) -> BTreeMap<String, Vec<(u32, u32)>> {
    use rayon::prelude::*;
    // word -> [(doc, score)], docs in order; tokenised a slice at a time
    // so the words of every document are never all held at once
    let mut postings: FxHashMap<Cow<str>, Vec<(u32, u32)>> = FxHashMap::default();
    for (n, (slice, heads)) in texts.chunks(512).zip(heads.chunks(512)).enumerate() {
        let terms: Vec<Vec<(Cow<str>, u32)>> = slice
            .par_iter()
            .zip(heads)
            .map(|(f, h)| cached_terms(f, terms_key(h, cache).as_deref(), cache))
            .collect();
        for (i, list) in terms.into_iter().enumerate() {
            let doc = (n * 512 + i) as u32;
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
    let (docs, texts, heads, inputs) = documents(site);
    // the documents are where they were: same number, same order
    let prior = prior.filter(|p| p.docs.len() == docs.len() && p.docs.iter().zip(&docs).all(|(a, b)| a.u == b.u));
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
                let key = terms_key(&heads[d], cache);
                for (w, score) in cached_terms(&texts[d], key.as_deref(), cache) {
                    let list = postings.entry(w.to_string()).or_default();
                    let at = list.partition_point(|p| p.0 < d as u32);
                    list.insert(at, (d as u32, score));
                    is.entry(w.into_owned()).or_default().push((d as u32, score));
                }
            }
            let touched = was.keys().chain(is.keys()).filter(|w| was.get(*w) != is.get(*w));
            let dirty: BTreeSet<String> = touched.map(|w| group_of(w).to_string()).collect();
            let state = IndexState {
                docs: Vec::new(),
                inputs: Vec::new(),
                postings,
                outputs,
            };
            (state, Some(dirty), Some(old_docs))
        }
        _ => {
            let state = IndexState {
                postings: all_postings(&texts, &heads, cache),
                ..IndexState::default()
            };
            (state, None, None)
        }
    };
    drop(texts);

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
    state.docs = docs;
    state.inputs = inputs;
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
        };
        let bytes = postcard::to_stdvec(&state).unwrap();
        let back: IndexState = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(
            (back.inputs, back.postings, back.outputs),
            (state.inputs, state.postings, state.outputs)
        );
        // the same bytes with the two words swapped: not a state
        type Unordered = (Vec<Doc>, Vec<u128>, Vec<(String, Vec<(u32, u32)>)>, Vec<(String, u128)>);
        let unordered: Unordered = (
            vec![],
            vec![],
            vec![("beta".into(), vec![]), ("alpha".into(), vec![])],
            vec![],
        );
        let bytes = postcard::to_stdvec(&unordered).unwrap();
        assert!(postcard::from_bytes::<IndexState>(&bytes).is_err());
    }

    #[test]
    fn words_fold_diacritics_and_drop_stopwords() {
        let w: Vec<String> = words("The Erdoğan’s visit to İstanbul, 2017").collect();
        assert_eq!(w, vec!["erdogan", "visit", "istanbul", "2017"]);
    }
}
