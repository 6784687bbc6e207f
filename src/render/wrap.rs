//! Breaking text into lines that fit a table column, the one place where
//! kin wraps text for tables. German words are broken at correct places
//! with a hyphen (the embedded `de-1996` dictionary), words with a hyphen of
//! their own after it, links after `/` or `.`; no word is cut without a
//! hyphen. The cost grows linearly with the text: every character is looked
//! at a bounded number of times, also in one very long word (comfy-table's
//! own wrapping is quadratic there; it only ever gets lines that fit).

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::sync::OnceLock;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The German hyphenation dictionary (1996 spelling), loaded once.
fn german() -> Option<&'static Standard> {
    static DICTIONARY: OnceLock<Option<Standard>> = OnceLock::new();
    const BYTES: &[u8] = include_bytes!("../../data/hyphenation/de-1996.standard.bincode");
    DICTIONARY
        .get_or_init(|| Standard::from_reader(Language::German1996, &mut &BYTES[..]).ok())
        .as_ref()
}

/// Letters in a row longer than this are no word the dictionary knows (a
/// code, a data URL); they are only broken where they must be.
const LONGEST_WORD: usize = 64;

/// `text` broken into lines no wider than `width` terminal cells (at least
/// 2), joined with `\n`. Line breaks in `text` are kept; spaces at a break
/// are dropped.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(2);
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) * 2);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        wrap_line(line, width, &mut out);
    }
    out
}

/// A piece of a word that may end a line; `mark` is what the line then
/// ends with (a hyphen, or nothing where the word breaks by itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece<'a> {
    text: &'a str,
    mark: &'static str,
}

/// First fit: as many pieces on a line as fit, the mark of the last piece
/// counted in. A word that fits on the next line goes there whole unless
/// that would leave more than a third of this line empty.
fn wrap_line(line: &str, width: usize, out: &mut String) {
    // A list entry („• …“) continues under its text, not under the bullet.
    let indent = if line.starts_with("• ") && width >= 12 {
        2
    } else {
        0
    };
    let new_line = |out: &mut String| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
        indent
    };
    let mut used = 0;
    let mut first_on_line = true;
    // Spaces before the next word, kept as they are unless the line breaks
    // there (so indentation and aligned columns stay).
    let mut spaces = 0;
    let mut at_start = true;
    for word in words(line) {
        if word.is_empty() {
            spaces += 1;
            continue;
        }
        let is_first_word = at_start;
        let before = if at_start { spaces } else { spaces + 1 };
        (spaces, at_start) = (0, false);
        let word_width = word.width();
        let room = width.saturating_sub(used + before);
        if !first_on_line && word_width > room && word_width <= width - indent && room <= width / 3
        {
            used = new_line(out);
            first_on_line = true;
        }
        let pieces = pieces(word);
        for (index, piece) in pieces.iter().enumerate() {
            let last = index + 1 == pieces.len();
            let gap = match (index, first_on_line) {
                (0, false) => before,
                // Indentation at the start of the text's line; none after a break.
                (0, true) if is_first_word => before.min(width / 2),
                _ => 0,
            };
            let mark = if last { 0 } else { piece.mark.width() };
            let piece_width = piece.text.width();
            if used + gap + piece_width + mark <= width {
                out.extend(std::iter::repeat_n(' ', gap));
                out.push_str(piece.text);
                used += gap + piece_width;
                first_on_line = false;
                continue;
            }
            if !first_on_line {
                if index > 0 {
                    out.push_str(pieces[index - 1].mark);
                }
                used = new_line(out);
            }
            // The piece starts a line; one wider than a line is cut with
            // a hyphen where it must be.
            // (Each step looks at one line's worth of text only.)
            let mut rest = piece.text;
            loop {
                let room = width.saturating_sub(used).max(2);
                let (head, tail) = split_at_width(rest, room - mark);
                if tail.is_empty() {
                    out.push_str(head);
                    used += head.width();
                    break;
                }
                let (head, tail) = split_at_width(rest, room - 1);
                out.push_str(head);
                out.push('-');
                used = new_line(out);
                rest = tail;
            }
            first_on_line = false;
        }
    }
}

/// The words of `line`, split at spaces (each space between two words
/// gives an empty word), except inside abbreviations of one-letter parts
/// such as „z. B.“, „d. h.“ or „i. d. R.“, which stay together.
fn words(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.find(' ').unwrap_or(rest.len());
        while is_abbreviation_part(&rest[..end])
            && rest[end..]
                .strip_prefix(' ')
                .is_some_and(starts_abbreviation_part)
        {
            end += 1 + rest[end + 1..].find(' ').unwrap_or(rest.len() - end - 1);
        }
        let word = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        Some(word)
    })
    .chain(line.ends_with(' ').then_some(""))
}

/// `text` with a no-break space (U+00A0) inside each abbreviation that
/// [`wrap`] keeps together, for wrapping with other tools (textwrap breaks
/// at no such space); replace U+00A0 by a space again after wrapping.
pub fn join_abbreviations(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            words(line)
                .map(|word| word.replace(' ', "\u{a0}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `word` ends in one letter and a dot after a space or at its
/// start: „z.“, or „z. d.“ already joined.
fn is_abbreviation_part(word: &str) -> bool {
    let last = word.rsplit(' ').next().unwrap_or(word);
    starts_abbreviation_part(last) && last.chars().count() == 2
}

/// Whether `text` starts with one letter and a dot not followed by another
/// letter: „B.“, „B.,“ or „h.)“.
fn starts_abbreviation_part(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some('.'), next) if letter.is_alphabetic() && !next.is_some_and(char::is_alphabetic)
    )
}

/// The longest start of `text` at most `width` cells wide (at least one
/// character), and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (index, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width && index > 0 {
            return text.split_at(index);
        }
    }
    (text, "")
}

/// Where `word` may be broken: after its own hyphens; in a link after `/`
/// and `.`; elsewhere inside runs of letters where the dictionary allows.
fn pieces(word: &str) -> Vec<Piece<'_>> {
    let is_link = word.contains("://") || word.starts_with("www.") || word.contains('/');
    let mut breaks: Vec<(usize, &'static str)> = Vec::new();
    let mut letters_start = None;
    for (index, c) in word.char_indices() {
        let after = index + c.len_utf8();
        if c.is_alphabetic() {
            letters_start.get_or_insert(index);
            continue;
        }
        if let Some(start) = letters_start.take()
            && !is_link
        {
            hyphenation_points(word, start, index, &mut breaks);
        }
        let breaks_after = c == '-' || (is_link && (c == '/' || c == '.'));
        if breaks_after && after < word.len() && index > 0 {
            breaks.push((after, ""));
        }
    }
    if let Some(start) = letters_start
        && !is_link
    {
        hyphenation_points(word, start, word.len(), &mut breaks);
    }
    let mut pieces = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for (at, mark) in breaks {
        pieces.push(Piece {
            text: &word[start..at],
            mark,
        });
        start = at;
    }
    pieces.push(Piece {
        text: &word[start..],
        mark: "",
    });
    pieces
}

/// Adds the dictionary's breaks inside `word[start..end]` (letters only).
fn hyphenation_points(
    word: &str,
    start: usize,
    end: usize,
    breaks: &mut Vec<(usize, &'static str)>,
) {
    let letters = &word[start..end];
    if letters.chars().count() > LONGEST_WORD {
        return;
    }
    if let Some(dictionary) = german() {
        let hyphenated = dictionary.hyphenate(letters);
        breaks.extend(hyphenated.breaks.iter().map(|at| (start + at, "-")));
    }
}

/// `text` with a soft hyphen (U+00AD) at each place the dictionary allows
/// a break in words of more than `letters` letters, for documents whose
/// reader breaks lines itself: a browser or Word then breaks a long German
/// word in a narrow table cell with a hyphen at a syllable, instead of
/// anywhere. Links, paths, file names and addresses stay as they are.
pub fn soft_hyphens(text: &str, letters: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        if word.chars().filter(|c| c.is_alphabetic()).count() <= letters || is_name(word) {
            out.push_str(word);
        } else {
            for part in pieces(word) {
                out.push_str(part.text);
                if part.mark == "-" {
                    out.push('\u{ad}');
                }
            }
        }
        out.push_str(&piece[word.len()..]);
    }
    out
}

/// Whether `word` names something rather than says it: a link or a scheme
/// (`javascript:`), a path, a file name (a dot inside), an address.
fn is_name(word: &str) -> bool {
    let inner = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    inner.contains(['.', ':']) || word.contains(['/', '\\', '_', '@'])
}

/// `text` shortened to at most `width` cells, ending with „…“ when cut, cut
/// at a space where one is near.
pub fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let (head, _) = split_at_width(text, width.saturating_sub(1).max(1));
    let head = match head.rfind(' ') {
        Some(space) if space * 3 >= head.len() * 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        wrap(text, width).lines().map(str::to_owned).collect()
    }

    #[test]
    fn words_go_to_the_next_line_whole_when_they_fit_there() {
        assert_eq!(
            lines("Gemeinsamer Bauhof seit 2019", 20),
            ["Gemeinsamer Bauhof", "seit 2019"]
        );
        assert_eq!(
            lines("a\nb  c", 10),
            ["a", "b  c"],
            "spaces inside a line stay"
        );
        assert_eq!(
            lines("  eingerückt und lang", 14),
            ["  eingerückt", "und lang"]
        );
    }

    #[test]
    fn long_german_words_are_hyphenated_at_correct_places() {
        let wrapped = lines(
            "Gemeinsame Wirtschaftsförderung im Abwasserzweckverband",
            16,
        );
        assert_eq!(
            wrapped,
            [
                "Gemeinsame Wirt-",
                "schaftsförderung",
                "im Abwasser-",
                "zweckverband"
            ]
        );
        for line in &wrapped {
            assert!(line.width() <= 16, "{line}");
        }
    }

    #[test]
    fn words_with_a_hyphen_break_after_it_without_a_second_one() {
        assert_eq!(
            lines("Bildungs- und Betreuungseinrichtungen", 12)[0],
            "Bildungs-"
        );
        assert_eq!(
            lines("Gewerbe-Entwicklung", 10),
            ["Gewerbe-", "Entwick-", "lung"]
        );
    }

    #[test]
    fn links_break_after_slashes_and_dots_without_hyphens() {
        let url = "https://www.musterhausen.de/rathaus/beschluesse/2019/bauhof.pdf";
        let wrapped = lines(url, 24);
        assert_eq!(wrapped.concat(), url, "nothing added: {wrapped:?}");
        for line in &wrapped {
            assert!(line.ends_with('/') || line.ends_with('.') || url.ends_with(line.as_str()));
        }
    }

    #[test]
    fn abbreviations_of_one_letter_parts_stay_on_one_line() {
        let text = "Gemeinsame Einrichtungen, z. B. Bauhof, d. h. i. d. R. mehr";
        assert_eq!(
            lines(text, 27),
            [
                "Gemeinsame Einrichtungen,",
                "z. B. Bauhof,",
                "d. h. i. d. R. mehr"
            ]
        );
        // Spaces elsewhere are kept as they are.
        assert_eq!(lines("a  b.  c. d", 40), ["a  b.  c. d"]);
        assert_eq!(
            words("z. B.  x ").collect::<Vec<_>>(),
            ["z. B.", "", "x", ""]
        );
        assert_eq!(words("a b").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(
            join_abbreviations("x z. B. y\n d. h.  "),
            "x z.\u{a0}B. y\n d.\u{a0}h.  "
        );
    }

    #[test]
    fn a_word_without_any_break_is_cut_with_a_hyphen() {
        let code = "A".repeat(25);
        let wrapped = lines(&code, 10);
        assert_eq!(wrapped, ["AAAAAAAAA-", "AAAAAAAAA-", "AAAAAAA"]);
        assert_eq!(lines("漢字漢字漢字", 5), ["漢字-", "漢字-", "漢字"]);
    }

    #[test]
    fn list_entries_continue_under_their_text() {
        assert_eq!(
            lines("• GR-Beschluss vom 14.03.2019, TOP 5", 20),
            ["• GR-Beschluss vom", "  14.03.2019, TOP 5"]
        );
        let url = lines(
            "• https://www.oberhaslach.de/rathaus/gemeinderat/2019/bauhof.pdf",
            26,
        );
        assert!(
            url[1..]
                .iter()
                .all(|l| l.starts_with("  ") && l.width() <= 26),
            "{url:?}"
        );
    }

    #[test]
    fn shorten_cuts_at_a_space_near_the_end() {
        assert_eq!(shorten("Bauhof", 10), "Bauhof");
        assert_eq!(
            shorten("Gemeinsame Atemschutzwerkstatt der Feuerwehren", 30),
            "Gemeinsame Atemschutzwerkstat…"
        );
        assert_eq!(
            shorten("Gemeinsame Atemschutzwerkstatt der Feuerwehren", 40),
            "Gemeinsame Atemschutzwerkstatt der…"
        );
        assert_eq!(shorten("Atemschutzwerkstatt", 10), "Atemschut…");
    }

    #[test]
    fn soft_hyphens_go_into_long_words_only() {
        assert_eq!(
            soft_hyphens("Gemeinderatsbeschluss vom Mai", 10),
            "Ge\u{ad}mein\u{ad}de\u{ad}rats\u{ad}be\u{ad}schluss vom Mai"
        );
        assert_eq!(soft_hyphens("Gemeinde", 10), "Gemeinde");
        assert_eq!(
            soft_hyphens("zweite Zeile\ndritte Zeile", 10),
            "zweite Zeile\ndritte Zeile"
        );
        assert_eq!(
            soft_hyphens("Klimaschutzkonzept. musterhausen-kopie.kin.toml", 10),
            "Kli\u{ad}ma\u{ad}schutz\u{ad}kon\u{ad}zept. musterhausen-kopie.kin.toml"
        );
        assert_eq!(
            soft_hyphens("https://www.example.org/verwaltungsgemeinschaft", 10),
            "https://www.example.org/verwaltungsgemeinschaft"
        );
    }
}
