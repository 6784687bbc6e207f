//! End-to-end tests of `kin assess` in a real pseudo-terminal.

mod assess;
mod binary_output;
#[path = "../support/mod.rs"]
mod support;
