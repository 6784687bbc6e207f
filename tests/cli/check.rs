//! `kin check` as a process: output lines, JSON, exit codes, many files.

use crate::support::{fixture, kin_in};
use std::path::Path;

#[test]
fn valid_file_passes_with_exit_0() {
    kin_in(fixture("check"))
        .args(["check", "valid.kin.toml"])
        .assert()
        .code(0)
        .stdout("1 Datei geprüft: alles in Ordnung\n");
}

#[test]
fn findings_are_compiler_style_lines_then_a_summary_and_exit_1() {
    let out = kin_in(fixture("check"))
        .args(["check", "valid.kin.toml", "bad.kin.toml"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert!(
        lines[0].starts_with(
            "bad.kin.toml:8:7: error: ungültiger Amtlicher Gemeindeschlüssel „0813699“"
        ),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(
            "bad.kin.toml:24:10: error: unbekannter Status „erledigt“; erlaubt: unknown, open,"
        ),
        "{stdout}"
    );
    assert_eq!(lines[5], "2 Dateien geprüft: 5 Fehler, 0 Warnungen");
}

#[test]
fn warnings_pass_unless_strict() {
    kin_in(fixture("check"))
        .args(["check", "old-version.kin.toml"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "old-version.kin.toml:4:17: warning: erstellt mit Version 0.9",
        ));
    kin_in(fixture("check"))
        .args(["check", "--strict", "old-version.kin.toml"])
        .assert()
        .code(1);
}

/// A missing file is a finding; a folder stands for the assessments in it
/// (tests/cli/arguments.rs).
#[test]
fn a_missing_file_is_a_finding() {
    kin_in(fixture("check"))
        .args(["check", "nope.kin.toml", "valid.kin.toml"])
        .assert()
        .code(1)
        .stdout(
            "nope.kin.toml: error: Datei nicht gefunden\n\
             2 Dateien geprüft: 1 Fehler, 0 Warnungen\n",
        );
}

#[test]
fn json_lists_the_same_findings() {
    let out = kin_in(fixture("check"))
        .args([
            "check",
            "--format",
            "json",
            "bad.kin.toml",
            "valid.kin.toml",
        ])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 2, "errors": 5, "warnings": 0})
    );
    assert_eq!(
        json["files"][0],
        serde_json::json!({"file": "bad.kin.toml", "valid": false, "errors": 5, "warnings": 0})
    );
    assert_eq!(json["files"][1]["valid"], true);
    let first = &json["findings"][0];
    assert_eq!(first["file"], "bad.kin.toml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(8), Some(7))
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "invalid-ags");
}

#[test]
fn not_utf8_file_gets_a_finding_and_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.kin.toml");
    let bytes = b"schema = 1\n[kommune]\nname = \"M\xFCnchen\"\n";
    std::fs::write(&path, bytes).unwrap();
    kin_in(fixture("check"))
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            ":3:10: error: die Datei ist nicht in UTF-8",
        ));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn hundreds_of_files_in_one_call_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/talbach.kin.toml"),
    )
    .unwrap();
    let mut paths = Vec::new();
    for i in 0..300 {
        let path = dir.path().join(format!("k{i:03}.kin.toml"));
        let text = if i % 100 == 7 {
            valid.replace("\"done\"", "\"fertig\"")
        } else {
            valid.clone()
        };
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let out = kin_in(fixture("check"))
        .arg("check")
        .args(&paths)
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let files: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".kin.toml"))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "findings follow the order of the arguments");
    assert!(
        stdout.ends_with("300 Dateien geprüft: 12 Fehler, 0 Warnungen\n"),
        "{stdout}"
    );
}

#[test]
fn usage_errors_exit_2() {
    kin_in(fixture("check")).arg("check").assert().code(2);
    kin_in(fixture("check"))
        .args(["check", "--format", "xml", "valid.kin.toml"])
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn devices_are_refused_and_endless_pipes_cut_off() {
    // /dev/zero never ends: kin does not read devices at all.
    kin_in(fixture("check"))
        .args(["check", "/dev/zero", "/dev/null"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "/dev/zero: error: das ist keine gewöhnliche Datei, sondern ein Gerät",
        ))
        .stdout(predicates::str::contains("/dev/null: error: das ist keine"));
    // A pipe (which kin diff reads) that never ends stops at the size limit.
    let out = std::process::Command::new("bash")
        .args(["-c", "timeout 60 \"$KIN\" diff <(yes) <(yes)"])
        .env("KIN", crate::support::KIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: die Datei ist größer als 8 MiB"),
        "{stderr}"
    );
}
