//! The fast reader (`src/yaml_fast.rs`) against `saphyr-parser`: on every document the fast
//! reader accepts, it must give the same events with the same spans; on a document
//! `saphyr-parser` rejects, it must give up. Documents are generated from a seeded random
//! generator (record-like structures in many spellings, then damaged at random), so the run is
//! the same every time.

// The comparison is shared with the fuzz target of the YAML readers (fuzz/).
#[path = "common/readers.rs"]
mod readers;
use readers::{agree, fast};

/// xorshift64*: small, seeded, good enough to pick spellings. A `tame` generator picks only
/// from the first, ordinary half of each list and rarely adds oddities, so that many documents
/// stay inside the fast reader's subset.
struct Rng {
    state: u64,
    tame: bool,
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let n = if self.tame {
            items.len().div_ceil(2)
        } else {
            items.len()
        };
        items[self.below(n)]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// An oddity: as likely as `percent` when wild, a tenth of that when tame.
    fn odd(&mut self, percent: usize) -> bool {
        let scale = if self.tame { 10 } else { 1 };
        self.below(100 * scale) < percent
    }
}

const PLAIN: &[&str] = &[
    "iom",
    "x y",
    "2010-07-01",
    "2010",
    "014",
    "no",
    "1.5",
    "Synthetic Member 12",
    "Entité",
    "a,b",
    "a:b",
    "http://example.org/a?b=c",
    "it's",
    "null",
    "~",
    "true",
    "x]",
    "x}",
    "a#b",
    "yes",
    "0x1F",
    "1_000",
    "-7",
    "- a",
    "#x",
    "a #c",
    "? q",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "@x",
    "%x",
    "`x",
    "a: b",
    "a:",
    "",
    ".inf",
];

const KEYS: &[&str] = &[
    "id", "name", "en", "fr", "start", "end", "chair", "sources", "note", "2010", "a b",
    "'quoted'", "\"dq\"", "'it''s'", "ké", "k:", "#k", "- k", "[k]", "k#", "id", "<<",
];

fn scalar(rng: &mut Rng) -> String {
    let text = rng.pick(PLAIN);
    if rng.odd(10) {
        // an escape, or a quote left open
        return if rng.chance(50) {
            format!("\"{text}\\n\"")
        } else {
            format!("'{text}")
        };
    }
    match rng.below(10) {
        0 => format!("'{}'", text.replace('\'', "''")),
        1 => format!("\"{text}\""),
        _ => text.to_string(),
    }
}

fn flow(rng: &mut Rng, depth: usize) -> String {
    let sep = rng.pick(&[", ", ", ", ", ", ",", " , ", ",  "]);
    let n = rng.below(4);
    let mapping = rng.chance(50);
    let mut parts = Vec::new();
    for _ in 0..n {
        let value = if depth < 2 && rng.chance(20) {
            flow(rng, depth + 1)
        } else {
            scalar(rng)
        };
        if mapping {
            let colon = rng.pick(&[": ", ": ", ":", ":  "]);
            parts.push(format!("{}{colon}{value}", rng.pick(KEYS)));
        } else {
            parts.push(value);
        }
    }
    let inner = parts.join(sep);
    let (open, close) = if mapping { ("{", "}") } else { ("[", "]") };
    let pad = if rng.odd(10) { " " } else { "" };
    format!("{open}{pad}{inner}{pad}{close}")
}

fn trailer(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "",
        "",
        "",
        "  ",
        " # note",
        "  # roster: allow T002 -- coarse",
        "#x",
    ])
}

fn inline(rng: &mut Rng, depth: usize) -> String {
    if rng.chance(30) {
        flow(rng, depth)
    } else {
        scalar(rng)
    }
}

/// A block node at `indent`, as lines; the first line's own indentation is left to the caller
/// when `inline_first` (for `- key: value` items).
fn block(rng: &mut Rng, indent: usize, depth: usize, out: &mut Vec<String>, inline_first: bool) {
    let pad = " ".repeat(indent);
    let step = rng.pick(&["  ", "  ", "    ", " "]).len();
    let sequence = rng.chance(40);
    let count = 1 + rng.below(4);
    for i in 0..count {
        let lead = if i == 0 && inline_first { "" } else { &pad };
        if rng.chance(8) {
            out.push(format!("{}# comment", " ".repeat(rng.below(indent + 3))));
        }
        if rng.chance(5) {
            out.push(String::new());
        }
        if sequence {
            let dash = rng.pick(&["- ", "- ", "-   ", "-"]);
            if depth < 4 && rng.chance(35) {
                // - key: value, the mapping continuing under the first key
                let mut lines = Vec::new();
                block_mapping(rng, indent + dash.len().max(2), depth + 1, &mut lines, true);
                let first = lines.remove(0);
                out.push(format!(
                    "{lead}{}{first}",
                    if dash == "-" { "- " } else { dash }
                ));
                out.extend(lines);
            } else if depth < 4 && rng.chance(15) {
                out.push(format!("{lead}-{}", trailer(rng)));
                block(rng, indent + step, depth + 1, out, false);
            } else {
                out.push(format!(
                    "{lead}{dash}{}{}",
                    inline(rng, depth),
                    trailer(rng)
                ));
            }
        } else {
            let key = rng.pick(KEYS);
            let colon = rng.pick(&[": ", ": ", ":  ", ":"]);
            if depth < 4 && rng.chance(35) {
                out.push(format!("{lead}{key}:{}", trailer(rng)));
                let child = if rng.chance(30) {
                    indent
                } else {
                    indent + step
                };
                if child == indent {
                    // an indentless sequence
                    let n = 1 + rng.below(3);
                    for _ in 0..n {
                        out.push(format!("{pad}- {}{}", inline(rng, depth), trailer(rng)));
                    }
                } else {
                    block(rng, child, depth + 1, out, false);
                }
            } else {
                out.push(format!(
                    "{lead}{key}{colon}{}{}",
                    inline(rng, depth),
                    trailer(rng)
                ));
            }
        }
        if rng.odd(5) {
            // a continuation line, as in a multi-line plain scalar
            out.push(format!(
                "{}more words",
                " ".repeat(indent + 1 + rng.below(3))
            ));
        }
    }
}

fn block_mapping(
    rng: &mut Rng,
    indent: usize,
    depth: usize,
    out: &mut Vec<String>,
    inline_first: bool,
) {
    let pad = " ".repeat(indent);
    let count = 1 + rng.below(4);
    for i in 0..count {
        let lead = if i == 0 && inline_first { "" } else { &pad };
        let key = rng.pick(KEYS);
        if depth < 4 && rng.chance(25) {
            out.push(format!("{lead}{key}:"));
            block(rng, indent + 2, depth + 1, out, false);
        } else {
            out.push(format!(
                "{lead}{key}: {}{}",
                inline(rng, depth),
                trailer(rng)
            ));
        }
    }
}

/// Damages a document the way an editor (or a bad copy) might: a character in, a character
/// out, a tab, a control character.
fn damage(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(2) {
        let at = rng.below(chars.len() + 1);
        match rng.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                let odd = [
                    '\t', '\'', '"', ':', '#', '-', '[', '{', ' ', '\n', '\r', '\0', '\u{1}',
                    '\u{feff}', '\u{85}',
                ];
                chars.insert(at, odd[rng.below(odd.len())]);
            }
            2 => chars.insert(at, ' '),
            _ => chars.insert(at, '\n'),
        }
    }
    chars.into_iter().collect()
}

fn document(rng: &mut Rng) -> String {
    let mut lines = Vec::new();
    if rng.chance(30) {
        lines.push("# yaml-language-server: $schema=../schemas/chairs.schema.json".to_string());
    }
    block(rng, 0, 0, &mut lines, false);
    let mut text = lines.join("\n");
    if rng.chance(85) {
        text.push('\n');
    }
    if rng.chance(10) {
        text.push_str("\n# trailing comment\n\n");
    }
    text
}

#[test]
fn the_fast_reader_agrees_with_saphyr_on_generated_documents() {
    let mut rng = Rng {
        state: 0x9e37_79b9_7f4a_7c15,
        tame: false,
    };
    let (mut accepted, mut damaged_accepted, total) = (0, 0, 20_000);
    for i in 0..total {
        rng.tame = i % 2 == 0;
        let text = document(&mut rng);
        if agree(&text) {
            accepted += 1;
        }
        let broken = damage(&mut rng, &text);
        if agree(&broken) {
            damaged_accepted += 1;
        }
    }
    // The generator must exercise the fast path, not only the fallback.
    assert!(
        accepted > total / 10,
        "only {accepted} of {total} documents took the fast path"
    );
    assert!(
        damaged_accepted > total / 20,
        "only {damaged_accepted} damaged documents took the fast path"
    );
}

#[test]
fn record_shaped_files_take_the_fast_path() {
    let chairs = "# comment\nchairs:\n  - {chair: m1, start: 1000-01-01, end: 1000-01-03, sources: [synthetic]}\n  - chair: iom  # roster: allow T002 -- coarse\n    start: 2007-01\n    sources:\n      - iom-gmg-page-fr\n";
    let member = "id: m00001\nname:\n  en: Synthetic Member 1\n  fr: Membre synthétique 1\njoined: 1000-01-01\nsources:\n- synthetic\n";
    for text in [chairs, member] {
        assert!(agree(text), "fell back on:\n{text}");
    }
}

#[test]
fn the_shipped_records_read_the_same_either_way() {
    let records = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let mut files = vec![];
    for entry in std::fs::read_dir(&records).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for member in std::fs::read_dir(&path).unwrap() {
                files.push(member.unwrap().path());
            }
        } else {
            files.push(path);
        }
    }
    assert!(files.len() > 20);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        agree(&text);
    }
}

#[test]
fn what_the_subset_leaves_out_falls_back() {
    for text in [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: >-\n  folded\n",
        "a: one\n  two\n",
        "a: 'one\n  two'\n",
        "a: \"tab\\t\"\n",
        "a:\tb\n",
        "a: 1\r\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\n",
        "- \n",
        "[a, b]\n",
        "a: [a,\n  b]\n",
        "? a\n: b\n",
        "# only a comment\n",
        "",
    ] {
        assert!(fast(text).is_none(), "the fast reader accepted:\n{text}");
    }
}
