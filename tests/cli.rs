//! The command-line contract, on the built binary: `foi-analyser [--format json|csv|table] [FILE|-]...`.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use foi_analyser::{analyse, report};
use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_foi-analyser");

/// Runs the CLI with `args`, feeding `stdin` (empty when `None`).
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the CLI");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.unwrap_or_default().to_vec();
    // Written from another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("run the CLI");
    writer.join().expect("stdin writer");
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("stderr is UTF-8")
}

fn json(o: &Output) -> Json {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(o)))
}

/// A fresh folder under the system temp folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("foi-analyser-cli-{}-{tag}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("make a temp folder");
        TempDir(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write a temp file");
        p.to_str().expect("UTF-8 temp path").to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn seed(n: usize) -> (String, Vec<u8>) {
    let s = common::seeds().into_iter().nth(n).expect("a seed file");
    let bytes = s.bytes();
    (s.path.to_str().expect("UTF-8 path").to_string(), bytes)
}

fn assert_analysis(j: &Json, name: &str) {
    assert!(j.is_object(), "an analysis is a JSON object: {j}");
    assert_eq!(j["schema_version"], foi_analyser::model::SCHEMA_VERSION);
    assert_eq!(j["source"]["name"], name);
}

#[test]
fn one_file_prints_one_json_object_identical_to_the_library_output() {
    let (path, bytes) = seed(0);
    let o = run(&[&path], None);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    assert_analysis(&json(&o), &path);
    // Byte-identical to what the page downloads for the same input.
    assert_eq!(stdout(&o), report::to_json(&analyse(&bytes, &path)));
    assert_eq!(stderr(&o), "", "nothing on stderr on success");
}

#[test]
fn two_files_print_a_json_array_of_two_in_order() {
    let (a, _) = seed(0);
    let (b, _) = seed(1);
    let o = run(&[&a, &b], None);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let j = json(&o);
    let items = j.as_array().expect("a JSON array");
    assert_eq!(items.len(), 2);
    assert_analysis(&items[0], &a);
    assert_analysis(&items[1], &b);
}

#[test]
fn dash_and_no_argument_read_standard_input() {
    let (path, bytes) = seed(0);
    let expected = report::to_json(&analyse(&bytes, "-"));
    for args in [&["-"][..], &[][..], &["--format", "json", "-"][..]] {
        let o = run(args, Some(&bytes));
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_analysis(&json(&o), "-");
        assert_eq!(stdout(&o), expected, "{args:?}");
    }
    // `-` among files: read in its place.
    let o = run(&[&path, "-"], Some(&bytes));
    let j = json(&o);
    let items = j.as_array().expect("a JSON array");
    assert_eq!(items.len(), 2);
    assert_analysis(&items[0], &path);
    assert_analysis(&items[1], "-");
    assert_eq!(items[0]["source"]["bytes"], items[1]["source"]["bytes"]);
}

#[test]
fn double_dash_ends_the_options() {
    let dir = TempDir::new("dashdash");
    let (_, bytes) = seed(0);
    dir.file("--format", &bytes);
    // Run in the temp folder so the file is named by a relative `--format`.
    let o = Command::new(BIN)
        .current_dir(&dir.0)
        .args(["--", "--format"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    assert_analysis(&json(&o), "--format");
}

/// A strict RFC 4180 reader: CRLF record ends, `"`-quoted fields with `""` escapes; a quote
/// inside an unquoted field, a bare CR or LF outside quotes, or a missing final CRLF is an error.
fn parse_rfc4180(s: &str) -> Result<Vec<Vec<String>>, String> {
    let b = s.as_bytes();
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let mut field = Vec::new();
        if b[i] == b'"' {
            i += 1;
            loop {
                match b.get(i) {
                    None => return Err(format!("unterminated quoted field at byte {i}")),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => {
                        field.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        field.push(c);
                        i += 1;
                    }
                }
            }
        } else {
            while i < b.len() && b[i] != b',' && b[i] != b'\r' {
                if matches!(b[i], b'"' | b'\n') {
                    return Err(format!(
                        "{:?} in an unquoted field at byte {i}",
                        b[i] as char
                    ));
                }
                field.push(b[i]);
                i += 1;
            }
        }
        record.push(String::from_utf8(field).map_err(|e| e.to_string())?);
        match (b.get(i), b.get(i + 1)) {
            (Some(b','), _) => i += 1,
            (Some(b'\r'), Some(b'\n')) => {
                records.push(std::mem::take(&mut record));
                i += 2;
            }
            (None, _) => return Err("the last record does not end with CRLF".into()),
            (Some(&c), _) => return Err(format!("{:?} after a field at byte {i}", c as char)),
        }
    }
    Ok(records)
}

#[test]
fn the_rfc4180_reader_is_strict() {
    assert_eq!(
        parse_rfc4180("a,\"b,\"\"c\"\"\r\nd\"\r\n").unwrap(),
        vec![vec!["a".to_string(), "b,\"c\"\r\nd".into()]]
    );
    for bad in [
        "a\r\n\"b",
        "a\nb\r\n",
        "a\"b\r\n",
        "a,b",
        "\"a\"b\r\n",
        "a\rb\r\n",
    ] {
        assert!(parse_rfc4180(bad).is_err(), "{bad:?} accepted");
    }
}

#[test]
fn csv_has_a_bom_crlf_a_header_and_one_row_per_question() {
    let inputs: Vec<String> = common::seeds()
        .iter()
        .chain(&common::synthetic())
        .map(|i| i.path.to_str().unwrap().to_string())
        .collect();
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let o = run(&[&["--format", "csv"][..], &args].concat(), None);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let text = stdout(&o);
    let body = text
        .strip_prefix('\u{FEFF}')
        .expect("starts with a UTF-8 byte-order mark");
    assert!(!body.contains('\u{FEFF}'), "only one byte-order mark");
    let rows = parse_rfc4180(body).unwrap_or_else(|e| panic!("not RFC 4180: {e}\n{text}"));
    assert_eq!(rows[0], report::CSV_COLUMNS.to_vec(), "header row");
    assert!(
        rows.iter().all(|r| r.len() == report::CSV_COLUMNS.len()),
        "every row has every column"
    );

    // One row per question, in order, agreeing with the JSON of the same files.
    let analyses = json(&run(&args, None));
    let mut expected = Vec::new();
    for a in analyses.as_array().expect("array") {
        for q in a["questions"].as_array().expect("questions") {
            expected.push((
                a["source"]["name"].as_str().unwrap().to_string(),
                q["id"].as_str().unwrap().to_string(),
                q["status"].as_str().unwrap().to_string(),
            ));
        }
    }
    let got: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[3].clone(), r[6].clone()))
        .collect();
    assert_eq!(got, expected);
    // The formula guard: a cell is never read by a spreadsheet as a formula.
    for r in &rows[1..] {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula-like cell {cell:?}"
            );
        }
    }
}

#[test]
fn csv_of_one_input_with_the_inline_option_form() {
    let (path, _) = seed(2);
    let o = run(&["--format=csv", &path], None);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    assert!(stdout(&o).starts_with("\u{FEFF}source,authority,reference,id,"));
    assert!(stdout(&o).ends_with("\r\n"));
    assert!(!stdout(&o).replace("\r\n", "").contains('\r'), "no bare CR");
}

#[test]
fn table_prints_the_source_and_the_column_heads() {
    let (path, _) = seed(0);
    for args in [["--format", "table"], ["-f", "table"]] {
        let o = run(&[&args[..], &[path.as_str()]].concat(), None);
        assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            out.starts_with(&path),
            "the table starts with the file name:\n{out}"
        );
        for head in ["id", "status", "exemptions", "values", "answer"] {
            assert!(out.contains(head), "no `{head}` column:\n{out}");
        }
    }
}

#[test]
fn help_and_version_exit_0() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag], None);
        assert_eq!(code(&o), 0);
        assert!(stdout(&o).contains("Usage: foi-analyser"), "{}", stdout(&o));
        assert!(stdout(&o).contains("--format"));
    }
    let o = run(&["--version"], None);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).trim(),
        format!("foi-analyser {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_with_a_message_on_stderr() {
    let (path, _) = seed(0);
    let cases: [(&[&str], &str); 5] = [
        (&["--frobnicate", &path], "--frobnicate"),
        (&["-x"], "-x"),
        (&["--format", "xml", &path], "xml"),
        (&["--format=yaml", &path], "yaml"),
        (&["--format"], "--format"),
    ];
    for (args, names) in cases {
        let o = run(args, None);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(
            stderr(&o).contains(names),
            "{args:?}: stderr does not name `{names}`: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("Usage"),
            "{args:?}: stderr shows the usage"
        );
        assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
}

#[test]
fn a_missing_file_exits_1_naming_it_and_the_rest_of_the_batch_is_printed() {
    let (a, _) = seed(0);
    let (b, _) = seed(1);
    let dir = TempDir::new("missing");
    let missing = dir.0.join("no-such-reply.txt");
    let missing = missing.to_str().unwrap();
    let o = run(&[&a, missing, &b], None);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains(missing),
        "stderr does not name the file: {}",
        stderr(&o)
    );
    let j = json(&o);
    let items = j.as_array().expect("still a JSON array");
    let names: Vec<&str> = items
        .iter()
        .map(|i| i["source"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [a.as_str(), b.as_str()]);
}

#[test]
fn empty_and_binary_files_exit_1_with_the_reason_and_an_error_diagnostic() {
    let dir = TempDir::new("refused");
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6";
    let pdf = common::documents()
        .into_iter()
        .find(|d| d.name.ends_with("psni.pdf"))
        .expect("psni.pdf in the corpus");
    let cases = [
        (dir.file("empty.txt", b""), "empty", "empty-input"),
        (
            dir.file("blank.txt", b"\r\n  \n\t"),
            "white space",
            "empty-input",
        ),
        (dir.file("scan.png", png), "image", "binary-input"),
        (
            dir.file("cut.pdf", &pdf.bytes()[..400]),
            "PDF is damaged",
            "damaged-pdf",
        ),
    ];
    for (path, reason, code_) in &cases {
        let o = run(&[path], None);
        assert_eq!(code(&o), 1, "{path}");
        let err = stderr(&o);
        assert!(
            err.contains(path.as_str()),
            "stderr does not name {path}: {err}"
        );
        assert!(
            err.contains(reason),
            "stderr does not say `{reason}`: {err}"
        );
        let j = json(&o);
        assert_analysis(&j, path);
        let diags = j["diagnostics"].as_array().unwrap();
        assert!(
            diags
                .iter()
                .any(|d| d["level"] == "error" && d["code"] == *code_),
            "{path}: {diags:?}"
        );
    }
    // In a batch: the good file is analysed, the bad one reported, exit 1.
    let (good, _) = seed(0);
    let o = run(&[&good, &cases[2].0], None);
    assert_eq!(code(&o), 1);
    let j = json(&o);
    assert_eq!(j.as_array().map(Vec::len), Some(2));
    assert_eq!(
        j[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["level"] == "error")
            .count(),
        0
    );
    // Empty standard input is refused the same way, naming `-`.
    let o = run(&[], Some(b""));
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("-: "), "{}", stderr(&o));
}
