//! Aliases: other spellings of partner names that kin cannot match by
//! itself ("Rebstetten a. W.", "LRA Talbach"), each pointing to a name or an
//! AGS. Read from the file given with `kin network --aliases`.

use super::name_key::name_key;
use crate::domain::assessment::is_valid_ags;
use crate::domain::finding::{Finding, Position, Severity};
use crate::messages as msg;
use std::collections::HashMap;

/// One line of an alias file: a spelling and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub variant: String,
    /// A name (matched like any partner name) or an 8-digit AGS.
    pub target: String,
    /// Where the variant stands in the file.
    pub position: Option<Position>,
}

/// Checked aliases, looked up by the key of a partner name.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    by_key: HashMap<String, String>,
}

impl Aliases {
    /// Checks `aliases` and keeps those without errors. Errors: a target
    /// that looks like an AGS but is not one, two spellings with the same
    /// key that point to different targets, and a target that is itself an
    /// alias of something else (aliases are resolved once, never in chains).
    pub fn check(aliases: Vec<Alias>) -> (Aliases, Vec<Finding>) {
        let mut findings = Vec::new();
        let error = |code, message, position| Finding {
            severity: Severity::Error,
            code,
            message,
            position,
        };
        let mut by_key: HashMap<String, (String, &Alias)> = HashMap::new();
        for alias in &aliases {
            let target = alias.target.trim();
            if target.bytes().all(|b| b.is_ascii_digit()) && !is_valid_ags(target) {
                findings.push(error(
                    "alias-invalid-ags",
                    msg::alias_invalid_ags(target),
                    alias.position,
                ));
                continue;
            }
            let key = name_key(&alias.variant);
            match by_key.get(&key) {
                Some((earlier_target, earlier)) if name_key(earlier_target) != name_key(target) => {
                    findings.push(error(
                        "alias-conflict",
                        msg::alias_conflict(
                            &alias.variant,
                            target,
                            &earlier.variant,
                            earlier_target,
                            earlier.position.map(|p| p.line),
                        ),
                        alias.position,
                    ));
                }
                Some(_) => {}
                None => {
                    by_key.insert(key, (target.to_owned(), alias));
                }
            }
        }
        // A target that is itself a spelling of something else.
        for alias in &aliases {
            let target = alias.target.trim();
            let target_key = name_key(target);
            if target_key == name_key(&alias.variant) {
                continue;
            }
            if let Some((further, _)) = by_key.get(&target_key)
                && name_key(further) != target_key
            {
                findings.push(error(
                    "alias-chain",
                    msg::alias_chain(&alias.variant, target, further),
                    alias.position,
                ));
            }
        }
        let has_errors = !findings.is_empty();
        let by_key = if has_errors {
            HashMap::new()
        } else {
            by_key
                .into_iter()
                .map(|(key, (target, _))| (key, target))
                .collect()
        };
        findings.sort_by_key(|f| f.position);
        (Aliases { by_key }, findings)
    }

    /// What `partner` stands for, when it is one of the spellings.
    pub fn target(&self, partner: &str) -> Option<&str> {
        if self.by_key.is_empty() {
            return None;
        }
        self.by_key.get(&name_key(partner)).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alias(variant: &str, target: &str, line: usize) -> Alias {
        Alias {
            variant: variant.into(),
            target: target.into(),
            position: Some(Position { line, column: 1 }),
        }
    }

    #[test]
    fn spellings_are_found_like_partner_names() {
        let (aliases, findings) = Aliases::check(vec![
            alias("Rebstetten a. W.", "Rebstetten", 2),
            alias("LRA Talbach", "Landkreis Talbach", 3),
            alias("Eschental", "08136010", 4),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(aliases.target("rebstetten a.w."), Some("Rebstetten"));
        assert_eq!(aliases.target("LRA-Talbach"), Some("Landkreis Talbach"));
        assert_eq!(aliases.target("Gemeinde Eschental"), Some("08136010"));
        assert_eq!(aliases.target("Rebstetten"), None);
    }

    #[test]
    fn the_same_spelling_twice_is_fine_when_it_means_the_same() {
        let (aliases, findings) = Aliases::check(vec![
            alias("Rebstetten a. W.", "Rebstetten", 2),
            alias("rebstetten a.w.", "Gemeinde Rebstetten", 3),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(aliases.target("Rebstetten a. W."), Some("Rebstetten"));
    }

    #[test]
    fn conflicts_chains_and_bad_keys_are_errors_with_their_line() {
        let (aliases, findings) = Aliases::check(vec![
            alias("Rebstetten a. W.", "Rebstetten", 2),
            alias("rebstetten a.w.", "Talbach", 3),
            alias("Kreis", "LRA Talbach", 4),
            alias("LRA Talbach", "Landkreis Talbach", 5),
            alias("Eschental", "0813601", 6),
        ]);
        let seen: Vec<(&str, usize)> = findings
            .iter()
            .map(|f| (f.code, f.position.unwrap().line))
            .collect();
        assert_eq!(
            seen,
            [
                ("alias-conflict", 3),
                ("alias-chain", 4),
                ("alias-invalid-ags", 6)
            ]
        );
        assert!(findings[0].message.contains("Zeile 2"), "{findings:?}");
        assert!(
            aliases.is_empty(),
            "nothing is used from a file with errors"
        );
    }

    #[test]
    fn a_spelling_pointing_to_itself_is_no_chain() {
        let (_, findings) = Aliases::check(vec![alias("Rebstetten", "Gemeinde Rebstetten", 2)]);
        assert!(findings.is_empty(), "{findings:?}");
    }
}
