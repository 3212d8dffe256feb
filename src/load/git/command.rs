//! How roster calls git: one place builds every command, with the environment scrubbed and the
//! options that keep git reading only what roster asks for, and turns git's failures into
//! messages.

use crate::error::{Error, ErrorKind};
use std::io::{self, Read};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Variables that make git look at another repository, object store, index or configuration
/// than the one the roster root is in. A pre-commit hook, for one, runs with `GIT_DIR` and
/// `GIT_INDEX_FILE` set.
const SCRUBBED: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_GRAFT_FILE",
    "GIT_REPLACE_REF_BASE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_LITERAL_PATHSPECS",
    "GIT_GLOB_PATHSPECS",
    "GIT_NOGLOB_PATHSPECS",
    "GIT_ICASE_PATHSPECS",
    "GIT_QUARANTINE_PATH",
];

/// The hint for a revision or merge base that a shallow clone's history lacks.
pub(super) const SHALLOW_HELP: &str = "help: fetch the full history with `git fetch --unshallow`, \
     or set `fetch-depth: 0` in the actions/checkout step of a GitHub workflow";

/// Settings given on every git command line, where they win over any configuration file,
/// the repository's own included: a repository may come from anywhere, and its configuration
/// must not make a command that only reads run a program, read a file outside the repository,
/// or touch the network. Checked with a hostile `.git/config` in `tests/hostile.rs`.
const OVERRIDES: &[&str] = &[
    // Paths are printed unquoted.
    "core.quotepath=off",
    // No fsmonitor hook is started on our behalf (`ls-files` would start one).
    "core.fsmonitor=false",
    // No hook can be found: none of the commands roster runs has one today, and none ever may.
    "core.hooksPath=/dev/null",
    // `%aN` reads a mailmap: only the repository's own `.mailmap`, a file git opens without
    // following a link, not a file or a blob the configuration names (`mailmap.file=/dev/urandom`
    // never ends).
    "mailmap.file=",
    "mailmap.blob=",
    // No transport at all, so no fetch (of a partial clone's missing objects, say) can reach
    // the network or start the ssh command, credential helper or proxy it configures.
    "protocol.allow=never",
];

/// A `git` command with the scrubbed environment and the options every call shares.
pub(super) fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        // Paths are taken literally (no globs in a folder name), and nothing goes to a pager.
        .args(["--literal-pathspecs", "--no-pager"])
        .stdin(Stdio::null());
    for setting in OVERRIDES {
        command.args(["-c", setting]);
    }
    for name in SCRUBBED {
        command.env_remove(name);
    }
    // `GIT_CONFIG_KEY_<n>` and `GIT_CONFIG_VALUE_<n>` inject configuration like
    // `GIT_CONFIG_PARAMETERS`; `GIT_CONFIG_COUNT` is removed above, these for good measure.
    for (name, _) in std::env::vars_os() {
        let name_str = name.to_string_lossy();
        if name_str.starts_with("GIT_CONFIG_KEY_") || name_str.starts_with("GIT_CONFIG_VALUE_") {
            command.env_remove(&name);
        }
    }
    command
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C");
    command
}

/// The error for `git` failing to start.
pub(super) fn launch_error(error: &io::Error) -> Error {
    if error.kind() == io::ErrorKind::NotFound {
        Error::new(
            ErrorKind::NoRepository,
            "roster needs the `git` program for revisions: `git` was not found on the PATH\n\
             help: install git, or compare two folders instead of two revisions",
        )
    } else {
        Error::git(format!(
            "roster needs the `git` program for revisions: it could not be started: {error}"
        ))
    }
}

/// Runs a command to completion, reading all its output.
pub(super) fn run(mut command: Command) -> Result<Output, Error> {
    command.output().map_err(|e| launch_error(&e))
}

/// How long the first git command of a run may take. It finds the repository, which takes
/// milliseconds; what can make it take longer is a configuration that git cannot finish
/// reading: an `include.path` naming a named pipe or a terminal, which no `-c` can override.
/// Every later command reads the same configuration, so once this one answers, they do too.
pub(super) const FIRST_ANSWER: Duration = Duration::from_secs(5);

/// Runs a command to completion like [`run`], or kills it after `deadline`: `None` then.
pub(super) fn run_within(
    mut command: Command,
    deadline: Duration,
) -> Result<Option<Output>, Error> {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|e| launch_error(&e))?;
    let started = Instant::now();
    // Both pipes are drained while waiting, so that git never waits on a full pipe. Git has
    // answered when both are closed: that is waited for, not polled, for git answers in a
    // millisecond or two, and sleeping between polls made a check wait a millisecond more.
    let (closed, closing) = mpsc::channel();
    let stdout = drain(child.stdout.take(), closed.clone());
    let stderr = drain(child.stderr.take(), closed);
    let left = || deadline.saturating_sub(started.elapsed());
    let answered = (0..2).all(|_| closing.recv_timeout(left()).is_ok());
    // Then git is exiting, or has exited: its status is polled, briefly.
    let mut pause = Duration::from_micros(20);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) if answered => break status,
            Ok(None) if answered && !left().is_zero() => {
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Ok(_) => {
                // Our own child, killed by its handle; its pipes close with it.
                let _ = child.kill();
                let _ = child.wait();
                return Ok(None);
            }
            Err(e) => return Err(Error::git(format!("cannot wait for git: {e}"))),
        }
    };
    Ok(Some(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }))
}

/// Reads a pipe to its end on a thread of its own, and says so on `closed`.
fn drain<R: Read + Send + 'static>(
    pipe: Option<R>,
    closed: mpsc::Sender<()>,
) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = closed.send(());
        bytes
    })
}

/// git's own message, without its `fatal: ` and `error: ` prefixes or its hints, on one line.
pub(super) fn git_message(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("hint:"))
        .map(|line| {
            line.strip_prefix("fatal: ")
                .or_else(|| line.strip_prefix("error: "))
                .unwrap_or(line)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A revision as given by the user must not be mistaken for an option or break a command line.
pub(super) fn check_revision(rev: &str) -> Result<(), Error> {
    if rev.is_empty() {
        return Err(Error::git("an empty revision was given".to_string()));
    }
    if rev.starts_with('-') {
        return Err(Error::git(format!(
            "`{rev}` is not a revision: a revision cannot start with `-`"
        )));
    }
    if rev.contains(['\0', '\n']) {
        return Err(Error::git(format!(
            "`{}` is not a revision: it contains a control character",
            rev.escape_debug()
        )));
    }
    Ok(())
}

/// Splits `A..B` / `A...B` into (old, new, symmetric); a plain rev gives (rev, None, false).
///
/// As in git, a missing side means `HEAD`: `main..` is `main..HEAD`.
pub fn split_range(spec: &str) -> (String, Option<String>, bool) {
    let side = |s: &str| {
        if s.is_empty() {
            "HEAD".to_string()
        } else {
            s.to_string()
        }
    };
    if let Some((old, new)) = spec.split_once("...") {
        (side(old), Some(side(new)), true)
    } else if let Some((old, new)) = spec.split_once("..") {
        (side(old), Some(side(new)), false)
    } else {
        (spec.to_string(), None, false)
    }
}

/// A folder relative to the roster root, cleaned: no leading `./`, no trailing `/`; `""` for
/// the root itself.
pub(super) fn clean_folder(folder: &str) -> Result<String, Error> {
    let cleaned: Vec<&str> = folder
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if folder.starts_with('/') || cleaned.contains(&"..") {
        return Err(Error::git(format!(
            "`{folder}` is not a folder inside the roster root"
        )));
    }
    Ok(cleaned.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn ranges_split_into_sides() {
        assert_eq!(split_range("main"), ("main".into(), None, false));
        assert_eq!(
            split_range("main..topic"),
            ("main".into(), Some("topic".into()), false)
        );
        assert_eq!(
            split_range("main...topic"),
            ("main".into(), Some("topic".into()), true)
        );
        assert_eq!(
            split_range("v1~2.."),
            ("v1~2".into(), Some("HEAD".into()), false)
        );
        assert_eq!(
            split_range("...topic"),
            ("HEAD".into(), Some("topic".into()), true)
        );
    }

    #[test]
    fn revisions_that_look_like_options_are_refused() {
        let error = check_revision("--output=/tmp/x").unwrap_err();
        assert_eq!(
            error.message,
            "`--output=/tmp/x` is not a revision: a revision cannot start with `-`"
        );
        assert!(check_revision("").is_err());
        assert!(check_revision("a\nb").is_err());
        assert!(check_revision("HEAD~1").is_ok());
    }

    #[test]
    fn the_environment_is_scrubbed() {
        let command = git_command(Path::new("."));
        let envs: Vec<(&OsStr, Option<&OsStr>)> = command.get_envs().collect();
        for name in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_NAMESPACE",
            "GIT_CEILING_DIRECTORIES",
            "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT",
        ] {
            assert!(
                envs.contains(&(OsStr::new(name), None)),
                "{name} is not removed"
            );
        }
        for (name, value) in [
            ("GIT_OPTIONAL_LOCKS", "0"),
            ("LC_ALL", "C"),
            ("GIT_NO_LAZY_FETCH", "1"),
        ] {
            assert!(envs.contains(&(OsStr::new(name), Some(OsStr::new(value)))));
        }
        assert_eq!(command.get_program(), "git");
        let args: Vec<String> = command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        for setting in [
            "core.fsmonitor=false",
            "core.hooksPath=/dev/null",
            "mailmap.file=",
            "mailmap.blob=",
            "protocol.allow=never",
        ] {
            assert!(
                args.windows(2).any(|w| w[0] == "-c" && w[1] == setting),
                "{setting} is not overridden: {args:?}"
            );
        }
    }

    #[test]
    fn a_missing_git_says_what_roster_needs() {
        let error = launch_error(&io::Error::from(io::ErrorKind::NotFound));
        assert!(error
            .message
            .starts_with("roster needs the `git` program for revisions: "));
    }

    #[test]
    fn folders_are_cleaned() {
        assert_eq!(clean_folder("records/").unwrap(), "records");
        assert_eq!(
            clean_folder("./records//members").unwrap(),
            "records/members"
        );
        assert_eq!(clean_folder(".").unwrap(), "");
        assert!(clean_folder("../elsewhere").is_err());
        assert!(clean_folder("/etc").is_err());
    }
}
