//! History: the changes of each commit that touched the records (`roster log`).

use super::Report;
use crate::check::{Corpus, Side};
use crate::error::Error;
use crate::load::git::Repo;
use crate::load::schema;
use crate::model::Dataset;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// The changes of each commit that touched the records, newest first (`roster log`).
#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub version: u32,
    pub commits: Vec<CommitChanges>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitChanges {
    pub id: String,
    pub parents: Vec<String>,
    pub author: String,
    /// Author date, ISO 8601.
    pub date: String,
    pub subject: String,
    /// The changes against the first parent (against nothing for a root commit); the
    /// report's `consequences` are empty: `roster log` reports record changes only.
    pub report: Report,
}

/// What [`walk`] is doing, for a caller that shows progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading `versions` file versions of `commits` commits out of git.
    Reading { commits: usize, versions: usize },
    /// Parsing `files` files of `commits` commits.
    Parsing { commits: usize, files: usize },
}

/// The history and what it was made from. The corpus holds every version of every file: a
/// program about to end may `std::mem::forget` a `Walk` after using its history.
pub struct Walk {
    pub history: History,
    pub corpus: Corpus,
}

fn short(id: &str) -> &str {
    &id[..id.len().min(10)]
}

/// The record changes of each commit in `range` that touched `records/` or `schemas/`, newest
/// first, each against its first parent. What each commit changed comes from one `git
/// diff-tree` for the whole history and every version of every changed record file from one
/// `git cat-file --batch`; each version is parsed once. A commit's records are compared with
/// its parent's, so what a record holds is all that matters: every version is read with the
/// schemas in `schemas_dir` (those of the working tree).
pub fn walk(
    repo: &Repo,
    range: &str,
    schemas_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Walk, Error> {
    let commits = repo.commits(range, &["records", "schemas"])?;
    let pairs: Vec<(String, Option<String>)> = commits
        .iter()
        .map(|c| (c.id.clone(), c.parents.first().cloned()))
        .collect();
    let changed = repo.changed_files(&pairs, &["records"])?;
    let mut wanted: Vec<String> = changed
        .iter()
        .flatten()
        .flat_map(|(_, old, new)| old.iter().chain(new).cloned())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    progress(Progress::Reading {
        commits: commits.len(),
        versions: wanted.len(),
    });
    let mut blobs: HashMap<String, Vec<u8>> = wanted
        .iter()
        .cloned()
        .zip(repo.read_blobs(&wanted)?)
        .collect();
    let mut corpus = Corpus::empty(true);
    let schemas = corpus.schema_set(schema::read_texts(schemas_dir)?)?;
    let add = |corpus: &mut Corpus, path: &str, blob: &Option<String>| {
        blob.as_ref().map(|id| {
            let bytes = blobs.get(id).cloned().unwrap_or_default();
            corpus.add_bytes(path, bytes, schemas)
        })
    };
    let mut sides = Vec::with_capacity(commits.len());
    for files in &changed {
        let old: Vec<usize> = files
            .iter()
            .filter_map(|(p, o, _)| add(&mut corpus, p, o))
            .collect();
        let new: Vec<usize> = files
            .iter()
            .filter_map(|(p, _, n)| add(&mut corpus, p, n))
            .collect();
        sides.push((old, new));
    }
    blobs.clear();
    progress(Progress::Parsing {
        commits: commits.len(),
        files: corpus.results.len(),
    });
    corpus.parse_pending();
    // Record changes only: the sides need no rule run, so their findings and models stay empty.
    let side = |files: Vec<usize>| Side {
        files,
        diagnostics: Vec::new(),
        silenced: Vec::new(),
        data: Dataset::default(),
    };
    let mut history = History {
        version: super::VERSION,
        commits: Vec::with_capacity(commits.len()),
    };
    for (commit, (old, new)) in commits.iter().zip(sides) {
        let old_label = commit
            .parents
            .first()
            .map_or("nothing".to_string(), |p| short(p).to_string());
        let report = super::compare(
            &corpus,
            &side(old),
            &side(new),
            &old_label,
            short(&commit.id),
            false,
        );
        history.commits.push(CommitChanges {
            id: commit.id.clone(),
            parents: commit.parents.clone(),
            author: commit.author.clone(),
            date: commit.date.clone(),
            subject: commit.subject.clone(),
            report,
        });
    }
    Ok(Walk { history, corpus })
}
