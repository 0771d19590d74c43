//! The whole data flow for one input, stage by stage.

use crate::decode::decode;
use crate::model::*;
use crate::normalise::normalise;
use crate::text::{one_line, Doc};
use crate::{
    align, calendar, classify, dates, exemptions, markers, messages, metadata, questionnaire,
    values,
};
use crate::{binary_text, request_count, whole_request};

/// Analyses one input. Never panics on any input and never fails: what could not be read is
/// reported in `diagnostics` (with an `error` level when nothing could be read at all).
pub fn analyse(bytes: &[u8], name: &str) -> Analysis {
    analyse_decoded_input(bytes, name, decode(bytes))
}

/// Analyses `bytes` as decoded elsewhere (`decoded`: by [`crate::decode::decode_opts`], or by
/// another build of the decoder, as in the page): the same as [`analyse`] from there on.
pub fn analyse_decoded_input(
    bytes: &[u8],
    name: &str,
    decoded: Result<crate::decode::Decoded, Diagnostic>,
) -> Analysis {
    let mut source = Source {
        name: name.to_string(),
        bytes: bytes.len(),
        ..Source::default()
    };
    match decoded {
        Ok(decoded) => {
            // Only text that arrived as text can be a binary file pasted; a reader's output (an
            // e-mail body in a broken charset) is what that file holds.
            if decoded.format == "text" {
                if let Some(d) = binary_text::refusal(&decoded.text) {
                    source.format = "binary".into();
                    return empty_analysis(source, vec![d]);
                }
            }
            source.format = decoded.format.into();
            source.encoding = decoded.encoding.into();
            source.parts = decoded.parts;
            let mut a = analyse_decoded(&decoded.text, source);
            // A mailbox's separate conversations are counted from its raw headers, which the
            // e-mail reader has replaced by one rendered thread.
            if decoded.format == "mbox" && !a.diagnostics.iter().any(|d| d.code == "many-requests")
            {
                let raw = String::from_utf8_lossy(bytes);
                if let Some(mut d) = request_count::diagnostic(&Doc::new(&raw)) {
                    d.span = None;
                    a.diagnostics.push(d);
                }
            }
            let mut diags = decoded.diagnostics;
            diags.append(&mut a.diagnostics);
            a.diagnostics = diags;
            a
        }
        Err(d) => {
            source.format = if d.code == "empty-input" {
                "empty".into()
            } else {
                "binary".into()
            };
            empty_analysis(source, vec![d])
        }
    }
}

/// A refusal of the request as a whole decides every question: each is refused, under the
/// provisions the refusal cites, with that sentence as its evidence.
fn refuse_all(questions: &mut [Question], cited: &[Exemption], basis: impl Fn() -> Basis) {
    for q in questions.iter_mut().filter(|q| !q.header) {
        q.status = Status::Refused;
        q.status_basis = Some(basis());
        for e in cited {
            if !q.exemptions.iter().any(|x| x.section == e.section) {
                q.exemptions.push(e.clone());
            }
        }
    }
}

/// The verdict on the sentences of a shared answer that speak of question `i` (see
/// [`focus`](crate::focus)); `None` when the answer is its own,
/// when no sentence belongs to other questions alone, or when the narrower reading is no
/// answer at all.
fn focused_verdict(
    text: &str,
    found: &[align::Found],
    q: &questionnaire::Questionnaire,
    i: usize,
    law: crate::model::Law,
    values: &[crate::model::Value],
) -> Option<classify::Verdict> {
    let own = &found[i];
    let group: Vec<usize> = (0..found.len())
        .filter(|&j| !q.items[j].header && found[j].span.is_some() && found[j].text == own.text)
        .collect();
    if group.len() < 2 {
        return None;
    }
    let me = group.iter().position(|&j| j == i)?;
    let asks: Vec<&str> = group.iter().map(|&j| q.items[j].text.as_str()).collect();
    let sentences = classify::answer_sentences(text, &own.parts);
    let kept = crate::focus::focus(text, &sentences, &asks, me)?;
    let joined: Vec<&str> = kept.iter().map(|&(s, e)| text[s..e].trim()).collect();
    let narrow = joined.join(" ");
    let cited = exemptions::cited(&narrow, law);
    let sig = classify::signals(&narrow, &cited);
    let kept_values: Vec<crate::model::Value> = values
        .iter()
        .filter(|v| {
            kept.iter()
                .any(|&(s, e)| v.span.start >= s && v.span.start < e)
        })
        .cloned()
        .collect();
    let v = classify::decide(text, &kept, &narrow, &sig, &cited, &kept_values);
    // A refusal read from fewer sentences may have lost the figures that made it partial.
    matches!(
        v.status,
        Status::Answered | Status::NotHeld | Status::Referred
    )
    .then_some(v)
}

/// "Do you have a contract? If so, who holds it?": when the question before is answered no, a
/// question that asks only if it were yes does not apply, whether the reply says nothing more
/// or answers both in one passage ("No contract is in place, so there is no external cost").
fn conditions_unmet(questions: &mut [Question]) {
    const IF_YES: [&str; 8] = [
        "if so",
        "if yes",
        "if you do",
        "if you have",
        "if there is",
        "if there are",
        "if it does",
        "if applicable",
    ];
    for i in 1..questions.len() {
        let (before, rest) = questions.split_at_mut(i);
        let (prev, q) = (&before[i - 1], &mut rest[0]);
        let lower = q.text.trim_start().to_ascii_lowercase();
        if q.header || !IF_YES.iter().any(|p| lower.starts_with(p)) {
            continue;
        }
        let said_no = prev.values.iter().any(|v| {
            v.kind == crate::model::ValueKind::Boolean
                && v.value == crate::model::Scalar::Bool(false)
        });
        let nothing_of_its_own = q.answer.is_none()
            || q.answer.as_ref().map(|a| &a.text) == prev.answer.as_ref().map(|a| &a.text);
        if said_no && nothing_of_its_own && !matches!(q.status, Status::Refused | Status::Ncnd) {
            q.status = Status::NotApplicable;
            q.status_basis = prev.status_basis.clone();
        }
    }
}

/// The exemptions that notes naming a question cite, beyond those its answer cites.
fn notes_exemptions(
    text: &str,
    notes: &[(usize, usize)],
    have: &[Exemption],
    law: crate::model::Law,
) -> Vec<Exemption> {
    let mut out: Vec<Exemption> = Vec::new();
    for &(s, e) in notes {
        for x in exemptions::cited(&text[s..e], law) {
            if !have.iter().chain(&out).any(|h| h.section == x.section) {
                out.push(x);
            }
        }
    }
    out
}

/// Whether a note naming question `i` refuses it in so many words. A note often names several
/// questions in clauses of their own ("We can only answer Q1, the other Q2 & Q3 would take too
/// long"): the refusal goes to the questions of its clause, and a clause naming none continues
/// the one before ("In relation to questions 1 to 4, the information is withheld").
fn notes_refuse(
    text: &str,
    notes: &[(usize, usize)],
    q: &questionnaire::Questionnaire,
    i: usize,
) -> bool {
    notes.iter().any(|&(s, e)| {
        let mut refs: Vec<usize> = Vec::new();
        text[s..e]
            .split([',', ';', ':'])
            .flat_map(|c| c.split(" but "))
            .any(|clause| {
                let own = align::question_refs(q, clause);
                if !own.is_empty() {
                    refs = own;
                }
                refs.contains(&i) && classify::signals(clause, &[]).refused
            })
    })
}

/// Analyses text that is already decoded (a paste).
pub fn analyse_text(text: &str, name: &str) -> Analysis {
    analyse(text.as_bytes(), name)
}

fn empty_analysis(source: Source, diagnostics: Vec<Diagnostic>) -> Analysis {
    Analysis {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        source,
        thread: Thread::default(),
        questions: Vec::new(),
        diagnostics,
    }
}

fn analyse_decoded(text: &str, mut source: Source) -> Analysis {
    source.text_bytes = text.len();
    let norm = normalise(text);
    let doc = Doc::new(&norm.text);
    let map = |s: usize, e: usize| Span::new(norm.map.original(s), norm.map.original(e));
    // Where the input itself marks messages (a saved WhatDoTheyKnow page's correspondence
    // items), the splitter is told their first lines.
    let starts: Vec<usize> = source
        .parts
        .iter()
        .filter(|p| p.kind == "message")
        .map(|p| doc.line_of(normalised_offset(&norm, p.span.start)))
        .collect();
    let thread = messages::split_at(&doc, &starts);
    let marks = markers::find(&doc);
    let q = questionnaire::find(&doc, &thread, &marks).unwrap_or_default();
    let request_msg = if q.from_request { q.msg } else { None };
    let skip: Vec<(usize, usize)> = q.items.iter().map(|i| (i.text_start, i.text_end)).collect();
    let meta = metadata::read(&doc, &thread, request_msg, &skip);
    let law = meta.law;
    let found = align::align(&doc, &thread, &marks, &q);

    // Questions: answer, values, exemptions, status.
    let mut questions: Vec<Question> = Vec::with_capacity(q.items.len());
    let mut cross: Vec<Option<usize>> = Vec::with_capacity(q.items.len());
    let mut values_memo = values::Memo::default();
    let mut read: Vec<(&str, Vec<Exemption>, classify::Signals)> = Vec::new();
    for (i, item) in q.items.iter().enumerate() {
        let f = &found[i];
        let mut values = Vec::new();
        // A part that is no question itself ("a) Abatement notices served", "Unknown?") asks
        // what its parent asks ("How many of these actions were taken …?"): a "None" under it
        // is 0.
        let asked = match item.parent {
            Some(p) if !item.text.contains('?') || !values::says_what_it_asks(&item.text) => {
                std::borrow::Cow::Owned(format!("{} {}", q.items[p].text, item.text))
            }
            _ => std::borrow::Cow::Borrowed(item.text.as_str()),
        };
        for &(a, b) in &f.parts {
            values.extend(values::extract_memo(
                &asked,
                &norm.text[a..b],
                a,
                &mut values_memo,
            ));
        }
        // An answer shared by several questions is read once: the provisions it cites and its
        // signals are functions of its words (and the reply's law) alone.
        let (mut exemptions, sig) = match read.iter().find(|(t, ..)| *t == f.text.as_str()) {
            Some((_, e, s)) => (e.clone(), s.clone()),
            None => {
                let voice = classify::reply_voice(&f.text);
                let e = exemptions::cited(&voice, law);
                let s = classify::signals(&voice, &e);
                read.push((f.text.as_str(), e.clone(), s.clone()));
                (e, s)
            }
        };
        let mut verdict =
            classify::decide(&norm.text, &f.parts, &f.text, &sig, &exemptions, &values);
        // An answer shared with other questions that reads as partial: the sentences that
        // speak of this question decide for it.
        if verdict.status == Status::Partial {
            if let Some(v) = focused_verdict(&norm.text, &found, &q, i, law, &values) {
                verdict = v;
            }
        }
        let mut status = verdict.status;
        // A note elsewhere that names this question and cites an exemption ("In relation to
        // questions 1 to 4 for the earlier years … section 21") withholds part of it.
        let noted = notes_exemptions(&norm.text, &f.notes, &exemptions, law);
        if !noted.is_empty() {
            exemptions.extend(noted);
            if status == Status::Answered {
                status = Status::Partial;
            }
        } else if status == Status::Answered && notes_refuse(&norm.text, &f.notes, &q, i) {
            // "We can answer Q1; Q2 and Q3 would take a great deal of time to work out": a
            // note that refuses this question without citing a section. An answer with no
            // figure of its own ("the information is held") is then no answer at all.
            status = if values.is_empty() {
                Status::Refused
            } else {
                Status::Partial
            };
        }
        let status_basis = verdict.basis.map(|(s, e)| {
            // The sentence without the answer's label ("Response: Yes." is "Yes.").
            let s = (s + align::label_len(&norm.text[s..e])).min(e);
            Basis {
                text: one_line(&norm.text[s..e]),
                span: map(s, e),
            }
        });
        for v in &mut values {
            v.span = map(v.span.start, v.span.end);
        }
        let target = sig
            .cross_ref
            .as_deref()
            .and_then(|k| q.index_of_key(k))
            .filter(|&t| t != i);
        cross.push(target.filter(|_| sig.only_cross_ref));
        questions.push(Question {
            id: item.id.clone(),
            key: item.key.clone(),
            parent: item.parent.map(|p| q.items[p].id.clone()),
            header: item.header,
            text: item.text.clone(),
            span: (item.text_end > item.text_start).then(|| map(item.text_start, item.text_end)),
            answer: f.span.map(|(s, e)| Answer {
                text: f.text.clone(),
                span: map(s, e),
            }),
            status,
            status_basis,
            exemptions,
            values,
            refers_to: target.map(|t| q.items[t].id.clone()),
        });
    }
    inherit_cross_references(&mut questions, &cross);
    notice_below(&mut questions);
    inherit_from_parents(&mut questions, &q, &found);
    conditions_unmet(&mut questions);
    answer_from_parts(&mut questions, &q);
    let own_answers: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| !matches!(f.via, align::Via::Shared | align::Via::Letter))
        .filter_map(|f| f.span)
        .collect();
    let request_spans: Vec<(usize, usize)> =
        std::iter::once(q.span).chain(q.request_section).collect();
    if let Some(((s, e), cited)) =
        whole_request::refusal(&norm.text, &thread, law, &request_spans, &own_answers)
    {
        refuse_all(&mut questions, &cited, || Basis {
            text: one_line(&norm.text[s..e]),
            span: map(s, e),
        });
    }
    header_from_parts(&mut questions, &q);

    // Thread.
    let statuses: Vec<Status> = questions
        .iter()
        .filter(|q| !q.header)
        .map(|q| q.status)
        .collect();
    let answer_spans: Vec<(usize, usize)> = found.iter().filter_map(|f| f.span).collect();
    let mut msgs = Vec::with_capacity(thread.msgs.len());
    let mut kinds = Vec::with_capacity(thread.msgs.len());
    let mut thread_exemptions: Vec<Exemption> = Vec::new();
    let mut responded_msg: Option<dates::Date> = None;
    for (i, m) in thread.msgs.iter().enumerate() {
        let body = &norm.text[m.start..m.end];
        let has_answers = answer_spans.iter().any(|&(s, _)| s >= m.start && s < m.end);
        let is_request = (Some(i) == q.msg && q.from_request) || (m.from_requester && m.quoted);
        let kind = message_kind(m.from_requester, is_request, has_answers, body);
        if kind == MessageKind::Response && !m.quoted && responded_msg.is_none() {
            responded_msg = m.date;
        }
        if !m.from_requester && !m.quoted {
            for e in exemptions::cited(body, law) {
                let in_answers = questions.iter().any(|q| q.exemptions.contains(&e));
                if !in_answers && !thread_exemptions.contains(&e) {
                    thread_exemptions.push(e);
                }
            }
        }
        kinds.push(kind);
        let sender = m
            .sender
            .clone()
            .or_else(|| m.from_requester.then(|| meta.requester.clone()).flatten());
        msgs.push(Message {
            kind,
            sender,
            date: m.date.map(|d| d.iso()),
            span: map(m.start, m.end),
            quoted: m.quoted,
        });
    }
    let responded = meta.responded.or(responded_msg);
    let due = metadata::due(meta.received, meta.due_stated, law);
    let due_date = due.as_ref().and_then(|d| dates::Date::parse_iso(&d.value));
    let late = match (responded, due_date) {
        (Some(r), Some(d)) => Some(r > d),
        _ => None,
    };
    let working_days_taken = match (meta.received, responded) {
        (Some(a), Some(b)) if b >= a => {
            Some(calendar::working_days_between(a, b, law).max(0) as u32)
        }
        _ => None,
    };
    let (outcome, outcome_basis) =
        metadata::outcome(thread.header.status.as_deref(), &statuses, &kinds);
    let thread_out = Thread {
        title: meta.title,
        authority: meta.authority,
        requester: meta.requester,
        references: meta.references,
        law,
        received: meta.received.map(|d| d.iso()),
        responded: responded.map(|d| d.iso()),
        due,
        late,
        working_days_taken,
        outcome,
        outcome_basis,
        exemptions: thread_exemptions,
        messages: msgs,
    };
    let mut diagnostics = diagnose(&doc, &q, &questions, &found, &thread);
    if let Some(mut d) = request_count::diagnostic(&doc) {
        d.span = d.span.map(|s| map(s.start, s.end));
        diagnostics.push(d);
    }
    Analysis {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        source,
        thread: thread_out,
        questions,
        diagnostics,
    }
}

/// The first normalised offset that maps to `original` or after it.
fn normalised_offset(norm: &crate::normalise::Normalised, original: usize) -> usize {
    let (mut lo, mut hi) = (0, norm.text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if norm.map.original(mid) < original {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// A message's kind from who wrote it and what it says.
fn message_kind(
    from_requester: bool,
    is_request: bool,
    has_answers: bool,
    body: &str,
) -> MessageKind {
    // The first 1500 characters, sliced (collecting them char by char cost as much as the
    // stage's patterns).
    let end = if body.len() <= 1500 || body.as_bytes()[..1500].is_ascii() {
        body.len().min(1500)
    } else {
        body.char_indices().nth(1500).map_or(body.len(), |(i, _)| i)
    };
    let head = body[..end].to_ascii_lowercase();
    if from_requester {
        if is_request {
            return MessageKind::Request;
        }
        return if head.contains("internal review") {
            MessageKind::InternalReviewRequest
        } else {
            MessageKind::FollowUp
        };
    }
    if head.contains("internal review")
        && (head.contains("outcome")
            || head.contains("upheld")
            || head.contains("reviewed")
            || head.contains("review of"))
    {
        return MessageKind::InternalReview;
    }
    if has_answers {
        return MessageKind::Response;
    }
    if head.contains("acknowledg") {
        return MessageKind::Acknowledgement;
    }
    if head.contains("clarif")
        || head.contains("not valid")
        || head.contains("provide a name")
        || head.contains("further information from you")
    {
        return MessageKind::Clarification;
    }
    if head.contains("acknowledg")
        || head.contains("will receive a response")
        || head.contains("expect to receive")
        || head.contains("working days")
        || head.contains("being considered")
        || head.contains("been received")
        || head.contains("was received")
    {
        return MessageKind::Acknowledgement;
    }
    if head.contains("please find")
        || head.contains("response")
        || head.contains("information requested")
    {
        return MessageKind::Response;
    }
    MessageKind::Other
}

/// "Please see our answer to question 3" takes question 3's status and exemptions.
/// An answer that only points at the refusal notice further on ("Please see the refusal notice
/// below.") takes the provisions that notice cites: the first later answer that holds a
/// refusal notice and cites a provision (the notice runs on after the last answer, so it is
/// that answer's passage).
fn notice_below(questions: &mut [Question]) {
    for i in 0..questions.len() {
        let points = questions[i].answer.as_ref().is_some_and(|a| {
            let t = a.text.to_ascii_lowercase();
            t.len() < 120
                && t.contains("refusal notice")
                && (t.contains("below") || t.contains("following"))
        });
        if !points || !questions[i].exemptions.is_empty() {
            continue;
        }
        let notice = questions[i + 1..]
            .iter()
            .find(|q| {
                !q.exemptions.is_empty()
                    && q.answer.as_ref().is_some_and(|a| {
                        let t = a.text.to_ascii_lowercase();
                        t.contains("refusal notice") && t.len() >= 120
                    })
            })
            .map(|q| q.exemptions.clone());
        if let Some(ex) = notice {
            questions[i].exemptions = ex;
            if questions[i].status == Status::Answered {
                questions[i].status = Status::Refused;
            }
        }
    }
}

fn inherit_cross_references(questions: &mut [Question], cross: &[Option<usize>]) {
    for _ in 0..4 {
        let mut changed = false;
        for i in 0..questions.len() {
            let Some(t) = cross[i] else { continue };
            let (status, ex) = (questions[t].status, questions[t].exemptions.clone());
            if status != Status::Unanswered
                && (questions[i].status != status || questions[i].exemptions != ex)
            {
                questions[i].status = status;
                questions[i].status_basis = questions[t].status_basis.clone();
                questions[i].exemptions = ex;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Sub-questions left without an answer take their parent's refusal, referral, "not held" or
/// "not applicable": one answer covering a question covers its parts. An answer that gives
/// figures covers them too, when the reply never restates the parts on their own (it answers
/// "1)" with every figure of 1(a)–1(c)); a part restated without an answer stays unanswered.
fn inherit_from_parents(
    questions: &mut [Question],
    q: &questionnaire::Questionnaire,
    found: &[align::Found],
) {
    for p in 0..questions.len() {
        let st = questions[p].status;
        if !matches!(
            st,
            Status::Refused
                | Status::Ncnd
                | Status::NotHeld
                | Status::Referred
                | Status::NotApplicable
                | Status::Answered
                | Status::Partial
        ) {
            continue;
        }
        let children: Vec<usize> = (0..q.items.len())
            .filter(|&c| q.items[p].label.is_ancestor_of(&q.items[c].label))
            .collect();
        if children.is_empty() || !children.iter().all(|&c| questions[c].answer.is_none()) {
            continue;
        }
        if matches!(st, Status::Answered | Status::Partial)
            && children.iter().any(|&c| found[c].restated.is_some())
        {
            continue;
        }
        for c in children {
            questions[c].status = st;
            questions[c].status_basis = questions[p].status_basis.clone();
            questions[c].exemptions = questions[p].exemptions.clone();
            questions[c].answer = questions[p].answer.clone();
        }
    }
}

/// A question left without words of its own whose parts are all answered is answered by them:
/// "3) How many warnings in these years? a) 22/23 b) 23/24" restated, with "a) 0" "b) 1" under
/// it. Its answer is its parts' answers, its values theirs in order, its status theirs when
/// they agree and partial when some part is answered and another is not.
fn answer_from_parts(questions: &mut [Question], q: &questionnaire::Questionnaire) {
    for p in 0..questions.len() {
        if questions[p].header || questions[p].answer.is_some() {
            continue;
        }
        let parts = parts_of(q, p);
        if parts.len() < 2 || parts.iter().any(|&c| questions[c].answer.is_none()) {
            continue;
        }
        let Some((status, basis, exemptions)) = parts_verdict(questions, &parts) else {
            continue;
        };
        // From the first word of any part's answer to the last: the parts' answers need not
        // stand in the parts' order (a reply that answers 13d before 13a).
        let spans = || {
            parts
                .iter()
                .filter_map(|&c| questions[c].answer.as_ref().map(|a| a.span))
        };
        let (Some(start), Some(end)) =
            (spans().map(|s| s.start).min(), spans().map(|s| s.end).max())
        else {
            continue;
        };
        let span = crate::model::Span { start, end };
        let text = parts
            .iter()
            .filter_map(|&c| questions[c].answer.as_ref().map(|a| a.text.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        let values = parts
            .iter()
            .flat_map(|&c| questions[c].values.iter().cloned())
            .collect();
        let question = &mut questions[p];
        question.answer = Some(Answer { text, span });
        question.status = status;
        question.status_basis = basis;
        question.exemptions = exemptions;
        question.values = values;
    }
}

/// A heading that groups parts ("3. How many conferences resulted in:" over 3(a)–3(e)) has no
/// answer of its own: it carries its parts' status when they agree (all refused, all not
/// held), and partial when some are answered and some not, with their exemptions.
fn header_from_parts(questions: &mut [Question], q: &questionnaire::Questionnaire) {
    for p in 0..questions.len() {
        if !questions[p].header || questions[p].status != Status::Unanswered {
            continue;
        }
        let parts = parts_of(q, p);
        if parts.is_empty()
            || parts
                .iter()
                .any(|&c| questions[c].status == Status::Unanswered)
        {
            continue;
        }
        if let Some((status, basis, exemptions)) = parts_verdict(questions, &parts) {
            let question = &mut questions[p];
            question.status = status;
            question.status_basis = basis;
            question.exemptions = exemptions;
        }
    }
}

/// The direct parts of question `p`.
fn parts_of(q: &questionnaire::Questionnaire, p: usize) -> Vec<usize> {
    (0..q.items.len())
        .filter(|&c| q.items[c].parent == Some(p))
        .collect()
}

/// What the parts say together: their status when they agree, partial when some are answered
/// and some not (`None` when none is answered and they disagree), the
/// first part's basis, and the provisions any of them cites.
fn parts_verdict(
    questions: &[Question],
    parts: &[usize],
) -> Option<(Status, Option<Basis>, Vec<Exemption>)> {
    let first = questions[*parts.first()?].status;
    let status = if parts.iter().all(|&c| questions[c].status == first) {
        first
    } else if parts
        .iter()
        .any(|&c| matches!(questions[c].status, Status::Answered | Status::Partial))
    {
        Status::Partial
    } else {
        return None;
    };
    let mut exemptions: Vec<Exemption> = Vec::new();
    for &c in parts {
        for e in &questions[c].exemptions {
            if !exemptions.contains(e) {
                exemptions.push(e.clone());
            }
        }
    }
    Some((status, questions[parts[0]].status_basis.clone(), exemptions))
}

/// What the engine could not do, in words.
fn diagnose(
    doc: &Doc,
    q: &questionnaire::Questionnaire,
    questions: &[Question],
    found: &[align::Found],
    thread: &messages::Thread,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if questions.is_empty() {
        let lines = doc.line_count();
        let words = doc.text.split_whitespace().count();
        if questionnaire::looks_like_foi(doc.text) {
            out.push(Diagnostic {
                level: Level::Warning,
                code: "no-questions",
                message: format!("No questions were found in this text ({lines} lines, {words} words). It reads like FOI correspondence, but has no numbered questions and no question the request asked: is it an acknowledgement, a covering note for an attachment, or only part of the reply?"),
                span: None,
            });
        } else {
            out.push(Diagnostic {
                level: Level::Error,
                code: "not-foi",
                message: format!("This does not look like an FOI request or reply: {lines} lines, {words} words, no numbered questions and no words of a request for information or a reply to one."),
                span: None,
            });
        }
        return out;
    }
    let answered = found.iter().filter(|f| f.span.is_some()).count();
    if answered == 0 {
        let only_request = thread.msgs.iter().all(|m| m.from_requester);
        out.push(Diagnostic {
            level: Level::Warning,
            code: "no-answers",
            message: if only_request {
                format!("{} questions were found, but no reply: the text seems to hold only the request.", questions.len())
            } else {
                format!("{} questions were found, but none of them is answered in the reply.", questions.len())
            },
            span: None,
        });
    }
    if !q.from_request {
        out.push(Diagnostic {
            level: Level::Info,
            code: "request-not-found",
            message:
                "The original request is not in the text; its questions were read from the reply."
                    .into(),
            span: None,
        });
    }
    if !q.items.is_empty() && q.items.iter().all(|i| !i.numbered) {
        out.push(Diagnostic {
            level: Level::Info,
            code: "unnumbered-questions",
            message: "The request does not number its questions; they are numbered here 1, 2, 3… in the order asked.".into(),
            span: None,
        });
    }
    out
}

/// The text the spans of an analysis index (the input as decoded), for showing the source.
pub fn decoded_text(bytes: &[u8]) -> Option<String> {
    decode(bytes)
        .ok()
        .filter(|d| d.format != "text" || !binary_text::looks_like_pasted_binary(&d.text))
        .map(|d| d.text)
}
