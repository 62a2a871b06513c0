//! Names of people, organisations and places in one article: proper-name
//! spans, stated aliases ("Islamic State (IS)"), short forms resolved to full
//! names, and types from cues and the gazetteer. Sees one article only.
//!
//! Entry point: [`find_names`] with a [`Lexicon`] built once per build
//! ([`Lexicon::new`] from the registry and `never_link`; the gazetteer and
//! the common-word list are bundled). Registry names and aliases are found
//! with one Aho-Corasick automaton, walked anchored from each token start, so
//! the cost per sentence does not grow with the registry (measured: a
//! 100k-entry registry costs about nothing; `find_names_speed`).
//!
//! The steps, per article:
//! 1. tokenize each sentence (`text`), find registry names in one automaton
//!    pass (`lexicon`), and group capitalised words with their particles and
//!    connectors into spans ("Abu Bakr al-Baghdadi", "Islamic State of Iraq
//!    and Syria");
//! 2. trim each span (a sentence-initial "However", titles such as "Turkish
//!    Deputy Premier") and drop what is no name (ordinary capitalised words,
//!    demonyms, common words, headline case);
//! 3. read type cues around it (roles, organisation and place words, "in X");
//! 4. join forms of one name: definitions in the text ("X (Y)", "also known
//!    as", "who uses the kunya", "A/B"), acronyms and their expansions,
//!    folding, spelling variants of one surname, and short forms
//!    ("Masharipov" -> "Abdulkadir Masharipov"; a short form fitting two names
//!    stays unlinked and is reported as ambiguous).

pub mod lexicon;
pub mod text;
mod words;

pub use lexicon::Lexicon;
pub use text::fold;

use crate::model::EntityKind;
use lexicon::Gaz;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use text::{tokenize, Gap, Shape, Token};
use words::*;

/// One name found in an article, after resolving short forms within it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FoundName {
    /// The fullest form used in this article ("Abdulkadir Masharipov").
    pub name: String,
    /// Other forms used for it in this article ("Masharipov", "IS").
    pub aliases: Vec<String>,
    pub kind: Option<EntityKind>,
    /// Defined in the text ("Islamic State (IS)"), cued by a role or
    /// organisation word, or found in the gazetteer: enough evidence for a page.
    pub strong: bool,
    /// The registry entry (its id) this name matched, if any.
    pub registry_id: Option<String>,
    /// Every form used (the name and its aliases) with its number of mentions.
    pub forms: Vec<(String, usize)>,
    /// Type evidence, summed over the mentions: (person, organization, place).
    pub votes: (u32, u32, u32),
}

/// One occurrence of a name in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NameMention {
    pub sentence: usize,
    /// Byte range within the sentence text.
    pub start: usize,
    pub end: usize,
    /// Index into [`ArticleNames::names`].
    pub name: usize,
}

/// Everything the entity finder saw in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleNames {
    pub names: Vec<FoundName>,
    pub mentions: Vec<NameMention>,
    /// Short forms that fit two names and were left unlinked.
    pub ambiguous: Vec<String>,
}

impl ArticleNames {
    /// Number of mentions of each name, by name index.
    pub fn mention_counts(&self) -> Vec<usize> {
        let mut c = vec![0; self.names.len()];
        for m in &self.mentions {
            c[m.name] += 1;
        }
        c
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Votes {
    person: u32,
    org: u32,
    place: u32,
    /// A person by default (two to four capitalised words, no cue): counts
    /// once however often the name is used, so one real cue outweighs it.
    guess: u32,
}

impl Votes {
    fn add(&mut self, o: Votes) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.guess += o.guess;
    }
    fn person_total(&self) -> u32 {
        self.person + self.guess.min(1)
    }
    fn kind(&self) -> Option<EntityKind> {
        let person = self.person_total();
        let m = person.max(self.org).max(self.place);
        if m == 0 {
            None
        } else if self.org == m {
            Some(EntityKind::Organization)
        } else if person == m {
            Some(EntityKind::Person)
        } else {
            Some(EntityKind::Place)
        }
    }
    fn personish(&self) -> bool {
        let person = self.person_total();
        person > 0 && person >= self.org && person >= self.place
    }
}

/// A name occurrence before the forms are joined.
#[derive(Debug, Clone)]
struct Cand {
    sentence: usize,
    /// Token range [a, b) in the sentence.
    a: usize,
    b: usize,
    start: usize,
    end: usize,
    surface: String,
    key: String,
    /// Folds of the tokens (particles included).
    folds: Vec<String>,
    acronym: bool,
    votes: Votes,
    strong: bool,
    registry: Option<usize>,
    /// In the gazetteer as a place (or a country code).
    gaz: bool,
    /// A lone common word ("Winter"): kept only as a short form of a full name.
    single_common: bool,
    /// Every word is common ("Threat Assessment"): kept only if an acronym in
    /// the article spells its initials ("Middle East Eye" = MEE).
    all_common: bool,
    headline: bool,
    /// Followed by a lowercase content word ("HVAC technician").
    attributive: bool,
    dropped: bool,
}

impl Cand {
    fn content_folds(&self) -> Vec<&str> {
        self.folds
            .iter()
            .map(|s| s.as_str())
            .filter(|f| !is_connector(f))
            .collect()
    }
    fn is_multi(&self) -> bool {
        self.content_folds().len() >= 2
    }
}

fn is_connector(f: &str) -> bool {
    matches!(f, "of" | "and" | "the" | "for") || contains(PARTICLES, f) || contains(HYPHEN_PARTICLES, f)
}

/// Key with particles removed: "bashar al assad" -> "bashar assad".
fn core_key(key: &str) -> String {
    key.split(' ')
        .filter(|w| !contains(PARTICLES, w) && !contains(HYPHEN_PARTICLES, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Initials of the content words of a folded key ("islamic state of iraq and syria" -> "isis").
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn sentence_is_headline(s: &str, toks: &[Token]) -> bool {
    // a sentence that ends like one is not a headline, however many names it has
    let end = s.trim_end().trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    if end.ends_with(['.', '!', '?', ';']) && toks.len() > 3 {
        return false;
    }
    let mut content = 0;
    let mut caps = 0;
    for t in toks {
        match t.shape {
            Shape::Number => {}
            Shape::Lower if contains(FUNCTION_WORDS, &t.fold) || contains(PARTICLES, &t.fold) => {}
            Shape::Lower => content += 1,
            Shape::Cap | Shape::Acronym => {
                if !(t.shape == Shape::Cap && contains(FUNCTION_WORDS, &t.fold)) {
                    content += 1;
                    caps += 1;
                }
            }
        }
    }
    content > 0 && caps * 4 >= content * 3
}

fn sentence_is_all_caps(s: &str) -> bool {
    let mut up = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            up += 1;
        }
    }
    up > 3
}

struct Finder<'l> {
    lx: &'l Lexicon,
}

impl Finder<'_> {
    fn is_place_token(&self, t: &Token) -> bool {
        matches!(
            self.lx.gazetteer(&t.fold),
            Some(Gaz::Place { .. }) | Some(Gaz::Demonym { .. })
        ) || self.lx.demonym(&t.fold).is_some()
    }

    fn is_gaz(&self, key: &str, acronym: bool) -> bool {
        self.lx.place(key).is_some()
            || (acronym && matches!(self.lx.gazetteer(&key.replace(' ', "")), Some(Gaz::Code { .. })))
    }

    /// Group capitalised tokens with particles and connectors into spans.
    fn spans(&self, toks: &[Token]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            let starts = t.is_name_word()
                || (t.shape == Shape::Lower
                    && contains(HYPHEN_PARTICLES, &t.fold)
                    && i + 1 < n
                    && toks[i + 1].gap == Gap::Hyphen
                    && toks[i + 1].is_name_word());
            if !starts || t.shape == Shape::Number {
                i += 1;
                continue;
            }
            // a lowercase prefix joined by a hyphen ("pro-Assad") is not part of it
            let mut j = i;
            let mut has_of = false;
            let mut before_of = 0;
            loop {
                let cur = &toks[j];
                let nx = j + 1;
                if nx >= n {
                    break;
                }
                let next = &toks[nx];
                if cur.possessive {
                    // "King’s College London"
                    if next.gap == Gap::Space && next.shape == Shape::Cap && contains(ORG_WORDS, &next.fold) {
                        j = nx;
                        continue;
                    }
                    break;
                }
                if next.shape == Shape::Cap && next.fold == "the" {
                    break;
                }
                match (next.gap, next.shape) {
                    (Gap::Space, Shape::Cap | Shape::Acronym) => {
                        j = nx;
                        continue;
                    }
                    (Gap::Hyphen, Shape::Cap | Shape::Acronym) => {
                        // Moscow-PKK, Turkish-Syrian: two names; Abu-Bakr, IS-K: one
                        let short_tail = next.text.chars().count() == 1;
                        if !short_tail
                            && cur.shape != Shape::Lower
                            && (self.is_place_token(cur) || self.is_place_token(next))
                        {
                            break;
                        }
                        j = nx;
                        continue;
                    }
                    (Gap::Space | Gap::Hyphen, Shape::Lower) => {
                        let f = next.fold.as_ref();
                        let particle = if next.gap == Gap::Hyphen {
                            contains(HYPHEN_PARTICLES, f)
                        } else {
                            contains(PARTICLES, f)
                        };
                        if particle
                            && toks
                                .get(nx + 1)
                                .is_some_and(|t| t.is_name_word() && t.gap != Gap::Punct)
                        {
                            j = nx + 1;
                            continue;
                        }
                        // "of" continues an organisation or place name ("Department of
                        // Justice", "Voice of Khorasan"), not a person's ("Piarul Islam of Phulbari")
                        let before: Vec<&str> = toks[i..=j]
                            .iter()
                            .map(|t| t.fold.as_ref())
                            .filter(|f| !is_connector(f))
                            .collect();
                        let named_head = before.len() < 2
                            || before
                                .iter()
                                .any(|f| contains(ORG_WORDS, f) || contains(PLACE_WORDS, f) || contains(TITLES, f))
                            || toks[i..=j].iter().any(|t| t.shape == Shape::Acronym);
                        if next.gap == Gap::Space
                            && (f == "of" || (f == "for" && contains(ORG_WORDS, &cur.fold)))
                            && cur.shape == Shape::Cap
                            && self.lx.place(&cur.fold).is_none()
                            && (named_head || f == "for" || has_of)
                        {
                            let mut k = nx + 1;
                            if toks.get(k).is_some_and(|t| t.is_lower("the") && t.gap == Gap::Space) {
                                k += 1;
                            }
                            if toks.get(k).is_some_and(|t| t.is_name_word() && t.gap == Gap::Space) {
                                if f == "of" && !has_of {
                                    has_of = true;
                                    before_of = j + 1 - i;
                                }
                                j = k;
                                continue;
                            }
                        }
                        if next.gap == Gap::Space && f == "and" && has_of && before_of >= 2 {
                            // "State of Iraq and Syria", not "Federation of Teachers and Thomas Kennedy"
                            let single = toks.get(nx + 1).is_some_and(|t| t.possessive)
                                || toks
                                    .get(nx + 2)
                                    .is_none_or(|t| !(t.is_name_word() && t.gap != Gap::Punct));
                            if let Some(t) = toks.get(nx + 1) {
                                if t.is_name_word() && t.gap == Gap::Space && single {
                                    j = nx + 1;
                                    continue;
                                }
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
            out.push((i, j + 1));
            i = j + 1;
        }
        out
    }

    /// Trim a span: a leading article or sentence-initial function word,
    /// titles ("Turkish Deputy Premier"), a title before "of" ("President of
    /// Turkey"). Returns the trimmed range and whether a title was removed.
    fn trim(&self, toks: &[Token], a: usize, b: usize) -> Option<(usize, usize, bool)> {
        let mut a = a;
        while a < b
            && toks[a].shape == Shape::Cap
            && (strip_anywhere(&toks[a].fold) || (toks[a].initial && contains(FUNCTION_WORDS, &toks[a].fold)))
        {
            a += 1;
        }
        // a demonym before an acronym: "Syrian PKK", "Uzbek IS jihadists"
        while a + 1 < b
            && toks[a].shape == Shape::Cap
            && !toks[a].possessive
            && toks[a + 1].shape == Shape::Acronym
            && self.lx.demonym(&toks[a].fold).is_some()
        {
            a += 1;
        }
        // titles, possibly after a demonym: "French President Francois Hollande"
        let mut k = a;
        let mut title = false;
        while k + 1 < b && !toks[k].possessive && toks[k].is_name_word() {
            let f = toks[k].fold.as_ref();
            let is_title = contains(TITLES, f);
            let demonym_then_title =
                self.lx.demonym(f).is_some() && contains(TITLES, &toks[k + 1].fold) && !toks[k + 1].possessive;
            if !(is_title || demonym_then_title) {
                break;
            }
            title |= is_title;
            k += 1;
        }
        // a title later in the span: "DAE Additional Director Dr Azizur Rahman",
        // "Sub-Assistant Agriculture Officer Atanu Sarker"
        if k == a {
            if let Some(t) = (a..b.saturating_sub(1))
                .rev()
                .find(|&t| toks[t].shape == Shape::Cap && !toks[t].possessive && contains(TITLES, &toks[t].fold))
            {
                let rest = &toks[t + 1..b];
                if rest.iter().all(|r| {
                    r.shape == Shape::Cap
                        && !contains(ORG_WORDS, &r.fold)
                        && !contains(PLACE_WORDS, &r.fold)
                        && !contains(TITLES, &r.fold)
                }) && !rest.is_empty()
                {
                    k = t + 1;
                    title = true;
                }
            }
        }
        if k > a {
            let rest = &toks[k];
            if rest.is_name_word() && !contains(ORG_WORDS, &rest.fold) && !contains(PLACE_HEADS_STRONG, &rest.fold) {
                a = k;
            } else if rest.is_lower("of") {
                // "President of Turkey", "Director of Research": the part after "of"
                let mut s = k + 1;
                if s < b && toks[s].is_lower("the") {
                    s += 1;
                }
                a = s;
                title = false;
            } else {
                title = false;
            }
        }
        // strip trailing connectors (cannot happen by construction, but be safe)
        let mut b = b;
        while b > a && toks[b - 1].shape == Shape::Lower {
            b -= 1;
        }
        if a >= b {
            None
        } else {
            Some((a, b, title))
        }
    }

    /// Type cues around the range [a, b) and inside it.
    fn cues(&self, toks: &[Token], sentence: &str, a: usize, b: usize, key: &str, acronym: bool) -> (Votes, bool) {
        let mut v = Votes::default();
        let mut strong = false;
        let folds: Vec<&str> = toks[a..b].iter().map(|t| t.fold.as_ref()).collect();
        let content: Vec<&str> = folds.iter().copied().filter(|f| !is_connector(f)).collect();
        let multi = content.len() >= 2;
        // the head of "Church of Santa Maria" is "Church"
        let head_part: Vec<&str> = match folds.iter().position(|f| *f == "of") {
            Some(p) if p > 0 => folds[..p].iter().copied().filter(|f| !is_connector(f)).collect(),
            _ => content.clone(),
        };
        let last = *head_part.last().unwrap_or(&"");
        let gaz = self.is_gaz(key, acronym);
        if gaz {
            v.place += 5;
            strong = true;
        }
        // words inside the name
        if multi {
            let org_before = head_part[..head_part.len().saturating_sub(1)]
                .iter()
                .any(|f| contains(ORG_WORDS, f));
            if contains(PLACE_HEADS_STRONG, last) && !(org_before && contains(AREA_HEADS, last)) {
                v.place += 3;
                strong = true;
            } else if content.iter().any(|f| contains(ORG_WORDS, f)) {
                v.org += 3;
                strong = true;
            } else if last == "province" || contains(PLACE_WORDS, last) {
                v.place += 2;
                strong = true;
            } else if contains(DIRECTIONS, content[0]) {
                v.place += if self.lx.place(&content[1..].join(" ")).is_some() {
                    3
                } else {
                    1
                };
            } else if folds.iter().any(|f| contains(PERSON_PARTICLES, f)) {
                v.person += 2;
            } else if folds.contains(&"of") {
                v.org += 1;
            } else if !acronym && content.len() <= 4 && !toks[a..b].iter().any(|t| t.shape == Shape::Acronym) {
                v.guess += 1;
            }
        } else if acronym && !gaz {
            v.org += 1;
        }
        let lower = |i: usize| toks.get(i).filter(|t| t.shape == Shape::Lower).map(|t| t.fold.as_ref());
        // before
        if a > 0 {
            let p = &toks[a - 1];
            let gap_ok = toks[a].gap == Gap::Space;
            if p.shape == Shape::Lower && gap_ok {
                let f = p.fold.as_ref();
                let mut prep = Some(f);
                if f == "the" && a >= 2 && toks[a - 1].gap == Gap::Space {
                    prep = lower(a - 2);
                }
                let number_after = toks
                    .get(b)
                    .is_some_and(|t| t.shape == Shape::Number && t.gap == Gap::Space);
                if prep.is_some_and(|f| contains(PLACE_BEFORE, f)) && !acronym && !number_after {
                    if v.org == 0 && v.person <= 1 {
                        v.place += 3;
                        strong = true;
                    }
                } else if contains(ROLE_WORDS, f) && !attributive(toks, b) {
                    v.person += 3;
                    strong = true;
                } else if f == "of" && a >= 2 && lower(a - 2).is_some_and(|g| contains(PLACE_OF, g)) {
                    v.place += 3;
                    strong = true;
                } else if f == "the" && !multi && !gaz && !key.ends_with('s') {
                    v.org += 1;
                } else if matches!(f, "said" | "says" | "told" | "asked" | "added" | "by")
                    && multi
                    && v.org == 0
                    && v.place == 0
                    && v.person == 0
                    && !acronym
                {
                    // "said Melissa Cranon", "a network run by Ismatullah Khalozai"
                    v.person += 3;
                    strong = true;
                }
            } else if p.shape == Shape::Cap && contains(TITLES, &p.fold) && !contains(ORG_WORDS, &p.fold) {
                // "Gen. Stephen Townsend"
                let gap = &sentence[p.full_end..toks[a].start];
                if gap.trim() == "." || gap.trim().is_empty() {
                    v.person += 3;
                    strong = true;
                }
            }
        }
        // after
        if b < toks.len() {
            let nx = &toks[b];
            let gap = &sentence[toks[b - 1].full_end..nx.start];
            if nx.shape == Shape::Lower && nx.gap == Gap::Space && !toks[b - 1].possessive {
                let f = nx.fold.as_ref();
                if contains(PLACE_AFTER, f) && !acronym {
                    v.place += 3;
                    strong = true;
                } else if contains(ORG_AFTER, f) {
                    v.org += 1;
                } else if contains(PERSON_VERBS, f) {
                    // "Nate Wheatley said": a person when the name is not an organisation's
                    if multi && v.org == 0 && v.place == 0 && !acronym {
                        v.person += 3;
                        strong = true;
                    } else {
                        v.person += 1;
                    }
                } else if matches!(f, "is" | "was" | "operates" | "serves" | "acts" | "functions") {
                    // "Peter Smith is a researcher", "Riccardo Valle is Director of Research",
                    // "Amn al-Kharji operates as IS’s foreign intelligence service"
                    for t in toks.iter().skip(b + 1).take(5) {
                        if t.gap == Gap::Punct && sentence[..t.start].trim_end().ends_with([',', ';', '.']) {
                            break;
                        }
                        if contains(ROLE_WORDS, &t.fold) {
                            v.person += 3;
                            strong = true;
                            break;
                        }
                        if contains(ORG_WORDS, &t.fold) && t.shape == Shape::Lower {
                            if !acronym {
                                v.org += 3;
                                strong = true;
                            }
                            break;
                        }
                    }
                }
            } else if nx.gap == Gap::Hyphen && nx.shape == Shape::Lower {
                if matches!(
                    nx.fold.as_ref(),
                    "led" | "backed" | "affiliated" | "linked" | "held" | "controlled" | "run"
                ) {
                    v.org += 1;
                }
            } else if gap.trim_start().starts_with(',') {
                // apposition: "Amaq, the news agency", "X, a researcher at"
                let f = nx.fold.as_ref();
                if nx.shape == Shape::Lower && matches!(f, "a" | "an" | "the") {
                    for t in toks.iter().skip(b + 1).take(4) {
                        if t.gap == Gap::Punct && sentence[..t.start].ends_with(',') {
                            break;
                        }
                        if t.shape == Shape::Lower && contains(ROLE_WORDS, &t.fold) {
                            v.person += 3;
                            strong = true;
                            break;
                        }
                        if t.shape == Shape::Lower && contains(ORG_WORDS, &t.fold) {
                            if v.person > 0 {
                                v.org += 1;
                            } else {
                                v.org += 3;
                                strong = true;
                            }
                            break;
                        }
                    }
                } else if f == "who" {
                    v.person += 3;
                    strong |= multi;
                }
            }
        }
        (v, strong)
    }

    fn make_cand(&self, sentence_idx: usize, s: &str, toks: &[Token], a: usize, b: usize, title: bool) -> Cand {
        let start = toks[a].start;
        let end = toks[b - 1].end;
        let surface = s[start..end].to_string();
        let key = fold(&surface);
        let folds: Vec<String> = toks[a..b].iter().map(|t| t.fold.to_string()).collect();
        let acronym = toks[a..b].iter().all(|t| {
            t.shape == Shape::Acronym || (t.gap == Gap::Hyphen && t.text.chars().count() == 1 && t.shape == Shape::Cap)
        }) && toks[a].shape == Shape::Acronym;
        let (mut votes, mut strong) = self.cues(toks, s, a, b, &key, acronym);
        let gaz = self.is_gaz(&key, acronym);
        if title {
            votes.person += 3;
            strong = true;
        }
        Cand {
            sentence: sentence_idx,
            a,
            b,
            start,
            end,
            surface,
            key,
            folds,
            acronym,
            votes,
            strong,
            registry: None,
            gaz,
            single_common: false,
            all_common: false,
            headline: false,
            attributive: !toks[b - 1].possessive && attributive(toks, b),
            dropped: false,
        }
    }

    /// Is this candidate no name at all? Also sets the "needs support" flags.
    fn reject(&self, c: &mut Cand, toks: &[Token], lower_words: &HashSet<&str>) -> bool {
        if self.lx.is_never_link(&c.key) {
            return true;
        }
        let content: Vec<String> = c.content_folds().into_iter().map(|s| s.to_string()).collect();
        if content.is_empty() {
            return true;
        }
        if c.gaz {
            // a place that is also a common word ("Sale") must not start the sentence
            return content.len() == 1 && toks[c.a].initial && self.lx.is_common(&content[0]) && c.votes.place < 8;
        }
        let ordinary = |f: &str| {
            contains(ORDINARY_CAPS, f)
                || contains(FUNCTION_WORDS, f)
                || contains(TITLES, f)
                || self.lx.demonym(f).is_some()
                || adjective_like(f)
        };
        if c.acronym {
            let f = c.key.replace(' ', "");
            // "UPDATE", "SHIELD": shouted common words
            return (f.len() >= 4 && self.lx.is_common(&f)) || contains(ORDINARY_CAPS, &f);
        }
        if content
            .iter()
            .all(|f| ordinary(f) || f.chars().all(|c| c.is_ascii_digit()))
        {
            return true;
        }
        if content.len() == 1 {
            let f = content[0].as_str();
            let t = &toks[c.a];
            // a lone letter, an adverb ("Additionally"), a plural acronym ("LLMs", "KPIs")
            let plural_acronym = t.text.len() >= 3
                && t.text.ends_with('s')
                && t.text[..t.text.len() - 1].chars().all(|c| c.is_ascii_uppercase());
            // ... or a lone head word ("Inc", "University")
            let head_word = contains(ORG_WORDS, f) || contains(PLACE_WORDS, f) || contains(TITLES, f);
            let negation = t.text.ends_with("n’t") || t.text.ends_with("n't");
            if f.len() <= 1 || (f.ends_with("ly") && f.len() > 4) || plural_acronym || head_word || negation {
                return true;
            }
            if self.lx.gazetteer(f).is_some() && !matches!(self.lx.gazetteer(f), Some(Gaz::Place { .. })) {
                return true;
            }
            if self.lx.is_common(f) || lower_words.contains(f) {
                c.single_common = true;
            }
            // plural group words after "the": "the Turks", "the Russians"
            if f.ends_with('s')
                && !f.ends_with("ss")
                && !f.ends_with("us")
                && !f.ends_with("is")
                && c.a > 0
                && toks[c.a - 1].is_lower("the")
            {
                return true;
            }
        } else if content.iter().all(|f| ordinary(f) || self.lx.is_common(f)) {
            let last = content.last().unwrap().as_str();
            if !(contains(ORG_WORDS, last) || contains(PLACE_WORDS, last)) {
                c.all_common = true;
            }
        }
        false
    }
}

/// Is the word after position `b` a lowercase content word, making the name
/// before it an attribute ("its official al-Naba weekly")?
fn attributive(toks: &[Token], b: usize) -> bool {
    toks.get(b).is_some_and(|t| {
        t.shape == Shape::Lower
            && t.gap == Gap::Space
            && !contains(FUNCTION_WORDS, &t.fold)
            && !contains(PERSON_VERBS, &t.fold)
            // a past tense is a verb: "the PKK claimed"
            && !t.fold.ends_with("ed")
    })
}

/// A name of common words headed by an abstract noun is a concept, not an
/// entity: "Search Engine Optimization", "Threat Assessment", "Social Media Marketing".
fn is_concept(c: &Cand) -> bool {
    let head = c.content_folds().last().map(|s| s.to_string()).unwrap_or_default();
    [
        "tion", "sion", "ment", "ing", "ness", "ity", "ance", "ence", "ism", "ics",
    ]
    .iter()
    .any(|s| head.ends_with(s))
}

/// Adjective-looking single words: "Kurdish", "Caucasian", "Chinese", "Islamist".
fn adjective_like(f: &str) -> bool {
    f.len() > 4
        && [
            "ian", "ians", "ean", "eans", "ish", "ese", "ic", "ics", "ist", "ists", "ite", "ites",
        ]
        .iter()
        .any(|s| f.ends_with(s))
}

struct Uf {
    parent: Vec<usize>,
}

impl Uf {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let n = self.parent[y];
            self.parent[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // keep the smaller index as root: deterministic
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Schwartz-Hearst style: the shortest suffix of `tokens` whose content-word
/// initials spell `letters` (also with connectors counted). Returns the index
/// of the first token of that suffix.
fn acronym_suffix(tokens: &[String], letters: &str) -> Option<usize> {
    for s in (0..tokens.len()).rev() {
        let suffix = &tokens[s..];
        if is_connector(&suffix[0]) {
            continue;
        }
        let content: String = suffix
            .iter()
            .filter(|w| !is_connector(w))
            .filter_map(|w| w.chars().next())
            .collect();
        let all: String = suffix.iter().filter_map(|w| w.chars().next()).collect();
        if content == letters || all == letters {
            return Some(s);
        }
    }
    None
}

/// Find the names in an article given as its sentences (plain text).
pub fn find_names(sentences: &[&str], lexicon: &Lexicon) -> ArticleNames {
    let f = Finder { lx: lexicon };
    let toks: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(s)).collect();
    let mut lower_words: HashSet<&str> = HashSet::default();
    let mut cap_words: HashSet<&str> = HashSet::default();
    for ts in &toks {
        for t in ts {
            if t.shape == Shape::Lower {
                lower_words.insert(&t.fold);
            } else if t.shape == Shape::Cap {
                cap_words.insert(&t.fold);
            }
        }
    }

    let mut cands: Vec<Cand> = Vec::new();
    // alias pairs between candidate indices: definitions in the text
    let mut defs: Vec<(usize, usize)> = Vec::new();
    let mut slashes: Vec<(usize, usize)> = Vec::new();

    for (si, s) in sentences.iter().enumerate() {
        let ts = &toks[si];
        if ts.is_empty() {
            continue;
        }
        let headline = sentence_is_headline(s, ts);
        let all_caps = sentence_is_all_caps(s);
        let reg = if lexicon.has_registry() {
            lexicon.registry_matches(s, ts)
        } else {
            Vec::new()
        };
        let first = cands.len();
        let mut reg_used = vec![false; reg.len()];
        for (a0, b0) in f.spans(ts) {
            let Some((a, b, title)) = f.trim(ts, a0, b0) else {
                continue;
            };
            let mut c = f.make_cand(si, s, ts, a, b, title);
            c.headline = headline || all_caps;
            // shouted names ("ROSIE CURTS:", "CANTWELL:") are matched like headlines
            let span = &ts[c.a..c.b];
            let shouted = (span.iter().filter(|t| t.shape == Shape::Acronym).count() >= 2
                && span
                    .iter()
                    .all(|t| t.shape == Shape::Acronym || t.shape == Shape::Lower)
                && span
                    .iter()
                    .any(|t| t.shape == Shape::Acronym && t.text.len() >= 4 && !t.text.contains('.')))
                || (c.acronym && cap_words.contains(c.key.replace(' ', "").as_str()));
            if shouted {
                c.headline = true;
            }
            // registry names win over a span they cover or overlap, a larger span wins over them
            let mut skip = false;
            for (ri, r) in reg.iter().enumerate() {
                if r.end <= c.start || r.start >= c.end {
                    continue;
                }
                if r.start <= c.start && r.end >= c.end || !(r.start >= c.start && r.end <= c.end) {
                    skip = true;
                } else {
                    reg_used[ri] = true;
                }
            }
            if skip {
                continue;
            }
            if !c.headline && f.reject(&mut c, ts, &lower_words) {
                continue;
            }
            cands.push(c);
        }
        for (ri, r) in reg.iter().enumerate() {
            if reg_used[ri] {
                continue;
            }
            let surface = s[r.start..r.end].to_string();
            let key = fold(&surface);
            let (_, _, kind, _) = lexicon.entry(r.entry);
            let mut votes = Votes::default();
            match kind {
                EntityKind::Person => votes.person += 10,
                EntityKind::Organization => votes.org += 10,
                EntityKind::Place => votes.place += 10,
                _ => {}
            }
            let a = ts.iter().position(|t| t.start >= r.start).unwrap_or(0);
            let b = ts
                .iter()
                .rposition(|t| t.end <= r.end)
                .map(|x| x + 1)
                .unwrap_or(ts.len())
                .max(a + 1);
            cands.push(Cand {
                sentence: si,
                a,
                b,
                start: r.start,
                end: r.end,
                folds: key.split(' ').map(|s| s.to_string()).collect(),
                acronym: surface.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
                    && !surface.contains(' '),
                surface,
                key,
                votes,
                strong: true,
                registry: Some(r.entry),
                gaz: false,
                single_common: false,
                all_common: false,
                headline: false,
                attributive: false,
                dropped: false,
            });
        }
        cands[first..].sort_by_key(|c| c.start);
        // a cue carries over "and": "by Aaron Zelin and Ilana Winter", "in Baghdad and Samaraa"
        for i in first..cands.len().saturating_sub(1) {
            let (c1, c2) = (&cands[i], &cands[i + 1]);
            let joined = c2.a == c1.b + 1 && ts[c1.b].is_lower("and") && ts[c2.a].gap == Gap::Space;
            if !joined || c2.acronym || c2.strong || c2.votes.org > 0 || c2.votes.place > 0 || c2.votes.person > 0 {
                continue;
            }
            let (person, place) = (c1.votes.person >= 3 && c1.strong, c1.votes.place >= 3 && c1.strong);
            let multi = c2.is_multi();
            let c2 = &mut cands[i + 1];
            if person && multi {
                c2.votes.person += 3;
                c2.strong = true;
            } else if place && !multi {
                c2.votes.place += 3;
                c2.strong = true;
            }
        }
        if headline || all_caps {
            continue;
        }
        find_definitions(s, ts, &mut cands, first, &mut defs, &mut slashes, lexicon);
    }

    assemble(cands, defs, slashes, &toks, sentences, lexicon)
}

/// Definitions stated in one sentence among the candidates `first..`.
fn find_definitions(
    s: &str,
    ts: &[Token],
    cands: &mut [Cand],
    first: usize,
    defs: &mut Vec<(usize, usize)>,
    slashes: &mut Vec<(usize, usize)>,
    lx: &Lexicon,
) {
    let n = cands.len();
    for i in first..n {
        // "Long Name (LN)" and "Real Name (Kunya Name)"
        if i + 1 < n {
            let (c1_end, c2_start, c2_end) = (ts[cands[i].b - 1].full_end, cands[i + 1].start, cands[i + 1].end);
            let gap = &s[c1_end.min(c2_start)..c2_start];
            let after = s[c2_end..].trim_start();
            if gap.trim() == "(" && after.starts_with(')') {
                let c2_acr = cands[i + 1].acronym;
                let c1_acr = cands[i].acronym;
                if c2_acr && !c1_acr {
                    let letters = cands[i + 1].key.replace(' ', "");
                    if let Some(sfx) = acronym_suffix(&cands[i].folds, &letters) {
                        if sfx > 0 {
                            let c = &mut cands[i];
                            let a = c.a + sfx;
                            c.a = a;
                            c.start = ts[a].start;
                            c.surface = s[c.start..c.end].to_string();
                            c.key = fold(&c.surface);
                            c.folds = c.folds[sfx..].to_vec();
                        }
                        defs.push((i, i + 1));
                    }
                } else if c1_acr && !c2_acr {
                    let letters = cands[i].key.replace(' ', "");
                    if acronym_suffix(&cands[i + 1].folds, &letters) == Some(0) {
                        defs.push((i, i + 1));
                    }
                } else if !c1_acr && !c2_acr && cands[i].is_multi() && cands[i + 1].is_multi() {
                    defs.push((i, i + 1));
                }
            }
            if gap == "/" {
                slashes.push((i, i + 1));
            }
        }
        // "X - also known by acronyms A and B", "X, also known as A"
        let c = &cands[i];
        let mut k = c.b;
        let mut known = false;
        while k < ts.len() && ts[k].shape == Shape::Lower {
            let f = ts[k].fold.as_ref();
            if matches!(f, "known" | "called" | "dubbed" | "nicknamed" | "aka" | "referred") {
                known = true;
            } else if !matches!(
                f,
                "also"
                    | "otherwise"
                    | "formerly"
                    | "better"
                    | "commonly"
                    | "widely"
                    | "as"
                    | "by"
                    | "the"
                    | "its"
                    | "acronym"
                    | "acronyms"
                    | "abbreviation"
                    | "abbreviations"
                    | "name"
                    | "names"
                    | "to"
            ) {
                break;
            }
            k += 1;
        }
        if known && k > c.b {
            let mut j = i + 1;
            let mut expect = k;
            while j < n && cands[j].a == expect {
                defs.push((i, j));
                let mut e = cands[j].b;
                while e < ts.len() && ts[e].shape == Shape::Lower && matches!(ts[e].fold.as_ref(), "and" | "or") {
                    e += 1;
                }
                expect = e;
                j += 1;
            }
        }
    }
    // "X ..., who also uses the kunya Y"
    for (w, t) in ts.iter().enumerate() {
        if !t.is_lower("who") {
            continue;
        }
        let mut k = w + 1;
        let mut saw_verb = false;
        while k < ts.len() && ts[k].shape == Shape::Lower {
            let f = ts[k].fold.as_ref();
            match f {
                "uses" | "used" | "goes" | "went" | "is" | "was" | "calls" | "called" => saw_verb = true,
                "also" | "now" | "often" | "the" | "a" | "by" | "known" | "as" | "kunya" | "name" | "alias" | "nom"
                | "de" | "guerre" | "pseudonym" | "nickname" | "moniker" | "himself" | "herself" => {}
                _ => break,
            }
            k += 1;
        }
        if !saw_verb {
            continue;
        }
        let Some(bi) = (first..n).find(|&j| cands[j].a == k) else {
            continue;
        };
        let ai = (first..n).rev().find(|&j| {
            cands[j].b <= w && !cands[j].acronym && lx.place(&cands[j].key).is_none() && cands[j].votes.place < 3
        });
        if let Some(ai) = ai {
            defs.push((ai, bi));
        }
    }
}

#[allow(clippy::needless_range_loop)] // key indices address several parallel tables
fn assemble(
    mut cands: Vec<Cand>,
    defs: Vec<(usize, usize)>,
    slashes: Vec<(usize, usize)>,
    toks: &[Vec<Token>],
    sentences: &[&str],
    lx: &Lexicon,
) -> ArticleNames {
    // support for all-common names: an acronym spelling their initials
    let acronyms: HashSet<String> = cands
        .iter()
        .filter(|c| c.acronym && !c.headline)
        .map(|c| c.key.replace(' ', ""))
        .collect();
    for c in cands.iter_mut() {
        if c.headline {
            continue;
        }
        if c.all_common && (is_concept(c) || !acronyms.contains(&initials(&c.key))) {
            c.dropped = true;
        }
    }
    let last_tokens: HashSet<String> = cands
        .iter()
        .filter(|c| !c.headline && !c.dropped && c.is_multi() && !c.single_common && c.votes.personish())
        .filter_map(|c| c.content_folds().last().map(|s| s.to_string()))
        .collect();
    for c in cands.iter_mut() {
        if !c.headline && c.single_common && !last_tokens.contains(c.content_folds()[0]) {
            c.dropped = true;
        }
    }

    // an acronym defined by common words ("Search Engine Optimization (SEO)") is a concept
    let concepts: HashSet<String> = defs
        .iter()
        .flat_map(|&(x, y)| [(x, y), (y, x)])
        .filter(|&(x, y)| cands[x].all_common && is_concept(&cands[x]) && cands[y].acronym)
        .map(|(_, y)| cands[y].key.clone())
        .collect();
    for c in cands.iter_mut() {
        if c.acronym && concepts.contains(&c.key) {
            c.dropped = true;
        }
    }
    // nodes: one per distinct key of a kept, non-headline candidate
    let mut key_id: HashMap<String, usize> = HashMap::default();
    let mut keys: Vec<String> = Vec::new();
    let mut node_of: Vec<Option<usize>> = vec![None; cands.len()];
    for (i, c) in cands.iter().enumerate() {
        if c.headline || c.dropped {
            continue;
        }
        let id = *key_id.entry(c.key.clone()).or_insert_with(|| {
            keys.push(c.key.clone());
            keys.len() - 1
        });
        node_of[i] = Some(id);
    }
    let mut reg_node: HashMap<usize, usize> = HashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if let (Some(r), Some(_)) = (c.registry, node_of[i]) {
            let k = format!("\u{1}registry:{r}");
            let id = *key_id.entry(k.clone()).or_insert_with(|| {
                keys.push(k);
                keys.len() - 1
            });
            reg_node.insert(r, id);
        }
    }
    let mut uf = Uf {
        parent: (0..keys.len()).collect(),
    };
    for (i, c) in cands.iter().enumerate() {
        if let (Some(r), Some(n)) = (c.registry, node_of[i]) {
            uf.union(n, reg_node[&r]);
        }
    }
    // per-key facts
    let mut key_votes: Vec<Votes> = vec![Votes::default(); keys.len()];
    let mut key_acr = vec![false; keys.len()];
    let mut key_multi = vec![false; keys.len()];
    let mut key_gaz = vec![false; keys.len()];
    let mut key_strong_person = vec![false; keys.len()];
    for (i, c) in cands.iter().enumerate() {
        if let Some(n) = node_of[i] {
            key_votes[n].add(c.votes);
            key_acr[n] = c.acronym;
            key_multi[n] = c.is_multi();
            key_gaz[n] |= c.gaz;
            key_strong_person[n] |= c.votes.person >= 3;
        }
    }

    // 0. one place under several names: "Türkiye" = "Turkey", "U.S." = "United States"
    for (i, c) in cands.iter().enumerate() {
        let Some(n) = node_of[i] else { continue };
        if !c.gaz {
            continue;
        }
        let place = lx
            .place(&c.key)
            .or_else(|| match lx.gazetteer(&c.key.replace(' ', "")) {
                Some(Gaz::Code { place }) => Some(place.as_str()),
                _ => None,
            });
        if let Some(place) = place {
            let k = format!("\u{1}gaz:{}", fold(place));
            let id = match key_id.get(&k) {
                Some(&id) => id,
                None => {
                    keys.push(k.clone());
                    key_id.insert(k, keys.len() - 1);
                    uf.parent.push(keys.len() - 1);
                    key_votes.push(Votes::default());
                    key_acr.push(false);
                    key_multi.push(false);
                    key_gaz.push(true);
                    key_strong_person.push(false);
                    keys.len() - 1
                }
            };
            uf.union(n, id);
        }
    }
    // 1. definitions
    for &(x, y) in &defs {
        if let (Some(a), Some(b)) = (node_of[x], node_of[y]) {
            uf.union(a, b);
        }
    }
    // 2. slash pairs: one side never used alone -> same thing ("the PYD/YPG")
    let mut in_slash: HashMap<usize, usize> = HashMap::default();
    for &(x, y) in &slashes {
        for z in [x, y] {
            if let Some(n) = node_of[z] {
                *in_slash.entry(n).or_default() += 1;
            }
        }
    }
    let mut total: HashMap<usize, usize> = HashMap::default();
    for n in node_of.iter().flatten() {
        *total.entry(*n).or_default() += 1;
    }
    for &(x, y) in &slashes {
        if let (Some(a), Some(b)) = (node_of[x], node_of[y]) {
            // saturating: in "A/B/C" the middle name sits in two pairs but is one mention
            let alone = |n: usize| total[&n].saturating_sub(in_slash.get(&n).copied().unwrap_or(0));
            // "UK/EU" are alternatives, not one thing
            if (alone(a) == 0 || alone(b) == 0) && !key_gaz[a] && !key_gaz[b] {
                uf.union(a, b);
            }
        }
    }
    // 3. same core without particles ("Bashar al-Assad" = "Bashar Assad", "al-Raqqa" = "Raqqa")
    let mut by_core: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (n, k) in keys.iter().enumerate() {
        if !k.starts_with('\u{1}') && !key_acr[n] {
            by_core.entry(core_key(k)).or_default().push(n);
        }
    }
    for group in by_core.values() {
        for w in group.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    // 4. a droppable organisation tail: "Islamic State Khorasan Province" = "Islamic State Khorasan";
    //    "X of <place>" = "X" when X is used alone ("Islamic State of Iraq and Syria")
    let mut extra_keys: Vec<(String, usize)> = Vec::new();
    for n in 0..keys.len() {
        let k = keys[n].clone();
        if k.starts_with('\u{1}') {
            continue;
        }
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() >= 3 && contains(DROPPABLE_ORG_TAILS, words[words.len() - 1]) && key_votes[n].org > 0 {
            let short = words[..words.len() - 1].join(" ");
            match key_id.get(&short) {
                Some(&m) => uf.union(n, m),
                None => extra_keys.push((short, n)),
            }
        }
        // "Aleppo City" = "Aleppo"; "Santa Maria Church" = "Church of Santa Maria" = "Santa Maria"
        if words.len() >= 2 {
            let (head, rest) = (words[words.len() - 1], words[..words.len() - 1].join(" "));
            if head == "city" && lx.place(&rest).is_some() {
                if let Some(&m) = key_id.get(&rest) {
                    uf.union(n, m);
                }
            }
            if contains(PLACE_HEADS_STRONG, head) && head != "city" && lx.place(&rest).is_none() {
                if let Some(&m) = key_id.get(&rest) {
                    if !key_strong_person[m] {
                        uf.union(n, m);
                    }
                }
            }
        }
        if words.len() >= 3 && words[1] == "of" && contains(PLACE_HEADS_STRONG, words[0]) {
            let rest = words[2..].join(" ");
            let rest = rest.strip_prefix("the ").unwrap_or(&rest);
            if let Some(&m) = key_id.get(rest) {
                if !key_strong_person[m] {
                    uf.union(n, m);
                }
            }
        }
        if let Some(pos) = k.find(" of ") {
            let head = &k[..pos];
            if head.contains(' ') && !key_votes[n].personish() {
                if let Some(&m) = key_id.get(head) {
                    uf.union(n, m);
                }
            }
        }
    }
    // 5. acronyms spelling the initials of exactly one non-person name
    {
        let mut by_initials: HashMap<String, HashSet<usize>> = HashMap::default();
        for n in 0..keys.len() {
            if key_multi[n] && !key_acr[n] && !keys[n].starts_with('\u{1}') {
                let r = uf.find(n);
                by_initials.entry(initials(&keys[n])).or_default().insert(r);
            }
        }
        for n in 0..keys.len() {
            if !key_acr[n] {
                continue;
            }
            let letters = keys[n].replace(' ', "");
            if let Some(set) = by_initials.get(&letters) {
                let roots: Vec<usize> = set
                    .iter()
                    .map(|&r| uf.find(r))
                    .collect::<HashSet<_>>()
                    .into_iter()
                    .collect();
                if roots.len() == 1 {
                    uf.union(n, roots[0]);
                }
            }
        }
    }
    // cluster votes so far
    let cluster_votes = |uf: &mut Uf| {
        let mut cv: HashMap<usize, Votes> = HashMap::default();
        for n in 0..keys.len() {
            cv.entry(uf.find(n)).or_default().add(key_votes[n]);
        }
        cv
    };
    // 6. spelling variants of one person's name: same surname, same number of
    //    words, the other words one edit apart ("Abdulkadir"/"Abdulgadir Masharipov")
    {
        let cv = cluster_votes(&mut uf);
        let person_keys: Vec<usize> = (0..keys.len())
            .filter(|&n| key_multi[n] && !key_acr[n] && !key_gaz[n] && !keys[n].starts_with('\u{1}'))
            .filter(|&n| {
                let r = uf.find(n);
                cv.get(&r).is_some_and(|v| v.personish())
            })
            .collect();
        for (x, &p) in person_keys.iter().enumerate() {
            for &q in &person_keys[x + 1..] {
                let (wp, wq): (Vec<&str>, Vec<&str>) = (keys[p].split(' ').collect(), keys[q].split(' ').collect());
                if wp.len() != wq.len() || wp.last() != wq.last() {
                    continue;
                }
                let close = wp.iter().zip(&wq).all(|(a, b)| {
                    a == b || (a.len() >= 5 && b.len() >= 5 && strsim::levenshtein(a, b) <= 1 && a[..1] == b[..1])
                });
                if close {
                    uf.union(p, q);
                }
            }
        }
    }
    // 7. short forms: a single word that is the last word of one person's full name
    let mut ambiguous: Vec<String> = Vec::new();
    let mut ambiguous_nodes: HashSet<usize> = HashSet::default();
    let mut gaz_overridden: HashSet<usize> = HashSet::default();
    {
        let cv = cluster_votes(&mut uf);
        let mut by_last: HashMap<String, HashSet<usize>> = HashMap::default();
        for n in 0..keys.len() {
            if key_multi[n] && !key_acr[n] && !keys[n].starts_with('\u{1}') {
                let r = uf.find(n);
                if cv.get(&r).is_some_and(|v| v.personish()) {
                    if let Some(last) = keys[n].split(' ').next_back() {
                        by_last.entry(last.to_string()).or_default().insert(r);
                    }
                }
            }
        }
        let mut by_first: HashMap<String, HashSet<usize>> = HashMap::default();
        for n in 0..keys.len() {
            if key_multi[n] && !key_acr[n] && !keys[n].starts_with('\u{1}') {
                let r = uf.find(n);
                if cv.get(&r).is_some_and(|v| v.personish()) {
                    if let Some(first) = keys[n].split(' ').next() {
                        if !contains(PERSON_PARTICLES, first) {
                            by_first.entry(first.to_string()).or_default().insert(r);
                        }
                    }
                }
            }
        }
        for n in 0..keys.len() {
            if key_multi[n] || key_acr[n] || keys[n].starts_with('\u{1}') {
                continue;
            }
            let core = core_key(&keys[n]);
            // a first name alone ("Farah") when no surname fits
            let set = by_last
                .get(&core)
                .or_else(|| if key_gaz[n] { None } else { by_first.get(&core) });
            if let Some(set) = set {
                let roots: HashSet<usize> = set.iter().map(|&r| uf.find(r)).collect();
                let me = uf.find(n);
                let others: Vec<usize> = roots.into_iter().filter(|&r| r != me).collect();
                if others.len() == 1 {
                    uf.union(n, others[0]);
                    if key_gaz[n] {
                        // "Kennedy" is Thomas Kennedy here, not the city
                        gaz_overridden.insert(n);
                    }
                } else if others.len() > 1 {
                    ambiguous_nodes.insert(n);
                }
            }
        }
    }
    // an undefined acronym only ever used as a modifier ("HVAC technician") is a common noun
    {
        let mut bare: HashMap<usize, bool> = HashMap::default();
        for (i, c) in cands.iter().enumerate() {
            if let Some(n) = node_of[i] {
                let r = uf.find(n);
                let ok = c.acronym && c.attributive && !c.strong && c.registry.is_none();
                let e = bare.entry(r).or_insert(true);
                *e &= ok;
            }
        }
        for slot in node_of.iter_mut() {
            if let Some(n) = *slot {
                if bare.get(&uf.find(n)) == Some(&true) {
                    *slot = None;
                }
            }
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if let Some(n) = node_of[i] {
            if ambiguous_nodes.contains(&n) {
                if !ambiguous.contains(&c.surface) {
                    ambiguous.push(c.surface.clone());
                }
                node_of[i] = None;
            }
        }
    }

    // headline sentences: only names already known, longest first
    let mut lookup: HashMap<String, usize> = key_id.clone();
    for (k, n) in extra_keys {
        lookup.entry(k).or_insert(n);
    }
    for n in 0..keys.len() {
        if !keys[n].starts_with('\u{1}') && !key_acr[n] {
            lookup.entry(core_key(&keys[n])).or_insert(n);
        }
    }
    let mut extra_mentions: Vec<(usize, usize, usize, usize)> = Vec::new(); // (sentence, start, end, node)
    for c in cands.iter().filter(|c| c.headline) {
        let ts = &toks[c.sentence];
        let s = sentences[c.sentence];
        let mut i = c.a;
        while i < c.b {
            let mut found = None;
            for j in (i + 1..=c.b.min(i + 8)).rev() {
                if !ts[j - 1].is_name_word() || !ts[i].is_name_word() {
                    continue;
                }
                let key = fold(&s[ts[i].start..ts[j - 1].end]);
                let key = key.as_str();
                if let Some(&n) = lookup.get(key) {
                    if !ambiguous_nodes.contains(&n) {
                        found = Some((j, n));
                        break;
                    }
                }
            }
            if let Some((j, n)) = found {
                extra_mentions.push((c.sentence, ts[i].start, ts[j - 1].end, n));
                i = j;
            } else {
                i += 1;
            }
        }
    }

    // clusters in order of first mention
    struct Occ {
        sentence: usize,
        start: usize,
        end: usize,
        node: usize,
        cand: Option<usize>,
    }
    let mut occs: Vec<Occ> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if let Some(n) = node_of[i] {
            occs.push(Occ {
                sentence: c.sentence,
                start: c.start,
                end: c.end,
                node: n,
                cand: Some(i),
            });
        }
    }
    for (sentence, start, end, node) in extra_mentions {
        occs.push(Occ {
            sentence,
            start,
            end,
            node,
            cand: None,
        });
    }
    occs.sort_by_key(|o| (o.sentence, o.start, std::cmp::Reverse(o.end)));
    // no overlapping mentions
    let mut kept: Vec<Occ> = Vec::new();
    for o in occs {
        if let Some(last) = kept.last() {
            if last.sentence == o.sentence && o.start < last.end {
                continue;
            }
        }
        kept.push(o);
    }

    let mut cluster_index: BTreeMap<usize, usize> = BTreeMap::new();
    struct Acc {
        forms: Vec<(String, usize, bool, usize)>, // surface, count, acronym, content words
        votes: Votes,
        strong: bool,
        registry: BTreeMap<usize, usize>,
    }
    let mut accs: Vec<Acc> = Vec::new();
    let mut mentions = Vec::new();
    for o in &kept {
        let root = uf.find(o.node);
        let idx = *cluster_index.entry(root).or_insert_with(|| {
            accs.push(Acc {
                forms: Vec::new(),
                votes: Votes::default(),
                strong: false,
                registry: BTreeMap::new(),
            });
            accs.len() - 1
        });
        let acc = &mut accs[idx];
        let surface = sentences[o.sentence][o.start..o.end].to_string();
        let (acr, words) = match o.cand {
            Some(ci) => {
                let c = &cands[ci];
                if gaz_overridden.contains(&o.node) {
                    acc.votes.add(Votes { place: 0, ..c.votes });
                } else {
                    acc.votes.add(c.votes);
                }
                acc.strong |= c.strong;
                if let Some(r) = c.registry {
                    *acc.registry.entry(r).or_default() += 1;
                }
                (c.acronym, c.content_folds().len())
            }
            None => {
                let f = fold(&surface);
                (
                    !surface.chars().any(|c| c.is_lowercase()),
                    f.split(' ').filter(|w| !is_connector(w)).count(),
                )
            }
        };
        match acc.forms.iter_mut().find(|f| f.0 == surface) {
            Some(f) => f.1 += 1,
            None => acc.forms.push((surface, 1, acr, words)),
        }
        mentions.push(NameMention {
            sentence: o.sentence,
            start: o.start,
            end: o.end,
            name: idx,
        });
    }
    let mut names = Vec::new();
    for mut acc in accs {
        let max_words = acc.forms.iter().filter(|f| !f.2).map(|f| f.3).max().unwrap_or(0);
        // a full form is supported by the short forms of it ("Masharipov" x8
        // supports "Abdulkadir Masharipov" over a kunya used once)
        let support: Vec<usize> = acc
            .forms
            .iter()
            .map(|f| {
                let last = core_key(&fold(&f.0)).rsplit(' ').next().unwrap_or("").to_string();
                f.1 + acc
                    .forms
                    .iter()
                    .filter(|g| acc.votes.personish() && g.3 == 1 && !g.2 && f.3 >= 2 && core_key(&fold(&g.0)) == last)
                    .map(|g| g.1)
                    .sum::<usize>()
            })
            .collect();
        let counts: Vec<usize> = acc.forms.iter().map(|f| f.1).collect();
        for (f, s) in acc.forms.iter_mut().zip(&support) {
            f.1 = *s;
        }
        // the fullest form: not an acronym, not a short form; most used, then longest, then first
        let best = acc
            .forms
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.2 && (f.3 >= 2 || max_words < 2))
            .max_by(|(i, a), (j, b)| a.1.cmp(&b.1).then(a.3.cmp(&b.3)).then(j.cmp(i)))
            .or_else(|| {
                acc.forms
                    .iter()
                    .enumerate()
                    .max_by(|(i, a), (j, b)| a.1.cmp(&b.1).then(j.cmp(i)))
            })
            .map(|(i, _)| i)
            .unwrap_or(0);
        for (f, c) in acc.forms.iter_mut().zip(&counts) {
            f.1 = *c;
        }
        let name = acc.forms[best].0.clone();
        let aliases: Vec<String> = acc
            .forms
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != best)
            .map(|(_, f)| f.0.clone())
            .collect();
        let registry = acc.registry.iter().max_by_key(|(_, n)| **n).map(|(r, _)| *r);
        names.push((name, aliases, acc, registry));
    }
    ArticleNames {
        names: names
            .into_iter()
            .map(|(name, aliases, acc, registry)| FoundName {
                name,
                aliases,
                kind: match registry {
                    Some(r) => Some(lx.entry(r).2),
                    None => acc.votes.kind(),
                },
                strong: acc.strong || registry.is_some(),
                registry_id: registry.map(|r| lx.entry(r).0.to_string()),
                forms: acc.forms.iter().map(|f| (f.0.clone(), f.1)).collect(),
                votes: (acc.votes.person_total(), acc.votes.org, acc.votes.place),
            })
            .collect(),
        mentions,
        ambiguous,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod eval_tests;

/// Helpers shared by the tests of this module and of `graph`.
#[cfg(test)]
pub(crate) mod test_support {
    pub(crate) use super::tests::split_sentences;
}
