//! The command line as clap sees it, in German: headings, help and version
//! flags, and allowed and default values spelled out in the help texts.

use crate::messages as msg;
use clap::CommandFactory;

/// The command line as clap sees it, with German headings and help texts.
/// Help and usage say `kin` whatever the program file is called (`kin.exe`
/// on Windows, a renamed copy).
pub fn command() -> clap::Command {
    let command = localize(super::commands::Cli::command())
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
        );
    german_usage(command)
}

/// Usage lines with `[OPTIONEN]` instead of clap's `[OPTIONS]`: clap's
/// usage is rendered once and kept as the command's own.
fn german_usage(mut command: clap::Command) -> clap::Command {
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |mut sub| {
            let rendered = sub.render_usage().to_string();
            let usage = rendered.split_once(": ").map_or("", |(_, usage)| usage);
            let german = usage
                .replace("[OPTIONS]", msg::USAGE_OPTIONS)
                .replace("...", "…");
            if german == usage {
                sub
            } else {
                sub.override_usage(german)
            }
        });
    }
    command
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
        .mut_args({
            // Under a heading of their own, clap sorts arguments by display
            // order and then by name; positionals keep their order this way.
            let mut position = 0;
            move |arg| {
                let arg = if arg.is_positional() {
                    position += 1;
                    arg.help_heading(msg::HEADING_ARGUMENTS)
                        .display_order(position)
                } else {
                    arg.help_heading(msg::HEADING_OPTIONS)
                };
                german_value_lists(arg)
            }
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
