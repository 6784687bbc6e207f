//! Windows file attributes: an assessment keeps its own (hidden, system,
//! archive, not indexed) when kin replaces it, and kin's helper files (lock
//! and temporary files) are hidden, as their leading dot hides them
//! elsewhere. On other platforms there is nothing to do here: permissions
//! are kept by the atomic write, and a leading dot is what hides a file.

use std::fs;
use std::io;
use std::path::Path;

/// The attributes a file should have after a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attributes(#[cfg_attr(not(windows), allow(dead_code))] u32);

/// FILE_ATTRIBUTE_ARCHIVE: what Windows gives any new file.
#[cfg(windows)]
const NEW_FILE: u32 = windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_ARCHIVE;
#[cfg(not(windows))]
const NEW_FILE: u32 = 0;

impl Attributes {
    /// What a newly created file gets.
    pub const NEW: Attributes = Attributes(NEW_FILE);

    /// The attributes of an existing file that a replacement keeps.
    pub fn of(metadata: &fs::Metadata) -> Attributes {
        #[cfg(windows)]
        {
            use std::os::windows::fs::MetadataExt;
            use windows_sys::Win32::Storage::FileSystem::{
                FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_NOT_CONTENT_INDEXED,
                FILE_ATTRIBUTE_SYSTEM,
            };
            let kept = FILE_ATTRIBUTE_HIDDEN
                | FILE_ATTRIBUTE_SYSTEM
                | FILE_ATTRIBUTE_ARCHIVE
                | FILE_ATTRIBUTE_NOT_CONTENT_INDEXED;
            Attributes(metadata.file_attributes() & kept)
        }
        #[cfg(not(windows))]
        {
            let _ = metadata;
            Attributes::NEW
        }
    }

    /// Gives the file at `path` these attributes.
    pub fn apply(self, path: &Path) -> io::Result<()> {
        #[cfg(windows)]
        {
            set_attributes(path, self.0)
        }
        #[cfg(not(windows))]
        {
            let _ = path;
            Ok(())
        }
    }
}

/// Marks one of kin's helper files as hidden (Windows); a failure only
/// leaves it visible, so it is not reported.
pub fn hide(path: &Path) {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Storage::FileSystem::{
            FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_HIDDEN,
        };
        let _ = set_attributes(path, FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE);
    }
    #[cfg(not(windows))]
    let _ = path;
}

/// Creates files opened with `options` hidden (Windows): for the lock
/// file, which is created where it does not exist yet.
pub fn create_hidden(options: &mut fs::OpenOptions) {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        options.attributes(windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_HIDDEN);
    }
    #[cfg(not(windows))]
    let _ = options;
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn set_attributes(path: &Path, attributes: u32) -> io::Result<()> {
    use std::os::windows::ffi::OsStrExt;
    let wide: Vec<u16> = path.as_os_str().encode_wide().chain([0]).collect();
    // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the
    // call; SetFileAttributesW only reads it.
    let done = unsafe {
        windows_sys::Win32::Storage::FileSystem::SetFileAttributesW(wide.as_ptr(), attributes)
    };
    if done == 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;
    use std::os::windows::fs::MetadataExt;

    const HIDDEN: u32 = windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_HIDDEN;

    #[test]
    fn attributes_are_read_and_given_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        fs::write(&path, "").unwrap();
        hide(&path);
        let hidden = Attributes::of(&fs::metadata(&path).unwrap());
        assert_ne!(hidden.0 & HIDDEN, 0);
        Attributes::NEW.apply(&path).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().file_attributes() & HIDDEN, 0);
        hidden.apply(&path).unwrap();
        assert_ne!(fs::metadata(&path).unwrap().file_attributes() & HIDDEN, 0);
    }
}
