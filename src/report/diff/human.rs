//! Human output of `roster diff`: a summary line, the record changes under one heading per kind,
//! each with its changed fields, then the consequences.
//!
//! Lines start with a marker, so that the output reads without colour too: `+` added, `-`
//! removed, `~` modified, `>` renamed. Changed text shows its words the way `git diff
//! --word-diff` does: `[-deleted-]{+inserted+}` in plain text, red and green when coloured.
//! Colours are raw ANSI codes (`anstyle` is only an indirect dependency here); whether to use
//! them is decided by the caller and passed in [`RenderOptions`].

use crate::diag::Severity;
use crate::diff::{prose, WordOp};
use crate::diff::{
    ChangeKind, Consequences, CountChange, FieldChange, Finding, MemberCount, RecordChange, Report,
    Word,
};
use crate::load::workspace::Kind;
use crate::report::text::severity_word;
use crate::report::RenderOptions;
use serde_json::Value;
use std::io;

const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";
const REVERSE: &str = "\x1b[7m";

pub fn render(report: &Report, options: &RenderOptions, out: &mut dyn io::Write) -> io::Result<()> {
    let p = Painter {
        color: options.color,
    };
    let summary = visible(&format!(
        "{} → {}: {}",
        report.old, report.new, report.summary
    ));
    writeln!(out, "{}", p.paint(BOLD, &summary))?;

    for group in report.changes.chunk_by(|a, b| a.kind == b.kind) {
        writeln!(out)?;
        writeln!(out, "{}", p.paint(BOLD, heading(group[0].kind)))?;
        for change in group {
            let (marker, style) = match change.change {
                ChangeKind::Added => ("+", GREEN),
                ChangeKind::Removed => ("-", RED),
                ChangeKind::Modified => ("~", YELLOW),
                ChangeKind::Renamed => (">", YELLOW),
            };
            let mut what = format!("{marker} {}", visible(&change.label));
            if let Some(old_id) = &change.renamed_from {
                what.push_str(&format!(" renamed from `{}`", visible(old_id)));
            }
            writeln!(
                out,
                "{}  {}:{}",
                p.paint(style, &what),
                visible(&change.file),
                change.line
            )?;
            for field in shown_fields(change) {
                for line in field_lines(field, p) {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }

    consequences(&report.consequences, p, out)
}

/// The fields to show under a record: all but the id of a renamed one, which its line names.
pub(super) fn shown_fields(change: &RecordChange) -> impl Iterator<Item = &FieldChange> {
    let renamed = change.change == ChangeKind::Renamed;
    change
        .fields
        .iter()
        .filter(move |f| !(renamed && f.path == "/id"))
}

/// The heading of a kind's changes.
pub(super) fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Group => "Group",
        Kind::Member => "Members",
        Kind::Chairs => "Chair entries",
        Kind::WorkingGroups => "Working groups",
        Kind::Documents => "Documents",
        Kind::Sources => "Sources",
    }
}

#[derive(Clone, Copy)]
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// One changed field, indented under its record so that paths line up whatever the marker.
/// Changed prose takes a line per changed sentence: the old one (`-`) and the new one (`+`),
/// each whole, with the words that changed marked.
fn field_lines(field: &FieldChange, p: Painter) -> Vec<String> {
    let path = if field.path.is_empty() {
        "(the whole record)".to_string()
    } else {
        visible(&field.path)
    };
    if let Some(sentences) = &field.sentences {
        let mut lines = vec![format!("    {path}:")];
        for sentence in sentences {
            if let Some(old) = &sentence.old {
                let text = match &sentence.words {
                    Some(words) => marked(words, WordOp::Delete, p),
                    None => visible(old),
                };
                lines.push(format!("      {}", p.paint(RED, &format!("- {text}"))));
            }
            if let Some(new) = &sentence.new {
                let text = match &sentence.words {
                    Some(words) => marked(words, WordOp::Insert, p),
                    None => visible(new),
                };
                lines.push(format!("      {}", p.paint(GREEN, &format!("+ {text}"))));
            }
        }
        return lines;
    }
    // Prose added or removed whole reads as text, not as a JSON string.
    let shown = |value: &Value| match value {
        Value::String(text) if prose::is_prose(&field.path) => visible(text),
        _ => json(value),
    };
    vec![match (&field.old, &field.new) {
        (None, Some(new)) => format!("  {}", p.paint(GREEN, &format!("+ {path}: {}", shown(new)))),
        (Some(old), None) => format!("  {}", p.paint(RED, &format!("- {path}: {}", shown(old)))),
        (Some(old), Some(new)) => match &field.words {
            Some(words) if shares_words(words) => format!("    {path}: {}", word_diff(words, p)),
            _ => format!(
                "    {path}: {} → {}",
                p.paint(RED, &json(old)),
                p.paint(GREEN, &json(new))
            ),
        },
        (None, None) => format!("    {path}"),
    }]
}

/// One side of a rewritten sentence: its words kept and those of `side` (removed for the old
/// sentence, inserted for the new one), marked `[-so-]` or `{+so+}` in plain text and in
/// reverse video when coloured (the line itself is red or green).
fn marked(words: &[Word], side: WordOp, p: Painter) -> String {
    let mut out = String::new();
    for (changed, text) in prose::one_side(words, side) {
        let text = visible(&text);
        if !changed {
            out.push_str(&text);
            continue;
        }
        let (lead, core, trail) = hug(&text);
        out.push_str(lead);
        match (side, p.color) {
            (_, true) => {
                let colour = if side == WordOp::Delete { RED } else { GREEN };
                out.push_str(&format!("{REVERSE}{core}{RESET}{colour}"));
            }
            (WordOp::Delete, false) => out.push_str(&format!("[-{core}-]")),
            (_, false) => out.push_str(&format!("{{+{core}+}}")),
        }
        out.push_str(trail);
    }
    out
}

/// Text from the records, with line breaks and other control characters written as escapes,
/// so that a value can neither break the layout nor send codes to the terminal.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Compact JSON: a text in quotes, anything else as JSON writes it; JSON escapes control
/// characters itself.
fn json(value: &Value) -> String {
    value.to_string()
}

/// Whether two texts have a word in common; if not, showing the old and the new text whole
/// reads better than one deletion followed by one insertion.
pub(super) fn shares_words(words: &[Word]) -> bool {
    words
        .iter()
        .any(|w| w.op == WordOp::Equal && !w.text.trim().is_empty())
}

/// Splits a changed run into its leading space, its words and its trailing space, so that
/// markers hug the words: `les {+(OIM)+}`, not `les{+ (OIM)+}`. A run of spaces alone is kept
/// whole, so that a change of spacing still shows.
pub(super) fn hug(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    if core.is_empty() {
        return ("", text, "");
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}

fn word_diff(words: &[Word], p: Painter) -> String {
    let mut out = String::new();
    let mut previous = WordOp::Equal;
    for word in words {
        let text = visible(&word.text);
        if word.op == WordOp::Equal {
            out.push_str(&text);
        } else {
            let (lead, core, trail) = hug(&text);
            if p.color && previous != WordOp::Equal && lead.is_empty() {
                // Without brackets, a deletion and the insertion right after it would run
                // together.
                out.push(' ');
            }
            out.push_str(lead);
            match (word.op, p.color) {
                (WordOp::Delete, true) => out.push_str(&p.paint(RED, core)),
                (WordOp::Delete, false) => out.push_str(&format!("[-{core}-]")),
                (_, true) => out.push_str(&p.paint(GREEN, core)),
                (_, false) => out.push_str(&format!("{{+{core}+}}")),
            }
            out.push_str(trail);
        }
        previous = word.op;
    }
    out
}

fn consequences(c: &Consequences, p: Painter, out: &mut dyn io::Write) -> io::Result<()> {
    let any = !(c.introduced.is_empty()
        && c.fixed.is_empty()
        && c.silenced.is_empty()
        && c.under_silence.is_empty()
        && c.became_certain.is_empty()
        && c.member_counts.is_empty()
        && c.coverage_gained.is_empty()
        && c.coverage_lost.is_empty());
    if !any {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", p.paint(BOLD, "Consequences"))?;
    for change in &c.became_certain {
        writeln!(out, "{}", finding_line(&change.now, "now certain", p))?;
        writeln!(
            out,
            "    was uncertain: {}",
            p.paint(YELLOW, &visible(&change.was.message))
        )?;
    }
    for (findings, adjective) in [
        (&c.introduced, "new"),
        (&c.under_silence, "new"),
        (&c.silenced, "silenced"),
        (&c.fixed, "fixed"),
    ] {
        // Errors, then warnings, then uncertain findings, each in the order the report gives.
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            for f in findings.iter().filter(|f| f.severity == severity) {
                writeln!(out, "{}", finding_line(f, adjective, p))?;
            }
        }
    }
    for change in &c.member_counts {
        writeln!(out, "{}", count_line(change))?;
    }
    for (periods, what, style) in [
        (&c.coverage_gained, "chair coverage gained", GREEN),
        (&c.coverage_lost, "chair coverage lost", RED),
    ] {
        for period in periods {
            let text = format!("{what} {}", days(&period.start, Some(&period.end)));
            writeln!(out, "{}", p.paint(style, &text))?;
        }
    }
    Ok(())
}

/// `new error[T006]: message  file:line:col`, the way `roster check` names a finding.
fn finding_line(f: &Finding, adjective: &str, p: Painter) -> String {
    let title = format!("{adjective} {}[{}]", severity_word(f.severity), f.code);
    let style = match (adjective, f.severity) {
        ("fixed", _) => GREEN,
        ("silenced", _) => YELLOW,
        (_, Severity::Error) => RED,
        (_, Severity::Warning | Severity::Note) => YELLOW,
    };
    // A silence hides the finding from `roster check`; the reviewer sees it here.
    let silence = match (&f.silenced_by, adjective) {
        (Some(at), "silenced") => format!("  (silenced by {}, not fixed)", visible(at)),
        (Some(at), _) => format!("  (silenced by {})", visible(at)),
        (None, _) => String::new(),
    };
    format!(
        "{}: {}  {}:{}:{}{silence}",
        p.paint(&format!("{BOLD}{style}"), &title),
        visible(&f.message),
        visible(&f.file),
        f.line,
        f.column
    )
}

/// `2010-01-01..2010-12-30: 14..16 members → 15..16`, counts as certain..possible; a side
/// whose records do not cover the period is `not covered`.
fn count_line(c: &CountChange) -> String {
    let days = days(&c.start, c.end.as_deref());
    match (c.old, c.new) {
        (Some(old), Some(new)) => format!(
            "{days}: {} members → {}",
            count(old.certain, old.possible),
            count(new.certain, new.possible)
        ),
        (old, new) => format!("{days}: {} → {}", members(old), members(new)),
    }
}

/// `16 members`, `14..16 members`, or `not covered`.
fn members(c: Option<MemberCount>) -> String {
    match c {
        Some(c) => format!("{} members", count(c.certain, c.possible)),
        None => "not covered".to_string(),
    }
}

/// `2010-01-01..2010-12-30`, `2010-12-31` for one day, `from 2010-12-31` with no end.
pub(super) fn days(start: &str, end: Option<&str>) -> String {
    match end {
        Some(end) if end == start => start.to_string(),
        Some(end) => format!("{start}..{end}"),
        None => format!("from {start}"),
    }
}

/// [`count`] of a side, or `not covered` where its records do not cover the period.
pub(super) fn side_count(c: Option<MemberCount>) -> String {
    c.map_or_else(
        || "not covered".to_string(),
        |c| count(c.certain, c.possible),
    )
}

/// `15` when the count is certain, `14..16` when between 14 and 16 members may be counted.
pub(super) fn count(certain: usize, possible: usize) -> String {
    if certain == possible {
        certain.to_string()
    } else {
        format!("{certain}..{possible}")
    }
}
