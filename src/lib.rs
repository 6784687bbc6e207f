//! kin: a checklist for the field of action "Interkommunale Zusammenarbeit"
//! of Baden-Württemberg's Kommunale Initiative Nachhaltigkeit.
//!
//! The domain modules ([`field`], [`assessment`], [`load`], [`document`], …)
//! do no terminal or file I/O; [`render`] turns their values into text;
//! [`commands`] wires them to the command line. Output goes through
//! [`output`], never `print!`.

#![deny(clippy::print_stdout)]

pub mod assess;
pub mod assessment;
pub mod assessment_file;
pub mod atomic_write;
pub mod commands;
pub mod date_input;
pub mod diff;
pub mod document;
pub mod exit;
pub mod field;
pub mod files;
pub mod finding;
pub mod gates;
pub mod item_change;
pub mod load;
pub mod lock;
pub mod messages;
pub mod output;
pub mod render;
pub mod report;
pub mod status;
pub mod summary;
pub mod terminal;
