//! Output held back until a command knows it is complete (see [`Spool`]).

use std::io::{self, Read, Seek, SeekFrom, Write};

/// Pieces of output held back until a command knows it is complete, so that
/// no partial report pretends to be whole; read back in any order. The first
/// pieces are kept in memory as they came, up to a limit
/// ([`Spool::MEMORY_LIMIT`] bytes in all); the pieces after them go to an
/// anonymous temporary file, written a batch at a time, so memory stays
/// small for reports over thousands of files.
pub struct Spool {
    /// Where each piece is.
    places: Vec<Place>,
    /// The pieces kept in memory.
    held: Vec<Vec<u8>>,
    /// How many bytes `held` holds.
    held_bytes: usize,
    memory_limit: usize,
    file: Option<std::fs::File>,
    /// How many bytes have been written to `file`.
    written: u64,
    /// Bytes of the pieces after those in `file`, not written yet.
    pending: Vec<u8>,
}

/// Where a piece is kept.
#[derive(Clone, Copy)]
enum Place {
    /// In memory: `held[index]`.
    Held(usize),
    /// In the temporary file (or still pending for it), from byte `start`.
    File { start: u64, len: u64 },
}

impl Spool {
    /// How many bytes of pieces are kept in memory: all of a report over the
    /// 1,101 Kommunen of one field in JSON (about 12 MB).
    pub const MEMORY_LIMIT: usize = 16 * 1024 * 1024;

    /// How many bytes for the file are gathered before they are written.
    const WRITE_BATCH: usize = 1024 * 1024;

    pub fn new() -> Spool {
        Spool::with_memory_limit(Self::MEMORY_LIMIT)
    }

    /// A spool keeping at most `limit` bytes of pieces in memory.
    pub fn with_memory_limit(limit: usize) -> Spool {
        Spool {
            places: Vec::new(),
            held: Vec::new(),
            held_bytes: 0,
            memory_limit: limit,
            file: None,
            written: 0,
            pending: Vec::new(),
        }
    }

    /// Adds the next piece.
    pub fn push(&mut self, mut piece: Vec<u8>) -> io::Result<()> {
        if self.file.is_none() && self.held_bytes + piece.len() <= self.memory_limit {
            // A piece grown by writing may have more room than it uses.
            piece.shrink_to_fit();
            self.held_bytes += piece.len();
            self.places.push(Place::Held(self.held.len()));
            self.held.push(piece);
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile()?);
        }
        self.places.push(Place::File {
            start: self.written + self.pending.len() as u64,
            len: piece.len() as u64,
        });
        self.pending.extend_from_slice(&piece);
        if self.pending.len() >= Self::WRITE_BATCH {
            self.write_pending()?;
        }
        Ok(())
    }

    /// Writes the pending bytes to the end of the file.
    fn write_pending(&mut self) -> io::Result<()> {
        let Some(file) = &mut self.file else {
            return Ok(());
        };
        file.seek(SeekFrom::Start(self.written))?;
        file.write_all(&self.pending)?;
        self.written += self.pending.len() as u64;
        self.pending.clear();
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
                if start + len > self.written {
                    self.write_pending()?;
                }
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

    /// Reads every piece in a scrambled order, each twice.
    fn assert_pieces(spool: &mut Spool, expected: &[Vec<u8>]) {
        assert_eq!(spool.len(), expected.len());
        let mut buffer = Vec::new();
        let count = expected.len();
        for step in 0..2 * count {
            let index = (step * 7919) % count;
            let got = spool.piece(index, &mut buffer).unwrap().to_vec();
            assert_eq!(got, expected[index], "piece {index}");
        }
    }

    #[test]
    fn pieces_come_back_whole_from_memory_and_file() {
        let mut spool = Spool::new();
        let piece = "x".repeat(Spool::MEMORY_LIMIT / 4 - 1);
        let mut pieces: Vec<Vec<u8>> = (0..10)
            .map(|i| format!("{i}{piece}").into_bytes())
            .collect();
        pieces.push(Vec::new());
        pieces.push(b"rest".to_vec());
        for piece in &pieces {
            spool.push(piece.clone()).unwrap();
        }
        assert!(spool.file.is_some(), "spilled to a file");
        assert_eq!(spool.held.len(), 4, "the first four fit in memory");
        assert!(spool.held_bytes <= Spool::MEMORY_LIMIT);
        assert_eq!(spool.pending, b"rest", "the last piece is not written yet");
        assert_pieces(&mut spool, &pieces);
        assert!(spool.pending.is_empty(), "written before it was read");
    }

    #[test]
    fn many_small_pieces_are_written_a_batch_at_a_time() {
        let mut spool = Spool::with_memory_limit(1000);
        let pieces: Vec<Vec<u8>> = (0..5000)
            .map(|i| format!("„Stück {i}“ {}", "ä".repeat(i % 700)).into_bytes())
            .collect();
        for piece in &pieces {
            spool.push(piece.clone()).unwrap();
        }
        assert!(spool.held_bytes <= 1000);
        assert!(spool.held.len() < 50, "most went to the file");
        assert!(spool.written > 0, "full batches were written");
        assert!(spool.pending.len() < Spool::WRITE_BATCH);
        assert_pieces(&mut spool, &pieces);
        // Pieces added after reading still come back, and so do the others.
        let mut more = pieces.clone();
        for i in 0..100 {
            let piece = format!("danach {i}").into_bytes();
            spool.push(piece.clone()).unwrap();
            more.push(piece);
        }
        assert_pieces(&mut spool, &more);
    }
}
