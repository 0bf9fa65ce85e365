//! PDF: the text layer of each page, through `pdf-extract` on `lopdf`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::Out;

/// Reads the text of every page; a page without text is unscanned.
pub(crate) fn extract(bytes: &[u8], out: &mut Out) {
    // The PDF crates may panic on hostile input: contain it.
    let loaded =
        catch_unwind(AssertUnwindSafe(|| lopdf::Document::load_mem(bytes)));
    let mut doc = match loaded {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            let msg = e.to_string();
            let encrypt = bytes.windows(8).any(|w| w == b"/Encrypt");
            if encrypt
                || msg.to_ascii_lowercase().contains("decrypt")
                || msg.to_ascii_lowercase().contains("password")
            {
                out.unscanned("", "encrypted");
            } else {
                out.unscanned("", format!("damaged pdf: {msg}"));
            }
            return;
        }
        Err(_) => {
            out.unscanned("", "damaged pdf: the reader failed");
            return;
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        out.unscanned("", "encrypted");
        return;
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        out.unscanned("", "damaged pdf: no pages");
        return;
    }
    for &num in pages.keys() {
        let loc = format!("page {num}");
        let got = catch_unwind(AssertUnwindSafe(|| {
            let mut s = String::new();
            let r = {
                let mut o = pdf_extract::PlainTextOutput::new(&mut s);
                pdf_extract::output_doc_page(&doc, &mut o, num)
            };
            r.map(|_| s)
        }));
        match got {
            Ok(Ok(text)) if !text.trim().is_empty() => {
                let mut p = crate::part::PartText::new(loc);
                p.push_virtual(text.trim_matches('\n'));
                out.parts.push(p);
            }
            Ok(Ok(_)) => out.unscanned(&loc, "no text layer, OCR needed"),
            Ok(Err(e)) => out.unscanned(&loc, format!("damaged pdf: {e}")),
            Err(_) => out.unscanned(
                &loc,
                "damaged pdf: the reader failed on this page",
            ),
        }
    }
}
