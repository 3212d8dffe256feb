//! SARIF 2.1.0 output, for code-scanning dashboards such as GitHub's.
//!
//! One run whose driver lists the whole rule catalogue, so that `ruleIndex` is stable from one
//! run to the next and a dashboard can show a rule's explanation even for a rule that found
//! nothing, with its whole explanation (`help`). When Cargo.toml names roster's public
//! repository (`repository`), each rule also links to its section of `docs/rules.md` there
//! (`helpUri`) and the driver to the repository (`informationUri`); without one, no link is
//! made up. Written with `json!` rather than a
//! SARIF crate: the handful of objects used here is all roster needs. Columns count characters,
//! as everywhere in roster, which SARIF calls `unicodeCodePoints` (its default is UTF-16 code
//! units); regions end just after their last character, as SARIF's `endColumn` does.
//!
//! Each result carries what a dashboard needs to show and track it without the files at hand:
//! the text of its region (`snippet`), the lines around it (`contextRegion`), and a fingerprint
//! (`partialFingerprints`) that does not change when lines above the finding are added or
//! removed. A finding silenced by a `# roster: allow CODE -- reason` comment is a result too,
//! with an in-source suppression whose justification is the reason, as SARIF defines: a
//! dashboard then lists it as dismissed, with why, instead of not at all.

use super::CheckReport;
use crate::catalogue::{self, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::source::{SourceFile, Sources};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where roster's source and documentation live, when Cargo.toml says (`repository`).
fn repository() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|r| !r.is_empty())
}

/// The name of roster's fingerprint in `partialFingerprints`; the version goes up if what it
/// hashes ever changes, so that a dashboard does not match old fingerprints with new ones.
const FINGERPRINT: &str = "rosterFinding/v1";

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let rules: Vec<Value> = catalogue::CATALOGUE.iter().map(|r| rule(r)).collect();
    let mut fingerprints = Fingerprints::default();
    let mut results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(report.sources, d, &mut fingerprints, None))
        .collect();
    results.extend(report.silenced.iter().map(|s| {
        result(
            report.sources,
            &s.diagnostic,
            &mut fingerprints,
            Some(&s.silence.message),
        )
    }));
    let mut driver = json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(repository) = repository() {
        driver["informationUri"] = json!(repository);
    }
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

fn rule(rule: &Rule) -> Value {
    let mut value = json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": full_description(rule) },
        "help": { "text": rule.explanation, "markdown": rule.explanation },
        "defaultConfiguration": { "level": level(rule.default_severity) },
    });
    if let Some(repository) = repository() {
        value["helpUri"] = json!(help_uri(repository, rule));
    }
    value
}

/// The rule's section of `docs/rules.md` in `repository`, whose headings are `## CODE name`.
pub fn help_uri(repository: &str, rule: &Rule) -> String {
    format!(
        "{repository}/blob/main/docs/rules.md#{}-{}",
        rule.code.to_lowercase(),
        rule.name
    )
}

/// The first paragraph of the explanation that is not a heading (its "What it finds"), on one
/// line; the summary if there is none.
fn full_description(rule: &Rule) -> String {
    rule.explanation
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .map_or_else(
            || rule.summary.to_string(),
            |p| p.split_whitespace().collect::<Vec<_>>().join(" "),
        )
}

fn result(
    sources: &Sources,
    d: &Diagnostic,
    fingerprints: &mut Fingerprints,
    silenced: Option<&str>,
) -> Value {
    let rule_index = catalogue::CATALOGUE
        .iter()
        .position(|r| r.code == d.rule.code)
        .expect("diagnostics are only made from catalogue rules");
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.rule.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location(sources, &d.primary, None)],
        "partialFingerprints": { FINGERPRINT: fingerprints.next(sources, d) },
        // An empty list says the result is not suppressed; no list would say it is not known.
        "suppressions": match silenced {
            Some(reason) => json!([{ "kind": "inSource", "justification": reason }]),
            None => json!([]),
        },
        "properties": { "certainty": d.certainty },
    });
    if !d.secondary.is_empty() {
        let related: Vec<Value> = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, label)| location(sources, label, Some(i + 1)))
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

fn location(sources: &Sources, label: &Label, id: Option<usize>) -> Value {
    let file = sources.get(label.file);
    let range = file.clamp(label.span);
    let start = file.line_col(range.start);
    let end = file.line_col(range.end);
    let mut physical = json!({
        "artifactLocation": { "uri": uri(&file.name), "uriBaseId": "%SRCROOT%" },
        "region": {
            "startLine": start.line,
            "startColumn": start.col,
            "endLine": end.line,
            "endColumn": end.col,
            "snippet": { "text": &file.text[range] },
        }
    });
    // The primary location also gets the lines around it, one before and one after.
    if id.is_none() {
        physical["contextRegion"] = context(file, start.line, end.line);
    }
    let mut location = serde_json::Map::new();
    if let Some(id) = id {
        location.insert("id".into(), json!(id));
    }
    location.insert("physicalLocation".into(), physical);
    if !label.message.is_empty() {
        location.insert("message".into(), json!({ "text": label.message }));
    }
    Value::Object(location)
}

/// Whole lines from the one before `first` to the one after `last`, with their text.
fn context(file: &SourceFile, first: usize, last: usize) -> Value {
    // The empty line after a file's last line break is not a line to show, unless the region
    // is on it (the end of the file).
    let lines = file.line_count() - usize::from(file.text.ends_with('\n'));
    let first = first.saturating_sub(1).max(1);
    let last = (last + 1).min(lines).max(last);
    let text = &file.text[file.line_start(first)..file.line_start(last + 1)];
    json!({
        "startLine": first,
        "endLine": last,
        "snippet": { "text": text },
    })
}

/// Fingerprints of the results of one run. What is hashed is what identifies a finding
/// whatever moves around it: the rule, the file, the message and the text of the finding's
/// first line without its indentation; and, for findings equal in all of these, which of them
/// this is, in order. Its line number is left out, so a line added above it keeps the
/// fingerprint, and a dashboard keeps its history (and a dismissal) across edits.
#[derive(Default)]
struct Fingerprints {
    seen: HashMap<u64, usize>,
}

impl Fingerprints {
    fn next(&mut self, sources: &Sources, d: &Diagnostic) -> String {
        let file = sources.get(d.primary.file);
        let line = file.line_col(file.clamp(d.primary.span).start).line;
        let parts = [
            d.rule.code,
            &file.name,
            &d.message,
            file.line_text(line).trim(),
        ];
        // Each part ended by a NUL byte, so that `ab`, `c` and `a`, `bc` differ.
        let key = fnv1a(parts.iter().flat_map(|p| p.bytes().chain([0])));
        let count = self.seen.entry(key).or_default();
        *count += 1;
        format!("{:016x}:{count}", key)
    }
}

/// The 64-bit FNV-1a hash of `bytes`. Written here rather than taken from a crate: the
/// standard library's hashers promise no stable output across Rust releases, and a fingerprint
/// must stay the same from one version of roster to the next; FNV is these few lines, and a
/// fingerprint needs no resistance to attacks.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A relative path as a URI reference: `/` kept, anything outside RFC 3986's unreserved
/// characters percent-encoded (a space, `#`, `%`, non-ASCII letters).
fn uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values() {
        // Test vectors of the FNV reference (Fowler, Noll, Vo).
        assert_eq!(fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(*b"foobar"), 0x8594_4171_f739_67e8);
    }
}
