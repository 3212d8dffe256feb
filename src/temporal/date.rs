//! Dates as the records write them: what sources say, in the notation of EDTF (ISO 8601-2).
//!
//! - Reduced precision: `2010`, `2010-07`, `2010-07-02`. A date of lower precision stands for
//!   every day it covers.
//! - A window, for a single day known only to lie between two dates: `2014/2016-12` (some day
//!   from the start of 2014 to the end of December 2016), with an open side: `../2017-01-01`
//!   (on or before), `2014-03/..` (on or after).
//! - An uncertain or inferred value: `2015?`, `2015-01?`, or a window with a `?` on a side.
//!
//! A [`Date`] is the set of days it may stand for, from [`Date::first_day`] to
//! [`Date::last_day`], and every rule treats a window as it treats a coarse date. A `?` does not
//! widen that set: it says the value itself is inferred, so whatever follows from it is only
//! possible ([`Date::is_inferred`]).
//!
//! Parsing says precisely what is wrong with a date that is not one ([`DateError`]): a month
//! that does not exist, a day that February does not have, a window that ends before it
//! starts.

use super::{days_in_month, Day, Interval};
use std::fmt;

/// A date written at year, month or day precision.
///
/// Four bytes: the year (four digits, `0000` to `9999`), and the month and day with 0 for
/// one not written, read through [`PartialDate::year`], [`PartialDate::month`] and
/// [`PartialDate::day`]. A chair list holds two dates for each of a million terms, so the
/// model keeps them small; the order is that of `(year, month, day)` with an unwritten unit
/// first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: u16,
    month: u8,
    day: u8,
}

/// The names of the months, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of any of the forms roster reads.
    Form(String),
    /// `2010-13`.
    NoSuchMonth { text: String, month: u32 },
    /// `2010-02-30`.
    NoSuchDay {
        text: String,
        year: i32,
        month: u32,
        day: u32,
    },
    /// `2016/2014`.
    Inverted(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Form(text) => write!(
                f,
                "`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, a window START/END \
                 (`..` for an open side), and `?` after a value that is inferred"
            ),
            DateError::NoSuchMonth { text, month } => {
                write!(f, "`{text}`: there is no month {month}")
            }
            DateError::NoSuchDay {
                text,
                year,
                month,
                day,
            } => {
                let name = MONTHS[(*month as usize).clamp(1, 12) - 1];
                let days = days_in_month(*year, *month);
                if *day == 0 {
                    write!(f, "`{text}`: there is no day 0")
                } else {
                    write!(f, "`{text}`: {name} {year} has {days} days")
                }
            }
            DateError::Inverted(text) => {
                write!(f, "`{text}`: the window ends before it starts")
            }
        }
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or a day that does
    /// not exist.
    pub fn parse(text: &str) -> Option<PartialDate> {
        PartialDate::read(text, text).ok()
    }

    /// Parses one calendar date, naming `whole` (the text it is part of) in errors.
    fn read(text: &str, whole: &str) -> Result<PartialDate, DateError> {
        let form = || DateError::Form(whole.to_string());
        let mut parts = text.split('-');
        let year = parts.next().ok_or_else(form)?;
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some() {
            return Err(form());
        }
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = number(year, 4).ok_or_else(form)?;
        let month = match month {
            Some(m) => Some(number(m, 2).ok_or_else(form)?),
            None => None,
        };
        let day = match day {
            Some(d) => Some(number(d, 2).ok_or_else(form)?),
            None => None,
        };
        if let Some(month) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(DateError::NoSuchMonth {
                text: whole.to_string(),
                month,
            });
        }
        let no_such_day = || DateError::NoSuchDay {
            text: whole.to_string(),
            year: year as i32,
            month: month.unwrap_or(1),
            day: day.unwrap_or(0),
        };
        // Two digits each: a day of 0 or past the month's end is refused below, so every
        // value kept fits its byte, and 0 stays free for "not written".
        if day == Some(0) {
            return Err(no_such_day());
        }
        let date = PartialDate {
            year: year as u16,
            month: month.unwrap_or(0) as u8,
            day: day.unwrap_or(0) as u8,
        };
        if date.first_day_checked().is_none() {
            return Err(no_such_day());
        }
        Ok(date)
    }

    /// A year written as a number (`founded: 2006`), which YAML reads as an integer.
    pub fn of_year(year: u64) -> Option<PartialDate> {
        (1000..=9999).contains(&year).then_some(PartialDate {
            year: year as u16,
            month: 0,
            day: 0,
        })
    }

    /// The year, as written (four digits).
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1 to 12), if written.
    pub fn month(&self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    /// The day of the month, if written.
    pub fn day(&self) -> Option<u32> {
        (self.day != 0).then_some(u32::from(self.day))
    }

    fn first_day_checked(&self) -> Option<Day> {
        let year = self.year();
        match (self.month(), self.day()) {
            (None, None) => Day::from_ymd(year, 1, 1),
            (Some(m), None) => Day::from_ymd(year, m, 1),
            (Some(m), Some(d)) => Day::from_ymd(year, m, d),
            (None, Some(_)) => None,
        }
    }

    /// The first day the date may stand for.
    pub fn first_day(&self) -> Day {
        self.first_day_checked().unwrap_or(Day::MIN)
    }

    /// The last day the date may stand for.
    pub fn last_day(&self) -> Day {
        let year = self.year();
        let (month, day) = match (self.month(), self.day()) {
            (None, _) => (12, 31),
            (Some(m), None) => (m, days_in_month(year, m)),
            (Some(m), Some(d)) => (m, d),
        };
        Day::from_ymd(year, month, day).unwrap_or(Day::MAX)
    }

    /// Every day the date stands for.
    pub fn span(&self) -> Interval {
        Interval::new(self.first_day(), self.last_day())
    }

    /// `year`, `month` or `day`.
    pub fn unit(&self) -> &'static str {
        match (self.month(), self.day()) {
            (None, _) => "year",
            (Some(_), None) => "month",
            (Some(_), Some(_)) => "day",
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month() {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day() {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// One side of a [`Date`]: a calendar date, perhaps inferred (`2015?`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bound {
    pub date: PartialDate,
    pub inferred: bool,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.date, if self.inferred { "?" } else { "" })
    }
}

/// A date as written in a record: a single date of reduced precision, or a window between two
/// (either side may be open), either perhaps inferred. It stands for one day, known only to lie
/// from [`Date::first_day`] to [`Date::last_day`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    /// The earliest the date may be; `None` for an open start (`../2017`).
    pub earliest: Option<Bound>,
    /// The latest; `None` for an open end (`2014/..`). The same as `earliest` for a single date.
    pub latest: Option<Bound>,
    /// Written as a window (`START/END`), not as one date.
    pub window: bool,
}

impl Date {
    /// A single date, not inferred.
    pub fn single(date: PartialDate) -> Date {
        let bound = Some(Bound {
            date,
            inferred: false,
        });
        Date {
            earliest: bound,
            latest: bound,
            window: false,
        }
    }

    /// A year written as a number (`joined: 2010`), which YAML reads as an integer.
    pub fn year(year: u64) -> Option<Date> {
        PartialDate::of_year(year).map(Date::single)
    }

    /// Parses any of the forms in the module documentation, saying what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let side = |part: &str| -> Result<Option<Bound>, DateError> {
            if part == ".." {
                return Ok(None);
            }
            let (date, inferred) = match part.strip_suffix('?') {
                Some(date) => (date, true),
                None => (part, false),
            };
            Ok(Some(Bound {
                date: PartialDate::read(date, text)?,
                inferred,
            }))
        };
        match text.split_once('/') {
            None => {
                let bound = side(text)?.ok_or_else(|| DateError::Form(text.to_string()))?;
                Ok(Date {
                    earliest: Some(bound),
                    latest: Some(bound),
                    window: false,
                })
            }
            Some((start, end)) => {
                let (earliest, latest) = (side(start)?, side(end)?);
                if earliest.is_none() && latest.is_none() {
                    return Err(DateError::Form(text.to_string()));
                }
                let date = Date {
                    earliest,
                    latest,
                    window: true,
                };
                if date.last_day() < date.first_day() {
                    return Err(DateError::Inverted(text.to_string()));
                }
                Ok(date)
            }
        }
    }

    /// The first day the date may stand for ([`Day::MIN`] for an open start).
    pub fn first_day(&self) -> Day {
        self.earliest.map_or(Day::MIN, |b| b.date.first_day())
    }

    /// The last day the date may stand for ([`Day::MAX`] for an open end).
    pub fn last_day(&self) -> Day {
        self.latest.map_or(Day::MAX, |b| b.date.last_day())
    }

    /// Every day the date may stand for.
    pub fn span(&self) -> Interval {
        Interval::new(self.first_day(), self.last_day())
    }

    /// The first day of the latest unit the date may be: where a period starting with it (a
    /// chair term from `2007-01`, all of January) certainly runs from.
    pub fn latest_start(&self) -> Day {
        self.latest.map_or(Day::MAX, |b| b.date.first_day())
    }

    /// The last day of the earliest unit the date may be: where a period ending with it (a chair
    /// term until `2007-06`, all of June) certainly runs to.
    pub fn earliest_end(&self) -> Day {
        self.earliest.map_or(Day::MIN, |b| b.date.last_day())
    }

    /// Whether a side is written with `?`: what follows from this date is only possible.
    pub fn is_inferred(&self) -> bool {
        self.earliest.is_some_and(|b| b.inferred) || self.latest.is_some_and(|b| b.inferred)
    }

    /// Whether the date stands for more than one day, or is inferred: not a fact to the day.
    pub fn is_coarse(&self) -> bool {
        self.first_day() != self.last_day() || self.is_inferred()
    }

    /// The one calendar date of a single date.
    pub fn as_single(&self) -> Option<PartialDate> {
        match (self.window, self.earliest) {
            (false, Some(bound)) => Some(bound.date),
            _ => None,
        }
    }

    /// The preposition a sentence puts before the date: "on" for a single day, "in" for a
    /// year, a month, a window or an inferred date ("joined on 2010-07-02", "joined in 2010").
    pub fn preposition(&self) -> &'static str {
        if self.as_single().is_some_and(|d| d.unit() == "day") && !self.is_inferred() {
            "on"
        } else {
            "in"
        }
    }

    /// How a reader is told what the date leaves open: "year only", "month only", "a window",
    /// "inferred"; empty for an exact day.
    pub fn precision(&self) -> &'static str {
        if self.window {
            return "a window";
        }
        if self.is_inferred() {
            return "inferred";
        }
        match self.as_single().map(|d| d.unit()) {
            Some("year") => "year only",
            Some("month") => "month only",
            _ => "",
        }
    }
}

impl From<PartialDate> for Date {
    fn from(date: PartialDate) -> Date {
        Date::single(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.window {
            return match self.earliest {
                Some(bound) => bound.fmt(f),
                None => f.write_str(".."),
            };
        }
        match self.earliest {
            Some(bound) => write!(f, "{bound}/")?,
            None => f.write_str("../")?,
        }
        match self.latest {
            Some(bound) => bound.fmt(f),
            None => f.write_str(".."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn single_dates_of_reduced_precision() {
        let d = date("2010-07");
        assert_eq!(d.span().to_string(), "2010-07-01..2010-07-31");
        assert_eq!(
            (d.latest_start(), d.earliest_end()),
            (d.first_day(), d.last_day())
        );
        assert_eq!(d.to_string(), "2010-07");
        assert_eq!(d.precision(), "month only");
        assert!(!date("2010-07-02").is_coarse());
        assert!(date("2010").is_coarse());
    }

    #[test]
    fn windows_stand_for_every_day_between_their_ends() {
        let d = date("2014/2016-12");
        assert_eq!(d.span().to_string(), "2014-01-01..2016-12-31");
        assert_eq!(d.latest_start().to_string(), "2016-12-01");
        assert_eq!(d.earliest_end().to_string(), "2014-12-31");
        assert_eq!(d.to_string(), "2014/2016-12");
        assert_eq!(d.precision(), "a window");
        let before = date("../2017-01-01");
        assert_eq!(before.first_day(), Day::MIN);
        assert_eq!(before.last_day().to_string(), "2017-01-01");
        assert_eq!(before.to_string(), "../2017-01-01");
        let after = date("2014-03/..");
        assert_eq!(after.first_day().to_string(), "2014-03-01");
        assert_eq!(after.last_day(), Day::MAX);
        assert_eq!(after.to_string(), "2014-03/..");
    }

    #[test]
    fn inferred_values_keep_their_days_and_say_so() {
        let d = date("2015?");
        assert_eq!(d.span(), date("2015").span());
        assert!(d.is_inferred());
        assert_eq!(d.to_string(), "2015?");
        assert!(date("2014/2015-06?").is_inferred());
        assert_eq!(date("2014?/2015").to_string(), "2014?/2015");
        assert!(!date("2015").is_inferred());
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        let message = |text: &str| Date::parse(text).unwrap_err().to_string();
        assert_eq!(message("2010-13"), "`2010-13`: there is no month 13");
        assert_eq!(
            message("2010-02-30"),
            "`2010-02-30`: February 2010 has 28 days"
        );
        assert_eq!(
            message("2012-02-30"),
            "`2012-02-30`: February 2012 has 29 days"
        );
        assert_eq!(
            message("2010-04-31"),
            "`2010-04-31`: April 2010 has 30 days"
        );
        assert_eq!(message("2010-04-00"), "`2010-04-00`: there is no day 0");
        assert_eq!(
            message("2016/2014"),
            "`2016/2014`: the window ends before it starts"
        );
        assert_eq!(
            message("2014/2013-02-30"),
            "`2014/2013-02-30`: February 2013 has 28 days"
        );
        for text in [
            "../..",
            "2010-1",
            "210",
            "2010/",
            "/2010",
            "2010??",
            "?",
            "2010-07-02T00",
            "",
        ] {
            assert!(
                matches!(Date::parse(text), Err(DateError::Form(_))),
                "{text:?} should be refused for its form"
            );
        }
    }

    #[test]
    fn a_window_within_one_unit_is_allowed() {
        assert_eq!(date("2014-03/2014-03").span(), date("2014-03").span());
        assert_eq!(
            date("2014/2014-06").span().to_string(),
            "2014-01-01..2014-06-30"
        );
    }
}
