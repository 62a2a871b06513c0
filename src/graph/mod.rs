//! Graph: the cross-article facts, computed once from every article's
//! analysis: reading order, merged entities, backlinks to the sentences that
//! mention them, co-occurrence, and the timeline. Never re-parses text.

pub mod entities;
pub mod timeline;

use crate::config::Config;
use crate::extract::bodies::BodyStore;
use crate::extract::Analysis;
use crate::model::{Article, Diagnostic, EntityId, RegistryEntry};
use entities::EntityIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use timeline::Event;

/// One sentence that mentions an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRef {
    pub article: usize,
    pub sentence: usize,
    /// Byte range of the mention in the sentence text.
    pub start: usize,
    pub end: usize,
}

/// The whole site's data, built once and then only read by the render stage.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by id.
    pub articles: Vec<Article>,
    /// `analyses[i]` belongs to `articles[i]`. Their `html` is empty: the
    /// bodies are in `bodies`.
    pub analyses: Vec<Analysis>,
    /// The rendered body of each article, by index.
    pub bodies: BodyStore,
    /// Article indices newest first; undated ones last, by title.
    pub chronological: Vec<usize>,
    /// Position of each article in `chronological`.
    pub rank: Vec<usize>,
    pub entities: EntityIndex,
    /// Per article: its local name index -> entity (see `extract::entities`).
    pub local_entities: Vec<Vec<Option<EntityId>>>,
    /// Every mention of each entity, in reading order (newest article first).
    pub mentions: BTreeMap<EntityId, Vec<MentionRef>>,
    /// Per article: entity -> number of mentions.
    pub article_entities: Vec<BTreeMap<EntityId, usize>>,
    /// Per entity: the entities it shares sentences or articles with, strongest first.
    pub related: BTreeMap<EntityId, Vec<(EntityId, usize)>>,
    /// Sorted by date, then article.
    pub timeline: Vec<Event>,
    /// Per entity: the positions in `timeline` of the events it takes part in.
    pub events_by_entity: BTreeMap<EntityId, Vec<usize>>,
    /// The hash of the graph's inputs ([`inputs_key`] with the program),
    /// when the build computed it: what is made from the graph alone is
    /// keyed on it instead of on the graph's data.
    pub graph_key: Option<u128>,
    /// The graph's own diagnostics, so that [`Site::into_parts`] gives the
    /// graph back whole.
    graph_diagnostics: Vec<Diagnostic>,
}

/// How many related entities to keep per entity.
const RELATED: usize = 12;

/// What the graph stage derives from the articles: a pure function of the
/// inputs [`inputs_key`] hashes, so a build whose inputs hash the same may
/// take it from the last build (see `cache::GraphMemo`) instead of making it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub chronological: Vec<usize>,
    pub rank: Vec<usize>,
    pub entities: EntityIndex,
    pub mentions: BTreeMap<EntityId, Vec<MentionRef>>,
    pub article_entities: Vec<BTreeMap<EntityId, usize>>,
    pub related: BTreeMap<EntityId, Vec<(EntityId, usize)>>,
    pub timeline: Vec<Event>,
    pub events_by_entity: BTreeMap<EntityId, Vec<usize>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A hash of everything [`Graph::build`] reads: the settings, the registry,
/// and per article its id, file, front matter, names, dates and the
/// sentences its dates are in; and the words of its mentions, so that the
/// pages and files made from the graph alone may be keyed on this hash
/// (see `render::keys`); those come hashed with the analysis
/// ([`Analysis::graph_input`]). Not the rest of an article's text: an edit
/// that changes no name and no dated sentence keeps the graph.
pub fn inputs_key(config: &Config, articles: &[Article], analyses: &[Analysis], registry: &[RegistryEntry]) -> u128 {
    use rayon::prelude::*;
    use xxhash_rust::xxh3::Xxh3;
    let per_article: Vec<u128> = articles
        .par_iter()
        .zip(analyses)
        .map(|(a, an)| {
            let head = format!("{}\0{:?}\0{:?}\0{}\0", a.id, a.file, a.meta, a.body_line);
            let mut h = Xxh3::new();
            h.update(head.as_bytes());
            h.update(&an.graph_input.to_le_bytes());
            h.digest128()
        })
        .collect();
    let mut h = Xxh3::new();
    h.update(format!("{config:?}\0{registry:?}\0").as_bytes());
    for k in per_article {
        h.update(&k.to_le_bytes());
    }
    h.digest128()
}

impl Site {
    /// Derive the graph from the articles and make the site of it.
    pub fn build(
        config: Config,
        articles: Vec<Article>,
        analyses: Vec<Analysis>,
        bodies: BodyStore,
        registry: &[RegistryEntry],
    ) -> (Site, Vec<Diagnostic>) {
        let graph = Graph::build(&config, &articles, &analyses, registry);
        Site::new(config, articles, analyses, bodies, (graph, None))
    }

    /// The site of the articles and their graph (made now or kept).
    pub fn new(
        config: Config,
        articles: Vec<Article>,
        analyses: Vec<Analysis>,
        bodies: BodyStore,
        (graph, graph_key): (Graph, Option<u128>),
    ) -> (Site, Vec<Diagnostic>) {
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
        let local_entities = articles
            .iter()
            .map(|a| entities.article_entities.get(&a.id).cloned().unwrap_or_default())
            .collect();
        let site = Site {
            config,
            articles,
            analyses,
            bodies,
            chronological,
            rank,
            entities,
            local_entities,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            graph_key,
            graph_diagnostics: diagnostics.clone(),
        };
        (site, diagnostics)
    }

    /// The articles, their analyses and bodies, and the graph the site was
    /// made of: what a process that builds again (`serve`) keeps.
    pub fn into_parts(self) -> (Vec<Article>, Vec<Analysis>, BodyStore, Graph) {
        let Site {
            config: _,
            articles,
            analyses,
            bodies,
            chronological,
            rank,
            entities,
            local_entities: _,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            graph_key: _,
            graph_diagnostics,
        } = self;
        let graph = Graph {
            chronological,
            rank,
            entities,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            diagnostics: graph_diagnostics,
        };
        (articles, analyses, bodies, graph)
    }
}

impl Graph {
    /// Derive the graph from every article. Its diagnostics are in
    /// `diagnostics`.
    pub fn build(config: &Config, articles: &[Article], analyses: &[Analysis], registry: &[RegistryEntry]) -> Graph {
        let mut chronological: Vec<usize> = (0..articles.len()).collect();
        chronological.sort_by(|&a, &b| {
            let (x, y) = (&articles[a], &articles[b]);
            match (x.meta.date, y.meta.date) {
                (Some(dx), Some(dy)) => dy.cmp(&dx).then_with(|| x.id.cmp(&y.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => x.meta.title.cmp(&y.meta.title).then_with(|| x.id.cmp(&y.id)),
            }
        });
        let mut rank = vec![0; articles.len()];
        for (r, &i) in chronological.iter().enumerate() {
            rank[i] = r;
        }

        let inputs: Vec<_> = articles
            .iter()
            .zip(analyses)
            .map(|(a, an)| (a.id.clone(), &an.names))
            .collect();
        let index = entities::merge(&inputs, registry, &config.entities);
        let mut diags = index.diagnostics.clone();
        let local_entities: Vec<Vec<Option<EntityId>>> = articles
            .iter()
            .map(|a| index.article_entities.get(&a.id).cloned().unwrap_or_default())
            .collect();

        // The loops below run once per mention (millions at 10,000
        // articles), so they work on entity numbers, not on cloned ids:
        // numbers follow id order for the entities of the index; ids an
        // article names that the index lacks get numbers after them and take
        // no part in co-occurrence.
        let mut ids: Vec<&EntityId> = index.entities.keys().collect();
        let indexed = ids.len();
        let mut number: rustc_hash::FxHashMap<&EntityId, u32> =
            ids.iter().enumerate().map(|(i, id)| (*id, i as u32)).collect();
        let local_numbers: Vec<Vec<Option<u32>>> = local_entities
            .iter()
            .map(|local| {
                local
                    .iter()
                    .map(|id| {
                        let id = id.as_ref()?;
                        Some(*number.entry(id).or_insert_with(|| {
                            ids.push(id);
                            (ids.len() - 1) as u32
                        }))
                    })
                    .collect()
            })
            .collect();
        let mut mentions_by_number: Vec<Vec<MentionRef>> = vec![Vec::new(); ids.len()];
        let mut article_entities = Vec::with_capacity(articles.len());
        // co-occurrence: shared sentences weigh 3, shared articles 1. An
        // article naming 50 entities makes 1,225 pairs.
        let mut pair: rustc_hash::FxHashMap<(u32, u32), usize> = rustc_hash::FxHashMap::default();
        let mut count_pairs = |nums: &[u32], w: usize| {
            for (i, a) in nums.iter().enumerate() {
                for b in &nums[i + 1..] {
                    *pair.entry((*a, *b)).or_insert(0) += w;
                }
            }
        };
        let mut in_article: Vec<(usize, u32)> = Vec::new();
        for (ai, an) in analyses.iter().enumerate() {
            let local = &local_numbers[ai];
            in_article.clear();
            for m in &an.names.mentions {
                let Some(Some(n)) = local.get(m.name) else { continue };
                mentions_by_number[*n as usize].push(MentionRef {
                    article: ai,
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                });
                in_article.push((m.sentence, *n));
            }
            in_article.sort_unstable();
            let mut nums: Vec<u32> = Vec::new();
            for group in in_article.chunk_by(|x, y| x.0 == y.0) {
                nums.clear();
                nums.extend(group.iter().map(|g| g.1).filter(|&n| (n as usize) < indexed));
                nums.dedup();
                count_pairs(&nums, 3);
            }
            let mut counts: Vec<(u32, usize)> = Vec::new();
            let mut all: Vec<u32> = in_article.iter().map(|g| g.1).collect();
            all.sort_unstable();
            for group in all.chunk_by(|x, y| x == y) {
                counts.push((group[0], group.len()));
            }
            nums.clear();
            nums.extend(counts.iter().map(|c| c.0).filter(|&n| (n as usize) < indexed));
            count_pairs(&nums, 1);
            article_entities.push(
                counts
                    .into_iter()
                    .map(|(n, c)| (ids[n as usize].clone(), c))
                    .collect::<BTreeMap<EntityId, usize>>(),
            );
        }
        let mut mentions: BTreeMap<EntityId, Vec<MentionRef>> = BTreeMap::new();
        for (n, mut list) in mentions_by_number.into_iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            list.sort_by_key(|m| (rank[m.article], m.sentence, m.start));
            mentions.insert(ids[n].clone(), list);
        }
        let ids = &ids[..indexed];
        let mut by_number: Vec<Vec<(u32, usize)>> = vec![Vec::new(); ids.len()];
        for ((a, b), w) in pair {
            by_number[a as usize].push((b, w));
            by_number[b as usize].push((a, w));
        }
        let mut related: BTreeMap<EntityId, Vec<(EntityId, usize)>> = BTreeMap::new();
        for (a, mut list) in by_number.into_iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            // strongest first; ties by id, which numbers follow
            list.sort_unstable_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            list.truncate(RELATED);
            related.insert(
                ids[a].clone(),
                list.into_iter().map(|(b, w)| (ids[b as usize].clone(), w)).collect(),
            );
        }

        let timeline = timeline::build(articles, analyses, &local_entities, &index, registry, &mut diags);
        let mut events_by_entity: BTreeMap<EntityId, Vec<usize>> = BTreeMap::new();
        for (i, ev) in timeline.iter().enumerate() {
            for id in &ev.entities {
                let list = events_by_entity.entry(id.clone()).or_default();
                // an event may list an entity twice; keep each position once
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Graph {
            chronological,
            rank,
            entities: index,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
            diagnostics: diags,
        }
    }
}

impl Site {
    /// How many articles mention an entity.
    pub fn article_count(&self, id: &EntityId) -> usize {
        // mentions are grouped by article (sorted by reading order)
        self.mentions.get(id).map_or(0, |m| {
            let mut n = 0;
            let mut last = usize::MAX;
            for x in m {
                if x.article != last {
                    n += 1;
                    last = x.article;
                }
            }
            n
        })
    }
}

/// A name found in the articles that the registry does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub name: String,
    pub kind: Option<crate::model::EntityKind>,
    pub mentions: usize,
    /// A sentence that mentions it.
    pub context: String,
}

/// Names not in the registry, most mentioned first.
pub fn suggestions(site: &Site) -> Vec<Suggestion> {
    let mut by_name: BTreeMap<String, Suggestion> = BTreeMap::new();
    for (ai, an) in site.analyses.iter().enumerate() {
        for m in &an.names.mentions {
            let found = &an.names.names[m.name];
            let registered = site.local_entities[ai]
                .get(m.name)
                .cloned()
                .flatten()
                .and_then(|id| site.entities.entities.get(&id))
                .is_some_and(|e| e.registry.is_some());
            if registered || found.registry_id.is_some() {
                continue;
            }
            let s = by_name.entry(found.name.clone()).or_insert_with(|| Suggestion {
                name: found.name.clone(),
                kind: found.kind,
                mentions: 0,
                context: an.sentences.get(m.sentence).cloned().unwrap_or_default(),
            });
            s.mentions += 1;
        }
    }
    let mut v: Vec<Suggestion> = by_name.into_values().collect();
    v.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    v
}
