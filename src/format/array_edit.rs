//! Changing the entries of a list (`partners`, `evidence`) in a document a
//! person may have laid out by hand, so that comments and layout survive:
//!
//! ```toml
//! partners = [ # seit 2019
//!     "Nachbarstadt", # Vertrag im Hauptamt
//!     # Landkreis:
//!     "Landkreis",
//! ]
//! ```
//!
//! Each entry owns the comment lines above it and the comment after it on its
//! line; entries still listed keep theirs, new entries are laid out like the
//! last one, and a removed entry takes its own line's comment with it while
//! the comment lines above it stay (with the next entry). A list written on
//! one line (which cannot hold comments) stays on one line.

use toml_edit::{Array, RawString, Value};

/// One entry of a multi-line list with the text around it.
struct Entry {
    value: Value,
    /// Line breaks, indentation and comment lines before the entry.
    before: String,
    /// What follows its comma on the same line (spaces, a comment).
    after: String,
}

/// Makes `array` hold `values`, in that order, keeping the comments and
/// layout of entries that stay (entries are matched by their text).
pub fn update_array(array: &mut Array, values: Vec<Value>) {
    let multi_line = raw_parts(array).any(|raw| raw.contains('\n'));
    if !multi_line || array.is_empty() {
        let decor = array.decor().clone();
        *array = values.into_iter().collect();
        array.fmt();
        *array.decor_mut() = decor;
        return;
    }
    let trailing_comma = array.trailing_comma();
    let (head, mut old, tail) = split_entries(array);
    let indent = old
        .last()
        .map(|e| e.before.rsplit('\n').next().unwrap_or("").to_owned())
        .unwrap_or_default();

    // Entries no longer listed leave their comment lines to the next one kept.
    let mut kept: Vec<Option<Entry>> = Vec::with_capacity(old.len());
    let mut positions: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let mut carried = String::new();
    let wanted = count_texts(&values);
    let mut still_wanted = wanted.clone();
    for mut entry in old.drain(..) {
        let text = text_of(&entry.value);
        match still_wanted.get_mut(&text) {
            Some(n) if *n > 0 => {
                *n -= 1;
                entry.before = std::mem::take(&mut carried) + &entry.before;
                positions.entry(text).or_default().push(kept.len());
                kept.push(Some(entry));
            }
            _ => carried.push_str(&comment_lines(&entry.before)),
        }
    }
    for queue in positions.values_mut() {
        queue.reverse();
    }

    let mut entries: Vec<Entry> = values
        .into_iter()
        .map(|value| {
            let reused = positions
                .get_mut(&text_of(&value))
                .and_then(Vec::pop)
                .and_then(|i| kept[i].take());
            reused.unwrap_or_else(|| Entry {
                value,
                before: format!("\n{indent}"),
                after: String::new(),
            })
        })
        .collect();

    let mut result = Array::new();
    let mut previous_after = head;
    for entry in &mut entries {
        let mut value = std::mem::replace(&mut entry.value, Value::from(""));
        let prefix = off_comment_line(format!("{previous_after}{}", entry.before), &indent);
        value.decor_mut().set_prefix(prefix);
        result.push_formatted(value);
        previous_after = std::mem::take(&mut entry.after);
    }
    result.set_trailing(off_comment_line(
        format!("{previous_after}{carried}{tail}"),
        "",
    ));
    result.set_trailing_comma(trailing_comma);
    *result.decor_mut() = array.decor().clone();
    *array = result;
}

/// The list's text around its entries: what follows `[` on its line, the
/// entries, and the line breaks (and comment lines) before `]`.
fn split_entries(array: &Array) -> (String, Vec<Entry>, String) {
    let mut entries: Vec<Entry> = Vec::with_capacity(array.len());
    let mut head = String::new();
    for (index, value) in array.iter().enumerate() {
        let prefix = value
            .decor()
            .prefix()
            .and_then(RawString::as_str)
            .unwrap_or("");
        let (line_end, before) = split_line(prefix);
        match entries.last_mut() {
            Some(previous) => previous.after = line_end.to_owned(),
            None if index == 0 => head = line_end.to_owned(),
            None => {}
        }
        let mut value = value.clone();
        value.decor_mut().set_prefix("");
        entries.push(Entry {
            value,
            before: before.to_owned(),
            after: String::new(),
        });
    }
    let trailing = array.trailing().as_str().unwrap_or("");
    let (line_end, tail) = split_line(trailing);
    if let Some(last) = entries.last_mut() {
        last.after = line_end.to_owned();
    }
    (head, entries, tail.to_owned())
}

/// `text` up to its first line break, and the rest from that break on.
fn split_line(text: &str) -> (&str, &str) {
    text.find('\n').map_or((text, ""), |i| text.split_at(i))
}

/// `prefix` (the text before an entry or before `]`), ending with a line
/// break and `indent` when its last line holds a comment, which would
/// otherwise swallow what follows.
fn off_comment_line(prefix: String, indent: &str) -> String {
    let last_line = prefix.rsplit('\n').next().unwrap_or("");
    if last_line.contains('#') {
        format!("{prefix}\n{indent}")
    } else {
        prefix
    }
}

/// The comment lines in `before`, each with its line break.
fn comment_lines(before: &str) -> String {
    before
        .split('\n')
        .skip(1)
        .filter(|line| line.trim_start().starts_with('#'))
        .map(|line| format!("\n{line}"))
        .collect()
}

fn raw_parts(array: &Array) -> impl Iterator<Item = &str> {
    array
        .iter()
        .flat_map(|v| [v.decor().prefix(), v.decor().suffix()])
        .chain([Some(array.trailing())])
        .filter_map(|raw| raw.and_then(RawString::as_str))
}

fn text_of(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

fn count_texts(values: &[Value]) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for value in values {
        *counts.entry(text_of(value)).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    /// `text` (one `partners = […]`) with its list made to hold `names`.
    fn updated(text: &str, names: &[&str]) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        let array = doc["partners"].as_array_mut().unwrap();
        update_array(array, names.iter().map(|n| Value::from(*n)).collect());
        let out = doc.to_string();
        let reread: DocumentMut = out.parse().unwrap_or_else(|e| panic!("{e}\n{out}"));
        let listed: Vec<&str> = reread["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(listed, names, "{out}");
        out
    }

    const COMMENTED: &str = "partners = [ # seit 2019\n    \"A\", # Vertrag im Hauptamt\n]\n";

    #[test]
    fn adding_keeps_the_comments_of_the_issue() {
        assert_eq!(
            updated(COMMENTED, &["A", "B"]),
            "partners = [ # seit 2019\n    \"A\", # Vertrag im Hauptamt\n    \"B\",\n]\n"
        );
    }

    #[test]
    fn replacing_keeps_what_stays_and_drops_the_removed_entrys_own_comment() {
        let text = "partners = [ # seit 2019\n    \"A\", # Vertrag\n    # Landkreise:\n    \"B\", # alt\n    \"C\",\n]\n";
        assert_eq!(
            updated(text, &["A", "C", "D"]),
            "partners = [ # seit 2019\n    \"A\", # Vertrag\n    # Landkreise:\n    \"C\",\n    \"D\",\n]\n"
        );
        // Reordered: each entry keeps its own comment.
        assert_eq!(
            updated(text, &["C", "A"]),
            "partners = [ # seit 2019\n    # Landkreise:\n    \"C\",\n    \"A\", # Vertrag\n]\n"
        );
    }

    #[test]
    fn a_comment_never_swallows_the_next_entry() {
        let text = "partners = [\n  \"X\", # c\n  \"A\", \"B\"\n]\n";
        updated(text, &["X", "B"]);
        updated(text, &["B", "X"]);
        updated("partners = [\n  \"A\" # ohne Komma\n]\n", &["A", "B"]);
        updated("partners = [\n  \"A\", \"B\", # zwei\n]\n", &["B"]);
    }

    #[test]
    fn one_line_lists_stay_on_one_line() {
        assert_eq!(
            updated("partners = [\"A\"]   # Kommentar\n", &["A", "B"]),
            "partners = [\"A\", \"B\"]   # Kommentar\n"
        );
    }

    #[test]
    fn every_combination_of_keeping_and_adding_stays_valid() {
        let text = "partners = [ # Kopf\n  # über A\n  \"A\", # A\n  \"B\", \"C\" # C\n  , # nach C\n  # Ende\n]\n";
        let pool = ["A", "B", "C", "D"];
        for mask in 0..(1u32 << pool.len()) {
            let mut names: Vec<&str> = (0..pool.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| pool[i])
                .collect();
            if names.is_empty() {
                continue;
            }
            let out = updated(text, &names);
            assert!(out.contains("# Kopf") && out.contains("# Ende"), "{out}");
            names.reverse();
            updated(text, &names);
        }
    }
}
