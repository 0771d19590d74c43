//! The comparison as an Excel workbook, the form this audience works in.
//!
//! Sheets: `Matrix` (one row per authority, a status and a value column per question, numbers
//! as numbers), `Long` (one row per answer), `Summary` (per question: statuses, exemptions,
//! number statistics, choices, yes/no), `Authorities` and `Questionnaire` (the canonical
//! questions and the ids each reply gave them). Each has a bold, frozen header row.
//!
//! Written by the small [`writer`] (SpreadsheetML) over [`zip`] rather than a workbook crate:
//! with `rust_xlsxwriter`, used before, the page's batch module was 390.0 KiB gzipped and the
//! CLI 6.10 MB; with these 154.1 KiB and 4.94 MB (`scripts/build-page.sh`, `cargo build
//! --release`), for the same cells, styles, panes and widths (read back with openpyxl, cell by
//! cell alike). Text is written as text cells and never as formulas, so a reply's `=…` cannot
//! run (see [`writer`]). Behind the `xlsx` feature, which the page's start-up wasm is built
//! without.

pub mod writer;
pub mod zip;

use super::export::{kind_word, membership_word, plain_value, LONG_COLUMNS, WIDE_LEADING};
use super::reply::Reply;
use super::summary::STATUS_ORDER;
use super::{main_value, Comparison, Membership};
use crate::model::{Scalar, Value};
use crate::report::exemptions_text;
use writer::{Sheet, Workbook};

/// The workbook's bytes.
pub fn workbook(cmp: &Comparison, replies: &[Reply]) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    matrix(wb.sheet("Matrix"), cmp, replies);
    long(wb.sheet("Long"), cmp, replies);
    summary(wb.sheet("Summary"), cmp);
    authorities(wb.sheet("Authorities"), cmp);
    questionnaire(wb.sheet("Questionnaire"), cmp);
    wb.save()
        .map_err(|e| format!("could not write the workbook: {e}"))
}

/// A value: a number cell when it is a plain number, else its text (`~20`, `<5`, `yes`).
fn value(ws: &mut Sheet, row: u32, col: u16, v: &Value) {
    match (&v.value, v.qualifier) {
        (Scalar::Number(n), None) if n.is_finite() => ws.number(row, col, *n),
        _ => ws.text(row, col, &plain_value(v)),
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn matrix(ws: &mut Sheet, cmp: &Comparison, replies: &[Reply]) {
    let mut cols: Vec<String> = WIDE_LEADING.iter().map(|s| s.to_string()).collect();
    for c in &cmp.questionnaire {
        cols.push(format!("{} status", c.id));
        cols.push(format!("{} value", c.id));
    }
    ws.header(&cols);
    // The source and the authority stay in view beside the question columns.
    ws.freeze(1, 2);
    for (r, m) in cmp.replies.iter().enumerate() {
        let row = r as u32 + 1;
        let reply = &replies[r];
        ws.text(row, 0, &reply.source);
        ws.text(row, 1, reply.authority.as_deref().unwrap_or(""));
        ws.text(row, 2, reply.references.first().map_or("", String::as_str));
        ws.text(row, 3, membership_word(m.questionnaire));
        ws.text(row, 4, reply.outcome.as_deref().unwrap_or(""));
        ws.text(row, 5, yes_no(reply.late));
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            let col = (WIDE_LEADING.len() + 2 * slot) as u16;
            match cmp.cell(replies, r, slot) {
                Some((q, _)) => {
                    ws.text(row, col, q.status.as_str());
                    if let Some(v) = main_value(q, c.value_kind) {
                        value(ws, row, col + 1, v);
                    }
                }
                None if m.questionnaire == Membership::Same => ws.text(row, col, "missing"),
                None => {}
            }
        }
    }
    ws.width(1, 28.0);
}

fn long(ws: &mut Sheet, cmp: &Comparison, replies: &[Reply]) {
    ws.header(&LONG_COLUMNS);
    let mut row = 1u32;
    for (r, reply) in replies.iter().enumerate().take(cmp.replies.len()) {
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            let Some((q, qm)) = cmp.cell(replies, r, slot) else {
                continue;
            };
            ws.text(row, 0, &reply.source);
            ws.text(row, 1, reply.authority.as_deref().unwrap_or(""));
            ws.text(row, 2, &c.id);
            ws.text(row, 3, &c.text);
            ws.text(row, 4, &q.id);
            ws.number(row, 5, f64::from(qm.confidence));
            ws.text(row, 6, q.status.as_str());
            ws.text(row, 7, &exemptions_text(&q.exemptions));
            if let Some(v) = main_value(q, c.value_kind) {
                value(ws, row, 8, v);
                ws.text(row, 9, v.unit.as_deref().unwrap_or(""));
                ws.text(row, 10, &kind_word(v.kind));
            }
            ws.text(row, 11, q.answer.as_ref().map_or("", |a| a.text.as_str()));
            row += 1;
        }
    }
    ws.width(3, 40.0);
    ws.width(11, 60.0);
}

fn summary(ws: &mut Sheet, cmp: &Comparison) {
    let mut cols: Vec<&str> = vec!["question", "text", "replies"];
    cols.extend(STATUS_ORDER.iter());
    cols.extend([
        "exemptions",
        "numbers kind",
        "count",
        "min",
        "median",
        "max",
        "unit",
        "bounds",
        "choices",
        "yes",
        "no",
    ]);
    ws.header(&cols);
    let list = |xs: &[super::summary::Count]| {
        xs.iter()
            .map(|x| format!("{} ({})", x.label, x.count))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (i, (c, s)) in cmp.questionnaire.iter().zip(&cmp.summaries).enumerate() {
        let row = i as u32 + 1;
        ws.text(row, 0, &c.id);
        ws.text(row, 1, &c.text);
        ws.number(row, 2, c.replies as f64);
        for (k, status) in STATUS_ORDER.iter().enumerate() {
            let n = s
                .statuses
                .iter()
                .find(|x| x.label == *status)
                .map_or(0, |x| x.count);
            ws.number(row, 3 + k as u16, n as f64);
        }
        let mut col = 3 + STATUS_ORDER.len() as u16;
        ws.text(row, col, &list(&s.exemptions));
        col += 1;
        if let Some(n) = &s.numbers {
            ws.text(row, col, &kind_word(n.kind));
            ws.number(row, col + 1, n.count as f64);
            ws.number(row, col + 2, n.min);
            ws.number(row, col + 3, n.median);
            ws.number(row, col + 4, n.max);
            ws.text(row, col + 5, n.unit.as_deref().unwrap_or(""));
            ws.number(row, col + 6, n.bounds as f64);
        }
        col += 7;
        ws.text(row, col, &list(&s.choices));
        if let Some(yn) = &s.yes_no {
            ws.number(row, col + 1, yn.yes as f64);
            ws.number(row, col + 2, yn.no as f64);
        }
    }
    ws.width(1, 50.0);
}

fn authorities(ws: &mut Sheet, cmp: &Comparison) {
    ws.header(&[
        "source",
        "authority",
        "questionnaire",
        "questions",
        "answered",
        "partial",
        "refused",
        "not_held",
        "missing",
        "late",
        "outcome",
    ]);
    for (i, a) in cmp.authorities.iter().enumerate() {
        let row = i as u32 + 1;
        ws.text(row, 0, &a.source);
        ws.text(row, 1, a.authority.as_deref().unwrap_or(""));
        ws.text(row, 2, membership_word(a.questionnaire));
        for (k, n) in [
            a.questions,
            a.answered,
            a.partial,
            a.refused,
            a.not_held,
            a.missing,
        ]
        .into_iter()
        .enumerate()
        {
            ws.number(row, 3 + k as u16, n as f64);
        }
        ws.text(row, 9, yes_no(a.late));
        ws.text(row, 10, a.outcome.as_deref().unwrap_or(""));
    }
}

fn questionnaire(ws: &mut Sheet, cmp: &Comparison) {
    ws.header(&["question", "text", "replies", "ids used", "value kind"]);
    for (i, c) in cmp.questionnaire.iter().enumerate() {
        let row = i as u32 + 1;
        ws.text(row, 0, &c.id);
        ws.text(row, 1, &c.text);
        ws.number(row, 2, c.replies as f64);
        ws.text(row, 3, &c.ids.join(", "));
        ws.text(row, 4, &c.value_kind.map(kind_word).unwrap_or_default());
    }
    ws.width(1, 60.0);
}
