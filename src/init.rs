//! `init`: the files of a minimal records tree for a new body, which passes `roster check` at
//! once: the group (its names in the declared languages, its founding, an open rotation regime
//! with no terms yet, no claims), one member, an empty list of chairs, and one source that
//! everything cites. The maintainers then replace the placeholders with what their sources say.
//!
//! This is plain data: `roster init` writes the files, refusing to touch a folder that already
//! has records.

/// A records tree to write: `(path from the root, text)` pairs.
pub struct NewTree {
    pub files: Vec<(String, String)>,
}

/// A lowercase kebab-case id made from a name: `Council of the EU` -> `council-of-the-eu`.
pub fn id_from(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "body".to_string()
    } else {
        id
    }
}

/// `name` in every language, as a YAML mapping indented by `indent` spaces.
fn localized(name: &str, languages: &[String], indent: usize) -> String {
    let pad = " ".repeat(indent);
    languages
        .iter()
        .map(|l| format!("{pad}{l}: {}\n", quoted(name)))
        .collect()
}

/// A YAML scalar for arbitrary text: single-quoted, with quotes doubled.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The files of a new records tree for the body `name`, keeping its names in `languages`,
/// founded in `founded` (a date as the records write them, such as `2026`).
pub fn new_tree(name: &str, languages: &[String], founded: &str) -> NewTree {
    let id = id_from(name);
    let languages_list: String = languages.iter().map(|l| format!("  - {l}\n")).collect();
    let group = format!(
        "# yaml-language-server: $schema=../schemas/group.schema.json
# The body itself. Replace what follows with what the sources say: names over time, founding,
# the regimes of the rotating chair, and the claims of member counts the records must agree with.
id: {id}
languages:
{languages_list}name:
{name_map}names:
  - name:
{names_map}    from: {founded}
    sources:
      - founding-document
founded: {founded}
rotation:
  - from: {founded}
    term_months: 12
    start_months:
      - 1
    sources:
      - founding-document
    note: A placeholder regime of one-year terms; give the body's own.
claims: []
sources:
  - founding-document
",
        name_map = localized(name, languages, 2),
        names_map = localized(name, languages, 6),
    );
    let member = format!(
        "# yaml-language-server: $schema=../../schemas/member.schema.json
# One member, as an example: the file name is the id. Add one file per member.
id: first-member
name:
{name_map}joined: {founded}
sources:
  - founding-document
",
        name_map = localized("First member", languages, 2),
    );
    let chairs = "# yaml-language-server: $schema=../schemas/chairs.schema.json
# The chair terms, vacancies and unknown periods, in date order.
chairs: []
"
    .to_string();
    let sources = format!(
        "# yaml-language-server: $schema=../schemas/sources.schema.json
# Every source cited anywhere in the records, by id.
sources:
  - id: founding-document
    title: {title}
    publisher: {publisher}
    language: {language}
    note: A placeholder; give the source's own title and publisher.
",
        title = quoted(&format!("The founding document of {name}")),
        publisher = quoted(name),
        language = languages.first().map_or("en", String::as_str),
    );
    NewTree {
        files: vec![
            ("records/group.yaml".to_string(), group),
            ("records/members/first-member.yaml".to_string(), member),
            ("records/chairs.yaml".to_string(), chairs),
            ("records/sources.yaml".to_string(), sources),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case() {
        assert_eq!(id_from("Council of the EU"), "council-of-the-eu");
        assert_eq!(id_from("  ASEAN!! "), "asean");
        assert_eq!(id_from("***"), "body");
    }
}
