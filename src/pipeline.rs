//! The whole data flow for one input, stage by stage.

use crate::decode::decode;
use crate::model::*;
use crate::normalise::normalise;

/// Analyses one input. Never panics on any input and never fails: what could not be read is
/// reported in `diagnostics` (with an `error` level when nothing could be read at all).
pub fn analyse(bytes: &[u8], name: &str) -> Analysis {
    let mut source = Source { name: name.to_string(), bytes: bytes.len(), ..Source::default() };
    match decode(bytes) {
        Ok(decoded) => {
            source.format = "text".into();
            source.encoding = decoded.encoding.into();
            let mut a = analyse_decoded(&decoded.text, source);
            let mut diags = decoded.diagnostics;
            diags.append(&mut a.diagnostics);
            a.diagnostics = diags;
            a
        }
        Err(d) => {
            source.format = if d.code == "empty-input" { "empty".into() } else { "binary".into() };
            empty_analysis(source, vec![d])
        }
    }
}

/// Analyses text that is already decoded (a paste).
pub fn analyse_text(text: &str, name: &str) -> Analysis {
    analyse(text.as_bytes(), name)
}

fn empty_analysis(source: Source, diagnostics: Vec<Diagnostic>) -> Analysis {
    Analysis {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        source,
        thread: Thread::default(),
        questions: Vec::new(),
        diagnostics,
    }
}

fn analyse_decoded(text: &str, mut source: Source) -> Analysis {
    source.text_bytes = text.len();
    let norm = normalise(text);
    let _ = norm;
    empty_analysis(source, Vec::new())
}

/// The text the spans of an analysis index (the input as decoded), for showing the source.
pub fn decoded_text(bytes: &[u8]) -> Option<String> {
    decode(bytes).ok().map(|d| d.text)
}
