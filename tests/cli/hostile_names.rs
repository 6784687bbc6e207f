//! A hostile file name and hostile content through every command and
//! format: whatever a file or its name holds, no raw control or invisible
//! formatting character reaches the output, and no output line begins with
//! text that a file or its name chose (a CI system would run it: `::error`
//! for GitHub Actions, `##vso[` for Azure Pipelines).

use crate::support::kin_in;
use std::path::Path;

/// A file name that tries everything: a GitHub workflow command at the
/// start, a line break followed by another, an Azure logging command, a
/// terminal title sequence (ESC … BEL), a tab and a right-to-left override.
const NAME: &str = "::notice::name-start\n::error::name-line\r##vso[task.logissue]x\u{1b}]0;Titel\u{7}\t\u{202e}lmth.kin.toml";

/// How lines injected by the file name would begin.
const INJECTED: [&str; 4] = [
    "::notice::name",
    "::error::name",
    "##vso[task.logissue]",
    "\u{1b}",
];

/// An assessment whose texts try the same: every text a report or diff
/// shows, and values that end up quoted in findings.
const CONTENT: &str = r#"schema = 1
field = "interkommunale-zusammenarbeit"
field_version = "1.0"

[kommune]
name = "Talbach\n::error::kommune-line\u001b[2J\u202e &#x202E; ##vso[task]x"
ags = "08115999"
date = 2026-11-25
assessor = "Frau \u001b]0;T\u0007 Beispiel\u2028::notice::assessor"

[answers]
kooperationen-bestehend = "Bauhof\r\n::error::answer\u0085\u200b"

[suggestions.wirtschaft-foerderung]
status = "planned"
note = "Notiz\n##vso[task.setvariable]x\u001b[31m & <b>"
partners = ["Nachbar\u202estadt", "::error::partner"]
evidence = ["https://example.org/\u0007"]
responsible = "Amt\u009b2J"
due = 2027-06-30

[[own]]
id = "bauhof"
category = "infrastruktur"
title = "Bauhof\n::error::own-title\u2066"
status = "done"
"#;

/// `CONTENT` with findings: a key and an AGS that hold ESC and a line break.
const INVALID: &str = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\
    \"x\\u001b[2J\\n::error::key\" = 1\n[kommune]\nname = \"T\"\nags = \"\\u001b]0;T\\u0007\\n::error::ags\"\ndate = 2026-01-01\n\
    [suggestions.wirtschaft-foerderung]\nstatus = \"\\u001b[2J\\n::error::status\"\n";

/// Fails unless `output` is harmless: no raw control character but line
/// breaks, no invisible formatting character, no line beginning with what
/// the file name injects. (Lines of a multi-line text from a file, such as
/// a note, are content: they may begin a line, harmless as they are.)
fn assert_harmless(what: &str, output: &[u8]) {
    // CSV lines end in CR LF, as Excel wants them.
    let text = String::from_utf8_lossy(output).replace("\r\n", "\n");
    for c in text.chars() {
        let hidden = (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!hidden, "{what}: raw {c:?} in\n{text}");
    }
    for line in text.lines() {
        for start in INJECTED {
            assert!(
                !line.trim_start().starts_with(start),
                "{what}: a line begins with {start:?}:\n{line}\n\nin\n{text}"
            );
        }
    }
}

/// Runs kin in `dir` with `args`; both outputs must be harmless.
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = kin_in(dir)
        .args(args)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let what = format!("kin {}", args.join(" "));
    assert_harmless(&format!("{what} (stdout)"), &out.stdout);
    assert_harmless(&format!("{what} (stderr)"), &out.stderr);
    out
}

/// A folder holding the hostile file (valid), a second version of it, and
/// an invalid one with the same kind of name.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(NAME), CONTENT).unwrap();
    let newer = CONTENT
        .replace("status = \"planned\"", "status = \"done\"")
        .replace("Bauhof\\n", "Bauhof neu\\n\\u001b[1m");
    std::fs::write(dir.path().join(format!("2-{NAME}")), newer).unwrap();
    std::fs::write(dir.path().join(format!("{NAME}.invalid.kin.toml")), INVALID).unwrap();
    dir
}

#[test]
#[cfg_attr(
    windows,
    ignore = "Windows file names cannot hold line breaks, colons or control characters"
)]
fn check_in_every_format() {
    let dir = folder();
    let invalid = format!("{NAME}.invalid.kin.toml");
    for format in ["text", "json", "github"] {
        let out = run(dir.path(), &["check", "--format", format, NAME, &invalid]);
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
    // The file name still names the file: JSON keeps it exactly.
    let out = run(dir.path(), &["check", "--format", "json", NAME]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["file"], NAME);
    // A folder, expanded by kin, gives the same names.
    run(dir.path(), &["check", "."]);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "Windows file names cannot hold line breaks, colons or control characters"
)]
fn report_in_every_format() {
    let dir = folder();
    let second = format!("2-{NAME}");
    for format in ["table", "markdown", "json", "csv"] {
        for files in [vec![NAME], vec![NAME, second.as_str()]] {
            let mut args = vec!["report", "--today", "2026-11-25", "--format", format];
            args.extend(&files);
            let out = run(dir.path(), &args);
            assert_eq!(out.status.code(), Some(0), "{format} {files:?}");
        }
    }
    // Markdown shows `&` as text, not as the start of a character reference.
    let out = run(dir.path(), &["report", "--format", "markdown", NAME]);
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(markdown.contains(r"\&\#x202E;"), "{markdown}");
    // Findings of invalid input on stderr, for every format.
    let invalid = format!("{NAME}.invalid.kin.toml");
    for format in ["table", "json", "csv"] {
        let out = run(dir.path(), &["report", "--format", format, NAME, &invalid]);
        assert_eq!(out.status.code(), Some(2), "{format}");
    }
    let out = run(dir.path(), &["report", "--skip-invalid", NAME, &invalid]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "Windows file names cannot hold line breaks, colons or control characters"
)]
fn diff_in_every_format_and_as_git_driver() {
    let dir = folder();
    let second = format!("2-{NAME}");
    for format in ["text", "markdown", "json"] {
        let out = run(dir.path(), &["diff", "--format", format, NAME, &second]);
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
    let invalid = format!("{NAME}.invalid.kin.toml");
    let out = run(dir.path(), &["diff", NAME, &invalid]);
    assert_eq!(out.status.code(), Some(2));
    // As git's diff driver, with an invalid version (the line fallback).
    let hex = "0123456789abcdef0123456789abcdef01234567";
    for new in [second.as_str(), invalid.as_str()] {
        let git = [
            "diff", "--git", NAME, NAME, hex, "100644", new, hex, "100644",
        ];
        run(dir.path(), &git);
    }
    run(dir.path(), &["diff", "--git", NAME]);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "Windows file names cannot hold line breaks, colons or control characters"
)]
fn set_init_and_assess_messages() {
    let dir = folder();
    let out = run(
        dir.path(),
        &["set", NAME, "wirtschaft-foerderung", "--status", "done"],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        dir.path(),
        &["set", NAME, "wirtschaft-foerderung", "--status", "done"],
    );
    assert_eq!(out.status.code(), Some(0), "unchanged");
    // Arguments echoed in errors.
    let hostile_argument = "\u{1b}]0;T\u{7}\n::error::argument";
    let out = run(
        dir.path(),
        &[
            "set",
            NAME,
            "wirtschaft-foerderung",
            "--status",
            hostile_argument,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        dir.path(),
        &["set", NAME, hostile_argument, "--status", "done"],
    );
    assert_eq!(out.status.code(), Some(2));
    let invalid = format!("{NAME}.invalid.kin.toml");
    let out = run(
        dir.path(),
        &["set", &invalid, "wirtschaft-foerderung", "--status", "done"],
    );
    assert_eq!(out.status.code(), Some(2));
    run(
        dir.path(),
        &["check", "--require-complete", hostile_argument],
    );
    run(dir.path(), &["report", "--format", hostile_argument, NAME]);
    run(dir.path(), &[hostile_argument]);

    let new = format!("neu-{NAME}");
    let out = run(dir.path(), &["init", "--kommune", hostile_argument, &new]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(dir.path(), &["init", &new]);
    assert_eq!(out.status.code(), Some(2), "refuses to overwrite");
    // Without a terminal, kin assess explains itself, naming the file.
    let out = run(dir.path(), &["assess", NAME]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lock_file_fields_are_shown_harmlessly() {
    let holder = kin::store::lock::Holder {
        pid: 42,
        host: "host\u{1b}]0;T\u{7}\n::error::host".into(),
        since: "2026-11-25T10:00:00+01:00\u{202e}".into(),
        command: "set\n##vso[task]x".into(),
    };
    let message = kin::messages::lock_held(&kin::render::escape::file_name(NAME), Some(&holder));
    assert_harmless("lock held", message.as_bytes());
    let failed = kin::messages::lock_failed("a.kin.toml", NAME, "kaputt\n::error::cause");
    assert_harmless("lock failed", failed.as_bytes());
}
