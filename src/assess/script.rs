//! A [`Prompter`] that answers from a script, for tests of whole sessions
//! without a terminal. It records a transcript of everything shown and
//! asked, so tests can check what a person would have seen.

use super::lines::read_lines;
use super::prompter::Interrupted;
use super::prompter::{Check, Progress, Prompter};
use anyhow::bail;
use std::collections::VecDeque;

/// One scripted answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptedAnswer {
    /// Enter: keep what is there (the pre-filled text, the preselected item).
    Enter,
    /// Replace the text with this.
    Text(String),
    /// Pick the item with this label (exact, or the only item starting with it).
    Choose(String),
    /// Esc on a selection: back one step (no, for a yes/no question).
    Esc,
    Yes,
    No,
    /// Ctrl-C.
    Interrupt,
    /// A long text: these lines typed one by one, then Ctrl-C in the middle
    /// of the next line.
    CutOff(String),
}

impl ScriptedAnswer {
    pub fn text(text: &str) -> ScriptedAnswer {
        ScriptedAnswer::Text(text.to_owned())
    }

    pub fn choose(label: &str) -> ScriptedAnswer {
        ScriptedAnswer::Choose(label.to_owned())
    }
}

/// Answers prompts from a list, in order.
#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    answers: VecDeque<ScriptedAnswer>,
    enter_when_done: bool,
    transcript: Vec<String>,
}

impl ScriptedPrompter {
    pub fn new(answers: impl IntoIterator<Item = ScriptedAnswer>) -> ScriptedPrompter {
        ScriptedPrompter {
            answers: answers.into_iter().collect(),
            ..ScriptedPrompter::default()
        }
    }

    /// After the scripted answers, press Enter at every prompt (instead of
    /// failing the test).
    pub fn then_enter(mut self) -> ScriptedPrompter {
        self.enter_when_done = true;
        self
    }

    /// Everything shown and asked so far, one entry per line.
    pub fn transcript(&self) -> String {
        self.transcript.join("\n")
    }

    /// Only the prompts asked (lines starting with `? `).
    pub fn prompts(&self) -> Vec<String> {
        self.transcript
            .iter()
            .filter(|l| l.starts_with("? "))
            .cloned()
            .collect()
    }

    /// Answers not used yet.
    pub fn unused(&self) -> usize {
        self.answers.len()
    }

    fn next(&mut self, prompt: &str) -> anyhow::Result<ScriptedAnswer> {
        match self.answers.pop_front() {
            Some(ScriptedAnswer::Interrupt) => {
                self.transcript.push(format!("? {prompt} ← Ctrl-C"));
                Err(anyhow::Error::new(Interrupted))
            }
            Some(answer) => Ok(answer),
            None if self.enter_when_done => Ok(ScriptedAnswer::Enter),
            None => bail!(
                "script ended at prompt {prompt:?}; transcript:\n{}",
                self.transcript()
            ),
        }
    }
}

impl ScriptedPrompter {
    /// The next scripted answer to a text prompt, written to the transcript.
    fn text_answer(&mut self, prompt: &str, initial: &str) -> anyhow::Result<String> {
        let value = match self.next(prompt)? {
            ScriptedAnswer::Enter => initial.to_owned(),
            ScriptedAnswer::Text(text) => text,
            other => bail!("script: {other:?} does not answer the text prompt {prompt:?}"),
        };
        self.transcript
            .push(format!("? {prompt} [{initial}] → {value}"));
        Ok(value)
    }
}

impl Prompter for ScriptedPrompter {
    fn show(&mut self, text: &str) {
        self.transcript.push(text.to_owned());
    }

    fn text(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> anyhow::Result<String> {
        loop {
            let value = self.text_answer(prompt, initial)?;
            match check(&value) {
                Ok(()) => return Ok(value),
                Err(message) => self.transcript.push(format!("✘ {message}")),
            }
        }
    }

    /// Reports every line of a typed answer as finished, as a person typing
    /// line by line would (see [`ScriptedAnswer::CutOff`]).
    fn long_text(
        &mut self,
        prompt: &str,
        initial: &str,
        progress: Progress<'_>,
    ) -> anyhow::Result<String> {
        if let Some(ScriptedAnswer::CutOff(typed)) = self.answers.front().cloned() {
            self.answers.pop_front();
            self.transcript
                .push(format!("? {prompt} [{initial}] → {typed} ← Ctrl-C"));
            let mut typed = typed.lines();
            read_lines(
                initial,
                |_, _| match typed.next() {
                    Some(line) => Ok(line.to_owned()),
                    None => Err(anyhow::Error::new(Interrupted)),
                },
                progress,
            )?;
            return Err(anyhow::Error::new(Interrupted));
        }
        let answer = self.text_answer(prompt, initial)?;
        if answer != initial {
            report_lines(&answer, progress)?;
        }
        Ok(answer)
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> anyhow::Result<Option<usize>> {
        let chosen = match self.next(prompt)? {
            ScriptedAnswer::Enter => Some(default),
            ScriptedAnswer::Esc => None,
            ScriptedAnswer::Choose(label) => Some(find_item(items, &label).ok_or_else(|| {
                anyhow::anyhow!("script: no item {label:?} in {items:?} at {prompt:?}")
            })?),
            other => bail!("script: {other:?} does not answer the selection {prompt:?}"),
        };
        let answer = chosen.map_or("Esc", |i| items[i].as_str());
        self.transcript.push(format!(
            "? {prompt} [{}] → {answer}",
            items.get(default).map_or("", String::as_str)
        ));
        Ok(chosen)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        let yes = match self.next(prompt)? {
            ScriptedAnswer::Enter => default,
            ScriptedAnswer::Yes => true,
            ScriptedAnswer::No | ScriptedAnswer::Esc => false,
            other => bail!("script: {other:?} does not answer the question {prompt:?}"),
        };
        let word = |b: bool| if b { "ja" } else { "nein" };
        self.transcript
            .push(format!("? {prompt} [{}] → {}", word(default), word(yes)));
        Ok(yes)
    }
}

/// Tells `progress` the text as it grows line by line.
fn report_lines(text: &str, progress: Progress<'_>) -> anyhow::Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    for end in 1..=lines.len() {
        progress(&lines[..end].join("\n"))?;
    }
    Ok(())
}

fn find_item(items: &[String], label: &str) -> Option<usize> {
    if let Some(i) = items.iter().position(|item| item == label) {
        return Some(i);
    }
    let mut starting = items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.starts_with(label));
    match (starting.next(), starting.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}
