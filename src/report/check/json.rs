//! JSON output: one versioned object, documented field by field in `docs/json-output.md`.
//!
//! The shape is made of serde structs rather than `json!` so that the key order is the order
//! written here and a change to the format shows up as a change to these types. `version` is
//! bumped only when a field is removed, renamed or changes meaning; adding a field is not a
//! breaking change.

use super::CheckReport;
use crate::diag::{Certainty, Diagnostic, Label, Severity, Tally};
use crate::source::Sources;
use serde::Serialize;
use std::io;

/// The version of the JSON format (not of roster).
const FORMAT_VERSION: u32 = 2;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    /// Uncertain findings reported as notes (with `--uncertain` they count as warnings).
    uncertain: usize,
    /// With PATHS: the findings in the other files, which the report leaves out.
    other_files: Option<Tally>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    certainty: Certainty,
    message: &'a str,
    #[serde(flatten)]
    location: Location<'a>,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    location: Location<'a>,
    message: &'a str,
    primary: bool,
}

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let counts = Tally::of(report.diagnostics);
    let output = Output {
        version: FORMAT_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            files: report.files(),
            errors: counts.errors,
            warnings: counts.warnings,
            uncertain: counts.uncertain,
            other_files: report.scope.map(|s| s.elsewhere),
        },
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| diagnostic(report.sources, d))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

fn diagnostic<'a>(sources: &'a Sources, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let labels = std::iter::once((&d.primary, true))
        .chain(d.secondary.iter().map(|l| (l, false)))
        .map(|(label, primary)| JsonLabel {
            location: location(sources, label),
            message: &label.message,
            primary,
        })
        .collect();
    JsonDiagnostic {
        code: d.rule.code,
        name: d.rule.name,
        severity: d.severity,
        certainty: d.certainty,
        message: &d.message,
        location: location(sources, &d.primary),
        labels,
        help: d.help.as_deref(),
    }
}

/// Where a label starts and ends: 1-based lines, 1-based columns counted in characters, the end
/// being the position just after the last character (equal to the start for an empty span).
fn location<'a>(sources: &'a Sources, label: &Label) -> Location<'a> {
    let file = sources.get(label.file);
    let start = file.line_col(label.span.start as usize);
    let end = file.line_col(label.span.end as usize);
    Location {
        file: &file.name,
        line: start.line,
        column: start.col,
        end_line: end.line,
        end_column: end.col,
    }
}
