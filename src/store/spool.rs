//! Output held back until a command knows it is complete (see [`Spool`]).

use std::io::{self, Write};

/// Output held back until a command knows it is complete, so that no partial
/// report pretends to be whole. Kept in memory up to [`Spool::MEMORY_LIMIT`],
/// beyond that in an anonymous temporary file, so memory stays small for
/// reports over thousands of files.
pub struct Spool {
    memory: Vec<u8>,
    file: Option<std::fs::File>,
}

impl Spool {
    pub const MEMORY_LIMIT: usize = 4 * 1024 * 1024;

    pub fn new() -> Spool {
        Spool {
            memory: Vec::new(),
            file: None,
        }
    }

    pub fn push(&mut self, text: &str) -> io::Result<()> {
        self.memory.extend_from_slice(text.as_bytes());
        if self.memory.len() >= Self::MEMORY_LIMIT {
            let file = match &mut self.file {
                Some(file) => file,
                None => self.file.insert(tempfile::tempfile()?),
            };
            file.write_all(&self.memory)?;
            self.memory.clear();
        }
        Ok(())
    }

    /// Writes everything held to `out`, in order.
    pub fn write_to(mut self, out: &mut dyn Write) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        if let Some(mut file) = self.file.take() {
            file.seek(SeekFrom::Start(0))?;
            io::copy(&mut file, out)?;
        }
        out.write_all(&self.memory)?;
        out.flush()
    }

    /// Everything held, for tests.
    #[cfg(test)]
    fn into_bytes(self) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes)?;
        Ok(bytes)
    }
}

impl Default for Spool {
    fn default() -> Self {
        Spool::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spool_keeps_order_across_memory_and_file() {
        let mut spool = Spool::new();
        let piece = "x".repeat(Spool::MEMORY_LIMIT / 3 + 1);
        let mut expected = String::new();
        for i in 0..10 {
            let text = format!("{i}{piece}");
            spool.push(&text).unwrap();
            expected.push_str(&text);
        }
        assert!(spool.file.is_some(), "spilled to a file");
        assert!(spool.memory.len() < Spool::MEMORY_LIMIT);
        assert_eq!(spool.into_bytes().unwrap(), expected.as_bytes());
    }
}
