//! `roster timeline`: the records drawn as an SVG, or as an HTML page around it.

use super::{written, Exit, Result, Settings};
use roster::error::Error;
use roster::temporal::{Date, DateError};
use roster::timeline::Options;
use std::io::Write;

/// Draw the group's life: members, chair rotation, regimes, claims of member counts, working
/// groups and the days the records cover, as a self-contained SVG (or an HTML page)
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Certain days are solid; days the dates only make possible (a year or a month where a day is
meant, a window, an inferred date) are hatched. docs/timeline.md describes the drawing.

Examples:
  roster timeline > timeline.svg
  roster timeline --format html > timeline.html
  roster timeline --from 2007 --until 2009-06 --member iom")]
pub struct TimelineArgs {
    /// `svg` (the drawing alone) or `html` (a page with a legend)
    #[arg(long, short, value_enum, default_value_t = TimelineFormat::Svg)]
    format: TimelineFormat,

    /// The first day drawn: YYYY, YYYY-MM or YYYY-MM-DD (from its first day)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<Date>,

    /// The last day drawn: YYYY, YYYY-MM or YYYY-MM-DD (to its last day)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<Date>,

    /// Draw only this member's row, and highlight its terms as chair
    #[arg(long, value_name = "ID")]
    member: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    Svg,
    Html,
}

/// A date of the range: one year, month or day, as the records write them.
fn parse_date(text: &str) -> std::result::Result<Date, String> {
    let form = || format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    match Date::parse(text) {
        Ok(date) if date.as_single().is_some() && !date.is_inferred() => Ok(date),
        Ok(_) | Err(DateError::Form(_)) => Err(form()),
        Err(e) => Err(e.to_string()),
    }
}

pub fn run(settings: &Settings, args: &TimelineArgs, out: &mut dyn Write) -> Result<Exit> {
    if let (Some(from), Some(until)) = (&args.from, &args.until) {
        if until.last_day() < from.first_day() {
            return Err(Error::usage(format!(
                "`--until {until}` is before `--from {from}`"
            )));
        }
    }
    let workspace = settings.workspace()?;
    // Findings do not stop the drawing: what the model holds is drawn.
    let (_, data) = roster::check::load(&workspace)?;
    let options = Options {
        from: args.from.map(|d| d.first_day()),
        until: args.until.map(|d| d.last_day()),
        member: args.member.clone(),
        ..Options::default()
    };
    let text = match args.format {
        TimelineFormat::Svg => roster::timeline::svg(&data, &options)?,
        TimelineFormat::Html => roster::timeline::html(&data, &options)?,
    };
    written(out.write_all(text.as_bytes()))?;
    Ok(Exit::Success)
}
