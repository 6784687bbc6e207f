//! „Überfällig“: an item that was meant to be done by its Termin and is not.
//! The day to compare with is always passed in (the command line reads the
//! clock or takes `--today`), so the rule stays pure and testable.

use crate::domain::assessment::{Assessment, Item, ItemState};
use crate::domain::field::Field;
use crate::domain::status::Status;
use jiff::civil::Date;

/// Whether an item with this status and Termin is overdue on `today`: it is
/// „geplant“ or „in Umsetzung“ and its Termin lies before `today` (an item
/// due today is not yet overdue). Items without a Termin, and every other
/// status, are never overdue.
pub fn is_overdue(status: Status, due: Option<Date>, today: Date) -> bool {
    status.has_schedule() && due.is_some_and(|due| due < today)
}

impl ItemState {
    /// See [`is_overdue`].
    pub fn is_overdue(&self, today: Date) -> bool {
        is_overdue(self.status, self.due, today)
    }
}

impl Item<'_> {
    /// See [`is_overdue`]; an item the file does not mention never is.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.recorded().is_some_and(|state| state.is_overdue(today))
    }
}

impl Assessment {
    /// The overdue items (suggestions and own measures) in field order.
    pub fn overdue_items<'a>(&'a self, field: &'a Field, today: Date) -> Vec<Item<'a>> {
        self.items(field)
            .into_iter()
            .filter(|item| item.is_overdue(today))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{sample, state};
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    #[test]
    fn planned_and_in_progress_items_past_their_termin_are_overdue() {
        let yesterday = Some(date(2026, 11, 24));
        assert!(is_overdue(Status::Planned, yesterday, TODAY));
        assert!(is_overdue(Status::InProgress, yesterday, TODAY));
        assert!(is_overdue(Status::Planned, Some(date(2025, 1, 31)), TODAY));
    }

    #[test]
    fn due_today_later_or_without_termin_is_not_overdue() {
        assert!(!is_overdue(Status::Planned, Some(TODAY), TODAY));
        assert!(!is_overdue(
            Status::InProgress,
            Some(date(2026, 11, 26)),
            TODAY
        ));
        assert!(!is_overdue(Status::Planned, None, TODAY));
    }

    #[test]
    fn other_statuses_are_never_overdue() {
        let long_ago = Some(date(2020, 1, 1));
        for status in [
            Status::Unknown,
            Status::Open,
            Status::Done,
            Status::NotApplicable,
        ] {
            assert!(!is_overdue(status, long_ago, TODAY), "{status}");
        }
    }

    #[test]
    fn an_assessment_lists_its_overdue_items_in_field_order() {
        let field = Field::embedded();
        let due = |status, due| ItemState {
            due: Some(due),
            ..state(status)
        };
        let a = sample("Musterhausen")
            .dated(date(2026, 1, 10))
            .suggestion(
                "wirtschaft-foerderung",
                due(Status::InProgress, date(2026, 3, 1)),
            )
            .suggestion(
                "infrastruktur-zusammenlegung",
                due(Status::Done, date(2026, 3, 1)),
            )
            .own(
                "klaerschlamm",
                "infrastruktur",
                "Klärschlamm",
                due(Status::Planned, date(2025, 1, 31)),
            )
            .build();
        let ids: Vec<&str> = a.overdue_items(field, TODAY).iter().map(|i| i.id).collect();
        assert_eq!(ids, ["klaerschlamm", "wirtschaft-foerderung"]);
        assert!(a.overdue_items(field, date(2025, 1, 31)).is_empty());
    }
}
