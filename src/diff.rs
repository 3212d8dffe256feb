//! Change reports: what changed between two sides of the records, and what the change implies.
//!
//! Records are matched by kind and id, never by position. Chair entries have no id and are
//! matched by a natural key: the same chairs with the same dates, then the same chairs with
//! the same start or end (a moved term is a modification of the same term), then the same
//! dates under another chair (a corrected chair), then the same chairs in date order. A record whose id changed but whose content is the same or nearly so
//! is a rename, not a removal and an addition. Changes are listed per field with JSON-pointer
//! paths, and changed text carries word-level differences.
//!
//! The consequences compare the two sides as wholes: findings that appear or disappear, member
//! counts that differ on some day, and days of the rotation that gain or lose a chair entry.
//! Everything is computed with maps, sorts and sweeps, so the work grows linearly with the
//! number of records (fuzzy rename matching is bounded and only looks at unmatched records).

use crate::check::{Corpus, Side};
use crate::diag::{Diagnostic, Severity};
use crate::fasthash::FastMap;
use crate::model::Dataset;
use crate::source::Sources;
use crate::temporal::{Counts, Day, Interval};
use crate::workspace::Kind;
use crate::yaml::Node;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Version of the JSON shape of [`Report`]; see `docs/diff-output.md`.
pub const VERSION: u32 = 1;

/// A change report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    /// What the old and new sides are, as the user named them (`HEAD`, `working tree`).
    pub old: String,
    pub new: String,
    /// One line: "1 member added, 2 fields changed in 1 chair term; 1 new error".
    pub summary: String,
    /// Record changes, by kind (in the order group, members, chairs, working groups,
    /// documents, sources) and then by id.
    pub changes: Vec<RecordChange>,
    pub consequences: Consequences,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    /// `group`, `member`, `chairs`, `working-groups`, `documents` or `sources`.
    pub kind: &'static str,
    /// The id (new id for a rename); for chair entries, a key like `iom 2007-01..2007-06`.
    pub id: String,
    /// How a person names it: "member `iom`", "term of `iom` 2007-01..2007-06".
    pub label: String,
    pub change: ChangeKind,
    /// The old id, for a rename.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Where the record is on the new side (on the old side for a removal).
    pub file: String,
    pub line: usize,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    Renamed,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// JSON Pointer into the record (`/name/fr`); `""` for the record as a whole.
    pub path: String,
    /// Absent when the field was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// Absent when the field was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// For a changed text: the words kept, removed and inserted, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Consequences {
    /// Findings on the new side that the old side did not have.
    pub introduced: Vec<Finding>,
    /// Findings of the old side that the new side no longer has.
    pub fixed: Vec<Finding>,
    /// Periods whose member count differs between the sides.
    pub member_counts: Vec<CountChange>,
    /// Days of the rotation covered by a chair entry only on the new side.
    pub coverage_gained: Vec<Period>,
    /// Days covered only on the old side.
    pub coverage_lost: Vec<Period>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountChange {
    pub start: String,
    /// Absent for a period that runs on with no end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub old: MemberCount,
    pub new: MemberCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MemberCount {
    pub certain: usize,
    pub possible: usize,
}

/// One record of one side, with its JSON value.
#[derive(Debug, Clone)]
struct Record<'a> {
    kind: Kind,
    id: String,
    label: String,
    value: Value,
    /// The record as written: two records written alike are equal, and no field needs a look.
    text: &'a str,
    file: &'a str,
    line: usize,
    /// For chair entries: (entry kind and chairs, start, end).
    chair: Option<(String, String, String)>,
}

/// Compares two sides of `corpus` (which must keep documents). Without `consequences`, only
/// the record changes are computed (for `roster log`), and the sides need no rule run.
pub fn compare(
    corpus: &Corpus,
    old: &Side,
    new: &Side,
    old_name: &str,
    new_name: &str,
    consequences: bool,
) -> Report {
    // A file read once for both sides is the same file: none of its records changed.
    let old_set: HashSet<usize> = old.files.iter().copied().collect();
    let new_set: HashSet<usize> = new.files.iter().copied().collect();
    let old_only: Vec<usize> = old
        .files
        .iter()
        .copied()
        .filter(|i| !new_set.contains(i))
        .collect();
    let new_only: Vec<usize> = new
        .files
        .iter()
        .copied()
        .filter(|i| !old_set.contains(i))
        .collect();
    let mut old_raw = raw_records(corpus, &old_only);
    let mut new_raw = raw_records(corpus, &new_only);
    cancel_unchanged(&mut old_raw, &mut new_raw);
    let old_records: Vec<Record> = old_raw.iter().map(record).collect();
    let new_records: Vec<Record> = new_raw.iter().map(record).collect();
    let mut changes = Vec::new();
    for kind in Kind::ALL {
        let a: Vec<&Record> = old_records.iter().filter(|r| r.kind == kind).collect();
        let b: Vec<&Record> = new_records.iter().filter(|r| r.kind == kind).collect();
        if kind == Kind::Chairs {
            match_chairs(&a, &b, &mut changes);
        } else {
            match_by_id(&a, &b, &mut changes);
        }
    }
    let consequences = if !consequences {
        Consequences::default()
    } else {
        Consequences {
            introduced: finding_difference(&corpus.sources, &new.diagnostics, &old.diagnostics),
            fixed: finding_difference(&corpus.sources, &old.diagnostics, &new.diagnostics),
            member_counts: count_changes(&old.data, &new.data),
            coverage_gained: subtract(&coverage(&new.data), &coverage(&old.data)),
            coverage_lost: subtract(&coverage(&old.data), &coverage(&new.data)),
        }
    };
    let summary = summary(&changes, &consequences);
    Report {
        version: VERSION,
        old: old_name.to_string(),
        new: new_name.to_string(),
        summary,
        changes,
        consequences,
    }
}

/// A record as found, before it is named: cheap to collect for every record of a side (its
/// JSON value is only made for the records that did not cancel out).
struct Raw<'a> {
    kind: Kind,
    node: &'a Node,
    /// The record as written.
    text: &'a str,
    source: &'a crate::source::SourceFile,
    /// Position in its file's list; `None` for a file holding one record.
    index: Option<usize>,
}

/// The records of the files of one side.
fn raw_records<'a>(corpus: &'a Corpus, files: &[usize]) -> Vec<Raw<'a>> {
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
fn cancel_unchanged<'a>(old: &mut Vec<Raw<'a>>, new: &mut Vec<Raw<'a>>) {
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
fn record<'a>(raw: &Raw<'a>) -> Record<'a> {
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
        chairs.extend(list.iter().filter_map(Value::as_str));
    }
    chairs.sort_unstable();
    let who = chairs.join("+");
    let shown = chairs
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    (who, format!("term of {shown}"))
}

fn date_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => "?".into(),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    kind.name()
}

fn push_change(
    out: &mut Vec<RecordChange>,
    record: &Record,
    change: ChangeKind,
    renamed_from: Option<String>,
    fields: Vec<FieldChange>,
) {
    out.push(RecordChange {
        kind: kind_name(record.kind),
        id: record.id.clone(),
        label: record.label.clone(),
        change,
        renamed_from,
        file: record.file.to_string(),
        line: record.line,
        fields,
    });
}

fn match_by_id(old: &[&Record], new: &[&Record], out: &mut Vec<RecordChange>) {
    let old_by_id: HashMap<&str, &Record> = old.iter().map(|r| (r.id.as_str(), *r)).collect();
    let new_ids: HashSet<&str> = new.iter().map(|r| r.id.as_str()).collect();
    let mut added = Vec::new();
    let start = out.len();
    for record in new {
        match old_by_id.get(record.id.as_str()) {
            Some(before) if before.text == record.text => {}
            Some(before) => {
                let fields = field_changes(&before.value, &record.value);
                if !fields.is_empty() {
                    push_change(out, record, ChangeKind::Modified, None, fields);
                }
            }
            None => added.push(*record),
        }
    }
    let removed: Vec<&Record> = old
        .iter()
        .filter(|r| !new_ids.contains(r.id.as_str()))
        .copied()
        .collect();
    let renames = find_renames(&removed, &added);
    let renamed_new: HashSet<usize> = renames.iter().map(|&(_, n)| n).collect();
    let renamed_old: HashSet<usize> = renames.iter().map(|&(o, _)| o).collect();
    for &(o, n) in &renames {
        // The id change is the rename itself, named by `renamed_from`.
        let mut fields = field_changes(&removed[o].value, &added[n].value);
        fields.retain(|f| f.path != "/id");
        push_change(
            out,
            added[n],
            ChangeKind::Renamed,
            Some(removed[o].id.clone()),
            fields,
        );
    }
    for (i, record) in added.iter().enumerate() {
        if !renamed_new.contains(&i) {
            push_change(out, record, ChangeKind::Added, None, Vec::new());
        }
    }
    for (i, record) in removed.iter().enumerate() {
        if !renamed_old.contains(&i) {
            push_change(out, record, ChangeKind::Removed, None, Vec::new());
        }
    }
    out[start..].sort_by(|a, b| a.id.cmp(&b.id));
}

/// Pairs `(removed index, added index)` that are one record under a new id: the same content
/// apart from the id, or at least 60 % of the same fields. The fuzzy pass compares every
/// unmatched pair, so it only runs while there are at most 250,000 pairs.
fn find_renames(removed: &[&Record], added: &[&Record]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if removed.is_empty() || added.is_empty() {
        return pairs;
    }
    let without_id = |v: &Value| -> String {
        let mut v = v.clone();
        if let Value::Object(map) = &mut v {
            map.remove("id");
        }
        v.to_string()
    };
    let mut by_content: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in removed.iter().enumerate() {
        by_content.entry(without_id(&r.value)).or_default().push(i);
    }
    let mut taken_old = HashSet::new();
    let mut taken_new = HashSet::new();
    for (j, r) in added.iter().enumerate() {
        if let Some(candidates) = by_content.get_mut(&without_id(&r.value)) {
            if let Some(i) = candidates.pop() {
                pairs.push((i, j));
                taken_old.insert(i);
                taken_new.insert(j);
            }
        }
    }
    let left_old: Vec<usize> = (0..removed.len())
        .filter(|i| !taken_old.contains(i))
        .collect();
    let left_new: Vec<usize> = (0..added.len())
        .filter(|j| !taken_new.contains(j))
        .collect();
    if left_old.len() * left_new.len() > 250_000 {
        return pairs;
    }
    let leaves_old: Vec<HashSet<String>> = left_old
        .iter()
        .map(|&i| leaves(&removed[i].value))
        .collect();
    let leaves_new: Vec<HashSet<String>> =
        left_new.iter().map(|&j| leaves(&added[j].value)).collect();
    let mut scored = Vec::new();
    for (a, la) in leaves_old.iter().enumerate() {
        for (b, lb) in leaves_new.iter().enumerate() {
            let shared = la.intersection(lb).count();
            let all = la.union(lb).count().max(1);
            let score = shared as f64 / all as f64;
            if score >= 0.6 {
                scored.push((score, a, b));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    for (_, a, b) in scored {
        if used_a.contains(&a) || used_b.contains(&b) {
            continue;
        }
        used_a.insert(a);
        used_b.insert(b);
        pairs.push((left_old[a], left_new[b]));
    }
    pairs
}

/// `pointer=value` for every leaf of a record except its id.
fn leaves(value: &Value) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if path.is_empty() && k == "id" {
                        continue;
                    }
                    stack.push((format!("{path}/{}", escape(k)), child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    stack.push((format!("{path}/{i}"), child));
                }
            }
            leaf => {
                out.insert(format!("{path}={leaf}"));
            }
        }
    }
    out
}

fn match_chairs(old: &[&Record], new: &[&Record], out: &mut Vec<RecordChange>) {
    let key = |r: &Record| r.chair.clone().unwrap_or_default();
    let mut unmatched_old: Vec<Option<&Record>> = old.iter().map(|r| Some(*r)).collect();
    let mut pairs: Vec<(&Record, &Record)> = Vec::new();
    let mut left_new = Vec::new();
    // 1. same chairs and dates
    let mut exact: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (i, r) in old.iter().enumerate() {
        exact.entry(key(r)).or_default().push(i);
    }
    for record in new {
        match exact
            .get_mut(&key(record))
            .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
        {
            Some(i) => pairs.push((unmatched_old[i].take().expect("unmatched"), *record)),
            None => left_new.push(*record),
        }
    }
    // 2. same chairs and the same start or end; 3. same chairs, in date order
    let mut by_who: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in unmatched_old.iter().enumerate() {
        if let Some(r) = r {
            by_who.entry(key(r).0).or_default().push(i);
        }
    }
    let mut still_new = Vec::new();
    for record in left_new {
        let (who, start, end) = key(record);
        let found = by_who.get_mut(&who).and_then(|candidates| {
            let at = candidates.iter().position(|&i| {
                let (_, s, e) = key(unmatched_old[i].expect("unmatched"));
                s == start || e == end
            })?;
            Some(candidates.remove(at))
        });
        match found {
            Some(i) => pairs.push((unmatched_old[i].take().expect("unmatched"), record)),
            None => still_new.push(record),
        }
    }
    // 3. the same dates under another chair: the chair was corrected
    let mut by_dates: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, r) in unmatched_old.iter().enumerate() {
        if let Some(r) = r {
            let (_, s, e) = key(r);
            by_dates.entry((s, e)).or_default().push(i);
        }
    }
    let mut by_order = Vec::new();
    for record in still_new {
        let (_, start, end) = key(record);
        let found = by_dates.get_mut(&(start, end)).and_then(|c| {
            while let Some(i) = c.pop() {
                if unmatched_old[i].is_some() {
                    return Some(i);
                }
            }
            None
        });
        match found {
            Some(i) => {
                let before = unmatched_old[i].take().expect("unmatched");
                if let Some(c) = by_who.get_mut(&key(before).0) {
                    c.retain(|&x| x != i);
                }
                pairs.push((before, record));
            }
            None => by_order.push(record),
        }
    }
    // 4. the same chairs, in date order
    let mut added = Vec::new();
    for record in by_order {
        let who = key(record).0;
        let found = by_who
            .get_mut(&who)
            .and_then(|c| (!c.is_empty()).then(|| c.remove(0)));
        match found {
            Some(i) => pairs.push((unmatched_old[i].take().expect("unmatched"), record)),
            None => added.push(record),
        }
    }
    let start = out.len();
    for (before, after) in pairs {
        if before.text == after.text {
            continue;
        }
        let fields = field_changes(&before.value, &after.value);
        if !fields.is_empty() {
            let mut after = after.clone();
            if before.id != after.id {
                // Name the term as it was, so the reader finds it in the old list too.
                after.label = format!("{} (was {})", after.label, before.label);
            }
            push_change(out, &after, ChangeKind::Modified, None, fields);
        }
    }
    for record in added {
        push_change(out, record, ChangeKind::Added, None, Vec::new());
    }
    for record in unmatched_old.into_iter().flatten() {
        push_change(out, record, ChangeKind::Removed, None, Vec::new());
    }
    out[start..].sort_by(|a, b| {
        let start_of = |c: &RecordChange| c.id.split(' ').nth(1).unwrap_or("").to_string();
        (start_of(a), a.id.clone()).cmp(&(start_of(b), b.id.clone()))
    });
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Field-level differences between two values of one record.
pub fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff_values(String::new(), old, new, &mut out);
    out
}

fn change(path: String, old: Option<&Value>, new: Option<&Value>) -> FieldChange {
    let words = match (old, new) {
        (Some(Value::String(a)), Some(Value::String(b))) => Some(words(a, b)),
        _ => None,
    };
    FieldChange {
        path,
        old: old.cloned(),
        new: new.cloned(),
        words,
    }
}

fn diff_values(path: String, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = format!("{path}/{}", escape(k));
                match b.get(k) {
                    Some(vb) => diff_values(p, va, vb, out),
                    None => out.push(change(p, Some(va), None)),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push(change(format!("{path}/{}", escape(k)), None, Some(vb)));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if is_id_list(a) && is_id_list(b) => {
            let id = |v: &Value| {
                v.get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            let old_at: HashMap<String, usize> =
                a.iter().enumerate().map(|(i, v)| (id(v), i)).collect();
            let new_ids: HashSet<String> = b.iter().map(id).collect();
            for (j, vb) in b.iter().enumerate() {
                let p = format!("{path}/{j}");
                match old_at.get(&id(vb)) {
                    Some(&i) => diff_values(p, &a[i], vb, out),
                    None => out.push(change(p, None, Some(vb))),
                }
            }
            for (i, va) in a.iter().enumerate() {
                if !new_ids.contains(&id(va)) {
                    out.push(change(format!("{path}/{i}"), Some(va), None));
                }
            }
        }
        (Value::Array(a), Value::Array(b))
            if a.iter().chain(b).all(|v| v.is_object() || v.is_array()) =>
        {
            for i in 0..a.len().max(b.len()) {
                let p = format!("{path}/{i}");
                match (a.get(i), b.get(i)) {
                    (Some(va), Some(vb)) => diff_values(p, va, vb, out),
                    (va, vb) => out.push(change(p, va, vb)),
                }
            }
        }
        _ => out.push(change(path, Some(old), Some(new))),
    }
}

fn is_id_list(items: &[Value]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|v| v.get("id").is_some_and(Value::is_string))
}

/// Word-level differences between two texts.
pub fn words(old: &str, new: &str) -> Vec<Word> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_words(old, new);
    let mut out: Vec<Word> = Vec::new();
    for c in diff.iter_all_changes() {
        let op = match c.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(c.value()),
            _ => out.push(Word {
                op,
                text: c.value().to_string(),
            }),
        }
    }
    out
}

/// `a` minus `b`, by `(code, message, file)`, counting repeats.
fn finding_difference(sources: &Sources, a: &[Diagnostic], b: &[Diagnostic]) -> Vec<Finding> {
    let key = |d: &Diagnostic| {
        (
            d.code,
            d.message.clone(),
            sources.get(d.primary.file).name.clone(),
        )
    };
    let mut remaining: HashMap<_, usize> = HashMap::new();
    for d in b {
        *remaining.entry(key(d)).or_default() += 1;
    }
    let mut out = Vec::new();
    for d in a {
        match remaining.get_mut(&key(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                let file = sources.get(d.primary.file);
                let at = file.line_col(d.primary.span.start as usize);
                out.push(Finding {
                    code: d.code,
                    name: d.rule().name,
                    severity: d.severity,
                    message: d.message.clone(),
                    file: file.name.clone(),
                    line: at.line,
                    column: at.col,
                });
            }
        }
    }
    out
}

fn count_changes(old: &Dataset, new: &Dataset) -> Vec<CountChange> {
    let everything = Interval::new(Day::MIN, Day::MAX);
    let steps = |d: &Dataset| {
        let spans: Vec<_> = d.members.iter().filter_map(|m| m.membership()).collect();
        Counts::of(&spans).over(everything)
    };
    let (a, b) = (steps(old), steps(new));
    // Walk both step functions together over the union of their boundaries.
    let mut bounds: Vec<Day> = a.iter().chain(&b).map(|s| s.interval.start).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<CountChange> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (k, &start) in bounds.iter().enumerate() {
        while i + 1 < a.len() && a[i + 1].interval.start <= start {
            i += 1;
        }
        while j + 1 < b.len() && b[j + 1].interval.start <= start {
            j += 1;
        }
        let old_count = MemberCount {
            certain: a[i].certain,
            possible: a[i].possible,
        };
        let new_count = MemberCount {
            certain: b[j].certain,
            possible: b[j].possible,
        };
        if old_count == new_count {
            continue;
        }
        let end = bounds.get(k + 1).map(|d| d.prev());
        let start_text = start.to_string();
        let end_text = end.filter(|e| *e < Day::MAX).map(|e| e.to_string());
        match out.last_mut() {
            // Merge with the previous period when it continues with the same counts.
            Some(last)
                if last.old == old_count
                    && last.new == new_count
                    && last.end.as_deref() == Some(&start.prev().to_string()) =>
            {
                last.end = end_text;
            }
            _ => out.push(CountChange {
                start: start_text,
                end: end_text,
                old: old_count,
                new: new_count,
            }),
        }
    }
    out
}

/// The days covered by chair entries, as sorted, merged intervals.
fn coverage(data: &Dataset) -> Vec<Interval> {
    let mut periods: Vec<Interval> = data.chairs.iter().filter_map(|c| c.period()).collect();
    periods.sort_unstable_by_key(|p| (p.start, p.end));
    let mut merged: Vec<Interval> = Vec::new();
    for p in periods {
        match merged.last_mut() {
            Some(last) if p.start <= last.end.next() => last.end = last.end.max(p.end),
            _ => merged.push(p),
        }
    }
    merged
}

/// Days in `a` and not in `b`; both sorted and merged.
fn subtract(a: &[Interval], b: &[Interval]) -> Vec<Period> {
    let mut out = Vec::new();
    let mut j = 0;
    for &interval in a {
        let mut next = interval.start;
        while j < b.len() && b[j].end < next {
            j += 1;
        }
        let mut k = j;
        while next <= interval.end {
            match b.get(k) {
                Some(cut) if cut.start <= interval.end => {
                    if cut.start > next {
                        out.push(period(Interval::new(next, cut.start.prev())));
                    }
                    next = next.max(cut.end.next());
                    k += 1;
                }
                _ => {
                    out.push(period(Interval::new(next, interval.end)));
                    break;
                }
            }
        }
    }
    out
}

fn period(interval: Interval) -> Period {
    Period {
        start: interval.start.to_string(),
        end: interval.end.to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn nouns(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "group" => ("group record", "group records"),
        "member" => ("member", "members"),
        "chairs" => ("chair entry", "chair entries"),
        "working-groups" => ("working group", "working groups"),
        "documents" => ("document", "documents"),
        _ => ("source", "sources"),
    }
}

/// "1 member added, 2 fields changed in 1 chair entry; 1 new error".
fn summary(changes: &[RecordChange], consequences: &Consequences) -> String {
    let mut parts = Vec::new();
    for kind in Kind::ALL {
        let name = kind.name();
        let (one, many) = nouns(name);
        let of = |c: ChangeKind| {
            changes
                .iter()
                .filter(|r| r.kind == name && r.change == c)
                .count()
        };
        for (c, verb) in [
            (ChangeKind::Added, "added"),
            (ChangeKind::Removed, "removed"),
            (ChangeKind::Renamed, "renamed"),
        ] {
            let n = of(c);
            if n > 0 {
                parts.push(format!("{} {verb}", plural(n, one, many)));
            }
        }
        let modified: Vec<&RecordChange> = changes
            .iter()
            .filter(|r| r.kind == name && r.change == ChangeKind::Modified)
            .collect();
        if !modified.is_empty() {
            let fields: usize = modified.iter().map(|r| r.fields.len()).sum();
            parts.push(format!(
                "{} changed in {}",
                plural(fields, "field", "fields"),
                plural(modified.len(), one, many)
            ));
        }
    }
    let mut text = if parts.is_empty() {
        "no change to the records".to_string()
    } else {
        parts.join(", ")
    };
    let count = |list: &[Finding], severity| list.iter().filter(|f| f.severity == severity).count();
    let mut effects = Vec::new();
    for (list, adjective) in [
        (&consequences.introduced, "new"),
        (&consequences.fixed, "fixed"),
    ] {
        for (severity, one, many) in [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
        ] {
            let n = count(list, severity);
            if n > 0 {
                effects.push(if adjective == "new" {
                    format!("{n} new {}", if n == 1 { one } else { many })
                } else {
                    format!("{} fixed", plural(n, one, many))
                });
            }
        }
    }
    if !consequences.member_counts.is_empty() {
        effects.push("member counts changed".into());
    }
    if !consequences.coverage_gained.is_empty() {
        effects.push("chair coverage gained".into());
    }
    if !consequences.coverage_lost.is_empty() {
        effects.push("chair coverage lost".into());
    }
    if !effects.is_empty() {
        text.push_str("; ");
        text.push_str(&effects.join(", "));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_are_compared_by_key_and_lists_by_id() {
        let old = json!({"id": "x", "name": {"en": "A b", "fr": "C"}, "sources": ["s1"],
                         "constituents": [{"id": "a", "founded": 1}, {"id": "b"}]});
        let new = json!({"id": "x", "name": {"en": "A c", "fr": "C"}, "sources": ["s1", "s2"],
                         "constituents": [{"id": "b"}, {"id": "a", "founded": 2}], "note": "n"});
        let changes = field_changes(&old, &new);
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            ["/name/en", "/sources", "/constituents/1/founded", "/note"]
        );
        assert_eq!(
            changes[0].words.as_ref().unwrap(),
            &vec![
                Word {
                    op: "equal",
                    text: "A ".into()
                },
                Word {
                    op: "delete",
                    text: "b".into()
                },
                Word {
                    op: "insert",
                    text: "c".into()
                },
            ]
        );
    }

    #[test]
    fn coverage_differences_are_exact() {
        let d = |s: &str| crate::temporal::PartialDate::parse(s).unwrap();
        let a = vec![Interval::new(
            d("2006-01").first_day(),
            d("2006-12").last_day(),
        )];
        let b = vec![
            Interval::new(d("2006-01").first_day(), d("2006-03").last_day()),
            Interval::new(d("2006-06").first_day(), d("2006-07").last_day()),
        ];
        let lost = subtract(&a, &b);
        assert_eq!(
            lost,
            vec![
                Period {
                    start: "2006-04-01".into(),
                    end: "2006-05-31".into()
                },
                Period {
                    start: "2006-08-01".into(),
                    end: "2006-12-31".into()
                },
            ]
        );
        assert!(subtract(&b, &a).is_empty());
    }
}

/// The changes of each commit that touched the records, newest first (`roster log`).
#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub version: u32,
    pub commits: Vec<CommitChanges>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitChanges {
    pub id: String,
    pub parents: Vec<String>,
    pub author: String,
    /// Author date, ISO 8601.
    pub date: String,
    pub subject: String,
    /// The changes against the first parent (against nothing for a root commit); the
    /// report's `consequences` are empty: `roster log` reports record changes only.
    pub report: Report,
}
