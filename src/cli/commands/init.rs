//! `kin init`: writes a complete assessment template to fill in an editor.

use crate::cli::dates::{parse_date_arg, today};
use crate::cli::exit::Outcome;
use crate::cli::output::shown_path;
use crate::domain::assessment::{Assessment, Kommune, is_valid_ags};
use crate::domain::field::Field;
use crate::format::write::to_toml;
use crate::messages as msg;
use crate::store::atomic_write::{Overwrite, write_atomic};
use anyhow::bail;
use jiff::civil::Date;
use std::path::PathBuf;

/// Schreibt eine vollständige Vorlage zum Ausfüllen im Editor.
///
/// Jede Einstiegsfrage mit leerer Antwort, jeder Vorschlag unbewertet, mit Erklärungen der
/// erlaubten Werte. Eine vorhandene Datei wird nur mit --force überschrieben.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zieldatei
    #[arg(value_name = "DATEI", default_value = "assessment.kin.toml")]
    pub file: PathBuf,
    /// Name der Kommune
    #[arg(long)]
    pub kommune: Option<String>,
    /// Amtlicher Gemeindeschlüssel (8 Ziffern)
    #[arg(long)]
    pub ags: Option<String>,
    /// Wer die Bewertung vornimmt
    #[arg(long)]
    pub assessor: Option<String>,
    /// Datum der Bewertung (TT.MM.JJJJ oder JJJJ-MM-TT); Standard: heute
    #[arg(long, value_name = "DATUM", value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// Eine vorhandene Datei überschreiben
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    if let Some(ags) = args.ags.as_deref().filter(|a| !is_valid_ags(a)) {
        bail!(msg::invalid_ags_argument(ags));
    }
    let name = args
        .kommune
        .clone()
        .unwrap_or_else(|| msg::PLACEHOLDER_KOMMUNE.to_owned());
    if name.trim().is_empty() {
        bail!(msg::empty_kommune_argument());
    }
    let kommune = Kommune {
        name,
        ags: args.ags.clone(),
        assessor: args.assessor.clone(),
        date: args.date.unwrap_or_else(today),
    };
    let text = to_toml(&Assessment::new(field, kommune), field);
    let path = shown_path(&args.file);
    let overwrite = if args.force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    match write_atomic(&args.file, text.as_bytes(), overwrite) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(msg::init_refuses_overwrite(&path))
        }
        result => result.map_err(|e| anyhow::anyhow!(msg::write_failed(&path, &e)))?,
    }
    let hint = crate::cli::hint::Hint::detect();
    eprintln!(
        "{}",
        msg::init_written(
            &path,
            &hint.command(&["assess", &path]),
            &hint.command(&["check", &path])
        )
    );
    Ok(Outcome::Success)
}
