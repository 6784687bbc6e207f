//! What the document of one Kommune says: who and when, the field, the key
//! figures with a chart per category, the entry questions, and a table of
//! measures per category.

use super::chart::{Bar, status_bars};
use super::{Align, Cell, Column, Context, DocumentWriter, Style};
use crate::domain::figures::{StatusCounts, format_percent};
use crate::domain::report::{AssessmentReport, ItemReport};
use crate::messages as msg;
use std::io;

/// Writes the document of one Kommune.
pub fn write_one(
    report: &AssessmentReport,
    cx: &Context<'_>,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    w.begin(
        &msg::report_title_one(&report.field_title, &report.kommune),
        &msg::assessed_on(report.date),
    )?;
    let mut facts = vec![(msg::LABEL_KOMMUNE, report.kommune.clone())];
    if report.placeholder_name {
        facts.push((msg::LABEL_MARKS, msg::fact_placeholder()));
    }
    if let Some(ags) = &report.ags {
        facts.push((msg::LABEL_AGS, ags.clone()));
    }
    facts.push((msg::LABEL_DATE, msg::german_date(report.date)));
    if let Some(assessor) = &report.assessor {
        facts.push((msg::LABEL_ASSESSOR, assessor.clone()));
    }
    facts.push((
        msg::LABEL_FIELD,
        msg::field_with_version(&report.field_title, &report.field_version),
    ));
    w.facts(&facts)?;
    write_field(cx, w)?;

    w.section(msg::HEADING_KEY_FIGURES, false)?;
    let own = report.own_measures().count();
    let overdue = report.items.iter().filter(|i| i.overdue).count();
    w.key_figures(&[
        (
            msg::LABEL_DONE_PERCENT,
            format_percent(report.done_percent()),
        ),
        (
            msg::LABEL_ASSESSED_PERCENT,
            format_percent(report.assessed_percent()),
        ),
        (
            &msg::measures_with_own(own),
            report.counts.total().to_string(),
        ),
        (msg::LABEL_OVERDUE_ITEMS, overdue.to_string()),
    ])?;
    write_status_counts(report.counts, w)?;
    w.paragraph(msg::PERCENT_EXPLANATION, Style::Remark)?;
    w.subsection(msg::HEADING_CATEGORY_CHART)?;
    let labels: Vec<String> = report
        .categories
        .iter()
        .map(|c| {
            msg::report_category_heading(
                &c.title,
                c.counts.total(),
                &format_percent(c.counts.done_percent()),
            )
        })
        .collect();
    let bars: Vec<Bar<'_>> = report
        .categories
        .iter()
        .zip(&labels)
        .map(|(c, label)| Bar {
            label,
            counts: c.counts,
        })
        .collect();
    w.legend()?;
    w.chart(&status_bars(msg::HEADING_CATEGORY_CHART, &bars))?;

    w.section(msg::HEADING_QUESTIONS, false)?;
    for answer in &report.answers {
        w.paragraph(&answer.question, Style::Strong)?;
        if answer.answer.trim().is_empty() {
            w.paragraph(msg::NO_ANSWER, Style::Remark)?;
        } else {
            w.paragraph(answer.answer.trim(), Style::Normal)?;
        }
    }

    w.section(msg::HEADING_MEASURES_BY_CATEGORY, true)?;
    for (category, label) in report.categories.iter().zip(&labels) {
        w.subsection(label)?;
        w.table(&[
            Column::new(msg::LABEL_MEASURE, 23),
            Column::new(msg::LABEL_STATUS, 12),
            Column::new(msg::LABEL_PARTNERS, 12),
            Column::new(msg::LABEL_NOTE, 18),
            Column::new(msg::LABEL_RESPONSIBLE, 12),
            Column::new(msg::LABEL_DUE, 10),
            Column::new(msg::LABEL_EVIDENCE_DETAIL, 13),
        ])?;
        for item in report.items_in(&category.id) {
            write_item(item, w)?;
        }
        w.end_table()?;
    }
    w.end(&msg::footer_one(&report.file, cx.version, cx.today))
}

fn write_item(item: &ItemReport, w: &mut dyn DocumentWriter) -> io::Result<()> {
    let partners = item.partners.join(", ");
    w.row(&[
        Cell::Measure {
            title: &item.title,
            own: item.own,
        },
        Cell::Status {
            status: item.status,
            overdue: item.overdue,
        },
        Cell::Text(&partners),
        Cell::Text(item.note.as_deref().unwrap_or_default()),
        Cell::Text(item.responsible.as_deref().unwrap_or_default()),
        Cell::Due {
            due: item.due,
            overdue: item.overdue,
        },
        Cell::List(&item.evidence),
    ])
}

/// The field's area, Leitsatz, summary and source: what the assessment is
/// measured against.
pub(super) fn write_field(cx: &Context<'_>, w: &mut dyn DocumentWriter) -> io::Result<()> {
    let field = cx.field;
    w.section(msg::HEADING_FIELD, false)?;
    w.facts(&[(msg::LABEL_AREA, field.area.clone())])?;
    w.quote(msg::LABEL_LEITSATZ, &field.leitsatz)?;
    w.paragraph(msg::LABEL_SUMMARY, Style::Strong)?;
    w.paragraph(&field.summary, Style::Normal)?;
    w.link(msg::LABEL_SOURCE, &field.source, &field.source)
}

/// A table of how many items have each status, and the total.
pub(super) fn write_status_counts(
    counts: StatusCounts,
    w: &mut dyn DocumentWriter,
) -> io::Result<()> {
    w.table(&[
        Column::new(msg::LABEL_STATUS, 30),
        Column::new(msg::LABEL_COUNT, 12).aligned(Align::Right),
    ])?;
    for status in msg::REPORT_STATUS_ORDER {
        let count = counts.get(status).to_string();
        w.row(&[
            Cell::Status {
                status,
                overdue: false,
            },
            Cell::Figure(&count),
        ])?;
    }
    let total = counts.total().to_string();
    w.row(&[Cell::Text(msg::LABEL_TOTAL), Cell::Figure(&total)])?;
    w.end_table()
}
