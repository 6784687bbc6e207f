//! The lock that keeps two kin sessions (`kin assess`, `kin set`) from
//! editing one file at once: an operating-system lock (`File::try_lock`:
//! flock on Unix, LockFileEx on Windows) on the lock file `.NAME.lock` beside
//! the assessment, held for the whole session. The operating system releases
//! it when the process ends, however it ends, so a crash or a kill never
//! leaves a lock that blocks the next session, and no process id is guessed.
//! The lock file's content only says who holds the lock, for the message a
//! second session shows.
//!
//! The lock file is removed when the session ends (a killed session leaves
//! it behind, unlocked and harmless). Removing is safe because every session,
//! once it has the lock, checks that the path still names the file it locked:
//! if the previous holder removed it in between, it starts over.
//!
//! A symbolic link or anything else but a regular file at the lock path is
//! refused, never followed, so kin creates nothing outside the assessment's
//! folder. On a file system that cannot lock files at all (some network
//! shares), the session goes on without the lock: see [`FileLock::is_held`].

use crate::store::attributes;
use crate::store::regular_file::{NotRegular, Special, nonblocking, require_regular};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Who holds a lock: what the lock file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// When the lock was taken (local time with offset, RFC 3339).
    pub since: String,
    /// The kin command holding it, e.g. `assess`.
    pub command: String,
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another session holds the lock; `holder` is what its lock file says
    /// (`None` when it cannot be read, e.g. while it is being written).
    Held {
        lock_path: PathBuf,
        holder: Option<Holder>,
    },
    /// The lock file could not be created, opened or locked.
    Io {
        lock_path: PathBuf,
        error: io::Error,
    },
}

impl LockError {
    /// The German message for a person, naming `file` as they gave it.
    pub fn message(&self, file: &str) -> String {
        match self {
            LockError::Held { holder, .. } => crate::messages::lock_held(file, holder.as_ref()),
            LockError::Io { lock_path, error } => {
                let cause = match NotRegular::in_error(error) {
                    Some(special) => crate::messages::not_a_regular_file(special),
                    None => error.to_string(),
                };
                crate::messages::lock_failed(file, &lock_path.display().to_string(), &cause)
            }
        }
    }
}

/// A lock taken for a session; dropping it releases the lock and removes
/// the lock file.
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    /// The open lock file; `None` once released.
    file: Arc<Mutex<Option<File>>>,
    held: bool,
}

/// The lock file for `file`: `.NAME.lock` in the same folder. Symbolic links
/// to the assessment are followed first, so two links to one file share one
/// lock, and the lock lies beside the file that is saved. On Windows the
/// path has no `\\?\` prefix (it is shown to people).
pub fn lock_path(file: &Path) -> PathBuf {
    let target = dunce::canonicalize(file).unwrap_or_else(|_| {
        let parent = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let parent = dunce::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
        parent.join(file.file_name().unwrap_or_default())
    });
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.lock"))
}

/// How often kin starts over when the lock file it locked was removed by
/// the previous holder in between (each time means a session ended).
const ATTEMPTS: usize = 20;

impl FileLock {
    /// Takes the lock for `file` on behalf of `command` (e.g. "assess").
    pub fn acquire(file: &Path, command: &str) -> Result<FileLock, LockError> {
        let path = lock_path(file);
        let io_error = |error| LockError::Io {
            lock_path: path.clone(),
            error,
        };
        for _ in 0..ATTEMPTS {
            let (mut lock_file, writable) = open_lock_file(&path).map_err(io_error)?;
            let held = match lock_file.try_lock() {
                Ok(()) => true,
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(LockError::Held {
                        lock_path: path.clone(),
                        holder: read_holder(&mut lock_file),
                    });
                }
                Err(fs::TryLockError::Error(e)) if cannot_lock_here(&e) => false,
                Err(fs::TryLockError::Error(e)) => return Err(io_error(e)),
            };
            if !names_file(&path, &lock_file) {
                // The previous holder removed it after we opened it.
                continue;
            }
            if !writable {
                // Someone else's leftover lock file that we may not write:
                // put our own in its place (we hold its lock, so nobody
                // else uses it now).
                if held && fs::remove_file(&path).is_ok() {
                    continue;
                }
            } else {
                // Who holds it is only for messages: a full disk must not
                // keep kin from locking (the save then says what is wrong).
                let _ = write_holder(&mut lock_file, command);
            }
            return Ok(FileLock {
                path,
                file: Arc::new(Mutex::new(Some(lock_file))),
                held,
            });
        }
        Err(io_error(io::Error::other(
            crate::messages::LOCK_FILE_KEEPS_VANISHING,
        )))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the operating system holds the lock. `false` on a file
    /// system that cannot lock files: the session then relies on noticing,
    /// before every save, that someone else changed the file (the caller
    /// should say so).
    pub fn is_held(&self) -> bool {
        self.held
    }

    /// A function that releases this lock and removes the lock file; for
    /// exits that do not run destructors, such as the Ctrl-C handler.
    pub fn releaser(&self) -> impl Fn() + Send + Sync + 'static {
        let path = self.path.clone();
        let file = Arc::clone(&self.file);
        move || release(&path, &file)
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        release(&self.path, &self.file);
    }
}

/// Removes the lock file while still holding its lock (if the path still
/// names it), then closes it, which releases the lock.
fn release(path: &Path, file: &Mutex<Option<File>>) {
    let mut file = file
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(open) = file.take()
        && names_file(path, &open)
    {
        let _ = fs::remove_file(path);
    }
}

/// Opens (or creates) the lock file without following a symbolic link and
/// without waiting; anything but a regular file is refused. Returns whether
/// it is open for writing (someone else's leftover may be read-only to us;
/// locking works all the same).
fn open_lock_file(path: &Path) -> io::Result<(File, bool)> {
    if let Ok(metadata) = fs::symlink_metadata(path) {
        require_lock_file_type(metadata.file_type())?;
    }
    let open = |write: bool| {
        let mut options = OpenOptions::new();
        options.read(true);
        if write {
            options.write(true).create(true);
            attributes::create_hidden(&mut options);
        }
        nonblocking(&mut options);
        no_follow(&mut options);
        options.open(path)
    };
    let (file, writable) = match open(true) {
        Ok(file) => (file, true),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && path.exists() => {
            (open(false)?, false)
        }
        Err(e) if is_symlink_error(&e) => return Err(NotRegular::error(Special::Symlink)),
        Err(e) => return Err(e),
    };
    require_lock_file_type(file.metadata()?.file_type())?;
    Ok((file, writable))
}

fn require_lock_file_type(file_type: fs::FileType) -> io::Result<()> {
    require_regular(file_type, crate::store::regular_file::Pipes::Refuse)
}

/// Never follow a symbolic link at the lock path: a link could make kin
/// create or lock a file elsewhere.
fn no_follow(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(
            (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32,
        );
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_OPEN_REPARSE_POINT: open a link itself, not its target
        // (then refused by its type).
        options.custom_flags(0x0020_0000);
    }
}

/// Opening with `O_NOFOLLOW` fails with `ELOOP` on a symbolic link.
fn is_symlink_error(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// A file system that cannot lock files at all (rather than a lock that is
/// held): no such operation, or no lock service (NFS without lockd).
fn cannot_lock_here(error: &io::Error) -> bool {
    #[cfg(unix)]
    if error.raw_os_error() == Some(rustix::io::Errno::NOLCK.raw_os_error()) {
        return true;
    }
    error.kind() == io::ErrorKind::Unsupported
}

/// Whether `path` still names the open `file` (not removed, not replaced).
fn names_file(path: &Path, file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(path), file.metadata()) {
            (Ok(at_path), Ok(open)) => at_path.dev() == open.dev() && at_path.ino() == open.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // A link at the path is refused when opening, so this opens the file itself.
        match (
            same_file::Handle::from_path(path),
            file.try_clone().and_then(same_file::Handle::from_file),
        ) {
            (Ok(at_path), Ok(open)) => at_path == open,
            _ => false,
        }
    }
}

/// Replaces the lock file's content with who holds it now.
fn write_holder(file: &mut File, command: &str) -> io::Result<()> {
    let holder = Holder {
        pid: std::process::id(),
        host: host_name(),
        since: jiff::ZonedDateTime::now()
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        command: command.to_owned(),
    };
    let content = crate::messages::lock_file_comment()
        + &toml::to_string(&holder).expect("a lock holder serialises");
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(content.as_bytes())
}

/// Who holds the lock, as its file says. The holder may be writing it this
/// very moment, so an unreadable content is read again a few times.
fn read_holder(file: &mut File) -> Option<Holder> {
    for attempt in 0..3 {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let mut text = String::new();
        let read = file
            .rewind()
            .and_then(|()| file.take(64 * 1024).read_to_string(&mut text));
        if let Ok(Ok(holder)) = read.map(|_| toml::from_str::<Holder>(&text)) {
            return Some(holder);
        }
    }
    None
}

/// The name of this computer, as lock files record it.
pub fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn lock_file_sits_beside_the_file_says_who_and_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        assert!(lock.is_held());
        let expected = dunce::canonicalize(dir.path())
            .unwrap()
            .join(".a.kin.toml.lock");
        assert_eq!(lock.path(), expected);
        assert!(!lock.path().to_string_lossy().starts_with(r"\\?\"));
        assert_eq!(names(dir.path()), vec![".a.kin.toml.lock".to_owned()]);
        let text = fs::read_to_string(&expected).unwrap();
        let holder: Holder = toml::from_str(&text).unwrap();
        assert_eq!(holder.pid, std::process::id());
        assert_eq!(holder.command, "assess");
        drop(lock);
        assert!(!expected.exists());
    }

    #[test]
    fn a_second_lock_is_refused_while_the_first_is_held_and_taken_after() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let first = FileLock::acquire(&file, "assess").unwrap();
        match FileLock::acquire(&file, "set") {
            Err(LockError::Held {
                holder: Some(holder),
                ..
            }) => {
                assert_eq!(holder.pid, std::process::id());
                assert_eq!(holder.command, "assess");
            }
            other => panic!("expected Held, got {other:?}"),
        }
        // The refused attempt did not disturb the first lock.
        assert!(first.path().exists());
        drop(first);
        let second = FileLock::acquire(&file, "set").unwrap();
        assert!(second.is_held());
    }

    #[test]
    fn a_leftover_lock_file_that_nobody_holds_is_simply_taken() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        // What a killed session leaves: the file, no lock. Even damaged.
        fs::write(lock_path(&file), "pid = 1\nhost = \"anderswo\"\n\0kaputt").unwrap();
        let lock = FileLock::acquire(&file, "set").expect("nobody holds it");
        let holder: Holder = toml::from_str(&fs::read_to_string(lock.path()).unwrap()).unwrap();
        assert_eq!(holder.command, "set");
    }

    #[test]
    fn the_releaser_removes_the_lock_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        let release = lock.releaser();
        release();
        assert!(!lock.path().exists());
        // Released: another session may take it, and our drop leaves it be.
        let other = FileLock::acquire(&file, "set").unwrap();
        drop(lock);
        assert!(other.path().exists());
    }

    #[test]
    #[cfg_attr(
        windows,
        ignore = "Windows keeps the name of a deleted file that is still open (wine always)"
    )]
    fn dropping_does_not_remove_a_lock_file_that_replaced_ours() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        let path = lock.path().to_path_buf();
        fs::remove_file(&path).unwrap();
        fs::write(&path, "someone else").unwrap();
        drop(lock);
        assert_eq!(fs::read_to_string(path).unwrap(), "someone else");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_lock_path_is_refused_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let target = elsewhere.path().join("angelegt");
        std::os::unix::fs::symlink(&target, lock_path(&file)).unwrap();
        let error = FileLock::acquire(&file, "set").unwrap_err();
        assert!(
            error.message("a.kin.toml").contains("symbolischer Link"),
            "{}",
            error.message("a.kin.toml")
        );
        assert!(!target.exists(), "nothing created outside the folder");
        assert!(names(elsewhere.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_at_the_lock_path_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            lock_path(&file),
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        let error = FileLock::acquire(&file, "set").unwrap_err();
        assert!(
            error.message("a.kin.toml").contains("benannte Pipe"),
            "{}",
            error.message("a.kin.toml")
        );
    }

    #[test]
    fn only_missing_locking_support_lets_a_session_go_on_without_lock() {
        assert!(cannot_lock_here(&io::Error::from(
            io::ErrorKind::Unsupported
        )));
        #[cfg(unix)]
        assert!(cannot_lock_here(&io::Error::from_raw_os_error(
            rustix::io::Errno::NOLCK.raw_os_error()
        )));
        assert!(!cannot_lock_here(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
    }
}
