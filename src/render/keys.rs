//! Page keys: a hash of everything a page is made from, computed from the
//! site's data without making the page. A rebuild keeps a page whose key
//! the last build recorded for it (see [`crate::output::PageSink::keep`]),
//! so after a one-article edit only the pages that read that article, or an
//! entity whose data changed, are made again.
//!
//! Hashing a page's serialised context says the same, but costs nearly as
//! much as rendering it: an entity page quotes every sentence that mentions
//! the entity. A key hashes small stand-ins instead: an article's version
//! (its id, front matter, the source its analysis was made from, and which
//! entity each of its names is), an entity as a whole, positions and counts.
//! Each key must cover every value its page reads; where in doubt a key
//! hashes more than the page shows (a whole article, a whole entity), which
//! costs a render, never a stale page.

use crate::graph::entities::Entity;
use crate::graph::Site;
use crate::model::EntityId;
use std::fmt::Debug;
use xxhash_rust::xxh3::Xxh3;

/// A key being built: values go in with their lengths, so that two
/// different sequences of values never hash the same bytes.
pub(super) struct Key(Xxh3);

impl Key {
    pub(super) fn new(base: u128) -> Key {
        let mut h = Xxh3::new();
        h.update(&base.to_le_bytes());
        Key(h)
    }

    pub(super) fn u128(&mut self, x: u128) -> &mut Key {
        self.0.update(&x.to_le_bytes());
        self
    }

    pub(super) fn usize(&mut self, x: usize) -> &mut Key {
        self.0.update(&(x as u64).to_le_bytes());
        self
    }

    pub(super) fn str(&mut self, s: &str) -> &mut Key {
        self.usize(s.len());
        self.0.update(s.as_bytes());
        self
    }

    /// A value by its `Debug` form, which shows every field: for the
    /// structs that derive no hash of their own.
    pub(super) fn debug(&mut self, v: &impl Debug) -> &mut Key {
        struct Feed<'a>(&'a mut Xxh3);
        impl std::fmt::Write for Feed<'_> {
            fn write_str(&mut self, s: &str) -> std::fmt::Result {
                self.0.update(s.as_bytes());
                Ok(())
            }
        }
        let _ = std::fmt::Write::write_fmt(&mut Feed(&mut self.0), format_args!("{v:?}\u{0}"));
        self
    }

    /// An entity, every field. Its `Debug` form served as well, but it
    /// escapes every character of its article ids, and the entity pages and
    /// two data files hash every entity on every build.
    pub(super) fn entity(&mut self, e: &Entity) -> &mut Key {
        // destructured, so that a new field cannot be left out of the key
        let Entity {
            id,
            name,
            kind,
            aliases,
            registry,
            articles,
            mentions,
        } = e;
        self.str(id.as_str()).str(name).str(kind.as_str());
        self.usize(aliases.len());
        for a in aliases {
            self.str(a);
        }
        match registry {
            Some(r) => self.str("registry").debug(r),
            None => self.str("extracted"),
        };
        self.usize(articles.len());
        for a in articles {
            self.str(a.as_str());
        }
        self.usize(*mentions)
    }

    pub(super) fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

/// The versions pages are keyed on, and the keys of the pages of one
/// article or entity, computed once per build. A `dossier build` stores
/// them in `.dossier-cache/` for the next process, which takes them as
/// `serve` takes its last build's (see [`Keys::new`]): each is a function of
/// what it hashes, and a prior key is reused only where the base, the graph
/// key and the article's source are the same.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Keys {
    /// The view every page shares, with the whole configuration (pages read
    /// more of it than the site view shows, e.g. `allow_raw_html`).
    base: u128,
    /// Per article: the source its analysis was made from (see
    /// `Analysis::source`), which with the graph decides its version.
    sources: Vec<u128>,
    /// Per article: everything about it that any page may read.
    articles: Vec<u128>,
    /// Per article: what the pages of the entities it names read from it:
    /// its id, front matter, names and dates, and the sentences its names
    /// are in. An edit elsewhere in its text leaves those pages alone.
    mentioned: Vec<u128>,
    /// The hash of the graph's inputs, when the build has it
    /// ([`Site::graph_key`]). It stands for everything in the graph and
    /// what it is made from: entities, their labels, mentions and their
    /// words, related entities, events, and every article's id and front
    /// matter. The keys of the site-wide files, which would hash all of
    /// those, hash it instead (the site's mentions number millions). Pages
    /// of one article or entity do not: any new name anywhere changes it,
    /// and they would all be made again.
    graph: Option<u128>,
    /// Per entity: its id, name and kind, which pages naming it show. Looked
    /// up by hash: the pages look up hundreds of thousands of them.
    labels: rustc_hash::FxHashMap<EntityId, u128>,
    /// Per article: a hash of its card on the front page (see
    /// `render::card`), so that the front page, which lists every article,
    /// is keyed without making every card.
    cards: Vec<Option<u128>>,
    /// Per article: its page's key.
    article_pages: Vec<u128>,
    /// Per entity: the key of its page and feed.
    entity_pages: rustc_hash::FxHashMap<EntityId, u128>,
}

impl Keys {
    /// The keys of `site`'s pages. `prior` is the last build's, kept by a
    /// process that builds again (`serve`) or stored by the last `dossier
    /// build` (from the same program: see `memo::KEYS`): when the base and the graph are
    /// the same, a page's key can change only through the version of an
    /// article it reads, and an article's version only through its source;
    /// so only the keys of the pages that read a changed article are
    /// computed again.
    pub fn new(site: &Site, base: u128, prior: Option<Keys>) -> Keys {
        use rayon::prelude::*;
        let base = Key::new(base).debug(&site.config).finish();
        let sources: Vec<u128> = site.analyses.iter().map(|a| a.source).collect();
        let prior = prior.filter(|p| {
            p.base == base
                && p.graph.is_some()
                && p.graph == site.graph_key
                && p.sources.len() == sources.len()
                && p.cards.len() == sources.len()
        });
        let versions: Vec<(u128, u128, Option<u128>)> = (0..site.articles.len())
            .into_par_iter()
            .map(|i| match &prior {
                Some(p) if p.sources[i] == sources[i] => (p.articles[i], p.mentioned[i], p.cards[i]),
                _ => {
                    let (whole, mentioned) = article_versions(site, i);
                    (whole, mentioned, super::json_hash(&[], &super::card(site, i)))
                }
            })
            .collect();
        let mut articles = Vec::with_capacity(versions.len());
        let mut mentioned = Vec::with_capacity(versions.len());
        let mut cards = Vec::with_capacity(versions.len());
        for (a, m, c) in versions {
            articles.push(a);
            mentioned.push(m);
            cards.push(c);
        }
        let (labels, prior_pages) = match prior {
            Some(p) => {
                let changed = |now: &[u128], was: &[u128]| now.iter().zip(was).map(|(a, b)| a != b).collect();
                let changed: (Vec<bool>, Vec<bool>) =
                    (changed(&articles, &p.articles), changed(&mentioned, &p.mentioned));
                (p.labels, Some((changed, p.article_pages, p.entity_pages)))
            }
            None => {
                let labels = site
                    .entities
                    .entities
                    .values()
                    .map(|e| {
                        let label = Key::new(0)
                            .str(e.id.as_str())
                            .str(&e.name)
                            .str(e.kind.as_str())
                            .finish();
                        (e.id.clone(), label)
                    })
                    .collect();
                (labels, None)
            }
        };
        let mut keys = Keys {
            base,
            sources,
            articles,
            mentioned,
            graph: site.graph_key,
            labels,
            cards,
            article_pages: Vec::new(),
            entity_pages: Default::default(),
        };
        keys.article_pages = (0..site.articles.len())
            .into_par_iter()
            .map(|i| match &prior_pages {
                Some(((changed, _), pages, _)) if !changed[i] => pages[i],
                _ => keys.article_page_key(site, i),
            })
            .collect();
        let entities: Vec<&Entity> = site.entities.entities.values().collect();
        keys.entity_pages = entities
            .into_par_iter()
            .map(|e| {
                let kept = prior_pages.as_ref().and_then(|((_, changed), _, pages)| {
                    let reads_changed = site
                        .mentions
                        .get(&e.id)
                        .is_some_and(|ms| ms.iter().any(|m| changed[m.article]))
                        || site.events_by_entity.get(&e.id).is_some_and(|evs| {
                            evs.iter()
                                .any(|&ev| site.timeline[ev].article.is_some_and(|a| changed[a]))
                        });
                    pages.get(&e.id).copied().filter(|_| !reads_changed)
                });
                (e.id.clone(), kept.unwrap_or_else(|| keys.entity_page_key(site, e)))
            })
            .collect();
        keys
    }

    /// What every page shares: templates, program, site view and settings.
    pub(super) fn base(&self) -> u128 {
        self.base
    }

    /// How an entity shows where another page names it (`entity_ref`).
    fn label(&self, key: &mut Key, id: &EntityId) {
        match self.labels.get(id) {
            Some(&l) => key.u128(l),
            None => key.str(id.as_str()).str("\u{0}none"),
        };
    }

    /// The front page: its cards, in their order, and the events it shows
    /// (`events`, a hash of them); `None` when a card could not be hashed.
    pub(super) fn index(&self, site: &Site, events: u128) -> Option<u128> {
        let mut key = Key::new(self.base);
        key.str("index.html");
        for &i in &site.chronological {
            key.u128(self.cards[i]?);
        }
        Some(key.u128(events).finish())
    }

    /// An article's page.
    pub(super) fn article_page(&self, i: usize) -> u128 {
        self.article_pages[i]
    }

    /// An entity's page and feed.
    pub(super) fn entity_page(&self, e: &EntityId) -> Option<u128> {
        self.entity_pages.get(e).copied()
    }

    /// An article's page: the article, and the entities it names with their
    /// counts.
    fn article_page_key(&self, site: &Site, i: usize) -> u128 {
        let mut key = Key::new(self.base);
        key.str("article").u128(self.articles[i]);
        for (id, n) in &site.article_entities[i] {
            self.label(&mut key, id);
            key.usize(*n);
        }
        key.finish()
    }

    /// An entity's page and feed: the entity, every sentence that mentions
    /// it (through what its article shows of its names), its related
    /// entities and its events.
    fn entity_page_key(&self, site: &Site, e: &Entity) -> u128 {
        let mut key = Key::new(self.base);
        key.str("entity").entity(e);
        for m in site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
            key.u128(self.mentioned[m.article])
                .usize(m.sentence)
                .usize(m.start)
                .usize(m.end);
        }
        key.str("related");
        for (id, w) in site.related.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
            self.label(&mut key, id);
            key.usize(*w);
        }
        key.str("events");
        for &i in site.events_by_entity.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
            let ev = &site.timeline[i];
            key.debug(ev);
            if let Some(a) = ev.article {
                key.u128(self.mentioned[a]);
            }
            for id in &ev.entities {
                self.label(&mut key, id);
            }
        }
        key.finish()
    }
}

/// An article's two versions ([`Keys`]'s `articles` and `mentioned`).
fn article_versions(site: &Site, i: usize) -> (u128, u128) {
    let (a, an) = (&site.articles[i], &site.analyses[i]);
    let whole = Key::new(0)
        .str(a.id.as_str())
        .debug(&a.meta)
        .u128(an.source)
        .debug(&site.local_entities[i])
        .finish();
    // the graph input stands for the names, the dates and the sentences
    // the dates are in; the sentences the names are in are added
    let mut named: Vec<usize> = an.names.mentions.iter().map(|m| m.sentence).collect();
    named.sort_unstable();
    named.dedup();
    let mut key = Key::new(1);
    key.str(a.id.as_str())
        .debug(&a.meta)
        .u128(an.graph_input)
        .debug(&site.local_entities[i]);
    for s in named {
        key.usize(s).str(an.sentences.get(s).map_or("\u{0}", String::as_str));
    }
    (whole, key.finish())
}

/// The data files: each hashes exactly the fields its records show, so an
/// edit that changes no record leaves the file alone without making it.
impl Keys {
    /// `data/articles.json`: each article's front matter and the entities
    /// it names.
    pub(super) fn articles_data(&self, site: &Site) -> u128 {
        let mut key = Key::new(self.base);
        key.str("articles.json");
        if let Some(g) = self.graph {
            return key.u128(g).finish();
        }
        for (a, entities) in site.articles.iter().zip(&site.article_entities) {
            key.str(a.id.as_str()).debug(&a.meta);
            for id in entities.keys() {
                key.str(id.as_str());
            }
        }
        key.finish()
    }

    /// `data/entities.json`: each entity and its mentions per article.
    pub(super) fn entities_data(&self, site: &Site) -> u128 {
        let mut key = Key::new(self.base);
        key.str("entities.json");
        if let Some(g) = self.graph {
            return key.u128(g).finish();
        }
        for e in site.entities.entities.values() {
            key.entity(e);
            for m in site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
                key.str(site.articles[m.article].id.as_str());
            }
        }
        key.finish()
    }

    /// `data/entities.ftm.json`: articles' front matter, entities, and the
    /// words each article names each entity with.
    pub(super) fn ftm_data(&self, site: &Site) -> u128 {
        let mut key = Key::new(self.base);
        key.str("entities.ftm.json");
        if let Some(g) = self.graph {
            return key.u128(g).finish();
        }
        for a in &site.articles {
            key.str(a.id.as_str()).debug(&a.meta);
        }
        for e in site.entities.entities.values() {
            key.entity(e);
            for m in site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
                let sentence = &site.analyses[m.article].sentences[m.sentence];
                key.str(site.articles[m.article].id.as_str())
                    .str(sentence.get(m.start..m.end).unwrap_or("\u{0}"));
            }
        }
        key.finish()
    }

    /// `data/timeline.json` and `data/timeline.ics`: the events, with the
    /// ids of their articles.
    pub(super) fn timeline_data(&self, site: &Site) -> u128 {
        let mut key = Key::new(self.base);
        key.str("timeline");
        if let Some(g) = self.graph {
            return key.u128(g).finish();
        }
        for ev in &site.timeline {
            key.debug(ev);
            if let Some(a) = ev.article {
                key.str(site.articles[a].id.as_str());
            }
        }
        key.finish()
    }

    /// `sitemap.xml`: the set of pages (`pages`, in any order), as a sum of
    /// their paths' hashes.
    pub(super) fn sitemap(&self, pages: &[String]) -> u128 {
        let sum = pages.iter().fold(0u128, |sum, p| {
            sum.wrapping_add(xxhash_rust::xxh3::xxh3_128(p.as_bytes()))
        });
        Key::new(self.base)
            .str("sitemap.xml")
            .usize(pages.len())
            .u128(sum)
            .finish()
    }

    /// The pages (`what`) that show the graph alone, when the build has
    /// its key: the graph's page and `data/graph.json`, the timeline.
    pub(super) fn graph_only(&self, what: &str) -> Option<u128> {
        let g = self.graph?;
        Some(Key::new(self.base).str(what).u128(g).finish())
    }
}
