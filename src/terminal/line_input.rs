//! One line of text typed at the terminal, drawn so that it stays right at
//! any width. dialoguer's `Input` counts characters, not terminal cells, and
//! clears only the row the cursor is on: a prompt with text wider than the
//! terminal leaves a stale, cut-off copy above it (console-rs/dialoguer#295).
//! Here the whole input (prompt and text, wrapped by the terminal) is drawn
//! again after every key, from its first row, and the cursor is placed by
//! [`layout`], which knows where the terminal wraps.

use super::interrupt;
use crate::assess::prompter::Check;
use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::Theme;
use std::io;
use unicode_width::UnicodeWidthChar;

/// Asks for one line on `term`, starting from `initial`, until `check`
/// accepts it. Drawn with `theme` like dialoguer's prompts; the accepted
/// answer stays on screen as `✔ prompt · answer`.
pub fn read_line(
    term: &Term,
    theme: &dyn Theme,
    prompt: &str,
    initial: &str,
    check: Check<'_>,
) -> io::Result<String> {
    let mut styled_prompt = String::new();
    theme
        .format_input_prompt(&mut styled_prompt, prompt, None)
        .map_err(io::Error::other)?;
    let _raw = RawMode::enter();
    // Rows above the input that belong to it: the last error message.
    let mut error_rows = 0;
    loop {
        let mut input = Drawn::new(term, &styled_prompt, initial);
        input.draw()?;
        let text = loop {
            let key = term.read_key()?;
            match input.line.press(key) {
                Press::Changed => input.draw()?,
                Press::Ignored => {}
                Press::Enter => break input.line.text(),
            }
        };
        input.clear(error_rows)?;
        match check(&text) {
            Ok(()) => {
                let mut done = String::new();
                theme
                    .format_input_prompt_selection(&mut done, prompt, &text)
                    .map_err(io::Error::other)?;
                write_wrapped(term, &done)?;
                return Ok(text);
            }
            Err(message) => {
                let mut error = String::new();
                theme
                    .format_error(&mut error, &message)
                    .map_err(io::Error::other)?;
                error_rows = write_wrapped(term, &error)?;
            }
        }
    }
}

/// The terminal's width in columns (console falls back to 79 when unknown).
fn columns(term: &Term) -> usize {
    usize::from(term.size().1).max(20)
}

/// `text` wrapped at spaces to `columns`, later rows indented by two.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let options = textwrap::Options::new(columns - 1).subsequent_indent("  ");
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Writes `text` wrapped to the terminal, ending the last row; returns the
/// number of rows written.
fn write_wrapped(term: &Term, text: &str) -> io::Result<usize> {
    let rows = wrap(text, columns(term));
    for row in &rows {
        term.write_str(row)?;
        term.write_str("\r\n")?;
    }
    Ok(rows.len())
}

/// The input as it is on screen: what to draw, and the cursor's row within
/// it, so the next drawing can start from its first row.
struct Drawn<'a> {
    term: &'a Term,
    prompt: &'a str,
    line: Line,
    cursor_row: usize,
}

impl<'a> Drawn<'a> {
    fn new(term: &'a Term, prompt: &'a str, initial: &str) -> Drawn<'a> {
        Drawn {
            term,
            prompt,
            line: Line::new(initial),
            cursor_row: 0,
        }
    }

    /// Draws prompt and text again from the first row and puts the cursor
    /// where the next key goes. The prompt is wrapped at spaces; the text
    /// is left to the terminal, which wraps it where [`layout`] expects.
    fn draw(&mut self) -> io::Result<()> {
        let columns = columns(self.term);
        // The prompt ends in a space, which wrapping would drop.
        let prompt = wrap(self.prompt.trim_end(), columns);
        let last = prompt.last().map_or(0, |row| measure_text_width(row));
        let start = ScreenPosition {
            row: prompt.len().saturating_sub(1),
            column: last,
        };
        let place = layout(start, &self.line.chars, self.line.cursor, columns);
        self.go_to_first_row()?;
        self.term.clear_to_end_of_screen()?;
        self.term.write_str(&prompt.join("\r\n"))?;
        self.term.write_str(" ")?;
        self.term.write_str(&self.line.text())?;
        if place.end.column == 0 && place.end.row > 0 {
            // The text ends exactly at the right edge: the terminal has not
            // moved to the next row yet (or has, on some consoles). A space
            // and a carriage return put the cursor there in both cases.
            self.term.write_str(" \r")?;
        }
        self.term.move_cursor_up(place.end.row - place.cursor.row)?;
        self.term.write_str("\r")?;
        self.term.move_cursor_right(place.cursor.column)?;
        self.term.flush()?;
        self.cursor_row = place.cursor.row;
        interrupt::set_rows_below_cursor(place.end.row - place.cursor.row);
        Ok(())
    }

    /// Removes the input (and `rows_above` rows before it) from the screen;
    /// the cursor ends where the input started.
    fn clear(&mut self, rows_above: usize) -> io::Result<()> {
        self.go_to_first_row()?;
        self.term.move_cursor_up(rows_above)?;
        self.term.clear_to_end_of_screen()?;
        self.cursor_row = 0;
        interrupt::set_rows_below_cursor(0);
        Ok(())
    }

    fn go_to_first_row(&self) -> io::Result<()> {
        self.term.move_cursor_up(self.cursor_row)?;
        self.term.write_str("\r")
    }
}

/// A position on screen, relative to the input's first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenPosition {
    pub row: usize,
    pub column: usize,
}

/// Where the cursor goes and where the drawing ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub cursor: ScreenPosition,
    pub end: ScreenPosition,
}

/// Where a space and `chars`, written from `start` (the end of the prompt),
/// put the character at `cursor` and the end, on a terminal `columns` wide.
/// The terminal moves a character that does not fit any more (a wide one in
/// the last column) to the next row; a text that fills its last row exactly
/// ends at the start of the next one.
pub fn layout(start: ScreenPosition, chars: &[char], cursor: usize, columns: usize) -> Place {
    let (_, mut at) = place_char(start, 1, columns);
    let mut cursor_cell = None;
    for (index, c) in chars.iter().enumerate() {
        let (begin, next) = place_char(at, c.width().unwrap_or(0), columns);
        if index == cursor {
            cursor_cell = Some(begin);
        }
        at = next;
    }
    Place {
        cursor: cursor_cell.unwrap_or(at),
        end: at,
    }
}

/// Where a character `width` cells wide written at `at` begins, and where
/// the next one goes.
fn place_char(
    at: ScreenPosition,
    width: usize,
    columns: usize,
) -> (ScreenPosition, ScreenPosition) {
    let next_row = |row| ScreenPosition {
        row: row + 1,
        column: 0,
    };
    let begin = if width > 0 && at.column + width > columns {
        next_row(at.row)
    } else {
        at
    };
    let column = begin.column + width;
    let next = if column >= columns {
        next_row(begin.row)
    } else {
        ScreenPosition { column, ..begin }
    };
    (begin, next)
}

/// The text being typed and the cursor in it, changed key by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    chars: Vec<char>,
    /// Index into `chars` of the character the cursor is on.
    cursor: usize,
}

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    Changed,
    Ignored,
    Enter,
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Line {
        let chars: Vec<char> = text.chars().collect();
        Line {
            cursor: chars.len(),
            chars,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Applies one key: typing, deleting, moving (also by word with Alt+B /
    /// Alt+F, to the ends with Home/End or Ctrl+A/Ctrl+E); Ctrl+U and Ctrl+K
    /// delete to the start and to the end, Ctrl+W the word before the cursor.
    pub fn press(&mut self, key: Key) -> Press {
        let before = self.clone();
        match key {
            Key::Enter => return Press::Enter,
            Key::Char('\u{15}') => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            Key::Char('\u{0b}') => self.chars.truncate(self.cursor),
            Key::Char('\u{17}') => {
                let start = self.word_start();
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            Key::Char(c) if !c.is_control() => {
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            Key::Del if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            Key::ArrowLeft => self.cursor = self.cursor.saturating_sub(1),
            Key::ArrowRight => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.chars.len(),
            Key::UnknownEscSeq(seq) if seq == ['b'] => self.cursor = self.word_start(),
            Key::UnknownEscSeq(seq) if seq == ['f'] => self.cursor = self.word_end(),
            _ => {}
        }
        if *self == before {
            Press::Ignored
        } else {
            Press::Changed
        }
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let before = &self.chars[..self.cursor];
        let end = before
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |i| i + 1);
        before[..end]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |i| i + 1)
    }

    /// The end of the word after the cursor (spaces before it skipped).
    fn word_end(&self) -> usize {
        let after = &self.chars[self.cursor..];
        let start = after
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(after.len());
        let end = after[start..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(after.len(), |i| start + i);
        self.cursor + end
    }
}

/// Keys are read without echo and line editing by the terminal for the
/// whole input, not only while a key is read: keys typed (or pasted) faster
/// than kin reads them would otherwise be echoed by the terminal and spoil
/// the drawing. Output keeps its translation of line ends.
struct RawMode {
    #[cfg(unix)]
    original: Option<rustix::termios::Termios>,
}

impl RawMode {
    fn enter() -> RawMode {
        #[cfg(unix)]
        {
            use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
            let stdin = std::io::stdin();
            let original = tcgetattr(&stdin).ok();
            if let Some(original) = &original {
                let mut raw = original.clone();
                raw.make_raw();
                raw.output_modes = original.output_modes;
                let _ = tcsetattr(&stdin, OptionalActions::Drain, &raw);
            }
            RawMode { original }
        }
        #[cfg(not(unix))]
        RawMode {}
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(original) = &self.original {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Drain,
                original,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize, column: usize) -> ScreenPosition {
        ScreenPosition { row, column }
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// The cursor and end after a prompt ending at column `prompt` of row 0.
    fn place(prompt: usize, text: &str, cursor: usize, columns: usize) -> Place {
        layout(cell(0, prompt), &chars(text), cursor, columns)
    }

    #[test]
    fn short_input_stays_on_one_row() {
        // "? P ›" (5 cells), a space, "abc": the cursor after "abc".
        assert_eq!(place(5, "abc", 3, 20).cursor, cell(0, 9));
        assert_eq!(place(5, "abc", 3, 20).end, cell(0, 9));
        assert_eq!(place(5, "abc", 0, 20).cursor, cell(0, 6));
    }

    #[test]
    fn long_input_wraps_where_the_terminal_wraps() {
        // 3 + 1 + 16 cells at 10 columns: rows of 10, 10, then the end at (2, 0).
        let text = "abcdefghijklmnop";
        assert_eq!(
            place(3, text, 16, 10).end,
            cell(2, 0),
            "a full last row ends on the next"
        );
        assert_eq!(place(3, text, 6, 10).cursor, cell(1, 0));
        assert_eq!(place(3, text, 5, 10).cursor, cell(0, 9));
        // A prompt ending at the right edge: the text starts on the next row.
        assert_eq!(place(9, "ab", 0, 10).cursor, cell(1, 0));
        assert_eq!(layout(cell(2, 4), &chars("ab"), 2, 10).cursor, cell(2, 7));
    }

    #[test]
    fn a_wide_character_that_does_not_fit_moves_to_the_next_row() {
        // "漢" takes two cells; at column 9 of 10 it goes to the next row.
        let text = "abcd漢x";
        assert_eq!(place(4, text, 4, 10).cursor, cell(1, 0));
        assert_eq!(place(4, text, 6, 10).end, cell(1, 3));
        assert_eq!(place(3, "ab\u{301}c", 4, 10).end, cell(0, 7));
    }

    #[test]
    fn keys_edit_the_line() {
        let mut line = Line::new("Bauhof");
        assert_eq!(line.press(Key::Char('!')), Press::Changed);
        assert_eq!(line.press(Key::Home), Press::Changed);
        assert_eq!(line.press(Key::ArrowLeft), Press::Ignored);
        line.press(Key::Char('>'));
        line.press(Key::End);
        line.press(Key::Backspace);
        assert_eq!(line.text(), ">Bauhof");
        line.press(Key::Char(' '));
        for c in "seit 2019".chars() {
            line.press(Key::Char(c));
        }
        line.press(Key::UnknownEscSeq(vec!['b']));
        line.press(Key::Del);
        assert_eq!(line.text(), ">Bauhof seit 019");
        line.press(Key::Char('\u{17}')); // Ctrl+W
        assert_eq!(line.text(), ">Bauhof 019");
        line.press(Key::Char('\u{15}')); // Ctrl+U
        assert_eq!(line.text(), "019");
        line.press(Key::UnknownEscSeq(vec!['f']));
        line.press(Key::Char('9'));
        assert_eq!(line.text(), "0199");
        assert_eq!(line.press(Key::Char('\u{1b}')), Press::Ignored);
        assert_eq!(line.press(Key::Tab), Press::Ignored);
        line.press(Key::Home);
        line.press(Key::Char('\u{0b}')); // Ctrl+K
        assert_eq!(line.text(), "");
        assert_eq!(line.press(Key::Enter), Press::Enter);
    }
}
