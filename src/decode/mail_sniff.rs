//! Telling a saved e-mail from a pasted one, by its header block. Compiled in every build, so
//! that a build without the `email` reader can still say what the file is.

/// Header fields that a mail program writes and a person pasting a reply does not: one of them
/// in the opening header block tells a saved e-mail from a pasted one.
const MACHINE_FIELDS: &[&str] = &[
    "mime-version",
    "received",
    "message-id",
    "return-path",
    "content-type",
    "delivered-to",
    "dkim-signature",
    "content-transfer-encoding",
    "x-mailer",
    "thread-index",
    "bcc",
    "reply-to",
    "envelope-to",
    "in-reply-to",
    "references",
];

/// An RFC 5322 header block at the start: `Name: value` lines (continuations indented) up to a
/// blank line, with at least two fields, one of them written only by mail software.
pub fn looks_like_email(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let mut fields = 0;
    let mut machine = false;
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty()
            || name.len() > 76
            || !name
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return false;
        }
        fields += 1;
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        let value = String::from_utf8_lossy(&line[colon + 1..]);
        let value = value.trim();
        if fields == 1 && (name == "content-type" || name == "mime-version") {
            // A bare MIME entity: its first line is its type.
            return true;
        }
        machine |= MACHINE_FIELDS.contains(&name.as_str())
            || name.starts_with("x-")
            || name.starts_with("content-")
            || value.contains("=?")
            || (name == "date" && rfc5322_date(value));
    }
    fields >= 2 && machine
}

/// `Tue, 13 Nov 2007 11:39:55 +0000`: the date form mail software writes (a person pasting
/// writes `Sent: 13 November 2007 11:39`).
fn rfc5322_date(v: &str) -> bool {
    let zone = v.rsplit(' ').next().unwrap_or("");
    let numeric = zone.len() == 5
        && zone.starts_with(['+', '-'])
        && zone[1..].bytes().all(|b| b.is_ascii_digit());
    numeric || matches!(zone, "GMT" | "UT" | "UTC")
}

/// An mbox: the `From ` separator line, then a message's header block.
pub fn is_mbox(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"From ") {
        return false;
    }
    let Some(nl) = bytes.iter().position(|&b| b == b'\n') else {
        return false;
    };
    looks_like_email(&bytes[nl + 1..])
}
