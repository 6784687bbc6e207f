//! Dates on the command line: today's date from the system clock, and date
//! arguments such as `--due` in either form people type.

use crate::domain::date::parse_date_input;
use jiff::civil::Date;

/// Today's date in the local time zone.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// A clap value parser for date options such as `--due`.
pub fn parse_date_arg(text: &str) -> Result<Date, String> {
    parse_date_input(text).ok_or_else(|| crate::messages::invalid_date_input(text))
}
