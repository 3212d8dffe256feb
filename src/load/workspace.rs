//! The records repository on disk: where its root is, which files it holds, and reading them.
//!
//! The layout is fixed (README, "Repository layout"), so listing it never walks an arbitrary tree:
//! `records/*.yaml` and `records/members/*.yaml`, nothing deeper. A folder or file anywhere else
//! under `records/` is listed with no kind, and the check reports it (S002).
//!
//! Only regular files inside the root are records. The listing takes each entry's type from the
//! folder itself, without following links: a symbolic link (wherever it points), a named pipe, a
//! socket or a device is listed as [`EntryType::NotRegular`] and reported (S003), and never
//! opened. A link is never followed, so a link to `/dev/zero`, to `/proc/self/environ` or to a
//! folder above cannot make roster read forever, print what is outside the records, or walk a
//! loop.
//!
//! Reading a file enforces the byte-level policy: the file is opened without following a link
//! and without waiting on a pipe, it must still be a regular file once open, reading stops at
//! [`MAX_FILE_BYTES`] by the bytes actually read (a file's size as the system reports it is not
//! trusted), a leading byte-order mark is dropped, and bytes that are not UTF-8 are a Y001
//! finding at the first bad byte.

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
pub const MAX_FILE_BYTES: u64 = 512 * MIB;

const MIB: u64 = 1024 * 1024;

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
    /// Set only for a regular file whose name is that of a kind of record.
    pub kind: Option<Kind>,
    pub entry: EntryType,
}

/// What an entry is, as the folder that holds it says: links are not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryType {
    File,
    Folder,
    /// Anything else, which roster never opens.
    NotRegular(NotRegular),
}

/// An entry that is neither a regular file nor a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRegular {
    /// A symbolic link, with the path written in it (shown, never followed), or `None` when
    /// that could not be read.
    Symlink(Option<String>),
    Fifo,
    Socket,
    BlockDevice,
    CharDevice,
    /// A git submodule: a commit of another repository, with its id.
    Submodule(String),
    /// A type the system names but roster does not know.
    Other,
}

/// The most of a link's target a finding quotes: a target is at most 4,096 bytes on Linux, but a
/// link stored in git can be any size.
const MAX_TARGET_CHARS: usize = 200;

impl NotRegular {
    /// A link whose target is `target` (bytes as stored: a git blob, or the link on disk).
    pub fn symlink(target: &[u8]) -> NotRegular {
        let text = String::from_utf8_lossy(target);
        // Control characters are escaped, so a target cannot break a line or a format.
        let mut shown: String = text
            .chars()
            .take(MAX_TARGET_CHARS)
            .flat_map(char::escape_debug)
            .collect();
        if text.chars().nth(MAX_TARGET_CHARS).is_some() {
            shown.push_str("...");
        }
        NotRegular::Symlink(Some(shown))
    }

    /// What the entry is, in words: "a symbolic link to `/dev/zero`".
    pub fn describe(&self) -> String {
        match self {
            NotRegular::Symlink(Some(target)) => format!("a symbolic link to `{target}`"),
            NotRegular::Symlink(None) => "a symbolic link".to_string(),
            NotRegular::Fifo => "a named pipe (FIFO)".to_string(),
            NotRegular::Socket => "a socket".to_string(),
            NotRegular::BlockDevice => "a block device".to_string(),
            NotRegular::CharDevice => "a character device".to_string(),
            NotRegular::Submodule(id) => {
                format!("a git submodule (commit `{}`)", &id[..id.len().min(10)])
            }
            NotRegular::Other => "an entry of a type roster does not know".to_string(),
        }
    }
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
    /// When `records/` is itself a link, it is the one entry: nothing behind it is listed.
    pub fn list(&self) -> Result<Vec<RecordPath>, Error> {
        let records = self.records_dir();
        let meta = fs::symlink_metadata(&records).map_err(|e| Error::io("read", &records, &e))?;
        if !meta.is_dir() {
            let entry = entry_type(&records, meta.file_type());
            return Ok(vec![RecordPath {
                name: "records".to_string(),
                path: records,
                kind: None,
                entry,
            }]);
        }
        let mut out = Vec::new();
        for (name, path, file_type) in sorted_entries(&records)? {
            let entry = entry_type(&path, file_type);
            if entry == EntryType::Folder && name == "members" {
                for (member, path, file_type) in sorted_entries(&path)? {
                    let entry = entry_type(&path, file_type);
                    out.push(record_path(&format!("members/{member}"), path, entry));
                }
            } else {
                out.push(record_path(&name, path, entry));
            }
        }
        if let Some(visible) = &self.visible {
            out.retain(|entry| visible.contains(&entry.name));
        }
        Ok(out)
    }
}

fn record_path(relative: &str, path: PathBuf, entry: EntryType) -> RecordPath {
    let slash = if entry == EntryType::Folder { "/" } else { "" };
    let kind = if entry == EntryType::File {
        Kind::of(relative)
    } else {
        None
    };
    RecordPath {
        name: format!("records/{relative}{slash}"),
        path,
        kind,
        entry,
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

/// The type of the entry at `path`, from its folder listing (a link is not followed).
pub fn entry_type(path: &Path, file_type: fs::FileType) -> EntryType {
    if file_type.is_file() {
        return EntryType::File;
    }
    if file_type.is_dir() {
        return EntryType::Folder;
    }
    EntryType::NotRegular(not_regular(path, file_type))
}

fn not_regular(path: &Path, file_type: fs::FileType) -> NotRegular {
    if file_type.is_symlink() {
        // Only the link itself is read: the path written in it, at most a few KB.
        return fs::read_link(path).map_or(NotRegular::Symlink(None), |target| {
            NotRegular::symlink(target.as_os_str().as_encoded_bytes())
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return NotRegular::Fifo;
        }
        if file_type.is_socket() {
            return NotRegular::Socket;
        }
        if file_type.is_block_device() {
            return NotRegular::BlockDevice;
        }
        if file_type.is_char_device() {
            return NotRegular::CharDevice;
        }
    }
    NotRegular::Other
}

/// What reading a record file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// The file is over [`MAX_FILE_BYTES`] and was not read (or not kept); its size, or the
    /// bytes read before reading stopped.
    TooLarge(u64),
    /// The path is not a regular file once opened (it was swapped after it was listed, say);
    /// nothing was read from it.
    NotRegular(NotRegular),
}

/// Reads a record file, at most [`MAX_FILE_BYTES`]. `Err` only when the file cannot be opened
/// or read.
pub fn read_file(path: &Path) -> Result<Contents, Error> {
    read_limited(path, MAX_FILE_BYTES)
}

/// Reads a regular file of at most `limit` bytes. A link is not followed, a named pipe is not
/// waited on, and whatever the system says of the file's size, reading stops after `limit + 1`
/// bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Contents, Error> {
    let file = match open_no_follow(path) {
        Ok(file) => file,
        Err(e) => {
            // Opening a link without following it fails; say what it is rather than how the
            // opening failed.
            return match fs::symlink_metadata(path) {
                Ok(meta) if !meta.is_file() => {
                    Ok(Contents::NotRegular(not_regular(path, meta.file_type())))
                }
                _ => Err(Error::io("read", path, &e)),
            };
        }
    };
    let meta = file.metadata().map_err(|e| Error::io("read", path, &e))?;
    if !meta.is_file() {
        return Ok(Contents::NotRegular(not_regular(path, meta.file_type())));
    }
    if meta.len() > limit {
        return Ok(Contents::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    if bytes.len() as u64 > limit {
        // The file grew while it was read, or the system reported a size of 0 for a file that
        // has content (as `/proc` does): what was read is what counts.
        return Ok(Contents::TooLarge(bytes.len() as u64));
    }
    Ok(Contents::Bytes(bytes))
}

/// Opens a file for reading without following a final link and, for a named pipe, without
/// waiting for a writer (reading a regular file is unaffected by `O_NONBLOCK`).
fn open_no_follow(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
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
        if size / MIB > MAX_FILE_BYTES / MIB {
            format!(
                "the file is {} MiB, over the {} MiB that roster reads",
                size / MIB,
                MAX_FILE_BYTES / MIB
            )
        } else {
            format!(
                "the file is over the {} MiB that roster reads",
                MAX_FILE_BYTES / MIB
            )
        },
        Label::new(id, Span::at(0), "not read"),
    )
    .with_help("split the records into smaller files, or remove the file from `records/`");
    (id, d)
}

/// The S003 finding for an entry that is not a regular file or a folder, registered as an
/// empty file: nothing of it was read.
pub fn not_regular_file(
    sources: &mut Sources,
    name: &str,
    path: &Path,
    what: &NotRegular,
) -> (FileId, Diagnostic) {
    let id = sources.add(SourceFile::new(name, path, String::new()));
    let help = match what {
        NotRegular::Symlink(_) => {
            "roster never follows a link: put what it points to here instead, or remove the link"
        }
        NotRegular::Submodule(_) => {
            "records are files of this repository: put the files themselves here, or remove the submodule"
        }
        _ => "roster reads only regular files: remove it from `records/`",
    };
    let d = Diagnostic::new(
        &catalogue::S003,
        format!("`{name}` is {}, not a regular file", what.describe()),
        Label::new(id, Span::at(0), "not read"),
    )
    .with_help(help);
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
    fn reading_stops_at_the_limit_by_the_bytes_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "id: abc\n").unwrap();
        assert_eq!(
            read_limited(&path, 8).unwrap(),
            Contents::Bytes(b"id: abc\n".to_vec())
        );
        assert_eq!(read_limited(&path, 7).unwrap(), Contents::TooLarge(8));
        // The system says 0 bytes for this file, which has more: what is read counts.
        #[cfg(target_os = "linux")]
        assert_eq!(
            read_limited(Path::new("/proc/self/status"), 10).unwrap(),
            Contents::TooLarge(11)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_device_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let link_target = NotRegular::Symlink(Some("/dev/zero".to_string()));
        assert_eq!(read_file(&link).unwrap(), Contents::NotRegular(link_target));
        assert_eq!(
            read_file(Path::new("/dev/zero")).unwrap(),
            Contents::NotRegular(NotRegular::CharDevice)
        );
    }

    #[test]
    fn a_link_target_is_escaped_and_cut() {
        assert_eq!(
            NotRegular::symlink(b"a\nb`c").describe(),
            "a symbolic link to `a\\nb`c`"
        );
        let long = NotRegular::symlink("x".repeat(500).as_bytes()).describe();
        assert_eq!(long.len(), "a symbolic link to ``...".len() + 200);
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
