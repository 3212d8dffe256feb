//! The loaded YAML tree read as a JSON instance by the schema validator.
//!
//! `jsonschema` validates any representation that implements its `Json` traits. Implementing
//! them for [`Node`] lets the validator walk the tree the loader built, so no
//! [`serde_json::Value`] copy of a file is made to validate it: for a large file that copy
//! would cost more memory than the tree itself. A JSON value is built only on the validator's
//! cold paths (an error's instance, `enum` and `const` of containers).

use crate::load::tree::{Entry, Node, NodeKind};
use crate::source::Span;
use jsonschema::json::{self, NodeIdentity};
use jsonschema::types::JsonType;
use serde_json::{Number, Value};
use std::borrow::Cow;

/// The representation marker: `Validator<Tree>` validates `&Node`.
pub struct Tree;

impl json::Json for Tree {
    type Node<'a> = &'a Node;
    type PreparedKey = Box<str>;
    type StringBuffer = Option<Node>;

    /// Mappings are searched key by key, like a short vector: a pass over the members pays off
    /// as soon as it replaces two lookups.
    const KEYS_PER_LOOKUP: usize = 2;
    /// A tree holds no aliases (the loader rejects them), so no node is its own descendant.
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Option<Node>,
        string: &str,
        f: impl FnOnce(&Node) -> T,
    ) -> T {
        let node = buffer.insert(Node {
            span: Span::at(0),
            kind: NodeKind::String(string.into()),
        });
        f(node)
    }
}

impl<'a> json::Node<'a, Tree> for &'a Node {
    type Object = Members<'a>;
    type Array = Items<'a>;
    type Number = &'a Number;

    fn as_object(&self) -> Option<Members<'a>> {
        match &self.kind {
            NodeKind::Mapping(entries) => Some(Members(entries)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Items<'a>> {
        match &self.kind {
            NodeKind::Sequence(items) => Some(Items(items)),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.kind {
            NodeKind::String(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a Number> {
        match &self.kind {
            NodeKind::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.kind {
            NodeKind::Null => JsonType::Null,
            NodeKind::Bool(_) => JsonType::Boolean,
            NodeKind::Number(_) => JsonType::Number,
            NodeKind::String(_) => JsonType::String,
            NodeKind::Sequence(_) => JsonType::Array,
            NodeKind::Mapping(_) => JsonType::Object,
        }
    }

    /// Scalars compare without building a value; containers fall back to JSON equality.
    fn equals_value(&self, expected: &Value) -> bool {
        match (&self.kind, expected) {
            (NodeKind::String(a), Value::String(b)) => **a == **b,
            (NodeKind::Bool(a), Value::Bool(b)) => a == b,
            (NodeKind::Null, Value::Null) => true,
            (NodeKind::Sequence(_) | NodeKind::Mapping(_) | NodeKind::Number(_), _) => {
                json::cmp::equal(&self.to_value(), expected)
            }
            _ => false,
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(Node::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Node>(self) as usize))
    }
}

/// The entries of a mapping, as a JSON object.
#[derive(Clone, Copy)]
pub struct Members<'a>(&'a [Entry]);

impl<'a> json::Object<'a, Tree> for Members<'a> {
    type Node = &'a Node;
    type MemberName = &'a str;
    type MembersIter =
        std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> (&'a str, &'a Node)>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, key: &Box<str>) -> Option<&'a Node> {
        self.0.iter().find(|e| e.key == *key).map(|e| &e.value)
    }

    fn members(&self) -> Self::MembersIter {
        self.0.iter().map(|e| (&*e.key, &e.value))
    }
}

/// The items of a sequence, as a JSON array.
#[derive(Clone, Copy)]
pub struct Items<'a>(&'a [Node]);

impl<'a> json::Array<'a, Tree> for Items<'a> {
    type Node = &'a Node;
    type ElementsIter = std::slice::Iter<'a, Node>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> std::slice::Iter<'a, Node> {
        self.0.iter()
    }
}
