//! Reading assessment files from disk into checked assessments. Problems with
//! the file itself (missing, a folder, unreadable) become findings too, so
//! `kin check` reports them like any other.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::finding::Finding;
pub use crate::format::read::LoadScope;
use crate::format::read::{Loaded, load_with};
use crate::messages as msg;
pub use crate::store::regular_file::Pipes;
use crate::store::regular_file::{NotRegular, Special, open_for_reading};
use rayon::prelude::*;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One file as read and checked.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub path: PathBuf,
    /// What reading found: the assessment (when the file has no errors),
    /// the findings and the places of the file's parts.
    pub loaded: Loaded,
}

impl CheckedFile {
    pub fn has_errors(&self) -> bool {
        self.loaded.has_errors()
    }

    /// The path as shown in messages: as given on the command line.
    pub fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// The path and the assessment, when the file has no errors.
    pub fn into_assessment(self) -> Option<(PathBuf, Assessment)> {
        Some((self.path, self.loaded.assessment?))
    }
}

/// Reads and checks one file.
pub fn read_checked(path: &Path, field: &Field) -> CheckedFile {
    read_checked_with(path, field, LoadScope::Full, Pipes::Refuse)
}

fn read_checked_with(path: &Path, field: &Field, scope: LoadScope, pipes: Pipes) -> CheckedFile {
    let loaded = match read_bytes(path, pipes) {
        Ok(bytes) => load_with(&bytes, field, scope),
        Err(finding) => Loaded::only(finding),
    };
    CheckedFile {
        path: path.to_path_buf(),
        loaded,
    }
}

/// Reads and checks many files on all cores; the result keeps their order.
pub fn read_all_checked(paths: &[PathBuf], field: &Field, pipes: Pipes) -> Vec<CheckedFile> {
    paths
        .par_iter()
        .map(|p| read_checked_with(p, field, LoadScope::Full, pipes))
        .collect()
}

/// How many files [`for_each_checked`] reads and checks together: enough to
/// keep every core busy, few enough that memory stays small.
pub const CHUNK: usize = 256;

/// Reads and checks `paths` on all cores, one chunk of [`CHUNK`] files at a
/// time. Each file's result is reduced by `keep` (in parallel) and handed to
/// `sink` in the order of `paths`, a chunk at once. Only one chunk of
/// assessments is in memory at any time, so memory does not grow with the
/// number of files: `keep` should drop what later steps do not need. When
/// `sink` fails, no further chunk is read and its error is returned.
///
/// (Reading the next chunk while `sink` works was tried: on two cores it
/// made `kin report` about 10 % slower, the threads only got in each
/// other's way.)
pub fn for_each_checked<T: Send, E>(
    paths: &[PathBuf],
    field: &Field,
    scope: LoadScope,
    keep: impl Fn(CheckedFile) -> T + Sync,
    mut sink: impl FnMut(Vec<T>) -> Result<(), E>,
) -> Result<(), E> {
    for chunk in paths.chunks(CHUNK) {
        let kept: Vec<T> = chunk
            .par_iter()
            .map(|p| keep(read_checked_with(p, field, scope, Pipes::Refuse)))
            .collect();
        sink(kept)?;
    }
    Ok(())
}

/// Input files of which some have errors, for a command that needs valid
/// input (report, diff). Holds every file as read, valid ones too, so that
/// the command line can show all findings (warnings too) as `kin check`
/// would, then exit 2 without partial output.
#[derive(Debug)]
pub struct InvalidFiles {
    pub files: Vec<CheckedFile>,
}

impl InvalidFiles {
    /// How many of the files have errors.
    pub fn count(&self) -> usize {
        self.files.iter().filter(|f| f.has_errors()).count()
    }
}

impl std::fmt::Display for InvalidFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg::invalid_input(self.count()))
    }
}

impl std::error::Error for InvalidFiles {}

/// Reads files for a command that needs valid input (report, diff; `kin
/// diff` also reads pipes: `kin diff a <(git show HEAD:a)`): every file, in
/// order, each with its assessment and any warnings; or, when any file has
/// errors, an [`InvalidFiles`] error holding them all.
pub fn read_valid(
    paths: &[PathBuf],
    field: &Field,
    pipes: Pipes,
) -> Result<Vec<CheckedFile>, InvalidFiles> {
    let files = read_all_checked(paths, field, pipes);
    if files.iter().any(CheckedFile::has_errors) {
        return Err(InvalidFiles { files });
    }
    Ok(files)
}

/// The largest file kin reads: far beyond any real assessment (a few KiB;
/// a thousand own measures with long notes stay under 1 MiB), small enough
/// that parsing stays within a few hundred MB. The TOML parser needs about
/// 27 times a file's size when it consists of nothing but tiny tables (own
/// measures), about twice for long texts (docs/benchmark.md); a wrong path
/// such as /dev/zero is refused before reading anyway.
pub const MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// The bytes of a regular file (or, where `pipes` allows, a pipe) of at
/// most [`MAX_FILE_SIZE`]; a missing path, a folder, a FIFO, a device or
/// anything larger is a finding.
pub fn read_bytes(path: &Path, pipes: Pipes) -> Result<Vec<u8>, Finding> {
    let bytes = read_limited_with(path, pipes).map_err(|e| {
        if e.kind() == io::ErrorKind::FileTooLarge {
            Finding::file_error("io", msg::file_too_large(MAX_FILE_SIZE / 1024 / 1024))
        } else {
            read_error(path, &e)
        }
    })?;
    let is_pipe =
        || std::fs::metadata(path).is_ok_and(|m| Special::of(m.file_type()) == Some(Special::Pipe));
    if bytes.is_empty() && pipes == Pipes::Read && is_pipe() {
        return Err(Finding::file_error("io", msg::empty_pipe()));
    }
    Ok(bytes)
}

/// The bytes of the regular file `path`, or [`io::ErrorKind::FileTooLarge`]
/// past [`MAX_FILE_SIZE`], read without ever holding more than that. Anything
/// but a regular file is refused ([`NotRegular`]) without waiting.
pub fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    read_limited_with(path, Pipes::Refuse)
}

fn read_limited_with(path: &Path, pipes: Pipes) -> io::Result<Vec<u8>> {
    let too_large = || {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            msg::file_too_large(MAX_FILE_SIZE / 1024 / 1024),
        )
    };
    let (file, len) = open_for_reading(path, pipes)?;
    if len > MAX_FILE_SIZE {
        return Err(too_large());
    }
    // Room for the whole file and the byte past it, so that it is read in
    // one go (the buffer would otherwise grow from 32 bytes, a read for each
    // step); a file that grows meanwhile, or a pipe, is still read to its
    // end, and refused past the limit.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large());
    }
    Ok(bytes)
}

fn read_error(path: &Path, error: &io::Error) -> Finding {
    let message = if let Some(special) = NotRegular::in_error(error) {
        msg::not_a_regular_file(special)
    } else if path.is_dir() {
        msg::is_a_folder()
    } else if error.kind() == io::ErrorKind::NotFound {
        msg::not_found()
    } else {
        msg::unreadable(&error.to_string())
    };
    Finding::file_error("io", message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn missing_paths(count: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let paths = (0..count)
            .map(|i| dir.path().join(format!("fehlt-{i:05}.kin.toml")))
            .collect();
        (dir, paths)
    }

    #[test]
    fn every_file_reaches_the_sink_in_order() {
        let (_dir, paths) = missing_paths(CHUNK * 2 + 7);
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        let result: Result<(), ()> = for_each_checked(
            &paths,
            Field::embedded(),
            LoadScope::FindingsOnly,
            |file| {
                assert_eq!(file.loaded.findings[0].code, "io");
                file.path
            },
            |chunk| {
                sizes.push(chunk.len());
                seen.extend(chunk);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, paths);
        assert_eq!(sizes, vec![CHUNK, CHUNK, 7]);
    }

    #[test]
    fn a_failing_sink_stops_the_reading() {
        let (_dir, paths) = missing_paths(CHUNK * 6);
        let read = AtomicUsize::new(0);
        let mut sunk = 0;
        let result = for_each_checked(
            &paths,
            Field::embedded(),
            LoadScope::FindingsOnly,
            |_| read.fetch_add(1, Ordering::Relaxed),
            |_| {
                sunk += 1;
                Err("voll")
            },
        );
        assert_eq!(result, Err("voll"));
        assert_eq!(sunk, 1);
        assert_eq!(read.load(Ordering::Relaxed), CHUNK);
    }

    #[test]
    fn a_file_of_the_largest_size_is_read_whole_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gross.kin.toml");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_SIZE).unwrap();
        let bytes = read_limited(&path).unwrap();
        assert_eq!(bytes.len() as u64, MAX_FILE_SIZE);
        file.set_len(MAX_FILE_SIZE + 1).unwrap();
        let error = read_limited(&path).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        file.set_len(6680).unwrap();
        assert_eq!(read_limited(&path).unwrap().len(), 6680);
    }
}
