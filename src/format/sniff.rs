//! Recognising an assessment file by a glance at its text, without checking
//! it: `--output` must never replace one, even a broken one (a file with a
//! merge conflict or a typo is still weeks of work).

use crate::format::keys::{KommuneKey, TableKey, TopKey};

/// Whether `bytes` look like an assessment file: a TOML file with the
/// top-level keys `schema` and `field`, or a `[kommune]` table. Lines are
/// looked at one by one, so a file that no longer parses still counts.
pub fn looks_like_assessment(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut top_level = true;
    let (mut schema, mut field) = (false, false);
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if let Some(header) = line.strip_prefix('[') {
            let name = header.trim_start_matches('[').trim_end_matches(']').trim();
            if name == TopKey::Kommune.as_str() {
                return true;
            }
            top_level = false;
            continue;
        }
        if !top_level {
            continue;
        }
        let Some((key, _)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        match TopKey::find(key) {
            Some(TopKey::Schema) => schema = true,
            Some(TopKey::Field) => field = true,
            _ if key.split_once('.').is_some_and(|(table, key)| {
                table == TopKey::Kommune.as_str() && key == KommuneKey::Name.as_str()
            }) =>
            {
                return true;
            }
            _ => {}
        }
    }
    schema && field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessments_are_recognised_even_when_broken() {
        let template = "# Bewertung\nschema = 1\nfield = \"interkommunale-zusammenarbeit\"\n";
        assert!(looks_like_assessment(template.as_bytes()));
        assert!(looks_like_assessment(
            b"\xEF\xBB\xBF\"schema\" = 1\r\nfield = 3\r\n"
        ));
        assert!(looks_like_assessment(b"[kommune]\nname = \"Talbach\"\n"));
        assert!(looks_like_assessment(
            b"<<<<<<< HEAD\nschema = 1\n=======\nschema = 2\n>>>>>>> x\nfield = \"x\"\n"
        ));
        assert!(looks_like_assessment(b"kommune.name = \"Talbach\"\n"));
    }

    #[test]
    fn reports_and_other_files_are_not_assessments() {
        assert!(!looks_like_assessment(b"{\n  \"assessments\": []\n}\n"));
        assert!(!looks_like_assessment(
            "\u{feff}Kommune;AGS;Datum\r\n".as_bytes()
        ));
        assert!(!looks_like_assessment(
            b"# Bericht\n\n| Kommune | Stand |\n"
        ));
        assert!(!looks_like_assessment(
            b"[package]\nschema = 1\nfield = 2\n"
        ));
        assert!(!looks_like_assessment(b"PK\x03\x04\x00\x00binary"));
        assert!(!looks_like_assessment(b""));
    }
}
