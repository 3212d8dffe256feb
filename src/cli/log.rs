//! `roster log`: what each commit that touched the records changed, and what it broke or fixed.

use super::{to_stderr, written, Exit, Result, Settings};
use roster::catalogue::{self, Rule};
use roster::check::Options;
use roster::diff::history::{self, CommitChanges, Progress};
use roster::error::Error;
use roster::load::git::Repo;
use roster::report::diff::markdown;
use roster::report::diff::{DiffFormat, Links};
use roster::report::markdown::{code, plain};
use roster::report::RenderOptions;
use roster::temporal::Day;
use std::io::{IsTerminal, Write};

/// Show, for each commit that touched records/ or schemas/, what changed in the records and
/// the findings it introduced and fixed, newest first
#[derive(Debug, clap::Args)]
#[command(after_help = "\
RANGE is as for git log: a revision (its history), `A..B`, or nothing for HEAD's history.
Each commit is compared with its first parent, as `roster diff PARENT COMMIT` would, with the
schemas and roster.toml of the working tree. Each version of each file is read and parsed
once, and the rules run once on each state of the records.

To find the commit that brought a finding, as `git bisect` would: `--introduced CODE` keeps
the commits that introduced a finding of that rule (new, new under a silence, or made
certain); the oldest one listed is where it started.

Examples:
  roster log
  roster log v1.0..main --format json
  roster log --introduced T006
  roster log main..HEAD --format markdown >> \"$GITHUB_STEP_SUMMARY\"")]
pub struct LogArgs {
    /// The commits to show
    range: Option<String>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = LogFormat::Human)]
    format: LogFormat,

    /// Only the commits that introduced a finding of this rule (a code like T006, or a name)
    #[arg(long, value_name = "RULE")]
    introduced: Option<String>,

    /// Only the commits that fixed or silenced a finding of this rule
    #[arg(long, value_name = "RULE")]
    fixed: Option<String>,

    /// Take this date (YYYY-MM-DD) as today, for the rules that need one
    #[arg(long, value_name = "DATE", value_parser = super::at::parse_day)]
    as_of: Option<Day>,

    /// In Markdown, link each location to its line at its commit under this repository URL
    /// (https://github.com/OWNER/REPO); in GitHub Actions, GITHUB_SERVER_URL and
    /// GITHUB_REPOSITORY give it
    #[arg(long, value_name = "URL")]
    link_repo: Option<String>,

    #[command(flatten)]
    pub(super) output: super::Output,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// coloured text for a terminal
    Human,
    /// Markdown: a section per commit
    Markdown,
    /// versioned JSON, documented in docs/diff-output.md
    Json,
}

fn short(id: &str) -> &str {
    &id[..id.len().min(10)]
}

fn rule(name: Option<&str>) -> Result<Option<&'static Rule>> {
    name.map(|name| {
        catalogue::lookup(name).ok_or_else(|| {
            Error::usage(format!(
                "no rule is called `{name}`\nhelp: `roster rules` lists the codes and names"
            ))
        })
    })
    .transpose()
}

pub fn run(settings: &Settings, args: &LogArgs, out: &mut dyn Write) -> Result<Exit> {
    let introduced = rule(args.introduced.as_deref())?;
    let fixed = rule(args.fixed.as_deref())?;
    let workspace = settings.workspace()?;
    let repo = Repo::open(&workspace.root)?;
    let options = Options {
        as_of: args.as_of,
        levels: roster::check::policy::load(&workspace.root)?,
        only: None,
    };
    let show_progress = std::io::stderr().is_terminal() && !settings.quiet;
    let mut shown = false;
    // Progress on a terminal, for a history long enough to wait for.
    let mut progress = |step: Progress| match step {
        Progress::Reading { commits, versions } if show_progress && commits > 20 => {
            to_stderr(&format!("\rroster log: reading {versions} file versions"));
            shown = true;
        }
        Progress::Parsing { commits, files } if show_progress && commits > 20 => {
            to_stderr(&format!("\rroster log: parsing {files} files\x1b[K"));
            shown = true;
        }
        Progress::Checking { commits, done } if show_progress && commits > 20 && done % 50 == 0 => {
            to_stderr(&format!(
                "\rroster log: checking commit {done} of {commits}\x1b[K"
            ));
            shown = true;
        }
        _ => {}
    };
    let mut walk = history::walk(
        &repo,
        args.range.as_deref().unwrap_or(""),
        &workspace.schemas,
        &options,
        &mut progress,
    )?;
    if shown {
        to_stderr("\r\x1b[K");
    }
    let history = &mut walk.history;
    history
        .commits
        .retain(|c| introduced.is_none_or(|r| c.introduced(r)) && fixed.is_none_or(|r| c.fixed(r)));
    let nothing = match (introduced, fixed) {
        (Some(r), _) => format!(
            "no commit in this range introduced a finding of {} ({})",
            r.code, r.name
        ),
        (None, Some(r)) => format!(
            "no commit in this range fixed a finding of {} ({})",
            r.code, r.name
        ),
        (None, None) => "no commit in this range touched the records".to_string(),
    };
    let folder = repo.prefix().to_string();
    let link_repo = args.link_repo.clone().or_else(|| {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Some(format!(
            "{}/{}",
            var("GITHUB_SERVER_URL")?.trim_end_matches('/'),
            var("GITHUB_REPOSITORY")?.trim_matches('/')
        ))
    });
    let links = |c: &CommitChanges| {
        link_repo.as_ref().map(|repo| {
            Links::new(
                &format!("{}/blob/{}", repo.trim_end_matches('/'), c.id),
                &folder,
            )
        })
    };
    match args.format {
        LogFormat::Json => {
            let text = serde_json::to_string_pretty(&*history).expect("plain data serialises");
            written(
                out.write_all(text.as_bytes())
                    .and_then(|_| out.write_all(b"\n")),
            )?;
        }
        LogFormat::Markdown => {
            let mut text =
                String::from("## roster log: changes to the records, commit by commit\n");
            for c in &history.commits {
                let links = links(c);
                let id = match &links {
                    Some(_) => format!(
                        "[{}]({}/commit/{})",
                        code(short(&c.id)),
                        link_repo.as_deref().unwrap_or("").trim_end_matches('/'),
                        c.id
                    ),
                    None => code(short(&c.id)),
                };
                text.push_str(&format!(
                    "\n### {id} {}\n\n<sub>{}, {}</sub>\n\n**{}**\n",
                    plain(&c.subject),
                    plain(&c.author),
                    plain(&c.date),
                    plain(&c.report.summary)
                ));
                text.push_str(&markdown::section(&c.report, links.as_ref()));
            }
            if history.commits.is_empty() {
                text.push_str(&format!("\n{}\n", plain(&nothing)));
            }
            written(out.write_all(text.as_bytes()))?;
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
                    Default::default(),
                    out,
                ))?;
            }
            if history.commits.is_empty() {
                written(out.write_all(format!("{nothing}\n").as_bytes()))?;
            }
        }
    }
    // The process ends soon, and freeing every document costs more than it saves.
    std::mem::forget(walk);
    Ok(Exit::Success)
}
