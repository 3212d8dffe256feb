//! The one escaping policy for Markdown, shared by every Markdown report.
//!
//! Everything that comes from the records is escaped for a table cell: `|` would end the cell
//! (inside a code span too), `<` and `>` could open HTML, and `*`, `_`, `~`, `[` or a backtick
//! could start emphasis, a link or code; a line break would end a table row. Labels and messages
//! that roster wrote keep their code spans (values in backticks), with the same escaping outside
//! them.

/// GitHub's limit for a pull-request comment, in characters (a job summary takes 1 MiB). Every
/// Markdown report stays under it.
pub const GITHUB_LIMIT: usize = 65_536;

/// Text from the records, safe in a table cell and shown as it is.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A code span that holds `text` whatever backticks it contains, safe in a table cell.
pub fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ").replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // Markdown strips one space from each end of a code span that has one at both ends, and
    // a backtick at an end would join the fence.
    let spaced = text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty();
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A label or message written by roster, with values in backticks: the code spans are kept,
/// the text between them is escaped, and a backtick without its pair is shown as one.
pub fn inline(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if i % 2 == 0 {
            out.push_str(&plain(part));
        } else if (last && !paired) || part.is_empty() {
            // `a `b` or ``: no code span to keep
            out.push_str(&plain(&format!("`{part}")));
            if part.is_empty() && !last {
                out.push_str("\\`");
            }
        } else {
            out.push_str(&code(part));
        }
    }
    out
}
