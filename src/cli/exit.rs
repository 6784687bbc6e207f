//! Exit codes, the same for every command (documented in the README).

use crate::assess::Interrupted;
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: the job was done and found nothing to complain about.
    Success,
    /// 1: a check or gate found problems (findings were printed).
    Problems,
    /// 2: kin could not do its job: usage, I/O, invalid input to a command
    /// that is not `check`.
    Failure,
    /// 130: the person pressed Ctrl-C; progress was saved.
    Interrupted,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Problems => 1,
            Outcome::Failure => 2,
            Outcome::Interrupted => 130,
        }
    }

    /// The outcome of a command's result: errors are failures, except an
    /// [`Interrupted`] error.
    pub fn of(result: &anyhow::Result<Outcome>) -> Outcome {
        match result {
            Ok(outcome) => *outcome,
            Err(e) if e.downcast_ref::<Interrupted>().is_some() => Outcome::Interrupted,
            Err(_) => Outcome::Failure,
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(outcome.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_map_to_documented_codes() {
        assert_eq!(Outcome::of(&Ok(Outcome::Success)).code(), 0);
        assert_eq!(Outcome::of(&Ok(Outcome::Problems)).code(), 1);
        assert_eq!(Outcome::of(&Err(anyhow::anyhow!("kaputt"))).code(), 2);
        assert_eq!(
            Outcome::of(&Err(anyhow::Error::new(Interrupted))).code(),
            130
        );
    }
}
