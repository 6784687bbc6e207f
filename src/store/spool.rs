//! Output held back until a command knows it is complete (see [`Spool`]).

use std::io::{self, Read, Seek, SeekFrom, Write};

/// Pieces of output held back until a command knows it is complete, so that
/// no partial report pretends to be whole; read back in any order. The first
/// pieces are kept in memory as they came, up to [`Spool::MEMORY_LIMIT`]
/// bytes in all; the pieces after them go to an anonymous temporary file, so
/// memory stays small for reports over thousands of files.
pub struct Spool {
    /// Where each piece is.
    places: Vec<Place>,
    /// The pieces kept in memory.
    held: Vec<Vec<u8>>,
    /// How many bytes `held` holds.
    held_bytes: usize,
    file: Option<std::fs::File>,
    /// How many bytes `file` holds.
    in_file: u64,
}

/// Where a piece is kept.
#[derive(Clone, Copy)]
enum Place {
    /// In memory: `held[index]`.
    Held(usize),
    /// In the temporary file.
    File { start: u64, len: u64 },
}

impl Spool {
    pub const MEMORY_LIMIT: usize = 16 * 1024 * 1024;

    pub fn new() -> Spool {
        Spool {
            places: Vec::new(),
            held: Vec::new(),
            held_bytes: 0,
            file: None,
            in_file: 0,
        }
    }

    /// Adds the next piece.
    pub fn push(&mut self, mut piece: Vec<u8>) -> io::Result<()> {
        if self.file.is_none() && self.held_bytes + piece.len() <= Self::MEMORY_LIMIT {
            // A piece grown by writing has up to twice its length reserved.
            piece.shrink_to_fit();
            self.held_bytes += piece.len();
            self.places.push(Place::Held(self.held.len()));
            self.held.push(piece);
            return Ok(());
        }
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(tempfile::tempfile()?),
        };
        file.seek(SeekFrom::Start(self.in_file))?;
        file.write_all(&piece)?;
        let len = piece.len() as u64;
        self.places.push(Place::File {
            start: self.in_file,
            len,
        });
        self.in_file += len;
        Ok(())
    }

    /// How many pieces there are.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Piece `index`: borrowed where it is held in memory, otherwise read
    /// into `buffer` (replacing what it held).
    pub fn piece<'a>(&'a mut self, index: usize, buffer: &'a mut Vec<u8>) -> io::Result<&'a [u8]> {
        match self.places[index] {
            Place::Held(held) => Ok(&self.held[held]),
            Place::File { start, len } => {
                let file = self
                    .file
                    .as_mut()
                    .expect("a piece placed in the file has a file");
                buffer.clear();
                file.seek(SeekFrom::Start(start))?;
                file.take(len).read_to_end(buffer)?;
                Ok(buffer)
            }
        }
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
    fn pieces_come_back_whole_from_memory_and_file() {
        let mut spool = Spool::new();
        let piece = "x".repeat(Spool::MEMORY_LIMIT / 4 - 1);
        let pieces: Vec<String> = (0..10).map(|i| format!("{i}{piece}")).collect();
        for text in &pieces {
            spool.push(text.as_bytes().to_vec()).unwrap();
        }
        spool.push(Vec::new()).unwrap();
        spool.push(b"rest".to_vec()).unwrap();
        assert!(spool.file.is_some(), "spilled to a file");
        assert_eq!(spool.held.len(), 4, "the first four fit in memory");
        assert!(spool.held_bytes <= Spool::MEMORY_LIMIT);
        assert_eq!(spool.len(), 12);
        let mut buffer = Vec::new();
        for index in [3, 0, 9, 11, 10, 4, 3] {
            let got = spool.piece(index, &mut buffer).unwrap().to_vec();
            let expected = match index {
                10 => "",
                11 => "rest",
                _ => &pieces[index],
            };
            assert_eq!(got, expected.as_bytes(), "piece {index}");
        }
    }
}
