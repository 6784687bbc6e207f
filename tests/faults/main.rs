//! Faults while saving: kin killed at random moments, a full disk, a
//! write-protected file or folder, symbolic links; on Windows also files
//! held open by another program and file attributes (`windows.rs`).
//! Whatever happens, the assessment file holds either the old or the new
//! content, never a mix.
//!
//! The saves go through `kin init --force` for now. Once `kin set` exists,
//! the kill test should also save through it (alternating two statuses of
//! one suggestion in a filled-in file), as that is the save people rely on.

mod races;
#[cfg(unix)]
mod shared_folder;
#[cfg(unix)]
mod special_files;
#[path = "../support/mod.rs"]
mod support;
#[cfg(windows)]
mod windows;

use assert_cmd::Command;
use jiff::civil::date;
use kin::domain::assessment::{Assessment, Kommune};
use kin::domain::field::Field;
use kin::domain::status::Status;
use kin::format::read::load;
use kin::format::write::to_toml;
use std::fs;
#[cfg(unix)]
use std::os::unix::fs::symlink;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use support::random::Rng;
use support::{KIN, kin};

const DATE: &str = "2026-01-15";

/// Exactly what `kin init --kommune NAME --date DATE` writes.
fn template(name: &str) -> String {
    let field = Field::embedded();
    let kommune = Kommune {
        name: name.into(),
        ags: None,
        assessor: None,
        date: date(2026, 1, 15),
    };
    to_toml(&Assessment::new(field, kommune), field)
}

fn init_force(path: &Path, name: &str) -> Command {
    let mut cmd = kin();
    cmd.args(["init", "--force", "--date", DATE, "--kommune", name])
        .arg(path);
    cmd
}

/// Every entry of `dir` except `keep`.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

#[test]
fn killing_kin_while_it_saves_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    let contents = [template("Altdorf"), template("Neudorf am See")];
    fs::write(&path, &contents[0]).unwrap();
    // Kill within the time a whole save takes here (a debug build on a busy
    // machine is slower), so kills land before, during and after the write.
    let started = std::time::Instant::now();
    init_force(&path, "Altdorf").assert().code(0);
    let save_micros = started.elapsed().as_micros() as u64 * 6 / 5 + 1;
    let mut rng = Rng::new(7);
    let (mut old, mut new) = (0, 0);
    for round in 0..120 {
        let before = fs::read_to_string(&path).unwrap();
        let name = if round % 2 == 0 {
            "Neudorf am See"
        } else {
            "Altdorf"
        };
        let mut child = std::process::Command::new(KIN)
            .args(["init", "--force", "--date", DATE, "--kommune", name])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(save_micros as usize) as u64));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        let after = fs::read_to_string(&path).unwrap();
        assert!(
            contents.contains(&after),
            "round {round}: neither old nor new content:\n{after}"
        );
        let loaded = load(after.as_bytes(), Field::embedded());
        assert_eq!(loaded.findings, vec![], "round {round}");
        if after == before {
            old += 1;
        } else {
            new += 1;
        }
        // A kill can leave kin's hidden temporary file behind, nothing else.
        for other in others(dir.path(), &["bewertung.kin.toml"]) {
            assert!(
                other.starts_with(".bewertung.kin.toml.") && other.ends_with(".tmp"),
                "{other}"
            );
        }
    }
    let leftovers = others(dir.path(), &["bewertung.kin.toml"]).len();
    eprintln!(
        "120 kills within {save_micros} µs: {old} × old content kept, {new} × new content \
         saved, {leftovers} temporary files left behind"
    );
}

/// The same for `kin set`, which edits a file in place: every kill leaves the
/// file with the old or the new status, and a lock a killed `kin set` left
/// behind is recognised as stale by the next one.
#[test]
fn killing_kin_set_while_it_saves_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    fs::write(&path, template("Altdorf")).unwrap();
    let set = |status: &str| {
        let mut cmd = std::process::Command::new(KIN);
        cmd.arg("set")
            .arg(&path)
            .args(["bildung-zusammenarbeit", "--status", status])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    };
    let started = std::time::Instant::now();
    assert!(set("open").status().unwrap().success());
    let save_micros = started.elapsed().as_micros() as u64 * 6 / 5 + 1;
    let mut rng = Rng::new(11);
    for round in 0..60 {
        let status = if round % 2 == 0 { "done" } else { "open" };
        let mut child = set(status).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(save_micros as usize) as u64));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let loaded = load(text.as_bytes(), Field::embedded());
        assert_eq!(loaded.findings, vec![], "round {round}:\n{text}");
        let now = loaded
            .assessment
            .unwrap()
            .suggestion_status("bildung-zusammenarbeit");
        assert!(
            [Status::Open, Status::Done].contains(&now),
            "round {round}: {now:?}"
        );
    }
    // Whatever the kills left (a lock, a temporary file), kin set still works.
    let last = set("done").stderr(Stdio::piped()).output().unwrap();
    assert!(
        last.status.success(),
        "{}",
        String::from_utf8_lossy(&last.stderr)
    );
    let text = fs::read_to_string(&path).unwrap();
    let a = load(text.as_bytes(), Field::embedded()).assessment.unwrap();
    assert_eq!(a.suggestion_status("bildung-zusammenarbeit"), Status::Done);
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_old_file() {
    // A 16 KiB tmpfs fills up for real; it needs root (CI and the dev
    // machines run as root). The same path with an injected write error is
    // tested in atomic_write's unit tests on every machine.
    let dir = tempfile::tempdir().unwrap();
    let Some(_mount) = Tmpfs::mount(dir.path(), "16k") else {
        eprintln!("skipped: cannot mount a tmpfs here (not root?)");
        return;
    };
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let before = fs::read(&path).unwrap();
    // Fill the disk up to the last byte.
    let mut filler = fs::File::create(dir.path().join("fueller")).unwrap();
    let block = vec![b'x'; 1024];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);

    let out = init_force(&path, "Neudorf").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("kein Platz mehr auf dem Laufwerk"),
        "{stderr}"
    );
    assert!(stderr.contains("es wurde nichts geändert"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        others(dir.path(), &["bewertung.kin.toml", "fueller"]),
        Vec::<String>::new()
    );

    // kin set on the full disk: the same, and no lock file is left.
    let out = kin()
        .arg("set")
        .arg(&path)
        .args(["bildung-zusammenarbeit", "--status", "done"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("kein Platz mehr auf dem Laufwerk"),
        "{stderr}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        others(dir.path(), &["bewertung.kin.toml", "fueller"]),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();

    // kin refuses by itself, so this holds for root too.
    let out = init_force(&path, "Neudorf").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("schreibgeschützt"), "{stderr}");
    assert!(stderr.contains("es wurde nichts geändert"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(
        others(dir.path(), &["bewertung.kin.toml"]),
        Vec::<String>::new()
    );
    // Checking it is fine.
    kin().arg("check").arg(&path).assert().code(0);
}

#[cfg(unix)]
#[test]
fn a_write_protected_folder_leaves_everything_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bewertungen");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let before = fs::read(&path).unwrap();

    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let _restore = RestoreMode(folder.clone(), 0o755);
    // Root ignores permission bits; an immutable folder stops root too.
    let _immutable;
    if fs::File::create(folder.join(".probe")).is_ok() {
        let _ = fs::remove_file(folder.join(".probe"));
        match Immutable::set(&folder) {
            Some(guard) => _immutable = guard,
            None => {
                eprintln!(
                    "skipped: running as root, and `chattr +i` is not available to \
                     make the folder write-protected for root"
                );
                return;
            }
        }
    }
    let out = init_force(&path, "Neudorf").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("keine Schreibrechte"), "{stderr}");
    assert!(stderr.contains("es wurde nichts geändert"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        others(&folder, &["bewertung.kin.toml"]),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn an_immutable_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bewertung.kin.toml");
    init_force(&path, "Altdorf").assert().code(0);
    let before = fs::read(&path).unwrap();
    let Some(_immutable) = Immutable::set(&path) else {
        eprintln!("skipped: `chattr +i` is not available here");
        return;
    };
    let out = init_force(&path, "Neudorf").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("es wurde nichts geändert"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        others(dir.path(), &["bewertung.kin.toml"]),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("ablage");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("echt.kin.toml");
    fs::write(&target, template("Altdorf")).unwrap();
    let link = dir.path().join("bewertung.kin.toml");
    symlink("ablage/echt.kin.toml", &link).unwrap();

    init_force(&link, "Neudorf").assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_link(&link).unwrap(),
        PathBuf::from("ablage/echt.kin.toml")
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), template("Neudorf"));
    // The temporary file was made next to the target, and is gone.
    assert_eq!(others(&real_dir, &["echt.kin.toml"]), Vec::<String>::new());
    kin().arg("check").arg(&link).assert().code(0);
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_gets_its_target_created() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("bewertung.kin.toml");
    symlink("neu.kin.toml", &link).unwrap();
    init_force(&link, "Neudorf").assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("neu.kin.toml")).unwrap(),
        template("Neudorf")
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.kin.toml");
    let b = dir.path().join("b.kin.toml");
    symlink("b.kin.toml", &a).unwrap();
    symlink("a.kin.toml", &b).unwrap();
    let out = init_force(&a, "Neudorf").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("kann nicht geschrieben werden"), "{stderr}");
    kin().arg("check").arg(&a).assert().code(1);
    assert_eq!(
        others(dir.path(), &["a.kin.toml", "b.kin.toml"]),
        Vec::<String>::new()
    );
}

/// A tmpfs mounted for the length of a test.
#[cfg(unix)]
struct Tmpfs(PathBuf);

#[cfg(unix)]
impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

#[cfg(unix)]
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// `chattr +i` for the length of a test: not even root may change the file
/// or the folder's entries.
#[cfg(unix)]
struct Immutable(PathBuf);

#[cfg(unix)]
impl Immutable {
    fn set(path: &Path) -> Option<Immutable> {
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Immutable(path.to_path_buf()))
    }
}

#[cfg(unix)]
impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
    }
}

/// Gives a folder its permissions back so the temporary folder can be removed.
#[cfg(unix)]
struct RestoreMode(PathBuf, u32);

#[cfg(unix)]
impl Drop for RestoreMode {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(self.1));
    }
}
