//! Assessment files on disk: the files that arguments name, reading many at
//! once, editing one in a session, saving atomically, locking against a
//! second writer, and holding output back until it is complete.

pub mod atomic_write;
pub mod attributes;
pub mod batch;
pub mod conditional_replace;
pub mod edit_session;
pub mod held_open;
pub mod keep_access;
pub mod lock;
pub mod paths;
pub mod regular_file;
pub mod spool;
