//! Prints the names found in each line of standard input (a tool for
//! trying the `person_name` pass by hand).
use std::io::BufRead;

use detect_core::{Confidence, Kind, Scanner};

fn main() {
    let sc = Scanner::builder()
        .kinds([Kind::PersonName])
        .min_confidence(Confidence::Low)
        .build()
        .expect("scanner");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("line");
        let found: Vec<String> = sc
            .find_iter(&line)
            .map(|m| {
                format!(
                    "[{}|{:?}|{:?}]",
                    &line[m.range()],
                    m.confidence(),
                    m.flags()
                )
            })
            .collect();
        println!("{line}\n    {}", found.join(" "));
    }
}
