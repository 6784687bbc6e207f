//! `kin field`: shows the embedded field definition.

use crate::cli::exit::Outcome;
use crate::domain::field::{FIELD_TOML, Field};
use crate::render;

/// Zeigt das eingebaute Handlungsfeld mit allen Kennungen.
///
/// Leitsatz, Einstiegsfragen und Vorschläge mit den Kennungen, die kin set und
/// kin assess --category erwarten.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let text = match args.format {
        Format::Text => render::field::render_text(field),
        Format::Toml => FIELD_TOML.to_owned(),
        Format::Json => crate::render::json::to_json(field),
    };
    crate::cli::output::print(&text)?;
    Ok(Outcome::Success)
}
