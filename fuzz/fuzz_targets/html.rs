#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = dossier::ingest::extract_bytes(dossier::ingest::SeedKind::Html, data) {
        // Whatever the page, nothing from it may come out as markup once the
        // Markdown is rendered (markup written as text is fine: it is escaped).
        let article = dossier::model::Article {
            id: dossier::model::Slug::parse("fuzz").unwrap(),
            file: "fuzz.md".into(),
            meta: dossier::model::ArticleMeta { title: doc.title.clone(), ..Default::default() },
            body: doc.body,
            body_line: 1,
        };
        let lexicon = dossier::extract::entities::Lexicon::default();
        let html = dossier::extract::analyse(&article, false, &lexicon).html.to_lowercase();
        // text is escaped (`&lt;`, `&quot;`), so these only match real markup
        for bad in ["<script", "<iframe", "<form", "<base", " onclick=\"", " onmouseover=\"", "href=\"javascript:"] {
            assert!(!html.contains(bad), "{bad} came out as markup");
        }
    }
});
