//! Ingest: turns what the analyst collected in `seeds/` (text dumps, saved
//! HTML, Markdown) into `content/articles/<slug>.md`. This is the only module
//! that writes into `content/`.

pub mod html;
pub mod text;

use jiff::civil::Date;

/// What extraction found in one seed: metadata and a clean Markdown body.
/// This is also the `dossier extract` JSON contract.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedDoc {
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<Date>,
    /// The text does not state the publication date; it was inferred from evidence.
    pub date_inferred: bool,
    pub publisher: Option<String>,
    /// Markdown.
    pub body: String,
    /// Problems worth telling the analyst (no date found, lossy decoding, ...).
    pub warnings: Vec<String>,
}
