//! Developer aid: runs the pipeline over a fixed set of inputs, for instruction counts under
//! callgrind (stable on a noisy, shared machine, unlike wall-clock time).
//!
//! `profile concat|batch [ROUNDS]`:
//! - `concat`: the corpus's text inputs (seeds, synthetic, folding examples, e-mails) pasted as
//!   one input, as `benches/pipeline.rs`'s `analyse/corpus-concat`;
//! - `batch`: every small real reply (`../shared/corpus/real-layouts/*.txt` and
//!   `tests/layouts/*.txt`), each analysed as its own input, as `analyse/batch`.
//!
//! The inputs are analysed once first (the patterns compiled, the lazy tables built), then
//! ROUNDS times (default 1) inside `measured`, the one function to count:
//!
//! ```sh
//! cargo build --release --example profile
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' \
//!     target/release/examples/profile batch
//! ```
//!
//! Without `--collect-atstart=no` the count is the whole process (set-up included).
//! `scripts/bench-cli.sh` runs both cases this way when `CALLGRIND=1`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("FOI_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

/// The bytes of every file in `dir` whose name ends with one of `exts`, sorted by name.
fn files(dir: &Path, exts: &[&str]) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("folder entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| exts.iter().any(|x| n.ends_with(x)) && n != "KNOWN_MISSES.txt")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

fn inputs(case: &str) -> Vec<Vec<u8>> {
    let root = corpus_dir();
    match case {
        "concat" => {
            let mut all = files(&root.join("seeds"), &[".txt"]);
            all.extend(files(&root.join("synthetic"), &[".txt"]));
            all.extend(files(&root.join("peers/alaveteli/folding"), &[".txt"]));
            all.extend(files(&root.join("peers/alaveteli/eml"), &[".eml"]));
            let mut out = Vec::new();
            for bytes in all {
                out.extend_from_slice(&bytes);
                out.extend_from_slice(b"\n\n");
            }
            vec![out]
        }
        "batch" => {
            let mut all = files(&root.join("real-layouts"), &[".txt"]);
            all.extend(files(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layouts"),
                &[".txt"],
            ));
            all
        }
        other => panic!("unknown case {other:?}: concat or batch"),
    }
}

/// The first analysis of every input, left out of the count.
#[inline(never)]
fn warm_up(inputs: &[Vec<u8>]) -> usize {
    inputs
        .iter()
        .map(|b| foi_analyser::analyse(b, "warm-up").questions.len())
        .sum()
}

#[inline(never)]
fn measured(inputs: &[Vec<u8>], rounds: usize) -> usize {
    let mut n = 0;
    for _ in 0..rounds {
        for bytes in inputs {
            n += foi_analyser::analyse(black_box(bytes), "profile")
                .questions
                .len();
        }
    }
    n
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "batch".into());
    let rounds: usize = args
        .next()
        .map_or(1, |r| r.parse().expect("ROUNDS: a number"));
    let inputs = inputs(&case);
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let warm = warm_up(&inputs);
    let n = measured(&inputs, rounds);
    assert_eq!(n, warm * rounds);
    println!(
        "{case}: {} inputs, {bytes} bytes, {rounds} round(s), {warm} questions per round",
        inputs.len()
    );
}
