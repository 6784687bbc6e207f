//! Turning domain values into text for people and scripts. Nothing here
//! reads files or decides exit codes.

pub mod field;
pub mod findings;
pub mod sanitize;
pub mod session_summary;
