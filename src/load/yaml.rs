//! The YAML loader: text in, a JSON value and a span for every node out.
//!
//! Record files are data, so the loader reads a strict subset of YAML and reports everything
//! else as a finding rather than guessing:
//!
//! - YAML 1.2 core-schema scalars: `no`, `NO`, `on` stay strings, `2010-07-01` stays a string,
//!   `2010` is an integer, `014` is the decimal integer 14. Plain values that a YAML 1.1 reader
//!   would read differently get a Y003 warning.
//! - A mapping that repeats a key is a Y002 error showing both places; the first value is kept.
//! - Anchors, aliases, merge keys, tags, keys that are not scalars, several documents, and the
//!   scalars JSON cannot hold (`.inf`, `.nan`, integers beyond 64 bits) are Y004 errors. Aliases
//!   are never expanded, so an alias bomb costs nothing.
//! - Syntax errors, tab indentation, an empty file and nesting deeper than [`MAX_DEPTH`] are
//!   Y001 errors.
//!
//! The loader walks the parser's events with an explicit stack (no recursion), so no input can
//! overflow the call stack, and it builds one [`Node`] tree holding each value and its span.
//! Positions from the parser are in characters; they are converted to byte offsets through
//! [`SourceFile::offset`].

use crate::catalogue;
use crate::diag::{Diagnostic, Label};
use crate::load::scalar::{resolve_core, yaml11_reading};
use crate::load::tree::{Entry, Node, NodeKind, ParsedFile, MAX_DEPTH};
use crate::source::{FileId, SourceFile, Span};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle};
use std::collections::HashMap;

/// A loaded file: the value (when the file could be read as a document) and the findings.
#[derive(Debug, Default)]
pub struct Loaded {
    pub document: Option<ParsedFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// True when the file broke a rule of the data-file policy that makes its value
    /// untrustworthy (Y001, Y004); such a file is not checked any further.
    pub fn is_unreadable(&self) -> bool {
        self.document.is_none()
            || self
                .diagnostics
                .iter()
                .any(|d| d.is(&catalogue::Y001) || d.is(&catalogue::Y004))
    }
}

/// Reads `source` (registered as `file`) under the data-file policy described above.
pub fn load(file: FileId, source: &SourceFile) -> Loaded {
    read(file, source, None)
}

/// Takes the items of a record list one by one as they are read, so that a large list is
/// never held whole as a tree: see [`load_streaming`].
pub trait Items {
    /// The key of the root mapping whose list is handed over (`chairs`).
    fn key(&self) -> &str;
    /// The next item of the list, in file order.
    fn item(&mut self, node: Node);
    /// Forgets every item handed over: reading starts again from the top of the file (the
    /// text left the fast reader's subset), and the items come again.
    fn reset(&mut self);
}

/// Reads `source` as [`load`] does, but hands each item of the list under the root key
/// `items.key()` to `items` as soon as it is read, instead of keeping it in the document: the
/// document has that list empty. Only the list written directly under the root mapping, once,
/// is handed over; a repeated key's list is dropped as [`load`] drops it. Findings are those
/// of [`load`]; when the file turns out unreadable ([`Loaded::is_unreadable`]), what `items`
/// took must be dropped as [`load`]'s document would be.
pub fn load_streaming(file: FileId, source: &SourceFile, items: &mut dyn Items) -> Loaded {
    read(file, source, Some(items))
}

fn read<'a>(file: FileId, source: &'a SourceFile, items: Option<&'a mut dyn Items>) -> Loaded {
    Loader {
        file,
        source,
        diagnostics: Vec::new(),
        stack: Vec::new(),
        pending: Pending::default(),
        items,
        part: None,
        outside_subset: false,
    }
    .run()
}

/// Which part of a record list a [`load_part`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The start of the file, up to some item of the list: the root mapping, with the list's
    /// first items.
    Head,
    /// A run of whole items of the list and nothing else, their `-` at `indent`, read as a
    /// list at the root.
    Items { indent: usize },
}

/// Reads the bytes `range` of `source` as [`load_streaming`] does, handing the list's items to
/// `items`, so that the parts of a large list are read on several threads. Spans are those of
/// the whole file. `None` when the part is outside the subset of YAML that the fast reader
/// takes ([`crate::load::yaml_fast`]): the caller then reads the whole file at once. The
/// caller also knows that a part which gives any finding, or whose document is not what
/// `part` says, may have been cut at the wrong place, and reads the whole file instead.
pub fn load_part(
    file: FileId,
    source: &SourceFile,
    range: std::ops::Range<usize>,
    part: Part,
    items: &mut dyn Items,
) -> Option<Loaded> {
    let mut loader = Loader {
        file,
        source,
        diagnostics: Vec::new(),
        stack: Vec::new(),
        pending: Pending::default(),
        items: Some(items),
        part: Some((range, part)),
        outside_subset: false,
    };
    let document = loader.events().ok().flatten();
    (!loader.outside_subset).then_some(Loaded {
        document,
        diagnostics: loader.diagnostics,
    })
}

/// Reports the first byte that is not UTF-8 as a Y001 finding. `valid_up_to` is the length of
/// the valid prefix, as [`std::str::Utf8Error::valid_up_to`] gives it.
pub fn invalid_utf8(file: FileId, valid_up_to: usize) -> Diagnostic {
    Diagnostic::new(
        &catalogue::Y001,
        "the file is not valid UTF-8",
        Label::new(
            file,
            Span::new(valid_up_to, valid_up_to + 1),
            "invalid byte",
        ),
    )
    .with_help("save the file as UTF-8")
}

/// A container being read. Its children wait on the loader's shared stacks from `base` on
/// until the container ends, and are then moved into containers of exactly their size.
enum Frame {
    Sequence {
        start: usize,
        base: usize,
    },
    Mapping {
        start: usize,
        base: usize,
        /// The key read and waiting for its value; `None` between entries.
        key: Option<(Box<str>, Span)>,
        /// A repeated key's value is read and then dropped.
        skip_value: bool,
        /// Key -> position among the entries, built once a mapping has more than
        /// [`LINEAR_KEYS`] keys; smaller mappings are searched in order.
        index: Option<HashMap<Box<str>, usize>>,
    },
}

/// Up to this many keys, a repeated key is found by comparing with each earlier key.
const LINEAR_KEYS: usize = 16;

/// The children of the containers being read, innermost last.
#[derive(Default)]
struct Pending {
    items: Vec<Node>,
    entries: Vec<Entry>,
}

struct Loader<'a> {
    file: FileId,
    source: &'a SourceFile,
    diagnostics: Vec<Diagnostic>,
    stack: Vec<Frame>,
    pending: Pending,
    /// Where the items of the root list go when the file is streamed.
    items: Option<&'a mut dyn Items>,
    /// The bytes read, when only a part of the file is ([`load_part`]).
    part: Option<(std::ops::Range<usize>, Part)>,
    /// Set when a part is outside the fast reader's subset.
    outside_subset: bool,
}

/// Why reading stopped early.
pub(crate) struct Stop;

/// Whether more events follow.
#[derive(PartialEq)]
enum Flow {
    Next,
    End,
}

impl Loader<'_> {
    fn run(mut self) -> Loaded {
        let document = self.events().ok().flatten();
        if document.is_none() && self.diagnostics.is_empty() {
            self.diagnostics.push(
                Diagnostic::new(
                    &catalogue::Y001,
                    "the file holds no YAML document",
                    self.label(Span::at(0), "empty file"),
                )
                .with_help("write the record, or delete the file"),
            );
        }
        Loaded {
            document,
            diagnostics: self.diagnostics,
        }
    }

    fn offset(&self, mark: Marker) -> usize {
        self.source.offset(mark.line(), mark.col())
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }

    fn label(&self, span: Span, message: &str) -> Label {
        Label::new(self.file, span, message)
    }

    fn report(&mut self, rule: &'static catalogue::Rule, message: String, span: Span, label: &str) {
        let d = Diagnostic::new(rule, message, self.label(span, label));
        self.diagnostics.push(d);
    }

    fn unsupported(&mut self, span: Span, message: &str, label: &str, help: &str) {
        let d = Diagnostic::new(&catalogue::Y004, message, self.label(span, label)).with_help(help);
        self.diagnostics.push(d);
    }

    /// Walks the events of the text, from the fast reader ([`crate::load::yaml_fast`]) or, when the
    /// text is outside its subset, from `saphyr-parser`; returns the document, `None` for an
    /// empty stream, or `Err(Stop)` after a finding that ends reading.
    fn events(&mut self) -> Result<Option<ParsedFile>, Stop> {
        let mut document: Option<ParsedFile> = None;
        let source = self.source;
        let text = &source.text;
        // A part is read on its own, its spans moved to where the part starts in the file.
        let (read, base) = match &self.part {
            Some((range, _)) => (&text[range.clone()], range.start),
            None => (&text[..], 0),
        };
        let items_at = match &self.part {
            Some((_, Part::Items { indent })) => Some(*indent),
            _ => None,
        };
        let mut sink = |event, span: Span| {
            let span = Span::new(span.start as usize + base, span.end as usize + base);
            self.event(event, span, &mut document).is_ok()
        };
        let fast = match items_at {
            Some(indent) => crate::load::yaml_fast::read_items(read, indent, &mut sink),
            None => crate::load::yaml_fast::read(read, &mut sink),
        };
        match fast {
            Ok(()) => return Ok(document),
            Err(crate::load::yaml_fast::Halt::Stopped) => return Err(Stop),
            Err(crate::load::yaml_fast::Halt::Unsupported) if self.part.is_some() => {
                self.outside_subset = true;
                return Err(Stop);
            }
            // Outside the plain subset: start again with the full parser.
            Err(crate::load::yaml_fast::Halt::Unsupported) => {
                document = None;
                self.diagnostics.clear();
                self.stack.clear();
                self.pending = Pending::default();
                if let Some(items) = self.items.as_mut() {
                    items.reset();
                }
            }
        }
        let mut parser = Parser::new_from_str(text);
        while let Some(event) = parser.next_event() {
            let (event, raw_span) = match event {
                Ok(ok) => ok,
                Err(error) => {
                    self.syntax_error(error.marker(), error.info());
                    return Err(Stop);
                }
            };
            let span = self.span(raw_span);
            if self.event(event, span, &mut document)? == Flow::End {
                break;
            }
        }
        Ok(document)
    }

    /// Handles one parser event; `Flow::End` at the end of the stream.
    fn event(
        &mut self,
        event: Event<'_>,
        span: Span,
        document: &mut Option<ParsedFile>,
    ) -> Result<Flow, Stop> {
        match event {
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            Event::StreamEnd => return Ok(Flow::End),
            Event::DocumentStart(_) => {
                if document.is_some() {
                    self.unsupported(
                            span,
                            "the file holds a second YAML document",
                            "second document starts here",
                            "put each record in one document: remove the `---` and what follows, or move it to its own file",
                        );
                    return Err(Stop);
                }
            }
            Event::Alias(_) => {
                self.unsupported(
                    span,
                    "aliases are not supported in record files",
                    "alias",
                    "write the value out in full where it is used",
                );
                self.complete(
                    Node {
                        span,
                        kind: NodeKind::Null,
                    },
                    document,
                )?;
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.check_anchor_and_tag(anchor, tag.is_some(), span);
                if let Some(Frame::Mapping {
                    key: key @ None, ..
                }) = self.stack.last_mut()
                {
                    // Keys are text whatever they look like: `2010:` is the key "2010".
                    *key = Some((Box::from(&*text), span));
                    self.check_key();
                    return Ok(Flow::Next);
                }
                let kind = self.scalar(&text, style, span);
                self.complete(Node { span, kind }, document)?;
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                let is_mapping = matches!(event, Event::MappingStart(..));
                self.check_anchor_and_tag(anchor, tag.is_some(), span);
                if let Some(Frame::Mapping { key: None, .. }) = self.stack.last() {
                    self.unsupported(
                        span,
                        "a key that is a list or a mapping",
                        "complex key",
                        "use plain text for keys",
                    );
                    return Err(Stop);
                }
                if self.stack.len() >= MAX_DEPTH {
                    self.report(
                        &catalogue::Y001,
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                        span,
                        "too deep",
                    );
                    return Err(Stop);
                }
                let start = span.start as usize;
                self.stack.push(if is_mapping {
                    Frame::Mapping {
                        start,
                        base: self.pending.entries.len(),
                        key: None,
                        skip_value: false,
                        index: None,
                    }
                } else {
                    Frame::Sequence {
                        start,
                        base: self.pending.items.len(),
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let pending = &mut self.pending;
                let node = match self.stack.pop() {
                    Some(Frame::Sequence { start, base }) => {
                        let items: Box<[Node]> = pending.items.drain(base..).collect();
                        let end = container_end(span, items.last().map(|n| n.span));
                        Node {
                            span: Span::new(start, end),
                            kind: NodeKind::Sequence(items),
                        }
                    }
                    Some(Frame::Mapping { start, base, .. }) => {
                        let entries: Box<[Entry]> = pending.entries.drain(base..).collect();
                        let end = container_end(span, entries.last().map(|e| e.value.span));
                        Node {
                            span: Span::new(start, end),
                            kind: NodeKind::Mapping(entries),
                        }
                    }
                    // The parser balances its events; an unbalanced end is ignored.
                    None => return Ok(Flow::Next),
                };
                self.complete(node, document)?;
            }
        }
        Ok(Flow::Next)
    }

    /// Whether a node finished now is an item of the streamed list: the list is the value of
    /// the streamed key of the root mapping, given once.
    fn streams_item(&self) -> bool {
        let Some(items) = self.items.as_deref() else {
            return false;
        };
        let items_at_root = matches!(self.part, Some((_, Part::Items { .. })));
        match self.stack.as_slice() {
            [Frame::Mapping {
                key: Some((key, _)),
                skip_value: false,
                ..
            }, Frame::Sequence { .. }] => !items_at_root && **key == *items.key(),
            [Frame::Sequence { .. }] => items_at_root,
            _ => false,
        }
    }

    /// Hands a finished node to the container being read, or makes it the document.
    fn complete(&mut self, node: Node, document: &mut Option<ParsedFile>) -> Result<(), Stop> {
        if self.streams_item() {
            if let Some(items) = self.items.as_mut() {
                items.item(node);
            }
            return Ok(());
        }
        let pending = &mut self.pending;
        let Some(frame) = self.stack.last_mut() else {
            *document = Some(ParsedFile { root: node });
            return Ok(());
        };
        match frame {
            Frame::Sequence { .. } => pending.items.push(node),
            Frame::Mapping {
                key, skip_value, ..
            } => match key.take() {
                Some((key, key_span)) => {
                    if std::mem::take(skip_value) {
                        return Ok(());
                    }
                    pending.entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                }
                None => {
                    // Containers in key position stop reading earlier, and scalar keys are
                    // taken in `events`, so a finished node here is always a value.
                    *key = Some((node.to_value().to_string().into(), node.span));
                }
            },
        }
        Ok(())
    }

    /// Checks the key just read against the keys before it in the same mapping.
    fn check_key(&mut self) {
        let Some(Frame::Mapping {
            base,
            key: Some((text, span)),
            skip_value,
            index,
            ..
        }) = self.stack.last_mut()
        else {
            return;
        };
        let span = *span;
        let entries = &self.pending.entries[*base..];
        // Small mappings are searched in order; a large one keeps an index of its keys.
        if index.is_none() && entries.len() > LINEAR_KEYS {
            let keys = entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i));
            *index = Some(keys.collect());
        }
        let first = match index {
            Some(keys) => {
                let first = keys.get(&**text).copied();
                if first.is_none() {
                    keys.insert(text.clone(), entries.len());
                }
                first
            }
            None => entries.iter().position(|e| e.key == *text),
        };
        let merge = &**text == "<<" && self.source.text[span.range()].starts_with('<');
        if let Some(first) = first {
            *skip_value = true;
            let d = Diagnostic::new(
                &catalogue::Y002,
                format!("duplicate key `{text}`"),
                Label::new(self.file, span, "repeated here"),
            )
            .with_secondary(Label::new(
                self.file,
                entries[first].key_span,
                "first given here",
            ))
            .with_help("keep one of the two entries; most YAML readers silently keep the last");
            self.diagnostics.push(d);
        }
        if merge {
            self.unsupported(
                span,
                "merge keys are not supported in record files",
                "merge key",
                "write the merged keys out in full",
            );
        }
    }

    fn check_anchor_and_tag(&mut self, anchor: usize, tagged: bool, span: Span) {
        if anchor == 0 && !tagged {
            return;
        }
        // A container's span runs to its end; the anchor or tag is on its first line.
        let line_end = self.source.text[span.range()]
            .find('\n')
            .map_or(span.end as usize, |i| span.start as usize + i);
        let span = Span::new(span.start as usize, line_end);
        if anchor != 0 {
            self.unsupported(
                span,
                "anchors are not supported in record files",
                "anchor",
                "remove the `&anchor`; write values out in full where they are used",
            );
        }
        if tagged {
            self.unsupported(
                span,
                "tags are not supported in record files",
                "tag",
                "remove the tag: the schema says what type each value has",
            );
        }
    }

    /// Resolves a scalar by the YAML 1.2 core schema and warns on YAML 1.1 look-alikes.
    fn scalar(&mut self, text: &str, style: ScalarStyle, span: Span) -> NodeKind {
        if style != ScalarStyle::Plain {
            return NodeKind::String(text.into());
        }
        let resolved = resolve_core(text);
        if let Some(reading) = yaml11_reading(text) {
            let here = match &resolved {
                Ok(NodeKind::String(_)) => format!("the string `{text}`"),
                Ok(NodeKind::Number(n)) => format!("the number `{n}`"),
                Ok(NodeKind::Bool(b)) => format!("`{b}`"),
                Ok(_) => "`null`".to_string(),
                Err(_) => "nothing JSON can hold".to_string(),
            };
            let d = Diagnostic::new(
                &catalogue::Y003,
                format!("`{text}` is read as {here} here, but as {reading} by YAML 1.1 readers"),
                self.label(span, "ambiguous value"),
            )
            .with_help(format!("quote it (`'{text}'`) so that every reader agrees"));
            self.diagnostics.push(d);
        }
        match resolved {
            Ok(value) => value,
            Err(problem) => {
                self.unsupported(
                    span,
                    &format!("`{text}` {problem}"),
                    "no JSON equivalent",
                    "quote it if text was meant",
                );
                NodeKind::Null
            }
        }
    }

    fn syntax_error(&mut self, mark: &Marker, info: &str) {
        let offset = self.offset(*mark);
        let line = self.source.line_text(mark.line());
        let leading = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        let d = if leading.contains('\t') {
            let at = self.source.line_start(mark.line()) + leading.find('\t').unwrap_or(0);
            Diagnostic::new(
                &catalogue::Y001,
                "a tab character indents this line",
                self.label(Span::new(at, at + 1), "tab"),
            )
            .with_help("YAML indentation is made of spaces: replace the tab with spaces")
        } else {
            Diagnostic::new(
                &catalogue::Y001,
                format!("invalid YAML: {info}"),
                self.label(Span::new(offset, offset), "here"),
            )
            .with_help("check the quoting, brackets and indentation around this place")
        };
        self.diagnostics.push(d);
    }
}

/// Where a container ends: after its closing bracket for flow style, after its last child for
/// block style (whose end event sits at the start of the next line).
fn container_end(end_event: Span, last_child: Option<Span>) -> usize {
    if end_event.end > end_event.start {
        end_event.end as usize
    } else {
        last_child.map_or(end_event.start, |s| s.end) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn load_text(text: &str) -> (Loaded, SourceFile) {
        let file = SourceFile::new("t.yaml", "t.yaml", text.to_string());
        (load(0, &file), file)
    }

    fn codes(loaded: &Loaded) -> Vec<&'static str> {
        loaded.diagnostics.iter().map(|d| d.rule.code).collect()
    }

    fn at(file: &SourceFile, d: &Diagnostic) -> (usize, usize) {
        let lc = file.line_col(d.primary.span.start as usize);
        (lc.line, lc.col)
    }

    #[test]
    fn scalars_follow_yaml_1_2() {
        let (loaded, _) = load_text(
            "a: no\nb: NO\nc: 2010-07-01\nd: 2010\ne: 014\nf: 1.5\ng: ~\nh: true\ni: 'yes'\nj: 0x1F\nk: 1_000\nl: -7\n",
        );
        let value = loaded.document.as_ref().unwrap().root.to_value();
        assert_eq!(
            value,
            json!({"a": "no", "b": "NO", "c": "2010-07-01", "d": 2010, "e": 14, "f": 1.5,
                   "g": null, "h": true, "i": "yes", "j": 31, "k": "1_000", "l": -7})
        );
        assert_eq!(codes(&loaded), ["Y003", "Y003", "Y003", "Y003"]);
    }

    #[test]
    fn duplicate_keys_point_at_both_places() {
        let (loaded, file) = load_text("id: iom\nname: x\nid: ilo\n");
        assert_eq!(codes(&loaded), ["Y002"]);
        let d = &loaded.diagnostics[0];
        assert_eq!(at(&file, d), (3, 1));
        assert_eq!(file.line_col(d.secondary[0].span.start as usize).line, 1);
        assert_eq!(
            loaded.document.unwrap().root.to_value(),
            json!({"id": "iom", "name": "x"})
        );
    }

    #[test]
    fn aliases_anchors_tags_and_merge_keys_are_rejected() {
        let (loaded, _) = load_text("a: &x 1\nb: *x\nc: !!str 3\nd:\n  <<: {e: 1}\n");
        assert_eq!(codes(&loaded), ["Y004", "Y004", "Y004", "Y004"]);
        assert!(loaded.is_unreadable());
    }

    #[test]
    fn a_second_document_is_rejected_where_it_starts() {
        let (loaded, file) = load_text("a: 1\n---\nb: 2\n");
        assert_eq!(codes(&loaded), ["Y004"]);
        assert_eq!(at(&file, &loaded.diagnostics[0]), (2, 1));
    }

    #[test]
    fn tab_indentation_points_at_the_tab() {
        let (loaded, file) = load_text("a: 1\nb:\n\tc: 2\n");
        assert_eq!(codes(&loaded), ["Y001"]);
        assert_eq!(at(&file, &loaded.diagnostics[0]), (3, 1));
        assert!(loaded.diagnostics[0].message.contains("tab"));
    }

    #[test]
    fn empty_and_comment_only_files_are_findings() {
        for text in ["", "# nothing\n", "   \n"] {
            let (loaded, _) = load_text(text);
            assert_eq!(codes(&loaded), ["Y001"], "{text:?}");
        }
    }

    #[test]
    fn deep_nesting_is_capped_without_recursion() {
        let text = "- ".repeat(100_000) + "x\n";
        let (loaded, _) = load_text(&text);
        assert_eq!(codes(&loaded), ["Y001"]);
        let text = "[".repeat(100_000);
        let (loaded, _) = load_text(&text);
        assert_eq!(codes(&loaded), ["Y001"]);
    }

    #[test]
    fn alias_bombs_are_not_expanded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (i, c) in ('b'..='j').enumerate() {
            let prev = (b'a' + i as u8) as char;
            text.push_str(&format!("{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let (loaded, _) = load_text(&text);
        assert!(loaded.diagnostics.iter().all(|d| d.rule.code == "Y004"));
        assert!(loaded.diagnostics.len() > 9);
    }

    #[test]
    fn numbers_json_cannot_hold_are_rejected() {
        for text in [
            "a: .inf",
            "a: -.Inf",
            "a: .nan",
            "a: 123456789012345678901234567890",
        ] {
            let (loaded, _) = load_text(text);
            assert_eq!(codes(&loaded), ["Y004"], "{text}");
        }
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let (loaded, file) = load_text("name:\n  fr: Entité\n  en: Entity\n");
        let root = loaded.document.unwrap().root;
        let fr = root.child("name").unwrap().child("fr").unwrap();
        assert_eq!(&file.text[fr.span.range()], "Entité");
        let en = root.child("name").unwrap().entry("en").unwrap();
        assert_eq!(file.line_col(en.value.span.start as usize).col, 7);
        assert_eq!(
            &file.text[root.child("name").unwrap().span.range()],
            "fr: Entité\n  en: Entity"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let (loaded, file) = load_text("a: [1, 2\nb: 3\n");
        assert_eq!(codes(&loaded), ["Y001"]);
        // The flow sequence is never closed: the parser stops at the `:` of the next line.
        assert_eq!(at(&file, &loaded.diagnostics[0]), (2, 2));
        assert!(loaded.diagnostics[0].message.starts_with("invalid YAML: "));
    }
}
