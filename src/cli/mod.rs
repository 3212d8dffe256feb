//! The command line: arguments, colour choice, output stream and exit codes, decided here once.
//!
//! Exit codes, for every subcommand: 0 success with nothing at error level; 1 error-level
//! findings; 2 the tool could not do its job (bad arguments, unreadable files, schemas that do
//! not compile, not a records repository). A closed pipe (`roster check | head`) ends the
//! program quietly with the exit code it would have had.
//!
//! This is the only part of roster that reads the environment: `NO_COLOR`, `FORCE_COLOR`,
//! `CLICOLOR`, `CLICOLOR_FORCE` and `TERM` for colour, `GITHUB_ACTIONS` for the default format of
//! `roster check`, and `GIT_INDEX_FILE`, the index a `git commit -a` hook must read.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use roster::error::{Error, ErrorKind};
use roster::load::workspace::Workspace;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod at;
mod check;
mod diff;
mod export;
mod init;
mod log;
mod manual;
mod rule;
mod site;
mod timeline;

const EXAMPLES: &str = "\
Examples:
  roster check                        check every record, from anywhere in the repository
  roster check --staged               check what the next commit will hold (the pre-commit hook)
  roster check records/members        report only the findings in these files
  roster check --format sarif -o roster.sarif
  roster rule Y002                    explain a rule
  roster at 2010-09-01                who was a member and who chaired on a day
  roster timeline --format html > timeline.html   the group's life drawn, with a legend
  roster diff main...HEAD             what a branch changes in the records, and what it implies
  roster log                          the changes of each commit that touched the records
  roster export --format csv -o DIR   the records as CSV tables, for spreadsheets and scripts
  roster site _site                   the records as a static website, to open in a browser
  roster completions bash             shell completions; `roster man` prints the manual page
";

/// Checks the records of a governing body against their schemas and consistency rules.
#[derive(Debug, Parser)]
#[command(name = "roster", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// When to colour the output. `auto` colours a terminal, unless NO_COLOR is set or TERM is
    /// `dumb`; FORCE_COLOR or CLICOLOR_FORCE colour it even when it is not a terminal
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,

    /// Print nothing but errors: `check` shows its error-level findings alone, without warnings
    /// or summary; `diff` prints nothing (with --exit-code, the exit status says it all)
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
    Completions(manual::CompletionsArgs),
    Man(manual::ManArgs),
}

impl Command {
    /// The file named by `-o` for the commands whose report can go to one instead of standard
    /// output (`roster export` writes its own files).
    fn output(&self) -> Option<&Path> {
        match self {
            Command::Check(args) => args.output.file(),
            Command::At(args) => args.output.file(),
            Command::Diff(args) => args.output.file(),
            Command::Log(args) => args.output.file(),
            _ => None,
        }
    }
}

/// `-o FILE`, for the commands that print a report.
#[derive(Debug, Default, clap::Args)]
pub struct Output {
    /// Write the report to FILE instead of standard output (FILE is written only when roster
    /// could do its job, exit 0 or 1, and gets colour only with --color always)
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

impl Output {
    fn file(&self) -> Option<&Path> {
        self.output.as_deref()
    }
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
    /// Whether the output gets colours.
    pub color: bool,
    pub quiet: bool,
    root: Option<PathBuf>,
    /// Whether the output goes to a file (`-o`) rather than standard output.
    pub to_file: bool,
    /// Whether roster runs in a GitHub Actions job (`GITHUB_ACTIONS=true`).
    pub github_actions: bool,
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
    let args: Vec<OsString> = std::env::args_os().collect();
    // clap prints its own help and errors, so it must know the colour choice before it parses
    // the arguments that hold `--color`.
    let flag = color_flag(&args);
    let choice = color_choice(flag);
    let command = Cli::command().color(match choice {
        Choice::Always => clap::ColorChoice::Always,
        Choice::Never => clap::ColorChoice::Never,
        Choice::Auto => clap::ColorChoice::Auto,
    });
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let settings = Settings {
        // A file named by `-o` gets colour only with `--color always`: the environment speaks
        // for the terminal, not for files.
        color: match cli.command.output() {
            Some(_) => flag == Color::Always,
            None => stdout_color(choice),
        },
        quiet: cli.quiet,
        root: cli.root.clone(),
        to_file: cli.command.output().is_some(),
        github_actions: std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true"),
        index_file: index_file(),
    };
    match cli.command.output() {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let result = run(&cli.command, &settings, &mut out);
            let flushed = out.flush().map_err(|e| (e, None));
            finish(result, flushed)
        }
        Some(path) => {
            // Kept in memory and written at the end, so that a run that fails leaves no file
            // behind, and an existing file is not emptied.
            let mut out = Vec::new();
            let result = run(&cli.command, &settings, &mut out);
            let written = match &result {
                Ok(_) => std::fs::write(path, &out).map_err(|e| (e, Some(path))),
                Err(_) => Ok(()),
            };
            finish(result, written)
        }
    }
}

fn run(command: &Command, settings: &Settings, out: &mut dyn Write) -> Result<Exit> {
    match command {
        Command::Check(args) => check::run(settings, args, out),
        Command::At(args) => at::run(settings, args, out),
        Command::Timeline(args) => timeline::run(settings, args, out),
        Command::Diff(args) => diff::run(settings, args, out),
        Command::Export(args) => export::run(settings, args, out),
        Command::Log(args) => log::run(settings, args, out),
        Command::Rules(args) => rule::list(args, out),
        Command::Rule(args) => rule::show(settings, args, out),
        Command::Init(args) => init::init(args, out),
        Command::Schemas(args) => init::schemas(args, out),
        Command::Site(args) => site::run(settings, args, out),
        Command::Completions(args) => manual::completions(Cli::command(), args, out),
        Command::Man(args) => manual::man(Cli::command(), args, out),
    }
}

/// The exit code of a run whose output was then written (or not).
fn finish(
    result: Result<Exit>,
    written: std::result::Result<(), (io::Error, Option<&Path>)>,
) -> ExitCode {
    match result {
        Ok(outcome) => {
            if let Err((e, path)) = written {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    match path {
                        Some(path) => {
                            to_stderr(&format!("error: cannot write `{}`: {e}\n", path.display()))
                        }
                        None => to_stderr(&format!("error: cannot write the output: {e}\n")),
                    }
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

/// `--color`'s value among the arguments, read before clap parses them; `auto` if absent or
/// not understood (clap then reports it). The last one wins, as clap would have it.
fn color_flag(args: &[OsString]) -> Color {
    let mut flag = Color::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--color" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--color=").map(str::to_string),
        };
        if let Some(color) = value.and_then(|v| Color::from_str(&v, false).ok()) {
            flag = color;
        }
    }
    flag
}

/// What the flag and the environment decide before a stream is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Always,
    Never,
    /// Colour a terminal whose TERM supports it.
    Auto,
}

/// The one place where colour is decided. `--color always|never` wins. Then, as anstream
/// decides for clap: NO_COLOR (set and not empty) turns colour off; FORCE_COLOR (set, not empty
/// and not `0`) or CLICOLOR_FORCE turn it on; CLICOLOR=0 turns it off; otherwise a terminal
/// whose TERM supports colour (not `dumb`) gets it.
fn color_choice(flag: Color) -> Choice {
    match flag {
        Color::Always => Choice::Always,
        Color::Never => Choice::Never,
        Color::Auto => {
            let force_color =
                std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0");
            if anstyle_query::no_color() {
                Choice::Never
            } else if force_color || anstyle_query::clicolor_force() {
                Choice::Always
            } else if anstyle_query::clicolor() == Some(false) {
                Choice::Never
            } else {
                Choice::Auto
            }
        }
    }
}

/// Whether what roster writes to standard output gets colour.
fn stdout_color(choice: Choice) -> bool {
    match choice {
        Choice::Always => true,
        Choice::Never => false,
        Choice::Auto => {
            io::stdout().is_terminal()
                && (anstyle_query::term_supports_color()
                    || anstyle_query::clicolor() == Some(true)
                    || anstyle_query::is_ci())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(args: &[&str]) -> Color {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        color_flag(&args)
    }

    #[test]
    fn the_color_flag_is_read_before_parsing() {
        assert_eq!(flag(&["roster", "check"]), Color::Auto);
        assert_eq!(flag(&["roster", "--color", "never", "check"]), Color::Never);
        assert_eq!(flag(&["roster", "check", "--color=always"]), Color::Always);
        assert_eq!(
            flag(&["roster", "--color=never", "check", "--color", "always"]),
            Color::Always
        );
        assert_eq!(flag(&["roster", "check", "--color", "purple"]), Color::Auto);
        assert_eq!(
            flag(&["roster", "check", "--", "--color=never"]),
            Color::Auto
        );
    }
}
