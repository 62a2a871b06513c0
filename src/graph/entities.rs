//! Cross-article entity merge (placeholder until the full merger lands):
//! names merge by folded comparison and registry aliases.

use crate::extract::entities::ArticleNames;
use crate::model::{ArticleId, Diagnostic, EntityConfig, EntityId, EntityKind, RegistryEntry, Slug};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: BTreeSet<String>,
    pub registry: Option<RegistryEntry>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityIndex {
    pub entities: BTreeMap<EntityId, Entity>,
    /// For each article (in the order given), its local name index -> entity.
    pub per_article: Vec<Vec<Option<EntityId>>>,
    /// Old id -> current id.
    pub redirects: BTreeMap<EntityId, EntityId>,
    pub diagnostics: Vec<Diagnostic>,
}

fn fold(s: &str) -> String {
    let s = deunicode::deunicode(s).to_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s);
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[allow(clippy::type_complexity)]
pub fn merge(
    articles: &[(ArticleId, &ArticleNames)],
    registry: &[RegistryEntry],
    config: &EntityConfig,
) -> EntityIndex {
    let mut idx = EntityIndex::default();
    let never: BTreeSet<String> = config.never_link.iter().map(|n| fold(n)).collect();
    let mut by_key: BTreeMap<String, EntityId> = BTreeMap::new();
    let mut alias_owner: BTreeMap<String, &RegistryEntry> = BTreeMap::new();
    for r in registry {
        for a in std::iter::once(&r.meta.name).chain(&r.meta.aliases) {
            let k = fold(a);
            if let Some(other) = alias_owner.get(&k) {
                if other.id != r.id {
                    idx.diagnostics.push(Diagnostic::error(
                        &r.file,
                        format!("alias `{a}` is also claimed by {}", other.file.display()),
                    ));
                }
                continue;
            }
            alias_owner.insert(k.clone(), r);
            by_key.insert(k, r.id.clone());
        }
        for old in &r.meta.redirect_from {
            if let Ok(o) = Slug::parse(old) {
                idx.redirects.insert(o, r.id.clone());
            }
        }
        if !r.meta.hidden {
            idx.entities.insert(
                r.id.clone(),
                Entity {
                    id: r.id.clone(),
                    name: r.meta.name.clone(),
                    kind: r.meta.kind,
                    aliases: r.meta.aliases.iter().cloned().collect(),
                    registry: Some(r.clone()),
                },
            );
        }
    }
    // count evidence per folded key
    let mut counts: BTreeMap<String, (usize, BTreeSet<usize>, bool, Option<EntityKind>, String)> = BTreeMap::new();
    for (ai, (_, names)) in articles.iter().enumerate() {
        for m in &names.mentions {
            let n = &names.names[m.name];
            let e = counts
                .entry(fold(&n.name))
                .or_insert((0, BTreeSet::new(), false, n.kind, n.name.clone()));
            e.0 += 1;
            e.1.insert(ai);
            e.2 |= n.strong;
        }
    }
    for (ai, (_, names)) in articles.iter().enumerate() {
        let mut local = Vec::with_capacity(names.names.len());
        for n in &names.names {
            let k = fold(&n.name);
            if never.contains(&k) {
                local.push(None);
                continue;
            }
            if let Some(id) = by_key.get(&k) {
                local.push(idx.entities.contains_key(id).then(|| id.clone()));
                continue;
            }
            let Some((count, arts, strong, kind, name)) = counts.get(&k) else {
                local.push(None);
                continue;
            };
            if !(*strong || *count >= config.min_mentions || arts.len() >= 2) {
                local.push(None);
                continue;
            }
            let Some(id) = Slug::from_text(name) else {
                local.push(None);
                continue;
            };
            let ent = idx.entities.entry(id.clone()).or_insert_with(|| Entity {
                id: id.clone(),
                name: name.clone(),
                kind: kind.unwrap_or(EntityKind::Other),
                aliases: BTreeSet::new(),
                registry: None,
            });
            for a in &n.aliases {
                ent.aliases.insert(a.clone());
            }
            by_key.insert(k, id.clone());
            local.push(Some(id));
        }
        let _ = ai;
        idx.per_article.push(local);
    }
    idx
}
