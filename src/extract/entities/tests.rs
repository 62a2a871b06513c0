//! Unit tests for the name rules, and the five sample articles.

use super::*;

/// A crude sentence splitter for tests: lines, then ". " before a capital,
/// except after an initial or a short abbreviation ("U.S.", "Gen.").
pub(crate) fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let b = line.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            if matches!(b[i], b'.' | b'?' | b'!') && i + 2 < b.len() && b[i + 1] == b' ' {
                let next = line[i + 2..].chars().next().unwrap();
                let word_start = line[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric() && *c != '.')
                    .map(|(p, c)| p + c.len_utf8())
                    .unwrap_or(0);
                let word = &line[word_start..i];
                let abbrev = word.len() <= 1
                    || word.contains('.')
                    || matches!(
                        word,
                        "Gen" | "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Lt" | "Col" | "Prof" | "Sen" | "Rep"
                    );
                if (next.is_uppercase() || next == '“' || next == '"') && !abbrev {
                    out.push(line[start..=i].trim().to_string());
                    start = i + 2;
                }
            }
            i += 1;
        }
        if start < line.len() {
            out.push(line[start..].trim().to_string());
        }
    }
    out
}

pub(crate) fn names_of(text: &str) -> ArticleNames {
    let s = split_sentences(text);
    let refs: Vec<&str> = s.iter().map(|x| x.as_str()).collect();
    find_names(&refs, &Lexicon::default())
}

pub(crate) fn dump(n: &ArticleNames) -> String {
    let counts = n.mention_counts();
    let mut out = String::new();
    for (i, f) in n.names.iter().enumerate() {
        out.push_str(&format!(
            "{:3} {}{:?} {} {:?} {:?}\n",
            counts[i],
            if f.strong { "*" } else { " " },
            f.kind.map(|k| k.as_str()).unwrap_or("-"),
            f.name,
            f.aliases,
            f.votes
        ));
    }
    out.push_str(&format!("ambiguous: {:?}\n", n.ambiguous));
    out
}

#[test]
#[ignore]
fn dump_seeds() {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let t = std::fs::read_to_string(&f).unwrap();
        println!("==== {}\n{}", f.display(), dump(&names_of(&t)));
    }
}

fn find(sentences: &[&str]) -> ArticleNames {
    find_names(sentences, &Lexicon::default())
}

/// The name (fullest form) of the name mentioned by `surface`, if any.
fn name_of<'a>(n: &'a ArticleNames, surface: &str) -> Option<&'a FoundName> {
    n.names
        .iter()
        .find(|f| f.name == surface || f.aliases.iter().any(|a| a == surface))
}

fn names(n: &ArticleNames) -> Vec<&str> {
    n.names.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn spans_keep_particles_hyphens_and_diacritics() {
    let n = find(&[
        "The attack was ordered by Abu Bakr al-Baghdadi and carried out in Başakşehir.",
        "Police raided the Güvercintepe neighborhood, and Abu-Bakr al-Baghdadi stayed silent.",
        "The IS-K and the PKK claimed nothing.",
    ]);
    let b = name_of(&n, "Abu Bakr al-Baghdadi").expect("baghdadi");
    assert!(b.aliases.contains(&"Abu-Bakr al-Baghdadi".to_string()), "{b:?}");
    assert!(names(&n).contains(&"Başakşehir"));
    assert!(names(&n).contains(&"Güvercintepe"));
    assert!(names(&n).contains(&"IS-K"));
    assert!(names(&n).contains(&"PKK"));
}

#[test]
fn ordinary_capitalised_words_are_not_names() {
    let n = find(&[
        "However, the Muslims of the region celebrated New Year on Sunday in January.",
        "Thirty-nine people died. The Turkish authorities said Kurdish groups were not involved.",
        "Threat Assessment",
    ]);
    assert!(n.names.is_empty(), "{:?}", names(&n));
}

#[test]
fn possessives_are_stripped_with_curly_apostrophes() {
    let n = find(&[
        "Turkey’s border and Turkey's army.",
        "Then JFS’ allies met in Istanbul.",
    ]);
    let t = name_of(&n, "Turkey").unwrap();
    assert_eq!(t.forms, vec![("Turkey".to_string(), 2)]);
    assert!(names(&n).contains(&"JFS"));
}

#[test]
fn acronym_definitions_and_expansions() {
    let n = find(&[
        "It was the Islamic State (IS) that carried out the attack.",
        "The Islamic State Khorasan Province (ISKP) and the Islamic Revolutionary Guards Corps (IRGC) are enemies.",
        "Jabhat Fatah al-Sham (JFS) rebranded; IS and ISKP and JFS and the IRGC reacted.",
        "The Middle East Eye reported it; MEE said so.",
    ]);
    for (long, short) in [
        ("Islamic State", "IS"),
        ("Islamic State Khorasan Province", "ISKP"),
        ("Islamic Revolutionary Guards Corps", "IRGC"),
        ("Jabhat Fatah al-Sham", "JFS"),
        ("Middle East Eye", "MEE"),
    ] {
        let f = name_of(&n, short).unwrap_or_else(|| panic!("{short}: {:?}", names(&n)));
        assert_eq!(f.name, long);
        assert!(f.strong || short == "MEE");
        assert_eq!(f.kind, Some(EntityKind::Organization), "{long}");
    }
    // ISKP is not the Islamic State
    assert_ne!(name_of(&n, "ISKP").unwrap().name, name_of(&n, "IS").unwrap().name);
}

#[test]
fn stated_aliases_join_names() {
    let n = find(&[
        "ISIS - also known by acronyms ISIS and ISIL - has a network in Turkey.",
        "It was claimed in the name of Ibrahim al-Badri (Abu Bakr al-Baghdadi), the caliph.",
        "Police named the killer as Abdulgadir Masharipov from Uzbekistan, who also uses the kunya Abu Muhammad al-Khorasani.",
        "A dual target is the PYD/YPG, the Syrian branch of the PKK.",
        "The PYD and the PKK and the PYD/PKK clashed.",
    ]);
    assert_eq!(name_of(&n, "ISIL").unwrap().name, name_of(&n, "ISIS").unwrap().name);
    assert_eq!(
        name_of(&n, "Ibrahim al-Badri").unwrap().name,
        name_of(&n, "Abu Bakr al-Baghdadi").unwrap().name
    );
    assert_eq!(
        name_of(&n, "Abu Muhammad al-Khorasani").unwrap().name,
        name_of(&n, "Abdulgadir Masharipov").unwrap().name
    );
    // YPG is never used alone: one thing; PKK is used alone: not joined with PYD
    assert_eq!(name_of(&n, "YPG").unwrap().name, "PYD");
    assert_ne!(name_of(&n, "PKK").unwrap().name, "PYD");
}

#[test]
fn short_forms_resolve_and_spelling_variants_merge() {
    let n = find(&[
        "Abdulkadir Masharipov (source)",
        "Initially the operative was identified as Lakhe Mashrapov from Kyrgyzstan.",
        "Police named the killer as Abdulgadir Masharipov from Uzbekistan.",
        "Masharipov was arrested in Istanbul. Later Masharipov testified.",
        "French President Francois Hollande visited Baghdad, and Hollande spoke.",
    ]);
    let m = name_of(&n, "Masharipov").unwrap();
    assert_eq!(m.name, "Abdulkadir Masharipov");
    assert!(m.aliases.contains(&"Abdulgadir Masharipov".to_string()));
    assert_eq!(m.kind, Some(EntityKind::Person));
    let l = name_of(&n, "Lakhe Mashrapov").unwrap();
    assert_ne!(l.name, m.name, "two different people");
    assert_eq!(name_of(&n, "Hollande").unwrap().name, "Francois Hollande");
    assert_eq!(name_of(&n, "Francois Hollande").unwrap().kind, Some(EntityKind::Person));
}

#[test]
fn a_short_form_fitting_two_names_stays_unlinked() {
    let n = find(&[
        "Charlie Kemal, a researcher, wrote it with Ilana Kemal, an analyst.",
        "Kemal said the data was incomplete.",
    ]);
    assert!(name_of(&n, "Kemal").is_none(), "{:?}", names(&n));
    assert_eq!(n.ambiguous, vec!["Kemal".to_string()]);
    let kemal_mentions = n.mentions.iter().filter(|m| m.sentence == 1).count();
    assert_eq!(kemal_mentions, 0);
}

#[test]
fn types_from_cues_and_the_gazetteer() {
    let n = find(&[
        "Turkish Deputy Premier Veysi Kaynak said the attack in Tartous was planned in Konya.",
        "According to Omer Ozdemir, a researcher at Sakarya University, the Quds Force acted.",
        "The Taliban took power; the Taliban regime is isolated.",
        "Police raided the Başakşehir district.",
    ]);
    let kind = |s: &str| name_of(&n, s).unwrap_or_else(|| panic!("{s}: {:?}", names(&n))).kind;
    assert_eq!(kind("Veysi Kaynak"), Some(EntityKind::Person));
    assert_eq!(kind("Omer Ozdemir"), Some(EntityKind::Person));
    assert_eq!(kind("Tartous"), Some(EntityKind::Place));
    assert_eq!(kind("Konya"), Some(EntityKind::Place));
    assert_eq!(kind("Sakarya University"), Some(EntityKind::Organization));
    assert_eq!(kind("Quds Force"), Some(EntityKind::Organization));
    assert_eq!(kind("Taliban"), Some(EntityKind::Organization));
    assert_eq!(kind("Başakşehir"), Some(EntityKind::Place));
    assert!(name_of(&n, "Konya").unwrap().strong);
    // titles and demonyms are not part of the name
    assert!(name_of(&n, "Turkish Deputy Premier Veysi Kaynak").is_none());
}

#[test]
fn headlines_only_link_names_known_from_the_body() {
    let n = find(&[
        "Islamic State Likely To Increase Terrorism Against Turkey",
        "The Islamic State attacked Turkey again.",
    ]);
    assert_eq!(names(&n), vec!["Islamic State", "Turkey"]);
    assert_eq!(n.mentions.len(), 4);
    assert_eq!(
        n.mentions[0],
        NameMention {
            sentence: 0,
            start: 0,
            end: 13,
            name: 0
        }
    );
}

#[test]
fn mentions_are_byte_spans_in_the_sentence() {
    let s = "Erdoğan’s rival met Recep Tayyip Erdoğan in Ankara.";
    let n = find(&[s]);
    for m in &n.mentions {
        let text = &s[m.start..m.end];
        let f = &n.names[m.name];
        assert!(f.name == text || f.aliases.iter().any(|a| a == text), "{text}");
    }
    assert_eq!(name_of(&n, "Erdoğan").unwrap().name, "Recep Tayyip Erdoğan");
}

#[test]
fn registry_aliases_match_in_one_pass_with_case_checks() {
    use crate::model::{EntityConfig, EntityMeta, RegistryEntry, Slug};
    let entry = |id: &str, name: &str, kind, aliases: &[&str]| RegistryEntry {
        id: Slug::parse(id).unwrap(),
        file: format!("content/entities/{id}.md").into(),
        meta: EntityMeta {
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
    };
    let reg = vec![
        entry("daesh", "Islamic State", EntityKind::Organization, &["IS", "Daesh"]),
        entry("reina", "Reina", EntityKind::Place, &["Reina nightclub"]),
    ];
    let config = EntityConfig {
        never_link: vec!["Kremlin".into()],
        ..EntityConfig::default()
    };
    let lx = Lexicon::new(&reg, &config);
    let n = find_names(
        &["This is what Daesh did at the Reina nightclub; the Kremlin is silent."],
        &lx,
    );
    let d = name_of(&n, "Daesh").unwrap();
    assert_eq!(d.registry_id.as_deref(), Some("daesh"));
    assert_eq!(d.kind, Some(EntityKind::Organization));
    assert_eq!(
        name_of(&n, "Reina nightclub").unwrap().registry_id.as_deref(),
        Some("reina")
    );
    // "is" is not the acronym IS; never_link names are not found
    assert_eq!(n.names.len(), 2, "{:?}", names(&n));
}

fn seed_texts() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| (f.display().to_string(), std::fs::read_to_string(f).unwrap()))
        .collect()
}

/// Speed of `find_names` on the seeds (release: `cargo test --release --lib
/// find_names_speed -- --ignored --nocapture`), without and with a 100k-alias registry.
#[test]
#[ignore]
fn find_names_speed() {
    use crate::model::{EntityConfig, EntityMeta, RegistryEntry, Slug};
    let texts = seed_texts();
    let split: Vec<Vec<String>> = texts.iter().map(|(_, t)| split_sentences(t)).collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    // CPU time of this thread (Linux), so that a loaded machine does not skew the figure
    fn cpu_secs() -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split(' ').collect();
        let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    }
    let run = |lx: &Lexicon| {
        let t = std::time::Instant::now();
        let c0 = cpu_secs();
        let mut total = 0;
        let rounds = 30;
        for _ in 0..rounds {
            for s in &split {
                let refs: Vec<&str> = s.iter().map(|x| x.as_str()).collect();
                total += find_names(&refs, lx).mentions.len();
            }
        }
        let wall = t.elapsed().as_secs_f64();
        let secs = match (c0, cpu_secs()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => wall,
        };
        assert!(total > 0);
        (bytes * rounds) as f64 / secs / 1e6
    };
    let plain_lx = Lexicon::default();
    let reg: Vec<RegistryEntry> = (0..100_000)
        .map(|i| RegistryEntry {
            id: Slug::parse(&format!("e{i}")).unwrap(),
            file: format!("content/entities/e{i}.md").into(),
            meta: EntityMeta {
                name: format!("Person{i} Surname{}", i * 7919 % 100_003),
                kind: EntityKind::Person,
                aliases: vec![format!("Alias{i}")],
                description: None,
                links: vec![],
                hidden: false,
                redirect_from: vec![],
                events: vec![],
            },
            notes: String::new(),
        })
        .collect();
    let t = std::time::Instant::now();
    let lx = Lexicon::new(&reg, &EntityConfig::default());
    let build = t.elapsed().as_secs_f64();
    // best of three, alternating, so that load from elsewhere on the machine hits both alike
    let (mut plain, mut with_reg) = (0f64, 0f64);
    for _ in 0..3 {
        plain = plain.max(run(&plain_lx));
        with_reg = with_reg.max(run(&lx));
    }
    println!(
        "find_names: {plain:.1} MB/s of CPU time; with a 100k-entry (200k-alias) registry: {with_reg:.1} MB/s (lexicon built in {build:.2}s)"
    );
}

#[test]
#[ignore]
fn dump_one() {
    let s = std::env::var("DUMP").unwrap_or_default();
    let parts: Vec<&str> = s.split('|').collect();
    println!("{}", dump(&find(&parts)));
}

#[test]
#[ignore]
fn dump_spans() {
    let s = std::env::var("DUMP").unwrap_or_default();
    let lx = Lexicon::default();
    let f = Finder { lx: &lx };
    let ts = text::tokenize(&s);
    for t in &ts {
        println!("{:?} {:?} {:?} init={}", t.text, t.shape, t.gap, t.initial);
    }
    for (a, b) in f.spans(&ts) {
        println!("span {:?} trim {:?}", &s[ts[a].start..ts[b - 1].end], f.trim(&ts, a, b));
    }
}

#[test]
#[ignore]
fn dump_eval() {
    for id in ["0031", "0161", "0395"] {
        let t = std::fs::read_to_string(format!("{}/data/entity-eval/{id}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
        println!("==== {id}\n{}", dump(&names_of(&t)));
    }
}

#[test]
fn cues_carry_over_and() {
    let n = find(&[
        "According to data collected by Aaron Zelin and Ilana Winter, plots rose.",
        "Bombings hit Baghdad and Samaraa in Iraq.",
        "IS struck in Baghdad and Samaraa.",
    ]);
    for (name, kind) in [("Ilana Winter", EntityKind::Person), ("Samaraa", EntityKind::Place)] {
        let f = name_of(&n, name).unwrap_or_else(|| panic!("{name}: {:?}", names(&n)));
        assert_eq!(f.kind, Some(kind));
        assert!(f.strong, "{name}");
    }
}

/// Fuzz finding: in a chain "A/B/C" the middle name sits in two slash pairs
/// but is one mention; counting it twice underflowed.
#[test]
fn slash_chains_do_not_underflow() {
    for text in [
        "UUUU/UUUU/UUU/UUUU/f-f-f",
        "o Q d;;;;;;Zl/ZZ/ZZ....",
        "b-sGG\0GGG\0GG/GG/GG?",
        "The YPG/YPG/YPG fought.",
    ] {
        let _ = find(&[text]);
    }
}
