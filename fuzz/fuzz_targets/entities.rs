#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LEXICON: LazyLock<dossier::extract::entities::Lexicon> =
    LazyLock::new(|| dossier::extract::entities::Lexicon::new(&[], &Default::default()));

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let sentences: Vec<&str> = text.split('\n').collect();
        let names = dossier::extract::entities::find_names(&sentences, &LEXICON);
        for m in &names.mentions {
            let s = sentences[m.sentence];
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end) && m.start < m.end);
            assert!(m.name < names.names.len());
        }
    }
});
