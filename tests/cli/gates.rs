//! The policy gates of `kin check` and the GitHub annotation format.

use crate::support::{EXAMPLES, kin, kin_in};
use assert_cmd::Command;

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn require_complete_passes_and_fails() {
    // talbach.kin.toml has every item assessed and both questions answered.
    kin_in(EXAMPLES)
        .args(["check", "--require-complete", "talbach.kin.toml"])
        .assert()
        .code(0);
    let out = stdout(
        kin_in(EXAMPLES).args(["check", "--require-complete", "oberhaslach.kin.toml"]),
        1,
    );
    assert!(out.starts_with("oberhaslach.kin.toml:62:1: error: Vorgabe --require-complete nicht erfüllt: 1 Punkt unbewertet (international-eine-welt)\n"), "{out}");
}

#[test]
fn min_done_passes_and_fails_with_the_figure() {
    // talbach: 4 of 10 items done, none not-applicable = 40 %.
    kin_in(EXAMPLES)
        .args(["check", "--min-done", "40", "talbach.kin.toml"])
        .assert()
        .code(0);
    let out = stdout(
        kin_in(EXAMPLES).args(["check", "--min-done", "41%", "talbach.kin.toml"]),
        1,
    );
    assert!(
        out.contains(
            "talbach.kin.toml: error: Vorgabe --min-done nicht erfüllt: Umsetzungsgrad 40 % < 41 %"
        ),
        "{out}"
    );
    kin_in(EXAMPLES)
        .args(["check", "--min-done", "150", "talbach.kin.toml"])
        .assert()
        .code(2);
}

#[test]
fn max_age_passes_and_fails_with_the_figure() {
    // talbach is dated 2026-06-02.
    kin_in(EXAMPLES)
        .args([
            "check",
            "--max-age",
            "730",
            "--today",
            "2028-06-01",
            "talbach.kin.toml",
        ])
        .assert()
        .code(0);
    let out = stdout(
        kin_in(EXAMPLES).args([
            "check",
            "--max-age",
            "730",
            "--today",
            "2028-06-02",
            "talbach.kin.toml",
        ]),
        1,
    );
    assert!(out.contains("talbach.kin.toml:10:8: error: Vorgabe --max-age nicht erfüllt: Bewertung vom „02.06.2026“ ist 731 Tage alt, erlaubt sind 730"), "{out}");
}

#[test]
fn gates_are_not_applied_to_invalid_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.kin.toml");
    std::fs::write(&path, "schema = 1\nfield = 3\n").unwrap();
    let out = stdout(
        kin_in(EXAMPLES)
            .args(["check", "--min-done", "50"])
            .arg(&path),
        1,
    );
    assert!(!out.contains("Vorgabe"), "{out}");
}

#[test]
fn github_format_escapes_and_exits_1() {
    let out = stdout(
        kin_in(EXAMPLES).args([
            "check",
            "--format",
            "github",
            "--min-done",
            "61",
            "talbach.kin.toml",
        ]),
        1,
    );
    assert_eq!(
        out,
        "::error file=talbach.kin.toml,title=kin check%3A gate-min-done::Vorgabe --min-done nicht erfüllt: Umsetzungsgrad 40 %25 < 61 %25\n\
         1 Datei geprüft: 1 Fehler, 0 Warnungen\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c.kin.toml");
    std::fs::write(&path, "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n[kommune]\nname = \"M\"\ndate = 2026-01-01\n[suggestions.bildung-zusammenarbeit]\nstatus = \"not-applicable\"\n").unwrap();
    let out = stdout(
        kin()
            .current_dir(dir.path())
            .args(["check", "--format", "github", "a,b:c.kin.toml"]),
        0,
    );
    assert!(out.starts_with("::warning file=a%2Cb%3Ac.kin.toml,line=7,col=1,title=kin check%3A not-applicable-without-note::"), "{out}");
}

#[test]
fn today_without_a_gate_that_uses_it_is_a_usage_error() {
    kin_in(EXAMPLES)
        .args(["check", "--today", "2026-01-01", "talbach.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--max-age und --fail-overdue"));
}

/// `--fail-overdue`: an item geplant or in Umsetzung whose Termin lies
/// before the day fails the check, with its place and Termin (#13 item 12).
#[test]
fn fail_overdue_passes_and_fails_with_the_items() {
    // talbach: in Umsetzung until 31.12.2026, geplant until 30.06.2027.
    kin_in(EXAMPLES)
        .args([
            "check",
            "--fail-overdue",
            "--today",
            "31.12.2026",
            "talbach.kin.toml",
        ])
        .assert()
        .code(0);
    let out = stdout(
        kin_in(EXAMPLES).args([
            "check",
            "--fail-overdue",
            "--today",
            "01.07.2027",
            "talbach.kin.toml",
        ]),
        1,
    );
    assert_eq!(
        out.matches("error: Vorgabe --fail-overdue nicht erfüllt")
            .count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("ist überfällig (in Umsetzung, Termin 31.12.2026, Stichtag 01.07.2027)"),
        "{out}"
    );
    assert!(out.starts_with("talbach.kin.toml:"), "{out}");
}

/// The placeholder name of `kin init` is a warning of its own: it fails
/// only with `--strict` (#13 item 8).
#[test]
fn the_placeholder_name_of_kin_init_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    kin()
        .current_dir(dir.path())
        .args(["init", "neu.kin.toml"])
        .assert()
        .code(0);
    let out = stdout(
        kin()
            .current_dir(dir.path())
            .args(["check", "neu.kin.toml"]),
        0,
    );
    assert!(
        out.contains("warning: der Name der Kommune ist noch der Platzhalter „Name der Kommune“"),
        "{out}"
    );
    let out = stdout(
        kin().current_dir(dir.path()).args([
            "check",
            "--strict",
            "--format",
            "json",
            "neu.kin.toml",
        ]),
        1,
    );
    assert!(out.contains("\"placeholder-kommune\""), "{out}");
}
