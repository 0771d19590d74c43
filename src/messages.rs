//! Stage 3: split a pasted thread into messages.
//!
//! A WhatDoTheyKnow page copied as text runs the request, acknowledgements, clarifications and
//! responses together; a saved e-mail reply carries the request quoted below it. Each message
//! starts at a recognisable line: a WhatDoTheyKnow sender line (`FOI, Some Council`), a letter's
//! salutation after the previous letter was signed off, or an e-mail header block (`From:` with
//! `Sent:`), `-----Original Message-----`, `On … wrote:`. Messages that repeat an earlier one, or
//! follow a quote header, are marked as quoted: earlier correspondence, not new answers.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::dates::{find_dates, Date};
use crate::model::MessageKind;
use crate::pattern::re;
use crate::text::{one_line, token_iter, word_hash, Doc};

/// One message of the thread, in normalised-text offsets.
#[derive(Debug, Clone)]
pub struct Msg {
    pub start: usize,
    pub end: usize,
    pub kind: MessageKind,
    pub sender: Option<String>,
    pub date: Option<Date>,
    pub quoted: bool,
    /// Written by the requester (addressed to the public body).
    pub from_requester: bool,
    /// Offset of the salutation line, when the message has one.
    pub salutation: Option<usize>,
    /// Offset of the first sign-off line ("Yours sincerely"), when seen.
    pub signoff: Option<usize>,
    /// Offset of the salutation the letter's body follows: [`Msg::salutation`], or, in a
    /// message opened by a sender's header, the first salutation below its letterhead.
    pub letter_salutation: Option<usize>,
}

/// The WhatDoTheyKnow page header, when the text was copied from a request page.
#[derive(Debug, Clone, Default)]
pub struct PageHeader {
    pub title: Option<String>,
    pub requester: Option<String>,
    pub authority: Option<String>,
    /// The request's state as the page states it ("The request was successful.").
    pub status: Option<String>,
    /// Offset where the header ends.
    pub end: usize,
}

/// The thread: header, messages, and spans that are page furniture rather than correspondence.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    pub header: PageHeader,
    pub msgs: Vec<Msg>,
    /// Regions that are never answers: folded-quote notices, link reference lists.
    pub furniture: Vec<(usize, usize)>,
}

impl Thread {
    /// Index of the message holding `offset`.
    pub fn msg_at(&self, offset: usize) -> Option<usize> {
        // Messages are in text order and do not overlap.
        let i = self.msgs.partition_point(|m| m.start <= offset);
        (i > 0 && offset < self.msgs[i - 1].end).then(|| i - 1)
    }

    pub fn in_furniture(&self, offset: usize) -> bool {
        // Furniture spans are recorded in text order and do not overlap.
        let i = self.furniture.partition_point(|&(s, _)| s <= offset);
        i > 0 && offset < self.furniture[i - 1].1
    }
}

pub(crate) static MADE_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(.{1,80}?) made this (?:[A-Za-z() ]{0,60} )?request to (.{2,120}?)(?:\s+as part of a batch sent to \d+ authorities)?(?:\.?$|\.?\s+(?:Automatic anti-spam|This request|Please let us know)\b.*$)",
    )
});
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Dear|DEAR|Hello|Hi|Good (?:[Mm]orning|[Aa]fternoon|[Ee]vening))\b\s*(.{0,80}?)[,:]?\s*$",
    )
});
static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:yours (?:sincerely|faithfully|truly)|kind(?:est)? regards|best regards|best wishes|warm regards|many thanks|regards|with (?:kind |best )?regards|thanks(?: again)?|thank you)\b(?:[ ,.!]*$|,[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*$)",
    )
});
static HEADER_FIELD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*>?\s*\*?(From|Sent|Date|To|Cc|Subject|Received)\*?:\s*(.*)$"));
/// A line that opens a quoted or forwarded message: the pattern
/// `(?i)^\s*(?:-{2,}\s*(?:original message|forwarded message|forwarded by)|_{10,}\s*$|begin forwarded message|>>>.{0,200}>>>\s*$)`,
/// read by hand (compiling its `.{0,200}` cost more than any other pattern of the crate).
fn is_quote_separator(line: &str) -> bool {
    use crate::text::{is_re_space, strip_prefix_fold};
    let s = line.trim_start_matches(is_re_space);
    if s.starts_with("--") {
        let rest = s.trim_start_matches('-').trim_start_matches(is_re_space);
        return ["original message", "forwarded message", "forwarded by"]
            .iter()
            .any(|p| strip_prefix_fold(rest, p).is_some());
    }
    if s.starts_with('_') {
        let rest = s.trim_start_matches('_');
        return s.len() - rest.len() >= 10 && rest.chars().all(is_re_space);
    }
    if let Some(rest) = s.strip_prefix(">>>") {
        return rest
            .trim_end_matches(is_re_space)
            .strip_suffix(">>>")
            .is_some_and(|mid| !mid.contains('\n') && mid.chars().count() <= 200);
    }
    strip_prefix_fold(s, "begin forwarded message").is_some()
}

/// An e-mail's quote header, the pattern `(?i)^\s*On\b.{4,160}\bwrote:\s*$` read by hand.
fn is_wrote(line: &str) -> bool {
    use crate::text::{is_re_space, strip_prefix_fold, strip_suffix_fold};
    let Some(rest) = strip_prefix_fold(line.trim_start_matches(is_re_space), "on") else {
        return false;
    };
    let Some(head) = strip_suffix_fold(line.trim_end_matches(is_re_space), "wrote:") else {
        return false;
    };
    let (from, to) = (line.len() - rest.len(), head.len());
    if to <= from {
        return false;
    }
    // Both word boundaries (ASCII, `(?-u:\b)`): the middle starts and ends with a byte that is
    // not an ASCII letter, digit or underscore.
    let mid = &line[from..to];
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = mid.as_bytes();
    !word(b[0])
        && !word(b[b.len() - 1])
        && !mid.contains('\n')
        && (4..=160).contains(&mid.chars().count())
}

static FOLDED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:show|hide) (?:all )?quoted sections?\s*$"));
/// Lines of a WhatDoTheyKnow page that are navigation or attachment listings, not words of
/// any message: the page's link words and attachment sizes ([`FURNITURE_WORDS`]), or an
/// attachment's file name ([`is_attachment_name`]).
fn is_page_furniture(t: &str) -> bool {
    (may_be_furniture_words(t) && FURNITURE_WORDS.is_match(t)) || is_attachment_name(t)
}

/// Whether [`FURNITURE_WORDS`] can match `t`, asked first since almost no line does: an ASCII
/// line must be one of its phrases or start with a digit (a size); any other line is left to
/// the pattern (its `(?i)` folds `ſ` to `s` and the Kelvin sign to `k`).
fn may_be_furniture_words(t: &str) -> bool {
    const PHRASES: &[&str] = &[
        "link to this",
        "report",
        "report this request",
        "reply",
        "follow",
        "unfollow",
        "download",
        "download original attachment",
        "view as html",
        "share",
        "hide",
        "add an annotation",
        "helpful annotation",
        "helpful annotations",
        "track this request",
        "request an internal review",
        "send a followup",
        "see all attachments",
    ];
    !t.is_ascii()
        || t.starts_with(|c: char| c.is_ascii_digit())
        || PHRASES.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// The page's link words and attachment sizes ("Download", "View as HTML", "54K").
static FURNITURE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:link to this|report|report this request|reply|follow|unfollow|download|download original attachment|view as html|share|hide|add an annotation|helpful annotations?|track this request|request an internal review|send a followup|see all attachments|\d+(?:\.\d+)?\s*[KM]B(?:\s+(?:download|view as html))*)$",
    )
});

/// What follows an attachment's name: its extension, size and links (".pdf 54K Download").
static ATTACHMENT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\.(?:pdf|docx?|xlsx?|csv|odt|ods|rtf|zip|msg|eml|png|jpe?g)\s*(?:\d+(?:\.\d+)?\s*[KM]B)?(?:\s+(?:download|view as html))*$",
    )
});

/// Whether `rest` (after a full stop) can start one of [`ATTACHMENT_TAIL`]'s extensions: checked
/// before the pattern, since most full stops end a sentence. Only ASCII is judged here; the
/// pattern's `(?i)` folds `ſ` to `s`, so anything else is left to it.
fn may_be_extension(rest: &str) -> bool {
    const STARTS: [&[u8; 3]; 13] = [
        b"pdf", b"doc", b"xls", b"csv", b"odt", b"ods", b"rtf", b"zip", b"msg", b"eml", b"png",
        b"jpg", b"jpe",
    ];
    match rest.as_bytes().get(..3) {
        Some(head) if head.is_ascii() => STARTS.iter().any(|x| head.eq_ignore_ascii_case(&x[..])),
        Some(_) => true,
        None => false,
    }
}

/// An attachment line, `[^\s/\\]{1,120}\.(?:pdf|docx?|…)…$`: a name of 1 to 120 characters
/// without white space or slashes, then [`ATTACHMENT_TAIL`] from one of its full stops. This
/// was one alternative of a single pattern whose `{1,120}` repetition of a Unicode class cost
/// more to compile than any other pattern of the crate; the name is now checked here and the
/// pattern keeps the short tail.
fn is_attachment_name(t: &str) -> bool {
    for (chars, (p, c)) in t.char_indices().enumerate() {
        if chars > 120 || matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '/' | '\\') {
            return false;
        }
        if c == '.'
            && chars >= 1
            && may_be_extension(&t[p + 1..])
            && ATTACHMENT_TAIL.is_match(&t[p..])
        {
            return true;
        }
    }
    false
}

static ATTACHMENTS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*\d+ attachments?\s*$"));
/// A WhatDoTheyKnow page's status line, the pattern
/// `(?i)^\s*(?:the request (?:was|is|has been) .{3,80}|this request has been .{3,120}|.{0,80} did not have the information requested\.?|awaiting (?:classification|response|internal review)\.?|long overdue\.?|delayed\.?|this request is .{3,80}|(?:the )?response to this request is .{3,80})\s*$`
/// read by hand, character by character as the pattern counts (its `.{3,120}` and the like
/// cost more to compile than reading every line of a reply).
fn is_page_status(t: &str) -> bool {
    use crate::text::{fold_eq, is_re_space};
    let s: Vec<char> = t.chars().collect();
    let n = s.len();
    // The leading white space `^\s*` takes (every alternative but one starts with a letter).
    let w = s.iter().take_while(|&&c| is_re_space(c)).count();
    // Where the trailing `\s*$` may start: after the last character that is not white space.
    let tail = n - s.iter().rev().take_while(|&&c| is_re_space(c)).count();
    let lit = |at: usize, l: &str| -> Option<usize> {
        let e = at + l.len();
        (e <= n && s[at..e].iter().zip(l.bytes()).all(|(&c, b)| fold_eq(c, b))).then_some(e)
    };
    // `.{a,b}\s*$` from `at`: some end in [at + a, at + b], not past a line break, from which
    // only white space follows.
    let dots_to_end = |at: usize, a: usize, b: usize| -> bool {
        let nl = s[at..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(n, |p| at + p);
        (at + a).max(tail) <= (at + b).min(nl)
    };
    // `\.?\s*$` from `at`.
    let stop_to_end = |at: usize| at >= tail || (s.get(at) == Some(&'.') && at + 1 >= tail);
    if let Some(e) = lit(w, "the request ") {
        if ["was", "is", "has been"]
            .iter()
            .filter_map(|v| lit(e, v))
            .filter_map(|e| lit(e, " "))
            .any(|e| dots_to_end(e, 3, 80))
        {
            return true;
        }
    }
    if lit(w, "this request has been ").is_some_and(|e| dots_to_end(e, 3, 120))
        || lit(w, "this request is ").is_some_and(|e| dots_to_end(e, 3, 80))
    {
        return true;
    }
    let response = lit(w, "the ").unwrap_or(w);
    if [w, response]
        .iter()
        .filter_map(|&at| lit(at, "response to this request is "))
        .any(|e| dots_to_end(e, 3, 80))
    {
        return true;
    }
    if let Some(e) = lit(w, "awaiting ") {
        if ["classification", "response", "internal review"]
            .iter()
            .filter_map(|v| lit(e, v))
            .any(stop_to_end)
        {
            return true;
        }
    }
    if ["long overdue", "delayed"]
        .iter()
        .filter_map(|v| lit(w, v))
        .any(stop_to_end)
    {
        return true;
    }
    // `.{0,80} did not have the information requested\.?\s*$`: the phrase ends where the
    // trailing white space starts, or one full stop before; up to 80 characters (no line
    // break) stand between the leading white space and it.
    const NOT_HELD: &str = " did not have the information requested";
    [Some(tail), tail.checked_sub(1).filter(|&e| s[e] == '.')]
        .into_iter()
        .flatten()
        .filter_map(|e| e.checked_sub(NOT_HELD.len()))
        .filter(|&q| lit(q, NOT_HELD).is_some())
        .any(|q| {
            let k = w.min(q);
            q - k <= 80 && !s[k..q].contains(&'\n')
        })
}

/// [`MADE_REQUEST`]'s groups on a line, asked only of lines that hold its two fixed phrases
/// (it runs on the first lines of every reply, and a capture search costs thousands of
/// instructions a line).
fn made_request(t: &str) -> Option<crate::pattern::Captures<'_>> {
    if !(t.contains(" made this ") && t.contains("request to ")) {
        return None;
    }
    MADE_REQUEST.captures(t)
}

/// Whether a line (shorter than 160 bytes) can be a page status ([`is_page_status`]): each of its forms holds
/// "request", "awaiting", "overdue" or "delayed". The pattern is case-insensitive with Unicode
/// case folding (`ſ` is an `s`), so a line with any non-ASCII character is left to the pattern.
fn may_be_page_status(t: &str) -> bool {
    if !t.is_ascii() || t.len() >= 160 {
        return true;
    }
    let mut buf = [0u8; 160];
    let lower = &mut buf[..t.len()];
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    ["request", "awaiting", "overdue", "delayed"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Words that name an organisation, to tell "Dear Some Council" (the requester writing to the
/// body) from "Dear Ms Smith" (the body writing to the requester).
pub const ORG_WORDS: &[&str] = &[
    "council",
    "constabulary",
    "police",
    "trust",
    "university",
    "department",
    "ministry",
    "office",
    "authority",
    "service",
    "services",
    "board",
    "commission",
    "agency",
    "college",
    "executive",
    "borough",
    "nhs",
    "government",
    "parliament",
    "assembly",
    "court",
    "tribunal",
    "foundation",
    "partnership",
    "commissioner",
    "force",
    "team",
    "unit",
    "foi",
    "freedom",
    "information",
    "governance",
    "officer",
    "group",
    "school",
    "academy",
    "directorate",
    "corporation",
    "museum",
    "library",
    "inspectorate",
    "ombudsman",
    "regulator",
    "hospital",
    "surgery",
    "practice",
    "centre",
    "council's",
    "sir",
    "madam",
    "colleagues",
    "team,",
];

/// The addressee of a salutation line ("Dear Ms Patel," → "Ms Patel").
pub fn addressee(line: &str) -> Option<String> {
    SALUTATION
        .captures(line.trim())
        .map(|c| {
            c[1].trim()
                .trim_end_matches([',', ':', '.'])
                .trim()
                .to_string()
        })
        .filter(|a| !a.is_empty())
}

/// Whether a letter asks questions outright ("1. How many residents have asked …") and says
/// nothing of a request already made.
fn asks_outright(body: &str) -> bool {
    const OPENERS: [&str; 8] = [
        "how many ",
        "how much ",
        "what ",
        "which ",
        "please provide",
        "please tell",
        "please confirm",
        "could you ",
    ];
    let lower = body.to_ascii_lowercase();
    !REPLIES.iter().any(|p| lower.contains(p))
        && lower.lines().any(|l| {
            let l = l.trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '.' | ')' | '(' | ' ' | '\t' | '-' | '*')
            });
            OPENERS.iter().any(|o| l.starts_with(o))
        })
}

/// Words of a reply about a request already made.
const REPLIES: [&str; 7] = [
    "your request",
    "you asked",
    "you requested",
    "we can confirm",
    "we hold",
    // An automatic acknowledgement run on after the request, with no boundary between.
    "as acknowledgement",
    "we have received it",
];

/// Whether a letter whose salutation names no one ("Dear Sir/Madam") is a request: it asks for
/// information in the requester's words and says nothing of "your request".
fn asks_in_requester_voice(body: &str) -> bool {
    const ASKS: [&str; 9] = [
        "i would like the following information",
        "i would like to request",
        "i am writing to request",
        "i am writing to ask for",
        "please can you supply",
        "please could you supply",
        "i wish to request",
        "please provide me with",
        "i would be grateful if you could provide",
    ];
    asks_in(body, &[&ASKS])
}

/// Whether a letter that opens with a salutation asks in the requester's words, in the wider
/// family of first-person asks ("I would like …", "Specifically, I ask for:", "I should be
/// grateful …") and polite imperatives ("please could you tell me", "please send me"), and says
/// nothing of "your request". Only letters: a disclosure-log page holds the request's words
/// and the answers in one stretch, and is not the requester's message.
fn asks_in_letter(body: &str) -> bool {
    const FIRST_PERSON: [&str; 12] = [
        "i would like ",
        "i'd like ",
        "i wish to ",
        "i want to know",
        "i am writing to ",
        "i am asking ",
        "i ask for",
        "i ask that",
        "i request ",
        "i am requesting",
        "i would be grateful",
        "i should be grateful",
    ];
    const PLEASE: [&str; 10] = [
        "please can you",
        "please could you",
        "could you please",
        "can you please",
        "would you please",
        "please provide",
        "please supply",
        "please send me",
        "please tell me",
        "please disclose",
    ];
    asks_in(body, &[&FIRST_PERSON, &PLEASE])
}

/// Whether `body` holds one of the asking phrases (lower case) and none of a reply's words.
fn asks_in(body: &str, phrases: &[&[&str]]) -> bool {
    let lower = body.to_ascii_lowercase();
    phrases
        .iter()
        .flat_map(|p| p.iter())
        .any(|p| lower.contains(p))
        && !REPLIES.iter().any(|p| lower.contains(p))
}

/// Whether a salutation's addressee is an organisation (or a generic "Sir/Madam").
pub fn addressee_is_org(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .any(|w| ORG_WORDS.contains(&w) && !matches!(w, "sir" | "madam"))
}

/// Whether the addressee is the requester's kind of name ("Sir/Madam" is used both ways, so it
/// counts as neither).
fn addressee_is_person(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    !name.trim().is_empty() && !addressee_is_org(name) && !l.contains("sir") && !l.contains("madam")
}

/// Whether `a` and `b` name the same body, ignoring case, punctuation and "the".
pub fn same_org(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_ascii_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "the" && *w != "of" && *w != "and")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || a.replace(' ', "") == b.replace(' ', ""))
}

/// A boundary found while scanning lines.
#[derive(Debug, Clone)]
struct Boundary {
    line: usize,
    /// The message starting here quotes earlier correspondence.
    quoted: bool,
    sender: Option<String>,
    date: Option<Date>,
    from_requester: Option<bool>,
    salutation: Option<usize>,
    /// Lines consumed by the boundary's own header (e-mail fields).
    header_lines: usize,
}

/// Splits the text into messages.
pub fn split(doc: &Doc) -> Thread {
    split_at(doc, &[])
}

/// Splits the text into messages, given lines where the input itself says a message begins
/// (a saved WhatDoTheyKnow page marks each correspondence item; the decoder passes them on):
/// each such line starts a message unless the text already starts one in its first lines.
pub fn split_at(doc: &Doc, starts: &[usize]) -> Thread {
    let header = page_header(doc);
    let mut furniture = Vec::new();
    let n = doc.line_count();
    let mut bounds: Vec<Boundary> = Vec::new();
    let mut signed_off = false;
    // The line of the last sign-off seen since the last boundary.
    let mut signoff_line: Option<usize> = None;
    // The body a request letter was addressed to ("Dear Some Council,"): after that letter's
    // sign-off, its name alone on a line heads the body's reply.
    let mut org_addressee: Option<String> = None;
    let mut last_boundary_line: Option<usize> = None;
    // The last header-like boundary (sender line, e-mail header, quote separator): a salutation
    // shortly after one belongs to its message.
    let mut last_header_line: Option<usize> = None;
    let mut in_links = false;
    let mut link_open = false;
    let first_line = doc.line_of(header.end.min(doc.text.len().saturating_sub(1)));
    let mut i = if header.end > 0 { first_line } else { 0 };
    while i < n {
        let line = doc.line(i);
        let t = line.trim();
        let (ls, le) = doc.line_range(i);
        // Link reference lists after a message ("References", "Visible links", "1. http…"), the
        // number and its address on one line or on two ("1." then "https://…").
        if t == "References" || t == "Visible links" {
            in_links = true;
        }
        if in_links {
            let link_text = |t: &str| {
                t.contains("http") || t.contains("mailto:") || t.contains("www.") || t.contains('[')
            };
            let bare_number = t.len() <= 4
                && t.ends_with('.')
                && t[..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && t.len() > 1;
            let is_link = t.is_empty()
                || t == "References"
                || t == "Visible links"
                || t.starts_with(|c: char| c.is_ascii_digit()) && link_text(t)
                || bare_number && i + 1 < n && link_text(doc.line(i + 1).trim())
                || t.starts_with("http") && !t.contains(' ')
                || t.starts_with("mailto:") && !t.contains(' ')
                // A redacted address broken over lines: "1. mailto:[" "email address" "]".
                || link_open && t.len() <= 60;
            if is_link {
                if t.contains('[') && !t.contains(']') {
                    link_open = true;
                } else if t.contains(']') {
                    link_open = false;
                }
                furniture.push((ls, le + 1));
                i += 1;
                continue;
            }
            in_links = false;
            link_open = false;
        }
        // Cheap tests first: most lines are prose that no pattern below can match.
        let first = t
            .as_bytes()
            .first()
            .copied()
            .unwrap_or(b' ')
            .to_ascii_lowercase();
        if t.len() <= 130 && is_page_furniture(t) {
            furniture.push((ls, le + 1));
            i += 1;
            continue;
        }
        if t.len() < 40 && FOLDED.is_match(line) {
            furniture.push((ls, le + 1));
            signed_off = true;
            i += 1;
            continue;
        }
        let recent = |last: Option<usize>, within: usize| last.is_some_and(|l| i - l <= within);
        // E-mail header block: From: ... with Sent:/Date: within a few lines.
        let header_like = matches!(first, b'f' | b's' | b'd' | b't' | b'c' | b'r' | b'>' | b'*')
            && t.contains(':');
        if let Some(c) = header_like.then(|| HEADER_FIELD.captures(line)).flatten() {
            if &c[1] == "From" {
                let mut sender = clean_sender(&c[2]);
                let mut date = None;
                let mut j = i + 1;
                let mut fields = 1;
                while j < n && j <= i + 8 {
                    let l = doc.line(j);
                    if let Some(f) = HEADER_FIELD.captures(l) {
                        fields += 1;
                        if (&f[1] == "Sent" || &f[1] == "Date") && date.is_none() {
                            date = find_dates(&f[2], false).first().map(|d| d.date);
                        }
                        if sender.is_none() && &f[1] == "From" {
                            sender = clean_sender(&f[2]);
                        }
                        j += 1;
                    } else if l.trim().is_empty() && fields < 2 {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if fields >= 2 {
                    // A header block that merely follows a separator belongs to it.
                    let follows_separator = bounds.last().is_some_and(|b| {
                        b.header_lines == 0 && recent(Some(b.line), 2) && b.quoted
                    });
                    let top = bounds.is_empty() && doc.text[..ls].trim().is_empty();
                    if follows_separator {
                        let b = bounds.last_mut().expect("checked above");
                        b.sender = b.sender.take().or(sender);
                        b.date = b.date.or(date);
                        b.header_lines = j - i;
                    } else {
                        bounds.push(Boundary {
                            line: i,
                            quoted: !top,
                            sender,
                            date,
                            from_requester: None,
                            salutation: None,
                            header_lines: j - i,
                        });
                    }
                    last_boundary_line = Some(j.saturating_sub(1));
                    last_header_line = last_boundary_line;
                    signed_off = false;
                    i = j;
                    continue;
                }
            }
        }
        let separator_like = matches!(first, b'-' | b'_' | b'b' | b'>') && is_quote_separator(line);
        if separator_like || (t.ends_with("wrote:") && is_wrote(line)) {
            let date = find_dates(line, false).first().map(|d| d.date);
            bounds.push(Boundary {
                line: i,
                quoted: true,
                sender: None,
                date,
                from_requester: None,
                salutation: None,
                header_lines: 0,
            });
            last_boundary_line = Some(i);
            last_header_line = Some(i);
            signed_off = false;
            i += 1;
            continue;
        }
        // WhatDoTheyKnow sender line: "Name, Some Public Body" alone on its line, or, after the
        // request's sign-off, the body's name alone.
        let after_request = bounds
            .last()
            .is_some_and(|b| b.from_requester == Some(true));
        // … or heading a letter: its salutation is the next line with words.
        let heads_letter = || {
            (i + 1..n.min(i + 4))
                .map(|j| doc.line(j).trim())
                .find(|l| !l.is_empty())
                .is_some_and(|l| SALUTATION.is_match(l))
        };
        let body_alone = ((i == 0 || doc.is_blank(i - 1))
            && org_addressee
                .as_deref()
                .is_some_and(|o| t.len() <= o.len() + 8 && same_org(t, o))
            && ((signed_off && after_request) || heads_letter()))
        .then(|| t.to_string());
        if let Some(sender) =
            body_alone.or_else(|| sender_line(doc, i, header.authority.as_deref()))
        {
            let mut date = None;
            let mut j = i + 1;
            while j < n && j <= i + 4 {
                let l = doc.line(j).trim();
                if l.is_empty() || ATTACHMENTS.is_match(l) {
                    j += 1;
                    continue;
                }
                let ds = find_dates(l, false);
                if ds.len() == 1 && ds[0].end - ds[0].start + 12 >= l.len() {
                    date = Some(ds[0].date);
                }
                break;
            }
            bounds.push(Boundary {
                line: i,
                quoted: false,
                sender: Some(sender),
                date,
                from_requester: Some(false),
                salutation: None,
                header_lines: 0,
            });
            last_boundary_line = Some(i);
            last_header_line = Some(i);
            signed_off = false;
            i += 1;
            continue;
        }
        // A reply pasted straight after the request's sign-off and the requester's name, with
        // no sender line or salutation of its own ("Thank you for your recent request …"): a
        // thread copied from a page without its headers.
        // (After any letter whose writer is not yet known, too: a letter's sign-off, a name
        // and then "Thank you for your request" is a reply whoever wrote the letter.)
        let after_letter = bounds
            .last()
            .is_some_and(|b| b.from_requester != Some(false));
        if signed_off
            && after_letter
            && signoff_line.is_some_and(|s| {
                // The name, and perhaps the body's name as WhatDoTheyKnow prints it above the
                // reply, blank lines aside.
                let lines = (s + 1..i).filter(|&j| !doc.is_blank(j)).count();
                i > s
                    && i - s <= 8
                    && lines <= 3
                    && (s + 1..i).all(|j| doc.line(j).trim().len() <= 60)
            })
            && opens_reply(t)
        {
            bounds.push(Boundary {
                line: i,
                quoted: false,
                sender: None,
                date: None,
                from_requester: Some(false),
                salutation: None,
                header_lines: 0,
            });
            last_boundary_line = Some(i);
            signed_off = false;
            i += 1;
            continue;
        }
        let salutation = if matches!(first, b'd' | b'h' | b'g') {
            SALUTATION.captures(line)
        } else {
            None
        };
        if let Some(c) = salutation {
            let addressee = c[1].trim().to_string();
            let to_org = addressee_is_org(&addressee);
            if to_org {
                org_addressee = Some(addressee.clone());
            }
            let first = bounds.is_empty();
            let near_boundary =
                recent(last_header_line, 12) && last_header_line >= last_boundary_line;
            if first || (signed_off && !near_boundary) {
                // A WhatDoTheyKnow header above the letter: the sender's name, then the date.
                let floor = last_boundary_line.map_or(first_line, |l| l + 1);
                let (line, sender, date) = dated_header_above(doc, i, floor);
                bounds.push(Boundary {
                    line,
                    quoted: false,
                    sender,
                    date,
                    from_requester: if to_org {
                        Some(true)
                    } else if addressee_is_person(&addressee) {
                        Some(false)
                    } else {
                        None
                    },
                    salutation: Some(ls),
                    header_lines: 0,
                });
                last_boundary_line = Some(i);
                signed_off = false;
            } else if let Some(b) = bounds.last_mut() {
                if b.salutation.is_none() && near_boundary {
                    b.salutation = Some(ls);
                    if b.from_requester.is_none() {
                        b.from_requester = if to_org {
                            Some(true)
                        } else if addressee_is_person(&addressee) {
                            Some(false)
                        } else {
                            None
                        };
                    }
                }
            }
            i += 1;
            continue;
        }
        if t.len() < 40
            && matches!(first, b'y' | b'k' | b'b' | b'w' | b'm' | b'r' | b't')
            && SIGNOFF.is_match(line)
        {
            signed_off = true;
            signoff_line = Some(i);
        }
        i += 1;
    }
    add_known_starts(doc, &mut bounds, starts, header.requester.as_deref());
    let start_of_body = header.end;
    let mut msgs = Vec::new();
    // A few lines of letterhead above the first salutation ("Our ref: …", a title) belong to
    // that letter, not to a message of their own.
    if let Some(b) = bounds.first_mut() {
        let head = &doc.text[start_of_body..doc.line_start(b.line)];
        let lines = head.lines().filter(|l| !l.trim().is_empty()).count();
        if b.salutation.is_some() && b.header_lines == 0 && !b.quoted && (1..=4).contains(&lines) {
            b.line = doc.line_of(start_of_body + (head.len() - head.trim_start().len()));
        }
    }
    if bounds.is_empty()
        || doc.line_start(bounds[0].line) > start_of_body
            && !doc.text[start_of_body..doc.line_start(bounds[0].line)]
                .trim()
                .is_empty()
    {
        // Text before the first boundary is a message of its own (a letter without salutation).
        let end = bounds
            .first()
            .map_or(doc.text.len(), |b| doc.line_start(b.line));
        // It is the requester's when it asks in their words and letters follow it: a thread
        // pasted without its page header ("Hello, I am writing to ask for …").
        // So is a signed letter that asks outright, answered by a letter to a person ("… 9. How
        // much …? Yours faithfully, <name>" then "Dear Mr <name>").
        let body = &doc.text[start_of_body..end];
        let from_requester = !bounds.is_empty()
            && (asks_in_requester_voice(body)
                || (bounds[0].from_requester == Some(false)
                    && first_signoff(doc, start_of_body, end).is_some()
                    && (asks_outright(body) || asks_in_letter(body))));
        msgs.push(Msg {
            start: start_of_body,
            end,
            kind: MessageKind::Other,
            sender: None,
            date: None,
            quoted: false,
            from_requester,
            salutation: None,
            signoff: None,
            letter_salutation: None,
        });
    }
    for (k, b) in bounds.iter().enumerate() {
        let start = doc.line_start(b.line);
        let end = bounds
            .get(k + 1)
            .map_or(doc.text.len(), |n| doc.line_start(n.line));
        msgs.push(Msg {
            start,
            end,
            kind: MessageKind::Other,
            sender: b.sender.clone(),
            date: b.date,
            quoted: b.quoted,
            from_requester: b.from_requester.unwrap_or_else(|| {
                let body = &doc.text[start..end];
                // Signed with the name the page says made the request.
                header
                    .requester
                    .as_deref()
                    .is_some_and(|r| signed_by(body, r))
                    || asks_in_requester_voice(body)
                    // A letter among others (a whole text of one letter is a request and
                    // its answer pasted together, or a reply).
                    || (bounds.len() > 1 && b.salutation.is_some() && asks_in_letter(body))
                    // The thread's first letter, to "Sir or Madam", that asks its questions
                    // outright, answered by letters to a named person: the request.
                    || (k == 0
                        && bounds[1..].iter().any(|n| n.from_requester == Some(false))
                        && asks_outright(body))
            }),
            salutation: b.salutation,
            signoff: None,
            letter_salutation: None,
        });
    }
    for m in &mut msgs {
        m.signoff = first_signoff(doc, m.start, m.end);
        m.letter_salutation = m.salutation.or_else(|| {
            m.sender.as_ref()?;
            salutation_below_letterhead(doc, m.start, m.end)
        });
    }
    mark_repeats(doc, &mut msgs);
    if let Some(req) = &header.requester {
        for m in &mut msgs {
            if m.from_requester && m.sender.is_none() {
                m.sender = Some(req.clone());
            }
        }
    }
    Thread {
        header,
        msgs,
        furniture,
    }
}

/// A boundary at each known start that the text did not already find: the item's first line
/// is its sender, a date alone on the next line its date, and its salutation says who wrote
/// it ("Dear Some Council" is the requester writing).
fn add_known_starts(
    doc: &Doc,
    bounds: &mut Vec<Boundary>,
    starts: &[usize],
    requester: Option<&str>,
) {
    let n = doc.line_count();
    for &s in starts {
        let Some(first) = (s..n.min(s + 4)).find(|&l| !doc.is_blank(l)) else {
            continue;
        };
        if bounds
            .iter()
            .any(|b| b.line >= first && b.line <= first + 8)
        {
            continue;
        }
        let name = doc.line(first).trim();
        let sender =
            (name.len() <= 140 && find_dates(name, false).is_empty()).then(|| name.to_string());
        let mut date = None;
        let mut salutation = None;
        let mut from_requester = sender
            .as_deref()
            .zip(requester)
            .map(|(s, r)| s == r)
            .filter(|&r| r);
        for l in first + 1..n.min(first + 12) {
            let t = doc.line(l).trim();
            if t.is_empty() {
                continue;
            }
            let ds = find_dates(t, false);
            if date.is_none() && ds.len() == 1 && ds[0].end - ds[0].start + 12 >= t.len() {
                date = Some(ds[0].date);
                continue;
            }
            if let Some(c) = SALUTATION.captures(doc.line(l)) {
                let addressee = c[1].trim();
                salutation = Some(doc.line_start(l));
                if from_requester.is_none() {
                    from_requester = if addressee_is_org(addressee) {
                        Some(true)
                    } else if addressee_is_person(addressee) {
                        Some(false)
                    } else {
                        None
                    };
                }
                break;
            }
        }
        bounds.push(Boundary {
            line: first,
            quoted: false,
            sender,
            date,
            from_requester,
            salutation,
            header_lines: 0,
        });
    }
    bounds.sort_by_key(|b| b.line);
}

/// Looks above a salutation (not above `floor`) for a date line, and a name line above it.
/// Returns the line where the message starts, the name and the date.
fn dated_header_above(doc: &Doc, i: usize, floor: usize) -> (usize, Option<String>, Option<Date>) {
    let mut j = i;
    let prev_text = |j: &mut usize| -> Option<usize> {
        while *j > floor {
            *j -= 1;
            if !doc.is_blank(*j) {
                return Some(*j);
            }
        }
        None
    };
    let Some(dl) = prev_text(&mut j) else {
        return (i, None, None);
    };
    let l = doc.line(dl).trim();
    let ds = find_dates(l, false);
    if ds.len() != 1 || ds[0].end - ds[0].start + 12 < l.len() {
        return (i, None, None);
    }
    let date = Some(ds[0].date);
    let mut k = dl;
    if let Some(nl) = prev_text(&mut k) {
        let name = doc.line(nl).trim();
        let words = name.split_whitespace().count();
        if (1..=5).contains(&words)
            && name.len() < 60
            && !name.ends_with(['.', ',', ':'])
            // "Our ref: FoI/16/01127" is a field of the letterhead, not a name.
            && !name.contains(':')
            && !SIGNOFF.is_match(name)
            && name.starts_with(|c: char| c.is_uppercase())
        {
            return (nl, Some(name.to_string()), date);
        }
    }
    (dl, None, date)
}

/// The first words of a body's reply or acknowledgement, in the voice of the body answering:
/// thanks for the request, receipt of it, or the answer announced.
fn opens_reply(t: &str) -> bool {
    use crate::text::strip_prefix_fold;
    const OPENERS: [&str; 9] = [
        "thank you for your ",
        "thanks for your ",
        "we have received your ",
        "we received your ",
        "we acknowledge ",
        "in response to your ",
        "in reply to your ",
        "further to your ",
        "your request for information ",
    ];
    OPENERS.iter().any(|p| strip_prefix_fold(t, p).is_some())
}

/// Offset of the first sign-off line in `[start, end)`.
fn first_signoff(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let (a, b) = (
        doc.line_of(start),
        doc.line_of(end.saturating_sub(1).max(start)),
    );
    (a..=b)
        .find(|&i| {
            let t = doc.line(i).trim();
            t.len() < 40 && SIGNOFF.is_match(t)
        })
        .map(|i| doc.line_start(i))
}

/// A later message whose words largely repeat earlier ones is a quote of them. Linear: each
/// message's 3-word shingles (of its first 400 words) are looked up in those of all earlier
/// messages.
fn mark_repeats(doc: &Doc, msgs: &mut [Msg]) {
    let mut seen = ShingleSet::default();
    let last = msgs.len().saturating_sub(1);
    for (k, m) in msgs.iter_mut().enumerate() {
        // With nothing seen before it, the last message repeats nothing (a one-message reply
        // has no shingles to read at all); and nothing looks its shingles up afterwards.
        if k == last && seen.is_empty() {
            break;
        }
        let words: Vec<u64> = token_iter(doc.text, m.start, m.end)
            .take(400)
            .map(|t| word_hash(t.as_str(doc.text)))
            .collect();
        let shingles: Vec<u64> = words
            .windows(3)
            .map(|w| w[0].rotate_left(1) ^ w[1].rotate_left(17) ^ w[2].rotate_left(33))
            .collect();
        if !m.quoted && words.len() >= 20 && !shingles.is_empty() {
            let repeated = shingles.iter().filter(|h| seen.contains(h)).count();
            if repeated * 10 > shingles.len() * 8 {
                m.quoted = true;
            }
        }
        if k < last {
            seen.extend(shingles);
        }
    }
}

/// The set of shingles [`mark_repeats`] has seen. They are hashes already, so one
/// multiplication spreads them over the table: SipHash cost as much as reading the words.
type ShingleSet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<ShingleHasher>>;

#[derive(Default)]
struct ShingleHasher(u64);

impl std::hash::Hasher for ShingleHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// `"Information Governance Team <foi@x.gov.uk>"` → `Information Governance Team`.
fn clean_sender(s: &str) -> Option<String> {
    let s = s
        .split('<')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim();
    let s = s.split('[').next().unwrap_or("").trim();
    (!s.is_empty() && s.len() < 120).then(|| s.to_string())
}

/// A WhatDoTheyKnow correspondence header: `FOI, Some City Council` on a line of its own,
/// preceded by a blank line. The part after the comma must be the authority (when known) or
/// look like an organisation.
fn sender_line(doc: &Doc, i: usize, authority: Option<&str>) -> Option<String> {
    let t = doc.line(i).trim();
    if t.len() < 5 || t.len() > 140 || t.ends_with(['.', ',', ':', ';', '?']) {
        return None;
    }
    if i > 0 && !doc.is_blank(i - 1) {
        return None;
    }
    // An authority whose own name has a comma ("Ministry of Housing, Communities and Local
    // Government") is split off whole.
    let whole = authority
        .and_then(|a| t.strip_suffix(a))
        .and_then(|w| w.strip_suffix(", "));
    let (who, org) = match whole {
        Some(who) => (who, &t[who.len() + 2..]),
        None => t.split_once(", ")?,
    };
    // A team's name may carry its body's in brackets ("FOI Requests (Some Board - Information
    // Governance), Some Board"): the length and words are those outside the brackets.
    let bare = outside_brackets(who);
    if who.is_empty()
        || bare.len() > 60
        || (org.contains(", ") && whole.is_none())
        || bare.split_whitespace().count() > 5
    {
        return None;
    }
    // "On behalf of A Person, Chief Executive" is a signature, not a correspondence header.
    let first_who = who.split_whitespace().next().unwrap_or("");
    let first_org = org.split_whitespace().next().unwrap_or("");
    const NOT_SENDER: [&str; 8] = [
        "On", "For", "Signed", "Sent", "Yours", "Regards", "From", "Dear",
    ];
    const TITLES: [&str; 10] = [
        "Chief",
        "Head",
        "Director",
        "Deputy",
        "Assistant",
        "Senior",
        "Manager",
        "Officer",
        "Acting",
        "Interim",
    ];
    if NOT_SENDER.contains(&first_who) || TITLES.contains(&first_org) {
        return None;
    }
    let org_ok = match authority {
        Some(a) => same_org(org, a),
        None => {
            addressee_is_org(org)
                && org.split_whitespace().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(w, "of" | "and" | "for" | "the" | "on" | "upon" | "in")
                })
        }
    };
    org_ok.then(|| one_line(t))
}

/// The salutation of a letter below its sender's header and letterhead (address columns, "Our
/// Ref:", a title in capitals): the first salutation line before any line of prose, within
/// the message's first forty lines.
fn salutation_below_letterhead(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let (a, b) = (
        doc.line_of(start),
        doc.line_of(end.saturating_sub(1).max(start)),
    );
    for i in a..=b.min(a + 40) {
        let line = doc.line(i);
        if SALUTATION.is_match(line.trim_end()) {
            return Some(doc.line_start(i));
        }
        let t = line.trim();
        if t.len() > 90 || (t.len() > 40 && t.ends_with('.')) {
            return None;
        }
    }
    None
}

/// The text with each bracketed stretch ("(…)") left out.
fn outside_brackets(t: &str) -> String {
    let mut depth = 0usize;
    t.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// Whether a letter's sign-off ([`SIGNOFF`]: "Yours faithfully," and the like) is followed, on one of the next
/// three lines that hold text, by `name` alone.
fn signed_by(body: &str, name: &str) -> bool {
    let name = name.trim();
    if name.len() < 3 {
        return false;
    }
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.iter().enumerate().any(|(k, l)| {
        SIGNOFF.is_match(l)
            && lines[k + 1..]
                .iter()
                .take(3)
                .any(|n| n.eq_ignore_ascii_case(name))
    })
}

/// The header of a WhatDoTheyKnow request page: title, "X made this … request to Y", status.
fn page_header(doc: &Doc) -> PageHeader {
    let mut h = PageHeader::default();
    let mut first_text: Option<usize> = None;
    let limit = doc.line_count().min(25);
    let mut last = None;
    for i in 0..limit {
        let t = doc.line(i).trim();
        if t.is_empty() {
            continue;
        }
        if let Some(c) = made_request(t) {
            h.requester = Some(c[1].trim().to_string());
            h.authority = Some(c[2].trim().to_string());
            last = Some(i);
            continue;
        }
        // A long banner states its status in its first sentence ("Response to this request
        // is long overdue. Although not legally required to do so, we would have expected …").
        let t = match t.find(". ") {
            Some(k) if t.len() >= 160 => &t[..=k],
            _ => t,
        };
        if t.len() < 160 && may_be_page_status(t) && is_page_status(t) {
            if h.status.is_none()
                && !t
                    .to_ascii_lowercase()
                    .starts_with("this request has been closed")
            {
                h.status = Some(t.to_string());
            }
            last = Some(i);
            continue;
        }
        if SALUTATION.is_match(t) || HEADER_FIELD.is_match(t) {
            break;
        }
        if first_text.is_none() {
            first_text = Some(i);
        }
    }
    if let Some(l) = last {
        if let Some(f) = first_text.filter(|&f| f < l) {
            let title = doc.line(f).trim();
            if title.len() <= 200 {
                h.title = Some(title.to_string());
            }
        }
        h.end = doc.line_start((l + 1).min(doc.line_count() - 1));
        if l + 1 >= doc.line_count() {
            h.end = doc.text.len();
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page furniture check against the single pattern it was (kept here), on generated
    /// lines and every corpus line.
    #[test]
    fn page_furniture_is_the_old_pattern() {
        let old = crate::text::re(
            r"(?i)^(?:link to this|report|report this request|reply|follow|unfollow|download|download original attachment|view as html|share|hide|add an annotation|helpful annotations?|track this request|request an internal review|send a followup|see all attachments|\d+(?:\.\d+)?\s*[KM]B(?:\s+(?:download|view as html))*|[^\s/\\]{1,120}\.(?:pdf|docx?|xlsx?|csv|odt|ods|rtf|zip|msg|eml|png|jpe?g)\s*(?:\d+(?:\.\d+)?\s*[KM]B)?(?:\s+(?:download|view as html))*)$",
        );
        let pieces = [
            "report",
            "Download",
            "view as HTML",
            "54K",
            "1.5 MB",
            " ",
            "  ",
            "\t",
            ".",
            "..",
            ".pdf",
            ".PDF",
            ".docx",
            ".jpeg",
            ".jpg",
            ".xls",
            "file",
            "a",
            "é",
            "’",
            "/",
            "\\",
            "download",
            "x",
            "KB",
            "ſ",
            "\u{212A}B",
            "12",
            "Report this request",
        ];
        let mut r = crate::test_texts::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut lines: Vec<String> = (0..20_000)
            .map(|_| {
                (0..1 + r.below(7))
                    .map(|_| pieces[r.below(pieces.len())])
                    .collect()
            })
            .collect();
        for n in [119, 120, 121, 122] {
            lines.push(format!("{}.pdf", "a".repeat(n)));
            lines.push(format!("{}.pdf", "é".repeat(n)));
            lines.push(format!("{}.b.pdf 5K Download", "a".repeat(n)));
        }
        for text in crate::test_texts::files(&[
            "../shared/corpus/real-threads",
            "../shared/corpus/real-pages",
            "tests/layouts",
        ]) {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        let mut seen = 0;
        for t in &lines {
            let want = old.is_match(t);
            seen += usize::from(want);
            assert_eq!(is_page_furniture(t), want, "{t:?}");
        }
        assert!(seen > 100, "{seen}");
    }

    /// The hand-read quote headers and page status lines against the patterns they replaced.
    #[test]
    fn line_tests_match_their_patterns() {
        let quote_separator = crate::text::re(
            r"(?i)^\s*(?:-{2,}\s*(?:original message|forwarded message|forwarded by)|_{10,}\s*$|begin forwarded message|>>>.{0,200}>>>\s*$)",
        );
        let wrote = crate::text::re(r"(?i)^\s*On\b.{4,160}\bwrote:\s*$");
        let page_status = crate::text::re(
            r"(?i)^\s*(?:the request (?:was|is|has been) .{3,80}|this request has been .{3,120}|.{0,80} did not have the information requested\.?|awaiting (?:classification|response|internal review)\.?|long overdue\.?|delayed\.?|this request is .{3,80}|(?:the )?response to this request is .{3,80})\s*$",
        );
        let vocab = [
            "on",
            "On",
            "wrote:",
            "wrote",
            ":",
            "original message",
            "forwarded message",
            "forwarded by",
            "begin forwarded message",
            "begin",
            ">>>",
            ">>",
            ">",
            "--",
            "-----",
            "__________",
            "_____",
            "_",
            "the request ",
            "the request",
            "was ",
            "is ",
            "has been ",
            "this request has been ",
            "this request is ",
            "awaiting ",
            "classification",
            "response",
            "internal review",
            "long overdue",
            "delayed",
            " did not have the information requested",
            "the response to this request is ",
            "response to this request is ",
            "successful",
            ".",
            "\u{b}",
            "\u{c}",
            "\u{a0}",
            "me\u{17F}\u{17F}age",
        ];
        let mut texts = crate::test_texts::all(&vocab, 0x51ed_270b_2731_a3f1);
        // The repetitions' bounds, in ASCII and in two- and three-byte characters.
        for fill in ["a", " ", "é", "’", "\n"] {
            for n in [
                0, 1, 2, 3, 4, 5, 78, 79, 80, 81, 82, 118, 119, 120, 121, 122, 158, 159, 160, 161,
                162, 199, 200, 201,
            ] {
                let f = fill.repeat(n);
                texts.push(format!(">>>{f}>>>"));
                texts.push(format!("  >>>{f}>>> \t"));
                texts.push(format!("On {f} wrote:"));
                texts.push(format!("On{f}wrote:"));
                texts.push(format!(" on {f}x wrote: \u{b}"));
                texts.push(format!("The request was {f}"));
                texts.push(format!("The request has been {f} "));
                texts.push(format!("This request has been {f}"));
                texts.push(format!("the response to this request is {f}."));
                texts.push(format!("{f} did not have the information requested."));
                texts.push(format!("  {f} did not have the information requested \n"));
                texts.push(f.clone());
            }
        }
        let (mut seen_q, mut seen_w, mut seen_p) = (0, 0, 0);
        for t in &texts {
            let q = quote_separator.is_match(t);
            let w = wrote.is_match(t);
            let p = page_status.is_match(t);
            seen_q += usize::from(q);
            seen_w += usize::from(w);
            seen_p += usize::from(p);
            assert_eq!(is_quote_separator(t), q, "separator {t:?}");
            assert_eq!(is_wrote(t), w, "wrote {t:?}");
            assert_eq!(is_page_status(t), p, "status {t:?}");
        }
        assert!(
            seen_q > 100 && seen_w > 100 && seen_p > 100,
            "{seen_q} {seen_w} {seen_p}"
        );
    }

    #[test]
    fn orgs() {
        assert!(addressee_is_org("Some Borough Council"));
        assert!(addressee_is_org("FOI Team"));
        assert!(!addressee_is_org("Ms Patel"));
        assert!(!addressee_is_org("Sir/Madam"));
        assert!(same_org(
            "Kings-upon-Avon City Council",
            "kings upon avon city council"
        ));
        assert!(!same_org("A Council", "B Council"));
    }

    /// A batch request to a body outside FOI law, never answered: the authority without the
    /// batch note, the status from the long banner's first sentence, and the letter to "Sir/
    /// Madam" the requester's because the page's requester signs it.
    #[test]
    fn batch_request_long_overdue_unanswered() {
        let text = "Wait times\n\nJo Bloggs made this Freedom of Information request to Some Coroner \
                    as part of a batch sent to 40 authorities\n\
                    This request has been closed to new correspondence. Contact us if you think it should be reopened.\n\n\
                    Response to this request is long overdue. Although not legally required to do so, we \
                    would have expected Some Coroner to have responded by now (details). You can complain \
                    by requesting an internal review.\n\n\
                    Dear Sir/ Madam,\n\nI am writing about wait times.\n\n1. How many?\n\n\
                    Yours faithfully,\n\nJo Bloggs\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert_eq!(t.header.authority.as_deref(), Some("Some Coroner"));
        assert_eq!(
            t.header.status.as_deref(),
            Some("Response to this request is long overdue.")
        );
        assert_eq!(t.msgs.len(), 1, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester);
        assert!(signed_by(
            "Thanks.\nKind regards\n\nJo Bloggs\n",
            "Jo Bloggs"
        ));
        assert!(!signed_by(
            "Jo Bloggs asked us.\nYours sincerely\nFOI Team\n",
            "Jo Bloggs"
        ));
    }

    #[test]
    fn page_thread() {
        let text = "A title\n\nJo Bloggs made this Freedom of Information request to Some Borough Council\n\n\
                    The request was successful.\n\nDear Some Borough Council,\n\nQ1. How many?\n\nYours faithfully,\n\nJo Bloggs\n\n\
                    FOI, Some Borough Council\n\nDear Jo Bloggs\n\nQ1. How many? 23\n\nYours sincerely\n\nFOI Team\n\n\
                    show quoted sections\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert_eq!(t.header.title.as_deref(), Some("A title"));
        assert_eq!(t.header.requester.as_deref(), Some("Jo Bloggs"));
        assert_eq!(t.header.authority.as_deref(), Some("Some Borough Council"));
        assert_eq!(
            t.header.status.as_deref(),
            Some("The request was successful.")
        );
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester);
        assert!(!t.msgs[1].from_requester);
        assert_eq!(
            t.msgs[1].sender.as_deref(),
            Some("FOI, Some Borough Council")
        );
        assert_eq!(t.furniture.len(), 1);
    }

    #[test]
    fn sign_off_with_the_name_on_its_line() {
        let text = "Dear Some Police,\n\nHow many bicycles were never claimed?\n\n\
                    Yours faithfully, Sam Reyes\n\nSome Police\n\nDear S Reyes\n\n\
                    The cost of complying would exceed the limit.\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester);
        assert!(!t.msgs[1].from_requester);
        // A sign-off, never a sentence that opens with its words.
        assert!(SIGNOFF.is_match("Kind regards, Jo"));
        assert!(!SIGNOFF.is_match("Thank you, the figures are below"));
    }

    #[test]
    fn a_letter_to_sir_or_madam_is_a_request_by_its_words() {
        let text = "Dear Sir/Madam,\n\nI would like the following information under the \
                    Freedom of Information Act:\n\n1. How many rescues?\n\nKind regards,\n\n\
                    Hi Sam\n\nThank you for your request. We hold 14 records.\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert!(t.msgs[0].from_requester, "{:?}", t.msgs);
        assert!(
            t.msgs.iter().skip(1).all(|m| !m.from_requester),
            "{:?}",
            t.msgs
        );
        assert!(!asks_in_requester_voice(
            "Dear Sir/Madam, you requested the following information: the figures."
        ));
    }

    #[test]
    fn a_letter_asking_in_the_requesters_words_is_the_request() {
        // Dash asks without question marks after a long preamble, "Specifically, I ask for:",
        // answered by letters to "Sir" that never name the requester.
        let text = "Dear Sir/Madam,\n\nI read a report about hoardings.\n\nSpecifically, I ask \
                    for:\n\n- The number of hoardings consented by default\n- The details of \
                    each case\n\nYours faithfully,\n\nAdrian\n\nDear Sir\n\nThank you for \
                    your email. You will receive a reply within 20 working days.\n\nYours \
                    faithfully\n\nDear Sir\n\nThe council does not hold this information.\n";
        let t = split(&Doc::new(text));
        assert_eq!(t.msgs.len(), 3, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester, "{:?}", t.msgs);
        assert!(
            t.msgs[1..].iter().all(|m| !m.from_requester),
            "{:?}",
            t.msgs
        );
        // A reply that quotes the ask says "your request".
        assert!(!asks_in_letter(
            "Dear Sir, in your request you wrote: please could you tell me the figures."
        ));
    }

    #[test]
    fn a_reply_pasted_after_the_requesters_name_is_a_message() {
        let text = "Dear Some Borough Council,\nHow many ponds were filled in each year.\n\
                    Yours faithfully,\nA Writer\nThank you for your recent request. Our \
                    response is below.\n1. Ponds filled in\n2021 - 3\n";
        let t = split(&Doc::new(text));
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester && !t.msgs[1].from_requester);
        assert!(text[t.msgs[1].start..].starts_with("Thank you for your recent"));
        // Words that do not open a reply stay in the request: its postscript.
        let ps = text.replace("Thank you for your recent request.", "PS the years matter.");
        assert_eq!(split(&Doc::new(&ps)).msgs.len(), 1);
        assert!(opens_reply("Thank you for your information request"));
        assert!(!opens_reply("Thank you"));
        // To "Sir or Madam", with blank lines and the body's name above the reply, as
        // WhatDoTheyKnow prints a thread.
        let text = "Dear Sir or Madam,\n\nI am seeking the following information:\n\n\
                    The number of floods in 2020.\n\nMany thanks,\n\nA Writer\n\n\
                    Some Borough Council\n\nThank you for your enquiry received today. It \
                    has been logged as FOI 82.\n";
        let t = split(&Doc::new(text));
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(text[t.msgs[1].start..].starts_with("Thank you for your enquiry"));
    }

    #[test]
    fn a_first_letter_to_sir_or_madam_asking_outright_is_the_request() {
        let text = "Dear Sir or Madam,\n1. How many residents asked for large print?\n\n\
                    Yours faithfully,\n\ng price\n\nDear Mr. Price,\n\nThank you for your \
                    request. We will now consider it.\n\nYours sincerely,\n\nE Vaughan\n\n\
                    Dear Mr. Price,\n\nWe do not hold this information.\n";
        let t = split(&Doc::new(text));
        assert_eq!(t.msgs.len(), 3, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester, "{:?}", t.msgs);
        assert!(
            t.msgs[1..].iter().all(|m| !m.from_requester),
            "{:?}",
            t.msgs
        );
        // Without letters to a named person after it, the same words decide nothing.
        let alone = "Dear Sir or Madam,\n1. How many residents asked for large print?\n\n\
                     Yours faithfully,\n\ng price\n\nDear Sir or Madam,\n\nNone.\n";
        let t = split(&Doc::new(alone));
        assert!(!t.msgs[0].from_requester, "{:?}", t.msgs);
    }

    #[test]
    fn the_bodys_name_alone_after_the_request_heads_its_reply() {
        let text = "Dear Some Constabulary Council,\n1. Who is the lead?\n\nYours faithfully,\n\
                    A Writer\n\nSome Constabulary Council\n\nDate Received: 11/02/2020\n\n\
                    Your request will be handled within 20 working days.\n\n\
                    Some Constabulary Council\n\nQuestion 1\nResponse: The lead is the chair.\n";
        let t = split(&Doc::new(text));
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(t.msgs[0].from_requester);
        assert_eq!(
            t.msgs[1].sender.as_deref(),
            Some("Some Constabulary Council")
        );
        // The body's own signature ends with its name: no new message there.
        let signed = "Dear Some Trust,\nHow many beds?\n\nYours faithfully,\nA Writer\n\n\
                      FOI, Some Trust\n\nDear A Writer,\nWe have 40 beds.\n\nKind regards\n\n\
                      FOI Team\n\nSome Trust\n";
        let t = split(&Doc::new(signed));
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
    }

    #[test]
    fn page_header_with_an_anti_spam_notice_and_good_morning() {
        let text = "A title\n\nJo Bloggs made this Freedom of Information request to Some Fire \
                    Service Automatic anti-spam measures are in place for this older request. \
                    Please let us know if a further response is expected.\n\n\
                    Dear Some Fire Service,\n\nHow many rescues?\n\nYours faithfully,\n\nJo Bloggs\n\n\
                    Ann Lee, Some Fire Service\n\nGood Morning,\n\nYour request has been logged.\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert_eq!(t.header.authority.as_deref(), Some("Some Fire Service"));
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert_eq!(
            t.msgs[1].sender.as_deref(),
            Some("Ann Lee, Some Fire Service")
        );
    }

    #[test]
    fn email_reply_with_original() {
        let text = "From: Records Team <r@x.gov.uk>\nSent: 14 June 2022 10:02\nTo: A Person\nSubject: RE: request\n\n\
                    Dear A Person,\n\nAnswers below.\n\nKind regards,\nRecords Team\n\n-----Original Message-----\n\
                    From: A Person\nSent: 20 May 2022 16:45\nTo: FOI\nSubject: request\n\nDear Some Council,\n\n1) How many?\n\nYours faithfully,\nA Person\n";
        let doc = Doc::new(text);
        let t = split(&doc);
        assert_eq!(t.msgs.len(), 2, "{:?}", t.msgs);
        assert!(!t.msgs[0].quoted);
        assert_eq!(t.msgs[0].sender.as_deref(), Some("Records Team"));
        assert!(t.msgs[1].quoted);
        assert_eq!(t.msgs[1].sender.as_deref(), Some("A Person"));
        assert!(t.msgs[1].from_requester);
    }
}
