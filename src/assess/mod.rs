//! The interactive walk-through behind `kin assess`, free of terminal and
//! file I/O: it asks through a [`Prompter`] and saves through a callback, so
//! whole sessions run in tests with a [`ScriptedPrompter`]. The terminal
//! side lives in [`crate::terminal`], the command in [`crate::cli::commands::assess`].
//! Behaviour for people is described in `docs/assess.md`.

pub mod item;
pub mod lines;
mod own;
pub mod own_id;
pub mod plan;
pub mod prompter;
pub mod script;
pub mod values;
mod walk;

pub use item::{EVIDENCE_SEPARATOR, PARTNER_SEPARATOR};
pub use plan::Options;
pub use prompter::{Interrupted, Prompter};
pub use script::{ScriptedAnswer, ScriptedPrompter};
pub use walk::{Save, walk};
