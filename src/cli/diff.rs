//! `roster diff`: what changed in the records between two sides, and what it implies.

use super::{written, Exit, Result, Settings};
use roster::check::Options;
use roster::diff::sides::{self, SideSpec};
use roster::error::{Error, ErrorKind};
use roster::report::diff::{DiffFormat, Extras, Links};
use roster::report::RenderOptions;
use roster::temporal::Day;
use std::io::Write;
use std::path::PathBuf;

/// Report what changed in the records between two revisions, record by record and field by
/// field, with the findings, member counts and chair coverage the change moves
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Sides: OLD and NEW are git revisions (HEAD, main, a commit). `OLD..NEW` compares two
revisions; `OLD...NEW` compares NEW with its merge base with OLD, as a pull request does.
Without NEW, the new side is the working tree (or the index with --staged); without OLD, the
old side is HEAD. --old-dir and --new-dir compare folders holding records/ and schemas/.
git is only read, never written.

Examples:
  roster diff                          HEAD against the working tree
  roster diff --staged                 HEAD against what is staged
  roster diff main...HEAD --format markdown >> \"$GITHUB_STEP_SUMMARY\"
  roster diff --old-dir old --new-dir new --format json
  roster diff main...HEAD --format markdown --link-base https://github.com/o/r/blob/SHA
  roster diff main...HEAD --format html > change.html
  roster diff main...HEAD --format json --picture change.html > change.json

Exit status: 0, or with --exit-code 0 no change and 1 changes; 2 roster could not run.")]
pub struct DiffArgs {
    /// The old side, or a range `OLD..NEW` / `OLD...NEW`
    old: Option<String>,

    /// The new side
    new: Option<String>,

    /// Compare against the index (what is staged) instead of the working tree
    #[arg(long, conflicts_with = "new")]
    staged: bool,

    /// Take the old side from this folder instead of git
    #[arg(long, value_name = "DIR", conflicts_with = "old")]
    old_dir: Option<PathBuf>,

    /// Take the new side from this folder instead of git
    #[arg(long, value_name = "DIR", conflicts_with_all = ["new", "staged"])]
    new_dir: Option<PathBuf>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,

    /// Exit with 1 when the records changed, 0 when they did not
    #[arg(long)]
    exit_code: bool,

    /// Take this date (YYYY-MM-DD) as today, for the rules that need one
    #[arg(long, value_name = "DATE", value_parser = super::at::parse_day)]
    as_of: Option<Day>,

    /// In Markdown, link each location to its line under this URL of the new side's commit
    /// (https://github.com/OWNER/REPO/blob/SHA). In GitHub Actions, when the new side is a
    /// commit, the link is made from GITHUB_SERVER_URL and GITHUB_REPOSITORY without it
    #[arg(long, value_name = "URL")]
    link_base: Option<String>,

    /// Also write the report as an HTML page, with the timeline before and after the change,
    /// to this file (whatever --format prints)
    #[arg(long, value_name = "FILE")]
    picture: Option<PathBuf>,

    #[command(flatten)]
    pub(super) output: super::Output,
}

/// Where the Markdown report links locations: `--link-base`, else the GitHub repository the
/// workflow runs for (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`) at the new side's commit, when
/// the new side is one. A working tree or the index is not a commit: its lines have no link.
pub(super) fn links(
    link_base: Option<&str>,
    commit: Option<&str>,
    folder: Option<&str>,
) -> Option<Links> {
    let folder = folder.unwrap_or("");
    if let Some(base) = link_base {
        return Some(Links::new(base, folder));
    }
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let (server, repository, commit) = (
        var("GITHUB_SERVER_URL")?,
        var("GITHUB_REPOSITORY")?,
        commit?,
    );
    Some(Links::new(
        &format!(
            "{}/{}/blob/{commit}",
            server.trim_end_matches('/'),
            repository.trim_matches('/')
        ),
        folder,
    ))
}

pub fn run(settings: &Settings, args: &DiffArgs, out: &mut dyn Write) -> Result<Exit> {
    // Two folders need no repository around them: the new one then holds `roster.toml`.
    let root = match (settings.workspace(), &args.old_dir, &args.new_dir) {
        (Ok(workspace), _, _) => workspace.root,
        (Err(e), Some(_), Some(new_dir)) if e.kind == ErrorKind::NoRecords => new_dir.clone(),
        (Err(e), _, _) => return Err(e),
    };
    let spec = SideSpec {
        old: args.old.clone(),
        new: args.new.clone(),
        staged: args.staged,
        index_file: settings.index_file.clone(),
        old_dir: args.old_dir.clone(),
        new_dir: args.new_dir.clone(),
    };
    let options = Options {
        as_of: args.as_of,
        levels: roster::check::policy::load(&root)?,
        only: None,
    };
    let comparison = sides::compare(&root, &spec, &options)?;
    let report = &comparison.report;
    let links = links(
        args.link_base.as_deref(),
        comparison.new_commit.as_deref(),
        comparison.folder.as_deref(),
    );
    let (old, new) = (&comparison.sides.0.data, &comparison.sides.1.data);
    if let Some(path) = &args.picture {
        let mut page = Vec::new();
        roster::report::diff::render_html(report, old, new, &mut page)
            .and_then(|()| std::fs::write(path, page))
            .map_err(|e| Error::io("write", path, &e))?;
    }
    // The chart of chair terms around the change, for Markdown.
    let gantt = (args.format == DiffFormat::Markdown)
        .then(|| {
            roster::diff::gantt::around(
                old,
                new,
                &report.consequences.coverage_gained,
                &report.consequences.coverage_lost,
            )
        })
        .flatten();
    if !settings.quiet {
        written(match args.format {
            DiffFormat::Html => roster::report::diff::render_html(report, old, new, out),
            format => roster::report::diff::render(
                format,
                report,
                &RenderOptions {
                    color: settings.color,
                    ..RenderOptions::default()
                },
                Extras {
                    links: links.as_ref(),
                    gantt: gantt.as_ref(),
                },
                out,
            ),
        })?;
    }
    let changed = !report.is_empty();
    // The process ends here: let the operating system take the memory back instead of freeing
    // every document and model one by one (a tenth of the run on large records).
    std::mem::forget(comparison);
    Ok(if args.exit_code && changed {
        Exit::Failed
    } else {
        Exit::Success
    })
}
