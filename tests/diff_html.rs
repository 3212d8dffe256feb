//! `roster diff --format html` and `--picture`: the change report as a page, with the timeline
//! before and after, on a temporary git repository holding the shipped records and a small
//! change (a member's join date made precise, a chair term moved by a month).

use std::fs;
use std::path::Path;
use tempfile::TempDir;

mod common;
use common::roster;
use common::svg::{assert_self_contained, parse};

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The shipped records committed on `main`, then changed in the working tree: WHO joined in
/// June 2010 (not just 2010), and UNITAR's term starts in July 2009 (not June).
fn changed_repo() -> TempDir {
    let dir = common::shipped_repo("2026-01-01T12:00:00+00:00");
    edit(
        dir.path(),
        "records/members/who.yaml",
        "\njoined: 2010\n",
        "\njoined: 2010-06\n",
    );
    edit(
        dir.path(),
        "records/chairs.yaml",
        "chair: unitar\n    start: 2009-06",
        "chair: unitar\n    start: 2009-07",
    );
    dir
}

/// The drawings inside `page`, each `<svg>…</svg>`.
fn drawings(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<svg xmlns") {
        let end = rest[start..].find("</svg>").unwrap() + start + "</svg>".len();
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// The page with each drawing cut down to its root and the lines that mark a change: the
/// drawing itself is snapshotted by tests/timeline.rs, this snapshot is about what the report
/// adds and what it highlights.
fn highlights_only(page: &str) -> String {
    let mut out = page.to_string();
    for svg in drawings(page) {
        let mut kept: Vec<&str> = vec![svg.lines().next().unwrap()];
        kept.extend(svg.lines().filter(|l| {
            l.contains("class=\"changed ") || l.contains(" changed\"") || l.contains(" changed ")
        }));
        kept.push("  …");
        kept.push("</svg>");
        out = out.replacen(svg, &kept.join("\n"), 1);
    }
    out
}

#[test]
fn the_change_report_page_shows_the_timeline_before_and_after() {
    let repo = changed_repo();
    let run = roster(
        repo.path(),
        &["diff", "--color", "never", "--format", "html"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout;
    assert_self_contained(&page);
    assert!(page.starts_with("<!DOCTYPE html>"));
    let svgs = drawings(&page);
    assert_eq!(svgs.len(), 2);
    for (svg, prefix) in svgs.iter().zip(["old-", "new-"]) {
        let elements = parse(svg);
        // Each drawing names its own hatch patterns, so that the two share the page.
        assert!(elements
            .iter()
            .any(|e| e.name == "pattern" && e.attr("id") == format!("{prefix}possible-member")));
        // The moved term is highlighted on both sides, under its dates on each.
        let changed: Vec<(&str, &str)> = elements
            .iter()
            .filter(|e| e.name == "g" && e.has_class("term") && e.has_class("changed"))
            .map(|e| (e.attr("data-chair"), e.attr("data-start")))
            .collect();
        let start = if prefix == "old-" {
            "2009-06"
        } else {
            "2009-07"
        };
        assert_eq!(changed, [("unitar", start)]);
        let members: Vec<&str> = elements
            .iter()
            .filter(|e| e.name == "g" && e.has_class("member") && e.has_class("changed"))
            .map(|e| e.attr("data-id"))
            .collect();
        assert_eq!(members, ["who"]);
    }
    // The two drawings are on the same days: same size.
    let size = |svg: &str| {
        let root = &parse(svg)[0];
        (
            root.attr("width").to_string(),
            root.attr("height").to_string(),
        )
    };
    assert_eq!(size(svgs[0]), size(svgs[1]));
    insta::assert_snapshot!("diff_html_page", highlights_only(&page));
}

#[test]
fn a_picture_is_written_beside_another_format() {
    let repo = changed_repo();
    let picture = repo.path().join("change.html");
    let run = roster(
        repo.path(),
        &["diff", "--format", "json", "--picture", "change.html"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), 2);
    let page = fs::read_to_string(&picture).unwrap();
    let html = roster(repo.path(), &["diff", "--format", "html"]);
    assert_eq!(page, html.stdout);

    let run = roster(
        repo.path(),
        &["diff", "--picture", "no/such/folder/change.html"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot write `no/such/folder/change.html`: "),
        "{}",
        run.stderr
    );
}

#[test]
fn text_from_the_records_is_escaped_in_the_page() {
    let repo = changed_repo();
    edit(
        repo.path(),
        "records/members/who.yaml",
        "en: World Health Organization",
        "en: \"World <b>Health</b> & Organization\"",
    );
    let run = roster(repo.path(), &["diff", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("<b>Health</b>"));
    assert!(run
        .stdout
        .contains("&lt;b&gt;Health&lt;/b&gt; &amp; Organization"));
    for svg in drawings(&run.stdout) {
        parse(svg);
    }
}
