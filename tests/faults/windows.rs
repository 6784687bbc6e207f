//! Windows only (run under wine by windows/run-tests.sh): a file another
//! program holds open, file attributes, kin's hidden helper files. Killed
//! sessions are the kill tests in main.rs (there `child.kill()` is
//! TerminateProcess, what Task Manager and `taskkill /F` do).

use super::{init_force, kin, others};
use std::fs;
use std::os::windows::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

const FILE_SHARE_READ: u32 = 0x1;
const FILE_ATTRIBUTE_HIDDEN: u32 = 0x2;

fn hidden(path: &Path) -> bool {
    fs::metadata(path).unwrap().file_attributes() & FILE_ATTRIBUTE_HIDDEN != 0
}

/// Opens `path` the way Excel or an editor does: others may read it, but
/// not write, replace or delete it while it is open.
fn hold_open(path: &Path) -> fs::File {
    fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(path)
        .unwrap()
}

fn set_done(path: &Path) -> assert_cmd::Command {
    let mut cmd = kin();
    cmd.arg("set")
        .arg(path)
        .args(["bildung-zusammenarbeit", "--status", "done"]);
    cmd
}

#[test]
fn a_file_held_open_by_another_program_is_left_unchanged_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let before = fs::read(&path).unwrap();
    let holder = hold_open(&path);
    let started = Instant::now();
    let out = set_done(&path).assert().code(2);
    let waited = started.elapsed();
    drop(holder);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("ein anderes Programm hat die Datei geöffnet"),
        "{stderr}"
    );
    assert!(stderr.contains("hat kin sie nicht ersetzt"), "{stderr}");
    assert!(stderr.contains("noch einmal versuchen"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    assert!(waited >= Duration::from_millis(1500), "retried: {waited:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
    // No temporary file or lock file is left behind.
    assert_eq!(
        others(dir.path(), &["bewertung.kin.toml"]),
        Vec::<String>::new()
    );
    // Once the other program lets go, the same command works.
    set_done(&path).assert().code(0);
}

#[test]
fn a_file_held_open_for_a_moment_is_saved_after_a_retry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let holder = hold_open(&path);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(600));
        drop(holder);
    });
    set_done(&path)
        .assert()
        .code(0)
        .stderr(predicates::str::contains("gespeichert"));
    release.join().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("status = \"done\""), "{text}");
}

#[test]
fn a_hidden_assessment_stays_hidden_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    assert!(!hidden(&path));
    kin::store::attributes::hide(&path);
    assert!(hidden(&path));
    set_done(&path).assert().code(0);
    assert!(hidden(&path), "the saved file lost its hidden attribute");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("status = \"done\""), "{text}");
    // A new file is not hidden.
    let new = dir.path().join("neu.kin.toml");
    init_force(&new, "Neudorf").assert().code(0);
    assert!(!hidden(&new));
}

#[test]
fn lock_and_temporary_files_are_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let lock = kin::store::lock::FileLock::acquire(&path, "set").unwrap();
    assert!(hidden(lock.path()), "{}", lock.path().display());
    drop(lock);
    let mut temp_hidden = None;
    kin::store::atomic_write::write_atomic_with(
        &path,
        kin::store::atomic_write::Overwrite::Allow,
        |file| {
            temp_hidden = Some(file.metadata()?.file_attributes() & FILE_ATTRIBUTE_HIDDEN != 0);
            std::io::Write::write_all(file, b"")
        },
    )
    .unwrap();
    assert_eq!(temp_hidden, Some(true));
    assert!(!hidden(&path), "the replaced file keeps its own attributes");
}
