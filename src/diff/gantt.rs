//! The chair terms around each period a change moved, for the Mermaid `gantt` chart of the
//! Markdown change report (GitHub draws Mermaid in comments and job summaries).
//!
//! A chair entry that one side has and the other does not (by who chaired, its dates, its kind
//! and whether it is planned), and the days whose chair coverage was gained or lost, are the
//! changed periods. Periods less than two years apart make one window, widened by six months on
//! each side; each window lists the entries of both sides that overlap it, the changed ones
//! marked. At most [`MAX_WINDOWS`] windows and [`MAX_BARS`] entries per side and window are
//! kept, so that the chart stays small next to the report.

use super::Period;
use crate::model::{ChairEntry, Dataset, EntryKind};
use crate::temporal::{self, Day, Interval};
use std::collections::HashSet;

/// Windows further apart than this many days are drawn apart.
const JOIN_GAP: i32 = 730;
/// How far a window reaches before and after its changed periods, in days.
const MARGIN: i32 = 183;
/// At most this many windows.
pub const MAX_WINDOWS: usize = 3;
/// At most this many entries of one side in one window.
pub const MAX_BARS: usize = 40;

/// The chart: one window per group of changed periods.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gantt {
    pub windows: Vec<Window>,
    /// Windows left out beyond [`MAX_WINDOWS`].
    pub more_windows: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub start: Day,
    pub end: Day,
    pub before: Vec<Bar>,
    pub after: Vec<Bar>,
    /// Entries left out beyond [`MAX_BARS`] on either side.
    pub more_bars: usize,
}

/// One chair entry as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// Who chaired (`iom`, `unhcr + who`), `vacant` or `unknown`.
    pub label: String,
    pub start: Day,
    /// The last day, included.
    pub end: Day,
    /// Only this side has it.
    pub changed: bool,
    pub planned: bool,
}

/// What identifies an entry across the sides.
fn signature(e: &ChairEntry) -> (String, String, String, bool) {
    let show = |d: &Option<crate::model::Field<temporal::Date>>| {
        d.as_ref().map(|f| f.value.to_string()).unwrap_or_default()
    };
    (label(e), show(&e.start), show(&e.end), e.planned)
}

fn label(e: &ChairEntry) -> String {
    match &e.kind {
        EntryKind::Term {
            chairs,
            coordinator,
            ..
        } => {
            let names: Vec<&str> = chairs.iter().map(|c| c.value.as_str()).collect();
            let mut label = names.join(" + ");
            if let Some(c) = coordinator {
                label.push_str(&format!(" (coordinated by {})", c.value));
            }
            label
        }
        EntryKind::Vacant => "vacant".to_string(),
        EntryKind::Unknown => "unknown".to_string(),
    }
}

/// The chart for a change from `old` to `new`, whose coverage changes are given; `None` when no
/// chair entry and no coverage changed.
pub fn around(old: &Dataset, new: &Dataset, gained: &[Period], lost: &[Period]) -> Option<Gantt> {
    let old_keys: HashSet<_> = old.chairs.iter().map(signature).collect();
    let new_keys: HashSet<_> = new.chairs.iter().map(signature).collect();
    let changed_old = |e: &ChairEntry| !new_keys.contains(&signature(e));
    let changed_new = |e: &ChairEntry| !old_keys.contains(&signature(e));
    let mut periods: Vec<Interval> = old
        .chairs
        .iter()
        .filter(|e| changed_old(e))
        .chain(new.chairs.iter().filter(|e| changed_new(e)))
        .filter_map(ChairEntry::period)
        .collect();
    let parse = |p: &Period| {
        let day = |text: &str| {
            let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
            let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
            Day::from_ymd(y as i32, m, d)
        };
        Some(Interval::new(day(&p.start)?, day(&p.end)?))
    };
    periods.extend(gained.iter().chain(lost).filter_map(parse));
    periods.retain(|p| p.start > Day::MIN && p.end < Day::MAX && !p.is_empty());
    if periods.is_empty() {
        return None;
    }
    periods.sort_by_key(|p| (p.start, p.end));
    let mut groups: Vec<Interval> = Vec::new();
    for p in periods {
        match groups.last_mut() {
            Some(last) if p.start.0 - last.end.0 <= JOIN_GAP => {
                last.end = last.end.max(p.end);
            }
            _ => groups.push(p),
        }
    }
    let more_windows = groups.len().saturating_sub(MAX_WINDOWS);
    let windows = groups
        .into_iter()
        .take(MAX_WINDOWS)
        .map(|g| {
            let within = Interval::new(Day(g.start.0 - MARGIN), Day(g.end.0 + MARGIN));
            let bars = |data: &Dataset, changed: &dyn Fn(&ChairEntry) -> bool| {
                let mut bars: Vec<Bar> = data
                    .chairs
                    .iter()
                    .filter_map(|e| {
                        let period = e.period()?;
                        if !period.overlaps(&within)
                            || period.start == Day::MIN
                            || period.end == Day::MAX
                        {
                            return None;
                        }
                        Some(Bar {
                            label: label(e),
                            start: period.start,
                            end: period.end,
                            changed: changed(e),
                            planned: e.planned,
                        })
                    })
                    .collect();
                bars.sort_by_key(|b| (b.start, b.end));
                bars
            };
            let mut before = bars(old, &changed_old);
            let mut after = bars(new, &changed_new);
            let more_bars =
                before.len().saturating_sub(MAX_BARS) + after.len().saturating_sub(MAX_BARS);
            before.truncate(MAX_BARS);
            after.truncate(MAX_BARS);
            Window {
                start: within.start,
                end: within.end,
                before,
                after,
                more_bars,
            }
        })
        .collect();
    Some(Gantt {
        windows,
        more_windows,
    })
}
