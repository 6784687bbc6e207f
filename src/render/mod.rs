//! Turning domain values into text for people and scripts. Nothing here
//! reads files or decides exit codes.

pub mod assess_summary;
pub mod check;
pub mod diff;
pub mod escape;
pub mod field;
pub mod findings;
pub mod json;
pub mod long_table;
pub mod network;
pub mod report;
pub mod screen;
pub mod wrap;

/// What kind of output a format writes; the command line decides from it
/// where the output may go and what goes to stderr instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// Text for people (tables, text, Markdown): may say more, e.g. a
    /// warning in its header.
    Text,
    /// Data for scripts and spreadsheets (JSON, CSV): stdout holds nothing
    /// but the data, so warnings go to stderr.
    Data,
    /// A binary file (a workbook, a document): never written to a terminal.
    Binary,
}
