//! `check`: read every record file, apply the data-file policy and the schemas, build the
//! model, run the rules, and return the files and the findings.
//!
//! Reading is done one file at a time by a [`Corpus`], which keeps for each file its findings
//! (Y- and S-rules) and the model of that file alone, and reads a file only once however many
//! revisions hold it: `roster diff` and `roster log` put several revisions in one corpus, and a
//! file unchanged between them costs nothing the second time. A *side* is then a set of files:
//! their models are merged and the R- and T-rules run over the whole, because rules cross files.
//! The result is plain data: the CLI decides what to print and the exit code.

use crate::catalogue::Rule;
use crate::diag::{self, Diagnostic};
use crate::error::Error;
use crate::load::schema::Schemas;
use crate::load::workspace::Workspace;
use crate::model::Dataset;
use crate::source::Sources;
use crate::temporal::Day;

mod corpus;
pub mod policy;
mod silences;

pub use corpus::{Corpus, FileResult, Side};
pub use silences::Silenced;

/// What one check found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings that comments silenced, each with its comment.
    pub silenced: Vec<Silenced>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics
        .iter()
        .any(|d| d.severity == diag::Severity::Error)
}

/// What a check may be told.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// "Today" for the rules that need it (`--as-of`).
    pub as_of: Option<Day>,
    /// Severity overrides from `roster.toml` and the command line.
    pub levels: policy::Levels,
    /// Only these rules, when set: only their checks run and only their findings are kept
    /// (the tests of one rule use it to see that rule alone).
    pub only: Option<Vec<&'static Rule>>,
}

/// Checks every record file of `workspace`.
pub fn check(workspace: &Workspace, options: &Options) -> Result<Outcome, Error> {
    check_with(workspace, Schemas::load(&workspace.schemas)?, options)
}

/// Checks every record file of `workspace` that git shows ([`Workspace::seen_by_git`]), as
/// `roster check` does in a work tree. The schemas are compiled on another thread while git
/// lists the files: the two take about as long, and neither needs the other.
pub fn check_seen_by_git(workspace: Workspace, options: &Options) -> Result<Outcome, Error> {
    let dir = workspace.schemas.clone();
    let (workspace, schemas) = std::thread::scope(|scope| {
        let schemas = scope.spawn(|| Schemas::load(&dir));
        let workspace = workspace.seen_by_git();
        let schemas = schemas
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (workspace, schemas)
    });
    // Git's error first, as when the files were listed before the schemas were compiled.
    let workspace = workspace?;
    check_with(&workspace, schemas?, options)
}

fn check_with(
    workspace: &Workspace,
    schemas: Schemas,
    options: &Options,
) -> Result<Outcome, Error> {
    let mut corpus = Corpus::new(schemas, false);
    let files = corpus.add_workspace(workspace)?;
    corpus.parse_pending();
    let side = corpus.take_side(&files, options);
    Ok(Outcome {
        sources: corpus.sources,
        diagnostics: side.diagnostics,
        silenced: side.silenced,
    })
}

/// Reads every record file of `workspace` into the model, with the findings of reading them
/// (Y- and S-rules) but before the R- and T-rules run.
pub fn load(workspace: &Workspace) -> Result<(Outcome, Dataset), Error> {
    let mut corpus = Corpus::new(Schemas::load(&workspace.schemas)?, false);
    let files = corpus.add_workspace(workspace)?;
    corpus.parse_pending();
    let (diagnostics, data) = corpus.take(&files);
    Ok((
        Outcome {
            sources: corpus.sources,
            diagnostics,
            silenced: Vec::new(),
        },
        data,
    ))
}
