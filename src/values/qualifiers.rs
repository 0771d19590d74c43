//! The words around a figure that qualify it ("circa £2.6m", "over 300", "20 or more") or say
//! what it is not ("from 5 to 10", "in 2019", "once a year", "16 years old").
//!
//! Each is read by looking a few bytes back or forward from the figure, for a word from a list:
//! a table and [`word_before_end`] rather than a regex, since they run for every figure of
//! every answer and the regexes cost more to compile than to run.

use super::tokens::{boundary, starts_with_ci, word_before_end};

/// A qualifier before a figure, in the order the regex it replaces listed them.
const BEFORE: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "around",
    "about",
    "roughly",
    "circa",
    "c.",
    "ca.",
    "an estimated",
    "estimated",
    "nearly",
    "almost",
    "just over",
    "just under",
    "some",
    "no more than",
    "not more than",
    "more than",
    "in excess of",
    "at least",
    "upwards of",
    "greater than",
    "exceeding",
    "over",
    "above",
    "fewer than",
    "less than",
    "under",
    "below",
    "up to",
    "at most",
    "a maximum of",
    "maximum of",
    "a minimum of",
    "minimum of",
    "<",
    ">",
    "~",
];

/// The qualifier (lowercase, as [`BEFORE`] spells it) that ends `window` but for white space,
/// and where it starts: `(?:^|[^A-Za-z])(qualifier)[ \t\n]*$`.
pub(super) fn before(window: &str) -> Option<(&'static str, usize)> {
    word_before_end(window, BEFORE, b" \t\n").map(|(k, s)| (BEFORE[k], s))
}

/// The comparison word of "20 or more", "65 and over" just after a figure (lowercase):
/// `^[ ]+(?:or[ ]+(more|…)|and[ ]+(over|…))(?-u:\b)`.
pub(super) fn after(rest: &str) -> Option<&'static str> {
    const OR: &[&str] = &[
        "more", "over", "above", "greater", "fewer", "less", "under", "below",
    ];
    const AND: &[&str] = &["over", "above", "upwards", "under", "below"];
    let b = rest.as_bytes();
    let spaces = |i: usize| b[i..].iter().take_while(|&&c| c == b' ').count();
    let i = spaces(0);
    if i == 0 {
        return None;
    }
    let (words, i) = if starts_with_ci(b, i, "or") {
        (OR, i + 2)
    } else if starts_with_ci(b, i, "and") {
        (AND, i + 3)
    } else {
        return None;
    };
    let n = spaces(i);
    if n == 0 {
        return None;
    }
    let i = i + n;
    words
        .iter()
        .find(|w| starts_with_ci(b, i, w) && boundary(b, i + w.len()))
        .copied()
}

/// "from £5k", "between 10": the figure after `window` starts a span, not a range's low end.
/// `(?:^|[^A-Za-z])(?i-u:from|between)[ \t\n]*(?:£[ ]?)?$`
pub(super) fn after_from_word(window: &str) -> bool {
    let w = window
        .strip_suffix("£ ")
        .or_else(|| window.strip_suffix('£'))
        .unwrap_or(window);
    word_before_end(w, &["from", "between"], b" \t\n").is_some()
}

/// Words before a year-like number that make it a year: "in 2019", "since 2014", "2021 Census".
const YEAR_WORDS: &[&str] = &[
    "in",
    "since",
    "from",
    "during",
    "until",
    "till",
    "by",
    "of",
    "before",
    "after",
    "between",
    "and",
    "to",
    "year",
    "years",
    "act",
    "regulations",
    "census",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "winter",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `window` ends with a [`YEAR_WORDS`] word (and white space).
pub(super) fn year_word_before(window: &str) -> bool {
    word_before_end(window, YEAR_WORDS, b" \t\n").is_some()
}

/// Before "a year" / "a month": a frequency ("once a year", "twice a month").
const FREQUENCY_WORDS: &[&str] = &[
    "once", "twice", "times", "per", "each", "every", "a", "the", "this", "that", "last", "next",
    "hour", "hours", "hrs", "day", "days", "night", "nights", "week", "weeks", "month", "months",
    "shift", "shifts",
];

/// Whether `window` ends with a [`FREQUENCY_WORDS`] word (and spaces).
pub(super) fn frequency_before(window: &str) -> bool {
    word_before_end(window, FREQUENCY_WORDS, b" ").is_some()
}

/// After a duration: a rate ("7 days a week") or an age ("16 years old"), not a duration.
/// `^(?i-u:[ ]+(?:a|an|per|each|every)[ ]+(?:day|…|annum)|[ ]+old)(?-u:\b)`
pub(super) fn rate_or_age_after(rest: &str) -> bool {
    const EVERY: &[&str] = &["a", "an", "per", "each", "every"];
    const PERIOD: &[&str] = &["day", "week", "fortnight", "month", "year", "annum"];
    let b = rest.as_bytes();
    let spaces = |i: usize| b[i..].iter().take_while(|&&c| c == b' ').count();
    let i = spaces(0);
    if i == 0 {
        return false;
    }
    if starts_with_ci(b, i, "old") && boundary(b, i + 3) {
        return true;
    }
    let w = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !EVERY
        .iter()
        .any(|e| b[i..i + w].eq_ignore_ascii_case(e.as_bytes()))
    {
        return false;
    }
    let n = spaces(i + w);
    if n == 0 {
        return false;
    }
    let j = i + w + n;
    PERIOD
        .iter()
        .any(|p| starts_with_ci(b, j, p) && boundary(b, j + p.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    const VOCAB: &[&str] = &[
        "approximately",
        "approx",
        "approx.",
        "around",
        "about",
        "c.",
        "ca.",
        "circa",
        "an",
        "estimated",
        "just",
        "over",
        "under",
        "no",
        "not",
        "more",
        "than",
        "in",
        "excess",
        "of",
        "at",
        "least",
        "most",
        "upwards",
        "up",
        "to",
        "a",
        "maximum",
        "minimum",
        "fewer",
        "less",
        "below",
        "above",
        "<",
        ">",
        "~",
        "or",
        "and",
        "greater",
        "from",
        "between",
        "£",
        "£ ",
        "since",
        "year",
        "years",
        "census",
        "march",
        "may",
        "once",
        "twice",
        "times",
        "per",
        "each",
        "every",
        "the",
        "hours",
        "hrs",
        "day",
        "days",
        "week",
        "fortnight",
        "month",
        "annum",
        "old",
        "older",
        "shift",
        "nights",
        "x",
        "some",
        "exceeding",
    ];

    fn texts() -> Vec<String> {
        let mut t = gen::texts(VOCAB, 20_000, 21);
        for c in gen::corpus() {
            if c.len() < 400 {
                t.push(c);
            }
        }
        t
    }

    #[test]
    fn before_matches_the_old_pattern() {
        let old = re(
            r"(?:^|[^A-Za-z])(?i-u:(approximately|approx\.?|around|about|roughly|circa|c\.|ca\.|an[ ]estimated|estimated|nearly|almost|just[ ]over|just[ ]under|some|no[ ]more[ ]than|not[ ]more[ ]than|more[ ]than|in[ ]excess[ ]of|at[ ]least|upwards[ ]of|greater[ ]than|exceeding|over|above|fewer[ ]than|less[ ]than|under|below|up[ ]to|at[ ]most|a[ ]maximum[ ]of|maximum[ ]of|a[ ]minimum[ ]of|minimum[ ]of|[<>~])[ \t\n]*)$",
        );
        let from = re(r"(?:^|[^A-Za-z])(?i-u:from|between)[ \t\n]*(?:£[ ]?)?$");
        let year = re(
            r"(?:^|[^A-Za-z])(?i-u:(?:in|since|from|during|until|till|by|of|before|after|between|and|to|year|years|act|regulations|census|early|late|mid|spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)[ \t\n]*)$",
        );
        let freq = re(
            r"(?:^|[^A-Za-z])(?i-u:(?:once|twice|times|per|each|every|a|the|this|that|last|next|hours?|hrs|days?|nights?|weeks?|months?|shifts?)[ ]*)$",
        );
        for t in texts() {
            for w in gen::windows_before(&t, 32) {
                let want = old
                    .captures(w)
                    .and_then(|c| c.get(1))
                    .map(|m| (m.as_str().to_ascii_lowercase(), m.start()));
                let got = before(w).map(|(q, s)| (q.to_string(), s));
                assert_eq!(got, want, "qualifier before {w:?}");
                assert_eq!(after_from_word(w), from.is_match(w), "from before {w:?}");
                assert_eq!(
                    year_word_before(w),
                    year.is_match(w),
                    "year word before {w:?}"
                );
                assert_eq!(
                    frequency_before(w),
                    freq.is_match(w),
                    "frequency before {w:?}"
                );
            }
        }
    }

    #[test]
    fn after_matches_the_old_pattern() {
        let old = re(
            r"^[ ]+(?i-u:or[ ]+(more|over|above|greater|fewer|less|under|below)|and[ ]+(over|above|upwards|under|below))(?-u:\b)",
        );
        let rate = re(
            r"^(?i-u:[ ]+(?:a|an|per|each|every)[ ]+(?:day|week|fortnight|month|year|annum)|[ ]+old)(?-u:\b)",
        );
        for t in texts() {
            for s in gen::suffixes(&t) {
                let want = old
                    .captures(s)
                    .and_then(|c| c.get(1).or_else(|| c.get(2)))
                    .map(|m| m.as_str().to_ascii_lowercase());
                assert_eq!(after(s).map(str::to_string), want, "qualifier after {s:?}");
                assert_eq!(rate_or_age_after(s), rate.is_match(s), "rate after {s:?}");
            }
        }
    }
}
