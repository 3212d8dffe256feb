//! Sides of a change report: a git revision, the index, the working tree or a folder, read into
//! one [`Corpus`]; and what the sides named on the command line mean ([`SideSpec`]: ranges,
//! merge bases, defaults).
//!
//! A git side is read without touching the repository: the tree is listed, then every blob
//! under `records/` and `schemas/` that the corpus has not met yet is read in one batch. Blobs
//! are remembered by path and id, so a history of a thousand commits reads and parses each
//! version of each file once.

use super::Report;
use crate::check::{Corpus, Options, Side};
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
    /// `(path, blob id)` -> result index in the corpus (records) .
    blobs: HashMap<(String, String), usize>,
    /// Schema blob ids of a tree -> schema set index.
    schema_sets: HashMap<Vec<String>, usize>,
}

const FOLDERS: &[&str] = &["records", "schemas"];

impl SideReader {
    pub fn new(root: &Path) -> SideReader {
        SideReader {
            root: root.to_path_buf(),
            repo: None,
            blobs: HashMap::new(),
            schema_sets: HashMap::new(),
        }
    }

    /// The repository the root is in, opened on first use.
    pub fn repo(&mut self) -> Result<&Repo, Error> {
        if self.repo.is_none() {
            self.repo = Some(Repo::open(&self.root)?);
        }
        Ok(self.repo.as_ref().expect("opened above"))
    }

    /// Reads one side; returns the corpus result indexes of its files, sorted by name.
    pub fn read(&mut self, corpus: &mut Corpus, revision: &Revision) -> Result<Vec<usize>, Error> {
        let mut files = match revision {
            Revision::WorkTree => read_folder(corpus, &self.root)?,
            Revision::Folder(dir) => read_folder(corpus, dir)?,
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
        let schema_key: Vec<String> = schemas.iter().map(|(p, b)| format!("{p}:{b}")).collect();
        let set = match self.schema_sets.get(&schema_key) {
            Some(&set) => set,
            None if schemas.is_empty() => {
                // A revision without `schemas/` is read with the built-in schemas.
                let set = corpus.schema_set(schema::built_in())?;
                self.schema_sets.insert(schema_key, set);
                set
            }
            None => {
                let ids: Vec<String> = schemas.iter().map(|(_, b)| b.clone()).collect();
                let blobs = self.repo()?.read_blobs(&ids)?;
                let mut texts = Vec::new();
                for ((path, _), contents) in schemas.iter().zip(blobs) {
                    let Contents::Bytes(bytes) = contents else {
                        return Err(Error::schema(format!(
                            "schema `{path}` is over the {} MiB that roster reads",
                            MAX_FILE_BYTES / (1024 * 1024)
                        )));
                    };
                    let text = String::from_utf8(bytes)
                        .map_err(|_| Error::schema(format!("schema `{path}` is not UTF-8")))?;
                    texts.push((path["schemas/".len()..].to_string(), text));
                }
                let set = corpus.schema_set(texts)?;
                self.schema_sets.insert(schema_key, set);
                set
            }
        };
        let records: Vec<GitEntry> = records
            .into_iter()
            .filter(|e| e.path.starts_with("records/"))
            .collect();
        // A file is remembered by its path and blob, a link by its path and the blob of its
        // target, marked so that the two never meet.
        let key = |e: &GitEntry| {
            let id = match e.mode {
                EntryMode::File => e.id.clone(),
                _ => format!("{:?}:{}", e.mode, e.id),
            };
            (format!("{set}:{}", e.path), id)
        };
        // Blobs to read: the bytes of a file, the target written in a link; a submodule's id
        // names a commit of another repository, which is not read.
        let missing: Vec<String> = records
            .iter()
            .filter(|e| matches!(e.mode, EntryMode::File | EntryMode::Symlink))
            .filter(|e| !self.blobs.contains_key(&key(e)))
            .map(|e| e.id.clone())
            .collect();
        let mut fetched = if missing.is_empty() {
            Vec::new()
        } else {
            self.repo()?.read_blobs(&missing)?
        }
        .into_iter();
        let mut files = Vec::with_capacity(records.len());
        for entry in records {
            let key = key(&entry);
            if let Some(&index) = self.blobs.get(&key) {
                files.push(index);
                continue;
            }
            let contents = match entry.mode {
                EntryMode::File => fetched.next().expect("one blob per missing file"),
                EntryMode::Symlink => {
                    let target = fetched.next().expect("one blob per missing link");
                    Contents::NotRegular(match target {
                        Contents::Bytes(bytes) => NotRegular::symlink(&bytes),
                        _ => NotRegular::Symlink(None),
                    })
                }
                EntryMode::Submodule => Contents::NotRegular(NotRegular::Submodule(entry.id)),
                EntryMode::Other => Contents::NotRegular(NotRegular::Other),
            };
            let index = corpus.add_contents(&entry.path, contents, set);
            self.blobs.insert(key, index);
            files.push(index);
        }
        Ok(files)
    }
}

fn read_folder(corpus: &mut Corpus, dir: &Path) -> Result<Vec<usize>, Error> {
    let workspace = Workspace::at(dir)?;
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
    let mut reader = SideReader::new(root);
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
