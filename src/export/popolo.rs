//! The Popolo export (<https://www.popoloproject.com/specs/>): the body, its members, their
//! constituents and its working groups as `organizations`; the chair as a `post` of the body
//! and each working group's chair as a post of it; and as `memberships` every period of
//! membership, every chair term and every co-chairmanship of a working group.
//!
//! The members of the body are organizations, so a membership names its member in Popolo's form
//! for an organization that is a member (`"member": {"@type": "Organization", "id": ...}`), never
//! `person_id`. Popolo dates are ISO 8601 of reduced precision (`2006`, `2006-04`, `2006-04-12`):
//! a date of the records is written as the smallest calendar unit that holds every day it may
//! stand for ([`popolo_date`]: `2006-01/2006-04` becomes `2006`), or left out when no unit
//! does. What Popolo has no field for is kept beside it under keys starting with `roster:`,
//! which Popolo readers ignore: each date exactly as written with its day bounds, the ids of
//! every source cited (Popolo `sources` are links, and a source without a URL cannot be one),
//! notes, planned terms, vacancies and periods no source covers (which are not memberships).

use super::{
    generator, ChairKind, ChairRecord, DateValue, GroupRecord, Localized, MemberRecord, Records,
    SourceRecord,
};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Version of the Popolo export's shape (`meta.version`); see `docs/export.md`.
pub const VERSION: u32 = 1;

/// A Popolo date for a date of the records: the smallest calendar unit (a day, a month, a year)
/// that holds every day the date may stand for, or `None` when no unit does (a window across
/// years, an open side).
pub fn popolo_date(date: &DateValue) -> Option<String> {
    let (earliest, latest) = (date.earliest.as_deref()?, date.latest.as_deref()?);
    [10, 7, 4]
        .into_iter()
        .find(|&n| earliest[..n] == latest[..n])
        .map(|n| earliest[..n].to_string())
}

/// A JSON object built key by key, leaving out what is absent.
#[derive(Default)]
struct Object(Map<String, Value>);

impl Object {
    fn put(mut self, key: &str, value: impl Into<Value>) -> Object {
        self.0.insert(key.to_string(), value.into());
        self
    }

    /// `key` only when there is a value.
    fn maybe(self, key: &str, value: Option<impl Into<Value>>) -> Object {
        match value {
            Some(value) => self.put(key, value),
            None => self,
        }
    }

    /// `key` only when the list is not empty.
    fn list(self, key: &str, items: Vec<Value>) -> Object {
        if items.is_empty() {
            self
        } else {
            self.put(key, items)
        }
    }

    /// A date as Popolo's `key` (`start_date`) and, when given, as `roster:key` with what was
    /// written and its day bounds.
    fn date(self, key: &str, date: Option<&DateValue>) -> Object {
        self.maybe(key, date.and_then(popolo_date))
            .maybe(&format!("roster:{key}"), date.map(to_value))
    }

    /// Popolo `sources` (links to those cited that have a URL) and `roster:sources` (the ids
    /// of all of them).
    fn sources(self, ids: &[String], catalogue: &Catalogue) -> Object {
        let mut links: Vec<Value> = Vec::new();
        for id in ids {
            let Some(source) = catalogue.get(id.as_str()) else {
                continue;
            };
            if let Some(url) = &source.url {
                let link = Object::default()
                    .put("url", url.as_str())
                    .maybe("note", source.title.as_deref());
                if !links.iter().any(|l| l["url"] == url.as_str()) {
                    links.push(link.into());
                }
            }
        }
        self.list("sources", links).list(
            "roster:sources",
            ids.iter().map(|id| Value::from(id.as_str())).collect(),
        )
    }

    fn note(self, note: Option<&str>) -> Object {
        self.maybe("roster:note", note)
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Value {
        Value::Object(object.0)
    }
}

fn to_value(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).expect("plain data serialises")
}

type Catalogue<'a> = HashMap<&'a str, &'a SourceRecord>;

/// `{"@type": "Organization", "id": id}`: a member that is an organization.
fn organization(id: &str) -> Value {
    json!({"@type": "Organization", "id": id})
}

/// The name in every language ("multilingual", as EveryPolitician writes them) and the
/// acronym in every language, for `other_names`.
fn other_names(name: &Localized, acronym: Option<&Localized>) -> Vec<Value> {
    let names = name.0.iter().map(|n| (n, "multilingual"));
    let acronyms = acronym.iter().flat_map(|a| &a.0).map(|a| (a, "acronym"));
    names
        .chain(acronyms)
        .map(|((language, text), note)| json!({"name": text, "lang": language, "note": note}))
        .collect()
}

/// `name` in the preferred language, and `other_names`.
fn named(
    object: Object,
    name: &Localized,
    acronym: Option<&Localized>,
    languages: &[String],
) -> Object {
    object
        .maybe("name", name.preferred(languages))
        .list("other_names", other_names(name, acronym))
}

pub fn render(records: &Records) -> String {
    let catalogue: Catalogue = records.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let group = records.group.as_ref();
    let languages = group.map(|g| g.languages.clone()).unwrap_or_default();
    let body = group
        .and_then(|g| g.id.clone())
        .unwrap_or_else(|| "body".to_string());
    let chair_post = format!("{body}-chair");

    let mut organizations: Vec<Value> = Vec::new();
    organizations.extend(group.map(|g| group_organization(g, &body, &languages, &catalogue)));
    for m in &records.members {
        let object = Object::default().put("id", m.id.as_str());
        let object = named(object, &m.name, m.acronym.as_ref(), &languages)
            .date("founding_date", m.founded.as_ref())
            .maybe("roster:continues", m.continues.as_deref())
            .sources(&m.sources, &catalogue)
            .note(m.note.as_deref())
            .list("roster:disputed", m.disputed.iter().map(to_value).collect());
        organizations.push(object.into());
    }
    for m in &records.members {
        for c in &m.constituents {
            let object = Object::default().put("id", c.id.as_str());
            let object = named(object, &c.name, c.acronym.as_ref(), &languages)
                .put("parent_id", m.id.as_str())
                .date("founding_date", c.founded.as_ref())
                .note(c.note.as_deref());
            organizations.push(object.into());
        }
    }
    for w in &records.working_groups {
        let object = Object::default().put("id", w.id.as_str());
        let object = named(object, &w.name, None, &languages)
            .put("classification", "working group")
            .put("parent_id", body.as_str())
            .date("founding_date", w.from.as_ref())
            .date("dissolution_date", w.until.as_ref())
            .sources(&w.sources, &catalogue)
            .note(w.note.as_deref());
        organizations.push(object.into());
    }

    let mut posts: Vec<Value> = Vec::new();
    let gaps = |kind: ChairKind| -> Vec<Value> {
        records
            .chairs
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                Object::default()
                    .put("roster:position", c.position)
                    .date("start_date", c.start.as_ref())
                    .date("end_date", c.end.as_ref())
                    .maybe("roster:reason", c.reason.as_deref())
                    .sources(&c.sources, &catalogue)
                    .note(c.note.as_deref())
                    .into()
            })
            .collect()
    };
    posts.push(
        Object::default()
            .put("id", chair_post.as_str())
            .put("label", "Chair")
            .put("role", "Chair")
            .put("organization_id", body.as_str())
            .put("roster:vacancies", gaps(ChairKind::Vacant))
            .put("roster:unknown_periods", gaps(ChairKind::Unknown))
            .into(),
    );
    for w in &records.working_groups {
        let role = if w.chairs.len() > 1 {
            "Co-chair"
        } else {
            "Chair"
        };
        posts.push(json!({
            "id": format!("{}-chair", w.id),
            "label": role,
            "role": role,
            "organization_id": w.id,
        }));
    }

    let mut memberships: Vec<Value> = Vec::new();
    for m in &records.members {
        memberships.extend(member_memberships(m, &body, &catalogue));
    }
    for c in &records.chairs {
        memberships.extend(chair_memberships(c, &body, &chair_post, &catalogue));
    }
    for w in &records.working_groups {
        let role = if w.chairs.len() > 1 {
            "Co-chair"
        } else {
            "Chair"
        };
        for chair in &w.chairs {
            let own = w.chair_citations.iter().find(|c| &c.id == chair);
            memberships.push(
                Object::default()
                    .put("id", format!("{}-chair-{chair}", w.id))
                    .put("organization_id", w.id.as_str())
                    .put("post_id", format!("{}-chair", w.id))
                    .put("member", organization(chair))
                    .put("role", role)
                    .sources(&cited(&w.sources, own.map(|c| &c.sources[..])), &catalogue)
                    .maybe("roster:chair_note", own.and_then(|c| c.note.as_deref()))
                    .into(),
            );
        }
    }

    let document = json!({
        "meta": {
            "version": VERSION,
            "generated_by": generator(),
            "roster:extensions": "keys starting with `roster:` are roster's, beside Popolo's own; docs/export.md describes them",
        },
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
    });
    serde_json::to_string_pretty(&document).expect("plain data serialises") + "\n"
}

fn group_organization(
    g: &GroupRecord,
    id: &str,
    languages: &[String],
    catalogue: &Catalogue,
) -> Value {
    // The names over time follow the current ones: each language of each, dated.
    let mut others = other_names(&g.name, g.acronym.as_ref());
    for n in &g.names {
        let (name, acronym) = match n.until {
            Some(_) => ("former name", "former acronym"),
            None => ("current name", "current acronym"),
        };
        let names = n.name.0.iter().map(|t| (t, name));
        let acronyms = n.acronym.iter().flat_map(|a| &a.0).map(|t| (t, acronym));
        for ((language, text), note) in names.chain(acronyms) {
            others.push(
                Object::default()
                    .put("name", text.as_str())
                    .put("lang", language.as_str())
                    .date("start_date", n.from.as_ref())
                    .date("end_date", n.until.as_ref())
                    .put("note", note)
                    .into(),
            );
        }
    }
    Object::default()
        .put("id", id)
        .maybe("name", g.name.preferred(languages))
        .list("other_names", others)
        .put("classification", "body")
        .date("founding_date", g.founded.as_ref())
        .date("dissolution_date", g.dissolved.as_ref())
        .maybe("roster:coverage", g.coverage.as_ref().map(to_value))
        .maybe("roster:covered", g.covered.as_ref().map(to_value))
        .maybe("roster:succeeded_by", g.succeeded_by.as_ref().map(to_value))
        .sources(&g.sources, catalogue)
        .note(g.note.as_deref())
        .list("roster:disputed", g.disputed.iter().map(to_value).collect())
        .into()
}

/// A member's periods of membership of the body.
fn member_memberships(m: &MemberRecord, body: &str, catalogue: &Catalogue) -> Vec<Value> {
    m.memberships
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // A period without sources of its own rests on the member's.
            let sources = if p.sources.is_empty() {
                &m.sources
            } else {
                &p.sources
            };
            Object::default()
                .put("id", format!("{body}-member-{}-{}", m.id, i + 1))
                .put("organization_id", body)
                .put("member", organization(&m.id))
                .put("role", "member")
                .date("start_date", p.joined.as_ref())
                .date("end_date", p.left.as_ref())
                .maybe("roster:seat", m.seat.as_deref())
                .sources(sources, catalogue)
                .note(p.note.as_deref())
                .into()
        })
        .collect()
}

/// One membership of the chair post per chair of a term; none for a vacancy or an unknown
/// period, which the post lists.
fn chair_memberships(c: &ChairRecord, body: &str, post: &str, catalogue: &Catalogue) -> Vec<Value> {
    let co = c.chairs.len() > 1;
    c.chairs
        .iter()
        .map(|chair| {
            let id = if co {
                format!("{post}-{}-{chair}", c.position)
            } else {
                format!("{post}-{}", c.position)
            };
            let own = c.chair_citations.iter().find(|x| &x.id == chair);
            Object::default()
                .put("id", id)
                .put("organization_id", body)
                .put("post_id", post)
                .put("member", organization(chair))
                .put("role", if co { "Co-chair" } else { "Chair" })
                .maybe("on_behalf_of_id", c.on_behalf_of.as_deref())
                .date("start_date", c.start.as_ref())
                .date("end_date", c.end.as_ref())
                .put("roster:position", c.position)
                .put("roster:planned", c.planned)
                .maybe("roster:role", c.role.as_deref())
                .maybe("roster:coordinator", c.coordinator.as_deref())
                .maybe("roster:irregular", c.irregular.as_deref())
                .sources(&cited(&c.sources, own.map(|o| &o.sources[..])), catalogue)
                .note(c.note.as_deref())
                .maybe("roster:chair_note", own.and_then(|o| o.note.as_deref()))
                .list("roster:disputed", c.disputed.iter().map(to_value).collect())
                .into()
        })
        .collect()
}

/// An entry's sources, then those one of its chairs cites of its own, each once.
fn cited(entry: &[String], own: Option<&[String]>) -> Vec<String> {
    let mut ids = entry.to_vec();
    for id in own.unwrap_or_default() {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Date;

    fn popolo(text: &str) -> Option<String> {
        popolo_date(&DateValue::of(&Date::parse(text).unwrap()))
    }

    #[test]
    fn a_date_is_the_smallest_unit_that_holds_it() {
        assert_eq!(popolo("2010").as_deref(), Some("2010"));
        assert_eq!(popolo("2007-11").as_deref(), Some("2007-11"));
        assert_eq!(popolo("2003-04-01").as_deref(), Some("2003-04-01"));
        assert_eq!(popolo("2015?").as_deref(), Some("2015"));
        assert_eq!(popolo("2006-01/2006-04").as_deref(), Some("2006"));
        assert_eq!(popolo("2010-07-02/2010").as_deref(), Some("2010"));
        assert_eq!(popolo("2010-07-02/2010-07-20").as_deref(), Some("2010-07"));
    }

    #[test]
    fn a_window_across_years_or_open_has_no_popolo_date() {
        assert_eq!(popolo("2014/2016-12"), None);
        assert_eq!(popolo("1945-10-24/2014-12"), None);
        assert_eq!(popolo("../2017-01-01"), None);
        assert_eq!(popolo("2014-03/.."), None);
    }
}
