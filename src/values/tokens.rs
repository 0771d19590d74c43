//! The scanning primitives the value reader's passes share, in place of regular expressions.
//!
//! Each of the stage's word-list patterns was a regex compiled at start-up (tens of thousands of
//! instructions each, most of the stage's set-up) and run as a lazy DFA over every question and
//! answer. They are all of one shape: words from a list at ASCII word boundaries, ASCII
//! case-insensitive, with spaces between the words of a phrase. [`Phrases`] reads that shape
//! from a small table; the word-before and word-after helpers read the other common shape, a
//! word from a list at the end of a window of text.
//!
//! Word characters are ASCII letters, digits and `_` (the patterns' `(?-u:\b)`); every other
//! byte, non-ASCII included, is not a word character.

/// `(?-u:\w)` for every byte value: a table, since every scan asks it of every byte.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// `(?-u:\w)`: an ASCII word byte.
#[inline]
pub(super) fn is_word(b: u8) -> bool {
    WORD[b as usize]
}

/// `(?-u:\b)` at byte `i` of `b`.
pub(super) fn boundary(b: &[u8], i: usize) -> bool {
    let before = i > 0 && is_word(b[i - 1]);
    let after = i < b.len() && is_word(b[i]);
    before != after
}

/// A table of phrases, the scanner for `(?-u:\b)(?i-u:p1|p2|…)(?-u:\b)`.
///
/// A phrase is written lowercase in a small notation, one byte per item:
/// letters and digits match themselves in either case; ` ` is `[ ]+`, `~` is `[ \t\n]+`, `_` is
/// `[ ]?`; `*` is `[a-z]*` (ASCII letters of either case); `#` is one digit `[0-9]`; `?` makes
/// the byte before it optional; any other byte matches itself.
pub(super) struct Phrases {
    specs: &'static [&'static str],
    /// Whether a phrase must end at a word boundary (every table but "exceed").
    end_boundary: bool,
    /// For each first byte (`byte & 63`), the phrases that start with it, one bit each: a word
    /// is tried against those only, and most words of a text start none of them.
    by_first: [u64; 64],
}

impl Phrases {
    pub const fn new(specs: &'static [&'static str], end_boundary: bool) -> Phrases {
        assert!(specs.len() <= 64);
        let mut by_first = [0u64; 64];
        let mut k = 0;
        while k < specs.len() {
            by_first[(specs[k].as_bytes()[0] & 63) as usize] |= 1 << k;
            k += 1;
        }
        Phrases {
            specs,
            end_boundary,
            by_first,
        }
    }

    /// Whether any phrase occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        word_starts(b).any(|i| self.matches_at(b, i))
    }

    /// Whether a phrase matches at `i`, a word's start (every phrase starts with a letter, so
    /// only the starts of words are tried).
    pub fn matches_at(&self, b: &[u8], i: usize) -> bool {
        let c = b[i].to_ascii_lowercase();
        let mut m = self.by_first[(c & 63) as usize];
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            let spec = self.specs[k].as_bytes();
            if spec[0] == c && self.at(spec, b, i) {
                return true;
            }
        }
        false
    }

    /// Whether `spec` matches at `i`. Its leading letters are compared in a plain loop first:
    /// most tries fail there ("the" for "take"), before the backtracking matcher is needed.
    fn at(&self, spec: &[u8], b: &[u8], i: usize) -> bool {
        let (mut k, mut j) = (0, i);
        while k < spec.len() && spec[k].is_ascii_alphanumeric() && spec.get(k + 1) != Some(&b'?') {
            if j >= b.len() || b[j].to_ascii_lowercase() != spec[k] {
                return false;
            }
            k += 1;
            j += 1;
        }
        let end_ok = |e: usize| !self.end_boundary || boundary(b, e);
        matches(&spec[k..], b, j, &end_ok)
    }
}

/// Whether `spec` (the notation of [`Phrases`]) matches `b` from `i` to some end that `end_ok`
/// accepts; backtracks like the regex it replaces, so any path that succeeds is found.
fn matches(spec: &[u8], b: &[u8], i: usize, end_ok: &dyn Fn(usize) -> bool) -> bool {
    let Some(&c) = spec.first() else {
        return end_ok(i);
    };
    let rest = &spec[1..];
    if rest.first() == Some(&b'?') {
        let rest = &rest[1..];
        return (i < b.len() && b[i].to_ascii_lowercase() == c && matches(rest, b, i + 1, end_ok))
            || matches(rest, b, i, end_ok);
    }
    let run = |min: usize, max: usize, ok: &dyn Fn(u8) -> bool| -> bool {
        let n = b[i..].iter().take(max).take_while(|&&x| ok(x)).count();
        (min..=n).rev().any(|k| matches(rest, b, i + k, end_ok))
    };
    match c {
        b' ' => run(1, usize::MAX, &|x| x == b' '),
        b'~' => run(1, usize::MAX, &|x| matches!(x, b' ' | b'\t' | b'\n')),
        b'_' => run(0, 1, &|x| x == b' '),
        b'*' => run(0, usize::MAX, &|x| x.is_ascii_alphabetic()),
        b'#' => run(1, 1, &|x| x.is_ascii_digit()),
        _ => i < b.len() && b[i].to_ascii_lowercase() == c && matches(rest, b, i + 1, end_ok),
    }
}

/// The start of the word from `words` that ends `window` once the bytes in `gap` are trimmed
/// from its end, the word standing at the window's start or after a byte that is no ASCII
/// letter: `(?:^|[^A-Za-z])(?i-u:w1|w2|…)[gap]*$`. When several words end it, the longest
/// (the regex's leftmost match) wins. Returns the word's index in `words` and its start.
pub(super) fn word_before_end(window: &str, words: &[&str], gap: &[u8]) -> Option<(usize, usize)> {
    let b = window.as_bytes();
    let mut end = b.len();
    while end > 0 && gap.contains(&b[end - 1]) {
        end -= 1;
    }
    let mut best: Option<(usize, usize)> = None;
    for (k, w) in words.iter().enumerate() {
        let w = w.as_bytes();
        if w.len() > end {
            continue;
        }
        let s = end - w.len();
        if b[s..end].eq_ignore_ascii_case(w)
            && (s == 0 || !b[s - 1].is_ascii_alphabetic())
            && best.is_none_or(|(_, bs)| s < bs)
        {
            best = Some((k, s));
        }
    }
    best
}

/// Whether `b[i..]` starts with `word`, ASCII case-insensitively.
pub(super) fn starts_with_ci(b: &[u8], i: usize, word: &str) -> bool {
    b.len() >= i + word.len() && b[i..i + word.len()].eq_ignore_ascii_case(word.as_bytes())
}

/// The starts of the words of `b` (bytes after which `(?-u:\b)` opens a word).
pub(super) fn word_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !is_word(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let s = i;
        i += 1;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        Some(s)
    })
}

/// The maximal runs of word bytes in `b` (the spans between `(?-u:\b)`s).
pub(super) fn word_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let s = at + b[at..].iter().position(|&x| is_word(x))?;
        let e = s + b[s..]
            .iter()
            .position(|&x| !is_word(x))
            .unwrap_or(b.len() - s);
        at = e;
        Some((s, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_notation() {
        let p = Phrases::new(
            &[
                "how many",
                "per_cent",
                "refus*",
                "section #",
                "n/a",
                "s.?12",
            ],
            true,
        );
        for t in [
            "How  many?",
            "PERCENT",
            "per cent",
            "refusing.",
            "section 4",
            "n/a",
            "s12",
            "s.12",
        ] {
            assert!(p.is_match(t), "{t}");
        }
        for t in [
            "howmany",
            "per  cent",
            "refus9",
            "section 44",
            "an/a",
            "s123",
            "xs12",
        ] {
            assert!(!p.is_match(t), "{t}");
        }
    }

    #[test]
    fn word_before_end_takes_the_longest() {
        let words = ["more than", "no more than", "over"];
        assert_eq!(
            word_before_end("it was no more than  ", &words, b" "),
            Some((1, 7))
        );
        assert_eq!(word_before_end("anover", &words, b" "), None);
        assert_eq!(word_before_end("over", &words, b" "), Some((2, 0)));
    }
}
