//! The corpus: every file read in one run, each read, validated and modelled once.
//!
//! A [`Corpus`] keeps for each file its findings (Y- and S-rules) and the model of that file
//! alone, and reads a file only once however many revisions hold it: `roster diff` and `roster
//! log` put several revisions in one corpus, and a file unchanged between them costs nothing the
//! second time. A [`Side`] is then a set of files: their models are merged and the R- and
//! T-rules run over the whole, because rules cross files, before the severity policy is applied.

use super::silences::Silenced;
use super::{policy, silences, Options};
use crate::catalogue;
use crate::diag::{self, Diagnostic, Label};
use crate::error::Error;
use crate::load::schema::Schemas;
use crate::load::tree::ParsedFile;
use crate::load::workspace::{self, Contents, EntryType, Kind, NotRegular, Workspace};
use crate::load::yaml;
use crate::model::{Dataset, Input};
use crate::rules::{self, Context};
use crate::source::{FileId, SourceFile, Sources, Span};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// One file as read: its findings, its part of the model, and (when the corpus keeps them,
/// for change reports) its document.
#[derive(Debug)]
pub struct FileResult {
    pub file: FileId,
    pub kind: Option<Kind>,
    pub diagnostics: Vec<Diagnostic>,
    pub part: Dataset,
    pub document: Option<ParsedFile>,
}

/// The files of one side after the rules ran.
#[derive(Debug)]
pub struct Side {
    pub files: Vec<usize>,
    /// Sorted by file and position, with overrides and silences applied.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings that comments silenced, each with its comment.
    pub silenced: Vec<Silenced>,
    pub data: Dataset,
}

/// Every file read in one run, each read once.
pub struct Corpus {
    /// Each distinct set of schemas met in the run (revisions may differ in their schemas).
    schemas: Vec<(u64, Schemas)>,
    pub sources: Sources,
    pub results: Vec<FileResult>,
    /// Keep each file's document, for change reports.
    keep_documents: bool,
    /// `(name, hash of the bytes, schema set)` -> index in `results`.
    seen: HashMap<(String, u64, usize), usize>,
    /// Files added but not parsed yet: `(result index, kind, schema set)`.
    pending: Vec<(usize, Kind, usize)>,
}

/// Below this much text, one thread parses everything: starting threads would cost more than
/// it saves (the pre-commit check reads a few dozen small files).
const PARALLEL_BYTES: usize = 1 << 20;

/// What parsing one file gives: its findings, its model, and its document when kept.
type Parsed = (Vec<Diagnostic>, Dataset, Option<ParsedFile>);

/// From this size on, a record list whose document is not kept is read item by item
/// ([`stream`]). Smaller files are read whole: one more validator to compile would cost more
/// than the tree of a small file.
const STREAM_BYTES: usize = 1 << 20;

/// Loads, validates and models one file. Pure: safe to run on any thread.
fn parse(sources: &Sources, id: FileId, kind: Kind, schemas: &Schemas, keep: bool) -> Parsed {
    let source = sources.get(id);
    if !keep && source.text.len() >= STREAM_BYTES && schemas.item_validator(kind).is_some() {
        return stream(sources, id, kind, schemas);
    }
    let (mut diagnostics, document) = trusted(yaml::load(id, source));
    let Some(document) = document else {
        return (diagnostics, Dataset::default(), None);
    };
    let part = validate_and_model(sources, id, kind, schemas, &document, &mut diagnostics);
    (diagnostics, part, keep.then_some(document))
}

/// The findings of reading a file, and its document unless they make it untrustworthy
/// ([`yaml::Loaded::is_unreadable`]).
fn trusted(loaded: yaml::Loaded) -> (Vec<Diagnostic>, Option<ParsedFile>) {
    let readable = !loaded.is_unreadable();
    (loaded.diagnostics, loaded.document.filter(|_| readable))
}

/// Validates a document read from `id`, adding the findings to `diagnostics`, and returns its
/// model.
fn validate_and_model(
    sources: &Sources,
    id: FileId,
    kind: Kind,
    schemas: &Schemas,
    document: &ParsedFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Dataset {
    diagnostics.extend(schemas.validate(kind, id, document));
    Dataset::build(&[Input {
        file: id,
        kind,
        name: &sources.get(id).name,
        document,
    }])
}

/// Loads, validates and models a large record list item by item: each item of the list is
/// validated against the schema of an item and added to the model as soon as it is read, then
/// dropped, so the file is never held as a tree (a `chairs.yaml` of a million terms would take
/// about five times its size). The findings and the model are those of [`parse`]: the rest of
/// the file is validated with its list emptied, which the schema allows only when nothing in
/// it looks at the items together ([`Schemas::item_validator`]).
fn stream(sources: &Sources, id: FileId, kind: Kind, schemas: &Schemas) -> Parsed {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > 1 && sources.get(id).text.len() >= SPLIT_BYTES {
        if let Some(parsed) = stream_in_parts(sources, id, kind, schemas, threads) {
            return parsed;
        }
    }
    let mut items = Streamed::new(kind, id, schemas, 0..sources.get(id).text.len());
    let (mut diagnostics, document) =
        trusted(yaml::load_streaming(id, sources.get(id), &mut items));
    let Some(document) = document else {
        return (diagnostics, Dataset::default(), None);
    };
    let mut part = validate_and_model(sources, id, kind, schemas, &document, &mut diagnostics);
    diagnostics.append(&mut items.diagnostics);
    part.absorb(items.part);
    (diagnostics, part, None)
}

/// From this size on, a list read item by item is cut into as many parts as there are cores,
/// each read on a thread of its own.
const SPLIT_BYTES: usize = 4 << 20;

/// The items of a list as they are read: each validated and modelled, then dropped.
struct Streamed<'a> {
    key: &'static str,
    kind: Kind,
    file: FileId,
    schemas: &'a Schemas,
    /// Items taken so far.
    index: usize,
    diagnostics: Vec<Diagnostic>,
    part: Dataset,
    /// The bytes whose items the model will hold in the end: room for them is made once the
    /// first items tell how long an item is ([`SAMPLE_ITEMS`]).
    covers: std::ops::Range<usize>,
}

/// After this many items, the model makes room for the items the rest of the list will hold,
/// judged from their length so far: a million chair terms would otherwise be moved each time
/// the list of terms doubles, and end in up to twice the room they need.
const SAMPLE_ITEMS: usize = 64;

impl<'a> Streamed<'a> {
    fn new(
        kind: Kind,
        file: FileId,
        schemas: &'a Schemas,
        covers: std::ops::Range<usize>,
    ) -> Streamed<'a> {
        Streamed {
            key: crate::load::schema::list_key(kind).unwrap_or_default(),
            kind,
            file,
            schemas,
            index: 0,
            diagnostics: Vec::new(),
            part: Dataset::default(),
            covers,
        }
    }

    /// Makes room for the chair terms and citations of the whole of `covers`, judged from the
    /// first items, which end at `end`, with a little to spare. A wrong guess costs only room.
    fn make_room(&mut self, end: usize) {
        let read = end.saturating_sub(self.covers.start).max(1);
        let expected = self.covers.len() as u128 * self.index as u128 / read as u128;
        let expected = (expected + expected / 32) as usize;
        let part = &mut self.part;
        if self.kind == Kind::Chairs {
            part.chairs
                .reserve_exact(expected.saturating_sub(part.chairs.len()));
        }
        let cited = expected * part.citations.len() / self.index.max(1);
        part.citations
            .reserve_exact(cited.saturating_sub(part.citations.len()));
    }
}

impl yaml::Items for Streamed<'_> {
    fn key(&self) -> &str {
        self.key
    }

    fn item(&mut self, node: crate::load::tree::Node) {
        let found = self
            .schemas
            .validate_item(self.kind, self.file, self.index, &node);
        self.diagnostics.extend(found);
        self.part
            .read_list_item(self.kind, self.file, self.index, &node);
        self.index += 1;
        if self.index == SAMPLE_ITEMS {
            self.make_room(node.span.end as usize);
        }
    }

    fn reset(&mut self) {
        self.index = 0;
        self.diagnostics = Vec::new();
        self.part = Dataset::default();
    }
}

/// Reads a large list in `threads` parts at once: the head of the file (the root mapping and
/// the first items), then runs of whole items, cut at lines where an item of the list starts
/// ([`cuts`]). Each part is read on a thread of its own; the first part's findings and model
/// are kept, and the other parts' models follow with their positions moved on.
///
/// A cut can only be trusted when every part reads cleanly: `None`, and the file is read as
/// one, when the file does not start with the list's key, a part is outside the fast reader's
/// subset, any part other than the head has a finding of any kind, or a part is not the shape
/// it should be. Findings are therefore always those of reading the file as one; a valid large
/// list, the common case, is read on every core.
fn stream_in_parts(
    sources: &Sources,
    id: FileId,
    kind: Kind,
    schemas: &Schemas,
    threads: usize,
) -> Option<Parsed> {
    let source = sources.get(id);
    let (first, indent) = list_start(&source.text, crate::load::schema::list_key(kind)?)?;
    let mut bounds = vec![0];
    bounds.extend(cuts(&source.text, first, indent, threads));
    bounds.push(source.text.len());
    if bounds.len() < 3 {
        return None;
    }
    // The head's model ends up holding the whole list: room is made for it all.
    let read = |range: std::ops::Range<usize>, part: yaml::Part| {
        let covers = match part {
            yaml::Part::Head => first..source.text.len(),
            yaml::Part::Items { .. } => range.clone(),
        };
        let mut items = Streamed::new(kind, id, schemas, covers);
        let loaded = yaml::load_part(id, source, range, part, &mut items)?;
        Some((loaded, items))
    };
    let jobs: Vec<_> = bounds
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let part = if i == 0 {
                yaml::Part::Head
            } else {
                yaml::Part::Items { indent }
            };
            (w[0]..w[1], part)
        })
        .collect();
    let parts = crate::parallel::map(&jobs, jobs.len(), |(range, part)| {
        read(range.clone(), *part)
    });
    let mut parts = parts.into_iter();
    let (head, mut items) = parts.next()??;
    let document = head
        .document
        .filter(|_| head.diagnostics.is_empty() && items.index > 0)?;
    let mut diagnostics = Vec::new();
    let mut data = validate_and_model(sources, id, kind, schemas, &document, &mut diagnostics);
    diagnostics.append(&mut items.diagnostics);
    data.absorb(items.part);
    let mut before = items.index;
    for part in parts {
        let (loaded, items) = part?;
        let clean = loaded.diagnostics.is_empty() && items.diagnostics.is_empty();
        let only_items = loaded
            .document
            .is_some_and(|d| d.root.as_sequence().is_some_and(<[_]>::is_empty));
        if !clean || !only_items || items.index == 0 {
            return None;
        }
        let mut part = items.part;
        for chair in &mut part.chairs {
            chair.index += before;
        }
        before += items.index;
        data.absorb(part);
    }
    Some((diagnostics, data, None))
}

/// Where the items of the list under `key` start, when the file is that list in block style
/// under the root key, as a large generated list is: the first line that is not blank or a
/// comment is `key:` (a comment may follow), and the next is the first item, `- ` at some
/// indentation. Returns the offset of that item's line and its indentation.
fn list_start(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut key_seen = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end();
        let trimmed = content.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !key_seen {
            let rest = content.strip_prefix(key)?.strip_prefix(':')?;
            let rest = rest.trim_start_matches(' ');
            if !(rest.is_empty() || rest.starts_with('#')) {
                return None;
            }
            key_seen = true;
            continue;
        }
        let indent = content.len() - trimmed.len();
        return (trimmed == "-" || trimmed.starts_with("- ")).then_some((start, indent));
    }
    None
}

/// Up to `parts - 1` offsets, in order, that cut the list starting at `first` into parts of
/// about the same size, each at the start of a line holding `- ` at the list's indentation.
/// In a valid file such a line can only start an item of the list: anything inside an item
/// is indented further. Whether the file is valid is learnt by reading the parts.
fn cuts(text: &str, first: usize, indent: usize, parts: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let starts_item = |at: usize| {
        let line = &bytes[at..];
        line.len() > indent
            && line[..indent].iter().all(|&b| b == b' ')
            && line[indent] == b'-'
            && matches!(line.get(indent + 1), Some(b' ' | b'\n') | None)
    };
    let mut cuts = Vec::new();
    let mut last = first;
    for i in 1..parts {
        let mut at = first + (text.len() - first) * i / parts;
        while let Some(newline) = text[at.max(last + 1).min(text.len())..].find('\n') {
            at = at.max(last + 1) + newline + 1;
            if at >= text.len() {
                break;
            }
            if starts_item(at) {
                cuts.push(at);
                last = at;
                break;
            }
        }
    }
    cuts
}

fn fingerprint(parts: impl IntoIterator<Item = (impl Hash, impl Hash)>) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (a, b) in parts {
        a.hash(&mut hasher);
        b.hash(&mut hasher);
    }
    hasher.finish()
}

impl Corpus {
    /// A corpus whose first schema set (index 0) is `schemas`.
    pub fn new(schemas: Schemas, keep_documents: bool) -> Corpus {
        Corpus {
            schemas: vec![(0, schemas)],
            sources: Sources::new(),
            results: Vec::new(),
            keep_documents,
            seen: HashMap::new(),
            pending: Vec::new(),
        }
    }

    /// An empty corpus; add schema sets with [`Corpus::schema_set`].
    pub fn empty(keep_documents: bool) -> Corpus {
        Corpus {
            schemas: Vec::new(),
            sources: Sources::new(),
            results: Vec::new(),
            keep_documents,
            seen: HashMap::new(),
            pending: Vec::new(),
        }
    }

    /// The index of the schema set made of these `(file name, text)` pairs, compiling it the
    /// first time it is met.
    pub fn schema_set(&mut self, texts: Vec<(String, String)>) -> Result<usize, Error> {
        let print = fingerprint(texts.iter().map(|(n, t)| (n, t)));
        if let Some(i) = self.schemas.iter().position(|(p, _)| *p == print) {
            return Ok(i);
        }
        self.schemas.push((print, Schemas::from_texts(texts)?));
        Ok(self.schemas.len() - 1)
    }

    /// Reads everything under `records/` of a workspace on disk, with the first schema set;
    /// returns the result indexes.
    pub fn add_workspace(&mut self, workspace: &Workspace) -> Result<Vec<usize>, Error> {
        self.add_workspace_with(workspace, 0)
    }

    /// Reads everything under `records/` of a workspace on disk with schema set `schemas`.
    pub fn add_workspace_with(
        &mut self,
        workspace: &Workspace,
        schemas: usize,
    ) -> Result<Vec<usize>, Error> {
        let entries = workspace.list()?;
        let paths: Vec<&Path> = entries
            .iter()
            .filter(|e| e.kind.is_some())
            .map(|e| e.path.as_path())
            .collect();
        let mut contents = workspace::read_files(&paths).into_iter();
        let mut files = Vec::with_capacity(entries.len());
        for entry in &entries {
            let index = match (&entry.entry, entry.kind) {
                (EntryType::NotRegular(what), _) => {
                    self.add_not_regular(&entry.name, &entry.path, what)
                }
                (_, None) => {
                    self.add_unknown(&entry.name, &entry.path, entry.entry == EntryType::Folder)
                }
                (_, Some(_)) => {
                    let read = contents.next().expect("one reading per record file")?;
                    self.add_contents_at(&entry.name, &entry.path, read, schemas)
                }
            };
            files.push(index);
        }
        Ok(files)
    }

    /// Reads a file as [`workspace::read_file`] or a git revision gave it, named by its path
    /// from the root: bytes, a file too large to read, or an entry that is not a regular file.
    pub fn add_contents(&mut self, name: &str, contents: Contents, schemas: usize) -> usize {
        self.add_contents_at(name, Path::new(name), contents, schemas)
    }

    fn add_contents_at(
        &mut self,
        name: &str,
        path: &Path,
        contents: Contents,
        schemas: usize,
    ) -> usize {
        let relative = name.strip_prefix("records/").unwrap_or(name);
        match (contents, Kind::of(relative)) {
            (Contents::NotRegular(what), _) => self.add_not_regular(name, path, &what),
            (Contents::Bytes(bytes), _) => self.add_bytes_at(name, path, bytes, schemas),
            (Contents::TooLarge(_), None) => self.add_unknown(name, path, false),
            (Contents::TooLarge(size), Some(kind)) => {
                let (id, d) = workspace::too_large(&mut self.sources, name, path, size);
                self.add_source(id, kind, Some(d), schemas)
            }
        }
    }

    /// An entry that is not a regular file: reported (S003), never read.
    pub fn add_not_regular(&mut self, name: &str, path: &Path, what: &NotRegular) -> usize {
        let (id, d) = workspace::not_regular_file(&mut self.sources, name, path, what);
        self.add_unread(id, d)
    }

    /// A file that is not read, with the one finding that says why.
    fn add_unread(&mut self, file: FileId, finding: Diagnostic) -> usize {
        self.push(FileResult {
            file,
            kind: None,
            diagnostics: vec![finding],
            part: Dataset::default(),
            document: None,
        })
    }

    /// Reads a file given as bytes (from a git revision, say), named by its path from the
    /// root (`records/members/iom.yaml`). A file with the same name and bytes as one already
    /// read is not read again. Files are parsed by the next [`Corpus::parse_pending`], so that
    /// the files of several sides are parsed together, in parallel.
    pub fn add_bytes(&mut self, name: &str, bytes: Vec<u8>, schemas: usize) -> usize {
        self.add_bytes_at(name, Path::new(name), bytes, schemas)
    }

    fn add_bytes_at(&mut self, name: &str, path: &Path, bytes: Vec<u8>, schemas: usize) -> usize {
        let key = (name.to_string(), fingerprint([(&bytes, 0)]), schemas);
        if let Some(&index) = self.seen.get(&key) {
            return index;
        }
        let relative = name.strip_prefix("records/").unwrap_or(name);
        let index = match Kind::of(relative) {
            None => self.add_unknown(name, path, false),
            Some(kind) => {
                let (id, unreadable) = workspace::from_bytes(&mut self.sources, name, path, bytes);
                self.add_source(id, kind, unreadable, schemas)
            }
        };
        self.seen.insert(key, index);
        index
    }

    fn add_unknown(&mut self, name: &str, path: &Path, is_dir: bool) -> usize {
        let id = self.sources.add(SourceFile::new(name, path, String::new()));
        let what = if is_dir { "folder" } else { "file" };
        let d = Diagnostic::new(
            &catalogue::S002,
            format!("`{name}` is not a kind of record roster knows"),
            Label::new(id, Span::at(0), format!("unknown {what}")),
        )
        .with_help(
            "records live in `records/{group,chairs,working-groups,documents,sources}.yaml` and `records/members/<id>.yaml`: move, rename or delete this one",
        );
        self.add_unread(id, d)
    }

    /// Registers a record file; unless it is unreadable, it waits for [`Corpus::parse_pending`].
    fn add_source(
        &mut self,
        id: FileId,
        kind: Kind,
        unreadable: Option<Diagnostic>,
        schemas: usize,
    ) -> usize {
        let readable = unreadable.is_none();
        let index = self.push(FileResult {
            file: id,
            kind: Some(kind),
            diagnostics: unreadable.into_iter().collect(),
            part: Dataset::default(),
            document: None,
        });
        if readable {
            self.pending.push((index, kind, schemas));
        }
        index
    }

    /// Parses, validates and models every file added since the last call, on as many threads
    /// as the machine has cores (largest files first), when there is enough text to share.
    pub fn parse_pending(&mut self) {
        let mut jobs = std::mem::take(&mut self.pending);
        if jobs.is_empty() {
            return;
        }
        let size =
            |job: &(usize, Kind, usize)| self.sources.get(self.results[job.0].file).text.len();
        jobs.sort_by_key(|job| std::cmp::Reverse(size(job)));
        let total: usize = jobs.iter().map(size).sum();
        let threads = if total < PARALLEL_BYTES {
            1
        } else {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(jobs.len())
        };
        let (sources, results, schemas) = (&self.sources, &self.results, &self.schemas);
        let keep = self.keep_documents;
        let parsed = crate::parallel::map(&jobs, threads, |&(index, kind, set)| {
            parse(sources, results[index].file, kind, &schemas[set].1, keep)
        });
        for (&(index, _, _), (diagnostics, part, document)) in jobs.iter().zip(parsed) {
            let result = &mut self.results[index];
            result.diagnostics.extend(diagnostics);
            result.part = part;
            result.document = document;
        }
    }

    fn push(&mut self, result: FileResult) -> usize {
        self.results.push(result);
        self.results.len() - 1
    }

    /// The findings of reading `files` and their merged model, before the rules run, moved
    /// out of the corpus.
    pub fn take(&mut self, files: &[usize]) -> (Vec<Diagnostic>, Dataset) {
        assert!(self.pending.is_empty(), "parse_pending before taking");
        let mut diagnostics = Vec::new();
        let mut data = Dataset::default();
        for &i in files {
            diagnostics.append(&mut self.results[i].diagnostics);
            data.absorb(std::mem::take(&mut self.results[i].part));
        }
        (diagnostics, data)
    }

    /// The two sides of a change report, each with its rules run. The files' findings and
    /// models are moved out of the corpus: only the files that both sides hold are copied.
    /// The rules of the two sides run on two threads.
    pub fn two_sides(&mut self, old: &[usize], new: &[usize], options: &Options) -> (Side, Side) {
        assert!(self.pending.is_empty(), "parse_pending before taking");
        let in_new: std::collections::HashSet<usize> = new.iter().copied().collect();
        let mut old_diagnostics = Vec::new();
        let mut old_data = Dataset::default();
        for &i in old {
            let result = &mut self.results[i];
            if in_new.contains(&i) {
                old_diagnostics.extend(result.diagnostics.iter().cloned());
                old_data.merge(&result.part);
            } else {
                old_diagnostics.append(&mut result.diagnostics);
                old_data.absorb(std::mem::take(&mut result.part));
            }
        }
        let (new_diagnostics, new_data) = self.take(new);
        let this = &*self;
        std::thread::scope(|scope| {
            let old_side = scope.spawn(|| this.finish(old, old_diagnostics, old_data, options));
            let new_side = this.finish(new, new_diagnostics, new_data, options);
            (
                old_side.join().expect("the rules of the old side panicked"),
                new_side,
            )
        })
    }

    /// Runs the rules over `files` as one dataset, moving the files' findings and models out
    /// of the corpus.
    pub fn take_side(&mut self, files: &[usize], options: &Options) -> Side {
        let (diagnostics, data) = self.take(files);
        self.finish(files, diagnostics, data, options)
    }

    /// Runs the rules over `files` as one dataset, leaving the corpus as it was: `roster log`
    /// makes a side of every state of the records, and a file version belongs to many.
    pub fn side_of(&self, files: &[usize], options: &Options) -> Side {
        assert!(self.pending.is_empty(), "parse_pending before taking");
        let mut diagnostics = Vec::new();
        let mut data = Dataset::default();
        for &i in files {
            diagnostics.extend(self.results[i].diagnostics.iter().cloned());
            data.merge(&self.results[i].part);
        }
        self.finish(files, diagnostics, data, options)
    }

    fn finish(
        &self,
        files: &[usize],
        mut diagnostics: Vec<Diagnostic>,
        data: Dataset,
        options: &Options,
    ) -> Side {
        let selected = options.only.as_deref();
        // R006 judges the silences of every rule: selecting it runs every check.
        let only = selected.filter(|rules| !rules.contains(&&catalogue::R006));
        diagnostics.extend(rules::run(&Context::new(&data, options.as_of), only));
        let files_of_side: Vec<FileId> = files.iter().map(|&i| self.results[i].file).collect();
        let mut silenced = silences::apply(&self.sources, &files_of_side, &mut diagnostics, only);
        if let Some(only) = selected {
            // What reading the files found belongs to the Y- and S-rules: keep the selected.
            diagnostics.retain(|d| only.iter().any(|r| d.is(r)));
            silenced.retain(|s| only.iter().any(|r| s.diagnostic.is(r)));
        }
        policy::apply(&options.levels, &mut diagnostics);
        // A silenced finding keeps the severity it would have had.
        silenced.retain_mut(|s| policy::decide(&options.levels, &mut s.diagnostic));
        diag::sort(&mut diagnostics);
        silenced.sort_by_key(|s| (s.diagnostic.primary.file, s.diagnostic.primary.span.start));
        Side {
            files: files.to_vec(),
            diagnostics,
            silenced,
            data,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::schema;

    /// The findings and the model of `text` as `name`, read whole and read item by item.
    fn both_ways(name: &str, text: &str) -> (String, String) {
        let schemas = Schemas::from_texts(schema::built_in()).unwrap();
        let mut sources = Sources::new();
        let id = sources.add(SourceFile::new(name, name, text.to_string()));
        let kind = Kind::of(name.strip_prefix("records/").unwrap()).unwrap();
        assert!(schemas.item_validator(kind).is_some(), "{name}");
        let show = |(mut diagnostics, part, _): Parsed| {
            diag::sort(&mut diagnostics);
            format!("{diagnostics:#?}\n{part:#?}")
        };
        let whole = show(parse(&sources, id, kind, &schemas, true));
        let streamed = show(stream(&sources, id, kind, &schemas));
        (whole, streamed)
    }

    fn same_both_ways(name: &str, text: &str) {
        let (whole, streamed) = both_ways(name, text);
        assert_eq!(whole, streamed, "{name}:\n{text}");
    }

    #[test]
    fn a_list_read_item_by_item_gives_what_reading_it_whole_gives() {
        let shipped = |file: &str| {
            std::fs::read_to_string(format!("{}/records/{file}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        };
        // sources.yaml is not read item by item: its schema asks for at least one source.
        for file in ["chairs.yaml", "working-groups.yaml", "documents.yaml"] {
            let text = shipped(file);
            let (whole, _) = both_ways(&format!("records/{file}"), &text);
            assert!(whole.contains("Field"), "{file} has records");
            same_both_ways(&format!("records/{file}"), &text);
        }
        // Findings inside items, at the root, and in the reading.
        let chairs = [
            // an unknown key, a wrong type, a date that does not exist, a missing key, a key
            // that may not go with the others, an item that is not a mapping
            "chairs:\n  - {chair: iom, start: 2010-01, end: 2010-06, sources: [a], colour: red}\n  - {chair: 3, start: 2010-07, end: 2010-02-30, sources: [a]}\n  - {chair: iom, start: 2011-01, sources: [a]}\n  - {vacant: true, reason: none, irregular: x, start: 2011-07, end: 2011-12, sources: [a]}\n  - just text\n  - {chair: ilo, start: 2012-01, end: 2012-06, sources: [a]}\n",
            // a key beside the list, and the list given twice (the second is dropped)
            "chairs:\n  - {chair: iom, start: 2010-01, end: 2010-06, sources: [a]}\nnote: x\nchairs:\n  - {chair: ilo, start: 2012-01, end: 2012-06, sources: [a]}\n",
            // a list that is not a list
            "chairs: {chair: iom}\n",
            "chairs: []\n",
            // block style, with an anchor that sends the text to the full parser (Y004)
            "chairs:\n  - chair: iom\n    start: 2010-01\n    end: 2010-06\n    sources: [a]\n  - &x\n    chair: ilo\n",
            // a tab, which the fast reader leaves to the full parser, and a syntax error
            "chairs:\n  - chair: iom\n    start: 2010-01\n    end: 2010-06\n    sources: [a]\n    note: \"a\ttab\"\n",
            "chairs:\n  - {chair: iom, start: 2010-01\n",
            "# nothing\n",
            "- a list at the root\n",
        ];
        for text in chairs {
            same_both_ways("records/chairs.yaml", text);
        }
        // The findings inside items name their place in the file, as when read whole.
        let (_, streamed) = both_ways("records/chairs.yaml", chairs[0]);
        for expected in [
            "unknown key `colour` at `/chairs/0`",
            "at `/chairs/1/chair`",
            "2010-02-30",
            "missing required key `end` at `/chairs/2`",
            "`irregular` is not allowed here at `/chairs/3`",
            "at `/chairs/4`",
        ] {
            assert!(streamed.contains(expected), "{expected}:\n{streamed}");
        }
        assert!(
            streamed.contains("index: 5"),
            "the last item keeps its place"
        );
        same_both_ways(
            "records/documents.yaml",
            "documents:\n  - {id: a, kind: chairmanship-report}\n  - {id: 3}\n",
        );
    }

    /// Reads `text` in 2 to 5 parts; each time the parts are trusted, they must give what
    /// reading it whole gives. Returns how many times they were trusted.
    fn in_parts(name: &str, text: &str) -> usize {
        let schemas = Schemas::from_texts(schema::built_in()).unwrap();
        let mut sources = Sources::new();
        let id = sources.add(SourceFile::new(name, name, text.to_string()));
        let kind = Kind::of(name.strip_prefix("records/").unwrap()).unwrap();
        let show = |(mut diagnostics, part, _): Parsed| {
            diag::sort(&mut diagnostics);
            format!("{diagnostics:#?}\n{part:#?}")
        };
        let whole = show(parse(&sources, id, kind, &schemas, true));
        let mut trusted = 0;
        for threads in 2..=5 {
            if let Some(parts) = stream_in_parts(&sources, id, kind, &schemas, threads) {
                assert_eq!(show(parts), whole, "{threads} parts of\n{text}");
                trusted += 1;
            }
        }
        trusted
    }

    #[test]
    fn a_list_read_in_parts_on_several_threads_gives_what_reading_it_whole_gives() {
        let shipped =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/records/chairs.yaml"))
                .unwrap();
        // Its notes are block scalars, outside the fast reader's subset: read as one.
        assert_eq!(in_parts("records/chairs.yaml", &shipped), 0);
        let block: String = (0..40)
            .map(|i| {
                format!(
                    "  - chair: m{i}\n    start: {}-01\n    end: {}-06\n    irregular: x\n    sources:\n      - a\n",
                    2000 + i,
                    2000 + i
                )
            })
            .collect();
        assert_eq!(
            in_parts("records/chairs.yaml", &format!("chairs:\n{block}")),
            4
        );
        let term = |i: usize| {
            format!(
                "  - {{chair: m{i}, start: {}-01, end: {}-06, irregular: x, sources: [a]}}\n",
                2000 + i,
                2000 + i
            )
        };
        let many: String = (0..40).map(term).collect();
        let flow = format!("# a comment\n\nchairs:   # the terms\n{many}");
        assert_eq!(in_parts("records/chairs.yaml", &flow), 4);
        // Not read in parts, or read in parts only where every part reads cleanly: a finding
        // in a later part, a key after the list, a list not at the root key, a flow list, an
        // anchor, a quoted text over several lines that holds what looks like an item.
        let broken = flow.replace("m30,", "m30, colour: red,");
        assert!(in_parts("records/chairs.yaml", &broken) < 4);
        in_parts(
            "records/chairs.yaml",
            &format!("{flow}note: after the list\n"),
        );
        assert_eq!(
            in_parts("records/chairs.yaml", &format!("note: x\n{flow}")),
            0
        );
        assert_eq!(
            in_parts("records/chairs.yaml", "chairs: [{chair: iom}]\n"),
            0
        );
        in_parts("records/chairs.yaml", &flow.replace("m20,", "&a m20,"));
        let quoted = flow.replace(
            "m25, start",
            "m25, note: \"a text\n  - {chair: m99, start: 2000-01, end: 2000-06, sources: [a]}\n  \", start",
        );
        in_parts("records/chairs.yaml", &quoted);
        in_parts(
            "records/chairs.yaml",
            &flow.replace("m35,", "m35, chair: m36,"),
        );
        // A list at indentation zero.
        in_parts("records/chairs.yaml", &flow.replace("\n  - {", "\n- {"));
        assert!(in_parts("records/chairs.yaml", &flow.replace("\n  - {", "\n- {")) > 0);
    }

    #[test]
    fn a_schema_that_looks_at_the_items_together_is_not_validated_item_by_item() {
        let mut texts = schema::built_in();
        for (name, text) in &mut texts {
            if name == "chairs.schema.json" {
                *text = text.replacen(
                    "\"type\": \"array\",",
                    "\"type\": \"array\", \"minItems\": 1,",
                    1,
                );
                assert!(text.contains("minItems\": 1"));
            }
        }
        let schemas = Schemas::from_texts(texts).unwrap();
        assert!(schemas.item_validator(Kind::Chairs).is_none());
        assert!(schemas.item_validator(Kind::Documents).is_some());
        assert!(schemas.item_validator(Kind::Group).is_none());
        // The shipped sources schema asks for at least one source: read whole.
        assert!(schemas.item_validator(Kind::Sources).is_none());
    }
}
