//! `kin diff` as a program: formats (snapshots), exit codes, bad input.

use crate::support::{kin, kin_in, stderr, stdout};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/diff");
const OLD: &str = "musterhausen-2025.kin.toml";
const NEW: &str = "musterhausen-2026.kin.toml";
const PEER: &str = "beispielstadt-2026.kin.toml";
const OLDER_FIELD: &str = "musterhausen-2024-field-0.9.kin.toml";

/// `kin` run in the fixture folder, so file names in the output are short.
fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    kin_in(FIXTURES).args(args).assert()
}

#[test]
fn text_groups_improvements_regressions_and_other_changes() {
    let out = run(&["diff", OLD, NEW]).code(0);
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!("text", stdout(&out));
}

#[test]
fn markdown_form() {
    let out = run(&["diff", "--format", "markdown", OLD, NEW]).code(0);
    insta::assert_snapshot!("markdown", stdout(&out));
}

#[test]
fn json_form() {
    let out = run(&["diff", "--format=json", OLD, NEW]).code(0);
    let text = stdout(&out);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["summary"]["regressions"], 1);
    assert_eq!(json["summary"]["improvements"], 3);
    insta::assert_snapshot!("json", text);
}

#[test]
fn every_change_kind_appears_in_json() {
    let out = run(&["diff", "--format", "json", OLD, NEW]).code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let kinds: std::collections::BTreeSet<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    let expected = [
        "answer",
        "category",
        "due",
        "evidence",
        "kommune",
        "note",
        "own-added",
        "own-removed",
        "partners",
        "responsible",
        "status",
        "title",
    ];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), expected);
    for change in json["changes"].as_array().unwrap() {
        let is_status = change["kind"] == "status";
        assert_eq!(change.get("regression").is_some(), is_status, "{change}");
    }
}

#[test]
fn identical_files_have_no_changes_even_with_exit_code() {
    let out = run(&["diff", "--exit-code", "--fail-on-regression", NEW, NEW]).code(0);
    insta::assert_snapshot!("identical", stdout(&out));
    let out = run(&["diff", "--exit-code", "--format", "json", NEW, NEW]).code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["changes"], serde_json::json!([]));
    assert_eq!(json["summary"]["changes"], 0);
}

#[test]
fn exit_codes_follow_git() {
    // Differences alone never fail without a flag.
    run(&["diff", OLD, NEW]).code(0);
    run(&["diff", "--exit-code", OLD, NEW]).code(1);
    // 2025 → 2026 has a regression (bildung-zusammenarbeit: done → in-progress).
    run(&["diff", "--fail-on-regression", OLD, NEW]).code(1);
    // Two Kommunen with equal statuses: different, but nothing went backwards.
    run(&["diff", "--fail-on-regression", NEW, PEER]).code(0);
    run(&["diff", "--exit-code", NEW, PEER]).code(1);
}

#[test]
fn invalid_input_exits_2_with_the_findings_kin_check_prints() {
    let out = run(&["diff", "invalid.kin.toml", "missing.kin.toml"]).code(2);
    assert_eq!(stdout(&out), "", "no partial output");
    let check = run(&["check", "invalid.kin.toml", "missing.kin.toml"]).code(1);
    let check_errors: Vec<String> = stdout(&check)
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(str::to_owned)
        .collect();
    assert_eq!(check_errors.len(), 2);
    let err = stderr(&out);
    for line in &check_errors {
        assert!(err.contains(line.as_str()), "{line} missing in:\n{err}");
    }
    assert!(err.ends_with("`kin check` zeigt alle Befunde\n"), "{err}");
}

#[test]
fn missing_arguments_are_a_usage_error() {
    let out = run(&["diff", OLD]).code(2);
    assert!(stderr(&out).contains("<NEU>"));
    run(&["diff", OLD, NEW, "--git", "x"]).code(2);
}

#[test]
fn two_different_kommunen_are_named_in_the_header() {
    let out = run(&["diff", NEW, PEER]).code(0);
    let text = stdout(&out);
    assert!(
        text.lines().nth(1).unwrap().starts_with(
            "Vergleich zweier verschiedener Kommunen: Musterhausen (AGS 08115999) → Beispielstadt (AGS 08115998)"
        ),
        "{text}"
    );
    let out = run(&["diff", "--format", "json", NEW, PEER]).code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["same_kommune"], false);
    assert_eq!(json["new"]["kommune"]["name"], "Beispielstadt");
}

#[test]
fn different_field_versions_work_and_warn() {
    let out = run(&["diff", OLDER_FIELD, OLD]).code(0);
    let text = stdout(&out);
    assert!(
        text.contains("Achtung: die Dateien beruhen auf verschiedenen Versionen des Handlungsfelds (0.9 → 1.0)"),
        "{text}"
    );
    assert!(text.contains("Keine Unterschiede."), "{text}");

    let out = run(&["diff", "--format", "json", OLDER_FIELD, OLD]).code(0);
    let err = stderr(&out);
    assert!(
        err.contains("\nwarning: die Dateien beruhen auf verschiedenen Versionen"),
        "{err}"
    );
    // The file's own warning, as `kin check` prints it, comes first.
    assert!(err.contains(": warning: erstellt mit Version 0.9"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["same_field_version"], false);
    assert_eq!(json["old"]["field_version"], "0.9");
}

#[test]
fn text_from_files_reaches_the_terminal_without_control_characters() {
    let mixed = "control-characters.kin.toml";
    let text = stdout(&run(&["diff", NEW, mixed]).code(0));
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(
        text.contains(r#"„Bauhof\u{1b}[2J *fertig* <b>bald</b> ⏎ zweite Zeile“"#),
        "{text}"
    );
    // Markdown also escapes its own special characters, the visible escape's backslash included.
    let markdown = stdout(&run(&["diff", "--format", "markdown", NEW, mixed]).code(0));
    assert!(!markdown.contains('\u{1b}'), "{markdown}");
    assert!(
        markdown.contains(r#"„Bauhof\\u{1b}\[2J \*fertig\* \<b\>bald\</b\> ⏎ zweite Zeile“"#),
        "{markdown}"
    );
    // JSON keeps the text as it is; JSON's own escaping makes it harmless.
    let json = stdout(&run(&["diff", "--format", "json", NEW, mixed]).code(0));
    assert!(json.contains(r#""Bauhof\u001b[2J *fertig* <b>bald</b>\nzweite Zeile""#));
}

#[test]
fn output_is_deterministic() {
    let first = stdout(&run(&["diff", "--format", "json", OLD, NEW]));
    let second = stdout(&run(&["diff", "--format", "json", OLD, NEW]));
    assert_eq!(first, second);
    assert!(Path::new(FIXTURES).join(OLD).exists());
}

/// With git's autocrlf the working copy has CRLF line ends and the committed
/// version LF: the same content must compare equal, multi-line answers too.
#[test]
fn lf_and_crlf_copies_of_one_file_do_not_differ() {
    let dir = tempfile::tempdir().unwrap();
    let lf = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/oberhaslach.kin.toml"),
    )
    .unwrap();
    assert!(
        lf.contains("\"\"\"\n"),
        "the example has multi-line answers"
    );
    let crlf_path = dir.path().join("crlf.kin.toml");
    let lf_path = dir.path().join("lf.kin.toml");
    std::fs::write(&lf_path, &lf).unwrap();
    std::fs::write(&crlf_path, lf.replace('\n', "\r\n")).unwrap();
    let out = kin()
        .arg("diff")
        .arg("--exit-code")
        .arg(&lf_path)
        .arg(&crlf_path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
