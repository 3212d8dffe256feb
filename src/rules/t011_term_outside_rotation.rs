//! T011 term-outside-rotation: a chair term, or a part of one, inside the period the records
//! cover but outside every declared rotation regime.
//!
//! The regimes are read as whole units (`from: 2006` is from the first of January; an open
//! regime runs to the end of what the records cover) and joined once with [`temporal::union`];
//! each term's days inside the covered period minus that union is what no regime governs. The
//! part is certain when the term certainly covers it and no regime may cover it; a window or
//! an inferred date makes it uncertain. `O(n log n)` in the number of terms and regimes.

use super::t003_rotation_gap::{days, entry_name};
use super::Context;
use crate::catalogue::T011;
use crate::diag::{Diagnostic, Label};
use crate::model::{ChairEntry, EntryKind, Regime};
use crate::temporal::{self, Date, Day, Interval};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    let covered = group.covered();
    if covered.is_empty() {
        return;
    }
    // The days some regime may govern, and those one certainly governs.
    let span = |r: &Regime, certain: bool| -> Option<Interval> {
        let from = &r.from.as_ref()?.value;
        let (start, end) = match (&r.until, certain) {
            (Some(u), false) => (from.first_day(), u.value.last_day()),
            (Some(u), true) => (from.latest_start(), u.value.earliest_end()),
            (None, false) => (from.first_day(), Day::MAX),
            (None, true) => (from.latest_start(), Day::MAX),
        };
        Some(Interval::new(start, end))
    };
    let governed = temporal::union(group.regimes.iter().filter_map(|r| span(r, false)));
    let surely_governed = temporal::union(group.regimes.iter().filter_map(|r| span(r, true)));
    let regimes_inferred = group.regimes.iter().any(|r| {
        r.from.as_ref().is_some_and(|f| f.value.is_inferred())
            || r.until.as_ref().is_some_and(|u| u.value.is_inferred())
    });

    for entry in &context.data.chairs {
        if !matches!(entry.kind, EntryKind::Term { .. }) {
            continue;
        }
        let (Some(period), Some(certain)) = (entry.period(), entry.certain_period()) else {
            continue;
        };
        if period.is_empty() {
            // An inverted term is T001's finding.
            continue;
        }
        // Days the term may cover that no regime may govern: certain when the term certainly
        // covers them; otherwise, days no regime certainly governs are uncertain.
        let inside = period.intersection(&covered);
        let ungoverned = temporal::difference(&[inside], &governed);
        let sure = certain.intersection(&covered);
        let certainly: Vec<Interval> = ungoverned
            .iter()
            .map(|i| i.intersection(&sure))
            .filter(|i| !i.is_empty())
            .collect();
        let (part, on_every_reading) = match (certainly.first(), ungoverned.first()) {
            (Some(part), _) => (*part, true),
            (None, Some(part)) => (*part, false),
            (None, None) => match temporal::difference(&[inside], &surely_governed).first() {
                Some(part) => (*part, false),
                None => continue,
            },
        };
        let dates: Vec<&Date> = [&entry.start, &entry.end]
            .into_iter()
            .flatten()
            .map(|f| &f.value)
            .collect();
        let certainty = super::certainty(on_every_reading && !regimes_inferred, &dates);
        out.push(finding(
            context,
            entry,
            part,
            certainty,
            group.regimes.as_slice(),
        ));
    }
}

fn finding(
    context: &Context,
    entry: &ChairEntry,
    part: Interval,
    certainty: crate::diag::Certainty,
    regimes: &[Regime],
) -> Diagnostic {
    let whole = entry.period().is_some_and(|p| p == part);
    let what = match (&entry.start, &entry.end) {
        (Some(s), Some(e)) => format!("{} {}..{}", entry_name(entry), s.value, e.value),
        _ => entry_name(entry),
    };
    let message = if whole {
        format!("{what} lies outside every rotation regime")
    } else {
        format!(
            "{what} lies outside every rotation regime in {}",
            days(part)
        )
    };
    let at = entry.start.as_ref().map_or(entry.at, |f| f.at);
    let mut d = context
        .finding(
            &T011,
            certainty,
            message,
            at,
            "no rotation regime governs this term",
        )
        .with_help(
            "declare the regime in force then under `rotation:` in `records/group.yaml` (`from`, \
             `until`, `term_months`, `start_months`, `sources`), extend the one that continued, \
             or correct the term's dates",
        );
    // The regime that ended last before the term, or the first that starts after it, is where
    // a reader looks next.
    let before = regimes
        .iter()
        .filter(|r| {
            r.until
                .as_ref()
                .is_some_and(|u| u.value.last_day() < part.start)
        })
        .max_by_key(|r| r.until.as_ref().map(|u| u.value.last_day()));
    let after = regimes
        .iter()
        .filter(|r| {
            r.from
                .as_ref()
                .is_some_and(|f| f.value.first_day() > part.end)
        })
        .min_by_key(|r| r.from.as_ref().map(|f| f.value.first_day()));
    if let Some(until) = before.and_then(|r| r.until.as_ref()) {
        d = d.with_secondary(Label::new(
            until.at.file,
            until.at.span,
            "the last regime before it ends here",
        ));
    } else if let Some(from) = after.and_then(|r| r.from.as_ref()) {
        d = d.with_secondary(Label::new(
            from.at.file,
            from.at.span,
            "the next regime starts here",
        ));
    }
    d
}
