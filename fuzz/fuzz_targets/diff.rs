//! `diff` between two records trees made from the fuzzer's bytes (see `src/lib.rs`), with the
//! rules of both sides and the report in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| roster_fuzz::diff(data));
