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
use crate::check::{Corpus, Options, Outcome, Side};
use crate::error::Error;
use crate::load::git::{split_range, Repo};
use crate::load::schema;
use crate::load::workspace::Workspace;
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
                self.config = read_config(&self.root.join(CONFIG))?;
                read_folder(corpus, Workspace::at(&self.root)?.seen_by_git()?)?
            }
            Revision::Folder(dir) => {
                self.config = read_config(&dir.join(CONFIG))?;
                read_folder(corpus, Workspace::at(dir)?)?
            }
            Revision::Index => {
                let listing = self.repo()?.index_files(FOLDERS)?;
                self.read_listing(corpus, listing)?
            }
            Revision::Commit(id) => {
                let listing = self.repo()?.tree_files(id, FOLDERS)?;
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
        listing: Vec<(String, String)>,
    ) -> Result<Vec<usize>, Error> {
        let (config, listing): (Vec<_>, Vec<_>) =
            listing.into_iter().partition(|(path, _)| path == CONFIG);
        let (schemas, records): (Vec<_>, Vec<_>) = listing
            .into_iter()
            .partition(|(path, _)| path.starts_with("schemas/"));
        let schemas: Vec<(String, String)> = schemas
            .into_iter()
            .filter(|(path, _)| {
                path.ends_with(".schema.json") && !path["schemas/".len()..].contains('/')
            })
            .collect();
        let records: Vec<(String, String)> = records
            .into_iter()
            .filter(|(path, _)| path.starts_with("records/"))
            .collect();
        let schema_key: Vec<String> = schemas.iter().map(|(p, b)| format!("{p}:{b}")).collect();
        let known = self.schema_sets.get(&schema_key).copied();
        // Every blob the side needs is read by one git process, in this order: its schemas
        // when this set of schemas is new, its records not read yet (all of them, with a new
        // set of schemas), and its roster.toml.
        let new_schemas: &[(String, String)] = match known {
            None => &schemas,
            Some(_) => &[],
        };
        // Whether each record is read (not met yet with these schemas).
        let read: Vec<bool> = records
            .iter()
            .map(|(p, b)| {
                known.is_none_or(|set| !self.blobs.contains_key(&(format!("{set}:{p}"), b.clone())))
            })
            .collect();
        let ids: Vec<String> = new_schemas
            .iter()
            .chain(
                records
                    .iter()
                    .zip(&read)
                    .filter(|(_, &r)| r)
                    .map(|(e, _)| e),
            )
            .chain(&config)
            .map(|(_, blob)| blob.clone())
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
                        let bytes = fetched.next().expect("one blob per schema");
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
        for ((path, blob), read) in records.into_iter().zip(read) {
            let key = (format!("{set}:{path}"), blob);
            let index = match (read, self.blobs.get(&key)) {
                (false, Some(&index)) => index,
                _ => {
                    let bytes = fetched.next().expect("one blob per record read");
                    let index = corpus.add_bytes(&path, bytes, set);
                    self.blobs.insert(key, index);
                    index
                }
            };
            files.push(index);
        }
        self.config = match fetched.next() {
            None => None,
            Some(bytes) => Some(
                String::from_utf8(bytes)
                    .map_err(|_| Error::config(format!("`{CONFIG}` is not UTF-8")))?,
            ),
        };
        Ok(files)
    }
}

fn read_config(path: &Path) -> Result<Option<String>, Error> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("read", path, &e)),
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
