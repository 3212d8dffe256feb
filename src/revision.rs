//! Sides of a change report: a git revision, the index, the working tree or a folder, read into
//! one [`Corpus`].
//!
//! A git side is read without touching the repository: the tree is listed, then every blob
//! under `records/` and `schemas/` that the corpus has not met yet is read in one batch. Blobs
//! are remembered by path and id, so a history of a thousand commits reads and parses each
//! version of each file once.

use crate::check::Corpus;
use crate::git::Repo;
use crate::schema;
use crate::workspace::{Error, Workspace};
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
pub struct Reader {
    pub root: PathBuf,
    repo: Option<Repo>,
    /// `(path, blob id)` -> result index in the corpus (records) .
    blobs: HashMap<(String, String), usize>,
    /// Schema blob ids of a tree -> schema set index.
    schema_sets: HashMap<Vec<String>, usize>,
}

const FOLDERS: &[&str] = &["records", "schemas"];

impl Reader {
    pub fn new(root: &Path) -> Reader {
        Reader {
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
        let (schemas, records): (Vec<_>, Vec<_>) = listing
            .into_iter()
            .partition(|(path, _)| path.starts_with("schemas/"));
        let schemas: Vec<(String, String)> = schemas
            .into_iter()
            .filter(|(path, _)| {
                path.ends_with(".schema.json") && !path["schemas/".len()..].contains('/')
            })
            .collect();
        let schema_key: Vec<String> = schemas.iter().map(|(p, b)| format!("{p}:{b}")).collect();
        let set = match self.schema_sets.get(&schema_key) {
            Some(&set) => set,
            None => {
                if schemas.is_empty() {
                    return Err(Error(
                        "this revision has no `schemas/*.schema.json`: roster needs the schemas to read the records".into(),
                    ));
                }
                let ids: Vec<String> = schemas.iter().map(|(_, b)| b.clone()).collect();
                let blobs = self.repo()?.read_blobs(&ids)?;
                let mut texts = Vec::new();
                for ((path, _), bytes) in schemas.iter().zip(blobs) {
                    let text = String::from_utf8(bytes)
                        .map_err(|_| Error(format!("schema `{path}` is not UTF-8")))?;
                    texts.push((path["schemas/".len()..].to_string(), text));
                }
                let set = corpus.schema_set(texts)?;
                self.schema_sets.insert(schema_key, set);
                set
            }
        };
        let records: Vec<(String, String)> = records
            .into_iter()
            .filter(|(path, _)| path.starts_with("records/"))
            .collect();
        let missing: Vec<String> = records
            .iter()
            .filter(|(p, b)| !self.blobs.contains_key(&(format!("{set}:{p}"), b.clone())))
            .map(|(_, b)| b.clone())
            .collect();
        let mut fetched = if missing.is_empty() {
            Vec::new()
        } else {
            self.repo()?.read_blobs(&missing)?
        }
        .into_iter();
        let mut files = Vec::with_capacity(records.len());
        for (path, blob) in records {
            let key = (format!("{set}:{path}"), blob);
            let index = match self.blobs.get(&key) {
                Some(&index) => index,
                None => {
                    let bytes = fetched.next().expect("one blob per missing file");
                    let index = corpus.add_bytes(&path, bytes, set);
                    self.blobs.insert(key, index);
                    index
                }
            };
            files.push(index);
        }
        Ok(files)
    }
}

fn read_folder(corpus: &mut Corpus, dir: &Path) -> Result<Vec<usize>, Error> {
    let workspace = Workspace::at(dir)?;
    let set = corpus.schema_set(schema::read_texts(&workspace.schemas)?)?;
    corpus.add_workspace_with(&workspace, set)
}
