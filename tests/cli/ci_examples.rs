//! The CI examples do what they promise: the very commands in
//! examples/ci/*.yml and .pre-commit-hooks.yaml, run against a real git
//! repository of assessments made from examples/.

use crate::support::KIN;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use yaml_rust2::{Yaml, YamlLoader};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    YamlLoader::load_from_str(&text).unwrap().remove(0)
}

/// The shell scripts of a workflow that run kin (install steps are left out:
/// the test puts the freshly built kin on PATH instead).
fn kin_scripts(scripts: impl IntoIterator<Item = Yaml>) -> Vec<String> {
    scripts
        .into_iter()
        .filter_map(|y| y.as_str().map(str::to_owned))
        .filter(|s| s.contains("kin check") || s.contains("kin diff"))
        .collect()
}

fn github_scripts() -> Vec<String> {
    let steps = yaml("examples/ci/github-actions.yml")["jobs"]["kin"]["steps"].clone();
    let runs = steps
        .into_vec()
        .unwrap()
        .into_iter()
        .map(|s| s["run"].clone());
    kin_scripts(runs)
}

fn gitlab_scripts() -> Vec<String> {
    kin_scripts(
        yaml("examples/ci/gitlab-ci.yml")["kin"]["script"]
            .clone()
            .into_vec()
            .unwrap(),
    )
}

/// A district repository: the examples (dated today, so the age gate
/// passes) committed on main, pushed to a bare `origin`, and a branch
/// `feature` checked out on top.
struct District {
    _dir: tempfile::TempDir,
    work: PathBuf,
    home: PathBuf,
}

impl District {
    fn new() -> District {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("district");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&work).unwrap();
        std::fs::create_dir_all(&home).unwrap();
        let district = District {
            work,
            home,
            _dir: dir,
        };
        let today = jiff::ZonedDateTime::now().date().to_string();
        let date = regex::Regex::new(r"(?m)^date = \d{4}-\d{2}-\d{2}$").unwrap();
        for entry in std::fs::read_dir(root().join("examples")).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".kin.toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let text = date.replace(&text, format!("date = {today}"));
                std::fs::write(district.work.join(path.file_name().unwrap()), text.as_ref())
                    .unwrap();
            }
        }
        district.git(&["init", "-q", "-b", "main"]);
        district.git(&["add", "."]);
        district.git(&["commit", "-q", "-m", "Bewertungen"]);
        let origin = district.work.parent().unwrap().join("origin.git");
        district.git(&["init", "-q", "--bare", origin.to_str().unwrap()]);
        district.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
        district.git(&["push", "-q", "origin", "main"]);
        district.git(&["fetch", "-q", "origin"]);
        district.git(&["checkout", "-q", "-b", "feature"]);
        district
    }

    fn command(&self, program: &str) -> Command {
        let bin = Path::new(KIN).parent().unwrap();
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.work)
            .env("PATH", path)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .env_remove("GITHUB_BASE_REF")
            .env_remove("CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
        cmd
    }

    fn git(&self, args: &[&str]) {
        let out = self.command("git").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.work.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} lacks {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self.git(&["commit", "-q", "-am", "Änderung"]);
    }

    /// Runs a script the way the CI service does (bash, stop on errors).
    fn run(&self, script: &str, env: &[(&str, &str)]) -> Output {
        let mut cmd = self.command("bash");
        cmd.args(["-eo", "pipefail", "-c", script]);
        for (key, value) in env {
            cmd.env(key, value);
        }
        cmd.output().unwrap()
    }
}

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const PULL_REQUEST: &[(&str, &str)] = &[("GITHUB_BASE_REF", "main")];
const MERGE_REQUEST: &[(&str, &str)] = &[("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")];

#[test]
fn workflows_contain_a_gated_check_and_a_regression_diff() {
    for scripts in [github_scripts(), gitlab_scripts()] {
        assert_eq!(scripts.len(), 2, "{scripts:?}");
        assert!(scripts[0].contains("kin check") && scripts[0].contains("--max-age"));
        assert!(scripts[1].contains("kin diff --fail-on-regression"));
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "runs git and a POSIX shell, which a Windows test host lacks"
)]
fn green_build_for_valid_assessments_without_regressions() {
    let district = District::new();
    district.edit(
        "weiler-ob-tal.kin.toml",
        "status = \"open\"",
        "status = \"planned\"",
    );
    for (scripts, env) in [
        (github_scripts(), PULL_REQUEST),
        (gitlab_scripts(), MERGE_REQUEST),
    ] {
        for script in &scripts {
            let out = district.run(script, env);
            assert_eq!(code(&out), Some(0), "{script}\n{}", text(&out));
        }
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "runs git and a POSIX shell, which a Windows test host lacks"
)]
fn red_build_when_a_status_goes_backwards() {
    let district = District::new();
    district.edit("talbach.kin.toml", "status = \"done\"", "status = \"open\"");
    for (scripts, env) in [
        (github_scripts(), PULL_REQUEST),
        (gitlab_scripts(), MERGE_REQUEST),
    ] {
        assert_eq!(
            code(&district.run(&scripts[0], env)),
            Some(0),
            "the file itself is valid"
        );
        let out = district.run(&scripts[1], env);
        assert_eq!(code(&out), Some(1), "{}", text(&out));
        assert!(text(&out).contains("Rückschritte (1)"), "{}", text(&out));
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "runs git and a POSIX shell, which a Windows test host lacks"
)]
fn red_build_for_an_invalid_or_outdated_assessment() {
    let district = District::new();
    district.edit(
        "talbach.kin.toml",
        "status = \"done\"",
        "status = \"erledigt\"",
    );
    let out = district.run(&github_scripts()[0], PULL_REQUEST);
    // xargs reports a failed kin check as 123: any non-zero code turns the build red.
    assert!(!out.status.success());
    assert!(
        text(&out).contains("::error file=talbach.kin.toml,line="),
        "{}",
        text(&out)
    );
    assert!(
        !district
            .run(&gitlab_scripts()[0], MERGE_REQUEST)
            .status
            .success()
    );

    let district = District::new();
    let today = jiff::ZonedDateTime::now().date();
    let old = today.checked_sub(jiff::Span::new().days(731)).unwrap();
    district.edit(
        "talbach.kin.toml",
        &format!("date = {today}"),
        &format!("date = {old}"),
    );
    let out = district.run(&github_scripts()[0], PULL_REQUEST);
    // xargs reports a failed kin check as 123: any non-zero code turns the build red.
    assert!(!out.status.success());
    assert!(text(&out).contains("gate-max-age"), "{}", text(&out));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "runs git and a POSIX shell, which a Windows test host lacks"
)]
fn pre_commit_hook_runs_its_entry_on_matching_files() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["language"].as_str(), Some("rust"));
    let entry = hook["entry"].as_str().unwrap();
    assert_eq!(entry, "kin check");
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    let district = District::new();
    let staged: Vec<String> = std::fs::read_dir(&district.work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| files.is_match(name))
        .collect();
    assert_eq!(staged.len(), 3);
    assert!(!files.is_match("notes.toml"));
    let script = format!("{entry} {}", staged.join(" "));
    assert_eq!(code(&district.run(&script, &[])), Some(0));
    district.edit("talbach.kin.toml", "status = \"done\"", "staus = \"done\"");
    assert_eq!(code(&district.run(&script, &[])), Some(1));
}
