//! Dates as people type them: `2026-11-25` (as in the file) or the German
//! `25.11.2026`.

use jiff::civil::Date;

/// Parses a date typed by a person; `None` when it is not a valid date in
/// either form.
pub fn parse_date_input(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some((day, rest)) = text.split_once('.') {
        let (month, year) = rest.split_once('.')?;
        let number = |s: &str, max_len: usize| {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i16>().ok())
                .flatten()
        };
        if year.len() != 4 {
            return None;
        }
        let (day, month, year) = (number(day, 2)?, number(month, 2)?, number(year, 4)?);
        return Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok();
    }
    let bytes = text.as_bytes();
    let iso_shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !iso_shape {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn iso_and_german_dates() {
        assert_eq!(parse_date_input("2026-11-25"), Some(date(2026, 11, 25)));
        assert_eq!(parse_date_input(" 25.11.2026 "), Some(date(2026, 11, 25)));
        assert_eq!(parse_date_input("1.2.2027"), Some(date(2027, 2, 1)));
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "31.02.2026",
            "25.11.26",
            "20261125",
            "morgen",
            "2026-11-25T10:00",
            "1.1.-202",
        ] {
            assert_eq!(parse_date_input(bad), None, "{bad:?}");
        }
    }
}
