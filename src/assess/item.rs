//! Asking for the status and details of one suggestion or own measure,
//! saving after every answer.

use super::values::{edit_date, edit_list, edit_optional};
use super::walk::Walker;
use crate::domain::assessment::{Assessment, ItemState};
use crate::domain::status::Status;
use crate::messages as msg;

/// The item a question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Suggestion(String),
    Own(String),
}

/// The recorded state of `target` (empty when nothing is recorded).
pub fn state_of(assessment: &Assessment, target: &Target) -> ItemState {
    match target {
        Target::Suggestion(id) => assessment.suggestion(id),
        Target::Own(id) => assessment
            .own_measure(id)
            .map(|m| m.state.clone())
            .unwrap_or_default(),
    }
}

/// Records `state` for `target`. A suggestion with nothing recorded is
/// removed, as a loaded assessment never holds one.
pub fn store(assessment: &mut Assessment, target: &Target, state: &ItemState) {
    match target {
        Target::Suggestion(id) if *state == ItemState::default() => {
            assessment.suggestions.remove(id);
        }
        Target::Suggestion(id) => {
            assessment.suggestions.insert(id.clone(), state.clone());
        }
        Target::Own(id) => {
            if let Some(measure) = assessment.own.iter_mut().find(|m| m.id == *id) {
                measure.state = state.clone();
            }
        }
    }
}

/// Separates partners typed on one line.
pub const PARTNER_SEPARATOR: char = ',';
/// Separates evidence typed on one line (references often contain commas).
pub const EVIDENCE_SEPARATOR: char = ';';

impl Walker<'_> {
    /// Asks for a status, `current` preselected; `None` on Esc.
    pub(super) fn ask_status(&mut self, current: Status) -> anyhow::Result<Option<Status>> {
        let labels: Vec<String> = Status::ALL
            .iter()
            .map(|s| msg::status_label(*s).to_owned())
            .collect();
        let default = Status::ALL.iter().position(|s| *s == current).unwrap_or(0);
        let chosen = self.prompter.select(msg::PROMPT_STATUS, &labels, default)?;
        Ok(chosen.map(|i| Status::ALL[i]))
    }

    /// Asks for status and details of `target`; `false` when the person
    /// pressed Esc at the status (nothing was changed then).
    pub(super) fn ask_item(
        &mut self,
        assessment: &mut Assessment,
        target: &Target,
    ) -> anyhow::Result<bool> {
        let mut state = state_of(assessment, target);
        let Some(status) = self.ask_status(state.status)? else {
            return Ok(false);
        };
        state.status = status;
        self.update(assessment, target, &state)?;
        self.ask_details(assessment, target, &mut state)?;
        Ok(true)
    }

    /// The details that fit the item's status: note, partners and evidence
    /// once something happens; responsible and due date while planned or in
    /// progress. Values the status does not ask for are kept.
    fn ask_details(
        &mut self,
        assessment: &mut Assessment,
        target: &Target,
        state: &mut ItemState,
    ) -> anyhow::Result<()> {
        if !state.status.has_details() {
            return Ok(());
        }
        let note_prompt = if state.status == Status::NotApplicable {
            msg::PROMPT_NOTE_REASON
        } else {
            msg::PROMPT_NOTE
        };
        state.note = edit_optional(&mut *self.prompter, note_prompt, &state.note)?;
        self.update(assessment, target, state)?;
        state.partners = edit_list(
            &mut *self.prompter,
            msg::PROMPT_PARTNERS,
            &state.partners,
            PARTNER_SEPARATOR,
        )?;
        self.update(assessment, target, state)?;
        state.evidence = edit_list(
            &mut *self.prompter,
            msg::PROMPT_EVIDENCE,
            &state.evidence,
            EVIDENCE_SEPARATOR,
        )?;
        self.update(assessment, target, state)?;
        if state.status.has_schedule() {
            state.responsible = edit_optional(
                &mut *self.prompter,
                msg::PROMPT_RESPONSIBLE,
                &state.responsible,
            )?;
            self.update(assessment, target, state)?;
            state.due = edit_date(&mut *self.prompter, msg::PROMPT_DUE, state.due, false)?;
            self.update(assessment, target, state)?;
        }
        Ok(())
    }

    fn update(
        &mut self,
        assessment: &mut Assessment,
        target: &Target,
        state: &ItemState,
    ) -> anyhow::Result<()> {
        store(assessment, target, state);
        self.save(assessment)
    }
}
