use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kin::cli::command()
        .try_get_matches()
        .and_then(|matches| kin::cli::Cli::from_arg_matches(&matches));
    match cli {
        Ok(cli) => kin::cli::run(cli).into(),
        Err(error) => kin::cli::usage_error::exit(error),
    }
}
