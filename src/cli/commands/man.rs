//! `kin man`: manual pages in roff format.

use crate::cli::exit::Outcome;
use crate::cli::output::shown_path;
use crate::messages as msg;
use crate::store::atomic_write::{Overwrite, write_atomic};
use std::path::{Path, PathBuf};

/// Gibt die Handbuchseiten aus.
///
/// Ohne Angabe die Seite kin.1 auf die Standardausgabe (kin man > kin.1); mit --dir je Befehl
/// eine Seite (kin.1, kin-check.1, …).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ordner, in den alle Handbuchseiten geschrieben werden
    #[arg(long, value_name = "ORDNER")]
    pub dir: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let mut command = crate::cli::command().disable_help_subcommand(true);
    command.build();
    match &args.dir {
        None => crate::cli::output::print_bytes(&render(&command)?)?,
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!(msg::write_failed(&shown_path(dir), &e)))?;
            write_pages(&command, dir)?
        }
    }
    Ok(Outcome::Success)
}

/// The page of `command` in roff, with German section names. The NAME
/// line says what the command does, not `kin: kin: …`.
fn render(command: &clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut command = command.clone();
    if let Some(about) = command.get_about().map(ToString::to_string)
        && let Some(rest) = about.strip_prefix("kin: ")
    {
        command = command.about(rest.to_owned());
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    let page = String::from_utf8(page)?;
    let german: Vec<String> = page
        .lines()
        .map(|line| match line.strip_prefix(".SH ") {
            Some(section) => format!(".SH {}", msg::man_section(section)),
            None => line.to_owned(),
        })
        .collect();
    Ok((german.join("\n") + "\n").into_bytes())
}

/// Writes the page of `command` and of each of its subcommands into `dir`.
fn write_pages(command: &clap::Command, dir: &Path) -> anyhow::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let man = clap_mangen::Man::new(command.clone());
    let path = dir.join(man.get_filename());
    write_atomic(&path, &render(command)?, Overwrite::Allow)
        .map_err(|e| anyhow::anyhow!(msg::write_failed(&shown_path(&path), &e)))
}
