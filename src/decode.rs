//! Stage 1: bytes → text.
//!
//! Users paste or save replies in whatever their mail client produced: UTF-8 with or without a
//! byte-order mark, UTF-16 from Windows tools, or Windows-1252 from older Outlook exports. The
//! decoder never fails on text: bytes that are not valid UTF-8 are read as Windows-1252, one byte
//! per character, so a single stray `0x92` apostrophe does not turn the rest of a reply into
//! replacement characters. It refuses only what is not text at all (empty input, binary files),
//! naming what it found so the user knows what to do instead.

use crate::model::{Diagnostic, Level};

/// The decoded text of an input.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

/// Largest input read, in bytes. A 50 MB paste is well within it; beyond it a browser tab or a
/// batch job would be at risk, so the input is refused with a message instead.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// Decodes `bytes` as text, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(error(
            "too-large",
            format!(
                "The input is {} MB; the largest input read is {} MB. Split it into separate replies.",
                bytes.len() / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    if bytes.is_empty() {
        return Err(error(
            "empty-input",
            "The input is empty: there is no text to analyse.".into(),
        ));
    }
    if let Some(kind) = sniff_binary_format(bytes) {
        return Err(error("binary-input", kind.message()));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_with_fallback(rest).0, "utf-8-bom")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes), "utf-16le")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes), "utf-16be")
    } else if let Some(le) = unmarked_utf16(bytes) {
        if le {
            (utf16(bytes, u16::from_le_bytes), "utf-16le")
        } else {
            (utf16(bytes, u16::from_be_bytes), "utf-16be")
        }
    } else {
        let (text, fell_back) = utf8_with_fallback(bytes);
        if fell_back && looks_random(bytes) {
            return Err(error(
                "binary-input",
                "This does not look like text: its bytes look random (a compressed or encrypted file?). \
                 Paste the text of the reply, or save it as plain text."
                    .into(),
            ));
        }
        (text, if fell_back { "windows-1252" } else { "utf-8" })
    };
    if looks_binary(text.as_bytes()) {
        return Err(error(
            "binary-input",
            "This does not look like text: it is mostly control characters (a binary file?). \
             Paste the text of the reply, or save it as plain text."
                .into(),
        ));
    }
    if text.trim().is_empty() {
        return Err(error(
            "empty-input",
            "The input holds only white space: there is no text to analyse.".into(),
        ));
    }
    let mut diagnostics = Vec::new();
    if encoding == "windows-1252" {
        diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "encoding-fallback",
            message: "Some bytes were not valid UTF-8 and were read as Windows-1252.".into(),
            span: None,
        });
    }
    if let Some(note) = markup_note(&text) {
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            code: "markup-input",
            message: note,
            span: None,
        });
    }
    Ok(Decoded {
        text,
        encoding,
        diagnostics,
    })
}

fn error(code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        level: Level::Error,
        code,
        message,
        span: None,
    }
}

/// Formats recognised by their first bytes, so the message can say what the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinaryKind {
    Pdf,
    Zip,
    OleDocument,
    Png,
    Jpeg,
    Gif,
    Gzip,
    Other,
}

impl BinaryKind {
    fn message(self) -> String {
        let what = match self {
            BinaryKind::Pdf => "a PDF document. Reading PDF files is not supported yet: open it, select all the text, and paste it here",
            BinaryKind::Zip => "a zip archive (a Word .docx, an Excel .xlsx or a .zip). Reading these files is not supported yet: open the document, copy its text, and paste it here",
            BinaryKind::OleDocument => "an old-style Microsoft Office file (.doc or .xls). Open it, copy its text, and paste it here",
            BinaryKind::Png | BinaryKind::Jpeg | BinaryKind::Gif => "an image. Text inside images (scans, screenshots) cannot be read: OCR is not supported",
            BinaryKind::Gzip => "a compressed (gzip) file. Uncompress it first",
            BinaryKind::Other => "a binary file, not text",
        };
        format!("This file is {what}.")
    }
}

fn sniff_binary_format(b: &[u8]) -> Option<BinaryKind> {
    const SIGNATURES: &[(&[u8], BinaryKind)] = &[
        (b"%PDF-", BinaryKind::Pdf),
        (b"PK\x03\x04", BinaryKind::Zip),
        (b"PK\x05\x06", BinaryKind::Zip),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", BinaryKind::OleDocument),
        (b"\x89PNG\r\n\x1a\n", BinaryKind::Png),
        (b"\xFF\xD8\xFF", BinaryKind::Jpeg),
        (b"GIF87a", BinaryKind::Gif),
        (b"GIF89a", BinaryKind::Gif),
        (b"\x1F\x8B", BinaryKind::Gzip),
    ];
    for (sig, kind) in SIGNATURES {
        if b.starts_with(sig) {
            return Some(*kind);
        }
    }
    // A PDF may start after a few bytes of junk; readers accept %PDF within the first KB.
    let head = &b[..b.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") && head.iter().filter(|&&c| c >= 0x80).count() > 0 {
        return Some(BinaryKind::Pdf);
    }
    if b.len() >= 2
        && !(b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF"))
        && unmarked_utf16(b).is_none()
    {
        let sample = &b[..b.len().min(4096)];
        let nul = sample.iter().filter(|&&c| c == 0).count();
        if nul * 50 > sample.len() {
            return Some(BinaryKind::Other);
        }
    }
    None
}

/// UTF-16 without a byte-order mark: ASCII text in it has a zero byte in every other place.
/// Returns `Some(true)` for little-endian, `Some(false)` for big-endian.
fn unmarked_utf16(b: &[u8]) -> Option<bool> {
    let sample = &b[..b.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&c| c == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&c| c == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 20 < pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

fn utf16(b: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = b.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Valid UTF-8 sequences are kept; every other byte is read as Windows-1252.
/// Returns the text and whether any byte needed the fallback.
fn utf8_with_fallback(mut b: &[u8]) -> (String, bool) {
    let mut out = String::with_capacity(b.len());
    let mut fell_back = false;
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.push_str(s);
                return (out, fell_back);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY of the slice: `valid_up_to` bytes are valid UTF-8.
                out.push_str(std::str::from_utf8(&b[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(b.len() - good).max(1);
                for &byte in &b[good..good + bad] {
                    out.push(windows_1252(byte));
                }
                fell_back = true;
                b = &b[good + bad..];
            }
        }
    }
}

/// The Windows-1252 character for one byte (0x80–0x9F differ from Latin-1).
pub fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Bytes that are not UTF-8 and not like any Windows-1252 text: real text in that encoding is
/// mostly ASCII letters with a few accented or punctuation bytes, while compressed or encrypted
/// data has bytes of every value (about half above 0x7F, one in eight a control byte).
fn looks_random(b: &[u8]) -> bool {
    let sample = &b[..b.len().min(8192)];
    if sample.len() < 64 {
        return false;
    }
    let high = sample.iter().filter(|&&c| c >= 0x80).count();
    let control = sample
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    high * 100 > sample.len() * 30 || control * 100 > sample.len() * 3
}

/// Mostly control characters (other than tab, newline, carriage return, form feed, escape).
fn looks_binary(b: &[u8]) -> bool {
    let sample = &b[..b.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 10 > sample.len()
}

/// A note when the text is HTML or RTF markup, read as plain text for now.
fn markup_note(text: &str) -> Option<String> {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("{\\rtf") {
        Some("This is an RTF document; it was read as plain text, so formatting codes may appear in answers.".into())
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
    {
        Some(
            "This is an HTML page; it was read as plain text, so markup may appear in answers."
                .into(),
        )
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"Q1. Yes", "Q1. Yes", "utf-8"),
            (b"\xEF\xBB\xBFQ1. \xC2\xA3450", "Q1. £450", "utf-8-bom"),
            (b"\xFF\xFEQ\x001\x00", "Q1", "utf-16le"),
            (b"\xFE\xFF\x00Q\x001", "Q1", "utf-16be"),
            (
                b"Authority\x92s \xA3450",
                "Authority’s £450",
                "windows-1252",
            ),
            (
                b"mixed \xE2\x80\x99 and \x92",
                "mixed ’ and ’",
                "windows-1252",
            ),
            (
                b"Q\x001\x00.\x00 \x00Y\x00e\x00s\x00",
                "Q1. Yes",
                "utf-16le",
            ),
        ];
        for (input, text, enc) in cases {
            let d = decode(input).unwrap();
            assert_eq!(d.text, *text, "{input:?}");
            assert_eq!(d.encoding, *enc, "{input:?}");
        }
    }

    /// Bytes of every value, in a scrambled order (what a .7z or encrypted file looks like).
    const RANDOM: [u8; 512] = {
        let mut a = [0u8; 512];
        let mut i = 0;
        let mut x: u32 = 12345;
        while i < 512 {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            a[i] = (x >> 16) as u8;
            i += 1;
        }
        a
    };

    #[test]
    fn refusals_name_what_was_found() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"", "empty-input", "empty"),
            (b"  \r\n\t ", "empty-input", "white space"),
            (b"%PDF-1.4\n%\xE2\xE3\xCF\xD3", "binary-input", "PDF"),
            (b"PK\x03\x04\x14\x00", "binary-input", "zip"),
            (b"\x89PNG\r\n\x1a\n\x00\x00", "binary-input", "image"),
            (
                b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10",
                "binary-input",
                "binary",
            ),
            (&RANDOM, "binary-input", "random"),
        ];
        for (input, code, word) in cases {
            let e = decode(input).unwrap_err();
            assert_eq!(e.code, *code, "{input:?}");
            assert!(e.message.contains(word), "{} lacks {word}", e.message);
        }
    }
}
