//! Completions, man pages, the CLI definition and output into a closed pipe.

use crate::support::{KIN, kin};
use assert_cmd::Command;
use clap::CommandFactory;
use std::io::Read;
use std::process::Stdio;

#[test]
fn cli_definition_is_consistent() {
    kin::cli::commands::Cli::command().debug_assert();
    kin::cli::command().debug_assert();
}

#[test]
fn help_speaks_german() {
    let out = kin().args(["check", "--help"]).assert().code(0);
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for german in [
        "Aufruf: kin check",
        "Argumente:",
        "Optionen:",
        "<DATEIEN>",
        "Diese Hilfe anzeigen",
    ] {
        assert!(help.contains(german), "{german}: {help}");
    }
    assert!(
        help.contains("Möglich: text = eine Zeile je Befund"),
        "{help}"
    );
    for english in [
        "Usage:",
        "Arguments:",
        "Options:",
        "Print help",
        "ossible values",
        "[default",
    ] {
        assert!(!help.contains(english), "{english}: {help}");
    }
    let out = kin().arg("--help").assert().code(0);
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        help.contains("Befehle:") && help.contains("Version anzeigen"),
        "{help}"
    );
    kin()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("kin "));
}

/// `kin help X` is `kin X --help`; plain `kin` gives a short overview once.
#[test]
fn help_command_and_plain_kin() {
    let stdout = |args: &[&str]| {
        let out = kin().args(args).assert().code(0);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    for command in ["assess", "set", "check", "report", "diff", "help"] {
        assert_eq!(
            stdout(&["help", command]),
            stdout(&[command, "--help"]),
            "{command}"
        );
    }
    assert_eq!(stdout(&["help"]), stdout(&["--help"]));
    kin()
        .args(["help", "bewerten"])
        .assert()
        .code(2)
        .stderr("Fehler: unbekannter Befehl „bewerten“\nMehr dazu: kin --help\n");

    let out = kin().env_remove("CARGO").assert().code(2);
    let overview = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(out.get_output().stdout.is_empty());
    for expected in [
        "Befehle:",
        "  assess ",
        "  report ",
        "Zum Anfangen: kin assess",
    ] {
        assert!(overview.contains(expected), "{expected}: {overview}");
    }
    assert!(!overview.contains("Fehler"), "{overview}");
    assert_eq!(overview.matches("help").count(), 2, "{overview}");
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_kin()"),
        ("zsh", "#compdef kin"),
        ("fish", "complete -c kin"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = kin().args(["completions", shell]).assert().code(0);
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(text.contains(marker), "{shell}: {text}");
        assert!(text.contains("check"), "{shell} completes subcommands");
    }
    kin().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_to_stdout_and_one_per_command_into_a_folder() {
    let out = kin().arg("man").assert().code(0);
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains(".TH kin 1"), "{page}");
    assert!(page.contains("check"));
    let dir = tempfile::tempdir().unwrap();
    kin()
        .arg("man")
        .arg("--dir")
        .arg(dir.path())
        .assert()
        .code(0);
    for name in ["kin.1", "kin-check.1", "kin-init.1", "kin-field.1"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with(".ie"), "{name}");
    }
}

/// Output into a pipe whose reader has gone (`kin help set | head`) ends
/// quietly with exit 0, whichever way the command writes.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    for args in [
        &["completions", "zsh"][..],
        &["help", "set"],
        &["set", "--help"],
        &["field"],
        &["man"],
        &["report", "examples/talbach.kin.toml"],
        &["network", "examples/landkreis-ostertal"],
    ] {
        let mut child = std::process::Command::new(KIN)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away before kin writes
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert_eq!(stderr, "", "{args:?}");
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    kin().arg("frobnicate").assert().code(2);
}

#[test]
fn mistakes_on_the_command_line_are_told_in_german_with_exit_2() {
    for (args, expected) in [
        (
            vec!["frobnicate"],
            "Fehler: unbekannter Befehl „frobnicate“",
        ),
        (
            vec!["check", "--format", "xml", "a"],
            "ungültiger Wert „xml“ für --format <FORMAT>; erlaubt: text, json, github",
        ),
        (
            vec!["init", "--date", "morgen"],
            "„morgen“ ist kein gültiges Datum",
        ),
        (vec!["check"], "Fehler: es fehlt: <DATEIEN>"),
        (
            vec!["check", "--bogus", "a"],
            "Fehler: unbekannte Angabe „--bogus“\nMehr dazu: kin check --help",
        ),
    ] {
        let out = kin().args(&args).assert().code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

/// Help and usage name the program `kin` whatever its file is called
/// (`kin.exe` on Windows, a renamed copy).
#[test]
fn help_names_the_program_kin_whatever_the_file_is_called() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("kin-1.0-windows.exe");
    std::fs::copy(KIN, &renamed).unwrap();
    let out = Command::new(&renamed)
        .args(["check", "--help"])
        .assert()
        .code(0);
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(help.contains("Aufruf: kin check"), "{help}");
    assert!(!help.contains("kin-1.0"), "{help}");
    let out = Command::new(&renamed).arg("chek").assert().code(2);
    let error = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(!error.contains("kin-1.0"), "{error}");
}

/// Every command's help is German: usage lines, value names, the order of
/// arguments; manual pages have German sections and a NAME line that says
/// what kin does (#13 item 6).
#[test]
fn every_help_and_man_page_is_german() {
    let commands = [
        "assess",
        "set",
        "init",
        "check",
        "report",
        "diff",
        "field",
        "completions",
        "man",
        "help",
    ];
    for command in commands {
        for flag in ["-h", "--help"] {
            let out = kin().args([command, flag]).assert().code(0);
            let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
            assert!(help.contains(&format!("Aufruf: kin {command}")), "{help}");
            for english in ["[OPTIONS]", "Usage", "<PATH>", "OLD_FILE", "NEW_HEX"] {
                assert!(
                    !help.contains(english),
                    "{command} {flag}: {english} in\n{help}"
                );
            }
        }
    }
    let out = kin().args(["diff", "-h"]).assert().code(0);
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let (old, new) = (help.find("[ALT]").unwrap(), help.find("[NEU]").unwrap());
    assert!(old < new, "ALT before NEU: {help}");

    let out = kin().arg("man").assert().code(0);
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        page.contains(".SH BEZEICHNUNG\nkin \\- Checkliste"),
        "{page}"
    );
    for english in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        "kin: Checkliste",
    ] {
        assert!(!page.contains(english), "{english}: {page}");
    }
}

/// One German word per concept in every format people read, and dates as
/// TT.MM.JJJJ (#13 item 9).
#[test]
fn one_term_per_concept_and_german_dates() {
    let runs: [&[&str]; 6] = [
        &["report", "tests/fixtures/diff/musterhausen-2025.kin.toml"],
        &[
            "report",
            "--format",
            "markdown",
            "tests/fixtures/diff/musterhausen-2025.kin.toml",
        ],
        &[
            "report",
            "--format",
            "csv",
            "tests/fixtures/diff/musterhausen-2025.kin.toml",
        ],
        &[
            "report",
            "examples/oberhaslach.kin.toml",
            "examples/talbach.kin.toml",
        ],
        &[
            "diff",
            "tests/fixtures/diff/musterhausen-2025.kin.toml",
            "tests/fixtures/diff/musterhausen-2026.kin.toml",
        ],
        &[
            "diff",
            "--format",
            "markdown",
            "tests/fixtures/diff/musterhausen-2025.kin.toml",
            "tests/fixtures/diff/musterhausen-2026.kin.toml",
        ],
    ];
    let iso = regex::Regex::new(r"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b").unwrap();
    for args in runs {
        let out = kin().args(args).assert().code(0);
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        for other in ["Nachweise", "Zuständig", "Stand"] {
            assert!(!text.contains(other), "{args:?}: {other} in\n{text}");
        }
        if !args.contains(&"csv") {
            assert!(!iso.is_match(&text), "{args:?}: an ISO date in\n{text}");
        }
    }
}
