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
//! here hold only what a user reads about them. The R-rules (references) and T-rules (time)
//! have a `check` that reads the typed model ([`crate::model`]) and nothing else. Checks must
//! stay near-linear in the number of records: index by id, sort and sweep, never compare every
//! pair.

use crate::diag::{Diagnostic, Label, Severity};
use crate::model::{ChairEntry, Dataset, Loc, Member};
use crate::temporal::{Day, Interval};
use std::collections::HashMap;

mod r001_duplicate_id;
mod r002_dangling_reference;
mod r003_missing_source;
mod r004_acronym_clash;
mod r005_file_name_mismatch;
mod r006_unexplained_silence;
mod s001_schema_violation;
mod s002_unknown_file;
mod t001_inverted_interval;
mod t002_member_count_mismatch;
mod t003_rotation_gap;
mod t004_rotation_overlap;
mod t005_irregular_term;
mod t006_chair_not_member;
mod t007_joined_before_founded;
mod t008_report_without_term;
mod t009_co_chair_not_member;
mod t010_member_after_dissolution;
mod y001_yaml_syntax;
mod y002_duplicate_key;
mod y003_ambiguous_scalar;
mod y004_unsupported_yaml;

pub use r001_duplicate_id::RULE as R001;
pub use r002_dangling_reference::RULE as R002;
pub use r003_missing_source::RULE as R003;
pub use r004_acronym_clash::RULE as R004;
pub use r005_file_name_mismatch::RULE as R005;
pub use r006_unexplained_silence::RULE as R006;
pub use s001_schema_violation::RULE as S001;
pub use s002_unknown_file::RULE as S002;
pub use t001_inverted_interval::RULE as T001;
pub use t002_member_count_mismatch::RULE as T002;
pub use t003_rotation_gap::RULE as T003;
pub use t004_rotation_overlap::RULE as T004;
pub use t005_irregular_term::RULE as T005;
pub use t006_chair_not_member::RULE as T006;
pub use t007_joined_before_founded::RULE as T007;
pub use t008_report_without_term::RULE as T008;
pub use t009_co_chair_not_member::RULE as T009;
pub use t010_member_after_dissolution::RULE as T010;
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
    /// The check over the model; `None` for the rules enforced while reading files.
    pub check: Option<Check>,
}

/// A rule's check: reads the model, pushes findings.
pub type Check = fn(&Context, &mut Vec<Diagnostic>);

/// What every check may read.
pub struct Context<'a> {
    pub data: &'a Dataset,
    /// "Today", for the rules that need it (an open-ended rotation regime runs until today).
    /// Fixed by `--as-of`; the library never reads the clock.
    pub as_of: Option<Day>,
    members: HashMap<&'a str, &'a Member>,
    /// Constituent id -> the member whose seat it shares.
    constituents: HashMap<&'a str, &'a Member>,
}

impl<'a> Context<'a> {
    pub fn new(data: &'a Dataset, as_of: Option<Day>) -> Context<'a> {
        let mut members = HashMap::new();
        let mut constituents = HashMap::new();
        for m in &data.members {
            if let Some(id) = m.id() {
                members.entry(id).or_insert(m);
            }
            for c in &m.constituents {
                constituents.entry(c.id.value.as_str()).or_insert(m);
            }
        }
        Context {
            data,
            as_of,
            members,
            constituents,
        }
    }

    /// The member with this id (the first, if an id is duplicated).
    pub fn member(&self, id: &str) -> Option<&'a Member> {
        self.members.get(id).copied()
    }

    /// The member whose seat the constituent `id` shares.
    pub fn seat_of(&self, constituent: &str) -> Option<&'a Member> {
        self.constituents.get(constituent).copied()
    }

    /// The chair entries that cover at least a day, with their periods, sorted by start (then
    /// end, then place in the file): the rotation as the coverage rules walk it.
    pub fn dated_chairs(&self) -> Vec<(Interval, &'a ChairEntry)> {
        let mut entries: Vec<(Interval, &ChairEntry)> = self
            .data
            .chairs
            .iter()
            .filter_map(|e| Some((e.period()?, e)))
            .filter(|(p, _)| !p.is_empty())
            .collect();
        entries.sort_by_key(|(p, e)| (p.start, p.end, e.index));
        entries
    }

    /// A finding of `rule` at `at`.
    pub fn finding(
        &self,
        rule: &'static Rule,
        message: impl Into<String>,
        at: Loc,
        label: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, message, Label::new(at.file, at.span, label))
    }
}

/// Runs every rule that has a check.
pub fn run(context: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in CATALOGUE {
        if let Some(check) = rule.check {
            check(context, &mut out);
        }
    }
    out
}

/// Every rule, in code order.
pub static CATALOGUE: &[&Rule] = &[
    &Y001, &Y002, &Y003, &Y004, &S001, &S002, &R001, &R002, &R003, &R004, &R005, &R006, &T001,
    &T002, &T003, &T004, &T005, &T006, &T007, &T008, &T009, &T010,
];

/// The rule with this code (case-insensitive) or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    CATALOGUE
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// The rule reference kept in `docs/rules.md`: a table of every rule, then each explanation.
/// `roster rules --format markdown` prints it, and a test fails when the file is stale.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated by `roster rules --format markdown`; do not edit by hand.\n\n\
         | code | name | default | what it finds |\n| --- | --- | --- | --- |\n",
    );
    for rule in CATALOGUE {
        out.push_str(&format!(
            "| {} | [`{}`](#{}-{}) | {} | {} |\n",
            rule.code,
            rule.name,
            rule.code.to_lowercase(),
            rule.name,
            rule.default_severity.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    for rule in CATALOGUE {
        out.push_str(&format!("\n## {} {}\n\n", rule.code, rule.name));
        // Each explanation's own headings sit one level below the rule's.
        for line in rule.explanation.lines() {
            if line.starts_with("## ") {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
