//! Field-level differences between two values of one record, with word-level differences for
//! changed text.

use super::{FieldChange, Word, WordOp};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Field-level differences between two values of one record.
pub fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff_values(String::new(), old, new, &mut out);
    out
}

fn change(path: String, old: Option<&Value>, new: Option<&Value>) -> FieldChange {
    let (words, sentences) = match (old, new) {
        (Some(Value::String(a)), Some(Value::String(b)))
            if super::prose::reads_as_prose(&path, a, b) =>
        {
            match super::prose::compare(a, b) {
                Some(sentences) => (None, Some(sentences)),
                None => (Some(words(a, b)), None),
            }
        }
        (Some(Value::String(a)), Some(Value::String(b))) => (Some(words(a, b)), None),
        _ => (None, None),
    };
    FieldChange {
        path,
        old: old.cloned(),
        new: new.cloned(),
        words,
        sentences,
    }
}

/// The fields of a record added or removed, one per key but the id (which names the record),
/// in the order the record gives them, prose last: what a reviewer checks of a new record.
/// `added` puts each value on the new side, otherwise on the old.
pub fn record_fields(value: &Value, added: bool) -> Vec<FieldChange> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let mut fields: Vec<FieldChange> = map
        .iter()
        .filter(|(key, _)| key.as_str() != "id")
        .map(|(key, v)| {
            let path = format!("/{}", escape(key));
            if added {
                change(path, None, Some(v))
            } else {
                change(path, Some(v), None)
            }
        })
        .collect();
    fields.sort_by_key(|f| super::prose::is_prose(&f.path));
    fields
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
            similar::ChangeTag::Equal => WordOp::Equal,
            similar::ChangeTag::Delete => WordOp::Delete,
            similar::ChangeTag::Insert => WordOp::Insert,
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
                    op: WordOp::Equal,
                    text: "A ".into()
                },
                Word {
                    op: WordOp::Delete,
                    text: "b".into()
                },
                Word {
                    op: WordOp::Insert,
                    text: "c".into()
                },
            ]
        );
    }
}
