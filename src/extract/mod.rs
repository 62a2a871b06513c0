//! Extract: per article, Markdown -> HTML with sentence ids, plus the names
//! and date expressions in its sentences. Sees one article at a time, so it
//! runs in parallel and caches.

pub mod bodies;
pub mod dates;
pub mod entities;
pub mod markdown;
pub mod sentences;

use crate::model::Article;

/// Everything the later stages need from one article.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Body HTML with `<dossier-m>` markers (see [`markdown::resolve_mentions`]).
    /// Not in the analysis's cache record: the body has a pack of its own
    /// (see [`bodies`]), read only when its page is made.
    #[serde(skip)]
    pub html: String,
    pub headings: Vec<markdown::Heading>,
    /// Plain text of each sentence; sentence `i` has the id `s-{i+1}`.
    pub sentences: Vec<String>,
    pub names: entities::ArticleNames,
    pub dates: Vec<dates::DateMention>,
    pub word_count: usize,
    /// [`Analysis::graph_input_hash`], made with the analysis and cached
    /// with it: every build hashes every article's graph input, and
    /// serialising them all again was a twentieth of a rebuild.
    pub graph_input: u128,
    /// A hash of everything the analysis was made from (see
    /// `site::assemble`): two analyses with the same source are the same,
    /// so pages can be told unchanged without reading it. Not cached: the
    /// cache is looked up by the same input.
    #[serde(skip)]
    pub source: u128,
}

impl Analysis {
    /// A hash of what the graph reads from this analysis (see
    /// `graph::inputs_key`): its names, dates, the sentences its dates are
    /// in, and the words of its mentions (which the FtM data shows).
    pub fn graph_input_hash(&self) -> u128 {
        let dated: Vec<&str> = self
            .dates
            .iter()
            .map(|d| self.sentences.get(d.sentence).map_or("", String::as_str))
            .collect();
        let words: Vec<&str> = self
            .names
            .mentions
            .iter()
            .map(|m| {
                self.sentences
                    .get(m.sentence)
                    .and_then(|s| s.get(m.start..m.end))
                    .unwrap_or("")
            })
            .collect();
        // postcard writes lengths before variable parts: no two inputs
        // give the same bytes
        match postcard::to_stdvec(&(&self.names, &self.dates, dated, words)) {
            Ok(b) => xxhash_rust::xxh3::xxh3_128(&b),
            // cannot happen for these types; never hash two inputs alike
            Err(_) => u128::MAX,
        }
    }

    /// The first sentences, up to about `max` characters, for previews.
    pub fn summary(&self, max: usize) -> String {
        let mut out = String::new();
        for s in &self.sentences {
            if !out.is_empty() && out.len() + s.len() > max {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
            if out.len() >= max / 2 {
                break;
            }
        }
        if out.chars().count() > max {
            let mut cut: String = out.chars().take(max).collect();
            cut.push('…');
            return cut;
        }
        out
    }
}

/// Analyse one article.
pub fn analyse(article: &Article, allow_raw_html: bool, lexicon: &entities::Lexicon) -> Analysis {
    let parsed = markdown::parse(&article.body);
    let sentences = parsed.sentences.clone();
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let names = entities::find_names(&refs, lexicon);
    let anchor = article.meta.date.map(|date| dates::Anchor {
        date,
        inferred: article.meta.date_inferred,
    });
    let dates = dates::find_dates(&refs, anchor);
    let mut marks: Vec<markdown::Mark> = names
        .mentions
        .iter()
        .map(|m| markdown::Mark {
            sentence: m.sentence,
            start: m.start,
            end: m.end,
            name: m.name,
        })
        .collect();
    marks.sort_by_key(|m| (m.sentence, m.start, std::cmp::Reverse(m.end)));
    marks.dedup_by(|b, a| a.sentence == b.sentence && b.start < a.end);
    let rendered = markdown::render(parsed, &marks, allow_raw_html);
    let word_count = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    let mut analysis = Analysis {
        html: rendered.html,
        headings: rendered.headings,
        sentences,
        names,
        dates,
        word_count,
        graph_input: 0,
        source: 0,
    };
    analysis.graph_input = analysis.graph_input_hash();
    analysis
}
