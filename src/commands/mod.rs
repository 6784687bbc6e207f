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
            german_value_lists(arg.help_heading(heading))
        })
        .mut_subcommands(localize)
}

/// Says an argument's allowed and default values in German, in its help text,
/// instead of clap's English "[possible values: …]" and "[default: …]".
fn german_value_lists(arg: clap::Arg) -> clap::Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(about) => format!("{} = {about}", v.get_name()),
            None => v.get_name().to_owned(),
        })
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return arg;
    }
    if !values.is_empty() {
        let separator = if values.iter().any(|v| v.contains(" = ")) {
            "; "
        } else {
            ", "
        };
        help.push_str(&msg::help_possible_values(&values.join(separator)));
    }
    if !defaults.is_empty() {
        help.push_str(&msg::help_default_value(&defaults.join(", ")));
    }
    arg.hide_possible_values(true)
        .hide_default_value(true)
        .help(help)
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
