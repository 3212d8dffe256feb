//! `check`: read every record file of a workspace, apply the data-file policy and the schemas,
//! and return the files and the findings.
//!
//! Rules cross files, so a check always covers the whole of `records/`, whichever files the
//! caller names. The result is plain data: the CLI decides what to print and the exit code.

use crate::diag::{self, Diagnostic, Label};
use crate::rules;
use crate::schema::Schemas;
use crate::source::{Sources, Span};
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

/// Checks every record file of `workspace`.
pub fn check(workspace: &Workspace) -> Result<Outcome, Error> {
    let schemas = Schemas::load(&workspace.schemas)?;
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
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
        if !loaded.is_unreadable() {
            if let Some(document) = &loaded.document {
                diagnostics.extend(schemas.validate(kind, id, document));
            }
        }
        diagnostics.extend(loaded.diagnostics);
    }
    diag::sort(&mut diagnostics);
    Ok(Outcome {
        sources,
        diagnostics,
    })
}
