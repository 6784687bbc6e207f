//! Labels and messages shared by all commands.

/// Prefix of an error that stopped a command.
pub const ERROR_PREFIX: &str = "error: ";
pub const INTERRUPTED: &str = "abgebrochen";
pub fn invalid_input(files: usize) -> String {
    if files == 1 {
        "1 Datei enthält Fehler (siehe oben); `kin check` zeigt alle Befunde".into()
    } else {
        format!("{files} Dateien enthalten Fehler (siehe oben); `kin check` zeigt alle Befunde")
    }
}

// ---- labels --------------------------------------------------------------

pub const LABEL_LEITSATZ: &str = "Leitsatz";
pub const LABEL_SUMMARY: &str = "Um was geht es in diesem Handlungsfeld?";
pub const LABEL_QUESTIONS: &str = "Einstiegsfragen";
pub const LABEL_SUGGESTIONS: &str = "Vorschläge";
pub const LABEL_VERSION: &str = "Version";
pub const LABEL_SOURCE: &str = "Quelle";
