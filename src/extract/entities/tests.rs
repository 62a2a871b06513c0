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
                    || matches!(word, "Gen" | "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Lt" | "Col" | "Prof" | "Sen" | "Rep");
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
