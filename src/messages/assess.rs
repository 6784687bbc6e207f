//! `kin assess`: the interactive walk-through.

use super::{LABEL_LEITSATZ, LABEL_SUMMARY, quoted, status_label};
use crate::domain::field::Field;
use crate::domain::status::Status;

// ---- opening and navigation ----------------------------------------------

/// What a person sees first: the field, its Leitsatz, and how to stop.
pub fn opening(field: &Field) -> String {
    format!(
        "{title}\n\
         Handlungsfeld der Kommunalen Initiative Nachhaltigkeit Baden-Württemberg, Bereich {area}\n\n\
         {LABEL_LEITSATZ}: {leitsatz}\n\n\
         {LABEL_SUMMARY}\n{summary}\n\n\
         So geht es: ↑/↓ wählen, Enter bestätigt, Esc geht in Auswahllisten einen Schritt zurück.\n\
         Vorhandene Antworten stehen schon da: Enter übernimmt sie unverändert.\n\
         Jede Antwort wird sofort gespeichert. Mit Strg+C können Sie jederzeit aufhören und später \
         mit demselben Befehl weitermachen.",
        title = field.title,
        area = field.area,
        leitsatz = field.leitsatz,
        summary = field.summary,
    )
}

pub fn session_file_new(path: &str) -> String {
    format!("Neue Bewertung in {path}")
}
pub fn session_file_existing(path: &str) -> String {
    format!("Bewertung in {path}")
}

pub const NOTHING_TO_DO: &str = "Hier ist nichts mehr offen.";
pub const AT_FIRST_STEP: &str = "Das ist der erste Schritt; weiter zurück geht es nicht.";
pub const ALL_ANSWERED: &str = "Alles ist schon beantwortet. Sie gehen die Bewertung jetzt von vorn durch; Enter übernimmt \
     jeweils die bisherige Antwort.";
pub const PROMPT_RESUME: &str = "Wo möchten Sie weitermachen?";
pub const RESUME_FROM_START: &str = "Von vorn durchgehen (bisherige Antworten sind vorausgefüllt)";
pub fn resume_at(label: &str) -> String {
    format!("Beim ersten unbeantworteten Punkt: {label}")
}

// ---- Kommune --------------------------------------------------------------

pub const HEADING_KOMMUNE: &str = "── Kommune ──";
pub const PROMPT_KOMMUNE_NAME: &str = "Name der Kommune";
pub const PROMPT_AGS: &str = "Amtlicher Gemeindeschlüssel (8 Ziffern, leer lassen, wenn unbekannt)";
pub const PROMPT_ASSESSOR: &str = "Wer bewertet? (Name oder Stelle, optional)";
pub const PROMPT_DATE: &str = "Datum der Bewertung (TT.MM.JJJJ oder JJJJ-MM-TT)";
pub fn invalid_ags_input(text: &str) -> String {
    format!(
        "{} ist kein Amtlicher Gemeindeschlüssel: genau 8 Ziffern, z. B. 08115999 (oder leer lassen)",
        quoted(text)
    )
}
pub fn invalid_date_input(text: &str) -> String {
    format!(
        "{} ist kein gültiges Datum; bitte TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 30.06.2027 oder 2027-06-30",
        quoted(text)
    )
}
pub const MUST_NOT_BE_EMPTY: &str = "Bitte etwas eingeben; das darf nicht leer bleiben.";

// ---- entry questions ------------------------------------------------------

pub fn questions_heading(intro: &str) -> String {
    format!("── Einstiegsfragen ──\n{intro}")
}
pub fn question_prompt(number: usize, total: usize, text: &str) -> String {
    format!("Frage {number}/{total}: {text}")
}
pub fn question_label(number: usize) -> String {
    format!("Einstiegsfrage {number}")
}

// ---- suggestions ----------------------------------------------------------

pub fn category_heading(number: usize, total: usize, title: &str) -> String {
    format!("── Kategorie {number}/{total}: {title} ──")
}
pub fn suggestion_heading(number: usize, total: usize, text: &str) -> String {
    format!("Vorschlag {number}/{total}: {text}")
}
pub fn suggestion_label(number: usize, category: &str) -> String {
    format!("Vorschlag {number} ({category})")
}

pub const PROMPT_STATUS: &str = "Status in Ihrer Kommune";
pub const PROMPT_NOTE: &str = "Notiz (optional)";
pub const PROMPT_NOTE_REASON: &str = "Begründung: warum nicht relevant?";
pub const PROMPT_PARTNERS: &str = "Partner (mehrere mit Komma trennen, optional)";
pub const PROMPT_EVIDENCE: &str =
    "Belege, z. B. Links oder Beschlüsse (mehrere mit Semikolon ; trennen, optional)";
pub const PROMPT_RESPONSIBLE: &str = "Verantwortlich (optional)";
pub const PROMPT_DUE: &str = "Termin (TT.MM.JJJJ oder JJJJ-MM-TT, optional)";

// ---- own measures ---------------------------------------------------------

pub const PROMPT_OWN: &str = "Eigene Maßnahme hinzufügen?";
/// The own-measures menu once the category has some: it also edits and removes.
pub const PROMPT_OWN_MANAGE: &str = "Eigene Maßnahmen: hinzufügen, bearbeiten oder entfernen?";
pub const OWN_DONE: &str = "Nein, weiter";
pub const OWN_ADD: &str = "Ja, eine eigene Maßnahme hinzufügen";
pub const PROMPT_OWN_TITLE: &str = "Titel der eigenen Maßnahme";
pub fn own_edit(title: &str) -> String {
    format!("{} bearbeiten", quoted(title))
}
pub fn own_remove(title: &str) -> String {
    format!("{} entfernen", quoted(title))
}
pub fn own_measures_list(lines: &[String]) -> String {
    format!(
        "Eigene Maßnahmen in dieser Kategorie:\n{}",
        lines.join("\n")
    )
}
pub fn own_measure_line(title: &str, status: Status) -> String {
    format!("  • {title} – {}", status_label(status))
}
pub fn own_measure_heading(title: &str) -> String {
    format!("Eigene Maßnahme: {title}")
}
pub fn own_measures_label(category: &str) -> String {
    format!("eigene Maßnahmen ({category})")
}
pub fn own_measure_label(title: &str, category: &str) -> String {
    format!("eigene Maßnahme {} ({category})", quoted(title))
}
pub fn own_added(id: &str) -> String {
    format!("Gespeichert als eigene Maßnahme mit der Kennung {id}.")
}
pub fn own_remove_confirm(title: &str) -> String {
    format!("{} wirklich entfernen?", quoted(title))
}
pub fn own_removed(title: &str) -> String {
    format!("{} entfernt.", quoted(title))
}

// ---- terminal -------------------------------------------------------------

pub const TERMINAL_FAILED: &str =
    "Ein- oder Ausgabe am Terminal ist fehlgeschlagen; alle bisherigen Antworten sind gespeichert";
pub const YES: &str = "Ja";
pub const NO: &str = "Nein";
pub fn editor_opening(editor: &str) -> String {
    format!("Der Editor ({editor}) wird geöffnet; zum Fortfahren speichern und schließen.")
}
pub fn editor_failed(editor: &str, error: &std::io::Error) -> String {
    let cause = match error.kind() {
        std::io::ErrorKind::NotFound => "dieses Programm gibt es nicht",
        std::io::ErrorKind::PermissionDenied => "keine Berechtigung, es zu starten",
        _ => "das Betriebssystem hat den Start abgelehnt",
    };
    let code = error
        .raw_os_error()
        .map(|code| format!(", Fehlercode {code}"))
        .unwrap_or_default();
    format!(
        "Der Editor {} ließ sich nicht starten ({cause}{code}); bitte die Antwort hier eingeben.",
        quoted(editor)
    )
}
pub const LONG_TEXT_HINT: &str = "Mehrere Zeilen möglich. Vorhandene Zeilen werden einzeln angeboten \
     (Enter übernimmt sie); danach beendet eine leere Zeile die Eingabe.";
pub fn line_prompt(number: usize) -> String {
    format!("Zeile {number}")
}

// ---- command --------------------------------------------------------------

/// `init` and `set` are the commands to use instead, ready to type.
pub fn no_terminal(init: &str, set: &str) -> String {
    format!(
        "kin assess braucht ein Terminal zum Fragen und Antworten, hier ist keines (Eingabe oder \
         Fehlerausgabe ist umgeleitet). Ohne Terminal: `{init}` schreibt eine Vorlage zum \
         Ausfüllen im Editor; `{set} …` ändert einzelne Einträge aus Skripten."
    )
}
pub fn unknown_category_option(id: &str, ids: &[&str]) -> String {
    format!(
        "--category: unbekannte Kategorie {}; erlaubt: {}",
        quoted(id),
        ids.join(", ")
    )
}
/// `again` is the command that continues, ready to type.
pub fn interrupted_saved(path: &str, again: &str) -> String {
    format!(
        "Abgebrochen. Alle Antworten bis zur letzten Eingabe mit Enter sind in {path} gespeichert.\n\
         Weitermachen mit: {again}"
    )
}
pub fn interrupted_nothing_saved() -> String {
    "Abgebrochen. Es wurde noch nichts gespeichert.".into()
}

// ---- summary --------------------------------------------------------------

pub fn summary_heading(kommune: &str) -> String {
    format!("── Zusammenfassung: {kommune} ──")
}
pub fn summary_umsetzungsgrad(percent: &str) -> String {
    format!("Umsetzungsgrad: {percent} (umgesetzt von allen Punkten außer „nicht relevant“)")
}
/// `unanswered` is the command that walks only what is still open.
pub fn summary_unassessed(unassessed: usize, total: usize) -> String {
    match unassessed {
        0 => format!("Alle {total} Punkte sind bewertet."),
        n => format!("Noch unbewertet: {n} von {total} Punkten"),
    }
}
/// `unanswered` is the command that walks only what is still unbewertet.
pub fn summary_only_unanswered(unanswered: &str) -> String {
    format!("Nur diese durchgehen: {unanswered}")
}
pub fn summary_more(count: usize) -> String {
    format!("  … und {count} weitere")
}
pub fn summary_overdue(count: usize, today: &str) -> String {
    let items = if count == 1 {
        "1 Punkt".to_owned()
    } else {
        format!("{count} Punkte")
    };
    format!("Überfällig: {items} (geplant oder in Umsetzung, Termin vor dem {today})")
}
pub fn summary_item(title: &str) -> String {
    format!("  • {title}")
}
pub fn summary_overdue_item(title: &str, due: &str) -> String {
    format!("  • {title} – Termin {due}")
}
/// `check` is the command that checks the file, ready to type.
pub fn summary_saved(path: &str, check: &str) -> String {
    format!("Gespeichert in {path}\nPrüfen mit: {check}")
}
