//! The analysis of one input: the public JSON interface.
//!
//! Every type here is serialised as documented in `schema/analysis.schema.json`. Changing a field's
//! name, type or meaning is a breaking change: bump [`SCHEMA_VERSION`] and the schema together.

use serde::{Deserialize, Serialize};

/// Version of the JSON output format (semver). Bump the major part on a breaking change.
pub const SCHEMA_VERSION: &str = "1.1.0";

/// A half-open range `[start, end)` of UTF-8 byte offsets into the source text as decoded
/// (for UTF-8 input without a byte-order mark, offsets into the input bytes themselves).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The whole result for one input.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema_version: &'static str,
    pub tool: Tool,
    pub source: Source,
    pub thread: Thread,
    pub questions: Vec<Question>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "foi-analyser",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// What was read.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Source {
    /// The file name as given (or `-` for standard input).
    pub name: String,
    /// Detected format: `text`, `email`, `mbox`, `html`, `wdtk-page`, `docx`, `odt`, `xlsx`,
    /// `ods`, `csv`, `pdf`, `zip`, or `binary`/`empty` when nothing could be read.
    pub format: String,
    /// Detected character encoding: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`.
    pub encoding: String,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// Size of the decoded text in UTF-8 bytes (the space that spans index).
    pub text_bytes: usize,
    /// The source map: which part, page, sheet or attachment each stretch of the decoded text
    /// came from. Left out of the JSON for plain text, which has one part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<SourcePart>,
}

/// One stretch of the decoded text and where it came from in the input, so that an answer can
/// be shown as "page 3" or "attachment 2: reply.docx".
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourcePart {
    /// `header`, `body`, `attachment`, `message`, `member`, `page`, `sheet` or `table`.
    pub kind: &'static str,
    /// In words: `attachment 2: reply.docx`, `page 3`, `sheet Answers`.
    pub label: String,
    pub span: Span,
}

/// The legal regime a request was handled under.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord,
)]
pub enum Law {
    /// Freedom of Information Act 2000 (England, Wales, Northern Ireland, UK bodies).
    #[default]
    FOIA,
    /// Environmental Information Regulations 2004.
    EIR,
    /// Freedom of Information (Scotland) Act 2002.
    FOISA,
    /// Environmental Information (Scotland) Regulations 2004.
    EIRS,
}

/// Facts about the request and its correspondence.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Thread {
    pub title: Option<String>,
    pub authority: Option<String>,
    pub requester: Option<String>,
    /// Reference numbers as written, e.g. `ABC2020/0417`.
    pub references: Vec<String>,
    pub law: Law,
    /// Date the request was received (ISO 8601), as stated in the correspondence.
    pub received: Option<String>,
    /// Date of the (first) substantive response (ISO 8601).
    pub responded: Option<String>,
    pub due: Option<Due>,
    /// Whether the response came after the due date (`null` when either date is unknown).
    pub late: Option<bool>,
    /// Working days from receipt to response under the request's law.
    pub working_days_taken: Option<u32>,
    /// Outcome in WhatDoTheyKnow's vocabulary: `successful`, `partially_successful`,
    /// `rejected`, `not_held`, `waiting_clarification`, `internal_review`, `waiting_response`, ...
    pub outcome: Option<String>,
    /// `stated` when the text says it (a WhatDoTheyKnow status line), `inferred` from the answers.
    pub outcome_basis: Option<String>,
    /// Exemptions cited in the response letter outside any one answer.
    pub exemptions: Vec<Exemption>,
    pub messages: Vec<Message>,
}

/// The response deadline.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Due {
    /// The stated date when the correspondence gives one, else the computed one.
    pub value: String,
    pub stated: Option<String>,
    /// The statutory deadline computed from `received`.
    pub computed: Option<String>,
    /// Working days allowed in `computed`.
    pub working_days: u32,
    /// Which holidays count: `UK` (any part of the UK, FOIA s10(6)) or `Scotland` (FOISA s73).
    pub holidays: String,
}

/// One message of a thread.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub kind: MessageKind,
    pub sender: Option<String>,
    pub date: Option<String>,
    pub span: Span,
    /// True for earlier correspondence quoted inside a later message.
    pub quoted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Request,
    Acknowledgement,
    Clarification,
    FollowUp,
    Response,
    InternalReviewRequest,
    InternalReview,
    Other,
}

/// The status of one question's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Answered,
    Partial,
    Refused,
    Ncnd,
    NotHeld,
    Referred,
    NotApplicable,
    Clarification,
    Unanswered,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Partial => "partial",
            Status::Refused => "refused",
            Status::Ncnd => "ncnd",
            Status::NotHeld => "not_held",
            Status::Referred => "referred",
            Status::NotApplicable => "not_applicable",
            Status::Clarification => "clarification",
            Status::Unanswered => "unanswered",
        }
    }
}

/// A provision cited to withhold or refer information.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Exemption {
    pub law: Law,
    /// As cited, normalised: `43(2)`, `12(4)(b)`.
    pub section: String,
}

/// One question of the request with its answer.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// The id as written: `Q4a`, `4(a)`, `4.1`, `3`. Unnumbered questions get 1, 2, 3...
    pub id: String,
    /// The id normalised for matching: lower case, no prefix or punctuation (`4a`).
    pub key: String,
    pub parent: Option<String>,
    /// True for a heading that groups sub-questions ("Q3. If you recycle:").
    pub header: bool,
    pub text: String,
    pub span: Option<Span>,
    pub answer: Option<Answer>,
    pub status: Status,
    /// The words that decided the status: the refusal, "not held" or referral sentence, the
    /// sentence holding the figure that answers. Absent when unanswered.
    pub status_basis: Option<Basis>,
    pub exemptions: Vec<Exemption>,
    pub values: Vec<Value>,
    /// The id of another question whose answer this one points to ("see our answer to question 5").
    pub refers_to: Option<String>,
}

/// The evidence for a status: a sentence of the answer and where it stands in the input.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Basis {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    pub span: Span,
}

/// A typed value found in an answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub value: Scalar,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// The words it was read from.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Pounds sterling, `value` in GBP.
    Money,
    Count,
    Percent,
    /// Square kilometres.
    Area,
    /// ISO date, `YYYY-MM-DD` or `YYYY-MM`.
    Date,
    Year,
    /// Months.
    Duration,
    Boolean,
    /// A named option, product or vendor.
    Choice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "250+", "over 250", "more than".
    AtLeast,
    /// "fewer than", "under", "up to".
    AtMost,
    /// "circa", "approximately", "around".
    Approx,
    /// "less than 5" published as a suppressed small number.
    LessThan,
}

/// A JSON scalar: number, string or boolean. Whole numbers serialise without a fraction.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Number(f64),
    Text(String),
    Bool(bool),
}

impl Serialize for Scalar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Scalar::Number(n) if n.is_finite() => s.serialize_f64(*n),
            Scalar::Number(_) => s.serialize_none(),
            Scalar::Text(t) => s.serialize_str(t),
            Scalar::Bool(b) => s.serialize_bool(*b),
        }
    }
}

/// Reads what [`Scalar`]'s `Serialize` writes (the comparison reads analyses back from JSON);
/// `null` (a non-finite number) reads as NaN.
impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
            Bool(bool),
            Null(()),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Number(n) => Scalar::Number(n),
            Raw::Text(t) => Scalar::Text(t),
            Raw::Bool(b) => Scalar::Bool(b),
            Raw::Null(()) => Scalar::Number(f64::NAN),
        })
    }
}

/// Something the engine could not do, in words a user understands.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    /// Stable machine-readable code, e.g. `empty-input`.
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Info,
    Warning,
    Error,
}
