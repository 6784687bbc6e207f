//! The rows of the spreadsheet formats (CSV and the Excel workbook), defined
//! once as typed cells: one row per Kommune, and one row per Kommune and
//! item. CSV writes the cells as text, the workbook as typed cells.
//!
//! An item row is made in two halves: the item's own cells while its file is
//! read ([`write_item_cells`], the format's piece), and the Kommune's cells
//! (name, AGS, marks, …) when the report is complete ([`item_rows`]), since
//! marks such as „doppelt“ are only known then.

use crate::domain::district::{District, KommuneRow, SkippedFile};
use crate::domain::report::{AssessmentReport, ItemReport};
use crate::messages as msg;
use crate::render::escape::file_name;
use crate::render::findings::finding_line;
use jiff::civil::Date;
use std::io::{self, Write};

/// A cell of a spreadsheet row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    /// A percentage (0–100); empty when not defined.
    Percent(Option<f64>),
    /// A date; empty when there is none.
    Date(Option<Date>),
}

impl Cell {
    fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }
}

/// The header of the Kommune rows (CSV `--per kommune`, sheet „Kommunen“).
pub fn kommune_header(district: &District) -> Vec<String> {
    let mut header: Vec<String> = [
        msg::LABEL_KOMMUNE,
        "AGS",
        "Datum",
        msg::LABEL_ASSESSOR,
        "Handlungsfeld-Version",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(
        msg::REPORT_STATUS_ORDER
            .iter()
            .map(|s| msg::status_label(*s).to_owned()),
    );
    header.extend(
        [
            msg::LABEL_TOTAL,
            msg::HEADER_DONE_PERCENT_SHEET,
            msg::HEADER_ASSESSED_PERCENT_SHEET,
            msg::HEADER_OVERDUE,
            msg::LABEL_MARKS,
        ]
        .map(str::to_owned),
    );
    header.extend(district.questions.iter().map(|q| msg::header_answer(q)));
    header.push(msg::LABEL_FILE.to_owned());
    header
}

/// The row of one Kommune, in the order of [`kommune_header`].
pub fn kommune_cells(row: &KommuneRow) -> Vec<Cell> {
    let mut cells = vec![
        Cell::text(&row.kommune),
        Cell::text(row.ags.clone().unwrap_or_default()),
        Cell::Date(Some(row.date)),
        Cell::text(row.assessor.clone().unwrap_or_default()),
        Cell::text(&row.field_version),
    ];
    cells.extend(
        msg::REPORT_STATUS_ORDER
            .iter()
            .map(|s| Cell::Count(row.counts.get(*s))),
    );
    cells.extend([
        Cell::Count(row.counts.total()),
        Cell::Percent(row.done_percent()),
        Cell::Percent(row.assessed_percent()),
        Cell::Count(row.overdue),
        Cell::Text(marks(row)),
    ]);
    cells.extend(row.answers.iter().map(Cell::text));
    cells.push(Cell::text(file_name(&row.file)));
    cells
}

/// A row naming a file left out of the report, as wide as `header`: only
/// the Hinweis (its first error) and the file.
pub fn skipped_cells(header: &[String], skipped: &SkippedFile) -> Vec<Cell> {
    header
        .iter()
        .map(|column| match column.as_str() {
            msg::LABEL_MARKS => Cell::Text(msg::skipped_mark(&finding_line(
                &skipped.file,
                &skipped.finding,
            ))),
            msg::LABEL_FILE => Cell::text(file_name(&skipped.file)),
            _ => Cell::text(""),
        })
        .collect()
}

/// The header of the item rows (CSV, sheet „Maßnahmen“); the first 17
/// columns are those of kin's first CSV, in the same order.
pub fn item_header() -> Vec<String> {
    msg::CSV_HEADER.map(str::to_owned).to_vec()
}

/// Writes the item half of the rows of one assessment (the piece of CSV and
/// workbook): per item the cells that do not depend on the whole report.
pub fn write_item_cells(report: &AssessmentReport, out: &mut dyn Write) -> io::Result<()> {
    for item in &report.items {
        let cells = item_cells(item);
        out.write_all(&(cells.len() as u32).to_le_bytes())?;
        for cell in &cells {
            encode(cell, out)?;
        }
    }
    Ok(())
}

/// The rows of one Kommune's items: its piece (see [`write_item_cells`])
/// completed with the Kommune's cells, in the order of [`item_header`].
pub fn item_rows<'a>(row: &'a KommuneRow, piece: &'a [u8]) -> impl Iterator<Item = Vec<Cell>> + 'a {
    let mut rest = piece;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let count = read_u32(&mut rest) as usize;
        let item: Vec<Cell> = (0..count).map(|_| decode(&mut rest)).collect();
        let mut cells = vec![
            Cell::text(&row.kommune),
            Cell::text(row.ags.clone().unwrap_or_default()),
            Cell::Date(Some(row.date)),
            Cell::text(&row.field_version),
        ];
        let mut item = item.into_iter();
        cells.extend(item.by_ref().take(ITEM_CELLS_BEFORE_FILE));
        cells.push(Cell::text(file_name(&row.file)));
        cells.extend(item);
        cells.push(Cell::Text(marks(row)));
        Some(cells)
    })
}

/// A file left out, as an item row.
pub fn skipped_item_cells(skipped: &SkippedFile) -> Vec<Cell> {
    skipped_cells(&item_header(), skipped)
}

/// How many of an item's own cells come before the „Datei“ column.
const ITEM_CELLS_BEFORE_FILE: usize = 12;

fn item_cells(item: &ItemReport) -> Vec<Cell> {
    let kind = if item.own {
        msg::CSV_KIND_OWN
    } else {
        msg::CSV_KIND_SUGGESTION
    };
    vec![
        Cell::text(&item.category_title),
        Cell::text(&item.category),
        Cell::text(&item.id),
        Cell::text(kind),
        Cell::text(&item.title),
        Cell::text(msg::status_label(item.status)),
        Cell::text(item.status.as_str()),
        Cell::Text(list(&item.partners)),
        Cell::text(item.note.clone().unwrap_or_default()),
        Cell::text(item.responsible.clone().unwrap_or_default()),
        Cell::Date(item.due),
        Cell::Text(list(&item.evidence)),
        // After „Datei“:
        Cell::text(if item.overdue { msg::CELL_YES } else { "" }),
    ]
}

/// Partners or evidence in one cell: one entry per line, so entries with
/// commas stay apart; a line break inside an entry becomes a space.
pub fn list(entries: &[String]) -> String {
    entries
        .iter()
        .map(|e| e.replace("\r\n", " ").replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The marks of a Kommune for the Hinweis column.
pub fn marks(row: &KommuneRow) -> String {
    msg::kommune_marks(
        row.placeholder_name,
        !row.duplicates.is_empty(),
        row.stale,
        row.overdue,
    )
}

// A piece is a flat list of cells: per item its cell count (u32, little
// endian), then each cell as a tag byte and its value.

fn encode(cell: &Cell, out: &mut dyn Write) -> io::Result<()> {
    match cell {
        Cell::Text(text) => {
            out.write_all(b"t")?;
            out.write_all(&(text.len() as u32).to_le_bytes())?;
            out.write_all(text.as_bytes())
        }
        Cell::Date(Some(date)) => {
            out.write_all(b"d")?;
            out.write_all(&date.year().to_le_bytes())?;
            out.write_all(&[date.month() as u8, date.day() as u8])
        }
        Cell::Date(None) => out.write_all(b"-"),
        Cell::Count(_) | Cell::Percent(_) => unreachable!("items have no figures"),
    }
}

fn decode(rest: &mut &[u8]) -> Cell {
    let (tag, tail) = rest.split_first().expect("a cell has a tag");
    *rest = tail;
    match tag {
        b't' => {
            let len = read_u32(rest) as usize;
            let (text, tail) = rest.split_at(len);
            *rest = tail;
            Cell::Text(String::from_utf8(text.to_vec()).expect("encoded from a String"))
        }
        b'd' => {
            let year = i16::from_le_bytes([rest[0], rest[1]]);
            let (month, day) = (rest[2] as i8, rest[3] as i8);
            *rest = &rest[4..];
            Cell::Date(Some(
                Date::new(year, month, day).expect("encoded from a Date"),
            ))
        }
        _ => Cell::Date(None),
    }
}

fn read_u32(rest: &mut &[u8]) -> u32 {
    let (bytes, tail) = rest.split_at(4);
    *rest = tail;
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_survive_the_piece() {
        let cells = [
            Cell::text("Grüße; \"zitiert\"\nzweite Zeile"),
            Cell::text(""),
            Cell::Date(Some(jiff::civil::date(2027, 6, 30))),
            Cell::Date(None),
        ];
        let mut piece = (cells.len() as u32).to_le_bytes().to_vec();
        for cell in &cells {
            encode(cell, &mut piece).unwrap();
        }
        let mut rest = piece.as_slice();
        assert_eq!(read_u32(&mut rest), 4);
        let back: Vec<Cell> = (0..4).map(|_| decode(&mut rest)).collect();
        assert_eq!(back, cells);
        assert!(rest.is_empty());
    }

    #[test]
    fn list_entries_stay_apart() {
        let entries = [
            "GR-Beschluss vom 14.03.2019, TOP 5".to_owned(),
            "a\nb".to_owned(),
        ];
        assert_eq!(list(&entries), "GR-Beschluss vom 14.03.2019, TOP 5\na b");
    }
}
