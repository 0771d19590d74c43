//! Which reader an input needs, told from its first bytes without reading it. Compiled in every
//! build, so that a build without a reader still names the format and, in the page, asks for the
//! module that reads it: the page's start-up module reads text, CSV and Windows-1252; e-mail,
//! Word, Excel, OpenDocument, zip and HTML come from the on-demand *formats* module, PDF from
//! PDF.js.

use super::{mail_sniff, sniff_binary_format, text, Magic};

/// A reader that this build lacks, for an input that needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// E-mail, mbox, zip (Word, Excel, OpenDocument, WhatDoTheyKnow's zip) or HTML: the page's
    /// formats module (the `email`, `office` and `html` features).
    Formats,
    /// PDF: the page's PDF.js (the CLI has the `pdf` feature).
    Pdf,
}

impl Reader {
    /// `formats` or `pdf`.
    pub fn name(self) -> &'static str {
        match self {
            Reader::Formats => "formats",
            Reader::Pdf => "pdf",
        }
    }
}

/// The reader `bytes` need that this build lacks, or `None` when this build reads them itself
/// (or refuses them whatever the build: an image, an old Office file). Decided by content, as
/// [`super::decode`] decides: the magic bytes, an e-mail's header block, an HTML page's tags.
pub fn reader_needed(bytes: &[u8]) -> Option<Reader> {
    match sniff_binary_format(bytes) {
        Some(Magic::Pdf) if !cfg!(feature = "pdf") => return Some(Reader::Pdf),
        Some(Magic::Zip) if !(cfg!(feature = "office") && cfg!(feature = "zip")) => {
            return Some(Reader::Formats)
        }
        Some(_) => return None,
        None => {}
    }
    if !cfg!(feature = "email")
        && (mail_sniff::is_mbox(bytes) || mail_sniff::looks_like_email(bytes))
    {
        return Some(Reader::Formats);
    }
    if !cfg!(feature = "html") && head_looks_like_html(bytes) {
        return Some(Reader::Formats);
    }
    None
}

/// [`looks_like_html`] on the first few KB, decoded as [`super::decode`] would decode them.
fn head_looks_like_html(bytes: &[u8]) -> bool {
    // An even length, so that UTF-16 is not cut inside a unit.
    let head = &bytes[..bytes.len().min(8192) & !1];
    // A page starts with `<` once any BOM and white space are skipped; cheap to rule out.
    let start = head.iter().position(|&b| {
        !matches!(
            b,
            b' ' | b'\t' | b'\r' | b'\n' | 0 | 0xEF | 0xBB | 0xBF | 0xFE | 0xFF
        )
    });
    if start.is_none_or(|i| head[i] != b'<') {
        return false;
    }
    text::decode_text(head).is_ok_and(|t| looks_like_html(&t.text))
}

/// Whether decoded text is an HTML document or fragment rather than text that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // Every form below starts with `<`; a letter need not be copied to learn it does not.
    if !text.starts_with('<') {
        return false;
    }
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && head[1..].starts_with(|c: char| c.is_ascii_alphabetic())
            && (head.contains("<body") || head.contains("<head")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_and_refused_files_need_no_other_reader() {
        for b in [
            &b"Dear Sir,\n1. How many?\n"[..],
            b"a,b\n1,2\n",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"",
        ] {
            assert_eq!(reader_needed(b), None, "{:?}", String::from_utf8_lossy(b));
        }
    }

    #[test]
    fn the_full_build_reads_everything_itself() {
        // The CLI and `cargo test` build every reader.
        if cfg!(all(
            feature = "pdf",
            feature = "office",
            feature = "email",
            feature = "html"
        )) {
            for b in [
                &b"%PDF-1.7\n"[..],
                b"PK\x03\x04",
                b"From: a@b\nMessage-ID: <x@y>\n\nHi\n",
                b"<!doctype html><p>x",
            ] {
                assert_eq!(reader_needed(b), None);
            }
        }
    }

    #[test]
    fn html_is_told_from_its_head() {
        assert!(head_looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(head_looks_like_html(b"<div><head></head><body>"));
        assert!(!head_looks_like_html(b"Dear Sir, <b> is a tag"));
        assert!(!head_looks_like_html(b"<not a page>"));
        let utf16: Vec<u8> = "\u{feff}<html><body>x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(head_looks_like_html(&utf16));
    }
}
