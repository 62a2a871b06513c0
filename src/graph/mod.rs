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
use std::collections::BTreeMap;
use timeline::Event;

/// One sentence that mentions an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
}

/// How many related entities to keep per entity.
const RELATED: usize = 12;

impl Site {
    pub fn build(
        config: Config,
        articles: Vec<Article>,
        analyses: Vec<Analysis>,
        bodies: BodyStore,
        registry: &[RegistryEntry],
    ) -> (Site, Vec<Diagnostic>) {
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
            .zip(&analyses)
            .map(|(a, an)| (a.id.clone(), &an.names))
            .collect();
        let index = entities::merge(&inputs, registry, &config.entities);
        let mut diags = index.diagnostics.clone();
        let local_entities: Vec<Vec<Option<EntityId>>> = articles
            .iter()
            .map(|a| index.article_entities.get(&a.id).cloned().unwrap_or_default())
            .collect();

        let mut mentions: BTreeMap<EntityId, Vec<MentionRef>> = BTreeMap::new();
        let mut article_entities = vec![BTreeMap::new(); articles.len()];
        // co-occurrence: shared sentences weigh 3, shared articles 1. Counted
        // on entity numbers (ids sort like their numbers), not on cloned ids:
        // an article naming 50 entities makes 1,225 pairs.
        let ids: Vec<&EntityId> = index.entities.keys().collect();
        let number: std::collections::HashMap<&EntityId, u32> =
            ids.iter().enumerate().map(|(i, id)| (*id, i as u32)).collect();
        let mut pair: std::collections::HashMap<(u32, u32), usize> = std::collections::HashMap::new();
        for (ai, an) in analyses.iter().enumerate() {
            let local = &local_entities[ai];
            let mut by_sentence: BTreeMap<usize, Vec<&EntityId>> = BTreeMap::new();
            for m in &an.names.mentions {
                let Some(Some(id)) = local.get(m.name) else { continue };
                mentions.entry(id.clone()).or_default().push(MentionRef {
                    article: ai,
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                });
                *article_entities[ai].entry(id.clone()).or_insert(0) += 1;
                by_sentence.entry(m.sentence).or_default().push(id);
            }
            let mut count_pairs = |nums: &[u32], w: usize| {
                for (i, a) in nums.iter().enumerate() {
                    for b in &nums[i + 1..] {
                        *pair.entry((*a, *b)).or_insert(0) += w;
                    }
                }
            };
            for in_sentence in by_sentence.values() {
                let mut nums: Vec<u32> = in_sentence.iter().filter_map(|id| number.get(id).copied()).collect();
                nums.sort_unstable();
                nums.dedup();
                count_pairs(&nums, 3);
            }
            let nums: Vec<u32> = article_entities[ai]
                .keys()
                .filter_map(|id| number.get(id).copied())
                .collect();
            count_pairs(&nums, 1);
        }
        for list in mentions.values_mut() {
            list.sort_by_key(|m| (rank[m.article], m.sentence, m.start));
        }
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

        let timeline = timeline::build(&articles, &analyses, &local_entities, &index, registry, &mut diags);
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
        let site = Site {
            config,
            articles,
            analyses,
            bodies,
            chronological,
            rank,
            entities: index,
            local_entities,
            mentions,
            article_entities,
            related,
            timeline,
            events_by_entity,
        };
        (site, diags)
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
