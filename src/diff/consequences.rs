//! The consequences of a change: findings introduced or fixed, member counts that differ on
//! some day, and days of the rotation that gain or lose a chair entry. Each is a sweep or a map
//! over the two sides as wholes.

use super::{CertaintyChange, CountChange, Finding, MemberCount, Period};
use crate::check::Side;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::Dataset;
use crate::source::Sources;
use crate::temporal::{self, Day, Headcount, Interval};
use std::collections::HashMap;

/// The findings of a change, sorted out.
pub(super) struct Findings {
    pub introduced: Vec<Finding>,
    pub fixed: Vec<Finding>,
    pub silenced: Vec<Finding>,
    pub under_silence: Vec<Finding>,
    pub became_certain: Vec<CertaintyChange>,
}

/// One finding of a side: what it says, and the silence that hides it if any.
struct Seen<'a> {
    diagnostic: &'a Diagnostic,
    silence: Option<&'a Label>,
}

/// Every finding of a side, shown or silenced.
fn seen(side: &Side) -> Vec<Seen<'_>> {
    let shown = side.diagnostics.iter().map(|d| Seen {
        diagnostic: d,
        silence: None,
    });
    let silenced = side.silenced.iter().map(|s| Seen {
        diagnostic: &s.diagnostic,
        silence: Some(&s.silence),
    });
    shown.chain(silenced).collect()
}

/// Sorts the findings of the two sides, matched by rule, message and file (so that a finding
/// moved by an edit elsewhere in its file is the same finding): shown on the new side only
/// (introduced); gone from it (fixed); shown on the old side and silenced on the new (silenced,
/// not fixed); silenced on the new side and absent from the old (new or changed under a
/// silence); and, among introduced and fixed, the uncertain findings made certain about the
/// same place.
pub(super) fn findings(sources: &Sources, old: &Side, new: &Side) -> Findings {
    let key = |d: &Diagnostic| {
        (
            d.rule.code,
            d.message.clone(),
            sources.get(d.primary.file).name.clone(),
        )
    };
    let (old_seen, new_seen) = (seen(old), seen(new));
    // The new side's findings by key, each taken once when an old finding matches it.
    let mut pool: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, n) in new_seen.iter().enumerate().rev() {
        pool.entry(key(n.diagnostic)).or_default().push(i);
    }
    let mut matched = vec![false; new_seen.len()];
    let mut out = Findings {
        introduced: Vec::new(),
        fixed: Vec::new(),
        silenced: Vec::new(),
        under_silence: Vec::new(),
        became_certain: Vec::new(),
    };
    for o in &old_seen {
        match pool.get_mut(&key(o.diagnostic)).and_then(Vec::pop) {
            Some(i) => {
                matched[i] = true;
                let n = &new_seen[i];
                match (o.silence, n.silence) {
                    // Shown before, silenced now: a silence was added over it. It is named where
                    // the new side has it, next to its silence.
                    (None, Some(silence)) => {
                        out.silenced
                            .push(finding(sources, n.diagnostic, Some(silence)));
                    }
                    // Silenced before, shown now: the silence was taken away.
                    (Some(_), None) => out.introduced.push(finding(sources, n.diagnostic, None)),
                    _ => {}
                }
            }
            None if o.silence.is_none() => out.fixed.push(finding(sources, o.diagnostic, None)),
            None => {}
        }
    }
    for (n, _) in new_seen.iter().zip(&matched).filter(|(_, m)| !**m) {
        match n.silence {
            None => out.introduced.push(finding(sources, n.diagnostic, None)),
            Some(silence) => out
                .under_silence
                .push(finding(sources, n.diagnostic, Some(silence))),
        }
    }
    // By place, whatever order the sides' files were read in: `roster diff` and `roster log`
    // list the same findings the same way.
    for list in [
        &mut out.introduced,
        &mut out.fixed,
        &mut out.silenced,
        &mut out.under_silence,
    ] {
        list.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.code, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
        });
    }
    // An uncertain finding fixed and a certain one introduced by the same rule at the same
    // place: the change made it certain.
    let mut i = 0;
    while i < out.introduced.len() {
        let now = &out.introduced[i];
        let was = out.fixed.iter().position(|f| {
            f.code == now.code
                && f.file == now.file
                && f.line == now.line
                && f.certainty == Certainty::Possible
                && now.certainty == Certainty::Certain
        });
        match was {
            Some(j) => {
                let was = out.fixed.remove(j);
                let now = out.introduced.remove(i);
                out.became_certain.push(CertaintyChange { was, now });
            }
            None => i += 1,
        }
    }
    out
}

/// A finding as a change report shows it, with where its silence is, if any.
fn finding(sources: &Sources, d: &Diagnostic, silence: Option<&Label>) -> Finding {
    let file = sources.get(d.primary.file);
    let at = file.line_col(d.primary.span.start as usize);
    Finding {
        code: d.rule.code,
        name: d.rule.name,
        severity: d.severity,
        certainty: d.certainty,
        message: d.message.clone(),
        file: file.name.clone(),
        line: at.line,
        column: at.col,
        silenced_by: silence.map(|l| {
            let file = sources.get(l.file);
            format!(
                "{}:{}",
                file.name,
                file.line_col(l.span.start as usize).line
            )
        }),
    }
}

/// The days a side's records cover (their group's life and `coverage`).
fn covered(d: &Dataset) -> Interval {
    d.group
        .as_ref()
        .map_or(Interval::new(Day::MIN, Day::MAX), |g| g.covered())
}

/// The days the records of either side cover.
fn covered_by_either(old: &Dataset, new: &Dataset) -> Interval {
    let (a, b) = (covered(old), covered(new));
    Interval::new(a.start.min(b.start), a.end.max(b.end))
}

/// Periods where the member counts of the two sides differ, within what the records cover on
/// either side (the group's life and its `coverage`): no count is reported for days before the
/// founding, after the dissolution, or that the records do not claim to hold, and a side that
/// does not cover a period has no count for it (`None`), rather than the count of members its
/// records happen to hold.
pub(super) fn count_changes(old: &Dataset, new: &Dataset) -> Vec<CountChange> {
    let within = covered_by_either(old, new);
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
    let (old_covered, new_covered) = (covered(old), covered(new));
    // Walk both step functions together over the union of their boundaries and the edges of
    // what each side covers.
    let mut bounds: Vec<Day> = a.iter().chain(&b).map(|s| s.interval.start).collect();
    for edge in [old_covered, new_covered] {
        bounds.push(edge.start);
        if edge.end < Day::MAX {
            bounds.push(edge.end.next());
        }
    }
    bounds.retain(|d| within.contains(*d));
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
        let old_count = old_covered.contains(start).then_some(MemberCount {
            certain: a[i].certain,
            possible: a[i].possible,
        });
        let new_count = new_covered.contains(start).then_some(MemberCount {
            certain: b[j].certain,
            possible: b[j].possible,
        });
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
/// Days outside what both sides' records cover are left out.
pub(super) fn coverage_changes(old: &Dataset, new: &Dataset) -> (Vec<Period>, Vec<Period>) {
    let within = covered_by_either(old, new);
    let coverage = |data: &Dataset| {
        temporal::union(
            data.chairs
                .iter()
                .filter_map(|c| c.period())
                .map(|p| p.intersection(&within)),
        )
    };
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
