use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kin::commands::command()
        .try_get_matches()
        .and_then(|matches| kin::commands::Cli::from_arg_matches(&matches));
    match cli {
        Ok(cli) => kin::commands::run(cli).into(),
        Err(error) => kin::commands::usage_error::exit(error),
    }
}
