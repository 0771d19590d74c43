//! Maps the questions of one reply onto the slots of a questionnaire: text first, ids second,
//! order as the tie-breaker.
//!
//! Greedy best-first: every (question, slot) pair is scored by its text similarity, plus a bonus
//! when the ids agree and a small penalty for being far apart in the list; pairs are taken best
//! first while both are free. Greedy rather than Hungarian: with strong text matches both agree,
//! and greedy keeps each decision explainable ("the closest wording"). A second pass then fills
//! gaps by order: a question left between two mapped neighbours may take a free slot between
//! their slots on weaker evidence, because authorities keep the questionnaire's order even when
//! they renumber or reword it.

use super::similarity::{Features, Vocabulary};

/// Text similarity at or above which a pair is taken on its wording alone.
pub const ACCEPT: f32 = 0.45;
/// Text similarity at or above which a pair with the same id is taken.
const ACCEPT_WITH_ID: f32 = 0.28;
/// Weaker evidence that is enough inside an ordered gap.
const ACCEPT_IN_GAP: f32 = 0.22;
const ACCEPT_IN_GAP_WITH_ID: f32 = 0.12;
/// Bonus to the score when the ids agree (`4a` and `Q4(a)` share the key `4a`).
const ID_BONUS: f32 = 0.12;
/// Penalty per unit of distance between relative positions (0 at the top, 1 at the bottom).
const ORDER_PENALTY: f32 = 0.08;
/// Below this confidence a mapping is shown as uncertain.
pub const UNCERTAIN: f32 = 0.6;

/// One question to place.
pub struct Item<'a> {
    pub features: &'a Features,
    pub key: &'a str,
}

/// One slot of the questionnaire: the wordings and keys seen for it so far.
pub struct Slot<'a> {
    pub variants: Vec<&'a Features>,
    pub keys: Vec<&'a str>,
}

/// Why a question was mapped where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The wording matches.
    Text,
    /// The wording matches and the ids agree.
    TextAndId,
    /// Weak wording evidence, placed by the order of its neighbours.
    Order,
    /// The question defines the slot (it came from the reply the questionnaire was built on,
    /// or no other reply has it).
    Reference,
    /// The user chose it.
    User,
}

/// A question's place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub slot: usize,
    pub similarity: f32,
    pub confidence: f32,
    pub basis: Basis,
}

/// Places `items` (in the reply's order) on `slots` (in the questionnaire's order).
pub fn assign(vocab: &Vocabulary, items: &[Item], slots: &[Slot]) -> Vec<Option<Placement>> {
    let (n, m) = (items.len(), slots.len());
    let mut out: Vec<Option<Placement>> = vec![None; n];
    if n == 0 || m == 0 {
        return out;
    }
    // Similarity matrix, row-major.
    let mut sim = vec![0f32; n * m];
    for (i, item) in items.iter().enumerate() {
        for (j, slot) in slots.iter().enumerate() {
            let mut best = 0f32;
            for v in &slot.variants {
                best = best.max(vocab.similarity(item.features, v));
                if best > 0.95 {
                    break;
                }
            }
            sim[i * m + j] = best;
        }
    }
    let key_eq = |i: usize, j: usize| -> bool {
        !items[i].key.is_empty() && slots[j].keys.contains(&items[i].key)
    };
    let rel = |k: usize, len: usize| {
        if len > 1 {
            k as f32 / (len - 1) as f32
        } else {
            0.0
        }
    };
    let score = |i: usize, j: usize| -> f32 {
        sim[i * m + j] + if key_eq(i, j) { ID_BONUS } else { 0.0 }
            - ORDER_PENALTY * (rel(i, n) - rel(j, m)).abs()
    };

    // Pass 1: best first.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in 0..m {
            let s = sim[i * m + j];
            if s >= ACCEPT || (s >= ACCEPT_WITH_ID && key_eq(i, j)) {
                pairs.push((score(i, j), i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut slot_taken = vec![false; m];
    for (_, i, j) in pairs {
        if out[i].is_none() && !slot_taken[j] {
            slot_taken[j] = true;
            let basis = if key_eq(i, j) {
                Basis::TextAndId
            } else {
                Basis::Text
            };
            out[i] = Some(Placement {
                slot: j,
                similarity: sim[i * m + j],
                confidence: 0.0,
                basis,
            });
        }
    }

    // Pass 2: gaps between mapped neighbours, in order.
    for i in 0..n {
        if out[i].is_some() {
            continue;
        }
        let lo = out[..i].iter().rev().flatten().next().map(|p| p.slot);
        let hi = out[i + 1..].iter().flatten().next().map(|p| p.slot);
        let (from, to) = (lo.map_or(0, |s| s + 1), hi.unwrap_or(m));
        if (lo.is_none() && hi.is_none()) || from >= to {
            continue;
        }
        let free: Vec<usize> = (from..to).filter(|&j| !slot_taken[j]).collect();
        let unplaced_in_gap = (0..n)
            .filter(|&k| out[k].is_none())
            .filter(|&k| {
                let klo = out[..k].iter().rev().flatten().next().map(|p| p.slot);
                let khi = out[k + 1..].iter().flatten().next().map(|p| p.slot);
                klo == lo && khi == hi
            })
            .count();
        let best = free
            .iter()
            .copied()
            .max_by(|&a, &b| score(i, a).total_cmp(&score(i, b)));
        if let Some(j) = best {
            let s = sim[i * m + j];
            let one_to_one =
                free.len() == 1 && unplaced_in_gap == 1 && lo.is_some() && hi.is_some();
            // The only free slot between two mapped neighbours, with the same id, is taken
            // whatever the wording (it shows as uncertain).
            let ok = s >= ACCEPT_IN_GAP
                || (key_eq(i, j) && s >= ACCEPT_IN_GAP_WITH_ID)
                || (one_to_one && (s >= ACCEPT_IN_GAP_WITH_ID || key_eq(i, j)));
            if ok {
                slot_taken[j] = true;
                out[i] = Some(Placement {
                    slot: j,
                    similarity: s,
                    confidence: 0.0,
                    basis: Basis::Order,
                });
            }
        }
    }

    // Confidence: the similarity scaled, raised when the ids agree, lowered when another slot
    // was nearly as close (an ambiguous wording) and for placements by order.
    for (i, p) in out.iter_mut().enumerate() {
        let Some(p) = p else { continue };
        let runner_up = (0..m)
            .filter(|&j| j != p.slot)
            .map(|j| sim[i * m + j])
            .fold(0f32, f32::max);
        let mut c = confidence(p.similarity, key_eq(i, p.slot));
        if p.similarity - runner_up < 0.08 {
            c *= 0.6;
        }
        if p.basis == Basis::Order {
            c = c.min(0.5);
        }
        p.confidence = c;
    }
    out
}

/// Confidence from the text similarity, scaled (0.2 and below: none; 0.75 and above: full),
/// raised when the ids agree.
pub fn confidence(similarity: f32, ids_agree: bool) -> f32 {
    let c = ((similarity - 0.2) / 0.55).clamp(0.0, 1.0);
    if ids_agree {
        (c + 0.2).min(1.0)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(reply: &[(&str, &str)], questionnaire: &[(&str, &str)]) -> Vec<Option<(usize, Basis)>> {
        let mut v = Vocabulary::default();
        let fr: Vec<Features> = reply.iter().map(|(_, t)| v.features(t)).collect();
        let fq: Vec<Features> = questionnaire.iter().map(|(_, t)| v.features(t)).collect();
        v.finish();
        let items: Vec<Item> = reply
            .iter()
            .zip(&fr)
            .map(|((k, _), f)| Item {
                features: f,
                key: k,
            })
            .collect();
        let slots: Vec<Slot> = questionnaire
            .iter()
            .zip(&fq)
            .map(|((k, _), f)| Slot {
                variants: vec![f],
                keys: vec![k],
            })
            .collect();
        assign(&v, &items, &slots)
            .into_iter()
            .map(|p| p.map(|p| (p.slot, p.basis)))
            .collect()
    }

    const Q: [(&str, &str); 4] = [
        ("1", "How many staff does the council employ?"),
        ("2", "What was the total spend on agency workers in 2019?"),
        ("3", "Which software supplier provides your payroll system?"),
        ("4", "Do you have an online portal for residents?"),
    ];

    #[test]
    fn wording_beats_numbering() {
        let reply = [
            ("a", "Which supplier provides the payroll software?"),
            ("b", "How many members of staff does the council employ"),
            (
                "c",
                "Does the authority have an on-line portal for residents?",
            ),
        ];
        let got = run(&reply, &Q);
        assert_eq!(got[0].map(|p| p.0), Some(2));
        assert_eq!(got[1].map(|p| p.0), Some(0));
        assert_eq!(got[2].map(|p| p.0), Some(3));
    }

    #[test]
    fn a_question_between_mapped_neighbours_is_placed_by_order() {
        let reply = [
            ("1", "How many staff does the council employ?"),
            ("2", "Agency worker costs for the 2019 calendar year"),
            ("3", "Which software supplier provides your payroll system?"),
        ];
        let got = run(&reply, &Q);
        assert_eq!(got[0], Some((0, Basis::TextAndId)));
        assert_eq!(got[1].map(|p| p.0), Some(1));
        assert_eq!(got[2], Some((2, Basis::TextAndId)));
    }

    #[test]
    fn an_unrelated_question_is_left_unplaced() {
        let reply = [(
            "1",
            "When were the parking charges at the leisure centre last reviewed?",
        )];
        assert_eq!(run(&reply, &Q), vec![None]);
    }
}
