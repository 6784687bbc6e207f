//! The field definition as readable terminal text (`kin field`).

use crate::domain::field::Field;
use crate::messages as msg;

/// Title, Leitsatz, summary, questions, and categories with their
/// suggestions, each with its id so people can use them in files and `kin set`.
pub fn render_text(field: &Field) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n{}\n\n", field.title, field.area));
    out.push_str(&format!(
        "{}\n  {}\n\n",
        msg::LABEL_LEITSATZ,
        field.leitsatz
    ));
    out.push_str(&format!("{}\n  {}\n\n", msg::LABEL_SUMMARY, field.summary));
    out.push_str(&format!("{}\n", msg::LABEL_QUESTIONS));
    for question in &field.questions {
        out.push_str(&format!("  - {}\n    [{}]\n", question.text, question.id));
    }
    out.push('\n');
    out.push_str(&format!("{}\n", msg::LABEL_SUGGESTIONS));
    for category in &field.categories {
        out.push_str(&format!("\n  {} [{}]\n", category.title, category.id));
        for suggestion in &category.suggestions {
            out.push_str(&format!(
                "    - {}\n      [{}]\n",
                suggestion.text, suggestion.id
            ));
        }
    }
    out.push_str(&format!(
        "\n{}: {}\n{}: {}\n",
        msg::LABEL_VERSION,
        field.version,
        msg::LABEL_SOURCE,
        field.source
    ));
    out
}
