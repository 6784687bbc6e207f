//! Every kind of bad input gets a clear finding at the right place, and no
//! input makes the loader panic.

use kin::domain::field::Field;
use kin::domain::finding::Severity;
use kin::format::read::{load, load_str};

const VALID: &str = r#"schema = 1
field = "interkommunale-zusammenarbeit"
field_version = "1.0"

[kommune]
name = "Musterhausen"
ags = "08115999"
date = 2026-11-25

[answers]
kooperationen-bestehend = "Bauhof mit Nachbarort"

[suggestions.wirtschaft-foerderung]
status = "done"
note = "Gewerbegebiet Am Kreuz"

[[own]]
id = "gemeinsamer-klaerschlamm"
category = "infrastruktur"
title = "Gemeinsame Klärschlammverwertung"
status = "planned"
"#;

/// The single finding of `text`: (line, column, severity, code, message).
fn only_finding(text: &str) -> (usize, usize, Severity, &'static str, String) {
    let loaded = load_str(text, Field::embedded());
    assert_eq!(loaded.findings.len(), 1, "{:#?}", loaded.findings);
    let f = &loaded.findings[0];
    let p = f.position.expect("finding has a position");
    (p.line, p.column, f.severity, f.code, f.message.clone())
}

fn assert_error(text: &str, line: usize, column: usize, code: &str, message_part: &str) {
    let (l, c, severity, found_code, message) = only_finding(text);
    assert_eq!((l, c, found_code), (line, column, code), "{message}");
    assert_eq!(severity, Severity::Error);
    assert!(
        message.contains(message_part),
        "{message:?} lacks {message_part:?}"
    );
    assert!(load_str(text, Field::embedded()).assessment.is_none());
}

#[test]
fn valid_file_has_no_findings() {
    let loaded = load_str(VALID, Field::embedded());
    assert_eq!(loaded.findings, vec![]);
    let a = loaded.assessment.unwrap();
    assert_eq!(a.kommune.name, "Musterhausen");
    assert_eq!(a.own[0].id, "gemeinsamer-klaerschlamm");
}

#[test]
fn syntax_error_points_at_the_place() {
    let text = VALID.replace("name = \"Musterhausen\"", "name = \"Musterhausen");
    assert_error(&text, 6, 21, "syntax", "TOML-Syntaxfehler");
}

#[test]
fn wrong_type() {
    let text = VALID.replace("status = \"done\"", "status = 3");
    assert_error(
        &text,
        14,
        10,
        "wrong-type",
        "„status“ muss Text in Anführungszeichen sein, gefunden: ganze Zahl",
    );
}

#[test]
fn unknown_status_names_the_allowed_values() {
    let text = VALID.replace("status = \"done\"", "status = \"erledigt\"");
    assert_error(
        &text,
        14,
        10,
        "unknown-status",
        "unbekannter Status „erledigt“; erlaubt: unknown, open, planned, in-progress, done, not-applicable",
    );
}

#[test]
fn unknown_key_is_an_error_not_silently_dropped() {
    let text = VALID.replace("status = \"done\"", "staus = \"done\"");
    let loaded = load_str(&text, Field::embedded());
    let codes: Vec<_> = loaded.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["missing-key", "unknown-key"]);
    let unknown = &loaded.findings[1];
    assert_eq!(unknown.position.map(|p| (p.line, p.column)), Some((14, 1)));
    assert!(unknown.message.contains("„staus“; erlaubt: status, note"));
    let top = VALID.replace("schema = 1", "schema = 1\nfeld = 2");
    assert_error(&top, 2, 1, "unknown-key", "unbekannter Schlüssel „feld“");
}

#[test]
fn unknown_suggestion_and_question_ids() {
    let text = VALID.replace(
        "[suggestions.wirtschaft-foerderung]",
        "[suggestions.wirtschaft]",
    );
    assert_error(
        &text,
        13,
        14,
        "unknown-id",
        "unbekannter Vorschlag „wirtschaft“; erlaubt: infrastruktur-zusammenlegung",
    );
    let text = VALID.replace("kooperationen-bestehend =", "kooperationen =");
    assert_error(
        &text,
        11,
        1,
        "unknown-id",
        "unbekannte Frage „kooperationen“; erlaubt: kooperationen-bestehend, synergien-potenzial",
    );
}

#[test]
fn own_measure_ids_must_be_unique_kebab_case_and_not_a_suggestion() {
    let second = "\n[[own]]\nid = \"gemeinsamer-klaerschlamm\"\ncategory = \"bildung\"\ntitle = \"Zweite\"\nstatus = \"open\"\n";
    let text = format!("{VALID}{second}");
    assert_error(&text, 24, 6, "duplicate-id", "mehrfach vergeben");
    let text = VALID.replace(
        "id = \"gemeinsamer-klaerschlamm\"",
        "id = \"Gemeinsamer_Klärschlamm\"",
    );
    assert_error(&text, 18, 6, "invalid-id", "nur Kleinbuchstaben");
    let text = VALID.replace(
        "id = \"gemeinsamer-klaerschlamm\"",
        "id = \"wirtschaft-foerderung\"",
    );
    assert_error(
        &text,
        18,
        6,
        "duplicate-id",
        "gehört schon zu einem Vorschlag",
    );
}

#[test]
fn own_measure_category_and_title() {
    let text = VALID.replace("category = \"infrastruktur\"", "category = \"verkehr\"");
    assert_error(
        &text,
        19,
        12,
        "unknown-category",
        "unbekannte Kategorie „verkehr“; erlaubt: infrastruktur, wirtschaft, bildung, konzepte, international",
    );
    let text = VALID.replace(
        "title = \"Gemeinsame Klärschlammverwertung\"",
        "title = \"  \"",
    );
    assert_error(&text, 20, 9, "empty-value", "„title“ darf nicht leer sein");
    let text = VALID.replace("title = \"Gemeinsame Klärschlammverwertung\"\n", "");
    assert_error(
        &text,
        17,
        1,
        "missing-key",
        "Pflichtangabe „title“ fehlt in [[own]]",
    );
}

#[test]
fn ags_must_be_eight_digits() {
    let text = VALID.replace("\"08115999\"", "\"8115999\"");
    assert_error(&text, 7, 7, "invalid-ags", "genau 8 Ziffern");
}

#[test]
fn invalid_dates() {
    let text = VALID.replace("date = 2026-11-25", "date = 2026-02-30");
    assert_error(&text, 8, 8, "invalid-date", "ungültiges Datum");
    let text = VALID.replace("date = 2026-11-25", "date = \"2026-11-25\"");
    assert_error(&text, 8, 8, "invalid-date", "ohne Anführungszeichen");
    let text = VALID.replace("date = 2026-11-25", "date = \"25.11.2026\"");
    assert_error(&text, 8, 8, "invalid-date", "JJJJ-MM-TT");
    let text = VALID.replace("date = 2026-11-25", "date = 2026-11-25T10:00:00");
    assert_error(&text, 8, 8, "invalid-date", "muss ein Datum sein");
}

#[test]
fn kommune_name_is_required_and_not_empty() {
    let text = VALID.replace("name = \"Musterhausen\"", "name = \"\"");
    assert_error(&text, 6, 8, "empty-value", "„name“ darf nicht leer sein");
    let text = VALID.replace("name = \"Musterhausen\"\n", "");
    assert_error(
        &text,
        5,
        1,
        "missing-key",
        "Pflichtangabe „name“ fehlt in [kommune]",
    );
}

#[test]
fn newer_schema_is_refused_alone() {
    let text = VALID.replace("schema = 1", "schema = 2\nunknown_future_key = 1");
    assert_error(&text, 1, 10, "schema-too-new", "neueren kin-Version");
    let text = VALID.replace("schema = 1", "schema = 0");
    assert_error(&text, 1, 10, "schema-invalid", "Formatversion");
}

#[test]
fn other_field_is_refused() {
    let text = VALID.replace(
        "field = \"interkommunale-zusammenarbeit\"",
        "field = \"mobilitaet\"",
    );
    assert_error(&text, 2, 9, "wrong-field", "Handlungsfeld „mobilitaet“");
}

#[test]
fn merge_conflict_markers_say_it_is_an_unresolved_merge() {
    let text = VALID.replace(
        "status = \"done\"\n",
        "<<<<<<< HEAD\nstatus = \"done\"\n=======\nstatus = \"planned\"\n>>>>>>> feature\n",
    );
    let loaded = load_str(&text, Field::embedded());
    assert_eq!(loaded.findings.len(), 3);
    assert!(loaded.findings.iter().all(|f| f.code == "merge-conflict"));
    assert_eq!(loaded.findings[0].position.map(|p| p.line), Some(14));
    assert!(loaded.findings[0].message.contains("Merge-Konflikt"));
}

#[test]
fn empty_file() {
    assert_error("", 1, 1, "empty-file", "leer");
    assert_error("\n  \n", 1, 1, "empty-file", "leer");
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let mut bytes = VALID.as_bytes().to_vec();
    let at = VALID.find("Musterhausen").unwrap();
    bytes[at + 1] = 0xFC; // Latin-1 "ü"
    let loaded = load(&bytes, Field::embedded());
    assert_eq!(loaded.findings.len(), 1);
    let f = &loaded.findings[0];
    assert_eq!(f.code, "not-utf8");
    assert_eq!(f.position.map(|p| (p.line, p.column)), Some((6, 10)));
}

#[test]
fn missing_required_top_level_keys() {
    let text = VALID.replace("field_version = \"1.0\"\n", "");
    assert_error(&text, 1, 1, "missing-key", "„field_version“");
    let text = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n";
    assert_error(text, 1, 1, "missing-key", "„kommune“");
}

#[test]
fn warnings_old_field_version_and_not_applicable_without_note() {
    let text = VALID.replace("field_version = \"1.0\"", "field_version = \"0.9\"");
    let (line, _, severity, code, _) = only_finding(&text);
    assert_eq!(
        (line, severity, code),
        (3, Severity::Warning, "field-version-old")
    );
    assert!(load_str(&text, Field::embedded()).assessment.is_some());

    let text = VALID.replace(
        "status = \"done\"\nnote = \"Gewerbegebiet Am Kreuz\"",
        "status = \"not-applicable\"",
    );
    let (line, _, severity, code, message) = only_finding(&text);
    assert_eq!(
        (line, severity, code),
        (13, Severity::Warning, "not-applicable-without-note")
    );
    assert!(message.contains("wirtschaft-foerderung"));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(VALID.replace('\n', "\r\n").as_bytes());
    let loaded = load(&bytes, Field::embedded());
    assert_eq!(loaded.findings, vec![]);
    assert_eq!(loaded.assessment.unwrap().kommune.name, "Musterhausen");
}

#[test]
fn several_problems_are_reported_in_one_pass_in_file_order() {
    let text = VALID
        .replace("\"08115999\"", "\"123\"")
        .replace("status = \"done\"", "status = \"fertig\"")
        .replace("category = \"infrastruktur\"", "category = \"x\"");
    let loaded = load_str(&text, Field::embedded());
    let lines: Vec<_> = loaded
        .findings
        .iter()
        .map(|f| f.position.unwrap().line)
        .collect();
    assert_eq!(lines, [7, 14, 19]);
}

#[test]
fn truncated_files_never_panic() {
    for end in 0..VALID.len() {
        if VALID.is_char_boundary(end) {
            let _ = load_str(&VALID[..end], Field::embedded());
        }
    }
}
