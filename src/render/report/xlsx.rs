//! The Excel workbook of a report (`--format xlsx`), for a German Excel:
//! sheet „Kommunen“ (one row per Kommune with its figures and answers),
//! „Maßnahmen“ (one row per Kommune and item) and „Matrix“ (Kommunen ×
//! suggestions, status labels on coloured cells). Header rows frozen, an
//! autofilter, set column widths, dates as dates (TT.MM.JJJJ), percentages
//! as numbers with a percent format. Every text is written as a text cell,
//! so nothing in a file can become a formula; AGS stays text with its
//! leading zero. The rows are those of CSV ([`super::sheet`]).
//!
//! The sheets are written in constant-memory mode (row by row, through
//! temporary files), so a workbook over 20,000 files needs little memory.

use super::sheet::{self, Cell};
use super::{Overview, Pieces, ReportRenderer};
use crate::domain::district::District;
use crate::domain::report::AssessmentReport;
use crate::domain::status::Status;
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::escape::multi_line;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::io::{self, Seek, SeekFrom, Write};

/// The workbook format.
pub struct ReportXlsx;

impl ReportRenderer for ReportXlsx {
    fn kind(&self) -> OutputKind {
        OutputKind::Binary
    }

    fn kommune(&self, report: &AssessmentReport, piece: &mut Vec<u8>) -> io::Result<()> {
        sheet::write_item_cells(report, piece)
    }

    fn finish(
        &self,
        overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut workbook = Workbook::new();
        let styles = Styles::new();
        write_kommunen(&mut workbook, overview.district, &styles).map_err(to_io)?;
        write_items(&mut workbook, overview.district, pieces, &styles)?;
        write_matrix(&mut workbook, overview.district, &styles).map_err(to_io)?;
        // The workbook library needs a `Send` writer: a temporary file.
        let mut file = tempfile::tempfile()?;
        workbook.save_to_writer(&mut file).map_err(to_io)?;
        file.seek(SeekFrom::Start(0))?;
        io::copy(&mut file, out)?;
        Ok(())
    }
}

/// The cell formats of the workbook.
struct Styles {
    header: Format,
    text: Format,
    date: Format,
    percent: Format,
    status: [Format; Status::ALL.len()],
}

impl Styles {
    fn new() -> Styles {
        let text = Format::new().set_align(FormatAlign::Top);
        Styles {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E1F2)),
            date: text.clone().set_num_format("dd.mm.yyyy"),
            // Shown as "22,2 %" in a German Excel.
            percent: text.clone().set_num_format("0.0 %"),
            status: Status::ALL.map(|status| {
                let format = text.clone().set_align(FormatAlign::Center);
                match status_fill(status) {
                    Some(fill) => format.set_background_color(Color::RGB(fill)),
                    None => format,
                }
            }),
            text,
        }
    }

    fn status(&self, status: Status) -> &Format {
        let index = Status::ALL
            .iter()
            .position(|s| *s == status)
            .expect("every status is in ALL");
        &self.status[index]
    }
}

/// Fill colours as Excel's own "good / neutral / bad" styles use them.
fn status_fill(status: Status) -> Option<u32> {
    match status {
        Status::Done => Some(0xC6EFCE),
        Status::InProgress => Some(0xDDEBF7),
        Status::Planned => Some(0xFFEB9C),
        Status::Open => Some(0xFFC7CE),
        Status::NotApplicable => Some(0xEDEDED),
        Status::Unknown => None,
    }
}

fn write_kommunen(
    workbook: &mut Workbook,
    district: &District,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let header = sheet::kommune_header(district);
    let sheet = new_sheet(workbook, SHEET_KOMMUNEN, &header, styles)?;
    let mut row = 1;
    for kommune in &district.kommunen {
        write_row(sheet, row, &sheet::kommune_cells(kommune), styles)?;
        row += 1;
    }
    for skipped in &district.skipped {
        write_row(sheet, row, &sheet::skipped_cells(&header, skipped), styles)?;
        row += 1;
    }
    finish_sheet(sheet, &header, row, &kommune_widths(&header))
}

fn write_items(
    workbook: &mut Workbook,
    district: &District,
    pieces: &mut dyn Pieces,
    styles: &Styles,
) -> io::Result<()> {
    let header = sheet::item_header();
    let sheet = new_sheet(workbook, SHEET_ITEMS, &header, styles).map_err(to_io)?;
    let mut row = 1;
    pieces.each(&mut |index, piece| {
        for cells in sheet::item_rows(&district.kommunen[index], piece) {
            write_row(sheet, row, &cells, styles).map_err(to_io)?;
            row += 1;
        }
        Ok(())
    })?;
    for skipped in &district.skipped {
        write_row(sheet, row, &sheet::skipped_item_cells(skipped), styles).map_err(to_io)?;
        row += 1;
    }
    finish_sheet(sheet, &header, row, &ITEM_WIDTHS).map_err(to_io)
}

fn write_matrix(
    workbook: &mut Workbook,
    district: &District,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let mut header = vec![msg::LABEL_KOMMUNE.to_owned(), "AGS".to_owned()];
    header.extend(
        district
            .totals
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                format!(
                    "{} {}: {}",
                    msg::suggestion_code(i),
                    s.category_title,
                    s.title
                )
            }),
    );
    header.extend([
        msg::HEADER_DONE_PERCENT_SHEET.to_owned(),
        msg::LABEL_MARKS.to_owned(),
    ]);
    let sheet = new_sheet(workbook, SHEET_MATRIX, &header, styles)?;
    let mut row = 1;
    for kommune in &district.kommunen {
        sheet.write_string_with_format(row, 0, cell_text(&kommune.kommune), &styles.text)?;
        sheet.write_string_with_format(
            row,
            1,
            cell_text(kommune.ags.as_deref().unwrap_or("")),
            &styles.text,
        )?;
        let mut col = 2;
        for status in &kommune.suggestions {
            sheet.write_string_with_format(
                row,
                col,
                msg::status_label(*status),
                styles.status(*status),
            )?;
            col += 1;
        }
        write_cell(
            sheet,
            row,
            col,
            &Cell::Percent(kommune.done_percent()),
            styles,
        )?;
        write_cell(
            sheet,
            row,
            col + 1,
            &Cell::Text(sheet::marks(kommune)),
            styles,
        )?;
        row += 1;
    }
    let mut widths = vec![24.0, 10.0];
    widths.extend(district.totals.suggestions.iter().map(|_| 14.0));
    widths.extend([14.0, 24.0]);
    finish_sheet(sheet, &header, row, &widths)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

const SHEET_KOMMUNEN: &str = "Kommunen";
const SHEET_ITEMS: &str = "Maßnahmen";
const SHEET_MATRIX: &str = "Matrix";

/// Widths (in characters) of the columns of „Maßnahmen“, in the order of
/// [`sheet::item_header`].
const ITEM_WIDTHS: [f64; 19] = [
    24.0, 10.0, 11.0, 9.0, 22.0, 18.0, 24.0, 16.0, 50.0, 13.0, 12.0, 24.0, 40.0, 18.0, 11.0, 30.0,
    28.0, 10.0, 20.0,
];

/// Widths of the columns of „Kommunen“: by their header.
fn kommune_widths(header: &[String]) -> Vec<f64> {
    header
        .iter()
        .map(|h| match h.as_str() {
            msg::LABEL_KOMMUNE | msg::LABEL_ASSESSOR | msg::LABEL_MARKS | msg::LABEL_FILE => 24.0,
            "AGS" | "Datum" => 11.0,
            h if h.starts_with("Antwort") => 50.0,
            _ => 12.0,
        })
        .collect()
}

/// A new constant-memory sheet with its header row.
fn new_sheet<'a>(
    workbook: &'a mut Workbook,
    name: &str,
    header: &[String],
    styles: &Styles,
) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    for (col, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &styles.header)?;
    }
    Ok(sheet)
}

/// Frozen header row, an autofilter over the rows and the column widths.
fn finish_sheet(
    sheet: &mut Worksheet,
    header: &[String],
    rows: u32,
    widths: &[f64],
) -> Result<(), XlsxError> {
    let last_col = header.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.saturating_sub(1).max(1), last_col)?;
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        write_cell(sheet, row, col as u16, cell, styles)?;
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) if text.is_empty() => {}
        Cell::Text(text) => {
            sheet.write_string_with_format(row, col, cell_text(text), &styles.text)?;
        }
        Cell::Count(n) => {
            sheet.write_number_with_format(row, col, *n as f64, &styles.text)?;
        }
        Cell::Percent(Some(p)) => {
            sheet.write_number_with_format(row, col, p / 100.0, &styles.percent)?;
        }
        Cell::Date(Some(date)) => {
            let date =
                ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
            sheet.write_datetime_with_format(row, col, date, &styles.date)?;
        }
        Cell::Percent(None) | Cell::Date(None) => {}
    }
    Ok(())
}

/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Text from a file as it may go into a cell: control characters as
/// visible escapes (as in every other format), and no longer than Excel
/// allows (cut with "…").
fn cell_text(text: &str) -> String {
    let text = multi_line(text);
    if text.chars().count() <= MAX_CELL_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn to_io(error: XlsxError) -> io::Error {
    match error {
        XlsxError::IoError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}
