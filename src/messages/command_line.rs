//! The command line itself (help texts, usage mistakes, the error prefix)
//! and labels shared by all commands.

/// Prefix of an error that stopped a command.
pub const ERROR_PREFIX: &str = "Fehler: ";

// ---- help texts of the command line ----------------------------------------

pub const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAufruf: {usage}\n\n{all-args}{after-help}";
pub const HEADING_COMMANDS: &str = "Befehle";
/// Plain `kin`: the commands in short, then [`overview_first_steps`].
pub const OVERVIEW_TEMPLATE: &str =
    "{about-with-newline}\nAufruf: kin <BEFEHL> …\n\nBefehle:\n{subcommands}";
/// `assess` and `help` are the commands, ready to type.
pub fn overview_first_steps(assess: &str, help: &str) -> String {
    format!(
        "\nZum Anfangen: {assess} (fragt alles Schritt für Schritt ab und speichert in \
         assessment.kin.toml)\nHilfe zu einem Befehl: {help} BEFEHL"
    )
}
pub const HEADING_ARGUMENTS: &str = "Argumente";
pub const HEADING_OPTIONS: &str = "Optionen";
/// The German name of a manual page section (as German man pages name them).
pub fn man_section(section: &str) -> String {
    match section {
        "NAME" => "BEZEICHNUNG".to_owned(),
        "SYNOPSIS" => "ÜBERSICHT".to_owned(),
        "DESCRIPTION" => "BESCHREIBUNG".to_owned(),
        "EXTRA" => "HINWEISE".to_owned(),
        "AUTHORS" => "AUTOREN".to_owned(),
        other => other.to_uppercase(),
    }
}
/// Stands for any options in a usage line.
pub const USAGE_OPTIONS: &str = "[OPTIONEN]";
pub const VALUE_COMMAND: &str = "BEFEHL";
pub const HELP_FLAG: &str = "Diese Hilfe anzeigen";
pub const HELP_VERSION_FLAG: &str = "Version anzeigen";
pub fn help_possible_values(values: &str) -> String {
    format!(". Möglich: {values}")
}
pub fn help_default_value(value: &str) -> String {
    format!(". Ohne Angabe: {value}")
}
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

// ---- mistakes on the command line -------------------------------------------

pub fn usage_unknown_command(name: &str) -> String {
    format!("unbekannter Befehl {}", super::quoted(name))
}
pub fn usage_unknown_argument(arg: &str) -> String {
    format!("unbekannte Angabe {}", super::quoted(arg))
}
pub fn usage_invalid_value(value: &str, arg: &str, allowed: Option<&str>) -> String {
    match allowed {
        Some(allowed) => format!(
            "ungültiger Wert {} für {arg}; erlaubt: {allowed}",
            super::quoted(value)
        ),
        None => format!("ungültiger Wert {} für {arg}", super::quoted(value)),
    }
}
pub fn usage_invalid_value_because(value: &str, arg: &str, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!(
            "ungültiger Wert {} für {arg}: {reason}",
            super::quoted(value)
        ),
        None => format!("ungültiger Wert {} für {arg}", super::quoted(value)),
    }
}
pub fn usage_missing(args: &str) -> String {
    format!("es fehlt: {args}")
}
pub fn usage_conflict(arg: &str, other: &str) -> String {
    format!("{arg} lässt sich nicht zusammen mit {other} angeben")
}
pub fn usage_number_of_values(arg: &str) -> String {
    format!("falsche Anzahl von Werten für {arg}")
}
pub fn usage_more_help(command: &str) -> String {
    format!("Mehr dazu: {command} --help")
}
