//! `roster check --format sarif` checked by Microsoft's SARIF validator, `sarif-multitool
//! validate` (npm package `@microsoft/sarif-multitool`, which `.ci/run` installs under
//! `$HOME/.cache/roster-ci/sarif`).
//!
//! Two reports are validated: the one for the shipped records (no results), and one for a copy
//! with planted errors, so that results, rules and related locations are all present.
//!
//! What the validator does and does not do, found by trying it (version 5.7.0):
//! - it exits 0 even when it reports errors, so its output is read for `error` lines;
//! - a file it cannot make sense of at all can yield no line whatsoever: a `level` outside
//!   `none|note|warning|error` silences every other finding in the file. So the test first
//!   checks that the validator flags a known-bad file, and checks the `level` values itself.
//!
//! The tests need the validator, so they are `#[ignore]`d: `cargo test` lists them as ignored,
//! and `.ci/run`, which installs the validator, runs them with `cargo test --test
//! sarif_validator -- --ignored`, where a missing validator is a failure.

use assert_cmd::Command;
use regex::Regex;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::Tree;

/// `sarif-multitool` on PATH, or where `.ci/run` installs it.
fn find_validator() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join("sarif-multitool"));
    let cached = std::env::var_os("HOME").map(|home| {
        Path::new(&home).join(".cache/roster-ci/sarif/node_modules/.bin/sarif-multitool")
    });
    on_path.chain(cached).find(|candidate| candidate.is_file())
}

/// The validator; a test that runs without it fails, saying how to install it.
fn validator() -> PathBuf {
    find_validator().expect(
        "sarif-multitool is not on PATH nor in $HOME/.cache/roster-ci/sarif: `.ci/run` \
         installs it, or `npm install --prefix \"$HOME/.cache/roster-ci/sarif\" \
         @microsoft/sarif-multitool@5.7.0`",
    )
}

/// Runs `sarif-multitool validate` on `sarif` and returns its exit status and output. The
/// file is passed by bare name from its own folder: the npm wrapper hands its arguments to a
/// shell.
fn validate(validator: &Path, sarif: &Path) -> (Option<i32>, String) {
    let output = std::process::Command::new(validator)
        .arg("validate")
        .arg(sarif.file_name().unwrap())
        .current_dir(sarif.parent().unwrap())
        .output()
        .expect("cannot run sarif-multitool");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}

/// The validator's error lines: `FILE(LINE,COL): error JSON1008: ...` for the file, or
/// `SARIF.MULTITOOL : error ERR997...: ...` for the tool itself.
fn error_lines(output: &str) -> Vec<&str> {
    let error = Regex::new(r":\s*error\s+[A-Z][A-Za-z0-9.]*\s*:").unwrap();
    output.lines().filter(|line| error.is_match(line)).collect()
}

/// Validates `sarif`, asserting exit 0, a completed analysis and no error line.
fn assert_valid(validator: &Path, sarif: &Path) {
    let (status, output) = validate(validator, sarif);
    assert_eq!(
        status,
        Some(0),
        "sarif-multitool validate failed on {}:\n{output}",
        sarif.display()
    );
    assert!(
        output.contains("Analysis completed successfully"),
        "sarif-multitool did not complete on {}:\n{output}",
        sarif.display()
    );
    let errors = error_lines(&output);
    assert!(
        errors.is_empty(),
        "sarif-multitool reports errors in {}:\n{}\n\nits whole output:\n{output}\n\nthe file:\n{}",
        sarif.display(),
        errors.join("\n"),
        fs::read_to_string(sarif).unwrap_or_default()
    );
}

/// The checks the validator cannot be trusted with: every `level` is one SARIF allows (an
/// unknown one makes the validator silently skip the file).
fn assert_levels_known(sarif: &Value) {
    const LEVELS: [&str; 4] = ["none", "note", "warning", "error"];
    for run in sarif["runs"].as_array().expect("runs is an array") {
        for rule in run["tool"]["driver"]["rules"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let level = &rule["defaultConfiguration"]["level"];
            if let Some(level) = level.as_str() {
                assert!(
                    LEVELS.contains(&level),
                    "rule {} has level {level}",
                    rule["id"]
                );
            }
        }
        for result in run["results"].as_array().into_iter().flatten() {
            if let Some(level) = result["level"].as_str() {
                assert!(LEVELS.contains(&level), "a result has level {level}");
            }
        }
    }
}

/// `roster check --format sarif`, with `current_dir` at the package root, and the expected
/// exit code; returns the report.
fn roster_sarif(extra: &[&str], expected_exit: i32) -> String {
    let output = Command::cargo_bin("roster")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "sarif"])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).expect("SARIF is UTF-8");
    assert_eq!(
        output.status.code(),
        Some(expected_exit),
        "roster check --format sarif {extra:?}\nstderr:\n{}\nstdout:\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
#[ignore = "needs the SARIF validator: .ci/run installs it and runs these with --ignored"]
fn the_validator_reports_a_known_bad_file() {
    let validator = validator();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.sarif");
    // Line 0 is below SARIF's minimum of 1.
    fs::write(
        &bad,
        r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "version": "1"}},
            "results": [{"ruleId": "A", "level": "error", "message": {"text": "m"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.yaml"},
            "region": {"startLine": 0}}}]}]}]}"#,
    )
    .unwrap();
    let (_, output) = validate(&validator, &bad);
    assert!(
        error_lines(&output)
            .iter()
            .any(|line| line.contains("startLine")),
        "sarif-multitool did not report the line 0 in a known-bad file; the test cannot \
         trust it:\n{output}"
    );
}

#[test]
#[ignore = "needs the SARIF validator: .ci/run installs it and runs these with --ignored"]
fn sarif_for_the_shipped_records_is_valid() {
    let validator = validator();
    let sarif = roster_sarif(&[], 0);
    let value: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    assert_levels_known(&value);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shipped.sarif");
    fs::write(&file, &sarif).unwrap();
    assert_valid(&validator, &file);
}

#[test]
#[ignore = "needs the SARIF validator: .ci/run installs it and runs these with --ignored"]
fn sarif_with_results_rules_and_related_locations_is_valid() {
    let validator = validator();
    let copy = Tree::shipped();
    let iom = "records/members/iom.yaml";
    // A duplicate key (Y002, with the first occurrence as a related location), an impossible
    // month and a key the schema does not know (S001), and a second unknown key that a comment
    // silences (a result with an in-source suppression).
    copy.replace(iom, "  en: IOM\n", "  en: IOM\n  en: OIM\n");
    copy.replace(
        iom,
        "founded: 1951\n",
        "founded: 1951-13\nwebsite: iom.int\n\
         mandate: migration  # roster: allow S001 -- kept until the schema names it\n",
    );

    let sarif = roster_sarif(&["--root", copy.path().to_str().unwrap()], 1);
    let value: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    assert_levels_known(&value);
    let run = &value["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(!rules.is_empty(), "no rules in the report:\n{sarif}");
    for code in ["Y002", "S001"] {
        assert!(
            results.iter().any(|r| r["ruleId"] == code),
            "no {code} result in the report:\n{sarif}"
        );
    }
    assert!(
        results.iter().any(|r| r["relatedLocations"]
            .as_array()
            .is_some_and(|related| !related.is_empty())),
        "no result with relatedLocations in the report:\n{sarif}"
    );
    assert!(
        results
            .iter()
            .any(|r| r["suppressions"][0]["kind"] == "inSource"),
        "no suppressed result in the report:\n{sarif}"
    );
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["region"]["snippet"]["text"].is_string(),
            "{result}"
        );
        assert!(
            location["contextRegion"]["snippet"]["text"].is_string(),
            "{result}"
        );
        assert!(result["partialFingerprints"].is_object(), "{result}");
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("planted.sarif");
    fs::write(&file, &sarif).unwrap();
    assert_valid(&validator, &file);
}
