//! roster keeps the records of a governing body honest.
//!
//! The library reads a records repository, checks it against JSON Schemas and consistency rules,
//! and returns findings as values. It never prints: the `roster` binary (`src/cli/`) decides what
//! to show and how.
//!
//! The modules form layers, each using only those below it (a test, `tests/layers.rs`, keeps it
//! so; `docs/architecture.md` draws the picture):
//!
//! ```text
//! cli (the binary)        arguments, printing, environment, exit codes
//! report, site            one renderer per output format; the records as a static website
//! at, init, timeline,     the state of the records on one day; a new records tree; the
//! export                  records drawn as an SVG; the records for other tools (JSON, CSV,
//!                         Popolo)
//! diff                    change reports: sides, matching, field changes, consequences, history
//! check                   the corpus of files, severity policy, check()
//! rules                   the R- and T-checks over the model
//! model                   typed records
//! load                    workspace, YAML, schemas, git: bytes to validated trees
//! diag                    findings
//! error, source, temporal, catalogue
//!                         the tool's errors, text and positions, dates, the rule catalogue
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod at;
pub mod catalogue;
pub mod check;
pub mod diag;
pub mod diff;
pub mod error;
pub mod export;
pub mod init;
pub mod load;
pub mod model;
pub mod parallel;
pub mod report;
pub mod rules;
pub mod site;
pub mod source;
pub mod temporal;
pub mod timeline;
