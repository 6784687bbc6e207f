//! Any bytes through `kin check`'s path: load and validate, render the
//! findings, save and reload whatever loads. See fuzz/invariants.rs.

#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    invariants::check_any_bytes(data, kin::domain::field::Field::embedded());
});
