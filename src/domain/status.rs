//! Where a Kommune stands on one item.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The status of a suggestion or own measure. The file values are stable
/// English words; German labels live in [`crate::messages`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not yet assessed (the default).
    #[default]
    Unknown,
    /// Not in place and not planned.
    Open,
    Planned,
    InProgress,
    Done,
    /// Does not apply to this Kommune; stands outside the progress order.
    NotApplicable,
}

impl Status {
    /// Every status, in the order kin lists them.
    pub const ALL: [Status; 6] = [
        Status::Unknown,
        Status::Open,
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::NotApplicable,
    ];

    /// The value written in assessment files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unknown => "unknown",
            Status::Open => "open",
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// Parses a file value; `None` for anything not in [`Status::ALL`].
    pub fn from_file_value(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The file values joined for messages: `unknown, open, …`.
    pub fn allowed_values() -> String {
        Status::ALL.map(Status::as_str).join(", ")
    }

    /// Position in the progress order unknown < open < planned < in-progress < done;
    /// `None` for not-applicable, which stands outside it.
    pub fn progress_rank(self) -> Option<u8> {
        match self {
            Status::Unknown => Some(0),
            Status::Open => Some(1),
            Status::Planned => Some(2),
            Status::InProgress => Some(3),
            Status::Done => Some(4),
            Status::NotApplicable => None,
        }
    }

    /// Whether the item has been assessed at all.
    pub fn is_assessed(self) -> bool {
        self != Status::Unknown
    }

    /// Whether kin asks for partners and evidence for this status (a note it
    /// asks for every status but unknown).
    pub fn has_details(self) -> bool {
        !matches!(self, Status::Unknown | Status::Open)
    }

    /// Whether kin asks for responsible person and due date for this status.
    pub fn has_schedule(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_values_round_trip() {
        for status in Status::ALL {
            assert_eq!(Status::from_file_value(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
        assert_eq!(Status::from_file_value("erledigt"), None);
        assert_eq!(
            Status::allowed_values(),
            "unknown, open, planned, in-progress, done, not-applicable"
        );
    }

    #[test]
    fn not_applicable_is_outside_the_progress_order() {
        assert!(Status::Unknown.progress_rank() < Status::Open.progress_rank());
        assert!(Status::InProgress.progress_rank() < Status::Done.progress_rank());
        assert_eq!(Status::NotApplicable.progress_rank(), None);
    }
}
