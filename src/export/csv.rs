//! The CSV export: one table per kind of record, and a `datapackage.json` (a Frictionless Data
//! Package) that describes every table and column.
//!
//! Why a Data Package rather than a `README.txt`: it says the same to a person (each column has
//! a description) and also tells tools the type of each column (a date, an integer, a boolean),
//! the keys that join the tables, and the CSV dialect, so `frictionless validate`, pandas or R
//! (through the `frictionless` packages) load the folder as typed tables; and it marks the folder
//! as one roster wrote, so a later export may write over it and over nothing else.
//!
//! Each table is declared once as a list of [`Column`]s, each with its name, type, description
//! and the function that gives its cell, so the header, the rows and the Data Package cannot
//! disagree. Quoting follows RFC 4180 ([`field`]): the `csv` crate would add a dependency for the
//! dozen lines writing needs, and roster never reads CSV.
//!
//! Shapes: a date is three columns (`X` as written, `X_earliest`, `X_latest`); a list of ids is
//! one cell with the ids separated by `;` (ids are kebab-case, so never hold one); a name is one
//! column per language (`name_en`, `name_fr`); a missing value is an empty cell.

use super::{
    generator, languages, ChairRecord, Citation, ClaimRecord, ConstituentRecord, DateValue, Days,
    Disputed, DocumentRecord, GroupRecord, Localized, MemberRecord, MembershipRecord, NameRecord,
    Records, RegimeRecord, SkipRecord, SourceRecord, WorkingGroupRecord,
};
use serde_json::{json, Value};
use std::rc::Rc;

/// Version of the CSV export's tables and columns; see `docs/export.md`.
pub const VERSION: u32 = 1;

/// The file that describes the tables; written last.
pub const DATAPACKAGE: &str = "datapackage.json";

/// One column: its name, its Frictionless type, what it holds, and its cell for a row.
struct Column<T> {
    name: String,
    kind: &'static str,
    description: String,
    cell: Box<dyn Fn(&T) -> String>,
}

/// The columns of a table of `T`s, built one or a few at a time.
struct Columns<T>(Vec<Column<T>>);

impl<T> Columns<T> {
    fn new() -> Columns<T> {
        Columns(Vec::new())
    }

    fn column(
        mut self,
        name: &str,
        kind: &'static str,
        description: &str,
        cell: impl Fn(&T) -> String + 'static,
    ) -> Columns<T> {
        self.0.push(Column {
            name: name.to_string(),
            kind,
            description: description.to_string(),
            cell: Box::new(cell),
        });
        self
    }

    /// A text; an empty cell where it is missing.
    fn text(
        self,
        name: &str,
        description: &str,
        cell: impl Fn(&T) -> Option<&str> + 'static,
    ) -> Columns<T> {
        self.column(name, "string", description, move |r| {
            cell(r).unwrap_or_default().to_string()
        })
    }

    /// Ids, separated by `;`.
    fn ids(
        self,
        name: &str,
        description: &str,
        cell: impl Fn(&T) -> &[String] + 'static,
    ) -> Columns<T> {
        self.column(name, "string", description, move |r| cell(r).join(";"))
    }

    fn integer(
        self,
        name: &str,
        description: &str,
        cell: impl Fn(&T) -> usize + 'static,
    ) -> Columns<T> {
        self.column(name, "integer", description, move |r| cell(r).to_string())
    }

    fn boolean(
        self,
        name: &str,
        description: &str,
        cell: impl Fn(&T) -> bool + 'static,
    ) -> Columns<T> {
        self.column(name, "boolean", description, move |r| cell(r).to_string())
    }

    /// `X`, `X_earliest`, `X_latest`: a date as written and the first and last days it may
    /// stand for.
    fn date(
        self,
        name: &str,
        what: &str,
        cell: impl Fn(&T) -> Option<&DateValue> + 'static,
    ) -> Columns<T> {
        let cell = Rc::new(cell);
        let (written, earliest) = (Rc::clone(&cell), Rc::clone(&cell));
        let bound = |which: &str| {
            format!("the {which} day `{name}` may stand for (empty: open, or no date)")
        };
        self.text(
            name,
            &format!("{what}, as written in the records"),
            move |r| written(r).map(|d| d.written.as_str()),
        )
        .column(
            &format!("{name}_earliest"),
            "date",
            &bound("first"),
            move |r| {
                earliest(r)
                    .and_then(|d| d.earliest.clone())
                    .unwrap_or_default()
            },
        )
        .column(
            &format!("{name}_latest"),
            "date",
            &bound("last"),
            move |r| cell(r).and_then(|d| d.latest.clone()).unwrap_or_default(),
        )
    }

    /// `X_from`, `X_until`: the days of a period as roster reads it.
    fn days(
        self,
        name: &str,
        what: &str,
        cell: impl Fn(&T) -> Option<&Days> + 'static,
    ) -> Columns<T> {
        let cell = Rc::new(cell);
        let from = Rc::clone(&cell);
        self.column(
            &format!("{name}_from"),
            "date",
            &format!("the first day {what} (empty: open, or none)"),
            move |r| from(r).and_then(|d| d.from.clone()).unwrap_or_default(),
        )
        .column(
            &format!("{name}_until"),
            "date",
            &format!("the last day {what} (empty: open, or none)"),
            move |r| cell(r).and_then(|d| d.until.clone()).unwrap_or_default(),
        )
    }

    /// `X_<language>` for each language: a name or an acronym.
    fn localized(
        mut self,
        name: &str,
        what: &str,
        languages: &[String],
        cell: impl Fn(&T) -> Option<&Localized> + 'static,
    ) -> Columns<T> {
        let cell = Rc::new(cell);
        for language in languages {
            let (cell, language) = (Rc::clone(&cell), language.clone());
            let description = format!("{what} in the language `{language}`");
            self = self.text(&format!("{name}_{language}"), &description, move |r| {
                cell(r).and_then(|l| l.get(&language))
            });
        }
        self
    }

    fn sources(self, cell: impl Fn(&T) -> &[String] + 'static) -> Columns<T> {
        self.ids(
            "sources",
            "the ids of the sources the record cites (see sources.csv), separated by `;`",
            cell,
        )
    }

    fn note(self, cell: impl Fn(&T) -> Option<&str> + 'static) -> Columns<T> {
        self.text("note", "the record's note for a reader", cell)
    }

    /// The table `name` of `rows`.
    fn table(self, name: &'static str, description: &'static str, rows: &[T]) -> Table {
        Table {
            name,
            description,
            rows: rows
                .iter()
                .map(|r| self.0.iter().map(|c| (c.cell)(r)).collect())
                .collect(),
            columns: self
                .0
                .into_iter()
                .map(|c| (c.name, c.kind, c.description))
                .collect(),
            primary_key: &[],
            foreign_keys: &[],
        }
    }
}

/// A table: its columns and its rows, rendered.
struct Table {
    name: &'static str,
    description: &'static str,
    /// `(name, type, description)`.
    columns: Vec<(String, &'static str, String)>,
    rows: Vec<Vec<String>>,
    primary_key: &'static [&'static str],
    /// `(column, table, column of that table)`.
    foreign_keys: &'static [(&'static str, &'static str, &'static str)],
}

impl Table {
    fn keyed(mut self, primary_key: &'static [&'static str]) -> Table {
        self.primary_key = primary_key;
        self
    }

    fn joined(
        mut self,
        foreign_keys: &'static [(&'static str, &'static str, &'static str)],
    ) -> Table {
        self.foreign_keys = foreign_keys;
        self
    }

    fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The table as CSV: a header row, then one line per row, each ended by CRLF.
    fn render(&self) -> String {
        let mut out = String::new();
        let header = self.columns.iter().map(|(name, _, _)| name.as_str());
        line(&mut out, header);
        for row in &self.rows {
            line(&mut out, row.iter().map(String::as_str));
        }
        out
    }

    /// The table's entry in `datapackage.json`.
    fn resource(&self) -> Value {
        let fields: Vec<Value> = self
            .columns
            .iter()
            .map(|(name, kind, description)| {
                json!({"name": name, "type": kind, "description": description})
            })
            .collect();
        let mut schema = json!({"fields": fields, "missingValues": [""]});
        if !self.primary_key.is_empty() {
            schema["primaryKey"] = json!(self.primary_key);
        }
        if !self.foreign_keys.is_empty() {
            schema["foreignKeys"] = self
                .foreign_keys
                .iter()
                .map(|(field, table, column)| {
                    json!({"fields": field, "reference": {"resource": table, "fields": column}})
                })
                .collect();
        }
        json!({
            "name": self.name,
            "path": self.file_name(),
            "profile": "tabular-data-resource",
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {
                "delimiter": ",",
                "doubleQuote": true,
                "header": true,
                "lineTerminator": "\r\n",
                "quoteChar": "\""
            },
            "schema": schema
        })
    }
}

/// One CSV line of `cells`, ended by CRLF.
fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, cell);
    }
    out.push_str("\r\n");
}

/// One field as RFC 4180 writes it: in double quotes, with each quote doubled, when it holds a
/// comma, a quote or a line break; as it is otherwise.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A membership, a skipped turn, a disputed value or a citation, with the record it belongs to.
struct Of<T> {
    /// The id of the record (or the position of a chair entry or a regime; empty for the group).
    owner: String,
    /// What kind of record the owner is, where a table mixes kinds.
    kind: &'static str,
    /// 1-based place among the owner's.
    position: usize,
    item: T,
}

/// The items of each owner, numbered from 1.
fn of<'a, T: Clone + 'a>(
    kind: &'static str,
    owners: impl IntoIterator<Item = (String, &'a [T])>,
) -> Vec<Of<T>> {
    owners
        .into_iter()
        .flat_map(|(owner, items)| {
            items.iter().enumerate().map(move |(i, item)| Of {
                owner: owner.clone(),
                kind,
                position: i + 1,
                item: item.clone(),
            })
        })
        .collect()
}

/// Every file of the export: the tables, then `datapackage.json`.
pub fn render(records: &Records) -> Vec<(String, String)> {
    let tables = tables(records);
    let mut files: Vec<(String, String)> =
        tables.iter().map(|t| (t.file_name(), t.render())).collect();
    let group = records.group.as_ref();
    let name = group
        .and_then(|g| g.id.clone())
        .unwrap_or_else(|| "roster-export".to_string());
    let title = group.and_then(|g| g.name.preferred(&g.languages));
    let package = json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": "The records of the body, exported by roster: one table per kind of record. Dates are given as written and as the first and last days they may stand for; see docs/export.md in the roster repository.",
        "generated_by": generator(),
        "format_version": VERSION,
        "resources": tables.iter().map(Table::resource).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&package).expect("plain data serialises") + "\n";
    files.push((DATAPACKAGE.to_string(), text));
    files
}

/// The names of the files a CSV export writes, whatever the records.
pub fn file_names() -> Vec<String> {
    render(&Records::default())
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

fn tables(records: &Records) -> Vec<Table> {
    let languages = languages(records);
    let group = records.group.as_slice();
    let regimes = of(
        "group",
        group.iter().map(|g| (String::new(), &g.rotation[..])),
    );
    vec![
        group_table(&languages, group),
        names_table(&languages, group),
        members_table(&languages, &records.members),
        memberships_table(&records.members),
        constituents_table(&languages, &records.members),
        chairs_table(&records.chairs),
        citations_table(records),
        working_groups_table(&languages, &records.working_groups),
        documents_table(&records.documents),
        sources_table(&records.sources),
        claims_table(group),
        regimes_table(&regimes),
        skipped_table(&regimes),
        disputed_table(records),
    ]
}

fn group_table(languages: &[String], group: &[GroupRecord]) -> Table {
    fn coverage(g: &GroupRecord) -> Option<&super::CoverageRecord> {
        g.coverage.as_ref()
    }
    fn successor(g: &GroupRecord) -> Option<&super::SuccessorRecord> {
        g.succeeded_by.as_ref()
    }
    Columns::<GroupRecord>::new()
        .text("id", "the group's id", |g| g.id.as_deref())
        .localized("name", "the group's current name", languages, |g| {
            Some(&g.name)
        })
        .localized("acronym", "its current acronym", languages, |g| {
            g.acronym.as_ref()
        })
        .ids(
            "languages",
            "the languages of its names, separated by `;`",
            |g| &g.languages,
        )
        .date("founded", "when the group was created", |g| {
            g.founded.as_ref()
        })
        .date("dissolved", "when it ceased to exist", |g| {
            g.dissolved.as_ref()
        })
        .date(
            "coverage_from",
            "the first day, month or year the records cover",
            |g| coverage(g).and_then(|c| c.from.as_ref()),
        )
        .date(
            "coverage_until",
            "the last day, month or year the records cover",
            |g| coverage(g).and_then(|c| c.until.as_ref()),
        )
        .text("coverage_note", "the coverage's note", |g| {
            coverage(g).and_then(|c| c.note.as_deref())
        })
        .days(
            "covered",
            "the records cover, within the group's life",
            |g| g.covered.as_ref(),
        )
        .localized(
            "succeeded_by_name",
            "its successor's name",
            languages,
            |g| successor(g).map(|s| &s.name),
        )
        .date("succeeded_by_date", "when the successor took over", |g| {
            successor(g).and_then(|s| s.date.as_ref())
        })
        .ids(
            "succeeded_by_sources",
            "the successor's sources, separated by `;`",
            |g| successor(g).map_or(&[][..], |s| &s.sources[..]),
        )
        .text("succeeded_by_note", "the successor's note", |g| {
            successor(g).and_then(|s| s.note.as_deref())
        })
        .sources(|g| &g.sources)
        .note(|g| g.note.as_deref())
        .table("group", "The body itself: one row.", group)
        .keyed(&["id"])
}

fn names_table(languages: &[String], group: &[GroupRecord]) -> Table {
    Columns::<Of<NameRecord>>::new()
        .integer("position", "1-based place of the name in `names`", |n| {
            n.position
        })
        .localized("name", "the name", languages, |n| Some(&n.item.name))
        .localized("acronym", "the acronym under that name", languages, |n| {
            n.item.acronym.as_ref()
        })
        .date("from", "when the group took the name", |n| {
            n.item.from.as_ref()
        })
        .date(
            "until",
            "the last day, month or year it bore the name (empty: current)",
            |n| n.item.until.as_ref(),
        )
        .sources(|n| &n.item.sources)
        .note(|n| n.item.note.as_deref())
        .table(
            "names",
            "The names of the group over time (`names` in group.yaml), oldest first.",
            &of("group", group.iter().map(|g| (String::new(), &g.names[..]))),
        )
        .keyed(&["position"])
}

fn members_table(languages: &[String], members: &[MemberRecord]) -> Table {
    Columns::<MemberRecord>::new()
        .text("id", "the member's id", |m| Some(&m.id))
        .localized("name", "the member's name", languages, |m| Some(&m.name))
        .localized("acronym", "the member's acronym", languages, |m| {
            m.acronym.as_ref()
        })
        .text(
            "seat",
            "the kind of seat, where there are several (`permanent`...)",
            |m| m.seat.as_deref(),
        )
        .text(
            "continues",
            "the member whose seat this one continues",
            |m| m.continues.as_deref(),
        )
        .date("founded", "when the organisation itself was created", |m| {
            m.founded.as_ref()
        })
        .sources(|m| &m.sources)
        .note(|m| m.note.as_deref())
        .table("members", "One row per member, sorted by id.", members)
        .keyed(&["id"])
}

fn memberships_table(members: &[MemberRecord]) -> Table {
    let periods = of(
        "member",
        members.iter().map(|m| (m.id.clone(), &m.memberships[..])),
    );
    Columns::<Of<MembershipRecord>>::new()
        .text("member", "the member's id", |p| Some(&p.owner))
        .integer(
            "period",
            "1-based place of the period among the member's",
            |p| p.position,
        )
        .date("joined", "when the period started", |p| {
            p.item.joined.as_ref()
        })
        .date(
            "left",
            "the last day, month or year of the period (empty: current)",
            |p| p.item.left.as_ref(),
        )
        .days("certainly", "the member was certainly in", |p| {
            p.item.certainly.as_ref()
        })
        .days("possibly", "the member was possibly in", |p| {
            p.item.possibly.as_ref()
        })
        .ids(
            "sources",
            "the period's own sources (empty: the member's apply)",
            |p| &p.item.sources,
        )
        .note(|p| p.item.note.as_deref())
        .table(
            "memberships",
            "One row per period of membership: `joined` and `left`, or each of `periods`.",
            &periods,
        )
        .keyed(&["member", "period"])
        .joined(&[("member", "members", "id")])
}

fn constituents_table(languages: &[String], members: &[MemberRecord]) -> Table {
    let constituents = of(
        "member",
        members.iter().map(|m| (m.id.clone(), &m.constituents[..])),
    );
    Columns::<Of<ConstituentRecord>>::new()
        .text("member", "the id of the member whose seat it shares", |c| {
            Some(&c.owner)
        })
        .text("id", "the constituent's id", |c| Some(&c.item.id))
        .localized("name", "the constituent's name", languages, |c| {
            Some(&c.item.name)
        })
        .localized("acronym", "the constituent's acronym", languages, |c| {
            c.item.acronym.as_ref()
        })
        .date("founded", "when the organisation was created", |c| {
            c.item.founded.as_ref()
        })
        .note(|c| c.item.note.as_deref())
        .table(
            "constituents",
            "The organisations that share one member's seat.",
            &constituents,
        )
        .keyed(&["id"])
        .joined(&[("member", "members", "id")])
}

fn chairs_table(chairs: &[ChairRecord]) -> Table {
    Columns::<ChairRecord>::new()
        .integer(
            "position",
            "1-based place of the entry in chairs.yaml",
            |c| c.position,
        )
        .text(
            "kind",
            "`term`, `vacant` or `unknown` (no source says who chaired)",
            |c| Some(c.kind.name()),
        )
        .ids(
            "chairs",
            "who chaired: a member id, or co-chairs separated by `;`",
            |c| &c.chairs,
        )
        .text(
            "on_behalf_of",
            "the member whose seat a collective chair held",
            |c| c.on_behalf_of.as_deref(),
        )
        .text(
            "coordinator",
            "the constituent that coordinated a seat's chair",
            |c| c.coordinator.as_deref(),
        )
        .text("role", "`interim`, or empty for a regular term", |c| {
            c.role.as_deref()
        })
        .boolean("planned", "decided but not yet held", |c| c.planned)
        .text(
            "irregular",
            "why the term breaks the rotation regime",
            |c| c.irregular.as_deref(),
        )
        .text("reason", "why the chair was vacant", |c| {
            c.reason.as_deref()
        })
        .date("start", "the first day, month or year of the entry", |c| {
            c.start.as_ref()
        })
        .date("end", "the last day, month or year of the entry", |c| {
            c.end.as_ref()
        })
        .days(
            "certainly",
            "the entry certainly covers (as whole units)",
            |c| c.certainly.as_ref(),
        )
        .days("possibly", "the entry possibly covers", |c| {
            c.possibly.as_ref()
        })
        .sources(|c| &c.sources)
        .note(|c| c.note.as_deref())
        .table(
            "chairs",
            "The entries of chairs.yaml in their order: terms, vacancies, unknown periods.",
            chairs,
        )
        .keyed(&["position"])
}

fn citations_table(records: &Records) -> Table {
    let chairs = records.chairs.iter();
    let mut citations = of(
        "chair",
        chairs.map(|c| (c.position.to_string(), &c.chair_citations[..])),
    );
    let groups = records.working_groups.iter();
    citations.extend(of(
        "working_group",
        groups.map(|w| (w.id.clone(), &w.chair_citations[..])),
    ));
    Columns::<Of<Citation>>::new()
        .text(
            "kind",
            "`chair` (an entry of chairs.yaml) or `working_group`",
            |c| Some(c.kind),
        )
        .text(
            "record",
            "the position of the chair entry, or the working group's id",
            |c| Some(&c.owner),
        )
        .text("chair", "the id of the chair or co-chair", |c| {
            Some(&c.item.id)
        })
        .sources(|c| &c.item.sources)
        .note(|c| c.item.note.as_deref())
        .table(
            "chair_citations",
            "Chairs and co-chairs written with sources of their own, beside their entry's.",
            &citations,
        )
}

fn working_groups_table(languages: &[String], groups: &[WorkingGroupRecord]) -> Table {
    Columns::<WorkingGroupRecord>::new()
        .text("id", "the working group's id", |w| Some(&w.id))
        .localized("name", "the working group's name", languages, |w| {
            Some(&w.name)
        })
        .ids(
            "chairs",
            "its chair, or its co-chairs separated by `;`",
            |w| &w.chairs,
        )
        .date("from", "when it was set up (empty: undated)", |w| {
            w.from.as_ref()
        })
        .date("until", "when it was wound up", |w| w.until.as_ref())
        .days("certainly", "it certainly existed (empty: undated)", |w| {
            w.certainly.as_ref()
        })
        .days("possibly", "it possibly existed (empty: undated)", |w| {
            w.possibly.as_ref()
        })
        .sources(|w| &w.sources)
        .note(|w| w.note.as_deref())
        .table("working_groups", "The working groups of the body.", groups)
        .keyed(&["id"])
}

fn documents_table(documents: &[DocumentRecord]) -> Table {
    Columns::<DocumentRecord>::new()
        .text("id", "the document's id", |d| Some(&d.id))
        .text("title", "the title, in the document's language", |d| {
            d.title.as_deref()
        })
        .text("language", "the document's language (ISO 639-1)", |d| {
            d.language.as_deref()
        })
        .text("kind", "what kind of document it is", |d| d.kind.as_deref())
        .text(
            "author",
            "the member that wrote it, when it is one member's",
            |d| d.author.as_deref(),
        )
        .date("published", "when it was published", |d| {
            d.published.as_ref()
        })
        .date(
            "covers_start",
            "the first day, month or year it reports on",
            |d| d.covers.as_ref().map(|c| &c.start),
        )
        .date(
            "covers_end",
            "the last day, month or year it reports on",
            |d| d.covers.as_ref().map(|c| &c.end),
        )
        .sources(|d| &d.sources)
        .note(|d| d.note.as_deref())
        .table("documents", "The documents of the body.", documents)
        .keyed(&["id"])
}

fn sources_table(sources: &[SourceRecord]) -> Table {
    Columns::<SourceRecord>::new()
        .text("id", "the id records cite the source by", |s| Some(&s.id))
        .text("title", "the title, in the source's language", |s| {
            s.title.as_deref()
        })
        .text("publisher", "who published it", |s| s.publisher.as_deref())
        .text("language", "the source's language (ISO 639-1)", |s| {
            s.language.as_deref()
        })
        .text("url", "where it can be read", |s| s.url.as_deref())
        .date("accessed", "when the compilers last read it", |s| {
            s.accessed.as_ref()
        })
        .note(|s| s.note.as_deref())
        .table("sources", "Every source the records cite.", sources)
        .keyed(&["id"])
}

fn claims_table(group: &[GroupRecord]) -> Table {
    Columns::<Of<ClaimRecord>>::new()
        .integer("position", "1-based place of the claim in `claims`", |c| {
            c.position
        })
        .integer("members", "the number of members", |c| c.item.members)
        .boolean(
            "derived",
            "a count the records derive, not a source's statement",
            |c| c.item.derived,
        )
        .date(
            "from",
            "the first day, month or year the claim covers",
            |c| c.item.from.as_ref(),
        )
        .date(
            "until",
            "the last one it covers (empty: the `from` date alone)",
            |c| c.item.until.as_ref(),
        )
        .sources(|c| &c.item.sources)
        .text("quote", "the statement, word for word", |c| {
            c.item.quote.as_deref()
        })
        .note(|c| c.item.note.as_deref())
        .table(
            "claims",
            "Statements of sources about the number of members, and counts the records derive.",
            &of(
                "group",
                group.iter().map(|g| (String::new(), &g.claims[..])),
            ),
        )
        .keyed(&["position"])
}

fn regimes_table(regimes: &[Of<RegimeRecord>]) -> Table {
    fn order(r: &Of<RegimeRecord>) -> Option<&super::OrderRecord> {
        r.item.order.as_ref()
    }
    Columns::<Of<RegimeRecord>>::new()
        .integer(
            "position",
            "1-based place of the regime in `rotation`",
            |r| r.position,
        )
        .date("from", "the first day, month or year of the regime", |r| {
            r.item.from.as_ref()
        })
        .date(
            "until",
            "the last day, month or year of the regime (empty: in force)",
            |r| r.item.until.as_ref(),
        )
        .integer(
            "term_months",
            "the length of a regular term, in months",
            |r| r.item.term_months as usize,
        )
        .column(
            "start_months",
            "string",
            "the months a term starts in, by `;`",
            |r| {
                let months: Vec<String> = r.item.start_months.iter().map(u32::to_string).collect();
                months.join(";")
            },
        )
        .text(
            "order_alphabetical",
            "the order: by the names in this language",
            |r| order(r).and_then(|o| o.alphabetical.as_deref()),
        )
        .ids(
            "order_list",
            "or: these member ids in turn, separated by `;`",
            |r| order(r).map_or(&[][..], |o| &o.list[..]),
        )
        .column(
            "order_one_turn_per_cycle",
            "boolean",
            "each member takes one turn per pass through the order (empty: no order)",
            |r| {
                order(r)
                    .map(|o| o.one_turn_per_cycle.to_string())
                    .unwrap_or_default()
            },
        )
        .ids(
            "order_sources",
            "the sources of the order, separated by `;`",
            |r| order(r).map_or(&[][..], |o| &o.sources[..]),
        )
        .text("order_note", "the order's note", |r| {
            order(r).and_then(|o| o.note.as_deref())
        })
        .sources(|r| &r.item.sources)
        .note(|r| r.item.note.as_deref())
        .table(
            "regimes",
            "The regimes of the rotating chair (`rotation` in group.yaml), oldest first.",
            regimes,
        )
        .keyed(&["position"])
}

fn skipped_table(regimes: &[Of<RegimeRecord>]) -> Table {
    let skipped = of(
        "regime",
        regimes
            .iter()
            .map(|r| (r.position.to_string(), &r.item.skipped[..])),
    );
    Columns::<Of<SkipRecord>>::new()
        .column("regime", "integer", "the position of the regime", |s| {
            s.owner.clone()
        })
        .text("member", "the member whose turn it was", |s| {
            s.item.member.as_deref()
        })
        .date("when", "when its turn would have started", |s| {
            s.item.when.as_ref()
        })
        .text("reason", "why the member did not take its turn", |s| {
            s.item.reason.as_deref()
        })
        .sources(|s| &s.item.sources)
        .table(
            "skipped_turns",
            "Turns a regime's order gave to a member that did not take them.",
            &skipped,
        )
        .joined(&[("regime", "regimes", "position")])
}

fn disputed_table(records: &Records) -> Table {
    let group = records.group.iter();
    let mut disputed = of("group", group.map(|g| (String::new(), &g.disputed[..])));
    let members = records.members.iter();
    disputed.extend(of(
        "member",
        members.map(|m| (m.id.clone(), &m.disputed[..])),
    ));
    let chairs = records.chairs.iter();
    disputed.extend(of(
        "chair",
        chairs.map(|c| (c.position.to_string(), &c.disputed[..])),
    ));
    Columns::<Of<Disputed>>::new()
        .text("kind", "`group`, `member` or `chair`", |d| Some(d.kind))
        .text(
            "record",
            "the member's id, or the chair entry's position",
            |d| Some(&d.owner),
        )
        .text("field", "the field whose value is disputed", |d| {
            Some(&d.item.field)
        })
        .column(
            "value",
            "string",
            "the value the other sources give",
            |d| match &d.item.value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            },
        )
        .sources(|d| &d.item.sources)
        .note(|d| d.item.note.as_deref())
        .table(
            "disputed",
            "Values some source gives for a field of a record, against the kept value.",
            &disputed,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        field(&mut out, text);
        out
    }

    #[test]
    fn plain_fields_are_written_as_they_are() {
        assert_eq!(quoted("iom"), "iom");
        assert_eq!(quoted(""), "");
        assert_eq!(
            quoted("Organisation internationale pour les migrations"),
            "Organisation internationale pour les migrations"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(quoted("a, b"), "\"a, b\"");
        assert_eq!(
            quoted("the \"10 member\" group"),
            "\"the \"\"10 member\"\" group\""
        );
        assert_eq!(quoted("\""), "\"\"\"\"");
        assert_eq!(quoted("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(quoted("one\r\ntwo"), "\"one\r\ntwo\"");
    }

    #[test]
    fn a_line_ends_with_crlf() {
        let mut out = String::new();
        line(&mut out, ["a", "b,c", ""].into_iter());
        assert_eq!(out, "a,\"b,c\",\r\n");
    }

    #[test]
    fn every_table_is_written_with_its_header_even_with_no_records() {
        let files = render(&Records::default());
        let (package, tables) = files.split_last().expect("files");
        assert_eq!(package.0, DATAPACKAGE);
        for (name, text) in tables {
            assert!(name.ends_with(".csv"), "{name}");
            assert_eq!(
                text.matches("\r\n").count(),
                1,
                "{name}: a header and no row"
            );
        }
        assert_eq!(
            file_names(),
            files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>()
        );
    }
}
