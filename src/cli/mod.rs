//! The command line: arguments, colour choice, output stream and exit codes, decided here once.
//!
//! Exit codes, for every subcommand: 0 success with nothing at error level; 1 error-level
//! findings; 2 the tool could not do its job (bad arguments, unreadable files, schemas that do
//! not compile, not a records repository). A closed pipe (`roster check | head`) ends the
//! program quietly with the exit code it would have had.
//!
//! This is the only part of roster that reads the environment: `NO_COLOR` for colour, and
//! `GIT_INDEX_FILE`, the index a `git commit -a` hook must read.

use clap::{Parser, Subcommand, ValueEnum};
use roster::error::{Error, ErrorKind};
use roster::load::workspace::Workspace;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod at;
mod check;
mod diff;
mod log;
mod rule;

const EXAMPLES: &str = "\
Examples:
  roster check                        check every record, from anywhere in the repository
  roster check --format github        annotate a pull request in GitHub Actions
  roster check --format sarif > roster.sarif
  roster rule Y002                    explain a rule
  roster at 2010-09-01                who was a member and who chaired on a day
  roster diff main...HEAD             what a branch changes in the records, and what it implies
  roster log                          the changes of each commit that touched the records
";

/// Checks the records of a governing body against their schemas and consistency rules.
#[derive(Debug, Parser)]
#[command(name = "roster", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// When to colour the output: `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,

    /// Print less: no summary, no warnings, nothing at all when there are no errors
    #[arg(long, short, global = true)]
    quiet: bool,

    /// The repository root (the folder holding `records/`); found from the current folder if
    /// not given
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::CheckArgs),
    At(at::AtArgs),
    Diff(diff::DiffArgs),
    Log(log::LogArgs),
    Rules(rule::ListArgs),
    Rule(rule::ShowArgs),
}

/// What a subcommand hands back: its exit code. Findings at error level are `Failed`.
pub enum Exit {
    Success,
    Failed,
}

/// The tool failing: a message for stderr and exit code 2.
pub type Result<T> = std::result::Result<T, Error>;

/// Settings every subcommand shares, and what the environment said.
pub struct Settings {
    pub color: bool,
    pub quiet: bool,
    root: Option<PathBuf>,
    /// `GIT_INDEX_FILE`, made absolute: the index git uses for the commit under way, when a
    /// hook runs roster.
    pub index_file: Option<PathBuf>,
}

impl Settings {
    /// The workspace: `--root` as given, else discovered from the current folder.
    pub fn workspace(&self) -> Result<Workspace> {
        match &self.root {
            Some(root) => Workspace::at(root),
            None => Workspace::discover(&current_dir()?),
        }
    }
}

/// The current folder, or the error of not being able to read it.
pub fn current_dir() -> Result<PathBuf> {
    std::env::current_dir().map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read the current folder: {e}"),
        )
    })
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let settings = Settings {
        color: use_color(cli.color),
        quiet: cli.quiet,
        root: cli.root,
        index_file: index_file(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Check(args) => check::run(&settings, args, &mut out),
        Command::At(args) => at::run(&settings, args, &mut out),
        Command::Diff(args) => diff::run(&settings, args, &mut out),
        Command::Log(args) => log::run(&settings, args, &mut out),
        Command::Rules(args) => rule::list(args, &mut out),
        Command::Rule(args) => rule::show(args, &mut out),
    };
    let flushed = out.flush();
    match result {
        Ok(outcome) => {
            if let Err(e) = flushed {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("error: cannot write the output: {e}");
                    return ExitCode::from(2);
                }
            }
            match outcome {
                Exit::Success => ExitCode::SUCCESS,
                Exit::Failed => ExitCode::from(1),
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The one place where colour is decided: `--color`, then `NO_COLOR`, then whether stdout is
/// a terminal.
fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// `GIT_INDEX_FILE`, as an absolute path: git gives hooks a path relative to the folder they
/// run in, and roster runs git from the root of the records.
fn index_file() -> Option<PathBuf> {
    let file = PathBuf::from(std::env::var_os("GIT_INDEX_FILE").filter(|v| !v.is_empty())?);
    if file.is_absolute() {
        return Some(file);
    }
    std::env::current_dir().ok().map(|here| here.join(file))
}

/// Maps a write error to the tool's error, except a closed pipe, which is not one.
pub fn written(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::new(
            ErrorKind::Io,
            format!("cannot write the output: {e}"),
        )),
        _ => Ok(()),
    }
}
