//! Nobody loses access when kin replaces a file: the new version gets the
//! group and the permission bits of the old one (and its owner, where kin
//! runs as root and may give files away). In a shared folder the file of the
//! team's group stays the team's, whoever saves it.
//!
//! Only root can keep a file's owner: a colleague who saves becomes its
//! owner, as with any program that saves safely. Group and permissions stay,
//! so everyone who could write the file before still can through the group.
//! Where the group cannot be kept (the saving user is not a member of it),
//! kin refuses to save ([`GroupNotKept`]) rather than hand the file to
//! another group; a file the user may not write at all is not replaced
//! either, even where the folder would allow it.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

/// The error inside [`io::ErrorKind::PermissionDenied`] when the user may
/// not write the file (though the folder would let kin replace it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotWritable;

impl std::fmt::Display for NotWritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::messages::NOT_WRITABLE)
    }
}

impl std::error::Error for NotWritable {}

/// The error inside [`io::ErrorKind::PermissionDenied`] when the replaced
/// file's group cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupNotKept {
    /// The group's name (or number, when it has no name here).
    pub group: String,
}

impl std::fmt::Display for GroupNotKept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::group_not_kept(&self.group))
    }
}

impl std::error::Error for GroupNotKept {}

/// Gives `temp` (the new version) the group, permissions and, for root, the
/// owner of the file it will replace, described by `original`.
pub fn keep_access(temp: &File, original: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::fs::{Gid, Uid};
        use std::os::unix::fs::MetadataExt;
        let now = temp.metadata()?;
        let root = rustix::process::geteuid().is_root();
        let owner = (root && original.uid() != now.uid()).then(|| Uid::from_raw(original.uid()));
        let group = (original.gid() != now.gid()).then(|| Gid::from_raw(original.gid()));
        if owner.is_some() || group.is_some() {
            match rustix::fs::fchown(temp, owner, group) {
                Ok(()) => {}
                Err(rustix::io::Errno::PERM) => {
                    return Err(io::Error::new(
                        io::ErrorKind::PermissionDenied,
                        GroupNotKept {
                            group: group_name(original.gid()),
                        },
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    // After changing the group, which may clear set-id bits.
    temp.set_permissions(original.permissions())
}

/// Whether this user may write the file at `path`. Replacing a file only
/// needs a writable folder; kin asks more, so that nobody changes through the
/// folder a file they may not change.
pub fn may_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{Access, AtFlags, CWD, accessat};
        !matches!(
            accessat(CWD, path, Access::WRITE_OK, AtFlags::EACCESS),
            Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// The name of group `gid` from `/etc/group`, or its number.
#[cfg(unix)]
fn group_name(gid: u32) -> String {
    let names = std::fs::read_to_string("/etc/group").unwrap_or_default();
    group_name_in(&names, gid).unwrap_or_else(|| gid.to_string())
}

#[cfg(unix)]
fn group_name_in(group_file: &str, gid: u32) -> Option<String> {
    group_file.lines().find_map(|line| {
        let mut parts = line.split(':');
        let name = parts.next()?;
        let id = parts.nth(1)?;
        (id.parse() == Ok(gid)).then(|| name.to_owned())
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn group_names_come_from_the_group_file() {
        let file = "root:x:0:\nrathaus:x:4242:anna,ben\n";
        assert_eq!(group_name_in(file, 4242).as_deref(), Some("rathaus"));
        assert_eq!(group_name_in(file, 7), None);
    }

    #[test]
    fn mode_and_group_of_the_original_are_given_to_the_new_version() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("alt");
        std::fs::write(&original, "alt").unwrap();
        std::fs::set_permissions(&original, std::fs::Permissions::from_mode(0o664)).unwrap();
        // A group this process is in (root can use any).
        let gid = if rustix::process::geteuid().is_root() {
            4242
        } else {
            rustix::process::getegid().as_raw()
        };
        rustix::fs::chown(&original, None, Some(rustix::fs::Gid::from_raw(gid))).unwrap();
        let temp = dir.path().join("neu");
        let file = File::create(&temp).unwrap();
        keep_access(&file, &std::fs::metadata(&original).unwrap()).unwrap();
        let new = std::fs::metadata(&temp).unwrap();
        assert_eq!(new.gid(), gid);
        assert_eq!(new.mode() & 0o7777, 0o664);
    }
}
