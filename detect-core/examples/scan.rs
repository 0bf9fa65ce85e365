//! Scans files (or standard input) and prints each finding with its kind,
//! confidence and masked value: a minimal stand-in for the `sladd` command.
//!
//! ```text
//! cargo run -p detect-core --example scan -- examples/
//! ```

use std::io::Read;
use std::path::Path;

use detect_core::{RedactStyle, Scanner};

fn scan(sc: &Scanner, name: &str, data: &[u8]) -> usize {
    let mut n = 0;
    for m in sc.find_iter(data) {
        let line =
            data[..m.start()].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = m.start()
            - data[..m.start()]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        // The value is printed masked, birth date kept: never in full.
        let masked = m.redacted(data, RedactStyle::KeepBirthdate);
        let masked = String::from_utf8_lossy(&masked);
        println!(
            "{name}:{line}:{col}: {} {} {}",
            m.kind(),
            m.confidence(),
            masked
        );
        n += 1;
    }
    n
}

fn walk(sc: &Scanner, path: &Path, total: &mut usize) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> =
            std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            walk(sc, &e.path(), total)?;
        }
    } else {
        let data = std::fs::read(path)?;
        *total += scan(sc, &path.display().to_string(), &data);
    }
    Ok(())
}

fn main() {
    let sc = Scanner::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut total = 0;
    if args.is_empty() {
        let mut data = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut data) {
            eprintln!("scan: reading standard input: {e}");
            std::process::exit(2);
        }
        total += scan(&sc, "-", &data);
    }
    for a in &args {
        if let Err(e) = walk(&sc, Path::new(a), &mut total) {
            eprintln!("scan: {a}: {e}");
            std::process::exit(2);
        }
    }
    eprintln!("{total} findings");
    std::process::exit(if total > 0 { 1 } else { 0 });
}
