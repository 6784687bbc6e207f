//! kin as git's diff driver: `kin diff --git` takes the arguments git gives
//! an external diff program (`path old-file old-hex old-mode new-file new-hex
//! new-mode`, plus `new-path rename-info` for renames, or only `path` for an
//! unmerged file) and prints a header naming the path, then the diff.
//!
//! A side that does not exist (git passes `/dev/null` and mode `.`) counts
//! as an assessment with nothing recorded, so everything shows as added or
//! removed. A version that is not a valid assessment falls back to a line
//! diff rather than failing, so that `git diff` and `git log -p --ext-diff`
//! never stop at an old, broken commit. Nothing goes to stderr, which would
//! mix with git's pager.

use super::{Args, outcome};
use crate::cli::exit::Outcome;
use crate::cli::output::shown_path;
use crate::domain::assessment::Assessment;
use crate::domain::diff::{diff, nothing_recorded_like};
use crate::domain::field::Field;
use crate::format::read::{Loaded, load};
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::diff::{Comparison, Side, lines};
use crate::render::escape::{file_name, one_line};
use crate::render::findings::finding_line;
use crate::store::batch::read_limited;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// One side of git's call: the file to read, or nothing.
struct Version {
    /// `a/PATH` or `b/PATH`, as git names the sides.
    label: String,
    /// The bytes; `None` when the file does not exist on this side.
    bytes: Option<Vec<u8>>,
}

pub(super) fn run(args: &Args, values: &[OsString]) -> anyhow::Result<Outcome> {
    let text = |i: usize| values[i].to_string_lossy().into_owned();
    match values.len() {
        1 => {
            crate::cli::output::print(&format!(
                "{}\n",
                msg::diff_git_unmerged(&file_name(&text(0)))
            ))?;
            Ok(Outcome::Success)
        }
        7 | 9 => {
            let path = text(0);
            let new_path = if values.len() == 9 {
                text(7)
            } else {
                path.clone()
            };
            let old = read_version(format!("a/{path}"), &values[1], &text(3))?;
            let new = read_version(format!("b/{new_path}"), &values[4], &text(6))?;
            let (shown, new_shown) = (file_name(&path), file_name(&new_path));
            let title = match (&old.bytes, &new.bytes) {
                (None, _) => msg::diff_git_title_added(&new_shown),
                (_, None) => msg::diff_git_title_deleted(&shown),
                _ if new_path != path => msg::diff_git_title_renamed(&shown, &new_shown),
                _ => msg::diff_git_title_changed(&shown),
            };
            compare(args, &title, &old, &new)
        }
        count => anyhow::bail!(msg::diff_git_arguments(count)),
    }
}

fn read_version(label: String, file: &OsString, mode: &str) -> anyhow::Result<Version> {
    let path = PathBuf::from(file);
    let absent = mode == "." || path == Path::new("/dev/null");
    let bytes = if absent {
        None
    } else {
        let bytes = read_limited(&path).map_err(|e| {
            anyhow::anyhow!("{}: {}", shown_path(&path), msg::unreadable(&e.to_string()))
        })?;
        Some(bytes)
    };
    Ok(Version { label, bytes })
}

fn compare(args: &Args, title: &str, old: &Version, new: &Version) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let loaded = |v: &Version| v.bytes.as_deref().map(|b| load(b, field));
    let (old_loaded, new_loaded) = (loaded(old), loaded(new));
    let valid = |l: &Option<Loaded>| l.as_ref().is_none_or(|l| !l.has_errors());
    if !valid(&old_loaded) || !valid(&new_loaded) {
        crate::cli::output::print(&line_fallback(title, old, &old_loaded, new, &new_loaded))?;
        let differs = old.bytes != new.bytes;
        return Ok(outcome(args, differs, false));
    }
    let assessment = |l: Option<Loaded>| l.and_then(|l| l.assessment);
    let (old_assessment, new_assessment) = (assessment(old_loaded), assessment(new_loaded));
    let (old_side, new_side): (Assessment, Assessment) = match (old_assessment, new_assessment) {
        (Some(o), Some(n)) => (o, n),
        (None, Some(n)) => (nothing_recorded_like(&n), n),
        (Some(o), None) => {
            let n = nothing_recorded_like(&o);
            (o, n)
        }
        (None, None) => return Ok(Outcome::Success),
    };
    let diff = diff(&old_side, &new_side, field);
    let comparison = Comparison {
        title,
        old: Side {
            label: &old.label,
            assessment: old.bytes.is_some().then_some(&old_side),
        },
        new: Side {
            label: &new.label,
            assessment: new.bytes.is_some().then_some(&new_side),
        },
        diff: &diff,
        field,
    };
    let renderer = args.format.renderer();
    let mut out = Vec::new();
    renderer.render(&comparison, &mut out)?;
    // A blank line before the next file's header; data stays data.
    if renderer.kind() != OutputKind::Data {
        out.push(b'\n');
    }
    crate::cli::output::print_bytes(&out)?;
    let added_or_deleted = old.bytes.is_none() || new.bytes.is_none();
    let differs = !diff.is_empty() || added_or_deleted;
    Ok(outcome(args, differs, diff.has_regression()))
}

/// The header, the findings that prevent a comparison by content, and a
/// plain line diff.
fn line_fallback(
    title: &str,
    old: &Version,
    old_loaded: &Option<Loaded>,
    new: &Version,
    new_loaded: &Option<Loaded>,
) -> String {
    let mut out = format!("{}\n{}\n", one_line(title), msg::diff_git_line_fallback());
    for (version, loaded) in [(old, old_loaded), (new, new_loaded)] {
        let errors = loaded
            .iter()
            .flat_map(|l| &l.findings)
            .filter(|f| f.is_error());
        for finding in errors {
            out.push_str(&finding_line(&version.label, finding));
            out.push('\n');
        }
    }
    let text =
        |v: &Version| String::from_utf8_lossy(v.bytes.as_deref().unwrap_or_default()).into_owned();
    let label = |v: &Version| match v.bytes {
        Some(_) => file_name(&v.label),
        None => "/dev/null".to_owned(),
    };
    out.push_str(&lines::unified(
        &text(old),
        &text(new),
        &label(old),
        &label(new),
    ));
    out.push('\n');
    out
}
