//! `roster log`: the semantic changes of each commit that touched the records.

use super::{written, Context, Outcome, Result};
use roster::check::{Corpus, Side};
use roster::diff::{self, CommitChanges, History};
use roster::model::Dataset;
use roster::report::diff::DiffFormat;
use roster::report::RenderOptions;
use roster::revision::{Reader, Revision};
use std::io::{IsTerminal, Write};

/// Show, for each commit that touched records/ or schemas/, what changed in the records,
/// newest first
#[derive(Debug, clap::Args)]
#[command(after_help = "\
RANGE is as for git log: a revision (its history), `A..B`, or nothing for HEAD's history.
Each version of each file is read and parsed once, however many commits hold it.

Examples:
  roster log
  roster log v1.0..main --format json")]
pub struct Args {
    /// The commits to show
    range: Option<String>,

    /// `human` or `json`
    #[arg(long, short, value_enum, default_value_t = LogFormat::Human)]
    format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}

fn short(id: &str) -> &str {
    &id[..id.len().min(10)]
}

pub fn run(context: &Context, args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let root = context.workspace()?.root;
    let mut reader = Reader::new(&root);
    let commits = reader
        .repo()?
        .commits(args.range.as_deref().unwrap_or(""), &["records", "schemas"])?;
    let mut corpus = Corpus::empty(true);
    let progress = commits.len() > 20 && std::io::stderr().is_terminal() && !context.quiet;
    let side = |files: Vec<usize>| Side {
        files,
        diagnostics: Vec::new(),
        data: Dataset::default(),
    };
    let mut history = History {
        version: diff::VERSION,
        commits: Vec::with_capacity(commits.len()),
    };
    for (i, commit) in commits.iter().enumerate() {
        if progress {
            eprint!("\rroster log: commit {} of {}", i + 1, commits.len());
        }
        let new = side(reader.read(&mut corpus, &Revision::Commit(commit.id.clone()))?);
        let old = match commit.parents.first() {
            Some(parent) => side(reader.read(&mut corpus, &Revision::Commit(parent.clone()))?),
            None => side(Vec::new()),
        };
        corpus.parse_pending();
        let old_label = commit
            .parents
            .first()
            .map_or("nothing".to_string(), |p| short(p).to_string());
        let report = diff::compare(&corpus, &old, &new, &old_label, short(&commit.id), false);
        history.commits.push(CommitChanges {
            id: commit.id.clone(),
            parents: commit.parents.clone(),
            author: commit.author.clone(),
            date: commit.date.clone(),
            subject: commit.subject.clone(),
            report,
        });
    }
    if progress {
        eprint!("\r\x1b[K");
    }
    // As in `diff`: the process ends soon, and freeing every document costs more than it saves.
    std::mem::forget(corpus);
    match args.format {
        LogFormat::Json => {
            let text = serde_json::to_string_pretty(&history).expect("plain data serialises");
            written(
                out.write_all(text.as_bytes())
                    .and_then(|_| out.write_all(b"\n")),
            )?;
        }
        LogFormat::Human => {
            let options = RenderOptions {
                color: context.color,
            };
            for (i, c) in history.commits.iter().enumerate() {
                if i > 0 {
                    written(out.write_all(b"\n"))?;
                }
                let header = format!(
                    "commit {}  {}  {}\n    {}\n",
                    short(&c.id),
                    c.date,
                    c.author,
                    c.subject
                );
                written(out.write_all(header.as_bytes()))?;
                written(roster::report::diff::render(
                    DiffFormat::Human,
                    &c.report,
                    &options,
                    out,
                ))?;
            }
            if history.commits.is_empty() {
                written(out.write_all(b"no commit in this range touched the records\n"))?;
            }
        }
    }
    Ok(Outcome::Success)
}
