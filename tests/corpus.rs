//! Snapshots of the full JSON analysis of every corpus text input.
//!
//! One named snapshot per file in `tests/snapshots/`, e.g. `corpus__seeds__stoke-crm.snap` for
//! `seeds/stoke-crm.txt`, `corpus__eml__russian.snap` for `peers/alaveteli/eml/russian.eml`.
//! When the engine's output changes on purpose, review the differences with `cargo insta review`
//! (or accept all with `INSTA_UPDATE=always cargo test --test corpus`, then read `git diff`).
//! Every file is checked even when an earlier one differs; the test then names all that differ.

mod common;

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};

use foi_analyser::{analyse, report};

/// The snapshot name of a corpus input: its label with `/` as `__`.
fn snapshot_name(label: &str) -> String {
    label.replace('/', "__")
}

#[test]
fn corpus_snapshots() {
    let inputs = common::text_inputs();
    let mut differ = Vec::new();
    for input in &inputs {
        // The corpus-relative name, so the snapshot does not depend on where the corpus is.
        let json = report::to_json(&analyse(&input.bytes(), &input.name));
        let name = snapshot_name(&input.label);
        let checked = catch_unwind(AssertUnwindSafe(|| {
            insta::with_settings!({
                description => format!("foi-analyser --format json {}", input.name),
                omit_expression => true,
                prepend_module_to_snapshot => true,
            }, {
                insta::assert_snapshot!(name.clone(), json);
            });
        }));
        if checked.is_err() {
            differ.push(input.name.clone());
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} snapshots differ (review with `cargo insta review`):\n  {}",
        differ.len(),
        inputs.len(),
        differ.join("\n  ")
    );
}

/// Every committed snapshot belongs to a corpus file, so a renamed or removed corpus file cannot
/// leave a stale snapshot that no longer checks anything.
#[test]
fn no_stale_snapshots() {
    let wanted: BTreeSet<String> = common::text_inputs()
        .iter()
        .map(|i| format!("corpus__{}.snap", snapshot_name(&i.label)))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("corpus__") && n.ends_with(".snap"))
        .collect();
    let stale: Vec<_> = present.difference(&wanted).collect();
    assert!(
        stale.is_empty(),
        "snapshots without a corpus file: {stale:?}"
    );
    let missing: Vec<_> = wanted.difference(&present).collect();
    assert!(
        missing.is_empty(),
        "corpus files without a committed snapshot: {missing:?}"
    );
}
