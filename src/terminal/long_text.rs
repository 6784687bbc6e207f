//! Several lines of text typed without an editor: the existing lines are
//! offered one by one (Enter keeps a line), then new lines follow until an
//! empty one ends the input.

use crate::render::escape::printable;

/// Reads lines through `ask(line_number, prefilled)`, starting from `old`.
/// An emptied existing line stays as an empty line (so blank lines inside an
/// answer survive); an empty line after the existing ones ends the input.
pub fn read_lines(
    old: &str,
    mut ask: impl FnMut(usize, &str) -> anyhow::Result<String>,
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
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(old: &str, answers: &[&str]) -> String {
        let mut answers = answers.iter();
        read_lines(old, |_, shown| {
            Ok(match answers.next() {
                Some(&"<enter>") => shown.to_owned(),
                Some(text) => (*text).to_owned(),
                None => panic!("asked once too often"),
            })
        })
        .unwrap()
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
