//! Replacing a file only if it still holds what kin read, with the smallest
//! window in which someone else's save (an editor writing a temporary file
//! and renaming it over the assessment) could be lost.
//!
//! The check comes last, after the new version is written and flushed. On
//! Linux the replace itself is conditional: `renameat2(RENAME_EXCHANGE)`
//! swaps the new version in and the current one out in one step; kin then
//! compares what it swapped out with what it read, and on a difference swaps
//! it back. Whatever an editor renames over the file at any moment stays in
//! place. Elsewhere (and on file systems without the exchange), kin compares
//! the file right before the rename: a save landing in the microseconds
//! between the two is still overwritten.

use crate::store::batch::read_limited;
use crate::store::held_open::{Replace, persist};
use std::io;
use std::path::Path;
use tempfile::NamedTempFile;

/// The error inside an [`io::Error`] when the file was changed, replaced or
/// deleted by someone else since kin read it; the file keeps their version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangedMeanwhile;

impl std::fmt::Display for ChangedMeanwhile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::messages::CHANGED_MEANWHILE)
    }
}

impl std::error::Error for ChangedMeanwhile {}

impl ChangedMeanwhile {
    pub fn error() -> io::Error {
        io::Error::other(ChangedMeanwhile)
    }

    pub fn is(error: &io::Error) -> bool {
        error
            .get_ref()
            .is_some_and(|inner| inner.is::<ChangedMeanwhile>())
    }
}

/// Puts `temp` (written and flushed) in the place of `target` if `target`
/// still holds `expected`; otherwise leaves `target` as it is, removes
/// `temp` and fails with [`ChangedMeanwhile`].
pub fn replace_if_unchanged(temp: NamedTempFile, target: &Path, expected: &[u8]) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    match exchange::swap_in(&temp, target, expected) {
        exchange::SwapResult::Replaced => return Ok(()),
        exchange::SwapResult::Changed => return Err(ChangedMeanwhile::error()),
        exchange::SwapResult::Failed(error) => return Err(error),
        exchange::SwapResult::Unsupported => {}
    }
    if !holds(target, expected)? {
        return Err(ChangedMeanwhile::error());
    }
    persist(temp, target, Replace::Yes)
}

/// Whether the file at `path` holds exactly `expected` (a missing file does not).
fn holds(path: &Path, expected: &[u8]) -> io::Result<bool> {
    match read_limited(path) {
        Ok(now) => Ok(now == expected),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::FileTooLarge => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
mod exchange {
    use super::holds;
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    use std::io;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;
    use tempfile::NamedTempFile;

    pub enum SwapResult {
        Replaced,
        Changed,
        Failed(io::Error),
        /// No exchange here (old kernel, file system without it).
        Unsupported,
    }

    /// How often kin swaps back when editors keep saving while it does;
    /// each round needs another save landing within microseconds.
    const ROUNDS: usize = 8;

    pub fn swap_in(temp: &NamedTempFile, target: &Path, expected: &[u8]) -> SwapResult {
        match swap(temp.path(), target) {
            Ok(()) => {}
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => return SwapResult::Unsupported,
            // The file was deleted meanwhile.
            Err(Errno::NOENT) => return SwapResult::Changed,
            Err(e) => return SwapResult::Failed(e.into()),
        }
        // The temporary name now holds what the file held an instant ago.
        match holds(temp.path(), expected) {
            // Dropping `temp` later removes that old version.
            Ok(true) => return SwapResult::Replaced,
            Ok(false) => {}
            Err(e) => return SwapResult::Failed(e),
        }
        // Someone saved since kin read the file: give them their version
        // back. If they saved again in between, the swap put kin's version
        // out of place and theirs under the temporary name: swap again until
        // kin's own version is the one under the temporary name.
        for _ in 0..ROUNDS {
            if let Err(e) = swap(temp.path(), target) {
                return SwapResult::Failed(e.into());
            }
            if is_ours(temp) {
                return SwapResult::Changed;
            }
        }
        SwapResult::Changed
    }

    fn swap(a: &Path, b: &Path) -> Result<(), Errno> {
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
    }

    /// Whether the temporary name names kin's new version (the open file).
    fn is_ours(temp: &NamedTempFile) -> bool {
        match (
            std::fs::symlink_metadata(temp.path()),
            temp.as_file().metadata(),
        ) {
            (Ok(at_path), Ok(open)) => at_path.dev() == open.dev() && at_path.ino() == open.ino(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_with(dir: &Path, text: &str) -> NamedTempFile {
        let mut temp = tempfile::Builder::new()
            .prefix(".a.kin.toml.")
            .suffix(".tmp")
            .tempfile_in(dir)
            .unwrap();
        temp.write_all(text.as_bytes()).unwrap();
        temp
    }

    fn names(dir: &Path) -> usize {
        std::fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn replaces_an_unchanged_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.kin.toml");
        std::fs::write(&target, "gelesen").unwrap();
        let temp = temp_with(dir.path(), "neu");
        replace_if_unchanged(temp, &target, b"gelesen").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "neu");
        assert_eq!(names(dir.path()), 1);
    }

    #[test]
    fn keeps_a_file_someone_else_changed_or_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.kin.toml");
        std::fs::write(&target, "von Hand").unwrap();
        let temp = temp_with(dir.path(), "neu");
        let error = replace_if_unchanged(temp, &target, b"gelesen").unwrap_err();
        assert!(ChangedMeanwhile::is(&error));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "von Hand");
        assert_eq!(names(dir.path()), 1);

        std::fs::remove_file(&target).unwrap();
        let temp = temp_with(dir.path(), "neu");
        let error = replace_if_unchanged(temp, &target, b"gelesen").unwrap_err();
        assert!(ChangedMeanwhile::is(&error));
        assert!(!target.exists());
        assert_eq!(names(dir.path()), 0);
    }
}
