//! Silences: `# roster: allow CODE -- reason` comments in record files.
//!
//! A comment silences the certain findings of the named rules on its own line (or, when it
//! stands alone on a line, on the next line that is not a comment); a silence needs a reason
//! after `--`, and a silence without one, naming no known rule, or silencing nothing, is
//! reported itself (R006). Uncertain findings are never silenced: they need no silence, and a
//! silence kept for one would hide the certain finding a later edit of the line brings.

use crate::catalogue::{self, Rule};
use crate::diag::{Certainty, Diagnostic, Label, Severity};
use crate::source::{FileId, Sources, Span};
use std::collections::HashMap;

/// One `# roster: allow ...` comment.
#[derive(Debug)]
struct Silence {
    file: FileId,
    /// Where the comment is, for findings about it.
    span: Span,
    /// The 1-based line it silences.
    line: usize,
    codes: Vec<&'static str>,
    reason: String,
    used: bool,
}

/// A finding a comment silenced, with the comment: change reports say what a silence hides, and
/// SARIF reports it as suppressed in source, with the reason.
#[derive(Clone, Debug)]
pub struct Silenced {
    pub diagnostic: Diagnostic,
    /// Where the comment is; its message is the reason given after `--`.
    pub silence: Label,
}

const MARKER: &str = "# roster: allow";

/// Drops the findings that a comment silences (returning them, with the comment), and reports
/// comments that are malformed, unexplained or unused.
/// Only the comments in `files` count: a run may hold files of several revisions.
/// With a selection of rules (`only`), a silence is judged unused only if it names a selected
/// rule: the other rules did not run, so whether it silences something is not known.
pub fn apply(
    sources: &Sources,
    files: &[FileId],
    diagnostics: &mut Vec<Diagnostic>,
    only: Option<&[&'static Rule]>,
) -> Vec<Silenced> {
    let mut silences = Vec::new();
    let mut problems = Vec::new();
    for &file in files {
        let source = sources.get(file);
        if !source.text.contains(MARKER) {
            continue;
        }
        let lines: Vec<&str> = source.text.split('\n').collect();
        // For each line, the first line at or after it that is not blank or a comment, found
        // in one pass from the end: a run of comments alone on their lines costs one look each.
        let mut next_code: Vec<Option<usize>> = vec![None; lines.len() + 1];
        for j in (0..lines.len()).rev() {
            let t = lines[j].trim();
            next_code[j] = if !t.is_empty() && !t.starts_with('#') {
                Some(j)
            } else {
                next_code[j + 1]
            };
        }
        for (i, line) in lines.iter().enumerate() {
            let Some(at) = line.find(MARKER) else {
                continue;
            };
            let start = source.line_start(i + 1) + at;
            let span = Span::new(start, start + line[at..].trim_end().len());
            let rest = &line[at + MARKER.len()..];
            let (codes, reason) = match rest.split_once("--") {
                Some((codes, reason)) => (codes, reason.trim()),
                None => (rest, ""),
            };
            let mut known = Vec::new();
            for code in codes.split([',', ' ']).filter(|c| !c.is_empty()) {
                match catalogue::lookup(code) {
                    Some(rule) => known.push(rule.code),
                    None => problems.push(silence_problem(
                        file,
                        span,
                        format!("`{code}` is not a rule"),
                        "`roster rules` lists the codes",
                        Severity::Error,
                    )),
                }
            }
            if reason.is_empty() {
                problems.push(silence_problem(
                    file,
                    span,
                    "a silence needs a reason".into(),
                    "add the reason after `--`: `# roster: allow T005 -- the term was cut short by the review`",
                    Severity::Error,
                ));
            }
            // A comment alone on its line speaks for the next line that is not a comment.
            let alone = line[..at].trim().is_empty();
            let mut target = i + 1;
            if alone {
                target = next_code[i + 1].map_or(i + 2, |j| j + 1);
            }
            silences.push(Silence {
                file,
                span,
                line: target,
                codes: known,
                reason: reason.to_string(),
                used: false,
            });
        }
    }
    if silences.is_empty() {
        return Vec::new();
    }
    let mut silenced = Vec::new();
    // The silences of each line, in the order they were written, so that each finding looks
    // only at those of its own line.
    let mut by_line: HashMap<(FileId, usize), Vec<usize>> = HashMap::new();
    for (i, s) in silences.iter().enumerate() {
        by_line.entry((s.file, s.line)).or_default().push(i);
    }
    diagnostics.retain(|d| {
        // Only certain findings are silenced: an uncertain one never fails a check, so a
        // silence written for it would only hide the certain finding a later edit brings.
        if d.certainty == Certainty::Possible {
            return true;
        }
        let line = sources
            .get(d.primary.file)
            .line_col(d.primary.span.start as usize)
            .line;
        let silence = by_line.get(&(d.primary.file, line)).and_then(|on_line| {
            on_line
                .iter()
                .copied()
                .find(|&i| silences[i].codes.contains(&d.rule.code))
        });
        match silence {
            Some(i) => {
                let s = &mut silences[i];
                s.used = true;
                silenced.push(Silenced {
                    diagnostic: d.clone(),
                    silence: Label::new(s.file, s.span, s.reason.clone()),
                });
                false
            }
            None => true,
        }
    });
    let judged = |s: &Silence| {
        only.is_none_or(|only| {
            s.codes
                .iter()
                .any(|code| only.iter().any(|rule| rule.code == *code))
        })
    };
    for s in silences
        .iter()
        .filter(|s| !s.used && !s.codes.is_empty() && judged(s))
    {
        problems.push(silence_problem(
            s.file,
            s.span,
            format!(
                "this silence of `{}` silences nothing",
                s.codes.join("`, `")
            ),
            "remove the comment, or move it to the line of the finding",
            Severity::Warning,
        ));
    }
    diagnostics.extend(problems);
    silenced
}

fn silence_problem(
    file: FileId,
    span: Span,
    message: String,
    help: &str,
    severity: Severity,
) -> Diagnostic {
    let rule: &'static Rule = &catalogue::R006;
    let mut d = Diagnostic::new(rule, message, Label::new(file, span, "silence")).with_help(help);
    d.severity = severity;
    d
}
