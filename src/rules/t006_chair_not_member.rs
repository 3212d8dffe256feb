//! T006 chair-not-member: every chair of a term must be a member on every day of the term.
//!
//! A term covers whole units (`2007-01..2007-06` is all of January through all of June), while
//! a membership is known only to the precision of `joined` and `left`. The term is compared with
//! both readings of the membership: when the days the term certainly covers reach outside the
//! *possible* membership it is certainly wrong (an error); when the days it may cover reach
//! outside the *certain* membership it is only possibly wrong (an uncertain finding naming the
//! coarse date). Windows in the term's dates are read the same way, and an inferred date makes
//! any finding possible only. A constituent chairing for its seat (`on_behalf_of`) is checked
//! against the seat's membership. Ids that name nothing are R002's to report.

use super::Context;
use crate::catalogue::T006;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{Chairing, Field, Member, Tenure};
use crate::temporal::{Date, Extent, Interval};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &context.data.chairs {
        let Some(Chairing {
            chairs,
            on_behalf_of,
            ..
        }) = entry.term()
        else {
            continue;
        };
        let (Some(start), Some(end), Some(period)) = (&entry.start, &entry.end, entry.period())
        else {
            continue;
        };
        if period.is_empty() {
            // An inverted term is T001's finding.
            continue;
        }
        let term = TermDates {
            start: start.value,
            end: end.value,
            period,
            certain: entry.certain_period().unwrap_or(period),
        };
        let seat = on_behalf_of.and_then(|o| context.member(&o.value).map(|m| (o, m)));
        let mut seat_checked = false;
        for chair in chairs {
            if let Some(member) = context.member(&chair.value) {
                check_membership(context, out, chair, &term, member, None);
                // A member chairing "on behalf of" another seat: that seat must be a member too.
                if let Some((at, seat)) = seat.filter(|(o, _)| o.value != chair.value) {
                    if !std::mem::replace(&mut seat_checked, true) {
                        check_membership(context, out, at, &term, seat, None);
                    }
                }
            } else if let Some((_, seat)) = seat {
                check_membership(context, out, chair, &term, seat, Some(&chair.value));
            } else if let Some(seat) = context.seat_of(&chair.value) {
                check_membership(context, out, chair, &term, seat, Some(&chair.value));
            }
        }
    }
}

/// A term's dates as written and the days it covers, possibly and certainly.
struct TermDates {
    start: Date,
    end: Date,
    period: Interval,
    certain: Interval,
}

/// Reports `at` (a chair, or the seat it chaired for) if `member` was not a member on every day
/// of `term`. `constituent` is set when a constituent chaired for the seat `member`.
fn check_membership(
    context: &Context,
    out: &mut Vec<Diagnostic>,
    at: &Field<String>,
    term: &TermDates,
    member: &Member,
    constituent: Option<&str>,
) {
    let period = term.period;
    let Some(id) = member.id() else { return };
    let spans: Vec<(&Tenure, Extent)> = member.memberships().collect();
    if spans.iter().any(|(_, s)| s.certain().covers(&period)) {
        return;
    }
    // The period of membership the message speaks of: the one the term overlaps most, else
    // the nearest.
    let distance = |s: &Extent| {
        let p = s.possible();
        let shared = p.intersection(&period).days();
        let gap = if p.end < period.start {
            period.start.0 as i64 - p.end.0 as i64
        } else {
            p.start.0 as i64 - period.end.0 as i64
        };
        (std::cmp::Reverse(shared), gap.max(0))
    };
    let Some((tenure, membership)) = spans.iter().min_by_key(|(_, s)| distance(s)) else {
        return;
    };
    let Some(joined) = &tenure.joined else { return };
    let (possible, certain) = (membership.possible(), membership.certain());
    let on_every_reading = !term.certain.is_empty()
        && !spans
            .iter()
            .any(|(_, s)| s.possible().covers(&term.certain));
    let mut dates = vec![&membership.start, &term.start, &term.end];
    dates.extend(membership.end.as_ref());
    let certainty = super::certainty(on_every_reading, &dates);
    let certainly = certainty == Certainty::Certain;
    // Which end of the membership the term crosses: before joining, or after leaving.
    let early = if certainly {
        period.start < possible.start
    } else {
        period.start < certain.start
    };
    let (date, field) = match (&tenure.left, early) {
        (Some(left), false) => (left, "left"),
        _ => (joined, "joined"),
    };
    let term = format!("{}..{}", term.start, term.end);
    let who = match constituent {
        Some(c) => format!("`{c}` chaired {term} for `{id}`, which"),
        None => format!("`{id}` chaired {term} but"),
    };
    let file = format!("records/members/{}.yaml", member.file_stem);
    let mut d = if certainly {
        let what = if early {
            format!("joined only {} {}", date.value.preposition(), date.value)
        } else {
            format!("left {} {}", date.value.preposition(), date.value)
        };
        context
            .finding(&T006, Certainty::Certain, format!("{who} {what}"), at.at, "not a member then")
            .with_help(format!(
                "check the sources, then correct the term's dates, the chair, or `{field}` in `{file}`"
            ))
    } else {
        let what = if early {
            format!("may have joined after it began, in {}", date.value)
        } else {
            format!("may have left before it ended, in {}", date.value)
        };
        context
            .finding(
                &T006,
                Certainty::Possible,
                format!("{who} {what}"),
                at.at,
                "possibly not a member then",
            )
            .with_help(format!(
                "`{field}: {}` may mean any day of {}: give it at a finer precision, or as a window that a source bounds, in `{file}`; an uncertain finding needs no silence",
                date.value, date.value
            ))
    };
    d = d.with_secondary(Label::new(
        date.at.file,
        date.at.span,
        format!("`{id}` {field} here"),
    ));
    out.push(d);
}
