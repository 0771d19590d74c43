//! The WebAssembly binding of foi-analyser: a thin shell over the core for the page (`www/`).
//!
//! Bytes in, the analysis out. There is no extraction logic here: every function calls
//! [`foi_analyser::analyse`] and the report formats of [`foi_analyser::report`], so the JSON the
//! page downloads is byte-for-byte what `foi-analyser --format json FILE` prints.
//!
//! A panic aborts the WebAssembly instance (the `wasm` profile has `panic = "abort"`): the page
//! runs the analysis in a Web Worker and starts a fresh one after a trap. Before the trap the
//! panic message is logged to the console and handed to `globalThis.foiAnalyserPanic(message)`
//! when the worker defines it, so the page can say what happened.

use foi_analyser::model::Tool;
use foi_analyser::report;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The worker's hook for the panic message (`catch`: absent or throwing is ignored).
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = foiAnalyserPanic)]
    fn report_panic(message: &str) -> Result<(), JsValue>;
}

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if cfg!(target_arch = "wasm32") {
            let _ = report_panic(&info.to_string());
        }
    }));
}

/// The version of the analyser (the same as `foi-analyser --version`).
#[wasm_bindgen]
pub fn version() -> String {
    Tool::default().version.to_string()
}

/// The analysis of one input as a plain JavaScript object: the JSON output parsed by the
/// browser's own `JSON.parse` (absent values are `null`, maps are objects). Parsing the JSON
/// text costs less than building the object field by field from Rust, and leaves out a
/// serializer that would add to the `.wasm`.
#[wasm_bindgen]
pub fn analyse(bytes: &[u8], name: &str) -> Result<JsValue, JsValue> {
    let analysis = foi_analyser::analyse(bytes, name);
    js_sys::JSON::parse(&report::to_json(&analysis))
}

/// The analysis as JSON text, exactly as `foi-analyser --format json` prints it.
#[wasm_bindgen]
pub fn analyse_json(bytes: &[u8], name: &str) -> String {
    report::to_json(&foi_analyser::analyse(bytes, name))
}

/// The analysis as CSV: UTF-8 with a byte-order mark, RFC 4180, one row per question.
#[wasm_bindgen]
pub fn analyse_csv(bytes: &[u8], name: &str) -> String {
    report::to_csv(&[foi_analyser::analyse(bytes, name)])
}

/// The text that the analysis's spans index (UTF-8 byte offsets), or `undefined` when the input
/// is not text.
#[wasm_bindgen]
pub fn decoded_text(bytes: &[u8]) -> Option<String> {
    foi_analyser::decoded_text(bytes)
}

/// Everything the page shows for one input from one analysis run:
/// `{ json, csv, text }` — the JSON and CSV downloads and the decoded source text
/// (`undefined` when the input is not text).
#[wasm_bindgen]
pub fn analyse_all(bytes: &[u8], name: &str) -> Result<js_sys::Object, JsValue> {
    let out = Outputs::of(bytes, name);
    let obj = js_sys::Object::new();
    js_sys::Reflect::set(&obj, &"json".into(), &out.json.into())?;
    js_sys::Reflect::set(&obj, &"csv".into(), &out.csv.into())?;
    let text = out.text.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::set(&obj, &"text".into(), &text)?;
    Ok(obj)
}

/// The comparison of a batch (`src/compare/`): `analyses` is a JSON array of analyses (as
/// [`analyse_json`] gives them, in the order of the files), `overrides` the user's corrections
/// (a JSON array of `{reply, question, canonical}`, or empty), `format` one of `view` (the
/// comparison without the analyses, for drawing), `json`, `csv` (wide) and `csv-long`. The same
/// bytes as `foi-analyser compare --format …` for the same files. In the batch module only
/// (feature `batch`).
#[cfg(feature = "batch")]
#[wasm_bindgen]
pub fn compare(analyses: &str, overrides: &str, format: &str) -> Result<String, JsValue> {
    let bytes = foi_analyser::compare::batch::run(analyses, overrides, format)
        .map_err(|e| JsValue::from_str(&e))?;
    String::from_utf8(bytes).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The comparison as an XLSX workbook (batch module only).
#[cfg(feature = "batch")]
#[wasm_bindgen]
pub fn compare_xlsx(analyses: &str, overrides: &str) -> Result<Vec<u8>, JsValue> {
    foi_analyser::compare::batch::run(analyses, overrides, "xlsx")
        .map_err(|e| JsValue::from_str(&e))
}

/// Panics on purpose: the page's tests use it to check that a trap is survived.
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("panic requested by the page's self-test");
}

/// The three strings of [`analyse_all`], computed natively (testable without a browser).
#[derive(Debug, Clone, PartialEq)]
pub struct Outputs {
    pub json: String,
    pub csv: String,
    pub text: Option<String>,
}

impl Outputs {
    pub fn of(bytes: &[u8], name: &str) -> Outputs {
        let analysis = foi_analyser::analyse(bytes, name);
        Outputs {
            json: report::to_json(&analysis),
            csv: report::to_csv(std::slice::from_ref(&analysis)),
            text: foi_analyser::decoded_text(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_equal_the_cli_formats() {
        let input =
            "Dear Sir,\n1. How much did you spend? £2.4m\n2. Who’s the supplier? Not held.\n";
        let out = Outputs::of(input.as_bytes(), "reply.txt");
        let a = foi_analyser::analyse(input.as_bytes(), "reply.txt");
        assert_eq!(out.json, report::to_json(&a));
        assert_eq!(out.csv, report::to_csv(&[a]));
        assert!(out.csv.starts_with('\u{feff}'));
        assert_eq!(out.text.as_deref(), Some(input));
    }

    #[test]
    fn unreadable_input_has_no_text_and_an_error() {
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"] {
            let out = Outputs::of(bytes, "x");
            assert!(out.text.is_none());
            assert!(out.json.contains("\"level\": \"error\""), "{}", out.json);
        }
    }

    #[cfg(feature = "batch")]
    #[test]
    fn compare_is_the_core_comparison() {
        let a = foi_analyser::analyse(b"Dear Sir,\n1. How many staff?\n40 staff.\n", "a.txt");
        let batch = format!("[{}]", report::to_json(&a));
        let csv = compare(&batch, "", "csv").unwrap();
        assert_eq!(
            csv.as_bytes(),
            foi_analyser::compare::batch::run(&batch, "", "csv").unwrap()
        );
        assert!(csv.starts_with('\u{feff}'));
    }

    #[test]
    fn version_is_the_core_version() {
        assert_eq!(version(), Tool::default().version);
    }
}
