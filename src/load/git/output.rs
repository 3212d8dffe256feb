//! Reading what git prints: `-z` listings of trees and of the index, and the frames of
//! `git cat-file --batch`.

use crate::error::Error;
use crate::load::workspace::Contents;
use std::io::{self, BufRead, Read};

/// The entries of a `-z` listing whose lines read `<a> SP <b> SP <c> TAB <path>` (`ls-tree`
/// and `ls-files -s` both do, with different fields): the three fields and the path. A
/// malformed entry is skipped.
pub(super) fn listing(stdout: &[u8]) -> Vec<([String; 3], String)> {
    let mut out = Vec::new();
    for entry in stdout.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ').map(str::to_string);
        if let (Some(a), Some(b), Some(c)) = (meta.next(), meta.next(), meta.next()) {
            out.push(([a, b, c], path.to_string()));
        }
    }
    out
}

/// A regular file, executable or not; not a symlink (120000) or a submodule (160000).
pub(super) fn is_regular_file(mode: &str) -> bool {
    mode == "100644" || mode == "100755"
}

pub(super) enum FrameError {
    /// git said something definite about an object.
    Git(Error),
    /// The pipe broke or the output was not what `--batch` writes.
    Io(io::Error),
}

impl From<io::Error> for FrameError {
    fn from(e: io::Error) -> Self {
        FrameError::Io(e)
    }
}

/// Reads `<id> <type> <size>\n<bytes>\n` frames, one per id asked. The bytes of a blob over
/// `limit` are read past, not kept: the size in the header decides, so a huge blob costs no
/// memory.
pub(super) fn read_frames(
    mut out: impl BufRead,
    ids: &[String],
    limit: u64,
) -> Result<Vec<Contents>, FrameError> {
    let mut blobs = Vec::with_capacity(ids.len());
    let mut header = Vec::new();
    for id in ids {
        header.clear();
        out.read_until(b'\n', &mut header)?;
        if header.last() != Some(&b'\n') {
            return Err(
                io::Error::new(io::ErrorKind::UnexpectedEof, "the output ended early").into(),
            );
        }
        let line = String::from_utf8_lossy(&header[..header.len() - 1]).into_owned();
        let parts: Vec<&str> = line.split(' ').collect();
        match parts.as_slice() {
            [_, "missing"] => {
                return Err(FrameError::Git(Error::git(format!(
                    "object `{id}` is not in this repository"
                ))))
            }
            [_, "ambiguous"] => {
                return Err(FrameError::Git(Error::git(format!(
                    "object id `{id}` is ambiguous in this repository"
                ))))
            }
            [_, kind, size] => {
                let size: u64 = size.parse().map_err(|_| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("bad header `{line}`"))
                })?;
                let contents = if size > limit {
                    let skipped = io::copy(&mut (&mut out).take(size), &mut io::sink())?;
                    if skipped < size {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the output ended early",
                        )
                        .into());
                    }
                    Contents::TooLarge(size)
                } else {
                    let mut bytes = vec![0; size as usize];
                    out.read_exact(&mut bytes)?;
                    Contents::Bytes(bytes)
                };
                let mut newline = [0u8; 1];
                out.read_exact(&mut newline)?;
                if newline[0] != b'\n' {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("no newline after object `{id}`"),
                    )
                    .into());
                }
                if *kind != "blob" {
                    return Err(FrameError::Git(Error::git(format!(
                        "object `{id}` is a {kind}, not a file's contents"
                    ))));
                }
                blobs.push(contents);
            }
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("unexpected header `{line}`"),
                )
                .into())
            }
        }
    }
    Ok(blobs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_read_in_order() {
        let ids = vec!["aa".to_string(), "bb".to_string()];
        let out = b"aa blob 3\none\nbb blob 0\n\n";
        let blobs = match read_frames(&out[..], &ids, 3) {
            Ok(blobs) => blobs,
            Err(_) => panic!("frames not read"),
        };
        assert_eq!(
            blobs,
            vec![
                Contents::Bytes(b"one".to_vec()),
                Contents::Bytes(Vec::new())
            ]
        );
        // Over the limit: read past, not kept, and the next frame is still read.
        let blobs = match read_frames(&out[..], &ids, 2) {
            Ok(blobs) => blobs,
            Err(_) => panic!("frames not read"),
        };
        assert_eq!(
            blobs,
            vec![Contents::TooLarge(3), Contents::Bytes(Vec::new())]
        );
        let missing = b"aa missing\n";
        match read_frames(&missing[..], &ids, 3) {
            Err(FrameError::Git(e)) => {
                assert_eq!(e.message, "object `aa` is not in this repository")
            }
            _ => panic!("a missing object is not an error"),
        }
    }
}
