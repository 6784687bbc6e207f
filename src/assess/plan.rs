//! Which steps a walk-through goes through, in order. A step is what Esc
//! steps back over: the Kommune's data, one entry question, one suggestion,
//! one own measure (with `--unanswered`), or a category's own measures.

use crate::domain::assessment::Assessment;
use crate::domain::field::{Category, Field, Question, Suggestion};
use crate::domain::status::Status;

/// What to walk through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Only this category (its suggestions and own measures).
    pub category: Option<String>,
    /// Only what is still unbewertet or empty.
    pub unanswered: bool,
}

impl Options {
    /// Whether the walk leaves anything out.
    pub fn is_filtered(&self) -> bool {
        self.category.is_some() || self.unanswered
    }
}

/// One step of a walk-through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'f> {
    Kommune,
    Question {
        question: &'f Question,
        number: usize,
    },
    Suggestion {
        category: &'f Category,
        suggestion: &'f Suggestion,
        /// 1-based position among all suggestions of the field.
        number: usize,
    },
    /// Status and details of one own measure (used with `--unanswered`).
    OwnMeasure {
        category: &'f Category,
        id: String,
    },
    /// The own measures of a category: add, edit, remove.
    OwnMeasures {
        category: &'f Category,
    },
}

impl Step<'_> {
    /// The category a step belongs to, if any.
    pub fn category(&self) -> Option<&Category> {
        match self {
            Step::Kommune | Step::Question { .. } => None,
            Step::Suggestion { category, .. }
            | Step::OwnMeasure { category, .. }
            | Step::OwnMeasures { category } => Some(category),
        }
    }

    /// Whether the step still waits for an answer: an empty entry question,
    /// an unbewertet item, or a category's own measures with an unbewertet
    /// one among them (the same points the summary and `--unanswered` count).
    pub fn is_unanswered(&self, assessment: &Assessment) -> bool {
        match self {
            Step::Kommune => false,
            Step::OwnMeasures { category } => assessment
                .own
                .iter()
                .any(|m| m.category == category.id && m.state.status == Status::Unknown),
            Step::Question { question, .. } => assessment.answer(&question.id).trim().is_empty(),
            Step::Suggestion { suggestion, .. } => {
                assessment.suggestion_status(&suggestion.id) == Status::Unknown
            }
            Step::OwnMeasure { id, .. } => assessment
                .own_measure(id)
                .is_some_and(|m| m.state.status == Status::Unknown),
        }
    }
}

/// The steps for `assessment`. `with_kommune` is false when the Kommune's
/// data was just asked for a new file.
pub fn plan<'f>(
    field: &'f Field,
    assessment: &Assessment,
    options: &Options,
    with_kommune: bool,
) -> Vec<Step<'f>> {
    let mut steps = Vec::new();
    if with_kommune && !options.is_filtered() {
        steps.push(Step::Kommune);
    }
    if options.category.is_none() {
        for (index, question) in field.questions.iter().enumerate() {
            steps.push(Step::Question {
                question,
                number: index + 1,
            });
        }
    }
    let mut number = 0;
    for category in &field.categories {
        let chosen = options.category.as_deref().is_none_or(|c| c == category.id);
        for suggestion in &category.suggestions {
            number += 1;
            if chosen {
                steps.push(Step::Suggestion {
                    category,
                    suggestion,
                    number,
                });
            }
        }
        if !chosen {
            continue;
        }
        if options.unanswered {
            for measure in assessment.own.iter().filter(|m| m.category == category.id) {
                steps.push(Step::OwnMeasure {
                    category,
                    id: measure.id.clone(),
                });
            }
        } else {
            steps.push(Step::OwnMeasures { category });
        }
    }
    if options.unanswered {
        steps.retain(|s| s.is_unanswered(assessment));
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sample;

    fn assessment() -> Assessment {
        sample("M")
            .answer("kooperationen-bestehend", "Bauhof")
            .status("wirtschaft-foerderung", Status::Open)
            .build()
    }

    #[test]
    fn full_walk_has_every_step_in_field_order() {
        let field = Field::embedded();
        let steps = plan(field, &assessment(), &Options::default(), true);
        // Kommune, 2 questions, 8 suggestions, 5 own-measure menus.
        assert_eq!(steps.len(), 1 + 2 + 8 + 5);
        assert_eq!(steps[0], Step::Kommune);
        assert!(matches!(steps[3], Step::Suggestion { number: 1, .. }));
        assert!(matches!(steps[4], Step::OwnMeasures { .. }));
    }

    #[test]
    fn filters_by_category_and_unanswered() {
        let field = Field::embedded();
        let a = assessment();
        let wirtschaft = Options {
            category: Some("wirtschaft".into()),
            unanswered: false,
        };
        let steps = plan(field, &a, &wirtschaft, true);
        assert_eq!(steps.len(), 3);
        assert!(matches!(steps[0], Step::Suggestion { number: 2, .. }));

        let open = Options {
            category: Some("wirtschaft".into()),
            unanswered: true,
        };
        let steps = plan(field, &a, &open, true);
        assert_eq!(steps.len(), 1, "{steps:?}");
        assert!(matches!(steps[0], Step::Suggestion { number: 3, .. }));

        let all_open = Options {
            category: None,
            unanswered: true,
        };
        let steps = plan(field, &a, &all_open, true);
        assert_eq!(steps.len(), 1 + 7, "one empty question, seven unbewertet");
    }
}
