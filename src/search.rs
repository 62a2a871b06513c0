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
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

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
fn doc_terms<'a>(fields: &[(&'a str, u32)]) -> Vec<(Cow<'a, str>, u32)> {
    let mut m: FxHashMap<Cow<'a, str>, u32> = FxHashMap::default();
    for (text, weight) in fields {
        for w in folded_words(text) {
            *m.entry(w).or_insert(0) += weight;
        }
    }
    m.into_iter().collect()
}

/// [`doc_terms`] through the terms cache, when there is one and the
/// document has a key in it.
fn cached_terms<'a>(
    fields: &[(&'a str, u32)],
    key: Option<&str>,
    cache: Option<&Cache<Terms>>,
) -> Vec<(Cow<'a, str>, u32)> {
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

#[derive(Serialize)]
struct Doc {
    /// relative URL from the site root
    u: String,
    /// title
    t: String,
    /// type: article, person, organization, place, ...
    k: &'static str,
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

/// A word and its postings.
type Entry<'a> = (&'a String, &'a Vec<u32>);

/// Build the index files, handing each to `out`. With a terms cache,
/// an article's terms are looked up there (tokenising every article was a
/// sixth of a one-article rebuild's CPU at 10,000 articles); what cannot be
/// read from it is recomputed (and the cache reports it).
pub fn index(site: &Site, out: &dyn PageSink, cache: Option<&Cache<Terms>>) -> Result<(), String> {
    use rayon::prelude::*;
    let mut docs: Vec<Doc> = Vec::new();
    // the text of each document, tokenised in parallel below
    let mut texts: Vec<Vec<(&str, u32)>> = Vec::new();
    // per document: its key in the terms cache (articles only: an entity's
    // names are quick to tokenise)
    let mut cache_keys: Vec<Option<String>> = Vec::new();
    for &i in &site.chronological {
        let (a, an) = (&site.articles[i], &site.analyses[i]);
        let mut fields = vec![
            (a.meta.title.as_str(), 20),
            (a.meta.subtitle.as_deref().unwrap_or(""), 5),
        ];
        fields.extend(a.meta.authors.iter().map(|s| (s.as_str(), 10)));
        fields.extend(an.sentences.iter().map(|s| (s.as_str(), 1)));
        cache_keys.push(cache.map(|_| {
            // the sentences are a function of the analysis's source
            let mut input = Vec::new();
            for (text, weight) in &fields[..fields.len() - an.sentences.len()] {
                input.extend_from_slice(text.as_bytes());
                input.push(0);
                input.extend_from_slice(&u32::to_le_bytes(*weight));
            }
            input.extend_from_slice(&an.source.to_le_bytes());
            crate::cache::key(&input, "search-terms")
        }));
        texts.push(fields);
        let date = a
            .meta
            .date
            .map(crate::render::display_date)
            .map(|d| format!("{d} · "))
            .unwrap_or_default();
        docs.push(Doc {
            u: crate::render::article_url(a),
            t: a.meta.title.clone(),
            k: "article",
            s: short(
                &format!("{date}{}", a.meta.summary.clone().unwrap_or_else(|| an.summary(160))),
                160,
            ),
        });
    }
    for e in site.entities.entities.values() {
        let articles = site.article_count(&e.id);
        // names weigh most; a popular entity outranks a rare namesake
        let mut fields = vec![(e.name.as_str(), 40 + articles.min(40) as u32)];
        fields.extend(e.aliases.iter().map(|a| (a.as_str(), 30)));
        texts.push(fields);
        cache_keys.push(None);
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
            k: e.kind.as_str(),
            s: short(&s, 160),
        });
    }
    // word -> [(doc, score)], docs in order; tokenised a slice at a time
    // so the words of every document are never all held at once
    let mut postings: FxHashMap<Cow<str>, Vec<(u32, u32)>> = FxHashMap::default();
    for (n, (slice, keys)) in texts.chunks(512).zip(cache_keys.chunks(512)).enumerate() {
        let terms: Vec<Vec<(Cow<str>, u32)>> = slice
            .par_iter()
            .zip(keys)
            .map(|(f, k)| cached_terms(f, k.as_deref(), cache))
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

    // best postings per word, as a flat [doc, score, doc, score, ...] list
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (w, mut list) in postings {
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(MAX_POSTINGS);
        words.insert(w.into_owned(), list.into_iter().flat_map(|(d, s)| [d, s]).collect());
    }
    // shard by prefix: two letters, longer where a shard would be too big
    let mut shards: BTreeMap<String, BTreeMap<&str, &Vec<u32>>> = BTreeMap::new();
    let mut pending: Vec<(usize, Vec<Entry>)> = {
        let mut by2: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for (w, p) in &words {
            by2.entry(w.chars().take(2).collect()).or_default().push((w, p));
        }
        by2.into_values().map(|v| (2, v)).collect()
    };
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

    let mut keys: Vec<String> = shards.keys().cloned().collect();
    keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    for (k, m) in &shards {
        out.put(Output::new(
            format!("{DIR}/w/{k}.json"),
            serde_json::to_vec(m).map_err(|e| e.to_string())?,
        ));
    }
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        out.put(Output::new(
            format!("{DIR}/d/{n}.json"),
            serde_json::to_vec(chunk).map_err(|e| e.to_string())?,
        ));
    }
    let meta = Meta {
        version: 1,
        docs: docs.len(),
        chunk: CHUNK,
        shards: keys,
    };
    out.put(Output::new(
        format!("{DIR}/meta.json"),
        serde_json::to_vec(&meta).map_err(|e| e.to_string())?,
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_diacritics_and_drop_stopwords() {
        let w: Vec<String> = words("The Erdoğan’s visit to İstanbul, 2017").collect();
        assert_eq!(w, vec!["erdogan", "visit", "istanbul", "2017"]);
    }
}
