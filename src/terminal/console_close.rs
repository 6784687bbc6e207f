//! The console going away under a running session: its window closed, the
//! user logging off, Windows shutting down. Windows ends the process as
//! soon as the console handler returns, so the handler itself waits for a
//! save in progress and releases the lock before it returns. (On Unix a
//! closed terminal ends kin by SIGHUP; the atomic save and the operating
//! system's lock give the same result: a complete file, no lasting lock.)

use std::sync::{Mutex, MutexGuard, OnceLock};

/// What to do when the console goes away: release the lock.
static ON_CLOSE: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Registers `release` to run when the console goes away, after any save in
/// progress. Call once per process, after taking the lock.
pub fn install(release: impl Fn() + Send + Sync + 'static) {
    if ON_CLOSE.set(Box::new(release)).is_ok() {
        #[cfg(windows)]
        windows::install();
    }
}

/// Ends the session for good: waits until the save in progress (if any) is
/// done, runs `release`, and returns the guards that keep any later save or
/// exit from starting; the caller keeps them until the process ends.
fn close<'a>(
    exiting: &'a Mutex<()>,
    saving: &'a Mutex<()>,
    release: Option<&(dyn Fn() + Send + Sync)>,
) -> (MutexGuard<'a, ()>, MutexGuard<'a, ()>) {
    let exiting = exiting.lock().unwrap_or_else(|e| e.into_inner());
    let saving = saving.lock().unwrap_or_else(|e| e.into_inner());
    // No console is left to tell anyone anything: only the clean-up.
    if let Some(release) = release {
        release();
    }
    (exiting, saving)
}

/// The console is going away: see [`close`]. The guards are never
/// released, as the process ends right after.
#[cfg_attr(not(windows), allow(dead_code))]
fn closing() {
    let guards = close(
        super::interrupt::exiting_lock(),
        super::interrupt::saving_lock(),
        ON_CLOSE.get().map(|b| b.as_ref()),
    );
    std::mem::forget(guards);
}

#[cfg(windows)]
mod windows {
    use windows_sys::Win32::System::Console::{
        CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    /// Adds the handler; Windows asks it before the Ctrl-C handler of the
    /// `ctrlc` crate (handlers are asked last added first).
    #[allow(unsafe_code)]
    pub fn install() {
        // SAFETY: `handler` is a plain function that lives as long as the
        // process; SetConsoleCtrlHandler only stores its address.
        unsafe {
            SetConsoleCtrlHandler(Some(handler), 1);
        }
    }

    /// Runs on a thread Windows starts for the event. Returning 1 (handled)
    /// for close, logoff and shutdown only after the clean-up; Ctrl-C and
    /// Ctrl-Break go on to the next handler (0).
    extern "system" fn handler(event: u32) -> BOOL {
        if matches!(
            event,
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT
        ) {
            super::closing();
            1
        } else {
            0
        }
    }

    #[cfg(test)]
    #[test]
    fn ctrl_c_goes_on_to_the_next_handler() {
        use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, CTRL_C_EVENT};
        assert_eq!(handler(CTRL_C_EVENT), 0);
        assert_eq!(handler(CTRL_BREAK_EVENT), 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    /// A save in progress is finished before the lock is released, and no
    /// save starts afterwards.
    #[test]
    fn closing_waits_for_the_save_then_releases_and_stops_further_saves() {
        let exiting = Mutex::new(());
        let saving = Arc::new(Mutex::new(()));
        let saved = Arc::new(AtomicBool::new(false));
        let released_after_save = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let save = {
            let (saving, saved) = (Arc::clone(&saving), Arc::clone(&saved));
            let guard_taken = Arc::new(std::sync::Barrier::new(2));
            let taken = Arc::clone(&guard_taken);
            let thread = std::thread::spawn(move || {
                let _guard = saving.lock().unwrap();
                taken.wait();
                std::thread::sleep(Duration::from_millis(200));
                saved.store(true, Ordering::SeqCst);
            });
            guard_taken.wait();
            thread
        };
        let release = {
            let (saved, released) = (Arc::clone(&saved), Arc::clone(&released_after_save));
            move || released.store(saved.load(Ordering::SeqCst), Ordering::SeqCst)
        };
        let guards = close(&exiting, &saving, Some(&release));
        assert!(started.elapsed() >= Duration::from_millis(200));
        assert!(released_after_save.load(Ordering::SeqCst));
        assert!(saving.try_lock().is_err(), "no save may start any more");
        assert!(exiting.try_lock().is_err(), "no second exit either");
        drop(guards);
        save.join().unwrap();
    }
}
