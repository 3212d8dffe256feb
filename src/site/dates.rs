//! Dates in words, for a reader who does not know the notation the records use (EDTF): what a
//! date as written stands for, and when a period certainly and possibly ran.
//!
//! The pages always show a date as written first, then these words: the words explain, the
//! written value is the record.

use crate::temporal::{Date, Day, Extent, Interval, MONTHS};

/// A day in a sentence; the open ends of a window or a period are named, not shown as the
/// sentinel days that stand for them.
fn day(d: Day) -> String {
    if d <= Day::MIN {
        "an unrecorded day".to_string()
    } else if d >= Day::MAX {
        "no recorded end".to_string()
    } else {
        d.to_string()
    }
}

/// What `date` means as one day: `2003-04-01` is that day, `2003-04` "some day of April 2003,
/// between 2003-04-01 and 2003-04-30", `2006-01/2006-04` "some day between 2006-01-01 and
/// 2006-04-30"; an inferred date says so.
pub fn one_day(date: &Date) -> String {
    let (first, last) = (date.first_day(), date.last_day());
    let words = match (date.as_single(), date.window) {
        (Some(single), false) => match (single.month(), single.day()) {
            (Some(_), Some(_)) => format!("the day {first}"),
            (Some(month), None) => format!(
                "some day of {} {}, between {first} and {last}",
                MONTHS[(month as usize).clamp(1, 12) - 1],
                single.year()
            ),
            (None, _) => format!("some day of {}, between {first} and {last}", single.year()),
        },
        _ => match (date.earliest, date.latest) {
            (None, _) => format!("some day on or before {last}"),
            (_, None) => format!("some day on or after {first}"),
            _ => format!("some day between {first} and {last}"),
        },
    };
    if date.is_inferred() {
        format!("{words}, inferred (written with `?`): what follows from it is only possible")
    } else {
        words
    }
}

/// `from A through B`, or `from A` when the period has no recorded end.
fn run(interval: Interval) -> String {
    if interval.end >= Day::MAX {
        format!("from {}", day(interval.start))
    } else {
        format!("from {} through {}", day(interval.start), day(interval.end))
    }
}

/// When a period certainly and possibly ran, given the days it certainly and possibly covers.
fn certain_and_possible(certain: Interval, possible: Interval) -> String {
    let words = if certain == possible {
        run(certain)
    } else if certain.is_empty() {
        format!(
            "possibly {}, on no day certainly (its dates are too coarse or inferred)",
            run(possible)
        )
    } else {
        format!("certainly {}, possibly {}", run(certain), run(possible))
    };
    if possible.end >= Day::MAX {
        format!("{words}, with no recorded end")
    } else {
        words
    }
}

/// A period of membership in words: `joined` and `left` are each one day (the first and the
/// last day of membership), known to lie somewhere in what they stand for.
pub fn membership(extent: &Extent) -> String {
    certain_and_possible(extent.certain(), extent.possible())
}

/// A chair term, a working group's life or a coverage in words: read as whole units, so
/// `2007-01` to `2007-06` is all of January through all of June.
pub fn whole_period(extent: &Extent) -> String {
    certain_and_possible(extent.whole_certain(), extent.whole())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn extent(start: &str, end: Option<&str>) -> Extent {
        Extent {
            start: date(start),
            end: end.map(date),
        }
    }

    #[test]
    fn a_date_says_which_days_it_may_be() {
        assert_eq!(one_day(&date("1995-01-01")), "the day 1995-01-01");
        assert_eq!(
            one_day(&date("2003-04")),
            "some day of April 2003, between 2003-04-01 and 2003-04-30"
        );
        assert_eq!(
            one_day(&date("2010")),
            "some day of 2010, between 2010-01-01 and 2010-12-31"
        );
        assert_eq!(
            one_day(&date("2006-01/2006-04")),
            "some day between 2006-01-01 and 2006-04-30"
        );
        assert_eq!(
            one_day(&date("../2017-01-01")),
            "some day on or before 2017-01-01"
        );
        assert_eq!(
            one_day(&date("2014-03/..")),
            "some day on or after 2014-03-01"
        );
        assert_eq!(
            one_day(&date("2015?")),
            "some day of 2015, between 2015-01-01 and 2015-12-31, inferred (written with `?`): \
             what follows from it is only possible"
        );
    }

    #[test]
    fn a_membership_is_certain_between_its_latest_start_and_earliest_end() {
        assert_eq!(
            membership(&extent("2010", None)),
            "certainly from 2010-12-31, possibly from 2010-01-01, with no recorded end"
        );
        assert_eq!(
            membership(&extent("2014-01-01", Some("2015-12-31"))),
            "from 2014-01-01 through 2015-12-31"
        );
        assert_eq!(
            membership(&extent("2015?", Some("2016"))),
            "possibly from 2015-01-01 through 2016-12-31, on no day certainly (its dates are too \
             coarse or inferred)"
        );
    }

    #[test]
    fn a_term_covers_whole_months() {
        assert_eq!(
            whole_period(&extent("2007-01", Some("2007-06"))),
            "from 2007-01-01 through 2007-06-30"
        );
        assert_eq!(
            whole_period(&extent("2006-01/2006-04", None)),
            "certainly from 2006-04-01, possibly from 2006-01-01, with no recorded end"
        );
    }
}
