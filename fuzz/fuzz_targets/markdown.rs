#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = std::str::from_utf8(data) {
        let article = dossier::model::Article {
            id: dossier::model::Slug::parse("fuzz").unwrap(),
            file: "fuzz.md".into(),
            meta: dossier::model::ArticleMeta { title: "Fuzz".into(), ..Default::default() },
            body: body.to_string(),
            body_line: 1,
        };
        let lexicon = dossier::extract::entities::Lexicon::default();
        let a = dossier::extract::analyse(&article, false, &lexicon);
        let html = dossier::extract::markdown::resolve_mentions(&a.html, |_| Some("x/".into()));
        assert!(!html.contains("<script"), "raw HTML came through");
    }
});
