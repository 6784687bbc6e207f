//! Files, folders and patterns named on the command line.

use super::quoted;

pub fn pattern_matches_nothing(pattern: &str) -> String {
    format!("keine Datei passt zum Muster {}", quoted(pattern))
}

pub fn folder_without_assessments(folder: &str) -> String {
    format!(
        "im Ordner {} und seinen Unterordnern liegt keine Bewertungsdatei (*.kin.toml)",
        quoted(folder)
    )
}

pub fn invalid_pattern(pattern: &str, position: usize) -> String {
    format!(
        "ungültiges Muster {} (Zeichen {position}): eckige Klammern umschließen eine Auswahl \
         von Zeichen, z. B. [ab] oder [0-9]; * steht für beliebig viele Zeichen, ? für eines, \
         ** für beliebig tiefe Unterordner",
        quoted(pattern)
    )
}

pub fn folder_unreadable(path: &str, cause: &str) -> String {
    format!(
        "{} lässt sich beim Durchsuchen nicht lesen ({cause})",
        quoted(path)
    )
}
