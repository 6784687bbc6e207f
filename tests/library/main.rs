//! In-process tests of the library: loading, walk-throughs with scripted answers, rendering, properties and fuzzing.

mod assess_flow;
mod check_findings;
mod field_seed;
mod fuzz_stable;
mod layers;
mod network;
mod properties;
mod report_render;
#[path = "../support/mod.rs"]
mod support;
