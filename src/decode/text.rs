//! Plain text: bytes → characters.
//!
//! Users paste or save replies in whatever their mail client produced: UTF-8 with or without a
//! byte-order mark, UTF-16 from Windows tools, or Windows-1252 from older Outlook exports. The
//! decoder never fails on text: bytes that are not valid UTF-8 are read as Windows-1252, one byte
//! per character, so a single stray `0x92` apostrophe does not turn the rest of a reply into
//! replacement characters. It refuses only what is not text at all (binary files), naming what it
//! found so the user knows what to do instead.

use crate::model::{Diagnostic, Level};

/// Text decoded from bytes, with the encoding it was read in.
#[derive(Debug, Clone)]
pub struct Plain {
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes` as text, or says why it is not text.
pub fn decode_text(bytes: &[u8]) -> Result<Plain, Diagnostic> {
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
    let mut diagnostics = Vec::new();
    if encoding == "windows-1252" {
        diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "encoding-fallback",
            message: "Some bytes were not valid UTF-8 and were read as Windows-1252.".into(),
            span: None,
        });
    }
    Ok(Plain {
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

/// UTF-16 without a byte-order mark: ASCII text in it has a zero byte in every other place.
/// Returns `Some(true)` for little-endian, `Some(false)` for big-endian.
pub(super) fn unmarked_utf16(b: &[u8]) -> Option<bool> {
    let sample = &b[..b.len().min(4096) & !1];
    // Both answers need NUL bytes in at least 35% of the sample: text has none.
    if sample.len() < 8 || !sample.contains(&0) {
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

#[cfg(test)]
mod tests {
    use crate::decode::decode;

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
