//! The terminal: the dialoguer [`TerminalPrompter`] of `kin assess`, Ctrl-C
//! handling in [`interrupt`], the console window closing under a session
//! in [`console_close`], the check that there is a terminal at all, and
//! what the output can show ([`screen`]).

pub mod console_close;
pub mod interrupt;
pub mod line_input;
mod prompter;
pub mod screen;

pub use prompter::TerminalPrompter;

use std::io::IsTerminal;

/// Whether a person can answer prompts: stdin (keys) and stderr (where the
/// prompts are drawn) are both terminals.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
