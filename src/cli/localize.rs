//! The command line as clap sees it, in German: headings, help and version
//! flags, and allowed and default values spelled out in the help texts.

use crate::messages as msg;
use clap::CommandFactory;

/// The command line as clap sees it, with German headings and help texts.
/// Help and usage say `kin` whatever the program file is called (`kin.exe`
/// on Windows, a renamed copy).
pub fn command() -> clap::Command {
    localize(super::commands::Cli::command())
        .bin_name("kin")
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
