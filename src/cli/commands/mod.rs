//! The subcommands: one module each, with its clap `Args` and a `run`
//! function. This module only dispatches.

pub mod assess;
pub mod check;
pub mod completions;
pub mod diff;
pub mod field;
pub mod help;
pub mod init;
pub mod man;
pub mod network;
pub mod report;
pub mod set;

use crate::cli::exit::Outcome;
use crate::messages as msg;
use crate::render::escape::printable;
use clap::{Parser, Subcommand};

/// kin: Checkliste „Interkommunale Zusammenarbeit“ der Kommunalen Initiative
/// Nachhaltigkeit Baden-Württemberg.
#[derive(Debug, Parser)]
#[command(
    name = "kin",
    version,
    about,
    long_about = None,
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Assess(assess::Args),
    Set(Box<set::Args>),
    Init(init::Args),
    Check(check::Args),
    Report(report::Args),
    Diff(diff::Args),
    Network(network::Args),
    Field(field::Args),
    Completions(completions::Args),
    Man(man::Args),
    Help(help::Args),
}

/// Runs a parsed command line; errors are printed to stderr here.
pub fn run(cli: Cli) -> Outcome {
    let result = match cli.command {
        Command::Field(args) => field::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Network(args) => network::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Assess(args) => assess::run(&args),
        Command::Set(args) => set::run(&args),
        Command::Help(args) => help::run(&args),
    };
    let outcome = Outcome::of(&result);
    if let Err(error) = result {
        // A reader that went away (`kin help set | head`) is no failure:
        // the output it wanted was written.
        if is_closed_pipe(&error) {
            return Outcome::Success;
        }
        // Parts from files and arguments are escaped where the message is
        // made; this catches what an error from elsewhere (the system, a
        // library) may carry.
        let message = printable(&format!("{error:#}"));
        eprintln!("{}{message}", msg::ERROR_PREFIX);
    }
    outcome
}

/// Whether `error` comes from writing to a pipe whose reader has gone.
fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
