//! The home page: the body, its names and coverage, the timeline picture, every member, every
//! chair entry, the rotation and the claims of size, working groups, documents, sources, and
//! what `roster check` found.

use super::dates;
use super::html::{
    collapsed_note, esc, facts, in_languages, link, prose, section, ticked, Shell, Table,
};
use super::records::{cited, localized, scalar, text, written, Records};
use super::Input;
use crate::diag::{Certainty, Diagnostic, Severity, Tally};
use crate::model::{EntryKind, Member};
use crate::temporal::Extent;
use std::fmt::Write;

/// The home page, `index.html`.
pub fn page(records: &Records, input: &Input) -> String {
    let (name, acronym) = records.body_names();
    let mut main = String::new();
    main.push_str(&heading(records, &name, &acronym));
    main.push_str(&about(records, input));
    if let Some(picture) = input.timeline {
        let _ = write!(
            main,
            "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"hint\">One row per member, the chair rotation as a band above them. Solid: certain on every reading of the dates; hatched: only possible. Hover over anything for its dates as written.</p>\n<div class=\"timeline\">\n{picture}\n</div>\n</section>\n"
        );
    }
    main.push_str(&notes(records));
    main.push_str(&names(records));
    main.push_str(&members(records));
    main.push_str(&chairs(records));
    main.push_str(&rotation(records));
    main.push_str(&claims(records));
    main.push_str(&working_groups(records));
    main.push_str(&documents(records));
    main.push_str(&sources(records));
    main.push_str(&findings(input));
    Shell {
        title: &if name == acronym {
            format!("{name}: the records")
        } else {
            format!("{name} ({acronym}): the records")
        },
        up: "",
        lang: records.lang(),
        body_name: &acronym,
    }
    .page(&main)
}

/// The body's name in its first language, then in the others.
fn heading(records: &Records, name: &str, acronym: &str) -> String {
    let group = records.group_node();
    let acronyms = localized(group, "acronym");
    let others: Vec<String> = localized(group, "name")
        .into_iter()
        .filter(|(l, _)| *l != records.lang())
        .map(|(l, n)| {
            let a = acronyms.iter().find(|(al, _)| *al == l);
            let a = a.map_or(String::new(), |(_, a)| format!(" ({})", esc(a)));
            format!("<span lang=\"{}\">{}{a}</span>", esc(l), esc(n))
        })
        .collect();
    let acronym = if acronym == name {
        String::new()
    } else {
        format!(" <span class=\"acronym\">({})</span>", esc(acronym))
    };
    let mut out = format!("<h1>{}{acronym}</h1>\n", esc(name));
    if !others.is_empty() {
        let _ = writeln!(out, "<p class=\"other-names\">{}</p>", others.join(" · "));
    }
    out
}

/// Founding, coverage, languages, counts and the verdict of the check.
fn about(records: &Records, input: &Input) -> String {
    let data = records.data;
    let group = data.group.as_ref();
    let node = records.group_node();
    let coverage = group.and_then(|g| g.coverage.as_ref());
    let coverage_words = coverage
        .and_then(|c| {
            Some(Extent {
                start: c.from.as_ref()?.value,
                end: c.until.as_ref().map(|u| u.value),
            })
        })
        .map_or(String::new(), |e| {
            format!(
                "<code>{}</code> to <code>{}</code> <span class=\"means\">({})</span>",
                esc(&written(coverage.and_then(|c| c.from.as_ref()))),
                esc(&written(coverage.and_then(|c| c.until.as_ref()))),
                esc(&dates::whole_period(&e))
            )
        });
    let successor = node.and_then(|n| n.get("succeeded_by"));
    let successor = localized(successor, "name")
        .first()
        .map_or(String::new(), |(_, n)| {
            let when = scalar(successor, "date").unwrap_or_default();
            format!("{} (<code>{}</code>)", esc(n), esc(&when))
        });
    let tally = Tally::of(input.findings);
    let count = |n: usize, what: &str| match n {
        0 => format!("no {what}s"),
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    let verdict = match (tally.errors + tally.warnings, tally.uncertain) {
        (0, 0) => "no problems found".to_string(),
        (0, n) => format!("no errors or warnings; {}", count(n, "uncertain finding")),
        _ => format!(
            "{}, {}, {}",
            count(tally.errors, "error"),
            count(tally.warnings, "warning"),
            count(tally.uncertain, "uncertain finding")
        ),
    };
    let chairs = data.chairs.len();
    let planned = data.chairs.iter().filter(|c| c.planned).count();
    let planned = if planned > 0 {
        format!(" ({planned} of them planned)")
    } else {
        String::new()
    };
    let mut out = String::from("<section id=\"about\">\n");
    out.push_str(&facts(&[
        (
            "founded",
            Records::date_words(group.and_then(|g| g.founded.as_ref())),
        ),
        (
            "dissolved",
            Records::date_words(group.and_then(|g| g.dissolved.as_ref())),
        ),
        ("succeeded by", successor),
        ("the records cover", coverage_words),
        (
            "languages",
            records
                .languages
                .iter()
                .map(|l| format!("<code>{}</code>", esc(l)))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "records",
            [
                (data.members.len(), "member", "members", ""),
                (chairs, "chair entry", "chair entries", planned.as_str()),
                (
                    data.working_groups.len(),
                    "working group",
                    "working groups",
                    "",
                ),
                (data.documents.len(), "document", "documents", ""),
                (data.sources.len(), "source", "sources", ""),
            ]
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, one, many, more)| format!("{n} {}{more}", if *n == 1 { one } else { many }))
            .collect::<Vec<_>>()
            .join(", "),
        ),
        (
            "roster check",
            format!("<a href=\"#findings\">{}</a>", esc(&verdict)),
        ),
        ("sources", records.source_links(&cited(node), "")),
    ]));
    out.push_str("</section>\n");
    out
}

/// What the records say about the body and about what they cover, in their own words.
fn notes(records: &Records) -> String {
    let node = records.group_node();
    let coverage = text(node.and_then(|n| n.get("coverage")), "note");
    let about = text(node, "note");
    if coverage.is_none() && about.is_none() {
        return String::new();
    }
    section(
        "notes",
        "About the body and the records",
        &(prose("note", about) + &prose("note", coverage)),
    )
}

/// The names of the body over time, each with its acronym, in every language.
fn names(records: &Records) -> String {
    let Some(group) = &records.data.group else {
        return String::new();
    };
    if group.names.is_empty() {
        return String::new();
    }
    let mut table = Table::new("names", &["from", "until", "name", "acronym", "sources"]);
    for (i, period) in group.names.iter().enumerate() {
        let node = records.node(period.at);
        let in_languages = |key| in_languages(localized(node, key));
        table.row(
            format!("id=\"name-{}\"", i + 1),
            vec![
                Records::date_words(period.from.as_ref()),
                Records::date_words(period.until.as_ref()),
                in_languages("name"),
                in_languages("acronym"),
                records.source_links(&cited(node), ""),
            ],
        );
    }
    let notes: String = group
        .names
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let note = text(records.node(p.at), "note")?;
            Some(format!(
                "<p class=\"note\"><a href=\"#name-{}\">Name {}</a>: {}</p>\n",
                i + 1,
                i + 1,
                ticked(note)
            ))
        })
        .collect();
    section("names", "Names over time", &format!("{table}{notes}"))
}

/// One row per member: id, names, acronym, periods as written, seat.
fn members(records: &Records) -> String {
    let seats = records.members.iter().any(|(m, _)| m.seat.is_some());
    let mut head = vec!["member", "names", "acronym", "periods of membership"];
    if seats {
        head.push("seat");
    }
    let mut table = Table::new("members", &head);
    for (member, page) in &records.members {
        let id = member.id().unwrap_or(&member.file_stem);
        let mut cells = vec![
            link(&format!("members/{page}.html"), id),
            member_names(records, member),
            acronyms(records, member),
            periods(member),
        ];
        if seats {
            cells.push(esc(member.seat.as_ref().map_or("", |s| s.value.as_str())).to_string());
        }
        table.row(
            format!("id=\"member-{}\" data-id=\"{}\"", esc(page), esc(id)),
            cells,
        );
    }
    section("members", "Members", &format!("<p class=\"hint\">Periods as written: a year or a month stands for some day in it; the member page of each says what its dates mean.</p>\n{table}"))
}

/// A member's names, one per language, in the body's languages first.
fn member_names(records: &Records, member: &Member) -> String {
    let mut names: Vec<&(String, String)> = member.names.iter().collect();
    let rank = |l: &str| {
        records
            .languages
            .iter()
            .position(|d| d == l)
            .unwrap_or(usize::MAX)
    };
    names.sort_by_key(|(l, _)| rank(l));
    in_languages(names.iter().map(|(l, n)| (l.as_str(), n.as_str())))
}

/// A member's acronyms, in the body's languages first; one that is the same in every language
/// is shown once.
fn acronyms(records: &Records, member: &Member) -> String {
    let mut acronyms: Vec<&(String, crate::model::Field<String>)> =
        member.acronyms.iter().collect();
    let rank = |l: &str| {
        records
            .languages
            .iter()
            .position(|d| d == l)
            .unwrap_or(usize::MAX)
    };
    acronyms.sort_by_key(|(l, _)| rank(l));
    let mut shown: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (l, a) in acronyms {
        if !shown.contains(&a.value.as_str()) {
            shown.push(&a.value);
            out.push(format!(
                "<span lang=\"{}\">{}</span>",
                esc(l),
                esc(&a.value)
            ));
        }
    }
    out.join("<br>")
}

/// A member's periods as written, each `joined – left`, with the dates as data attributes.
fn periods(member: &Member) -> String {
    member
        .tenures
        .iter()
        .map(|t| {
            let (joined, left) = (written(t.joined.as_ref()), written(t.left.as_ref()));
            let shown = if left.is_empty() {
                format!("from <code>{}</code>", esc(&joined))
            } else {
                format!(
                    "<code>{}</code> to <code>{}</code>",
                    esc(&joined),
                    esc(&left)
                )
            };
            format!(
                "<span class=\"period\" data-joined=\"{}\" data-left=\"{}\">{shown}</span>",
                esc(&joined),
                esc(&left),
            )
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Every chair entry, in the order of `chairs.yaml`.
fn chairs(records: &Records) -> String {
    let mut table = Table::new(
        "chairs",
        &[
            "#", "chair", "start", "end", "planned", "remarks", "sources",
        ],
    );
    for entry in &records.data.chairs {
        let node = records.node(entry.at);
        let (kind, ids) = match &entry.kind {
            EntryKind::Term { chairs, .. } => (
                "term",
                chairs
                    .iter()
                    .map(|c| c.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            EntryKind::Vacant => ("vacant", String::new()),
            EntryKind::Unknown => ("unknown", String::new()),
        };
        let (start, end) = (written(entry.start.as_ref()), written(entry.end.as_ref()));
        let n = entry.index + 1;
        table.row(
            format!(
                "id=\"chair-{n}\" class=\"{kind}{}\" data-kind=\"{kind}\" data-chair=\"{}\" data-start=\"{}\" data-end=\"{}\" data-planned=\"{}\"",
                if entry.planned { " planned" } else { "" },
                esc(&ids),
                esc(&start),
                esc(&end),
                entry.planned
            ),
            vec![
                link(&format!("#chair-{n}"), &n.to_string()),
                records.chair_who(entry, ""),
                format!("<code>{}</code>", esc(&start)),
                format!("<code>{}</code>", esc(&end)),
                if entry.planned { "planned".into() } else { String::new() },
                remarks(records, node, entry.extent(), ""),
                records.source_links(&cited(node), ""),
            ],
        );
    }
    section("chairs", "Chairs", &format!("<p class=\"hint\">Every entry of the chair's record, in order: terms, vacancies, and periods no source gives a chair for. A term runs from all of its start to all of its end.</p>\n{table}"))
}

/// What a chair entry says besides who and when: why it was vacant, why it is irregular,
/// the values other sources give, its note, and what its dates mean; collapsed.
fn remarks(
    records: &Records,
    node: Option<&crate::load::tree::Node>,
    extent: Option<Extent>,
    up: &str,
) -> String {
    let mut parts = Vec::new();
    if let Some(reason) = text(node, "reason") {
        parts.push(format!(
            "<p><strong>Vacant because</strong> {}</p>",
            ticked(reason)
        ));
    }
    if let Some(why) = text(node, "irregular") {
        parts.push(format!(
            "<p><strong>Irregular:</strong> {}</p>",
            ticked(why)
        ));
    }
    parts.extend(disputed(records, node, up));
    if let Some(note) = text(node, "note") {
        parts.push(format!("<p>{}</p>", ticked(note)));
    }
    let mut summary = Vec::new();
    if text(node, "reason").is_some() {
        summary.push("reason");
    }
    if text(node, "irregular").is_some() {
        summary.push("irregular");
    }
    if node.and_then(|n| n.get("disputed")).is_some() {
        summary.push("disputed");
    }
    if text(node, "note").is_some() {
        summary.push("note");
    }
    if let Some(extent) = extent {
        parts.push(format!(
            "<p class=\"means\">Dates: {}.</p>",
            esc(&dates::whole_period(&extent))
        ));
    }
    if summary.is_empty() {
        return String::new();
    }
    format!(
        "<details><summary>{}</summary>{}</details>",
        summary.join(", "),
        parts.join("")
    )
}

/// The values other sources give for fields of a record (`disputed`), one paragraph each.
pub fn disputed(
    records: &Records,
    node: Option<&crate::load::tree::Node>,
    up: &str,
) -> Vec<String> {
    node.and_then(|n| n.get("disputed"))
        .map_or(&[][..], |d| d.items())
        .iter()
        .map(|item| {
            let field = text(Some(item), "field").unwrap_or("?");
            let value = scalar(Some(item), "value").unwrap_or_default();
            let kept = scalar(node, field).unwrap_or_default();
            let note = text(Some(item), "note").map_or(String::new(), |n| format!(" {}", ticked(n)));
            format!(
                "<p class=\"disputed\"><strong>Disputed {}:</strong> <code>{}</code> according to {} (the records keep <code>{}</code>).{note}</p>",
                esc(field),
                esc(&value),
                records.source_links(&cited(Some(item)), up),
                esc(&kept)
            )
        })
        .collect()
}

/// The regimes of the rotating chair.
fn rotation(records: &Records) -> String {
    let Some(group) = &records.data.group else {
        return String::new();
    };
    if group.regimes.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section id=\"rotation\">\n<h2>Rotation of the chair</h2>\n");
    for (i, regime) in group.regimes.iter().enumerate() {
        let node = records.node(regime.at);
        let months: Vec<&str> = regime
            .start_months
            .iter()
            .filter_map(|&m| {
                crate::temporal::MONTHS
                    .get((m as usize).checked_sub(1)?)
                    .copied()
            })
            .collect();
        let order = regime.order.as_ref().map_or(String::new(), |o| {
            let how = match &o.alphabetical {
                Some(language) => format!(
                    "alphabetical by the members' names in <code>{}</code>",
                    esc(&language.value)
                ),
                None => o
                    .list
                    .iter()
                    .map(|id| records.member_link(&id.value, ""))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let sources = records.source_links(&cited(records.node(o.at)), "");
            if sources.is_empty() {
                how
            } else {
                format!("{how} (sources: {sources})")
            }
        });
        let skipped = regime
            .skipped
            .iter()
            .map(|skip| {
                let skip_node = records.node(skip.at);
                format!(
                    "{} in <code>{}</code>: {} ({})",
                    skip.member
                        .as_ref()
                        .map_or(String::new(), |m| records.member_link(&m.value, "")),
                    esc(&written(skip.when.as_ref())),
                    esc(text(skip_node, "reason").unwrap_or("")),
                    records.source_links(&cited(skip_node), "")
                )
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let _ = write!(
            out,
            "<div class=\"regime\" id=\"rotation-{}\">\n<h3>From <code>{}</code>{}</h3>\n",
            i + 1,
            esc(&written(regime.from.as_ref())),
            regime.until.as_ref().map_or(String::new(), |u| format!(
                " until <code>{}</code>",
                esc(&u.value.to_string())
            ))
        );
        out.push_str(&facts(&[
            (
                "terms",
                format!(
                    "{} months, starting in {}",
                    regime.term_months,
                    esc(&months.join(" or "))
                ),
            ),
            ("order", order),
            ("turns not taken", skipped),
            ("sources", records.source_links(&cited(node), "")),
        ]));
        out.push_str(&prose("note", text(node, "note")));
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
    out
}

/// What sources say about the number of members, and the counts the records derive.
fn claims(records: &Records) -> String {
    let Some(group) = &records.data.group else {
        return String::new();
    };
    if group.claims.is_empty() {
        return String::new();
    }
    let mut table = Table::new(
        "claims",
        &[
            "members", "from", "until", "kind", "source", "quote", "note",
        ],
    );
    for (i, claim) in group.claims.iter().enumerate() {
        let node = records.node(claim.at);
        table.row(
            format!("id=\"claim-{}\"", i + 1),
            vec![
                claim.members.to_string(),
                format!("<code>{}</code>", esc(&written(claim.from.as_ref()))),
                format!("<code>{}</code>", esc(&written(claim.until.as_ref()))),
                if claim.derived {
                    "derived by the records".into()
                } else {
                    "stated by the source".into()
                },
                records.source_links(&cited(node), ""),
                text(node, "quote").map_or(String::new(), |q| format!("<q>{}</q>", esc(q))),
                collapsed_note(text(node, "note")),
            ],
        );
    }
    section("claims", "The number of members, as the sources give it", &format!("<p class=\"hint\">roster checks the member records against each of these counts.</p>\n{table}"))
}

/// The working groups, with who chaired them.
fn working_groups(records: &Records) -> String {
    if records.data.working_groups.is_empty() {
        return String::new();
    }
    let mut table = Table::new(
        "working-groups",
        &[
            "working group",
            "chaired by",
            "from",
            "until",
            "sources",
            "note",
        ],
    );
    for wg in &records.data.working_groups {
        let node = records.node(wg.at);
        let id = wg.id.as_ref().map_or("", |f| f.value.as_str());
        let names = in_languages(localized(node, "name"));
        let chairs = wg
            .co_chairs
            .iter()
            .map(|c| records.member_link(&c.value, ""))
            .collect::<Vec<_>>()
            .join(", ");
        let role = if node.and_then(|n| n.get("chair")).is_some() {
            ""
        } else {
            " (co-chairs)"
        };
        table.row(
            format!("id=\"wg-{}\"", esc(id)),
            vec![
                names,
                format!("{chairs}{role}"),
                Records::date_words(wg.from.as_ref()),
                Records::date_words(wg.until.as_ref()),
                records.source_links(&cited(node), ""),
                collapsed_note(text(node, "note")),
            ],
        );
    }
    section("working-groups", "Working groups", &format!("<p class=\"hint\">A working group without dates is known only to have existed at some time in the body's life.</p>\n{table}"))
}

/// The documents of the body.
fn documents(records: &Records) -> String {
    if records.data.documents.is_empty() {
        return String::new();
    }
    let mut table = Table::new(
        "documents",
        &[
            "document",
            "kind",
            "published",
            "author",
            "covers",
            "sources",
            "note",
        ],
    );
    for document in &records.data.documents {
        let node = records.node(document.at);
        let id = document.id.as_ref().map_or("", |f| f.value.as_str());
        let covers = document
            .covers
            .as_ref()
            .map_or(String::new(), |(start, end)| {
                format!(
                    "<code>{}</code> to <code>{}</code>",
                    esc(&start.value.to_string()),
                    esc(&end.value.to_string())
                )
            });
        table.row(
            format!("id=\"doc-{}\"", esc(id)),
            vec![
                format!(
                    "{} <span class=\"id\">({})</span>",
                    esc(text(node, "title").unwrap_or(id)),
                    esc(id)
                ),
                esc(document.kind.as_deref().unwrap_or("")).to_string(),
                scalar(node, "published")
                    .map_or(String::new(), |p| format!("<code>{}</code>", esc(&p))),
                document
                    .author
                    .as_ref()
                    .map_or(String::new(), |a| records.member_link(&a.value, "")),
                covers,
                records.source_links(&cited(node), ""),
                collapsed_note(text(node, "note")),
            ],
        );
    }
    section("documents", "Documents", &table.to_string())
}

/// Every source, with how many places cite it.
fn sources(records: &Records) -> String {
    let cited_by = records.cited_by();
    let mut table = Table::new("sources", &["source", "title", "publisher", "cited by"]);
    for (id, node, page) in &records.sources {
        let n = cited_by.get(id).map_or(0, Vec::len);
        table.row(
            format!("data-id=\"{}\"", esc(id)),
            vec![
                link(&format!("sources/{page}.html"), id),
                esc(text(*node, "title").unwrap_or("")).to_string(),
                esc(text(*node, "publisher").unwrap_or("")).to_string(),
                format!("{n} {}", if n == 1 { "place" } else { "places" }),
            ],
        );
    }
    section("sources", "Sources", &table.to_string())
}

/// What `roster check` found: errors and warnings first, then the uncertain findings.
fn findings(input: &Input) -> String {
    let mut out =
        String::from("<section id=\"findings\">\n<h2>Findings of <code>roster check</code></h2>\n");
    let (certain, uncertain): (Vec<&Diagnostic>, Vec<&Diagnostic>) = input
        .findings
        .iter()
        .partition(|d| d.certainty == Certainty::Certain);
    if input.findings.is_empty() {
        out.push_str("<p class=\"verdict ok\">No problems found: every record passes its schema and every rule.</p>\n");
    }
    if !certain.is_empty() {
        out.push_str("<ol class=\"findings\">\n");
        for d in &certain {
            out.push_str(&finding(input, d));
        }
        out.push_str("</ol>\n");
    } else if !input.findings.is_empty() {
        out.push_str("<p class=\"verdict ok\">No errors and no warnings.</p>\n");
    }
    if !uncertain.is_empty() {
        let _ = write!(
            out,
            "<h3 id=\"uncertain\">Uncertain findings</h3>\n<p class=\"hint\">Each holds on some readings of coarse dates only: the records may well be right. They never fail a check.</p>\n<ol class=\"findings uncertain\">\n"
        );
        for d in &uncertain {
            out.push_str(&finding(input, d));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

/// One finding: where, severity and rule, message, help.
fn finding(input: &Input, d: &Diagnostic) -> String {
    let file = input.files.get(d.primary.file);
    let at = file.line_col(d.primary.span.start as usize);
    let severity = match (d.certainty, d.severity) {
        (Certainty::Possible, Severity::Note) => "uncertain",
        (_, severity) => severity.as_str(),
    };
    let help = d.help.as_deref().map_or(String::new(), |h| {
        format!("<br><span class=\"help\">help: {}</span>", ticked(h))
    });
    format!(
        "<li class=\"{}\"><code class=\"where\">{}:{}:{}</code> <strong>{severity}[{}]</strong> {}{help}</li>\n",
        d.severity.as_str(),
        esc(&file.name),
        at.line,
        at.col,
        esc(d.rule.code),
        ticked(&d.message)
    )
}
