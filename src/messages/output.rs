//! `--output FILE`: why kin does not write where it was asked to.

use super::quoted;

pub fn output_is_assessment_name(path: &str) -> String {
    format!(
        "{} endet auf .kin.toml: kin schreibt Ausgaben nie in Bewertungsdateien; bitte einen anderen Namen wählen, z. B. bericht.md",
        quoted(path)
    )
}

pub fn output_is_assessment(path: &str) -> String {
    format!(
        "{} ist eine Bewertungsdatei: kin überschreibt sie nicht mit einer Ausgabe; bitte einen anderen Namen wählen",
        quoted(path)
    )
}

pub fn output_is_folder(path: &str) -> String {
    format!(
        "{} ist ein Ordner; --output braucht einen Dateinamen",
        quoted(path)
    )
}

pub const BINARY_OUTPUT_ON_TERMINAL: &str = "dieses Format ist eine Datei für Excel oder Word und lässt sich im Terminal nicht anzeigen; \
     bitte mit --output DATEI in eine Datei schreiben, z. B. --output kreis.xlsx oder --output bericht.docx";

/// Writing to stdout failed (not a reader that went away: that is fine).
pub const CANNOT_WRITE_STDOUT: &str = "die Ausgabe kann nicht geschrieben werden";
