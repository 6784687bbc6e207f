//! The CSV form of a report: one row per Kommune and item, made to open
//! correctly in a German Excel by double-click: UTF-8 with byte order mark,
//! `;` as separator, CR LF line ends (docs/report.md).
//!
//! Safe in spreadsheets and on terminals: a cell starting with `=`, `+`, `-`,
//! `@`, tab or CR gets a leading `'` so it is never run as a formula, and
//! control characters become visible escapes.

use super::sheet::{self, Cell};
use super::{Overview, Pieces, ReportRenderer};
use crate::domain::report::AssessmentReport;
use crate::render::OutputKind;
use crate::render::escape::spreadsheet_cell;
use std::io::{self, Write};

/// Makes Excel read the file as UTF-8.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// Which rows the CSV has (`--per`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CsvRows {
    /// One row per Kommune and item.
    #[default]
    Item,
    /// One row per Kommune, with its figures and answers.
    Kommune,
}

/// The CSV format: the byte order mark and the header row, then the rows;
/// files left out (`--skip-invalid`) as rows with only a Hinweis and the
/// file. No totals row.
pub struct ReportCsv {
    pub rows: CsvRows,
}

impl ReportRenderer for ReportCsv {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn kommune(&self, report: &AssessmentReport, piece: &mut Vec<u8>) -> io::Result<()> {
        match self.rows {
            CsvRows::Item => sheet::write_item_cells(report, piece),
            CsvRows::Kommune => Ok(()),
        }
    }

    fn finish(
        &self,
        overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let district = overview.district;
        out.write_all(BYTE_ORDER_MARK.as_bytes())?;
        let mut writer = Writer::new(out);
        match self.rows {
            CsvRows::Item => {
                writer.text_row(&sheet::item_header())?;
                pieces.each(&mut |index, piece| {
                    for cells in sheet::item_rows(&district.kommunen[index], piece) {
                        writer.row(&cells)?;
                    }
                    Ok(())
                })?;
                for skipped in &district.skipped {
                    writer.row(&sheet::skipped_item_cells(skipped))?;
                }
            }
            CsvRows::Kommune => {
                let header = sheet::kommune_header(district);
                writer.text_row(&header)?;
                for row in &district.kommunen {
                    writer.row(&sheet::kommune_cells(row))?;
                }
                for skipped in &district.skipped {
                    writer.row(&sheet::skipped_cells(&header, skipped))?;
                }
            }
        }
        writer.flush()
    }
}

/// Rows as German Excel reads them: `;`, CR LF, quoted where needed.
struct Writer<'a> {
    csv: ::csv::Writer<&'a mut dyn Write>,
}

impl<'a> Writer<'a> {
    fn new(out: &'a mut dyn Write) -> Writer<'a> {
        let csv = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        Writer { csv }
    }

    fn text_row(&mut self, cells: &[String]) -> io::Result<()> {
        self.csv
            .write_record(cells.iter().map(|c| spreadsheet_cell(c)))?;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.csv.write_record(cells.iter().map(text))?;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// A cell as CSV text: dates as `YYYY-MM-DD`, percentages with one decimal
/// and a decimal comma (as German Excel reads numbers).
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => spreadsheet_cell(text),
        Cell::Count(n) => n.to_string(),
        Cell::Percent(Some(p)) => format!("{:.1}", (p * 10.0).round() / 10.0).replace('.', ","),
        Cell::Percent(None) | Cell::Date(None) => String::new(),
        Cell::Date(Some(date)) => date.to_string(),
    }
}
