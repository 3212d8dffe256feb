//! T001 inverted-interval: an end before its start, in any record that has both.
//!
//! Two readings of a pair of dates, because the records use both. A chair entry, a document's
//! `covers`, a claim and a rotation regime are periods of whole units (`2009-06..2009-06` is all
//! of June), so they are inverted only when the end's last day comes before the start's first
//! day, and never merely possibly. A membership (`joined`, `left`), a name's `from` and `until`,
//! and the group's `founded` and `dissolved` are two events of reduced precision: certainly
//! inverted when every day the end may mean comes before every day the start may mean (an
//! error), possibly inverted when only some do (an uncertain finding). A period whose dates are
//! windows is possibly inverted when its latest start comes after its earliest end. A finding
//! that rests on an inferred date (`2015?`) is only ever possible.

use super::t003_rotation_gap::entry_name;
use super::Context;
use crate::catalogue::T001;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{ChairEntry, Claim, Document, Field, Member, WorkingGroup};
use crate::temporal::Date;

/// How a pair of dates is read.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// A period of whole units: inverted only when the whole end precedes the whole start.
    Whole,
    /// Two events of reduced precision: certainly or possibly inverted.
    Events,
}

/// What a pair of dates belongs to; named only when there is something to report, so that a
/// million well-ordered chair terms cost no allocation.
enum Dated<'a> {
    Entry(&'a ChairEntry),
    Member(&'a Member),
    Document(&'a Document),
    Claim(&'a Claim),
    Group,
    Name,
    Regime,
    Coverage,
    WorkingGroup(&'a WorkingGroup),
}

impl Dated<'_> {
    fn text(&self) -> String {
        match self {
            Dated::Entry(entry) => entry_name(entry),
            Dated::Member(m) => format!("`{}`", m.id().unwrap_or(&m.file_stem)),
            Dated::Document(d) => match &d.id {
                Some(id) => format!("the period covered by `{}`", id.value),
                None => "the period a document covers".to_string(),
            },
            Dated::Claim(c) => match &c.source {
                Some(s) => format!("the claim of `{}` members by `{}`", c.members, s.value),
                None => format!("the claim of `{}` members", c.members),
            },
            Dated::Group => "the group".to_string(),
            Dated::Name => "a name of the group".to_string(),
            Dated::Regime => "the rotation regime".to_string(),
            Dated::Coverage => "the records' coverage".to_string(),
            Dated::WorkingGroup(w) => match &w.id {
                Some(id) => format!("the working group `{}`", id.value),
                None => "a working group".to_string(),
            },
        }
    }
}

/// One start and end to compare, with the words to describe them.
struct Pair<'a> {
    reading: Reading,
    subject: Dated<'a>,
    start_key: &'static str,
    end_key: &'static str,
    /// "starts" / "joined": the verb for the start in "... but joined only in `2010`".
    starts: &'static str,
    /// "ends" / "left": the verb for the end in "`iom` left in `2009`".
    ends: &'static str,
    /// For [`Reading::Events`]: "possibly left before it joined".
    possibly: &'static str,
    start: &'a Field<Date>,
    end: &'a Field<Date>,
}

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let data = context.data;
    let mut inspect = |pair: Pair| out.extend(finding(context, &pair));
    let period = |subject, start_key, end_key, start, end| Pair {
        reading: Reading::Whole,
        subject,
        start_key,
        end_key,
        starts: "starts",
        ends: "ends",
        possibly: "",
        start,
        end,
    };

    for entry in &data.chairs {
        if let (Some(start), Some(end)) = (&entry.start, &entry.end) {
            inspect(period(Dated::Entry(entry), "start", "end", start, end));
        }
    }
    for (member, tenure) in data
        .members
        .iter()
        .flat_map(|m| m.tenures.iter().map(move |t| (m, t)))
    {
        if let (Some(joined), Some(left)) = (&tenure.joined, &tenure.left) {
            inspect(Pair {
                reading: Reading::Events,
                subject: Dated::Member(member),
                start_key: "joined",
                end_key: "left",
                starts: "joined",
                ends: "left",
                possibly: "possibly left before it joined",
                start: joined,
                end: left,
            });
        }
    }
    for document in &data.documents {
        if let Some((start, end)) = &document.covers {
            inspect(period(
                Dated::Document(document),
                "start",
                "end",
                start,
                end,
            ));
        }
    }
    for wg in &data.working_groups {
        if let (Some(from), Some(until)) = (&wg.from, &wg.until) {
            inspect(period(
                Dated::WorkingGroup(wg),
                "from",
                "until",
                from,
                until,
            ));
        }
    }
    let Some(group) = &data.group else { return };
    if let Some(coverage) = &group.coverage {
        if let (Some(from), Some(until)) = (&coverage.from, &coverage.until) {
            inspect(period(Dated::Coverage, "from", "until", from, until));
        }
    }
    if let (Some(founded), Some(dissolved)) = (&group.founded, &group.dissolved) {
        inspect(Pair {
            reading: Reading::Events,
            subject: Dated::Group,
            start_key: "founded",
            end_key: "dissolved",
            starts: "was founded",
            ends: "was dissolved",
            possibly: "was possibly dissolved before it was founded",
            start: founded,
            end: dissolved,
        });
    }
    for name in &group.names {
        if let (Some(from), Some(until)) = (&name.from, &name.until) {
            inspect(Pair {
                reading: Reading::Events,
                subject: Dated::Name,
                start_key: "from",
                end_key: "until",
                starts: "starts",
                ends: "ends",
                possibly: "possibly ends before it starts",
                start: from,
                end: until,
            });
        }
    }
    for regime in &group.regimes {
        if let (Some(from), Some(until)) = (&regime.from, &regime.until) {
            inspect(period(Dated::Regime, "from", "until", from, until));
        }
    }
    for claim in &group.claims {
        if let (Some(from), Some(until)) = (&claim.from, &claim.until) {
            inspect(period(Dated::Claim(claim), "from", "until", from, until));
        }
    }
}

fn finding(context: &Context, pair: &Pair) -> Option<Diagnostic> {
    let (start, end) = (pair.start.value, pair.end.value);
    let certain = end.last_day() < start.first_day();
    let possible = match pair.reading {
        Reading::Events => start != end && end.first_day() < start.last_day(),
        // A period whose dates are windows covers no day for certain when the latest start
        // comes after the earliest end.
        Reading::Whole => end.earliest_end() < start.latest_start(),
    };
    let (sk, ek) = (pair.start_key, pair.end_key);
    let mut d = if certain {
        let message = format!(
            "{} {} {} but {} only {}",
            pair.subject.text(),
            pair.ends,
            when(end),
            pair.starts,
            when(start)
        );
        context
            .finding(
                &T001,
                super::certainty(true, &[&start, &end]),
                message,
                pair.end.at,
                format!("`{ek}` is before `{sk}`"),
            )
            .with_help(format!(
                "correct `{sk}` or `{ek}`, or swap them if they were entered the wrong way round"
            ))
    } else if possible {
        let message = format!(
            "{} {}: `{ek}: {end}`{} may be before `{sk}: {start}`{}",
            pair.subject.text(),
            pair.possibly,
            precision(end),
            precision(start)
        );
        context
            .finding(
                &T001,
                Certainty::Possible,
                message,
                pair.end.at,
                format!("may be before `{sk}`"),
            )
            .with_help(format!(
                "give `{sk}` and `{ek}` as a month or a day from a source, so their order is clear"
            ))
    } else {
        return None;
    };
    let at = pair.start.at;
    let label = format!("{} here", pair.starts.trim_start_matches("was "));
    d = d.with_secondary(Label::new(at.file, at.span, label));
    Some(d)
}

/// "in `2010`", "in `2010-03`", "on `2010-03-05`".
fn when(date: Date) -> String {
    if date.is_coarse() {
        format!("in `{date}`")
    } else {
        format!("on `{date}`")
    }
}

/// " (year only)", " (month only)", " (a window)", " (inferred)" or nothing for a day.
fn precision(date: Date) -> String {
    match date.precision() {
        "" => String::new(),
        what => format!(" ({what})"),
    }
}
