//! R005 file-name-mismatch: `records/members/<name>.yaml` must hold `id: <name>`.

use super::Context;
use crate::catalogue::R005;
use crate::diag::{Certainty, Diagnostic};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for member in &context.data.members {
        let Some(id) = &member.id else { continue };
        if id.value != member.file_stem {
            out.push(
                context
                    .finding(
                        &R005,
                        Certainty::Certain,
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
