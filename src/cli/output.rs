//! Where command output goes: stdout, or with `--output FILE` a file. A
//! closed pipe (`kin report | head`) ends the output quietly instead of
//! panicking like `print!` would; a file is written atomically and only
//! replaced once the output is complete.

use crate::domain::finding::Finding;
use crate::format::sniff::looks_like_assessment;
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::escape::file_name;
use crate::render::findings::finding_line;
use crate::render::screen::{Environment, Screen};
use crate::store::atomic_write::{Overwrite, write_atomic_with};
use crate::store::batch::read_limited;
use anyhow::Context;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A path as shown in messages: as given, made harmless on its line
/// ([`file_name`]).
pub fn shown_path(path: &Path) -> String {
    file_name(&crate::store::paths::display(path))
}

/// Writes `text` to stdout; a reader that went away is not an error.
pub fn print(text: &str) -> io::Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout; a reader that went away is not an error.
pub fn print_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

/// Where a command writes its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    /// `--output FILE`: replaced atomically once the output is complete.
    File(PathBuf),
}

impl Destination {
    /// The destination for an `--output` argument, refused (before any work
    /// is done) when it names a `*.kin.toml` or an existing assessment file:
    /// a report must never replace weeks of work.
    pub fn choose(output: Option<&Path>) -> anyhow::Result<Destination> {
        let Some(path) = output else {
            return Ok(Destination::Stdout);
        };
        let shown = shown_path(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.ends_with(".kin.toml") {
            anyhow::bail!(msg::output_is_assessment_name(&shown));
        }
        if path.is_dir() {
            anyhow::bail!(msg::output_is_folder(&shown));
        }
        // An unreadable file is left to the write, which says why.
        if let Ok(bytes) = read_limited(path)
            && looks_like_assessment(&bytes)
        {
            anyhow::bail!(msg::output_is_assessment(&shown));
        }
        Ok(Destination::File(path.to_path_buf()))
    }

    /// Refuses binary output (a workbook) on a terminal, where it would
    /// only garble the screen.
    pub fn accept(&self, kind: OutputKind) -> anyhow::Result<()> {
        if kind == OutputKind::Binary && *self == Destination::Stdout && io::stdout().is_terminal()
        {
            anyhow::bail!(msg::BINARY_OUTPUT_ON_TERMINAL);
        }
        Ok(())
    }

    /// The width and colour for tables: the terminal's for stdout; for a
    /// file the rules of a pipe (`COLUMNS` or 100 columns, no colour).
    pub fn screen(&self) -> Screen {
        match self {
            Destination::Stdout => crate::terminal::screen::detect_screen(),
            Destination::File(_) => Screen::decide(&Environment {
                columns: std::env::var("COLUMNS").ok(),
                ..Environment::default()
            }),
        }
    }

    /// Runs `write` with the output: stdout as it comes (a reader that went
    /// away is not an error), or a temporary file that replaces FILE only
    /// when `write` and flushing succeeded.
    pub fn write(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Destination::Stdout => {
                let mut out = PipeTolerant {
                    inner: BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout().lock()),
                    gone: false,
                };
                write(&mut out)
                    .and_then(|()| out.flush())
                    .context(msg::CANNOT_WRITE_STDOUT)
            }
            Destination::File(path) => write_atomic_with(path, Overwrite::Allow, |file| {
                let mut out = BufWriter::with_capacity(OUTPUT_BUFFER, file);
                write(&mut out)?;
                out.flush()
            })
            .map_err(|e| anyhow::anyhow!(msg::write_failed(&shown_path(path), &e))),
        }
    }
}

/// How much output is gathered before it is written. Stdout is line
/// buffered underneath: with std's 8 KiB, a report's pieces of about 10 KiB
/// went past the buffer and were written in two or three system calls each
/// (3,285 writes for the JSON report over 1,101 files, 1,082 of them 7
/// bytes long).
const OUTPUT_BUFFER: usize = 64 * 1024;

/// Stdout that turns into a sink once the reader went away (`| head`), so
/// a command finishes its work and exit code as if all was read.
struct PipeTolerant<W: Write> {
    inner: W,
    gone: bool,
}

impl<W: Write> PipeTolerant<W> {
    fn tolerate(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(())
            }
            result => result,
        }
    }
}

impl<W: Write> Write for PipeTolerant<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.gone {
            let result = self.inner.write_all(bytes);
            self.tolerate(result)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gone {
            return Ok(());
        }
        let result = self.inner.flush();
        self.tolerate(result)
    }
}

/// Writes findings about `file` to stderr, one line each, as `kin check`
/// writes them to stdout.
pub fn print_findings(file: &str, findings: &[Finding]) {
    for finding in findings {
        eprintln!("{}", finding_line(file, finding));
    }
}
