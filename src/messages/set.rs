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
/// `init` and `assess` start a new assessment, ready to type.
pub fn set_file_missing(path: &str, init: &str, assess: &str) -> String {
    format!("{path} gibt es nicht; eine neue Bewertung beginnt mit `{init}` oder `{assess}`")
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
pub const SET_WHAT_KOMMUNE: &str = "Angaben zur Kommune";
pub const SET_WHAT_AND: &str = " und ";
pub const SET_ITEM_MISSING: &str = "--status, --note, --partner, --evidence, --responsible, --due und --clear \
     ändern einen Vorschlag oder eine eigene Maßnahme: bitte ihre KENNUNG angeben (siehe kin field)";
pub fn set_invalid_ags(ags: &str) -> String {
    format!(
        "--ags: {} ist kein Amtlicher Gemeindeschlüssel: genau 8 Ziffern, z. B. 08115999",
        quoted(ags)
    )
}
pub fn set_what_answer(question: &str) -> String {
    format!("Antwort auf {question}")
}

/// The usage lines of `kin set`.
pub const SET_USAGE: &str = "kin set <DATEI> <KENNUNG> [--status STATUS] [--note TEXT] [--partner NAME]… [OPTIONEN]\n       \
    kin set <DATEI> --answer <FRAGE> <TEXT>\n       \
    kin set <DATEI> [--kommune NAME] [--ags AGS] [--assessor NAME] [--date DATUM]";

/// The examples after the options of `kin set --help`, each short enough
/// for 80 columns.
pub const SET_EXAMPLES: &str = "Beispiele:
  kin set DATEI wirtschaft-foerderung --status done --partner Nachbarstadt
  kin set DATEI konzepte-mobilitaet --status planned --due 30.06.2027
  kin set DATEI konzepte-mobilitaet --responsible Bauamt --clear note
  kin set DATEI --answer kooperationen-bestehend \"Gemeinsamer Bauhof\"
  kin set DATEI --date 01.12.2026 --assessor \"S. Kächele\"";
