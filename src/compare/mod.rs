//! Comparison of a batch: many authorities' replies to one questionnaire as one table.
//!
//! Beside the single-reply pipeline, not inside it: its input is the analyses the pipeline made
//! (as [`Reply`] views, so the source text can be dropped), its output a [`Comparison`]:
//!
//! 1. [`similarity`] — how alike two wordings are;
//! 2. [`canonical`] with [`assign`] — the questionnaire most replies share, each reply's
//!    questions placed on it with a confidence, and replies to another questionnaire flagged;
//! 3. [`summary`] — per question (statuses, exemptions, numbers, choices, yes/no) and per
//!    authority (answered, refused, late);
//! 4. [`export`] (and `xlsx` with the `xlsx` feature) — wide and long CSV, JSON, a workbook.
//!
//! A user's corrections ([`Override`]) are applied to the mapping before the summaries, so
//! every view and export follows them. No I/O and no browser types here.

pub mod assign;
pub mod batch;
pub mod canonical;
pub mod export;
pub mod reply;
pub mod similarity;
pub mod summary;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use serde::{Deserialize, Serialize};

pub use assign::Basis;
pub use reply::{Reply, ReplyQuestion};
pub use summary::{AuthoritySummary, QuestionSummary};

use crate::model::{Tool, Value, ValueKind};

/// Version of the comparison JSON (semver; `schema/comparison.schema.json`).
pub const COMPARISON_SCHEMA_VERSION: &str = "1.0.0";

/// Whether a reply answers the batch's questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// Its questions map onto the canonical questionnaire.
    Same,
    /// Most of its questions map nowhere: a reply to another questionnaire, left out of the
    /// canonical questionnaire (its questions can still be assigned by hand).
    Different,
    /// The engine found no questions in it (a letter in prose, a refusal of the whole request).
    NoQuestions,
    /// The analysis reported an error: the file could not be read, or is no FOI reply.
    Failed,
}

/// One question of the canonical questionnaire.
#[derive(Debug, Clone, Serialize)]
pub struct CanonicalQuestion {
    /// The id most replies give it (unique in the questionnaire).
    pub id: String,
    /// That id normalised (`4a`).
    pub key: String,
    /// The wording most replies give it.
    pub text: String,
    /// How many replies have it.
    pub replies: usize,
    /// The ids replies give it, most common first.
    pub ids: Vec<String>,
    /// The kind of value most of its answers give (the matrix's "main value").
    pub value_kind: Option<ValueKind>,
}

/// Where one reply's questions sit on the canonical questionnaire.
#[derive(Debug, Clone, Serialize)]
pub struct ReplyMapping {
    pub source: String,
    pub authority: Option<String>,
    pub questionnaire: Membership,
    /// Share of its questions placed on their wording alone.
    pub match_rate: f32,
    /// One entry per question of the reply (headers left out).
    pub questions: Vec<QuestionMapping>,
    /// Why the reply could not be read, when it could not.
    pub errors: Vec<String>,
}

/// The place of one question of a reply.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionMapping {
    /// Index of the question in the reply's analysis (`questions[index]`).
    pub index: usize,
    /// Its id as the reply writes it.
    pub id: String,
    /// The canonical question's id, or `null` when it maps nowhere.
    pub canonical: Option<String>,
    /// 0–1: how sure the mapping is.
    pub confidence: f32,
    pub basis: Option<Basis>,
    /// Confidence below [`assign::UNCERTAIN`]: shown marked, worth a look.
    pub uncertain: bool,
}

/// A user's correction: put question `question` (its index) of reply `reply` on canonical
/// question `canonical`, or on none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub reply: usize,
    pub question: usize,
    pub canonical: Option<String>,
}

/// The comparison of a batch.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub schema_version: &'static str,
    pub tool: Tool,
    pub questionnaire: Vec<CanonicalQuestion>,
    pub replies: Vec<ReplyMapping>,
    pub summaries: Vec<QuestionSummary>,
    pub authorities: Vec<AuthoritySummary>,
    /// `cells[reply][canonical]`: the index of the reply's question in that column.
    #[serde(skip)]
    pub cells: Vec<Vec<Option<usize>>>,
}

impl Comparison {
    /// The question of `reply` in canonical column `slot`, if any.
    pub fn cell<'a>(
        &self,
        replies: &'a [Reply],
        reply: usize,
        slot: usize,
    ) -> Option<(&'a ReplyQuestion, &QuestionMapping)> {
        let qi = (*self.cells.get(reply)?.get(slot)?)?;
        let q = replies.get(reply)?.questions.get(qi)?;
        let m = self.replies[reply]
            .questions
            .iter()
            .find(|m| m.index == qi)?;
        Some((q, m))
    }

    /// The column of a canonical id.
    pub fn slot(&self, id: &str) -> Option<usize> {
        self.questionnaire.iter().position(|c| c.id == id)
    }
}

/// Compares a batch of replies, with the user's corrections applied.
pub fn compare(replies: &[Reply], overrides: &[Override]) -> Comparison {
    let built = canonical::build(replies);
    let names = canonical::names(&built.clusters, replies);
    let mut questionnaire: Vec<CanonicalQuestion> = built
        .clusters
        .iter()
        .zip(names)
        .map(|(c, (id, key, text))| {
            let mut ids: Vec<(String, usize)> = Vec::new();
            for &(r, q) in &c.members {
                let qid = &replies[r].questions[q].id;
                match ids.iter_mut().find(|(i, _)| i == qid) {
                    Some(e) => e.1 += 1,
                    None => ids.push((qid.clone(), 1)),
                }
            }
            ids.sort_by_key(|x| std::cmp::Reverse(x.1));
            CanonicalQuestion {
                id,
                key,
                text,
                replies: c.members.len(),
                ids: ids.into_iter().map(|(i, _)| i).collect(),
                value_kind: None,
            }
        })
        .collect();

    let mut mappings: Vec<ReplyMapping> = replies
        .iter()
        .enumerate()
        .map(|(r, reply)| ReplyMapping {
            source: reply.source.clone(),
            authority: reply.authority.clone(),
            questionnaire: built.membership[r],
            match_rate: round3(built.match_rate[r]),
            questions: reply
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| !q.header)
                .map(|(qi, q)| {
                    let p = built.placements[r][qi];
                    let confidence = p.map_or(0.0, |p| round3(p.confidence));
                    QuestionMapping {
                        index: qi,
                        id: q.id.clone(),
                        canonical: p.map(|p| questionnaire[p.slot].id.clone()),
                        confidence,
                        basis: p.map(|p| p.basis),
                        uncertain: p.is_some() && confidence < assign::UNCERTAIN,
                    }
                })
                .collect(),
            errors: reply.errors.clone(),
        })
        .collect();
    for o in overrides {
        apply_override(&mut mappings, &questionnaire, o);
    }

    // The matrix's cells, and each column's main kind of value.
    let cells: Vec<Vec<Option<usize>>> = mappings
        .iter()
        .map(|m| {
            let mut row = vec![None; questionnaire.len()];
            for q in &m.questions {
                if let Some(slot) = q
                    .canonical
                    .as_deref()
                    .and_then(|c| questionnaire.iter().position(|x| x.id == c))
                {
                    row[slot] = Some(q.index);
                }
            }
            row
        })
        .collect();
    for (slot, c) in questionnaire.iter_mut().enumerate() {
        c.value_kind = main_kind(
            cells
                .iter()
                .enumerate()
                .filter_map(|(r, row)| row[slot].map(|qi| &replies[r].questions[qi])),
        );
    }
    let mut cmp = Comparison {
        schema_version: COMPARISON_SCHEMA_VERSION,
        tool: Tool::default(),
        questionnaire,
        replies: mappings,
        summaries: Vec::new(),
        authorities: Vec::new(),
        cells,
    };
    cmp.summaries = summary::questions(&cmp, replies);
    cmp.authorities = summary::authorities(&cmp, replies);
    cmp
}

fn apply_override(
    mappings: &mut [ReplyMapping],
    questionnaire: &[CanonicalQuestion],
    o: &Override,
) {
    let Some(m) = mappings.get_mut(o.reply) else {
        return;
    };
    let target = o
        .canonical
        .as_deref()
        .filter(|c| questionnaire.iter().any(|q| q.id == *c));
    if o.canonical.is_some() && target.is_none() {
        return; // an unknown canonical id changes nothing
    }
    if !m.questions.iter().any(|q| q.index == o.question) {
        return;
    }
    for q in &mut m.questions {
        if q.index == o.question {
            q.canonical = target.map(str::to_owned);
            q.confidence = 1.0;
            q.basis = Some(Basis::User);
            q.uncertain = false;
        } else if target.is_some() && q.canonical.as_deref() == target {
            // One answer per cell: the question that held the cell gives it up.
            q.canonical = None;
            q.confidence = 0.0;
            q.basis = Some(Basis::User);
            q.uncertain = false;
        }
    }
}

/// The kind of value most answers in a column give (each answer votes once per kind).
fn main_kind<'a>(qs: impl Iterator<Item = &'a ReplyQuestion>) -> Option<ValueKind> {
    let mut votes: Vec<(ValueKind, usize)> = Vec::new();
    for q in qs {
        let mut seen: Vec<ValueKind> = Vec::new();
        for v in &q.values {
            if !seen.contains(&v.kind) {
                seen.push(v.kind);
                match votes.iter_mut().find(|(k, _)| *k == v.kind) {
                    Some(e) => e.1 += 1,
                    None => votes.push((v.kind, 1)),
                }
            }
        }
    }
    let mut best: Option<(ValueKind, usize)> = None;
    for (k, n) in votes {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k)
}

/// The value a cell shows: the first of the column's main kind, else the first.
pub fn main_value(q: &ReplyQuestion, kind: Option<ValueKind>) -> Option<&Value> {
    kind.and_then(|k| q.values.iter().find(|v| v.kind == k))
        .or_else(|| q.values.first())
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}
