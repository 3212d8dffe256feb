//! Markdown output, for a pull-request comment or a GitHub Actions job summary.
//!
//! A one-line summary and a table with one row per finding. Messages and help lines keep their
//! values in code spans and are escaped by the one Markdown policy of
//! [`crate::report::markdown`]; the help line is joined with `<br>`, which GitHub renders in a
//! cell.

use super::human::summary_phrase;
use super::CheckReport;
use crate::diag::Severity;
use crate::diag::Tally;
use crate::report::markdown::{code, inline};
use crate::report::text::{elsewhere_phrase, plural, uncertain_phrase};
use std::io;

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let files = report.files();
    let tally = Tally::of(report.diagnostics);
    // Uncertain findings (notes) are counted, not listed, as in the human format.
    let uncertain = uncertain_phrase(tally.uncertain) + &elsewhere_phrase(report.elsewhere());
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
    for d in shown() {
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
    Ok(())
}
