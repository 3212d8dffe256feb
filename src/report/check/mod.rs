//! Output formats for `roster check`: one file per format, one variant of [`Format`] per file,
//! and [`render`] as the one place that maps a format to its renderer.

use super::RenderOptions;
use crate::diag::Diagnostic;
use crate::source::Sources;
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
        Format::Markdown => markdown::render(report, out),
    }
}
