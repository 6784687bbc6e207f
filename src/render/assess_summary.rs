//! The summary at the end of `kin assess`: counts per status, Umsetzungsgrad,
//! which items are still unbewertet and which are overdue, and where it is
//! saved.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::figures::{counts, format_percent};
use crate::messages as msg;
use crate::render::escape::one_line;
use crate::render::wrap::shorten;
use jiff::civil::Date;

/// The commands the summary suggests, ready to type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextCommands {
    /// Walks only what is still open (`kin assess FILE --unanswered`).
    pub unanswered: String,
    /// Checks the file (`kin check FILE`).
    pub check: String,
}

/// Items listed by title before the rest is only counted.
const LISTED: usize = 10;
/// Titles are shortened to this many columns.
const TITLE_WIDTH: usize = 70;

pub fn session_summary(
    assessment: &Assessment,
    field: &Field,
    path: &str,
    today: Date,
    next: &NextCommands,
) -> String {
    let counts = counts(assessment, field);
    let mut lines = vec![msg::summary_heading(&one_line(&assessment.kommune.name))];
    for (status, count) in counts.iter() {
        lines.push(format!("  {:<16}{count:>3}", msg::status_label(status)));
    }
    lines.push(msg::summary_umsetzungsgrad(&format_percent(
        counts.done_percent(),
    )));
    lines.push(msg::summary_unassessed(counts.unassessed(), counts.total()));
    let title = |t: &str| shorten(&one_line(t), TITLE_WIDTH);
    let unassessed: Vec<String> = assessment
        .items(field)
        .iter()
        .filter(|item| item.status() == crate::domain::status::Status::Unknown)
        .map(|item| msg::summary_item(&title(item.title)))
        .collect();
    if !unassessed.is_empty() {
        push_listed(&mut lines, unassessed);
        lines.push(msg::summary_only_unanswered(&next.unanswered));
    }
    let overdue = assessment.overdue_items(field, today);
    if !overdue.is_empty() {
        lines.push(msg::summary_overdue(
            overdue.len(),
            &msg::german_date(today),
        ));
        let listed = overdue
            .iter()
            .map(|item| {
                let due = item.recorded().and_then(|s| s.due).map(msg::german_date);
                msg::summary_overdue_item(&title(item.title), &due.unwrap_or_default())
            })
            .collect();
        push_listed(&mut lines, listed);
    }
    lines.push(msg::summary_saved(path, &next.check));
    lines.join("\n") + "\n"
}

/// The first [`LISTED`] of `items`, then how many more there are.
fn push_listed(lines: &mut Vec<String>, items: Vec<String>) {
    let more = items.len().saturating_sub(LISTED);
    lines.extend(items.into_iter().take(LISTED));
    if more > 0 {
        lines.push(msg::summary_more(more));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::ItemState;
    use crate::domain::status::Status;
    use crate::test_support::{sample, state};

    #[test]
    fn summary_counts_every_status() {
        let field = Field::embedded();
        let a = sample("Musterhausen")
            .status("wirtschaft-foerderung", Status::Done)
            .status("bildung-zusammenarbeit", Status::NotApplicable)
            .status("konzepte-mobilitaet", Status::Planned)
            .own(
                "klaerschlamm",
                "infrastruktur",
                "Gemeinsame Klärschlammverwertung (mit Zweckverband)",
                ItemState {
                    due: Some(jiff::civil::date(2025, 1, 31)),
                    ..state(Status::Planned)
                },
            )
            .build();
        let next = NextCommands {
            unanswered: "kin assess musterhausen.kin.toml --unanswered".into(),
            check: "kin check musterhausen.kin.toml".into(),
        };
        insta::assert_snapshot!(session_summary(
            &a,
            field,
            "musterhausen.kin.toml",
            jiff::civil::date(2026, 11, 25),
            &next
        ));
    }
}
