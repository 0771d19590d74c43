//! Figures as replies write them, read by hand: counts ("1,386", "20 to 30", "1.2 million")
//! and year-like numbers.
//!
//! A count is tried at every figure of every answer: as a regex with five capture groups it was
//! the stage's most expensive pass. The scanner below reads the same matches, leftmost-first
//! like the regex, in one walk over the bytes.

use super::tokens::{boundary, is_word, starts_with_ci, word_runs};

/// The end of the number starting at `i`, as `NUM` reads it:
/// `[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?` (`1,386`, `4,812,330.75`,
/// `3.275`, `8120`); `None` when no digit is at `i`.
pub(super) fn num_end(b: &[u8], i: usize) -> Option<usize> {
    let digits = |j: usize| {
        b[j.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let run = digits(i);
    if run == 0 {
        return None;
    }
    let fraction = |j: usize| {
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j + 1 + digits(j + 1)
        } else {
            j
        }
    };
    if run <= 3 {
        let mut j = i + run;
        let mut groups = 0;
        while b.get(j) == Some(&b',')
            && b.len() >= j + 4
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
        {
            j += 4;
            groups += 1;
        }
        if groups > 0 {
            return Some(fraction(j));
        }
    }
    Some(fraction(i + run))
}

/// The end of a range's joiner `[ ]?(?:-|(?i-u:to))[ ]?` at `i` when a number follows it.
pub(super) fn range_sep_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    if b.get(j) == Some(&b'-') {
        j += 1;
    } else if starts_with_ci(b, j, "to") {
        j += 2;
    } else {
        return None;
    }
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    if b.get(j) == Some(&b' ') && digit(j + 1) {
        Some(j + 1)
    } else if digit(j) {
        Some(j)
    } else {
        None
    }
}

/// A count as the old `COUNT` pattern captured it:
/// `\b(?P<a>NUM)(?:(?P<sep>[ ]?(?:-|to)[ ]?)(?P<b>NUM))?(?P<as>[ ]?(?:million|billion|thousand)\b)?`.
pub(super) struct Count {
    pub a: (usize, usize),
    /// The high end of a range ("20 to 30"), after its joiner.
    pub b: Option<(usize, usize)>,
    /// The multiplier word, with the space before it: " million".
    pub scale: Option<(usize, usize)>,
    pub end: usize,
}

/// Every count of `text`, left to right, as `COUNT.captures_iter` found them.
pub(super) fn counts(text: &str) -> impl Iterator<Item = Count> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let p = (at..b.len()).find(|&p| b[p].is_ascii_digit() && (p == 0 || !is_word(b[p - 1])))?;
        let a_end = num_end(b, p)?;
        let mut end = a_end;
        let mut hi = None;
        if let Some(j) = range_sep_end(b, a_end) {
            if let Some(e) = num_end(b, j) {
                hi = Some((j, e));
                end = e;
            }
        }
        let scale = scale_word_end(b, end).map(|e| (end, e));
        if let Some((_, e)) = scale {
            end = e;
        }
        at = end;
        Some(Count {
            a: (p, a_end),
            b: hi,
            scale,
            end,
        })
    })
}

/// The end of `[ ]?(?i-u:million|billion|thousand)(?-u:\b)` at `i`.
fn scale_word_end(b: &[u8], i: usize) -> Option<usize> {
    let j = if b.get(i) == Some(&b' ') { i + 1 } else { i };
    ["million", "billion", "thousand"]
        .iter()
        .find(|w| starts_with_ci(b, j, w) && boundary(b, j + w.len()))
        .map(|w| j + w.len())
}

/// Year-like numbers, `(?-u:\b)(?:1[5-9][0-9]{2}|20[0-9]{2}|2100)(?-u:\b)`: a word of exactly
/// four digits from 1500 to 2100. Yields the span and the number.
pub(super) fn year_like(text: &str) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
    let b = text.as_bytes();
    word_runs(b).filter_map(move |(s, e)| {
        let w = &b[s..e];
        if w.len() != 4 || !w.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = w.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        (1500..=2100).contains(&n).then_some((s, e, f64::from(n)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";
    const VOCAB: &[&str] = &[
        "1",
        "12",
        "123",
        "1234",
        "1,234",
        "12,345,678",
        "1,2345",
        "1234,567",
        "3.5",
        "3.",
        ".5",
        "1,234.56",
        "-",
        " - ",
        "to",
        "TO",
        "tonnes",
        "million",
        "millions",
        "billion",
        "thousand",
        " million",
        "2019",
        "1499",
        "1500",
        "2100",
        "2101",
        "20190",
        "_2019",
        "a2019",
        "0",
        "00",
        ",",
        ",,",
        "9,99",
        "x",
    ];

    #[test]
    fn counts_match_the_old_pattern() {
        let old = re(&format!(
            r"(?-u:\b)(?P<a>{NUM})(?:(?P<sep>[ ]?(?:-|(?i-u:to))[ ]?)(?P<b>{NUM}))?(?P<as>[ ]?(?i-u:million|billion|thousand)(?-u:\b))?"
        ));
        for t in gen::all(VOCAB, 31) {
            let want: Vec<_> = old
                .captures_iter(&t)
                .map(|c| {
                    let span = |n: &str| c.name(n).map(|m| (m.start(), m.end()));
                    let b = span("b").filter(|_| c.name("sep").is_some());
                    (span("a"), b, span("as"), c.get(0).map(|m| m.end()))
                })
                .collect();
            let got: Vec<_> = counts(&t)
                .map(|c| (Some(c.a), c.b, c.scale, Some(c.end)))
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn years_match_the_old_pattern() {
        let old = re(r"(?-u:\b)(?:1[5-9][0-9]{2}|20[0-9]{2}|2100)(?-u:\b)");
        for t in gen::all(VOCAB, 32) {
            let want: Vec<_> = old
                .find_iter(&t)
                .map(|m| (m.start(), m.end(), m.as_str().parse::<f64>().unwrap_or(0.0)))
                .collect();
            let got: Vec<_> = year_like(&t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }
}
