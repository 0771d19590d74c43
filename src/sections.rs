//! Request and response sections: the headings a disclosure log or a reply letter puts around
//! the request it restates and the answer it gives.
//!
//! Public bodies publish replies under a small family of paired headings — "Your request" /
//! "Our response", "You asked" / "We said", "Request detail:" / "Response detail:",
//! "Information requested" / "Details of the response", "Request" / "Reply" — once for the
//! whole request or once per question. Where such headings stand, they say more reliably than
//! any list where the questions end and the answers begin, so this stage reads them first and
//! the questionnaire and alignment stages work inside the sections they bound.
//!
//! A heading is a line of its own ("Our response", "Request 16-02-2022") or a label that the
//! section's first words follow on the same line ("Your request: …"). A date label ("Request
//! date", "Response date") is never a heading: it introduces a thread fact, not a section.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::messages::Thread;
use crate::pattern::re;
use crate::text::Doc;

/// Which side of the correspondence a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request,
    Response,
}

/// A heading: where it stands and where its section's words begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub kind: Kind,
    pub start: usize,
    pub content: usize,
}

/// One request section and the response section that answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub request: (usize, usize),
    /// `None` when the request heading has no response heading after it: the answer is then
    /// the text after the request's first paragraph.
    pub response: Option<(usize, usize)>,
    /// No request heading: the request is the text before a lone response heading.
    pub implicit: bool,
}

/// An optional date after a heading word: "Request 16-02-2022", "Response: 4 March 2021".
const DATE_TAIL: &str =
    r"(?:[\s:,-]+\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:\d{1,2}|[A-Za-z]{3,9})[\s/.-]+\d{2,4})?";

const REQUEST_WORDS: &str = r"(?:(?:your|the|original|full|our|foi|eir)\s+)?(?:requests?(?:\s+for\s+information)?|information\s+requested|requested\s+information|details?\s+of\s+(?:the\s+|your\s+)?request|request\s+(?:details?|summary|text|wording)|you\s+asked(?:\s+(?:for|us|us\s+for))?|what\s+you\s+asked(?:\s+for)?|your\s+questions?|questions?\s+asked|the\s+information\s+you\s+requested|you\s+requested|you\s+wrote|summary\s+of\s+(?:the\s+)?request)";

const RESPONSE_WORDS: &str = r"(?:(?:our|the|council'?s?|trust'?s?|force'?s?|board'?s?|university'?s?|department'?s?|authority'?s?|service'?s?|foi|eir)\s+)?(?:responses?|in\s+response|reply|answers?|we\s+said|our\s+reply|response\s+(?:details?|summary)|details\s+of\s+(?:the\s+|our\s+)?response|information\s+(?:provided|disclosed|released)|decision)(?:\s+to\s+(?:your\s+)?(?:request|questions?))?";

/// A reference after a heading word: "Request 101004583120", "Request FOI/23/0456".
const REF_TAIL: &str = r"(?:[ \t]+(?:no\.?|number|ref\.?)?[ \t]*[A-Z]{0,6}[/-]?\d[A-Z0-9/-]{3,})?";

static REQUEST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[ \t]*(?:#+\s*|[-*•][ \t]+)?{REQUEST_WORDS}(?:{DATE_TAIL}|{REF_TAIL})\s*[:.-]?\s*$"
    ))
});
static RESPONSE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[ \t]*(?:#+\s*|[-*•][ \t]+)?{RESPONSE_WORDS}{DATE_TAIL}\s*[:.-]?\s*$"
    ))
});
/// "Request: Please send …" — a label with the section's first words on its line.
static REQUEST_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[ \t]*{REQUEST_WORDS}\s*:\s*[^\s0-9][^\s]*\s+[^\s]+\s+[^\s]"
    ))
});
static RESPONSE_INLINE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^[ \t]*{RESPONSE_WORDS}\s*:\s*[^\s]")));
/// The first words a heading line can open with: a cheap pass to find the lines worth reading.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)^[ \t]*(?:#+[ \t]*|[-*•][ \t]+)?(?:your|the|original|full|our|foi|eir|foisa|requests?|information|requested|details?|you|what|questions?|summary|responses?|reply|answers?|we|council'?s?|trust'?s?|force'?s?|board'?s?|university'?s?|department'?s?|authority'?s?|service'?s?|decision|in[ \t]+response)\b",
    )
});
/// Labels distinctive enough to be read in the middle of a line, for text that lost its line
/// breaks (a PDF or a web page copied as one paragraph).
static MID_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)(?:^|[.!?'\s])(your request|you asked(?: for)?|our response|our reply|we said)[ \t]*:[ \t]",
    )
});

/// A heading run onto the end of the line before it, after a dash: "… in urban areas. - Decision"
/// (a web page's label list flattened, each label once a line of its own under a dash).
static LINE_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)[.?)][ \t]+-[ \t]+((?:our |the )?(?:decision|response|reply|answers?)(?: to (?:your )?request)?)[ \t]*:?[ \t]*$",
    )
});

/// The first words of a reply's own voice: "I can confirm", "We hold", "Please find".
static REPLY_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:I|We)\s+(?:can|have|am|do|did|would|are|will|hold|held|confirm|enclose|attach|write|regret|must)\b|(?:Please\s+(?:find|see)|In\s+response|Our\s+response|The\s+(?:Council|Trust|Force|Service|University|Department|Board|Authority)\s+(?:can|does|do|has|holds|is)\b|Freedom\s+of\s+Information\s+Act\s+2000\s*$)|(?:[A-Z][\w'’&.-]*\s+){1,5}can\s+confirm\b|(?:Response|Answer|Reply)\s+(?:to\s+)?(?:questions?\s*|q\.?\s*)?\d{1,3}[a-z]?(?:\s*(?:,|and|&|-|to)\s*\d{1,3}[a-z]?)*\s*[:.-])",
    )
});

/// The body saying it received or handled the request: "The Authority (NHSPAA) received your
/// request on 3 March 2025.", "We have handled your request under the FOIA."
static RECEIPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:[A-Z(][\w'’&().-]*\s+){1,8}received\s+your\s+(?:request|e-?mail|letter)\b|We\s+have\s+(?:handled|dealt\s+with|considered|processed)\s+your\s+request\b)",
    )
});

/// The start of the first line of `[s, e)`, after one with words, that notes the request's
/// receipt ([`RECEIPT`]).
fn receipt_line(doc: &Doc, s: usize, e: usize) -> Option<usize> {
    let last = doc.line_of(e.saturating_sub(1).max(s));
    (doc.line_of(s) + 1..=last)
        .find(|&li| doc.line_start(li) < e && RECEIPT.is_match(doc.line(li).trim_start()))
        .map(|li| doc.line_start(li))
}

/// Every section heading in the text, in order, outside page furniture.
pub fn headings(doc: &Doc, thread: &Thread) -> Vec<Heading> {
    let text = doc.text;
    let mut out = Vec::new();
    // One pass finds the lines that may be headings (they open with a heading's first word);
    // only those are read with the full patterns.
    for m in CANDIDATE.find_iter(text) {
        let ls = doc.start_of_line_at(m.start());
        let line = doc.line(doc.line_of(ls));
        // A heading is short, or a label whose colon comes early; "Reply" is a link on a
        // WhatDoTheyKnow page, but a heading elsewhere.
        let labelled = line
            .get(..line.len().min(60))
            .is_some_and(|head| head.contains(':'));
        if (line.len() > 90 && !labelled)
            || line.len() > 400
            || (thread.in_furniture(ls) && thread.header.end > 0)
        {
            continue;
        }
        let le = ls + line.len();
        // Headings are capitalised: "request." alone on a line ends a wrapped sentence.
        let capital = line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '-' | '*' | '•'))
            .starts_with(|c: char| c.is_uppercase());
        if !capital {
            continue;
        }
        // Under a bullet a response heading is a plain word: a flattened page's "- Decision",
        // never a label's value ("- Resolution" / "- Information provided").
        let bulleted_words = line.trim_start().strip_prefix(['-', '*', '•']).map(|rest| {
            rest.trim()
                .trim_end_matches([':', '.'])
                .to_ascii_lowercase()
        });
        let plain_response = bulleted_words.as_deref().is_none_or(|w| {
            matches!(
                w,
                "response" | "our response" | "decision" | "reply" | "answer" | "answers"
            )
        });
        let kind = if REQUEST_LINE.is_match(line) {
            Some((Kind::Request, le))
        } else if plain_response && RESPONSE_LINE.is_match(line) {
            Some((Kind::Response, le))
        } else if REQUEST_INLINE.is_match(line) {
            Some((Kind::Request, ls + line.find(':').map_or(0, |p| p + 1)))
        } else if plain_response && RESPONSE_INLINE.is_match(line) {
            Some((Kind::Response, ls + line.find(':').map_or(0, |p| p + 1)))
        } else {
            None
        };
        if let Some((kind, content)) = kind {
            out.push(Heading {
                kind,
                start: ls,
                content,
            });
        }
    }
    // Labels in the middle of a line, on lines that are no heading themselves.
    for c in MID_LINE.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        let ls = doc.start_of_line_at(g.start());
        if out.iter().any(|h| h.start == ls) || thread.in_furniture(ls) {
            continue;
        }
        let le = text[g.end()..]
            .find('\n')
            .map_or(text.len(), |p| g.end() + p);
        let word = g.as_str().to_ascii_lowercase();
        let kind = if word.starts_with("you") {
            Kind::Request
        } else {
            Kind::Response
        };
        let after = text[g.end()..le]
            .find(':')
            .map_or(g.end(), |p| g.end() + p + 1);
        out.push(Heading {
            kind,
            start: g.start(),
            content: after,
        });
    }
    for c in LINE_END.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        let ls = doc.start_of_line_at(g.start());
        if out.iter().any(|h| h.start >= ls && h.start <= g.end()) || thread.in_furniture(ls) {
            continue;
        }
        let le = text[g.end()..]
            .find('\n')
            .map_or(text.len(), |p| g.end() + p);
        // The dash before the word is no part of the request.
        let dash = text[..g.start()].trim_end().len() - 1;
        out.push(Heading {
            kind: Kind::Response,
            start: dash,
            content: le,
        });
    }
    out.sort_by_key(|h| h.start);
    out
}

/// The request/response units the headings bound. Consecutive headings of one kind merge
/// ("Information requested" then "You asked for:"); a request heading must come first. Empty
/// when the text has no request heading followed by words.
pub fn units(doc: &Doc, thread: &Thread) -> Vec<Unit> {
    let hs = headings(doc, thread);
    let text = doc.text;
    // Merge runs of one kind: the section starts at the last heading's content.
    let mut merged: Vec<Heading> = Vec::new();
    for h in hs {
        match merged.last_mut() {
            Some(last) if last.kind == h.kind && text[last.content..h.start].trim().is_empty() => {
                last.content = h.content;
            }
            _ => merged.push(h),
        }
    }
    let mut out = Vec::new();
    for (k, h) in merged.iter().enumerate() {
        if h.kind != Kind::Request {
            continue;
        }
        let next = merged.get(k + 1);
        let req_end = next.map_or(text.len(), |n| n.start);
        if text[h.content..req_end].trim().is_empty() {
            continue;
        }
        let response = match next {
            Some(n) if n.kind == Kind::Response => {
                // A later response heading ("Response:" then "Decision") continues the same
                // response, up to the next request.
                // A heading alone on its line, that is: an "Answer: …" label opening each
                // answer still bounds the section.
                let alone = |m: &Heading| {
                    let le = text[m.start..]
                        .find('\n')
                        .map_or(text.len(), |p| m.start + p);
                    text[m.start..le].split_whitespace().count() <= 3
                };
                let end = merged[k + 2..]
                    .iter()
                    .find(|m| m.kind != Kind::Response || !alone(m))
                    .map_or(text.len(), |m| m.start);
                Some((n.content, end))
            }
            _ => None,
        };
        // The body's note of receipt between the request and the response heading ("The
        // Authority received your request on 3 March 2025.") is neither.
        let req_end = match response {
            Some(_) => receipt_line(doc, h.content, req_end).unwrap_or(req_end),
            None => req_end,
        };
        out.push(Unit {
            request: (h.content, req_end),
            response,
            implicit: false,
        });
    }
    // Request headings without any response heading: only a lone one is read (a disclosure
    // log's "Information requested" followed by the answer), never several.
    if out.iter().all(|u| u.response.is_none()) && out.len() > 1 {
        out.clear();
    }
    // No request heading, and one response heading standing on its own line: the request is
    // the text of that message before it (a disclosure log that prints the request, then
    // "Response").
    if out.is_empty() {
        let responses: Vec<&Heading> = merged
            .iter()
            .filter(|h| h.kind == Kind::Response && h.content > h.start)
            .collect();
        if let [h] = responses.as_slice() {
            let line_level = doc.at_line_start(h.start)
                && text[h.start..h.content].trim_end().len() + h.start + 1 >= h.content;
            let from = thread.msg_at(h.start).map_or(0, |m| thread.msgs[m].start);
            if line_level && text[from..h.start].split_whitespace().count() >= 4 {
                out.push(Unit {
                    request: (from, h.start),
                    response: Some((h.content, text.len())),
                    implicit: true,
                });
            }
        }
    }
    // A lone request heading without a response heading: the request is its first paragraph,
    // the answer what follows.
    if let [u] = out.as_mut_slice() {
        if u.response.is_none() {
            let (s, e) = u.request;
            if let Some(cut) = request_paragraphs_end(text, s, e) {
                u.request = (s, cut);
                u.response = Some((cut, e));
            }
        }
    }
    // Still no response, and the heading a field whose value is a title ("Request summary:
    // Alcohol withdrawal admissions" among a log's fields, above questions and answers that
    // interleave): it bounds nothing.
    if let [u] = out.as_slice() {
        if u.response.is_none() && is_title_field(text, u.request.0) {
            out.clear();
        }
    }
    out
}

/// Whether the section content starting at `content` is a short title on its heading's own
/// line (after the label's colon): a few words, no question, no lead-in colon.
fn is_title_field(text: &str, content: usize) -> bool {
    let ls = text[..content].rfind('\n').map_or(0, |p| p + 1);
    let le = text[content..]
        .find('\n')
        .map_or(text.len(), |p| content + p);
    let value = text[content..le].trim();
    let words = value.split_whitespace().count();
    text[ls..content].trim_end().ends_with(':')
        && (1..=8).contains(&words)
        && !value.ends_with([':', '?'])
}

/// The end of a request that has a heading but no response heading: its first paragraph, and
/// the paragraphs after it while the one before ends with ':' or they carry on its numbered
/// list ("please tell me:" / "1. …" / "2. …"); a list that restarts at 1 is the answers.
fn request_paragraphs_end(text: &str, s: usize, e: usize) -> Option<usize> {
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut pos = s;
    for (k, _) in text[s..e].match_indices("\n\n") {
        let cut = s + k;
        if !text[pos..cut].trim().is_empty() {
            paras.push((pos, cut));
        }
        pos = cut;
    }
    if !text[pos..e].trim().is_empty() {
        paras.push((pos, e));
    }
    if paras.len() < 2 {
        // One block of lines: the request ends where the reply's own voice begins.
        let mut pos = s;
        let mut seen_words = false;
        while pos < e {
            let le = text[pos..e].find('\n').map_or(e, |p| pos + p);
            let line = text[pos..le].trim();
            if seen_words && REPLY_START.is_match(line) {
                return Some(pos);
            }
            seen_words |= !line.is_empty();
            pos = le + 1;
        }
        return None;
    }
    // A paragraph's number, and whether a letter follows it ("5a." is a part of 5).
    let number = |t: &str| -> Option<(u32, bool)> {
        let t = t.trim_start();
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        let mut rest = &t[digits.len()..];
        let part = rest.len() > 1
            && rest.as_bytes()[0].is_ascii_lowercase()
            && matches!(rest.as_bytes()[1], b'.' | b')' | b' ');
        if part {
            rest = &rest[1..];
        }
        (!digits.is_empty() && rest.starts_with(['.', ')', ' ']))
            .then(|| digits.parse().ok().map(|n| (n, part)))
            .flatten()
    };
    let mut end = paras[0].1;
    let mut expect = number(&text[paras[0].0..paras[0].1]).map_or(1, |(n, _)| n + 1);
    let mut colon = text[paras[0].0..paras[0].1].trim_end().ends_with(':');
    for &(a, b) in &paras[1..] {
        let t = &text[a..b];
        match number(t) {
            Some((n, _)) if n == expect => expect += 1,
            Some((n, true)) if n + 1 == expect => {}
            Some(_) => break,
            None if colon => {}
            None => break,
        }
        colon = t.trim_end().ends_with(':');
        end = b;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    fn units_of(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let thread = messages::split(&doc);
        units(&doc, &thread)
            .into_iter()
            .map(|u| {
                (
                    text[u.request.0..u.request.1].trim().to_string(),
                    u.response.map(|(a, b)| text[a..b].trim().to_string()),
                )
            })
            .collect()
    }

    /// A text and the (request, response) sections expected in it.
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

    #[test]
    fn heading_pairs() {
        let cases: &[Case] = &[
            (
                "Your request\nHow many bins?\nOur response\nTwelve.\n",
                &[("How many bins?", Some("Twelve."))],
            ),
            (
                "You asked:\n1. Cost?\nOur response:\nNone\nYou asked:\n2. Staff?\nOur response:\nTwo\n",
                &[("1. Cost?", Some("None")), ("2. Staff?", Some("Two"))],
            ),
            (
                "Request detail: the number of parks\nResponse detail: 14 parks.\n",
                &[("the number of parks", Some("14 parks."))],
            ),
            (
                "Information requested\n\nYou asked for:\n- a copy\nResponse\nEnclosed.\n",
                &[("- a copy", Some("Enclosed."))],
            ),
            (
                "Request 16-02-2022\n1. How many?\nResponse 15-03-2022\nRefused.\n",
                &[("1. How many?", Some("Refused."))],
            ),
            (
                "Information Requested\n\nIs it planned? It would help.\n\nNo plans exist.\n",
                &[("Is it planned? It would help.", Some("No plans exist."))],
            ),
            (
                "Thank you. Your request: 'could you send the figures?' Our response: The figures are attached.",
                &[("'could you send the figures?'", Some("The figures are attached."))],
            ),
            // A lone request heading over one block of lines: the request ends at the first
            // answer label, grouped or not, or where the body says what it can confirm.
            (
                "Request:\n1/ How many?\n2/ Which?\nResponse 1 and 2:\nRefused.\n",
                &[("1/ How many?\n2/ Which?", Some("Response 1 and 2:\nRefused."))],
            ),
            (
                "Request:\nHow many?\nNorth Vale Police can confirm it holds this.\n",
                &[("How many?", Some("North Vale Police can confirm it holds this."))],
            ),
            // The body's note of receipt before the response heading is not the request.
            (
                "Request\nHow many?\nThe Agency (TA) received your request on 3 May.\nOur response\nNone.\n",
                &[("How many?", Some("None."))],
            ),
        ];
        for (text, want) in cases {
            let got = units_of(text);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn date_labels_and_titles_are_no_headings() {
        for text in [
            "Request Date\n09 Jan 2025\nResponse Date\n04 Feb 2025\nIs it planned?\nNo.\n",
            "FOI Request - Wind turbines\nHow many?\n",
            "Freedom of Information Request\nHow many?\n",
            "The response to your request is below.\n",
        ] {
            assert!(units_of(text).is_empty(), "{text:?}");
        }
    }
}
