//! The command line: arguments, colour choice, output stream and exit codes, decided here once.
//!
//! Exit codes, for every subcommand: 0 success with nothing at error level; 1 error-level
//! findings; 2 the tool could not do its job (bad arguments, unreadable files, schemas that do
//! not compile, not a records repository). A closed pipe (`roster check | head`) ends the
//! program quietly with the exit code it would have had.

use clap::{Parser, Subcommand, ValueEnum};
use roster::error::{Error, ErrorKind};
use roster::load::workspace::Workspace;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod at;
mod check;
mod diff;
mod export;
mod init;
mod log;
mod rule;
mod site;
mod timeline;

const EXAMPLES: &str = "\
Examples:
  roster check                        check every record, from anywhere in the repository
  roster check --format github        annotate a pull request in GitHub Actions
  roster check --format sarif > roster.sarif
  roster rule Y002                    explain a rule
  roster at 2010-09-01                who was a member and who chaired on a day
  roster timeline --format html > timeline.html   the group's life drawn, with a legend
  roster diff main...HEAD             what a branch changes in the records, and what it implies
  roster log                          the changes of each commit that touched the records
  roster export --format csv -o DIR   the records as CSV tables, for spreadsheets and scripts
  roster site _site                   the records as a static website, to open in a browser
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
    Timeline(timeline::TimelineArgs),
    Diff(diff::DiffArgs),
    Export(export::ExportArgs),
    Log(log::LogArgs),
    Rules(rule::ListArgs),
    Rule(rule::ShowArgs),
    Init(init::InitArgs),
    Schemas(init::SchemasArgs),
    Site(site::SiteArgs),
}

/// What a subcommand hands back: its exit code. Findings at error level are `Failed`.
pub enum Exit {
    Success,
    Failed,
}

/// The tool failing: a message for stderr and exit code 2.
pub type Result<T> = std::result::Result<T, Error>;

/// Settings every subcommand shares.
pub struct Settings {
    pub color: bool,
    pub quiet: bool,
    root: Option<PathBuf>,
}

impl Settings {
    /// The workspace: `--root` as given, else discovered from the current folder.
    pub fn workspace(&self) -> Result<Workspace> {
        match &self.root {
            Some(root) => Workspace::at(root),
            None => {
                let here = std::env::current_dir().map_err(|e| {
                    Error::new(
                        ErrorKind::Io,
                        format!("cannot read the current folder: {e}"),
                    )
                })?;
                Workspace::discover(&here)
            }
        }
    }
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
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Check(args) => check::run(&settings, args, &mut out),
        Command::At(args) => at::run(&settings, args, &mut out),
        Command::Timeline(args) => timeline::run(&settings, args, &mut out),
        Command::Diff(args) => diff::run(&settings, args, &mut out),
        Command::Export(args) => export::run(&settings, args, &mut out),
        Command::Log(args) => log::run(&settings, args, &mut out),
        Command::Rules(args) => rule::list(args, &mut out),
        Command::Rule(args) => rule::show(args, &mut out),
        Command::Init(args) => init::init(args, &mut out),
        Command::Schemas(args) => init::schemas(args, &mut out),
        Command::Site(args) => site::run(&settings, args, &mut out),
    };
    let flushed = out.flush();
    match result {
        Ok(outcome) => {
            if let Err(e) = flushed {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    to_stderr(&format!("error: cannot write the output: {e}\n"));
                    return ExitCode::from(2);
                }
            }
            match outcome {
                Exit::Success => ExitCode::SUCCESS,
                Exit::Failed => ExitCode::from(1),
            }
        }
        Err(e) => {
            to_stderr(&format!("error: {e}\n"));
            ExitCode::from(2)
        }
    }
}

/// Writes to stderr, in one piece. A stderr that cannot be written (closed early, as in
/// `roster check 2>&1 | head -5`) loses the text and nothing else: roster still ends with the
/// exit code it would have had, where `eprintln!` would panic (exit 101).
pub fn to_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
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
