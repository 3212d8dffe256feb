//! Schema validation (S001): each record file against `schemas/<kind>.schema.json`.
//!
//! Every `*.schema.json` in `schemas/` is registered under one base URI, so schemas reference
//! each other by relative path (`defs.schema.json#/$defs/date`), exactly as editors resolve them
//! from the files themselves. Retrieval is switched off: a `$ref` to anything not in `schemas/`
//! fails when the schemas are compiled, once per run, and is never fetched. A schema that is not
//! JSON, breaks the draft 2020-12 meta-schema, or does not compile is a tool error (exit 2).
//!
//! Every violation is reported, not just the first, each mapped from its JSON Pointer back to
//! the key or value it concerns: an unknown key at the key itself, a missing key at the first key
//! of the mapping that lacks it.

use crate::catalogue;
use crate::diag::{Diagnostic, Label};
use crate::error::Error;
use crate::load::instance::Tree;
use crate::load::tree::{Entry, Node, ParsedFile};
use crate::load::workspace::{self, Contents, EntryType, Kind};
use crate::source::FileId;
use crate::temporal::{Date, DateError};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, Registry, ValidationError, Validator};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The format of `defs.schema.json#/$defs/date`: a date whose days exist and whose window does
/// not end before it starts. Editors do not know it and skip it; they check the date's form by
/// its pattern.
const DATE_FORMAT: &str = "roster-date";

/// The check behind [`DATE_FORMAT`]. A text of the wrong form passes here: the pattern beside
/// the format reports it, once. The pattern lets `../..` through (a window with no end at
/// all), so it is refused here.
fn date_exists(text: &str) -> bool {
    text != "../.."
        && !matches!(
            Date::parse(text),
            Err(DateError::NoSuchMonth { .. }
                | DateError::NoSuchDay { .. }
                | DateError::Inverted(_))
        )
}

/// What a date of the right form that is not a date gets as help.
const DATE_HELP: &str = "write YYYY, YYYY-MM or YYYY-MM-DD with a month and day that exist, or a \
     window START/END whose end is not before its start";

/// The base URI every schema file is registered under. It names no real place: nothing is
/// ever fetched from it.
const BASE_URI: &str = "file:///roster/schemas/";

/// The compiled schema of every kind, validating loaded trees. Cloning shares the compiled
/// schemas (a harness that checks many trees compiles them once).
#[derive(Clone)]
pub struct Schemas {
    validators: HashMap<Kind, Validator<Tree>>,
    /// The schemas of the items of each record list, compiled when a large list is first
    /// streamed ([`Schemas::item_validator`]).
    lists: Arc<Lists>,
}

/// What validating a record list item by item needs: the schema documents, to compile an
/// item's schema on demand, and each list kind's item validator once compiled (`None` when
/// the kind's schema does not allow validating item by item, or its items do not compile).
struct Lists {
    documents: Vec<(String, Value)>,
    validators: HashMap<Kind, OnceLock<Option<Validator<Tree>>>>,
}

/// The key of the root mapping that holds a list kind's records (`chairs:`), for the kinds
/// whose file is one list.
pub fn list_key(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Chairs => Some("chairs"),
        Kind::WorkingGroups => Some("working_groups"),
        Kind::Documents => Some("documents"),
        Kind::Sources => Some("sources"),
        Kind::Group | Kind::Member => None,
    }
}

/// The keywords a record list's root schema may use for the list to be validated item by
/// item: none of them looks into the list's items.
const ROOT_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "$defs",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
];

/// The keywords the list's own schema may use: with them, a list is valid exactly when each
/// item is valid against `items`, and a file whose list is emptied is valid exactly when the
/// rest of the file is.
const LIST_KEYWORDS: &[&str] = &["$comment", "title", "description", "type", "items"];

impl Lists {
    fn new(documents: Vec<(String, Value)>) -> Lists {
        let validators = Kind::ALL
            .into_iter()
            .filter(|kind| list_key(*kind).is_some())
            .map(|kind| (kind, OnceLock::new()))
            .collect();
        Lists {
            documents,
            validators,
        }
    }

    /// The pointer, in the kind's schema file, of the schema of one item of its list, when
    /// the schema allows validating the list item by item.
    fn item_pointer(&self, kind: Kind) -> Option<String> {
        let key = list_key(kind)?;
        let file = kind.schema_file();
        let (_, root) = self.documents.iter().find(|(n, _)| *n == file)?;
        let root = root.as_object()?;
        let list = root.get("properties")?.get(key)?.as_object()?;
        let allowed = root.keys().all(|k| ROOT_KEYWORDS.contains(&k.as_str()))
            && list.keys().all(|k| LIST_KEYWORDS.contains(&k.as_str()))
            && list.get("type").is_none_or(|t| t == "array")
            && list.contains_key("items");
        allowed.then(|| format!("/properties/{key}/items"))
    }

    fn compile(&self, kind: Kind) -> Option<Validator<Tree>> {
        let pointer = self.item_pointer(kind)?;
        let file = kind.schema_file();
        let registry = registry(&self.documents).ok()?;
        let wrapper = serde_json::json!({ "$ref": format!("{BASE_URI}{file}#{pointer}") });
        // The wrapper lives at an address of its own: at the schema file's, it would stand for
        // that file, and the pointer would be looked for in the wrapper.
        options(&registry, &file, &jsonschema::PatternCache::new())
            .with_base_uri(format!("{BASE_URI}items/{file}"))
            .build(&wrapper)
            .ok()
    }
}

impl std::fmt::Debug for Schemas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schemas").finish_non_exhaustive()
    }
}

impl Schemas {
    /// Reads and compiles every schema in `dir`, or the built-in ones when there is no `dir`.
    pub fn load(dir: &Path) -> Result<Schemas, Error> {
        Schemas::from_texts(texts_for(dir)?)
    }

    /// Parses, checks against the meta-schema and compiles schemas given as `(file name,
    /// text)` pairs; file names not ending in `.schema.json` are ignored.
    pub fn from_texts(texts: Vec<(String, String)>) -> Result<Schemas, Error> {
        let mut documents = Vec::new();
        for (name, text) in texts {
            if !name.ends_with(".schema.json") {
                continue;
            }
            let value: Value = serde_json::from_str(&text).map_err(|e| {
                Error::schema(format!("schema `schemas/{name}` is not valid JSON: {e}"))
            })?;
            // The built-in schemas are known to be valid (a test checks them against the
            // meta-schema); checking them again would be a sixth of a pre-commit run.
            let built_in = BUILT_IN.iter().any(|(n, t)| *n == name && *t == text);
            if built_in {
                documents.push((name, value));
                continue;
            }
            if let Err(e) = jsonschema::meta::validate(&value) {
                return Err(Error::schema(format!(
                    "schema `schemas/{name}` breaks the JSON Schema meta-schema at `{}`: {e}",
                    e.instance_path().as_str()
                )));
            }
            documents.push((name, value));
        }
        Schemas::compile(documents)
    }

    /// Compiles schemas given as `(file name, JSON)` pairs.
    pub fn compile(documents: Vec<(String, Value)>) -> Result<Schemas, Error> {
        // One cache of compiled patterns for every kind: the date's pattern is used by six of
        // the seven schemas, and compiling it is most of what compiling a schema costs.
        let patterns = jsonschema::PatternCache::new();
        let build = |registry: &Registry<'static>, kind: Kind| {
            let file = kind.schema_file();
            let (_, schema) = documents.iter().find(|(n, _)| *n == file).ok_or_else(|| {
                Error::schema(format!(
                    "schema `schemas/{file}` is missing: every kind of record needs one"
                ))
            })?;
            options(registry, &file, &patterns)
                .build(schema)
                .map_err(|e| not_compiled(&documents, &file, &e))
        };
        // Building a validator first checks its schema against the meta-schema, which
        // jsonschema compiles the first time (a third of compiling roster's schemas), and every
        // other build waits for that. So one thread compiles the meta-schema while this one
        // gets the registry ready, and then the kinds are compiled on two threads, in halves of
        // about equal cost. The error reported is that of the first kind in `Kind::ALL` that
        // fails, as when the kinds were compiled one after the other.
        let (mine, theirs): (Vec<Kind>, Vec<Kind>) = Kind::ALL
            .into_iter()
            .partition(|kind| matches!(kind, Kind::Group | Kind::WorkingGroups | Kind::Sources));
        let mut built = std::thread::scope(|scope| {
            scope.spawn(jsonschema::draft202012::meta::validator);
            let registry = registry(&documents)?;
            let half = |kinds: &[Kind]| {
                kinds
                    .iter()
                    .map(|&kind| (kind, build(&registry, kind)))
                    .collect::<Vec<_>>()
            };
            Ok::<_, Error>(std::thread::scope(|scope| {
                let other = scope.spawn(|| half(&theirs));
                let mut built = half(&mine);
                built.extend(
                    other
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
                built
            }))
        })?;
        built.sort_by_key(|(kind, _)| *kind);
        let mut validators = HashMap::new();
        for (kind, validator) in built {
            validators.insert(kind, validator?);
        }
        Ok(Schemas {
            validators,
            lists: Arc::new(Lists::new(documents)),
        })
    }

    /// The validator of one item of a list kind's list, compiled the first time it is asked
    /// for; `None` when the kind's schema does not allow validating its list item by item
    /// (its root or its list uses keywords that look at the items together).
    pub fn item_validator(&self, kind: Kind) -> Option<&Validator<Tree>> {
        self.lists
            .validators
            .get(&kind)?
            .get_or_init(|| self.lists.compile(kind))
            .as_ref()
    }

    /// Every violation of one item of the list of `kind`, the `index`th, against the schema
    /// of an item ([`Schemas::item_validator`], which must exist): the findings that
    /// validating the whole file would give about this item.
    pub fn validate_item(
        &self,
        kind: Kind,
        file: FileId,
        index: usize,
        item: &Node,
    ) -> Vec<Diagnostic> {
        let Some(validator) = self.item_validator(kind) else {
            return Vec::new();
        };
        // Most items are valid: asking first is cheaper than collecting no errors.
        if validator.is_valid(item) {
            return Vec::new();
        }
        let key = list_key(kind).unwrap_or_default();
        let prefix = format!("/{key}/{index}");
        let mut out = Vec::new();
        let mut keys = KeyIndex::default();
        for error in validator.iter_errors(item) {
            describe(&error, kind, file, item, &prefix, &mut keys, &mut out);
        }
        out
    }

    /// Every violation of `document` against the schema of `kind`.
    pub fn validate(&self, kind: Kind, file: FileId, document: &ParsedFile) -> Vec<Diagnostic> {
        let validator = &self.validators[&kind];
        if validator.is_valid(&document.root) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut keys = KeyIndex::default();
        for error in validator.iter_errors(&document.root) {
            describe(&error, kind, file, &document.root, "", &mut keys, &mut out);
        }
        out
    }
}

/// Every schema document registered under [`BASE_URI`], for `$ref`s between files.
fn registry(documents: &[(String, Value)]) -> Result<Registry<'static>, Error> {
    let mut builder = Registry::new().draft(Draft::Draft202012);
    for (name, value) in documents {
        builder = builder
            .add(format!("{BASE_URI}{name}"), value.clone())
            .map_err(|e| Error::schema(format!("schema `schemas/{name}`: {e}")))?;
    }
    builder.prepare().map_err(|e| {
        Error::schema(format!(
            "the schemas in `schemas/` cannot be compiled: {e} (roster never fetches a remote `$ref`: copy the schema into `schemas/` and refer to it by file name)"
        ))
    })
}

/// How every validator is built: draft 2020-12, offline, with roster's date format, for a
/// schema that lives in `file`.
fn options<'r>(
    registry: &'r Registry<'static>,
    file: &str,
    patterns: &jsonschema::PatternCache,
) -> jsonschema::ValidationOptions<'r, Arc<dyn jsonschema::Retrieve>, Tree> {
    jsonschema::options_for::<Tree>()
        .with_draft(Draft::Draft202012)
        .with_registry(registry)
        .with_base_uri(format!("{BASE_URI}{file}"))
        .should_validate_formats(true)
        .with_format(DATE_FORMAT, date_exists)
        .with_pattern_cache(patterns.clone())
        .offline()
}

/// The error for the schema of `file` failing to compile, naming the file that holds the bad
/// part: compiling one kind's schema compiles every definition it refers to, in other files
/// too, and the error gives only a pointer into the file that holds the part (a bad `pattern`
/// in `defs.schema.json` is `/$defs/language/pattern`). That file is the one whose value at the
/// pointer is the value the error names: `file` itself first, then the others in name order.
fn not_compiled(documents: &[(String, Value)], file: &str, error: &ValidationError) -> Error {
    let pointer = error.instance_path().as_str();
    let instance: &Value = error.instance();
    let holds = |(_, document): &&(String, Value)| document.pointer(pointer) == Some(instance);
    let holder = documents
        .iter()
        .filter(|(name, _)| name == file)
        .chain(documents.iter().filter(|(name, _)| name != file))
        .find(holds)
        .map_or(file, |(name, _)| name.as_str());
    let at = if pointer.is_empty() {
        String::new()
    } else {
        format!(" at `{pointer}`")
    };
    let through = if holder == file {
        String::new()
    } else {
        format!(" (used by `schemas/{file}`)")
    };
    Error::schema(format!(
        "schema `schemas/{holder}` does not compile{at}: {error}{through}"
    ))
}

/// Mappings with more entries than this are indexed the first time a key is looked up in them.
const SCANNED_ENTRIES: usize = 16;

/// Finds the entries of mappings by key while errors are located. Errors about the keys of one
/// mapping (100,000 unknown keys, say) each look a key up in it: scanning the mapping each time
/// would make locating them quadratic, so a large mapping is indexed once.
#[derive(Default)]
struct KeyIndex<'a> {
    /// By the address of the mapping's entries.
    maps: HashMap<usize, HashMap<&'a str, &'a Entry>>,
}

impl<'a> KeyIndex<'a> {
    fn entry(&mut self, node: &'a Node, key: &str) -> Option<&'a Entry> {
        let entries = node.entries();
        if entries.len() <= SCANNED_ENTRIES {
            return entries.iter().find(|e| &*e.key == key);
        }
        let map = self
            .maps
            .entry(entries.as_ptr() as usize)
            .or_insert_with(|| {
                // The loader keeps the first of two equal keys; so does the index.
                let mut map = HashMap::with_capacity(entries.len());
                for e in entries {
                    map.entry(&*e.key).or_insert(e);
                }
                map
            });
        map.get(key).copied()
    }

    /// The child at `segment`: a key of a mapping or an index of a sequence.
    fn child(&mut self, node: &'a Node, segment: &str) -> Option<&'a Node> {
        if node.is_mapping() {
            self.entry(node, segment).map(|e| &e.value)
        } else {
            node.child(segment)
        }
    }

    /// The node at a JSON Pointer, or the deepest node on the way if the pointer leaves the
    /// tree.
    fn locate(&mut self, root: &'a Node, pointer: &str) -> &'a Node {
        let mut node = root;
        for segment in pointer.split('/').skip(1) {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            match self.child(node, &segment) {
                Some(child) => node = child,
                None => break,
            }
        }
        node
    }
}

/// Turns one violation into findings. `root` is the node the error's instance path starts
/// from, and `prefix` the path of `root` in its file (empty for the whole document,
/// `/chairs/3` for an item validated alone): messages name the path in the file.
fn describe<'a>(
    error: &ValidationError,
    kind: Kind,
    file: FileId,
    root: &'a Node,
    prefix: &str,
    keys: &mut KeyIndex<'a>,
    out: &mut Vec<Diagnostic>,
) {
    let relative = error.instance_path().as_str();
    let node = keys.locate(root, relative);
    let pointer = &format!("{prefix}{relative}");
    let instance = error.instance();
    let schema = format!("`schemas/{}`", kind.schema_file());
    let mut push = |span, message: String, label: &str, help: Option<String>| {
        let mut d = Diagnostic::new(&catalogue::S001, message, Label::new(file, span, label));
        d.help = help;
        out.push(d);
    };
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            for key in unexpected {
                let span = keys.entry(node, key).map_or(node.head(), |e| e.key_span);
                push(
                    span,
                    format!("unknown key `{key}`{}", place(pointer)),
                    "not allowed here",
                    Some(format!(
                        "check its spelling, or remove it: the keys allowed here are listed in {schema}"
                    )),
                );
            }
        }
        ValidationErrorKind::Required { property } => {
            let key = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_string);
            push(
                node.head(),
                format!("missing required key `{key}`{}", place(pointer)),
                &format!("this mapping has no `{key}`"),
                Some(format!("add `{key}:` to this mapping")),
            );
        }
        // `"key": false`: a key that this kind of entry may not have (a vacancy's `irregular`).
        ValidationErrorKind::FalseSchema => {
            let written = relative.rsplit('/').next().unwrap_or_default();
            let key = written.replace("~1", "/").replace("~0", "~");
            let parent = &relative[..relative.len() - written.len()];
            let parent = parent.trim_end_matches('/');
            let holder = keys.locate(root, parent);
            let span = keys.entry(holder, &key).map_or(node.span, |e| e.key_span);
            push(
                span,
                format!(
                    "`{key}` is not allowed here{}",
                    place(&format!("{prefix}{parent}"))
                ),
                "not allowed with the other keys of this entry",
                Some(format!("remove it: {schema} says which keys go together")),
            );
        }
        ValidationErrorKind::Type { kind: expected } => push(
            node.span,
            format!(
                "expected {}{}, found {}",
                type_name(expected),
                place(pointer),
                show(instance)
            ),
            "wrong type",
            None,
        ),
        ValidationErrorKind::Format { format } if format == DATE_FORMAT => {
            let (message, help) = match instance.as_str().map(Date::parse) {
                Some(Err(e @ DateError::Form(_))) => (e.to_string(), None),
                Some(Err(e)) => (e.to_string(), Some(DATE_HELP.into())),
                _ => (format!("{} is not a date", show(instance)), None),
            };
            push(node.span, message, "not a date", help)
        }
        // The date's pattern: say what roster reads, not the regular expression.
        ValidationErrorKind::Pattern { .. }
            if error
                .absolute_keyword_location()
                .is_some_and(|at| at.as_str().ends_with("#/$defs/date/pattern")) =>
        {
            let text = instance.as_str().unwrap_or_default();
            push(
                node.span,
                DateError::Form(text.to_string()).to_string(),
                "not a date",
                None,
            )
        }
        ValidationErrorKind::Enum { options } => {
            let listed = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| format!("`{}`", plain(v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            push(
                node.span,
                format!("{} is not one of {listed}", show(instance)),
                "not allowed",
                None,
            );
        }
        ValidationErrorKind::Pattern { pattern } => push(
            node.span,
            format!(
                "{} does not have the expected form{}",
                show(instance),
                place(pointer)
            ),
            "wrong form",
            Some(format!("it must match `{pattern}` (see {schema})")),
        ),
        ValidationErrorKind::UniqueItems => push(
            node.span,
            format!("the list{} repeats an item", place(pointer)),
            "an item is given twice",
            Some("remove the repeated item".into()),
        ),
        _ => {
            // jsonschema's own words, which quote the value: cut, so that a list of 100,000
            // items is not written out in one message.
            let text = cut(&error.to_string(), MAX_QUOTED * 2);
            let mut chars = text.chars();
            let message = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                .unwrap_or(text);
            push(
                node.span,
                format!("{}{}", message.trim_end_matches('.'), place(pointer)),
                "here",
                None,
            );
        }
    }
}

/// ` at `/chairs/3`` for a finding inside the document, nothing at its root.
fn place(pointer: &str) -> String {
    if pointer.is_empty() {
        String::new()
    } else {
        format!(" at `{pointer}`")
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The most characters of a value a message quotes.
const MAX_QUOTED: usize = 100;

/// `text`, or its first `max` characters and `...` when it is longer.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_string(),
    }
}

fn show(value: &Value) -> String {
    match value {
        Value::Null => "an empty value".into(),
        Value::Object(_) => "a mapping".into(),
        Value::Array(_) => "a list".into(),
        Value::String(s) => format!("`{}`", cut(s, MAX_QUOTED)),
        other => format!("`{}`", cut(&other.to_string(), MAX_QUOTED)),
    }
}

fn type_name(kind: &TypeKind) -> String {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "object" => "a mapping".to_string(),
        "array" => "a list".to_string(),
        "string" => "text".to_string(),
        "null" => "an empty value".to_string(),
        other => format!(
            "{} {other}",
            if other.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            }
        ),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| name(&t))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// The schemas of roster's records model, carried in the binary: a records tree without a
/// `schemas/` folder is checked against these, and `roster schemas DIR` writes them out.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "chairs.schema.json",
        include_str!("../../schemas/chairs.schema.json"),
    ),
    (
        "defs.schema.json",
        include_str!("../../schemas/defs.schema.json"),
    ),
    (
        "documents.schema.json",
        include_str!("../../schemas/documents.schema.json"),
    ),
    (
        "group.schema.json",
        include_str!("../../schemas/group.schema.json"),
    ),
    (
        "member.schema.json",
        include_str!("../../schemas/member.schema.json"),
    ),
    (
        "sources.schema.json",
        include_str!("../../schemas/sources.schema.json"),
    ),
    (
        "working-groups.schema.json",
        include_str!("../../schemas/working-groups.schema.json"),
    ),
];

/// The built-in schemas as `(file name, text)` pairs.
pub fn built_in() -> Vec<(String, String)> {
    BUILT_IN
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// The schemas of a records tree: those in `dir` when it exists (a repository that keeps its
/// own, as editors' modelines point at), else the built-in ones.
pub fn texts_for(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    if dir.exists() {
        read_texts(dir)
    } else {
        Ok(built_in())
    }
}

/// The `(file name, text)` of every `*.schema.json` in `dir`, sorted by name. Like a record,
/// a schema must be a regular file: a link, a pipe or a device is an error naming it, and is
/// never opened (the folder itself may be a link).
pub fn read_texts(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    let reader = fs::read_dir(dir).map_err(|e| Error::io("read schemas folder", dir, &e))?;
    let mut texts = Vec::new();
    for entry in reader {
        let entry = entry.map_err(|e| Error::io("read schemas folder", dir, &e))?;
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".schema.json") {
            continue;
        }
        let file_type = entry
            .file_type()
            .map_err(|e| Error::io("read schema", &path, &e))?;
        let contents = match workspace::entry_type(&path, file_type) {
            EntryType::File => workspace::read_file(&path)?,
            EntryType::Folder => {
                return Err(Error::schema(format!(
                    "schema `schemas/{name}` is a folder, not a file"
                )))
            }
            EntryType::NotRegular(what) => Contents::NotRegular(what),
        };
        let bytes = match contents {
            Contents::Bytes(bytes) => bytes,
            Contents::TooLarge(_) => {
                return Err(Error::schema(format!(
                    "schema `schemas/{name}` is over the {} MiB that roster reads",
                    workspace::MAX_FILE_BYTES / (1024 * 1024)
                )))
            }
            Contents::NotRegular(what) => {
                return Err(Error::schema(format!(
                    "schema `schemas/{name}` is {}: roster reads only regular files",
                    what.describe()
                )))
            }
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::schema(format!("schema `schemas/{name}` is not UTF-8")))?;
        texts.push((name.to_string(), text));
    }
    texts.sort();
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_texts` trusts the built-in schemas without checking them against the meta-schema:
    /// this test is that check.
    #[test]
    fn the_built_in_schemas_follow_the_meta_schema() {
        for (name, text) in BUILT_IN {
            let value: Value = serde_json::from_str(text).unwrap();
            assert!(
                jsonschema::meta::validate(&value).is_ok(),
                "{name} breaks the meta-schema"
            );
        }
    }
}
