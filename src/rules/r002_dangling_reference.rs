//! R002 dangling-reference: every id a record names must name a record that exists.
//!
//! What a reference may name depends on where it is written: a cited source must be in
//! `sources.yaml`; a document's `author` and a term's `on_behalf_of` must be members; a chair
//! must be a member, or a constituent of the member named by `on_behalf_of`; a working-group
//! co-chair may be a member or any constituent (whether a constituent may co-chair is T009's
//! question, not a dangling reference). Lookups go through hash maps built once, so the check is
//! linear in the number of references; the closest-id suggestion is computed only for a
//! reference that fails.

use super::Context;
use crate::catalogue::R002;
use crate::diag::{Certainty, Diagnostic};
use crate::model::{Chairing, Field, Member};
use std::collections::HashSet;

/// What a reference may name.
#[derive(Clone, Copy)]
enum Target<'a> {
    Source,
    Member,
    /// A member, or a constituent of this member (a chair with `on_behalf_of`).
    MemberOrConstituentOf(&'a Member),
    /// A member or any constituent (a working-group co-chair).
    MemberOrConstituent,
}

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let data = context.data;

    // A tree with no sources file is partial (a fixture, a sketch): every citation would
    // dangle, which says nothing the reader does not know. The sources schema requires at least
    // one source, so an empty list here means the file is absent or already reported by S001.
    if !data.sources.is_empty() {
        let known: HashSet<&str> = data.sources.iter().map(|s| s.id.value.as_str()).collect();
        for citations in &data.citations {
            for id in &citations.ids {
                if !known.contains(id.value.as_str()) {
                    out.push(dangling(context, id, Target::Source));
                }
            }
        }
    }

    for entry in &data.chairs {
        let Some(Chairing {
            chairs,
            on_behalf_of,
            coordinator,
        }) = entry.term()
        else {
            continue;
        };
        // The coordinator of a seat's collective chairmanship is one of the seat's constituents.
        if let Some(coordinator) = coordinator {
            let seat = context.seat_of(&coordinator.value);
            let of_a_chair =
                seat.is_some_and(|s| chairs.iter().any(|c| Some(c.value.as_str()) == s.id()));
            if !of_a_chair {
                let chairs_named: Vec<String> =
                    chairs.iter().map(|c| format!("`{}`", c.value)).collect();
                let message = match seat {
                    Some(of) => format!(
                        "`{}` is a constituent of `{}`, which did not chair this term",
                        coordinator.value,
                        name(of)
                    ),
                    None => format!(
                        "`{}` is not a constituent of {}",
                        coordinator.value,
                        chairs_named.join(" or ")
                    ),
                };
                out.push(
                    context
                        .finding(&R002, Certainty::Certain, message, coordinator.at, "coordinator")
                        .with_help(format!(
                            "the coordinator is one of the constituents of the seat that chaired ({}), listed under `constituents:` in its member file",
                            chairs_named.join(", ")
                        )),
                );
            }
        }
        let seat = match on_behalf_of {
            None => None,
            Some(seat) => match context.member(&seat.value) {
                Some(member) => Some(member),
                None => {
                    out.push(not_a_member(context, seat, "`on_behalf_of`"));
                    // The chairs are judged against a seat that does not exist: leave them
                    // until `on_behalf_of` is fixed, rather than report the same typo twice.
                    continue;
                }
            },
        };
        for chair in chairs {
            if context.member(&chair.value).is_some() {
                continue;
            }
            match (context.seat_of(&chair.value), seat) {
                (Some(of), Some(seat)) if name(of) == name(seat) => {}
                (Some(of), Some(seat)) => out.push(
                    context
                        .finding(
                            &R002,
                            Certainty::Certain,
                            format!(
                                "`{}` is a constituent of `{}`, not of `{}`",
                                chair.value,
                                name(of),
                                name(seat)
                            ),
                            chair.at,
                            format!("a constituent of `{}`", name(of)),
                        )
                        .with_help(format!(
                            "a constituent chairs on behalf of its own seat: set `on_behalf_of: {}`, or name a constituent of `{}`",
                            name(of),
                            name(seat)
                        )),
                ),
                (Some(of), None) => out.push(
                    context
                        .finding(
                            &R002,
                            Certainty::Certain,
                            format!(
                                "`{}` is a constituent of `{}`, not a member",
                                chair.value,
                                name(of)
                            ),
                            chair.at,
                            "a constituent, chairing with no `on_behalf_of`",
                        )
                        .with_help(format!(
                            "a constituent chairs on behalf of the seat it shares: add `on_behalf_of: {}` to this term",
                            name(of)
                        )),
                ),
                (None, Some(seat)) => {
                    out.push(dangling(context, chair, Target::MemberOrConstituentOf(seat)))
                }
                (None, None) => out.push(dangling(context, chair, Target::Member)),
            }
        }
    }

    for group in &data.working_groups {
        for co_chair in &group.co_chairs {
            let id = co_chair.value.as_str();
            if context.member(id).is_none() && context.seat_of(id).is_none() {
                out.push(dangling(context, co_chair, Target::MemberOrConstituent));
            }
        }
    }

    // A seat continued (`continues`), and the members a rotation order names or skips.
    for member in &data.members {
        if let Some(predecessor) = &member.continues {
            if member.id() == Some(predecessor.value.as_str()) {
                out.push(
                    context
                        .finding(
                            &R002,
                            Certainty::Certain,
                            format!("`{}` continues its own seat", predecessor.value),
                            predecessor.at,
                            "the member itself",
                        )
                        .with_help("`continues` names the member whose seat this one took over"),
                );
            } else if context.member(&predecessor.value).is_none() {
                out.push(dangling(context, predecessor, Target::Member));
            }
        }
    }
    for regime in data.group.iter().flat_map(|g| &g.regimes) {
        let listed = regime.order.iter().flat_map(|o| &o.list);
        let skipped = regime.skipped.iter().filter_map(|s| s.member.as_ref());
        for id in listed.chain(skipped) {
            if context.member(&id.value).is_none() {
                out.push(dangling(context, id, Target::Member));
            }
        }
    }

    for document in &data.documents {
        if let Some(author) = &document.author {
            if context.member(&author.value).is_none() {
                out.push(not_a_member(context, author, "the author"));
            }
        }
    }
}

/// `reference` must be a member id and is not; `role` says what it is, for the help line.
fn not_a_member(context: &Context, reference: &Field<String>, role: &str) -> Diagnostic {
    match context.seat_of(&reference.value) {
        Some(of) => context
            .finding(
                &R002,
                Certainty::Certain,
                format!(
                    "`{}` is a constituent of `{}`, not a member",
                    reference.value,
                    name(of)
                ),
                reference.at,
                format!("a constituent of `{}`", name(of)),
            )
            .with_help(format!(
                "{role} must be a member: name the member `{}`, whose seat `{}` shares",
                name(of),
                reference.value
            )),
        None => dangling(context, reference, Target::Member),
    }
}

/// `reference` names nothing of what `target` allows.
fn dangling(context: &Context, reference: &Field<String>, target: Target) -> Diagnostic {
    let data = context.data;
    let wanted = reference.value.as_str();
    let members = || data.members.iter().filter_map(Member::id);
    let (message, label, suggestion, defined_where) = match target {
        Target::Source => (
            format!("no source has the id `{wanted}`"),
            "not in `records/sources.yaml`",
            closest(wanted, data.sources.iter().map(|s| s.id.value.as_str())),
            "sources are listed in `records/sources.yaml`: cite one listed there, or add this source to it".to_string(),
        ),
        Target::Member => (
            format!("no member has the id `{wanted}`"),
            "not a member id",
            closest(wanted, members()),
            format!(
                "members are defined in `records/members/<id>.yaml`: use the id of an existing member, or add `records/members/{wanted}.yaml`"
            ),
        ),
        Target::MemberOrConstituentOf(seat) => (
            format!(
                "no member, and no constituent of `{}`, has the id `{wanted}`",
                name(seat)
            ),
            "not a member or constituent id",
            closest(
                wanted,
                members().chain(seat.constituents.iter().map(|c| c.id.value.as_str())),
            ),
            format!(
                "constituents are listed under `constituents:` in `records/members/{}.yaml`: use one of their ids, or a member id",
                name(seat)
            ),
        ),
        Target::MemberOrConstituent => (
            format!("no member or constituent has the id `{wanted}`"),
            "not a member or constituent id",
            closest(
                wanted,
                members().chain(
                    data.members
                        .iter()
                        .flat_map(|m| &m.constituents)
                        .map(|c| c.id.value.as_str()),
                ),
            ),
            format!(
                "members are defined in `records/members/<id>.yaml` (constituents under a member's `constituents:`): use an existing id, or add `records/members/{wanted}.yaml`"
            ),
        ),
    };
    let help = match suggestion {
        Some(id) => format!("did you mean `{id}`?"),
        None => defined_where,
    };
    context
        .finding(&R002, Certainty::Certain, message, reference.at, label)
        .with_help(help)
}

/// How a member is named in messages: its id, or its file name if it has none.
fn name(member: &Member) -> &str {
    member.id().unwrap_or(&member.file_stem)
}

/// The candidate closest to `wanted`, if it is within two edits and the edits change less than
/// half of `wanted` (so `wfp` does not suggest `who`). Ties go to the alphabetically first, so
/// the suggestion does not depend on file order.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = wanted.to_lowercase();
    let len = wanted.chars().count();
    candidates
        .filter_map(|c| {
            let d = strsim::levenshtein(&wanted, &c.to_lowercase());
            (d <= 2 && d * 2 < len).then_some((d, c))
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn closest_suggests_near_ids_only() {
        let ids = ["unhcr", "unicef", "who", "iom"];
        assert_eq!(closest("unhrc", ids.into_iter()), Some("unhcr"));
        assert_eq!(closest("UNHCR", ids.into_iter()), Some("unhcr"));
        assert_eq!(closest("wfp", ids.into_iter()), None);
        assert_eq!(closest("world-bank", ids.into_iter()), None);
    }
}
