//! Reading revisions, trees, the index, blobs and history through `roster::git`, each test in a
//! repository of its own; and checking that reading never changes the repository.

use roster::load::git::{split_range, Commit, Repo};
use roster::load::workspace::Contents;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The test's own git, isolated from the machine's configuration and from any repository the
/// test runner happens to be inside.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgSign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_CEILING_DIRECTORIES")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Commits everything with a fixed date, one minute after the previous commit.
fn commit(dir: &Path, message: &str, minute: u32) {
    git(dir, &["add", "-A"]);
    let date = format!("2024-05-01T12:{minute:02}:00+02:00");
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgSign=false",
        ])
        .args(["commit", "-q", "-m", message])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository with the roster root at `root` inside the work tree (`""` for the top), and
/// four commits:
/// 1. `records/group.yaml`, `records/members/a.yaml`, `schemas/group.schema.json`
/// 2. `records/members/b.yaml` added, `a.yaml` changed
/// 3. `README.md` only
/// 4. `schemas/group.schema.json` changed
struct Fixture {
    _temp: tempfile::TempDir,
    top: PathBuf,
    root: PathBuf,
}

fn fixture(root: &str) -> Fixture {
    let temp = tempfile::tempdir().unwrap();
    let top = temp.path().join("repo");
    fs::create_dir_all(&top).unwrap();
    git(&top, &["init", "-q", "-b", "main"]);
    let root_dir = if root.is_empty() {
        top.clone()
    } else {
        top.join(root)
    };
    let at = |path: &str| {
        if root.is_empty() {
            path.to_string()
        } else {
            format!("{root}/{path}")
        }
    };
    write(&top, &at("records/group.yaml"), "name: Council\n");
    write(&top, &at("records/members/a.yaml"), "id: a\nname: Ann\n");
    write(&top, &at("schemas/group.schema.json"), "{}\n");
    write(&top, "outside.txt", "not roster's\n");
    commit(&top, "first records", 1);
    write(&top, &at("records/members/a.yaml"), "id: a\nname: Anne\n");
    write(&top, &at("records/members/b.yaml"), "id: b\nname: Bo\n");
    commit(&top, "add b, rename a", 2);
    write(&top, "README.md", "# records\n");
    commit(&top, "readme", 3);
    write(
        &top,
        &at("schemas/group.schema.json"),
        "{\"type\": \"object\"}\n",
    );
    commit(&top, "tighten the group schema", 4);
    Fixture {
        _temp: temp,
        top,
        root: root_dir,
    }
}

/// Names, sizes and modification times of everything in the repository, `.git` included.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let meta = fs::symlink_metadata(entry.path()).unwrap();
            assert!(
                !entry.file_name().to_string_lossy().ends_with(".lock"),
                "a lock file exists: {}",
                entry.path().display()
            );
            all.insert(entry.path(), (meta.len(), meta.modified().unwrap()));
            if meta.is_dir() {
                stack.push(entry.path());
            }
        }
    }
    all
}

/// Runs `read` and checks that nothing in the repository changed meanwhile.
fn unchanged<T>(top: &Path, read: impl FnOnce() -> T) -> T {
    let before = snapshot(top);
    let value = read();
    let after = snapshot(top);
    assert_eq!(before, after, "reading changed the repository");
    value
}

fn contents(repo: &Repo, files: &[(String, String)]) -> Vec<(String, String)> {
    let ids: Vec<String> = files.iter().map(|(_, id)| id.clone()).collect();
    files
        .iter()
        .zip(bytes(repo.read_blobs(&ids).unwrap()))
        .map(|((path, _), bytes)| (path.clone(), String::from_utf8(bytes).unwrap()))
        .collect()
}

/// The bytes of blobs read in full.
fn bytes(blobs: Vec<Contents>) -> Vec<Vec<u8>> {
    blobs
        .into_iter()
        .map(|contents| match contents {
            Contents::Bytes(bytes) => bytes,
            other => panic!("a blob was not read: {other:?}"),
        })
        .collect()
}

/// The files of the fixture's last commit, as git lists them.
const LAST_COMMIT_FILES: [&str; 4] = [
    "records/group.yaml",
    "records/members/a.yaml",
    "records/members/b.yaml",
    "schemas/group.schema.json",
];

#[test]
fn revisions_resolve_to_full_commit_ids() {
    let f = fixture("");
    let repo = unchanged(&f.top, || Repo::open(&f.root)).unwrap();
    let head = git(&f.top, &["rev-parse", "HEAD"]);
    let parent = git(&f.top, &["rev-parse", "HEAD~1"]);
    unchanged(&f.top, || {
        assert_eq!(repo.resolve("HEAD").unwrap(), head);
        assert_eq!(repo.resolve("main").unwrap(), head);
        assert_eq!(repo.resolve(&head[..7]).unwrap(), head);
        assert_eq!(repo.resolve("HEAD~1").unwrap(), parent);
        assert_eq!(repo.resolve(&parent).unwrap(), parent);
    });
    assert!(!repo.is_shallow());
}

#[test]
fn an_unknown_revision_is_named() {
    let f = fixture("");
    let repo = Repo::open(&f.root).unwrap();
    let error = unchanged(&f.top, || repo.resolve("mian")).unwrap_err();
    assert_eq!(error.message, "`mian` is not a revision in this repository");
    let error = repo.resolve("HEAD~9").unwrap_err();
    assert_eq!(
        error.message,
        "`HEAD~9` is not a revision in this repository"
    );
    let error = repo.resolve("HEAD:records").unwrap_err();
    assert_eq!(error.message, "`HEAD:records` names a tree, not a commit");
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused() {
    let f = fixture("");
    let repo = Repo::open(&f.root).unwrap();
    let error = unchanged(&f.top, || repo.resolve("--output=x")).unwrap_err();
    assert_eq!(
        error.message,
        "`--output=x` is not a revision: a revision cannot start with `-`"
    );
    assert!(repo.commits("-p..HEAD", &["records"]).is_err());
    assert!(repo.tree_files("-h", &["records"]).is_err());
    assert!(!f.top.join("x").exists());
}

#[test]
fn files_at_two_commits_read_back_as_committed() {
    let f = fixture("");
    let repo = Repo::open(&f.root).unwrap();
    let folders = ["records", "schemas"];
    let (first, last) = unchanged(&f.top, || {
        (
            repo.tree_files("HEAD~3", &folders).unwrap(),
            repo.tree_files("HEAD", &folders).unwrap(),
        )
    });
    let first = unchanged(&f.top, || contents(&repo, &first));
    assert_eq!(
        first,
        vec![
            ("records/group.yaml".into(), "name: Council\n".into()),
            ("records/members/a.yaml".into(), "id: a\nname: Ann\n".into()),
            ("schemas/group.schema.json".into(), "{}\n".into()),
        ]
    );
    let last = contents(&repo, &last);
    let paths: Vec<&str> = last.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, LAST_COMMIT_FILES);
    for (path, text) in &last {
        assert_eq!(&fs::read_to_string(f.root.join(path)).unwrap(), text);
    }
    // One folder only; nothing outside the folders asked for.
    let records = repo.tree_files("HEAD", &["records/members"]).unwrap();
    assert_eq!(records.len(), 2);
}

#[test]
fn symlinks_and_folders_with_similar_names_are_skipped() {
    let f = fixture("");
    write(&f.top, "records-old/x.yaml", "id: x\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("group.yaml", f.top.join("records/link.yaml")).unwrap();
    commit(&f.top, "noise", 5);
    let repo = Repo::open(&f.root).unwrap();
    let files = repo.tree_files("HEAD", &["records"]).unwrap();
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "records/group.yaml",
            "records/members/a.yaml",
            "records/members/b.yaml"
        ]
    );
}

#[test]
fn a_roster_root_in_a_subfolder_sees_paths_relative_to_itself() {
    let f = fixture("governance/council");
    let repo = unchanged(&f.top, || Repo::open(&f.root)).unwrap();
    let files = unchanged(&f.top, || repo.tree_files("HEAD", &["records", "schemas"])).unwrap();
    let read = contents(&repo, &files);
    let paths: Vec<&str> = read.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, LAST_COMMIT_FILES);
    assert_eq!(read[2].1, "id: b\nname: Bo\n");
    let index = repo.index_files(&["records", "schemas"]).unwrap();
    assert_eq!(index, files);
    let commits = repo.commits("", &["records"]).unwrap();
    let subjects: Vec<&str> = commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["add b, rename a", "first records"]);
}

#[test]
fn the_index_holds_what_was_staged() {
    let f = fixture("");
    write(&f.top, "records/members/a.yaml", "id: a\nname: Annie\n");
    git(&f.top, &["add", "records/members/a.yaml"]);
    write(&f.top, "records/members/a.yaml", "id: a\nname: Annabel\n");
    let repo = Repo::open(&f.root).unwrap();
    let index = unchanged(&f.top, || repo.index_files(&["records"])).unwrap();
    let read = unchanged(&f.top, || contents(&repo, &index));
    assert_eq!(
        read,
        vec![
            ("records/group.yaml".into(), "name: Council\n".into()),
            (
                "records/members/a.yaml".into(),
                "id: a\nname: Annie\n".into()
            ),
            ("records/members/b.yaml".into(), "id: b\nname: Bo\n".into()),
        ]
    );
    let head = repo.tree_files("HEAD", &["records"]).unwrap();
    assert_ne!(head[1].1, index[1].1);
}

#[test]
fn a_conflicted_index_names_the_file() {
    let f = fixture("");
    git(&f.top, &["checkout", "-q", "-b", "topic", "HEAD~1"]);
    write(&f.top, "records/group.yaml", "name: Topic council\n");
    commit(&f.top, "topic", 10);
    git(&f.top, &["checkout", "-q", "main"]);
    write(&f.top, "records/group.yaml", "name: Main council\n");
    commit(&f.top, "main", 11);
    let merge = Command::new("git")
        .arg("-C")
        .arg(&f.top)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "merge",
            "-q",
            "topic",
        ])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(!merge.status.success());
    let repo = Repo::open(&f.root).unwrap();
    let error = unchanged(&f.top, || repo.index_files(&["records"])).unwrap_err();
    assert!(
        error
            .message
            .starts_with("`records/group.yaml` has an unresolved merge conflict in the index"),
        "{}",
        error.message
    );
}

#[test]
fn a_thousand_blobs_come_back_in_order_from_one_call() {
    let f = fixture("");
    for i in 0..1000 {
        write(
            &f.top,
            &format!("records/members/m{i:04}.yaml"),
            &format!("id: m{i}\n{}\n", "x".repeat(i)),
        );
    }
    commit(&f.top, "a thousand members", 20);
    let repo = Repo::open(&f.root).unwrap();
    let mut files = repo.tree_files("HEAD", &["records/members"]).unwrap();
    files.retain(|(path, _)| path.starts_with("records/members/m"));
    files.reverse();
    assert_eq!(files.len(), 1000);
    let ids: Vec<String> = files.iter().map(|(_, id)| id.clone()).collect();
    let blobs = bytes(unchanged(&f.top, || repo.read_blobs(&ids)).unwrap());
    assert_eq!(blobs.len(), 1000);
    for ((path, _), bytes) in files.iter().zip(&blobs) {
        assert_eq!(&fs::read(f.top.join(path)).unwrap(), bytes);
    }
    // The same blob twice, and an empty list.
    let twice = repo.read_blobs(&[ids[0].clone(), ids[0].clone()]).unwrap();
    assert_eq!(twice[0], twice[1]);
    assert!(repo.read_blobs(&[]).unwrap().is_empty());
}

#[test]
fn a_missing_blob_is_an_error() {
    let f = fixture("");
    let repo = Repo::open(&f.root).unwrap();
    let missing = "0123456789012345678901234567890123456789".to_string();
    let files = repo.tree_files("HEAD", &["records"]).unwrap();
    let error = unchanged(&f.top, || {
        repo.read_blobs(&[files[0].1.clone(), missing.clone()])
    })
    .unwrap_err();
    assert_eq!(
        error.message,
        format!("object `{missing}` is not in this repository")
    );
    let error = repo.read_blobs(&["HEAD".to_string()]).unwrap_err();
    assert_eq!(error.message, "`HEAD` is not an object id");
}

#[test]
fn commits_are_newest_first_and_only_those_touching_the_folders() {
    let f = fixture("");
    let repo = Repo::open(&f.root).unwrap();
    let commits = unchanged(&f.top, || repo.commits("", &["records", "schemas"])).unwrap();
    let subjects: Vec<&str> = commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "tighten the group schema",
            "add b, rename a",
            "first records"
        ]
    );
    let head = git(&f.top, &["rev-parse", "HEAD"]);
    let parent = git(&f.top, &["rev-parse", "HEAD~1"]);
    assert_eq!(
        commits[0],
        Commit {
            id: head,
            parents: vec![parent],
            author: "t".into(),
            date: "2024-05-01T12:04:00+02:00".into(),
            subject: "tighten the group schema".into(),
        }
    );
    assert!(commits[2].parents.is_empty());

    let records = repo.commits("HEAD", &["records"]).unwrap();
    assert_eq!(records.len(), 2);
    let range = repo
        .commits("HEAD~3..HEAD", &["records", "schemas"])
        .unwrap();
    let subjects: Vec<&str> = range.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["tighten the group schema", "add b, rename a"]);
    let readme = repo
        .commits("HEAD~2..HEAD~1", &["records", "schemas"])
        .unwrap();
    assert!(readme.is_empty());
    let error = repo.commits("HEAD~3..mian", &["records"]).unwrap_err();
    assert_eq!(error.message, "`mian` is not a revision in this repository");
}

#[test]
fn branches_have_a_merge_base_and_merged_history_is_listed_once() {
    let f = fixture("");
    let fork = git(&f.top, &["rev-parse", "HEAD~1"]);
    git(&f.top, &["checkout", "-q", "-b", "topic", "HEAD~1"]);
    write(&f.top, "records/members/c.yaml", "id: c\n");
    commit(&f.top, "add c", 10);
    git(&f.top, &["checkout", "-q", "main"]);
    write(&f.top, "records/members/d.yaml", "id: d\n");
    commit(&f.top, "add d", 11);
    let repo = Repo::open(&f.root).unwrap();
    let base = unchanged(&f.top, || repo.merge_base("main", "topic")).unwrap();
    assert_eq!(base, fork);

    let topic = repo.commits("main..topic", &["records"]).unwrap();
    assert_eq!(topic.len(), 1);
    assert_eq!(topic[0].subject, "add c");
    let both = repo.commits("main...topic", &["records"]).unwrap();
    let mut subjects: Vec<&str> = both.iter().map(|c| c.subject.as_str()).collect();
    subjects.sort();
    assert_eq!(subjects, ["add c", "add d"]);

    git(&f.top, &["merge", "-q", "--no-edit", "topic"]);
    let merged = repo.commits("", &["records"]).unwrap();
    let subjects: Vec<&str> = merged.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects.iter().filter(|s| **s == "add c").count(), 1);
    assert!(subjects.contains(&"add d"));
    assert_eq!(*subjects.last().unwrap(), "first records");
}

#[test]
fn unrelated_histories_have_no_merge_base() {
    let f = fixture("");
    git(&f.top, &["checkout", "-q", "--orphan", "other"]);
    commit(&f.top, "orphan", 30);
    let repo = Repo::open(&f.root).unwrap();
    let error = repo.merge_base("main", "other").unwrap_err();
    assert_eq!(
        error.message,
        "`main` and `other` have no common history, so `main...other` has no merge base"
    );
}

#[test]
fn a_shallow_clone_says_how_to_fetch_the_history() {
    let f = fixture("");
    let clone = f._temp.path().join("shallow");
    let url = format!("file://{}", f.top.display());
    git(
        f._temp.path(),
        &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()],
    );
    let repo = unchanged(&clone, || Repo::open(&clone)).unwrap();
    assert!(repo.is_shallow());
    let head = git(&f.top, &["rev-parse", "HEAD"]);
    assert_eq!(repo.resolve("HEAD").unwrap(), head);
    let error = unchanged(&clone, || repo.resolve("HEAD~1")).unwrap_err();
    assert!(
        error
            .message
            .starts_with("`HEAD~1` is not a revision in this repository, which is a shallow clone"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("git fetch --unshallow"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("fetch-depth: 0"),
        "{}",
        error.message
    );
    // The history stops at the shallow commit, without an error.
    let commits = repo.commits("", &["records", "schemas"]).unwrap();
    assert_eq!(commits.len(), 1);
}

#[test]
fn a_folder_outside_any_repository_is_named() {
    let temp = tempfile::tempdir().unwrap();
    let error = Repo::open(temp.path()).unwrap_err();
    assert!(
        error.message.starts_with(&format!(
            "`{}` is not inside a git repository",
            temp.path().display()
        )),
        "{}",
        error.message
    );
    let error = Repo::open(&temp.path().join("missing")).unwrap_err();
    assert!(error.message.contains("missing"), "{}", error.message);
}

#[test]
fn an_empty_repository_has_no_revisions() {
    let temp = tempfile::tempdir().unwrap();
    git(temp.path(), &["init", "-q", "-b", "main"]);
    let repo = Repo::open(temp.path()).unwrap();
    let error = unchanged(temp.path(), || repo.resolve("HEAD")).unwrap_err();
    assert_eq!(
        error.message,
        "`HEAD` is not a revision in this repository, which has no commits yet"
    );
    assert!(repo.index_files(&["records"]).unwrap().is_empty());
}

#[test]
fn ranges_split_like_git() {
    assert_eq!(
        split_range("main...HEAD"),
        ("main".to_string(), Some("HEAD".to_string()), true)
    );
    assert_eq!(split_range("HEAD~2"), ("HEAD~2".to_string(), None, false));
}
