#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let sentences: Vec<&str> = text.split('\n').collect();
        let anchor = dossier::extract::dates::Anchor { date: jiff::civil::date(2017, 1, 7), inferred: false };
        for m in dossier::extract::dates::find_dates(&sentences, Some(anchor)) {
            let s = sentences[m.sentence];
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end) && m.start <= m.end);
        }
    }
});
