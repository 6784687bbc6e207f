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

use crate::domain::finding::Finding;
use crate::domain::network::{Alias, Aliases};
use crate::format::keys::{AliasFileKey, TableKey};
use crate::format::lexical::decode;
use crate::format::toml_reader::{TableReader, TomlReader};
use crate::messages as msg;

/// The aliases of an alias file and every finding about it. When there is
/// an error, no alias is used.
pub fn load_aliases(bytes: &[u8]) -> (Aliases, Vec<Finding>) {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(finding) => return (Aliases::default(), vec![finding]),
    };
    let mut reader = TomlReader::new(text);
    let Some(root) = reader.parse() else {
        return (Aliases::default(), reader.finish());
    };
    let top = TableReader::<AliasFileKey>::new(root.get_ref(), 0..0);
    top.finish(&mut reader);
    let mut aliases = Vec::new();
    let table = top
        .required(AliasFileKey::Aliases, msg::ALIAS_TABLE, &mut reader)
        .and_then(|value| reader.table(AliasFileKey::Aliases.as_str(), value));
    for (variant, target) in table.into_iter().flat_map(|t| t.iter()) {
        let name: &str = variant.get_ref();
        let Some(target_text) = reader.text(name, target) else {
            continue;
        };
        if name.trim().is_empty() {
            reader.error("empty-value", msg::alias_empty_variant(), variant.span());
        } else if target_text.trim().is_empty() {
            reader.error("empty-value", msg::empty_value(name), target.span());
        } else {
            aliases.push(Alias {
                variant: name.to_owned(),
                target: target_text.to_owned(),
                position: Some(reader.position(variant.span().start)),
            });
        }
    }
    let (aliases, checked) = Aliases::check(aliases);
    let mut findings = reader.finish();
    findings.extend(checked);
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
