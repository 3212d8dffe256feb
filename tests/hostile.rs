//! Hostile trees (issue 12): links out of the records and into devices, pipes, unreadable files,
//! closed output streams, hostile git configuration and schemas that do not compile. Each test
//! states the exit code and the first line roster must give, and runs roster with a deadline,
//! so that a hang fails the test instead of stalling the suite.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

mod common;
use common::{git, manifest_dir, outcome, roster_within, Run, Tree};
use roster::report::text::thousands;

/// Far more than any of these runs needs, even in a debug build on a busy machine; a run that
/// takes longer is hanging.
const DEADLINE: Duration = Duration::from_secs(20);

/// Runs `roster ARGS` in `dir` with the deadline.
fn roster(dir: &Path, args: &[&str]) -> Run {
    roster_within(dir, args, DEADLINE)
}

fn check(tree: &Tree, args: &[&str]) -> Run {
    roster(
        tree.path(),
        &[&["check", "--color", "never"], args].concat(),
    )
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

const S003_LINK_HELP: &str = "roster never follows a link";

#[test]
fn a_link_to_dev_zero_is_reported_and_not_read() {
    let tree = Tree::shipped();
    symlink("/dev/zero", tree.path().join("records/members/zero.yaml")).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(1);
    assert_eq!(
        first_line(&run.stdout),
        "error[S003]: `records/members/zero.yaml` is a symbolic link to `/dev/zero`, not a regular file"
    );
    assert!(run.stdout.contains(S003_LINK_HELP), "{}", run.stdout);
    // The other commands that read the records do not read it either.
    let at = roster(tree.path(), &["at", "2010-09-01"]);
    at.assert_code(0);
    let diff = roster(
        tree.path(),
        &[
            "diff",
            "--old-dir",
            manifest_dir().to_str().unwrap(),
            "--new-dir",
            tree.path().to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    diff.assert_code(0);
    assert!(
        diff.stdout.contains("is a symbolic link to `/dev/zero`"),
        "{}",
        diff.stdout
    );
}

#[test]
fn a_link_out_of_the_tree_never_shows_what_it_points_to() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    fs::write(&secret, "TOKEN: hunter2-secret\n").unwrap();
    let tree = Tree::shipped();
    symlink(&secret, tree.path().join("records/members/env.yaml")).unwrap();
    for format in ["human", "json", "github", "sarif", "junit", "markdown"] {
        let run = check(&tree, &["--format", format]);
        run.assert_code(1);
        assert!(
            !run.stdout.contains("hunter2") && !run.stderr.contains("hunter2"),
            "{format} shows what the link points to:\n{}",
            run.stdout
        );
    }
    let run = check(&tree, &[]);
    assert_eq!(
        first_line(&run.stdout),
        format!(
            "error[S003]: `records/members/env.yaml` is a symbolic link to `{}`, not a regular file",
            secret.display()
        )
    );
}

#[test]
fn a_link_inside_the_tree_is_reported_too() {
    let tree = Tree::shipped();
    symlink("iom.yaml", tree.path().join("records/members/oim.yaml")).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(1);
    assert_eq!(
        first_line(&run.stdout),
        "error[S003]: `records/members/oim.yaml` is a symbolic link to `iom.yaml`, not a regular file"
    );
    // A linked folder is not walked: its records are not read (no R001 for IOM twice).
    let tree = Tree::shipped();
    symlink("members", tree.path().join("records/more")).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(1);
    assert_eq!(
        first_line(&run.stdout),
        "error[S003]: `records/more` is a symbolic link to `members`, not a regular file"
    );
    assert!(!run.stdout.contains("R001"), "{}", run.stdout);
}

#[test]
fn a_named_pipe_and_a_socket_are_reported_and_never_opened() {
    let tree = Tree::shipped();
    let fifo = tree.path().join("records/members/fifo.yaml");
    let made = Process::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let _socket =
        std::os::unix::net::UnixListener::bind(tree.path().join("records/members/sock.yaml"))
            .unwrap();
    // Nobody ever writes to the pipe: a reader would wait forever.
    let run = check(&tree, &[]);
    run.assert_code(1);
    assert_eq!(
        first_line(&run.stdout),
        "error[S003]: `records/members/fifo.yaml` is a named pipe (FIFO), not a regular file"
    );
    run.assert_finding("error[S003]", "records/members/sock.yaml:1:1");
    assert!(
        run.stdout
            .contains("`records/members/sock.yaml` is a socket, not a regular file"),
        "{}",
        run.stdout
    );
    roster(tree.path(), &["at", "2010-09-01"]).assert_code(0);
}

#[test]
fn a_schema_that_is_a_link_or_a_pipe_is_a_tool_error() {
    let tree = Tree::shipped();
    let schema = tree.path().join("schemas/defs.schema.json");
    fs::remove_file(&schema).unwrap();
    symlink("/dev/zero", &schema).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        "error: schema `schemas/defs.schema.json` is a symbolic link to `/dev/zero`: roster reads only regular files"
    );
    fs::remove_file(&schema).unwrap();
    assert!(Process::new("mkfifo")
        .arg(&schema)
        .status()
        .unwrap()
        .success());
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        "error: schema `schemas/defs.schema.json` is a named pipe (FIFO): roster reads only regular files"
    );
}

#[test]
fn a_configuration_that_is_a_link_or_a_pipe_is_a_tool_error_not_a_hang() {
    let tree = Tree::shipped();
    let config = tree.path().join("roster.toml");
    symlink("/dev/zero", &config).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        "error: `roster.toml` is a symbolic link to `/dev/zero`: roster reads only regular files"
    );
    fs::remove_file(&config).unwrap();
    assert!(Process::new("mkfifo")
        .arg(&config)
        .status()
        .unwrap()
        .success());
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        "error: `roster.toml` is a named pipe (FIFO): roster reads only regular files"
    );
    // A configuration larger than any real one is refused, not read to the end.
    fs::remove_file(&config).unwrap();
    fs::write(&config, "# padding\n".repeat(200_000)).unwrap();
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert!(
        first_line(&run.stderr).contains("`roster.toml` is over the 1024 KiB"),
        "{}",
        run.stderr
    );
}

/// Runs `roster check` where it cannot read a file of mode 000: as it is, or, when this
/// process is root (which reads any file), through `setpriv` without the capabilities that let
/// root do so. `None` when neither is possible.
fn check_unprivileged(tree: &Tree) -> Option<Run> {
    let roster = assert_cmd::cargo::cargo_bin("roster");
    let root = fs::read(tree.path().join("records/members/iom.yaml")).is_ok();
    let mut command = if root {
        let mut command = Process::new("setpriv");
        command
            .args(["--bounding-set=-all", "--inh-caps=-all"])
            .arg(&roster);
        command
    } else {
        Process::new(&roster)
    };
    command
        .current_dir(tree.path())
        .args(["check", "--color", "never"])
        .env_remove("NO_COLOR");
    let output = assert_cmd::Command::from_std(command)
        .timeout(DEADLINE)
        .output()
        .ok()?;
    let (code, stdout, stderr) = outcome(&output);
    if root && stderr.starts_with("setpriv:") {
        return None;
    }
    Some(Run {
        code,
        stdout,
        stderr,
    })
}

#[test]
fn an_unreadable_file_is_a_tool_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let tree = Tree::shipped();
    let file = tree.path().join("records/members/iom.yaml");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    let Some(run) = check_unprivileged(&tree) else {
        eprintln!("skipped: this process cannot make a file unreadable (root without setpriv)");
        return;
    };
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        format!(
            "error: cannot read `{}`: Permission denied (os error 13)",
            file.display()
        )
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// A repository holding a copy of the shipped records, committed once on `main`.
fn repository() -> Tree {
    let tree = Tree::shipped();
    git(tree.path(), &["init", "-q", "-b", "main"]);
    git(tree.path(), &["add", "-A"]);
    git(tree.path(), &["commit", "-q", "-m", "records as shipped"]);
    tree
}

#[test]
fn a_link_in_a_revision_is_a_link_not_a_record() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    fs::write(&secret, "TOKEN: hunter2-secret\n").unwrap();
    let tree = repository();
    symlink(&secret, tree.path().join("records/members/env.yaml")).unwrap();
    symlink("/dev/zero", tree.path().join("records/members/zero.yaml")).unwrap();
    git(tree.path(), &["add", "-A"]);
    let staged = roster(tree.path(), &["diff", "--staged", "--format", "json"]);
    staged.assert_code(0);
    git(tree.path(), &["commit", "-q", "-m", "links"]);
    let run = roster(tree.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    run.assert_code(0);
    assert!(!run.stdout.contains("hunter2"), "{}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let index: serde_json::Value = serde_json::from_str(&staged.stdout).unwrap();
    assert_eq!(report["consequences"], index["consequences"]);
    let introduced: Vec<&str> = report["consequences"]["introduced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        introduced,
        [
            format!(
                "`records/members/env.yaml` is a symbolic link to `{}`, not a regular file",
                secret.display()
            ),
            "`records/members/zero.yaml` is a symbolic link to `/dev/zero`, not a regular file"
                .to_string(),
        ]
    );
    let human = roster(tree.path(), &["diff", "HEAD~1", "HEAD"]);
    human.assert_code(0);
    assert!(!human.stdout.contains("hunter2"), "{}", human.stdout);
    roster(tree.path(), &["log"]).assert_code(0);
}

/// Runs `roster ARGS` in `dir` with stderr (and stdout, if `both`) a pipe whose reader is
/// already gone, as in `roster check 2>&1 | head -5` once `head` has exited; returns the exit
/// code.
fn with_closed_output(dir: &Path, args: &[&str], both: bool) -> i32 {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut command = Process::new(assert_cmd::cargo::cargo_bin("roster"));
    command.current_dir(dir).args(args);
    if both {
        command.stdout(writer.try_clone().unwrap());
    }
    command.stderr(writer);
    let output = assert_cmd::Command::from_std(command)
        .timeout(DEADLINE)
        .output()
        .unwrap();
    output.status.code().expect("exited, not killed")
}

#[test]
fn a_closed_stderr_ends_roster_quietly_with_its_exit_code() {
    let missing = tempfile::tempdir().unwrap();
    // The tool failing: its message is lost, its exit code is not.
    assert_eq!(
        with_closed_output(missing.path(), &["check"], false),
        2,
        "a failure whose message cannot be written"
    );
    // Findings, with both streams closed.
    let tree = Tree::shipped();
    let many: String = (0..3000).map(|i| format!("k{i}: NO\n")).collect();
    tree.write("records/members/iom.yaml", &many);
    assert_eq!(with_closed_output(tree.path(), &["check"], true), 1);
    assert_eq!(
        with_closed_output(tree.path(), &["check", "--format", "json"], true),
        1
    );
    // Bad arguments, reported by the argument parser.
    assert_eq!(
        with_closed_output(tree.path(), &["check", "--format", "xml"], true),
        2
    );
    let repository = repository();
    assert_eq!(with_closed_output(repository.path(), &["log"], true), 0);
    let run = roster(missing.path(), &["check"]);
    run.assert_code(2);
    assert!(
        first_line(&run.stderr).starts_with("error: no records repository found at or above `"),
        "{}",
        run.stderr
    );
}

/// A repository of the shipped records with a second commit changing one member, and a third
/// change staged.
fn repository_with_history() -> Tree {
    let tree = repository();
    tree.replace(
        "records/members/iom.yaml",
        "joined: 2003-04",
        "joined: 2003-05",
    );
    git(tree.path(), &["commit", "-q", "-am", "IOM joined in May"]);
    tree.replace(
        "records/members/iom.yaml",
        "joined: 2003-05",
        "joined: 2003-06",
    );
    git(tree.path(), &["add", "-A"]);
    tree
}

fn append_config(tree: &Tree, text: &str) {
    use std::io::Write;
    let mut config = fs::OpenOptions::new()
        .append(true)
        .open(tree.path().join(".git/config"))
        .unwrap();
    config.write_all(text.as_bytes()).unwrap();
}

#[test]
fn a_hostile_mailmap_is_not_read() {
    let tree = repository_with_history();
    // A mailmap in the object store that would rename the author.
    let outside = tempfile::tempdir().unwrap();
    let blob = {
        let file = outside.path().join("mallory.mailmap");
        fs::write(&file, "Mallory <m@example.org>\n").unwrap();
        git(tree.path(), &["hash-object", "-w", file.to_str().unwrap()])
    };
    append_config(
        &tree,
        &format!("[mailmap]\n\tfile = /dev/urandom\n\tblob = {blob}\n[log]\n\tmailmap = true\n"),
    );
    let head = git(tree.path(), &["rev-parse", "--short=10", "HEAD"]);
    let run = roster(tree.path(), &["log", "--color", "never"]);
    run.assert_code(0);
    assert_eq!(
        first_line(&run.stdout),
        format!("commit {head}  2026-01-01T12:00:00Z  Maintainer")
    );
}

/// A marker script: running it leaves a file named after it in `dir`.
fn marker(dir: &Path, name: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "#!/bin/sh\ntouch '{}'\ncat >/dev/null 2>&1\n",
            dir.join(format!("ran-{name}")).display()
        ),
    )
    .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[test]
fn a_hostile_repository_configuration_runs_nothing_and_reads_nothing_else() {
    let tree = repository_with_history();
    let bin = tempfile::tempdir().unwrap();
    let hooks = bin.path().join("hooks");
    fs::create_dir(&hooks).unwrap();
    for hook in [
        "post-index-change",
        "post-checkout",
        "reference-transaction",
        "pre-auto-gc",
        "post-rewrite",
        "fsmonitor-watchman",
    ] {
        marker(&hooks, hook);
    }
    fs::write(tree.path().join(".gitattributes"), "* diff=x filter=x\n").unwrap();
    git(tree.path(), &["add", ".gitattributes"]);
    let m = |name: &str| marker(bin.path(), name);
    append_config(
        &tree,
        &format!(
            "[core]\n\tfsmonitor = {}\n\thooksPath = {}\n\tsshCommand = {}\n\taskPass = {}\n\
             \tpager = {}\n\teditor = {}\n\tattributesFile = /dev/urandom\n\texcludesFile = /dev/urandom\n\
             [credential]\n\thelper = {}\n[gpg]\n\tprogram = {}\n[gpg \"ssh\"]\n\tprogram = {}\n\
             [log]\n\tshowSignature = true\n[diff]\n\texternal = {}\n[diff \"x\"]\n\ttextconv = {}\n\
             [filter \"x\"]\n\tclean = {}\n\tsmudge = {}\n\tprocess = {}\n[pager]\n\tlog = {}\n\
             [remote \"origin\"]\n\turl = ext::{}\n\tpromisor = true\n[protocol]\n\tallow = always\n",
            m("fsmonitor"),
            hooks.display(),
            m("ssh"),
            m("askpass"),
            m("pager"),
            m("editor"),
            m("credential"),
            m("gpg"),
            m("gpg-ssh"),
            m("external-diff"),
            m("textconv"),
            m("clean"),
            m("smudge"),
            m("process"),
            m("log-pager"),
            m("remote"),
        ),
    );
    for args in [
        &["diff", "HEAD~1", "HEAD"][..],
        &["diff", "--staged"],
        &["diff", "main...HEAD"],
        &["diff"],
        &["log"],
        &["log", "--format", "json"],
    ] {
        let run = roster(tree.path(), &[&["--color", "never"], args].concat());
        run.assert_code(0);
    }
    let ran: Vec<String> = fs::read_dir(bin.path())
        .unwrap()
        .chain(fs::read_dir(&hooks).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("ran-"))
        .collect();
    assert!(ran.is_empty(), "git ran {ran:?}");
}

#[test]
fn a_configuration_git_cannot_finish_reading_is_named() {
    let tree = repository_with_history();
    let outside = tempfile::tempdir().unwrap();
    let fifo = outside.path().join("config.fifo");
    assert!(Process::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    append_config(&tree, &format!("[include]\n\tpath = {}\n", fifo.display()));
    let run = roster(tree.path(), &["diff", "HEAD~1", "HEAD"]);
    run.assert_code(2);
    assert!(
        first_line(&run.stderr)
            .starts_with("error: git did not answer within 5 s when asked for the repository at `"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_schema_that_does_not_compile_is_named_by_the_file_that_holds_the_bad_part() {
    let tree = Tree::shipped();
    tree.replace(
        "schemas/defs.schema.json",
        r#""pattern": "^[a-z]{2}$""#,
        r#""pattern": "^[a-z{2}$""#,
    );
    let run = check(&tree, &[]);
    run.assert_code(2);
    let first = first_line(&run.stderr);
    assert!(
        first.starts_with(
            "error: schema `schemas/defs.schema.json` does not compile at `/$defs/language/pattern`: \"^[a-z{2}$\" is not a \"regex\" (used by `schemas/"
        ),
        "{first}"
    );
    // In the kind's own schema, that schema is named alone.
    let tree = Tree::shipped();
    tree.edit("schemas/member.schema.json", |text| {
        text.replacen(
            r#""properties": {"#,
            r#""properties": {"nickname": {"type": "string", "pattern": "(("},"#,
            1,
        )
    });
    let run = check(&tree, &[]);
    run.assert_code(2);
    assert_eq!(
        first_line(&run.stderr),
        "error: schema `schemas/member.schema.json` does not compile at `/properties/nickname/pattern`: \"((\" is not a \"regex\""
    );
}

#[test]
fn identical_findings_are_capped_in_what_people_read_and_listed_in_full_for_machines() {
    let tree = Tree::shipped();
    // Each line is an unknown key (S001) with a YAML 1.1 boolean (Y003).
    let many: String = (0..2000).map(|i| format!("k{i}: NO\n")).collect();
    tree.write("records/members/iom.yaml", &many);
    let json = check(&tree, &["--format", "json"]);
    json.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = report["diagnostics"].as_array().unwrap();
    let count = |code: &str| findings.iter().filter(|d| d["code"] == code).count();
    assert!(count("S001") > 2000 && count("Y003") == 2000);

    let run = check(&tree, &[]);
    run.assert_code(1);
    for (code, severity) in [("S001", "error"), ("Y003", "warning")] {
        assert_eq!(
            run.stdout.matches(&format!("{severity}[{code}]")).count(),
            50
        );
        let line = format!(
            "note: and {} more {code} findings: `--format json` lists them all",
            thousands(count(code) - 50)
        );
        assert!(run.stdout.contains(&line), "{line}:\n{}", run.stdout);
    }
    let markdown = check(&tree, &["--format", "markdown", "--max-per-rule", "5"]);
    assert_eq!(markdown.stdout.matches("| `S001` |").count(), 5);
    let line = format!(
        "And {} more S001 findings: `--format json` lists them all.",
        thousands(count("S001") - 5)
    );
    assert!(markdown.stdout.contains(&line), "{}", markdown.stdout);
    let all = check(&tree, &["--max-per-rule", "0"]);
    assert_eq!(all.stdout.matches("error[S001]").count(), count("S001"));
    assert!(!all.stdout.contains("more S001 findings"));

    // GitHub shows the first annotations only: errors come first, and every finding is there.
    let github = check(&tree, &["--format", "github"]);
    let lines: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(lines.len(), findings.len());
    let errors = findings.iter().filter(|d| d["severity"] == "error").count();
    assert!(lines[..errors].iter().all(|l| l.starts_with("::error ")));
    assert!(lines[errors..].iter().all(|l| l.starts_with("::warning ")));
}

#[test]
fn a_long_value_is_not_quoted_in_full() {
    let tree = Tree::shipped();
    // A list of 2,000 repeated items and an id of 20,000 characters.
    let long_id = "x".repeat(20_000);
    let items: String = (0..2000).map(|_| "  - NO\n").collect();
    tree.write(
        "records/members/iom.yaml",
        &format!("id: {long_id}\nsources:\n{items}"),
    );
    let run = check(&tree, &["--max-per-rule", "0"]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("error[S001]: the list at `/sources` repeats an item"),
        "{}",
        &run.stdout[..2000]
    );
    // The schema's findings quote at most 100 characters of a value. (What the R- and T-rules
    // quote is theirs to cut.)
    let longest = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("error[S001]"))
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest < 300, "an S001 line of {longest} bytes");
}
