//! kin as git's diff driver: `kin diff --git` called with git's arguments,
//! and a real git repository that uses it through `.gitattributes`.

use crate::support::{KIN, kin, stdout};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/diff");
const HEX: &str = "0123456789abcdef0123456789abcdef01234567";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    kin().args(args).assert()
}

/// git's seven arguments for `path` changed from `old` to `new`.
fn git_args<'a>(path: &'a str, old: &'a str, new: &'a str) -> Vec<&'a str> {
    let mode = |file: &str| if file == "/dev/null" { "." } else { "100644" };
    let hex = |file: &str| if file == "/dev/null" { "." } else { HEX };
    vec![
        "diff",
        "--git",
        path,
        old,
        hex(old),
        mode(old),
        new,
        hex(new),
        mode(new),
    ]
}

#[test]
fn a_changed_file_gets_a_header_naming_its_path() {
    let (old, new) = (
        fixture("musterhausen-2025.kin.toml"),
        fixture("musterhausen-2026.kin.toml"),
    );
    let out = run(&git_args("kommunen/musterhausen.kin.toml", &old, &new)).code(0);
    let text = stdout(&out);
    assert!(
        text.starts_with("Änderungen in kommunen/musterhausen.kin.toml\nKommune: Musterhausen"),
        "{text}"
    );
    assert!(text.contains("\nRückschritte (1)\n"), "{text}");
    assert!(text.ends_with("Umsetzungsgrad: 9 % → 20 %\n\n"), "{text}");
    assert_eq!(
        out.get_output().stderr,
        b"",
        "nothing on stderr under git's pager"
    );
}

#[test]
fn a_new_file_shows_everything_as_added() {
    let new = fixture("musterhausen-2026.kin.toml");
    let out = run(&git_args("neu.kin.toml", "/dev/null", &new)).code(0);
    let text = stdout(&out);
    assert!(text.starts_with("Neue Datei neu.kin.toml\n"), "{text}");
    assert!(text.contains("Status: unbewertet → umgesetzt"), "{text}");
    assert!(
        text.contains("Neue eigene Maßnahme: Gemeinsame Volkshochschule"),
        "{text}"
    );
    assert!(text.ends_with("Umsetzungsgrad: – → 20 %\n\n"), "{text}");

    let mut args = git_args("neu.kin.toml", "/dev/null", &new);
    args.insert(1, "--format=json");
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&args).code(0))).unwrap();
    assert_eq!(json["old"], serde_json::Value::Null);
    assert_eq!(json["new"]["file"], "b/neu.kin.toml");
    assert_eq!(
        json["summary"]["done_percent"]["from"],
        serde_json::Value::Null
    );
}

#[test]
fn a_deleted_file_shows_everything_as_removed() {
    let old = fixture("musterhausen-2026.kin.toml");
    let text = stdout(&run(&git_args("alt.kin.toml", &old, "/dev/null")).code(0));
    assert!(text.starts_with("Gelöschte Datei alt.kin.toml\n"), "{text}");
    assert!(
        text.contains("Eigene Maßnahme entfernt: Gemeinsame Volkshochschule"),
        "{text}"
    );
    assert!(text.ends_with("Umsetzungsgrad: 20 % → –\n\n"), "{text}");
}

#[test]
fn renames_and_unmerged_files() {
    let (old, new) = (
        fixture("musterhausen-2025.kin.toml"),
        fixture("musterhausen-2026.kin.toml"),
    );
    let mut args = git_args("alt.kin.toml", &old, &new);
    args.extend([
        "neu.kin.toml",
        "similarity index 80%\nrename from alt.kin.toml\n",
    ]);
    let text = stdout(&run(&args).code(0));
    assert!(
        text.starts_with("Umbenannt: alt.kin.toml → neu.kin.toml\n"),
        "{text}"
    );

    let text = stdout(&run(&["diff", "--git", "konflikt.kin.toml"]).code(0));
    assert!(
        text.starts_with("konflikt.kin.toml: nicht zusammengeführt"),
        "{text}"
    );
}

#[test]
fn wrong_argument_counts_are_usage_errors() {
    let out = run(&["diff", "--git", "a", "b", "c"]).code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("bekommen: 3"), "{err}");
    run(&["diff", "--git"]).code(2);
}

#[test]
fn exit_code_flags_work_in_git_mode_too() {
    let (old, new) = (
        fixture("musterhausen-2025.kin.toml"),
        fixture("musterhausen-2026.kin.toml"),
    );
    let with = |flag: &'static str, old: &str, new: &str| {
        let mut args = git_args("m.kin.toml", old, new);
        args.insert(1, flag);
        run(&args).get_output().status.code()
    };
    assert_eq!(with("--exit-code", &old, &new), Some(1));
    assert_eq!(with("--exit-code", &new, &new), Some(0));
    assert_eq!(with("--fail-on-regression", &old, &new), Some(1));
    let peer = fixture("beispielstadt-2026.kin.toml");
    assert_eq!(with("--fail-on-regression", &new, &peer), Some(0));
    assert_eq!(with("--exit-code", &new, &peer), Some(1));
    // A new file is a difference even when it records nothing yet.
    let empty = fixture("nothing-recorded.kin.toml");
    assert_eq!(with("--exit-code", "/dev/null", &empty), Some(1));
}

#[test]
fn an_invalid_version_falls_back_to_a_line_diff() {
    let (old, bad) = (
        fixture("musterhausen-2026.kin.toml"),
        fixture("invalid.kin.toml"),
    );
    let out = run(&git_args("m.kin.toml", &old, &bad)).code(0);
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Änderungen in m.kin.toml"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Inhaltlicher Vergleich nicht möglich")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("b/m.kin.toml:7:8: error: ungültiges Datum"),
        "{text}"
    );
    assert!(
        text.contains("--- a/m.kin.toml\n+++ b/m.kin.toml\n@@"),
        "{text}"
    );
    assert!(text.contains("\n+date = 2026-13-01\n"), "{text}");
}

/// A git repository in a temporary folder, isolated from the machine's and
/// the user's git configuration, with kin wired in as the diff driver.
struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: TempDir::new().unwrap(),
        };
        repo.git(&["init", "--quiet"]);
        repo.git(&["config", "user.name", "Kin Test"]);
        repo.git(&["config", "user.email", "kin-test@example.org"]);
        let kin = KIN.replace('\'', r"'\''");
        repo.git(&["config", "diff.kin.command", &format!("'{kin}' diff --git")]);
        repo.write(".gitattributes", "*.kin.toml diff=kin\n");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> String {
        let home = self.path().join(".home");
        std::fs::create_dir_all(&home).unwrap();
        let output = std::process::Command::new("git")
            .args(["-c", "core.pager=cat", "-c", "init.defaultBranch=main"])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", &home)
            .env("LC_ALL", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_EXTERNAL_DIFF")
            .env_remove("GIT_PAGER")
            .output()
            .expect("git is installed");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn write(&self, name: &str, text: &str) {
        let path: PathBuf = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn commit(&self, files: &[(&str, &str)], message: &str) {
        for (name, fixture_name) in files {
            let text = std::fs::read_to_string(fixture(fixture_name)).unwrap();
            self.write(name, &text);
        }
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }
}

#[test]
#[cfg_attr(windows, ignore = "runs git, which a Windows test host lacks")]
fn git_diff_shows_the_assessment_diff_through_the_driver() {
    let repo = Repo::new();
    repo.commit(
        &[(
            "kommunen/musterhausen.kin.toml",
            "musterhausen-2025.kin.toml",
        )],
        "Bewertung 2025",
    );
    repo.commit(
        &[
            (
                "kommunen/musterhausen.kin.toml",
                "musterhausen-2026.kin.toml",
            ),
            (
                "kommunen/beispielstadt.kin.toml",
                "beispielstadt-2026.kin.toml",
            ),
        ],
        "Bewertung 2026, Beispielstadt neu",
    );
    let output = repo.git(&["diff", "HEAD~1", "HEAD"]);
    insta::assert_snapshot!("git_diff", output);

    // Deleting a file shows what it recorded as removed.
    repo.git(&["rm", "--quiet", "kommunen/beispielstadt.kin.toml"]);
    let output = repo.git(&["diff", "--cached"]);
    assert!(
        output.starts_with("Gelöschte Datei kommunen/beispielstadt.kin.toml\n"),
        "{output}"
    );

    // Other files keep git's own line diff.
    repo.write("README.txt", "hallo\n");
    repo.git(&["add", "README.txt"]);
    let output = repo.git(&["diff", "--cached", "--", "README.txt"]);
    assert!(
        output.starts_with("diff --git a/README.txt b/README.txt"),
        "{output}"
    );
}

#[test]
#[cfg_attr(windows, ignore = "runs git, which a Windows test host lacks")]
fn git_log_uses_the_driver_with_ext_diff() {
    let repo = Repo::new();
    repo.commit(&[("m.kin.toml", "musterhausen-2025.kin.toml")], "2025");
    repo.commit(&[("m.kin.toml", "musterhausen-2026.kin.toml")], "2026");
    let output = repo.git(&["log", "-p", "--ext-diff", "--format=%s", "-1"]);
    assert!(
        output.starts_with("2026\n\nÄnderungen in m.kin.toml\n"),
        "{output}"
    );
    assert!(output.contains("Umsetzungsgrad: 9 % → 20 %"), "{output}");
}
