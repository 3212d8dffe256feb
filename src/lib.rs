//! roster keeps the records of a governing body honest.
//!
//! The library reads a records repository, checks it against JSON Schemas and consistency rules,
//! and returns findings as values. It never prints: the `roster` binary (`src/cli/`) decides what
//! to show and how.
//!
//! Data flows one way:
//!
//! ```text
//! workspace (files on disk -> SourceFile with a line index)
//!   -> yaml    (text -> a tree of values, each with its span; Y-rules)
//!   -> schema  (tree, read as a JSON instance -> JSON Schema errors -> spans; S-rules)
//!   -> diag    (findings)
//!   -> report  (one file per output format)
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod at;
pub mod check;
pub mod config;
pub mod diag;
pub mod diff;
pub mod fasthash;
pub mod git;
pub mod instance;
pub mod model;
pub mod report;
pub mod revision;
pub mod rules;
pub mod schema;
pub mod source;
pub mod temporal;
pub mod workspace;
pub mod yaml;
pub mod yaml_fast;
