//! Words in an answer: number words ("two sites"), a leading "Yes"/"No"/"None", and the words
//! of a refusal. Read from tables over the answer's words rather than by regex (set-up cost).

use super::tokens::{word_runs, Phrases};

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// The number words of `text` ("one" to "ninety", whole words, any case), as spans.
pub(super) fn number_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    word_runs(b).filter(move |&(s, e)| {
        NUMBER_WORDS
            .iter()
            .any(|w| b[s..e].eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// "Yes"/"No" starting `text` and not followed by a letter or `/` ("No/A"): its length.
/// `^(?i-u:(yes|no))(?:$|[^A-Za-z/])`
pub(super) fn yes_no_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    ["yes", "no"].iter().find_map(|w| {
        let n = w.len();
        (b.len() >= n
            && b[..n].eq_ignore_ascii_case(w.as_bytes())
            && b.get(n)
                .is_none_or(|&c| !c.is_ascii_alphabetic() && c != b'/'))
        .then_some(n)
    })
}

/// "None", "Nil", "Zero", "Nought" starting `text` and not followed by a letter: its length.
/// `^(?i-u:none|nil|zero|nought)(?:$|[^A-Za-z])`
pub(super) fn zero_word_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    ["none", "nil", "zero", "nought"].iter().find_map(|w| {
        let n = w.len();
        (b.len() >= n
            && b[..n].eq_ignore_ascii_case(w.as_bytes())
            && b.get(n).is_none_or(|c| !c.is_ascii_alphabetic()))
        .then_some(n)
    })
}

/// An answer that refuses or says nothing is held names no product.
pub(super) static REFUSAL: Phrases = Phrases::new(
    &[
        "exempt",
        "exemption",
        "section #",
        "regulation #",
        "not held",
        "does not hold",
        "do not hold",
        "neither confirm",
        "withheld",
        "withhold",
        "refus*",
        "unable",
        "cannot",
        "not applicable",
        "n/a",
        "not known",
    ],
    true,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    const VOCAB: &[&str] = &[
        "one",
        "two",
        "ten",
        "twenty",
        "ninety",
        "sixteen",
        "six",
        "seventy",
        "yes",
        "no",
        "nope",
        "No/A",
        "none",
        "nil",
        "zero",
        "nought",
        "exempt",
        "exemption",
        "section",
        "regulation",
        "4",
        "44",
        "not",
        "held",
        "does",
        "do",
        "hold",
        "neither",
        "confirm",
        "withheld",
        "withhold",
        "refused",
        "refusal",
        "unable",
        "cannot",
        "applicable",
        "n/a",
        "N/A",
        "known",
        "n",
        "a",
        "/",
    ];

    #[test]
    fn words_match_the_old_patterns() {
        let number = re(
            r"(?-u:\b)(?i-u:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?-u:\b)",
        );
        let yes_no = re(r"^(?i-u:(yes|no))(?:$|[^A-Za-z/])");
        let zero = re(r"^(?i-u:none|nil|zero|nought)(?:$|[^A-Za-z])");
        let refusal = re(
            r"(?-u:\b)(?i-u:exempt|exemption|section[ ]+[0-9]|regulation[ ]+[0-9]|not[ ]+held|does[ ]+not[ ]+hold|do[ ]+not[ ]+hold|neither[ ]+confirm|withheld|withhold|refus[a-z]*|unable|cannot|not[ ]+applicable|n/a|not[ ]+known)(?-u:\b)",
        );
        for t in gen::all(VOCAB, 41) {
            let want: Vec<_> = number.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(number_words(&t).collect::<Vec<_>>(), want, "{t:?}");
            for s in gen::suffixes(&t).into_iter().take(40) {
                let want = yes_no.captures(s).and_then(|c| c.get(1)).map(|m| m.end());
                assert_eq!(yes_no_len(s), want, "yes/no {s:?}");
                let want = zero.find(s).map(|m| {
                    m.as_str()
                        .bytes()
                        .take_while(u8::is_ascii_alphabetic)
                        .count()
                });
                assert_eq!(zero_word_len(s), want, "zero {s:?}");
            }
            assert_eq!(REFUSAL.is_match(&t), refusal.is_match(&t), "refusal {t:?}");
        }
    }
}
