//! Writing the site into a folder, and nowhere else.
//!
//! The folder is the user's: roster writes into it only when it is new, empty, or was written
//! by `roster site` before, which a marker file ([`MARKER`]) says, with the list of the files
//! roster wrote. A rewrite removes the pages of the last one that are gone (a member removed
//! from the records) and only those, so the folder always holds exactly the site of the
//! records it was last written from, and a file the user put there is never touched. Links
//! inside the folder are never followed: a page whose place is a symbolic link replaces the
//! link, and a subfolder that is a link is refused, so nothing is written outside the folder.
//! The folder may not hold, or lie inside, the records.

use super::Page;
use crate::error::{Error, ErrorKind};
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file that says roster wrote a folder, and lists what it wrote.
pub const MARKER: &str = ".roster-site";

const MARKER_HEAD: &str =
    "# Written by `roster site`, which rewrites this folder: the files below are its own.\n";

/// What a write did.
#[derive(Debug, PartialEq, Eq)]
pub struct Written {
    /// Pages written.
    pub pages: usize,
    /// Pages of the previous write that the records no longer have, removed.
    pub removed: usize,
}

/// Whether `path` is a plain relative path: names only, no `..`, no root.
fn is_plain(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The absolute, resolved form of `path`, which may not exist yet (its parent must).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(parent).ok()?.join(path.file_name()?))
}

/// Writes `pages` into the folder `out`. `protected` are folders the site may neither hold nor
/// lie in (the records, the schemas).
pub fn write(out: &Path, pages: &[Page], protected: &[&Path]) -> Result<Written, Error> {
    if let Some(bad) = pages.iter().find(|p| !is_plain(&p.path)) {
        return Err(Error::new(
            ErrorKind::Io,
            format!(
                "a page has a path that is not inside the site: `{}`",
                bad.path
            ),
        ));
    }
    let shown = out.display();
    if let Some(target) = resolved(out) {
        for folder in protected {
            let Ok(folder) = fs::canonicalize(folder) else {
                continue;
            };
            if target.starts_with(&folder) || folder.starts_with(&target) {
                return Err(Error::usage(format!(
                    "`{shown}` would put the site among the records (`{}`): roster site never writes there\nhelp: give a folder outside the records, such as `_site`",
                    folder.display()
                )));
            }
        }
    }
    let previous = prepare(out)?;
    let new: BTreeSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let all: BTreeSet<&str> = new
        .iter()
        .copied()
        .chain(previous.iter().map(String::as_str))
        .collect();
    // The marker lists the old pages too until the new ones are written, so that a write cut
    // short can be run again.
    write_marker(out, &all)?;
    let mut removed = 0;
    for old in previous.iter().filter(|p| !new.contains(p.as_str())) {
        if remove_page(out, old)? {
            removed += 1;
        }
    }
    for page in pages {
        write_page(out, &page.path, &page.html)?;
    }
    write_marker(out, &new)?;
    Ok(Written {
        pages: pages.len(),
        removed,
    })
}

/// Makes sure `out` is a folder roster may write, creating it if need be; returns the pages
/// the last write listed.
fn prepare(out: &Path) -> Result<Vec<String>, Error> {
    let shown = out.display();
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir(out).map_err(|e| Error::io("create the folder", out, &e))?;
            return Ok(Vec::new());
        }
        Err(e) => return Err(Error::io("read", out, &e)),
        Ok(_) => {}
    }
    if !out.is_dir() {
        return Err(Error::usage(format!(
            "`{shown}` exists and is not a folder: roster site writes a folder of pages\nhelp: give the name of a new or empty folder"
        )));
    }
    let mut entries = fs::read_dir(out).map_err(|e| Error::io("read the folder", out, &e))?;
    if entries.next().is_none() {
        return Ok(Vec::new());
    }
    let marker = out.join(MARKER);
    let is_marker = fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file());
    if !is_marker {
        return Err(Error::usage(format!(
            "`{shown}` is not empty and roster site did not write it (it has no `{MARKER}` file): roster site writes only into a new or empty folder, or one it wrote before\nhelp: give another folder, or empty this one"
        )));
    }
    let text = fs::read_to_string(&marker).map_err(|e| Error::io("read", &marker, &e))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && is_plain(l))
        .map(str::to_string)
        .collect())
}

fn write_marker(out: &Path, pages: &BTreeSet<&str>) -> Result<(), Error> {
    let mut text = String::from(MARKER_HEAD);
    for page in pages {
        text.push_str(page);
        text.push('\n');
    }
    write_page(out, MARKER, &text)
}

/// The folder of `path` inside `out`, each step a real folder (made if missing), never a link.
fn folder_of(out: &Path, path: &str, create: bool) -> Result<Option<PathBuf>, Error> {
    let mut folder = out.to_path_buf();
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    for part in parts {
        folder.push(part);
        match fs::symlink_metadata(&folder) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Error::usage(format!(
                    "`{}` is not a folder (a link or a file): roster site writes only inside the folder it is given",
                    folder.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                fs::create_dir(&folder).map_err(|e| Error::io("create the folder", &folder, &e))?
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io("read", &folder, &e)),
        }
    }
    Ok(Some(folder))
}

fn write_page(out: &Path, path: &str, text: &str) -> Result<(), Error> {
    folder_of(out, path, true)?;
    let file = out.join(path);
    if let Ok(m) = fs::symlink_metadata(&file) {
        if m.is_dir() {
            return Err(Error::usage(format!(
                "`{}` is a folder where roster site writes a page",
                file.display()
            )));
        }
        if m.file_type().is_symlink() {
            // Writing through the link would write wherever it points.
            fs::remove_file(&file).map_err(|e| Error::io("replace the link", &file, &e))?;
        }
    }
    fs::write(&file, text).map_err(|e| Error::io("write", &file, &e))
}

/// Removes a page of the last write; empty folders it leaves are removed too. `false` when it
/// was already gone.
fn remove_page(out: &Path, path: &str) -> Result<bool, Error> {
    let Some(folder) = folder_of(out, path, false)? else {
        return Ok(false);
    };
    let file = out.join(path);
    match fs::symlink_metadata(&file) {
        Ok(m) if !m.is_dir() => {
            fs::remove_file(&file).map_err(|e| Error::io("remove", &file, &e))?;
            if folder != out {
                // Only an empty folder goes; one the user filled stays.
                let _ = fs::remove_dir(&folder);
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> Page {
        Page {
            path: path.to_string(),
            html: html.to_string(),
        }
    }

    #[test]
    fn a_rewrite_removes_only_the_pages_that_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let first = [page("index.html", "1"), page("members/a.html", "a")];
        assert_eq!(
            write(&out, &first, &[]).unwrap(),
            Written {
                pages: 2,
                removed: 0
            }
        );
        fs::write(out.join("mine.txt"), "the user's").unwrap();
        let second = [page("index.html", "2"), page("sources/s.html", "s")];
        assert_eq!(
            write(&out, &second, &[]).unwrap(),
            Written {
                pages: 2,
                removed: 1
            }
        );
        assert!(!out.join("members").exists(), "the emptied folder goes");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert_eq!(
            fs::read_to_string(out.join("mine.txt")).unwrap(),
            "the user's"
        );
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        assert_eq!(marker, format!("{MARKER_HEAD}index.html\nsources/s.html\n"));
    }

    #[test]
    fn a_folder_roster_did_not_write_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "keep").unwrap();
        let e = write(dir.path(), &[page("index.html", "x")], &[]).unwrap_err();
        assert!(e.message.contains("roster site did not write it"), "{e}");
        assert!(!dir.path().join("index.html").exists());
    }

    #[test]
    fn a_marker_cannot_make_roster_remove_files_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir(&out).unwrap();
        fs::write(dir.path().join("precious.txt"), "keep").unwrap();
        fs::write(out.join(MARKER), "../precious.txt\n/etc/passwd\n").unwrap();
        write(&out, &[page("index.html", "x")], &[]).unwrap();
        assert!(dir.path().join("precious.txt").exists());
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_folder_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        write(&out, &[page("index.html", "x")], &[]).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("index.html"), out.join("index.html.tmp"))
            .unwrap();
        fs::remove_file(out.join("index.html")).unwrap();
        fs::rename(out.join("index.html.tmp"), out.join("index.html")).unwrap();
        write(&out, &[page("index.html", "y")], &[]).unwrap();
        assert!(
            !elsewhere.join("index.html").exists(),
            "the link was replaced"
        );
        std::os::unix::fs::symlink(&elsewhere, out.join("members")).unwrap();
        let e = write(&out, &[page("members/a.html", "a")], &[]).unwrap_err();
        assert!(e.message.contains("is not a folder"), "{e}");
        assert!(!elsewhere.join("a.html").exists());
    }

    #[test]
    fn the_site_may_not_go_among_the_records() {
        let dir = tempfile::tempdir().unwrap();
        let records = dir.path().join("records");
        fs::create_dir(&records).unwrap();
        for out in [records.join("site"), dir.path().to_path_buf()] {
            let e = write(&out, &[page("index.html", "x")], &[&records]).unwrap_err();
            assert!(e.message.contains("among the records"), "{e}");
        }
        assert!(!records.join("site").exists());
    }
}
