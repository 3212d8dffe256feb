//! R001 duplicate-id: two records of one kind share an id.
//!
//! Members and constituents share one namespace: a constituent id stands for its seat in
//! `chairs.yaml` and `co_chairs`, so it must not be mistaken for a member or another
//! constituent. Working groups, documents and sources each have their own. Every kind is checked
//! with one map from id to its first occurrence, in reading order (files by name, entries in
//! file order), so the finding lands on the later record.

use super::Context;
use crate::catalogue::R001;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{Field, Loc};
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// The first record seen with an id.
struct First<'a> {
    what: &'a str,
    at: Loc,
}

/// Ids already seen in one namespace.
#[derive(Default)]
struct Seen<'a> {
    ids: HashMap<&'a str, First<'a>>,
}

impl<'a> Seen<'a> {
    /// Records `id` as a `what` (`member`, `constituent`, ...); reports it if already taken.
    fn add(
        &mut self,
        context: &Context,
        what: &'a str,
        id: &'a Field<String>,
        out: &mut Vec<Diagnostic>,
    ) {
        match self.ids.entry(id.value.as_str()) {
            Entry::Vacant(slot) => {
                slot.insert(First { what, at: id.at });
            }
            Entry::Occupied(first) => {
                let first = first.get();
                out.push(duplicate(context, what, id, first));
            }
        }
    }
}

fn duplicate(context: &Context, what: &str, id: &Field<String>, first: &First) -> Diagnostic {
    let (message, help) = if what == first.what {
        (
            format!("two {what}s have the id `{}`", id.value),
            format!(
                "ids are unique per kind: give this {what} an id of its own{}, or merge the two if they are the same",
                if what == "member" {
                    " and rename its file to match"
                } else {
                    ""
                }
            ),
        )
    } else {
        (
            format!(
                "the {what} id `{}` is already the id of a {}",
                id.value, first.what
            ),
            "members and constituents share one set of ids, because a constituent id stands for its seat in chairs and co-chairs: give one of them an id of its own".to_string(),
        )
    };
    context
        .finding(&R001, Certainty::Certain, message, id.at, "duplicate id")
        .with_secondary(Label::new(
            first.at.file,
            first.at.span,
            format!("first used here, by a {}", first.what),
        ))
        .with_help(help)
}

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let data = context.data;

    let mut seats = Seen::default();
    for member in &data.members {
        if let Some(id) = &member.id {
            seats.add(context, "member", id, out);
        }
        for constituent in &member.constituents {
            seats.add(context, "constituent", &constituent.id, out);
        }
    }

    let mut working_groups = Seen::default();
    for group in &data.working_groups {
        if let Some(id) = &group.id {
            working_groups.add(context, "working group", id, out);
        }
    }

    let mut documents = Seen::default();
    for document in &data.documents {
        if let Some(id) = &document.id {
            documents.add(context, "document", id, out);
        }
    }

    let mut sources = Seen::default();
    for source in &data.sources {
        sources.add(context, "source", &source.id, out);
    }
}
