//! Every output format of `roster check`, rendered from one shared set of findings.
//!
//! The findings are built by hand rather than by running a check, so that these snapshots change
//! only when a renderer does, and so that they cover what a renderer must survive: a line with
//! multibyte characters, a secondary label, a span over several lines, an empty span at the end
//! of a file, a warning, a help line, and a file with nothing wrong.

use roster::catalogue;
use roster::diag::{self, Diagnostic, Label};
use roster::report::check::{self as report, CheckReport, Format};
use roster::report::RenderOptions;
use roster::source::{SourceFile, Sources, Span};

const MEMBERS: &str = "\
- id: unitar
  joined: 2007-11
  joined: 2007
- id: unwomen
  name: {fr: Entité des Nations Unies pour l’égalité des sexes, es: no}
- id: iom
  name:
    fr: Organisation internationale pour les migrations
";

const SOURCES: &str = "\
- id: un-members
  title: Member States
  langauge: en
";

const CHAIRS: &str = "\
- {member: unitar, from: 2009-07
";

const BODIES: &str = "\
- id: ceb
  title: Chief Executives Board
";

struct Fixture {
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
}

/// The byte span of the `nth` (0-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", nth + 1))
        .0;
    Span::new(start, start + needle.len())
}

fn fixture() -> Fixture {
    let mut sources = Sources::new();
    let file = |name: &str, text: &str| SourceFile::new(name, name, text.to_string());
    let members = sources.add(file("records/members.yaml", MEMBERS));
    let srcs = sources.add(file("records/sources.yaml", SOURCES));
    let chairs = sources.add(file("records/chairs.yaml", CHAIRS));
    sources.add(file("records/bodies.yaml", BODIES));

    let name_map = {
        let start = find(MEMBERS, "name:\n", 0).start as usize;
        let end = find(MEMBERS, "migrations", 0).end as usize;
        Span::new(start, end)
    };

    let mut diagnostics = vec![
        Diagnostic::new(
            &catalogue::Y002,
            "`joined` is given twice in the same mapping",
            Label::new(members, find(MEMBERS, "joined", 1), "second `joined`"),
        )
        .with_secondary(Label::new(
            members,
            find(MEMBERS, "joined", 0),
            "first `joined`",
        ))
        .with_help("keep one of the two entries"),
        Diagnostic::new(
            &catalogue::Y003,
            "`no` is a string here but a boolean to YAML 1.1 readers",
            Label::new(
                members,
                find(MEMBERS, "no", 0),
                "read as `false` by YAML 1.1",
            ),
        )
        .with_help("quote it: `\"no\"`"),
        Diagnostic::new(
            &catalogue::S001,
            "`name` has no `en` entry",
            Label::new(members, name_map, "every name needs `en`"),
        ),
        Diagnostic::new(
            &catalogue::S001,
            "`langauge` is not a known key of a source",
            Label::new(srcs, find(SOURCES, "langauge", 0), "unknown key"),
        )
        .with_help("rename it to `language`"),
        Diagnostic::new(
            &catalogue::Y001,
            "the file ends inside a flow mapping",
            Label::new(chairs, Span::at(CHAIRS.len()), "expected `}`"),
        )
        .with_secondary(Label::new(
            chairs,
            find(CHAIRS, "{", 0),
            "the mapping starts here",
        ))
        .with_help("close the mapping with `}`"),
    ];
    diag::sort(&mut diagnostics);
    Fixture {
        sources,
        diagnostics,
    }
}

fn render(fixture: &Fixture, format: Format, color: bool) -> String {
    let report = CheckReport::new(&fixture.sources, &fixture.diagnostics);
    let options = RenderOptions {
        color,
        ..RenderOptions::default()
    };
    let mut out = Vec::new();
    report::render(format, &report, &options, &mut out).expect("rendering to a Vec");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The fixture rendered with at most `max` findings of each rule.
fn render_capped(format: Format, max: usize) -> String {
    let fixture = fixture();
    let report = CheckReport::new(&fixture.sources, &fixture.diagnostics);
    let options = RenderOptions {
        max_per_rule: max,
        ..RenderOptions::default()
    };
    let mut out = Vec::new();
    report::render(format, &report, &options, &mut out).expect("rendering to a Vec");
    String::from_utf8(out).expect("reports are UTF-8")
}

#[test]
fn human_and_markdown_show_at_most_max_per_rule_and_say_how_many_more() {
    // The fixture has two S001 findings and one of every other rule.
    let human = render_capped(Format::Human, 1);
    assert_eq!(human.matches("error[S001]").count(), 1, "{human}");
    insta::assert_snapshot!("human_capped", human);
    insta::assert_snapshot!("markdown_capped", render_capped(Format::Markdown, 1));
    // No cap, and a cap the findings do not reach, show everything.
    let all = render(&fixture(), Format::Human, false);
    assert_eq!(render_capped(Format::Human, 0), all);
    assert_eq!(render_capped(Format::Human, 2), all);
    // The formats for machines list every finding whatever the cap.
    for format in [Format::Json, Format::Sarif, Format::Junit, Format::Github] {
        assert_eq!(
            render_capped(format, 1),
            render(&fixture(), format, false),
            "{format:?}"
        );
    }
}

#[test]
fn human_plain() {
    let out = render(&fixture(), Format::Human, false);
    assert!(!out.contains('\x1b'), "plain output has ANSI escapes");
    insta::assert_snapshot!(out);
}

#[test]
fn human_colored() {
    let out = render(&fixture(), Format::Human, true);
    assert!(out.contains("\x1b["), "coloured output has no ANSI escapes");
    insta::assert_snapshot!(out);
}

#[test]
fn human_without_findings_says_so() {
    let mut fixture = fixture();
    fixture.diagnostics.clear();
    let out = render(&fixture, Format::Human, false);
    assert_eq!(out, "no problems found in 4 files\n");
}

#[test]
fn json() {
    let out = render(&fixture(), Format::Json, false);
    let value: serde_json::Value = serde_json::from_str(&out).expect("the JSON output parses");
    assert_eq!(value["version"], 2);
    assert_eq!(value["tool"]["name"], "roster");
    assert_eq!(value["summary"]["files"], 4);
    assert_eq!(value["summary"]["errors"], 4);
    assert_eq!(value["summary"]["warnings"], 1);
    assert!(out.ends_with("}\n"));
    insta::assert_snapshot!(out);
}

#[test]
fn github() {
    let out = render(&fixture(), Format::Github, false);
    let grammar = regex::Regex::new(
        r"^::(error|warning) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[^:]+::.+$",
    )
    .unwrap();
    assert_eq!(out.lines().count(), fixture().diagnostics.len());
    for line in out.lines() {
        assert!(grammar.is_match(line), "not a workflow command: {line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn github_escapes_data_and_properties() {
    let mut sources = Sources::new();
    let id = sources.add(SourceFile::new(
        "records/a,b:c%.yaml",
        "records/a,b:c%.yaml",
        "x: 1\n".into(),
    ));
    let diagnostics = vec![Diagnostic::new(
        &catalogue::S001,
        "100% wrong:\r\nreally",
        Label::new(id, Span::new(0, 1), ""),
    )];
    let fixture = Fixture {
        sources,
        diagnostics,
    };
    let out = render(&fixture, Format::Github, false);
    assert_eq!(
        out,
        "::error file=records/a%2Cb%3Ac%25.yaml,line=1,col=1,endLine=1,endColumn=2,\
         title=S001 schema-violation::100%25 wrong:%0D%0Areally\n"
    );
}

#[test]
fn sarif() {
    let out = render(&fixture(), Format::Sarif, false);
    let value: serde_json::Value = serde_json::from_str(&out).expect("the SARIF output parses");
    assert_eq!(value["version"], "2.1.0");
    let run = &value["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), roster::catalogue::CATALOGUE.len());
    // Each rule carries its explanation. A link to its section of docs/rules.md, whose headings
    // GitHub makes anchors of, is made only when Cargo.toml names roster's repository, which it
    // does not yet: no made-up address.
    let reference =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    assert!(env!("CARGO_PKG_REPOSITORY").is_empty());
    assert!(run["tool"]["driver"].get("informationUri").is_none());
    for (rule, entry) in rules.iter().zip(roster::catalogue::CATALOGUE) {
        let (code, name) = (rule["id"].as_str().unwrap(), rule["name"].as_str().unwrap());
        assert!(rule.get("helpUri").is_none(), "{rule}");
        assert_eq!(rule["help"]["markdown"], entry.explanation);
        let uri = roster::report::check::sarif::help_uri("https://example.org/roster", entry);
        assert_eq!(
            uri,
            format!(
                "https://example.org/roster/blob/main/docs/rules.md#{}-{name}",
                code.to_lowercase()
            )
        );
        assert!(
            reference.contains(&format!("\n## {code} {name}\n")),
            "{code}"
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), fixture().diagnostics.len());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert!(uri.as_str().unwrap().starts_with("records/"));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn junit() {
    let out = render(&fixture(), Format::Junit, false);
    let parsed =
        quick_junit::Report::deserialize_from_str(&out).expect("the JUnit output parses as XML");
    let suite = &parsed.test_suites[0];
    assert_eq!(suite.name.as_str(), "roster check");
    assert_eq!(suite.tests, 4);
    assert_eq!(suite.failures, 3);
    // One case per file, a failure for each file with errors; the clean file passes.
    assert_eq!(out.matches("<testcase").count(), 4);
    assert_eq!(out.matches("<failure").count(), 3);
    insta::assert_snapshot!(out);
}

#[test]
fn markdown() {
    let out = render(&fixture(), Format::Markdown, false);
    insta::assert_snapshot!(out);
}

#[test]
fn markdown_without_findings_says_so() {
    let mut fixture = fixture();
    fixture.diagnostics.clear();
    let out = render(&fixture, Format::Markdown, false);
    assert_eq!(out, "No problems found in 4 files.\n");
}

#[test]
fn markdown_escapes_pipes() {
    let mut sources = Sources::new();
    let id = sources.add(SourceFile::new("a.yaml", "a.yaml", "x: a|b\n".into()));
    let fixture = Fixture {
        sources,
        diagnostics: vec![Diagnostic::new(
            &catalogue::S001,
            "`a|b` is not allowed",
            Label::new(id, Span::new(3, 6), ""),
        )],
    };
    let out = render(&fixture, Format::Markdown, false);
    assert!(out.contains(r"| `a\|b` is not allowed |"), "{out}");
}

#[test]
fn markdown_stays_under_githubs_limit_and_says_what_it_leaves_out() {
    const FINDINGS: usize = 3_000;
    let mut sources = Sources::new();
    let text = "k: v\n".repeat(FINDINGS);
    let id = sources.add(SourceFile::new(
        "records/members/big.yaml",
        "big.yaml",
        text,
    ));
    let fixture = Fixture {
        sources,
        diagnostics: (0..FINDINGS)
            .map(|i| {
                Diagnostic::new(
                    &catalogue::S001,
                    format!("unknown key `k` ({i})"),
                    Label::new(id, Span::new(i * 5, i * 5 + 1), ""),
                )
                .with_help("check its spelling, or remove it: the keys allowed here are listed")
            })
            .collect(),
    };
    // Every finding asked for (no cap per rule): the limit of GitHub is what cuts the table.
    let report = CheckReport::new(&fixture.sources, &fixture.diagnostics);
    let options = RenderOptions {
        max_per_rule: 0,
        ..RenderOptions::default()
    };
    let mut out = Vec::new();
    report::render(Format::Markdown, &report, &options, &mut out).expect("rendering to a Vec");
    let out = String::from_utf8(out).expect("reports are UTF-8");
    assert!(out.chars().count() <= 65_536, "{} characters", out.len());
    let rows = out.lines().filter(|l| l.starts_with("| error |")).count();
    assert!(rows > 100, "{rows} rows");
    let left = FINDINGS - rows;
    assert!(
        out.ends_with(&format!(
            "\n\n_The table stops here to keep the report under GitHub's limit of 65,536 \
             characters: {left} more findings ({left} errors) are not listed. \
             `roster check --format json` lists every finding._\n"
        )),
        "{}",
        &out[out.len() - 400..]
    );
}

/// Places a renderer must survive: an empty file, spans past the end of the text or inside a
/// character, a CRLF file, a span ending with a line break, a label in another file, tabs.
fn awkward() -> Fixture {
    let mut sources = Sources::new();
    let file = |name: &str, text: &str| SourceFile::new(name, name, text.to_string());
    let empty = sources.add(file("records/empty.yaml", ""));
    let crlf = sources.add(file("records/crlf.yaml", "a: 1\r\nb: é\r\n"));
    let no_newline = "id: x\nfr: Entité";
    let last = sources.add(file("records/no-final-newline.yaml", no_newline));
    let tabs = sources.add(file("records/tabs.yaml", "a:\n\tb: 1\n"));
    let diagnostics = vec![
        Diagnostic::new(
            &catalogue::S002,
            "empty",
            Label::new(empty, Span::at(0), "here"),
        ),
        Diagnostic::new(
            &catalogue::Y001,
            "past the end",
            Label::new(empty, Span::new(5, 9), ""),
        ),
        Diagnostic::new(
            &catalogue::S001,
            "crlf line",
            Label::new(crlf, Span::new(0, 6), "line and break"),
        ),
        Diagnostic::new(
            &catalogue::S001,
            "inside a char",
            Label::new(crlf, Span::new(10, 11), "half of `é`"),
        ),
        Diagnostic::new(
            &catalogue::Y001,
            "end of a file without a final newline",
            Label::new(last, Span::at(no_newline.len()), "here"),
        )
        .with_secondary(Label::new(crlf, Span::new(0, 1), "elsewhere"))
        .with_secondary(Label::new(empty, Span::at(0), "")),
        Diagnostic::new(
            &catalogue::S001,
            "whole file",
            Label::new(last, Span::new(0, no_newline.len()), "all of it"),
        ),
        Diagnostic::new(
            &catalogue::S001,
            "from a line to past the end",
            Label::new(crlf, Span::new(3, 1000), "to the end"),
        ),
        Diagnostic::new(
            &catalogue::Y004,
            "tab",
            Label::new(tabs, Span::new(4, 5), "`b` after a tab"),
        ),
    ];
    Fixture {
        sources,
        diagnostics,
    }
}

#[test]
fn awkward_places_render_in_every_format() {
    let fixture = awkward();
    for format in [
        Format::Human,
        Format::Json,
        Format::Github,
        Format::Sarif,
        Format::Junit,
        Format::Markdown,
    ] {
        for color in [false, true] {
            render(&fixture, format, color);
        }
    }
    insta::assert_snapshot!(render(&fixture, Format::Human, false));
}

#[test]
fn human_points_where_the_other_formats_do() {
    for fixture in [fixture(), awkward()] {
        let human = render(&fixture, Format::Human, false);
        for d in &fixture.diagnostics {
            let file = fixture.sources.get(d.primary.file);
            let at = file.line_col(d.primary.span.start as usize);
            let header = format!("--> {}:{}:{}", file.name, at.line, at.col);
            assert!(human.contains(&header), "no `{header}` in\n{human}");
        }
    }
}

/// Renders `diagnostics` about `sources` in the human format, without colour or cap.
fn human_of(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let report = CheckReport::new(sources, diagnostics);
    let options = RenderOptions {
        max_per_rule: 0,
        ..RenderOptions::default()
    };
    let mut out = Vec::new();
    report::render(Format::Human, &report, &options, &mut out).expect("rendering to a Vec");
    String::from_utf8(out).expect("reports are UTF-8")
}

#[test]
fn labels_far_apart_are_shown_in_snippets_of_their_own() {
    // A duplicate 5,000 lines after the first: one snippet from one to the other would hand
    // the renderer every line between, for each such finding.
    let mut text = String::from("- id: ceb\n");
    for i in 0..5000 {
        text.push_str(&format!("- id: body-{i}\n"));
    }
    text.push_str("- id: ceb\n");
    let mut sources = Sources::new();
    let file = sources.add(SourceFile::new("records/sources.yaml", "", text.clone()));
    let d = Diagnostic::new(
        &catalogue::R001,
        "two sources have the id `ceb`",
        Label::new(file, find(&text, "ceb", 1), "duplicate id"),
    )
    .with_secondary(Label::new(file, find(&text, "ceb", 0), "first used here"));
    insta::assert_snapshot!(human_of(&sources, &[d]));
}

#[test]
fn a_long_line_is_shown_a_few_times_then_findings_on_it_give_their_place() {
    let text = format!(
        "{{{}}}\n",
        (0..1000)
            .map(|i| format!("k{i}: NO"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut sources = Sources::new();
    let file = sources.add(SourceFile::new("records/group.yaml", "", text.clone()));
    let diagnostics: Vec<Diagnostic> = (0..10)
        .map(|i| {
            Diagnostic::new(
                &catalogue::S001,
                format!("unknown key `k{i}`"),
                Label::new(file, find(&text, &format!("k{i}:"), 0), "not allowed here"),
            )
        })
        .collect();
    let out = human_of(&sources, &diagnostics);
    assert_eq!(out.matches("| {k0: NO, k1: NO").count(), 8, "{out}");
    assert_eq!(out.matches("too long to show again").count(), 2, "{out}");
    let last = out.split("\n\n").nth(9).expect("ten findings");
    insta::assert_snapshot!(last);
}
