//! The drawing: a scale from days to pixels, the bands and rows stacked down the page, and the
//! SVG of each. Shapes are written into two layers, the background (coverage, grid, years,
//! changed periods), whose height is known only at the end, and the records over it.

use super::xml::{num, Writer};
use super::{claim_key, regime_key, term_key, Options};
use crate::model::{ChairEntry, Claim, Dataset, EntryKind, Field, Member, Regime, WorkingGroup};
use crate::temporal::{self, Date, Day, Interval};

pub const MEMBER: &str = "#3b6ea5";
pub const TERM: &str = "#c77c2b";
pub const PLANNED: &str = "#f6e3cc";
pub const HIGHLIGHT: &str = "#8f1d14";
pub const VACANT: &str = "#f8d7d3";
pub const VACANT_LINE: &str = "#b3261e";
pub const UNKNOWN: &str = "#dddddd";
pub const UNKNOWN_LINE: &str = "#777777";
pub const WORKING_GROUP: &str = "#2f8f83";
pub const REGIME: &str = "#8c8c8c";
pub const CLAIM: &str = "#6a4c93";
pub const NOT_COVERED: &str = "#e6e6e6";
pub const CHANGED: &str = "#d6336c";
pub const GAINED: &str = "#c3f0c8";
pub const LOST: &str = "#ffc9c9";
pub const COUNT: &str = "#fff3bf";

const MARGIN: f64 = 8.0;
/// The width of a month, until the drawing reaches [`MAX_PLOT`].
const PX_PER_MONTH: f64 = 12.0;
const MIN_PLOT: f64 = 720.0;
const MAX_PLOT: f64 = 3600.0;
/// A member or working group row, and the bar in it.
const ROW: f64 = 16.0;
const BAR: f64 = 10.0;
/// Font sizes: labels in the left column, and text inside bars.
const FONT: f64 = 11.0;
const SMALL: f64 = 10.0;
const GAP: f64 = 6.0;
/// The chair band's greatest height, when a label has to stand upright.
const UPRIGHT_BAND: f64 = 120.0;
const FLAT_BAND: f64 = 20.0;
const HEADING: f64 = 14.0;

/// How wide `text` is at `size` px, for a sans-serif face: 0.6 em a character.
fn width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// A member's id, or its file's name where the record has none.
pub fn member_id(member: &Member) -> &str {
    member.id().unwrap_or(&member.file_stem)
}

/// The language names are shown in: the group's first, else English.
pub fn language(data: &Dataset) -> &str {
    data.group
        .as_ref()
        .and_then(|g| g.languages.first())
        .map_or("en", |l| l.value.as_str())
}

/// A date as written, or nothing.
pub fn written(date: &Option<Field<Date>>) -> String {
    date.as_ref()
        .map(|f| f.value.to_string())
        .unwrap_or_default()
}

/// Days in words: `2003-04-30..2013-12-31`, `from 2003-04-30`, `until 1991-12-23`.
fn days(interval: Interval) -> String {
    let finite = |d: Day| d > Day::MIN && d < Day::MAX;
    match (finite(interval.start), finite(interval.end)) {
        (true, true) if interval.start == interval.end => interval.start.to_string(),
        (true, true) => interval.to_string(),
        (true, false) => format!("from {}", interval.start),
        (false, true) => format!("until {}", interval.end),
        (false, false) => "at any time".to_string(),
    }
}

/// What a period's dates leave open: `certainly 2010-12-31.., possibly from 2010-01-01`.
fn reading(possible: Interval, certain: Interval) -> String {
    if certain.is_empty() {
        format!("only possibly, {}", days(possible))
    } else if certain == possible {
        days(possible)
    } else {
        format!("certainly {}, possibly {}", days(certain), days(possible))
    }
}

/// `January and July`, `every month`.
fn months_in_words(months: &[u32]) -> String {
    if months.len() == 12 {
        return "every month".to_string();
    }
    let names: Vec<&str> = months
        .iter()
        .filter_map(|m| temporal::MONTHS.get((*m as usize).wrapping_sub(1)).copied())
        .collect();
    match names.as_slice() {
        [] => "any month".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `class`, with ` changed` when `changed`.
fn class(base: &str, changed: bool) -> String {
    if changed {
        format!("{base} changed")
    } else {
        base.to_string()
    }
}

pub struct Drawing<'a> {
    data: &'a Dataset,
    options: &'a Options,
    range: Interval,
    /// The left edge of the plot, after the column of labels.
    x0: f64,
    plot_w: f64,
    /// Pixels a day.
    ppd: f64,
    label_w: f64,
    back: Writer,
    front: Writer,
    y: f64,
    /// The top and bottom of the chair band and of the member rows, for changed periods.
    chair_band: Option<(f64, f64)>,
    member_band: Option<(f64, f64)>,
}

impl<'a> Drawing<'a> {
    pub fn new(data: &'a Dataset, options: &'a Options, range: Interval) -> Drawing<'a> {
        let months = range.days() as f64 / 30.436_875;
        let plot_w = (months * PX_PER_MONTH).clamp(MIN_PLOT, MAX_PLOT);
        let mut labels: Vec<&str> = vec!["rotation", "chair", "claims", "working groups"];
        labels.extend(data.members.iter().map(member_id));
        labels.extend(
            data.working_groups
                .iter()
                .filter(|w| w.extent().is_some())
                .filter_map(|w| w.id.as_ref().map(|i| i.value.as_str())),
        );
        let label_w = labels
            .iter()
            .map(|l| width(l, FONT))
            .fold(0.0, f64::max)
            .clamp(60.0, 190.0)
            + 12.0;
        Drawing {
            data,
            options,
            range,
            x0: MARGIN + label_w,
            plot_w,
            ppd: plot_w / range.days() as f64,
            label_w,
            back: Writer::indented(1),
            front: Writer::indented(1),
            y: 0.0,
            chair_band: None,
            member_band: None,
        }
    }

    fn x(&self, day: Day) -> f64 {
        self.x0 + (day.0 as f64 - self.range.start.0 as f64) * self.ppd
    }

    /// The left and right edges of `interval` within the range, at least a pixel apart; `None`
    /// when it has no day in the range.
    fn xs(&self, interval: Interval) -> Option<(f64, f64)> {
        let clipped = interval.intersection(&self.range);
        if clipped.is_empty() {
            return None;
        }
        let (a, b) = (self.x(clipped.start), self.x(clipped.end.next()));
        Some((a, b.max(a + 1.0)))
    }

    fn end(&self) -> f64 {
        self.x0 + self.plot_w
    }

    /// A bar from `a` to `b` in the row at `y`, with its own attributes first.
    fn bar(&mut self, attrs: &[(&str, &str)], (a, b): (f64, f64), y: f64, h: f64, title: &str) {
        let (x, w, y, h) = (num(a), num(b - a), num(y), num(h));
        let mut all: Vec<(&str, &str)> = attrs.to_vec();
        all.extend([
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("width", w.as_str()),
            ("height", h.as_str()),
        ]);
        if title.is_empty() {
            self.front.empty("rect", &all);
        } else {
            self.front.titled("rect", &all, title);
        }
    }

    /// A period as a hatched bar over every day it may hold, and a solid one over the days it
    /// certainly holds; `attrs` go on the hatched bar.
    /// `days` are the possible and the certain days; `(y, h)` the bar's top and height.
    fn period(
        &mut self,
        attrs: &[(&str, &str)],
        hatch: &str,
        (possible, certain): (Interval, Interval),
        (y, h): (f64, f64),
        title: &str,
    ) -> Option<(f64, f64)> {
        let span = self.xs(possible)?;
        let fill = format!("url(#{}possible-{hatch})", self.options.id_prefix);
        let mut all = attrs.to_vec();
        all.push(("fill", &fill));
        self.bar(&all, span, y, h, title);
        if let Some(solid) = self.xs(certain) {
            self.bar(&[("class", "certain")], solid, y, h, "");
        }
        Some(span)
    }

    /// A label in the column on the left, at the middle of a row starting at `y`.
    fn row_label(&mut self, text: &str, y: f64, h: f64) {
        let mut shown = text.to_string();
        if width(text, FONT) > self.label_w - 8.0 {
            let keep = ((self.label_w - 8.0) / (FONT * 0.6)) as usize;
            shown = text
                .chars()
                .take(keep.saturating_sub(1))
                .collect::<String>()
                + "…";
        }
        let (x, y) = (num(MARGIN), num(y + h / 2.0));
        self.front.text(
            "text",
            &[("class", "row-label"), ("x", &x), ("y", &y)],
            &shown,
        );
    }

    /// The first of `candidates` that fits a bar from `a` to `b`, `h` high: written across,
    /// or else upright when `upright`.
    fn fit(
        candidates: &[String],
        (a, b): (f64, f64),
        h: f64,
        upright: bool,
    ) -> Option<(&str, bool)> {
        let w = b - a;
        if let Some(c) = candidates.iter().find(|c| width(c, SMALL) + 4.0 <= w) {
            return Some((c, false));
        }
        if !upright || w < SMALL + 2.0 {
            return None;
        }
        candidates
            .iter()
            .find(|c| width(c, SMALL) + 6.0 <= h)
            .map(|c| (c.as_str(), true))
    }

    /// A label centred on a bar, across or upright.
    fn bar_label(&mut self, text: &str, (a, b): (f64, f64), y: f64, h: f64, upright: bool) {
        let (cx, cy) = (num((a + b) / 2.0), num(y + h / 2.0));
        if upright {
            let turn = format!("rotate(-90 {cx} {cy})");
            self.front.text(
                "text",
                &[
                    ("class", "label"),
                    ("x", &cx),
                    ("y", &cy),
                    ("transform", &turn),
                ],
                text,
            );
        } else {
            self.front
                .text("text", &[("class", "label"), ("x", &cx), ("y", &cy)], text);
        }
    }

    pub fn svg(mut self) -> String {
        let name = super::group_name(self.data).unwrap_or("The records");
        let (from, until) = (self.range.start.ymd().0, self.range.end.ymd().0);
        let heading = if from == until {
            format!("{name}: members and chairs, {from}")
        } else {
            format!("{name}: members and chairs, {from}–{until}")
        };
        self.y = MARGIN + HEADING + 22.0;
        let top = self.y;
        self.regimes();
        self.chairs();
        self.claims();
        self.members();
        self.working_groups();
        let bottom = self.y;
        self.background(top, bottom);
        let width = (self.end() + 2.0 * MARGIN).max(width(&heading, HEADING) + 2.0 * MARGIN);
        let height = bottom + 22.0;
        let (w, h) = (num(width), num(height));
        let view = format!("0 0 {w} {h}");
        let mut out = Writer::default();
        out.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", "roster-timeline"),
                ("width", &w),
                ("height", &h),
                ("viewBox", &view),
                ("role", "img"),
            ],
        );
        out.text("title", &[], &heading);
        out.open("defs", &[]);
        for (which, colour) in [
            ("member", MEMBER),
            ("term", TERM),
            ("working-group", WORKING_GROUP),
        ] {
            let id = format!("{}possible-{which}", self.options.id_prefix);
            out.open(
                "pattern",
                &[
                    ("id", &id),
                    ("width", "6"),
                    ("height", "6"),
                    ("patternUnits", "userSpaceOnUse"),
                    ("patternTransform", "rotate(45)"),
                ],
            );
            out.empty("rect", &[("width", "6"), ("height", "6"), ("fill", "#fff")]);
            out.empty("rect", &[("width", "2"), ("height", "6"), ("fill", colour)]);
            out.close("pattern");
        }
        out.close("defs");
        out.raw(&format!("  <style>{}</style>\n", style()));
        let (x, y) = (num(MARGIN), num(MARGIN + HEADING));
        out.text(
            "text",
            &[("class", "heading"), ("x", &x), ("y", &y)],
            &heading,
        );
        out.raw(&self.back.out);
        out.raw(&self.front.out);
        out.close("svg");
        out.out
    }

    /// The coverage and what is outside it, the years, and the periods a change moved.
    fn background(&mut self, top: f64, bottom: f64) {
        let (y, h) = (num(top - 2.0), num(bottom - top + 4.0));
        let marks = &self.options.marks;
        if let Some(group) = &self.data.group {
            let covered = group.covered();
            let coverage = group.coverage.as_ref();
            let cover_words = match (
                coverage.map(|c| written(&c.from)),
                coverage.map(|c| written(&c.until)),
            ) {
                (Some(from), Some(until)) if !from.is_empty() && !until.is_empty() => {
                    format!("the records cover the group from {from} to {until}")
                }
                (Some(from), _) if !from.is_empty() => {
                    format!("the records cover the group from {from}")
                }
                _ => "the records cover the group's whole life".to_string(),
            };
            if let Some((a, b)) = self.xs(covered) {
                let (x, w) = (num(a), num(b - a));
                self.back.titled(
                    "rect",
                    &[
                        ("class", &class("coverage", marks.coverage)),
                        ("x", &x),
                        ("y", &y),
                        ("width", &w),
                        ("height", &h),
                    ],
                    &cover_words,
                );
            }
            let life = group.life();
            let outside = temporal::difference(&[self.range], &[covered]);
            for piece in outside {
                let parts = [
                    (
                        Interval::new(Day::MIN, life.start.prev()),
                        format!(
                            "not covered: before the group was founded ({})",
                            written(&group.founded)
                        ),
                    ),
                    (
                        Interval::new(life.start, life.end),
                        format!("not covered: {cover_words}"),
                    ),
                    (
                        Interval::new(life.end.next(), Day::MAX),
                        format!(
                            "not covered: after the group was dissolved ({})",
                            written(&group.dissolved)
                        ),
                    ),
                ];
                for (part, why) in parts {
                    if let Some((a, b)) = self.xs(piece.intersection(&part)) {
                        let (x, w) = (num(a), num(b - a));
                        self.back.titled(
                            "rect",
                            &[
                                ("class", "not-covered"),
                                ("x", &x),
                                ("y", &y),
                                ("width", &w),
                                ("height", &h),
                            ],
                            &why,
                        );
                    }
                }
            }
        }
        for mark in &marks.periods {
            let band = match mark.change {
                super::PeriodChange::MemberCount => self.member_band,
                _ => self.chair_band,
            };
            let (Some((t, b)), Some((x0, x1))) = (band, self.xs(mark.days)) else {
                continue;
            };
            let (x, w, y, h) = (num(x0), num(x1 - x0), num(t - 2.0), num(b - t + 4.0));
            self.back.titled(
                "rect",
                &[
                    ("class", mark.change.class()),
                    ("x", &x),
                    ("y", &y),
                    ("width", &w),
                    ("height", &h),
                ],
                &mark.title,
            );
        }
        self.years(top, bottom);
    }

    /// A line at the start of each year (each month too when months are wide), and the years
    /// written above and below, as many as fit.
    fn years(&mut self, top: f64, bottom: f64) {
        let year_w = 365.25 * self.ppd;
        let step = [1, 2, 5, 10, 20, 25, 50, 100]
            .into_iter()
            .find(|k| *k as f64 * year_w >= width("0000", SMALL) + 10.0)
            .unwrap_or(100);
        let (first, last) = (self.range.start.ymd().0, self.range.end.ymd().0);
        self.back.open("g", &[("class", "axis")]);
        let (y1, y2) = (num(top - 2.0), num(bottom + 2.0));
        for year in first..=last {
            if year_w >= 240.0 {
                for month in 2..=12 {
                    let day = Day::from_ymd(year, month, 1).unwrap_or(Day::MIN);
                    if self.range.contains(day) {
                        let x = num(self.x(day));
                        self.back.empty(
                            "line",
                            &[
                                ("class", "grid month"),
                                ("x1", &x),
                                ("y1", &y1),
                                ("x2", &x),
                                ("y2", &y2),
                            ],
                        );
                    }
                }
            }
            let start = Day::from_ymd(year, 1, 1).unwrap_or(Day::MIN);
            let labelled = year % step == 0;
            if self.range.contains(start) && (year_w >= 3.0 || labelled) {
                let x = num(self.x(start));
                self.back.empty(
                    "line",
                    &[
                        ("class", "grid"),
                        ("x1", &x),
                        ("y1", &y1),
                        ("x2", &x),
                        ("y2", &y2),
                    ],
                );
            }
            if !labelled {
                continue;
            }
            let text = year.to_string();
            let x = if step == 1 {
                // In the middle of the part of the year drawn, if the year fits there.
                let end = Day::from_ymd(year, 12, 31).unwrap_or(Day::MAX);
                match self.xs(Interval::new(start, end)) {
                    Some((a, b)) if b - a >= width(&text, SMALL) + 2.0 => (a + b) / 2.0,
                    _ => continue,
                }
            } else if self.range.contains(start) {
                self.x(start)
            } else {
                continue;
            };
            let x = num(x);
            for y in [top - 8.0, bottom + 14.0] {
                let y = num(y);
                self.back
                    .text("text", &[("class", "year"), ("x", &x), ("y", &y)], &text);
            }
        }
        self.back.close("g");
    }

    /// The rotation regimes, as a thin band: "6-month terms from 2006".
    fn regimes(&mut self) {
        let Some(group) = &self.data.group else {
            return;
        };
        if group.regimes.is_empty() {
            return;
        }
        let (y, h) = (self.y, 14.0);
        self.row_label("rotation", y, h);
        self.front.open("g", &[("class", "regimes")]);
        for regime in &group.regimes {
            let start = regime
                .from
                .as_ref()
                .map_or(Day::MIN, |f| f.value.first_day());
            let end = regime
                .until
                .as_ref()
                .map_or(Day::MAX, |u| u.value.last_day());
            let Some(span) = self.xs(Interval::new(start, end)) else {
                continue;
            };
            let changed = self.options.marks.regimes.contains(&regime_key(regime));
            let months = regime.term_months.to_string();
            self.front.open(
                "g",
                &[
                    ("class", &class("regime", changed)),
                    ("data-from", &written(&regime.from)),
                    ("data-until", &written(&regime.until)),
                    ("data-term-months", &months),
                ],
            );
            self.front.text("title", &[], &regime_words(regime));
            self.bar(&[("class", "bar")], span, y, h, "");
            let candidates = regime_labels(regime);
            if let Some((text, _)) = Self::fit(&candidates, span, h, false) {
                self.bar_label(text, span, y, h, false);
            }
            self.front.close("g");
        }
        self.front.close("g");
        self.y += h + GAP;
    }

    /// The chair rotation: one bar per entry, labelled with who chaired where it fits.
    fn chairs(&mut self) {
        let entries: Vec<(&ChairEntry, (f64, f64))> = self
            .data
            .chairs
            .iter()
            .filter_map(|e| Some((e, self.xs(e.period()?)?)))
            .collect();
        if entries.is_empty() {
            return;
        }
        let labels: Vec<Vec<String>> = entries.iter().map(|(e, _)| self.term_labels(e)).collect();
        // As high as the longest label that must stand upright needs, if any must.
        let upright = entries
            .iter()
            .zip(&labels)
            .filter(|((_, span), c)| Self::fit(c, *span, FLAT_BAND, false).is_none())
            .filter_map(|((_, span), c)| Self::fit(c, *span, UPRIGHT_BAND, true))
            .map(|(text, _)| width(text, SMALL) + 6.0)
            .fold(None, |most: Option<f64>, h| {
                Some(most.map_or(h, |m| m.max(h)))
            });
        let h = upright.map_or(FLAT_BAND, |h| h.clamp(40.0, UPRIGHT_BAND));
        let y = self.y;
        self.row_label("chair", y, h);
        self.chair_band = Some((y, y + h));
        self.front.open("g", &[("class", "chairs")]);
        for ((entry, _), candidates) in entries.into_iter().zip(labels) {
            self.term(entry, &candidates, y, h);
        }
        self.front.close("g");
        self.y += h + GAP;
    }

    /// What a chair entry may be labelled, longest first.
    fn term_labels(&self, entry: &ChairEntry) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        match &entry.kind {
            EntryKind::Vacant => out.push("vacant".to_string()),
            EntryKind::Unknown => out.extend(["unknown".to_string(), "?".to_string()]),
            EntryKind::Term {
                chairs,
                coordinator,
                ..
            } => {
                let ids: Vec<&str> = chairs.iter().map(|c| c.value.as_str()).collect();
                let joined = ids.join("+");
                if let Some(c) = coordinator {
                    out.push(format!("{joined} ({})", c.value));
                }
                out.push(joined);
                if let Some(c) = coordinator {
                    out.push(c.value.clone());
                }
                let language = language(self.data);
                let acronyms: Option<Vec<&str>> = ids
                    .iter()
                    .map(|id| {
                        let m = self.data.member(id)?;
                        m.acronyms
                            .iter()
                            .find(|(l, _)| l == language)
                            .or(m.acronyms.first())
                            .map(|(_, a)| a.value.as_str())
                    })
                    .collect();
                if let Some(acronyms) = acronyms {
                    out.push(acronyms.join("+"));
                }
            }
        }
        out.dedup();
        out.retain(|c| !c.is_empty());
        out
    }

    fn term(&mut self, entry: &ChairEntry, candidates: &[String], y: f64, h: f64) {
        let (kind, chairs) = match &entry.kind {
            EntryKind::Term { chairs, .. } => ("term", &chairs[..]),
            EntryKind::Vacant => ("vacant", &[][..]),
            EntryKind::Unknown => ("unknown", &[][..]),
        };
        let ids: Vec<&str> = chairs.iter().map(|c| c.value.as_str()).collect();
        let mut classes = "term".to_string();
        if let Some(member) = &self.options.member {
            let behalf = entry
                .term()
                .and_then(|t| t.on_behalf_of)
                .is_some_and(|o| &o.value == member);
            if ids.contains(&member.as_str()) || behalf {
                classes.push_str(" highlight");
            }
        }
        if self.options.marks.terms.contains(&term_key(entry)) {
            classes.push_str(" changed");
        }
        self.front.open(
            "g",
            &[
                ("class", &classes),
                ("data-chair", &ids.join("+")),
                ("data-start", &written(&entry.start)),
                ("data-end", &written(&entry.end)),
                ("data-kind", kind),
                ("data-planned", if entry.planned { "true" } else { "false" }),
            ],
        );
        let (Some(possible), Some(certain)) = (entry.period(), entry.certain_period()) else {
            self.front.close("g");
            return;
        };
        let title = term_words(entry, possible, certain);
        self.front.text("title", &[], &title);
        if let Some(span) = self.period(
            &[("class", "period")],
            "term",
            (possible, certain),
            (y, h),
            "",
        ) {
            if let Some((text, upright)) = Self::fit(candidates, span, h, h > FLAT_BAND) {
                self.bar_label(text, span, y, h, upright);
            }
        }
        self.front.close("g");
    }

    /// The claims of member counts: a line over the period claimed and a marker with the
    /// number, in as many lanes as keep the markers apart.
    fn claims(&mut self) {
        let Some(group) = &self.data.group else {
            return;
        };
        // (claim, its line, the centre and width of its marker, its lane)
        type Placed<'c> = (&'c Claim, (f64, f64), f64, f64, usize);
        let mut placed: Vec<Placed> = Vec::new();
        let mut lanes: Vec<f64> = Vec::new();
        for claim in &group.claims {
            let from = claim.from.as_ref().or(claim.until.as_ref());
            let until = claim.until.as_ref().or(claim.from.as_ref());
            let (Some(from), Some(until)) = (from, until) else {
                continue;
            };
            let interval = Interval::new(from.value.first_day(), until.value.last_day());
            let Some(span) = self.xs(interval) else {
                continue;
            };
            let marker_w = width(&claim.members.to_string(), SMALL) + 8.0;
            let centre = ((span.0 + span.1) / 2.0)
                .clamp(self.x0 + marker_w / 2.0, self.end() - marker_w / 2.0);
            let left = span.0.min(centre - marker_w / 2.0);
            let right = span.1.max(centre + marker_w / 2.0);
            let lane = match lanes.iter().position(|end| *end + 3.0 <= left) {
                Some(lane) => lane,
                None => {
                    lanes.push(f64::MIN);
                    lanes.len() - 1
                }
            };
            lanes[lane] = right;
            placed.push((claim, span, centre, marker_w, lane));
        }
        if placed.is_empty() {
            return;
        }
        let top = self.y;
        self.row_label("claims", top, ROW);
        self.front.open("g", &[("class", "claims")]);
        for (claim, span, centre, marker_w, lane) in placed {
            let y = top + lane as f64 * ROW;
            let count = claim.members.to_string();
            let changed = self.options.marks.claims.contains(&claim_key(claim));
            self.front.open(
                "g",
                &[
                    ("class", &class("claim", changed)),
                    ("data-members", &count),
                    ("data-from", &written(&claim.from)),
                    ("data-until", &written(&claim.until)),
                    ("data-derived", if claim.derived { "true" } else { "false" }),
                ],
            );
            self.front.text("title", &[], &claim_words(claim));
            self.bar(&[("class", "extent")], span, y + ROW / 2.0 - 1.5, 3.0, "");
            let (x, w, my) = (num(centre - marker_w / 2.0), num(marker_w), num(y + 1.5));
            self.front.empty(
                "rect",
                &[
                    ("class", "marker"),
                    ("x", &x),
                    ("y", &my),
                    ("width", &w),
                    ("height", "13"),
                    ("rx", "6"),
                ],
            );
            let (cx, cy) = (num(centre), num(y + ROW / 2.0));
            self.front.text(
                "text",
                &[("class", "count"), ("x", &cx), ("y", &cy)],
                &count,
            );
            self.front.close("g");
        }
        self.front.close("g");
        self.y += lanes.len() as f64 * ROW + GAP;
    }

    /// One row per member (only `--member`'s when given), in the order they first joined.
    fn members(&mut self) {
        let mut members: Vec<&Member> = self
            .data
            .members
            .iter()
            .filter(|m| {
                self.options
                    .member
                    .as_ref()
                    .is_none_or(|id| member_id(m) == id)
            })
            .collect();
        members.sort_by_key(|m| {
            let first = m
                .memberships()
                .map(|(_, e)| e.possible().start)
                .min()
                .unwrap_or(Day::MAX);
            (first, member_id(m))
        });
        if members.is_empty() {
            return;
        }
        let top = self.y;
        self.front.open("g", &[("class", "members")]);
        for member in members {
            self.member(member);
        }
        self.front.close("g");
        self.member_band = Some((top, self.y));
        self.y += GAP;
    }

    fn member(&mut self, member: &Member) {
        let id = member_id(member);
        let language = language(self.data);
        let name = member
            .name_in(language)
            .or(member.names.first().map(|(_, n)| n.as_str()))
            .unwrap_or(id);
        let changed = self.options.marks.members.contains(id);
        let y = self.y;
        self.front.open(
            "g",
            &[("class", &class("member", changed)), ("data-id", id)],
        );
        self.front
            .text("title", &[], &member_words(member, name, id));
        self.row_label(id, y, ROW);
        let bar_y = y + (ROW - BAR) / 2.0;
        let mut drawn = false;
        let mut outside = Vec::new();
        for (tenure, extent) in member.memberships() {
            let joined = written(&tenure.joined);
            let left = written(&tenure.left);
            let title = format!(
                "{id}: {}; a member {}",
                tenure_words(&joined, &left),
                reading(extent.possible(), extent.certain())
            );
            let drawn_here = self
                .period(
                    &[
                        ("class", &class("membership", changed)),
                        ("data-id", id),
                        ("data-joined", &joined),
                        ("data-left", &left),
                    ],
                    "member",
                    (extent.possible(), extent.certain()),
                    (bar_y, BAR),
                    &title,
                )
                .is_some();
            if !drawn_here {
                outside.push(tenure_words(&joined, &left));
            }
            drawn |= drawn_here;
        }
        if !drawn {
            let note = if outside.is_empty() {
                "dates unknown".to_string()
            } else {
                format!("outside this range: {}", outside.join("; "))
            };
            let (x, ny) = (num(self.x0 + 4.0), num(y + ROW / 2.0));
            self.front
                .text("text", &[("class", "note"), ("x", &x), ("y", &ny)], &note);
        }
        self.front.close("g");
        self.y += ROW;
    }

    /// Dated working groups as rows; undated ones listed on one line as "dates unknown".
    fn working_groups(&mut self) {
        let (dated, undated): (Vec<&WorkingGroup>, Vec<&WorkingGroup>) = self
            .data
            .working_groups
            .iter()
            .filter(|w| w.id.is_some())
            .partition(|w| w.extent().is_some());
        if dated.is_empty() && undated.is_empty() {
            return;
        }
        self.front.open("g", &[("class", "working-groups")]);
        for w in dated {
            let extent = w.extent().expect("dated");
            let id = w.id.as_ref().map_or("", |i| i.value.as_str());
            let changed = self.options.marks.working_groups.contains(id);
            let y = self.y;
            self.front.open(
                "g",
                &[
                    ("class", &class("working-group", changed)),
                    ("data-id", id),
                    ("data-from", &written(&w.from)),
                    ("data-until", &written(&w.until)),
                ],
            );
            let title = format!(
                "working group {id}{}: {}; existed {}",
                co_chairs(w),
                tenure_words(&written(&w.from), &written(&w.until))
                    .replace("joined", "from")
                    .replace("left", "until"),
                reading(extent.possible(), extent.certain())
            );
            self.front.text("title", &[], &title);
            self.row_label(id, y, ROW);
            self.period(
                &[("class", "period")],
                "working-group",
                (extent.possible(), extent.certain()),
                (y + (ROW - BAR) / 2.0, BAR),
                "",
            );
            self.front.close("g");
            self.y += ROW;
        }
        if !undated.is_empty() {
            self.row_label("working groups", self.y, ROW);
            let mut x = self.x0 + 4.0;
            let mut y = self.y + ROW / 2.0;
            let lead = "dates unknown:";
            let (lx, ly) = (num(x), num(y));
            self.front
                .text("text", &[("class", "note"), ("x", &lx), ("y", &ly)], lead);
            x += width(lead, SMALL) + 8.0;
            for w in undated {
                let id = w.id.as_ref().map_or("", |i| i.value.as_str());
                let text = format!("{id}{}", co_chairs(w));
                let text_w = width(&text, FONT);
                if x + text_w > self.end() && x > self.x0 + width(lead, SMALL) + 12.0 {
                    x = self.x0 + width(lead, SMALL) + 12.0;
                    y += ROW;
                    self.y += ROW;
                }
                let changed = self.options.marks.working_groups.contains(id);
                self.front.open(
                    "g",
                    &[
                        ("class", &class("working-group", changed)),
                        ("data-id", id),
                        ("data-from", ""),
                        ("data-until", ""),
                    ],
                );
                self.front.text(
                    "title",
                    &[],
                    &format!(
                        "working group {id}{}: no source dates it, so it is placed on no day",
                        co_chairs(w)
                    ),
                );
                let (tx, ty) = (num(x), num(y));
                self.front.text(
                    "text",
                    &[("class", "undated"), ("x", &tx), ("y", &ty)],
                    &text,
                );
                self.front.close("g");
                x += text_w + 14.0;
            }
            self.y += ROW;
        }
        self.front.close("g");
        self.y += GAP;
    }
}

/// ` (co-chairs iom, undp)`, or nothing.
fn co_chairs(w: &WorkingGroup) -> String {
    if w.co_chairs.is_empty() {
        return String::new();
    }
    let ids: Vec<&str> = w.co_chairs.iter().map(|c| c.value.as_str()).collect();
    format!(" (co-chairs {})", ids.join(", "))
}

/// `joined 2003-04`, `joined 1945-10-24, left 1991-12-23`.
fn tenure_words(joined: &str, left: &str) -> String {
    let joined = if joined.is_empty() { "?" } else { joined };
    if left.is_empty() {
        format!("joined {joined}")
    } else {
        format!("joined {joined}, left {left}")
    }
}

/// A member's hover text: its name and id, its seat, and its periods as written.
fn member_words(member: &Member, name: &str, id: &str) -> String {
    let mut out = if name == id {
        id.to_string()
    } else {
        format!("{name} ({id})")
    };
    if let Some(seat) = &member.seat {
        out.push_str(&format!(", {} seat", seat.value));
    }
    if let Some(c) = &member.continues {
        out.push_str(&format!(", continuing the seat of {}", c.value));
    }
    let periods: Vec<String> = member
        .tenures
        .iter()
        .map(|t| tenure_words(&written(&t.joined), &written(&t.left)))
        .collect();
    out.push_str(": ");
    out.push_str(&periods.join("; "));
    out
}

/// A chair entry's hover text: "iom chaired 2007-01..2007-06".
fn term_words(entry: &ChairEntry, possible: Interval, certain: Interval) -> String {
    let (start, end) = (written(&entry.start), written(&entry.end));
    let dates = if start == end {
        start
    } else {
        format!("{start}..{end}")
    };
    let mut out = match &entry.kind {
        EntryKind::Vacant => format!("the chair was vacant {dates}"),
        EntryKind::Unknown => format!("no source says who chaired {dates}"),
        EntryKind::Term {
            chairs,
            on_behalf_of,
            coordinator,
            interim,
            ..
        } => {
            let ids: Vec<&str> = chairs.iter().map(|c| c.value.as_str()).collect();
            let who = match ids.as_slice() {
                [] => "?".to_string(),
                [one] => one.to_string(),
                [init @ .., last] => format!("{} and {last}", init.join(", ")),
            };
            let verb = match (entry.planned, ids.len() > 1) {
                (true, false) => "is planned to chair",
                (true, true) => "are planned to co-chair",
                (false, false) => "chaired",
                (false, true) => "co-chaired",
            };
            let mut out = format!("{who} {verb} {dates}");
            if let Some(o) = on_behalf_of {
                out.push_str(&format!(" on behalf of {}", o.value));
            }
            if let Some(c) = coordinator {
                out.push_str(&format!(", coordinated by {}", c.value));
            }
            if *interim {
                out.push_str(", interim");
            }
            out
        }
    };
    if certain != possible {
        out.push_str(&format!(" ({})", reading(possible, certain)));
    }
    out
}

/// A regime's hover text: its terms, their months, its dates and its order.
fn regime_words(regime: &Regime) -> String {
    let mut out = format!(
        "{}-month terms starting in {}",
        regime.term_months,
        months_in_words(&regime.start_months)
    );
    match (written(&regime.from), written(&regime.until)) {
        (from, until) if !from.is_empty() && !until.is_empty() => {
            out.push_str(&format!(", from {from} until {until}"))
        }
        (from, _) if !from.is_empty() => out.push_str(&format!(", from {from}, open-ended")),
        (_, until) if !until.is_empty() => out.push_str(&format!(", until {until}")),
        _ => {}
    }
    if let Some(order) = &regime.order {
        if let Some(language) = &order.alphabetical {
            out.push_str(&format!(
                "; in the alphabetical order of the members' names in {}",
                language.value
            ));
        } else if !order.list.is_empty() {
            let ids: Vec<&str> = order.list.iter().map(|m| m.value.as_str()).collect();
            out.push_str(&format!("; in the order {}", ids.join(", ")));
        }
    }
    if !regime.skipped.is_empty() {
        out.push_str(&format!("; {} turns skipped", regime.skipped.len()));
    }
    out
}

/// What a regime may be labelled, longest first: "6-month terms from 2006".
fn regime_labels(regime: &Regime) -> Vec<String> {
    let terms = format!("{}-month terms", regime.term_months);
    let dates = match (written(&regime.from), written(&regime.until)) {
        (from, until) if !from.is_empty() && !until.is_empty() => {
            format!(" from {from} to {until}")
        }
        (from, _) if !from.is_empty() => format!(" from {from}"),
        _ => String::new(),
    };
    let order = match &regime.order {
        Some(o) if o.alphabetical.is_some() => ", alphabetical order",
        Some(_) => ", fixed order",
        None => "",
    };
    vec![
        format!("{terms}{dates}{order}"),
        format!("{terms}{dates}"),
        terms,
        format!("{} mo", regime.term_months),
    ]
}

/// A claim's hover text: "16 members, 2010-12..2013-12, according to iom-gmg-page-fr".
fn claim_words(claim: &Claim) -> String {
    let dates = match (written(&claim.from), written(&claim.until)) {
        (from, until) if from == until => format!("in {from}"),
        (from, until) if until.is_empty() => format!("from {from}"),
        (from, until) => format!("{from}..{until}"),
    };
    let whose = match (&claim.source, claim.derived) {
        (_, true) => "derived by the records from their sources".to_string(),
        (Some(source), false) => format!("according to {}", source.value),
        (None, false) => "claimed".to_string(),
    };
    format!("{} members {dates}, {whose}", claim.members)
}

/// The style of the drawing, every rule under `.roster-timeline` so that a page embedding it
/// keeps its own.
fn style() -> String {
    format!(
        "
    .roster-timeline {{ font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 11px }}
    .roster-timeline text {{ fill: #222; dominant-baseline: central }}
    .roster-timeline .heading {{ font-size: 14px; font-weight: 600; dominant-baseline: auto }}
    .roster-timeline .year {{ font-size: 10px; fill: #555; text-anchor: middle }}
    .roster-timeline .grid {{ stroke: #d4d4d4; stroke-width: 1 }}
    .roster-timeline .grid.month {{ stroke: #eeeeee }}
    .roster-timeline .coverage {{ fill: #ffffff }}
    .roster-timeline .not-covered {{ fill: {NOT_COVERED} }}
    .roster-timeline .note, .roster-timeline .undated {{ font-size: 10px; fill: #555; font-style: italic }}
    .roster-timeline .label {{ font-size: 10px; text-anchor: middle; fill: #fff }}
    .roster-timeline .certain, .roster-timeline .label, .roster-timeline .count, .roster-timeline .row-label, .roster-timeline .year {{ pointer-events: none }}
    .roster-timeline .membership {{ stroke: {MEMBER}; stroke-width: 1 }}
    .roster-timeline .member .certain {{ fill: {MEMBER} }}
    .roster-timeline .working-group .period {{ stroke: {WORKING_GROUP}; stroke-width: 1 }}
    .roster-timeline .working-group .certain {{ fill: {WORKING_GROUP} }}
    .roster-timeline .term .period {{ stroke: {TERM}; stroke-width: 1 }}
    .roster-timeline .term .certain {{ fill: {TERM}; stroke: #fff; stroke-width: 1 }}
    .roster-timeline .term[data-kind=\"vacant\"] rect {{ fill: {VACANT}; stroke: {VACANT_LINE} }}
    .roster-timeline .term[data-kind=\"vacant\"] .label {{ fill: {VACANT_LINE} }}
    .roster-timeline .term[data-kind=\"unknown\"] rect {{ fill: {UNKNOWN}; stroke: {UNKNOWN_LINE} }}
    .roster-timeline .term[data-kind=\"unknown\"] .label {{ fill: #444 }}
    .roster-timeline .term[data-planned=\"true\"] .certain {{ fill: {PLANNED}; stroke: {TERM}; stroke-dasharray: 4 2 }}
    .roster-timeline .term[data-planned=\"true\"] .label {{ fill: #7a4a12; font-style: italic }}
    .roster-timeline .term.highlight .certain {{ fill: {HIGHLIGHT} }}
    .roster-timeline .regime .bar {{ fill: {REGIME} }}
    .roster-timeline .claim .extent {{ fill: {CLAIM} }}
    .roster-timeline .claim .marker {{ fill: {CLAIM}; stroke: {CLAIM} }}
    .roster-timeline .claim .count {{ font-size: 10px; text-anchor: middle; fill: #fff }}
    .roster-timeline .claim[data-derived=\"true\"] .marker {{ fill: #fff; stroke-dasharray: 3 2 }}
    .roster-timeline .claim[data-derived=\"true\"] .count {{ fill: {CLAIM} }}
    .roster-timeline rect.changed, .roster-timeline g.changed > rect, .roster-timeline g.changed > rect.certain, .roster-timeline g.changed > rect.period {{ stroke: {CHANGED}; stroke-width: 2 }}
    .roster-timeline g.changed > .row-label {{ fill: {CHANGED}; font-weight: 600 }}
    .roster-timeline rect.coverage-gained {{ fill: {GAINED}; stroke: none }}
    .roster-timeline rect.coverage-lost {{ fill: {LOST}; stroke: none }}
    .roster-timeline rect.member-count {{ fill: {COUNT}; stroke: none }}
  "
    )
}
