//! What a question asks for, as far as the values of its answer are concerned.
//!
//! The question's word lists are [`Phrases`] tables rather than regexes: each regex cost a
//! compilation at start-up and a DFA walk over every question, for a handful of words.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::tokens::Phrases;
use crate::pattern::re;

/// "How many", "number of": the question asks for a count.
static ASKS_NUMBER: Phrases = Phrases::new(
    &[
        "how many",
        "number of",
        "total number",
        "what number",
        "how often",
        "quantity",
        "headcount",
    ],
    true,
);
static ASKS_HOW_MUCH: Phrases = Phrases::new(&["how much"], true);
/// Words of money: "how much" with one of them asks for a sum, without for a count. `£` too.
static MONEY_WORDS: Phrases = Phrases::new(
    &[
        "cost",
        "costs",
        "costed",
        "spend",
        "spent",
        "spending",
        "paid",
        "pay",
        "payment",
        "payments",
        "budget",
        "expenditure",
        "price",
        "fee",
        "fees",
        "income",
        "revenue",
        "funding",
        "salary",
        "salaries",
        "money",
        "value",
        "charge",
        "charges",
        "charged",
        "invoiced",
    ],
    true,
);
/// A sum asked for in words other than "how much": "the total value of any charges", "the
/// annual cost of", "the amount paid". A money word alone ("direct funding, loans") is not one.
static ASKS_SUM: Phrases = Phrases::new(
    &[
        "total cost",
        "total costs",
        "total spend",
        "total value",
        "total amount",
        "total sum",
        "total expenditure",
        "total income",
        "annual cost",
        "annual spend",
        "annual value",
        "amount spent",
        "amount paid",
        "amount claimed",
        "amount of money",
        "sum paid",
        "cost of",
        "costs of",
        "the cost",
        "the costs",
        "spend on",
        "spent on",
        "expenditure on",
        "value of the",
        "income from",
        "revenue from",
        "budget for",
    ],
    true,
);
/// A percentage asked for (`%` too).
static ASKS_PERCENT: Phrases = Phrases::new(&["percentage", "proportion", "per_cent"], true);
static ASKS_WHEN: Phrases = Phrases::new(
    &[
        "when",
        "what year",
        "which year",
        "what date",
        "which date",
        "since when",
        "how long ago",
        "year of",
        "date of",
    ],
    true,
);
static ASKS_OPTION: Phrases = Phrases::new(
    &[
        "whether",
        "which",
        "either",
        "what type",
        "what kind",
        "what sort",
        "what form",
    ],
    true,
);
static CONFIRM_WHETHER: Phrases = Phrases::new(
    &[
        "confirm whether",
        "confirm if",
        "state whether",
        "state if",
        "advise whether",
        "advise if",
        "tell me whether",
        "tell me if",
        "indicate whether",
        "indicate if",
    ],
    true,
);

static ASKS_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?i-u:(?:which|what)[ ]+(?:[a-z\-]+[ ]+){0,2}?(?:suppliers?|vendors?|providers?|manufacturers?|compan(?:y|ies)|contractors?|systems?|software|products?|platforms?|crm|packages?|applications?|solutions?|brands?|make|model|firms?|developers?)|who[ ]+(?:is[ ]+|are[ ]+|was[ ]+|were[ ]+)?(?:the[ ]+|your[ ]+)?(?:provides|provided|supplies|supplied|manufactures|manufactured|maintains|hosts|develops|developed|suppliers?|providers?|vendors?|manufacturers?|contractors?|developers?)|names?[ ]+of[ ]+(?:the[ ]+|any[ ]+|your[ ]+)?(?:[a-z\-]+[ ]+)?(?:suppliers?|vendors?|providers?|manufacturers?|compan(?:y|ies)|contractors?|systems?|software|products?|platforms?))(?-u:\b)",
    )
});
/// An id or lead-in before the first word of a question: "Q6a.", "1)", "(b)", "If so,".
static QUESTION_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[ \t\n]*(?:(?i-u:q(?:uestion)?)[ ]*[0-9]{1,3}[a-z]?(?:\([a-z0-9]{1,4}\))*[.):]?|\(?[0-9]{1,3}[a-z]?[.)]|\([a-z0-9]{1,4}\)|[a-z][.)])?[ \t\n]*(?:(?i-u:if[ ]+(?:so|yes|not|applicable)|and|also)[ ]*,?[ \t\n]*)?",
    )
});
pub(super) const AUXILIARIES: &[&str] = &[
    "does", "do", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will",
    "would", "should", "may", "might", "must", "shall",
];

/// What the question asks for, as far as the values are concerned.
pub(super) struct Ask {
    /// It asks for a number ("how many", "number of"): a "None" answer is 0.
    pub number: bool,
    /// It asks for a percentage: a "None" answer is 0 %.
    pub percent: bool,
    /// It asks for a sum of money ("How much was spent", "the total value of charges", `£`): a
    /// "Nil" answer is £0.
    pub money: bool,
    /// It can be answered yes or no ("Does...", "Is...", "Please confirm whether...").
    pub yes_no: bool,
    /// It asks when ("When did...", "What year..."): a bare year is a value.
    pub when: bool,
    /// It asks for a named thing ("Which supplier...", "Who provides...").
    pub name: bool,
    /// It offers options to choose from ("...around tenants or buildings?").
    pub options: bool,
}

impl Ask {
    pub fn read(q: &str) -> Ask {
        // "How much" asks for a sum with a word of money or `£`, else for a count.
        let how_much = ASKS_HOW_MUCH.is_match(q);
        let of_money = q.contains('£') || MONEY_WORDS.is_match(q);
        let number = ASKS_NUMBER.is_match(q) || (how_much && !of_money);
        let percent = q.contains('%') || ASKS_PERCENT.is_match(q);
        let yes_no = is_yes_no_question(q);
        Ask {
            number,
            percent,
            money: (how_much && of_money) || q.contains('£') || ASKS_SUM.is_match(q),
            yes_no,
            when: ASKS_WHEN.is_match(q),
            name: ASKS_NAME.is_match(q),
            options: !number && (yes_no || ASKS_OPTION.is_match(q)),
        }
    }
}

/// Whether `q` alone says what kind of answer it wants (a number, a sum, a percentage, yes or
/// no, a date, a name, an option): a part that does not ("Direct awards agreed by members?")
/// asks what its parent asks ("… what total number were awarded through").
pub fn says_what_it_asks(q: &str) -> bool {
    let a = Ask::read(q);
    a.number || a.percent || a.money || a.yes_no || a.when || a.name || a.options
}

/// A yes/no question starts (after its id, or after "If so,") with an auxiliary verb, in its
/// first sentence or a later one, or after a leading phrase and its comma ("For the same
/// period, did your organisation…", "When buying wheelchairs, do you…"); "please confirm
/// whether" asks the same, and so does a request list's "Whether the council offers…".
fn is_yes_no_question(q: &str) -> bool {
    if CONFIRM_WHETHER.is_match(q) {
        return true;
    }
    let lead = QUESTION_LEAD.find(q).map_or(0, |m| m.end());
    let first = &q[lead..];
    if starts_with_auxiliary(first) || starts_with_word(first, "whether") {
        return true;
    }
    let sentence = first.split(['?', '.', '\n']).next().unwrap_or(first);
    if sentence
        .match_indices(", ")
        .any(|(i, _)| auxiliary_then_subject(&sentence[i + 2..]))
    {
        return true;
    }
    let bytes = q.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!' | b'\n')
            && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
        {
            let rest = &q[i + 1..];
            let lead = QUESTION_LEAD.find(rest).map_or(0, |m| m.end());
            if starts_with_auxiliary(&rest[lead..]) {
                return true;
            }
        }
    }
    false
}

/// Whether `s` starts with `word` (lower case) in any case, followed by no letter or digit.
fn starts_with_word(s: &str, word: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= word.len()
        && b[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && b.get(word.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The subjects that follow the auxiliary of a question after a leading phrase: "…, do you",
/// "…, does the Trust", "…, are any". A clause such as "…, was recorded" has none.
const SUBJECTS: &[&str] = &[
    "you", "your", "the", "any", "it", "this", "these", "those", "there", "they", "each", "all",
    "staff", "officers",
];

/// An auxiliary verb and then a subject word at the start of `s`.
fn auxiliary_then_subject(s: &str) -> bool {
    if !starts_with_auxiliary(s) {
        return false;
    }
    let rest = s
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start_matches(' ');
    SUBJECTS.iter().any(|w| starts_with_word(rest, w))
}

fn starts_with_auxiliary(s: &str) -> bool {
    let word: String = s
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic())
        .map(|b| b.to_ascii_lowercase() as char)
        .collect();
    let next = s.as_bytes().get(word.len()).copied();
    AUXILIARIES.contains(&word.as_str()) && next.is_none_or(|b| !b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    // the `regex` crate's own compilation, to test against
    use crate::text::re;

    #[test]
    fn a_part_named_by_a_noun_asks_what_its_parent_asks() {
        for q in [
            "Direct awards agreed by members?",
            "Unknown?",
            "Pharmacists",
        ] {
            assert!(!says_what_it_asks(q), "{q}");
        }
        for q in [
            "And of these what number were referred?",
            "Does the council keep a register?",
            "The total cost in 2023.",
            "Which supplier provides the service?",
        ] {
            assert!(says_what_it_asks(q), "{q}");
        }
    }

    /// Each table against the regex it replaced, on generated questions and the corpus.
    #[test]
    fn tables_match_the_old_patterns() {
        let old: &[(&str, &Phrases, Option<char>)] = &[
            (
                r"(?-u:\b)(?i-u:how[ ]+many|number[ ]+of|total[ ]+number|what[ ]+number|how[ ]+often|quantity|headcount)(?-u:\b)",
                &ASKS_NUMBER,
                None,
            ),
            (r"(?-u:\b)(?i-u:how[ ]+much)(?-u:\b)", &ASKS_HOW_MUCH, None),
            (
                r"£|(?-u:\b)(?i-u:cost|costs|costed|spend|spent|spending|paid|pay|payment|payments|budget|expenditure|price|fee|fees|income|revenue|funding|salary|salaries|money|value|charge|charges|charged|invoiced)(?-u:\b)",
                &MONEY_WORDS,
                Some('£'),
            ),
            (
                r"%|(?-u:\b)(?i-u:percentage|proportion|per[ ]?cent)(?-u:\b)",
                &ASKS_PERCENT,
                Some('%'),
            ),
            (
                r"(?-u:\b)(?i-u:when|what[ ]+year|which[ ]+year|what[ ]+date|which[ ]+date|since[ ]+when|how[ ]+long[ ]+ago|year[ ]+of|date[ ]+of)(?-u:\b)",
                &ASKS_WHEN,
                None,
            ),
            (
                r"(?-u:\b)(?i-u:whether|which|either|what[ ]+(?:type|kind|sort|form))(?-u:\b)",
                &ASKS_OPTION,
                None,
            ),
            (
                r"(?-u:\b)(?i-u:(?:confirm|state|advise|tell[ ]+me|indicate)[ ]+(?:whether|if))(?-u:\b)",
                &CONFIRM_WHETHER,
                None,
            ),
        ];
        let vocab = [
            "how",
            "many",
            "much",
            "number",
            "of",
            "total",
            "often",
            "quantity",
            "headcount",
            "cost",
            "costs",
            "costed",
            "spend",
            "paid",
            "pay",
            "fees",
            "value",
            "charged",
            "percentage",
            "proportion",
            "per",
            "cent",
            "percent",
            "when",
            "what",
            "which",
            "year",
            "date",
            "since",
            "long",
            "ago",
            "whether",
            "either",
            "type",
            "kind",
            "sort",
            "form",
            "confirm",
            "state",
            "advise",
            "tell",
            "me",
            "indicate",
            "if",
            "howmany",
        ];
        let texts = gen::all(&vocab, 11);
        for (pattern, table, sign) in old {
            let r = re(pattern);
            for t in &texts {
                let got = sign.is_some_and(|c| t.contains(c)) || table.is_match(t);
                assert_eq!(got, r.is_match(t), "{pattern} on {t:?}");
            }
        }
    }

    #[test]
    fn patterns_compile() {
        let _ = (&*ASKS_NAME, &*QUESTION_LEAD);
    }
}
