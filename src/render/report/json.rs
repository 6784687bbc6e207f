//! The JSON form of a report, a stable interface for scripts (described in
//! docs/report-json.md). Texts are passed on unchanged; every control
//! character in them is written as a `\uXXXX` escape, so the JSON is safe
//! on a terminal too.

use super::{Overview, Pieces, ReportRenderer};
use crate::domain::district::{District, KommuneRow, SkippedFile};
use crate::domain::figures::{StatusCounts, json_percent};
use crate::domain::report::{AssessmentReport, DistrictTotals, ItemReport, SuggestionTotals};
use crate::domain::status::Status;
use crate::render::OutputKind;
use crate::render::json::{to_json_indented, write_json_object_open};
use jiff::civil::Date;
use serde::Serialize;
use std::io::{self, Write};

/// `{"assessments": [...], "totals": {...}}`, pretty-printed, ending in a
/// newline: each assessment is written as its file is read (an element of
/// the `assessments` array), the totals at the end. Together the pieces give
/// exactly the bytes serde_json's pretty printer gives for the whole report.
pub struct ReportJson;

impl ReportRenderer for ReportJson {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    /// The assessment as an element of the `assessments` array, without
    /// its closing brace: [`ReportRenderer::finish`] adds the marks that
    /// are only known once every file is read.
    fn kommune(&self, report: &AssessmentReport, piece: &mut Vec<u8>) -> io::Result<()> {
        write_json_object_open(&JsonAssessment::of(report), "    ", piece)
    }

    fn finish(
        &self,
        overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let district = overview.district;
        out.write_all(b"{\n  \"assessments\": [\n")?;
        pieces.each(&mut |index, piece| {
            if index > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(piece)?;
            let marks = to_json_indented(
                &JsonMarks::of(district, &district.kommunen[index]),
                "    ",
                false,
            );
            // `{` of the marks' object dropped: its fields continue the element.
            write!(out, ",{}", &marks[1..])
        })?;
        let totals = to_json_indented(&JsonTotals::of(&district.totals), "  ", false);
        let skipped: Vec<JsonSkipped<'_>> = district.skipped.iter().map(JsonSkipped::of).collect();
        let skipped = to_json_indented(&skipped, "  ", false);
        write!(
            out,
            "\n  ],\n  \"totals\": {totals},\n  \"skipped\": {skipped}\n}}\n"
        )
    }
}

/// The fields at the end of each assessment, known once every file is read.
#[derive(Serialize)]
struct JsonMarks<'a> {
    overdue: usize,
    age_days: i64,
    stale: bool,
    duplicate_of: Vec<&'a str>,
    counted: bool,
}

impl<'a> JsonMarks<'a> {
    fn of(district: &'a District, row: &'a KommuneRow) -> Self {
        JsonMarks {
            overdue: row.overdue,
            age_days: row.age_days,
            stale: row.stale,
            duplicate_of: district.duplicate_files(row),
            counted: row.counted,
        }
    }
}

#[derive(Serialize)]
struct JsonSkipped<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    code: &'static str,
    message: &'a str,
}

impl<'a> JsonSkipped<'a> {
    fn of(skipped: &'a SkippedFile) -> Self {
        let finding = &skipped.finding;
        JsonSkipped {
            file: &skipped.file,
            line: finding.position.map(|p| p.line),
            column: finding.position.map(|p| p.column),
            code: finding.code,
            message: &finding.message,
        }
    }
}

#[derive(Serialize)]
struct JsonAssessment<'a> {
    file: &'a str,
    kommune: JsonKommune<'a>,
    date: Date,
    field: &'a str,
    field_version: &'a str,
    counts: StatusCounts,
    done_percent: Option<f64>,
    assessed_percent: Option<f64>,
    answers: Vec<JsonAnswer<'a>>,
    categories: Vec<JsonCategory<'a>>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonKommune<'a> {
    name: &'a str,
    ags: Option<&'a str>,
    assessor: Option<&'a str>,
    placeholder_name: bool,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    id: &'a str,
    question: &'a str,
    answer: &'a str,
}

#[derive(Serialize)]
struct JsonCategory<'a> {
    id: &'a str,
    title: &'a str,
    counts: StatusCounts,
    done_percent: Option<f64>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    category: &'a str,
    title: &'a str,
    status: Status,
    own: bool,
    partners: &'a [String],
    note: Option<&'a str>,
    responsible: Option<&'a str>,
    due: Option<Date>,
    evidence: &'a [String],
    overdue: bool,
}

#[derive(Serialize)]
struct JsonTotals<'a> {
    kommunen: usize,
    counts: StatusCounts,
    done_percent: Option<f64>,
    assessed_percent: Option<f64>,
    suggestions: Vec<JsonSuggestionTotals<'a>>,
    assessments: usize,
}

#[derive(Serialize)]
struct JsonSuggestionTotals<'a> {
    id: &'a str,
    category: &'a str,
    title: &'a str,
    counts: StatusCounts,
}

impl<'a> JsonAssessment<'a> {
    fn of(a: &'a AssessmentReport) -> Self {
        JsonAssessment {
            file: &a.file,
            kommune: JsonKommune {
                name: &a.kommune,
                ags: a.ags.as_deref(),
                assessor: a.assessor.as_deref(),
                placeholder_name: a.placeholder_name,
            },
            date: a.date,
            field: &a.field,
            field_version: &a.field_version,
            counts: a.counts,
            done_percent: json_percent(a.done_percent()),
            assessed_percent: json_percent(a.assessed_percent()),
            answers: a
                .answers
                .iter()
                .map(|q| JsonAnswer {
                    id: &q.id,
                    question: &q.question,
                    answer: &q.answer,
                })
                .collect(),
            categories: a
                .categories
                .iter()
                .map(|c| JsonCategory {
                    id: &c.id,
                    title: &c.title,
                    counts: c.counts,
                    done_percent: json_percent(c.counts.done_percent()),
                })
                .collect(),
            items: a.items.iter().map(JsonItem::of).collect(),
        }
    }
}

impl<'a> JsonItem<'a> {
    fn of(i: &'a ItemReport) -> Self {
        JsonItem {
            id: &i.id,
            category: &i.category,
            title: &i.title,
            status: i.status,
            own: i.own,
            partners: &i.partners,
            note: i.note.as_deref(),
            responsible: i.responsible.as_deref(),
            due: i.due,
            evidence: &i.evidence,
            overdue: i.overdue,
        }
    }
}

impl<'a> JsonTotals<'a> {
    fn of(t: &'a DistrictTotals) -> Self {
        JsonTotals {
            kommunen: t.kommunen,
            assessments: t.assessments,
            counts: t.counts,
            done_percent: json_percent(t.done_percent()),
            assessed_percent: json_percent(t.assessed_percent()),
            suggestions: t
                .suggestions
                .iter()
                .map(|s: &'a SuggestionTotals| JsonSuggestionTotals {
                    id: &s.id,
                    category: &s.category,
                    title: &s.title,
                    counts: s.counts,
                })
                .collect(),
        }
    }
}
