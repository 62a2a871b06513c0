//! Ingest: turns what the analyst collected in `seeds/` (text dumps, saved
//! HTML, Markdown) into `content/articles/<slug>.md`. This is the only module
//! that writes into `content/`.

pub mod html;
pub mod meta;
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

/// The kind of seed, from its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedKind {
    Text,
    Html,
    Markdown,
}

impl SeedKind {
    pub fn from_path(path: &std::path::Path) -> Option<SeedKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(SeedKind::Text),
            "html" | "htm" | "xhtml" => Some(SeedKind::Html),
            "md" | "markdown" => Some(SeedKind::Markdown),
            _ => None,
        }
    }
}

/// Seeds larger than this are refused: no article is that long, and the
/// extractors are not meant to chew on data dumps.
pub const MAX_SEED_BYTES: usize = 20 * 1024 * 1024;

/// Decode a text seed: UTF-8 (with or without BOM), UTF-16 with BOM, else
/// lossy UTF-8 with a warning.
pub fn decode_text(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(format!("invalid {} sequences were replaced", enc.name()));
        }
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("the file is not valid UTF-8; invalid bytes were replaced".into());
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Extract one seed given its bytes. Errors are for files that cannot be an
/// article at all (empty, binary, too large); everything else gives a doc,
/// possibly with warnings.
pub fn extract_bytes(kind: SeedKind, bytes: &[u8]) -> Result<ExtractedDoc, String> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(format!(
            "the file is {} MB, over the {} MB limit for a seed",
            bytes.len() / (1024 * 1024),
            MAX_SEED_BYTES / (1024 * 1024)
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty".into());
    }
    if looks_binary(bytes) {
        return Err("the file looks binary (NUL bytes), not text or HTML".into());
    }
    let mut warnings = Vec::new();
    let mut doc = match kind {
        SeedKind::Html => html::extract_html(bytes),
        SeedKind::Text => text::extract_text(&decode_text(bytes, &mut warnings)),
        SeedKind::Markdown => markdown_seed(&decode_text(bytes, &mut warnings)),
    };
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    if doc.title.trim().is_empty() && doc.body.trim().is_empty() {
        return Err("no article text found".into());
    }
    if doc.date.is_none() {
        doc.warnings
            .push("no publication date found; add `date:` to the front matter".into());
    }
    Ok(doc)
}

fn looks_binary(bytes: &[u8]) -> bool {
    // UTF-16 text has NULs but starts with a BOM, which decode_text handles.
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}

/// A Markdown seed keeps its body; its title comes from front matter or the
/// first heading (the loader handles front matter that is already there).
fn markdown_seed(text: &str) -> ExtractedDoc {
    let mut title = String::new();
    let mut body = String::new();
    for line in text.lines() {
        if title.is_empty() {
            if let Some(h) = line.strip_prefix("# ") {
                title = h.trim().to_string();
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            if !line.starts_with('#') {
                title = line.trim().to_string();
                continue;
            }
        }
        body.push_str(line);
        body.push('\n');
    }
    ExtractedDoc {
        title,
        body,
        ..Default::default()
    }
}

/// `dossier extract` for one file: the JSON line of the public contract.
pub fn extract_file_json(path: &std::path::Path) -> Result<String, String> {
    let kind = SeedKind::from_path(path).unwrap_or(SeedKind::Text);
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let doc = extract_bytes(kind, &bytes)?;
    for w in &doc.warnings {
        eprintln!("{}: warning: {w}", path.display());
    }
    let v = serde_json::json!({
        "file": path.display().to_string(),
        "title": doc.title,
        "subtitle": doc.subtitle,
        "authors": doc.authors,
        "date": doc.date.map(|d| d.to_string()),
        "date_inferred": doc.date_inferred,
        "publisher": doc.publisher,
        "body": doc.body,
    });
    Ok(v.to_string())
}
