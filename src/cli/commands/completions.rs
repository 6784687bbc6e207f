//! `kin completions`: shell completion scripts.

use crate::cli::exit::Outcome;
use clap_complete::Shell;

/// Gibt ein Vervollständigungsskript für die Shell aus.
///
/// Zum Beispiel: kin completions bash > ~/.local/share/bash-completion/completions/kin
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let mut command = crate::cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "kin", &mut script);
    crate::cli::output::print_bytes(&script)?;
    Ok(Outcome::Success)
}
