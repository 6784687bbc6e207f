//! The files that command-line arguments name, the same on every platform:
//! a file as given, a folder as every `*.kin.toml` below it, and a pattern
//! (`*`, `?`, `[…]`, `**` for any depth of subfolders) as the files it
//! matches. Windows shells hand patterns to programs unexpanded, and a folder
//! or a quoted pattern keeps a command over thousands of files within the
//! length limit of a command line.

use std::io;
use std::path::{Path, PathBuf};

/// How the files of an assessment end; a folder stands for these files.
pub const ASSESSMENT_SUFFIX: &str = ".kin.toml";

/// Why the arguments do not name files to work on (kin exits with 2; the
/// command line says it in German, `cli::input::files`).
#[derive(Debug)]
pub enum ArgumentError {
    /// A pattern that matches no file.
    NoMatch { pattern: String },
    /// A folder without any `*.kin.toml` in it or below it.
    EmptyFolder { folder: PathBuf },
    /// A pattern that cannot be read, e.g. `[` without `]`.
    BadPattern { pattern: String, position: usize },
    /// A folder that cannot be searched.
    Unreadable { path: PathBuf, error: io::Error },
}

/// The files named by `arguments`, in the order of the arguments; the files
/// of one folder or pattern sorted by path. An argument that exists and is
/// not a folder (a file, a pipe) is kept as it is, and so is one that does
/// not exist and holds no pattern characters: the command reports it as
/// missing. Hidden files and folders (names starting with `.`) are found
/// only when named.
pub fn expand(arguments: &[PathBuf]) -> Result<Vec<PathBuf>, ArgumentError> {
    let mut files = Vec::with_capacity(arguments.len());
    for argument in arguments {
        // One look at the file system per argument serves as `is_dir` and `exists`.
        match std::fs::metadata(argument) {
            Ok(metadata) if metadata.is_dir() => files.extend(assessments_in(argument)?),
            Ok(_) => files.push(argument.clone()),
            Err(_) => match argument.to_str().filter(|a| is_pattern(a)) {
                Some(pattern) => files.extend(matches(pattern)?),
                None => files.push(argument.clone()),
            },
        }
    }
    Ok(files)
}

/// Whether an argument holds a pattern character: `*`, `?` or `[`.
pub fn is_pattern(argument: &str) -> bool {
    argument.contains(['*', '?', '['])
}

/// A path as shown to a person: without the `\\?\` prefix Windows puts
/// before canonical paths, where the path means the same without it.
pub fn display(path: &Path) -> String {
    dunce::simplified(path).display().to_string()
}

/// Every `*.kin.toml` in `folder` and its subfolders, sorted.
fn assessments_in(folder: &Path) -> Result<Vec<PathBuf>, ArgumentError> {
    let mut found = Vec::new();
    let walk = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walk {
        let entry = entry.map_err(|error| ArgumentError::Unreadable {
            path: error.path().unwrap_or(folder).to_path_buf(),
            error: error.into(),
        })?;
        if entry.file_type().is_file() && is_assessment_name(entry.file_name()) {
            found.push(entry.into_path());
        }
    }
    if found.is_empty() {
        return Err(ArgumentError::EmptyFolder {
            folder: folder.to_path_buf(),
        });
    }
    Ok(found)
}

/// The files `pattern` matches, sorted; a matching folder stands for the
/// assessments in it.
fn matches(pattern: &str) -> Result<Vec<PathBuf>, ArgumentError> {
    let options = glob::MatchOptions {
        // As the platform's file names: Windows does not tell case apart.
        case_sensitive: !cfg!(windows),
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let paths = glob::glob_with(pattern, options).map_err(|e| ArgumentError::BadPattern {
        pattern: pattern.to_owned(),
        position: e.pos,
    })?;
    let mut found = Vec::new();
    for path in paths {
        let path = path.map_err(|e| ArgumentError::Unreadable {
            path: e.path().to_path_buf(),
            error: e.into(),
        })?;
        if path.is_dir() {
            // A folder with no assessments adds nothing; only a pattern
            // that finds nothing at all is an error.
            match assessments_in(&path) {
                Ok(inside) => found.extend(inside),
                Err(ArgumentError::EmptyFolder { .. }) => {}
                Err(other) => return Err(other),
            }
        } else {
            found.push(path);
        }
    }
    if found.is_empty() {
        return Err(ArgumentError::NoMatch {
            pattern: pattern.to_owned(),
        });
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

fn is_assessment_name(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    let suffix = ASSESSMENT_SUFFIX.as_bytes();
    name.len() > suffix.len() && {
        let end = &name[name.len() - suffix.len()..];
        if cfg!(windows) {
            end.eq_ignore_ascii_case(suffix)
        } else {
            end == suffix
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A folder with assessments at two depths, a hidden folder, a lock
    /// file, a temporary file and a file of another kind.
    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.kin.toml",
            "a.kin.toml",
            ".a.kin.toml.lock",
            ".a.kin.toml.x1y2.tmp",
            "notiz.txt",
            "kreis/z.kin.toml",
            "kreis/m.kin.toml",
            "kreis/tief/c.kin.toml",
            ".git/alt.kin.toml",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        dir
    }

    /// Every assessment of [`tree`] outside hidden folders, sorted.
    const EVERY_VISIBLE: [&str; 5] = [
        "a.kin.toml",
        "b.kin.toml",
        "kreis/m.kin.toml",
        "kreis/tief/c.kin.toml",
        "kreis/z.kin.toml",
    ];

    fn relative(root: &Path, files: Vec<PathBuf>) -> Vec<String> {
        files
            .iter()
            .map(|f| {
                f.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    fn pattern(root: &Path, rest: &str) -> PathBuf {
        PathBuf::from(format!("{}/{rest}", root.display()))
    }

    #[test]
    fn a_folder_means_every_assessment_below_it_sorted() {
        let dir = tree();
        let files = expand(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(relative(dir.path(), files), EVERY_VISIBLE);
    }

    #[test]
    fn a_pattern_is_expanded_sorted_and_stays_in_its_folder() {
        let dir = tree();
        let files = expand(&[pattern(dir.path(), "*.kin.toml")]).unwrap();
        assert_eq!(relative(dir.path(), files), ["a.kin.toml", "b.kin.toml"]);
        let files = expand(&[pattern(dir.path(), "kreis/?.kin.toml")]).unwrap();
        assert_eq!(
            relative(dir.path(), files),
            ["kreis/m.kin.toml", "kreis/z.kin.toml"]
        );
        let files = expand(&[pattern(dir.path(), "kreis/[a-n].kin.toml")]).unwrap();
        assert_eq!(relative(dir.path(), files), ["kreis/m.kin.toml"]);
    }

    #[test]
    fn two_stars_reach_into_subfolders_but_not_hidden_ones() {
        let dir = tree();
        let files = expand(&[pattern(dir.path(), "**/*.kin.toml")]).unwrap();
        assert_eq!(relative(dir.path(), files), EVERY_VISIBLE);
    }

    #[test]
    fn a_matching_folder_stands_for_its_assessments() {
        let dir = tree();
        let files = expand(&[pattern(dir.path(), "kr*")]).unwrap();
        assert_eq!(
            relative(dir.path(), files),
            [
                "kreis/m.kin.toml",
                "kreis/tief/c.kin.toml",
                "kreis/z.kin.toml"
            ]
        );
    }

    #[test]
    fn arguments_keep_their_order_and_plain_names_stay_as_given() {
        let dir = tree();
        let missing = dir.path().join("fehlt.kin.toml");
        let file = dir.path().join("b.kin.toml");
        let files = expand(&[
            file.clone(),
            missing.clone(),
            pattern(dir.path(), "a*.toml"),
        ])
        .unwrap();
        assert_eq!(files, [file, missing, dir.path().join("a.kin.toml")]);
    }

    #[test]
    fn an_existing_file_with_pattern_characters_is_taken_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("bericht[2024].kin.toml");
        fs::write(&odd, "").unwrap();
        assert_eq!(expand(std::slice::from_ref(&odd)).unwrap(), [odd]);
    }

    #[test]
    fn a_pattern_matching_nothing_is_an_error_naming_it() {
        let dir = tree();
        let nothing = pattern(dir.path(), "*.toml.bak");
        let error = expand(std::slice::from_ref(&nothing)).unwrap_err();
        assert!(
            matches!(&error, ArgumentError::NoMatch { pattern } if *pattern == nothing.to_str().unwrap()),
            "{error:?}"
        );
    }

    #[test]
    fn a_folder_without_assessments_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notiz.txt"), "").unwrap();
        let error = expand(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            matches!(&error, ArgumentError::EmptyFolder { folder } if folder == dir.path()),
            "{error:?}"
        );
    }

    #[test]
    fn a_broken_pattern_is_an_error_with_its_position() {
        let error = expand(&[PathBuf::from("kreis/[ab.kin.toml")]).unwrap_err();
        assert!(
            matches!(error, ArgumentError::BadPattern { position: 6, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn only_names_ending_in_kin_toml_are_assessments() {
        let name = |n: &str| is_assessment_name(std::ffi::OsStr::new(n));
        assert!(name("a.kin.toml"));
        assert!(!name(".kin.toml"));
        assert!(!name("a.kin.toml.lock"));
        assert!(!name("a.toml"));
        assert_eq!(name("A.KIN.TOML"), cfg!(windows));
    }
}
