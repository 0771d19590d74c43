//! One reply as the comparison sees it: the parts of an [`Analysis`] that the matrix, the
//! summaries and the exports need, and nothing of its source text.
//!
//! Keeping only this (not the input bytes) is what bounds a batch's memory by its results: the
//! CLI analyses one file at a time and keeps its `Reply`; the page's workers send analyses as
//! JSON, which read back into the same type ([`Reply::from_json`]), unknown fields ignored.

use serde::{Deserialize, Serialize};

use crate::model::{Analysis, Answer, Exemption, Status, Value};

/// The facts of one reply that a comparison uses.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Reply {
    /// The file name as given.
    pub source: String,
    pub authority: Option<String>,
    pub references: Vec<String>,
    pub late: Option<bool>,
    pub outcome: Option<String>,
    pub questions: Vec<ReplyQuestion>,
    /// The messages of errors that kept the reply from being read (binary, empty…).
    pub errors: Vec<String>,
}

/// One question of a reply with its answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReplyQuestion {
    pub id: String,
    pub key: String,
    /// True for a heading that groups sub-questions: not mapped, not a column.
    #[serde(default)]
    pub header: bool,
    pub text: String,
    pub status: Status,
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    #[serde(default)]
    pub values: Vec<Value>,
    #[serde(default)]
    pub answer: Option<Answer>,
}

impl Reply {
    /// The reply's view of an analysis.
    pub fn from_analysis(a: &Analysis) -> Reply {
        Reply {
            source: a.source.name.clone(),
            authority: a.thread.authority.clone(),
            references: a.thread.references.clone(),
            late: a.thread.late,
            outcome: a.thread.outcome.clone(),
            questions: a
                .questions
                .iter()
                .map(|q| ReplyQuestion {
                    id: q.id.clone(),
                    key: q.key.clone(),
                    header: q.header,
                    text: q.text.clone(),
                    status: q.status,
                    exemptions: q.exemptions.clone(),
                    values: q.values.clone(),
                    answer: q.answer.clone(),
                })
                .collect(),
            errors: a
                .diagnostics
                .iter()
                .filter(|d| d.level == crate::model::Level::Error)
                .map(|d| d.message.clone())
                .collect(),
        }
    }

    /// Reads a reply from an analysis as JSON (what `foi-analyser --format json` prints and the
    /// page's workers send).
    pub fn from_json(json: &str) -> Result<Reply, String> {
        let a: AnalysisJson = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(a.into_reply())
    }

    /// The name shown for the reply: the authority, or the file name when none was found.
    pub fn label(&self) -> &str {
        self.authority.as_deref().unwrap_or(&self.source)
    }
}

/// The subset of the analysis JSON that a [`Reply`] is made from.
#[derive(Deserialize)]
pub(crate) struct AnalysisJson {
    source: SourceJson,
    #[serde(default)]
    thread: ThreadJson,
    #[serde(default)]
    questions: Vec<ReplyQuestion>,
    #[serde(default)]
    diagnostics: Vec<DiagnosticJson>,
}

#[derive(Deserialize)]
struct SourceJson {
    name: String,
}

#[derive(Deserialize, Default)]
struct ThreadJson {
    authority: Option<String>,
    #[serde(default)]
    references: Vec<String>,
    late: Option<bool>,
    outcome: Option<String>,
}

#[derive(Deserialize)]
struct DiagnosticJson {
    level: String,
    message: String,
}

impl AnalysisJson {
    pub(crate) fn into_reply(self) -> Reply {
        Reply {
            source: self.source.name,
            authority: self.thread.authority,
            references: self.thread.references,
            late: self.thread.late,
            outcome: self.thread.outcome,
            questions: self.questions,
            errors: self
                .diagnostics
                .into_iter()
                .filter(|d| d.level == "error")
                .map(|d| d.message)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_equals_the_direct_view() {
        let text = "Dear Sir,\n1. How much did you spend on software? £2.4m\n2. Who is the supplier? Not held.\n";
        let a = crate::analyse(text.as_bytes(), "reply.txt");
        let direct = Reply::from_analysis(&a);
        let read = Reply::from_json(&crate::report::to_json(&a)).expect("reads back");
        assert_eq!(
            serde_json::to_string(&direct).unwrap(),
            serde_json::to_string(&read).unwrap()
        );
        assert!(!read.questions.is_empty());
    }

    #[test]
    fn errors_are_kept_and_bad_json_is_an_error() {
        let a = crate::analyse(b"", "empty.txt");
        let r = Reply::from_json(&crate::report::to_json(&a)).unwrap();
        assert_eq!(r.errors.len(), 1);
        assert!(Reply::from_json("{not json").is_err());
        assert!(Reply::from_json("{}").is_err());
    }
}
