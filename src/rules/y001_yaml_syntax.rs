use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "Y001",
    name: "yaml-syntax",
    default_severity: Severity::Error,
    summary: "the file is not valid YAML",
    explanation: "\
## What it finds

A record file that cannot be read as YAML: a syntax error, a tab used for indentation, bytes
that are not UTF-8, an empty file, or nesting deeper than roster reads (64 levels).

## Why it matters

Nothing else can be checked in a file that cannot be read, and other tools may read a broken
file differently, or not at all.

## Example

```yaml
name:
\ten: Global Migration Group   # a tab indents this line
```

## How to fix it

Go to the line and column shown. Indent with spaces, close the quote or bracket the parser
names, save the file as UTF-8. A byte-order mark is accepted.
",
    check: None,
};
