//! Precision and recall of pages made from three hand-annotated articles of
//! the wcxb-dev corpus (`data/entity-eval/`): the entities a briefing site
//! should give a page, by reading each article.

use super::fold;
use super::tests::names_of;
use crate::graph::entities::merge;
use crate::model::{EntityConfig, Slug};

/// (article, gold entities as lists of forms, optional ones that count neither way)
type Gold = (
    &'static str,
    &'static [&'static [&'static str]],
    &'static [&'static str],
);

const GOLD: &[Gold] = &[
    (
        "0031",
        &[
            &["New Jersey", "NJ"],
            &["WABC", "ABC 7", "ABC"],
            &["Eyewitness News"],
            &["Nina Pineda", "Pineda"],
            &["Farah Al-Ibrahim", "Al-Ibrahim"],
            &["Department of Justice"],
            &["Noble Moving and Storage", "Noble Moving", "Noble"],
            &["Brooklyn"],
            &["Melissa Cranon"],
            &["California"],
            &["Atlanta"],
            &["Georgia"],
            &["Fairfield Police"],
            &["Fairfield"],
            &["Stacy Chiarolanza"],
            &["Joe Hannouch"],
            &["Department of Transportation"],
            &["Federal Motor Carrier Safety Administration", "FMCSA"],
            &["Nate Wheatley"],
            &["Andrea Elliot", "Elliot"],
            &["Wisconsin"],
            &["Louisiana"],
            &["Clifton"],
            &["Moving System Holdings Inc."],
        ],
        &["7 On Your Side", "State Of New Jersey"],
    ),
    (
        "0161",
        &[
            &["Texas"],
            &["Sacha Pfeiffer"],
            &["Texas Legislature"],
            &["Texas Newsroom"],
            &["Sergio Martínez-Beltrán", "Martinez-Beltran"],
            &["Austin"],
            &["Texas Capitol", "Capitol"],
            &["Teachers Against School Vouchers"],
            &["Rosie Curts", "Curts"],
            &["Travis Cantwell", "Cantwell"],
            &["Dallas Independent School District"],
            &["American Federation of Teachers"],
            &["Thomas Kennedy", "Kennedy"],
            &["Texas State Building Trades"],
            &["Austin Independent School District"],
            &["Zeph Capo", "Capo"],
            &["Texas American Federation of Teachers"],
            &["NPR", "NPR News"],
        ],
        &["Republicans", "Robin Thicke", "Lil Wayne", "Texas Leg"],
    ),
    (
        "0395",
        &[
            &["Rajshahi"],
            &["Barind"],
            &["Department of Agricultural Extension", "DAE"],
            &["Ali Hossain"],
            &["Baroipara"],
            &["Paba Upazila", "Paba"],
            &["Muhammad Shahabuddin", "Shahabuddin"],
            &["Palpur"],
            &["Godagari Upazila", "Godagari"],
            &["BSS"],
            &["Piarul Islam"],
            &["Phulbari"],
            &["Shaheda Begum"],
            &["Ishwaripur"],
            &["Atanu Sarker"],
            &["Azizur Rahman", "Rahman"],
        ],
        &[],
    ),
];

/// (true pages, pages, gold found, gold) for one article; prints its pages.
fn score(id: &str, gold: &[&[&str]], optional: &[&str]) -> (usize, usize, usize, usize) {
    let text = std::fs::read_to_string(format!("{}/data/entity-eval/{id}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let names = names_of(&text);
    let aid = Slug::parse(&format!("a{id}")).unwrap();
    let idx = merge(&[(aid, &names)], &[], &EntityConfig::default());
    let gold_folds: Vec<Vec<String>> = gold.iter().map(|g| g.iter().map(|f| fold(f)).collect()).collect();
    let optional: Vec<String> = optional.iter().map(|f| fold(f)).collect();
    let mut found = vec![false; gold.len()];
    let (mut true_pages, mut pages) = (0, 0);
    for e in idx.entities.values() {
        let forms: Vec<String> = std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .map(|f| fold(f))
            .collect();
        let hit = gold_folds.iter().position(|g| g.iter().any(|f| forms.contains(f)));
        let opt = forms.iter().any(|f| optional.contains(f));
        match hit {
            Some(h) => {
                found[h] = true;
                true_pages += 1;
                pages += 1;
            }
            None if opt => {}
            None => {
                pages += 1;
                println!("  {id}: not an entity: {} ({})", e.name, e.kind.as_str());
            }
        }
    }
    for (g, f) in gold.iter().zip(&found) {
        if !f {
            println!("  {id}: missed: {}", g[0]);
        }
    }
    (true_pages, pages, found.iter().filter(|f| **f).count(), gold.len())
}

#[test]
fn annotated_articles_precision_and_recall() {
    let (mut tp, mut p, mut f, mut g) = (0, 0, 0, 0);
    for (id, gold, optional) in GOLD {
        let (a, b, c, d) = score(id, gold, optional);
        println!("{id}: precision {a}/{b}, recall {c}/{d}");
        tp += a;
        p += b;
        f += c;
        g += d;
    }
    let precision = tp as f64 / p as f64;
    let recall = f as f64 / g as f64;
    println!("overall: precision {precision:.2} ({tp}/{p}), recall {recall:.2} ({f}/{g})");
    assert!(precision >= 0.95, "precision {precision:.2}");
    assert!(recall >= 0.85, "recall {recall:.2}");
}

/// Pages made from some wcxb-dev articles, for reading (needs `../shared`):
/// `DEVSET=0100..0130 cargo test --lib dump_devset -- --ignored --nocapture`
#[test]
#[ignore]
fn dump_devset() {
    let range = std::env::var("DEVSET").unwrap_or_else(|_| "0100..0110".into());
    let (a, b) = range.split_once("..").unwrap();
    let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
    for i in a..b {
        let path = format!(
            "{}/../shared/devsets/wcxb-dev/ground-truth/{i:04}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let Ok(json) = std::fs::read_to_string(&path) else {
            continue;
        };
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let Some(text) = v["ground_truth"]["main_content"].as_str() else {
            continue;
        };
        let names = names_of(text);
        let aid = Slug::parse(&format!("a{i}")).unwrap();
        let idx = merge(&[(aid, &names)], &[], &EntityConfig::default());
        let pages: Vec<String> = idx
            .entities
            .values()
            .map(|e| format!("{} ({})", e.name, &e.kind.as_str()[..3]))
            .collect();
        println!("{i:04}: {}", pages.join("; "));
    }
}

/// No panic on any wcxb-dev text, clean or raw dump (needs `../shared`):
/// `cargo test --release --lib devset_never_panics -- --ignored --nocapture`
#[test]
#[ignore]
fn devset_never_panics() {
    let dir = format!("{}/../shared/devsets/wcxb-dev", env!("CARGO_MANIFEST_DIR"));
    let lx = super::Lexicon::default();
    let mut arts = Vec::new();
    let (mut files, mut bytes) = (0, 0);
    let mut entries: Vec<_> = std::fs::read_dir(format!("{dir}/text"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let t = std::time::Instant::now();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let s = super::tests::split_sentences(&text);
        let refs: Vec<&str> = s.iter().map(|x| x.as_str()).collect();
        let names = super::find_names(&refs, &lx);
        for m in &names.mentions {
            assert!(refs[m.sentence].is_char_boundary(m.start) && refs[m.sentence].is_char_boundary(m.end));
        }
        files += 1;
        bytes += text.len();
        let id = Slug::from_text(path.file_stem().unwrap().to_str().unwrap()).unwrap();
        arts.push((id, names));
    }
    let refs: Vec<(crate::model::ArticleId, &super::ArticleNames)> = arts.iter().map(|(a, n)| (a.clone(), n)).collect();
    let idx = merge(&refs, &[], &EntityConfig::default());
    let mut top: Vec<_> = idx.entities.values().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.articles.len()));
    for e in top.iter().take(40) {
        println!(
            "  {} [{}] {} articles, aliases {:?}",
            e.name,
            e.kind.as_str(),
            e.articles.len(),
            e.aliases
        );
    }
    println!(
        "{files} raw text dumps, {:.1} MB in {:.1}s; {} pages after merging them all",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        idx.entities.len()
    );
}
