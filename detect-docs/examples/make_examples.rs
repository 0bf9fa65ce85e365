//! Writes synthetic example documents — `sak.docx`, `budsjett.xlsx` and
//! `brev.eml`, holding synthetic identifiers only — into a directory, so
//! that `sladd scan DIR` has documents to show.
//!
//! ```text
//! cargo run -p detect-docs --example make_examples -- examples/
//! ```

#[path = "../tests/corpus_gen/mod.rs"]
mod corpus_gen;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args().nth(1).unwrap_or_else(|| "examples".into()),
    );
    std::fs::create_dir_all(&dir)?;
    for (name, bytes) in [
        ("sak.docx", corpus_gen::docx()),
        ("budsjett.xlsx", corpus_gen::xlsx()),
        ("brev.eml", corpus_gen::eml()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        println!("{}", path.display());
    }
    Ok(())
}
