//! Bad input never crashes or hangs the analyser, and what comes out is always well formed.
//!
//! Hand-picked bad inputs first, then property tests: arbitrary bytes, and arbitrary mutations of
//! every corpus file. By default they run 256 cases of arbitrary input, 64 mutations of each FOI
//! reply (seeds, synthetic) and 16 of each peer file (e-mails, folding examples, documents), so
//! that `cargo test` stays quick in a debug build; `PROPTEST_CASES=N` runs N of each instead
//! (e.g. a long run before a release, best with `--release`). A failing case is shrunk, and its
//! bytes are written to `$TMPDIR/foi-analyser-robustness-*.bin` so it can be replayed with the
//! CLI (or added to the fuzz corpus).

mod common;

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use foi_analyser::model::{Analysis, Level};
use foi_analyser::{analyse, decoded_text, report};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value as Json;

/// Everything that must hold for any input: the analysis serialises to JSON that matches the
/// schema; sizes agree with the input; every span is ordered, inside the decoded text and on its
/// character boundaries; refused input has an error diagnostic and nothing else.
fn check(bytes: &[u8], a: &Analysis) -> Result<(), String> {
    let text = report::to_json(a);
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("output is not JSON: {e}"))?;
    common::validate(&json).map_err(|e| format!("output does not match the schema: {e}"))?;
    if a.source.bytes != bytes.len() {
        return Err(format!(
            "source.bytes {} for {} bytes",
            a.source.bytes,
            bytes.len()
        ));
    }
    let errors = a
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .count();
    let decoded = decoded_text(bytes);
    if matches!(a.source.format.as_str(), "binary" | "empty") {
        if errors == 0 || !a.questions.is_empty() || a.source.text_bytes != 0 {
            return Err(format!(
                "refused input ({}) without an error, or with results",
                a.source.format
            ));
        }
        return Ok(());
    }
    let decoded = decoded.ok_or("format is text but decoded_text() is None")?;
    if decoded.len() != a.source.text_bytes {
        return Err(format!(
            "text_bytes {} but the decoded text has {}",
            a.source.text_bytes,
            decoded.len()
        ));
    }
    for (path, start, end) in common::spans(&json) {
        let (s, e) = (start as usize, end as usize);
        if s > e || e > decoded.len() {
            return Err(format!(
                "{path} [{s}, {e}) is out of order or past the text ({})",
                decoded.len()
            ));
        }
        if !decoded.is_char_boundary(s) || !decoded.is_char_boundary(e) {
            return Err(format!("{path} [{s}, {e}) is not on character boundaries"));
        }
    }
    Ok(())
}

/// Seconds after which one small input is taken to hang. Not a speed limit: a case this slow is
/// super-linear behaviour, to be reported with its input.
const HANG_SECS: u64 = 60;

/// Name of the threads that run `analyse`; their panics are reported as test failures with the
/// input, not printed by the default hook at every step of shrinking.
const WORKER: &str = "analyse-worker";

thread_local! {
    /// The last panic on this thread, with its location, as the hook saw it.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn quiet_worker_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(WORKER) {
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

/// `analyse` on another thread, so that a panic or a hang is reported as a failure (with the
/// input) rather than aborting or stalling the whole run.
fn analyse_watched(bytes: &[u8]) -> Result<Analysis, String> {
    quiet_worker_panics();
    let (tx, rx) = mpsc::channel();
    let owned = bytes.to_vec();
    let worker = std::thread::Builder::new()
        .name(WORKER.into())
        .spawn(move || {
            let result = std::panic::catch_unwind(|| analyse(&owned, "robustness")).map_err(|_| {
                let msg = LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_default();
                format!("analyse panicked: {msg}")
            });
            let _ = tx.send(result);
        })
        .expect("start a worker thread");
    match rx.recv_timeout(Duration::from_secs(HANG_SECS)) {
        Ok(result) => {
            let _ = worker.join();
            result
        }
        Err(RecvTimeoutError::Timeout) => Err(format!("no result after {HANG_SECS} s: a hang?")),
        Err(RecvTimeoutError::Disconnected) => {
            Err("the worker thread ended without a result".into())
        }
    }
}

/// Analyses `bytes` and checks the result; on failure writes the input to a temp file named by
/// `tag` and returns a message that names it.
fn analyse_and_check(tag: &str, bytes: &[u8]) -> Result<Analysis, String> {
    let result = analyse_watched(bytes).and_then(|a| check(bytes, &a).map(|_| a));
    result.map_err(|e| {
        let file = std::env::temp_dir().join(format!(
            "foi-analyser-robustness-{}.bin",
            tag.replace('/', "_")
        ));
        let _ = std::fs::write(&file, bytes);
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
        format!(
            "{e}\n  input: {} bytes, written to {}\n  starts: {head:?}",
            bytes.len(),
            file.display()
        )
    })
}

fn ok(tag: &str, bytes: &[u8]) -> Analysis {
    analyse_and_check(tag, bytes).unwrap_or_else(|e| panic!("{tag}: {e}"))
}

fn codes(a: &Analysis) -> Vec<&str> {
    a.diagnostics.iter().map(|d| d.code).collect()
}

/// The parts of an analysis that depend only on the decoded text.
fn content(a: &Analysis) -> Json {
    let mut j = serde_json::to_value(a).expect("serialises");
    let o = j.as_object_mut().expect("object");
    o.remove("source");
    o.remove("diagnostics");
    j
}

fn seed_text() -> String {
    let s = common::seeds()
        .into_iter()
        .find(|s| s.label == "seeds/stoke-crm")
        .expect("stoke-crm seed");
    String::from_utf8(s.bytes()).expect("the seed is UTF-8")
}

#[test]
fn empty_and_white_space_are_refused_with_a_reason() {
    for (tag, bytes) in [
        ("empty", &b""[..]),
        ("spaces", b"   "),
        ("newlines", b"\n\n\r\n"),
        ("mixed", b" \t\r\n\x0C \n"),
        ("nbsp", "\u{a0}\u{2003} \n".as_bytes()),
        ("bom only", b"\xEF\xBB\xBF"),
        ("utf-16 bom only", b"\xFF\xFE"),
    ] {
        let a = ok(tag, bytes);
        assert!(a.questions.is_empty(), "{tag}");
        assert!(
            a.diagnostics.iter().any(|d| d.level >= Level::Warning),
            "{tag}: nothing tells the user there is no text: {:?}",
            codes(&a)
        );
    }
    assert_eq!(codes(&ok("empty", b"")), ["empty-input"]);
    assert_eq!(codes(&ok("spaces", b" \n\t ")), ["empty-input"]);
}

/// 64 KB of deterministic pseudo-random bytes (xorshift), the same every run.
fn random_bytes() -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..65_536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn binary_garbage_is_refused_or_read_without_harm() {
    let random = random_bytes();
    ok("random", &random);
    let controls: Vec<u8> = random.iter().map(|b| b & 0x1F).collect();
    assert_eq!(codes(&ok("controls", &controls)), ["binary-input"]);
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(&random[..1000]);
    assert_eq!(codes(&ok("zip", &zip)), ["damaged-zip"]);
    let mut nuls = random.clone();
    nuls.iter_mut().step_by(16).for_each(|b| *b = 0);
    assert_eq!(codes(&ok("nuls", &nuls)), ["binary-input"]);
    // High bytes only: Windows-1252 letters and symbols, but no language: either reading is
    // fine as long as nothing breaks.
    let high: Vec<u8> = random.iter().map(|b| b | 0x80).skip(3).collect();
    ok("high", &high);
    for doc in common::documents() {
        ok(&doc.label, &doc.bytes());
    }
}

/// Uniformly random bytes (what a .7z, .rar, .xz or encrypted file looks like) have ~10 %
/// control bytes and few NULs; read as Windows-1252 each high byte becomes 2-3 UTF-8 bytes,
/// which once diluted the control characters below what `decode` counted as binary.
#[test]
fn random_bytes_are_refused_as_binary() {
    for len in [4096, 65_536] {
        let a = ok("random", &random_bytes()[..len]);
        assert_eq!(
            (a.source.format.as_str(), codes(&a)),
            ("binary", vec!["binary-input"]),
            "{len} random bytes"
        );
    }
}

#[test]
fn invalid_utf8_falls_back_and_keeps_spans_on_the_decoded_text() {
    let text = seed_text();
    let mut bytes = text.clone().into_bytes();
    // Stray bytes that are not UTF-8: a lone continuation byte, a cut-off sequence, 0xFF, 0x92.
    for (i, bad) in [
        (100usize, 0x80u8),
        (2_000, 0xE2),
        (5_000, 0xFF),
        (9_000, 0x92),
    ] {
        let at = (i..).find(|&j| text.is_char_boundary(j)).unwrap();
        bytes.insert(at, bad);
    }
    let a = ok("invalid-utf8", &bytes);
    assert_eq!(a.source.encoding, "windows-1252");
    assert!(codes(&a).contains(&"encoding-fallback"), "{:?}", codes(&a));
    assert!(
        a.source.text_bytes > bytes.len(),
        "each stray byte became a multi-byte character"
    );
    // Truncated in the middle of a multi-byte character.
    let cut = text
        .char_indices()
        .find(|(_, c)| c.len_utf8() > 1)
        .map(|(i, _)| i + 1)
        .expect("a non-ASCII char");
    ok("truncated", &text.as_bytes()[..cut]);
}

#[test]
fn utf16_and_bom_inputs_give_the_same_analysis_as_utf8() {
    let text = seed_text();
    let utf8 = ok("utf-8", text.as_bytes());
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases = [
        (
            "utf-8-bom",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
        ("utf-16le", [&b"\xFF\xFE"[..], &le].concat()),
        ("utf-16be", [&b"\xFE\xFF"[..], &be].concat()),
        ("utf-16le", le.clone()), // no byte-order mark
        ("utf-16be", be.clone()),
    ];
    for (encoding, bytes) in cases {
        let a = ok(encoding, &bytes);
        assert_eq!(a.source.encoding, encoding);
        assert_eq!(
            a.source.text_bytes,
            text.len(),
            "{encoding}: the same decoded text"
        );
        assert_eq!(
            content(&a),
            content(&utf8),
            "{encoding}: the same analysis as UTF-8"
        );
    }
    // Odd length and an unpaired surrogate: still read, never a panic.
    let mut odd = [&b"\xFF\xFE"[..], &le].concat();
    odd.push(b'x');
    ok("utf-16 odd length", &odd);
    let mut lone = b"\xFF\xFE".to_vec();
    lone.extend([0x3D, 0xD8, b'Q', 0, b'1', 0]);
    ok("utf-16 lone surrogate", &lone);
}

/// `mb` megabytes of the stoke-crm seed pasted again and again, and the number of copies.
fn paste(mb: usize) -> (String, usize) {
    let seed = seed_text();
    let target = mb * 1024 * 1024;
    let mut big = String::with_capacity(target + seed.len());
    let mut copies = 0;
    while big.len() < target {
        big.push_str(&seed);
        big.push_str("\n\n");
        copies += 1;
    }
    (big, copies)
}

/// A long paste is analysed and the result is sane. Not watched for time: how long it takes is
/// the benchmarks' business (`cargo bench --bench pipeline -- paste`).
fn check_paste(mb: usize) {
    let (big, copies) = paste(mb);
    let a = analyse(big.as_bytes(), "paste");
    check(big.as_bytes(), &a).unwrap_or_else(|e| panic!("{mb} MB paste: {e}"));
    assert_eq!(
        (a.source.format.as_str(), a.source.encoding.as_str()),
        ("text", "utf-8")
    );
    assert_eq!(a.source.text_bytes, big.len());
    assert!(!codes(&a).contains(&"too-large"));
    let one = analyse(seed_text().as_bytes(), "one");
    assert!(
        a.questions.len() <= one.questions.len().max(1) * copies,
        "{} questions from {copies} copies of a reply with {}",
        a.questions.len(),
        one.questions.len()
    );
}

#[test]
fn a_50_mb_paste_completes_with_a_sane_result() {
    check_paste(50);
}

#[test]
fn input_over_the_limit_is_refused_as_too_large() {
    let n = foi_analyser::decode::MAX_INPUT_BYTES + 1;
    let a = analyse(&vec![b'a'; n], "huge");
    assert_eq!(codes(&a), ["too-large"]);
    assert_eq!(a.source.bytes, n);
    assert_eq!(a.diagnostics[0].level, Level::Error);
}

const RECIPE: &str = "\
Victoria Sponge

Serves 8. Preparation time: 20 minutes. Cooking time: 25 minutes.

Ingredients
- 225g butter, softened, plus extra for greasing
- 225g caster sugar
- 4 free-range eggs
- 225g self-raising flour
- 2 tbsp milk
- 150ml double cream and 4 tbsp strawberry jam, to fill

Method
1. Preheat the oven to 190C/170C Fan/Gas 5. Grease two 20cm sandwich tins and line with baking paper.
2. Cream the butter and sugar together until pale and fluffy, about 3 minutes.
3. Beat in the eggs one at a time, adding a spoonful of flour with the last.
4. Fold in the rest of the flour, then the milk, until the batter drops easily off a spoon.
5. Divide between the tins and bake for 20-25 minutes, until golden and springy.
6. Cool for 10 minutes in the tins, then turn out onto a wire rack.

Why did my sponge sink?
The oven door was probably opened too early; wait at least 20 minutes.

Can I freeze it?
Yes, unfilled, for up to 3 months. Defrost at room temperature.
";

const CHAPTER: &str = "\
Chapter Three

The letter came on a Tuesday, which Margaret always said was the worst day for bad news.
She turned it over twice before she opened it. The envelope was thin, the stamp crooked, and
her name had been typed by someone who did not know how to spell it.

\u{201C}Is it from the council?\u{201D} asked Tom, not looking up from the paper.

\u{201C}I don\u{2019}t know yet.\u{201D} She slid a knife under the flap. \u{201C}Do you want me to read it?\u{201D}

He did not answer. Outside, the rain had started again, fine and grey, the kind that soaked
you before you noticed it. Margaret read the first line, then the second, then put the letter
face down on the table and went to fill the kettle.

1. She would not cry.
2. She would not ring her sister.
3. She would, she decided, finish the crossword first.

It was nearly four o\u{2019}clock before she picked it up again, and by then the light had gone.
";

/// Found by the property tests (see the report of the commit that added them): slicing the
/// decoded text at a fixed byte distance panics when a multi-byte character straddles it.
#[test]
fn a_multibyte_character_at_a_fixed_byte_distance_does_not_panic() {
    let cases = [
        // markers::find reads the first 16 bytes of each line.
        "abcdefghijklmno\u{e9}\n".to_string(),
        format!("Q1. How many?\n{}\u{2019} yes\n", "a".repeat(15)),
        // questionnaire::block_question_likeness reads 600 bytes after a marker.
        format!("Q1. {}\u{e9}\nQ2. b\n", "a".repeat(598)),
        format!("Q1. {}\u{2019}\nQ2. b\n", "a".repeat(597)),
        // align reads the first 200 bytes of a line.
        format!(
            "Dear Council\na. b c d\n\nb, Council\n{}\u{e9}\n",
            "a".repeat(199)
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        ok(&format!("straddle-{i}"), text.as_bytes());
    }
}

#[test]
fn text_that_is_no_foi_reply_is_read_without_harm() {
    for (tag, text) in [("recipe", RECIPE), ("chapter", CHAPTER)] {
        let a = ok(tag, text.as_bytes());
        // It is read as text; the one error it may get says it is no FOI correspondence.
        assert_eq!(a.source.format, "text", "{tag}");
        assert!(
            a.diagnostics
                .iter()
                .all(|d| d.level != Level::Error || d.code == "not-foi"),
            "{tag}: {:?}",
            codes(&a)
        );
    }
}

#[test]
fn non_foi_text_gets_a_warning_or_error_diagnostic_and_no_questions() {
    for (tag, text) in [("recipe", RECIPE), ("chapter", CHAPTER)] {
        let a = ok(tag, text.as_bytes());
        assert!(
            a.diagnostics.iter().any(|d| d.level >= Level::Warning),
            "{tag}: no warning or error diagnostic says this is not an FOI reply: {:?}",
            codes(&a)
        );
        let ids: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
        assert!(
            ids.is_empty(),
            "{tag}: questions found in text that is no FOI reply: {ids:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Property tests.

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `test` on `cases` values of `strategy`; a failure is shrunk and reported with `what`.
fn run<S: Strategy>(
    what: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{what}: {e}");
    }
}

/// Arbitrary input: raw bytes, arbitrary Unicode text, ASCII text with line breaks and digits
/// (the engine's home ground), and arbitrary text in UTF-16.
fn arbitrary_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4096),
        any::<String>().prop_map(String::into_bytes),
        "(Q?[0-9]{1,2}[a-c]?[.)]? [ -~]{0,60}\r?\n){0,40}".prop_map(String::into_bytes),
        any::<String>().prop_map(|s| {
            let mut b = vec![0xFF, 0xFE];
            b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
    ]
}

#[test]
fn arbitrary_input_is_analysed_without_harm() {
    run("arbitrary input", cases(256), arbitrary_input(), |bytes| {
        analyse_and_check("arbitrary", &bytes)
            .map(|_| ())
            .map_err(TestCaseError::fail)
    });
}

/// One edit of an input.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR one byte with a non-zero mask.
    Flip(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    /// This input up to a point, then another corpus file from a point.
    Splice(Index, usize, Index),
    Truncate(Index),
}

/// Byte strings that stress decoding and normalisation: line ends, byte-order marks, cut-off
/// UTF-8 sequences, smart punctuation, NUL, question markers.
const TOKENS: &[&[u8]] = &[
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xE2\x80",
    b"\xE2\x80\x99",
    b"\xC2\xA0",
    b"\x00",
    b"\x92",
    b"\xF0\x9F\x98",
    b"Q1.",
    b"Question 4(a):",
    b"Response:",
    b"section 43(2)",
    b"\xC2\xA3",
    b"%PDF-",
    b">",
];

fn mutation(files: usize) -> impl Strategy<Value = Mutation> {
    let insert = prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..16),
        proptest::sample::select(TOKENS).prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1..=255u8).prop_map(|(i, m)| Mutation::Flip(i, m)),
        3 => (any::<Index>(), insert).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<Index>(), 0..files, any::<Index>()).prop_map(|(a, f, b)| Mutation::Splice(a, f, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation, others: &[Vec<u8>]) -> Vec<u8> {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Flip(i, mask) if !bytes.is_empty() => {
            let p = i.index(bytes.len());
            bytes[p] ^= mask;
        }
        Mutation::Flip(..) => {}
        Mutation::Insert(i, b) => {
            let p = at(i, bytes.len());
            bytes.splice(p..p, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let p = at(i, bytes.len());
            let end = (p + n).min(bytes.len());
            bytes.drain(p..end);
        }
        Mutation::Splice(a, f, b) => {
            let other = &others[*f];
            bytes.truncate(at(a, bytes.len()));
            bytes.extend_from_slice(&other[at(b, other.len())..]);
        }
        Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
    }
    bytes
}

/// Largest stretch of a corpus file that is mutated: big e-mails are mutated in a window
/// (anywhere in the file) so the default run stays quick.
const WINDOW: usize = 16 * 1024;

/// `per_file` (or `PROPTEST_CASES`) runs of one to four mutations of each file of `inputs`.
fn mutate_corpus(inputs: Vec<common::Input>, per_file: u32) {
    let per_file = cases(per_file);
    let all: Vec<Vec<u8>> = common::all_inputs().iter().map(|i| i.bytes()).collect();
    let others: Vec<Vec<u8>> = all
        .iter()
        .map(|b| b[..b.len().min(WINDOW)].to_vec())
        .collect();
    for input in inputs {
        let bytes = input.bytes();
        let strategy = (
            any::<Index>(),
            proptest::collection::vec(mutation(others.len()), 1..=4),
        );
        run(&input.name, per_file, strategy, |(window, edits)| {
            let start = if bytes.len() > WINDOW {
                window.index(bytes.len() - WINDOW + 1)
            } else {
                0
            };
            let mut b = bytes[start..(start + WINDOW).min(bytes.len())].to_vec();
            for m in &edits {
                b = apply(b, m, &others);
            }
            analyse_and_check(&input.label, &b)
                .map(|_| ())
                .map_err(TestCaseError::fail)
        });
    }
}

#[test]
fn mutated_replies_are_analysed_without_harm() {
    let mut v = common::seeds();
    v.extend(common::synthetic());
    mutate_corpus(v, 64);
}

#[test]
fn mutated_folding_examples_and_documents_are_analysed_without_harm() {
    let mut v = common::folding();
    v.extend(common::folding_expected());
    v.extend(common::documents());
    mutate_corpus(v, 16);
}

#[test]
fn mutated_emails_are_analysed_without_harm() {
    mutate_corpus(common::eml(), 16);
}
