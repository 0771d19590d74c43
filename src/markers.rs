//! Question-id markers: where the text says "this is question N".
//!
//! Requests and replies number their questions in many ways: `Q4a.`, `Q1 (a)`, `Question 3:`,
//! `4.1`, `1)`, `(1)`, `a)`, `(ii)`, a number in the first cell of a table row. This module finds
//! every such marker with its parsed [`Label`] and whether it stands at the start of a line.
//! Markers in the middle of a line are only collected in forms that are rarely anything else
//! (`Q13c.`, `Question 2`, `(b)`, `(2)`, `b)`); whether a marker really opens a question is
//! decided later from the order of the labels and from the text that follows.

use crate::text::Doc;

/// One level of a question number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Num(u32),
    /// A lower-case letter, `a` = 0. Single `i`, `v` and `x` are read as letters; the sequence
    /// logic also accepts them as roman numerals.
    Letter(u8),
    /// A roman numeral of two or more letters (`ii` = 2).
    Roman(u32),
}

impl Part {
    /// Index among siblings, 1-based, for "is this the next one" checks.
    pub fn ordinal(self) -> u32 {
        match self {
            Part::Num(n) | Part::Roman(n) => n,
            Part::Letter(l) => l as u32 + 1,
        }
    }

    fn key(self) -> String {
        match self {
            Part::Num(n) => n.to_string(),
            Part::Letter(l) => ((b'a' + l) as char).to_string(),
            Part::Roman(n) => roman(n),
        }
    }

    /// Whether `next` can directly follow `self` as the next sibling, allowing `skip` gaps.
    pub fn is_next(self, next: Part, skip: u32) -> bool {
        let ok = |a: u32, b: u32| b > a && b <= a + 1 + skip;
        match (self, next) {
            (Part::Num(a), Part::Num(b)) => ok(a, b),
            (Part::Letter(a), Part::Letter(b)) => ok(a as u32, b as u32),
            (Part::Roman(a), Part::Roman(b)) => ok(a, b),
            // `i` read as a letter may be roman one; `v`/`x` likewise.
            (Part::Letter(8), Part::Roman(b)) => ok(1, b),
            (Part::Letter(21), Part::Roman(b)) => ok(5, b),
            (Part::Letter(23), Part::Roman(b)) => ok(10, b),
            (Part::Roman(a), Part::Letter(21)) => ok(a, 5),
            (Part::Roman(a), Part::Letter(23)) => ok(a, 10),
            _ => false,
        }
    }

    /// Whether this is a first child (`a`, `i`, `1`).
    pub fn is_first(self) -> bool {
        matches!(
            self,
            Part::Num(1) | Part::Letter(0) | Part::Letter(8) | Part::Roman(1)
        )
    }
}

fn roman(n: u32) -> String {
    const R: [(u32, &str); 7] = [
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
        (0, ""),
        (0, ""),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in R {
        while v > 0 && n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn parse_roman(s: &str) -> Option<u32> {
    const VALID: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    VALID.iter().position(|r| *r == s).map(|p| p as u32 + 1)
}

/// A question number: `Q4b` is `[Num(4), Letter(1)]`, `(ii)` is `[Roman(2)]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Label(pub Vec<Part>);

impl Label {
    /// Normalised id for matching: `4b` for `Q4b`, `4(b)` and `4 (b)`. Decimal levels keep their
    /// dot (`4.1`) so that `41` and `4.1` stay apart.
    pub fn key(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 && matches!(p, Part::Num(_)) && matches!(self.0[i - 1], Part::Num(_)) {
                s.push('.');
            }
            s.push_str(&p.key());
        }
        s
    }

    pub fn depth(&self) -> usize {
        self.0.len()
    }

    pub fn main(&self) -> Option<u32> {
        match self.0.first() {
            Some(Part::Num(n)) => Some(*n),
            _ => None,
        }
    }

    /// Whether `self` is a strict prefix of `other` (its parent, grandparent…).
    pub fn is_ancestor_of(&self, other: &Label) -> bool {
        self.0.len() < other.0.len() && other.0.starts_with(&self.0)
    }

    pub fn parent(&self) -> Option<Label> {
        if self.0.len() > 1 {
            Some(Label(self.0[..self.0.len() - 1].to_vec()))
        } else {
            None
        }
    }
}

/// How a marker was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `Q4a.`, `Q 3`, `Q.3`
    Q,
    /// `Question 3`, `Request 2`, `Point 4`
    Word,
    /// `(1)`, `(a)`, `(ii)`
    Paren,
    /// `1)`, `a)`, `ii)`
    RightParen,
    /// `1.`, `1:`, `4.1`, `a.`, `1 -`, a number before a tab or `|`
    Plain,
    /// An answer's number: `A1.`, `Answer 2:`, `Response 3 -`. Marks where an answer starts,
    /// never a question.
    Answer,
    /// `Question:` or `Q:` without a number; numbered here in order of appearance.
    Labelled,
}

/// A place where the text names a question number.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Byte offset where the marker begins.
    pub start: usize,
    /// Byte offset after the marker, its punctuation and the white space after it.
    pub end: usize,
    pub label: Label,
    pub style: Style,
    /// Only white space, quote marks or bullets precede it on its line.
    pub line_start: bool,
    /// The id as written, without trailing punctuation (`Q4a`, `Question 3`, `4(a)`).
    pub written: String,
    /// The label was written as a number immediately followed by a sub-part (`Q1 (a)`), so the
    /// number itself names no question of its own here.
    pub compound: bool,
}

/// Every marker in the text, in order.
pub fn find(doc: &Doc) -> Vec<Marker> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut labelled = 0u32;
    let mut letters: Vec<Marker> = Vec::new();
    let mut bare: Vec<Marker> = Vec::new();
    for line in 0..doc.line_count() {
        let (ls, le) = doc.line_range(line);
        // Skip indentation, quote marks and bullets.
        let mut p = ls;
        while p < le && matches!(bytes[p], b' ' | b'\t' | b'>' | b'|' | b'*' | b'"') {
            p += 1;
        }
        // A new letter restarts the numbering of "Question:" labels.
        let head = &text[p..crate::text::floor_char(text, le.min(p + 16))];
        if head.starts_with("Dear ")
            || head.starts_with("Yours ")
            || head.starts_with("Kind regards")
        {
            labelled = 0;
        }
        if let Some(mut m) = parse_labelled(text, p, le).or_else(|| parse_answer_form(text, p, le))
        {
            if m.style == Style::Labelled {
                labelled += 1;
                m.label = Label(vec![Part::Num(labelled)]);
                m.written = labelled.to_string();
            }
            out.push(m);
            continue;
        }
        if p + 1 < le && bytes[p] == b'-' && bytes[p + 1] == b' ' {
            p += 2;
            while p < le && bytes[p] == b' ' {
                p += 1;
            }
        }
        let mut from = p;
        if let Some(m) = parse_at(text, p, le, true) {
            from = m.end;
            out.push(m);
        } else if let Some(m) = line_letter(text, p, le) {
            from = m.end;
            letters.push(m);
        } else if let Some(m) = line_bare_number(text, p, le) {
            from = m.end;
            bare.push(m);
        }
        // Inline markers: scan for `Q`/`Question` and parenthesised or `x)` forms.
        let mut i = from;
        while i < le {
            let b = bytes[i];
            // Not the digits after a thousands comma ("1,240)" is no marker "240)").
            let prev_ok = i == ls
                || matches!(
                    bytes[i - 1],
                    b' ' | b'\t' | b':' | b';' | b',' | b'(' | b'"'
                ) && !(bytes[i - 1] == b','
                    && b.is_ascii_digit()
                    && i >= 2
                    && bytes[i - 2].is_ascii_digit())
                // Glued after a sentence's stop: "… temporary contracts.2)The total …",
                // "… not held.Q2 – Headcount" (never "3.5)", whose stop follows a digit).
                || (bytes[i - 1] == b'.'
                    && i >= 2
                    && bytes[i - 2].is_ascii_alphabetic()
                    && (b.is_ascii_digit()
                        || b == b'Q' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)));
            // Never after a figure ("3:1. The", "10:30. Then").
            if i > ls + 1
                && matches!(bytes[i - 1], b'?' | b':')
                && !bytes[i - 2].is_ascii_digit()
                && b.is_ascii_digit()
            {
                if let Some(m) = glued_after_question(text, i, le) {
                    i = m.end;
                    out.push(m);
                    continue;
                }
            }
            if prev_ok
                && matches!(b, b'Q' | b'q' | b'(' | b'a'..=b'z' | b'0'..=b'9')
                && !in_citation(text, ls, i)
            {
                if let Some(m) = parse_at(text, i, le, false) {
                    i = m.end;
                    out.push(m);
                    continue;
                }
            }
            i += 1;
        }
        inline_dot_runs(text, from, le, &mut out);
    }
    keep_letter_sequences(&mut out, letters);
    keep_bare_number_runs(&mut out, bare);
    renumber_repeated_ones(text, &mut out);
    drop_footnotes(text, &mut out);
    out
}

/// "… in total?2. How many accounts …", "… for all ratepayers):1. How many …": a number and a
/// stop glued to the question mark or colon before it, then a capitalised word — a list whose
/// line breaks were lost. The glue is the sign: prose puts a space after "?" and ":".
fn glued_after_question(text: &str, i: usize, le: usize) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    let mut e = i;
    while e < le && b[e].is_ascii_digit() && e - i < 2 {
        e += 1;
    }
    let n: u32 = text[i..e].parse().ok()?;
    let ok =
        n > 0 && b.get(e) == Some(&b'.') && b.get(e + 1) == Some(&b' ') && glued_word(b, e + 2);
    ok.then(|| Marker {
        start: i,
        end: e + 2,
        label: Label(vec![Part::Num(n)]),
        style: Style::Plain,
        line_start: false,
        written: text[i..e].to_string(),
        compound: false,
    })
}

/// Lettered parts with a full stop inside a line, as a list pastes when its line breaks are
/// lost ("… broken down by: a. Complaints received b. Warning letters issued c. Notices
/// served"), and numbered ones with a letter ("10a. If yes, … 10b. If no, …"). Read only as a
/// run in order on one line — three letters from `a`, or two numbered parts from `a` — before a
/// capitalised word: alone, "a." ends an abbreviation or a sentence.
fn inline_dot_runs(text: &str, from: usize, le: usize, out: &mut Vec<Marker>) {
    let b = text.as_bytes();
    let mut found: Vec<Marker> = Vec::new();
    let mut i = from;
    while i + 3 < le {
        let start_ok = i > from && matches!(b[i - 1], b' ' | b'\t' | b':' | b';');
        if !start_ok {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < le && e - i < 3 && b[e].is_ascii_digit() {
            e += 1;
        }
        let num = (e > i).then(|| text[i..e].parse::<u32>().ok()).flatten();
        if e < le
            && b[e].is_ascii_lowercase()
            && b.get(e + 1) == Some(&b'.')
            && b.get(e + 2) == Some(&b' ')
            && b.get(e + 3).is_some_and(u8::is_ascii_uppercase)
        {
            let letter = Part::Letter(b[e] - b'a');
            let label = match num {
                Some(n) if n > 0 && n <= 300 => vec![Part::Num(n), letter],
                Some(_) => {
                    i += 1;
                    continue;
                }
                None => vec![letter],
            };
            found.push(Marker {
                start: i,
                end: e + 3,
                label: Label(label),
                style: Style::Plain,
                line_start: false,
                written: text[i..e + 1].to_string(),
                compound: num.is_some(),
            });
            i = e + 3;
            continue;
        }
        i += 1;
    }
    // Keep the runs: consecutive letters from `a` under the same number (or none).
    let mut k = 0;
    while k < found.len() {
        let mut j = k + 1;
        while j < found.len() && {
            let (p, n) = (&found[j - 1].label.0, &found[j].label.0);
            p.len() == n.len() && p[..p.len() - 1] == n[..n.len() - 1] && {
                let (a, c) = (p[p.len() - 1], n[n.len() - 1]);
                a.is_next(c, 0)
            }
        } {
            j += 1;
        }
        let first_is_a = found[k].label.0.last() == Some(&Part::Letter(0));
        let need = if found[k].label.0.len() == 1 { 3 } else { 2 };
        if first_is_a && j - k >= need {
            // Only this line's markers can overlap or follow them (`out` is in text order).
            let line = out.partition_point(|o| o.end <= from);
            for m in &found[k..j] {
                if !out[line..]
                    .iter()
                    .any(|o| o.start <= m.start && m.start < o.end.max(o.start + 1))
                {
                    out.push(m.clone());
                }
            }
            out[line..].sort_by_key(|m| m.start);
        }
        k = j;
    }
}

/// A letter opening a line as a list's number, read as a candidate only (kept when in sequence,
/// [`keep_letter_sequences`]): a capital and a full stop ("A. Enforcement records"; alone it is
/// an initial, "A. Smith"), or a lower-case letter set off from its text by a tab or two spaces
/// ("a  Total number of requests", "b\tOf these …", as a Word or PDF list pastes without its
/// bracket or stop; alone it is a word, "a  large number").
fn line_letter(text: &str, p: usize, le: usize) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    let c = *b.get(p)?;
    let (letter, end) = if c.is_ascii_uppercase()
        && b.get(p + 1..p + 3) == Some(b". ")
        && followed_by_text(b, p + 2, le)
    {
        (c - b'A', p + 2)
    } else if c.is_ascii_lowercase()
        && matches!(b.get(p + 1..p + 3), Some([b'\t', _] | [b' ', b' ']))
        && followed_by_text(b, p + 1, le)
    {
        (c - b'a', p + 1)
    } else {
        return None;
    };
    Some(Marker {
        start: p,
        end,
        label: Label(vec![Part::Letter(letter)]),
        style: Style::Plain,
        line_start: true,
        written: text[p..p + 1].to_string(),
        compound: false,
    })
}

/// "1 How many fires did the Service attend …": a number with neither stop nor bracket, then a
/// space and a sentence (a capitalised word and at least four words after it) — PDF text that
/// lost the list's punctuation. Only a candidate: dates ("2 February 2024 was …"), addresses
/// and table rows ("1 Bedroom 45") open lines the same way, so [`keep_bare_number_runs`] keeps
/// only lists counted from 1.
fn line_bare_number(text: &str, p: usize, le: usize) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    let mut e = p;
    while e < le && b[e].is_ascii_digit() {
        e += 1;
    }
    if e == p || e - p > 2 || b.get(e) != Some(&b' ') || !glued_word(b, e + 1) {
        return None;
    }
    let n: u32 = text[p..e].parse().ok()?;
    let rest = &text[e + 1..le];
    let first = rest.split(' ').next().unwrap_or("");
    if n == 0 || crate::dates::month_from_name(first.trim_end_matches(['.', ','])).is_some() {
        return None;
    }
    if rest.split_whitespace().count() < 5 {
        return None;
    }
    Some(Marker {
        start: p,
        end: e + 1,
        label: Label(vec![Part::Num(n)]),
        style: Style::Plain,
        line_start: true,
        written: text[p..e].to_string(),
        compound: false,
    })
}

/// Bare-number candidates ([`line_bare_number`]) that count 1, 2, 3 … in the order they stand
/// (two at least, the first "1") number a list; a run may restart at 1 (the request's list, then
/// the answers' list). Any other candidate is a figure, a date or an address and dropped. Where
/// the text also numbers lines with punctuation ("1.", "2)"), a run is kept only when it comes
/// after that list and counts exactly its numbers (answers "1 …", "2 …" under a request "1.",
/// "2."); otherwise bare numbers are a ranked table's rows ("1 Langsett Road at …").
fn keep_bare_number_runs(out: &mut Vec<Marker>, candidates: Vec<Marker>) {
    let punctuated: Vec<&Marker> = out
        .iter()
        .filter(|m| m.line_start && m.style == Style::Plain && m.label.0.len() == 1)
        .collect();
    let mut tops: Vec<u32> = punctuated.iter().filter_map(|m| m.label.main()).collect();
    tops.sort_unstable();
    tops.dedup();
    let first_punctuated = punctuated.first().map(|m| m.start);
    let counts_tops = tops.iter().copied().eq(1..=tops.len() as u32);
    let nums: Vec<u32> = candidates
        .iter()
        .map(|m| m.label.main().unwrap_or(0))
        .collect();
    let mut keep = vec![false; nums.len()];
    let mut k = 0;
    while k < nums.len() {
        let mut j = k;
        while j + 1 < nums.len() && nums[j + 1] == nums[j] + 1 {
            j += 1;
        }
        let fits = match first_punctuated {
            None => true,
            Some(at) => counts_tops && nums[j] as usize == tops.len() && candidates[k].start > at,
        };
        if nums[k] == 1 && j > k && fits {
            keep[k..=j].iter_mut().for_each(|x| *x = true);
        }
        k = j + 1;
    }
    merge_kept(
        out,
        candidates
            .into_iter()
            .zip(keep)
            .filter_map(|(m, keep)| keep.then_some(m)),
    );
}

/// Adds the kept candidates to the markers, keeping them in text order.
fn merge_kept(out: &mut Vec<Marker>, kept: impl Iterator<Item = Marker>) {
    let before = out.len();
    out.extend(kept);
    if out.len() > before {
        out.sort_by_key(|m| m.start);
    }
}

/// Letter candidates ([`line_letter`]) that run in sequence ("A." then "B." a few lines on)
/// number a list; the others are initials or words and dropped.
fn keep_letter_sequences(out: &mut Vec<Marker>, candidates: Vec<Marker>) {
    // The letters, as written ("A" … "Z", "a" … "z").
    let letters: Vec<u8> = candidates.iter().map(|m| m.written.as_bytes()[0]).collect();
    let in_sequence = |k: usize| {
        let next = letters.get(k + 1).is_some_and(|&n| n == letters[k] + 1);
        let prev = k > 0 && letters[k - 1] + 1 == letters[k];
        next || prev
    };
    merge_kept(
        out,
        candidates
            .into_iter()
            .enumerate()
            .filter_map(|(k, m)| in_sequence(k).then_some(m)),
    );
}

/// Footnotes are no questions: a number in brackets closing a sentence ("… a custody suite
/// (1).") is a note's call, and a line that opens with the same bracketed number after that call
/// ("(1) The count is of unique records.") is the note itself.
fn drop_footnotes(text: &str, out: &mut Vec<Marker>) {
    let b = text.as_bytes();
    let calls: Vec<(usize, Label)> = out
        .iter()
        .filter(|m| {
            !m.line_start
                && m.style == Style::Paren
                && matches!(m.label.0.as_slice(), [Part::Num(_)])
                && text[m.start..].find(')').is_some_and(|c| {
                    let after = m.start + c + 1;
                    let next = b.get(after).copied();
                    matches!(next, None | Some(b'.' | b',' | b';' | b'\n'))
                        && m.start > 0
                        && b[m.start - 1] == b' '
                        && m.start >= 2
                        && b[m.start - 2].is_ascii_alphanumeric()
                })
        })
        .map(|m| (m.start, m.label.clone()))
        .collect();
    if calls.is_empty() {
        return;
    }
    out.retain(|m| {
        if calls.iter().any(|(s, _)| *s == m.start) {
            return false;
        }
        // The note: a line-start "(N)" after a call of N, within a few lines of it.
        let note = m.line_start
            && m.style == Style::Paren
            && calls
                .iter()
                .any(|(s, l)| *l == m.label && *s < m.start && m.start - *s < 600);
        !note
    });
}

/// A web page's list where every item was a list of its own pastes as "1." each time: three or
/// more one-line "1." items, each followed by nothing but blank lines (or a line holding a
/// non-breaking space) up to the next, are items 1, 2, 3 …. A "1." under each of several
/// headings ("Request" / "Reply") is a list that restarts, read elsewhere.
fn renumber_repeated_ones(text: &str, out: &mut [Marker]) {
    let one = Label(vec![Part::Num(1)]);
    let is_one = |m: &Marker| m.line_start && m.label == one && m.style == Style::Plain;
    let mut k = 0;
    while k < out.len() {
        if !is_one(&out[k]) {
            k += 1;
            continue;
        }
        // The run: "1." markers, with only inline markers between them.
        let mut run = vec![k];
        let mut j = k + 1;
        while j < out.len() {
            let prev = out[run[run.len() - 1]].end;
            let gap_from = text[prev..].find('\n').map_or(text.len(), |p| prev + p);
            let adjacent =
                out[j].start >= gap_from && text[gap_from..out[j].start].trim().is_empty();
            if is_one(&out[j]) && adjacent {
                run.push(j);
            } else if out[j].line_start {
                break;
            }
            j += 1;
        }
        if run.len() >= 3 {
            for (n, &r) in run.iter().enumerate() {
                let num = n as u32 + 1;
                out[r].label = Label(vec![Part::Num(num)]);
                out[r].written = num.to_string();
            }
        }
        k = run[run.len() - 1] + 1;
    }
}

/// Whether `i` (inside the line starting at `ls`) is a subsection of a cited provision, not a
/// question number: "40(2)" and "29(1)(a)" (glued to the section's brackets) and the "(3)" of
/// "sections 40(2) and (3)".
fn in_citation(text: &str, ls: usize, i: usize) -> bool {
    let b = text.as_bytes();
    let glued = |k: usize| k > ls && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] == b')');
    if i > ls && b[i - 1] == b'(' && glued(i - 1) {
        return true;
    }
    // The number of "(3)" is read from its bracket.
    let i = if i > ls && b[i - 1] == b'(' { i - 1 } else { i };
    let from = crate::text::floor_char(text, i.saturating_sub(24).max(ls));
    let mut before = text[from..i].trim_end();
    for joiner in ["and", "or", "to", "&", ","] {
        if let Some(rest) = before.strip_suffix(joiner) {
            before = rest.trim_end();
            break;
        }
    }
    // "40(2)" just before: a bracket group glued to its section number.
    (before.ends_with(')') && before.rfind('(').is_some_and(|open| glued(from + open)))
        || after_provision_number(before)
}

/// Whether text ends with a provision's keyword and number, and perhaps bracket groups, spaced
/// as letters set them ("S 1 (1)", "section 40 (2)"): a bracket group after it is a subsection.
fn after_provision_number(before: &str) -> bool {
    let mut s = before.trim_end();
    while s.ends_with(')') {
        match s.rfind('(') {
            Some(open) => s = s[..open].trim_end(),
            None => return false,
        }
    }
    let word = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if word.len() == s.len() {
        return false;
    }
    let word = word.trim_end().trim_end_matches('.');
    let last = word
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "s" | "ss" | "section" | "sections" | "reg" | "regs" | "regulation" | "regulations"
    )
}

/// `Question: text`, `Q: text`, `Request: text` at the start of a line.
fn parse_labelled(text: &str, p: usize, le: usize) -> Option<Marker> {
    let rest = &text[p..le];
    let lower = rest
        .get(..rest.len().min(10))
        .unwrap_or("")
        .to_ascii_lowercase();
    for w in ["question", "request", "q"] {
        if let Some(after) = lower.strip_prefix(w) {
            let after_trim = after.trim_start();
            if after_trim.starts_with(':') {
                let colon = p + w.len() + (after.len() - after_trim.len());
                let mut e = colon + 1;
                while e < le && matches!(text.as_bytes()[e], b' ' | b'\t') {
                    e += 1;
                }
                if e >= le {
                    return None;
                }
                return Some(Marker {
                    start: p,
                    end: e,
                    label: Label(vec![Part::Num(1)]),
                    style: Style::Labelled,
                    line_start: true,
                    written: String::new(),
                    compound: false,
                });
            }
        }
    }
    None
}

/// `A1.`, `A2:`, `Answer 3 -`, `Response 4:` at the start of a line.
fn parse_answer_form(text: &str, p: usize, le: usize) -> Option<Marker> {
    let b = text.as_bytes();
    let rest = &text[p..le];
    let lower = rest
        .get(..rest.len().min(10))
        .unwrap_or("")
        .to_ascii_lowercase();
    let word = ["answer", "response", "reply", "ans", "a"]
        .into_iter()
        .find(|w| lower.starts_with(w))?;
    let mut e = p + word.len();
    if e < le && b[e] == b'.' && word != "a" {
        e += 1;
    }
    if word != "a" {
        while e < le && b[e] == b' ' {
            e += 1;
        }
        // "Answer to Question 3:", "Response to Q3", "Reply for request 2": an answer's number
        // written through the question's own.
        e = skip_answer_to_question(text, e, le);
    }
    if e >= le || !b[e].is_ascii_digit() {
        return None;
    }
    let m = parse_number_form(text, e, le, true)?;
    // The number must end with punctuation ("A1." "Answer 2:") so "A4 paper" is no marker.
    let punct = text[e..m.end]
        .trim_end()
        .ends_with(['.', ':', ')', '-', '/'])
        || text[m.end..le].trim_start().starts_with('-');
    if !punct && m.end < le {
        return None;
    }
    let written = text[p..m.written_end(text)].to_string();
    Some(Marker {
        start: p,
        end: m.end,
        label: m.label,
        style: Style::Answer,
        line_start: true,
        written,
        compound: m.compound,
    })
}

/// After an answer word: skips "to question ", "to Q", "for request no. " and returns where the
/// number should start; returns `e` unchanged when no such words follow.
fn skip_answer_to_question(text: &str, e: usize, le: usize) -> usize {
    let b = text.as_bytes();
    let starts = |at: usize, w: &str| {
        text.len() >= at + w.len() && b[at..at + w.len()].eq_ignore_ascii_case(w.as_bytes())
    };
    let skip_spaces = |mut at: usize| {
        while at < le && matches!(b[at], b' ' | b'\t') {
            at += 1;
        }
        at
    };
    let Some(after_to) = ["to ", "for "]
        .into_iter()
        .find(|w| starts(e, w))
        .map(|w| skip_spaces(e + w.len()))
    else {
        return e;
    };
    for w in QUESTION_WORDS.into_iter().chain(["q"]) {
        if starts(after_to, w) {
            let mut at = after_to + w.len();
            if at < le && b[at].is_ascii_alphabetic() {
                continue; // "questions", "requested"
            }
            if at < le && b[at] == b'.' {
                at += 1;
            }
            return skip_number_word(text, skip_spaces(at), le);
        }
    }
    e
}

/// The words that name a question by its number: "Question 3", "Request 2", "Point 4".
const QUESTION_WORDS: [&str; 5] = ["question", "request", "point", "item", "part"];

/// Skips "no. ", "no " or "number " before a question's number ("Question no. 3", "Answer to
/// question number 3") and returns where the number should start.
fn skip_number_word(text: &str, e: usize, le: usize) -> usize {
    let b = text.as_bytes();
    for filler in ["no.", "no", "number"] {
        let t = &text[e..le];
        if t.len() > filler.len()
            && t.as_bytes()[..filler.len()].eq_ignore_ascii_case(filler.as_bytes())
            && matches!(t.as_bytes()[filler.len()], b' ' | b'0'..=b'9')
        {
            let mut at = e + filler.len();
            while at < le && b[at] == b' ' {
                at += 1;
            }
            return at;
        }
    }
    e
}

/// Parses a marker at `p` (line end `le`). `line_start` allows the looser forms.
fn parse_at(text: &str, p: usize, le: usize, line_start: bool) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    if p >= le {
        return None;
    }
    let c = b[p];
    // Word forms: Question 3, Q4a, Request 2.
    if c == b'Q'
        || c == b'q'
        || (line_start && matches!(c, b'R' | b'r' | b'P' | b'p' | b'I' | b'i'))
    {
        if let Some(m) = parse_word_form(text, p, le, line_start) {
            return Some(m);
        }
    }
    if c == b'(' {
        // (1) (a) (ii)
        let (part, q) = parse_part(b, p + 1, true)?;
        if q >= le || b[q] != b')' {
            return None;
        }
        let mut label = vec![part];
        let mut e = q + 1;
        // (1)(a)
        while e < le && b[e] == b'(' {
            let Some((sub, q2)) = parse_part(b, e + 1, false) else {
                break;
            };
            if q2 >= le || b[q2] != b')' {
                break;
            }
            label.push(sub);
            e = q2 + 1;
        }
        if !followed_by_text(b, e, le) {
            return None;
        }
        if !line_start && !matches!(part, Part::Num(_) | Part::Letter(_) | Part::Roman(_)) {
            return None;
        }
        // "(1)" is written "1"; "(1)(a)" keeps its inner brackets: "1(a)".
        let inner = &text[p + 1..e];
        let written = match inner.find(')') {
            Some(k) if k + 1 == inner.len() => inner[..k].to_string(),
            Some(k) => format!("{}{}", &inner[..k], &inner[k + 1..]),
            None => inner.to_string(),
        };
        return Some(Marker {
            start: p,
            end: e,
            label: Label(label),
            style: Style::Paren,
            line_start,
            written,
            compound: false,
        });
    }
    if c.is_ascii_digit() {
        return parse_number_form(text, p, le, line_start);
    }
    if c.is_ascii_lowercase() || (line_start && c.is_ascii_uppercase()) {
        // a) b) ii)  and at line start a. b.
        let (part, q) = parse_part(b, p, true)?;
        if matches!(part, Part::Num(_)) || q >= le {
            return None;
        }
        // Upper-case roman numerals ("I.", "IV.") number questions; other capitals with a dot
        // are initials ("A. Smith").
        let upper = c.is_ascii_uppercase()
            && !(b[p..q].iter().all(|ch| matches!(ch, b'I' | b'V' | b'X'))
                && matches!(part, Part::Roman(_) | Part::Letter(8 | 21 | 23)));
        match b[q] {
            b')' if followed_by_text(b, q + 1, le) => {
                let w = text[p..q].to_ascii_lowercase();
                Some(Marker {
                    start: p,
                    end: q + 1,
                    label: Label(vec![part]),
                    style: Style::RightParen,
                    line_start,
                    written: w,
                    compound: false,
                })
            }
            b'.' if line_start
                && !upper
                && q + 1 < le
                && b[q + 1] == b' '
                && followed_by_text(b, q + 1, le) =>
            {
                let w = text[p..q].to_string();
                Some(Marker {
                    start: p,
                    end: q + 1,
                    label: Label(vec![part]),
                    style: Style::Plain,
                    line_start,
                    written: w,
                    compound: false,
                })
            }
            _ => None,
        }
    } else {
        None
    }
}

/// `Q4a`, `Q 4`, `Q.4`, `Question 3`, `QUESTION 3:`, `Request 2`, `Point 1`, `Item 5`.
fn parse_word_form(text: &str, p: usize, le: usize, line_start: bool) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    let rest = &text[p..le];
    let mut q = None;
    for w in QUESTION_WORDS {
        if rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            if w != "question" && !line_start {
                return None;
            }
            let mut e = p + w.len();
            if e < le && b[e].is_ascii_alphabetic() {
                return None; // "Questions", "Requested"
            }
            while e < le && matches!(b[e], b' ' | b'\t') {
                e += 1;
            }
            q = Some((skip_number_word(text, e, le), Style::Word));
            break;
        }
    }
    if q.is_none() && (b[p] == b'Q' || (b[p] == b'q' && line_start)) {
        let mut e = p + 1;
        if e < le && b[e] == b'.' {
            e += 1;
        }
        while e < le && b[e] == b' ' {
            e += 1;
        }
        // "Q 4" needs the space to be short: at most one.
        if e - p > 3 {
            return None;
        }
        q = Some((e, Style::Q));
    }
    let (e, style) = q?;
    if e >= le || !b[e].is_ascii_digit() {
        return None;
    }
    let m = parse_number_form(text, e, le, true)?;
    // The number part must not be a bare number followed only by a letter word ("Q3 results").
    let mut label = m.label.clone();
    let compound = m.compound;
    let written = &text[p..m.written_end(text)];
    let is_question_word =
        rest.len() >= 8 && rest.as_bytes()[..8].eq_ignore_ascii_case(b"question");
    let written = if style == Style::Q {
        written.chars().filter(|&c| c != ' ' && c != '.').collect()
    } else if is_question_word && text[p + 8..e].bytes().any(|c| c.is_ascii_alphabetic()) {
        // "Question Number 3", "Question no. 3": the id is "Question 3".
        format!("{} {}", &text[p..p + 8], written_num(text, &m))
    } else if is_question_word {
        written.to_string()
    } else {
        // "Request 2", "Point 2", "Item 2": the number is the id.
        written_num(text, &m)
    };
    if !line_start {
        // Inline: require the question to begin right after (capital letter, quote, bracket).
        let after = m.end;
        let next = text[after..le].trim_start().chars().next();
        let prev_punct = text[p..after].trim_end().ends_with(['.', ':', ')']);
        match next {
            Some(ch) if ch.is_uppercase() || ch == '"' || ch == '(' || ch == '\'' => {}
            Some(ch) if prev_punct && ch.is_alphabetic() && style == Style::Word => {}
            // "… all that apply) Q14." with the question on the next line (a wrapped line).
            None if style == Style::Q && text[p..after].trim_end().ends_with(['.', ':']) => {}
            _ => return None,
        }
        if text[m.start..after].contains(',') {
            return None;
        }
    }
    if label.0.is_empty() {
        label = Label(vec![Part::Num(0)]);
    }
    Some(Marker {
        start: p,
        end: m.end,
        label,
        style,
        line_start,
        written,
        compound,
    })
}

impl Marker {
    /// End of the written id (before trailing punctuation and spaces).
    fn written_end(&self, text: &str) -> usize {
        let mut e = self.end;
        let b = text.as_bytes();
        while e > self.start
            && matches!(
                b[e - 1],
                b' ' | b'\t' | b'.' | b':' | b'-' | b'|' | b')' | b'/'
            )
        {
            // keep a closing bracket that belongs to a sub-part like (a)
            if b[e - 1] == b')' && text[self.start..e - 1].contains('(') {
                break;
            }
            e -= 1;
        }
        e
    }
}

/// The written number of a marker parsed from its digits (`2`, `4a`, `4(a)`).
fn written_num(text: &str, m: &Marker) -> String {
    text[m.start..m.written_end(text)].to_string()
}

/// `1.` `1)` `1:` `1 -` `4.1` `4a` `4(a)` `4 (a)` `1<TAB>`; inline only `1)`.
fn parse_number_form(text: &str, p: usize, le: usize, line_start: bool) -> Option<Marker> {
    let b = &text.as_bytes()[..le];
    let mut e = p;
    while e < le && b[e].is_ascii_digit() {
        e += 1;
    }
    if e - p > 3 {
        return None;
    }
    let n: u32 = text[p..e].parse().ok()?;
    if n == 0 || n > 300 {
        return None;
    }
    let mut label = vec![Part::Num(n)];
    let mut compound = false;
    // Sub-parts written directly: 4a, 4.1, 4(a), 4 (a), 4.a
    loop {
        // "Request 1A", "Q2B": a capital sub-letter only after a question word (a bare "2A" at a
        // line's start is a flat or a form's name).
        let letter = b.get(e).is_some_and(|c| {
            c.is_ascii_lowercase()
                || label.len() == 1
                    && c.is_ascii_uppercase()
                    && p > 0
                    && is_word_form_context(text, p)
        });
        if e < le && letter && (e + 1 >= le || !b[e + 1].is_ascii_alphanumeric()) {
            let c = b[e].to_ascii_lowercase();
            label.push(Part::Letter(c - b'a'));
            e += 1;
            compound = true;
            continue;
        }
        if e + 1 < le && b[e] == b'.' && b[e + 1].is_ascii_digit() {
            let s = e + 1;
            let mut f = s;
            while f < le && b[f].is_ascii_digit() {
                f += 1;
            }
            if f - s <= 2 && (f >= le || !b[f].is_ascii_alphanumeric()) {
                // "1.5 million" is a quantity, not a sub-question; so is a figure alone on its
                // line with its unit ("2.3 FTE", "7.5 hrs"): a table pasted one cell per line.
                let after = text[f..le].trim_start();
                let lower = after.to_ascii_lowercase();
                const UNITS: [&str; 8] = [
                    "hrs", "days", "weeks", "months", "years", "mins", "minutes", "miles",
                ];
                let cell = after.trim_end();
                let sole_unit = !cell.is_empty()
                    && !cell.contains(char::is_whitespace)
                    && (!cell.contains(|c: char| c.is_lowercase()) || UNITS.contains(&cell));
                let quantity = sole_unit
                    || [
                        "million", "billion", "m ", "k ", "%", "per cent", "hours", "km",
                    ]
                    .iter()
                    .any(|w| lower.starts_with(w));
                if quantity || !line_start {
                    break;
                }
                label.push(Part::Num(text[s..f].parse().ok()?));
                e = f;
                compound = true;
                continue;
            }
        }
        let paren_at = if e < le && b[e] == b'(' {
            Some(e)
        } else if e + 1 < le && b[e] == b' ' && b[e + 1] == b'(' {
            Some(e + 1)
        } else {
            None
        };
        if let Some(o) = paren_at {
            if let Some((sub, q)) = parse_part(b, o + 1, false) {
                if q < le && b[q] == b')' && !matches!(sub, Part::Num(_)) {
                    label.push(sub);
                    e = q + 1;
                    compound = true;
                    continue;
                }
            }
        }
        break;
    }
    // Terminator.
    let mut end = e;
    let term = if e < le { b[e] } else { b'\n' };
    let ok = match term {
        // "1.)" at a line's start: a stop and a bracket, both written.
        b'.' if line_start && b.get(e + 1) == Some(&b')') => {
            end = e + 2;
            end >= le || matches!(b[end], b' ' | b'\t')
        }
        b'.' | b':' => {
            end = e + 1;
            // "1.5" handled above; "1." must be followed by space/end, or at a line's start be
            // glued to a capitalised word ("1.How many …", "3.The College spent …": PDF text and
            // pasted forms drop the space).
            end >= le
                || matches!(b[end], b' ' | b'\t')
                || line_start && b'.' == term && !compound && n < 100 && glued_word(b, end)
        }
        b')' => {
            end = e + 1;
            true
        }
        // "1] How many …": a square bracket after a small number at a line's start, before a
        // space (never "[1]" footnote calls, which open with their bracket).
        b']' => {
            end = e + 1;
            line_start && n < 100 && !compound && matches!(b.get(end), Some(b' ' | b'\t'))
        }
        // "1/ All records of …": a slash after a small number at a line's start, before a space
        // and a word (never "1/4", "12/05/2023" or "2/3 of staff").
        b'/' => {
            end = e + 1;
            line_start
                && n < 100
                && !compound
                && b.get(end) == Some(&b' ')
                && b.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic())
        }
        b'\t' | b'|' => line_start,
        // "1, How many …": a comma after a small number at a line's start, before a word with a
        // capital (never "12, 13 and 14 were …").
        b',' => {
            end = e + 1;
            line_start
                && n < 100
                && !compound
                && b.get(end) == Some(&b' ')
                && b.get(end + 1).is_some_and(|c| c.is_ascii_uppercase())
        }
        b' ' => {
            // "1 - text", "Q1 text" (word forms), "1 (a)" handled; bare "1 Text" only after Q.
            let rest = &text[e..le];
            // "Q1 / text", "A1 / text": a slash between spaces after a number glued to its
            // word (never a bare "1 / 2").
            let slash =
                rest.starts_with(" / ") && p > 0 && text.as_bytes()[p - 1].is_ascii_alphabetic();
            if rest.starts_with(" - ")
                || rest.starts_with(" -\t")
                || rest.starts_with(" | ")
                || slash
            {
                end = e + 2;
                true
            } else {
                compound || p > 0 && is_word_form_context(text, p)
            }
        }
        b'\n' => compound || (p > 0 && is_word_form_context(text, p)) || line_start,
        // "2If not, the name of the supplier", "3What is the cost?": PDF text that lost the
        // number's stop and space, at a line's start before a capitalised word (never "2A",
        // "4G" or "3D printers").
        c if c.is_ascii_uppercase() => {
            line_start
                && n < 100
                && !compound
                && b.get(e + 1).is_some_and(|n| n.is_ascii_lowercase())
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    // Inline, a bare number is a marker only as `1)`; `Q1`/`Question 1` come through the word
    // forms, which call this with `line_start` set.
    if !line_start && term != b')' {
        return None;
    }
    // A date ("2 February 2024") or a quantity ("15 vehicles") at line start is not a marker.
    if term == b' ' && end == e && !compound && !is_word_form_context(text, p) {
        return None;
    }
    if !followed_by_text(b, end, le) && term != b'\n' && end < le {
        return None;
    }
    let written = text[p..e].to_string();
    Some(Marker {
        start: p,
        end,
        label: Label(label),
        style: Style::Plain,
        line_start,
        written,
        compound,
    })
}

/// Whether a capitalised word starts at `i`: "How", "The", "I would", "A list" (not "A1", "UK").
fn glued_word(b: &[u8], i: usize) -> bool {
    let (Some(&c), next) = (b.get(i), b.get(i + 1).copied()) else {
        return false;
    };
    c.is_ascii_uppercase()
        && match next {
            Some(n) if n.is_ascii_lowercase() => true,
            Some(b' ') => c == b'I' || c == b'A',
            _ => false,
        }
}

/// Whether the number at `p` is preceded by `Q`/`Question` (so a bare number is a marker).
fn is_word_form_context(text: &str, p: usize) -> bool {
    let before = text[..p].trim_end_matches([' ', '.']);
    let lower = before
        .get(before.len().saturating_sub(8)..)
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.ends_with('q')
        || lower.ends_with("question")
        || lower.ends_with("request")
        || lower.ends_with("point")
        || lower.ends_with("item")
        || lower.ends_with("part")
        || lower.ends_with("no")
        || lower.ends_with("number")
}

/// A single level: digits, one letter, or a roman numeral.
fn parse_part(b: &[u8], p: usize, allow_num: bool) -> Option<(Part, usize)> {
    let mut e = p;
    if e < b.len() && b[e].is_ascii_digit() {
        if !allow_num {
            return None;
        }
        while e < b.len() && b[e].is_ascii_digit() && e - p < 3 {
            e += 1;
        }
        let n: u32 = std::str::from_utf8(&b[p..e]).ok()?.parse().ok()?;
        return (n > 0).then_some((Part::Num(n), e));
    }
    while e < b.len() && b[e].is_ascii_alphabetic() && e - p < 5 {
        e += 1;
    }
    if e == p || (e < b.len() && b[e].is_ascii_alphabetic()) {
        return None;
    }
    // Lowered on the stack (at most five letters): this runs at nearly every word of a reply.
    let mut buf = [0u8; 5];
    let lower = &mut buf[..e - p];
    lower.copy_from_slice(&b[p..e]);
    lower.make_ascii_lowercase();
    if lower.len() == 1 {
        return Some((Part::Letter(lower[0] - b'a'), e));
    }
    parse_roman(std::str::from_utf8(lower).ok()?).map(|n| (Part::Roman(n), e))
}

/// Some text follows on the line after optional spaces (or the line ends, for headings).
fn followed_by_text(b: &[u8], mut e: usize, le: usize) -> bool {
    while e < le && matches!(b[e], b' ' | b'\t') {
        e += 1;
    }
    e >= le || !matches!(b[e], b',' | b';' | b')' | b'%' | b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, bool)> {
        let doc = Doc::new(text);
        find(&doc)
            .into_iter()
            .map(|m| (m.written.clone(), m.label.key(), m.line_start))
            .collect()
    }

    /// The keys of the markers found in `text`, in order.
    fn keys(text: &str) -> Vec<String> {
        found(text).into_iter().map(|m| m.1).collect()
    }

    #[test]
    fn numbers_glued_to_a_question_mark_or_colon() {
        assert_eq!(
            keys(
                "For all ratepayers):1. How many were in arrears? And in total?2. How many had \
                 a warrant?"
            ),
            ["1", "2"]
        );
        for text in [
            "Is it due?2 of them were.",
            "At 10:30. Then",
            "Ratio 3:1. The end",
        ] {
            assert!(found(text).is_empty(), "{text:?} gave {:?}", found(text));
        }
    }

    #[test]
    fn lettered_parts_run_on_in_one_line() {
        assert_eq!(
            keys(
                "(9) The actions, broken down by: a. Complaints received b. Warning letters c. \
                 Notices served (10) Is there a register? 10a. If yes, the URL. 10b. If no, why?"
            ),
            ["9", "a", "b", "c", "10", "10a", "10b"]
        );
        // Alone, or out of order, a letter and a stop end an abbreviation or a sentence.
        for text in [
            "Smith J. Brown and co. Ltd agreed",
            "Option a. Yes or b. No",
            "See e.g. Annex b. The rest",
        ] {
            assert!(found(text).is_empty(), "{text:?} gave {:?}", found(text));
        }
    }

    #[test]
    fn a_list_of_lists_pasted_as_ones_is_renumbered() {
        let ms = found(
            "Request\n\n  1. How many?\n\n \u{a0}\n\n  1. Which?\n\n  1. Where?\n\nResponse\n",
        );
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["1", "2", "3"]);
        // A "1." under each heading is a list that restarts: left as written.
        let ms =
            found("Request\n1. How many?\nReply\n1. Four.\nRequest\n1. Which?\nReply\n1. None.\n");
        assert!(ms.iter().all(|m| m.1 == "1"), "{ms:?}");
    }

    #[test]
    fn capital_letters_in_sequence_are_markers_initials_are_not() {
        let ms = found("A. Enforcement records\nPlease disclose the notes.\nB. Photographs\n");
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        assert!(found("Yours sincerely,\nA. Smith\nInformation Officer\n").is_empty());
        assert!(found("A. Smith\nC. Jones\n").is_empty());
    }

    #[test]
    fn bare_numbers_counting_from_one_are_markers() {
        let pdf = "You asked\n1 How many fires did the Service attend last year\n2 How many of \
                   those were in homes\nOur response\n1 The Service attended 38 such fires\n2 \
                   Of these 12 were in homes and flats\n";
        assert_eq!(keys(pdf), ["1", "2", "1", "2"]);
        // Dates, lone figures and runs not from 1 are no list.
        assert!(keys(
            "2 February 2024 was the date we received it\n3 March 2024 the date we replied to it\n"
        )
        .is_empty());
        assert!(keys(
            "12 High Street is where the office stands now\n13 High Street is a shop next door\n"
        )
        .is_empty());
        // Bare numbers answering a punctuated request: kept when they count its numbers.
        let answers =
            "1. How many beds are there in all\n2. How many are empty\nResponse\n1 There \
                       are 40 beds in the unit\n2 There are 3 empty beds today\n";
        assert_eq!(keys(answers), ["1", "2", "1", "2"]);
        // A ranked table inside an answer to a punctuated list is no list.
        let ranked = "1. Which are the worst sites\n2. What was done\nRank Location\n1 Langsett Road at \
                      the tram stop corner\n2 Holme Lane at the junction with Loxley\n3 White Lane at the \
                      tram stop corner\n";
        assert_eq!(keys(ranked), ["1", "2"]);
    }

    #[test]
    fn letters_set_off_by_spaces_in_sequence_are_markers() {
        let form = "Q1  How many requests?\n\na  Total number of requests\n\nb\tOf these, under the EIRs?\n";
        assert_eq!(keys(form), ["1", "a", "b"]);
        assert!(keys("The figures:\na  large number of cases\nwere closed.\n").is_empty());
        assert!(keys("a single space\nb single space\n").is_empty());
    }

    #[test]
    fn comma_numbers_at_line_starts() {
        let ms = found("1, How many officers?\n2, How many staff?\n12, 13 and 14 were closed.\n");
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["1", "2"]);
    }

    #[test]
    fn subsections_of_a_cited_section_are_no_markers() {
        let ms =
            found("a) Figures of five or less are withheld: sections 40(2) and (3) apply.\nb) 9\n");
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        let ms = found("1. We rely on sections 29(1)(a) and 30(b)(i),(ii) of FOISA.\n");
        assert_eq!(ms.len(), 1, "{ms:?}");
        // Spaced as letters set them: "S 1 (1) (a)", "section 40 (2)".
        let ms = found("1. I can confirm under S 1 (1) (a) of the Act and section 40 (2) that …\n");
        assert_eq!(ms.len(), 1, "{ms:?}");
        // A bracketed number after words is still a marker.
        let ms = found("I ask for (1) the policy and (2) the budget.\n");
        assert_eq!(ms.len(), 2, "{ms:?}");
    }

    #[test]
    fn decimal_figures_with_their_unit_are_no_markers() {
        let ms = found(
            "1. How many counsellors?\n2014/15\n2015/16\n2.3 FTE\n2.4 FTE\n7.5 hours\n2. Budget\n",
        );
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["1", "2"]);
        // A numbered sub-question stays one ("2.3 Budget by year", "2.3 What …").
        let ms = found("2.3 Budget\n2.4 What was spent?\n");
        assert_eq!(ms.len(), 2, "{ms:?}");
    }

    #[test]
    fn line_start_forms() {
        let cases: &[(&str, &str, &str)] = &[
            ("Q1. What is it?", "Q1", "1"),
            ("Q4a. How many?", "Q4a", "4a"),
            ("Q12c. What?", "Q12c", "12c"),
            ("Q1 (a) How many?", "Q1(a)", "1a"),
            ("Q1(b) The force owns", "Q1(b)", "1b"),
            ("Q2 How many times?", "Q2", "2"),
            ("Question 3", "Question 3", "3"),
            ("QUESTION 4: what", "QUESTION 4", "4"),
            ("Question no. 5 - text", "Question 5", "5"),
            ("Question Number 6:", "Question 6", "6"),
            ("Request 1A", "1A", "1a"),
            ("Q2B. How many?", "Q2B", "2b"),
            ("1. How many?", "1", "1"),
            ("1) How many?", "1", "1"),
            ("1.) How many?", "1", "1"),
            ("(1) how many", "1", "1"),
            ("4.1 How many?", "4.1", "4.1"),
            ("a) the cost", "a", "a"),
            ("(ii) the cost", "ii", "ii"),
            ("b. the cost", "b", "b"),
            ("3\tHow many", "3", "3"),
            ("3What is the total cost?", "3", "3"),
            ("> Q7. quoted", "Q7", "7"),
            ("- 2. bulleted", "2", "2"),
            ("| 5 | piped |", "5", "5"),
            ("Request 2: details", "2", "2"),
            ("A1. Yes", "A1", "1"),
            ("Answer 3: No", "Answer 3", "3"),
            ("Answer To Question 4:", "Answer To Question 4", "4"),
            ("Response to Q2 - none", "Response to Q2", "2"),
            (
                "Reply for request no. 5: yes",
                "Reply for request no. 5",
                "5",
            ),
            ("\"1. quoted request", "1", "1"),
            ("1.How many?", "1", "1"),
            ("3.The College spent", "3", "3"),
            ("2.I would like", "2", "2"),
            ("1/ All records of faults", "1", "1"),
            ("2] Please list the stations", "2", "2"),
        ];
        for (line, written, key) in cases {
            let f = found(line);
            assert!(!f.is_empty(), "no marker in {line:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.as_str(), f[0].2),
                (*written, *key, true),
                "{line:?}"
            );
        }
    }

    #[test]
    fn not_markers_at_line_start() {
        for line in [
            "2 February 2024 was the date",
            "15 vehicles were bought",
            "1.5 million people",
            "2019/20 figures",
            "A. Researcher",
            "In total 23",
            "12,000 residents",
            "Please see",
            "Item",
            "Questions were asked",
            "A4 paper is used",
            "3D printers are used",
            "4G coverage is poor",
            "2A Station Road",
            "2.UK figures",
            "1.A1 form",
            "3.5m people",
            "1/4 of staff",
            "12/05/2023 received",
            "2/ 3 of them",
            "[1] Source: annual report",
            "3]. not a number",
        ] {
            let f = found(line);
            assert!(f.iter().all(|m| !m.2), "{line:?} gave {f:?}");
        }
    }

    #[test]
    fn figures_with_thousands_commas_hold_no_markers() {
        let ms = found("1). (Trees planted = 1,240)\n2) Not recorded\n");
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["1", "2"]);
    }

    #[test]
    fn footnote_calls_and_notes_are_no_markers() {
        let ms = found(
            "Request 1\nCustody\nAnswer 1\nThere were 41 uses in custody (1).\n\n\
             (1) Counted from unique records.\n\nRequest 2\nVehicles\n",
        );
        let keys: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(keys, ["1", "1", "2"]);
        // A list in brackets still is one.
        let ms = found("I ask for (1) the policy and (2) the budget.\n");
        assert_eq!(ms.len(), 2, "{ms:?}");
    }

    #[test]
    fn inline_forms() {
        let text = "apply) Q13. If the Authority does not\n\
                    Q1 (a) How many? (b) What was the cost? (c) Which maker?\n\
                    You asked: (1) how many parks; (2) the total cost; and (3) appeals";
        let keys: Vec<String> = found(text).into_iter().map(|f| f.1).collect();
        assert_eq!(keys, ["13", "1a", "b", "c", "1", "2", "3"]);
        // Glued after a colon or a sentence's stop; never inside a decimal.
        let text = "Please provide me with:1)How many staff are on contracts.2)The total \
                    number of staff (about 3.5) employed.\nQ1 - Not held.Q2 - Headcount is 612.";
        let keys: Vec<String> = found(text).into_iter().map(|f| f.1).collect();
        assert_eq!(keys, ["1", "2", "1", "2"]);
    }

    #[test]
    fn references_are_not_inline_markers() {
        for line in [
            "(if Yes answer Q12, if No answer Q13)",
            "What percentage of services in Q4 are accessible?",
            "If Yes to Q13a., what were the reasons",
            "see question 5 above",
        ] {
            let f = found(line);
            assert!(f.iter().all(|m| m.2), "{line:?} gave inline {f:?}");
        }
    }
}
