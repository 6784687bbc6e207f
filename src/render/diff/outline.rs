//! The German description of a diff shared by the text and markdown forms:
//! which groups, which items, which lines. Text from files goes through the
//! caller's `escape`, so each form keeps it harmless in its own way.

use super::Comparison;
use crate::domain::assessment::{Kommune, OwnMeasure};
use crate::domain::diff::{
    Change, ChangeGroup, ChangeKind, ChangeTarget, Direction, Edit, ListEdit,
};
use crate::domain::field::Field;
use crate::domain::figures::format_percent;
use crate::format::keys::KommuneKey;
use crate::messages::{self as msg, status_label};

/// The description of a diff, ready to lay out.
pub struct Outline {
    /// Lines under the title: which Kommune(s), field version warning.
    pub intro: Vec<String>,
    /// Improvements, regressions, other changes; empty groups left out.
    pub groups: Vec<Group>,
    /// The Umsetzungsgrad before and after.
    pub done_percent: String,
}

pub struct Group {
    pub heading: String,
    pub sections: Vec<Section>,
}

/// The changes of one item, question or the Kommune data.
pub struct Section {
    pub title: String,
    /// The id people use in files and commands; `None` for the Kommune data.
    pub id: Option<String>,
    pub lines: Vec<String>,
}

type Escape = fn(&str) -> String;

pub fn outline(c: &Comparison<'_>, escape: Escape) -> Outline {
    let diff = c.diff;
    let mut intro = Vec::new();
    let present = c.new.assessment.or(c.old.assessment);
    if diff.same_kommune {
        if let Some(a) = present {
            intro.push(msg::diff_kommune(&kommune_name(&a.kommune, escape)));
        }
    } else if let (Some(old), Some(new)) = (c.old.assessment, c.new.assessment) {
        intro.push(msg::diff_two_kommunen(
            &kommune_name(&old.kommune, escape),
            &kommune_name(&new.kommune, escape),
        ));
    }
    if !diff.same_field_version() {
        let versions = &diff.field_versions;
        let warning = msg::diff_field_versions(&escape(&versions.from), &escape(&versions.to));
        intro.push(format!("{}{warning}", msg::DIFF_ATTENTION));
    }

    let (mut improvements, mut regressions, mut other) = (Vec::new(), Vec::new(), Vec::new());
    for group in diff.groups() {
        let section = section(&group, c.field, escape);
        match group.direction() {
            Some(Direction::Improvement) => improvements.push(section),
            Some(Direction::Regression) => regressions.push(section),
            _ => other.push(section),
        }
    }
    let groups = [
        (msg::DIFF_IMPROVEMENTS, improvements),
        (msg::DIFF_REGRESSIONS, regressions),
        (msg::DIFF_OTHER, other),
    ]
    .into_iter()
    .filter(|(_, sections)| !sections.is_empty())
    .map(|(title, sections)| Group {
        heading: msg::diff_group_heading(title, sections.len()),
        sections,
    })
    .collect();

    let percent = |side: &super::Side<'_>, counts: &crate::domain::figures::StatusCounts| {
        side.assessment.map_or_else(
            || msg::DIFF_NOTHING.to_owned(),
            |_| format_percent(counts.done_percent()),
        )
    };
    Outline {
        intro,
        groups,
        done_percent: msg::diff_done_percent(
            &percent(&c.old, &diff.old_counts),
            &percent(&c.new, &diff.new_counts),
        ),
    }
}

fn kommune_name(kommune: &Kommune, escape: Escape) -> String {
    msg::diff_kommune_name(&escape(&kommune.name), kommune.ags.as_deref())
}

fn section(group: &ChangeGroup<'_>, field: &Field, escape: Escape) -> Section {
    let title = |t: &str| escape(t);
    let has = |kind: &str| group.changes.iter().any(|c| c.kind.as_str() == kind);
    let (section_title, id) = match group.target {
        ChangeTarget::Kommune => (msg::DIFF_KOMMUNE_DATA.to_owned(), None),
        ChangeTarget::Question { id, title: t } => (msg::diff_question(&title(t)), Some(id)),
        ChangeTarget::Suggestion { id, title: t, .. } => (title(t), Some(id)),
        ChangeTarget::Own { id, title: t, .. } if has("own-added") => {
            (msg::diff_own_added(&title(t)), Some(id))
        }
        ChangeTarget::Own { id, title: t, .. } if has("own-removed") => {
            (msg::diff_own_removed(&title(t)), Some(id))
        }
        ChangeTarget::Own { id, title: t, .. } => (msg::diff_own(&title(t)), Some(id)),
    };
    Section {
        title: section_title,
        id: id.cloned(),
        lines: group
            .changes
            .iter()
            .flat_map(|c| change_lines(c, field, escape))
            .collect(),
    }
}

fn change_lines(change: &Change, field: &Field, escape: Escape) -> Vec<String> {
    let text = |value: &Option<String>| match value {
        Some(v) => msg::diff_quoted(&escape(v)),
        None => msg::DIFF_NOTHING.to_owned(),
    };
    let edit = |label: &str, e: &Edit<Option<String>>| {
        vec![msg::diff_edit(label, &text(&e.from), &text(&e.to))]
    };
    match &change.kind {
        ChangeKind::Status(e) => vec![msg::diff_edit(
            msg::DIFF_STATUS,
            status_label(e.from),
            status_label(e.to),
        )],
        ChangeKind::Note(e) => edit(msg::DIFF_NOTE, e),
        ChangeKind::Partners(e) => list_lines(msg::DIFF_PARTNERS, e, escape),
        ChangeKind::Evidence(e) => list_lines(msg::DIFF_EVIDENCE, e, escape),
        ChangeKind::Responsible(e) => edit(msg::DIFF_RESPONSIBLE, e),
        ChangeKind::Due(e) => vec![msg::diff_edit(
            msg::DIFF_DUE,
            &date(e.from.as_ref()),
            &date(e.to.as_ref()),
        )],
        ChangeKind::Answer(e) => edit(msg::DIFF_ANSWER, e),
        ChangeKind::Title(e) => vec![msg::diff_edit(
            msg::DIFF_TITLE,
            &msg::diff_quoted(&escape(&e.from)),
            &msg::diff_quoted(&escape(&e.to)),
        )],
        ChangeKind::Category(e) => vec![msg::diff_edit(
            msg::DIFF_CATEGORY,
            &category_title(field, &e.from, escape),
            &category_title(field, &e.to, escape),
        )],
        ChangeKind::OwnAdded(m) | ChangeKind::OwnRemoved(m) => measure_lines(m, field, escape),
        ChangeKind::Kommune(key, e) => {
            let label = kommune_label(*key);
            match key {
                KommuneKey::Name | KommuneKey::Assessor => edit(label, e),
                KommuneKey::Ags | KommuneKey::Date => {
                    // Dates as people write them (TT.MM.JJJJ); the diff
                    // itself holds them as in the file.
                    let plain = |v: &Option<String>| match v.as_deref() {
                        None => msg::DIFF_NOTHING.to_owned(),
                        Some(value) => value
                            .parse::<jiff::civil::Date>()
                            .map_or_else(|_| escape(value), msg::german_date),
                    };
                    vec![msg::diff_edit(label, &plain(&e.from), &plain(&e.to))]
                }
            }
        }
    }
}

fn list_lines(label: &str, edit: &ListEdit, escape: Escape) -> Vec<String> {
    let mut lines = Vec::new();
    let added = edit.added();
    if !added.is_empty() {
        lines.push(msg::diff_list_added(label, &quoted_list(&added, escape)));
    }
    let removed = edit.removed();
    if !removed.is_empty() {
        lines.push(msg::diff_list_removed(
            label,
            &quoted_list(&removed, escape),
        ));
    }
    lines
}

fn quoted_list(entries: &[&str], escape: Escape) -> String {
    entries
        .iter()
        .map(|e| msg::diff_quoted(&escape(e)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Everything recorded for an own measure that was added or removed.
fn measure_lines(measure: &OwnMeasure, field: &Field, escape: Escape) -> Vec<String> {
    let state = &measure.state;
    let quoted = |v: &str| msg::diff_quoted(&escape(v));
    let mut lines = vec![
        msg::diff_value(
            msg::DIFF_CATEGORY,
            &category_title(field, &measure.category, escape),
        ),
        msg::diff_value(msg::DIFF_STATUS, status_label(state.status)),
    ];
    if let Some(note) = &state.note {
        lines.push(msg::diff_value(msg::DIFF_NOTE, &quoted(note)));
    }
    if !state.partners.is_empty() {
        let partners: Vec<&str> = state.partners.iter().map(String::as_str).collect();
        lines.push(msg::diff_value(
            msg::DIFF_PARTNERS,
            &quoted_list(&partners, escape),
        ));
    }
    if !state.evidence.is_empty() {
        let evidence: Vec<&str> = state.evidence.iter().map(String::as_str).collect();
        lines.push(msg::diff_value(
            msg::DIFF_EVIDENCE,
            &quoted_list(&evidence, escape),
        ));
    }
    if let Some(responsible) = &state.responsible {
        lines.push(msg::diff_value(msg::DIFF_RESPONSIBLE, &quoted(responsible)));
    }
    if let Some(due) = state.due {
        lines.push(msg::diff_value(msg::DIFF_DUE, &msg::german_date(due)));
    }
    lines
}

fn date(value: Option<&jiff::civil::Date>) -> String {
    value.map_or_else(|| msg::DIFF_NOTHING.to_owned(), |d| msg::german_date(*d))
}

/// The category's title; its id when the field has no such category.
fn category_title(field: &Field, id: &str, escape: Escape) -> String {
    field
        .category_title(id)
        .map_or_else(|| escape(id), str::to_owned)
}

fn kommune_label(key: KommuneKey) -> &'static str {
    match key {
        KommuneKey::Name => msg::DIFF_KOMMUNE_NAME,
        KommuneKey::Ags => msg::DIFF_KOMMUNE_AGS,
        KommuneKey::Assessor => msg::DIFF_KOMMUNE_ASSESSOR,
        KommuneKey::Date => msg::DIFF_KOMMUNE_DATE,
    }
}
