//! Stage 6a: the status of an answer.
//!
//! An answer is read for signals — neither-confirm-nor-deny, withheld under an exemption or the
//! cost limit, pointed elsewhere (reasonably accessible, a link), not held, not applicable, a
//! request for clarification — and for substance (typed values: figures, yes/no). Signals rank
//! ncnd > refused > referred > not held > clarification > not applicable; a refusal or a "not
//! held" that still gives figures is `partial`. Values inside a cost-limit explanation (the
//! £450 / 18 hours of the limit, the estimate) are not substance: the values stage skips them.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::exemptions::{means_not_held, refers_elsewhere};
use crate::model::{Exemption, Status, Value, ValueKind};
use crate::pattern::re;

static NCND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bneither\s+(?:to\s+)?confirms?\s+n?or\s+den(?:y|ies)|\bNCND\b|\b(?:cannot|can not|will not|unable to|can neither)\s+confirm\s+(?:or|nor)\s+deny",
    )
});
static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bnot\s+held\b|\b(?:does|do|did)\s*(?:not|n't)\s+(?:currently\s+|centrally\s+)?hold\b|\bholds?\s+no\s+(?:recorded\s+)?(?:information|data|records?|details)|\bno\s+(?:such\s+|relevant\s+)?(?:recorded\s+)?(?:information|data|records?)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:held|exists?|available|recorded)|\bnot\s+(?:centrally\s+|routinely\s+|specifically\s+)?(?:recorded|collated|captured|collected|retained|kept|logged|monitored)\b|\b(?:do|does|did)\s*(?:not|n't)\s+(?:centrally\s+|routinely\s+|specifically\s+)?(?:record|collate|capture|collect|retain|keep|log|monitor|break\s+down|separate|split)\b|\b(?:not|n't)\s+possible\s+to\s+(?:determine|identify|establish|say|extract|ascertain)|\bunable\s+to\s+(?:determine|identify|establish|ascertain)\b|\b(?:do|does)\s*(?:not|n't)\s+have\s+(?:this|that|these|the|any|details|records?|information|data|a\s+record)\b|\bthere\s+(?:is|are)\s+no\s+(?:records?|information|data)\b|\b(?:have|has|had)\s+no\s+(?:recorded\s+|relevant\s+)?(?:information|data|records?|details)\b|\b(?:information|data|figures?|details|records?|statistics)\s+(?:is|are)\s+not\s+(?:available|recorded|kept|collected)\b|\bno\s+records?\b|\bnil\s+return\b|\bnot\s+(?:a\s+)?held\b|\bno\s+(?:central|single|separate|specific|dedicated|centralised|formal|corporate|overall|consolidated|combined)\s+(?:register|record|list|database|log|figures?|system|data|breakdown)s?\b|\bno\s+(?:way|means|method)\s+of\s+(?:counting|identifying|extracting|separating|knowing|telling|determining|calculating|quantifying)\b|\b(?:cannot|can\s*not|can't|could\s+not)\s+(?:yet\s+|currently\s+)?be\s+(?:worked\s+out|calculated|quantified|determined)\b|\b(?:this|it|these|that|which|figures?|information|data|costs?|spend|amounts?)\s+(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:identified|separated|isolated|distinguished)\b|\bnot\s+(?:organised|structured|arranged|recorded|categorised|indexed|searchable)\s+in\s+(?:a|such\s+a|this|that|any)\s+(?:way|manner|format|form)\b|\b(?:cannot|can't|can\s+not|unable\s+to|not\s+able\s+to)\s+(?:split|separate|break|isolate|distinguish|disaggregate)\b|\bnot\s+(?:separated|split|broken)\s+(?:out|down)\b|\b(?:is|are|falls?|remains?)\s+(?:the\s+|a\s+)?(?:sole\s+)?responsibility\s+of\s+(?:the\s+|another\s+|a\s+)?(?:[\w']+\s+){0,4}(?:council|authority|trust|board|police|force|department|agency|service|office|government|executive|body)\b|\b(?:do|does|did)\s*(?:not|n't)\s+(?:cost|count|measure|track|compile|produce|calculate|maintain\s+(?:a|any)\s+(?:record|register|list))\b|\bno\s+(?:such\s+)?(?:information|data|record)\s+(?:exists|is\s+available)\b|\b(?:no|not\s+(?:have|hold)\s+(?:a|an|any))\s+(?:(?:such|dedicated|specific|separate|formal|written|documented|standalone|stand-alone|particular|individual|bespoke)\s+)+(?:policy|policies|procedures?|guidance|strategy|strategies|protocols?|plans?|documents?|register)\b|\bthere\s+(?:is|are)\s+no\s+(?:policy|policies|procedures?|protocols?|strategy)\s+(?:in\s+place|which|that|for|on|regarding|relating|covering)\b|\bno\s+(?:[a-z-]+\s+){1,4}(?:is|are|was|were|has\s+been|have\s+been)\s+(?:currently\s+|centrally\s+)?(?:held|kept|recorded|produced|compiled|calculated|collated|maintained)\b|\bno\s+(?:[a-z-]+\s+){5,10}(?:is|are)\s+held\b|\bnone\s+(?:is\s+|are\s+)?held\b|\bno\s+longer\s+(?:held|kept|retained|available|recorded)\b|\bnot\s+(?:costed|counted|itemised|itemized|identified|recorded|invoiced)\s+separately\b|\b(?:cannot|can\s*not|can't|could\s+not)\s+(?:determine|identify|establish|ascertain)\s+(?:this|that|these|the|how|which|whether)\b",
    )
});
/// Whether a sentence says the information is not held ("No risk assessment specific to X is
/// held"): the values' reader then reads no yes or no from the answer's other denials.
pub(crate) fn says_not_held(sentence: &str) -> bool {
    NOT_HELD.is_match(sentence)
}

static REFUSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bexempt(?:ion|ed)?\b|\bwithh(?:e|o)ld|\brefus(?:e|al|ing|ed)\b(?:\s+(?:to|under|notice|as|in|on|for|by|because|this|these|your|it|that|all|any|both|each|disclosure|the\s+(?:request|information|part|remainder|rest|whole|questions?))\b|\s*(?:[.,;:)\-\n]|$))|\bnot\s+obliged\s+to\s+(?:comply|provide|disclose|release)|\bexceeds?\s+the\s+(?:appropriate|cost|upper|prescribed)|\bwould\s+exceed\b|\bmanifestly\s+unreasonable\b|\bvexatious\b|\brepeated\s+request\b|\bexcepted\b|\bexception\s+(?:applies|under)|\bnot\s+(?:be\s+)?(?:disclosed|released)\b|\bdeclin(?:e|ed|ing)\s+to\b|\bwill\s+not\s+(?:be\s+)?(?:disclos|provid|releas)|\bunable\s+to\s+(?:provide|disclose|release|supply|share)\b|\b(?:cannot|can\s*not|can't)\s+(?:provide|disclose|release|supply|share)\b|\bredact|\bwould\s+(?:take|require|involve)\s+(?:(?:a|an)\s+)?(?:great\s+deal\s+of|considerable|significant|substantial|excessive|disproportionate|unreasonable|inordinate|(?:excessive|disproportionate|considerable|significant|substantial|unreasonable|inordinate)\s+amount\s+of)\s+(?:staff\s+|officer\s+)?time\b|\b(?:too|extremely|very|highly|prohibitively)\s+time[\s-]consuming\b|\bwould\s+(?:take|require|involve|need)\s+(?:(?:well|far|significantly)\s+)?(?:more\s+than|over|in\s+excess\s+of)\s+(?:the\s+)?(?:18|24)\s+hours\b|\b(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:answered|provided|completed|met|supplied)\s+within\s+the\s+(?:FOI\s+|statutory\s+|appropriate\s+|permitted\s+)?(?:time|cost)\s+(?:allowance|limit)s?\b",
    )
});
/// A count just before the word: "3 refused", "214 were refused", "12 applications refused".
static COUNTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\d[\d,]*\s+(?:[a-z]+\s+){0,2}(?:were\s+|was\s+|been\s+)?$"));

/// Whether a text says something is refused or withheld. "Refused" after a count is a figure
/// of the answer ("3 refused"), not a refusal of the request.
fn refusal_words(text: &str) -> bool {
    REFUSED.find_iter(text).any(|m| {
        let word = &text[m.start()..m.end()];
        let is_refus = word
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("refus"));
        let before = &text[crate::text::floor_char(text, m.start().saturating_sub(40))..m.start()];
        if is_refus && COUNTED.is_match(before) {
            return false;
        }
        // "whether the application was granted in full, in part or refused", "approved/
        // refused": the last of a list of outcomes is a category of the data, no refusal.
        let listed = before.trim_end();
        if is_refus && (listed.ends_with(" or") || listed.ends_with('/')) {
            return false;
        }
        // "This information is not held, so it is exempt under section 1": the Act's duty to
        // confirm what is held, no exemption withholding anything; "this part is therefore
        // refused under regulation 12(4)(a), as the information is not held": the not-held
        // exception said with the word of refusal. (A withholding provision cited beside it
        // still refuses, through the exemptions.)
        let exempt = word
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("exempt"));
        // "… we are not obliged to provide information we do not hold": the same exception.
        let not_obliged = word
            .get(..11)
            .is_some_and(|w| w.eq_ignore_ascii_case("not obliged"));
        !((exempt || is_refus || not_obliged)
            && NOT_HELD.is_match(sentence_around(text, m.start(), m.end())))
    })
}

/// The sentence around `[s, e)`: from the last full stop or line break before it to the next
/// after it.
fn sentence_around(text: &str, s: usize, e: usize) -> &str {
    let from = text[..s].rfind(['.', '\n']).map_or(0, |p| p + 1);
    let to = text[e..].find(['.', '\n']).map_or(text.len(), |p| e + p);
    &text[from..to]
}

static REFERRED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\breasonably\s+accessible\b|\baccessible\s+(?:to\s+(?:you|the\s+public)\s+)?by\s+other\s+means|\botherwise\s+accessible\b|\bpublicly\s+(?:available|accessible)\b|\b(?:is|are|been|was|were)\s+(?:already\s+)?published\b|\bpublishe[sd]\s+(?:on|at|in|online)\b|\bcan\s+be\s+(?:found|accessed|viewed|obtained|located|downloaded)\b|\b(?:see|visit|refer\s+to|follow|access|use|click)\s+(?:on\s+)?(?:the\s+|our\s+|this\s+|their\s+)?(?:following\s+|attached\s+|below\s+|above\s+)?(?:link|website|web\s?page|url|web\s?site|site|portal|hyperlink)s?\b|\bfollowing\s+(?:link|url|web\s?page|website|address)\b|\blinks?\s+below\b|\bavailable\s+(?:at|from|on|via|through)\s+(?:the\s+following|this|our\s+web|the\s+web|our\s+internet|the\s+internet|the\s+link)|https?://|\bwww\.|\byou\s+(?:can|may|will)\s+(?:find|view|access|read|see)\b[^.\n]{0,80}\b(?:website|web\s?site|web\s?page|online|intranet|internet)\b",
    )
});
/// Whether a letter asks the requester to clarify the request.
pub fn asks_clarification(text: &str) -> bool {
    CLARIFY.is_match(text)
}

/// Whether the answer says the information is attached or given: "Please see the attached
/// letter for our consideration of the public interest" attaches the reasons, not the
/// information.
fn provides(text: &str) -> bool {
    PROVIDED.find_iter(text).any(|m| {
        let next = text[m.end()..]
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        !matches!(
            next.as_str(),
            "letter" | "notice" | "refusal" | "explanation" | "reasons"
        )
    })
}

static CLARIFY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bplease\s+clarify\b|\b(?:need|ask|like)\s+you\s+to\s+clarify\b|\bclarify\s+your\s+request\b|\bcould\s+you\s+(?:please\s+)?clarify\b|\b(?:seek|need|require|request)\s+(?:some\s+|further\s+)?clarification\b|\bnot\s+clear\s+(?:what|which)\b|\bunclear\s+(?:what|which)\b|\bwhat\s+(?:question|information)\s+is\s+being\s+(?:asked|requested|sought)|\bplease\s+(?:confirm|explain)\s+what\s+you\s+mean",
    )
});
static PROVIDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:attached|enclosed)\s+(?:is|are|please\s+find|you\s+will\s+find)\b|\bplease\s+see\s+(?:the\s+)?(?:attached|enclosed)\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:attached|enclosed|provided\s+(?:below|above|in\s+the\s+attached|(?:at|in)\s+(?:the\s+)?(?:appendix|appendices|annexe?s?)\b)|(?:set\s+out|listed|given)\s+(?:at|in)\s+(?:the\s+)?(?:appendix|appendices|annexe?s?)\b|included\s+(?:below|in\s+the\s+attached)|released|disclosed)\b|\bplease\s+find\s+(?:attached|enclosed)|\battached\s+(?:is|are|you\s+will\s+find)\b|\b(?:i|we)\s+(?:attach|enclose|have\s+attached|have\s+enclosed)\b|\b(?:a\s+)?(?:redacted\s+)?cop(?:y|ies)\s+(?:is|are)\s+(?:attached|enclosed)|\b(?:have|has)\s+(?:now\s+)?provided\s+(?:the|this|all\s+the|the\s+requested)\s+(?:information|data|figures)\b|\b(?:attached|enclosed)\s+(?:to|with)\s+this\s+(?:response|letter|e-?mail|reply)\b|\((?:attached|enclosed)\)|\b(?:the|an?)\s+(?:attached|enclosed)\s+(?:spreadsheets?|documents?|files?|lists?|tables?|reports?|appendix|annex|schedules?|cop(?:y|ies)|data|figures|csv|excel)\b",
    )
});
static CROSS_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:see|refer\s+to|as\s+per|as\s+in|as|covered\s+(?:by|in|under)|same\s+as|answered\s+(?:in|at|under|by)|included\s+in|as\s+stated\s+in|as\s+outlined\s+in)\s+(?:(?:our|the|my)\s+)?(?:(?:answer|response|reply|information\s+(?:provided|given))\s+(?:to|for|at|in|under|of)\s+)?(?:question|q)\s*\.?\s*(\d{1,3}(?:\.\d{1,2})?[a-z]?(?:\s*\([a-z0-9]{1,4}\))?)",
    )
});

/// What the words of an answer say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    pub ncnd: bool,
    pub refused: bool,
    pub referred: bool,
    /// The pointer elsewhere is an exemption (section 21, regulation 6(1)(b)): what it covers
    /// is withheld from this reply, so figures beside it answer only part.
    pub referred_by_exemption: bool,
    pub not_held: bool,
    pub clarification: bool,
    pub not_applicable: bool,
    /// The answer says the information is attached, enclosed or released.
    pub provided: bool,
    /// The key of the question this answer points to ("see our answer to question 5").
    pub cross_ref: Option<String>,
    /// The answer says nothing but the cross-reference.
    pub only_cross_ref: bool,
}

/// Whether a cited provision withholds: neither a pointer elsewhere nor a "not held".
pub(crate) fn withholds(e: &Exemption) -> bool {
    !refers_elsewhere(e) && !means_not_held(e)
}

/// Reads the signals of an answer.
pub fn signals(answer: &str, exemptions: &[Exemption]) -> Signals {
    let refer_ex = exemptions.iter().any(refers_elsewhere);
    let withhold_ex = exemptions.iter().any(withholds);
    let not_held_ex = exemptions.iter().any(means_not_held);
    // An answer that cites the not-held provision (EIR 12(4)(a), FOISA section 17) says the
    // information is not held; "the Act, which is published on …" beside it points at law.
    let referred = refer_ex || (!not_held_ex && REFERRED.is_match(answer));
    let refused = withhold_ex || (refusal_words(answer) && !referred);
    // A cross-reference names a question by number (`\d` is ASCII here).
    let cross = answer
        .bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| CROSS_REF.captures(answer))
        .flatten();
    let cross_ref = cross
        .as_ref()
        .map(|c| c[1].to_ascii_lowercase().replace([' ', '(', ')'], ""));
    let only_cross_ref = cross.as_ref().is_some_and(|c| {
        let m = c.get(0).expect("match");
        let rest = format!("{}{}", &answer[..m.start()], &answer[m.end()..]);
        rest.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .count()
            <= 6
    });
    // NCND, CLARIFY and PROVIDED are run only when the answer has their words, read from one
    // ASCII-lowercased copy (the words have neither `s` nor `k`, which `(?i)` also matches
    // outside ASCII).
    let lower = answer.to_ascii_lowercase();
    let may = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    Signals {
        ncnd: may(&["confirm", "ncnd"]) && NCND.is_match(answer),
        refused,
        referred,
        referred_by_exemption: refer_ex,
        not_held: not_held_ex || NOT_HELD.is_match(answer),
        clarification: may(&["clar", "clear", "being", "mean"]) && CLARIFY.is_match(answer),
        not_applicable: is_not_applicable(answer),
        provided: may(&["attach", "enclo", "provided", "included", "relea", "disclo"])
            && provides(answer),
        cross_ref,
        only_cross_ref,
    }
}

/// Whether a sentence is the requester's, pasted into the answer with the request ("If it is not
/// possible to supply this within the cost limit in section 12, please advise me how to narrow
/// my request"): a polite ask in the first person singular, with nothing of the body's "we".
/// Such a sentence names the cost limit or an exemption without applying it.
pub(crate) fn requester_voice(sentence: &str) -> bool {
    // One pass over the words, without a lower-cased copy: this runs for every sentence of
    // every answer.
    let (mut asks, mut first_person, mut prev) = (false, false, "");
    for w in sentence.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'') {
        if w.is_empty() {
            continue;
        }
        let is = |lit: &str| w.eq_ignore_ascii_case(lit);
        if ["we", "our", "us", "we've", "we're"].iter().any(|l| is(l)) {
            return false;
        }
        asks |= is("please")
            || (is("you")
                && ["could", "can", "would"]
                    .iter()
                    .any(|l| prev.eq_ignore_ascii_case(l)));
        first_person |= is("me") || is("my");
        prev = w;
    }
    asks && first_person
}

/// The answer with the requester's sentences (see [`requester_voice`]) blanked out, for
/// reading its signals and citations; the answer itself is returned when it has none.
pub fn reply_voice(answer: &str) -> std::borrow::Cow<'_, str> {
    if !answer.contains("me") && !answer.contains("my") {
        return std::borrow::Cow::Borrowed(answer);
    }
    let spans = crate::questionnaire::sentences(answer, 0, answer.len());
    if !spans.iter().any(|&(s, e)| requester_voice(&answer[s..e])) {
        return std::borrow::Cow::Borrowed(answer);
    }
    let mut out = String::with_capacity(answer.len());
    let mut at = 0;
    for (s, e) in spans {
        if requester_voice(&answer[s..e]) {
            out.push_str(&answer[at..s]);
            out.extend(std::iter::repeat_n(' ', answer[s..e].chars().count()));
            at = e;
        }
    }
    out.push_str(&answer[at..]);
    std::borrow::Cow::Owned(out)
}

/// A range of parts named before an answer: "a) to d) ", "(a)-(d): ", "2a – 2d ".
static LABEL_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?[a-z0-9]{1,3}[).]?\s*(?:to|-|\x{2013}|and|&)\s*\(?[a-z0-9]{1,3}[).]?\s*[:\-\x{2013}]?\s+",
    )
});

/// "N/A", "Not applicable.", "n/a - see above": the whole answer says it does not apply.
pub fn is_not_applicable(answer: &str) -> bool {
    let t = answer
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_ascii_lowercase();
    let t = t.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    // "a) to d) Not applicable, …": the parts it covers, named first.
    let t = LABEL_RANGE.find(t).map_or(t, |m| &t[m.end()..]);
    const WHOLE: [&str; 9] = [
        "n/a",
        "na",
        "n.a",
        "n. a",
        "not applicable",
        "none applicable",
        "not relevant",
        "does not apply",
        "this does not apply",
    ];
    if WHOLE.contains(&t) {
        return true;
    }
    let starts = [
        "n/a",
        "not applicable",
        "n/a.",
        "na -",
        "na.",
        "this question is not applicable",
        "question not applicable",
    ];
    starts.iter().any(|s| {
        t.starts_with(s)
            && t[s.len()..].starts_with(|c: char| !c.is_ascii_alphanumeric())
            && t.len() < 200
    })
}

/// Figures that explain a refusal rather than answer: the hours, minutes, records and searches
/// of a cost-limit or workload estimate.
static WORKLOAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:hours?|minutes?|mins?|estimat\w*|would\s+(?:take|require|need|involve|cost|mean)|searche?s?|searching|retriev\w*|extract\w*|locat(?:e|ing)|manual(?:ly)?|appropriate\s+(?:limit|level)|cost\s+limit|staff\s+time|each\s+(?:record|file|case|one|search|check)|per\s+(?:record|file|case|search|check)|checks?|checked|trawl|nominals?|in\s+excess\s+of|more\s+than\s+the\s+limit|would\s+have\s+to|one\s+by\s+one|by\s+hand|individually|each\s+of\s+(?:these|those|the)|would\s+be\s+(?:required|needed|necessary)|reviewed|examined|interrogat\w*|entries)\b",
    )
});

/// What a search for the information would have to go through.
const HOLDINGS: [&str; 11] = [
    "box", "file", "record", "report", "document", "page", "email", "folder", "case", "entrie",
    "referral",
];

/// Sentences about the law itself ("Section 1 of the Act places two duties on a public
/// authority"): a number in them counts duties or sections, never what was asked.
static LAW_TALK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bpublic\s+authorit(?:y|ies)\b|\bduties\b|\bright\s+of\s+access\b"));

static ADVICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bif\s+you\b|\byou\s+(?:may|might|could|can)\b|\b(?:narrow|refine|reduc|limit)\w*\s+(?:your|the)\s+(?:request|scope)|\badvice\s+and\s+assistance\b",
    )
});

/// A status and the span of the words that decided it (normalised-text offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    pub basis: Option<(usize, usize)>,
}

/// What one sentence of an answer says.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    span: (usize, usize),
    ncnd: bool,
    refused: bool,
    withholds: bool,
    referred: bool,
    not_held: bool,
    clarification: bool,
    provided: bool,
    workload: bool,
    /// About the law, not the request (see [`LAW_TALK`]).
    law_talk: bool,
    /// Advice and assistance: "If you narrowed your request to one year, …".
    advice: bool,
}

/// Sentences of the answer's pieces, split also at blank lines and at lines that stand alone
/// (table rows, "Answer = No").
pub(crate) fn answer_sentences(text: &str, parts: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(a, b) in parts {
        let (a, b) = (
            crate::text::floor_char(text, a),
            crate::text::floor_char(text, b.min(text.len())),
        );
        for (s, e) in crate::questionnaire::sentences(text, a, b) {
            let mut from = s;
            for (k, _) in text[s..e].match_indices("\n\n") {
                let cut = s + k;
                if cut > from {
                    out.push((from, cut));
                }
                from = cut + 2;
            }
            if from < e && !text[from..e].trim().is_empty() {
                out.push((from, e));
            }
        }
    }
    out
}

/// The status of an answer and its evidence: the answer is read sentence by sentence, each
/// sentence for the signals of [`signals`], and the status is decided as [`status`] does, with
/// two refinements that need sentences: figures inside a cost-limit or workload explanation
/// are not substance, and the information said to be attached or enclosed answers the
/// question even when a footer carries a link.
pub fn decide(
    text: &str,
    parts: &[(usize, usize)],
    answer: &str,
    sig: &Signals,
    exemptions: &[Exemption],
    values: &[Value],
) -> Verdict {
    if answer.trim().is_empty() {
        return Verdict {
            status: Status::Unanswered,
            basis: None,
        };
    }
    let withhold_ex = exemptions.iter().any(withholds);
    // Each sentence is read only for the signals the whole answer carries (one pass each over
    // the answer already said which): most answers need two or three patterns, not nine.
    let refusal = sig.ncnd || sig.refused || withhold_ex;
    let any_cited = !exemptions.is_empty();
    let said: Vec<Said> = answer_sentences(text, parts)
        .into_iter()
        .map(|(s, e)| {
            let t = &text[s..e];
            if requester_voice(t) {
                return Said {
                    span: (s, e),
                    ..Said::default()
                };
            }
            // A citation has a number, or names the cost limit or vexatiousness.
            let may_cite = t.bytes().any(|b| b.is_ascii_digit())
                || t.contains("limit")
                || t.contains("exatious");
            let cited = if any_cited && may_cite {
                crate::exemptions::cited(t, crate::model::Law::FOIA)
            } else {
                Vec::new()
            };
            Said {
                span: (s, e),
                ncnd: sig.ncnd && NCND.is_match(t),
                refused: sig.refused && refusal_words(t),
                withholds: cited.iter().any(withholds),
                referred: sig.referred
                    && (REFERRED.is_match(t) || cited.iter().any(refers_elsewhere)),
                not_held: sig.not_held
                    && (NOT_HELD.is_match(t) || cited.iter().any(means_not_held)),
                clarification: sig.clarification && CLARIFY.is_match(t),
                provided: sig.provided && provides(t),
                workload: refusal && WORKLOAD.is_match(t),
                law_talk: !values.is_empty() && LAW_TALK.is_match(t),
                advice: refusal && ADVICE.is_match(t),
            }
        })
        .collect();
    let first = |f: &dyn Fn(&Said) -> bool| said.iter().find(|x| f(x)).map(|x| x.span);
    // Whether `v` stands in a sentence that `f` says something of.
    let in_said = |v: &Value, f: &dyn Fn(&Said) -> bool| {
        said.iter()
            .any(|x| f(x) && v.span.start >= x.span.0 && v.span.start < x.span.1)
    };
    // A value read from words ("two", "no"), not figures.
    let in_words = |v: &Value| !v.text.bytes().any(|b| b.is_ascii_digit());
    // "There is no corporate record of these requests": a zero read from the words of a
    // not-held sentence is that sentence, not a count beside it.
    let zero_not_held = |v: &Value| {
        v.value == crate::model::Scalar::Number(0.0) && in_words(v) && in_said(v, &|x| x.not_held)
    };
    // A cost-limit refusal sizes the holdings it would have to search ("more than 18,000
    // inspection reports", "about 1,400 boxes of files"): rough counts there are no answer.
    let cost_limit = sig.refused
        && (exemptions.iter().any(|e| {
            e.law == crate::model::Law::FOIA && crate::exemptions::section_number(e) == 12
        }) || answer.contains("appropriate limit")
            || answer.contains("cost limit"));
    let sizes_holdings = |v: &Value| {
        cost_limit
            && (v.kind == ValueKind::Duration
                || in_words(v)
                || matches!(
                    v.qualifier,
                    Some(crate::model::Qualifier::AtLeast | crate::model::Qualifier::Approx)
                )
                || v.unit.as_deref().is_some_and(|u| {
                    HOLDINGS.contains(&u.to_ascii_lowercase().trim_end_matches('s'))
                }))
    };
    // Values in a sentence that explains a refusal's workload are no answer.
    let counts = |v: &Value| {
        !in_said(v, &|x| x.law_talk)
            && !sizes_holdings(v)
            && !zero_not_held(v)
            && (!refusal
                || (!in_said(v, &|x| {
                    x.workload || x.refused || x.withholds || x.ncnd || x.advice
                })
                // "one part of the process": a number word beside a refusal answers nothing.
                && !in_words(v)))
    };
    let kept: Vec<Value> = values.iter().filter(|v| counts(v)).cloned().collect();
    let st = status(answer, sig, &kept);
    let substance = |x: &Said| {
        kept.iter()
            .any(|v| v.span.start >= x.span.0 && v.span.start < x.span.1)
    };
    let basis = match st {
        Status::Ncnd => first(&|x| x.ncnd),
        Status::Refused => first(&|x| x.withholds || x.refused).or_else(|| first(&|x| x.workload)),
        Status::Partial => {
            first(&|x| x.ncnd || x.withholds || x.refused || x.not_held || x.referred)
        }
        Status::Referred => first(&|x| x.referred),
        Status::NotHeld => first(&|x| x.not_held),
        Status::Clarification => first(&|x| x.clarification),
        Status::Answered => first(&substance).or_else(|| first(&|x| x.provided)),
        _ => None,
    }
    .or_else(|| said.first().map(|x| x.span));
    Verdict { status: st, basis }
}

/// The status of an answer given its signals and values.
/// An answer that opens with a short fact of its own before it withholds the rest ("Head of
/// Patient Experience. The post holder's name is exempt under section 40(2)."): what it gives
/// makes a refusal partial. The fact is a first sentence of a few words that says nothing of
/// withholding, the law, or the request.
fn leading_fact(answer: &str) -> bool {
    let t = answer.trim_start();
    let Some(end) = t.find(". ").or_else(|| t.find('\n')) else {
        return false;
    };
    let first = &t[..end];
    let words = first.split_whitespace().count();
    if !(1..=6).contains(&words) || !first.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let lower = first.to_ascii_lowercase();
    // Nor a pointer ("The same applies to question 3", "Q1", "As above") or a figure too small
    // to give ("The number is fewer than five").
    const NOT_A_FACT: [&str; 30] = [
        "exempt",
        "withh",
        "section",
        "regulation",
        "refus",
        "not",
        "no ",
        "n't",
        "unable",
        "cannot",
        "request",
        "thank",
        "information",
        "personal",
        "confidential",
        "commercial",
        "data",
        "redact",
        "please",
        "dear",
        "question",
        "appl",
        "same",
        "above",
        "below",
        "see ",
        "fewer",
        "less",
        "under",
        "number",
    ];
    let label =
        first.starts_with(['Q', 'A']) && first[1..].starts_with(|c: char| c.is_ascii_digit());
    lower != "no" && !label && !NOT_A_FACT.iter().any(|w| lower.contains(w))
}

pub fn status(answer: &str, sig: &Signals, values: &[Value]) -> Status {
    if answer.trim().is_empty() {
        return Status::Unanswered;
    }
    let substance = values.iter().any(|v| {
        matches!(
            v.kind,
            ValueKind::Money
                | ValueKind::Count
                | ValueKind::Percent
                | ValueKind::Area
                | ValueKind::Duration
                | ValueKind::Boolean
        )
    });
    let figures = values.iter().any(|v| {
        matches!(
            v.kind,
            ValueKind::Money | ValueKind::Count | ValueKind::Percent | ValueKind::Area
        )
    });
    let yes_no = values.iter().any(|v| v.kind == ValueKind::Boolean);
    // A year is read only for a question that asks when ("What year were they bought?").
    let year = values.iter().any(|v| v.kind == ValueKind::Year);
    if sig.ncnd {
        return if figures || sig.provided {
            Status::Partial
        } else {
            Status::Ncnd
        };
    }
    if sig.refused {
        return if substance || sig.provided || leading_fact(answer) {
            Status::Partial
        } else {
            Status::Refused
        };
    }
    if sig.referred {
        // Figures beside a link or "published in …" are the answer; the pointer says where
        // more is. Real replies give both ("612 calls; monthly figures are at …"). Figures
        // beside a section 21 exemption answer only part: the rest is withheld as published.
        return if figures && sig.referred_by_exemption {
            Status::Partial
        } else if figures || sig.provided {
            // "Enclosed is a copy of the information", with a link in a footer.
            Status::Answered
        } else {
            Status::Referred
        };
    }
    if sig.not_held {
        // "No, we do not record that" answers a yes/no question.
        return if figures || year || sig.provided {
            Status::Partial
        } else if yes_no {
            Status::Answered
        } else {
            Status::NotHeld
        };
    }
    if sig.clarification {
        return Status::Clarification;
    }
    if sig.not_applicable {
        return Status::NotApplicable;
    }
    Status::Answered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exemptions::cited;
    use crate::model::Law;

    fn st(answer: &str) -> Status {
        let ex = cited(answer, Law::FOIA);
        status(answer, &signals(answer, &ex), &[])
    }

    #[test]
    fn table() {
        let cases: &[(&str, Status)] = &[
            ("", Status::Unanswered),
            ("Yes", Status::Answered),
            ("N/A", Status::NotApplicable),
            ("Not applicable.", Status::NotApplicable),
            ("n/a - see above", Status::NotApplicable),
            ("a) to d) Not applicable, as no funding was offered.", Status::NotApplicable),
            ("Information not held", Status::NotHeld),
            ("2020 Information no longer held", Status::NotHeld),
            (
                "This part is therefore refused under regulation 12(4)(a), as the information is not held.",
                Status::NotHeld,
            ),
            (
                "No risk assessment specific to the maintenance of patrol cycles is held.",
                Status::NotHeld,
            ),
            ("The Council does not hold this information.", Status::NotHeld),
            ("We do not record this centrally.", Status::NotHeld),
            ("We have no information on this subject.", Status::NotHeld),
            ("This data is not available.", Status::NotHeld),
            ("There is no corporate record of these requests.", Status::NotHeld),
            ("There is no way of counting them across the council.", Status::NotHeld),
            ("Installation costs cannot be worked out until the survey ends.", Status::NotHeld),
            (
                "Signers are booked through the contract and not costed separately, so we cannot \
                 identify this spend.",
                Status::NotHeld,
            ),
            ("No separate cost is calculated for this work.", Status::NotHeld),
            // Section 1 is the duty to say what is held: no exemption.
            ("This is not held by us, so it is exempt under section 1 of the Act.", Status::NotHeld),
            ("The force can neither confirm nor deny that it holds information by virtue of Section 24(2).", Status::Ncnd),
            ("For each hearing it gives the date and whether the application was granted in full, in part or refused.", Status::Answered),
            ("The Police neither confirms nor denies that it holds information. Section 40(5) applies.", Status::Ncnd),
            ("We neither confirm nor deny whether the information is held.", Status::Ncnd),
            ("This information is exempt under Section 43(2) (commercial interests).", Status::Refused),
            ("To locate it would exceed the appropriate limit under Section 12.", Status::Refused),
            ("It is published on our website: https://example.org/x", Status::Referred),
            ("This is reasonably accessible to you and exempt under Section 21.", Status::Referred),
            ("Please clarify what you mean by a portal.", Status::Clarification),
            ("None. Each portal has its own log-in.", Status::Answered),
            ("Responses were collected from staff.", Status::Answered),
            ("The policy is attached. Staff names have been redacted under section 40(2).", Status::Partial),
            (
                "Head of Estates. The post holder's name is exempt under section 40(2).",
                Status::Partial,
            ),
            ("Exempt. The names are withheld under section 40(2).", Status::Refused),
            ("Please find attached the requested report.", Status::Answered),
            // The attachment gives the reasons, not the information.
            ("It is exempt under section 43(2). Please see the attached letter for our \
              consideration of the public interest.", Status::Refused),
            // A not-held provision beside a pointer to the law's own text.
            ("We do not hold written criteria; decisions follow the 2009 Act, which is published \
              on legislation.gov.uk. Under regulation 10(4)(a) of the EIRs we give notice that \
              we do not hold this information.", Status::NotHeld),
            // Provided in an attachment, with a pointer to the website further on.
            ("Our team have provided the information in a document attached to this response. \
              For how we handle requests, please see our website.", Status::Answered),
            // "Refused" of the people the figures count, not of the request.
            ("In 2023, 214 people were refused entry at the border.", Status::Answered),
            ("This part of your request is refused.", Status::Refused),
            (
                "No action was taken, so no information is held. Under regulation 12(4)(a) we \
                 are not obliged to provide information we do not hold.",
                Status::NotHeld,
            ),
            ("We refuse the request under section 14(1).", Status::Refused),
            // The cost limit stated as its hours, without the section.
            ("Locating and extracting it would take more than 18 hours of staff time.", Status::Refused),
            ("3 refused (the other 2 are still being considered)", Status::Answered),
            ("12 applications were refused.", Status::Answered),
            ("The 2 requests were refused under section 12.", Status::Refused),
            // The time limit said in other words, no section named.
            ("Unfortunately, this cannot be answered within the FOI time allowance, please see \
              explanation below.", Status::Refused),
            ("As above, this cannot be identified.", Status::NotHeld),
            // What is given, named by its attachment, beside what is withheld.
            ("The information you asked for is provided at Appendices A to C. Signatures have \
              been blacked out and are withheld under section 40(2).", Status::Partial),
            ("Appendix B (attached) lists the rooms hired. Eleven hirers' names have been \
              withheld under Section 40(2).", Status::Partial),
            ("For 2) to 7) the attached spreadsheet lists the wards. Names are withheld under \
              section 38(1)(b).", Status::Partial),
            ("The attached letter explains why the report is withheld under section 43(2).", Status::Refused),
            // People who cannot be identified are no information not held.
            ("Everything will be anonymised so that you cannot be identified.", Status::Answered),
        ];
        for (a, want) in cases {
            assert_eq!(st(a), *want, "{a}");
        }
    }

    #[test]
    fn requester_sentences_carry_no_signal() {
        let a = "There was one day, which cost £310. If it is not possible to supply this within \
                 the cost limit in Section 12, please give me advice under Section 16 on how I \
                 could narrow my request.";
        let voice = reply_voice(a);
        assert!(voice.starts_with("There was one day, which cost £310."));
        assert!(!voice.contains("Section 12"));
        assert_eq!(voice.len(), a.len());
        assert!(!signals(&voice, &cited(&voice, Law::FOIA)).refused);
        // The body's own sentences stay, "me" or not.
        let b = "We have withheld the names under section 40(2). Please contact me with any query.";
        assert!(signals(&reply_voice(b), &[]).refused);
        assert!(!requester_voice(
            "We would ask you to send us your address, please."
        ));
        assert!(requester_voice("Could you also send me the policy?"));
    }

    #[test]
    fn cross_references() {
        let s = signals("Please see our answer to question 5.", &[]);
        assert_eq!(s.cross_ref.as_deref(), Some("5"));
        assert!(s.only_cross_ref);
        let s = signals("As Q6b.", &[]);
        assert_eq!(s.cross_ref.as_deref(), Some("6b"));
        assert!(s.only_cross_ref);
        let s = signals("See the response to Q3(b). In addition, 40 staff were trained in 2020 across all sites.", &[]);
        assert_eq!(s.cross_ref.as_deref(), Some("3b"));
        assert!(!s.only_cross_ref);
    }
}
