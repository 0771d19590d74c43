//! The command-line contract of `foi-analyser compare FILE|FOLDER... [--format …] [-o OUT]`, on
//! the built binary and the real seeds.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_foi-analyser");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run the CLI")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seeds() -> Vec<String> {
    common::seeds()
        .into_iter()
        .map(|s| s.path.to_str().unwrap().to_string())
        .collect()
}

fn seeds_dir() -> String {
    common::corpus_dir()
        .join("seeds")
        .to_str()
        .unwrap()
        .to_string()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "foi-analyser-compare-{}-{tag}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Rows of an RFC 4180 CSV with a BOM (quoted fields, CRLF); enough for these checks.
fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let s = std::str::from_utf8(bytes).unwrap();
    let s = s.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut out = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match (quoted, c) {
            (true, '"') if it.peek() == Some(&'"') => {
                it.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(it.next(), Some('\n'));
                row.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    out
}

#[test]
fn wide_csv_is_the_default_one_row_per_authority() {
    let files = seeds();
    let args: Vec<&str> = std::iter::once("compare")
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 1 + files.len());
    assert_eq!(&r[0][..2], ["source", "authority"]);
    assert!(r[0].contains(&"Q6c status".to_string()));
    let auth: Vec<&str> = r[1..].iter().map(|x| x[1].as_str()).collect();
    assert!(auth.contains(&"Oxford City Council"), "{auth:?}");
    // Every row has every column.
    assert!(r.iter().all(|x| x.len() == r[0].len()));
}

#[test]
fn a_folder_stands_for_its_files_and_gives_the_same_table() {
    let files = seeds();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    let by_files = run(&args);
    let dir = seeds_dir();
    let by_folder = run(&["compare", &dir]);
    assert_eq!(code(&by_folder), 0, "{}", stderr(&by_folder));
    assert_eq!(
        rows(&by_files.stdout)[1..].len(),
        rows(&by_folder.stdout)[1..].len()
    );
    assert_eq!(rows(&by_files.stdout)[0], rows(&by_folder.stdout)[0]);
}

#[test]
fn long_csv_json_and_xlsx_with_an_output_file() {
    let dir = seeds_dir();
    let long = run(&["compare", "--format", "csv-long", &dir]);
    assert_eq!(code(&long), 0);
    let r = rows(&long.stdout);
    assert_eq!(
        r[0][..4],
        ["source", "authority", "question", "question_text"]
    );
    assert!(r
        .iter()
        .any(|x| x[1] == "Oxford City Council" && x[2] == "Q6c" && x[4] == "Q7b"));

    let tmp = TempDir::new("out");
    let out = tmp.path("batch.json");
    let j = run(&["compare", "--format=json", "-o", &out, &dir]);
    assert_eq!(code(&j), 0, "{}", stderr(&j));
    assert!(j.stdout.is_empty(), "-o writes nothing to standard output");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        v["schema_version"],
        foi_analyser::compare::COMPARISON_SCHEMA_VERSION
    );
    assert_eq!(v["analyses"].as_array().unwrap().len(), 3);
    assert_eq!(v["replies"].as_array().unwrap().len(), 3);
    for a in v["analyses"].as_array().unwrap() {
        common::validate(a).unwrap();
    }

    let x = tmp.path("batch.xlsx");
    let o = run(&["compare", "-f", "xlsx", "--output", &x, &dir]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bytes = std::fs::read(&x).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "an XLSX is a zip");
}

#[test]
fn a_bad_file_is_named_and_the_rest_are_compared() {
    let mut files = seeds();
    files.insert(1, "/nonexistent/reply.txt".into());
    let tmp = TempDir::new("bad");
    let png = tmp.path("scan.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    files.push(png.clone());
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("/nonexistent/reply.txt: cannot read"), "{err}");
    assert!(err.contains(&format!("{png}:")), "{err}");
    // The three seeds and the unreadable image each have a row; the missing file has none.
    let r = rows(&o.stdout);
    assert_eq!(r.len(), 1 + 4);
    let png_row = r.iter().find(|x| x[0] == png).expect("a row for the image");
    assert_eq!(png_row[3], "failed");
}

#[test]
fn a_reply_to_another_questionnaire_is_named_on_standard_error() {
    let other =
        common::corpus_dir().join("real-threads/sheffield-crm-and-cms-platform-information.txt");
    let other = other.to_str().unwrap();
    let o = run(&["compare", &seeds_dir(), other]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{other}: answers a different questionnaire")));
    let r = rows(&o.stdout);
    let row = r.iter().find(|x| x[0] == other).unwrap();
    assert_eq!(row[3], "different");
    // No column of the other questionnaire was added: every status cell of its row is empty.
    assert!(row[6..].iter().all(String::is_empty), "{row:?}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["compare"],
        vec!["compare", "--format", "pdf", "x.txt"],
        vec!["compare", "--bogus", "x.txt"],
        vec!["compare", "-o"],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(
            stderr(&o).contains("Usage: foi-analyser compare"),
            "{args:?}"
        );
    }
    let h = run(&["compare", "--help"]);
    assert_eq!(code(&h), 0);
    assert!(String::from_utf8_lossy(&h.stdout).contains("csv-long"));
    assert!(Path::new(BIN).exists());
}
