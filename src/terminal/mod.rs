//! The terminal side of `kin assess`: the dialoguer [`TerminalPrompter`],
//! Ctrl-C handling in [`interrupt`], and the check that there is a terminal
//! at all.

pub mod interrupt;
mod prompter;

pub use prompter::TerminalPrompter;

use std::io::IsTerminal;

/// Whether a person can answer prompts: stdin (keys) and stderr (where the
/// prompts are drawn) are both terminals.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
