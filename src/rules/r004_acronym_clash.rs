//! R004 acronym-clash: two members share an acronym in one language.
//!
//! Acronyms are compared trimmed and case-insensitively (`IOM`, `Iom` and ` IOM` clash), within
//! one language only: one member may well write its acronym the same way in English and French
//! (`UNESCO`), and `OIM` in French is not the same claim as `OIM` in English. One map from
//! (language, acronym) to the first member that wrote it keeps the check linear.

use super::Context;
use crate::catalogue::R004;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{Field, Member};
use std::collections::hash_map::Entry;
use std::collections::HashMap;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(&str, String), (&Member, &Field<String>)> = HashMap::new();
    for member in &context.data.members {
        for (language, acronym) in &member.acronyms {
            let key = (language.as_str(), acronym.value.trim().to_lowercase());
            match first.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert((member, acronym));
                }
                Entry::Occupied(seen) => {
                    let (other, other_acronym) = *seen.get();
                    // Two records of one member (a copied file) clash on every acronym: R001
                    // reports the duplicate id once, which is the problem to fix.
                    if member.id().is_some() && member.id() == other.id() {
                        continue;
                    }
                    out.push(clash(
                        context,
                        language,
                        member,
                        acronym,
                        other,
                        other_acronym,
                    ));
                }
            }
        }
    }
}

fn clash(
    context: &Context,
    language: &str,
    member: &Member,
    acronym: &Field<String>,
    other: &Member,
    other_acronym: &Field<String>,
) -> Diagnostic {
    context
        .finding(
            &R004,
            Certainty::Certain,
            if acronym.value.trim() == other_acronym.value.trim() {
                format!(
                    "`{}` and `{}` share the `{language}` acronym `{}`",
                    name(member),
                    name(other),
                    acronym.value.trim()
                )
            } else {
                format!(
                    "`{}` and `{}` share the `{language}` acronym `{}` (`{}` here, ignoring case)",
                    name(member),
                    name(other),
                    other_acronym.value.trim(),
                    acronym.value.trim()
                )
            },
            acronym.at,
            format!("`{}`'s `{language}` acronym", name(member)),
        )
        .with_secondary(Label::new(
            other_acronym.at.file,
            other_acronym.at.span,
            format!("already `{}`'s `{language}` acronym", name(other)),
        ))
        .with_help(format!(
            "each member needs its own acronym in each language: correct the one that is wrong (`acronym.{language}` in `records/members/{}.yaml` or `records/members/{}.yaml`)",
            member.file_stem, other.file_stem
        ))
}

/// How a member is named in messages: its id, or its file name if it has none.
fn name(member: &Member) -> &str {
    member.id().unwrap_or(&member.file_stem)
}
