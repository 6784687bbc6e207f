//! Keeping text from files harmless on a terminal: no control characters or
//! escape sequences reach the screen.

/// Replaces control characters (ESC, BEL, CR, …) and the bidirectional
/// overrides that can make a line read differently than it is (U+202A–U+202E,
/// U+2066–U+2069) with visible escapes such as `\u{1b}`; keeps line breaks
/// and tabs.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' || c == '\t' || !(c.is_control() || is_bidi_control(c)) {
            out.push(c);
        } else {
            out.push_str(&c.escape_unicode().to_string());
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Like [`printable`], and Windows line breaks (CR LF) become plain line
/// breaks first, so they do not show up as `\u{d}`.
pub fn multi_line(text: &str) -> String {
    printable(&text.replace("\r\n", "\n"))
}

/// Like [`printable`], and line breaks become `⏎ ` so the text stays on one line.
pub fn one_line(text: &str) -> String {
    printable(&text.replace("\r\n", "\n")).replace('\n', " ⏎ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_but_keeps_text() {
        assert_eq!(printable("Bauhof\u{1b}[2J ok"), "Bauhof\\u{1b}[2J ok");
        assert_eq!(printable("a\nb\tc\u{7}"), "a\nb\tc\\u{7}");
        assert_eq!(printable("Grüße"), "Grüße");
        assert_eq!(one_line("a\r\nb\nc"), "a ⏎ b ⏎ c");
        assert_eq!(multi_line("a\r\nb\rc"), "a\nb\\u{d}c");
        assert_eq!(printable("ab\u{202e}cd"), "ab\\u{202e}cd");
    }
}
