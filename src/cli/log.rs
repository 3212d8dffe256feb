//! `roster log`: the semantic changes of each commit that touched the records.

use super::{written, Exit, Result, Settings};
use roster::diff::history::{self, Progress};
use roster::load::git::Repo;
use roster::report::diff::DiffFormat;
use roster::report::RenderOptions;
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
pub struct LogArgs {
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

pub fn run(settings: &Settings, args: &LogArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
    let repo = Repo::open(&workspace.root)?;
    let show_progress = std::io::stderr().is_terminal() && !settings.quiet;
    let mut shown = false;
    // Progress on a terminal, for a history long enough to wait for.
    let mut progress = |step: Progress| match step {
        Progress::Reading { commits, versions } if show_progress && commits > 20 => {
            eprint!("\rroster log: reading {versions} file versions");
            shown = true;
        }
        Progress::Parsing { commits, files } if show_progress && commits > 20 => {
            eprint!("\rroster log: parsing {files} files\x1b[K");
            shown = true;
        }
        _ => {}
    };
    let walk = history::walk(
        &repo,
        args.range.as_deref().unwrap_or(""),
        &workspace.schemas,
        &mut progress,
    )?;
    if shown {
        eprint!("\r\x1b[K");
    }
    let history = &walk.history;
    match args.format {
        LogFormat::Json => {
            let text = serde_json::to_string_pretty(history).expect("plain data serialises");
            written(
                out.write_all(text.as_bytes())
                    .and_then(|_| out.write_all(b"\n")),
            )?;
        }
        LogFormat::Human => {
            let options = RenderOptions {
                color: settings.color,
                ..RenderOptions::default()
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
    // The process ends soon, and freeing every document costs more than it saves.
    std::mem::forget(walk);
    Ok(Exit::Success)
}
