//! Checks on a file's bytes and text before any TOML is read: the byte order
//! mark, UTF-8, git conflict markers, raw control characters, and what a
//! parser error means (nesting too deep, a malformed date, plain syntax).
//! They do not know the schema, so every kind of file kin reads shares them.

use crate::domain::finding::{Finding, Position};
use crate::messages as msg;
use std::ops::Range;

/// The byte order mark some editors put at the start of a UTF-8 file.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The markers git writes at the start of a line around a conflict.
pub const MERGE_MARKERS: [&str; 4] = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"];

/// The text of a file's bytes, without a byte order mark; a `not-utf8`
/// finding pointing at the first invalid byte otherwise.
pub fn decode(bytes: &[u8]) -> Result<&str, Finding> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    // The SIMD check is several times faster than std's on large inputs.
    simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        Finding {
            position: Some(Position::of_offset(valid, valid.len())),
            ..Finding::file_error("not-utf8", msg::not_utf8())
        }
    })
}

/// Whether `line` starts like a git conflict marker.
pub fn starts_like_merge_marker(line: &str) -> bool {
    MERGE_MARKERS.iter().any(|marker| line.starts_with(marker))
}

/// Git conflict markers at the start of a line, standing alone or followed
/// by a space (`<<<<<<< HEAD`): each with its byte offset, in text order.
pub fn merge_markers(text: &str) -> Vec<(usize, &'static str)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for marker in MERGE_MARKERS {
        let at_line_start = |&offset: &usize| offset == 0 || bytes[offset - 1] == b'\n';
        let ends_well = |&offset: &usize| {
            let rest = &bytes[offset + marker.len()..];
            let line_end = rest
                .iter()
                .position(|&b| b != b'\r')
                .map_or(rest.len(), |i| i);
            rest.first() == Some(&b' ') || rest.get(line_end).is_none_or(|&b| b == b'\n')
        };
        found.extend(
            memchr::memmem::find_iter(bytes, marker)
                .filter(at_line_start)
                .filter(ends_well)
                .map(|offset| (offset, marker)),
        );
    }
    found.sort_unstable();
    found
}

/// The first character TOML never allows unescaped: ASCII control
/// characters other than tab, line feed and carriage return, and DEL.
pub fn first_control_character(text: &str) -> Option<(usize, char)> {
    text.bytes()
        .position(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
        .map(|offset| (offset, char::from(text.as_bytes()[offset])))
}

/// What a TOML parser error in `text` means for a person: its finding code,
/// a German message, and where it points.
pub fn explain_parse_error(
    text: &str,
    error: &toml::de::Error,
) -> (&'static str, String, Range<usize>) {
    let span = error.span().unwrap_or(0..0);
    let detail = error.message().trim().replace('\n', " ");
    // TOML allows no raw control character but tab and line breaks; they
    // are invisible, so name the first one found.
    if let Some((offset, c)) = first_control_character(text) {
        (
            "control-character",
            msg::control_character(c),
            offset..offset,
        )
    } else if detail.contains("recursion") {
        ("too-deep", msg::nested_too_deep(), span)
    } else if detail.starts_with("invalid date") || detail.starts_with("invalid time") {
        ("invalid-date", msg::invalid_date_syntax(&detail), span)
    } else {
        ("syntax", msg::syntax_error(&detail), span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_count_only_at_a_line_start_and_alone() {
        let text = "a = 1\n<<<<<<< HEAD\nx = \"=======\"\n=======\r\n>>>>>>>>\n>>>>>>> main\n";
        let found: Vec<&str> = merge_markers(text).into_iter().map(|(_, m)| m).collect();
        assert_eq!(found, ["<<<<<<<", "=======", ">>>>>>>"]);
        assert!(starts_like_merge_marker("||||||| base"));
        assert!(!starts_like_merge_marker(" ======="));
    }

    #[test]
    fn the_byte_order_mark_is_dropped_and_bad_bytes_are_found() {
        assert_eq!(decode(b"\xEF\xBB\xBFa = 1"), Ok("a = 1"));
        let finding = decode(b"a = 1\nb = \"\xff\"").unwrap_err();
        assert_eq!(finding.code, "not-utf8");
        assert_eq!(finding.position, Some(Position { line: 2, column: 6 }));
    }
}
