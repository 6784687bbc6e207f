//! The Markdown form of a report, ready to paste into a Gemeinderat Vorlage
//! or a wiki (GitHub-flavoured pipe tables). Text from files is escaped, so
//! it never turns into markup: `|` and line breaks inside table cells,
//! emphasis, links and HTML all stay plain text.

use super::sheet::marks;
use super::{FLUSH_AT, Layout, Overview, Pieces, ReportRenderer, detail_lines, notes};
use crate::domain::figures::format_percent;
use crate::domain::report::{AssessmentReport, District, ItemReport};
use crate::messages as msg;
use crate::render::escape::{file_name, markdown};
use std::io::{self, Write};

/// The Markdown format.
pub struct ReportMarkdown {
    pub layout: Layout,
}

impl ReportRenderer for ReportMarkdown {
    fn finish(
        &self,
        overview: &Overview<'_>,
        _pieces: &mut dyn Pieces,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut markdown = Markdown {
            show_files: self.layout.show_files,
            text: String::new(),
            flush_at: FLUSH_AT,
        };
        match overview.single {
            Some(one) => markdown.assessment(one),
            None => markdown.district(overview.district, out)?,
        }
        out.write_all(markdown.text.as_bytes())
    }
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

struct Markdown {
    show_files: bool,
    text: String,
    /// A district overview goes out whenever this much text has gathered.
    flush_at: usize,
}

impl Markdown {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.line(&format!("{} {}", "#".repeat(level), text));
        self.blank();
    }

    /// A pipe table with left-aligned columns; every cell is already escaped.
    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        self.aligned_table(header, &[], rows);
    }

    /// A pipe table; `align` gives the alignment of the first columns
    /// (the rest are left-aligned).
    fn aligned_table(&mut self, header: &[&str], align: &[Align], rows: &[Vec<String>]) {
        self.table_head(header, align);
        for row in rows {
            self.table_row(row);
        }
        self.blank();
    }

    /// The header line and the alignment rule of a pipe table.
    fn table_head(&mut self, header: &[&str], align: &[Align]) {
        self.line(&format!("| {} |", header.join(" | ")));
        let rule: String = (0..header.len())
            .map(|i| match align.get(i).unwrap_or(&Align::Left) {
                Align::Left => " --- |",
                Align::Center => " :-: |",
                Align::Right => " --: |",
            })
            .collect();
        self.line(&format!("|{rule}"));
    }

    fn table_row(&mut self, row: &[String]) {
        self.line(&format!("| {} |", row.join(" | ")));
    }

    /// Rows of a long table, written to `out` whenever enough text has
    /// gathered, so that thousands of rows are never held at once.
    fn stream_rows(
        &mut self,
        rows: impl Iterator<Item = Vec<String>>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for row in rows {
            self.table_row(&row);
            if self.text.len() > self.flush_at {
                self.flush(out)?;
            }
        }
        Ok(())
    }

    /// Writes what is there so far to `out`.
    fn flush(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.text.as_bytes())?;
        self.text.clear();
        Ok(())
    }

    fn assessment(&mut self, a: &AssessmentReport) {
        self.heading(
            1,
            &msg::report_title_one(&a.field_title, &inline(&a.kommune)),
        );
        let mut facts = vec![(msg::LABEL_KOMMUNE, inline(&a.kommune))];
        if a.placeholder_name {
            facts.push((msg::LABEL_MARKS, msg::fact_placeholder()));
        }
        if let Some(ags) = &a.ags {
            facts.push((msg::LABEL_AGS, inline(ags)));
        }
        facts.push((msg::LABEL_DATE, msg::german_date(a.date)));
        if let Some(assessor) = &a.assessor {
            facts.push((msg::LABEL_ASSESSOR, inline(assessor)));
        }
        facts.push((
            msg::LABEL_FIELD,
            msg::field_with_version(&a.field_title, &inline(&a.field_version)),
        ));
        facts.push((msg::LABEL_DONE_PERCENT, format_percent(a.done_percent())));
        facts.push((
            msg::LABEL_ASSESSED_PERCENT,
            format_percent(a.assessed_percent()),
        ));
        for (label, value) in facts {
            self.line(&format!("- **{label}:** {value}"));
        }
        self.blank();

        self.heading(2, msg::HEADING_QUESTIONS);
        for answer in &a.answers {
            self.line(&format!("**{}**", inline(&answer.question)));
            self.blank();
            if answer.answer.is_empty() {
                self.line(&format!("*{}*", inline(msg::NO_ANSWER)));
            } else {
                self.line(&paragraphs(&answer.answer));
            }
            self.blank();
        }

        for category in &a.categories {
            let heading = msg::report_category_heading(
                &category.title,
                category.counts.total(),
                &format_percent(category.counts.done_percent()),
            );
            self.heading(2, &inline(&heading));
            // The table holds one line per item; partners, note and the
            // other details follow below it as lists, so that no cell needs
            // a line break (no `<br>`: renders on GitHub and GitLab, pastes
            // into Word).
            let rows: Vec<Vec<String>> = a.items_in(&category.id).map(item_row).collect();
            self.table(&[msg::LABEL_MEASURE, msg::LABEL_STATUS], &rows);
            for item in a.items_in(&category.id) {
                let details = item_details(item);
                if !details.is_empty() {
                    self.line(&format!("**{}**", inline(&item.title)));
                    self.blank();
                    self.line(&details.join("\n"));
                    self.blank();
                }
            }
        }

        self.heading(2, msg::HEADING_STATUS_TOTALS);
        let mut rows: Vec<Vec<String>> = msg::REPORT_STATUS_ORDER
            .iter()
            .map(|s| vec![msg::status_with_mark(*s), a.counts.get(*s).to_string()])
            .collect();
        rows.push(vec![
            format!("**{}**", msg::LABEL_TOTAL),
            format!("**{}**", a.counts.total()),
        ]);
        self.aligned_table(
            &[msg::LABEL_STATUS, msg::LABEL_COUNT],
            &[Align::Left, Align::Right],
            &rows,
        );
        self.line(&msg::percent_line(
            &format_percent(a.done_percent()),
            &format_percent(a.assessed_percent()),
        ));
        self.blank();
        self.line(&format!("*{}*", inline(msg::PERCENT_EXPLANATION)));
    }

    /// The district overview; written to `out` in parts, so that thousands
    /// of Kommunen are never held as one text.
    fn district(&mut self, district: &District, out: &mut dyn Write) -> io::Result<()> {
        self.heading(
            1,
            &msg::report_title_district(&district.field_title, district.totals.kommunen),
        );
        if district.totals.assessments != district.totals.kommunen {
            self.line(&inline(&msg::district_counts_line(
                district.totals.assessments,
                district.totals.kommunen,
            )));
            self.blank();
        }
        self.line(&msg::field_with_version(
            &district.field_title,
            &inline(&district.field_versions().join(", ")),
        ));
        self.blank();
        self.line(&format!(
            "{}: {}",
            msg::LABEL_LEGEND,
            inline(&msg::status_legend(" · "))
        ));
        self.blank();
        self.line(&msg::matrix_codes_hint(district.totals.suggestions.len()));
        self.blank();

        self.heading(2, msg::HEADING_MATRIX);
        let codes: Vec<String> = (0..district.totals.suggestions.len())
            .map(msg::suggestion_code)
            .collect();
        let (ags, files, with_marks) = (district.has_ags(), self.show_files, district.has_marks());
        let mut header = vec![msg::LABEL_KOMMUNE];
        if ags {
            header.push("AGS");
        }
        if files {
            header.push(msg::LABEL_FILE);
        }
        header.push(msg::LABEL_STAND);
        let mut align = vec![Align::Left; header.len()];
        header.extend(codes.iter().map(String::as_str));
        header.extend([msg::LABEL_DONE_PERCENT, msg::LABEL_ASSESSED_PERCENT]);
        align.extend(codes.iter().map(|_| Align::Center));
        align.extend([Align::Right, Align::Right]);
        if with_marks {
            header.push(msg::LABEL_MARKS);
        }
        self.table_head(&header, &align);
        let rows = district.kommunen.iter().map(|a| {
            let mut row = vec![inline(&a.kommune)];
            if ags {
                row.push(inline(a.ags.as_deref().unwrap_or("")));
            }
            if files {
                row.push(inline(&file_name(&a.file)));
            }
            row.push(msg::german_date(a.date));
            row.extend(
                a.suggestions
                    .iter()
                    .map(|s| msg::status_mark(*s).to_owned()),
            );
            row.push(format_percent(a.done_percent()));
            row.push(format_percent(a.assessed_percent()));
            if with_marks {
                row.push(marks(a));
            }
            row
        });
        self.stream_rows(rows, out)?;
        self.blank();
        self.line(&msg::district_percent_line(
            &format_percent(district.totals.done_percent()),
            &format_percent(district.totals.assessed_percent()),
        ));
        self.blank();
        self.line(&format!("*{}*", inline(msg::PERCENT_EXPLANATION)));
        self.blank();

        let notes = notes(district, inline);
        if !notes.is_empty() {
            self.heading(2, msg::HEADING_MARKS);
            for note in &notes {
                self.line(&format!("- {note}"));
                if self.text.len() > self.flush_at {
                    self.flush(out)?;
                }
            }
            self.blank();
        }

        self.heading(2, msg::HEADING_SUGGESTION_TOTALS);
        let marks: Vec<&str> = msg::REPORT_STATUS_ORDER
            .iter()
            .map(|s| msg::status_mark(*s))
            .collect();
        let mut header = vec![msg::LABEL_NUMBER, msg::LABEL_SUGGESTION];
        header.extend(marks.iter().copied());
        let rows: Vec<Vec<String>> = district
            .totals
            .suggestions
            .iter()
            .zip(&codes)
            .map(|(s, code)| {
                let title = format!("{}: {}", s.category_title, s.title);
                let mut row = vec![code.clone(), inline(&title)];
                row.extend(
                    msg::REPORT_STATUS_ORDER
                        .iter()
                        .map(|st| s.counts.get(*st).to_string()),
                );
                row
            })
            .collect();
        let mut align = vec![Align::Right, Align::Left];
        align.extend(marks.iter().map(|_| Align::Right));
        self.aligned_table(&header, &align, &rows);

        if district.kommunen.iter().any(|a| !a.own.is_empty()) {
            self.heading(2, msg::HEADING_OWN_MEASURES);
            self.table_head(
                &[
                    msg::LABEL_KOMMUNE,
                    msg::LABEL_CATEGORY,
                    msg::LABEL_MEASURE,
                    msg::LABEL_STATUS,
                ],
                &[],
            );
            let rows = district.kommunen.iter().flat_map(|a| {
                a.own.iter().map(|i| {
                    vec![
                        inline(&a.kommune),
                        inline(&i.category_title),
                        inline(&i.title),
                        status(i.status, i.overdue),
                    ]
                })
            });
            self.stream_rows(rows, out)?;
        }
        // No trailing blank line: the output ends with exactly one newline
        // (when the table of own measures ends it, it may be out already).
        if !self.text.is_empty() {
            self.text.truncate(self.text.trim_end().len());
            self.text.push('\n');
        }
        Ok(())
    }
}

fn item_row(item: &ItemReport) -> Vec<String> {
    let title = if item.own {
        format!("{} *({})*", inline(&item.title), msg::LABEL_OWN_MEASURE)
    } else {
        inline(&item.title)
    };
    vec![title, status(item.status, item.overdue)]
}

/// The status with its mark, and „überfällig“ after it for an overdue item.
fn status(status: crate::domain::status::Status, overdue: bool) -> String {
    if overdue {
        format!(
            "{} · **{}**",
            msg::status_with_mark(status),
            msg::STATUS_OVERDUE
        )
    } else {
        msg::status_with_mark(status)
    }
}

/// The details of an item as list lines: partners and evidence one entry
/// per line, the note as indented paragraphs, responsible and Termin.
fn item_details(item: &ItemReport) -> Vec<String> {
    let mut lines = Vec::new();
    let list = |lines: &mut Vec<String>, label: &str, entries: &[String]| match entries {
        [] => {}
        [one] => lines.push(format!("- {label}: {}", inline(one))),
        many => {
            lines.push(format!("- {label}:"));
            lines.extend(
                many.iter()
                    .map(|e| format!("  - {}", block_safe(&inline(e)))),
            );
        }
    };
    list(&mut lines, msg::LABEL_PARTNERS_DETAIL, &item.partners);
    if let Some(note) = item.note.as_deref().filter(|n| !n.trim().is_empty()) {
        let text = paragraphs(note).replace('\n', "\n  ");
        lines.push(format!("- {}: {text}", msg::LABEL_NOTE));
    }
    lines.extend(
        detail_lines(item)
            .iter()
            .map(|l| format!("- {}", inline(l))),
    );
    list(&mut lines, msg::LABEL_EVIDENCE_DETAIL, &item.evidence);
    lines
}

/// Text for a heading or a single line: escaped, line breaks as spaces.
fn inline(text: &str) -> String {
    markdown(text.trim())
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Free text as Markdown paragraphs: blank lines separate paragraphs, other
/// line breaks stay line breaks, and no line starts a list, heading or
/// code block.
fn paragraphs(text: &str) -> String {
    let mut out = Vec::new();
    for paragraph in text.trim().replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<String> = paragraph
            .lines()
            .map(|l| block_safe(&markdown(l.trim())))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            out.push(lines.join("\\\n"));
        }
    }
    out.join("\n\n")
}

/// Escapes a line start that Markdown would read as a block: `#`, `-`, `+`,
/// `=`, or a number followed by `.` or `)` (an ordered list).
fn block_safe(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A district of 600 Kommunen written out in pieces (after every row
    /// and note) is the same text as written at once, and ends with one
    /// newline after the table of own measures.
    #[test]
    fn the_district_in_pieces_equals_the_whole_text() {
        let report = super::super::large_district(600, |i, a| {
            a.kommune.name = format!("Kommune {}", i % 500);
        });
        let write = |flush_at| {
            let mut markdown = Markdown {
                show_files: true,
                text: String::new(),
                flush_at,
            };
            let mut out = Vec::new();
            markdown.district(&report.district, &mut out).unwrap();
            out.extend(markdown.text.as_bytes());
            String::from_utf8(out).unwrap()
        };
        let whole = write(usize::MAX);
        assert_eq!(write(0), whole);
        assert!(whole.ends_with(" |\n"), "{}", &whole[whole.len() - 200..]);
        // 100 names appear twice: the notes are written in pieces too.
        assert!(whole.contains(&format!("## {}", msg::HEADING_MARKS)));
    }

    #[test]
    fn cells_escape_pipes_markup_and_line_breaks() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("eins\nzwei\r\ndrei"), "eins zwei drei");
        assert_eq!(inline("<script>*fett*"), "\\<script\\>\\*fett\\*");
        assert_eq!(inline("C:\\Pfad|x"), "C:\\\\Pfad\\|x");
        assert_eq!(inline("ESC\u{1b}[2J"), "ESC\\\\u{1b}\\[2J");
    }

    #[test]
    fn paragraphs_keep_breaks_and_never_start_blocks() {
        assert_eq!(
            paragraphs("# Titel\n- Punkt\n2026. Jahr\n\nneu"),
            "\\# Titel\\\n\\- Punkt\\\n2026\\. Jahr\n\nneu"
        );
        assert_eq!(paragraphs("    eingerückt"), "eingerückt");
    }
}
