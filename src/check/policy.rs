//! Severity policy: what severity each finding is reported at, decided once, here.
//!
//! A finding starts at its rule's default severity. A *possible* finding (one that holds for
//! only some of the days a coarse date may stand for, [`Certainty::Possible`]) is reported as a
//! warning, never as an error: only what is certainly wrong fails a check. Then the levels, last
//! wins: the `[rules]` table of `roster.toml`, then `--allow`/`--warn`/`--deny` on the command
//! line. A level changes every finding of the rule, possible ones included. Silences
//! (`# roster: allow CODE -- reason`) are applied before this, by [`super::silences`].

use crate::catalogue::{self, Severity};
use crate::diag::{Certainty, Diagnostic};
use crate::error::Error;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Gives every finding its severity: from its certainty, then from the levels.
pub fn apply(levels: &Levels, diagnostics: &mut Vec<Diagnostic>) {
    for d in diagnostics.iter_mut() {
        if d.certainty == Certainty::Possible {
            d.severity = Severity::Warning;
        }
    }
    levels.apply(diagnostics);
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

/// Severity overrides by rule code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    by_code: HashMap<&'static str, Level>,
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

    /// Applies the overrides: changes severities and drops allowed findings.
    fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.by_code.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.by_code.get(d.rule.code) {
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Deny) => {
                d.severity = Severity::Error;
                true
            }
            None => true,
        });
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
}

/// Reads `roster.toml` at the root, if there is one: `[rules]` maps codes to levels.
pub fn load(root: &Path) -> Result<Levels, Error> {
    let path = root.join("roster.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Levels::default()),
        Err(e) => return Err(Error::io("read", &path, &e)),
    };
    let file: File = toml::from_str(&text)
        .map_err(|e| Error::config(format!("`roster.toml` is not valid: {e}")))?;
    let mut levels = Levels::default();
    for (code, level) in file.rules {
        levels
            .set(&code, level)
            .map_err(|e| Error::config(format!("`roster.toml`: {}", e.message)))?;
    }
    Ok(levels)
}
