//! `kin report` output: one module per format, each a [`ReportRenderer`].
//! Every format shows one file in full and several files as a district
//! overview.
//!
//! **Adding a format**: a file here with a type that implements
//! [`ReportRenderer`], and one arm in `Format::renderer` of
//! `cli/commands/report.rs`. The format gets the report's structure from
//! the domain ([`AssessmentReport`] for one Kommune in full, [`District`] for
//! the overview) and only decides how it looks; the command line decides
//! where it goes (stdout or `--output FILE`).

pub mod csv;
pub mod document;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sheet;
pub mod table;
pub mod xlsx;

use crate::domain::district::{District, KommuneRow};
use crate::domain::network::Network;
use crate::domain::report::{AssessmentReport, ItemReport, Report};
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::escape::{file_name, one_line};
use crate::render::findings::finding_line;
use std::io::{self, Write};

pub use crate::render::screen::Screen;

/// The text formats write a district overview out whenever this much text
/// has gathered, so that thousands of Kommunen are never held as one text.
const FLUSH_AT: usize = 1 << 16;

/// One output format of `kin report`. A report is written in two steps, so
/// that thousands of files never sit in memory together:
///
/// 1. [`ReportRenderer::kommune`] writes what the format shows of one
///    Kommune in full (a JSON element, the CSV rows). `kin report` calls it
///    for every file as soon as it is read, on all cores, and keeps the
///    pieces (in memory or a temporary file) in report order.
/// 2. [`ReportRenderer::finish`] writes the whole output once every file
///    proved valid: from the [`Overview`] (one row per Kommune and the
///    totals; the one Kommune in full when the report is about one file) and
///    the pieces of step 1, which it places where the format needs them.
pub trait ReportRenderer: Sync {
    /// What the output is, so the command line knows where it may go.
    fn kind(&self) -> OutputKind {
        OutputKind::Text
    }

    /// Writes this format's piece for one Kommune into `piece`; by default
    /// nothing (a format laid out from the [`Overview`] alone).
    fn kommune(&self, _report: &AssessmentReport, _piece: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }

    /// Writes the report.
    fn finish(
        &self,
        overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// What a format lays out at the end of a report.
#[derive(Debug, Clone, Copy)]
pub struct Overview<'a> {
    /// The Kommune in full, when the report is about one file.
    pub single: Option<&'a AssessmentReport>,
    /// Every Kommune as a row, and the totals; also for one file.
    pub district: &'a District,
    /// The cooperation network of the Kommunen, for the formats that show
    /// it (HTML, Word); `None` when it was not collected.
    pub network: Option<&'a Network>,
}

/// How tables and Markdown lay out a report, from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Where tables go: width and colour.
    pub screen: Screen,
    /// `--show-files`: a column with the file of each Kommune.
    pub show_files: bool,
}

/// The pieces [`ReportRenderer::kommune`] wrote, one per Kommune.
pub trait Pieces {
    /// Calls `each` with every piece in report order: the piece of
    /// `district.kommunen[i]` as `each(i, piece)`.
    fn each(&mut self, each: &mut dyn FnMut(usize, &[u8]) -> io::Result<()>) -> io::Result<()>;
}

impl Pieces for Vec<Vec<u8>> {
    fn each(&mut self, each: &mut dyn FnMut(usize, &[u8]) -> io::Result<()>) -> io::Result<()> {
        self.iter()
            .enumerate()
            .try_for_each(|(index, piece)| each(index, piece))
    }
}

/// A whole report in one format, made in memory: for tests and library
/// users. Shows the one Kommune in full when `report` holds one assessment.
pub fn render(renderer: &dyn ReportRenderer, report: &Report) -> Vec<u8> {
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let mut out = Vec::new();
    let result = report
        .assessments
        .iter()
        .try_for_each(|a| {
            let mut piece = Vec::new();
            renderer.kommune(a, &mut piece)?;
            pieces.push(piece);
            Ok(())
        })
        .and_then(|()| {
            let single = match report.assessments.as_slice() {
                [one] => Some(one),
                _ => None,
            };
            let overview = Overview {
                single,
                district: &report.district,
                network: None,
            };
            renderer.finish(&overview, &mut pieces, &mut out)
        });
    result.expect("writing a report to memory cannot fail");
    out
}

/// A Kommune as named in notes: its name and AGS on one line, through
/// `escape`.
fn kommune_label(row: &KommuneRow, escape: fn(&str) -> String) -> String {
    let text = |text: &str| escape(&one_line(text));
    msg::kommune_label(&text(&row.kommune), row.ags.as_deref().map(text).as_deref())
}

/// One sentence for each Kommune that appears more than once: in which
/// files, and which of them counts. Text from files goes through `escape`,
/// on one line; file names are shown as [`file_name`] shows them.
pub fn duplicate_notes(district: &District, escape: fn(&str) -> String) -> Vec<String> {
    let file = |name: &str| escape(&file_name(name));
    let mut notes = Vec::new();
    for row in &district.kommunen {
        if row.counted && !row.duplicates.is_empty() {
            let mut files: Vec<String> = district
                .duplicate_files(row)
                .into_iter()
                .map(file)
                .collect();
            files.push(file(&row.file));
            files.sort();
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            notes.push(msg::note_duplicate(
                &kommune_label(row, escape),
                &files,
                &file(&row.file),
                row.date,
            ));
        }
    }
    notes
}

/// One sentence for each file whose Kommune still has the placeholder name
/// of `kin init`; file names as [`file_name`] shows them, through `escape`.
pub fn placeholder_notes(district: &District, escape: fn(&str) -> String) -> Vec<String> {
    district
        .kommunen
        .iter()
        .filter(|row| row.placeholder_name)
        .map(|row| msg::note_placeholder(&escape(&file_name(&row.file))))
        .collect()
}

/// The Hinweise of a district overview, one sentence each: files whose
/// Kommune has no name yet, Kommunen that appear more than once, veraltete assessments, overdue items, files left
/// out. Text from files goes through `escape`, on one line; file names
/// are shown as [`file_name`] shows them.
fn notes(district: &District, escape: fn(&str) -> String) -> Vec<String> {
    let mut notes = placeholder_notes(district, escape);
    notes.extend(duplicate_notes(district, escape));
    let text = |text: &str| escape(&one_line(text));
    let label = |row: &KommuneRow| kommune_label(row, escape);
    if let Some(max_age) = district.max_age {
        for row in district.kommunen.iter().filter(|r| r.stale) {
            notes.push(msg::note_stale(
                &label(row),
                row.date,
                row.age_days,
                max_age,
            ));
        }
    }
    for row in district.kommunen.iter().filter(|r| r.overdue > 0) {
        notes.push(msg::note_overdue(&label(row), row.overdue, district.today));
    }
    for skipped in &district.skipped {
        let line = finding_line(&skipped.file, &skipped.finding);
        notes.push(msg::skipped_mark(&text(&line)));
    }
    notes
}

/// The extra lines about an item besides note, partners and evidence, for
/// people: who is responsible, and by when (marked when overdue).
fn detail_lines(item: &ItemReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(who) = &item.responsible {
        lines.push(msg::detail_responsible(who));
    }
    if let Some(due) = item.due {
        lines.push(msg::detail_due(due, item.overdue));
    }
    lines
}

/// A report of `count` Kommunen made from the report fixtures in turn, each
/// changed by `edit` (with its index): for tests of long district tables.
#[cfg(test)]
fn large_district(
    count: usize,
    edit: impl Fn(usize, &mut crate::domain::assessment::Assessment),
) -> Report {
    use crate::domain::field::Field;
    let field = Field::embedded();
    let fixtures = [
        include_str!("../../../tests/fixtures/report/musterhausen.kin.toml"),
        include_str!("../../../tests/fixtures/report/beispielheim.kin.toml"),
        include_str!("../../../tests/fixtures/report/bergtal.kin.toml"),
    ];
    let assessments: Vec<(String, _)> = (0..count)
        .map(|i| {
            let loaded = crate::format::read::load(fixtures[i % 3].as_bytes(), field);
            let mut a = loaded.assessment.expect("the fixtures are valid");
            edit(i, &mut a);
            (format!("k{i}.kin.toml"), a)
        })
        .collect();
    Report::build(&assessments, field, jiff::civil::date(2027, 7, 15))
}
