//! Reading a drawing of `roster timeline` as XML: its elements with their attributes, their
//! `<title>` and the classes of the elements around them. Parsing fails the test on XML that is
//! not well formed.

use quick_xml::events::Event;
use std::collections::HashMap;

/// One element of a drawing: its name, its attributes, its `<title>` and its ancestors'
/// classes.
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attrs: HashMap<String, String>,
    pub title: Option<String>,
    pub within: Vec<String>,
}

impl Element {
    pub fn class(&self) -> &str {
        self.attrs.get("class").map_or("", String::as_str)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.class().split(' ').any(|c| c == class)
    }

    pub fn attr(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .map_or_else(|| panic!("no {name} on {self:?}"), String::as_str)
    }
}

/// Parses a drawing, failing the test on XML that is not well formed.
pub fn parse(svg: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut out: Vec<Element> = Vec::new();
    // Indexes into `out` of the open elements.
    let mut open: Vec<usize> = Vec::new();
    let mut in_title = false;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("well-formed attribute");
                        (
                            String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("escaped value")
                                .into_owned(),
                        )
                    })
                    .collect();
                let within = open.iter().map(|&i| out[i].class().to_string()).collect();
                in_title = name == "title";
                out.push(Element {
                    name,
                    attrs,
                    title: None,
                    within,
                });
                if matches!(event, Event::Start(_)) {
                    open.push(out.len() - 1);
                }
            }
            // The title belongs to the element that holds it; an escaped character comes as a
            // reference of its own.
            Event::Text(t) if in_title => {
                let holder = open[open.len() - 2];
                let text = t.decode().expect("UTF-8");
                out[holder].title.get_or_insert_default().push_str(&text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("a character") {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().expect("UTF-8");
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("an undefined entity &{name};"))
                            .to_string()
                    }
                };
                if in_title {
                    let holder = open[open.len() - 2];
                    out[holder].title.get_or_insert_default().push_str(&text);
                }
            }
            Event::End(_) => {
                open.pop();
                in_title = false;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements");
    out
}

/// Nothing in the text points outside it: no link, no image, no external style or font.
pub fn assert_self_contained(text: &str) {
    let without_namespace = text.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_namespace.contains("http"), "an external reference");
    assert!(!text.contains("<image"), "an image");
    assert!(!text.contains("href"), "a link");
    assert!(!text.contains("@import"), "an imported style");
    assert!(!text.contains("<script"), "a script");
    for (i, _) in text.match_indices("url(") {
        assert!(
            text[i..].starts_with("url(#"),
            "a url() to outside: {}",
            &text[i..i + 20]
        );
    }
}
