//! Writes a benchmark batch for `foi-analyser compare`: N replies (default 400) of about 20 KB
//! each, made from the three seed replies (one questionnaire) with each copy's authority, figures
//! and length varied, so the comparison has real work: mapping, numbers, choices.
//!
//! `cargo run --release --example compare_batch -- OUT_DIR [N]`, then
//! `time foi-analyser compare OUT_DIR > /dev/null` (see README, "Comparing a batch").

use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| {
        eprintln!("usage: compare_batch OUT_DIR [N]");
        std::process::exit(2)
    });
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(400);
    let corpus = std::env::var_os("FOI_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let seeds: Vec<String> = ["portsmouth-crm.txt", "oxford-crm.txt", "stoke-crm.txt"]
        .iter()
        .map(|f| {
            std::fs::read_to_string(corpus.join("seeds").join(f))
                .unwrap_or_else(|e| panic!("{f}: {e}"))
        })
        .collect();
    let names = [
        "Portsmouth City Council",
        "Oxford City Council",
        "Stoke on Trent City Council",
    ];
    std::fs::create_dir_all(&out).expect("make OUT_DIR");
    let mut total = 0usize;
    for i in 0..n {
        let k = i % 3;
        let authority = format!("Borough Council Number {i}");
        let mut text = seeds[k].replace(names[k], &authority);
        // Vary the figures a little so that the summaries have spread.
        for (from, to) in [
            ("250", 250 + i),
            ("115", 100 + i % 50),
            ("205400", 200_000 + 37 * i),
        ] {
            text = text.replacen(from, &to.to_string(), 1);
        }
        // Pad to about 20 KB with the kind of text replies end with.
        let footer =
            "\nIf you are dissatisfied with the handling of your request, you have the right \
                      to ask for an internal review. Internal review requests should be submitted \
                      within two months of the date of receipt of the response to your original \
                      letter. If you are not content with the outcome of the internal review, you \
                      have the right to apply directly to the Information Commissioner.\n";
        while text.len() < 20_000 {
            text.push_str(footer);
        }
        total += text.len();
        std::fs::write(Path::new(&out).join(format!("reply-{i:03}.txt")), text).expect("write");
    }
    eprintln!("{n} replies, {:.1} MB, in {out}", total as f64 / 1e6);
}
