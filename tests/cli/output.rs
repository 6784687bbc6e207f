//! `--output FILE` of report, diff, field and check: the same bytes as
//! stdout, written atomically; never onto an assessment.

use crate::support::{ROOT, kin_in};
use std::path::{Path, PathBuf};

const MUSTERHAUSEN: &str = "tests/fixtures/report/musterhausen.kin.toml";
const BEISPIELHEIM: &str = "tests/fixtures/report/beispielheim.kin.toml";
const INVALID: &str = "tests/fixtures/report/invalid.kin.toml";
const DIFF_OLD: &str = "tests/fixtures/diff/musterhausen-2025.kin.toml";
const DIFF_NEW: &str = "tests/fixtures/diff/musterhausen-2026.kin.toml";
const CHECK_BAD: &str = "tests/fixtures/check/bad.kin.toml";

fn run(args: &[&str]) -> std::process::Output {
    kin_in(ROOT)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

fn with_output(args: &[&str], file: &Path) -> Vec<String> {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    all.push("--output".into());
    all.push(file.display().to_string());
    all
}

fn run_with_output(args: &[&str], file: &Path) -> std::process::Output {
    let all = with_output(args, file);
    run(&all.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Every command and format: the file holds exactly what stdout would
/// have held, stdout stays empty, the exit code is the same.
#[test]
fn the_file_holds_what_stdout_would_have_held() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["report", MUSTERHAUSEN],
        vec!["report", "--format", "markdown", MUSTERHAUSEN, BEISPIELHEIM],
        vec!["report", "--format", "json", MUSTERHAUSEN, BEISPIELHEIM],
        vec!["report", "--format", "csv", MUSTERHAUSEN, BEISPIELHEIM],
        vec!["diff", DIFF_OLD, DIFF_NEW],
        vec!["diff", "--format", "json", DIFF_OLD, DIFF_NEW],
        vec!["field", "--format", "toml"],
        vec!["field"],
        vec!["check", MUSTERHAUSEN, CHECK_BAD],
        vec!["check", "--format", "json", MUSTERHAUSEN, CHECK_BAD],
        vec!["check", "--format", "github", CHECK_BAD],
    ];
    for (index, args) in cases.iter().enumerate() {
        let file = dir.path().join(format!("ausgabe-{index}.txt"));
        let to_stdout = run(args);
        let to_file = run_with_output(args, &file);
        assert_eq!(to_file.status.code(), to_stdout.status.code(), "{args:?}");
        assert!(to_file.stdout.is_empty(), "{args:?}");
        assert_eq!(to_file.stderr, to_stdout.stderr, "{args:?}");
        assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout, "{args:?}");
    }
    let csv = std::fs::read(dir.path().join("ausgabe-3.txt")).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBFKommune;AGS;"),
        "CSV keeps its BOM"
    );
}

#[test]
fn an_existing_report_is_replaced_and_no_temporary_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kreis.md");
    std::fs::write(
        &file,
        "alter Bericht, viel länger als der neue ".repeat(10_000),
    )
    .unwrap();
    let out = run_with_output(&["report", "--format", "markdown", MUSTERHAUSEN], &file);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Interkommunale Zusammenarbeit: Musterhausen"));
    assert!(!text.contains("alter Bericht"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// Weeks of work are never replaced by a report: a `*.kin.toml` in any
/// spelling, or any file that is an assessment, whatever its name.
#[test]
fn assessments_are_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read(Path::new(ROOT).join(MUSTERHAUSEN)).unwrap();
    let targets: Vec<PathBuf> = [
        "talbach.kin.toml",
        "TALBACH.KIN.TOML",
        "bewertung.toml",
        "kopie",
    ]
    .iter()
    .map(|name| dir.path().join(name))
    .collect();
    for target in &targets {
        std::fs::write(target, &original).unwrap();
        for args in [
            vec!["report", "--format", "json", MUSTERHAUSEN],
            vec!["check", MUSTERHAUSEN],
            vec!["diff", DIFF_OLD, DIFF_NEW],
            vec!["field", "--format", "toml"],
        ] {
            let out = run_with_output(&args, target);
            assert_eq!(out.status.code(), Some(2), "{args:?} {target:?}");
            assert!(out.stdout.is_empty());
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(stderr.starts_with("Fehler: „"), "{stderr}");
            assert!(
                stderr.contains("endet auf .kin.toml")
                    || stderr.contains("ist eine Bewertungsdatei"),
                "{stderr}"
            );
            assert_eq!(std::fs::read(target).unwrap(), original, "{target:?}");
        }
    }
    // A new file named *.kin.toml is refused too, and not created.
    let new = dir.path().join("neu.kin.toml");
    let out = run_with_output(&["report", MUSTERHAUSEN], &new);
    assert_eq!(out.status.code(), Some(2));
    assert!(!new.exists());
}

/// An invalid input file gives no report, and an earlier report stays.
#[test]
fn invalid_input_leaves_the_earlier_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kreis.csv");
    std::fs::write(&file, "früherer Bericht").unwrap();
    let out = run_with_output(&["report", "--format", "csv", MUSTERHAUSEN, INVALID], &file);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "früherer Bericht");
}

#[test]
fn a_missing_folder_or_a_folder_as_target_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("fehlt").join("kreis.md");
    let out = run_with_output(&["report", MUSTERHAUSEN], &missing);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("kann nicht geschrieben werden"), "{stderr}");
    assert!(stderr.contains("es wurde nichts geändert"), "{stderr}");

    let out = run_with_output(&["field"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("ist ein Ordner"), "{stderr}");
}

#[test]
fn output_and_git_mode_do_not_mix() {
    let out = run(&[
        "diff", "--output", "x.md", "--git", "a", "b", "c", "d", "e", "f", "g",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
