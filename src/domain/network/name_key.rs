//! The key under which partner names are matched to Kommunen: the same for
//! every way people write the same name.

/// Designations in front of a name that do not belong to it ("Stadt Talbach",
/// "Große Kreisstadt Talbach"), as folded words (see [`fold`]). Longer ones
/// first, so "große kreisstadt" wins over a shorter match.
const LEADING: [&[&str]; 14] = [
    &["grosse", "kreisstadt"],
    &["landeshauptstadt"],
    &["universitaetsstadt"],
    &["hochschulstadt"],
    &["kreisstadt"],
    &["stadtgemeinde"],
    &["marktgemeinde"],
    &["ortsgemeinde"],
    &["kurstadt"],
    &["gemeinde"],
    &["stadt"],
    &["markt"],
    &["flecken"],
    &["gem."],
];

/// The key of a partner or Kommune name. Equal keys mean the same name:
/// - case, white space, hyphens and dots do not matter
///   ("Weiler-ob-Tal" = "weiler ob tal");
/// - umlauts and ß equal their spelled-out forms ("Großbottwar" =
///   "Grossbottwar", "Mühlhausen" = "Muehlhausen"), also when written with
///   a combining diaeresis;
/// - a leading designation is left out ("Stadt", "Gemeinde", "Große
///   Kreisstadt", "Markt", …), and so is one after a comma as in official
///   lists ("Talbach, Stadt");
/// - "St." and "Sankt" are the same word ("St.Blasien" = "Sankt Blasien").
///
/// A designation is only left out when a name remains: "Stadt" alone stays.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    // "Talbach, Stadt": the designation after the last comma.
    if let Some(comma) = words.iter().rposition(|w| w.ends_with(',')) {
        let after = &words[comma + 1..];
        if !after.is_empty() && LEADING.contains(&after) {
            let last = words[comma].trim_end_matches(',');
            words.truncate(comma);
            words.push(last);
        }
    }
    if let Some(designation) = LEADING
        .iter()
        .find(|d| words.len() > d.len() && words.starts_with(d))
    {
        words.drain(..designation.len());
    }
    let mut key = String::with_capacity(folded.len());
    for word in words {
        // "St. Georgen", "St.Georgen" and "Sankt Georgen".
        let word = match word.strip_prefix("st.") {
            Some(rest) => {
                key.push_str("sankt");
                rest
            }
            None if word == "st" => "sankt",
            None => word,
        };
        key.extend(word.chars().filter(|c| !is_ignored(*c)));
    }
    key
}

/// Lowercase, with umlauts and ß spelled out (ä → ae, ß → ss), dashes made
/// plain hyphens and every kind of white space a plain space.
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            // A combining diaeresis after a, o or u: "u\u{308}" is "ü".
            '\u{308}' if out.ends_with(['a', 'o', 'u']) => out.push('e'),
            '\u{308}' => {}
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Characters that do not count in a key: hyphens and dashes, dots,
/// apostrophes, and anything invisible.
fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '.' | '\'' | '’' | '\u{ad}'
    ) || c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::name_key;

    fn same(a: &str, b: &str) {
        assert_eq!(name_key(a), name_key(b), "{a:?} and {b:?} should match");
    }

    fn different(a: &str, b: &str) {
        assert_ne!(name_key(a), name_key(b), "{a:?} and {b:?} should differ");
    }

    #[test]
    fn case_white_space_and_hyphens_do_not_matter() {
        same("Weiler ob Tal", "weiler-ob-tal");
        same("Weiler ob Tal", "  WEILER  OB\tTAL ");
        same("Weiler ob Tal", "Weiler‑ob‑Tal"); // non-breaking hyphens
        same("Weiler ob Tal", "Weiler\u{a0}ob Tal");
        same("Bietigheim-Bissingen", "Bietigheim Bissingen");
        same("Bietigheim-Bissingen", "BietigheimBissingen");
    }

    #[test]
    fn umlauts_and_sharp_s_match_their_spelled_out_forms() {
        same("Großbottwar", "Grossbottwar");
        same("Großbottwar", "GROSSBOTTWAR");
        same("Mühlhausen", "Muehlhausen");
        same("Mühlhausen", "Mu\u{308}hlhausen");
        same("Öhringen", "Oehringen");
        same("Ägypten", "AEGYPTEN");
        different("Mühlhausen", "Muhlhausen");
    }

    #[test]
    fn leading_designations_are_left_out() {
        for written in [
            "Stadt Talbach",
            "Gemeinde Talbach",
            "Große Kreisstadt Talbach",
            "Grosse Kreisstadt Talbach",
            "große  kreisstadt talbach",
            "Markt Talbach",
            "Universitätsstadt Talbach",
            "Talbach, Stadt",
            "Talbach, Große Kreisstadt",
            "Talbach , Gemeinde",
        ] {
            same(written, "Talbach");
        }
    }

    #[test]
    fn designations_are_words_not_name_beginnings() {
        different("Stadtbergen", "Bergen");
        different("Marktheidenfeld", "Heidenfeld");
        different("Gemeindeverwaltungsverband Oberes Tal", "Oberes Tal");
        // Nothing else is left out: a Landkreis is not its Kreisstadt.
        different("Landkreis Talbach", "Talbach");
        different("Bad Urach", "Urach");
    }

    #[test]
    fn a_designation_alone_stays() {
        assert_eq!(name_key("Stadt"), "stadt");
        assert_eq!(name_key("Große Kreisstadt"), "grossekreisstadt");
        assert_eq!(name_key("Markt, Gemeinde"), "markt");
    }

    #[test]
    fn sankt_and_st_are_the_same_word() {
        same("St. Georgen im Schwarzwald", "Sankt Georgen im Schwarzwald");
        same("St. Leon-Rot", "Sankt Leon Rot");
        same("St.Blasien", "Sankt Blasien");
        different("Stetten", "Sanktetten");
        different("Stadt Talbach", "Sankt Talbach");
    }

    #[test]
    fn other_text_is_kept() {
        assert_eq!(name_key("Kisumu (Kenia)"), "kisumu(kenia)");
        assert_eq!(name_key("08136999"), "08136999");
        assert_eq!(name_key(""), "");
        assert_eq!(name_key("Bürgerbus e. V."), "buergerbusev");
    }
}
