//! `kin diff`: what changed between two assessments, by content rather than
//! by line; with `--git`, kin as git's diff driver (see its `git` module and docs/git.md).

mod git;

use crate::cli::exit::Outcome;
use crate::cli::input::read_valid;
use crate::cli::output::Destination;
use crate::cli::output::shown_path;
use crate::domain::diff::diff;
use crate::domain::field::Field;
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::diff::json::DiffJson;
use crate::render::diff::markdown::DiffMarkdown;
use crate::render::diff::text::DiffText;
use crate::render::diff::{Comparison, DiffRenderer, Side};
use crate::store::batch::Pipes;
use std::ffi::OsString;
use std::path::PathBuf;

/// Zeigt, was sich zwischen zwei Bewertungen geändert hat.
///
/// Verbesserungen, Rückschritte und sonstige Änderungen, am Ende der Umsetzungsgrad vorher und
/// nachher. Auch zwei verschiedene Kommunen lassen sich vergleichen.
#[derive(Debug, clap::Args)]
#[command(
    override_usage = msg::DIFF_USAGE,
    after_help = msg::DIFF_AFTER_HELP
)]
pub struct Args {
    /// Ältere Bewertung (vorher)
    #[arg(value_name = "ALT", required_unless_present = "git")]
    pub old: Option<PathBuf>,
    /// Neuere Bewertung (nachher)
    #[arg(value_name = "NEU", required_unless_present = "git")]
    pub new: Option<PathBuf>,
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird ersetzt)
    #[arg(long, short = 'o', value_name = "DATEI", conflicts_with = "git")]
    pub output: Option<PathBuf>,
    /// Exit-Code 1, wenn es Unterschiede gibt (wie `git diff --exit-code`)
    #[arg(long)]
    pub exit_code: bool,
    /// Exit-Code 1, wenn ein Status zurückgegangen ist, z. B. von „umgesetzt“ auf
    /// „in Umsetzung“ (als Prüfung in CI)
    #[arg(long)]
    pub fail_on_regression: bool,
    /// Arbeitet als Diff-Programm für git und nimmt die Angaben, die git übergibt;
    /// Einrichtung siehe unten. Andere Optionen bitte vor --git angeben.
    #[arg(
        long,
        num_args = 1..=9,
        allow_hyphen_values = true,
        value_names = ["PFAD", "ALTE_DATEI", "ALT_HEX", "ALT_MODUS", "NEUE_DATEI", "NEU_HEX", "NEU_MODUS"],
        conflicts_with_all = ["old", "new"],
    )]
    pub git: Option<Vec<OsString>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// lesbarer Text, gruppiert nach Verbesserungen, Rückschritten und sonstigen Änderungen
    Text,
    /// Markdown, z. B. für Pull Requests oder Sitzungsvorlagen
    Markdown,
    /// JSON für Skripte, mit festem, versioniertem Aufbau
    Json,
}

impl Format {
    pub fn renderer(self) -> Box<dyn DiffRenderer> {
        match self {
            Format::Text => Box::new(DiffText),
            Format::Markdown => Box::new(DiffMarkdown),
            Format::Json => Box::new(DiffJson),
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if let Some(values) = &args.git {
        return git::run(args, values);
    }
    let (Some(old), Some(new)) = (&args.old, &args.new) else {
        anyhow::bail!(msg::diff_needs_two_files());
    };
    let destination = Destination::choose(args.output.as_deref())?;
    let renderer = args.format.renderer();
    destination.accept(renderer.kind())?;
    let field = Field::embedded();
    let files = read_valid(&[old.clone(), new.clone()], field, Pipes::Read)?;
    let (old_assessment, new_assessment) = (&files[0].1, &files[1].1);
    let diff = diff(old_assessment, new_assessment, field);
    let (old_label, new_label) = (old.display().to_string(), new.display().to_string());
    let title = msg::diff_title(&shown_path(old), &shown_path(new));
    let comparison = Comparison {
        title: &title,
        old: Side {
            label: &old_label,
            assessment: Some(old_assessment),
        },
        new: Side {
            label: &new_label,
            assessment: Some(new_assessment),
        },
        diff: &diff,
        field,
    };
    // Text and markdown say it in their header; data keeps stdout for data.
    if renderer.kind() == OutputKind::Data && !diff.same_field_version() {
        let versions = &diff.field_versions;
        eprintln!(
            "{}{}",
            msg::DIFF_WARNING_PREFIX,
            msg::diff_field_versions(&versions.from, &versions.to)
        );
    }
    destination.write(|out| renderer.render(&comparison, out))?;
    Ok(outcome(args, !diff.is_empty(), diff.has_regression()))
}

/// Exit codes like git: 0 unless asked to fail on differences or regressions.
fn outcome(args: &Args, differs: bool, regressed: bool) -> Outcome {
    if (args.exit_code && differs) || (args.fail_on_regression && regressed) {
        Outcome::Problems
    } else {
        Outcome::Success
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::commands::{Cli, Command};
    use clap::{CommandFactory, Parser};

    fn parse(args: &[&str]) -> Result<super::Args, clap::Error> {
        let cli = Cli::try_parse_from(["kin", "diff"].iter().chain(args))?;
        match cli.command {
            Command::Diff(args) => Ok(args),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn two_files_or_gits_arguments() {
        let args = parse(&["--exit-code", "a.kin.toml", "b.kin.toml"]).unwrap();
        assert_eq!(args.old.unwrap().to_str(), Some("a.kin.toml"));
        assert!(args.exit_code && args.git.is_none());

        let git = [
            "-p.kin.toml",
            "/tmp/x",
            "abc",
            "100644",
            "/dev/null",
            ".",
            ".",
        ];
        let args = parse(&[&["--fail-on-regression", "--git"], &git[..]].concat()).unwrap();
        assert!(args.fail_on_regression && args.old.is_none());
        assert_eq!(args.git.unwrap(), git.map(std::ffi::OsString::from));

        assert!(parse(&["a.kin.toml"]).is_err());
        assert!(parse(&["a.kin.toml", "b.kin.toml", "c.kin.toml"]).is_err());
        assert!(parse(&["--git", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]).is_err());
    }
}
