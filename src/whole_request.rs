//! A refusal of the request as a whole.
//!
//! The cost limit (FOIA and FOISA section 12, EIR 12(4)(b)) and the vexatious and repeated
//! request provisions (section 14) apply to a request, not to a question: when one part would
//! exceed the limit, the authority may refuse every part, and letters say so ("section 12
//! applies to the whole of your request", "the limit can apply to a request as a whole …
//! this is a refusal of all three questions"). Such a sentence decides every question's
//! status, whatever else the letter gives as advice and assistance, and its provision is
//! each question's exemption.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::exemptions;
use crate::messages::Thread;
use crate::model::{Exemption, Law};
use crate::pattern::re;
use crate::questionnaire::sentences;

/// Words that give a statement the whole request as its scope.
static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:the )?whole of (?:your|the|this) request|(?:your|the|this) (?:whole|entire) request|requests? as a whole|(?:your|the|this) requests? in (?:its|their) entirety|all (?:parts|elements|aspects) of (?:your|the|this) request|(?:not obliged to|need not|does not have to) (?:answer|comply with|provide) any (?:part|element) of|refus\w* (?:of )?all (?:\w+ )?(?:questions|parts|requests)|(?:applies|apply|applied) to (?:all|each) (?:of )?(?:your |the )?(?:[a-z]+ )?(?:questions|parts|requests))",
    )
});

/// Words that refuse "your request" without saying all of it: the whole request only where
/// they stand apart from the answer to any one question (a letter's opening or closing), since
/// a reply that answers question by question uses them of one part ("… questions 4 … the
/// Council is not obliged to comply with your request").
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:refus\w* (?:your|this) (?:request|application)\b|not (?:obliged|required) to comply with (?:your|this) request|(?:applies|apply|is engaged|has been applied|is applied) (?:to|in respect of) (?:your|this) request\b|(?:unable|not able) to (?:comply with|answer|respond to|fulfil|process) (?:your|this) request\b)",
    )
});

/// Everything asked for withheld: "it is being withheld in full under regulation 12(5)(b)",
/// "all of the information you requested is withheld under section 31". A withholding provision
/// cited in the same sentence then refuses every question.
static IN_FULL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwithh(?:e|o)ld(?:ing)?\s+(?:it\s+|this\s+|them\s+|the\s+information\s+)?in\s+(?:full|(?:its|their)\s+entirety)\b|\b(?:all|the\s+whole)\s+of\s+(?:the|this)\s+information\s+(?:you\s+(?:have\s+)?(?:asked\s+for|requested)\s+)?(?:is|has\s+been|will\s+be)\s+(?:being\s+)?withheld\b",
    )
});

/// The provisions that refuse a whole request.
fn refuses_whole(e: &Exemption) -> bool {
    let n: String = e
        .section
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    match e.law {
        Law::EIR => e.section.starts_with("12(4)(b)"),
        Law::EIRS => e.section.starts_with("10(4)(b)"),
        _ => n == "12" || n == "14",
    }
}

/// A statement, in the authority's own unquoted messages, that a cost-limit or vexatious
/// provision refuses the request as a whole (the provisions cited in the sentence or the one
/// before it), or that everything asked for is withheld in full under a withholding provision
/// cited in the sentence: the sentence's span and those provisions. `own_answers` are the spans of answers that belong to one
/// question, where "your request" means that part of it.
pub fn refusal(
    text: &str,
    thread: &Thread,
    law: Law,
    request: &[(usize, usize)],
    own_answers: &[(usize, usize)],
) -> Option<((usize, usize), Vec<Exemption>)> {
    for m in thread
        .msgs
        .iter()
        .filter(|m| !m.from_requester && !m.quoted)
    {
        let body = &text[m.start..m.end];
        let in_full = IN_FULL.is_match(body);
        if !WHOLE.is_match(body) && !REQUEST.is_match(body) && !in_full {
            continue;
        }
        let sents = sentences(text, m.start, m.end);
        for (k, &(s, e)) in sents.iter().enumerate() {
            if request.iter().any(|&(rs, re_)| s < re_ && rs < e) {
                continue;
            }
            let apart = !own_answers.iter().any(|&(a, b)| s < b && a < e);
            let sent = &text[s..e];
            if in_full && apart {
                if let Some(w) = IN_FULL.find(sent) {
                    let cited: Vec<Exemption> = exemptions::cited(sent, law)
                        .into_iter()
                        .filter(crate::classify::withholds)
                        .collect();
                    if !cited.is_empty() && !negated_scope(&sent[..w.start()]) {
                        return Some(((s, e), cited));
                    }
                }
            }
            let w = WHOLE
                .find(sent)
                .or_else(|| REQUEST.find(sent).filter(|_| apart));
            let Some(w) = w else {
                continue;
            };
            if negated_scope(&sent[..w.start()]) {
                continue;
            }
            let mut cited: Vec<Exemption> = exemptions::cited(sent, law)
                .into_iter()
                .filter(refuses_whole)
                .collect();
            if cited.is_empty() && k > 0 {
                let (ps, pe) = sents[k - 1];
                cited = exemptions::cited(&text[ps..pe], law)
                    .into_iter()
                    .filter(refuses_whole)
                    .collect();
            }
            if !cited.is_empty() {
                return Some(((s, e), cited));
            }
        }
    }
    None
}

/// "would not apply to the whole of your request", "we have not refused all of it".
fn negated_scope(before: &str) -> bool {
    let tail: String = before
        .to_ascii_lowercase()
        .split_whitespace()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    tail.split(' ')
        .any(|w| matches!(w, "not" | "no" | "never" | "nor") || w.ends_with("n't"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;
    use crate::normalise::normalise;
    use crate::text::Doc;

    fn find(reply: &str) -> Option<Vec<String>> {
        let norm = normalise(reply);
        let doc = Doc::new(&norm.text);
        let thread = messages::split(&doc);
        refusal(&norm.text, &thread, Law::FOIA, &[], &[])
            .map(|(_, ex)| ex.into_iter().map(|e| e.section).collect())
    }

    #[test]
    fn whole_request_cost_refusals() {
        assert_eq!(
            find("Answering part 2 would exceed the limit. Section 12(1) applies to the whole of your request."),
            Some(vec!["12(1)".to_string()])
        );
        assert_eq!(
            find("The appropriate limit under section 12 can apply to a request as a whole. This is therefore a refusal of all three questions."),
            Some(vec!["12".to_string()])
        );
        assert_eq!(
            find("I am therefore refusing your request under section 12 of the Act."),
            Some(vec!["12".to_string()])
        );
        assert_eq!(
            find("We consider your request vexatious under section 14(1), and refuse your request in its entirety."),
            Some(vec!["14(1)".to_string()])
        );
        assert_eq!(
            find("We estimate that this would take well over 18 hours, and Section 12 of the Act therefore applies to your request."),
            Some(vec!["12".to_string()])
        );
        assert_eq!(
            find("Compliance would exceed the appropriate limit. We are therefore unable to comply with your request under section 12(1)."),
            Some(vec!["12(1)".to_string()])
        );
    }

    #[test]
    fn everything_withheld_in_full() {
        assert_eq!(
            find("We hold information within your request. However, it is being withheld in full under section 31(1)(a) of the Act."),
            Some(vec!["31(1)(a)".to_string()])
        );
        assert_eq!(
            find("All of the information you requested has been withheld under section 43(2)."),
            Some(vec!["43(2)".to_string()])
        );
        // Part withheld, or not withheld at all.
        assert_eq!(find("Some names are withheld under section 40(2)."), None);
        assert_eq!(
            find("The report has not been withheld in full under section 43(2); a redacted copy is attached."),
            None
        );
    }

    #[test]
    fn scope_without_a_whole_request_provision_or_negated() {
        // Withholding provisions apply to information, not to a request.
        assert_eq!(
            find("Section 40(2) applies to the whole of your request."),
            None
        );
        // The limit is not reached.
        assert_eq!(
            find(
                "Section 12 would not apply to the whole of your request, so we have answered it."
            ),
            None
        );
        assert_eq!(find("Part 3 is refused under section 12."), None);
        assert_eq!(find("Section 40(2) applies to your request."), None);
        assert_eq!(
            find("Section 12 does not apply to your request, and the figures follow."),
            None
        );
        // The law explained, not this request refused.
        assert_eq!(
            find("Section 12 means an authority is not obliged to comply with a request if the cost would exceed the limit."),
            None
        );
    }
}
