//! The comparison with text in and text out, for the page: the analyses as one JSON array (what
//! the page's workers returned, in drop order), the user's corrections as JSON, a format name.
//!
//! The wasm binding is one call to [`run`], so everything the page's comparison does is tested
//! natively here.

use serde::Serialize;
use serde_json::value::RawValue;

use super::{compare, export, main_value, Comparison, Override, Reply};

/// What [`run`] produces: the comparison for the page to draw, or one of the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For drawing: the comparison JSON without the analyses, plus `cells[reply][column]`
    /// (the reply's question index and id, status and main value) so the page need not keep
    /// the analyses on its main thread.
    View,
    /// The comparison JSON with the analyses: the download, as the CLI's `--format json`.
    Json,
    Wide,
    Long,
    #[cfg(feature = "xlsx")]
    Xlsx,
}

impl Format {
    pub fn parse(name: &str) -> Result<Format, String> {
        Ok(match name {
            "view" => Format::View,
            "json" => Format::Json,
            "csv" => Format::Wide,
            "csv-long" => Format::Long,
            #[cfg(feature = "xlsx")]
            "xlsx" => Format::Xlsx,
            other => return Err(format!("unknown comparison format `{other}`")),
        })
    }
}

/// A batch as the page sends it, read.
pub struct Batch {
    pub replies: Vec<Reply>,
    /// Each analysis's JSON text, for the JSON export.
    pub analyses: Vec<String>,
    pub overrides: Vec<Override>,
}

/// Reads the batch: the analyses (a JSON array of analysis objects) and the corrections (a
/// JSON array of `{reply, question, canonical}`; empty text for none). An analysis that does
/// not read is an error naming its position: the page only sends what the engine wrote.
pub fn read(analyses_json: &str, overrides_json: &str) -> Result<Batch, String> {
    let raw: Vec<Box<RawValue>> = serde_json::from_str(analyses_json)
        .map_err(|e| format!("the analyses are not a JSON array: {e}"))?;
    let mut replies = Vec::with_capacity(raw.len());
    let mut texts = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        replies.push(Reply::from_json(r.get()).map_err(|e| format!("analysis {i}: {e}"))?);
        texts.push(r.get().to_string());
    }
    let overrides: Vec<Override> = if overrides_json.trim().is_empty() {
        Vec::new()
    } else {
        serde_json::from_str(overrides_json).map_err(|e| format!("the corrections: {e}"))?
    };
    Ok(Batch {
        replies,
        analyses: texts,
        overrides,
    })
}

/// Compares and writes `format`.
pub fn run(analyses_json: &str, overrides_json: &str, format: &str) -> Result<Vec<u8>, String> {
    let format = Format::parse(format)?;
    let Batch {
        replies,
        analyses: texts,
        overrides,
    } = read(analyses_json, overrides_json)?;
    let cmp: Comparison = compare(&replies, &overrides);
    Ok(match format {
        Format::View => view(&cmp, &replies).into_bytes(),
        Format::Json => export::json(&cmp, &texts).into_bytes(),
        Format::Wide => export::wide_csv(&cmp, &replies).into_bytes(),
        Format::Long => export::long_csv(&cmp, &replies).into_bytes(),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => super::xlsx::workbook(&cmp, &replies)?,
    })
}

/// One matrix cell as the page draws it.
#[derive(Serialize)]
struct Cell<'a> {
    /// The reply's question: its index in the analysis, its id as written.
    index: usize,
    id: &'a str,
    status: &'static str,
    /// The main value as text (`~20`, `2448000`, `yes`), with its unit.
    value: Option<String>,
    unit: Option<&'a str>,
}

fn view(cmp: &Comparison, replies: &[Reply]) -> String {
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        comparison: &'a Comparison,
        cells: Vec<Vec<Option<Cell<'a>>>>,
    }
    let cells = (0..cmp.replies.len())
        .map(|r| {
            (0..cmp.questionnaire.len())
                .map(|slot| {
                    cmp.cell(replies, r, slot).map(|(q, m)| {
                        let v = main_value(q, cmp.questionnaire[slot].value_kind);
                        Cell {
                            index: m.index,
                            id: &q.id,
                            status: q.status.as_str(),
                            value: v.map(export::plain_value),
                            unit: v.and_then(|v| v.unit.as_deref()),
                        }
                    })
                })
                .collect()
        })
        .collect();
    serde_json::to_string(&View {
        comparison: cmp,
        cells,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch() -> String {
        let a = crate::analyse(
            b"Dear Council,\n1. How many staff do you employ?\n2. Do you use a CRM system?\n\nDear Requester,\n1. How many staff do you employ?\n120 staff.\n2. Do you use a CRM system?\nYes.\n",
            "a.txt",
        );
        let b = crate::analyse(
            b"Dear Council,\nQ1. How many staff does the council employ?\nQ2. Does the council use a CRM system?\n\nDear Requester,\nQ1. How many staff does the council employ?\n95\nQ2. Does the council use a CRM system?\nNo.\n",
            "b.txt",
        );
        format!(
            "[{},{}]",
            crate::report::to_json(&a),
            crate::report::to_json(&b)
        )
    }

    #[test]
    fn every_format_from_the_same_text_the_page_sends() {
        let analyses = batch();
        let view: serde_json::Value =
            serde_json::from_slice(&run(&analyses, "", "view").unwrap()).unwrap();
        assert!(view.get("analyses").is_none());
        assert_eq!(view["replies"].as_array().unwrap().len(), 2);
        let cells = view["cells"].as_array().unwrap();
        assert_eq!(cells.len(), 2);
        let columns = view["questionnaire"].as_array().unwrap().len();
        assert!(cells
            .iter()
            .all(|row| row.as_array().unwrap().len() == columns));
        let json: serde_json::Value =
            serde_json::from_slice(&run(&analyses, "[]", "json").unwrap()).unwrap();
        // Each cell is its reply's question, as the analysis has it.
        let mut seen = 0;
        for (r, row) in cells.iter().enumerate() {
            for c in row.as_array().unwrap().iter().filter(|c| !c.is_null()) {
                let q = &json["analyses"][r]["questions"][c["index"].as_u64().unwrap() as usize];
                assert_eq!(c["status"], q["status"]);
                assert_eq!(c["id"], q["id"]);
                seen += 1;
            }
        }
        assert!(seen >= 2, "{cells:?}");
        assert_eq!(json["analyses"][1]["source"]["name"], "b.txt");
        let wide = String::from_utf8(run(&analyses, "", "csv").unwrap()).unwrap();
        assert!(wide.starts_with('\u{feff}'));
        assert_eq!(wide.lines().count(), 3);
        let long = String::from_utf8(run(&analyses, "", "csv-long").unwrap()).unwrap();
        assert!(long.lines().count() >= 3);
        assert!(run(&analyses, "", "pdf").is_err());
    }

    #[test]
    fn corrections_apply_and_bad_input_is_an_error_not_a_panic() {
        let analyses = batch();
        let view: serde_json::Value =
            serde_json::from_slice(&run(&analyses, "", "view").unwrap()).unwrap();
        let first = view["questionnaire"][0]["id"].as_str().unwrap().to_string();
        let q = view["replies"][1]["questions"][0]["index"]
            .as_u64()
            .unwrap();
        let o = format!(r#"[{{"reply":1,"question":{q},"canonical":null}}]"#);
        let after: serde_json::Value =
            serde_json::from_slice(&run(&analyses, &o, "view").unwrap()).unwrap();
        assert_eq!(
            after["replies"][1]["questions"][0]["canonical"],
            serde_json::Value::Null
        );
        assert_eq!(after["replies"][1]["questions"][0]["basis"], "user");
        assert!(!first.is_empty());
        for (a, o) in [
            ("not json", ""),
            ("{}", ""),
            ("[1]", ""),
            (analyses.as_str(), "{"),
        ] {
            assert!(run(a, o, "view").is_err(), "{a:.20} {o}");
        }
        // An empty batch is a comparison of nothing.
        assert!(run("[]", "", "csv").is_ok());
    }
}
