//! What the walk-through can ask, behind a trait: a terminal (dialoguer) in
//! production, scripted answers in tests. Every method returns an
//! [`Interrupted`] error when the person pressed Ctrl-C.

/// The error a prompt returns when the person pressed Ctrl-C; the command
/// line ends with exit code 130 then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::messages::INTERRUPTED)
    }
}

impl std::error::Error for Interrupted {}

/// Checks a typed value; `Err` holds the message shown before asking again.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// Told the answer so far after every finished line of a long text, so
/// that it is saved before the next line is typed.
pub type Progress<'a> = &'a mut dyn FnMut(&str) -> anyhow::Result<()>;

/// A way to show texts and ask questions, one at a time.
pub trait Prompter {
    /// Shows information without asking anything (headings, the suggestion
    /// being asked about, hints).
    fn show(&mut self, text: &str);

    /// One line of text. The line starts out holding `initial`, so Enter
    /// keeps it; invalid input (per `check`) is asked again.
    fn text(&mut self, prompt: &str, initial: &str, check: Check<'_>) -> anyhow::Result<String>;

    /// Free text over several lines, starting from `initial`. Where lines are
    /// typed one by one, `progress` gets the whole answer as it stands after
    /// each of them (the lines not reached yet as they were).
    fn long_text(
        &mut self,
        prompt: &str,
        initial: &str,
        progress: Progress<'_>,
    ) -> anyhow::Result<String>;

    /// One of `items`, with `default` preselected. `None` when the person
    /// pressed Esc, which means "back one step".
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> anyhow::Result<Option<usize>>;

    /// Yes or no, with `default` preselected; Esc means no.
    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool>;
}

/// A [`Check`] that accepts everything.
pub fn any_text(_: &str) -> Result<(), String> {
    Ok(())
}
