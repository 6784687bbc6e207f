//! `kin report`: one assessment in full, or several side by side (a district).

use crate::cli::exit::Outcome;
use crate::cli::output::{Destination, print_findings};
use crate::domain::field::Field;
use crate::domain::report::{AssessmentReport, District, KommuneRow};
use crate::messages as msg;
use crate::render::report::csv::ReportCsv;
use crate::render::report::json::ReportJson;
use crate::render::report::markdown::ReportMarkdown;
use crate::render::report::table::ReportTable;
use crate::render::report::{Overview, Pieces, ReportRenderer, Screen};
use crate::store::batch::{LoadScope, for_each_checked};
use crate::store::spool::Spool;
use jiff::civil::Date;
use std::io;
use std::path::PathBuf;

/// Zeigt Bewertungen als Bericht, für eine Kommune oder einen ganzen Landkreis.
///
/// Eine Datei ausführlich, mehrere Dateien als Vergleich der Kommunen.
#[derive(Debug, clap::Args)]
#[command(after_help = msg::REPORT_EXAMPLES)]
pub struct Args {
    /// Bewertungsdateien (eine oder mehrere), Ordner (alle *.kin.toml darin und darunter) oder
    /// Muster wie kreis/*.kin.toml (** für Unterordner)
    #[arg(value_name = "DATEIEN", required = true)]
    pub files: Vec<PathBuf>,
    /// Ausgabeformat; ohne Angabe Tabellen (in eine Datei oder Pipe ohne Farben)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Stichtag, an dem Termine als überfällig gelten (JJJJ-MM-TT oder TT.MM.JJJJ); Standard: heute
    #[arg(long, value_name = "DATUM", value_parser = crate::cli::dates::parse_date_arg)]
    pub today: Option<Date>,
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird ersetzt)
    #[arg(long, short = 'o', value_name = "DATEI")]
    pub output: Option<PathBuf>,
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
    /// The renderer of this format; `screen` is where tables go.
    pub fn renderer(self, screen: Screen) -> Box<dyn ReportRenderer> {
        match self {
            Format::Table => Box::new(ReportTable { screen }),
            Format::Markdown => Box::new(ReportMarkdown),
            Format::Json => Box::new(ReportJson),
            Format::Csv => Box::new(ReportCsv),
        }
    }
}

/// Reads the files a chunk at a time. Of each assessment only its district
/// row and the format's piece are kept (the piece spooled), so memory stays
/// small for thousands of files; the one assessment of a one-file report is
/// kept whole. Nothing is written until every file proved valid: an invalid
/// file gives the `kin check` findings and exit 2, never a partial report.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let today = args.today.unwrap_or_else(crate::cli::dates::today);
    let destination = Destination::choose(args.output.as_deref())?;
    let renderer = args.format.renderer(destination.screen());
    destination.accept(renderer.kind())?;
    let files = crate::cli::input::files(&args.files)?;
    let single = files.len() == 1;
    let mut spool = Spool::new();
    let mut district = District::new(field);
    let mut one: Option<AssessmentReport> = None;
    let mut invalid = 0;
    for_each_checked(
        &files,
        field,
        LoadScope::Assessment,
        // In parallel: each file's findings, district row and piece.
        |file| -> io::Result<_> {
            let name = file.display();
            let Some(assessment) = &file.loaded.assessment else {
                return Ok((name, file.loaded.findings, None));
            };
            let report = AssessmentReport::build(&name, assessment, field, today);
            let mut piece = Vec::new();
            renderer.kommune(&report, &mut piece)?;
            let row = KommuneRow::of(&report);
            let valid = Some((row, piece, single.then_some(report)));
            Ok((name, file.loaded.findings, valid))
        },
        // In order: findings to stderr, rows to the district, pieces to the spool.
        |chunk| -> io::Result<()> {
            for kept in chunk {
                let (name, findings, valid) = kept?;
                print_findings(&name, &findings);
                match valid {
                    Some((row, piece, report)) if invalid == 0 => {
                        district.add(row);
                        spool.push(&piece)?;
                        one = one.take().or(report);
                    }
                    Some(_) => {}
                    None => invalid += 1,
                }
            }
            Ok(())
        },
    )?;
    if invalid > 0 {
        anyhow::bail!(msg::invalid_input(invalid));
    }
    let overview = Overview {
        single: one.as_ref(),
        district: &district,
    };
    destination.write(|out| renderer.finish(&overview, &mut SpooledPieces(&mut spool), out))?;
    Ok(Outcome::Success)
}

/// The spooled pieces, in the order they were read.
struct SpooledPieces<'a>(&'a mut Spool);

impl Pieces for SpooledPieces<'_> {
    fn each(&mut self, each: &mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        let mut buffer = Vec::new();
        for index in 0..self.0.len() {
            self.0.read_piece(index, &mut buffer)?;
            each(&buffer)?;
        }
        Ok(())
    }
}
