//! The records as the pages read them: the model joined with the documents it was built from.
//!
//! The model ([`crate::model`]) keeps what the rules need: ids, dates, who chaired, what cites
//! what. A page also shows what only a reader needs: titles, notes, quotes, addresses, reasons,
//! disputed values. Those are read from the record's own node in its document, found by the
//! place the model keeps for each record ([`crate::model::Loc`]: the record's first key). So
//! what a record *is* (a term, a vacancy, a period of membership) is decided once, by the
//! model, and the prose around it is shown as written.
//!
//! This module also decides the file name of every page and the place every citation points
//! to, so that links and the "cited by" lists of the source pages agree.

use super::dates;
use super::html::{esc, link};
use crate::load::tree::{Node, NodeKind, ParsedFile};
use crate::model::{ChairEntry, Dataset, EntryKind, Field, Loc, Member};
use crate::source::{FileId, Sources, Span};
use crate::temporal::Date;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A place in the site that cites sources: what it is, in words, and where it is shown.
#[derive(Clone, Debug)]
pub struct Place {
    /// "chair term 2007-01 to 2007-06: IOM".
    pub what: String,
    /// From the site's root: `index.html#chair-3`, `members/iom.html#period-2`.
    pub href: String,
    /// The source's words, where the citing record quotes them (a claim's `quote`).
    pub quote: Option<String>,
    /// The kind of record, for headings: "Members", "Chair entries".
    pub section: &'static str,
    /// The order of places: the order of the home page's sections, then member pages.
    order: usize,
}

/// The records, with what every page needs to find and name them.
pub struct Records<'a> {
    pub data: &'a Dataset,
    pub files: &'a Sources,
    /// Every mapping of every document, by its file and its first key.
    nodes: HashMap<(FileId, Span), &'a Node>,
    roots: HashMap<FileId, &'a Node>,
    /// The languages of the body, declared order; the first is the one names are shown in.
    pub languages: Vec<String>,
    /// The members, sorted by id, each with the file name of its page (no `.html`).
    pub members: Vec<(&'a Member, String)>,
    /// The sources, sorted by id, each with its node and the file name of its page.
    pub sources: Vec<(&'a str, Option<&'a Node>, String)>,
    member_page: HashMap<&'a str, usize>,
    source_page: HashMap<&'a str, usize>,
    /// Constituent id -> index of the member whose seat it shares.
    constituent_of: HashMap<&'a str, usize>,
    /// Where each citing record is shown, by its place in the records.
    places: HashMap<(FileId, Span), Place>,
    /// The citing places of each page, by page.
    cited_on: HashMap<String, Vec<(Place, Vec<&'a str>)>>,
    /// The chair entries that name each member.
    terms: HashMap<&'a str, Vec<&'a ChairEntry>>,
}

/// Whether `id` can name a file as it is: the ids the schema allows (`un-women`).
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// File names for pages, one per id: the id itself when it is a plain id, otherwise a name
/// made of its bytes in hex (a record the schema rejected may hold any id); a second record
/// with the same id gets `-2`.
fn page_names<'i>(ids: impl Iterator<Item = &'i str>) -> Vec<String> {
    let mut taken = HashSet::new();
    ids.map(|id| {
        let base = if plain_id(id) {
            id.to_string()
        } else {
            let hex: String = id.bytes().take(40).map(|b| format!("{b:02x}")).collect();
            format!("_{hex}")
        };
        let mut name = base.clone();
        let mut n = 1;
        while !taken.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        name
    })
    .collect()
}

/// Every mapping under `root`, by its first key (the place the model keeps for a record).
/// Iterative, and the tree's depth is capped by the loader.
fn index_mappings<'a>(file: FileId, root: &'a Node, out: &mut HashMap<(FileId, Span), &'a Node>) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Mapping(entries) => {
                out.entry((file, node.head())).or_insert(node);
                stack.extend(entries.iter().map(|e| &e.value));
            }
            NodeKind::Sequence(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

/// The text under `key` of a mapping.
pub fn text<'n>(node: Option<&'n Node>, key: &str) -> Option<&'n str> {
    node?.get(key)?.as_str()
}

/// A scalar under `key` as written: a date written as a year is a number in YAML.
pub fn scalar(node: Option<&Node>, key: &str) -> Option<String> {
    match &node?.get(key)?.kind {
        NodeKind::String(s) => Some(s.to_string()),
        NodeKind::Number(n) => Some(n.to_string()),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The source ids a record cites itself: its `sources` list and a claim's `source`.
pub fn cited(node: Option<&Node>) -> Vec<&str> {
    let Some(node) = node else {
        return Vec::new();
    };
    let mut ids: Vec<&str> = node
        .get("sources")
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(Node::as_str)
        .collect();
    ids.extend(text(Some(node), "source"));
    ids
}

/// The `(language, text)` pairs of a `name` or `acronym` map.
pub fn localized<'n>(node: Option<&'n Node>, key: &str) -> Vec<(&'n str, &'n str)> {
    node.and_then(|n| n.get(key))
        .map_or(&[][..], Node::entries)
        .iter()
        .filter_map(|e| Some((&*e.key, e.value.as_str()?)))
        .collect()
}

/// A date as written, or an empty string.
pub fn written(date: Option<&Field<Date>>) -> String {
    date.map_or(String::new(), |d| d.value.to_string())
}

impl<'a> Records<'a> {
    pub fn new(
        data: &'a Dataset,
        documents: &[(FileId, &'a ParsedFile)],
        files: &'a Sources,
    ) -> Records<'a> {
        let mut nodes = HashMap::new();
        let mut roots = HashMap::new();
        for &(file, document) in documents {
            roots.insert(file, &document.root);
            index_mappings(file, &document.root, &mut nodes);
        }
        let languages: Vec<String> = data
            .group
            .as_ref()
            .map(|g| g.languages.iter().map(|l| l.value.clone()).collect())
            .unwrap_or_default();
        let mut members: Vec<&Member> = data.members.iter().collect();
        let key = |m: &&Member| m.id().unwrap_or(&m.file_stem).to_string();
        members.sort_by_key(key);
        let names = page_names(members.iter().map(|m| m.id().unwrap_or(&m.file_stem)));
        let members: Vec<(&Member, String)> = members.into_iter().zip(names).collect();
        let mut member_page = HashMap::new();
        let mut constituent_of = HashMap::new();
        for (i, (m, _)) in members.iter().enumerate() {
            member_page
                .entry(m.id().unwrap_or(&m.file_stem))
                .or_insert(i);
            for c in &m.constituents {
                constituent_of.entry(c.id.value.as_str()).or_insert(i);
            }
        }
        let mut sources: Vec<(&str, Option<&Node>)> = data
            .sources
            .iter()
            .map(|s| {
                let node = source_node(&roots, s.id.at);
                (s.id.value.as_str(), node)
            })
            .collect();
        sources.sort_by_key(|(id, _)| *id);
        let names = page_names(sources.iter().map(|(id, _)| *id));
        let sources: Vec<_> = sources
            .into_iter()
            .zip(names)
            .map(|((id, node), name)| (id, node, name))
            .collect();
        let source_page = sources
            .iter()
            .enumerate()
            .map(|(i, (id, _, _))| (*id, i))
            .collect::<HashMap<_, _>>();
        let mut records = Records {
            data,
            files,
            nodes,
            roots,
            languages,
            members,
            sources,
            member_page,
            source_page,
            constituent_of,
            places: HashMap::new(),
            cited_on: HashMap::new(),
            terms: HashMap::new(),
        };
        records.places = records.places();
        records.cited_on = records.citations_by_page();
        records.terms = records.terms_by_member();
        records
    }

    /// The language names are shown in first: the body's first, else English.
    pub fn lang(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    /// The node of the record whose place is `loc`.
    pub fn node(&self, loc: Loc) -> Option<&'a Node> {
        self.nodes.get(&(loc.file, loc.span)).copied()
    }

    /// The root of the document of `file`.
    pub fn root(&self, file: FileId) -> Option<&'a Node> {
        self.roots.get(&file).copied()
    }

    /// The group's own record.
    pub fn group_node(&self) -> Option<&'a Node> {
        self.node(self.data.group.as_ref()?.at)
    }

    /// The text of the `name` or `acronym` map under `key` in the first language, else in any.
    pub fn in_lang(&self, node: Option<&Node>, key: &str) -> Option<String> {
        let all = localized(node, key);
        all.iter()
            .find(|(l, _)| *l == self.lang())
            .or(all.first())
            .map(|(_, t)| t.to_string())
    }

    /// The body's name and acronym in its first language: `("Global Migration Group", "GMG")`.
    pub fn body_names(&self) -> (String, String) {
        let group = self.group_node();
        let name = self
            .in_lang(group, "name")
            .unwrap_or_else(|| "The body".to_string());
        let acronym = self
            .in_lang(group, "acronym")
            .unwrap_or_else(|| name.clone());
        (name, acronym)
    }

    /// The member's node (its whole file).
    pub fn member_node(&self, member: &Member) -> Option<&'a Node> {
        self.node(member.at).or_else(|| self.root(member.file))
    }

    /// The member's name in the first language, else any name, else its id.
    pub fn member_name(&self, member: &Member) -> String {
        member
            .name_in(self.lang())
            .or(member.names.first().map(|(_, n)| n.as_str()))
            .unwrap_or(member.id().unwrap_or(&member.file_stem))
            .to_string()
    }

    /// The member's acronym in the first language, else its name: how tables name it.
    pub fn member_short(&self, member: &Member) -> String {
        member
            .acronyms
            .iter()
            .find(|(l, _)| l == self.lang())
            .or(member.acronyms.first())
            .map(|(_, a)| a.value.clone())
            .unwrap_or_else(|| self.member_name(member))
    }

    /// The page of member `id` from the site's root (`members/iom.html`), or of the member
    /// whose seat constituent `id` shares, at the constituent (`...#constituent-escap`).
    pub fn member_href(&self, id: &str) -> Option<String> {
        if let Some(&i) = self.member_page.get(id) {
            return Some(format!("members/{}.html", self.members[i].1));
        }
        let &i = self.constituent_of.get(id)?;
        Some(format!(
            "members/{}.html#constituent-{id}",
            self.members[i].1
        ))
    }

    /// The member with `id`, or the member whose seat constituent `id` shares.
    pub fn member_or_seat(&self, id: &str) -> Option<&'a Member> {
        let i = self
            .member_page
            .get(id)
            .or_else(|| self.constituent_of.get(id))?;
        Some(self.members[*i].0)
    }

    /// A link to member (or constituent) `id` from a page `up` below the root, reading its
    /// short name, with its full name as a tooltip; the id in code when it has no page.
    pub fn member_link(&self, id: &str, up: &str) -> String {
        let Some(href) = self.member_href(id) else {
            return format!("<code>{}</code>", esc(id));
        };
        let (short, full) = match self.member_page.get(id) {
            Some(&i) => {
                let m = self.members[i].0;
                (self.member_short(m), self.member_name(m))
            }
            None => {
                let constituent = self
                    .member_or_seat(id)
                    .and_then(|seat| self.member_node(seat))
                    .and_then(|n| n.get("constituents"))
                    .and_then(|list| {
                        list.items()
                            .iter()
                            .find(|c| text(Some(c), "id") == Some(id))
                    });
                let full = self
                    .in_lang(constituent, "name")
                    .unwrap_or_else(|| id.to_string());
                let short = self.in_lang(constituent, "acronym");
                (short.unwrap_or_else(|| full.clone()), full)
            }
        };
        format!(
            "<a href=\"{up}{}\" title=\"{}\" data-member=\"{}\">{}</a>",
            esc(&href),
            esc(&full),
            esc(id),
            esc(&short)
        )
    }

    /// The node of source `id`.
    pub fn source_node(&self, id: &str) -> Option<&'a Node> {
        self.sources[*self.source_page.get(id)?].1
    }

    /// A link to the page of source `id` from a page `up` below the root, reading the id, with
    /// the source's title as a tooltip; the id in code when no source has it.
    pub fn source_link(&self, id: &str, up: &str) -> String {
        match self.source_page.get(id) {
            Some(&i) => {
                let (_, node, name) = &self.sources[i];
                let title = text(*node, "title").unwrap_or(id);
                format!(
                    "<a class=\"source\" href=\"{up}sources/{}.html\" title=\"{}\">{}</a>",
                    esc(name),
                    esc(title),
                    esc(id)
                )
            }
            None => format!("<code class=\"missing\">{}</code>", esc(id)),
        }
    }

    /// Links to the sources a record cites, comma-separated.
    pub fn source_links(&self, ids: &[&str], up: &str) -> String {
        ids.iter()
            .map(|id| self.source_link(id, up))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Who a chair entry names, as links: `IOM`, `IOM and UNDP`, `Regional commissions
    /// (coordinated by ESCAP)`, `ESCAP for Regional commissions`; "vacant" or "unknown".
    pub fn chair_who(&self, entry: &ChairEntry, up: &str) -> String {
        match &entry.kind {
            EntryKind::Vacant => "<em>vacant</em>".to_string(),
            EntryKind::Unknown => "<em>unknown</em>".to_string(),
            EntryKind::Term {
                chairs,
                on_behalf_of,
                coordinator,
                interim,
                ..
            } => {
                let names: Vec<String> = chairs
                    .iter()
                    .map(|c| self.member_link(&c.value, up))
                    .collect();
                let mut who = match names.len() {
                    0 => "<em>no chair named</em>".to_string(),
                    1 => names[0].clone(),
                    _ => format!(
                        "{} and {} (co-chairs)",
                        names[..names.len() - 1].join(", "),
                        names[names.len() - 1]
                    ),
                };
                if let Some(seat) = on_behalf_of {
                    who = format!("{who} for {}", self.member_link(&seat.value, up));
                }
                if let Some(c) = coordinator {
                    who = format!("{who} (coordinated by {})", self.member_link(&c.value, up));
                }
                if *interim {
                    who.push_str(" (interim)");
                }
                who
            }
        }
    }

    /// Who a chair entry names, in plain words, for the "cited by" lists.
    fn chair_words(&self, entry: &ChairEntry) -> String {
        let short = |id: &str| {
            self.member_page
                .get(id)
                .map_or(id.to_string(), |&i| self.member_short(self.members[i].0))
        };
        let dates = format!(
            "{} to {}",
            written(entry.start.as_ref()),
            written(entry.end.as_ref())
        );
        let planned = if entry.planned { " (planned)" } else { "" };
        match &entry.kind {
            EntryKind::Vacant => format!("{dates}: vacant"),
            EntryKind::Unknown => format!("{dates}: chair unknown"),
            EntryKind::Term { chairs, .. } => {
                let names: Vec<String> = chairs.iter().map(|c| short(&c.value)).collect();
                format!("{dates}: {}{planned}", names.join(" and "))
            }
        }
    }

    /// The place of every record that cites sources, keyed by the record's place in the
    /// records: the same keys as the model's [`crate::model::Citations`].
    fn places(&self) -> HashMap<(FileId, Span), Place> {
        let mut book = PlaceBook::default();
        let (body, _) = self.body_names();
        if let Some(group) = &self.data.group {
            book.section = "The body";
            book.add(group.at, body.clone(), "index.html#about".into(), None);
            if let Some(next) = self.group_node().and_then(|g| g.get("succeeded_by")) {
                let at = Loc {
                    file: group.at.file,
                    span: next.head(),
                };
                book.add(
                    at,
                    format!("{body}: its successor"),
                    "index.html#about".into(),
                    None,
                );
            }
            for (i, name) in group.names.iter().enumerate() {
                let node = self.node(name.at);
                let shown = localized(node, "name")
                    .first()
                    .map_or(String::new(), |(_, n)| n.to_string());
                book.add(
                    name.at,
                    format!("the name {shown}, from {}", written(name.from.as_ref())),
                    format!("index.html#name-{}", i + 1),
                    None,
                );
            }
        }
        book.section = "Members";
        for (member, page) in &self.members {
            let short = self.member_short(member);
            book.add(
                member.at,
                short.clone(),
                format!("members/{page}.html"),
                None,
            );
            for (i, tenure) in member.tenures.iter().enumerate() {
                book.add(
                    tenure.at,
                    format!(
                        "{short}, period {} ({} to {})",
                        i + 1,
                        written(tenure.joined.as_ref()),
                        written(tenure.left.as_ref())
                    ),
                    format!("members/{page}.html#period-{}", i + 1),
                    None,
                );
            }
        }
        book.section = "Chair entries";
        for entry in &self.data.chairs {
            let what = self.chair_words(entry);
            let href = format!("index.html#chair-{}", entry.index + 1);
            book.add(entry.at, what.clone(), href.clone(), None);
            book.add_named(self.node(entry.at), "chairs", entry.at.file, &what, &href);
        }
        if let Some(group) = &self.data.group {
            book.section = "Rotation of the chair";
            for (i, regime) in group.regimes.iter().enumerate() {
                let what = format!(
                    "{}-month terms from {}",
                    regime.term_months,
                    written(regime.from.as_ref())
                );
                let href = format!("index.html#rotation-{}", i + 1);
                book.add(regime.at, what.clone(), href.clone(), None);
                if let Some(order) = &regime.order {
                    book.add(order.at, format!("{what}: their order"), href.clone(), None);
                }
                for skip in &regime.skipped {
                    let who = skip.member.as_ref().map_or("?", |m| m.value.as_str());
                    let what = format!("{what}: the turn {who} did not take");
                    book.add(skip.at, what, href.clone(), None);
                }
            }
            book.section = "The number of members";
            for (i, claim) in group.claims.iter().enumerate() {
                let node = self.node(claim.at);
                let derived = if claim.derived {
                    " (a count the records derive)"
                } else {
                    ""
                };
                book.add(
                    claim.at,
                    format!(
                        "{} members, {} to {}{derived}",
                        claim.members,
                        written(claim.from.as_ref()),
                        written(claim.until.as_ref().or(claim.from.as_ref()))
                    ),
                    format!("index.html#claim-{}", i + 1),
                    text(node, "quote").map(str::to_string),
                );
            }
        }
        book.section = "Working groups";
        for wg in &self.data.working_groups {
            let node = self.node(wg.at);
            let id = wg.id.as_ref().map_or("?", |f| f.value.as_str());
            let name = self.in_lang(node, "name").unwrap_or_else(|| id.to_string());
            let href = format!("index.html#wg-{id}");
            book.add(wg.at, name.clone(), href.clone(), None);
            book.add_named(node, "co_chairs", wg.at.file, &name, &href);
        }
        book.section = "Documents";
        for document in &self.data.documents {
            let node = self.node(document.at);
            let id = document.id.as_ref().map_or("?", |f| f.value.as_str());
            let title = text(node, "title").unwrap_or(id).to_string();
            book.add(document.at, title, format!("index.html#doc-{id}"), None);
        }
        book.places
    }

    /// For each source id, the places that cite it, in the order of the site's pages, each
    /// place once. A citation from a record the site does not show is named by its file and
    /// line.
    pub fn cited_by(&self) -> BTreeMap<&'a str, Vec<Place>> {
        let mut by_source: BTreeMap<&str, Vec<Place>> = BTreeMap::new();
        for citations in &self.data.citations {
            let place = self
                .places
                .get(&(citations.at.file, citations.at.span))
                .cloned()
                .unwrap_or_else(|| {
                    let file = self.files.get(citations.at.file);
                    let line = file.line_col(citations.at.span.start as usize).line;
                    Place {
                        what: format!("{}, line {line}", file.name),
                        href: String::new(),
                        quote: None,
                        section: "Other records",
                        order: usize::MAX,
                    }
                });
            for id in &citations.ids {
                by_source
                    .entry(id.value.as_str())
                    .or_default()
                    .push(place.clone());
            }
        }
        for places in by_source.values_mut() {
            places.sort_by(|a, b| (a.order, &a.what).cmp(&(b.order, &b.what)));
            places.dedup_by(|a, b| a.href == b.href && a.what == b.what);
        }
        by_source
    }

    /// The places of `page` (`members/iom.html`) that cite sources, with the sources each cites,
    /// in the order of the page.
    pub fn citations_on(&self, page: &str) -> &[(Place, Vec<&'a str>)] {
        self.cited_on.get(page).map_or(&[], Vec::as_slice)
    }

    /// The places of every page that cite sources, by page; each place once, with its sources
    /// once each.
    fn citations_by_page(&self) -> HashMap<String, Vec<(Place, Vec<&'a str>)>> {
        let mut by_place: HashMap<&str, (&Place, Vec<&'a str>)> = HashMap::new();
        for citations in &self.data.citations {
            let Some(place) = self.places.get(&(citations.at.file, citations.at.span)) else {
                continue;
            };
            let ids = citations.ids.iter().map(|f| f.value.as_str());
            by_place
                .entry(place.href.as_str())
                .or_insert((place, Vec::new()))
                .1
                .extend(ids);
        }
        let mut by_page: HashMap<String, Vec<(Place, Vec<&str>)>> = HashMap::new();
        for (href, (place, mut ids)) in by_place {
            let mut seen = HashSet::new();
            ids.retain(|id| seen.insert(*id));
            let page = href.split('#').next().unwrap_or(href).to_string();
            by_page.entry(page).or_default().push((place.clone(), ids));
        }
        for places in by_page.values_mut() {
            places.sort_by_key(|(p, _)| p.order);
        }
        by_page
    }

    /// The chair entries that name member `id`, itself or through one of its constituents: as
    /// chair, co-chair, the seat chaired for, or the coordinator; in the records' order.
    pub fn terms_of(&self, id: &str) -> &[&'a ChairEntry] {
        self.terms.get(id).map_or(&[], Vec::as_slice)
    }

    fn terms_by_member(&self) -> HashMap<&'a str, Vec<&'a ChairEntry>> {
        let mut terms: HashMap<&str, Vec<&ChairEntry>> = HashMap::new();
        for entry in &self.data.chairs {
            let EntryKind::Term {
                chairs,
                on_behalf_of,
                coordinator,
                ..
            } = &entry.kind
            else {
                continue;
            };
            let named = chairs
                .iter()
                .chain(on_behalf_of.as_deref())
                .chain(coordinator.as_deref());
            let mut members: Vec<&str> = named
                .filter_map(|c| {
                    let seat = self.member_or_seat(&c.value)?;
                    Some(seat.id().unwrap_or(&seat.file_stem))
                })
                .collect();
            members.sort_unstable();
            members.dedup();
            for member in members {
                terms.entry(member).or_default().push(entry);
            }
        }
        terms
    }

    /// Words for a date as written: the value, then what it means.
    pub fn date_words(date: Option<&Field<Date>>) -> String {
        match date {
            Some(d) => format!(
                "<code>{}</code> <span class=\"means\">({})</span>",
                esc(&d.value.to_string()),
                esc(&dates::one_day(&d.value))
            ),
            None => String::new(),
        }
    }

    /// A link from a page `up` below the root to a place.
    pub fn place_link(place: &Place, up: &str) -> String {
        if place.href.is_empty() {
            esc(&place.what).to_string()
        } else {
            link(&format!("{up}{}", place.href), &place.what)
        }
    }
}

/// The places of the records, as they are named, in the order of the site.
#[derive(Default)]
struct PlaceBook {
    places: HashMap<(FileId, Span), Place>,
    /// The kind of the records being added.
    section: &'static str,
}

impl PlaceBook {
    fn add(&mut self, loc: Loc, what: String, href: String, quote: Option<String>) {
        let order = self.places.len();
        let section = self.section;
        self.places.entry((loc.file, loc.span)).or_insert(Place {
            what,
            href,
            quote,
            section,
            order,
        });
    }

    /// The members of `list` in `node` (co-chairs) written as `{id, sources}`, which cite
    /// sources of their own: shown with the record that names them.
    fn add_named(&mut self, node: Option<&Node>, list: &str, file: FileId, what: &str, href: &str) {
        let items = node.and_then(|n| n.get(list)).map_or(&[][..], Node::items);
        for named in items.iter().filter(|i| i.is_mapping()) {
            let who = text(Some(named), "id").unwrap_or("?");
            let at = Loc {
                file,
                span: named.head(),
            };
            self.add(
                at,
                format!("{what} (co-chair {who})"),
                href.to_string(),
                None,
            );
        }
    }
}

/// The node of the source whose `id` value is written at `at`.
fn source_node<'a>(roots: &HashMap<FileId, &'a Node>, at: Loc) -> Option<&'a Node> {
    roots
        .get(&at.file)?
        .get("sources")?
        .items()
        .iter()
        .find(|s| s.get("id").is_some_and(|id| id.span == at.span))
}
