//! Decode speed per format: `cargo bench --bench formats`.
//!
//! One benchmark per form a reply arrives in, on the fixtures of `tests/fixtures/formats/` and
//! real files of the corpus (a PDF reply, an e-mail with an 8-page PDF attached, a saved
//! WhatDoTheyKnow page), and the page's path for a PDF (the text PDF.js read, paged by the
//! decoder). Criterion prints the time per file and MB/s of input.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use foi_analyser::decode::{decode, decode_opts, Options};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("FOI_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn bench_formats(c: &mut Criterion) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let corpus = corpus_dir();
    let inputs: Vec<(&str, PathBuf)> = vec![
        ("text", corpus.join("synthetic/district-council-table.txt")),
        ("docx", fixtures.join("district-council-table.docx")),
        (
            "docx-list-numbers",
            fixtures.join("eir-planning-reply.list-numbers.docx"),
        ),
        (
            "docx-saved-as-txt",
            fixtures.join("district-council-table.docx.txt"),
        ),
        ("xlsx", fixtures.join("district-council-table.xlsx")),
        ("ods", fixtures.join("district-council-table.ods")),
        ("odt", fixtures.join("district-council-table.odt")),
        (
            "odt-list-numbers",
            fixtures.join("eir-planning-reply.list-numbers.odt"),
        ),
        ("csv", fixtures.join("district-council-table.csv")),
        ("pdf-fixture", fixtures.join("district-council-table.pdf")),
        (
            "pdf-psni",
            corpus.join("peers/alaveteli/documents/psni.pdf"),
        ),
        ("mbox", fixtures.join("district-council-table.mbox")),
        (
            "eml-docx-attached",
            fixtures.join("police-ncnd-subparts.docx-attached.eml"),
        ),
        (
            "eml-html-only",
            fixtures.join("nhs-trust-disclosure-log.html-only.eml"),
        ),
        (
            "eml-windows-1252",
            fixtures.join("prose-reply-no-restated-questions.windows-1252.eml"),
        ),
        (
            "eml-pdf-attached",
            corpus.join("peers/alaveteli/eml/apple-mail-with-attachments.eml"),
        ),
        ("zip-wdtk", fixtures.join("police-ncnd-subparts.wdtk.zip")),
        ("html", fixtures.join("nhs-trust-disclosure-log.html")),
        (
            "wdtk-page",
            corpus.join("real-pages/mhclg-wdtk-epc-certificates-exempt.html"),
        ),
        ("zip-bomb", fixtures.join("hostile/zip-bomb.docx")),
    ];
    let mut g = c.benchmark_group("decode");
    g.measurement_time(Duration::from_secs(2));
    g.warm_up_time(Duration::from_millis(500));
    for (name, path) in inputs {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name, |b| b.iter(|| decode(black_box(&bytes))));
    }
    // The page's path for a PDF: PDF.js reads the pages, the decoder takes their text.
    let pages = std::fs::read_to_string(corpus.join("synthetic/district-council-table.txt"))
        .expect("district-council-table.txt");
    let pdf = std::fs::read(fixtures.join("district-council-table.pdf")).expect("pdf");
    let supplied = vec![format!("{pages}\x0c{pages}")];
    g.throughput(Throughput::Bytes(pdf.len() as u64));
    g.bench_function("pdf-text-from-pdfjs", |b| {
        b.iter(|| {
            decode_opts(
                black_box(&pdf),
                Options {
                    pdf_texts: supplied.clone(),
                    ..Options::default()
                },
            )
        })
    });
    g.finish();
}

criterion_group!(formats, bench_formats);
criterion_main!(formats);
