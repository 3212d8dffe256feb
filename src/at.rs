//! `at`: who was a member, who chaired and which working groups existed on one day.
//!
//! Membership is answered twice, as everywhere in roster: *certainly* (every day the dates may
//! mean puts the member in) and *possibly* (some reading of a coarse date puts it in). The
//! answer is plain data; `roster at` renders it as text or JSON.

use crate::model::{Dataset, EntryKind};
use crate::temporal::{Date, Day};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Snapshot {
    /// Version of this JSON shape.
    pub version: u32,
    pub date: String,
    /// Ids of the members certainly in on the day, sorted.
    pub members: Vec<String>,
    /// Members possibly but not certainly in, with the dates that make it uncertain.
    pub possible_members: Vec<PossibleMember>,
    /// The chair entries covering the day (one, unless the records overlap).
    pub chairs: Vec<ChairOn>,
    pub working_groups: Vec<WorkingGroupOn>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PossibleMember {
    pub id: String,
    pub joined: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChairOn {
    /// `term`, `vacant` or `unknown`.
    pub kind: &'static str,
    pub chairs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    pub interim: bool,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WorkingGroupOn {
    pub id: String,
    pub co_chairs: Vec<String>,
}

/// The state of the records on `day`.
pub fn at(data: &Dataset, day: Day) -> Snapshot {
    let mut members = Vec::new();
    let mut possible_members = Vec::new();
    for m in &data.members {
        let (Some(id), Some(span)) = (m.id(), m.membership()) else {
            continue;
        };
        if span.certain().contains(day) {
            members.push(id.to_string());
        } else if span.possible().contains(day) {
            possible_members.push(PossibleMember {
                id: id.to_string(),
                joined: span.start.to_string(),
                left: span.end.map(|e| e.to_string()),
            });
        }
    }
    members.sort();
    possible_members.sort_by(|a, b| a.id.cmp(&b.id));
    let show = |d: &Option<crate::model::Field<Date>>| {
        d.as_ref().map(|f| f.value.to_string()).unwrap_or_default()
    };
    let chairs = data
        .chairs
        .iter()
        .filter(|e| e.period().is_some_and(|p| p.contains(day)))
        .map(|e| {
            let (kind, chairs, on_behalf_of, interim) = match &e.kind {
                EntryKind::Term {
                    chairs,
                    on_behalf_of,
                    interim,
                    ..
                } => (
                    "term",
                    chairs.iter().map(|c| c.value.clone()).collect(),
                    on_behalf_of.as_ref().map(|o| o.value.clone()),
                    *interim,
                ),
                EntryKind::Vacant => ("vacant", Vec::new(), None, false),
                EntryKind::Unknown => ("unknown", Vec::new(), None, false),
            };
            ChairOn {
                kind,
                chairs,
                on_behalf_of,
                interim,
                start: show(&e.start),
                end: show(&e.end),
            }
        })
        .collect();
    // Working groups carry no dates in the records: every one recorded is listed.
    let working_groups = data
        .working_groups
        .iter()
        .filter_map(|w| {
            Some(WorkingGroupOn {
                id: w.id.as_ref()?.value.clone(),
                co_chairs: w.co_chairs.iter().map(|c| c.value.clone()).collect(),
            })
        })
        .collect();
    Snapshot {
        version: 1,
        date: day.to_string(),
        members,
        possible_members,
        chairs,
        working_groups,
    }
}

impl std::fmt::Display for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "on {}:", self.date)?;
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
        for c in &self.chairs {
            let who = match c.kind {
                "vacant" => "vacant".to_string(),
                "unknown" => "unknown (no source says who chaired)".to_string(),
                _ => {
                    let mut who = c.chairs.join(" and ");
                    if let Some(o) = &c.on_behalf_of {
                        who.push_str(&format!(" on behalf of {o}"));
                    }
                    if c.interim {
                        who.push_str(", interim");
                    }
                    who
                }
            };
            writeln!(f, "chair: {who} ({}..{})", c.start, c.end)?;
        }
        for w in &self.working_groups {
            writeln!(
                f,
                "working group: {} (co-chairs {})",
                w.id,
                w.co_chairs.join(", ")
            )?;
        }
        Ok(())
    }
}
