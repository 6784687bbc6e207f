//! Saving files so that a crash, a kill or a full disk never leaves a
//! half-written assessment: write a temporary file in the same folder, give
//! it the group and permissions of the file it replaces, flush it to disk,
//! then rename it over the target (for edits: only if the target still holds
//! what was read, see [`conditional_replace`](crate::store::conditional_replace)).

use crate::store::attributes::{self, Attributes};
pub use crate::store::conditional_replace::ChangedMeanwhile;
use crate::store::conditional_replace::replace_if_unchanged;
use crate::store::held_open::{Replace, persist};
use crate::store::keep_access::{NotWritable, keep_access, may_write};
use crate::store::regular_file::{Pipes, require_regular};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite<'a> {
    Allow,
    Refuse,
    /// Only if the file still holds exactly these bytes, checked as late as
    /// possible; otherwise the error is [`ChangedMeanwhile`] and the file
    /// keeps what someone else put there. A missing file counts as changed.
    IfUnchanged(&'a [u8]),
}

/// Writes `contents` to `path` atomically. A symbolic link at `path` is kept
/// and the file it points to is replaced. An existing file keeps its group
/// and permissions (and its owner when kin runs as root); where the group
/// cannot be kept the file is left as it was (error
/// [`GroupNotKept`](crate::store::keep_access::GroupNotKept)). With
/// [`Overwrite::Refuse`] an existing file is left as it was and the error
/// kind is [`io::ErrorKind::AlreadyExists`]. A write-protected file is left
/// as it was too (error [`ReadOnlyFile`]), even where the folder would allow
/// replacing it or kin runs as root, and so is a file the user may not write
/// ([`NotWritable`]). Only regular files are replaced.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: Overwrite) -> io::Result<()> {
    write_atomic_with(path, overwrite, |file| file.write_all(contents))
}

/// Like [`write_atomic`], with the contents written by `write` into the
/// temporary file. When `write` fails (or panics), or anything after it does,
/// the target is untouched and the temporary file is removed. Also the seam
/// through which tests make a write fail half-way.
pub fn write_atomic_with(
    path: &Path,
    overwrite: Overwrite,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let existing = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(metadata) = &existing {
        require_regular(metadata.file_type(), Pipes::Refuse)?;
    }
    let replacing = existing.as_ref().filter(|_| overwrite != Overwrite::Refuse);
    if replacing.is_some_and(|m| m.permissions().readonly()) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            ReadOnlyFile,
        ));
    }
    if replacing.is_some() && !may_write(&target) {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, NotWritable));
    }
    if existing.is_none() && matches!(overwrite, Overwrite::IfUnchanged(_)) {
        return Err(ChangedMeanwhile::error());
    }
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the usual permissions (0666 less the umask), like any
    // file a program creates, not the private 0600 of temporary files.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(&folder)?;
    attributes::hide(temp.path());
    write(temp.as_file_mut())?;
    if let Some(metadata) = replacing {
        keep_access(temp.as_file(), metadata)?;
    }
    temp.as_file().sync_all()?;
    // The replacement gets the attributes of the file it replaces (Windows),
    // before the rename and again after it: wine derives "hidden" from the
    // temporary file's leading dot, which the rename takes away. Should that
    // fail, saving matters more than the attributes.
    let attributes = replacing.map_or(Attributes::NEW, Attributes::of);
    let _ = attributes.apply(temp.path());
    // Another program holding the file open keeps Windows from replacing
    // it: `persist` tries again for a moment (see `held_open`).
    match overwrite {
        Overwrite::Allow => persist(temp, &target, Replace::Yes)?,
        Overwrite::Refuse => persist(temp, &target, Replace::No)?,
        Overwrite::IfUnchanged(expected) => replace_if_unchanged(temp, &target, expected)?,
    }
    let _ = attributes.apply(&target);
    sync_folder(&folder);
    Ok(())
}

/// The error inside [`io::ErrorKind::PermissionDenied`] when the file to
/// replace is write-protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOnlyFile;

impl std::fmt::Display for ReadOnlyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::messages::READ_ONLY_FILE)
    }
}

impl std::error::Error for ReadOnlyFile {}

/// Follows symbolic links at `path` to the file they name, which may not
/// exist yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(crate::messages::SYMLINK_LOOP))
}

/// Makes the rename itself durable. Not every platform or file system allows
/// syncing a folder; the data is already safe then, so failures are ignored.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        write_atomic(&path, b"old", Overwrite::Allow).unwrap();
        write_atomic(&path, b"new", Overwrite::Allow).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_overwrite_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, b"precious").unwrap();
        let err = write_atomic(&path, b"new", Overwrite::Refuse).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"precious");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.kin.toml");
        let link = dir.path().join("link.kin.toml");
        fs::write(&target, b"old").unwrap();
        std::os::unix::fs::symlink("real.kin.toml", &link).unwrap();
        write_atomic(&link, b"new", Overwrite::Allow).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_permissions_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        let plain = dir.path().join("plain");
        write_atomic(&path, b"new", Overwrite::Refuse).unwrap();
        fs::write(&plain, b"new").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new", Overwrite::Allow).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, b"old").unwrap();
        let err = write_atomic_with(&path, Overwrite::Allow, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_panicking_writer_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, b"old").unwrap();
        let result = std::panic::catch_unwind(|| {
            write_atomic_with(&path, Overwrite::Allow, |file| {
                file.write_all(b"half")?;
                panic!("bug while writing");
            })
        });
        assert!(result.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, b"old").unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let err = write_atomic(&path, b"new", Overwrite::Allow).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert!(err.get_ref().unwrap().is::<ReadOnlyFile>());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Refusing to overwrite still says the file exists.
        let err = write_atomic(&path, b"new", Overwrite::Refuse).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
    }
}
