//! T004 rotation-overlap: two chair entries that cover the same days.
//!
//! The entries are sorted by start and swept once, keeping the one that reaches furthest so far:
//! an entry that starts on or before that end overlaps it. Each entry is reported at most once,
//! against the earlier entry it runs into, so a pile of overlaps costs one finding per entry and
//! the check stays `O(n log n)`.

use super::t003_rotation_gap::{days, during, entry_name};
use super::{Context, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::model::{ChairEntry, EntryKind};
use crate::temporal::Interval;

pub static RULE: Rule = Rule {
    code: "T004",
    name: "rotation-overlap",
    default_severity: Severity::Error,
    summary: "two entries cover the same days (co-chairs are one entry, not two)",
    explanation: "\
## What it finds

Two entries of `records/chairs.yaml` (terms, vacancies or unknown periods) that share at least
one day. Entries cover whole units: `end: 2010-01` runs through 31 January, so a next entry
starting `2010-01` overlaps it by the whole month. The later entry is reported, with a label on
the earlier one.

## Why it matters

At any day the body has one chair, one pair of co-chairs, or none. An overlap makes the answer
to \"who chaired on this date\" ambiguous, and usually comes from a term whose `end` was typed
a month late or a next term whose `start` was typed a month early. Co-chairs written as two
entries with the same dates also overlap: they are one term.

## Example

```yaml
  - chair: unitar
    start: 2009-06
    end: 2010-01      # runs through January 2010...
  - chair: undp
    start: 2010-01    # ...which UNDP's term also covers
    end: 2010-06
```

## How to fix it

Correct the `end` of the earlier entry or the `start` of the later one so that each entry
begins the day, month or year after the previous one ends. For co-chairs, write one entry with
`chairs: [first, second]` instead of two.
",
    check: Some(check),
};

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let entries = context.dated_chairs();
    let mut furthest: Option<(Interval, &ChairEntry)> = None;
    for (period, entry) in entries {
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
    context
        .finding(&RULE, message, start, label)
        .with_secondary(Label::new(
            end.file,
            end.span,
            format!("{} ends here", entry_name(earlier)),
        ))
        .with_help(help)
}
