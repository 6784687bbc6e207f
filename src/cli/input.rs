//! Opening the files a command works on, with the findings shown on stderr
//! the way `kin check` shows them: for commands that need valid input
//! (report, diff) and for the editing sessions (assess, set); and the files
//! that file, folder and pattern arguments name (check, report, network).

use crate::cli::output::print_findings;
use crate::cli::output::shown_path;
use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::messages as msg;
use crate::render::escape::one_line;
use crate::store::batch::{self, CheckedFile, Pipes};
use crate::store::edit_session::{EditSession, OpenError, Opened};
use crate::store::paths::{self, ArgumentError};
use std::path::{Path, PathBuf};

/// The files that `arguments` name: files as given, folders and patterns
/// expanded (see [`paths::expand`]); an error in German otherwise (exit 2).
pub fn files(arguments: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    paths::expand(arguments).map_err(|error| anyhow::anyhow!(argument_error(&error)))
}

/// The German message for an argument that names no files, with the
/// argument made safe for the terminal.
fn argument_error(error: &ArgumentError) -> String {
    let shown = |path: &Path| shown_path(path);
    match error {
        ArgumentError::NoMatch { pattern } => msg::pattern_matches_nothing(&one_line(pattern)),
        ArgumentError::EmptyFolder { folder } => msg::folder_without_assessments(&shown(folder)),
        ArgumentError::BadPattern { pattern, position } => {
            msg::invalid_pattern(&one_line(pattern), position + 1)
        }
        ArgumentError::Unreadable { path, error } => {
            msg::folder_unreadable(&shown(path), &error.to_string())
        }
    }
}

/// Reads files for a command that needs valid input. Shows every finding
/// (warnings too); when any file has errors, returns the error that makes
/// the command exit 2 without partial output.
pub fn read_valid(
    paths: &[PathBuf],
    field: &Field,
    pipes: Pipes,
) -> anyhow::Result<Vec<(PathBuf, Assessment)>> {
    let files = batch::read_valid(paths, field, pipes)
        .inspect_err(|invalid| show_findings(&invalid.files))?;
    show_findings(&files);
    Ok(files
        .into_iter()
        .filter_map(CheckedFile::into_assessment)
        .collect())
}

fn show_findings(files: &[CheckedFile]) {
    for file in files {
        print_findings(&file.display(), &file.loaded.findings);
    }
}

/// Opens `path` for an editing session. A file with errors has them shown
/// and becomes an error that says the file stays unchanged.
pub fn open_for_edit(path: &Path, field: &Field) -> anyhow::Result<Opened> {
    let shown = shown_path(path);
    match EditSession::open(path, field) {
        Ok(opened) => Ok(opened),
        Err(OpenError::Invalid(findings)) => {
            let errors: Vec<_> = findings.into_iter().filter(|f| f.is_error()).collect();
            print_findings(&shown, &errors);
            anyhow::bail!(msg::file_invalid_unchanged(&shown))
        }
        Err(OpenError::Unreadable(e)) => {
            Err(anyhow::Error::new(e).context(msg::file_unreadable(&shown)))
        }
    }
}
