//! `roster check`: validate every record and report the findings.

use super::{current_dir, written, Exit, Result, Settings};
use roster::check::policy::{self, Level, Levels, Uncertain};
use roster::check::Outcome;
use roster::diag::Severity;
use roster::diff::sides::{self, Revision, SideReader};
use roster::error::{Error, ErrorKind};
use roster::report::check::{self, CheckReport, Format, Scope};
use roster::report::{RenderOptions, DEFAULT_MAX_PER_RULE};
use roster::temporal::Day;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Check every record against its schema and the rules, and report what is wrong
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The whole of records/ is checked, because rules cross files; with PATHS (files or folders),
only the findings located in them are reported, with a count of the others, and the exit
status is theirs. In a git work tree the files are those git shows: tracked, and untracked
but not ignored, so an ignored `iom.yaml~` is not a record. --staged checks the index instead,
what the next commit will hold: the pre-commit hook runs `roster check --staged`.

Severity: roster.toml's [rules] table (`T005 = \"warn\"`), then --allow/--warn/--deny; a record
line may carry `# roster: allow CODE -- reason`. `--deny warnings` makes every certain warning
an error; uncertain findings never fail a check.

Exit status: 0 no errors (or --exit-zero), 1 errors found, 2 roster could not run.")]
pub struct CheckArgs {
    /// Report only the findings in these files or folders (the whole tree is still checked)
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Check what is staged in git's index, as the next commit will hold it, instead of the
    /// work tree
    #[arg(long)]
    staged: bool,

    /// Output format [default: human; in GitHub Actions (GITHUB_ACTIONS=true) and writing to
    /// standard output, github annotations followed by the human report]
    #[arg(long, short, value_enum)]
    format: Option<Format>,

    /// Report this rule's findings as errors (a code or a name; repeatable); `--deny warnings`
    /// makes every certain warning an error
    #[arg(long, value_name = "CODE")]
    deny: Vec<String>,

    /// Report this rule's findings as warnings (repeatable)
    #[arg(long, value_name = "CODE")]
    warn: Vec<String>,

    /// Do not report this rule's findings (repeatable)
    #[arg(long, value_name = "CODE")]
    allow: Vec<String>,

    /// Show uncertain findings (those that hold for only some of the days a coarse date or a
    /// window may stand for) as warnings; by default they are counted in the summary. They
    /// never fail a check, even with --deny warnings
    #[arg(long)]
    uncertain: bool,

    /// Exit with 0 even when errors are found (2 still means roster could not run)
    #[arg(long)]
    exit_zero: bool,

    /// Take this date (YYYY-MM-DD) as today, for the rules that need one, so that a check never
    /// changes its verdict because the calendar moved
    #[arg(long, value_name = "DATE", value_parser = super::at::parse_day)]
    as_of: Option<Day>,

    #[command(flatten)]
    pub(super) output: super::Output,

    /// Show at most N findings of each rule in the human and Markdown formats, and how many
    /// more there are (0: show every finding); the other formats always list them all
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_PER_RULE)]
    max_per_rule: usize,
}

/// What `--deny` takes to make every certain warning an error.
const WARNINGS: &str = "warnings";

pub fn run(settings: &Settings, args: &CheckArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
    // The paths are checked before anything is read: a wrong path is a mistake to say first.
    let names = args
        .paths
        .iter()
        .map(|path| name_in_root(path, &workspace.root))
        .collect::<Result<Vec<String>>>()?;
    let mut outcome = if args.staged {
        let mut reader =
            SideReader::new(&workspace.root).with_index_file(settings.index_file.clone());
        // The index's own roster.toml: the severities the commit will be checked with.
        let options_of = |config: Option<&str>| match config {
            Some(text) => options(args, policy::parse(text)?),
            None => options(args, Levels::default()),
        };
        sides::check(&mut reader, &Revision::Index, options_of)
            .map_err(|e| staged_error(e, &workspace.root))?
    } else {
        let options = options(args, policy::load(&workspace.root)?)?;
        roster::check::check_seen_by_git(workspace, &options)?
    };
    let scope = (!names.is_empty()).then(|| {
        let Outcome {
            sources,
            diagnostics,
            silenced,
        } = &mut outcome;
        Scope::select(&names, sources, diagnostics, silenced)
    });
    let failed = outcome.has_errors() && !args.exit_zero;
    let report = CheckReport {
        sources: &outcome.sources,
        diagnostics: &outcome.diagnostics,
        silenced: &outcome.silenced,
        scope: scope.as_ref(),
    };
    let options = RenderOptions {
        color: settings.color,
        quiet: settings.quiet,
        max_per_rule: args.max_per_rule,
    };
    let formats: &[Format] = match args.format {
        Some(format) => &[format],
        // As yamllint does, a check run by GitHub Actions annotates the pull request by
        // itself; the human report follows for the job's log.
        None if settings.github_actions && !settings.to_file => &[Format::Github, Format::Human],
        None => &[Format::Human],
    };
    // Quiet, the annotations are of the errors alone, as the human report is.
    let errors: Vec<_> = match settings.quiet {
        true => report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect(),
        false => Vec::new(),
    };
    for &format in formats {
        let report = match format {
            Format::Github if settings.quiet => CheckReport {
                diagnostics: &errors,
                ..report
            },
            _ => report,
        };
        written(check::render(format, &report, &options, out))?;
    }
    Ok(if failed { Exit::Failed } else { Exit::Success })
}

/// A failure to read the index, said in the terms of `--staged` when there is no repository.
fn staged_error(error: Error, root: &Path) -> Error {
    if error.kind != ErrorKind::NoRepository {
        return error;
    }
    Error::usage(format!(
        "`--staged` checks git's index, but `{}` is not in a git work tree (or git is not installed)\nhelp: check the folder as it is, without `--staged`",
        root.display()
    ))
}

/// The check's options: roster.toml's levels, then the command line's.
fn options(args: &CheckArgs, mut levels: Levels) -> Result<roster::check::Options> {
    for (codes, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for code in codes {
            match (code.as_str(), level) {
                (WARNINGS, Level::Deny) => levels.deny_warnings = true,
                (WARNINGS, _) => {
                    return Err(Error::usage(format!(
                        "`{WARNINGS}` can only be denied: `--deny {WARNINGS}` makes every certain warning an error"
                    )))
                }
                _ => levels.set(code, level)?,
            }
        }
    }
    if args.uncertain {
        levels.uncertain = Uncertain::Warn;
    }
    Ok(roster::check::Options {
        as_of: args.as_of,
        levels,
        only: None,
    })
}

/// A path given on the command line, as the name of a file or folder from the root
/// (`records/members/iom.yaml`, `records`, or `""` for the root itself). It must exist and be
/// inside the root: a path elsewhere names another repository's records, which this run does
/// not read.
fn name_in_root(path: &Path, root: &Path) -> Result<String> {
    let absolute = current_dir()?.join(path);
    if std::fs::symlink_metadata(&absolute).is_err() {
        return Err(Error::usage(format!("`{}` does not exist", path.display())));
    }
    let root = root
        .canonicalize()
        .map_err(|e| Error::io("open folder", root, &e))?;
    // The folder holding the path is resolved, not the path itself: a record that is a link
    // is named by where it is, not by where it points.
    let (parent, last) = match absolute.file_name() {
        Some(last)
            if !matches!(
                absolute.components().next_back(),
                Some(Component::ParentDir)
            ) =>
        {
            (absolute.parent().unwrap_or(&absolute), Some(last))
        }
        _ => (absolute.as_path(), None),
    };
    let mut resolved = parent
        .canonicalize()
        .map_err(|e| Error::io("open folder", parent, &e))?;
    if let Some(last) = last {
        resolved.push(last);
    }
    let Ok(relative) = resolved.strip_prefix(&root) else {
        return Err(Error::usage(format!(
            "`{}` is outside the records repository at `{}`\nhelp: use --root to check another repository",
            path.display(),
            root.display()
        )));
    };
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}
