//! The consequences of a change: findings introduced or fixed, member counts that differ on
//! some day, and days of the rotation that gain or lose a chair entry. Each is a sweep or a map
//! over the two sides as wholes.

use super::{CountChange, Finding, MemberCount, Period};
use crate::diag::Diagnostic;
use crate::model::Dataset;
use crate::source::Sources;
use crate::temporal::{self, Day, Headcount, Interval};
use std::collections::HashMap;

/// `a` minus `b`, by `(code, message, file)`, counting repeats.
pub(super) fn finding_difference(
    sources: &Sources,
    a: &[Diagnostic],
    b: &[Diagnostic],
) -> Vec<Finding> {
    let key = |d: &Diagnostic| {
        (
            d.rule.code,
            d.message.clone(),
            sources.get(d.primary.file).name.clone(),
        )
    };
    let mut remaining: HashMap<_, usize> = HashMap::new();
    for d in b {
        *remaining.entry(key(d)).or_default() += 1;
    }
    let mut out = Vec::new();
    for d in a {
        match remaining.get_mut(&key(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                let file = sources.get(d.primary.file);
                let at = file.line_col(d.primary.span.start as usize);
                out.push(Finding {
                    code: d.rule.code,
                    name: d.rule.name,
                    severity: d.severity,
                    certainty: d.certainty,
                    message: d.message.clone(),
                    file: file.name.clone(),
                    line: at.line,
                    column: at.col,
                });
            }
        }
    }
    out
}

/// Periods where the member counts of the two sides differ, within what the records cover on
/// either side (the group's life and its `coverage`): no count is reported for days before the
/// founding, after the dissolution, or that the records do not claim to hold.
pub(super) fn count_changes(old: &Dataset, new: &Dataset) -> Vec<CountChange> {
    let covered = |d: &Dataset| {
        d.group
            .as_ref()
            .map_or(Interval::new(Day::MIN, Day::MAX), |g| g.covered())
    };
    let (a_covered, b_covered) = (covered(old), covered(new));
    let within = Interval::new(
        a_covered.start.min(b_covered.start),
        a_covered.end.max(b_covered.end),
    );
    let steps = |d: &Dataset| {
        let spans: Vec<_> = d
            .members
            .iter()
            .flat_map(|m| m.memberships().map(|(_, span)| span))
            .collect();
        Headcount::of(&spans).over(within)
    };
    let (a, b) = (steps(old), steps(new));
    if a.is_empty() || b.is_empty() {
        // Nothing covered (a coverage that ends before it starts is T001's finding).
        return Vec::new();
    }
    // Walk both step functions together over the union of their boundaries.
    let mut bounds: Vec<Day> = a.iter().chain(&b).map(|s| s.interval.start).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<CountChange> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (k, &start) in bounds.iter().enumerate() {
        while i + 1 < a.len() && a[i + 1].interval.start <= start {
            i += 1;
        }
        while j + 1 < b.len() && b[j + 1].interval.start <= start {
            j += 1;
        }
        let old_count = MemberCount {
            certain: a[i].certain,
            possible: a[i].possible,
        };
        let new_count = MemberCount {
            certain: b[j].certain,
            possible: b[j].possible,
        };
        if old_count == new_count {
            continue;
        }
        let end = bounds.get(k + 1).map(|d| d.prev()).or(Some(within.end));
        let start_text = start.to_string();
        let end_text = end.filter(|e| *e < Day::MAX).map(|e| e.to_string());
        match out.last_mut() {
            // Merge with the previous period when it continues with the same counts.
            Some(last)
                if last.old == old_count
                    && last.new == new_count
                    && last.end.as_deref() == Some(&start.prev().to_string()) =>
            {
                last.end = end_text;
            }
            _ => out.push(CountChange {
                start: start_text,
                end: end_text,
                old: old_count,
                new: new_count,
            }),
        }
    }
    out
}

/// Days of the rotation covered by a chair entry on one side only: `(gained, lost)`.
pub(super) fn coverage_changes(old: &Dataset, new: &Dataset) -> (Vec<Period>, Vec<Period>) {
    let coverage = |data: &Dataset| temporal::union(data.chairs.iter().filter_map(|c| c.period()));
    let (before, after) = (coverage(old), coverage(new));
    let periods = |runs: Vec<Interval>| runs.into_iter().map(period).collect();
    (
        periods(temporal::difference(&after, &before)),
        periods(temporal::difference(&before, &after)),
    )
}

fn period(interval: Interval) -> Period {
    Period {
        start: interval.start.to_string(),
        end: interval.end.to_string(),
    }
}
