//! Labels and messages shared by all commands.

/// Prefix of an error that stopped a command.
pub const ERROR_PREFIX: &str = "Fehler: ";

// ---- help texts of the command line ----------------------------------------

pub const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAufruf: {usage}\n\n{all-args}{after-help}";
pub const HEADING_COMMANDS: &str = "Befehle";
pub const HEADING_ARGUMENTS: &str = "Argumente";
pub const HEADING_OPTIONS: &str = "Optionen";
pub const VALUE_COMMAND: &str = "BEFEHL";
pub const HELP_FLAG: &str = "Diese Hilfe anzeigen";
pub const HELP_VERSION_FLAG: &str = "Version anzeigen";
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
