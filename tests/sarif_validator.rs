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
//! Without the validator the tests print that they were skipped and pass, except under CI
//! (`CI=true`), where `.ci/run` installs it and a missing validator is a failure.

use assert_cmd::Command;
use regex::Regex;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_dir, manifest_dir};

/// True under CI, where the validator must be there.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

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

/// The validator, or `None` after saying the test is skipped. Fails under CI.
fn validator_or_skip(test: &str) -> Option<PathBuf> {
    let found = find_validator();
    if found.is_none() {
        assert!(
            !in_ci(),
            "sarif-multitool not found on PATH nor in $HOME/.cache/roster-ci/sarif: under CI \
             .ci/run installs it, so its absence is a failure"
        );
        // Straight to stderr, past the test harness's capture, so that the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "{test}: skipped, sarif-multitool is not installed (`.ci/run` installs it; or \
             `npm install --prefix \"$HOME/.cache/roster-ci/sarif\" @microsoft/sarif-multitool`)"
        );
    }
    found
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

/// Replaces `from` by `to` once in `text`, failing if `from` is not there (the shipped record
/// changed and the planted error would silently not be planted).
fn plant(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "cannot plant an error: `{from}` not found"
    );
    text.replacen(from, to, 1)
}

#[test]
fn the_validator_reports_a_known_bad_file() {
    let Some(validator) = validator_or_skip("the_validator_reports_a_known_bad_file") else {
        return;
    };
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
fn sarif_for_the_shipped_records_is_valid() {
    let Some(validator) = validator_or_skip("sarif_for_the_shipped_records_is_valid") else {
        return;
    };
    let sarif = roster_sarif(&[], 0);
    let value: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    assert_levels_known(&value);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shipped.sarif");
    fs::write(&file, &sarif).unwrap();
    assert_valid(&validator, &file);
}

#[test]
fn sarif_with_results_rules_and_related_locations_is_valid() {
    let Some(validator) =
        validator_or_skip("sarif_with_results_rules_and_related_locations_is_valid")
    else {
        return;
    };
    let copy = tempfile::tempdir().unwrap();
    copy_dir(
        &manifest_dir().join("records"),
        &copy.path().join("records"),
    );
    copy_dir(
        &manifest_dir().join("schemas"),
        &copy.path().join("schemas"),
    );
    let iom = copy.path().join("records/members/iom.yaml");
    let text = fs::read_to_string(&iom).unwrap();
    // A duplicate key (Y002, with the first occurrence as a related location), an impossible
    // month and a key the schema does not know (S001).
    let text = plant(&text, "  en: IOM\n", "  en: IOM\n  en: OIM\n");
    let text = plant(
        &text,
        "founded: 1951\n",
        "founded: 1951-13\nwebsite: iom.int\n",
    );
    fs::write(&iom, text).unwrap();

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

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("planted.sarif");
    fs::write(&file, &sarif).unwrap();
    assert_valid(&validator, &file);
}
