//! The JSON output matches `schema/analysis.schema.json`, and the schema matches the model.
//!
//! The schema closes every object (`additionalProperties: false`) and requires every field, so a
//! field added to, renamed in or dropped from `src/model.rs` without a schema change fails here.

mod common;

use foi_analyser::model::*;
use foi_analyser::{analyse, report, Basis};
use serde_json::{json, Value as Json};

use common::{schema_json, validate};

/// Serialises `a` exactly as the CLI does and checks it against the schema.
fn assert_valid(a: &Analysis, what: &str) {
    let text = report::to_json(a);
    let json: Json =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: output is not JSON: {e}"));
    if let Err(e) = validate(&json) {
        panic!("{what}: output does not match the schema:\n{e}\n--- output ---\n{text}");
    }
}

#[test]
fn schema_version_matches_the_model() {
    let schema = schema_json();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        SCHEMA_VERSION
    );
}

#[test]
fn every_corpus_input_matches_the_schema() {
    let inputs = common::all_inputs();
    assert!(inputs.len() > 90, "the whole corpus, got {}", inputs.len());
    let mut failures = Vec::new();
    for input in &inputs {
        let a = analyse(&input.bytes(), &input.name);
        let json: Json = serde_json::from_str(&report::to_json(&a)).expect("output is JSON");
        if let Err(e) = validate(&json) {
            failures.push(format!("{}:\n{e}", input.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs do not match the schema:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn refused_inputs_match_the_schema() {
    let png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x1F)
        .collect();
    let cases: [(&str, &[u8], &str, &str); 4] = [
        ("empty", b"", "empty", "empty-input"),
        ("white space", b" \r\n\t\n", "empty", "empty-input"),
        ("png", png, "binary", "binary-input"),
        ("control bytes", &garbage, "binary", "binary-input"),
    ];
    for (what, bytes, format, code) in cases {
        let a = analyse(bytes, what);
        assert_eq!(a.source.format, format, "{what}");
        assert!(
            a.diagnostics
                .iter()
                .any(|d| d.level == Level::Error && d.code == code),
            "{what}: expected an error diagnostic `{code}`, got {:?}",
            a.diagnostics
        );
        assert_valid(&a, what);
    }
}

#[test]
fn the_json_array_of_several_analyses_holds_valid_analyses() {
    let all = [analyse(b"Q1. Yes", "a.txt"), analyse(b"", "b.txt")];
    let json: Json = serde_json::from_str(&report::to_json_array(&all)).expect("JSON");
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    for item in items {
        validate(item).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// An analysis with every optional part present, so that every definition of the schema is
/// exercised even while the engine finds nothing (it builds the model types directly; adding a
/// field to the model without updating this and the schema fails to compile here, on purpose).
fn full_analysis() -> Analysis {
    let span = |s, e| Span::new(s, e);
    let value = |kind, value, qualifier| Value {
        kind,
        value,
        unit: None,
        qualifier,
        text: "words".into(),
        span: span(10, 15),
    };
    let foia = |s: &str| Exemption {
        law: Law::FOIA,
        section: s.into(),
    };
    let question = |id: &str, status| Question {
        id: id.into(),
        key: id.trim_start_matches('Q').to_lowercase(),
        parent: Some("Q4".into()),
        header: false,
        text: "How many?".into(),
        span: Some(span(0, 9)),
        answer: Some(Answer {
            text: "250+".into(),
            span: span(10, 14),
        }),
        status,
        status_basis: Some(Basis {
            text: "250+".into(),
            span: span(10, 14),
        }),
        exemptions: vec![
            foia("43(2)"),
            Exemption {
                law: Law::EIR,
                section: "12(4)(b)".into(),
            },
        ],
        values: vec![],
        refers_to: None,
    };
    let mut q1 = question("Q4a", Status::Answered);
    q1.values = vec![
        Value {
            unit: Some("GBP".into()),
            ..value(ValueKind::Money, Scalar::Number(2_448_000.0), None)
        },
        value(
            ValueKind::Count,
            Scalar::Number(250.0),
            Some(Qualifier::AtLeast),
        ),
        value(
            ValueKind::Percent,
            Scalar::Number(4.5),
            Some(Qualifier::Approx),
        ),
        value(
            ValueKind::Area,
            Scalar::Number(93.45),
            Some(Qualifier::AtMost),
        ),
        value(ValueKind::Date, Scalar::Text("2021-10".into()), None),
        value(ValueKind::Date, Scalar::Text("2019-02-19".into()), None),
        value(ValueKind::Year, Scalar::Number(2012.0), None),
        value(
            ValueKind::Duration,
            Scalar::Number(12.0),
            Some(Qualifier::LessThan),
        ),
        value(ValueKind::Boolean, Scalar::Bool(true), None),
        value(ValueKind::Choice, Scalar::Text("Residents".into()), None),
    ];
    let mut q2 = question("Q5", Status::Referred);
    q2.parent = None;
    q2.header = true;
    q2.span = None;
    q2.answer = None;
    q2.refers_to = Some("Q4".into());
    let others = [
        Status::Partial,
        Status::Refused,
        Status::Ncnd,
        Status::NotHeld,
        Status::NotApplicable,
        Status::Clarification,
        Status::Unanswered,
    ];
    let mut questions = vec![q1, q2];
    questions.extend(
        others
            .iter()
            .enumerate()
            .map(|(i, &s)| question(&format!("{}", 6 + i), s)),
    );
    let kinds = [
        MessageKind::Request,
        MessageKind::Acknowledgement,
        MessageKind::Clarification,
        MessageKind::FollowUp,
        MessageKind::Response,
        MessageKind::InternalReviewRequest,
        MessageKind::InternalReview,
        MessageKind::Other,
    ];
    let messages = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| Message {
            kind,
            sender: (i % 2 == 0).then(|| "Baptiste GC".into()),
            date: (i % 2 == 1).then(|| "2019-02-19".into()),
            span: span(i * 10, i * 10 + 10),
            quoted: i == 7,
        })
        .collect();
    Analysis {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        source: Source {
            name: "stoke.txt".into(),
            format: "text".into(),
            encoding: "utf-8".into(),
            bytes: 100,
            text_bytes: 100,
            parts: vec![foi_analyser::model::SourcePart {
                kind: "attachment",
                label: "attachment 1: reply.docx".into(),
                span: span(0, 100),
            }],
        },
        thread: Thread {
            title: Some("Customer Relationship Management".into()),
            authority: Some("Stoke on Trent City Council".into()),
            requester: Some("Baptiste GC".into()),
            references: vec!["SOT76186".into(), "FOI2019/0279".into()],
            law: Law::FOISA,
            received: Some("2019-02-19".into()),
            responded: Some("2019-03-20".into()),
            due: Some(Due {
                value: "2019-03-19".into(),
                stated: Some("2019-03-19".into()),
                computed: Some("2019-03-19".into()),
                working_days: 20,
                holidays: "Scotland".into(),
            }),
            late: Some(true),
            working_days_taken: Some(21),
            outcome: Some("partially_successful".into()),
            outcome_basis: Some("stated".into()),
            exemptions: vec![
                foia("21"),
                Exemption {
                    law: Law::EIRS,
                    section: "10(4)(a)".into(),
                },
            ],
            messages,
        },
        questions,
        diagnostics: vec![
            Diagnostic {
                level: Level::Info,
                code: "encoding-fallback",
                message: "m".into(),
                span: None,
            },
            Diagnostic {
                level: Level::Warning,
                code: "no-questions",
                message: "m".into(),
                span: Some(span(0, 0)),
            },
        ],
    }
}

#[test]
fn a_fully_populated_analysis_matches_the_schema() {
    assert_valid(&full_analysis(), "full analysis");
    // And the minimal one: every optional field null, every list empty.
    let mut a = analyse(b"No questions here.", "x");
    a.thread.law = Law::EIR;
    assert_valid(&a, "minimal analysis");
}

/// Each mutation of a valid output must be rejected: the schema is closed and typed, not a
/// rubber stamp.
#[test]
fn the_schema_rejects_drift() {
    let valid: Json = serde_json::from_str(&report::to_json(&full_analysis())).unwrap();
    validate(&valid).expect("the unmutated analysis is valid");
    type Mutation = (&'static str, fn(&mut Json));
    let mutations: Vec<Mutation> = vec![
        ("an unknown top-level field", |j| j["extra"] = json!(1)),
        ("a missing top-level field", |j| {
            j.as_object_mut().unwrap().remove("diagnostics");
        }),
        ("another schema_version", |j| {
            j["schema_version"] = json!("2.0.0")
        }),
        ("an unknown source field", |j| {
            j["source"]["path"] = json!("/tmp/x")
        }),
        ("an unknown encoding", |j| {
            j["source"]["encoding"] = json!("latin-1")
        }),
        ("negative byte count", |j| j["source"]["bytes"] = json!(-1)),
        ("an unknown law", |j| j["thread"]["law"] = json!("foia")),
        ("a date that is not ISO", |j| {
            j["thread"]["received"] = json!("19/02/2019")
        }),
        ("an unknown field in due", |j| {
            j["thread"]["due"]["extended"] = json!(true)
        }),
        ("unknown holidays", |j| {
            j["thread"]["due"]["holidays"] = json!("England")
        }),
        ("an unknown outcome", |j| {
            j["thread"]["outcome"] = json!("success")
        }),
        ("an unknown message kind", |j| {
            j["thread"]["messages"][0]["kind"] = json!("FollowUp")
        }),
        ("a span with a missing end", |j| {
            j["thread"]["messages"][0]["span"]
                .as_object_mut()
                .unwrap()
                .remove("end");
        }),
        ("an unknown status", |j| {
            j["questions"][0]["status"] = json!("done")
        }),
        ("a missing question field", |j| {
            j["questions"][0]
                .as_object_mut()
                .unwrap()
                .remove("refers_to");
        }),
        ("an exemption section with words", |j| {
            j["questions"][0]["exemptions"][0]["section"] = json!("section 43")
        }),
        ("an unknown value kind", |j| {
            j["questions"][0]["values"][0]["kind"] = json!("currency")
        }),
        ("money as a string", |j| {
            j["questions"][0]["values"][0]["value"] = json!("£2,448,000")
        }),
        ("a non-finite number (serialised as null)", |j| {
            j["questions"][0]["values"][0]["value"] = json!(null)
        }),
        ("a fractional year", |j| {
            j["questions"][0]["values"][6]["value"] = json!(2012.5)
        }),
        ("a boolean as text", |j| {
            j["questions"][0]["values"][8]["value"] = json!("yes")
        }),
        ("a date value that is not ISO", |j| {
            j["questions"][0]["values"][4]["value"] = json!("October 2021")
        }),
        ("an unknown qualifier", |j| {
            j["questions"][0]["values"][1]["qualifier"] = json!("over")
        }),
        ("an unknown answer field", |j| {
            j["questions"][0]["answer"]["confidence"] = json!(0.5)
        }),
        ("an unknown diagnostic level", |j| {
            j["diagnostics"][0]["level"] = json!("fatal")
        }),
        ("a diagnostic code that is not kebab-case", |j| {
            j["diagnostics"][0]["code"] = json!("EmptyInput")
        }),
        ("another tool name", |j| j["tool"]["name"] = json!("foi")),
    ];
    for (what, mutate) in mutations {
        let mut j = valid.clone();
        mutate(&mut j);
        assert!(validate(&j).is_err(), "the schema accepts {what}");
    }
}

/// The serialiser writes a non-finite number as null; the schema treats that as an engine bug.
#[test]
fn a_non_finite_value_is_caught_by_the_schema() {
    let mut a = full_analysis();
    a.questions[0].values[0].value = Scalar::Number(f64::NAN);
    let json: Json = serde_json::from_str(&report::to_json(&a)).unwrap();
    assert_eq!(json["questions"][0]["values"][0]["value"], Json::Null);
    assert!(validate(&json).is_err());
}

/// Every property in the schema has a description (the schema is the field reference).
#[test]
fn every_field_is_described() {
    fn walk(v: &Json, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(Json::as_object) {
            for (name, sub) in props {
                let described = sub
                    .get("description")
                    .and_then(Json::as_str)
                    .is_some_and(|d| !d.is_empty())
                    || sub
                        .get("$ref")
                        .and_then(Json::as_str)
                        .is_some_and(|r| !r.is_empty());
                // A bare `$ref` borrows its target's description; the target is checked below.
                if !described {
                    missing.push(format!("{path}.{name}"));
                }
                walk(sub, &format!("{path}.{name}"), missing);
            }
        }
        if let Some(defs) = v.get("$defs").and_then(Json::as_object) {
            for (name, def) in defs {
                if !matches!(def.get("description").and_then(Json::as_str), Some(d) if !d.is_empty())
                {
                    missing.push(format!("$defs.{name}"));
                }
                walk(def, &format!("$defs.{name}"), missing);
            }
        }
        for key in ["items", "then"] {
            if let Some(sub) = v.get(key) {
                walk(sub, path, missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema_json(), "$", &mut missing);
    assert!(
        missing.is_empty(),
        "fields without a description: {missing:?}"
    );
}

/// Every object in the schema is closed, so drift is caught at every level.
#[test]
fn every_object_is_closed() {
    fn walk(v: &Json, path: &str, open: &mut Vec<String>) {
        match v {
            Json::Object(m) => {
                if m.contains_key("properties")
                    && m.get("additionalProperties") != Some(&Json::Bool(false))
                {
                    // `if`/`then` clauses only narrow properties of an object closed above.
                    if !path.ends_with(".if") && !path.ends_with(".then") {
                        open.push(path.to_string());
                    }
                }
                for (k, x) in m {
                    walk(x, &format!("{path}.{k}"), open);
                }
            }
            Json::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{path}[{i}]"), open)),
            _ => {}
        }
    }
    let mut open = Vec::new();
    walk(&schema_json(), "$", &mut open);
    assert!(
        open.is_empty(),
        "objects without additionalProperties: false: {open:?}"
    );
}
