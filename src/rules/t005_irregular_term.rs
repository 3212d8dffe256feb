//! T005 irregular-term: a chair term that breaks its rotation regime without saying why.
//!
//! The regime that applies is the one whose whole period holds the term's first day. A term is
//! regular when it starts in one of the regime's `start_months` and lasts `term_months` whole
//! months. Month arithmetic only makes sense for whole months, so a term written with days
//! counts as whole months only when it starts on the 1st and ends on the last day of a month.
//! Vacancies and unknown periods are not terms and are exempt. The regimes are sorted once and
//! each term finds its own by binary search.

use super::t003_rotation_gap::entry_name;
use super::Context;
use crate::catalogue::T005;
use crate::diag::{Diagnostic, Label};
use crate::model::{EntryKind, Regime};
use crate::temporal::{days_in_month, month_index, Day, Interval};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    let mut regimes: Vec<(Interval, &Regime)> = group
        .regimes
        .iter()
        .filter_map(|r| {
            let from = r.from.as_ref()?.value.first_day();
            let until = r.until.as_ref().map_or(Day::MAX, |u| u.value.last_day());
            Some((Interval::new(from, until), r))
        })
        .filter(|(p, _)| !p.is_empty())
        .collect();
    regimes.sort_by_key(|(p, _)| (p.start, p.end));

    for entry in &context.data.chairs {
        let EntryKind::Term { irregular, .. } = &entry.kind else {
            continue;
        };
        let (Some(start), Some(end), Some(period)) = (&entry.start, &entry.end, entry.period())
        else {
            continue;
        };
        if *irregular || period.is_empty() {
            continue;
        }
        // The latest-starting regime that holds the first day (regimes should not overlap).
        let after = regimes.partition_point(|(p, _)| p.start <= period.start);
        let Some((_, regime)) = regimes[..after]
            .iter()
            .rev()
            .find(|(p, _)| p.contains(period.start))
        else {
            continue;
        };

        let mut problems = Vec::new();
        let (_, first_month, first_day) = period.start.ymd();
        let (ey, em, ed) = period.end.ymd();
        let (mid_start, mid_end) = (first_day != 1, ed != days_in_month(ey, em));
        if mid_start || mid_end {
            problems.push(
                match (mid_start, mid_end) {
                    (true, true) => "starts and ends mid-month",
                    (true, false) => "starts mid-month",
                    _ => "ends mid-month",
                }
                .to_string(),
            );
        } else if regime.term_months > 0 {
            let months = month_index(period.end) - month_index(period.start) + 1;
            if months != i64::from(regime.term_months) {
                problems.push(format!(
                    "lasts `{months}` months, not `{}`",
                    regime.term_months
                ));
            }
        }
        if !regime.start_months.is_empty() && !regime.start_months.contains(&first_month) {
            problems.push(format!(
                "starts in {}, not in {}",
                MONTHS[first_month as usize - 1],
                month_list(&regime.start_months)
            ));
        }
        if problems.is_empty() {
            continue;
        }

        let message = format!(
            "{} ({}..{}) {}",
            entry_name(entry),
            start.value,
            end.value,
            problems.join(", and ")
        );
        let rule = match &regime.from {
            Some(from) => format!(
                "the rotation from `{}`: terms of `{}` months starting in {}",
                from.value,
                regime.term_months,
                month_list(&regime.start_months)
            ),
            None => "the rotation regime".to_string(),
        };
        out.push(
            context
                .finding(
                    &T005,
                    // A window or an inferred date leaves the term's length open.
                    super::certainty(
                        !start.value.window && !end.value.window,
                        &[&start.value, &end.value],
                    ),
                    message,
                    start.at,
                    "breaks the rotation",
                )
                .with_secondary(Label::new(regime.at.file, regime.at.span, rule))
                .with_help(
                    "correct `start` or `end` if they are wrong; if the term really was \
                     irregular, say why in `irregular: <reason>`",
                ),
        );
    }
}

/// "January or July", "January, April, July or October".
fn month_list(months: &[u32]) -> String {
    let mut sorted: Vec<u32> = months
        .iter()
        .copied()
        .filter(|m| (1..=12).contains(m))
        .collect();
    sorted.sort_unstable();
    let names: Vec<&str> = sorted.iter().map(|&m| MONTHS[m as usize - 1]).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}
