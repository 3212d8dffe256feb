//! What the integration tests share: where the repository is, and copies of the shipped
//! records that a test may change freely.
#![allow(dead_code)] // each test crate uses its own part of this module

use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree (no symlinks in it are followed specially: they are copied as files).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of the shipped `records/` and `schemas/`.
pub fn shipped_copy() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("records"), &dir.path().join("records"));
    copy_dir(&manifest_dir().join("schemas"), &dir.path().join("schemas"));
    dir
}

/// Runs `roster check --color never ARGS` in `root`; returns (exit code, stdout, stderr).
pub fn roster_check(root: &Path, args: &[&str]) -> (i32, String, String) {
    let output = assert_cmd::Command::cargo_bin("roster")
        .unwrap()
        .current_dir(root)
        .env_remove("NO_COLOR")
        .args(["check", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    outcome(&output)
}

/// A finished run as (exit code, stdout, stderr).
pub fn outcome(output: &std::process::Output) -> (i32, String, String) {
    (
        output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
