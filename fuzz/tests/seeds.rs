//! Every seed input through its target's code, without a fuzzer or sanitizers: a change to
//! roster that breaks what the targets assert fails here, in CI's early steps, rather than in
//! the minutes-long fuzz build at the end.

use std::fs;
use std::path::Path;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seeds in {}", dir.display());
    paths.iter().map(|p| fs::read(p).unwrap()).collect()
}

#[test]
fn the_check_seeds_pass_the_check_target() {
    for seed in seeds("check") {
        roster_fuzz::check(&seed);
    }
}

#[test]
fn the_diff_seeds_pass_the_diff_target() {
    for seed in seeds("diff") {
        roster_fuzz::diff(&seed);
    }
}

#[test]
fn the_seed_trees_hold_records() {
    let shipped = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/check/shipped"))
        .expect("the shipped records as one seed");
    let tree = roster_fuzz::tree(&shipped);
    assert!(tree.iter().any(|(name, _)| name == "records/group.yaml"));
    assert!(tree.len() > 10, "{} files", tree.len());
}
