//! R003 missing-source: a fact with no source.
//!
//! Every place that can cite (a record, a chair entry, a name period, a rotation regime, a
//! claim) is one [`crate::model::Citations`] in the model, kept even when it cites nothing;
//! this rule reports those with no id at all. The shipped schemas already require `sources:`,
//! but a repository may relax its schemas, and the rule is what keeps "every fact has a source"
//! true whatever the schemas say. Whether the cited ids exist is R002's question.
//!
//! A citation only knows where its entry starts, so the message names the entry by looking its
//! place up among the records; that index is built only when something is missing.

use super::Context;
use crate::catalogue::R003;
use crate::diag::{Certainty, Diagnostic};
use crate::model::{Claim, Dataset, EntryKind, Field, Loc};
use crate::source::{FileId, Span};
use crate::temporal::Date;
use std::collections::HashMap;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let data = context.data;
    let mut entries: Option<HashMap<(FileId, Span), Cited>> = None;
    for citations in &data.citations {
        if !citations.ids.is_empty() {
            continue;
        }
        let entries = entries.get_or_insert_with(|| index(data));
        let (what, field) = match entries.get(&key(citations.at)) {
            Some(entry) => (entry.what.as_str(), entry.field),
            None => ("this entry", "sources"),
        };
        let help = if field == "source" {
            "add `source:` with the id of the source that makes this claim, as listed in `records/sources.yaml`"
        } else {
            "add `sources:` with the ids of the sources that support this entry, as listed in `records/sources.yaml`"
        };
        out.push(
            context
                .finding(
                    &R003,
                    Certainty::Certain,
                    format!("{what} cites no source"),
                    citations.at,
                    if field == "source" {
                        "no `source:`"
                    } else {
                        "`sources:` missing or empty"
                    },
                )
                .with_help(help),
        );
    }
}

/// What a reader calls an entry that cites, and the key it cites under.
struct Cited {
    what: String,
    field: &'static str,
}

fn key(at: Loc) -> (FileId, Span) {
    (at.file, at.span)
}

/// Every entry that cites, by where it starts.
fn index(data: &Dataset) -> HashMap<(FileId, Span), Cited> {
    let mut out = HashMap::new();
    let mut add = |at: Loc, what: String, field: &'static str| {
        out.insert(key(at), Cited { what, field });
    };
    if let Some(group) = &data.group {
        add(group.at, "the group".to_string(), "sources");
        for name in &group.names {
            add(
                name.at,
                format!("the name period{}", period(&name.from, &name.until)),
                "sources",
            );
        }
        for regime in &group.regimes {
            add(
                regime.at,
                format!("the rotation regime{}", period(&regime.from, &regime.until)),
                "sources",
            );
        }
        for claim in &group.claims {
            add(claim.at, claim_name(claim), "source");
        }
    }
    for member in &data.members {
        let id = member.id().unwrap_or(&member.file_stem);
        add(member.at, format!("the member `{id}`"), "sources");
    }
    for entry in &data.chairs {
        let when = period(&entry.start, &entry.end);
        let what = match &entry.kind {
            EntryKind::Term { chairs, .. } => {
                let who: Vec<String> = chairs.iter().map(|c| format!("`{}`", c.value)).collect();
                format!("the term of {}{when}", who.join(" and "))
            }
            EntryKind::Vacant => format!("the vacancy{when}"),
            EntryKind::Unknown => format!("the unknown period{when}"),
        };
        add(entry.at, what, "sources");
    }
    for group in &data.working_groups {
        let what = match &group.id {
            Some(id) => format!("the working group `{}`", id.value),
            None => "this working group".to_string(),
        };
        add(group.at, what, "sources");
    }
    for document in &data.documents {
        let what = match &document.id {
            Some(id) => format!("the document `{}`", id.value),
            None => "this document".to_string(),
        };
        add(document.at, what, "sources");
    }
    out
}

/// `the claim of 16 members over 2010-12..2013-12`.
fn claim_name(claim: &Claim) -> String {
    let members = match claim.members {
        1 => "1 member".to_string(),
        n => format!("{n} members"),
    };
    match (&claim.from, &claim.until) {
        // A claim without `until` covers its `from` date alone.
        (Some(from), None) => format!("the claim of {members} in {}", from.value),
        (Some(from), Some(until)) if from.value == until.value => {
            format!("the claim of {members} in {}", from.value)
        }
        (Some(from), Some(until)) => format!(
            "the claim of {members} over {}..{}",
            from.value, until.value
        ),
        (None, until) => format!("the claim of {members}{}", period(&None, until)),
    }
}

/// ` 2007-01..2007-06`, ` from 2010`, or nothing when neither end is known; with a leading
/// space, to follow the entry's name.
fn period(from: &Option<Field<Date>>, until: &Option<Field<Date>>) -> String {
    match (from, until) {
        (Some(from), Some(until)) => format!(" {}..{}", from.value, until.value),
        (Some(from), None) => format!(" from {}", from.value),
        (None, Some(until)) => format!(" until {}", until.value),
        (None, None) => String::new(),
    }
}
