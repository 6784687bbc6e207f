//! Only regular files are read, locked or replaced. A named pipe (FIFO)
//! makes a plain `open` wait for a writer forever, a device can deliver
//! endless data, a socket cannot be read at all: kin opens files without
//! blocking and checks their type before opening and again on the open file
//! (the path may be swapped in between), so that nothing ever waits.

use crate::messages as msg;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Folder,
    /// A named pipe (FIFO), or a pipe from the shell.
    Pipe,
    Device,
    Socket,
    /// A symbolic link where none may be (lock files).
    Symlink,
    Other,
}

impl Special {
    /// What `file_type` is, or `None` for a regular file.
    pub fn of(file_type: fs::FileType) -> Option<Special> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(Special::Folder);
        }
        if file_type.is_symlink() {
            return Some(Special::Symlink);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(Special::Pipe);
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Some(Special::Device);
            }
            if file_type.is_socket() {
                return Some(Special::Socket);
            }
        }
        Some(Special::Other)
    }
}

/// The error inside an [`io::Error`] (kind [`io::ErrorKind::InvalidInput`])
/// for a path that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotRegular(pub Special);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg::not_a_regular_file(self.0))
    }
}

impl std::error::Error for NotRegular {}

impl NotRegular {
    pub fn error(special: Special) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, NotRegular(special))
    }

    /// The [`NotRegular`] inside `error`, if that is what it is.
    pub fn in_error(error: &io::Error) -> Option<Special> {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<NotRegular>())
            .map(|n| n.0)
    }
}

/// Whether a pipe may be read: `kin diff a.kin.toml <(git show HEAD:a.kin.toml)`
/// gives kin a pipe the shell opened, with `git show` writing into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pipes {
    Refuse,
    /// Read what a writer sends; a pipe nobody writes into reads as empty
    /// at once instead of waiting for a writer.
    Read,
}

/// Fails unless `file_type` is a regular file (or a pipe, where allowed).
pub fn require_regular(file_type: fs::FileType, pipes: Pipes) -> io::Result<()> {
    match Special::of(file_type) {
        None => Ok(()),
        Some(Special::Pipe) if pipes == Pipes::Read => Ok(()),
        Some(special) => Err(NotRegular::error(special)),
    }
}

/// Opens `path` for reading, with the length the open file reports, so
/// that it can be read in one go (for a pipe only a hint: 0 on Linux, the
/// bytes waiting elsewhere); symbolic links are followed. Anything but a
/// regular file (or a pipe, with [`Pipes::Read`]) is refused without waiting.
pub fn open_for_reading(path: &Path, pipes: Pipes) -> io::Result<(File, u64)> {
    require_regular(fs::metadata(path)?.file_type(), pipes)?;
    let mut options = OpenOptions::new();
    options.read(true);
    nonblocking(&mut options);
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    let file_type = metadata.file_type();
    require_regular(file_type, pipes)?;
    #[cfg(unix)]
    if Special::of(file_type) == Some(Special::Pipe) {
        // Opened without waiting for a writer; reading now waits for the
        // data the writer sends (and ends at once when there is none).
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    }
    Ok((file, metadata.len()))
}

/// Opening never waits: a FIFO without a writer opens at once (and is then
/// refused by its type).
pub fn nonblocking(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    #[cfg(not(unix))]
    let _ = options;
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Read;

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("pipe.kin.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &path,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        path
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        let error = open_for_reading(&path, Pipes::Refuse).unwrap_err();
        assert_eq!(NotRegular::in_error(&error), Some(Special::Pipe));
        assert!(error.to_string().contains("benannte Pipe"), "{error}");
    }

    #[test]
    fn a_fifo_without_writer_reads_as_empty_where_pipes_are_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        let mut text = String::new();
        open_for_reading(&path, Pipes::Read)
            .unwrap()
            .0
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "");
    }

    #[test]
    fn devices_and_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for (path, special) in [
            (Path::new("/dev/zero"), Special::Device),
            (dir.path(), Special::Folder),
        ] {
            let error = open_for_reading(path, Pipes::Read).unwrap_err();
            assert_eq!(NotRegular::in_error(&error), Some(special), "{path:?}");
        }
    }

    #[test]
    fn a_socket_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("socket.kin.toml");
        let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let error = open_for_reading(&path, Pipes::Refuse).unwrap_err();
        assert_eq!(NotRegular::in_error(&error), Some(Special::Socket));
    }
}
