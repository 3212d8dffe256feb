//! T007 joined-before-founded: a member cannot join before its organisation exists.
//!
//! Both dates may be coarse. `joined` is compared with `founded` on both readings: if every day
//! `joined` may mean is before every day `founded` may mean, the member certainly joined before
//! it existed (an error); if only some day is, it possibly did (a warning naming the coarse
//! date). A constituent founded after its seat joined is not reported: the seat existed, held by
//! the constituents there were.

use super::{Context, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::temporal::PartialDate;

pub static RULE: Rule = Rule {
    code: "T007",
    name: "joined-before-founded",
    default_severity: Severity::Error,
    summary: "a member admitted before its organisation existed",
    explanation: "\
## What it finds

A member whose `joined` date is before its `founded` date: the organisation was admitted to the
body before it was created.

Dates of reduced precision are read both ways. It is an error when the member certainly joined
before it was founded (`joined: 2009`, `founded: 2010-07-02`), and a warning when it only
possibly did because a coarse date leaves room (`joined: 2010`, `founded: 2010-07-02`: the
member may have joined in January, before the organisation existed, or in December, after).

## Why it matters

An organisation cannot be admitted before it exists, so one of the two dates is wrong, and so
are the member counts and chair checks that rely on `joined`.

## Example

```yaml
# records/members/un-women.yaml
joined: 2009
founded: 2010-07-02
```

## How to fix it

Check the sources for both dates and correct the wrong one. For a warning, give `joined` at a
finer precision (a month or day on or after `founded`) if a source has it; if none does, the
warning is expected: silence it on its line with `# roster: allow T007 -- reason`.
",
    check: Some(check),
};

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for member in &context.data.members {
        let (Some(id), Some(joined), Some(founded)) =
            (member.id(), &member.joined, &member.founded)
        else {
            continue;
        };
        let (j, f) = (&joined.value, &founded.value);
        let founded_label = Label::new(founded.at.file, founded.at.span, "founded here");
        if j.last_day() < f.first_day() {
            out.push(
                context
                    .finding(
                        &RULE,
                        format!("`{id}` joined {} but was founded only {}", when(j), when(f)),
                        joined.at,
                        "before the organisation existed",
                    )
                    .with_secondary(founded_label)
                    .with_help(format!(
                        "check the sources, then correct `joined` or `founded`: a member cannot join before {f}"
                    )),
            );
        } else if j.first_day() < f.last_day() {
            let mut d = context
                .finding(
                    &RULE,
                    format!(
                        "`{id}` may have joined before it was founded: joined {}, founded {}",
                        when(j),
                        when(f)
                    ),
                    joined.at,
                    format!("`{j}` may mean a day before {f}"),
                )
                .with_secondary(founded_label)
                .with_help(format!(
                    "give `joined` as a month or day on or after {f} if a source has it; otherwise silence this line with `# roster: allow T007 -- reason`"
                ));
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
}

/// `in 2010`, `in 2010-07` or `on 2010-07-02`.
fn when(date: &PartialDate) -> String {
    match date.day {
        Some(_) => format!("on {date}"),
        None => format!("in {date}"),
    }
}
