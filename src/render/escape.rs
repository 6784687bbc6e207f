//! The one escaping place: every text from a file, a file name or an
//! argument goes through here before it reaches a terminal, a CI log or a
//! document. Control characters and the invisible characters that can make a
//! line read differently than it is (bidirectional overrides, zero-width
//! characters, line separators) become visible escapes such as `\u{1b}`; each
//! output form then adds its own rules (one line, Markdown, HTML, GitHub
//! workflow commands, JSON).
//!
//! The module depends on nothing else in kin, so every layer may use it.

/// Whether `c` is an invisible formatting character that changes how text
/// around it reads: zero-width characters and marks (U+200B–U+200F), the
/// line and paragraph separators (U+2028, U+2029), the bidirectional
/// embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is never shown as it is: a control character or an
/// invisible formatting character.
fn is_hidden(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// `text` with every hidden character but those `keep` accepts replaced by
/// a visible escape such as `\u{1b}`.
fn escape_hidden(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) && !keep(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Replaces control characters (ESC, BEL, CR, …) and invisible formatting
/// characters (see [`is_invisible_format`]) with visible escapes such as
/// `\u{1b}`; keeps line breaks and tabs.
pub fn printable(text: &str) -> String {
    escape_hidden(text, |c| c == '\n' || c == '\t')
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

/// A file name as shown in any text for people: every hidden character,
/// line breaks and tabs too, as a visible escape, so the name stays on its
/// line; and a name that does not start with a letter, a digit or one of
/// `. / \ _ ~` gets `./` in front, so that no output line begins with text
/// a file name chose (`::error` for GitHub Actions, `##vso[` for Azure).
pub fn file_name(name: &str) -> String {
    let shown = escape_hidden(name, |_| false);
    let safe_start = name
        .chars()
        .next()
        .is_none_or(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | '\\' | '_' | '~'));
    if safe_start {
        shown
    } else {
        format!("./{shown}")
    }
}

/// Backslash-escapes the characters that would start Markdown or HTML
/// markup (emphasis, links, code, tables, headings, entities).
fn markdown_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text from a file as literal Markdown: hidden characters made visible
/// ([`multi_line`]), Markdown's special characters backslash-escaped, line
/// breaks kept for the caller to lay out.
pub fn markdown(text: &str) -> String {
    markdown_literal(&multi_line(text))
}

/// Like [`markdown`], on one line ([`one_line`]).
pub fn markdown_line(text: &str) -> String {
    markdown_literal(&one_line(text))
}

/// Text as it may stand in an XML or HTML document (a Word document's XML,
/// an HTML page): like [`multi_line`], and the noncharacters that XML
/// forbids and HTML reports as errors (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF)
/// become visible escapes too. Markup characters are left to the writer.
pub fn document_text(text: &str) -> String {
    let text = multi_line(text);
    if !text.chars().any(is_noncharacter) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_noncharacter(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Text from a file for HTML element content and attribute values: `&`,
/// `<`, `>`, `"` and `'` as character references, hidden characters and
/// noncharacters made visible ([`document_text`]), line breaks kept.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in document_text(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text from a file that begins a line of plain text output (a Kommune's
/// name as a heading): on one line ([`one_line`]), and in „quotes“ when it
/// does not begin with a letter or digit, so that no output line begins
/// with text a file chose (`::error` for GitHub Actions, `##vso[` for Azure).
pub fn line_start(text: &str) -> String {
    let text = one_line(text);
    if text.starts_with(char::is_alphanumeric) {
        text
    } else {
        format!("„{text}“")
    }
}

/// Text from a file on one line of an SVG picture or a Graphviz HTML-like
/// label: [`html`] of [`one_line`], so a name cannot end its element and a
/// line break shows as `⏎`.
pub fn picture_text(text: &str) -> String {
    html(&one_line(text))
}

/// Text from a file inside a double-quoted Graphviz DOT string, without
/// the quotes: on one line ([`one_line`]), `"` and `\` backslash-escaped
/// (a backslash would otherwise start one of DOT's label escapes like
/// `\N`).
pub fn dot_string(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
    }
    out
}

/// Text from a file inside a double-quoted Mermaid label, on one line
/// ([`one_line`]): Mermaid's entity codes (`#quot;`, `#35;`, …) for the
/// characters that would end the label, start an entity or a comment, or
/// be read as HTML or Markdown.
pub fn mermaid_label(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#38;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '%' => out.push_str("#37;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '*' => out.push_str("#42;"),
            '_' => out.push_str("#95;"),
            '\\' => out.push_str("#92;"),
            c => out.push(c),
        }
    }
    out
}

/// The message of a GitHub Actions workflow command (`::error …::MESSAGE`):
/// on one line with hidden characters made visible, then `%`, CR and LF
/// escaped as GitHub reads them.
/// See <https://docs.github.com/actions/reference/workflow-commands-for-github-actions>.
pub fn github_message(text: &str) -> String {
    github_data(&one_line(text))
}

/// A property value of a GitHub Actions workflow command (`file=…`,
/// `title=…`): as [`github_message`], plus `:` and `,`.
pub fn github_property(text: &str) -> String {
    github_message(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub's own escapes for workflow command data: `%`, CR and LF.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A cell as it may go into a spreadsheet (CSV) and onto a terminal:
/// hidden characters made visible ([`multi_line`]), and a formula start
/// (`=`, `+`, `-`, `@`, tab) neutralised with a leading `'`.
pub fn spreadsheet_cell(text: &str) -> String {
    let text = multi_line(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// Whether JSON output writes `c` inside a string as a `\uXXXX` escape
/// although JSON allows it raw: DEL, the C1 controls and the invisible
/// formatting characters. (serde_json escapes U+0000–U+001F itself.) The
/// escape means the same character to every JSON reader.
pub fn json_escapes(c: char) -> bool {
    is_hidden(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_but_keeps_text() {
        assert_eq!(printable("Bauhof\u{1b}[2J ok"), "Bauhof\\u{1b}[2J ok");
        assert_eq!(printable("a\nb\tc\u{7}"), "a\nb\tc\\u{7}");
        assert_eq!(printable("Grüße „so“ – 50 € …"), "Grüße „so“ – 50 € …");
        assert_eq!(one_line("a\r\nb\nc"), "a ⏎ b ⏎ c");
        assert_eq!(multi_line("a\r\nb\rc"), "a\nb\\u{d}c");
        assert_eq!(printable("ab\u{202e}cd"), "ab\\u{202e}cd");
        assert_eq!(
            printable("a\u{200b}b\u{2028}c\u{2067}"),
            "a\\u{200b}b\\u{2028}c\\u{2067}"
        );
    }

    #[test]
    fn file_names_stay_on_their_line_and_never_start_one() {
        assert_eq!(file_name("musterhausen.kin.toml"), "musterhausen.kin.toml");
        assert_eq!(file_name("/tmp/ä.kin.toml"), "/tmp/ä.kin.toml");
        assert_eq!(file_name("Östringen.kin.toml"), "Östringen.kin.toml");
        assert_eq!(
            file_name("a\n::warning file=x::y\t.kin.toml"),
            "a\\u{a}::warning file=x::y\\u{9}.kin.toml"
        );
        assert_eq!(file_name("::error::x"), "./::error::x");
        assert_eq!(file_name("##vso[task]"), "./##vso[task]");
        assert_eq!(file_name("\u{1b}]0;T\u{7}"), "./\\u{1b}]0;T\\u{7}");
        assert_eq!(
            file_name(&file_name("\n-x")),
            file_name("\n-x"),
            "idempotent"
        );
    }

    #[test]
    fn markdown_escapes_markup_entities_and_control_characters() {
        assert_eq!(markdown_line("*fett* [Link](x)"), r"\*fett\* \[Link\](x)");
        assert_eq!(markdown_line("<b>a & b</b>"), r"\<b\>a \& b\</b\>");
        assert_eq!(markdown_line("&#x202E;"), r"\&\#x202E;");
        assert_eq!(
            markdown_line("Zeile 1\nZeile 2\u{1b}"),
            r"Zeile 1 ⏎ Zeile 2\\u{1b}"
        );
        assert_eq!(markdown("a\r\nb|c"), "a\nb\\|c");
        assert_eq!(markdown_line("Grüße, 50 %"), "Grüße, 50 %");
    }

    #[test]
    fn spreadsheet_formula_starts_are_neutralised() {
        assert_eq!(spreadsheet_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for start in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(spreadsheet_cell(start), format!("'{start}"));
        }
        assert_eq!(spreadsheet_cell("Bauhof = gut"), "Bauhof = gut");
        assert_eq!(spreadsheet_cell("08115999"), "08115999");
        assert_eq!(spreadsheet_cell("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        // A lone CR is escaped, so nothing starts with CR any more.
        assert_eq!(spreadsheet_cell("\rx"), "\\u{d}x");
        assert_eq!(spreadsheet_cell("a\r\nb"), "a\nb");
    }

    #[test]
    fn html_uses_character_references() {
        assert_eq!(
            html("<script>\"a\" & 'b'\u{202e}"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;\\u{202e}"
        );
    }

    #[test]
    fn github_commands_get_one_harmless_line() {
        assert_eq!(github_message("50 %\r\nok"), "50 %25 ⏎ ok");
        assert_eq!(github_message("ESC\u{1b}[2J"), "ESC\\u{1b}[2J");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn document_text_escapes_what_xml_forbids() {
        assert_eq!(document_text("a\u{0}b\u{b}"), "a\\u{0}b\\u{b}");
        assert_eq!(
            document_text("x\u{fffe}\u{fdd0}\u{10ffff}"),
            "x\\u{fffe}\\u{fdd0}\\u{10ffff}"
        );
        assert_eq!(document_text("Zeile\r\nZeile"), "Zeile\nZeile");
        assert_eq!(html("a\u{ffff}<"), "a\\u{ffff}&lt;");
    }

    #[test]
    fn a_line_starts_with_a_name_only_when_it_starts_with_a_letter() {
        assert_eq!(line_start("Übach-Palenberg"), "Übach-Palenberg");
        assert_eq!(line_start("08136999"), "08136999");
        assert_eq!(line_start("::error::x"), "„::error::x“");
        assert_eq!(line_start("##vso[task]"), "„##vso[task]“");
        assert_eq!(line_start("\u{1b}[31mrot"), "„\\u{1b}[31mrot“");
    }

    #[test]
    fn pictures_dot_and_mermaid_keep_names_as_text() {
        assert_eq!(
            picture_text("<a href=\"x\">Ä & 'b'\u{1b}\nc</a>"),
            "&lt;a href=&quot;x&quot;&gt;Ä &amp; &#39;b&#39;\\u{1b} ⏎ c&lt;/a&gt;"
        );
        assert_eq!(dot_string("Bad \"Ü\" \\N"), "Bad \\\"Ü\\\" \\\\N");
        assert_eq!(dot_string("a\nb\u{1b}"), "a ⏎ b\\\\u{1b}");
        assert_eq!(
            mermaid_label("\"Ü\" <b>#1 & 50% `x` |y| *z*"),
            "#quot;Ü#quot; #lt;b#gt;#35;1 #38; 50#37; #96;x#96; #124;y#124; #42;z#42;"
        );
        assert_eq!(mermaid_label("a\nb\u{1b}"), "a ⏎ b#92;u{1b}");
    }
}
