//! Sides of a change report: a git revision, the index, the working tree or a folder, read into
//! one [`Corpus`]; and what the sides named on the command line mean ([`SideSpec`]: ranges,
//! merge bases, defaults). One side can also be checked on its own ([`check`]): `roster check
//! --staged` checks the index, what the next commit will hold.
//!
//! A git side is read without touching the repository: the tree is listed, then every blob
//! under `records/` and `schemas/` that the corpus has not met yet is read in one batch. Blobs
//! are remembered by path and id, so a history of a thousand commits reads and parses each
//! version of each file once.

use super::Report;
use crate::check::{policy, Corpus, Options, Outcome, Side};
use crate::error::Error;
use crate::load::git::{split_range, EntryMode, GitEntry, Repo};
use crate::load::schema;
use crate::load::workspace::{Contents, NotRegular, Workspace, MAX_FILE_BYTES};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revision {
    /// The files on disk under the roster root.
    WorkTree,
    /// What is staged (`--staged`).
    Index,
    /// A commit, by full id.
    Commit(String),
    /// Another folder holding `records/` (and `schemas/`).
    Folder(PathBuf),
}

/// Reads sides into a corpus, remembering git blobs already read.
pub struct SideReader {
    pub root: PathBuf,
    repo: Option<Repo>,
    /// The index file to read for [`Revision::Index`], when not the repository's own.
    index_file: Option<PathBuf>,
    /// `(path, blob id)` -> result index in the corpus (records) .
    blobs: HashMap<(String, String), usize>,
    /// Schema blob ids of a tree -> schema set index.
    schema_sets: HashMap<Vec<String>, usize>,
    /// The text of the `roster.toml` of the side read last, if it has one.
    config: Option<String>,
}

/// What a side is read from: the records, their schemas, and the file of severities.
const FOLDERS: &[&str] = &["records", "schemas", CONFIG];
const CONFIG: &str = "roster.toml";

impl SideReader {
    pub fn new(root: &Path) -> SideReader {
        SideReader {
            root: root.to_path_buf(),
            repo: None,
            index_file: None,
            blobs: HashMap::new(),
            schema_sets: HashMap::new(),
            config: None,
        }
    }

    /// The same reader, reading the index from `file` (an absolute path) instead of the
    /// repository's own: a hook run by `git commit -a` sees the commit in the temporary index
    /// that git names in `GIT_INDEX_FILE`.
    pub fn with_index_file(self, file: Option<PathBuf>) -> SideReader {
        SideReader {
            index_file: file,
            ..self
        }
    }

    /// The repository the root is in, opened on first use.
    pub fn repo(&mut self) -> Result<&Repo, Error> {
        if self.repo.is_none() {
            let repo = Repo::open(&self.root)?.with_index_file(self.index_file.clone());
            self.repo = Some(repo);
        }
        Ok(self.repo.as_ref().expect("opened above"))
    }

    /// The text of the `roster.toml` of the side read last, if it has one: a revision's or the
    /// index's own, so that a check of what is staged uses the severities that will be
    /// committed with it.
    pub fn config(&self) -> Option<&str> {
        self.config.as_deref()
    }

    /// Reads one side; returns the corpus result indexes of its files, sorted by name.
    pub fn read(&mut self, corpus: &mut Corpus, revision: &Revision) -> Result<Vec<usize>, Error> {
        let mut files = match revision {
            // The work tree as git sees it (no ignored file), a folder as it is.
            Revision::WorkTree => {
                self.config = policy::read_config(&self.root.join(CONFIG))?;
                read_folder(corpus, Workspace::at(&self.root)?.seen_by_git()?)?
            }
            Revision::Folder(dir) => {
                self.config = policy::read_config(&dir.join(CONFIG))?;
                read_folder(corpus, Workspace::at(dir)?)?
            }
            Revision::Index => {
                let listing = self.repo()?.index_entries(FOLDERS)?;
                self.read_listing(corpus, listing)?
            }
            Revision::Commit(id) => {
                let listing = self.repo()?.tree_entries(id, FOLDERS)?;
                self.read_listing(corpus, listing)?
            }
        };
        files.sort_by(|&a, &b| {
            let name = |i: usize| &corpus.sources.get(corpus.results[i].file).name;
            name(a).cmp(name(b))
        });
        Ok(files)
    }

    fn read_listing(
        &mut self,
        corpus: &mut Corpus,
        listing: Vec<GitEntry>,
    ) -> Result<Vec<usize>, Error> {
        let (config, listing): (Vec<_>, Vec<_>) =
            listing.into_iter().partition(|entry| entry.path == CONFIG);
        let (schemas, records): (Vec<_>, Vec<_>) = listing
            .into_iter()
            .partition(|entry| entry.path.starts_with("schemas/"));
        // A schema that is a link is left out, as a folder side leaves out what is not a
        // regular file: a missing schema is then named when the schemas compile.
        let schemas: Vec<(String, String)> = schemas
            .into_iter()
            .filter(|e| {
                e.mode == EntryMode::File
                    && e.path.ends_with(".schema.json")
                    && !e.path["schemas/".len()..].contains('/')
            })
            .map(|e| (e.path, e.id))
            .collect();
        let records: Vec<GitEntry> = records
            .into_iter()
            .filter(|e| e.path.starts_with("records/"))
            .collect();
        let schema_key: Vec<String> = schemas.iter().map(|(p, b)| format!("{p}:{b}")).collect();
        let known = self.schema_sets.get(&schema_key).copied();
        // A file is remembered by its path and blob, a link by its path and the blob of its
        // target, marked so that the two never meet.
        let key = |e: &GitEntry, set: usize| {
            let id = match e.mode {
                EntryMode::File => e.id.clone(),
                _ => format!("{:?}:{}", e.mode, e.id),
            };
            (format!("{set}:{}", e.path), id)
        };
        // Whether each record's blob is read: the bytes of a file or the target written in a
        // link, not met yet with these schemas (all of them, with a new set of schemas). A
        // submodule's id names a commit of another repository, which is not read.
        let read: Vec<bool> = records
            .iter()
            .map(|e| {
                is_blob(e.mode) && known.is_none_or(|set| !self.blobs.contains_key(&key(e, set)))
            })
            .collect();
        // Every blob the side needs is read by one git process, in this order: its schemas
        // when this set of schemas is new, its records not read yet, and its roster.toml.
        let new_schemas: &[(String, String)] = match known {
            None => &schemas,
            Some(_) => &[],
        };
        let ids: Vec<String> = new_schemas
            .iter()
            .map(|(_, id)| id)
            .chain(
                records
                    .iter()
                    .zip(&read)
                    .filter(|(_, &read)| read)
                    .map(|(e, _)| &e.id),
            )
            .chain(config.iter().filter(|e| is_blob(e.mode)).map(|e| &e.id))
            .cloned()
            .collect();
        let mut fetched = if ids.is_empty() {
            Vec::new()
        } else {
            self.repo()?.read_blobs(&ids)?
        }
        .into_iter();
        let set = match known {
            Some(set) => set,
            None => {
                let set = if schemas.is_empty() {
                    // A revision without `schemas/` is read with the built-in schemas.
                    corpus.schema_set(schema::built_in())?
                } else {
                    let mut texts = Vec::new();
                    for (path, _) in &schemas {
                        let Some(Contents::Bytes(bytes)) = fetched.next() else {
                            return Err(Error::schema(format!(
                                "schema `{path}` is over the {} MiB that roster reads",
                                MAX_FILE_BYTES / (1024 * 1024)
                            )));
                        };
                        let text = String::from_utf8(bytes)
                            .map_err(|_| Error::schema(format!("schema `{path}` is not UTF-8")))?;
                        texts.push((path["schemas/".len()..].to_string(), text));
                    }
                    corpus.schema_set(texts)?
                };
                self.schema_sets.insert(schema_key, set);
                set
            }
        };
        let mut files = Vec::with_capacity(records.len());
        for (entry, read) in records.into_iter().zip(read) {
            let key = key(&entry, set);
            if let (false, Some(&index)) = (read, self.blobs.get(&key)) {
                files.push(index);
                continue;
            }
            let blob =
                is_blob(entry.mode).then(|| fetched.next().expect("one blob per record read"));
            let path = entry.path.clone();
            let index = corpus.add_contents(&path, contents_of(entry, blob), set);
            self.blobs.insert(key, index);
            files.push(index);
        }
        // roster.toml is read only as a regular file, as on disk: a link is named, not followed.
        self.config = match config.into_iter().next() {
            None => None,
            Some(entry) => {
                let blob = is_blob(entry.mode).then(|| fetched.next().expect("roster.toml's blob"));
                Some(policy::config_text(contents_of(entry, blob))?)
            }
        };
        Ok(files)
    }
}

/// Whether git keeps what an entry holds in a blob that roster reads: a file's bytes, or the
/// path a link is written with. A submodule's id names a commit of another repository.
fn is_blob(mode: EntryMode) -> bool {
    matches!(mode, EntryMode::File | EntryMode::Symlink)
}

/// What an entry of a listing holds, given its blob when [`is_blob`]: a file's bytes, or what
/// it is when it is not a regular file (a link is named, never followed).
fn contents_of(entry: GitEntry, blob: Option<Contents>) -> Contents {
    match (entry.mode, blob) {
        (EntryMode::File, Some(contents)) => contents,
        (EntryMode::Symlink, Some(Contents::Bytes(target))) => {
            Contents::NotRegular(NotRegular::symlink(&target))
        }
        (EntryMode::Symlink, _) => Contents::NotRegular(NotRegular::Symlink(None)),
        (EntryMode::Submodule, _) => Contents::NotRegular(NotRegular::Submodule(entry.id)),
        _ => Contents::NotRegular(NotRegular::Other),
    }
}

/// Checks one side on its own, as `roster check` checks the working tree: every record file
/// of the side, with the side's own schemas, and with the options `options` makes of the
/// side's own `roster.toml` (its text, if the side has one).
pub fn check(
    reader: &mut SideReader,
    revision: &Revision,
    options: impl FnOnce(Option<&str>) -> Result<Options, Error>,
) -> Result<Outcome, Error> {
    let mut corpus = Corpus::empty(false);
    let files = reader.read(&mut corpus, revision)?;
    let options = options(reader.config())?;
    corpus.parse_pending();
    let side = corpus.take_side(&files, &options);
    Ok(Outcome {
        sources: corpus.sources,
        diagnostics: side.diagnostics,
        silenced: side.silenced,
    })
}

fn read_folder(corpus: &mut Corpus, workspace: Workspace) -> Result<Vec<usize>, Error> {
    let set = corpus.schema_set(schema::texts_for(&workspace.schemas)?)?;
    corpus.add_workspace_with(&workspace, set)
}

/// The sides of a comparison as the user names them: revisions or a range, `--staged`, folders.
#[derive(Debug, Clone, Default)]
pub struct SideSpec {
    /// The old side, or a range `OLD..NEW` / `OLD...NEW`.
    pub old: Option<String>,
    /// The new side.
    pub new: Option<String>,
    /// The index instead of the working tree as the new side.
    pub staged: bool,
    /// The index file to read for `staged`, when not the repository's own (an absolute path).
    pub index_file: Option<PathBuf>,
    pub old_dir: Option<PathBuf>,
    pub new_dir: Option<PathBuf>,
}

/// A side and how the report names it (`HEAD`, `working tree`, `merge base of main and HEAD`).
pub type NamedSide = (Revision, String);

impl SideSpec {
    /// The two sides this names. As in git: `OLD..NEW` compares two revisions, `OLD...NEW`
    /// compares NEW with its merge base with OLD, a missing side of a range is `HEAD`; without
    /// NEW the new side is the working tree (or the index), without OLD the old side is `HEAD`.
    pub fn resolve(&self, reader: &mut SideReader) -> Result<(NamedSide, NamedSide), Error> {
        let mut old_spec = self.old.clone();
        let mut new_spec = self.new.clone();
        let mut symmetric = false;
        if let Some(spec) = &self.old {
            if spec.contains("..") {
                if self.new.is_some() {
                    return Err(Error::usage(format!(
                        "`{spec}` is a range already: give either a range or two revisions"
                    )));
                }
                let (a, b, sym) = split_range(spec);
                old_spec = Some(a);
                new_spec = b;
                symmetric = sym;
            }
        }
        let new = match (&self.new_dir, &new_spec, self.staged) {
            (Some(dir), _, _) => (Revision::Folder(dir.clone()), dir.display().to_string()),
            (None, Some(rev), _) => (Revision::Commit(reader.repo()?.resolve(rev)?), rev.clone()),
            (None, None, true) => (Revision::Index, "index".to_string()),
            (None, None, false) => (Revision::WorkTree, "working tree".to_string()),
        };
        let old = match (&self.old_dir, old_spec) {
            (Some(dir), _) => (Revision::Folder(dir.clone()), dir.display().to_string()),
            (None, spec) => {
                let spec = spec.unwrap_or_else(|| "HEAD".to_string());
                if symmetric {
                    let new_rev = new_spec.clone().unwrap_or_else(|| "HEAD".to_string());
                    let base = reader.repo()?.merge_base(&spec, &new_rev)?;
                    let label = format!(
                        "merge base of {spec} and {new_rev} ({})",
                        &base[..base.len().min(10)]
                    );
                    (Revision::Commit(base), label)
                } else {
                    (Revision::Commit(reader.repo()?.resolve(&spec)?), spec)
                }
            }
        };
        Ok((old, new))
    }
}

/// A change report and what it was made from. The corpus and the two sides hold every document
/// and model of both sides: a program about to end may `std::mem::forget` a `Comparison` after
/// using its report, instead of freeing a million small allocations one by one.
pub struct Comparison {
    pub report: Report,
    /// The commit the new side is, when it is one: change reports link their locations to it.
    pub new_commit: Option<String>,
    /// The roster root's folder in the repository (`""` at its top, else ending in `/`), when
    /// a side came from git.
    pub folder: Option<String>,
    pub corpus: Corpus,
    pub sides: (Side, Side),
}

/// Compares the sides `spec` names, for the records repository at `root`: reads both, runs the
/// rules on each, and reports what changed and what it implies.
pub fn compare(root: &Path, spec: &SideSpec, options: &Options) -> Result<Comparison, Error> {
    let mut reader = SideReader::new(root).with_index_file(spec.index_file.clone());
    let ((old, old_label), (new, new_label)) = spec.resolve(&mut reader)?;
    let mut corpus = Corpus::empty(true);
    let old_files = reader.read(&mut corpus, &old)?;
    let new_files = reader.read(&mut corpus, &new)?;
    corpus.parse_pending();
    let (old_side, new_side) = corpus.two_sides(&old_files, &new_files, options);
    let report = super::compare(&corpus, &old_side, &new_side, &old_label, &new_label, true);
    let new_commit = match new {
        Revision::Commit(id) => Some(id),
        _ => None,
    };
    Ok(Comparison {
        report,
        new_commit,
        folder: reader.repo.as_ref().map(|r| r.prefix().to_string()),
        corpus,
        sides: (old_side, new_side),
    })
}
