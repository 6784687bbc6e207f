//! A lock file beside an assessment file, so that two kin sessions (`kin
//! assess`, `kin set`) never write the same file at once. The lock file
//! `.NAME.lock` names the process holding it (pid, host, start time); it is
//! removed when the session ends, and a lock left behind by a process that no
//! longer runs on this computer is recognised as stale and replaced, as is a
//! lock file that has been unreadable (empty, damaged) for half a minute.

use crate::store::atomic_write::{Overwrite, write_atomic};
use serde::{Deserialize, Serialize};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
    /// Another process holds the lock.
    Held { lock_path: PathBuf, holder: Holder },
    /// A lock file exists but does not say who holds it (being written right
    /// now, or damaged).
    Unreadable { lock_path: PathBuf },
    /// The lock file could not be created or read.
    Io {
        lock_path: PathBuf,
        error: io::Error,
    },
}

impl LockError {
    /// The German message for a person, naming `file` as they gave it.
    pub fn message(&self, file: &str) -> String {
        match self {
            LockError::Held { lock_path, holder } => {
                crate::messages::lock_held(file, &lock_path.display().to_string(), holder)
            }
            LockError::Unreadable { lock_path } => {
                crate::messages::lock_unreadable(file, &lock_path.display().to_string())
            }
            LockError::Io { lock_path, error } => crate::messages::lock_failed(
                file,
                &lock_path.display().to_string(),
                &error.to_string(),
            ),
        }
    }
}

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    content: String,
}

/// The lock file for `file`: `.NAME.lock` in the same folder. Symbolic links
/// are followed first, so two links to one file share one lock. On Windows
/// the path has no `\\?\` prefix (it is shown to people).
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

impl FileLock {
    /// Takes the lock for `file` on behalf of `command` (e.g. "assess").
    pub fn acquire(file: &Path, command: &str) -> Result<FileLock, LockError> {
        let path = lock_path(file);
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
        // Two attempts: the second one after removing a stale lock.
        for _ in 0..2 {
            match create_new(&path, &content) {
                Ok(()) => {
                    held_here().push(path.clone());
                    return Ok(FileLock { path, content });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(error) => {
                    return Err(LockError::Io {
                        lock_path: path,
                        error,
                    });
                }
            }
            let existing = match fs::read_to_string(&path) {
                Ok(text) => text,
                // Released between our attempt and the read: try again.
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(error) => {
                    return Err(LockError::Io {
                        lock_path: path,
                        error,
                    });
                }
            };
            match toml::from_str::<Holder>(&existing) {
                Ok(other) if !is_stale(&other, &path) => {
                    return Err(LockError::Held {
                        lock_path: path,
                        holder: other,
                    });
                }
                Ok(_) => {}
                Err(_) if is_abandoned(&path) => {}
                Err(_) => return Err(LockError::Unreadable { lock_path: path }),
            }
            // Remove the stale lock only if it is still the one we looked at.
            if fs::read_to_string(&path).is_ok_and(|now| now == existing) {
                let _ = fs::remove_file(&path);
            }
        }
        Err(LockError::Unreadable { lock_path: path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A function that removes this lock file (if it is still ours); for
    /// exits that do not run destructors, such as the Ctrl-C handler.
    pub fn releaser(&self) -> impl Fn() + Send + Sync + 'static {
        let path = self.path.clone();
        let content = self.content.clone();
        move || remove_if_ours(&path, &content)
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        remove_if_ours(&self.path, &self.content);
        held_here().retain(|p| *p != self.path);
    }
}

fn remove_if_ours(path: &Path, content: &str) {
    if fs::read_to_string(path).is_ok_and(|now| now == content) {
        let _ = fs::remove_file(path);
    }
}

/// Creates the lock file with its content in one step, so that no other
/// process (and no later run after a crash) ever sees an empty lock: an
/// atomic write that refuses to replace an existing file (see
/// [`write_atomic`]). File systems that cannot do that fall back to creating
/// the file directly; a crash there can leave an empty lock, which
/// [`is_abandoned`] recognises once it is old enough.
fn create_new(path: &Path, content: &str) -> io::Result<()> {
    match write_atomic(path, content.as_bytes(), Overwrite::Refuse) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => create_directly(path, content),
    }
}

fn create_directly(path: &Path, content: &str) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file
        .write_all(content.as_bytes())
        .and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(e);
    }
    Ok(())
}

/// How long a lock file may stay unreadable before kin takes it for the
/// remains of a crash. Writing a lock takes far less than a millisecond.
const UNREADABLE_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// An unreadable lock file (empty or damaged) that has not changed for
/// [`UNREADABLE_GRACE`]: no kin is in the middle of writing it.
fn is_abandoned(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age >= UNREADABLE_GRACE)
}

/// A lock is stale when it was taken on this computer by a process that no
/// longer runs. A lock with this very process's id is stale too: this process
/// has not taken it yet, so an earlier one with the same id (common in
/// containers) left it. Locks from other computers (shared folders) are never
/// stale: kin cannot tell whether their process still runs.
fn is_stale(holder: &Holder, path: &Path) -> bool {
    let this_process = holder.pid == std::process::id();
    holder.host == host_name()
        && if this_process {
            !held_here().contains(&path.to_path_buf())
        } else {
            !process_alive(holder.pid)
        }
}

/// The lock files this process holds right now.
fn held_here() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    static HELD: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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

/// Whether a process with this id runs on this computer. When in doubt
/// (no permission to ask, unknown platform) the answer is yes.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        match rustix::process::test_kill_process(pid) {
            Ok(()) => true,
            Err(e) => e != rustix::io::Errno::SRCH,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_left_by_an_earlier_process_with_our_id_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let left = Holder {
            pid: std::process::id(),
            host: host_name(),
            since: "2026-01-01T00:00:00+01:00".into(),
            command: "assess".into(),
        };
        fs::write(lock_path(&file), toml::to_string(&left).unwrap()).unwrap();
        let lock = FileLock::acquire(&file, "set").expect("the leftover lock is taken over");
        assert!(
            fs::read_to_string(lock.path())
                .unwrap()
                .contains("command = \"set\"")
        );
    }

    #[test]
    fn lock_file_sits_beside_the_file_and_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        let expected = dunce::canonicalize(dir.path())
            .unwrap()
            .join(".a.kin.toml.lock");
        assert_eq!(lock.path(), expected);
        assert!(!lock.path().to_string_lossy().starts_with(r"\\?\"));
        let text = fs::read_to_string(&expected).unwrap();
        assert!(
            text.contains(&format!("pid = {}", std::process::id())),
            "{text}"
        );
        drop(lock);
        assert!(!expected.exists());
    }

    #[test]
    fn a_second_lock_is_refused_while_the_first_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let _first = FileLock::acquire(&file, "assess").unwrap();
        match FileLock::acquire(&file, "set") {
            Err(LockError::Held { holder, .. }) => {
                assert_eq!(holder.pid, std::process::id());
                assert_eq!(holder.command, "assess");
            }
            other => panic!("expected Held, got {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_stale_lock_of_a_dead_process_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        // A process that has ended: its pid is not running any more.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = Holder {
            pid: dead,
            host: host_name(),
            since: "2026-01-01T00:00:00Z".into(),
            command: "assess".into(),
        };
        fs::write(lock_path(&file), toml::to_string(&stale).unwrap()).unwrap();
        let lock = FileLock::acquire(&file, "set").unwrap();
        let text = fs::read_to_string(lock.path()).unwrap();
        assert!(
            text.contains(&format!("pid = {}", std::process::id())),
            "{text}"
        );
    }

    #[test]
    fn locks_of_other_computers_and_damaged_locks_are_respected() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let remote = Holder {
            pid: 1,
            host: format!("{}-elsewhere", host_name()),
            since: "2026-01-01T00:00:00Z".into(),
            command: "assess".into(),
        };
        fs::write(lock_path(&file), toml::to_string(&remote).unwrap()).unwrap();
        assert!(matches!(
            FileLock::acquire(&file, "set"),
            Err(LockError::Held { .. })
        ));
        fs::write(lock_path(&file), "").unwrap();
        assert!(matches!(
            FileLock::acquire(&file, "set"),
            Err(LockError::Unreadable { .. })
        ));
    }

    #[test]
    fn an_unreadable_lock_is_taken_over_only_once_it_is_old() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        // What a crash between creating and writing a lock leaves.
        fs::write(lock_path(&file), "").unwrap();
        assert!(matches!(
            FileLock::acquire(&file, "set"),
            Err(LockError::Unreadable { .. })
        ));
        let old = std::time::SystemTime::now() - UNREADABLE_GRACE;
        fs::File::options()
            .write(true)
            .open(lock_path(&file))
            .unwrap()
            .set_modified(old)
            .unwrap();
        let lock = FileLock::acquire(&file, "set").expect("the abandoned lock is taken over");
        assert!(
            fs::read_to_string(lock.path())
                .unwrap()
                .contains("command = \"set\"")
        );
    }

    #[test]
    fn taking_a_lock_leaves_only_the_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![".a.kin.toml.lock".to_owned()]);
        let text = fs::read_to_string(lock.path()).unwrap();
        assert!(toml::from_str::<Holder>(&text).is_ok(), "{text}");
    }

    #[test]
    fn both_ways_of_creating_refuse_an_existing_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".a.kin.toml.lock");
        create_directly(&path, "first").unwrap();
        let second = create_directly(&path, "second").unwrap_err();
        assert_eq!(second.kind(), io::ErrorKind::AlreadyExists);
        let atomic = create_new(&path, "third").unwrap_err();
        assert_eq!(atomic.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn dropping_does_not_remove_a_lock_someone_else_took_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.kin.toml");
        let lock = FileLock::acquire(&file, "assess").unwrap();
        fs::write(lock.path(), "someone else").unwrap();
        let path = lock.path().to_path_buf();
        drop(lock);
        assert_eq!(fs::read_to_string(path).unwrap(), "someone else");
    }
}
