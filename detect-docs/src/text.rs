//! Plain text, HTML and RTF: read into one part whose pieces map back to
//! the source, so that redaction rewrites only the masked characters.

use std::ops::Range;

use detect_core::Scanner;

use crate::format::Format;
use crate::part::{Edits, PartText, mask};
use crate::{Error, Redacted};

/// How the source text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Latin1,
}

/// One piece of source text and what it reads as.
#[derive(Debug, Clone)]
struct Node {
    raw: Range<usize>,
    text: String,
    /// An HTML entity or attribute value: write escaped.
    escaped: bool,
}

/// A text-like file, decoded.
#[derive(Debug)]
pub(crate) struct TextDoc {
    format: Format,
    enc: Enc,
    src: String,
    nodes: Vec<Node>,
    pub(crate) part: PartText,
}

/// Whether `bytes` are text: UTF-8, UTF-16 with a BOM, or single-byte text
/// without NUL and with few control characters.
pub(crate) fn is_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return bytes.len().is_multiple_of(2);
    }
    if bytes.contains(&0) {
        return false;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| {
            b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)
                || b == 0x7F
        })
        .count();
    if controls * 100 > bytes.len() {
        return false;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    // Single-byte text: mostly printable ASCII.
    let ascii = bytes.iter().filter(|b| b.is_ascii()).count();
    ascii * 10 >= bytes.len() * 7
}

fn decode(bytes: &[u8]) -> (Enc, String) {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let u: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return (Enc::Utf16Le, String::from_utf16_lossy(&u));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let u: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return (Enc::Utf16Be, String::from_utf16_lossy(&u));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(s) = std::str::from_utf8(rest)
    {
        return (Enc::Utf8Bom, s.to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Enc::Utf8, s.to_string()),
        Err(_) => (Enc::Latin1, bytes.iter().map(|&b| b as char).collect()),
    }
}

fn encode(enc: Enc, s: &str) -> Vec<u8> {
    match enc {
        Enc::Utf8 => s.as_bytes().to_vec(),
        Enc::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat(),
        Enc::Utf16Le => {
            let mut v = vec![0xFF, 0xFE];
            v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
            v
        }
        Enc::Utf16Be => {
            let mut v = vec![0xFE, 0xFF];
            v.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
            v
        }
        Enc::Latin1 => s
            .chars()
            .map(|c| if (c as u32) < 256 { c as u8 } else { b'?' })
            .collect(),
    }
}

/// Reads a text, HTML or RTF file. `None` if it is not text at all.
pub(crate) fn load(format: Format, bytes: &[u8]) -> Option<TextDoc> {
    if format == Format::Text && !is_text(bytes) {
        return None;
    }
    Some(load_any(format, bytes))
}

/// Reads text already known to be text (a decoded mail part), whatever
/// control characters it holds.
pub(crate) fn load_any(format: Format, bytes: &[u8]) -> TextDoc {
    let (enc, src) = decode(bytes);
    let mut doc = TextDoc {
        format,
        enc,
        src,
        nodes: Vec::new(),
        part: PartText::default(),
    };
    match format {
        Format::Html => {
            doc.part.location = "body".into();
            html(&mut doc);
        }
        Format::Rtf => {
            doc.part.location = "text".into();
            rtf(&mut doc);
        }
        _ => {
            doc.part.location = "text".into();
            let len = doc.src.len();
            let text = doc.src.clone();
            doc.push(0..len, text, false);
        }
    }
    doc
}

impl TextDoc {
    fn push(&mut self, raw: Range<usize>, text: String, escaped: bool) {
        self.part.push_node(0, self.nodes.len(), &text);
        self.nodes.push(Node { raw, text, escaped });
    }

    /// The redacted file.
    pub(crate) fn redact(&self, scanner: &Scanner) -> Result<Redacted, Error> {
        let mut edits = Edits::new();
        crate::findings_edits(scanner, &self.part, &mut edits)?;
        let mut out = String::with_capacity(self.src.len());
        let mut last = 0;
        for ((_, node), ranges) in &edits {
            let n = &self.nodes[*node];
            let masked = mask(&n.text, ranges);
            let new = if n.escaped {
                crate::xml::escape(&masked, true)
            } else {
                masked
            };
            out.push_str(&self.src[last..n.raw.start]);
            out.push_str(&new);
            last = n.raw.end;
        }
        out.push_str(&self.src[last..]);
        let _ = self.format;
        Ok(Redacted::Document(encode(self.enc, &out)))
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "body",
    "head",
    "html",
    "option",
];

const TEXT_ATTRS: &[&str] =
    &["alt", "title", "content", "value", "placeholder", "href"];

fn html_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(h) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(h, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(v);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" => '\u{AD}',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "eacute" => 'é',
        "Eacute" => 'É',
        "eth" => 'ð',
        "ETH" => 'Ð',
        "thorn" => 'þ',
        "THORN" => 'Þ',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        _ => return None,
    })
}

/// Text of `src[range]` as nodes: plain stretches and one node per entity.
fn html_text(doc: &mut TextDoc, range: Range<usize>) {
    let s = doc.src[range.clone()].to_string();
    let base = range.start;
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = s[i..].find('&') {
        let at = i + p;
        let semi = s[at..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| at + j);
        if let Some(semi) = semi
            && let Some(c) = html_entity(&s[at + 1..semi])
        {
            if last < at {
                doc.push(
                    base + last..base + at,
                    s[last..at].to_string(),
                    false,
                );
            }
            doc.push(base + at..base + semi + 1, c.to_string(), true);
            last = semi + 1;
            i = semi + 1;
            continue;
        }
        i = at + 1;
    }
    if last < s.len() {
        doc.push(base + last..base + s.len(), s[last..].to_string(), false);
    }
}

fn html(doc: &mut TextDoc) {
    let src = doc.src.clone();
    let b = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let mut skip_until: Option<&str> = None;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if let Some(end_tag) = skip_until {
            if src
                .get(i..i + end_tag.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(end_tag))
            {
                skip_until = None;
            } else {
                i += 1;
                continue;
            }
        } else if text_start < i {
            html_text(doc, text_start..i);
        }
        if src[i..].starts_with("<!--") {
            i = src[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            text_start = i;
            continue;
        }
        let (end, tag) = match src[i..].find('>') {
            Some(e) => (i + e + 1, &src[i + 1..i + e]),
            None => (b.len(), &src[i + 1..]),
        };
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !tag.starts_with('/') {
            if name == "script" || name == "style" {
                skip_until = Some(if name == "script" {
                    "</script"
                } else {
                    "</style"
                });
            }
            html_attrs(doc, i + 1, tag);
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            doc.part.newline();
        }
        i = end;
        text_start = end;
    }
    if skip_until.is_none() && text_start < b.len() {
        html_text(doc, text_start..b.len());
    }
}

/// Attribute values read as text, each on a line of its own.
fn html_attrs(doc: &mut TextDoc, base: usize, tag: &str) {
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // attribute name
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let ns = i;
        while i < b.len()
            && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':')
        {
            i += 1;
        }
        let name = tag[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let (vs, ve) = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
            let q = b[i];
            let vs = i + 1;
            let ve = tag[vs..]
                .bytes()
                .position(|c| c == q)
                .map_or(b.len(), |p| vs + p);
            i = ve + 1;
            (vs, ve)
        } else {
            let vs = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            (vs, i)
        };
        if TEXT_ATTRS.contains(&name.as_str()) && vs < ve {
            let raw = &tag[vs..ve];
            let mut text = String::new();
            let mut rest = raw;
            while let Some(p) = rest.find('&') {
                text.push_str(&rest[..p]);
                let semi = rest[p..].find(';').filter(|&s| s < 12);
                match semi.and_then(|s| {
                    html_entity(&rest[p + 1..p + s]).map(|c| (s, c))
                }) {
                    Some((s, c)) => {
                        text.push(c);
                        rest = &rest[p + s + 1..];
                    }
                    None => {
                        text.push('&');
                        rest = &rest[p + 1..];
                    }
                }
            }
            text.push_str(rest);
            doc.part.newline();
            doc.push(base + vs..base + ve, text, true);
            doc.part.newline();
        }
    }
}

/// RTF destinations whose text is not document text.
const RTF_SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "pict",
    "object",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "filetbl",
    "revtbl",
    "bkmkstart",
    "bkmkend",
    "fldinst",
    "header",
    "footer",
];

/// RTF \\info fields: each is a line of its own.
const RTF_INFO: &[&str] = &[
    "author", "title", "subject", "operator", "company", "keywords",
    "comment", "doccomm", "manager", "category",
];

fn rtf(doc: &mut TextDoc) {
    let src = doc.src.clone();
    let b = src.as_bytes();
    let mut i = 0;
    let mut depth: usize = 0;
    // Depth at which a skipped destination began.
    let mut skip: Option<usize> = None;
    let mut uc: usize = 1;
    // Depth of an open \\info field (author, title...), ended by a line.
    let mut info: Vec<usize> = Vec::new();
    let mut run_start: Option<usize> = None;
    let flush =
        |doc: &mut TextDoc, run_start: &mut Option<usize>, end: usize| {
            if let Some(s) = run_start.take()
                && s < end
            {
                doc.push(s..end, src[s..end].to_string(), false);
            }
        };
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' => {
                flush(doc, &mut run_start, i);
                depth += 1;
                i += 1;
                if skip.is_none() && src[i..].starts_with("\\*") {
                    skip = Some(depth);
                }
            }
            b'}' => {
                flush(doc, &mut run_start, i);
                if skip == Some(depth) {
                    skip = None;
                }
                if info.last() == Some(&depth) {
                    info.pop();
                    doc.part.newline();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'\\' => {
                flush(doc, &mut run_start, i);
                let start = i;
                i += 1;
                if i >= b.len() {
                    break;
                }
                if b[i] == b'\'' {
                    let hex = src
                        .get(i + 1..i + 3)
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    i = next_boundary(&src, i + 3);
                    if let (Some(h), None) = (hex, skip) {
                        let ch = cp1252(h);
                        doc.push(start..i.min(b.len()), ch.to_string(), false);
                    }
                    continue;
                }
                if !b[i].is_ascii_alphabetic() {
                    // control symbol: \\ \{ \} \~ \- \_
                    let sym = b[i];
                    i = next_boundary(&src, i + 1);
                    if skip.is_none() {
                        match sym {
                            b'\\' | b'{' | b'}' => doc.push(
                                start..i,
                                (sym as char).to_string(),
                                false,
                            ),
                            b'~' => doc.part.push_virtual(" "),
                            b'\n' | b'\r' => doc.part.newline(),
                            _ => {}
                        }
                    }
                    continue;
                }
                let ws = i;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let word = &src[ws..i];
                let ns = i;
                if i < b.len() && (b[i] == b'-' || b[i].is_ascii_digit()) {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                let num: Option<i64> = src[ns..i].parse().ok();
                if i < b.len() && b[i] == b' ' {
                    i += 1;
                }
                if skip.is_some() {
                    continue;
                }
                if RTF_SKIP.contains(&word) {
                    skip = Some(depth);
                    continue;
                }
                if RTF_INFO.contains(&word) {
                    doc.part.newline();
                    info.push(depth);
                }
                match word {
                    "par" | "line" | "row" | "cell" | "sect" | "page" => {
                        doc.part.newline()
                    }
                    "tab" => doc.part.push_virtual("\t"),
                    "uc" => uc = num.unwrap_or(1).max(0) as usize,
                    "u" => {
                        let v = num.unwrap_or(0);
                        let v = if v < 0 { v + 65536 } else { v } as u32;
                        // the fallback characters after it are part of it
                        let mut end = i;
                        for _ in 0..uc {
                            if end < b.len()
                                && b[end] != b'\\'
                                && b[end] != b'{'
                                && b[end] != b'}'
                            {
                                end += src[end..]
                                    .chars()
                                    .next()
                                    .map_or(1, char::len_utf8);
                            }
                        }
                        i = end;
                        if let Some(ch) = char::from_u32(v) {
                            doc.push(start..end, ch.to_string(), false);
                        }
                    }
                    _ => {}
                }
            }
            b'\r' | b'\n' => {
                flush(doc, &mut run_start, i);
                i += 1;
            }
            _ => {
                if skip.is_none() && run_start.is_none() {
                    run_start = Some(i);
                }
                i += src[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    flush(doc, &mut run_start, b.len());
}

/// The first char boundary at or after `i` (at most the length).
fn next_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
        '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    if (0x80..0xA0).contains(&b) {
        HIGH[(b - 0x80) as usize]
    } else {
        b as char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_skips_script_and_decodes() {
        let d = load(
            Format::Html,
            b"<html><script>var x='01018000055'</script><p>S&oslash;ker&nbsp;fnr&#58; 0101<b>8000055</b></p></html>",
        )
        .unwrap();
        assert_eq!(d.part.text.trim(), "Søker fnr: 01018000055");
    }

    #[test]
    fn rtf_text() {
        let d = load(
            Format::Rtf,
            br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\info{\author Kari}}\f0 S\'f8ker fnr 0101\b 80\b0 00055\par Neste}",
        )
        .unwrap();
        assert!(
            d.part.text.contains("Søker fnr 01018000055\nNeste"),
            "{:?}",
            d.part.text
        );
        assert!(d.part.text.contains("Kari"));
    }
}
