//! The report as a document for people to read, print and pass on: an HTML
//! page or a Word document. What the document says, and in which order, is
//! decided once here ([`write_one`] for one Kommune, [`write_district`] for
//! many); each format is a [`DocumentWriter`] that only lays it out, so the
//! page and the Word document always hold the same content.
//!
//! Texts from files go to the writers as they are; each writer escapes
//! them for its format (through `render::escape`).

pub mod chart;
mod district;
mod one;
pub mod palette;

pub use district::{NETWORK_PICTURE_NODES, write_district};
pub use one::write_one;

use crate::render::report::{Layout, Overview};

use crate::domain::field::Field;
use crate::domain::network::Network;
use crate::domain::status::Status;
use chart::Chart;
use jiff::civil::Date;
use std::io;

/// What a document says besides the assessments: the field they assess,
/// the day it is made (`--today`), the kin that made it, and what the
/// command line asked for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub field: &'a Field,
    pub today: Date,
    pub version: &'a str,
    /// `--show-files`: the district matrix names each Kommune's file.
    pub show_files: bool,
    /// The cooperation network, drawn in a district's document.
    pub network: Option<&'a Network>,
}

impl<'a> Context<'a> {
    /// The context of a report by this kin about `field`, made on `today`.
    pub fn new(field: &'a Field, today: Date, show_files: bool) -> Context<'a> {
        Context {
            field,
            today,
            version: env!("CARGO_PKG_VERSION"),
            show_files,
            network: None,
        }
    }

    /// The same context with the cooperation network to draw.
    pub fn with_network<'b>(self, network: Option<&'b Network>) -> Context<'b>
    where
        'a: 'b,
    {
        Context { network, ..self }
    }
}

/// Writes the document of a report through `w`: one Kommune in full, or the
/// district (with the cooperation network when the report has one).
pub fn write_report(
    overview: &Overview<'_>,
    field: &Field,
    layout: Layout,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    let district = overview.district;
    let cx = Context::new(field, district.today, layout.show_files).with_network(overview.network);
    match overview.single {
        Some(one) => write_one(one, &cx, w),
        None => write_district(district, &cx, w),
    }
}

/// A format that lays out a document. The content calls these in reading
/// order: [`DocumentWriter::begin`] first, [`DocumentWriter::end`] last;
/// tables are a [`DocumentWriter::table`], its rows, and
/// [`DocumentWriter::end_table`].
pub trait DocumentWriter {
    /// Starts the document with its title and the line below it.
    fn begin(&mut self, title: &str, subtitle: &str) -> io::Result<()>;
    /// Label and value pairs (Kommune, AGS, date, …).
    fn facts(&mut self, facts: &[(&str, String)]) -> io::Result<()>;
    /// Starts a main section; in print on a new page when `new_page`.
    fn section(&mut self, heading: &str, new_page: bool) -> io::Result<()>;
    /// A heading within a section; in print kept with what follows.
    fn subsection(&mut self, heading: &str) -> io::Result<()>;
    /// A paragraph; line breaks in `text` stay line breaks.
    fn paragraph(&mut self, text: &str, style: Style) -> io::Result<()>;
    /// A list of short paragraphs (the Hinweise of a district).
    fn list(&mut self, items: &[String]) -> io::Result<()>;
    /// A quotation with its label, e.g. the Leitsatz.
    fn quote(&mut self, label: &str, text: &str) -> io::Result<()>;
    /// A line `label: text` where `text` links to `url` (an address kin
    /// knows, never one from a file).
    fn link(&mut self, label: &str, text: &str, url: &str) -> io::Result<()>;
    /// Key figures, shown large: label and value.
    fn key_figures(&mut self, figures: &[(&str, String)]) -> io::Result<()>;
    /// The statuses with their colour, mark and label.
    fn legend(&mut self) -> io::Result<()>;
    /// A chart.
    fn chart(&mut self, chart: &Chart) -> io::Result<()>;
    /// A picture drawn elsewhere as SVG (the cooperation network), with
    /// its description; formats that cannot show it say so instead.
    fn picture(&mut self, svg: &str, description: &str) -> io::Result<()>;
    /// Starts a table with a header row (repeated on every printed page).
    fn table(&mut self, columns: &[Column<'_>]) -> io::Result<()>;
    /// One row of the table; one cell per column.
    fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()>;
    fn end_table(&mut self) -> io::Result<()>;
    /// Ends the document with its footer (file, kin version, date).
    fn end(&mut self, footer: &str) -> io::Result<()>;
}

/// How a paragraph looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Normal,
    /// A question or a term the next paragraph explains.
    Strong,
    /// A remark, e.g. how a figure is computed or "no answer yet".
    Remark,
}

/// A table column.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    pub label: &'a str,
    /// Share of the page's width, in percent; a table whose columns add up
    /// to less than 100 is that much narrower.
    pub width: u8,
    /// Numbers and marks are centred or right-aligned.
    pub align: Align,
    /// A longer explanation of a short label (the title of a suggestion
    /// above its number).
    pub hint: Option<&'a str>,
}

impl<'a> Column<'a> {
    pub fn new(label: &'a str, width: u8) -> Column<'a> {
        Column {
            label,
            width,
            align: Align::Left,
            hint: None,
        }
    }

    pub fn aligned(self, align: Align) -> Column<'a> {
        Column { align, ..self }
    }

    pub fn hint(self, hint: &'a str) -> Column<'a> {
        Column {
            hint: Some(hint),
            ..self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table cell.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// Text; line breaks stay line breaks.
    Text(&'a str),
    /// The title of a measure; an own measure is marked as such.
    Measure { title: &'a str, own: bool },
    /// A status as mark and label on its colour.
    Status { status: Status, overdue: bool },
    /// A status as its mark alone on its colour (the district matrix).
    Mark(Status),
    /// A Termin, marked when it is überfällig.
    Due { due: Option<Date>, overdue: bool },
    /// A list, one entry per line (evidence).
    List(&'a [String]),
    /// A figure (number, percentage, date).
    Figure(&'a str),
}
