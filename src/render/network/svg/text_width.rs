//! How wide a text is in the SVG's font, so that boxes fit their labels
//! without a browser to measure them. The widths are the advance widths of
//! DejaVu Sans (regular and bold), the first font the SVG asks for; Verdana,
//! the second, has nearly the same; Arial and Segoe UI are narrower, so
//! labels fit there too.

/// Advance widths in thousandths of an em, for U+0020–U+007E.
const REGULAR_ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// For U+00A0–U+00FF (umlauts, ß, accented letters).
const REGULAR_LATIN1: [u16; 96] = [
    318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838,
    401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684,
    684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748, 787, 787, 787, 787, 787, 838,
    787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615,
    615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592,
    635, 592,
];

const BOLD_ASCII: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

const BOLD_LATIN1: [u16; 96] = [
    348, 456, 696, 696, 636, 696, 365, 500, 500, 1000, 564, 646, 838, 415, 1000, 500, 500, 838,
    438, 438, 500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035, 580, 774, 774, 774, 774,
    774, 774, 1085, 734, 683, 683, 683, 683, 372, 372, 372, 372, 838, 837, 850, 850, 850, 850, 850,
    838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675, 675, 675, 675, 675, 1048, 593, 678, 678,
    678, 678, 343, 343, 343, 343, 687, 712, 687, 687, 687, 687, 687, 838, 687, 712, 712, 712, 712,
    652, 716, 652,
];

/// Any other character: as wide as an "M" or wider, to be safe.
const OTHER: u16 = 1000;

/// The width of `text` in pixels at `size` pixels per em.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let (ascii, latin1) = if bold {
        (&BOLD_ASCII, &BOLD_LATIN1)
    } else {
        (&REGULAR_ASCII, &REGULAR_LATIN1)
    };
    let thousandths: u32 = text
        .chars()
        .map(|c| {
            let code = c as u32;
            u32::from(match code {
                0x20..=0x7e => ascii[(code - 0x20) as usize],
                0xa0..=0xff => latin1[(code - 0xa0) as usize],
                // Quotation marks and dashes of German text.
                0x2018..=0x201a => 350,
                0x201c..=0x201e => 660,
                0x2013 => 500,
                0x2026 | 0x2014 => 1000,
                _ => OTHER,
            })
        })
        .sum();
    f64::from(thousandths) * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::text_width;

    #[test]
    fn umlauts_are_as_wide_as_their_base_letters() {
        assert_eq!(text_width("ä", 10.0, false), text_width("a", 10.0, false));
        assert_eq!(text_width("Ü", 10.0, true), text_width("U", 10.0, true));
        assert!(text_width("Weiler ob Tal", 13.0, true) > text_width("Weiler ob Tal", 13.0, false));
        // "M" is 863/1000 em in DejaVu Sans.
        assert_eq!(text_width("M", 1000.0, false), 863.0);
    }
}
