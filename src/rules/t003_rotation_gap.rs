//! T003 rotation-gap: days inside a rotation regime that no chair entry covers.
//!
//! Every chair entry (a term, a vacancy or an unknown period) covers whole units, so the covered
//! days are the [`temporal::union`] of [`ChairEntry::period`]. The entries are sorted once and
//! each regime asks [`temporal::uncovered`] for what is left: `O(n log n)` in the number of
//! entries.
//!
//! This file also holds the two phrases the other chair rules share (how to name an entry and
//! how to write a run of days), so that every rule words them the same way.

use super::Context;
use crate::catalogue::T003;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{ChairEntry, EntryKind, Regime};
use crate::temporal::{self, days_in_month, Day, Interval};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    // Sorted by start (the entry after a gap) and by end (the entry before it).
    let by_start = context.dated_chairs();
    let mut by_end = by_start.to_vec();
    by_end.sort_by_key(|(p, e)| (p.end, p.start, e.index));
    // The days some entry may cover, and (when a date is a window or inferred) the days some
    // entry certainly covers.
    let runs = temporal::union(by_start.iter().map(|(p, _)| *p));
    let exact = by_start.iter().all(|(p, e)| e.certain_period() == Some(*p));
    let certain_runs = if exact {
        runs.clone()
    } else {
        temporal::union(by_start.iter().filter_map(|(_, e)| e.certain_period()))
    };
    let last_end = by_end.last().map(|(p, _)| p.end);
    let covered = group.covered();

    for regime in &group.regimes {
        let Some(from) = &regime.from else { continue };
        // An open regime is checked to the end of what the records cover; without a stated
        // end, to `--as-of`, else to the last entry (roster never reads the clock).
        let end = match (&regime.until, covered.end < Day::MAX, context.as_of) {
            (Some(until), _, _) => until.value.last_day(),
            (None, true, _) => covered.end,
            (None, false, Some(today)) => today,
            (None, false, None) => match last_end {
                Some(end) => end,
                None => continue,
            },
        };
        // Nothing is asserted outside what the records cover.
        let within = Interval::new(from.value.first_day(), end).intersection(&covered);
        if within.is_empty() {
            continue;
        }
        // The days the regime is in force on every reading of its dates.
        let sure = Interval::new(
            from.value.latest_start(),
            regime
                .until
                .as_ref()
                .map_or(end, |u| u.value.earliest_end()),
        );
        let regime_inferred = from.value.is_inferred()
            || regime.until.as_ref().is_some_and(|u| u.value.is_inferred());
        let extent = match &regime.until {
            Some(until) => format!("from `{}` until `{}`", from.value, until.value),
            None if covered.end < Day::MAX => format!(
                "from `{}`, in force to the end of the records' coverage",
                from.value
            ),
            None => format!("from `{}`, still in force", from.value),
        };
        let neighbours = |gap: Interval| {
            // The neighbours inside the regime; at its edges the regime itself is the place.
            let before = by_end.partition_point(|(p, _)| p.end < gap.start);
            let before = before
                .checked_sub(1)
                .map(|i| by_end[i].1)
                .filter(|_| gap.start > within.start);
            let after = by_start.partition_point(|(p, _)| p.start <= gap.end);
            let after = by_start
                .get(after)
                .map(|(_, e)| *e)
                .filter(|_| gap.end < within.end);
            (before, after)
        };
        let inferred = |entry: Option<&ChairEntry>| {
            entry
                .and_then(ChairEntry::extent)
                .is_some_and(|e| e.is_inferred())
        };
        // Days no entry may cover: certain gaps, unless the regime's dates or a neighbour's
        // are a window or inferred there.
        let gaps = temporal::uncovered(within, &runs);
        for &gap in &gaps {
            let (before, after) = neighbours(gap);
            let on_every_reading = sure.covers(&gap) && !inferred(before) && !inferred(after);
            let certainty = if on_every_reading && !regime_inferred {
                Certainty::Certain
            } else {
                Certainty::Possible
            };
            out.push(finding(
                context, regime, &extent, gap, before, after, certainty,
            ));
        }
        if exact {
            continue;
        }
        // Days some entry may cover but none certainly does: possible gaps.
        let possible = temporal::difference(&temporal::uncovered(within, &certain_runs), &gaps);
        for gap in possible {
            let (before, after) = neighbours(gap);
            out.push(finding(
                context,
                regime,
                &extent,
                gap,
                before,
                after,
                Certainty::Possible,
            ));
        }
    }
}

fn finding(
    context: &Context,
    regime: &Regime,
    extent: &str,
    gap: Interval,
    before: Option<&ChairEntry>,
    after: Option<&ChairEntry>,
    certainty: Certainty,
) -> Diagnostic {
    let gap_text = days(gap);
    let covers = match certainty {
        Certainty::Certain => "covers",
        Certainty::Possible => "certainly covers",
    };
    let message = format!("no chair entry {covers} {gap_text}, inside the rotation {extent}");
    let next = match after {
        Some(e) => match &e.start {
            Some(start) => format!("nothing follows until `{}`", start.value),
            None => "nothing follows until the next entry".to_string(),
        },
        None => "nothing follows before the rotation ends".to_string(),
    };
    let mut d = match before {
        Some(entry) => {
            let at = entry.end.as_ref().map_or(entry.at, |f| f.at);
            context.finding(&T003, certainty, message, at, next)
        }
        None => {
            let at = regime.from.as_ref().map_or(regime.at, |f| f.at);
            context.finding(&T003, certainty, message, at, "the rotation starts here")
        }
    };
    if let Some(entry) = after {
        let at = entry.start.as_ref().map_or(entry.at, |f| f.at);
        let label = format!("{} starts here", entry_name(entry));
        d = d.with_secondary(Label::new(at.file, at.span, label));
    } else if before.is_some() {
        let (at, label) = match &regime.until {
            Some(until) => (until.at, "the rotation runs until here"),
            None => (regime.at, "the rotation is still in force"),
        };
        d = d.with_secondary(Label::new(at.file, at.span, label));
    }
    d.with_help(format!(
        "add the entry for {gap_text}: the term of whoever chaired, a `vacant: true` entry with a \
         `reason`, or an `unknown: true` entry if no source says who chaired"
    ))
}

/// How a chair entry is named in messages: "the term of `unitar`", "the vacancy".
pub(super) fn entry_name(entry: &ChairEntry) -> String {
    match &entry.kind {
        EntryKind::Term {
            chairs,
            on_behalf_of,
            ..
        } => {
            let names: Vec<String> = chairs.iter().map(|c| format!("`{}`", c.value)).collect();
            let who = match names.len() {
                0 => return "a term".to_string(),
                1 => names[0].clone(),
                n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
            };
            let term = if entry.planned {
                "the planned term"
            } else {
                "the term"
            };
            match on_behalf_of {
                Some(seat) => format!("{term} of {who} for `{}`", seat.value),
                None => format!("{term} of {who}"),
            }
        }
        EntryKind::Vacant => "the vacancy".to_string(),
        EntryKind::Unknown => "the unknown period".to_string(),
    }
}

/// A run of days as a reader would write it: `2009-01..2009-05` or `2012-06` when it is whole
/// months, `2010-12-01..2010-12-30` or `2010-12-31` otherwise.
pub(super) fn days(interval: Interval) -> String {
    let (sy, sm, sd) = interval.start.ymd();
    let (ey, em, ed) = interval.end.ymd();
    if sd == 1 && ed == days_in_month(ey, em) {
        if (sy, sm) == (ey, em) {
            format!("{sy:04}-{sm:02}")
        } else {
            format!("{sy:04}-{sm:02}..{ey:04}-{em:02}")
        }
    } else if interval.start == interval.end {
        interval.start.to_string()
    } else {
        interval.to_string()
    }
}

/// [`days`] with its preposition: "in 2006-11", "on 2010-12-31".
pub(super) fn during(interval: Interval) -> String {
    let (_, _, sd) = interval.start.ymd();
    let (ey, em, ed) = interval.end.ymd();
    if sd == 1 && ed == days_in_month(ey, em) {
        format!("in {}", days(interval))
    } else {
        format!("on {}", days(interval))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Date;

    fn span(start: &str, end: &str) -> Interval {
        let (s, e) = (Date::parse(start), Date::parse(end));
        Interval::new(s.unwrap().first_day(), e.unwrap().last_day())
    }

    #[test]
    fn runs_of_days_are_written_as_months_when_they_can_be() {
        assert_eq!(days(span("2009-01", "2009-05")), "2009-01..2009-05");
        assert_eq!(days(span("2012-06", "2012-06")), "2012-06");
        assert_eq!(
            days(span("2010-12-01", "2010-12-30")),
            "2010-12-01..2010-12-30"
        );
        assert_eq!(days(span("2010-12-31", "2010-12-31")), "2010-12-31");
        assert_eq!(during(span("2006-11", "2006-11")), "in 2006-11");
        assert_eq!(during(span("2010-12-31", "2010-12-31")), "on 2010-12-31");
    }
}
