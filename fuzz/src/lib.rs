//! What the fuzz targets share: records trees made from the fuzzer's bytes, the shipped schemas
//! compiled once, and what every report must be, whatever the input.
//!
//! A tree is written as files separated by a NUL byte, each starting with its name on a line of
//! its own:
//!
//! ```text
//! records/group.yaml\n<bytes> \0 records/members/iom.yaml\n<bytes> \0 ...
//! ```
//!
//! and two trees, for `diff`, as the old one, two NUL bytes, and the new one. `seeds.py` writes
//! the seed inputs in this form from the shipped records.

use roster::check::{Corpus, Options, Side};
use roster::diag::{Diagnostic, Severity};
use roster::load::schema::Schemas;
use roster::report::check::{self as check_report, CheckReport, Format};
use roster::report::diff::{self as diff_report, DiffFormat};
use roster::report::RenderOptions;
use roster::source::Sources;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

/// The most files one tree holds: every kind of record and some members, few enough that an
/// execution stays quick.
const MAX_FILES: usize = 32;

/// A tree: each file's name and bytes.
pub type Tree = Vec<(String, Vec<u8>)>;

/// The files of a tree, each name once (the first file of a name counts).
pub fn tree(data: &[u8]) -> Tree {
    let mut names = HashSet::new();
    data.split(|&b| b == 0)
        .filter_map(|chunk| {
            let (name, bytes) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], &chunk[i + 1..]),
                None => (chunk, &[][..]),
            };
            let name = String::from_utf8_lossy(name).trim().to_string();
            (!name.is_empty() && names.insert(name.clone())).then(|| (name, bytes.to_vec()))
        })
        .take(MAX_FILES)
        .collect()
}

/// The old and the new tree: before and after the first two NUL bytes in a row (the same tree
/// twice when there are none).
pub fn two_trees(data: &[u8]) -> (Tree, Tree) {
    match data.windows(2).position(|w| w == [0, 0]) {
        Some(i) => (tree(&data[..i]), tree(&data[i + 2..])),
        None => (tree(data), tree(data)),
    }
}

/// The shipped schemas, compiled on the first call; each call gets a copy that shares them.
pub fn schemas() -> Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
            Schemas::load(&dir).expect("the shipped schemas compile")
        })
        .clone()
}

/// Adds a tree to the corpus, with its first schema set; returns the files' indexes.
pub fn add(corpus: &mut Corpus, tree: Tree) -> Vec<usize> {
    tree.into_iter()
        .map(|(name, bytes)| corpus.add_bytes(&name, bytes, 0))
        .collect()
}

/// Checks a tree as `roster check` does, and its reports in every format.
pub fn check(data: &[u8]) {
    let mut corpus = Corpus::new(schemas(), false);
    let files = add(&mut corpus, tree(data));
    corpus.parse_pending();
    let side: Side = corpus.take_side(&files, &Options::default());
    check_reports(&corpus.sources, &side.diagnostics);
}

/// Every label points into its file, and every format renders: JSON and SARIF parse, the
/// github format writes one line per finding.
pub fn check_reports(sources: &Sources, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let text = &sources.get(label.file).text;
            assert!(
                label.span.start <= label.span.end && label.span.end as usize <= text.len(),
                "{} label {:?} outside its file of {} bytes",
                d.rule.code,
                label.span,
                text.len()
            );
        }
    }
    let report = CheckReport::new(sources, diagnostics);
    // The human format three times: every finding in colour, at most two of each rule, and
    // the errors alone (--quiet).
    let every = RenderOptions {
        color: true,
        quiet: false,
        max_per_rule: 0,
    };
    let capped = RenderOptions {
        color: false,
        quiet: false,
        max_per_rule: 2,
    };
    let quiet = RenderOptions {
        quiet: true,
        ..capped
    };
    for (format, options) in [
        (Format::Human, every),
        (Format::Human, capped),
        (Format::Human, quiet),
        (Format::Json, capped),
        (Format::Github, capped),
        (Format::Sarif, capped),
        (Format::Junit, capped),
        (Format::Markdown, capped),
    ] {
        let mut out = Vec::new();
        check_report::render(format, &report, &options, &mut out).expect("renders to a Vec");
        let text = String::from_utf8(out).expect("reports are UTF-8");
        match format {
            Format::Json | Format::Sarif => {
                serde_json::from_str::<serde_json::Value>(&text).expect("JSON parses");
            }
            // One line per error and warning: uncertain findings (notes) are not annotations.
            Format::Github => assert_eq!(
                text.lines().count(),
                diagnostics
                    .iter()
                    .filter(|d| d.severity != Severity::Note)
                    .count()
            ),
            _ => {}
        }
    }
}

/// Compares two trees as `roster diff` does, and renders the report in every format.
pub fn diff(data: &[u8]) {
    let (old, new) = two_trees(data);
    let mut corpus = Corpus::new(schemas(), true);
    let old = add(&mut corpus, old);
    let new = add(&mut corpus, new);
    corpus.parse_pending();
    let (old_side, new_side) = corpus.two_sides(&old, &new, &Options::default());
    let report = roster::diff::compare(&corpus, &old_side, &new_side, "old", "new", true);
    for format in [
        DiffFormat::Human,
        DiffFormat::Markdown,
        DiffFormat::Json,
        DiffFormat::Html,
    ] {
        let mut out = Vec::new();
        diff_report::render(
            format,
            &report,
            &RenderOptions::default(),
            diff_report::Extras::default(),
            &mut out,
        )
        .expect("renders to a Vec");
        let text = String::from_utf8(out).expect("reports are UTF-8");
        match format {
            DiffFormat::Json => {
                serde_json::from_str::<serde_json::Value>(&text).expect("JSON parses");
            }
            DiffFormat::Markdown => assert!(
                text.chars().count() <= 65_536,
                "a Markdown report over GitHub's limit"
            ),
            DiffFormat::Html => assert!(
                text.starts_with("<!DOCTYPE html>") && text.trim_end().ends_with("</html>"),
                "an HTML report that is not a whole page"
            ),
            DiffFormat::Human => {}
        }
    }
}
