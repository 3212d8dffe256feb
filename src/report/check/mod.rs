//! Output formats for `roster check`: one file per format, one variant of [`Format`] per file,
//! and [`render`] as the one place that maps a format to its renderer.

use super::RenderOptions;
use crate::check::Silenced;
use crate::diag::{Diagnostic, Tally};
use crate::report::text::thousands;
use crate::source::{FileId, Sources};
use std::collections::BTreeMap;
use std::io;

mod github;
mod human;
mod json;
mod junit;
mod markdown;
pub mod sarif;

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
    /// The findings that comments silence, with their reasons: SARIF lists them as
    /// suppressed, the other formats leave them out.
    pub silenced: &'a [Silenced],
    /// Set when the report is about some of the files only (`roster check PATHS`).
    pub scope: Option<&'a Scope>,
}

impl<'a> CheckReport<'a> {
    /// A report of every file, with nothing silenced.
    pub fn new(sources: &'a Sources, diagnostics: &'a [Diagnostic]) -> CheckReport<'a> {
        CheckReport {
            sources,
            diagnostics,
            silenced: &[],
            scope: None,
        }
    }

    /// How many files the report speaks for.
    pub fn files(&self) -> usize {
        self.scope.map_or(self.sources.len(), |s| s.files.len())
    }

    /// Whether the report speaks for `file`.
    pub fn covers(&self, file: FileId) -> bool {
        self.scope
            .is_none_or(|s| s.files.binary_search(&file).is_ok())
    }

    /// The findings in the files the report leaves out, counted.
    pub fn elsewhere(&self) -> Tally {
        self.scope.map_or_else(Tally::default, |s| s.elsewhere)
    }
}

/// The files a report is about when it is not about all of them: rules cross files, so every
/// file is checked, and the report keeps the findings located in the files named.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// The files read that the names cover, in order.
    pub files: Vec<FileId>,
    /// The findings located elsewhere, which the report leaves out.
    pub elsewhere: Tally,
}

impl Scope {
    /// Keeps the findings located in the files that `names` cover, and the silenced ones too.
    /// A name is a path from the root with `/` separators: a file (`records/members/iom.yaml`),
    /// a folder (`records/members`) that covers the files under it, or `""`, the root, which
    /// covers them all.
    pub fn select(
        names: &[String],
        sources: &Sources,
        diagnostics: &mut Vec<Diagnostic>,
        silenced: &mut Vec<Silenced>,
    ) -> Scope {
        let covered = |name: &str| {
            names.iter().any(|n| {
                n.is_empty()
                    || name
                        .strip_prefix(n.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
        };
        let inside: Vec<bool> = sources
            .iter()
            .map(|(_, file)| covered(file.name.trim_end_matches('/')))
            .collect();
        let (kept, left): (Vec<Diagnostic>, Vec<Diagnostic>) = std::mem::take(diagnostics)
            .into_iter()
            .partition(|d| inside[d.primary.file as usize]);
        *diagnostics = kept;
        silenced.retain(|s| inside[s.diagnostic.primary.file as usize]);
        let files = (0..)
            .zip(&inside)
            .filter(|&(_, &i)| i)
            .map(|(id, _)| id)
            .collect();
        Scope {
            files,
            elsewhere: Tally::of(&left),
        }
    }
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
