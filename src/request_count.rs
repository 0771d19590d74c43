//! How many separate requests a paste seems to hold.
//!
//! The pipeline reads one input as one request and its correspondence. A paste of many threads
//! (several WhatDoTheyKnow request pages copied one after another, or a whole mailbox) is then
//! silently merged into one thread: the questions of one request are matched with the answers of
//! another, and the thread's dates and outcome mean nothing. This stage counts the requests by
//! signs that each request carries exactly once, so that a long single thread is never counted
//! as several, and the pipeline warns (`many-requests`) when there is more than one:
//!
//! - a WhatDoTheyKnow page header, `<requester> made this … request to <authority>`, under the
//!   request's title: distinct headers are distinct requests (a page pasted twice is one);
//! - raw e-mail headers (a mailbox, or `.eml` files run together): messages are joined into
//!   threads by `Message-ID`, `In-Reply-To` and `References`, and by the same subject once
//!   `Re:`/`Fwd:` prefixes are dropped; each thread is a request.
//!
//! Quoted lines (`> …`) are never counted: a reply quoting a request's header is the same request.
//! One pass over the lines; only lines that start like one of these headers are looked at closely.

use crate::messages::MADE_REQUEST;
use crate::model::{Diagnostic, Level, Span};
use crate::text::Doc;

/// Separate requests found, by the sign that found them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestCount {
    /// Distinct WhatDoTheyKnow request headers.
    pub pages: usize,
    /// Separate e-mail threads (raw headers joined by message ids and subjects).
    pub mail_threads: usize,
    /// The first line of the second request, in normalised-text offsets, when there is one.
    pub second: Option<(usize, usize)>,
}

impl RequestCount {
    /// How many requests the text seems to hold (at least one).
    pub fn requests(&self) -> usize {
        self.pages.max(self.mail_threads).max(1)
    }
}

/// Counts the requests of `doc` by both signs.
pub fn count(doc: &Doc) -> RequestCount {
    let pages = page_headers(doc);
    let threads = mail_threads(doc);
    let second = if pages.len() >= threads.len() {
        pages.get(1).copied()
    } else {
        threads.get(1).copied()
    };
    RequestCount {
        pages: pages.len(),
        mail_threads: threads.len(),
        second: second.map(|i| doc.line_range(i)),
    }
}

/// The `many-requests` warning when `doc` seems to hold more than one request; its span is the
/// first line of the second request (normalised-text offsets, for the pipeline to map).
pub fn diagnostic(doc: &Doc) -> Option<Diagnostic> {
    let c = count(doc);
    let n = c.requests();
    if n < 2 {
        return None;
    }
    let basis = if c.pages >= c.mail_threads {
        format!("{} WhatDoTheyKnow request pages", c.pages)
    } else {
        format!("{} separate e-mail threads", c.mail_threads)
    };
    Some(Diagnostic {
        level: Level::Warning,
        code: "many-requests",
        message: format!(
            "This text seems to hold {n} separate requests ({basis}), analysed here as one thread: \
             the questions of one request may be matched with the answers of another. Save each \
             request as its own file and analyse them together as a batch (several files at once), \
             which gives one analysis per request."
        ),
        span: c.second.map(|(s, e)| Span::new(s, e)),
    })
}

/// The first line (title, else the header line) of each distinct WhatDoTheyKnow request header.
fn page_headers(doc: &Doc) -> Vec<usize> {
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    let mut firsts = Vec::new();
    let mut last_line = usize::MAX;
    for (at, _) in doc.text.match_indices(" made this ") {
        let i = doc.line_of(at);
        if i == last_line {
            continue;
        }
        last_line = i;
        let line = doc.line(i).trim();
        if line.starts_with('>') || !MADE_REQUEST.is_match(line) {
            continue;
        }
        let title_line = (i.saturating_sub(3)..i).rev().find(|&j| !doc.is_blank(j));
        let title = title_line.map_or("", |j| doc.line(j).trim());
        if seen.insert((title, line)) {
            firsts.push(title_line.unwrap_or(i));
        }
    }
    firsts
}

/// One raw e-mail header block that has a `Message-ID`.
struct MailHeader {
    /// Its first line.
    line: usize,
    id: String,
    /// Ids of the messages it replies to.
    refs: Vec<String>,
    subject: String,
}

/// The first line of the first message of each e-mail thread.
fn mail_threads(doc: &Doc) -> Vec<usize> {
    let headers = mail_headers(doc);
    if headers.len() < 2 {
        return headers.iter().map(|h| h.line).collect();
    }
    // Union-find over the header blocks: joined by a shared id or the same subject.
    let mut parent: Vec<usize> = (0..headers.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_key: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let subject = (!h.subject.is_empty()).then_some(h.subject.as_str());
        for key in std::iter::once(h.id.as_str())
            .chain(h.refs.iter().map(String::as_str))
            .chain(subject)
        {
            match by_key.get(key) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    by_key.insert(key, i);
                }
            }
        }
    }
    (0..headers.len())
        .filter(|&i| root(&mut parent, i) == i)
        .map(|i| headers[i].line)
        .collect()
}

/// Whether `line` starts with the header `name` (followed by a colon), in any case.
fn header_value<'t>(line: &'t str, name: &str) -> Option<&'t str> {
    let n = name.len();
    (line.len() > n && line.as_bytes()[n] == b':' && line[..n].eq_ignore_ascii_case(name))
        .then(|| line[n + 1..].trim())
}

/// Lines above or below a `Message-ID` line still looked at for the rest of its header block.
const BLOCK_LINES: usize = 200;

/// The header blocks with a `Message-ID` line, in text order.
fn mail_headers(doc: &Doc) -> Vec<MailHeader> {
    let mut out = Vec::new();
    let lines = doc.line_count();
    let mut i = 0;
    while i < lines {
        let line = doc.line(i);
        let is_id = matches!(line.as_bytes().first(), Some(b'M' | b'm'))
            && header_value(line, "message-id").is_some();
        if !is_id {
            i += 1;
            continue;
        }
        // The block: the non-blank lines around it.
        let mut first = i;
        while first > 0 && i - first < BLOCK_LINES && !doc.is_blank(first - 1) {
            first -= 1;
        }
        let mut end = i + 1;
        while end < lines && end - i < BLOCK_LINES && !doc.is_blank(end) {
            end += 1;
        }
        let mut h = MailHeader {
            line: first,
            id: String::new(),
            refs: Vec::new(),
            subject: String::new(),
        };
        let mut field = "";
        for j in first..end {
            let l = doc.line(j);
            let continued = l.starts_with([' ', '\t']);
            let value = if continued {
                l.trim()
            } else if let Some((name, v)) = l.split_once(':') {
                field = name;
                v.trim()
            } else {
                field = "";
                continue;
            };
            if field.eq_ignore_ascii_case("message-id") {
                if let Some(id) = message_ids(value).next() {
                    h.id = id.to_string();
                }
            } else if field.eq_ignore_ascii_case("in-reply-to")
                || field.eq_ignore_ascii_case("references")
            {
                h.refs.extend(message_ids(value).map(str::to_string));
            } else if field.eq_ignore_ascii_case("subject") && !continued {
                h.subject = thread_subject(value);
            }
        }
        if !h.id.is_empty() && starts_a_message(doc, first) {
            out.push(h);
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether the header block at line `first` is a message of its own rather than one nested in
/// another (a forwarded or bounced message, an `message/rfc822` attachment, which carry their
/// own `Message-ID`): it starts the text, or starts with a mailbox's `From ` separator line or
/// with a header that only the receiving server adds (`Delivered-To`, `X-Original-To`).
fn starts_a_message(doc: &Doc, first: usize) -> bool {
    if (0..first).all(|i| doc.is_blank(i)) {
        return true;
    }
    let line = doc.line(first);
    is_mbox_separator(line)
        || header_value(line, "delivered-to").is_some()
        || header_value(line, "x-original-to").is_some()
}

/// A mailbox (mbox) separator: `From sender@example.org Mon Jun  3 10:00:00 2024`.
fn is_mbox_separator(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("From")
        && line.starts_with("From ")
        && words.next().is_some()
        && words
            .next()
            .is_some_and(|day| ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(&day))
}

/// The `<…>` message ids in a header value.
fn message_ids(value: &str) -> impl Iterator<Item = &str> {
    value
        .split('<')
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(id, _)| id.trim()))
        .filter(|id| !id.is_empty())
}

/// A subject as its thread shares it: without `Re:`, `Fwd:`, `[tags]`, case or spacing.
fn thread_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let before = s;
        for prefix in [
            "re:", "re :", "fw:", "fwd:", "aw:", "sv:", "tr:", "re-", "re –",
        ] {
            if s.len() >= prefix.len()
                && s.is_char_boundary(prefix.len())
                && s[..prefix.len()].eq_ignore_ascii_case(prefix)
            {
                s = s[prefix.len()..].trim_start();
            }
        }
        if s.starts_with('[') {
            if let Some(end) = s.find(']') {
                s = s[end + 1..].trim_start();
            }
        }
        if s == before {
            break;
        }
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requests(text: &str) -> usize {
        count(&Doc::new(text)).requests()
    }

    fn page(title: &str, requester: &str, authority: &str) -> String {
        format!(
            "{title}\n\n{requester} made this Freedom of Information request to {authority}\n\n\
             Dear {authority},\nPlease send me the figures.\nYours faithfully,\n{requester}\n\n"
        )
    }

    #[test]
    fn distinct_request_pages_are_counted() {
        let text = [
            page("Bins", "A Person", "Some Council"),
            page("Roads", "A Person", "Some Council"),
            page("Bins", "B Person", "Other Council"),
        ]
        .concat();
        let doc = Doc::new(&text);
        let c = count(&doc);
        assert_eq!(c.pages, 3);
        let (s, e) = c.second.unwrap();
        assert_eq!(&text[s..e], "Roads");
        let d = diagnostic(&doc).unwrap();
        assert_eq!(d.code, "many-requests");
        assert_eq!(d.level, Level::Warning);
        assert!(d.message.contains("3 separate requests"), "{}", d.message);
        assert!(d.message.contains("batch"), "{}", d.message);
    }

    #[test]
    fn one_page_pasted_twice_or_quoted_is_one_request() {
        let one = page("Bins", "A Person", "Some Council");
        assert_eq!(requests(&one), 1);
        assert_eq!(requests(&format!("{one}{one}")), 1);
        let quoted = format!("{one}> Roads\n>\n> B Person made this Freedom of Information request to Other Council\n");
        assert_eq!(requests(&quoted), 1);
        assert!(diagnostic(&Doc::new(&one)).is_none());
        assert_eq!(requests("No header at all.\n"), 1);
    }

    fn mail(id: &str, reply_to: Option<&str>, subject: &str) -> String {
        let irt = reply_to.map_or(String::new(), |r| format!("In-Reply-To: <{r}>\n"));
        format!(
            "From someone@example.org Mon Jun  3 10:00:00 2024\nFrom: someone@example.org\nDate: Mon, 3 Jun 2024 10:00:00 +0100\n\
             Message-ID: <{id}>\n{irt}Subject: {subject}\n\nDear Sir,\nA body.\n\n"
        )
    }

    #[test]
    fn mail_threads_are_joined_by_ids_and_subjects() {
        let text = [
            mail("a1@x", None, "Freedom of Information request - Bins"),
            mail("a2@y", Some("a1@x"), "Your reference 1234"),
            mail(
                "a3@y",
                None,
                "RE: Fwd: Freedom of Information request -  bins",
            ),
            mail("b1@x", None, "Freedom of Information request - Roads"),
            mail("c1@x", None, "[EXTERNAL] Re: Parking"),
            mail("c2@z", None, "Parking"),
        ]
        .concat();
        let c = count(&Doc::new(&text));
        assert_eq!(c.mail_threads, 3, "{c:?}");
        assert_eq!(c.requests(), 3);
    }

    #[test]
    fn nested_messages_are_not_counted() {
        // A bounce or a forwarded attachment: a second header block inside the first message.
        let text = format!(
            "{}--boundary\nContent-Type: message/rfc822\n\nReturn-Path: <x@y>\nMessage-ID: <n2@y>\nSubject: Other\n\nBody.\n",
            mail("n1@x", None, "Mail delivery failed")
        );
        assert_eq!(count(&Doc::new(&text)).mail_threads, 1);
        assert!(is_mbox_separator(
            "From MAILER-DAEMON Thu Jan 01 15:56:20 2009"
        ));
        assert!(!is_mbox_separator("From the figures held, we can say"));
        assert!(!is_mbox_separator("From: someone@example.org"));
    }

    #[test]
    fn references_are_read_across_folded_lines() {
        let text = format!(
            "{}From x@y Tue Jun  4 10:00:00 2024\nMessage-ID: <r2@x>\nReferences: <r0@x>\n <r1@x>\nSubject: other\n\nBody.\n",
            mail("r1@x", None, "first")
        );
        assert_eq!(count(&Doc::new(&text)).mail_threads, 1);
    }

    #[test]
    fn subjects_lose_reply_prefixes_and_tags() {
        assert_eq!(
            thread_subject("RE: Fw: [OFFICIAL]  Bins  Collection"),
            "bins collection"
        );
        assert_eq!(thread_subject("Re – Request"), "request");
        assert_eq!(header_value("Message-Id: <x>", "message-id"), Some("<x>"));
        assert_eq!(header_value("Message-Idx: <x>", "message-id"), None);
    }
}
