//! Integration tests: run the built `sladd` binary.
//!
//! All identity numbers here are synthetic (see docs/rules.md).

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SLADD: &str = env!("CARGO_BIN_EXE_sladd");
/// The chunk size of the CLI's reader (1 MiB).
const CHUNK: usize = 1 << 20;

/// Runs sladd in `dir` with `args`, feeding `stdin`.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(SLADD)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sladd runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // The binary may exit before reading it all.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, data).unwrap();
}

const NO_LINE: &str = "Søknad fra Kari, fnr 01018000055, om støtte\n";

// ---------------------------------------------------------------- scan

#[test]
fn jsonl_record_is_exactly_the_contract_shape() {
    let d = tmp();
    write(d.path(), "a.txt", format!("first line\nsecond\n{NO_LINE}"));
    let o = run(d.path(), &["scan", "--format", "jsonl", "a.txt"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "{\"path\": \"a.txt\", \"part\": null, \"line\": 3, \"column\": 23, \"start\": 40, \
         \"end\": 51, \"kind\": \"no_fnr\", \"group\": \"ids\", \
         \"confidence\": \"high\", \"value\": \"010180*****\"}\n"
    );
    let text = format!("first line\nsecond\n{NO_LINE}");
    assert_eq!(&text.as_bytes()[40..51], b"01018000055");
}

#[test]
fn text_format_is_path_line_column_kind_confidence_value() {
    let d = tmp();
    write(d.path(), "a.txt", "x\n  CPR: 010180-1004\nplain 01018000055\n");
    let o = run(d.path(), &["scan", "a.txt"], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        "a.txt:2:8: dk_cpr high 010180-****\n\
         a.txt:3:7: no_fnr medium 010180*****\n"
    );
    // No colour when stdout is not a terminal, unless asked.
    let o = run(d.path(), &["scan", "--color", "always", "a.txt"], b"");
    assert!(stdout(&o).contains("\x1b["));
    let o = run(d.path(), &["scan", "--color", "never", "a.txt"], b"");
    assert!(!stdout(&o).contains("\x1b["));
}

#[test]
fn values_are_masked_unless_show_values() {
    let d = tmp();
    let text = "fnr 010180 00055\ncpr 010180-1004\npersonnummer \
                811218-9876\nhetu 131052-308T\nkt. 120160-3389\n\
                samordningsnummer 701063-2391\n";
    write(d.path(), "ids.txt", text);
    let full = [
        "010180 00055",
        "01018000055",
        "010180-1004",
        "811218-9876",
        "131052-308T",
        "120160-3389",
        "701063-2391",
    ];
    for fmt in ["text", "jsonl", "json", "sarif"] {
        let o = run(d.path(), &["scan", "--format", fmt, "ids.txt"], b"");
        assert_eq!(code(&o), 1);
        let out = stdout(&o);
        for id in full {
            assert!(!out.contains(id), "{fmt} shows {id}:\n{out}");
        }
        let o = run(
            d.path(),
            &["scan", "--format", fmt, "--show-values", "ids.txt"],
            b"",
        );
        let out = stdout(&o);
        for id in [full[0], full[2], full[3], full[4], full[5], full[6]] {
            assert!(out.contains(id), "{fmt} hides {id}:\n{out}");
        }
    }
    let o = run(d.path(), &["scan", "--format", "jsonl", "ids.txt"], b"");
    let values: Vec<_> = jsonl(&o)
        .iter()
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        values,
        [
            "010180 *****",
            "010180-****",
            "811218-****",
            "131052-****",
            "120160-****",
            "701063-****"
        ]
    );
}

#[test]
fn json_is_an_array_of_the_jsonl_records() {
    let d = tmp();
    write(d.path(), "a.txt", "fnr 01018000055 og CPR 010180-1004\n");
    write(d.path(), "b.txt", "personnummer 811218-9876\n");
    let lines =
        jsonl(&run(d.path(), &["scan", "--format", "jsonl", "."], b""));
    let o = run(d.path(), &["scan", "--format", "json", "."], b"");
    assert_eq!(code(&o), 1);
    let arr: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(arr.as_array().unwrap(), &lines);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["path"], "./b.txt");
    // Nothing found: an empty array.
    write(d.path(), "clean.txt", "nothing here\n");
    let o = run(d.path(), &["scan", "--format", "json", "clean.txt"], b"");
    assert_eq!(code(&o), 0);
    let arr: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(arr, serde_json::json!([]));
}

#[test]
fn sarif_is_valid_2_1_0() {
    let d = tmp();
    write(d.path(), "dir one/a.txt", "x\nfnr 01018000055\n");
    write(d.path(), "b.txt", "æøå CPR 010180-1004\n");
    let o = run(d.path(), &["scan", "--format", "sarif", "."], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let log: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &log["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "sladd");
    assert!(driver["version"].is_string());
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert!(r["shortDescription"]["text"].is_string());
            r["id"].as_str().unwrap()
        })
        .collect();
    assert!(rules.contains(&"no_fnr") && rules.contains(&"is_kt"));
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()));
        assert!(
            ["error", "warning", "note"]
                .contains(&r["level"].as_str().unwrap())
        );
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string());
        let reg = &loc["region"];
        for k in ["startLine", "startColumn", "endColumn", "byteOffset"] {
            assert!(reg[k].as_u64().unwrap() >= 1 || k == "byteOffset");
        }
        assert!(reg["byteLength"].as_u64().unwrap() > 0);
    }
    // Sorted by path: ./b.txt before ./dir one/a.txt.
    let b = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(b["artifactLocation"]["uri"], "b.txt");
    assert_eq!(b["region"]["startLine"], 1);
    // Columns count characters (columnKind unicodeCodePoints).
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    assert_eq!(b["region"]["startColumn"], 9);
    assert_eq!(b["region"]["endColumn"], 20);
    assert_eq!(b["region"]["byteOffset"], 11);
    assert_eq!(b["region"]["byteLength"], 11);
    let a = &results[1]["locations"][0]["physicalLocation"];
    assert_eq!(a["artifactLocation"]["uri"], "dir%20one/a.txt");
    assert_eq!(results[1]["level"], "error");
    assert!(!stdout(&o).contains("01018000055"));
}

#[test]
fn stdin_is_scanned_with_null_path() {
    let d = tmp();
    for args in [
        &["scan", "--format", "jsonl"][..],
        &["scan", "--format", "jsonl", "-"],
    ] {
        let o = run(d.path(), args, NO_LINE.as_bytes());
        assert_eq!(code(&o), 1);
        let recs = jsonl(&o);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0]["path"], Value::Null);
        assert_eq!(recs[0]["start"], 22);
    }
    let o = run(d.path(), &["scan"], NO_LINE.as_bytes());
    assert_eq!(stdout(&o), "<stdin>:1:23: no_fnr high 010180*****\n");
    let o = run(d.path(), &["scan"], b"no numbers\n");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn exit_status_zero_one() {
    let d = tmp();
    write(d.path(), "clean.txt", "bank 1234.56.78901, org.nr 988 077 917\n");
    write(d.path(), "dirty.txt", NO_LINE);
    assert_eq!(code(&run(d.path(), &["scan", "clean.txt"], b"")), 0);
    assert_eq!(code(&run(d.path(), &["scan", "dirty.txt"], b"")), 1);
    assert_eq!(
        code(&run(d.path(), &["scan", "clean.txt", "dirty.txt"], b"")),
        1
    );
}

#[test]
fn nested_directories_in_sorted_order() {
    let d = tmp();
    write(d.path(), "top/b.txt", "fnr 01018000055\n");
    write(d.path(), "top/a/z/deep.txt", "CPR 010180-1004\n");
    write(d.path(), "top/a/y.txt", "personnummer 811218-9876\n");
    write(d.path(), "top/c/d/e/f/g.txt", "kt. 120160-3389\n");
    write(d.path(), "other.txt", "hetu 131052-308T\n");
    let want = "top/a/y.txt:1:14: se_pnr high 811218-****\n\
                top/a/z/deep.txt:1:5: dk_cpr high 010180-****\n\
                top/b.txt:1:5: no_fnr high 010180*****\n\
                top/c/d/e/f/g.txt:1:5: is_kt high 120160-****\n\
                other.txt:1:6: fi_hetu high 131052-****\n";
    for threads in ["1", "2", "8"] {
        let o =
            run(d.path(), &["scan", "-j", threads, "top", "other.txt"], b"");
        assert_eq!(code(&o), 1);
        assert_eq!(stdout(&o), want, "threads {threads}");
    }
}

#[test]
fn many_files_keep_a_deterministic_order() {
    let d = tmp();
    for i in 0..200 {
        let body = if i % 3 == 0 { "fnr 01018000055\n" } else { "nothing\n" };
        write(d.path(), &format!("many/f{i:03}.txt"), body);
    }
    let one = run(d.path(), &["scan", "-j", "1", "many"], b"");
    let all = run(d.path(), &["scan", "many"], b"");
    assert_eq!(stdout(&one), stdout(&all));
    assert_eq!(stdout(&one).lines().count(), 67);
}

#[test]
fn missing_file_among_good_ones() {
    let d = tmp();
    write(d.path(), "a.txt", "fnr 01018000055\n");
    write(d.path(), "c.txt", "CPR 010180-1004\n");
    let o = run(d.path(), &["scan", "a.txt", "missing.txt", "c.txt"], b"");
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o).lines().count(), 2, "the others are scanned");
    let err = stderr(&o);
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("No such file or directory"), "{err}");
}

#[cfg(unix)]
#[test]
fn dangling_symlink_among_good_ones() {
    let d = tmp();
    write(d.path(), "a.txt", "fnr 01018000055\n");
    std::os::unix::fs::symlink("nowhere.txt", d.path().join("dangling.txt"))
        .unwrap();
    let o = run(d.path(), &["scan", "a.txt", "dangling.txt"], b"");
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(
        stderr(&o).contains("dangling.txt: No such file"),
        "{}",
        stderr(&o)
    );
    // Inside a directory a link is skipped unless --follow.
    write(d.path(), "dir/b.txt", "CPR 010180-1004\n");
    std::os::unix::fs::symlink("nowhere", d.path().join("dir/link")).unwrap();
    let o = run(d.path(), &["scan", "dir"], b"");
    assert_eq!(code(&o), 1);
    let o = run(d.path(), &["scan", "-L", "dir"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("dir/link"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
}

/// A file that cannot be read among good ones. Tests run as root, which
/// reads a file whatever its mode, so the unreadable file is
/// /proc/self/mem: it opens, but reading at offset 0 fails.
#[cfg(target_os = "linux")]
#[test]
fn read_error_among_good_ones() {
    assert!(Path::new("/proc/self/mem").exists());
    let d = tmp();
    write(d.path(), "a.txt", "fnr 01018000055\n");
    let o = run(d.path(), &["scan", "/proc/self/mem", "a.txt"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("/proc/self/mem: "), "{}", stderr(&o));
    assert_eq!(stdout(&o), "a.txt:1:5: no_fnr high 010180*****\n");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_harmless() {
    let d = tmp();
    write(d.path(), "tree/a/x.txt", "fnr 01018000055\n");
    std::os::unix::fs::symlink("..", d.path().join("tree/a/up")).unwrap();
    std::os::unix::fs::symlink("x.txt", d.path().join("tree/a/x-link.txt"))
        .unwrap();
    // Not followed by default: the file is found once.
    let o = run(d.path(), &["scan", "tree"], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "tree/a/x.txt:1:5: no_fnr high 010180*****\n");
    // Followed: the loop is noticed and skipped, not an error.
    let o = run(d.path(), &["scan", "--follow", "tree"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("loop"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "x.txt and x-link.txt");
}

#[cfg(unix)]
#[test]
fn fifo_inside_a_directory_is_not_opened() {
    let d = tmp();
    write(d.path(), "dir/a.txt", "fnr 01018000055\n");
    let fifo = d.path().join("dir/pipe");
    let ok = Command::new("mkfifo").arg(&fifo).status();
    if !ok.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let o = run(d.path(), &["scan", "dir"], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 1);
}

/// A binary file of no known format is unscanned (exit 2), never clean;
/// `--binary` reads it as text; `--no-documents` skips it as before.
#[test]
fn binary_files_are_unscanned_unless_read_as_text() {
    let d = tmp();
    let mut bin = b"\x7fELF\x00\x01\x02 fnr 01018000055 ".to_vec();
    bin.extend_from_slice(&[0u8; 100]);
    write(d.path(), "prog.bin", &bin);
    write(d.path(), "a.txt", "nothing\n");
    let o = run(d.path(), &["scan", "."], b"");
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("prog.bin: unscanned: format not known\n"),
        "{}",
        stderr(&o)
    );
    let o = run(d.path(), &["scan", "--no-documents", "."], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("prog.bin: binary file skipped"));
    let o = run(d.path(), &["scan", "--binary", "prog.bin"], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "prog.bin:1:13: no_fnr high 010180*****\n");
}

#[test]
fn invalid_utf8_is_scanned() {
    let d = tmp();
    let mut data = b"\xff\xfe\xc3(garbage\x80\n".to_vec();
    data.extend_from_slice(b"\xe9t\xe9 fnr 01018000055 \xc0\xaf\n");
    data.extend_from_slice(b"\x81CPR 010180-1004\xff");
    write(d.path(), "latin1.txt", &data);
    // A UTF-16 byte order mark on a file of odd length: no known format.
    let o = run(d.path(), &["scan", "latin1.txt"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("latin1.txt: unscanned: format not known"));
    let o =
        run(d.path(), &["scan", "-a", "--format", "jsonl", "latin1.txt"], b"");
    assert_eq!(code(&o), 1);
    let recs = jsonl(&o);
    assert_eq!(recs.len(), 2);
    for r in &recs {
        let (s, e) =
            (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        let span = &data[s as usize..e as usize];
        assert!(span == b"01018000055" || span == b"010180-1004");
    }
    assert_eq!(
        (recs[0]["line"].as_u64(), recs[0]["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert_eq!(
        (recs[1]["line"].as_u64(), recs[1]["column"].as_u64()),
        (Some(3), Some(6))
    );
}

#[test]
fn empty_file_and_empty_stdin() {
    let d = tmp();
    write(d.path(), "empty.txt", "");
    for fmt in ["text", "jsonl"] {
        let o = run(d.path(), &["scan", "--format", fmt, "empty.txt"], b"");
        assert_eq!(code(&o), 0);
        assert_eq!(stdout(&o), "");
    }
    let o = run(d.path(), &["scan", "--format", "json", "empty.txt"], b"");
    assert_eq!(stdout(&o), "[]\n");
    assert_eq!(code(&run(d.path(), &["scan"], b"")), 0);
    let o = run(d.path(), &["redact", "empty.txt"], b"");
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty());
}

/// A file larger than the read buffer, with IDs straddling the chunk
/// boundaries: every finding is reported once, at the right place.
#[test]
fn large_file_with_ids_across_chunk_boundaries() {
    let d = tmp();
    let line = "lorem ipsum dolor sit amet, consectetur adipiscing\n";
    let mut data = Vec::new();
    let mut want = Vec::new();
    for k in 1..=3 {
        // Put "fnr 01018000055" so the boundary k * CHUNK falls in it.
        let at = k * CHUNK - 7;
        while data.len() < at - 5 {
            data.extend_from_slice(line.as_bytes());
        }
        data.truncate(at - 5);
        data.extend_from_slice(b"\nfnr 01018000055\n");
        want.push(at);
    }
    data.extend_from_slice(line.as_bytes());
    write(d.path(), "big.txt", &data);
    let o = run(d.path(), &["scan", "--format", "jsonl", "big.txt"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let recs = jsonl(&o);
    let starts: Vec<usize> =
        recs.iter().map(|r| r["start"].as_u64().unwrap() as usize).collect();
    assert_eq!(starts, want);
    for (r, &s) in recs.iter().zip(&want) {
        let before = &data[..s];
        let line_no = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col =
            s - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
                + 1;
        assert_eq!(r["line"].as_u64().unwrap() as usize, line_no);
        assert_eq!(r["column"].as_u64().unwrap() as usize, col);
        assert_eq!(r["confidence"], "high");
    }
    // The same through stdin.
    let o = run(d.path(), &["scan", "--format", "jsonl"], &data);
    let starts2: Vec<usize> = jsonl(&o)
        .iter()
        .map(|r| r["start"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(starts2, want);
    // And redaction streams it: same length, nothing left.
    let o = run(d.path(), &["redact", "big.txt"], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(o.stdout.len(), data.len());
    for &s in &want {
        assert_eq!(&o.stdout[s..s + 11], b"***********");
    }
    let o2 = run(d.path(), &["scan", "--min-confidence", "low"], &o.stdout);
    assert_eq!(code(&o2), 0, "{}", stdout(&o2));
}

#[test]
fn kinds_countries_and_threshold_filter() {
    let d = tmp();
    write(
        d.path(),
        "mix.txt",
        "fnr 01018000055\nCPR 010180-1004\npersonnummer 811218-9876\n\
         bare 01018000055\ntemp 010594Y9032\n",
    );
    let kinds = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["scan", "--format", "jsonl"];
        a.extend_from_slice(args);
        a.push("mix.txt");
        jsonl(&run(d.path(), &a, b""))
            .iter()
            .map(|r| {
                format!(
                    "{}:{}",
                    r["kind"].as_str().unwrap(),
                    r["confidence"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        kinds(&[]),
        ["no_fnr:high", "dk_cpr:high", "se_pnr:high", "no_fnr:medium"]
    );
    assert_eq!(
        kinds(&["--kinds", "dk_cpr,se_pnr"]),
        ["dk_cpr:high", "se_pnr:high"]
    );
    assert_eq!(
        kinds(&["--countries", "no"]),
        ["no_fnr:high", "no_fnr:medium"]
    );
    assert_eq!(
        kinds(&["--countries", "dk, se"]),
        ["dk_cpr:high", "se_pnr:high"]
    );
    assert_eq!(
        kinds(&["--min-confidence", "high"]),
        ["no_fnr:high", "dk_cpr:high", "se_pnr:high"]
    );
    let low = kinds(&["--min-confidence", "low"]);
    assert_eq!(low.last().unwrap(), "fi_hetu:low");
    assert_eq!(low.len(), 5);
    // Nothing left by the filter: exit 0.
    let o = run(d.path(), &["scan", "--kinds", "is_kt", "mix.txt"], b"");
    assert_eq!(code(&o), 0);
}

#[test]
fn bad_options_exit_2_naming_the_value() {
    let d = tmp();
    write(d.path(), "a.txt", NO_LINE);
    let cases: &[(&[&str], &str)] = &[
        (&["scan", "--kinds", "no_fnr,xx_id", "a.txt"], "\"xx_id\""),
        (&["scan", "--countries", "de", "a.txt"], "\"de\""),
        (&["scan", "--min-confidence", "sure", "a.txt"], "\"sure\""),
        (&["scan", "--format", "xml", "a.txt"], "\"xml\""),
        (
            &["scan", "--kinds", "no_fnr", "--countries", "dk", "a.txt"],
            "nothing",
        ),
        (&["scan", "--bogus", "a.txt"], "--bogus"),
        (&["redact", "--style", "blur", "a.txt"], "\"blur\""),
        (&["frobnicate"], "frobnicate"),
        (&["scan", "--reference-date", "2023-02-30", "a.txt"], "2023-02-30"),
    ];
    for (args, needle) in cases {
        let o = run(d.path(), args, b"");
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn quiet_prints_nothing() {
    let d = tmp();
    write(d.path(), "a.txt", NO_LINE);
    let o = run(d.path(), &["scan", "-q", "a.txt"], b"");
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
}

#[test]
fn reference_date_decides_future_births() {
    let d = tmp();
    // Born 12 Dec 2025 (individual number 5xx: 2000s): before that date
    // it cannot be a fødselsnummer by every rule, so it is not `high`.
    write(d.path(), "a.txt", "fnr 12122550042\n");
    let ok = run(d.path(), &["validate", "no_fnr", "12122550042"], b"");
    if code(&ok) != 0 {
        eprintln!("skipped: test number not valid ({})", stdout(&ok));
        return;
    }
    let o = run(
        d.path(),
        &[
            "scan",
            "--min-confidence",
            "high",
            "--reference-date",
            "2024-01-01",
            "a.txt",
        ],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = run(
        d.path(),
        &[
            "scan",
            "--min-confidence",
            "high",
            "--reference-date",
            "2026-01-01",
            "a.txt",
        ],
        b"",
    );
    assert_eq!(code(&o), 1);
}

#[test]
fn broken_pipe_is_success() {
    let d = tmp();
    let mut data = String::new();
    for _ in 0..20_000 {
        data.push_str("fnr 01018000055\n");
    }
    write(d.path(), "many.txt", &data);
    let mut child = Command::new(SLADD)
        .args(["scan", "many.txt"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn examples_directory() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let o = run(root, &["scan", "--format", "jsonl", "examples"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // Every file read in full; the summary says so.
    assert!(
        stderr(&o).contains(
            "summary: 9 files (docx 1, eml 1, text 6, xlsx 1): 9 read in \
             full, 0 unscanned, 8 with findings"
        ),
        "{}",
        stderr(&o)
    );
    let recs = jsonl(&o);
    let mut files: Vec<&str> =
        recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    files.dedup();
    assert_eq!(
        files,
        [
            "examples/brev.eml",
            "examples/budsjett.xlsx",
            "examples/dk_sagsakt.txt",
            "examples/fi_kirje.txt",
            "examples/is_bref.txt",
            "examples/no_postliste.csv",
            "examples/sak.docx",
            "examples/se_diarium.txt"
        ]
    );
    let kinds: std::collections::BTreeSet<&str> =
        recs.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    for k in [
        "no_fnr", "no_dnr", "no_fhnr", "dk_cpr", "se_pnr", "se_snr",
        "fi_hetu", "is_kt",
    ] {
        assert!(kinds.contains(k), "{k}");
    }
    // The look-alikes are never national IDs, even at threshold low. Those
    // that are data of their own (an IBAN, a bank account, a phone number)
    // are reported under their own kinds; organisation numbers (off by
    // default), KID and case numbers stay silent.
    let o = run(
        root,
        &[
            "scan",
            "--min-confidence",
            "low",
            "--show-values",
            "--format",
            "jsonl",
            "examples",
        ],
        b"",
    );
    let recs: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let reported = |v: &str| {
        recs.iter()
            .filter(|r| {
                let value = r["value"].as_str().unwrap();
                value.contains(v) || v.contains(value)
            })
            .map(|r| {
                (
                    r["kind"].as_str().unwrap().to_string(),
                    r["group"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    for look_alike in [
        "1234.56.78901",
        "NO93 8601 1117 947",
        "12345678",
        "FI21 1234",
        "0101-26-123456",
        "0012345678",
    ] {
        for (kind, group) in reported(look_alike) {
            assert_ne!(group, "ids", "{look_alike} reported as {kind}");
        }
    }
    assert!(
        reported("NO93 8601 1117 947").iter().any(|(k, _)| k == "iban"),
        "the IBAN is reported as one"
    );
    for silent in [
        "988 077 917",
        "23/01234",
        "556677-8899",
        "530169-1020",
        "1234567-8",
        "2345678901234",
    ] {
        assert!(
            reported(silent).is_empty(),
            "{silent}: {:?}",
            reported(silent)
        );
    }
}

// ---------------------------------------------------------------- redact

const REDACT_TEXT: &str = "Vedtak for Kari, fnr 010180 00055.\n\
    CPR: 010180-1004; personnummer 19811218-9876\n\
    hetu 131052-308T, kt. 120160-3389, konto 1234.56.78901\n";

#[test]
fn redact_mask_keeps_length_and_rescan_is_clean() {
    let d = tmp();
    write(d.path(), "a.txt", REDACT_TEXT);
    let o = run(d.path(), &["redact", "a.txt"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.len(), REDACT_TEXT.len());
    assert_eq!(
        out,
        "Vedtak for Kari, fnr ****** *****.\n\
         CPR: ******-****; personnummer ********-****\n\
         hetu ******-****, kt. ******-****, konto 1234.56.78901\n"
    );
    let again =
        run(d.path(), &["scan", "--min-confidence", "low"], out.as_bytes());
    assert_eq!(code(&again), 0, "{}", stdout(&again));
    // stdin and "-" work the same.
    assert_eq!(
        stdout(&run(d.path(), &["redact"], REDACT_TEXT.as_bytes())),
        out
    );
    assert_eq!(
        stdout(&run(d.path(), &["redact", "-"], REDACT_TEXT.as_bytes())),
        out
    );
}

#[test]
fn redact_styles() {
    let d = tmp();
    let o =
        run(d.path(), &["redact", "--style", "label"], REDACT_TEXT.as_bytes());
    assert_eq!(
        stdout(&o),
        "Vedtak for Kari, fnr [no_fnr].\n\
         CPR: [dk_cpr]; personnummer [se_pnr]\n\
         hetu [fi_hetu], kt. [is_kt], konto 1234.56.78901\n"
    );
    let o = run(
        d.path(),
        &["redact", "--style", "keep_birthdate"],
        REDACT_TEXT.as_bytes(),
    );
    assert_eq!(
        stdout(&o),
        "Vedtak for Kari, fnr 010180 *****.\n\
         CPR: 010180-****; personnummer 19811218-****\n\
         hetu 131052-****, kt. 120160-****, konto 1234.56.78901\n"
    );
    // Options choose what is masked.
    let o = run(
        d.path(),
        &["redact", "--countries", "dk"],
        REDACT_TEXT.as_bytes(),
    );
    let out = stdout(&o);
    assert!(out.contains("010180 00055") && out.contains("CPR: ******-****"));
}

#[test]
fn redact_output_file_is_written_whole() {
    let d = tmp();
    write(d.path(), "a.txt", REDACT_TEXT);
    let o = run(d.path(), &["redact", "a.txt", "-o", "out.txt"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let out = fs::read_to_string(d.path().join("out.txt")).unwrap();
    assert!(out.contains("fnr ****** *****"));
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).unwrap(),
        REDACT_TEXT
    );
    // From stdin too.
    let o = run(
        d.path(),
        &["redact", "--output", "out2.txt"],
        REDACT_TEXT.as_bytes(),
    );
    assert_eq!(code(&o), 0);
    assert_eq!(fs::read_to_string(d.path().join("out2.txt")).unwrap(), out);
    assert_no_temp_files(d.path());
}

fn assert_no_temp_files(dir: &Path) {
    for e in fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name();
        assert!(
            !name.to_string_lossy().starts_with(".sladd-"),
            "stray {name:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn redact_in_place_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    write(d.path(), "a.txt", REDACT_TEXT);
    let p = d.path().join("a.txt");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    let o = run(d.path(), &["redact", "--in-place", "a.txt"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let out = fs::read_to_string(&p).unwrap();
    assert_eq!(out.len(), REDACT_TEXT.len());
    assert!(out.contains("fnr ****** *****"));
    assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o7777, 0o640);
    assert_no_temp_files(d.path());
    let again =
        run(d.path(), &["scan", "--min-confidence", "low", "a.txt"], b"");
    assert_eq!(code(&again), 0);
    // Through a symbolic link: the link stays, its target is redacted.
    write(d.path(), "b.txt", REDACT_TEXT);
    std::os::unix::fs::symlink("b.txt", d.path().join("link.txt")).unwrap();
    let o = run(d.path(), &["redact", "-i", "link.txt"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        fs::symlink_metadata(d.path().join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(d.path().join("b.txt")).unwrap(), out);
}

/// A read failure half-way leaves the target as it was and no temporary
/// file behind.
#[cfg(target_os = "linux")]
#[test]
fn redact_failure_leaves_target_untouched() {
    let d = tmp();
    write(d.path(), "target.txt", "old contents\n");
    let o =
        run(d.path(), &["redact", "/proc/self/mem", "-o", "target.txt"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("/proc/self/mem"), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(d.path().join("target.txt")).unwrap(),
        "old contents\n"
    );
    assert_no_temp_files(d.path());
}

#[test]
fn redact_errors() {
    let d = tmp();
    write(d.path(), "a.txt", REDACT_TEXT);
    fs::create_dir(d.path().join("sub")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["redact", "missing.txt"], "missing.txt: No such file"),
        (&["redact", "-i", "missing.txt"], "missing.txt: No such file"),
        (&["redact", "a.txt", "-o", "no/such/dir/out.txt"], "no/such/dir"),
        (&["redact", "sub"], "sub: is a directory"),
        (&["redact", "--in-place"], "--in-place needs a PATH"),
        (&["redact", "-i", "a.txt", "-o", "b.txt"], "cannot be used together"),
        (&["redact", "a.txt", "b.txt"], "one PATH"),
    ];
    for (args, needle) in cases {
        let o = run(d.path(), args, b"");
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).unwrap(),
        REDACT_TEXT
    );
    assert_no_temp_files(d.path());
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_exit_codes() {
    let d = tmp();
    let cases: &[(&str, &str, i32)] = &[
        ("no_fnr", "01018000055", 0),
        ("no_fnr", "010180 00055", 0),
        ("no_fnr", "01018000056", 1),
        ("no_dnr", "41019000077", 0),
        ("no_hnr", "01418000038", 0),
        ("dk_cpr", "010180-1004", 0),
        ("se_pnr", "811218-9876", 0),
        ("se_pnr", "701063-2391", 1),
        ("se_snr", "701063-2391", 0),
        ("fi_hetu", "131052-308T", 0),
        ("fi_hetu", "131052-308U", 1),
        ("is_kt", "120160-3389", 0),
        ("NO_FNR", "01018000055", 0),
    ];
    for &(kind, value, want) in cases {
        let o = run(d.path(), &["validate", kind, value], b"");
        assert_eq!(code(&o), want, "{kind} {value}");
        // An invalid value says which rule it breaks.
        let out = stdout(&o);
        if want == 0 {
            assert_eq!(out, "valid\n");
        } else {
            assert!(out.starts_with("invalid: "), "{out}");
        }
    }
    let o = run(d.path(), &["validate", "xx", "01018000055"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("\"xx\""));
    let o = run(d.path(), &["validate", "no_fnr"], b"");
    assert_eq!(code(&o), 2);
    let o = run(d.path(), &["validate", "any", "120160-3389"], b"");
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("is_kt"));
    let o = run(d.path(), &["validate", "any", "12345"], b"");
    assert_eq!(code(&o), 1);
}

// ---------------------------------------------------------------- help

#[test]
fn help_teaches_by_example() {
    let d = tmp();
    for args in [
        &["--help"][..],
        &[],
        &["help"],
        &["scan", "--help"],
        &["redact", "-h"],
        &["validate", "--help"],
        &["help", "scan"],
    ] {
        let o = run(d.path(), args, b"");
        assert_eq!(code(&o), 0, "{args:?}");
        assert!(stdout(&o).contains("EXAMPLES:"), "{args:?}");
    }
    let o = run(d.path(), &["--version"], b"");
    assert!(stdout(&o).starts_with("sladd "));
    let o = run(d.path(), &["scan", "--help"], b"");
    for opt in [
        "--format",
        "--kinds",
        "--countries",
        "--min-confidence",
        "--show-values",
        "--threads",
        "--follow",
        "--binary",
        "--quiet",
    ] {
        assert!(stdout(&o).contains(opt), "{opt}");
    }
}

#[test]
fn progress_and_threads_options() {
    let d = tmp();
    write(d.path(), "a.txt", NO_LINE);
    // A short run draws nothing, even when asked to.
    let o = run(d.path(), &["scan", "--progress", "a.txt"], b"");
    assert_eq!(code(&o), 1);
    assert!(o.stderr.is_empty());
    let o = run(d.path(), &["scan", "--no-progress", "-j", "3", "a.txt"], b"");
    assert_eq!(stdout(&o), "a.txt:1:23: no_fnr high 010180*****\n");
    let o = run(d.path(), &["scan", "-j", "many", "a.txt"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("\"many\""));
}

#[test]
fn empty_directory_is_clean() {
    let d = tmp();
    fs::create_dir(d.path().join("empty")).unwrap();
    let o = run(d.path(), &["scan", "--format", "json", "empty"], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "[]\n");
}

/// Findings of a long input are printed while it is still being read, not
/// kept until its end: with more findings than the output buffer holds,
/// the first arrives while stdin is still open.
#[test]
fn findings_stream_out_before_the_input_ends() {
    let mut child = Command::new(SLADD)
        .args(["scan", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sladd runs");
    let mut input = child.stdin.take().unwrap();
    // Two chunks' worth of findings, about 120 000.
    let line = b"fnr 010180 00055\n";
    let first = line.repeat(2 * CHUNK / line.len());
    input.write_all(&first).unwrap();
    input.flush().unwrap();
    // Read one line while stdin stays open.
    let mut out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = Vec::new();
        let mut b = [0u8; 1];
        while out.read(&mut b).unwrap_or(0) == 1 && b[0] != b'\n' {
            line.push(b[0]);
        }
        tx.send(line).unwrap();
        // Then the rest, to the end.
        let mut rest = Vec::new();
        out.read_to_end(&mut rest).unwrap();
        1 + rest.iter().filter(|&&b| b == b'\n').count()
    });
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("a finding is printed before stdin closes");
    let v: Value = serde_json::from_slice(&got).unwrap();
    assert_eq!(v["kind"], "no_fnr");
    assert_eq!(v["start"], 4);
    drop(input);
    assert_eq!(reader.join().unwrap(), first.len() / line.len());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

// ------------------------------------------------------------- documents

/// The generator of detect-docs's test corpus: docx, xlsx, eml, pdf and
/// hostile files with synthetic IDs (NO 01018000055, DK 010180-1004, SE
/// 811218-9876, FI 131052-308T) in every hiding place.
#[path = "../../detect-docs/tests/corpus_gen/mod.rs"]
mod corpus_gen;

/// A share with documents, text and files that cannot be read.
fn share(d: &Path) {
    write(d, "share/a.txt", NO_LINE);
    write(d, "share/minutes.docx", corpus_gen::docx());
    write(d, "share/budget.xlsx", corpus_gen::xlsx());
    write(
        d,
        "share/letter.pdf",
        corpus_gen::pdf(b"Vedtak fnr 01018000055", false),
    );
}

#[test]
fn documents_are_found_with_their_parts() {
    let d = tmp();
    share(d.path());
    let o = run(d.path(), &["scan", "share"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "share/a.txt:1:23: no_fnr high 010180*****\n",
        "share/minutes.docx:word/comments.xml:1:11: dk_cpr high 010180-****\n",
        "share/minutes.docx:word/header1.xml:1:9: dk_cpr high 010180-****\n",
        "share/minutes.docx:docProps/core.xml:1:12: dk_cpr high 010180-****\n",
        "share/budget.xlsx:sheet 2!C14:1:19: dk_cpr high 010180-****\n",
        "share/letter.pdf:page 1:1:12: no_fnr high 010180*****\n",
    ] {
        assert!(out.contains(line), "{line} missing in\n{out}");
    }
    // In path order: a.txt, budget.xlsx, letter.pdf, minutes.docx.
    let files: Vec<&str> =
        out.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    // Nothing unmasked anywhere, parts included.
    for id in ["01018000055", "1004", "9876", "308T"] {
        assert!(!out.contains(id), "{id} shown:\n{out}");
    }
    // --no-documents: only the text file is read.
    let o = run(
        d.path(),
        &["scan", "--no-documents", "-q", "share/minutes.docx"],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn jsonl_names_the_part() {
    let d = tmp();
    share(d.path());
    let o = run(d.path(), &["scan", "--format", "jsonl", "share"], b"");
    assert_eq!(code(&o), 1);
    let recs = jsonl(&o);
    // Every record has the keys in the contract's order, `part` second.
    let keys = [
        "path",
        "part",
        "line",
        "column",
        "start",
        "end",
        "kind",
        "group",
        "confidence",
        "value",
    ];
    for line in stdout(&o).lines() {
        let at: Vec<usize> = keys
            .iter()
            .map(|k| line.find(&format!("\"{k}\": ")).expect(k))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
    }
    assert!(
        stdout(&o).starts_with("{\"path\": \"share/a.txt\", \"part\": null, ")
    );
    let cell = recs
        .iter()
        .find(|r| r["part"] == "sheet 2!C14")
        .expect("the cell is named");
    assert_eq!(cell["path"], "share/budget.xlsx");
    assert_eq!(cell["kind"], "dk_cpr");
    assert_eq!(cell["value"], "010180-****");
    // Byte column and offsets in the part's text.
    assert_eq!(
        (cell["line"].as_u64(), cell["column"].as_u64()),
        (Some(1), Some(19))
    );
    assert_eq!(
        cell["end"].as_u64().unwrap() - cell["start"].as_u64().unwrap(),
        11
    );
    let o = run(
        d.path(),
        &["scan", "--format", "sarif", "share/budget.xlsx"],
        b"",
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let logical = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            r["locations"][0]["logicalLocations"][0]["name"].as_str()
        })
        .collect::<Vec<_>>();
    assert!(logical.contains(&"sheet 2!C14"), "{logical:?}");
}

#[test]
fn unscanned_files_exit_2_with_their_reason() {
    let d = tmp();
    write(d.path(), "share/a.txt", NO_LINE);
    write(d.path(), "share/locked.docx", corpus_gen::encrypted_docx());
    write(d.path(), "share/scan.pdf", corpus_gen::pdf(b"Vedtak", true));
    write(d.path(), "share/bomb.zip", corpus_gen::zip_bomb());
    let o = run(d.path(), &["scan", "share"], b"");
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    // The finding elsewhere still prints.
    assert_eq!(stdout(&o), "share/a.txt:1:23: no_fnr high 010180*****\n");
    let err = stderr(&o);
    assert!(
        err.contains("sladd: share/locked.docx: unscanned: encrypted\n"),
        "{err}"
    );
    assert!(
        err.contains("sladd: share/scan.pdf:page 2: unscanned: no text layer"),
        "{err}"
    );
    assert!(err.contains("sladd: share/bomb.zip"), "{err}");
    assert!(err.contains("unscanned: over size limit"), "{err}");
    // -q keeps the reasons (they are errors) but drops the summary.
    let o = run(d.path(), &["scan", "-q", "share"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("locked.docx: unscanned: encrypted"));
    assert!(!stderr(&o).contains("summary"));
}

#[test]
fn summary_closes_a_scan_of_several_files() {
    let d = tmp();
    share(d.path());
    write(d.path(), "share/locked.docx", corpus_gen::encrypted_docx());
    write(d.path(), "share/clean.txt", "nothing here\n");
    let o = run(d.path(), &["scan", "--format", "jsonl", "share"], b"");
    assert_eq!(code(&o), 2);
    let last = stderr(&o).lines().last().unwrap_or("").to_string();
    assert_eq!(
        last,
        "sladd: summary: 6 files (docx 1, encrypted 1, pdf 1, text 2, xlsx 1): \
         5 read in full, 1 unscanned (encrypted 1), 4 with findings"
    );
    // One file named: no summary.
    let o = run(d.path(), &["scan", "share/a.txt"], b"");
    assert_eq!(stderr(&o), "");
    // Two files named: a summary.
    let o = run(d.path(), &["scan", "share/a.txt", "share/clean.txt"], b"");
    assert_eq!(
        stderr(&o),
        "sladd: summary: 2 files (text 2): 2 read in full, 0 unscanned, \
         1 with findings\n"
    );
}

#[test]
fn redact_docx_round_trip() {
    let d = tmp();
    share(d.path());
    let o = run(
        d.path(),
        &["redact", "-o", "clean.docx", "share/minutes.docx"],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = fs::read(d.path().join("clean.docx")).unwrap();
    assert!(out.starts_with(b"PK\x03\x04"));
    let o =
        run(d.path(), &["scan", "--min-confidence", "low", "clean.docx"], b"");
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // The original had findings; in place works the same, atomically.
    let o = run(d.path(), &["redact", "--in-place", "share/budget.xlsx"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(
        d.path(),
        &["scan", "--min-confidence", "low", "share/budget.xlsx"],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_no_temp_files(&d.path().join("share"));
    // A style other than mask is refused for documents.
    let o = run(
        d.path(),
        &["redact", "--style", "label", "share/minutes.docx"],
        b"",
    );
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
}

#[test]
fn redact_refuses_pdf_without_text_and_unscanned_files() {
    let d = tmp();
    share(d.path());
    let o =
        run(d.path(), &["redact", "-o", "out.pdf", "share/letter.pdf"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--text"), "{}", stderr(&o));
    assert!(!d.path().join("out.pdf").exists());
    let o = run(
        d.path(),
        &["redact", "--text", "-o", "out.txt", "share/letter.pdf"],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = fs::read_to_string(d.path().join("out.txt")).unwrap();
    assert!(text.contains("Vedtak fnr ***********"), "{text}");
    // Anything unscanned: exit 2, nothing written.
    write(d.path(), "locked.docx", corpus_gen::encrypted_docx());
    let o = run(d.path(), &["redact", "-o", "x.docx", "locked.docx"], b"");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("locked.docx: unscanned: encrypted"),
        "{}",
        stderr(&o)
    );
    assert!(!d.path().join("x.docx").exists());
    assert_no_temp_files(d.path());
}

// ---------------------------------------------------------------- risk

#[test]
fn risk_prints_one_level_per_record() {
    let d = tmp();
    write(
        d.path(),
        "titler.txt",
        "Søknad om barnehageplass - Kari Nordmann\n\
         Vedtak om omsorgsovertakelse - Kari Nordmann\n\
         Vedtak om omsorgsovertakelse\n\
         Vedtak, fnr 010180 00055\n",
    );
    let o = run(d.path(), &["scan", "--risk", "titler.txt"], b"");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "titler.txt:1: personal person_name\n\
         titler.txt:2: special person_name,sensitive_child_welfare\n\
         titler.txt:3: clean sensitive_child_welfare\n\
         titler.txt:4: identifying no_fnr\n"
    );
    // No value is ever printed, and --min-risk filters.
    let o = run(
        d.path(),
        &[
            "scan",
            "--risk",
            "--min-risk",
            "special",
            "--format",
            "jsonl",
            "titler.txt",
        ],
        b"",
    );
    let out = stdout(&o);
    assert!(!out.contains("Kari") && !out.contains("010180"), "{out}");
    let recs: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let risks: Vec<&str> =
        recs.iter().map(|r| r["risk"].as_str().unwrap()).collect();
    assert_eq!(risks, ["special", "identifying"]);
    assert_eq!(recs[0]["line"], 2);
    // A whole file is one record; CSV rows after the header are records.
    let o = run(
        d.path(),
        &["scan", "--risk", "--records", "file", "titler.txt"],
        b"",
    );
    assert_eq!(
        stdout(&o),
        "titler.txt: identifying no_fnr,person_name,sensitive_child_welfare\n"
    );
    write(
        d.path(),
        "p.csv",
        "tittel,part\n\"Vedtak om omsorgsovertakelse,\nKari Nordmann\",x\nMøtereferat,y\n",
    );
    let o =
        run(d.path(), &["scan", "--risk", "--records", "csv", "p.csv"], b"");
    assert_eq!(
        stdout(&o),
        "p.csv:2 (row 1): special person_name,sensitive_child_welfare\n\
         p.csv:4 (row 2): clean\n"
    );
    let o =
        run(d.path(), &["scan", "--risk", "--records", "rows", "p.csv"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--records"), "{}", stderr(&o));
}

#[test]
fn validate_says_why_a_value_is_invalid() {
    let d = tmp();
    let o = run(d.path(), &["validate", "no_fnr", "01018000056"], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "invalid: a check digit fails\n");
    let o = run(d.path(), &["validate", "dk_cpr", "300280-1234"], b"");
    assert_eq!(stdout(&o), "invalid: not a real date\n");
    let o = run(d.path(), &["validate", "no_fnr", "01018000055"], b"");
    assert_eq!((code(&o), stdout(&o).as_str()), (0, "valid\n"));
}

#[test]
fn lenient_reads_damaged_numbers_after_a_label() {
    // `0101801 004`: the digits of a valid CPR broken by OCR.
    let d = tmp();
    write(d.path(), "scan.txt", "CPR: 0101801 004\nRef 0101801 004\n");
    let args = ["scan", "--format", "jsonl", "--reference-date", "2026-11-22"];
    let o = run(d.path(), &[&args[..], &["scan.txt"]].concat(), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o =
        run(d.path(), &[&args[..], &["--lenient", "scan.txt"]].concat(), b"");
    assert_eq!(code(&o), 1);
    let recs = jsonl(&o);
    assert_eq!(recs.len(), 1, "{}", stdout(&o));
    assert_eq!(recs[0]["kind"], "dk_cpr");
    // The span is the number as written, gaps included.
    assert_eq!(
        (recs[0]["start"].as_u64(), recs[0]["end"].as_u64()),
        (Some(5), Some(16))
    );
}
