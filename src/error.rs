//! The tool failing, as opposed to a finding in the data.
//!
//! A problem in the records is a [`crate::diag::Diagnostic`]; an [`Error`] means roster could
//! not do its job: bad arguments, an unreadable folder, schemas that do not compile, git
//! failing. Every error ends the program with exit code 2. The [`ErrorKind`] is there for the
//! callers that need to tell errors apart (`roster diff` between two folders needs no records
//! repository around them, say); the message is what the user reads.

use std::fmt;
use std::path::Path;

/// What kind of failure an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// An argument or option that cannot be used: a date, a rule code, a path, a revision
    /// written wrongly.
    Usage,
    /// No records repository where one was looked for.
    NoRecords,
    /// A file or folder that cannot be read, or output that cannot be written.
    Io,
    /// A schema that is not JSON, breaks the meta-schema, or does not compile.
    Schema,
    /// `roster.toml` is not valid.
    Config,
    /// git failed, or a revision does not exist.
    Git,
    /// No git work tree where one was looked for, or no `git` program to read one with:
    /// `roster check` then reads the folder as it is, where `roster diff` cannot compare
    /// revisions.
    NoRepository,
}

/// The tool failing: exit code 2, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// One or more lines; a line starting with `help:` says what to do.
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn schema(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Schema, message)
    }

    pub fn config(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config, message)
    }

    pub fn git(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Git, message)
    }

    /// `cannot <what> `<path>`: <error>`.
    pub fn io(what: &str, path: &Path, error: &std::io::Error) -> Error {
        Error::new(
            ErrorKind::Io,
            format!("cannot {what} `{}`: {error}", path.display()),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
