//! Policy gates for committed assessments (`kin check --require-complete`,
//! `--min-done`, `--max-age`). A failed gate is a finding like any other.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::figures::{counts, format_percent};
use crate::domain::finding::{Finding, Position, Severity};
use crate::messages as msg;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The gates a check applies; all off by default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gates {
    /// No item unbewertet and every entry question answered.
    pub require_complete: bool,
    /// Umsetzungsgrad at least this many percent.
    pub min_done: Option<f64>,
    /// Assessment date at most this many days before `today`.
    pub max_age: Option<(u32, Date)>,
    /// No item overdue on this day (see [`crate::domain::overdue`]).
    pub fail_overdue: Option<Date>,
}

impl Gates {
    pub fn is_empty(&self) -> bool {
        *self == Gates::default()
    }

    /// The findings of every failed gate. `places` locates parts of the file
    /// (see [`crate::format::read::Loaded::places`]) so findings point at them.
    pub fn evaluate(
        &self,
        assessment: &Assessment,
        field: &Field,
        places: &BTreeMap<String, Position>,
    ) -> Vec<Finding> {
        let at = |place: &str| places.get(place).copied();
        let mut findings = Vec::new();
        let mut fail = |code: &'static str, message: String, position: Option<Position>| {
            findings.push(Finding {
                severity: Severity::Error,
                code,
                message,
                position,
            });
        };
        if self.require_complete {
            let items = assessment.items(field);
            let unassessed: Vec<_> = items.iter().filter(|i| !i.status().is_assessed()).collect();
            let unanswered: Vec<&str> = field
                .questions
                .iter()
                .filter(|q| assessment.answer(&q.id).trim().is_empty())
                .map(|q| q.id.as_str())
                .collect();
            if !unassessed.is_empty() || !unanswered.is_empty() {
                let ids: Vec<&str> = unassessed.iter().map(|i| i.id).collect();
                let place = match (unassessed.first(), unanswered.first()) {
                    (Some(item), _) if item.own => format!("own.{}", item.id),
                    (Some(item), _) => format!("suggestions.{}", item.id),
                    (None, Some(question)) => format!("answers.{question}"),
                    (None, None) => String::new(),
                };
                fail(
                    "gate-require-complete",
                    msg::gate_incomplete(&ids, &unanswered),
                    at(&place),
                );
            }
        }
        if let Some(min) = self.min_done {
            let done = counts(assessment, field).done_percent();
            if done.is_none_or(|d| d < min) {
                let message = msg::gate_min_done(&exact_percent(done), &exact_percent(Some(min)));
                fail("gate-min-done", message, None);
            }
        }
        if let Some((max_days, today)) = self.max_age {
            let date = assessment.kommune.date;
            let age = i64::from((today - date).get_days());
            if age < 0 {
                fail(
                    "gate-max-age",
                    msg::gate_date_in_future(&msg::german_date(date), &msg::german_date(today)),
                    at("kommune.date"),
                );
            } else if age > i64::from(max_days) {
                fail(
                    "gate-max-age",
                    msg::gate_max_age(&msg::german_date(date), age, max_days),
                    at("kommune.date"),
                );
            }
        }
        if let Some(today) = self.fail_overdue {
            for item in assessment.overdue_items(field, today) {
                let Some(state) = item.recorded() else {
                    continue;
                };
                let place = if item.own {
                    format!("own.{}", item.id)
                } else {
                    format!("suggestions.{}", item.id)
                };
                let message = msg::gate_overdue(
                    item.id,
                    msg::status_label(state.status),
                    &state.due.map(msg::german_date).unwrap_or_default(),
                    &msg::german_date(today),
                );
                fail("gate-overdue", message, at(&place));
            }
        }
        findings
    }
}

/// A percentage for a gate message: whole numbers as such ("40 %"), others
/// with one decimal ("12,5 %"), so a near miss never reads "44 % < 44 %".
fn exact_percent(value: Option<f64>) -> String {
    match value {
        Some(v) if v.fract() != 0.0 => format!("{v:.1} %").replace('.', ","),
        other => format_percent(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::read::load_str;

    const FILE: &str = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\
        [kommune]\nname = \"M\"\ndate = 2026-01-10\n[answers]\nkooperationen-bestehend = \"Bauhof\"\n\
        [suggestions.infrastruktur-zusammenlegung]\nstatus = \"done\"\n\
        [suggestions.wirtschaft-foerderung]\nstatus = \"open\"\n";

    fn evaluate(gates: &Gates) -> Vec<Finding> {
        let field = Field::embedded();
        let loaded = load_str(FILE, field);
        gates.evaluate(loaded.assessment.as_ref().unwrap(), field, &loaded.places)
    }

    #[test]
    fn no_gates_no_findings() {
        assert!(Gates::default().is_empty());
        assert_eq!(evaluate(&Gates::default()), vec![]);
    }

    #[test]
    fn require_complete_names_what_is_missing() {
        let found = evaluate(&Gates {
            require_complete: true,
            ..Gates::default()
        });
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "gate-require-complete");
        assert!(
            found[0]
                .message
                .contains("6 Punkte unbewertet (wirtschaft-gruenderzentrum,"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .message
                .contains("1 Einstiegsfrage unbeantwortet (synergien-potenzial)")
        );
    }

    #[test]
    fn min_done_compares_the_umsetzungsgrad() {
        // 1 of 8 done = 12.5 %.
        assert_eq!(
            evaluate(&Gates {
                min_done: Some(12.5),
                ..Gates::default()
            }),
            vec![]
        );
        let found = evaluate(&Gates {
            min_done: Some(50.0),
            ..Gates::default()
        });
        assert_eq!(
            found[0].message,
            "Vorgabe --min-done nicht erfüllt: Umsetzungsgrad 12,5 % < 50 %"
        );
        assert_eq!(found[0].position, None);
    }

    #[test]
    fn max_age_counts_days_and_points_at_the_date() {
        let today = Date::new(2026, 2, 9).unwrap(); // 30 days after 2026-01-10
        assert_eq!(
            evaluate(&Gates {
                max_age: Some((30, today)),
                ..Gates::default()
            }),
            vec![]
        );
        let found = evaluate(&Gates {
            max_age: Some((29, today)),
            ..Gates::default()
        });
        assert_eq!(found[0].code, "gate-max-age");
        assert!(
            found[0]
                .message
                .contains("ist 30 Tage alt, erlaubt sind 29")
        );
        assert_eq!(found[0].position, Some(Position { line: 6, column: 8 }));

        // A date after the day of the check cannot be trusted either.
        let before = Date::new(2026, 1, 9).unwrap();
        let found = evaluate(&Gates {
            max_age: Some((730, before)),
            ..Gates::default()
        });
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("„10.01.2026“ liegt nach dem Stichtag 09.01.2026")
        );
    }

    #[test]
    fn fail_overdue_names_each_overdue_item_at_its_place() {
        let file = format!(
            "{FILE}due = 2026-01-31\n[suggestions.bildung-zusammenarbeit]\nstatus = \"planned\"\n\
             due = 2026-03-01\n"
        )
        .replace("status = \"open\"", "status = \"in-progress\"");
        let field = Field::embedded();
        let loaded = load_str(&file, field);
        let gates = Gates {
            fail_overdue: Some(Date::new(2026, 2, 1).unwrap()),
            ..Gates::default()
        };
        let found = gates.evaluate(loaded.assessment.as_ref().unwrap(), field, &loaded.places);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "gate-overdue");
        assert_eq!(
            found[0].message,
            "Vorgabe --fail-overdue nicht erfüllt: „wirtschaft-foerderung“ ist überfällig \
             (in Umsetzung, Termin 31.01.2026, Stichtag 01.02.2026)"
        );
        assert!(found[0].position.is_some());
        let later = Gates {
            fail_overdue: Some(Date::new(2026, 3, 2).unwrap()),
            ..Gates::default()
        };
        assert_eq!(
            later
                .evaluate(loaded.assessment.as_ref().unwrap(), field, &loaded.places)
                .len(),
            2
        );
    }
}
