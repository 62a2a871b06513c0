//! The data files: `articles.json`, `entities.json`, `timeline.json`, the
//! FollowTheMoney lines and the iCalendar feed, for other tools. Their
//! field names are a public contract. Each is keyed on exactly what its
//! records show (see [`keys::Keys`]) and streamed to the site writer, never
//! held whole.

use super::{article_url, keys, Renderer};
use crate::graph::Site;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// `site/data/articles.json`: a public contract; keep the field names.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    authors: &'a [String],
    date: Option<String>,
    date_inferred: bool,
    publisher: Option<&'a str>,
    source_file: Option<&'a str>,
    url: String,
    entities: Vec<String>,
}

/// A record or view as pretty JSON with a final newline, as every JSON
/// file of the site is written.
pub fn json(v: &impl Serialize) -> Vec<u8> {
    let mut b = Vec::new();
    json_to(&mut b, v).expect("views serialise");
    b
}

/// [`json`], written to `w`.
pub(super) fn json_to(w: &mut dyn std::io::Write, v: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v)?;
    w.write_all(b"\n")
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: Vec<&'a str>,
    url: String,
    articles: Vec<EntityArticleRecord<'a>>,
}

#[derive(Serialize)]
struct EntityArticleRecord<'a> {
    id: &'a str,
    mentions: usize,
}

#[derive(Serialize)]
struct TimelineRecord<'a> {
    date: String,
    precision: &'static str,
    article: Option<&'a str>,
    text: &'a str,
    entities: Vec<&'a str>,
    url: Option<String>,
}

/// FollowTheMoney schema names for our entity kinds. FtM has no generic
/// place; `Address` is what investigative tools load places as.
fn ftm_schema(k: crate::model::EntityKind) -> &'static str {
    use crate::model::EntityKind::*;
    match k {
        Person => "Person",
        Organization => "Organization",
        Place => "Address",
        Event => "Event",
        Other => "LegalEntity",
    }
}

impl Renderer<'_> {
    /// The entity graph as FollowTheMoney-style JSON lines: articles
    /// (`Article`), entities, and one `Mention` per entity and article.
    fn ftm(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        use serde_json::json;
        let mut line = |v: serde_json::Value| {
            out.write_all(v.to_string().as_bytes())?;
            out.write_all(b"\n")
        };
        for a in &self.site.articles {
            let mut props =
                json!({"title": [a.meta.title], "sourceUrl": [self.site.config.absolute_url(&article_url(a))]});
            if let Some(d) = a.meta.date {
                props["publishedAt"] = json!([d.to_string()]);
            }
            if !a.meta.authors.is_empty() {
                props["author"] = json!(a.meta.authors);
            }
            if let Some(p) = &a.meta.publisher {
                props["publisher"] = json!([p]);
            }
            line(json!({"id": format!("article-{}", a.id), "schema": "Article", "properties": props}))?;
        }
        // an entity's lines depend on it alone: made in parallel, joined in order
        use rayon::prelude::*;
        let entities: Vec<&crate::graph::entities::Entity> = self.site.entities.entities.values().collect();
        // a slice at a time, so the parts are never all held beside the whole
        for slice in entities.chunks(512) {
            let parts: Vec<Vec<u8>> = slice
                .par_iter()
                .map(|e| {
                    let mut out = Vec::new();
                    let mut line = |v: serde_json::Value| {
                        out.extend(v.to_string().into_bytes());
                        out.push(b'\n');
                    };
                    let name_prop = if e.kind == crate::model::EntityKind::Place {
                        "full"
                    } else {
                        "name"
                    };
                    let mut props = json!({ name_prop: [e.name] });
                    if !e.aliases.is_empty() {
                        props["alias"] = json!(e.aliases);
                    }
                    if let Some(d) = e.registry.as_ref().and_then(|r| r.meta.description.as_ref()) {
                        props["description"] = json!([d]);
                    }
                    line(json!({"id": format!("entity-{}", e.id), "schema": ftm_schema(e.kind), "properties": props}));
                    let mut per: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
                    for m in self.site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
                        let text = &self.site.analyses[m.article].sentences[m.sentence];
                        if let Some(surface) = text.get(m.start..m.end) {
                            per.entry(m.article).or_default().insert(surface.to_string());
                        }
                    }
                    // one line per article and entity, so written straight from
                    // a struct: fields in the sorted order of the JSON objects above
                    #[derive(Serialize)]
                    struct Mention<'m> {
                        id: String,
                        properties: MentionProperties<'m>,
                        schema: &'static str,
                    }
                    #[derive(Serialize)]
                    #[serde(rename_all = "camelCase")]
                    struct MentionProperties<'m> {
                        detected_schema: [&'static str; 1],
                        document: [String; 1],
                        name: &'m BTreeSet<String>,
                        resolved: [String; 1],
                    }
                    for (a, names) in &per {
                        let aid = &self.site.articles[*a].id;
                        let m = Mention {
                            id: format!("mention-{}-{}", e.id, aid),
                            properties: MentionProperties {
                                detected_schema: [ftm_schema(e.kind)],
                                document: [format!("article-{aid}")],
                                name: names,
                                resolved: [format!("entity-{}", e.id)],
                            },
                            schema: "Mention",
                        };
                        serde_json::to_writer(&mut out, &m).expect("plain data serialises");
                        out.push(b'\n');
                    }
                    out
                })
                .collect();
            for p in parts {
                out.write_all(&p)?;
            }
        }
        Ok(())
    }

    /// Day-precision events as an iCalendar feed of all-day events. Stamps
    /// come from the events themselves so builds stay byte-identical.
    fn ics(&self) -> String {
        fn fold_line(s: &str) -> String {
            // RFC 5545: lines of at most 75 octets, continued with a space
            let mut out = String::new();
            let mut len = 0;
            for c in s.chars() {
                if len + c.len_utf8() > 74 {
                    out.push_str("\r\n ");
                    len = 1;
                }
                out.push(c);
                len += c.len_utf8();
            }
            out.push_str("\r\n");
            out
        }
        fn text(s: &str) -> String {
            s.replace('\\', "\\\\")
                .replace(';', "\\;")
                .replace(',', "\\,")
                .replace('\n', "\\n")
        }
        let mut out =
            String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dossier//timeline//EN\r\nCALSCALE:GREGORIAN\r\n");
        out.push_str(&fold_line(&format!("X-WR-CALNAME:{}", text(&self.site.config.title))));
        for (i, e) in self.site.timeline.iter().enumerate() {
            let crate::model::EventDate::Day(d) = e.date else {
                continue;
            };
            let day = d.strftime("%Y%m%d").to_string();
            let next = d
                .tomorrow()
                .map(|n| n.strftime("%Y%m%d").to_string())
                .unwrap_or_else(|_| day.clone());
            out.push_str("BEGIN:VEVENT\r\n");
            let uid = match (e.article, e.sentence) {
                (Some(a), Some(s)) => format!("{}-s{}-{}", self.site.articles[a].id, s + 1, day),
                _ => format!("event-{i}-{day}"),
            };
            out.push_str(&fold_line(&format!("UID:{uid}@dossier")));
            out.push_str(&format!(
                "DTSTAMP:{day}T000000Z\r\nDTSTART;VALUE=DATE:{day}\r\nDTEND;VALUE=DATE:{next}\r\n"
            ));
            let summary: String = e.text.chars().take(120).collect();
            out.push_str(&fold_line(&format!("SUMMARY:{}", text(&summary))));
            out.push_str(&fold_line(&format!("DESCRIPTION:{}", text(&e.text))));
            if let Some(a) = e.article {
                let url = match e.sentence {
                    Some(s) => format!("{}#s-{}", article_url(&self.site.articles[a]), s + 1),
                    None => article_url(&self.site.articles[a]),
                };
                out.push_str(&fold_line(&format!("URL:{}", self.site.config.absolute_url(&url))));
            }
            out.push_str("END:VEVENT\r\n");
        }
        out.push_str("END:VCALENDAR\r\n");
        out
    }
}

impl Renderer<'_> {
    /// Make (or keep) every data file, one after another.
    pub(super) fn data_files(&self) {
        let (r, site) = (self, self.site);
        // the data files are the largest outputs (hundreds of MB at
        // 50,000 articles): made one after another, never all at once
        type DataFile = (
            &'static str,
            fn(&keys::Keys, &Site) -> u128,
            fn(&Renderer, &mut dyn std::io::Write) -> std::io::Result<()>,
        );
        let mut files: Vec<DataFile> = vec![
            ("data/articles.json", keys::Keys::articles_data, |r, w| {
                json_to(w, &r.article_records())
            }),
            ("data/entities.json", keys::Keys::entities_data, |r, w| {
                json_to(w, &r.entity_records())
            }),
            ("data/timeline.json", keys::Keys::timeline_data, |r, w| {
                json_to(w, &r.timeline_records())
            }),
            ("data/entities.ftm.json", keys::Keys::ftm_data, |r, w| r.ftm(w)),
        ];
        if site
            .timeline
            .iter()
            .any(|e| matches!(e.date, crate::model::EventDate::Day(_)))
        {
            files.push(("data/timeline.ics", keys::Keys::timeline_data, |r, w| {
                w.write_all(r.ics().as_bytes())
            }));
        }
        for (path, key, make) in files {
            r.keyed_file(path, |k| key(k, site), |w| make(r, w));
        }
    }

    fn article_records(&self) -> Vec<ArticleRecord<'_>> {
        self.site
            .articles
            .iter()
            .zip(&self.site.article_entities)
            .map(|(a, entities)| ArticleRecord {
                id: a.id.as_str(),
                title: &a.meta.title,
                subtitle: a.meta.subtitle.as_deref(),
                authors: &a.meta.authors,
                date: a.meta.date.map(|d| d.to_string()),
                date_inferred: a.meta.date_inferred,
                publisher: a.meta.publisher.as_deref(),
                source_file: a.meta.source_file.as_deref(),
                url: article_url(a),
                entities: entities.keys().map(|id| id.to_string()).collect(),
            })
            .collect()
    }

    fn entity_records(&self) -> Vec<EntityRecord<'_>> {
        self.site
            .entities
            .entities
            .values()
            .map(|e| {
                let mut per: BTreeMap<usize, usize> = BTreeMap::new();
                for m in self.site.mentions.get(&e.id).map(Vec::as_slice).unwrap_or(&[]) {
                    *per.entry(m.article).or_insert(0) += 1;
                }
                EntityRecord {
                    id: e.id.as_str(),
                    name: &e.name,
                    kind: e.kind.as_str(),
                    aliases: e.aliases.iter().map(String::as_str).collect(),
                    url: format!("entities/{}/", e.id),
                    articles: per
                        .into_iter()
                        .map(|(a, n)| EntityArticleRecord {
                            id: self.site.articles[a].id.as_str(),
                            mentions: n,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn timeline_records(&self) -> Vec<TimelineRecord<'_>> {
        self.site
            .timeline
            .iter()
            .map(|e| TimelineRecord {
                date: e.date.iso(),
                precision: e.date.precision(),
                article: e.article.map(|a| self.site.articles[a].id.as_str()),
                text: &e.text,
                entities: e.entities.iter().map(|i| i.as_str()).collect(),
                url: e.article.map(|a| match e.sentence {
                    Some(s) => format!("{}#s-{}", article_url(&self.site.articles[a]), s + 1),
                    None => article_url(&self.site.articles[a]),
                }),
            })
            .collect()
    }
}
