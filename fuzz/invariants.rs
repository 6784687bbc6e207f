//! What must hold for any bytes given to kin as an assessment file. Shared
//! by the cargo-fuzz target (fuzz/fuzz_targets/load.rs) and the stable
//! mutation test (tests/library/fuzz_stable.rs), which include this file.

use kin::domain::field::Field;
use kin::format::read::{load, load_findings, load_str};
use kin::format::write::{to_toml, update_document};
use kin::render::findings::finding_line;

/// Loads `data` like `kin check` does and checks every invariant; panics
/// (which the fuzzer reports) when one does not hold.
pub fn check_any_bytes(data: &[u8], field: &Field) {
    let loaded = load(data, field);

    // Finding problems without building the assessment finds the same ones.
    let lean = load_findings(data, field);
    assert_eq!(lean.findings, loaded.findings);
    assert!(lean.assessment.is_none() && lean.places.is_empty());

    // An assessment exactly when there is no error.
    assert_eq!(loaded.assessment.is_some(), !loaded.has_errors());

    // Findings point into the file and print as one harmless line (tabs
    // are kept: they do nothing to a terminal).
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for finding in &loaded.findings {
        if let Some(p) = finding.position {
            assert!(p.line >= 1 && p.line <= lines && p.column >= 1, "{p:?}");
        }
        let line = finding_line("datei.kin.toml", finding);
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
    }
    for position in loaded.places.values() {
        assert!(position.line <= lines, "{position:?}");
    }

    let Some(assessment) = loaded.assessment else {
        return;
    };
    // TOML allows no raw control character but tab and line breaks.
    assert!(
        !data
            .iter()
            .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f),
        "a raw control character was accepted"
    );
    // What loads, kin saves so that it loads back the same, byte-stable.
    let text = to_toml(&assessment, field);
    let again = load_str(&text, field);
    assert!(!again.has_errors(), "{:?}\n{text}", again.findings);
    assert_eq!(again.assessment.as_ref(), Some(&assessment), "{text}");
    assert_eq!(to_toml(again.assessment.as_ref().unwrap(), field), text);

    // Updating the file as written (what `kin set` does) keeps its meaning.
    let original = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data))
        .expect("a loaded file is UTF-8");
    if let Ok(mut doc) = original.parse::<toml_edit::DocumentMut>() {
        update_document(&mut doc, &assessment, field);
        let updated = doc.to_string();
        let reloaded = load_str(&updated, field);
        assert!(!reloaded.has_errors(), "{:?}\n{updated}", reloaded.findings);
        assert_eq!(reloaded.assessment.as_ref(), Some(&assessment), "{updated}");
    }
}
