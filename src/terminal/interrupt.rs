//! Ctrl-C during an interactive session. Whatever the moment, kin ends the
//! same way: the terminal is restored (cursor visible, normal input mode),
//! the person is told that their answers are saved and how to go on, the
//! lock file is removed, and kin exits with 130.
//!
//! - Ctrl-C while kin waits at a prompt: kin ends at once. (The terminal
//!   library raises SIGINT itself for a Ctrl-C key in raw mode.)
//! - Ctrl-C while kin is working (saving, printing): kin notes it and ends
//!   at the next prompt, so a save is never cut short.
//! - A second Ctrl-C ends kin right away, still after a save in progress.
//!
//! The handler runs on its own thread (the `ctrlc` crate), so the
//! clean-up is ordinary code, not code in a signal handler.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Set by the first Ctrl-C.
static REQUESTED: AtomicBool = AtomicBool::new(false);
/// Set while kin waits for the person at a prompt.
static PROMPTING: AtomicBool = AtomicBool::new(false);
/// How many rows of the input being typed lie below the cursor, so that
/// the goodbye is written below the input, not into it.
static ROWS_BELOW_CURSOR: AtomicUsize = AtomicUsize::new(0);
/// Held while a file is being saved.
static SAVING: Mutex<()> = Mutex::new(());
/// Held by whoever performs the exit, so it happens once.
static EXITING: Mutex<()> = Mutex::new(());
/// What to do before exiting: tell the person, remove the lock file.
static ON_EXIT: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();
/// The exit code after Ctrl-C, as the command line defines it.
static EXIT_CODE: OnceLock<u8> = OnceLock::new();
#[cfg(unix)]
static TERMINAL_MODE: OnceLock<rustix::termios::Termios> = OnceLock::new();

/// Installs the Ctrl-C handling for this process; `on_exit` runs once,
/// right before kin exits with `exit_code` because of Ctrl-C. Call once,
/// before the first prompt. If no handler can be installed, Ctrl-C keeps its
/// default effect (answers given so far are saved all the same).
pub fn install(exit_code: u8, on_exit: impl Fn() + Send + Sync + 'static) {
    let _ = EXIT_CODE.set(exit_code);
    #[cfg(unix)]
    if let Ok(mode) = rustix::termios::tcgetattr(std::io::stdin()) {
        let _ = TERMINAL_MODE.set(mode);
    }
    let _ = ON_EXIT.set(Box::new(on_exit));
    let _ = ctrlc::set_handler(on_signal);
}

fn on_signal() {
    let again = REQUESTED.swap(true, Ordering::SeqCst);
    if again || PROMPTING.load(Ordering::SeqCst) {
        exit_now();
    }
}

/// Ends kin because of Ctrl-C (see the module documentation). Waits for a
/// save in progress; never returns.
pub fn exit_now() -> ! {
    let _exiting = EXITING.lock().unwrap_or_else(|e| e.into_inner());
    let _saving = SAVING.lock().unwrap_or_else(|e| e.into_inner());
    restore_terminal();
    eprintln!();
    if let Some(on_exit) = ON_EXIT.get() {
        on_exit();
    }
    // 130 (128 + SIGINT) until `install` was told otherwise.
    std::process::exit(i32::from(*EXIT_CODE.get().unwrap_or(&130)));
}

/// Ends kin if Ctrl-C was pressed while it was working.
pub fn exit_if_requested() {
    if REQUESTED.load(Ordering::SeqCst) {
        exit_now();
    }
}

/// The lock held while saving (see [`saving`]).
pub(super) fn saving_lock() -> &'static Mutex<()> {
    &SAVING
}

/// The lock held by whoever ends kin, so it happens once.
pub(super) fn exiting_lock() -> &'static Mutex<()> {
    &EXITING
}

/// Hold the returned guard while saving, so that Ctrl-C never cuts a save
/// short, nor does closing the console window on Windows.
pub fn saving() -> MutexGuard<'static, ()> {
    SAVING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Marks the time kin waits at a prompt; Ctrl-C then ends kin at once.
#[derive(Debug)]
pub struct Prompting(());

impl Prompting {
    /// Ends kin first if Ctrl-C was pressed since the last prompt. (Marked
    /// before checking, so a Ctrl-C in between is seen by one of the two.)
    pub fn start() -> Prompting {
        PROMPTING.store(true, Ordering::SeqCst);
        exit_if_requested();
        Prompting(())
    }
}

impl Drop for Prompting {
    fn drop(&mut self) {
        PROMPTING.store(false, Ordering::SeqCst);
    }
}

/// Tells where the cursor is within the input being typed: `rows` rows of
/// it lie below the cursor (0 when no input is on screen).
pub fn set_rows_below_cursor(rows: usize) {
    ROWS_BELOW_CURSOR.store(rows, Ordering::SeqCst);
}

/// Puts the terminal back as it was when kin started, shows the cursor
/// (prompts hide it while they draw) and moves it below the input being typed.
pub fn restore_terminal() {
    #[cfg(unix)]
    if let Some(mode) = TERMINAL_MODE.get() {
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            mode,
        );
    }
    let term = dialoguer::console::Term::stderr();
    let _ = term.move_cursor_down(ROWS_BELOW_CURSOR.swap(0, Ordering::SeqCst));
    let _ = term.show_cursor();
}
