//! T004 rotation-overlap: two chair entries that cover the same days.
//!
//! The entries are sorted by start and swept once, keeping the one that reaches furthest so far:
//! an entry that starts on or before that end overlaps it. Each entry is reported at most once,
//! against the earlier entry it runs into, so a pile of overlaps costs one finding per entry and
//! the check stays `O(n log n)`.

use super::t003_rotation_gap::{days, during, entry_name};
use super::Context;
use crate::catalogue::T004;
use crate::diag::{Diagnostic, Label};
use crate::model::{ChairEntry, EntryKind};
use crate::temporal::{Date, Interval};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let entries = context.dated_chairs();
    let mut furthest: Option<(Interval, &ChairEntry)> = None;
    for &(period, entry) in entries {
        if let Some((earlier_period, earlier)) = furthest {
            if period.start <= earlier_period.end {
                let shared = period.intersection(&earlier_period);
                out.push(finding(context, entry, earlier, shared));
            }
        }
        if furthest.is_none_or(|(p, _)| period.end > p.end) {
            furthest = Some((period, entry));
        }
    }
}

fn finding(
    context: &Context,
    later: &ChairEntry,
    earlier: &ChairEntry,
    shared: Interval,
) -> Diagnostic {
    let message = format!(
        "{} overlaps {} {}",
        entry_name(later),
        entry_name(earlier),
        during(shared)
    );
    let start = later.start.as_ref().map_or(later.at, |f| f.at);
    let end = earlier.end.as_ref().map_or(earlier.at, |f| f.at);
    let label = match &earlier.end {
        Some(e) => format!("starts before the earlier entry ends (`{}`)", e.value),
        None => "starts before the earlier entry ends".to_string(),
    };
    let co_chairs = matches!(
        (&later.kind, &earlier.kind),
        (EntryKind::Term { .. }, EntryKind::Term { .. })
    ) && later.period() == earlier.period();
    let help = if co_chairs {
        "if these are co-chairs, write one entry with `chairs: [first, second]`; otherwise \
         correct the dates so that one ends before the other starts"
            .to_string()
    } else {
        format!(
            "correct the `end` of the earlier entry or the `start` of the later one, so that \
             only one of them covers {}",
            days(shared)
        )
    };
    // The overlap holds on every reading when the days both entries certainly cover meet.
    let on_every_reading = match (later.certain_period(), earlier.certain_period()) {
        (Some(a), Some(b)) => a.overlaps(&b),
        _ => false,
    };
    let dates: Vec<&Date> = [&later.start, &later.end, &earlier.start, &earlier.end]
        .into_iter()
        .flatten()
        .map(|f| &f.value)
        .collect();
    context
        .finding(
            &T004,
            super::certainty(on_every_reading, &dates),
            message,
            start,
            label,
        )
        .with_secondary(Label::new(
            end.file,
            end.span,
            format!("{} ends here", entry_name(earlier)),
        ))
        .with_help(help)
}
