//! The JSON form of a report, a stable interface for scripts (described in
//! docs/report-json.md). Texts are passed on unchanged; every control
//! character in them is written as a `\uXXXX` escape, so the JSON is safe
//! on a terminal too.

use super::{Overview, Pieces, ReportRenderer};
use crate::domain::figures::{StatusCounts, json_percent};
use crate::domain::report::{AssessmentReport, DistrictTotals, ItemReport, SuggestionTotals};
use crate::domain::status::Status;
use crate::render::OutputKind;
use crate::render::json::to_json_indented;
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

    fn kommune(&self, report: &AssessmentReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(to_json_indented(&JsonAssessment::of(report), "    ", true).as_bytes())
    }

    fn finish(
        &self,
        overview: &Overview<'_>,
        pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(b"{\n  \"assessments\": [\n")?;
        let mut first = true;
        pieces.each(&mut |piece| {
            if !first {
                out.write_all(b",\n")?;
            }
            first = false;
            out.write_all(piece)
        })?;
        let totals = to_json_indented(&JsonTotals::of(&overview.district.totals), "  ", false);
        write!(out, "\n  ],\n  \"totals\": {totals}\n}}\n")
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
}

#[derive(Serialize)]
struct JsonTotals<'a> {
    kommunen: usize,
    counts: StatusCounts,
    done_percent: Option<f64>,
    assessed_percent: Option<f64>,
    suggestions: Vec<JsonSuggestionTotals<'a>>,
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
        }
    }
}

impl<'a> JsonTotals<'a> {
    fn of(t: &'a DistrictTotals) -> Self {
        JsonTotals {
            kommunen: t.kommunen,
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
