//! Record identity: every record of a side, named by kind and id (chair entries by who chaired
//! and when), with its value, its text as written and where it is.
//!
//! Records written identically on both sides are dropped first, by their text alone, so that
//! only the records that may have changed are turned into JSON values and compared.

use crate::check::Corpus;
use crate::load::tree::Node;
use crate::load::workspace::Kind;
use foldhash::HashMap as FastMap;
use serde_json::Value;

/// One record of one side, with its JSON value.
#[derive(Debug, Clone)]
pub(super) struct Record<'a> {
    pub(super) kind: Kind,
    pub(super) id: String,
    pub(super) label: String,
    pub(super) value: Value,
    /// The record as written: two records written alike are equal, and no field needs a look.
    pub(super) text: &'a str,
    pub(super) file: &'a str,
    pub(super) line: usize,
    /// For chair entries: (entry kind and chairs, start, end).
    pub(super) chair: Option<(String, String, String)>,
}

/// A record as found, before it is named: cheap to collect for every record of a side (its
/// JSON value is only made for the records that did not cancel out).
pub(super) struct Raw<'a> {
    kind: Kind,
    node: &'a Node,
    /// The record as written.
    text: &'a str,
    source: &'a crate::source::SourceFile,
    /// Position in its file's list; `None` for a file holding one record.
    index: Option<usize>,
}

/// The records of the files of one side.
pub(super) fn raw_records<'a>(corpus: &'a Corpus, files: &[usize]) -> Vec<Raw<'a>> {
    let mut out = Vec::new();
    for &i in files {
        let result = &corpus.results[i];
        let (Some(kind), Some(document)) = (result.kind, &result.document) else {
            continue;
        };
        let source = corpus.sources.get(result.file);
        let list_key = match kind {
            Kind::Group | Kind::Member => None,
            Kind::Chairs => Some("chairs"),
            Kind::WorkingGroups => Some("working_groups"),
            Kind::Documents => Some("documents"),
            Kind::Sources => Some("sources"),
        };
        let Some(list_key) = list_key else {
            out.push(Raw {
                kind,
                node: &document.root,
                text: &source.text,
                source,
                index: None,
            });
            continue;
        };
        let Some(items) = document.root.get(list_key).and_then(Node::as_sequence) else {
            continue;
        };
        for (index, node) in items.iter().enumerate() {
            out.push(Raw {
                kind,
                node,
                text: &source.text[node.span.range()],
                source,
                index: Some(index),
            });
        }
    }
    out
}

/// Drops the records written identically on both sides (as many times as they occur on
/// both): they cannot have changed, and most records of a large change are of this kind.
pub(super) fn cancel_unchanged<'a>(old: &mut Vec<Raw<'a>>, new: &mut Vec<Raw<'a>>) {
    let mut counts: FastMap<(Kind, &str), usize> = FastMap::default();
    counts.reserve(old.len());
    for r in old.iter() {
        *counts.entry((r.kind, r.text)).or_default() += 1;
    }
    let mut cancelled: FastMap<(Kind, &str), usize> = FastMap::default();
    cancelled.reserve(old.len().min(new.len()));
    new.retain(|r| match counts.get_mut(&(r.kind, r.text)) {
        Some(n) if *n > 0 => {
            *n -= 1;
            *cancelled.entry((r.kind, r.text)).or_default() += 1;
            false
        }
        _ => true,
    });
    old.retain(|r| match cancelled.get_mut(&(r.kind, r.text)) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
}

/// Names a record: its id (or natural key), its label and where it is.
pub(super) fn record<'a>(raw: &Raw<'a>) -> Record<'a> {
    let (kind, source) = (raw.kind, raw.source);
    let value = raw.node.to_value();
    let item = &value;
    let line = source.line_col(raw.node.head().start as usize).line;
    let (id, label, chair) = match (kind, raw.index) {
        (Kind::Group, _) => ("group".to_string(), "the group".to_string(), None),
        (_, None) => {
            let id = item.get("id").and_then(Value::as_str).map_or_else(
                || {
                    let file = source.name.rsplit('/').next().unwrap_or("");
                    file.trim_end_matches(".yaml").to_string()
                },
                str::to_string,
            );
            let label = format!("member `{id}`");
            (id, label, None)
        }
        (Kind::Chairs, Some(_)) => {
            let (who, label) = chair_identity(item);
            let start = date_text(item.get("start"));
            let end = date_text(item.get("end"));
            (
                format!("{who} {start}..{end}"),
                format!("{label} {start}..{end}"),
                Some((who, start, end)),
            )
        }
        (_, Some(index)) => {
            let id = item
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{index}"), str::to_string);
            let noun = match kind {
                Kind::WorkingGroups => "working group",
                Kind::Documents => "document",
                _ => "source",
            };
            (id.clone(), format!("{noun} `{id}`"), None)
        }
    };
    Record {
        kind,
        id,
        label,
        value,
        text: raw.text,
        file: &source.name,
        line,
        chair,
    }
}

/// `(key, label)` of a chair entry: who chaired, or the kind of period.
fn chair_identity(item: &Value) -> (String, String) {
    if item.get("vacant").and_then(Value::as_bool) == Some(true) {
        return ("vacant".into(), "vacancy".into());
    }
    if item.get("unknown").and_then(Value::as_bool) == Some(true) {
        return ("unknown".into(), "unknown period".into());
    }
    let mut chairs: Vec<&str> = item
        .get("chair")
        .and_then(Value::as_str)
        .into_iter()
        .collect();
    if let Some(Value::Array(list)) = item.get("chairs") {
        // A co-chair is an id, or `{id, sources}` where its sources differ.
        chairs.extend(
            list.iter()
                .filter_map(|c| c.as_str().or_else(|| c.get("id").and_then(Value::as_str))),
        );
    }
    chairs.sort_unstable();
    let who = chairs.join("+");
    let shown = chairs
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    let term = if item.get("planned").and_then(Value::as_bool) == Some(true) {
        "planned term"
    } else {
        "term"
    };
    (who, format!("{term} of {shown}"))
}

fn date_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => "?".into(),
    }
}
