//! SARIF 2.1.0 output, for code-scanning dashboards such as GitHub's.
//!
//! One run whose driver lists the whole rule catalogue, so that `ruleIndex` is stable from one
//! run to the next and a dashboard can show a rule's explanation even for a rule that found
//! nothing. Written with `json!` rather than a SARIF crate: the handful of objects used here is
//! all roster needs. Columns count characters, as everywhere in roster, which SARIF calls
//! `unicodeCodePoints` (its default is UTF-16 code units); regions end just after their last
//! character, as SARIF's `endColumn` does.

use super::CheckReport;
use crate::catalogue::{self, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::source::Sources;
use serde_json::{json, Value};
use std::io;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let rules: Vec<Value> = catalogue::CATALOGUE.iter().map(|r| rule(r)).collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(report.sources, d))
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": env!("CARGO_PKG_NAME"),
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

fn rule(rule: &Rule) -> Value {
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": full_description(rule) },
        "help": { "text": rule.explanation, "markdown": rule.explanation },
        "defaultConfiguration": { "level": level(rule.default_severity) },
    })
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

fn result(sources: &Sources, d: &Diagnostic) -> Value {
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
    let start = file.line_col(label.span.start as usize);
    let end = file.line_col(label.span.end as usize);
    let mut location = serde_json::Map::new();
    if let Some(id) = id {
        location.insert("id".into(), json!(id));
    }
    location.insert(
        "physicalLocation".into(),
        json!({
            "artifactLocation": { "uri": uri(&file.name), "uriBaseId": "%SRCROOT%" },
            "region": {
                "startLine": start.line,
                "startColumn": start.col,
                "endLine": end.line,
                "endColumn": end.col,
            }
        }),
    );
    if !label.message.is_empty() {
        location.insert("message".into(), json!({ "text": label.message }));
    }
    Value::Object(location)
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
