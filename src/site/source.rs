//! A source's page, `sources/ID.html`: what the source is, where to read it, when the
//! compilers read it, and every place in the records that cites it.

use super::dates;
use super::html::{esc, facts, prose, web_link, Shell};
use super::records::{scalar, text, Place, Records};
use crate::load::tree::Node;
use crate::temporal::Date;
use std::fmt::Write;

/// The page of source `id`.
pub fn page(records: &Records, id: &str, node: Option<&Node>, cited_by: &[Place]) -> String {
    let up = "../";
    let title = text(node, "title").unwrap_or(id);
    let accessed = scalar(node, "accessed").map_or(String::new(), |a| match Date::parse(&a) {
        Ok(date) => format!(
            "<code>{}</code> <span class=\"means\">({})</span>",
            esc(&a),
            esc(&dates::one_day(&date))
        ),
        Err(_) => format!("<code>{}</code>", esc(&a)),
    });
    let mut main = format!("<h1 data-id=\"{}\">{}</h1>\n", esc(id), esc(title));
    main.push_str(&facts(&[
        ("id", format!("<code>{}</code>", esc(id))),
        (
            "publisher",
            esc(text(node, "publisher").unwrap_or("")).to_string(),
        ),
        (
            "language",
            text(node, "language").map_or(String::new(), |l| format!("<code>{}</code>", esc(l))),
        ),
        ("address", text(node, "url").map_or(String::new(), web_link)),
        ("read by the compilers", accessed),
        (
            "mark",
            scalar(node, "mark").map_or(String::new(), |m| esc(&m).to_string()),
        ),
        (
            "confidence",
            scalar(node, "confidence").map_or(String::new(), |c| esc(&c).to_string()),
        ),
    ]));
    main.push_str(&prose("note", text(node, "note")));
    let _ = writeln!(main, "<section id=\"cited-by\">\n<h2>Cited by</h2>");
    if cited_by.is_empty() {
        main.push_str("<p>No record cites this source.</p>\n");
    } else {
        for (i, place) in cited_by.iter().enumerate() {
            if i == 0 || cited_by[i - 1].section != place.section {
                if i > 0 {
                    main.push_str("</ul>\n");
                }
                let _ = writeln!(
                    main,
                    "<h3>{}</h3>\n<ul class=\"cited-by\">",
                    esc(place.section)
                );
            }
            let quote = place.quote.as_deref().map_or(String::new(), |q| {
                format!("<blockquote>{}</blockquote>", esc(q))
            });
            let _ = writeln!(main, "<li>{}{quote}</li>", Records::place_link(place, up));
        }
        main.push_str("</ul>\n");
    }
    main.push_str("</section>\n");
    let (_, body) = records.body_names();
    Shell {
        title: &format!("{title}: a source of the {body} records"),
        up,
        lang: records.lang(),
        body_name: &body,
    }
    .page(&main)
}
