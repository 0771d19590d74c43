//! The comparison as an Excel workbook, the form this audience works in.
//!
//! Sheets: `Matrix` (one row per authority, a status and a value column per question, numbers
//! as numbers), `Long` (one row per answer), `Summary` (per question: statuses, exemptions,
//! number statistics, choices, yes/no), `Authorities` and `Questionnaire` (the canonical
//! questions and the ids each reply gave them). Text is written as text cells, never formulas,
//! so no escaping is needed. Behind the `xlsx` feature: `rust_xlsxwriter` adds ~380 KiB of
//! gzipped wasm (field notes), so the page loads it only when a workbook is asked for.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::export::{kind_word, membership_word, plain_value, LONG_COLUMNS, WIDE_LEADING};
use super::reply::Reply;
use super::summary::STATUS_ORDER;
use super::{main_value, Comparison, Membership};
use crate::model::{Scalar, Value};
use crate::report::exemptions_text;

/// Excel's limit on the characters of one cell.
const CELL_MAX: usize = 32_767;

/// The workbook's bytes.
pub fn workbook(cmp: &Comparison, replies: &[Reply]) -> Result<Vec<u8>, String> {
    build(cmp, replies).map_err(|e| format!("could not write the workbook: {e}"))
}

fn build(cmp: &Comparison, replies: &[Reply]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    matrix(wb.add_worksheet(), cmp, replies, &bold)?;
    long(wb.add_worksheet(), cmp, replies, &bold)?;
    summary(wb.add_worksheet(), cmp, &bold)?;
    authorities(wb.add_worksheet(), cmp, &bold)?;
    questionnaire(wb.add_worksheet(), cmp, &bold)?;
    wb.save_to_buffer()
}

fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
    if s.is_empty() {
        return Ok(());
    }
    if s.chars().count() > CELL_MAX {
        let cut: String = s.chars().take(CELL_MAX - 1).collect();
        ws.write_string(row, col, format!("{cut}…"))?;
    } else {
        ws.write_string(row, col, s)?;
    }
    Ok(())
}

/// A value: a number cell when it is a plain number, else its text (`~20`, `<5`, `yes`).
fn value(ws: &mut Worksheet, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
    match (&v.value, v.qualifier) {
        (Scalar::Number(n), None) if n.is_finite() => {
            ws.write_number(row, col, *n)?;
        }
        _ => text(ws, row, col, &plain_value(v))?,
    }
    Ok(())
}

fn header(ws: &mut Worksheet, cols: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn matrix(
    ws: &mut Worksheet,
    cmp: &Comparison,
    replies: &[Reply],
    bold: &Format,
) -> Result<(), XlsxError> {
    ws.set_name("Matrix")?;
    let mut cols: Vec<String> = WIDE_LEADING.iter().map(|s| s.to_string()).collect();
    for c in &cmp.questionnaire {
        cols.push(format!("{} status", c.id));
        cols.push(format!("{} value", c.id));
    }
    header(ws, &cols, bold)?;
    ws.set_freeze_panes(1, 2)?;
    for (r, m) in cmp.replies.iter().enumerate() {
        let row = r as u32 + 1;
        let reply = &replies[r];
        text(ws, row, 0, &reply.source)?;
        text(ws, row, 1, reply.authority.as_deref().unwrap_or(""))?;
        text(
            ws,
            row,
            2,
            reply.references.first().map_or("", String::as_str),
        )?;
        text(ws, row, 3, membership_word(m.questionnaire))?;
        text(ws, row, 4, reply.outcome.as_deref().unwrap_or(""))?;
        text(
            ws,
            row,
            5,
            match reply.late {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            },
        )?;
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            let col = (WIDE_LEADING.len() + 2 * slot) as u16;
            match cmp.cell(replies, r, slot) {
                Some((q, _)) => {
                    text(ws, row, col, q.status.as_str())?;
                    if let Some(v) = main_value(q, c.value_kind) {
                        value(ws, row, col + 1, v)?;
                    }
                }
                None if m.questionnaire == Membership::Same => text(ws, row, col, "missing")?,
                None => {}
            }
        }
    }
    ws.set_column_width(1, 28)?;
    Ok(())
}

fn long(
    ws: &mut Worksheet,
    cmp: &Comparison,
    replies: &[Reply],
    bold: &Format,
) -> Result<(), XlsxError> {
    ws.set_name("Long")?;
    let cols: Vec<String> = LONG_COLUMNS.iter().map(|s| s.to_string()).collect();
    header(ws, &cols, bold)?;
    let mut row = 1u32;
    for (r, reply) in replies.iter().enumerate().take(cmp.replies.len()) {
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            let Some((q, qm)) = cmp.cell(replies, r, slot) else {
                continue;
            };
            text(ws, row, 0, &reply.source)?;
            text(ws, row, 1, reply.authority.as_deref().unwrap_or(""))?;
            text(ws, row, 2, &c.id)?;
            text(ws, row, 3, &c.text)?;
            text(ws, row, 4, &q.id)?;
            ws.write_number(row, 5, f64::from(qm.confidence))?;
            text(ws, row, 6, q.status.as_str())?;
            text(ws, row, 7, &exemptions_text(&q.exemptions))?;
            if let Some(v) = main_value(q, c.value_kind) {
                value(ws, row, 8, v)?;
                text(ws, row, 9, v.unit.as_deref().unwrap_or(""))?;
                text(ws, row, 10, &kind_word(v.kind))?;
            }
            text(
                ws,
                row,
                11,
                q.answer.as_ref().map_or("", |a| a.text.as_str()),
            )?;
            row += 1;
        }
    }
    ws.set_column_width(3, 40)?;
    ws.set_column_width(11, 60)?;
    Ok(())
}

fn summary(ws: &mut Worksheet, cmp: &Comparison, bold: &Format) -> Result<(), XlsxError> {
    ws.set_name("Summary")?;
    let mut cols: Vec<String> = vec!["question".into(), "text".into(), "replies".into()];
    cols.extend(STATUS_ORDER.iter().map(|s| s.to_string()));
    cols.extend(
        [
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
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    header(ws, &cols, bold)?;
    for (i, (c, s)) in cmp.questionnaire.iter().zip(&cmp.summaries).enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &c.id)?;
        text(ws, row, 1, &c.text)?;
        ws.write_number(row, 2, c.replies as f64)?;
        for (k, status) in STATUS_ORDER.iter().enumerate() {
            let n = s
                .statuses
                .iter()
                .find(|x| x.label == *status)
                .map_or(0, |x| x.count);
            ws.write_number(row, 3 + k as u16, n as f64)?;
        }
        let mut col = 3 + STATUS_ORDER.len() as u16;
        let list = |xs: &[super::summary::Count]| {
            xs.iter()
                .map(|x| format!("{} ({})", x.label, x.count))
                .collect::<Vec<_>>()
                .join("; ")
        };
        text(ws, row, col, &list(&s.exemptions))?;
        col += 1;
        if let Some(n) = &s.numbers {
            text(ws, row, col, &kind_word(n.kind))?;
            ws.write_number(row, col + 1, n.count as f64)?;
            ws.write_number(row, col + 2, n.min)?;
            ws.write_number(row, col + 3, n.median)?;
            ws.write_number(row, col + 4, n.max)?;
            text(ws, row, col + 5, n.unit.as_deref().unwrap_or(""))?;
            ws.write_number(row, col + 6, n.bounds as f64)?;
        }
        col += 7;
        text(ws, row, col, &list(&s.choices))?;
        if let Some(yn) = &s.yes_no {
            ws.write_number(row, col + 1, yn.yes as f64)?;
            ws.write_number(row, col + 2, yn.no as f64)?;
        }
    }
    ws.set_column_width(1, 50)?;
    Ok(())
}

fn authorities(ws: &mut Worksheet, cmp: &Comparison, bold: &Format) -> Result<(), XlsxError> {
    ws.set_name("Authorities")?;
    let cols: Vec<String> = [
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
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header(ws, &cols, bold)?;
    for (i, a) in cmp.authorities.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &a.source)?;
        text(ws, row, 1, a.authority.as_deref().unwrap_or(""))?;
        text(ws, row, 2, membership_word(a.questionnaire))?;
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
            ws.write_number(row, 3 + k as u16, n as f64)?;
        }
        text(
            ws,
            row,
            9,
            match a.late {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            },
        )?;
        text(ws, row, 10, a.outcome.as_deref().unwrap_or(""))?;
    }
    Ok(())
}

fn questionnaire(ws: &mut Worksheet, cmp: &Comparison, bold: &Format) -> Result<(), XlsxError> {
    ws.set_name("Questionnaire")?;
    let cols: Vec<String> = ["question", "text", "replies", "ids used", "value kind"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header(ws, &cols, bold)?;
    for (i, c) in cmp.questionnaire.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &c.id)?;
        text(ws, row, 1, &c.text)?;
        ws.write_number(row, 2, c.replies as f64)?;
        text(ws, row, 3, &c.ids.join(", "))?;
        text(ws, row, 4, &c.value_kind.map(kind_word).unwrap_or_default())?;
    }
    ws.set_column_width(1, 60)?;
    Ok(())
}
