//! The own measures of a category: shown after its suggestions, where the
//! person can add new ones and edit or remove existing ones.

use super::own_id::new_own_id;
use super::values::{edit_line, not_empty};
use super::walk::{Flow, Walker};
use crate::domain::assessment::{Assessment, ItemRef, ItemState, OwnMeasure};
use crate::domain::field::Category;
use crate::messages as msg;
use crate::render::escape::one_line;

/// What the person chose in the own-measures menu.
enum Choice {
    Done,
    Add,
    Edit(String),
    Remove(String),
}

impl Walker<'_> {
    /// The menu after a category's suggestions; loops until the person
    /// moves on (Next) or presses Esc (Back).
    pub(super) fn own_measures(
        &mut self,
        assessment: &mut Assessment,
        category: &Category,
    ) -> anyhow::Result<Flow> {
        loop {
            let measures: Vec<(String, String)> = assessment
                .own
                .iter()
                .filter(|m| m.category == category.id)
                .map(|m| (m.id.clone(), one_line(&m.title)))
                .collect();
            if !measures.is_empty() {
                let lines: Vec<String> = assessment
                    .own
                    .iter()
                    .filter(|m| m.category == category.id)
                    .map(|m| msg::own_measure_line(&one_line(&m.title), m.state.status))
                    .collect();
                self.prompter.show(&msg::own_measures_list(&lines));
            }
            let mut items = vec![msg::OWN_DONE.to_owned(), msg::OWN_ADD.to_owned()];
            let mut choices = vec![Choice::Done, Choice::Add];
            for (id, title) in &measures {
                items.push(msg::own_edit(title));
                choices.push(Choice::Edit(id.clone()));
            }
            for (id, title) in &measures {
                items.push(msg::own_remove(title));
                choices.push(Choice::Remove(id.clone()));
            }
            let prompt = if measures.is_empty() {
                msg::PROMPT_OWN
            } else {
                msg::PROMPT_OWN_MANAGE
            };
            let Some(index) = self.prompter.select(prompt, &items, 0)? else {
                return Ok(Flow::Back);
            };
            match &choices[index] {
                Choice::Done => return Ok(Flow::Next),
                Choice::Add => self.add_own(assessment, category)?,
                Choice::Edit(id) => self.edit_own(assessment, id)?,
                Choice::Remove(id) => self.remove_own(assessment, id)?,
            }
        }
    }

    /// Status and details of one own measure, as for a suggestion.
    pub(super) fn own_measure(
        &mut self,
        assessment: &mut Assessment,
        id: &str,
    ) -> anyhow::Result<Flow> {
        let Some(measure) = assessment.own_measure(id) else {
            return Ok(Flow::Next);
        };
        self.prompter
            .show(&msg::own_measure_heading(&one_line(&measure.title)));
        let answered = self.ask_item(assessment, &ItemRef::Own(id.to_owned()))?;
        Ok(if answered { Flow::Next } else { Flow::Back })
    }

    fn add_own(&mut self, assessment: &mut Assessment, category: &Category) -> anyhow::Result<()> {
        let title = edit_line(&mut *self.prompter, msg::PROMPT_OWN_TITLE, "", &not_empty)?;
        let id = new_own_id(&title, self.field, assessment);
        assessment.own.push(OwnMeasure {
            id: id.clone(),
            category: category.id.clone(),
            title,
            state: ItemState::default(),
        });
        self.save(assessment)?;
        self.prompter.show(&msg::own_added(&id));
        // Esc at the status leaves the measure in the list, unbewertet.
        self.ask_item(assessment, &ItemRef::Own(id))?;
        Ok(())
    }

    fn edit_own(&mut self, assessment: &mut Assessment, id: &str) -> anyhow::Result<()> {
        let Some(old_title) = assessment.own_measure(id).map(|m| m.title.clone()) else {
            return Ok(());
        };
        let title = edit_line(
            &mut *self.prompter,
            msg::PROMPT_OWN_TITLE,
            &old_title,
            &not_empty,
        )?;
        if let Some(measure) = assessment.own.iter_mut().find(|m| m.id == id) {
            measure.title = title;
        }
        self.save(assessment)?;
        self.ask_item(assessment, &ItemRef::Own(id.to_owned()))?;
        Ok(())
    }

    fn remove_own(&mut self, assessment: &mut Assessment, id: &str) -> anyhow::Result<()> {
        let Some(title) = assessment.own_measure(id).map(|m| one_line(&m.title)) else {
            return Ok(());
        };
        if self
            .prompter
            .confirm(&msg::own_remove_confirm(&title), false)?
        {
            assessment.own.retain(|m| m.id != id);
            self.save(assessment)?;
            self.prompter.show(&msg::own_removed(&title));
        }
        Ok(())
    }
}
