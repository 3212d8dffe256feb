//! Writing XML by hand: escaping, numbers, and an indenting writer of elements.
//!
//! The drawing is a few hundred elements of four kinds, so a string and two dozen lines do
//! what an XML library would, and the output is laid out one element a line so that a snapshot
//! of it reads as a list of what is drawn. Every text and attribute value goes through
//! [`escape`], which also keeps out the control characters XML 1.0 does not allow.

/// `text` made safe in XML (and HTML) text and in a quoted attribute value: `&`, `<`, `>`, `"`
/// and `'` become references, and a control character XML cannot carry (anything below U+0020
/// but tab, line feed and carriage return) becomes U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal at most: `12`, `12.5`.
pub fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// Elements written one a line, indented by depth.
#[derive(Default)]
pub struct Writer {
    pub out: String,
    depth: usize,
}

impl Writer {
    /// A writer whose elements start `depth` levels in.
    pub fn indented(depth: usize) -> Writer {
        Writer {
            out: String::new(),
            depth,
        }
    }

    fn start(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    /// `<tag attrs>`, closed later by [`Writer::close`].
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.start(tag, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    pub fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// `<tag attrs/>`.
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.start(tag, attrs);
        self.out.push_str("/>\n");
    }

    /// `<tag attrs>text</tag>`, the text escaped.
    pub fn text(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(tag, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// `<tag attrs><title>title</title></tag>` on one line: a shape with its hover text.
    pub fn titled(&mut self, tag: &str, attrs: &[(&str, &str)], title: &str) {
        self.start(tag, attrs);
        self.out.push_str("><title>");
        self.out.push_str(&escape(title));
        self.out.push_str("</title></");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// Text already made of elements (a drawing inside a page), indented as it is.
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_records_cannot_open_markup() {
        assert_eq!(
            escape(r#"<a href="x">O'Neil & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{1}b\tc"), "a\u{fffd}b\tc");
    }

    #[test]
    fn numbers_keep_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.45), "12.5");
        assert_eq!(num(-0.04), "0");
    }
}
