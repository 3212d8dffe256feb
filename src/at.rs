//! `at`: who was a member, who chaired and which working groups existed on one day.
//!
//! Membership is answered twice, as everywhere in roster: *certainly* (every day the dates may
//! mean puts the member in) and *possibly* (some reading of a coarse date or a window puts it
//! in). Nothing is asserted outside what the records cover: before the group was founded, after
//! it was dissolved, or outside its `coverage`, the answer says so and lists no one. A working
//! group without dates is listed as such, never as existing on the day; a chair who is only
//! possibly a member on the day, and two chair entries on one day that are not one
//! co-chairmanship, are marked. The answer is plain data; `roster at` renders it as text or
//! JSON.

use crate::model::{ChairEntry, Dataset, EntryKind, Field, Group, Member};
use crate::temporal::{Date, Day};
use serde::Serialize;
use std::collections::HashMap;

/// Version of the JSON shape of [`Snapshot`]; see `docs/at-output.md`.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Snapshot {
    pub version: u32,
    pub date: String,
    /// Whether the records speak for the day at all.
    pub status: Status,
    /// Why nothing is listed, in words; absent when the day is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Ids of the members certainly in on the day, sorted.
    pub members: Vec<String>,
    /// Members possibly but not certainly in, with the dates that make it uncertain.
    pub possible_members: Vec<PossibleMember>,
    /// The chair entries covering the day (one, unless the records overlap).
    pub chairs: Vec<ChairOn>,
    /// Whether two or more chair entries cover the day: one co-chairmanship is one entry.
    pub overlapping_chairs: bool,
    pub working_groups: Vec<WorkingGroupOn>,
}

/// Whether the records speak for a day.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Inside the group's life and the period its records cover.
    Recorded,
    /// Before the group was founded.
    BeforeFounding,
    /// After the group was dissolved.
    AfterDissolution,
    /// Inside the group's life, outside the period its records cover.
    NotRecorded,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PossibleMember {
    pub id: String,
    pub joined: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
}

/// What a chair entry is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EntryType {
    Term,
    Vacant,
    Unknown,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChairOn {
    pub kind: EntryType,
    pub chairs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// The constituent that coordinated a seat's collective chairmanship.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    pub interim: bool,
    /// Decided, not yet held (`planned: true`).
    pub planned: bool,
    pub start: String,
    pub end: String,
    /// Whether the entry covers the day on every reading of its dates (windows and inferred
    /// dates leave room).
    pub certain: bool,
    /// The chairs (or the seat chaired for) that are only possibly members on the day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possibly_not_members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WorkingGroupOn {
    pub id: String,
    pub co_chairs: Vec<String>,
    /// `false` for a working group without dates: it existed at some time in the group's life,
    /// and is listed for every recorded day with "dates unknown", never as existing on this one.
    pub dated: bool,
    /// For a dated working group: whether it certainly existed on the day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certain: Option<bool>,
}

/// The state of the records on `day`.
pub fn at(data: &Dataset, day: Day) -> Snapshot {
    let mut snapshot = Snapshot {
        version: VERSION,
        date: day.to_string(),
        status: Status::Recorded,
        reason: None,
        members: Vec::new(),
        possible_members: Vec::new(),
        chairs: Vec::new(),
        overlapping_chairs: false,
        working_groups: Vec::new(),
    };
    if let Some(group) = &data.group {
        if let Some((status, reason)) = outside(group, day) {
            snapshot.status = status;
            snapshot.reason = Some(reason);
            return snapshot;
        }
    }
    let members: HashMap<&str, &Member> = data
        .members
        .iter()
        .filter_map(|m| Some((m.id()?, m)))
        .collect();
    for m in &data.members {
        let Some(id) = m.id() else { continue };
        // The period that certainly holds the day, else one that possibly does.
        let spans: Vec<_> = m.memberships().map(|(_, span)| span).collect();
        if spans.iter().any(|s| s.certain().contains(day)) {
            snapshot.members.push(id.to_string());
        } else if let Some(span) = spans.iter().find(|s| s.possible().contains(day)) {
            snapshot.possible_members.push(PossibleMember {
                id: id.to_string(),
                joined: span.start.to_string(),
                left: span.end.map(|e| e.to_string()),
            });
        }
    }
    snapshot.members.sort();
    snapshot.possible_members.sort_by(|a, b| a.id.cmp(&b.id));
    snapshot.chairs = data
        .chairs
        .iter()
        .filter(|e| e.period().is_some_and(|p| p.contains(day)))
        .map(|e| chair_on(e, day, &members))
        .collect();
    snapshot.overlapping_chairs = snapshot.chairs.len() > 1;
    for w in &data.working_groups {
        let Some(id) = &w.id else { continue };
        let certain = match w.extent() {
            None => None,
            Some(extent) if extent.certain().contains(day) => Some(true),
            Some(extent) if extent.possible().contains(day) => Some(false),
            Some(_) => continue,
        };
        snapshot.working_groups.push(WorkingGroupOn {
            id: id.value.clone(),
            co_chairs: w.co_chairs.iter().map(|c| c.value.clone()).collect(),
            dated: certain.is_some(),
            certain,
        });
    }
    snapshot
}

/// Why the records say nothing for `day`, if they do not.
fn outside(group: &Group, day: Day) -> Option<(Status, String)> {
    let show = |d: &Option<Field<Date>>| d.as_ref().map(|f| f.value.to_string());
    // "on 2003-04-01", "in 2003-04".
    let when = |d: &Option<Field<Date>>| {
        d.as_ref()
            .map(|f| format!("{} {}", f.value.preposition(), f.value))
    };
    let life = group.life();
    if day < life.start {
        let when = when(&group.founded).unwrap_or_default();
        return Some((
            Status::BeforeFounding,
            format!("the group was founded {when}, after this day"),
        ));
    }
    if day > life.end {
        let when = when(&group.dissolved).unwrap_or_default();
        return Some((
            Status::AfterDissolution,
            format!("the group was dissolved {when}, before this day"),
        ));
    }
    let covered = group.covered();
    if !covered.contains(day) {
        let coverage = group.coverage.as_ref();
        let from = coverage.and_then(|c| show(&c.from)).unwrap_or_default();
        let until = coverage.and_then(|c| show(&c.until));
        let period = match until {
            Some(until) => format!("from {from} to {until}"),
            None => format!("from {from}"),
        };
        return Some((
            Status::NotRecorded,
            format!("not recorded: the records cover the group {period}"),
        ));
    }
    None
}

fn chair_on(e: &ChairEntry, day: Day, members: &HashMap<&str, &Member>) -> ChairOn {
    let show =
        |d: &Option<Field<Date>>| d.as_ref().map(|f| f.value.to_string()).unwrap_or_default();
    let certain = e.certain_period().is_some_and(|p| p.contains(day));
    let mut on = ChairOn {
        kind: EntryType::Term,
        chairs: Vec::new(),
        on_behalf_of: None,
        coordinator: None,
        interim: false,
        planned: e.planned,
        start: show(&e.start),
        end: show(&e.end),
        certain,
        possibly_not_members: Vec::new(),
    };
    match &e.kind {
        EntryKind::Term {
            chairs,
            on_behalf_of,
            coordinator,
            interim,
            ..
        } => {
            on.chairs = chairs.iter().map(|c| c.value.clone()).collect();
            on.on_behalf_of = on_behalf_of.as_ref().map(|o| o.value.clone());
            on.coordinator = coordinator.as_ref().map(|c| c.value.clone());
            on.interim = *interim;
            // Whose membership the day needs: the seat chaired for, else each chair.
            let seats: Vec<&str> = match on_behalf_of {
                Some(seat) => vec![seat.value.as_str()],
                None => chairs.iter().map(|c| c.value.as_str()).collect(),
            };
            for seat in seats {
                let Some(member) = members.get(seat) else {
                    continue;
                };
                if !member.memberships().any(|(_, s)| s.certain().contains(day)) {
                    on.possibly_not_members.push(seat.to_string());
                }
            }
        }
        EntryKind::Vacant => on.kind = EntryType::Vacant,
        EntryKind::Unknown => on.kind = EntryType::Unknown,
    }
    on
}

impl std::fmt::Display for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "on {}:", self.date)?;
        if let Some(reason) = &self.reason {
            writeln!(f, "{reason}.")?;
            return writeln!(
                f,
                "no members, chairs or working groups are listed for this day"
            );
        }
        writeln!(
            f,
            "members: {} certainly, {} more possibly",
            self.members.len(),
            self.possible_members.len()
        )?;
        if !self.members.is_empty() {
            writeln!(f, "  certainly: {}", self.members.join(", "))?;
        }
        for p in &self.possible_members {
            let left = p
                .left
                .as_ref()
                .map(|l| format!(", left {l}"))
                .unwrap_or_default();
            writeln!(f, "  possibly:  {} (joined {}{left})", p.id, p.joined)?;
        }
        if self.chairs.is_empty() {
            writeln!(f, "chair: no entry in the records covers this day")?;
        }
        if self.overlapping_chairs {
            writeln!(
                f,
                "chair: {} entries cover this day, and they are not one co-chairmanship",
                self.chairs.len()
            )?;
        }
        for c in &self.chairs {
            let who = match c.kind {
                EntryType::Vacant => "vacant".to_string(),
                EntryType::Unknown => "unknown (no source says who chaired)".to_string(),
                EntryType::Term => {
                    let mut who = c.chairs.join(" and ");
                    if let Some(o) = &c.on_behalf_of {
                        who.push_str(&format!(" on behalf of {o}"));
                    }
                    if let Some(o) = &c.coordinator {
                        who.push_str(&format!(", coordinated by {o}"));
                    }
                    if c.interim {
                        who.push_str(", interim");
                    }
                    if c.planned {
                        who.push_str(", planned");
                    }
                    who
                }
            };
            let mut marks = Vec::new();
            if !c.certain {
                marks.push("possibly: its dates may not include this day".to_string());
            }
            for id in &c.possibly_not_members {
                marks.push(format!("{id} possibly not yet or no longer a member"));
            }
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!("; {}", marks.join("; "))
            };
            writeln!(f, "chair: {who} ({}..{}){marks}", c.start, c.end)?;
        }
        for w in &self.working_groups {
            let when = match w.certain {
                None => "; dates unknown",
                Some(true) => "",
                Some(false) => "; possibly, its dates may not include this day",
            };
            writeln!(
                f,
                "working group: {} (co-chairs {}{when})",
                w.id,
                w.co_chairs.join(", ")
            )?;
        }
        Ok(())
    }
}
