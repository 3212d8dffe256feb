//! The records repository on disk: where its root is, which files it holds, and reading them.
//!
//! The layout is fixed (README, "Repository layout"), so listing it never walks an arbitrary tree:
//! `records/*.yaml` and `records/members/*.yaml`, nothing deeper. A folder or file anywhere else
//! under `records/` is listed with no kind, and the check reports it (S002). Because no folder is
//! ever descended into beyond `records/members/`, a symlink loop cannot make the listing spin; a
//! symlinked file that cannot be followed is a tool error naming the path.
//!
//! Reading a file enforces the byte-level policy: files over [`MAX_FILE_BYTES`] are not read, a
//! leading byte-order mark is dropped, and bytes that are not UTF-8 are a Y001 finding at the
//! first bad byte.

use crate::catalogue;
use crate::diag::{Diagnostic, Label};
use crate::error::{Error, ErrorKind};
use crate::load::{git, yaml};
use crate::source::{FileId, SourceFile, Sources, Span};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest record file roster reads: far above any real record file, low enough that a
/// stray 1 GB file is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The kinds of record file, each with its schema `schemas/<kind>.schema.json`. Serialised
/// as its [`Kind::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Group,
    Member,
    Chairs,
    WorkingGroups,
    Documents,
    Sources,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Group,
        Kind::Member,
        Kind::Chairs,
        Kind::WorkingGroups,
        Kind::Documents,
        Kind::Sources,
    ];

    /// The kind's name, as in its schema's file name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Group => "group",
            Kind::Member => "member",
            Kind::Chairs => "chairs",
            Kind::WorkingGroups => "working-groups",
            Kind::Documents => "documents",
            Kind::Sources => "sources",
        }
    }

    pub fn schema_file(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// The kind of a path relative to `records/`, with `/` separators.
    pub fn of(relative: &str) -> Option<Kind> {
        match relative {
            "group.yaml" => Some(Kind::Group),
            "chairs.yaml" => Some(Kind::Chairs),
            "working-groups.yaml" => Some(Kind::WorkingGroups),
            "documents.yaml" => Some(Kind::Documents),
            "sources.yaml" => Some(Kind::Sources),
            _ => relative
                .strip_prefix("members/")
                .filter(|name| name.ends_with(".yaml") && !name.contains('/') && name.len() > 5)
                .map(|_| Kind::Member),
        }
    }
}

/// The folder that holds `records/`.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    /// Where the schemas are: `<root>/schemas` unless set otherwise (the rule fixtures borrow
    /// the shipped schemas this way).
    pub schemas: PathBuf,
    /// When set ([`Workspace::seen_by_git`]), only the entries under `records/` that git shows
    /// are listed: these names, as [`RecordPath::name`] gives them (folders with a trailing
    /// `/`).
    visible: Option<HashSet<String>>,
}

/// One entry under `records/`: a file of a known kind, or anything else (`kind: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPath {
    /// As shown to the user: `records/members/iom.yaml`.
    pub name: String,
    pub path: PathBuf,
    pub kind: Option<Kind>,
    pub is_dir: bool,
}

impl Workspace {
    /// The nearest folder at or above `start` that has a `roster.toml` or a `records/` folder.
    pub fn discover(start: &Path) -> Result<Workspace, Error> {
        let start = start
            .canonicalize()
            .map_err(|e| Error::io("open folder", start, &e))?;
        start
            .ancestors()
            .find(|dir| dir.join("roster.toml").is_file() || dir.join("records").is_dir())
            .map(Workspace::new)
            .ok_or_else(|| {
                Error::new(ErrorKind::NoRecords, format!(
                    "no records repository found at or above `{}`: expected a `records/` folder or a `roster.toml` (use --root to name one)",
                    start.display()
                ))
            })
    }

    /// A workspace rooted exactly at `root`, which must have a `records/` folder.
    pub fn at(root: &Path) -> Result<Workspace, Error> {
        if !root.join("records").is_dir() {
            return Err(Error::new(
                ErrorKind::NoRecords,
                format!("`{}` has no `records/` folder", root.display()),
            ));
        }
        Ok(Workspace::new(root))
    }

    fn new(root: &Path) -> Workspace {
        Workspace {
            root: root.to_path_buf(),
            schemas: root.join("schemas"),
            visible: None,
        }
    }

    /// The same workspace seeing `records/` as git does, when the root is in a git work tree:
    /// the files in the index and the untracked ones that are not ignored, so that an editor's
    /// backup (`iom.yaml~`) or a merge's leftover (`chairs.yaml.orig`) that git ignores is not
    /// taken for a record. Outside a git work tree, or without git, the folder is read as it
    /// is; and so it is when git shows nothing under `records/`: a copy of the records in a
    /// folder that git ignores as a whole (under `target/`, say) is checked, not found empty.
    pub fn seen_by_git(self) -> Result<Workspace, Error> {
        let files = match git::visible_files(&self.root, &["records"])? {
            Some(files) if !files.is_empty() => files,
            _ => return Ok(self),
        };
        let mut visible = HashSet::new();
        for file in files {
            // Each folder that holds a visible file is visible too.
            let mut end = file.len();
            while let Some(slash) = file[..end].rfind('/') {
                if !visible.insert(file[..=slash].to_string()) {
                    break;
                }
                end = slash;
            }
            visible.insert(file);
        }
        Ok(Workspace {
            visible: Some(visible),
            ..self
        })
    }

    /// The same workspace, reading its schemas from `dir`.
    pub fn with_schemas(self, dir: &Path) -> Workspace {
        Workspace {
            schemas: dir.to_path_buf(),
            ..self
        }
    }

    pub fn records_dir(&self) -> PathBuf {
        self.root.join("records")
    }

    /// Everything under `records/`, sorted by name. Hidden entries (`.gitkeep`) are skipped.
    pub fn list(&self) -> Result<Vec<RecordPath>, Error> {
        let mut out = Vec::new();
        for (name, path, file_type) in sorted_entries(&self.records_dir())? {
            let is_dir = is_folder(&path, file_type)?;
            if is_dir && name == "members" {
                for (member, path, file_type) in sorted_entries(&path)? {
                    let is_dir = is_folder(&path, file_type)?;
                    let relative = format!("members/{member}");
                    let kind = if is_dir { None } else { Kind::of(&relative) };
                    out.push(record_path(&relative, path, kind, is_dir));
                }
            } else {
                let kind = if is_dir { None } else { Kind::of(&name) };
                out.push(record_path(&name, path, kind, is_dir));
            }
        }
        if let Some(visible) = &self.visible {
            out.retain(|entry| visible.contains(&entry.name));
        }
        Ok(out)
    }
}

fn record_path(relative: &str, path: PathBuf, kind: Option<Kind>, is_dir: bool) -> RecordPath {
    let slash = if is_dir { "/" } else { "" };
    RecordPath {
        name: format!("records/{relative}{slash}"),
        path,
        kind,
        is_dir,
    }
}

/// The entries of `dir` not starting with a dot, sorted by name, with their types as the
/// folder listing gives them (no `stat` per entry on most file systems).
fn sorted_entries(dir: &Path) -> Result<Vec<(String, PathBuf, fs::FileType)>, Error> {
    let reader = fs::read_dir(dir).map_err(|e| Error::io("list folder", dir, &e))?;
    let mut entries = Vec::new();
    for entry in reader {
        let entry = entry.map_err(|e| Error::io("list folder", dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            let file_type = entry
                .file_type()
                .map_err(|e| Error::io("read", &entry.path(), &e))?;
            entries.push((name, entry.path(), file_type));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

/// Whether `path` is a folder, following a symlink; a symlink that cannot be followed (a loop,
/// a dangling link) is an error naming it.
fn is_folder(path: &Path, file_type: fs::FileType) -> Result<bool, Error> {
    if !file_type.is_symlink() {
        return Ok(file_type.is_dir());
    }
    fs::metadata(path)
        .map(|m| m.is_dir())
        .map_err(|e| Error::io("read", path, &e))
}

/// What reading a record file gave.
#[derive(Debug)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// The file is over [`MAX_FILE_BYTES`] and was not read; its size.
    TooLarge(u64),
}

/// Reads a record file. `Err` only when the file cannot be opened or read.
pub fn read_file(path: &Path) -> Result<Contents, Error> {
    let file = fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let size = file
        .metadata()
        .map_err(|e| Error::io("read", path, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Ok(Contents::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    Ok(Contents::Bytes(bytes))
}

/// Below this many files, one thread reads them all: the pre-commit check reads a few dozen.
const PARALLEL_FILES: usize = 256;

/// Reads many record files, in order, on as many threads as the machine has cores when there
/// are enough of them: reading small files is mostly system calls, which run in parallel.
pub fn read_files(paths: &[&Path]) -> Vec<Result<Contents, Error>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || paths.len() < PARALLEL_FILES {
        return paths.iter().map(|p| read_file(p)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|p| read_file(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a reading thread panicked"))
            .collect()
    })
}

/// The Y001 finding for a file too large to read, registered as an empty file.
pub fn too_large(
    sources: &mut Sources,
    name: &str,
    path: &Path,
    size: u64,
) -> (FileId, Diagnostic) {
    let id = sources.add(SourceFile::new(name, path, String::new()));
    let d = Diagnostic::new(
        &catalogue::Y001,
        format!(
            "the file is {} MiB, over the {} MiB that roster reads",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        Label::new(id, Span::at(0), "not read"),
    )
    .with_help("split the records into smaller files, or remove the file from `records/`");
    (id, d)
}

/// Turns bytes into a source file: drops a byte-order mark and reports the first byte that is
/// not UTF-8 (keeping the text before it, and the rest decoded lossily, so it can be shown).
pub fn from_bytes(
    sources: &mut Sources,
    name: &str,
    path: &Path,
    mut bytes: Vec<u8>,
) -> (FileId, Option<Diagnostic>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (sources.add(SourceFile::new(name, path, text)), None),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let id = sources.add(SourceFile::new(name, path, text));
            let d = yaml::invalid_utf8(id, valid_up_to);
            (id, Some(d))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_layout() {
        assert_eq!(Kind::of("group.yaml"), Some(Kind::Group));
        assert_eq!(Kind::of("members/iom.yaml"), Some(Kind::Member));
        assert_eq!(Kind::of("members/iom.yml"), None);
        assert_eq!(Kind::of("members/.yaml"), None);
        assert_eq!(Kind::of("members/a/b.yaml"), None);
        assert_eq!(Kind::of("chairs.yml"), None);
        assert_eq!(Kind::of("notes.txt"), None);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_bytes_are_located() {
        let mut sources = Sources::new();
        let (id, d) = from_bytes(
            &mut sources,
            "a",
            Path::new("a"),
            b"\xEF\xBB\xBFid: x\n".to_vec(),
        );
        assert!(d.is_none());
        assert_eq!(sources.get(id).text, "id: x\n");

        let (id, d) = from_bytes(
            &mut sources,
            "b",
            Path::new("b"),
            b"id: x\nfr: \xE9t\xE9\n".to_vec(),
        );
        let d = d.unwrap();
        assert_eq!(d.rule.code, "Y001");
        let at = sources.get(id).line_col(d.primary.span.start as usize);
        assert_eq!((at.line, at.col), (2, 5));
    }
}
