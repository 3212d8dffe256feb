//! History: what each commit that touched the records changed, and what it broke or fixed
//! (`roster log`).
//!
//! Every state of the records in the range is a side of a change report: the records as the
//! commit left them, against the records as its first parent had them. The work is shared so
//! that a long history costs little more than reading it:
//!
//! - what each commit changed comes from one `git diff-tree` for the whole history, the id of
//!   each commit's `records/` tree from one `git cat-file --batch-check`, and every version of
//!   every file from one `git cat-file --batch`;
//! - each file version is parsed, validated and modelled once, whatever number of states hold
//!   it;
//! - a state is its parent's with the commit's changed files swapped in, and its rules run once:
//!   a commit's new side is the next commit's old side. States are known by their tree id, so a
//!   parent that no listed commit produced (the base of the range, or a commit that touched
//!   only other folders after a merge) is listed from git once.

use super::Report;
use crate::catalogue::Rule;
use crate::check::{Corpus, Options, Side};
use crate::error::Error;
use crate::load::git::Repo;
use crate::load::schema;
use crate::load::workspace::Contents;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The changes of each commit that touched the records, newest first (`roster log`); its JSON
/// is documented in `docs/log-output.md`.
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
    /// The changes against the first parent (against nothing for a root commit), with their
    /// consequences, as `roster diff PARENT COMMIT` gives them.
    pub report: Report,
}

impl CommitChanges {
    /// Whether the commit brought a finding of `rule`: new, new under a silence, or made
    /// certain.
    pub fn introduced(&self, rule: &Rule) -> bool {
        let c = &self.report.consequences;
        let is = |f: &super::Finding| f.code == rule.code;
        c.introduced.iter().any(is)
            || c.under_silence.iter().any(is)
            || c.became_certain.iter().any(|change| is(&change.now))
    }

    /// Whether the commit fixed or silenced a finding of `rule`.
    pub fn fixed(&self, rule: &Rule) -> bool {
        let c = &self.report.consequences;
        let is = |f: &super::Finding| f.code == rule.code;
        c.fixed.iter().any(is) || c.silenced.iter().any(is)
    }
}

/// What [`walk`] is doing, for a caller that shows progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading `versions` file versions of `commits` commits out of git.
    Reading { commits: usize, versions: usize },
    /// Parsing `files` files of `commits` commits.
    Parsing { commits: usize, files: usize },
    /// Running the rules on the records as `done` of `commits` commits left them.
    Checking { commits: usize, done: usize },
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

/// A state of the records: each file's path and its version in the corpus, by path.
type State = BTreeMap<String, usize>;

/// The files of a commit's `records/` tree listed from git, `(path, blob id)`, under the
/// tree's id.
type Listing = (Option<String>, Vec<(String, String)>);

/// The changes and consequences of each commit in `range` that touched `records/` or
/// `schemas/`, newest first, each against its first parent. Every version is read with the
/// schemas in `schemas_dir` (those of the working tree) and the rules run with `options`, so
/// that a commit is judged by today's rules: what changed between two states is what matters.
pub fn walk(
    repo: &Repo,
    range: &str,
    schemas_dir: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Walk, Error> {
    let commits = repo.commits(range, &["records", "schemas"])?;
    let pairs: Vec<(String, Option<String>)> = commits
        .iter()
        .map(|c| (c.id.clone(), c.parents.first().cloned()))
        .collect();
    let changed = repo.changed_files(&pairs, &["records"])?;

    // The tree of `records/` of each commit and of its first parent.
    let mut asked: Vec<String> = Vec::with_capacity(commits.len() * 2);
    for (commit, parent) in &pairs {
        asked.push(commit.clone());
        asked.extend(parent.iter().cloned());
    }
    let trees: HashMap<String, Option<String>> = asked
        .iter()
        .cloned()
        .zip(repo.folder_trees(&asked, "records")?)
        .collect();
    let tree = |id: Option<&String>| id.and_then(|id| trees.get(id).cloned().flatten());

    // Oldest first: which parents hold a state that no earlier commit in the range produced,
    // and must be listed from git whole.
    let mut produced: std::collections::HashSet<Option<String>> = [None].into();
    let mut listed: Vec<Listing> = Vec::new();
    for (commit, parent) in pairs.iter().rev() {
        let before = tree(parent.as_ref());
        if !produced.contains(&before) {
            let parent = parent.as_ref().expect("a root commit starts from nothing");
            listed.push((before.clone(), repo.tree_files(parent, &["records"])?));
            produced.insert(before);
        }
        produced.insert(tree(Some(commit)));
    }

    let mut wanted: Vec<String> = changed
        .iter()
        .flatten()
        .flat_map(|(_, old, new)| old.iter().chain(new).cloned())
        .chain(
            listed
                .iter()
                .flat_map(|(_, files)| files.iter().map(|(_, b)| b.clone())),
        )
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    progress(Progress::Reading {
        commits: commits.len(),
        versions: wanted.len(),
    });
    let blobs: HashMap<String, Contents> = wanted
        .iter()
        .cloned()
        .zip(repo.read_blobs(&wanted)?)
        .collect();
    let mut corpus = Corpus::empty(true);
    let schemas = corpus.schema_set(schema::texts_for(schemas_dir)?)?;
    let mut added: HashMap<(String, String), usize> = HashMap::new();
    let mut add = |corpus: &mut Corpus, path: &str, blob: &str| {
        *added
            .entry((path.to_string(), blob.to_string()))
            .or_insert_with(|| {
                let contents = blobs
                    .get(blob)
                    .cloned()
                    .unwrap_or(Contents::Bytes(Vec::new()));
                corpus.add_contents(path, contents, schemas)
            })
    };
    let mut states: HashMap<Option<String>, State> = HashMap::new();
    states.insert(None, State::new());
    for (key, files) in &listed {
        let state = files
            .iter()
            .map(|(path, blob)| (path.clone(), add(&mut corpus, path, blob)))
            .collect();
        states.insert(key.clone(), state);
    }
    // Each commit's file changes as versions in the corpus: `(path, new version or None)`.
    let steps: Vec<Vec<(String, Option<usize>)>> = changed
        .iter()
        .map(|files| {
            files
                .iter()
                .map(|(path, _, new)| {
                    (
                        path.clone(),
                        new.as_ref().map(|b| add(&mut corpus, path, b)),
                    )
                })
                .collect()
        })
        .collect();
    drop(blobs);
    progress(Progress::Parsing {
        commits: commits.len(),
        files: corpus.results.len(),
    });
    corpus.parse_pending();

    // How many more times each state is needed as a side, so that its side is dropped after
    // its last use.
    let mut uses: HashMap<Option<String>, usize> = HashMap::new();
    for (commit, parent) in &pairs {
        *uses.entry(tree(parent.as_ref())).or_default() += 1;
        *uses.entry(tree(Some(commit))).or_default() += 1;
    }
    let mut sides: HashMap<Option<String>, Side> = HashMap::new();
    let mut reports: Vec<Report> = Vec::with_capacity(commits.len());
    for (n, ((commit, parent), step)) in pairs.iter().zip(&steps).enumerate().rev() {
        let (before, after) = (tree(parent.as_ref()), tree(Some(commit)));
        if !states.contains_key(&after) {
            let mut state = states[&before].clone();
            for (path, version) in step {
                match version {
                    Some(v) => state.insert(path.clone(), *v),
                    None => state.remove(path),
                };
            }
            states.insert(after.clone(), state);
        }
        for key in [&before, &after] {
            if !sides.contains_key(key) {
                let files: Vec<usize> = states[key].values().copied().collect();
                sides.insert(key.clone(), corpus.side_of(&files, options));
            }
        }
        let old_label = parent.as_deref().map_or("nothing", short);
        reports.push(super::compare(
            &corpus,
            &sides[&before],
            &sides[&after],
            old_label,
            short(commit),
            true,
        ));
        for key in [before, after] {
            let left = uses.get_mut(&key).expect("counted above");
            *left -= 1;
            if *left == 0 {
                sides.remove(&key);
                states.remove(&key);
            }
        }
        progress(Progress::Checking {
            commits: commits.len(),
            done: commits.len() - n,
        });
    }
    reports.reverse();
    let history = History {
        version: super::VERSION,
        commits: commits
            .into_iter()
            .zip(reports)
            .map(|(commit, report)| CommitChanges {
                id: commit.id,
                parents: commit.parents,
                author: commit.author,
                date: commit.date,
                subject: commit.subject,
                report,
            })
            .collect(),
    };
    Ok(Walk { history, corpus })
}
