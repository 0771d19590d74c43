//! The questionnaire of a reply laid out in request and response sections
//! ([`crate::sections`]): each request section's questions, in order, with the response section
//! that answers them.
//!
//! Inside a request section the questions are, in order of preference: its numbered list (the
//! longest run of numbers at line starts), its bullets (a bullet that ends with a colon heads the
//! bullets after it: the reply numbers them "1." then "a)", "b)"), its sentences that ask, or the
//! whole section as one question. Lists that restart at 1 in every section are renumbered in
//! order, so five "Request / Reply" pairs each numbered "1." are questions 1 to 5.

use crate::markers::{Label, Marker, Part, Style};
use crate::messages::Thread;
use crate::sections::Unit;
use crate::text::Doc;

use super::{block_items, build_blocks, sentences, QItem, Questionnaire};

/// The questionnaire read from `units`, or `None` when no request section asks anything.
pub(super) fn from_units(
    doc: &Doc,
    thread: &Thread,
    markers: &[Marker],
    units: &[Unit],
) -> Option<Questionnaire> {
    let mut items: Vec<QItem> = Vec::new();
    let mut groups: Vec<(Vec<usize>, (usize, usize))> = Vec::new();
    let mut top = 0u32;
    let mut run_in = false;
    let mut restated: Vec<usize> = Vec::new();
    // How many questions each question's section asked.
    let mut asked_with: Vec<usize> = Vec::new();
    for u in units {
        let (s, e) = u.request;
        let (mut unit_items, unit_run_in, interleaved) =
            section_items(doc, thread, markers, s, e, top, u.implicit);
        run_in |= unit_run_in && units.len() == 1;
        if unit_items.is_empty() {
            continue;
        }
        // A later "You asked: 1. …" that restates questions already read from the request
        // section above ("FOI Request" in prose, then each ask restated over its answer) adds
        // no question: its response answers those.
        let response = match u.response {
            Some((_, re_)) if interleaved => (s, re_.max(e)),
            Some(r) => r,
            None if interleaved => (s, e),
            None => (e, e),
        };
        // (Only questions that were asked together: a reply of "Request / Reply" blocks, one
        // ask each, asks again in like words about something else.)
        let asked_together = |i: &usize| asked_with.get(*i).is_some_and(|&n| n >= 2);
        if let Some(earlier) = restates(&items, &restated, &unit_items)
            .filter(|earlier| earlier.iter().all(asked_together))
        {
            for g in groups.iter_mut() {
                g.0.retain(|i| !earlier.contains(i));
            }
            restated.extend(earlier.iter().copied());
            groups.push((earlier, response));
            continue;
        }
        renumber_after(&mut unit_items, top);
        top = unit_items
            .iter()
            .filter_map(|q| q.label.main())
            .max()
            .unwrap_or(top);
        let base = items.len();
        for q in &mut unit_items {
            q.parent = q.parent.map(|p| p + base);
        }
        let idxs: Vec<usize> = (base..base + unit_items.len()).collect();
        items.extend(unit_items);
        asked_with.resize(items.len(), idxs.len());
        // A request section that holds its answers under labels answers itself.
        groups.push((idxs, response));
    }
    if items.is_empty() {
        return None;
    }
    if let ([only], [_]) = (items.as_slice(), units) {
        if let Some(parts) = sole_sentence_asks(doc.text, only) {
            items.clear();
            for (a, b) in parts {
                let n = items.len() as u32 + 1;
                push(&mut items, doc.text, a, b, vec![Part::Num(n)]);
            }
            groups[0].0 = (0..items.len()).collect();
        }
    }
    let span = (
        items[0].marker.map_or(items[0].text_start, |(s, _)| s),
        items[items.len() - 1].text_end,
    );
    let msg = thread.msg_at(span.0);
    Some(Questionnaire {
        span,
        regions: groups
            .iter()
            .map(|(_, r)| *r)
            .filter(|r| r.0 < r.1)
            .collect(),
        units: groups,
        request_section: None,
        items,
        material: Vec::new(),
        from_request: false,
        msg,
        run_in,
        dash_answered: false,
        sectioned: true,
    })
}

/// The earlier questions that `later` restates, one each in order, or `None` unless every
/// one of `later` and a distinct earlier question not yet restated share most of the words of
/// each.
fn restates(items: &[QItem], restated: &[usize], later: &[QItem]) -> Option<Vec<usize>> {
    if later.is_empty() || items.is_empty() {
        return None;
    }
    let mut out: Vec<usize> = Vec::new();
    for it in later {
        let words = crate::align::content_words(&it.text);
        if words.len() < 4 {
            return None;
        }
        let best = (0..items.len())
            .filter(|i| !restated.contains(i) && !out.contains(i) && !items[*i].header)
            .map(|i| {
                let theirs = crate::align::content_words(&items[i].text);
                let shared = words.iter().filter(|w| theirs.contains(w)).count();
                (shared, theirs.len(), i)
            })
            .max()?;
        let (shared, theirs, i) = best;
        if shared * 5 < words.len() * 3 || shared * 5 < theirs * 3 {
            return None;
        }
        out.push(i);
    }
    Some(out)
}

/// A request of one unnumbered sentence that asks several things with question words ("I would
/// like to know why the 23 people were in custody and whether CCTV footage was kept"): each ask
/// is a question. Only for a lone request section: where each question has its own "Your
/// question:" and answer, a sentence asking "how many … and how much …" is answered at once.
/// A clause that only sets the scene ("I understand you produce a report …; could you …") is
/// no ask: every part after the first must open with a question word.
fn sole_sentence_asks(text: &str, only: &QItem) -> Option<Vec<(usize, usize)>> {
    if only.marker.is_some() || only.parent.is_some() || only.header {
        return None;
    }
    let parts = super::prose::split_asks(text, only.text_start, only.text_end);
    let opens_wh = |&(a, b): &(usize, usize)| {
        let first = text[a..b].split_whitespace().next().unwrap_or("");
        super::prose::QUESTION_WORDS
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
    };
    (parts.len() >= 2 && parts[1..].iter().all(opens_wh)).then_some(parts)
}

/// A unit's questions, whether they were read as a run-in list, and whether the section holds
/// their answers under labels. Generated numbers continue from `top`.
fn section_items(
    doc: &Doc,
    thread: &Thread,
    markers: &[Marker],
    s: usize,
    e: usize,
    top: u32,
    implicit: bool,
) -> (Vec<QItem>, bool, bool) {
    let text = doc.text;
    // 1. A numbered list at line starts.
    let (a, b) = (
        markers.partition_point(|m| m.start < s),
        markers.partition_point(|m| m.start < e),
    );
    let indent = |i: usize| markers[i].start - doc.start_of_line_at(markers[i].start);
    let top_indent = (a..b)
        .filter(|&i| {
            markers[i].line_start && matches!(markers[i].label.0.first(), Some(Part::Num(_)))
        })
        .map(indent)
        .min();
    // A numbered list indented under an item of the list ("  1. A list of houses that are:" /
    // "    1. Licensed") details that item: its numbers are no questions of their own.
    // Unless it asks questions of its own under an item that only leads in to them ("  1. …
    // what was the:" / "    1. Total value of grants?"): those are the item's parts, 1.1, 1.2.
    let mut idxs: Vec<usize> = Vec::new();
    let (mut outer, mut nest) = (None, None);
    for i in (a..b)
        .filter(|&i| markers[i].style != Style::Answer && !thread.in_furniture(markers[i].start))
    {
        let m = &markers[i];
        let numbered = m.line_start && matches!(m.label.0.first(), Some(Part::Num(_)));
        if numbered && top_indent.is_some_and(|t| indent(i) > t + 1) {
            match nest {
                Some((o, _)) if indent(i) > o => {}
                _ => {
                    nest = outer.and_then(|p| super::opens_inner_asks(doc, &markers[p], m));
                    if nest.is_none() {
                        continue;
                    }
                }
            }
        } else if numbered {
            (outer, nest) = (Some(i), None);
        }
        idxs.push(i);
    }
    // A list at line starts keeps only its line-start markers when most of its inline parts
    // are options: "a) 2014, b) 2015" inside a question are no sub-questions. Even then a
    // question whose every part asks keeps them ("the (1) total number …, (2) who …" beside
    // another's "in (1) year one, (2) year two"). A list run on in one paragraph keeps all.
    let blocks: Vec<super::Block> = build_blocks(doc, markers, &idxs)
        .into_iter()
        .map(|b| {
            let at_start = b.iter().filter(|(i, _)| markers[*i].line_start).count();
            if at_start < 2 {
                return b;
            }
            // Whether each inline part asks (a line-start marker never counts).
            let asks: Vec<bool> = (0..b.len())
                .map(|k| {
                    let from = markers[b[k].0].end;
                    let to = b.get(k + 1).map_or(e, |(j, _)| markers[*j].start).max(from);
                    !markers[b[k].0].line_start && super::question_like(&text[from..to])
                })
                .collect();
            let inline = b.iter().filter(|(i, _)| !markers[*i].line_start).count();
            if asks.iter().filter(|&&a| a).count() * 2 >= inline {
                return b;
            }
            // The inline parts under each line-start marker, kept or dropped together.
            let mut keep = vec![true; b.len()];
            let mut k = 0;
            while k < b.len() {
                let group = k
                    + 1
                    + b[k + 1..]
                        .iter()
                        .take_while(|(i, _)| !markers[*i].line_start)
                        .count();
                let inline = group - k - 1;
                let asking = asks[k + 1..group].iter().filter(|&&a| a).count();
                if asking < inline {
                    keep[k + 1..group].iter_mut().for_each(|x| *x = false);
                }
                k = group;
            }
            b.into_iter()
                .zip(keep)
                .filter_map(|(m, k)| k.then_some(m))
                .collect()
        })
        .collect();
    // Parts numbered inside one line ("… for i) Tier 1 ii) Tier 2") are no list of questions
    // when the section's questions are bullets: the parts belong to a bullet.
    let mut bullets = None;
    if let Some(best) = blocks.iter().max_by_key(|b| b.len()) {
        let inside_one_line = best.iter().all(|(i, _)| {
            !markers[*i].line_start
                && doc.line_of(markers[*i].start) == doc.line_of(markers[best[0].0].start)
        });
        let in_a_bullet = inside_one_line
            && bullets
                .get_or_insert_with(|| bullet_items(doc, s, e, top))
                .len()
                >= 2;
        if !in_a_bullet {
            let (items, run_in) = block_items(doc, markers, best, e, false, true);
            if !items.is_empty() {
                // Answers numbered among the questions ("Q2 / …" then "A2 / …"): the section
                // answers itself.
                let answers_inside = (a..b).any(|i| markers[i].style == Style::Answer);
                return (items, run_in, answers_inside);
            }
        }
    }
    // 2. Bullets, unless they are only the options of asks written as sentences ("… at the
    // end of:" over "- 2021" "- 2022").
    let bullets = bullets.unwrap_or_else(|| bullet_items(doc, s, e, top));
    if !bullets.is_empty() && !only_options(doc, s, e) {
        return (bullets, false, false);
    }
    // 3. Asks a line, each answered after its question mark on the same line.
    let answered = super::answered_lines::items(doc, s, e, top);
    if !answered.is_empty() {
        return (answered, false, true);
    }
    // 4. Sentences that ask. A line that opens with an answer's label ("UCB Response: …")
    // starts the answer to the ask before it: its sentences, up to the next at a line start
    // with a question mark, are no asks (a request section that holds its answers too).
    let labels: Vec<usize> = (doc.line_of(s)..=doc.line_of(e.saturating_sub(1).max(s)))
        .filter(|&li| {
            let (ls, le) = doc.line_range(li);
            ls >= s
                && le <= e
                && crate::align::label_len(doc.line(li)) > 0
                && !doc.line(li).trim_end().ends_with('?')
        })
        .map(|li| doc.line_start(li))
        .collect();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (a, b) in sentences(text, s, e) {
        let mut from = a;
        for &ls in labels.iter().filter(|&&ls| ls > a && ls < b) {
            pieces.push((from, ls));
            from = ls;
        }
        pieces.push((from, b));
    }
    let mut in_answer = false;
    let mut items = Vec::new();
    for (a, b) in pieces {
        let sent = text[a..b].trim();
        let lead = a + (text[a..b].len() - text[a..b].trim_start().len());
        if labels.contains(&lead) {
            in_answer = true;
            continue;
        }
        if in_answer {
            if sent.contains('?') && doc.start_of_line_at(lead) == lead {
                in_answer = false;
            } else {
                continue;
            }
        }
        let asking =
            super::asks(sent) || super::question_like(sent) || super::prose::restates(sent);
        if asking && sent.split_whitespace().count() >= 3 {
            let n = top + items.len() as u32 + 1;
            push(&mut items, text, a, b, vec![Part::Num(n)]);
        }
    }
    if !items.is_empty() {
        return (items, false, !labels.is_empty());
    }
    // 5. The whole section (not when it is only the text before a response heading: that
    // holds the letterhead as much as the request).
    if !implicit && text[s..e].split_whitespace().count() >= 2 && !only_fields(&text[s..e]) {
        push(&mut items, text, s, e, vec![Part::Num(top + 1)]);
    }
    (items, false, false)
}

/// Whether every line of a section is a field of a log's record ("Subject: …", "Status:
/// Complete", "Date received: June 2025"): the record's details, not a request.
fn only_fields(section: &str) -> bool {
    let mut lines = section
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    lines.peek().is_some()
        && lines.all(|l| {
            l.split_once(": ").is_some_and(|(label, _)| {
                let words = label.split_whitespace().count();
                (1..=4).contains(&words) && label.starts_with(|c: char| c.is_uppercase())
            })
        })
}

/// Whether every bullet of `[s, e)` is a short option (a year, a period, a category of at most
/// three words, no question) and the section's other lines ask at least two things.
fn only_options(doc: &Doc, s: usize, e: usize) -> bool {
    let text = doc.text;
    let spans = doc.bullets(s, e);
    // (A bullet's span runs on over the unbulleted lines after it: its own line counts.)
    let short = spans.iter().all(|&(a, b)| {
        let t = text[a..b].lines().next().unwrap_or("").trim();
        t.split_whitespace().count() <= 3 && !t.contains('?')
    });
    let asks = (doc.line_of(s)..=doc.line_of(e.saturating_sub(1).max(s)))
        .map(|li| doc.line(li).trim())
        .filter(|l| !l.starts_with(['-', '*', '•']) && (l.ends_with('?') || super::asks(l)))
        .count();
    short && asks >= 2
}

/// Bullet lines ("- …", "* …") with their continuation lines; a bullet ending with ':' followed
/// by bullets heads them as sub-questions a, b, c.
fn bullet_items(doc: &Doc, s: usize, e: usize, top: u32) -> Vec<QItem> {
    let text = doc.text;
    let spans = doc.bullets(s, e);
    if spans.len() < 2 && !(spans.len() == 1 && text[s..spans[0].0].trim().len() < 80) {
        return Vec::new();
    }
    let mut items: Vec<QItem> = Vec::new();
    let mut n = top;
    let mut head: Option<(usize, u32)> = None; // (item index, sub count)
    for (k, &(a, b)) in spans.iter().enumerate() {
        let words = text[a..b].trim_end();
        let is_head = words.ends_with(':') && k + 1 < spans.len();
        match head {
            Some((hi, sub)) if !is_head => {
                let main = n;
                push(
                    &mut items,
                    text,
                    a,
                    b,
                    vec![Part::Num(main), Part::Letter(sub as u8)],
                );
                let last = items.len() - 1;
                items[last].parent = Some(hi);
                head = Some((hi, sub + 1));
            }
            _ => {
                n += 1;
                push(&mut items, text, a, b, vec![Part::Num(n)]);
                if is_head {
                    let last = items.len() - 1;
                    items[last].header = true;
                    head = Some((last, 0));
                } else {
                    head = None;
                }
            }
        }
    }
    items
}

fn push(items: &mut Vec<QItem>, text: &str, s: usize, e: usize, parts: Vec<Part>) {
    items.push(QItem::unnumbered(text, s, e, Label(parts)));
}

/// Renumbers a unit's list that restarts below `top` so it continues from `top`.
fn renumber_after(items: &mut [QItem], top: u32) {
    let Some(first) = items.iter().filter_map(|q| q.label.main()).min() else {
        return;
    };
    if top == 0 || first > top {
        return;
    }
    let shift = top + 1 - first;
    for q in items.iter_mut() {
        if let Some(Part::Num(n)) = q.label.0.first_mut() {
            *n += shift;
        }
        q.key = q.label.key();
        q.id = q.key.clone();
    }
}
