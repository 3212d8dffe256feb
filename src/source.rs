//! Source text and positions.
//!
//! Everything that points into a record file goes through here: a [`Span`] is a byte range in a
//! [`SourceFile`], and the file turns it into the 1-based line and 1-based column (counted in
//! characters, as editors and rustc do) that every output format shows. The YAML parser reports
//! positions in characters; [`SourceFile::offset`] converts them back to bytes once, here.

use std::path::{Path, PathBuf};

/// A byte range `start..end` in one source file. Offsets are `u32`: record files are capped
/// well below 4 GiB by the loader (see [`crate::load::workspace::MAX_FILE_BYTES`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// An empty span at one offset, for findings about a place rather than a range.
    pub fn at(offset: usize) -> Span {
        Span::new(offset, offset)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// Index of a file in [`Sources`]. Four bytes: every value of the model says where it is
/// written ([`crate::model::Loc`]), and a run reads far fewer than 4 billion files.
pub type FileId = u32;

/// One file's text with an index of where its lines start.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to the user: relative to the repository root, with `/` separators.
    pub name: String,
    /// The path on disk (or inside a revision), kept for tools that reopen the file.
    pub path: PathBuf,
    /// The text, without a leading byte-order mark. For a file that is not valid UTF-8, the
    /// valid prefix followed by the rest decoded lossily, so the bad line can still be shown.
    pub text: String,
    line_starts: Vec<u32>,
    /// ASCII text has one byte per character, so positions convert without a walk.
    ascii: bool,
    /// For text that is not ASCII: `(byte, characters before it)` at the character boundary at
    /// or before every [`MARK_BYTES`]th byte, so that converting a position walks at most that
    /// many bytes, however long its line (a one-line file of 10 MB with a finding every few
    /// bytes would otherwise walk the line again for each).
    marks: Vec<(u32, u32)>,
}

/// The distance between two marks of [`SourceFile`].
const MARK_BYTES: usize = 1024;

impl SourceFile {
    pub fn new(name: impl Into<String>, path: impl AsRef<Path>, text: String) -> SourceFile {
        let mut line_starts = vec![0u32];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| (i + 1) as u32));
        let ascii = text.is_ascii();
        let mut marks = Vec::new();
        if !ascii {
            let (mut byte, mut chars) = (0, 0);
            for k in 0..=text.len() / MARK_BYTES {
                let next = floor_char_boundary(&text, k * MARK_BYTES);
                chars += text[byte..next].chars().count();
                byte = next;
                marks.push((byte as u32, chars as u32));
            }
        }
        SourceFile {
            name: name.into(),
            path: path.as_ref().to_path_buf(),
            ascii,
            text,
            line_starts,
            marks,
        }
    }

    /// The number of characters before byte `offset`, a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        if self.ascii {
            return offset;
        }
        let (byte, chars) = self.marks[offset / MARK_BYTES];
        chars as usize + self.text[byte as usize..offset].chars().count()
    }

    /// The byte offset of character `n` of the text, or the end of the text.
    fn byte_of_char(&self, n: usize) -> usize {
        if self.ascii {
            return n.min(self.text.len());
        }
        let k = self
            .marks
            .partition_point(|&(_, chars)| chars as usize <= n)
            - 1;
        let (byte, chars) = self.marks[k];
        self.text[byte as usize..]
            .char_indices()
            .nth(n - chars as usize)
            .map_or(self.text.len(), |(i, _)| byte as usize + i)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line index holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 1-based `line` starts (clamped to the end of the text).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .map_or(self.text.len(), |&s| s as usize)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self.line_start(line + 1).min(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte range of `span`, kept inside the text and on character boundaries (widened
    /// to the characters it cuts), so that slicing the text with it never panics.
    pub fn clamp(&self, span: Span) -> std::ops::Range<usize> {
        let text = self.text.as_str();
        let start = floor_char_boundary(text, (span.start as usize).min(text.len()));
        let mut end = (span.end as usize).clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let col = if offset - start <= MARK_BYTES {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        LineCol {
            line: line + 1,
            col: col + 1,
        }
    }

    /// Byte offset of a 1-based `line` and 0-based character column `col`, as the YAML
    /// parser reports them. Positions past the end of a line or of the text are clamped.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let start = self.line_start(line);
        if self.ascii {
            return (start + col).min(self.text.len());
        }
        if col <= MARK_BYTES {
            let rest = &self.text[start..];
            return rest
                .char_indices()
                .nth(col)
                .map_or(self.text.len(), |(i, _)| start + i);
        }
        self.byte_of_char(self.chars_before(start) + col)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// All the files of one run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId::try_from(self.files.len()).expect("fewer than 4 billion files");
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        (0..).zip(&self.files)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("a.yaml", "a.yaml", "fr: Entité\nid: x\n".into());
        let off = f.text.find("x").unwrap();
        assert_eq!(f.line_col(off), LineCol { line: 2, col: 5 });
        let after = f.text.find('\n').unwrap();
        assert_eq!(f.line_col(after), LineCol { line: 1, col: 11 });
        assert_eq!(f.offset(1, 10), after);
        assert_eq!(f.offset(2, 4), off);
    }

    #[test]
    fn positions_far_into_a_long_line_convert_both_ways() {
        // Three bytes a character, 20,000 characters on one line, then a second line.
        let text = format!("{}\nab", "€".repeat(20_000));
        let f = SourceFile::new("a.yaml", "a.yaml", text.clone());
        for col in [0, 1, 341, 342, 343, 1024, 5000, 19_999, 20_000] {
            let byte = f.offset(1, col);
            assert_eq!(byte, 3 * col);
            assert_eq!(
                f.line_col(byte),
                LineCol {
                    line: 1,
                    col: col + 1
                }
            );
        }
        assert_eq!(f.offset(2, 1), text.len() - 1);
        assert_eq!(f.line_col(text.len() - 1), LineCol { line: 2, col: 2 });
        // Past the end of the line, the walk goes on into the next one, as before.
        assert_eq!(f.offset(1, 20_002), text.len() - 1);
        assert_eq!(f.offset(1, 99_999), text.len());
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let f = SourceFile::new("a.yaml", "a.yaml", "ab".into());
        assert_eq!(f.offset(5, 0), 2);
        assert_eq!(f.line_col(99), LineCol { line: 1, col: 3 });
        assert_eq!(f.line_text(1), "ab");
    }
}
