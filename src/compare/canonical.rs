//! The canonical questionnaire of a batch, and where each reply's questions sit on it.
//!
//! Built from the replies themselves, since the request is rarely in the files: the reference
//! reply (the one most like the others, among the first few) gives the first slots; every other
//! reply, most alike first, is mapped onto the slots ([`super::assign`]); its questions that map
//! nowhere become new slots next to their mapped neighbours. A reply whose questions mostly map
//! nowhere answers a different questionnaire: it is flagged and adds nothing. Each slot then
//! takes the id and wording that most of its replies use.

use std::collections::HashMap;

use super::assign::{self, Basis, Item, Placement, Slot};
use super::reply::Reply;
use super::similarity::{Features, Vocabulary};
use super::Membership;

/// How many replies at the start of the batch are considered for the reference.
const REFERENCE_SAMPLE: usize = 12;
/// A reply with fewer of its questions placed on wording than this answers another
/// questionnaire.
const SAME_QUESTIONNAIRE: f32 = 0.34;
/// Wordings kept per slot for matching (the first ones seen, all different).
const VARIANTS: usize = 3;

/// One slot of the canonical questionnaire while it is built.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// `(reply, question index)` of each member, the slot's first member first.
    pub members: Vec<(usize, usize)>,
    variants: Vec<(usize, usize)>,
}

/// The outcome of building: slots in questionnaire order, and per reply its membership and the
/// placement of each of its questions (by question index; headers are never placed).
pub struct Built {
    pub clusters: Vec<Cluster>,
    pub membership: Vec<Membership>,
    /// Per reply, per question: `(slot, similarity, confidence, basis)`.
    pub placements: Vec<Vec<Option<Placement>>>,
    /// Per reply: the share of its questions placed on their wording.
    pub match_rate: Vec<f32>,
}

/// Builds the canonical questionnaire of `replies`.
pub fn build(replies: &[Reply]) -> Built {
    // Features of every question that can be placed.
    let mut vocab = Vocabulary::default();
    let features: Vec<Vec<Option<Features>>> = replies
        .iter()
        .map(|r| {
            r.questions
                .iter()
                .map(|q| (!q.header).then(|| vocab.features(&q.text)))
                .collect()
        })
        .collect();
    vocab.finish();

    let mut membership: Vec<Membership> = replies
        .iter()
        .zip(&features)
        .map(|(r, f)| {
            if !r.errors.is_empty() {
                Membership::Failed
            } else if f.iter().all(Option::is_none) {
                Membership::NoQuestions
            } else {
                Membership::Same
            }
        })
        .collect();
    let mut placements: Vec<Vec<Option<Placement>>> = replies
        .iter()
        .map(|r| vec![None; r.questions.len()])
        .collect();
    let mut match_rate = vec![0f32; replies.len()];
    let eligible: Vec<usize> = (0..replies.len())
        .filter(|&r| membership[r] == Membership::Same)
        .collect();
    let Some(reference) = choose_reference(&vocab, &features, &eligible) else {
        return Built {
            clusters: Vec::new(),
            membership,
            placements,
            match_rate,
        };
    };

    // The reference's questions are the first slots.
    let mut clusters: Vec<Cluster> = Vec::new();
    for (qi, f) in features[reference].iter().enumerate() {
        if f.is_some() {
            placements[reference][qi] = Some(Placement {
                slot: clusters.len(),
                similarity: 1.0,
                confidence: 1.0,
                basis: Basis::Reference,
            });
            clusters.push(Cluster {
                members: vec![(reference, qi)],
                variants: vec![(reference, qi)],
            });
        }
    }
    match_rate[reference] = 1.0;

    // The others, most like the reference first.
    let mut order: Vec<(f32, usize)> = eligible
        .iter()
        .filter(|&&r| r != reference)
        .map(|&r| (affinity(&vocab, &features[r], &features[reference]), r))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, r) in order {
        let qidx: Vec<usize> = (0..features[r].len())
            .filter(|&q| features[r][q].is_some())
            .collect();
        let items: Vec<Item> = qidx
            .iter()
            .map(|&q| Item {
                features: features[r][q].as_ref().expect("placeable"),
                key: &replies[r].questions[q].key,
            })
            .collect();
        let slots: Vec<Slot> = clusters
            .iter()
            .map(|c| Slot {
                variants: c
                    .variants
                    .iter()
                    .map(|&(vr, vq)| features[vr][vq].as_ref().expect("placeable"))
                    .collect(),
                keys: c
                    .members
                    .iter()
                    .map(|&(mr, mq)| replies[mr].questions[mq].key.as_str())
                    .collect(),
            })
            .collect();
        let placed = assign::assign(&vocab, &items, &slots);
        let on_wording = placed
            .iter()
            .flatten()
            .filter(|p| p.similarity >= assign::ACCEPT)
            .count();
        match_rate[r] = on_wording as f32 / items.len() as f32;
        if match_rate[r] < SAME_QUESTIONNAIRE {
            membership[r] = Membership::Different;
            continue;
        }
        // Placed questions join their slots; the rest become new slots after the slot of
        // the reply's previous placed question.
        let mut new_after: Vec<(Option<usize>, usize)> = Vec::new();
        let mut last_slot: Option<usize> = None;
        for (k, p) in placed.iter().enumerate() {
            let q = qidx[k];
            match p {
                Some(p) => {
                    let c = &mut clusters[p.slot];
                    c.members.push((r, q));
                    let distinct = c.variants.iter().all(|&(vr, vq)| {
                        replies[vr].questions[vq].text != replies[r].questions[q].text
                    });
                    if distinct && c.variants.len() < VARIANTS {
                        c.variants.push((r, q));
                    }
                    placements[r][q] = Some(*p);
                    last_slot = Some(p.slot);
                }
                None => new_after.push((last_slot, q)),
            }
        }
        // Insert from the bottom up so earlier slot numbers stay valid; several new questions
        // after one slot keep their order.
        let mut inserted: Vec<(usize, usize)> = Vec::new(); // (position, question)
        for (after, q) in new_after.iter().rev() {
            let pos = after.map_or(0, |s| s + 1);
            inserted.push((pos, *q));
        }
        inserted.sort_by_key(|x| std::cmp::Reverse(x.0));
        // Group by position: within a position, insert in reverse reply order.
        for (pos, q) in inserted {
            clusters.insert(
                pos,
                Cluster {
                    members: vec![(r, q)],
                    variants: vec![(r, q)],
                },
            );
            shift_slots(&mut placements, pos);
            placements[r][q] = Some(Placement {
                slot: pos,
                similarity: 1.0,
                confidence: 1.0,
                basis: Basis::Reference,
            });
        }
    }
    rescore(&vocab, &features, replies, &clusters, &mut placements);
    Built {
        clusters,
        membership,
        placements,
        match_rate,
    }
}

/// Confidence, once every reply is placed: how well each question's wording agrees with the
/// *other* replies in its column. While the questionnaire is built a question is only compared
/// with the wordings seen so far, and the reference reply's questions with nothing; an odd
/// wording in the reference would otherwise look certain and make the usual wording look
/// doubtful. Distinct wordings are compared once (most replies copy the request).
fn rescore(
    vocab: &Vocabulary,
    features: &[Vec<Option<Features>>],
    replies: &[Reply],
    clusters: &[Cluster],
    placements: &mut [Vec<Option<Placement>>],
) {
    for c in clusters.iter().filter(|c| c.members.len() >= 2) {
        // Distinct wordings of the column: (feature, number of members with it, a reply).
        let mut wordings: Vec<(&Features, usize, usize)> = Vec::new();
        for &(r, q) in &c.members {
            let f = features[r][q].as_ref().expect("placeable");
            match wordings.iter_mut().find(|w| w.0.id == f.id) {
                Some(w) => w.1 += 1,
                None => wordings.push((f, 1, r)),
            }
        }
        for &(r, q) in &c.members {
            let f = features[r][q].as_ref().expect("placeable");
            let best = wordings
                .iter()
                .filter(|w| w.0.id != f.id || w.1 >= 2)
                .map(|w| vocab.similarity(f, w.0))
                .fold(0f32, f32::max);
            let key = &replies[r].questions[q].key;
            let key_agrees = c
                .members
                .iter()
                .any(|&(r2, q2)| r2 != r && replies[r2].questions[q2].key == *key);
            let Some(p) = placements[r][q].as_mut() else {
                continue;
            };
            // Agreement with the column decides; a weak one is no better than a placement by
            // order.
            let mut conf = assign::confidence(best, key_agrees);
            p.basis = if best < assign::ACCEPT {
                conf = conf.min(0.5);
                Basis::Order
            } else if key_agrees {
                Basis::TextAndId
            } else {
                Basis::Text
            };
            p.similarity = best;
            p.confidence = conf;
        }
    }
}

/// After a slot is inserted at `pos`, every placement at or after it moves down one.
fn shift_slots(placements: &mut [Vec<Option<Placement>>], pos: usize) {
    for p in placements.iter_mut().flatten().flatten() {
        if p.slot >= pos {
            p.slot += 1;
        }
    }
}

/// The reply most like the others among the first [`REFERENCE_SAMPLE`]: the one a researcher
/// would pick as "the questionnaire". More questions win a tie (a fuller copy).
fn choose_reference(
    vocab: &Vocabulary,
    features: &[Vec<Option<Features>>],
    eligible: &[usize],
) -> Option<usize> {
    let sample: Vec<usize> = eligible.iter().copied().take(REFERENCE_SAMPLE).collect();
    let mut best: Option<(f32, usize)> = None;
    for &a in &sample {
        let mut score: f32 = sample
            .iter()
            .filter(|&&b| b != a)
            .map(|&b| {
                affinity(vocab, &features[a], &features[b])
                    + affinity(vocab, &features[b], &features[a])
            })
            .sum();
        score += 0.001 * features[a].iter().flatten().count() as f32;
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, a));
        }
    }
    best.map(|(_, r)| r)
}

/// How much of reply `a` reply `b` covers: the mean over `a`'s questions of the closest wording
/// in `b`.
fn affinity(vocab: &Vocabulary, a: &[Option<Features>], b: &[Option<Features>]) -> f32 {
    let (mut sum, mut n) = (0f32, 0usize);
    for fa in a.iter().flatten() {
        let best = b
            .iter()
            .flatten()
            .map(|fb| vocab.similarity(fa, fb))
            .fold(0f32, f32::max);
        sum += best;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f32
    }
}

/// The id and wording of each slot: those most of its members use; a tie goes to the first
/// member (the reference reply's). Ids are made unique with a `-2`, `-3`… suffix.
pub fn names(clusters: &[Cluster], replies: &[Reply]) -> Vec<(String, String, String)> {
    let mut used: HashMap<String, usize> = HashMap::new();
    clusters
        .iter()
        .map(|c| {
            let id = most_common(
                c.members
                    .iter()
                    .map(|&(r, q)| replies[r].questions[q].id.as_str()),
            );
            let key = c
                .members
                .iter()
                .map(|&(r, q)| &replies[r].questions[q])
                .find(|q| q.id == id)
                .map(|q| q.key.clone())
                .unwrap_or_default();
            let text = most_common(
                c.members
                    .iter()
                    .map(|&(r, q)| replies[r].questions[q].text.as_str()),
            );
            let n = used.entry(id.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { id } else { format!("{id}-{n}") };
            (id, key, text)
        })
        .collect()
}

/// The most frequent string; the first seen wins a tie.
fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in items {
        match counts.iter_mut().find(|(t, _)| *t == s) {
            Some(c) => c.1 += 1,
            None => counts.push((s, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (s, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((s, n));
        }
    }
    best.map(|(s, _)| s.to_string()).unwrap_or_default()
}
