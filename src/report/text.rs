//! Words shared by the reports people read.

/// "1 file", "2 files": `n` with the noun in the singular or the plural.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What follows a summary when uncertain findings were counted but not shown: ", and 4
/// uncertain findings: `--uncertain` lists them"; nothing when there are none.
pub fn uncertain_phrase(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => ", and 1 uncertain finding: `--uncertain` lists it".to_string(),
        n => format!(", and {n} uncertain findings: `--uncertain` lists them"),
    }
}

/// How a change report names a finding's severity: `error`, `warning`, or `uncertain` for a
/// note (an uncertain finding).
pub fn severity_word(severity: crate::diag::Severity) -> &'static str {
    match severity {
        crate::diag::Severity::Note => "uncertain",
        other => other.as_str(),
    }
}
