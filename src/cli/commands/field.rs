//! `kin field`: shows the embedded field definition.

use crate::cli::exit::Outcome;
use crate::cli::output::Destination;
use crate::domain::field::Field;
use crate::render::field::{FieldJson, FieldRenderer, FieldText, FieldToml};
use std::path::PathBuf;

/// Zeigt das eingebaute Handlungsfeld mit allen Kennungen.
///
/// Leitsatz, Einstiegsfragen und Vorschläge mit den Kennungen, die kin set und
/// kin assess --category erwarten.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird ersetzt)
    #[arg(long, short = 'o', value_name = "DATEI")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// lesbarer Text
    Text,
    /// die eingebaute Definition als TOML
    Toml,
    /// die Definition als JSON
    Json,
}

impl Format {
    pub fn renderer(self) -> Box<dyn FieldRenderer> {
        match self {
            Format::Text => Box::new(FieldText),
            Format::Toml => Box::new(FieldToml),
            Format::Json => Box::new(FieldJson),
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let destination = Destination::choose(args.output.as_deref())?;
    let renderer = args.format.renderer();
    destination.accept(renderer.kind())?;
    destination.write(|out| renderer.render(Field::embedded(), out))?;
    Ok(Outcome::Success)
}
