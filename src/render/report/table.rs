//! The terminal form of a report: headings and comfy-table tables that fit
//! [`Screen::width`], coloured only when [`Screen::colour`] allows it. Every
//! text from a file passes through its `text` function, so no control character
//! reaches the terminal.

use super::sheet::marks;
use super::{FLUSH_AT, Layout, Overview, Pieces, ReportRenderer, Screen, detail_lines, notes};
use crate::domain::district::{KommuneRow, OwnMeasureRow};
use crate::domain::figures::format_percent;
use crate::domain::report::{AssessmentReport, District, ItemReport};
use crate::domain::status::Status;
use crate::messages as msg;
use crate::render::escape::{file_name, multi_line};
use crate::render::long_table;
use crate::render::wrap::wrap;
use comfy_table::presets::{NOTHING, UTF8_FULL, UTF8_FULL_CONDENSED};
use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
    Width,
};
use unicode_width::UnicodeWidthStr;

/// Tables never get wider than this, even on a wide terminal: long lines
/// are hard to read.
pub const MAX_WIDTH: u16 = 120;

/// Columns are told apart by spacing alone, the header is underlined: the
/// district matrix stays narrow and calm even with 50 rows.
const MATRIX_STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// The table format for a screen (or a file or pipe: see [`Screen`]).
pub struct ReportTable {
    pub layout: Layout,
}

impl ReportRenderer for ReportTable {
    fn finish(
        &self,
        overview: &Overview<'_>,
        _pieces: &mut dyn Pieces,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let screen = self.layout.screen;
        let mut text = Output {
            screen: Screen {
                width: screen.width.min(MAX_WIDTH),
                ..screen
            },
            show_files: self.layout.show_files,
            text: String::new(),
        };
        match overview.single {
            Some(one) => text.assessment(one),
            None => text.district(overview.district, out)?,
        }
        out.write_all(text.text.as_bytes())
    }
}

struct Output {
    screen: Screen,
    show_files: bool,
    text: String,
}

impl Output {
    /// Writes what is there so far to `out`, so that a district of
    /// thousands of Kommunen is never held as one text.
    fn flush(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.text.as_bytes())?;
        self.text.clear();
        Ok(())
    }

    /// Appends a table (or text block) line by line without trailing spaces.
    fn push(&mut self, table: &Table) {
        for line in table.lines() {
            self.text.push_str(line.trim_end());
            self.text.push('\n');
        }
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// A heading, wrapped to the screen and underlined with `rule`.
    fn heading(&mut self, title: &str, rule: char) {
        let block = self.paragraph_table(title);
        let width = block
            .lines()
            .map(|l| l.trim_end().width())
            .max()
            .unwrap_or(0);
        self.push(&block);
        self.text.push_str(&rule.to_string().repeat(width));
        self.text.push('\n');
    }

    /// Plain text wrapped at word boundaries to the screen width.
    fn paragraph(&mut self, text: &str) {
        let block = self.paragraph_table(text);
        self.push(&block);
    }

    fn paragraph_table(&self, text: &str) -> Table {
        let mut table = self.table(NOTHING);
        table.add_row(vec![wrap(text, usize::from(self.screen.width))]);
        if let Some(column) = table.column_mut(0) {
            column.set_padding((0, 0));
        }
        table
    }

    /// Labels and values without borders, the values wrapped to the room
    /// the labels leave.
    fn label_table(&self, rows: &[(&str, String)]) -> Table {
        let label_width = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
        // Labels are padded by two on the right, values by one on each side.
        let room = u16::try_from(label_width + 2)
            .map_or(0, |labels| self.screen.width.saturating_sub(labels));
        let mut table = self.table(NOTHING);
        for (label, value) in rows {
            table.add_row(vec![(*label).to_owned(), fit(value, room)]);
        }
        if let Some(labels) = table.column_mut(0) {
            labels.set_constraint(ColumnConstraint::ContentWidth);
            labels.set_padding((0, 2));
        }
        table
    }

    /// A new table that fits the screen and is styled only when allowed.
    fn table(&self, style: TableStyle) -> Table {
        let mut table = Table::new();
        table
            .load_style(style)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(self.screen.width);
        if self.screen.colour {
            table.enforce_styling();
        }
        table
    }

    fn status_cell(&self, status: Status, content: String) -> Cell {
        let cell = Cell::new(content);
        match status_colour(status) {
            Some(colour) if self.screen.colour => cell.fg(colour),
            _ => cell,
        }
    }

    fn assessment(&mut self, a: &AssessmentReport) {
        self.heading(
            &msg::report_title_one(&a.field_title, &text(&a.kommune)),
            '═',
        );
        let mut facts = vec![(msg::LABEL_KOMMUNE, text(&a.kommune))];
        if a.placeholder_name {
            facts.push((msg::LABEL_MARKS, msg::fact_placeholder()));
        }
        if let Some(ags) = &a.ags {
            facts.push((msg::LABEL_AGS, text(ags)));
        }
        facts.push((msg::LABEL_DATE, msg::german_date(a.date)));
        if let Some(assessor) = &a.assessor {
            facts.push((msg::LABEL_ASSESSOR, text(assessor)));
        }
        facts.extend([
            (
                msg::LABEL_FIELD,
                msg::field_with_version(&a.field_title, &text(&a.field_version)),
            ),
            (msg::LABEL_DONE_PERCENT, format_percent(a.done_percent())),
            (
                msg::LABEL_ASSESSED_PERCENT,
                format_percent(a.assessed_percent()),
            ),
        ]);
        let facts = self.label_table(&facts);
        self.push(&facts);
        self.blank();

        self.heading(msg::HEADING_QUESTIONS, '─');
        let mut questions = self.table(UTF8_FULL);
        questions.set_header(vec![msg::LABEL_QUESTION, msg::LABEL_ANSWER]);
        let widths = column_widths(self.screen.width, &QUESTION_COLUMNS);
        for answer in &a.answers {
            let reply = if answer.answer.is_empty() {
                msg::NO_ANSWER.to_owned()
            } else {
                text(&answer.answer)
            };
            questions.add_row(vec![
                fit(&text(&answer.question), widths[0]),
                fit(&reply, widths[1]),
            ]);
        }
        fix_widths(&mut questions, &widths);
        self.push(&questions);

        for category in &a.categories {
            self.blank();
            let heading = msg::report_category_heading(
                &category.title,
                category.counts.total(),
                &format_percent(category.counts.done_percent()),
            );
            self.heading(&heading, '─');
            let mut items = self.table(UTF8_FULL);
            let narrow = self.screen.width < NARROW_BELOW;
            let mut header = vec![msg::LABEL_MEASURE, msg::LABEL_STATUS];
            if narrow {
                header.push(msg::LABEL_PARTNERS_AND_NOTE);
            } else {
                header.extend([msg::LABEL_PARTNERS, msg::LABEL_NOTE]);
            }
            items.set_header(header);
            let shares: &[Share] = if narrow {
                &ITEM_COLUMNS_NARROW
            } else {
                &ITEM_COLUMNS
            };
            let widths = column_widths(self.screen.width, shares);
            for item in a.items_in(&category.id) {
                items.add_row(self.item_row(item, &widths));
            }
            fix_widths(&mut items, &widths);
            self.push(&items);
        }

        self.blank();
        self.heading(msg::HEADING_STATUS_TOTALS, '─');
        let mut totals = self.table(UTF8_FULL_CONDENSED);
        totals.set_header(vec![msg::LABEL_STATUS, msg::LABEL_COUNT]);
        for status in msg::REPORT_STATUS_ORDER {
            totals.add_row(vec![
                self.status_cell(status, msg::status_with_mark(status)),
                Cell::new(a.counts.get(status)),
            ]);
        }
        totals.add_row(vec![
            Cell::new(msg::LABEL_TOTAL),
            Cell::new(a.counts.total()),
        ]);
        if let Some(counts) = totals.column_mut(1) {
            counts.set_cell_alignment(CellAlignment::Right);
        }
        self.push(&totals);
        self.paragraph(&msg::percent_line(
            &format_percent(a.done_percent()),
            &format_percent(a.assessed_percent()),
        ));
        self.paragraph(msg::PERCENT_EXPLANATION);
    }

    /// Maßnahme, Status, Partner, Notiz, each fitted to its column of
    /// `widths`; on a narrow screen (three columns) the partners go into the
    /// note cell.
    fn item_row(&self, item: &ItemReport, widths: &[u16]) -> Vec<Cell> {
        let narrow = widths.len() == ITEM_COLUMNS_NARROW.len();
        let mut title = text(&item.title);
        if item.own {
            title.push_str(&format!("\n({})", msg::LABEL_OWN_MEASURE));
        }
        // One partner per line: names with commas stay apart.
        let partners = item.partners.join("\n");
        let mut note: Vec<String> = item.note.iter().map(|n| text(n)).collect();
        if narrow {
            let lines = msg::detail_list(msg::LABEL_PARTNERS_DETAIL, &item.partners);
            note.extend(lines.iter().map(|l| text(l)));
        }
        note.extend(detail_lines(item).iter().map(|l| text(l)));
        let evidence = msg::detail_list(msg::LABEL_EVIDENCE_DETAIL, &item.evidence);
        note.extend(evidence.iter().map(|l| text(l)));
        let mut status = msg::status_with_mark(item.status);
        if item.overdue {
            status = format!("{status}\n{}", msg::STATUS_OVERDUE);
        }
        let mut row = vec![
            Cell::new(fit(&title, widths[0])),
            self.status_cell(item.status, status),
        ];
        if !narrow {
            row.push(Cell::new(fit(&text(&partners), widths[2])));
        }
        row.push(Cell::new(fit(&note.join("\n"), widths[widths.len() - 1])));
        row
    }

    /// The widest matrix that fits the screen: it leaves out the date and
    /// then the Vollständigkeit column before it squeezes the names.
    fn fitting_matrix(&self, district: &District) -> Matrix {
        let all = MatrixColumns {
            ags: district.has_ags(),
            file: self.show_files,
            date: true,
            assessed: true,
            marks: district.has_marks(),
        };
        let choices = [
            all,
            MatrixColumns { date: false, ..all },
            MatrixColumns {
                date: false,
                assessed: false,
                ..all
            },
        ];
        // Measured without colour: escape codes take no room on screen.
        let plain = Output {
            screen: Screen {
                colour: false,
                ..self.screen
            },
            show_files: self.show_files,
            text: String::new(),
        };
        let longest_name = district
            .kommunen
            .iter()
            .flat_map(|a| {
                text(&a.kommune)
                    .lines()
                    .map(|l| l.width())
                    .collect::<Vec<_>>()
            })
            .max()
            .unwrap_or(0);
        let longest_marks = district
            .kommunen
            .iter()
            .map(|a| marks(a).width())
            .max()
            .unwrap_or(0);
        let squeezable = longest_name.saturating_sub(MATRIX_NAME_WIDTH)
            + longest_marks.saturating_sub(MATRIX_MARKS_WIDTH);
        // The widest line depends only on the widest cell of each column:
        // measure a table of the rows that hold those, not of all rows.
        let widest_rows = widest_rows(district);
        let fits = |columns: MatrixColumns| {
            let mut table = plain.matrix_table(district, &widest_rows, columns);
            table.set_content_arrangement(ContentArrangement::Disabled);
            let widest = table.lines().map(|l| l.trim_end().width()).max();
            widest.unwrap_or(0).saturating_sub(squeezable) <= usize::from(self.screen.width)
        };
        let columns = choices.into_iter().find(|c| fits(*c)).unwrap_or(choices[2]);
        Matrix { columns }
    }

    /// Writes the matrix [`long_table::CHUNK`] rows at a time, so that a
    /// table of thousands of Kommunen is never laid out whole. Every chunk
    /// is laid out together with the rows that decide the column widths
    /// ([`long_table::layout_rows`], appended at its end and left out of the
    /// output), so all chunks get the widths the whole table would have.
    fn push_matrix(
        &mut self,
        district: &District,
        columns: MatrixColumns,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let layout = long_table::layout_rows(
            self.screen.width,
            district
                .kommunen
                .iter()
                .map(|a| (a, self.matrix_row(a, columns))),
        );
        let lines = |output: &Output, rows: &[&KommuneRow]| -> Vec<String> {
            output
                .matrix_table(district, rows, columns)
                .lines()
                .map(|l| l.trim_end().to_owned())
                .collect()
        };
        let once = lines(self, &layout).len();
        let twice = lines(self, &[layout.as_slice(), layout.as_slice()].concat()).len();
        let (layout_lines, header_lines) = (twice - once, 2 * once - twice);
        for (index, chunk) in district.kommunen.chunks(long_table::CHUNK).enumerate() {
            let rows: Vec<&KommuneRow> = chunk.iter().chain(layout.iter().copied()).collect();
            let chunk_lines = lines(self, &rows);
            let start = if index == 0 { 0 } else { header_lines };
            for line in &chunk_lines[start..chunk_lines.len() - layout_lines] {
                self.text.push_str(line);
                self.text.push('\n');
            }
            self.flush(out)?;
        }
        Ok(())
    }

    /// Kommunen as rows, the field's suggestions as columns with short codes
    /// (explained in the totals table), then the percentages.
    fn matrix_table(
        &self,
        district: &District,
        rows: &[&KommuneRow],
        columns: MatrixColumns,
    ) -> Table {
        let mut matrix = self.table(MATRIX_STYLE);
        let mut header = vec![Cell::new(msg::LABEL_KOMMUNE)];
        if columns.ags {
            header.push(Cell::new("AGS"));
        }
        if columns.file {
            header.push(Cell::new(msg::LABEL_FILE));
        }
        if columns.date {
            header.push(Cell::new(msg::LABEL_STAND));
        }
        let first_mark = header.len();
        let suggestions = district.totals.suggestions.len();
        header.extend((0..suggestions).map(|i| Cell::new(msg::suggestion_code(i))));
        header.push(Cell::new(msg::HEADER_DONE_PERCENT));
        if columns.assessed {
            header.push(Cell::new(msg::HEADER_ASSESSED_PERCENT));
        }
        if columns.marks {
            header.push(Cell::new(msg::LABEL_MARKS));
        }
        matrix.set_header(header);
        for a in rows {
            matrix.add_row(self.matrix_row(a, columns));
        }
        let statuses = first_mark..first_mark + suggestions;
        let figures_end = statuses.end + 1 + usize::from(columns.assessed);
        for (index, column) in matrix.column_iter_mut().enumerate().skip(1) {
            if index < figures_end {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
            if statuses.contains(&index) {
                column.set_padding((0, 1));
            } else if (statuses.end..figures_end).contains(&index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        matrix
    }

    /// The own measures of all Kommunen: Kommune, category, title, status.
    /// Written [`long_table::CHUNK`] rows at a time with the column widths
    /// of the whole table, so that tens of thousands of own measures are
    /// never laid out at once.
    fn push_own_measures(
        &self,
        district: &District,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let rows = || {
            district
                .kommunen
                .iter()
                .flat_map(|a| a.own.iter().map(move |item| (a, item)))
        };
        long_table::write_in_chunks(
            &|| self.own_measures_table(),
            || rows().map(|(a, item)| self.own_measure_row(a, item)),
            &mut |lines| {
                let mut text = String::new();
                for line in lines {
                    text.push_str(line.trim_end());
                    text.push('\n');
                }
                out.write_all(text.as_bytes())
            },
        )
    }

    /// The table of own measures without rows.
    fn own_measures_table(&self) -> Table {
        let mut own = self.table(UTF8_FULL);
        own.set_header(vec![
            msg::LABEL_KOMMUNE,
            msg::LABEL_CATEGORY,
            msg::LABEL_MEASURE,
            msg::LABEL_STATUS,
        ]);
        if let Some(status) = own.column_mut(3) {
            status.set_constraint(ColumnConstraint::ContentWidth);
        }
        own
    }

    fn own_measure_row(&self, a: &KommuneRow, item: &OwnMeasureRow) -> Vec<Cell> {
        let mut status = msg::status_with_mark(item.status);
        if item.overdue {
            status = format!("{status}\n{}", msg::STATUS_OVERDUE);
        }
        vec![
            Cell::new(text(&a.kommune)),
            Cell::new(&item.category_title),
            Cell::new(text(&item.title)),
            self.status_cell(item.status, status),
        ]
    }

    /// A Kommune's row of the matrix.
    fn matrix_row(&self, a: &KommuneRow, columns: MatrixColumns) -> Vec<Cell> {
        let mut row = vec![Cell::new(text(&a.kommune))];
        if columns.ags {
            row.push(Cell::new(text(a.ags.as_deref().unwrap_or(""))));
        }
        if columns.file {
            row.push(Cell::new(text(&file_name(&a.file))));
        }
        if columns.date {
            row.push(Cell::new(msg::german_date(a.date)));
        }
        row.extend(
            a.suggestions
                .iter()
                .map(|s| self.status_cell(*s, msg::status_mark(*s).to_owned())),
        );
        row.push(Cell::new(format_percent(a.done_percent())));
        if columns.assessed {
            row.push(Cell::new(format_percent(a.assessed_percent())));
        }
        if columns.marks {
            row.push(Cell::new(marks(a)));
        }
        row
    }

    fn district(
        &mut self,
        district: &District,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.heading(
            &msg::report_title_district(&district.field_title, district.totals.kommunen),
            '═',
        );
        if district.totals.assessments != district.totals.kommunen {
            self.paragraph(&msg::district_counts_line(
                district.totals.assessments,
                district.totals.kommunen,
            ));
        }
        self.paragraph(&msg::field_with_version(
            &district.field_title,
            &text(&district.field_versions().join(", ")),
        ));
        self.paragraph(&format!("{}: {}", msg::LABEL_LEGEND, unbreakable_legend()));
        self.paragraph(&msg::matrix_codes_hint(district.totals.suggestions.len()));
        self.blank();

        self.heading(msg::HEADING_MATRIX, '─');
        let matrix = self.fitting_matrix(district);
        self.push_matrix(district, matrix.columns, out)?;
        self.paragraph(&msg::district_percent_line(
            &format_percent(district.totals.done_percent()),
            &format_percent(district.totals.assessed_percent()),
        ));
        self.paragraph(msg::PERCENT_EXPLANATION);
        let left_out = matrix.columns.left_out();
        if !left_out.is_empty() {
            self.paragraph(&msg::matrix_columns_left_out(&left_out));
        }
        self.blank();

        let notes = notes(district, text);
        if !notes.is_empty() {
            self.heading(msg::HEADING_MARKS, '─');
            for note in &notes {
                self.paragraph(&format!("- {note}"));
                if self.text.len() > FLUSH_AT {
                    self.flush(out)?;
                }
            }
            self.blank();
        }

        self.heading(msg::HEADING_SUGGESTION_TOTALS, '─');
        let mut totals = self.table(UTF8_FULL);
        let mut header = vec![
            Cell::new(msg::LABEL_NUMBER),
            Cell::new(msg::LABEL_SUGGESTION),
        ];
        header.extend(
            msg::REPORT_STATUS_ORDER
                .iter()
                .map(|s| self.status_cell(*s, msg::status_mark(*s).to_owned())),
        );
        totals.set_header(header);
        for (index, s) in district.totals.suggestions.iter().enumerate() {
            let mut row = vec![
                Cell::new(msg::suggestion_code(index)),
                Cell::new(format!("{}: {}", s.category_title, s.title)),
            ];
            row.extend(
                msg::REPORT_STATUS_ORDER
                    .iter()
                    .map(|st| Cell::new(s.counts.get(*st))),
            );
            totals.add_row(row);
        }
        for (index, column) in totals.column_iter_mut().enumerate() {
            if index != 1 {
                column.set_constraint(ColumnConstraint::ContentWidth);
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        self.push(&totals);

        self.flush(out)?;

        if district.kommunen.iter().any(|a| !a.own.is_empty()) {
            self.blank();
            self.heading(msg::HEADING_OWN_MEASURES, '─');
            self.flush(out)?;
            self.push_own_measures(district, out)?;
        }
        Ok(())
    }
}

/// The matrix leaves out columns rather than wrap names shorter than this.
const MATRIX_NAME_WIDTH: usize = 16;

/// For each column of the matrix that varies in width, the row with its
/// widest cell (each row once).
fn widest_rows(district: &District) -> Vec<&KommuneRow> {
    let rows = &district.kommunen;
    let widths: [fn(&KommuneRow) -> usize; 6] = [
        |a| {
            text(&a.kommune)
                .lines()
                .map(|l| l.width())
                .max()
                .unwrap_or(0)
        },
        |a| text(a.ags.as_deref().unwrap_or("")).width(),
        |a| text(&file_name(&a.file)).width(),
        |a| format_percent(a.done_percent()).width(),
        |a| format_percent(a.assessed_percent()).width(),
        |a| marks(a).width(),
    ];
    let mut chosen: Vec<usize> = widths
        .iter()
        .filter_map(|width| {
            (0..rows.len()).max_by_key(|&i| (width(&rows[i]), std::cmp::Reverse(i)))
        })
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen.into_iter().map(|i| &rows[i]).collect()
}

/// The Hinweis column wraps rather than leave out columns beyond this.
const MATRIX_MARKS_WIDTH: usize = 10;

/// Which optional columns the district matrix shows.
#[derive(Debug, Clone, Copy)]
struct MatrixColumns {
    ags: bool,
    file: bool,
    date: bool,
    assessed: bool,
    marks: bool,
}

impl MatrixColumns {
    /// The labels of the columns left out.
    fn left_out(self) -> Vec<&'static str> {
        let mut labels = Vec::new();
        if !self.date {
            labels.push(msg::LABEL_STAND);
        }
        if !self.assessed {
            labels.push(msg::LABEL_ASSESSED_PERCENT);
        }
        labels
    }
}

struct Matrix {
    columns: MatrixColumns,
}

/// Below this width the item tables have no partner column of their own.
const NARROW_BELOW: u16 = 100;

/// How a column of a full-width table gets its width.
#[derive(Debug, Clone, Copy)]
enum Share {
    /// This percentage of the room inside the borders.
    Percent(u16),
    /// Exactly this many characters, padding included.
    Fixed(u16),
    /// Whatever is left (at least 3 characters).
    Rest,
}

/// Maßnahme, Status (fits "– nicht relevant"), Partner, Notiz.
const ITEM_COLUMNS: [Share; 4] = [
    Share::Percent(34),
    Share::Fixed(18),
    Share::Percent(20),
    Share::Rest,
];
/// On a narrow screen: Maßnahme, Status, "Notiz und Partner".
const ITEM_COLUMNS_NARROW: [Share; 3] = [Share::Percent(40), Share::Fixed(18), Share::Rest];
/// Einstiegsfrage, Antwort.
const QUESTION_COLUMNS: [Share; 2] = [Share::Percent(40), Share::Rest];

/// Gives the columns of a bordered `table` the fixed `widths` (from
/// [`column_widths`]): tables with the same shares line up under each other.
fn fix_widths(table: &mut Table, widths: &[u16]) {
    for (column, width) in table.column_iter_mut().zip(widths) {
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*width)));
    }
}

/// `text` wrapped for a column `width` wide (padding included), so that
/// comfy-table never has to break a line itself.
fn fit(text: &str, width: u16) -> String {
    wrap(text, usize::from(width).saturating_sub(2))
}

fn column_widths(width: u16, shares: &[Share]) -> Vec<u16> {
    let borders = shares.len() as u16 + 1;
    let room = width.saturating_sub(borders);
    let mut widths: Vec<u16> = shares
        .iter()
        .map(|share| match share {
            Share::Percent(p) => room * p / 100,
            Share::Fixed(w) => *w,
            Share::Rest => 0,
        })
        .collect();
    let used: u16 = widths.iter().sum();
    for (w, share) in widths.iter_mut().zip(shares) {
        if let Share::Rest = share {
            *w = room.saturating_sub(used).max(3);
        }
    }
    widths
}

/// Text from a file as it may go onto a terminal: control characters as
/// visible escapes, tabs as spaces (their width is unknown to the table).
fn text(value: &str) -> String {
    multi_line(value).replace('\t', "    ")
}

/// The legend with no-break spaces inside each entry, so wrapping only
/// happens between entries.
fn unbreakable_legend() -> String {
    msg::REPORT_STATUS_ORDER
        .iter()
        .map(|s| msg::status_with_mark(*s).replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join("   ")
}

/// Colour as an extra hint; the marks and labels carry the meaning alone.
fn status_colour(status: Status) -> Option<Color> {
    match status {
        Status::Done => Some(Color::Green),
        Status::InProgress => Some(Color::Cyan),
        Status::Planned => Some(Color::Yellow),
        Status::Open => Some(Color::Red),
        Status::NotApplicable | Status::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::large_district;

    /// 1,000 Kommunen with 1,001 own measures: the table of own measures in
    /// chunks has the same lines as one table of all of them, at every
    /// width and with colour, also where titles of short words wrap into
    /// shorter lines than a narrower title keeps.
    #[test]
    fn the_own_measures_in_chunks_equal_the_whole_table() {
        let titles = [
            "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij",
            "Mittellange Zeile mit einunddreißig",
            "Zeile mit siebenundzwanzig",
            "Donaudampfschifffahrtsgesellschaftskapitänswitwenrente",
            "Gemeinsame Klärschlammverwertung",
            "a  b   c    d",
            "東京都 特別区 の 協力 関係 東京都特別区協力関係",
        ];
        let report = large_district(1000, |i, a| {
            a.kommune.name = format!(
                "{} {i}",
                ["Au", "Villingen-Schwenningen im Schwarzwald", "Zell"][i % 3]
            );
            for (j, own) in a.own.iter_mut().enumerate() {
                own.title = titles[(i * 3 + j) % titles.len()].to_owned();
            }
        });
        let district = &report.district;
        for (width, colour) in [(40, false), (61, false), (100, true), (120, false)] {
            let output = Output {
                screen: Screen { width, colour },
                show_files: false,
                text: String::new(),
            };
            let mut chunked = Vec::new();
            output.push_own_measures(district, &mut chunked).unwrap();
            let mut table = output.own_measures_table();
            for a in &district.kommunen {
                for item in &a.own {
                    table.add_row(output.own_measure_row(a, item));
                }
            }
            let whole: String = table
                .lines()
                .map(|l| format!("{}\n", l.trim_end()))
                .collect();
            assert_eq!(String::from_utf8(chunked).unwrap(), whole, "width {width}");
        }
    }

    /// 600 Kommunen are laid out in chunks, with the same lines as one
    /// table of all of them, also where names wrap at 60 columns (the
    /// longest name of short words into shorter lines than a narrower one).
    #[test]
    fn the_matrix_in_chunks_equals_the_whole_table() {
        let report = large_district(600, |i, a| {
            // Two names in the last chunk keep longer lines than the
            // longest name (of short words) when all of them wrap.
            a.kommune.name = match i {
                555 => "Villingen-Schwenningen im Schwarzwald".to_owned(),
                556 => "Mittellange Zeile mit einunddreißig Zeichen".to_owned(),
                _ if i % 2 == 0 => format!("Au {i}"),
                _ => format!("Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij {i}"),
            };
            a.kommune.ags = (i % 7 != 0).then(|| format!("08{i:06}"));
        });
        let district = &report.district;
        for width in [60, 100, 120] {
            let mut output = Output {
                screen: Screen {
                    width,
                    colour: false,
                },
                show_files: false,
                text: String::new(),
            };
            let columns = output.fitting_matrix(district).columns;
            let mut chunked = Vec::new();
            output.push_matrix(district, columns, &mut chunked).unwrap();
            let rows: Vec<&KommuneRow> = district.kommunen.iter().collect();
            let whole: String = output
                .matrix_table(district, &rows, columns)
                .lines()
                .map(|l| format!("{}\n", l.trim_end()))
                .collect();
            assert_eq!(String::from_utf8(chunked).unwrap(), whole, "width {width}");
        }
    }
}
