//! `kin set`: changing entries from scripts.

use super::{allowed, quoted};
use crate::domain::status::Status;

pub const SET_NOTHING_TO_CHANGE: &str = "nichts zu ändern: bitte mindestens eine Angabe wie \
     --status, --note, --partner, --evidence, --responsible, --due oder --clear machen";
pub fn set_unknown_item(id: &str, ids: &[&str]) -> String {
    format!(
        "unbekannter Vorschlag oder eigene Maßnahme {}; erlaubt: {}",
        quoted(id),
        allowed(ids)
    )
}
pub fn set_unknown_status(value: &str) -> String {
    format!(
        "--status: unbekannter Status {}; erlaubt: {}",
        quoted(value),
        Status::allowed_values()
    )
}
pub fn set_empty_value(option: &str) -> String {
    format!("{option} darf nicht leer sein; zum Entfernen einer Angabe gibt es --clear")
}
pub fn set_clear_conflict(key: &str) -> String {
    format!("--clear {key} widerspricht einem neuen Wert für {key} im selben Aufruf")
}
pub fn set_file_missing(path: &str) -> String {
    format!(
        "{path} gibt es nicht; eine neue Bewertung beginnt mit `kin init {path}` oder `kin assess {path}`"
    )
}
pub fn set_saved(path: &str, what: &str) -> String {
    format!("{path}: {what} gespeichert")
}
pub fn set_unchanged(path: &str, what: &str) -> String {
    format!("{path}: {what} war schon so; Datei unverändert")
}
pub fn set_what_item(id: &str, status: Status) -> String {
    format!("{id} ({})", super::status_label(status))
}
pub fn set_what_answer(question: &str) -> String {
    format!("Antwort auf {question}")
}

/// The usage lines of `kin set`.
pub const SET_USAGE: &str = "kin set <DATEI> <KENNUNG> [--status STATUS] [--note TEXT] [--partner NAME]… [OPTIONEN]\n       \
    kin set <DATEI> --answer <FRAGE> <TEXT>";
