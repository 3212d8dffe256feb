//! `roster at DATE`: members, chairs and working groups on one day.

use super::{written, Exit, Result, Settings};
use roster::temporal::{Date, DateError, Day};
use std::io::Write;

/// Show who was a member (certainly and possibly), who chaired, and the working groups on a day
#[derive(Debug, clap::Args)]
pub struct AtArgs {
    /// The day, as YYYY-MM-DD
    #[arg(value_parser = parse_day)]
    date: Day,

    /// `human` or `json`
    #[arg(long, short, value_enum, default_value_t = AtFormat::Human)]
    format: AtFormat,

    #[command(flatten)]
    pub(super) output: super::Output,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AtFormat {
    Human,
    Json,
}

/// A day given on the command line: `YYYY-MM-DD`, a day that exists.
pub fn parse_day(text: &str) -> std::result::Result<Day, String> {
    match Date::parse(text) {
        Ok(date) => match date.as_single() {
            Some(day) if day.day().is_some() && !date.is_inferred() => Ok(day.first_day()),
            _ => Err(format!("`{text}` is not a day: write it as YYYY-MM-DD")),
        },
        Err(DateError::Form(_)) => Err(format!("`{text}` is not a day: write it as YYYY-MM-DD")),
        Err(e) => Err(e.to_string()),
    }
}

pub fn run(settings: &Settings, args: &AtArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?.seen_by_git()?;
    let (_, data) = roster::check::load(&workspace)?;
    let snapshot = roster::at::at(&data, args.date);
    let text = match args.format {
        AtFormat::Human => snapshot.to_string(),
        AtFormat::Json => {
            serde_json::to_string_pretty(&snapshot).expect("plain data serialises") + "\n"
        }
    };
    written(out.write_all(text.as_bytes()))?;
    Ok(Exit::Success)
}
