//! R006 unexplained-silence: checked by `crate::config::apply_silences`, where silences are
//! applied.

use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "R006",
    name: "unexplained-silence",
    default_severity: Severity::Error,
    summary: "a `# roster: allow` comment without a reason, naming no rule, or silencing nothing",
    explanation: "\
## What it finds

A comment `# roster: allow CODE -- reason` that has no reason after `--`, names a code that is
not a rule, or silences no finding (a warning: the finding it was written for is gone, or the
comment is on the wrong line).

## Why it matters

A silence is a decision about the data that the next maintainer must be able to read. Without
its reason it cannot be reviewed, and a silence that silences nothing hides the next real
finding on that line.

## Example

```yaml
  - chair: unitar
    start: 2009-06   # roster: allow T005
```

## How to fix it

Say why after `--`: `# roster: allow T005 -- the term followed the 2009 vacancy`. Remove a
silence that silences nothing. The comment goes at the end of the line of the finding, or alone
on the line just above it.
",
    check: None,
};
