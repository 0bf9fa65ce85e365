//! Generates the test corpus in code: Office, ODF, e-mail, HTML, RTF, PDF
//! and zip files holding synthetic identifiers in every hiding place, and
//! hostile files. Shared by the tests and `examples/make_examples.rs`.
//!
//! Synthetic IDs only: NO fnr `01018000055`, DK CPR `010180-1004`, SE
//! `811218-9876`, FI `131052-308T`.

#![allow(dead_code, unreachable_pub, missing_docs)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A zip of `entries`, deflated (a `mimetype` entry is stored).
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let m = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(m),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn core_xml(creator: &str, title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
  <dc:title>{title}</dc:title>
  <dc:creator>{creator}</dc:creator>
  <cp:lastModifiedBy>{creator}</cp:lastModifiedBy>
</cp:coreProperties>"#
    )
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>"#;

const DOCX_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

/// A minimal docx whose body holds `paragraphs`.
pub fn simple_docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs.iter().map(|p| para(p)).collect();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    zip(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("_rels/.rels", RELS.replace(r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>"#, "").as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("docProps/core.xml", core_xml("sladd test", "Notat").as_bytes()),
    ])
}

/// A docx with an identifier in every hiding place. Expected findings at
/// the default threshold: see `docx_expected`.
pub fn docx() -> Vec<u8> {
    let split = r#"<w:p><w:r><w:t xml:space="preserve">Søker fnr 0101</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>80</w:t></w:r><w:r><w:t>00055 er mottatt.</w:t></w:r></w:p>"#;
    let tracked = r#"<w:p><w:r><w:t xml:space="preserve">Rettet: </w:t></w:r><w:del w:id="1" w:author="Saksbehandler"><w:r><w:delText>fnr 01018000055</w:delText></w:r></w:del><w:ins w:id="2" w:author="Saksbehandler"><w:r><w:t>(fjernet)</w:t></w:r></w:ins></w:p>"#;
    let field = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD fnr 01018000055 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>personnummer 811218-9876</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let textbox = r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>CPR 010180-1004</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>CPR 010180-1004</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{split}{tracked}{field}{textbox}{}<w:sectPr/></w:body></w:document>"#,
        para("Ingen data her.")
    );
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>{}</w:hdr>"#,
        para("CPR-nr. 010180-1004")
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:ftr {W}>{}</w:ftr>"#,
        para("personnummer 811218-9876")
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        para("henkilötunnus 131052-308T")
    );
    let endnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:endnotes {W}><w:endnote w:id="1">{}</w:endnote></w:endnotes>"#,
        para("fødselsnummer 010180 00055")
    );
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:comments {W}><w:comment w:id="0" w:author="fnr 01018000055" w:initials="KN">{}</w:comment></w:comments>"#,
        para("Sjekk CPR 010180-1004")
    );
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid/sak/01018000055" TargetMode="External"/></Relationships>"#;
    let app = r#"<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>fnr 01018000055</Company></Properties>"#;
    let custom = r#"<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Personnummer"><vt:lpwstr>811218-9876</vt:lpwstr></property></Properties>"#;
    let custom_xml = r#"<?xml version="1.0" encoding="UTF-8"?><sak><part><fnr>01018000055</fnr></part></sak>"#;
    let inner = simple_docx(&["CPR 010180-1004"]);
    zip(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("word/endnotes.xml", endnotes.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
        ("word/media/image1.png", b"\x89PNG\r\n\x1a\n not really"),
        ("word/embeddings/inner.docx", &inner),
        (
            "docProps/core.xml",
            core_xml("Kari Nordmann", "Vedtak CPR 010180-1004").as_bytes(),
        ),
        ("docProps/app.xml", app.as_bytes()),
        ("docProps/custom.xml", custom.as_bytes()),
        ("docProps/thumbnail.jpeg", b"\xFF\xD8\xFF\xE0 thumbnail of page one"),
        ("customXml/item1.xml", custom_xml.as_bytes()),
    ])
}

/// Where `docx()` holds findings at the default threshold, and how many.
pub const DOCX_EXPECTED: &[(&str, usize)] = &[
    // split runs (1), tracked deletion (1), field code (1) and result (1),
    // text box and its fallback copy (2)
    ("word/document.xml", 6),
    ("word/header1.xml", 1),
    ("word/footer1.xml", 1),
    ("word/footnotes.xml", 1),
    ("word/endnotes.xml", 1),
    // comment text and author
    ("word/comments.xml", 2),
    // word/_rels/document.xml.rels is read too (hyperlink targets), but the
    // core does not report an ID inside a URL at the default threshold.
    ("word/embeddings/inner.docx:word/document.xml", 1),
    ("docProps/core.xml", 1),
    ("docProps/app.xml", 1),
    ("docProps/custom.xml", 1),
    ("customXml/item1.xml", 1),
];

const SS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// An xlsx: shared strings, inline strings, a number that lost its
/// leading zero, a sheet name, a pivot cache and a comment.
pub fn xlsx() -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;
    let wb = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook {SS}><sheets><sheet name="Oversikt" sheetId="1" r:id="rId1"/><sheet name="Kari 131052-308T" sheetId="2" r:id="rId2"/></sheets></workbook>"#
    );
    let wb_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet {SS}><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf/></cellXfs></styleSheet>"#
    );
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst {SS} count="4" uniqueCount="4"><si><t>fnr</t></si><si><t>Kari Nordmann</t></si><si><r><t>010180</t></r><r><rPr><b/></rPr><t>-1004</t></r></si><si><t>CPR</t></si></sst>"#
    );
    let sheet1 = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {SS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1018000055</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>personnummer 811218-9876</t></is></c><c r="B2"><v>42</v></c></row></sheetData></worksheet>"#
    );
    let sheet2 = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {SS}><sheetData><row r="14"><c r="A14" t="s"><v>1</v></c><c r="B14" t="s"><v>3</v></c><c r="C14" t="s"><v>2</v></c></row></sheetData></worksheet>"#
    );
    let pivot = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><pivotCacheRecords {SS} count="1"><r><s v="fnr 01018000055"/><n v="3"/></r></pivotCacheRecords>"#
    );
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><comments {SS}><authors><author>Saksbehandler</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>henkilötunnus 131052-308T</t></r></text></comment></commentList></comments>"#
    );
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
        ("xl/sharedStrings.xml", sst.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet1.as_bytes()),
        ("xl/worksheets/sheet2.xml", sheet2.as_bytes()),
        ("xl/pivotCache/pivotCacheRecords1.xml", pivot.as_bytes()),
        ("xl/comments1.xml", comments.as_bytes()),
        (
            "docProps/core.xml",
            core_xml("Saksbehandler", "Budsjett").as_bytes(),
        ),
    ])
}

pub const XLSX_EXPECTED: &[(&str, usize)] = &[
    ("sheet 1!B1", 1),
    ("sheet 1!A2", 1),
    ("sheet 2!C14", 1),
    ("xl/workbook.xml", 1),
    ("xl/pivotCache/pivotCacheRecords1.xml", 1),
    ("xl/comments1.xml", 1),
];

const P: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// A pptx: a slide with an ID split over runs, and notes.
pub fn pptx() -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>"#;
    let pres = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><p:presentation {P}/>"#
    );
    let slide = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><p:sld {P}><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>Søker fnr 0101</a:t></a:r><a:r><a:rPr b="1"/><a:t>8000055</a:t></a:r></a:p><a:p><a:r><a:t>Neste punkt</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"#
    );
    let notes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><p:notes {P}><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>CPR 010180-1004</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>"#
    );
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("ppt/presentation.xml", pres.as_bytes()),
        ("ppt/slides/slide1.xml", slide.as_bytes()),
        ("ppt/notesSlides/notesSlide1.xml", notes.as_bytes()),
        ("docProps/core.xml", core_xml("fnr 01018000055", "Møte").as_bytes()),
    ])
}

pub const PPTX_EXPECTED: &[(&str, usize)] = &[
    ("ppt/slides/slide1.xml", 1),
    ("ppt/notesSlides/notesSlide1.xml", 1),
    ("docProps/core.xml", 2),
];

const ODF_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" office:version="1.3""#;

fn odf(mime: &str, body: &str, styles_body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:body>{body}</office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}><office:master-styles><style:master-page style:name="Standard"><style:header>{styles_body}</style:header></style:master-page></office:master-styles></office:document-styles>"#
    );
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NS}><office:meta><dc:creator>Kari Nordmann</dc:creator><meta:user-defined meta:name="Saksnr">CPR 010180-1004</meta:user-defined></office:meta></office:document-meta>"#
    );
    let manifest = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {ODF_NS}><manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/></manifest:manifest>"#
    );
    zip(&[
        ("mimetype", mime.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
        ("Thumbnails/thumbnail.png", b"\x89PNG\r\n\x1a\n thumbnail"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

/// An odt: split spans, an annotation, a header in styles, metadata.
pub fn odt() -> Vec<u8> {
    odf(
        "application/vnd.oasis.opendocument.text",
        r#"<office:text><text:p>Søker fnr <text:span>0101</text:span><text:span>80</text:span>00055</text:p><text:p>Ingen<text:s/>data<office:annotation><dc:creator>Saksbehandler</dc:creator><text:p>personnummer 811218-9876</text:p></office:annotation></text:p></office:text>"#,
        r#"<text:p>henkilötunnus 131052-308T</text:p>"#,
    )
}

pub const ODT_EXPECTED: &[(&str, usize)] =
    &[("content.xml", 2), ("styles.xml", 1), ("meta.xml", 1)];

/// An ods: a float cell that lost its leading zero, a table named by ID.
pub fn ods() -> Vec<u8> {
    odf(
        "application/vnd.oasis.opendocument.spreadsheet",
        r#"<office:spreadsheet><table:table table:name="Kari 131052-308T"><table:table-row><table:table-cell office:value-type="string"><text:p>fnr</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1018000055"><text:p>1018000055</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>CPR 010180-1004</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>"#,
        "",
    )
}

pub const ODS_EXPECTED: &[(&str, usize)] = &[
    // the cell's text, its value attribute, the CPR cell, the table name
    ("content.xml", 4),
    ("meta.xml", 1),
];

/// An odp: a slide name, slide text and speaker notes.
pub fn odp() -> Vec<u8> {
    odf(
        "application/vnd.oasis.opendocument.presentation",
        r#"<office:presentation><draw:page draw:name="side 1"><draw:frame><draw:text-box><text:p>Søker fnr 01018000055</text:p></draw:text-box></draw:frame><presentation:notes><draw:frame><draw:text-box><text:p>CPR 010180-1004</text:p></draw:text-box></draw:frame></presentation:notes></draw:page></office:presentation>"#,
        "",
    )
}

pub const ODP_EXPECTED: &[(&str, usize)] =
    &[("content.xml", 2), ("meta.xml", 1)];

fn b64(data: &[u8]) -> String {
    const A: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            s.push_str("\r\n");
        }
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

/// An e-mail: encoded subject, a quoted-printable text part, a Latin-1
/// HTML part in base64, a docx attachment and an attached message.
pub fn eml() -> Vec<u8> {
    let html_latin1: Vec<u8> = "<html><body><p>S\u{f8}knad: personnummer 811218-9876</p></body></html>"
        .chars()
        .map(|c| c as u8)
        .collect();
    let inner_msg = "From: NAV <post@example.invalid>\r\nTo: Kari <kari@example.invalid>\r\nSubject: Svar\r\n\r\nVi har mottatt fnr 01018000055.\r\n";
    let docx = simple_docx(&["henkilötunnus 131052-308T"]);
    let msg = format!(
        "From: Kari Nordmann <kari@example.invalid>\r\n\
To: Saksbehandler <sak@example.invalid>\r\n\
Cc: CPR 010180-1004 <kopi@example.invalid>\r\n\
Subject: =?utf-8?Q?S=C3=B8knad_fnr_01018000055?=\r\n\
Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"XX\"\r\n\
\r\n\
--XX\r\n\
Content-Type: multipart/alternative; boundary=\"YY\"\r\n\
\r\n\
--YY\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
S=C3=B8knad fra Kari, CPR 0101=\r\n\
80-1004.\r\n\
--YY\r\n\
Content-Type: text/html; charset=iso-8859-1\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
{}\r\n\
--YY--\r\n\
--XX\r\n\
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"vedlegg.docx\"\r\n\
Content-Disposition: attachment; filename=\"vedlegg.docx\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
{}\r\n\
--XX\r\n\
Content-Type: message/rfc822\r\n\
Content-Disposition: attachment; filename=\"svar.eml\"\r\n\
\r\n\
{inner_msg}\r\n\
--XX--\r\n",
        b64(&html_latin1),
        b64(&docx),
    );
    msg.into_bytes()
}

pub const EML_EXPECTED: &[(&str, usize)] = &[
    // Cc and Subject
    ("headers", 2),
    ("part 2", 1),
    ("part 3 (html)", 1),
    ("attachment vedlegg.docx:word/document.xml", 1),
    ("attachment svar.eml:part 0", 1),
];

/// HTML: entities, an ID split by tags, script and style skipped, a meta
/// author.
pub fn html() -> Vec<u8> {
    br#"<!DOCTYPE html><html><head><meta name="author" content="fnr 01018000055"><title>Vedtak</title><style>.x{content:"010180-1004"}</style><script>var cpr = "010180-1004";</script></head><body><p>S&oslash;ker: CPR 0101<b>80</b>&#45;1004</p><!-- henkilotunnus 131052-308T --><p>Ingen data</p></body></html>"#.to_vec()
}

/// Meta author, the body; script, style and comment are not read.
pub const HTML_EXPECTED: &[(&str, usize)] = &[("body", 2)];

/// RTF with a Latin-1 escape, a \u escape and an author in \info.
pub fn rtf() -> Vec<u8> {
    br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\author CPR 010180-1004}}\f0 S\'f8ker fnr 0101\b 80\b0 00055\par henkil\u246?tunnus 131052-308T\par}".to_vec()
}

pub const RTF_EXPECTED: &[(&str, usize)] = &[("text", 3)];

/// A zip archive holding text, a docx, an e-mail, and a file named by ID.
pub fn archive() -> Vec<u8> {
    zip(&[
        ("notat.txt", "fnr 01018000055\n".as_bytes()),
        ("saker/sak.docx", &simple_docx(&["CPR 010180-1004"])),
        ("saker/brev.eml", &eml()),
        ("saker/811218-9876.txt", b"ingen data\n"),
    ])
}

pub const ARCHIVE_EXPECTED: &[(&str, usize)] = &[
    ("entry names", 1),
    ("notat.txt:text", 1),
    ("saker/sak.docx:word/document.xml", 1),
    ("saker/brev.eml:headers", 2),
    ("saker/brev.eml:part 2", 1),
    ("saker/brev.eml:part 3 (html)", 1),
    ("saker/brev.eml:attachment vedlegg.docx:word/document.xml", 1),
    ("saker/brev.eml:attachment svar.eml:part 0", 1),
];

/// A PDF with one page of text (WinAnsi, with æ ø å) and, if `image_page`,
/// a second page that only draws (no text layer).
pub fn pdf(text: &[u8], image_page: bool) -> Vec<u8> {
    let content = if text.is_empty() {
        b"0 0 1 rg 10 10 200 200 re f".to_vec()
    } else {
        let mut c = b"BT /F1 12 Tf 72 720 Td (".to_vec();
        c.extend_from_slice(text);
        c.extend_from_slice(b") Tj ET");
        c
    };
    let second = b"0 0 1 rg 10 10 200 200 re f".to_vec();
    let pages = if image_page { "[3 0 R 6 0 R]" } else { "[3 0 R]" };
    let count = if image_page { 2 } else { 1 };
    let mut objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids {pages} /Count {count} >>").into_bytes(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
    ];
    let mut s4 =
        format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    s4.extend_from_slice(&content);
    s4.extend_from_slice(b"\nendstream");
    objs.push(s4);
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    objs.push(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << >> >>".to_vec());
    let mut s7 =
        format!("<< /Length {} >>\nstream\n", second.len()).into_bytes();
    s7.extend_from_slice(&second);
    s7.extend_from_slice(b"\nendstream");
    objs.push(s7);
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1)
            .as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF marked encrypted (an /Encrypt dictionary in the trailer).
pub fn pdf_encrypted() -> Vec<u8> {
    let p = pdf(b"fnr 01018000055", false);
    let s = String::from_utf8_lossy(&p).replace(
        "/Root 1 0 R >>",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /U <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> >> /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>] >>",
    );
    s.into_bytes()
}

/// An encrypted docx as Office writes it: an OLE2 container whose
/// directory names the `EncryptionInfo` stream.
pub fn encrypted_docx() -> Vec<u8> {
    let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    v.resize(512, 0);
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    v.extend_from_slice(&name);
    v.resize(2048, 0);
    v
}

/// A docx whose document declares the billion-laughs entities.
pub fn xml_bomb_docx() -> Vec<u8> {
    let mut dtd = String::from(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#,
    );
    for i in 1..10 {
        let prev =
            if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str(&format!("]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"));
    zip(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("word/document.xml", dtd.as_bytes()),
    ])
}

/// A zip whose one entry unpacks 8 MiB of zeros from a few kilobytes.
pub fn zip_bomb() -> Vec<u8> {
    zip(&[("zeros.txt", &vec![b'0'; 8 << 20])])
}

/// A zip nested `n` times around a text file.
pub fn nested_zip(n: usize) -> Vec<u8> {
    let mut data = b"fnr 01018000055".to_vec();
    let mut name = "a.txt".to_string();
    for i in 0..n {
        data = zip(&[(name.as_str(), &data)]);
        name = format!("z{i}.zip");
    }
    data
}
