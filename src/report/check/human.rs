//! Human output: rustc-style diagnostics drawn by `annotate-snippets`, then a one-line summary.
//!
//! Each finding shows the lines its labels cover, cut out of the file: handing the renderer a
//! whole 50 MB file for every finding would make a report quadratic in the file's size. Spans
//! come from the loader as byte ranges, which is what `annotate-snippets` takes; they are clamped
//! to the text and to character boundaries first, because no input may make the report panic.
//!
//! The renderer reads every line it is handed, so what one finding costs is kept bounded, and
//! the report stays linear in the number of findings and in the size of the files:
//!
//! - labels close together share a snippet, with the lines between them folded; labels far
//!   apart (more than [`SNIPPET_GAP`] bytes of text between their lines) get snippets of their
//!   own, so that 10,000 duplicates that each point back at line 1 do not each hand the
//!   renderer every line from line 1 to their own;
//! - a line longer than [`LONG_LINE`] bytes is shown at most [`LONG_LINE_SHOWN`] times in a
//!   report; further findings on it give their place only, so that 100,000 findings on one
//!   10 MB line do not each render it.

use super::{CheckReport, RenderOptions};
use crate::diag::{Diagnostic, Label, Severity, Tally};
use crate::report::text::{
    elsewhere_phrase, errors_and_warnings, plural, thousands, uncertain_phrase,
};
use crate::source::{FileId, SourceFile};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Padding, Renderer, Snippet};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::io;
use std::ops::Range;

pub fn render(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Uncertain findings are notes, counted in the summary and not shown (`--uncertain`
    // makes them warnings).
    let shown = || {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Note)
    };
    // Quiet, only errors are listed (and capped), and the summary is left out.
    let errors: Vec<Diagnostic>;
    let listed = match options.quiet {
        true => {
            errors = shown()
                .filter(|d| d.severity == Severity::Error)
                .cloned()
                .collect();
            &errors[..]
        }
        false => report.diagnostics,
    };
    let (capped, more) = super::capped(listed, options.max_per_rule);
    let mut long_lines = LongLines::default();
    for diagnostic in capped {
        let group = diagnostic_group(report, diagnostic, &mut long_lines);
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    for (code, left) in more {
        let line = format!("and {}", super::more_findings(code, left));
        let note = Group::with_title(Level::NOTE.primary_title(line));
        writeln!(out, "{}\n", renderer.render(&[note]))?;
    }
    if options.quiet {
        return Ok(());
    }

    let tally = Tally::of(report.diagnostics);
    let files = report.files();
    let after = uncertain_phrase(tally.uncertain) + &elsewhere_phrase(report.elsewhere());
    if shown().next().is_none() {
        return writeln!(
            out,
            "no problems found in {}{after}",
            plural(files, "file", "files")
        );
    }
    let level = if tally.errors > 0 {
        Level::ERROR
    } else {
        Level::WARNING
    };
    let codes: BTreeSet<&str> = shown().map(|d| d.rule.code).collect();
    let first = codes.first().copied().unwrap_or_default();
    let note = if codes.len() == 1 {
        format!("`roster rule {first}` explains this rule and how to fix what it finds")
    } else {
        format!(
            "`roster rule CODE` explains a rule and how to fix what it finds, \
             such as `roster rule {first}`"
        )
    };
    let phrase = summary_phrase(tally, files) + &after;
    let summary = Group::with_title(level.primary_title(phrase)).element(Level::NOTE.message(note));
    writeln!(out, "{}", renderer.render(&[summary]))
}

/// "2 errors and 1 warning in 22 files", shared with the Markdown summary.
pub(super) fn summary_phrase(tally: Tally, files: usize) -> String {
    format!(
        "{} in {}",
        errors_and_warnings(tally),
        plural(files, "file", "files")
    )
}

/// Labels whose lines are further apart than this many bytes of text are shown in snippets of
/// their own. Labels a few dozen lines apart still share one, with the lines between folded.
const SNIPPET_GAP: usize = 4096;

/// A line longer than this many bytes is shown at most [`LONG_LINE_SHOWN`] times in a report.
const LONG_LINE: usize = 4096;
const LONG_LINE_SHOWN: usize = 8;

/// How many times each long line has been shown so far in a report.
#[derive(Default)]
struct LongLines {
    shown: HashMap<(FileId, usize), usize>,
}

impl LongLines {
    /// Whether lines `first..=last` of `file` may be shown; counts the long ones if so.
    fn may_show(&mut self, id: FileId, file: &SourceFile, first: usize, last: usize) -> bool {
        let long: Vec<usize> = (first..=last)
            .filter(|&line| file.line_start(line + 1) - file.line_start(line) > LONG_LINE)
            .collect();
        if long
            .iter()
            .any(|&line| self.shown.get(&(id, line)).copied().unwrap_or(0) >= LONG_LINE_SHOWN)
        {
            return false;
        }
        for line in long {
            *self.shown.entry((id, line)).or_default() += 1;
        }
        true
    }
}

fn diagnostic_group<'a>(
    report: &CheckReport<'a>,
    d: &'a Diagnostic,
    long_lines: &mut LongLines,
) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let labels: Vec<(&Label, bool)> = std::iter::once((&d.primary, true))
        .chain(d.secondary.iter().map(|l| (l, false)))
        .collect();

    // The primary label's file first, the others in the order their labels come.
    let mut files: Vec<FileId> = Vec::new();
    for (label, _) in &labels {
        if !files.contains(&label.file) {
            files.push(label.file);
        }
    }

    let mut group = Group::with_title(level.primary_title(d.message.as_str()).id(d.rule.code));
    let mut notes = Vec::new();
    for id in files {
        let file = report.sources.get(id);
        let in_file: Vec<(&Label, bool)> = labels
            .iter()
            .copied()
            .filter(|(l, _)| l.file == id)
            .collect();
        for part in near_each_other(file, &in_file) {
            let (first, last) = lines_of(file, &part);
            if long_lines.may_show(id, file, first, last) {
                group = group.element(snippet(file, &part));
            } else if let Some((label, _)) = part.iter().find(|(_, primary)| *primary) {
                let at = file.line_col(file.clamp(label.span).start);
                group = group
                    .element(
                        Origin::path(file.name.as_str())
                            .line(at.line)
                            .char_column(at.col),
                    )
                    .element(Padding);
                notes.push(too_long(file, at.line));
            } else {
                for (label, _) in &part {
                    let at = file.line_col(file.clamp(label.span).start);
                    let said = if label.message.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", label.message)
                    };
                    notes.push(format!("`{}:{}:{}`{said}", file.name, at.line, at.col));
                }
                notes.push(too_long(file, first));
            }
        }
    }
    for note in notes {
        group = group.element(Level::NOTE.message(note));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// "line 1 is too long to show again (4,000,000 bytes)".
fn too_long(file: &SourceFile, line: usize) -> String {
    let bytes = file.line_start(line + 1) - file.line_start(line);
    format!(
        "line {line} is too long to show again ({} bytes)",
        thousands(bytes)
    )
}

/// The labels of one file in groups that are near each other, each group in the labels' own
/// order; the primary label's group first, the others in the order of the text.
fn near_each_other<'a>(
    file: &SourceFile,
    labels: &[(&'a Label, bool)],
) -> Vec<Vec<(&'a Label, bool)>> {
    let mut by_place: Vec<usize> = (0..labels.len()).collect();
    by_place.sort_by_key(|&i| file.clamp(labels[i].0.span).start);
    let mut part_of = vec![0; labels.len()];
    let mut parts = 0;
    let mut end_of_part = 0;
    for (n, &i) in by_place.iter().enumerate() {
        let range = file.clamp(labels[i].0.span);
        let line = file.line_col(range.start).line;
        if n > 0 && file.line_start(line) > end_of_part + SNIPPET_GAP {
            parts += 1;
        }
        part_of[i] = parts;
        let last_line = file.line_col(range.end).line;
        end_of_part = end_of_part.max(file.line_start(last_line + 1));
    }
    let mut out: Vec<Vec<(&Label, bool)>> = vec![Vec::new(); parts + 1];
    for (i, label) in labels.iter().enumerate() {
        out[part_of[i]].push(*label);
    }
    if let Some(primary) = labels.iter().position(|(_, primary)| *primary) {
        let first = part_of[primary];
        out[..=first].rotate_right(1);
    }
    out
}

/// The first and last line that `labels` (all in `file`) cover.
fn lines_of(file: &SourceFile, labels: &[(&Label, bool)]) -> (usize, usize) {
    let ranges = labels.iter().map(|(l, _)| file.clamp(l.span));
    let first = ranges.clone().map(|r| r.start).min().unwrap_or(0);
    let last = ranges.map(|r| r.end).max().unwrap_or(0);
    (file.line_col(first).line, file.line_col(last).line)
}

/// A snippet of the lines that `labels` (all in `file`) cover.
fn snippet<'a>(
    file: &'a SourceFile,
    labels: &[(&'a Label, bool)],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let text = file.text.as_str();
    let ranges: Vec<Range<usize>> = labels.iter().map(|(l, _)| file.clamp(l.span)).collect();
    let first = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let last = ranges.iter().map(|r| r.end).max().unwrap_or(0);
    let first_line = file.line_col(first).line;
    let last_line = file.line_col(last).line;
    // From the start of the first line to the end of the last one, line break included, so
    // that a span reaching the end of a line stays inside the snippet.
    let start = file.line_start(first_line);
    let end = file.line_start(last_line + 1);
    let mut source = Cow::Borrowed(&text[start..end]);
    if end == text.len() && text.ends_with('\n') && last == text.len() {
        // The end of a file that ends with a line break is on the empty line after it, as
        // `SourceFile::line_col` and every other format say; `annotate-snippets` would put it
        // at the end of the line before unless that empty line is spelled out.
        source.to_mut().push('\n');
    }

    let mut snippet = Snippet::source(source)
        .line_start(first_line)
        .path(file.name.as_str());
    for ((label, primary), range) in labels.iter().zip(ranges) {
        let kind = if *primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let annotation = kind.span(range.start - start..range.end - start);
        snippet = snippet.annotation(if label.message.is_empty() {
            annotation
        } else {
            annotation.label(label.message.as_str())
        });
    }
    snippet
}
