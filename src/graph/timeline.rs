//! The timeline: every sentence with a resolved date becomes an event, plus
//! the events analysts wrote in front matter; sorted by date, then article.

use super::entities::EntityIndex;
use crate::extract::Analysis;
use crate::model::{Article, CuratedEvent, Diagnostic, EntityId, EventDate, RegistryEntry};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub date: EventDate,
    /// The article it comes from (an entity's curated events have none).
    pub article: Option<usize>,
    /// The sentence it was extracted from; `None` for curated events.
    pub sentence: Option<usize>,
    pub text: String,
    pub entities: Vec<EntityId>,
    pub curated: bool,
    /// Resolved against an article date that was itself inferred.
    pub uncertain: bool,
}

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at its precision.
pub fn parse_event_date(s: &str) -> Option<EventDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => Some(EventDate::Year(num(y, 4)?)),
        [y, m] => {
            let (y, m) = (num(y, 4)?, num(m, 2)?);
            (1..=12).contains(&m).then_some(EventDate::Month {
                year: y,
                month: m as i8,
            })
        }
        [y, m, d] => {
            let d = jiff::civil::Date::new(num(y, 4)?, num(m, 2)? as i8, num(d, 2)? as i8).ok()?;
            Some(EventDate::Day(d))
        }
        _ => None,
    }
}

fn curated(
    ev: &CuratedEvent,
    file: &Path,
    article: Option<usize>,
    extra: Option<&EntityId>,
    index: &EntityIndex,
    diags: &mut Vec<Diagnostic>,
) -> Option<Event> {
    let Some(date) = parse_event_date(&ev.date) else {
        diags.push(Diagnostic::error(
            file,
            format!("event date `{}` is not YYYY, YYYY-MM or YYYY-MM-DD", ev.date),
        ));
        return None;
    };
    let mut entities: Vec<EntityId> = extra.into_iter().cloned().collect();
    for name in &ev.entities {
        match resolve_entity(name, index) {
            Some(id) => entities.push(id),
            None => diags.push(Diagnostic::warning(
                file,
                format!("event entity `{name}` matches no entity"),
            )),
        }
    }
    entities.sort();
    entities.dedup();
    Some(Event {
        date,
        article,
        sentence: None,
        text: ev.title.clone(),
        entities,
        curated: true,
        uncertain: false,
    })
}

/// An entity by id, redirect, name or alias.
pub fn resolve_entity(name: &str, index: &EntityIndex) -> Option<EntityId> {
    if let Ok(id) = crate::model::Slug::parse(name) {
        if index.entities.contains_key(&id) {
            return Some(id);
        }
        if let Some(to) = index.redirects.get(&id) {
            return Some(to.clone());
        }
    }
    let id = crate::model::Slug::from_text(name)?;
    if index.entities.contains_key(&id) {
        return Some(id);
    }
    index
        .entities
        .values()
        .find(|e| e.name.eq_ignore_ascii_case(name) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        .map(|e| e.id.clone())
}

pub fn build(
    articles: &[Article],
    analyses: &[Analysis],
    local_entities: &[Vec<Option<EntityId>>],
    index: &EntityIndex,
    registry: &[RegistryEntry],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Event> {
    let mut events = Vec::new();
    for (ai, (a, an)) in articles.iter().zip(analyses).enumerate() {
        let hidden: Vec<String> = a
            .meta
            .events
            .iter()
            .filter(|e| e.hide)
            .map(|e| e.title.to_lowercase())
            .collect();
        let local = &local_entities[ai];
        let mut seen: BTreeSet<(usize, EventDate)> = BTreeSet::new();
        for d in &an.dates {
            if d.background || !seen.insert((d.sentence, d.date)) {
                continue;
            }
            let text = &an.sentences[d.sentence];
            let lower = text.to_lowercase();
            if hidden.iter().any(|h| lower.contains(h.as_str())) {
                continue;
            }
            let mut entities: Vec<EntityId> = an
                .names
                .mentions
                .iter()
                .filter(|m| m.sentence == d.sentence)
                .filter_map(|m| local.get(m.name).cloned().flatten())
                .collect();
            entities.sort();
            entities.dedup();
            events.push(Event {
                date: d.date,
                article: Some(ai),
                sentence: Some(d.sentence),
                text: text.clone(),
                entities,
                curated: false,
                uncertain: d.relative && a.meta.date_inferred,
            });
        }
        for ev in a.meta.events.iter().filter(|e| !e.hide) {
            events.extend(curated(ev, &a.file, Some(ai), None, index, diags));
        }
    }
    for r in registry {
        for ev in &r.meta.events {
            events.extend(curated(ev, &r.file, None, Some(&r.id), index, diags));
        }
    }
    events.sort_by(|x, y| (x.date, x.article, x.sentence, &x.text).cmp(&(y.date, y.article, y.sentence, &y.text)));
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_dates_keep_precision() {
        assert_eq!(parse_event_date("2017"), Some(EventDate::Year(2017)));
        assert_eq!(
            parse_event_date("2017-01"),
            Some(EventDate::Month { year: 2017, month: 1 })
        );
        assert_eq!(parse_event_date("2017-01-07").unwrap().precision(), "day");
        for bad in ["17", "2017-13", "2017-02-30", "x", "2017-1-1"] {
            assert_eq!(parse_event_date(bad), None, "{bad}");
        }
    }
}
