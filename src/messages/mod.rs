//! Every German text kin shows to people, in one place. Machine values (file
//! keys, status values, JSON) stay English and live with the model.
//!
//! To add a language, turn these functions into a trait with one
//! implementation per language; callers already go through this module only.

mod arguments;
mod assess;
mod check;
mod command_line;
mod diff;
mod document;
mod gates;
mod init;
mod lexical;
mod lock;
mod network;
mod output;
mod report;
mod saving;
mod session;
mod set;
mod template;

pub use arguments::*;
pub use assess::*;
pub use check::*;
pub use command_line::*;
pub use diff::*;
pub use document::*;
pub use gates::*;
pub use init::*;
pub use lexical::*;
pub use lock::*;
pub use network::*;
pub use output::*;
pub use report::*;
pub use saving::*;
pub use session::*;
pub use set::*;
pub use template::*;

use crate::domain::status::Status;

/// The German label of a status, as shown in prompts and reports.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Unknown => "unbewertet",
        Status::Open => "offen",
        Status::Planned => "geplant",
        Status::InProgress => "in Umsetzung",
        Status::Done => "umgesetzt",
        Status::NotApplicable => "nicht relevant",
    }
}

/// Quotes a value from a file or an argument for a message, German style,
/// made harmless on one line (see [`crate::render::escape::one_line`]).
pub fn quoted(value: &str) -> String {
    format!("„{}“", crate::render::escape::one_line(value))
}

pub(crate) fn allowed(values: &[&str]) -> String {
    values.join(", ")
}
