//! Output held back until a command knows it is complete (see [`Spool`]).

use std::io::{self, Read, Seek, SeekFrom, Write};

/// Pieces of output held back until a command knows it is complete, so that
/// no partial report pretends to be whole; read back in any order. Kept in
/// memory up to [`Spool::MEMORY_LIMIT`], beyond that in an anonymous
/// temporary file, so memory stays small for reports over thousands of files.
pub struct Spool {
    /// The bytes after those in `file`.
    memory: Vec<u8>,
    file: Option<std::fs::File>,
    /// How many bytes `file` holds.
    in_file: u64,
    /// Where each piece starts, and where the last one ends.
    bounds: Vec<u64>,
}

impl Spool {
    pub const MEMORY_LIMIT: usize = 4 * 1024 * 1024;

    pub fn new() -> Spool {
        Spool {
            memory: Vec::new(),
            file: None,
            in_file: 0,
            bounds: vec![0],
        }
    }

    /// Adds the next piece.
    pub fn push(&mut self, piece: &[u8]) -> io::Result<()> {
        self.memory.extend_from_slice(piece);
        let end = self.bounds.last().copied().unwrap_or(0) + piece.len() as u64;
        self.bounds.push(end);
        if self.memory.len() >= Self::MEMORY_LIMIT {
            let file = match &mut self.file {
                Some(file) => file,
                None => self.file.insert(tempfile::tempfile()?),
            };
            file.seek(SeekFrom::Start(self.in_file))?;
            file.write_all(&self.memory)?;
            self.in_file += self.memory.len() as u64;
            self.memory.clear();
        }
        Ok(())
    }

    /// How many pieces there are.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads piece `index` into `buffer` (replacing what it held).
    pub fn read_piece(&mut self, index: usize, buffer: &mut Vec<u8>) -> io::Result<()> {
        let (start, end) = (self.bounds[index], self.bounds[index + 1]);
        buffer.clear();
        if start < self.in_file {
            let file = self
                .file
                .as_mut()
                .expect("bytes before in_file are in the file");
            file.seek(SeekFrom::Start(start))?;
            file.take(end.min(self.in_file) - start)
                .read_to_end(buffer)?;
        }
        if end > self.in_file {
            let from = start.max(self.in_file) - self.in_file;
            let to = end - self.in_file;
            buffer.extend_from_slice(&self.memory[from as usize..to as usize]);
        }
        Ok(())
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
    fn pieces_come_back_whole_across_memory_and_file() {
        let mut spool = Spool::new();
        let piece = "x".repeat(Spool::MEMORY_LIMIT / 3 + 1);
        let pieces: Vec<String> = (0..10).map(|i| format!("{i}{piece}")).collect();
        for text in &pieces {
            spool.push(text.as_bytes()).unwrap();
        }
        spool.push(b"").unwrap();
        spool.push(b"rest").unwrap();
        assert!(spool.file.is_some(), "spilled to a file");
        assert!(spool.memory.len() < Spool::MEMORY_LIMIT);
        assert_eq!(spool.len(), 12);
        let mut buffer = Vec::new();
        for index in [3, 0, 9, 11, 10, 4] {
            spool.read_piece(index, &mut buffer).unwrap();
            let expected = match index {
                10 => "",
                11 => "rest",
                _ => &pieces[index],
            };
            assert_eq!(buffer, expected.as_bytes(), "piece {index}");
        }
    }
}
