//! Only regular files are read, locked or replaced. A named pipe, a device
//! or a symbolic link where kin expects a file gets a clear message at once:
//! nothing waits (every command here runs under a timeout), no lock is left
//! behind, nothing is created elsewhere.

use super::{others, template};
use crate::support::{KIN, kin};
use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// kin with a timeout: a command that waits for a pipe fails the test
/// instead of hanging CI.
fn kin_in(dir: &Path) -> Command {
    let mut cmd = kin();
    cmd.current_dir(dir).timeout(Duration::from_secs(20));
    cmd
}

/// `kin set FILE bildung-zusammenarbeit --status done` in `dir`.
fn set_status(dir: &Path, file: &str) -> Command {
    let mut cmd = kin_in(dir);
    cmd.args(["set", file, "bildung-zusammenarbeit", "--status", "done"]);
    cmd
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn folder_with_fifo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("echt.kin.toml"), template("Altdorf")).unwrap();
    let fifo = dir.path().join("pipe.kin.toml");
    mkfifo(&fifo);
    (dir, fifo)
}

const PIPE: &str = "keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO)";

#[test]
fn a_fifo_is_a_finding_in_check_and_an_error_elsewhere_without_waiting() {
    let (dir, _fifo) = folder_with_fifo();
    kin_in(dir.path())
        .args(["check", "pipe.kin.toml", "echt.kin.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "pipe.kin.toml: error: das ist {PIPE}"
        )));
    kin_in(dir.path())
        .args(["check", "--format", "json", "pipe.kin.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("benannte Pipe"));
    kin_in(dir.path())
        .args(["report", "pipe.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(PIPE));
    set_status(dir.path(), "pipe.kin.toml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(PIPE));
    // kin diff reads pipes (for `<(git show …)`); one nobody writes into is empty.
    kin_in(dir.path())
        .args(["diff", "echt.kin.toml", "pipe.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pipe.kin.toml: error: aus der Pipe kam nichts",
        ));
    assert_eq!(
        others(dir.path(), &["echt.kin.toml", "pipe.kin.toml"]),
        Vec::<String>::new(),
        "no lock or temporary file left"
    );
}

#[test]
fn init_force_does_not_replace_a_fifo_or_a_device() {
    let (dir, fifo) = folder_with_fifo();
    kin_in(dir.path())
        .args(["init", "--force", "pipe.kin.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(PIPE))
        .stderr(predicate::str::contains("es wurde nichts geändert"));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    kin_in(dir.path())
        .args(["init", "--force", "/dev/null"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sondern ein Gerät"));
    assert!(
        fs::symlink_metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(
        others(dir.path(), &["echt.kin.toml", "pipe.kin.toml"]),
        Vec::<String>::new()
    );
}

#[test]
fn devices_are_refused_by_every_reading_command() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("echt.kin.toml"), template("Altdorf")).unwrap();
    kin_in(dir.path())
        .args(["check", "/dev/zero"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("sondern ein Gerät"));
    kin_in(dir.path())
        .args(["diff", "echt.kin.toml", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sondern ein Gerät"));
}

#[test]
fn a_pipe_from_the_shell_still_works_for_diff() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("alt.kin.toml"), template("Altdorf")).unwrap();
    let out = std::process::Command::new("bash")
        .current_dir(dir.path())
        .args([
            "-c",
            "timeout 20 \"$KIN\" diff alt.kin.toml <(cat alt.kin.toml)",
        ])
        .env("KIN", KIN)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_symlink_as_lock_file_is_refused_and_nothing_is_created_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    fs::write(&path, template("Altdorf")).unwrap();
    let target = elsewhere.path().join("angelegt");
    std::os::unix::fs::symlink(&target, dir.path().join(".bewertung.kin.toml.lock")).unwrap();
    set_status(dir.path(), "bewertung.kin.toml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sondern ein symbolischer Link"));
    assert!(!target.exists());
    assert_eq!(fs::read_to_string(&path).unwrap(), template("Altdorf"));
    // A FIFO as lock file: refused at once too.
    fs::remove_file(dir.path().join(".bewertung.kin.toml.lock")).unwrap();
    mkfifo(&dir.path().join(".bewertung.kin.toml.lock"));
    set_status(dir.path(), "bewertung.kin.toml")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(PIPE));
}
