//! T010 member-after-dissolution: nothing happens in a body after it is dissolved.
//!
//! When `records/group.yaml` sets `dissolved` (the last day, month or year of the body's
//! existence, inclusive), three kinds of record must stay inside it: a member's `joined`, a chair
//! entry (term, vacancy or unknown period: the body had a chair, or lacked one, only while it
//! existed) and a member-count claim. Dates are compared on both readings of their precision:
//! certainly after `dissolved` is an error, possibly after (a coarse date leaves room) is a
//! warning. A membership with no `left` is not reported: it ended with the body.

use super::Context;
use crate::catalogue::T010;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{EntryKind, Field};
use crate::temporal::{Date, Day};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(dissolved) = context
        .data
        .group
        .as_ref()
        .and_then(|g| g.dissolved.as_ref())
    else {
        return;
    };
    let (last, first) = (dissolved.value.last_day(), dissolved.value.first_day());
    let when = dissolved.value;
    let secondary = || {
        Label::new(
            dissolved.at.file,
            dissolved.at.span,
            "the group was dissolved here",
        )
    };
    let push = |out: &mut Vec<Diagnostic>, d: Diagnostic, certainly: bool, dates: &[&Date]| {
        let certainty = super::certainty(certainly, dates);
        out.push(d.with_secondary(secondary()).with_certainty(certainty));
    };

    let joins = context.data.members.iter().flat_map(|m| {
        m.tenures
            .iter()
            .filter_map(move |t| Some((m.id()?, t.joined.as_ref()?)))
    });
    for (id, joined) in joins {
        let certainly = joined.value.first_day() > last;
        if !certainly && joined.value.last_day() <= first {
            continue;
        }
        let (message, help) = if certainly {
            (
                format!(
                    "`{id}` joined {} {}, after the group was dissolved {} {when}",
                    joined.value.preposition(),
                    joined.value,
                    when.preposition()
                ),
                "correct `joined`, or `dissolved` in `records/group.yaml`".to_string(),
            )
        } else {
            (
                format!(
                    "`{id}` may have joined after the group was dissolved: joined {} {}, dissolved {} {when}",
                    joined.value.preposition(),
                    joined.value,
                    when.preposition()
                ),
                format!("`joined: {}` and `dissolved: {when}` overlap: give either at a finer precision if a source has it", joined.value),
            )
        };
        let label = if certainly {
            "after the dissolution"
        } else {
            "possibly after the dissolution"
        };
        push(
            out,
            context
                .finding(&T010, Certainty::Certain, message, joined.at, label)
                .with_help(help),
            certainly,
            &[&joined.value, &dissolved.value],
        );
    }

    for entry in &context.data.chairs {
        let (Some(start), Some(end)) = (&entry.start, &entry.end) else {
            continue;
        };
        let period = written(start.value, end.value);
        let what = match &entry.kind {
            EntryKind::Term { chairs, .. } => {
                let ids: Vec<String> = chairs.iter().map(|c| format!("`{}`", c.value)).collect();
                Late::Chaired(format!("{} chaired {period}", ids.join(" and ")))
            }
            EntryKind::Vacant => Late::Other(format!("the vacancy {period}")),
            EntryKind::Unknown => Late::Other(format!("the unknown period {period}")),
        };
        // Chair entries cover whole units: `start` is its first day, `end` its last.
        if let Some((d, certainly)) = period_after(
            context,
            what,
            (start, start.value.first_day()),
            (end, end.value.last_day()),
            when,
            (first, last),
        ) {
            push(
                out,
                d,
                certainly,
                &[&start.value, &end.value, &dissolved.value],
            );
        }
    }

    let claims = context.data.group.iter().flat_map(|g| &g.claims);
    for claim in claims {
        let Some(from) = &claim.from else { continue };
        // A claim without `until` covers its `from` date alone.
        let until = claim.until.as_ref().unwrap_or(from);
        let period = written(from.value, until.value);
        let what = Late::Other(format!("the claim of {} members {period}", claim.members));
        // A claim holds on every day of its period, so its dates are read as whole units too.
        if let Some((d, certainly)) = period_after(
            context,
            what,
            (from, from.value.first_day()),
            (until, until.value.last_day()),
            when,
            (first, last),
        ) {
            push(
                out,
                d,
                certainly,
                &[&from.value, &until.value, &dissolved.value],
            );
        }
    }
}

/// A finding for the period `start..end` (with its first and last days, read as whole units)
/// if it reaches past the dissolution, whose possible days are `first..=last`; with whether it
/// is certain.
///
/// A period that starts after the last day `dissolved` may mean, or ends after it, is certainly
/// wrong. One that starts after the first day is possibly wrong. One that only ends inside the
/// unit of `dissolved` (a term to `2012-12` in a body dissolved in `2012-12`) is not reported: an
/// end written to the unit of the dissolution is the ordinary way to record a term or a count
/// that ended with the body, not a sign that it outlived it.
fn period_after(
    context: &Context,
    what: Late,
    (start, start_day): (&Field<Date>, Day),
    (end, end_day): (&Field<Date>, Day),
    when: Date,
    (first, last): (Day, Day),
) -> Option<(Diagnostic, bool)> {
    let (certainly, starts_after, at) = if start_day > last {
        (true, true, start)
    } else if end_day > last {
        (true, false, end)
    } else if start_day > first {
        (false, true, start)
    } else {
        return None;
    };
    let on = when.preposition();
    let after = format!("after the group was dissolved {on} {when}");
    let past = format!("past the group's dissolution {on} {when}");
    let message = match (what, certainly, starts_after) {
        (Late::Chaired(chaired), true, true) => format!("{chaired}, {after}"),
        (Late::Chaired(chaired), true, false) => format!("{chaired}, {past}"),
        (Late::Chaired(chaired), false, _) => format!("{chaired}, possibly {after}"),
        (Late::Other(other), true, true) => format!("{other} starts {after}"),
        (Late::Other(other), true, false) => format!("{other} runs {past}"),
        (Late::Other(other), false, _) => format!("{other} may start {after}"),
    };
    let label = if certainly {
        "after the dissolution"
    } else {
        "possibly after the dissolution"
    };
    let help = if !certainly {
        format!(
            "`dissolved: {when}` may mean any day of {when}: give it at a finer precision if a source has it"
        )
    } else if starts_after {
        "remove it, or correct its dates or `dissolved` in `records/group.yaml`".to_string()
    } else {
        format!("end it by {when}, or correct `dissolved` in `records/group.yaml`")
    };
    Some((
        context
            .finding(&T010, Certainty::Certain, message, at.at, label)
            .with_help(help),
        certainly,
    ))
}

/// `2013-01..2013-06`, or `in 2012-06` for a period of one unit.
fn written(start: Date, end: Date) -> String {
    if start == end {
        format!("in {start}")
    } else {
        format!("{start}..{end}")
    }
}

/// What a dated record is, for a message.
enum Late {
    /// `` `iom` chaired 2013-01..2013-06 ``.
    Chaired(String),
    /// `the vacancy 2013-01..2013-06`, `the claim of 16 members in 2013`.
    Other(String),
}
