//! What kin knows about, free of I/O: the field of action, an assessment of
//! it, findings, figures, overdue items, policy gates, edits, reports, diffs
//! and the cooperation network.

pub mod assessment;
pub mod date;
pub mod diff;
pub mod district;
pub mod edit;
pub mod field;
pub mod figures;
pub mod finding;
pub mod gates;
pub mod network;
pub mod overdue;
pub mod report;
pub mod status;
