//! Where text output goes: how wide tables may be and whether colour is
//! allowed. The rules live in the pure [`Screen::decide`], so they can be
//! tested; the terminal layer asks stdout and the environment
//! (`terminal::screen::detect_screen`).

/// Table width when nothing better is known (a pipe or a file).
pub const DEFAULT_WIDTH: u16 = 100;
/// Narrower than this, tables become unreadable; kin uses this instead.
pub const MIN_WIDTH: u16 = 40;

/// The output's width and colour permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Columns available for tables.
    pub width: u16,
    /// Whether colour codes may be written.
    pub colour: bool,
}

/// What [`Screen::decide`] needs to know about stdout and the environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// Whether stdout is a terminal.
    pub is_terminal: bool,
    /// The terminal's width in columns, when it reports one (may be 0).
    pub terminal_width: Option<u16>,
    /// The value of `NO_COLOR`, when set.
    pub no_color: Option<String>,
    /// The value of `COLUMNS`, when set.
    pub columns: Option<String>,
    /// The value of `TERM`, when set.
    pub term: Option<String>,
}

impl Screen {
    /// The rules: width from the terminal when it reports one above 0,
    /// else from `COLUMNS`, else [`DEFAULT_WIDTH`]; never below [`MIN_WIDTH`].
    /// Colour only on a terminal, without a non-empty `NO_COLOR`
    /// (no-color.org) and not on `TERM=dumb`.
    pub fn decide(env: &Environment) -> Screen {
        let from_columns = env
            .columns
            .as_deref()
            .and_then(|c| c.trim().parse::<u16>().ok());
        let width = env
            .terminal_width
            .filter(|w| *w > 0)
            .or(from_columns.filter(|w| *w > 0))
            .unwrap_or(DEFAULT_WIDTH)
            .max(MIN_WIDTH);
        let no_color = env.no_color.as_deref().is_some_and(|v| !v.is_empty());
        let dumb = env.term.as_deref() == Some("dumb");
        Screen {
            width,
            colour: env.is_terminal && !no_color && !dumb,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal(width: u16) -> Environment {
        Environment {
            is_terminal: true,
            terminal_width: Some(width),
            ..Environment::default()
        }
    }

    #[test]
    fn a_terminal_gets_its_width_and_colour() {
        assert_eq!(
            Screen::decide(&terminal(132)),
            Screen {
                width: 132,
                colour: true
            }
        );
    }

    #[test]
    fn no_color_and_dumb_terminals_get_no_colour() {
        let mut env = terminal(80);
        env.no_color = Some("1".into());
        assert!(!Screen::decide(&env).colour);
        env.no_color = Some(String::new());
        assert!(Screen::decide(&env).colour, "an empty NO_COLOR is unset");
        env.term = Some("dumb".into());
        assert!(!Screen::decide(&env).colour);
    }

    #[test]
    fn a_pipe_gets_no_colour_and_a_sane_width() {
        let pipe = Environment::default();
        assert_eq!(
            Screen::decide(&pipe),
            Screen {
                width: DEFAULT_WIDTH,
                colour: false
            }
        );
        let columns = Environment {
            columns: Some("72".into()),
            ..Environment::default()
        };
        assert_eq!(Screen::decide(&columns).width, 72);
    }

    #[test]
    fn a_terminal_reporting_zero_or_tiny_widths_is_not_believed() {
        assert_eq!(Screen::decide(&terminal(0)).width, DEFAULT_WIDTH);
        assert_eq!(Screen::decide(&terminal(10)).width, MIN_WIDTH);
        let mut env = terminal(0);
        env.columns = Some("0".into());
        assert_eq!(Screen::decide(&env).width, DEFAULT_WIDTH);
        env.columns = Some("breit".into());
        assert_eq!(Screen::decide(&env).width, DEFAULT_WIDTH);
    }
}
