//! Markdown output of `roster diff` and `roster log`, for a pull-request comment or a GitHub
//! Actions job summary.
//!
//! A heading, the summary line in bold, one table per kind of record, then the consequences.
//! Every value is shown whole: an added or removed record lists all its fields (prose folded
//! into a `<details>`), and changed prose lists each changed sentence in full, old and new,
//! with the changed words marked (folded when long). A modified record with more than three
//! changed fields folds them into a `<details>`, and so does a table with more than twenty rows.
//!
//! GitHub refuses a comment longer than 65,536 characters, so a report that would be longer is
//! rendered again within a budget of 60,000 bytes: the consequences, which say what the change
//! breaks, get at least half of it, and the record tables keep the records that fit in the rest,
//! in order, dropping whole records from the end, never a part of a value; a note says how many
//! record changes are shown and where to find all of them.
//!
//! With [`Links`], each location links to its line at the commit the report's new side is.
//!
//! Everything that comes from the records is escaped for a table cell: `|` would end the cell
//! (inside a code span too), `<` and `>` could open HTML, and `*`, `_`, `~`, `[` or a backtick
//! could start emphasis, a link or code. Labels and messages that roster wrote keep their code
//! spans, with the same escaping outside them.

use super::human::{days, heading, hug, shares_words, shown_fields, side_count};
use super::{Extras, Links};
use crate::diag::Severity;
use crate::diff::gantt::Gantt;
use crate::diff::{
    prose, ChangeKind, Consequences, FieldChange, Finding, RecordChange, Report, SentenceChange,
    Word, WordOp,
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
/// A modified record with more changed fields than this folds them into a `<details>`.
const FOLD_FIELDS: usize = 3;
/// A table with more rows than this is folded into a `<details>`.
const FOLD_ROWS: usize = 20;
/// Changed prose longer than this many characters (old and new) is folded into a `<details>`.
const FOLD_PROSE: usize = 300;

/// The report as a comment of its own, with its `###` heading.
pub fn render(report: &Report, extras: Extras, out: &mut dyn io::Write) -> io::Result<()> {
    let full = document(report, None, extras);
    let text = if full.chars().count() <= GITHUB_LIMIT {
        full
    } else {
        document(report, Some(BUDGET), extras)
    };
    out.write_all(text.as_bytes())
}

/// The report under a heading of its own (one commit of `roster log`): its tables, with
/// `####` headings, and no budget.
pub fn section(report: &Report, links: Option<&Links>) -> String {
    let mut out = String::new();
    out.push_str(&changes(&report.changes, None, links).0);
    out.push_str(&consequences(&report.consequences, None, links));
    out
}

/// The whole comment; with a budget, cut to fit it.
fn document(report: &Report, budget: Option<usize>, extras: Extras) -> String {
    let links = extras.links;
    let mut out = String::from("### roster: changes to the records\n\n");
    let summary = format!("{} → {}: {}", report.old, report.new, report.summary);
    let _ = writeln!(out, "**{}**", plain(&summary));
    let chart = extras
        .gantt
        .map(|g| gantt(g, &report.old, &report.new))
        .unwrap_or_default();

    let (consequences, chart, changes, shown) = match budget {
        None => {
            let (changes, shown) = changes(&report.changes, None, links);
            (
                consequences(&report.consequences, None, links),
                chart,
                changes,
                shown,
            )
        }
        Some(budget) => {
            let room = budget.saturating_sub(out.len() + NOTE_ROOM);
            let wanted = changes(&report.changes, None, links).0.len();
            let consequences = consequences(
                &report.consequences,
                Some(room - wanted.min(room / 2)),
                links,
            );
            let mut room = room.saturating_sub(consequences.len());
            // The chart is small (a few windows of a few dozen terms); it goes when it would
            // take more than a quarter of what is left.
            let chart = if chart.len() <= room / 4 {
                room -= chart.len();
                chart
            } else {
                String::new()
            };
            let (changes, shown) = changes(&report.changes, Some(room), links);
            (consequences, chart, changes, shown)
        }
    };
    out.push_str(&changes);
    out.push_str(&consequences);
    out.push_str(&chart);
    if shown < report.changes.len() {
        let _ = writeln!(
            out,
            "\n_This report shows {shown} of {} record changes: the last {} did not fit in \
             GitHub's comment limit. `roster diff --format json` gives them all._",
            report.changes.len(),
            report.changes.len() - shown
        );
    }
    out
}

/// A Mermaid `gantt` chart of the chair terms around each changed period: the old side's terms,
/// then the new side's, the changed ones marked (`done` for what was, `crit` for what is now;
/// planned terms `active`).
fn gantt(chart: &Gantt, old: &str, new: &str) -> String {
    let mut out = String::from("\n#### Chair terms around the change\n");
    for window in &chart.windows {
        let _ = write!(
            out,
            "\n```mermaid\ngantt\n    title {}\n    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n",
            mermaid_text(&format!("{} to {}", window.start, window.end))
        );
        for (name, bars, mark) in [(old, &window.before, "done"), (new, &window.after, "crit")] {
            let _ = writeln!(out, "    section {}", mermaid_text(name));
            for bar in bars {
                let mut tags = Vec::new();
                if bar.changed {
                    tags.push(mark);
                }
                if bar.planned {
                    tags.push("active");
                }
                let tags = if tags.is_empty() {
                    String::new()
                } else {
                    format!("{}, ", tags.join(", "))
                };
                // Mermaid's end date is the first day after the bar.
                let _ = writeln!(
                    out,
                    "    {} :{tags}{}, {}",
                    mermaid_text(&bar.label),
                    bar.start,
                    bar.end.next()
                );
            }
        }
        out.push_str("```\n");
        if window.more_bars > 0 {
            let _ = writeln!(
                out,
                "\n_{} more chair entries in this period are not drawn._",
                window.more_bars
            );
        }
    }
    if chart.more_windows > 0 {
        let _ = writeln!(
            out,
            "\n_{} more changed periods are not drawn._",
            chart.more_windows
        );
    }
    out
}

/// Text for a Mermaid task or section name: on one line, without the `:`, `#` and `;` that
/// would end it, and without backticks that would end the code block.
fn mermaid_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ':' | '#' | ';' | '`' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// One table per kind; with a budget, the records that fit, whole, in order. Returns the text
/// and how many record changes it shows.
fn changes(
    changes: &[RecordChange],
    budget: Option<usize>,
    links: Option<&Links>,
) -> (String, usize) {
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
        let rows: Vec<String> = group.iter().map(|c| row(c, links)).collect();
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

fn row(change: &RecordChange, links: Option<&Links>) -> String {
    let what = match change.change {
        ChangeKind::Added => "added".to_string(),
        ChangeKind::Removed => "removed".to_string(),
        ChangeKind::Modified => "modified".to_string(),
        ChangeKind::Renamed => match &change.renamed_from {
            Some(old_id) => format!("renamed from {}", code(old_id)),
            None => "renamed".to_string(),
        },
    };
    // A removed record is linked nowhere: its line is on the old side.
    let place = match (links, change.change) {
        (Some(links), kind) if kind != ChangeKind::Removed => {
            links.markdown(&change.file, change.line, None)
        }
        _ => plain(&format!("{}:{}", change.file, change.line)),
    };
    let record = format!("{}<br><sub>{place}</sub>", inline(&change.label));
    let shown: Vec<&FieldChange> = shown_fields(change).collect();
    let whole = matches!(change.change, ChangeKind::Added | ChangeKind::Removed);
    let mut fields = shown
        .iter()
        .map(|f| if whole { whole_field(f) } else { field(f) })
        .collect::<Vec<_>>()
        .join("<br>");
    // A new or removed record shows its fields open (its prose is folded one by one).
    if !whole && shown.len() > FOLD_FIELDS {
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

/// One field: `` `/start`: `"2007-01"` → `"2007-02"` ``, its words, or its sentences.
fn field(field: &FieldChange) -> String {
    let path = if field.path.is_empty() {
        "the whole record".to_string()
    } else {
        code(&field.path)
    };
    if let Some(sentences) = &field.sentences {
        return prose_change(&path, sentences);
    }
    let is_prose = prose::is_prose(&field.path);
    match (&field.old, &field.new) {
        (None, Some(Value::String(text))) if is_prose => folded(&format!("{path} added"), text),
        (Some(Value::String(text)), None) if is_prose => folded(&format!("{path} removed"), text),
        (None, Some(new)) => format!("{path} added: {}", value(new)),
        (Some(old), None) => format!("{path} removed: {}", value(old)),
        (Some(old), Some(new)) => match &field.words {
            Some(words) if shares_words(words) => format!("{path}: {}", word_diff(words)),
            _ => format!("{path}: {} → {}", value(old), value(new)),
        },
        (None, None) => path,
    }
}

/// A field of a record added or removed: `` `/joined`: `"2018"` ``; a note, or prose longer than
/// [`FOLD_PROSE`], folded.
fn whole_field(field: &FieldChange) -> String {
    let path = code(&field.path);
    match field.new.as_ref().or(field.old.as_ref()) {
        Some(Value::String(text)) if prose::is_prose(&field.path) => {
            let note = field.path.ends_with("/note") || field.path.ends_with("/notes");
            if note || text.chars().count() > FOLD_PROSE {
                folded(&path, text)
            } else {
                format!("{path}: {}", plain(text))
            }
        }
        Some(v) => format!("{path}: {}", value(v)),
        None => path,
    }
}

/// Prose shown whole, folded under `summary`.
fn folded(summary: &str, text: &str) -> String {
    format!(
        "<details><summary>{summary}</summary>{}</details>",
        plain(text)
    )
}

/// The changed sentences of a prose field, each on its own line, old (`−`) then new (`+`), the
/// changed words marked; folded when long.
fn prose_change(path: &str, sentences: &[SentenceChange]) -> String {
    let mut lines = Vec::new();
    let mut length = 0;
    for sentence in sentences {
        let sides = [
            (&sentence.old, WordOp::Delete, "−"),
            (&sentence.new, WordOp::Insert, "+"),
        ];
        for (text, side, marker) in sides {
            let Some(text) = text else { continue };
            length += text.chars().count();
            let shown = match &sentence.words {
                Some(words) => marked(words, side),
                None => plain(text),
            };
            lines.push(format!("{marker}&nbsp;{shown}"));
        }
    }
    let body = lines.join("<br>");
    let count = sentences.len();
    let what = if count == 1 {
        "1 sentence changed".to_string()
    } else {
        format!("{count} sentences changed")
    };
    if length > FOLD_PROSE {
        format!("<details><summary>{path}: {what}</summary>{body}</details>")
    } else {
        format!("{path}: {what}<br>{body}")
    }
}

/// One side of a rewritten sentence: the words kept, and those removed (`~~so~~`, on the old
/// sentence) or inserted (`**so**`, on the new one).
fn marked(words: &[Word], side: WordOp) -> String {
    let mark = if side == WordOp::Delete { "~~" } else { "**" };
    let mut out = String::new();
    for (changed, text) in prose::one_side(words, side) {
        if changed {
            emphasized(&mut out, &text, mark);
        } else {
            out.push_str(&plain(&text));
        }
    }
    out
}

/// `text` between `mark`s (`~~` or `**`), with its leading and trailing spaces outside them,
/// where Markdown needs them to see the emphasis.
fn emphasized(out: &mut String, text: &str, mark: &str) {
    let (lead, core, trail) = hug(text);
    let _ = write!(
        out,
        "{}{mark}{}{mark}{}",
        plain(lead),
        plain(core),
        plain(trail)
    );
}

/// A value as compact JSON in a code span.
fn value(v: &Value) -> String {
    code(&v.to_string())
}

/// `kept ~~deleted~~ **inserted** kept`: a short text changed in place (a name).
fn word_diff(words: &[Word]) -> String {
    let mut out = String::new();
    let mut previous = WordOp::Equal;
    for word in words {
        if word.op == WordOp::Equal {
            out.push_str(&plain(&word.text));
        } else {
            if previous != WordOp::Equal && hug(&word.text).0.is_empty() {
                out.push(' ');
            }
            let mark = if word.op == WordOp::Delete {
                "~~"
            } else {
                "**"
            };
            emphasized(&mut out, &word.text, mark);
        }
        previous = word.op;
    }
    out
}

fn consequences(c: &Consequences, budget: Option<usize>, links: Option<&Links>) -> String {
    let mut findings: Vec<(&str, &Finding, Option<&Finding>)> = c
        .became_certain
        .iter()
        .map(|change| ("now certain", &change.now, Some(&change.was)))
        .collect();
    for (list, adjective) in [
        (&c.introduced, "new"),
        (&c.under_silence, "new"),
        (&c.silenced, "silenced"),
        (&c.fixed, "fixed"),
    ] {
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            findings.extend(
                list.iter()
                    .filter(|f| f.severity == severity)
                    .map(|f| (adjective, f, None)),
            );
        }
    }
    let finding_rows = findings.iter().map(|(adjective, f, was)| {
        let mut message = inline(&f.message);
        if let Some(was) = was {
            let _ = write!(message, "<br>was uncertain: {}", inline(&was.message));
        }
        // The silence is on the new side: linked to its line.
        let silence = |at: &str| {
            let line = at
                .rsplit_once(':')
                .and_then(|(file, line)| Some((file, line.parse().ok()?)));
            match (links, line) {
                (Some(links), Some((file, line))) => links.markdown(file, line, None),
                _ => code(at),
            }
        };
        match (&f.silenced_by, *adjective) {
            (Some(at), "silenced") => {
                let _ = write!(message, "<br>silenced by {}, not fixed", silence(at));
            }
            (Some(at), _) => {
                let _ = write!(message, "<br>silenced by {}", silence(at));
            }
            (None, _) => {}
        }
        format!(
            "| {adjective} {} | `{}` | {} | {} |\n",
            severity_word(f.severity),
            f.code,
            message,
            location(f, adjective, links)
        )
    });
    let count_rows = c.member_counts.iter().map(|change| {
        format!(
            "| {} | {} | {} |\n",
            days(&change.start, change.end.as_deref()),
            side_count(change.old),
            side_count(change.new)
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

/// Where a finding is: linked to its line when the finding is on the new side (a fixed finding
/// is where the old side had it).
fn location(f: &Finding, adjective: &str, links: Option<&Links>) -> String {
    let text = format!("{}:{}:{}", f.file, f.line, f.column);
    match links {
        Some(links) if adjective != "fixed" => links.markdown(&f.file, f.line, Some(&text)),
        _ => code(&text),
    }
}
