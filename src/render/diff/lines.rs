//! A plain line diff, for git when a version is not a valid assessment and
//! so cannot be compared by content.

use crate::render::escape::printable;
use similar::TextDiff;

/// A unified diff of two texts with git's `a/`…`b/` labels; control
/// characters made visible.
pub fn unified(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
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
    fn shows_changed_lines_with_labels() {
        let text = unified("a\nb\u{1b}\n", "a\nc\n", "a/x", "b/x");
        assert_eq!(
            text,
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\\u{1b}\n+c\n"
        );
    }
}
