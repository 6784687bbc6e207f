//! `kin diff` output: text for people, markdown for pull requests and
//! council papers, JSON for scripts (documented in docs/diff-json.md).

pub mod json;
pub mod lines;
pub mod markdown;
mod outline;
pub mod text;

use crate::domain::assessment::Assessment;
use crate::domain::diff::AssessmentDiff;
use crate::domain::field::Field;
use crate::render::OutputKind;
use std::io::{self, Write};

/// One output format of `kin diff`. Adding a format: a file here with a
/// type that implements this, and one arm in `Format::renderer` of
/// `cli/commands/diff/mod.rs`; the structure of a comparison (groups,
/// sections, lines) comes from the shared outline.
pub trait DiffRenderer {
    /// What the output is: text for people says a field-version warning in
    /// its header, data for scripts leaves that to stderr.
    fn kind(&self) -> OutputKind {
        OutputKind::Text
    }

    fn render(&self, comparison: &Comparison<'_>, out: &mut dyn Write) -> io::Result<()>;
}

/// One side of a comparison as shown to the reader.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The file as named in the output: the path given, or `a/PATH` in git.
    pub label: &'a str,
    /// `None` when the file does not exist on this side (added or deleted in git).
    pub assessment: Option<&'a Assessment>,
}

/// Everything the renderers need to show one comparison.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    /// The first line of text and markdown output (file names or git path).
    pub title: &'a str,
    pub old: Side<'a>,
    pub new: Side<'a>,
    pub diff: &'a AssessmentDiff,
    pub field: &'a Field,
}
