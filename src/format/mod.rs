//! The assessment file format (`docs/assessment-format.md`): its keys,
//! reading its bytes into an assessment with findings, and writing TOML that
//! keeps what a person wrote by hand.
//!
//! - [`keys`]: every key name, one enum per kind of table.
//! - [`lexical`]: checks before parsing (UTF-8, byte order mark, conflict
//!   markers, control characters, what a parser error means).
//! - [`toml_reader`]: reading any TOML file by hand with a finding and a
//!   position for every problem; used by [`read`] and open to other files.
//! - [`read`]: the schema walk from text to an assessment.
//! - [`aliases`]: the alias file of `kin network --aliases`.
//! - [`write`](mod@write): new files and updates that keep comments and layout, with
//!   [`array_edit`] for lists.

pub mod aliases;
pub mod array_edit;
pub mod keys;
pub mod lexical;
pub mod read;
pub mod sniff;
pub mod toml_reader;
pub mod write;
