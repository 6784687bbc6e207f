//! `kin assess` without a terminal: it must refuse at once (exit 2) and
//! never wait for a keyboard. Sessions at a terminal are tested in
//! `assess_pty.rs`, the walk-through itself in `assess_flow.rs`.

use crate::support::{KIN, kin};
use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::process::Stdio;
use std::time::Duration;

fn kin_in(dir: &std::path::Path) -> Command {
    let mut cmd = kin();
    // A guard against hanging, not a timing assertion. Without CARGO (which
    // `cargo test` sets), hints name `kin` as for an installed program.
    cmd.current_dir(dir)
        .timeout(Duration::from_secs(60))
        .env_remove("CARGO");
    cmd
}

fn names(dir: &std::path::Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn without_a_terminal_it_refuses_and_points_to_init_and_set() {
    let dir = tempfile::tempdir().unwrap();
    for stdin in ["", "Musterhausen\n\n\n\n"] {
        kin_in(dir.path())
            .args(["assess", "neu.kin.toml"])
            .write_stdin(stdin)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("braucht ein Terminal"))
            .stderr(predicate::str::contains("kin init neu.kin.toml"))
            .stderr(predicate::str::contains("kin set neu.kin.toml"));
        assert!(names(dir.path()).is_empty(), "no file, no lock file");
    }
}

/// Hints show the command the person ran: through cargo, `cargo run --`;
/// paths are quoted where the shell needs it.
#[test]
#[cfg_attr(
    windows,
    ignore = "the wine run's kin.exe lies in target/<target>/debug, where `cargo run` \
              does not put it, so kin rightly does not suggest `cargo run`"
)]
fn hints_name_the_command_as_it_was_run() {
    let dir = tempfile::tempdir().unwrap();
    let quoted = if cfg!(windows) {
        "\"Meine Bewertung.kin.toml\""
    } else {
        "'Meine Bewertung.kin.toml'"
    };
    kin_in(dir.path())
        .args(["assess", "Meine Bewertung.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("`kin init {quoted}`")));
    kin_in(dir.path())
        .env("CARGO", "cargo")
        .args(["assess", "neu.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`cargo run -- init neu.kin.toml`"))
        .stderr(predicate::str::contains(
            "`cargo run -- set neu.kin.toml …`",
        ));
}

#[test]
fn with_stdin_closed_it_refuses_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/assess/musterhausen.kin.toml",
        dir.path().join("assessment.kin.toml"),
    )
    .unwrap();
    let before = fs::read(dir.path().join("assessment.kin.toml")).unwrap();
    let mut cmd = std::process::Command::new(KIN);
    cmd.current_dir(dir.path())
        .env_remove("CARGO")
        .arg("assess")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("kin init assessment.kin.toml"));
    assert_eq!(
        fs::read(dir.path().join("assessment.kin.toml")).unwrap(),
        before
    );
    assert_eq!(names(dir.path()), ["assessment.kin.toml"]);
}

#[test]
fn an_unknown_category_names_the_allowed_ones() {
    let dir = tempfile::tempdir().unwrap();
    kin_in(dir.path())
        .args(["assess", "--category", "verkehr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--category: unbekannte Kategorie „verkehr“; erlaubt: infrastruktur, wirtschaft, bildung, konzepte, international",
        ));
}

#[test]
fn help_explains_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    kin_in(dir.path())
        .args(["assess", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Esc geht in Auswahllisten"))
        .stdout(predicate::str::contains("--unanswered"));
}
