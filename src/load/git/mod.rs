//! Reading records out of git history: revisions, trees, the index, blobs and commits.
//!
//! This module owns every call to git, and it only ever reads: `roster diff` and `roster log`
//! compare revisions of the records, and a tool that checks a repository must never change it.
//! No command here refreshes the index or takes a lock (`GIT_OPTIONAL_LOCKS=0`; no `git status`,
//! no `git add`), and lazy fetches in partial clones are switched off (`GIT_NO_LAZY_FETCH=1`).
//!
//! git is called as a program, not through `gix` or `git2`: it costs nothing to build, it is
//! present wherever pre-commit hooks and CI run, and it reads every repository format and
//! extension the user's own git reads (docs/dependencies.md). Each call is a plain
//! `Command` without a shell: arguments go one by one, `--end-of-options` stands before any
//! revision, variables that would point git at another repository or inject configuration
//! (`GIT_DIR`, `GIT_CONFIG_PARAMETERS`, ...) are removed, and `LC_ALL=C` keeps git's messages in
//! the English this module matches on. Many blobs are read by one `git cat-file --batch`
//! process, so a diff of thousands of records starts one process, not thousands.
//!
//! Paths given to and returned by [`Repo`] are relative to the roster root (the folder that
//! holds `records/`), which may be a subfolder of the work tree, and always use `/`.

use crate::error::{Error, ErrorKind};
use std::ffi::OsStr;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

mod command;
mod output;

use crate::load::workspace::{Contents, MAX_FILE_BYTES};
pub use command::split_range;
use command::{
    check_revision, clean_folder, git_command, git_message, launch_error, run, run_within,
    FIRST_ANSWER, SHALLOW_HELP,
};
use output::{is_regular_file, listing, read_frames, FrameError};

/// A git work tree, seen from the roster root inside it.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The top of the work tree, as git reports it.
    top: PathBuf,
    /// The roster root relative to `top`: empty, or `sub/dir/` with a trailing slash.
    prefix: String,
    shallow: bool,
    /// The index file to read instead of the repository's own, as an absolute path: during
    /// `git commit -a` or `git commit PATHS`, a hook sees the commit in a temporary index that
    /// git names in `GIT_INDEX_FILE`.
    index_file: Option<PathBuf>,
}

/// An entry of a tree or of the index: its path from the roster root, its object id and what
/// it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitEntry {
    pub path: String,
    pub id: String,
    pub mode: EntryMode,
}

/// What git says an entry is, by its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryMode {
    /// A regular file, executable or not: its id names a blob of its bytes.
    File,
    /// A symbolic link: its id names a blob holding the path it points to.
    Symlink,
    /// A submodule: its id names a commit of another repository.
    Submodule,
    /// A mode git does not write today.
    Other,
}

impl EntryMode {
    fn of(mode: &str) -> EntryMode {
        if is_regular_file(mode) {
            EntryMode::File
        } else if mode == "120000" {
            EntryMode::Symlink
        } else if mode == "160000" {
            EntryMode::Submodule
        } else {
            EntryMode::Other
        }
    }
}

fn regular_files(entries: Vec<GitEntry>) -> Vec<(String, String)> {
    entries
        .into_iter()
        .filter(|e| e.mode == EntryMode::File)
        .map(|e| (e.path, e.id))
        .collect()
}

/// A file a commit changed: its path from the roster root, its blob before (`None`: added)
/// and after (`None`: deleted).
pub type FileChange = (String, Option<String>, Option<String>);

/// One commit, as `roster log` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    /// The commit's own parents (not the ones history simplification would rewrite them to).
    pub parents: Vec<String>,
    /// The author's name, after `.mailmap`.
    pub author: String,
    /// The author date, strict ISO 8601: `2024-05-01T12:00:00+02:00`.
    pub date: String,
    pub subject: String,
}

/// The files under `folders` of `dir` (paths relative to it, such as `["records"]`) that git
/// shows in the work tree: those in the index and those not in it that no `.gitignore`,
/// `.git/info/exclude` or `core.excludesFile` ignores (`git ls-files --cached --others
/// --exclude-standard`), as paths relative to `dir` with `/`, sorted, each once. A tracked file
/// deleted from the work tree is listed: whether a file is on disk is not asked. `None` when
/// `dir` is not in a git work tree or there is no `git` program. One git process, and no
/// `rev-parse` first: a pre-commit check waits for every process it starts.
pub fn visible_files(dir: &Path, folders: &[&str]) -> Result<Option<Vec<String>>, Error> {
    let folders = folders
        .iter()
        .map(|folder| clean_folder(folder))
        .collect::<Result<Vec<_>, _>>()?;
    let mut command = git_command(dir);
    command
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
            "--",
        ])
        .args(&folders);
    // This is the first and only git command of a check: like the first of any run, it has a
    // deadline, for a configuration (or an excludes file) that git cannot finish reading.
    let output = match run_within(command, FIRST_ANSWER) {
        Ok(Some(output)) => output,
        Ok(None) => {
            return Err(Error::git(format!(
                "git did not answer within {} s when asked which files of `{}` it shows: its configuration may name a file git cannot finish reading (an `include.path` or a `core.excludesFile` that is a named pipe or a terminal)\n\
                 help: look at the `[include]`, `[includeIf]` and `[core]` sections of the repository's `.git/config`",
                FIRST_ANSWER.as_secs(),
                dir.display()
            )))
        }
        Err(e) if e.kind == ErrorKind::NoRepository => return Ok(None),
        Err(e) => return Err(e),
    };
    if !output.status.success() {
        let message = git_message(&output.stderr);
        if message.contains("not a git repository") {
            return Ok(None);
        }
        return Err(Error::git(format!(
            "cannot list the files of the work tree at `{}`: {message}",
            dir.display()
        )));
    }
    // Without `--full-name`, git gives the paths relative to `dir`.
    let mut files: Vec<String> = output
        .stdout
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    // A file with a merge conflict is listed once per side of the conflict.
    files.sort_unstable();
    files.dedup();
    Ok(Some(files))
}

impl Repo {
    /// The repository containing `dir`; paths below are relative to `dir` (the roster root),
    /// which may be a subfolder of the work tree.
    pub fn open(dir: &Path) -> Result<Repo, Error> {
        if let Err(e) = std::fs::metadata(dir) {
            return Err(Error::io("open folder", dir, &e));
        }
        let mut command = git_command(dir);
        command.args([
            "rev-parse",
            "--is-shallow-repository",
            "--show-toplevel",
            "--show-prefix",
        ]);
        let Some(output) = run_within(command, FIRST_ANSWER)? else {
            return Err(Error::git(format!(
                "git did not answer within {} s when asked for the repository at `{}`: its configuration may name a file git cannot finish reading (an `include.path` to a named pipe or a terminal)\n\
                 help: look at the `[include]` and `[includeIf]` sections of the repository's `.git/config`",
                FIRST_ANSWER.as_secs(),
                dir.display()
            )));
        };
        if !output.status.success() {
            let message = git_message(&output.stderr);
            return Err(if message.contains("not a git repository") {
                Error::new(ErrorKind::NoRepository, format!(
                    "`{}` is not inside a git repository\n\
                     help: revisions can be compared only in a git work tree; compare two folders instead",
                    dir.display()
                ))
            } else if message.contains("must be run in a work tree") {
                Error::git(format!(
                    "`{}` is inside a git directory, not in a work tree",
                    dir.display()
                ))
            } else {
                Error::git(format!(
                    "cannot read the git repository at `{}`: {message}",
                    dir.display()
                ))
            });
        }
        let text = String::from_utf8_lossy(&output.stdout);
        // Three lines; the work tree's path, in the middle, is the only one that could hold a
        // newline.
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let parsed = text.split_once('\n').and_then(|(shallow, rest)| {
            let (top, prefix) = rest.rsplit_once('\n')?;
            Some((shallow, top, prefix))
        });
        let Some((shallow, top, prefix)) = parsed else {
            return Err(Error::git(format!(
                "cannot read the git repository at `{}`: unexpected answer from `git rev-parse`: `{}`",
                dir.display(),
                text.escape_debug()
            )));
        };
        Ok(Repo {
            top: PathBuf::from(top),
            prefix: prefix.to_string(),
            shallow: shallow == "true",
            index_file: None,
        })
    }

    /// The same repository, reading the index from `file` (an absolute path) instead of its
    /// own.
    pub fn with_index_file(self, file: Option<PathBuf>) -> Repo {
        Repo {
            index_file: file,
            ..self
        }
    }

    /// The roster root's folder in the work tree (`""` at its top, else ending in `/`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Whether the repository is a shallow clone, whose history stops at some commits.
    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    fn git(&self) -> Command {
        let mut command = git_command(&self.top);
        if let Some(file) = &self.index_file {
            command.env("GIT_INDEX_FILE", file);
        }
        command
    }

    /// Runs git in the work tree; a failure is an error starting with `what`.
    fn output<I, S>(&self, what: &str, args: I) -> Result<Vec<u8>, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.git();
        command.args(args);
        let output = run(command)?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(Error::git(format!(
                "{what}: {}",
                git_message(&output.stderr)
            )))
        }
    }

    /// Runs git with `input` on its standard input; a failure is an error starting with `what`.
    fn output_with_input(
        &self,
        what: &str,
        args: &[String],
        input: String,
    ) -> Result<Vec<u8>, Error> {
        let mut command = self.git();
        command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|e| launch_error(&e))?;
        let Some(mut stdin) = child.stdin.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::git(format!("{what}: cannot talk to git")));
        };
        // Input goes in from a thread while the output comes out here, so that neither pipe
        // can fill up and stall the other side.
        let writer = thread::spawn(move || {
            let result = stdin.write_all(input.as_bytes());
            drop(stdin);
            result
        });
        let output = child
            .wait_with_output()
            .map_err(|e| Error::git(format!("{what}: {e}")))?;
        let _ = writer.join();
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(Error::git(format!(
                "{what}: {}",
                git_message(&output.stderr)
            )))
        }
    }

    /// For each `(commit, parent)` pair, the files under `folders` that differ between the
    /// parent (or nothing, for a root commit) and the commit, as `(path, old blob, new blob)`
    /// with `None` where the file is absent. One `git diff-tree --stdin` process for all.
    pub fn changed_files(
        &self,
        pairs: &[(String, Option<String>)],
        folders: &[&str],
    ) -> Result<Vec<Vec<FileChange>>, Error> {
        let mut input = String::new();
        for (commit, parent) in pairs {
            for id in std::iter::once(commit).chain(parent) {
                if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(Error::git(format!(
                        "`{}` is not a commit id",
                        id.escape_debug()
                    )));
                }
            }
            match parent {
                Some(parent) => input.push_str(&format!("{commit} {parent}\n")),
                None => input.push_str(&format!("{commit}\n")),
            }
        }
        let (specs, cleaned) = self.pathspecs(folders)?;
        let mut args: Vec<String> = [
            "diff-tree",
            "--stdin",
            "-r",
            "-z",
            "--no-renames",
            "--root",
            "--raw",
            "--full-index",
            "--no-ext-diff",
            "--",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        args.extend(specs);
        let stdout =
            self.output_with_input("cannot list the changes of the commits", &args, input)?;
        // `<commit> NUL` starts the changes of a commit that has any, then for each file
        // `:<old mode> <new mode> <old blob> <new blob> <status> NUL <path> NUL`.
        let position: std::collections::HashMap<&str, usize> = pairs
            .iter()
            .enumerate()
            .map(|(i, (commit, _))| (commit.as_str(), i))
            .collect();
        let mut out: Vec<Vec<FileChange>> = vec![Vec::new(); pairs.len()];
        let mut current: Option<usize> = None;
        let mut tokens = stdout.split(|&b| b == 0).filter(|t| !t.is_empty());
        while let Some(token) = tokens.next() {
            let token = String::from_utf8_lossy(token);
            if let Some(meta) = token.strip_prefix(':') {
                let path = tokens
                    .next()
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .unwrap_or_default();
                let fields: Vec<&str> = meta.split(' ').collect();
                let (Some(i), [old_mode, new_mode, old, new, ..]) = (current, fields.as_slice())
                else {
                    continue;
                };
                let blob = |mode: &str, id: &str| {
                    (is_regular_file(mode) && !id.bytes().all(|b| b == b'0'))
                        .then(|| id.to_string())
                };
                let (old, new) = (blob(old_mode, old), blob(new_mode, new));
                if old.is_none() && new.is_none() {
                    continue;
                }
                if let Some(path) = self.relative(&path, &cleaned) {
                    out[i].push((path, old, new));
                }
            } else {
                current = position.get(token.trim()).copied();
            }
        }
        Ok(out)
    }

    /// The id of the tree of `folder` (relative to the roster root) at each commit, `None`
    /// where the commit has no such folder. Two commits with the same id hold the same files
    /// there, byte for byte. One `git cat-file --batch-check` process for all.
    pub fn folder_trees(
        &self,
        commits: &[String],
        folder: &str,
    ) -> Result<Vec<Option<String>>, Error> {
        if commits.is_empty() {
            return Ok(Vec::new());
        }
        let (specs, _) = self.pathspecs(&[folder])?;
        let path = specs.first().cloned().unwrap_or_default();
        if path.contains('\n') {
            return Err(Error::git(format!(
                "the folder `{}` has a line break in its path, which `git cat-file` cannot be asked about",
                path.escape_debug()
            )));
        }
        let mut input = String::new();
        for id in commits {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(Error::git(format!(
                    "`{}` is not a commit id",
                    id.escape_debug()
                )));
            }
            input.push_str(&format!("{id}:{path}\n"));
        }
        let args: Vec<String> = [
            "cat-file",
            "--batch-check=%(objectname) %(objecttype)",
            "--buffer",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        let stdout = self.output_with_input(
            "cannot find the records' folder of the commits",
            &args,
            input,
        )?;
        let text = String::from_utf8_lossy(&stdout);
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() != commits.len() {
            return Err(Error::git(
                "cannot find the records' folder of the commits: unexpected output from `git cat-file`"
                    .to_string(),
            ));
        }
        // `<id> tree` for a folder; `<request> missing` where there is none (or not a folder).
        Ok(lines
            .iter()
            .map(|line| match line.split_once(' ') {
                Some((id, "tree")) => Some(id.to_string()),
                _ => None,
            })
            .collect())
    }

    /// Full commit id of a revision (`HEAD`, `main`, `abc123`, `v1~2`), or an Error naming it
    /// (with the shallow-clone hint when the repo is shallow).
    pub fn resolve(&self, rev: &str) -> Result<String, Error> {
        check_revision(rev)?;
        let mut command = self.git();
        command
            .args(["rev-parse", "--verify", "--end-of-options"])
            .arg(format!("{rev}^{{commit}}"));
        let output = run(command)?;
        let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if output.status.success() && !id.is_empty() {
            return Ok(id);
        }
        let message = git_message(&output.stderr);
        if message.contains("is ambiguous") {
            return Err(Error::git(format!(
                "`{rev}` is ambiguous in this repository: several objects have ids that start with it\n\
                 help: give more characters of the commit id"
            )));
        }
        if let Some(kind) = self.object_kind(rev) {
            return Err(Error::git(format!("`{rev}` names a {kind}, not a commit")));
        }
        if self.shallow {
            return Err(Error::git(format!(
                "`{rev}` is not a revision in this repository, which is a shallow clone: \
                 its history may stop before that revision\n{SHALLOW_HELP}"
            )));
        }
        if self.object_kind("HEAD").is_none() {
            return Err(Error::git(format!(
                "`{rev}` is not a revision in this repository, which has no commits yet"
            )));
        }
        Err(Error::git(format!(
            "`{rev}` is not a revision in this repository"
        )))
    }

    /// The type of the object `rev` names (`tree`, `blob`, ...), if it names one.
    fn object_kind(&self, rev: &str) -> Option<String> {
        let mut command = self.git();
        command
            .args(["cat-file", "-t", "--end-of-options"])
            .arg(rev)
            .stderr(Stdio::null());
        let output = command.output().ok()?;
        let kind = String::from_utf8_lossy(&output.stdout).trim().to_string();
        (output.status.success() && !kind.is_empty()).then_some(kind)
    }

    /// The best common ancestor of two revisions, for `A...B`.
    pub fn merge_base(&self, a: &str, b: &str) -> Result<String, Error> {
        let a_id = self.resolve(a)?;
        let b_id = self.resolve(b)?;
        let mut command = self.git();
        command
            .args(["merge-base", "--end-of-options"])
            .args([&a_id, &b_id]);
        let output = run(command)?;
        let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if output.status.success() && !id.is_empty() {
            return Ok(id);
        }
        // Exit code 1 with nothing said: no common ancestor.
        if output.status.code() == Some(1) && output.stderr.is_empty() {
            return Err(if self.shallow {
                Error::git(format!(
                    "`{a}` and `{b}` have no merge base in the history of this shallow clone\n{SHALLOW_HELP}"
                ))
            } else {
                Error::git(format!(
                    "`{a}` and `{b}` have no common history, so `{a}...{b}` has no merge base"
                ))
            });
        }
        Err(Error::git(format!(
            "cannot find the merge base of `{a}` and `{b}`: {}",
            git_message(&output.stderr)
        )))
    }

    /// The pathspecs for `folders` relative to the work tree's top, and the cleaned folders
    /// relative to the roster root. No folders means the whole roster root.
    fn pathspecs(&self, folders: &[&str]) -> Result<(Vec<String>, Vec<String>), Error> {
        let mut cleaned = folders
            .iter()
            .map(|folder| clean_folder(folder))
            .collect::<Result<Vec<_>, _>>()?;
        if cleaned.is_empty() {
            cleaned.push(String::new());
        }
        let specs = cleaned
            .iter()
            .map(|folder| format!("{}{folder}", self.prefix))
            .map(|spec| spec.trim_end_matches('/').to_string())
            .filter(|spec| !spec.is_empty())
            .collect();
        Ok((specs, cleaned))
    }

    /// A path from git relative to the top, made relative to the roster root, if it is under
    /// one of the folders or is one of them (a file such as `roster.toml` may be asked for).
    fn relative(&self, path: &str, folders: &[String]) -> Option<String> {
        let path = path.strip_prefix(self.prefix.as_str())?;
        folders
            .iter()
            .any(|folder| {
                folder.is_empty()
                    || path
                        .strip_prefix(folder.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .then(|| path.to_string())
    }

    /// Files under the given folders (relative to the roster root, e.g. `["records",
    /// "schemas"]`) at a commit: (path relative to the roster root with `/`, blob id). Symlinks
    /// and submodules are skipped.
    pub fn tree_files(
        &self,
        commit: &str,
        folders: &[&str],
    ) -> Result<Vec<(String, String)>, Error> {
        Ok(regular_files(self.tree_entries(commit, folders)?))
    }

    /// Every entry under the given folders at a commit: regular files, symlinks and submodules,
    /// with their modes.
    pub fn tree_entries(&self, commit: &str, folders: &[&str]) -> Result<Vec<GitEntry>, Error> {
        let id = self.resolve(commit)?;
        let (specs, cleaned) = self.pathspecs(folders)?;
        let mut args = vec![
            "ls-tree".to_string(),
            "-r".to_string(),
            "-z".to_string(),
            "--full-tree".to_string(),
            "--end-of-options".to_string(),
            id,
            "--".to_string(),
        ];
        args.extend(specs);
        let stdout = self.output(&format!("cannot list the files of `{commit}`"), &args)?;
        let mut entries = Vec::new();
        // `<mode> SP <type> SP <id> TAB <path>`
        for ([mode, _, id], path) in listing(&stdout) {
            if let Some(path) = self.relative(&path, &cleaned) {
                entries.push(GitEntry {
                    path,
                    id,
                    mode: EntryMode::of(&mode),
                });
            }
        }
        Ok(entries)
    }

    /// The same for the index (`git ls-files -s`), for `--staged`; entries in a conflicted
    /// state are an Error naming the file.
    pub fn index_files(&self, folders: &[&str]) -> Result<Vec<(String, String)>, Error> {
        Ok(regular_files(self.index_entries(folders)?))
    }

    /// Every entry of the index under the given folders, with its mode.
    pub fn index_entries(&self, folders: &[&str]) -> Result<Vec<GitEntry>, Error> {
        let (specs, cleaned) = self.pathspecs(folders)?;
        let mut args = vec![
            "ls-files".to_string(),
            "-s".to_string(),
            "-z".to_string(),
            "--full-name".to_string(),
            "--".to_string(),
        ];
        args.extend(specs);
        let stdout = self.output("cannot list the files in the index", &args)?;
        let mut entries = Vec::new();
        // `<mode> SP <id> SP <stage> TAB <path>`
        for ([mode, id, stage], path) in listing(&stdout) {
            let Some(relative) = self.relative(&path, &cleaned) else {
                continue;
            };
            if stage != "0" {
                return Err(Error::git(format!(
                    "`{relative}` has an unresolved merge conflict in the index\n\
                     help: resolve it and `git add` the file, or compare the working tree instead of `--staged`"
                )));
            }
            entries.push(GitEntry {
                path: relative,
                id,
                mode: EntryMode::of(&mode),
            });
        }
        Ok(entries)
    }

    /// Contents of many blobs with one `git cat-file --batch` process, in the order asked. A
    /// blob over [`MAX_FILE_BYTES`] is not kept: it is [`Contents::TooLarge`], as a file on
    /// disk would be. A missing object is an Error naming it.
    pub fn read_blobs(&self, ids: &[String]) -> Result<Vec<Contents>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        if let Some(bad) = ids
            .iter()
            .find(|id| id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(Error::git(format!(
                "`{}` is not an object id",
                bad.escape_debug()
            )));
        }
        let mut command = self.git();
        command
            .args(["cat-file", "--batch", "--buffer"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|e| launch_error(&e))?;
        let (Some(mut stdin), Some(stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::git("cannot talk to `git cat-file`".to_string()));
        };
        // The ids go in from one thread while the contents come out on this one, so neither
        // pipe can fill up and stall the other side.
        let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
        let writer = thread::spawn(move || {
            let result = stdin.write_all(request.as_bytes());
            drop(stdin);
            result
        });
        let errors = thread::spawn(move || {
            let mut text = Vec::new();
            let _ = stderr.read_to_end(&mut text);
            text
        });
        let result = read_frames(BufReader::new(stdout), ids, MAX_FILE_BYTES);
        if result.is_err() {
            // Stop git early; it is our own child, killed by its handle.
            let _ = child.kill();
        }
        let written = writer.join();
        let status = child.wait();
        let stderr = errors.join().unwrap_or_default();
        let blobs = result.map_err(|e| match e {
            FrameError::Git(e) => e,
            FrameError::Io(e) => {
                let said = git_message(&stderr);
                Error::git(format!(
                    "cannot read objects with `git cat-file`: {}",
                    if said.is_empty() { e.to_string() } else { said }
                ))
            }
        })?;
        if let Ok(Err(e)) = written {
            return Err(Error::git(format!(
                "cannot send object ids to `git cat-file`: {e}"
            )));
        }
        match status {
            Ok(status) if status.success() => Ok(blobs),
            Ok(_) => Err(Error::git(format!(
                "`git cat-file` failed: {}",
                git_message(&stderr)
            ))),
            Err(e) => Err(Error::git(format!("cannot wait for `git cat-file`: {e}"))),
        }
    }

    /// Commits in `range` (`A..B`, `A...B`, a single revision meaning its history, or empty
    /// meaning `HEAD`) that touched any of `folders`, newest first.
    ///
    /// The selection is `git log -- <folders>`'s default history simplification: a merge is
    /// listed only when its folders differ from every parent's, so a branch's changes are
    /// listed once, at the commits that made them. `A...B` is git's symmetric difference:
    /// the commits on either side since the merge base.
    pub fn commits(&self, range: &str, folders: &[&str]) -> Result<Vec<Commit>, Error> {
        let range = if range.is_empty() { "HEAD" } else { range };
        let (old, new, symmetric) = split_range(range);
        let old_id = self.resolve(&old)?;
        let revisions = match &new {
            None => vec![old_id],
            Some(new) => {
                let new_id = self.resolve(new)?;
                if symmetric {
                    vec![format!("{old_id}...{new_id}")]
                } else {
                    vec![new_id, format!("^{old_id}")]
                }
            }
        };
        let (specs, _) = self.pathspecs(folders)?;
        let mut args = vec![
            "-c".to_string(),
            "log.showSignature=false".to_string(),
            "-c".to_string(),
            "log.follow=false".to_string(),
            "log".to_string(),
            "-z".to_string(),
            "--topo-order".to_string(),
            "--encoding=UTF-8".to_string(),
            "--no-color".to_string(),
            "--format=%H%x00%P%x00%aN%x00%aI%x00%s".to_string(),
            "--end-of-options".to_string(),
        ];
        args.extend(revisions);
        args.push("--".to_string());
        args.extend(specs);
        let stdout = self.output(&format!("cannot read the history of `{range}`"), &args)?;
        let text = String::from_utf8_lossy(&stdout);
        let text = text.strip_suffix('\0').unwrap_or(&text);
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let fields: Vec<&str> = text.split('\0').collect();
        if !fields.len().is_multiple_of(5) {
            return Err(Error::git(format!(
                "cannot read the history of `{range}`: unexpected output from `git log`"
            )));
        }
        Ok(fields
            .chunks(5)
            .map(|c| Commit {
                id: c[0].to_string(),
                parents: c[1].split_whitespace().map(str::to_string).collect(),
                author: c[2].to_string(),
                date: c[3].to_string(),
                subject: c[4].to_string(),
            })
            .collect())
    }
}
