//! `analyse` on arbitrary bytes: it must not panic, and its output must be well formed (JSON
//! with every span ordered, inside the decoded text and on its character boundaries), and the
//! CSV and table reports of it must not panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let a = foi_analyser::analyse(data, "fuzz");
    assert_eq!(a.source.bytes, data.len());
    let json = foi_analyser::report::to_json(&a);
    let v: Value = serde_json::from_str(&json).expect("to_json prints JSON");
    match foi_analyser::decoded_text(data) {
        Some(text) if a.source.format == "text" => {
            assert_eq!(a.source.text_bytes, text.len());
            check_spans(&v, &text);
        }
        _ => {
            assert_ne!(a.source.format, "text", "text input that does not decode");
            assert!(a.questions.is_empty());
        }
    }
    let all = [a];
    let _ = foi_analyser::report::to_csv(&all);
    let _ = foi_analyser::report::to_table(&all[0]);
});

/// Every `{"start": s, "end": e}` object in the output.
fn check_spans(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            if let (2, Some(s), Some(e)) = (m.len(), m.get("start"), m.get("end")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(
                    s <= e && e <= text.len(),
                    "span [{s}, {e}) in a text of {}",
                    text.len()
                );
                assert!(
                    text.is_char_boundary(s) && text.is_char_boundary(e),
                    "span [{s}, {e}) splits a character"
                );
                return;
            }
            m.values().for_each(|x| check_spans(x, text));
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, text)),
        _ => {}
    }
}
