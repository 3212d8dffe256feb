//! `site`: the records as a static website, for people who read rather than edit them.
//!
//! [`pages`] is pure: from the model, the documents it was built from, the findings of the
//! check and the timeline picture, it makes every page as text: the home page (`index.html`),
//! one page per member (`members/ID.html`) and one per source (`sources/ID.html`). The same
//! records always give the same bytes: nothing depends on the clock, the machine or the order
//! of a hash map, and every list is in the order of the records or sorted by id. [`write`]
//! puts the pages into a folder, and nowhere else.
//!
//! The pages need no server and load nothing: the style is inlined, there is no script, every
//! link is relative and names its `.html` file, so the site reads the same from `file://` as
//! from GitHub Pages. Every text from the records is escaped ([`html::esc`]).
//!
//! The timeline picture is drawn elsewhere (`roster timeline`, [`crate::timeline`]) and handed
//! in as text, so this module does not depend on how it is drawn.

mod dates;
mod home;
mod html;
mod member;
mod records;
mod source;
mod write;

use crate::diag::Diagnostic;
use crate::load::tree::ParsedFile;
use crate::model::Dataset;
use crate::source::{FileId, Sources};
use records::Records;

pub use write::{write, Written, MARKER};

/// What the site is made from.
pub struct Input<'a> {
    /// The model of the records.
    pub data: &'a Dataset,
    /// The document of each record file the model was built from (titles, notes and quotes are
    /// read from them).
    pub documents: Vec<(FileId, &'a ParsedFile)>,
    /// The text of every file, for the places of findings.
    pub files: &'a Sources,
    /// What `roster check` found, sorted as it reports them.
    pub findings: &'a [Diagnostic],
    /// The timeline picture as HTML (`roster timeline`'s SVG drawing, and its legend), shown
    /// on the home page when given.
    pub timeline: Option<&'a str>,
}

/// One page: its path in the site (`members/iom.html`, always with `/`) and its HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub html: String,
}

/// Every page of the site, the home page first, then the members and the sources by id.
pub fn pages(input: &Input) -> Vec<Page> {
    let records = Records::new(input.data, &input.documents, input.files);
    let mut pages = vec![Page {
        path: "index.html".to_string(),
        html: home::page(&records, input),
    }];
    for (member, name) in &records.members {
        pages.push(Page {
            path: format!("members/{name}.html"),
            html: member::page(&records, member, name),
        });
    }
    let cited_by = records.cited_by();
    for (id, node, name) in &records.sources {
        pages.push(Page {
            path: format!("sources/{name}.html"),
            html: source::page(
                &records,
                id,
                *node,
                cited_by.get(id).map_or(&[][..], Vec::as_slice),
            ),
        });
    }
    pages
}
