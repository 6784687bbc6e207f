//! The CSV form of a report: one row per Kommune and item, made to open
//! correctly in a German Excel by double-click: UTF-8 with byte order mark,
//! `;` as separator, CR LF line ends (docs/report.md).
//!
//! Safe in spreadsheets and on terminals: a cell starting with `=`, `+`, `-`,
//! `@`, tab or CR gets a leading `'` so it is never run as a formula, and
//! control characters become visible escapes.

use super::{Overview, Pieces, ReportRenderer};
use crate::domain::report::{AssessmentReport, ItemReport};
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::escape::multi_line;
use std::io::{self, Write};

/// Makes Excel read the file as UTF-8.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The CSV format: the byte order mark and the header row, then the rows of
/// each assessment as its file is read; it has no totals row.
pub struct ReportCsv;

impl ReportRenderer for ReportCsv {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn kommune(&self, report: &AssessmentReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(rows(report.items.iter().map(|item| row(report, item))).as_bytes())
    }

    fn finish(
        &self,
        _overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let header = rows([msg::CSV_HEADER.map(str::to_owned)]);
        write!(out, "{BYTE_ORDER_MARK}{header}")?;
        pieces.each(&mut |piece| out.write_all(piece))
    }
}

fn rows<const N: usize>(rows: impl IntoIterator<Item = [String; N]>) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for cells in rows {
        writer
            .write_record(cells.iter().map(|c| safe_cell(c)))
            .expect("writing CSV to memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

fn row(a: &AssessmentReport, item: &ItemReport) -> [String; msg::CSV_HEADER.len()] {
    let kind = if item.own {
        msg::CSV_KIND_OWN
    } else {
        msg::CSV_KIND_SUGGESTION
    };
    [
        a.kommune.clone(),
        a.ags.clone().unwrap_or_default(),
        a.date.to_string(),
        a.field_version.clone(),
        item.category_title.clone(),
        item.category.clone(),
        item.id.clone(),
        kind.to_owned(),
        item.title.clone(),
        msg::status_label(item.status).to_owned(),
        item.status.as_str().to_owned(),
        item.partners.join(", "),
        item.note.clone().unwrap_or_default(),
        item.responsible.clone().unwrap_or_default(),
        item.due.map(|d| d.to_string()).unwrap_or_default(),
        item.evidence.join(", "),
        a.file.clone(),
    ]
}

/// A cell as it may go into a spreadsheet and onto a terminal: control
/// characters escaped, and formula starts neutralised with a leading `'`.
pub fn safe_cell(text: &str) -> String {
    let text = multi_line(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for start in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(safe_cell(start), format!("'{start}"));
        }
        assert_eq!(safe_cell("Bauhof = gut"), "Bauhof = gut");
        assert_eq!(safe_cell("08115999"), "08115999");
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(safe_cell("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        // A lone CR is escaped, so nothing starts with CR any more.
        assert_eq!(safe_cell("\rx"), "\\u{d}x");
        assert_eq!(safe_cell("a\r\nb"), "a\nb");
    }
}
