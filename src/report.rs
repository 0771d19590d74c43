//! Stage 9: the analysis as JSON, CSV or a plain-text table.
//!
//! The JSON is the public interface (see `schema/analysis.schema.json`); the page downloads exactly
//! what [`to_json`] prints, so the CLI and the browser give byte-identical files for one input.

use crate::model::{Analysis, Exemption, Law, Scalar, Value};

/// Pretty-printed JSON of one analysis, with a final newline.
pub fn to_json(a: &Analysis) -> String {
    let mut s =
        serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// Pretty-printed JSON array of several analyses, with a final newline.
pub fn to_json_array(all: &[Analysis]) -> String {
    let mut s =
        serde_json::to_string_pretty(all).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// The CSV header row's fields.
pub const CSV_COLUMNS: [&str; 12] = [
    "source",
    "authority",
    "reference",
    "id",
    "parent",
    "question",
    "status",
    "exemptions",
    "values",
    "answer",
    "answer_start",
    "answer_end",
];

/// One row per question of every analysis: RFC 4180 (CRLF, quoted fields), UTF-8 with a
/// byte-order mark so that Excel reads it as UTF-8. Cells that Excel would run as formulas are
/// prefixed with `'`.
pub fn to_csv(all: &[Analysis]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, CSV_COLUMNS.iter().map(|s| s.to_string()));
    for a in all {
        for q in &a.questions {
            let (answer, start, end) = match &q.answer {
                Some(ans) => (
                    ans.text.clone(),
                    ans.span.start.to_string(),
                    ans.span.end.to_string(),
                ),
                None => (String::new(), String::new(), String::new()),
            };
            push_row(
                &mut out,
                [
                    a.source.name.clone(),
                    a.thread.authority.clone().unwrap_or_default(),
                    a.thread.references.first().cloned().unwrap_or_default(),
                    q.id.clone(),
                    q.parent.clone().unwrap_or_default(),
                    q.text.clone(),
                    q.status.as_str().to_string(),
                    exemptions_text(&q.exemptions),
                    values_text(&q.values),
                    answer,
                    start,
                    end,
                ]
                .into_iter(),
            );
        }
    }
    out
}

pub(crate) fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

fn push_cell(out: &mut String, cell: &str) {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula
        || cell.contains([',', '"', '\n', '\r'])
        || cell.starts_with(' ')
        || cell.ends_with(' ');
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// `FOIA s43(2); EIR reg 12(4)(b)`.
pub fn exemptions_text(ex: &[Exemption]) -> String {
    ex.iter()
        .map(|e| match e.law {
            Law::EIR | Law::EIRS => format!("{:?} reg {}", e.law, e.section),
            Law::FOIA | Law::FOISA => format!("{:?} s{}", e.law, e.section),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `money=2448000 GBP; count>=250`.
pub fn values_text(vs: &[Value]) -> String {
    vs.iter().map(value_text).collect::<Vec<_>>().join("; ")
}

pub fn value_text(v: &Value) -> String {
    use crate::model::Qualifier::*;
    let op = match v.qualifier {
        Some(AtLeast) => ">=",
        Some(AtMost) => "<=",
        Some(LessThan) => "<",
        Some(Approx) => "~",
        None => "=",
    };
    let val = match &v.value {
        Scalar::Number(n) => serde_json::to_string(&Scalar::Number(*n)).unwrap_or_default(),
        Scalar::Text(t) => t.clone(),
        Scalar::Bool(b) => {
            if *b {
                "yes".into()
            } else {
                "no".into()
            }
        }
    };
    let kind = serde_json::to_value(v.kind)
        .ok()
        .and_then(|k| k.as_str().map(str::to_owned))
        .unwrap_or_default();
    match &v.unit {
        Some(u) => format!("{kind}{op}{val} {u}"),
        None => format!("{kind}{op}{val}"),
    }
}

/// A plain-text table for a terminal: the thread, then one line per question.
pub fn to_table(a: &Analysis) -> String {
    let mut out = String::new();
    let t = &a.thread;
    out.push_str(&format!("{}\n", a.source.name));
    let field =
        |k: &str, v: Option<&str>| v.map(|v| format!("  {k:<11} {v}\n")).unwrap_or_default();
    out.push_str(&field("title", t.title.as_deref()));
    out.push_str(&field("authority", t.authority.as_deref()));
    out.push_str(&field("requester", t.requester.as_deref()));
    if !t.references.is_empty() {
        out.push_str(&field("references", Some(&t.references.join(", "))));
    }
    out.push_str(&field("received", t.received.as_deref()));
    if let Some(d) = &t.due {
        let due = match (&d.stated, &d.computed) {
            (Some(s), Some(c)) if s == c => format!("{s} (stated and computed)"),
            (Some(s), Some(c)) => format!("{s} stated, {c} computed"),
            (Some(s), None) => format!("{s} stated"),
            (None, Some(c)) => format!("{c} computed, none stated"),
            (None, None) => d.value.clone(),
        };
        out.push_str(&field("due", Some(&due)));
    }
    out.push_str(&field("responded", t.responded.as_deref()));
    if let Some(late) = t.late {
        out.push_str(&field("late", Some(if late { "yes" } else { "no" })));
    }
    out.push_str(&field("outcome", t.outcome.as_deref()));
    let idw = a
        .questions
        .iter()
        .map(|q| q.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    out.push_str(&format!(
        "\n  {:<idw$}  {:<14} {:<14} {:<28} answer\n",
        "id", "status", "exemptions", "values"
    ));
    for q in &a.questions {
        let ans = q
            .answer
            .as_ref()
            .map(|a| crate::text::one_line(&a.text))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<idw$}  {:<14} {:<14} {:<28} {}\n",
            q.id,
            q.status.as_str(),
            clip(&exemptions_text(&q.exemptions), 14),
            clip(&values_text(&q.values), 28),
            clip(&ans, 60)
        ));
    }
    for d in &a.diagnostics {
        out.push_str(&format!("  {:?}: {}\n", d.level, d.message));
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("=SUM(A1)", "\"'=SUM(A1)\""),
            ("-5", "\"'-5\""),
            ("two\nlines", "\"two\nlines\""),
        ];
        for (cell, want) in cases {
            let mut s = String::new();
            push_cell(&mut s, cell);
            assert_eq!(s, want);
        }
    }
}
