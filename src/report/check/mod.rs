//! Output formats for `roster check`: one file per format, one variant of [`Format`] per file,
//! and [`render`] as the one place that maps a format to its renderer.

use super::RenderOptions;
use crate::diag::Diagnostic;
use crate::report::text::thousands;
use crate::source::Sources;
use std::collections::BTreeMap;
use std::io;

mod github;
mod human;
mod json;
mod junit;
mod markdown;
mod sarif;

/// An output format of `roster check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text with source lines and carets
    Human,
    /// machine-readable JSON, documented in docs/json-output.md
    Json,
    /// GitHub Actions workflow commands that annotate a pull request
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
    /// JUnit XML, for CI test reports
    Junit,
    /// a Markdown summary, for a pull-request comment or job summary
    Markdown,
}

/// Everything a renderer needs: the files that were read and what was found in them.
#[derive(Clone, Copy, Debug)]
pub struct CheckReport<'a> {
    pub sources: &'a Sources,
    /// Sorted with [`crate::diag::sort`].
    pub diagnostics: &'a [Diagnostic],
}

/// The findings a person reads: at most `max` of each rule (every one when `max` is 0), in
/// the report's order; then, in code order, each rule that has more, with how many more.
/// Uncertain findings (notes) are counted in the summary, not listed: `--uncertain` makes them
/// warnings.
pub(super) fn capped(
    diagnostics: &[Diagnostic],
    max: usize,
) -> (Vec<&Diagnostic>, Vec<(&'static str, usize)>) {
    let listed = diagnostics
        .iter()
        .filter(|d| d.severity != crate::diag::Severity::Note);
    if max == 0 {
        return (listed.collect(), Vec::new());
    }
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut shown = Vec::new();
    for d in listed {
        let count = counts.entry(d.rule.code).or_default();
        *count += 1;
        if *count <= max {
            shown.push(d);
        }
    }
    let more = counts
        .into_iter()
        .filter(|&(_, count)| count > max)
        .map(|(code, count)| (code, count - max))
        .collect();
    (shown, more)
}

/// "99,950 more R002 findings: `--format json` lists them all".
pub(super) fn more_findings(code: &str, left: usize) -> String {
    let noun = if left == 1 { "finding" } else { "findings" };
    format!(
        "{} more {code} {noun}: `--format json` lists them all",
        thousands(left)
    )
}

pub fn render(
    format: Format,
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, options, out),
        Format::Json => json::render(report, out),
        Format::Github => github::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Junit => junit::render(report, out),
        Format::Markdown => markdown::render(report, options, out),
    }
}
