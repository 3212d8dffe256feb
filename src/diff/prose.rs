//! Prose fields (notes, reasons, quotes, titles) compared sentence by sentence.
//!
//! A note rewritten in one place reads badly as one long word diff: the reviewer wants the
//! sentences that changed, each whole, old and new, with the changed words marked. The text is
//! cut into sentences, the two lists of sentences are aligned, and a sentence that was rewritten
//! (one that shares enough of its words with its replacement) is paired with it and compared
//! word by word; other sentences are removed or added whole.

use super::{SentenceChange, Word, WordOp};

/// Keys whose text is prose, wherever they are in a record (`/note`, `/names/0/note`,
/// `/title/fr`).
const PROSE: &[&str] = &[
    "note",
    "notes",
    "reason",
    "quote",
    "title",
    "irregular",
    "description",
];

/// Whether the field at `path` (a JSON pointer) holds prose.
pub fn is_prose(path: &str) -> bool {
    path.split('/').any(|segment| PROSE.contains(&segment))
}

/// Texts shorter than this, of one sentence each, are compared word by word in place: a title
/// changed by a word reads best as one line.
const SHORT: usize = 80;

/// Whether a change from `old` to `new` at `path` is shown sentence by sentence: prose that is
/// long or holds more than one sentence.
pub fn reads_as_prose(path: &str, old: &str, new: &str) -> bool {
    is_prose(path)
        && (old.chars().count().max(new.chars().count()) > SHORT
            || sentences(old).len() > 1
            || sentences(new).len() > 1)
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "cf", "etc", "no", "nos", "p", "pp", "vol", "art", "para", "mr", "mrs", "ms",
    "dr", "st", "v", "vs", "fig", "ed", "eds", "op", "cit", "al", "approx", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mme", "mlle",
];

/// The sentences of `text`, each without the space that follows it. A sentence ends at `.`,
/// `!`, `?` or `…` (and the closing quotes or brackets after it) followed by a space and a
/// capital letter, a digit or an opening quote or bracket; not after a single letter (an
/// initial) or a usual abbreviation.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Closing marks that belong to the sentence.
        let mut end = i + 1;
        while end < chars.len() && matches!(chars[end].1, ')' | ']' | '"' | '\'' | '»' | '”' | '’')
        {
            end += 1;
        }
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let spaced = next > end;
        let starts_sentence = chars.get(next).is_some_and(|&(_, n)| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '(' | '[' | '"' | '«' | '“' | '\'')
        });
        if spaced && starts_sentence && !(c == '.' && abbreviation(&text[start..at])) {
            let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
            out.push(text[start..end_byte].trim());
            start = chars.get(next).map_or(text.len(), |&(b, _)| b);
        }
        i = end.max(i + 1);
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether the word before a full stop at the end of `before` is an initial or an abbreviation.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '\'', '«', '“']);
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && bare.chars().count() <= 2)
        || ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// How much of two sentences is the same: the share of their characters in words kept.
fn likeness(old: &str, new: &str) -> f64 {
    let words = super::fields::words(old, new);
    let kept: usize = words
        .iter()
        .filter(|w| w.op == WordOp::Equal)
        .map(|w| w.text.trim().chars().count())
        .sum();
    let total = old.chars().count() + new.chars().count();
    if total == 0 {
        1.0
    } else {
        2.0 * kept as f64 / total as f64
    }
}

/// A sentence that shares at least this much with its replacement was rewritten, not replaced.
const REWRITTEN: f64 = 0.4;

/// The sentences that differ between two texts, in order: removed, added, or rewritten (with
/// its words). `None` when the texts have the same sentences (they differ in spacing only).
pub fn compare(old: &str, new: &str) -> Option<Vec<SentenceChange>> {
    let a = sentences(old);
    let b = sentences(new);
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut out = Vec::new();
    for op in ops {
        match op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend(a[old_index..old_index + old_len].iter().map(|s| removed(s))),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend(b[new_index..new_index + new_len].iter().map(|s| added(s))),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pair(
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
                &mut out,
            ),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Pairs each old sentence of a replaced run with the first new sentence after the last
/// paired one that is like it; new sentences passed over are added, old ones without a match
/// removed.
fn pair(old: &[&str], new: &[&str], out: &mut Vec<SentenceChange>) {
    let mut j = 0;
    for sentence in old {
        let found = (j..new.len()).find(|&k| likeness(sentence, new[k]) >= REWRITTEN);
        match found {
            Some(k) => {
                out.extend(new[j..k].iter().map(|s| added(s)));
                out.push(SentenceChange {
                    old: Some(sentence.to_string()),
                    new: Some(new[k].to_string()),
                    words: Some(super::fields::words(sentence, new[k])),
                });
                j = k + 1;
            }
            None => out.push(removed(sentence)),
        }
    }
    out.extend(new[j..].iter().map(|s| added(s)));
}

/// One side of a rewritten sentence as runs of `(changed, text)`: the words kept and those of
/// `side` (removed, for the old sentence; inserted, for the new one). Spaces between two changed
/// runs join them, so that "is left open" reads as one change, not three.
pub fn one_side(words: &[Word], side: WordOp) -> Vec<(bool, String)> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for word in words
        .iter()
        .filter(|w| w.op == WordOp::Equal || w.op == side)
    {
        let changed = word.op == side;
        match runs.last_mut() {
            Some(last) if last.0 == changed => last.1.push_str(&word.text),
            _ => runs.push((changed, word.text.clone())),
        }
    }
    let mut out: Vec<(bool, String)> = Vec::with_capacity(runs.len());
    let mut i = 0;
    while i < runs.len() {
        let (changed, text) = &runs[i];
        let between = !changed
            && text.trim().is_empty()
            && i > 0
            && runs.get(i + 1).is_some_and(|next| next.0)
            && out.last().is_some_and(|last: &(bool, String)| last.0);
        if between {
            let last = out.last_mut().expect("checked above");
            last.1.push_str(text);
            last.1.push_str(&runs[i + 1].1);
            i += 2;
        } else {
            out.push((*changed, text.clone()));
            i += 1;
        }
    }
    out
}

fn removed(sentence: &str) -> SentenceChange {
    SentenceChange {
        old: Some(sentence.to_string()),
        new: None,
        words: None,
    }
}

fn added(sentence: &str) -> SentenceChange {
    SentenceChange {
        old: None,
        new: Some(sentence.to_string()),
        words: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_a_stop_before_a_capital_not_after_an_initial_or_abbreviation() {
        assert_eq!(
            sentences("Created in 2003 (e.g. by IOM). The page says so.  J. Smith wrote it! Vol. 3 is lost"),
            [
                "Created in 2003 (e.g. by IOM).",
                "The page says so.",
                "J. Smith wrote it!",
                "Vol. 3 is lost"
            ]
        );
        assert_eq!(
            sentences("He said \"yes.\" Then left."),
            ["He said \"yes.\"", "Then left."]
        );
        assert_eq!(
            sentences("version 1.2 of the list. ok"),
            ["version 1.2 of the list. ok"]
        );
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn a_rewritten_sentence_is_paired_and_the_others_are_whole() {
        let old = "The group met in Geneva. The sources do not say how, so the term is left open. It ended in 2010.";
        let new = "The group met in Geneva. The sources still do not say how, so the term is left open. A new sentence about something else entirely.";
        let changes = compare(old, new).unwrap();
        assert_eq!(changes.len(), 3, "{changes:?}");
        assert_eq!(
            changes[0].old.as_deref(),
            Some("The sources do not say how, so the term is left open.")
        );
        assert!(changes[0].new.as_deref().unwrap().contains("still"));
        assert!(changes[0].words.is_some());
        assert_eq!(changes[1].old.as_deref(), Some("It ended in 2010."));
        assert_eq!(changes[1].new, None);
        assert_eq!(changes[2].old, None);
        assert!(changes[2]
            .new
            .as_deref()
            .unwrap()
            .starts_with("A new sentence"));
    }

    #[test]
    fn changed_words_next_to_each_other_are_one_run() {
        let words = super::super::fields::words("the term is left open.", "the term follows it.");
        assert_eq!(
            one_side(&words, WordOp::Delete),
            [
                (false, "the term ".to_string()),
                (true, "is left open.".to_string())
            ]
        );
        assert_eq!(
            one_side(&words, WordOp::Insert),
            [
                (false, "the term ".to_string()),
                (true, "follows it.".to_string())
            ]
        );
    }

    #[test]
    fn texts_that_differ_in_spacing_only_have_no_sentence_change() {
        assert!(compare("One.  Two.", "One. Two.").is_none());
    }
}
