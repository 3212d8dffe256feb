//! Markdown output, for a pull-request comment or a GitHub Actions job summary.
//!
//! A one-line summary and a table with one row per finding. Messages and help lines keep their
//! values in code spans and are escaped by the one Markdown policy of
//! [`crate::report::markdown`]; the help line is joined with `<br>`, which GitHub renders in a
//! cell. At most [`RenderOptions::max_per_rule`] rows of one rule are shown, and a line under the
//! table says how many more there are.

use super::human::summary_phrase;
use super::{CheckReport, RenderOptions};
use crate::diag::Severity;
use crate::diag::Tally;
use crate::report::markdown::{code, inline};
use crate::report::text::{plural, uncertain_phrase};
use std::io;

pub fn render(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let files = report.sources.len();
    let tally = Tally::of(report.diagnostics);
    // Uncertain findings (notes) are counted, not listed, as in the human format.
    let uncertain = uncertain_phrase(tally.uncertain);
    let shown = || {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Note)
    };
    if shown().next().is_none() {
        return writeln!(
            out,
            "No problems found in {}{}.",
            plural(files, "file", "files"),
            inline(&uncertain)
        );
    }
    writeln!(
        out,
        "Found {}{}.",
        summary_phrase(tally, files),
        inline(&uncertain)
    )?;
    writeln!(out)?;
    writeln!(out, "| severity | code | location | message |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    let (capped, more) = super::capped(report.diagnostics, options.max_per_rule);
    for d in capped {
        let file = report.sources.get(d.primary.file);
        let at = file.line_col(d.primary.span.start as usize);
        let location = format!("{}:{}:{}", file.name, at.line, at.col);
        let mut message = inline(&d.message);
        if let Some(help) = &d.help {
            message.push_str("<br>help: ");
            message.push_str(&inline(help));
        }
        writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            d.severity.as_str(),
            d.rule.code,
            code(&location),
            message
        )?;
    }
    if !more.is_empty() {
        writeln!(out)?;
        for (code, left) in more {
            writeln!(out, "And {}.", inline(&super::more_findings(code, left)))?;
        }
    }
    Ok(())
}
