//! `kin init`: a complete template that passes `kin check`, never
//! overwriting without --force.

use crate::support::kin;
use kin::domain::field::Field;

#[test]
fn template_is_complete_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    kin()
        .current_dir(dir.path())
        .args([
            "init",
            "--kommune",
            "Musterhausen",
            "--ags",
            "08115999",
            "--assessor",
            "A. Beispiel",
            "--date",
            "2026-11-25",
        ])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "Vorlage geschrieben: assessment.kin.toml",
        ));
    let path = dir.path().join("assessment.kin.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let field = Field::embedded();
    for question in &field.questions {
        assert!(text.contains(&format!("{} = \"\"", question.id)), "{text}");
        assert!(text.contains(&question.text));
    }
    for (_, suggestion) in field.suggestions() {
        assert!(text.contains(&format!(
            "[suggestions.{}]\nstatus = \"unknown\"",
            suggestion.id
        )));
    }
    assert!(
        text.contains("not-applicable   nicht relevant"),
        "comments explain the values"
    );
    assert!(text.contains(
        "name = \"Musterhausen\"\nags = \"08115999\"\nassessor = \"A. Beispiel\"\ndate = 2026-11-25"
    ));
    kin().arg("check").arg(&path).assert().code(0);
}

#[test]
fn template_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.kin.toml", "b.kin.toml"] {
        kin()
            .current_dir(dir.path())
            .args(["init", name, "--date", "2026-01-02"])
            .assert()
            .code(0);
    }
    let a = std::fs::read(dir.path().join("a.kin.toml")).unwrap();
    let b = std::fs::read(dir.path().join("b.kin.toml")).unwrap();
    assert_eq!(a, b);
}

#[test]
fn refuses_to_overwrite_and_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("assessment.kin.toml");
    let precious = b"# Wochen an Arbeit\r\nschema = 1\n\xFF";
    std::fs::write(&path, precious).unwrap();
    kin()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "gibt es schon und bleibt unverändert; zum Überschreiben --force angeben",
        ));
    assert_eq!(std::fs::read(&path).unwrap(), precious);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );

    kin()
        .current_dir(dir.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    kin()
        .current_dir(dir.path())
        .args(["check", "assessment.kin.toml"])
        .assert()
        .code(0);
}

#[test]
fn bad_arguments_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    kin()
        .current_dir(dir.path())
        .args(["init", "--ags", "123"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("genau 8 Ziffern"));
    kin()
        .current_dir(dir.path())
        .args(["init", "--kommune", " "])
        .assert()
        .code(2);
    kin()
        .current_dir(dir.path())
        .args(["init", "--date", "2026-02-30"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn missing_folder_is_an_io_error_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    kin()
        .arg("init")
        .arg(dir.path().join("fehlt/assessment.kin.toml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("kann nicht geschrieben werden"));
}

#[test]
fn date_may_be_written_the_german_way_and_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    kin()
        .current_dir(dir.path())
        .args(["init", "a.kin.toml", "--date", "1.2.2026"])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("a.kin.toml")).unwrap();
    assert!(text.contains("date = 2026-02-01"), "{text}");
    for bad in ["-000001-01-01", "2026-13-01", "morgen"] {
        kin()
            .current_dir(dir.path())
            .args(["init", "b.kin.toml", &format!("--date={bad}")])
            .assert()
            .code(2);
    }
    assert!(!dir.path().join("b.kin.toml").exists());
}
