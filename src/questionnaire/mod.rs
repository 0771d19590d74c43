//! Stage 4: find the questionnaire — the questions the request asked, in order.
//!
//! The best copy is the request itself (the requester's first message in a thread, or the
//! original quoted below an e-mail reply); failing that, the list a reply restates after "You
//! asked:"; failing that, the first numbered list in the reply that reads as questions. Numbered
//! questions are found as runs of markers whose labels follow on (1, 2, 3; Q4, Q4a, Q4b; (a),
//! (b)); unnumbered ones as the request's sentences that ask something, numbered 1, 2, 3.

use crate::markers::{Label, Marker, Part, Style};
use crate::messages::Thread;
use crate::text::{one_line, Doc};

mod answered_lines;
mod prose;
mod sectioned;

/// One question of the request.
#[derive(Debug, Clone)]
pub struct QItem {
    pub label: Label,
    /// As written (`Q4a`, `1`, `Q1(b)`), or the order number for unnumbered questions.
    pub id: String,
    pub key: String,
    /// Span of the marker, when numbered.
    pub marker: Option<(usize, usize)>,
    /// Span of the question's words.
    pub text_start: usize,
    pub text_end: usize,
    pub text: String,
    /// A heading that only groups sub-questions.
    pub header: bool,
    pub parent: Option<usize>,
    pub numbered: bool,
    /// An answer typed at the end of the question's own line (a disclosure log that pastes the
    /// request back with its answers): see [`glued_answers`].
    pub glued: Option<(usize, usize)>,
}

/// The questions of the request and where they were read.
#[derive(Debug, Clone, Default)]
pub struct Questionnaire {
    pub items: Vec<QItem>,
    /// The region the questions were read from.
    pub span: (usize, usize),
    /// Request text between and after the questions that asks nothing itself: conditions
    /// ("if Yes answer Q12"), option lists, notes. A reply that restates it is not answering.
    pub material: Vec<(usize, usize)>,
    /// Read from a message the requester wrote (so it holds no answers).
    pub from_request: bool,
    pub msg: Option<usize>,
    /// All questions run on in one paragraph ("You asked: (1) …; (2) …").
    pub run_in: bool,
    /// Each question is answered after a dash on its own line ("… since 2017? – Yes.").
    pub dash_answered: bool,
    /// Read from request sections under headings ("Your request" / "Our response"): answers
    /// are looked for in the response sections only (`regions`), unit by unit (`units`).
    pub sectioned: bool,
    /// Where answers may be, when the questionnaire says so (response sections).
    pub regions: Vec<(usize, usize)>,
    /// Request units: the items each asks and the response section that answers them.
    pub units: Vec<(Vec<usize>, (usize, usize))>,
    /// The request section under a heading ("Request", "You asked") that holds the questions,
    /// with its notes and conditions after them: the requester's words, never the reply's.
    pub request_section: Option<(usize, usize)>,
}

impl Questionnaire {
    /// Unnumbered questions read from message `msg` (`items` not empty).
    fn unnumbered(items: Vec<QItem>, msg: Option<usize>, from_request: bool) -> Questionnaire {
        let span = (items[0].text_start, items[items.len() - 1].text_end);
        Questionnaire {
            items,
            span,
            material: Vec::new(),
            from_request,
            msg,
            run_in: false,
            ..Questionnaire::default()
        }
    }

    pub fn index_of_key(&self, key: &str) -> Option<usize> {
        self.items.iter().position(|q| q.key == key)
    }
}

/// Resolves a bare sub-part marker (`(b)`, `ii)`) against the previous label: `(b)` after `Q1(a)`
/// is `1b`; `(a)` after `4` is `4a`; `(i)` after `4a` is `4a(i)`.
pub fn resolve(prev: Option<&Label>, label: &Label) -> Label {
    let Some(prev) = prev else {
        return label.clone();
    };
    if let Some(l) = under_letter(prev, label) {
        return l;
    }
    if label.0.len() != 1
        || matches!(label.0[0], Part::Num(_))
        || !matches!(prev.0.first(), Some(Part::Num(_)))
    {
        return label.clone();
    }
    let part = label.0[0];
    let letterish = |p: Part| matches!(p, Part::Letter(_));
    let romanish = |p: Part| {
        matches!(
            p,
            Part::Roman(_) | Part::Letter(8) | Part::Letter(21) | Part::Letter(23)
        )
    };
    let deepest = prev.0.len() - 1;
    // Same kind at some depth ≥ 1: a sibling there.
    for d in (1..=deepest).rev() {
        let p = prev.0[d];
        let sibling = match part {
            Part::Letter(l) if letterish(p) => {
                // `i` after `h` is a letter; after anything else with a roman level it is roman.
                !matches!(l, 8 | 21 | 23)
                    || matches!(p, Part::Letter(q) if q + 1 == l)
                    || !prev.0[d..].iter().any(|&x| romanish(x) && !letterish(x))
            }
            Part::Roman(_) => {
                romanish(p)
                    && (matches!(p, Part::Roman(_)) || d == deepest && !letterish(prev.0[d - 1]))
            }
            _ => false,
        };
        if sibling {
            if let (Part::Letter(l), Part::Letter(q)) = (part, p) {
                // `i` right after `a`… at the same depth is more likely a roman child.
                if matches!(l, 8 | 21 | 23) && q + 1 != l && d == deepest && q < 7 {
                    break;
                }
            }
            let mut v = prev.0[..d].to_vec();
            v.push(part);
            return Label(v);
        }
    }
    if prev.0.len() <= 2 {
        let mut v = prev.0.clone();
        v.push(part);
        return Label(v);
    }
    label.clone()
}

/// "A. Please give the (1) total …, (2) who … and (3) the area …": numbers in brackets inside
/// a lettered question's line are its parts (`A(1)`, `A(2)`), as letters inside a numbered
/// one are. Only in the line, in order from one: a numbered list under a letter at line
/// starts is a list of its own.
fn inline_part_of_letter(prev: Option<&Label>, m: &Marker) -> Option<Label> {
    if m.line_start || m.style != Style::Paren {
        return None;
    }
    let (prev, &[Part::Num(n)]) = (prev?, &m.label.0[..]) else {
        return None;
    };
    match prev.0[..] {
        [top @ Part::Letter(_)] if n == 1 => Some(Label(vec![top, Part::Num(1)])),
        [top @ Part::Letter(_), Part::Num(k)] if n == k + 1 => Some(Label(vec![top, Part::Num(n)])),
        _ => None,
    }
}

/// Roman sub-parts under a lettered question: `i)` after `b)` is `b(i)` (never after `h)`,
/// whose next letter it is), `ii)` after `b(i)` is `b(ii)`, and `c)` after `b(iv)` is `c`.
fn under_letter(prev: &Label, label: &Label) -> Option<Label> {
    let (&[Part::Letter(top), ref rest @ ..], &[part]) = (&prev.0[..], &label.0[..]) else {
        return None;
    };
    let roman = matches!(part, Part::Roman(_) | Part::Letter(8));
    match rest {
        [] if roman && part.is_first() && top != 7 => {
            Some(Label(vec![Part::Letter(top), Part::Roman(1)]))
        }
        [sub] if roman && sub.is_next(part, 0) => {
            let n = match part {
                Part::Letter(_) => 1,
                p => p.ordinal(),
            };
            Some(Label(vec![Part::Letter(top), Part::Roman(n)]))
        }
        [_] if matches!(part, Part::Letter(_)) => Some(label.clone()),
        _ => None,
    }
}

/// Whether label `next` can follow `prev` in one list. `strict` (for markers inside a line)
/// allows only the very next label; otherwise small gaps and odd numbering are tolerated.
pub fn follows(prev: &Label, next: &Label, strict: bool) -> bool {
    let skip = if strict { 0 } else { 2 };
    let (p, n) = (&prev.0, &next.0);
    match (p.first(), n.first()) {
        (Some(Part::Num(a)), Some(Part::Num(b))) if a == b => {
            if n.len() == p.len() + 1 && n.starts_with(p) {
                return n[p.len()].is_first() || !strict;
            }
            if n.len() < p.len() {
                // back up to a parent not yet seen ("Q7b" then "Q7"; the caller checks "not seen")
                return !strict && p.starts_with(n) && n.len() == 1;
            }
            // sibling at depth d, possibly popping deeper levels
            let d = n.len() - 1;
            d >= 1 && p.len() > d && n[..d] == p[..d] && p[d].is_next(n[d], skip)
        }
        (Some(Part::Num(a)), Some(Part::Num(b))) => {
            let ok_num = *b > *a && *b <= a + 1 + skip;
            ok_num && (n.len() == 1 || n[1].is_first() || !strict)
        }
        // Under a lettered question: its roman sub-parts, then the next letter.
        (Some(x @ Part::Letter(_)), Some(y)) if x == y => {
            if n.len() == p.len() + 1 && n.starts_with(p) {
                return n[p.len()].is_first();
            }
            n.len() == 2 && p.len() == 2 && p[1].is_next(n[1], skip)
        }
        (Some(x), Some(y)) if n.len() == 1 && (p.len() == 1 || matches!(x, Part::Letter(_))) => {
            x.is_next(*y, skip)
        }
        _ => false,
    }
}

/// A run of markers read as one numbered list: `(marker index, resolved label)`.
pub type Block = Vec<(usize, Label)>;

/// Groups the markers with indices in `idxs` (in text order) into numbered lists.
pub fn build_blocks(doc: &Doc, markers: &[Marker], idxs: &[usize]) -> Vec<Block> {
    // Answer numbers ("A1.") never make a list of questions.
    let idxs: Vec<usize> = idxs
        .iter()
        .copied()
        .filter(|&i| markers[i].style != Style::Answer)
        .collect();
    let idxs = &idxs[..];
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur: Block = Vec::new();
    let mut nest = Nest {
        from: idxs.first().map_or(0, |&i| markers[i].start),
        ..Nest::default()
    };
    for (pos, &i) in idxs.iter().enumerate() {
        let m = &markers[i];
        let prev = cur.last().map(|(_, l)| l);
        let label = match nest.child(doc, markers, &cur, m) {
            Some(l) => l,
            None => inline_part_of_letter(prev, m).unwrap_or_else(|| resolve(prev, &m.label)),
        };
        if let Some(prev) = prev {
            let seen = cur.iter().any(|(_, l)| *l == label);
            if !seen && follows(prev, &label, !m.line_start) {
                cur.push((i, label));
                continue;
            }
        }
        let can_start = m.line_start || starts_run_in(doc, markers, idxs, pos);
        if can_start {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
            cur.push((i, m.label.clone()));
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    for b in &mut blocks {
        drop_lone_inline_roman(markers, b);
    }
    merge_interrupted(blocks)
}

/// A numbered list nested by indentation, as an HTML list inside a list pastes: "1." then,
/// indented deeper, "1." "2." "3." again, then "2." back at the first indentation. The inner
/// numbers are parts of the outer item (`1.1`, `1.2`), not a list that restarts.
#[derive(Default)]
struct Nest {
    /// The indentation of the outer item and of its inner list, while inside one.
    levels: Option<(usize, usize)>,
    /// The inner items are lettered parts (`1a`, `1b`): what the list's own rendering lost, as
    /// the reply's "2c" and "2 a/b" show. Read once, when an inner list first opens (most
    /// lists have none, and the test reads every marker after `from`).
    letters: Option<bool>,
    /// Where the list starts.
    from: usize,
}

/// Whether the text after `from` names parts by a number and a letter ("2c.", "2(a)") and
/// never by a number and a number ("2.1"): the replies' way of naming the parts of a nested
/// list whose inner numbers were pasted as "1." "2.".
fn inner_parts_lettered(markers: &[Marker], from: usize) -> bool {
    let after = &markers[markers.partition_point(|m| m.start <= from)..];
    let (mut lettered, mut decimal) = (false, false);
    for m in after {
        match m.label.0[..] {
            [Part::Num(_), Part::Letter(_)] if m.compound => lettered = true,
            [Part::Num(_), Part::Num(_)] => decimal = true,
            _ => {}
        }
    }
    lettered && !decimal
}

impl Nest {
    /// The label of `m` as an inner item of the block's last item, or `None` when it is not one.
    fn child(&mut self, doc: &Doc, markers: &[Marker], cur: &Block, m: &Marker) -> Option<Label> {
        let inner = self.inner(doc, markers, cur, m);
        if inner.is_none() {
            self.levels = None;
        }
        inner
    }

    fn inner(&mut self, doc: &Doc, markers: &[Marker], cur: &Block, m: &Marker) -> Option<Label> {
        let (&(last_i, ref last), [Part::Num(n)]) = (cur.last()?, &m.label.0[..]) else {
            return None;
        };
        let part = |letters: Option<bool>, j: u32| {
            if letters == Some(true) && j <= 26 {
                Part::Letter(j as u8 - 1)
            } else {
                Part::Num(j)
            }
        };
        match (self.levels, &last.0[..]) {
            (Some((outer, inner)), &[Part::Num(k), p]) if *n == p.ordinal() + 1 => {
                let here = indent(doc, m)?;
                (m.line_start && here > outer && here + 1 >= inner)
                    .then(|| Label(vec![Part::Num(k), part(self.letters, *n)]))
            }
            // The next outer item, pasted as "1." again like every item of a list of lists.
            (Some((outer, _)), &[Part::Num(k), _]) if *n == 1 => {
                let here = indent(doc, m)?;
                self.levels = None;
                (m.line_start && here == outer).then(|| Label(vec![Part::Num(k + 1)]))
            }
            (_, &[Part::Num(k)]) => {
                self.levels = Some(opens_inner_asks(doc, &markers[last_i], m)?);
                let from = self.from;
                let letters = *self
                    .letters
                    .get_or_insert_with(|| inner_parts_lettered(markers, from));
                Some(Label(vec![Part::Num(k), part(Some(letters), 1)]))
            }
            _ => None,
        }
    }
}

/// The indentation of a marker at a line start, in spaces and tabs; `None` when anything else
/// (quote marks: "> 1.") stands before it.
pub(super) fn indent(doc: &Doc, m: &Marker) -> Option<usize> {
    let ls = doc.start_of_line_at(m.start);
    doc.text[ls..m.start]
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(m.start - ls)
}

/// Whether `m`, a "1." indented deeper than the numbered item `parent`, opens a list of asks
/// nested under it, with the indentations of the two levels. The inner list must start on the
/// line after the outer item's text (no blank line: a list of answers after the questions is
/// indented too), under an item that is no question itself ("… what was the:"), and ask
/// something: "broken down by:" over "1. Pharmacists" lists the parts of one question, and
/// "If so, …?" under a question is that question's.
pub(super) fn opens_inner_asks(doc: &Doc, parent: &Marker, m: &Marker) -> Option<(usize, usize)> {
    let text = doc.text;
    if !m.line_start
        || !parent.line_start
        || m.label.0 != [Part::Num(1)]
        || !matches!(parent.label.0[..], [Part::Num(_)])
        || matches!(m.style, Style::Q | Style::Word)
    {
        return None;
    }
    let (outer, here) = (indent(doc, parent)?, indent(doc, m)?);
    let (pl, ml) = (doc.line_of(parent.start), doc.line_of(m.start));
    if here < outer + 2 || ml <= pl || (pl + 1..ml).any(|l| doc.is_blank(l)) {
        return None;
    }
    let asks_itself = text[parent.end..doc.line_range(ml - 1).1]
        .trim_end()
        .ends_with('?');
    let asks = question_like(&text[m.end..doc.line_range(ml).1]);
    (!asks_itself && asks).then_some((outer, here))
}

/// An inline `(i)` under a lettered question that no `(ii)` follows is no sub-part: "(c) 2018
/// set light to (i) thatched roofs and (b) barns" is one sentence, mislettered.
fn drop_lone_inline_roman(markers: &[Marker], b: &mut Block) {
    let lone = |k: usize, b: &Block| {
        let (i, l) = &b[k];
        matches!(l.0[..], [Part::Letter(_), Part::Roman(1)])
            && !markers[*i].line_start
            && b.get(k + 1)
                .is_none_or(|(_, n)| !matches!(n.0[..], [Part::Letter(_), Part::Roman(2)]))
    };
    let keep: Vec<bool> = (0..b.len()).map(|k| !lone(k, b)).collect();
    let mut k = 0;
    b.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// An inline marker starts a list only when the next marker continues it in the same paragraph
/// ("(1) … (2) …").
fn starts_run_in(doc: &Doc, markers: &[Marker], idxs: &[usize], pos: usize) -> bool {
    let (Some(&i), Some(&j)) = (idxs.get(pos), idxs.get(pos + 1)) else {
        return false;
    };
    let (a, b) = (&markers[i], &markers[j]);
    // A bare number runs in only as "1)" ("… please provide:1)How many … a) … 2)The …"), or
    // glued to the question mark or colon before it ("… ratepayers):1. How many …").
    let number_paren = a.style == Style::Plain
        && (doc.text[a.start..a.end].ends_with(')')
            || a.start > 0 && matches!(doc.text.as_bytes()[a.start - 1], b'?' | b':'));
    if !number_paren
        && !matches!(
            a.style,
            Style::Paren | Style::RightParen | Style::Q | Style::Word
        )
    {
        return false;
    }
    let between = &doc.text[a.end..b.start];
    !between.contains("\n\n") && follows(&a.label, &resolve(Some(&a.label), &b.label), true)
}

/// Rejoins a list split by a short inner list ("2. Which of: 1. A 2. B" then "3.").
fn merge_interrupted(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in blocks {
        let mut merged = false;
        for k in (out.len().saturating_sub(3)..out.len()).rev() {
            let last = &out[k].last().expect("blocks are never empty").1;
            let first = &b[0].1;
            let interrupting: usize = out[k + 1..].iter().map(|x| x.len()).sum();
            // Lines of figures between two questions ("97 - other reliefs", "62 - percentage")
            // read as lone numbers far beyond the list's: they interrupt even a one-item list.
            let figures = |x: &Block| {
                x.len() == 1
                    && matches!((x[0].1 .0.first(), last.0.first()),
                        (Some(Part::Num(f)), Some(Part::Num(l))) if *f > l + 9)
            };
            // A one-item list resumes after sub-lists of another kind ("Q1a." then "i) … iii)"
            // then "Q1b."): letters or numerals under a number are its parts, not a rival list.
            let sub_list = |x: &Block| {
                x.iter().all(|(_, l)| {
                    !matches!(l.0.first(), Some(Part::Num(_)))
                        && matches!(last.0.first(), Some(Part::Num(_)))
                })
            };
            if interrupting <= 6
                && (out[k].len() >= 2
                    || (k + 1 < out.len() && out[k + 1..].iter().all(figures))
                    || (k + 1 < out.len() && out[k + 1..].iter().all(sub_list)))
                && follows(last, first, false)
                && !out[k].iter().any(|(_, l)| l == first)
            {
                out.truncate(k + 1);
                out[k].extend(b.iter().cloned());
                merged = true;
                break;
            }
        }
        if !merged {
            out.push(b);
        }
    }
    out
}

/// Words that open a question or a request for information.
const QUESTION_OPENERS: &[&str] = &[
    "how",
    "what",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "is",
    "are",
    "does",
    "do",
    "did",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
    "would",
    "was",
    "were",
    "should",
    "please",
    "provide",
    "copies",
    "copy",
    "details",
    "the",
    "a",
    "an",
    "any",
    "all",
    "list",
    "confirm",
    "state",
    "number",
    "total",
    "if",
    "in",
    "for",
    "whether",
    "name",
    "names",
    "your",
    "i",
    "may",
    "information",
    "breakdown",
    "cost",
    "costs",
    "amount",
];

/// Whether a text reads as a question or a request for information.
pub fn question_like(text: &str) -> bool {
    let t = text.trim();
    if leads_in(&t.to_ascii_lowercase()) {
        return false;
    }
    if t.ends_with('?') || t.contains("? ") {
        return true;
    }
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_lowercase();
    let words = t.split_whitespace().count();
    if QUESTION_OPENERS.contains(&first.as_str()) && words >= 3 {
        return true;
    }
    // An ask inside the sentence: "For each year, how many …", "… Please send me a copy".
    let lower = t.to_ascii_lowercase();
    words >= 5
        && [
            "how many",
            "how much",
            "please ",
            "could you",
            "can you",
            "would you",
            "i would like",
            "i request",
            "whether ",
            "the number of",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// Words after a `?` that continue the same question ("If so, please provide a copy").
fn continues_question(rest: &str) -> bool {
    let r = rest.trim_start();
    let lower = r.get(..r.len().min(12)).unwrap_or(r).to_ascii_lowercase();
    r.starts_with(|c: char| c.is_lowercase())
        || [
            "if ",
            "please",
            "and ",
            "or ",
            "e.g",
            "(e.g",
            "i.e",
            "(i.e",
            "including",
            "for example",
            "where ",
            "in particular",
            "specifically",
            "this ",
            "can you",
            "could you",
            "what ",
            "how ",
            "which ",
            "when ",
            "who ",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// Whether the paragraph from `pos` reaches a question mark within a few lines: a question
/// still running on ("… in the Humberside" / "Police force … awards?").
fn mark_ahead(text: &str, pos: usize, limit: usize) -> bool {
    let end = crate::text::floor_char(text, limit.min(pos + 400));
    let ahead = &text[pos..end.max(pos)];
    let para = ahead.split("\n\n").next().unwrap_or("");
    para.lines()
        .take(4)
        .any(|l| l.trim_end().ends_with('?') || l.contains("? "))
}

/// Whether line `next` carries on the sentence of line `prev`: it starts in lower case or with
/// an opening bracket, or `prev` ends with a comma or a word that cannot end a sentence.
fn wraps(prev: &str, next: &str) -> bool {
    let next = next.trim_start();
    // The question's own question mark is still to come.
    if next.trim_end().ends_with('?') && !prev.trim_end().ends_with(['.', '?', ':']) {
        return true;
    }
    if next.starts_with(|c: char| c.is_lowercase() || matches!(c, '(' | '&' | '/')) {
        return true;
    }
    let prev = prev.trim_end();
    if prev.ends_with([',', ';', '-', '(', '/', '&']) {
        return true;
    }
    let last = prev
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    const OPEN: [&str; 30] = [
        "a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "by", "with", "from", "at",
        "your", "any", "all", "each", "per", "as", "that", "which", "who", "is", "are", "was",
        "were", "be", "this", "their",
    ];
    OPEN.contains(&last.as_str())
}

/// The end of a question's words in `[start, limit)`: its lines while they continue the
/// question; the rest of the region is the reply's (or the request's notes).
pub fn question_end(
    doc: &Doc,
    start: usize,
    limit: usize,
    split_answers: bool,
    run_in: bool,
) -> usize {
    let text = doc.text;
    let start = crate::text::floor_char(text, start);
    let limit = crate::text::floor_char(text, limit.min(text.len())).max(start);
    if run_in {
        let para_end = text[start..limit].find("\n\n").map_or(limit, |p| start + p);
        // A page flattened onto one line, answers and all: "Question 5 How many vans are in
        // operation? There are currently 6 vans …".
        if split_answers {
            let item = &text[start..para_end];
            if let Some(k) = answer_after_question_mark(item, |after| !after.trim().is_empty()) {
                return start + k;
            }
        }
        return trim_end(text, start, para_end);
    }
    let mut end = start;
    let mut prev_line: Option<&str> = None;
    let mut blank_seen = false;
    let mut pos = start;
    while pos < limit {
        let le = text[pos..limit].find('\n').map_or(limit, |p| pos + p);
        let line = &text[pos..le];
        let t = line.trim();
        if t.is_empty() {
            if prev_line.is_some() {
                blank_seen = true;
            }
            pos = le + 1;
            continue;
        }
        let take = match prev_line {
            None => true,
            // A wrapped question without '?' ends where its answer's label begins.
            Some(_) if crate::align::starts_with_answer_label(t) => false,
            Some(prev) => {
                let p = prev.trim_end();
                let bullet = t.starts_with("- ") || t.starts_with("* ");
                if p.ends_with(':') && bullet {
                    true
                } else if blank_seen {
                    false
                } else if p.ends_with('?') {
                    continues_question(t)
                } else if split_answers && p.ends_with('.') {
                    false
                } else if split_answers && !wraps(p, t) && !mark_ahead(text, pos, limit) {
                    // In a reply, a line that does not carry on the one before is the answer
                    // appended under its question ("1. Organisation name" / "Medway Trust").
                    false
                } else {
                    !t.starts_with('(') || !p.ends_with(['.', ')'])
                }
            }
        };
        if !take {
            break;
        }
        // Within the line: an answer written after the question mark.
        if split_answers {
            if let Some(k) = answer_after_question_mark(line, |after| !after.trim().is_empty()) {
                return pos + k;
            }
        }
        end = le;
        prev_line = Some(line);
        pos = le + 1;
    }
    trim_end(text, start, end.max(start))
}

/// Where an answer written after a question mark on the same line begins (the offset after the
/// `?`): the first `?` followed by white space and words that do not carry the question on
/// ("If so, please …") and that `answer` accepts.
fn answer_after_question_mark(line: &str, answer: impl Fn(&str) -> bool) -> Option<usize> {
    let lb = line.as_bytes();
    line.match_indices('?').map(|(k, _)| k + 1).find(|&k| {
        let after = &line[k..];
        lb.get(k).is_some_and(|b| b.is_ascii_whitespace())
            && !continues_question(after)
            && answer(after)
    })
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    let t = s.trim_end();
    // A run-in list item ends with "; and", ";", ", or".
    let t = t.trim_end_matches([';', ',']).trim_end();
    let t = ["; and", "; or", " and", " or", ";"]
        .iter()
        .fold(t, |acc, suf| acc.strip_suffix(suf).unwrap_or(acc))
        .trim_end();
    let t = t.trim_end_matches([';', ',']).trim_end();
    start + t.len()
}

/// Finds the questionnaire, and the request section under a heading that holds it.
pub fn find(doc: &Doc, thread: &Thread, markers: &[Marker]) -> Option<Questionnaire> {
    // The sections are read once, and only when needed: questions read from the requester's
    // own message need neither them nor a request section.
    let units = std::cell::OnceCell::new();
    let units = || -> &[crate::sections::Unit] {
        units.get_or_init(|| crate::sections::units(doc, thread))
    };
    let mut q = find_in(doc, thread, markers, &units)?;
    if !q.from_request {
        q.request_section = units()
            .iter()
            .map(|u| u.request)
            .find(|&(s, e)| s <= q.span.0 && q.span.0 < e);
    }
    Some(q)
}

fn find_in<'u>(
    doc: &Doc,
    thread: &Thread,
    markers: &[Marker],
    units: &dyn Fn() -> &'u [crate::sections::Unit],
) -> Option<Questionnaire> {
    let foi = looks_like_foi(doc.text);
    let in_msg = |m: usize| -> Vec<usize> {
        let msg = &thread.msgs[m];
        let (a, b) = (
            markers.partition_point(|k| k.start < msg.start),
            markers.partition_point(|k| k.start < msg.end),
        );
        (a..b)
            .filter(|&i| !thread.in_furniture(markers[i].start))
            .collect()
    };
    // 1. The request: the requester's messages, unquoted first.
    let mut requests: Vec<usize> = (0..thread.msgs.len())
        .filter(|&m| thread.msgs[m].from_requester)
        .collect();
    requests.sort_by_key(|&m| thread.msgs[m].quoted);
    for &m in &requests {
        let idxs = in_msg(m);
        let blocks = build_blocks(doc, markers, &idxs);
        if let Some(best) = blocks
            .iter()
            .filter(|b| b.len() >= 2)
            .max_by_key(|b| b.len())
        {
            return Some(from_block(doc, thread, markers, best, Some(m), true));
        }
        if let Some(q) = unnumbered(doc, thread, m) {
            return Some(q);
        }
    }
    // 2. Request and response sections under headings ("Your request" / "Our response").
    // A section that asks one thing in unnumbered words ("Request summary: X") is a title when a
    // numbered list of questions stands elsewhere: the list, below, is the questionnaire.
    let sectioned = match sectioned::from_units(doc, thread, markers, units()) {
        Some(q) if !(q.items.len() == 1 && q.items[0].marker.is_none()) => return Some(q),
        single_unnumbered => single_unnumbered,
    };
    // 3. A numbered list that asks things, anywhere else: the first, preferring one after a cue.
    let all: Vec<usize> = (0..markers.len())
        .filter(|&i| !thread.in_furniture(markers[i].start))
        .collect();
    let blocks = build_blocks(doc, markers, &all);
    let blocks: Vec<Block> = blocks
        .into_iter()
        .map(|b| without_value_lines(doc, markers, b))
        .filter(|b| !b.is_empty())
        .collect();
    let scored: Vec<(&Block, f64, bool)> = blocks
        .iter()
        .filter(|b| b.len() >= 2 || blocks.len() == 1)
        .map(|b| {
            // A list whose items each get an answer label ("Answer =", "Response:") is the
            // questions, whatever their words.
            let likeness =
                block_question_likeness(doc, markers, b).max(block_answer_labels(doc, markers, b));
            (b, likeness, cued(doc, markers[b[0].0].start))
        })
        .collect();
    let pick = scored
        .iter()
        .find(|(_, l, c)| *c && *l >= 0.5)
        .or_else(|| scored.iter().find(|(_, l, _)| *l >= 0.5))
        .or_else(|| {
            scored
                .iter()
                .filter(|(_, l, _)| foi && *l >= 0.25)
                .max_by_key(|(b, _, _)| b.len())
        })
        .or_else(|| scored.iter().find(|(_, l, c)| foi && *c && *l >= 0.15));
    if let Some(q) = sectioned {
        // Its questions stand at line starts; a part may run on inline ("how many a) …").
        let list_at_line_starts = |b: &Block| {
            b.iter()
                .all(|(i, l)| markers[*i].line_start || l.depth() > 1)
        };
        if !pick.is_some_and(|(b, l, _)| b.len() >= 2 && *l >= 0.5 && list_at_line_starts(b)) {
            return Some(q);
        }
    }
    if let Some((b, l, _)) = pick {
        // A weak list inside running text ("a notice which: a) states that fact b) specifies
        // the exemption") yields to questions each answered after a dash on its own line.
        let run_in = b.iter().all(|(i, _)| !markers[*i].line_start);
        if run_in && *l < 0.5 {
            if let Some(q) = (0..thread.msgs.len())
                .filter(|&m| !thread.msgs[m].from_requester)
                .find_map(|m| question_lines(doc, thread, m))
                .filter(|q| q.dash_answered)
            {
                return Some(q);
            }
        }
        let m = thread.msg_at(markers[b[0].0].start);
        return Some(from_block(doc, thread, markers, b, m, false));
    }
    // 3. Unnumbered questions restated in the reply, each on a line of its own.
    let mut order: Vec<usize> = (0..thread.msgs.len())
        .filter(|&m| !thread.msgs[m].from_requester)
        .collect();
    order.sort_by_key(|&m| thread.msgs[m].quoted);
    // The looser readings below only for text that is FOI correspondence at all: a recipe's
    // "Can I freeze it?" is no request.
    // Two or more questions on lines of their own read as a questionnaire even without words
    // of the law: a disclosure log's bare "How much …? / How much …?" then the answer.
    // A request pasted back one ask a line with each answer after its question mark.
    if let Some((m, items)) = order
        .iter()
        .map(|&m| {
            (
                m,
                answered_lines::items(doc, thread.msgs[m].start, thread.msgs[m].end, 0),
            )
        })
        .find(|(_, items)| !items.is_empty())
    {
        return Some(Questionnaire::unnumbered(items, Some(m), false));
    }
    if let Some(q) = order
        .iter()
        .find_map(|&m| question_lines(doc, thread, m))
        .filter(|q| foi || q.dash_answered || consecutive(doc, q))
    {
        return Some(q);
    }
    if !foi {
        return None;
    }
    // 4. A "Request:" section of a reply (a disclosure log, a police reply) asking one thing
    // or a few in prose, followed by a "Response:" section.
    request_section(doc, thread)
        .or_else(|| prose::asks_in_prose(doc, thread))
        .or_else(|| prose::whole_letter(doc, thread))
}

/// Whether a text reads as FOI correspondence: a word of the law or of a request for
/// information, or two words of a letter and its reply.
pub fn looks_like_foi(text: &str) -> bool {
    const STRONG: [&str; 13] = [
        "freedom of information",
        "environmental information",
        "information rights",
        "disclos",
        "exempt",
        "request for information",
        "your request",
        "information request",
        "the information",
        "data protection",
        "foisa",
        "information governance",
        "publication scheme",
    ];
    const WEAK: [&str; 9] = [
        "dear ",
        "yours sincerely",
        "yours faithfully",
        "kind regards",
        "response",
        "reply",
        "attached",
        "your email",
        "enquiry",
    ];
    let lower = text.to_ascii_lowercase();
    // "FOI" as a word ("foil" is not), and "FOI2020/0417" or "FOI-23-1".
    let foi_word = lower.match_indices("foi").any(|(i, _)| {
        let before = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphabetic());
        let after = lower[i + 3..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphabetic() || c == 's');
        before && after
    });
    foi_word
        || STRONG.iter().any(|w| lower.contains(w))
        || WEAK.iter().filter(|w| lower.contains(*w)).count() >= 2
}

static REQUEST_HEADING: std::sync::LazyLock<crate::pattern::Regex> = std::sync::LazyLock::new(
    || {
        crate::pattern::re(
            r"(?i)^\s*(?:your\s+|the\s+|original\s+)?(?:request|requests|question|questions|information\s+requested|request\s+details|details\s+of\s+(?:the\s+|your\s+)?request|you\s+asked)\s*(?:was|were|for)?\s*[:.-]?\s*$",
        )
    },
);
static RESPONSE_HEADING: std::sync::LazyLock<crate::pattern::Regex> = std::sync::LazyLock::new(
    || {
        crate::pattern::re(
            r"(?i)^\s*(?:our\s+|the\s+|council'?s?\s+|trust'?s?\s+|force'?s?\s+)?(?:response|responses|answer|answers|reply|decision|outcome|information\s+(?:provided|disclosed|released))\b[^.?!]{0,40}$",
        )
    },
);

/// The questions of a "Request:" heading's section, up to a "Response:" heading: the sentences
/// that ask, or the whole section as one question.
fn request_section(doc: &Doc, thread: &Thread) -> Option<Questionnaire> {
    let text = doc.text;
    let n = doc.line_count();
    let head = (0..n).find(|&i| {
        REQUEST_HEADING.is_match(doc.line(i)) && !thread.in_furniture(doc.line_start(i))
    })?;
    let start = doc.line_range(head).1;
    let end_line = (head + 1..n).find(|&i| RESPONSE_HEADING.is_match(doc.line(i)))?;
    let end = doc.line_start(end_line);
    if text[start..end].trim().is_empty() {
        return None;
    }
    let mut items: Vec<QItem> = Vec::new();
    for (s, e) in sentences(text, start, end) {
        let sent = text[s..e].trim();
        if sent.ends_with('?') && sent.split_whitespace().count() >= 3 {
            push_unnumbered(&mut items, text, s, e);
        }
    }
    if items.is_empty() {
        let s = start + (text[start..end].len() - text[start..end].trim_start().len());
        push_unnumbered(&mut items, text, s, end);
    }
    let span = (
        items[0].text_start,
        items[items.len() - 1].text_end.max(end),
    );
    let msg = thread.msg_at(start);
    Some(Questionnaire {
        items,
        span,
        material: Vec::new(),
        from_request: false,
        msg,
        run_in: false,
        ..Questionnaire::default()
    })
}

/// Whether the questions stand together, with nothing but blank lines between them (a list
/// of questions, not a page of questions each followed by its answer).
/// The words after a bullet that opens `t` ("- ", "* ", "• ", "– "), if one does.
pub(crate) fn bullet_body(t: &str) -> Option<&str> {
    ["- ", "* ", "• ", "– ", "· "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map(str::trim_start)
}

/// The words of a list item's line: after a bullet, spaced ("- Fleet number") or glued to a
/// capital ("-Fleet number").
pub(crate) fn list_bullet(t: &str) -> Option<&str> {
    bullet_body(t).or_else(|| {
        t.strip_prefix(['-', '•'])
            .filter(|b| b.starts_with(|c: char| c.is_uppercase()))
    })
}

fn consecutive(doc: &Doc, q: &Questionnaire) -> bool {
    q.items
        .windows(2)
        .all(|w| doc.text[w[0].text_end..w[1].text_start].trim().is_empty())
}

/// A question written as a statement, closed by a full stop: "How many fridges were bought
/// since 2021." Only the openers that a reply's own sentences hardly use ("What we hold is …"
/// is rare beside "What the contracts were worth."): a count, an amount, a choice. Not
/// "Whether …": a reply weighing a test lists "Whether releasing it would harm …" as a factor.
fn interrogative_statement(t: &str) -> bool {
    const OPENERS: [&str; 7] = [
        "How many ",
        "How much ",
        "How often ",
        "How long ",
        "What ",
        "Which ",
        "The number of ",
    ];
    OPENERS.iter().any(|o| t.starts_with(o)) && t.split_whitespace().count() >= 5
}

/// Lines of a reply that are questions on their own ("How many staff work there?"), when there
/// are at least two: a reply that restates unnumbered questions before answering each.
fn question_lines(doc: &Doc, thread: &Thread, m: usize) -> Option<Questionnaire> {
    let msg = &thread.msgs[m];
    let text = doc.text;
    let mut items: Vec<QItem> = Vec::new();
    // Whether each item came with its answer after a dash.
    let mut answered_at: Vec<bool> = Vec::new();
    let mut all_dashed = true;
    let (a, b) = (
        doc.line_of(msg.start),
        doc.line_of(msg.end.saturating_sub(1).max(msg.start)),
    );
    for li in a..=b {
        let (ls, le) = doc.line_range(li);
        if thread.in_furniture(ls) {
            continue;
        }
        let line = doc.line(li);
        let t = line.trim();
        // A bullet ("- How many …?") is no part of the question, and opens a line of its own
        // whatever the line above ends with (an answer's "Total 117").
        let bulleted = bullet_body(t);
        let t = bulleted.unwrap_or(t);
        let words = t.split_whitespace().count();
        let capital = t.starts_with(|c: char| c.is_uppercase());
        let own_line = li == 0
            || bulleted.is_some()
            || doc.is_blank(li - 1)
            || doc.line(li - 1).trim_end().ends_with(['.', '?', ':', '!'])
            // after another question answered on its line ("… (2014) – Yes")
            || dash_answered(bullet_body(doc.line(li - 1).trim()).unwrap_or(doc.line(li - 1).trim())).is_some();
        // A request pasted back with each answer after a dash ("Could you confirm whether …?
        // – Yes."): the question is the words before the dash.
        let dashed = dash_answered(t);
        let t = dashed.unwrap_or(t);
        if (t.ends_with('?')
            || (t.ends_with('.') && (asks(t) || interrogative_statement(t)))
            || (dashed.is_some() && (polar(t) || lower_case_question(t))))
            && words >= 4
            && wordy(t)
            && (capital || dashed.is_some_and(lower_case_question))
            && own_line
            && !t.starts_with("Dear")
        {
            let lead = line.find(t).unwrap_or(0);
            let le = if dashed.is_some() {
                ls + lead + t.len()
            } else {
                le
            };
            all_dashed &= dashed.is_some();
            // A list restated before the answers ("You asked: …" then each again with its
            // answer) is one questionnaire, not two: the later copy, which the answer follows,
            // stands for the question.
            // A question asked twice, each time with its own answer after a dash, is asked
            // twice.
            match (0..items.len()).find(|&k| !answered_at[k] && items[k].text == one_line(t)) {
                Some(k) => {
                    let label = items[k].label.clone();
                    items[k] = QItem::unnumbered(text, ls + lead, le, label);
                    answered_at[k] = dashed.is_some();
                }
                None => {
                    push_unnumbered(&mut items, text, ls + lead, le);
                    answered_at.push(dashed.is_some());
                }
            }
        }
    }
    if items.len() < 2 {
        return None;
    }
    let mut q = Questionnaire::unnumbered(items, Some(m), false);
    // Each answered on its own line after a dash: a questionnaire by its shape alone.
    q.dash_answered = all_dashed;
    Some(q)
}

/// The question of a line that asks and then answers after a spaced dash: "… since 2017? –
/// Yes." or "… the total hire cost. – N/A. The Trust owns …" gives the words before the dash.
fn dash_answered(t: &str) -> Option<&str> {
    let (at, _) = t.match_indices(' ').find(|&(i, _)| {
        let rest = &t[i + 1..];
        (rest.starts_with("– ") || rest.starts_with("- ") || rest.starts_with("— "))
            && (t[..i].ends_with(['?', '.']) || polar(&t[..i]) || lower_case_question(&t[..i]))
    })?;
    let q = &t[..at];
    (q.ends_with('?') || asks(q) || polar(q) || lower_case_question(q)).then_some(q)
}

/// A question typed without its capital, "how many police staff are on a career break": a
/// question word and at least five words.
fn lower_case_question(t: &str) -> bool {
    const OPENERS: [&str; 6] = [
        "how many ",
        "how much ",
        "how often ",
        "what ",
        "which ",
        "whether ",
    ];
    OPENERS.iter().any(|o| t.starts_with(o)) && t.split_whitespace().count() >= 5
}

/// "Would it be possible for you to answer a few simple questions about …": a sentence that
/// announces the questions asks none itself.
fn leads_in(lower: &str) -> bool {
    const ANNOUNCE: [&str; 7] = [
        "a few questions",
        "a few simple questions",
        "some questions",
        "the following questions",
        "these questions",
        "several questions",
        "a number of questions",
    ];
    ANNOUNCE.iter().any(|a| lower.contains(a))
}

/// Whether a text opens as a question does: a verb that asks, or "How many", "What", "Which".
fn opens_question(t: &str) -> bool {
    const WH: [&str; 5] = ["How many ", "How much ", "How often ", "What ", "Which "];
    polar(t) || WH.iter().any(|o| t.starts_with(o))
}

/// An ask opened by a polite imperative ("Please state …", "For each of the following
/// years, please …"), as a request lists its asks one a line without numbers or stops: the
/// "please" openers of [`OPENERS`].
fn polite_ask(t: &str) -> bool {
    if t.starts_with("For each of the ") {
        return true;
    }
    t.starts_with("Please ") && {
        let lower = t.to_ascii_lowercase();
        OPENERS
            .iter()
            .any(|o| o.starts_with("please ") && lower.starts_with(o))
    }
}

/// A yes/no question by its first word, whatever its last ("Are your hoses tested to BS EN
/// 14540 (2014)"): at least five words, opened by a verb that asks.
fn polar(t: &str) -> bool {
    const OPENERS: [&str; 14] = [
        "Are ", "Is ", "Do ", "Does ", "Did ", "Has ", "Have ", "Can ", "Could ", "Will ",
        "Would ", "Should ", "Was ", "Were ",
    ];
    OPENERS.iter().any(|o| t.starts_with(o)) && t.split_whitespace().count() >= 5
}

/// Whether a cue such as "You asked:" or "Your request" comes shortly before `at`.
fn cued(doc: &Doc, at: usize) -> bool {
    let from = crate::text::floor_char(doc.text, at.saturating_sub(400));
    let before = doc.text[from..at].to_ascii_lowercase();
    [
        "you asked",
        "your request",
        "you requested",
        "request:",
        "requested:",
        "following information",
        "the request",
        "request\n",
        "you wrote",
        "your questions",
        "information requested",
        "you have asked",
        "i would like",
        "please provide",
        "the following",
        "please supply",
        "questions and our answers",
    ]
    .iter()
    .any(|c| before.contains(c))
}

/// The words of item `k` of list `b`, up to where a reply's answer would begin.
fn item_words<'a>(doc: &Doc<'a>, markers: &[Marker], b: &Block, k: usize) -> &'a str {
    let start = markers[b[k].0].end;
    let limit = b
        .get(k + 1)
        .map_or(doc.text.len(), |(j, _)| markers[*j].start);
    let end = question_end(
        doc,
        start,
        crate::text::floor_char(doc.text, limit.min(start + 600)),
        true,
        false,
    );
    &doc.text[start..end]
}

/// A short line of figures ("2021: 1,874", "a) £3,150"): an answer's line, not a question.
fn value_line(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    words <= 6 && t.chars().any(|c| c.is_ascii_digit()) && !t.ends_with('?') && !question_like(t)
}

/// Drops the sub-items of a list that are lines of figures: a reply that numbers its answer's
/// lines "a) 2021: 36" under a restated question.
fn without_value_lines(doc: &Doc, markers: &[Marker], b: Block) -> Block {
    if b.len() < 3 {
        return b;
    }
    let keep: Vec<bool> = (0..b.len())
        .map(|k| b[k].1.depth() < 2 || !value_line(item_words(doc, markers, &b, k)))
        .collect();
    if keep.iter().all(|&k| k) || keep.iter().filter(|&&k| k).count() < 2 {
        return b;
    }
    b.into_iter()
        .zip(keep)
        .filter_map(|(x, k)| k.then_some(x))
        .collect()
}

/// The share of a list's items followed by an answer label line before the next item.
fn block_answer_labels(doc: &Doc, markers: &[Marker], b: &Block) -> f64 {
    let text = doc.text;
    let mut n = 0;
    for (k, (i, _)) in b.iter().enumerate() {
        let start = markers[*i].end;
        let limit = b.get(k + 1).map_or(text.len(), |(j, _)| markers[*j].start);
        let limit = crate::text::floor_char(text, limit.min(start + 1500)).max(start);
        let labelled = text[start..limit]
            .split('\n')
            .skip(1)
            .any(|l| !l.trim().is_empty() && crate::align::starts_with_answer_label(l));
        if labelled {
            n += 1;
        }
    }
    n as f64 / b.len() as f64
}

fn block_question_likeness(doc: &Doc, markers: &[Marker], b: &Block) -> f64 {
    let mut n = 0;
    for (k, (i, _)) in b.iter().enumerate() {
        let start = markers[*i].end;
        let limit = b
            .get(k + 1)
            .map_or(doc.text.len(), |(j, _)| markers[*j].start);
        let end = question_end(
            doc,
            start,
            crate::text::floor_char(doc.text, limit.min(start + 600)),
            true,
            false,
        );
        if question_like(&doc.text[start..end]) {
            n += 1;
        }
    }
    n as f64 / b.len() as f64
}

/// Builds the questionnaire from a numbered list.
fn from_block(
    doc: &Doc,
    thread: &Thread,
    markers: &[Marker],
    b: &Block,
    msg: Option<usize>,
    from_request: bool,
) -> Questionnaire {
    let msg_end = msg.map_or(doc.text.len(), |m| thread.msgs[m].end);
    let (mut items, run_in) = block_items(doc, markers, b, msg_end, !from_request, !from_request);
    if from_request && !run_in {
        trailing_asks(doc, &mut items, msg_end);
    }
    from_items(doc, items, msg, from_request, run_in, msg_end)
}

/// Asks a request adds after its numbered list without a number ("1 - … / 2 - … / Within the
/// current year please provide all …"), each on a line of its own before the sign-off: the
/// next questions of the list, numbered on from it.
fn trailing_asks(doc: &Doc, items: &mut Vec<QItem>, msg_end: usize) {
    let text = doc.text;
    let Some(last) = items.last_mut() else { return };
    let [Part::Num(mut n)] = last.label.0[..] else {
        return;
    };
    let limit = signoff_before(doc, last.text_end, msg_end);
    // The list's last line, read on as wrapped because it ends without a stop, may be
    // followed by such an ask: the item ends before it.
    let first = doc.line_of(last.text_start);
    let mut li = doc.line_of(last.text_end) + 1;
    if let Some(cut) = (first + 1..li).find(|&k| trailing_ask(doc.line(k).trim())) {
        let end = doc.line_range(cut).0;
        let end = last.text_start + text[last.text_start..end].trim_end().len();
        last.text_end = end;
        last.text = one_line(&text[last.text_start..end]);
        li = cut;
    }
    while li < doc.line_count() {
        let (ls, le) = doc.line_range(li);
        if ls >= limit {
            break;
        }
        let line = text[ls..le].trim();
        li += 1;
        if line.is_empty() {
            continue;
        }
        if !trailing_ask(line) {
            break;
        }
        n += 1;
        items.push(QItem::unnumbered(text, ls, le, Label(vec![Part::Num(n)])));
    }
}

/// A line that asks on its own after a list: a question, a polite request, or a request
/// whose "please provide" follows a short phrase of time or scope ("Within the current
/// financial year please provide …"); never a wish about the reply's form.
fn trailing_ask(line: &str) -> bool {
    if !line.starts_with(|c: char| c.is_uppercase()) || line.split_whitespace().count() < 6 {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    // About the request itself, not the information: a condition ("Should the information be
    // impossible to supply …", "If any of it is exempt …") or its handling ("confirm that you
    // have received this request").
    const PROCEDURE: [&str; 6] = [
        "this request",
        "my request",
        "receipt",
        "acknowledge",
        "cost limit",
        "appropriate limit",
    ];
    if ["if ", "should ", "where ", "in the event"]
        .iter()
        .any(|w| lower.starts_with(w))
        || PROCEDURE.iter().any(|w| lower.contains(w))
    {
        return false;
    }
    if asks(line) {
        return true;
    }
    let head: String = lower
        .split_whitespace()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ");
    !line.ends_with(':')
        && !format_wish(&lower)
        && [
            " please provide ",
            " please supply ",
            " please give ",
            " please list ",
        ]
        .iter()
        .any(|p| head.contains(p))
}

/// The questions of a numbered list whose last item ends by `end`; `split_answers` when the
/// list stands in a reply, where an answer may follow a question on its line. Also says
/// whether the list runs on in one paragraph. `glued` when the list may be a request pasted back
/// with answers at the ends of its lines (not the requester's own message).
pub(crate) fn block_items(
    doc: &Doc,
    markers: &[Marker],
    b: &Block,
    end: usize,
    split_answers: bool,
    glued: bool,
) -> (Vec<QItem>, bool) {
    let text = doc.text;
    let msg_end = end;
    let run_in = b.len() >= 2 && b[1..].iter().all(|(i, _)| !markers[*i].line_start) && {
        let (s, e) = (markers[b[0].0].start, markers[b[b.len() - 1].0].start);
        !text[s..e].contains("\n\n")
    };
    let style = markers[b[0].0].style;
    let mut items: Vec<QItem> = Vec::new();
    for (k, (i, label)) in b.iter().enumerate() {
        let m = &markers[*i];
        let limit = b.get(k + 1).map_or(msg_end, |(j, _)| markers[*j].start);
        let limit = signoff_before(doc, m.end, limit);
        let end = question_end(doc, m.end, limit, split_answers, run_in);
        let lettered_parent = match label.0[..] {
            [top @ Part::Letter(_), Part::Num(n)] => items
                .iter()
                .rfind(|q| q.label.0[..] == [top])
                .map(|q| format!("{}({n})", q.id)),
            _ => None,
        };
        let id = if *label == m.label {
            m.written.clone()
        } else if let Some(id) = lettered_parent {
            id
        } else {
            written_for(label, &m.written, style)
        };
        items.push(QItem {
            label: label.clone(),
            key: label.key(),
            id,
            marker: Some((m.start, m.end)),
            text_start: m.end,
            text_end: end,
            text: one_line(&text[m.end..end]),
            header: false,
            parent: None,
            numbered: true,
            glued: None,
        });
    }
    if glued && !run_in {
        glued_answers(text, &mut items);
    }
    link_parents(&mut items);
    (items, run_in)
}

/// A disclosure log that pastes the request back with each answer typed at the end of its
/// question's line ("… in the last 12 months (June 2024 to May 2025) 1842", "Do you hold a
/// contract with a provider? No"): the question ends where its answer begins. Read only when
/// two or more items (and a third of the list) end so, the mark of that layout; a request's own
/// list never does.
fn glued_answers(text: &str, items: &mut [QItem]) {
    let cuts: Vec<Option<(usize, bool)>> = items
        .iter()
        .map(|it| {
            let le = text[it.text_start..it.text_end]
                .find('\n')
                .map_or(it.text_end, |p| it.text_start + p);
            same_line_answer(text, it.text_start, le)
        })
        .collect();
    // Only cuts of the sure kind (a figure, a yes or no, a citation) mark the layout; a
    // sentence after a dash is read as an answer only in a list that has them.
    let n = cuts.iter().flatten().filter(|(_, sure)| *sure).count();
    // Headings over parts ("1. Training and Awareness" over "a)") have no answers of their own.
    let parents = (1..items.len())
        .filter(|&k| items[k - 1].label.is_ancestor_of(&items[k].label))
        .count();
    if n < 2 || n * 3 < items.len() - parents {
        return;
    }
    for (it, cut) in items.iter_mut().zip(cuts) {
        if let Some((c, _)) = cut {
            let le = text[c..].find('\n').map_or(text.len(), |p| c + p);
            let a = c + (text[c..le].len() - text[c..le].trim_start().len());
            it.glued = Some((a, a + text[a..le].trim_end().len()));
            let end = trim_end(text, it.text_start, c);
            let head = text[it.text_start..end].trim_end_matches(['-', '–', '—', ':']);
            it.text_end = it.text_start + head.trim_end().len();
            it.text = one_line(&text[it.text_start..it.text_end]);
        }
    }
}

/// Where an answer glued to the end of a question's line begins, and whether the cut is sure:
/// after a question mark, or after the closing bracket of the period asked about or a dash
/// when what follows is a figure, a yes or no, a citation or a pointer ("(2023/24) 1,842",
/// "(see list) Section 43 applies", "… during absence – N/A", "… by area – see above"). Not
/// sure: a dash followed by a sentence that asks nothing ("… bonfire schemes - No record is
/// kept of such payments.").
fn same_line_answer(text: &str, s: usize, le: usize) -> Option<(usize, bool)> {
    let line = &text[s..le];
    // Pipes left of a pasted table ("? | |") are no answer, nor is a further ask.
    let answer = |after: &str| {
        after.bytes().any(|b| b.is_ascii_alphanumeric())
            && !after.to_ascii_lowercase().contains("please")
            && !after.trim().ends_with('?')
    };
    if let Some(k) = answer_after_question_mark(line, answer) {
        return Some((s + k, true));
    }
    if let Some(k) = line.rfind(") ") {
        if short_answer(&line[k + 1..]) {
            return Some((s + k + 1, true));
        }
    }
    // A dash between spaces: the last one before a short answer, else the first one before a
    // sentence that asks nothing.
    let dashes: Vec<(usize, usize)> = [" - ", " – ", " — "]
        .iter()
        .flat_map(|d| line.match_indices(d).map(|(k, d)| (k, k + d.len())))
        .filter(|&(k, _)| line[..k].split_whitespace().count() >= 3)
        .collect();
    if let Some(&(_, e)) = dashes.iter().max_by_key(|(k, _)| *k) {
        if short_answer(&line[e..]) || pointer(&line[e..]) {
            return Some((s + e, true));
        }
    }
    if let Some(&(_, e)) = dashes.iter().min_by_key(|(k, _)| *k) {
        let tail = line[e..].trim();
        let sentence = tail.starts_with(|c: char| c.is_uppercase())
            && tail.ends_with('.')
            && tail.split_whitespace().count() >= 4
            && answer(tail)
            && states(tail);
        return sentence.then_some((s + e, false));
    }
    if let Some(cut) = colon_cut(line) {
        return Some((s + cut.0, cut.1));
    }
    noun_phrase_then_sentence(line).map(|k| (s + k, true))
}

/// A colon after an ask, then its answer ("Does your organisation require all staff to
/// complete the training: Yes", "How many were reported in 2024: 2,316"), as a form pasted back
/// with answers types them. Never a lead-in colon ("… for each year:", "broken down by:",
/// "(E.g.:"), nor before a further ask. Sure before a short answer, a pointer or a yes or no.
fn colon_cut(line: &str) -> Option<(usize, bool)> {
    const LEAD_INS: [&str; 21] = [
        "following",
        "below",
        "by",
        "for",
        "include",
        "including",
        "includes",
        "namely",
        "e.g.",
        "eg",
        "i.e.",
        "ie",
        "follows",
        "between",
        "from",
        "of",
        "to",
        "with",
        "on",
        "as",
        "re",
    ];
    let (k, _) = line.match_indices(": ").find(|&(k, _)| {
        let before = &line[..k];
        let last = before
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        before.split_whitespace().count() >= 4 && !LEAD_INS.contains(&last.as_str())
    })?;
    let after = line[k + 2..].trim();
    let opens = after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '£');
    if !opens || after.contains('?') {
        return None;
    }
    let first = after
        .split(|c: char| !c.is_alphanumeric() && c != '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let yes_no = SHORT_WORDS.contains(&first.as_str());
    Some((k + 2, short_answer(after) || pointer(after) || yes_no))
}

/// A request's noun phrase with the answer run on after it without a mark ("The number of
/// staff employed, and their job roles The service is managed by …"): the cut is where a
/// sentence opener follows a lower-case word and a stating sentence runs to the line's end.
fn noun_phrase_then_sentence(line: &str) -> Option<usize> {
    const NOUN_HEADS: [&str; 9] = [
        "the number of",
        "the total",
        "the amount",
        "the name",
        "whether ",
        "details of",
        "a list of",
        "a copy of",
        "number of",
    ];
    const OPENERS: [&str; 14] = [
        "The ", "There ", "This ", "These ", "We ", "Our ", "No.", "No,", "Yes.", "Yes,", "None",
        "All ", "It ", "Nil",
    ];
    let lower = line.trim_start().to_ascii_lowercase();
    if !NOUN_HEADS.iter().any(|h| lower.starts_with(h)) || !line.trim_end().ends_with('.') {
        return None;
    }
    let mut words = 0;
    for (k, _) in line.match_indices(' ') {
        words += 1;
        let Some(before) = line[..k].chars().next_back() else {
            continue;
        };
        let tail = &line[k + 1..];
        if words >= 5
            && (before.is_ascii_lowercase() || before.is_ascii_digit() || before == ')')
            && OPENERS.iter().any(|o| tail.starts_with(o))
            && (states(tail) || short_answer(tail.split('.').next().unwrap_or("")))
        {
            return Some(k + 1);
        }
    }
    None
}

/// Whether a sentence states something rather than naming what is asked for: it asks nothing,
/// does not open with a request's noun ("The number of …", "Details of …"), and has a finite
/// verb of the kinds replies use ("No record is kept", "The Service holds no …").
fn states(sent: &str) -> bool {
    let lower = sent.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let head = words
        .iter()
        .find(|w| !["the", "a", "an"].contains(w))
        .copied()
        .unwrap_or("");
    const VERBS: [&str; 24] = [
        "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "can", "cannot",
        "will", "would", "may", "must", "keeps", "keep", "holds", "hold", "take", "takes", "took",
        "been",
    ];
    !asks(sent) && !QUESTION_OPENERS.contains(&head) && words.iter().any(|w| VERBS.contains(w))
}

/// Words that answer in full on their own ("Yes", "N/A", "Nil").
const SHORT_WORDS: [&str; 6] = ["yes", "no", "n/a", "nil", "none", "zero"];

/// A short answer: a figure, a yes or no, "N/A", "Nil", or a citation or "not held" in a few
/// words.
fn short_answer(tail: &str) -> bool {
    let tail = tail.trim();
    let words: Vec<&str> = tail.split_whitespace().collect();
    let Some(first) = words.first().map(|w| w.trim_end_matches(['.', ','])) else {
        return false;
    };
    let figure = first
        .trim_start_matches(['£', '$'])
        .starts_with(|c: char| c.is_ascii_digit())
        && words.len() <= 3;
    let short = SHORT_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)) && words.len() <= 6;
    let lower = tail.to_ascii_lowercase();
    let cited = words.len() <= 12
        && (lower.contains("section ") || lower.contains("exempt") || lower.contains("not held"));
    figure || short || cited
}

/// A pointer to another answer or an enclosure in a few words ("see above", "See attached.").
fn pointer(tail: &str) -> bool {
    let lower = tail.trim().to_ascii_lowercase();
    lower.split_whitespace().count() <= 4
        && [
            "see above",
            "see below",
            "see attached",
            "as above",
            "see answer",
            "see response",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A questionnaire from items read in message `msg`, whose text ends at `msg_end`.
fn from_items(
    doc: &Doc,
    items: Vec<QItem>,
    msg: Option<usize>,
    from_request: bool,
    run_in: bool,
    msg_end: usize,
) -> Questionnaire {
    let text = doc.text;
    // Material: the request's words between and after the questions.
    let mut material = Vec::new();
    if from_request {
        for k in 0..items.len() {
            let from = items[k].text_end;
            let to = items
                .get(k + 1)
                .and_then(|q| q.marker)
                .map_or(msg_end, |(s, _)| s);
            let to = signoff_before(doc, from, to);
            if from < to && !text[from..to].trim().is_empty() {
                material.push((from, to));
            }
        }
    }
    let span = (
        items.first().and_then(|q| q.marker).map_or(0, |(s, _)| s),
        items.last().map_or(0, |q| q.text_end),
    );
    // A compound first label ("Q1 (a)") names no question of its own.
    Questionnaire {
        items,
        span,
        material,
        from_request,
        msg,
        run_in,
        ..Questionnaire::default()
    }
}

/// An id for a label resolved from a bare sub-part: `(b)` after `Q1(a)` → `Q1(b)`.
fn written_for(label: &Label, written: &str, style: Style) -> String {
    let prefix = match style {
        Style::Q => "Q",
        Style::Word => "Question ",
        _ => "",
    };
    let main = label.main().map(|n| n.to_string()).unwrap_or_default();
    if let [Part::Num(_), Part::Num(n)] = label.0[..] {
        return format!("{prefix}{main}.{n}");
    }
    // A number renumbered whole ("1." pasted for every item of a list of lists).
    if label.0.len() < 2 {
        return format!("{prefix}{}", label.key());
    }
    let mut s = format!("{prefix}{main}");
    for p in &label.0[1..label.0.len().saturating_sub(1)] {
        s.push_str(&format!("({})", Label(vec![*p]).key()));
    }
    let last = written.trim_matches(|c: char| c == '(' || c == ')');
    match label.0.last() {
        // An inner "1." read as part (a) of a nested list.
        Some(p @ Part::Letter(_)) if last.bytes().all(|b| b.is_ascii_digit()) => {
            s.push_str(&format!("({})", Label(vec![*p]).key()));
        }
        _ => s.push_str(&format!("({last})")),
    }
    s
}

/// Moves `limit` back to the first sign-off line in `[from, limit)`.
fn signoff_before(doc: &Doc, from: usize, limit: usize) -> usize {
    let text = doc.text;
    let mut pos = from;
    while pos < limit {
        let le = text[pos..limit].find('\n').map_or(limit, |p| pos + p);
        let l = text[pos..le].trim().to_ascii_lowercase();
        if l.starts_with("yours faithfully")
            || l.starts_with("yours sincerely")
            || l.starts_with("kind regards")
            || l == "regards"
            || l.starts_with("many thanks")
        {
            return pos;
        }
        pos = le + 1;
    }
    limit
}

/// Sets each item's parent (the nearest earlier item whose label is its ancestor) and marks
/// headings: items with sub-questions whose own words ask nothing.
fn link_parents(items: &mut [QItem]) {
    for k in 0..items.len() {
        let parent = (0..k)
            .rev()
            .find(|&j| items[j].label.is_ancestor_of(&items[k].label));
        items[k].parent = parent;
    }
    for k in 0..items.len() {
        let has_children = items.iter().any(|q| q.parent == Some(k));
        let t = items[k].text.trim();
        items[k].header = has_children
            && (t.is_empty()
                || (t.ends_with(':') && !t.contains('?'))
                || (!question_like(t) && t.len() < 80));
    }
}

/// Unnumbered questions in a request message: its sentences that end with `?`, its bullet
/// lines, and its "Please provide…" requests, numbered 1, 2, 3 in order.
fn unnumbered(doc: &Doc, thread: &Thread, m: usize) -> Option<Questionnaire> {
    let msg = &thread.msgs[m];
    let text = doc.text;
    let body_start = msg
        .salutation
        .map_or(msg.start, |s| s + text[s..].find('\n').unwrap_or(0));
    let body_end = msg.signoff.unwrap_or(msg.end).max(body_start);
    let mut items: Vec<QItem> = Vec::new();
    let mut pos = body_start;
    while pos < body_end {
        let le = text[pos..body_end].find('\n').map_or(body_end, |p| pos + p);
        let line = &text[pos..le];
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let body = list_bullet(t);
        // "* By event I mean …": the note to a star after an earlier word ("patrol?*").
        let footnote = t.starts_with("* ") && footnote_call_before(&text[body_start..pos]);
        if let Some(body) = body.filter(|b| b.trim().len() > 2 && !footnote) {
            let s = le - body.len();
            push_unnumbered(&mut items, text, s, le);
        } else if footnote {
        } else if let Some(end) = lead_in_with_fields(text, pos, le, body_end) {
            // "For each incident I would like to know the following:" and its lines of
            // fields ("Month of the incident;") ask one thing.
            push_unnumbered(&mut items, text, pos + lead, end);
            pos = end + 1;
            continue;
        } else {
            let mut asked = false;
            for (s, e) in sentences(text, pos, le) {
                let sent = text[s..e].trim();
                // "Please send me every contract … . Also the contract for the panels …": a
                // sentence that adds to the ask before it asks too.
                let adds = asked
                    && ["Also ", "Additionally ", "And also "]
                        .iter()
                        .any(|w| sent.starts_with(w));
                // In the requester's letter a question closed by a full stop still asks: "How
                // many ponds were filled in each year since 2014."
                // So does a sentence that asks "how many" or "how much" after an opening
                // phrase: "Also during the same period how many complaints have you received."
                let asks = asks(sent)
                    || adds
                    || interrogative_statement(sent)
                    || polar(sent)
                    || asks_quantity_inside(sent);
                asked = asks;
                if asks && sent.split_whitespace().count() >= 3 {
                    for (a, b) in prose::split_asks(text, s, e) {
                        push_unnumbered(&mut items, text, a, b);
                    }
                }
            }
        }
        pos = le + 1;
    }
    if items.is_empty() {
        return None;
    }
    Some(Questionnaire::unnumbered(items, Some(m), true))
}

/// A sentence of a request letter that asks for a quantity after some opening words ("Also
/// for the same years how many …", "I need to know how much …"): the words "how many" or "how
/// much" within its first twelve words.
pub(super) fn asks_quantity_inside(sent: &str) -> bool {
    let words: Vec<&str> = sent.split_whitespace().take(13).collect();
    words.len() >= 5
        && words.windows(2).any(|w| {
            w[0].eq_ignore_ascii_case("how")
                && (w[1].eq_ignore_ascii_case("many") || w[1].eq_ignore_ascii_case("much"))
        })
}

/// Whether a star stands glued after a word or a mark in `before` ("patrol?*"): a footnote's call.
fn footnote_call_before(before: &str) -> bool {
    let b = before.as_bytes();
    (1..b.len()).any(|i| b[i] == b'*' && !b[i - 1].is_ascii_whitespace() && b[i - 1] != b'*')
}

/// A line that asks for "the following" and ends with ':' followed by two or more short lines of
/// fields, each ending with ';' or ',' or nothing (never a question of its own): the end of the
/// last field line.
fn lead_in_with_fields(text: &str, ls: usize, le: usize, limit: usize) -> Option<usize> {
    let line = text[ls..le].trim();
    if !line.ends_with(':') || !asks(line.trim_end_matches(':').trim_end()) {
        return None;
    }
    let mut pos = le + 1;
    let mut fields = 0;
    let mut end = le;
    while pos < limit {
        let e = text[pos..limit].find('\n').map_or(limit, |p| pos + p);
        let l = text[pos..e].trim();
        if l.is_empty() {
            if fields > 0 {
                break;
            }
            pos = e + 1;
            continue;
        }
        // Bulleted lines are questions of their own, read as bullets.
        if l.starts_with(['-', '*', '•', '–', '·']) {
            return None;
        }
        let short = l.split_whitespace().count() <= 12 && !l.ends_with('?') && !l.ends_with(':');
        if !short || l.ends_with('.') && !l.ends_with(';') {
            break;
        }
        fields += 1;
        end = e;
        pos = e + 1;
    }
    (fields >= 2).then_some(end)
}

/// Whether a text is made of words: most of its tokens are words of letters, as no uuencoded
/// or base64 line is.
pub(crate) fn wordy(t: &str) -> bool {
    let toks: Vec<&str> = t.split_whitespace().collect();
    let words = toks
        .iter()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
        .count();
    !toks.is_empty() && words * 10 >= toks.len() * 6
}

/// How a request's sentence opens when it asks: "Please provide …", "Could you …".
const OPENERS: [&str; 41] = [
    "please describe",
    "please explain",
    "please outline",
    "please detail",
    "please specify",
    "please indicate",
    "please identify",
    "please provide",
    "please supply",
    "please send",
    "please confirm",
    "please tell",
    "please state",
    "please list",
    "please disclose",
    "please advise",
    "please give",
    "please let me know",
    "please could you",
    "could you",
    "can you",
    "would you",
    "i would like to know",
    "i would like to request",
    "i would like to ask",
    "i would like a copy",
    "i would like details",
    "i would be grateful",
    "i request",
    "i am requesting",
    "i wish to request",
    "please can you",
    "please would you",
    "please may i",
    "may i have",
    "may i request",
    "can i have",
    "could i have",
    "i want to know",
    "i was wondering if",
    "i wonder if",
];

/// Whether a sentence asks for something: a question, or a request opened by "Please provide",
/// "Could you send", "I would like to know" and their kin (not a lead-in ending with ':').
pub(crate) fn asks(sent: &str) -> bool {
    // A question mark before a footnote's star or a stray stop: "…on patrol?*."
    let sent = sent.trim_end_matches(['*', '.', ')', '"', '\'', ' ']);
    if sent.ends_with('?') {
        return true;
    }
    if sent.ends_with(':') {
        return false;
    }
    // "Please also tell me …", "Could you also send …", "I would also like to know …": the
    // adverb that joins an ask to the one before leaves it an ask.
    let lower = sent
        .to_ascii_lowercase()
        .replacen(" also ", " ", 1)
        .replacen(" further ", " ", 1);
    if format_wish(&lower) || leads_in(&lower) {
        return false;
    }
    // "I am writing to request the following information about X." announces the list
    // below it (its own items inline after a colon are asks, read elsewhere).
    if ["the following information", "the following details"]
        .iter()
        .any(|w| lower.contains(w))
        && !sent.contains(':')
    {
        return false;
    }
    // An ask after an opening clause: "In addition, for that period I would like to know …".
    const INNER: [&str; 2] = [" i would like to know ", " i would like to request "];
    // Never a condition's fallback: "If you cannot …, please provide the rest." A short
    // condition that only softens the ask is an ask: "If possible, please also give …".
    let softened = ["if possible,", "if available,", "where possible,", "if so,"]
        .iter()
        .any(|c| lower.starts_with(c));
    if (!lower.starts_with("if ") || softened)
        && (INNER.iter().any(|p| lower.contains(p)) || polite_ask_after_comma(&lower))
    {
        return true;
    }
    OPENERS.iter().any(|p| lower.starts_with(p))
}

/// "If possible, please provide it as a spreadsheet.": a wish about the reply's form, which
/// asks for no information of its own.
fn format_wish(lower: &str) -> bool {
    const FORMS: [&str; 9] = [
        "spreadsheet",
        "excel",
        " csv",
        "electronic format",
        "electronically",
        "by email",
        "by e-mail",
        "machine readable",
        "machine-readable",
    ];
    lower.split_whitespace().count() <= 14
        && FORMS.iter().any(|f| lower.contains(f))
        && ![
            "how many",
            "number of",
            "how much",
            "list of",
            "copy of",
            "copies of",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// ", please could you tell me …", ", please also give …": a polite ask after an opening
/// clause ("Under the Act, please could you tell me the number of …"), read with the "please"
/// openers of a request.
fn polite_ask_after_comma(lower: &str) -> bool {
    lower.match_indices(", please ").any(|(k, _)| {
        let rest = &lower[k + 2..];
        let rest = rest
            .strip_prefix("please also ")
            .map_or(std::borrow::Cow::Borrowed(rest), |r| {
                std::borrow::Cow::Owned(format!("please {r}"))
            });
        OPENERS
            .iter()
            .any(|o| o.starts_with("please ") && rest.starts_with(o))
    })
}

fn push_unnumbered(items: &mut Vec<QItem>, text: &str, s: usize, e: usize) {
    let n = items.len() as u32 + 1;
    items.push(QItem::unnumbered(text, s, e, Label(vec![Part::Num(n)])));
}

impl QItem {
    /// A question the request does not number, read from `text[s..e]` (white space trimmed),
    /// given `label` (its order number, or a sub-part under a heading).
    pub(crate) fn unnumbered(text: &str, s: usize, e: usize, label: Label) -> QItem {
        let s = s + (text[s..e].len() - text[s..e].trim_start().len());
        let e = s + text[s..e].trim_end().len();
        let key = label.key();
        QItem {
            id: key.clone(),
            key,
            label,
            marker: None,
            text_start: s,
            text_end: e,
            text: one_line(&text[s..e]),
            header: false,
            parent: None,
            numbered: false,
            glued: None,
        }
    }
}

/// Sentence spans in `[from, to)`: split after `.`, `?` or `!` followed by white space and a
/// capital letter, a digit or an opening bracket; never inside "e.g." or "£2.4m".
/// Whether the line break at `i` ends a list of figures under a lead-in ("… received the
/// following applications:" / "iii) applications declined – 1,317") before a line that is a
/// sentence of its own ("Figures for the time taken are published each quarter."): the list's
/// last line ends with a figure and no stop, so the stop rule alone would run them together.
fn after_figure_list(text: &str, s: usize, i: usize, to: usize) -> bool {
    // Cheapest first: this runs at every line break of every answer, and the lead-in test reads
    // the sentence so far.
    let ls = text[..i].rfind('\n').map_or(0, |p| p + 1).max(s);
    if !text[ls..i]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let rest = &text[i + 1..to];
    let next = rest[..rest.find('\n').unwrap_or(rest.len())].trim();
    let mut chars = next.chars();
    let sentence = matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase())
        && next.ends_with(['.', '?', ':'])
        && next.split_whitespace().count() >= 5;
    if !sentence {
        return false;
    }
    let before = text[s..ls].trim_end();
    before.contains(":\n") || before.ends_with(':')
}

/// Whether `rest` opens with a request's noun, capitalised as an item of a list starts ("The
/// number of", "Any available figures", "Details of"): mid-sentence, the mark of a lost break.
fn lost_break_before(rest: &str) -> bool {
    const HEADS: [&str; 12] = [
        "The number of ",
        "Total number of ",
        "Number of ",
        "The total ",
        "The amount ",
        "The cost of ",
        "Any available ",
        "Any figures ",
        "Details of ",
        "A list of ",
        "A copy of ",
        "Copies of ",
    ];
    HEADS.iter().any(|h| rest.starts_with(h))
}

pub fn sentences(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut s = from;
    let mut i = from;
    while i < to {
        let c = b[i];
        if matches!(c, b'.' | b'?' | b'!') && i + 1 < to && b[i + 1].is_ascii_whitespace() {
            let mut j = i + 1;
            while j < to && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let next_ok = j < to
                && (b[j].is_ascii_uppercase()
                    || b[j].is_ascii_digit()
                    || matches!(b[j], b'(' | b'"' | b'[' | b'\'')
                    || b[j] >= 0x80);
            let abbrev = c == b'.' && {
                let w = text[s..i]
                    .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "e.g"
                        | "i.e"
                        | "etc"
                        | "no"
                        | "mr"
                        | "mrs"
                        | "ms"
                        | "dr"
                        | "st"
                        | "approx"
                        | "c"
                        | "ref"
                        | "s"
                        | "reg"
                        | "para"
                        | "vs"
                        | "nos"
                        | "cf"
                ) || w.len() == 1
            };
            if next_ok && !abbrev {
                out.push((s, i + 1));
                s = j;
                i = j;
                continue;
            }
        }
        // A list of requests whose line breaks were lost: "… by land type Back alleyway The
        // number of fixed penalty notices issued …" — a capitalised request's noun after a
        // lower-case word or a closing bracket, with no stop, starts the next item.
        if c == b' '
            && i > s
            && (b[i - 1].is_ascii_lowercase() || b[i - 1] == b')')
            && lost_break_before(&text[i + 1..to])
            && text[s..i].split_whitespace().count() >= 4
        {
            out.push((s, i));
            s = i + 1;
            i = s;
            continue;
        }
        // Questions one a line, some without their question mark ("Are your hoses tested to
        // BS EN 14540 (2014)" / "Do you pressure test them?"): a line that asks ends at the line
        // break before another that asks.
        if c == b'\n' && i > s && after_figure_list(text, s, i, to) {
            out.push((s, s + text[s..i].trim_end().len()));
            s = i + 1 + (text[i + 1..to].len() - text[i + 1..to].trim_start().len());
            i = s;
            continue;
        }
        if c == b'\n' && i > s {
            let this = text[s..i].trim();
            let next = text[i + 1..to].trim_start();
            let asks_this = opens_question(this) || polite_ask(this);
            let ended = !this.ends_with([',', ':', ';']);
            if asks_this
                && this.split_whitespace().count() >= 4
                && (opens_question(next) || ended && polite_ask(next))
            {
                out.push((s, s + text[s..i].trim_end().len()));
                s = to - next.len();
                i = s;
                continue;
            }
        }
        i += 1;
    }
    if s < to && !text[s..to].trim().is_empty() {
        out.push((s, to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markers;
    use crate::messages;

    fn questionnaire(text: &str) -> Questionnaire {
        let doc = Doc::new(text);
        let thread = messages::split(&doc);
        let ms = markers::find(&doc);
        find(&doc, &thread, &ms).expect("a questionnaire")
    }

    fn ids(q: &Questionnaire) -> Vec<(String, String)> {
        q.items
            .iter()
            .map(|i| (i.id.clone(), i.text.clone()))
            .collect()
    }

    #[test]
    fn a_list_of_asks_indented_under_a_lead_in_item_is_its_parts() {
        // An HTML list inside a list, pasted: the inner numbers restart at 1.
        let text = "Request\n\n  1. For each year since 2020, what was the:\n    \
                    1. Total value of grants to clubs?\n    2. Total number of grants to clubs?\n  \
                    2. Of these, how many were direct awards?\n  3. In the cases of refusals:\n    \
                    1. The reason given.\n    2. Whether the applicant appealed.\n\n\
                    Response\n\nPlease see below.\n";
        let got: Vec<String> = ids(&questionnaire(text))
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, ["1", "1.1", "1.2", "2", "3", "3.1", "3.2"]);
    }

    #[test]
    fn an_indented_list_of_options_or_of_answers_is_no_parts() {
        // "broken down by:" over names lists one question's parts; a question's "If so, …?" is
        // its own; answers indented after a blank line are answers.
        let text =
            "Request\n\n  1. Number of pharmacy staff, broken down by:\n    1. Pharmacists\n    \
                    2. Technicians\n  2. Does the Trust run a weekend service?\n    \
                    1. If so, which wards does it cover?\n  3. How many robots do you use?\n\n\
                    Response\n\n    1. 40 in all.\n";
        let got: Vec<String> = ids(&questionnaire(text))
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, ["1", "2", "3"]);
    }

    #[test]
    fn lower_case_questions_answered_after_dashes() {
        let q = questionnaire(
            "Enquiry Reference: 612 - 24\nBelow is your Freedom of Information request and our \
             response.\n- how many police officers are currently on a career break - 11\n\
             - how many police staff are currently on a career break - 4\n\
             - how many police staff are currently on a career break - 6\n\
             Section 17 requires a notice which: a) states that fact b) specifies the exemption \
             in question and c) states why the exemption applies.\n",
        );
        let texts: Vec<String> = ids(&q).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            [
                "how many police officers are currently on a career break",
                "how many police staff are currently on a career break",
                "how many police staff are currently on a career break"
            ]
        );
    }

    #[test]
    fn roman_parts_under_a_lettered_question() {
        let q = questionnaire(
            "Please send me:\n\na) The number of pool cars in 2014\n\nb) For each car,\n\n\
             i) The make and model\n\nii) The miles driven in 2014\n\nc) The cost of the \
             cars in 2014\n\nThe School does not hold this information.\n",
        );
        let keys: Vec<String> = q.items.iter().map(|i| i.label.key()).collect();
        assert_eq!(keys, ["a", "b", "bi", "bii", "c"]);
        // After h) an i) is the next letter.
        let q = questionnaire(
            "Please send me:\n\ng) The number of cars\n\nh) The cost of cars\n\ni) The \
             miles driven\n\nWe do not hold this information.\n",
        );
        let keys: Vec<String> = q.items.iter().map(|i| i.label.key()).collect();
        assert_eq!(keys, ["g", "h", "i"]);
    }

    #[test]
    fn a_request_letter_asks_without_question_marks() {
        let q = questionnaire(
            "Dear Some Borough Council,\n\nI am writing about verges.\n\nHow many verges \
             were switched to wildflower management since 2019.\n\nAlso during the same period \
             how many complaints about uncut verges have you received.\n\nDoes the council \
             publish a verge map.\n\nYours faithfully,\n\nA Writer\n\nSome Borough Council\n\n\
             Dear A Writer,\n\nWe do not hold this information.\n",
        );
        let texts: Vec<String> = ids(&q).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].starts_with("Also during the same period how many"));
        assert!(asks_quantity_inside(
            "I need to know how much was spent on it."
        ));
        assert!(!asks_quantity_inside("How many."));
    }

    #[test]
    fn asks_one_a_line_without_question_marks() {
        let t = "Are your hoses tested to BS EN 14540 (2014)\nDo you pressure test them to 15 bar.\nHow many lengths are held?";
        let got: Vec<&str> = sentences(t, 0, t.len())
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            got,
            vec![
                "Are your hoses tested to BS EN 14540 (2014)",
                "Do you pressure test them to 15 bar.",
                "How many lengths are held?"
            ]
        );
        // A sentence wrapped over lines stays one.
        let t = "The hoses are tested to\nBS EN 14540 every year.";
        assert_eq!(sentences(t, 0, t.len()).len(), 1);
        // The sentence that announces the questions asks none.
        assert!(!asks(
            "Would it be possible for you to answer a few simple questions about hoses."
        ));
        assert!(asks("Could you send the hose policy."));
        assert!(!question_like(
            "Would it be possible for you to answer a few simple questions about hoses."
        ));
    }

    #[test]
    fn a_list_whose_line_breaks_were_lost_splits_at_request_nouns() {
        let t = "Please provide: Total number of complaints by ward, including: North South \
                 The number of warning letters sent in each year The number of prosecutions \
                 (if held) Any available figures on the cost of clearance";
        let got: Vec<&str> = sentences(t, 0, t.len())
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[1].starts_with("The number of warning letters"));
        assert!(got[3].starts_with("Any available figures"));
        // After a colon or a stop the sentence logic decides, and a short lead is kept whole.
        let t = "We hold: The number of cases is 4. Send The number of staff";
        assert_eq!(sentences(t, 0, t.len()).len(), 2);
    }

    #[test]
    fn noun_phrase_requests_with_answers_run_on() {
        fn cut(l: &str) -> Option<(&str, bool)> {
            same_line_answer(l, 0, l.len()).map(|(k, sure)| (&l[k..], sure))
        }
        let l = "The number of staff employed to run the service, and their job roles The service \
                 is run by a manager (1.0 WTE), supported by two coordinators.";
        assert_eq!(
            cut(l),
            Some((
                "The service is run by a manager (1.0 WTE), supported by two coordinators.",
                true
            ))
        );
        let l = "Whether volunteers are given access to patient records No. They have no access.";
        assert_eq!(cut(l), Some(("No. They have no access.", true)));
        // A name inside the request is no answer; nor is a request that is not a noun phrase.
        assert_eq!(
            cut("The number of volunteers registered with The Royal Infirmary."),
            None
        );
        assert_eq!(
            cut("Please list the sites used by the service The list is attached."),
            None
        );
    }

    #[test]
    fn polite_asks_after_an_opening_clause() {
        for yes in [
            "Under the Freedom of Information Act, please could you tell me the number of claims.",
            "If possible, please also give a breakdown by the main reason.",
            "For each year, please provide the total spent on agency staff.",
        ] {
            assert!(asks(yes), "{yes}");
        }
        for no in [
            "If you cannot provide all of it, please provide the figures you hold.",
            "Thank you for your help, please see my earlier message.",
            "We received your request, please note the reference above.",
            "If possible, please provide it as a spreadsheet.",
            "Please send the information electronically, by email.",
        ] {
            assert!(!asks(no), "{no}");
        }
    }

    #[test]
    fn labels_follow() {
        let l = |v: &[Part]| Label(v.to_vec());
        use Part::*;
        assert!(follows(&l(&[Num(1)]), &l(&[Num(2)]), true));
        assert!(follows(&l(&[Num(4)]), &l(&[Num(4), Letter(0)]), true));
        assert!(follows(
            &l(&[Num(4), Letter(0)]),
            &l(&[Num(4), Letter(1)]),
            true
        ));
        assert!(follows(&l(&[Num(4), Letter(2)]), &l(&[Num(5)]), true));
        assert!(follows(
            &l(&[Num(6), Letter(0)]),
            &l(&[Num(7), Letter(1)]),
            false
        ));
        assert!(!follows(
            &l(&[Num(6), Letter(0)]),
            &l(&[Num(7), Letter(1)]),
            true
        ));
        assert!(!follows(&l(&[Num(3)]), &l(&[Num(1)]), false));
        assert!(!follows(&l(&[Num(3)]), &l(&[Num(9)]), false));
        assert_eq!(
            resolve(Some(&l(&[Num(1), Letter(0)])), &l(&[Letter(1)])),
            l(&[Num(1), Letter(1)])
        );
        assert_eq!(
            resolve(Some(&l(&[Num(4)])), &l(&[Letter(0)])),
            l(&[Num(4), Letter(0)])
        );
        assert_eq!(
            resolve(Some(&l(&[Num(4), Letter(0)])), &l(&[Letter(8)])),
            l(&[Num(4), Letter(0), Letter(8)])
        );
        assert_eq!(
            resolve(Some(&l(&[Num(4), Letter(7)])), &l(&[Letter(8)])),
            l(&[Num(4), Letter(8)])
        );
    }

    #[test]
    fn request_message_with_sub_parts_and_notes() {
        let q = questionnaire(
            "Dear Some Borough Council,\n\nPlease answer:\nQ1. How many bins?\nQ2. Do you recycle?\n(if Yes answer Q3, if No answer Q4)\n\
             Q3. If you recycle:\nQ3a. Since when?\nQ3b. At what cost\nin total?\nQ4. Why not?\nOptions\nOne option\n\nYours faithfully,\n\nA Person\n",
        );
        assert!(q.from_request);
        let got = ids(&q);
        let want = [
            ("Q1", "How many bins?"),
            ("Q2", "Do you recycle?"),
            ("Q3", "If you recycle:"),
            ("Q3a", "Since when?"),
            ("Q3b", "At what cost in total?"),
            ("Q4", "Why not?"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_str()), w);
        }
        assert!(q.items[2].header);
        assert_eq!(q.items[3].parent, Some(2));
        assert_eq!(q.material.len(), 2, "{:?}", q.material);
    }

    #[test]
    fn run_in_list_in_a_reply() {
        let q = questionnaire("Dear Mr Smith,\n\nYou asked: (1) how many parks there are; (2) their total area; and (3) the cost of upkeep.\n\nIn answer to your first question, 12.\n");
        assert!(q.run_in);
        let got = ids(&q);
        assert_eq!(got[0], ("1".into(), "how many parks there are".into()));
        assert_eq!(got[2], ("3".into(), "the cost of upkeep.".into()));
    }

    #[test]
    fn inline_sub_parts() {
        let q = questionnaire("Dear Requester\n\nyou asked:\n\nQ1 (a) How many cars? (b) What did they cost? (c) Who made them?\nQ2 How far did they go?\n\nOur response\n\nQ1(a) Four.\n");
        let got: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
        assert_eq!(got, ["Q1(a)", "Q1(b)", "Q1(c)", "Q2"]);
        assert_eq!(q.items[1].text, "What did they cost?");
    }

    #[test]
    fn unnumbered_request() {
        let q = questionnaire("Dear Some Council,\n\nI would like to know the following:\nI would like to know how you handle this. How many staff do you employ? Please provide a copy of your policy.\n\nYours faithfully,\nA Person\n");
        let got: Vec<String> = q.items.iter().map(|i| i.text.clone()).collect();
        assert_eq!(
            got,
            [
                "I would like to know how you handle this.",
                "How many staff do you employ?",
                "Please provide a copy of your policy."
            ]
        );
        assert_eq!(q.items[0].id, "1");
    }

    #[test]
    fn lead_in_to_restated_bullets_is_no_question() {
        let q = questionnaire("Travel budget\n\nFOI reference - FOI-1\n\nYou have requested the following information:\n\n  \u{2022} What is your travel budget for this year?\n  \u{2022} How much of it is for overseas travel?\n\nInformation we are able to supply\n\n  \u{2022} What is your travel budget for this year?\n    About \u{a3}20,000.\n  \u{2022} How much of it is for overseas travel?\n    Up to \u{a3}1,000.\n");
        let got: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(got, ["1", "2"]);
        assert!(
            q.items[0].text.contains("travel budget"),
            "{:?}",
            q.items[0].text
        );
    }

    #[test]
    fn split_sentences() {
        let t = "It cost £2.4m. Then e.g. this. Q2? Yes";
        let s: Vec<&str> = sentences(t, 0, t.len())
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(s, ["It cost £2.4m.", "Then e.g. this.", "Q2?", "Yes"]);
        // A list of figures under a lead-in ends before a line that is a sentence of its own;
        // a hard-wrapped sentence does not.
        let t = "We received these:\ni) Tier 1 – 1,482\nii) Tier 2 – 906\n\
                 Figures for the time taken are published each quarter.\n\
                 In 2023 we paid\n£4,000 to the supplier.";
        let s: Vec<&str> = sentences(t, 0, t.len())
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(
            s,
            [
                "We received these:\ni) Tier 1 – 1,482\nii) Tier 2 – 906",
                "Figures for the time taken are published each quarter.",
                "In 2023 we paid\n£4,000 to the supplier."
            ]
        );
    }

    #[test]
    fn bullets_with_parts_numbered_inside_them_are_the_questions() {
        let text = "Request\nYou asked us:\n- List the applications for i) Tier 1 ii) Tier 2 and \
                    iii) declined.\n- Provide the time taken for i) Tier 1 ii) Tier 2.\n\
                    The Agency received your request on 3 March 2025.\nOur response\nSee below.\n";
        let q = questionnaire(text);
        let got: Vec<(String, String)> = ids(&q);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "2");
        assert!(got[1].1.ends_with("ii) Tier 2."), "{got:?}");
    }
}
