//! A fast reader for the plain subset of YAML that record files are mostly written in.
//!
//! `saphyr-parser` reads all of YAML, one character at a time, at about 35 MB/s; on large
//! records it was more than half of the time of `roster check` and `roster diff`. Record files
//! use a small part of the language: block mappings and sequences, one-line flow collections,
//! one-line plain and quoted scalars, and comments. This reader handles exactly that part, a
//! line at a time, and gives [`crate::load::yaml`]'s loader the same events with the same spans as
//! `saphyr-parser` would. It never guesses: anything outside the subset (tabs, anchors,
//! aliases, tags, block scalars, multi-line scalars, escapes, document markers, empty values,
//! NUL characters, byte-order marks, unusual spacing in flow collections, deep nesting, ...)
//! makes it give up with [`Halt::Unsupported`], and the loader reads the whole file again with
//! `saphyr-parser`. The tests in `tests/yaml_fast.rs` compare the two readers' events on
//! generated documents.
//!
//! Spans are byte offsets. Where `saphyr-parser` gives a container's end a zero-width span (a
//! block mapping or sequence ends where the next token starts), this reader does too, at the
//! next line it has not read; the loader only asks whether such a span is empty.

use crate::source::Span;
use saphyr_parser::{Event, ScalarStyle};
use std::borrow::Cow;

/// Why reading stopped before the end.
pub enum Halt {
    /// The text uses YAML outside the subset: read it with the full parser.
    Unsupported,
    /// The loader asked to stop (it found a problem that ends reading).
    Stopped,
}

type Read<T> = Result<T, Halt>;

/// Deeper than this, the full parser reads the file (and reports nesting beyond the loader's
/// limit in its usual way).
const MAX_DEPTH: usize = 48;

/// Keys longer than this are left to the full parser (YAML caps implicit keys at 1024).
const MAX_KEY: usize = 1024;

/// Reads `text`, handing each event and its span to `sink`, which answers `false` to stop.
pub fn read<'a>(text: &'a str, sink: &mut dyn FnMut(Event<'a>, Span) -> bool) -> Read<()> {
    FastReader::new(text, sink)?.document()
}

/// Reads `text` as the items of a block sequence whose `-` are at indentation `indent`, alone
/// at the root: a run of items cut from a long list ([`crate::load::yaml::load_part`]). The
/// events are those of a document holding that sequence, with the same spans as reading the
/// items in place would give.
pub fn read_items<'a>(
    text: &'a str,
    indent: usize,
    sink: &mut dyn FnMut(Event<'a>, Span) -> bool,
) -> Read<()> {
    FastReader::new(text, sink)?.items(indent)
}

/// The first line holding content at or after a line start: `(line start, indentation)`.
type Line = Option<(usize, usize)>;

struct FastReader<'a, 's> {
    text: &'a str,
    bytes: &'a [u8],
    sink: &'s mut dyn FnMut(Event<'a>, Span) -> bool,
    depth: usize,
    /// The last line end found, and the position it was found from.
    line: std::cell::Cell<(usize, usize)>,
}

impl<'a, 's> FastReader<'a, 's> {
    fn new(text: &'a str, sink: &'s mut dyn FnMut(Event<'a>, Span) -> bool) -> Read<Self> {
        // Tabs and carriage returns change indentation and line ends; saphyr-parser reads a
        // NUL as the end of the text and rejects a byte-order mark inside a document.
        if text.contains(['\t', '\r', '\0', '\u{feff}']) {
            return Err(Halt::Unsupported);
        }
        Ok(FastReader {
            text,
            bytes: text.as_bytes(),
            sink,
            depth: 0,
            line: std::cell::Cell::new((1, 0)),
        })
    }
}

fn unsupported<T>() -> Read<T> {
    Err(Halt::Unsupported)
}

/// Characters that cannot start a plain scalar (or that start one only in cases this reader
/// leaves to the full parser, such as `-1`).
fn is_indicator(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
            | b' '
            | b'\n'
    )
}

impl<'a> FastReader<'a, '_> {
    fn emit(&mut self, event: Event<'a>, start: usize, end: usize) -> Read<()> {
        if (self.sink)(event, Span::new(start, end)) {
            Ok(())
        } else {
            Err(Halt::Stopped)
        }
    }

    fn scalar(
        &mut self,
        value: Cow<'a, str>,
        style: ScalarStyle,
        start: usize,
        end: usize,
    ) -> Read<()> {
        self.emit(Event::Scalar(value, style, 0, None), start, end)
    }

    fn deeper(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return unsupported();
        }
        Ok(())
    }

    fn at(&self, pos: usize) -> u8 {
        self.bytes.get(pos).copied().unwrap_or(b'\n')
    }

    /// Where the line holding `pos` ends (its line break, or the end of the text). The reader
    /// asks about the same line many times, so the last answer is kept.
    fn line_end(&self, pos: usize) -> usize {
        let (from, end) = self.line.get();
        if from <= pos && pos <= end {
            return end;
        }
        let end = self.text[pos..]
            .find('\n')
            .map_or(self.text.len(), |i| pos + i);
        self.line.set((pos, end));
        end
    }

    /// The start of the line after the one holding `pos`, if there is one.
    fn next_line(&self, pos: usize) -> Option<usize> {
        let end = self.line_end(pos);
        (end < self.text.len()).then_some(end + 1)
    }

    fn skip_spaces(&self, mut pos: usize) -> usize {
        while self.at(pos) == b' ' {
            pos += 1;
        }
        pos
    }

    /// The first line from `start` on that is neither blank nor only a comment.
    fn content_line(&self, start: Option<usize>) -> Line {
        let mut pos = start?;
        loop {
            let content = self.skip_spaces(pos);
            match self.at(content) {
                b'\n' | b'#' => pos = self.next_line(pos)?,
                _ => return Some((pos, content - pos)),
            }
        }
    }

    /// Whether `pos` holds a block sequence entry: `-` followed by a space or the line end.
    fn is_dash(&self, pos: usize) -> bool {
        self.at(pos) == b'-' && matches!(self.at(pos + 1), b' ' | b'\n')
    }

    /// Whether the rest of the line from `pos` is empty or a comment after spaces.
    fn rest_is_empty(&self, pos: usize) -> bool {
        let content = self.skip_spaces(pos);
        match self.at(content) {
            b'\n' => true,
            b'#' => content > pos,
            _ => false,
        }
    }

    fn document(&mut self) -> Read<()> {
        let Some((start, 0)) = self.content_line(Some(0)) else {
            return unsupported();
        };
        let line = &self.text[start..];
        if line.starts_with("---") || line.starts_with("...") || line.starts_with('%') {
            return unsupported();
        }
        self.emit(Event::StreamStart, 0, 0)?;
        self.emit(Event::DocumentStart(false), start, start)?;
        if self.block_node(start, 0)?.is_some() {
            // Something after the root node at its indentation: not a record file.
            return unsupported();
        }
        let end = self.text.len();
        self.emit(Event::DocumentEnd, end, end)?;
        self.emit(Event::StreamEnd, end, end)
    }

    /// The root of [`read_items`]: a block sequence at `indent`, and nothing after it.
    fn items(&mut self, indent: usize) -> Read<()> {
        let Some((start, found)) = self.content_line(Some(0)) else {
            return unsupported();
        };
        if found != indent || !self.is_dash(start + indent) {
            return unsupported();
        }
        self.emit(Event::StreamStart, 0, 0)?;
        self.emit(Event::DocumentStart(false), start, start)?;
        if self.block_sequence(start, indent, false)?.is_some() {
            return unsupported();
        }
        let end = self.text.len();
        self.emit(Event::DocumentEnd, end, end)?;
        self.emit(Event::StreamEnd, end, end)
    }

    /// Ends a block container before `next`, the first line it does not hold: `saphyr-parser`
    /// puts the empty end span where the next token starts (or at the end of the text).
    fn close(&mut self, end: Event<'a>, next: Line) -> Read<Line> {
        let at = next.map_or(self.text.len(), |(start, indent)| start + indent);
        self.emit(end, at, at)?;
        self.depth -= 1;
        Ok(next)
    }

    /// A block mapping or sequence whose first line starts at `start`, indented by `indent`.
    fn block_node(&mut self, start: usize, indent: usize) -> Read<Line> {
        if self.is_dash(start + indent) {
            self.block_sequence(start, indent, false)
        } else {
            self.block_mapping(start, indent, start + indent)
        }
    }

    /// A block sequence whose first `-` is at `start + indent`. An `indentless` sequence is the
    /// value of a mapping key at the same indentation; `saphyr-parser` starts it at its first
    /// item's content rather than at the `-`.
    fn block_sequence(&mut self, start: usize, indent: usize, indentless: bool) -> Read<Line> {
        self.deeper()?;
        let mut line = start;
        let mut first = true;
        let next = loop {
            let dash = line + indent;
            let content = self.skip_spaces(dash + 1);
            if first {
                let at = if indentless { content } else { dash };
                if indentless && self.rest_is_empty(dash + 1) {
                    return unsupported();
                }
                self.emit(Event::SequenceStart(0, None), at, at)?;
                first = false;
            }
            let next = if self.rest_is_empty(dash + 1) {
                match self.content_line(self.next_line(line)) {
                    Some((l, i)) if i > indent => self.block_node(l, i)?,
                    // An empty entry is null; the full parser places it.
                    _ => return unsupported(),
                }
            } else if self.is_dash(content) {
                return unsupported();
            } else if self.key(content).is_ok() {
                self.block_mapping(line, content - line, content)?
            } else {
                self.inline(content, indent)?
            };
            match next {
                Some((l, i)) if i == indent && self.is_dash(l + i) => line = l,
                Some((_, i)) if i > indent => return unsupported(),
                _ => break next,
            }
        };
        self.close(Event::SequenceEnd, next)
    }

    /// A block mapping whose keys are `indent` columns in, the first at `first`.
    fn block_mapping(&mut self, start: usize, indent: usize, first: usize) -> Read<Line> {
        self.deeper()?;
        self.emit(Event::MappingStart(0, None), first, first)?;
        let (mut line, mut pos) = (start, first);
        let next = loop {
            let (key, style, key_end, after) = self.key(pos)?;
            self.scalar(key, style, pos, key_end)?;
            let next = if self.rest_is_empty(after) {
                match self.content_line(self.next_line(line)) {
                    Some((l, i)) if i > indent => self.block_node(l, i)?,
                    Some((l, i)) if i == indent && self.is_dash(l + i) => {
                        self.block_sequence(l, i, true)?
                    }
                    // An empty value is null; the full parser places it.
                    _ => return unsupported(),
                }
            } else {
                self.inline(self.skip_spaces(after), indent)?
            };
            match next {
                Some((l, i)) if i == indent => {
                    if self.is_dash(l + i) {
                        return unsupported();
                    }
                    (line, pos) = (l, l + i);
                }
                Some((_, i)) if i > indent => return unsupported(),
                _ => break next,
            }
        };
        self.close(Event::MappingEnd, next)
    }

    /// A block mapping key at `pos`: `(text, style, end of the key, position after the ':')`.
    /// The `:` must be followed by a space or the line end.
    fn key(&self, pos: usize) -> Read<(Cow<'a, str>, ScalarStyle, usize, usize)> {
        let (text, style, end) = match self.at(pos) {
            b'\'' | b'"' => self.quoted(pos)?,
            first if is_indicator(first) => return unsupported(),
            _ => {
                let line_end = self.line_end(pos);
                let line = &self.text[pos..line_end];
                let colon = line
                    .find(": ")
                    .or_else(|| line.ends_with(':').then(|| line.len() - 1));
                let Some(colon) = colon else {
                    return unsupported();
                };
                let key = &line[..colon];
                if key.is_empty()
                    || key.len() > MAX_KEY
                    || key.ends_with(' ')
                    || key.contains(['#', ':', '[', ']', '{', '}', ','])
                {
                    return unsupported();
                }
                (Cow::Borrowed(key), ScalarStyle::Plain, pos + colon)
            }
        };
        if self.at(end) != b':' || !matches!(self.at(end + 1), b' ' | b'\n') || end - pos > MAX_KEY
        {
            return unsupported();
        }
        Ok((text, style, end, end + 1))
    }

    /// A one-line quoted scalar starting at `pos`: `(value, style, position after it)`.
    fn quoted(&self, pos: usize) -> Read<(Cow<'a, str>, ScalarStyle, usize)> {
        let quote = self.at(pos);
        let line_end = self.line_end(pos);
        let body = &self.text[pos + 1..line_end];
        if quote == b'"' {
            let Some(close) = body.find('"') else {
                return unsupported();
            };
            if body[..close].contains('\\') {
                return unsupported();
            }
            let end = pos + 1 + close + 1;
            return Ok((
                Cow::Borrowed(&body[..close]),
                ScalarStyle::DoubleQuoted,
                end,
            ));
        }
        // Single quotes: `''` stands for one quote.
        let mut i = 0;
        let mut escaped = false;
        let close = loop {
            let Some(at) = body[i..].find('\'') else {
                return unsupported();
            };
            if body[i + at + 1..].starts_with('\'') {
                escaped = true;
                i += at + 2;
            } else {
                break i + at;
            }
        };
        let raw = &body[..close];
        let value = if escaped {
            Cow::Owned(raw.replace("''", "'"))
        } else {
            Cow::Borrowed(raw)
        };
        Ok((value, ScalarStyle::SingleQuoted, pos + 1 + close + 1))
    }

    /// A node written on one line from `pos`, as a value in a block container indented by
    /// `indent`; returns the next content line. A more indented line after it (a continuation
    /// of a multi-line scalar, say) is left to the full parser.
    fn inline(&mut self, pos: usize, indent: usize) -> Read<Line> {
        match self.at(pos) {
            b'[' | b'{' => {
                self.flow(pos, true)?;
            }
            b'\'' | b'"' => {
                let (value, style, end) = self.quoted(pos)?;
                if !self.rest_is_empty(end) {
                    return unsupported();
                }
                // Like a flow collection's end, a quoted scalar followed by spaces or a
                // comment runs to the line end in `saphyr-parser`.
                let line_end = self.line_end(end);
                self.scalar(value, style, pos, line_end)?;
            }
            first if is_indicator(first) => return unsupported(),
            _ => {
                let line = &self.text[pos..self.line_end(pos)];
                let body = line
                    .find(" #")
                    .map_or(line, |i| &line[..i])
                    .trim_end_matches(' ');
                if body.contains(": ") || body.ends_with(':') {
                    return unsupported();
                }
                self.scalar(
                    Cow::Borrowed(body),
                    ScalarStyle::Plain,
                    pos,
                    pos + body.len(),
                )?;
            }
        }
        let mut next = self.next_line(pos);
        while let Some(start) = next {
            let content = self.skip_spaces(start);
            if self.at(content) != b'\n' {
                if content - start > indent {
                    return unsupported();
                }
                break;
            }
            next = self.next_line(start);
        }
        Ok(self.content_line(next))
    }

    /// A flow sequence or mapping from `pos` that closes on the same line, written the usual
    /// way: `[a, b]`, `{k: v, k2: [x]}`. Returns the position after the closing bracket. The
    /// `outer` collection's end event runs to the line end when spaces or a comment follow
    /// it, as in `saphyr-parser`.
    fn flow(&mut self, pos: usize, outer: bool) -> Read<usize> {
        self.deeper()?;
        let mapping = self.at(pos) == b'{';
        let close = if mapping { b'}' } else { b']' };
        self.emit(
            if mapping {
                Event::MappingStart(0, None)
            } else {
                Event::SequenceStart(0, None)
            },
            pos,
            pos + 1,
        )?;
        let mut at = pos + 1;
        if self.at(at) != close {
            loop {
                if mapping {
                    let (key, style, end) = self.flow_scalar(at)?;
                    if self.at(end) != b':' || self.at(end + 1) != b' ' {
                        return unsupported();
                    }
                    self.scalar(key, style, at, end)?;
                    at = self.skip_spaces(end + 1);
                }
                at = self.flow_node(at)?;
                match self.at(at) {
                    b',' if self.at(at + 1) == b' ' => {
                        at = self.skip_spaces(at + 1);
                        if self.at(at) == close {
                            return unsupported();
                        }
                    }
                    b if b == close => break,
                    _ => return unsupported(),
                }
            }
        }
        let mut end = at + 1;
        if outer {
            let line_end = self.line_end(at);
            if end < line_end {
                if !self.rest_is_empty(end) {
                    return unsupported();
                }
                end = line_end;
            }
        }
        self.emit(
            if mapping {
                Event::MappingEnd
            } else {
                Event::SequenceEnd
            },
            at,
            end,
        )?;
        self.depth -= 1;
        Ok(at + 1)
    }

    /// A node inside a flow collection; returns the position after it.
    fn flow_node(&mut self, pos: usize) -> Read<usize> {
        if matches!(self.at(pos), b'[' | b'{') {
            return self.flow(pos, false);
        }
        let (value, style, end) = self.flow_scalar(pos)?;
        self.scalar(value, style, pos, end)?;
        Ok(end)
    }

    /// A scalar inside a flow collection: quoted, or plain up to the next `,`, `:` or bracket.
    fn flow_scalar(&self, pos: usize) -> Read<(Cow<'a, str>, ScalarStyle, usize)> {
        match self.at(pos) {
            b'\'' | b'"' => self.quoted(pos),
            first if is_indicator(first) => unsupported(),
            _ => {
                let rest = &self.bytes[pos..self.line_end(pos)];
                let len = rest
                    .iter()
                    .position(|b| matches!(b, b',' | b':' | b'[' | b']' | b'{' | b'}' | b'#'))
                    .unwrap_or(rest.len());
                let body = &self.text[pos..pos + len];
                if body.ends_with(' ') || !matches!(self.at(pos + len), b',' | b':' | b']' | b'}') {
                    return unsupported();
                }
                Ok((Cow::Borrowed(body), ScalarStyle::Plain, pos + len))
            }
        }
    }
}
