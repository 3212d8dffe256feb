//! Severity overrides: `roster.toml`, `--allow/--warn/--deny`, and `--as-of` parsing.

use std::fs;
use std::path::PathBuf;

mod common;
use common::roster_check as run;

/// A records tree with one Y003 warning (`en: NO`) and nothing else.
fn tree_with_a_warning() -> tempfile::TempDir {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let member = fs::read_to_string(
        manifest.join("tests/fixtures/rules/Y003/fail-yaml11-boolean/records/members/iom.yaml"),
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("records/members")).unwrap();
    fs::write(dir.path().join("records/members/iom.yaml"), member).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(manifest.join("schemas"), dir.path().join("schemas")).unwrap();
    dir
}

#[test]
fn a_warning_alone_exits_0() {
    let dir = tree_with_a_warning();
    let (status, stdout, _) = run(dir.path(), &[]);
    assert_eq!(status, 0);
    assert!(stdout.contains("warning[Y003]"), "{stdout}");
}

#[test]
fn deny_turns_a_warning_into_an_error() {
    let dir = tree_with_a_warning();
    let (status, stdout, _) = run(dir.path(), &["--deny", "Y003"]);
    assert_eq!(status, 1);
    assert!(stdout.contains("error[Y003]"), "{stdout}");
    // by name too
    let (status, _, _) = run(dir.path(), &["--deny", "ambiguous-scalar"]);
    assert_eq!(status, 1);
}

#[test]
fn allow_drops_the_findings() {
    let dir = tree_with_a_warning();
    let (status, stdout, _) = run(dir.path(), &["--allow", "Y003"]);
    assert_eq!(status, 0);
    assert!(stdout.starts_with("no problems found"), "{stdout}");
}

#[test]
fn roster_toml_sets_levels_and_the_command_line_wins() {
    let dir = tree_with_a_warning();
    fs::write(dir.path().join("roster.toml"), "[rules]\nY003 = \"deny\"\n").unwrap();
    let (status, stdout, _) = run(dir.path(), &[]);
    assert_eq!(status, 1, "{stdout}");
    let (status, _, _) = run(dir.path(), &["--warn", "Y003"]);
    assert_eq!(status, 0);
}

#[test]
fn unknown_codes_and_bad_config_exit_2() {
    let dir = tree_with_a_warning();
    let (status, _, stderr) = run(dir.path(), &["--deny", "Z999"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("no rule `Z999`"), "{stderr}");

    fs::write(dir.path().join("roster.toml"), "[rules]\nY003 = \"loud\"\n").unwrap();
    let (status, _, stderr) = run(dir.path(), &[]);
    assert_eq!(status, 2);
    assert!(stderr.contains("`roster.toml` is not valid"), "{stderr}");

    fs::write(dir.path().join("roster.toml"), "[rulez]\n").unwrap();
    let (status, _, _) = run(dir.path(), &[]);
    assert_eq!(status, 2);
}

#[test]
fn as_of_takes_a_full_date() {
    let dir = tree_with_a_warning();
    let (status, _, _) = run(dir.path(), &["--as-of", "2026-11-28"]);
    assert_eq!(status, 0);
    for bad in ["2026-11", "tomorrow"] {
        let (status, _, stderr) = run(dir.path(), &["--as-of", bad]);
        assert_eq!(status, 2, "{bad}");
        assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    }
    // A day of the right form that does not exist says so.
    let (status, _, stderr) = run(dir.path(), &["--as-of", "2026-02-30"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("`2026-02-30`: February 2026 has 28 days"),
        "{stderr}"
    );
}
