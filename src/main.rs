//! The `roster` binary: parse the arguments, run the subcommand, map the result to an exit code.
// `print!` and `eprint!` panic when their stream is closed; the CLI writes through handles
// whose errors it can ignore (`cli::to_stderr`, `cli::written`).
#![warn(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

/// Reading records allocates a great many small values (a JSON value, a span node and a model
/// entry for every key and item), and the system allocator spends a quarter of a large run in
/// malloc, free and page faults: mimalloc makes `roster diff` on 100,000 records 1.25 times
/// faster (benches/diff-scale.sh). Only the binary sets it; the library leaves the choice to
/// whoever embeds it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

fn main() -> ExitCode {
    cli::main()
}
