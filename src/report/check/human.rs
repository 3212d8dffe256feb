//! Human output: rustc-style diagnostics drawn by `annotate-snippets`, then a one-line summary.
//!
//! Each finding shows the lines its labels cover, cut out of the file: handing the renderer a
//! whole 50 MB file for every finding would make a report quadratic in the file's size. Spans
//! come from the loader as byte ranges, which is what `annotate-snippets` takes; they are clamped
//! to the text and to character boundaries first, because no input may make the report panic.

use super::{CheckReport, RenderOptions};
use crate::diag::{Diagnostic, Label, Severity, Tally};
use crate::report::text::{elsewhere_phrase, errors_and_warnings, plural, uncertain_phrase};
use crate::source::{FileId, SourceFile};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::borrow::Cow;
use std::collections::BTreeSet;
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
    // makes them warnings). Quiet, only errors are shown, and nothing else.
    let shown = || {
        report.diagnostics.iter().filter(|d| match d.severity {
            Severity::Error => true,
            Severity::Warning => !options.quiet,
            Severity::Note => false,
        })
    };
    for diagnostic in shown() {
        let group = diagnostic_group(report, diagnostic);
        writeln!(out, "{}\n", renderer.render(&[group]))?;
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

fn diagnostic_group<'a>(report: &CheckReport<'a>, d: &'a Diagnostic) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let labels: Vec<(&Label, bool)> = std::iter::once((&d.primary, true))
        .chain(d.secondary.iter().map(|l| (l, false)))
        .collect();

    // One snippet per file, the primary label's file first, the others in the order their
    // labels come.
    let mut files: Vec<FileId> = Vec::new();
    for (label, _) in &labels {
        if !files.contains(&label.file) {
            files.push(label.file);
        }
    }

    let mut group = Group::with_title(level.primary_title(d.message.as_str()).id(d.rule.code));
    for file in files {
        let in_file: Vec<(&Label, bool)> = labels
            .iter()
            .copied()
            .filter(|(l, _)| l.file == file)
            .collect();
        group = group.element(snippet(report.sources.get(file), &in_file));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
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
