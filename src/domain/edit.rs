//! Changing one suggestion, own measure or entry answer without asking
//! (`kin set`), with the checks of the walk-through: known ids, no empty
//! values, no contradicting options. Errors are German messages naming the
//! allowed values.

use crate::domain::assessment::{Assessment, ItemRef, is_valid_ags};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::format::keys::{ItemKey, TableKey};
use crate::messages as msg;
use anyhow::bail;
use jiff::civil::Date;

/// A detail that can be removed from an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemDetail {
    Note,
    Partners,
    Evidence,
    Responsible,
    Due,
}

impl ItemDetail {
    /// The key in the file, also the value of `--clear`.
    pub fn key(self) -> ItemKey {
        match self {
            ItemDetail::Note => ItemKey::Note,
            ItemDetail::Partners => ItemKey::Partners,
            ItemDetail::Evidence => ItemKey::Evidence,
            ItemDetail::Responsible => ItemKey::Responsible,
            ItemDetail::Due => ItemKey::Due,
        }
    }
}

/// What to change on one item; `None`/empty fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemChange {
    pub status: Option<Status>,
    pub note: Option<String>,
    /// Replaces the partners.
    pub partners: Vec<String>,
    /// Adds partners not yet listed.
    pub add_partners: Vec<String>,
    /// Replaces the evidence.
    pub evidence: Vec<String>,
    /// Adds evidence not yet listed.
    pub add_evidence: Vec<String>,
    pub responsible: Option<String>,
    pub due: Option<Date>,
    /// Details to remove.
    pub clear: Vec<ItemDetail>,
}

impl ItemChange {
    pub fn is_empty(&self) -> bool {
        *self == ItemChange::default()
    }

    /// Whether the change sets `detail` (to check against clearing it).
    fn sets(&self, detail: ItemDetail) -> bool {
        match detail {
            ItemDetail::Note => self.note.is_some(),
            ItemDetail::Partners => !self.partners.is_empty() || !self.add_partners.is_empty(),
            ItemDetail::Evidence => !self.evidence.is_empty() || !self.add_evidence.is_empty(),
            ItemDetail::Responsible => self.responsible.is_some(),
            ItemDetail::Due => self.due.is_some(),
        }
    }
}

/// The item `id` names: a suggestion of the field or an own measure.
pub fn find_item(assessment: &Assessment, field: &Field, id: &str) -> anyhow::Result<ItemRef> {
    if field.suggestion(id).is_some() {
        return Ok(ItemRef::Suggestion(id.to_owned()));
    }
    if assessment.own_measure(id).is_some() {
        return Ok(ItemRef::Own(id.to_owned()));
    }
    let mut ids = field.suggestion_ids();
    ids.extend(assessment.own.iter().map(|m| m.id.as_str()));
    bail!(msg::set_unknown_item(id, &ids))
}

/// Applies `change` to the item `id`.
pub fn apply_item_change(
    assessment: &mut Assessment,
    field: &Field,
    id: &str,
    change: &ItemChange,
) -> anyhow::Result<()> {
    if change.is_empty() {
        bail!(msg::SET_NOTHING_TO_CHANGE);
    }
    for detail in &change.clear {
        if change.sets(*detail) {
            bail!(msg::set_clear_conflict(detail.key().as_str()));
        }
    }
    let texts = [
        ("--note", change.note.as_slice()),
        ("--partner", change.partners.as_slice()),
        ("--add-partner", change.add_partners.as_slice()),
        ("--evidence", change.evidence.as_slice()),
        ("--add-evidence", change.add_evidence.as_slice()),
        ("--responsible", change.responsible.as_slice()),
    ];
    for (option, values) in texts {
        if values.iter().any(|v| v.trim().is_empty()) {
            bail!(msg::set_empty_value(option));
        }
    }
    let item = find_item(assessment, field, id)?;
    let mut state = assessment.item_state(&item);
    if let Some(status) = change.status {
        state.status = status;
    }
    if let Some(note) = &change.note {
        state.note = Some(note.clone());
    }
    if !change.partners.is_empty() {
        state.partners.clone_from(&change.partners);
    }
    add_missing(&mut state.partners, &change.add_partners);
    if !change.evidence.is_empty() {
        state.evidence.clone_from(&change.evidence);
    }
    add_missing(&mut state.evidence, &change.add_evidence);
    if let Some(responsible) = &change.responsible {
        state.responsible = Some(responsible.clone());
    }
    if let Some(due) = change.due {
        state.due = Some(due);
    }
    for detail in &change.clear {
        match detail {
            ItemDetail::Note => state.note = None,
            ItemDetail::Partners => state.partners.clear(),
            ItemDetail::Evidence => state.evidence.clear(),
            ItemDetail::Responsible => state.responsible = None,
            ItemDetail::Due => state.due = None,
        }
    }
    assessment.record(&item, &state);
    Ok(())
}

/// New data of the Kommune; `None` fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KommuneChange {
    pub name: Option<String>,
    pub ags: Option<String>,
    pub assessor: Option<String>,
    pub date: Option<Date>,
}

impl KommuneChange {
    pub fn is_empty(&self) -> bool {
        *self == KommuneChange::default()
    }
}

/// Applies `change` to the Kommune's data, checked as `kin assess` checks
/// them: a name and an assessor that are not empty, an AGS of 8 digits.
pub fn apply_kommune_change(
    assessment: &mut Assessment,
    change: &KommuneChange,
) -> anyhow::Result<()> {
    for (option, value) in [
        ("--kommune", &change.name),
        ("--assessor", &change.assessor),
    ] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            bail!(msg::set_empty_value(option));
        }
    }
    if let Some(ags) = &change.ags
        && !is_valid_ags(ags.trim())
    {
        bail!(msg::set_invalid_ags(ags));
    }
    if let Some(name) = &change.name {
        assessment.kommune.name = name.trim().to_owned();
    }
    if let Some(ags) = &change.ags {
        assessment.kommune.ags = Some(ags.trim().to_owned());
    }
    if let Some(assessor) = &change.assessor {
        assessment.kommune.assessor = Some(assessor.trim().to_owned());
    }
    if let Some(date) = change.date {
        assessment.kommune.date = date;
    }
    Ok(())
}

/// Sets the answer to an entry question; an empty text removes it.
pub fn set_answer(
    assessment: &mut Assessment,
    field: &Field,
    question: &str,
    text: &str,
) -> anyhow::Result<()> {
    if field.question(question).is_none() {
        bail!(msg::unknown_question(question, &field.question_ids()));
    }
    if text.trim().is_empty() {
        assessment.answers.remove(question);
    } else {
        assessment
            .answers
            .insert(question.to_owned(), text.to_owned());
    }
    Ok(())
}

fn add_missing(list: &mut Vec<String>, new: &[String]) {
    for item in new {
        if !list.contains(item) {
            list.push(item.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::ItemState;
    use crate::test_support;

    fn sample() -> Assessment {
        let bus = ItemState {
            status: Status::Planned,
            partners: vec!["A".into()],
            ..ItemState::default()
        };
        test_support::sample("M")
            .own("bus", "konzepte", "Bus", bus)
            .build()
    }

    #[test]
    fn changes_suggestions_and_own_measures() {
        let field = Field::embedded();
        let mut a = sample();
        let change = ItemChange {
            status: Some(Status::Done),
            partners: vec!["Nachbarstadt".into()],
            ..ItemChange::default()
        };
        apply_item_change(&mut a, field, "wirtschaft-foerderung", &change).unwrap();
        assert_eq!(
            a.suggestion("wirtschaft-foerderung").partners,
            ["Nachbarstadt"]
        );

        let add = ItemChange {
            add_partners: vec!["A".into(), "B".into()],
            clear: vec![ItemDetail::Due],
            ..ItemChange::default()
        };
        apply_item_change(&mut a, field, "bus", &add).unwrap();
        assert_eq!(a.own_measure("bus").unwrap().state.partners, ["A", "B"]);

        let back_to_unknown = ItemChange {
            status: Some(Status::Unknown),
            clear: vec![ItemDetail::Partners],
            ..ItemChange::default()
        };
        apply_item_change(&mut a, field, "wirtschaft-foerderung", &back_to_unknown).unwrap();
        assert!(!a.suggestions.contains_key("wirtschaft-foerderung"));
    }

    #[test]
    fn refuses_unknown_ids_empty_values_and_contradictions() {
        let field = Field::embedded();
        let mut a = sample();
        let done = ItemChange {
            status: Some(Status::Done),
            ..ItemChange::default()
        };
        let error = apply_item_change(&mut a, field, "gibts-nicht", &done).unwrap_err();
        assert!(
            error.to_string().contains("wirtschaft-foerderung"),
            "{error}"
        );
        assert!(error.to_string().contains("bus"), "{error}");

        let empty = ItemChange {
            note: Some(" ".into()),
            ..ItemChange::default()
        };
        assert!(apply_item_change(&mut a, field, "bus", &empty).is_err());
        let contradiction = ItemChange {
            note: Some("x".into()),
            clear: vec![ItemDetail::Note],
            ..ItemChange::default()
        };
        assert!(apply_item_change(&mut a, field, "bus", &contradiction).is_err());
        assert!(apply_item_change(&mut a, field, "bus", &ItemChange::default()).is_err());
        assert_eq!(a, sample(), "nothing changed");

        assert!(set_answer(&mut a, field, "frage", "x").is_err());
        set_answer(&mut a, field, "synergien-potenzial", "Bauhof").unwrap();
        set_answer(&mut a, field, "synergien-potenzial", "").unwrap();
        assert!(a.answers.is_empty());
    }
}
