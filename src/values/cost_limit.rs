//! Sentences that explain a cost or time-limit refusal (FOIA s12, EIR 12(4)(b)): their figures
//! are the limit and the authority's estimate, not an answer.
//!
//! Word tables ([`Phrases`]) rather than regexes: each sentence of every answer is read, and the
//! five regexes cost more to compile at start-up than the whole batch spent matching them.

use super::tokens::{word_starts, Phrases};

/// "The appropriate limit", "section 12", "locate, retrieve and extract".
static COST_PHRASE: Phrases = Phrases::new(
    &[
        "appropriate~limit",
        "cost~limit",
        "costs~limit",
        "cost~threshold",
        "fee~limit",
        "fees~limit",
        "appropriate~cost",
        "fees~regulations",
        "manifestly~unreasonable",
        "section~12",
        "s._12",
        "s12",
        "regulation~12_(4)_(b)",
        "locat*,?~retriev",
        "locat*,?~and~retriev",
        "retriev*,?~and~extract",
    ],
    true,
);
/// "Exceed", "exceeds", "exceeding": a word that starts so.
static EXCEED: Phrases = Phrases::new(&["exceed"], false);
static LIMIT_WORDS: Phrases = Phrases::new(&["limit", "hours", "cost"], true);
static HOURS: Phrases = Phrases::new(&["hours", "hrs"], true);
static EFFORT_WORDS: Phrases = Phrases::new(
    &[
        "estimat*",
        "would take",
        "take",
        "taking",
        "locat*",
        "retriev*",
        "extract*",
        "officer time",
        "staff time",
        "manual*",
    ],
    true,
);

/// Whether a sentence explains a cost or time-limit refusal.
/// `COST_PHRASE || (EXCEED && LIMIT_WORDS) || (HOURS && EFFORT_WORDS)`, read in one pass over
/// the sentence's words (every sentence of every answer is asked).
pub(super) fn is_cost_limit(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let (mut exceed, mut limit, mut hours, mut effort) = (false, false, false, false);
    for i in word_starts(b) {
        if COST_PHRASE.matches_at(b, i) {
            return true;
        }
        exceed = exceed || EXCEED.matches_at(b, i);
        limit = limit || LIMIT_WORDS.matches_at(b, i);
        hours = hours || HOURS.matches_at(b, i);
        effort = effort || EFFORT_WORDS.matches_at(b, i);
        if (exceed && limit) || (hours && effort) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    /// Each table against the regex it replaced, on generated sentences and the corpus.
    #[test]
    fn tables_match_the_old_patterns() {
        let old: &[(&str, &Phrases)] = &[
            (
                r"(?-u:\b)(?i-u:appropriate[ \t\n]+limit|costs?[ \t\n]+limit|cost[ \t\n]+threshold|fees?[ \t\n]+limit|appropriate[ \t\n]+cost|fees[ \t\n]+regulations|manifestly[ \t\n]+unreasonable|section[ \t\n]+12|s\.[ ]?12|s12|regulation[ \t\n]+12[ ]?\(4\)[ ]?\(b\)|locat[a-z]*,?[ \t\n]+(?:and[ \t\n]+)?retriev|retriev[a-z]*,?[ \t\n]+and[ \t\n]+extract)(?-u:\b)",
                &COST_PHRASE,
            ),
            (r"(?-u:\b)(?i-u:exceed)", &EXCEED),
            (r"(?-u:\b)(?i-u:limit|hours|cost)(?-u:\b)", &LIMIT_WORDS),
            (r"(?-u:\b)(?i-u:hours|hrs)(?-u:\b)", &HOURS),
            (
                r"(?-u:\b)(?i-u:estimat[a-z]*|would[ ]+take|take|taking|locat[a-z]*|retriev[a-z]*|extract[a-z]*|officer[ ]+time|staff[ ]+time|manual[a-z]*)(?-u:\b)",
                &EFFORT_WORDS,
            ),
        ];
        let vocab = [
            "appropriate",
            "limit",
            "cost",
            "costs",
            "threshold",
            "fee",
            "fees",
            "regulations",
            "manifestly",
            "unreasonable",
            "section",
            "12",
            "s.",
            "s. 12",
            "s12",
            "s.12",
            "regulation",
            "(4)",
            "(b)",
            "12(4)(b)",
            "12 (4) (b)",
            "locate",
            "locat",
            "retriev",
            "retrieve",
            "retrieving",
            "and",
            "extract",
            "extracting",
            "exceed",
            "exceeds",
            "hours",
            "hrs",
            "estimate",
            "estimated",
            "would",
            "take",
            "taking",
            "officer",
            "staff",
            "time",
            "manual",
            "manually",
            "located,",
            "retriev,",
            "ing",
        ];
        let texts = gen::all(&vocab, 12);
        for (pattern, table) in old {
            let r = re(pattern);
            for t in &texts {
                assert_eq!(table.is_match(t), r.is_match(t), "{pattern} on {t:?}");
            }
        }
    }
}
