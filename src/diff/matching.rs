//! Matching the records of two sides: by id, renames by content, chair entries by a natural key.
//!
//! Records are matched by kind and id, never by position. A record whose id changed but whose
//! content is the same or nearly so is a rename. Chair entries have no id: they are matched by
//! the same chairs with the same dates, then the same chairs with the same start or end (a
//! moved term), then the same dates under another chair (a corrected chair), then the same
//! chairs in date order.

use super::fields::{escape, field_changes, record_fields};
use super::identity::Record;
use super::{ChangeKind, FieldChange, RecordChange};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A record only one side has, with all its fields.
fn push_whole(out: &mut Vec<RecordChange>, record: &Record, change: ChangeKind) {
    let fields = record_fields(&record.value, change == ChangeKind::Added);
    push_change(out, record, change, None, fields);
}

fn push_change(
    out: &mut Vec<RecordChange>,
    record: &Record,
    change: ChangeKind,
    renamed_from: Option<String>,
    fields: Vec<FieldChange>,
) {
    out.push(RecordChange {
        kind: record.kind,
        id: record.id.clone(),
        label: record.label.clone(),
        change,
        renamed_from,
        file: record.file.to_string(),
        line: record.line,
        fields,
    });
}

pub(super) fn match_by_id(old: &[&Record], new: &[&Record], out: &mut Vec<RecordChange>) {
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
            push_whole(out, record, ChangeKind::Added);
        }
    }
    for (i, record) in removed.iter().enumerate() {
        if !renamed_old.contains(&i) {
            push_whole(out, record, ChangeKind::Removed);
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

pub(super) fn match_chairs(old: &[&Record], new: &[&Record], out: &mut Vec<RecordChange>) {
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
        push_whole(out, record, ChangeKind::Added);
    }
    for record in unmatched_old.into_iter().flatten() {
        push_whole(out, record, ChangeKind::Removed);
    }
    out[start..].sort_by(|a, b| {
        let start_of = |c: &RecordChange| c.id.split(' ').nth(1).unwrap_or("").to_string();
        (start_of(a), a.id.clone()).cmp(&(start_of(b), b.id.clone()))
    });
}
