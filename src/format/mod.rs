//! The assessment file format (`docs/assessment-format.md`): reading its
//! bytes into an assessment with findings, and writing TOML that keeps what
//! a person wrote by hand.

pub mod array_edit;
pub mod read;
pub mod sniff;
pub mod write;
