//! Writing command output to stdout, and findings to stderr. A closed pipe
//! (`kin report | head`) ends the output quietly instead of panicking like
//! `print!` would.

use crate::domain::finding::Finding;
use crate::render::findings::finding_line;
use crate::store::spool::Spool;
use std::io::{self, Write};

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

/// Writes everything `spool` holds to stdout, like [`print_bytes`].
pub fn print_spool(spool: Spool) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match spool.write_to(&mut stdout) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

/// Writes findings about `file` to stderr, one line each, as `kin check`
/// writes them to stdout.
pub fn print_findings(file: &str, findings: &[Finding]) {
    for finding in findings {
        eprintln!("{}", finding_line(file, finding));
    }
}
