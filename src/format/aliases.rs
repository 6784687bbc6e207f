//! Reading an alias file (`kin network --aliases FILE`, described in
//! `docs/network.md`): other spellings of partner names, each pointing to a
//! name or an AGS.
//!
//! ```toml
//! [aliases]
//! "Rebstetten a. W." = "Rebstetten"
//! "LRA Talbach" = "Landkreis Talbach"
//! "Eschental" = "08136010"
//! ```
//!
//! Every problem becomes a finding with line and column; the meaning of the
//! aliases (conflicts, chains) is checked by [`Aliases::check`].

use crate::domain::finding::{Finding, LineIndex, Severity};
use crate::domain::network::{Alias, Aliases};
use crate::format::read::UTF8_BOM;
use crate::messages as msg;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// The aliases of an alias file and every finding about it. When there is
/// an error, no alias is used.
pub fn load_aliases(bytes: &[u8]) -> (Aliases, Vec<Finding>) {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return (
            Aliases::default(),
            vec![Finding::file_error("not-utf8", msg::not_utf8())],
        );
    };
    let lines = LineIndex::new(text);
    let finding = |code, message, span: Range<usize>| Finding {
        severity: Severity::Error,
        code,
        message,
        position: Some(lines.position(span.start)),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let detail = e.message().trim().replace('\n', " ");
            let span = e.span().unwrap_or(0..0);
            return (
                Aliases::default(),
                vec![finding("syntax", msg::syntax_error(&detail), span)],
            );
        }
    };
    let mut findings = Vec::new();
    let mut aliases = Vec::new();
    let mut has_table = false;
    for (key, value) in root.get_ref().iter() {
        if key.get_ref() != "aliases" {
            let message = msg::unknown_key(key.get_ref(), &msg::ALIAS_KEYS);
            findings.push(finding("unknown-key", message, key.span()));
            continue;
        }
        has_table = true;
        let DeValue::Table(table) = value.get_ref() else {
            let found = msg::toml_type(value.get_ref().type_str());
            let message = msg::wrong_type("aliases", msg::A_TABLE, found);
            findings.push(finding("wrong-type", message, value.span()));
            continue;
        };
        for (variant, target) in table.iter() {
            let name = variant.get_ref().as_ref();
            let DeValue::String(target_text) = target.get_ref() else {
                let found = msg::toml_type(target.get_ref().type_str());
                let message = msg::wrong_type(name, msg::A_TEXT, found);
                findings.push(finding("wrong-type", message, target.span()));
                continue;
            };
            if name.trim().is_empty() {
                let message = msg::alias_empty_variant();
                findings.push(finding("empty-value", message, variant.span()));
            } else if target_text.trim().is_empty() {
                let message = msg::empty_value(name);
                findings.push(finding("empty-value", message, target.span()));
            } else {
                aliases.push(Alias {
                    variant: name.to_owned(),
                    target: target_text.to_string(),
                    position: Some(lines.position(variant.span().start)),
                });
            }
        }
    }
    if !has_table && findings.is_empty() {
        let message = msg::missing_key("aliases", msg::ALIAS_TABLE);
        findings.push(finding("missing-key", message, 0..0));
    }
    let (aliases, mut checked) = Aliases::check(aliases);
    findings.append(&mut checked);
    findings.sort_by_key(|f| f.position);
    if findings.iter().any(Finding::is_error) {
        return (Aliases::default(), findings);
    }
    (aliases, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let (aliases, findings) = load_aliases(text.as_bytes());
        if !findings.is_empty() {
            assert!(aliases.is_empty());
        }
        findings
            .iter()
            .map(|f| {
                let p = f.position.unwrap();
                format!("{}:{} {} {}", p.line, p.column, f.code, f.message)
            })
            .collect()
    }

    #[test]
    fn reads_spellings_and_their_targets() {
        let text = "\u{feff}# Schreibweisen\n[aliases]\n\"Rebstetten a. W.\" = \"Rebstetten\"\n\"LRA Talbach\" = \"Landkreis Talbach\"\nEschental = \"08136010\"\n";
        let (aliases, findings) = load_aliases(text.as_bytes());
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(aliases.target("Rebstetten a.W."), Some("Rebstetten"));
        assert_eq!(aliases.target("eschental"), Some("08136010"));
    }

    #[test]
    fn an_empty_table_is_fine() {
        assert!(problems("[aliases]\n").is_empty());
    }

    #[test]
    fn every_problem_has_its_line_and_column() {
        let text = "titel = \"x\"\n[aliases]\n\"A\" = 3\n\"B\" = \" \"\n\"\" = \"C\"\n\"D\" = \"0813601\"\n\"E\" = \"Talbach\"\n\"e\" = \"Rebstetten\"\n";
        assert_eq!(
            problems(text),
            [
                "1:1 unknown-key unbekannter Schlüssel „titel“; erlaubt: aliases",
                "3:7 wrong-type „A“ muss Text in Anführungszeichen sein, gefunden: ganze Zahl",
                "4:7 empty-value „B“ darf nicht leer sein",
                "5:1 empty-value eine Schreibweise darf nicht leer sein",
                "6:1 alias-invalid-ags ungültiger Amtlicher Gemeindeschlüssel „0813601“ als Ziel: genau 8 Ziffern, z. B. 08115999",
                "8:1 alias-conflict „e“ steht für „Rebstetten“, aber die gleiche Schreibweise „E“ (Zeile 7) steht schon für „Talbach“",
            ]
        );
    }

    #[test]
    fn syntax_errors_and_a_missing_table_are_findings() {
        assert_eq!(
            problems("[aliases]\n\"A\" = \n"),
            ["2:7 syntax TOML-Syntaxfehler: string values must be quoted, expected literal string"]
        );
        assert_eq!(
            problems("# leer\n"),
            ["1:1 missing-key Pflichtangabe „aliases“ fehlt in der Alias-Datei"]
        );
        assert_eq!(
            problems("aliases = [\"A\"]\n"),
            ["1:11 wrong-type „aliases“ muss eine Tabelle sein, gefunden: Liste"]
        );
    }
}
