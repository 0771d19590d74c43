//! The WebAssembly binding of foi-analyser: a thin shell over the core for the page (`www/`).
//!
//! Bytes in, the analysis out. There is no extraction logic here: every function calls
//! [`foi_analyser::analyse`] and the report formats of [`foi_analyser::report`], so the JSON the
//! page downloads is byte-for-byte what `foi-analyser --format json FILE` prints.
//!
//! The crate builds three modules of the page, by feature: the start-up module (`engine`, the
//! default: the analysis, and the sniffer that tells which other module an input needs), the
//! *formats* module (`formats`, without `engine`: e-mail, Word, Excel, OpenDocument, zip and
//! HTML readers, bytes in and decoded text out, which the start-up module then analyses), and
//! the *batch* module (`batch`, without `engine`: the comparison of many replies). The page
//! loads the last two only when a file or a batch needs them.
//!
//! A panic aborts the WebAssembly instance (the `wasm` profile has `panic = "abort"`): the page
//! runs the analysis in a Web Worker and starts a fresh one after a trap. Before the trap the
//! panic message is logged to the console and handed to `globalThis.foiAnalyserPanic(message)`
//! when the worker defines it, so the page can say what happened.

use foi_analyser::model::Tool;
#[cfg(feature = "engine")]
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
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn analyse(bytes: &[u8], name: &str) -> Result<JsValue, JsValue> {
    let analysis = foi_analyser::analyse(bytes, name);
    js_sys::JSON::parse(&report::to_json(&analysis))
}

/// The analysis as JSON text, exactly as `foi-analyser --format json` prints it.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn analyse_json(bytes: &[u8], name: &str) -> String {
    report::to_json(&foi_analyser::analyse(bytes, name))
}

/// The analysis as CSV: UTF-8 with a byte-order mark, RFC 4180, one row per question.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn analyse_csv(bytes: &[u8], name: &str) -> String {
    report::to_csv(&[foi_analyser::analyse(bytes, name)])
}

/// The text that the analysis's spans index (UTF-8 byte offsets), or `undefined` when the input
/// is not text.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn decoded_text(bytes: &[u8]) -> Option<String> {
    foi_analyser::decoded_text(bytes)
}

/// Everything the page shows for one input from one analysis run:
/// `{ json, csv, text }` — the JSON and CSV downloads and the decoded source text
/// (`undefined` when the input is not text).
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn analyse_all(bytes: &[u8], name: &str) -> Result<js_sys::Object, JsValue> {
    Outputs::of(bytes, name).into_object()
}

/// Which on-demand module `bytes` need: `formats` (e-mail, Word, Excel, OpenDocument, zip,
/// HTML), `pdf` (PDF.js), or the empty string when this module reads them itself. Decided by
/// content, as the decoder decides.
#[wasm_bindgen]
pub fn needs(bytes: &[u8]) -> String {
    foi_analyser::decode::reader_needed(bytes)
        .map_or("", |r| r.name())
        .to_string()
}

/// [`analyse_all`] for an input that another module has read: `pdf_texts` the text of its PDFs
/// as PDF.js read them (see `foi_analyser::decode::pdf::Supplied`), or `decoded` and `meta` what
/// the formats module's [`decode`] gave for it.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn analyse_prepared(
    bytes: &[u8],
    name: &str,
    pdf_texts: Vec<String>,
    decoded: Option<String>,
    meta: Option<String>,
) -> Result<js_sys::Object, JsValue> {
    let prepared = match (decoded, meta) {
        (Some(text), Some(meta)) => Prepared::Decoded { text, meta },
        _ => Prepared::Pdf(pdf_texts),
    };
    Outputs::prepared(bytes, name, prepared).into_object()
}

/// The formats module's reader: `{text, meta, pdfs}` — the decoded text (`undefined` when
/// nothing could be read), its metadata for [`analyse_prepared`], and the PDFs met inside the
/// input that still need reading (an array of `Uint8Array`; read them with PDF.js and call
/// again with their text in `pdf_texts`).
#[cfg(feature = "formats")]
#[wasm_bindgen]
pub fn decode(bytes: &[u8], pdf_texts: Vec<String>) -> Result<js_sys::Object, JsValue> {
    let d = Decode::of(bytes, pdf_texts);
    let obj = js_sys::Object::new();
    let text = d.text.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::set(&obj, &"text".into(), &text)?;
    js_sys::Reflect::set(&obj, &"meta".into(), &d.meta.into())?;
    let pdfs = js_sys::Array::new();
    for p in d.pdfs {
        pdfs.push(&js_sys::Uint8Array::from(&p[..]));
    }
    js_sys::Reflect::set(&obj, &"pdfs".into(), &pdfs)?;
    Ok(obj)
}

/// What the formats module's [`decode`] gives, computed natively.
#[derive(Debug, Clone, PartialEq)]
pub struct Decode {
    pub text: Option<String>,
    pub meta: String,
    pub pdfs: Vec<Vec<u8>>,
}

impl Decode {
    pub fn of(bytes: &[u8], pdf_texts: Vec<String>) -> Decode {
        use foi_analyser::decode::{decode_opts, transfer, Options};
        let mut out = decode_opts(
            bytes,
            Options {
                pdf_texts,
                collect_pdfs: true,
                ..Options::default()
            },
        );
        let meta = transfer::meta(&out.result);
        Decode {
            text: out
                .result
                .as_mut()
                .ok()
                .map(|d| std::mem::take(&mut d.text)),
            meta,
            pdfs: out.pdfs,
        }
    }
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
#[cfg(feature = "engine")]
#[derive(Debug, Clone, PartialEq)]
pub struct Outputs {
    pub json: String,
    pub csv: String,
    pub text: Option<String>,
}

/// An input read by another module: see [`analyse_prepared`].
#[cfg(feature = "engine")]
#[derive(Debug, Clone)]
pub enum Prepared {
    /// The text of the input's PDFs, read by PDF.js.
    Pdf(Vec<String>),
    /// The formats module's decoded text and its metadata.
    Decoded { text: String, meta: String },
}

#[cfg(feature = "engine")]
impl Outputs {
    pub fn of(bytes: &[u8], name: &str) -> Outputs {
        let analysis = foi_analyser::analyse(bytes, name);
        Outputs {
            json: report::to_json(&analysis),
            csv: report::to_csv(std::slice::from_ref(&analysis)),
            text: foi_analyser::decoded_text(bytes),
        }
    }

    pub fn prepared(bytes: &[u8], name: &str, prepared: Prepared) -> Outputs {
        use foi_analyser::decode::{decode_opts, transfer, Options};
        let result = match prepared {
            Prepared::Pdf(pdf_texts) => {
                decode_opts(
                    bytes,
                    Options {
                        pdf_texts,
                        ..Options::default()
                    },
                )
                .result
            }
            Prepared::Decoded { text, meta } => transfer::read(text, &meta),
        };
        let text = result
            .as_ref()
            .ok()
            .filter(|d| {
                d.format != "text" || !foi_analyser::binary_text::looks_like_pasted_binary(&d.text)
            })
            .map(|d| d.text.clone());
        let analysis = foi_analyser::analyse_decoded_input(bytes, name, result);
        Outputs {
            json: report::to_json(&analysis),
            csv: report::to_csv(std::slice::from_ref(&analysis)),
            text,
        }
    }

    fn into_object(self) -> Result<js_sys::Object, JsValue> {
        let obj = js_sys::Object::new();
        js_sys::Reflect::set(&obj, &"json".into(), &self.json.into())?;
        js_sys::Reflect::set(&obj, &"csv".into(), &self.csv.into())?;
        let text = self.text.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
        js_sys::Reflect::set(&obj, &"text".into(), &text)?;
        Ok(obj)
    }
}

#[cfg(all(test, feature = "engine"))]
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

    /// The page's two-module path gives what the CLI gives for the same file: the formats
    /// module decodes, the start-up module analyses. (In `cargo test` the core has every reader.)
    #[test]
    fn a_file_decoded_by_the_formats_module_analyses_as_in_the_cli() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/formats/");
        for f in [
            "eir-planning-reply.list-numbers.docx",
            "police-ncnd-subparts.docx-attached.eml",
            "police-ncnd-subparts.wdtk.zip",
            "district-council-table.xlsx",
            "hostile/zip-bomb.docx",
        ] {
            let bytes = std::fs::read(format!("{dir}{f}")).unwrap();
            if foi_analyser::decode::reader_needed(&bytes).is_some() {
                // `cargo test -p foi-analyser-wasm` alone builds the core without its readers;
                // `cargo test --workspace` (scripts/test.sh) builds it with all of them.
                eprintln!("{f}: skipped, the core is built without its readers");
                continue;
            }
            let d = Decode::of(&bytes, Vec::new());
            assert!(d.pdfs.is_empty(), "{f}");
            let prepared = match d.text {
                Some(text) => Prepared::Decoded { text, meta: d.meta },
                None => Prepared::Decoded {
                    text: String::new(),
                    meta: d.meta,
                },
            };
            let out = Outputs::prepared(&bytes, f, prepared);
            assert_eq!(out, Outputs::of(&bytes, f), "{f}");
            assert_eq!(out.text.is_some(), !f.starts_with("hostile/"), "{f}");
        }
    }

    #[test]
    fn pdf_text_read_outside_is_paged() {
        let pdf = b"%PDF-1.4\n% not really\n";
        let out = Outputs::prepared(
            pdf,
            "r.pdf",
            Prepared::Pdf(vec!["Dear Sir,\n\x0c1. How many staff?\n40 staff.\n".into()]),
        );
        assert!(out.json.contains("\"label\": \"page 2\""), "{}", out.json);
        let scan = Outputs::prepared(pdf, "s.pdf", Prepared::Pdf(vec!["\x0c \x0c".into()]));
        assert!(scan.json.contains("no text layer"), "{}", scan.json);
        let broken = Outputs::prepared(pdf, "b.pdf", Prepared::Pdf(vec!["\0damaged".into()]));
        assert!(broken.json.contains("damaged"), "{}", broken.json);
    }

    #[test]
    fn version_is_the_core_version() {
        assert_eq!(version(), Tool::default().version);
    }
}
