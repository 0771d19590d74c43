//! Throughput of the pipeline and of its stages on the shared corpus.
//!
//! Run with `cargo bench --bench pipeline` (or a filter: `cargo bench --bench pipeline --
//! stages/`). Criterion prints time and MB/s (`Throughput::Bytes`) for each benchmark. The
//! corpus is read from `../shared/corpus` beside the repository, or from `$FOI_CORPUS`.
//!
//! Groups:
//! - `analyse/<file>`: the whole pipeline on each FOI reply of the corpus (seeds, synthetic);
//! - `analyse/corpus-concat`: the whole pipeline on every corpus text input (replies, folding
//!   examples, e-mails) concatenated, as one large paste;
//! - `analyse/batch`: the whole pipeline on every small real reply (`real-layouts/` of the
//!   corpus and `tests/layouts/`), each analysed as its own input, one after another: the
//!   per-reply fixed costs, which the concatenated case hides (issue 13);
//! - `paste/<n>MB`: the whole pipeline on a reply pasted again and again up to n MB, so that
//!   MB/s falling with n shows super-linear behaviour;
//! - `stages/*`: one stage at a time. Decode and normalise run on the concatenated corpus; the
//!   engine stages (messages ... align, values, dates) run over all the FOI replies, each stage
//!   on the previous stages' output, as in `pipeline::analyse_decoded`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use foi_analyser::text::Doc;
use foi_analyser::{
    align, analyse, dates, decode, markers, messages, metadata, normalise, questionnaire, values,
};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("FOI_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

/// `(label, bytes)` of every file in `dir` whose name ends with one of `exts`, sorted by name.
fn files(dir: &Path, exts: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus folder {}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| exts.iter().any(|x| n.ends_with(x)))
        })
        .map(|p| {
            let label = p
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_string();
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (label, bytes)
        })
        .collect();
    out.sort();
    out
}

/// The FOI replies of the corpus (seeds and synthetic threads), one by one.
fn replies() -> Vec<(String, Vec<u8>)> {
    let root = corpus_dir();
    let mut v = files(&root.join("seeds"), &[".txt"]);
    v.extend(files(&root.join("synthetic"), &[".txt"]));
    assert!(
        v.len() >= 3,
        "too few corpus files under {}",
        root.display()
    );
    v
}

/// Every text input of the corpus (replies, folding examples, e-mails) as one paste.
fn concat() -> Vec<u8> {
    let root = corpus_dir();
    let mut all = replies();
    all.extend(files(&root.join("peers/alaveteli/folding"), &[".txt"]));
    all.extend(files(&root.join("peers/alaveteli/eml"), &[".eml"]));
    let mut out = Vec::new();
    for (_, bytes) in all {
        out.extend_from_slice(&bytes);
        out.extend_from_slice(b"\n\n");
    }
    out
}

/// The small real replies, each its own input: the corpus's `real-layouts/` and the replies
/// written from real ones in `tests/layouts/`.
fn batch() -> Vec<Vec<u8>> {
    let mut v = files(&corpus_dir().join("real-layouts"), &[".txt"]);
    v.extend(files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layouts"),
        &[".txt"],
    ));
    v.retain(|(label, _)| label != "KNOWN_MISSES");
    assert!(v.len() >= 100, "too few small replies: {}", v.len());
    v.into_iter().map(|(_, bytes)| bytes).collect()
}

fn bench_analyse(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyse");
    for (label, bytes) in replies() {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&label), &bytes, |b, bytes| {
            b.iter(|| analyse(black_box(bytes), "bench"))
        });
    }
    let all = concat();
    let a = analyse(&all, "corpus-concat");
    assert_eq!(
        a.source.format, "text",
        "the concatenated corpus must be read as text: {:?}",
        a.diagnostics
    );
    g.throughput(Throughput::Bytes(all.len() as u64));
    g.bench_with_input(
        BenchmarkId::from_parameter("corpus-concat"),
        &all,
        |b, bytes| b.iter(|| analyse(black_box(bytes), "bench")),
    );
    let replies = batch();
    g.throughput(Throughput::Bytes(
        replies.iter().map(|r| r.len() as u64).sum(),
    ));
    g.bench_with_input(
        BenchmarkId::from_parameter("batch"),
        &replies,
        |b, replies| {
            b.iter(|| {
                replies
                    .iter()
                    .map(|r| analyse(black_box(r), "bench").questions.len())
                    .sum::<usize>()
            })
        },
    );
    g.finish();
}

fn bench_paste(c: &mut Criterion) {
    let seed = replies()
        .into_iter()
        .find(|(l, _)| l == "stoke-crm")
        .expect("the stoke-crm seed")
        .1;
    let mut g = c.benchmark_group("paste");
    g.sample_size(10);
    for mb in [1usize, 4] {
        let mut big = Vec::with_capacity(mb << 20);
        while big.len() < mb << 20 {
            big.extend_from_slice(&seed);
            big.extend_from_slice(b"\n\n");
        }
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &big,
            |b, big| b.iter(|| analyse(black_box(big), "bench")),
        );
    }
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    let all = concat();
    let text = decode::decode(&all)
        .expect("the concatenated corpus decodes")
        .text;
    let mut g = c.benchmark_group("stages");

    // Stage 1: decode, for each encoding path: valid UTF-8, Windows-1252 (the same text with
    // every character that Windows-1252 has written as its one byte, so the fallback runs at
    // every smart quote, pound sign and dash) and UTF-16 with a byte-order mark.
    let utf8 = text.as_bytes().to_vec();
    let cp1252_byte = |c: char| -> u8 {
        if c.is_ascii() {
            return c as u8;
        }
        (0x80..=0xFFu8)
            .find(|&b| decode::windows_1252(b) == c)
            .unwrap_or(b'?')
    };
    let cp1252: Vec<u8> = text.chars().map(cp1252_byte).collect();
    assert_eq!(
        decode::decode(&cp1252).expect("decodes").encoding,
        "windows-1252"
    );
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for (name, input) in [
        ("decode/utf-8", &utf8),
        ("decode/windows-1252", &cp1252),
        ("decode/utf-16le", &utf16le),
    ] {
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(name, |b| b.iter(|| decode::decode(black_box(input))));
    }

    // Stage 2: normalise (the corpus has smart quotes, CRLF and non-breaking spaces, so this
    // takes the slow path; pure ASCII text takes the copy-only fast path).
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalise", |b| {
        b.iter(|| normalise::normalise(black_box(&text)))
    });
    let ascii: String = text
        .chars()
        .filter(|c| c.is_ascii() && *c != '\r')
        .collect();
    g.throughput(Throughput::Bytes(ascii.len() as u64));
    g.bench_function("normalise/ascii-fast-path", |b| {
        b.iter(|| normalise::normalise(black_box(&ascii)))
    });

    // Stages 3-8 over every FOI reply, each on the previous stages' output.
    let norms: Vec<String> = replies()
        .iter()
        .map(|(_, bytes)| {
            normalise::normalise(&decode::decode(bytes).expect("a reply decodes").text).text
        })
        .collect();
    let bytes: u64 = norms.iter().map(|n| n.len() as u64).sum();
    let docs: Vec<Doc> = norms.iter().map(|n| Doc::new(n)).collect();
    let threads: Vec<_> = docs.iter().map(messages::split).collect();
    let marks: Vec<_> = docs.iter().map(markers::find).collect();
    let qs: Vec<_> = (0..docs.len())
        .map(|i| questionnaire::find(&docs[i], &threads[i], &marks[i]).unwrap_or_default())
        .collect();
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("messages::split", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| messages::split(black_box(d)))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("markers::find", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| markers::find(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("questionnaire::find", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| questionnaire::find(black_box(&docs[i]), &threads[i], &marks[i]))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("metadata::read", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| {
                    metadata::read(
                        black_box(&docs[i]),
                        &threads[i],
                        if qs[i].from_request { qs[i].msg } else { None },
                        &[],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("align::align", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| align::align(black_box(&docs[i]), &threads[i], &marks[i], &qs[i]).len())
                .sum::<usize>()
        })
    });
    // Stages 6 (classify, exemptions) work on one answer at a time and are measured within
    // `analyse`; add a bench here if one shows up as slow there.

    // Stage 7: typed values, one call per paragraph of the replies (the question text empty).
    let paragraphs: Vec<(usize, &str)> = norms
        .iter()
        .flat_map(|n| {
            n.split("\n\n").scan(0usize, |at, p| {
                let start = *at;
                *at += p.len() + 2;
                Some((start, p))
            })
        })
        .collect();
    g.bench_function("values::extract", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|&(base, p)| values::extract("", black_box(p), base).len())
                .sum::<usize>()
        })
    });

    // Stage 8: dates, as metadata reads them.
    g.bench_function("dates::find_dates", |b| {
        b.iter(|| {
            norms
                .iter()
                .map(|n| dates::find_dates(black_box(n), true).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group! {
    name = pipeline;
    // Short runs: the figures are for spotting a slow stage, not for tiny differences.
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_analyse, bench_paste, bench_stages
}
criterion_main!(pipeline);
