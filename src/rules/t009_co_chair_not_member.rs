//! T009 co-chair-not-member: a working group's co-chairs must be members of the body.
//!
//! A dated working group (`from`, and `until` when it was wound up) is judged against its own
//! dates: a co-chair whose membership cannot meet them was never a member while the working
//! group existed. An undated one is judged against the life of the body (`founded` ..
//! `dissolved` in `records/group.yaml`, open while not dissolved). As elsewhere, coarse dates
//! are read both ways: certainly never a member is an error, possibly never an uncertain
//! finding, and so is anything resting on an inferred date. A constituent named as co-chair is not a member itself but shares a seat, which is
//! an error naming the seat. Ids that match nothing are R002's to report.

use super::Context;
use crate::catalogue::T009;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{Field, Member};
use crate::temporal::Date;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let group = context.data.group.as_ref();
    let founded = group.and_then(|g| g.founded.as_ref());
    let dissolved = group.and_then(|g| g.dissolved.as_ref());
    for wg in &context.data.working_groups {
        let name = wg.id.as_ref().map_or("?", |f| f.value.as_str());
        for co_chair in &wg.co_chairs {
            if let Some(member) = context.member(&co_chair.value) {
                let life = match &wg.from {
                    Some(from) => Life {
                        start: Some(from),
                        end: wg.until.as_ref(),
                        whose: "the working group",
                        started: "set up",
                        ended: "wound up",
                        file: "records/working-groups.yaml",
                        start_key: "from",
                        end_key: "until",
                    },
                    None => Life {
                        start: founded,
                        end: dissolved,
                        whose: "the group",
                        started: "founded",
                        ended: "dissolved",
                        file: "records/group.yaml",
                        start_key: "founded",
                        end_key: "dissolved",
                    },
                };
                never_a_member(context, out, name, co_chair, member, &life);
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

/// What a co-chair must have been a member during: the working group's own dates, or the body's
/// life.
struct Life<'a> {
    start: Option<&'a Field<Date>>,
    end: Option<&'a Field<Date>>,
    /// "the group" or "the working group".
    whose: &'static str,
    started: &'static str,
    ended: &'static str,
    /// Where its dates are written, and their keys.
    file: &'static str,
    start_key: &'static str,
    end_key: &'static str,
}

/// Reports `co_chair` if `member`'s membership certainly or possibly never meets `life`.
fn never_a_member(
    context: &Context,
    out: &mut Vec<Diagnostic>,
    wg: &str,
    co_chair: &Field<String>,
    member: &Member,
    life: &Life,
) {
    // With several periods of membership: even the first joined after the end, or even the
    // last left before the start.
    let Some(joined) = member.first_joined() else {
        return;
    };
    let last_left = member.tenures.last().and_then(|t| t.left.as_ref());
    let id = &co_chair.value;
    let (founded, dissolved) = (life.start, life.end);
    let (whose, started, ended) = (life.whose, life.started, life.ended);
    // Joined after the body ended, or left before it began: (certainly?, member date, group date).
    let after = dissolved.and_then(|d| {
        let certainly = super::certainty(
            joined.value.first_day() > d.value.last_day(),
            &[&joined.value, &d.value],
        ) == Certainty::Certain;
        let possibly = joined.value.last_day() > d.value.first_day();
        possibly.then_some((certainly, joined, "joined", d, (ended, life.end_key)))
    });
    let before = (|| {
        let (left, f) = (last_left?, founded?);
        let certainly = super::certainty(
            left.value.last_day() < f.value.first_day(),
            &[&left.value, &f.value],
        ) == Certainty::Certain;
        let possibly = left.value.first_day() < f.value.last_day();
        possibly.then_some((certainly, left, "left", f, (started, life.start_key)))
    })();
    // A certain finding wins over a possible one.
    let found = match (after, before) {
        (Some(a), Some(b)) if b.0 && !a.0 => Some(b),
        (a, b) => a.or(b),
    };
    let Some((certainly, date, field, group_date, (event, key))) = found else {
        return;
    };
    let relation = if field == "joined" { "after" } else { "before" };
    let mut d = if certainly {
        context
            .finding(
                &T009,
                Certainty::Certain,
                format!(
                    "`{id}` co-chairs `{wg}` but was never a member while {whose} existed: it {field} in {}, {relation} {whose} was {event} in {}",
                    date.value, group_date.value
                ),
                co_chair.at,
                "never a member",
            )
            .with_help(format!(
                "name a member as co-chair, or correct `{field}` in `records/members/{}.yaml` or `{key}` in `{}`",
                member.file_stem,
                life.file
            ))
    } else {
        context
            .finding(
                &T009,
                Certainty::Possible,
                format!(
                    "`{id}` co-chairs `{wg}` but may never have been a member while {whose} existed: it {field} in {}, and {whose} was {event} in {}",
                    date.value, group_date.value
                ),
                co_chair.at,
                "possibly never a member",
            )
            .with_help(format!(
                "give `{field}` in `records/members/{}.yaml` or `{key}` in `{}` at a finer precision if a source has it",
                member.file_stem,
                life.file
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
            format!("{whose} was {event} here"),
        ));
    out.push(d);
}
