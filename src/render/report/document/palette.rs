//! The colours of the statuses in the HTML page, its charts and the Word
//! document: the Okabe–Ito palette, which people with the common forms of
//! colour blindness tell apart. Colour is never the only sign: the status
//! mark (● ◐ ○ × – ?) stands beside or on it, so a black-and-white print
//! reads the same.

use crate::domain::status::Status;

/// How a status is coloured: the fill, and the ink of a mark or number
/// written on it (black or white, whichever contrasts more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusColour {
    /// `#RRGGBB`.
    pub fill: &'static str,
    /// `#RRGGBB`.
    pub ink: &'static str,
}

impl StatusColour {
    /// The fill as `RRGGBB`, as Word writes colours.
    pub fn fill_hex(self) -> &'static str {
        &self.fill[1..]
    }

    /// The ink as `RRGGBB`.
    pub fn ink_hex(self) -> &'static str {
        &self.ink[1..]
    }
}

const BLACK: &str = "#000000";
const WHITE: &str = "#FFFFFF";

/// The colour of a status: progress runs from light blue (geplant) over
/// blue (in Umsetzung) to bluish green (umgesetzt); offen is orange,
/// nicht relevant grey and unbewertet white (with an outline).
pub fn status_colour(status: Status) -> StatusColour {
    let (fill, ink) = match status {
        Status::Done => ("#009E73", BLACK),
        Status::InProgress => ("#0072B2", WHITE),
        Status::Planned => ("#56B4E9", BLACK),
        Status::Open => ("#E69F00", BLACK),
        Status::NotApplicable => ("#C8C8C8", BLACK),
        Status::Unknown => (WHITE, BLACK),
    };
    StatusColour { fill, ink }
}

/// Lines and outlines (table rules, the outline of a white bar).
pub const RULE: &str = "#555555";
/// The mark of an overdue Termin.
pub const OVERDUE: &str = "#B0311B";

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance after WCAG 2.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn every_mark_is_legible_on_its_fill() {
        for status in Status::ALL {
            let colour = status_colour(status);
            let (a, b) = (luminance(colour.fill), luminance(colour.ink));
            let contrast = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(contrast >= 4.5, "{status}: {contrast:.1}");
        }
    }

    #[test]
    fn every_status_has_its_own_fill() {
        let mut fills: Vec<&str> = Status::ALL.map(|s| status_colour(s).fill).to_vec();
        fills.sort_unstable();
        fills.dedup();
        assert_eq!(fills.len(), Status::ALL.len());
        assert_eq!(status_colour(Status::Done).fill_hex(), "009E73");
    }
}
