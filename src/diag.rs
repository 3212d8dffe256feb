//! Findings.
//!
//! A problem in the data is a [`Diagnostic`]: a value, never an `Err`. `Err` is kept for the tool
//! failing (an unreadable folder, a schema that does not compile). A diagnostic names its rule by
//! code, carries a severity, a one-line message, a primary label pointing at the offending key or
//! value, optional secondary labels (the first of two duplicate keys, say) and a `help:` line that
//! says what to do. Every output format in [`crate::report`] renders these same values.

use crate::rules::{self, Rule};
use crate::source::{FileId, Span};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in a file with what to say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: FileId, span: Span, message: impl Into<String>) -> Label {
        Label {
            file,
            span,
            message: message.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule code, such as `Y002`; always one of [`rules::CATALOGUE`].
    pub code: &'static str,
    pub severity: Severity,
    /// One line, lowercase, no trailing period, values in backticks.
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: &'static Rule, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic {
            code: rule.code,
            severity: rule.default_severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn with_secondary(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The rule this finding belongs to.
    pub fn rule(&self) -> &'static Rule {
        rules::lookup(self.code).expect("diagnostics are only made from catalogue rules")
    }
}

/// Sorts findings the way every report shows them: by file, then position, then code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.primary.file, a.primary.span.start, a.code, &a.message).cmp(&(
            b.primary.file,
            b.primary.span.start,
            b.code,
            &b.message,
        ))
    });
}

/// How many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
            }
        }
        counts
    }
}
