//! E-mail: one `.eml` message, or an `mbox` of several.
//!
//! MIME is read by `mail-parser` (multipart, quoted-printable, base64, RFC 2047 headers,
//! charsets, HTML-only bodies turned into text), which never fails and does its best on the odd
//! e-mails public bodies send. What this module adds is the shape the later stages read: each
//! message is written as the header block a mail client shows (`From:`, `Sent:`, `To:`,
//! `Subject:`) followed by its body, so the thread splitter finds its sender and date; each
//! attachment that holds text (a Word letter, a spreadsheet, a PDF, a text file) is decoded by
//! [`super::read`] and follows the body as part of the same message; an attached e-mail follows as
//! a forwarded message.

use std::io::Cursor;

use mail_parser::mailbox::mbox::MessageIterator;
use mail_parser::{Address, DateTime, Message, MessageParser, MimeHeaders, PartType};

use super::limits::breach;
pub use super::mail_sniff::{is_mbox, looks_like_email};
use super::{read_member, Ctx, Out};
use crate::model::{Diagnostic, Level};

/// MIME parts in the raw message, counted by their `Content-Type` header lines: a cheap bound
/// checked before parsing, so an e-mail of a million parts is refused at once.
fn count_parts(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.len() >= 13 && l[..13].eq_ignore_ascii_case(b"content-type:"))
        .count()
}

fn parse<'a>(bytes: &'a [u8], ctx: &Ctx) -> Result<Message<'a>, Diagnostic> {
    let parts = count_parts(bytes);
    let max = ctx.budget.limits.max_mime_parts;
    if parts > max {
        return Err(breach(
            "too-many-parts",
            format!("This e-mail has {parts} MIME parts; at most {max} are read (a malformed or hostile message). It was not read."),
        ));
    }
    MessageParser::default().parse(bytes).ok_or_else(|| {
        breach(
            "unreadable-email",
            "This looks like an e-mail, but no message could be read from it.".into(),
        )
    })
}

/// Reads one `.eml`.
pub fn read(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
    let msg = parse(bytes, ctx)?;
    write_message(&msg, ctx, out);
    Ok(())
}

/// Reads an mbox. The messages are written newest first, as a mail client shows a thread when
/// replying: the latest reply on top, earlier messages below it (which the thread splitter
/// reads as quoted earlier correspondence). Returns the number of messages read.
pub fn read_mbox(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<usize, Diagnostic> {
    let mut raws: Vec<Vec<u8>> = Vec::new();
    for m in MessageIterator::new(Cursor::new(bytes)) {
        let Ok(m) = m else { break };
        if raws.len() >= ctx.budget.limits.max_items {
            ctx.note(
                Level::Warning,
                "too-many-messages",
                format!(
                    "The mailbox has more than {} messages; the rest were not read.",
                    raws.len()
                ),
            );
            break;
        }
        raws.push(m.unwrap_contents());
    }
    let mut msgs: Vec<(i64, usize, Message)> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        match parse(raw, ctx) {
            Ok(m) => msgs.push((m.date().map_or(i64::MIN, DateTime::to_timestamp), i, m)),
            Err(d) => ctx.note(
                Level::Warning,
                d.code,
                format!("message {} was not read: {}", i + 1, d.message),
            ),
        }
    }
    // Newest first; messages without a date keep their place relative to the file order.
    msgs.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    if let [(_, _, m)] = &msgs[..] {
        write_message(m, ctx, out);
        return Ok(1);
    }
    for (_, i, m) in &msgs {
        out.end_paragraph();
        out.part("message", format!("message {}", i + 1), |o| {
            write_message(m, ctx, o)
        });
    }
    Ok(msgs.len())
}

fn write_message(msg: &Message, ctx: &mut Ctx, out: &mut Out) {
    out.end_paragraph();
    if let Some(from) = msg.from().and_then(address) {
        out.line(&format!("From: {from}"));
    }
    if let Some(d) = msg.date() {
        out.line(&format!("Sent: {}", date(d)));
    }
    if let Some(to) = msg.to().and_then(address) {
        out.line(&format!("To: {to}"));
    }
    if let Some(s) = msg.subject() {
        out.line(&format!("Subject: {}", one_line(s)));
    }
    out.end_paragraph();
    let body_start = out.text.len();
    out.part("body", "message body".into(), |o| {
        for i in 0..msg.text_body_count() {
            if let Some(t) = msg.body_text(i) {
                o.end_paragraph();
                o.push(t.trim_end());
            }
        }
    });
    if out.text[body_start..].trim().is_empty() && msg.attachment_count() == 0 {
        ctx.note(
            Level::Info,
            "no-body",
            "The e-mail has no text body.".into(),
        );
    }
    for (n, part) in msg.attachments().enumerate() {
        let n = n + 1;
        let inner = match &part.body {
            PartType::Message(m) => Some(m),
            _ => None,
        };
        let name = part
            .attachment_name()
            .map(one_line)
            .or_else(|| {
                inner.map(|m| match m.subject() {
                    Some(s) => format!("e-mail \"{}\"", one_line(s)),
                    None => "e-mail".into(),
                })
            })
            .unwrap_or_else(|| "unnamed".into());
        let label = format!("attachment {n}: {name}");
        match &part.body {
            PartType::Message(inner) => {
                if ctx.budget.enter().is_err() {
                    ctx.note(
                        Level::Warning,
                        "too-deep",
                        format!(
                            "{label} (an e-mail inside an e-mail, nested too deep) was not read."
                        ),
                    );
                    continue;
                }
                out.end_paragraph();
                out.part("attachment", label, |o| {
                    o.line("-----Forwarded message-----");
                    write_message(inner, ctx, o);
                });
                ctx.budget.leave();
            }
            _ => {
                let image = part
                    .content_type()
                    .is_some_and(|t| t.ctype().eq_ignore_ascii_case("image"));
                let tnef = part.content_type().is_some_and(|t| {
                    t.subtype()
                        .is_some_and(|s| s.eq_ignore_ascii_case("ms-tnef"))
                });
                if tnef {
                    ctx.note(
                        Level::Warning,
                        "tnef-attachment",
                        format!("{label} is an Outlook TNEF wrapper (winmail.dat): the files inside it are not read. Ask the sender to send them again as ordinary attachments."),
                    );
                    continue;
                }
                if image {
                    ctx.note(
                        Level::Info,
                        "image-attachment",
                        format!("{label} is an image; text in images is not read (no OCR)."),
                    );
                    continue;
                }
                read_member(part.contents(), "attachment", label, ctx, out);
            }
        }
    }
}

/// `Name <address>`, `Name`, or `address`, for the first address of a field.
fn address(a: &Address) -> Option<String> {
    let first = a.first()?;
    let name = first.name().map(one_line).filter(|n| !n.is_empty());
    let addr = first.address().map(one_line).filter(|n| !n.is_empty());
    match (name, addr) {
        (Some(n), Some(a)) => Some(format!("{n} <{a}>")),
        (Some(n), None) => Some(n),
        (None, Some(a)) => Some(a),
        (None, None) => None,
    }
}

/// The date as a mail client shows it (`14 June 2022 10:02`), which the date reader knows.
fn date(d: &DateTime) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS
        .get(usize::from(d.month).wrapping_sub(1))
        .copied()
        .unwrap_or("January");
    format!(
        "{} {} {} {:02}:{:02}",
        d.day, month, d.year, d.hour, d.minute
    )
}

/// Header text on one line (folded headers and stray line breaks joined).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
