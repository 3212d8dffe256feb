//! The one-line summary of a change report: "1 member added, 2 fields changed in 1 chair entry;
//! 1 new error".

use super::{ChangeKind, Consequences, Finding, RecordChange};
use crate::diag::Severity;
use crate::load::workspace::Kind;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn nouns(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Group => ("group record", "group records"),
        Kind::Member => ("member", "members"),
        Kind::Chairs => ("chair entry", "chair entries"),
        Kind::WorkingGroups => ("working group", "working groups"),
        Kind::Documents => ("document", "documents"),
        Kind::Sources => ("source", "sources"),
    }
}

/// "1 member added, 2 fields changed in 1 chair entry; 1 new error".
pub(super) fn summary(changes: &[RecordChange], consequences: &Consequences) -> String {
    let mut parts = Vec::new();
    for kind in Kind::ALL {
        let (one, many) = nouns(kind);
        let of = |c: ChangeKind| {
            changes
                .iter()
                .filter(|r| r.kind == kind && r.change == c)
                .count()
        };
        for (c, verb) in [
            (ChangeKind::Added, "added"),
            (ChangeKind::Removed, "removed"),
            (ChangeKind::Renamed, "renamed"),
        ] {
            let n = of(c);
            if n > 0 {
                parts.push(format!("{} {verb}", plural(n, one, many)));
            }
        }
        let modified: Vec<&RecordChange> = changes
            .iter()
            .filter(|r| r.kind == kind && r.change == ChangeKind::Modified)
            .collect();
        if !modified.is_empty() {
            let fields: usize = modified.iter().map(|r| r.fields.len()).sum();
            parts.push(format!(
                "{} changed in {}",
                plural(fields, "field", "fields"),
                plural(modified.len(), one, many)
            ));
        }
    }
    let mut text = if parts.is_empty() {
        "no change to the records".to_string()
    } else {
        parts.join(", ")
    };
    let count = |list: &[Finding], severity| list.iter().filter(|f| f.severity == severity).count();
    let mut effects = Vec::new();
    for (list, adjective) in [
        (&consequences.introduced, "new"),
        (&consequences.fixed, "fixed"),
        (&consequences.silenced, "silenced"),
        (&consequences.under_silence, "new under a silence"),
    ] {
        for (severity, one, many) in [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
            (Severity::Note, "uncertain finding", "uncertain findings"),
        ] {
            let n = count(list, severity);
            if n > 0 {
                effects.push(if adjective == "new" {
                    format!("{n} new {}", if n == 1 { one } else { many })
                } else {
                    format!("{} {adjective}", plural(n, one, many))
                });
            }
        }
    }
    let certain = consequences.became_certain.len();
    if certain > 0 {
        effects.push(format!(
            "{} made certain",
            plural(certain, "uncertain finding", "uncertain findings")
        ));
    }
    if !consequences.member_counts.is_empty() {
        effects.push("member counts changed".into());
    }
    if !consequences.coverage_gained.is_empty() {
        effects.push("chair coverage gained".into());
    }
    if !consequences.coverage_lost.is_empty() {
        effects.push("chair coverage lost".into());
    }
    if !effects.is_empty() {
        text.push_str("; ");
        text.push_str(&effects.join(", "));
    }
    text
}
