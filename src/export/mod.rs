//! `export`: the whole of the records, resolved, for other tools: JSON, CSV tables with a
//! Frictionless Data Package, and Popolo JSON (`docs/export.md` documents each format).
//!
//! The model ([`crate::model`]) holds what the rules need: which records there are, their ids,
//! their dates read into [`Date`]s, the periods of membership (top-level `joined` and `left`, or
//! `periods`), the kind of each chair entry. It does not hold the prose: names, titles, notes,
//! quotes, the sources each record cites. So an export is built from both: the model says what
//! is exported and how its dates read, and the document each record was read from (found by the
//! place the model keeps for the record) gives its text. [`Records`] is that union, plain data
//! that every format renders; the JSON format is its serialization.
//!
//! A date is exported as written and as the days it may stand for ([`DateValue`]), and each
//! period also as the days roster reads it to cover certainly and possibly ([`Days`]): a
//! membership from its `joined` day (`joined: 2010` is certain from 2010-12-31, possible from
//! 2010-01-01), a chair term as whole units (`start: 2007-01` is all of January).
//!
//! Records whose files could not be read, and records without an id, are not exported: the
//! caller is told how many error-level findings the records have ([`Export::errors`]). Output is
//! a function of the records alone (no clock, no absolute path), so it is reproducible byte for
//! byte.

use crate::check::{Corpus, Options};
use crate::diag::Severity;
use crate::error::Error;
use crate::load::schema::Schemas;
use crate::load::tree::{Node, ParsedFile};
use crate::load::workspace::Workspace;
use crate::model::{self, Dataset, EntryKind, Field, Loc};
use crate::source::{FileId, Span};
use crate::temporal::{Date, Day, Extent, Interval};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

mod csv;
mod json;
mod popolo;

/// What the command line writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// the resolved records as one JSON document
    Json,
    /// one CSV file per kind of record and a `datapackage.json`, in a folder
    Csv,
    /// Popolo JSON: organizations, posts and memberships
    Popolo,
}

/// `roster X.Y.Z`, the `generated_by` of every format.
pub fn generator() -> String {
    format!("roster {}", env!("CARGO_PKG_VERSION"))
}

/// What an export is made of.
pub enum Output {
    /// One JSON document (JSON, Popolo), for stdout or a file.
    Document(String),
    /// Named files for a folder (CSV), as `(file name, text)` pairs in the order to write them.
    Folder(Vec<(String, String)>),
}

impl Format {
    /// Renders the records in this format.
    pub fn render(self, records: &Records) -> Output {
        match self {
            Format::Json => Output::Document(json::render(records)),
            Format::Popolo => Output::Document(popolo::render(records)),
            Format::Csv => Output::Folder(csv::render(records)),
        }
    }

    /// Whether `text`, a file found where an export is to be written, is an export of this
    /// format that roster wrote (and so may be written over).
    pub fn wrote(self, text: &str) -> bool {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            return false;
        };
        // Each format's own mark, so that no format writes over another's file.
        let (by, mark) = match self {
            Format::Json => (&value["generated_by"], &value["version"]),
            Format::Popolo => (&value["meta"]["generated_by"], &value["meta"]["version"]),
            Format::Csv => (&value["generated_by"], &value["format_version"]),
        };
        mark.is_u64() && by.as_str().is_some_and(|by| by.starts_with("roster "))
    }

    /// The names of the files a CSV export writes, `datapackage.json` last.
    pub fn csv_files() -> Vec<String> {
        csv::file_names()
    }
}

/// The records, resolved, and how many error-level findings they have.
pub struct Export {
    pub records: Records,
    /// Error-level findings of `roster check` on the same records (with `roster.toml`'s
    /// levels): each may mean a record, or part of one, the export could not hold.
    pub errors: usize,
}

/// Reads every record of `workspace`, checks it as `roster check` does with `options`, and
/// resolves the records for export. It reads as [`crate::check::load`] does, but keeps each
/// file's document, where the prose is.
pub fn load(workspace: &Workspace, options: &Options) -> Result<Export, Error> {
    let mut corpus = Corpus::new(Schemas::load(&workspace.schemas)?, true);
    let files = corpus.add_workspace(workspace)?;
    corpus.parse_pending();
    let documents: Vec<(FileId, ParsedFile)> = files
        .iter()
        .filter_map(|&i| {
            let result = &mut corpus.results[i];
            Some((result.file, result.document.take()?))
        })
        .collect();
    let side = corpus.take_side(&files, options);
    let errors = side
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Ok(Export {
        records: Records::resolve(&side.data, &documents),
        errors,
    })
}

/// A date as written in the records, with the days it may stand for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateValue {
    /// As written: `2010`, `2006-01/2006-04`, `2015?`.
    pub written: String,
    /// The first day it may stand for; `None` for an open start (`../2017`).
    pub earliest: Option<String>,
    /// The last day it may stand for; `None` for an open end (`2014/..`).
    pub latest: Option<String>,
    /// `day`, `month`, `year` or `window`.
    pub precision: &'static str,
    /// Written with `?`: what follows from it is only possible.
    pub inferred: bool,
}

impl DateValue {
    pub fn of(date: &Date) -> DateValue {
        DateValue {
            written: date.to_string(),
            earliest: bounded(date.first_day()),
            latest: bounded(date.last_day()),
            precision: if date.window {
                "window"
            } else {
                date.as_single().map_or("day", |d| d.unit())
            },
            inferred: date.is_inferred(),
        }
    }
}

/// A day, or `None` for the ends of time that stand for an open side.
fn bounded(day: Day) -> Option<String> {
    (day != Day::MIN && day != Day::MAX).then(|| day.to_string())
}

/// Days from `from` through `until`, each `None` where the period is open on that side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Days {
    pub from: Option<String>,
    pub until: Option<String>,
}

impl Days {
    /// The days of `interval`, or `None` when it holds no day.
    pub fn of(interval: Interval) -> Option<Days> {
        (!interval.is_empty()).then(|| Days {
            from: bounded(interval.start),
            until: bounded(interval.end),
        })
    }
}

/// A text in several languages, in the order the record gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized(pub Vec<(String, String)>);

impl Localized {
    /// The text in `language`.
    pub fn get(&self, language: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l == language)
            .map(|(_, t)| t.as_str())
    }

    /// The text in the first of `languages` it is given in, else its first text.
    pub fn preferred(&self, languages: &[String]) -> Option<&str> {
        languages
            .iter()
            .find_map(|l| self.get(l))
            .or_else(|| self.0.first().map(|(_, t)| t.as_str()))
    }
}

impl Serialize for Localized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (language, text) in &self.0 {
            map.serialize_entry(language, text)?;
        }
        map.end()
    }
}

/// A value some source gives for a field, against the one the record kept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disputed {
    pub field: String,
    pub value: serde_json::Value,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// A member named in a list (co-chairs) with sources of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub id: String,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

/// Every record, resolved: the body of the JSON export.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Records {
    pub group: Option<GroupRecord>,
    /// Sorted by id.
    pub members: Vec<MemberRecord>,
    /// In the order of `chairs.yaml`.
    pub chairs: Vec<ChairRecord>,
    pub working_groups: Vec<WorkingGroupRecord>,
    pub documents: Vec<DocumentRecord>,
    pub sources: Vec<SourceRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRecord {
    pub id: Option<String>,
    pub name: Localized,
    pub acronym: Option<Localized>,
    pub languages: Vec<String>,
    pub names: Vec<NameRecord>,
    pub founded: Option<DateValue>,
    pub dissolved: Option<DateValue>,
    pub succeeded_by: Option<SuccessorRecord>,
    pub coverage: Option<CoverageRecord>,
    /// The days the records claim to be complete for: the coverage within the group's life.
    pub covered: Option<Days>,
    pub rotation: Vec<RegimeRecord>,
    pub claims: Vec<ClaimRecord>,
    pub sources: Vec<String>,
    pub note: Option<String>,
    pub disputed: Vec<Disputed>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameRecord {
    pub name: Localized,
    pub acronym: Option<Localized>,
    pub from: Option<DateValue>,
    pub until: Option<DateValue>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuccessorRecord {
    pub name: Localized,
    pub date: Option<DateValue>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageRecord {
    pub from: Option<DateValue>,
    pub until: Option<DateValue>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegimeRecord {
    pub from: Option<DateValue>,
    pub until: Option<DateValue>,
    pub term_months: u32,
    pub start_months: Vec<u32>,
    pub order: Option<OrderRecord>,
    pub skipped: Vec<SkipRecord>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrderRecord {
    pub alphabetical: Option<String>,
    pub list: Vec<String>,
    pub one_turn_per_cycle: bool,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkipRecord {
    pub member: Option<String>,
    pub when: Option<DateValue>,
    pub reason: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRecord {
    pub members: usize,
    pub derived: bool,
    pub from: Option<DateValue>,
    pub until: Option<DateValue>,
    /// The one source of a statement (`source`), or the sources of a derived count.
    pub sources: Vec<String>,
    pub quote: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberRecord {
    pub id: String,
    pub name: Localized,
    pub acronym: Option<Localized>,
    pub seat: Option<String>,
    pub continues: Option<String>,
    pub founded: Option<DateValue>,
    pub memberships: Vec<MembershipRecord>,
    pub constituents: Vec<ConstituentRecord>,
    pub sources: Vec<String>,
    pub note: Option<String>,
    pub disputed: Vec<Disputed>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MembershipRecord {
    pub joined: Option<DateValue>,
    pub left: Option<DateValue>,
    /// The days the member was certainly in.
    pub certainly: Option<Days>,
    /// The days the member was possibly in.
    pub possibly: Option<Days>,
    /// The period's own sources (under `periods`); empty for a member's one period written
    /// with `joined` at the top of its file, which rests on the member's sources.
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConstituentRecord {
    pub id: String,
    pub name: Localized,
    pub acronym: Option<Localized>,
    pub founded: Option<DateValue>,
    pub note: Option<String>,
}

/// What a chair entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChairKind {
    Term,
    Vacant,
    Unknown,
}

impl ChairKind {
    pub fn name(self) -> &'static str {
        match self {
            ChairKind::Term => "term",
            ChairKind::Vacant => "vacant",
            ChairKind::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChairRecord {
    /// 1-based place of the entry in `chairs.yaml`.
    pub position: usize,
    pub kind: ChairKind,
    /// Who chaired: one id, or the co-chairs; empty for a vacancy or an unknown period.
    pub chairs: Vec<String>,
    /// Co-chairs named with sources of their own.
    pub chair_citations: Vec<Citation>,
    pub on_behalf_of: Option<String>,
    pub coordinator: Option<String>,
    /// `interim`, or `None` for a regular term.
    pub role: Option<String>,
    pub planned: bool,
    pub irregular: Option<String>,
    pub reason: Option<String>,
    pub start: Option<DateValue>,
    pub end: Option<DateValue>,
    /// The days the entry certainly covers, its dates read as whole units.
    pub certainly: Option<Days>,
    /// The days it possibly covers.
    pub possibly: Option<Days>,
    pub sources: Vec<String>,
    pub note: Option<String>,
    pub disputed: Vec<Disputed>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorkingGroupRecord {
    pub id: String,
    pub name: Localized,
    /// Its chair, or its co-chairs.
    pub chairs: Vec<String>,
    pub chair_citations: Vec<Citation>,
    pub from: Option<DateValue>,
    pub until: Option<DateValue>,
    /// For a dated working group, the days it certainly and possibly existed; `None` for an
    /// undated one, which roster never places on a day.
    pub certainly: Option<Days>,
    pub possibly: Option<Days>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub id: String,
    pub title: Option<String>,
    pub language: Option<String>,
    pub kind: Option<String>,
    pub author: Option<String>,
    pub published: Option<DateValue>,
    pub covers: Option<CoversRecord>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoversRecord {
    pub start: DateValue,
    pub end: DateValue,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceRecord {
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub accessed: Option<DateValue>,
    pub note: Option<String>,
}

/// The nodes of the loaded documents, found by the place the model keeps for a record.
struct Nodes<'a> {
    /// Every mapping, by its file and its head (where the model's `Loc` of a record points).
    mappings: HashMap<(FileId, Span), &'a Node>,
}

impl<'a> Nodes<'a> {
    fn of(documents: &'a [(FileId, ParsedFile)]) -> Nodes<'a> {
        let mut mappings = HashMap::new();
        for (file, document) in documents {
            // Nesting is capped by the loader (`tree::MAX_DEPTH`); a stack keeps it flat anyway.
            let mut stack = vec![&document.root];
            while let Some(node) = stack.pop() {
                if node.is_mapping() {
                    mappings.insert((*file, node.head()), node);
                    stack.extend(node.entries().iter().map(|e| &e.value));
                } else {
                    stack.extend(node.items());
                }
            }
        }
        Nodes { mappings }
    }

    /// The mapping a record of the model was read from.
    fn at(&self, at: Loc) -> Option<&'a Node> {
        self.mappings.get(&(at.file, at.span)).copied()
    }
}

/// The string under `key`.
fn text(node: Option<&Node>, key: &str) -> Option<String> {
    Some(node?.get(key)?.as_str()?.to_string())
}

/// The strings of the list under `key`.
fn strings(node: Option<&Node>, key: &str) -> Vec<String> {
    node.and_then(|n| n.get(key))
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(|n| Some(n.as_str()?.to_string()))
        .collect()
}

/// The sources a record cites itself: its `sources` list, or a claim's one `source`.
fn sources(node: Option<&Node>) -> Vec<String> {
    let mut ids = strings(node, "sources");
    ids.extend(text(node, "source"));
    ids
}

fn note(node: Option<&Node>) -> Option<String> {
    text(node, "note")
}

/// The `{language: text}` map under `key`.
fn localized(node: Option<&Node>, key: &str) -> Option<Localized> {
    let map = node?.get(key).filter(|n| n.is_mapping())?;
    Some(Localized(
        map.entries()
            .iter()
            .filter_map(|e| Some((e.key.to_string(), e.value.as_str()?.to_string())))
            .collect(),
    ))
}

/// The date under `key`, for the dates the model does not keep.
fn date(node: Option<&Node>, key: &str) -> Option<DateValue> {
    model::date_of(node?.get(key)?).map(|d| DateValue::of(&d))
}

fn value(date: &Option<Field<Date>>) -> Option<DateValue> {
    date.as_ref().map(|d| DateValue::of(&d.value))
}

fn disputed(node: Option<&Node>) -> Vec<Disputed> {
    let list = node.and_then(|n| n.get("disputed"));
    list.map_or(&[][..], Node::items)
        .iter()
        .filter(|item| item.is_mapping())
        .filter_map(|item| {
            Some(Disputed {
                field: text(Some(item), "field")?,
                value: item.get("value")?.to_value(),
                sources: sources(Some(item)),
                note: note(Some(item)),
            })
        })
        .collect()
}

/// The members under `key` (co-chairs) that are written with sources of their own.
fn citations(node: Option<&Node>, key: &str) -> Vec<Citation> {
    let list = node.and_then(|n| n.get(key));
    list.map_or(&[][..], Node::items)
        .iter()
        .filter(|item| item.is_mapping())
        .filter_map(|item| {
            Some(Citation {
                id: text(Some(item), "id")?,
                sources: sources(Some(item)),
                note: note(Some(item)),
            })
        })
        .collect()
}

/// The item of the list under `key` whose `id` is the one the model read.
fn item_with_id<'a>(node: Option<&'a Node>, key: &str, id: &Field<String>) -> Option<&'a Node> {
    node?
        .get(key)?
        .items()
        .iter()
        .find(|item| item.get("id").is_some_and(|n| n.span == id.at.span))
}

/// The days a period read from a date (a membership, a working group) certainly and possibly
/// holds.
fn point_days(extent: Option<Extent>) -> (Option<Days>, Option<Days>) {
    match extent {
        None => (None, None),
        Some(e) => (Days::of(e.certain()), Days::of(e.possible())),
    }
}

impl Records {
    /// The records of `data`, with the text of the `documents` they were read from.
    pub fn resolve(data: &Dataset, documents: &[(FileId, ParsedFile)]) -> Records {
        let nodes = Nodes::of(documents);
        let mut members: Vec<MemberRecord> = data
            .members
            .iter()
            .filter_map(|m| member(m, &nodes))
            .collect();
        members.sort_by(|a, b| a.id.cmp(&b.id));
        Records {
            group: data.group.as_ref().map(|g| group(g, &nodes)),
            members,
            chairs: data
                .chairs
                .iter()
                .map(|e| chair(e, nodes.at(e.at)))
                .collect(),
            working_groups: data
                .working_groups
                .iter()
                .filter_map(|w| {
                    let node = nodes.at(w.at);
                    let (certainly, possibly) = point_days(w.extent());
                    Some(WorkingGroupRecord {
                        id: w.id.as_ref()?.value.clone(),
                        name: localized(node, "name").unwrap_or_default(),
                        chairs: w.co_chairs.iter().map(|c| c.value.clone()).collect(),
                        chair_citations: citations(node, "co_chairs"),
                        from: value(&w.from),
                        until: value(&w.until),
                        certainly,
                        possibly,
                        sources: sources(node),
                        note: note(node),
                    })
                })
                .collect(),
            documents: data
                .documents
                .iter()
                .filter_map(|d| {
                    let node = nodes.at(d.at);
                    Some(DocumentRecord {
                        id: d.id.as_ref()?.value.clone(),
                        title: text(node, "title"),
                        language: text(node, "language"),
                        kind: d.kind.clone(),
                        author: d.author.as_ref().map(|a| a.value.clone()),
                        published: date(node, "published"),
                        covers: d.covers.as_ref().map(|(start, end)| CoversRecord {
                            start: DateValue::of(&start.value),
                            end: DateValue::of(&end.value),
                        }),
                        sources: sources(node),
                        note: note(node),
                    })
                })
                .collect(),
            sources: source_records(data, documents),
        }
    }
}

fn group(g: &model::Group, nodes: &Nodes) -> GroupRecord {
    let node = nodes.at(g.at);
    let successor = node
        .and_then(|n| n.get("succeeded_by"))
        .filter(|n| n.is_mapping());
    GroupRecord {
        id: text(node, "id"),
        name: localized(node, "name").unwrap_or_default(),
        acronym: localized(node, "acronym"),
        languages: g.languages.iter().map(|l| l.value.clone()).collect(),
        names: g
            .names
            .iter()
            .map(|n| {
                let node = nodes.at(n.at);
                NameRecord {
                    name: localized(node, "name").unwrap_or_default(),
                    acronym: localized(node, "acronym"),
                    from: value(&n.from),
                    until: value(&n.until),
                    sources: sources(node),
                    note: note(node),
                }
            })
            .collect(),
        founded: value(&g.founded),
        dissolved: value(&g.dissolved),
        succeeded_by: successor.map(|s| SuccessorRecord {
            name: localized(Some(s), "name").unwrap_or_default(),
            date: date(Some(s), "date"),
            sources: sources(Some(s)),
            note: note(Some(s)),
        }),
        coverage: g.coverage.as_ref().map(|c| CoverageRecord {
            from: value(&c.from),
            until: value(&c.until),
            note: note(nodes.at(c.at)),
        }),
        covered: Days::of(g.covered()),
        rotation: g.regimes.iter().map(|r| regime(r, nodes)).collect(),
        claims: g
            .claims
            .iter()
            .map(|c| {
                let node = nodes.at(c.at);
                ClaimRecord {
                    members: c.members,
                    derived: c.derived,
                    from: value(&c.from),
                    until: value(&c.until),
                    sources: sources(node),
                    quote: text(node, "quote"),
                    note: note(node),
                }
            })
            .collect(),
        sources: sources(node),
        note: note(node),
        disputed: disputed(node),
    }
}

fn regime(r: &model::Regime, nodes: &Nodes) -> RegimeRecord {
    let node = nodes.at(r.at);
    RegimeRecord {
        from: value(&r.from),
        until: value(&r.until),
        term_months: r.term_months,
        start_months: r.start_months.clone(),
        order: r.order.as_ref().map(|o| {
            let node = nodes.at(o.at);
            OrderRecord {
                alphabetical: o.alphabetical.as_ref().map(|a| a.value.clone()),
                list: o.list.iter().map(|m| m.value.clone()).collect(),
                one_turn_per_cycle: o.one_turn_per_cycle,
                sources: sources(node),
                note: note(node),
            }
        }),
        skipped: r
            .skipped
            .iter()
            .map(|s| {
                let node = nodes.at(s.at);
                SkipRecord {
                    member: s.member.as_ref().map(|m| m.value.clone()),
                    when: value(&s.when),
                    reason: text(node, "reason"),
                    sources: sources(node),
                }
            })
            .collect(),
        sources: sources(node),
        note: note(node),
    }
}

fn member(m: &model::Member, nodes: &Nodes) -> Option<MemberRecord> {
    let node = nodes.at(m.at);
    Some(MemberRecord {
        id: m.id.as_ref()?.value.clone(),
        name: localized(node, "name").unwrap_or_default(),
        acronym: localized(node, "acronym"),
        seat: m.seat.as_ref().map(|s| s.value.clone()),
        continues: m.continues.as_ref().map(|c| c.value.clone()),
        founded: value(&m.founded),
        memberships: m
            .tenures
            .iter()
            .map(|t| {
                // A period under `periods` has its own sources and note; the one period of a
                // member written at the top of its file shares the member's.
                let own = (t.at != m.at).then(|| nodes.at(t.at)).flatten();
                let (certainly, possibly) = point_days(t.extent());
                MembershipRecord {
                    joined: value(&t.joined),
                    left: value(&t.left),
                    certainly,
                    possibly,
                    sources: sources(own),
                    note: note(own),
                }
            })
            .collect(),
        constituents: m
            .constituents
            .iter()
            .map(|c| {
                let node = item_with_id(node, "constituents", &c.id);
                ConstituentRecord {
                    id: c.id.value.clone(),
                    name: localized(node, "name").unwrap_or_default(),
                    acronym: localized(node, "acronym"),
                    founded: value(&c.founded),
                    note: note(node),
                }
            })
            .collect(),
        sources: sources(node),
        note: note(node),
        disputed: disputed(node),
    })
}

fn chair(e: &model::ChairEntry, node: Option<&Node>) -> ChairRecord {
    let term = e.term();
    let id = |f: &Field<String>| f.value.clone();
    ChairRecord {
        position: e.index + 1,
        kind: match e.kind {
            EntryKind::Term { .. } => ChairKind::Term,
            EntryKind::Vacant => ChairKind::Vacant,
            EntryKind::Unknown => ChairKind::Unknown,
        },
        chairs: term
            .as_ref()
            .map_or(Vec::new(), |t| t.chairs.iter().map(id).collect()),
        chair_citations: citations(node, "chairs"),
        on_behalf_of: term.as_ref().and_then(|t| t.on_behalf_of).map(id),
        coordinator: term.as_ref().and_then(|t| t.coordinator).map(id),
        role: text(node, "role"),
        planned: e.planned,
        irregular: text(node, "irregular"),
        reason: text(node, "reason"),
        start: value(&e.start),
        end: value(&e.end),
        certainly: e.certain_period().and_then(Days::of),
        possibly: e.period().and_then(Days::of),
        sources: sources(node),
        note: note(node),
        disputed: disputed(node),
    }
}

/// The sources of `sources.yaml`, in its order. The model keeps only their ids; the rest is read
/// from the item each id was read from.
fn source_records(data: &Dataset, documents: &[(FileId, ParsedFile)]) -> Vec<SourceRecord> {
    let lists: HashMap<FileId, &Node> = documents
        .iter()
        .filter_map(|(file, d)| Some((*file, d.root.get("sources")?)))
        .collect();
    data.sources
        .iter()
        .map(|s| {
            let node = lists.get(&s.id.at.file).and_then(|list| {
                list.items()
                    .iter()
                    .find(|item| item.get("id").is_some_and(|n| n.span == s.id.at.span))
            });
            SourceRecord {
                id: s.id.value.clone(),
                title: text(node, "title"),
                publisher: text(node, "publisher"),
                language: text(node, "language"),
                url: text(node, "url"),
                accessed: date(node, "accessed"),
                note: note(node),
            }
        })
        .collect()
}

/// Every language the records give a name or an acronym in: the group's `languages` first,
/// then any other in the order met. Tables have one column per language.
pub fn languages(records: &Records) -> Vec<String> {
    let mut maps: Vec<&Localized> = Vec::new();
    if let Some(g) = &records.group {
        maps.push(&g.name);
        maps.extend(&g.acronym);
        for n in &g.names {
            maps.push(&n.name);
            maps.extend(&n.acronym);
        }
        maps.extend(g.succeeded_by.as_ref().map(|s| &s.name));
    }
    for m in &records.members {
        maps.push(&m.name);
        maps.extend(&m.acronym);
        for c in &m.constituents {
            maps.push(&c.name);
            maps.extend(&c.acronym);
        }
    }
    maps.extend(records.working_groups.iter().map(|w| &w.name));
    let mut out: Vec<String> = records
        .group
        .as_ref()
        .map(|g| g.languages.clone())
        .unwrap_or_default();
    for (language, _) in maps.into_iter().flat_map(|l| &l.0) {
        if !out.contains(language) {
            out.push(language.clone());
        }
    }
    out
}
