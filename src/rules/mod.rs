//! The rule catalogue.
//!
//! Every finding roster can report belongs to a rule listed here: a stable code, a kebab-case
//! name that names the problem, a default severity, a one-line summary and an explanation (what
//! it finds, why it matters, an example, how to fix it) that `roster rule CODE` prints. Each rule
//! is one file in this folder and one line in [`CATALOGUE`]; the test suite fails if a rule has no
//! explanation or no fixture folder under `tests/fixtures/rules/<CODE>/`.
//!
//! The Y-rules are enforced by the YAML loader ([`crate::yaml`]) and the S-rules by schema
//! validation ([`crate::schema`]), because they are properties of reading a file; their files
//! here hold only what a user reads about them.

use crate::diag::Severity;

mod s001_schema_violation;
mod s002_unknown_file;
mod y001_yaml_syntax;
mod y002_duplicate_key;
mod y003_ambiguous_scalar;
mod y004_unsupported_yaml;

pub use s001_schema_violation::RULE as S001;
pub use s002_unknown_file::RULE as S002;
pub use y001_yaml_syntax::RULE as Y001;
pub use y002_duplicate_key::RULE as Y002;
pub use y003_ambiguous_scalar::RULE as Y003;
pub use y004_unsupported_yaml::RULE as Y004;

/// What a user reads about one rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code: a letter for the family (Y: YAML, S: schema, R: references, T: time) and
    /// three digits. Codes are never reused.
    pub code: &'static str,
    /// Kebab-case name of the problem, such as `duplicate-key`.
    pub name: &'static str,
    pub default_severity: Severity,
    /// One line, for listings and SARIF `shortDescription`.
    pub summary: &'static str,
    /// Markdown: what it finds, why it matters, an example that fails, how to fix it.
    pub explanation: &'static str,
}

/// Every rule, in code order.
pub static CATALOGUE: &[&Rule] = &[&Y001, &Y002, &Y003, &Y004, &S001, &S002];

/// The rule with this code (case-insensitive) or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    CATALOGUE
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}
