//! `roster site OUT`: the static website of the records, read without a browser.
//!
//! The pages a reader sees first are snapshotted (the home page, a member page, a source page,
//! without their inlined style sheet, which is not content). Every page of the three records
//! trees of the repository is then read for what a browser would do with it: every link inside
//! the site must reach a written file and, with a fragment, an element of that file; nothing
//! may be loaded from anywhere (no script, no style sheet, no image, no frame); only `<a>` may
//! point at the web, for a source's address. The folder rules are tried: a folder roster did
//! not write, a file, a folder among the records are refused with exit 2 and left as they were.
//! `tests/browser/` opens the same pages in a real browser.

mod common;
use common::{manifest_dir, roster, Tree};
use regex::Regex;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Runs `roster site OUT` on the records at `root`; returns the pages, by path in the site.
fn site(root: &Path, out: &Path) -> BTreeMap<String, String> {
    let run = roster(root, &["site", out.to_str().unwrap()]);
    run.assert_code(0);
    assert!(run.stdout.starts_with("wrote "), "{}", run.stdout);
    assert_eq!(run.stderr, "");
    read_tree(out)
}

/// Every file under `dir`, by its path from `dir` with `/`.
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(name, fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

/// A page without its style sheet and without the timeline picture (`roster timeline`'s, whose
/// own tests snapshot it), for snapshots.
fn without_style(html: &str) -> String {
    let style = Regex::new(r"(?s)<style>.*?</style>").unwrap();
    let picture = Regex::new(r#"(?s)<div class="timeline">\n.*?</svg>\s*</div>"#).unwrap();
    let html = style.replace(html, "<style>…</style>");
    picture
        .replace(&html, r#"<div class="timeline">…</div>"#)
        .into_owned()
}

fn shipped_site() -> (tempfile::TempDir, BTreeMap<String, String>) {
    let dir = tempfile::tempdir().unwrap();
    let pages = site(&manifest_dir(), &dir.path().join("site"));
    (dir, pages)
}

#[test]
fn the_shipped_records_make_a_home_page_a_page_per_member_and_a_page_per_source() {
    let (_dir, pages) = shipped_site();
    let members = fs::read_dir(manifest_dir().join("records/members"))
        .unwrap()
        .count();
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert!(names.contains(&"index.html"));
    assert!(names.contains(&".roster-site"));
    assert_eq!(
        names.iter().filter(|n| n.starts_with("members/")).count(),
        members
    );
    assert!(names.contains(&"members/un-women.html"));
    assert!(names.contains(&"sources/iom-gmg-page-fr.html"));
    // The timeline picture is roster timeline's, placed on the home page with its legend.
    let home = &pages["index.html"];
    assert!(home.contains("<ul class=\"legend\">"));
    assert_eq!(
        home.matches("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roster-timeline\"")
            .count(),
        1
    );
    assert_eq!(
        home.matches("<g class=\"member\" data-id=").count(),
        members
    );
    insta::assert_snapshot!("home", without_style(home));
    insta::assert_snapshot!("member_iom", without_style(&pages["members/iom.html"]));
    insta::assert_snapshot!(
        "source_unitar_board_2009",
        without_style(&pages["sources/unitar-board-2009.html"])
    );
}

#[test]
fn a_member_page_says_what_its_dates_mean() {
    let (_dir, pages) = shipped_site();
    let page = &pages["members/un-women.html"];
    assert!(page.contains("<code>2010-07-02/2010</code>"), "{page}");
    assert!(
        page.contains("Joined on some day between 2010-07-02 and 2010-12-31."),
        "{page}"
    );
    let page = &pages["members/world-bank.html"];
    assert!(
        page.contains("some day between 2006-01-01 and 2006-04-30"),
        "{page}"
    );
}

#[test]
fn the_same_records_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let first = site(&manifest_dir(), &dir.path().join("one"));
    let second = site(&manifest_dir(), &dir.path().join("two"));
    assert_eq!(first, second);
    // Written again into the same folder: the same files, nothing left over.
    let again = site(&manifest_dir(), &dir.path().join("one"));
    assert_eq!(first, again);
}

/// The examples, with the shipped records: `(name, root)`.
fn trees() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("gmg", manifest_dir()),
        ("eu-council", manifest_dir().join("examples/eu-council")),
        (
            "un-security-council",
            manifest_dir().join("examples/un-security-council"),
        ),
    ]
}

/// The value of every `name="..."` attribute of every tag named `tag` (any tag for `*`).
fn attributes<'h>(html: &'h str, name: &str) -> Vec<(&'h str, String)> {
    let pattern = Regex::new(&format!(r#"<([a-zA-Z]+)[^>]*?\s{name}\s*=\s*"([^"]*)""#)).unwrap();
    pattern
        .captures_iter(html)
        .map(|c| (c.get(1).unwrap().as_str(), c[2].replace("&amp;", "&")))
        .collect()
}

#[test]
fn every_link_inside_the_site_reaches_a_page_and_an_element_of_it() {
    for (name, root) in trees() {
        let dir = tempfile::tempdir().unwrap();
        let pages = site(&root, &dir.path().join("site"));
        let ids: BTreeMap<&str, Vec<String>> = pages
            .iter()
            .map(|(path, html)| {
                let ids = attributes(html, "id").into_iter().map(|(_, v)| v).collect();
                (path.as_str(), ids)
            })
            .collect();
        let mut checked = 0;
        for (path, html) in pages.iter().filter(|(p, _)| p.ends_with(".html")) {
            for (tag, href) in attributes(html, "href") {
                if href.starts_with("https://") || href.starts_with("http://") {
                    assert_eq!(tag, "a", "{name}: {path} loads {href}");
                    continue;
                }
                let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
                let target = if file.is_empty() {
                    path.clone()
                } else {
                    resolve(path, file)
                };
                assert!(
                    pages.contains_key(&target),
                    "{name}: {path} links to {href}, which is not written"
                );
                if !fragment.is_empty() {
                    assert!(
                        ids[target.as_str()].iter().any(|id| id == fragment),
                        "{name}: {path} links to {href}, which has no element `{fragment}`"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 100, "{name}: only {checked} links");
    }
}

/// `file`, a relative link on the page at `page`, as a path from the site's root.
fn resolve(page: &str, file: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in file.split('/') {
        match part {
            ".." => {
                assert!(parts.pop().is_some(), "{file} on {page} leaves the site");
            }
            "." => {}
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

#[test]
fn no_page_loads_anything() {
    for (name, root) in trees() {
        let dir = tempfile::tempdir().unwrap();
        let pages = site(&root, &dir.path().join("site"));
        for (path, html) in pages.iter().filter(|(p, _)| p.ends_with(".html")) {
            for tag in [
                "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import",
            ] {
                assert!(!html.contains(tag), "{name}: {path} has {tag}");
            }
            let sources = attributes(html, "src");
            assert!(sources.is_empty(), "{name}: {path} loads {sources:?}");
            // `url(#id)` paints with a pattern of the page itself; any other url() loads.
            let loads = html.matches("url(").count() - html.matches("url(#").count();
            assert_eq!(loads, 0, "{name}: {path} loads a url() in its style");
            assert!(
                html.contains(
                    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""
                ),
                "{name}: {path} has no content policy"
            );
        }
    }
}

#[test]
fn the_examples_build_with_every_chair_entry() {
    let dir = tempfile::tempdir().unwrap();
    let root = manifest_dir().join("examples/eu-council");
    let pages = site(&root, &dir.path().join("eu"));
    let home = &pages["index.html"];
    assert_eq!(home.matches("<tr id=\"chair-").count(), 146);
    let planned = Regex::new(r#"<tr id="chair-\d+" class="term planned"[^>]* data-planned="true""#);
    assert_eq!(planned.unwrap().find_iter(home).count(), 20);
    assert!(
        home.contains("<a href=\"#findings\">no problems found</a>"),
        "the EU records pass"
    );
    let members = fs::read_dir(root.join("records/members")).unwrap().count();
    assert_eq!(
        pages.keys().filter(|p| p.starts_with("members/")).count(),
        members
    );
    let root = manifest_dir().join("examples/un-security-council");
    let pages = site(&root, &dir.path().join("unsc"));
    let russia = &pages["members/russian-federation.html"];
    assert!(russia.contains("continues the seat of"), "{russia}");
    assert!(russia.contains("data-member=\"ussr\""), "{russia}");
    let ussr = &pages["members/ussr.html"];
    assert!(ussr.contains("its seat is continued by"), "{ussr}");
    let chad = &pages["members/chad.html"];
    assert!(
        chad.contains("data-joined=\"2014-01-01\" data-left=\"2015-12-31\""),
        "{chad}"
    );
}

#[test]
fn findings_are_shown_with_their_place_and_uncertain_ones_apart() {
    let tree = Tree::shipped();
    tree.replace(
        "records/members/iom.yaml",
        "founded: 1951",
        "founded: 1951-13",
    );
    let place = tree.place("records/members/iom.yaml", "1951-13", 0);
    let out = tree.path().join("site");
    // The site is written even when the check fails: it shows what the check found.
    let run = roster(tree.path(), &["site", out.to_str().unwrap()]);
    run.assert_code(0);
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let finding = Regex::new(
        r#"<li class="error"><code class="where">([^<]*)</code> <strong>error\[S001\]</strong>"#,
    )
    .unwrap();
    let shown = finding.captures(&home).unwrap_or_else(|| panic!("{home}"));
    assert_eq!(&shown[1], place);
    assert!(
        home.contains("<h3 id=\"uncertain\">Uncertain findings</h3>"),
        "{home}"
    );
    assert!(
        home.contains("1 error, no warnings, 3 uncertain findings"),
        "{home}"
    );
    // The records are as they were: only the site was written.
    assert!(tree
        .read("records/members/iom.yaml")
        .contains("founded: 1951-13"));
}

#[test]
fn a_folder_roster_did_not_write_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mine");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "my notes").unwrap();
    let run = roster(&manifest_dir(), &["site", out.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("is not empty and roster site did not write it"),
        "{}",
        run.stderr
    );
    assert_eq!(read_tree(&out).len(), 1, "nothing was written");

    let file = dir.path().join("file.html");
    fs::write(&file, "x").unwrap();
    let run = roster(&manifest_dir(), &["site", file.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("exists and is not a folder"),
        "{}",
        run.stderr
    );

    let nowhere = dir.path().join("no/such/folder");
    let run = roster(&manifest_dir(), &["site", nowhere.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: cannot create the folder"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("no").exists());
}

#[test]
fn the_site_is_never_written_among_the_records() {
    let tree = Tree::shipped();
    let before = read_tree(&tree.path().join("records"));
    for out in ["records/site", "records", "."] {
        let run = roster(tree.path(), &["site", out]);
        run.assert_code(2);
        assert!(
            run.stderr.contains("among the records"),
            "{out}: {}",
            run.stderr
        );
    }
    assert_eq!(read_tree(&tree.path().join("records")), before);
}

#[test]
fn a_rewrite_drops_the_pages_of_records_that_are_gone() {
    let tree = Tree::shipped();
    let out = tree.path().join("_site");
    let out_arg = out.to_str().unwrap();
    roster(tree.path(), &["site", out_arg]).assert_code(0);
    assert!(out.join("members/who.html").exists());
    fs::write(out.join("CNAME"), "records.example.org").unwrap();
    fs::remove_file(tree.path().join("records/members/who.yaml")).unwrap();
    let run = roster(tree.path(), &["site", out_arg]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("and removed 1 of the last write"),
        "{}",
        run.stdout
    );
    assert!(!out.join("members/who.html").exists());
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "records.example.org",
        "a file the user added stays"
    );
}

#[test]
fn markup_in_the_records_is_shown_as_text() {
    let tree = Tree::shipped();
    tree.replace(
        "records/members/iom.yaml",
        "  en: IOM\n",
        "  en: \"<b>IOM</b> & co\"\n",
    );
    tree.replace(
        "records/sources.yaml",
        "    title: Groupe mondial sur la migration\n",
        "    title: \"</title><script>alert(1)</script>\"\n",
    );
    tree.replace(
        "records/sources.yaml",
        "    url: https://www.iom.int/fr/groupe-mondial-sur-la-migration\n",
        "    url: \"javascript:alert('x')\"\n",
    );
    let out = tree.path().join("site");
    // The records now have an error (the schema rejects the address), and the site shows it.
    roster(tree.path(), &["site", out.to_str().unwrap()]).assert_code(0);
    let pages = read_tree(&out);
    for (path, html) in &pages {
        assert!(!html.contains("<script"), "{path}");
        assert!(!html.contains("<b>IOM"), "{path}");
        assert!(!html.contains("href=\"javascript"), "{path}");
    }
    let member = &pages["members/iom.html"];
    assert!(
        member.contains("&lt;b&gt;IOM&lt;/b&gt; &amp; co"),
        "{member}"
    );
    let source = &pages["sources/iom-gmg-page-fr.html"];
    assert!(
        source.contains("<code>javascript:alert(&#39;x&#39;)</code>"),
        "{source}"
    );
    assert!(
        source.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;: a source"),
        "{source}"
    );
    assert!(pages["index.html"].contains("<strong>error[S001]</strong>"));
}

#[test]
fn a_new_body_with_no_chair_yet_makes_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("asean");
    let init = roster(
        dir.path(),
        &["init", root.to_str().unwrap(), "--name", "ASEAN"],
    );
    init.assert_code(0);
    let pages = site(&root, &dir.path().join("site"));
    let home = &pages["index.html"];
    assert!(home.contains("<dd>1 member, 1 source</dd>"), "{home}");
    assert!(
        home.contains("<a href=\"#findings\">no problems found</a>"),
        "{home}"
    );
    assert_eq!(home.matches("<tr id=\"chair-").count(), 0);
    assert_eq!(pages.keys().filter(|p| p.ends_with(".html")).count(), 3);
}
