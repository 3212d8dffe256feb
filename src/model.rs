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

/// A list of ids, read as a slice: the chairs of a term, the sources a record cites. Most
/// hold one, kept in place; a list of any other length is on the heap, sized to it. A chair
/// list holds a million terms, each with one chair and one source: this spares two small
/// allocations a term.
#[derive(Clone, Debug, PartialEq)]
pub enum Ids {
    One(Field<String>),
    Many(Box<[Field<String>]>),
}

impl std::ops::Deref for Ids {
    type Target = [Field<String>];

    fn deref(&self) -> &[Field<String>] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }
}

impl<'a> IntoIterator for &'a Ids {
    type Item = &'a Field<String>;
    type IntoIter = std::slice::Iter<'a, Field<String>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl From<Vec<Field<String>>> for Ids {
    fn from(mut ids: Vec<Field<String>>) -> Ids {
        if ids.len() == 1 {
            if let Some(one) = ids.pop() {
                return Ids::One(one);
            }
        }
        Ids::Many(ids.into_boxed_slice())
    }
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
    /// Every name and acronym map, for the rule on the body's languages.
    pub localized: Vec<Localized>,
}

/// A `name` or `acronym` map, keyed by language.
#[derive(Clone, Debug)]
pub struct Localized {
    /// The map itself (its first key).
    pub at: Loc,
    /// What it names, for messages: "the name of member `iom`".
    pub what: String,
    /// Its keys: the languages it is given in.
    pub languages: Vec<Field<String>>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub at: Loc,
    pub founded: Option<Field<Date>>,
    pub dissolved: Option<Field<Date>>,
    /// The period the records claim to be complete for.
    pub coverage: Option<Coverage>,
    /// The languages names and acronyms are kept in (`languages`).
    pub languages: Vec<Field<String>>,
    /// `(language, name)` pairs of the current name.
    pub name: Vec<(String, String)>,
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

/// A rotation regime: terms of `term_months` starting in one of `start_months`, perhaps passing
/// from member to member in a declared `order`.
#[derive(Clone, Debug)]
pub struct Regime {
    pub at: Loc,
    pub from: Option<Field<Date>>,
    pub until: Option<Field<Date>>,
    pub term_months: u32,
    pub start_months: Vec<u32>,
    pub order: Option<Order>,
    /// Turns the order gave to a member that did not take them.
    pub skipped: Vec<Skip>,
}

/// The order in which the chair passes from member to member.
#[derive(Clone, Debug)]
pub struct Order {
    pub at: Loc,
    /// Alphabetical by the members' names in this language.
    pub alphabetical: Option<Field<String>>,
    /// Or this list of member ids.
    pub list: Vec<Field<String>>,
    pub one_turn_per_cycle: bool,
}

/// A turn the order gave to `member` at `when`, which it did not take.
#[derive(Clone, Debug)]
pub struct Skip {
    pub at: Loc,
    pub member: Option<Field<String>>,
    pub when: Option<Field<Date>>,
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
    /// `(language, name)` pairs.
    pub names: Vec<(String, String)>,
    /// `(language, acronym)` pairs.
    pub acronyms: Vec<(String, Field<String>)>,
    /// The periods of membership: the top-level `joined` and `left`, or each of `periods`.
    pub tenures: Vec<Tenure>,
    pub founded: Option<Field<Date>>,
    pub constituents: Vec<Constituent>,
    /// The member whose seat this one continues (`continues: ussr`).
    pub continues: Option<Field<String>>,
    /// The kind of seat (`permanent`, `elected`).
    pub seat: Option<Field<String>>,
}

/// One period of membership.
#[derive(Clone, Debug)]
pub struct Tenure {
    pub at: Loc,
    pub joined: Option<Field<Date>>,
    pub left: Option<Field<Date>>,
}

impl Tenure {
    /// The period as dates of reduced precision, if `joined` is known.
    pub fn extent(&self) -> Option<temporal::Extent> {
        Some(temporal::Extent {
            start: self.joined.as_ref()?.value,
            end: self.left.as_ref().map(|l| l.value),
        })
    }
}

impl Member {
    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|f| f.value.as_str())
    }

    /// Every period of membership whose `joined` is known, with its dates as a period.
    pub fn memberships(&self) -> impl Iterator<Item = (&Tenure, temporal::Extent)> {
        self.tenures.iter().filter_map(|t| Some((t, t.extent()?)))
    }

    /// When the member first joined.
    pub fn first_joined(&self) -> Option<&Field<Date>> {
        self.tenures.first()?.joined.as_ref()
    }

    /// The member's name in `language`, if it has one.
    pub fn name_in(&self, language: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|(l, _)| l == language)
            .map(|(_, n)| n.as_str())
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
    /// Both are rare, so they are boxed: a chair list holds a million terms, and each would
    /// otherwise keep room for them (ChairEntry::term lends them unboxed).
    Term {
        chairs: Ids,
        on_behalf_of: Option<Box<Field<String>>>,
        coordinator: Option<Box<Field<String>>>,
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
    /// Decided but not yet held (`planned: true`).
    pub planned: bool,
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
                on_behalf_of: on_behalf_of.as_deref(),
                coordinator: coordinator.as_deref(),
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
    pub ids: Ids,
}

/// One loaded file handed to [`Dataset::build`].
pub struct Input<'a> {
    pub file: FileId,
    pub kind: Kind,
    /// `records/members/iom.yaml`.
    pub name: &'a str,
    pub document: &'a ParsedFile,
}

/// The date a node holds: a year written as a number (`joined: 2010`, which YAML reads as an
/// integer) or a date in the notation of [`Date::parse`]; `None` for anything else, which the
/// schema has already reported.
pub fn date_of(node: &Node) -> Option<Date> {
    match &node.kind {
        NodeKind::Number(year) => Date::year(year.as_u64()?),
        NodeKind::String(text) => Date::parse(text).ok(),
        _ => None,
    }
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
        Some(self.field(date_of(n)?, n))
    }

    fn strings(&self, node: &Node, key: &str) -> Vec<Field<String>> {
        let Some(list) = node.get(key).and_then(Node::as_sequence) else {
            return Vec::new();
        };
        // Sized for the list: collecting a filtered list would reserve room for four.
        let mut strings = Vec::with_capacity(list.len());
        strings.extend(
            list.iter()
                .filter_map(|n| Some(self.field(n.as_str()?.to_string(), n))),
        );
        strings
    }

    /// The member ids under `key`: each item a string, or a mapping with an `id` (and its own
    /// `sources`, returned as citations).
    fn member_refs(&self, node: &Node, key: &str) -> (Vec<Field<String>>, Vec<Citations>) {
        let mut ids = Vec::new();
        let mut citations = Vec::new();
        for item in node.get(key).map_or(&[][..], Node::items) {
            if let Some(text) = item.as_str() {
                ids.push(self.field(text.to_string(), item));
            } else if let Some(id) = self.string(item, "id") {
                ids.push(id);
                citations.push(self.citations(item));
            }
        }
        (ids, citations)
    }

    /// The `name` or `acronym` map under `key`, as a [`Localized`] naming `what`.
    fn localized(
        &self,
        node: &Node,
        key: &str,
        what: impl FnOnce() -> String,
    ) -> Option<Localized> {
        let map = node.get(key).filter(|n| n.is_mapping())?;
        Some(Localized {
            at: self.loc(map),
            what: what(),
            languages: map
                .entries()
                .iter()
                .map(|e| Field {
                    value: e.key.to_string(),
                    at: Loc {
                        file: self.file,
                        span: e.key_span,
                    },
                })
                .collect(),
        })
    }

    /// The `(key, text)` pairs of the map under `key` (a name by language).
    fn texts(&self, node: &Node, key: &str) -> Vec<(String, String)> {
        node.get(key)
            .map(|map| {
                map.entries()
                    .iter()
                    .filter_map(|e| Some((e.key.to_string(), e.value.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default()
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
            ids: ids.into(),
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
                Kind::Chairs | Kind::WorkingGroups | Kind::Documents | Kind::Sources => {
                    let key = crate::load::schema::list_key(input.kind).unwrap_or_default();
                    let items = root.get(key).map_or(&[][..], Node::items);
                    if input.kind == Kind::Chairs {
                        data.chairs.reserve(items.len());
                        data.citations.reserve(items.len());
                    }
                    for (index, node) in items.iter().enumerate() {
                        data.read_list_item(input.kind, input.file, index, node);
                    }
                }
            }
        }
        data
    }

    /// Adds one item of a record list (the `index`th of `chairs.yaml`'s `chairs`, say) read
    /// from `file`; an item that is not a mapping is skipped, the schema has reported it.
    /// [`Dataset::build`] reads lists with it, and so does a large list read item by item.
    pub fn read_list_item(&mut self, kind: Kind, file: FileId, index: usize, node: &Node) {
        if !node.is_mapping() {
            return;
        }
        let r = &FieldReader { file };
        match kind {
            Kind::Chairs => self.read_chair(r, index, node),
            Kind::WorkingGroups => {
                self.citations.push(r.citations(node));
                let id = r.string(node, "id");
                let who = id.as_ref().map_or("?", |f| f.value.as_str());
                self.localized.extend(r.localized(node, "name", || {
                    format!("the name of working group `{who}`")
                }));
                let (mut co_chairs, cited) = r.member_refs(node, "co_chairs");
                self.citations.extend(cited);
                co_chairs.extend(r.string(node, "chair"));
                self.working_groups.push(WorkingGroup {
                    at: r.loc(node),
                    id,
                    co_chairs,
                    from: r.date(node, "from"),
                    until: r.date(node, "until"),
                });
            }
            Kind::Documents => {
                self.citations.push(r.citations(node));
                let covers = node
                    .get("covers")
                    .and_then(|c| Some((r.date(c, "start")?, r.date(c, "end")?)));
                self.documents.push(Document {
                    at: r.loc(node),
                    id: r.string(node, "id"),
                    kind: node.get("kind").and_then(Node::as_str).map(str::to_string),
                    author: r.string(node, "author"),
                    covers,
                });
            }
            Kind::Sources => {
                if let Some(id) = r.string(node, "id") {
                    self.sources.push(SourceRecord { id });
                }
            }
            Kind::Group | Kind::Member => {}
        }
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
                    order: node.get("order").filter(|o| o.is_mapping()).map(|o| {
                        // An order may cite sources of its own, or rest on the regime's.
                        if o.get("sources").is_some() {
                            self.citations.push(r.citations(o));
                        }
                        Order {
                            at: r.loc(o),
                            alphabetical: r.string(o, "alphabetical"),
                            list: r.strings(o, "list"),
                            one_turn_per_cycle: o.get("one_turn_per_cycle").and_then(Node::as_bool)
                                != Some(false),
                        }
                    }),
                    skipped: r
                        .items(node, "skipped")
                        .map(|skip| {
                            self.citations.push(r.citations(skip));
                            Skip {
                                at: r.loc(skip),
                                member: r.string(skip, "member"),
                                when: r.date(skip, "when"),
                            }
                        })
                        .collect(),
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
        self.localized
            .extend(r.localized(root, "name", || "the group's name".to_string()));
        self.localized
            .extend(r.localized(root, "acronym", || "the group's acronym".to_string()));
        if let Some(successor) = root.get("succeeded_by").filter(|n| n.is_mapping()) {
            self.citations.push(r.citations(successor));
            self.localized.extend(r.localized(successor, "name", || {
                "the name of the group's successor".to_string()
            }));
        }
        let names = r
            .items(root, "names")
            .map(|node| {
                self.citations.push(r.citations(node));
                self.localized
                    .extend(r.localized(node, "name", || "a former name of the group".to_string()));
                self.localized.extend(r.localized(node, "acronym", || {
                    "a former acronym of the group".to_string()
                }));
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
            languages: r.strings(root, "languages"),
            name: r.texts(root, "name"),
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
        let id = r.string(root, "id");
        let who = id.as_ref().map_or(file_stem.clone(), |f| f.value.clone());
        self.localized
            .extend(r.localized(root, "name", || format!("the name of member `{who}`")));
        self.localized
            .extend(r.localized(root, "acronym", || format!("the acronym of member `{who}`")));
        let constituents = r
            .items(root, "constituents")
            .filter_map(|node| {
                let id = r.string(node, "id")?;
                let of = &id.value;
                self.localized.extend(
                    r.localized(node, "name", || format!("the name of constituent `{of}`")),
                );
                self.localized.extend(r.localized(node, "acronym", || {
                    format!("the acronym of constituent `{of}`")
                }));
                Some(Constituent {
                    founded: r.date(node, "founded"),
                    id,
                })
            })
            .collect();
        let names = r.texts(root, "name");
        // One period at the top level, or several under `periods`, each with its sources.
        let mut tenures: Vec<Tenure> = r
            .items(root, "periods")
            .map(|node| {
                self.citations.push(r.citations(node));
                Tenure {
                    at: r.loc(node),
                    joined: r.date(node, "joined"),
                    left: r.date(node, "left"),
                }
            })
            .collect();
        if tenures.is_empty() {
            tenures.push(Tenure {
                at: r.loc(root),
                joined: r.date(root, "joined"),
                left: r.date(root, "left"),
            });
        }
        self.members.push(Member {
            at: r.loc(root),
            file: r.file,
            file_stem,
            id,
            names,
            acronyms,
            tenures,
            founded: r.date(root, "founded"),
            constituents,
            continues: r.string(root, "continues"),
            seat: r.string(root, "seat"),
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
            let (co_chairs, cited) = r.member_refs(node, "chairs");
            chairs.extend(co_chairs);
            self.citations.extend(cited);
            EntryKind::Term {
                chairs: chairs.into(),
                on_behalf_of: r.string(node, "on_behalf_of").map(Box::new),
                coordinator: r.string(node, "coordinator").map(Box::new),
                interim: node.get("role").and_then(Node::as_str) == Some("interim"),
                irregular: node.get("irregular").is_some(),
            }
        };
        self.chairs.push(ChairEntry {
            at: r.loc(node),
            index,
            kind,
            planned: flag("planned"),
            start: r.date(node, "start"),
            end: r.date(node, "end"),
        });
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id() == Some(id))
    }
}

/// Moves the items of `from` to the end of `to`; when `to` is empty, by taking `from`'s
/// allocation rather than copying: the million chair terms of one file are moved, not copied
/// beside themselves.
fn absorb<T>(to: &mut Vec<T>, from: &mut Vec<T>) {
    if to.is_empty() && to.capacity() <= from.capacity() {
        std::mem::swap(to, from);
    } else {
        to.append(from);
    }
}

impl Dataset {
    /// Moves the records of `other`, the model of another file, into this one.
    pub fn absorb(&mut self, mut other: Dataset) {
        if self.group.is_none() {
            self.group = other.group.take();
        }
        absorb(&mut self.members, &mut other.members);
        absorb(&mut self.chairs, &mut other.chairs);
        absorb(&mut self.working_groups, &mut other.working_groups);
        absorb(&mut self.documents, &mut other.documents);
        absorb(&mut self.sources, &mut other.sources);
        absorb(&mut self.citations, &mut other.citations);
        absorb(&mut self.localized, &mut other.localized);
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
        self.localized.extend(other.localized.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn a_list_of_ids_reads_as_written() {
        let id = |n: u32| Field {
            value: format!("m{n}"),
            at: Loc {
                file: 0,
                span: Span::at(n as usize),
            },
        };
        for n in 0..4 {
            let written: Vec<_> = (0..n).map(id).collect();
            let ids = Ids::from(written.clone());
            assert_eq!(ids.len(), n as usize);
            assert_eq!(&ids[..], &written[..]);
            assert_eq!((&ids).into_iter().count(), n as usize);
            assert_eq!(matches!(ids, Ids::One(_)), n == 1);
        }
    }

    /// A chair list holds a million terms: the size of each record, and of what it holds, is
    /// the model's memory (benches/README.md, check-scale). These pin it, so that a field that
    /// makes every term larger is a decision, not an accident.
    #[test]
    fn records_stay_small() {
        let sizes = [
            ("PartialDate", size_of::<temporal::PartialDate>()),
            ("Date", size_of::<Date>()),
            ("Loc", size_of::<Loc>()),
            ("Field<Date>", size_of::<Field<Date>>()),
            ("Option<Field<Date>>", size_of::<Option<Field<Date>>>()),
            ("Field<String>", size_of::<Field<String>>()),
            ("Ids", size_of::<Ids>()),
            ("EntryKind", size_of::<EntryKind>()),
            ("ChairEntry", size_of::<ChairEntry>()),
            ("Citations", size_of::<Citations>()),
        ];
        let expected = [
            ("PartialDate", 4),
            ("Date", 14),
            ("Loc", 12),
            ("Field<Date>", 28),
            ("Option<Field<Date>>", 28),
            ("Field<String>", 40),
            ("Ids", 40),
            ("EntryKind", 64),
            ("ChairEntry", 144),
            ("Citations", 56),
        ];
        assert_eq!(sizes, expected);
    }
}
