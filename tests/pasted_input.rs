//! Pastes that are not one FOI reply: a binary file's bytes pasted as text (refused as binary,
//! quickly, in the CLI through standard input as in the page), and a paste of many separate
//! requests (analysed, with a `many-requests` warning). Run on the real corpus, to show that
//! neither check fires on a real reply or a single thread, however long.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use foi_analyser::model::{Analysis, Level};
use foi_analyser::{analyse, decode, report};
use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_foi-analyser");

/// Deterministic pseudo-random bytes (xorshift), the same every run.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

/// 2 MB of random bytes as a browser or an editor pastes them: read as UTF-8, every invalid
/// byte a U+FFFD replacement character.
fn pasted_binary() -> String {
    String::from_utf8_lossy(&random_bytes(2 * 1024 * 1024)).into_owned()
}

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every input of the corpus (all its folders: seeds, synthetic, real layouts, pages and
/// threads, the peers' e-mails, folding examples and documents) and of tests/layouts.
fn every_input() -> Vec<PathBuf> {
    let mut all = files_under(&common::corpus_dir());
    all.extend(files_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layouts"),
    ));
    all.retain(|p| !p.extension().is_some_and(|e| e == "json" || e == "md"));
    assert!(all.len() > 150, "only {} corpus files", all.len());
    all
}

fn codes(a: &Analysis) -> Vec<&'static str> {
    a.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn no_corpus_file_is_refused_as_pasted_binary() {
    let mut read = 0;
    for path in every_input() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(decoded) = decode::decode(&bytes) else {
            continue; // a binary file (PDF) or an empty one: refused by its bytes, as before
        };
        // A reader's output (an e-mail body in a broken charset) is no paste: only text that
        // arrived as text is checked for a pasted binary file.
        if decoded.format != "text" {
            // (An attachment it could not read may still get its own message.)
            let a = analyse(&bytes, &path.to_string_lossy());
            assert_ne!(
                a.source.format,
                "binary",
                "{} is refused as binary",
                path.display()
            );
            continue;
        }
        read += 1;
        assert!(
            !foi_analyser::binary_text::looks_like_pasted_binary(&decoded.text),
            "{} is refused as binary: {:?}",
            path.display(),
            foi_analyser::binary_text::Composition::of(&decoded.text)
        );
        // And pasted: the decoded text, as the page hands it over.
        let a = analyse(decoded.text.as_bytes(), "paste");
        assert!(
            !codes(&a).contains(&"binary-input"),
            "{}: {:?}",
            path.display(),
            a.diagnostics
        );
    }
    assert!(read > 150, "only {read} corpus files read as text");
}

#[test]
fn the_cli_refuses_two_megabytes_of_pasted_binary_from_standard_input() {
    let input = pasted_binary();
    let len = input.len();
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(["--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let elapsed = start.elapsed();
    eprintln!("2 MB of pasted binary refused by the CLI in {elapsed:?}");
    // A guard against a hang, not a benchmark (this is a debug build on a shared machine).
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");

    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("foi-analyser: -: This does not look like text")
            && err.contains("replacement characters")
            && err.contains("binary file"),
        "{err}"
    );
    let j: Json = serde_json::from_slice(&out.stdout).unwrap();
    common::validate(&j).unwrap();
    assert_eq!(j["source"]["format"], "binary");
    assert_eq!(j["source"]["bytes"], len);
    assert_eq!(j["questions"].as_array().unwrap().len(), 0);
    let diags = j["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "binary-input");
    assert_eq!(diags[0]["level"], "error");
    assert!(j["thread"]["outcome"].is_null());
}

#[test]
fn pasted_binary_is_refused_by_the_core_without_text_to_show() {
    let input = pasted_binary();
    let start = Instant::now();
    let a = analyse(input.as_bytes(), "paste");
    eprintln!("analyse(2 MB of pasted binary): {:?}", start.elapsed());
    assert_eq!(codes(&a), ["binary-input"]);
    assert_eq!(a.diagnostics[0].level, Level::Error);
    assert!(a.questions.is_empty());
    assert!(a.thread.exemptions.is_empty() && a.thread.outcome.is_none());
    // The page shows no source text for it, as for a binary file.
    assert_eq!(foi_analyser::decoded_text(input.as_bytes()), None);
}

/// The WhatDoTheyKnow request pages among the real threads (the police letters are not).
fn request_pages() -> Vec<(String, String)> {
    let dir = common::corpus_dir().join("real-threads");
    let pages: Vec<(String, String)> = files_under(&dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sheffield-")
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    assert!(pages.len() >= 20, "only {} request pages", pages.len());
    pages
}

#[test]
fn a_paste_of_several_real_threads_says_how_many_requests_it_holds() {
    let pages = request_pages();
    for n in [2, 5, pages.len()] {
        let chosen: Vec<&(String, String)> =
            pages.iter().step_by(pages.len() / n).take(n).collect();
        let paste = chosen
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let a = analyse(paste.as_bytes(), "paste");
        let warnings: Vec<_> = a
            .diagnostics
            .iter()
            .filter(|d| d.code == "many-requests")
            .collect();
        assert_eq!(warnings.len(), 1, "{n} threads: {:?}", a.diagnostics);
        let d = warnings[0];
        assert_eq!(d.level, Level::Warning);
        assert!(
            d.message.contains(&format!("{n} separate requests")) && d.message.contains("batch"),
            "{n} threads: {}",
            d.message
        );
        // It points at the second thread's title.
        let span = d.span.expect("a span");
        let second_title = chosen[1].1.lines().next().unwrap().trim();
        assert_eq!(&paste[span.start..span.end], second_title);
        let j: Json = serde_json::from_str(&report::to_json(&a)).unwrap();
        common::validate(&j).unwrap();
    }
}

#[test]
fn a_single_input_never_says_it_holds_many_requests() {
    for path in every_input() {
        let bytes = std::fs::read(&path).unwrap();
        let a = analyse(&bytes, "x");
        assert!(
            !codes(&a).contains(&"many-requests"),
            "{}: {:?}",
            path.display(),
            a.diagnostics
        );
    }
    // A thread pasted twice is still one request.
    for (name, text) in request_pages().iter().take(3) {
        let a = analyse(format!("{text}\n{text}").as_bytes(), name);
        assert!(!codes(&a).contains(&"many-requests"), "{name} twice");
    }
}

#[test]
fn e_mails_of_different_threads_run_together_are_counted() {
    let eml: Vec<Vec<u8>> = common::eml().iter().map(|i| i.bytes()).collect();
    // The peers' e-mails are separate messages of separate conversations, except where one
    // replies to, or shares the subject of, another; the count joins those.
    // As a mailbox (mbox) file holds them: each after a `From ` separator line.
    let mailbox: Vec<u8> = eml
        .iter()
        .take(12)
        .flat_map(|b| {
            let mut m = Vec::new();
            if !b.starts_with(b"From ") {
                m.extend_from_slice(b"From sender@example.org Mon Jun  3 10:00:00 2024\n");
            }
            m.extend_from_slice(b);
            m.extend_from_slice(b"\n\n");
            m
        })
        .collect();
    // Counted on the mailbox's own headers (the e-mail reader renders one thread of them).
    let text = String::from_utf8_lossy(&mailbox).into_owned();
    let c = foi_analyser::request_count::count(&foi_analyser::text::Doc::new(&text));
    eprintln!("{c:?}");
    assert!((3..=12).contains(&c.mail_threads), "{c:?}");
    let a = analyse(&mailbox, "mailbox");
    assert!(codes(&a).contains(&"many-requests"), "{:?}", a.diagnostics);
}
