//! `check` on a records tree made from the fuzzer's bytes (several files; see `src/lib.rs`),
//! with the shipped schemas, and its report in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| roster_fuzz::check(data));
