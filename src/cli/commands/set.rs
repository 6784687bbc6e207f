//! `kin set`: the non-interactive twin of `kin assess`, for scripts.

use crate::cli::dates::parse_date_arg;
use crate::cli::exit::Outcome;
use crate::cli::input::open_for_edit;
use crate::cli::output::shown_path;
use crate::domain::edit::{
    ItemChange, ItemDetail, KommuneChange, apply_item_change, apply_kommune_change, find_item,
    set_answer,
};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::messages as msg;
use crate::store::edit_session::Opened;
use crate::store::lock::FileLock;
use crate::terminal::{console_close, interrupt};
use anyhow::{anyhow, bail};
use clap::ArgGroup;
use jiff::civil::Date;
use std::path::PathBuf;

/// Ändert einzelne Einträge ohne Rückfragen, für Skripte.
///
/// Status und Angaben eines Vorschlags oder einer eigenen Maßnahme, die Antwort auf eine
/// Einstiegsfrage oder die Angaben zur Kommune. Geprüft wird wie bei kin assess, gespeichert
/// ebenso: Kommentare bleiben, nichts halb geschrieben.
#[derive(Debug, clap::Args)]
#[command(group(
    ArgGroup::new("what")
        .required(true)
        .multiple(true)
        .args(["item", "answer", "kommune", "ags", "assessor", "date"])
))]
#[command(override_usage = msg::SET_USAGE)]
#[command(after_help = msg::SET_EXAMPLES)]
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
    /// Termin: TT.MM.JJJJ oder JJJJ-MM-TT
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
    /// Name der Kommune
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub kommune: Option<String>,
    /// Amtlicher Gemeindeschlüssel: genau 8 Ziffern, z. B. 08115999
    #[arg(long, value_name = "AGS")]
    pub ags: Option<String>,
    /// Wer bewertet (Name oder Stelle)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub assessor: Option<String>,
    /// Datum der Bewertung: TT.MM.JJJJ oder JJJJ-MM-TT
    #[arg(long, value_name = "DATUM", value_parser = parse_date_arg)]
    pub date: Option<Date>,
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
    let shown = shown_path(&args.file);
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
    console_close::install(lock.releaser());
    let Opened {
        mut file,
        assessment,
        ..
    } = open_for_edit(&args.file, field)?;
    let Some(mut assessment) = assessment else {
        let hint = crate::cli::hint::Hint::detect();
        bail!(msg::set_file_missing(
            &shown,
            &hint.command(&["init", &shown]),
            &hint.command(&["assess", &shown])
        ));
    };

    let kommune = KommuneChange {
        name: args.kommune.clone(),
        ags: args.ags.clone(),
        assessor: args.assessor.clone(),
        date: args.date,
    };
    if args.item.is_none() && !change.is_empty() {
        bail!(msg::SET_ITEM_MISSING);
    }
    let mut what = Vec::new();
    if !kommune.is_empty() {
        apply_kommune_change(&mut assessment, &kommune)?;
        what.push(msg::SET_WHAT_KOMMUNE.to_owned());
    }
    what.extend(match (&args.answer, &args.item) {
        (Some(answer), _) => {
            let [question, text] = answer.as_slice() else {
                unreachable!("clap takes exactly two values for --answer");
            };
            set_answer(&mut assessment, field, question, text)?;
            Some(msg::set_what_answer(question))
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
            Some(msg::set_what_item(id, state.status))
        }
        (None, None) => None,
    });
    let what = what.join(msg::SET_WHAT_AND);
    let saved = {
        let _saving = interrupt::saving();
        file.save(&assessment, field)?
    };
    if saved {
        eprintln!("{}", msg::set_saved(&shown, &what));
    } else {
        eprintln!("{}", msg::set_unchanged(&shown, &what));
    }
    Ok(Outcome::Success)
}
