//! What the integration tests share: where the repository is, copies of a records tree that a
//! test may change freely, running `roster` on them, and finding where a planted change is.
//!
//! The harness for a planted error: [`Tree::shipped`] (or [`Tree::copy_of`]) makes a copy,
//! [`Tree::replace`] plants one change, [`Tree::place`] says where a finding about it must point
//! (`file:line:col`, computed from the edited text so the tests keep working when the records
//! grow), [`Tree::check`] runs `roster check`, and [`Run::assert_finding`] asserts the finding.
#![allow(dead_code)] // each test crate uses its own part of this module

pub mod svg;

use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree. A symlink is copied as what it points to.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A member the shipped records do not have, valid on its own: it joined after the period they
/// cover, so no member count moves when it is added. `tests/pre-commit/` adds it too.
pub const GFMD: &str = include_str!("../fixtures/gfmd.yaml");

/// A temporary copy of the shipped `records/` and `schemas/`.
pub fn shipped_copy() -> TempDir {
    Tree::shipped().dir
}

/// Runs `roster check --color never ARGS` in `root`; returns (exit code, stdout, stderr).
pub fn roster_check(root: &Path, args: &[&str]) -> (i32, String, String) {
    let run = roster(root, &[&["check", "--color", "never"], args].concat());
    (run.code, run.stdout, run.stderr)
}

/// Runs `roster ARGS` in `root`, with `NO_COLOR` unset.
pub fn roster(root: &Path, args: &[&str]) -> Run {
    run_roster(root, args, &[], None)
}

/// The same, killed after `deadline`, so that a run that hangs fails its test instead of
/// stalling the suite.
pub fn roster_within(root: &Path, args: &[&str], deadline: std::time::Duration) -> Run {
    run_roster(root, args, &[], Some(deadline))
}

/// Runs `roster ARGS` in `root` with these variables set, and with none of the variables that
/// would colour the output or change its format, nor git's global configuration (a
/// developer's global ignore file must not decide what a test sees).
pub fn roster_with(root: &Path, args: &[&str], vars: &[(&str, &str)]) -> Run {
    run_roster(root, args, vars, None)
}

fn run_roster(
    root: &Path,
    args: &[&str],
    vars: &[(&str, &str)],
    deadline: Option<std::time::Duration>,
) -> Run {
    let mut command = assert_cmd::Command::cargo_bin("roster").unwrap();
    command.current_dir(root);
    for name in [
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "GITHUB_ACTIONS",
        "GIT_INDEX_FILE",
        "GIT_DIR",
    ] {
        command.env_remove(name);
    }
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for (name, value) in vars {
        command.env(name, value);
    }
    if let Some(deadline) = deadline {
        command.timeout(deadline);
    }
    let output = command.args(args).output().unwrap();
    let (code, stdout, stderr) = outcome(&output);
    Run {
        code,
        stdout,
        stderr,
    }
}

/// Runs git in `dir` with no configuration but the repository's own, a fixed author and date,
/// so that commit ids are the same on every run; returns what it printed, trimmed.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, "2026-01-01T12:00:00+00:00", args)
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

/// 1-based `(line, column)` of the first occurrence of `needle` in `text`, columns counted in
/// characters.
pub fn place_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    line_col(text, at)
}

/// 1-based `(line, column)` of byte `at` in `text`, columns counted in characters.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// A temporary records tree (`records/` and `schemas/`) that a test changes freely.
pub struct Tree {
    pub dir: TempDir,
}

impl Tree {
    /// A copy of the shipped records and schemas.
    pub fn shipped() -> Tree {
        Tree::copy_of(&manifest_dir())
    }

    /// A copy of the records under `root`, with `root`'s `schemas/` folder when it has one (a
    /// tree without one is checked against the schemas built into roster).
    pub fn copy_of(root: &Path) -> Tree {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root.join("records"), &dir.path().join("records"));
        let schemas = root.join("schemas");
        if schemas.is_dir() {
            copy_dir(&schemas, &dir.path().join("schemas"));
        }
        Tree { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, file: &str) -> String {
        fs::read_to_string(self.path().join(file)).unwrap()
    }

    pub fn write(&self, file: &str, text: &str) -> &Tree {
        let path = self.path().join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Replaces the one occurrence of `from` in `file` by `to`. Panics unless `from` occurs
    /// exactly once, so a planted error is never silently not planted when the records change.
    pub fn replace(&self, file: &str, from: &str, to: &str) -> &Tree {
        let text = self.read(file);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} should occur once in {file}"
        );
        self.write(file, &text.replacen(from, to, 1))
    }

    /// Rewrites `file` with `edit`, which must change it.
    pub fn edit(&self, file: &str, edit: impl FnOnce(&str) -> String) -> &Tree {
        let text = self.read(file);
        let edited = edit(&text);
        assert_ne!(edited, text, "the edit of {file} changed nothing");
        self.write(file, &edited)
    }

    /// `file:line:col` of the first `needle` in `file`, `skip` characters into it.
    pub fn place(&self, file: &str, needle: &str, skip: usize) -> String {
        let (line, column) = place_of(&self.read(file), needle);
        format!("{file}:{line}:{}", column + skip)
    }

    /// `file:line:col` of the last `needle` in `file`, `skip` characters into it.
    pub fn place_last(&self, file: &str, needle: &str, skip: usize) -> String {
        let text = self.read(file);
        let at = text
            .rfind(needle)
            .unwrap_or_else(|| panic!("{needle:?} not found in {file}"));
        let (line, column) = line_col(&text, at);
        format!("{file}:{line}:{}", column + skip)
    }

    /// `file:line:col` of the first `needle` at or after the first line of `file` that
    /// contains `anchor`.
    pub fn place_after(&self, file: &str, anchor: &str, needle: &str) -> String {
        let text = self.read(file);
        let from = text
            .lines()
            .position(|l| l.contains(anchor))
            .unwrap_or_else(|| panic!("no line of {file} contains {anchor:?}"));
        for (i, line) in text.lines().enumerate().skip(from) {
            if let Some(byte) = line.find(needle) {
                let col = line[..byte].chars().count() + 1;
                return format!("{file}:{}:{col}", i + 1);
            }
        }
        panic!("no {needle:?} after {anchor:?} in {file}");
    }

    /// `roster check --color never ARGS` on this tree.
    pub fn check(&self, args: &[&str]) -> Run {
        roster(
            self.path(),
            &[&["check", "--color", "never"], args].concat(),
        )
    }

    /// Makes the tree a git repository with everything committed.
    pub fn init_git(&self) -> &Tree {
        self.git(&["init", "-q", "-b", "main"]);
        self.commit_all("records")
    }

    /// Stages and commits everything.
    pub fn commit_all(&self, message: &str) -> &Tree {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self
    }

    /// Runs git in the tree, isolated from the machine's configuration; returns its output.
    pub fn git(&self, args: &[&str]) -> String {
        git(self.path(), args)
    }
}

/// What a run of `roster` gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing the output when it differs.
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The finding (a block of the human output) that starts with `header` (`error[T006]`)
    /// and whose first location is `place` (`file:line:col`); panics, showing the output,
    /// when there is none.
    pub fn assert_finding(&self, header: &str, place: &str) -> &str {
        let arrow = format!("--> {place}");
        self.stdout
            .split("\n\n")
            .find(|block| {
                let mut lines = block.lines();
                lines.next().is_some_and(|l| l.starts_with(header))
                    && lines.next().is_some_and(|l| l.trim_start() == arrow)
            })
            .unwrap_or_else(|| panic!("expected {header} at {place}:\n{}", self.stdout))
    }
}

/// A git repository holding the shipped records and schemas, committed once on `main` at
/// `date`.
pub fn shipped_repo(date: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("records"), &dir.path().join("records"));
    copy_dir(&manifest_dir().join("schemas"), &dir.path().join("schemas"));
    git_at(dir.path(), date, &["init", "-q", "-b", "main"]);
    git_at(dir.path(), date, &["add", "-A"]);
    git_at(
        dir.path(),
        date,
        &["commit", "-q", "-m", "records as shipped"],
    );
    dir
}

/// Runs git in `dir` as [`git`] does, with these variables set too (`GIT_INDEX_FILE`, say).
pub fn git_env(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> String {
    git_with(dir, "2026-01-01T12:00:00+00:00", args, vars)
}

/// Runs git in `dir` as [`git`] does, with commits dated `date`.
pub fn git_at(dir: &Path, date: &str, args: &[&str]) -> String {
    git_with(dir, date, args, &[])
}

fn git_with(dir: &Path, date: &str, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Maintainer")
        .env("GIT_AUTHOR_EMAIL", "m@example.org")
        .env("GIT_COMMITTER_NAME", "Maintainer")
        .env("GIT_COMMITTER_EMAIL", "m@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.args(args).output().unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
