//! The word knowledge built once per build: the bundled gazetteer (countries,
//! capitals, cities, regions, demonyms), common lowercase words, the
//! `never_link` list, and the registry's names and aliases in one
//! Aho-Corasick automaton so matching costs one pass per sentence whatever
//! the registry size.

use super::text::{fold, tokenize, Token};
use crate::model::{EntityConfig, EntityKind, RegistryEntry};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

static GAZETTEER: &str = include_str!("../../../data/gazetteer/gazetteer.tsv");
static COMMON_WORDS: &str = include_str!("../../../data/common_words.txt");

/// What the gazetteer says about a folded name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gaz {
    /// A country, capital, city or region; `place` is its main name.
    Place { place: String },
    /// A country code that is the initials of its name ("US", "UK").
    Code { place: String },
    /// The adjective of a country ("Turkish" -> Turkey).
    Demonym { place: String },
}

#[derive(Debug, Clone)]
struct RegistryPattern {
    entry: usize,
    /// The alias is an acronym: match only all-uppercase text.
    acronym: bool,
    /// The alias starts with an uppercase letter: so must the text.
    capital: bool,
}

/// A registry name found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryMatch {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The gazetteer's main name for a folded place name ("turkiye" -> "Turkey",
/// "u s" -> "United States"), without building a whole [`Lexicon`].
pub fn gazetteer_place(folded: &str) -> Option<&'static str> {
    static GAZ: std::sync::OnceLock<HashMap<String, Gaz>> = std::sync::OnceLock::new();
    let g = GAZ.get_or_init(load_gazetteer);
    match g.get(folded).or_else(|| g.get(&folded.replace(' ', ""))) {
        Some(Gaz::Place { place }) => Some(place.as_str()),
        Some(Gaz::Code { place }) if folded.len() <= 7 => Some(place.as_str()),
        _ => None,
    }
}

fn load_gazetteer() -> HashMap<String, Gaz> {
    let mut gazetteer = HashMap::default();
    for line in GAZETTEER.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let (kind, name, of) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        let main = if of.is_empty() {
            name.to_string()
        } else {
            of.to_string()
        };
        let g = match kind {
            "demonym" => Gaz::Demonym { place: main },
            "code" => Gaz::Code { place: main },
            _ => Gaz::Place { place: main },
        };
        let key = if kind == "code" {
            name.to_ascii_lowercase()
        } else {
            fold(name)
        };
        gazetteer.entry(key).or_insert(g);
    }
    gazetteer
}

/// Built once per build; shared read-only by every article's name finder.
pub struct Lexicon {
    gazetteer: HashMap<String, Gaz>,
    /// "tajik" -> Tajikistan: the people of a "-stan" country.
    stan: HashMap<String, String>,
    common: HashSet<&'static str>,
    never_link: HashSet<String>,
    automaton: Option<AhoCorasick>,
    patterns: Vec<RegistryPattern>,
    /// (id, name, kind, hidden) of each registry entry, by index.
    entries: Vec<(String, String, EntityKind, bool)>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new(&[], &EntityConfig::default())
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("gazetteer", &self.gazetteer.len())
            .field("registry_patterns", &self.patterns.len())
            .finish()
    }
}

fn is_acronym_text(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

impl Lexicon {
    /// Build from the registry, the `never_link` list and the bundled data.
    pub fn new(registry: &[RegistryEntry], config: &EntityConfig) -> Lexicon {
        let gazetteer = load_gazetteer();
        let mut stan = HashMap::default();
        for (k, g) in &gazetteer {
            if let Gaz::Place { place } = g {
                for suffix in ["istan", "stan"] {
                    if let Some(stem) = k.strip_suffix(suffix) {
                        if stem.len() >= 4 && !stem.contains(' ') {
                            stan.entry(stem.to_string()).or_insert_with(|| place.clone());
                        }
                    }
                }
            }
        }
        let common = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        let never_link = config.never_link.iter().map(|s| fold(s)).collect();

        let mut pats: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        let mut seen = HashSet::default();
        for (i, e) in registry.iter().enumerate() {
            entries.push((
                e.id.as_str().to_string(),
                e.meta.name.clone(),
                e.meta.kind,
                e.meta.hidden,
            ));
            for alias in std::iter::once(&e.meta.name).chain(e.meta.aliases.iter()) {
                let f = token_key(alias);
                if f.is_empty() || !seen.insert((f.clone(), i)) {
                    continue;
                }
                pats.push(f);
                patterns.push(RegistryPattern {
                    entry: i,
                    acronym: is_acronym_text(alias),
                    capital: alias
                        .chars()
                        .find(|c| c.is_alphabetic())
                        .is_some_and(|c| c.is_uppercase()),
                });
            }
        }
        let automaton = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&pats)
                .ok()
        };
        Lexicon {
            gazetteer,
            stan,
            common,
            never_link,
            automaton,
            patterns,
            entries,
        }
    }

    /// The gazetteer's word on a folded name.
    pub fn gazetteer(&self, folded: &str) -> Option<&Gaz> {
        self.gazetteer.get(folded)
    }

    /// A place (not a demonym nor a bare code).
    pub fn place(&self, folded: &str) -> Option<&str> {
        match self.gazetteer.get(folded) {
            Some(Gaz::Place { place }) => Some(place),
            _ => None,
        }
    }

    /// A demonym, or its plural ("Afghans", "Uzbeks"), or the people of a
    /// "-stan" country ("Tajik" for Tajikistan, "Uzbek").
    pub fn demonym(&self, folded: &str) -> Option<&str> {
        if let Some(place) = self.stan.get(folded) {
            return Some(place);
        }
        match self.gazetteer.get(folded) {
            Some(Gaz::Demonym { place }) => Some(place),
            _ => match folded.strip_suffix('s') {
                Some(stem) if stem.len() > 2 && !stem.ends_with('s') => self.demonym(stem),
                _ => None,
            },
        }
    }

    /// A word common in lowercase in English text ("however", "coalition").
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    pub fn is_never_link(&self, folded: &str) -> bool {
        self.never_link.contains(folded)
    }

    /// (id, name, kind, hidden) of registry entry `i`.
    pub fn entry(&self, i: usize) -> (&str, &str, EntityKind, bool) {
        let e = &self.entries[i];
        (&e.0, &e.1, e.2, e.3)
    }

    pub fn has_registry(&self) -> bool {
        self.automaton.is_some()
    }

    /// Registry names and aliases in a sentence: one automaton pass over its
    /// folded tokens, whole tokens only, with case checks (an acronym alias
    /// matches only uppercase text: "IS" never matches "is").
    pub fn registry_matches(&self, sentence: &str, toks: &[Token]) -> Vec<RegistryMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut hay = String::with_capacity(sentence.len() + 8);
        let mut starts = Vec::with_capacity(toks.len());
        for t in toks {
            if !hay.is_empty() {
                hay.push(' ');
            }
            starts.push(hay.len());
            hay.push_str(&t.fold);
        }
        // one anchored automaton walk from each token start, longest alias
        // first; a walk stops as soon as no alias continues the prefix, so the
        // cost does not grow with the registry
        let mut out = Vec::new();
        let mut a = 0;
        while a < toks.len() {
            let input = Input::new(&hay).range(starts[a]..).anchored(Anchored::Yes);
            let Some(m) = ac.find(input) else {
                a += 1;
                continue;
            };
            let Some(b) = (a..toks.len()).find(|&i| starts[i] + toks[i].fold.len() >= m.end()) else {
                a += 1;
                continue;
            };
            if starts[b] + toks[b].fold.len() != m.end() {
                a += 1;
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            let (start, end) = (toks[a].start, toks[b].end);
            let orig = &sentence[start..end];
            let all_upper = orig.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
            let first_upper = orig
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase());
            let case_ok = (!p.acronym || all_upper) && (!p.capital || first_upper);
            if !case_ok {
                a += 1;
                continue;
            }
            out.push(RegistryMatch {
                start,
                end,
                entry: p.entry,
            });
            a = b + 1;
        }
        out
    }
}

/// An alias as the registry automaton sees it: its token folds, space-separated.
fn token_key(alias: &str) -> String {
    tokenize(alias)
        .iter()
        .map(|t| t.fold.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_has_places_demonyms_and_codes() {
        let lx = Lexicon::default();
        assert_eq!(lx.place("turkey"), Some("Turkey"));
        assert_eq!(lx.place("turkiye"), Some("Turkey"));
        assert_eq!(lx.place("istanbul"), Some("Istanbul"));
        assert_eq!(lx.place("konya"), Some("Konya"));
        assert_eq!(lx.place("kerman"), Some("Kerman"));
        assert_eq!(lx.place("central asia"), Some("Central Asia"));
        assert_eq!(lx.demonym("turkish"), Some("Turkey"));
        assert_eq!(lx.demonym("syrian"), Some("Syria"));
        assert_eq!(lx.demonym("afghans"), Some("Afghanistan"));
        assert_eq!(
            lx.gazetteer("us"),
            Some(&Gaz::Code {
                place: "United States".into()
            })
        );
        // Iceland's code is not the initials of a multi-word name
        assert_eq!(lx.gazetteer("is"), None);
        assert!(lx.is_common("however"));
        assert!(!lx.is_common("taliban"));
    }
}
