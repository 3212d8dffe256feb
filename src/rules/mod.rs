//! The consistency checks: the R-rules (ids, references, sources) and the T-rules (time).
//!
//! Each check is one file in this folder, reads the typed model ([`crate::model`]) through a
//! [`Context`] and nothing else, and is registered in [`CHECKS`] beside its rule in the
//! [`crate::catalogue`] (where its code, name and explanation are). The test suite fails if a
//! file here is not registered, or a rule has no explanation or no fixture folder under
//! `tests/fixtures/rules/<CODE>/`.
//!
//! A check states how sure each finding is ([`Certainty`]) when it makes it: dates of reduced
//! precision stand for every day they cover, and what holds for only some of those days is a
//! possible finding. The severity that follows is not the check's to decide: the severity
//! policy of [`crate::check`] decides it once for all rules. Checks must stay near-linear in
//! the number of records: index by id, sort and sweep, never compare every pair.

use crate::catalogue::{self, Rule};
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{ChairEntry, Dataset, Loc, Member};
use crate::temporal::{Date, Day, Interval};
use std::collections::HashMap;

mod r001_duplicate_id;
mod r002_dangling_reference;
mod r003_missing_source;
mod r004_acronym_clash;
mod r005_file_name_mismatch;
mod r007_name_languages;
mod t001_inverted_interval;
mod t002_member_count_mismatch;
mod t003_rotation_gap;
mod t004_rotation_overlap;
mod t005_irregular_term;
mod t006_chair_not_member;
mod t007_joined_before_founded;
mod t008_report_without_term;
mod t009_co_chair_not_member;
mod t010_member_after_dissolution;
mod t011_term_outside_rotation;
mod t012_rotation_out_of_order;

/// A rule's check: reads the model, pushes findings.
pub type Check = fn(&Context, &mut Vec<Diagnostic>);

/// Every check, with the rule whose findings it makes, in code order. Adding a rule: its
/// entry in [`crate::catalogue`], its file here, and one line in this table.
pub static CHECKS: &[(&Rule, Check)] = &[
    (&catalogue::R001, r001_duplicate_id::check),
    (&catalogue::R002, r002_dangling_reference::check),
    (&catalogue::R003, r003_missing_source::check),
    (&catalogue::R004, r004_acronym_clash::check),
    (&catalogue::R005, r005_file_name_mismatch::check),
    (&catalogue::R007, r007_name_languages::check),
    (&catalogue::T001, t001_inverted_interval::check),
    (&catalogue::T002, t002_member_count_mismatch::check),
    (&catalogue::T003, t003_rotation_gap::check),
    (&catalogue::T004, t004_rotation_overlap::check),
    (&catalogue::T005, t005_irregular_term::check),
    (&catalogue::T006, t006_chair_not_member::check),
    (&catalogue::T007, t007_joined_before_founded::check),
    (&catalogue::T008, t008_report_without_term::check),
    (&catalogue::T009, t009_co_chair_not_member::check),
    (&catalogue::T010, t010_member_after_dissolution::check),
    (&catalogue::T011, t011_term_outside_rotation::check),
    (&catalogue::T012, t012_rotation_out_of_order::check),
];

/// What every check may read.
pub struct Context<'a> {
    pub data: &'a Dataset,
    /// "Today", for the rules that need it (an open-ended rotation regime runs until today).
    /// Fixed by `--as-of`; the library never reads the clock.
    pub as_of: Option<Day>,
    members: HashMap<&'a str, &'a Member>,
    /// Constituent id -> the member whose seat it shares.
    constituents: HashMap<&'a str, &'a Member>,
    /// [`Context::dated_chairs`], sorted once for the checks that walk the rotation.
    dated_chairs: std::sync::OnceLock<Vec<(Interval, &'a ChairEntry)>>,
}

impl<'a> Context<'a> {
    pub fn new(data: &'a Dataset, as_of: Option<Day>) -> Context<'a> {
        let mut members = HashMap::new();
        let mut constituents = HashMap::new();
        for m in &data.members {
            if let Some(id) = m.id() {
                members.entry(id).or_insert(m);
            }
            for c in &m.constituents {
                constituents.entry(c.id.value.as_str()).or_insert(m);
            }
        }
        Context {
            data,
            as_of,
            members,
            constituents,
            dated_chairs: std::sync::OnceLock::new(),
        }
    }

    /// The member with this id (the first, if an id is duplicated).
    pub fn member(&self, id: &str) -> Option<&'a Member> {
        self.members.get(id).copied()
    }

    /// The member whose seat the constituent `id` shares.
    pub fn seat_of(&self, constituent: &str) -> Option<&'a Member> {
        self.constituents.get(constituent).copied()
    }

    /// The chair entries that cover at least a day, with their periods, sorted by start (then
    /// end, then place in the file): the rotation as the coverage rules walk it.
    /// Sorted once, the first time a check asks: three checks walk it, and a million terms
    /// take a tenth of a second to sort.
    pub fn dated_chairs(&self) -> &[(Interval, &'a ChairEntry)] {
        self.dated_chairs.get_or_init(|| {
            let mut entries: Vec<(Interval, &ChairEntry)> = self
                .data
                .chairs
                .iter()
                .filter_map(|e| Some((e.period()?, e)))
                .filter(|(p, _)| !p.is_empty())
                .collect();
            entries.sort_by_key(|(p, e)| (p.start, p.end, e.index));
            entries
        })
    }

    /// A finding of `rule` at `at`, as sure as `certainty` says.
    pub fn finding(
        &self,
        rule: &'static Rule,
        certainty: Certainty,
        message: impl Into<String>,
        at: Loc,
        label: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, message, Label::new(at.file, at.span, label))
            .with_certainty(certainty)
    }
}

/// How sure a finding about `dates` is: certain when it holds on every reading of the dates
/// (`on_every_reading`) and none of them is inferred (`2015?`), whose findings are only ever
/// possible.
pub(crate) fn certainty(on_every_reading: bool, dates: &[&Date]) -> Certainty {
    if on_every_reading && !dates.iter().any(|d| d.is_inferred()) {
        Certainty::Certain
    } else {
        Certainty::Possible
    }
}

/// From this many records (members and chair entries) on, the checks run on every core.
const PARALLEL_RECORDS: usize = 20_000;

/// Runs the checks of the selected rules (every rule when `only` is `None`). On large records
/// the checks are shared among the cores, each check whole on one thread; their findings are
/// put together in the order of [`CHECKS`], as when they run one after the other.
pub fn run(context: &Context, only: Option<&[&'static Rule]>) -> Vec<Diagnostic> {
    let records = context.data.chairs.len() + context.data.members.len();
    let threads = if records < PARALLEL_RECORDS {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    run_on(context, only, threads)
}

/// [`run`] on `threads` threads.
fn run_on(context: &Context, only: Option<&[&'static Rule]>, threads: usize) -> Vec<Diagnostic> {
    let checks: Vec<_> = CHECKS
        .iter()
        .filter(|(rule, _)| {
            only.is_none_or(|selected| selected.iter().any(|r| std::ptr::eq(*r, *rule)))
        })
        .map(|(_, check)| *check)
        .collect();
    crate::parallel::map(&checks, threads, |check| {
        let mut out = Vec::new();
        check(context, &mut out);
        out
    })
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::workspace::Kind;
    use crate::model::Input;
    use crate::source::{SourceFile, Sources};

    /// The shipped records with a long rotation of one-month terms added, among them terms
    /// that overlap, leave gaps, and are held by no member.
    fn long_rotation() -> (Sources, Vec<(crate::source::FileId, Kind)>) {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/records");
        let mut sources = Sources::new();
        let mut files = Vec::new();
        let mut add = |name: String, text: String| {
            let kind = Kind::of(&name).unwrap();
            let id = sources.add(SourceFile::new(format!("records/{name}"), &name, text));
            files.push((id, kind));
        };
        for entry in std::fs::read_dir(format!("{root}/members")).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("members/{}", path.file_name().unwrap().to_str().unwrap());
            add(name, std::fs::read_to_string(&path).unwrap());
        }
        for name in [
            "group.yaml",
            "working-groups.yaml",
            "documents.yaml",
            "sources.yaml",
        ] {
            add(
                name.into(),
                std::fs::read_to_string(format!("{root}/{name}")).unwrap(),
            );
        }
        let mut chairs = String::from("chairs:\n");
        for i in 0..300usize {
            let (year, month) = (2006 + i / 12, i % 12 + 1);
            let chair = ["iom", "ilo", "unhcr", "nobody"][i % 4];
            let end = if i % 7 == 0 { (month % 12) + 1 } else { month };
            if i % 11 != 5 {
                chairs.push_str(&format!(
                    "  - {{chair: {chair}, start: {year}-{month:02}, end: {year}-{end:02}, sources: [iom-gmg-page-fr]}}\n"
                ));
            }
        }
        add("chairs.yaml".into(), chairs);
        (sources, files)
    }

    #[test]
    fn checks_on_several_threads_find_what_one_thread_finds() {
        let (sources, files) = long_rotation();
        let documents: Vec<_> = files
            .iter()
            .map(|&(id, kind)| (id, kind, crate::load::yaml::load(id, sources.get(id))))
            .collect();
        let inputs: Vec<Input> = documents
            .iter()
            .map(|(id, kind, loaded)| Input {
                file: *id,
                kind: *kind,
                name: &sources.get(*id).name,
                document: loaded.document.as_ref().unwrap(),
            })
            .collect();
        let data = Dataset::build(&inputs);
        let context = Context::new(&data, None);
        let one = run_on(&context, None, 1);
        for code in ["T003", "T004", "R002"] {
            assert!(one.iter().any(|d| d.rule.code == code), "{code}");
        }
        for threads in [2, 3, 7] {
            let context = Context::new(&data, None);
            let many = run_on(&context, None, threads);
            assert_eq!(format!("{many:?}"), format!("{one:?}"), "{threads} threads");
        }
    }
}
