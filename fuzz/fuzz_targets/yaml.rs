//! The YAML loader on any bytes: no panic, every span inside the text and on character
//! boundaries, and the fast reader in agreement with `saphyr-parser` wherever it accepts a
//! document (the comparison of `tests/yaml_fast.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster::load::yaml;
use roster::source::SourceFile;

#[path = "../../tests/common/readers.rs"]
mod readers;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    readers::agree(&text);
    let source = SourceFile::new("records/members/fuzz.yaml", "", text);
    let loaded = yaml::load(0, &source);
    for d in &loaded.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let (start, end) = (label.span.start as usize, label.span.end as usize);
            assert!(start <= end && end <= source.text.len(), "{d:?}");
            assert!(
                source.text.is_char_boundary(start) && source.text.is_char_boundary(end),
                "{d:?}"
            );
        }
    }
});
