//! Findings about files that are not readable TOML text at all: invisible
//! control characters, absurd nesting. Said so that a person can fix them.

/// A raw control character, named by its code and, where common, its name.
pub fn control_character(c: char) -> String {
    let name = match c {
        '\0' => " (NUL, Nullbyte)",
        '\u{7}' => " (BEL, Klingelzeichen)",
        '\u{8}' => " (Rückschritt)",
        '\u{c}' => " (Seitenvorschub)",
        '\u{1b}' => " (ESC, Terminal-Steuerzeichen)",
        '\u{7f}' => " (DEL, Löschzeichen)",
        _ => "",
    };
    format!(
        "unsichtbares Steuerzeichen U+{:04X}{name} in der Datei; bitte entfernen \
         (in Texten ist es als \\u{:04x} erlaubt) – ist die Datei beschädigt oder keine Textdatei?",
        c as u32, c as u32
    )
}

pub fn nested_too_deep() -> String {
    "Tabellen oder Listen sind zu tief verschachtelt; eine Bewertungsdatei braucht höchstens drei Ebenen".into()
}
