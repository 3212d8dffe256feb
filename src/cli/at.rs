//! `roster at DATE`: members, chairs and working groups on one day.

use super::{written, Exit, Result, Settings};
use roster::temporal::{Day, PartialDate};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AtFormat {
    Human,
    Json,
}

pub fn parse_day(text: &str) -> std::result::Result<Day, String> {
    match PartialDate::parse(text) {
        Some(date) if date.day.is_some() => Ok(date.first_day()),
        _ => Err(format!("`{text}` is not a date of the form YYYY-MM-DD")),
    }
}

pub fn run(settings: &Settings, args: &AtArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
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
