//! Figures about an assessment: counts per status, Umsetzungsgrad and
//! Vollständigkeit.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::status::Status;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// How many items have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts([usize; Status::ALL.len()]);

impl StatusCounts {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for status in statuses {
            counts.add(status);
        }
        counts
    }

    pub fn add(&mut self, status: Status) {
        self.0[index(status)] += 1;
    }

    /// Adds every count of `other`.
    pub fn add_all(&mut self, other: StatusCounts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }

    pub fn get(&self, status: Status) -> usize {
        self.0[index(status)]
    }

    /// Every status with its count, zeros included, in [`Status::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL.into_iter().map(|s| (s, self.get(s)))
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Umsetzungsgrad: done / (all − not-applicable), in percent; `None`
    /// when every item is not-applicable (or there are none).
    pub fn done_percent(&self) -> Option<f64> {
        let relevant = self.total() - self.get(Status::NotApplicable);
        percent(self.get(Status::Done), relevant)
    }

    /// Vollständigkeit: assessed / all, in percent; `None` without items.
    pub fn assessed_percent(&self) -> Option<f64> {
        percent(self.total() - self.get(Status::Unknown), self.total())
    }

    /// Items not yet assessed (unbewertet).
    pub fn unassessed(&self) -> usize {
        self.get(Status::Unknown)
    }
}

/// Serialises as `{"unknown": n, "open": n, …}` with every status value.
impl Serialize for StatusCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Status::ALL.len()))?;
        for (status, count) in self.iter() {
            map.serialize_entry(status.as_str(), &count)?;
        }
        map.end()
    }
}

fn index(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|s| *s == status)
        .expect("every status is in ALL")
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Counts over all items (suggestions and own measures) of an assessment.
pub fn counts(assessment: &Assessment, field: &Field) -> StatusCounts {
    StatusCounts::of(assessment.items(field).iter().map(|i| i.status()))
}

/// A percentage as people read it: whole number, German style ("38 %"),
/// or "–" when it is not defined.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        Some(v) => format!("{} %", v.round() as i64),
        None => "–".to_owned(),
    }
}

/// A percentage for JSON: one decimal, `None` (null) when not defined.
pub fn json_percent(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn percentages_leave_out_not_applicable() {
        let counts = StatusCounts::of([Done, Done, Open, Unknown, NotApplicable]);
        assert_eq!(counts.total(), 5);
        assert_eq!(counts.done_percent(), Some(50.0));
        assert_eq!(counts.assessed_percent(), Some(80.0));
        assert_eq!(format_percent(counts.done_percent()), "50 %");
    }

    #[test]
    fn all_not_applicable_has_no_umsetzungsgrad() {
        let counts = StatusCounts::of([NotApplicable, NotApplicable]);
        assert_eq!(counts.done_percent(), None);
        assert_eq!(counts.assessed_percent(), Some(100.0));
        assert_eq!(format_percent(None), "–");
        assert_eq!(StatusCounts::default().assessed_percent(), None);
    }

    #[test]
    fn counts_serialise_every_status() {
        let json = serde_json::to_string(&StatusCounts::of([Planned])).unwrap();
        assert_eq!(
            json,
            r#"{"unknown":0,"open":0,"planned":1,"in-progress":0,"done":0,"not-applicable":0}"#
        );
        assert_eq!(json_percent(Some(100.0 / 3.0)), Some(33.3));
    }
}
