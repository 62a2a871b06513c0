//! Graph: the cross-article facts, computed once from every article's
//! analysis: reading order, and (in submodules) merged entities, backlinks,
//! co-occurrence and the timeline. Never re-parses text.

use crate::config::Config;
use crate::extract::Analysis;
use crate::model::Article;

/// The whole site's data, built once and then only read by the render stage.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by id.
    pub articles: Vec<Article>,
    /// `analyses[i]` belongs to `articles[i]`.
    pub analyses: Vec<Analysis>,
    /// Article indices newest first; undated ones last, by title.
    pub chronological: Vec<usize>,
}

impl Site {
    pub fn build(config: Config, articles: Vec<Article>, analyses: Vec<Analysis>) -> Site {
        let mut chronological: Vec<usize> = (0..articles.len()).collect();
        chronological.sort_by(|&a, &b| {
            let (x, y) = (&articles[a], &articles[b]);
            match (x.meta.date, y.meta.date) {
                (Some(dx), Some(dy)) => dy.cmp(&dx).then_with(|| x.id.cmp(&y.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => x.meta.title.cmp(&y.meta.title).then_with(|| x.id.cmp(&y.id)),
            }
        });
        Site {
            config,
            articles,
            analyses,
            chronological,
        }
    }
}
