//! Times the stages of a batch comparison on a folder of replies: analysis, comparison, each
//! export. `cargo run --release --example compare_timing -- DIR` (after `compare_batch`).

use std::time::Instant;

use foi_analyser::compare::{self, export, Reply};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: compare_timing DIR");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let t = Instant::now();
    let mut bytes = 0usize;
    let replies: Vec<Reply> = files
        .iter()
        .map(|f| {
            let b = std::fs::read(f).expect("read");
            bytes += b.len();
            Reply::from_analysis(&foi_analyser::analyse(&b, &f.to_string_lossy()))
        })
        .collect();
    let analyse = t.elapsed();
    let t = Instant::now();
    let cmp = compare::compare(&replies, &[]);
    let comparing = t.elapsed();
    let t = Instant::now();
    let wide = export::wide_csv(&cmp, &replies);
    let wide_t = t.elapsed();
    let t = Instant::now();
    let long = export::long_csv(&cmp, &replies);
    let long_t = t.elapsed();
    println!(
        "{} replies, {:.1} MB: analyse {:.0} ms, compare {:.0} ms, wide CSV {:.0} ms ({} KB), long CSV {:.0} ms ({} KB); {} columns",
        replies.len(),
        bytes as f64 / 1e6,
        analyse.as_secs_f64() * 1e3,
        comparing.as_secs_f64() * 1e3,
        wide_t.as_secs_f64() * 1e3,
        wide.len() / 1000,
        long_t.as_secs_f64() * 1e3,
        long.len() / 1000,
        cmp.questionnaire.len()
    );
}
