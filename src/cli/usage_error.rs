//! Mistakes on the command line, told in German. clap finds them; this turns
//! the common kinds into a German sentence and keeps clap's own text for
//! the rare rest.

use crate::messages as msg;
use crate::render::escape::printable;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints a command-line error (or the help or version clap was asked for)
/// and ends the process: 0 for help and version, 2 for mistakes.
pub fn exit(error: clap::Error) -> ! {
    if matches!(
        error.kind(),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        eprint!("{}", overview());
        std::process::exit(i32::from(crate::cli::exit::Outcome::Failure.code()))
    }
    match german_message(&error) {
        Some(message) => {
            let known = |name: &String| crate::cli::command().find_subcommand(name).is_some();
            let command = match std::env::args().nth(1).filter(known) {
                Some(sub) => format!("kin {sub}"),
                None => "kin".to_owned(),
            };
            eprintln!("{}{}", msg::ERROR_PREFIX, printable(&message));
            eprintln!("{}", msg::usage_more_help(&command));
            std::process::exit(i32::from(crate::cli::exit::Outcome::Failure.code()))
        }
        // clap's own text for a rare mistake may echo an argument.
        None if error.use_stderr() => {
            eprint!("{}", printable(&error.render().to_string()));
            std::process::exit(error.exit_code())
        }
        None => error.exit(),
    }
}

/// What plain `kin` shows: the commands and the first one to run.
pub fn overview() -> String {
    let commands = crate::cli::command()
        .help_template(msg::OVERVIEW_TEMPLATE)
        .render_help()
        .to_string();
    let hint = crate::cli::hint::Hint::detect();
    let steps = msg::overview_first_steps(&hint.command(&["assess"]), &hint.command(&["help"]));
    // Fits a terminal of 80 columns, like the command list above it.
    let steps = crate::render::wrap::wrap(&steps, 79);
    format!("{}\n{steps}\n", commands.trim_end())
}

/// The German message for a command-line error, or `None` when clap's own
/// text should be shown (help and version output, rare kinds).
pub fn german_message(error: &clap::Error) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(list)) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::InvalidSubcommand => {
            msg::usage_unknown_command(&text(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::UnknownArgument => msg::usage_unknown_argument(&arg),
        ErrorKind::InvalidValue => msg::usage_invalid_value(
            &text(ContextKind::InvalidValue).unwrap_or_default(),
            &arg,
            text(ContextKind::ValidValue).as_deref(),
        ),
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let reason = std::error::Error::source(error).map(ToString::to_string);
            msg::usage_invalid_value_because(&value, &arg, reason.as_deref())
        }
        ErrorKind::MissingRequiredArgument => msg::usage_missing(&arg),
        ErrorKind::ArgumentConflict => {
            msg::usage_conflict(&arg, &text(ContextKind::PriorArg).unwrap_or_default())
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            msg::usage_number_of_values(&arg)
        }
        _ => return None,
    };
    Some(message)
}
