//! The conventions of a command-line tool, end to end: colour from the flag and the
//! environment (clap's help and errors included), `--quiet`, `--exit-zero`, `--deny warnings`,
//! `-o FILE`, the format chosen under GitHub Actions, shell completions, manual pages, and
//! `roster rule` drawn for a terminal.

mod common;
use common::{manifest_dir, roster_with, Run, Tree};

const IOM: &str = "records/members/iom.yaml";

/// A copy of the records with one error (S001, an unknown key) and one warning (Y003, an
/// unquoted `no`) in the IOM record.
fn error_and_warning() -> Tree {
    let tree = warning_only();
    tree.edit(IOM, |text| format!("{text}website: https://www.iom.int\n"));
    tree
}

/// A copy with one warning (Y003: IOM's French acronym written `no`, unquoted) and nothing
/// else.
fn warning_only() -> Tree {
    let tree = Tree::shipped();
    tree.replace(IOM, "  fr: OIM\n", "  fr: no\n");
    tree
}

fn roster(tree: &Tree, args: &[&str], vars: &[(&str, &str)]) -> Run {
    roster_with(tree.path(), args, vars)
}

fn coloured(text: &str) -> bool {
    text.contains('\u{1b}')
}

#[test]
fn colour_follows_the_flag_then_the_environment() {
    let tree = error_and_warning();
    let check = ["check"];
    // Not a terminal: no colour unless forced.
    assert!(!coloured(&roster(&tree, &check, &[]).stdout));
    for force in [("FORCE_COLOR", "1"), ("CLICOLOR_FORCE", "1")] {
        assert!(
            coloured(&roster(&tree, &check, &[force]).stdout),
            "{force:?}"
        );
        // NO_COLOR wins over forcing, and the flag over both.
        let both = [force, ("NO_COLOR", "1")];
        assert!(!coloured(&roster(&tree, &check, &both).stdout), "{force:?}");
        let never = ["check", "--color", "never"];
        assert!(
            !coloured(&roster(&tree, &never, &[force]).stdout),
            "{force:?}"
        );
    }
    assert!(!coloured(
        &roster(&tree, &check, &[("FORCE_COLOR", "0")]).stdout
    ));
    let always = ["check", "--color", "always"];
    assert!(coloured(
        &roster(&tree, &always, &[("NO_COLOR", "1")]).stdout
    ));
}

#[test]
fn clap_help_and_errors_follow_the_same_choice() {
    let tree = Tree::shipped();
    let force = [("FORCE_COLOR", "1")];
    let help = roster(&tree, &["check", "--help"], &force);
    help.assert_code(0);
    assert!(coloured(&help.stdout), "{}", help.stdout);
    let help = roster(&tree, &["--color", "never", "check", "--help"], &force);
    assert!(!coloured(&help.stdout), "{}", help.stdout);
    let help = roster(&tree, &["check", "--help", "--color=never"], &force);
    assert!(!coloured(&help.stdout), "{}", help.stdout);

    let error = roster(&tree, &["check", "--frobnicate"], &force);
    error.assert_code(2);
    assert!(coloured(&error.stderr), "{}", error.stderr);
    let error = roster(
        &tree,
        &["--color", "never", "check", "--frobnicate"],
        &force,
    );
    error.assert_code(2);
    assert!(!coloured(&error.stderr), "{}", error.stderr);
    let error = roster(&tree, &["check", "--frobnicate"], &[("NO_COLOR", "1")]);
    assert!(!coloured(&error.stderr), "{}", error.stderr);
}

#[test]
fn quiet_prints_the_errors_alone() {
    let tree = error_and_warning();
    let loud = tree.check(&[]);
    loud.assert_code(1);
    assert!(loud.stdout.contains("warning[Y003]"), "{}", loud.stdout);
    let quiet = tree.check(&["--quiet"]);
    quiet.assert_code(1);
    quiet.assert_finding("error[S001]", &tree.place_last(IOM, "website", 0));
    assert!(!quiet.stdout.contains("warning"), "{}", quiet.stdout);
    assert!(!quiet.stdout.contains("1 error in"), "{}", quiet.stdout);
    assert_eq!(
        quiet.stdout.matches("error[").count(),
        1,
        "{}",
        quiet.stdout
    );

    // Nothing at all without an error.
    let quiet = warning_only().check(&["-q"]);
    quiet.assert_code(0);
    assert_eq!(quiet.stdout, "");
}

#[test]
fn exit_zero_reports_and_passes() {
    let tree = error_and_warning();
    let run = tree.check(&["--exit-zero"]);
    run.assert_code(0);
    run.assert_finding("error[S001]", &tree.place_last(IOM, "website", 0));
    // roster failing is still exit 2.
    let run = tree.check(&["--exit-zero", "--format", "xml"]);
    run.assert_code(2);
}

#[test]
fn deny_warnings_fails_on_certain_warnings_only() {
    let tree = warning_only();
    tree.check(&[]).assert_code(0);
    let run = tree.check(&["--deny", "warnings"]);
    run.assert_code(1);
    run.assert_finding("error[Y003]", &tree.place(IOM, "fr: no", 4));

    // The shipped records hold uncertain findings: shown as warnings, they never fail.
    let shipped = Tree::shipped();
    let run = shipped.check(&["--uncertain", "--deny", "warnings"]);
    run.assert_code(0);
    assert!(run.stdout.contains("warning[T002]"), "{}", run.stdout);

    let run = shipped.check(&["--warn", "warnings"]);
    run.assert_code(2);
    assert!(run.stderr.contains("`--deny warnings`"), "{}", run.stderr);
}

#[test]
fn output_goes_to_the_file_named() {
    let tree = error_and_warning();
    let file = tree.path().join("report.json");
    let run = tree.check(&["--format", "json", "-o", file.to_str().unwrap()]);
    run.assert_code(1);
    assert_eq!(run.stdout, "");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["summary"]["errors"], 1);

    // A file gets colour only when asked for, whatever the environment says.
    let text = tree.path().join("report.txt");
    let out = ["check", "--output", text.to_str().unwrap()];
    roster(&tree, &out, &[("FORCE_COLOR", "1")]).assert_code(1);
    assert!(!coloured(&std::fs::read_to_string(&text).unwrap()));
    let always = [&out[..], &["--color", "always"]].concat();
    roster(&tree, &always, &[]).assert_code(1);
    assert!(coloured(&std::fs::read_to_string(&text).unwrap()));

    // When roster cannot do its job, no file is written.
    let none = tree.path().join("none.json");
    let failed = roster(
        &tree,
        &["check", "--root", "missing", "-o", none.to_str().unwrap()],
        &[],
    );
    failed.assert_code(2);
    assert!(!none.exists());
}

#[test]
fn github_actions_gets_annotations_then_the_human_report() {
    let tree = error_and_warning();
    let actions = [("GITHUB_ACTIONS", "true")];
    let run = roster(&tree, &["check", "--color", "never"], &actions);
    run.assert_code(1);
    // The annotations, then the report.
    let annotations: Vec<&str> = run
        .stdout
        .lines()
        .take_while(|line| line.starts_with("::"))
        .collect();
    assert_eq!(annotations.len(), 2, "{}", run.stdout);
    let error = "::error file=records/members/iom.yaml,line=23,";
    assert!(
        annotations.iter().any(|a| a.starts_with(error)),
        "{}",
        run.stdout
    );
    assert!(annotations.iter().any(|a| a.starts_with("::warning ")));
    run.assert_finding("error[S001]", &tree.place_last(IOM, "website", 0));

    // Quiet: the errors alone, in both.
    let quiet = roster(&tree, &["check", "-q", "--color", "never"], &actions);
    assert!(!quiet.stdout.contains("warning"), "{}", quiet.stdout);
    assert!(quiet.stdout.starts_with(error), "{}", quiet.stdout);

    // A format asked for is the format given; so is a file.
    let json = roster(&tree, &["check", "--format", "json"], &actions);
    assert!(json.stdout.starts_with('{'), "{}", json.stdout);
    let file = tree.path().join("out.txt");
    roster(&tree, &["check", "-o", file.to_str().unwrap()], &actions);
    assert!(!std::fs::read_to_string(&file).unwrap().contains("::"));
    // Elsewhere, or with GITHUB_ACTIONS other than `true`, the human report alone.
    let other = roster(&tree, &["check"], &[("GITHUB_ACTIONS", "false")]);
    assert!(!other.stdout.contains("::"), "{}", other.stdout);
    assert!(other.stdout.contains("error[S001]"), "{}", other.stdout);
}

#[test]
fn quiet_diff_says_it_with_the_exit_status() {
    let tree = Tree::shipped();
    tree.init_git();
    roster(&tree, &["diff", "-q", "--exit-code"], &[]).assert_code(0);
    tree.replace(IOM, "founded: 1951", "founded: 1950");
    let run = roster(&tree, &["diff", "-q", "--exit-code"], &[]);
    run.assert_code(1);
    assert_eq!(run.stdout, "");
    assert!(!roster(&tree, &["diff"], &[]).stdout.is_empty());
}

#[test]
fn completions_and_manual_pages_come_from_the_command_line() {
    let root = manifest_dir();
    let bash = roster_with(&root, &["completions", "bash"], &[]);
    bash.assert_code(0);
    assert!(bash.stdout.contains("_roster()"), "{}", bash.stdout);
    assert!(bash.stdout.contains("--staged"), "{}", bash.stdout);
    let zsh = roster_with(&root, &["completions", "zsh"], &[]);
    assert!(zsh.stdout.starts_with("#compdef roster"), "{}", zsh.stdout);
    let fish = roster_with(&root, &["completions", "fish"], &[]);
    assert!(
        fish.stdout.contains("complete -c roster"),
        "{}",
        fish.stdout
    );
    roster_with(&root, &["completions", "tcsh"], &[]).assert_code(2);

    let man = roster_with(&root, &["man"], &[]);
    man.assert_code(0);
    assert!(man.stdout.contains(".TH roster 1"), "{}", man.stdout);
    // Each command is named by its own page.
    assert!(
        man.stdout.contains("\nroster\\-check(1)\n"),
        "{}",
        man.stdout
    );
    let page = roster_with(&root, &["man", "check"], &[]);
    page.assert_code(0);
    assert!(
        page.stdout.contains(".TH roster-check 1"),
        "{}",
        page.stdout
    );
    assert!(page.stdout.contains("\\-\\-staged"), "{}", page.stdout);
    // The global options are on each command's page too.
    assert!(page.stdout.contains("\\-\\-color"), "{}", page.stdout);
    let none = roster_with(&root, &["man", "frobnicate"], &[]);
    none.assert_code(2);
    assert!(
        none.stderr.contains("no command `frobnicate`"),
        "{}",
        none.stderr
    );
}

#[test]
fn a_rule_is_drawn_for_a_terminal_and_kept_as_markdown_on_request() {
    let root = manifest_dir();
    let text = roster_with(&root, &["rule", "T005"], &[]);
    text.assert_code(0);
    assert!(
        text.stdout
            .starts_with("T005 irregular-term (error by default)\n"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("## "), "{}", text.stdout);
    assert!(
        text.stdout.contains("What it finds\n-------------\n"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("```"), "{}", text.stdout);

    let styled = roster_with(&root, &["rule", "T005", "--color", "always"], &[]);
    assert!(coloured(&styled.stdout), "{}", styled.stdout);

    let markdown = roster_with(&root, &["rule", "T005", "--format", "markdown"], &[]);
    markdown.assert_code(0);
    assert!(
        markdown.stdout.starts_with("# T005 irregular-term\n"),
        "{}",
        markdown.stdout
    );
    assert!(
        markdown.stdout.contains("\n## What it finds\n"),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("```yaml\n"), "{}", markdown.stdout);
}

/// Runs `roster ARGS` in `tree` on a terminal (util-linux's `script` gives it one), with `TERM`.
#[cfg(target_os = "linux")]
fn on_a_terminal(tree: &Tree, term: &str, args: &str) -> String {
    let roster = assert_cmd::cargo::cargo_bin("roster");
    let command = format!("{} {args}", roster.display());
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(tree.path())
        .env("TERM", term)
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CI")
        .output()
        .expect("util-linux's `script` runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[cfg(target_os = "linux")]
#[test]
fn a_terminal_gets_colour_unless_term_is_dumb() {
    let tree = error_and_warning();
    assert!(coloured(&on_a_terminal(&tree, "xterm-256color", "check")));
    assert!(!coloured(&on_a_terminal(&tree, "dumb", "check")));
    assert!(coloured(&on_a_terminal(
        &tree,
        "xterm-256color",
        "check --help"
    )));
    assert!(!coloured(&on_a_terminal(&tree, "dumb", "check --help")));
}
