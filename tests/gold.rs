//! Every gold file — the shared corpus's and `tests/layouts/` — checked with the semantics of
//! `../shared/tools/score.py`: each gold question is found by id, with the gold status (or one
//! it allows), the same cited section numbers, every gold value, and the gold thread facts.
//! A miss names the file, the question and what differed.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn norm_id(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s
        .strip_prefix("question")
        .or_else(|| s.strip_prefix('q'))
        .unwrap_or(&s)
        .trim_start()
        .to_string();
    s.chars()
        .filter(|c| !matches!(c, ' ' | '(' | ')' | '.' | '-' | '_' | ':'))
        .collect()
}

fn norm_text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// `{(family, number)}` as the scorer reads exemptions.
fn sections(v: Option<&Value>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for e in v.and_then(Value::as_array).into_iter().flatten() {
        let (law, sec) = match e {
            Value::Object(o) => (
                o.get("law")
                    .and_then(Value::as_str)
                    .unwrap_or("FOIA")
                    .to_string(),
                o.get("section")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            ),
            Value::String(s) => {
                let l = s.to_lowercase();
                (
                    if l.contains("eir") || l.contains("reg") {
                        "EIR".into()
                    } else {
                        "FOI".into()
                    },
                    s.clone(),
                )
            }
            _ => continue,
        };
        let family =
            if law.to_lowercase().contains("eir") || law.to_lowercase().contains("environmental") {
                "EIR"
            } else {
                "FOI"
            };
        let num: String = sec
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if !num.is_empty() && !out.contains(&(family.to_string(), num.clone())) {
            out.push((family.to_string(), num));
        }
    }
    out.sort();
    out
}

fn value_matches(gold: &Value, got: &Value) -> bool {
    let gk = gold["kind"].as_str().unwrap_or("");
    let tk = got["kind"].as_str().unwrap_or("");
    if gk != tk && !(gk == "count" && tk == "population") {
        return false;
    }
    match (&gold["value"], &got["value"]) {
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            (a - b).abs() <= 0.005 * a.abs().max(1e-9)
        }
        (Value::String(a), Value::String(b)) => norm_text(b).contains(&norm_text(a)),
        _ => false,
    }
}

fn check(gold_path: &Path, corpus: &Path) -> Vec<String> {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let input = corpus.join(gold["file"].as_str().unwrap());
    let bytes = std::fs::read(&input).unwrap();
    let analysis = foi_analyser::analyse(&bytes, &input.to_string_lossy());
    let a: Value = serde_json::to_value(&analysis).unwrap();
    let mut misses = Vec::new();
    let questions = a["questions"].as_array().cloned().unwrap_or_default();
    for g in gold["questions"].as_array().unwrap() {
        if g.get("header").and_then(Value::as_bool) == Some(true) && g.get("status").is_none() {
            continue;
        }
        let id = g["id"].as_str().unwrap();
        let Some(q) = questions
            .iter()
            .find(|q| norm_id(q["id"].as_str().unwrap_or("")) == norm_id(id))
        else {
            misses.push(format!("{id}: not found"));
            continue;
        };
        let mut ok: Vec<&str> = vec![g["status"].as_str().unwrap()];
        ok.extend(
            g.get("also")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        let status = q["status"].as_str().unwrap_or("");
        if !ok.contains(&status) {
            misses.push(format!("{id}: status {status} not in {ok:?}"));
        }
        let (ge, te) = (sections(g.get("exemptions")), sections(q.get("exemptions")));
        if ge != te {
            misses.push(format!("{id}: exemptions {te:?} != {ge:?}"));
        }
        for gv in g
            .get("values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !q["values"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|tv| value_matches(gv, tv))
            {
                misses.push(format!("{id}: value {gv} missing from {}", q["values"]));
            }
        }
        if let Some(c) = g.get("answer_contains").and_then(Value::as_str) {
            let ans = q["answer"]["text"].as_str().unwrap_or("");
            if !norm_text(ans).contains(&norm_text(c)) {
                misses.push(format!("{id}: answer lacks {c:?}"));
            }
        }
    }
    let (gt, tt) = (&gold["thread"], &a["thread"]);
    for key in [
        "authority",
        "requester",
        "received",
        "responded",
        "due",
        "outcome",
    ] {
        let Some(want) = gt.get(key).and_then(Value::as_str) else {
            continue;
        };
        let mut wants = vec![want.to_string()];
        wants.extend(
            gt.get(format!("{key}_also"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string)),
        );
        let got = match &tt[key] {
            Value::Object(o) => o
                .get("name")
                .or_else(|| o.get("value"))
                .and_then(Value::as_str)
                .map(str::to_string),
            Value::String(s) => Some(s.clone()),
            _ => None,
        };
        if !got
            .as_deref()
            .is_some_and(|g| wants.iter().any(|w| norm_text(w) == norm_text(g)))
        {
            misses.push(format!("thread.{key}: {got:?} != {want:?}"));
        }
    }
    let norm_ref = |s: &str| -> String {
        let mut t = norm_text(s);
        loop {
            let before = t.clone();
            for w in [
                "foisa",
                "foia",
                "foi",
                "eir",
                "reference",
                "ref",
                "request",
                "no",
                "number",
            ] {
                if let Some(rest) = t.strip_prefix(w) {
                    if !rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                        t = rest
                            .trim_start_matches([' ', '.', ':', '#', '/', '-'])
                            .to_string();
                    }
                }
            }
            if t == before {
                break;
            }
        }
        t.replace(' ', "")
    };
    for r in gt
        .get("references")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let r = norm_ref(r.as_str().unwrap_or(""));
        if !tt["references"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|t| norm_ref(t.as_str().unwrap_or("")) == r)
        {
            misses.push(format!("thread.references lacks {r}"));
        }
    }
    misses
}

fn golds(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn misses_of(gold_dir: &Path, corpus: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let files = golds(gold_dir);
    assert!(!files.is_empty(), "no gold files in {}", gold_dir.display());
    for g in files {
        for m in check(&g, corpus) {
            all.push(format!("{}: {m}", g.file_name().unwrap().to_string_lossy()));
        }
    }
    all
}

fn run(gold_dir: &Path, corpus: &Path) {
    let all = misses_of(gold_dir, corpus);
    assert!(all.is_empty(), "{} misses:\n{}", all.len(), all.join("\n"));
}

/// The misses of a gold set must be exactly those listed in `known` (one a line): a new miss
/// is a regression, and a listed miss that no longer happens must leave the list, so the list
/// always says what the engine still gets wrong. `BLESS_MISSES=1` rewrites the list; review
/// its diff like a snapshot's.
fn run_with_known_misses(gold_dir: &Path, corpus: &Path, known: &Path) {
    let all = misses_of(gold_dir, corpus);
    if std::env::var_os("BLESS_MISSES").is_some() {
        let mut body = String::from(
            "# Every miss of the engine on this gold set, as tests/gold.rs prints it; the test\n\
             # fails when the misses differ. Regenerate with BLESS_MISSES=1 cargo test --test gold\n",
        );
        for m in &all {
            body.push_str(m);
            body.push('\n');
        }
        std::fs::write(known, body).unwrap();
        return;
    }
    let listed: Vec<String> = std::fs::read_to_string(known)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let new: Vec<&String> = all.iter().filter(|m| !listed.contains(m)).collect();
    let fixed: Vec<&String> = listed.iter().filter(|m| !all.contains(m)).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "{} new misses (regressions):\n{}\n\n{} listed misses no longer happen (remove them, or run with BLESS_MISSES=1):\n{}",
        new.len(),
        new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        fixed.len(),
        fixed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
    );
}

#[test]
fn shared_corpus_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    run(&root.join("gold"), &root);
}

/// The layouts written before the real-replies work: all read right.
#[test]
fn layout_gold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layouts");
    let tmp = std::env::temp_dir().join(format!("foi-layout-gold-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for g in golds(&dir) {
        let name = g.file_name().unwrap().to_string_lossy().to_string();
        // Files modelled on real replies carry a batch prefix of one letter ("a-", "c-"), or
        // of one letter twice after "z-" ("aa-").
        let prefix = name.split('-').next().unwrap_or("");
        let b = prefix.as_bytes();
        let modelled = b.len() == 1 || (b.len() == 2 && b[0] == b[1]);
        if !modelled {
            std::fs::copy(&g, tmp.join(&name)).unwrap();
        }
    }
    run(&tmp, &dir);
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Every gold file of `tests/layouts/` (including those modelled on real replies, `a-*` and
/// `b-*`), against the list of known misses.
#[test]
fn layout_gold_known_misses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layouts");
    run_with_known_misses(&dir, &dir, &dir.join("KNOWN_MISSES.txt"));
}

/// The twins of real replies in the shared corpus, against their list of known misses.
#[test]
fn real_layout_gold_known_misses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let known = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold-real-KNOWN_MISSES.txt");
    run_with_known_misses(&root.join("gold-real"), &root, &known);
}
