//! T009 co-chair-not-member: a working group's co-chairs must be members of the body.
//!
//! Working groups carry no dates, so a co-chair is judged against the life of the body
//! (`founded` .. `dissolved` in `records/group.yaml`, open while not dissolved): a member whose
//! membership cannot meet that life was never a member while the group existed. As elsewhere,
//! coarse dates are read both ways: certainly never a member is an error, possibly never a
//! warning. A constituent named as co-chair is not a member itself but shares a seat, which is
//! an error naming the seat. Ids that match nothing are R002's to report.

use super::Context;
use crate::catalogue::T009;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{Field, Member};
use crate::temporal::PartialDate;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let group = context.data.group.as_ref();
    let founded = group.and_then(|g| g.founded.as_ref());
    let dissolved = group.and_then(|g| g.dissolved.as_ref());
    for wg in &context.data.working_groups {
        let name = wg.id.as_ref().map_or("?", |f| f.value.as_str());
        for co_chair in &wg.co_chairs {
            if let Some(member) = context.member(&co_chair.value) {
                never_a_member(context, out, name, co_chair, member, founded, dissolved);
            } else if let Some(seat) = context.seat_of(&co_chair.value) {
                let seat_id = seat.id().unwrap_or(&seat.file_stem);
                let mut d = context
                    .finding(
                        &T009,
                        Certainty::Certain,
                        format!(
                            "`{}` co-chairs `{name}` but is not a member: it shares the seat of `{seat_id}`",
                            co_chair.value
                        ),
                        co_chair.at,
                        "a constituent, not a member",
                    )
                    .with_help(format!(
                        "name the member `{seat_id}` as co-chair, and say in `note` that `{}` acted for it",
                        co_chair.value
                    ));
                if let Some(c) = seat
                    .constituents
                    .iter()
                    .find(|c| c.id.value == co_chair.value)
                {
                    d = d.with_secondary(Label::new(
                        c.id.at.file,
                        c.id.at.span,
                        format!("a constituent of `{seat_id}`"),
                    ));
                }
                out.push(d);
            }
        }
    }
}

/// Reports `co_chair` if `member`'s membership certainly (error) or possibly (warning) never
/// meets the life of the body.
fn never_a_member(
    context: &Context,
    out: &mut Vec<Diagnostic>,
    wg: &str,
    co_chair: &Field<String>,
    member: &Member,
    founded: Option<&Field<PartialDate>>,
    dissolved: Option<&Field<PartialDate>>,
) {
    let Some(joined) = &member.joined else { return };
    let id = &co_chair.value;
    // Joined after the body ended, or left before it began: (certainly?, member date, group date).
    let after = dissolved.and_then(|d| {
        let certainly = joined.value.first_day() > d.value.last_day();
        let possibly = joined.value.last_day() > d.value.first_day();
        possibly.then_some((certainly, joined, "joined", d, "dissolved"))
    });
    let before = (|| {
        let (left, f) = (member.left.as_ref()?, founded?);
        let certainly = left.value.last_day() < f.value.first_day();
        let possibly = left.value.first_day() < f.value.last_day();
        possibly.then_some((certainly, left, "left", f, "founded"))
    })();
    // A certain finding wins over a possible one.
    let found = match (after, before) {
        (Some(a), Some(b)) if b.0 && !a.0 => Some(b),
        (a, b) => a.or(b),
    };
    let Some((certainly, date, field, group_date, event)) = found else {
        return;
    };
    let relation = if field == "joined" { "after" } else { "before" };
    let mut d = if certainly {
        context
            .finding(
                &T009,
                Certainty::Certain,
                format!(
                    "`{id}` co-chairs `{wg}` but was never a member while the group existed: it {field} in {}, {relation} the group was {event} in {}",
                    date.value, group_date.value
                ),
                co_chair.at,
                "never a member",
            )
            .with_help(format!(
                "name a member as co-chair, or correct `{field}` in `records/members/{}.yaml` or `{event}` in `records/group.yaml`",
                member.file_stem
            ))
    } else {
        context
            .finding(
                &T009,
                Certainty::Possible,
                format!(
                    "`{id}` co-chairs `{wg}` but may never have been a member while the group existed: it {field} in {}, and the group was {event} in {}",
                    date.value, group_date.value
                ),
                co_chair.at,
                "possibly never a member",
            )
            .with_help(format!(
                "give `{field}` in `records/members/{}.yaml` or `{event}` in `records/group.yaml` at a finer precision if a source has it",
                member.file_stem
            ))
    };
    d = d
        .with_secondary(Label::new(
            date.at.file,
            date.at.span,
            format!("{field} here"),
        ))
        .with_secondary(Label::new(
            group_date.at.file,
            group_date.at.span,
            format!("the group was {event} here"),
        ));
    out.push(d);
}
