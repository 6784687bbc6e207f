//! The HTML form of a report: one self-contained UTF-8 page (inline CSS and
//! SVG, no script, nothing loaded from elsewhere) that reads well on screen
//! and prints on A4 (docs/report.md). The content comes from
//! `render::report::document`; this file only lays it out. Every text from
//! a file goes through [`html`], so it never becomes markup.

use super::document::chart::Chart;
use super::document::palette::status_colour;
use super::document::{Align, Cell, Column, DocumentWriter, Style, write_report};
use super::{Layout, Overview, Pieces, ReportRenderer};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::messages as msg;
use crate::render::escape::html;
use crate::render::wrap::soft_hyphens;
use std::io::{self, Write};

/// The page's style sheet, without the status colours.
const STYLE: &str = include_str!("style.css");

/// The HTML format.
pub struct ReportHtml {
    pub field: &'static Field,
    pub layout: Layout,
}

impl ReportRenderer for ReportHtml {
    fn finish(
        &self,
        overview: &Overview<'_>,
        _pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        write_report(overview, self.field, self.layout, &mut HtmlPage::new(out))
    }
}

/// Writes a document as HTML, straight to its output (a district of
/// thousands of Kommunen is never held as a whole page).
pub struct HtmlPage<'w> {
    out: &'w mut dyn Write,
    /// Inside a `<section>`, and inside a `<div class="block">` of a
    /// subsection, which end with the next section or subsection.
    section_open: bool,
    block_open: bool,
    /// The alignment of the current table's columns.
    align: Vec<Align>,
}

impl<'w> HtmlPage<'w> {
    pub fn new(out: &'w mut dyn Write) -> HtmlPage<'w> {
        HtmlPage {
            out,
            section_open: false,
            block_open: false,
            align: Vec::new(),
        }
    }

    fn close_block(&mut self) -> io::Result<()> {
        if self.block_open {
            self.block_open = false;
            self.out.write_all(b"</div>\n")?;
        }
        Ok(())
    }

    fn close_section(&mut self) -> io::Result<()> {
        self.close_block()?;
        if self.section_open {
            self.section_open = false;
            self.out.write_all(b"</section>\n")?;
        }
        Ok(())
    }
}

impl DocumentWriter for HtmlPage<'_> {
    fn begin(&mut self, title: &str, subtitle: &str) -> io::Result<()> {
        let title = html(title);
        write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"kin {}\">\n<title>{title}</title>\n<style>\n{STYLE}{}</style>\n\
             </head>\n<body>\n<header class=\"title\">\n<h1>{title}</h1>\n",
            env!("CARGO_PKG_VERSION"),
            status_rules()
        )?;
        if !subtitle.is_empty() {
            writeln!(self.out, "<p class=\"subtitle\">{}</p>", html(subtitle))?;
        }
        self.out.write_all(b"</header>\n<main>\n")
    }

    fn facts(&mut self, facts: &[(&str, String)]) -> io::Result<()> {
        self.out.write_all(b"<dl class=\"facts\">\n")?;
        for (label, value) in facts {
            writeln!(
                self.out,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                html(label),
                lines(value)
            )?;
        }
        self.out.write_all(b"</dl>\n")
    }

    fn section(&mut self, heading: &str, new_page: bool) -> io::Result<()> {
        self.close_section()?;
        self.section_open = true;
        let class = if new_page { " class=\"new-page\"" } else { "" };
        writeln!(self.out, "<section{class}>\n<h2>{}</h2>", html(heading))
    }

    fn subsection(&mut self, heading: &str) -> io::Result<()> {
        self.close_block()?;
        self.block_open = true;
        writeln!(
            self.out,
            "<div class=\"block\">\n<h3>{}</h3>",
            html(heading)
        )
    }

    fn paragraph(&mut self, text: &str, style: Style) -> io::Result<()> {
        let class = match style {
            Style::Normal => "",
            Style::Strong => " class=\"strong\"",
            Style::Remark => " class=\"remark\"",
        };
        let text = text.replace("\r\n", "\n");
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            writeln!(self.out, "<p{class}>{}</p>", lines(paragraph.trim()))?;
        }
        Ok(())
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        self.out.write_all(b"<ul class=\"notes\">\n")?;
        for item in items {
            writeln!(self.out, "<li>{}</li>", lines(item))?;
        }
        self.out.write_all(b"</ul>\n")
    }

    fn quote(&mut self, label: &str, text: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "<figure class=\"leitsatz\">\n<figcaption>{}</figcaption>\n<blockquote><p>{}</p></blockquote>\n</figure>",
            html(label),
            lines(text)
        )
    }

    fn link(&mut self, label: &str, text: &str, url: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "<p class=\"source\">{}: <a href=\"{}\">{}</a></p>",
            html(label),
            html(url),
            html(text)
        )
    }

    fn key_figures(&mut self, figures: &[(&str, String)]) -> io::Result<()> {
        self.out.write_all(b"<div class=\"figures\">\n")?;
        for (label, value) in figures {
            writeln!(
                self.out,
                "<div class=\"figure\"><span class=\"value\">{}</span><span class=\"label\">{}</span></div>",
                html(value),
                html(label)
            )?;
        }
        self.out.write_all(b"</div>\n")
    }

    fn legend(&mut self) -> io::Result<()> {
        writeln!(
            self.out,
            "<ul class=\"legend\" aria-label=\"{}\">",
            msg::LABEL_LEGEND
        )?;
        for status in msg::REPORT_STATUS_ORDER {
            writeln!(
                self.out,
                "<li><span class=\"swatch {}\">{}</span>{}</li>",
                status_class(status),
                msg::status_mark(status),
                msg::status_label(status)
            )?;
        }
        self.out.write_all(b"</ul>\n")
    }

    fn chart(&mut self, chart: &Chart) -> io::Result<()> {
        // The SVG is kin's own and escapes its texts (see `chart`).
        write!(
            self.out,
            "<figure class=\"chart\">\n{}</figure>\n",
            chart.svg
        )
    }

    fn picture(&mut self, svg: &str, description: &str) -> io::Result<()> {
        write!(
            self.out,
            "<figure class=\"picture\">\n{svg}<figcaption>{}</figcaption>\n</figure>\n",
            html(description)
        )
    }

    fn table(&mut self, columns: &[Column<'_>]) -> io::Result<()> {
        let width: u32 = columns.iter().map(|c| u32::from(c.width)).sum();
        writeln!(self.out, "<table style=\"width:{}%\">", width.min(100))?;
        self.out.write_all(b"<colgroup>")?;
        for column in columns {
            // Shares of the table, so that they add up to 100 %.
            let share = f64::from(column.width) * 100.0 / f64::from(width.max(1));
            write!(self.out, "<col style=\"width:{share:.1}%\">")?;
        }
        self.out.write_all(b"</colgroup>\n<thead><tr>")?;
        for column in columns {
            let hint = column
                .hint
                .map(|h| format!(" title=\"{}\"", html(h)))
                .unwrap_or_default();
            write!(
                self.out,
                "<th scope=\"col\"{}{hint}>{}</th>",
                align_class(column.align),
                cell_text(column.label)
            )?;
        }
        self.out.write_all(b"</tr></thead>\n<tbody>\n")?;
        self.align = columns.iter().map(|c| c.align).collect();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        let mut row = String::with_capacity(64 * cells.len());
        row.push_str("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            let align = self.align.get(i).copied().unwrap_or(Align::Left);
            push_cell(&mut row, *cell, align);
        }
        row.push_str("</tr>\n");
        self.out.write_all(row.as_bytes())
    }

    fn end_table(&mut self) -> io::Result<()> {
        self.align.clear();
        self.out.write_all(b"</tbody>\n</table>\n")
    }

    fn end(&mut self, footer: &str) -> io::Result<()> {
        self.close_section()?;
        writeln!(
            self.out,
            "</main>\n<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>",
            html(footer)
        )
    }
}

fn push_cell(row: &mut String, cell: Cell<'_>, align: Align) {
    let plain = align_class(align);
    match cell {
        Cell::Text(text) => {
            row.push_str(&format!("<td{plain}>{}</td>", cell_text(text)));
        }
        Cell::Measure { title, own } => {
            row.push_str(&format!("<td>{}", cell_text(title)));
            if own {
                row.push_str(&format!(
                    " <span class=\"own\">{}</span>",
                    msg::LABEL_OWN_MEASURE
                ));
            }
            row.push_str("</td>");
        }
        Cell::Status { status, overdue } => {
            row.push_str(&format!(
                "<td class=\"status {}\"><span class=\"sym\">{}</span> {}",
                status_class(status),
                msg::status_mark(status),
                msg::status_label(status)
            ));
            if overdue {
                row.push_str(&format!(
                    "<span class=\"overdue\">{}</span>",
                    msg::STATUS_OVERDUE
                ));
            }
            row.push_str("</td>");
        }
        Cell::Mark(status) => {
            row.push_str(&format!(
                "<td class=\"mark {}\" title=\"{}\">{}</td>",
                status_class(status),
                msg::status_label(status),
                msg::status_mark(status)
            ));
        }
        Cell::Due { due, overdue } => {
            row.push_str("<td class=\"num\">");
            if let Some(due) = due {
                row.push_str(&msg::german_date(due));
            }
            if overdue {
                row.push_str(&format!(
                    "<br><span class=\"overdue\">{}</span>",
                    msg::STATUS_OVERDUE
                ));
            }
            row.push_str("</td>");
        }
        Cell::List(entries) => {
            row.push_str("<td>");
            if !entries.is_empty() {
                row.push_str("<ul class=\"evidence\">");
                for entry in entries {
                    row.push_str(&format!("<li>{}</li>", evidence(entry)));
                }
                row.push_str("</ul>");
            }
            row.push_str("</td>");
        }
        Cell::Figure(text) => {
            let class = match align {
                Align::Center => " class=\"center\"",
                Align::Left | Align::Right => " class=\"num\"",
            };
            row.push_str(&format!("<td{class}>{}</td>", html(text)));
        }
    }
}

/// An evidence entry; a plain web address becomes a link.
fn evidence(entry: &str) -> String {
    let entry = entry.trim();
    let is_address = (entry.starts_with("https://") || entry.starts_with("http://"))
        && !entry.contains(char::is_whitespace);
    if is_address {
        let escaped = html(entry);
        format!("<a href=\"{escaped}\">{escaped}</a>")
    } else {
        cell_text(entry)
    }
}

/// Text in a table cell: escaped, line breaks kept, and long German words
/// with soft hyphens (`&shy;`), so that a narrow column breaks them at a
/// syllable with a hyphen, also in browsers without hyphenation
/// dictionaries.
fn cell_text(text: &str) -> String {
    lines(&soft_hyphens(text.trim(), LONG_WORD)).replace('\u{ad}', "&shy;")
}

/// Words with more letters than this get soft hyphens in table cells.
const LONG_WORD: usize = 10;

/// Escaped text whose line breaks stay line breaks.
fn lines(text: &str) -> String {
    html(text).replace('\n', "<br>")
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Center => " class=\"center\"",
        Align::Right => " class=\"right\"",
    }
}

/// The class of a status: `s-` and its file value.
fn status_class(status: Status) -> String {
    format!("s-{}", status.as_str())
}

/// The colour rules of the statuses, from the one palette.
fn status_rules() -> String {
    let mut css = String::new();
    for status in Status::ALL {
        let colour = status_colour(status);
        css.push_str(&format!(
            ".{} {{ background: {}; color: {}; }}\n",
            status_class(status),
            colour.fill,
            colour.ink
        ));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_addresses_become_links() {
        assert_eq!(
            evidence("https://example.org/a?b=1&c=\"2\""),
            "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\">https://example.org/a?b=1&amp;c=&quot;2&quot;</a>"
        );
        assert_eq!(evidence("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            evidence("https://x.invalid <b>"),
            "https://x.invalid &lt;b&gt;"
        );
        assert_eq!(evidence("Beschluss\n2019"), "Beschluss<br>2019");
    }

    #[test]
    fn every_status_has_a_colour_rule() {
        let rules = status_rules();
        assert!(rules.contains(".s-in-progress { background: #0072B2; color: #FFFFFF; }"));
        assert_eq!(rules.lines().count(), Status::ALL.len());
    }
}
