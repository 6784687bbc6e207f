//! Every example in examples/ passes `kin check --strict`, so examples never rot.

use crate::support::kin;
use std::path::Path;

#[test]
fn every_example_passes_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".kin.toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "at least two examples");
    kin()
        .arg("check")
        .arg("--strict")
        .args(&files)
        .assert()
        .code(0);
}
