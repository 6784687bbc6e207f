//! The Word form of a report (`.docx`, built with docx-rs): the same content
//! as the HTML page, from `render::report::document`, for a
//! Gemeinderatsvorlage. Headings are Word headings (they show in the
//! navigation pane), tables have a header row that repeats on every page
//! and rows that do not split, the charts are pictures, and the footer
//! carries file, kin version, date and page numbers. A4 portrait.
//!
//! Every text goes through [`document_text`] first: docx-rs escapes markup
//! but not control characters, which Word would refuse to open.

mod raster;

use super::document::chart::Chart;
use super::document::palette::{OVERDUE, RULE, status_colour};
use super::document::{Align, Cell, Column, DocumentWriter, Style, write_report};
use super::{Layout, Overview, Pieces, ReportRenderer};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::messages as msg;
use crate::render::OutputKind;
use crate::render::escape::document_text;
use crate::render::wrap::soft_hyphens;
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, Hyperlink, HyperlinkType, LineSpacing,
    LineSpacingType, NumPages, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Shading,
    ShdType, SpecialIndentType, StyleType, Table, TableBorder, TableBorderPosition, TableCell,
    TableCellBorder, TableCellBorderPosition, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};
use jiff::civil::Date;
use raster::Rasteriser;
use std::io::{self, Cursor, Write};

/// The Word format.
pub struct ReportDocx {
    pub field: &'static Field,
    pub layout: Layout,
}

impl ReportRenderer for ReportDocx {
    fn kind(&self) -> OutputKind {
        OutputKind::Binary
    }

    fn finish(
        &self,
        overview: &Overview<'_>,
        _pieces: &mut dyn Pieces,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut document = WordDocument::default();
        write_report(overview, self.field, self.layout, &mut document)?;
        out.write_all(&document.into_bytes(overview.district.today)?)
    }
}

// Sizes: Word counts font sizes in half points and lengths in twentieths
// of a point (twips).
const TEXT_SIZE: usize = 20;
const TABLE_SIZE: usize = 17;
const SMALL_SIZE: usize = 16;
/// 17 mm left and right, 16 mm top, 18 mm bottom, as the HTML page prints.
const MARGIN_SIDE: i32 = 964;
const MARGIN_TOP: i32 = 907;
const MARGIN_BOTTOM: i32 = 1021;
const A4_WIDTH: u32 = 11906;
const CONTENT_WIDTH: usize = A4_WIDTH as usize - 2 * MARGIN_SIDE as usize;
/// A picture's height at most (in twips): most of the page, leaving room
/// for its heading and caption.
const MAX_PICTURE_HEIGHT: u32 = 11_500;
/// English Metric Units per twip, for the size of pictures.
const EMU_PER_TWIP: u32 = 635;
const FONT: &str = "Arial";
/// The font of the status marks, which Arial lacks in part (◐); Word and
/// LibreOffice fall back to another symbol font where it is missing.
const MARK_FONT: &str = "Segoe UI Symbol";
/// The label column of facts (Kommune, AGS, …).
const FACT_LABEL_WIDTH: usize = 3000;
const HEADER_FILL: &str = "ECECEC";
const LIGHT_RULE: &str = "B8B8B8";
const MUTED: &str = "4A4A4A";
/// Words with more letters than this get optional hyphens in table cells.
const LONG_WORD: usize = 10;

/// Builds the document while the content is written, then packs it.
#[derive(Default)]
struct WordDocument {
    blocks: Vec<Block>,
    /// The table being written: its columns and rows so far.
    table: Option<(Vec<ColumnLayout>, Vec<TableRow>)>,
    footer: String,
    /// Page break before the next heading.
    rasteriser: Rasteriser,
}

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

#[derive(Clone, Copy)]
struct ColumnLayout {
    width: usize,
    align: Align,
}

impl WordDocument {
    fn push(&mut self, paragraph: Paragraph) {
        self.blocks.push(Block::Paragraph(Box::new(paragraph)));
    }

    fn into_bytes(self, today: Date) -> io::Result<Vec<u8>> {
        let mut docx = Docx::new()
            .page_size(A4_WIDTH, 16838)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN_TOP)
                    .bottom(MARGIN_BOTTOM)
                    .left(MARGIN_SIDE)
                    .right(MARGIN_SIDE)
                    .header(567)
                    .footer(510),
            )
            .default_fonts(fonts())
            .default_size(TEXT_SIZE)
            .default_line_spacing(spacing(100, 264))
            .created_at(&format!("{today}T00:00:00Z"))
            .updated_at(&format!("{today}T00:00:00Z"))
            .footer(
                Footer::new().add_paragraph(
                    Paragraph::new()
                        .style("PageFooter")
                        .add_run(text_run(&self.footer))
                        .add_run(text_run(" · Seite "))
                        .add_page_num(PageNum::new())
                        .add_run(text_run(" von "))
                        .add_num_pages(NumPages::new()),
                ),
            );
        for style in styles() {
            docx = docx.add_style(style);
        }
        for block in self.blocks {
            docx = match block {
                Block::Paragraph(p) => docx.add_paragraph(*p),
                Block::Table(t) => docx.add_table(*t),
            };
        }
        let mut xml = docx.build();
        xml.document = word_markup(&xml.document);
        let mut bytes = Cursor::new(Vec::new());
        xml.pack(&mut bytes).map_err(io::Error::other)?;
        Ok(bytes.into_inner())
    }

    fn picture(&mut self, png: raster::Png) {
        // As large as on the HTML page (96 pixels per inch), at most the
        // width of the text and most of a page's height.
        let (css_width, css_height) = (png.css_width.max(1), png.css_height.max(1));
        let width_twips = (css_width * 15)
            .min(CONTENT_WIDTH as u32)
            .min(MAX_PICTURE_HEIGHT * css_width / css_height);
        let height_twips = width_twips * css_height / css_width;
        let pic = Pic::new_with_dimensions(png.bytes, png.width, png.height)
            .size(width_twips * EMU_PER_TWIP, height_twips * EMU_PER_TWIP);
        self.push(
            Paragraph::new()
                .keep_lines(true)
                .add_run(Run::new().add_image(pic)),
        );
    }
}

impl DocumentWriter for WordDocument {
    fn begin(&mut self, title: &str, subtitle: &str) -> io::Result<()> {
        self.push(Paragraph::new().style("Title").add_run(text_run(title)));
        if !subtitle.is_empty() {
            self.push(
                Paragraph::new()
                    .style("Subtitle")
                    .add_run(text_run(subtitle)),
            );
        }
        Ok(())
    }

    fn facts(&mut self, facts: &[(&str, String)]) -> io::Result<()> {
        let rows = facts
            .iter()
            .map(|(label, value)| {
                TableRow::new(vec![
                    plain_cell(FACT_LABEL_WIDTH)
                        .add_paragraph(cell_paragraph().add_run(text_run(label).bold())),
                    plain_cell(CONTENT_WIDTH - FACT_LABEL_WIDTH)
                        .add_paragraph(lines(cell_paragraph(), value)),
                ])
                .cant_split()
            })
            .collect();
        let table = Table::without_borders(rows)
            .set_grid(vec![FACT_LABEL_WIDTH, CONTENT_WIDTH - FACT_LABEL_WIDTH])
            .width(CONTENT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(20, 60, 20, 0));
        self.blocks.push(Block::Table(Box::new(table)));
        self.push(Paragraph::new().size(8));
        Ok(())
    }

    fn section(&mut self, heading: &str, new_page: bool) -> io::Result<()> {
        self.push(
            Paragraph::new()
                .style("Heading1")
                .keep_next(true)
                .page_break_before(new_page)
                .add_run(text_run(heading)),
        );
        Ok(())
    }

    fn subsection(&mut self, heading: &str) -> io::Result<()> {
        self.push(
            Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .add_run(text_run(heading)),
        );
        Ok(())
    }

    fn paragraph(&mut self, text: &str, style: Style) -> io::Result<()> {
        let text = text.replace("\r\n", "\n");
        for part in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let paragraph = match style {
                Style::Normal => lines(Paragraph::new(), part.trim()),
                Style::Strong => lines(Paragraph::new(), part.trim())
                    .style("Strong")
                    .keep_next(true),
                Style::Remark => lines(Paragraph::new(), part.trim()).style("Remark"),
            };
            self.push(paragraph);
        }
        Ok(())
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        for item in items {
            self.push(
                lines(Paragraph::new(), &format!("•\t{item}"))
                    .indent(Some(284), Some(SpecialIndentType::Hanging(284)), None, None)
                    .line_spacing(spacing(40, 240)),
            );
        }
        Ok(())
    }

    fn quote(&mut self, label: &str, text: &str) -> io::Result<()> {
        self.push(
            Paragraph::new()
                .style("QuoteLabel")
                .keep_next(true)
                .add_run(text_run(&label.to_uppercase())),
        );
        self.push(lines(Paragraph::new().style("Quote"), text));
        Ok(())
    }

    fn link(&mut self, label: &str, text: &str, url: &str) -> io::Result<()> {
        self.push(
            Paragraph::new()
                .add_run(text_run(&format!("{label}: ")).size(SMALL_SIZE))
                .add_hyperlink(
                    Hyperlink::new(document_text(url), HyperlinkType::External).add_run(
                        text_run(text)
                            .size(SMALL_SIZE)
                            .color("0057A0")
                            .underline("single"),
                    ),
                ),
        );
        Ok(())
    }

    fn key_figures(&mut self, figures: &[(&str, String)]) -> io::Result<()> {
        let count = figures.len().max(1);
        let width = CONTENT_WIDTH / count;
        let cells = figures
            .iter()
            .map(|(label, value)| {
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .set_borders(
                        docx_rs::TableCellBorders::with_empty()
                            .set(cell_border(TableCellBorderPosition::Top))
                            .set(cell_border(TableCellBorderPosition::Bottom))
                            .set(cell_border(TableCellBorderPosition::Left))
                            .set(cell_border(TableCellBorderPosition::Right)),
                    )
                    .add_paragraph(cell_paragraph().add_run(text_run(value).bold().size(32)))
                    .add_paragraph(
                        cell_paragraph().add_run(text_run(label).size(SMALL_SIZE).color(MUTED)),
                    )
            })
            .collect();
        let table = Table::without_borders(vec![TableRow::new(cells).cant_split()])
            .set_grid(vec![width; count])
            .width(width * count, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(80, 120, 80, 120));
        self.blocks.push(Block::Table(Box::new(table)));
        self.push(Paragraph::new().size(8));
        Ok(())
    }

    fn legend(&mut self) -> io::Result<()> {
        // One paragraph of shaded runs, so that it stays with the chart
        // after it (a table would not).
        let mut legend = Paragraph::new().keep_next(true);
        for (i, status) in msg::REPORT_STATUS_ORDER.iter().enumerate() {
            let colour = status_colour(*status);
            if i > 0 {
                legend = legend.add_run(text_run("   ").size(SMALL_SIZE));
            }
            let shade = |run: Run| {
                run.size(SMALL_SIZE)
                    .color(colour.ink_hex())
                    .shading(fill(colour.fill_hex()))
            };
            legend = legend
                .add_run(shade(text_run(" ")))
                .add_run(shade(mark_run(*status)))
                .add_run(shade(text_run(&format!(
                    " {} ",
                    msg::status_label(*status)
                ))));
        }
        self.push(legend);
        Ok(())
    }

    fn chart(&mut self, chart: &Chart) -> io::Result<()> {
        match self.rasteriser.png(&chart.svg) {
            Some(png) => self.picture(png),
            None => self.push(lines(Paragraph::new().style("Remark"), &chart.description)),
        }
        Ok(())
    }

    fn picture(&mut self, svg: &str, description: &str) -> io::Result<()> {
        if let Some(png) = self.rasteriser.png(svg) {
            WordDocument::picture(self, png);
        }
        self.push(lines(Paragraph::new().style("Remark"), description));
        Ok(())
    }

    fn table(&mut self, columns: &[Column<'_>]) -> io::Result<()> {
        let layout: Vec<ColumnLayout> = columns
            .iter()
            .map(|c| ColumnLayout {
                width: CONTENT_WIDTH * usize::from(c.width) / 100,
                align: c.align,
            })
            .collect();
        let cells = columns
            .iter()
            .zip(&layout)
            .map(|(column, layout)| {
                TableCell::new()
                    .width(layout.width, WidthType::Dxa)
                    .shading(fill(HEADER_FILL))
                    .vertical_align(VAlignType::Bottom)
                    .add_paragraph(lines_with(
                        cell_paragraph().align(alignment(column.align)),
                        &soft_hyphens(column.label, LONG_WORD),
                        |run| run.bold().size(TABLE_SIZE),
                    ))
            })
            .collect();
        self.table = Some((layout, vec![TableRow::new(cells).cant_split()]));
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        let Some((layout, rows)) = &mut self.table else {
            return Ok(());
        };
        let cells = cells
            .iter()
            .zip(layout.iter())
            .map(|(cell, layout)| word_cell(*cell, *layout))
            .collect();
        rows.push(TableRow::new(cells).cant_split());
        Ok(())
    }

    fn end_table(&mut self) -> io::Result<()> {
        if let Some((layout, rows)) = self.table.take() {
            let grid: Vec<usize> = layout.iter().map(|c| c.width).collect();
            let width = grid.iter().sum();
            let table = Table::new(rows)
                .set_grid(grid)
                .width(width, WidthType::Dxa)
                .layout(TableLayoutType::Fixed)
                .set_borders(table_borders())
                .margins(TableCellMargins::new().margin(30, 70, 30, 70));
            self.blocks.push(Block::Table(Box::new(table)));
            self.push(Paragraph::new().size(8));
        }
        Ok(())
    }

    fn end(&mut self, footer: &str) -> io::Result<()> {
        footer.clone_into(&mut self.footer);
        Ok(())
    }
}

fn word_cell(cell: Cell<'_>, layout: ColumnLayout) -> TableCell {
    let base = TableCell::new().width(layout.width, WidthType::Dxa);
    let paragraph = || cell_paragraph().align(alignment(layout.align));
    let table_run = |text: &str| text_run(text).size(TABLE_SIZE);
    let text_lines = |text: &str| {
        lines_with(paragraph(), &soft_hyphens(text.trim(), LONG_WORD), |r| {
            r.size(TABLE_SIZE)
        })
    };
    match cell {
        Cell::Text(text) => base.add_paragraph(text_lines(text)),
        Cell::Measure { title, own } => {
            let mut cell = base.add_paragraph(text_lines(title));
            if own {
                cell = cell.add_paragraph(
                    paragraph().add_run(
                        text_run(&format!("({})", msg::LABEL_OWN_MEASURE))
                            .size(SMALL_SIZE)
                            .italic(),
                    ),
                );
            }
            cell
        }
        Cell::Status { status, overdue } => {
            let colour = status_colour(status);
            let mut cell = base
                .shading(fill(colour.fill_hex()))
                .add_paragraph(status_runs(paragraph(), status, colour.ink_hex()));
            if overdue {
                cell = cell.add_paragraph(
                    paragraph().add_run(
                        table_run(msg::STATUS_OVERDUE)
                            .bold()
                            .color(colour.ink_hex()),
                    ),
                );
            }
            cell
        }
        Cell::Mark(status) => {
            let colour = status_colour(status);
            base.shading(fill(colour.fill_hex())).add_paragraph(
                paragraph()
                    .align(AlignmentType::Center)
                    .add_run(mark_run(status).size(TABLE_SIZE).color(colour.ink_hex())),
            )
        }
        Cell::Due { due, overdue } => {
            let mut p = paragraph();
            if let Some(due) = due {
                p = p.add_run(table_run(&msg::german_date(due)));
            }
            if overdue {
                p = p
                    .add_run(Run::new().add_break(BreakType::TextWrapping))
                    .add_run(table_run(msg::STATUS_OVERDUE).bold().color(&OVERDUE[1..]));
            }
            base.add_paragraph(p)
        }
        Cell::List(entries) => {
            if entries.is_empty() {
                return base.add_paragraph(paragraph());
            }
            entries.iter().fold(base, |cell, entry| {
                cell.add_paragraph(text_lines(&format!("• {}", entry.trim())))
            })
        }
        Cell::Figure(text) => base.add_paragraph(paragraph().add_run(table_run(text))),
    }
}

/// A run of text, made safe for Word's XML.
fn text_run(text: &str) -> Run {
    Run::new().add_text(document_text(text))
}

/// A status as mark and label, the mark in a font that has it.
fn status_runs(paragraph: Paragraph, status: Status, ink: &str) -> Paragraph {
    paragraph
        .add_run(mark_run(status).size(TABLE_SIZE).color(ink))
        .add_run(
            text_run(&format!(" {}", msg::status_label(status)))
                .size(TABLE_SIZE)
                .color(ink),
        )
}

fn mark_run(status: Status) -> Run {
    let fonts = RunFonts::new()
        .ascii(MARK_FONT)
        .hi_ansi(MARK_FONT)
        .cs(MARK_FONT);
    Run::new().add_text(msg::status_mark(status)).fonts(fonts)
}

/// `paragraph` with `text`, its line breaks as line breaks.
fn lines(paragraph: Paragraph, text: &str) -> Paragraph {
    lines_with(paragraph, text, |run| run)
}

fn lines_with(paragraph: Paragraph, text: &str, style: impl Fn(Run) -> Run) -> Paragraph {
    let text = document_text(text);
    let mut paragraph = paragraph;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(style(Run::new().add_text(line)));
    }
    paragraph
}

/// A paragraph in a table cell: no space after it.
fn cell_paragraph() -> Paragraph {
    Paragraph::new().line_spacing(spacing(0, 240))
}

/// Space after a paragraph and line height (240 = single), as a factor
/// of the font's line (Word's "auto"), so that pictures are never clipped.
fn spacing(after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .after(after)
        .line(line)
}

fn plain_cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

fn fill(colour: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(colour)
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

fn cell_border(position: TableCellBorderPosition) -> TableCellBorder {
    TableCellBorder::new(position)
        .border_type(BorderType::Single)
        .size(6)
        .color(LIGHT_RULE)
}

fn table_borders() -> docx_rs::TableBorders {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(&RULE[1..])
    };
    docx_rs::TableBorders::new()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV))
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// The paragraph styles: Word's own names for title and headings, so they
/// appear in the navigation pane and a table of contents.
fn styles() -> Vec<docx_rs::Style> {
    use docx_rs::Style as S;
    vec![
        S::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(36)
            .bold()
            .outline_lvl(0),
        S::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .size(24)
            .color(MUTED),
        S::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .size(28)
            .bold()
            .outline_lvl(0)
            .line_spacing(spacing(120, 240).before(360)),
        S::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .size(22)
            .bold()
            .outline_lvl(1)
            .line_spacing(spacing(80, 240).before(240)),
        S::new("Strong", StyleType::Paragraph)
            .name("Strong Text")
            .bold(),
        S::new("Remark", StyleType::Paragraph)
            .name("Remark")
            .size(SMALL_SIZE)
            .color(MUTED),
        S::new("QuoteLabel", StyleType::Paragraph)
            .name("Quote Label")
            .size(SMALL_SIZE)
            .bold()
            .color(MUTED),
        S::new("PageFooter", StyleType::Paragraph)
            .name("Page Footer")
            .size(SMALL_SIZE)
            .color(MUTED),
        S::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .size(24)
            .italic()
            .indent(Some(360), None, None, None),
    ]
}

/// Adds to the XML docx-rs built what it cannot write itself:
///
/// - the first row of every table becomes its header row (`w:tblHeader`),
///   which Word and LibreOffice repeat at the top of every page. Every row
///   kin writes cannot split, so every table starts with
///   `<w:tr><w:trPr>` right after its grid;
/// - a soft hyphen (U+00AD, see [`soft_hyphens`]) becomes Word's optional
///   hyphen `<w:softHyphen/>` (Word shows the character itself as a hard
///   hyphen). Text is the only place such a character stands.
///
/// Text never contains a raw `<`, so neither can match inside a cell.
fn word_markup(document: &[u8]) -> Vec<u8> {
    const FIRST_ROW: &[u8] = b"</w:tblGrid><w:tr><w:trPr>";
    const HEADER: &[u8] = b"<w:tblHeader />";
    const SOFT_HYPHEN: &[u8] = "\u{ad}".as_bytes();
    const OPTIONAL_HYPHEN: &[u8] = b"</w:t><w:softHyphen/><w:t xml:space=\"preserve\">";
    let mut out = Vec::with_capacity(document.len() + document.len() / 8);
    // The next place of each, searched again only once it is used, so the
    // document is read once (not once per hyphen).
    let next = |from: usize, needle: &[u8]| find(&document[from..], needle).map(|at| from + at);
    let mut row = next(0, FIRST_ROW);
    let mut hyphen = next(0, SOFT_HYPHEN);
    let mut done = 0;
    loop {
        match (row, hyphen) {
            (None, None) => break,
            (Some(r), h) if h.is_none_or(|h| r < h) => {
                let after = r + FIRST_ROW.len();
                out.extend_from_slice(&document[done..after]);
                out.extend_from_slice(HEADER);
                done = after;
                row = next(after, FIRST_ROW);
            }
            (_, h) => {
                let h = h.expect("a hyphen comes first");
                out.extend_from_slice(&document[done..h]);
                out.extend_from_slice(OPTIONAL_HYPHEN);
                done = h + SOFT_HYPHEN.len();
                hyphen = next(done, SOFT_HYPHEN);
            }
        }
    }
    out.extend_from_slice(&document[done..]);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_become_optional_hyphens() {
        let xml = "<w:r><w:t xml:space=\"preserve\">Ge\u{ad}mein\u{ad}de</w:t></w:r>";
        let patched = String::from_utf8(word_markup(xml.as_bytes())).unwrap();
        assert_eq!(
            patched,
            "<w:r><w:t xml:space=\"preserve\">Ge</w:t><w:softHyphen/><w:t xml:space=\"preserve\">mein</w:t>\
             <w:softHyphen/><w:t xml:space=\"preserve\">de</w:t></w:r>"
        );
    }

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let xml = b"<w:tbl><w:tblGrid><w:gridCol /></w:tblGrid><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>\
            <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:tbl><w:tblGrid></w:tblGrid><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        let patched = String::from_utf8(word_markup(xml)).unwrap();
        assert_eq!(patched.matches("<w:tblHeader />").count(), 2);
        assert!(patched.starts_with(
            "<w:tbl><w:tblGrid><w:gridCol /></w:tblGrid><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"
        ));
    }
}
