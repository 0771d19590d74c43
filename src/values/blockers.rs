//! Numbers that are not values: section and page numbers, financial years, numeric and written
//! dates, times, hours, ages, phone numbers, postcodes, footnote and list markers. Each span is
//! claimed and gives nothing.
//!
//! These were 17 regexes behind a `RegexSet` that said which of them occur: the set's
//! all-matches automaton walked every answer with a figure and was the stage's costliest pass,
//! and the 18 automata its costliest set-up. Here each pattern is a function that reads one
//! match at a given start ([`MATCHERS`]), leftmost-first with the backtracking the regex had
//! (the tests compare each with its old pattern), and [`spans`] runs them all in one walk over
//! the answer, trying at each byte only the patterns that can start there. Every pattern keeps
//! its own resume point, so the spans are exactly those of running each regex's `find_iter`.

use super::numbers::num_end;
use super::tokens::{boundary, is_word, starts_with_ci};

type Matcher = fn(&[u8], usize) -> Option<usize>;

/// What can start a match: patterns are only tried where their first byte can be.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    /// A byte, anywhere.
    Byte(u8),
    /// A digit at the start of a word (`(?-u:\b)[0-9]`).
    Digit,
    /// A letter at the start of a word.
    Letter,
    /// `+` or a digit at the start of a word (phone numbers).
    PlusOrDigit,
}

/// The blockers, in the order of the patterns they replace (see the tests for each pattern).
const MATCHERS: [(Start, Matcher); 18] = [
    (Start::Byte(b'['), footnote),
    (Start::Letter, provision),
    (Start::Digit, provision_parts),
    (Start::Digit, financial_year),
    (Start::Digit, iso_date),
    (Start::Digit, numeric_date),
    (Start::Digit, slashed),
    (Start::Digit, day_month),
    (Start::Letter, month_day),
    (Start::Digit, clock_time),
    (Start::Digit, am_pm),
    (Start::Digit, hours),
    (Start::Digit, working_days),
    (Start::Letter, age),
    (Start::PlusOrDigit, phone),
    (Start::Letter, postcode),
    (Start::Digit, street_number),
    (Start::Byte(b'('), bracketed_number),
];

/// Every blocker span of `text` (unordered between patterns; a pattern's own spans are in order
/// and do not overlap, as its regex's `find_iter` gave them).
pub(super) fn spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut next = [0usize; MATCHERS.len()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // A word is read at its start and then skipped: no pattern starts inside one.
        let word_end = if is_word(c) {
            i + b[i..].iter().take_while(|&&x| is_word(x)).count()
        } else {
            i + 1
        };
        let digit = is_word(c) && c.is_ascii_digit();
        // Every pattern that starts with a letter has a number after its word, past `.`, `:`
        // and white space at most ("page 4", "Jan. 5", "aged 16", "SW1A 1AA"): most words
        // have none and are not tried.
        let letter = c.is_ascii_alphabetic() && {
            let mut j = i + b[i..]
                .iter()
                .take_while(|x| x.is_ascii_alphabetic())
                .count();
            while matches!(b.get(j), Some(b'.' | b':' | b' ' | b'\t' | b'\n')) {
                j += 1;
            }
            is_digit(b, j)
        };
        if digit || letter || matches!(c, b'[' | b'(' | b'+') {
            for (k, &(start, matcher)) in MATCHERS.iter().enumerate() {
                let can = match start {
                    Start::Byte(x) => c == x,
                    Start::Digit => digit,
                    Start::Letter => letter,
                    Start::PlusOrDigit => c == b'+' || digit,
                };
                if can && i >= next[k] {
                    if let Some(e) = matcher(b, i) {
                        out.push((i, e));
                        next[k] = e;
                    }
                }
            }
        }
        i = word_end;
    }
    out
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn is_digit(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// `\[[0-9]+\]`
fn footnote(b: &[u8], i: usize) -> Option<usize> {
    let n = digits_at(b, i + 1);
    (b[i] == b'[' && n > 0 && b.get(i + 1 + n) == Some(&b']')).then_some(i + n + 2)
}

/// Whether a dot follows the keyword of a provision: `s.`, `regs.`, `ref`.
#[derive(Clone, Copy, PartialEq)]
enum Dot {
    No,
    Optional,
    Required,
}

/// The keywords of a provision, page, question… number, as the pattern spelt them
/// (`sections?`, `ss?\.`, `regs?\.?`, …), one entry per spelling.
#[rustfmt::skip]
const KEYWORDS: &[(&str, Dot)] = &[
    ("section", Dot::No), ("sections", Dot::No), ("s", Dot::Required), ("ss", Dot::Required),
    ("regulation", Dot::No), ("regulations", Dot::No), ("reg", Dot::Optional),
    ("regs", Dot::Optional), ("paragraph", Dot::No), ("paragraphs", Dot::No),
    ("para", Dot::Optional), ("paras", Dot::Optional), ("article", Dot::No),
    ("articles", Dot::No), ("art", Dot::Required), ("arts", Dot::Required), ("clause", Dot::No),
    ("clauses", Dot::No), ("schedule", Dot::No), ("schedules", Dot::No), ("part", Dot::No),
    ("parts", Dot::No), ("chapter", Dot::No), ("chapters", Dot::No), ("page", Dot::No),
    ("pages", Dot::No), ("p", Dot::Required), ("pp", Dot::Required), ("appendix", Dot::No),
    ("appendices", Dot::No), ("annex", Dot::No), ("annexes", Dot::No), ("question", Dot::No),
    ("questions", Dot::No), ("q", Dot::No), ("item", Dot::No), ("items", Dot::No),
    ("table", Dot::No), ("tables", Dot::No), ("figure", Dot::No), ("figures", Dot::No),
    ("fig", Dot::Required), ("figs", Dot::Required), ("version", Dot::No),
    ("versions", Dot::No), ("v", Dot::Required), ("no", Dot::Required), ("nos", Dot::Required),
    ("number", Dot::No), ("numbers", Dot::No), ("ref", Dot::Optional), ("reference", Dot::No),
    ("floor", Dot::No), ("level", Dot::No), ("stage", Dot::No), ("phase", Dot::No),
    ("band", Dot::No), ("grade", Dot::No), ("step", Dot::No), ("tier", Dot::No),
    ("ward", Dot::No), ("option", Dot::No), ("row", Dot::No), ("column", Dot::No),
    ("line", Dot::No), ("room", Dot::No), ("box", Dot::No), ("unit", Dot::No), ("rule", Dot::No),
    // "cost centre 40712", "budget code 1234": account codes.
    ("centre", Dot::No), ("code", Dot::No),
    ("rules", Dot::No), ("iso", Dot::No), ("note", Dot::No), ("notes", Dot::No),
    ("footnote", Dot::No), ("footnotes", Dot::No),
];

/// The end of `[0-9]{1,n}(?:\.[0-9]{1,3})*[a-z]?(?:\([0-9a-z]{1,4}\))*` at `j` (a provision's
/// number and its sub-parts: `43(2)`, `4.1`, `12(4)(b)`), or `None` without a digit at `j`.
fn provision_number(b: &[u8], j: usize, n: usize) -> Option<usize> {
    let d = digits_at(b, j);
    if d == 0 {
        return None;
    }
    let mut j = j + d.min(n);
    while b.get(j) == Some(&b'.') && is_digit(b, j + 1) {
        j += 1 + digits_at(b, j + 1).min(3);
    }
    if b.get(j).is_some_and(u8::is_ascii_lowercase) {
        j += 1;
    }
    let j = sub_parts(b, j);
    // A bracket closing a list number: "questions 1), 2) and 3)".
    Some(if b.get(j) == Some(&b')') { j + 1 } else { j })
}

/// The end of `(?:\([0-9a-z]{1,4}\))*` at `j`.
fn sub_parts(b: &[u8], mut j: usize) -> usize {
    while b.get(j) == Some(&b'(') {
        let n = b[j + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
            .count();
        if (1..=4).contains(&n) && b.get(j + 1 + n) == Some(&b')') {
            j += n + 2;
        } else {
            break;
        }
    }
    j
}

/// Provisions, pages and other numbered things: `Section 43(2)`, `regulation 12(4)(b)`, `s.40`,
/// `page 14`, `questions 3 and 4`, `paragraph 4.1`.
/// `\b(?i:KEYWORD)[ ]?:?[ ]?[0-9]{1,7}(?:\.[0-9]{1,3})*[a-z]?(?:\([0-9a-z]{1,4}\))*\)?`
/// `(?:(?:[ ]?(?:,|and|or|&|to)[ ]?|-)[0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?(?:\([0-9a-z]{1,4}\))*\)?)*`
fn provision(b: &[u8], i: usize) -> Option<usize> {
    let n = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let dot = b.get(i + n) == Some(&b'.');
    // the number must follow: `[ ]?:?[ ]?[0-9]` after the keyword (and its dot)
    let number_at = |mut j: usize| {
        for c in [b' ', b':', b' '] {
            if b.get(j) == Some(&c) {
                j += 1;
            }
        }
        is_digit(b, j).then_some(j)
    };
    // most words have no number after them: check that before looking the word up
    if number_at(i + n).is_none() && !(dot && number_at(i + n + 1).is_some()) {
        return None;
    }
    let word = &b[i..i + n];
    let &(_, rule) = KEYWORDS
        .iter()
        .find(|(k, _)| word.eq_ignore_ascii_case(k.as_bytes()))?;
    let j = match (rule, dot) {
        (Dot::Required | Dot::Optional, true) => number_at(i + n + 1)?,
        (Dot::No | Dot::Optional, false) => number_at(i + n)?,
        _ => return None,
    };
    let mut end = provision_number(b, j, 7)?;
    while let Some(e) = joiner_end(b, end).and_then(|j| provision_number(b, j, 3)) {
        end = e;
    }
    Some(end)
}

/// After a provision's number, the joiner to another (`, `, ` and `, ` or `, `&`, ` to `, `-`):
/// `(?:[ ]?(?:,|and|or|&|to)[ ]?|-)` followed by a digit; where the digit is.
fn joiner_end(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) == Some(&b'-') {
        return is_digit(b, j + 1).then_some(j + 1);
    }
    let k = if b.get(j) == Some(&b' ') { j + 1 } else { j };
    let k = match b.get(k) {
        Some(b',' | b'&') => k + 1,
        _ if b[k..].starts_with(b"and") => k + 3,
        _ if b[k..].starts_with(b"or") || b[k..].starts_with(b"to") => k + 2,
        _ => return None,
    };
    if b.get(k) == Some(&b' ') && is_digit(b, k + 1) {
        Some(k + 1)
    } else {
        is_digit(b, k).then_some(k)
    }
}

/// Provision numbers with their sub-parts written alone: `12(4)(b)`, `1(a)`.
/// `\b[0-9]{1,3}(?:\([0-9a-z]{1,4}\))+`
fn provision_parts(b: &[u8], i: usize) -> Option<usize> {
    let d = digits_at(b, i);
    if !(1..=3).contains(&d) {
        return None;
    }
    let e = sub_parts(b, i + d);
    (e > i + d).then_some(e)
}

/// Financial years: `2017-18`, `2021/22`, `2017/2018`.
/// `\b(?:19|20)[0-9]{2}[ ]?[\-/][ ]?(?:(?:19|20)[0-9]{2}|[0-9]{2})\b`
fn financial_year(b: &[u8], i: usize) -> Option<usize> {
    let century = |j: usize| b.get(j..j + 2).is_some_and(|c| c == b"19" || c == b"20");
    if !century(i) || !is_digit(b, i + 2) || !is_digit(b, i + 3) {
        return None;
    }
    let mut j = i + 4;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    if !matches!(b.get(j), Some(b'-' | b'/')) {
        return None;
    }
    j += 1;
    if b.get(j) == Some(&b' ') && is_digit(b, j + 1) {
        j += 1;
    }
    if century(j) && is_digit(b, j + 2) && is_digit(b, j + 3) && boundary(b, j + 4) {
        return Some(j + 4);
    }
    (is_digit(b, j) && is_digit(b, j + 1) && boundary(b, j + 2)).then_some(j + 2)
}

/// Numeric dates, year first: `2019-02-19`. `\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b`
fn iso_date(b: &[u8], i: usize) -> Option<usize> {
    if digits_at(b, i) != 4 || b.get(i + 4) != Some(&b'-') {
        return None;
    }
    let m = digits_at(b, i + 5);
    if !(1..=2).contains(&m) || b.get(i + 5 + m) != Some(&b'-') {
        return None;
    }
    let j = i + 6 + m;
    let d = digits_at(b, j);
    ((1..=2).contains(&d) && boundary(b, j + d)).then_some(j + d)
}

/// Numeric dates, day first: `19.02.2019`, `19-02-19`.
/// `\b[0-9]{1,2}[.\-][0-9]{1,2}[.\-][0-9]{2,4}\b`
fn numeric_date(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..2 {
        let n = digits_at(b, j);
        if !(1..=2).contains(&n) || !matches!(b.get(j + n), Some(b'.' | b'-')) {
            return None;
        }
        j += n + 1;
    }
    let n = digits_at(b, j);
    ((2..=4).contains(&n) && boundary(b, j + n)).then_some(j + n)
}

/// Numbers joined by slashes: `21/04567/OUT`, `000123/22`, `24/7`. `\b[0-9]+(?:/[0-9A-Za-z]+)+`
fn slashed(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + digits_at(b, i);
    let start = j;
    while b.get(j) == Some(&b'/') {
        let n = b[j + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if n == 0 {
            break;
        }
        j += 1 + n;
    }
    (j > start).then_some(j)
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
    "sep", "oct", "nov", "dec",
];

fn spaces(b: &[u8], j: usize) -> usize {
    b.get(j..).map_or(0, |r| {
        r.iter()
            .take_while(|&&c| matches!(c, b' ' | b'\t' | b'\n'))
            .count()
    })
}

/// `st`, `nd`, `rd`, `th` (any case) at `j`.
fn ordinal(b: &[u8], j: usize) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| starts_with_ci(b, j, s))
}

/// Written dates, day first: `19th February`, `1 Jan 2020`.
/// `\b[0-9]{1,2}\^?(?:st|nd|rd|th)?[ \t\n]+(?:MONTH)\b\.?(?:[ \t\n]+[0-9]{4}\b)?`
fn day_month(b: &[u8], i: usize) -> Option<usize> {
    let d = digits_at(b, i);
    if !(1..=2).contains(&d) {
        return None;
    }
    let mut j = i + d;
    if b.get(j) == Some(&b'^') {
        j += 1;
    }
    if ordinal(b, j) {
        j += 2;
    }
    let s = spaces(b, j);
    if s == 0 || (b[j..j + s].contains(&b'\n') && crate::dates::ends_month_list_line(b, i)) {
        return None;
    }
    j += s;
    let w = b[j..].iter().take_while(|&&c| is_word(c)).count();
    if !MONTHS
        .iter()
        .any(|m| b[j..j + w].eq_ignore_ascii_case(m.as_bytes()))
    {
        return None;
    }
    j += w;
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    let s = spaces(b, j);
    if s > 0 && digits_at(b, j + s) >= 4 && boundary(b, j + s + 4) {
        j += s + 4;
    }
    Some(j)
}

/// Written dates, month first: `February 19, 2019`, `October 19th`.
/// `\b(?:MONTH)\.?[ \t\n]+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?[ \t\n]+[0-9]{4})?\b`
fn month_day(b: &[u8], i: usize) -> Option<usize> {
    // A month followed by `\.?[ \t\n]+[0-9]` is all the letters of its word, so the word is
    // looked up whole, and only when a number follows it.
    let n = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let mut j = i + n;
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    let s = spaces(b, j);
    if s == 0 || !is_digit(b, j + s) {
        return None;
    }
    if !MONTHS
        .iter()
        .any(|m| b[i..i + n].eq_ignore_ascii_case(m.as_bytes()))
    {
        return None;
    }
    j += s;
    let d = digits_at(b, j);
    for dl in (1..=d.min(2)).rev() {
        let k = j + dl;
        let suffixed = ordinal(b, k).then_some(k + 2);
        for k in suffixed.into_iter().chain([k]) {
            // the year after a comma and spaces, when it is there, then without it
            let mut y = k;
            if b.get(y) == Some(&b',') {
                y += 1;
            }
            let s = spaces(b, y);
            let year = (s > 0 && digits_at(b, y + s) >= 4).then_some(y + s + 4);
            for e in year.into_iter().chain([k]) {
                if boundary(b, e) {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// Times: `09:30`, `14:30:00`, `10:00 am`.
/// `\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ ]?(?:am|pm|hrs)\b)?`
fn clock_time(b: &[u8], i: usize) -> Option<usize> {
    let d = digits_at(b, i);
    if !(1..=2).contains(&d) || b.get(i + d) != Some(&b':') {
        return None;
    }
    let mut j = i + d + 1;
    if !(is_digit(b, j) && is_digit(b, j + 1)) {
        return None;
    }
    j += 2;
    if b.get(j) == Some(&b':') && is_digit(b, j + 1) && is_digit(b, j + 2) {
        j += 3;
    }
    let k = if b.get(j) == Some(&b' ') { j + 1 } else { j };
    for w in ["am", "pm", "hrs"] {
        if starts_with_ci(b, k, w) && boundary(b, k + w.len()) {
            return Some(k + w.len());
        }
    }
    Some(j)
}

/// Times of day: `9.30am`, `3 pm`, `11 a.m.`.
/// `\b[0-9]{1,2}(?:[.:][0-9]{2})?[ ]?(?:am|pm|a\.m\.|p\.m\.)\b`
fn am_pm(b: &[u8], i: usize) -> Option<usize> {
    let d = digits_at(b, i);
    if !(1..=2).contains(&d) {
        return None;
    }
    let j = i + d;
    let minutes =
        (matches!(b.get(j), Some(b'.' | b':')) && is_digit(b, j + 1) && is_digit(b, j + 2))
            .then_some(j + 3);
    for j in minutes.into_iter().chain([j]) {
        let k = if b.get(j) == Some(&b' ') { j + 1 } else { j };
        for w in ["am", "pm", "a.m.", "p.m."] {
            if starts_with_ci(b, k, w) && boundary(b, k + w.len()) {
                return Some(k + w.len());
            }
        }
    }
    None
}

/// The ends `NUM` can have at `j`, in the regex's order of preference: the comma-grouped form,
/// then the plain one (each with its decimals). Other lengths leave a digit, a comma or a point
/// next, which nothing after a number in these patterns accepts.
fn num_ends(b: &[u8], j: usize) -> impl Iterator<Item = usize> {
    let grouped = num_end(b, j);
    let d = digits_at(b, j);
    let plain = (d > 0).then(|| {
        let e = j + d;
        if b.get(e) == Some(&b'.') && is_digit(b, e + 1) {
            e + 1 + digits_at(b, e + 1)
        } else {
            e
        }
    });
    let grouped = grouped.filter(|&g| Some(g) != plain);
    grouped.into_iter().chain(plain)
}

const TIME_UNITS: &[&str] = &[
    "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec",
    "secs",
];

/// Whether the word at `j` (the whole word) is one of `words`, any case.
fn word_in(b: &[u8], j: usize, words: &[&str]) -> Option<usize> {
    let w = b
        .get(j..)
        .map_or(0, |r| r.iter().take_while(|&&c| is_word(c)).count());
    words
        .iter()
        .any(|x| b[j..j + w].eq_ignore_ascii_case(x.as_bytes()))
        .then_some(j + w)
}

/// Hours and minutes: the cost limit's `18 hours`, `5-10 mins`.
/// `\b(?:NUM)(?:[ ]?(?:-|to)[ ]?(?:NUM))?[ \-]?(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b`
fn hours(b: &[u8], i: usize) -> Option<usize> {
    let unit = |j: usize| {
        let k = if matches!(b.get(j), Some(b' ' | b'-')) {
            j + 1
        } else {
            j
        };
        word_in(b, k, TIME_UNITS)
    };
    for a in num_ends(b, i) {
        if let Some(j) = super::numbers::range_sep_end(b, a) {
            for e in num_ends(b, j) {
                if let Some(end) = unit(e) {
                    return Some(end);
                }
            }
        }
        if let Some(end) = unit(a) {
            return Some(end);
        }
    }
    None
}

/// Working days: `20 working days`, `3 officer hours`.
/// `\b(?:NUM)[ ]+(?:working|business|school|man|person|officer|staff)[ ]+(?:days?|hours?|weeks?)\b`
fn working_days(b: &[u8], i: usize) -> Option<usize> {
    const KINDS: &[&str] = &[
        "working", "business", "school", "man", "person", "officer", "staff",
    ];
    const UNITS: &[&str] = &["day", "days", "hour", "hours", "week", "weeks"];
    let blanks = |j: usize| {
        b.get(j..)
            .map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count())
    };
    for a in num_ends(b, i) {
        let s = blanks(a);
        if s == 0 {
            continue;
        }
        let j = a + s;
        let Some(k) = KINDS
            .iter()
            .find(|w| starts_with_ci(b, j, w) && b.get(j + w.len()) == Some(&b' '))
        else {
            continue;
        };
        let j = j + k.len();
        let j = j + blanks(j);
        if let Some(e) = word_in(b, j, UNITS) {
            return Some(e);
        }
    }
    None
}

/// Ages: `aged 16`. `\b(?:aged|age)[ ]+[0-9]{1,3}\b`
fn age(b: &[u8], i: usize) -> Option<usize> {
    for w in ["aged", "age"] {
        if !starts_with_ci(b, i, w) {
            continue;
        }
        let j = i + w.len();
        let s = b[j..].iter().take_while(|&&c| c == b' ').count();
        let d = digits_at(b, j + s);
        if s > 0 && (1..=3).contains(&d) && boundary(b, j + s + d) {
            return Some(j + s + d);
        }
    }
    None
}

/// UK phone numbers, with the extra numbers a signature lists after them: `0300 555 0199`,
/// `01632 960123, 960456`, `+44 (0)20 7946 0000`.
/// `(?:\+44[ ]?(?:\(0\)[ ]?)?|\b0)[0-9]{2,4}[ \-]?[0-9]{3,4}(?:[ \-]?[0-9]{3,4})?\b`
/// `(?:,[ ]*(?:0[0-9]{3,4}[ ]?)?[0-9]{5,6}\b)*`
fn phone(b: &[u8], i: usize) -> Option<usize> {
    let mut j = if b[i] == b'+' {
        if b.get(i + 1..i + 3) != Some(b"44") {
            return None;
        }
        let mut j = i + 3;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        if b.get(j..j + 3) == Some(b"(0)") {
            j += 3;
            if b.get(j) == Some(&b' ') {
                j += 1;
            }
        }
        j
    } else if b[i] == b'0' {
        i + 1
    } else {
        return None;
    };
    // optional separator at `k`: with it first, then without
    let sep = |k: usize| -> Vec<usize> {
        if matches!(b.get(k), Some(b' ' | b'-')) {
            vec![k + 1, k]
        } else {
            vec![k]
        }
    };
    let run = digits_at(b, j);
    for n1 in (2..=run.min(4)).rev() {
        let j1 = j + n1;
        for s1 in sep(j1) {
            let r2 = digits_at(b, s1);
            for n2 in (3..=r2.min(4)).rev() {
                let j2 = s1 + n2;
                let mut ends = Vec::new();
                for s2 in sep(j2) {
                    let r3 = digits_at(b, s2);
                    for n3 in (3..=r3.min(4)).rev() {
                        ends.push(s2 + n3);
                    }
                }
                ends.push(j2);
                if let Some(&e) = ends.iter().find(|&&e| boundary(b, e)) {
                    j = e;
                    while let Some(e) = extra_number(b, j) {
                        j = e;
                    }
                    return Some(j);
                }
            }
        }
    }
    None
}

/// One more number after a phone number: `,[ ]*(?:0[0-9]{3,4}[ ]?)?[0-9]{5,6}\b`.
fn extra_number(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) != Some(&b',') {
        return None;
    }
    let k = j + 1;
    let k = k + b[k..].iter().take_while(|&&c| c == b' ').count();
    let number = |k: usize| {
        let d = digits_at(b, k);
        (5..=d.min(6))
            .rev()
            .map(|n| k + n)
            .find(|&e| boundary(b, e))
    };
    if b.get(k) == Some(&b'0') {
        let d = digits_at(b, k + 1);
        for g in (3..=d.min(4)).rev() {
            let e = k + 1 + g;
            let with_space = (b.get(e) == Some(&b' ')).then_some(e + 1);
            for s in with_space.into_iter().chain([e]) {
                if let Some(end) = number(s) {
                    return Some(end);
                }
            }
        }
    }
    number(k)
}

/// Postcodes: `AB1 2CD`, `SW1A 1AA`. `\b[A-Z]{1,2}[0-9][A-Z0-9]?[ ]+[0-9][A-Z]{2}\b`
fn postcode(b: &[u8], i: usize) -> Option<usize> {
    let up = |j: usize| b.get(j).is_some_and(u8::is_ascii_uppercase);
    let l = b[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&l) || !is_digit(b, i + l) {
        return None;
    }
    let mut j = i + l + 1;
    if up(j) || is_digit(b, j) {
        j += 1;
    }
    let s = b[j..].iter().take_while(|&&c| c == b' ').count();
    if s == 0 {
        return None;
    }
    j += s;
    (is_digit(b, j) && up(j + 1) && up(j + 2) && boundary(b, j + 3)).then_some(j + 3)
}

/// The words that end a street's name in an address.
const STREET_WORDS: &[&str] = &[
    "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "place", "square", "close",
    "crescent", "terrace", "gardens", "parade", "quay", "way", "walk", "row",
];

/// House numbers of an address: `10-18 Adelaide Street`, `4a Mill Lane`, `221 High Road`. An
/// address in a signature or a referral ("you may write to …") is no count. The street's name is
/// one to three capitalised words before a street word: `3 Crown Court hearings` is a count.
/// `\b[0-9]{1,4}[a-z]?(?:[ ]?-[ ]?[0-9]{1,4}[a-z]?)?(?:[ ]+[A-Z][a-z']+){1,3}\b` ending in one of
/// [`STREET_WORDS`], capitalised.
fn street_number(b: &[u8], i: usize) -> Option<usize> {
    let number = |j: usize| -> Option<usize> {
        let n = digits_at(b, j);
        if !(1..=4).contains(&n) {
            return None;
        }
        let mut k = j + n;
        if b.get(k).is_some_and(u8::is_ascii_lowercase)
            && !b.get(k + 1).is_some_and(|&c| is_word(c))
        {
            k += 1;
        }
        Some(k)
    };
    // Spaces on the line: an address's words are never split over lines here.
    let blanks = |j: usize| {
        b.get(j..)
            .map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count())
    };
    let mut j = number(i)?;
    let mut k = j + blanks(j);
    if b.get(k) == Some(&b'-') {
        k += 1;
        k += blanks(k);
        j = number(k)?;
    }
    let mut words = 0;
    loop {
        let s = blanks(j);
        if s == 0 || !b.get(j + s).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let w = j + s;
        let e = w + b[w..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic() || **c == b'\'')
            .count();
        if !boundary(b, e) || e - w < 2 {
            return None;
        }
        words += 1;
        if words >= 2 && word_in(b, w, STREET_WORDS).is_some() {
            return Some(e);
        }
        if words == 4 {
            return None;
        }
        j = e;
    }
}

/// Bracketed list markers: `(2)`. `\([0-9]{1,3}\)`
fn bracketed_number(b: &[u8], i: usize) -> Option<usize> {
    let n = digits_at(b, i + 1);
    ((1..=3).contains(&n) && b.get(i + 1 + n) == Some(&b')')).then_some(i + n + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";

    /// The patterns the matchers replace, in [`MATCHERS`]' order.
    fn old_patterns() -> Vec<String> {
        [
            r"\[[0-9]+\]",
            r"(?-u:\b)(?i-u:sections?|ss?\.|regulations?|regs?\.?|paragraphs?|paras?\.?|articles?|arts?\.|clauses?|schedules?|parts?|chapters?|pages?|pp?\.|appendix|appendices|annex(?:es)?|questions?|q|items?|tables?|figures?|figs?\.|versions?|v\.|nos?\.|numbers?|ref\.?|reference|floor|level|stage|phase|band|grade|step|tier|ward|option|row|column|line|room|box|unit|centre|code|rules?|iso|notes?|footnotes?)[ ]?:?[ ]?[0-9]{1,7}(?:\.[0-9]{1,3})*[a-z]?(?:\([0-9a-z]{1,4}\))*\)?(?:(?:[ ]?(?:,|and|or|&|to)[ ]?|-)[0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?(?:\([0-9a-z]{1,4}\))*\)?)*",
            r"(?-u:\b)[0-9]{1,3}(?:\([0-9a-z]{1,4}\))+",
            r"(?-u:\b)(?:19|20)[0-9]{2}[ ]?[\-/][ ]?(?:(?:19|20)[0-9]{2}|[0-9]{2})(?-u:\b)",
            r"(?-u:\b)[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?-u:\b)",
            r"(?-u:\b)[0-9]{1,2}[.\-][0-9]{1,2}[.\-][0-9]{2,4}(?-u:\b)",
            r"(?-u:\b)[0-9]+(?:/[0-9A-Za-z]+)+",
            r"(?-u:\b)[0-9]{1,2}\^?(?i-u:st|nd|rd|th)?[ \t\n]+(?i-u:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?-u:\b)\.?(?:[ \t\n]+[0-9]{4}(?-u:\b))?",
            r"(?-u:\b)(?i-u:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?[ \t\n]+[0-9]{1,2}(?i-u:st|nd|rd|th)?(?:,?[ \t\n]+[0-9]{4})?(?-u:\b)",
            r"(?-u:\b)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ ]?(?i-u:am|pm|hrs)(?-u:\b))?",
            r"(?-u:\b)[0-9]{1,2}(?:[.:][0-9]{2})?[ ]?(?i-u:am|pm|a\.m\.|p\.m\.)(?-u:\b)",
            &format!(
                r"(?-u:\b)(?:{NUM})(?:[ ]?(?:-|(?i-u:to))[ ]?(?:{NUM}))?[ \-]?(?i-u:hours?|hrs?|minutes?|mins?|seconds?|secs?)(?-u:\b)"
            ),
            &format!(
                r"(?-u:\b)(?:{NUM})[ ]+(?i-u:working|business|school|man|person|officer|staff)[ ]+(?i-u:days?|hours?|weeks?)(?-u:\b)"
            ),
            r"(?-u:\b)(?i-u:aged|age)[ ]+[0-9]{1,3}(?-u:\b)",
            r"(?:\+44[ ]?(?:\(0\)[ ]?)?|(?-u:\b)0)[0-9]{2,4}[ \-]?[0-9]{3,4}(?:[ \-]?[0-9]{3,4})?(?-u:\b)(?:,[ ]*(?:0[0-9]{3,4}[ ]?)?[0-9]{5,6}(?-u:\b))*",
            r"(?-u:\b)[A-Z]{1,2}[0-9][A-Z0-9]?[ ]+[0-9][A-Z]{2}(?-u:\b)",
            &format!(
                r"(?-u:\b)[0-9]{{1,4}}(?:[a-z](?-u:\b))?(?:[ ]*-[ ]*[0-9]{{1,4}}(?:[a-z](?-u:\b))?)?[ ]+[A-Z][A-Za-z']+(?-u:\b)(?:[ ]+[A-Z][A-Za-z']+(?-u:\b)){{0,2}}?[ ]+(?:{})(?-u:\b)",
                STREET_WORDS
                    .iter()
                    .map(|w| format!("{}(?i-u:{})", w[..1].to_ascii_uppercase(), &w[1..]))
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            r"\([0-9]{1,3}\)",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect()
    }

    const VOCAB: &[&str] = &[
        "[",
        "]",
        "[12]",
        "(",
        ")",
        "(4)",
        "(b)",
        "(ab12)",
        "(abcde)",
        "section",
        "Sections",
        "s.",
        "ss.",
        "s",
        "reg",
        "regs.",
        "para.",
        "art.",
        "arts",
        "pp.",
        "p.",
        "page",
        "Q",
        "q4a",
        "v.",
        "No.",
        "nos",
        "ref",
        "ref.",
        "iso",
        "notes",
        ":",
        " : ",
        "and",
        "or",
        "&",
        "to",
        "TO",
        "-",
        "/",
        "1",
        "12",
        "123",
        "1234",
        "12345678",
        "4.1",
        "4.1.2",
        "2017",
        "2019-20",
        "2017/2018",
        "2019-02-19",
        "19.02.2019",
        "19-02-19",
        "21/04567/OUT",
        "24/7",
        "1st",
        "2nd",
        "^",
        "th",
        "February",
        "feb.",
        "Sept",
        "sep",
        "May",
        "mar",
        "2020",
        "09:30",
        "14:30:00",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "hrs",
        "hours",
        "hour",
        "mins",
        "secs",
        "1,000",
        "1,2345",
        "3.5",
        "working",
        "business",
        "man",
        "officer",
        "days",
        "week",
        "aged",
        "age",
        "+44",
        "+44 (0)20",
        "(0)",
        "0300",
        "555",
        "0199",
        "01632",
        "960123",
        ",",
        "960456",
        "020",
        "7946",
        "0000",
        "AB1",
        "2CD",
        "SW1A",
        "1AA",
        "XY10",
        "9ZZ",
        "A",
        "B",
        "ab1",
        "\t",
        "\n",
        "_",
        "x",
        "aged 16",
        "Age  7",
        "Adelaide",
        "Street",
        "ST",
        "Mill",
        "LANE",
        "O'Neil",
        "road",
        "4a",
        "10-18",
        " ",
    ];

    /// Each matcher against its old pattern: every match, in order, on generated texts and the
    /// corpus; and `spans` against all of them together.
    #[test]
    fn matchers_match_the_old_patterns() {
        let old: Vec<regex::Regex> = old_patterns().iter().map(|p| re(p)).collect();
        let mut seen = [0usize; MATCHERS.len()];
        for t in gen::all(VOCAB, 61) {
            let b = t.as_bytes();
            let mut want_all = Vec::new();
            for (k, r) in old.iter().enumerate() {
                // The one departure from the old patterns: a month list's count that ends its
                // line is no day of the next line's month (day_month, pattern 7).
                let want: Vec<(usize, usize)> = r
                    .find_iter(&t)
                    .map(|m| (m.start(), m.end()))
                    .filter(|&(s, e)| {
                        !(k == 7
                            && t[s..e].contains('\n')
                            && crate::dates::ends_month_list_line(b, s))
                    })
                    .collect();
                // the matcher alone, driven like find_iter
                let mut got = Vec::new();
                let mut at = 0;
                let mut i = 0;
                while i < b.len() {
                    let c = b[i];
                    let word_start = is_word(c) && (i == 0 || !is_word(b[i - 1]));
                    let can = match MATCHERS[k].0 {
                        Start::Byte(x) => c == x,
                        Start::Digit => word_start && c.is_ascii_digit(),
                        Start::Letter => word_start && c.is_ascii_alphabetic(),
                        Start::PlusOrDigit => c == b'+' || (word_start && c.is_ascii_digit()),
                    };
                    if can && i >= at {
                        if let Some(e) = (MATCHERS[k].1)(b, i) {
                            got.push((i, e));
                            at = e;
                        }
                    }
                    i += 1;
                }
                assert_eq!(got, want, "pattern {k} on {t:?}");
                seen[k] += want.len();
                want_all.extend(want);
            }
            let mut got_all = spans(&t);
            got_all.sort_unstable();
            want_all.sort_unstable();
            assert_eq!(got_all, want_all, "{t:?}");
        }
        // every pattern was exercised, many times
        assert!(seen.iter().all(|&n| n >= 20), "{seen:?}");
    }
}
