//! The assessment of one Kommune against the field: the model behind an
//! assessment file (format described in `docs/assessment-format.md`).

use crate::domain::field::Field;
use crate::domain::status::Status;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The newest assessment file format this kin reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One Kommune's assessment. Missing suggestions mean [`Status::Unknown`] and
/// missing answers mean "": a loaded assessment holds neither empty answers
/// nor suggestions with nothing recorded, so equal content compares equal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub schema: u32,
    pub field: String,
    pub field_version: String,
    pub kommune: Kommune,
    /// Answers to the entry questions, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Recorded state of suggestions, by suggestion id.
    #[serde(default)]
    pub suggestions: BTreeMap<String, ItemState>,
    /// The Kommune's own measures, in file order.
    #[serde(default)]
    pub own: Vec<OwnMeasure>,
}

/// Who was assessed, by whom, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kommune {
    pub name: String,
    /// Amtlicher Gemeindeschlüssel: exactly eight digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ags: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    pub date: Date,
}

impl Kommune {
    /// Whether the name is still the placeholder `kin init` writes when no
    /// name is given: no Kommune is called that.
    pub fn has_placeholder_name(&self) -> bool {
        self.name.trim() == crate::messages::PLACEHOLDER_KOMMUNE
    }
}

/// What is recorded for a suggestion or an own measure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemState {
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Partner Kommunen or bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Links or document references.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

/// A measure the Kommune added itself, filed under one of the field's categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnMeasure {
    /// Unique, lowercase kebab-case.
    pub id: String,
    pub category: String,
    pub title: String,
    #[serde(flatten)]
    pub state: ItemState,
}

impl Assessment {
    /// A fresh assessment of `field` with nothing recorded yet.
    pub fn new(field: &Field, kommune: Kommune) -> Assessment {
        Assessment {
            schema: SCHEMA_VERSION,
            field: field.id.clone(),
            field_version: field.version.clone(),
            kommune,
            answers: BTreeMap::new(),
            suggestions: BTreeMap::new(),
            own: Vec::new(),
        }
    }

    /// The recorded state of a suggestion; unknown when the file has none.
    pub fn suggestion(&self, id: &str) -> ItemState {
        self.suggestions.get(id).cloned().unwrap_or_default()
    }

    /// The status of a suggestion; unknown when the file has none.
    pub fn suggestion_status(&self, id: &str) -> Status {
        self.suggestions
            .get(id)
            .map_or(Status::Unknown, |s| s.status)
    }

    /// The answer to an entry question, or "" when there is none.
    pub fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", String::as_str)
    }

    pub fn own_measure(&self, id: &str) -> Option<&OwnMeasure> {
        self.own.iter().find(|m| m.id == id)
    }

    /// The recorded state of `item` (empty when nothing is recorded).
    pub fn item_state(&self, item: &ItemRef) -> ItemState {
        match item {
            ItemRef::Suggestion(id) => self.suggestion(id),
            ItemRef::Own(id) => self
                .own_measure(id)
                .map(|m| m.state.clone())
                .unwrap_or_default(),
        }
    }

    /// Records `state` for `item`. A suggestion with nothing recorded is
    /// removed, as a loaded assessment never holds one.
    pub fn record(&mut self, item: &ItemRef, state: &ItemState) {
        match item {
            ItemRef::Suggestion(id) if *state == ItemState::default() => {
                self.suggestions.remove(id);
            }
            ItemRef::Suggestion(id) => {
                self.suggestions.insert(id.clone(), state.clone());
            }
            ItemRef::Own(id) => {
                if let Some(measure) = self.own.iter_mut().find(|m| m.id == *id) {
                    measure.state = state.clone();
                }
            }
        }
    }

    /// Every item of the assessment in field order: each category's
    /// suggestions, then its own measures.
    pub fn items<'a>(&'a self, field: &'a Field) -> Vec<Item<'a>> {
        let mut items = Vec::new();
        for category in &field.categories {
            for suggestion in &category.suggestions {
                items.push(Item {
                    id: &suggestion.id,
                    category: &category.id,
                    title: &suggestion.text,
                    own: false,
                    state: self.suggestions.get(&suggestion.id),
                });
            }
            for measure in self.own.iter().filter(|m| m.category == category.id) {
                items.push(Item {
                    id: &measure.id,
                    category: &measure.category,
                    title: &measure.title,
                    own: true,
                    state: Some(&measure.state),
                });
            }
        }
        items
    }
}

/// Which item a question or an edit is about: a suggestion of the field or
/// one of the Kommune's own measures, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemRef {
    Suggestion(String),
    Own(String),
}

/// A suggestion or own measure as seen by summaries and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    pub id: &'a str,
    pub category: &'a str,
    pub title: &'a str,
    pub own: bool,
    /// `None` for a suggestion the file does not mention.
    state: Option<&'a ItemState>,
}

impl<'a> Item<'a> {
    pub fn status(&self) -> Status {
        self.state.map_or(Status::Unknown, |s| s.status)
    }

    /// The recorded state, or an empty one for an unmentioned suggestion.
    pub fn state(&self) -> ItemState {
        self.state.cloned().unwrap_or_default()
    }

    pub fn recorded(&self) -> Option<&'a ItemState> {
        self.state
    }
}

/// A text as kin holds it: every CR LF line break becomes LF (repeatedly, so
/// the result holds no CR LF at all), whatever line ends the file had.
pub fn unify_line_breaks(text: &str) -> String {
    let mut text = text.to_owned();
    while text.contains("\r\n") {
        text = text.replace("\r\n", "\n");
    }
    text
}

/// Whether `id` is lowercase kebab-case: `a-z`, `0-9` and single inner dashes.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `ags` is a valid Amtlicher Gemeindeschlüssel (exactly eight digits).
pub fn is_valid_ags(ags: &str) -> bool {
    ags.len() == 8 && ags.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{sample, state};

    #[test]
    fn line_breaks_are_unified_completely() {
        assert_eq!(unify_line_breaks("a\r\nb"), "a\nb");
        assert_eq!(unify_line_breaks("a\r\r\nb\rc"), "a\nb\rc");
        assert_eq!(unify_line_breaks("ä\n"), "ä\n");
    }

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("gemeinsamer-klaerschlamm"));
        assert!(is_kebab_case("bus2"));
        for bad in ["", "Gross", "a_b", "-a", "a-", "a--b", "ä", "a b"] {
            assert!(!is_kebab_case(bad), "{bad:?}");
        }
    }

    #[test]
    fn ags_is_eight_digits() {
        assert!(is_valid_ags("08115999"));
        for bad in ["", "0811599", "081159990", "0811599x", "０８１１５９９９"] {
            assert!(!is_valid_ags(bad), "{bad:?}");
        }
    }

    #[test]
    fn missing_suggestions_are_unknown_and_items_follow_field_order() {
        let field = Field::embedded();
        let planned = state(Status::Planned);
        let a = sample("Musterhausen")
            .own("klaerschlamm", "infrastruktur", "Klärschlamm", planned)
            .build();
        assert_eq!(
            a.suggestion_status("wirtschaft-foerderung"),
            Status::Unknown
        );
        let items = a.items(field);
        assert_eq!(items.len(), 9);
        assert_eq!(items[1].id, "klaerschlamm");
        assert!(items[1].own);
        assert_eq!(items[1].status(), Status::Planned);
        assert_eq!(items[2].id, "wirtschaft-foerderung");
    }
}
