//! Reading records: from files on disk or blobs in git to validated trees with spans.
//!
//! Everything that turns bytes into something the model can be built from lives here, and
//! nothing here knows about the consistency rules: the loader reports only the rules of reading
//! a file (Y-rules for YAML, S-rules for schemas and layout), by pointing at them in the
//! [`crate::catalogue`].
//!
//! - [`workspace`]: where the records repository is, which files it holds and what kind each
//!   is, and reading them under the byte-level policy (size limit, UTF-8);
//! - [`yaml`]: the YAML loader (text -> a [`tree`] of nodes, each with its span), with
//!   [`yaml_fast`], a fast reader for the plain subset record files are written in, and
//!   [`scalar`], how plain scalars resolve;
//! - [`schema`]: JSON Schema validation of a tree, read in place through [`instance`];
//! - [`git`]: revisions, trees, the index and blobs, read with the `git` program.

pub mod git;
pub mod instance;
pub mod scalar;
pub mod schema;
pub mod tree;
pub mod workspace;
pub mod yaml;
pub mod yaml_fast;
