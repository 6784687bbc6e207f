//! What the document of a district says: the field, the figures over all
//! Kommunen, the status matrix (Kommunen × suggestions), the cooperation
//! network, a chart per suggestion, and the Kommunen's own measures. Laid out from the
//! district's rows alone, so it works for thousands of Kommunen.

use super::chart::{Bar, counts_text, status_bars};
use super::one::{write_field, write_status_counts};
use super::{Align, Cell, Column, Context, DocumentWriter, Style};
use crate::domain::district::District;
use crate::domain::figures::format_percent;
use crate::domain::network::{Confirmation, Network, Partner};
use crate::messages as msg;
use crate::render::network::short_title;
use crate::render::network::svg::network_svg;
use crate::render::report::notes;
use crate::render::report::sheet::marks;
use std::io;

/// Writes the document of a district.
pub fn write_district(
    district: &District,
    cx: &Context<'_>,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    let totals = &district.totals;
    let first = district.kommunen.iter().map(|k| k.date).min();
    let last = district.kommunen.iter().map(|k| k.date).max();
    let subtitle = match (first, last) {
        (Some(first), Some(last)) => msg::assessed_between(first, last),
        _ => String::new(),
    };
    w.begin(
        &msg::report_title_district(&district.field_title, totals.kommunen),
        &subtitle,
    )?;
    if totals.assessments != totals.kommunen {
        w.paragraph(
            &msg::district_counts_line(totals.assessments, totals.kommunen),
            Style::Strong,
        )?;
    }
    w.facts(&[
        (
            msg::LABEL_FIELD,
            msg::field_with_version(&district.field_title, &district.field_versions().join(", ")),
        ),
        (msg::LABEL_KOMMUNEN, totals.kommunen.to_string()),
    ])?;
    write_field(cx, w)?;

    w.section(msg::HEADING_KEY_FIGURES, false)?;
    let counted = || district.kommunen.iter().filter(|k| k.counted);
    let overdue: usize = counted().map(|k| k.overdue).sum();
    let overdue_kommunen = counted().filter(|k| k.overdue > 0).count();
    w.key_figures(&[
        (msg::LABEL_KOMMUNEN, totals.kommunen.to_string()),
        (
            msg::LABEL_DONE_PERCENT,
            format_percent(totals.done_percent()),
        ),
        (
            msg::LABEL_ASSESSED_PERCENT,
            format_percent(totals.assessed_percent()),
        ),
        (
            &msg::overdue_in_kommunen(overdue_kommunen),
            overdue.to_string(),
        ),
    ])?;
    write_status_counts(totals.counts, w)?;
    w.paragraph(msg::PERCENT_EXPLANATION, Style::Remark)?;
    w.paragraph(msg::DISTRICT_PERCENT_EXPLANATION, Style::Remark)?;

    write_matrix(district, cx, w)?;
    let notes = notes(district, str::to_owned);
    if !notes.is_empty() {
        w.section(msg::HEADING_MARKS, false)?;
        w.list(&notes)?;
    }
    if district.kommunen.len() > NETWORK_PICTURE_NODES {
        w.section(msg::HEADING_NETWORK, true)?;
        w.paragraph(
            &msg::network_too_large(district.kommunen.len()),
            Style::Normal,
        )?;
    } else if let Some(network) = cx.network.filter(|n| n.kommunen.len() > 1) {
        w.section(msg::HEADING_NETWORK, true)?;
        write_network(network, cx, w)?;
    }

    w.section(msg::HEADING_SUGGESTION_TOTALS, true)?;
    w.legend()?;
    for (index, suggestion) in totals.suggestions.iter().enumerate() {
        let heading = msg::district_suggestion_heading(
            &msg::suggestion_code(index),
            &suggestion.category_title,
            &suggestion.title,
        );
        w.subsection(&heading)?;
        let bar = Bar {
            label: "",
            counts: suggestion.counts,
        };
        w.chart(&status_bars(&heading, &[bar]))?;
        w.paragraph(&counts_text(suggestion.counts), Style::Remark)?;
    }

    if district.kommunen.iter().any(|k| !k.own.is_empty()) {
        w.section(msg::HEADING_OWN_MEASURES, true)?;
        w.table(&[
            Column::new(msg::LABEL_KOMMUNE, 22),
            Column::new(msg::LABEL_CATEGORY, 22),
            Column::new(msg::LABEL_MEASURE, 38),
            Column::new(msg::LABEL_STATUS, 18),
        ])?;
        for kommune in &district.kommunen {
            for own in &kommune.own {
                w.row(&[
                    Cell::Text(&kommune.kommune),
                    Cell::Text(&own.category_title),
                    Cell::Text(&own.title),
                    Cell::Status {
                        status: own.status,
                        overdue: own.overdue,
                    },
                ])?;
            }
        }
        w.end_table()?;
    }
    w.end(&msg::footer_district(
        district.kommunen.len() + district.skipped.len(),
        cx.version,
        cx.today,
    ))
}

/// The network is drawn in the document up to this many Kommunen and
/// partners together (a Landkreis or a Regionalverband); a larger one is
/// left to `kin network`, and `kin report` does not collect it.
pub const NETWORK_PICTURE_NODES: usize = 300;

/// The cooperation network as a picture with a caption naming the
/// one-sided partnerships; for a network too large for a page, a sentence
/// pointing to `kin network` (laying it out would also take most of the
/// report's time).
fn write_network(
    network: &Network,
    cx: &Context<'_>,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    let nodes = network.kommunen.len() + network.externals.len();
    if nodes > NETWORK_PICTURE_NODES {
        let text = msg::network_too_large(network.kommunen.len());
        return w.paragraph(&text, Style::Normal);
    }
    w.paragraph(msg::NETWORK_PICTURE_INTRO, Style::Normal)?;
    let one_sided: Vec<String> = network
        .links
        .iter()
        .filter(|l| l.confirmation() == Confirmation::OneSided)
        .filter_map(|l| match l.to {
            Partner::Kommune(to) => Some(msg::network_one_sided_short(
                &network.kommunen[l.from].name,
                &network.kommunen[to].name,
                &short_title(&l.item.title, 45),
            )),
            Partner::External(_) => None,
        })
        .collect();
    let caption = msg::network_picture_caption(&network.summary(), &one_sided, 12);
    w.picture(&network_svg(network, cx.field), &caption)
}

/// The status of every suggestion in every Kommune, one row per Kommune,
/// with its figures and marks.
fn write_matrix(
    district: &District,
    cx: &Context<'_>,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    let suggestions = &district.totals.suggestions;
    w.section(msg::HEADING_MATRIX, true)?;
    w.legend()?;
    w.paragraph(&msg::matrix_columns_hint(suggestions.len()), Style::Remark)?;
    let codes: Vec<String> = (0..suggestions.len()).map(msg::suggestion_code).collect();
    let hints: Vec<String> = suggestions
        .iter()
        .map(|s| format!("{}: {}", s.category_title, s.title))
        .collect();
    let (ags, files, with_marks) = (district.has_ags(), cx.show_files, district.has_marks());
    // Stand, the marks and the figures have fixed widths (in percent of
    // the page, so that the grid fits A4 portrait); the name takes the
    // rest. The overdue items are counted in the Hinweis column.
    let mark_width = u8::try_from(24 / suggestions.len().max(1)).unwrap_or(3);
    let mut columns = vec![Column::new(msg::LABEL_KOMMUNE, 0)];
    if ags {
        columns.push(Column::new(msg::LABEL_AGS_SHORT, 9).hint(msg::LABEL_AGS));
    }
    if files {
        columns.push(Column::new(msg::LABEL_FILE, 13));
    }
    columns.push(Column::new(msg::LABEL_STAND, 10));
    columns.extend(codes.iter().zip(&hints).map(|(code, hint)| {
        Column::new(code, mark_width)
            .aligned(Align::Center)
            .hint(hint)
    }));
    columns.extend([
        Column::new(msg::HEADER_DONE_PERCENT_NARROW, 11)
            .aligned(Align::Right)
            .hint(msg::LABEL_DONE_PERCENT),
        Column::new(msg::HEADER_ASSESSED_PERCENT_NARROW, 11)
            .aligned(Align::Right)
            .hint(msg::LABEL_ASSESSED_PERCENT),
    ]);
    if with_marks {
        columns.push(Column::new(msg::LABEL_MARKS, 16));
    }
    let fixed: u8 = columns.iter().map(|c| c.width).sum();
    columns[0].width = 100u8.saturating_sub(fixed).max(12);
    w.table(&columns)?;
    for kommune in &district.kommunen {
        let date = msg::german_date(kommune.date);
        let done = format_percent(kommune.done_percent());
        let assessed = format_percent(kommune.assessed_percent());
        let marks = marks(kommune);
        let mut cells = Vec::with_capacity(columns.len());
        cells.push(Cell::Text(&kommune.kommune));
        if ags {
            cells.push(Cell::Figure(kommune.ags.as_deref().unwrap_or_default()));
        }
        if files {
            cells.push(Cell::Text(&kommune.file));
        }
        cells.push(Cell::Figure(&date));
        cells.extend(kommune.suggestions.iter().map(|s| Cell::Mark(*s)));
        cells.extend([Cell::Figure(&done), Cell::Figure(&assessed)]);
        if with_marks {
            cells.push(Cell::Text(&marks));
        }
        w.row(&cells)?;
    }
    w.end_table()?;
    w.paragraph(
        &msg::district_percent_line(
            &format_percent(district.totals.done_percent()),
            &format_percent(district.totals.assessed_percent()),
        ),
        Style::Normal,
    )
}
