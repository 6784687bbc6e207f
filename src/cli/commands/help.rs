//! `kin help [BEFEHL]`: the same help as `--help`, for people who type it
//! the way git and cargo taught them.

use crate::cli::exit::Outcome;
use crate::messages as msg;
use clap::error::ErrorKind;

/// Zeigt die Hilfe zu einem Befehl.
///
/// Dasselbe wie kin BEFEHL --help; ohne BEFEHL die Übersicht aller Befehle.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Befehl, zu dem die Hilfe gezeigt wird
    #[arg(value_name = "BEFEHL")]
    pub command: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let mut argv = vec!["kin".to_owned()];
    if let Some(name) = &args.command {
        if crate::cli::command().find_subcommand(name).is_none() {
            anyhow::bail!(
                "{}\n{}",
                msg::usage_unknown_command(name),
                msg::usage_more_help("kin")
            );
        }
        argv.push(name.clone());
    }
    argv.push("--help".to_owned());
    // clap answers `--help` with the help text as its "error".
    if let Err(help) = crate::cli::command().try_get_matches_from(argv)
        && help.kind() == ErrorKind::DisplayHelp
    {
        help.print()?;
    }
    Ok(Outcome::Success)
}
