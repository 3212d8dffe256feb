//! `roster log`: the semantic changes of each commit that touched the records.

use super::{written, Context, Outcome, Result};
use roster::check::{Corpus, Side};
use roster::diff::{self, CommitChanges, History};
use roster::git::Repo;
use roster::model::Dataset;
use roster::report::diff::DiffFormat;
use roster::report::RenderOptions;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};

/// Show, for each commit that touched records/ or schemas/, what changed in the records,
/// newest first
#[derive(Debug, clap::Args)]
#[command(after_help = "\
RANGE is as for git log: a revision (its history), `A..B`, or nothing for HEAD's history.
Only the files a commit changed are compared with its first parent's; each version of each
file is read once, with one git process for the whole history, and parsed once.

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
    let workspace = context.workspace()?;
    let repo = Repo::open(&workspace.root)?;
    let folders = ["records", "schemas"];
    let commits = repo.commits(args.range.as_deref().unwrap_or(""), &folders)?;
    let progress = commits.len() > 20 && std::io::stderr().is_terminal() && !context.quiet;
    // What each commit changed, from one `git diff-tree` for the whole history, and every
    // version of every changed record file from one `git cat-file --batch`.
    let pairs: Vec<(String, Option<String>)> = commits
        .iter()
        .map(|c| (c.id.clone(), c.parents.first().cloned()))
        .collect();
    let changed = repo.changed_files(&pairs, &["records"])?;
    let mut wanted: Vec<String> = changed
        .iter()
        .flatten()
        .flat_map(|(_, old, new)| old.iter().chain(new).cloned())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    if progress {
        eprint!("\rroster log: reading {} file versions", wanted.len());
    }
    let mut blobs: HashMap<String, Vec<u8>> = wanted
        .iter()
        .cloned()
        .zip(repo.read_blobs(&wanted)?)
        .collect();
    // A commit's records are compared with its parent's, so what a record holds is all that
    // matters: every version is read with the schemas of the working tree.
    let mut corpus = Corpus::empty(true);
    let schemas = corpus.schema_set(roster::schema::read_texts(&workspace.schemas)?)?;
    let add = |corpus: &mut Corpus, path: &str, blob: &Option<String>| {
        blob.as_ref().map(|id| {
            let bytes = blobs.get(id).cloned().unwrap_or_default();
            corpus.add_bytes(path, bytes, schemas)
        })
    };
    let mut sides = Vec::with_capacity(commits.len());
    for files in &changed {
        let old: Vec<usize> = files
            .iter()
            .filter_map(|(p, o, _)| add(&mut corpus, p, o))
            .collect();
        let new: Vec<usize> = files
            .iter()
            .filter_map(|(p, _, n)| add(&mut corpus, p, n))
            .collect();
        sides.push((old, new));
    }
    blobs.clear();
    if progress {
        eprint!("\rroster log: parsing {} files\x1b[K", corpus.results.len());
    }
    corpus.parse_pending();
    let side = |files: Vec<usize>| Side {
        files,
        diagnostics: Vec::new(),
        data: Dataset::default(),
    };
    let mut history = History {
        version: diff::VERSION,
        commits: Vec::with_capacity(commits.len()),
    };
    for (commit, (old, new)) in commits.iter().zip(sides) {
        let old_label = commit
            .parents
            .first()
            .map_or("nothing".to_string(), |p| short(p).to_string());
        let report = diff::compare(
            &corpus,
            &side(old),
            &side(new),
            &old_label,
            short(&commit.id),
            false,
        );
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
    // The process ends soon, and freeing every document costs more than it saves.
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
