//! Markdown output, for a pull-request comment or a GitHub Actions job summary.
//!
//! A one-line summary and a table with one row per finding. Messages and help lines keep their
//! values in code spans and are escaped by the one Markdown policy of
//! [`crate::report::markdown`]; the help line is joined with `<br>`, which GitHub renders in a
//! cell. At most [`RenderOptions::max_per_rule`] rows of one rule are shown, and a line under the
//! table says how many more there are. Whatever the caps, the report never exceeds GitHub's
//! limit for a comment (65,536 characters): the table then stops after the last whole row that
//! fits, and a note says how many findings it leaves out.

use super::human::summary_phrase;
use super::{CheckReport, RenderOptions};
use crate::diag::{Diagnostic, Severity, Tally};
use crate::report::markdown::{code, inline, GITHUB_LIMIT};
use crate::report::text::{
    elsewhere_phrase, errors_and_warnings, plural, thousands, uncertain_phrase,
};
use std::io;

/// Room kept under the limit for the note that says what was cut.
const NOTE_ROOM: usize = 512;

pub fn render(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let files = report.files();
    let tally = Tally::of(report.diagnostics);
    // Uncertain findings (notes) are counted, not listed, as in the human format.
    let after = uncertain_phrase(tally.uncertain) + &elsewhere_phrase(report.elsewhere());
    if tally.errors + tally.warnings == 0 {
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
    let (capped, more) = super::capped(report.diagnostics, options.max_per_rule);
    let mut more_lines = String::new();
    if !more.is_empty() {
        more_lines.push('\n');
        for (code, left) in more {
            let line = inline(&super::more_findings(code, left));
            more_lines.push_str(&format!("And {line}.\n"));
        }
    }
    // Bytes are counted, which are never fewer than characters.
    let budget = GITHUB_LIMIT.saturating_sub(NOTE_ROOM + more_lines.len());
    let mut listed = Tally::default();
    for d in capped {
        let row = row(report, d);
        if text.len() + row.len() > budget {
            // What the table leaves out, whether cut here or by the caps: every finding shown
            // nowhere else.
            let left = Tally {
                errors: tally.errors - listed.errors,
                warnings: tally.warnings - listed.warnings,
                uncertain: 0,
            };
            text.push_str(&cut_note(left));
            return out.write_all(text.as_bytes());
        }
        text.push_str(&row);
        match d.severity {
            Severity::Error => listed.errors += 1,
            _ => listed.warnings += 1,
        }
    }
    text.push_str(&more_lines);
    out.write_all(text.as_bytes())
}

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

/// The note under a table cut to fit GitHub's limit: how many findings, of what severity, it
/// does not list.
fn cut_note(left: Tally) -> String {
    let count = left.errors + left.warnings;
    format!(
        "\n_The table stops here to keep the report under GitHub's limit of {} characters: \
         {} more {} ({}) are not listed. `roster check --format json` lists every finding._\n",
        thousands(GITHUB_LIMIT),
        count,
        if count == 1 { "finding" } else { "findings" },
        errors_and_warnings(left)
    )
}
