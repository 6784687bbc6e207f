//! kin: a checklist for the field of action "Interkommunale Zusammenarbeit"
//! of Baden-Württemberg's Kommunale Initiative Nachhaltigkeit.
//!
//! The layers, each a folder (see `docs/architecture.md`):
//! - [`domain`]: the field, assessments, figures, gates, edits, reports and
//!   diffs; pure values and rules, no file, terminal or clock I/O.
//! - [`format`](mod@format): the assessment file format: keys, reading bytes into an
//!   assessment with findings, writing TOML that keeps hand edits.
//! - [`store`]: files on disk: reading many at once, the edit session,
//!   atomic writes, the lock, the output spool.
//! - [`assess`]: the walk-through of `kin assess`, which only asks.
//! - [`render`]: domain values as text, markdown, JSON and CSV.
//! - [`terminal`]: prompts and Ctrl-C on a real terminal.
//! - [`cli`]: arguments, the subcommands, exit codes; with `terminal` the
//!   only place that writes to stdout or stderr.
//! - [`messages`]: every German text a person reads.

// The library never prints: findings and errors come back as values, and
// only the command line and the terminal write to stdout and stderr.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod assess;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod cli;
pub mod domain;
pub mod format;
pub mod messages;
pub mod render;
pub mod store;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod terminal;
#[cfg(test)]
mod test_support;
