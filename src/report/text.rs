//! Words shared by the reports people read.

use crate::diag::Tally;

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

/// What follows a summary when some files' findings were left out (`roster check PATHS`):
/// "; 2 errors and 1 warning in other files: `roster check` without paths shows them";
/// nothing when the other files have no error or warning.
pub fn elsewhere_phrase(tally: Tally) -> String {
    if tally.errors + tally.warnings == 0 {
        return String::new();
    }
    format!(
        "; {} in other files: `roster check` without paths shows them",
        errors_and_warnings(tally)
    )
}

/// "2 errors and 1 warning", "1 warning", "0 errors".
pub fn errors_and_warnings(tally: Tally) -> String {
    match (tally.errors, tally.warnings) {
        (e, 0) => plural(e, "error", "errors"),
        (0, w) => plural(w, "warning", "warnings"),
        (e, w) => format!(
            "{} and {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
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

/// `n` with its digits in groups of three: "99,950".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(99_950), "99,950");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
