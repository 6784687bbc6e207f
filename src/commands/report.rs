//! `kin report`: one assessment in full, or several side by side (a district).

use crate::exit::Outcome;
use crate::field::Field;
use crate::files::read_valid;
use crate::messages as msg;
use crate::output::print;
use crate::render::report::{Renderer, Screen, csv, json, markdown, table};
use crate::report::Report;
use anyhow::Context;
use std::path::PathBuf;

/// Zeigt Bewertungen als Bericht: eine Datei ausführlich, mehrere Dateien als
/// Vergleich der Kommunen (z. B. für einen Landkreis).
#[derive(Debug, clap::Args)]
#[command(after_help = msg::REPORT_EXAMPLES)]
pub struct Args {
    /// Bewertungsdateien (eine oder mehrere)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Ausgabeformat; ohne Angabe Tabellen (in eine Datei oder Pipe ohne Farben)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tabellen für das Terminal (Farbe nur im Terminal, nicht mit NO_COLOR)
    Table,
    /// Markdown, zum Einfügen in eine Gemeinderatsvorlage oder ein Wiki
    Markdown,
    /// JSON für Skripte (docs/report-json.md)
    Json,
    /// CSV für Excel: UTF-8, Semikolon, eine Zeile je Kommune und Maßnahme
    Csv,
}

impl Format {
    /// The renderer that produces this format.
    pub fn renderer(self) -> Renderer {
        match self {
            Format::Table => table::render,
            Format::Markdown => markdown::render,
            Format::Json => json::render,
            Format::Csv => csv::render,
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let assessments = read_valid(&args.files, field)?;
    let report = Report::build(&assessments, field);
    let text = (args.format.renderer())(&report, &Screen::detect());
    print(&text).context(msg::CANNOT_WRITE_OUTPUT)?;
    Ok(Outcome::Success)
}
