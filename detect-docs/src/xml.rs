//! XML as a flat list of events whose text nodes keep their byte range in
//! the source, so that text can be read in order and rewritten in place.

use std::ops::Range;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// One piece of text in an XML file: character data, one entity or
/// character reference, or an attribute value.
#[derive(Debug, Clone)]
pub(crate) struct TextNode {
    /// The bytes of the source this node stands for (escaped form).
    pub(crate) raw: Range<usize>,
    /// The text as a reader sees it (entities resolved).
    pub(crate) text: String,
    /// Whether this is an attribute value (escaped with quotes too).
    pub(crate) attr: bool,
    /// For an attribute value, `element@attribute` (local names).
    pub(crate) owner: String,
}

/// An XML event.
#[derive(Debug, Clone)]
pub(crate) enum Ev {
    /// A start tag (or an empty element, then `empty`).
    Open {
        /// The local name, without prefix.
        name: String,
        /// Attributes: local name, unescaped value, text node index when
        /// the value is one of the attributes read as text.
        attrs: Vec<(String, String, Option<usize>)>,
        /// The tag's bytes.
        raw: Range<usize>,
        /// `<x/>`.
        empty: bool,
    },
    /// An end tag (also sent after an empty element).
    Close {
        /// The local name.
        name: String,
        /// Where the element ends in the source.
        end: usize,
    },
    /// A text node (index into `nodes`).
    Text(usize),
}

/// A parsed XML file.
#[derive(Debug, Default)]
pub(crate) struct XmlDoc {
    pub(crate) evs: Vec<Ev>,
    pub(crate) nodes: Vec<TextNode>,
}

/// Why an XML file could not be read.
#[derive(Debug)]
pub(crate) enum XmlError {
    /// The file declares entities (a document type with `<!ENTITY`): the
    /// classic entity bomb. Office and ODF files never do.
    Entities,
    /// Not well-formed.
    Damaged(String),
    /// Over the event limit.
    TooLarge,
}

impl XmlError {
    pub(crate) fn reason(&self) -> String {
        match self {
            XmlError::Entities => {
                "XML declares entities (possible entity bomb), not expanded"
                    .to_string()
            }
            XmlError::Damaged(e) => format!("damaged XML: {e}"),
            XmlError::TooLarge => {
                "over size limit: XML has too many elements".to_string()
            }
        }
    }
}

/// Attributes whose values are read as text: (element, attribute) local
/// names; `*` for any element.
const TEXT_ATTRS: &[(&str, &str)] = &[
    ("sheet", "name"),
    ("definedName", "name"),
    ("table", "name"),
    ("page", "name"),
    ("cmAuthor", "name"),
    ("cmAuthor", "initials"),
    ("comment", "author"),
    ("comment", "initials"),
    ("ins", "author"),
    ("del", "author"),
    ("moveFrom", "author"),
    ("moveTo", "author"),
    ("person", "displayName"),
    ("person", "userId"),
    ("author", "name"),
    ("docPr", "descr"),
    ("docPr", "title"),
    ("cNvPr", "descr"),
    ("cNvPr", "title"),
    ("table-cell", "value"),
    ("table-cell", "string-value"),
    ("s", "v"),
    ("n", "v"),
    ("image", "name"),
    ("frame", "name"),
    ("Relationship", "Target"),
];

fn text_attr(elem: &str, attr: &str) -> bool {
    TEXT_ATTRS.iter().any(|&(e, a)| (e == elem || e == "*") && a == attr)
}

fn local(qname: &[u8]) -> String {
    let l = match qname.iter().rposition(|&b| b == b':') {
        Some(i) => &qname[i + 1..],
        None => qname,
    };
    String::from_utf8_lossy(l).into_owned()
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Parses `src` (at most `max_events` events).
pub(crate) fn parse(
    src: &[u8],
    max_events: usize,
) -> Result<XmlDoc, XmlError> {
    let base = src.as_ptr() as usize;
    let mut r = Reader::from_reader(src);
    r.config_mut().check_end_names = true;
    let mut doc = XmlDoc::default();
    let mut stack: Vec<String> = Vec::new();
    loop {
        if doc.evs.len() > max_events {
            return Err(XmlError::TooLarge);
        }
        let before = r.buffer_position() as usize;
        let ev =
            r.read_event().map_err(|e| XmlError::Damaged(e.to_string()))?;
        let after = r.buffer_position() as usize;
        match ev {
            Event::Eof => break,
            Event::DocType(d)
                if d.windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"<!ENTIT")) =>
            {
                return Err(XmlError::Entities);
            }
            Event::Start(e) | Event::Empty(e) => {
                let empty = src.get(after.wrapping_sub(2)) == Some(&b'/');
                let name = local(e.name().as_ref());
                let mut attrs = Vec::new();
                for a in e.attributes().with_checks(false) {
                    let a = a.map_err(|e| XmlError::Damaged(e.to_string()))?;
                    let an = local(a.key.as_ref());
                    let val = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| XmlError::Damaged(e.to_string()))?
                        .into_owned();
                    let mut node = None;
                    if text_attr(&name, &an) {
                        let p = a.value.as_ptr() as usize;
                        if p >= base && p + a.value.len() <= base + src.len() {
                            let start = p - base;
                            doc.nodes.push(TextNode {
                                raw: start..start + a.value.len(),
                                text: val.clone(),
                                attr: true,
                                owner: format!("{name}@{an}"),
                            });
                            node = Some(doc.nodes.len() - 1);
                        }
                    }
                    attrs.push((an, val, node));
                }
                doc.evs.push(Ev::Open {
                    name: name.clone(),
                    attrs,
                    raw: before..after,
                    empty,
                });
                if empty {
                    doc.evs.push(Ev::Close { name, end: after });
                } else {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                doc.evs.push(Ev::Close { name, end: after });
            }
            Event::Text(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                doc.nodes.push(TextNode {
                    raw: before..after,
                    text,
                    attr: false,
                    owner: String::new(),
                });
                doc.evs.push(Ev::Text(doc.nodes.len() - 1));
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                doc.nodes.push(TextNode {
                    raw: before + 9..after.saturating_sub(3),
                    text,
                    attr: false,
                    owner: String::new(),
                });
                doc.evs.push(Ev::Text(doc.nodes.len() - 1));
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        let n = String::from_utf8_lossy(&g).into_owned();
                        match entity(&n) {
                            Some(c) => c,
                            None => {
                                return Err(XmlError::Damaged(format!(
                                    "undeclared entity &{n};"
                                )));
                            }
                        }
                    }
                    Err(e) => return Err(XmlError::Damaged(e.to_string())),
                };
                doc.nodes.push(TextNode {
                    raw: before..after,
                    text: c.to_string(),
                    attr: false,
                    owner: String::new(),
                });
                doc.evs.push(Ev::Text(doc.nodes.len() - 1));
            }
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(XmlError::Damaged("unclosed elements at end".into()));
    }
    Ok(doc)
}

/// Escapes text for an XML text node or attribute value.
pub(crate) fn escape(text: &str, attr: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\'' if attr => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces byte ranges of `src` (sorted, not overlapping) with new bytes.
pub(crate) fn splice(
    src: &[u8],
    mut edits: Vec<(Range<usize>, Vec<u8>)>,
) -> Vec<u8> {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::with_capacity(src.len());
    let mut last = 0;
    for (r, new) in edits {
        if r.start < last {
            continue; // contained in an earlier, wider edit
        }
        out.extend_from_slice(&src[last..r.start]);
        out.extend_from_slice(&new);
        last = r.end;
    }
    out.extend_from_slice(&src[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_keep_their_bytes() {
        let src = br#"<a x="1"><t>ab&amp;c</t><sheet name="K&#229;re"/></a>"#;
        let d = parse(src, 1000).unwrap();
        let texts: Vec<_> = d.nodes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["ab", "&", "c", "Kåre"]);
        for n in &d.nodes[..3] {
            let raw = std::str::from_utf8(&src[n.raw.clone()]).unwrap();
            assert!(raw == n.text || raw == "&amp;");
        }
        assert_eq!(&src[d.nodes[3].raw.clone()], b"K&#229;re");
    }

    #[test]
    fn entity_declarations_are_refused() {
        let src = br#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><l>&a;</l>"#;
        assert!(matches!(parse(src, 1000), Err(XmlError::Entities)));
    }
}
