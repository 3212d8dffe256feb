//! `roster completions SHELL` and `roster man [COMMAND]`: the shell completions and the manual
//! pages, made from the same definition of the command line as `--help`, so they never
//! disagree with it.

use super::{written, Exit, Result};
use clap_complete::Shell;
use roster::error::{Error, ErrorKind};
use std::io::Write;

/// Print the completion script for a shell
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  roster completions bash > ~/.local/share/bash-completion/completions/roster
  roster completions zsh > ~/.zfunc/_roster       # with fpath+=~/.zfunc before compinit
  roster completions fish > ~/.config/fish/completions/roster.fish")]
pub struct CompletionsArgs {
    /// The shell
    shell: Shell,
}

/// Print the manual page (roff, for `man`) of roster or of one of its commands
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  roster man > roster.1 && man ./roster.1
  roster man check > roster-check.1")]
pub struct ManArgs {
    /// A command (`check`, `diff`...): its own page, roster-COMMAND(1)
    command: Option<String>,
}

pub fn completions(
    mut cli: clap::Command,
    args: &CompletionsArgs,
    out: &mut dyn Write,
) -> Result<Exit> {
    let mut text = Vec::new();
    clap_complete::generate(args.shell, &mut cli, "roster", &mut text);
    written(out.write_all(&text))?;
    Ok(Exit::Success)
}

pub fn man(mut cli: clap::Command, args: &ManArgs, out: &mut dyn Write) -> Result<Exit> {
    // Building the command hands the global options (--color, --root...) to each command, so
    // that a command's page lists them too.
    cli.build();
    let page = match &args.command {
        None => cli,
        Some(name) => {
            let sub = cli
                .get_subcommands()
                .find(|c| c.get_name() == name)
                .ok_or_else(|| {
                    Error::usage(format!("no command `{name}`: `roster --help` lists them"))
                })?;
            // The page is roster-check(1), and its synopsis reads `roster check ...`.
            sub.clone()
                .name(format!("roster-{name}"))
                .bin_name(format!("roster {name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut text = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut text)
        .map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
    written(out.write_all(&text))?;
    Ok(Exit::Success)
}
