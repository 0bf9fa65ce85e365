//! Errors of the readers: each names the line and the element, column or
//! JSON value at fault.

use core::fmt;

/// An input that cannot be read in full. Entries read before the error
/// are valid; the input as a whole must not be counted as clean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// The 1-based line where reading failed (0 if not known).
    pub line: u64,
    /// Where in the structure: the element path
    /// (`arkiv/arkivdel/mappe/registrering/tittel`), a CSV column, a JSON
    /// pointer; empty if none applies.
    pub context: String,
    /// What is wrong.
    pub message: String,
}

impl ReadError {
    pub(crate) fn new(
        line: u64,
        context: impl Into<String>,
        message: impl Into<String>,
    ) -> ReadError {
        ReadError { line, context: context.into(), message: message.into() }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if !self.context.is_empty() {
            write!(f, "in {}: ", self.context)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}
