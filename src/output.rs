//! Writing a command's finished output to stdout in one go.

use std::io::{self, Write};

/// Writes `text` to stdout. A reader that went away early (`kin report … |
/// head`) is not an error: the output simply ends there, without a panic.
pub fn print_all(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}
