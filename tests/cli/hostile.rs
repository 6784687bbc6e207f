//! Hostile input: files in tests/hostile/ (and some too big to commit,
//! generated here) with the findings each must produce. For every one, kin
//! must not panic or hang, must print no raw control character (a terminal
//! escape in a file must not reach the screen), and must leave the file as
//! it was.

use crate::support::kin;
use kin::domain::field::Field;
use kin::format::read::{LoadScope, load, load_findings, load_with};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Each file and its findings as `LINE:COL code`, in the order kin reports them.
const CORPUS: &[(&str, &[&str])] = &[
    // Truncated files: a syntax error where the file ends, never a panic.
    ("truncated-in-string.kin.toml", &["18:69 syntax"]),
    ("truncated-in-header.kin.toml", &["51:26 syntax"]),
    ("truncated-in-date.kin.toml", &["21:7 invalid-date"]),
    ("truncated-in-own.kin.toml", &["63:4 syntax"]),
    ("truncated-after-key.kin.toml", &["9:9 syntax"]),
    ("truncated-in-umlaut.kin.toml", &["9:58 not-utf8"]),
    // NUL bytes, raw terminal escapes: named as invisible control characters.
    ("nul-in-string.kin.toml", &["9:27 control-character"]),
    ("nul-in-comment.kin.toml", &["8:17 control-character"]),
    ("nul-only.kin.toml", &["1:1 control-character"]),
    ("raw-escape-in-string.kin.toml", &["9:24 control-character"]),
    ("raw-escape-in-comment.kin.toml", &["8:3 control-character"]),
    ("raw-escape-in-key.kin.toml", &["8:1 control-character"]),
    ("binary.kin.toml", &["1:1 not-utf8"]),
    // Byte order marks and CRLF line ends are fine; positions still count lines.
    ("bom.kin.toml", &[]),
    ("bom-twice.kin.toml", &[]),
    ("crlf.kin.toml", &[]),
    ("bom-crlf.kin.toml", &[]),
    ("crlf-unknown-status.kin.toml", &["10:10 unknown-status"]),
    ("lone-cr.kin.toml", &["9:27 syntax"]),
    (
        "merge-conflict-crlf.kin.toml",
        &[
            "8:1 merge-conflict",
            "10:1 merge-conflict",
            "12:1 merge-conflict",
        ],
    ),
    // Escaped control characters in every text field are valid text ...
    ("escapes-in-every-text.kin.toml", &[]),
    // ... and are shown escaped when a finding quotes them.
    (
        "escapes-in-findings.kin.toml",
        &[
            "3:17 field-version-unknown",
            "4:1 unknown-key",
            "8:7 invalid-ags",
            "10:1 unknown-key",
            "13:1 unknown-id",
            "15:14 unknown-id",
            "19:10 unknown-status",
            "20:7 invalid-date",
            "23:6 invalid-id",
            "24:12 unknown-category",
        ],
    ),
    // Nesting far beyond any assessment: refused, no stack overflow.
    ("deep-arrays.kin.toml", &["9:103 too-deep"]),
    ("deep-inline-tables.kin.toml", &["8:405 too-deep"]),
    ("deep-dotted-keys.kin.toml", &["1:1 too-deep"]),
    ("deep-table-header.kin.toml", &["1:1 too-deep"]),
    // Legal TOML in the wrong shape.
    ("duplicate-key.kin.toml", &["8:1 syntax"]),
    ("schema-overflow.kin.toml", &["2:10 schema-invalid"]),
    ("schema-negative.kin.toml", &["2:10 schema-invalid"]),
    ("own-not-a-table-list.kin.toml", &["4:7 wrong-type"]),
    ("inline-own.kin.toml", &["4:88 wrong-type"]),
    ("suggestions-array.kin.toml", &["4:15 wrong-type"]),
    ("date-with-time.kin.toml", &["10:8 invalid-date"]),
    ("impossible-date.kin.toml", &["21:7 invalid-date"]),
    ("empty.kin.toml", &["1:1 empty-file"]),
    ("whitespace-only.kin.toml", &["1:1 empty-file"]),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The findings of `bytes` as `LINE:COL code` (in-process).
fn findings(bytes: &[u8]) -> Vec<String> {
    load(bytes, Field::embedded())
        .findings
        .iter()
        .map(|f| match f.position {
            Some(p) => format!("{}:{} {}", p.line, p.column, f.code),
            None => f.code.to_owned(),
        })
        .collect()
}

/// Runs `kin check` on a file and asserts what holds for any input: it ends
/// (no hang), exits 0 or 1 as the findings say, prints nothing raw to a
/// terminal, and leaves the file unchanged.
fn check_as_process(path: &Path, has_errors: bool) -> String {
    let before = std::fs::read(path).unwrap();
    let out = kin()
        .arg("check")
        .arg(path)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).expect("output is UTF-8");
    assert_eq!(
        out.status.code(),
        Some(if has_errors { 1 } else { 0 }),
        "{}: {stdout}",
        path.display()
    );
    assert!(
        out.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !stdout
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "raw control character in output: {stdout:?}"
    );
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
    stdout
}

#[test]
fn every_corpus_file_gives_its_findings() {
    let mut listed: Vec<&str> = CORPUS.iter().map(|(name, _)| *name).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort_unstable();
    assert_eq!(listed, present, "CORPUS lists every file in tests/hostile/");

    for (name, expected) in CORPUS {
        let path = corpus_dir().join(name);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(findings(&bytes), *expected, "{name}");
        // kin check without gates takes the lighter path: same findings.
        let field = Field::embedded();
        let full = load(&bytes, field);
        assert_eq!(load_findings(&bytes, field).findings, full.findings);
        // kin report keeps the assessment but not the places: same findings.
        let report = load_with(&bytes, field, LoadScope::Assessment);
        assert_eq!(report.findings, full.findings);
        assert_eq!(report.assessment, full.assessment);
        assert!(report.places.is_empty());
        let stdout = check_as_process(&path, !expected.is_empty());
        assert_eq!(stdout.lines().count(), expected.len() + 1, "{stdout}");
    }
}

#[test]
fn terminal_escapes_are_shown_escaped() {
    let path = corpus_dir().join("escapes-in-findings.kin.toml");
    let stdout = check_as_process(&path, true);
    assert!(
        stdout.contains(r"„\u{1b}[2J\u{1b}]0;owned\u{7}“"),
        "{stdout}"
    );
}

/// Writes generated hostile input to a temporary file.
fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const HEAD: &str = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\n\
    [kommune]\nname = \"Talbach\"\ndate = 2026-06-02\n\n";

#[test]
fn a_seven_megabyte_note_is_read_and_positions_after_it_are_right() {
    let dir = tempfile::tempdir().unwrap();
    let note = "Bauhof und Kläranlage gemeinsam. ".repeat(7 * 1024 * 1024 / 34 + 1);
    assert!(note.len() >= 7 * 1024 * 1024);
    let valid = format!(
        "{HEAD}[suggestions.bildung-zusammenarbeit]\nstatus = \"done\"\nnote = \"{note}\"\n"
    );
    assert_eq!(findings(valid.as_bytes()), Vec::<String>::new());
    check_as_process(&temp_file(&dir, "gross.kin.toml", valid.as_bytes()), false);

    // A finding on the line after the note ...
    let after = format!(
        "{HEAD}[suggestions.bildung-zusammenarbeit]\nnote = \"{note}\"\nstatus = \"fertig\"\n"
    );
    assert_eq!(findings(after.as_bytes()), ["11:10 unknown-status"]);
    // ... and one on the same line, its column counted in characters.
    let same_line = format!("{HEAD}[suggestions.bildung-zusammenarbeit]\nnote = \"{note}\"  x\n");
    let column = "note = \"".len() + note.chars().count() + "\"  x".len();
    assert_eq!(
        findings(same_line.as_bytes()),
        [format!("10:{column} syntax")]
    );
    check_as_process(
        &temp_file(&dir, "gross-falsch.kin.toml", same_line.as_bytes()),
        true,
    );
    // Above 8 MiB kin refuses to parse (the parser would need up to 27 times
    // the size for some files): a finding, not a crash.
    let huge = format!("{HEAD}# {}\n", "x".repeat(8 * 1024 * 1024));
    let stdout = check_as_process(&temp_file(&dir, "riesig.kin.toml", huge.as_bytes()), true);
    assert!(
        stdout.contains("error: die Datei ist größer als 8 MiB"),
        "{stdout}"
    );
}

#[test]
fn a_ten_megabyte_comment_line_is_fine() {
    let text = format!("{HEAD}# {}\n", "ü".repeat(5 * 1024 * 1024));
    assert_eq!(findings(text.as_bytes()), Vec::<String>::new());
}

fn own_measures(count: usize, id: impl Fn(usize) -> String) -> String {
    let mut text = HEAD.to_owned();
    for i in 0..count {
        text.push_str(&format!(
            "[[own]]\nid = \"{}\"\ncategory = \"konzepte\"\ntitle = \"Maßnahme {i}\"\nstatus = \"planned\"\n\n",
            id(i)
        ));
    }
    text
}

#[test]
fn thousands_of_own_measures() {
    let dir = tempfile::tempdir().unwrap();
    let many = own_measures(5000, |i| format!("massnahme-{i}"));
    let loaded = load(many.as_bytes(), Field::embedded());
    assert_eq!(loaded.findings, vec![]);
    assert_eq!(loaded.assessment.unwrap().own.len(), 5000);
    check_as_process(&temp_file(&dir, "viele.kin.toml", many.as_bytes()), false);

    // The same id 5000 times: every repeat is reported, at its own line.
    let same = own_measures(5000, |_| "bauhof".to_owned());
    let found = findings(same.as_bytes());
    assert_eq!(found.len(), 4999);
    assert_eq!(found[0], "16:6 duplicate-id");
    assert_eq!(found[4998], format!("{}:6 duplicate-id", 9 + 4999 * 6 + 1));
    let stdout = check_as_process(&temp_file(&dir, "gleich.kin.toml", same.as_bytes()), true);
    assert_eq!(stdout.lines().count(), 5000);

    // Thousands of inline tables on one line: positions stay cheap to find.
    let inline: Vec<String> = (0..5000)
        .map(|i| {
            format!("{{id = \"m-{i}\", category = \"konzepte\", title = \"T\", status = \"x\"}}")
        })
        .collect();
    let one_line = format!(
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\nown = [{}]\n\
         [kommune]\nname = \"Talbach\"\ndate = 2026-06-02\n",
        inline.join(", ")
    );
    let found = findings(one_line.as_bytes());
    assert_eq!(found.len(), 5000);
    assert_eq!(found[0], "4:66 unknown-status");
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    for value in [
        format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        format!("{}1{}", "{a = ".repeat(depth), "}".repeat(depth)),
    ] {
        let text = format!("{HEAD}x = {value}\n");
        let found = findings(text.as_bytes());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("too-deep"), "{found:?}");
    }
    let dotted = format!("{HEAD}{} = 1\n", vec!["a"; depth].join("."));
    assert_eq!(findings(dotted.as_bytes()), ["1:1 too-deep"]);
    let header = format!("{HEAD}[{}]\n", vec!["k"; depth].join("."));
    assert_eq!(findings(header.as_bytes()), ["1:1 too-deep"]);
}

#[test]
fn a_huge_key_in_a_finding_stays_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let key = "k\\n\\u001b".repeat(100_000);
    let text = format!(
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\"{key}\" = 1\n[kommune]\nname = \"T\"\ndate = 2026-06-02\n"
    );
    let stdout = check_as_process(
        &temp_file(&dir, "schluessel.kin.toml", text.as_bytes()),
        true,
    );
    assert_eq!(stdout.lines().count(), 2);
}
