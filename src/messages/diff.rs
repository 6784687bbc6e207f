//! `kin diff` and kin as git's diff driver.

use super::quoted;

// ---- headers ---------------------------------------------------------------

pub fn diff_title(old: &str, new: &str) -> String {
    format!("Vergleich: {old} → {new}")
}
pub fn diff_git_title_changed(path: &str) -> String {
    format!("Änderungen in {path}")
}
pub fn diff_git_title_added(path: &str) -> String {
    format!("Neue Datei {path}")
}
pub fn diff_git_title_deleted(path: &str) -> String {
    format!("Gelöschte Datei {path}")
}
pub fn diff_git_title_renamed(old_path: &str, new_path: &str) -> String {
    format!("Umbenannt: {old_path} → {new_path}")
}
pub fn diff_git_unmerged(path: &str) -> String {
    format!("{path}: nicht zusammengeführt (Merge-Konflikt); bitte zuerst den Konflikt auflösen")
}
/// "Musterhausen (AGS 08115999)": a Kommune as named in headers.
pub fn diff_kommune_name(name: &str, ags: Option<&str>) -> String {
    match ags {
        Some(ags) => format!("{name} (AGS {ags})"),
        None => name.to_owned(),
    }
}
pub fn diff_kommune(kommune: &str) -> String {
    format!("Kommune: {kommune}")
}
pub fn diff_two_kommunen(old: &str, new: &str) -> String {
    format!("Vergleich zweier verschiedener Kommunen: {old} → {new}")
}
/// Starts the field version line in the text and markdown header.
pub const DIFF_ATTENTION: &str = "Achtung: ";
pub fn diff_field_versions(old: &str, new: &str) -> String {
    format!(
        "die Dateien beruhen auf verschiedenen Versionen des Handlungsfelds ({old} → {new}); Fragen und Vorschläge können sich dazwischen geändert haben"
    )
}
/// Prefix of a warning kin prints to stderr.
pub const DIFF_WARNING_PREFIX: &str = "warning: ";

// ---- groups ----------------------------------------------------------------

pub const DIFF_IMPROVEMENTS: &str = "Verbesserungen";
pub const DIFF_REGRESSIONS: &str = "Rückschritte";
pub const DIFF_OTHER: &str = "Sonstige Änderungen";
pub const DIFF_NO_CHANGES: &str = "Keine Unterschiede.";

pub fn diff_group_heading(title: &str, count: usize) -> String {
    format!("{title} ({count})")
}

// ---- what changed ----------------------------------------------------------

pub const DIFF_KOMMUNE_DATA: &str = "Angaben zur Kommune";
pub fn diff_question(text: &str) -> String {
    format!("Einstiegsfrage: {text}")
}
pub fn diff_own(title: &str) -> String {
    format!("Eigene Maßnahme: {title}")
}
pub fn diff_own_added(title: &str) -> String {
    format!("Neue eigene Maßnahme: {title}")
}
pub fn diff_own_removed(title: &str) -> String {
    format!("Eigene Maßnahme entfernt: {title}")
}

pub const DIFF_STATUS: &str = "Status";
pub const DIFF_NOTE: &str = "Notiz";
pub const DIFF_PARTNERS: &str = "Partner";
pub const DIFF_EVIDENCE: &str = "Belege";
pub const DIFF_RESPONSIBLE: &str = "Verantwortlich";
pub const DIFF_DUE: &str = "Termin";
pub const DIFF_ANSWER: &str = "Antwort";
pub const DIFF_TITLE: &str = "Titel";
pub const DIFF_CATEGORY: &str = "Kategorie";
pub const DIFF_KOMMUNE_NAME: &str = "Name";
pub const DIFF_KOMMUNE_AGS: &str = "Gemeindeschlüssel (AGS)";
pub const DIFF_KOMMUNE_ASSESSOR: &str = "Bewertet von";
pub const DIFF_KOMMUNE_DATE: &str = "Datum der Bewertung";

/// Shown for a value that is not there (no note, no due date, …).
pub const DIFF_NOTHING: &str = "–";

pub fn diff_quoted(text: &str) -> String {
    quoted(text)
}
pub fn diff_edit(label: &str, from: &str, to: &str) -> String {
    format!("{label}: {from} → {to}")
}
pub fn diff_value(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}
pub fn diff_list_added(label: &str, entries: &str) -> String {
    format!("{label} hinzugefügt: {entries}")
}
pub fn diff_list_removed(label: &str, entries: &str) -> String {
    format!("{label} entfernt: {entries}")
}

pub fn diff_done_percent(from: &str, to: &str) -> String {
    format!("Umsetzungsgrad: {from} → {to}")
}

// ---- git driver ------------------------------------------------------------

pub fn diff_git_line_fallback() -> String {
    "Inhaltlicher Vergleich nicht möglich, weil eine Fassung Fehler enthält; stattdessen zeilenweise:".into()
}
pub fn diff_git_too_many_lines(old: usize, new: usize, first: usize, max: usize) -> String {
    format!(
        "(zu lang für einen Zeilenvergleich: {old} und {new} Zeilen, zusammen mehr als {max}; \
         die Fassungen unterscheiden sich ab Zeile {first})"
    )
}
pub fn diff_git_arguments(count: usize) -> String {
    format!(
        "--git erwartet die Angaben, die git einem Diff-Programm übergibt (1, 7 oder 9), bekommen: {count}; Optionen bitte vor --git angeben. Einrichtung: kin help diff"
    )
}
pub fn diff_needs_two_files() -> String {
    "bitte zwei Dateien angeben: kin diff ALT NEU".into()
}
/// Shown after the options in `kin diff --help`.
pub const DIFF_AFTER_HELP: &str = "\
Exit-Codes: 0 fertig verglichen; 1 mit --exit-code: es gibt Unterschiede, mit --fail-on-regression: \
ein Status ist zurückgegangen; 2 eine Datei fehlt oder enthält Fehler (Befunde wie bei `kin check`).

Als Diff-Programm für git einrichten (die erste Zeile einmal je Repository, die zweite je Klon):
  echo '*.kin.toml diff=kin' >> .gitattributes
  git config diff.kin.command \"kin diff --git\"";

/// The usage line of `kin diff` (the second form is git's call of a diff driver).
pub const DIFF_USAGE: &str = "kin diff [OPTIONEN] <ALT> <NEU>\n       \
    kin diff [OPTIONEN] --git <PFAD> <ALTE_DATEI> <ALT_HEX> <ALT_MODUS> <NEUE_DATEI> <NEU_HEX> <NEU_MODUS>";
