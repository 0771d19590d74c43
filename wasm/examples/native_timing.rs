//! Native timing of exactly what the page runs per input (analysis, JSON, CSV, decoded text),
//! for the page benchmark (`tests/browser/bench.mjs`) to compare with the same work in the
//! browser. Prints one JSON object per file: `{"file": ..., "bytes": ..., "mean_ms": ..., "runs": ...}`.
//!
//! `cargo run --release -p foi-analyser-wasm --example native_timing -- FILE...`

use std::time::{Duration, Instant};

use foi_analyser_wasm::Outputs;

fn main() {
    let min = Duration::from_millis(300);
    for file in std::env::args().skip(1) {
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("native_timing: {file}: {e}");
                std::process::exit(1);
            }
        };
        let name = std::path::Path::new(&file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // One warm-up run (the engine compiles its patterns lazily), then runs for at least
        // `min`; the mean of the timed runs, as the page's benchmark measures it.
        std::hint::black_box(Outputs::of(&bytes, &name));
        let mut runs = 0u32;
        let start = Instant::now();
        while start.elapsed() < min || runs < 5 {
            std::hint::black_box(Outputs::of(&bytes, &name));
            runs += 1;
        }
        let mean = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        println!(
            "{{\"file\": {:?}, \"bytes\": {}, \"mean_ms\": {:.4}, \"runs\": {}}}",
            file,
            bytes.len(),
            mean,
            runs
        );
    }
}
