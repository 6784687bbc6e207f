//! The district overview behind a `kin report` over many files: one small
//! [`KommuneRow`] per assessment (never the assessments themselves, so
//! 20,000 files fit in little memory), the files left out, the marks a
//! coordinator needs to trust the overview (the same Kommune twice, an old
//! assessment, overdue items) and the totals over the distinct Kommunen.

use crate::domain::field::Field;
use crate::domain::figures::StatusCounts;
use crate::domain::finding::Finding;
use crate::domain::report::AssessmentReport;
use crate::domain::status::Status;
use jiff::civil::Date;
use std::collections::HashMap;

/// The district overview: one row per assessment and the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct District {
    /// The title of the embedded field, e.g. "Interkommunale Zusammenarbeit".
    pub field_title: String,
    /// The entry questions of the field, in order (see [`KommuneRow::answers`]).
    pub questions: Vec<String>,
    /// In report order: the order the files were given, or `--sort`.
    pub kommunen: Vec<KommuneRow>,
    /// Over the distinct Kommunen (see [`KommuneRow::counted`]); complete
    /// after [`District::finish`].
    pub totals: DistrictTotals,
    /// Files left out because they are invalid (`kin report --skip-invalid`).
    pub skipped: Vec<SkippedFile>,
    /// The report's day (`--today`), against which items are überfällig.
    pub today: Date,
    /// `--max-age`: assessments older than this many days are veraltet.
    pub max_age: Option<u32>,
}

/// What a district overview shows of one Kommune: its identity, figures,
/// the status of each suggestion, its own measures and answers, and its
/// marks; not the notes, partners and evidence of its items.
#[derive(Debug, Clone, PartialEq)]
pub struct KommuneRow {
    /// The file as given on the command line.
    pub file: String,
    pub kommune: String,
    /// The name is still the placeholder `kin init` writes: marked, and
    /// never taken for the same Kommune as another row by its name.
    pub placeholder_name: bool,
    pub ags: Option<String>,
    pub assessor: Option<String>,
    pub date: Date,
    pub field_version: String,
    pub counts: StatusCounts,
    /// The status of every suggestion of the field, in field order.
    pub suggestions: Vec<Status>,
    /// The Kommune's own measures, in field order of their categories.
    pub own: Vec<OwnMeasureRow>,
    /// The answer to every entry question of the field, in order ("" when
    /// there is none).
    pub answers: Vec<String>,
    /// How many items are überfällig on the report's day.
    pub overdue: usize,
    /// Days from the assessment date to the report's day (negative for a
    /// date after it).
    pub age_days: i64,
    /// Older than `--max-age` days.
    pub stale: bool,
    /// The other rows (indices into [`District::kommunen`], in report
    /// order) that assess the same Kommune: the same AGS, or the same name
    /// where one of them has no AGS. See [`District::duplicate_files`].
    pub duplicates: Vec<usize>,
    /// Whether the totals count this row: false for all but the newest
    /// assessment of a Kommune that appears more than once.
    pub counted: bool,
}

/// An own measure as the district overview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnMeasureRow {
    pub category_title: String,
    pub title: String,
    pub status: Status,
    pub overdue: bool,
}

/// A file left out of the report, with its first error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    /// The file as given on the command line.
    pub file: String,
    pub finding: Finding,
}

/// Figures over the distinct Kommunen of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictTotals {
    /// Distinct Kommunen: each counted once however many files assess it.
    pub kommunen: usize,
    /// Assessments in the report (rows), duplicates included.
    pub assessments: usize,
    /// Over every item of every counted assessment.
    pub counts: StatusCounts,
    /// Per suggestion of the field, in field order: how many Kommunen have
    /// which status.
    pub suggestions: Vec<SuggestionTotals>,
}

/// How many Kommunen have each status for one suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionTotals {
    pub id: String,
    pub category: String,
    pub category_title: String,
    pub title: String,
    pub counts: StatusCounts,
}

/// The order of the Kommunen in a district report (`--sort`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// The order the files were given.
    #[default]
    Given,
    /// By name, as a German dictionary sorts (ä as a, ß as ss).
    Name,
    /// By AGS; Kommunen without one last.
    Ags,
    /// Highest Umsetzungsgrad first; undefined last.
    Progress,
    /// Newest assessment first.
    Date,
}

impl District {
    /// A district without Kommunen yet; [`District::add`] adds one at a
    /// time, so a report can stream through thousands of files.
    pub fn new(field: &Field) -> District {
        District {
            field_title: field.title.clone(),
            questions: field.questions.iter().map(|q| q.text.clone()).collect(),
            kommunen: Vec::new(),
            totals: DistrictTotals::empty(field),
            skipped: Vec::new(),
            today: Date::MIN,
            max_age: None,
        }
    }

    /// Adds the next Kommune.
    pub fn add(&mut self, row: KommuneRow) {
        self.kommunen.push(row);
    }

    /// Leaves a file out, with its first error.
    pub fn skip(&mut self, file: String, finding: Finding) {
        self.skipped.push(SkippedFile { file, finding });
    }

    /// After the last Kommune: marks stale assessments (older than
    /// `max_age` days on `today`) and Kommunen that appear more than once,
    /// counts the distinct Kommunen, and puts the rows in `order`. Returns,
    /// for each row in its new place, the index it had (the order it was
    /// added in).
    pub fn finish(&mut self, today: Date, max_age: Option<u32>, order: SortOrder) -> Vec<usize> {
        self.today = today;
        self.max_age = max_age;
        for row in &mut self.kommunen {
            row.stale = max_age.is_some_and(|days| row.age_days > i64::from(days));
        }
        self.mark_duplicates();
        let mut totals = DistrictTotals::empty_like(&self.totals);
        for row in &self.kommunen {
            totals.assessments += 1;
            if row.counted {
                totals.add(row);
            }
        }
        self.totals = totals;
        let mut indices: Vec<usize> = (0..self.kommunen.len()).collect();
        let rows = &self.kommunen;
        match order {
            SortOrder::Given => {}
            SortOrder::Name => indices.sort_by_cached_key(|&i| name_key(&rows[i].kommune)),
            SortOrder::Ags => indices.sort_by(|&a, &b| {
                let key = |i: usize| (rows[i].ags.is_none(), rows[i].ags.clone());
                key(a).cmp(&key(b))
            }),
            SortOrder::Progress => indices.sort_by(|&a, &b| {
                let (x, y) = (rows[a].done_percent(), rows[b].done_percent());
                y.unwrap_or(-1.0).total_cmp(&x.unwrap_or(-1.0))
            }),
            SortOrder::Date => indices.sort_by(|&a, &b| rows[b].date.cmp(&rows[a].date)),
        }
        let mut new_place = vec![0; indices.len()];
        for (place, &old) in indices.iter().enumerate() {
            new_place[old] = place;
        }
        let mut taken: Vec<Option<KommuneRow>> = self.kommunen.drain(..).map(Some).collect();
        self.kommunen = indices
            .iter()
            .map(|&i| taken[i].take().expect("each row is placed once"))
            .collect();
        for row in &mut self.kommunen {
            for other in &mut row.duplicates {
                *other = new_place[*other];
            }
            row.duplicates.sort_unstable();
        }
        indices
    }

    /// Finds rows that assess the same Kommune: the same AGS, or the same
    /// name (ignoring case and spacing) where one of them has no AGS. Two
    /// rows with different AGS are never the same, however they are named,
    /// so the marks do not chain from one Kommune to another; the placeholder
    /// name of `kin init` names no Kommune, so it matches no other row. Counted is the
    /// newest assessment of an AGS (on the same date, the one given last);
    /// a row without AGS only when no row of its name has one.
    fn mark_duplicates(&mut self) {
        let rows = &self.kommunen;
        let mut by_ags: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, row) in rows.iter().enumerate() {
            if let Some(ags) = &row.ags {
                by_ags.entry(ags).or_default().push(index);
            }
            if !row.placeholder_name {
                by_name
                    .entry(plain_name(&row.kommune))
                    .or_default()
                    .push(index);
            }
        }
        let newest = |candidates: &mut dyn Iterator<Item = usize>| {
            candidates.max_by_key(|&i| (rows[i].date, i))
        };
        let mut marks: Vec<(Vec<usize>, bool)> = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            let only_itself = [index];
            let same_name = match row.placeholder_name {
                true => &only_itself[..],
                false => &by_name[&plain_name(&row.kommune)][..],
            };
            let (same, counted) = match &row.ags {
                Some(ags) => {
                    let same_ags = &by_ags[ags.as_str()];
                    let without_ags = same_name.iter().copied().filter(|&i| rows[i].ags.is_none());
                    let same: Vec<usize> = same_ags.iter().copied().chain(without_ags).collect();
                    (same, newest(&mut same_ags.iter().copied()) == Some(index))
                }
                None => {
                    let any_ags = same_name.iter().any(|&i| rows[i].ags.is_some());
                    let counted = !any_ags && newest(&mut same_name.iter().copied()) == Some(index);
                    (same_name.to_vec(), counted)
                }
            };
            let mut others: Vec<usize> = same.into_iter().filter(|&i| i != index).collect();
            others.sort_unstable();
            marks.push((others, counted));
        }
        for (row, (duplicates, counted)) in self.kommunen.iter_mut().zip(marks) {
            row.duplicates = duplicates;
            row.counted = counted;
        }
    }

    /// The files of the rows that assess the same Kommune as `row`.
    pub fn duplicate_files(&self, row: &KommuneRow) -> Vec<&str> {
        row.duplicates
            .iter()
            .map(|&i| self.kommunen[i].file.as_str())
            .collect()
    }

    /// Whether any row carries a mark (duplicate, stale or overdue items).
    pub fn has_marks(&self) -> bool {
        self.kommunen.iter().any(KommuneRow::has_marks)
    }

    /// Whether any Kommune has an AGS.
    pub fn has_ags(&self) -> bool {
        self.kommunen.iter().any(|row| row.ags.is_some())
    }

    /// The distinct field versions of the assessments, in first-seen order.
    pub fn field_versions(&self) -> Vec<&str> {
        let mut versions: Vec<&str> = Vec::new();
        for row in &self.kommunen {
            if !versions.contains(&row.field_version.as_str()) {
                versions.push(&row.field_version);
            }
        }
        versions
    }
}

impl KommuneRow {
    /// The district row of one assessment, on the report's day `today`.
    pub fn of(a: &AssessmentReport, today: Date) -> KommuneRow {
        KommuneRow {
            file: a.file.clone(),
            kommune: a.kommune.clone(),
            placeholder_name: a.placeholder_name,
            ags: a.ags.clone(),
            assessor: a.assessor.clone(),
            date: a.date,
            field_version: a.field_version.clone(),
            counts: a.counts,
            suggestions: a.suggestions().map(|i| i.status).collect(),
            own: a
                .own_measures()
                .map(|i| OwnMeasureRow {
                    category_title: i.category_title.clone(),
                    title: i.title.clone(),
                    status: i.status,
                    overdue: i.overdue,
                })
                .collect(),
            answers: a.answers.iter().map(|q| q.answer.clone()).collect(),
            overdue: a.items.iter().filter(|i| i.overdue).count(),
            age_days: i64::from((today - a.date).get_days()),
            stale: false,
            duplicates: Vec::new(),
            counted: true,
        }
    }

    /// Umsetzungsgrad in percent; `None` when every item is not-applicable.
    pub fn done_percent(&self) -> Option<f64> {
        self.counts.done_percent()
    }

    /// Vollständigkeit in percent.
    pub fn assessed_percent(&self) -> Option<f64> {
        self.counts.assessed_percent()
    }

    /// Whether the row is marked: the same Kommune twice, veraltet, with
    /// items überfällig, or without a real name.
    pub fn has_marks(&self) -> bool {
        !self.duplicates.is_empty() || self.stale || self.overdue > 0 || self.placeholder_name
    }
}

impl DistrictTotals {
    /// The totals over no Kommune yet.
    pub fn empty(field: &Field) -> DistrictTotals {
        let suggestions = field
            .suggestions()
            .map(|(category, suggestion)| SuggestionTotals {
                id: suggestion.id.clone(),
                category: category.id.clone(),
                category_title: category.title.clone(),
                title: suggestion.text.clone(),
                counts: StatusCounts::default(),
            })
            .collect();
        DistrictTotals {
            kommunen: 0,
            assessments: 0,
            counts: StatusCounts::default(),
            suggestions,
        }
    }

    /// Empty totals for the same suggestions.
    fn empty_like(other: &DistrictTotals) -> DistrictTotals {
        let mut totals = other.clone();
        totals.kommunen = 0;
        totals.assessments = 0;
        totals.counts = StatusCounts::default();
        for s in &mut totals.suggestions {
            s.counts = StatusCounts::default();
        }
        totals
    }

    /// Counts one more Kommune in.
    fn add(&mut self, row: &KommuneRow) {
        self.kommunen += 1;
        self.counts.add_all(row.counts);
        for (totals, status) in self.suggestions.iter_mut().zip(&row.suggestions) {
            totals.counts.add(*status);
        }
    }

    /// Umsetzungsgrad over all items of all Kommunen together.
    pub fn done_percent(&self) -> Option<f64> {
        self.counts.done_percent()
    }

    /// Vollständigkeit over all items of all Kommunen together.
    pub fn assessed_percent(&self) -> Option<f64> {
        self.counts.assessed_percent()
    }
}

/// A name as compared for duplicates: lower case, spacing collapsed.
fn plain_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name as a German dictionary sorts it (DIN 5007, variant 1): umlauts as
/// their base letter, ß as ss, case ignored; the name itself breaks ties.
fn name_key(name: &str) -> (String, String) {
    let mut key = String::with_capacity(name.len());
    for c in plain_name(name).chars() {
        match c {
            'ä' => key.push('a'),
            'ö' => key.push('o'),
            'ü' => key.push('u'),
            'ß' => key.push_str("ss"),
            c => key.push(c),
        }
    }
    (key, name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn row(file: &str, name: &str, ags: Option<&str>, date: Date, done: usize) -> KommuneRow {
        let mut counts = StatusCounts::default();
        for _ in 0..done {
            counts.add(Status::Done);
        }
        for _ in done..4 {
            counts.add(Status::Open);
        }
        KommuneRow {
            file: file.into(),
            kommune: name.into(),
            placeholder_name: name == crate::messages::PLACEHOLDER_KOMMUNE,
            ags: ags.map(Into::into),
            assessor: None,
            date,
            field_version: "1.0".into(),
            counts,
            suggestions: vec![Status::Done; 8],
            own: Vec::new(),
            answers: Vec::new(),
            overdue: 0,
            age_days: 0,
            stale: false,
            duplicates: Vec::new(),
            counted: true,
        }
    }

    fn district(rows: Vec<KommuneRow>) -> District {
        let mut district = District::new(Field::embedded());
        for r in rows {
            district.add(r);
        }
        district
    }

    #[test]
    fn the_same_ags_or_the_same_name_without_ags_is_one_kommune() {
        let mut d = district(vec![
            row("a", "Talbach", Some("08136999"), date(2025, 1, 1), 1),
            row("b", "Bergtal", None, date(2025, 1, 1), 1),
            row("c", "Talbach (neu)", Some("08136999"), date(2026, 1, 1), 2),
            row("d", "bergtal ", None, date(2024, 1, 1), 1),
            // Same name, both with different AGS: two Kommunen.
            row("e", "Au", Some("08315006"), date(2025, 1, 1), 1),
            row("f", "Au", Some("09189111"), date(2025, 1, 1), 1),
        ]);
        d.finish(date(2026, 1, 1), None, SortOrder::Given);
        let marks: Vec<(&str, Vec<&str>, bool)> = d
            .kommunen
            .iter()
            .map(|r| (r.file.as_str(), d.duplicate_files(r), r.counted))
            .collect();
        assert_eq!(
            marks,
            [
                ("a", vec!["c"], false),
                ("b", vec!["d"], true),
                ("c", vec!["a"], true),
                ("d", vec!["b"], false),
                ("e", vec![], true),
                ("f", vec![], true),
            ]
        );
        assert_eq!(d.totals.kommunen, 4);
        assert_eq!(d.totals.assessments, 6);
        assert_eq!(d.totals.suggestions[0].counts.get(Status::Done), 4);
    }

    /// A row without AGS is the same as every row of its name, but two rows
    /// with different AGS never become one through it: no chains.
    #[test]
    fn marks_do_not_chain_across_different_ags() {
        let mut d = district(vec![
            row("a", "Au", Some("08315006"), date(2025, 1, 1), 1),
            row("b", "Au", None, date(2026, 1, 1), 1),
            row("c", "Au", Some("09189111"), date(2025, 1, 1), 1),
        ]);
        d.finish(date(2026, 1, 1), None, SortOrder::Date);
        let files: Vec<&str> = d.kommunen.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["b", "a", "c"]);
        assert_eq!(d.duplicate_files(&d.kommunen[0]), ["a", "c"]);
        assert_eq!(d.duplicate_files(&d.kommunen[1]), ["b"]);
        assert_eq!(d.duplicate_files(&d.kommunen[2]), ["b"]);
        let counted: Vec<bool> = d.kommunen.iter().map(|r| r.counted).collect();
        assert_eq!(counted, [false, true, true]);
        assert_eq!(d.totals.kommunen, 2);
    }

    /// Two files fresh from `kin init` are two Kommunen without a name,
    /// not one Kommune twice: both counted, both marked.
    #[test]
    fn the_placeholder_name_is_no_kommune_to_match() {
        let placeholder = crate::messages::PLACEHOLDER_KOMMUNE;
        let mut d = district(vec![
            row("a", placeholder, None, date(2025, 1, 1), 1),
            row("b", placeholder, None, date(2026, 1, 1), 1),
            row("c", placeholder, Some("08136999"), date(2026, 1, 1), 1),
            row("d", "Talbach", Some("08136999"), date(2025, 1, 1), 1),
        ]);
        d.finish(date(2026, 1, 1), None, SortOrder::Given);
        let marks: Vec<(Vec<&str>, bool, bool)> = d
            .kommunen
            .iter()
            .map(|r| (d.duplicate_files(r), r.counted, r.has_marks()))
            .collect();
        assert_eq!(
            marks,
            [
                (vec![], true, true),
                (vec![], true, true),
                // The AGS still says which Kommune it is.
                (vec!["d"], true, true),
                (vec!["c"], false, true),
            ]
        );
        assert_eq!(d.totals.kommunen, 3);
    }

    #[test]
    fn rows_are_sorted_and_the_old_places_returned() {
        let rows = || {
            vec![
                row("1", "Öhningen", None, date(2024, 5, 1), 1),
                row("2", "Aalen", Some("08136088"), date(2026, 1, 1), 3),
                row("3", "Ostrach", Some("08437082"), date(2025, 1, 1), 0),
                row("4", "Oberstadion", Some("08425092"), date(2026, 1, 1), 2),
            ]
        };
        let order = |sort| {
            let mut d = district(rows());
            let places = d.finish(date(2026, 1, 1), None, sort);
            let files: Vec<String> = d.kommunen.iter().map(|r| r.file.clone()).collect();
            (files.join(""), places)
        };
        assert_eq!(order(SortOrder::Given), ("1234".into(), vec![0, 1, 2, 3]));
        assert_eq!(order(SortOrder::Name).0, "2413");
        assert_eq!(order(SortOrder::Ags).0, "2431");
        assert_eq!(
            order(SortOrder::Progress),
            ("2413".into(), vec![1, 3, 0, 2])
        );
        assert_eq!(order(SortOrder::Date).0, "2431");
    }

    #[test]
    fn old_assessments_are_stale_only_with_max_age() {
        let mut old = row("a", "A", None, date(2020, 1, 1), 1);
        old.age_days = 731;
        let mut fresh = row("b", "B", None, date(2025, 1, 1), 1);
        fresh.age_days = 730;
        let mut d = district(vec![old.clone(), fresh.clone()]);
        d.finish(date(2026, 1, 1), Some(730), SortOrder::Given);
        assert!(d.kommunen[0].stale && !d.kommunen[1].stale);
        assert!(d.has_marks());
        let mut d = district(vec![old, fresh]);
        d.finish(date(2026, 1, 1), None, SortOrder::Given);
        assert!(!d.kommunen[0].stale);
        assert!(!d.has_marks());
    }
}
