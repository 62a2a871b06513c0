//! Names of people, organisations and places in one article: proper-name
//! spans, stated aliases ("Islamic State (IS)"), short forms resolved to full
//! names, and types from cues and the gazetteer. Sees one article only.

use crate::model::EntityKind;

/// One name found in an article, after resolving short forms within it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// One occurrence of a name in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMention {
    pub sentence: usize,
    /// Byte range within the sentence text.
    pub start: usize,
    pub end: usize,
    /// Index into [`ArticleNames::names`].
    pub name: usize,
}

/// Everything the entity finder saw in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleNames {
    pub names: Vec<FoundName>,
    pub mentions: Vec<NameMention>,
    /// Short forms that fit two names and were left unlinked.
    pub ambiguous: Vec<String>,
}

/// Find the names in an article given as its sentences (plain text).
pub fn find_names(sentences: &[&str]) -> ArticleNames {
    let _ = sentences;
    ArticleNames::default()
}
