//! What the batch says about each question, and how each authority answered overall.
//!
//! Per question: how many replies gave each status (and how many lack the question), which
//! exemptions were cited and how often, the statistics of the column's numbers, the choices
//! named (case, spacing, punctuation and company suffixes folded, so "Civica Ltd" and "civica"
//! count as one product while "Microsoft Dynamics" and "Microsoft" stay two), and the yes/no
//! split. Per authority: how many of its questions were answered, refused, not held, missing,
//! and whether it was late.

use serde::Serialize;

use super::reply::{Reply, ReplyQuestion};
use super::{main_value, Comparison, Membership};
use crate::model::{Qualifier, Scalar, Status, ValueKind};
use crate::report::exemptions_text;

/// The summary of one canonical question.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionSummary {
    pub id: String,
    /// Replies per status word; `missing` counts replies (to this questionnaire) without it.
    pub statuses: Vec<Count>,
    /// Provisions cited, most cited first (`FOIA s43(2)`).
    pub exemptions: Vec<Count>,
    pub numbers: Option<Numbers>,
    /// Choices named, most named first, each under its most common spelling.
    pub choices: Vec<Count>,
    pub yes_no: Option<YesNo>,
}

/// A label and how many replies have it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Count {
    pub label: String,
    pub count: usize,
}

/// Statistics of a column's numbers (one per reply: its main value); `unit` when they all
/// share one.
#[derive(Debug, Clone, Serialize)]
pub struct Numbers {
    pub kind: ValueKind,
    pub unit: Option<String>,
    pub count: usize,
    pub min: f64,
    pub median: f64,
    pub max: f64,
    /// Every value with its reply's index, for a strip plot.
    pub values: Vec<(usize, f64)>,
    /// Values given only as a bound ("over 250", "fewer than 5": often a small number
    /// suppressed): left out of the statistics, which they would skew, and counted here.
    pub bounds: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct YesNo {
    pub yes: usize,
    pub no: usize,
}

/// How one authority answered.
#[derive(Debug, Clone, Serialize)]
pub struct AuthoritySummary {
    pub source: String,
    pub authority: Option<String>,
    pub questionnaire: Membership,
    pub questions: usize,
    pub answered: usize,
    pub partial: usize,
    /// Refused, or neither confirmed nor denied.
    pub refused: usize,
    pub not_held: usize,
    /// Canonical questions the reply lacks.
    pub missing: usize,
    pub late: Option<bool>,
    pub outcome: Option<String>,
}

/// Status words in the order they are listed.
pub const STATUS_ORDER: [&str; 10] = [
    "answered",
    "partial",
    "refused",
    "ncnd",
    "not_held",
    "referred",
    "not_applicable",
    "clarification",
    "unanswered",
    "missing",
];

/// The summaries of every canonical question.
pub fn questions(cmp: &Comparison, replies: &[Reply]) -> Vec<QuestionSummary> {
    cmp.questionnaire
        .iter()
        .enumerate()
        .map(|(slot, c)| {
            let mut statuses: Vec<Count> = Vec::new();
            let mut exemptions: Vec<Count> = Vec::new();
            let mut numbers: Vec<(usize, f64)> = Vec::new();
            let mut bounds = 0usize;
            // The unit of the column's numbers when they all share one, else none.
            let mut units: Vec<Option<String>> = Vec::new();
            let mut choices: Vec<(String, Vec<Count>)> = Vec::new();
            let mut yes_no = YesNo { yes: 0, no: 0 };
            for (r, row) in cmp.cells.iter().enumerate() {
                let Some(qi) = row[slot] else {
                    if cmp.replies[r].questionnaire == Membership::Same {
                        bump(&mut statuses, "missing");
                    }
                    continue;
                };
                let q: &ReplyQuestion = &replies[r].questions[qi];
                bump(&mut statuses, q.status.as_str());
                for e in &q.exemptions {
                    bump(&mut exemptions, &exemptions_text(std::slice::from_ref(e)));
                }
                if let Some(v) = main_value(q, c.value_kind) {
                    if let (Scalar::Number(n), true) = (&v.value, is_numeric(v.kind)) {
                        let bound = matches!(
                            v.qualifier,
                            Some(Qualifier::AtLeast | Qualifier::AtMost | Qualifier::LessThan)
                        );
                        if Some(v.kind) == c.value_kind && n.is_finite() && bound {
                            bounds += 1;
                        } else if Some(v.kind) == c.value_kind && n.is_finite() {
                            numbers.push((r, *n));
                            if !units.contains(&v.unit) {
                                units.push(v.unit.clone());
                            }
                        }
                    }
                }
                if let Some(b) = q.values.iter().find_map(|v| match v.value {
                    Scalar::Bool(b) if v.kind == ValueKind::Boolean => Some(b),
                    _ => None,
                }) {
                    if b {
                        yes_no.yes += 1;
                    } else {
                        yes_no.no += 1;
                    }
                }
                let mut named: Vec<String> = Vec::new();
                for v in q.values.iter().filter(|v| v.kind == ValueKind::Choice) {
                    if let Scalar::Text(t) = &v.value {
                        let key = choice_key(t);
                        if key.is_empty() || named.contains(&key) {
                            continue;
                        }
                        named.push(key.clone());
                        match choices.iter_mut().find(|(k, _)| *k == key) {
                            Some((_, spellings)) => bump(spellings, t.trim()),
                            None => choices.push((
                                key,
                                vec![Count {
                                    label: t.trim().to_string(),
                                    count: 1,
                                }],
                            )),
                        }
                    }
                }
            }
            statuses.sort_by_key(|s| {
                STATUS_ORDER
                    .iter()
                    .position(|o| *o == s.label)
                    .unwrap_or(usize::MAX)
            });
            exemptions.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
            let mut choices: Vec<Count> = choices
                .into_iter()
                .map(|(_, spellings)| {
                    let count = spellings.iter().map(|s| s.count).sum();
                    // The most common spelling names the choice; a tie goes to the first seen.
                    let mut label = &spellings[0];
                    for s in &spellings {
                        if s.count > label.count {
                            label = s;
                        }
                    }
                    Count {
                        label: label.label.clone(),
                        count,
                    }
                })
                .collect();
            choices.sort_by_key(|c| std::cmp::Reverse(c.count));
            QuestionSummary {
                id: c.id.clone(),
                statuses,
                exemptions,
                numbers: numbers_of(
                    numbers,
                    c.value_kind,
                    if units.len() == 1 {
                        units.pop().flatten()
                    } else {
                        None
                    },
                )
                .map(|n| Numbers { bounds, ..n }),
                choices,
                yes_no: (yes_no.yes + yes_no.no > 0).then_some(yes_no),
            }
        })
        .collect()
}

/// The per-authority summaries.
pub fn authorities(cmp: &Comparison, replies: &[Reply]) -> Vec<AuthoritySummary> {
    cmp.replies
        .iter()
        .enumerate()
        .map(|(r, m)| {
            let reply = &replies[r];
            let mut s = AuthoritySummary {
                source: reply.source.clone(),
                authority: reply.authority.clone(),
                questionnaire: m.questionnaire,
                questions: m.questions.len(),
                answered: 0,
                partial: 0,
                refused: 0,
                not_held: 0,
                missing: 0,
                late: reply.late,
                outcome: reply.outcome.clone(),
            };
            for cell in &cmp.cells[r] {
                match cell.map(|qi| reply.questions[qi].status) {
                    Some(Status::Answered) => s.answered += 1,
                    Some(Status::Partial) => s.partial += 1,
                    Some(Status::Refused | Status::Ncnd) => s.refused += 1,
                    Some(Status::NotHeld) => s.not_held += 1,
                    Some(_) => {}
                    None => s.missing += 1,
                }
            }
            if m.questionnaire != Membership::Same && cmp.cells[r].iter().all(Option::is_none) {
                s.missing = 0;
            }
            s
        })
        .collect()
}

fn bump(counts: &mut Vec<Count>, label: &str) {
    match counts.iter_mut().find(|c| c.label == label) {
        Some(c) => c.count += 1,
        None => counts.push(Count {
            label: label.to_string(),
            count: 1,
        }),
    }
}

fn is_numeric(kind: ValueKind) -> bool {
    matches!(
        kind,
        ValueKind::Money
            | ValueKind::Count
            | ValueKind::Percent
            | ValueKind::Area
            | ValueKind::Year
            | ValueKind::Duration
    )
}

fn numbers_of(
    mut values: Vec<(usize, f64)>,
    kind: Option<ValueKind>,
    unit: Option<String>,
) -> Option<Numbers> {
    let kind = kind?;
    if values.is_empty() {
        return None;
    }
    let mut sorted: Vec<f64> = values.iter().map(|v| v.1).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    values.sort_by_key(|v| v.0);
    Some(Numbers {
        kind,
        unit,
        count: n,
        min: sorted[0],
        median,
        max: sorted[n - 1],
        values,
        bounds: 0,
    })
}

/// The form under which two spellings of a choice count as one: lower case, letters and digits
/// only, company suffixes dropped ("Civica Ltd" = "civica").
pub fn choice_key(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut end = words.len();
    while end > 1
        && matches!(
            words[end - 1].as_str(),
            "ltd" | "limited" | "plc" | "inc" | "llc" | "uk" | "group"
        )
    {
        end -= 1;
    }
    words[..end].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_fold_case_spacing_and_company_suffixes() {
        assert_eq!(choice_key("Civica Ltd"), choice_key(" civica "));
        assert_eq!(
            choice_key("Microsoft  Dynamics"),
            choice_key("microsoft dynamics")
        );
        assert_ne!(choice_key("Microsoft Dynamics"), choice_key("Microsoft"));
        assert_eq!(choice_key("Ltd"), "ltd");
    }

    #[test]
    fn median_of_even_and_odd_counts() {
        let n = numbers_of(
            vec![(0, 3.0), (1, 1.0), (2, 2.0)],
            Some(ValueKind::Count),
            None,
        )
        .unwrap();
        assert_eq!((n.min, n.median, n.max, n.count), (1.0, 2.0, 3.0, 3));
        let n = numbers_of(vec![(0, 4.0), (1, 1.0)], Some(ValueKind::Count), None).unwrap();
        assert_eq!(n.median, 2.5);
        assert!(numbers_of(vec![], Some(ValueKind::Count), None).is_none());
    }
}
