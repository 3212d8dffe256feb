//! `roster export`: the records as JSON, CSV (with a Frictionless Data Package) and Popolo, on
//! the shipped records and the two example bodies, read back to check that nothing was lost, and
//! refusing to write where it would damage something.

mod common;
use common::{manifest_dir, roster, Run, Tree};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn example(name: &str) -> PathBuf {
    manifest_dir().join("examples").join(name)
}

/// `roster export ARGS` in `root`, which must succeed without a word on stderr.
fn export(root: &Path, args: &[&str]) -> String {
    let run = roster(root, &[&["export"], args].concat());
    run.assert_code(0);
    assert_eq!(run.stderr, "", "export of {}", root.display());
    run.stdout
}

fn json(root: &Path, format: &str) -> Value {
    serde_json::from_str(&export(root, &["--format", format])).unwrap()
}

/// Every file of a CSV export of `root`, by name.
fn csv_files(root: &Path) -> BTreeMap<String, String> {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("csv");
    export(root, &["--format", "csv", "-o", dir.to_str().unwrap()]);
    fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// A CSV text read back by RFC 4180: records of fields. Panics on anything RFC 4180 does not
/// allow (a quote inside an unquoted field, text after a closing quote, a bare line break).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match (c, chars.peek()) {
                ('"', Some('"')) => {
                    field.push('"');
                    chars.next();
                }
                ('"', next) => {
                    assert!(
                        matches!(next, Some(',') | Some('\r') | None),
                        "text after a closing quote"
                    );
                    quoted = false;
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(
                    field.is_empty(),
                    "a quote inside an unquoted field: {field}"
                );
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "a CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("a line break outside quotes that is not CRLF"),
            _ => field.push(c),
        }
    }
    assert!(!quoted, "a quoted field is not closed");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line has no CRLF"
    );
    rows
}

/// The rows of a CSV table as maps from column name to cell, after checking that every row has
/// as many fields as the header.
fn table(text: &str) -> Vec<BTreeMap<String, String>> {
    let rows = parse_csv(text);
    let (header, rows) = rows.split_first().expect("a header row");
    rows.iter()
        .map(|row| {
            assert_eq!(row.len(), header.len(), "a row of {row:?}");
            header.iter().cloned().zip(row.iter().cloned()).collect()
        })
        .collect()
}

/// The member ids of a records tree, from the names of the files under `records/members/`.
fn member_files(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(root.join("records/members"))
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.trim_end_matches(".yaml").to_string()
        })
        .collect();
    ids.sort();
    ids
}

/// `(start, end)` of every entry of `chairs.yaml`, read line by line, in order.
fn chair_dates(root: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(root.join("records/chairs.yaml")).unwrap();
    let value = |line: &str, key: &str| line.trim().strip_prefix(key).map(|v| v.trim().to_string());
    let starts = text.lines().filter_map(|l| value(l, "start:"));
    let ends = text.lines().filter_map(|l| value(l, "end:"));
    starts.zip(ends).collect()
}

/// Every file under `dir` with its bytes, to see that a refused export changed nothing.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_shipped_records_export_as_json() {
    let text = export(&manifest_dir(), &[]);
    assert_eq!(text, export(&manifest_dir(), &["--format", "json"]));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(
        value["generated_by"],
        format!("roster {}", env!("CARGO_PKG_VERSION"))
    );
    // A window: as written, and the first and last days it may stand for.
    let world_bank = &value["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "world-bank")
        .unwrap()["memberships"][0];
    assert_eq!(
        world_bank["joined"],
        serde_json::json!({"written": "2006-01/2006-04", "earliest": "2006-01-01",
            "latest": "2006-04-30", "precision": "window", "inferred": false})
    );
    assert_eq!(world_bank["certainly"]["from"], "2006-04-30");
    assert_eq!(world_bank["possibly"]["from"], "2006-01-01");
    insta::assert_snapshot!("gmg_json", text);
}

#[test]
fn the_shipped_records_export_as_popolo() {
    let text = export(&manifest_dir(), &["--format", "popolo"]);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["meta"]["version"], 1);
    let group = &value["organizations"][0];
    assert_eq!(group["id"], "gmg");
    assert_eq!(group["classification"], "body");
    assert_eq!(group["founding_date"], "2003-04");
    let un_women = value["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["member"]["id"] == "un-women")
        .unwrap();
    assert_eq!(un_women["member"]["@type"], "Organization");
    assert_eq!(un_women["organization_id"], "gmg");
    // The window 2010-07-02/2010 has no single date: Popolo gets the year that holds it.
    assert_eq!(un_women["start_date"], "2010");
    assert_eq!(un_women["roster:start_date"]["written"], "2010-07-02/2010");
    insta::assert_snapshot!("gmg_popolo", text);
}

#[test]
fn the_shipped_records_export_as_csv_tables() {
    let files = csv_files(&manifest_dir());
    let package: Value = serde_json::from_str(&files["datapackage.json"]).unwrap();
    let resources = package["resources"].as_array().unwrap();
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    for expected in [
        "members.csv",
        "memberships.csv",
        "chairs.csv",
        "working_groups.csv",
        "documents.csv",
        "sources.csv",
        "names.csv",
        "claims.csv",
        "regimes.csv",
    ] {
        assert!(names.contains(&expected), "{expected} missing: {names:?}");
    }
    assert_eq!(resources.len() + 1, files.len(), "a resource per CSV file");
    for resource in resources {
        let path = resource["path"].as_str().unwrap();
        let text = &files[path];
        // Every line ends in CRLF; a line break inside a field is quoted.
        assert!(text.ends_with("\r\n"), "{path}");
        let rows = parse_csv(text);
        let header: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            rows[0], header,
            "{path}: the header is the package's fields"
        );
        for row in &rows {
            assert_eq!(row.len(), header.len(), "{path}: {row:?}");
        }
        let name = path.trim_end_matches(".csv");
        insta::assert_snapshot!(format!("gmg_csv_{name}"), text.replace("\r\n", "\n"));
    }
    insta::assert_snapshot!("gmg_csv_datapackage", files["datapackage.json"]);
}

#[test]
fn an_export_is_the_same_byte_for_byte_from_anywhere() {
    let tree = Tree::shipped();
    for format in ["json", "popolo"] {
        let here = export(&manifest_dir(), &["--format", format]);
        let there = export(tree.path(), &["--format", format]);
        assert_eq!(
            here, there,
            "{format}: the export depends on where the records are"
        );
        assert!(!there.contains(tree.path().to_str().unwrap()));
        assert!(!here.contains(manifest_dir().to_str().unwrap()));
    }
    assert_eq!(csv_files(&manifest_dir()), csv_files(tree.path()));
}

#[test]
fn every_member_and_every_chair_entry_is_in_every_format() {
    for root in [
        manifest_dir(),
        example("eu-council"),
        example("un-security-council"),
    ] {
        let ids = member_files(&root);
        let dates = chair_dates(&root);
        let at = root.display();

        let value = json(&root, "json");
        let members: Vec<&str> = value["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert_eq!(members, ids, "{at}: JSON members");
        let chairs: Vec<(String, String)> = value["chairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let written = |key: &str| c[key]["written"].as_str().unwrap().to_string();
                (written("start"), written("end"))
            })
            .collect();
        assert_eq!(chairs, dates, "{at}: JSON chair entries");

        let files = csv_files(&root);
        let members: Vec<String> = table(&files["members.csv"])
            .into_iter()
            .map(|row| row["id"].clone())
            .collect();
        assert_eq!(members, ids, "{at}: members.csv");
        let chairs: Vec<(String, String)> = table(&files["chairs.csv"])
            .into_iter()
            .map(|row| (row["start"].clone(), row["end"].clone()))
            .collect();
        assert_eq!(chairs, dates, "{at}: chairs.csv");
        for (name, text) in &files {
            if name.ends_with(".csv") {
                table(text);
            }
        }

        // Popolo: every member an organization; every chair entry a membership of the chair
        // post (one per chair), or a vacancy or unknown period listed on the post.
        let popolo = json(&root, "popolo");
        let organizations: Vec<&str> = popolo["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        for id in &ids {
            assert!(organizations.contains(&id.as_str()), "{at}: {id}");
        }
        let post = &popolo["posts"][0];
        let mut entries: Vec<(u64, String, String)> = Vec::new();
        let terms = popolo["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["post_id"] == post["id"]);
        let gaps = ["roster:vacancies", "roster:unknown_periods"]
            .iter()
            .flat_map(|key| post[key].as_array().unwrap());
        for entry in terms.chain(gaps) {
            let written = |key: &str| entry[key]["written"].as_str().unwrap().to_string();
            let position = entry["roster:position"].as_u64().unwrap();
            entries.push((
                position,
                written("roster:start_date"),
                written("roster:end_date"),
            ));
        }
        entries.sort();
        entries.dedup();
        let chairs: Vec<(String, String)> = entries.into_iter().map(|(_, s, e)| (s, e)).collect();
        assert_eq!(
            chairs, dates,
            "{at}: Popolo chair terms, vacancies and unknown periods"
        );
    }
}

#[test]
fn the_eu_council_exports_126_presidencies_held_and_20_planned() {
    let root = example("eu-council");
    let value = json(&root, "json");
    let chairs = value["chairs"].as_array().unwrap();
    assert_eq!(chairs.len(), 146);
    let planned: Vec<&Value> = chairs.iter().filter(|c| c["planned"] == true).collect();
    assert_eq!(planned.len(), 20);
    assert_eq!(planned[0]["start"]["written"], "2021-01");
    assert!(chairs[..126].iter().all(|c| c["planned"] == false));

    let rows = table(&csv_files(&root)["chairs.csv"]);
    let planned = rows.iter().filter(|r| r["planned"] == "true").count();
    assert_eq!((rows.len(), planned), (146, 20));

    let popolo = json(&root, "popolo");
    let presidencies: Vec<&Value> = popolo["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["post_id"] == "eu-council-chair")
        .collect();
    assert_eq!(presidencies.len(), 146);
    let planned = presidencies
        .iter()
        .filter(|m| m["roster:planned"] == true)
        .count();
    assert_eq!(planned, 20);
    // The United Kingdom left on 31 January 2020: a day, so Popolo has it exactly.
    let uk = popolo["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["member"]["id"] == "united-kingdom" && m["role"] == "member")
        .unwrap();
    assert_eq!(uk["end_date"], "2020-01-31");
}

#[test]
fn the_security_council_exports_the_seat_the_russian_federation_continues() {
    let root = example("un-security-council");
    let value = json(&root, "json");
    let members = value["members"].as_array().unwrap();
    let russia = members
        .iter()
        .find(|m| m["id"] == "russian-federation")
        .unwrap();
    assert_eq!(russia["continues"], "ussr");
    assert_eq!(russia["seat"], "permanent");
    let ussr = members.iter().find(|m| m["id"] == "ussr").unwrap();
    assert_eq!(ussr["memberships"][0]["left"]["written"], "1991-12-23");

    let rows = table(&csv_files(&root)["members.csv"]);
    let russia = rows
        .iter()
        .find(|r| r["id"] == "russian-federation")
        .unwrap();
    assert_eq!(russia["continues"], "ussr");

    let popolo = json(&root, "popolo");
    let russia = popolo["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "russian-federation")
        .unwrap();
    assert_eq!(russia["roster:continues"], "ussr");
    // The regime's start is a window across years: no Popolo date holds it, the text does.
    let regime = &value["group"]["rotation"][0]["from"];
    assert_eq!(regime["written"], "1945-10-24/2014-12");
    assert_eq!(regime["earliest"], "1945-10-24");
    assert_eq!(regime["latest"], "2014-12-31");
}

/// A small body that uses what the shipped records do not: a dissolution and a successor,
/// an order of rotation with a skipped turn, periods of membership with their own sources, a
/// disputed value, a seat held on behalf of, co-chairs with sources of their own, a dated
/// working group with one chair.
fn small_body() -> Tree {
    let tree = Tree::shipped();
    for file in fs::read_dir(tree.path().join("records/members")).unwrap() {
        fs::remove_file(file.unwrap().path()).unwrap();
    }
    tree.write(
        "records/group.yaml",
        "id: small-body
languages: [en]
name:
  en: Small Body
names:
  - name:
      en: Small Body
    from: 2000
    until: 2005-06
    sources: [s1]
founded: 2000
dissolved: 2005-06
succeeded_by:
  name:
    en: Larger Body
  date: 2005-07
  sources: [s1]
coverage:
  from: 2000
  until: 2005-06
rotation:
  - from: 2000
    until: 2005-06
    term_months: 6
    start_months: [1, 7]
    order:
      list: [alpha, beta]
      sources: [s1]
    skipped:
      - member: beta
        when: 2001-01
        reason: Beta gave up its turn, with a comma, and \"quotes\"
        sources: [s1]
    sources: [s1]
claims: []
sources: [s1]
",
    )
    .write(
        "records/members/alpha.yaml",
        "id: alpha
name:
  en: Alpha
periods:
  - joined: 2000
    left: 2002-12
    sources: [s1]
  - joined: 2004?
    sources: [s2]
    note: Rejoined, the year inferred
sources: [s1]
disputed:
  - field: name
    value: Alfa
    sources: [s2]
",
    )
    .write(
        "records/members/beta.yaml",
        "id: beta
name:
  en: Beta
joined: 2000
constituents:
  - id: beta-one
    name:
      en: Beta One
    acronym:
      en: B1
sources: [s1]
",
    )
    .write(
        "records/chairs.yaml",
        "chairs:
  - chairs: [alpha, {id: beta, sources: [s2]}]
    start: 2000-01
    end: 2000-06
    sources: [s1]
  - chair: beta-one
    on_behalf_of: beta
    start: 2000-07
    end: 2000-12
    sources: [s1]
  - unknown: true
    start: 2001-01
    end: 2005-06
    sources: [s2]
",
    )
    .write(
        "records/working-groups.yaml",
        "working_groups:
  - id: drafting
    name:
      en: Drafting Group
    chair: alpha
    from: 2001-03
    until: 2002
    sources: [s1]
",
    )
    .write("records/documents.yaml", "documents: []\n")
    .write(
        "records/sources.yaml",
        "sources:
  - id: s1
    title: The first source
    publisher: Someone
    language: en
    url: https://example.org/one
  - id: s2
    title: The second source, without an address
    publisher: Someone else
    language: en
",
    );
    tree
}

#[test]
fn every_field_of_a_small_body_is_exported() {
    let tree = small_body();
    let root = tree.path();
    let value = json(root, "json");
    let group = &value["group"];
    assert_eq!(group["dissolved"]["written"], "2005-06");
    assert_eq!(group["succeeded_by"]["name"]["en"], "Larger Body");
    assert_eq!(group["rotation"][0]["order"]["list"][1], "beta");
    assert_eq!(group["rotation"][0]["skipped"][0]["member"], "beta");
    let alpha = &value["members"][0];
    assert_eq!(alpha["memberships"][1]["joined"]["inferred"], true);
    // An inferred date makes nothing certain.
    assert_eq!(alpha["memberships"][1]["certainly"], Value::Null);
    assert_eq!(alpha["memberships"][1]["sources"][0], "s2");
    assert_eq!(alpha["disputed"][0]["value"], "Alfa");
    let chairs = value["chairs"].as_array().unwrap();
    assert_eq!(chairs[0]["chairs"], serde_json::json!(["alpha", "beta"]));
    assert_eq!(chairs[0]["chair_citations"][0]["sources"][0], "s2");
    assert_eq!(chairs[1]["on_behalf_of"], "beta");
    assert_eq!(
        value["working_groups"][0]["certainly"]["until"],
        "2002-01-01"
    );

    let files = csv_files(root);
    let skipped = table(&files["skipped_turns.csv"]);
    assert_eq!(
        skipped[0]["reason"],
        "Beta gave up its turn, with a comma, and \"quotes\""
    );
    assert_eq!(table(&files["memberships.csv"]).len(), 3);
    assert_eq!(table(&files["constituents.csv"])[0]["acronym_en"], "B1");
    assert_eq!(table(&files["disputed.csv"])[0]["value"], "Alfa");
    assert_eq!(table(&files["chair_citations.csv"])[0]["chair"], "beta");

    let popolo = json(root, "popolo");
    let memberships = popolo["memberships"].as_array().unwrap();
    let co_chairs: Vec<&Value> = memberships
        .iter()
        .filter(|m| m["roster:position"] == 1)
        .collect();
    assert_eq!(co_chairs.len(), 2);
    assert!(co_chairs.iter().all(|m| m["role"] == "Co-chair"));
    // beta's own source has no URL: it is named among the ids, not as a link.
    assert_eq!(
        co_chairs[1]["roster:sources"],
        serde_json::json!(["s1", "s2"])
    );
    assert_eq!(co_chairs[1]["sources"].as_array().unwrap().len(), 1);
    let on_behalf = memberships
        .iter()
        .find(|m| m["roster:position"] == 2)
        .unwrap();
    assert_eq!(on_behalf["member"]["id"], "beta-one");
    assert_eq!(on_behalf["on_behalf_of_id"], "beta");
    let organizations = popolo["organizations"].as_array().unwrap();
    let beta_one = organizations
        .iter()
        .find(|o| o["id"] == "beta-one")
        .unwrap();
    assert_eq!(beta_one["parent_id"], "beta");
    let group = &organizations[0];
    assert_eq!(group["dissolution_date"], "2005-06");
}

#[test]
fn records_with_errors_are_exported_with_a_warning_unless_strict() {
    let tree = Tree::shipped();
    tree.replace(
        "records/members/iom.yaml",
        "founded: 1951\n",
        "founded: 1951-13\n",
    );
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("gmg.json");
    let file = file.to_str().unwrap();

    let run = roster(tree.path(), &["export", "--strict", "-o", file]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("the records have 1 error") && run.stderr.contains("--strict"),
        "{}",
        run.stderr
    );
    assert!(!Path::new(file).exists(), "--strict wrote the export");

    let run = roster(tree.path(), &["export", "-o", file]);
    run.assert_code(0);
    assert!(
        run.stderr.starts_with(
            "warning: the records have 1 error (`roster check` lists them): the export holds"
        ),
        "{}",
        run.stderr
    );
    let value: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let iom = value["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "iom")
        .unwrap();
    assert_eq!(iom["founded"], Value::Null, "the date that is not one");
    assert_eq!(
        iom["name"]["en"],
        "International Organization for Migration"
    );
}

/// Runs `roster export ARGS` in `tree`, expecting exit 2 with `message` on stderr, and nothing
/// in the tree changed.
fn refused(tree: &Tree, args: &[&str], message: &str) -> Run {
    let before = contents(tree.path());
    let run = roster(tree.path(), &[&["export"], args].concat());
    run.assert_code(2);
    assert!(run.stderr.contains(message), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        before == contents(tree.path()),
        "a refused export changed the tree"
    );
    run
}

#[test]
fn an_export_never_writes_over_what_roster_did_not_write() {
    let tree = Tree::shipped();
    tree.write("notes/todo.txt", "mine\n")
        .write("report.json", "{\"mine\": true}\n");
    refused(
        &tree,
        &["--format", "csv", "-o", "notes"],
        "`notes` holds `todo.txt`, which is not part of a roster export",
    );
    refused(
        &tree,
        &["-o", "report.json"],
        "`report.json` exists and is not a roster export of this format",
    );
    refused(&tree, &["-o", "notes"], "`notes` is a folder");
    refused(
        &tree,
        &["--format", "csv"],
        "`--format csv` writes a folder of files: name it with `-o DIR`",
    );
    refused(
        &tree,
        &["-o", "records/export.json"],
        "`records/export.json` is inside `records/`, which roster reads",
    );
    refused(
        &tree,
        &["--format", "csv", "-o", "schemas/tables"],
        "inside `schemas/`",
    );
    // A path that cannot be written: its folder is a file.
    refused(
        &tree,
        &["-o", "report.json/out.json"],
        "cannot write `report.json/out.json`",
    );
    refused(
        &tree,
        &["--format", "csv", "-o", "report.json/tables"],
        "cannot create folder `report.json/tables`",
    );
}

#[test]
fn an_export_writes_over_an_earlier_export_of_its_own() {
    let tree = Tree::shipped();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("tables");
    let dir = dir.to_str().unwrap();
    for _ in 0..2 {
        roster(tree.path(), &["export", "--format", "csv", "-o", dir]).assert_code(0);
    }
    let file = out.path().join("gmg.json");
    let file = file.to_str().unwrap();
    for _ in 0..2 {
        roster(tree.path(), &["export", "-o", file]).assert_code(0);
    }
    // A JSON export is not a Popolo export, and a folder with a file more is not an export.
    let run = roster(tree.path(), &["export", "--format", "popolo", "-o", file]);
    run.assert_code(2);
    fs::write(Path::new(dir).join("extra.csv"), "a\r\n").unwrap();
    let run = roster(tree.path(), &["export", "--format", "csv", "-o", dir]);
    run.assert_code(2);
    assert!(run.stderr.contains("`extra.csv`"), "{}", run.stderr);
}

/// Every key of `value`, at any depth.
fn keys(value: &Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                out.insert(key.clone());
                keys(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_documentation_names_every_key_and_column() {
    let doc = fs::read_to_string(manifest_dir().join("docs/export.md")).unwrap();
    let small = small_body();
    let mut names = std::collections::BTreeSet::new();
    for root in [manifest_dir(), small.path().to_path_buf()] {
        for format in ["json", "popolo"] {
            keys(&json(&root, format), &mut names);
        }
        for (file, text) in csv_files(&root) {
            names.insert(file.clone());
            if let Some(header) = text.lines().next().filter(|_| file.ends_with(".csv")) {
                for column in header.split(',') {
                    // `founded_earliest`: a date is three columns, documented as one.
                    let column = ["_earliest", "_latest"]
                        .iter()
                        .find_map(|suffix| column.strip_suffix(suffix))
                        .unwrap_or(column);
                    // `name_en`, `succeeded_by_name_fr`: one column per language.
                    let column = match column.rsplit_once('_') {
                        Some((stem, lang)) if ["en", "fr"].contains(&lang) => {
                            format!("{stem}_<lang>")
                        }
                        _ => column.to_string(),
                    };
                    names.insert(column);
                }
            }
        }
    }
    // Languages are keys of names, and `@type` is Popolo's own.
    for language in ["en", "fr", "@type"] {
        names.remove(language);
    }
    let missing: Vec<&String> = names
        .iter()
        .filter(|name| !doc.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/export.md does not name {missing:?}"
    );
}
