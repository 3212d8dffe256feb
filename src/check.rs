//! `check`: read every record file of a workspace, apply the data-file policy and the schemas,
//! and return the files and the findings.
//!
//! Rules cross files, so a check always covers the whole of `records/`, whichever files the
//! caller names. The result is plain data: the CLI decides what to print and the exit code.

use crate::diag::{self, Diagnostic, Label};
use crate::model::{Dataset, Input};
use crate::rules::{self, Context};
use crate::schema::Schemas;
use crate::source::{Sources, Span};
use crate::temporal::Day;
use crate::workspace::{self, Error, Workspace};
use crate::yaml;

/// What one check found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub sources: Sources,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == diag::Severity::Error)
    }
}

/// What a check may be told.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// "Today" for the rules that need it (`--as-of`).
    pub as_of: Option<Day>,
    /// Severity overrides from `roster.toml` and the command line.
    pub levels: crate::config::Levels,
}

/// Checks every record file of `workspace`.
pub fn check(workspace: &Workspace, options: &Options) -> Result<Outcome, Error> {
    let (mut outcome, data) = load(workspace)?;
    outcome
        .diagnostics
        .extend(rules::run(&Context::new(&data, options.as_of)));
    crate::config::apply_silences(&outcome.sources, &mut outcome.diagnostics);
    options.levels.apply(&mut outcome.diagnostics);
    diag::sort(&mut outcome.diagnostics);
    Ok(outcome)
}

/// Reads every record file of `workspace` into the model, with the findings of reading them
/// (Y- and S-rules) but before the R- and T-rules run.
pub fn load(workspace: &Workspace) -> Result<(Outcome, Dataset), Error> {
    let schemas = Schemas::load(&workspace.schemas)?;
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let mut documents = Vec::new();
    for entry in workspace.list()? {
        let Some(kind) = entry.kind else {
            let id = sources.add(crate::source::SourceFile::new(
                entry.name.clone(),
                &entry.path,
                String::new(),
            ));
            let what = if entry.is_dir { "folder" } else { "file" };
            diagnostics.push(
                Diagnostic::new(
                    &rules::S002,
                    format!("`{}` is not a kind of record roster knows", entry.name),
                    Label::new(id, Span::at(0), format!("unknown {what}")),
                )
                .with_help(
                    "records live in `records/{group,chairs,working-groups,documents,sources}.yaml` and `records/members/<id>.yaml`: move, rename or delete this one",
                ),
            );
            continue;
        };
        let (id, unreadable) = workspace::read_into(&mut sources, &entry.name, &entry.path)?;
        if let Some(d) = unreadable {
            diagnostics.push(d);
            continue;
        }
        let loaded = yaml::load(id, sources.get(id));
        let readable = !loaded.is_unreadable();
        diagnostics.extend(loaded.diagnostics);
        if let (true, Some(document)) = (readable, loaded.document) {
            diagnostics.extend(schemas.validate(kind, id, &document));
            documents.push((id, kind, entry.name, document));
        }
    }
    let inputs: Vec<Input> = documents
        .iter()
        .map(|(file, kind, name, document)| Input {
            file: *file,
            kind: *kind,
            name,
            document,
        })
        .collect();
    let data = Dataset::build(&inputs);
    Ok((
        Outcome {
            sources,
            diagnostics,
        },
        data,
    ))
}
