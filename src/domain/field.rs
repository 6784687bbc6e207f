//! The embedded field definition ("Handlungsfeld") that assessments refer to.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The TOML source of the embedded field, as shipped in `data/`.
pub const FIELD_TOML: &str = include_str!("../../data/interkommunale-zusammenarbeit.toml");

/// A field of action: its texts, entry questions and suggestion categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub version: String,
    pub area: String,
    pub title: String,
    pub summary: String,
    pub leitsatz: String,
    pub source: String,
    pub sdgs: Vec<u8>,
    pub questions_intro: String,
    pub suggestions_intro: String,
    pub questions: Vec<Question>,
    pub categories: Vec<Category>,
}

/// An entry question, answered in free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
}

/// A group of suggestions, e.g. "Wirtschaft".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub suggestions: Vec<Suggestion>,
}

/// A suggested measure whose status an assessment records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    pub id: String,
    pub text: String,
}

impl Field {
    /// The field compiled into kin. Parsed once; the definition is checked by tests.
    pub fn embedded() -> &'static Field {
        static FIELD: OnceLock<Field> = OnceLock::new();
        FIELD.get_or_init(|| {
            toml::from_str(FIELD_TOML).expect("the embedded field definition is valid TOML")
        })
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The title of the category `id`, e.g. "Wirtschaft".
    pub fn category_title(&self, id: &str) -> Option<&str> {
        self.category(id).map(|c| c.title.as_str())
    }

    /// The suggestion with this id and the category it belongs to.
    pub fn suggestion(&self, id: &str) -> Option<(&Category, &Suggestion)> {
        self.categories
            .iter()
            .find_map(|c| c.suggestions.iter().find(|s| s.id == id).map(|s| (c, s)))
    }

    /// All suggestions in definition order, with their category.
    pub fn suggestions(&self) -> impl Iterator<Item = (&Category, &Suggestion)> {
        self.categories
            .iter()
            .flat_map(|c| c.suggestions.iter().map(move |s| (c, s)))
    }

    pub fn question_ids(&self) -> Vec<&str> {
        self.questions.iter().map(|q| q.id.as_str()).collect()
    }

    pub fn category_ids(&self) -> Vec<&str> {
        self.categories.iter().map(|c| c.id.as_str()).collect()
    }

    pub fn suggestion_ids(&self) -> Vec<&str> {
        self.suggestions().map(|(_, s)| s.id.as_str()).collect()
    }
}

/// Compares dotted version strings such as "1.0" and "1.2" numerically.
/// Returns `None` when either is not made of dot-separated numbers.
pub fn compare_versions(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    fn parts(v: &str) -> Option<Vec<u64>> {
        v.split('.').map(|p| p.parse().ok()).collect()
    }
    let (mut a, mut b) = (parts(a)?, parts(b)?);
    let len = a.len().max(b.len());
    a.resize(len, 0);
    b.resize(len, 0);
    Some(a.cmp(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn embedded_field_has_the_stable_ids() {
        let field = Field::embedded();
        assert_eq!(field.id, "interkommunale-zusammenarbeit");
        assert_eq!(
            field.question_ids(),
            ["kooperationen-bestehend", "synergien-potenzial"]
        );
        assert_eq!(
            field.category_ids(),
            [
                "infrastruktur",
                "wirtschaft",
                "bildung",
                "konzepte",
                "international"
            ]
        );
        assert_eq!(
            field.suggestion_ids(),
            [
                "infrastruktur-zusammenlegung",
                "wirtschaft-foerderung",
                "wirtschaft-gruenderzentrum",
                "bildung-zusammenarbeit",
                "konzepte-nachhaltigkeitsregion",
                "konzepte-energie-klima",
                "konzepte-mobilitaet",
                "international-eine-welt",
            ]
        );
        assert!(field.sdgs.is_empty());
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("1.0", "1.0"), Some(Ordering::Equal));
        assert_eq!(compare_versions("1", "1.0"), Some(Ordering::Equal));
        assert_eq!(compare_versions("0.9", "1.0"), Some(Ordering::Less));
        assert_eq!(compare_versions("1.10", "1.9"), Some(Ordering::Greater));
        assert_eq!(compare_versions("x", "1.0"), None);
    }
}
