//! JUnit XML output, for CI systems that show test reports.
//!
//! One test suite, `roster check`, with one test case per file that was read, named by its path:
//! a file with error-level findings is a failed case, any other file a passed one, so a clean run
//! shows as every file passing. JUnit allows one failure per case, so a file with several errors
//! gets one failure that lists them all, one `file:line:col: CODE message` line each. Warnings do
//! not fail a case; they are listed in its `system-out`.
//!
//! The XML is built into a string by `quick-junit` and then written, so that an error writing to
//! `out` (a closed pipe, say) reaches the caller as the `io::Error` it is.

use super::CheckReport;
use crate::diag::{Diagnostic, Severity};
use crate::report::text::plural;
use crate::source::Sources;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::io;

const SUITE: &str = "roster check";

pub fn render(report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
    let mut by_file: Vec<Vec<&Diagnostic>> = vec![Vec::new(); report.sources.len()];
    for d in report.diagnostics {
        by_file[d.primary.file as usize].push(d);
    }
    let mut suite = TestSuite::new(SUITE);
    for ((id, file), in_file) in report.sources.iter().zip(by_file) {
        if !report.covers(id) {
            continue;
        }
        let (errors, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) = in_file
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        let (warnings, uncertain): (Vec<&Diagnostic>, Vec<&Diagnostic>) = others
            .into_iter()
            .partition(|d| d.severity == Severity::Warning);

        let status = if errors.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let message = match errors.as_slice() {
                [only] => only.message.clone(),
                _ => format!("{} errors", errors.len()),
            };
            let mut codes: Vec<&str> = Vec::new();
            for d in &errors {
                if !codes.contains(&d.rule.code) {
                    codes.push(d.rule.code);
                }
            }
            status
                .set_message(message)
                .set_type(codes.join(", "))
                .set_description(listing(report.sources, &errors));
            status
        };
        let mut case = TestCase::new(file.name.as_str(), status);
        case.set_classname(SUITE);
        // Warnings and uncertain findings do not fail the case: they go to its output.
        let mut output = Vec::new();
        for (list, one, many) in [
            (&warnings, "warning", "warnings"),
            (&uncertain, "uncertain finding", "uncertain findings"),
        ] {
            if !list.is_empty() {
                let heading = plural(list.len(), one, many);
                output.push(format!("{heading}\n{}", listing(report.sources, list)));
            }
        }
        if !output.is_empty() {
            case.set_system_out(output.join("\n"));
        }
        suite.add_test_case(case);
    }

    let mut junit = Report::new("roster");
    junit.add_test_suite(suite);
    let xml = junit.to_string().map_err(io::Error::other)?;
    out.write_all(xml.as_bytes())
}

/// One `file:line:col: CODE message` line per finding, each followed by its help, indented.
fn listing(sources: &Sources, diagnostics: &[&Diagnostic]) -> String {
    let mut lines = Vec::new();
    for d in diagnostics {
        let file = sources.get(d.primary.file);
        let at = file.line_col(d.primary.span.start as usize);
        lines.push(format!(
            "{}:{}:{}: {} {}",
            file.name, at.line, at.col, d.rule.code, d.message
        ));
        if let Some(help) = &d.help {
            lines.push(format!("  help: {help}"));
        }
    }
    lines.join("\n")
}
