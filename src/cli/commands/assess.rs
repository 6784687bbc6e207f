//! `kin assess`: the interactive walk-through (see `docs/assess.md`).

use crate::assess::{Interrupted, Options, walk};
use crate::cli::dates::today;
use crate::cli::exit::Outcome;
use crate::cli::hint::Hint;
use crate::cli::input::open_for_edit;
use crate::cli::output::{print_findings, shown_path};
use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::messages as msg;
use crate::render::assess_summary::{NextCommands, session_summary};
use crate::store::edit_session::Opened;
use crate::store::lock::FileLock;
use crate::terminal::{self, TerminalPrompter, console_close, interrupt};
use anyhow::{anyhow, bail};
use std::path::PathBuf;

/// Führt Schritt für Schritt durch die Bewertung und speichert jede Antwort sofort.
///
/// Gefragt wird nach der Kommune, den Einstiegsfragen, jedem Vorschlag und eigenen Maßnahmen.
/// Strg+C beendet; weiter geht es mit demselben Befehl.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Tasten: ↑/↓ wählen, Enter bestätigt (vorhandene Antworten bleiben so), \
Esc geht in Auswahllisten einen Schritt zurück, Strg+C beendet (alles bis dahin ist gespeichert).\n\
Ohne Terminal (Skripte, CI): kin set."
)]
pub struct Args {
    /// Bewertungsdatei; wird angelegt, wenn es sie noch nicht gibt
    #[arg(value_name = "DATEI", default_value = "assessment.kin.toml")]
    pub file: PathBuf,
    /// Nur diese Kategorie durchgehen (Kennung, z. B. wirtschaft; siehe kin field)
    #[arg(long, value_name = "KATEGORIE")]
    pub category: Option<String>,
    /// Nur durchgehen, was noch unbewertet oder leer ist
    #[arg(long)]
    pub unanswered: bool,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let shown = shown_path(&args.file);
    let hint = Hint::detect();
    if let Some(category) = args.category.as_deref()
        && field.category(category).is_none()
    {
        bail!(msg::unknown_category_option(
            category,
            &field.category_ids()
        ));
    }
    if !terminal::is_interactive() {
        bail!(msg::no_terminal(
            &hint.command(&["init", &shown]),
            &hint.command(&["set", &shown])
        ));
    }
    let lock = FileLock::acquire(&args.file, "assess").map_err(|e| anyhow!(e.message(&shown)))?;
    if !lock.is_held() {
        eprintln!("{}", msg::lock_unsupported(&shown));
    }
    let Opened {
        mut file,
        assessment,
        warnings,
    } = open_for_edit(&args.file, field)?;
    print_findings(&shown, &warnings);

    // Continuing takes the same file and the same flags.
    let mut again = vec!["assess", shown.as_str()];
    if let Some(category) = &args.category {
        again.extend(["--category", category.as_str()]);
    }
    if args.unanswered {
        again.push("--unanswered");
    }
    let interrupted = {
        let (path, again) = (args.file.clone(), hint.command(&again));
        move |saved: bool| {
            let message = if saved {
                msg::interrupted_saved(&shown_path(&path), &again)
            } else {
                msg::interrupted_nothing_saved()
            };
            // The sentence is wrapped to the terminal; the command stays
            // one line, so that it can be copied as it is.
            let columns = usize::from(dialoguer::console::Term::stderr().size().1);
            let (sentence, command) = message.split_once('\n').unwrap_or((&message, ""));
            let sentence = textwrap::fill(sentence, columns.clamp(20, 100));
            if command.is_empty() {
                sentence
            } else {
                format!("{sentence}\n{command}")
            }
        }
    };
    let release = lock.releaser();
    let on_interrupt = interrupted.clone();
    let path = args.file.clone();
    interrupt::install(Outcome::Interrupted.code(), move || {
        eprintln!("{}", on_interrupt(path.exists()));
        release();
    });
    console_close::install(lock.releaser());

    eprintln!(
        "{}",
        if assessment.is_some() {
            msg::session_file_existing(&shown)
        } else {
            msg::session_file_new(&shown)
        }
    );
    let options = Options {
        category: args.category.clone(),
        unanswered: args.unanswered,
    };
    let mut prompter = TerminalPrompter::new();
    let mut save = |a: &Assessment| {
        let _saving = interrupt::saving();
        file.save(a, field).map(|_| ())
    };
    let today = today();
    let result = walk(field, assessment, &options, today, &mut prompter, &mut save);
    match result {
        Ok(assessment) => {
            let next = NextCommands {
                unanswered: hint.command(&["assess", &shown, "--unanswered"]),
                check: hint.command(&["check", &shown]),
            };
            let summary = session_summary(&assessment, field, &shown, today, &next);
            crate::cli::output::print(&format!("\n{summary}"))?;
            Ok(Outcome::Success)
        }
        Err(e) if e.downcast_ref::<Interrupted>().is_some() => {
            interrupt::restore_terminal();
            eprintln!("{}", interrupted(file.exists()));
            Ok(Outcome::Interrupted)
        }
        Err(e) => Err(e),
    }
}
