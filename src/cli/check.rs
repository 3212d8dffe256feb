//! `roster check`: validate every record and report the findings.

use super::{written, Exit, Result, Settings};
use roster::check::policy::{Level, Uncertain};
use roster::diag::Severity;
use roster::report::check::{self, CheckReport, Format};
use roster::report::{RenderOptions, DEFAULT_MAX_PER_RULE};
use roster::temporal::Day;
use std::io::Write;
use std::path::PathBuf;

/// Check every record against its schema and the rules, and report what is wrong
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Rules cross files, so the whole of records/ is checked even when PATHS are given (pre-commit
passes the files that changed). Severity: roster.toml's [rules] table (`T005 = \"warn\"`), then
--allow/--warn/--deny; a record line may carry `# roster: allow CODE -- reason`. Exit status: 0 no errors, 1 errors found, 2 roster could not
run.")]
pub struct CheckArgs {
    /// Files that changed (accepted for pre-commit; the whole dataset is checked)
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Report this rule's findings as errors (a code or a name; repeatable)
    #[arg(long, value_name = "CODE")]
    deny: Vec<String>,

    /// Report this rule's findings as warnings (repeatable)
    #[arg(long, value_name = "CODE")]
    warn: Vec<String>,

    /// Do not report this rule's findings (repeatable)
    #[arg(long, value_name = "CODE")]
    allow: Vec<String>,

    /// Show uncertain findings (those that hold for only some of the days a coarse date or a
    /// window may stand for) as warnings; by default they are counted in the summary
    #[arg(long)]
    uncertain: bool,

    /// Take this date (YYYY-MM-DD) as today, for the rules that need one, so that a check never
    /// changes its verdict because the calendar moved
    #[arg(long, value_name = "DATE", value_parser = super::at::parse_day)]
    as_of: Option<Day>,

    /// Show at most N findings of each rule in the human and Markdown formats, and how many
    /// more there are (0: show every finding); the other formats always list them all
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_PER_RULE)]
    max_per_rule: usize,
}

pub fn run(settings: &Settings, args: &CheckArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
    let mut levels = roster::check::policy::load(&workspace.root)?;
    for (codes, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for code in codes {
            levels.set(code, level)?;
        }
    }
    if args.uncertain {
        levels.uncertain = Uncertain::Warn;
    }
    let options = roster::check::Options {
        as_of: args.as_of,
        levels,
        only: None,
    };
    let outcome = roster::check::check(&workspace, &options)?;
    let failed = outcome.has_errors();
    let shown: Vec<_> = if settings.quiet && args.format == Format::Human {
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect()
    } else {
        outcome.diagnostics.clone()
    };
    if !(settings.quiet && args.format == Format::Human && shown.is_empty()) {
        let report = CheckReport {
            sources: &outcome.sources,
            diagnostics: &shown,
        };
        let options = RenderOptions {
            color: settings.color,
            max_per_rule: args.max_per_rule,
        };
        written(check::render(args.format, &report, &options, out))?;
    }
    Ok(if failed { Exit::Failed } else { Exit::Success })
}
