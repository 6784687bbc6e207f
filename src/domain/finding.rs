//! A problem found in an assessment file, with the place it points to.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A finding about one file. `position` is where it points in the file;
/// `None` for findings about the file as a whole (missing, unreadable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable machine-readable kind, e.g. `unknown-status` (see docs/check-json.md).
    pub code: &'static str,
    pub message: String,
    pub position: Option<Position>,
}

impl Finding {
    /// An error about the file as a whole.
    pub fn file_error(code: &'static str, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            message: message.into(),
            position: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A 1-based line and column (in characters) in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`. Offsets past the end or inside
    /// a character are clamped to the nearest character boundary before them.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// Turns many byte offsets of one text into positions without rescanning the
/// text for each: line starts are found once, and columns are counted from
/// the line start or the last position looked up, whichever is nearer, so a
/// long line (a 10 MB note, thousands of inline tables) is not counted again
/// for every finding.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// The last offset looked up (at a character boundary) and its position.
    last: std::cell::Cell<(usize, Position)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, Position { line: 1, column: 1 })),
        }
    }

    /// The same as [`Position::of_offset`] on the indexed text.
    pub fn position(&self, offset: usize) -> Position {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The line holding `offset`: the last line start at or before it.
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        // Count characters from the line start or from the last position on
        // the same line, whichever is nearer: walking a file's parts visits
        // positions mostly in order, with short steps back.
        let (last_offset, last) = self.last.get();
        let column = if last.line != line || offset - line_start <= offset.abs_diff(last_offset) {
            1 + text[line_start..offset].chars().count()
        } else if last_offset <= offset {
            last.column + text[last_offset..offset].chars().count()
        } else {
            last.column - text[offset..last_offset].chars().count()
        };
        let position = Position { line, column };
        self.last.set((offset, position));
        position
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_of_offset() {
        let text = "a = 1\nnäme = 2\n\n„x“ = [1, 2]\nlast";
        let index = LineIndex::new(text);
        // Forwards, backwards and repeated lookups all agree.
        let offsets: Vec<usize> = (0..=text.len() + 2)
            .chain((0..=text.len()).rev())
            .chain([5, 5, 9, 3])
            .collect();
        for offset in offsets {
            assert_eq!(
                index.position(offset),
                Position::of_offset(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn line_index_agrees_with_of_offset_in_any_order() {
        let text = "ä„b“\n".repeat(3) + &"x = „ü“, ".repeat(200) + "\nEnde";
        let index = LineIndex::new(&text);
        let mut state = 12345u64;
        for _ in 0..2000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let offset = (state >> 33) as usize % (text.len() + 1);
            assert_eq!(
                index.position(offset),
                Position::of_offset(&text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnäme = 2\n";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 6),
            Position { line: 2, column: 1 }
        );
        // "ä" is two bytes but one column.
        assert_eq!(
            Position::of_offset(text, 9),
            Position { line: 2, column: 3 }
        );
        // Inside "ä" clamps to its start; past the end clamps to the end.
        assert_eq!(
            Position::of_offset(text, 8),
            Position { line: 2, column: 2 }
        );
        assert_eq!(
            Position::of_offset(text, 999),
            Position { line: 3, column: 1 }
        );
    }
}
