//! comfy-table tables of any number of rows, written a chunk of rows at a
//! time and line for line as comfy-table lays out the whole table, so that
//! a district of thousands of Kommunen is never laid out at once.
//!
//! comfy-table gives a column its width from two figures over all its
//! cells (the header included): the widest line, and, for every width `w`
//! it tries, the longest line left after it splits the cells at `w`. A few
//! rows that hold these maxima ([`layout_rows`]) therefore get the same
//! column widths as all rows together; [`write_in_chunks`] takes the widths
//! from them and lays out each chunk of rows with exactly those widths.

use comfy_table::{Cell, ColumnConstraint, Table, Width};
use std::collections::HashSet;
use std::io;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many rows [`write_in_chunks`] lays out at once.
pub const CHUNK: usize = 256;

/// The rows that decide the column widths of a table `table_width` wide:
/// for every column, the row with its widest line and, for every width up
/// to `table_width`, the row whose cell in that column keeps the longest
/// line after comfy-table splits it at that width. Each key once, in the
/// order of `rows`; the first row wins a tie. A table with the same header
/// and settings gets the same column widths from these rows as from all.
pub fn layout_rows<K: Copy>(
    table_width: u16,
    rows: impl IntoIterator<Item = (K, Vec<Cell>)>,
) -> Vec<K> {
    let widths = usize::from(table_width);
    let mut columns: Vec<ColumnMaxima<K>> = Vec::new();
    for (position, (key, cells)) in rows.into_iter().enumerate() {
        for (index, cell) in cells.iter().enumerate() {
            if columns.len() <= index {
                columns.push(ColumnMaxima::new(widths));
            }
            columns[index].add(&cell.content(), position, key);
        }
    }
    let mut chosen: Vec<(usize, K)> = columns
        .into_iter()
        .flat_map(|column| column.best.into_iter().flatten().chain(column.widest))
        .map(|best| (best.position, best.key))
        .collect();
    chosen.sort_by_key(|(position, _)| *position);
    chosen.dedup_by_key(|(position, _)| *position);
    chosen.into_iter().map(|(_, key)| key).collect()
}

/// A row holding a column's maximum so far.
#[derive(Debug, Clone, Copy)]
struct Best<K> {
    value: usize,
    position: usize,
    key: K,
}

/// The maxima of one column that comfy-table's layout depends on.
struct ColumnMaxima<K> {
    /// The row with the widest line.
    widest: Option<Best<K>>,
    /// Per width `w` (index), the row with the longest line after
    /// splitting at `w`.
    best: Vec<Option<Best<K>>>,
    /// Cell texts already measured: a text repeated in many rows (a
    /// Kommune's name, a category) is split only once.
    seen: HashSet<String>,
}

impl<K: Copy> ColumnMaxima<K> {
    fn new(widths: usize) -> Self {
        ColumnMaxima {
            widest: None,
            best: vec![None; widths + 1],
            seen: HashSet::new(),
        }
    }

    fn add(&mut self, content: &str, position: usize, key: K) {
        if self.seen.contains(content) {
            return;
        }
        let lines: Vec<(&str, usize)> = content.split('\n').map(|l| (l, l.width())).collect();
        let widest = lines.iter().map(|(_, w)| *w).max().unwrap_or(0);
        let candidate = |value| Best {
            value,
            position,
            key,
        };
        raise(&mut self.widest, candidate(widest));
        for (width, best) in self.best.iter_mut().enumerate() {
            let longest = if widest <= width {
                widest
            } else {
                lines
                    .iter()
                    .map(|&(line, w)| {
                        if w > width {
                            longest_part(line, width)
                        } else {
                            w
                        }
                    })
                    .max()
                    .unwrap_or(0)
            };
            raise(best, candidate(longest));
        }
        self.seen.insert(content.to_owned());
    }
}

/// Keeps `candidate` when it beats the maximum so far.
fn raise<K>(best: &mut Option<Best<K>>, candidate: Best<K>) {
    if best.as_ref().is_none_or(|b| candidate.value > b.value) {
        *best = Some(candidate);
    }
}

/// The width of the longest line comfy-table makes of `line` in a column
/// `width` wide.
fn longest_part(line: &str, width: usize) -> usize {
    pieces(line, width)
        .iter()
        .map(|piece| piece.width())
        .max()
        .unwrap_or(0)
}

/// The lines comfy-table 8 makes of `line` in a column `width` wide
/// (`split_line` in its `content_split`, delimiter a space): words are
/// added while they fit, a line with at most two cells left is closed, and
/// a word longer than the column is cut at graphemes. Each line is a piece
/// of `line` (the spaces at the breaks left out), so pieces are kept as
/// byte ranges, and widths are counted as comfy-table counts them.
fn pieces(line: &str, width: usize) -> Vec<&str> {
    const MIN_FREE_CHARS: usize = 2;
    let offset = |piece: &str| piece.as_ptr() as usize - line.as_ptr() as usize;
    let mut pieces = Vec::new();
    let mut close = |current: &mut Option<(usize, usize)>, length: &mut usize| {
        if let Some((start, end)) = current.take() {
            pieces.push(&line[start..end]);
        }
        *length = 0;
    };
    let mut elements: Vec<&str> = line.split(' ').collect();
    elements.reverse();
    // The current line as a byte range of `line` (None while it is empty)
    // and its width as comfy-table counts it.
    let mut current: Option<(usize, usize)> = None;
    let mut length = 0;
    while let Some(next) = elements.pop() {
        let next_length = next.width();
        let start = offset(next);
        let end = start + next.len();
        let mut added = next_length + length;
        let mut remaining = width.saturating_sub(length);
        if current.is_some() {
            added += 1;
            remaining = remaining.saturating_sub(1);
        }
        // Appends `next` up to byte `to` (the space before it included).
        let append = |current: &mut Option<(usize, usize)>, to: usize| match current {
            Some((_, end)) => *end = to,
            None if to > start => *current = Some((start, to)),
            None => {}
        };
        if added <= width {
            if current.is_some() {
                length += 1;
            }
            append(&mut current, end);
            length += next_length;
            if length > width.saturating_sub(MIN_FREE_CHARS) {
                close(&mut current, &mut length);
            }
            continue;
        }
        if current.is_some() && remaining <= MIN_FREE_CHARS {
            elements.push(next);
            close(&mut current, &mut length);
            continue;
        }
        if next_length > width {
            let head = split_long_word(remaining, next);
            // A character wider than the whole column goes on a line of
            // its own.
            let head = if current.is_none() && head == 0 {
                next.chars().next().map_or(0, char::len_utf8)
            } else {
                head
            };
            append(&mut current, start + head);
            elements.push(&next[head..]);
            close(&mut current, &mut length);
            continue;
        }
        close(&mut current, &mut length);
        append(&mut current, end);
        length = next_length;
        if length > width.saturating_sub(MIN_FREE_CHARS) {
            close(&mut current, &mut length);
        }
    }
    close(&mut current, &mut length);
    pieces
}

/// Where comfy-table cuts a word too long for its line: the byte length of
/// the head that fits into `allowed` cells.
fn split_long_word(allowed: usize, word: &str) -> usize {
    if word.bytes().all(|byte| (0x20..0x7f).contains(&byte)) {
        return word.len().min(allowed);
    }
    let mut width = 0;
    for (index, grapheme) in word.grapheme_indices(true) {
        width += grapheme.width();
        if width > allowed {
            return index;
        }
    }
    word.len()
}

/// Writes a table of the rows `rows()` yields through `write`, [`CHUNK`]
/// rows at a time, each call with the next lines of the whole table.
/// `new_table` makes the table without rows (header, style, width, column
/// settings); the column widths come from laying it out with the rows
/// [`layout_rows`] chooses. `rows` is called three times: to choose them,
/// to pick them out, and to write all rows. Needs a style with a top
/// border that marks the columns and a one-line bottom border (as
/// `UTF8_FULL`); with any other style the table is laid out whole.
pub fn write_in_chunks<I: Iterator<Item = Vec<Cell>>>(
    new_table: &dyn Fn() -> Table,
    rows: impl Fn() -> I,
    write: &mut dyn FnMut(Vec<String>) -> io::Result<()>,
) -> io::Result<()> {
    let mut probe = new_table();
    let chosen = layout_rows(probe.width().unwrap_or(0), rows().enumerate());
    let mut chosen = chosen.into_iter().peekable();
    for (index, row) in rows().enumerate() {
        if chosen.next_if_eq(&index).is_some() {
            probe.add_row(row);
        }
    }
    let Some(widths) = top_border_widths(&probe) else {
        let mut whole = new_table();
        whole.add_rows(rows());
        return write(whole.lines().collect());
    };
    let fixed = || {
        let mut table = new_table();
        for (column, width) in table.column_iter_mut().zip(&widths) {
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*width)));
        }
        table
    };
    let with_rows = |rows: Vec<Vec<Cell>>| -> Vec<String> {
        let mut table = fixed();
        table.add_rows(rows);
        table.lines().collect()
    };
    // The frame: what comes before the first row (top border, header,
    // header separator) and between two rows.
    let empty = || vec![Cell::new(""); widths.len()];
    let one = with_rows(vec![empty()]);
    let two = with_rows(vec![empty(), empty()]);
    let head = one.len() - 2;
    let separator = two[head + 1..two.len() - 2].to_vec();

    let mut rows = rows();
    let mut bottom = None;
    loop {
        let chunk: Vec<Vec<Cell>> = rows.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let mut lines = with_rows(chunk);
        let last = lines.pop();
        let body = lines.split_off(head);
        write(if bottom.is_none() {
            lines
        } else {
            separator.clone()
        })?;
        write(body)?;
        bottom = last;
    }
    match bottom {
        Some(bottom) => write(vec![bottom]),
        None => write(new_table().lines().collect()),
    }
}

/// The width of every column (padding included) as the top border of
/// `table` shows it; `None` when the style draws no such border or no
/// bottom border.
fn top_border_widths(table: &Table) -> Option<Vec<u16>> {
    let style = table.style();
    let (border, bottom) = (style.top_border, style.bottom_border);
    let (left, right, junction) = (border.left?, border.right?, border.junction?);
    bottom.fill?;
    let line = table.lines().next()?;
    let inner = line.strip_prefix(left)?.strip_suffix(right)?;
    let widths: Vec<u16> = inner
        .split(junction)
        .map(|part| u16::try_from(part.width()).ok())
        .collect::<Option<_>>()?;
    (widths.len() == table.column_iter().count()).then_some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use comfy_table::presets::{NOTHING, UTF8_FULL};
    use comfy_table::{ContentArrangement, Table};

    /// Lines with what splitting has to handle: runs of spaces, spaces at
    /// the ends, long words in ASCII and beyond (umlauts, wide characters,
    /// emoji of several code points), control pictures; and the widest
    /// line made of short words, which split into short lines while a
    /// narrower line keeps more.
    const LINES: [&str; 16] = [
        "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij",
        "Mittellange Zeile mit einunddreißig",
        "Zeile mit siebenundzwanzig",
        "vierundzwanzig Zeichen .",
        "Gemeinsame Klärschlammverwertung",
        "Städtepartnerschaft mit einer Gemeinde in Burkina Faso",
        "a  b   c    d",
        "  eingerückt und am Ende  ",
        "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung",
        "https://example.org/ein/sehr/langer/pfad?mit=parametern&und=mehr",
        "東京都 特別区 の 協力 関係 東京都特別区協力関係東京都",
        "Familie 👨‍👩‍👧 und 🙂‍↕️ nicken, ☺\u{fe0f} lächeln",
        "x",
        "",
        "ab cd ef gh ij kl mn op qr st uv wx yz",
        "Übermäßig   große   Öffnungszeiten\\u{1b}[2J",
    ];

    /// What comfy-table itself makes of `line` in a column `width` wide.
    fn comfy_lines(line: &str, width: u16) -> Vec<String> {
        let mut table = Table::new();
        table.load_style(NOTHING).add_row(vec![line]);
        let column = table.column_mut(0).unwrap();
        column.set_padding((0, 0));
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
        table.lines().map(|l| l.trim_end().to_owned()).collect()
    }

    #[test]
    fn pieces_are_comfy_tables_lines() {
        for line in LINES {
            for width in 1..=40u16 {
                if line.width() <= usize::from(width) {
                    continue;
                }
                let mine: Vec<&str> = pieces(line, usize::from(width))
                    .into_iter()
                    .map(str::trim_end)
                    .collect();
                // comfy-table pads every line: spaces at the end of a
                // piece cannot be told from the padding.
                assert_eq!(mine, comfy_lines(line, width), "{line:?} at {width}");
            }
        }
    }

    /// A table of `rows` laid out whole, and in chunks with the layout
    /// rows, must give the same lines: for tables of short and long texts,
    /// narrow and wide, many more rows than a chunk.
    #[test]
    fn chunks_equal_the_whole_table() {
        let rows: Vec<Vec<String>> = (0..700)
            .map(|i| {
                vec![
                    format!("Kommune {}", LINES[i % 7]),
                    LINES[(i * 5 + 3) % LINES.len()].to_owned(),
                    format!("{} {i}", LINES[(i * 7 + 1) % LINES.len()]),
                    ["● umgesetzt", "○ geplant\nüberfällig"][i % 2].to_owned(),
                ]
            })
            .collect();
        let cells = |row: &Vec<String>| row.iter().map(Cell::new).collect::<Vec<_>>();
        for width in [40, 61, 80, 100, 120] {
            for count in [0, 1, 3, CHUNK, CHUNK + 1, 700] {
                let new_table = || {
                    let mut table = Table::new();
                    table
                        .load_style(UTF8_FULL)
                        .set_content_arrangement(ContentArrangement::Dynamic)
                        .force_no_tty()
                        .set_width(width)
                        .set_header(vec!["Kommune", "Kategorie", "Maßnahme", "Status"]);
                    table
                        .column_mut(3)
                        .unwrap()
                        .set_constraint(ColumnConstraint::ContentWidth);
                    table
                };
                let rows = &rows[..count];
                let mut whole = new_table();
                whole.add_rows(rows.iter().map(cells));
                let whole: Vec<String> = whole.lines().collect();

                let mut chunked = Vec::new();
                write_in_chunks(&new_table, || rows.iter().map(cells), &mut |lines| {
                    chunked.extend(lines);
                    Ok(())
                })
                .unwrap();
                assert_eq!(chunked, whole, "width {width}, {count} rows");
            }
        }
    }
}
