//! The comparison as files: wide CSV (one row per authority), long CSV (one row per answer) and
//! JSON (the comparison with the analyses it was made from).
//!
//! The CSVs are written like the single-reply CSV ([`crate::report`]): UTF-8 with a byte-order
//! mark, RFC 4180 with CRLF, and cells that a spreadsheet would run as formulas escaped.

use serde::Serialize;

use super::reply::Reply;
use super::{main_value, Comparison, Membership};
use crate::model::{Qualifier, Scalar, Value, ValueKind};
use crate::report::{exemptions_text, push_row};

/// The columns before the per-question ones in the wide CSV.
pub const WIDE_LEADING: [&str; 6] = [
    "source",
    "authority",
    "reference",
    "questionnaire",
    "outcome",
    "late",
];

/// The long CSV's header.
pub const LONG_COLUMNS: [&str; 12] = [
    "source",
    "authority",
    "question",
    "question_text",
    "reply_question",
    "confidence",
    "status",
    "exemptions",
    "value",
    "unit",
    "kind",
    "answer",
];

/// One row per reply: its facts, then a status and a value column per canonical question.
pub fn wide_csv(cmp: &Comparison, replies: &[Reply]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header: Vec<String> = WIDE_LEADING.iter().map(|s| s.to_string()).collect();
    for (c, s) in cmp.questionnaire.iter().zip(&cmp.summaries) {
        header.push(format!("{} status", c.id));
        let unit = s
            .numbers
            .as_ref()
            .and_then(|n| n.unit.clone())
            .or_else(|| c.value_kind.and_then(kind_unit).map(str::to_owned));
        header.push(match unit {
            Some(u) => format!("{} value ({u})", c.id),
            None => format!("{} value", c.id),
        });
    }
    push_row(&mut out, header.into_iter());
    for (r, m) in cmp.replies.iter().enumerate() {
        let reply = &replies[r];
        let mut row = vec![
            reply.source.clone(),
            reply.authority.clone().unwrap_or_default(),
            reply.references.first().cloned().unwrap_or_default(),
            membership_word(m.questionnaire).to_string(),
            reply.outcome.clone().unwrap_or_default(),
            match reply.late {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
        ];
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            match cmp.cell(replies, r, slot) {
                Some((q, _)) => {
                    row.push(q.status.as_str().to_string());
                    row.push(
                        main_value(q, c.value_kind)
                            .map(plain_value)
                            .unwrap_or_default(),
                    );
                }
                None => {
                    row.push(if m.questionnaire == Membership::Same {
                        "missing".into()
                    } else {
                        String::new()
                    });
                    row.push(String::new());
                }
            }
        }
        push_row(&mut out, row.into_iter());
    }
    out
}

/// One row per question of every reply (unmapped ones with an empty `question`), and a
/// `missing` row for each canonical question a reply to the questionnaire lacks.
pub fn long_csv(cmp: &Comparison, replies: &[Reply]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, LONG_COLUMNS.iter().map(|s| s.to_string()));
    for (r, m) in cmp.replies.iter().enumerate() {
        let reply = &replies[r];
        let authority = reply.authority.clone().unwrap_or_default();
        // Canonical order first, then the questions that map nowhere.
        for (slot, c) in cmp.questionnaire.iter().enumerate() {
            match cmp.cell(replies, r, slot) {
                Some((q, qm)) => {
                    let v = main_value(q, c.value_kind);
                    push_row(
                        &mut out,
                        [
                            reply.source.clone(),
                            authority.clone(),
                            c.id.clone(),
                            c.text.clone(),
                            q.id.clone(),
                            format!("{:.2}", qm.confidence),
                            q.status.as_str().to_string(),
                            exemptions_text(&q.exemptions),
                            v.map(plain_value).unwrap_or_default(),
                            v.and_then(|v| v.unit.clone()).unwrap_or_default(),
                            v.map(|v| kind_word(v.kind)).unwrap_or_default(),
                            q.answer
                                .as_ref()
                                .map(|a| a.text.clone())
                                .unwrap_or_default(),
                        ]
                        .into_iter(),
                    );
                }
                None if m.questionnaire == Membership::Same => push_row(
                    &mut out,
                    [
                        reply.source.clone(),
                        authority.clone(),
                        c.id.clone(),
                        c.text.clone(),
                        String::new(),
                        String::new(),
                        "missing".into(),
                    ]
                    .into_iter()
                    .chain(std::iter::repeat_n(String::new(), 5)),
                ),
                None => {}
            }
        }
        for qm in m.questions.iter().filter(|q| q.canonical.is_none()) {
            let q = &reply.questions[qm.index];
            let v = q.values.first();
            push_row(
                &mut out,
                [
                    reply.source.clone(),
                    authority.clone(),
                    String::new(),
                    q.text.clone(),
                    q.id.clone(),
                    String::new(),
                    q.status.as_str().to_string(),
                    exemptions_text(&q.exemptions),
                    v.map(plain_value).unwrap_or_default(),
                    v.and_then(|v| v.unit.clone()).unwrap_or_default(),
                    v.map(|v| kind_word(v.kind)).unwrap_or_default(),
                    q.answer
                        .as_ref()
                        .map(|a| a.text.clone())
                        .unwrap_or_default(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

/// The comparison as pretty JSON with the analyses it was made from (each the JSON text of one
/// analysis, as `foi-analyser --format json` prints it; invalid ones become `null`).
pub fn json<S: AsRef<str>>(cmp: &Comparison, analyses: &[S]) -> String {
    #[derive(Serialize)]
    struct WithAnalyses<'a> {
        #[serde(flatten)]
        comparison: &'a Comparison,
        analyses: Vec<Option<Box<serde_json::value::RawValue>>>,
    }
    let analyses = analyses
        .iter()
        .map(|a| serde_json::value::RawValue::from_string(a.as_ref().trim().to_string()).ok())
        .collect();
    let mut s = serde_json::to_string_pretty(&WithAnalyses {
        comparison: cmp,
        analyses,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// A value as a spreadsheet cell: a plain number where it is one; a qualifier written before
/// it (`~20`, `<5`) since dropping it would state more than the reply does.
pub fn plain_value(v: &Value) -> String {
    let text = match &v.value {
        Scalar::Number(n) => serde_json::to_string(&Scalar::Number(*n)).unwrap_or_default(),
        Scalar::Text(t) => t.clone(),
        Scalar::Bool(true) => "yes".into(),
        Scalar::Bool(false) => "no".into(),
    };
    let op = match v.qualifier {
        Some(Qualifier::AtLeast) => ">=",
        Some(Qualifier::AtMost) => "<=",
        Some(Qualifier::LessThan) => "<",
        Some(Qualifier::Approx) => "~",
        None => "",
    };
    format!("{op}{text}")
}

/// The unit a column's header shows when its values carry none of their own.
fn kind_unit(kind: ValueKind) -> Option<&'static str> {
    match kind {
        ValueKind::Money => Some("GBP"),
        ValueKind::Percent => Some("%"),
        ValueKind::Area => Some("km2"),
        ValueKind::Duration => Some("months"),
        _ => None,
    }
}

pub fn kind_word(kind: ValueKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|k| k.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn membership_word(m: Membership) -> &'static str {
    match m {
        Membership::Same => "same",
        Membership::Different => "different",
        Membership::NoQuestions => "no_questions",
        Membership::Failed => "failed",
    }
}
