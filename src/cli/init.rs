//! `roster init DIR` writes a minimal records tree for a new body; `roster schemas DIR` writes
//! the built-in schemas out, for editors. Neither overwrites a file.

use super::{Exit, Result};
use roster::error::{Error, ErrorKind};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write a minimal records tree for a new body, which passes `roster check` at once
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The tree has the group, one member, no chair terms yet and one source, all placeholders to
replace with what the sources say. It is checked against the schemas built into roster; run
`roster schemas DIR/schemas` to give editors the schemas the files' modelines point at.

Example:
  roster init asean --name \"Association of Southeast Asian Nations\" --languages en")]
pub struct InitArgs {
    /// The folder to create the tree in (created if need be; it must not hold records/ yet)
    dir: PathBuf,

    /// The body's name
    #[arg(long)]
    name: String,

    /// The languages its names are kept in, as ISO 639-1 codes (repeat, or separate with commas)
    #[arg(long, value_delimiter = ',', default_value = "en")]
    languages: Vec<String>,

    /// When the body was founded (YYYY, YYYY-MM or YYYY-MM-DD); this year if not given
    #[arg(long, value_name = "DATE")]
    founded: Option<String>,
}

/// Write the schemas built into roster to a folder, for editors
#[derive(Debug, clap::Args)]
pub struct SchemasArgs {
    /// The folder to write the `*.schema.json` files to (created if need be)
    dir: PathBuf,
}

fn create(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io("create folder", parent, &e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::usage(format!(
                    "`{}` exists already: roster never overwrites a file",
                    path.display()
                ))
            } else {
                Error::io("create", path, &e)
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io("write", path, &e))
}

pub fn init(args: &InitArgs, out: &mut dyn Write) -> Result<Exit> {
    if args.dir.join("records").exists() {
        return Err(Error::usage(format!(
            "`{}` has a `records/` folder already: `roster init` starts a new tree",
            args.dir.display()
        )));
    }
    for language in &args.languages {
        if language.len() != 2 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(Error::usage(format!(
                "`{language}` is not a language code: give two lowercase letters (ISO 639-1), such as `en`"
            )));
        }
    }
    let founded = match &args.founded {
        Some(date) => {
            roster::temporal::Date::parse(date)
                .map_err(|e| Error::new(ErrorKind::Usage, e.to_string()))?;
            date.clone()
        }
        None => this_year().to_string(),
    };
    let tree = roster::init::new_tree(&args.name, &args.languages, &founded);
    for (path, text) in &tree.files {
        create(&args.dir.join(path), text)?;
    }
    super::written(writeln!(
        out,
        "wrote {} files under `{}`: `roster check --root {}` passes on them",
        tree.files.len(),
        args.dir.join("records").display(),
        args.dir.display()
    ))?;
    Ok(Exit::Success)
}

pub fn schemas(args: &SchemasArgs, out: &mut dyn Write) -> Result<Exit> {
    for (name, text) in roster::load::schema::BUILT_IN {
        create(&args.dir.join(name), text)?;
    }
    super::written(writeln!(
        out,
        "wrote {} schemas to `{}`",
        roster::load::schema::BUILT_IN.len(),
        args.dir.display()
    ))?;
    Ok(Exit::Success)
}

/// The current year, from the clock: only the command line reads it, for a default.
fn this_year() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    roster::temporal::Day((seconds / 86_400) as i32).ymd().0
}
