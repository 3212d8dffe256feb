//! The schemas themselves: valid draft 2020-12, self-contained, documented; and every record
//! file names its schema on its first line so editors check it as it is typed.

use roster::load::workspace::{Kind, Workspace};
use serde_json::Value;
use std::fs;

mod common;
use common::manifest_dir;

fn schemas() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(manifest_dir().join("schemas")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, value));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "$ref" {
                    out.push(v.as_str().unwrap_or_default().to_string());
                }
                refs(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn schemas_pass_the_draft_2020_12_meta_schema() {
    let all = schemas();
    assert!(all.len() > Kind::ALL.len(), "one schema per kind plus defs");
    for (name, schema) in &all {
        assert!(name.ends_with(".schema.json"), "{name}");
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name} must declare draft 2020-12"
        );
        if let Err(e) = jsonschema::meta::validate(schema) {
            panic!(
                "{name} breaks the meta-schema at {}: {e}",
                e.instance_path().as_str()
            );
        }
        assert!(
            schema["title"].is_string() && schema["description"].is_string(),
            "{name}"
        );
        assert!(
            schema.get("$id").is_none(),
            "{name}: schemas are addressed by file name"
        );
    }
}

#[test]
fn schema_references_stay_inside_the_schemas_folder() {
    let all = schemas();
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    for (name, schema) in &all {
        let mut found = Vec::new();
        refs(schema, &mut found);
        for r in found {
            let file = r.split('#').next().unwrap();
            assert!(
                file.is_empty() || names.contains(&file),
                "{name}: `$ref: {r}` leaves schemas/"
            );
        }
    }
}

#[test]
fn every_kind_has_a_schema_that_compiles() {
    roster::load::schema::Schemas::load(&manifest_dir().join("schemas")).unwrap();
}

#[test]
fn record_files_name_their_schema_on_the_first_line() {
    let workspace = Workspace::at(&manifest_dir()).unwrap();
    for entry in workspace.list().unwrap() {
        let kind = entry
            .kind
            .unwrap_or_else(|| panic!("{} has no kind", entry.name));
        let text = fs::read_to_string(&entry.path).unwrap();
        let up = if kind == Kind::Member {
            "../../"
        } else {
            "../"
        };
        let expected = format!(
            "# yaml-language-server: $schema={up}schemas/{}",
            kind.schema_file()
        );
        assert_eq!(
            text.lines().next(),
            Some(expected.as_str()),
            "{}",
            entry.name
        );
    }
}
