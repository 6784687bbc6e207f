//! JSON output shared by every command: pretty, deterministic, ending in a
//! newline, and safe on a terminal.

use serde::Serialize;

/// `value` as pretty JSON ending in a newline. Every control character in
/// strings is written as a `\uXXXX` escape (see [`escape_remaining_controls`]).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).expect("kin's JSON types always serialise");
    let mut text = escape_remaining_controls(&text);
    text.push('\n');
    text
}

/// serde_json escapes U+0000–U+001F as JSON requires, but writes DEL and
/// the C1 controls (U+0080–U+009F, e.g. the 8-bit CSI) as they are. Outside
/// strings, pretty JSON has no control character but the line break, so
/// every other one is inside a string, where `\uXXXX` means the same.
fn escape_remaining_controls(json: &str) -> String {
    // In UTF-8, DEL is 0x7F and the C1 controls are 0xC2 0x80–0x9F: most
    // output has neither and is passed on as it is.
    let bytes = json.as_bytes();
    let c1 = |pair: &[u8]| pair[0] == 0xc2 && (0x80..=0x9f).contains(&pair[1]);
    if !bytes.contains(&0x7f) && !bytes.windows(2).any(c1) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_control() && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_del_are_escaped_and_still_mean_the_same() {
        let raw = serde_json::to_string_pretty(&["a\u{9b}b\u{7f}\u{1b}\n"]).unwrap();
        let safe = escape_remaining_controls(&raw);
        assert_eq!(safe, "[\n  \"a\\u009bb\\u007f\\u001b\\n\"\n]");
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, ["a\u{9b}b\u{7f}\u{1b}\n"]);
        assert_eq!(to_json(&1), "1\n");
    }
}
