//! What the integration test binaries share: running the kin binary, the
//! places of fixtures, and a reproducible random number generator. Each
//! binary includes it with `#[path = "../support/mod.rs"] mod support;`.

#![allow(dead_code)]

pub mod random;

use assert_cmd::Command;
use std::path::Path;

/// The kin binary under test.
pub const KIN: &str = env!("CARGO_BIN_EXE_kin");

/// The repository root.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The checked-in example assessments.
pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

/// A file or folder below `tests/fixtures/`.
pub fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(ROOT).join("tests/fixtures").join(path)
}

/// The kin binary as a command to run.
pub fn kin() -> Command {
    Command::new(KIN)
}

/// The kin binary run in `dir`.
pub fn kin_in(dir: impl AsRef<Path>) -> Command {
    let mut kin = kin();
    kin.current_dir(dir);
    kin
}

/// What a finished command wrote to stdout, as text.
pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// What a finished command wrote to stderr, as text.
pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}
