//! Stage 8: facts about the request — authority, requester, title, references, the law it was
//! handled under, dates received and responded, the deadline, and the outcome.
//!
//! Each fact is read where correspondence states it: a WhatDoTheyKnow page header, salutations
//! and sign-offs, e-mail headers, and sentences with a cue ("received on", "on or before", "Our
//! ref:"). Dates are matched with their cue in the same sentence, across line breaks.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::calendar;
use crate::dates::{find_dates, Date, FoundDate};
use crate::messages::{addressee_is_org, same_org, Thread};
use crate::model::{Due, Law, MessageKind, Status};
use crate::pattern::re;
use crate::text::{one_line, Doc};

mod references;

/// What the metadata stage reads.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub authority: Option<String>,
    pub requester: Option<String>,
    pub references: Vec<String>,
    pub law: Law,
    pub received: Option<Date>,
    pub responded: Option<Date>,
    pub due_stated: Option<Date>,
}

static SCOTTISH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)freedom of information \(scotland\)|\bFOISA\b|scottish information commissioner|environmental information \(scotland\)|\bFOI\(S\)A\b|\bEIR\(?S\)?\b.{0,40}scotland",
    )
});
static EIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)environmental information (?:\(scotland\) )?regulations|\bEIRs?\b|\bregulations? 12\s?\(|\breg\.? 12\s?\(",
    )
});
static FOIA: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)freedom of information (?:\(scotland\) )?act|\bFOIA?\b"));

/// The law a thread is handled under, from what the authority's messages cite.
pub fn law_of(text: &str) -> Law {
    let scottish = SCOTTISH.is_match(text);
    let eir = EIR.find_iter(text).count();
    let foi = FOIA.find_iter(text).count();
    // The heading of a reply names its regime; elsewhere both are often mentioned in passing.
    let head_end = crate::text::floor_char(text, 400.min(text.len()));
    let head = &text[..head_end];
    let eir_head = EIR.is_match(head) && !FOIA.is_match(head);
    let is_eir = eir_head || (eir > 0 && eir >= foi);
    match (scottish, is_eir) {
        (true, true) => Law::EIRS,
        (true, false) => Law::FOISA,
        (false, true) => Law::EIR,
        (false, false) => Law::FOIA,
    }
}

/// Reads the metadata of a thread. `response_text` is the text of the authority's messages.
/// `skip`: the questions' spans, whose bodies are third parties.
pub fn read(
    doc: &Doc,
    thread: &Thread,
    request_msg: Option<usize>,
    skip: &[(usize, usize)],
) -> Meta {
    let text = doc.text;
    let mut meta = Meta {
        title: thread.header.title.clone(),
        ..Meta::default()
    };
    let authority_text: String = thread
        .msgs
        .iter()
        .filter(|m| !m.from_requester)
        .map(|m| &text[m.start..m.end])
        .collect::<Vec<_>>()
        .join("\n");
    meta.law = law_of(if authority_text.trim().is_empty() {
        text
    } else {
        &authority_text
    });
    meta.authority = authority(doc, thread, request_msg, skip);
    meta.requester = requester(doc, thread, request_msg);
    meta.references = references::references(doc, thread);
    if meta.title.is_none() {
        meta.title = title(doc);
    }
    let dates = dated_sentences(doc, thread);
    meta.received =
        pick(&dates, Cue::Received).or_else(|| request_msg.and_then(|m| thread.msgs[m].date));
    meta.due_stated = pick(&dates, Cue::Due);
    meta.responded = pick(&dates, Cue::Responded);
    meta
}

/// Whether a name is a generic addressee rather than a body's name.
fn generic_addressee(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    let l = l.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let words: Vec<&str> = l
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const GENERIC: [&str; 24] = [
        "foi",
        "foia",
        "eir",
        "freedom",
        "of",
        "information",
        "team",
        "officer",
        "sir",
        "madam",
        "or",
        "and",
        "the",
        "request",
        "requests",
        "rights",
        "governance",
        "data",
        "protection",
        "unit",
        "colleague",
        "colleagues",
        "to",
        "whom",
    ];
    words.is_empty() || words.iter().all(|w| GENERIC.contains(w))
}

/// Body words that end an organisation's name.
const BODY_WORDS: [&str; 27] = [
    "Council",
    "Constabulary",
    "Police",
    "Trust",
    "University",
    "College",
    "Department",
    "Ministry",
    "Authority",
    "Agency",
    "Commission",
    "Executive",
    "Board",
    "Service",
    "Borough",
    "Assembly",
    "Parliament",
    "Government",
    "Commissioner",
    "Ombudsman",
    "Inspectorate",
    "Corporation",
    "Partnership",
    "Office",
    "Force",
    "Scotland",
    "Ireland",
];

static ORG_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:Department|Ministry|Office|University|College|Institute|Museum|Library|Court)[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][A-Za-z'-]+(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)[A-Z][A-Za-z'-]+){0,5}|NHS(?:[ \t]+[A-Z][A-Za-z'-]+){1,4}(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z][A-Za-z'-]*)?|(?:[A-Z][A-Za-z'&-]*(?:[ \t]+(?:of|and|for|the|upon|on|in|&)[ \t]+|[ \t]+|-)){1,7}(?:Council|Constabulary|Police(?:[ \t]+Service(?:[ \t]+of[ \t]+Northern[ \t]+Ireland)?|[ \t]+Scotland|[ \t]+Force)?|NHS\s+(?:Foundation\s+)?Trust|Trust|University|College|Department(?:\s+(?:for|of)\s+[A-Z][A-Za-z]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z]+)?)?|Ministry\s+of\s+[A-Z][A-Za-z]+|Authority|Agency|Commission|Executive|Board|Fire\s+and\s+Rescue\s+Service|Service|Borough|Assembly|Parliament|Government|Ombudsman|Inspectorate|Corporation|Partnership|Directorate|Regulator|Enterprise|Office|Archives?|Cymru|Scotland)(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:Northern[ \t]+Ireland|[A-Z][A-Za-z'-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][A-Za-z'-]+)?))?)\b",
    )
});
/// A sentence whose subject is the body answering: "X has considered your request", "X does
/// not hold", "X can confirm".
static AUTHORITY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[ \t]*(?:has|have|does|do|did|is|can|will|holds?|received|considers?|confirms?|publishes?|can\s+confirm|has\s+(?:now\s+)?(?:considered|dealt|finished|completed|searched|received|decided))\b",
    )
});

/// Distinctive words: a name made only of these is generic ("The City Council").
const GENERIC_NAME_WORDS: [&str; 16] = [
    "the",
    "city",
    "county",
    "district",
    "borough",
    "metropolitan",
    "council",
    "royal",
    "our",
    "this",
    "your",
    "a",
    "trust",
    "foundation",
    "nhs",
    "unitary",
];

/// Words that start a sentence, not a name ("Does the Trust…", "If the Council…").
const NOT_NAME_START: [&str; 47] = [
    "Does",
    "Do",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "If",
    "When",
    "Where",
    "What",
    "Which",
    "Who",
    "How",
    "Why",
    "Please",
    "This",
    "That",
    "These",
    "Those",
    "Our",
    "Your",
    "My",
    "Their",
    "Its",
    "Each",
    "Every",
    "All",
    "Any",
    "Yes",
    "No",
    "Dear",
    "Chief",
    "Deputy",
    "Assistant",
    "Head",
    "Senior",
    "Director",
    "Acting",
];

/// Body words that name a public body on their own; others ("Service", "Board") also end
/// team names, so a name ending in one of these counts double.
/// (The first eight of [`BODY_WORDS`].)
const STRONG_BODY: &[&str] = BODY_WORDS.split_at(8).0;

fn distinctive(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .any(|w| {
            !GENERIC_NAME_WORDS.contains(&w.to_ascii_lowercase().as_str())
                && !BODY_WORDS.contains(&w)
        })
}

/// The public body: the page header, the request's salutation, a sender line, else the body
/// named most often in the authority's messages.
fn authority(
    doc: &Doc,
    thread: &Thread,
    request_msg: Option<usize>,
    skip: &[(usize, usize)],
) -> Option<String> {
    if let Some(a) = &thread.header.authority {
        return Some(a.clone());
    }
    let text = doc.text;
    let salutation_of = |m: usize| -> Option<String> {
        let s = thread.msgs[m].salutation?;
        let line = &text[s..s + text[s..].find('\n').unwrap_or(text.len() - s)];
        let name = crate::messages::addressee(line)?;
        let name = name.as_str();
        (addressee_is_org(name)
            && !generic_addressee(name)
            && name.split_whitespace().count() <= 10)
            .then(|| name.to_string())
    };
    if let Some(m) = request_msg {
        if let Some(n) = salutation_of(m) {
            return Some(n);
        }
    }
    for (i, m) in thread.msgs.iter().enumerate() {
        if m.from_requester {
            if let Some(n) = salutation_of(i) {
                return Some(n);
            }
        }
    }
    // Sender lines "Team, Some Body".
    for m in &thread.msgs {
        if let Some(s) = &m.sender {
            if let Some((_, org)) = s.split_once(", ") {
                if distinctive(org) {
                    return Some(org.trim().to_string());
                }
            }
        }
    }
    // The body most often named by the authority's own messages.
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    // Bodies named only in the questions: the last resort ("everything X Council holds").
    let mut asked: HashMap<String, usize> = HashMap::new();
    for m in thread.msgs.iter().filter(|m| !m.from_requester) {
        for found in ORG_NAME.find_iter(&text[m.start..m.end]) {
            let name = one_line(found.as_str());
            let name = name
                .trim_start_matches("The ")
                .trim_start_matches("the ")
                .to_string();
            let first = name.split_whitespace().next().unwrap_or("");
            if NOT_NAME_START.contains(&first) {
                continue;
            }
            if !distinctive(&name)
                || name.contains("Information Commissioner")
                || name.starts_with("Freedom")
                || name.contains("Act")
            {
                continue;
            }
            let last = name.split_whitespace().last().unwrap_or("");
            let first_word = name.split_whitespace().next().unwrap_or("");
            let mut weight = if STRONG_BODY.contains(&last) || STRONG_BODY.contains(&first_word) {
                2
            } else {
                1
            };
            // A name alone on its line (a signature block or letterhead) is the sender's own.
            let at = m.start + found.start();
            // Bodies named in the questions are third parties.
            if skip.iter().any(|&(a, b)| at >= a && at < b) {
                asked.entry(name).or_insert(at);
                continue;
            }
            let line_s = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let line_e = text[at..].find('\n').map_or(text.len(), |p| at + p);
            if text[line_s..line_e].trim() == found.as_str().trim() {
                weight += 2;
            }
            // The subject of "… has considered your request", "… does not hold".
            if AUTHORITY_VERB.is_match(&text[m.start + found.end()..line_e]) {
                weight += 2;
            }
            // Named in the letterhead or in the signature block.
            if doc.line_of(at).saturating_sub(doc.line_of(m.start)) < 6
                || m.signoff
                    .is_some_and(|so| at > so && doc.line_of(at) - doc.line_of(so) < 8)
            {
                weight += 1;
            }
            let e = counts.entry(name).or_insert((0, at));
            e.0 += weight;
        }
    }
    // A name inside a longer name counts for it too ("Example Council" in "Example Council's").
    // A body named once in passing ("we follow the NHS England rules") is no sign of who
    // writes: the authority stands in the letterhead or the signature, as the subject of the
    // reply's verbs, or more than once.
    counts.retain(|n, _| !n.starts_with("Out of Office"));
    let single = counts.len() == 1;
    counts
        .into_iter()
        .filter(|(_, (w, _))| *w >= 2 || single)
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(n, _)| n)
        .or_else(|| asked.into_iter().min_by_key(|(_, at)| *at).map(|(n, _)| n))
}

static SIGN_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*yours\s+(?:faithfully|sincerely|truly)\b"));

/// The requester: the page header, the name under the request's sign-off, or the reply's
/// salutation when it names a person.
fn requester(doc: &Doc, thread: &Thread, request_msg: Option<usize>) -> Option<String> {
    if let Some(r) = &thread.header.requester {
        return Some(r.clone());
    }
    let text = doc.text;
    let mut order: Vec<usize> = request_msg.into_iter().collect();
    order.extend(
        (0..thread.msgs.len()).filter(|&i| thread.msgs[i].from_requester && Some(i) != request_msg),
    );
    for m in order {
        let msg = &thread.msgs[m];
        let (a, b) = (
            doc.line_of(msg.start),
            doc.line_of(msg.end.saturating_sub(1).max(msg.start)),
        );
        let mut after_signoff = false;
        for li in a..=b {
            let l = doc.line(li).trim();
            if SIGN_NAME.is_match(l) {
                after_signoff = true;
                continue;
            }
            if after_signoff && !l.is_empty() {
                if looks_like_name(l) {
                    return Some(l.to_string());
                }
                break;
            }
        }
    }
    // "Dear Ms Patel" in the authority's reply.
    for m in thread
        .msgs
        .iter()
        .filter(|m| !m.from_requester && !m.quoted)
    {
        if let Some(s) = m.salutation {
            let line = &text[s..s + text[s..].find('\n').unwrap_or(text.len() - s)];
            let Some(name) = crate::messages::addressee(line) else {
                continue;
            };
            let name = name.as_str();
            let l = name.to_ascii_lowercase();
            if looks_like_name(name)
                && ![
                    "requester",
                    "requestor",
                    "applicant",
                    "sir",
                    "madam",
                    "sir/madam",
                    "sir or madam",
                    "customer",
                    "enquirer",
                    "sir / madam",
                ]
                .contains(&l.as_str())
            {
                return Some(name.to_string());
            }
        }
    }
    None
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.len() <= 60
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == ':')
        && words[0].starts_with(|c: char| c.is_uppercase())
        && !addressee_is_org(s)
}

/// The words of the first e-mail subject or "Re:" line: the group of the pattern
/// `(?im)^\s*(?:subject|re)\s*:\s*(.{3,200})$` read by hand, with its leftmost-first choices
/// (the white space around the colon may run over line breaks; the group is the rest of a line
/// of 3 to 200 characters, taking back white space before it when the rest is shorter).
fn subject_line(text: &str) -> Option<&str> {
    use crate::text::{is_re_space, strip_prefix_fold};
    let b = text.as_bytes();
    let skip_space = |mut i: usize| {
        while i < b.len() && is_re_space(b[i] as char) {
            i += 1;
        }
        i
    };
    let line_end = |i: usize| {
        b[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |p| i + p)
    };
    let mut line_start = 0;
    loop {
        // Every line start up to the first character that is not white space tries the same one.
        let p = skip_space(line_start);
        let rest = &text[p..];
        let after = strip_prefix_fold(rest, "subject").or_else(|| strip_prefix_fold(rest, "re"));
        if let Some(after) = after {
            let colon = skip_space(text.len() - after.len());
            if b.get(colon) == Some(&b':') {
                let c = colon + 1;
                let mut g = skip_space(c);
                let mut end = line_end(g);
                let mut chars = text[g..end].chars().count();
                loop {
                    if (3..=200).contains(&chars) {
                        return Some(&text[g..end]);
                    }
                    if g == c {
                        break;
                    }
                    g -= 1;
                    if b[g] == b'\n' {
                        end = g;
                        chars = 0;
                    } else {
                        chars += 1;
                    }
                }
            }
        }
        if p >= b.len() {
            return None;
        }
        line_start = line_end(p) + 1;
        if line_start > b.len() {
            return None;
        }
    }
}

/// A title from an e-mail subject or a "Re:" line, without reply prefixes and references.
fn title(doc: &Doc) -> Option<String> {
    let mut t = subject_line(doc.text)?.trim().to_string();
    loop {
        let lower = t.to_ascii_lowercase();
        let stripped = ["re:", "fw:", "fwd:", "re :", "foi:", "eir:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| t[p.len()..].trim().to_string());
        match stripped {
            Some(s) => t = s,
            None => break,
        }
    }
    // Drop "(Our ref: …)" and leading "Freedom of Information request -" or "FOI 123 -".
    if let Some(p) = t.find(" (") {
        if t[p..].to_ascii_lowercase().contains("ref") {
            t.truncate(p);
        }
    }
    let parts: Vec<&str> = t.split(" - ").collect();
    let last = parts.last().copied().unwrap_or("").trim();
    let t = if parts.len() > 1 && !last.is_empty() {
        last.to_string()
    } else {
        t
    };
    let t = t.trim().to_string();
    (t.len() >= 3 && t.chars().any(|c| c.is_alphabetic())).then_some(t)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Received,
    Due,
    Responded,
}

static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\breceived\b|\breceipt\b|\brequested\s+on\s*$|\breached\s+(?:us|me|the\s+\w+)\s+on\s*$|\b(?:request|email|e-mail|letter|correspondence|enquiry|application)\s+(?:dated|of|sent\s+on|on)\s*$|\bdate\s+(?:of\s+)?(?:request|received|receipt)|\brequest\s+date\b|\bdated\s*$",
    )
});
static DUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:on\s+or\s+before|no\s+later\s+than|by|before|due(?:\s+date)?|deadline(?:\s+date)?|until)\s*:?\s*(?:the\s+)?$",
    )
});
static DUE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\brespon|\breply\b|\bdeadline\b|\bdue\b|\bexpect|\banswer\b|\bextend")
});
/// A weekday between a label and its date ("Requested Tue 06 March 2018").
static WEEKDAY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s*\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?,?\s*$",
    )
});
/// Field labels of a disclosure log or a letter's header for the date a request arrived.
static RECEIVED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:date\s+(?:of\s+)?request(?:\s+received)?|request(?:ed)?(?:\s+(?:date|received|made|dated|on))?|date\s+received|received(?:\s+(?:date|on))?|date\s+of\s+receipt)\s*[:.-]?$",
    )
});
/// Field labels for the date of the reply.
static RESPONDED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:date\s+(?:of\s+)?(?:response|reply|disclosure|decision)|(?:response|reply|disclosure|decision)(?:\s+(?:date|sent|issued|given|made|dated|on))?|responded(?:\s+on)?|replied(?:\s+on)?|date\s+(?:request\s+)?(?:replied|responded|sent|issued)(?:\s+to)?|(?:date\s+)?issued(?:\s+on)?|date\s+(?:closed|completed)|(?:closed|completion|completed)(?:\s+(?:date|on))?)\s*[:.-]?$",
    )
});
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:date|dated|date sent|date of letter|date\s*/\s*dyddiad|dyddiad\s*/\s*date)\s*:?\s*$",
    )
});
static RESPONDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bdate\s+(?:of\s+)?(?:response|reply|disclosure|decision)|\b(?:issued|responded|replied)\s+on\s*$|\bresponse\s+(?:sent|issued)\b|\b(?:response|reply|disclosure)\s+date\b|\bdate\s+(?:sent|responded|issued)\b",
    )
});

/// Dates with the cue of their sentence, in text order.
fn dated_sentences(doc: &Doc, thread: &Thread) -> Vec<(Cue, Date, usize)> {
    let text = doc.text;
    let mut out = Vec::new();
    let dates: Vec<FoundDate> = find_dates(text, false);
    for d in dates {
        if thread.in_furniture(d.start) {
            continue;
        }
        // The sentence before the date (back to a full stop or blank line, at most 200 bytes).
        let from = crate::text::floor_char(text, d.start.saturating_sub(200));
        let mut window = &text[from..d.start];
        if let Some(p) = window.rfind(". ").or_else(|| window.rfind(".\n")) {
            window = &window[p + 1..];
        }
        if let Some(p) = window.rfind("\n\n") {
            window = &window[p..];
        }
        let w = one_line(window);
        let msg = thread.msg_at(d.start).map(|i| &thread.msgs[i]);
        let by_requester = msg.is_some_and(|m| m.from_requester);
        let raw_line = &text[text[..d.start].rfind('\n').map_or(0, |p| p + 1)..d.start];
        let own_letter = msg.is_some_and(|m| !m.quoted) && !by_requester;
        // A date alone on a line near the top of the authority's letter is the letter's date.
        let line_end = text[d.end..].find('\n').map_or(text.len(), |p| d.end + p);
        let alone = raw_line.trim().is_empty() && text[d.end..line_end].trim().is_empty();
        // (Not in a message dated by its header, as on WhatDoTheyKnow: that date is the one.)
        let near_top = msg.is_some_and(|m| {
            m.date.is_none() && doc.line_of(d.start).saturating_sub(doc.line_of(m.start)) <= 8
        });
        let letterhead = own_letter && (DATE_LABEL.is_match(raw_line) || (alone && near_top));
        // A field label: the words before the date on its line ("Requested Tue"), or the line
        // above a date that stands alone ("Request Date" / "09 Jan 2025").
        // (A field list pasted from a web page puts each label and value after a dash:
        // "- Date received" / "- 19 March 2024".)
        fn unbulleted(l: &str) -> &str {
            l.trim_start_matches(['-', '*', '•', '–']).trim_start()
        }
        let label = if unbulleted(raw_line.trim()).is_empty() {
            let prev_end = text[..doc.start_of_line_at(d.start)].trim_end().len();
            let prev_start = text[..prev_end].rfind('\n').map_or(0, |p| p + 1);
            let prev = text[prev_start..prev_end].trim();
            (prev.len() <= 40 && find_dates(prev, false).is_empty()).then_some(prev)
        } else {
            Some(raw_line.trim())
        };
        let label = label.map(|l| WEEKDAY_TAIL.replace(unbulleted(l), "").into_owned());
        let labelled = label.as_deref().and_then(|l| {
            if RESPONDED_LABEL.is_match(l) {
                Some(Cue::Responded)
            } else if RECEIVED_LABEL.is_match(l) {
                Some(Cue::Received)
            } else {
                None
            }
        });
        let w = WEEKDAY_TAIL.replace(&w, "").into_owned();
        if let Some(cue) = labelled.filter(|_| !by_requester) {
            out.push((cue, d.date, d.start));
        } else if RESPONDED.is_match(&w) || letterhead {
            out.push((Cue::Responded, d.date, d.start));
        } else if DUE.is_match(&w) && DUE_CONTEXT.is_match(&w) && !by_requester {
            out.push((Cue::Due, d.date, d.start));
        } else if RECEIVED.is_match(&w) && !by_requester {
            let tail = w.to_ascii_lowercase();
            // "received on" with the date, not "received by … on" much earlier in a long sentence.
            if tail.len() < 160
                || tail.ends_with("on")
                || tail.ends_with("of")
                || tail.ends_with("dated")
                || tail.ends_with(':')
            {
                out.push((Cue::Received, d.date, d.start));
            }
        }
    }
    out
}

fn pick(dates: &[(Cue, Date, usize)], cue: Cue) -> Option<Date> {
    dates.iter().find(|(c, _, _)| *c == cue).map(|(_, d, _)| *d)
}

/// The deadline, stated and computed.
pub fn due(received: Option<Date>, stated: Option<Date>, law: Law) -> Option<Due> {
    let computed = received.map(|r| calendar::deadline(r, 20, law));
    let value = stated.or(computed)?;
    Some(Due {
        value: value.iso(),
        stated: stated.map(|d| d.iso()),
        computed: computed.map(|d| d.iso()),
        working_days: 20,
        holidays: if matches!(law, Law::FOISA | Law::EIRS) {
            "Scotland".into()
        } else {
            "UK".into()
        },
    })
}

/// The outcome in WhatDoTheyKnow's words: as the page states it, else from the answers.
pub fn outcome(
    stated: Option<&str>,
    statuses: &[Status],
    kinds: &[MessageKind],
) -> (Option<String>, Option<String>) {
    if let Some(s) = stated {
        let l = s.to_ascii_lowercase();
        let o = if l.contains("classification") || l.contains("unknown status") {
            // "Awaiting classification": the requester has not said; read it from the answers.
            None
        } else if l.contains("partially successful") {
            Some("partially_successful")
        } else if l.contains("successful") {
            Some("successful")
        } else if l.contains("refused") || l.contains("rejected") {
            Some("rejected")
        } else if l.contains("did not have the information") || l.contains("not held") {
            Some("not_held")
        } else if l.contains("clarification") {
            Some("waiting_clarification")
        } else if l.contains("internal review") {
            Some("internal_review")
        } else if l.contains("withdrawn") {
            Some("user_withdrawn")
        } else if l.contains("vexatious") {
            Some("vexatious")
        } else if l.contains("postal") {
            Some("gone_postal")
        } else if l.contains("not a valid") || l.contains("not foi") {
            Some("not_foi")
        } else if l.contains("awaiting")
            || l.contains("overdue")
            || l.contains("delayed")
            || l.contains("waiting")
        {
            Some("waiting_response")
        } else {
            None
        };
        if let Some(o) = o {
            return (Some(o.into()), Some("stated".into()));
        }
    }
    let count = |f: &dyn Fn(Status) -> bool| statuses.iter().filter(|s| f(**s)).count();
    let given = count(&|s| matches!(s, Status::Answered | Status::Partial | Status::Referred));
    let partial = count(&|s| s == Status::Partial);
    let withheld = count(&|s| matches!(s, Status::Refused | Status::Ncnd));
    let not_held = count(&|s| s == Status::NotHeld);
    let clar = count(&|s| s == Status::Clarification);
    let inferred = if given == 0 && withheld > 0 {
        Some("rejected")
    } else if given == 0 && not_held > 0 {
        Some("not_held")
    } else if given > 0 && (withheld > 0 || not_held > 0 || partial > 0) {
        Some("partially_successful")
    } else if given > 0 {
        Some("successful")
    } else if clar > 0 || kinds.contains(&MessageKind::Clarification) {
        Some("waiting_clarification")
    } else if kinds.contains(&MessageKind::Acknowledgement) || kinds.contains(&MessageKind::Request)
    {
        Some("waiting_response")
    } else {
        None
    };
    (
        inferred.map(str::to_string),
        inferred.map(|_| "inferred".to_string()),
    )
}

/// Same body under two spellings, for callers that compare authorities.
pub fn same_authority(a: &str, b: &str) -> bool {
    same_org(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    fn meta(text: &str) -> Meta {
        let doc = Doc::new(text);
        let thread = messages::split(&doc);
        let req = thread.msgs.iter().position(|m| m.from_requester);
        read(&doc, &thread, req, &[])
    }

    /// The hand-read subject line against the pattern it replaced, group and all.
    #[test]
    fn subject_line_matches_its_pattern() {
        let old = crate::text::re(r"(?im)^\s*(?:subject|re)\s*:\s*(.{3,200})$");
        let vocab = [
            "Subject",
            "subject",
            "SUBJECT",
            "Re",
            "re",
            "RE",
            ":",
            ": ",
            "\n",
            "\n\n",
            " \n",
            "Subject: ",
            "Re: ",
            "\u{17F}ubject",
            "\u{b}",
            "x",
            "ab",
            "FOI request",
            "\r\n",
        ];
        let mut texts = crate::test_texts::all(&vocab, 0x2f8a_96c4_17d3_5be1);
        for fill in ["a", "é", " "] {
            for n in [0, 1, 2, 3, 4, 199, 200, 201, 202] {
                let f = fill.repeat(n);
                texts.push(format!("Subject:{f}"));
                texts.push(format!("x\n  Re :  {f}\nSubject: second"));
                texts.push(format!("Subject:   \n{f}\n"));
                texts.push(format!("Subject:\n\n  \n{f}"));
                texts.push(format!("\n\n re\n:\n{f}"));
            }
        }
        let mut seen = 0;
        for t in &texts {
            let want = old.captures(t).map(|c| c.get(1).map_or("", |m| m.as_str()));
            seen += usize::from(want.is_some());
            assert_eq!(subject_line(t), want, "{t:?}");
        }
        assert!(seen > 100, "{seen}");
    }

    #[test]
    fn law() {
        assert_eq!(
            law_of("under the Freedom of Information Act 2000"),
            Law::FOIA
        );
        assert_eq!(
            law_of(
                "ENVIRONMENTAL INFORMATION REGULATIONS 2004 - REQUEST\nunder regulation 12(4)(b)"
            ),
            Law::EIR
        );
        assert_eq!(
            law_of("Freedom of Information (Scotland) Act 2002 section 17"),
            Law::FOISA
        );
        assert_eq!(
            law_of("Environmental Information (Scotland) Regulations 2004"),
            Law::EIRS
        );
    }

    #[test]
    fn references_and_dates() {
        let m = meta("Our ref: AB/2022/1188\nDear Mr Smith,\n\nThank you for your request, which we received on 20 May 2022. We will reply on or before\n17 June 2022. Call 0303 123 1113 or see www.x.gov.uk/page/12345.\nSI 2015/1415 applies.\n\nYours sincerely\n");
        assert_eq!(m.references, ["AB/2022/1188"]);
        assert_eq!(m.received.map(|d| d.iso()).as_deref(), Some("2022-05-20"));
        assert_eq!(m.due_stated.map(|d| d.iso()).as_deref(), Some("2022-06-17"));
        assert_eq!(m.requester.as_deref(), Some("Mr Smith"));
        let m = meta("Re: FOI 2022-4471 - Parks\n\nDear Ms Jones,\n\nThank you for your email of 11 August 2021.\nRequest 000733/23 was logged.\n");
        assert_eq!(m.references, ["2022-4471", "000733/23"]);
        assert_eq!(m.received.map(|d| d.iso()).as_deref(), Some("2021-08-11"));
        assert_eq!(m.title.as_deref(), Some("Parks"));
        // A page title that ends with its reference; a financial year there is none.
        let m = meta("Pedlars certificates - 274/22\n\nDate Responded 09 March 2022\n\nYou asked: how many?\n");
        assert_eq!(m.references, ["274/22"]);
        let m = meta("Budget figures - 2021/22\n\nYou asked: how much?\n");
        assert!(m.references.is_empty(), "{:?}", m.references);
    }

    #[test]
    fn authority_named_most() {
        let m = meta("Dear Requester\n\nYour request was received by Northshire Constabulary on 2 February 2024.\nNorthshire Constabulary can neither confirm nor deny this. The Information Commissioner's Office may help.\n");
        assert_eq!(m.authority.as_deref(), Some("Northshire Constabulary"));
        let m = meta(
            "Dear Northshire County Council,\n\n1. How many?\n\nYours faithfully,\nJo Bloggs\n",
        );
        assert_eq!(m.authority.as_deref(), Some("Northshire County Council"));
        assert_eq!(m.requester.as_deref(), Some("Jo Bloggs"));
        // Scottish boards named for two places: "NHS Dumfries and Galloway", "NHS Ayrshire & Arran".
        let m = meta("Dear Requester\n\nNHS Dunmore and Lochside confirms that it does not hold the information.\nNHS Dunmore and Lochside can only provide its own figures.\n");
        assert_eq!(m.authority.as_deref(), Some("NHS Dunmore and Lochside"));
        // "… of Northern Ireland" keeps both words of the place.
        let m = meta("Dear Requester\n\nI can confirm that the Roads Service of Northern Ireland has finished searching.\nThe Roads Service of Northern Ireland considers the balance lies in withholding.\n");
        assert_eq!(
            m.authority.as_deref(),
            Some("Roads Service of Northern Ireland")
        );
    }

    #[test]
    fn outcomes() {
        use Status::*;
        assert_eq!(
            outcome(Some("The request was successful."), &[], &[])
                .0
                .as_deref(),
            Some("successful")
        );
        assert_eq!(
            outcome(None, &[Answered, Refused], &[]).0.as_deref(),
            Some("partially_successful")
        );
        assert_eq!(
            outcome(None, &[Refused, NotApplicable], &[]).0.as_deref(),
            Some("rejected")
        );
        assert_eq!(
            outcome(None, &[NotHeld], &[]).0.as_deref(),
            Some("not_held")
        );
        assert_eq!(
            outcome(None, &[Answered, Answered], &[]).0.as_deref(),
            Some("successful")
        );
    }

    /// Disclosure-log fields whose line breaks were lost, a completion date, a field list pasted
    /// with a dash before each label and value, and a bilingual Welsh letter's date field.
    #[test]
    fn responded_fields() {
        let glued = "FOI request (FOI-1)\nToilets\nRequested Tue 06 March 2018\nResponded Fri 16 March 2018Please provide the number of toilets.\n\nResponse\nWe ran 12.\n";
        let m = meta(glued);
        assert_eq!(m.received.map(|d| d.iso()).as_deref(), Some("2018-03-06"));
        assert_eq!(m.responded.map(|d| d.iso()).as_deref(), Some("2018-03-16"));
        let log = "Case Number 41\nRequest Date 11/03/2019\nCompletion Date 18/03/2019\n\nDetails of the Request\nHow many?\n";
        assert_eq!(
            meta(log).responded.map(|d| d.iso()).as_deref(),
            Some("2019-03-18")
        );
        let dashes = "Title: EIR release\n- FOI reference\n- EIR/2024001\n- Date received\n- 19 March 2024\n- Date responded\n- 16 May 2024\nBriefings dated 14 September 2022 were published.\n";
        let m = meta(dashes);
        assert_eq!(m.received.map(|d| d.iso()).as_deref(), Some("2024-03-19"));
        assert_eq!(m.responded.map(|d| d.iso()).as_deref(), Some("2024-05-16"));
        let welsh = "Cyngor Sir Dyfnant\nDyddiad / Date: 07/10/2024\n\nDear Mr Jones\nThank you for your request.\n";
        assert_eq!(
            meta(welsh).responded.map(|d| d.iso()).as_deref(),
            Some("2024-10-07")
        );
    }
}
