//! `roster export`: the records as JSON, CSV or Popolo, to stdout, a file or a folder.
//!
//! Writing is careful because the place is the user's: a file is written over only when it is
//! an earlier export of the same format, a folder only when it is empty or holds nothing but an
//! earlier CSV export, and nothing is written under `records/` or `schemas/`, where roster would
//! read it as records. Every check is made before the first byte is written.

use super::{written, Exit, Result, Settings};
use roster::error::{Error, ErrorKind};
use roster::export::{Format, Output};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write every record, resolved, for other tools: JSON, CSV tables, or Popolo JSON
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Every date is given as written and as the first and last days it may stand for. Records with
error-level findings are exported as far as roster could read them, with a warning; --strict
refuses them. docs/export.md describes each format.

Examples:
  roster export > gmg.json
  roster export --format csv -o gmg-csv
  roster export --format popolo -o gmg-popolo.json")]
pub struct ExportArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Where to write: a file for json and popolo (stdout if not given), a folder for csv
    /// (required; created if need be, and it must be empty or hold an earlier CSV export)
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Export nothing, and exit 1, when the records have error-level findings
    #[arg(long)]
    strict: bool,
}

pub fn run(settings: &Settings, args: &ExportArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
    if args.format == Format::Csv && args.output.is_none() {
        return Err(Error::usage(
            "`--format csv` writes a folder of files: name it with `-o DIR`",
        ));
    }
    if let Some(path) = &args.output {
        refuse_records(path, &workspace.root)?;
        match args.format {
            Format::Csv => writable_folder(path)?,
            format => writable_file(path, format)?,
        }
    }
    let options = roster::check::Options {
        levels: roster::check::policy::load(&workspace.root)?,
        ..Default::default()
    };
    let export = roster::export::load(&workspace, &options)?;
    if export.errors > 0 {
        let errors = match export.errors {
            1 => "1 error".to_string(),
            n => format!("{n} errors"),
        };
        if args.strict {
            super::to_stderr(&format!(
                "error: the records have {errors} (`roster check` lists them): nothing exported, as --strict asks\n"
            ));
            return Ok(Exit::Failed);
        }
        super::to_stderr(&format!(
            "warning: the records have {errors} (`roster check` lists them): the export holds what roster could read of them\n"
        ));
    }
    match (args.format.render(&export.records), &args.output) {
        (Output::Document(text), None) => written(out.write_all(text.as_bytes()))?,
        (Output::Document(text), Some(path)) => write(path, &text)?,
        (Output::Folder(files), Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, &e))?;
            for (name, text) in &files {
                write(&dir.join(name), text)?;
            }
        }
        (Output::Folder(_), None) => unreachable!("a folder is required above"),
    }
    Ok(Exit::Success)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io("write", path, &e))
}

/// An output under `records/` or `schemas/` would be read back as records or schemas.
fn refuse_records(path: &Path, root: &Path) -> Result<()> {
    let Some(place) = resolved(path) else {
        return Ok(());
    };
    for folder in ["records", "schemas"] {
        let Ok(inside) = root.join(folder).canonicalize() else {
            continue;
        };
        if place.starts_with(&inside) {
            return Err(Error::usage(format!(
                "`{}` is inside `{folder}/`, which roster reads: write the export elsewhere",
                path.display()
            )));
        }
    }
    Ok(())
}

/// `path` made absolute through its nearest folder that exists, links followed.
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut existing = path;
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Some(rest.iter().rev().fold(real, |p, part| p.join(part)));
        }
        rest.push(existing.file_name()?.to_owned());
        existing = match existing.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
    }
}

/// A file may be written when it does not exist yet, or is an earlier export of this format.
fn writable_file(path: &Path, format: Format) -> Result<()> {
    if path.is_dir() {
        return Err(Error::usage(format!(
            "`{}` is a folder: `-o` names the file to write for `--format {}`",
            path.display(),
            name(format)
        )));
    }
    if !path.exists() {
        return Ok(());
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    if format.wrote(&text) {
        return Ok(());
    }
    Err(Error::usage(format!(
        "`{}` exists and is not a roster export of this format: roster writes only over its own exports\nhelp: remove it, or name another file",
        path.display()
    )))
}

/// A folder may be written when it does not exist yet, is empty, or holds only the files of an
/// earlier CSV export.
fn writable_folder(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(Error::usage(format!(
            "`{}` is not a folder: `--format csv` writes a folder of files",
            dir.display()
        )));
    }
    let ours = Format::csv_files();
    let mut entries: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::io("list folder", dir, &e))?
        .map(|entry| {
            entry
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .map_err(|e| Error::io("list folder", dir, &e))
        })
        .collect::<Result<_>>()?;
    if entries.is_empty() {
        return Ok(());
    }
    entries.sort();
    let package = dir.join(ours.last().expect("a CSV export has files"));
    let earlier = std::fs::read_to_string(&package).is_ok_and(|t| Format::Csv.wrote(&t));
    let stranger = entries.iter().find(|e| !ours.contains(e));
    match (earlier, stranger) {
        (true, None) => Ok(()),
        (_, Some(stranger)) => Err(Error::new(
            ErrorKind::Usage,
            format!(
                "`{}` holds `{stranger}`, which is not part of a roster export: roster writes a CSV export only into an empty folder or over an earlier one\nhelp: name a new or empty folder with `-o`",
                dir.display()
            ),
        )),
        (false, None) => Err(Error::usage(format!(
            "`{}` is not empty and holds no `datapackage.json` written by roster: roster writes a CSV export only into an empty folder or over an earlier one\nhelp: name a new or empty folder with `-o`",
            dir.display()
        ))),
    }
}

fn name(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Popolo => "popolo",
    }
}
