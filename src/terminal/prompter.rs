//! The [`Prompter`] for people at a terminal, drawn with dialoguer on stderr.

use super::interrupt::{self, Prompting};
use super::line_input;
use crate::assess::lines::read_lines;
use crate::assess::prompter::{Check, Progress, Prompter, any_text};
use crate::messages as msg;
use crate::render::wrap::{join_abbreviations, shorten};
use dialoguer::console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Editor, Select};
use std::io;

/// Texts are wrapped to the terminal width, but never wider than this.
const MAX_WIDTH: usize = 100;

/// Asks on the terminal (stderr), reads keys from stdin.
pub struct TerminalPrompter {
    theme: ColorfulTheme,
    term: Term,
    /// The editor for long answers: `$VISUAL`, else `$EDITOR`, if set.
    editor: Option<String>,
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self::new()
    }
}

impl TerminalPrompter {
    pub fn new() -> TerminalPrompter {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            dialoguer::console::set_colors_enabled_stderr(false);
        }
        let editor = ["VISUAL", "EDITOR"]
            .into_iter()
            .filter_map(std::env::var_os)
            .map(|e| e.to_string_lossy().trim().to_owned())
            .find(|e| !e.is_empty());
        TerminalPrompter {
            theme: ColorfulTheme::default(),
            term: Term::stderr(),
            editor,
        }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(20, MAX_WIDTH)
    }

    fn edit_in_editor(&mut self, editor: &str, initial: &str) -> Option<String> {
        self.show(&msg::editor_opening(editor));
        interrupt::exit_if_requested();
        // The file is read back even when it was not saved: it then still
        // holds `initial`, so the answer stays as it was.
        let result = Editor::new()
            .executable(editor)
            .extension(".txt")
            .require_save(false)
            .edit(initial);
        interrupt::exit_if_requested();
        match result {
            Ok(Some(text)) => Some(text),
            Ok(None) => Some(initial.to_owned()),
            Err(e) => {
                self.show(&msg::editor_failed(editor, &io_error(e)));
                None
            }
        }
    }
}

/// Runs one prompt: Ctrl-C ends kin (see [`interrupt`]), other terminal
/// errors become ordinary errors with the cursor shown again.
fn interact<T>(prompt: impl FnOnce() -> io::Result<T>) -> anyhow::Result<T> {
    let prompting = Prompting::start();
    let result = prompt();
    drop(prompting);
    match result {
        Ok(value) => Ok(value),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => interrupt::exit_now(),
        Err(e) => {
            interrupt::restore_terminal();
            Err(anyhow::Error::new(e).context(msg::TERMINAL_FAILED))
        }
    }
}

/// The error of a dialoguer prompt as the I/O error it is.
fn io_error(error: dialoguer::Error) -> io::Error {
    match error {
        dialoguer::Error::IO(e) => e,
    }
}

impl Prompter for TerminalPrompter {
    fn show(&mut self, text: &str) {
        let wrapped =
            textwrap::fill(&join_abbreviations(text), self.width()).replace('\u{a0}', " ");
        let _ = self.term.write_line("");
        let _ = self.term.write_line(&wrapped);
    }

    fn text(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> anyhow::Result<String> {
        interact(|| line_input::read_line(&self.term, &self.theme, prompt, initial, check))
    }

    fn long_text(
        &mut self,
        prompt: &str,
        initial: &str,
        progress: Progress<'_>,
    ) -> anyhow::Result<String> {
        self.show(prompt);
        if let Some(editor) = self.editor.clone()
            && let Some(text) = self.edit_in_editor(&editor, initial)
        {
            return Ok(text);
        }
        let hint = self
            .theme
            .hint_style
            .apply_to(msg::LONG_TEXT_HINT)
            .to_string();
        let _ = self.term.write_line(&textwrap::fill(&hint, self.width()));
        read_lines(
            initial,
            |number, shown| self.text(&msg::line_prompt(number), shown, &any_text),
            progress,
        )
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> anyhow::Result<Option<usize>> {
        // One row per item: dialoguer's list redraws wrong when an item
        // wraps, so a long one is shortened (the "❯ " before it included).
        let room = usize::from(self.term.size().1).saturating_sub(3).max(10);
        let shown: Vec<String> = items.iter().map(|item| shorten(item, room)).collect();
        interact(|| {
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&shown)
                .default(default)
                .interact_on_opt(&self.term)
                .map_err(io_error)
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        let items = [msg::YES.to_owned(), msg::NO.to_owned()];
        let chosen = self.select(prompt, &items, if default { 0 } else { 1 })?;
        Ok(chosen == Some(0))
    }
}
