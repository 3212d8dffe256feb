use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "Y004",
    name: "unsupported-yaml",
    default_severity: Severity::Error,
    summary: "anchors, aliases, merge keys, tags, complex keys or several documents in one file",
    explanation: "\
## What it finds

YAML features that record files do not use: anchors (`&a`) and aliases (`*a`), merge keys
(`<<: *a`), tags (`!!str`, `!custom`), keys that are not plain text (a list or mapping used as a
key), and a second document (`---`) in one file.

## Why it matters

Records are data that people read line by line and diff across revisions. An alias makes a
value appear where it is not written (and a few nested aliases can expand to gigabytes: the
alias bomb); tags and merge keys are read differently by different libraries; a second document
is silently dropped by some readers.

## Example

```yaml
defaults: &d {language: en}
title: {<<: *d, en: Handbook}
```

## How to fix it

Write the value out in full where it is used, drop the tag, and put each document in its own
file.
",
    check: None,
};
