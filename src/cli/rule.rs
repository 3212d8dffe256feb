//! `roster rules` lists the rule catalogue; `roster rule CODE` explains one rule.

use super::{written, Exit, Result, Settings};
use roster::catalogue::{self, CATALOGUE};
use roster::error::Error;
use std::io::Write;

/// List every rule with its code, name, default severity and summary
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// `text` (one line a rule) or `markdown` (the reference kept in docs/rules.md)
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Markdown,
}

/// Explain one rule: what it finds, why it matters, an example, how to fix it
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// A rule code (`Y002`) or name (`duplicate-key`)
    code: String,

    /// `text` (drawn for a terminal) or `markdown` (the explanation as written)
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

pub fn list(args: &ListArgs, out: &mut dyn Write) -> Result<Exit> {
    if args.format == ListFormat::Markdown {
        written(out.write_all(catalogue::reference_markdown().as_bytes()))?;
        return Ok(Exit::Success);
    }
    let mut text = String::new();
    for rule in CATALOGUE {
        text.push_str(&format!(
            "{}  {:<22} {:<8} {}\n",
            rule.code,
            rule.name,
            rule.default_severity.as_str(),
            rule.summary
        ));
    }
    written(out.write_all(text.as_bytes()))?;
    Ok(Exit::Success)
}

pub fn show(settings: &Settings, args: &ShowArgs, out: &mut dyn Write) -> Result<Exit> {
    let rule = catalogue::lookup(&args.code).ok_or_else(|| {
        Error::usage(format!(
            "no rule `{}`: `roster rules` lists them all",
            args.code
        ))
    })?;
    let text = match args.format {
        ListFormat::Text => roster::report::rule::terminal(rule, settings.color),
        ListFormat::Markdown => roster::report::rule::markdown(rule),
    };
    written(out.write_all(text.as_bytes()))?;
    Ok(Exit::Success)
}
