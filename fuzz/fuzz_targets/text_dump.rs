#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dossier::ingest::extract_bytes(dossier::ingest::SeedKind::Text, data);
});
