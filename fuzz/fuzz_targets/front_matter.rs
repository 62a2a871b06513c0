#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dossier::load::parse_article(text, std::path::Path::new("fuzz.md"));
        let _ = dossier::load::parse_registry_entry(text, std::path::Path::new("fuzz.md"));
    }
});
