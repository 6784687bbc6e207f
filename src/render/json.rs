//! JSON output shared by every command: pretty, deterministic, ending in a
//! newline, and safe on a terminal.

use crate::render::escape::json_escapes;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// `value` as pretty JSON ending in a newline. Every control character in
/// strings is written as a `\uXXXX` escape, DEL, the C1 controls and the
/// invisible formatting characters too, which serde_json leaves as they are.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = to_json_indented(value, "", false);
    text.push('\n');
    text
}

/// Like [`to_json`], written to `out` while it is made, so that a large
/// document is never held in memory as a whole.
pub fn write_json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let formatter = TerminalSafe::new(b"");
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The JSON object `value` as [`to_json_indented`] with `prefix_first` lays
/// it out, written to `out`, but left open: without its closing brace and
/// the line break before it, so that more fields can follow after a comma.
/// `value` must serialise to an object with at least one field (an empty
/// one would be left as a bare `{`).
pub fn write_json_object_open<T: Serialize + ?Sized, W: Write>(
    value: &T,
    prefix: &str,
    mut out: W,
) -> io::Result<()> {
    out.write_all(prefix.as_bytes())?;
    let formatter = TerminalSafe {
        leave_open: true,
        ..TerminalSafe::new(prefix.as_bytes())
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as pretty JSON without a final newline, with `prefix` written
/// after every line break (and before the first line when `prefix_first`),
/// so that it can be placed inside a larger pretty document. Pretty JSON has
/// no line break inside strings (they are escaped), so only structure moves.
pub fn to_json_indented<T: Serialize + ?Sized>(
    value: &T,
    prefix: &str,
    prefix_first: bool,
) -> String {
    let mut out = Vec::with_capacity(4096);
    if prefix_first {
        out.extend_from_slice(prefix.as_bytes());
    }
    let formatter = TerminalSafe::new(prefix.as_bytes());
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    value
        .serialize(&mut serializer)
        .expect("kin's JSON types always serialise");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The layout of serde_json's `PrettyFormatter` (two spaces per level), with
/// a prefix before every indentation, and strings made safe on a terminal:
/// serde_json escapes U+0000–U+001F as JSON requires, but writes DEL, the
/// C1 controls (U+0080–U+009F, e.g. the 8-bit CSI) and the bidirectional and
/// zero-width characters (see [`json_escapes`]) as they are; this writes
/// them as `\uXXXX` escapes too, which mean the same to every JSON reader.
struct TerminalSafe<'a> {
    prefix: &'a [u8],
    level: usize,
    has_value: bool,
    /// The outermost object or array is not closed.
    leave_open: bool,
}

impl<'a> TerminalSafe<'a> {
    fn new(prefix: &'a [u8]) -> Self {
        TerminalSafe {
            prefix,
            level: 0,
            has_value: false,
            leave_open: false,
        }
    }

    fn new_line<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        w.write_all(self.prefix)?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.level == 0 && self.leave_open {
            return Ok(());
        }
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(bracket)
    }

    fn next_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

impl Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // In UTF-8, DEL is 0x7F, the C1 controls start with 0xC2 and the
        // invisible formatting characters with 0xE2: most fragments have
        // none of these bytes and are written as they are.
        if memchr::memchr3(0x7f, 0xc2, 0xe2, fragment.as_bytes()).is_none() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            // serde_json has escaped U+0000–U+001F before: what is left
            // here is DEL, C1 and the invisible formatting characters.
            if json_escapes(c) {
                writer.write_all(&fragment.as_bytes()[start..index])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = index + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next_value(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_del_are_escaped_and_still_mean_the_same() {
        let value = ["a\u{9b}b\u{7f}\u{1b}\nä\u{85}"];
        let safe = to_json(&value);
        assert_eq!(safe, "[\n  \"a\\u009bb\\u007f\\u001b\\nä\\u0085\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
        assert_eq!(to_json(&1), "1\n");
    }

    #[test]
    fn bidi_and_invisible_characters_are_escaped_and_still_mean_the_same() {
        let value = ["„a\u{202e}b\u{200b}c\u{2028}d\u{2066}e“ – €"];
        let safe = to_json(&value);
        assert_eq!(
            safe,
            "[\n  \"„a\\u202eb\\u200bc\\u2028d\\u2066e“ – €\"\n]\n"
        );
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn written_json_is_the_same_as_the_string() {
        let value = serde_json::json!({"a": [1, {"b": "ü\u{9b}"}], "c": {}});
        let mut written = Vec::new();
        write_json(&value, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), to_json(&value));
    }

    #[test]
    fn an_object_left_open_is_the_indented_one_without_its_end() {
        let value = serde_json::json!({"a": [1, {"b": "ü\u{9b}"}], "c": {}});
        let mut open = Vec::new();
        write_json_object_open(&value, "    ", &mut open).unwrap();
        let whole = to_json_indented(&value, "    ", true);
        assert_eq!(String::from_utf8(open).unwrap() + "\n    }", whole);
    }

    #[test]
    fn keys_are_escaped_too() {
        let map = std::collections::BTreeMap::from([("k\u{9b}", 1)]);
        assert_eq!(to_json(&map), "{\n  \"k\\u009b\": 1\n}\n");
    }

    #[test]
    fn without_controls_the_output_is_serde_jsons_pretty_output() {
        let value = serde_json::json!({"a": [1, {"b": "ü\"x\""}], "c": {}, "d": []});
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(to_json(&value), expected);
    }

    #[test]
    fn indented_output_moves_every_line_but_not_the_strings() {
        let value = serde_json::json!({"a": ["x\ny"], "b": 1});
        let plain = serde_json::to_string_pretty(&value).unwrap();
        let by_lines = |first: bool| -> String {
            plain
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if i > 0 || first {
                        format!("    {l}")
                    } else {
                        l.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(to_json_indented(&value, "    ", true), by_lines(true));
        assert_eq!(to_json_indented(&value, "    ", false), by_lines(false));
    }
}
