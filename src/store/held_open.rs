//! A file that another program holds open for a moment (Excel, the search
//! indexer, a virus scanner, a sync client). On Windows such a program can
//! keep kin from replacing the file; kin tries again a few times, then says
//! what holds it up. Elsewhere an open file never stops a replace, so this
//! only ever runs the operation once.

use std::io;
use std::path::Path;
use std::time::Duration;
use tempfile::NamedTempFile;

/// How often and how long kin waits for a file another program holds open:
/// together about two seconds, long enough for an indexer or a virus
/// scanner, short enough that a person does not wonder what happens.
pub const RETRIES: u32 = 10;
pub const PAUSE: Duration = Duration::from_millis(200);

/// The error inside an [`io::Error`] when another program held the file
/// open through every retry. The file is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldOpen {
    /// `false` when Windows only said "access denied": another program
    /// holding the file is the usual cause, missing rights the rare one.
    pub certain: bool,
}

impl std::fmt::Display for HeldOpen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::held_open(self.certain))
    }
}

impl std::error::Error for HeldOpen {}

/// Whether [`persist`] may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Yes,
    No,
}

/// Renames the written and flushed `temp` to `target`, retrying while
/// another program holds `target` open.
pub fn persist(temp: NamedTempFile, target: &Path, replace: Replace) -> io::Result<()> {
    retry_while_held_open(temp, |temp| {
        let persisted = match replace {
            Replace::Yes => temp.persist(target),
            Replace::No => temp.persist_noclobber(target),
        };
        persisted.map(drop).map_err(|e| (e.error, e.file))
    })
}

/// Runs `attempt` until it succeeds, fails for another reason, or the file
/// stayed held open through [`RETRIES`] retries ([`HeldOpen`] then). The
/// attempt gets back what the failed one returned with its error (e.g. the
/// temporary file to rename).
pub fn retry_while_held_open<T, R>(
    mut input: T,
    mut attempt: impl FnMut(T) -> Result<R, (io::Error, T)>,
) -> io::Result<R> {
    let mut retries = 0;
    loop {
        match attempt(input) {
            Ok(done) => return Ok(done),
            Err((error, back)) => match held_open(&error) {
                Some(_) if retries < RETRIES => {
                    retries += 1;
                    input = back;
                    std::thread::sleep(PAUSE);
                }
                Some(held) => return Err(io::Error::new(io::ErrorKind::ResourceBusy, held)),
                None => return Err(error),
            },
        }
    }
}

/// Whether `error` means that another program holds the file open.
fn held_open(error: &io::Error) -> Option<HeldOpen> {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{
            ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION,
        };
        let code = u32::try_from(error.raw_os_error()?).ok()?;
        match code {
            ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION => Some(HeldOpen { certain: true }),
            ERROR_ACCESS_DENIED => Some(HeldOpen { certain: false }),
            _ => None,
        }
    }
    #[cfg(not(windows))]
    {
        let _ = error;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_errors_are_not_retried() {
        let mut calls = 0;
        let result: io::Result<()> = retry_while_held_open((), |()| {
            calls += 1;
            Err((io::Error::new(io::ErrorKind::StorageFull, "voll"), ()))
        });
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert_eq!(calls, 1);
    }

    #[cfg(windows)]
    #[test]
    fn a_sharing_violation_is_retried_then_named() {
        let mut calls = 0;
        let result: io::Result<()> = retry_while_held_open((), |()| {
            calls += 1;
            Err((io::Error::from_raw_os_error(32), ()))
        });
        let error = result.unwrap_err();
        assert_eq!(calls, RETRIES + 1);
        let held = error.get_ref().unwrap().downcast_ref::<HeldOpen>();
        assert_eq!(held, Some(&HeldOpen { certain: true }));
        let mut calls = 0;
        let result = retry_while_held_open((), |()| {
            calls += 1;
            if calls < 3 {
                Err((io::Error::from_raw_os_error(32), ()))
            } else {
                Ok("gespeichert")
            }
        });
        assert_eq!(result.unwrap(), "gespeichert");
    }
}
