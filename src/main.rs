use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kin::commands::Cli::parse();
    kin::commands::run(cli).into()
}
