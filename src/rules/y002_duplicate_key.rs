use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "Y002",
    name: "duplicate-key",
    default_severity: Severity::Error,
    summary: "a mapping repeats a key",
    explanation: "\
## What it finds

A mapping that has the same key twice. Both places are shown.

## Why it matters

YAML forbids it, yet most YAML libraries silently keep the last value: two tools can read the
same file and see different data, and an edit to the first occurrence has no effect.

## Example

```yaml
id: unitar
joined: 2007-11
joined: 2007
```

## How to fix it

Keep one of the two entries. If both values are sourced, keep one and say what the other
source says in `note`.
",
    check: None,
};
