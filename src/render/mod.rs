//! Turning domain values into text for people and scripts. Nothing here
//! reads files or decides exit codes.

pub mod assess_summary;
pub mod diff;
pub mod escape;
pub mod field;
pub mod findings;
pub mod json;
pub mod report;
pub mod screen;
