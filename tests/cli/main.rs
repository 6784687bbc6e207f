//! Command tests of the kin binary: arguments, output, exit codes, files.

mod arguments;
mod assess;
mod browser;
mod check;
mod check_many;
mod ci_examples;
mod diff;
mod diff_git;
mod district;
mod examples;
mod field;
mod gates;
mod hostile;
mod hostile_names;
mod init;
mod misc;
mod network;
mod output;
mod report;
mod report_document;
mod set;
#[path = "../support/mod.rs"]
mod support;
mod workbook;
