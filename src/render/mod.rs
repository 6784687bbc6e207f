//! Turning domain values into text for people and scripts. Nothing here
//! reads files or decides exit codes.

pub mod diff;
pub mod field;
pub mod findings;
pub mod json;
pub mod report;
pub mod sanitize;
pub mod screen;
pub mod session_summary;
