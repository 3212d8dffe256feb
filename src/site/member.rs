//! A member's page, `members/ID.html`: its names in every language, its periods of membership
//! and what their dates mean, its seat, the terms it chaired, the working groups it chaired,
//! the sources its record cites, its note and the values other sources give.

use super::dates;
use super::home::disputed;
use super::html::{esc, facts, in_languages, link, prose, section, ticked, Shell, Table};
use super::records::{cited, localized, scalar, text, written, Records};
use crate::model::Member;
use std::fmt::Write;

/// The page of `member`, whose file is `members/{page}.html`.
pub fn page(records: &Records, member: &Member, page: &str) -> String {
    let up = "../";
    let node = records.member_node(member);
    let id = member.id().unwrap_or(&member.file_stem);
    let name = records.member_name(member);
    let short = records.member_short(member);
    let mut main = String::new();
    let acronym = if short == name {
        String::new()
    } else {
        format!(" <span class=\"acronym\">({})</span>", esc(&short))
    };
    let _ = writeln!(
        main,
        "<h1 data-id=\"{}\">{}{acronym}</h1>",
        esc(id),
        esc(&name)
    );
    let continued_by: Vec<String> = records
        .members
        .iter()
        .filter(|(m, _)| m.continues.as_ref().is_some_and(|c| c.value == id))
        .map(|(m, _)| records.member_link(m.id().unwrap_or(&m.file_stem), up))
        .collect();
    main.push_str(&facts(&[
        ("id", format!("<code>{}</code>", esc(id))),
        ("founded", Records::date_words(member.founded.as_ref())),
        (
            "seat",
            member
                .seat
                .as_ref()
                .map_or(String::new(), |s| esc(&s.value).to_string()),
        ),
        (
            "continues the seat of",
            member
                .continues
                .as_ref()
                .map_or(String::new(), |c| records.member_link(&c.value, up)),
        ),
        ("its seat is continued by", continued_by.join(", ")),
    ]));
    main.push_str(&names(records, member));
    main.push_str(&periods(records, member, node));
    main.push_str(&constituents(node));
    main.push_str(&terms(records, id));
    main.push_str(&working_groups(records, member, id));
    main.push_str(&documents(records, id));
    if let Some(note) = text(node, "note") {
        main.push_str(&section("note", "Note", &prose("note", Some(note))));
    }
    let disputed = disputed(records, node, up);
    if !disputed.is_empty() {
        let body = disputed.join("\n") + "\n";
        main.push_str(&section("disputed", "Values other sources give", &body));
    }
    main.push_str(&sources(records, &format!("members/{page}.html")));
    let (_, body) = records.body_names();
    Shell {
        title: &format!("{name}: member of the {body}"),
        up,
        lang: records.lang(),
        body_name: &body,
    }
    .page(&main)
}

/// The member's name and acronym in each of the body's languages, then in any other the
/// record gives; a declared language without a name says so.
fn names(records: &Records, member: &Member) -> String {
    let mut languages: Vec<&str> = records.languages.iter().map(String::as_str).collect();
    for (l, _) in &member.names {
        if !languages.contains(&l.as_str()) {
            languages.push(l);
        }
    }
    let mut table = Table::new("names", &["language", "name", "acronym"]);
    for l in languages {
        let name = member.name_in(l);
        let acronym = member.acronyms.iter().find(|(al, _)| al == l);
        table.row(
            String::new(),
            vec![
                format!("<code>{}</code>", esc(l)),
                name.map_or("<em>not given</em>".to_string(), |n| {
                    format!("<span lang=\"{}\">{}</span>", esc(l), esc(n))
                }),
                acronym.map_or(String::new(), |(_, a)| {
                    format!("<span lang=\"{}\">{}</span>", esc(l), esc(&a.value))
                }),
            ],
        );
    }
    section("names", "Names", &table.to_string())
}

/// The periods of membership: as written, what the dates mean, sources, note.
fn periods(records: &Records, member: &Member, node: Option<&crate::load::tree::Node>) -> String {
    let several = node.and_then(|n| n.get("periods")).is_some();
    let mut table = Table::new(
        "periods",
        &["#", "joined", "left", "what the dates mean", "sources"],
    );
    for (i, tenure) in member.tenures.iter().enumerate() {
        let period_node = if several {
            records.node(tenure.at)
        } else {
            None
        };
        let (joined, left) = (
            written(tenure.joined.as_ref()),
            written(tenure.left.as_ref()),
        );
        let mut meaning = Vec::new();
        if let Some(j) = &tenure.joined {
            meaning.push(format!("Joined on {}.", dates::one_day(&j.value)));
        }
        if let Some(l) = &tenure.left {
            meaning.push(format!("Last a member on {}.", dates::one_day(&l.value)));
        }
        if let Some(extent) = tenure.extent() {
            meaning.push(format!("A member {}.", dates::membership(&extent)));
        }
        let mut cells = vec![
            (i + 1).to_string(),
            format!("<code>{}</code>", esc(&joined)),
            if left.is_empty() {
                "<em>not recorded</em>".to_string()
            } else {
                format!("<code>{}</code>", esc(&left))
            },
            esc(&meaning.join(" ")).to_string(),
            records.source_links(&cited(period_node.or(node)), "../"),
        ];
        if let Some(note) = text(period_node, "note") {
            cells[3].push_str(&format!("<br><span class=\"note\">{}</span>", ticked(note)));
        }
        table.row(
            format!(
                "id=\"period-{}\" class=\"period\" data-joined=\"{}\" data-left=\"{}\"",
                i + 1,
                esc(&joined),
                esc(&left)
            ),
            cells,
        );
    }
    section("periods", "Membership", &table.to_string())
}

/// The organisations that share the member's seat.
fn constituents(node: Option<&crate::load::tree::Node>) -> String {
    let list = node
        .and_then(|n| n.get("constituents"))
        .map_or(&[][..], |l| l.items());
    if list.is_empty() {
        return String::new();
    }
    let mut table = Table::new(
        "constituents",
        &["id", "name", "acronym", "founded", "note"],
    );
    for c in list {
        let id = text(Some(c), "id").unwrap_or("");
        let in_languages = |key| in_languages(localized(Some(c), key));
        table.row(
            format!("id=\"constituent-{}\"", esc(id)),
            vec![
                format!("<code>{}</code>", esc(id)),
                in_languages("name"),
                in_languages("acronym"),
                scalar(Some(c), "founded")
                    .map_or(String::new(), |f| format!("<code>{}</code>", esc(&f))),
                ticked(text(Some(c), "note").unwrap_or("")),
            ],
        );
    }
    section(
        "constituents",
        "Organisations sharing the seat",
        &table.to_string(),
    )
}

/// Whether `who` is the member `id` or one of its constituents.
fn is_member(member: &Member, id: &str, who: &str) -> bool {
    who == id || member.constituents.iter().any(|c| c.id.value == who)
}

/// The chair entries that name the member: as chair, co-chair, the seat chaired for, or the
/// coordinator, itself or through a constituent; each links to its row on the home page.
fn terms(records: &Records, id: &str) -> String {
    let mut table = Table::new(
        "terms",
        &["#", "chair", "start", "end", "planned", "sources"],
    );
    for entry in records.terms_of(id) {
        let n = entry.index + 1;
        let (start, end) = (written(entry.start.as_ref()), written(entry.end.as_ref()));
        table.row(
            format!(
                "class=\"term\" data-start=\"{}\" data-end=\"{}\" data-planned=\"{}\"",
                esc(&start),
                esc(&end),
                entry.planned
            ),
            vec![
                link(&format!("../index.html#chair-{n}"), &n.to_string()),
                records.chair_who(entry, "../"),
                format!("<code>{}</code>", esc(&start)),
                format!("<code>{}</code>", esc(&end)),
                if entry.planned {
                    "planned".into()
                } else {
                    String::new()
                },
                records.source_links(&cited(records.node(entry.at)), "../"),
            ],
        );
    }
    if table.is_empty() {
        return section(
            "terms",
            "Terms as chair",
            "<p>No chair term in the records names this member.</p>\n",
        );
    }
    section("terms", "Terms as chair", &table.to_string())
}

/// The working groups the member chairs or co-chairs.
fn working_groups(records: &Records, member: &Member, id: &str) -> String {
    let items: Vec<String> = records
        .data
        .working_groups
        .iter()
        .filter(|wg| wg.co_chairs.iter().any(|c| is_member(member, id, &c.value)))
        .map(|wg| {
            let node = records.node(wg.at);
            let wg_id = wg.id.as_ref().map_or("", |f| f.value.as_str());
            let name = records
                .in_lang(node, "name")
                .unwrap_or_else(|| wg_id.to_string());
            let role = if node.and_then(|n| n.get("chair")).is_some() {
                "chair"
            } else {
                "co-chair"
            };
            format!(
                "<li>{} ({role})</li>",
                link(&format!("../index.html#wg-{wg_id}"), &name)
            )
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    section(
        "working-groups",
        "Working groups chaired",
        &format!("<ul>\n{}\n</ul>\n", items.join("\n")),
    )
}

/// The documents the member wrote.
fn documents(records: &Records, id: &str) -> String {
    let items: Vec<String> = records
        .data
        .documents
        .iter()
        .filter(|d| d.author.as_ref().is_some_and(|a| a.value == id))
        .map(|d| {
            let doc_id = d.id.as_ref().map_or("", |f| f.value.as_str());
            let title = text(records.node(d.at), "title").unwrap_or(doc_id);
            format!(
                "<li>{}</li>",
                link(&format!("../index.html#doc-{doc_id}"), title)
            )
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    section(
        "documents",
        "Documents written",
        &format!("<ul>\n{}\n</ul>\n", items.join("\n")),
    )
}

/// The sources the member's record cites, by the part of the record that cites them, with
/// their titles and any quote.
fn sources(records: &Records, page: &str) -> String {
    let mut out = String::from("<section id=\"sources\">\n<h2>Sources</h2>\n");
    for (place, ids) in records.citations_on(page) {
        let part = match place.href.split_once("#period-") {
            Some((_, n)) => format!("Cited for period {n}"),
            None if place.href == page => "Cited by the record".to_string(),
            None => format!("Cited by {}", esc(&place.what)),
        };
        let _ = writeln!(out, "<h3>{part}</h3>\n<ul class=\"cited\">");
        for id in ids {
            let node = records.source_node(id);
            let title = text(node, "title").unwrap_or("");
            let publisher =
                text(node, "publisher").map_or(String::new(), |p| format!(", {}", esc(p)));
            let _ = writeln!(
                out,
                "<li>{}: {}{publisher}</li>",
                records.source_link(id, "../"),
                esc(title)
            );
        }
        out.push_str("</ul>\n");
        if let Some(quote) = &place.quote {
            let _ = writeln!(out, "<blockquote>{}</blockquote>", esc(quote));
        }
    }
    out.push_str("</section>\n");
    out
}
