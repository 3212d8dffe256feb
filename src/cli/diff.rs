//! `roster diff`: what changed in the records between two sides, and what it implies.

use super::{written, Context, Outcome, Result};
use roster::check::{Corpus, Options, Side};
use roster::diff;
use roster::git::split_range;
use roster::report::diff::DiffFormat;
use roster::report::RenderOptions;
use roster::revision::{Reader, Revision};
use roster::temporal::Day;
use roster::workspace::Error;
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

Exit status: 0, or with --exit-code 0 no change and 1 changes; 2 roster could not run.")]
pub struct Args {
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
}

/// The two sides named by the arguments, with their labels.
fn sides(args: &Args, reader: &mut Reader) -> Result<((Revision, String), (Revision, String))> {
    let mut old_spec = args.old.clone();
    let mut new_spec = args.new.clone();
    let mut symmetric = false;
    if let Some(spec) = &args.old {
        if spec.contains("..") {
            if args.new.is_some() {
                return Err(Error(format!(
                    "`{spec}` is a range already: give either a range or two revisions"
                )));
            }
            let (a, b, sym) = split_range(spec);
            old_spec = Some(a);
            new_spec = b;
            symmetric = sym;
        }
    }
    let new = match (&args.new_dir, &new_spec, args.staged) {
        (Some(dir), _, _) => (Revision::Folder(dir.clone()), dir.display().to_string()),
        (None, Some(rev), _) => (Revision::Commit(reader.repo()?.resolve(rev)?), rev.clone()),
        (None, None, true) => (Revision::Index, "index".to_string()),
        (None, None, false) => (Revision::WorkTree, "working tree".to_string()),
    };
    let old = match (&args.old_dir, old_spec) {
        (Some(dir), _) => (Revision::Folder(dir.clone()), dir.display().to_string()),
        (None, spec) => {
            let spec = spec.unwrap_or_else(|| "HEAD".to_string());
            if symmetric {
                let new_rev = new_spec.clone().unwrap_or_else(|| "HEAD".to_string());
                let base = reader.repo()?.merge_base(&spec, &new_rev)?;
                let label = format!(
                    "merge base of {spec} and {new_rev} ({})",
                    &base[..base.len().min(10)]
                );
                (Revision::Commit(base), label)
            } else {
                (Revision::Commit(reader.repo()?.resolve(&spec)?), spec)
            }
        }
    };
    Ok((old, new))
}

pub fn run(context: &Context, args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    // Two folders need no repository around them: the new one then holds `roster.toml`.
    let root = match (context.workspace(), &args.old_dir, &args.new_dir) {
        (Ok(workspace), _, _) => workspace.root,
        (Err(_), Some(_), Some(new_dir)) => new_dir.clone(),
        (Err(e), _, _) => return Err(e),
    };
    let mut reader = Reader::new(&root);
    let ((old, old_label), (new, new_label)) = sides(args, &mut reader)?;
    let options = Options {
        as_of: args.as_of,
        levels: roster::config::load(&root)?,
    };
    let mut corpus = Corpus::empty(true);
    let old_files = reader.read(&mut corpus, &old)?;
    let new_files = reader.read(&mut corpus, &new)?;
    corpus.parse_pending();
    let (old_side, new_side): (Side, Side) = corpus.two_sides(&old_files, &new_files, &options);
    let report = diff::compare(&corpus, &old_side, &new_side, &old_label, &new_label, true);
    written(roster::report::diff::render(
        args.format,
        &report,
        &RenderOptions {
            color: context.color,
        },
        out,
    ))?;
    // The corpus and the sides hold every document and model of both sides; the process ends
    // here, so let the operating system take the memory back instead of freeing a million
    // small allocations one by one (a tenth of the run on large records).
    std::mem::forget((corpus, old_side, new_side));
    Ok(if args.exit_code && !report.is_empty() {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}
