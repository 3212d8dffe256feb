//! `roster rule CODE`: a rule's explanation, for a terminal or as Markdown.
//!
//! Explanations are written in Markdown (`src/catalogue/<CODE>.md`), which reads badly raw on a
//! terminal: `##` before headings, backticks and asterisks everywhere. For a terminal the text is
//! parsed with `pulldown-cmark` and drawn with styles: headings bold and underlined, emphasis in
//! italics, code in colour and code blocks indented. Without colour the marks that carry meaning
//! stay (backticks around values), headings are underlined with dashes, and the others go.
//! Line breaks are kept where the source has them: the explanations are wrapped at 96 columns.

use crate::catalogue::Rule;
use anstyle::{AnsiColor, Effects, Style};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

const HEADING: Style = Style::new().effects(Effects::BOLD.insert(Effects::UNDERLINE));
const TITLE: Style = Style::new().effects(Effects::BOLD);
const CODE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const BLOCK: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const EMPHASIS: Style = Style::new().effects(Effects::ITALIC);
const STRONG: Style = Style::new().effects(Effects::BOLD);

/// The explanation as Markdown: a title, the default severity and summary, then the text.
pub fn markdown(rule: &Rule) -> String {
    format!(
        "# {} {}\n\n*{} by default*: {}\n\n{}",
        rule.code,
        rule.name,
        rule.default_severity.as_str(),
        rule.summary,
        rule.explanation
    )
}

/// The explanation drawn for a terminal, with ANSI styles when `color` is set.
pub fn terminal(rule: &Rule, color: bool) -> String {
    let mut out = Terminal {
        text: String::new(),
        color,
        styles: Vec::new(),
        lists: Vec::new(),
        in_block: false,
        heading: None,
    };
    out.styled(TITLE, &format!("{} {}", rule.code, rule.name));
    out.text.push_str(&format!(
        " ({} by default)\n\n",
        rule.default_severity.as_str()
    ));
    // The summary holds code spans too: it is drawn as the first paragraph.
    let text = format!("{}\n\n{}", rule.summary, rule.explanation);
    for event in Parser::new(&text) {
        out.event(event);
    }
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    out.text.push('\n');
    out.text
}

struct Terminal {
    text: String,
    color: bool,
    /// The styles of the spans open around the current text (emphasis inside a heading, say).
    styles: Vec<Style>,
    /// For each list open: the number of its next item, or `None` for a bulleted list.
    lists: Vec<Option<u64>>,
    in_block: bool,
    /// Where the current heading starts, to underline it when there is no colour.
    heading: Option<usize>,
}

impl Terminal {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_block => {
                for line in text.lines() {
                    self.text.push_str("    ");
                    self.styled(BLOCK, line);
                    self.text.push('\n');
                }
            }
            Event::Text(text) => self.styled(self.style(), &text),
            Event::Code(code) => {
                if self.color {
                    self.styled(CODE, &code);
                } else {
                    self.text.push_str(&format!("`{code}`"));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                self.text.push('\n');
                // A line that continues a list item lines up with the item's text.
                self.text.push_str(&"  ".repeat(self.lists.len() * 2));
            }
            Event::Rule => self.text.push_str("---\n\n"),
            Event::Html(html) | Event::InlineHtml(html) => self.text.push_str(&html),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.heading = Some(self.text.len());
                self.styles.push(if level <= HeadingLevel::H2 {
                    HEADING
                } else {
                    STRONG
                });
            }
            Tag::Emphasis => self.styles.push(EMPHASIS),
            Tag::Strong => self.styles.push(STRONG),
            // The language named after a fence is not shown.
            Tag::CodeBlock(_) => self.in_block = true,
            Tag::List(first) => {
                if self.lists.is_empty() && !self.text.ends_with("\n\n") {
                    self.text.push('\n');
                }
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = self.lists.len().saturating_sub(1);
                self.text.push_str(&"    ".repeat(depth));
                match self.lists.last_mut() {
                    Some(Some(n)) => {
                        self.text.push_str(&format!("  {n}. "));
                        *n += 1;
                    }
                    _ => self.text.push_str("  - "),
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.styles.pop();
                if let (Some(start), false) = (self.heading.take(), self.color) {
                    let width = self.text[start..].chars().count();
                    self.text.push('\n');
                    self.text.push_str(&"-".repeat(width));
                }
                self.text.push_str("\n\n");
            }
            TagEnd::Emphasis | TagEnd::Strong => {
                self.styles.pop();
            }
            TagEnd::Paragraph => {
                self.text
                    .push_str(if self.lists.is_empty() { "\n\n" } else { "\n" });
            }
            TagEnd::CodeBlock => {
                self.in_block = false;
                self.text.push('\n');
            }
            TagEnd::Item if !self.text.ends_with('\n') => self.text.push('\n'),
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.text.push('\n');
                }
            }
            _ => {}
        }
    }

    /// The style of the spans open: the innermost, with the effects of those around it.
    fn style(&self) -> Style {
        self.styles.iter().fold(Style::new(), |style, open| {
            let style = style.effects(style.get_effects() | open.get_effects());
            match open.get_fg_color() {
                Some(color) => style.fg_color(Some(color)),
                None => style,
            }
        })
    }

    fn styled(&mut self, style: Style, text: &str) {
        if self.color && style != Style::new() {
            self.text
                .push_str(&format!("{}{text}{}", style.render(), style.render_reset()));
        } else {
            self.text.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn markdown_marks_are_drawn_not_printed() {
        let text = terminal(&catalogue::T005, false);
        assert!(
            text.starts_with("T005 irregular-term (error by default)\n"),
            "{text}"
        );
        assert!(!text.contains("## "), "{text}");
        assert!(text.contains("What it finds\n-------------\n"), "{text}");
        // Values keep their backticks; a code block is indented, without its fence.
        assert!(text.contains("`records/chairs.yaml`"), "{text}");
        assert!(text.contains("\n    # records/group.yaml"), "{text}");
        assert!(!text.contains("```"), "{text}");
    }

    #[test]
    fn colour_replaces_the_marks() {
        let text = terminal(&catalogue::T005, true);
        assert!(text.contains('\u{1b}'), "{text}");
        assert!(!text.contains('`'), "{text}");
        assert!(!text.contains("-------------"), "{text}");
    }
}
