//! Markdown output of `roster diff`, for a pull-request comment or a GitHub Actions job summary.
//!
//! A heading, the summary line in bold, one table per kind of record, then the consequences.
//! A record with more than three changed fields folds them into a `<details>`, and so does a
//! table with more than twenty rows. GitHub refuses a comment longer than 65,536 characters, so
//! a report that would be longer is rendered again within a budget of 60,000 bytes: the
//! consequences, which say what the change breaks, get at least half of it, the record tables
//! are cut after the last row that fits in the rest, an open `<details>` is closed, and a note
//! says how many record changes are shown and where to find all of them. Values, labels and
//! paths are shortened to 200 characters and a record lists at most 20 fields, so that no single
//! row can take the whole budget.
//!
//! Everything that comes from the records is escaped for a table cell: `|` would end the cell
//! (inside a code span too), `<` and `>` could open HTML, and `*`, `_`, `~`, `[` or a backtick
//! could start emphasis, a link or code. Labels and messages that roster wrote keep their code
//! spans, with the same escaping outside them.

use super::human::{count, days, heading, hug, shares_words, shown_fields};
use crate::diag::Severity;
use crate::diff::{
    ChangeKind, Consequences, FieldChange, Finding, RecordChange, Report, Word, WordOp,
};
use crate::report::markdown::{code, inline, plain, GITHUB_LIMIT};
use crate::report::text::severity_word;
use serde_json::Value;
use std::fmt::Write as _;
use std::io;

/// What a report that is too long is cut to, in bytes (at least as many as characters).
const BUDGET: usize = 60_000;
/// Room kept for the closing note.
const NOTE_ROOM: usize = 256;
/// A record with more fields than this folds them into a `<details>`.
const FOLD_FIELDS: usize = 3;
/// A table with more rows than this is folded into a `<details>`.
const FOLD_ROWS: usize = 20;
/// At most this many fields are listed for one record.
const MAX_FIELDS: usize = 20;
/// A value or a changed text is cut after this many characters.
const MAX_VALUE: usize = 200;

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let full = document(report, None);
    let text = if full.chars().count() <= GITHUB_LIMIT {
        full
    } else {
        document(report, Some(BUDGET))
    };
    out.write_all(text.as_bytes())
}

/// The whole comment; with a budget, cut to fit it.
fn document(report: &Report, budget: Option<usize>) -> String {
    let mut out = String::from("### roster: changes to the records\n\n");
    let summary = format!("{} → {}: {}", report.old, report.new, report.summary);
    let _ = writeln!(out, "**{}**", plain(&summary));

    let (consequences, changes, shown) = match budget {
        None => {
            let (changes, shown) = changes(&report.changes, None);
            (consequences(&report.consequences, None), changes, shown)
        }
        Some(budget) => {
            let room = budget.saturating_sub(out.len() + NOTE_ROOM);
            let wanted = changes(&report.changes, None).0.len();
            let consequences =
                consequences(&report.consequences, Some(room - wanted.min(room / 2)));
            let (changes, shown) = changes(
                &report.changes,
                Some(room.saturating_sub(consequences.len())),
            );
            (consequences, changes, shown)
        }
    };
    out.push_str(&changes);
    out.push_str(&consequences);
    if shown < report.changes.len() {
        let _ = writeln!(
            out,
            "\n_The report was cut at {shown} of {} record changes to fit GitHub's comment \
             limit; run `roster diff --format json` for the full report._",
            report.changes.len()
        );
    }
    out
}

/// One table per kind; with a budget, as many rows as fit. Returns the text and how many
/// record changes it shows.
fn changes(changes: &[RecordChange], budget: Option<usize>) -> (String, usize) {
    let fits = |len: usize| budget.is_none_or(|b| len <= b);
    let mut out = String::new();
    let mut shown = 0;
    for group in changes.chunk_by(|a, b| a.kind == b.kind) {
        let mut head = format!("\n#### {}\n\n", heading(group[0].kind));
        let folded = group.len() > FOLD_ROWS;
        if folded {
            let _ = write!(
                head,
                "<details><summary>{} record changes</summary>\n\n",
                group.len()
            );
        }
        head.push_str("| change | record | fields |\n| --- | --- | --- |\n");
        let tail = if folded { "\n</details>\n" } else { "" };
        let rows: Vec<String> = group.iter().map(row).collect();
        if !fits(out.len() + head.len() + rows[0].len() + tail.len()) {
            break;
        }
        out.push_str(&head);
        for row in rows {
            if !fits(out.len() + row.len() + tail.len()) {
                out.push_str(tail);
                return (out, shown);
            }
            out.push_str(&row);
            shown += 1;
        }
        out.push_str(tail);
    }
    (out, shown)
}

fn row(change: &RecordChange) -> String {
    let what = match change.change {
        ChangeKind::Added => "added".to_string(),
        ChangeKind::Removed => "removed".to_string(),
        ChangeKind::Modified => "modified".to_string(),
        ChangeKind::Renamed => match &change.renamed_from {
            Some(old_id) => format!("renamed from {}", code(&shorten(old_id, MAX_VALUE))),
            None => "renamed".to_string(),
        },
    };
    let record = format!(
        "{}<br><sub>{}</sub>",
        inline(&shorten(&change.label, MAX_VALUE)),
        plain(&format!("{}:{}", change.file, change.line))
    );
    let shown: Vec<&FieldChange> = shown_fields(change).collect();
    let mut fields: Vec<String> = shown.iter().take(MAX_FIELDS).map(|f| field(f)).collect();
    if shown.len() > MAX_FIELDS {
        fields.push(format!("_and {} more_", shown.len() - MAX_FIELDS));
    }
    let mut fields = fields.join("<br>");
    if shown.len() > FOLD_FIELDS {
        fields = format!(
            "<details><summary>{} fields changed</summary>{fields}</details>",
            shown.len()
        );
    }
    if fields.is_empty() {
        format!("| {what} | {record} | |\n")
    } else {
        format!("| {what} | {record} | {fields} |\n")
    }
}

/// One changed field: `` `/start`: `"2007-01"` → `"2007-02"` ``, or its words.
fn field(field: &FieldChange) -> String {
    let path = if field.path.is_empty() {
        "the whole record".to_string()
    } else {
        code(&shorten(&field.path, MAX_VALUE))
    };
    match (&field.old, &field.new) {
        (None, Some(new)) => format!("{path} added: {}", value(new)),
        (Some(old), None) => format!("{path} removed: {}", value(old)),
        (Some(old), Some(new)) => match &field.words {
            Some(words) if shares_words(words) => format!("{path}: {}", word_diff(words)),
            _ => format!("{path}: {} → {}", value(old), value(new)),
        },
        (None, None) => path,
    }
}

/// A value as compact JSON in a code span, shortened.
fn value(v: &Value) -> String {
    code(&shorten(&v.to_string(), MAX_VALUE))
}

/// `kept ~~deleted~~ **inserted** kept`, shortened to about [`MAX_VALUE`] characters of text.
fn word_diff(words: &[Word]) -> String {
    let mut out = String::new();
    let mut left = MAX_VALUE;
    let mut previous = WordOp::Equal;
    for word in words {
        if left == 0 {
            out.push('…');
            break;
        }
        let length = word.text.chars().count();
        let text = shorten(&word.text, left);
        let cut = length > left;
        left = left.saturating_sub(length);
        if word.op == WordOp::Equal {
            out.push_str(&plain(&text));
        } else {
            let (lead, core, trail) = hug(&text);
            if previous != WordOp::Equal && lead.is_empty() {
                out.push(' ');
            }
            let mark = if word.op == WordOp::Delete {
                "~~"
            } else {
                "**"
            };
            let _ = write!(
                out,
                "{}{mark}{}{mark}{}",
                plain(lead),
                plain(core),
                plain(trail)
            );
        }
        if cut {
            break;
        }
        previous = word.op;
    }
    out
}

/// The first `max` characters of `text`, and `…` if there were more.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

fn consequences(c: &Consequences, budget: Option<usize>) -> String {
    let mut findings: Vec<(&str, &Finding)> = Vec::new();
    for (list, adjective) in [(&c.introduced, "new"), (&c.fixed, "fixed")] {
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            findings.extend(
                list.iter()
                    .filter(|f| f.severity == severity)
                    .map(|f| (adjective, f)),
            );
        }
    }
    let finding_rows = findings.iter().map(|(adjective, f)| {
        format!(
            "| {adjective} {} | `{}` | {} | {} |\n",
            severity_word(f.severity),
            f.code,
            inline(&f.message),
            code(&format!("{}:{}:{}", f.file, f.line, f.column))
        )
    });
    let count_rows = c.member_counts.iter().map(|change| {
        format!(
            "| {} | {} | {} |\n",
            days(&change.start, change.end.as_deref()),
            count(change.old.certain, change.old.possible),
            count(change.new.certain, change.new.possible)
        )
    });
    let coverage_rows = [("gained", &c.coverage_gained), ("lost", &c.coverage_lost)]
        .into_iter()
        .flat_map(|(what, periods)| {
            periods
                .iter()
                .map(move |p| format!("| {what} | {} |\n", days(&p.start, Some(&p.end))))
        });
    let tables: [(&str, &str, Vec<String>); 3] = [
        (
            "| finding | code | message | location |\n| --- | --- | --- | --- |\n",
            "findings",
            finding_rows.collect(),
        ),
        (
            "| period | members before | members after |\n| --- | --- | --- |\n",
            "member counts",
            count_rows.collect(),
        ),
        (
            "| chair coverage | period |\n| --- | --- |\n",
            "periods",
            coverage_rows.collect(),
        ),
    ];
    if tables.iter().all(|(_, _, rows)| rows.is_empty()) {
        return String::new();
    }
    let mut out = String::from("\n#### Consequences\n");
    let budgets = shares(
        budget.map(|b| b.saturating_sub(out.len())),
        &tables.each_ref().map(|(head, _, rows)| {
            if rows.is_empty() {
                0
            } else {
                1 + head.len() + rows.iter().map(String::len).sum::<usize>()
            }
        }),
    );
    for ((head, what, rows), budget) in tables.iter().zip(budgets) {
        if rows.is_empty() {
            continue;
        }
        let mut table = format!("\n{head}");
        let mut shown = 0;
        for row in rows {
            if budget.is_some_and(|b| table.len() + row.len() + MORE_ROOM > b) {
                break;
            }
            table.push_str(row);
            shown += 1;
        }
        if shown > 0 {
            out.push_str(&table);
        }
        if shown < rows.len() {
            let _ = writeln!(
                out,
                "\n_{} more {what} are left out to fit GitHub's comment limit; \
                 `roster diff --format json` lists them all._",
                rows.len() - shown
            );
        }
    }
    out
}

/// Room for the line that says how many rows of a table are left out.
const MORE_ROOM: usize = 128;

/// Splits `budget` between parts that want `wanted` bytes each: a part that wants less than
/// an even share gets what it wants, and the others share the rest, so that a few thousand
/// findings cannot crowd out the one line that says coverage was lost.
fn shares<const N: usize>(budget: Option<usize>, wanted: &[usize; N]) -> [Option<usize>; N] {
    let Some(mut left) = budget else {
        return [None; N];
    };
    let mut out = [Some(0); N];
    let mut order: Vec<usize> = (0..N).collect();
    order.sort_by_key(|&i| wanted[i]);
    for (k, &i) in order.iter().enumerate() {
        let share = (left / (N - k)).min(wanted[i] + MORE_ROOM);
        out[i] = Some(share);
        left -= share;
    }
    out
}
