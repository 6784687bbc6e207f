//! A plain line diff, for git when a version is not a valid assessment and
//! so cannot be compared by content.

use crate::messages as msg;
use crate::render::escape::printable;
use similar::TextDiff;

/// Above this many lines in both versions together, a line diff could take
/// minutes (its cost grows with the product of lengths and differences), so
/// a short summary is shown instead. A real assessment has a few hundred.
pub const MAX_LINES: usize = 10_000;

/// A unified diff of two texts with git's `a/`…`b/` labels; control
/// characters made visible. Above [`MAX_LINES`] lines, the labels and a
/// summary: how many lines each version has and where they first differ.
pub fn unified(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    let (old_lines, new_lines) = (old.lines().count(), new.lines().count());
    if old_lines + new_lines > MAX_LINES {
        let first = old
            .lines()
            .zip(new.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(old_lines.min(new_lines))
            + 1;
        let summary = msg::diff_git_too_many_lines(old_lines, new_lines, first, MAX_LINES);
        return printable(&format!("--- {old_label}\n+++ {new_label}\n{summary}\n"));
    }
    let diff = TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(old_label, new_label)
        .to_string();
    printable(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_versions_get_a_summary() {
        let old: String = (0..MAX_LINES).map(|i| format!("{i}\n")).collect();
        let new = old.replace("\n7\n", "\nsieben\n") + "mehr\n";
        let text = unified(&old, &new, "a/x", "b/x");
        assert!(text.starts_with("--- a/x\n+++ b/x\n"), "{text}");
        assert!(text.contains("ab Zeile 8"), "{text}");
        assert_eq!(text.lines().count(), 3, "{text}");
    }

    #[test]
    fn shows_changed_lines_with_labels() {
        let text = unified("a\nb\u{1b}\n", "a\nc\n", "a/x", "b/x");
        assert_eq!(
            text,
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\\u{1b}\n+c\n"
        );
    }
}
