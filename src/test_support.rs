//! Support for the unit tests: one builder for sample assessments of the
//! embedded field, so that every test says only what matters to it.

use crate::domain::assessment::{Assessment, ItemState, Kommune, OwnMeasure};
use crate::domain::field::Field;
use crate::domain::status::Status;
use jiff::civil::{Date, date};

/// The date a sample is assessed on unless a test says otherwise.
pub const SAMPLE_DATE: Date = date(2026, 11, 25);

/// A sample assessment being built; [`Sample::build`] returns it.
#[derive(Debug, Clone)]
pub struct Sample(Assessment);

/// A sample assessment of the embedded field for the Kommune `name`, dated
/// [`SAMPLE_DATE`], with nothing recorded yet.
pub fn sample(name: &str) -> Sample {
    let kommune = Kommune {
        name: name.into(),
        ags: None,
        assessor: None,
        date: SAMPLE_DATE,
    };
    Sample(Assessment::new(Field::embedded(), kommune))
}

/// What is recorded for an item with `status` and nothing else.
pub fn state(status: Status) -> ItemState {
    ItemState {
        status,
        ..ItemState::default()
    }
}

impl Sample {
    pub fn dated(mut self, date: Date) -> Sample {
        self.0.kommune.date = date;
        self
    }

    pub fn ags(mut self, ags: &str) -> Sample {
        self.0.kommune.ags = Some(ags.into());
        self
    }

    pub fn assessor(mut self, assessor: &str) -> Sample {
        self.0.kommune.assessor = Some(assessor.into());
        self
    }

    /// The answer to the entry question `question`.
    pub fn answer(mut self, question: &str, text: &str) -> Sample {
        self.0.answers.insert(question.into(), text.into());
        self
    }

    /// What is recorded for the suggestion `id`.
    pub fn suggestion(mut self, id: &str, state: ItemState) -> Sample {
        self.0.suggestions.insert(id.into(), state);
        self
    }

    /// The suggestion `id` with `status` and nothing else.
    pub fn status(self, id: &str, status: Status) -> Sample {
        self.suggestion(id, state(status))
    }

    /// An own measure, after those added before.
    pub fn own(mut self, id: &str, category: &str, title: &str, state: ItemState) -> Sample {
        self.0.own.push(OwnMeasure {
            id: id.into(),
            category: category.into(),
            title: title.into(),
            state,
        });
        self
    }

    pub fn build(self) -> Assessment {
        self.0
    }
}
