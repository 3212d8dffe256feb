//! Change reports: what changed between two sides of the records, and what the change implies.
//!
//! Records are matched by kind and id, never by position. Chair entries have no id and are
//! matched by a natural key: the same chairs with the same dates, then the same chairs with
//! the same start or end (a moved term is a modification of the same term), then the same
//! dates under another chair (a corrected chair), then the same chairs in date order. A record whose id changed but whose content is the same or nearly so
//! is a rename, not a removal and an addition. Changes are listed per field with JSON-pointer
//! paths, and changed text carries word-level differences.
//!
//! The consequences compare the two sides as wholes: findings that appear or disappear, member
//! counts that differ on some day, and days of the rotation that gain or lose a chair entry.
//! Everything is computed with maps, sorts and sweeps, so the work grows linearly with the
//! number of records (fuzzy rename matching is bounded and only looks at unmatched records).

use crate::catalogue::Severity;
use crate::check::{Corpus, Side};
use crate::diag::Certainty;
use crate::load::workspace::Kind;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

mod consequences;
mod fields;
pub mod gantt;
pub mod history;
mod identity;
mod matching;
pub mod prose;
pub mod sides;
mod summary;

pub use fields::{field_changes, record_fields, words};
use identity::Record;

/// Version of the JSON shape of [`Report`]; see `docs/diff-output.md`.
pub const VERSION: u32 = 2;

/// A change report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    /// What the old and new sides are, as the user named them (`HEAD`, `working tree`).
    pub old: String,
    pub new: String,
    /// One line: "1 member added, 2 fields changed in 1 chair term; 1 new error".
    pub summary: String,
    /// Record changes, by kind (in the order group, members, chairs, working groups,
    /// documents, sources) and then by id.
    pub changes: Vec<RecordChange>,
    pub consequences: Consequences,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    /// `group`, `member`, `chairs`, `working-groups`, `documents` or `sources`.
    pub kind: Kind,
    /// The id (new id for a rename); for chair entries, a key like `iom 2007-01..2007-06`.
    pub id: String,
    /// How a person names it: "member `iom`", "term of `iom` 2007-01..2007-06".
    pub label: String,
    pub change: ChangeKind,
    /// The old id, for a rename.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Where the record is on the new side (on the old side for a removal).
    pub file: String,
    pub line: usize,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    Renamed,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// JSON Pointer into the record (`/name/fr`); `""` for the record as a whole.
    pub path: String,
    /// Absent when the field was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// Absent when the field was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// For a changed text: the words kept, removed and inserted, in order. Not given for
    /// prose, which has `sentences` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
    /// For changed prose (a note, a reason, a quote, a title): the sentences removed, added or
    /// rewritten, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SentenceChange>>,
}

/// A sentence of a prose field that a change removed (`new` absent), added (`old` absent) or
/// rewrote (both, with the words that changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    pub op: WordOp,
    pub text: String,
}

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Consequences {
    /// Findings on the new side that the old side did not have.
    pub introduced: Vec<Finding>,
    /// Findings of the old side that the new side no longer has, silenced or not.
    pub fixed: Vec<Finding>,
    /// Findings of the old side that a silence added on the new side hides: not fixed.
    pub silenced: Vec<Finding>,
    /// Findings on the new side, new or changed, that an existing silence hides.
    pub under_silence: Vec<Finding>,
    /// Uncertain findings of the old side that the change makes certain.
    pub became_certain: Vec<CertaintyChange>,
    /// Periods whose member count differs between the sides.
    pub member_counts: Vec<CountChange>,
    /// Days of the rotation covered by a chair entry only on the new side.
    pub coverage_gained: Vec<Period>,
    /// Days covered only on the old side.
    pub coverage_lost: Vec<Period>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub certainty: Certainty,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// For a silenced finding: where the silence is, `file:line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub silenced_by: Option<String>,
}

/// An uncertain finding that a change makes certain: the same rule about the same place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertaintyChange {
    pub was: Finding,
    pub now: Finding,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountChange {
    pub start: String,
    /// Absent for a period that runs on with no end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Absent where that side's records do not cover the period (before its founding, after
    /// its dissolution, outside its `coverage`): they give no count there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<MemberCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<MemberCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MemberCount {
    pub certain: usize,
    pub possible: usize,
}

/// Compares two sides of `corpus` (which must keep documents). Without `consequences`, only
/// the record changes are computed (for `roster log`), and the sides need no rule run.
pub fn compare(
    corpus: &Corpus,
    old: &Side,
    new: &Side,
    old_name: &str,
    new_name: &str,
    consequences: bool,
) -> Report {
    // A file read once for both sides is the same file: none of its records changed.
    let old_set: HashSet<usize> = old.files.iter().copied().collect();
    let new_set: HashSet<usize> = new.files.iter().copied().collect();
    let old_only: Vec<usize> = old
        .files
        .iter()
        .copied()
        .filter(|i| !new_set.contains(i))
        .collect();
    let new_only: Vec<usize> = new
        .files
        .iter()
        .copied()
        .filter(|i| !old_set.contains(i))
        .collect();
    let mut old_raw = identity::raw_records(corpus, &old_only);
    let mut new_raw = identity::raw_records(corpus, &new_only);
    identity::cancel_unchanged(&mut old_raw, &mut new_raw);
    let old_records: Vec<Record> = old_raw.iter().map(identity::record).collect();
    let new_records: Vec<Record> = new_raw.iter().map(identity::record).collect();
    let mut changes = Vec::new();
    for kind in Kind::ALL {
        let a: Vec<&Record> = old_records.iter().filter(|r| r.kind == kind).collect();
        let b: Vec<&Record> = new_records.iter().filter(|r| r.kind == kind).collect();
        if kind == Kind::Chairs {
            matching::match_chairs(&a, &b, &mut changes);
        } else {
            matching::match_by_id(&a, &b, &mut changes);
        }
    }
    let consequences = if !consequences {
        Consequences::default()
    } else {
        let (coverage_gained, coverage_lost) = consequences::coverage_changes(&old.data, &new.data);
        let findings = consequences::findings(&corpus.sources, old, new);
        Consequences {
            introduced: findings.introduced,
            fixed: findings.fixed,
            silenced: findings.silenced,
            under_silence: findings.under_silence,
            became_certain: findings.became_certain,
            member_counts: consequences::count_changes(&old.data, &new.data),
            coverage_gained,
            coverage_lost,
        }
    };
    let summary = summary::summary(&changes, &consequences);
    Report {
        version: VERSION,
        old: old_name.to_string(),
        new: new_name.to_string(),
        summary,
        changes,
        consequences,
    }
}
