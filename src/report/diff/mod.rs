//! Output formats for `roster diff` and `roster log`: one file per format, chosen here.

use crate::diff::gantt::Gantt;
use crate::diff::Report;
use crate::model::Dataset;
use std::io;

mod html;
mod human;
mod json;
pub mod markdown;

/// An output format of `roster diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// coloured text for a terminal
    Human,
    /// Markdown for a pull request: summary, one table per kind, long parts collapsed
    Markdown,
    /// versioned JSON, documented in docs/diff-output.md
    Json,
    /// a self-contained HTML page: the report and the timeline before and after
    Html,
}

/// Where the Markdown report links a location: `{base}/{path}#L{line}`, the base naming a
/// commit (`https://github.com/OWNER/REPO/blob/SHA`, and the roster root's folder in the
/// repository when it is not the top).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Links {
    pub base: String,
}

impl Links {
    /// Links under `base`, a URL of a commit's tree; `folder` is the roster root's path in the
    /// repository (`""` at the top, else ending in `/`).
    pub fn new(base: &str, folder: &str) -> Links {
        let mut base = base.trim_end_matches('/').to_string();
        let folder = folder.trim_matches('/');
        if !folder.is_empty() {
            base.push('/');
            base.push_str(&encode(folder));
        }
        Links { base }
    }

    /// The URL of `line` of `file` (a path from the roster root).
    pub fn url(&self, file: &str, line: usize) -> String {
        format!("{}/{}#L{line}", self.base, encode(file))
    }

    /// A Markdown link to the line, shown as `text` (by default `file:line`) in a code span.
    pub fn markdown(&self, file: &str, line: usize, text: Option<&str>) -> String {
        let text = text.map_or_else(|| format!("{file}:{line}"), str::to_string);
        format!(
            "[{}]({})",
            crate::report::markdown::code(&text),
            self.url(file, line)
        )
    }
}

/// A path made safe in a URL: letters, digits, `-._~/` kept, every other byte percent-encoded
/// (so that a space, a parenthesis or a `#` cannot end the link or its path).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a report can show beyond itself, when the caller has it: links to the lines of the new
/// side's commit, and the chair terms around the change. Only Markdown uses them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    pub links: Option<&'a Links>,
    pub gantt: Option<&'a Gantt>,
}

/// Renders a change report. HTML made here has no timeline, which needs the records of both
/// sides: [`render_html`] draws it.
pub fn render(
    format: DiffFormat,
    report: &Report,
    options: &super::RenderOptions,
    extras: Extras,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        DiffFormat::Human => human::render(report, options, out),
        DiffFormat::Markdown => markdown::render(report, extras, out),
        DiffFormat::Json => json::render(report, out),
        DiffFormat::Html => html::render(report, None, out),
    }
}

/// The change report as an HTML page with the timeline of the records before (`old`) and
/// after (`new`) the change, what it moved highlighted.
pub fn render_html(
    report: &Report,
    old: &Dataset,
    new: &Dataset,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    html::render(report, Some((old, new)), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_the_line_and_encode_the_path() {
        let links = Links::new("https://github.com/o/r/blob/abc/", "data/gmg/");
        assert_eq!(
            links.url("records/members/a b(1).yaml", 9),
            "https://github.com/o/r/blob/abc/data/gmg/records/members/a%20b%281%29.yaml#L9"
        );
        assert_eq!(
            Links::new("https://x/blob/abc", "").markdown("records/group.yaml", 3, None),
            "[`records/group.yaml:3`](https://x/blob/abc/records/group.yaml#L3)"
        );
    }
}
