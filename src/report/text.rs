//! Words shared by the reports people read.

/// "1 file", "2 files": `n` with the noun in the singular or the plural.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
