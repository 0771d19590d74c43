//! The command-line interface: `foi-analyser [--format json|csv|table] [FILE|-]...`, and
//! `foi-analyser compare FILE...` for a batch (`cli_compare.rs`).

mod cli_compare;

use std::io::{Read, Write};
use std::process::ExitCode;

use foi_analyser::model::{Analysis, Level};
use foi_analyser::report;

const USAGE: &str = "\
foi-analyser: turn a UK Freedom of Information reply into a structured answer table

Usage: foi-analyser [--format json|csv|table] [FILE|-]...
       foi-analyser compare [--format csv|csv-long|json|xlsx] [-o OUT] FILE|FOLDER...

Reads each FILE (or standard input for `-` or when no FILE is given) and prints its analysis:
one JSON object for one input, a JSON array for several; CSV has one row per question.

`compare` compares many replies to one questionnaire: see `foi-analyser compare --help`.

Options:
  -f, --format FORMAT   json (default), csv or table
  -h, --help            print this help
  -V, --version         print the version

Exit status: 0 on success, 1 when any input could not be read or analysed (the reason is
printed on standard error, naming the file), 2 on a usage error.
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Table,
}

fn main() -> ExitCode {
    let mut format = Format::Json;
    let mut files: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("compare") {
        return cli_compare::run(args.skip(1).collect());
    }
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files {
            files.push(arg);
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
            "-V" | "--version" => {
                println!("foi-analyser {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-f" | "--format" => {
                let Some(v) = inline.or_else(|| args.next()) else {
                    return usage_error("--format needs a value: json, csv or table");
                };
                format = match v.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "table" => Format::Table,
                    other => {
                        return usage_error(&format!(
                            "unknown format `{other}`: use json, csv or table"
                        ))
                    }
                };
            }
            "--" => only_files = true,
            "-" => files.push(arg),
            f if f.starts_with('-') => return usage_error(&format!("unknown option `{f}`")),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }

    let mut failed = false;
    let mut analyses = Vec::with_capacity(files.len());
    for file in &files {
        let bytes = match read_input(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("foi-analyser: {file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let name = if file == "-" { "-" } else { file.as_str() };
        let analysis = analyse_guarded(&bytes, name);
        for d in analysis
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
        {
            eprintln!("foi-analyser: {file}: {}", d.message);
            failed = true;
        }
        analyses.push(analysis);
    }

    let out = match format {
        Format::Json if files.len() == 1 && analyses.len() == 1 => report::to_json(&analyses[0]),
        Format::Json => report::to_json_array(&analyses),
        Format::Csv => report::to_csv(&analyses),
        Format::Table => analyses
            .iter()
            .map(report::to_table)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(file)
    }
}

/// Analyses one input; a bug that panics on one file is reported and the batch goes on.
fn analyse_guarded(bytes: &[u8], name: &str) -> Analysis {
    match std::panic::catch_unwind(|| foi_analyser::analyse(bytes, name)) {
        Ok(a) => a,
        Err(_) => {
            let mut a = foi_analyser::analyse(b"", name);
            a.source.bytes = bytes.len();
            a.diagnostics = vec![foi_analyser::model::Diagnostic {
                level: Level::Error,
                code: "internal-error",
                message: "The analyser failed on this input (an internal error); please report it with the file.".into(),
                span: None,
            }];
            a
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("foi-analyser: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
