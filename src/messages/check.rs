//! Findings of `kin check` about assessment files.

use super::{allowed, quoted};
use crate::domain::status::Status;

pub fn not_found() -> String {
    "Datei nicht gefunden".into()
}
pub fn is_a_folder() -> String {
    "das ist ein Ordner, keine Datei".into()
}
/// Why kin leaves a path alone that is not a regular file.
pub fn not_a_regular_file(what: crate::store::regular_file::Special) -> String {
    use crate::store::regular_file::Special;
    let what = match what {
        Special::Folder => return is_a_folder(),
        Special::Pipe => "eine benannte Pipe (FIFO)",
        Special::Device => "ein Gerät",
        Special::Socket => "ein Socket",
        Special::Symlink => "ein symbolischer Link",
        Special::Other => "etwas Besonderes",
    };
    format!(
        "das ist keine gewöhnliche Datei, sondern {what}; kin liest und ersetzt nur gewöhnliche Dateien"
    )
}
pub fn empty_pipe() -> String {
    "aus der Pipe kam nichts (schreibt niemand hinein?); kin liest nur, was ein anderes Programm \
     gerade hineinschreibt"
        .into()
}
pub fn file_too_large(max_mib: u64) -> String {
    format!("die Datei ist größer als {max_mib} MiB und sicher keine Bewertung")
}
pub fn unreadable(cause: &str) -> String {
    format!("Datei kann nicht gelesen werden: {cause}")
}
pub fn not_utf8() -> String {
    "die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte); bitte als UTF-8 speichern".into()
}
pub fn empty_file() -> String {
    "die Datei ist leer; eine Vorlage erzeugt `kin init`".into()
}
pub fn merge_conflict(marker: &str) -> String {
    format!(
        "ungelöster Git-Merge-Konflikt (Konfliktmarker {}); bitte den Konflikt auflösen und die Marker entfernen",
        quoted(marker)
    )
}
pub fn syntax_error(detail: &str) -> String {
    format!("TOML-Syntaxfehler: {detail}")
}
pub fn invalid_date_syntax(detail: &str) -> String {
    format!("ungültiges Datum ({detail}); Format: JJJJ-MM-TT, z. B. 2026-11-25")
}
pub fn invalid_date(value: &str) -> String {
    format!(
        "ungültiges Datum {}; Format: JJJJ-MM-TT, z. B. 2026-11-25",
        quoted(value)
    )
}
pub fn date_expected(key: &str, found: &str) -> String {
    format!(
        "{} muss ein Datum sein (ohne Anführungszeichen, z. B. {key} = 2026-11-25), gefunden: {found}",
        quoted(key)
    )
}
pub fn wrong_type(key: &str, expected: &str, found: &str) -> String {
    format!("{} muss {expected} sein, gefunden: {found}", quoted(key))
}
pub fn missing_key(key: &str, table: &str) -> String {
    format!("Pflichtangabe {} fehlt in {}", quoted(key), table)
}
pub fn empty_value(key: &str) -> String {
    format!("{} darf nicht leer sein", quoted(key))
}
pub fn unknown_key(key: &str, allowed_keys: &[&str]) -> String {
    format!(
        "unbekannter Schlüssel {}; erlaubt: {}",
        quoted(key),
        allowed(allowed_keys)
    )
}
pub fn unknown_status(value: &str) -> String {
    format!(
        "unbekannter Status {}; erlaubt: {}",
        quoted(value),
        Status::allowed_values()
    )
}
pub fn unknown_question(id: &str, ids: &[&str]) -> String {
    format!("unbekannte Frage {}; erlaubt: {}", quoted(id), allowed(ids))
}
pub fn unknown_suggestion(id: &str, ids: &[&str]) -> String {
    format!(
        "unbekannter Vorschlag {}; erlaubt: {}",
        quoted(id),
        allowed(ids)
    )
}
pub fn unknown_category(id: &str, ids: &[&str]) -> String {
    format!(
        "unbekannte Kategorie {}; erlaubt: {}",
        quoted(id),
        allowed(ids)
    )
}
pub fn invalid_own_id(id: &str) -> String {
    format!(
        "ungültige Kennung {} für eine eigene Maßnahme: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (z. B. gemeinsamer-klaerschlamm)",
        quoted(id)
    )
}
pub fn duplicate_own_id(id: &str) -> String {
    format!(
        "die Kennung {} ist mehrfach vergeben; jede eigene Maßnahme braucht eine eigene",
        quoted(id)
    )
}
pub fn own_id_is_suggestion(id: &str) -> String {
    format!(
        "die Kennung {} gehört schon zu einem Vorschlag des Handlungsfelds; bitte eine andere wählen",
        quoted(id)
    )
}
pub fn invalid_ags(value: &str) -> String {
    format!(
        "ungültiger Amtlicher Gemeindeschlüssel {}: genau 8 Ziffern, z. B. 08115999",
        quoted(value)
    )
}
pub fn schema_too_new(found: i64, supported: u32) -> String {
    format!(
        "die Datei hat Format {found} und wurde von einer neueren kin-Version erstellt (made by a newer kin); diese Version kennt Format {supported}: bitte kin aktualisieren"
    )
}
pub fn schema_invalid(found: &str, supported: u32) -> String {
    format!("ungültige Formatversion {found}; diese kin-Version kennt Format {supported}")
}
pub fn wrong_field(found: &str, expected: &str) -> String {
    format!(
        "die Datei gehört zum Handlungsfeld {}, dieses kin kennt nur {}",
        quoted(found),
        quoted(expected)
    )
}
pub fn field_version_older(found: &str, current: &str) -> String {
    format!(
        "erstellt mit Version {found} des Handlungsfelds, eingebaut ist Version {current}; bitte die Bewertung mit `kin assess` durchsehen"
    )
}
pub fn field_version_newer(found: &str, current: &str) -> String {
    format!(
        "erstellt mit Version {found} des Handlungsfelds, neuer als die eingebaute Version {current}; bitte kin aktualisieren"
    )
}
pub fn field_version_unreadable(found: &str, current: &str) -> String {
    format!(
        "unbekannte Version {} des Handlungsfelds; eingebaut ist Version {current}",
        quoted(found)
    )
}
pub fn placeholder_kommune() -> String {
    format!(
        "der Name der Kommune ist noch der Platzhalter {} aus `kin init`; bitte den echten Namen \
         eintragen (z. B. mit kin set DATEI --kommune NAME)",
        quoted(super::PLACEHOLDER_KOMMUNE)
    )
}
pub fn not_applicable_without_note(id: &str) -> String {
    format!(
        "{} ist als „nicht relevant“ markiert, aber ohne Begründung; bitte eine Notiz (note) ergänzen",
        quoted(id)
    )
}

/// The German name of a TOML value type, for "found: …" in messages.
pub fn toml_type(type_str: &str) -> &'static str {
    match type_str {
        "string" => "Text",
        "integer" => "ganze Zahl",
        "float" => "Kommazahl",
        "boolean" => "Wahrheitswert",
        "datetime" => "Datum/Uhrzeit",
        "array" => "Liste",
        "table" => "Tabelle",
        _ => "unbekannter Typ",
    }
}

pub const A_TEXT: &str = "Text in Anführungszeichen";
pub const A_NUMBER: &str = "eine ganze Zahl";
pub const A_TABLE: &str = "eine Tabelle";
pub const A_TEXT_LIST: &str = "eine Liste von Texten, z. B. [\"Nachbarstadt\", \"Landkreis\"]";
pub const A_TABLE_LIST: &str = "eine Liste von Tabellen ([[own]])";

pub const TABLE_TOP: &str = "der Datei";
pub const TABLE_KOMMUNE: &str = "[kommune]";
pub fn table_suggestion(id: &str) -> String {
    format!("[suggestions.{id}]")
}
pub const TABLE_OWN: &str = "[[own]]";

/// The one-line summary after `kin check`'s findings.
pub fn check_summary(files: usize, errors: usize, warnings: usize) -> String {
    let files_word = if files == 1 { "Datei" } else { "Dateien" };
    let warnings_word = if warnings == 1 {
        "Warnung"
    } else {
        "Warnungen"
    };
    if errors == 0 && warnings == 0 {
        format!("{files} {files_word} geprüft: alles in Ordnung")
    } else {
        format!("{files} {files_word} geprüft: {errors} Fehler, {warnings} {warnings_word}")
    }
}
