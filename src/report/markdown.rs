//! Markdown output, for a pull-request comment or a GitHub Actions job summary.
//!
//! A one-line summary and a table with one row per finding. Messages already put values in
//! backticks and are shown as they are; codes and locations are put in backticks here. A `|`
//! would end a table cell, inside backticks too, so it is escaped everywhere; a line break
//! would end the row, so the help line is joined with `<br>`, which GitHub renders in a cell.

use super::human::{plural, summary_phrase};
use super::CheckReport;
use crate::diag::Counts;
use std::io;

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let files = report.sources.len();
    if report.diagnostics.is_empty() {
        return writeln!(out, "No problems found in {}.", plural(files, "file"));
    }
    let counts = Counts::of(report.diagnostics);
    writeln!(out, "Found {}.", summary_phrase(counts, files))?;
    writeln!(out)?;
    writeln!(out, "| severity | code | location | message |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for d in report.diagnostics {
        let file = report.sources.get(d.primary.file);
        let at = file.line_col(d.primary.span.start as usize);
        let location = format!("{}:{}:{}", file.name, at.line, at.col);
        let mut message = cell(&d.message);
        if let Some(help) = &d.help {
            message.push_str("<br>help: ");
            message.push_str(&cell(help));
        }
        writeln!(
            out,
            "| {} | `{}` | `{}` | {} |",
            d.severity.as_str(),
            d.code,
            cell(&location),
            message
        )?;
    }
    Ok(())
}

/// Text made safe for one table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}
