//! What changed between two assessments: a semantic diff by id rather than by
//! line, in field order, with the direction of every status change.
//!
//! Used by `kin diff` and kin as git's diff driver; the JSON form is
//! documented in `docs/diff-json.md`.

use crate::domain::assessment::{Assessment, ItemState, Kommune, OwnMeasure};
use crate::domain::field::Field;
use crate::domain::figures::{StatusCounts, counts};
use crate::domain::status::Status;
use crate::format::keys::{ItemKey, KommuneKey, OwnKey, TableKey, TopKey};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Whether a status change is progress, following the order
/// unknown < open < planned < in-progress < done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Improvement,
    Regression,
    /// A move to or from not-applicable, which stands outside the order.
    Neutral,
}

impl Direction {
    pub fn of(from: Status, to: Status) -> Direction {
        match (from.progress_rank(), to.progress_rank()) {
            (Some(a), Some(b)) if b > a => Direction::Improvement,
            (Some(a), Some(b)) if b < a => Direction::Regression,
            _ => Direction::Neutral,
        }
    }

    /// The stable JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Improvement => "improvement",
            Direction::Regression => "regression",
            Direction::Neutral => "neutral",
        }
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit<T> {
    pub from: T,
    pub to: T,
}

impl<T: PartialEq> Edit<T> {
    /// The edit, or `None` when nothing changed.
    fn of(from: T, to: T) -> Option<Edit<T>> {
        (from != to).then_some(Edit { from, to })
    }
}

/// A changed list (partners, evidence). Lists are compared as sets: a new
/// order alone is no change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEdit {
    pub from: Vec<String>,
    pub to: Vec<String>,
}

impl ListEdit {
    fn of(from: &[String], to: &[String]) -> Option<ListEdit> {
        let edit = ListEdit {
            from: from.to_vec(),
            to: to.to_vec(),
        };
        (!edit.added().is_empty() || !edit.removed().is_empty()).then_some(edit)
    }

    /// Entries in `to` but not in `from`, in `to` order, each once.
    pub fn added(&self) -> Vec<&str> {
        missing_from(&self.to, &self.from)
    }

    /// Entries in `from` but not in `to`, in `from` order, each once.
    pub fn removed(&self) -> Vec<&str> {
        missing_from(&self.from, &self.to)
    }
}

fn missing_from<'a>(list: &'a [String], other: &[String]) -> Vec<&'a str> {
    let other: HashSet<&str> = other.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    list.iter()
        .map(String::as_str)
        .filter(|e| !other.contains(e) && seen.insert(*e))
        .collect()
}

/// The value of `key` in `kommune`, dates as `JJJJ-MM-TT`.
fn kommune_value(kommune: &Kommune, key: KommuneKey) -> Option<String> {
    match key {
        KommuneKey::Name => Some(kommune.name.clone()),
        KommuneKey::Ags => kommune.ags.clone(),
        KommuneKey::Assessor => kommune.assessor.clone(),
        KommuneKey::Date => Some(kommune.date.to_string()),
    }
}

/// What a change is about. Titles are the field's texts, or an own
/// measure's title in the newer file (the older one when it was removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeTarget {
    /// The `[kommune]` data.
    Kommune,
    /// An entry question.
    Question { id: String, title: String },
    /// A suggestion of the field.
    Suggestion {
        id: String,
        category: String,
        title: String,
    },
    /// One of the Kommune's own measures.
    Own {
        id: String,
        category: String,
        title: String,
    },
}

impl ChangeTarget {
    /// The stable JSON value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ChangeTarget::Kommune => "kommune",
            ChangeTarget::Question { .. } => "question",
            ChangeTarget::Suggestion { .. } => "suggestion",
            ChangeTarget::Own { .. } => "own",
        }
    }

    /// The id of the question, suggestion or own measure; `None` for the Kommune.
    pub fn id(&self) -> Option<&str> {
        match self {
            ChangeTarget::Kommune => None,
            ChangeTarget::Question { id, .. }
            | ChangeTarget::Suggestion { id, .. }
            | ChangeTarget::Own { id, .. } => Some(id),
        }
    }

    pub fn title(&self) -> Option<&str> {
        match self {
            ChangeTarget::Kommune => None,
            ChangeTarget::Question { title, .. }
            | ChangeTarget::Suggestion { title, .. }
            | ChangeTarget::Own { title, .. } => Some(title),
        }
    }

    pub fn category(&self) -> Option<&str> {
        match self {
            ChangeTarget::Suggestion { category, .. } | ChangeTarget::Own { category, .. } => {
                Some(category)
            }
            ChangeTarget::Kommune | ChangeTarget::Question { .. } => None,
        }
    }
}

/// What changed about a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    Status(Edit<Status>),
    Note(Edit<Option<String>>),
    Partners(ListEdit),
    Evidence(ListEdit),
    Responsible(Edit<Option<String>>),
    Due(Edit<Option<Date>>),
    /// The answer to an entry question; `None` means unanswered.
    Answer(Edit<Option<String>>),
    /// An own measure's title.
    Title(Edit<String>),
    /// An own measure moved to another category.
    Category(Edit<String>),
    OwnAdded(OwnMeasure),
    OwnRemoved(OwnMeasure),
    Kommune(KommuneKey, Edit<Option<String>>),
}

impl ChangeKind {
    /// The stable JSON value of `kind`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ChangeKind::Status(_) => ItemKey::Status.as_str(),
            ChangeKind::Note(_) => ItemKey::Note.as_str(),
            ChangeKind::Partners(_) => ItemKey::Partners.as_str(),
            ChangeKind::Evidence(_) => ItemKey::Evidence.as_str(),
            ChangeKind::Responsible(_) => ItemKey::Responsible.as_str(),
            ChangeKind::Due(_) => ItemKey::Due.as_str(),
            ChangeKind::Answer(_) => "answer",
            ChangeKind::Title(_) => OwnKey::Title.as_str(),
            ChangeKind::Category(_) => OwnKey::Category.as_str(),
            ChangeKind::OwnAdded(_) => "own-added",
            ChangeKind::OwnRemoved(_) => "own-removed",
            ChangeKind::Kommune(..) => TopKey::Kommune.as_str(),
        }
    }
}

/// One difference between the two assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub target: ChangeTarget,
    pub kind: ChangeKind,
}

impl Change {
    /// The id named in JSON: the item or question id, or the `[kommune]` key.
    pub fn id(&self) -> &str {
        match (&self.kind, self.target.id()) {
            (ChangeKind::Kommune(key, _), _) => key.as_str(),
            (_, Some(id)) => id,
            (_, None) => "",
        }
    }

    /// The direction of a status change; `None` for other changes.
    pub fn direction(&self) -> Option<Direction> {
        match &self.kind {
            ChangeKind::Status(edit) => Some(Direction::of(edit.from, edit.to)),
            _ => None,
        }
    }

    pub fn is_regression(&self) -> bool {
        self.direction() == Some(Direction::Regression)
    }
}

/// The changes about one target, as people read them together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeGroup<'a> {
    pub target: &'a ChangeTarget,
    pub changes: &'a [Change],
}

impl ChangeGroup<'_> {
    /// The direction of the target's status change, if its status changed.
    pub fn direction(&self) -> Option<Direction> {
        self.changes.iter().find_map(Change::direction)
    }
}

/// Everything that differs between two assessments, plus the figures and
/// facts a reader needs around it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentDiff {
    /// In field order: Kommune data, answers, then category by category each
    /// suggestion and own measure (each item's changes together).
    pub changes: Vec<Change>,
    pub old_counts: StatusCounts,
    pub new_counts: StatusCounts,
    /// False when the files are about two different Kommunen (peers compared).
    pub same_kommune: bool,
    /// The field versions the files were made with.
    pub field_versions: Edit<String>,
}

impl AssessmentDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether any status went backwards.
    pub fn has_regression(&self) -> bool {
        self.changes.iter().any(Change::is_regression)
    }

    pub fn same_field_version(&self) -> bool {
        self.field_versions.from == self.field_versions.to
    }

    /// How many status changes went in `direction`.
    pub fn count(&self, direction: Direction) -> usize {
        self.changes
            .iter()
            .filter(|c| c.direction() == Some(direction))
            .count()
    }

    /// The changes grouped by target, in order.
    pub fn groups(&self) -> Vec<ChangeGroup<'_>> {
        self.changes
            .chunk_by(|a, b| a.target == b.target)
            .map(|changes| ChangeGroup {
                target: &changes[0].target,
                changes,
            })
            .collect()
    }
}

/// Compares two assessments of `field`. `diff(a, a)` has no changes.
pub fn diff(old: &Assessment, new: &Assessment, field: &Field) -> AssessmentDiff {
    let mut changes = Vec::new();
    for &key in KommuneKey::ALL {
        let (from, to) = (
            kommune_value(&old.kommune, key),
            kommune_value(&new.kommune, key),
        );
        if let Some(edit) = Edit::of(from, to) {
            changes.push(Change {
                target: ChangeTarget::Kommune,
                kind: ChangeKind::Kommune(key, edit),
            });
        }
    }
    for question in &field.questions {
        let answer = |a: &Assessment| a.answers.get(&question.id).cloned();
        if let Some(edit) = Edit::of(answer(old), answer(new)) {
            changes.push(Change {
                target: ChangeTarget::Question {
                    id: question.id.clone(),
                    title: question.text.clone(),
                },
                kind: ChangeKind::Answer(edit),
            });
        }
    }
    let (old_own, new_own) = (own_by_id(old), own_by_id(new));
    for category in &field.categories {
        for suggestion in &category.suggestions {
            let target = ChangeTarget::Suggestion {
                id: suggestion.id.clone(),
                category: category.id.clone(),
                title: suggestion.text.clone(),
            };
            let (from, to) = (
                old.suggestion(&suggestion.id),
                new.suggestion(&suggestion.id),
            );
            push_item_changes(&mut changes, &target, &from, &to);
        }
        for measure in new.own.iter().filter(|m| m.category == category.id) {
            let target = own_target(measure);
            match old_own.get(measure.id.as_str()) {
                Some(before) => {
                    if let Some(edit) = Edit::of(before.title.clone(), measure.title.clone()) {
                        changes.push(change(&target, ChangeKind::Title(edit)));
                    }
                    if let Some(edit) = Edit::of(before.category.clone(), measure.category.clone())
                    {
                        changes.push(change(&target, ChangeKind::Category(edit)));
                    }
                    push_item_changes(&mut changes, &target, &before.state, &measure.state);
                }
                None => changes.push(change(&target, ChangeKind::OwnAdded(measure.clone()))),
            }
        }
        let removed = old
            .own
            .iter()
            .filter(|m| m.category == category.id && !new_own.contains_key(m.id.as_str()));
        for measure in removed {
            changes.push(change(
                &own_target(measure),
                ChangeKind::OwnRemoved(measure.clone()),
            ));
        }
    }
    AssessmentDiff {
        changes,
        old_counts: counts(old, field),
        new_counts: counts(new, field),
        same_kommune: same_kommune(&old.kommune, &new.kommune),
        field_versions: Edit {
            from: old.field_version.clone(),
            to: new.field_version.clone(),
        },
    }
}

fn own_by_id(assessment: &Assessment) -> HashMap<&str, &OwnMeasure> {
    assessment.own.iter().map(|m| (m.id.as_str(), m)).collect()
}

fn own_target(measure: &OwnMeasure) -> ChangeTarget {
    ChangeTarget::Own {
        id: measure.id.clone(),
        category: measure.category.clone(),
        title: measure.title.clone(),
    }
}

fn change(target: &ChangeTarget, kind: ChangeKind) -> Change {
    Change {
        target: target.clone(),
        kind,
    }
}

/// Pushes the differences of one suggestion or own measure, in file key order.
fn push_item_changes(
    changes: &mut Vec<Change>,
    target: &ChangeTarget,
    old: &ItemState,
    new: &ItemState,
) {
    let kinds = [
        Edit::of(old.status, new.status).map(ChangeKind::Status),
        Edit::of(old.note.clone(), new.note.clone()).map(ChangeKind::Note),
        ListEdit::of(&old.partners, &new.partners).map(ChangeKind::Partners),
        ListEdit::of(&old.evidence, &new.evidence).map(ChangeKind::Evidence),
        Edit::of(old.responsible.clone(), new.responsible.clone()).map(ChangeKind::Responsible),
        Edit::of(old.due, new.due).map(ChangeKind::Due),
    ];
    changes.extend(kinds.into_iter().flatten().map(|kind| change(target, kind)));
}

/// Whether two `[kommune]` tables describe the same Kommune: by
/// Gemeindeschlüssel when both have one, otherwise by name (ignoring case
/// and spacing), so a renamed Kommune with the same AGS stays the same.
pub fn same_kommune(a: &Kommune, b: &Kommune) -> bool {
    match (&a.ags, &b.ags) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let normal = |name: &str| name.split_whitespace().collect::<Vec<_>>().join(" ");
            normal(&a.name).to_lowercase() == normal(&b.name).to_lowercase()
        }
    }
}

/// The stand-in for a side that does not exist (a file added or deleted in
/// git): the same Kommune and field version with nothing recorded, so that
/// everything the other side records shows as added or removed.
pub fn nothing_recorded_like(other: &Assessment) -> Assessment {
    Assessment {
        answers: Default::default(),
        suggestions: Default::default(),
        own: Vec::new(),
        ..other.clone()
    }
}

#[cfg(test)]
mod tests;
