//! `kin report`: one assessment in full, or several side by side (a district).

use crate::cli::exit::Outcome;
use crate::cli::input::read_valid;
use crate::cli::output::print_findings;
use crate::cli::output::{print, print_spool};
use crate::domain::field::Field;
use crate::domain::report::{AssessmentReport, DistrictTotals, Report};
use crate::messages as msg;
use crate::render::report::{Renderer, Stream, csv, json, markdown, table};
use crate::store::batch::Pipes;
use crate::store::batch::{LoadScope, for_each_checked};
use crate::store::spool::Spool;
use crate::terminal::screen::detect_screen;
use anyhow::Context;
use jiff::civil::Date;
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

/// How a format is produced: from the whole report (tables and markdown lay
/// out all Kommunen together), or streamed one assessment at a time.
pub enum Production {
    Whole(Renderer),
    Streamed(Stream),
}

impl Format {
    pub fn production(self) -> Production {
        match self {
            Format::Table => Production::Whole(table::render),
            Format::Markdown => Production::Whole(markdown::render),
            Format::Json => Production::Streamed(json::STREAM),
            Format::Csv => Production::Streamed(csv::STREAM),
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let today = args.today.unwrap_or_else(crate::cli::dates::today);
    let files = crate::cli::input::files(&args.files)?;
    match args.format.production() {
        Production::Whole(render) => {
            let assessments = read_valid(&files, field, Pipes::Refuse)?;
            let report = Report::build(&assessments, field, today);
            print(&render(&report, &detect_screen())).context(msg::CANNOT_WRITE_OUTPUT)?;
        }
        Production::Streamed(stream) => run_streamed(&files, field, today, stream)?,
    }
    Ok(Outcome::Success)
}

/// Reads the files a chunk at a time and writes each assessment as soon as
/// it is read, so memory stays small for thousands of files. The output is
/// held back (spooled) until every file proved valid: an invalid file gives
/// the `kin check` findings and exit 2, never a partial report.
fn run_streamed(
    paths: &[PathBuf],
    field: &Field,
    today: Date,
    stream: Stream,
) -> anyhow::Result<()> {
    let mut spool = Spool::new();
    let mut totals = DistrictTotals::empty(field);
    let mut invalid = 0;
    let mut first = true;
    spool.push(&(stream.begin)())?;
    for_each_checked(
        paths,
        field,
        LoadScope::Assessment,
        // In parallel: each file's findings, report and rendered text.
        |file| {
            let name = file.display();
            let report = file.loaded.assessment.as_ref().map(|a| {
                let report = AssessmentReport::build(&name, a, field, today);
                let text = (stream.element)(&report);
                (report, text)
            });
            (name, file.loaded.findings, report)
        },
        // In order: findings to stderr, text to the spool, counts to the totals.
        |chunk| -> std::io::Result<()> {
            for (name, findings, report) in chunk {
                print_findings(&name, &findings);
                match report {
                    Some((report, text)) if invalid == 0 => {
                        totals.add(&report);
                        if !first {
                            spool.push(stream.separator)?;
                        }
                        spool.push(&text)?;
                        first = false;
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
    spool.push(&(stream.end)(&totals))?;
    print_spool(spool).context(msg::CANNOT_WRITE_OUTPUT)?;
    Ok(())
}
