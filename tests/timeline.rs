//! `roster timeline`: the drawing of the shipped records (snapshotted, so that a change to the
//! drawing is reviewed), the contract other code reads in it (classes and `data-` attributes,
//! no external reference, well-formed XML), its options and its errors, and the two example
//! bodies.

use std::path::Path;

mod common;
use common::svg::{assert_self_contained, parse, Element};
use common::{manifest_dir, roster, Tree};

fn with_class<'a>(elements: &'a [Element], class: &str) -> Vec<&'a Element> {
    elements.iter().filter(|e| e.has_class(class)).collect()
}

/// Runs `roster timeline ARGS` on the records under `root`; fails unless it succeeds.
fn timeline(root: &Path, args: &[&str]) -> String {
    let run = roster(root, &[&["timeline"], args].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

/// The `start:` and `end:` of every entry of a `chairs.yaml`, as written, in order.
fn chair_dates(root: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root.join("records/chairs.yaml")).unwrap();
    let field = |line: &str, key: &str| {
        line.trim_start()
            .strip_prefix(key)
            .map(|v| v.trim().to_string())
    };
    let starts: Vec<String> = text.lines().filter_map(|l| field(l, "start:")).collect();
    let ends: Vec<String> = text.lines().filter_map(|l| field(l, "end:")).collect();
    assert_eq!(starts.len(), ends.len());
    starts.into_iter().zip(ends).collect()
}

fn terms(elements: &[Element]) -> Vec<&Element> {
    elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("term"))
        .collect()
}

#[test]
fn the_shipped_records_are_drawn() {
    let svg = timeline(&manifest_dir(), &[]);
    insta::assert_snapshot!("gmg_timeline", svg);
}

#[test]
fn the_drawing_is_self_contained_xml_under_its_contract_root() {
    let svg = timeline(&manifest_dir(), &[]);
    assert_self_contained(&svg);
    let elements = parse(&svg);
    let root = &elements[0];
    assert_eq!(root.name, "svg");
    assert_eq!(root.attr("xmlns"), "http://www.w3.org/2000/svg");
    assert_eq!(root.attr("class"), "roster-timeline");
}

#[test]
fn every_member_has_a_row_and_every_chair_entry_a_term() {
    let root = manifest_dir();
    let elements = parse(&timeline(&root, &[]));
    let mut ids: Vec<String> = std::fs::read_dir(root.join("records/members"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .replace(".yaml", "")
        })
        .collect();
    ids.sort();
    let mut rows: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("member"))
        .map(|e| e.attr("data-id"))
        .collect();
    rows.sort();
    assert_eq!(rows, ids);
    for row in elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("member"))
    {
        assert!(row.title.is_some(), "a member row without a title: {row:?}");
    }
    // Each member of the GMG has one period, written at the top level.
    let iom = std::fs::read_to_string(root.join("records/members/iom.yaml")).unwrap();
    assert!(iom.contains("\njoined: 2003-04\n"));
    let periods = with_class(&elements, "membership");
    assert_eq!(periods.len(), ids.len());
    let iom = periods.iter().find(|p| p.attr("data-id") == "iom").unwrap();
    assert_eq!(
        (iom.attr("data-joined"), iom.attr("data-left")),
        ("2003-04", "")
    );
    let desa = periods
        .iter()
        .find(|p| p.attr("data-id") == "un-desa")
        .unwrap();
    assert_eq!(desa.attr("data-joined"), "2006-01/2006-04");
    assert!(desa
        .title
        .as_deref()
        .unwrap()
        .contains("certainly from 2006-04-30, possibly from 2006-01-01"));

    let dates: Vec<(&str, &str)> = terms(&elements)
        .iter()
        .map(|t| (t.attr("data-start"), t.attr("data-end")))
        .collect();
    let written = chair_dates(&root);
    let written: Vec<(&str, &str)> = written
        .iter()
        .map(|(s, e)| (s.as_str(), e.as_str()))
        .collect();
    assert_eq!(dates, written);
    let iom_2007 = terms(&elements)
        .into_iter()
        .find(|t| t.attr("data-start") == "2007-01")
        .unwrap();
    assert_eq!(iom_2007.attr("data-chair"), "iom");
    assert_eq!(iom_2007.attr("data-kind"), "term");
    assert_eq!(iom_2007.attr("data-planned"), "false");
    assert_eq!(
        iom_2007.title.as_deref(),
        Some("iom chaired 2007-01..2007-06")
    );
    let kinds: Vec<&str> = terms(&elements)
        .iter()
        .map(|t| t.attr("data-kind"))
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "vacant").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "unknown").count(), 2);
}

#[test]
fn regimes_claims_coverage_and_working_groups_are_drawn() {
    let elements = parse(&timeline(&manifest_dir(), &[]));
    let regimes = with_class(&elements, "regime");
    assert_eq!(regimes.len(), 1);
    assert!(regimes[0]
        .title
        .as_deref()
        .unwrap()
        .starts_with("6-month terms starting in January and July, from 2006"));
    let claims = with_class(&elements, "claim");
    let counts: Vec<&str> = claims.iter().map(|c| c.attr("data-members")).collect();
    assert_eq!(counts, ["6", "10", "14", "14", "16", "16", "16", "16"]);
    assert_eq!(
        (claims[1].attr("data-from"), claims[1].attr("data-until")),
        ("2006-11", "2006-11")
    );
    let coverage = with_class(&elements, "coverage");
    assert_eq!(coverage.len(), 1);
    assert_eq!(
        coverage[0].title.as_deref(),
        Some("the records cover the group from 2003-04 to 2013-12")
    );
    // January to March 2003, before the founding in April, are drawn as not covered.
    let outside = with_class(&elements, "not-covered");
    assert_eq!(outside.len(), 1);
    assert!(outside[0]
        .title
        .as_deref()
        .unwrap()
        .contains("before the group was founded"));
    // Both working groups are undated: listed, never placed on days.
    let groups: Vec<&Element> = with_class(&elements, "working-group");
    assert_eq!(groups.len(), 2);
    for g in groups {
        assert_eq!(g.attr("data-from"), "");
        assert!(g.title.as_deref().unwrap().contains("placed on no day"));
    }
    assert!(!elements
        .iter()
        .any(|e| e.name == "rect" && e.within.iter().any(|c| c.contains("working-group"))));
}

#[test]
fn one_member_is_drawn_with_its_terms_highlighted() {
    let elements = parse(&timeline(&manifest_dir(), &["--member", "iom"]));
    let rows: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("member"))
        .map(|e| e.attr("data-id"))
        .collect();
    assert_eq!(rows, ["iom"]);
    let highlighted: Vec<&str> = terms(&elements)
        .into_iter()
        .filter(|t| t.has_class("highlight"))
        .map(|t| t.attr("data-start"))
        .collect();
    assert_eq!(highlighted, ["2007-01", "2013-07"]);
    // The rest of the rotation is still drawn.
    assert_eq!(terms(&elements).len(), chair_dates(&manifest_dir()).len());
}

#[test]
fn a_range_draws_only_what_meets_it() {
    let svg = timeline(&manifest_dir(), &["--from", "2007", "--until", "2008-06"]);
    let elements = parse(&svg);
    let starts: Vec<&str> = terms(&elements)
        .iter()
        .map(|t| t.attr("data-start"))
        .collect();
    assert_eq!(starts, ["2007-01", "2007-07", "2008-01"]);
    assert!(svg.contains("<title>Global Migration Group: members and chairs, 2007–2008</title>"));
    // WHO and UN Women joined in 2010: their rows say so instead of a bar.
    let periods = with_class(&elements, "membership");
    assert_eq!(periods.len(), 14);
    assert!(!periods.iter().any(|p| p.attr("data-id") == "who"));
    assert!(svg.contains(">outside this range: joined 2010</text>"));
    // The whole range is covered by the records: nothing is shaded.
    assert!(with_class(&elements, "not-covered").is_empty());
}

#[test]
fn the_library_draws_with_default_options() {
    let workspace = roster::load::workspace::Workspace::at(&manifest_dir()).unwrap();
    let (_, data) = roster::check::load(&workspace).unwrap();
    let options = roster::timeline::Options::default();
    let svg: Result<String, roster::error::Error> = roster::timeline::svg(&data, &options);
    assert_eq!(svg.unwrap(), timeline(&manifest_dir(), &[]));
    let page = roster::timeline::html(&data, &options).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_page_has_a_legend_and_nothing_from_outside() {
    let page = timeline(&manifest_dir(), &["--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<ul class=\"legend\">"));
    assert!(page.contains("member, possibly (the dates leave it open)"));
    assert!(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roster-timeline\""));
    assert!(page.trim_end().ends_with("</html>"));
    assert_self_contained(&page);
}

#[test]
fn bad_options_are_refused_with_exit_code_2() {
    let root = manifest_dir();
    let run = roster(&root, &["timeline", "--member", "imo"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "error: there is no member `imo` in the records\nhelp: did you mean `ilo` or `iom`?\n"
    );
    for (args, message) in [
        (
            &["--from", "2010-13"][..],
            "`2010-13`: there is no month 13",
        ),
        (&["--from", "2010?"][..], "`2010?` is not a date"),
        (&["--until", "2007/2008"][..], "`2007/2008` is not a date"),
        (
            &["--from", "2009", "--until", "2008"][..],
            "`--until 2008` is before `--from 2009`",
        ),
    ] {
        let run = roster(&root, &[&["timeline"], args].concat());
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn text_from_the_records_is_escaped() {
    let tree = Tree::shipped();
    tree.replace(
        "records/members/iom.yaml",
        "en: International Organization for Migration",
        "en: \"International <Organization> & 'Migration'\"",
    );
    let svg = timeline(tree.path(), &[]);
    assert!(svg.contains("International &lt;Organization&gt; &amp; &#39;Migration&#39; (iom)"));
    let elements = parse(&svg);
    let row = elements
        .iter()
        .find(|e| e.name == "g" && e.has_class("member") && e.attr("data-id") == "iom")
        .unwrap();
    assert!(row
        .title
        .as_deref()
        .unwrap()
        .starts_with("International <Organization> & 'Migration' (iom)"));
}

#[test]
fn records_with_errors_are_still_drawn() {
    let tree = Tree::shipped();
    // A chair who is not a member (R002) and a term that ends before it starts (T001).
    tree.replace(
        "records/chairs.yaml",
        "chair: iom\n    start: 2007-01",
        "chair: nobody\n    start: 2007-01",
    );
    tree.replace("records/chairs.yaml", "end: 2008-12", "end: 2008-05");
    assert_eq!(tree.check(&[]).code, 1);
    let elements = parse(&timeline(tree.path(), &[]));
    assert!(terms(&elements)
        .iter()
        .any(|t| t.attr("data-chair") == "nobody"));
    // The inverted term has no day to draw, and is left out.
    assert!(!terms(&elements)
        .iter()
        .any(|t| t.attr("data-end") == "2008-05"));
}

#[test]
fn the_eu_council_is_drawn_with_all_its_presidencies() {
    let root = manifest_dir().join("examples/eu-council");
    let svg = timeline(&root, &[]);
    assert_self_contained(&svg);
    let elements = parse(&svg);
    let terms = terms(&elements);
    assert_eq!(terms.len(), 146);
    let held: Vec<&&Element> = terms
        .iter()
        .filter(|t| t.attr("data-planned") == "false")
        .collect();
    let planned: Vec<&&Element> = terms
        .iter()
        .filter(|t| t.attr("data-planned") == "true")
        .collect();
    assert_eq!(held.len(), 126);
    assert_eq!(planned.len(), 20);
    assert!(held.iter().all(|t| t.attr("data-start") < "2021"));
    assert!(planned.iter().all(|t| t.attr("data-start") >= "2021"));
    assert_eq!(
        planned.last().unwrap().title.as_deref(),
        Some("malta is planned to chair 2030-07..2030-12")
    );
    let dates: Vec<(String, String)> = terms
        .iter()
        .map(|t| (t.attr("data-start").into(), t.attr("data-end").into()))
        .collect();
    assert_eq!(dates, chair_dates(&root));
    let rows = elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("member"))
        .count();
    assert_eq!(rows, 28);
    // 73 years at a width that stays within bounds.
    let width: f64 = elements[0].attr("width").parse().unwrap();
    assert!((3000.0..4000.0).contains(&width), "{width}");
    // Every presidency carries a label that fits: the state's code, across.
    let labels = elements
        .iter()
        .filter(|e| e.has_class("label") && e.within.iter().any(|c| c.starts_with("term")))
        .count();
    assert_eq!(labels, 146);
}

#[test]
fn the_security_council_is_drawn_with_its_monthly_presidencies() {
    let root = manifest_dir().join("examples/un-security-council");
    let svg = timeline(&root, &[]);
    assert_self_contained(&svg);
    let elements = parse(&svg);
    let dates: Vec<(String, String)> = terms(&elements)
        .iter()
        .map(|t| (t.attr("data-start").into(), t.attr("data-end").into()))
        .collect();
    assert_eq!(dates, chair_dates(&root));
    let rows: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "g" && e.has_class("member"))
        .map(|e| e.attr("data-id"))
        .collect();
    assert_eq!(rows.len(), 17);
    // The USSR held its seat before the range drawn (2014-2015): its row says so.
    assert!(svg.contains("outside this range: joined 1945-10-24, left 1991-12-23"));
    // Monthly terms are too narrow for a name across: the names stand upright.
    assert!(svg.contains("transform=\"rotate(-90"));
    let members = roster(&root, &["timeline", "--member", "russian-federation"]);
    let elements = parse(&members.stdout);
    let highlighted: Vec<&str> = terms(&elements)
        .into_iter()
        .filter(|t| t.has_class("highlight"))
        .map(|t| t.attr("data-start"))
        .collect();
    assert_eq!(highlighted, ["2015-09"]);
}
