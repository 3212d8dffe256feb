//! `roster check`: validate every record and report the findings.

use super::{written, Context, Outcome, Result};
use roster::diag::Severity;
use roster::report::{self, CheckReport, Format, RenderOptions};
use std::io::Write;
use std::path::PathBuf;

/// Check every record against its schema and the rules, and report what is wrong
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Rules cross files, so the whole of records/ is checked even when PATHS are given (pre-commit
passes the files that changed). Exit status: 0 no errors, 1 errors found, 2 roster could not
run.")]
pub struct Args {
    /// Files that changed (accepted for pre-commit; the whole dataset is checked)
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Human)]
    format: Format,
}

pub fn run(context: &Context, args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let workspace = context.workspace()?;
    let outcome = roster::check::check(&workspace)?;
    let failed = outcome.has_errors();
    let shown: Vec<_> = if context.quiet && args.format == Format::Human {
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect()
    } else {
        outcome.diagnostics.clone()
    };
    if !(context.quiet && args.format == Format::Human && shown.is_empty()) {
        let report = CheckReport {
            sources: &outcome.sources,
            diagnostics: &shown,
        };
        let options = RenderOptions {
            color: context.color,
        };
        written(report::render(args.format, &report, &options, out))?;
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}
