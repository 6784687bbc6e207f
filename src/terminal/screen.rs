//! Asking stdout and the environment what the output can show: the width
//! for tables and whether colour is allowed. The rules themselves are the
//! pure [`Screen::decide`].

use crate::render::screen::{Environment, Screen};
use std::io::IsTerminal;

/// Looks at stdout and the environment.
pub fn detect_screen() -> Screen {
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let var = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    #[cfg_attr(not(windows), allow(unused_mut))]
    let mut screen = Screen::decide(&Environment {
        is_terminal,
        terminal_width: is_terminal
            .then(|| terminal_size::terminal_size_of(&stdout).map(|(w, _)| w.0))
            .flatten(),
        no_color: var("NO_COLOR"),
        columns: var("COLUMNS"),
        term: var("TERM"),
    });
    // The Windows console shows colour codes only once it is asked to
    // (virtual terminal processing, Windows 10 and later); the console crate
    // asks and says whether it worked. Otherwise no colour, never `←[1m`.
    #[cfg(windows)]
    if screen.colour {
        screen.colour = dialoguer::console::colors_enabled();
    }
    screen
}
