//! The command line: one module per subcommand, each with its clap `Args`
//! and a `run` function. This module only dispatches.

pub mod assess;
pub mod check;
pub mod completions;
pub mod diff;
pub mod field;
pub mod init;
pub mod man;
pub mod report;
pub mod set;
pub mod usage_error;

use crate::exit::Outcome;
use crate::messages as msg;
use clap::{Parser, Subcommand};

/// kin: Checkliste „Interkommunale Zusammenarbeit“ der Kommunalen Initiative
/// Nachhaltigkeit Baden-Württemberg.
#[derive(Debug, Parser)]
#[command(name = "kin", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Assess(assess::Args),
    Set(set::Args),
    Init(init::Args),
    Check(check::Args),
    Report(report::Args),
    Diff(diff::Args),
    Field(field::Args),
    Completions(completions::Args),
    Man(man::Args),
}

/// The command line as clap sees it, with German headings and help texts.
pub fn command() -> clap::Command {
    localize(<Cli as clap::CommandFactory>::command())
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(msg::HELP_VERSION_FLAG)
                .help_heading(msg::HEADING_OPTIONS),
        )
}

/// German headings and a German help flag for `command` and its subcommands.
fn localize(command: clap::Command) -> clap::Command {
    command
        .help_template(msg::HELP_TEMPLATE)
        .subcommand_help_heading(msg::HEADING_COMMANDS)
        .subcommand_value_name(msg::VALUE_COMMAND)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(msg::HELP_FLAG),
        )
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                msg::HEADING_ARGUMENTS
            } else {
                msg::HEADING_OPTIONS
            };
            arg.help_heading(heading)
        })
        .mut_subcommands(localize)
}

/// Runs a parsed command line; errors are printed to stderr here.
pub fn run(cli: Cli) -> Outcome {
    let result = match cli.command {
        Command::Field(args) => field::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Assess(args) => assess::run(&args),
        Command::Set(args) => set::run(&args),
    };
    let outcome = Outcome::of(&result);
    if let Err(error) = result {
        eprintln!("{}{error:#}", msg::ERROR_PREFIX);
    }
    outcome
}
