//! Zip containers: Office Open XML (docx, xlsx, pptx), OpenDocument (odt,
//! ods, odp) and plain zip archives, read within the limits and rewritten
//! entry by entry.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::ops::Range;

use detect_core::Scanner;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::format::Format;
use crate::part::{Edits, PartText, mask};
use crate::xml::{self, Ev, XmlDoc};
use crate::{Ctx, Error, Out, Redacted};

/// Most XML events in one file (elements, text nodes): bounds memory on
/// top of the byte limits.
const MAX_EVENTS: usize = 20_000_000;

/// The file index that stands for the entry names of a zip archive in
/// [`Edits`]: node `i` is the name of entry `i`.
const ENTRY_NAMES: usize = usize::MAX;

#[derive(Debug)]
enum Kind {
    Dir,
    /// Dropped on redaction, not read.
    Thumbnail,
    /// Not text (media, fonts, macros): copied, not read.
    Skip,
    /// Index into `files`.
    Xml(usize),
    /// Read as a file of its own (embedded object, archive member).
    Nested(Vec<u8>),
}

#[derive(Debug)]
struct Entry {
    name: String,
    kind: Kind,
}

#[derive(Debug)]
struct XmlFile {
    name: String,
    bytes: Vec<u8>,
    doc: XmlDoc,
    /// Numeric cells whose value node, once masked, turns the whole cell
    /// (this range) into an inline string: node → (range, r, s).
    cells: HashMap<usize, (Range<usize>, String, Option<String>)>,
}

/// A zip container, read.
#[derive(Debug)]
pub(crate) struct ZipDoc {
    format: Format,
    entries: Vec<Entry>,
    files: Vec<XmlFile>,
    out: Out,
    /// The first `own_parts` parts are this container's; the rest come
    /// from nested files, whose maps point into those files.
    own_parts: usize,
}

fn is_thumbnail(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.starts_with("docprops/thumbnail.") || l.starts_with("thumbnails/")
}

const SKIP_EXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "emf", "wmf", "svg",
    "wdp", "jfif", "ico", "odttf", "ttf", "otf", "fntdata", "mp3", "mp4",
    "wav", "m4a", "avi", "mov",
];

fn ext(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn classify(format: Format, name: &str) -> Option<bool> {
    // Some(true): XML; Some(false): nested; None: skip.
    if format == Format::Zip {
        return Some(false);
    }
    let e = ext(name);
    if matches!(e.as_str(), "xml" | "rels" | "vml") {
        return Some(true);
    }
    if SKIP_EXT.contains(&e.as_str()) || name == "mimetype" {
        return None;
    }
    let l = name.to_ascii_lowercase();
    if l.contains("vbaproject")
        || l.contains("printersettings")
        || l.ends_with("vbadata.bin")
    {
        return None;
    }
    if l.starts_with("configurations2/") || l.ends_with("/manifest.rdf") {
        return None;
    }
    Some(false)
}

/// Whether an XML file is read as data (every element a line) rather
/// than as marked-up text.
fn generic(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.starts_with("docprops/")
        || l.starts_with("customxml/")
        || l.ends_with(".rels")
        || l == "meta.xml"
        || l == "settings.xml"
        || l.ends_with("manifest.xml")
        || l.ends_with("[content_types].xml")
        || l.contains("pivotcache")
}

const BLOCKS: &[&str] = &[
    "p",
    "h",
    "tc",
    "tr",
    "si",
    "c",
    "row",
    "txbxContent",
    "comment",
    "footnote",
    "endnote",
    "sp",
    "table-cell",
    "table-row",
    "list-item",
    "note",
    "annotation",
    "frame",
    "tbl",
    "txBody",
    "hdr",
    "ftr",
    "body",
    "cm",
    "text",
    "definedName",
    "sheet",
    "item",
    "textbox",
    "page",
    "graphicFrame",
    "legacyDrawing",
    "shape",
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
];

const KEEP_WS: &[&str] =
    &["t", "delText", "instrText", "p", "span", "h", "a", "v", "s"];

fn digits_to_pad(s: &str) -> bool {
    let t = s.trim();
    (t.len() == 9 || t.len() == 10) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Marked-up text (or, `generic`, data): paragraphs and blocks are lines,
/// runs are joined; attribute values and deleted text follow on lines of
/// their own.
fn walk(doc: &XmlDoc, file: usize, part: &mut PartText, generic: bool) {
    let mut stack: Vec<&str> = Vec::new();
    let mut tail: Vec<Vec<usize>> = Vec::new();
    let mut deleted: Vec<Vec<usize>> = Vec::new();
    let mut pad_value: Option<String> = None;
    for ev in &doc.evs {
        match ev {
            Ev::Open { name, attrs, .. } => {
                for (an, val, node) in attrs {
                    if let Some(n) = node {
                        tail.push(vec![*n]);
                        if an == "value"
                            && name == "table-cell"
                            && digits_to_pad(val)
                        {
                            pad_value = Some(val.trim().to_string());
                        }
                    }
                }
                if name == "del" || name == "moveFrom" {
                    deleted.push(Vec::new());
                }
                stack.push(name);
            }
            Ev::Close { name, .. } => {
                stack.pop();
                if generic {
                    part.newline();
                    continue;
                }
                match name.as_str() {
                    "del" | "moveFrom" => {
                        if let Some(d) = deleted.pop()
                            && !d.is_empty()
                        {
                            tail.push(d);
                        }
                    }
                    "br" | "cr" | "line-break" => part.push_virtual("\n"),
                    "tab" => part.push_virtual("\t"),
                    "s" => part.push_virtual(" "),
                    "table-cell" => {
                        pad_value = None;
                        part.newline();
                    }
                    n if BLOCKS.contains(&n) => part.newline(),
                    _ => {}
                }
            }
            Ev::Text(n) => {
                let node = &doc.nodes[*n];
                let parent = stack.last().copied().unwrap_or("");
                if node.text.trim().is_empty()
                    && (generic || !KEEP_WS.contains(&parent))
                {
                    continue;
                }
                if parent == "delText"
                    && let Some(d) = deleted.last_mut()
                {
                    d.push(*n);
                    continue;
                }
                if parent == "instrText" {
                    part.push_virtual(" ");
                    part.push_node(file, *n, &node.text);
                    part.push_virtual(" ");
                    continue;
                }
                if pad_value.as_deref() == Some(node.text.trim()) {
                    part.push_virtual("0");
                }
                part.push_node(file, *n, &node.text);
            }
        }
    }
    for d in deleted.into_iter().chain(tail) {
        part.newline();
        for n in d {
            let node = &doc.nodes[n];
            if doc_attr_is_value(node) {
                part.push_virtual("0");
            }
            part.push_node(file, n, &node.text);
        }
        part.newline();
    }
}

fn doc_attr_is_value(node: &xml::TextNode) -> bool {
    node.attr && digits_to_pad(&node.text)
}

/// Shared strings: the nodes of each `si`.
fn shared_strings(doc: &XmlDoc) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut stack: Vec<&str> = Vec::new();
    for ev in &doc.evs {
        match ev {
            Ev::Open { name, .. } => {
                if name == "si" {
                    out.push(Vec::new());
                }
                stack.push(name);
            }
            Ev::Close { .. } => {
                stack.pop();
            }
            Ev::Text(n) => {
                if stack.last() == Some(&"t")
                    && stack.contains(&"si")
                    && let Some(si) = out.last_mut()
                {
                    si.push(*n);
                }
            }
        }
    }
    out
}

struct Sst<'a> {
    file: usize,
    doc: &'a XmlDoc,
    strings: Vec<Vec<usize>>,
    used: Vec<bool>,
}

/// A worksheet: one line a row, cells separated by tabs, each cell
/// marked with its reference.
fn sheet(
    file: &mut XmlFile,
    fidx: usize,
    loc: &str,
    sst: &mut Option<Sst<'_>>,
) -> PartText {
    let doc = &file.doc;
    let mut part = PartText::new(loc);
    let mut stack: Vec<&str> = Vec::new();
    let mut cell: Option<(usize, String, String, Option<String>)> = None;
    let mut v: Vec<usize> = Vec::new();
    let mut is: Vec<usize> = Vec::new();
    let mut other: Vec<usize> = Vec::new();
    for ev in &doc.evs {
        match ev {
            Ev::Open { name, attrs, raw, .. } => {
                if name == "row" {
                    part.newline();
                }
                if name == "c" {
                    let get = |k: &str| {
                        attrs.iter().find(|a| a.0 == k).map(|a| a.1.clone())
                    };
                    cell = Some((
                        raw.start,
                        get("r").unwrap_or_default(),
                        get("t").unwrap_or_default(),
                        get("s"),
                    ));
                    v.clear();
                    is.clear();
                }
                for (_, _, node) in attrs {
                    if let Some(n) = node {
                        other.push(*n);
                    }
                }
                stack.push(name);
            }
            Ev::Close { name, end } => {
                stack.pop();
                if name != "c" {
                    continue;
                }
                let Some((start, r, t, s)) = cell.take() else { continue };
                if !part.text.is_empty() && !part.text.ends_with('\n') {
                    part.push_virtual("\t");
                }
                part.mark_cell(format!("{loc}!{r}"));
                let vtext: String =
                    v.iter().map(|&n| doc.nodes[n].text.as_str()).collect();
                match t.as_str() {
                    "s" => {
                        if let (Some(sst), Ok(i)) =
                            (sst.as_mut(), vtext.trim().parse::<usize>())
                            && let Some(si) = sst.strings.get(i)
                        {
                            for &n in si {
                                part.push_node(
                                    sst.file,
                                    n,
                                    &sst.doc.nodes[n].text,
                                );
                            }
                            sst.used[i] = true;
                        }
                    }
                    "inlineStr" => {
                        for &n in &is {
                            part.push_node(fidx, n, &doc.nodes[n].text);
                        }
                    }
                    "" | "n" => {
                        if digits_to_pad(&vtext) {
                            part.push_virtual("0");
                        }
                        for &n in &v {
                            part.push_node(fidx, n, &doc.nodes[n].text);
                            file.cells.insert(
                                n,
                                (start..*end, r.clone(), s.clone()),
                            );
                        }
                    }
                    _ => {
                        for &n in &v {
                            part.push_node(fidx, n, &doc.nodes[n].text);
                        }
                    }
                }
            }
            Ev::Text(n) => {
                let parent = stack.last().copied().unwrap_or("");
                if cell.is_some() {
                    if parent == "v" {
                        v.push(*n);
                    } else if parent == "t" && stack.contains(&"is") {
                        is.push(*n);
                    }
                } else if !doc.nodes[*n].text.trim().is_empty() {
                    other.push(*n);
                }
            }
        }
    }
    for n in other {
        part.newline();
        part.push_node(fidx, n, &doc.nodes[n].text);
    }
    part
}

fn read_entry<R: Read + std::io::Seek>(
    ctx: &Ctx<'_>,
    z: &mut ZipArchive<R>,
    i: usize,
) -> Result<Vec<u8>, String> {
    let (size, packed, encrypted) = {
        let f = z.by_index_raw(i).map_err(|e| format!("damaged zip: {e}"))?;
        (f.size(), f.compressed_size(), f.encrypted())
    };
    if encrypted {
        return Err("encrypted".into());
    }
    let l = ctx.limits;
    if size > l.max_file_size {
        return Err(format!(
            "over size limit: {size} bytes unpacked > max_file_size {}",
            l.max_file_size
        ));
    }
    if size > (1 << 20) && size / packed.max(1) > l.max_ratio {
        return Err(format!(
            "over size limit: compression ratio {}:1 > max_ratio {} (zip bomb?)",
            size / packed.max(1),
            l.max_ratio
        ));
    }
    ctx.take(size)?;
    let mut f = z.by_index(i).map_err(|e| format!("damaged zip: {e}"))?;
    let mut buf = Vec::with_capacity(size.min(1 << 26) as usize);
    (&mut f)
        .take(size + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("damaged zip: {e}"))?;
    if buf.len() as u64 != size {
        return Err("damaged zip: entry size differs from its header".into());
    }
    Ok(buf)
}

impl ZipDoc {
    /// Reads the container; `Err` when the zip itself cannot be read.
    pub(crate) fn load(
        ctx: &Ctx<'_>,
        format: Format,
        bytes: &[u8],
        depth: u32,
    ) -> Result<ZipDoc, String> {
        let mut z = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("damaged zip: {e}"))?;
        if z.len() > ctx.limits.max_entries {
            return Err(format!(
                "over size limit: {} entries > max_entries {}",
                z.len(),
                ctx.limits.max_entries
            ));
        }
        let mut doc = ZipDoc {
            format,
            entries: Vec::new(),
            files: Vec::new(),
            out: Out::default(),
            own_parts: 0,
        };
        for i in 0..z.len() {
            let (name, dir) = {
                let f = z
                    .by_index_raw(i)
                    .map_err(|e| format!("damaged zip: {e}"))?;
                (f.name().to_string(), f.is_dir())
            };
            let kind = if dir {
                Kind::Dir
            } else if format != Format::Zip && is_thumbnail(&name) {
                Kind::Thumbnail
            } else {
                match classify(format, &name) {
                    None => Kind::Skip,
                    Some(is_xml) => match read_entry(ctx, &mut z, i) {
                        Err(reason) => {
                            doc.out.unscanned(&name, reason);
                            Kind::Skip
                        }
                        Ok(data) if is_xml => {
                            match xml::parse(&data, MAX_EVENTS) {
                                Ok(x) => {
                                    doc.files.push(XmlFile {
                                        name: name.clone(),
                                        bytes: data,
                                        doc: x,
                                        cells: HashMap::new(),
                                    });
                                    Kind::Xml(doc.files.len() - 1)
                                }
                                Err(e) => {
                                    doc.out.unscanned(&name, e.reason());
                                    Kind::Skip
                                }
                            }
                        }
                        Ok(data) => {
                            let (f, inner) = crate::extract_in(
                                ctx,
                                &name,
                                &data,
                                depth + 1,
                            );
                            let inner = if format != Format::Zip
                                && f == Format::Unknown
                            {
                                let mut o = Out::default();
                                o.unscanned(
                                    "",
                                    "embedded object, format not known",
                                );
                                o
                            } else {
                                inner
                            };
                            doc.out.nest(&name, inner);
                            Kind::Nested(data)
                        }
                    },
                }
            };
            doc.entries.push(Entry { name, kind });
        }
        doc.build_parts();
        Ok(doc)
    }

    fn build_parts(&mut self) {
        let mut parts = Vec::new();
        if self.format == Format::Zip {
            let mut names = PartText::new("entry names");
            for (i, e) in self.entries.iter().enumerate() {
                names.push_node(ENTRY_NAMES, i, &e.name);
                names.push_virtual("\n");
            }
            parts.push(names);
        }
        let mut sheet_files: HashMap<String, usize> = HashMap::new();
        if self.format == Format::Xlsx {
            // sheet order from the workbook, paths from its relationships
            let rid_target: HashMap<String, String> = self
                .files
                .iter()
                .find(|f| f.name == "xl/_rels/workbook.xml.rels")
                .map(|f| {
                    f.doc
                        .evs
                        .iter()
                        .filter_map(|e| match e {
                            Ev::Open { attrs, .. } => {
                                let g = |k: &str| {
                                    attrs
                                        .iter()
                                        .find(|a| a.0 == k)
                                        .map(|a| a.1.clone())
                                };
                                Some((g("Id")?, g("Target")?))
                            }
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            if let Some(wb) =
                self.files.iter().find(|f| f.name == "xl/workbook.xml")
            {
                let mut n = 0;
                for e in &wb.doc.evs {
                    if let Ev::Open { name, attrs, .. } = e
                        && name == "sheet"
                    {
                        n += 1;
                        if let Some(t) = attrs
                            .iter()
                            .find(|a| a.0 == "id")
                            .and_then(|a| rid_target.get(&a.1))
                        {
                            let path = match t.strip_prefix('/') {
                                Some(abs) => abs.to_string(),
                                None => format!("xl/{t}"),
                            };
                            sheet_files.insert(path, n);
                        }
                    }
                }
            }
        }
        let sst_idx =
            self.files.iter().position(|f| f.name == "xl/sharedStrings.xml");
        // Split borrows: shared strings are read while sheets are written.
        let (mut sst_file, sst_pos) = match sst_idx {
            Some(i) => (Some(self.files.remove(i)), Some(i)),
            None => (None, None),
        };
        let sst_file_index = sst_pos.unwrap_or(usize::MAX);
        {
            let mut sst = sst_file.as_ref().map(|f| {
                let strings = shared_strings(&f.doc);
                Sst {
                    file: sst_file_index,
                    doc: &f.doc,
                    used: vec![false; strings.len()],
                    strings,
                }
            });
            let mut unnamed = 0;
            for (i, f) in self.files.iter_mut().enumerate() {
                // indices after the removed shared strings shift by one
                let fidx = match sst_pos {
                    Some(p) if i >= p => i + 1,
                    _ => i,
                };
                let is_sheet = self.format == Format::Xlsx
                    && f.name.starts_with("xl/worksheets/")
                    && f.name.ends_with(".xml");
                if is_sheet {
                    let n = sheet_files.get(&f.name).copied().unwrap_or_else(
                        || {
                            unnamed += 1;
                            1000 + unnamed
                        },
                    );
                    let p = sheet(f, fidx, &format!("sheet {n}"), &mut sst);
                    parts.push(p);
                } else {
                    let mut p = PartText::new(f.name.clone());
                    walk(&f.doc, fidx, &mut p, generic(&f.name));
                    parts.push(p);
                }
            }
            if let Some(sst) = sst {
                let mut p = PartText::new("xl/sharedStrings.xml");
                for (i, si) in sst.strings.iter().enumerate() {
                    if !sst.used[i] {
                        for &n in si {
                            p.push_node(sst.file, n, &sst.doc.nodes[n].text);
                        }
                        p.newline();
                    }
                }
                parts.push(p);
            }
        }
        if let (Some(f), Some(p)) = (sst_file.take(), sst_pos) {
            self.files.insert(p, f);
        }
        parts.retain(|p| !p.text.trim().is_empty());
        self.own_parts = parts.len();
        let mut out = std::mem::take(&mut self.out);
        let nested = std::mem::take(&mut out.parts);
        parts.extend(nested);
        out.parts = parts;
        self.out = out;
    }

    pub(crate) fn into_out(self) -> Out {
        self.out
    }

    /// The redacted container.
    pub(crate) fn redact(
        &self,
        ctx: &Ctx<'_>,
        scanner: &Scanner,
        bytes: &[u8],
        depth: u32,
    ) -> Result<Vec<u8>, Error> {
        if !self.out.unscanned.is_empty() {
            return Err(Error::Unscanned(self.out.unscanned.clone()));
        }
        let mut edits = Edits::new();
        // Nested files are redacted on their own, below; entry names too.
        for p in &self.out.parts[..self.own_parts] {
            crate::findings_edits(scanner, p, &mut edits)?;
        }
        let mut per_file: Vec<Vec<(Range<usize>, Vec<u8>)>> =
            vec![Vec::new(); self.files.len()];
        // Entry names masked as the part `entry names` reads them.
        let mut new_names: HashMap<usize, String> = HashMap::new();
        for ((f, n), ranges) in &edits {
            if *f == ENTRY_NAMES {
                new_names.insert(*n, mask(&self.entries[*n].name, ranges));
                continue;
            }
            let file = &self.files[*f];
            let node = &file.doc.nodes[*n];
            let masked = mask(&node.text, ranges);
            if masked == node.text {
                continue;
            }
            if let Some((range, r, s)) = file.cells.get(n) {
                let s = s
                    .as_ref()
                    .map(|s| format!(" s=\"{}\"", xml::escape(s, true)))
                    .unwrap_or_default();
                let new = format!(
                    "<c r=\"{}\"{s} t=\"inlineStr\"><is><t>{}</t></is></c>",
                    xml::escape(r, true),
                    xml::escape(&masked, false)
                );
                per_file[*f].push((range.clone(), new.into_bytes()));
            } else if node.attr && node.text.trim().parse::<f64>().is_ok() {
                per_file[*f].push((node.raw.clone(), b"0".to_vec()));
            } else if node.owner == "sheet@name" {
                // Excel forbids `*` in sheet names.
                let masked = masked.replace('*', "_");
                per_file[*f].push((
                    node.raw.clone(),
                    xml::escape(&masked, true).into_bytes(),
                ));
            } else {
                per_file[*f].push((
                    node.raw.clone(),
                    xml::escape(&masked, node.attr).into_bytes(),
                ));
            }
        }
        // relationships and manifest entries of dropped thumbnails
        for (i, f) in self.files.iter().enumerate() {
            if !(f.name.ends_with(".rels") || f.name.ends_with("manifest.xml"))
            {
                continue;
            }
            for e in &f.doc.evs {
                if let Ev::Open { attrs, raw, empty: true, .. } = e
                    && attrs.iter().any(|a| {
                        (a.0 == "Target" || a.0 == "full-path")
                            && is_thumbnail(a.1.trim_start_matches('/'))
                    })
                {
                    per_file[i].push((raw.clone(), Vec::new()));
                }
            }
        }
        let mut z = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| not_redactable("", &e.to_string()))?;
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let deflate = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated);
        for (i, e) in self.entries.iter().enumerate() {
            let new_name =
                new_names.get(&i).cloned().unwrap_or_else(|| e.name.clone());
            let new_bytes: Option<Vec<u8>> = match &e.kind {
                Kind::Thumbnail => continue,
                Kind::Xml(f) if !per_file[*f].is_empty() => Some(xml::splice(
                    &self.files[*f].bytes,
                    per_file[*f].clone(),
                )),
                Kind::Nested(data) => {
                    match crate::redact_in(
                        ctx,
                        scanner,
                        &e.name,
                        data,
                        depth + 1,
                    ) {
                        Ok(Redacted::Document(b)) => (b != *data).then_some(b),
                        Ok(Redacted::TextOnly(_)) => {
                            let r = crate::scan(
                                scanner, &e.name, data, ctx.limits,
                            );
                            if !r.findings.is_empty() {
                                return Err(not_redactable(
                                    &e.name,
                                    "embedded file of a format that cannot be redacted in place, with findings",
                                ));
                            }
                            None
                        }
                        Err(Error::Unscanned(u)) => {
                            let mut o = Out::default();
                            o.nest(
                                &e.name,
                                Out { parts: Vec::new(), unscanned: u },
                            );
                            return Err(Error::Unscanned(o.unscanned));
                        }
                        Err(Error::NotRedactable { location, reason }) => {
                            return Err(not_redactable(
                                &format!("{}:{location}", e.name),
                                &reason,
                            ));
                        }
                    }
                }
                _ => None,
            };
            let res = match new_bytes {
                Some(b) => {
                    let opts = if e.name == "mimetype" {
                        SimpleFileOptions::default()
                            .compression_method(CompressionMethod::Stored)
                    } else {
                        deflate
                    };
                    w.start_file(new_name.as_str(), opts)
                        .and_then(|_| w.write_all(&b).map_err(Into::into))
                }
                None => {
                    let f = z
                        .by_index_raw(i)
                        .map_err(|e| not_redactable("", &e.to_string()))?;
                    if new_name != e.name {
                        w.raw_copy_file_rename(f, new_name.as_str())
                    } else {
                        w.raw_copy_file(f)
                    }
                }
            };
            res.map_err(|err| not_redactable(&e.name, &err.to_string()))?;
        }
        let out =
            w.finish().map_err(|e| not_redactable("", &e.to_string()))?;
        Ok(out.into_inner())
    }
}

fn not_redactable(location: &str, reason: &str) -> Error {
    Error::NotRedactable {
        location: location.to_string(),
        reason: reason.to_string(),
    }
}
