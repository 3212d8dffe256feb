//! R007 name-languages: every name and acronym is given in exactly the languages the body
//! declares (`languages` in `group.yaml`).
//!
//! The loader collects every `name` and `acronym` map with its keys ([`crate::model::Localized`]);
//! each is compared with the declared set once, so the check is linear in the number of maps.
//! Without a declared set (no `group.yaml`, or no `languages` in it, which S001 reports) there is
//! nothing to compare with.

use super::Context;
use crate::catalogue::R007;
use crate::diag::{Certainty, Diagnostic};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    let declared: Vec<&str> = group.languages.iter().map(|l| l.value.as_str()).collect();
    if declared.is_empty() {
        return;
    }
    let list = declared
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ");
    for map in &context.data.localized {
        let given: Vec<&str> = map.languages.iter().map(|l| l.value.as_str()).collect();
        let missing: Vec<&str> = declared
            .iter()
            .copied()
            .filter(|l| !given.contains(l))
            .collect();
        if !missing.is_empty() {
            let names = missing
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(
                context
                    .finding(
                        &R007,
                        Certainty::Certain,
                        format!("{} is not given in {names}", map.what),
                        map.at,
                        format!("no {names}"),
                    )
                    .with_help(format!(
                        "the body keeps its names in {list} (`languages` in `records/group.yaml`): add {names}"
                    )),
            );
        }
        for extra in map
            .languages
            .iter()
            .filter(|l| !declared.contains(&l.value.as_str()))
        {
            out.push(
                context
                    .finding(
                        &R007,
                        Certainty::Certain,
                        format!(
                            "{} is given in `{}`, which is not one of the body's languages",
                            map.what, extra.value
                        ),
                        extra.at,
                        "not one of the body's languages",
                    )
                    .with_help(format!(
                        "the body keeps its names in {list}: remove `{}`, or add it to `languages` in `records/group.yaml`",
                        extra.value
                    )),
            );
        }
    }
}
