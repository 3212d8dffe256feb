//! HTML text: the one escaping helper, links that stay on the page's own files, and the shell
//! every page shares.
//!
//! Every text from the records goes through [`esc`], in content and in attribute values alike
//! (attributes are always double-quoted). The style sheet is inlined in each page and a
//! Content-Security-Policy forbids everything else, so a page loads nothing, from anywhere, and
//! reads the same from a web server or from `file://`.

use std::fmt::{self, Display, Write};

/// Text escaped for HTML: `&`, `<`, `>`, `"` and `'` become character references.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// `text` escaped for HTML.
pub fn esc(text: &str) -> Esc<'_> {
    Esc(text)
}

/// A link to `href` (a relative address the site wrote, or a fragment) reading `text`, which is
/// escaped.
pub fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// A link to a web address given in the records, opened by the reader, never loaded by the
/// page. Only `http` and `https` addresses become links; anything else is shown as text.
pub fn web_link(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a class=\"web\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            esc(url),
            esc(url)
        )
    } else {
        format!("<code>{}</code>", esc(url))
    }
}

/// A table: a header row and body rows, each cell already HTML. `class` names the table.
pub struct Table {
    class: &'static str,
    head: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

impl Table {
    pub fn new(class: &'static str, head: &[&str]) -> Table {
        Table {
            class,
            head: head.iter().map(|h| esc(h).to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// A row; `attributes` go into its `<tr>` (`id="chair-3" data-...`), already escaped.
    pub fn row(&mut self, attributes: String, cells: Vec<String>) {
        self.rows.push((attributes, cells));
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "<div class=\"scroll\"><table class=\"{}\">", self.class)?;
        f.write_str("<thead><tr>")?;
        for cell in &self.head {
            write!(f, "<th scope=\"col\">{cell}</th>")?;
        }
        f.write_str("</tr></thead>\n<tbody>\n")?;
        for (attributes, cells) in &self.rows {
            if attributes.is_empty() {
                f.write_str("<tr>")?;
            } else {
                write!(f, "<tr {attributes}>")?;
            }
            for cell in cells {
                write!(f, "<td>{cell}</td>")?;
            }
            f.write_str("</tr>\n")?;
        }
        f.write_str("</tbody></table></div>\n")
    }
}

/// A message written with backticks around values (`` `iom` ``), as HTML: escaped, with the
/// values in `<code>`.
pub fn ticked(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            let _ = write!(out, "{}", esc(part));
        }
    }
    out
}

/// Texts in several languages, one per line, each marked with its language.
pub fn in_languages<'t>(texts: impl IntoIterator<Item = (&'t str, &'t str)>) -> String {
    texts
        .into_iter()
        .map(|(l, t)| format!("<span lang=\"{}\">{}</span>", esc(l), esc(t)))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A note in a table cell, collapsed behind "note"; empty for none.
pub fn collapsed_note(text: Option<&str>) -> String {
    text.map_or(String::new(), |n| {
        format!(
            "<details><summary>note</summary><p>{}</p></details>",
            ticked(n)
        )
    })
}

/// A section of a page: `id` for links to it, its heading (HTML) and its body (HTML).
pub fn section(id: &str, heading: &str, body: &str) -> String {
    format!(
        "<section id=\"{}\">\n<h2>{heading}</h2>\n{body}</section>\n",
        esc(id)
    )
}

/// A definition list of `(term, description)` pairs, descriptions already HTML; pairs with an
/// empty description are left out.
pub fn facts(pairs: &[(&str, String)]) -> String {
    let mut out = String::from("<dl class=\"facts\">\n");
    for (term, description) in pairs.iter().filter(|(_, d)| !d.is_empty()) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{description}</dd>", esc(term));
    }
    out.push_str("</dl>\n");
    out
}

/// A paragraph of prose from the records (a note, a reason), escaped, with `code` spans;
/// empty for none.
pub fn prose(class: &str, text: Option<&str>) -> String {
    match text {
        Some(text) => format!("<p class=\"{class}\">{}</p>\n", ticked(text)),
        None => String::new(),
    }
}

/// The style of every page. Inlined, so that a page is one file that needs nothing else.
const STYLE: &str = include_str!("style.css");

/// What every page says about itself.
pub struct Shell<'a> {
    /// The `<title>`: what the page is about, then the body's short name.
    pub title: &'a str,
    /// `""` for the home page, `"../"` for a page one folder down.
    pub up: &'a str,
    /// The language of the page's own words and of the names it shows first.
    pub lang: &'a str,
    /// The body's short name, for the header.
    pub body_name: &'a str,
}

impl Shell<'_> {
    /// A whole HTML document around `main`.
    pub fn page(&self, main: &str) -> String {
        let up = self.up;
        format!(
            "<!DOCTYPE html>
<html lang=\"{lang}\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">
<meta name=\"generator\" content=\"roster site\">
<title>{title}</title>
<style>
{STYLE}</style>
</head>
<body>
<header class=\"site\"><nav><a class=\"home\" href=\"{up}index.html\">{body} records</a> <a href=\"{up}index.html#members\">Members</a> <a href=\"{up}index.html#chairs\">Chairs</a> <a href=\"{up}index.html#sources\">Sources</a> <a href=\"{up}index.html#findings\">Findings</a></nav></header>
<main>
{main}</main>
<footer class=\"site\">Written by <code>roster site</code> from the YAML records; each fact cites its sources. Dates are as the records write them (EDTF): a year or a month stands for some day in it, <code>A/B</code> for some day between A and B, and <code>?</code> marks an inferred value.</footer>
</body>
</html>
",
            lang = esc(self.lang),
            title = esc(self.title),
            body = esc(self.body_name),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            esc("<a href=\"x\">Tom & Jerry's</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(esc("Côte d’Ivoire").to_string(), "Côte d’Ivoire");
    }

    #[test]
    fn backticks_become_code() {
        assert_eq!(
            ticked("`unitar` chaired <2010>"),
            "<code>unitar</code> chaired &lt;2010&gt;"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(web_link("https://www.iom.int/fr").starts_with("<a class=\"web\""));
        assert_eq!(
            web_link("javascript:alert(1)"),
            "<code>javascript:alert(1)</code>"
        );
        assert!(web_link("https://x/\"><script>").contains("&quot;&gt;&lt;script&gt;"));
    }
}
