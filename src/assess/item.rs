//! Asking for the status and details of one suggestion or own measure,
//! saving after every answer.

use super::values::{edit_date, edit_list, edit_optional};
use super::walk::Walker;
use crate::domain::assessment::{Assessment, ItemRef, ItemState};
use crate::domain::status::Status;
use crate::messages as msg;

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

    /// Asks for status and details of `item`; `false` when the person
    /// pressed Esc at the status (nothing was changed then).
    pub(super) fn ask_item(
        &mut self,
        assessment: &mut Assessment,
        item: &ItemRef,
    ) -> anyhow::Result<bool> {
        let mut state = assessment.item_state(item);
        let Some(status) = self.ask_status(state.status)? else {
            return Ok(false);
        };
        state.status = status;
        self.update(assessment, item, &state)?;
        self.ask_details(assessment, item, &mut state)?;
        Ok(true)
    }

    /// The details that fit the item's status: a note once it is assessed
    /// („offen“ included); partners and evidence once something happens;
    /// responsible and due date while planned or in progress. Values the
    /// status does not ask for are kept.
    fn ask_details(
        &mut self,
        assessment: &mut Assessment,
        item: &ItemRef,
        state: &mut ItemState,
    ) -> anyhow::Result<()> {
        if state.status == Status::Unknown {
            return Ok(());
        }
        let note_prompt = if state.status == Status::NotApplicable {
            msg::PROMPT_NOTE_REASON
        } else {
            msg::PROMPT_NOTE
        };
        state.note = edit_optional(&mut *self.prompter, note_prompt, &state.note)?;
        self.update(assessment, item, state)?;
        if !state.status.has_details() {
            return Ok(());
        }
        state.partners = edit_list(
            &mut *self.prompter,
            msg::PROMPT_PARTNERS,
            &state.partners,
            PARTNER_SEPARATOR,
        )?;
        self.update(assessment, item, state)?;
        state.evidence = edit_list(
            &mut *self.prompter,
            msg::PROMPT_EVIDENCE,
            &state.evidence,
            EVIDENCE_SEPARATOR,
        )?;
        self.update(assessment, item, state)?;
        if state.status.has_schedule() {
            state.responsible = edit_optional(
                &mut *self.prompter,
                msg::PROMPT_RESPONSIBLE,
                &state.responsible,
            )?;
            self.update(assessment, item, state)?;
            state.due = edit_date(&mut *self.prompter, msg::PROMPT_DUE, state.due, false)?;
            self.update(assessment, item, state)?;
        }
        Ok(())
    }

    fn update(
        &mut self,
        assessment: &mut Assessment,
        item: &ItemRef,
        state: &ItemState,
    ) -> anyhow::Result<()> {
        assessment.record(item, state);
        self.save(assessment)
    }
}
