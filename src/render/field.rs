//! `kin field` output: the field definition as readable text, as the
//! embedded TOML, or as JSON; each format a [`FieldRenderer`].

use crate::domain::field::{FIELD_TOML, Field};
use crate::messages as msg;
use crate::render::OutputKind;
use std::io::{self, Write};

/// One output format of `kin field`.
pub trait FieldRenderer {
    fn kind(&self) -> OutputKind {
        OutputKind::Text
    }

    fn render(&self, field: &Field, out: &mut dyn Write) -> io::Result<()>;
}

/// Readable text for the terminal.
pub struct FieldText;

impl FieldRenderer for FieldText {
    fn render(&self, field: &Field, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render_text(field).as_bytes())
    }
}

/// The embedded definition as it is (TOML).
pub struct FieldToml;

impl FieldRenderer for FieldToml {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn render(&self, _field: &Field, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(FIELD_TOML.as_bytes())
    }
}

/// The definition as JSON.
pub struct FieldJson;

impl FieldRenderer for FieldJson {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn render(&self, field: &Field, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(crate::render::json::to_json(field).as_bytes())
    }
}

/// Title, Leitsatz, summary, questions, and categories with their
/// suggestions, each with its id so people can use them in files and `kin set`.
fn render_text(field: &Field) -> String {
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
