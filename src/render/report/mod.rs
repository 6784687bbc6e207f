//! `kin report` output: one module per format, each a [`Renderer`]. Every
//! format shows one file in full and several files as a district overview.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::domain::report::{AssessmentReport, DistrictTotals, ItemReport, Report};
use crate::messages as msg;

pub use crate::render::screen::Screen;

/// Turns a report into the complete text of one output format; only the
/// table format looks at the [`Screen`].
pub type Renderer = fn(&Report, &Screen) -> String;

/// A format written one assessment at a time (JSON, CSV), so a report over
/// thousands of files never holds them all: `begin`, one `element` per
/// assessment with `separator` between them, then `end` with the district
/// totals. The pieces give the same bytes as the format's [`Renderer`].
#[derive(Clone, Copy)]
pub struct Stream {
    pub begin: fn() -> String,
    pub element: fn(&AssessmentReport) -> String,
    pub separator: &'static str,
    pub end: fn(&DistrictTotals) -> String,
}

/// The extra lines about an item besides note and partners, for people:
/// who is responsible, by when, and the evidence.
fn detail_lines(item: &ItemReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(who) = &item.responsible {
        lines.push(msg::detail_responsible(who));
    }
    if let Some(due) = item.due {
        lines.push(msg::detail_due(due));
    }
    if !item.evidence.is_empty() {
        lines.push(msg::detail_evidence(&item.evidence.join(", ")));
    }
    lines
}
