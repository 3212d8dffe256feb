//! GitHub Actions output: one workflow command per finding, which the runner turns into an
//! annotation on the pull request's diff.
//!
//! ```text
//! ::error file=records/x.yaml,line=3,col=5,endLine=3,endColumn=9,title=S001 schema-violation::…
//! ```
//!
//! An annotation has one place, so secondary labels and the help line go into the message, one
//! per line (a command is one line: line breaks are escaped, and the runner turns them back).
//! `col` is always given; `endLine` and `endColumn` only for a span that is not empty, with
//! `endColumn` just after the last character, as in every other format. For a span over several
//! lines the runner keeps the lines and drops the columns, which is the most it can show.
//!
//! Every finding is written, errors first: GitHub shows the first annotations only.

use super::CheckReport;
use crate::diag::{Diagnostic, Severity};
use crate::source::Sources;
use std::io;

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    // Uncertain findings (notes) are not annotations: `--uncertain` makes them warnings.
    // GitHub shows only the first 10 annotations of a step and 50 of a job: errors come first,
    // each severity in the report's order, so that what fails the check is what is shown.
    for severity in [Severity::Error, Severity::Warning] {
        for d in report.diagnostics.iter().filter(|d| d.severity == severity) {
            writeln!(out, "{}", command(report.sources, d))?;
        }
    }
    Ok(())
}

fn command(sources: &Sources, d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let file = sources.get(d.primary.file);
    let start = file.line_col(d.primary.span.start as usize);
    let mut properties = format!(
        "file={},line={},col={}",
        escape_property(&file.name),
        start.line,
        start.col
    );
    if d.primary.span.end > d.primary.span.start {
        let end = file.line_col(d.primary.span.end as usize);
        properties.push_str(&format!(",endLine={},endColumn={}", end.line, end.col));
    }
    let title = format!("{} {}", d.rule.code, d.rule.name);
    properties.push_str(&format!(",title={}", escape_property(&title)));

    let mut message = d.message.clone();
    for label in &d.secondary {
        let file = sources.get(label.file);
        let at = file.line_col(label.span.start as usize);
        message.push_str(&format!("\n{}:{}:{}", file.name, at.line, at.col));
        if !label.message.is_empty() {
            message.push_str(&format!(": {}", label.message));
        }
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!("::{kind} {properties}::{}", escape_data(&message))
}

/// Escapes the message, as `@actions/core` does (`escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, as `@actions/core` does (`escapeProperty`): a `:` would end the
/// properties and a `,` would start another one.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
