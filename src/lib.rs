//! kin: a checklist for the field of action "Interkommunale Zusammenarbeit"
//! of Baden-Württemberg's Kommunale Initiative Nachhaltigkeit.
//!
//! The domain modules ([`field`], [`assessment`], [`load`], [`document`], …)
//! do no terminal or file I/O; [`render`] turns their values into text;
//! [`commands`] wires them to the command line. Output goes through
//! [`output`], never `print!`.

#![deny(clippy::print_stdout)]

pub mod assessment;
pub mod atomic_write;
pub mod commands;
pub mod diff;
pub mod document;
pub mod exit;
pub mod field;
pub mod files;
pub mod finding;
pub mod gates;
pub mod load;
pub mod messages;
pub mod output;
pub mod render;
pub mod report;
pub mod status;
pub mod summary;
