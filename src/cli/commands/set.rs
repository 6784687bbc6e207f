//! `kin set`: the non-interactive twin of `kin assess`, for scripts.

use crate::cli::dates::parse_date_arg;
use crate::cli::exit::Outcome;
use crate::cli::input::open_for_edit;
use crate::domain::edit::{ItemChange, ItemDetail, apply_item_change, find_item, set_answer};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::messages as msg;
use crate::store::edit_session::Opened;
use crate::store::lock::FileLock;
use anyhow::{anyhow, bail};
use clap::ArgGroup;
use jiff::civil::Date;
use std::path::PathBuf;

/// Ändert einzelne Einträge ohne Rückfragen, für Skripte.
///
/// Status und Angaben eines Vorschlags oder einer eigenen Maßnahme oder die Antwort auf eine
/// Einstiegsfrage. Gespeichert wird wie bei kin assess: Kommentare bleiben, nichts halb
/// geschrieben.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("what").required(true).args(["item", "answer"])))]
#[command(override_usage = msg::SET_USAGE)]
#[command(after_help = "Beispiele:\n  \
kin set bewertung.kin.toml wirtschaft-foerderung --status done --partner Nachbarstadt\n  \
kin set bewertung.kin.toml konzepte-mobilitaet --status planned --due 2027-06-30 --responsible Bauamt\n  \
kin set bewertung.kin.toml --answer kooperationen-bestehend \"Gemeinsamer Bauhof\"")]
pub struct Args {
    /// Bewertungsdatei (muss es schon geben; anlegen mit kin init oder kin assess)
    #[arg(value_name = "DATEI")]
    pub file: PathBuf,
    /// Kennung des Vorschlags oder der eigenen Maßnahme (siehe kin field)
    #[arg(value_name = "KENNUNG")]
    pub item: Option<String>,
    /// Neuer Status: unknown, open, planned, in-progress, done, not-applicable
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Notiz (ersetzt die bisherige)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Partner; mehrfach angeben für mehrere; ersetzt die bisherige Liste
    #[arg(long = "partner", value_name = "NAME", allow_hyphen_values = true)]
    pub partners: Vec<String>,
    /// Partner ergänzen; die bisherigen bleiben
    #[arg(
        long = "add-partner",
        value_name = "NAME",
        conflicts_with = "partners",
        allow_hyphen_values = true
    )]
    pub add_partners: Vec<String>,
    /// Beleg (Link, Beschluss …); mehrfach angeben für mehrere; ersetzt die bisherige Liste
    #[arg(long = "evidence", value_name = "BELEG", allow_hyphen_values = true)]
    pub evidence: Vec<String>,
    /// Beleg ergänzen; die bisherigen bleiben
    #[arg(
        long = "add-evidence",
        value_name = "BELEG",
        conflicts_with = "evidence",
        allow_hyphen_values = true
    )]
    pub add_evidence: Vec<String>,
    /// Verantwortlich (ersetzt die bisherige Angabe)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub responsible: Option<String>,
    /// Termin: JJJJ-MM-TT oder TT.MM.JJJJ
    #[arg(long, value_name = "DATUM", value_parser = parse_date_arg)]
    pub due: Option<Date>,
    /// Angabe entfernen (mehrfach möglich)
    #[arg(long, value_enum, value_name = "ANGABE")]
    pub clear: Vec<ClearArg>,
    /// Antwort auf eine Einstiegsfrage setzen; ein leerer TEXT entfernt sie
    #[arg(
        long,
        num_args = 2,
        value_names = ["FRAGE", "TEXT"],
        allow_hyphen_values = true,
        conflicts_with_all = [
            "item", "status", "note", "partners", "add_partners", "evidence",
            "add_evidence", "responsible", "due", "clear",
        ]
    )]
    pub answer: Option<Vec<String>>,
}

/// The details `--clear` can remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClearArg {
    Note,
    Partners,
    Evidence,
    Responsible,
    Due,
}

impl From<ClearArg> for ItemDetail {
    fn from(arg: ClearArg) -> ItemDetail {
        match arg {
            ClearArg::Note => ItemDetail::Note,
            ClearArg::Partners => ItemDetail::Partners,
            ClearArg::Evidence => ItemDetail::Evidence,
            ClearArg::Responsible => ItemDetail::Responsible,
            ClearArg::Due => ItemDetail::Due,
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let field = Field::embedded();
    let shown = args.file.display().to_string();
    let status = match args.status.as_deref() {
        Some(value) => Some(
            Status::from_file_value(value)
                .ok_or_else(|| anyhow!(msg::set_unknown_status(value)))?,
        ),
        None => None,
    };
    let change = ItemChange {
        status,
        note: args.note.clone(),
        partners: args.partners.clone(),
        add_partners: args.add_partners.clone(),
        evidence: args.evidence.clone(),
        add_evidence: args.add_evidence.clone(),
        responsible: args.responsible.clone(),
        due: args.due,
        clear: args.clear.iter().copied().map(ItemDetail::from).collect(),
    };

    let lock = FileLock::acquire(&args.file, "set").map_err(|e| anyhow!(e.message(&shown)))?;
    if !lock.is_held() {
        eprintln!("{}", msg::lock_unsupported(&shown));
    }
    let Opened {
        mut file,
        assessment,
        ..
    } = open_for_edit(&args.file, field)?;
    let Some(mut assessment) = assessment else {
        bail!(msg::set_file_missing(&shown));
    };

    let what = match (&args.answer, &args.item) {
        (Some(answer), _) => {
            let [question, text] = answer.as_slice() else {
                unreachable!("clap takes exactly two values for --answer");
            };
            set_answer(&mut assessment, field, question, text)?;
            msg::set_what_answer(question)
        }
        (None, Some(id)) => {
            apply_item_change(&mut assessment, field, id, &change)?;
            let state = assessment.item_state(&find_item(&assessment, field, id)?);
            if state.status == Status::NotApplicable
                && state.note.as_deref().is_none_or(|n| n.trim().is_empty())
            {
                eprintln!(
                    "{}",
                    msg::file_warning(&msg::not_applicable_without_note(id))
                );
            }
            msg::set_what_item(id, state.status)
        }
        (None, None) => unreachable!("clap requires an item or --answer"),
    };
    if file.save(&assessment, field)? {
        eprintln!("{}", msg::set_saved(&shown, &what));
    } else {
        eprintln!("{}", msg::set_unchanged(&shown, &what));
    }
    Ok(Outcome::Success)
}
