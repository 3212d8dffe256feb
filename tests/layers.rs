//! The library's modules form layers, and each may use only the layers below it (see
//! `docs/architecture.md`). This test reads every file under `src/` and fails on a `crate::`
//! path that points up the layers, or sideways between two modules of the bottom layer, so a
//! dependency circle cannot come back unnoticed. Comments are not read: a doc link to a higher
//! module is not a dependency.

use std::fs;
use std::path::Path;

mod common;
use common::manifest_dir;

/// The layers, bottom first. Modules of one layer may not use each other.
const LAYERS: &[&[&str]] = &[
    &["error", "source", "temporal", "catalogue", "parallel"],
    &["diag"],
    &["load"],
    &["model"],
    &["rules"],
    &["check"],
    &["diff"],
    &["at", "init", "timeline", "export"],
    &["report", "site"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level modules that `text` (a file of module `module`) names with `crate::`,
/// outside comments, each with its line.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_group = false;
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("").trim();
        if code.is_empty() {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{diag::Label, model::Dataset};`
                for item in group.split([',', '}']) {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((i + 1, name));
                    }
                }
                in_group = !group.contains('}');
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((i + 1, name));
        }
        if in_group && !code.contains("crate::") {
            // The next lines of a `use crate::{` group spread over several lines.
            for item in code.split([',', '}']) {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((i + 1, name));
                }
            }
            if code.contains('}') {
                in_group = false;
            }
        }
    }
    out
}

/// Every use in `text`, a file of `module`, that breaks the layering: `(line, used module)`.
fn violations(module: &str, text: &str) -> Vec<(usize, String)> {
    let Some(own) = layer_of(module) else {
        return Vec::new();
    };
    uses(text)
        .into_iter()
        .filter(|(_, used)| used != module && used != "self")
        .filter(|(_, used)| layer_of(used).is_some_and(|layer| layer >= own))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = manifest_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        if layer_of(&module).is_none() {
            // lib.rs, main.rs and cli/ sit on top of everything.
            assert!(
                ["lib", "main", "cli"].contains(&module.as_str()),
                "src/{} belongs to no layer: add its module to LAYERS and to docs/architecture.md",
                relative.display()
            );
            continue;
        }
        let text = fs::read_to_string(path).unwrap();
        for (line, used) in violations(&module, &text) {
            problems.push(format!(
                "src/{}:{line}: `{module}` uses `crate::{used}`, which is not below it",
                relative.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_layered_module_exists() {
    for module in LAYERS.iter().flat_map(|l| l.iter()) {
        let src = manifest_dir().join("src");
        assert!(
            src.join(format!("{module}.rs")).is_file() || src.join(module).join("mod.rs").is_file(),
            "LAYERS names `{module}`, which is not a module of src/"
        );
    }
}

#[test]
fn an_import_up_the_layers_is_caught() {
    assert_eq!(
        violations("load", "use crate::rules::Context;\n"),
        vec![(1, "rules".to_string())]
    );
    assert_eq!(
        violations("load", "use crate::{diag::Label,\n    rules::CHECKS};\n"),
        vec![(2, "rules".to_string())]
    );
    assert_eq!(
        violations("temporal", "fn f() { crate::source::Span::at(0); }\n"),
        vec![(1, "source".to_string())]
    );
    assert!(violations(
        "rules",
        "use crate::model::Dataset;\nuse crate::load::tree::Node;\n"
    )
    .is_empty());
    // A doc link is not a dependency.
    assert!(violations("diag", "//! See [`crate::check`].\n").is_empty());
}
