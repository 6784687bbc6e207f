//! The markdown form of `kin diff`, for pull request comments and papers
//! for the Gemeinderat. Text from files is escaped so it cannot change the
//! layout (no stray emphasis, links or HTML).

use super::Comparison;
use super::outline::outline;
use crate::messages as msg;
use crate::render::escape::markdown_line;

/// The Markdown format of `kin diff`.
pub struct DiffMarkdown;

impl super::DiffRenderer for DiffMarkdown {
    fn render(&self, c: &Comparison<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render_markdown(c).as_bytes())
    }
}

fn render_markdown(c: &Comparison<'_>) -> String {
    let outline = outline(c, markdown_line);
    let mut out = format!("## {}\n", markdown_line(c.title));
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
