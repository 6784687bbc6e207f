//! The markdown form of `kin diff`, for pull request comments and papers
//! for the Gemeinderat. Text from files is escaped so it cannot change the
//! layout (no stray emphasis, links or HTML).

use super::Comparison;
use super::outline::outline;
use crate::messages as msg;
use crate::render::escape::one_line;

/// The Markdown format of `kin diff`.
pub struct DiffMarkdown;

impl super::DiffRenderer for DiffMarkdown {
    fn render(&self, c: &Comparison<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render_markdown(c).as_bytes())
    }
}

fn render_markdown(c: &Comparison<'_>) -> String {
    let outline = outline(c, escape);
    let mut out = format!("## {}\n", escape(c.title));
    for line in &outline.intro {
        out.push_str(&format!("\n{line}\n"));
    }
    if outline.groups.is_empty() {
        out.push_str(&format!("\n{}\n", msg::DIFF_NO_CHANGES));
    }
    for group in &outline.groups {
        out.push_str(&format!("\n### {}\n\n", group.heading));
        for section in &group.sections {
            match &section.id {
                Some(id) => out.push_str(&format!("- **{}** (`{id}`)\n", section.title)),
                None => out.push_str(&format!("- **{}**\n", section.title)),
            }
            for line in &section.lines {
                out.push_str(&format!("  - {line}\n"));
            }
        }
    }
    out.push_str(&format!("\n**{}**\n", outline.done_percent));
    out
}

/// Text from a file as literal markdown on one line: control characters
/// made visible, markdown's special characters backslash-escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_control_characters() {
        assert_eq!(escape("*fett* [Link](x)"), r"\*fett\* \[Link\](x)");
        assert_eq!(escape("<b>a & b</b>"), r"\<b\>a \& b\</b\>");
        assert_eq!(
            escape("Zeile 1\nZeile 2\u{1b}"),
            r"Zeile 1 ⏎ Zeile 2\\u{1b}"
        );
        assert_eq!(escape("Grüße, 50 %"), "Grüße, 50 %");
    }
}
