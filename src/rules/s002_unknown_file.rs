use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "S002",
    name: "unknown-file",
    default_severity: Severity::Error,
    summary: "a file under records/ that maps to no kind of record",
    explanation: "\
## What it finds

A file under `records/` that is not one of the known kinds: `group.yaml`, `chairs.yaml`,
`working-groups.yaml`, `documents.yaml`, `sources.yaml`, or `members/<id>.yaml`. A `.yml`
extension, a stray backup file or a folder that roster does not know are reported too.

## Why it matters

A file that maps to no kind is checked by nothing: its data would be published without any
of the checks the rest of the records pass.

## Example

```
records/members/iom.yml      # .yml instead of .yaml
records/member/unhcr.yaml    # member instead of members
```

## How to fix it

Rename or move the file to where its kind lives, or delete it.
",
    check: None,
};
