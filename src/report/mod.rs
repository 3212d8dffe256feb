//! Output formats: [`check`] renders the findings of `roster check`, [`diff`] the change
//! reports of `roster diff` and `roster log`, one file per format in each; [`rule`] draws a
//! rule's explanation for `roster rule`.
//!
//! Renderers write to a caller's `io::Write` and never decide on colour themselves: the CLI
//! decides once (`--color`, `NO_COLOR`, whether stdout is a terminal) and passes the answer in
//! [`RenderOptions`]. What several formats share is here: [`text`] (counts in words) and
//! [`markdown`] (the one escaping policy for everything that goes into Markdown).

pub mod check;
pub mod diff;
pub mod markdown;
pub mod rule;
pub mod text;

#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Use ANSI colours (only the human format has any).
    pub color: bool,
    /// Show the error-level findings of a check alone: no warnings, no summary (`--quiet`;
    /// the human format only).
    pub quiet: bool,
    /// The most findings of one rule that the formats people read (human, Markdown) show, with
    /// a line saying how many more there are; 0 shows them all. The formats for machines
    /// (JSON, SARIF, JUnit, GitHub) always list every finding.
    pub max_per_rule: usize,
}

/// Enough findings of one rule to see what is wrong and where, few enough to read: 100,000
/// identical findings would otherwise print 800,000 lines.
pub const DEFAULT_MAX_PER_RULE: usize = 50;

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            color: false,
            quiet: false,
            max_per_rule: DEFAULT_MAX_PER_RULE,
        }
    }
}
