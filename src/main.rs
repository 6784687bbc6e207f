use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let matches = kin::commands::command().get_matches();
    let cli = kin::commands::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    kin::commands::run(cli).into()
}
