//! The `roster` binary: parse the arguments, run the subcommand, map the result to an exit code.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    cli::main()
}
