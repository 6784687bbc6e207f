//! The report model behind `kin report`: each assessment in full
//! ([`AssessmentReport`]); the district overview, which is all a district
//! report keeps, lives in [`crate::domain::district`]. Built from loaded
//! assessments; no I/O and no formatting (see `render::report`).

use crate::domain::assessment::{Assessment, Item};
pub use crate::domain::district::{
    District, DistrictTotals, KommuneRow, SortOrder, SuggestionTotals,
};
use crate::domain::field::Field;
use crate::domain::figures::{self, StatusCounts};
use crate::domain::status::Status;
use jiff::civil::Date;
use std::path::Path;

/// A whole report held in memory: every assessment in full and the district
/// built from them. `kin report` itself streams instead (see
/// `render::report::ReportRenderer`); this is for tests and library users.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// In the order the files were given.
    pub assessments: Vec<AssessmentReport>,
    pub district: District,
}

/// One Kommune's assessment as a report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentReport {
    /// The file as given on the command line.
    pub file: String,
    pub kommune: String,
    /// The name is still the placeholder `kin init` writes (see
    /// [`crate::domain::assessment::Kommune::has_placeholder_name`]).
    pub placeholder_name: bool,
    pub ags: Option<String>,
    pub assessor: Option<String>,
    pub date: Date,
    pub field: String,
    pub field_title: String,
    pub field_version: String,
    /// Every entry question of the field in order, answered or not.
    pub answers: Vec<AnswerReport>,
    pub counts: StatusCounts,
    pub categories: Vec<CategoryReport>,
    /// Suggestions and own measures in field order (see [`Assessment::items`]).
    pub items: Vec<ItemReport>,
}

/// An entry question and the Kommune's answer ("" when there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerReport {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// A category with the counts over its items in one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryReport {
    pub id: String,
    pub title: String,
    pub counts: StatusCounts,
}

/// A suggestion or own measure with what the Kommune recorded for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemReport {
    pub id: String,
    /// The category id.
    pub category: String,
    pub category_title: String,
    pub title: String,
    /// Whether the Kommune added this measure itself.
    pub own: bool,
    pub status: Status,
    pub partners: Vec<String>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub responsible: Option<String>,
    pub due: Option<Date>,
    /// Whether the item is überfällig on the report's day (see
    /// [`crate::domain::overdue::is_overdue`]).
    pub overdue: bool,
}

impl Report {
    /// Builds the report for assessments of `field`, each with the path it
    /// was read from, keeping their order. `today` is the day against which
    /// items are überfällig.
    pub fn build(
        assessments: &[(impl AsRef<Path>, Assessment)],
        field: &Field,
        today: Date,
    ) -> Report {
        let assessments: Vec<AssessmentReport> = assessments
            .iter()
            .map(|(path, a)| {
                AssessmentReport::build(&path.as_ref().display().to_string(), a, field, today)
            })
            .collect();
        let mut district = District::new(field);
        for a in &assessments {
            district.add(KommuneRow::of(a, today));
        }
        district.finish(today, None, SortOrder::Given);
        Report {
            assessments,
            district,
        }
    }
}

impl AssessmentReport {
    pub fn build(
        file: &str,
        assessment: &Assessment,
        field: &Field,
        today: Date,
    ) -> AssessmentReport {
        let items: Vec<ItemReport> = assessment
            .items(field)
            .iter()
            .map(|item| ItemReport::from_item(item, field, today))
            .collect();
        let categories = field
            .categories
            .iter()
            .map(|c| CategoryReport {
                id: c.id.clone(),
                title: c.title.clone(),
                counts: StatusCounts::of(
                    items
                        .iter()
                        .filter(|i| i.category == c.id)
                        .map(|i| i.status),
                ),
            })
            .collect();
        let answers = field
            .questions
            .iter()
            .map(|q| AnswerReport {
                id: q.id.clone(),
                question: q.text.clone(),
                answer: assessment.answer(&q.id).to_owned(),
            })
            .collect();
        let kommune = &assessment.kommune;
        AssessmentReport {
            file: file.to_owned(),
            kommune: kommune.name.clone(),
            placeholder_name: kommune.has_placeholder_name(),
            ags: kommune.ags.clone(),
            assessor: kommune.assessor.clone(),
            date: kommune.date,
            field: assessment.field.clone(),
            field_title: field.title.clone(),
            field_version: assessment.field_version.clone(),
            answers,
            counts: figures::counts(assessment, field),
            categories,
            items,
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

    /// The items of one category, suggestions first, then own measures.
    pub fn items_in<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a ItemReport> {
        self.items.iter().filter(move |i| i.category == category)
    }

    /// The field's suggestions (no own measures), in field order.
    pub fn suggestions(&self) -> impl Iterator<Item = &ItemReport> {
        self.items.iter().filter(|i| !i.own)
    }

    /// The Kommune's own measures, in field order of their categories.
    pub fn own_measures(&self) -> impl Iterator<Item = &ItemReport> {
        self.items.iter().filter(|i| i.own)
    }
}

impl ItemReport {
    fn from_item(item: &Item<'_>, field: &Field, today: Date) -> ItemReport {
        let state = item.state();
        ItemReport {
            overdue: state.is_overdue(today),
            id: item.id.to_owned(),
            category: item.category.to_owned(),
            category_title: field
                .category_title(item.category)
                .unwrap_or_default()
                .to_owned(),
            title: item.title.to_owned(),
            own: item.own,
            status: state.status,
            partners: state.partners,
            note: state.note,
            evidence: state.evidence,
            responsible: state.responsible,
            due: state.due,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{ItemState, OwnMeasure};
    use crate::test_support::sample;

    const TODAY: Date = jiff::civil::date(2026, 11, 25);

    fn assessment(name: &str, statuses: &[(&str, Status)]) -> Assessment {
        let mut a = sample(name);
        for (id, status) in statuses {
            a = a.status(id, *status);
        }
        a.build()
    }

    #[test]
    fn one_assessment_has_every_item_question_and_category() {
        let field = Field::embedded();
        let mut a = assessment("Musterhausen", &[("wirtschaft-foerderung", Status::Done)]);
        a.answers
            .insert("synergien-potenzial".into(), "Bauhof".into());
        a.own.push(OwnMeasure {
            id: "klaerschlamm".into(),
            category: "infrastruktur".into(),
            title: "Klärschlamm".into(),
            state: ItemState {
                status: Status::Planned,
                partners: vec!["Nachbarstadt".into()],
                due: Some(jiff::civil::date(2026, 3, 31)),
                ..ItemState::default()
            },
        });
        let report = Report::build(&[("a.kin.toml", a)], field, TODAY);
        let r = &report.assessments[0];
        assert_eq!(r.file, "a.kin.toml");
        assert_eq!(r.items.len(), 9);
        assert_eq!(r.answers.len(), 2);
        assert_eq!(r.answers[0].answer, "");
        assert_eq!(r.answers[1].answer, "Bauhof");
        assert_eq!(r.counts.get(Status::Done), 1);
        assert_eq!(r.counts.get(Status::Unknown), 7);
        let infrastruktur = &r.categories[0];
        assert_eq!(infrastruktur.counts.get(Status::Planned), 1);
        assert_eq!(infrastruktur.counts.total(), 2);
        let own: Vec<_> = r.own_measures().collect();
        assert_eq!(own[0].partners, ["Nachbarstadt"]);
        assert!(own[0].overdue, "planned, Termin before TODAY");
        assert!(r.suggestions().all(|i| !i.overdue));
        assert_eq!(r.suggestions().count(), 8);
        assert_eq!(r.items_in("infrastruktur").count(), 2);

        let row = &report.district.kommunen[0];
        assert_eq!(row.suggestions.len(), 8);
        assert_eq!(row.suggestions[1], Status::Done);
        assert_eq!(row.answers, ["", "Bauhof"]);
        assert_eq!(row.own[0].category_title, "Infrastruktur");
        assert_eq!(row.own[0].title, "Klärschlamm");
        assert!(row.own[0].overdue);
        assert_eq!(row.overdue, 1);
        assert_eq!(row.counts, r.counts);
    }

    #[test]
    fn totals_count_kommunen_per_suggestion() {
        let field = Field::embedded();
        let a = assessment("A", &[("wirtschaft-foerderung", Status::Done)]);
        let b = assessment("B", &[("wirtschaft-foerderung", Status::Planned)]);
        let c = assessment("C", &[("wirtschaft-foerderung", Status::Done)]);
        let report = Report::build(&[("a", a), ("b", b), ("c", c)], field, TODAY);
        let totals = &report.district.totals;
        assert_eq!(totals.kommunen, 3);
        assert_eq!(totals.counts.total(), 24);
        let foerderung = &totals.suggestions[1];
        assert_eq!(foerderung.id, "wirtschaft-foerderung");
        assert_eq!(foerderung.counts.get(Status::Done), 2);
        assert_eq!(foerderung.counts.get(Status::Planned), 1);
        assert_eq!(totals.suggestions[0].counts.get(Status::Unknown), 3);
        assert_eq!(report.district.field_versions(), ["1.0"]);
    }

    #[test]
    fn all_not_applicable_has_no_umsetzungsgrad() {
        let field = Field::embedded();
        let all: Vec<(&str, Status)> = field
            .suggestion_ids()
            .into_iter()
            .map(|id| (id, Status::NotApplicable))
            .collect();
        let report = Report::build(&[("x", assessment("X", &all))], field, TODAY);
        assert_eq!(report.assessments[0].done_percent(), None);
        assert_eq!(report.assessments[0].assessed_percent(), Some(100.0));
        assert_eq!(report.district.totals.done_percent(), None);
    }
}
