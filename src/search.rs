//! The search index: pagefind, used as a library, over articles and
//! entities. Its index is chunked, so a browser downloads only the pieces a
//! query needs, whatever the size of the site.

use crate::graph::Site;
use crate::output::Output;
use std::collections::BTreeMap;

/// Where the index lives in the site.
pub const DIR: &str = "pagefind";

/// One thing to find: a page, its title, type and text.
struct Record {
    url: String,
    title: String,
    kind: &'static str,
    text: String,
}

fn records(site: &Site) -> Vec<Record> {
    let mut out = Vec::with_capacity(site.articles.len() + site.entities.entities.len());
    for (a, an) in site.articles.iter().zip(&site.analyses) {
        let mut text = String::new();
        for part in [a.meta.subtitle.as_deref().unwrap_or(""), &a.meta.authors.join(", ")] {
            text.push_str(part);
            text.push('\n');
        }
        for s in &an.sentences {
            text.push_str(s);
            text.push(' ');
        }
        out.push(Record {
            url: crate::render::article_url(a),
            title: a.meta.title.clone(),
            kind: "article",
            text,
        });
    }
    for e in site.entities.entities.values() {
        // every spelling, plus each one folded to ASCII, so "Erdogan" finds "Erdoğan"
        let mut names: Vec<String> = std::iter::once(&e.name).chain(&e.aliases).cloned().collect();
        let folded: Vec<String> = names.iter().map(|n| deunicode::deunicode(n)).collect();
        names.extend(folded);
        names.sort();
        names.dedup();
        let mut text = names.join(", ");
        if let Some(d) = e.registry.as_ref().and_then(|r| r.meta.description.as_ref()) {
            text.push_str(". ");
            text.push_str(d);
        }
        if let Some(m) = site.mentions.get(&e.id).and_then(|m| m.first()) {
            text.push_str(". ");
            text.push_str(&site.analyses[m.article].sentences[m.sentence]);
        }
        out.push(Record {
            url: format!("entities/{}/", e.id),
            title: e.name.clone(),
            kind: e.kind.as_str(),
            text,
        });
    }
    out
}

/// Build the index files (under `pagefind/`).
pub fn index(site: &Site) -> Result<Vec<Output>, String> {
    let records = records(site);
    let language = site.config.language.clone();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("search index: {e}"))?;
    rt.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(false)
            .force_language(language.clone())
            .build();
        let mut idx = pagefind::api::PagefindIndex::new(Some(config)).map_err(|e| format!("search index: {e}"))?;
        for r in records {
            let meta = BTreeMap::from([("title".to_string(), r.title), ("type".to_string(), r.kind.to_string())]);
            let filters = BTreeMap::from([("type".to_string(), vec![r.kind.to_string()])]);
            idx.add_custom_record(r.url, r.text, language.clone(), Some(meta), Some(filters), None)
                .await
                .map_err(|e| format!("search index: {e}"))?;
        }
        let files = idx.get_files().await.map_err(|e| format!("search index: {e}"))?;
        let mut out: Vec<Output> = files
            .into_iter()
            .filter_map(|f| {
                let rel = f.filename.to_string_lossy().replace('\\', "/");
                let rel = rel.trim_start_matches("./").trim_start_matches('/');
                // the UI bundles and playground are not used: our page has its own small UI
                let wanted = rel.starts_with("index/")
                    || rel.starts_with("fragment/")
                    || rel.starts_with("filter/")
                    || rel.starts_with("wasm.")
                    || rel == "pagefind.js"
                    || rel == "pagefind-worker.js"
                    || rel == "pagefind-entry.json";
                wanted.then(|| Output::new(format!("{DIR}/{rel}"), f.contents))
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    })
}
