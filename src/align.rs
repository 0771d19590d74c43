//! Stage 5: find each question's answer in the reply.
//!
//! The principle: an answer is the reply's own words after the question, up to the next
//! question; words the reply copies from the request (the question restated, its notes and
//! option lists) are not answer. So each place where the reply names a question number is
//! aligned word by word against that question's text to find where the restatement ends, and
//! the next occurrence, a restated note of the request, the letter's sign-off or appeal
//! boilerplate, or the end of the message ends the answer. Around that:
//! - when a numbered list of answers does not restate the questions, its items are answers in
//!   order ("Our response: 1. … 2. …");
//! - a table row's first cell restates the question and the last one answers it;
//! - questions restated without numbers are found by their words;
//! - prose that names questions ("With regard to questions 3 and 4, …") answers those;
//! - one answer that says it covers several questions ("questions 4", "the above") is shared.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::markers::{Label, Marker, Part};
use crate::messages::Thread;
use crate::pattern::re;
use crate::questionnaire::{build_blocks, resolve, sentences, Questionnaire};
use crate::text::{tokens, Doc, Token};

/// Where a question's answer was found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Answer span in the normalised text (trimmed); `None` when unanswered.
    pub span: Option<(usize, usize)>,
    /// The pieces of the answer when it is not one run of text (prose sentences).
    pub parts: Vec<(usize, usize)>,
    /// The answer's words, tidied, without a leading "Response:" label.
    pub text: String,
    /// Span of the restated question in the reply.
    pub restated: Option<(usize, usize)>,
    /// The answer is another question's, shared ("questions 4 and 5 …").
    pub shared_from: Option<usize>,
    pub via: Via,
    /// Sentences elsewhere in the letter that name this question although it has its own
    /// answer ("In relation to questions 1 to 4 for the earlier years … section 21"): what
    /// they cite applies to the question too.
    pub notes: Vec<(usize, usize)>,
}

/// How an answer was found, for diagnostics and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Via {
    #[default]
    None,
    /// After the restated question.
    Restated,
    /// An item of a numbered list of answers.
    Numbered,
    /// After the question's words restated without a number.
    Words,
    /// Prose naming the question.
    Prose,
    /// A sentence of the reply that shares the question's distinctive words.
    Matched,
    /// An answer that says it covers this question too.
    Shared,
    /// The sole question of a request, answered by the letter.
    Letter,
}

/// A candidate place in the reply where question `qi` is taken up.
#[derive(Debug, Clone)]
struct Occ {
    qi: usize,
    /// Where the occurrence starts (marker start, or line start for unnumbered restatements).
    start: usize,
    /// Where the answer may begin (after the restated words).
    answer_from: usize,
    /// The question's words were restated here.
    strong: bool,
    line_start: bool,
    inline_ok: bool,
    quoted: bool,
    /// Inside the questionnaire's own list.
    own: bool,
    /// An answer's own number ("A3.", "Response 3"): it opens that answer wherever it stands.
    answer_mark: bool,
    /// Written with its part ("2c.", "Q4(b)") at a line's start: it names one question, and
    /// may follow an answer to an earlier one however many stand between.
    names_part: bool,
}

/// An answer candidate: (start, end, rank), the higher rank the stronger its occurrence.
type Candidate = (usize, usize, u8);

/// Finds the answers of every question.
pub fn align(doc: &Doc, thread: &Thread, markers: &[Marker], q: &Questionnaire) -> Vec<Found> {
    let text = doc.text;
    let n = q.items.len();
    let mut found = vec![Found::default(); n];
    if n == 0 {
        return found;
    }
    let qtoks: Vec<Vec<Token>> = q
        .items
        .iter()
        .map(|it| tokens(text, it.text_start, it.text_end))
        .collect();
    let regions = answer_regions(doc, thread, q);
    let stops = stop_lines(doc, thread, q);
    bullets_pass(doc, q, &stops, &mut found);
    if q.units.len() >= 2 {
        units_pass(doc, q, &stops, &mut found);
        return finish(text, found);
    }

    // Bare letters in a reply ("a. Yes") to a request whose lettered parts all sit under one
    // number ("1. … a) … k)") name those parts.
    let sole_parent = {
        let mut mains = q
            .items
            .iter()
            .filter(|it| it.label.0.len() == 2)
            .map(|it| it.label.main());
        match mains.next() {
            Some(Some(n))
                if mains.all(|m| m == Some(n))
                    && q.items.iter().all(|it| it.label.main().is_some()) =>
            {
                Some(n)
            }
            _ => None,
        }
    };

    // 1. Numbered occurrences, label-resolved per region.
    let mut occs: Vec<Occ> = Vec::new();
    for &(rs, re_, quoted) in &regions {
        let (a, b) = (
            markers.partition_point(|m| m.start < rs),
            markers.partition_point(|m| m.start < re_),
        );
        let idxs: Vec<usize> = (a..b)
            .filter(|&i| !thread.in_furniture(markers[i].start))
            .collect();
        let blocks = build_blocks(doc, markers, &idxs);
        let mut resolved: Vec<(usize, Label)> = blocks.into_iter().flatten().collect();
        // Answer numbers keep their own label.
        resolved.extend(
            idxs.iter()
                .filter(|&&i| markers[i].style == crate::markers::Style::Answer)
                .map(|&i| (i, markers[i].label.clone())),
        );
        // Markers outside any list keep their own label (resolved against the previous one).
        let mut prev: Option<Label> = None;
        let in_lists: std::collections::HashMap<usize, Label> = resolved.iter().cloned().collect();
        for &i in &idxs {
            if let Some(l) = in_lists.get(&i) {
                prev = Some(l.clone());
                continue;
            }
            let l = resolve(prev.as_ref(), &markers[i].label);
            resolved.push((i, l.clone()));
            prev = Some(l);
        }
        resolved.sort_by_key(|(i, _)| markers[*i].start);
        for (i, label) in resolved {
            let m = &markers[i];
            let key = label.key();
            let Some(qi) = q
                .index_of_key(&key)
                .or_else(|| {
                    // "Q1(a)" in a reply to a request numbered "1a"
                    q.items.iter().position(|it| it.label == label)
                })
                .or_else(|| {
                    let (n, [part]) = (sole_parent?, &label.0[..]) else {
                        return None;
                    };
                    if matches!(part, Part::Num(_)) {
                        return None;
                    }
                    q.items
                        .iter()
                        .position(|it| it.label.0[..] == [Part::Num(n), *part])
                })
            else {
                continue;
            };
            let own = q.items[qi].marker.is_some_and(|(s, _)| s == m.start);
            // A request, or a run-in list of questions, holds no answers.
            if own && (q.from_request || q.run_in) {
                continue;
            }
            let limit = next_marker_start(markers, i, re_);
            let (matched, end, start_ok) = align_words(text, &qtoks[qi], m.end, limit);
            let need = (qtoks[qi].len() as f64 * 0.5).ceil() as usize;
            let strong = own || (start_ok && matched >= need.max(qtoks[qi].len().min(2)));
            if !strong && enumerates(doc, m.start, m.end, limit) {
                continue;
            }
            let answer_from = if own {
                q.items[qi].text_end
            } else if strong {
                end
            } else {
                m.end
            };
            occs.push(Occ {
                qi,
                start: m.start,
                answer_from,
                strong,
                answer_mark: m.style == crate::markers::Style::Answer,
                names_part: m.line_start && m.label.0.len() >= 2,
                line_start: m.line_start,
                inline_ok: !m.line_start
                    && matches!(
                        m.style,
                        crate::markers::Style::Q
                            | crate::markers::Style::Word
                            | crate::markers::Style::Paren
                    ),
                // A line quoted with `>` is earlier correspondence, even inside a new message.
                quoted: quoted
                    || doc.text[doc.start_of_line_at(m.start)..m.start]
                        .trim_start()
                        .starts_with('>'),
                own,
            });
        }
    }
    occs.sort_by_key(|o| o.start);
    let accepted = select(&occs, q);

    // 2. Regions between accepted occurrences.
    // Per question: (start, end, rank) of its best answer so far.
    let mut best: Vec<Option<Candidate>> = vec![None; n];
    // The best answer after an occurrence outside the questionnaire's own list, with that
    // occurrence's span: what stands when the own list's last answer is the letter's.
    let mut reply_best: Vec<Option<(Candidate, usize, usize)>> = vec![None; n];
    // Questions of the own list with text after them before the next.
    let mut own_answered: Vec<usize> = Vec::new();
    // Whether each question's best answer so far follows its own line in the list.
    let mut best_own = vec![false; n];
    for (k, &oi) in accepted.iter().enumerate() {
        let o = &occs[oi];
        let region_end = region_end_of(&regions, o.start);
        let next = accepted
            .get(k + 1)
            .map_or(region_end, |&j| occs[j].start.min(region_end));
        let limit = next.max(o.answer_from);
        let (s, e) = cut_answer(doc, q, &stops, o.answer_from, limit);
        let rank = match (o.strong, o.quoted) {
            (true, false) => 4,
            (true, true) => 2,
            (false, false) => 3,
            (false, true) => 1,
        };
        let cand = if s < e {
            // The question's own words shortened ("Q1. Breakdown of the categories of calls"
            // before the answers come under the same numbers again): a weaker answer than text
            // that says something of its own.
            let bonus = if !o.strong && !o.own && paraphrases(&text[s..e], &q.items[o.qi].text) {
                5
            } else {
                10
            };
            Some((s, e, rank + bonus))
        } else {
            Some((o.answer_from, o.answer_from, rank))
        };
        if o.own && cand.is_some_and(|(s, e, _)| s < e) {
            own_answered.push(o.qi);
        }
        if !o.own
            && cand.is_some_and(|(s, e, _)| s < e)
            && better(cand, reply_best[o.qi].map(|r| r.0))
        {
            reply_best[o.qi] = cand.map(|c| (c, o.start, o.answer_from));
        }
        if better(cand, best[o.qi]) {
            best[o.qi] = cand;
            best_own[o.qi] = o.own;
            found[o.qi].restated = Some((o.start, o.answer_from));
            found[o.qi].via = if o.strong || o.own {
                Via::Restated
            } else {
                Via::Numbered
            };
        }
    }
    // A list of questions and then a second list answering them under the same numbers ("b.
    // Payroll System Provider / Payroll System Licence Expiry" … "b. Corvell Systems Ltd"):
    // the lines under an item of the first list are more of its question, and the second
    // list holds the answers.
    let below = |i: usize| reply_best[i].filter(|r| r.1 >= q.span.1);
    let answered_again = (0..n).filter(|&i| below(i).is_some()).count();
    if n >= 2 && answered_again >= 2 && answered_again * 2 >= n {
        for i in 0..n {
            if let (true, Some((c, start, from))) = (best_own[i], below(i)) {
                best[i] = Some(c);
                found[i].restated = Some((start, from));
                found[i].via = Via::Numbered;
            }
        }
    }
    // Text after a list of questions restated without answers ("You asked: 1. … 2. … 3. …",
    // then the letter) is the letter's, not the last question's: prose and the general-answer
    // pass read it.
    let mut post_list: Option<(usize, usize)> = None;
    if own_answered.len() == 1 && own_answered[0] == n - 1 && n >= 2 {
        if let Some((s, e, _)) = best[n - 1] {
            if text[q.items[n - 1].text_end.min(s)..s].contains("\n\n") {
                post_list = Some((s, e));
                best[n - 1] = None;
                // The reply numbers its own answer to the last question ("4) as above").
                if let Some((c, start, from)) = reply_best[n - 1] {
                    best[n - 1] = Some(c);
                    found[n - 1].restated = Some((start, from));
                    found[n - 1].via = Via::Numbered;
                }
            }
        }
    }
    // Header reassignment: an answer after a heading restated on the same line as the
    // previous question, which got none, belongs to that question.
    for k in 1..accepted.len() {
        let (h, p) = (&occs[accepted[k]], &occs[accepted[k - 1]]);
        if !q.items[h.qi].header || h.line_start || p.qi + 1 != h.qi {
            continue;
        }
        let same_line = !text[p.start..h.start].contains('\n')
            || doc.line_of(p.answer_from.max(p.start)) == doc.line_of(h.start)
            || text[p.answer_from.min(h.start)..h.start].trim().is_empty();
        let p_empty = best[p.qi].is_none_or(|(s, e, _)| s >= e);
        if same_line && p_empty {
            if let Some((s, e, r)) = best[h.qi].filter(|(s, e, _)| s < e) {
                best[p.qi] = Some((s, e, r));
                best[h.qi] = None;
                found[p.qi].via = Via::Restated;
            }
        }
    }
    for (qi, b) in best.iter().enumerate() {
        if let Some((s, e, _)) = *b {
            if s < e {
                found[qi].span = Some((s, e));
            }
        }
    }

    // 2a. Answers typed at the end of their question's line.
    for (qi, it) in q.items.iter().enumerate() {
        if let (None, Some((s, e))) = (found[qi].span, it.glued) {
            if s < e {
                found[qi].span = Some((s, e));
                found[qi].via = Via::Restated;
            }
        }
    }

    // 2b. One answer for a range of questions ("2. - 6. N/A", "Q2 & 3 -").
    range_pass(doc, markers, q, &regions, &stops, &mut found);
    lettered_range_pass(doc, markers, q, &regions, &stops, &mut found);

    // 3. Questions restated without their number ("How many …?\t23").
    words_pass(
        doc, q, &qtoks, &regions, &stops, &occs, &accepted, &mut found,
    );

    // 3b. Questions the reply asks in its own running text, each followed by its answer.
    inline_pass(doc, thread, q, &stops, &mut found);

    // 4. Prose that names questions.
    prose_pass(doc, thread, q, &regions, &stops, &mut found);

    // 4b. Prose that answers questions without naming them, matched by their words.
    overlap_pass(doc, thread, q, &regions, &stops, &mut found);

    // 5. Answers that say they cover other questions.
    share_pass(doc, q, &mut found);

    // 5b. A letter that answers each question in a paragraph of its own, in order, naming none.
    paragraphs_in_order(doc, thread, q, &regions, &stops, &mut found);

    // 6. A general answer: the letter's text after a list of questions restated without
    // answers, or a letter that refuses (or does not hold, or asks to clarify) the whole request.
    general_answer(doc, thread, q, &regions, &stops, post_list, &mut found);

    // 7. A single question answered by the whole letter.
    // The first reply that does more than acknowledge the request.
    if n == 1 && found[0].span.is_none() {
        for &(rs, re_, _) in regions.iter().filter(|r| !r.2) {
            // After the question, when the letter states it ("Request: … Response: …").
            let (body_start, stop) = letter_body(doc, thread, &stops, (rs, re_), Some(q.span.1));
            if body_start < stop && acknowledges(&doc.text[body_start..stop]) {
                continue;
            }
            let (s, e) = cut_answer(doc, q, &stops, body_start, stop);
            if s < e {
                found[0].span = Some((s, e));
                found[0].via = Via::Letter;
            }
            break;
        }
    }
    // 8. A response section that answers its request as a whole.
    if q.units.len() == 1 {
        units_pass(doc, q, &stops, &mut found);
    }
    // 9. No question found its own answer: the latest reply letter answers them all. So it
    // does when the asks are unnumbered prose and the letter answers some of them only by
    // sharing their words ("I would be grateful for X and Y." answered by a letter about both):
    // the letter answers the request as a whole.
    let prose_asks = q.items.iter().all(|it| !it.numbered);
    let only_matched = found
        .iter()
        .all(|f| f.span.is_none() || f.via == Via::Matched)
        && found.iter().any(|f| f.span.is_none());
    if n > 1 && (found.iter().all(|f| f.span.is_none()) || (prose_asks && only_matched)) {
        // The latest letter that does more than acknowledge the request.
        let letter = regions
            .iter()
            .rev()
            .filter(|r| !r.2)
            .find_map(|&(rs, re_, _)| {
                let (body_start, stop) = letter_body(doc, thread, &stops, (rs, re_), None);
                (body_start >= stop || !acknowledges(&text[body_start..stop]))
                    .then_some((body_start, stop))
            });
        if let Some((body_start, stop)) = letter {
            let (s, e) = cut_answer(doc, q, &stops, body_start, stop);
            if s < e {
                for (k, f) in found.iter_mut().enumerate() {
                    if !q.items[k].header && f.span.is_none() {
                        f.span = Some((s, e));
                        f.via = Via::Shared;
                    }
                }
            }
        }
    }
    finish(text, found)
}

/// A request of bullets answered by a response of as many bullets: the answers go to the
/// questions in order ("Please tell me: • How many … • Does the council …" then "Response
/// • 146 … • No. …").
fn bullets_pass(doc: &Doc, q: &Questionnaire, stops: &[usize], found: &mut [Found]) {
    for (idxs, (rs, re_)) in &q.units {
        let asks: Vec<usize> = idxs
            .iter()
            .copied()
            .filter(|&i| !q.items[i].header)
            .collect();
        if asks.len() < 2
            || asks
                .iter()
                .any(|&i| q.items[i].numbered || found[i].span.is_some())
        {
            continue;
        }
        let end = stops[stops.partition_point(|&s| s <= *rs)..]
            .first()
            .map_or(*re_, |&s| s.min(*re_));
        let bullets = doc.bullets(*rs, end);
        if bullets.len() != asks.len() {
            continue;
        }
        for (&i, &(a, b)) in asks.iter().zip(&bullets) {
            let (s, e) = cut_answer(doc, q, stops, a, b);
            if s < e {
                found[i].span = Some((s, e));
                found[i].via = Via::Numbered;
            }
        }
    }
}

/// Each request unit whose questions got no answer of their own takes its whole response
/// section: the reply answers that request as a whole ("Enclosed is a copy of the
/// information", a cost refusal of everything asked).
fn units_pass(doc: &Doc, q: &Questionnaire, stops: &[usize], found: &mut [Found]) {
    for (idxs, (rs, re_)) in &q.units {
        if rs >= re_ || idxs.iter().all(|&i| found[i].span.is_some()) {
            continue;
        }
        let (s, e) = cut_answer(doc, q, stops, *rs, *re_);
        if s >= e {
            continue;
        }
        // A unit with an answer found by number or restatement answers question by question;
        // so does one whose answers matched by their words are single sentences. One whose
        // matched answer is most of the response (a block of figures that takes up several
        // asks at once) answers as a whole.
        let by_number = idxs.iter().any(|&i| {
            found[i].span.is_some()
                && !matches!(found[i].via, Via::Prose | Via::Matched | Via::Words)
        });
        let covered: usize = idxs
            .iter()
            .filter(|&&i| matches!(found[i].via, Via::Prose | Via::Matched))
            .filter_map(|&i| found[i].span)
            .map(|(a, b)| b.min(e).saturating_sub(a.max(s)))
            .sum();
        // Answers found outside this response (a refusal of one question under "Reasons for
        // decision") leave the response to the others.
        let any_found = idxs
            .iter()
            .any(|&i| found[i].span.is_some_and(|(a, b)| a < e && s < b));
        if by_number {
            continue;
        }
        if any_found && covered * 2 < e - s {
            // Prose further down names some questions ("a Refusal Notice for question 6"): the
            // response before it ("Our response is attached.") answers the others.
            let first = idxs
                .iter()
                .filter(|&&i| found[i].via == Via::Prose)
                .filter_map(|&i| found[i].span)
                .filter(|&(a, b)| a < e && s < b)
                .map(|(a, _)| a)
                .min()
                .unwrap_or(s);
            let (hs, he) = cut_answer(doc, q, stops, s, first.max(s));
            if he > hs && doc.text[hs..he].split_whitespace().count() >= 3 {
                for &i in idxs {
                    if !q.items[i].header && found[i].span.is_none() {
                        found[i].span = Some((hs, he));
                        found[i].via = Via::Shared;
                    }
                }
            }
            continue;
        }
        for &i in idxs {
            if (q.items[i].header && idxs.len() > 1) || found[i].span.is_some() {
                continue;
            }
            found[i].span = Some((s, e));
            found[i].via = if idxs.len() == 1 {
                Via::Letter
            } else {
                Via::Shared
            };
        }
    }
}

/// Fills each answer's tidied text from its parts.
fn finish(text: &str, mut found: Vec<Found>) -> Vec<Found> {
    for f in &mut found {
        if let Some(span) = f.span {
            if f.parts.is_empty() {
                f.parts = vec![span];
            }
            let joined: Vec<String> = f
                .parts
                .iter()
                .map(|&(a, b)| strip_labels(&text[a..b]))
                .collect();
            f.text = crate::text::tidy(&joined.join(" "));
        }
    }
    found
}

/// Whether an answer's first line only says the question again in fewer words: most of its
/// distinctive words (at least two) are the question's, and any number in it is the question's.
fn paraphrases(answer: &str, question: &str) -> bool {
    let line = answer.lines().next().unwrap_or("").trim();
    let q_words = content_words(question);
    let words = content_words(line);
    if words.len() < 2 || line.len() > 200 {
        return false;
    }
    let numbers_asked = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .all(|n| question.contains(n));
    let shared = words
        .iter()
        .filter(|w| {
            q_words
                .iter()
                .any(|x| x == *w || (w.get(..5).is_some() && x.get(..5) == w.get(..5)))
        })
        .count();
    numbers_asked && shared * 5 >= words.len() * 3
}

fn better(a: Option<(usize, usize, u8)>, b: Option<(usize, usize, u8)>) -> bool {
    match (a, b) {
        (Some(_), None) => true,
        (Some((_, _, ra)), Some((_, _, rb))) => ra > rb,
        _ => false,
    }
}

/// Chooses which occurrences open an answer: every restatement; an unrestated numbered item
/// when it continues the current run, or starts a run of at least three (or all remaining).
fn select(occs: &[Occ], q: &Questionnaire) -> Vec<usize> {
    let n = q.items.len();
    // The questions between `l` and `k` are all parts of `l`: "2)" after "1)" answered whole,
    // though 1(a)–1(c) stand between them in the questionnaire.
    let only_parts_between =
        |l: usize, k: usize| (l + 1..k).all(|j| q.items[l].label.is_ancestor_of(&q.items[j].label));
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for (k, o) in occs.iter().enumerate() {
        let ok = if o.strong || o.answer_mark {
            true
        } else if !o.line_start {
            o.inline_ok && last.is_some_and(|l| o.qi == l + 1)
        } else if last.is_none_or(|l| {
            o.qi > l && (o.qi <= l + 3 || o.names_part || only_parts_between(l, o.qi))
        }) {
            true
        } else {
            let need = 3.min(n - o.qi).max(2);
            let mut run = 1;
            let mut cur = o.qi;
            for p in occs[k + 1..].iter().take(64) {
                if p.qi == cur + 1 {
                    run += 1;
                    cur = p.qi;
                    if run >= need {
                        break;
                    }
                } else if p.strong {
                    break;
                }
            }
            run >= need
        };
        if ok {
            out.push(k);
            last = Some(o.qi);
        }
    }
    out
}

/// Aligns the question's words against the text from `from`: returns the number of words
/// matched, the end of the last matched word, and whether the match began at the question's
/// first words. Tolerates a few inserted, dropped or misspelt words.
fn align_words(text: &str, q: &[Token], from: usize, limit: usize) -> (usize, usize, bool) {
    if q.is_empty() || from >= limit {
        return (0, from, false);
    }
    let limit = limit.min(from + 4 * (q.iter().map(|t| t.end - t.start + 1).sum::<usize>()) + 64);
    let limit = crate::text::floor_char(text, limit);
    let t = tokens(text, from, limit);
    let eq = |a: Token, b: Token| a.as_str(text).eq_ignore_ascii_case(b.as_str(text));
    let (mut j, mut k, mut matched, mut end) = (0usize, 0usize, 0usize, from);
    let mut first_match: Option<(usize, usize)> = None;
    while j < q.len() && k < t.len() {
        if eq(q[j], t[k]) {
            if first_match.is_none() {
                first_match = Some((j, k));
            }
            matched += 1;
            end = t[k].end;
            j += 1;
            k += 1;
            continue;
        }
        let mut moved = false;
        'search: for total in 1..=6 {
            for dj in 0..=3.min(total) {
                let dk = total - dj;
                if dk > 3 {
                    continue;
                }
                let (jj, kk) = (j + dj, k + dk);
                // A figure added between the question's words is an answer typed into it
                // ("- 2022: 4" under "… at the end of: - 2022 - 2023"), not a stray word (a
                // figure in place of one of the question's is a misquote: "quarter 3").
                let figure_skipped = dk > dj
                    && t[k..kk.min(t.len())]
                        .iter()
                        .any(|w| w.as_str(text).bytes().all(|b| b.is_ascii_digit()));
                if jj < q.len() && kk < t.len() && !figure_skipped && eq(q[jj], t[kk]) {
                    let next_ok =
                        jj + 1 >= q.len() || kk + 1 >= t.len() || eq(q[jj + 1], t[kk + 1]);
                    if next_ok {
                        j = jj;
                        k = kk;
                        moved = true;
                        break 'search;
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
    let start_ok = first_match.is_some_and(|(j0, k0)| j0 <= 1 && k0 <= 2);
    (matched, end, start_ok)
}

/// Start of the next marker after marker `i`, capped at `cap`.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)^[ \t]*(?:(?:questions?|answers?|responses?|q)\.?[ \t]*)?\(?(\d{1,3})[a-z]?[.)]?[ \t]*(-|to|&|and)[ \t]*(?:q\.?[ \t]*)?\(?(\d{1,3})[a-z]?[.)]?[ \t]*(?:[:.)=]|-[ \t])?[ \t]*",
    )
});

/// Lines that answer a range or a pair of questions at once: "2. - 6. N/A", "(1) & (2) …", "Questions 4 to 6:
/// not held", "Q2 & 3 - none". Every question of the range (and its parts) takes the answer,
/// unless it has one of its own elsewhere.
fn range_pass(
    doc: &Doc,
    markers: &[Marker],
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    let top = q
        .items
        .iter()
        .filter_map(|it| it.label.main())
        .max()
        .unwrap_or(0);
    for &(rs, re_, _) in regions {
        let (rs, re_) = (
            crate::text::floor_char(text, rs),
            crate::text::floor_char(text, re_),
        );
        for c in RANGE.captures_iter(&text[rs..re_]) {
            let whole = c.get(0).expect("match");
            let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
            if a == 0 || b <= a || b > top {
                continue;
            }
            let nums: Vec<u32> = match &c[2].to_ascii_lowercase()[..] {
                "-" | "to" => (a..=b).collect(),
                _ => vec![a, b],
            };
            let targets: Vec<usize> = q
                .items
                .iter()
                .enumerate()
                .filter(|(_, it)| it.label.main().is_some_and(|n| nums.contains(&n)))
                .map(|(k, _)| k)
                .collect();
            let line_start = rs + whole.start();
            share_line_answer(
                doc,
                markers,
                q,
                stops,
                (line_start, rs + whole.end(), re_),
                &targets,
                found,
            );
        }
    }
}

/// The answer that a line answering several questions at once opens at `from` (to the next
/// line that starts with a question number, the region's end or a stop) goes to each of
/// `targets` without an answer of its own elsewhere: one read from this very line does not
/// count as its own. `at` is (line start, answer start, region end).
fn share_line_answer(
    doc: &Doc,
    markers: &[Marker],
    q: &Questionnaire,
    stops: &[usize],
    (line_start, from, region_end): (usize, usize, usize),
    targets: &[usize],
    found: &mut [Found],
) {
    let next_marker = markers
        .iter()
        .map(|m| m.start)
        .find(|&s| s > from && doc.at_line_start(s))
        .unwrap_or(region_end)
        .min(region_end);
    let (s, e) = cut_answer(doc, q, stops, from, next_marker);
    if s >= e || targets.is_empty() {
        return;
    }
    // The line opens new answers: an earlier answer that ran on over it ends before it.
    let before = doc.text[..line_start].trim_end().len();
    for (j, f) in found.iter_mut().enumerate() {
        match f.span {
            Some((fs, fe)) if fs < before && fe > line_start && !targets.contains(&j) => {
                f.span = Some((fs, before));
            }
            _ => {}
        }
    }
    for &k in targets {
        // Its own answer elsewhere, not one that ran on over this line from above nor an
        // earlier line's of this kind ("Questions 3 & 4 – …" in a clarification, then
        // "Response 3 & 4").
        let own = found[k].via != Via::Shared
            && found[k]
                .span
                .is_some_and(|(fs, fe)| fs < line_start && fe <= line_start || fs >= e);
        if own {
            continue;
        }
        found[k].span = Some((s, e));
        found[k].parts.clear();
        found[k].via = Via::Shared;
    }
}

/// The parts a line opens with when it answers several lettered parts of one question at once:
/// "2a-d.", "1a - 1c:", "2(a) to (d)", "2b), c) and d)", "3a, b & c -", "2 a/b". The question's number
/// and its letters, with the offset where the answer begins; `None` for a single part.
fn lettered_range(line: &str) -> Option<(u32, Vec<char>, usize)> {
    let b = line.as_bytes();
    let mut i = b.iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    // "Q2a-d": a "Q" before the number.
    if matches!(b.get(i), Some(b'q' | b'Q'))
        && b.get(i + 1).is_some_and(|c| !c.is_ascii_alphabetic())
    {
        i += 1 + usize::from(b.get(i + 1) == Some(&b'.'));
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let num: u32 = line[i..i + digits].parse().ok()?;
    i += digits;
    // "2 a/b": a space before the first letter when a separator follows it at once.
    if b.get(i) == Some(&b' ')
        && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
        && matches!(b.get(i + 2), Some(b'/' | b'-' | b',' | b'&'))
    {
        i += 1;
    }
    // A letter, bare or in brackets, then an optional '.' or ')'.
    let letter = |i: usize| -> Option<(char, usize)> {
        let mut j = i;
        let open = b.get(j) == Some(&b'(');
        j += usize::from(open);
        let c = *b.get(j)?;
        if !c.is_ascii_lowercase() || b.get(j + 1).is_some_and(|x| x.is_ascii_alphanumeric()) {
            return None;
        }
        j += 1;
        if open {
            if b.get(j) != Some(&b')') {
                return None;
            }
            j += 1;
        } else if matches!(b.get(j), Some(b'.' | b')')) {
            j += 1;
        }
        Some((c as char, j))
    };
    let (first, mut j) = letter(i)?;
    let mut letters = vec![first];
    loop {
        let sp = |j: usize| {
            j + b[j..]
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t'))
                .count()
        };
        let k = sp(j);
        let rest = &line[k..];
        let (sep, len) = if rest.starts_with('-') || rest.starts_with('\u{2013}') {
            ('-', if rest.starts_with('-') { 1 } else { 3 })
        } else if rest.starts_with("to ") {
            ('-', 2)
        } else if rest.starts_with(',') || rest.starts_with('&') || rest.starts_with('/') {
            (',', 1)
        } else if rest.starts_with("and ") {
            (',', 3)
        } else {
            break;
        };
        let mut k2 = sp(k + len);
        // The number may be said again: "1a-1d".
        let d = b[k2..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d > 0 {
            if line[k2..k2 + d].parse::<u32>().ok() != Some(num) {
                break;
            }
            k2 += d;
        }
        let Some((c, e)) = letter(k2) else { break };
        let last = *letters.last()?;
        if sep == '-' {
            if c <= last {
                break;
            }
            letters.extend((last as u8 + 1..=c as u8).map(|x| x as char));
        } else {
            letters.push(c);
        }
        j = e;
    }
    if letters.len() < 2 {
        return None;
    }
    let k = j + b[j..]
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t' | b':' | b'=' | b'-'))
        .count();
    Some((num, letters, k))
}

/// Lines that answer several lettered parts of a question at once ("2a-d. Not held"): each of
/// those parts without an answer of its own elsewhere takes the line's answer.
fn lettered_range_pass(
    doc: &Doc,
    markers: &[Marker],
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    if !q.items.iter().any(|it| it.parent.is_some()) {
        return;
    }
    for &(rs, re_, _) in regions {
        let mut at = crate::text::floor_char(text, rs);
        let re_ = crate::text::floor_char(text, re_);
        while at < re_ {
            let line_end = text[at..re_].find('\n').map_or(re_, |k| at + k);
            let line = &text[at..line_end];
            let line_start = at;
            at = line_end + 1;
            let Some((num, letters, off)) = lettered_range(line) else {
                continue;
            };
            let targets: Vec<usize> = letters
                .into_iter()
                .filter_map(|c| q.index_of_key(&format!("{num}{c}")))
                .collect();
            share_line_answer(
                doc,
                markers,
                q,
                stops,
                (line_start, line_start + off, re_),
                &targets,
                found,
            );
        }
    }
}

/// A reply that sets out each question in its running text and answers it before the next
/// ("… 1. How many loans were made in 2018/19? 412,907 loans were made … 2. How many items are
/// overdue? As at 1 November, 3,118 …", a letter pasted from a PDF as one line): a question of
/// the reply's own questionnaire without an answer takes the text between it and the next.
fn inline_pass(
    doc: &Doc,
    thread: &Thread,
    q: &Questionnaire,
    stops: &[usize],
    found: &mut [Found],
) {
    if q.from_request {
        return;
    }
    let n = q.items.len();
    // Where each question's words end and the next one's begin, when both stand on one line
    // with text between them: the run-on shape, which a request's own list never has.
    let start_of = |it: &crate::questionnaire::QItem| {
        it.marker
            .map_or(it.text_start, |(s, _)| s.min(it.text_start))
    };
    let gaps: Vec<Option<(usize, usize)>> = (0..n.saturating_sub(1))
        .map(|k| {
            let (from, to) = (q.items[k].text_end, start_of(&q.items[k + 1]));
            // Words of an answer: more than a joining "and" between two asks.
            let between = doc.text.get(from..to).unwrap_or("");
            (from < to && !between.contains('\n') && between.split_whitespace().count() >= 2)
                .then_some((from, to))
        })
        .collect();
    if gaps.iter().filter(|g| g.is_some()).count() < 2 {
        return;
    }
    for (k, gap) in gaps.iter().enumerate() {
        let Some((from, to)) = *gap else { continue };
        if found[k].span.is_some() || q.items[k].header {
            continue;
        }
        // In a message of the authority's own, never the requester's or a quote.
        let own = thread
            .msgs
            .iter()
            .any(|m| m.start <= from && to <= m.end && !m.from_requester && !m.quoted);
        if !own {
            continue;
        }
        let (s, e) = cut_answer(doc, q, stops, from, to);
        if s < e {
            found[k].span = Some((s, e));
            found[k].via = Via::Restated;
        }
    }
}

fn next_marker_start(markers: &[Marker], i: usize, cap: usize) -> usize {
    markers[i + 1..]
        .iter()
        .map(|m| m.start)
        .find(|&s| s > markers[i].start)
        .unwrap_or(cap)
        .min(cap)
}

/// Message spans where answers may be: everything the requester did not write, except the
/// questionnaire's own request. `(start, end, quoted)`.
fn answer_regions(doc: &Doc, thread: &Thread, q: &Questionnaire) -> Vec<(usize, usize, bool)> {
    if q.sectioned {
        return q.regions.iter().map(|&(s, e)| (s, e, false)).collect();
    }
    let mut out: Vec<(usize, usize, bool)> = thread
        .msgs
        .iter()
        .enumerate()
        .filter(|(i, m)| !m.from_requester && (!q.from_request || q.msg != Some(*i)))
        .map(|(_, m)| (m.start, m.end, m.quoted))
        .collect();
    // A disclosure log prints the request letter and then, under a heading, the response, with
    // no new letter between them: the response section after the request's sign-off.
    if let Some(m) = q.msg.filter(|_| q.from_request).map(|i| &thread.msgs[i]) {
        let after = m.signoff.unwrap_or(q.span.1).max(q.span.1);
        if let Some(h) = crate::sections::headings(doc, thread)
            .into_iter()
            .find(|h| {
                h.kind == crate::sections::Kind::Response && h.start >= after && h.start < m.end
            })
        {
            out.push((h.content, m.end, m.quoted));
            out.sort_by_key(|r| r.0);
        }
    }
    // An acknowledgement, or a request for clarification, that restates the request's items
    // ("1) Requests to receive …") ranks as earlier correspondence when a later letter follows
    // it: that letter holds the answers.
    let last = out.len().saturating_sub(1);
    for r in out.iter_mut().take(last) {
        let t = &doc.text[r.0..r.1];
        if !r.2 && (acknowledges(t) || crate::classify::asks_clarification(t)) {
            r.2 = true;
        }
    }
    if out.is_empty() {
        // Only the request was pasted, or every message looked like the requester's.
        if !q.from_request {
            out.push((0, doc.text.len(), false));
        } else {
            out = thread
                .msgs
                .iter()
                .enumerate()
                .filter(|(i, _)| q.msg != Some(*i))
                .map(|(_, m)| (m.start, m.end, true))
                .collect();
        }
    }
    out
}

fn region_end_of(regions: &[(usize, usize, bool)], at: usize) -> usize {
    // Regions are messages, in text order.
    let i = regions.partition_point(|r| r.0 <= at);
    if i > 0 && at < regions[i - 1].1 {
        regions[i - 1].1
    } else {
        at
    }
}

/// The body of a reply's letter in `[rs, re_)`: from the line after its salutation (or the
/// message's start, or `after` when that is later and inside the message: the end of the
/// questions a letter restates) to the first sign-off or boilerplate line.
fn letter_body(
    doc: &Doc,
    thread: &Thread,
    stops: &[usize],
    (rs, re_): (usize, usize),
    after: Option<usize>,
) -> (usize, usize) {
    let text = doc.text;
    // After the salutation, which may stand below a sender's header and a letterhead.
    let mut start = thread
        .msgs
        .iter()
        .find(|m| m.start == rs)
        .and_then(|m| m.letter_salutation)
        .map_or(rs, |s| s + text[s..].find('\n').unwrap_or(0));
    if let Some(a) = after.filter(|&a| a > start && a < re_) {
        start = a;
    }
    let stop = stops
        .iter()
        .copied()
        .find(|&s| s > start + 1)
        .unwrap_or(re_)
        .min(re_);
    (start, stop)
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)^[ \t]*(?:yours (?:sincerely|faithfully|truly)|kind(?:est)? regards|best regards|best wishes|regards,?$|many thanks|with (?:kind |best )?regards[ \t,.!]*$|if you are (?:not satisfied|unhappy|dissatisfied|not content|not happy|aggrieved)|if you (?:wish|would like|want) to (?:complain|make a complaint|request an? (?:internal )?review|appeal|ask for an internal review)|if you have any (?:queries|questions|further|concerns)|should you (?:have|require|need) (?:any )?(?:queries|questions|further|concerns|clarification)|should you (?:wish|want) to (?:complain|make a complaint|request an? (?:internal )?review|appeal)|for (?:service )?complaints?,|you (?:have|may have) the right|your rights?\b|rights? of (?:appeal|review|complaint)|right to (?:appeal|complain|request)|internal review\s*$|(?:the )?public interest (?:test|considerations?)\s*:?\s*$|complaints? (?:procedure|and appeals?)\s*$|appeals?\s*$|information commissioner|under the re-? ?use|re-?use of (?:public sector )?information|the information (?:supplied|provided|we have provided|released|disclosed) (?:to you )?(?:is|may|continues|in this|under)|copyright|©|we trust (?:that )?(?:this|our)|please (?:do not hesitate|quote the (?:\w+ )?reference|remember to quote)|about (?:foi|freedom of information|this (?:release|publication|page))\s*$|contact(?: us| details)?:?\s*$|is this page useful|share this page|this e-?mail (?:and any|is confidential|has been|may contain|was sent)|(?:show|hide) (?:all )?quoted sections?|-{2,}\s*original message|from:\s|sent:\s|on .{4,160} wrote:\s*$|dear\s|disclaimer|confidentiality notice|references\s*$|visible links\s*$|(?:[-*•][ \t]*)?(?:(?:foi |eir |our |request |case )?reference(?: number| no\.?)?|date (?:request )?received|date of (?:decision|response|request)|(?:request|response|decision|completion|publication) date)[ \t]*:?[ \t]*$)",
    )
});

/// Offsets of lines that end any answer: sign-offs, appeal and re-use boilerplate, quote
/// headers, salutations.
fn stop_lines(doc: &Doc, thread: &Thread, _q: &Questionnaire) -> Vec<usize> {
    // One pass of a multi-line pattern over the text: far cheaper than one call per line.
    let mut out: Vec<usize> = BOILERPLATE
        .find_iter(doc.text)
        .map(|m| doc.start_of_line_at(m.start()))
        .collect();
    out.extend(thread.furniture.iter().map(|&(s, _)| s));
    for m in &thread.msgs {
        out.push(m.start);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The answer within `[from, limit)`: cut at the first stop line and at the first restated
/// note of the request; trimmed of punctuation left over from the question.
fn cut_answer(
    doc: &Doc,
    q: &Questionnaire,
    stops: &[usize],
    from: usize,
    limit: usize,
) -> (usize, usize) {
    let text = doc.text;
    let mut end = limit;
    let first_stop = stops.partition_point(|&s| s <= from);
    if let Some(&s) = stops.get(first_stop) {
        if s < end {
            end = s;
        }
    }
    if let Some(m) = material_in(doc, q, from, end) {
        end = m;
    }
    let end = end.max(from);
    // Trim leading punctuation left from the question, and white space.
    let mut s = from;
    let b = text.as_bytes();
    while s < end
        && (b[s].is_ascii_whitespace()
            || matches!(
                b[s],
                b'?' | b'.' | b':' | b')' | b']' | b'"' | b'\'' | b'|' | b'-' | b',' | b';' | b'*'
            ))
    {
        s += 1;
    }
    let mut e = end;
    while e > s && (b[e - 1].is_ascii_whitespace() || b[e - 1] == b'|') {
        e -= 1;
    }
    // An answer that is only a heading ("Response", "Our response:") is none.
    let t = text[s..e].trim();
    if is_label_only(t) {
        return (s, s);
    }
    (s, e)
}

static LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:our|the|council'?s?|trust'?s?|force'?s?|university'?s?|department'?s?) |(?-i:[A-Z]{2,8}|[A-Z][a-z]{2,11})(?:'s|’s)? )?(?:(?:responses?|answers?|reply|replies|decision|disclosure|outcome|information|comments?|we said)(?:\s*\d{1,3}[a-z]?)?|ans|a(?:\.?\d{1,3}[a-z]?)?)\s*(?:details?)?\s*[:.=-]?$",
    )
});

fn is_label_only(t: &str) -> bool {
    t.is_empty() || LABEL_ONLY.is_match(t)
}

static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:our|the|council'?s?|trust'?s?|force'?s?|university'?s?|board'?s?|department'?s?|authority'?s?) |(?-i:[A-Z]{2,8}|[A-Z][a-z]{2,11})(?:'s|’s)? )?(?:(?:response|answer|reply|comments?|we said)(?:\s*\d{1,3}[a-z]?)?(?:\s+details?)?\s*(?:[:.=-]|\s-\s)|(?:a|ans)\s*(?:[:=-]|\.\s|\s-\s)|a\.?\d{1,3}[a-z]?(?:\s*[:.=)-])?\s)\s*",
    )
});

/// Whether a line opens with an answer's label ("Answer =", "A.5", "Response:").
pub fn starts_with_answer_label(line: &str) -> bool {
    LEADING_LABEL.is_match(line) || is_label_only(line.trim())
}

/// The length of a leading answer label ("Response: ", "A.5 "), 0 when there is none.
pub fn label_len(s: &str) -> usize {
    match LEADING_LABEL.find(s) {
        Some(m) if m.end() < s.len() => m.end(),
        _ => 0,
    }
}

/// Removes a leading "Response:" / "Answer -" label.
pub fn strip_labels(s: &str) -> String {
    let t = s.trim_start();
    match LEADING_LABEL.find(t) {
        Some(m) if m.end() < t.len() => t[m.end()..].to_string(),
        _ => t.to_string(),
    }
}

/// Start of the first line in `[from, to)` that restates a note of the request (a condition,
/// an option list): the first three words of the note at the start of a line.
fn material_in(doc: &Doc, q: &Questionnaire, from: usize, to: usize) -> Option<usize> {
    if q.material.is_empty() || from >= to {
        return None;
    }
    let text = doc.text;
    let region = tokens(text, from, to);
    let mut best: Option<usize> = None;
    for &(ms, me) in &q.material {
        let mt = tokens(text, ms, me);
        if mt.len() < 2 {
            continue;
        }
        let want = &mt[..mt.len().min(3)];
        for k in 0..region.len() {
            if k + want.len() > region.len() {
                break;
            }
            let at_line_start = doc.at_line_start(region[k].start)
                || text[..region[k].start]
                    .trim_end_matches(['(', '"', '\'', ' ', '\t'])
                    .ends_with('\n');
            if !at_line_start {
                continue;
            }
            if want
                .iter()
                .zip(&region[k..])
                .all(|(a, b)| a.as_str(text).eq_ignore_ascii_case(b.as_str(text)))
            {
                let ls = doc.start_of_line_at(region[k].start);
                best = Some(best.map_or(ls, |b: usize| b.min(ls)));
                break;
            }
        }
    }
    best
}

/// Questions without an answer yet, restated by their words at the start of a line.
#[allow(clippy::too_many_arguments)]
fn words_pass(
    doc: &Doc,
    q: &Questionnaire,
    qtoks: &[Vec<Token>],
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    occs: &[Occ],
    accepted: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    // A question "restated" only by its own line in the list (a reply that lists the request,
    // then answers under each question's words without their numbers) is still unanswered.
    // So is the last one, whose "answer" is merely the text after the list, when its words
    // stand again below.
    let in_list = |at: usize| at >= q.span.0 && at < q.span.1;
    let missing: Vec<usize> = (0..q.items.len())
        .filter(|&i| {
            let f = &found[i];
            let own = f.restated.is_some_and(|(s, _)| in_list(s));
            (f.span.is_none() || own && f.span.is_some_and(|(s, _)| s >= q.span.1))
                && (f.restated.is_none() || own)
                && qtoks[i].len() >= 3
        })
        .collect();
    let mut done = vec![false; q.items.len()];
    if missing.is_empty() {
        return;
    }
    // Starts of accepted occurrences and of any restatement found here bound the answers.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // (line start, answer from, qi)
    for &(rs, re_, _) in regions {
        let (a, b) = (doc.line_of(rs), doc.line_of(re_.saturating_sub(1).max(rs)));
        for li in a..=b {
            let (ls, le) = doc.line_range(li);
            if ls >= re_ || q.from_request && q.msg.is_some() && in_list(ls) {
                continue;
            }
            let lt = tokens(text, ls, crate::text::floor_char(text, le.min(ls + 200)));
            let Some(first) = lt.first() else { continue };
            // The question the line restates best: "Who is your Head of IT?" is not the
            // "Who is your Head of Procurement?" before it, though most of their words agree.
            let mut line_best: Option<(f64, usize, usize)> = None; // (share, answer from, qi)
            for &qi in &missing {
                // A question listed without its answer is restated below the list, never in
                // the list or in the request above it.
                if found[qi].restated.is_some_and(|(s, _)| in_list(s)) && ls < q.span.1 {
                    continue;
                }
                let qt = &qtoks[qi];
                if !qt[..2.min(qt.len())]
                    .iter()
                    .any(|t| t.as_str(text).eq_ignore_ascii_case(first.as_str(text)))
                {
                    continue;
                }
                let limit = crate::text::floor_char(
                    text,
                    (ls + 4 * (q.items[qi].text_end - q.items[qi].text_start) + 64).min(re_),
                );
                let (matched, end, start_ok) = align_words(text, qt, first.start, limit);
                let share = matched as f64 / qt.len() as f64;
                if start_ok
                    && matched * 10 >= qt.len() * 7
                    && line_best.is_none_or(|(b, _, _)| share > b)
                {
                    line_best = Some((share, end, qi));
                }
            }
            if let Some((_, end, qi)) = line_best {
                hits.push((ls, end, qi));
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    let mut bounds: Vec<usize> = hits.iter().map(|h| h.0).collect();
    bounds.extend(accepted.iter().map(|&k| occs[k].start));
    bounds.sort_unstable();
    // Within one message, latest first: a list of questions restated before the answers ("You
    // asked: …") and then again, each above its answer, is answered after its last copy. Across
    // messages the earliest stands: a later message quoting the reply is no new answer.
    let region_of = |at: usize| regions.iter().position(|r| r.0 <= at && at < r.1);
    let mut order = hits.clone();
    order.sort_by_key(|h| (region_of(h.0), std::cmp::Reverse(h.0)));
    for &(ls, from, qi) in &order {
        if done[qi] {
            continue;
        }
        let next = bounds
            .iter()
            .copied()
            .find(|&b| b > ls)
            .unwrap_or(region_end_of(regions, ls));
        let (s, e) = cut_answer(doc, q, stops, from, next.max(from));
        found[qi].restated = Some((ls, from));
        if s < e {
            found[qi].span = Some((s, e));
            found[qi].via = Via::Words;
            done[qi] = true;
        }
    }
}

static QUESTION_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:questions?|q|points?|parts?|items?|requests?)\s*\.?\s*(\d{1,3}[a-z]?(?:\s*\([a-z0-9]{1,4}\))?)\)?((?:\s*(?:,|&|and|to|-|or)\s*(?:questions?\s*|q\s*)?\d{1,3}[a-z]?(?:\s*\([a-z0-9]{1,4}\))?\)?)*)",
    )
});
static ORDINAL_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:your|the|my)\s+((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|last)(?:\s*(?:,|&|and|or)\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|last))*)\s+(?:question|point|part|request|query|queries|item)",
    )
});
/// A paragraph that only says which questions the next one is about: "In relation to questions
/// 1 to 4 for the earlier years." The paragraph after it is theirs.
static REFERRING_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:in relation to|with regards? to|with respect to|in respect of|regarding|as regards|turning to|in response to|in answer to)\s+(?:your\s+)?(?:questions?|parts?|points?|requests?|items?)\b",
    )
});

static META: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:below|as follows|the following|attached|enclosed|set out|listed)\b|\b(?:you asked|your request|you requested)\b",
    )
});

/// References to questions in a sentence: keys of the questionnaire items they name.
/// "Q2 2024", "Q3 2023/24", "(Q4-2022)": a quarter of a year, not question 2.
fn names_a_quarter(sentence: &str, c: &crate::pattern::Captures) -> bool {
    let whole = c.get(0).expect("match");
    let word = &sentence[whole.start()..];
    let q_only = word.len() > 1
        && word.as_bytes()[0].eq_ignore_ascii_case(&b'q')
        && word.as_bytes()[1].is_ascii_digit();
    if !q_only || !matches!(&c[1], "1" | "2" | "3" | "4") {
        return false;
    }
    let number_end = c.get(1).expect("number").end();
    let after = sentence[number_end..].trim_start_matches([' ', '-', '/', '\'', '\u{2019}']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let year = digits == 4 && (after.starts_with("19") || after.starts_with("20"));
    // "Q2 23/24": a two-digit financial year.
    let short_year = digits == 2 && after[2..].starts_with('/');
    year || short_year
}

pub fn question_refs(q: &Questionnaire, sentence: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let add = |out: &mut Vec<usize>, key: &str| {
        let key = key.to_ascii_lowercase().replace([' ', '(', ')'], "");
        let before = out.len();
        for (i, it) in q.items.iter().enumerate() {
            if it.key == key {
                out.push(i);
                // and its parts
                for (j, c) in q.items.iter().enumerate() {
                    if it.label.is_ancestor_of(&c.label) {
                        out.push(j);
                    }
                }
            }
        }
        if out.len() == before {
            // "question 4" names 4 and its parts
            for (i, it) in q.items.iter().enumerate() {
                if it.label.main().map(|n| n.to_string()) == Some(key.clone()) {
                    out.push(i);
                }
            }
        }
    };
    for c in QUESTION_REF.captures_iter(sentence) {
        if names_a_quarter(sentence, &c) {
            continue;
        }
        add(&mut out, &c[1]);
        let first_num: Option<u32> = c[1]
            .chars()
            .take_while(|ch| ch.is_ascii_digit())
            .collect::<String>()
            .parse()
            .ok();
        let rest = c.get(2).map_or("", |m| m.as_str());
        let mut prev = first_num;
        for part in rest
            .split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" or "))
        {
            let p = part.trim();
            let range = p.starts_with("to") || p.starts_with('-');
            let num_s: String = p
                .trim_start_matches(|ch: char| !ch.is_ascii_digit())
                .to_string();
            let digits: String = num_s.chars().take_while(|ch| ch.is_ascii_digit()).collect();
            let Ok(n) = digits.parse::<u32>() else {
                continue;
            };
            if range {
                if let Some(a) = prev {
                    for k in a + 1..n.min(a + 40) {
                        add(&mut out, &k.to_string());
                    }
                }
            }
            add(&mut out, num_s.trim());
            prev = Some(n);
        }
    }
    // "your third question", "your first and second questions".
    let named: Vec<String> = ORDINAL_REF
        .captures_iter(sentence)
        .map(|c| c[1].to_ascii_lowercase())
        .collect();
    let ordinals = named
        .iter()
        .flat_map(|l| l.split(|ch: char| !ch.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or"));
    for w in ordinals {
        let n = match w {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            _ => {
                // last/final: the last top-level question
                let last = q
                    .items
                    .iter()
                    .filter_map(|it| it.label.main())
                    .max()
                    .unwrap_or(0);
                last as usize
            }
        };
        let before = out.len();
        add(&mut out, &n.to_string());
        if out.len() == before {
            // unnumbered questions: by position among top-level items
            let tops: Vec<usize> = (0..q.items.len())
                .filter(|&i| q.items[i].parent.is_none())
                .collect();
            if let Some(&i) = tops.get(n.saturating_sub(1)) {
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Prose: a sentence that names questions answers those without an answer yet; following
/// sentences of the same paragraph continue it.
fn prose_pass(
    doc: &Doc,
    thread: &Thread,
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    // Free text: unquoted regions minus answers already found and the questionnaire itself.
    let mut taken: Vec<(usize, usize)> = found.iter().filter_map(|f| f.span).collect();
    taken.extend(found.iter().filter_map(|f| f.restated));
    taken.push(q.span);
    if let Some(last) = q.items.last() {
        taken.push((q.span.0, last.text_end));
    }
    let mut acc: Vec<Vec<(usize, usize)>> = vec![Vec::new(); q.items.len()];
    for &(rs, re_, quoted) in regions {
        if quoted {
            continue;
        }
        let (body_start, stop) = letter_body(doc, thread, stops, (rs, re_), None);
        let mut pos = body_start;
        // A heading that names a question ("Response to question 2:") carries over to the
        // paragraphs below it.
        let mut carried: Vec<usize> = Vec::new();
        let mut carried_notes: Vec<usize> = Vec::new();
        let mut last_refs: Vec<usize> = Vec::new();
        // Paragraphs.
        while pos < stop {
            let pe = text[pos..stop].find("\n\n").map_or(stop, |p| pos + p);
            let para = text[pos..pe].trim();
            let heading = (para.len() < 80
                && !para.contains('\n')
                && (para.ends_with(':') || para.split_whitespace().count() <= 6)
                && !citation_line(para))
                || (para.len() < 120
                    && !para.contains(['\n', ','])
                    && REFERRING_LEAD.is_match(para));
            if para.is_empty() {
                pos = pe + 2;
                continue;
            }
            let mut current: Vec<usize> = std::mem::take(&mut carried);
            // A line that only cites a provision ("Section 23(5) Information supplied by …
            // Security Bodies") goes on with the questions of the paragraph before.
            if current.is_empty() && citation_line(para) {
                current = last_refs.clone();
            }
            // Questions named here that have an answer of their own: the paragraph is a note
            // on them.
            let mut noted: Vec<usize> = std::mem::take(&mut carried_notes);
            // Sentences before the paragraph's first reference ("The policy is attached. …
            // This answers part 3.") belong to that reference.
            let mut leading: Vec<(usize, usize)> = Vec::new();
            let mut seen_ref = false;
            for (s, e) in sentences(text, pos, pe) {
                let sent = &text[s..e];
                // A note of the request repeated in the reply ("(if Yes answer Q12, if No
                // answer Q13)") points at questions for the requester, not for an answer.
                let repeats_request = sent.trim().len() >= 20
                    && q.from_request
                    && s >= q.span.1
                    && text[q.span.0..q.span.1].contains(sent.trim());
                if repeats_request || taken.iter().any(|&(a, b)| s < b && a < e) {
                    current.clear();
                    noted.clear();
                    leading.clear();
                    continue;
                }
                let refs = question_refs(q, sent);
                if !refs.is_empty() {
                    if META.is_match(sent)
                        && refs.len() > 1
                        && !sent.to_ascii_lowercase().contains("not")
                    {
                        current.clear();
                        noted.clear();
                        leading.clear();
                        continue;
                    }
                    (current, noted) = refs.into_iter().partition(|&i| found[i].span.is_none());
                    if !seen_ref {
                        for &i in &current {
                            acc[i].extend(leading.iter().copied());
                        }
                    }
                    seen_ref = true;
                    leading.clear();
                } else if !seen_ref {
                    leading.push((s, e));
                }
                for &i in &current {
                    if !heading {
                        acc[i].push((s, e));
                    }
                }
                for &i in &noted {
                    if !heading {
                        found[i].notes.push((s, e));
                    }
                }
            }
            if heading {
                carried = current.clone();
                carried_notes = noted;
            }
            last_refs = current;
            pos = pe + 2;
        }
    }
    for (i, spans) in acc.into_iter().enumerate() {
        if spans.is_empty() || found[i].span.is_some() {
            continue;
        }
        let (s, e) = (spans[0].0, spans[spans.len() - 1].1);
        found[i].span = Some((s, e));
        found[i].via = Via::Prose;
        found[i].parts = spans;
    }
}

/// A short line that names a provision and what it covers: "Section 24(2) National Security",
/// "Regulation 12(5)(b) - course of justice".
fn citation_line(para: &str) -> bool {
    let lower = para.to_ascii_lowercase();
    let rest = ["section ", "s.", "regulation ", "reg "]
        .iter()
        .find_map(|w| lower.strip_prefix(w));
    rest.is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        && !para.contains('\n')
        && para.split_whitespace().count() <= 12
}

/// Answers for questions that the letter answers together.
fn general_answer(
    doc: &Doc,
    thread: &Thread,
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    post_list: Option<(usize, usize)>,
    found: &mut [Found],
) {
    let text = doc.text;
    let n = q.items.len();
    if n < 2 {
        return;
    }
    // (a) "You asked: 1. … 2. … 3. …" then a paragraph that names no question: that paragraph
    // answers the whole request.
    if let Some((s, e)) = post_list {
        if found.iter().all(|f| f.span.is_none()) {
            for f in found.iter_mut() {
                f.span = Some((s, e));
                f.via = Via::Letter;
            }
            return;
        }
        // Some questions were answered by name; the rest of the paragraph is not theirs.
        if found[n - 1].span.is_none() && question_refs(q, &text[s..e]).is_empty() {
            found[n - 1].span = Some((s, e));
            found[n - 1].via = Via::Restated;
        }
    }
    // (b) Nothing answered: a reply that refuses, does not hold, points elsewhere or asks for
    // clarification answers every question with its letter. So it does when only some
    // questions matched a sentence of it by their words ("Libraries here are run by the
    // county council" for "How many libraries …?"): the letter answers them all together.
    let by_words_only = found.iter().any(|f| f.span.is_none())
        && found
            .iter()
            .all(|f| matches!(f.via, Via::None | Via::Matched));
    if !by_words_only {
        return;
    }
    let Some(&(rs, re_, _)) = regions.iter().rev().find(|r| !r.2) else {
        return;
    };
    let (body_start, stop) = letter_body(doc, thread, stops, (rs, re_), Some(q.span.1));
    if body_start >= stop {
        return;
    }
    let body = &text[body_start..stop];
    if acknowledges(body) {
        return;
    }
    let ex = crate::exemptions::cited(body, crate::model::Law::FOIA);
    let sig = crate::classify::signals(body, &ex);
    if sig.refused || sig.ncnd || sig.not_held || sig.clarification || sig.referred {
        let (s, e) = cut_answer(doc, q, stops, body_start, stop);
        let within = |f: &Found| f.span.is_none_or(|(a, _)| a >= s && a < e);
        if s < e && found.iter().all(within) {
            // A sentence or two matched by words among many questions is the letter's own
            // talk: the letter answers them all, and each question's focus takes its sentences
            // back. Where more matched, those answers stand and the letter answers the rest.
            let matched = found.iter().filter(|f| f.span.is_some()).count();
            let all = matched * 3 <= n;
            for f in found.iter_mut().filter(|f| all || f.span.is_none()) {
                f.span = Some((s, e));
                f.via = Via::Letter;
            }
        }
    }
}

/// Whether a letter only acknowledges the request ("has been logged", "we will respond within
/// 20 working days"): it answers nothing, even when it restates the request's subject.
fn acknowledges(body: &str) -> bool {
    // (Words wrapped over lines, "within 20\nworking days", are read as one run.)
    let lower = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    // A reply that recalls its acknowledgement and answers now ("Further to our
    // acknowledgement we can now respond …") is the answer.
    const ANSWERS_NOW: [&str; 6] = [
        "further to our acknowledg",
        "can now respond",
        "now able to respond",
        "pleased to provide",
        "please find below",
        "set out below",
    ];
    if ANSWERS_NOW.iter().any(|w| lower.contains(w)) {
        return false;
    }
    [
        "acknowledg",
        "will respond",
        "will receive a response",
        "will receive our response",
        "will receive a reply",
        "we will reply",
        "expect to receive",
        "being considered",
        "aim to respond",
        "aim to reply",
        "response in due course",
        "will send you a full response",
        "will now consider",
        "due date for responding",
        "will be in touch",
        "within 20 working days",
        "has been logged",
        "should reach you",
        "expect to reply",
        "expect to respond",
        "hope to reply",
        "hope to respond",
        "intend to reply",
        "intend to respond",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Words too common in requests and replies to tell questions apart.
const COMMON: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "this",
    "with",
    "from",
    "have",
    "has",
    "had",
    "are",
    "was",
    "were",
    "which",
    "what",
    "how",
    "many",
    "much",
    "does",
    "did",
    "your",
    "you",
    "our",
    "any",
    "all",
    "been",
    "per",
    "each",
    "please",
    "provide",
    "number",
    "information",
    "would",
    "could",
    "like",
    "know",
    "also",
    "total",
    "there",
    "their",
    "its",
    "can",
    "will",
    "who",
    "when",
    "where",
    "why",
    "not",
    "they",
    "them",
    "these",
    "those",
    "such",
    "into",
    "about",
    "other",
    "than",
    "then",
    "some",
    "within",
    "between",
    "during",
    "over",
    "under",
    "request",
    "details",
    "copy",
    "copies",
    "list",
    "year",
    "years",
    "council",
    "authority",
    "trust",
    "force",
    "department",
    "university",
    "following",
    "held",
    "hold",
    "confirm",
    "tell",
    "state",
    "give",
];

/// [`COMMON`] sorted, for [`content_words`]'s binary search.
static COMMON_SORTED: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| {
    let mut v: Vec<&[u8]> = COMMON.iter().map(|w| w.as_bytes()).collect();
    v.sort_unstable();
    v
});

/// A sentence's distinctive words, lower case, with a plural `s` dropped.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.len() < 3 {
            continue;
        }
        // A short ASCII word is lowered on the stack and looked up in the sorted list before it
        // is copied (most words are common); another may lower-case to one ("\u{212A}now" is
        // "know").
        let common = if w.is_ascii() && w.len() <= 16 {
            let mut buf = [0u8; 16];
            let lw = &mut buf[..w.len()];
            lw.copy_from_slice(w.as_bytes());
            lw.make_ascii_lowercase();
            COMMON_SORTED.binary_search(&&*lw).is_ok()
        } else {
            COMMON.contains(&w.to_lowercase().as_str())
        };
        if common {
            continue;
        }
        let l = w.to_lowercase();
        let l = if l.len() > 4 && l.ends_with('s') && !l.ends_with("ss") {
            l[..l.len() - 1].to_string()
        } else {
            l
        };
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// Whether the item at `[start, end)`, running to `limit`, is a clause of a sentence listed
/// under a colon ("… would be likely to prejudice:" / "a. the prevention of crime," / "b. …"):
/// it ends with a comma or semicolon, after a line that ends with a colon, comma or semicolon.
/// Such letters enumerate the reply's own words (the limbs of an exemption), not answers.
fn enumerates(doc: &Doc, start: usize, end: usize, limit: usize) -> bool {
    let text = doc.text;
    let item_end = text[end..limit].find('\n').map_or(limit, |p| end + p);
    let item = text[end..item_end].trim_end();
    if !item.ends_with([',', ';']) {
        return false;
    }
    let line = doc.line_of(start);
    (0..line)
        .rev()
        .find(|&l| !doc.is_blank(l))
        .is_some_and(|l| doc.line(l).trim_end().ends_with([':', ',', ';']))
}

/// A letter that answers the questions in order, one paragraph each, without numbers or the
/// questions' words restated ("Please see our response below:" then four paragraphs for a–d):
/// read when no answer was found by a number or a restatement, the letter's body after its
/// lead-in holds as many paragraphs as there are questions, and each shares a distinctive word
/// with its own question and more with it than with any other.
fn paragraphs_in_order(
    doc: &Doc,
    thread: &Thread,
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    let asks: Vec<usize> = (0..q.items.len()).filter(|&k| !q.items[k].header).collect();
    let n = asks.len();
    if n < 2
        || found
            .iter()
            .any(|f| !matches!(f.via, Via::None | Via::Matched | Via::Prose))
    {
        return;
    }
    let Some(&(rs, re_, _)) = regions.iter().rev().find(|r| !r.2) else {
        return;
    };
    let (body_start, stop) = letter_body(doc, thread, stops, (rs, re_), Some(q.span.1));
    if body_start >= stop {
        return;
    }
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut at = body_start;
    for piece in text[body_start..stop].split("\n\n") {
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() {
            paras.push((at + lead, at + lead + t.len()));
        }
        at += piece.len() + 2;
    }
    // A lead-in ("Please see our response below to your request:") answers nothing.
    if paras.first().is_some_and(|&(a, b)| {
        let t = text[a..b].to_ascii_lowercase();
        t.ends_with(':') || t.contains("response below") || t.contains("as follows")
    }) {
        paras.remove(0);
    }
    // As many paragraphs as questions: a paragraph more or less is a letter of another shape.
    if paras.len() != n {
        return;
    }
    let qwords: Vec<Vec<String>> = asks
        .iter()
        .map(|&k| content_words(&q.items[k].text))
        .collect();
    let pwords: Vec<Vec<String>> = paras
        .iter()
        .map(|&(a, b)| content_words(&text[a..b]))
        .collect();
    let shared = |p: usize, k: usize| qwords[k].iter().filter(|w| pwords[p].contains(w)).count();
    let fits = (0..n).all(|k| {
        let own = shared(k, k);
        own >= 1 && (0..n).all(|j| j == k || shared(k, j) < own)
    });
    if !fits {
        return;
    }
    for (k, &qi) in asks.iter().enumerate() {
        found[qi].span = Some(paras[k]);
        found[qi].via = Via::Matched;
        found[qi].parts.clear();
    }
}

/// For questions still without an answer: a sentence of the reply that shares most of a
/// question's distinctive words (and more with it than with any other question) answers it.
fn overlap_pass(
    doc: &Doc,
    thread: &Thread,
    q: &Questionnaire,
    regions: &[(usize, usize, bool)],
    stops: &[usize],
    found: &mut [Found],
) {
    let text = doc.text;
    let missing: Vec<usize> = (0..q.items.len())
        .filter(|&i| found[i].span.is_none() && !q.items[i].header)
        .collect();
    // A sole question is answered by the letter, not by the one sentence that repeats its words
    // ("… taxi fares claimed back by staff …" above the exemption of the names).
    if missing.is_empty() || q.items.iter().filter(|it| !it.header).count() < 2 {
        return;
    }
    let qwords: Vec<Vec<String>> = q.items.iter().map(|it| content_words(&it.text)).collect();
    let mut taken: Vec<(usize, usize)> = found.iter().filter_map(|f| f.span).collect();
    taken.extend(found.iter().filter_map(|f| f.restated));
    taken.push(q.span);
    // (question, score, sentence) for the best sentence of each question.
    let mut best: Vec<Option<(usize, (usize, usize))>> = vec![None; q.items.len()];
    for &(rs, re_, quoted) in regions {
        if quoted {
            continue;
        }
        let (body_start, stop) = letter_body(doc, thread, stops, (rs, re_), None);
        if body_start >= stop {
            continue;
        }
        for (s, e) in sentences(text, body_start, stop) {
            if taken.iter().any(|&(a, b)| s < b && a < e) {
                continue;
            }
            // A topic heading over its paragraph ("Schedule of closed underpasses") names the
            // ask it answers: all its words (two or more) in one question, and in no other as
            // many, match it, whatever the paragraph says of attachments. (A sole question is
            // answered by the letter; a heading there may be a signature's name over its address.)
            if qwords.len() >= 2 && headed_paragraph_end(doc, s).is_some() {
                let hw = content_words(doc.line(doc.line_of(s)));
                let shared: Vec<usize> = qwords
                    .iter()
                    .map(|qw| hw.iter().filter(|w| qw.contains(w)).count())
                    .collect();
                let top = shared.iter().copied().max().unwrap_or(0);
                let tops: Vec<usize> = (0..shared.len()).filter(|&i| shared[i] == top).collect();
                if top >= 2 && top * 3 >= hw.len() * 2 && tops.len() == 1 {
                    let i = tops[0];
                    if missing.contains(&i) && best[i].is_none_or(|(b, _)| b < 100 + top) {
                        best[i] = Some((100 + top, (s, e)));
                    }
                    continue;
                }
            }
            if META.is_match(&text[s..e]) {
                continue;
            }
            let sw = content_words(&text[s..e]);
            // Score the sentence against every question; it answers the one it matches best.
            let mut top: Option<(usize, usize)> = None;
            let mut second = 0;
            for (i, qw) in qwords.iter().enumerate() {
                let shared = qw.iter().filter(|w| sw.contains(w)).count();
                match top {
                    Some((_, t)) if shared > t => {
                        second = t;
                        top = Some((i, shared));
                    }
                    Some((_, t)) if shared > second || shared == t => second = second.max(shared),
                    None => top = Some((i, shared)),
                    _ => {}
                }
            }
            let Some((i, shared)) = top else { continue };
            let need = 2.max((qwords[i].len() as f64 * 0.4).ceil() as usize);
            if !missing.contains(&i) || shared < need || shared == second {
                continue;
            }
            if best[i].is_none_or(|(b, _)| shared > b) {
                best[i] = Some((shared, (s, e)));
            }
        }
    }
    for i in missing {
        if let Some((_, (s, e))) = best[i] {
            let e = headed_paragraph_end(doc, s).unwrap_or(e).max(e);
            found[i].span = Some((s, table_after(text, e).unwrap_or(e)));
            found[i].via = Via::Matched;
        }
    }
}

/// A reply that answers under topic headings ("Advertising panels contract" on a line of its
/// own, then a paragraph) answers with the whole paragraph: when the sentence that matched a
/// question opens on such a heading, the answer runs to the paragraph's end (a blank line), so
/// the redaction or refusal in its later sentences belongs to it.
fn headed_paragraph_end(doc: &Doc, s: usize) -> Option<usize> {
    let li = doc.line_of(s);
    if doc.line_start(li) != s || (li > 0 && !doc.is_blank(li - 1)) {
        return None;
    }
    let head = doc.line(li).trim();
    let words = head.split_whitespace().count();
    let heading = (1..=10).contains(&words)
        && head.starts_with(|c: char| c.is_uppercase())
        && !head.ends_with(['.', '?', '!', ':', ',', ';'])
        && doc.line_count() > li + 1
        && !doc.is_blank(li + 1);
    if !heading {
        return None;
    }
    let last = (li + 1..doc.line_count())
        .take_while(|&l| !doc.is_blank(l))
        .last()?;
    Some(doc.line_range(last).1)
}

/// The end of a table that follows the paragraph of the sentence ending at `end`: the sentence
/// that matched a question ("We can also tell you how many people visited the exhibitions.")
/// introduces the figures below its paragraph. A table here is a block of two or more short
/// lines, each with a figure.
fn table_after(text: &str, end: usize) -> Option<usize> {
    let end = text[end..].find("\n\n").map_or(text.len(), |p| end + p);
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start().len();
    if !rest[..gap].contains("\n\n") {
        return None;
    }
    let start = end + gap;
    let block_end = text[start..].find("\n\n").map_or(text.len(), |p| start + p);
    let lines: Vec<&str> = text[start..block_end].lines().collect();
    // A heading row without figures may open it.
    let rows = match lines.first() {
        Some(h) if !h.bytes().any(|b| b.is_ascii_digit()) => &lines[1..],
        _ => &lines[..],
    };
    let tabular = rows.len() >= 2
        && lines.iter().all(|l| l.len() <= 120)
        && rows.iter().all(|l| l.bytes().any(|b| b.is_ascii_digit()));
    tabular.then_some(block_end)
}

static COVERS_ABOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:these questions|the above questions|questions above|all of the above|each of the above|the questions above|all (?:of )?(?:these|the) questions|this question and (?:the|its) sub)",
    )
});

/// An answer that says it covers questions left without an answer just before it gives them
/// the same answer.
fn share_pass(doc: &Doc, q: &Questionnaire, found: &mut [Found]) {
    let text = doc.text;
    let n = q.items.len();
    for k in 0..n {
        let Some((s, e)) = found[k].span else {
            continue;
        };
        if found[k].shared_from.is_some() || matches!(found[k].via, Via::Prose | Via::Matched) {
            continue;
        }
        let head_end = crate::text::floor_char(text, (s + 400).min(e));
        let head = &text[s..head_end];
        let mut targets: Vec<usize> = question_refs(q, head)
            .into_iter()
            .filter(|&i| i != k)
            .collect();
        // Only questions left empty just before this one (a restated group without answers).
        let mut run: Vec<usize> = Vec::new();
        let mut j = k;
        while j > 0 && found[j - 1].span.is_none() && found[j - 1].restated.is_some() {
            j -= 1;
            run.push(j);
        }
        // Parts of one question, or unnumbered asks, listed one after another with nothing
        // between them, then one answer on its own line after the last: the answer is the group's ("(a) how
        // many … (b) how many …" then "Of the 34 complaints …"; two asks, then one paragraph).
        // Not when the last one's answer stands on its own line: a question answered in line
        // after others left blank.
        let seen = |i: usize| {
            found[i].restated.or_else(|| {
                let it = &q.items[i];
                (it.text_end > it.text_start).then_some((it.text_start, it.text_end))
            })
        };
        if let Some((_, k_end)) = seen(k) {
            if text[k_end.min(s)..s].contains('\n') {
                let mut next_start = seen(k).map_or(s, |(a, _)| a);
                let mut j = k;
                while j > 0 {
                    j -= 1;
                    let it = &q.items[j];
                    let Some((a, b)) = seen(j) else { break };
                    let gap_empty = text[b.min(next_start)..next_start]
                        .chars()
                        .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '?' | '.' | ':'));
                    // Numbered questions of the top level each take their own answer; a
                    // blank one among them was left blank.
                    let grouped = it.parent.is_some() || !it.numbered;
                    if found[j].span.is_some()
                        || it.header
                        || it.parent != q.items[k].parent
                        || !gap_empty
                        || !grouped
                    {
                        break;
                    }
                    targets.push(j);
                    if !run.contains(&j) {
                        run.push(j);
                    }
                    next_start = a;
                }
            }
        }
        if COVERS_ABOVE.is_match(head) {
            targets.extend(run.iter().copied());
        }
        for t in targets {
            if !run.contains(&t) || found[t].span.is_some() {
                continue;
            }
            found[t].span = Some((s, e));
            found[t].shared_from = Some(k);
            found[t].via = Via::Shared;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer text of the question with `key` in an analysis ("" when none).
    fn answer_of(a: &crate::model::Analysis, key: &str) -> String {
        a.questions
            .iter()
            .find(|q| q.key == key)
            .and_then(|q| q.answer.as_ref())
            .map(|x| x.text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn ordinal_words_name_several_questions() {
        let text = "Request\n1. How many visits were made?\n2. On what dates?\n3. Was the wall \
                    measured?\n\nResponse\n\nAs to your third question, the wall was \
                    measured at 1.8 metres.\n\nIn reply to your first and second questions, \
                    officers visited twice, on 12 May and 7 June 2023.\n";
        let a = crate::pipeline::analyse_text(text, "t.txt");
        assert!(
            answer_of(&a, "1").contains("12 May"),
            "{}",
            answer_of(&a, "1")
        );
        assert!(
            answer_of(&a, "2").contains("12 May"),
            "{}",
            answer_of(&a, "2")
        );
        assert!(answer_of(&a, "3").contains("1.8 metres"));
        assert!(!answer_of(&a, "3").contains("12 May"));
    }

    #[test]
    fn bare_letters_answer_the_parts_of_the_sole_numbered_question() {
        let text = "Request\n1. About your cycle scheme:\na) Do you run a cycle to work scheme?\n\
                    b) How many staff joined it in 2022?\nc) Is there a cap on its value?\n\n\
                    Decision\n\na. Yes, through salary sacrifice.\n\nb. 74 staff joined.\n\n\
                    c. No.\n";
        let a = crate::pipeline::analyse_text(text, "t.txt");
        let answer = |key: &str| answer_of(&a, key);
        assert!(
            answer("1a").starts_with("Yes, through"),
            "{:?}",
            answer("1a")
        );
        assert_eq!(answer("1b"), "74 staff joined.");
        assert_eq!(answer("1c"), "No.");
    }

    #[test]
    fn letters_listing_an_exemptions_limbs_are_no_answers() {
        let text = "Your request\n(a) List the empty dwellings.\n(b) The names of the payers.\n\n\
                    Our response\n(b) The names of the payers.\nWe withhold these under section \
                    40(2).\nDisclosure would be likely to prejudice:\na. the prevention of crime,\n\
                    b. the collection of any tax,\n";
        let a = crate::pipeline::analyse_text(text, "t.txt");
        let answer = |key: &str| answer_of(&a, key);
        assert!(!answer("a").contains("prevention"), "{:?}", answer("a"));
        assert!(answer("b").contains("section 40(2)"), "{:?}", answer("b"));
        assert!(enumerates(&Doc::new("x:\na. one,\n"), 3, 6, 11));
        assert!(!enumerates(&Doc::new("x:\na. Yes.\n"), 3, 6, 11));
    }

    #[test]
    fn with_regards_to_opens_a_sentence_not_a_sign_off() {
        assert!(BOILERPLATE.is_match("With kind regards,\nA Person"));
        assert!(BOILERPLATE.is_match("With regards\n"));
        assert!(!BOILERPLATE.is_match("With regards to the marked vehicles, the makes are given."));
    }

    #[test]
    fn a_reply_that_recalls_its_acknowledgement_answers() {
        assert!(acknowledges(
            "We acknowledge your request and will respond within 20 working days."
        ));
        assert!(!acknowledges(
            "Further to our acknowledgement we can now respond to your request as below."
        ));
        // Wrapped lines, and holding replies that promise the answer.
        assert!(acknowledges(
            "Your request has arrived. A reply should reach you within 20\nworking days."
        ));
        assert!(acknowledges(
            "We are gathering the last papers. We expect to reply in full within ten\nworking days."
        ));
    }

    #[test]
    fn word_alignment() {
        let q = "How many of those depots are shared (i.e. used by more than one other service)?";
        let r = "Q4a. How many of those depots are shared (i.e. used by more than one\nother service)?\n\nResponse: 150+";
        let qt = tokens(q, 0, q.len());
        let (matched, end, ok) = {
            let all = format!("{q}\n{r}");
            let qt2 = tokens(&all, 0, q.len());
            let from = q.len() + 1 + 5;
            let (m, e, ok) = align_words(&all, &qt2, from, all.len());
            (m, e - q.len() - 1, ok)
        };
        assert!(ok);
        assert_eq!(matched, qt.len());
        assert_eq!(&r[end..end + 2], ")?");
    }

    #[test]
    fn lettered_ranges() {
        let r = |l: &str| {
            lettered_range(l)
                .map(|(n, ls, k)| (n, ls.into_iter().collect::<String>(), l[k..].to_string()))
        };
        assert_eq!(
            r("2a-d. Not held."),
            Some((2, "abcd".into(), "Not held.".into()))
        );
        assert_eq!(
            r("1a - 1c: See above"),
            Some((1, "abc".into(), "See above".into()))
        );
        assert_eq!(
            r("2b), c) and d) No falls."),
            Some((2, "bcd".into(), "No falls.".into()))
        );
        assert_eq!(
            r("Q3(a) to (c) - None"),
            Some((3, "abc".into(), "None".into()))
        );
        assert_eq!(r("4a, b & d Yes"), Some((4, "abd".into(), "Yes".into())));
        // One part, a word, a different question's number.
        assert_eq!(r("2a. Not held."), None);
        assert_eq!(r("2 and 3 are not held"), None);
        assert_eq!(r("1a-2b Yes"), None);
        assert_eq!(r("3 a day"), None);
    }

    #[test]
    fn paraphrase_of_the_question() {
        let q = "Can you break down the categories of all calls relating to car meets?";
        assert!(paraphrases(
            "Breakdown of the categories of all calls relating to car meets",
            q
        ));
        assert!(!paraphrases(
            "Calls about car meets are recorded under a general code.",
            q
        ));
        let q3 = "In total, how many calls were made through 101/999 in 2023?";
        assert!(paraphrases(
            "Total number of 101/999 calls in 2023\nPlease find our response below.",
            q3
        ));
        assert!(!paraphrases(
            "412,806 calls were made through 101/999 in 2023.",
            q3
        ));
        // Not a panic on a word whose fifth byte is inside a character.
        assert!(!paraphrases(
            "caf\u{e9}s r\u{e9}sum\u{e9}s here",
            "caf\u{e9}\u{e9} r\u{e9}s\u{e9}\u{e9}?"
        ));
    }

    #[test]
    fn labels() {
        assert_eq!(strip_labels("Response: Yes."), "Yes.");
        assert_eq!(strip_labels("Answer - 23"), "23");
        assert_eq!(
            strip_labels("Responses were received"),
            "Responses were received"
        );
        assert!(is_label_only("Our response"));
        assert!(is_label_only("Response:"));
        assert!(!is_label_only("Yes"));
    }
}
