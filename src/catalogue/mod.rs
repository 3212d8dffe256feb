//! The rule catalogue: every rule roster can report, with what a user reads about it.
//!
//! A rule has a stable code, a kebab-case name that names the problem, a default severity, a
//! one-line summary and an explanation (what it finds, why it matters, an example, how to fix
//! it) that `roster rule CODE` prints. The explanations are the Markdown files beside this one,
//! `<CODE>.md`, so they can be read and edited as Markdown.
//!
//! This module is at the bottom of the crate and depends on nothing else in it: the YAML loader
//! reports Y-rules, schema validation S-rules, the silence policy R006, and the checks of
//! [`crate::rules`] the R- and T-rules, all by pointing at a [`Rule`] here. A finding holds a
//! `&'static Rule`, never a code to look up again.

use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// An uncertain finding, by default: counted by the reports people read, listed by the
    /// machine formats, never a failure.
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a user reads about one rule.
#[derive(Debug, PartialEq, Eq)]
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

pub static R001: Rule = Rule {
    code: "R001",
    name: "duplicate-id",
    default_severity: Severity::Error,
    summary: "two records of one kind share an id",
    explanation: include_str!("R001.md"),
};

pub static R002: Rule = Rule {
    code: "R002",
    name: "dangling-reference",
    default_severity: Severity::Error,
    summary: "a reference to a member, source, working group or document that does not exist",
    explanation: include_str!("R002.md"),
};

pub static R003: Rule = Rule {
    code: "R003",
    name: "missing-source",
    default_severity: Severity::Error,
    summary: "a fact with no source",
    explanation: include_str!("R003.md"),
};

pub static R004: Rule = Rule {
    code: "R004",
    name: "acronym-clash",
    default_severity: Severity::Error,
    summary: "two members share an acronym in one language",
    explanation: include_str!("R004.md"),
};

pub static R005: Rule = Rule {
    code: "R005",
    name: "file-name-mismatch",
    default_severity: Severity::Error,
    summary: "a member file whose name is not its id",
    explanation: include_str!("R005.md"),
};

pub static R006: Rule = Rule {
    code: "R006",
    name: "unexplained-silence",
    default_severity: Severity::Error,
    summary: "a `# roster: allow` comment without a reason, naming no rule, or silencing nothing",
    explanation: include_str!("R006.md"),
};

pub static R007: Rule = Rule {
    code: "R007",
    name: "name-languages",
    default_severity: Severity::Error,
    summary: "a name or acronym not given in exactly the languages the body declares",
    explanation: include_str!("R007.md"),
};

pub static T012: Rule = Rule {
    code: "T012",
    name: "rotation-out-of-order",
    default_severity: Severity::Error,
    summary: "a term out of the rotation's declared order, or a member chairing twice in one cycle",
    explanation: include_str!("T012.md"),
};

pub static S001: Rule = Rule {
    code: "S001",
    name: "schema-violation",
    default_severity: Severity::Error,
    summary: "the record does not match its JSON Schema",
    explanation: include_str!("S001.md"),
};

pub static S002: Rule = Rule {
    code: "S002",
    name: "unknown-file",
    default_severity: Severity::Error,
    summary: "a file under records/ that maps to no kind of record",
    explanation: include_str!("S002.md"),
};

pub static S003: Rule = Rule {
    code: "S003",
    name: "not-a-regular-file",
    default_severity: Severity::Error,
    summary: "a symbolic link, named pipe, socket, device or submodule under records/, which roster never reads",
    explanation: include_str!("S003.md"),
};

pub static T001: Rule = Rule {
    code: "T001",
    name: "inverted-interval",
    default_severity: Severity::Error,
    summary: "an end before its start",
    explanation: include_str!("T001.md"),
};

pub static T002: Rule = Rule {
    code: "T002",
    name: "member-count-mismatch",
    default_severity: Severity::Error,
    summary: "a claim's member count differs from the members active in its period",
    explanation: include_str!("T002.md"),
};

pub static T003: Rule = Rule {
    code: "T003",
    name: "rotation-gap",
    default_severity: Severity::Error,
    summary: "a period inside the rotation not covered by a term, a vacancy or an unknown entry",
    explanation: include_str!("T003.md"),
};

pub static T004: Rule = Rule {
    code: "T004",
    name: "rotation-overlap",
    default_severity: Severity::Error,
    summary: "two entries cover the same days (co-chairs are one entry, not two)",
    explanation: include_str!("T004.md"),
};

pub static T005: Rule = Rule {
    code: "T005",
    name: "irregular-term",
    default_severity: Severity::Error,
    summary:
        "a term whose length or start month breaks the rotation regime, with no `irregular:` reason",
    explanation: include_str!("T005.md"),
};

pub static T006: Rule = Rule {
    code: "T006",
    name: "chair-not-member",
    default_severity: Severity::Error,
    summary: "a chair who is not a member for the whole term",
    explanation: include_str!("T006.md"),
};

pub static T007: Rule = Rule {
    code: "T007",
    name: "joined-before-founded",
    default_severity: Severity::Error,
    summary: "a member admitted before its organisation existed",
    explanation: include_str!("T007.md"),
};

pub static T008: Rule = Rule {
    code: "T008",
    name: "report-without-term",
    default_severity: Severity::Error,
    summary: "a chairmanship report whose author did not chair the period it covers",
    explanation: include_str!("T008.md"),
};

pub static T009: Rule = Rule {
    code: "T009",
    name: "co-chair-not-member",
    default_severity: Severity::Error,
    summary: "a working group co-chair who was not a member",
    explanation: include_str!("T009.md"),
};

pub static T010: Rule = Rule {
    code: "T010",
    name: "member-after-dissolution",
    default_severity: Severity::Error,
    summary: "a membership or term after the group was dissolved",
    explanation: include_str!("T010.md"),
};

pub static T011: Rule = Rule {
    code: "T011",
    name: "term-outside-rotation",
    default_severity: Severity::Error,
    summary: "a chair term inside the covered period but outside every declared rotation regime",
    explanation: include_str!("T011.md"),
};

pub static Y001: Rule = Rule {
    code: "Y001",
    name: "yaml-syntax",
    default_severity: Severity::Error,
    summary: "the file is not valid YAML",
    explanation: include_str!("Y001.md"),
};

pub static Y002: Rule = Rule {
    code: "Y002",
    name: "duplicate-key",
    default_severity: Severity::Error,
    summary: "a mapping repeats a key",
    explanation: include_str!("Y002.md"),
};

pub static Y003: Rule = Rule {
    code: "Y003",
    name: "ambiguous-scalar",
    default_severity: Severity::Warning,
    summary: "a plain value that YAML 1.1 readers would read differently",
    explanation: include_str!("Y003.md"),
};

pub static Y004: Rule = Rule {
    code: "Y004",
    name: "unsupported-yaml",
    default_severity: Severity::Error,
    summary: "anchors, aliases, merge keys, tags, complex keys or several documents in one file",
    explanation: include_str!("Y004.md"),
};

/// Every rule, in code order.
pub static CATALOGUE: &[&Rule] = &[
    &Y001, &Y002, &Y003, &Y004, &S001, &S002, &S003, &R001, &R002, &R003, &R004, &R005, &R006,
    &R007, &T001, &T002, &T003, &T004, &T005, &T006, &T007, &T008, &T009, &T010, &T011, &T012,
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
