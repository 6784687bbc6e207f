//! The embedded field definition carries the source text word for word.

use kin::domain::field::Field;

const SEED: &str = include_str!("../fixtures/seed/interkommunale-zusammenarbeit.txt");

/// The seed's sections: (questions, [(category title, suggestions)]).
fn seed_structure() -> (Vec<&'static str>, Vec<(&'static str, Vec<&'static str>)>) {
    let lines: Vec<&str> = SEED.lines().map(str::trim_end).collect();
    let questions_start = lines
        .iter()
        .position(|l| l.starts_with("Diese Fragen"))
        .unwrap();
    let suggestions_start = lines
        .iter()
        .position(|l| l.starts_with("Betrachten Sie"))
        .unwrap();
    let questions = lines[questions_start + 1..suggestions_start]
        .iter()
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    let mut categories: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in &lines[suggestions_start + 1..] {
        match line.strip_prefix("- ") {
            Some(suggestion) => categories.last_mut().unwrap().1.push(suggestion),
            None if !line.is_empty() => categories.push((line, Vec::new())),
            None => {}
        }
    }
    (questions, categories)
}

#[test]
fn every_question_category_and_suggestion_is_verbatim_and_in_order() {
    let field = Field::embedded();
    let (questions, categories) = seed_structure();
    assert_eq!(questions.len(), 2);
    let field_questions: Vec<&str> = field.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(field_questions, questions);

    assert_eq!(categories.len(), 5);
    assert_eq!(categories.iter().map(|c| c.1.len()).sum::<usize>(), 8);
    for (category, (title, suggestions)) in field.categories.iter().zip(&categories) {
        assert_eq!(category.title, *title);
        let texts: Vec<&str> = category
            .suggestions
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(texts, *suggestions);
    }
}

#[test]
fn headline_texts_are_verbatim() {
    let field = Field::embedded();
    let lines: Vec<&str> = SEED.lines().collect();
    assert_eq!(field.area, lines[0]);
    assert_eq!(field.title, lines[1]);
    let summary_line = lines
        .iter()
        .find(|l| l.starts_with("Kommunen, insbesondere"))
        .unwrap();
    // The one allowed edit: the stray ". ." at the end becomes ".".
    assert_eq!(summary_line.replace(". .", "."), field.summary);
    assert!(lines.contains(&field.leitsatz.as_str()));
    assert!(lines.contains(&field.questions_intro.as_str()));
    assert!(lines.contains(&field.suggestions_intro.as_str()));
    assert!(SEED.contains("Interkommunale Zusammenarbeit"));
}

#[test]
fn the_embedded_copy_of_the_seed_matches_the_shared_source_when_present() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/interkommunale-zusammenarbeit.txt");
    match std::fs::read_to_string(&shared) {
        Ok(text) => assert_eq!(text, SEED, "tests/fixtures/seed is out of date"),
        // A checkout without the shared folder beside it: say so rather than pass silently.
        Err(e) => eprintln!("skipped: {} not readable ({e})", shared.display()),
    }
}
