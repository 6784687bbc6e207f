//! Several lines of text typed without an editor: the existing lines are
//! offered one by one (Enter keeps a line), then new lines follow until an
//! empty one ends the input. The rule is the same for every prompter; the
//! terminal and the scripted one only differ in how a line is asked.

use super::prompter::Progress;
use crate::render::escape::printable;

/// Reads lines through `ask(line_number, prefilled)`, starting from `old`.
/// An emptied existing line stays as an empty line (so blank lines inside an
/// answer survive); an empty line after the existing ones ends the input.
/// After every line, `progress` gets the answer as it stands: the lines
/// typed so far, then the old lines not reached yet.
pub fn read_lines(
    old: &str,
    mut ask: impl FnMut(usize, &str) -> anyhow::Result<String>,
    progress: Progress<'_>,
) -> anyhow::Result<String> {
    let old_lines: Vec<&str> = old.lines().collect();
    let mut lines = Vec::new();
    for number in 1.. {
        let old_line = old_lines.get(number - 1).copied();
        let shown = printable(old_line.unwrap_or(""));
        let line = ask(number, &shown)?;
        match old_line {
            Some(old_line) if line == shown => lines.push(old_line.to_owned()),
            Some(_) => lines.push(line),
            None if line.trim().is_empty() => break,
            None => lines.push(line),
        }
        let rest = old_lines.get(number..).unwrap_or_default();
        progress(&joined(
            lines.iter().map(String::as_str).chain(rest.iter().copied()),
        ))?;
    }
    Ok(joined(lines.iter().map(String::as_str)))
}

/// The lines as one text, without blank lines at the end.
fn joined<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut lines: Vec<&str> = lines.collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(old: &str, answers: &[&str]) -> String {
        typed_with_progress(old, answers).0
    }

    /// The answer and what `progress` was told after each line.
    fn typed_with_progress(old: &str, answers: &[&str]) -> (String, Vec<String>) {
        let mut answers = answers.iter();
        let mut told = Vec::new();
        let answer = read_lines(
            old,
            |_, shown| {
                Ok(match answers.next() {
                    Some(&"<enter>") => shown.to_owned(),
                    Some(text) => (*text).to_owned(),
                    None => panic!("asked once too often"),
                })
            },
            &mut |so_far| {
                told.push(so_far.to_owned());
                Ok(())
            },
        )
        .unwrap();
        (answer, told)
    }

    #[test]
    fn every_finished_line_is_reported_with_the_lines_not_reached_yet() {
        let (answer, told) = typed_with_progress("", &["Bauhof", "Feuerwehr", ""]);
        assert_eq!(answer, "Bauhof\nFeuerwehr");
        assert_eq!(told, ["Bauhof", "Bauhof\nFeuerwehr"]);
        let (_, told) = typed_with_progress("A\nB\nC", &["A neu", "<enter>", "", ""]);
        assert_eq!(told, ["A neu\nB\nC", "A neu\nB\nC", "A neu\nB"]);
    }

    #[test]
    fn new_lines_until_an_empty_one() {
        assert_eq!(typed("", &["Bauhof", "Feuerwehr", ""]), "Bauhof\nFeuerwehr");
        assert_eq!(typed("", &[""]), "");
    }

    #[test]
    fn existing_lines_are_kept_edited_or_emptied() {
        let old = "Bauhof\n\nFeuerwehr";
        assert_eq!(typed(old, &["<enter>", "<enter>", "<enter>", ""]), old);
        assert_eq!(
            typed(old, &["Bauhof (seit 2020)", "<enter>", "", "Schule", ""]),
            "Bauhof (seit 2020)\n\n\nSchule"
        );
        assert_eq!(typed(old, &["", "", "", ""]), "");
    }
}
