//! T008 report-without-term: a chairmanship report's author must have chaired the whole period
//! the report covers.
//!
//! Both a report's `covers` and a chair term are read as whole units (`2007-01..2007-06` is all
//! of January through all of June), so there is no uncertainty to weigh: the covered days are
//! inside the author's terms or they are not. The terms of the reports' authors are indexed once
//! (per author: sorted and merged intervals), so each report is one binary search; the timeline
//! of every term, which names who chaired instead, is built only when a report fails.

use super::Context;
use crate::catalogue::T008;
use crate::diag::{Diagnostic, Label};
use crate::model::{ChairEntry, Chairing, EntryKind, Field};
use crate::temporal::{self, Date, Day, Extent, Interval};
use std::cell::OnceCell;
use std::collections::HashMap;

/// At most this many chairs are named in a help line.
const NAMED: usize = 3;

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let reports: Vec<_> = context
        .data
        .documents
        .iter()
        .filter(|d| d.kind.as_deref() == Some("chairmanship-report"))
        .filter_map(|d| Some((d.author.as_ref()?, d.covers.as_ref()?)))
        .collect();
    if reports.is_empty() {
        return;
    }
    let authors = || reports.iter().map(|(a, _)| a.value.as_str());
    // The days each author may have chaired, and (when a chair's dates are windows or
    // inferred) the days it certainly did.
    let served = served_by(context, authors(), false);
    let exact = context
        .data
        .chairs
        .iter()
        .all(|e| e.certain_period() == e.period());
    // A term with an inferred date may lie elsewhere: then no report is certainly unchaired.
    let any_inferred = context
        .data
        .chairs
        .iter()
        .any(|e| e.extent().is_some_and(|x| x.is_inferred()));
    let served_certainly = if exact {
        served.clone()
    } else {
        served_by(context, authors(), true)
    };
    // Who chaired when, for the help lines: built only if some report fails.
    let timeline = OnceCell::new();
    for (author, (start, end)) in reports {
        let covers = Extent {
            start: start.value,
            end: Some(end.value),
        };
        let covered = covers.whole();
        if covered.is_empty() {
            // An inverted period is T001's finding.
            continue;
        }
        if served_certainly
            .get(author.value.as_str())
            .is_some_and(|s| within(s, covered))
        {
            continue;
        }
        let served = served.get(author.value.as_str());
        // Wrong on every reading: the days the report certainly covers are not all days its
        // author may have chaired.
        let sure = covers.whole_certain();
        let on_every_reading = !sure.is_empty() && !served.is_some_and(|s| within(s, sure));
        let partly = served.is_some_and(|s| s.iter().any(|i| i.overlaps(&covered)));
        let period = format!("{}..{}", start.value, end.value);
        let who = &author.value;
        let message = if partly {
            format!(
                "`{who}` chaired only part of {period}, the period its chairmanship report covers"
            )
        } else {
            format!("`{who}` did not chair in {period}, the period its chairmanship report covers")
        };
        let (others, total) = timeline
            .get_or_init(|| Timeline::of(context))
            .during(covered);
        let help = if others.is_empty() {
            format!(
                "no chair term covers {period}: correct `covers`, or add the term to `records/chairs.yaml`"
            )
        } else {
            let mut named: Vec<String> = others.iter().map(|term| chaired(term)).collect();
            if total > others.len() {
                named.push(format!("{} more terms", total - others.len()));
            }
            format!(
                "{}: credit the report to its chair, or correct `covers` or `records/chairs.yaml`",
                named.join(", ")
            )
        };
        out.push(
            context
                .finding(
                    &T008,
                    super::certainty(
                        on_every_reading && !any_inferred,
                        &[&start.value, &end.value],
                    ),
                    message,
                    author.at,
                    "did not chair the whole period",
                )
                .with_secondary(Label::new(
                    start.at.file,
                    start.at.span,
                    format!("covers {period}"),
                ))
                .with_help(help),
        );
    }
}

/// For each of `authors`, the days it chaired, sorted and merged. A member chairs as `chair`,
/// one of `chairs`, or the seat a constituent chaired for (`on_behalf_of`).
fn served_by<'a>(
    context: &Context<'a>,
    authors: impl Iterator<Item = &'a str>,
    certainly: bool,
) -> HashMap<&'a str, Vec<Interval>> {
    let mut served: HashMap<&str, Vec<Interval>> = authors.map(|a| (a, Vec::new())).collect();
    for entry in &context.data.chairs {
        let Some(Chairing {
            chairs,
            on_behalf_of,
            ..
        }) = entry.term()
        else {
            continue;
        };
        // A planned term is not history: no report can cover it.
        if entry.planned {
            continue;
        }
        let period = if certainly {
            entry.certain_period()
        } else {
            entry.period()
        };
        let Some(period) = period.filter(|p| !p.is_empty()) else {
            continue;
        };
        // A repeated id (a seat that is also named as chair) merges away below.
        for id in chairs.iter().chain(on_behalf_of) {
            if let Some(intervals) = served.get_mut(id.value.as_str()) {
                intervals.push(period);
            }
        }
    }
    for intervals in served.values_mut() {
        *intervals = temporal::union(std::mem::take(intervals));
    }
    served
}

/// Whether `covered` lies inside one of the sorted, merged `intervals`.
fn within(intervals: &[Interval], covered: Interval) -> bool {
    let after = intervals.partition_point(|i| i.start <= covered.start);
    after > 0 && intervals[after - 1].end >= covered.end
}

/// `` `iom` chaired 2007-01..2007-06 ``, or `` `a` and `b` chaired ... `` for co-chairs.
fn chaired(term: &DatedTerm) -> String {
    let Some(Chairing { chairs, .. }) = term.entry.term() else {
        return String::new();
    };
    let ids: Vec<String> = chairs.iter().map(|c| format!("`{}`", c.value)).collect();
    let date = |d: &Option<Field<Date>>| d.as_ref().map(|f| f.value.to_string());
    format!(
        "{} chaired {}..{}",
        ids.join(" and "),
        date(&term.entry.start).unwrap_or_default(),
        date(&term.entry.end).unwrap_or_default()
    )
}

/// One chair term and the days it covers.
struct DatedTerm<'a> {
    period: Interval,
    entry: &'a ChairEntry,
}

/// Every chair term by start, to find who chaired during a period.
struct Timeline<'a> {
    by_start: Vec<DatedTerm<'a>>,
    /// `reach[i]`: the latest end among `by_start[..=i]`, to stop a backward scan early.
    reach: Vec<Day>,
}

impl<'a> Timeline<'a> {
    fn of(context: &Context<'a>) -> Timeline<'a> {
        let mut by_start: Vec<DatedTerm> = context
            .data
            .chairs
            .iter()
            .filter(|e| matches!(e.kind, EntryKind::Term { .. }))
            .filter_map(|entry| {
                let period = entry.period().filter(|p| !p.is_empty())?;
                Some(DatedTerm { period, entry })
            })
            .collect();
        by_start.sort_by_key(|t| (t.period.start, t.period.end));
        let reach = by_start
            .iter()
            .scan(Day::MIN, |latest, t| {
                *latest = (*latest).max(t.period.end);
                Some(*latest)
            })
            .collect();
        Timeline { by_start, reach }
    }

    /// The first `NAMED` terms that meet `covered`, in date order, and how many meet it.
    ///
    /// The terms starting inside `covered` are one range of `by_start`. Those starting before it
    /// and reaching into it are found by a backward scan that stops at `reach`; in records
    /// without overlapping terms that is one or two steps, and the scan is capped so that a
    /// term with a far-off end cannot make every report scan every term (the help line might
    /// then miss an earlier term, never the verdict).
    fn during(&self, covered: Interval) -> (Vec<&DatedTerm<'a>>, usize) {
        const SCAN: usize = 64;
        let first = self
            .by_start
            .partition_point(|t| t.period.start < covered.start);
        let upto = self
            .by_start
            .partition_point(|t| t.period.start <= covered.end);
        let mut earlier: Vec<&DatedTerm> = (0..first)
            .rev()
            .take(SCAN)
            .take_while(|&i| self.reach[i] >= covered.start)
            .map(|i| &self.by_start[i])
            .filter(|t| t.period.overlaps(&covered))
            .collect();
        earlier.reverse();
        let total = earlier.len() + (upto - first);
        let named = earlier
            .into_iter()
            .chain(&self.by_start[first..upto])
            .take(NAMED)
            .collect();
        (named, total)
    }
}
