//! Telling formats apart: by content first, by name second.

use std::fmt;
use std::io::Cursor;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Word (Office Open XML).
    Docx,
    /// Excel (Office Open XML).
    Xlsx,
    /// PowerPoint (Office Open XML).
    Pptx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// OpenDocument presentation.
    Odp,
    /// PDF.
    Pdf,
    /// E-mail (RFC 5322, MIME).
    Eml,
    /// HTML.
    Html,
    /// Rich Text Format.
    Rtf,
    /// A zip archive of other files.
    Zip,
    /// Plain text (UTF-8, UTF-16 with BOM, or Latin-1).
    Text,
    /// An encrypted Office file (OLE container with `EncryptionInfo`).
    Encrypted,
    /// A legacy OLE2 file (doc, xls, ppt, msg).
    Ole,
    /// An image (no text without OCR).
    Image,
    /// Not known.
    Unknown,
}

impl Format {
    /// The short lower-case name: `docx`, `pdf`, `text`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Pptx => "pptx",
            Format::Odt => "odt",
            Format::Ods => "ods",
            Format::Odp => "odp",
            Format::Pdf => "pdf",
            Format::Eml => "eml",
            Format::Html => "html",
            Format::Rtf => "rtf",
            Format::Zip => "zip",
            Format::Text => "text",
            Format::Encrypted => "encrypted",
            Format::Ole => "ole",
            Format::Image => "image",
            Format::Unknown => "unknown",
        }
    }

    /// The format of `bytes`, a file called `name`.
    ///
    /// ```
    /// use detect_docs::Format;
    /// assert_eq!(Format::detect("x", b"%PDF-1.4\n"), Format::Pdf);
    /// assert_eq!(Format::detect("a.html", b"<p>hei</p>"), Format::Html);
    /// assert_eq!(Format::detect("a.txt", b"hei"), Format::Text);
    /// ```
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if bytes.starts_with(b"PK\x03\x04")
            || bytes.starts_with(b"PK\x05\x06")
            || bytes.starts_with(b"PK\x07\x08")
        {
            return zip_kind(bytes, &ext);
        }
        if bytes.starts_with(b"%PDF-")
            || (bytes.len() > 5
                && bytes[..bytes.len().min(1024)]
                    .windows(5)
                    .any(|w| w == b"%PDF-")
                && ext == "pdf")
        {
            return Format::Pdf;
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        {
            let marker: Vec<u8> = "EncryptionInfo"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect();
            if bytes.windows(marker.len()).any(|w| w == marker) {
                return Format::Encrypted;
            }
            return Format::Ole;
        }
        if bytes.starts_with(b"{\\rtf") {
            return Format::Rtf;
        }
        if bytes.starts_with(b"\x89PNG")
            || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
            || bytes.starts_with(b"GIF8")
            || bytes.starts_with(b"II*\0")
            || bytes.starts_with(b"MM\0*")
        {
            return Format::Image;
        }
        let head = &bytes[..bytes.len().min(2048)];
        let lower = String::from_utf8_lossy(head)
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if matches!(ext.as_str(), "html" | "htm" | "xhtml")
            || lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
        {
            return Format::Html;
        }
        if ext == "eml" || looks_like_mail(&lower) {
            return Format::Eml;
        }
        if crate::text::is_text(bytes) {
            return Format::Text;
        }
        Format::Unknown
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn looks_like_mail(lower: &str) -> bool {
    let first = lower.lines().next().unwrap_or("");
    let starts = [
        "return-path:",
        "received:",
        "from:",
        "mime-version:",
        "message-id:",
        "delivered-to:",
        "x-",
        "date:",
    ];
    starts.iter().any(|s| first.starts_with(s))
        && lower.lines().take(40).any(|l| l.starts_with("from:"))
        && (lower.contains("\nsubject:")
            || lower.contains("\nto:")
            || lower.contains("\nmime-version:"))
}

fn zip_kind(bytes: &[u8], ext: &str) -> Format {
    let by_ext = match ext {
        "docx" | "docm" | "dotx" | "dotm" => Format::Docx,
        "xlsx" | "xlsm" | "xltx" | "xltm" => Format::Xlsx,
        "pptx" | "pptm" | "potx" | "ppsx" => Format::Pptx,
        "odt" | "ott" => Format::Odt,
        "ods" | "ots" => Format::Ods,
        "odp" | "otp" => Format::Odp,
        _ => Format::Zip,
    };
    let Ok(z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return by_ext;
    };
    let has = |n: &str| z.index_for_name(n).is_some();
    if has("[Content_Types].xml") {
        if has("word/document.xml") {
            return Format::Docx;
        }
        if has("xl/workbook.xml") {
            return Format::Xlsx;
        }
        if has("ppt/presentation.xml") {
            return Format::Pptx;
        }
    }
    if has("mimetype") || has("content.xml") {
        let mut z = z;
        if let Ok(mut f) = z.by_name("mimetype") {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(
                &mut std::io::Read::take(&mut f, 100),
                &mut s,
            );
            if s.contains("opendocument.text") {
                return Format::Odt;
            }
            if s.contains("opendocument.spreadsheet") {
                return Format::Ods;
            }
            if s.contains("opendocument.presentation") {
                return Format::Odp;
            }
        }
        if matches!(by_ext, Format::Odt | Format::Ods | Format::Odp) {
            return by_ext;
        }
    }
    Format::Zip
}
