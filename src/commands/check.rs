//! `kin check`: validates assessment files against the embedded field.

use crate::exit::Outcome;
use crate::field::Field;
use crate::files::read_all_checked;
use crate::finding::Severity;
use crate::render::findings;
use std::path::PathBuf;

/// Prüft Bewertungsdateien: eine Zeile je Befund (DATEI:ZEILE:SPALTE), dann eine Zusammenfassung.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu prüfende Dateien
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Auch Warnungen lassen die Prüfung scheitern
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// eine Zeile je Befund: DATEI:ZEILE:SPALTE: error: Meldung
    Text,
    /// JSON für Skripte (docs/check-json.md)
    Json,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let checked = read_all_checked(&args.files, Field::embedded());
    let text = match args.format {
        Format::Text => findings::render_text(&checked),
        Format::Json => findings::render_json(&checked),
    };
    print!("{text}");
    let failing = |severity: Severity| severity == Severity::Error || args.strict;
    let failed = checked
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| failing(f.severity));
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}
