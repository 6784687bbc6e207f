//! The walk-through itself: the opening, the Kommune, the entry questions,
//! every suggestion and the own measures, one step at a time, saving after
//! every answer. Esc at a selection goes back one step.

use super::plan::{Options, Step, plan};
use super::prompter::Prompter;
use super::values::{edit_date, edit_line, edit_long_text, edit_optional};
use crate::domain::assessment::{Assessment, ItemRef, Kommune, is_valid_ags};
use crate::domain::edit::set_answer;
use crate::domain::field::{Field, compare_versions};
use crate::domain::status::Status;
use crate::messages as msg;
use crate::render::escape::one_line;
use jiff::civil::Date;

/// Saves the assessment after an answer; called after every prompt.
pub type Save<'a> = &'a mut dyn FnMut(&Assessment) -> anyhow::Result<()>;

/// Where to go after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    Next,
    Back,
}

/// Which heading was shown last, so each is shown once when entered.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Heading {
    Kommune,
    Questions,
    Category(String),
}

pub(super) struct Walker<'a> {
    pub(super) field: &'a Field,
    pub(super) prompter: &'a mut dyn Prompter,
    save: Save<'a>,
    heading: Option<Heading>,
}

/// Walks a person through the assessment of `field`: a new one when
/// `existing` is `None`, else the existing one with every prompt starting
/// from the stored value. Calls `save` after every answer and returns the
/// assessment as it stands at the end.
pub fn walk(
    field: &Field,
    existing: Option<Assessment>,
    options: &Options,
    today: Date,
    prompter: &mut dyn Prompter,
    save: Save<'_>,
) -> anyhow::Result<Assessment> {
    let mut walker = Walker {
        field,
        prompter,
        save,
        heading: None,
    };
    walker.prompter.show(&msg::opening(field));
    let is_new = existing.is_none();
    let mut assessment = match existing {
        Some(assessment) => assessment,
        None => walker.start_new(today)?,
    };
    let steps = plan(field, &assessment, options, !is_new);
    if steps.is_empty() {
        walker.prompter.show(msg::NOTHING_TO_DO);
        return Ok(assessment);
    }
    let mut index = if is_new || options.is_filtered() {
        0
    } else {
        walker.choose_start(&steps, &assessment)?
    };
    while index < steps.len() {
        match walker.step(&mut assessment, &steps[index])? {
            Flow::Next => index += 1,
            Flow::Back if index == 0 => walker.prompter.show(msg::AT_FIRST_STEP),
            Flow::Back => index -= 1,
        }
    }
    if !options.is_filtered()
        && compare_versions(&assessment.field_version, &field.version)
            == Some(std::cmp::Ordering::Less)
    {
        assessment.field_version = field.version.clone();
        walker.save(&assessment)?;
    }
    Ok(assessment)
}

impl Walker<'_> {
    pub(super) fn save(&mut self, assessment: &Assessment) -> anyhow::Result<()> {
        (self.save)(assessment)
    }

    fn heading(&mut self, heading: Heading, text: &str) {
        if self.heading.as_ref() != Some(&heading) {
            self.prompter.show(text);
            self.heading = Some(heading);
        }
    }

    /// A new assessment: the Kommune's name first (the file needs it), then
    /// the rest of the Kommune's data.
    fn start_new(&mut self, today: Date) -> anyhow::Result<Assessment> {
        self.heading(Heading::Kommune, msg::HEADING_KOMMUNE);
        let name = edit_line(
            &mut *self.prompter,
            msg::PROMPT_KOMMUNE_NAME,
            "",
            &super::values::not_empty,
        )?;
        let kommune = Kommune {
            name,
            ags: None,
            assessor: None,
            date: today,
        };
        let mut assessment = Assessment::new(self.field, kommune);
        self.save(&assessment)?;
        self.kommune_details(&mut assessment)?;
        Ok(assessment)
    }

    /// On an existing file with some answers: continue at the first
    /// unanswered step, or go through everything from the start.
    fn choose_start(
        &mut self,
        steps: &[Step<'_>],
        assessment: &Assessment,
    ) -> anyhow::Result<usize> {
        let Some(first_open) = steps.iter().position(|s| s.is_unanswered(assessment)) else {
            self.prompter.show(msg::ALL_ANSWERED);
            return Ok(0);
        };
        if first_open == 0 || steps[..first_open].iter().all(|s| *s == Step::Kommune) {
            return Ok(0);
        }
        let items = [
            msg::resume_at(&step_label(&steps[first_open], assessment)),
            msg::RESUME_FROM_START.to_owned(),
        ];
        loop {
            match self.prompter.select(msg::PROMPT_RESUME, &items, 0)? {
                Some(0) => return Ok(first_open),
                Some(_) => return Ok(0),
                None => self.prompter.show(msg::AT_FIRST_STEP),
            }
        }
    }

    fn step(&mut self, assessment: &mut Assessment, step: &Step<'_>) -> anyhow::Result<Flow> {
        if let Some(category) = step.category() {
            let number = self
                .field
                .categories
                .iter()
                .position(|c| c.id == category.id)
                .map_or(0, |i| i + 1);
            let text = msg::category_heading(number, self.field.categories.len(), &category.title);
            self.heading(Heading::Category(category.id.clone()), &text);
        }
        match step {
            Step::Kommune => {
                self.heading(Heading::Kommune, msg::HEADING_KOMMUNE);
                self.kommune_name(assessment)?;
                self.kommune_details(assessment)?;
                Ok(Flow::Next)
            }
            Step::Question { question, number } => {
                let heading = msg::questions_heading(&self.field.questions_intro);
                self.heading(Heading::Questions, &heading);
                let prompt =
                    msg::question_prompt(*number, self.field.questions.len(), &question.text);
                let old = assessment.answer(&question.id).to_owned();
                // Every finished line is saved at once (Ctrl-C keeps it).
                let (field, save) = (self.field, &mut self.save);
                let mut progress = |so_far: &str| {
                    set_answer(assessment, field, &question.id, so_far)?;
                    save(assessment)
                };
                let answer = edit_long_text(&mut *self.prompter, &prompt, &old, &mut progress)?;
                set_answer(assessment, field, &question.id, &answer)?;
                self.save(assessment)?;
                Ok(Flow::Next)
            }
            Step::Suggestion {
                suggestion, number, ..
            } => {
                let total = self.field.suggestions().count();
                self.prompter
                    .show(&msg::suggestion_heading(*number, total, &suggestion.text));
                let answered =
                    self.ask_item(assessment, &ItemRef::Suggestion(suggestion.id.clone()))?;
                Ok(if answered { Flow::Next } else { Flow::Back })
            }
            Step::OwnMeasure { id, .. } => self.own_measure(assessment, id),
            Step::OwnMeasures { category } => self.own_measures(assessment, category),
        }
    }

    fn kommune_name(&mut self, assessment: &mut Assessment) -> anyhow::Result<()> {
        // The placeholder `kin init` writes is no answer: ask for the real name.
        let old = assessment.kommune.name.clone();
        let shown = if old == msg::PLACEHOLDER_KOMMUNE {
            ""
        } else {
            old.as_str()
        };
        let name = edit_line(
            &mut *self.prompter,
            msg::PROMPT_KOMMUNE_NAME,
            shown,
            &super::values::not_empty,
        )?;
        assessment.kommune.name = if name == shown { old } else { name };
        self.save(assessment)
    }

    /// AGS, assessor and date of the Kommune's assessment.
    fn kommune_details(&mut self, assessment: &mut Assessment) -> anyhow::Result<()> {
        let check_ags = |text: &str| {
            let text = text.trim();
            if text.is_empty() || is_valid_ags(text) {
                Ok(())
            } else {
                Err(msg::invalid_ags_input(text))
            }
        };
        let old_ags = assessment.kommune.ags.clone().unwrap_or_default();
        let ags = edit_line(&mut *self.prompter, msg::PROMPT_AGS, &old_ags, &check_ags)?;
        if ags != old_ags {
            assessment.kommune.ags = (!ags.is_empty()).then_some(ags);
        }
        self.save(assessment)?;
        assessment.kommune.assessor = edit_optional(
            &mut *self.prompter,
            msg::PROMPT_ASSESSOR,
            &assessment.kommune.assessor,
        )?;
        self.save(assessment)?;
        let date = edit_date(
            &mut *self.prompter,
            msg::PROMPT_DATE,
            Some(assessment.kommune.date),
            true,
        )?;
        assessment.kommune.date = date.unwrap_or(assessment.kommune.date);
        self.save(assessment)?;
        Ok(())
    }
}

/// How a step is named when offering to continue there: an own-measures
/// step by its first unbewertet measure.
fn step_label(step: &Step<'_>, assessment: &Assessment) -> String {
    match step {
        Step::Kommune => msg::HEADING_KOMMUNE.to_owned(),
        Step::Question { number, .. } => msg::question_label(*number),
        Step::Suggestion {
            category, number, ..
        } => msg::suggestion_label(*number, &category.title),
        Step::OwnMeasure { category, .. } | Step::OwnMeasures { category } => {
            let unassessed = assessment
                .own
                .iter()
                .find(|m| m.category == category.id && m.state.status == Status::Unknown);
            match unassessed {
                Some(measure) => msg::own_measure_label(&one_line(&measure.title), &category.title),
                None => msg::own_measures_label(&category.title),
            }
        }
    }
}
