//! A shared folder: the file belongs to the team's group (`rathaus`,
//! 0664), the folder has no setgid bit, and a colleague saves whose primary
//! group is another. The saved file must stay the team's, or kin must leave
//! it alone. Needs root to play the colleagues (CI runs as root): the test
//! drops privileges with `setpriv` and otherwise says why it is skipped.
//! The logic itself is also covered by `store::keep_access`'s unit tests.

use super::{others, template};
use crate::support::KIN;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

const RATHAUS: u32 = 4242;
/// A colleague in `rathaus` whose primary group is another.
const COLLEAGUE: (u32, u32) = (4243, 4244);
/// Someone outside `rathaus`.
const OUTSIDER: (u32, u32) = (4245, 4246);

struct Shared {
    _dir: tempfile::TempDir,
    kin: PathBuf,
    file: PathBuf,
}

impl Shared {
    /// `None` (with the reason printed) where colleagues cannot be played.
    fn new(mode: u32) -> Option<Shared> {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: not root, so other users cannot be played here");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        // A copy of kin that every user may run, wherever the build lies.
        let kin = dir.path().join("kin");
        fs::copy(KIN, &kin).unwrap();
        let folder = dir.path().join("ablage");
        fs::create_dir(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).unwrap();
        let file = folder.join("bewertung.kin.toml");
        fs::write(&file, template("Altdorf")).unwrap();
        rustix::fs::chown(&file, None, Some(rustix::fs::Gid::from_raw(RATHAUS))).unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(mode)).unwrap();
        let shared = Shared {
            _dir: dir,
            kin,
            file,
        };
        match shared.run_as((COLLEAGUE.0, COLLEAGUE.1, RATHAUS), &["--version"]) {
            Ok(out) if out.status.success() => Some(shared),
            Ok(out) => {
                eprintln!(
                    "skipped: setpriv cannot run kin as another user here: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: setpriv is not available ({e})");
                None
            }
        }
    }

    fn run_as(
        &self,
        (uid, gid, extra): (u32, u32, u32),
        args: &[&str],
    ) -> std::io::Result<std::process::Output> {
        Command::new("setpriv")
            .arg(format!("--reuid={uid}"))
            .arg(format!("--regid={gid}"))
            .arg(format!("--groups={extra},{gid}"))
            .arg(&self.kin)
            .args(args)
            .output()
    }

    fn set_as(&self, who: (u32, u32, u32)) -> std::process::Output {
        let file = self.file.to_str().unwrap();
        self.run_as(
            who,
            &["set", file, "bildung-zusammenarbeit", "--status", "done"],
        )
        .unwrap()
    }

    fn folder(&self) -> &Path {
        self.file.parent().unwrap()
    }
}

#[test]
fn a_colleague_in_the_group_saves_and_the_file_stays_the_groups() {
    let Some(shared) = Shared::new(0o664) else {
        return;
    };
    let out = shared.set_as((COLLEAGUE.0, COLLEAGUE.1, RATHAUS));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta = fs::metadata(&shared.file).unwrap();
    assert!(
        fs::read_to_string(&shared.file)
            .unwrap()
            .contains("status = \"done\"")
    );
    assert_eq!(meta.gid(), RATHAUS, "the group is kept");
    assert_eq!(meta.mode() & 0o7777, 0o664, "the permissions are kept");
    // Only root can give a file away: the colleague who saved owns it now.
    assert_eq!(meta.uid(), COLLEAGUE.0);
    assert_eq!(others(shared.folder(), &[]), ["bewertung.kin.toml"]);
}

/// Someone outside `rathaus` runs `kin set` on the file with `mode`: refused
/// with `why`, and the file keeps its content, owner, group and mode.
fn an_outsider_is_refused(mode: u32, why: &str) {
    let Some(shared) = Shared::new(mode) else {
        return;
    };
    let before = fs::read(&shared.file).unwrap();
    let out = shared.set_as((OUTSIDER.0, OUTSIDER.1, OUTSIDER.1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(why), "{stderr}");
    let meta = fs::metadata(&shared.file).unwrap();
    assert_eq!(fs::read(&shared.file).unwrap(), before);
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o7777),
        (0, RATHAUS, mode)
    );
    assert_eq!(others(shared.folder(), &[]), ["bewertung.kin.toml"]);
}

#[test]
fn someone_outside_the_group_cannot_hand_the_file_to_another_group() {
    // Writable for everyone, so only the group could be lost.
    an_outsider_is_refused(
        0o666,
        &format!("der Gruppe „{RATHAUS}“, der Sie nicht angehören"),
    );
}

#[test]
fn a_file_the_user_may_not_write_is_not_replaced_through_the_folder() {
    an_outsider_is_refused(0o664, "keine Schreibrechte für die Datei");
}
