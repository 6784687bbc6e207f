//! The command line: parsing arguments, running a subcommand, printing its
//! errors and turning its outcome into an exit code. The only layer (with
//! `terminal`) that writes to stdout and stderr.

pub mod commands;
pub mod dates;
pub mod exit;
pub mod hint;
pub mod input;
mod localize;
pub mod output;
pub mod usage_error;

pub use commands::{Cli, Command, run};
pub use localize::command;
