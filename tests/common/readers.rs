//! The two YAML readers compared: on every document the fast reader (`src/load/yaml_fast.rs`)
//! accepts, it must give the same events with the same spans as `saphyr-parser`; on a document
//! `saphyr-parser` rejects, it must give up. Used by `tests/yaml_fast.rs` on generated documents
//! and by the fuzz target `yaml` (`fuzz/`) on the fuzzer's.
#![allow(dead_code)] // each user takes its own part

use roster::load::yaml_fast::{self, Halt};
use roster::source::Span;
use saphyr_parser::{Event, Parser};

/// One event as compared: its debug form and its byte span, `None` where the loader does not
/// read the position (stream and document events, and the empty end span of a block
/// container, whose emptiness alone counts).
type Seen = (String, Option<(u32, u32)>);

fn normal(event: &Event, span: Span) -> Seen {
    let shown = format!("{event:?}");
    let place = match event {
        Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd => {
            None
        }
        Event::MappingEnd | Event::SequenceEnd if span.start == span.end => None,
        _ => Some((span.start, span.end)),
    };
    (shown, place)
}

/// `saphyr-parser`'s events with byte spans, or `None` when it rejects the text.
pub fn full(text: &str) -> Option<Vec<Seen>> {
    let mut bytes_at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bytes_at.push(text.len());
    let mut out = Vec::new();
    for item in Parser::new_from_str(text) {
        let (event, span) = item.ok()?;
        let span = Span::new(bytes_at[span.start.index()], bytes_at[span.end.index()]);
        out.push(normal(&event, span));
    }
    Some(out)
}

/// The fast reader's events, or `None` when it gives up.
pub fn fast(text: &str) -> Option<Vec<Seen>> {
    let mut out = Vec::new();
    match yaml_fast::read(text, &mut |event, span| {
        out.push(normal(&event, span));
        true
    }) {
        Ok(()) => Some(out),
        Err(Halt::Unsupported) => None,
        Err(Halt::Stopped) => panic!("the sink never stops"),
    }
}

/// Checks one text; returns whether the fast reader accepted it.
pub fn agree(text: &str) -> bool {
    let Some(fast) = fast(text) else {
        return false;
    };
    let full = full(text);
    assert_eq!(
        Some(&fast),
        full.as_ref(),
        "the fast reader and saphyr-parser disagree on:\n{text}\n---"
    );
    true
}
