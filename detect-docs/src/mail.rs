//! E-mail (eml): headers, every text part in its charset, attachments and
//! attached messages, recursively; redaction rewrites headers and bodies in
//! place and leaves the rest of the message as it was.

use std::collections::BTreeMap;
use std::ops::Range;

use detect_core::Scanner;
use mail_parser::{
    Address, HeaderValue, MessageParser, MimeHeaders, PartType,
};

use crate::format::Format;
use crate::part::{Edits, PartText, mask};
use crate::{Ctx, Error, Out, Redacted, text};

/// Headers not read: transport and structure, not people.
const SKIP_HEADERS: &[&str] = &[
    "received",
    "dkim-signature",
    "arc-seal",
    "arc-message-signature",
    "arc-authentication-results",
    "authentication-results",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-id",
    "mime-version",
    "message-id",
    "references",
    "in-reply-to",
    "date",
    "return-path",
];

fn render(v: &HeaderValue<'_>) -> Option<String> {
    let addr = |a: &mail_parser::Addr<'_>| match (&a.name, &a.address) {
        (Some(n), Some(e)) => format!("{n} <{e}>"),
        (Some(n), None) => n.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => String::new(),
    };
    Some(match v {
        HeaderValue::Address(Address::List(l)) => {
            l.iter().map(addr).collect::<Vec<_>>().join(", ")
        }
        HeaderValue::Address(Address::Group(g)) => g
            .iter()
            .map(|g| {
                format!(
                    "{}: {}",
                    g.name.as_deref().unwrap_or(""),
                    g.addresses
                        .iter()
                        .map(addr)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        HeaderValue::Text(t) => t.to_string(),
        HeaderValue::TextList(l) => l.join(", "),
        _ => return None,
    })
}

/// One header read: its name and value as read, and where they were
/// written.
struct Header {
    name: String,
    value: String,
    /// The name as written, when it is there (in any case).
    raw_name: Option<Range<usize>>,
    /// The value as written, up to and with its line end.
    raw_value: Range<usize>,
}

/// The headers read.
fn headers(bytes: &[u8], part: &mail_parser::MessagePart<'_>) -> Vec<Header> {
    let mut out = Vec::new();
    for h in &part.headers {
        let name = h.name.as_str().to_string();
        if SKIP_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let Some(value) = render(&h.value) {
            let f = h.offset_field as usize;
            let raw_name = Some(f..f + name.len()).filter(|r| {
                bytes
                    .get(r.clone())
                    .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
            });
            out.push(Header {
                name,
                value,
                raw_name,
                raw_value: h.offset_start as usize..h.offset_end as usize,
            });
        }
    }
    out
}

/// The part `headers`: one line `name: value` a header. Node `2 i` is the
/// name of header `i`, node `2 i + 1` its value; a name not found as it
/// was written cannot be masked and is fixed text.
fn header_part(headers: &[Header]) -> PartText {
    let mut p = PartText::new("headers");
    for (i, h) in headers.iter().enumerate() {
        if h.raw_name.is_some() {
            p.push_node(0, 2 * i, &h.name);
        } else {
            p.push_fixed(&h.name);
        }
        p.push_virtual(": ");
        p.push_node(0, 2 * i + 1, &h.value);
        p.push_virtual("\n");
    }
    p
}

fn name_of(part: &mail_parser::MessagePart<'_>, i: usize) -> String {
    part.attachment_name()
        .map(str::to_string)
        .unwrap_or_else(|| format!("part {i}"))
}

/// Reads a message.
pub(crate) fn extract(ctx: &Ctx<'_>, bytes: &[u8], depth: u32, out: &mut Out) {
    let Some(msg) = MessageParser::default().parse(bytes) else {
        out.unscanned("", "damaged e-mail: not a message");
        return;
    };
    let Some(root) = msg.parts.first() else {
        out.unscanned("", "damaged e-mail: no parts");
        return;
    };
    out.parts.push(header_part(&headers(bytes, root)));
    for (i, part) in msg.parts.iter().enumerate() {
        match &part.body {
            PartType::Text(t) => {
                let mut p = PartText::new(format!("part {i}"));
                p.push_virtual(t);
                out.parts.push(p);
            }
            PartType::Html(h) => {
                let mut p = text::load_any(Format::Html, h.as_bytes()).part;
                p.location = format!("part {i} (html)");
                out.parts.push(p);
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                let name = name_of(part, i);
                let (_, inner) = crate::extract_in(ctx, &name, b, depth + 1);
                out.nest(&format!("attachment {name}"), inner);
            }
            PartType::Message(m) => {
                let name = name_of(part, i);
                let (_, inner) = crate::extract_in(
                    ctx,
                    "message.eml",
                    m.raw_message(),
                    depth + 1,
                );
                out.nest(&format!("attachment {name}"), inner);
            }
            PartType::Multipart(_) => {}
        }
    }
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len() * 4 / 3 + 4);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        s.push(A[(n >> 18) as usize & 63] as char);
        s.push(A[(n >> 12) as usize & 63] as char);
        s.push(if c.len() > 1 {
            A[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        s.push(if c.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    s
}

fn base64_lines(data: &[u8]) -> Vec<u8> {
    let s = base64(data);
    let mut out = Vec::with_capacity(s.len() + s.len() / 76 * 2 + 2);
    for chunk in s.as_bytes().chunks(76) {
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Whether a header `name` with the value `raw` (as written after the
/// colon) reads as one header whose value is `value`.
fn reads_back(name: &str, raw: &[u8], value: &str) -> bool {
    let mut m = Vec::with_capacity(name.len() + raw.len() + 8);
    m.extend_from_slice(name.as_bytes());
    m.push(b':');
    m.extend_from_slice(raw);
    if !raw.ends_with(b"\n") {
        m.extend_from_slice(b"\r\n");
    }
    m.extend_from_slice(b"\r\n");
    let Some(msg) = MessageParser::default().parse(&m[..]) else {
        return false;
    };
    let Some(root) = msg.parts.first() else { return false };
    let hs = headers(&m, root);
    root.headers.len() == 1
        && hs.len() == 1
        && hs[0].name.eq_ignore_ascii_case(name)
        && hs[0].value == value
}

/// The value `masked` of header `name` as written, so that it reads back
/// as `masked`: in place where the value `read` was written as it reads
/// (`raw`), else plain if ASCII, else an RFC 2047 word, else UTF-8. `None`
/// if none reads back the same.
fn write_value(
    name: &str,
    raw: &[u8],
    read: &str,
    masked: &str,
) -> Option<Vec<u8>> {
    let mut candidates = Vec::new();
    let start = raw.iter().position(|b| !b.is_ascii_whitespace());
    let end = raw.iter().rposition(|b| !b.is_ascii_whitespace());
    if let (Some(a), Some(b)) = (start, end)
        && &raw[a..=b] == read.as_bytes()
    {
        candidates
            .push([&raw[..a], masked.as_bytes(), &raw[b + 1..]].concat());
    }
    if masked.is_ascii() {
        candidates.push(format!(" {masked}\r\n").into_bytes());
    } else {
        candidates.push(
            format!(" =?utf-8?B?{}?=\r\n", base64(masked.as_bytes()))
                .into_bytes(),
        );
        candidates.push(format!(" {masked}\r\n").into_bytes());
    }
    candidates.into_iter().find(|c| reads_back(name, c, masked))
}

/// Edits that give a part a new body in base64, with `ctype` when set.
fn new_body(
    part: &mail_parser::MessagePart<'_>,
    body: &[u8],
    ctype: Option<&str>,
    edits: &mut Vec<(Range<usize>, Vec<u8>)>,
) {
    let mut have_cte = false;
    let mut last_end = part.offset_header as usize;
    for h in &part.headers {
        let n = h.name.as_str().to_ascii_lowercase();
        let line = h.offset_field as usize..h.offset_end as usize;
        last_end = last_end.max(h.offset_end as usize);
        if n == "content-transfer-encoding" {
            have_cte = true;
            edits.push((
                line,
                b"Content-Transfer-Encoding: base64\r\n".to_vec(),
            ));
        } else if n == "content-type"
            && let Some(ct) = ctype
        {
            edits.push((
                line,
                format!("Content-Type: {ct}; charset=utf-8\r\n").into_bytes(),
            ));
        }
    }
    let mut tail = Vec::new();
    if !have_cte {
        tail.extend_from_slice(b"Content-Transfer-Encoding: base64\r\n");
    }
    if let Some(ct) = ctype
        && !part
            .headers
            .iter()
            .any(|h| h.name.as_str().eq_ignore_ascii_case("content-type"))
    {
        tail.extend_from_slice(
            format!("Content-Type: {ct}; charset=utf-8\r\n").as_bytes(),
        );
    }
    if !tail.is_empty() {
        edits.push((last_end..last_end, tail));
    }
    edits.push((
        part.offset_body as usize..part.offset_end as usize,
        base64_lines(body),
    ));
}

/// The redacted message.
pub(crate) fn redact(
    ctx: &Ctx<'_>,
    scanner: &Scanner,
    bytes: &[u8],
    depth: u32,
) -> Result<Vec<u8>, Error> {
    let mut out = Out::default();
    extract(ctx, bytes, depth, &mut out);
    if !out.unscanned.is_empty() {
        return Err(Error::Unscanned(out.unscanned));
    }
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Error::Unscanned(Vec::new()))?;
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    if let Some(root) = msg.parts.first() {
        // The whole part as `extract` reads it, so that every finding (in
        // a name, a value or across headers) is masked where it was
        // written.
        let hs = headers(bytes, root);
        let mut masks = Edits::new();
        crate::findings_edits(scanner, &header_part(&hs), &mut masks)?;
        let mut by_header: BTreeMap<usize, [&[Range<usize>]; 2]> =
            BTreeMap::new();
        for ((_, node), ranges) in &masks {
            by_header.entry(node / 2).or_insert([&[], &[]])[node % 2] = ranges;
        }
        for (i, [name_ranges, value_ranges]) in by_header {
            let h = &hs[i];
            // A name is masked as it was written, character by character.
            let name = match &h.raw_name {
                Some(raw) => {
                    let written = String::from_utf8_lossy(&bytes[raw.clone()]);
                    let masked = mask(&written, name_ranges);
                    if masked != written {
                        edits.push((raw.clone(), masked.clone().into_bytes()));
                    }
                    masked
                }
                None => h.name.clone(),
            };
            let value = mask(&h.value, value_ranges);
            let raw = &bytes[h.raw_value.clone()];
            match write_value(&name, raw, &h.value, &value) {
                Some(v) if v == raw => {}
                Some(v) => edits.push((h.raw_value.clone(), v)),
                None => {
                    return Err(Error::NotRedactable {
                        location: "headers".into(),
                        reason: "a masked header value cannot be written so that it reads back the same".into(),
                    });
                }
            }
        }
    }
    for (i, part) in msg.parts.iter().enumerate() {
        match &part.body {
            PartType::Text(t) | PartType::Html(t) => {
                let html = matches!(part.body, PartType::Html(_));
                let f = if html { Format::Html } else { Format::Text };
                let doc = text::load_any(f, t.as_bytes());
                if let Redacted::Document(b) = doc.redact(scanner)?
                    && b != t.as_bytes()
                {
                    let ct = if html { "text/html" } else { "text/plain" };
                    new_body(part, &b, Some(ct), &mut edits);
                }
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                let name = name_of(part, i);
                match crate::redact_in(ctx, scanner, &name, b, depth + 1) {
                    Ok(Redacted::Document(nb)) => {
                        if nb != b.as_ref() {
                            new_body(part, &nb, None, &mut edits);
                        }
                    }
                    Ok(Redacted::TextOnly(_)) => {
                        if !crate::scan(scanner, &name, b, ctx.limits)
                            .findings
                            .is_empty()
                        {
                            return Err(Error::NotRedactable {
                                location: format!("attachment {name}"),
                                reason: "attachment of a format that cannot be redacted in place, with findings".into(),
                            });
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
            PartType::Message(m) => {
                let raw = m.raw_message();
                if let Redacted::Document(nb) = crate::redact_in(
                    ctx,
                    scanner,
                    "message.eml",
                    raw,
                    depth + 1,
                )? && nb != raw
                {
                    edits.push((
                        part.offset_body as usize..part.offset_end as usize,
                        nb,
                    ));
                }
            }
            PartType::Multipart(_) => {}
        }
    }
    Ok(crate::xml::splice(bytes, edits))
}
