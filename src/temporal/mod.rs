//! Dates as the sources give them and the questions asked of them, answered as *certain* and as
//! *possible*.
//!
//! A record date is `2010`, `2007-11`, `2003-04-01`, a window `2014/2016-12` or an inferred
//! `2015?` ([`Date`]), and it stands for every day it may mean: "joined 2010" means the member
//! was certainly in by 2010-12-31 and possibly from 2010-01-01. Rules reason on both answers and
//! fail only on what is certainly wrong; what is only possibly wrong is an uncertain finding.
//! Periods are kept as [`Interval`]s of days, and their union, difference and gaps are computed
//! here, once, for every rule and report.
//!
//! This module is pure: no clock, no I/O. Days are counted on the proleptic Gregorian calendar
//! as a signed number of days since 1970-01-01 ([`Day`]). The conversion is the well-known
//! civil-from-days arithmetic (a dozen lines), which is all the calendar this project needs; a
//! date-time crate would bring time zones and parsing rules we would then have to fence off.

use std::fmt;

mod date;

pub use date::{Bound, Date, DateError, PartialDate, MONTHS};

/// A calendar day, as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    pub const MIN: Day = Day(i32::MIN / 2);
    pub const MAX: Day = Day(i32::MAX / 2);

    /// The day `year-month-day`, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year } as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day((era * 146_097 + doe - 719_468) as i32))
    }

    /// `(year, month, day)` of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400) as i32 + i32::from(month <= 2);
        (year, month, day)
    }

    pub fn next(self) -> Day {
        Day(self.0 + 1)
    }

    pub fn prev(self) -> Day {
        Day(self.0 - 1)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `year * 12 + month - 1` of a day.
pub fn month_index(day: Day) -> i64 {
    let (y, m, _) = day.ymd();
    y as i64 * 12 + m as i64 - 1
}

/// The days `start..=end`. Empty when `end < start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    pub start: Day,
    pub end: Day,
}

impl Interval {
    /// No day at all.
    pub const EMPTY: Interval = Interval {
        start: Day::MAX,
        end: Day::MIN,
    };

    pub fn new(start: Day, end: Day) -> Interval {
        Interval { start, end }
    }

    pub fn is_empty(&self) -> bool {
        self.end < self.start
    }

    pub fn contains(&self, day: Day) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether every day of `other` is in `self` (an empty `other` always is).
    pub fn covers(&self, other: &Interval) -> bool {
        other.is_empty() || (self.start <= other.start && other.end <= self.end)
    }

    pub fn intersection(&self, other: &Interval) -> Interval {
        Interval::new(self.start.max(other.start), self.end.min(other.end))
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        !self.intersection(other).is_empty()
    }

    pub fn days(&self) -> i64 {
        if self.is_empty() {
            0
        } else {
            self.end.0 as i64 - self.start.0 as i64 + 1
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A period between two reduced-precision dates, such as a membership (`joined`, `left`).
/// `end: None` is open-ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    pub start: Date,
    pub end: Option<Date>,
}

impl Extent {
    /// The days certainly inside: from the last day `start` may mean to the first day `end`
    /// may mean. Empty when the dates are too coarse to be sure of any day, or inferred.
    pub fn certain(&self) -> Interval {
        if self.is_inferred() {
            return Interval::EMPTY;
        }
        Interval::new(
            self.start.last_day(),
            self.end.map_or(Day::MAX, |e| e.first_day()),
        )
    }

    /// The days possibly inside: from the first day `start` may mean to the last day `end`
    /// may mean.
    pub fn possible(&self) -> Interval {
        Interval::new(
            self.start.first_day(),
            self.end.map_or(Day::MAX, |e| e.last_day()),
        )
    }

    /// A period read as whole units: from the first day of `start` through the last day of
    /// `end`. This is how a chair term `2007-01..2007-06` is meant: all of January to all of
    /// June. With windows, these are the days the period possibly covers.
    pub fn whole(&self) -> Interval {
        self.possible()
    }

    /// The days a period read as whole units certainly covers: from the start of the latest unit
    /// `start` may be to the end of the earliest unit `end` may be. The same as
    /// [`Extent::whole`] unless a date is a window; empty when a date is inferred.
    pub fn whole_certain(&self) -> Interval {
        if self.is_inferred() {
            return Interval::EMPTY;
        }
        Interval::new(
            self.start.latest_start(),
            self.end.map_or(Day::MAX, |e| e.earliest_end()),
        )
    }

    /// Whether a date of the period is inferred (`2015?`).
    pub fn is_inferred(&self) -> bool {
        self.start.is_inferred() || self.end.is_some_and(|e| e.is_inferred())
    }
}

/// How many of a set of spans hold on each day, certainly and possibly, as a step function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headcount {
    /// `(first day, certain, possible)`; each step lasts until the next one starts. The first
    /// step starts at [`Day::MIN`] with zero counts.
    steps: Vec<(Day, usize, usize)>,
}

/// A count that holds over `interval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountStep {
    pub interval: Interval,
    pub certain: usize,
    pub possible: usize,
}

impl Headcount {
    /// Sweeps the spans once: `O(n log n)` in their number.
    pub fn of(spans: &[Extent]) -> Headcount {
        // (day, certain delta, possible delta), applied at the start of `day`.
        let mut events: Vec<(Day, i64, i64)> = Vec::with_capacity(spans.len() * 4);
        for span in spans {
            let certain = span.certain();
            if !certain.is_empty() {
                events.push((certain.start, 1, 0));
                if certain.end < Day::MAX {
                    events.push((certain.end.next(), -1, 0));
                }
            }
            let possible = span.possible();
            if !possible.is_empty() {
                events.push((possible.start, 0, 1));
                if possible.end < Day::MAX {
                    events.push((possible.end.next(), 0, -1));
                }
            }
        }
        events.sort_unstable_by_key(|e| e.0);
        let mut steps = vec![(Day::MIN, 0, 0)];
        let (mut certain, mut possible) = (0i64, 0i64);
        let mut i = 0;
        while i < events.len() {
            let day = events[i].0;
            while i < events.len() && events[i].0 == day {
                certain += events[i].1;
                possible += events[i].2;
                i += 1;
            }
            steps.push((day, certain as usize, possible as usize));
        }
        Headcount { steps }
    }

    /// The counts on one day.
    pub fn on(&self, day: Day) -> (usize, usize) {
        let i = self.steps.partition_point(|s| s.0 <= day) - 1;
        (self.steps[i].1, self.steps[i].2)
    }

    /// The steps that meet `interval`, clipped to it, in date order.
    pub fn over(&self, interval: Interval) -> Vec<CountStep> {
        let mut out = Vec::new();
        if interval.is_empty() {
            return out;
        }
        let first = self.steps.partition_point(|s| s.0 <= interval.start) - 1;
        for (i, &(start, certain, possible)) in self.steps.iter().enumerate().skip(first) {
            if start > interval.end {
                break;
            }
            let end = self.steps.get(i + 1).map_or(Day::MAX, |s| s.0.prev());
            let clipped = Interval::new(start, end).intersection(&interval);
            if !clipped.is_empty() {
                out.push(CountStep {
                    interval: clipped,
                    certain,
                    possible,
                });
            }
        }
        out
    }
}

/// The union of `intervals` as sorted, disjoint runs; runs that touch (one ends the day before
/// the next starts) are merged. Empty intervals are dropped. `O(n log n)`.
pub fn union(intervals: impl IntoIterator<Item = Interval>) -> Vec<Interval> {
    let mut sorted: Vec<Interval> = intervals.into_iter().filter(|i| !i.is_empty()).collect();
    sorted.sort_unstable_by_key(|i| (i.start, i.end));
    let mut runs: Vec<Interval> = Vec::with_capacity(sorted.len());
    for interval in sorted {
        match runs.last_mut() {
            Some(last) if interval.start <= last.end.next() => {
                last.end = last.end.max(interval.end);
            }
            _ => runs.push(interval),
        }
    }
    runs
}

/// The days of `a` that are not in `b`, as sorted, disjoint runs. Both must be sorted,
/// disjoint runs, as [`union`] gives them. `O(|a| + |b|)`.
pub fn difference(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::new();
    let mut j = 0;
    for &interval in a {
        let mut next = interval.start;
        while j < b.len() && b[j].end < next {
            j += 1;
        }
        let mut k = j;
        while next <= interval.end {
            match b.get(k) {
                Some(cut) if cut.start <= interval.end => {
                    if cut.start > next {
                        out.push(Interval::new(next, cut.start.prev()));
                    }
                    next = next.max(cut.end.next());
                    k += 1;
                }
                _ => {
                    out.push(Interval::new(next, interval.end));
                    break;
                }
            }
        }
    }
    out
}

/// Parts of `within` that no interval of `covered` covers, in date order: the gaps of a
/// coverage. `O(n log n)`.
pub fn uncovered(within: Interval, covered: &[Interval]) -> Vec<Interval> {
    if within.is_empty() {
        return Vec::new();
    }
    difference(&[within], &union(covered.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn reduced_precision_dates_cover_their_days() {
        assert_eq!(date("2010").span().to_string(), "2010-01-01..2010-12-31");
        assert_eq!(date("2008-02").span().to_string(), "2008-02-01..2008-02-29");
        assert_eq!(date("1900-02").last_day().to_string(), "1900-02-28");
        assert_eq!(date("2000-02").last_day().to_string(), "2000-02-29");
        assert_eq!(date("2003-04-01").span().days(), 1);
        assert!(PartialDate::parse("2003-02-30").is_none());
        assert!(PartialDate::parse("2010-13").is_none());
        assert!(PartialDate::parse("210").is_none());
        assert!(PartialDate::parse("2010-1").is_none());
        assert_eq!(Date::year(2010), Some(date("2010")));
        assert_eq!(PartialDate::of_year(210), None);
    }

    #[test]
    fn membership_is_certain_only_after_the_whole_join_date() {
        let who = Extent {
            start: date("2010"),
            end: None,
        };
        let day = PartialDate::parse("2010-09-01").unwrap().first_day();
        assert!(!who.certain().contains(day));
        assert!(who.possible().contains(day));
        assert!(who.certain().contains(date("2011").first_day()));
    }

    #[test]
    fn counts_sweep_certain_and_possible() {
        let spans = [
            Extent {
                start: date("2003-04"),
                end: None,
            },
            Extent {
                start: date("2010"),
                end: None,
            },
            Extent {
                start: date("2006"),
                end: Some(date("2008")),
            },
        ];
        let counts = Headcount::of(&spans);
        assert_eq!(counts.on(date("2010-09-01").first_day()), (1, 2));
        assert_eq!(counts.on(date("2007-01-01").first_day()), (2, 2));
        assert_eq!(counts.on(date("2008-06-01").first_day()), (1, 2));
        assert_eq!(counts.on(date("2002-01-01").first_day()), (0, 0));
        let steps = counts.over(date("2010").span());
        assert_eq!(
            steps.first().unwrap().interval.start,
            date("2010").first_day()
        );
        assert_eq!(steps.last().unwrap().interval.end, date("2010").last_day());
    }

    #[test]
    fn differences_of_runs_are_exact() {
        let a = vec![Interval::new(
            date("2006-01").first_day(),
            date("2006-12").last_day(),
        )];
        let b = union([
            Interval::new(date("2006-06").first_day(), date("2006-07").last_day()),
            Interval::new(date("2006-01").first_day(), date("2006-03").last_day()),
        ]);
        assert_eq!(
            difference(&a, &b),
            vec![
                Interval::new(date("2006-04").first_day(), date("2006-05").last_day()),
                Interval::new(date("2006-08").first_day(), date("2006-12").last_day()),
            ]
        );
        assert!(difference(&b, &a).is_empty());
        let touching = union([
            Interval::new(date("2006-01").first_day(), date("2006-06").last_day()),
            Interval::new(date("2006-07").first_day(), date("2006-12").last_day()),
        ]);
        assert_eq!(touching, a);
    }

    #[test]
    fn gaps_are_found_between_sorted_intervals() {
        let within = Interval::new(date("2006-01").first_day(), date("2006-12").last_day());
        let covered = [
            Interval::new(date("2006-07").first_day(), date("2006-12").last_day()),
            Interval::new(date("2006-01").first_day(), date("2006-05").last_day()),
        ];
        let gaps = uncovered(within, &covered);
        assert_eq!(gaps, vec![date("2006-06").span()]);
        assert!(uncovered(within, &[within]).is_empty());
    }
}

#[cfg(test)]
mod laws {
    use super::*;
    use proptest::prelude::*;

    fn any_day() -> impl Strategy<Value = Day> {
        (-1_000_000i32..1_000_000).prop_map(Day)
    }

    fn any_partial() -> impl Strategy<Value = PartialDate> {
        (1000i32..=9999, 0u32..=12, 0u32..=31).prop_filter_map("a real date", |(y, m, d)| {
            let text = match (m, d) {
                (0, _) => format!("{y}"),
                (m, 0) => format!("{y}-{m:02}"),
                (m, d) => format!("{y}-{m:02}-{d:02}"),
            };
            PartialDate::parse(&text)
        })
    }

    /// A single date, a window (perhaps open on a side) or either inferred.
    fn any_date() -> impl Strategy<Value = Date> {
        (any_partial(), any_partial(), 0u8..6, any::<bool>()).prop_filter_map(
            "a window that does not end before it starts",
            |(a, b, shape, inferred)| {
                let q = if inferred { "?" } else { "" };
                let text = match shape {
                    0 | 1 => format!("{a}{q}"),
                    2 => format!("../{b}{q}"),
                    3 => format!("{a}{q}/.."),
                    _ => format!("{a}/{b}{q}"),
                };
                Date::parse(&text).ok()
            },
        )
    }

    proptest! {
        #[test]
        fn days_round_trip_through_the_calendar(day in any_day()) {
            let (y, m, d) = day.ymd();
            prop_assert_eq!(Day::from_ymd(y, m, d), Some(day));
            prop_assert!(d >= 1 && d <= days_in_month(y, m));
        }

        #[test]
        fn consecutive_days_are_consecutive_dates(day in any_day()) {
            let (y, m, d) = day.ymd();
            let (y2, m2, d2) = day.next().ymd();
            if d < days_in_month(y, m) {
                prop_assert_eq!((y2, m2, d2), (y, m, d + 1));
            } else if m < 12 {
                prop_assert_eq!((y2, m2, d2), (y, m + 1, 1));
            } else {
                prop_assert_eq!((y2, m2, d2), (y + 1, 1, 1));
            }
        }

        #[test]
        fn a_date_displays_as_it_parses(date in any_date()) {
            prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
            prop_assert!(date.first_day() <= date.last_day());
            prop_assert!(date.first_day() <= date.latest_start());
            prop_assert!(date.earliest_end() <= date.last_day());
        }

        #[test]
        fn certain_is_inside_possible(a in any_date(), b in proptest::option::of(any_date())) {
            let span = Extent { start: a, end: b };
            prop_assert!(span.possible().covers(&span.certain()));
            prop_assert!(span.whole().covers(&span.whole_certain()));
        }

        #[test]
        fn certain_counts_never_exceed_possible(
            spans in proptest::collection::vec((any_date(), proptest::option::of(any_date())), 0..20),
            probe in any_date(),
        ) {
            let spans: Vec<Extent> = spans.into_iter().map(|(start, end)| Extent { start, end }).collect();
            let counts = Headcount::of(&spans);
            let day = probe.first_day();
            let (certain, possible) = counts.on(day);
            prop_assert!(certain <= possible);
            let brute_certain = spans.iter().filter(|s| s.certain().contains(day)).count();
            let brute_possible = spans.iter().filter(|s| s.possible().contains(day)).count();
            prop_assert_eq!((certain, possible), (brute_certain, brute_possible));
        }

        #[test]
        fn gaps_and_cover_partition_the_period(
            within in (any_day(), 0i32..2000),
            covered in proptest::collection::vec((any_day(), 0i32..500), 0..12),
        ) {
            let within = Interval::new(within.0, Day(within.0 .0 + within.1));
            let covered: Vec<Interval> =
                covered.into_iter().map(|(s, len)| Interval::new(s, Day(s.0 + len))).collect();
            let gaps = uncovered(within, &covered);
            for probe in [within.start, within.end, Day((within.start.0 + within.end.0) / 2)] {
                let in_gap = gaps.iter().any(|g| g.contains(probe));
                let in_cover = covered.iter().any(|c| c.contains(probe));
                prop_assert!(in_gap != in_cover, "day {} gap {} cover {}", probe, in_gap, in_cover);
            }
            for g in &gaps {
                prop_assert!(within.covers(g));
            }
        }
    }
}
