//! Races with other writers: an editor saving (temporary file + rename)
//! while `kin set` saves, and several `kin set` started at once over a lock
//! file a killed session left behind. Nothing reported as saved may be lost,
//! and no hand edit may be overwritten.
//!
//! The rounds here are few, to keep the suite fast; `bench/soak.sh` runs
//! the same tests with hundreds of rounds (`KIN_RACE_ROUNDS`) on a release
//! build and prints the counts (docs/benchmark.md).

use super::template;
use crate::support::KIN;
use crate::support::random::Rng;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn rounds(default: usize) -> usize {
    std::env::var("KIN_RACE_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn kin_set(path: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(KIN);
    cmd.arg("set")
        .arg(path)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for `child` at most a minute, so that a hanging kin fails the
/// test instead of hanging CI.
fn wait(mut child: std::process::Child) -> std::process::Output {
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kin did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.wait_with_output().unwrap()
}

/// What an editor does when saving: write the whole text to a temporary
/// file beside the original, then rename it over the original. On Windows
/// the rename fails while kin has the file open (reading it), so the editor
/// tries again, as Windows editors do.
fn editor_save(path: &Path, text: &str) {
    let temp = path.with_file_name(".bewertung.kin.toml.editor~");
    fs::write(&temp, text).unwrap();
    for _ in 0..100 {
        match fs::rename(&temp, path) {
            Err(e) if cfg!(windows) && e.kind() == std::io::ErrorKind::PermissionDenied => {
                std::thread::sleep(Duration::from_millis(5));
            }
            renamed => return renamed.unwrap(),
        }
    }
    panic!("the editor could not save for half a second");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "no atomic exchange on Windows: an editor's save between kin's last \
              comparison and its rename is overwritten (under wine 1 of 40; docs/windows.md)"
)]
fn an_editor_saving_while_kin_set_saves_loses_no_hand_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    fs::write(&path, template("Altdorf")).unwrap();
    let started = Instant::now();
    let first = wait(
        kin_set(&path, &["bildung-zusammenarbeit", "--status", "open"])
            .spawn()
            .unwrap(),
    );
    assert!(first.status.success());
    let run_micros = started.elapsed().as_micros() as u64 * 3 / 2 + 1;
    let rounds = rounds(40);
    let mut rng = Rng::new(23);
    let (mut lost, mut saved, mut refused) = (0, 0, 0);
    for round in 0..rounds {
        let status = if round % 2 == 0 { "done" } else { "open" };
        let child = kin_set(&path, &["bildung-zusammenarbeit", "--status", status])
            .spawn()
            .unwrap();
        // The editor saves at a random moment while kin runs.
        std::thread::sleep(Duration::from_micros(rng.below(run_micros as usize) as u64));
        let mine = format!("# Handnotiz {round}\n");
        let text = fs::read_to_string(&path).unwrap() + &mine;
        editor_save(&path, &text);
        let out = wait(child);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => saved += 1,
            Some(2) if stderr.contains("von einem anderen Programm geändert") => refused += 1,
            other => panic!("round {round}: exit {other:?}: {stderr}"),
        }
        let after = fs::read_to_string(&path).unwrap();
        if !after.contains(&mine) {
            lost += 1;
        }
        let loaded =
            kin::format::read::load(after.as_bytes(), kin::domain::field::Field::embedded());
        assert!(!loaded.has_errors(), "round {round}: {after}");
    }
    eprintln!(
        "editor racing kin set: {lost} of {rounds} hand edits lost; kin saved {saved} times \
         (before or after the editor) and stopped {refused} times because the editor had saved"
    );
    assert_eq!(lost, 0, "hand edits lost");
}

#[test]
fn parallel_kin_set_over_a_leftover_lock_loses_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    let lock = dir.path().join(".bewertung.kin.toml.lock");
    fs::write(&path, template("Altdorf")).unwrap();
    let rounds = rounds(40);
    let (mut lost, mut saved, mut refused) = (0, 0, 0);
    for round in 0..rounds {
        // What a killed session leaves behind.
        fs::write(
            &lock,
            "pid = 999999\nhost = \"rathaus-pc\"\nsince = \"2026-01-15T09:00:00+01:00\"\ncommand = \"set\"\n",
        )
        .unwrap();
        let partners: Vec<String> = (0..4).map(|i| format!("Partner {round}-{i}")).collect();
        let children: Vec<_> = partners
            .iter()
            .map(|p| {
                kin_set(&path, &["wirtschaft-foerderung", "--add-partner", p])
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<_> = children.into_iter().map(wait).collect();
        let text = fs::read_to_string(&path).unwrap();
        for (partner, out) in partners.iter().zip(&outputs) {
            let stderr = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => {
                    saved += 1;
                    if !text.contains(&format!("\"{partner}\"")) {
                        lost += 1;
                    }
                }
                Some(2) if stderr.contains("in einer anderen kin-Sitzung bearbeitet") => {
                    refused += 1;
                }
                other => panic!("round {round}: exit {other:?}: {stderr}"),
            }
        }
        assert!(saved > 0);
    }
    eprintln!(
        "4 parallel kin set over a leftover lock, {rounds} rounds: {saved} saved, {refused} \
         refused as locked, {lost} updates reported as saved but lost"
    );
    assert_eq!(lost, 0, "lost updates");
    assert!(!lock.exists(), "the last session removed the lock file");
}
