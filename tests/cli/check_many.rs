//! `kin check` over more files than fit in one chunk: output order is the
//! order of the arguments, and text and JSON agree, whatever the chunking.

use crate::support::kin;
use kin::store::batch::CHUNK;
use std::path::{Path, PathBuf};

const VALID: &str = include_str!("../fixtures/check/valid.kin.toml");

/// Writes `count` files; every 97th has an unknown status.
fn write_files(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let path = dir.join(format!("k{i:04}.kin.toml"));
            let text = if i % 97 == 5 {
                VALID.replacen("status = \"done\"", "status = \"fertig\"", 1)
            } else {
                VALID.to_owned()
            };
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

#[test]
fn findings_follow_the_argument_order_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let count = CHUNK * 2 + 37;
    let mut files = write_files(dir.path(), count);
    // Not in name order, to show the order is the arguments', not sorted.
    files.reverse();
    let out = kin()
        .current_dir(dir.path())
        .arg("check")
        .args(files.iter().map(|p| p.file_name().unwrap()))
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let bad: Vec<String> = (0..count)
        .rev()
        .filter(|i| i % 97 == 5)
        .map(|i| format!("k{i:04}.kin.toml"))
        .collect();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), bad.len() + 1, "{stdout}");
    for (line, name) in lines.iter().zip(&bad) {
        assert!(
            line.starts_with(&format!("{name}:")) && line.contains("„fertig“"),
            "{line}"
        );
    }
    assert_eq!(
        *lines.last().unwrap(),
        format!("{count} Dateien geprüft: {} Fehler, 0 Warnungen", bad.len())
    );
}

#[test]
fn json_lists_every_file_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let count = CHUNK + 3;
    let files = write_files(dir.path(), count);
    let out = kin()
        .arg("check")
        .arg("--format=json")
        .args(&files)
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let listed: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(listed, expected);
    assert_eq!(json["summary"]["files"], count);
    assert_eq!(json["summary"]["errors"], 3);
    assert_eq!(json["findings"].as_array().unwrap().len(), 3);
}
