#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = dossier::ingest::extract_bytes(dossier::ingest::SeedKind::Html, data) {
        // nothing from the page may come out as markup
        let lower = doc.body.to_lowercase();
        assert!(!lower.contains("<script"), "script carried into Markdown");
    }
});
