//! `kin report`: one assessment in full, or several side by side (a district).

use crate::cli::exit::Outcome;
use crate::cli::output::{Destination, print_findings};
use crate::domain::district::{District, KommuneRow, SortOrder};
use crate::domain::field::Field;
use crate::domain::network::{Aliases, MemberCollector, Network};
use crate::domain::report::AssessmentReport;
use crate::messages as msg;
use crate::render::findings::finding_line;
use crate::render::report::csv::{CsvRows, ReportCsv};
use crate::render::report::document::NETWORK_PICTURE_NODES;
use crate::render::report::docx::ReportDocx;
use crate::render::report::html::ReportHtml;
use crate::render::report::json::ReportJson;
use crate::render::report::markdown::ReportMarkdown;
use crate::render::report::table::ReportTable;
use crate::render::report::xlsx::ReportXlsx;
use crate::render::report::{Layout, Overview, Pieces, ReportRenderer, duplicate_notes};
use crate::store::batch::{LoadScope, for_each_checked};
use crate::store::spool::Spool;
use jiff::civil::Date;
use std::collections::BTreeMap;
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
    /// Stichtag, an dem Termine als überfällig gelten (TT.MM.JJJJ oder JJJJ-MM-TT); Standard: heute
    #[arg(long, value_name = "DATUM", value_parser = crate::cli::dates::parse_date_arg)]
    pub today: Option<Date>,
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird
    /// ersetzt); für xlsx nötig
    #[arg(long, short = 'o', value_name = "DATEI")]
    pub output: Option<PathBuf>,
    /// Reihenfolge der Kommunen im Vergleich; ohne Angabe die der Dateien
    #[arg(long, value_enum, value_name = "REIHENFOLGE")]
    pub sort: Option<Sort>,
    /// Bewertungen, die älter als TAGE Tage sind, als veraltet markieren (Stichtag: --today)
    #[arg(long, value_name = "TAGE")]
    pub max_age: Option<u32>,
    /// Ungültige Dateien auslassen: der Bericht zeigt die gültigen und nennt jede ausgelassene
    /// Datei mit ihrem ersten Fehler; Exit-Code 1. Ohne diese Angabe gibt es bei einer
    /// ungültigen Datei keinen Bericht (Exit-Code 2)
    #[arg(long)]
    pub skip_invalid: bool,
    /// Im Vergleich auch die Dateinamen zeigen (Tabellen und Markdown)
    #[arg(long)]
    pub show_files: bool,
    /// CSV: eine Zeile je Maßnahme (Standard) oder je Kommune
    #[arg(long, value_enum, value_name = "ZEILEN")]
    pub per: Option<Per>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Per {
    /// eine Zeile je Kommune und Maßnahme
    Item,
    /// eine Zeile je Kommune, mit ihren Zahlen und Antworten
    Kommune,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tabellen für das Terminal (Farbe nur im Terminal, nicht mit NO_COLOR)
    Table,
    /// Markdown, zum Einfügen in eine Gemeinderatsvorlage oder ein Wiki
    Markdown,
    /// JSON für Skripte, mit festem, versioniertem Aufbau
    Json,
    /// CSV für Excel: UTF-8, Semikolon; eine Zeile je Kommune und Maßnahme (oder mit --per
    /// kommune je Kommune)
    Csv,
    /// Excel-Arbeitsmappe mit den Blättern Kommunen, Maßnahmen und Matrix (nur mit --output)
    Xlsx,
    /// HTML-Seite zum Ansehen und Drucken (A4), mit Diagrammen; eine Datei ohne weitere Dateien
    Html,
    /// Word-Dokument (.docx) mit Tabellen und Diagrammen (nur mit --output)
    Docx,
}

impl Format {
    /// The renderer of this format.
    pub fn renderer(self, layout: Layout, rows: CsvRows) -> Box<dyn ReportRenderer> {
        match self {
            Format::Table => Box::new(ReportTable { layout }),
            Format::Markdown => Box::new(ReportMarkdown { layout }),
            Format::Json => Box::new(ReportJson),
            Format::Csv => Box::new(ReportCsv { rows }),
            Format::Xlsx => Box::new(ReportXlsx),
            Format::Html => Box::new(ReportHtml {
                field: Field::embedded(),
                layout,
            }),
            Format::Docx => Box::new(ReportDocx {
                field: Field::embedded(),
                layout,
            }),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// nach Name (ä wie a, ß wie ss)
    Name,
    /// nach Amtlichem Gemeindeschlüssel, Kommunen ohne AGS am Ende
    Ags,
    /// nach Umsetzungsgrad, der höchste zuerst
    Progress,
    /// nach Datum der Bewertung, die neueste zuerst
    Date,
}

impl Sort {
    fn order(sort: Option<Sort>) -> SortOrder {
        match sort {
            None => SortOrder::Given,
            Some(Sort::Name) => SortOrder::Name,
            Some(Sort::Ags) => SortOrder::Ags,
            Some(Sort::Progress) => SortOrder::Progress,
            Some(Sort::Date) => SortOrder::Date,
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
    if args.per.is_some() && args.format != Format::Csv {
        anyhow::bail!(msg::PER_ONLY_FOR_CSV);
    }
    let destination = Destination::choose(args.output.as_deref())?;
    let layout = Layout {
        screen: destination.screen(),
        show_files: args.show_files,
    };
    let renderer = args.format.renderer(
        layout,
        match args.per {
            Some(Per::Kommune) => CsvRows::Kommune,
            Some(Per::Item) | None => CsvRows::Item,
        },
    );
    destination.accept(renderer.kind())?;
    let files = crate::cli::input::files(&args.files)?;
    let single = files.len() == 1;
    // The documents of a district draw the cooperation network: of each
    // Kommune its name and partners are kept (see `kin network`); not for
    // more Kommunen than a page can show, where the document points to
    // `kin network` instead.
    let collector = (!single
        && files.len() <= NETWORK_PICTURE_NODES
        && matches!(args.format, Format::Html | Format::Docx))
    .then(|| MemberCollector::new(field));
    let mut members = Vec::new();
    let no_places = BTreeMap::new();
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
            let row = KommuneRow::of(&report, today);
            let member = collector
                .as_ref()
                .map(|c| c.member(&name, assessment, &no_places));
            let valid = Some((row, piece, single.then_some(report), member));
            Ok((name, file.loaded.findings, valid))
        },
        // In order: findings to stderr, rows to the district, pieces to the spool.
        |chunk| -> io::Result<()> {
            for kept in chunk {
                let (name, findings, valid) = kept?;
                match valid {
                    Some((row, piece, report, member)) => {
                        print_findings(&name, &findings);
                        if invalid == 0 || args.skip_invalid {
                            district.add(row);
                            members.extend(member);
                            spool.push(piece)?;
                            one = one.take().or(report);
                        }
                    }
                    None if args.skip_invalid => {
                        let first = findings
                            .into_iter()
                            .find(|f| f.is_error())
                            .expect("a file without an assessment has an error");
                        eprintln!("{}", msg::skipped_file(&finding_line(&name, &first)));
                        district.skip(name, first);
                    }
                    None => {
                        print_findings(&name, &findings);
                        invalid += 1;
                    }
                }
            }
            Ok(())
        },
    )?;
    if invalid > 0 {
        anyhow::bail!(msg::invalid_input(invalid));
    }
    let order = district.finish(today, args.max_age, Sort::order(args.sort));
    warn_about_duplicates(&district);
    let network = collector
        .is_some()
        .then(|| Network::build(members, &Aliases::default(), field));
    let overview = Overview {
        single: one.as_ref().filter(|_| district.skipped.is_empty()),
        district: &district,
        network: network.as_ref(),
    };
    let mut pieces = SpooledPieces {
        spool: &mut spool,
        order,
    };
    destination.write(|out| renderer.finish(&overview, &mut pieces, out))?;
    if district.skipped.is_empty() {
        Ok(Outcome::Success)
    } else {
        eprintln!(
            "{}{}",
            msg::REPORT_WARNING_PREFIX,
            msg::skipped_summary(district.skipped.len())
        );
        Ok(Outcome::Problems)
    }
}

/// Names each Kommune that appears more than once on stderr, once.
fn warn_about_duplicates(district: &District) {
    for note in duplicate_notes(district, str::to_owned) {
        eprintln!("{}{note}", msg::REPORT_WARNING_PREFIX);
    }
}

/// The spooled pieces, in report order.
struct SpooledPieces<'a> {
    spool: &'a mut Spool,
    /// For each row of the report, the index of its piece.
    order: Vec<usize>,
}

impl Pieces for SpooledPieces<'_> {
    fn each(&mut self, each: &mut dyn FnMut(usize, &[u8]) -> io::Result<()>) -> io::Result<()> {
        let mut buffer = Vec::new();
        for (row, &piece) in self.order.iter().enumerate() {
            each(row, self.spool.piece(piece, &mut buffer)?)?;
        }
        Ok(())
    }
}
