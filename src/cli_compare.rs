//! `foi-analyser compare FILE...`: many replies to one questionnaire as one table.
//!
//! Streaming: each file is read, analysed and reduced to its [`Reply`] (and, for JSON, its
//! analysis as compact JSON text) before its thread reads another (one thread per core), so
//! memory grows with the batch's results, not with its input. A file that cannot be read or analysed is reported on standard
//! error with its name and the batch goes on.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use foi_analyser::compare::{self, export, Membership, Reply};

pub const USAGE: &str = "\
Usage: foi-analyser compare [--format csv|csv-long|json|xlsx] [-o OUT] FILE|FOLDER...

Analyses every reply (a FOLDER stands for the files in it, recursively) and compares them as
replies to one questionnaire: the questionnaire most replies share, each reply's questions
mapped onto it, one row per authority.

Options:
  -f, --format FORMAT   csv (default): one row per authority, a status and a value column
                        per question; csv-long: one row per answer; json: the comparison
                        with the mapping, its confidences and the analyses; xlsx: a workbook
                        (matrix, long, summary, authorities, questionnaire sheets)
  -o, --output OUT      write to OUT instead of standard output
  -h, --help            print this help

A reply to a different questionnaire is named on standard error and left out of the
questionnaire. Exit status: 0 on success, 1 when any file could not be read or analysed (the
others are still compared), 2 on a usage error.
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Wide,
    Long,
    Json,
    Xlsx,
}

pub fn run(args: Vec<String>) -> ExitCode {
    let mut format = Format::Wide;
    let mut output: Option<String> = None;
    let mut inputs: Vec<String> = Vec::new();
    let mut only_files = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if only_files {
            inputs.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-f" | "--format" => {
                let Some(v) = inline.or_else(|| args.next()) else {
                    return usage("--format needs a value: csv, csv-long, json or xlsx");
                };
                format = match v.as_str() {
                    "csv" => Format::Wide,
                    "csv-long" => Format::Long,
                    "json" => Format::Json,
                    "xlsx" => Format::Xlsx,
                    other => {
                        return usage(&format!(
                            "unknown format `{other}`: use csv, csv-long, json or xlsx"
                        ))
                    }
                };
            }
            "-o" | "--output" => {
                let Some(v) = inline.or_else(|| args.next()) else {
                    return usage("--output needs a file name");
                };
                output = Some(v);
            }
            "--" => only_files = true,
            f if f.starts_with('-') && f != "-" => return usage(&format!("unknown option `{f}`")),
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        return usage("compare needs at least one FILE or FOLDER");
    }
    if format == Format::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        return usage("an xlsx workbook is binary: write it with -o FILE.xlsx or a redirect");
    }

    let mut failed = false;
    let mut files: Vec<PathBuf> = Vec::new();
    for i in &inputs {
        let p = Path::new(i);
        if p.is_dir() {
            if let Err(e) = walk(p, &mut files) {
                eprintln!("foi-analyser: {i}: cannot read the folder: {e}");
                failed = true;
            }
        } else {
            files.push(p.to_path_buf());
        }
    }

    let (replies, analyses, read_failed) = analyse_all(&files, format == Format::Json);
    failed |= read_failed;

    let cmp = compare::compare(&replies, &[]);
    for m in &cmp.replies {
        match m.questionnaire {
            Membership::Different => eprintln!(
                "foi-analyser: {}: answers a different questionnaire; left out of the table",
                m.source
            ),
            Membership::NoQuestions => eprintln!(
                "foi-analyser: {}: no numbered questions found; its row is empty",
                m.source
            ),
            _ => {}
        }
    }
    let bytes: Vec<u8> = match format {
        Format::Wide => export::wide_csv(&cmp, &replies).into_bytes(),
        Format::Long => export::long_csv(&cmp, &replies).into_bytes(),
        Format::Json => export::json(&cmp, &analyses).into_bytes(),
        Format::Xlsx => match xlsx(&cmp, &replies) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("foi-analyser: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let written = match &output {
        Some(path) => std::fs::write(path, &bytes).map_err(|e| format!("{path}: {e}")),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(|e| format!("standard output: {e}"))
        }
    };
    if let Err(e) = written {
        eprintln!("foi-analyser: cannot write {e}");
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(feature = "xlsx")]
fn xlsx(cmp: &compare::Comparison, replies: &[Reply]) -> Result<Vec<u8>, String> {
    compare::xlsx::workbook(cmp, replies)
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &compare::Comparison, _: &[Reply]) -> Result<Vec<u8>, String> {
    Err("this build has no xlsx support (built without the `xlsx` feature)".into())
}

/// One file's result: its reply, its analysis as JSON when wanted, its error messages.
type Outcome = (Option<Reply>, Option<String>, Vec<String>);

/// Analyses `files` on every core, each thread taking the next file when it is done with one:
/// at any time each thread holds one file's bytes, so memory grows with the results only.
/// Results keep the order of `files`; a file that cannot be read has no reply.
fn analyse_all(files: &[PathBuf], keep_json: bool) -> (Vec<Reply>, Vec<String>, bool) {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; files.len()]);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let name = file.to_string_lossy().into_owned();
                let outcome: Outcome = match std::fs::read(file) {
                    Ok(bytes) => {
                        let analysis = crate::analyse_guarded(&bytes, &name);
                        drop(bytes);
                        let reply = Reply::from_analysis(&analysis);
                        let json =
                            keep_json.then(|| serde_json::to_string(&analysis).unwrap_or_default());
                        let errors = reply.errors.clone();
                        (Some(reply), json, errors)
                    }
                    Err(e) => (None, None, vec![format!("cannot read: {e}")]),
                };
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(outcome);
                }
            });
        }
    });
    let mut failed = false;
    let mut replies = Vec::with_capacity(files.len());
    let mut analyses = Vec::new();
    let results = results.into_inner().unwrap_or_default();
    for (file, outcome) in files.iter().zip(results) {
        let Some((reply, json, errors)) = outcome else {
            continue;
        };
        for e in &errors {
            eprintln!("foi-analyser: {}: {e}", file.to_string_lossy());
            failed = true;
        }
        if let Some(reply) = reply {
            replies.push(reply);
            analyses.extend(json);
        }
    }
    (replies, analyses, failed)
}

/// The files under `dir`, sorted by path, hidden ones (`.DS_Store`, `.git`) left out.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("foi-analyser compare: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
