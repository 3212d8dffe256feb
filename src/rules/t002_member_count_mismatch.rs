//! T002 member-count-mismatch: a claim's member count against the memberships in its period.
//!
//! The memberships are counted once, certainly and possibly, as a step function
//! ([`Headcount::of`]); each claim reads the steps over its period. A step whose certain count is
//! above the claim, or whose possible count is below it, proves the claim and the records
//! disagree (an error). A step whose counts differ from each other, with the claim between
//! them, only possibly disagrees: a warning that names the coarse dates to blame. Each claim
//! is reported once: its first certainly wrong step, else its first possibly wrong one.

use super::t003_rotation_gap::{days, during};
use super::Context;
use crate::catalogue::T002;
use crate::diag::{Certainty, Diagnostic};
use crate::model::{Claim, Member};
use crate::temporal::{CountStep, Date, Day, Extent, Headcount, Interval};
use std::collections::HashMap;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    if group.claims.is_empty() {
        return;
    }
    let members = &context.data.members;
    let spans: Vec<Extent> = members
        .iter()
        .flat_map(|m| m.memberships().map(|(_, span)| span))
        .collect();
    let counts = Headcount::of(&spans);
    let coarse = CoarseDates::of(members);
    // An inferred membership (`joined: 2015?`) is never counted as certain; and since its
    // dates may be wrong, a count that falls short where it does not reach is only possibly
    // short.
    let inferred: Vec<Interval> = spans
        .iter()
        .filter(|e| e.is_inferred())
        .map(Extent::possible)
        .collect();
    for claim in &group.claims {
        let Some(from) = &claim.from else { continue };
        let until = claim.until.as_ref().map_or(from.value, |u| u.value);
        let claimed = Extent {
            start: from.value,
            end: Some(until),
        };
        let n = claim.members;
        // Certainly wrong: on a day the claim certainly speaks of, the certain count is above
        // it, or the possible count below it with no inferred membership that could make up.
        let certainly = counts.over(claimed.whole_certain()).into_iter().find(|s| {
            s.certain > n || (s.possible < n && inferred.iter().all(|i| i.covers(&s.interval)))
        });
        let steps = counts.over(claimed.whole());
        if let Some(step) = certainly {
            out.push(certainly_wrong(context, claim, from.value, until, &step));
        } else if let Some(step) = steps.iter().find(|s| s.certain != n || s.possible != n) {
            out.push(possibly_wrong(
                context, claim, from.value, until, step, &coarse,
            ));
        }
    }
}

/// "`un-a-68-283` claims `16` members in `2013`".
fn claim_text(claim: &Claim, from: Date, until: Date) -> String {
    let period = if from == until {
        format!("in `{from}`")
    } else {
        format!("from `{from}` to `{until}`")
    };
    if claim.derived {
        // A count the records derive themselves: a check of their own consistency.
        return format!(
            "the records' own count of `{}` members {period} (derived, not a source's statement)",
            claim.members
        );
    }
    let source = match &claim.source {
        Some(s) => format!("`{}` claims", s.value),
        None => "a claim says".to_string(),
    };
    format!("{source} `{}` members {period}", claim.members)
}

/// "`16`" or "between `14` and `16`".
fn range(step: &CountStep) -> String {
    match (step.certain, step.possible) {
        (c, p) if c == p => format!("`{c}`"),
        (c, p) => format!("between `{c}` and `{p}`"),
    }
}

fn certainly_wrong(
    context: &Context,
    claim: &Claim,
    from: Date,
    until: Date,
    step: &CountStep,
) -> Diagnostic {
    let n = claim.members;
    let records = if step.certain == step.possible {
        format!("`{}`", step.certain)
    } else if step.certain > n {
        format!("at least `{}`", step.certain)
    } else {
        format!("at most `{}`", step.possible)
    };
    let when = during(step.interval);
    let message = format!(
        "{}, but the member records have {records} {when}",
        claim_text(claim, from, until)
    );
    context
        .finding(
            &T002,
            Certainty::Certain,
            message,
            claim.at,
            format!("the records have {records} {when}"),
        )
        .with_help(format!(
            "find the member whose record is missing or whose `joined` or `left` is wrong for \
             {}, or correct the claim to what its source says",
            days(step.interval)
        ))
}

fn possibly_wrong(
    context: &Context,
    claim: &Claim,
    from: Date,
    until: Date,
    step: &CountStep,
    coarse: &CoarseDates,
) -> Diagnostic {
    let when = during(step.interval);
    let why = match coarse.explain(step.interval.start) {
        why if why.is_empty() => String::new(),
        why => format!("{why}, so "),
    };
    let message = format!(
        "{}, which is possibly wrong: {why}the count {when} is {}",
        claim_text(claim, from, until),
        range(step)
    );
    context
        .finding(
            &T002,
            Certainty::Possible,
            message,
            claim.at,
            format!("the records allow {} {when}", range(step)),
        )
        .with_help(
            "give those dates more precisely, or as windows that the sources bound; an \
             uncertain finding needs no silence",
        )
}

/// How many members joined or left on each `joined` or `left` date that stands for more than
/// one day, to say which dates make a count uncertain on a given day.
struct CoarseDates {
    /// `(is a leave date, date) -> members`, in date order.
    count: Vec<((bool, Date), usize)>,
}

impl CoarseDates {
    fn of(members: &[Member]) -> CoarseDates {
        let mut count: HashMap<(bool, Date), usize> = HashMap::new();
        for tenure in members.iter().flat_map(|m| &m.tenures) {
            let Some(joined) = &tenure.joined else {
                continue;
            };
            let dates = [(false, Some(joined)), (true, tenure.left.as_ref())];
            for (left, date) in dates {
                if let Some(date) = date.filter(|d| d.value.is_coarse()) {
                    *count.entry((left, date.value)).or_insert(0) += 1;
                }
            }
        }
        let mut count: Vec<_> = count.into_iter().collect();
        count.sort_by_key(|((left, date), _)| (*left, date.first_day(), date.last_day()));
        CoarseDates { count }
    }

    /// "`4` members joined in `2006` (year only)", for the dates that leave membership on
    /// `day` uncertain: a join date that may mean `day` or a later day, or a leave date that
    /// may mean `day` or an earlier day.
    fn explain(&self, day: Day) -> String {
        let mut parts = Vec::new();
        for &((left, date), n) in &self.count {
            let uncertain = date.first_day() <= day
                && day <= date.last_day()
                && if left {
                    day > date.first_day()
                } else {
                    day < date.last_day()
                };
            if !uncertain {
                continue;
            }
            let who = if n == 1 { "member" } else { "members" };
            let verb = if left { "left" } else { "joined" };
            let what = match date.precision() {
                "" => String::new(),
                what => format!(" ({what})"),
            };
            parts.push(format!("`{n}` {who} {verb} in `{date}`{what}"));
        }
        parts.join(" and ")
    }
}
