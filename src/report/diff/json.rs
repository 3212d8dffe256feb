//! JSON output of `roster diff`: the [`Report`] as it is, pretty-printed, with its keys in the
//! order of the struct fields. The shape is versioned and documented in `docs/diff-output.md`.

use crate::diff::Report;
use std::io;

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
