//! Findings.
//!
//! A problem in the data is a [`Diagnostic`]: a value, never an `Err` (`Err` is kept for the
//! tool failing, [`crate::error::Error`]). A diagnostic points at its rule in the
//! [`crate::catalogue`], carries a severity, a one-line message, a primary label pointing at
//! the offending key or value, optional secondary labels (the first of two duplicate keys, say)
//! and a `help:` line that says what to do. Every output format in [`crate::report`] renders
//! these same values.
//!
//! A finding also says how sure it is ([`Certainty`]): a rule that reasons on dates of reduced
//! precision knows whether what it found holds for every day the dates may stand for, or only
//! for some. The rule states that when it makes the finding; what severity follows is decided
//! once, by the severity policy of [`crate::check`].

use crate::catalogue::Rule;
pub use crate::catalogue::Severity;
use crate::source::{FileId, Span};
use serde::Serialize;

/// Whether a finding holds whatever the coarse dates it rests on stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Wrong on every reading of the dates.
    #[default]
    Certain,
    /// Wrong on some readings only: a coarse date leaves room for the records to be right.
    Possible,
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
    pub rule: &'static Rule,
    pub severity: Severity,
    pub certainty: Certainty,
    /// One line, lowercase, no trailing period, values in backticks.
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A certain finding of `rule` at its default severity.
    pub fn new(rule: &'static Rule, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default_severity,
            certainty: Certainty::Certain,
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

    pub fn with_certainty(mut self, certainty: Certainty) -> Diagnostic {
        self.certainty = certainty;
        self
    }

    /// The rule's code, such as `Y002`.
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// Whether this is a finding of `rule`.
    pub fn is(&self, rule: &Rule) -> bool {
        std::ptr::eq(self.rule, rule)
    }
}

/// Sorts findings the way every report shows them: by file, then position, then code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            a.primary.file,
            a.primary.span.start,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                b.primary.file,
                b.primary.span.start,
                b.rule.code,
                &b.message,
            ))
    });
}

/// How many findings of each severity; notes are the uncertain findings not shown as warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub uncertain: usize,
}

impl Tally {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Tally {
        let mut tally = Tally::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Note => tally.uncertain += 1,
            }
        }
        tally
    }
}
