use super::*;
use crate::extract::entities::{find_names, Lexicon};

fn seeds() -> Vec<(ArticleId, ArticleNames)> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let lx = Lexicon::default();
    files
        .iter()
        .map(|f| {
            let t = std::fs::read_to_string(f).unwrap();
            let s = crate::extract::entities::test_support::split_sentences(&t);
            let refs: Vec<&str> = s.iter().map(|x| x.as_str()).collect();
            let id = Slug::from_text(f.file_stem().unwrap().to_str().unwrap()).unwrap();
            (id, find_names(&refs, &lx))
        })
        .collect()
}

#[test]
#[ignore]
fn dump_site() {
    let arts = seeds();
    let refs: Vec<(ArticleId, &ArticleNames)> = arts.iter().map(|(a, n)| (a.clone(), n)).collect();
    let idx = merge(&refs, &[], &EntityConfig::default());
    let mut list: Vec<&Entity> = idx.entities.values().collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.mentions));
    for e in list {
        println!(
            "{:3} {} {:12} {} [{}] {:?}",
            e.mentions,
            e.articles.len(),
            e.kind.as_str(),
            e.id,
            e.name,
            e.aliases
        );
    }
}

fn site() -> (Vec<(ArticleId, String, ArticleNames)>, EntityIndex) {
    let texts: Vec<(ArticleId, String)> = {
        let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                (
                    Slug::from_text(f.file_stem().unwrap().to_str().unwrap()).unwrap(),
                    std::fs::read_to_string(f).unwrap(),
                )
            })
            .collect()
    };
    let arts: Vec<(ArticleId, String, ArticleNames)> = seeds()
        .into_iter()
        .zip(texts)
        .map(|((id, names), (_, text))| (id, text, names))
        .collect();
    let refs: Vec<(ArticleId, &ArticleNames)> = arts.iter().map(|(a, _, n)| (a.clone(), n)).collect();
    let idx = merge(&refs, &[], &EntityConfig::default());
    (arts, idx)
}

/// Does `text` contain `word` with no letter or digit on either side?
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

#[test]
fn seeds_recurring_actors_are_one_entity_linked_from_every_article() {
    let (arts, idx) = site();
    // (forms in the text, the kind)
    let actors: &[(&[&str], EntityKind)] = &[
        (
            &["Islamic State", "IS", "ISIS", "ISIL", "Daesh"],
            EntityKind::Organization,
        ),
        (
            &[
                "ISKP",
                "IS-K",
                "Islamic State Khorasan Province",
                "Islamic State-Khorasan",
            ],
            EntityKind::Organization,
        ),
        (&["Erdoğan", "Erdogan"], EntityKind::Person),
        (&["Baghdadi", "al-Baghdadi"], EntityKind::Person),
        (&["Assad"], EntityKind::Person),
        (&["Istanbul"], EntityKind::Place),
        (&["Turkey"], EntityKind::Place),
        (&["Konya"], EntityKind::Place),
        (&["Kerman"], EntityKind::Place),
        (&["Taliban"], EntityKind::Organization),
        (&["Aaron Zelin"], EntityKind::Person),
    ];
    for (forms, kind) in actors {
        let folded: Vec<String> = forms.iter().map(|f| fold(f)).collect();
        let matching: Vec<&Entity> = idx
            .entities
            .values()
            .filter(|e| {
                std::iter::once(&e.name).chain(e.aliases.iter()).any(|a| {
                    let f = fold(a);
                    folded.contains(&f) || folded.iter().any(|x| f.ends_with(&format!(" {x}")) && x.contains(' '))
                })
            })
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "{forms:?}: {:?}",
            matching.iter().map(|e| &e.id).collect::<Vec<_>>()
        );
        let e = matching[0];
        assert_eq!(e.kind, *kind, "{}", e.id);
        for (aid, text, _) in &arts {
            let named = forms.iter().any(|f| has_word(text, f));
            if named {
                assert!(e.articles.contains(aid), "{} not linked from {aid}", e.id);
                assert!(idx.article_entities[aid].iter().any(|x| x.as_ref() == Some(&e.id)));
            }
        }
    }
    let id = |s: &str| Slug::parse(s).unwrap();
    assert!(idx.entities.contains_key(&id("recep-tayyip-erdogan")));
    assert!(idx.entities.contains_key(&id("islamic-state")));
    assert_eq!(idx.entities[&id("abu-bakr-al-baghdadi")].name, "Abu Bakr al-Baghdadi");
    // two different people, never one page
    let masharipov = &idx.entities[&id("abdulkadir-masharipov")];
    assert!(masharipov.aliases.contains("Abdulgadir Masharipov"));
    assert!(!masharipov.aliases.iter().any(|a| a.contains("Lakhe")));
}

#[test]
fn seeds_no_form_is_on_two_pages() {
    let (_, idx) = site();
    let mut seen: BTreeMap<String, &EntityId> = BTreeMap::new();
    for e in idx.entities.values() {
        for a in std::iter::once(&e.name).chain(e.aliases.iter()) {
            // short forms may repeat only if ambiguous, which leaves them unlinked
            if let Some(prev) = seen.insert(fold(a), &e.id) {
                assert_eq!(prev, &e.id, "`{a}` is on {prev} and {}", e.id);
            }
        }
    }
    // pages for the central entities of each article
    for must in [
        "reina",
        "amaq",
        "pkk",
        "jabhat-fatah-al-sham",
        "veysi-kaynak",
        "francois-hollande",
        "mosul",
        "crocus-city-hall",
        "qassem-soleimani",
        "islamic-revolutionary-guards-corps",
        "moscow",
        "russia",
        "tajikistan",
        "middle-east-eye",
        "levent-kemal",
        "bashar-al-assad",
        "sakarya-university",
        "iran",
    ] {
        assert!(idx.entities.contains_key(&Slug::parse(must).unwrap()), "{must}");
    }
}

/// (name, forms with mention counts, kind, strong)
type TestName<'a> = (&'a str, &'a [(&'a str, usize)], EntityKind, bool);

fn article(names: &[TestName]) -> ArticleNames {
    let mut a = ArticleNames::default();
    for (i, (name, forms, kind, strong)) in names.iter().enumerate() {
        let forms: Vec<(String, usize)> = forms.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        for (f, c) in &forms {
            for _ in 0..*c {
                a.mentions.push(crate::extract::entities::NameMention {
                    sentence: 0,
                    start: 0,
                    end: f.len(),
                    name: i,
                });
            }
        }
        let votes = match kind {
            EntityKind::Person => (3, 0, 0),
            EntityKind::Organization => (0, 3, 0),
            _ => (0, 0, 3),
        };
        a.names.push(crate::extract::entities::FoundName {
            name: name.to_string(),
            aliases: forms.iter().map(|f| f.0.clone()).filter(|f| f != name).collect(),
            kind: Some(*kind),
            strong: *strong,
            registry_id: None,
            forms,
            votes,
        });
    }
    a
}

fn aid(s: &str) -> ArticleId {
    Slug::parse(s).unwrap()
}

fn reg(id: &str, name: &str, kind: EntityKind, aliases: &[&str]) -> RegistryEntry {
    RegistryEntry {
        id: Slug::parse(id).unwrap(),
        file: format!("content/entities/{id}.md").into(),
        meta: crate::model::EntityMeta {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            description: None,
            links: vec![],
            hidden: false,
            redirect_from: vec![],
            events: vec![],
        },
        notes: String::new(),
    }
}

#[test]
fn merge_by_folding_particles_and_gazetteer() {
    let a = article(&[
        (
            "Recep Tayyip Erdoğan",
            &[("Recep Tayyip Erdoğan", 1), ("Erdoğan", 2)],
            EntityKind::Person,
            true,
        ),
        ("Bashar al-Assad", &[("Bashar al-Assad", 1)], EntityKind::Person, false),
        ("Türkiye", &[("Türkiye", 1)], EntityKind::Place, true),
    ]);
    let b = article(&[
        (
            "Recep Tayyip Erdogan",
            &[("Recep Tayyip Erdogan", 1)],
            EntityKind::Person,
            true,
        ),
        ("Bashar Assad", &[("Bashar Assad", 1)], EntityKind::Person, false),
        ("Turkey", &[("Turkey", 3)], EntityKind::Place, true),
        ("the Erdoğan", &[("Erdogan", 1)], EntityKind::Person, false),
    ]);
    let idx = merge(&[(aid("a"), &a), (aid("b"), &b)], &[], &EntityConfig::default());
    let ids: Vec<&str> = idx.entities.keys().map(|k| k.as_str()).collect();
    assert_eq!(ids, ["bashar-al-assad", "recep-tayyip-erdogan", "turkey"]);
    let e = &idx.entities[&Slug::parse("recep-tayyip-erdogan").unwrap()];
    assert_eq!(e.name, "Recep Tayyip Erdoğan");
    assert_eq!(e.mentions, 5);
    assert_eq!(
        idx.article_entities[&aid("b")][3].as_ref().unwrap().as_str(),
        "recep-tayyip-erdogan"
    );
    assert_eq!(idx.entities[&Slug::parse("turkey").unwrap()].name, "Turkey");
}

#[test]
fn merge_acronyms_and_longer_forms() {
    let a = article(&[(
        "Islamic State",
        &[("Islamic State", 3), ("IS", 5)],
        EntityKind::Organization,
        true,
    )]);
    let b = article(&[
        (
            "Islamic State of Iraq and Syria",
            &[("Islamic State of Iraq and Syria", 1), ("ISIS", 4), ("ISIL", 1)],
            EntityKind::Organization,
            true,
        ),
        (
            "Islamic State Khorasan Province",
            &[("Islamic State Khorasan Province", 1), ("ISKP", 9)],
            EntityKind::Organization,
            true,
        ),
    ]);
    let c = article(&[
        (
            "Islamic State-Khorasan",
            &[("Islamic State-Khorasan", 1), ("IS-K", 6)],
            EntityKind::Organization,
            true,
        ),
        ("ISIS", &[("ISIS", 1)], EntityKind::Organization, false),
        (
            "Middle East Eye",
            &[("Middle East Eye", 1)],
            EntityKind::Organization,
            false,
        ),
        ("MEE", &[("MEE", 2)], EntityKind::Organization, false),
    ]);
    let idx = merge(
        &[(aid("a"), &a), (aid("b"), &b), (aid("c"), &c)],
        &[],
        &EntityConfig::default(),
    );
    let ids: Vec<&str> = idx.entities.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        ids,
        ["islamic-state", "islamic-state-khorasan-province", "middle-east-eye"],
        "{idx:#?}"
    );
    assert_eq!(idx.entities[&Slug::parse("islamic-state").unwrap()].articles.len(), 3);
}

#[test]
fn merge_registry_wins_and_reports_conflicts() {
    let mut daesh = reg("daesh", "Islamic State", EntityKind::Organization, &["IS", "Daesh"]);
    daesh.meta.redirect_from = vec!["isil".into()];
    let other = reg("other", "Other Group", EntityKind::Organization, &["IS"]);
    let search = reg("search", "Search", EntityKind::Other, &[]);
    let mut hidden = reg("reina", "Reina", EntityKind::Place, &[]);
    hidden.meta.hidden = true;
    let a = article(&[
        ("Islamic State", &[("Islamic State", 2)], EntityKind::Person, true),
        ("Reina", &[("Reina", 4)], EntityKind::Organization, true),
        ("Kremlin", &[("Kremlin", 3)], EntityKind::Organization, true),
        ("Amaq", &[("Amaq", 1)], EntityKind::Organization, false),
    ]);
    let config = EntityConfig {
        never_link: vec!["the Kremlin".into()],
        ..EntityConfig::default()
    };
    let registry = [daesh, other, search, hidden];
    let idx = merge(&[(aid("a"), &a)], &registry, &config);
    let e = &idx.entities[&Slug::parse("daesh").unwrap()];
    assert_eq!((e.name.as_str(), e.kind), ("Islamic State", EntityKind::Organization));
    assert!(e.registry.is_some());
    assert_eq!(idx.redirects[&Slug::parse("isil").unwrap()].as_str(), "daesh");
    let v = &idx.article_entities[&aid("a")];
    assert_eq!(v[0].as_ref().unwrap().as_str(), "daesh");
    assert_eq!(v[1], None, "hidden");
    assert_eq!(v[2], None, "never_link");
    assert_eq!(v[3], None, "one mention, no evidence");
    let msgs: Vec<String> = idx.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("`IS`") && m.contains("daesh.md") && m.contains("other.md")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("search.md") && m.contains("reserved")),
        "{msgs:?}"
    );
    assert!(idx.diagnostics.iter().all(|d| d.is_error()));
    // the unmentioned registry entry still has its page
    assert!(idx.entities.contains_key(&Slug::parse("other").unwrap()));
}

#[test]
fn merge_evidence_threshold_and_surname_ambiguity() {
    let a = article(&[
        ("Charlie Winter", &[("Charlie Winter", 1)], EntityKind::Person, false),
        ("Hassan Hassan", &[("Hassan Hassan", 1)], EntityKind::Person, false),
        ("Nate Wheatley", &[("Nate Wheatley", 2)], EntityKind::Person, false),
    ]);
    let b = article(&[
        ("Ilana Winter", &[("Ilana Winter", 1)], EntityKind::Person, true),
        ("Winter", &[("Winter", 2)], EntityKind::Person, false),
        ("Hassan Hassan", &[("Hassan Hassan", 1)], EntityKind::Person, false),
    ]);
    let c = article(&[("Wheatley", &[("Wheatley", 1)], EntityKind::Person, false)]);
    let idx = merge(
        &[(aid("a"), &a), (aid("b"), &b), (aid("c"), &c)],
        &[],
        &EntityConfig::default(),
    );
    let ids: Vec<&str> = idx.entities.keys().map(|k| k.as_str()).collect();
    // Charlie Winter: one mention, one article, no cue: no page; Hassan Hassan: two articles
    assert_eq!(ids, ["hassan-hassan", "ilana-winter", "nate-wheatley"]);
    assert_eq!(idx.article_entities[&aid("b")][1], None, "Winter fits two people");
    assert_eq!(
        idx.article_entities[&aid("c")][0].as_ref().unwrap().as_str(),
        "nate-wheatley"
    );
}

#[test]
fn merge_is_deterministic_and_ids_avoid_reserved_names() {
    let a = article(&[
        ("Search", &[("Search", 2)], EntityKind::Organization, true),
        ("Graph", &[("Graph", 2)], EntityKind::Person, true),
    ]);
    let one = merge(&[(aid("a"), &a)], &[], &EntityConfig::default());
    let two = merge(&[(aid("a"), &a)], &[], &EntityConfig::default());
    assert_eq!(one, two);
    let ids: Vec<&str> = one.entities.keys().map(|k| k.as_str()).collect();
    assert_eq!(ids, ["graph-person", "search-organization"]);
}

#[test]
#[ignore]
fn dump_site_per_article() {
    let (arts, idx) = site();
    for (aid, _, names) in &arts {
        let linked: BTreeSet<&str> = idx.article_entities[aid].iter().flatten().map(|e| e.as_str()).collect();
        println!(
            "{aid}: {} names found, {} linked to pages: {}",
            names.names.len(),
            linked.len(),
            linked.iter().copied().collect::<Vec<_>>().join(", ")
        );
    }
    println!("pages: {}", idx.entities.len());
}
