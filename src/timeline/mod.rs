//! The life of a body drawn as a self-contained SVG: one row per member with its periods of
//! membership, the chair rotation as a band, the rotation regimes, the claims of member counts,
//! the working groups, and the days the records do not cover.
//!
//! A date stands for every day it may mean, and the drawing shows both answers: the days a
//! period *certainly* holds are solid, the days it only *possibly* holds (a year or a month
//! where a day is meant, a window, an inferred `2015?`) are hatched in the same colour. A
//! working group without dates is listed as "dates unknown", never placed on a day.
//!
//! The classes and `data-` attributes of the SVG are a contract: the static site and its
//! browser test read them (`docs/timeline.md` lists them). [`svg`] returns the drawing, [`html`]
//! a page around it with a legend; both are plain strings with no reference to anything
//! outside them (no link, no font, no script). [`Marks`] is how a change report asks for the
//! records and the periods a change moved to be highlighted.
//!
//! Layout is decided here, without a font: text is measured at 0.6 em a character (wide enough
//! for the lower-case ids of the records in a sans-serif face), and a label that does not fit
//! its bar is shortened (an acronym), turned upright, or left to the bar's `<title>`.

use crate::error::Error;
use crate::model::{ChairEntry, Claim, Dataset, EntryKind, Regime};
use crate::temporal::{Day, Interval};
use std::collections::HashSet;

mod draw;
mod xml;

pub use xml::escape;

/// What to draw.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The first day drawn; by default the start of the year the records' coverage starts in.
    pub from: Option<Day>,
    /// The last day drawn; by default the end of the year the coverage ends in.
    pub until: Option<Day>,
    /// Draw only this member's row, and highlight its terms in the chair band.
    pub member: Option<String>,
    /// What a change moved, highlighted (`changed` class).
    pub marks: Marks,
    /// Put before every `id` inside the drawing (the hatch patterns), so that two drawings can
    /// share a page.
    pub id_prefix: String,
}

/// Records and periods to highlight as changed, by the keys [`term_key`], [`regime_key`] and
/// [`claim_key`] give and by member and working group id.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    pub members: HashSet<String>,
    pub terms: HashSet<String>,
    pub working_groups: HashSet<String>,
    pub regimes: HashSet<String>,
    pub claims: HashSet<String>,
    /// The group's coverage, founding or dissolution changed.
    pub coverage: bool,
    pub periods: Vec<MarkedPeriod>,
}

impl Marks {
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
            && self.terms.is_empty()
            && self.working_groups.is_empty()
            && self.regimes.is_empty()
            && self.claims.is_empty()
            && !self.coverage
            && self.periods.is_empty()
    }
}

/// A period a change moved: shaded across the chair band or the member rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedPeriod {
    pub days: Interval,
    pub change: PeriodChange,
    /// The hover text: what changed in the period.
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChange {
    /// Days a chair entry covers only on the new side.
    CoverageGained,
    /// Days a chair entry covers only on the old side.
    CoverageLost,
    /// Days whose member count differs between the sides.
    MemberCount,
}

impl PeriodChange {
    /// Its class in the SVG, after `changed`.
    fn class(self) -> &'static str {
        match self {
            PeriodChange::CoverageGained => "changed coverage-gained",
            PeriodChange::CoverageLost => "changed coverage-lost",
            PeriodChange::MemberCount => "changed member-count",
        }
    }
}

/// The records as an SVG document.
///
/// Fails (a usage error) when `options.member` names no member, or the range ends before it
/// starts. Findings in the records do not stop it: what the model holds is drawn.
pub fn svg(data: &Dataset, options: &Options) -> Result<String, Error> {
    if let Some(id) = &options.member {
        if !data.members.iter().any(|m| draw::member_id(m) == id) {
            return Err(unknown_member(data, id));
        }
    }
    let range = range(data, options)?;
    Ok(draw::Drawing::new(data, options, range).svg())
}

/// The records as a self-contained HTML page: a heading, how to read the drawing, a legend,
/// and the SVG, whose `<title>`s show each record's dates as written on hover.
pub fn html(data: &Dataset, options: &Options) -> Result<String, Error> {
    let drawing = svg(data, options)?;
    let name = group_name(data).unwrap_or("The records");
    let range = range(data, options)?;
    let (from, until) = (range.start.ymd().0, range.end.ymd().0);
    let years = if from == until {
        from.to_string()
    } else {
        format!("{from}–{until}")
    };
    let title = format!("{name}: timeline, {years}");
    let mut page = page_head(&title);
    page.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    page.push_str(
        "<p>One row per member, the chair rotation as a band above them, the claims of member \
         counts and the working groups. Solid: certain on every reading of the dates; hatched: \
         only possible (a year or a month where a day is meant, a window, an inferred date). \
         Hover over anything for its dates as written.</p>\n",
    );
    page.push_str(&legend(&options.id_prefix, !options.marks.is_empty()));
    page.push_str("<div class=\"drawing\">\n");
    page.push_str(&drawing);
    page.push_str("</div>\n</body>\n</html>\n");
    Ok(page)
}

/// The start of a self-contained HTML page titled `title`, through `<body>`: its style sizes
/// the drawings, the legend and the change report's lists.
pub fn page_head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{PAGE_STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

const PAGE_STYLE: &str = "\
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
.drawing { overflow-x: auto; border: 1px solid #ddd; padding: 4px; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.85rem; }
ul.legend svg { vertical-align: middle; margin-right: 0.3rem; }
code { font-size: 0.9em; }
del { background: #fdd; } ins { background: #dfd; text-decoration: none; }
.added { color: #1a7f37; } .removed { color: #b3261e; } .modified, .renamed { color: #9a6700; }
.change > ul { color: #222; }
.error { color: #b3261e; } .fixed { color: #1a7f37; }
";

/// The legend: a swatch for each thing drawn, painted like the drawing (`prefix` names its
/// hatch patterns, which the swatches share); with `changes`, the marks of a change report too.
pub fn legend(prefix: &str, changes: bool) -> String {
    let hatch = |which: &str| format!("url(#{prefix}possible-{which})");
    let mut items: Vec<(String, &str)> = vec![
        (swatch(draw::MEMBER, draw::MEMBER, ""), "member, certainly"),
        (
            swatch(&hatch("member"), draw::MEMBER, ""),
            "member, possibly (the dates leave it open)",
        ),
        (swatch(draw::TERM, draw::TERM, ""), "chair term"),
        (
            swatch(&hatch("term"), draw::TERM, ""),
            "chair term, possibly (a window or an inferred date)",
        ),
        (swatch(draw::PLANNED, draw::TERM, "4 2"), "planned term"),
        (swatch(draw::VACANT, draw::VACANT_LINE, ""), "vacant chair"),
        (
            swatch(draw::UNKNOWN, draw::UNKNOWN_LINE, ""),
            "unknown: no source says who chaired",
        ),
        (swatch(draw::REGIME, draw::REGIME, ""), "rotation regime"),
        (swatch(draw::CLAIM, draw::CLAIM, ""), "claimed member count"),
        (
            swatch("#fff", draw::CLAIM, "3 2"),
            "member count derived by the records",
        ),
        (
            swatch(draw::NOT_COVERED, draw::NOT_COVERED, ""),
            "not covered by the records",
        ),
    ];
    if changes {
        items.push((swatch("none", draw::CHANGED, ""), "changed record"));
        items.push((
            swatch(draw::GAINED, draw::GAINED, ""),
            "chair coverage gained",
        ));
        items.push((swatch(draw::LOST, draw::LOST, ""), "chair coverage lost"));
        items.push((swatch(draw::COUNT, draw::COUNT, ""), "member count changed"));
    }
    let mut out = String::from("<ul class=\"legend\">\n");
    for (swatch, text) in items {
        out.push_str(&format!("<li>{swatch}{}</li>\n", escape(text)));
    }
    out.push_str("</ul>\n");
    out
}

/// A small SVG of one bar, filled and outlined as given.
fn swatch(fill: &str, stroke: &str, dash: &str) -> String {
    let dash = if dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{dash}\"")
    };
    format!(
        "<svg width=\"28\" height=\"12\" viewBox=\"0 0 28 12\" aria-hidden=\"true\">\
         <rect x=\"1\" y=\"1\" width=\"26\" height=\"10\" fill=\"{fill}\" stroke=\"{stroke}\"{dash}/></svg>"
    )
}

/// The group's name in its first language, if the records give one.
pub fn group_name(data: &Dataset) -> Option<&str> {
    let group = data.group.as_ref()?;
    let language = draw::language(data);
    group
        .name
        .iter()
        .find(|(l, _)| *l == language)
        .or(group.name.first())
        .map(|(_, n)| n.as_str())
}

/// The days drawn: `from` and `until` where given, else [`span`]; an error when they are
/// inverted.
pub fn range(data: &Dataset, options: &Options) -> Result<Interval, Error> {
    let default = span(data);
    let start = options
        .from
        .or(default.map(|s| s.start))
        .or(options.until.map(|u| year_start(u.ymd().0)));
    let end = options
        .until
        .or(default.map(|s| s.end))
        .or(options.from.map(|f| year_end(f.ymd().0)));
    let (Some(mut start), Some(mut end)) = (start, end) else {
        // Nothing dated at all: an empty year, so that the rows still show.
        return Ok(Interval::new(year_start(2000), year_end(2000)));
    };
    if options.from.is_none() && start > end {
        start = year_start(end.ymd().0);
    }
    if options.until.is_none() && end < start {
        end = year_end(start.ymd().0);
    }
    if end < start {
        return Err(Error::usage(format!(
            "the range drawn ends ({end}) before it starts ({start})"
        )));
    }
    Ok(Interval::new(start, end))
}

/// The days drawn by default: what the records cover (the group's life within its `coverage`)
/// and every chair entry and claim, or, where the coverage is open, every date the records
/// give; widened to whole years. `None` when the records date nothing.
pub fn span(data: &Dataset) -> Option<Interval> {
    let finite = |d: Day| d > Day::MIN && d < Day::MAX;
    let mut days: Vec<Day> = Vec::new();
    let covered = data
        .group
        .as_ref()
        .map(|g| g.covered())
        .filter(|c| !c.is_empty());
    if let Some(c) = covered {
        days.extend([c.start, c.end]);
    }
    for entry in &data.chairs {
        days.extend(
            entry
                .period()
                .map(|p| [p.start, p.end])
                .into_iter()
                .flatten(),
        );
    }
    for claim in data.group.iter().flat_map(|g| &g.claims) {
        days.extend(claim.from.as_ref().map(|f| f.value.first_day()));
        days.extend(claim.until.as_ref().map(|u| u.value.last_day()));
    }
    if !covered.is_some_and(|c| finite(c.start) && finite(c.end)) {
        for m in &data.members {
            for (_, extent) in m.memberships() {
                let p = extent.possible();
                days.extend([p.start, p.end]);
            }
        }
        for w in &data.working_groups {
            days.extend(
                w.extent()
                    .map(|e| [e.possible().start, e.possible().end])
                    .into_iter()
                    .flatten(),
            );
        }
        if let Some(g) = &data.group {
            for date in [&g.founded, &g.dissolved].into_iter().flatten() {
                days.extend([date.value.first_day(), date.value.last_day()]);
            }
        }
    }
    days.retain(|d| finite(*d));
    let (first, last) = (days.iter().min()?, days.iter().max()?);
    Some(Interval::new(
        year_start(first.ymd().0),
        year_end(last.ymd().0),
    ))
}

fn year_start(year: i32) -> Day {
    Day::from_ymd(year, 1, 1).unwrap_or(Day::MIN)
}

fn year_end(year: i32) -> Day {
    Day::from_ymd(year, 12, 31).unwrap_or(Day::MAX)
}

/// How change reports name a chair entry (`diff::identity`): who chaired, sorted and joined by
/// `+` (`vacant`, `unknown` for those periods), then `start..end` as written.
pub fn term_key(entry: &ChairEntry) -> String {
    let who = match &entry.kind {
        EntryKind::Vacant => "vacant".to_string(),
        EntryKind::Unknown => "unknown".to_string(),
        EntryKind::Term { chairs, .. } => {
            let mut ids: Vec<&str> = chairs.iter().map(|c| c.value.as_str()).collect();
            ids.sort_unstable();
            ids.join("+")
        }
    };
    let show = |d: &Option<crate::model::Field<crate::temporal::Date>>| {
        d.as_ref().map_or("?".to_string(), |f| f.value.to_string())
    };
    format!("{who} {}..{}", show(&entry.start), show(&entry.end))
}

/// A rotation regime as drawn: its dates and its terms.
pub fn regime_key(regime: &Regime) -> String {
    format!(
        "{}..{} {} {:?} {}",
        draw::written(&regime.from),
        draw::written(&regime.until),
        regime.term_months,
        regime.start_months,
        regime.order.is_some()
    )
}

/// A claim as drawn: its count and its dates.
pub fn claim_key(claim: &Claim) -> String {
    format!(
        "{} {}..{} {}",
        claim.members,
        draw::written(&claim.from),
        draw::written(&claim.until),
        claim.derived
    )
}

/// The tool failing on an unknown `--member`, naming the closest id.
fn unknown_member(data: &Dataset, id: &str) -> Error {
    let mut ids: Vec<&str> = data.members.iter().map(draw::member_id).collect();
    ids.sort_unstable();
    let distance = |m: &str| strsim::osa_distance(m, id);
    let best = ids.iter().map(|m| distance(m)).min().filter(|d| *d <= 2);
    let closest: Vec<String> = ids
        .iter()
        .filter(|m| Some(distance(m)) == best)
        .map(|m| format!("`{m}`"))
        .collect();
    let hint = if !closest.is_empty() {
        format!("help: did you mean {}?", closest.join(" or "))
    } else if ids.is_empty() {
        "help: the records hold no member".to_string()
    } else {
        format!("help: the members are {}", ids.join(", "))
    };
    Error::usage(format!("there is no member `{id}` in the records\n{hint}"))
}
