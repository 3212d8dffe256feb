use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "S001",
    name: "schema-violation",
    default_severity: Severity::Error,
    summary: "the record does not match its JSON Schema",
    explanation: "\
## What it finds

A value that breaks the JSON Schema of its kind of file (`schemas/<kind>.schema.json`): an
unknown key, a missing required key, a value of the wrong type, a date that is not a date, an
id that is not lowercase kebab-case. Every violation in every file is reported, each at the key
or value it concerns.

## Why it matters

The schemas are the contract that every consumer of the records relies on, and the rules that
reason about dates and members assume it holds.

## Example

```yaml
id: iom
joined: 2003-04-31     # April has 30 days
langauge: en           # unknown key (a typo)
```

## How to fix it

Follow the message and the schema: correct the value, rename the key, add the missing one.
Editors that read the `# yaml-language-server: $schema=...` line at the top of each record
file show these errors as you type.
",
    check: None,
};
