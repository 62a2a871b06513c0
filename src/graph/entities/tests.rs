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
        println!("{:3} {} {:12} {} [{}] {:?}", e.mentions, e.articles.len(), e.kind.as_str(), e.id, e.name, e.aliases);
    }
}
