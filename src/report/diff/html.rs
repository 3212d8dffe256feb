//! HTML output of `roster diff`: one self-contained page with the summary, the record changes,
//! the consequences, and the timeline of the records before and after the change.
//!
//! Both drawings share one range of days (what either side covers), so that they line up when
//! read one above the other. On each, what the change moved carries the `changed` class: the
//! members, chair entries and working groups whose record changed (and, on the old side, the
//! entries that are drawn differently on the new one), the regimes and claims that differ, and
//! the periods of the consequences: chair coverage gained (after) or lost (before), and member
//! counts that moved (both). The page references nothing outside itself, and every text from
//! the records is escaped (`timeline::escape`).

use super::human::{count, days, heading, shares_words, shown_fields, side_count};
use crate::diag::Severity;
use crate::diff::{
    prose, ChangeKind, Consequences, CountChange, FieldChange, Finding, RecordChange, Report,
    WordOp,
};
use crate::load::workspace::Kind;
use crate::model::Dataset;
use crate::report::text::severity_word;
use crate::temporal::{Day, Interval, PartialDate};
use crate::timeline::{self, escape, MarkedPeriod, Marks, Options, PeriodChange};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;

/// Which side of the change a drawing shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// The page for `report`; with `sides`, the records of its two sides (old, new), it has the
/// timeline before and after, without them only the report.
pub fn render(
    report: &Report,
    sides: Option<(&Dataset, &Dataset)>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    out.write_all(page(report, sides).as_bytes())
}

fn page(report: &Report, sides: Option<(&Dataset, &Dataset)>) -> String {
    let names = format!("{} → {}", report.old, report.new);
    let mut html = timeline::page_head(&format!("roster diff: {names}"));
    let _ = writeln!(html, "<h1>Records change: {}</h1>", escape(&names));
    let _ = writeln!(
        html,
        "<p class=\"summary\"><strong>{}</strong></p>",
        escape(&report.summary)
    );
    html.push_str("<h2>Record changes</h2>\n");
    if report.changes.is_empty() {
        html.push_str("<p>No record changed.</p>\n");
    }
    for group in report.changes.chunk_by(|a, b| a.kind == b.kind) {
        let _ = writeln!(html, "<h3>{}</h3>\n<ul>", heading(group[0].kind));
        for change in group {
            record(&mut html, change);
        }
        html.push_str("</ul>\n");
    }
    let lines = consequences(&report.consequences);
    if !lines.is_empty() {
        html.push_str("<h2>Consequences</h2>\n<ul>\n");
        for (class, line) in lines {
            let _ = writeln!(html, "<li class=\"{class}\">{line}</li>");
        }
        html.push_str("</ul>\n");
    }
    if let Some((old, new)) = sides {
        timelines(&mut html, report, old, new);
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// The timeline of each side, on the same days, with what the change moved highlighted.
fn timelines(html: &mut String, report: &Report, old: &Dataset, new: &Dataset) {
    html.push_str("<h2>Timeline, before and after</h2>\n");
    html.push_str(
        "<p>The records of each side, drawn on the same days. Outlined: the records the change \
     touched; shaded: the periods whose chair coverage or member count it moved.</p>\n",
    );
    html.push_str(&timeline::legend("new-", true));
    let range = shared_range(old, new);
    for (side, name, title) in [
        (Side::Old, &report.old, "Before"),
        (Side::New, &report.new, "After"),
    ] {
        let (this, other) = match side {
            Side::Old => (old, new),
            Side::New => (new, old),
        };
        let options = Options {
            from: range.map(|r| r.start),
            until: range.map(|r| r.end),
            member: None,
            marks: marks(report, side, this, other),
            id_prefix: match side {
                Side::Old => "old-".to_string(),
                Side::New => "new-".to_string(),
            },
        };
        let _ = writeln!(html, "<h3>{title}: {}</h3>", escape(name));
        match timeline::svg(this, &options) {
            Ok(svg) => {
                html.push_str("<div class=\"drawing\">\n");
                html.push_str(&svg);
                html.push_str("</div>\n");
            }
            Err(e) => {
                let _ = writeln!(
                    html,
                    "<p>The timeline cannot be drawn: {}</p>",
                    escape(&e.to_string())
                );
            }
        }
    }
}

/// The days both drawings show: what either side would show alone.
fn shared_range(old: &Dataset, new: &Dataset) -> Option<Interval> {
    match (timeline::span(old), timeline::span(new)) {
        (Some(a), Some(b)) => Some(Interval::new(a.start.min(b.start), a.end.max(b.end))),
        (a, b) => a.or(b),
    }
}

/// What to highlight on one side's drawing.
fn marks(report: &Report, side: Side, this: &Dataset, other: &Dataset) -> Marks {
    let mut marks = Marks::default();
    for change in &report.changes {
        // The record as this side names it, if this side has it.
        let id = match (side, change.change) {
            (Side::New, ChangeKind::Removed) | (Side::Old, ChangeKind::Added) => continue,
            (Side::Old, ChangeKind::Renamed) => change.renamed_from.as_ref().unwrap_or(&change.id),
            _ => &change.id,
        };
        let set = match change.kind {
            Kind::Member => &mut marks.members,
            Kind::Chairs => &mut marks.terms,
            Kind::WorkingGroups => &mut marks.working_groups,
            _ => continue,
        };
        set.insert(id.clone());
    }
    // What is drawn differently on the other side: a term whose dates or chair moved is named
    // by its new key in the report, and found here by its old one.
    let keys = |data: &Dataset| -> HashSet<String> {
        data.chairs.iter().map(timeline::term_key).collect()
    };
    let theirs = keys(other);
    marks
        .terms
        .extend(keys(this).into_iter().filter(|k| !theirs.contains(k)));
    let regimes = |data: &Dataset| -> HashSet<String> {
        data.group
            .iter()
            .flat_map(|g| g.regimes.iter().map(timeline::regime_key))
            .collect()
    };
    let claims = |data: &Dataset| -> HashSet<String> {
        data.group
            .iter()
            .flat_map(|g| g.claims.iter().map(timeline::claim_key))
            .collect()
    };
    marks.regimes = regimes(this).difference(&regimes(other)).cloned().collect();
    marks.claims = claims(this).difference(&claims(other)).cloned().collect();
    let bounds = |data: &Dataset| data.group.as_ref().map(|g| (g.life(), g.covered()));
    marks.coverage = bounds(this) != bounds(other);

    let c = &report.consequences;
    let coverage = match side {
        Side::Old => (&c.coverage_lost, PeriodChange::CoverageLost, "lost"),
        Side::New => (&c.coverage_gained, PeriodChange::CoverageGained, "gained"),
    };
    for period in coverage.0 {
        if let Some(moved) = interval(&period.start, Some(&period.end)) {
            marks.periods.push(MarkedPeriod {
                days: moved,
                change: coverage.1,
                title: format!(
                    "chair coverage {} {}",
                    coverage.2,
                    days(&period.start, Some(&period.end))
                ),
            });
        }
    }
    for change in &c.member_counts {
        if let Some(moved) = interval(&change.start, change.end.as_deref()) {
            marks.periods.push(MarkedPeriod {
                days: moved,
                change: PeriodChange::MemberCount,
                title: count_words(change),
            });
        }
    }
    marks
}

/// The days from `start` to `end` (open without one), as a change report writes them.
fn interval(start: &str, end: Option<&str>) -> Option<Interval> {
    let start = PartialDate::parse(start)?.first_day();
    let end = match end {
        Some(end) => PartialDate::parse(end)?.last_day(),
        None => Day::MAX,
    };
    Some(Interval::new(start, end))
}

/// `2010-01-01..2010-12-30: 14..16 members → 15..16`, as `roster diff` says it.
fn count_words(c: &CountChange) -> String {
    let when = days(&c.start, c.end.as_deref());
    match (c.old, c.new) {
        (Some(old), Some(new)) => format!(
            "{when}: {} members → {}",
            count(old.certain, old.possible),
            count(new.certain, new.possible)
        ),
        (old, new) => format!("{when}: {} → {}", side_count(old), side_count(new)),
    }
}

/// One changed record: its marker, label and place, then its changed fields.
fn record(html: &mut String, change: &RecordChange) {
    let (marker, class) = match change.change {
        ChangeKind::Added => ("+", "added"),
        ChangeKind::Removed => ("−", "removed"),
        ChangeKind::Modified => ("~", "modified"),
        ChangeKind::Renamed => ("→", "renamed"),
    };
    let renamed = change
        .renamed_from
        .as_ref()
        .map(|old| format!(" renamed from {}", code(old)))
        .unwrap_or_default();
    let _ = write!(
        html,
        "<li class=\"change {class}\">{marker} {}{renamed} {}",
        labelled(&change.label),
        code(&format!("{}:{}", change.file, change.line))
    );
    let fields: Vec<&FieldChange> = shown_fields(change).collect();
    if !fields.is_empty() {
        html.push_str("\n<ul>\n");
        for field in fields {
            let _ = writeln!(html, "<li>{}</li>", field_html(field));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</li>\n");
}

/// A label roster wrote (`member `iom``), its code spans as `<code>`, the rest escaped.
fn labelled(label: &str) -> String {
    let mut out = String::new();
    for (i, part) in label.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&code(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

fn code(text: &str) -> String {
    format!("<code>{}</code>", escape(text))
}

/// One changed field: its path, then what changed, words marked `<del>` and `<ins>`.
fn field_html(field: &FieldChange) -> String {
    let path = if field.path.is_empty() {
        "(the whole record)".to_string()
    } else {
        code(&field.path)
    };
    let shown = |value: &Value| match value {
        Value::String(text) if prose::is_prose(&field.path) => escape(text),
        _ => code(&value.to_string()),
    };
    if let Some(sentences) = &field.sentences {
        let mut out = format!("{path}:<ul>");
        for sentence in sentences {
            for (text, side, tag) in [
                (&sentence.old, WordOp::Delete, "del"),
                (&sentence.new, WordOp::Insert, "ins"),
            ] {
                let Some(text) = text else { continue };
                let body = match &sentence.words {
                    Some(words) => marked(
                        &prose::one_side(words, side)
                            .into_iter()
                            .map(|(changed, text)| (changed.then_some(tag), text))
                            .collect::<Vec<_>>(),
                    ),
                    None => format!("<{tag}>{}</{tag}>", escape(text)),
                };
                let sign = if side == WordOp::Delete { "−" } else { "+" };
                let _ = write!(out, "<li>{sign} {body}</li>");
            }
        }
        out.push_str("</ul>");
        return out;
    }
    match (&field.old, &field.new) {
        (None, Some(new)) => format!("+ {path}: <ins>{}</ins>", shown(new)),
        (Some(old), None) => format!("− {path}: <del>{}</del>", shown(old)),
        (Some(old), Some(new)) => match &field.words {
            Some(words) if shares_words(words) => {
                let runs: Vec<(Option<&str>, String)> = words
                    .iter()
                    .map(|w| {
                        let tag = match w.op {
                            WordOp::Equal => None,
                            WordOp::Delete => Some("del"),
                            WordOp::Insert => Some("ins"),
                        };
                        (tag, w.text.clone())
                    })
                    .collect();
                format!("{path}: {}", marked(&runs))
            }
            _ => format!(
                "{path}: <del>{}</del> → <ins>{}</ins>",
                shown(old),
                shown(new)
            ),
        },
        (None, None) => path,
    }
}

/// Runs of text, each escaped and wrapped in its tag if it has one.
fn marked(runs: &[(Option<&str>, String)]) -> String {
    let mut out = String::new();
    for (tag, text) in runs {
        match tag {
            Some(tag) => {
                let _ = write!(out, "<{tag}>{}</{tag}>", escape(text));
            }
            None => out.push_str(&escape(text)),
        }
    }
    out
}

/// The consequences as `(class, line)`: findings made certain, introduced, silenced and fixed
/// (errors first), member counts and chair coverage.
fn consequences(c: &Consequences) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for change in &c.became_certain {
        out.push((
            "error",
            format!(
                "{} (was uncertain: {})",
                finding(&change.now, "now certain"),
                labelled(&change.was.message)
            ),
        ));
    }
    for (findings, adjective, class) in [
        (&c.introduced, "new", "error"),
        (&c.under_silence, "new", "error"),
        (&c.silenced, "silenced", "modified"),
        (&c.fixed, "fixed", "fixed"),
    ] {
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            for f in findings.iter().filter(|f| f.severity == severity) {
                out.push((class, finding(f, adjective)));
            }
        }
    }
    for change in &c.member_counts {
        out.push(("count", escape(&count_words(change))));
    }
    for (periods, what, class) in [
        (&c.coverage_gained, "chair coverage gained", "fixed"),
        (&c.coverage_lost, "chair coverage lost", "error"),
    ] {
        for p in periods {
            out.push((
                class,
                escape(&format!("{what} {}", days(&p.start, Some(&p.end)))),
            ));
        }
    }
    out
}

/// `new error[T006]: message file:line:col`, the way `roster check` names a finding.
fn finding(f: &Finding, adjective: &str) -> String {
    let silence = match &f.silenced_by {
        Some(at) => format!(" (silenced by {})", code(at)),
        None => String::new(),
    };
    format!(
        "<strong>{adjective} {}[{}]</strong>: {} {}{silence}",
        severity_word(f.severity),
        escape(f.code),
        labelled(&f.message),
        code(&format!("{}:{}:{}", f.file, f.line, f.column))
    )
}
