//! The tree a record file is read into: every value with the span where it is written.
//!
//! The tree is the document: the schema validator reads it directly (see
//! [`crate::load::instance`]), the model is built from it, and a JSON value is made from a node
//! only where one is asked for ([`Node::to_value`]), so a large file is held once, not once as
//! JSON and again as positions.

use crate::source::Span;
use serde_json::{Number, Value};

/// How deeply mappings and sequences may nest in a record file. The records need five levels;
/// the cap keeps hostile input (100,000 nested `- `) cheap, and bounds every recursion over a
/// tree.
pub const MAX_DEPTH: usize = 64;

/// One node of a document: its value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

/// Scalars are resolved by the YAML 1.2 core schema. Children are boxed slices, sized exactly
/// when their container ends: a large file holds hundreds of thousands of small mappings, and a
/// `Vec` would carry spare capacity for each.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(Number),
    String(Box<str>),
    Sequence(Box<[Node]>),
    Mapping(Box<[Entry]>),
}

/// One `key: value` pair of a mapping, in file order. A repeated key keeps only its first entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Box<str>,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The entry for `key`, if this node is a mapping that has it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| &*e.key == key)
    }

    /// The value under `key`, if this node is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The child at `segment`: a key of a mapping or an index of a sequence.
    pub fn child(&self, segment: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Mapping(_) => self.get(segment),
            NodeKind::Sequence(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// Item `index` of a sequence.
    pub fn item(&self, index: usize) -> Option<&Node> {
        self.items().get(index)
    }

    /// The entries of a mapping; none for any other node.
    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            NodeKind::Mapping(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence; none for any other node.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Sequence(items) => items,
            _ => &[],
        }
    }

    pub fn is_mapping(&self) -> bool {
        matches!(self.kind, NodeKind::Mapping(_))
    }

    pub fn as_sequence(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Sequence(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match &self.kind {
            NodeKind::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The node as a JSON value. Nesting is capped at [`MAX_DEPTH`], so the recursion is bounded.
    pub fn to_value(&self) -> Value {
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => Value::Number(n.clone()),
            NodeKind::String(s) => Value::String(s.to_string()),
            NodeKind::Sequence(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            NodeKind::Mapping(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.to_string(), e.value.to_value()))
                    .collect(),
            ),
        }
    }

    /// Where a finding about this node as a whole should point: a scalar itself, or the first
    /// key of a mapping, or the first item of a sequence, so that a label stays on one line.
    pub fn head(&self) -> Span {
        match &self.kind {
            NodeKind::Mapping(entries) => entries.first().map_or(self.span, |e| e.key_span),
            NodeKind::Sequence(items) => items.first().map_or(self.span, Node::head),
            _ => self.span,
        }
    }
}

/// A record file read as one document.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub root: Node,
}
