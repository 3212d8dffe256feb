use super::Rule;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    code: "Y003",
    name: "ambiguous-scalar",
    default_severity: Severity::Warning,
    summary: "a plain value that YAML 1.1 readers would read differently",
    explanation: "\
## What it finds

An unquoted value that roster reads as YAML 1.2 but that a YAML 1.1 reader (PyYAML, many
editors and older libraries) would turn into something else: `yes`, `no`, `on`, `off`, `y`,
`n` in any case become booleans; `010` becomes the octal number 8; `1_000` becomes 1000;
`1:30` becomes the number 90.

roster follows YAML 1.2: `no` stays the string `no`, `010` is the decimal integer 10 and
`1_000` is a string. Dates such as `2010-07-01` are YAML 1.1 timestamps too, but they are not
flagged: record dates are meant as dates, and roster keeps them as text.

## Why it matters

The records mean one thing only if every reader agrees. The classic case is the Norway
problem: the country code `NO` read as `false` by a YAML 1.1 library, silently.

## Example

```yaml
acronym:
  en: NO    # the country code, or false?
```

## How to fix it

Quote the value: `en: 'NO'`. If a number was meant, write it without leading zeros or
underscores.
",
    check: None,
};
