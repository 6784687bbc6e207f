//! The text form of `kin diff` for the terminal and git: grouped into
//! Verbesserungen, Rückschritte and Sonstige Änderungen, ending with the
//! Umsetzungsgrad before and after.

use super::Comparison;
use super::outline::outline;
use crate::messages as msg;
use crate::render::escape::one_line;

/// The text format of `kin diff`.
pub struct DiffText;

impl super::DiffRenderer for DiffText {
    fn render(&self, c: &Comparison<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render_text(c).as_bytes())
    }
}

fn render_text(c: &Comparison<'_>) -> String {
    let outline = outline(c, one_line);
    let mut out = format!("{}\n", one_line(c.title));
    for line in &outline.intro {
        out.push_str(&format!("{line}\n"));
    }
    if outline.groups.is_empty() {
        out.push_str(&format!("\n{}\n", msg::DIFF_NO_CHANGES));
    }
    for group in &outline.groups {
        out.push_str(&format!("\n{}\n", group.heading));
        for section in &group.sections {
            match &section.id {
                Some(id) => out.push_str(&format!("  {} [{id}]\n", section.title)),
                None => out.push_str(&format!("  {}\n", section.title)),
            }
            for line in &section.lines {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out.push_str(&format!("\n{}\n", outline.done_percent));
    out
}
