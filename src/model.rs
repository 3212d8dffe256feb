//! The records as typed values, each field keeping where it was written.
//!
//! Built from the loaded documents after schema validation, leniently: a record missing a field
//! the rules need is kept with that field absent, and an entry that is not a mapping is skipped,
//! because the schema has already reported it. The rules (`crate::rules`) read only this model,
//! so they never touch YAML or JSON.

use crate::load::tree::ParsedFile;
use crate::load::tree::{Node, NodeKind};
use crate::load::workspace::Kind;
use crate::source::{FileId, Span};
use crate::temporal::{self, Date, Day, Interval};

/// Where something is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

/// A value and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub at: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub group: Option<Group>,
    pub members: Vec<Member>,
    pub chairs: Vec<ChairEntry>,
    pub working_groups: Vec<WorkingGroup>,
    pub documents: Vec<Document>,
    pub sources: Vec<SourceRecord>,
    /// Every `sources:` list and claim `source:`, for the reference and source rules.
    pub citations: Vec<Citations>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub at: Loc,
    pub founded: Option<Field<Date>>,
    pub dissolved: Option<Field<Date>>,
    /// The period the records claim to be complete for.
    pub coverage: Option<Coverage>,
    pub regimes: Vec<Regime>,
    pub claims: Vec<Claim>,
    pub names: Vec<NamePeriod>,
}

/// `coverage:` in `group.yaml`: the records hold every member, chair and working group of the
/// body from `from` through `until` (open-ended without `until`).
#[derive(Clone, Debug)]
pub struct Coverage {
    pub at: Loc,
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
}

impl Group {
    /// The days of the body's life: from its founding through its dissolution, read as whole
    /// units (`founded: 2003-04` is from the first of April). Unbounded where not known.
    pub fn life(&self) -> Interval {
        Interval::new(
            self.founded
                .as_ref()
                .map_or(Day::MIN, |f| f.value.first_day()),
            self.dissolved
                .as_ref()
                .map_or(Day::MAX, |d| d.value.last_day()),
        )
    }

    /// The days the records claim to be complete for: the `coverage`, within the body's life;
    /// the whole life when no coverage is stated.
    pub fn covered(&self) -> Interval {
        let life = self.life();
        match &self.coverage {
            None => life,
            Some(c) => Interval::new(
                c.from.as_ref().map_or(Day::MIN, |f| f.value.first_day()),
                c.until.as_ref().map_or(Day::MAX, |u| u.value.last_day()),
            )
            .intersection(&life),
        }
    }
}

#[derive(Clone, Debug)]
pub struct NamePeriod {
    pub at: Loc,
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
}

/// A rotation regime: terms of `term_months` starting in one of `start_months`.
#[derive(Clone, Debug)]
pub struct Regime {
    pub at: Loc,
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
    pub term_months: u32,
    pub start_months: Vec<u32>,
}

/// A statement from a source about how many members the body had, or (`derived: true`) a count
/// the records derive themselves, kept as a check of their own consistency.
#[derive(Clone, Debug)]
pub struct Claim {
    pub at: Loc,
    pub members: usize,
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
    pub source: Option<Field<String>>,
    pub derived: bool,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub at: Loc,
    pub file: FileId,
    /// The file name without `.yaml`, which must equal the id.
    pub file_stem: String,
    pub id: Option<Field<String>>,
    /// `(language, acronym)` pairs.
    pub acronyms: Vec<(String, Field<String>)>,
    pub joined: Option<Field<Date>>,
    pub left: Option<Field<Date>>,
    pub founded: Option<Field<Date>>,
    pub constituents: Vec<Constituent>,
}

impl Member {
    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|f| f.value.as_str())
    }

    /// The membership as a reduced-precision period, if `joined` is known.
    pub fn membership(&self) -> Option<temporal::Extent> {
        Some(temporal::Extent {
            start: self.joined.as_ref()?.value,
            end: self.left.as_ref().map(|l| l.value),
        })
    }
}

#[derive(Clone, Debug)]
pub struct Constituent {
    pub id: Field<String>,
    pub founded: Option<Field<Date>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EntryKind {
    /// One chair, or co-chairs; `on_behalf_of` names the member a collective chair acts for,
    /// and `coordinator` the constituent that coordinated a seat's collective chairmanship.
    Term {
        chairs: Vec<Field<String>>,
        on_behalf_of: Option<Field<String>>,
        coordinator: Option<Field<String>>,
        interim: bool,
        irregular: bool,
    },
    Vacant,
    Unknown,
}

#[derive(Clone, Debug)]
pub struct ChairEntry {
    pub at: Loc,
    /// Position in `chairs.yaml`.
    pub index: usize,
    pub kind: EntryKind,
    pub start: Option<Field<Date>>,
    pub end: Option<Field<Date>>,
}

/// The chairs of a term, the seat they chaired for (`on_behalf_of`) and the constituent that
/// coordinated a seat's collective chairmanship (`coordinator`).
pub struct Chairing<'a> {
    pub chairs: &'a [Field<String>],
    pub on_behalf_of: Option<&'a Field<String>>,
    pub coordinator: Option<&'a Field<String>>,
}

impl ChairEntry {
    /// Who chaired, for a term; `None` for a vacancy or an unknown period.
    pub fn term(&self) -> Option<Chairing<'_>> {
        match &self.kind {
            EntryKind::Term {
                chairs,
                on_behalf_of,
                coordinator,
                ..
            } => Some(Chairing {
                chairs,
                on_behalf_of: on_behalf_of.as_ref(),
                coordinator: coordinator.as_ref(),
            }),
            _ => None,
        }
    }

    /// The entry's dates as a period.
    pub fn extent(&self) -> Option<temporal::Extent> {
        Some(temporal::Extent {
            start: self.start.as_ref()?.value,
            end: Some(self.end.as_ref()?.value),
        })
    }

    /// The days the entry may cover: all of its start unit through all of its end unit (with
    /// windows, from the earliest start to the latest end).
    pub fn period(&self) -> Option<temporal::Interval> {
        Some(self.extent()?.whole())
    }

    /// The days the entry certainly covers: the same as [`ChairEntry::period`] unless a date is
    /// a window (then from the latest start to the earliest end) or inferred (then none).
    pub fn certain_period(&self) -> Option<temporal::Interval> {
        Some(self.extent()?.whole_certain())
    }
}

#[derive(Clone, Debug)]
pub struct WorkingGroup {
    pub at: Loc,
    pub id: Option<Field<String>>,
    pub co_chairs: Vec<Field<String>>,
    /// When the working group was set up and wound up, where a source says; an undated working
    /// group is only known to have existed at some time in the body's life.
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
}

impl WorkingGroup {
    /// The working group's period, if it is dated (`from` given).
    pub fn extent(&self) -> Option<temporal::Extent> {
        Some(temporal::Extent {
            start: self.from.as_ref()?.value,
            end: self.until.as_ref().map(|u| u.value),
        })
    }
}

#[derive(Clone, Debug)]
pub struct Document {
    pub at: Loc,
    pub id: Option<Field<String>>,
    pub kind: Option<String>,
    pub author: Option<Field<String>>,
    pub covers: Option<(Field<Date>, Field<Date>)>,
}

#[derive(Clone, Debug)]
pub struct SourceRecord {
    pub id: Field<String>,
}

/// One place that cites sources: a `sources:` list (possibly empty or absent) or a claim's
/// `source:`.
#[derive(Clone, Debug)]
pub struct Citations {
    /// The entry that cites.
    pub at: Loc,
    pub ids: Vec<Field<String>>,
}

/// One loaded file handed to [`Dataset::build`].
pub struct Input<'a> {
    pub file: FileId,
    pub kind: Kind,
    /// `records/members/iom.yaml`.
    pub name: &'a str,
    pub document: &'a ParsedFile,
}

struct FieldReader {
    file: FileId,
}

impl FieldReader {
    fn loc(&self, node: &Node) -> Loc {
        Loc {
            file: self.file,
            span: node.head(),
        }
    }

    fn field<T>(&self, value: T, node: &Node) -> Field<T> {
        Field {
            value,
            at: Loc {
                file: self.file,
                span: node.span,
            },
        }
    }

    fn string(&self, node: &Node, key: &str) -> Option<Field<String>> {
        let n = node.get(key)?;
        Some(self.field(n.as_str()?.to_string(), n))
    }

    fn date(&self, node: &Node, key: &str) -> Option<Field<Date>> {
        let n = node.get(key)?;
        let date = match &n.kind {
            NodeKind::Number(year) => Date::year(year.as_u64()?),
            NodeKind::String(text) => Date::parse(text).ok(),
            _ => None,
        }?;
        Some(self.field(date, n))
    }

    fn strings(&self, node: &Node, key: &str) -> Vec<Field<String>> {
        let Some(list) = node.get(key).and_then(Node::as_sequence) else {
            return Vec::new();
        };
        list.iter()
            .filter_map(|n| Some(self.field(n.as_str()?.to_string(), n)))
            .collect()
    }

    /// The items of the list under `key` that are mappings.
    fn items<'a>(&self, node: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
        let list = node.get(key).map_or(&[][..], Node::items);
        list.iter().filter(|item| item.is_mapping())
    }

    fn citations(&self, node: &Node) -> Citations {
        let mut ids = self.strings(node, "sources");
        ids.extend(self.string(node, "source"));
        for item in self.items(node, "disputed") {
            ids.extend(self.strings(item, "sources"));
        }
        Citations {
            at: self.loc(node),
            ids,
        }
    }
}

impl Dataset {
    /// Builds the model from every loaded record file.
    pub fn build(inputs: &[Input]) -> Dataset {
        let mut data = Dataset::default();
        for input in inputs {
            let r = FieldReader { file: input.file };
            let root = &input.document.root;
            if !root.is_mapping() {
                continue;
            }
            match input.kind {
                Kind::Group => data.read_group(&r, root),
                Kind::Member => data.read_member(&r, input.name, root),
                Kind::Chairs => {
                    let items = r.items(root, "chairs");
                    data.chairs.reserve(items.size_hint().1.unwrap_or(0));
                    data.citations.reserve(items.size_hint().1.unwrap_or(0));
                    for (index, node) in items.enumerate() {
                        data.read_chair(&r, index, node);
                    }
                }
                Kind::WorkingGroups => {
                    for node in r.items(root, "working_groups") {
                        data.citations.push(r.citations(node));
                        let mut co_chairs = r.strings(node, "co_chairs");
                        co_chairs.extend(r.string(node, "chair"));
                        data.working_groups.push(WorkingGroup {
                            at: r.loc(node),
                            id: r.string(node, "id"),
                            co_chairs,
                            from: r.date(node, "from"),
                            until: r.date(node, "until"),
                        });
                    }
                }
                Kind::Documents => {
                    for node in r.items(root, "documents") {
                        data.citations.push(r.citations(node));
                        let covers = node
                            .get("covers")
                            .and_then(|c| Some((r.date(c, "start")?, r.date(c, "end")?)));
                        data.documents.push(Document {
                            at: r.loc(node),
                            id: r.string(node, "id"),
                            kind: node.get("kind").and_then(Node::as_str).map(str::to_string),
                            author: r.string(node, "author"),
                            covers,
                        });
                    }
                }
                Kind::Sources => {
                    for node in r.items(root, "sources") {
                        if let Some(id) = r.string(node, "id") {
                            data.sources.push(SourceRecord { id });
                        }
                    }
                }
            }
        }
        data
    }

    fn read_group(&mut self, r: &FieldReader, root: &Node) {
        self.citations.push(r.citations(root));
        let regimes = r
            .items(root, "rotation")
            .map(|node| {
                self.citations.push(r.citations(node));
                Regime {
                    at: r.loc(node),
                    from: r.date(node, "from"),
                    until: r.date(node, "until"),
                    term_months: node.get("term_months").and_then(Node::as_u64).unwrap_or(0) as u32,
                    start_months: node
                        .get("start_months")
                        .map(|a| {
                            a.items()
                                .iter()
                                .filter_map(Node::as_u64)
                                .map(|m| m as u32)
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let claims = r
            .items(root, "claims")
            .filter_map(|node| {
                self.citations.push(r.citations(node));
                Some(Claim {
                    at: r.loc(node),
                    members: node.get("members")?.as_u64()? as usize,
                    from: r.date(node, "from"),
                    until: r.date(node, "until"),
                    source: r.string(node, "source"),
                    derived: node.get("derived").and_then(Node::as_bool) == Some(true),
                })
            })
            .collect();
        let names = r
            .items(root, "names")
            .map(|node| {
                self.citations.push(r.citations(node));
                NamePeriod {
                    at: r.loc(node),
                    from: r.date(node, "from"),
                    until: r.date(node, "until"),
                }
            })
            .collect();
        let coverage = root
            .get("coverage")
            .filter(|c| c.is_mapping())
            .map(|node| Coverage {
                at: r.loc(node),
                from: r.date(node, "from"),
                until: r.date(node, "until"),
            });
        self.group = Some(Group {
            at: r.loc(root),
            founded: r.date(root, "founded"),
            dissolved: r.date(root, "dissolved"),
            coverage,
            regimes,
            claims,
            names,
        });
    }

    fn read_member(&mut self, r: &FieldReader, name: &str, root: &Node) {
        self.citations.push(r.citations(root));
        let file_stem = name
            .rsplit('/')
            .next()
            .unwrap_or(name)
            .trim_end_matches(".yaml")
            .to_string();
        let acronyms = root
            .get("acronym")
            .map(|node| {
                node.entries()
                    .iter()
                    .filter_map(|e| Some((e.key.to_string(), r.string(node, &e.key)?)))
                    .collect()
            })
            .unwrap_or_default();
        let constituents = r
            .items(root, "constituents")
            .filter_map(|node| {
                Some(Constituent {
                    id: r.string(node, "id")?,
                    founded: r.date(node, "founded"),
                })
            })
            .collect();
        self.members.push(Member {
            at: r.loc(root),
            file: r.file,
            file_stem,
            id: r.string(root, "id"),
            acronyms,
            joined: r.date(root, "joined"),
            left: r.date(root, "left"),
            founded: r.date(root, "founded"),
            constituents,
        });
    }

    fn read_chair(&mut self, r: &FieldReader, index: usize, node: &Node) {
        self.citations.push(r.citations(node));
        let flag = |key| node.get(key).and_then(Node::as_bool) == Some(true);
        let kind = if flag("vacant") {
            EntryKind::Vacant
        } else if flag("unknown") {
            EntryKind::Unknown
        } else {
            let mut chairs: Vec<_> = r.string(node, "chair").into_iter().collect();
            chairs.extend(r.strings(node, "chairs"));
            EntryKind::Term {
                chairs,
                on_behalf_of: r.string(node, "on_behalf_of"),
                coordinator: r.string(node, "coordinator"),
                interim: node.get("role").and_then(Node::as_str) == Some("interim"),
                irregular: node.get("irregular").is_some(),
            }
        };
        self.chairs.push(ChairEntry {
            at: r.loc(node),
            index,
            kind,
            start: r.date(node, "start"),
            end: r.date(node, "end"),
        });
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id() == Some(id))
    }
}

impl Dataset {
    /// Moves the records of `other`, the model of another file, into this one.
    pub fn absorb(&mut self, mut other: Dataset) {
        if self.group.is_none() {
            self.group = other.group.take();
        }
        self.members.append(&mut other.members);
        self.chairs.append(&mut other.chairs);
        self.working_groups.append(&mut other.working_groups);
        self.documents.append(&mut other.documents);
        self.sources.append(&mut other.sources);
        self.citations.append(&mut other.citations);
    }

    /// Adds the records of `other`, the model of another file, to this one.
    pub fn merge(&mut self, other: &Dataset) {
        if self.group.is_none() {
            self.group.clone_from(&other.group);
        }
        self.members.extend(other.members.iter().cloned());
        self.chairs.extend(other.chairs.iter().cloned());
        self.working_groups
            .extend(other.working_groups.iter().cloned());
        self.documents.extend(other.documents.iter().cloned());
        self.sources.extend(other.sources.iter().cloned());
        self.citations.extend(other.citations.iter().cloned());
    }
}
