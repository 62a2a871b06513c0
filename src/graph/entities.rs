//! Cross-article merge of the names each article found into entities: one
//! page per thing, never two pages for one thing nor one page for two.
//!
//! Names join when they share a full form after folding (case, diacritics,
//! punctuation, a leading "the": Erdoğan = Erdogan), a form without name
//! particles ("Bashar al-Assad" = "Bashar Assad"), a gazetteer place
//! ("Türkiye" = "Turkey"), a registry name or alias, an acronym spelling the
//! initials of exactly one name ("ISIS" = "Islamic State of Iraq and Syria"),
//! "X of *place*" = X ("Islamic State of Iraq and Syria" = "Islamic State"),
//! or a trailing organisation word ("... Khorasan Province" = "... Khorasan").
//! A one-word short form joins the one person whose surname it is; fitting two,
//! it stays unlinked. Short forms never join names by themselves, so
//! "Winter" in two articles does not make Charlie and Ilana Winter one.
//!
//! Everything is ordered (`BTreeMap`/`BTreeSet`): the same input gives the
//! same output.

use crate::extract::entities::lexicon::gazetteer_place;
use crate::extract::entities::{fold, ArticleNames};
use crate::model::{ArticleId, Diagnostic, EntityConfig, EntityId, EntityKind, RegistryEntry, Slug};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// Page names an entity id must not take.
pub const RESERVED_IDS: &[&str] = &["index", "search", "data", "timeline", "graph"];

/// One merged entity: a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// The registry's name, else the most common full form.
    pub name: String,
    pub kind: EntityKind,
    /// Every other form used for it, and the registry's aliases.
    pub aliases: BTreeSet<String>,
    /// Not serialised: a kept graph takes it from the registry again (see
    /// `cache::GraphMemo`).
    #[serde(skip)]
    pub registry: Option<RegistryEntry>,
    /// Articles that mention it.
    pub articles: BTreeSet<ArticleId>,
    /// Mentions over all articles.
    pub mentions: usize,
}

/// The merged entities and, for each article, which entity each of its names is.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EntityIndex {
    pub entities: BTreeMap<EntityId, Entity>,
    /// For each article, by local name index: its entity, or `None` (below
    /// the evidence threshold, hidden, never_link, or ambiguous).
    pub article_entities: BTreeMap<ArticleId, Vec<Option<EntityId>>>,
    /// `redirect_from` id -> entity id.
    pub redirects: BTreeMap<EntityId, EntityId>,
    pub diagnostics: Vec<Diagnostic>,
}

impl EntityIndex {
    /// The entity of name `name` in article `article`, if it has a page.
    pub fn entity_of(&self, article: &ArticleId, name: usize) -> Option<&Entity> {
        let id = self.article_entities.get(article)?.get(name)?.as_ref()?;
        self.entities.get(id)
    }
}

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "ibn", "de", "van", "von",
];
const CONNECTORS: &[&str] = &["of", "and", "the", "for"];
const DROPPABLE_ORG_TAILS: &[&str] = &["province", "group", "organization", "organisation", "movement"];

fn content_words(key: &str) -> Vec<&str> {
    key.split(' ')
        .filter(|w| !w.is_empty() && !PARTICLES.contains(w) && !CONNECTORS.contains(w))
        .collect()
}

fn core_key(key: &str) -> String {
    key.split(' ')
        .filter(|w| !PARTICLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_acronym(form: &str) -> bool {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !form.contains(' ')
}

fn initials(key: &str) -> String {
    content_words(key).iter().filter_map(|w| w.chars().next()).collect()
}

/// Per node (one name of one article): what the merge needs.
struct Node {
    article: usize,
    name: usize,
    /// (surface form, mentions)
    forms: Vec<(String, usize)>,
    /// folded full forms (keys that may join nodes)
    full_keys: Vec<String>,
    /// the one-word form, when every form is one word (a short form or a single name)
    single: Option<String>,
    /// acronyms (folded letters) of a node that also has its expansion
    acronyms: Vec<String>,
    votes: (u32, u32, u32),
    kind: Option<EntityKind>,
    strong: bool,
    mentions: usize,
    registry: Option<usize>,
}

/// Merge the names of all articles into entities.
#[allow(clippy::needless_range_loop)] // node indices address several parallel tables
pub fn merge(
    articles: &[(ArticleId, &ArticleNames)],
    registry: &[RegistryEntry],
    config: &EntityConfig,
) -> EntityIndex {
    let mut diagnostics = Vec::new();
    let mut index = EntityIndex::default();

    // registry: reserved ids, alias conflicts, redirects
    let mut reg_ok: Vec<bool> = vec![true; registry.len()];
    let mut reg_by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, e) in registry.iter().enumerate() {
        if RESERVED_IDS.contains(&e.id.as_str()) {
            diagnostics.push(
                Diagnostic::error(&e.file, format!("entity id `{}` is a reserved page name", e.id)).hint(format!(
                    "rename the file; reserved names are {}",
                    RESERVED_IDS.join(", ")
                )),
            );
            reg_ok[i] = false;
            continue;
        }
        if let Some(&j) = reg_by_id.get(e.id.as_str()) {
            diagnostics.push(Diagnostic::error(
                &e.file,
                format!("entity id `{}` is also used by {}", e.id, registry[j].file.display()),
            ));
            reg_ok[i] = false;
            continue;
        }
        reg_by_id.insert(e.id.as_str(), i);
    }
    let mut reg_key: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in registry.iter().enumerate() {
        if !reg_ok[i] {
            continue;
        }
        let mut own = BTreeSet::new();
        for alias in std::iter::once(&e.meta.name).chain(&e.meta.aliases) {
            let k = fold(alias);
            if k.is_empty() || !own.insert(k.clone()) {
                continue;
            }
            match reg_key.get(&k) {
                Some(&j) if j != i => diagnostics.push(
                    Diagnostic::error(
                        &e.file,
                        format!(
                            "alias `{}` is claimed by two registry entries: {} and {}",
                            alias,
                            registry[j].file.display(),
                            e.file.display()
                        ),
                    )
                    .hint("keep the alias in one entry only"),
                ),
                Some(_) => {}
                None => {
                    reg_key.insert(k, i);
                }
            }
        }
    }
    for (i, e) in registry.iter().enumerate() {
        if !reg_ok[i] || e.meta.hidden {
            continue;
        }
        for old in &e.meta.redirect_from {
            match Slug::parse(old) {
                Ok(s) if RESERVED_IDS.contains(&s.as_str()) || reg_by_id.contains_key(s.as_str()) => {
                    diagnostics.push(Diagnostic::error(
                        &e.file,
                        format!("redirect_from `{old}` is an entity id or a reserved page name"),
                    ));
                }
                Ok(s) => {
                    if let Some(prev) = index.redirects.insert(s.clone(), e.id.clone()) {
                        diagnostics.push(Diagnostic::error(
                            &e.file,
                            format!("redirect_from `{old}` is also claimed by entity `{prev}`"),
                        ));
                    }
                }
                Err(err) => diagnostics.push(Diagnostic::error(&e.file, format!("redirect_from: {err}"))),
            }
        }
    }

    // nodes: registry entries first, then every name of every article
    let mut nodes: Vec<Node> = Vec::new();
    let nreg = registry.len();
    for (i, e) in registry.iter().enumerate() {
        nodes.push(Node {
            article: usize::MAX,
            name: i,
            forms: Vec::new(),
            // a conflicting alias stays with its first owner only
            full_keys: std::iter::once(&e.meta.name)
                .chain(&e.meta.aliases)
                .map(|a| fold(a))
                .filter(|k| reg_key.get(k) == Some(&i))
                .collect(),
            single: None,
            acronyms: Vec::new(),
            votes: (0, 0, 0),
            kind: Some(e.meta.kind),
            strong: true,
            mentions: 0,
            registry: reg_ok[i].then_some(i),
        });
    }
    let never: BTreeSet<String> = config.never_link.iter().map(|s| fold(s)).collect();
    let article_nodes = |(ai, (_, names)): (usize, &(ArticleId, &ArticleNames))| -> Vec<Node> {
        let counts = names.mention_counts();
        let mut nodes = Vec::with_capacity(names.names.len());
        for (ni, f) in names.names.iter().enumerate() {
            let mut forms: Vec<(String, usize)> = f.forms.clone();
            if forms.is_empty() {
                forms.push((f.name.clone(), counts[ni]));
                forms.extend(f.aliases.iter().map(|a| (a.clone(), 0)));
            }
            let multi = forms.iter().any(|(s, _)| content_words(&fold(s)).len() >= 2);
            let mut full_keys = Vec::new();
            let mut acronyms = Vec::new();
            let pure_acronym = forms.iter().all(|(s, _)| is_acronym(s));
            let mut single = None;
            for (s, _) in &forms {
                let k = fold(s);
                if k.is_empty() {
                    continue;
                }
                let words = content_words(&k).len();
                if is_acronym(s) && !pure_acronym {
                    // an acronym with its expansion joins other articles through the
                    // expansion; a bare acronym elsewhere joins it only if unambiguous
                    acronyms.push(k.replace(' ', ""));
                } else if words >= 2 || is_acronym(s) || !multi {
                    full_keys.push(k.clone());
                }
                if !multi && !is_acronym(s) && single.is_none() {
                    single = Some(core_key(&k));
                }
            }
            let registry_idx = f
                .registry_id
                .as_deref()
                .and_then(|id| reg_by_id.get(id).copied())
                .filter(|&r| reg_ok[r]);
            nodes.push(Node {
                article: ai,
                name: ni,
                forms,
                full_keys,
                single,
                acronyms,
                votes: f.votes,
                kind: f.kind,
                strong: f.strong,
                mentions: counts[ni],
                registry: registry_idx,
            });
        }
        nodes
    };
    nodes.extend(articles.iter().enumerate().flat_map(article_nodes));

    let mut uf = Uf((0..nodes.len()).collect());
    // the maps below are only looked up, never walked, so hash maps are as
    // deterministic as ordered ones (and a lookup costs no string compares)
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let join = |uf: &mut Uf, by_key: &mut FxHashMap<String, usize>, key: String, n: usize| match by_key.get(&key) {
        Some(&m) => uf.union(m, n),
        None => {
            by_key.insert(key, n);
        }
    };
    for (n, node) in nodes.iter().enumerate() {
        if let Some(r) = node.registry {
            uf.union(r, n);
        }
        for k in &node.full_keys {
            join(&mut uf, &mut by_key, k.clone(), n);
            let core = core_key(k);
            if core != *k && content_words(&core).len() >= 2 {
                join(&mut uf, &mut by_key, format!("\u{1}core:{core}"), n);
            }
            if content_words(k).len() >= 2 {
                join(&mut uf, &mut by_key, format!("\u{1}core:{core}"), n);
            }
            if let Some(place) = gazetteer_place(k) {
                join(&mut uf, &mut by_key, format!("\u{1}gaz:{}", fold(place)), n);
            }
        }
        if let Some(s) = &node.single {
            // a single-word name (not a short form): joins the same single word elsewhere
            join(&mut uf, &mut by_key, format!("\u{1}single:{s}"), n);
        }
    }
    let is_org = |node: &Node| node.votes.1 > node.votes.0 || node.kind == Some(EntityKind::Organization);
    let is_person = |node: &Node| node.kind == Some(EntityKind::Person);
    // a trailing organisation word, "X of <place>"
    for n in 0..nodes.len() {
        if !is_org(&nodes[n]) {
            continue;
        }
        for k in nodes[n].full_keys.clone() {
            let words: Vec<&str> = k.split(' ').collect();
            if words.len() >= 3 && DROPPABLE_ORG_TAILS.contains(&words[words.len() - 1]) {
                let short = words[..words.len() - 1].join(" ");
                join(&mut uf, &mut by_key, short, n);
            }
            if let Some(pos) = k.find(" of ") {
                let head = &k[..pos];
                if head.contains(' ') {
                    if let Some(&m) = by_key.get(head) {
                        uf.union(m, n);
                    }
                }
            }
        }
    }
    // a bare acronym ("IS" alone in an article) joins the one group that states it
    // with its expansion elsewhere; fitting two, it stays a page of its own
    {
        let mut by_acronym: FxHashMap<String, BTreeSet<usize>> = FxHashMap::default();
        for n in 0..nodes.len() {
            for a in &nodes[n].acronyms {
                let r = uf.find(n);
                by_acronym.entry(a.clone()).or_default().insert(r);
            }
        }
        let mut unions = Vec::new();
        for n in nreg..nodes.len() {
            if nodes[n].registry.is_some() || !nodes[n].forms.iter().all(|(s, _)| is_acronym(s)) {
                continue;
            }
            for (s, _) in &nodes[n].forms {
                let letters = fold(s).replace(' ', "");
                if let Some(set) = by_acronym.get(&letters) {
                    let roots: BTreeSet<usize> = set.iter().map(|&r| uf.find(r)).collect();
                    if roots.len() == 1 {
                        unions.push((n, *roots.iter().next().unwrap()));
                    }
                }
            }
        }
        for (a, b) in unions {
            uf.union(a, b);
        }
    }
    // acronyms: the initials of exactly one non-person group
    {
        let mut by_initials: FxHashMap<String, BTreeSet<usize>> = FxHashMap::default();
        for n in 0..nodes.len() {
            if is_person(&nodes[n]) {
                continue;
            }
            for k in &nodes[n].full_keys {
                if content_words(k).len() >= 2 {
                    let r = uf.find(n);
                    by_initials.entry(initials(k)).or_default().insert(r);
                }
            }
        }
        // articles of each group: an acronym joins an expansion used in its own article
        // (an acronym is ambiguous across a site: "AI" is not everywhere "Adobe Illustrator")
        let mut articles_of: FxHashMap<usize, FxHashSet<usize>> = FxHashMap::default();
        for n in 0..nodes.len() {
            if nodes[n].article != usize::MAX {
                articles_of.entry(uf.find(n)).or_default().insert(nodes[n].article);
            }
        }
        let mut unions = Vec::new();
        for n in 0..nodes.len() {
            for (s, _) in &nodes[n].forms {
                if !is_acronym(s) {
                    continue;
                }
                let letters: String = s
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase();
                if let Some(set) = by_initials.get(&letters) {
                    let roots: BTreeSet<usize> = set.iter().map(|&r| uf.find(r)).collect();
                    if roots.len() == 1 {
                        let r = *roots.iter().next().unwrap();
                        let same_article = articles_of.get(&r).is_some_and(|a| a.contains(&nodes[n].article));
                        if same_article || nodes[n].registry.is_some() {
                            unions.push((n, r));
                        }
                    }
                }
            }
        }
        for (a, b) in unions {
            uf.union(a, b);
        }
    }
    // one-word names that are the surname of exactly one person elsewhere
    let mut ambiguous_nodes: BTreeSet<usize> = BTreeSet::new();
    {
        let mut by_last: FxHashMap<String, BTreeSet<usize>> = FxHashMap::default();
        let mut group_person: FxHashMap<usize, u32> = FxHashMap::default();
        for n in nreg..nodes.len() {
            *group_person.entry(uf.find(n)).or_default() += nodes[n].votes.0;
        }
        for n in nreg..nodes.len() {
            // a person by a real cue somewhere, not only by the shape of the name
            if nodes[n].single.is_some()
                || nodes[n].kind != Some(EntityKind::Person)
                || group_person.get(&uf.find(n)).copied().unwrap_or(0) < 3
            {
                continue;
            }
            for k in &nodes[n].full_keys {
                let words = content_words(k);
                if words.len() >= 2 {
                    let r = uf.find(n);
                    by_last.entry(words[words.len() - 1].to_string()).or_default().insert(r);
                }
            }
        }
        for n in nreg..nodes.len() {
            let Some(s) = nodes[n].single.clone() else {
                continue;
            };
            if nodes[n].registry.is_some()
                || gazetteer_place(&s).is_some()
                || matches!(nodes[n].kind, Some(EntityKind::Organization | EntityKind::Place))
            {
                continue;
            }
            if let Some(set) = by_last.get(&s) {
                let me = uf.find(n);
                let roots: BTreeSet<usize> = set.iter().map(|&r| uf.find(r)).filter(|&r| r != me).collect();
                if roots.len() == 1 {
                    uf.union(n, *roots.iter().next().unwrap());
                } else if roots.len() > 1 {
                    ambiguous_nodes.insert(n);
                }
            }
        }
    }

    // groups
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..nodes.len() {
        if ambiguous_nodes.contains(&n) {
            continue;
        }
        let r = uf.find(n);
        groups.entry(r).or_default().push(n);
    }
    struct Group {
        members: Vec<usize>,
        registry: Option<usize>,
        name: String,
        kind: EntityKind,
        aliases: BTreeSet<String>,
        articles: BTreeSet<usize>,
        mentions: usize,
    }
    // each group is made from its members alone: in parallel, kept in order
    let make_group = |members: Vec<usize>| -> (Option<Group>, Option<Diagnostic>) {
        let mut warning = None;
        let regs: BTreeSet<usize> = members.iter().filter_map(|&n| nodes[n].registry).collect();
        if regs.len() > 1 {
            let files: Vec<String> = regs.iter().map(|&r| registry[r].file.display().to_string()).collect();
            warning = Some(
                Diagnostic::warning(
                    &registry[*regs.iter().next().unwrap()].file,
                    format!(
                        "the text joins registry entries {} into one entity",
                        files.join(" and ")
                    ),
                )
                .hint("give the entries distinct names and aliases, or merge them"),
            );
        }
        let reg = regs.iter().next().copied();
        if let Some(r) = reg {
            if registry[r].meta.hidden {
                return (None, warning);
            }
        }
        let article_members: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&n| nodes[n].article != usize::MAX)
            .collect();
        let articles: BTreeSet<usize> = article_members.iter().map(|&n| nodes[n].article).collect();
        let mentions: usize = article_members.iter().map(|&n| nodes[n].mentions).sum();
        let strong = article_members.iter().any(|&n| nodes[n].strong);
        if reg.is_none() && !(strong || mentions >= config.min_mentions.max(1) || articles.len() >= 2) {
            return (None, warning);
        }
        if reg.is_none() && mentions == 0 {
            return (None, warning);
        }
        // forms, grouped by fold: the most common full form names the entity
        let mut by_fold: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        // first use of each fold (article order, then order in the article): breaks ties
        let mut first_use: BTreeMap<String, usize> = BTreeMap::new();
        for &n in &article_members {
            for (s, c) in &nodes[n].forms {
                let k = fold(s);
                let next = first_use.len();
                first_use.entry(k.clone()).or_insert(next);
                *by_fold.entry(k).or_default().entry(s.clone()).or_default() += c;
            }
        }
        if by_fold.keys().any(|k| never.contains(k)) && reg.is_none() {
            return (None, warning);
        }
        let kind = match reg {
            Some(r) => registry[r].meta.kind,
            None => {
                let (mut p, mut o, mut l) = (0u32, 0u32, 0u32);
                for &n in &article_members {
                    p += nodes[n].votes.0;
                    o += nodes[n].votes.1;
                    l += nodes[n].votes.2;
                }
                let m = p.max(o).max(l);
                if m == 0 {
                    if !by_fold.keys().any(|k| content_words(k).len() >= 2) {
                        EntityKind::Organization
                    } else {
                        EntityKind::Person
                    }
                } else if o == m {
                    EntityKind::Organization
                } else if p == m {
                    EntityKind::Person
                } else {
                    EntityKind::Place
                }
            }
        };
        // short forms ("Masharipov") do not name a person, and support the full forms they shorten
        let person = kind == EntityKind::Person;
        let any_multi = person && by_fold.keys().any(|k| content_words(k).len() >= 2);
        let single_counts: BTreeMap<String, usize> = by_fold
            .iter()
            .filter(|(k, _)| content_words(k).len() == 1)
            .map(|(k, m)| (content_words(k)[0].to_string(), m.values().sum()))
            .collect();
        let mut best: Option<(usize, usize, String, usize)> = None;
        for (k, surfaces) in &by_fold {
            let words = content_words(k).len();
            let mut total: usize = surfaces.values().sum();
            if person && words >= 2 {
                total += single_counts
                    .get(*content_words(k).last().unwrap())
                    .copied()
                    .unwrap_or(0);
            }
            let surface = surfaces
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(b.0.is_ascii().cmp(&a.0.is_ascii()))
                        .then(b.0.cmp(a.0))
                })
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            if is_acronym(&surface) || (any_multi && words < 2) {
                continue;
            }
            let cand = (total, words, surface, first_use[k]);
            let better = match &best {
                None => true,
                Some(b) => (cand.0, cand.1) > (b.0, b.1) || ((cand.0, cand.1) == (b.0, b.1) && cand.3 < b.3),
            };
            if better {
                best = Some(cand);
            }
        }
        let name = match reg {
            Some(r) => registry[r].meta.name.clone(),
            None => match best {
                Some(b) => b.2,
                None => by_fold
                    .values()
                    .flat_map(|m| m.iter())
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(s, _)| s.clone())
                    .unwrap_or_default(),
            },
        };
        let mut aliases: BTreeSet<String> = by_fold.values().flat_map(|m| m.keys().cloned()).collect();
        if let Some(r) = reg {
            aliases.extend(registry[r].meta.aliases.iter().cloned());
        }
        aliases.remove(&name);
        let group = Group {
            members: article_members,
            registry: reg,
            name,
            kind,
            aliases,
            articles,
            mentions,
        };
        (Some(group), warning)
    };
    let mut made: Vec<Group> = Vec::new();
    {
        use rayon::prelude::*;
        let groups: Vec<Vec<usize>> = groups.into_values().collect();
        let results: Vec<_> = groups.into_par_iter().map(make_group).collect();
        for (group, warning) in results {
            diagnostics.extend(warning);
            made.extend(group);
        }
    }

    // ids: registry ids first, then by mentions, then name
    made.sort_by(|a, b| {
        b.registry
            .is_some()
            .cmp(&a.registry.is_some())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    let mut taken: BTreeSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    taken.extend(reg_by_id.keys().map(|s| s.to_string()));
    taken.extend(index.redirects.keys().map(|s| s.to_string()));
    // by article number while filling (no lookup by id per name), by id
    // once full
    let mut article_entities: Vec<Vec<Option<EntityId>>> = articles
        .iter()
        .map(|(_, names)| vec![None; names.names.len()])
        .collect();
    for g in made {
        let id = match g.registry {
            Some(r) => registry[r].id.clone(),
            None => {
                let base = Slug::from_text(&g.name).unwrap_or_else(|| Slug::parse("entity").unwrap());
                let mut id = base.clone();
                if taken.contains(id.as_str()) {
                    id = Slug::parse(&format!("{}-{}", base, g.kind.as_str())).unwrap_or(base.clone());
                }
                let mut k = 2;
                while taken.contains(id.as_str()) {
                    id = Slug::parse(&format!("{base}-{k}")).unwrap_or(base.clone());
                    k += 1;
                }
                taken.insert(id.as_str().to_string());
                id
            }
        };
        for &n in &g.members {
            let node = &nodes[n];
            article_entities[node.article][node.name] = Some(id.clone());
        }
        let entity = Entity {
            id: id.clone(),
            name: g.name,
            kind: g.kind,
            aliases: g.aliases,
            registry: g.registry.map(|r| registry[r].clone()),
            articles: g.articles.iter().map(|&a| articles[a].0.clone()).collect(),
            mentions: g.mentions,
        };
        index.entities.insert(id, entity);
    }
    index.article_entities = articles
        .iter()
        .map(|(aid, _)| aid.clone())
        .zip(article_entities)
        .collect();
    index.diagnostics = diagnostics;
    index
}

#[cfg(test)]
mod tests;
