//! Output formats for `roster diff` and `roster log`: one file per format, chosen here.

use crate::diff::Report;
use std::io;

mod human;
mod json;
mod markdown;

/// An output format of `roster diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// coloured text for a terminal
    Human,
    /// Markdown for a pull request: summary, one table per kind, long parts collapsed
    Markdown,
    /// versioned JSON, documented in docs/diff-output.md
    Json,
}

pub fn render(
    format: DiffFormat,
    report: &Report,
    options: &super::RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        DiffFormat::Human => human::render(report, options, out),
        DiffFormat::Markdown => markdown::render(report, out),
        DiffFormat::Json => json::render(report, out),
    }
}
