//! The JSON form of `kin diff`: `{"old", "new", "changes", "summary"}`, as
//! documented in docs/diff-json.md. Keys and values are stable; the same
//! input gives the same bytes.

use super::{Comparison, Side};
use crate::domain::assessment::OwnMeasure;
use crate::domain::diff::{Change, ChangeKind, Direction, Edit};
use crate::domain::figures::{StatusCounts, json_percent};
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiff<'a> {
    old: Option<JsonSide<'a>>,
    new: Option<JsonSide<'a>>,
    changes: Vec<JsonChange<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    file: &'a str,
    kommune: JsonKommune<'a>,
    field_version: &'a str,
    counts: StatusCounts,
    done_percent: Option<f64>,
    assessed_percent: Option<f64>,
}

#[derive(Serialize)]
struct JsonKommune<'a> {
    name: &'a str,
    ags: Option<&'a str>,
    assessor: Option<&'a str>,
    date: String,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    id: &'a str,
    kind: &'static str,
    target: &'static str,
    category: Option<&'a str>,
    title: Option<&'a str>,
    from: Value<'a>,
    to: Value<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    regression: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    added: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed: Option<Vec<&'a str>>,
}

/// A `from` or `to` value: null, text, a list of texts, or an own measure.
#[derive(Serialize)]
#[serde(untagged)]
enum Value<'a> {
    Null,
    Text(String),
    List(&'a [String]),
    Measure(Box<JsonMeasure<'a>>),
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    id: &'a str,
    category: &'a str,
    title: &'a str,
    status: &'static str,
    note: Option<&'a str>,
    partners: &'a [String],
    evidence: &'a [String],
    responsible: Option<&'a str>,
    due: Option<String>,
}

#[derive(Serialize)]
struct JsonSummary {
    changes: usize,
    improvements: usize,
    regressions: usize,
    neutral: usize,
    same_kommune: bool,
    same_field_version: bool,
    done_percent: JsonEdit,
}

#[derive(Serialize)]
struct JsonEdit {
    from: Option<f64>,
    to: Option<f64>,
}

/// The JSON format of `kin diff`.
pub struct DiffJson;

impl super::DiffRenderer for DiffJson {
    fn kind(&self) -> crate::render::OutputKind {
        crate::render::OutputKind::Data
    }

    fn render(&self, c: &Comparison<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render_json(c).as_bytes())
    }
}

fn render_json(c: &Comparison<'_>) -> String {
    let diff = c.diff;
    let old = json_side(&c.old, diff.old_counts);
    let new = json_side(&c.new, diff.new_counts);
    let summary = JsonSummary {
        changes: diff.changes.len(),
        improvements: diff.count(Direction::Improvement),
        regressions: diff.count(Direction::Regression),
        neutral: diff.count(Direction::Neutral),
        same_kommune: diff.same_kommune,
        same_field_version: diff.same_field_version(),
        done_percent: JsonEdit {
            from: old.as_ref().and_then(|s| s.done_percent),
            to: new.as_ref().and_then(|s| s.done_percent),
        },
    };
    let report = JsonDiff {
        old,
        new,
        changes: diff.changes.iter().map(json_change).collect(),
        summary,
    };
    crate::render::json::to_json(&report)
}

fn json_side<'a>(side: &Side<'a>, counts: StatusCounts) -> Option<JsonSide<'a>> {
    side.assessment.map(|a| JsonSide {
        file: side.label,
        kommune: JsonKommune {
            name: &a.kommune.name,
            ags: a.kommune.ags.as_deref(),
            assessor: a.kommune.assessor.as_deref(),
            date: a.kommune.date.to_string(),
        },
        field_version: &a.field_version,
        counts,
        done_percent: json_percent(counts.done_percent()),
        assessed_percent: json_percent(counts.assessed_percent()),
    })
}

fn json_change(change: &Change) -> JsonChange<'_> {
    let mut json = JsonChange {
        id: change.id(),
        kind: change.kind.as_str(),
        target: change.target.as_str(),
        category: change.target.category(),
        title: change.target.title(),
        from: Value::Null,
        to: Value::Null,
        direction: change.direction().map(Direction::as_str),
        regression: change.direction().map(|d| d == Direction::Regression),
        added: None,
        removed: None,
    };
    (json.from, json.to) = match &change.kind {
        ChangeKind::Status(e) => (
            Value::Text(e.from.as_str().into()),
            Value::Text(e.to.as_str().into()),
        ),
        ChangeKind::Note(e)
        | ChangeKind::Responsible(e)
        | ChangeKind::Answer(e)
        | ChangeKind::Kommune(_, e) => optional_texts(e),
        ChangeKind::Partners(e) | ChangeKind::Evidence(e) => {
            json.added = Some(e.added());
            json.removed = Some(e.removed());
            (Value::List(&e.from), Value::List(&e.to))
        }
        ChangeKind::Due(e) => (date(e.from), date(e.to)),
        ChangeKind::Title(e) | ChangeKind::Category(e) => {
            (Value::Text(e.from.clone()), Value::Text(e.to.clone()))
        }
        ChangeKind::OwnAdded(m) => (Value::Null, measure(m)),
        ChangeKind::OwnRemoved(m) => (measure(m), Value::Null),
    };
    json
}

fn optional_texts(edit: &Edit<Option<String>>) -> (Value<'_>, Value<'_>) {
    let value = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    (value(&edit.from), value(&edit.to))
}

fn date(value: Option<jiff::civil::Date>) -> Value<'static> {
    value.map_or(Value::Null, |d| Value::Text(d.to_string()))
}

fn measure(m: &OwnMeasure) -> Value<'_> {
    Value::Measure(Box::new(JsonMeasure {
        id: &m.id,
        category: &m.category,
        title: &m.title,
        status: m.state.status.as_str(),
        note: m.state.note.as_deref(),
        partners: &m.state.partners,
        evidence: &m.state.evidence,
        responsible: m.state.responsible.as_deref(),
        due: m.state.due.map(|d| d.to_string()),
    }))
}
