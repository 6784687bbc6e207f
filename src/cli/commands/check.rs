//! `kin check`: validates assessment files against the embedded field and
//! applies the policy gates.

use crate::cli::exit::Outcome;
use crate::cli::output::Destination;
use crate::domain::field::Field;
use crate::domain::finding::Severity;
use crate::domain::gates::Gates;
use crate::messages as msg;
use crate::render::check::{CheckJson, CheckLines, CheckRenderer};
use crate::render::findings::FindingCounts;
use crate::store::batch::{CheckedFile, LoadScope, for_each_checked};
use jiff::civil::Date;
use std::path::PathBuf;

/// Prüft Bewertungsdateien, auch als Prüfung in CI.
///
/// Eine Zeile je Befund (DATEI:ZEILE:SPALTE), dann eine Zusammenfassung. Exit-Code 0: in Ordnung,
/// 1: Befunde (auch fehlende oder unlesbare Dateien), 2: falscher Aufruf.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu prüfende Dateien, Ordner (alle *.kin.toml darin und darunter) oder Muster wie
    /// kreis/*.kin.toml (** für Unterordner)
    #[arg(value_name = "DATEIEN", required = true)]
    pub files: Vec<PathBuf>,
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird ersetzt)
    #[arg(long, short = 'o', value_name = "DATEI")]
    pub output: Option<PathBuf>,
    /// Auch Warnungen lassen die Prüfung scheitern
    #[arg(long)]
    pub strict: bool,
    /// Vorgabe: kein Punkt unbewertet, jede Einstiegsfrage beantwortet
    #[arg(long)]
    pub require_complete: bool,
    /// Vorgabe: Umsetzungsgrad mindestens PROZENT Prozent
    #[arg(long, value_name = "PROZENT", value_parser = parse_percent)]
    pub min_done: Option<f64>,
    /// Vorgabe: Bewertung höchstens TAGE Tage alt
    #[arg(long, value_name = "TAGE")]
    pub max_age: Option<u32>,
    /// Vorgabe: kein Punkt überfällig (geplant oder in Umsetzung mit einem Termin vor dem Stichtag)
    #[arg(long)]
    pub fail_overdue: bool,
    /// Stichtag für --max-age und --fail-overdue (TT.MM.JJJJ oder JJJJ-MM-TT); Standard: heute
    #[arg(long, value_name = "DATUM", value_parser = crate::cli::dates::parse_date_arg)]
    pub today: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// eine Zeile je Befund: DATEI:ZEILE:SPALTE: error: Meldung
    Text,
    /// JSON für Skripte, mit festem, versioniertem Aufbau
    Json,
    /// GitHub-Actions-Anmerkungen (::error file=…)
    Github,
}

impl Format {
    pub fn renderer(self) -> Box<dyn CheckRenderer> {
        match self {
            Format::Text => Box::new(CheckLines::TEXT),
            Format::Json => Box::<CheckJson>::default(),
            Format::Github => Box::new(CheckLines::GITHUB),
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    if args.today.is_some() && args.max_age.is_none() && !args.fail_overdue {
        anyhow::bail!(msg::TODAY_WITHOUT_GATE);
    }
    let today = args.today.unwrap_or_else(crate::cli::dates::today);
    let gates = Gates {
        require_complete: args.require_complete,
        min_done: args.min_done,
        max_age: args.max_age.map(|days| (days, today)),
        fail_overdue: args.fail_overdue.then_some(today),
    };
    let fails = |severity: Severity| severity == Severity::Error || args.strict;
    let mut failed = false;
    let destination = Destination::choose(args.output.as_deref())?;
    let mut renderer = args.format.renderer();
    // Gates need the assessment; without them, findings are all there is.
    let detail = if gates.is_empty() {
        LoadScope::FindingsOnly
    } else {
        LoadScope::Full
    };
    let files = crate::cli::input::files(&args.files)?;
    // Files are checked a chunk at a time and only their findings kept, so
    // 20,000 files need no more memory than a few hundred.
    destination.write(|out| {
        let mut totals = FindingCounts::default();
        for_each_checked(
            &files,
            field,
            detail,
            |file| findings_only(file, &gates, field),
            |chunk| {
                totals.add(FindingCounts::of(&chunk));
                failed |= chunk
                    .iter()
                    .flat_map(|c| &c.loaded.findings)
                    .any(|f| fails(f.severity));
                renderer.files(&chunk, out)?;
                out.flush()
            },
        )?;
        renderer.finish(totals, out)
    })?;
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// Applies the gates to a checked file, then drops its assessment: `kin
/// check` only prints findings.
fn findings_only(mut file: CheckedFile, gates: &Gates, field: &Field) -> CheckedFile {
    let loaded = &mut file.loaded;
    if let Some(assessment) = loaded.assessment.take()
        && !gates.is_empty()
    {
        let found = gates.evaluate(&assessment, field, &loaded.places);
        loaded.findings.extend(found);
        loaded.findings.sort_by_key(|f| f.position);
    }
    loaded.places.clear();
    file
}

fn parse_percent(value: &str) -> Result<f64, String> {
    value
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=100.0).contains(p))
        .ok_or_else(|| msg::invalid_percent(value))
}
