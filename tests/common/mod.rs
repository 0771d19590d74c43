//! The shared corpus, as the integration tests see it.
//!
//! The corpus lives outside the repository, in `../shared/corpus` beside it (override with
//! `$FOI_CORPUS`). It is read in place, never copied. Missing folders are a test failure, not an
//! empty list, so a moved corpus cannot turn the tests into no-ops.
#![allow(dead_code)] // each test crate uses a different part

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("FOI_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

/// One corpus file.
#[derive(Debug, Clone)]
pub struct Input {
    /// `group/file-stem`, e.g. `seeds/stoke-crm`; unique over the corpus.
    pub label: String,
    /// Path relative to the corpus folder, e.g. `seeds/stoke-crm.txt`: the name it is analysed
    /// under, so outputs do not depend on where the corpus is.
    pub name: String,
    pub path: PathBuf,
}

impl Input {
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap_or_else(|e| panic!("{}: {e}", self.path.display()))
    }
}

/// The files of `dir` (relative to the corpus) whose names satisfy `keep`, sorted, labelled
/// `group/stem`. Panics when there are fewer than `at_least`.
fn group(dir: &str, group: &str, at_least: usize, keep: impl Fn(&str) -> bool) -> Vec<Input> {
    let root = corpus_dir();
    let full = root.join(dir);
    let mut out: Vec<Input> = std::fs::read_dir(&full)
        .unwrap_or_else(|e| panic!("corpus folder {}: {e} (set FOI_CORPUS?)", full.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let file = p.file_name()?.to_str()?.to_string();
            keep(&file).then(|| {
                let stem = file
                    .strip_suffix(".txt")
                    .or_else(|| file.strip_suffix(".eml"))
                    .unwrap_or(&file);
                Input {
                    label: format!("{group}/{stem}"),
                    name: format!("{dir}/{file}"),
                    path: p,
                }
            })
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    assert!(
        out.len() >= at_least,
        "expected at least {at_least} files in {}, found {}",
        full.display(),
        out.len()
    );
    out
}

/// The real WhatDoTheyKnow threads.
pub fn seeds() -> Vec<Input> {
    group("seeds", "seeds", 3, |f| f.ends_with(".txt"))
}

/// Synthetic replies written for the gold annotations.
pub fn synthetic() -> Vec<Input> {
    group("synthetic", "synthetic", 5, |f| f.ends_with(".txt"))
}

/// Alaveteli's quoted-text folding examples (inputs only, not the `.expected` files).
pub fn folding() -> Vec<Input> {
    group("peers/alaveteli/folding", "folding", 11, |f| {
        f.ends_with(".txt")
    })
}

/// Twins of real published replies (layout kept, wording changed) with gold in `gold-real/`.
pub fn real_layouts() -> Vec<Input> {
    group("real-layouts", "real-layouts", 20, |f| f.ends_with(".txt"))
}

/// Real WhatDoTheyKnow threads to one council and three police forces' letters.
pub fn real_threads() -> Vec<Input> {
    group("real-threads", "real-threads", 30, |f| f.ends_with(".txt"))
}

/// Alaveteli's `.expected` outputs of the folding examples (text too, so they go through the
/// analyser in the schema test).
pub fn folding_expected() -> Vec<Input> {
    group("peers/alaveteli/folding", "folding-expected", 11, |f| {
        f.ends_with(".txt.expected")
    })
}

/// Alaveteli's odd real e-mails (bad encodings, uuencode, TNEF, bounces...).
pub fn eml() -> Vec<Input> {
    group("peers/alaveteli/eml", "eml", 60, |f| f.ends_with(".eml"))
}

/// Alaveteli's documents (PDF, HTML, RTF).
pub fn documents() -> Vec<Input> {
    group("peers/alaveteli/documents", "documents", 5, |_| true)
}

/// Every text input that is snapshotted: seeds, synthetic, real layouts and threads, folding
/// examples, e-mails.
pub fn text_inputs() -> Vec<Input> {
    let mut v = seeds();
    v.extend(synthetic());
    v.extend(real_layouts());
    v.extend(real_threads());
    v.extend(folding());
    v.extend(eml());
    v
}

/// Every corpus file that goes through `analyse`.
pub fn all_inputs() -> Vec<Input> {
    let mut v = text_inputs();
    v.extend(folding_expected());
    v.extend(documents());
    v
}

/// Every span in an analysis' JSON (`{"start": n, "end": m}` objects), with its JSON path.
pub fn spans(v: &serde_json::Value) -> Vec<(String, u64, u64)> {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, u64, u64)>) {
        match v {
            serde_json::Value::Object(m) => {
                if m.len() == 2 {
                    if let (Some(s), Some(e)) = (m.get("start"), m.get("end")) {
                        let (s, e) = (
                            s.as_u64().expect("span start"),
                            e.as_u64().expect("span end"),
                        );
                        out.push((path.to_string(), s, e));
                        return;
                    }
                }
                for (k, x) in m {
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, "$", &mut out);
    out
}

pub const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/analysis.schema.json");

pub fn schema_json() -> serde_json::Value {
    let text = std::fs::read_to_string(SCHEMA_PATH).expect("read the schema");
    serde_json::from_str(&text).expect("the schema is valid JSON")
}

struct Compiled {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V2020_12);
        // Also checks the schema itself against the draft 2020-12 meta-schema.
        compiler
            .add_resource(SCHEMA_PATH, schema_json())
            .expect("add the schema");
        let index = compiler
            .compile(SCHEMA_PATH, &mut schemas)
            .unwrap_or_else(|e| panic!("schema compiles: {e:#}"));
        Compiled { schemas, index }
    })
}

/// Checks `instance` against `schema/analysis.schema.json`: `Err` lists every violation.
pub fn validate(instance: &serde_json::Value) -> Result<(), String> {
    let c = compiled();
    c.schemas
        .validate(instance, c.index)
        .map_err(|e| format!("{e:#}"))
}
