//! T007 joined-before-founded: a member cannot join before its organisation exists.
//!
//! Both dates may be coarse. `joined` is compared with `founded` on both readings: if every day
//! `joined` may mean is before every day `founded` may mean, the member certainly joined before
//! it existed (an error); if only some day is, it possibly did (an uncertain finding naming the
//! coarse date). A constituent founded after its seat joined is not reported: the seat existed, held by
//! the constituents there were.

use super::Context;
use crate::catalogue::T007;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::temporal::Date;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for member in &context.data.members {
        // A successor state takes over a seat it did not found (the Russian Federation took the
        // USSR's seat on 1991-12-24, founded the next day): its own founding is not the seat's.
        if member.continues.is_some() {
            continue;
        }
        let (Some(id), Some(joined), Some(founded)) =
            (member.id(), member.first_joined(), &member.founded)
        else {
            continue;
        };
        let (j, f) = (&joined.value, &founded.value);
        let founded_label = Label::new(founded.at.file, founded.at.span, "founded here");
        if j.last_day() < f.first_day() {
            out.push(
                context
                    .finding(
                        &T007,
                        super::certainty(true, &[j, f]),
                        format!("`{id}` joined {} but was founded only {}", when(j), when(f)),
                        joined.at,
                        "before the organisation existed",
                    )
                    .with_secondary(founded_label)
                    .with_help(format!(
                        "check the sources, then correct `joined` or `founded`: a member cannot join before {f}"
                    )),
            );
        } else if j.first_day() < f.last_day() {
            let d = context
                .finding(
                    &T007,
                    Certainty::Possible,
                    format!(
                        "`{id}` may have joined before it was founded: joined {}, founded {}",
                        when(j),
                        when(f)
                    ),
                    joined.at,
                    format!("`{j}` may mean a day before {f}"),
                )
                .with_secondary(founded_label)
                .with_help(format!(
                    "if a source bounds the date, write it as a window on or after {f} (`{f}/{j}`); an uncertain finding needs no silence"
                ));
            out.push(d);
        }
    }
}

/// `in 2010`, `in 2010-07` or `on 2010-07-02`.
fn when(date: &Date) -> String {
    if date.is_coarse() {
        format!("in {date}")
    } else {
        format!("on {date}")
    }
}
