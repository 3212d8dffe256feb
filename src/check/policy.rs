//! Severity policy: what severity each finding is reported at, decided once, here.
//!
//! A certain finding starts at its rule's default severity; then the levels, last wins: the
//! `[rules]` table of `roster.toml`, then `--allow`/`--warn`/`--deny` on the command line.
//!
//! An *uncertain* finding (one that holds for only some of the days a coarse date or a window
//! may stand for, or rests on an inferred date: [`Certainty::Possible`]) informs and never
//! fails: by default it is a note, which the reports people read count but do not show, and
//! with `uncertain = "warn"` in `roster.toml` or `--uncertain` it is a warning. A rule's level
//! can drop its uncertain findings (`allow`) but never make them errors, and neither can
//! `--deny warnings`, which makes every certain warning an error. So honest coarse dates need no
//! silence, and a silence never hides a certain error. Silences (`# roster: allow CODE
//! -- reason`) are applied before this, by [`super::silences`].

use crate::catalogue::{self, Severity};
use crate::diag::{Certainty, Diagnostic};
use crate::error::Error;
use crate::load::workspace::{self, Contents};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Gives every finding its severity: from its certainty, then from the levels. Findings of an
/// allowed rule are dropped.
pub fn apply(levels: &Levels, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain_mut(|d| decide(levels, d));
}

/// Gives one finding its severity; `false` when its rule is allowed (the finding is dropped).
pub fn decide(levels: &Levels, d: &mut Diagnostic) -> bool {
    let level = levels.by_code.get(d.rule.code).copied();
    if d.certainty == Certainty::Possible {
        d.severity = match levels.uncertain {
            Uncertain::Note => Severity::Note,
            Uncertain::Warn => Severity::Warning,
        };
        return level != Some(Level::Allow);
    }
    match level {
        Some(Level::Allow) => return false,
        Some(Level::Warn) => d.severity = Severity::Warning,
        Some(Level::Deny) => d.severity = Severity::Error,
        None => {}
    }
    // `--deny warnings` comes last: whatever made a certain finding a warning, it fails.
    if levels.deny_warnings && d.severity == Severity::Warning {
        d.severity = Severity::Error;
    }
    true
}

/// How uncertain findings are reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Uncertain {
    /// As notes: counted by the reports people read, listed by the machine formats.
    #[default]
    Note,
    /// As warnings, shown with the others.
    Warn,
}

/// What to do with the findings of one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// drop the findings
    Allow,
    /// report them as warnings
    Warn,
    /// report them as errors
    Deny,
}

/// Severity overrides by rule code, and how uncertain findings are reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    by_code: HashMap<&'static str, Level>,
    pub uncertain: Uncertain,
    /// Every certain finding left at warning level is an error (`--deny warnings`). Uncertain
    /// findings are not: shown as warnings or not, they never fail a check.
    pub deny_warnings: bool,
}

impl Levels {
    /// Sets the level of the rule named by `code` (a code or a rule name).
    pub fn set(&mut self, code: &str, level: Level) -> Result<(), Error> {
        let rule = catalogue::lookup(code).ok_or_else(|| {
            Error::usage(format!("no rule `{code}`: `roster rules` lists them all"))
        })?;
        self.by_code.insert(rule.code, level);
        Ok(())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    uncertain: Uncertain,
}

/// How much of `roster.toml` is read.
const CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads `roster.toml` at the root, if there is one: `[rules]` maps codes to levels, and
/// `uncertain` (`"note"` or `"warn"`) says how uncertain findings are reported.
pub fn load(root: &Path) -> Result<Levels, Error> {
    match read_config(&root.join("roster.toml"))? {
        Some(text) => parse(&text),
        None => Ok(Levels::default()),
    }
}

/// The text of the `roster.toml` at `path`, or `None` when there is none.
pub fn read_config(path: &Path) -> Result<Option<String>, Error> {
    if let Err(e) = std::fs::symlink_metadata(path) {
        return match e.kind() {
            std::io::ErrorKind::NotFound => Ok(None),
            _ => Err(Error::io("read", path, &e)),
        };
    }
    config_text(workspace::read_limited(path, CONFIG_BYTES)?).map(Some)
}

/// The text of a `roster.toml` read as `contents`, from disk or from git. Like a record, the
/// configuration is read only from a regular file and up to a limit: a `roster.toml` that links
/// to `/dev/zero` or is a named pipe must not hang the hook.
pub fn config_text(contents: Contents) -> Result<String, Error> {
    match contents {
        Contents::Bytes(bytes) if bytes.len() as u64 <= CONFIG_BYTES => String::from_utf8(bytes)
            .map_err(|_| Error::config("`roster.toml` is not valid UTF-8".to_string())),
        Contents::Bytes(_) | Contents::TooLarge(_) => Err(Error::config(format!(
            "`roster.toml` is over the {} KiB that roster reads of a configuration",
            CONFIG_BYTES / 1024
        ))),
        Contents::NotRegular(what) => Err(Error::config(format!(
            "`roster.toml` is {}: roster reads only regular files",
            what.describe()
        ))),
    }
}

/// Reads the text of a `roster.toml` (from a git revision or the index, say).
pub fn parse(text: &str) -> Result<Levels, Error> {
    let file: File = toml::from_str(text)
        .map_err(|e| Error::config(format!("`roster.toml` is not valid: {e}")))?;
    let mut levels = Levels {
        uncertain: file.uncertain,
        ..Levels::default()
    };
    for (code, level) in file.rules {
        levels
            .set(&code, level)
            .map_err(|e| Error::config(format!("`roster.toml`: {}", e.message)))?;
    }
    Ok(levels)
}
