//! Requests asked in prose: a reply that restates the request in a sentence ("You asked for a
//! copy of the contract, together with its cost and the date it ends"), or a disclosure-log
//! entry whose request is one polite paragraph. Each ask becomes a question, numbered 1, 2, 3 in
//! order, and the letter after the asks answers them as a whole unless an answer of its own is
//! found for one of them.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::markers::{Label, Part};
use crate::messages::Thread;
use crate::pattern::re;
use crate::text::Doc;

use super::{asks, sentences, QItem, Questionnaire};

/// Out-of-office replies and delivery failures: mail about mail, no answer to anything.
static AUTO_REPLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bautomated\s+(?:response|reply|message)|\bout\s+of\s+(?:the\s+)?office\b|\bauto-?reply\b|\bautomatic\s+reply\b|\bdelivery\s+(?:has\s+)?failed\b|\bundeliverable\b|\bcould\s+not\s+be\s+delivered\b|\bmail\s+delivery\s+(?:system|subsystem)\b|\bdelivery\s+status\s+notification\b",
    )
});

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:subject|from|to|sent|date|cc|bcc|re|fwd?|reply-to|importance)\s*:")
});

/// Words that restate a request inside a reply: the ask follows them.
static RESTATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:you\s+(?:have\s+)?(?:also\s+|further\s+|additionally\s+)?(?:asked|requested|sought|wanted\s+to\s+know|wished\s+to\s+know|would\s+like)(?:\s+(?:us|me))?(?:\s+(?:for|about|whether|if|to))?|(?:your|the)\s+request\s+(?:of\s+[^.]{3,30}?\s+)?(?:was|is|asked|sought)\s+(?:for|about|whether)?|i\s+note\s+(?:that\s+)?you\s+(?:seek|are\s+seeking|ask|want)|you\s+seek|you\s+are\s+seeking)\s*:?\s*",
    )
});

/// Verbs that open a main clause: after "the information you asked for" they show the words
/// before them were a relative clause, not a restated ask.
const FINITE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "does", "did", "falls", "fall", "relates", "relate", "includes",
];

/// Whether a sentence restates an ask of the request ("You further asked that …").
pub(super) fn restates(sent: &str) -> bool {
    RESTATED.is_match(sent)
}

/// The thanks that open a reply and restate what was asked: "Thank you for your request dated
/// 12 October under FOISA for details of how many …".
static THANKS_FOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bthank\s+you\s+for\s+your\s+(?:recent\s+)?(?:request|e-?mail|letter|enquiry)\b[^.]{0,200}?\b(?:for|about|regarding|concerning|asking|requesting|seeking)\s+",
    )
});

/// Where the restated ask starts in a sentence of thanks, when what follows names something
/// asked for (a number, details, a copy, whether …), not only "information under the Act".
fn thanked_for(sent: &str) -> Option<usize> {
    let m = THANKS_FOR.find(sent)?;
    let rest = sent[m.end()..].to_ascii_lowercase();
    const ASKED: [&str; 9] = [
        "how many",
        "how much",
        "whether",
        "number of",
        "details",
        "a copy",
        "copies",
        "a list",
        "the cost",
    ];
    (rest.split_whitespace().count() >= 5 && ASKED.iter().any(|w| rest.contains(w)))
        .then_some(m.end())
}

/// Separators between asks in one sentence. The first family always separates; " and " only
/// before a question word, after a comma before a verb of asking (", and tell me your policy"),
/// or, after "together with", before a determiner.
static ASK_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),?\s+(?:together\s+with|as\s+well\s+as|along\s+with|and\s+also|plus)\s+|;\s+(?:and\s+)?|,?\s+and\s+(?:how|what|whether|which|when|who|where|why)\b\s*|,\s+and\s+(?:tell|send|provide|give|supply|confirm|explain|list)\b\s*",
    )
});
static AND_THE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i),?\s+and\s+(?:the|its|their|any|all|a|an|your)\s+"));

/// The words that open an ask within a sentence ("… and whether …").
pub(super) const QUESTION_WORDS: [&str; 8] = [
    "how", "what", "whether", "which", "when", "who", "where", "why",
];
/// The verbs that open an ask after ", and" ("…, and tell me your policy").
const ASK_VERBS: [&str; 8] = [
    "tell", "send", "provide", "give", "supply", "confirm", "explain", "list",
];

/// Splits the ask in `[s, e)` into its separate asks.
pub(super) fn split_asks(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let sent = &text[s..e];
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of part, start of next)
    let mut together = false;
    for m in ASK_BREAK.find_iter(sent) {
        let w = m.as_str().to_ascii_lowercase();
        // Keep the question word with the ask it opens.
        let keep = QUESTION_WORDS
            .iter()
            .chain(&ASK_VERBS)
            .find(|q| w.trim_end().ends_with(*q))
            .map_or(0, |q| q.len() + (w.len() - w.trim_end().len()));
        cuts.push((m.start(), m.end() - keep));
        together |= w.contains("together") || w.contains("as well") || w.contains("along");
    }
    if together {
        let after = cuts.first().map_or(0, |c| c.1);
        for m in AND_THE.find_iter(&sent[after..]) {
            let (a, b) = (after + m.start(), after + m.end());
            // Keep the determiner with its ask.
            let det = m.as_str().trim_end().rsplit(' ').next().unwrap_or("").len();
            cuts.push((a, b - det - 1));
        }
        cuts.sort_unstable();
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (end, next) in cuts {
        if end > from && next >= end {
            out.push((s + from, s + end));
            from = next;
        }
    }
    out.push((s + from, e));
    out.retain(|&(a, b)| text[a..b].split_whitespace().count() >= 2);
    if out.is_empty() {
        vec![(s, e)]
    } else {
        out
    }
}

/// The asks of the first paragraph of a reply that asks or restates a request, when nothing
/// else gave questions.
pub(super) fn asks_in_prose(doc: &Doc, thread: &Thread) -> Option<Questionnaire> {
    let text = doc.text;
    for (mi, m) in thread.msgs.iter().enumerate() {
        if m.quoted || AUTO_REPLY.is_match(&text[m.start..m.end]) {
            continue;
        }
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut run_end = None;
        let mut after_lead_in = false;
        // How many asks stood before a lead-in to fields, when one came after asks.
        let mut lead_in_at: Option<usize> = None;
        let mut pos = m.start;
        while pos < m.end {
            let le = text[pos..m.end].find('\n').map_or(m.end, |p| pos + p);
            // Page furniture and e-mail header lines ("Subject: Out of Office: Was …?") ask
            // nothing.
            if thread.in_furniture(pos) || HEADER_LINE.is_match(&text[pos..le]) {
                pos = le + 1;
                continue;
            }
            let mut line_asks = 0;
            // The fields under a lead-in ("Please could you include:" then "- Fleet number"):
            // each an ask.
            let line = &text[pos..le];
            if after_lead_in {
                let t = line.trim();
                if let Some(body) = super::list_bullet(t) {
                    // (`body` ends `t`, which trailing spaces may follow on the line.)
                    let t_end = pos + (line.len() - line.trim_start().len()) + t.len();
                    items.push((t_end - body.len(), t_end));
                    pos = le + 1;
                    continue;
                }
                // A field wrapped onto the next line ("- The percentage … in 2021 and" / "
                // 2022 respectively,"): the line goes on with the field above.
                if let Some(last) = items.last_mut().filter(|_| wraps_field(text, pos, le)) {
                    last.1 = pos + line.trim_end().len();
                    pos = le + 1;
                    continue;
                }
                if !line.trim().is_empty() {
                    after_lead_in = false;
                }
            }
            for (s, e) in sentences(text, pos, le) {
                // (An ask quoted back opens with its quotation mark: "“Can you provide …".)
                let sent = text[s..e].trim().trim_start_matches(['“', '"', '‘']);
                if sent.split_whitespace().count() < 4 || !super::wordy(sent) {
                    continue;
                }
                // After a restated ask in the same paragraph, a sentence that asks for a
                // quantity is the next ask: "In addition, how many … in 2017."
                let direct = asks(sent) || (line_asks > 0 && super::asks_quantity_inside(sent));
                // "Please could you include:" after the asks: the fields below are asks.
                if !direct && sent.ends_with(':') && asks(sent.trim_end_matches(':')) {
                    line_asks += 1;
                    after_lead_in = true;
                    lead_in_at = Some(items.len());
                    continue;
                }
                // "The following documents are requested covering … :": a lead-in in the passive.
                if !direct && sent.ends_with(':') && passive_request_lead(sent) {
                    line_asks += 1;
                    after_lead_in = true;
                    continue;
                }
                let ask_from = if direct {
                    Some(s)
                } else {
                    RESTATED
                        .find(&text[s..e])
                        .map(|r| s + r.end())
                        .or_else(|| thanked_for(&text[s..e]).map(|k| s + k))
                };
                if let Some(a) = ask_from {
                    let a = a.min(e);
                    let asked = text[a..e].trim();
                    // "You have requested the following information:" leads in to the asks
                    // below it; it asks nothing itself.
                    let lead_in = asked.ends_with(':')
                        && (asked.to_ascii_lowercase().contains("following")
                            || asked.split_whitespace().count() <= 4);
                    // "The information you asked for is published": a relative clause, and
                    // what follows it is the reply's verb, not an ask.
                    let first = asked.split_whitespace().next().unwrap_or("");
                    let clause =
                        !direct && FINITE_VERBS.iter().any(|v| first.eq_ignore_ascii_case(v));
                    if lead_in {
                        line_asks += 1;
                        after_lead_in = true;
                    } else if clause {
                    } else if asked.split_whitespace().count() >= 2 {
                        items.extend(split_asks(text, a, e));
                        line_asks += 1;
                    }
                }
            }
            if line_asks == 0 && !items.is_empty() && !text[pos..le].trim().is_empty() {
                run_end = Some(pos);
                break;
            }
            pos = le + 1;
        }
        if items.is_empty() {
            continue;
        }
        // "Could you provide a list of the vehicles. Please could you include:" then two or
        // more fields: the fields are what is asked, the sentence before them its subject.
        if let Some(k) = lead_in_at.filter(|&k| items.len() >= k + 2) {
            items.drain(..k);
        }
        let end = run_end.unwrap_or(m.end);
        let items: Vec<QItem> = items
            .into_iter()
            .enumerate()
            .map(|(k, (s, e))| item(text, s, e, k as u32 + 1))
            .collect();
        let idxs: Vec<usize> = (0..items.len()).collect();
        let span = (items[0].text_start, items[items.len() - 1].text_end);
        return Some(Questionnaire {
            items,
            span,
            regions: vec![(end, m.end)],
            units: vec![(idxs, (end, m.end))],
            request_section: None,
            material: Vec::new(),
            from_request: false,
            msg: Some(mi),
            run_in: false,
            dash_answered: false,
            sectioned: true,
        });
    }
    None
}

/// "The following documents are requested …", "The following information was requested": the
/// request restated in the passive, naming what follows (never the reply's "The following
/// information is provided").
fn passive_request_lead(sent: &str) -> bool {
    let lower = sent.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("the following ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    words.windows(2).any(|w| {
        matches!(w[0], "is" | "are" | "was" | "were" | "been")
            && w[1].trim_end_matches([':', ',']) == "requested"
    })
}

/// Whether the line at `[ls, le)` continues the field above it: indented, opening with a small
/// letter or a figure, under a field that ends without a stop, colon or question mark.
fn wraps_field(text: &str, ls: usize, le: usize) -> bool {
    let line = &text[ls..le];
    let t = line.trim();
    let above = text[..ls.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_end();
    !t.is_empty()
        && line.starts_with([' ', '\t'])
        && t.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        && super::list_bullet(above.trim_start()).is_some()
        && !above.ends_with(['.', ':', '?', ';'])
}

/// The last reading of FOI correspondence that names no question at all (an internal review's
/// outcome, a refusal notice on its own): the request as one question, answered by the letter.
pub(super) fn whole_letter(doc: &Doc, thread: &Thread) -> Option<Questionnaire> {
    let text = doc.text;
    let (mi, m) = thread.msgs.iter().enumerate().find(|(_, m)| {
        !m.quoted && !m.from_requester && text[m.start..m.end].split_whitespace().count() >= 20
    })?;
    let body = m
        .salutation
        .map_or(m.start, |s| s + text[s..].find('\n').unwrap_or(0));
    let body = body.min(m.end);
    // Only a letter that decides something (refuses, does not hold, refers, releases) answers a
    // request; an acknowledgement, an auto-reply or an attachment's bytes answer nothing.
    let words = &text[body..m.end];
    let cited = crate::exemptions::cited(words, crate::model::Law::FOIA);
    let sig = crate::classify::signals(words, &cited);
    let decides = sig.refused || sig.not_held || sig.ncnd || sig.provided || !cited.is_empty();
    let about_a_request = {
        let l = words.to_ascii_lowercase();
        l.contains("request") || l.contains("information")
    };
    if !decides || !about_a_request || AUTO_REPLY.is_match(words) {
        return None;
    }
    let mut it = item(text, body, body, 1);
    it.text = String::new();
    Some(Questionnaire {
        items: vec![it],
        span: (body, body),
        regions: vec![(body, m.end)],
        units: vec![(vec![0], (body, m.end))],
        request_section: None,
        material: Vec::new(),
        from_request: false,
        msg: Some(mi),
        run_in: false,
        dash_answered: false,
        sectioned: true,
    })
}

/// Ask `n`, without the punctuation that ends its clause.
fn item(text: &str, s: usize, e: usize, n: u32) -> QItem {
    let e = s + text[s..e]
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':'])
        .len();
    QItem::unnumbered(text, s, e, Label(vec![Part::Num(n)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Vec<&str> {
        split_asks(s, 0, s.len())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn fields_under_a_lead_in_are_the_asks() {
        let text = "Vehicle fleet\n\nI was wondering if you could please provide a list of the \
                    vehicles in your fleet.\n\nPlease could you include:\n\n-Vehicle make\n\n\
                    -Fleet number\n\n-Vehicle base\n\nPlease find the information attached. \
                    The bases are withheld under section 31(1)(a) of the Act.\n";
        let doc = Doc::new(text);
        let thread = crate::messages::split(&doc);
        let q = asks_in_prose(&doc, &thread).expect("asks");
        let texts: Vec<&str> = q.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["Vehicle make", "Fleet number", "Vehicle base"]);
    }

    #[test]
    fn a_quoted_ask_leading_in_to_wrapped_fields() {
        // The ask that leads in is quoted back, a field wraps onto an indented line, and lines
        // end with spaces: three asks, each whole.
        let text = "You asked for the following information:  \n\u{201c}Can you provide me with a \
                    breakdown of the following: \n- The share of complaints answered within 10 \
                    days in 2021 and  \n   2022 respectively,   \n-  The share of services \
                    replaced by buses in 2021,  \n-  The number of complaints received.\u{201d} \n\
                    Having reviewed your questions, we can provide the following:\nThe number \
                    is 40.\n";
        let doc = Doc::new(text);
        let thread = crate::messages::split(&doc);
        let q = asks_in_prose(&doc, &thread).expect("asks");
        let texts: Vec<&str> = q.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The share of complaints answered within 10 days in 2021 and 2022 respectively",
                "The share of services replaced by buses in 2021",
                "The number of complaints received.\u{201d}"
            ]
        );
    }

    #[test]
    fn a_passive_lead_in_to_bullets() {
        let text = "Lighting records: EIR release\n\nThe following documents are requested \
                    covering the period 1 November 2019 to 31 January 2020:\n\n  \u{2022} A copy \
                    of the lighting maintenance plan;\n  \u{2022} Records of any fault reports \
                    received from the public.\n\nFull response available at:\n";
        let doc = Doc::new(text);
        let thread = crate::messages::split(&doc);
        let q = asks_in_prose(&doc, &thread).expect("asks");
        assert_eq!(q.items.len(), 2);
        assert!(passive_request_lead(
            "The following information was requested:"
        ));
        assert!(!passive_request_lead(
            "The following information is provided:"
        ));
    }

    #[test]
    fn thanks_that_restate_the_request() {
        let s = "Thank you for your request dated 3 May under FOISA for details of how many \
                 dispensers you lease.";
        assert_eq!(
            &s[thanked_for(s).expect("an ask")..],
            "details of how many dispensers you lease."
        );
        // Thanks for a request "for information" alone restate nothing.
        assert_eq!(
            thanked_for("Thank you for your request for information under the Act."),
            None
        );
    }

    #[test]
    fn several_asks_in_one_sentence() {
        assert_eq!(
            parts("details of how many people visited and how much the rooms were used"),
            [
                "details of how many people visited",
                "how much the rooms were used"
            ]
        );
        assert_eq!(
            parts("a copy of the contract, together with its cost and the date it ends"),
            ["a copy of the contract", "its cost", "the date it ends"]
        );
        // A list of things to copy is one ask.
        assert_eq!(
            parts("a copy of that licence, the conditions and the site plan"),
            ["a copy of that licence, the conditions and the site plan"]
        );
    }
}
