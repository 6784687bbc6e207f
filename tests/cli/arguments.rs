//! Folders and patterns as arguments of `kin check` and `kin report`: kin
//! expands them itself (Windows shells do not), sorted, and a pattern that
//! matches nothing is an error naming it.

use crate::support::{kin_in, stderr, stdout};

const VALID: &str = include_str!("../fixtures/check/valid.kin.toml");

/// `kommunen/` with two valid files, one with an unknown status in a
/// subfolder, a lock file and a note.
fn kommunen() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bad = VALID.replacen("status = \"done\"", "status = \"fertig\"", 1);
    for (name, text) in [
        ("kommunen/talbach.kin.toml", VALID),
        ("kommunen/bergheim.kin.toml", VALID),
        ("kommunen/alb/zell.kin.toml", bad.as_str()),
        ("kommunen/.talbach.kin.toml.lock", "pid = 1"),
        ("kommunen/notiz.txt", "nicht prüfen"),
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn check_of_a_folder_checks_every_assessment_below_it() {
    let dir = kommunen();
    let out = kin_in(dir.path())
        .args(["check", "kommunen"])
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(text.contains("zell.kin.toml:"), "{text}");
    assert!(text.contains("„fertig“"), "{text}");
    assert!(
        text.ends_with("3 Dateien geprüft: 1 Fehler, 0 Warnungen\n"),
        "{text}"
    );
}

#[test]
fn a_quoted_pattern_is_expanded_by_kin_in_sorted_order() {
    let dir = kommunen();
    let out = kin_in(dir.path())
        .args(["check", "--format", "json", "kommunen/*.kin.toml"])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(
        files,
        ["kommunen/bergheim.kin.toml", "kommunen/talbach.kin.toml"]
    );
}

#[test]
fn two_stars_reach_into_subfolders() {
    let dir = kommunen();
    kin_in(dir.path())
        .args(["check", "kommunen/**/zell.kin.toml"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("1 Datei geprüft: 1 Fehler"));
}

#[test]
fn a_pattern_matching_nothing_is_an_error_naming_it() {
    let dir = kommunen();
    for command in ["check", "report"] {
        let out = kin_in(dir.path())
            .args([command, "kommunen/*.kin.tml"])
            .assert()
            .code(2);
        assert_eq!(
            stderr(&out),
            "Fehler: keine Datei passt zum Muster „kommunen/*.kin.tml“\n"
        );
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn a_folder_without_assessments_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("leer")).unwrap();
    kin_in(dir.path())
        .args(["check", "leer"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "im Ordner „leer“ und seinen Unterordnern liegt keine Bewertungsdatei",
        ));
}

#[test]
fn a_missing_plain_file_is_still_a_finding() {
    let dir = kommunen();
    kin_in(dir.path())
        .args(["check", "fehlt.kin.toml"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("fehlt.kin.toml"));
}

#[test]
fn report_of_a_folder_compares_its_kommunen() {
    let dir = kommunen();
    std::fs::remove_dir_all(dir.path().join("kommunen/alb")).unwrap();
    let out = kin_in(dir.path())
        .args(["report", "--format", "json", "kommunen"])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Paths as the platform writes them: `kommunen\bergheim.kin.toml` on Windows.
    let files: Vec<String> = json["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(
        files,
        ["kommunen/bergheim.kin.toml", "kommunen/talbach.kin.toml"],
        "sorted"
    );
}

#[test]
fn a_broken_pattern_is_explained_and_control_characters_are_escaped() {
    let dir = kommunen();
    let out = kin_in(dir.path())
        .args(["check", "kommunen/[ab.kin.toml"])
        .assert()
        .code(2);
    let text = stderr(&out);
    assert!(
        text.starts_with("Fehler: ungültiges Muster „kommunen/[ab.kin.toml“ (Zeichen 10)"),
        "{text}"
    );
    let out = kin_in(dir.path())
        .args(["report", "\u{1b}]0;pwned\u{7}*.kin.toml"])
        .assert()
        .code(2);
    let text = stderr(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}]0;pwned\\u{7}*.kin.toml"), "{text}");
}

/// What a person types in PowerShell or cmd.exe: backslashes, any case.
#[cfg(windows)]
#[test]
fn windows_patterns_take_backslashes_and_ignore_case() {
    let dir = kommunen();
    for pattern in [
        r"kommunen\*.kin.toml",
        r"KOMMUNEN\*.KIN.TOML",
        r"kommunen\**\z*.kin.toml",
    ] {
        let out = kin_in(dir.path())
            .args(["check", "--format", "json", pattern])
            .assert();
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert!(!json["files"].as_array().unwrap().is_empty(), "{pattern}");
    }
    kin_in(dir.path())
        .args(["check", r"kommunen\"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("3 Dateien geprüft"));
}
