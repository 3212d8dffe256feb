//! The JSON export: [`Records`] as one pretty-printed document, after its format `version` and
//! the roster that wrote it. Keys come in the order of the structs' fields; every key is always
//! present (`null` or `[]` where the records say nothing), so the shape never depends on the data.

use super::{generator, Records};
use serde::Serialize;

/// Version of the JSON export's shape; see `docs/export.md`.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    generated_by: String,
    #[serde(flatten)]
    records: &'a Records,
}

pub fn render(records: &Records) -> String {
    let document = Document {
        version: VERSION,
        generated_by: generator(),
        records,
    };
    serde_json::to_string_pretty(&document).expect("plain data serialises") + "\n"
}
