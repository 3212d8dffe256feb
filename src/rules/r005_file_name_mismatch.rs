//! R005 file-name-mismatch: `records/members/<name>.yaml` must hold `id: <name>`.

use super::{Context, Rule};
use crate::diag::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    code: "R005",
    name: "file-name-mismatch",
    default_severity: Severity::Error,
    summary: "a member file whose name is not its id",
    explanation: "\
## What it finds

A member record whose file name differs from its `id`: `records/members/iom.yaml` must hold
`id: iom`.

## Why it matters

People and tools find a member by its file. A file named after one id and holding another
sends readers of the change history to the wrong record, and hides a duplicate id.

## Example

```yaml
# records/members/unhcr.yaml
id: hcr
```

## How to fix it

Rename the file to `<id>.yaml`, or correct the id if the file name is the right one (ids are
never reused, so check that the old id is not cited anywhere).
",
    check: Some(check),
};

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for member in &context.data.members {
        let Some(id) = &member.id else { continue };
        if id.value != member.file_stem {
            out.push(
                context
                    .finding(
                        &RULE,
                        format!(
                            "the member in `{}.yaml` has the id `{}`",
                            member.file_stem, id.value
                        ),
                        id.at,
                        format!("expected `{}`", member.file_stem),
                    )
                    .with_help(format!(
                        "rename the file to `records/members/{}.yaml`, or set `id: {}`",
                        id.value, member.file_stem
                    )),
            );
        }
    }
}
