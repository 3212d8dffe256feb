//! Markdown output, for a pull-request comment or a GitHub Actions job summary.
//!
//! A one-line summary and a table with one row per finding. Messages and help lines keep their
//! values in code spans and are escaped by the one Markdown policy of
//! [`crate::report::markdown`]; the help line is joined with `<br>`, which GitHub renders in a
//! cell. The report never exceeds GitHub's limit for a comment (65,536 characters): the table
//! stops after the last whole row that fits, and a note says how many findings it leaves out.

use super::human::summary_phrase;
use super::CheckReport;
use crate::diag::{Diagnostic, Severity, Tally};
use crate::report::markdown::{code, inline, GITHUB_LIMIT};
use crate::report::text::{
    elsewhere_phrase, errors_and_warnings, plural, thousands, uncertain_phrase,
};
use std::io;

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let files = report.files();
    let tally = Tally::of(report.diagnostics);
    // Uncertain findings (notes) are counted, not listed, as in the human format.
    let after = uncertain_phrase(tally.uncertain) + &elsewhere_phrase(report.elsewhere());
    let shown: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .collect();
    if shown.is_empty() {
        return writeln!(
            out,
            "No problems found in {}{}.",
            plural(files, "file", "files"),
            inline(&after)
        );
    }
    let mut text = format!(
        "Found {}{}.\n\n| severity | code | location | message |\n| --- | --- | --- | --- |\n",
        summary_phrase(tally, files),
        inline(&after)
    );
    // Bytes are counted, which are never fewer than characters.
    let budget = GITHUB_LIMIT - NOTE_ROOM;
    for (i, d) in shown.iter().enumerate() {
        let row = row(report, d);
        if text.len() + row.len() > budget {
            text.push_str(&cut_note(&shown[i..]));
            break;
        }
        text.push_str(&row);
    }
    out.write_all(text.as_bytes())
}

/// Room kept under the limit for the note that says what was cut.
const NOTE_ROOM: usize = 512;

/// One row of the table.
fn row(report: &CheckReport, d: &Diagnostic) -> String {
    let file = report.sources.get(d.primary.file);
    let at = file.line_col(d.primary.span.start as usize);
    let location = format!("{}:{}:{}", file.name, at.line, at.col);
    let mut message = inline(&d.message);
    if let Some(help) = &d.help {
        message.push_str("<br>help: ");
        message.push_str(&inline(help));
    }
    format!(
        "| {} | `{}` | {} | {} |\n",
        d.severity.as_str(),
        d.rule.code,
        code(&location),
        message
    )
}

/// The note under a table cut to fit GitHub's limit: how many findings, of what severity, are
/// not in it.
fn cut_note(left: &[&Diagnostic]) -> String {
    let tally = Tally::of(left.iter().copied());
    format!(
        "\n_The table stops here to keep the report under GitHub's limit of {} characters: \
         {} more {} ({}) are not listed. `roster check --format json` lists every finding._\n",
        thousands(GITHUB_LIMIT),
        left.len(),
        if left.len() == 1 {
            "finding"
        } else {
            "findings"
        },
        errors_and_warnings(tally)
    )
}
