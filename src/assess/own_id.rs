//! Ids for own measures added in a walk-through, made from their title:
//! "Gemeinsame Klärschlammverwertung" becomes `gemeinsame-klaerschlammverwertung`.
//! An id never changes after it was given, even when the title does, because
//! other files and scripts refer to it.

use crate::domain::assessment::{Assessment, is_kebab_case};
use crate::domain::field::Field;

/// The longest id made from a title (before a `-2` suffix).
const MAX_LEN: usize = 48;
/// The id used when a title has no letters or digits.
const FALLBACK: &str = "eigene-massnahme";

/// A new own-measure id for `title`, unique among the suggestions of `field`
/// and the own measures of `assessment`.
pub fn new_own_id(title: &str, field: &Field, assessment: &Assessment) -> String {
    let base = slug(title);
    let taken = |id: &str| field.suggestion(id).is_some() || assessment.own_measure(id).is_some();
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    debug_assert!(is_kebab_case(&id), "{id}");
    id
}

/// Lowercase ASCII letters and digits joined by single dashes.
fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let replacement = match c {
            'a'..='z' | '0'..='9' => {
                slug.push(c);
                continue;
            }
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' => "c",
            _ => "-",
        };
        slug.push_str(replacement);
    }
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut len = words.iter().map(|w| w.len() + 1).sum::<usize>();
    while len > MAX_LEN + 1 && words.len() > 1 {
        len -= words.pop().map_or(0, |w| w.len() + 1);
    }
    let mut joined = words.join("-");
    joined.truncate(MAX_LEN);
    let joined = joined.trim_end_matches('-').to_owned();
    if joined.is_empty() {
        FALLBACK.to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::ItemState;
    use crate::test_support::sample;

    #[test]
    fn slugs_are_kebab_case() {
        assert_eq!(
            slug("Gemeinsame Klärschlammverwertung"),
            "gemeinsame-klaerschlammverwertung"
        );
        assert_eq!(
            slug("  Bürgerbus (Linie 3) – Süd!"),
            "buergerbus-linie-3-sued"
        );
        assert_eq!(slug("€€€"), FALLBACK);
        let long = slug(&"Wort ".repeat(30));
        assert!(long.len() <= MAX_LEN && is_kebab_case(&long), "{long}");
        assert!(is_kebab_case(&slug(&"x".repeat(100))));
    }

    #[test]
    fn ids_are_unique() {
        let field = Field::embedded();
        let a = sample("M").build();
        assert_eq!(
            new_own_id("Wirtschaft Förderung", field, &a),
            "wirtschaft-foerderung-2",
            "suggestion ids are taken"
        );
        let a = sample("M")
            .own("bus", "konzepte", "Bus", ItemState::default())
            .build();
        assert_eq!(new_own_id("Bus", field, &a), "bus-2");
    }
}
