//! Asking for one value with the stored value pre-filled. The rule that makes
//! "Enter through the whole session changes nothing" hold: when the answer is
//! exactly what was pre-filled, the stored value is kept as it is (even where
//! the pre-filled text had to be simplified for one line).

use super::prompter::{Check, Progress, Prompter, any_text};
use crate::domain::date::parse_date_input;
use crate::messages as msg;
use crate::render::escape::one_line;
use jiff::civil::Date;

/// A line of text; `old` may hold line breaks (from a hand-edited file),
/// which are shown as ` ⏎ ` and turned back into line breaks.
pub fn edit_line(
    prompter: &mut dyn Prompter,
    prompt: &str,
    old: &str,
    check: Check<'_>,
) -> anyhow::Result<String> {
    let shown = one_line(old);
    let answer = prompter.text(prompt, &shown, check)?;
    Ok(if answer == shown {
        old.to_owned()
    } else {
        answer.replace(" ⏎ ", "\n").trim().to_owned()
    })
}

/// An optional line of text: an empty answer removes it.
pub fn edit_optional(
    prompter: &mut dyn Prompter,
    prompt: &str,
    old: &Option<String>,
) -> anyhow::Result<Option<String>> {
    let old_text = old.as_deref().unwrap_or("");
    let new = edit_line(prompter, prompt, old_text, &any_text)?;
    Ok(if new == old_text {
        old.clone()
    } else if new.is_empty() {
        None
    } else {
        Some(new)
    })
}

/// A list typed on one line, the entries separated by `separator`.
pub fn edit_list(
    prompter: &mut dyn Prompter,
    prompt: &str,
    old: &[String],
    separator: char,
) -> anyhow::Result<Vec<String>> {
    let shown = join_list(old, separator);
    let answer = prompter.text(prompt, &shown, &any_text)?;
    Ok(if answer == shown {
        old.to_vec()
    } else {
        split_list(&answer, separator)
    })
}

/// A date, `None` allowed when not `required`.
pub fn edit_date(
    prompter: &mut dyn Prompter,
    prompt: &str,
    old: Option<Date>,
    required: bool,
) -> anyhow::Result<Option<Date>> {
    let shown = old.map(msg::german_date).unwrap_or_default();
    let check = |text: &str| {
        if text.trim().is_empty() {
            return if required {
                Err(msg::invalid_date_input(text))
            } else {
                Ok(())
            };
        }
        parse_date_input(text)
            .map(|_| ())
            .ok_or_else(|| msg::invalid_date_input(text))
    };
    let answer = prompter.text(prompt, &shown, &check)?;
    Ok(if answer == shown {
        old
    } else {
        parse_date_input(&answer)
    })
}

/// Free text over several lines. Answers that differ from `old` only in line
/// endings or trailing blank lines keep `old`. `progress` gets the answer as
/// it stands after every finished line, in the same form.
pub fn edit_long_text(
    prompter: &mut dyn Prompter,
    prompt: &str,
    old: &str,
    progress: Progress<'_>,
) -> anyhow::Result<String> {
    let kept = |answer: &str| {
        if same_lines(answer, old) {
            old.to_owned()
        } else {
            answer.trim_end().to_owned()
        }
    };
    let answer = prompter.long_text(prompt, old, &mut |so_far| progress(&kept(so_far)))?;
    Ok(kept(&answer))
}

/// Whether two texts have the same lines, ignoring line endings and blank
/// lines at the end.
pub fn same_lines(a: &str, b: &str) -> bool {
    fn lines(text: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = text.lines().collect();
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        lines
    }
    lines(a) == lines(b)
}

/// The entries joined for one line: `A, B` (or `A; B`).
pub fn join_list(items: &[String], separator: char) -> String {
    items
        .iter()
        .map(|i| one_line(i))
        .collect::<Vec<_>>()
        .join(&format!("{separator} "))
}

/// The non-empty, trimmed entries of a typed list.
pub fn split_list(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A [`Check`] for values that must not be empty.
pub fn not_empty(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(msg::MUST_NOT_BE_EMPTY.to_owned())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::script::{ScriptedAnswer, ScriptedPrompter};

    #[test]
    fn lists_round_trip_and_unchanged_text_keeps_odd_entries() {
        assert_eq!(split_list(" A ,, B,", ','), ["A", "B"]);
        let old = vec!["GVV Raum, Nord".to_owned(), "Landkreis".to_owned()];
        let mut p = ScriptedPrompter::new([ScriptedAnswer::Enter]);
        assert_eq!(edit_list(&mut p, "Partner", &old, ',').unwrap(), old);
        let mut p = ScriptedPrompter::new([ScriptedAnswer::text("Landkreis")]);
        assert_eq!(
            edit_list(&mut p, "Partner", &old, ',').unwrap(),
            ["Landkreis"]
        );
    }

    #[test]
    fn multi_line_values_survive_a_one_line_prompt() {
        let old = Some("Zeile 1\nZeile 2".to_owned());
        let mut p = ScriptedPrompter::new([
            ScriptedAnswer::Enter,
            ScriptedAnswer::text("neu ⏎ zwei"),
            ScriptedAnswer::text(""),
        ]);
        assert_eq!(edit_optional(&mut p, "Notiz", &old).unwrap(), old);
        assert_eq!(
            edit_optional(&mut p, "Notiz", &old).unwrap().as_deref(),
            Some("neu\nzwei")
        );
        assert_eq!(edit_optional(&mut p, "Notiz", &old).unwrap(), None);
        assert!(p.transcript().contains("[Zeile 1 ⏎ Zeile 2]"));
    }

    #[test]
    fn dates_are_checked_and_german_dates_accepted() {
        let mut p = ScriptedPrompter::new([
            ScriptedAnswer::text("31.02.2027"),
            ScriptedAnswer::text("30.06.2027"),
            ScriptedAnswer::text(""),
        ]);
        let due = edit_date(&mut p, "Termin", None, false).unwrap();
        assert_eq!(due, Some(jiff::civil::date(2027, 6, 30)));
        assert!(p.transcript().contains("✘ "), "{}", p.transcript());
        assert_eq!(edit_date(&mut p, "Termin", due, false).unwrap(), None);
    }

    #[test]
    fn long_text_keeps_line_endings_when_unchanged() {
        assert!(same_lines("a\r\nb\n\n", "a\nb"));
        assert!(!same_lines("a\nb", "a\nc"));
        let mut p = ScriptedPrompter::new([ScriptedAnswer::text("a\nb\n")]);
        let mut told = Vec::new();
        let mut progress = |so_far: &str| {
            told.push(so_far.to_owned());
            Ok(())
        };
        assert_eq!(
            edit_long_text(&mut p, "Frage", "a\r\nb", &mut progress).unwrap(),
            "a\r\nb"
        );
        assert_eq!(told, ["a", "a\r\nb"]);
    }
}
