//! Stage 1: bytes → text, whatever form the reply arrived in.
//!
//! A user drops whatever they have: a plain-text paste, an e-mail saved from their mail client
//! (`.eml`, or an `mbox` of a thread), a Word letter, a spreadsheet of answers, a PDF, a
//! WhatDoTheyKnow page saved from the browser, or WhatDoTheyKnow's "download all correspondence"
//! zip. The decoder is picked by **content** — magic bytes, then the structure inside (the
//! members of a zip, the header block of an e-mail, the tags of a page) — never by the file name,
//! since a `.docx` saved as `.txt` is still a Word file.
//!
//! Every decoder writes the text the later stages already read (e-mail headers as a `From:` /
//! `Sent:` block, table rows as `| cell | cell |` lines, list numbers as the `1.` Word draws)
//! into one [`Out`], and records in a source map ([`SourcePart`]) which part, page, sheet or
//! attachment each stretch came from. Containers read their members through [`read`] again, so an
//! `.eml` with the answer in an attached `.docx` becomes one thread; a member that cannot be read
//! becomes a warning naming it, and the rest goes on. [`limits`] protect the tab from hostile
//! files (zip bombs, endless nesting, thousands of MIME parts).
//!
//! Decoders of formats that need a sizeable dependency are behind cargo features (`email`,
//! `zip`, `office`, `html`, `pdf`); without one, the format is still recognised and named in the
//! message, and [`reader_needed`] tells the page which of its on-demand modules reads it. PDFs
//! can also be read outside the decoder (the page's PDF.js) and their text handed in with
//! [`Options::pdf_texts`]; a build without the `pdf` reader lists the PDFs it met
//! ([`Options::collect_pdfs`]) so that the caller can read them and decode again.

mod limits;
mod mail_sniff;
pub mod pdf;
mod sniff;
mod text;
pub mod transfer;

#[cfg(feature = "office")]
mod docx;
#[cfg(feature = "email")]
mod email;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "office")]
mod odf;
mod sheet;
#[cfg(feature = "office")]
mod xml;
#[cfg(feature = "zip")]
mod zip;

pub use limits::{Budget, Limits};
pub use sniff::{reader_needed, Reader};
pub use text::windows_1252;

use crate::model::{Diagnostic, Level, SourcePart, Span};

/// The decoded text of an input, with where each stretch came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252` for text read from bytes;
    /// `utf-8` for formats that carry their own encoding (e-mail, Word, PDF …).
    pub encoding: &'static str,
    /// What the input was: see [`Format::name`].
    pub format: &'static str,
    /// The source map: which part, page, sheet or attachment each stretch of `text` came from.
    /// Empty for plain text (all of it came from the input).
    pub parts: Vec<SourcePart>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Largest input read, in bytes. A 50 MB paste is well within it; beyond it a browser tab or a
/// batch job would be at risk, so the input is refused with a message instead.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// The formats the decoder tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Email,
    Mbox,
    Html,
    /// A WhatDoTheyKnow request page saved from the browser.
    WdtkPage,
    Docx,
    Odt,
    Xlsx,
    Ods,
    Csv,
    Pdf,
    Zip,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::Text,
        Format::Email,
        Format::Mbox,
        Format::Html,
        Format::WdtkPage,
        Format::Docx,
        Format::Odt,
        Format::Xlsx,
        Format::Ods,
        Format::Csv,
        Format::Pdf,
        Format::Zip,
    ];

    /// The name in `source.format` of the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Email => "email",
            Format::Mbox => "mbox",
            Format::Html => "html",
            Format::WdtkPage => "wdtk-page",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Csv => "csv",
            Format::Pdf => "pdf",
            Format::Zip => "zip",
        }
    }
}

/// Text being written by the decoders, with its source map.
#[derive(Debug, Default)]
pub struct Out {
    pub text: String,
    pub parts: Vec<SourcePart>,
}

impl Out {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Writes `s` and a line end.
    pub fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    /// Ends the current paragraph: the text ends with one blank line (nothing at the start).
    pub fn end_paragraph(&mut self) {
        if self.text.is_empty() {
            return;
        }
        while !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// Runs `f`, recording what it wrote as one part of the source map.
    pub fn part<R>(
        &mut self,
        kind: &'static str,
        label: String,
        f: impl FnOnce(&mut Out) -> R,
    ) -> R {
        let start = self.text.len();
        let at = self.parts.len();
        let r = f(self);
        let end = self.text.trim_end().len().max(start);
        if end > start {
            self.parts.insert(
                at,
                SourcePart {
                    kind,
                    label,
                    span: Span::new(start, end),
                },
            );
        }
        r
    }
}

/// State shared by the decoders of one input: the limits and the notes made on the way.
#[derive(Debug)]
pub struct Ctx {
    pub budget: Budget,
    pub diagnostics: Vec<Diagnostic>,
    /// The encoding of the outermost text, when the input was text.
    encoding: Option<&'static str>,
    /// PDF text read outside the decoder, one per PDF in the order they are met.
    pdf_texts: Vec<pdf::Supplied>,
    /// PDFs met so far.
    pdfs_met: usize,
    /// Whether to keep the PDFs that this build cannot read (see [`Options::collect_pdfs`]).
    #[cfg_attr(feature = "pdf", allow(dead_code))]
    collect_pdfs: bool,
    pdfs: Vec<Vec<u8>>,
}

impl Ctx {
    fn new(options: Options) -> Ctx {
        Ctx {
            budget: Budget::new(options.limits),
            diagnostics: Vec::new(),
            encoding: None,
            pdf_texts: options.pdf_texts,
            pdfs_met: 0,
            collect_pdfs: options.collect_pdfs,
            pdfs: Vec::new(),
        }
    }

    pub fn note(&mut self, level: Level, code: &'static str, message: String) {
        self.diagnostics.push(Diagnostic {
            level,
            code,
            message,
            span: None,
        });
    }
}

/// Decodes `bytes` to text with the default [`Limits`], or says why it could not.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    decode_with(bytes, Limits::default())
}

/// Decodes `bytes` to text within `limits`, or says why it could not.
pub fn decode_with(bytes: &[u8], limits: Limits) -> Result<Decoded, Diagnostic> {
    decode_opts(
        bytes,
        Options {
            limits,
            ..Options::default()
        },
    )
    .result
}

/// How to decode, beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// The text of PDFs read outside the decoder (by the page's PDF.js), one entry per PDF in the
    /// order the decoder meets them: the input itself when it is a PDF, otherwise its attached
    /// or zipped PDFs in document order. See [`pdf::Supplied`] for the form of each. Used in
    /// builds without the `pdf` reader.
    pub pdf_texts: Vec<pdf::Supplied>,
    /// In a build without the `pdf` reader, keep the bytes of each PDF met beyond `pdf_texts`
    /// (in [`Outcome::pdfs`]) so that the caller can read them and decode again with their text.
    pub collect_pdfs: bool,
}

/// What [`decode_opts`] gives.
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<Decoded, Diagnostic>,
    /// The PDFs this build could not read, in the order met (with [`Options::collect_pdfs`]).
    pub pdfs: Vec<Vec<u8>>,
}

/// Decodes `bytes` with `options`.
pub fn decode_opts(bytes: &[u8], options: Options) -> Outcome {
    let mut ctx = Ctx::new(options);
    let result = decode_ctx(bytes, &mut ctx);
    Outcome {
        result,
        pdfs: ctx.pdfs,
    }
}

fn decode_ctx(bytes: &[u8], ctx: &mut Ctx) -> Result<Decoded, Diagnostic> {
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
    let mut out = Out::default();
    let format = read(bytes, ctx, &mut out)?;
    if out.text.trim().is_empty() {
        let why: Vec<String> = ctx
            .diagnostics
            .iter()
            .filter(|d| d.level > Level::Info)
            .map(|d| d.message.clone())
            .collect();
        let message = match format {
            Format::Text => "The input holds only white space: there is no text to analyse.".into(),
            f if why.is_empty() => format!("No text could be read from this {} file.", f.name()),
            f => format!(
                "No text could be read from this {} file. {}",
                f.name(),
                why.join(" ")
            ),
        };
        return Err(error("empty-input", message));
    }
    if format == Format::Text {
        if let Some(note) = markup_note(&out.text) {
            ctx.note(Level::Warning, "markup-input", note);
        }
    }
    Ok(Decoded {
        text: out.text,
        encoding: ctx.encoding.unwrap_or("utf-8"),
        format: format.name(),
        parts: out.parts,
        diagnostics: std::mem::take(&mut ctx.diagnostics),
    })
}

/// Reads one file (the input, an attachment, a zip member) into `out`, choosing the decoder by
/// its content.
pub fn read(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<Format, Diagnostic> {
    ctx.budget.enter()?;
    let r = read_sniffed(bytes, ctx, out);
    ctx.budget.leave();
    r
}

/// Reads a member of a container as one part of the source map. A member that cannot be read
/// is left out with a warning naming it; the rest of the container goes on.
pub fn read_member(bytes: &[u8], kind: &'static str, label: String, ctx: &mut Ctx, out: &mut Out) {
    let before = out.text.len();
    out.end_paragraph();
    let r = out.part(kind, label.clone(), |o| read(bytes, ctx, o));
    if let Err(d) = r {
        out.text.truncate(before);
        out.parts.retain(|p| p.span.start < before);
        ctx.note(
            Level::Warning,
            d.code,
            format!("{label} was not read: {}", d.message),
        );
    }
}

fn read_sniffed(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<Format, Diagnostic> {
    if bytes.is_empty() {
        return Err(error("empty-input", "It is empty.".into()));
    }
    match sniff_binary_format(bytes) {
        Some(Magic::Pdf) => return read_pdf(bytes, ctx, out),
        Some(Magic::Zip) => return read_zip(bytes, ctx, out),
        Some(kind) => return Err(error("binary-input", kind.message())),
        None => {}
    }
    #[cfg(feature = "email")]
    {
        if email::is_mbox(bytes) {
            // One message after a `From ` line is an .eml as some clients save it.
            return Ok(match email::read_mbox(bytes, ctx, out)? {
                1 => Format::Email,
                _ => Format::Mbox,
            });
        }
        if email::looks_like_email(bytes) {
            email::read(bytes, ctx, out)?;
            return Ok(Format::Email);
        }
    }
    #[cfg(not(feature = "email"))]
    if mail_sniff::looks_like_email(bytes) || mail_sniff::is_mbox(bytes) {
        ctx.note(
            Level::Warning,
            "email-as-text",
            "This is a saved e-mail; this build of foi-analyser does not read e-mail files, so it was read as plain text and encoded parts may appear as code. Open the e-mail and paste its text for a better reading.".into(),
        );
    }
    let plain = text::decode_text(bytes)?;
    if ctx.budget.depth() == 1 {
        ctx.encoding = Some(plain.encoding);
    }
    ctx.diagnostics.extend(plain.diagnostics);
    #[cfg(feature = "html")]
    {
        if html::looks_like_html(&plain.text) {
            return Ok(html::read(&plain.text, ctx, out));
        }
    }
    if let Some(table) = sheet::csv_table(&plain.text) {
        sheet::write_rows(&table, out);
        return Ok(Format::Csv);
    }
    out.push(&plain.text);
    Ok(Format::Text)
}

/// A PDF: its text handed in from outside when there is some, else the `pdf` reader, else
/// (kept for the caller when collecting) a message.
fn read_pdf(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<Format, Diagnostic> {
    let n = ctx.pdfs_met;
    ctx.pdfs_met += 1;
    if let Some(text) = ctx.pdf_texts.get(n) {
        let text = text.clone();
        pdf::read_supplied(&text, ctx, out)?;
        return Ok(Format::Pdf);
    }
    read_pdf_here(bytes, ctx, out)
}

#[cfg(feature = "pdf")]
fn read_pdf_here(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<Format, Diagnostic> {
    pdf::extract::read(bytes, ctx, out)?;
    Ok(Format::Pdf)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf_here(bytes: &[u8], ctx: &mut Ctx, _: &mut Out) -> Result<Format, Diagnostic> {
    if ctx.collect_pdfs {
        ctx.pdfs.push(bytes.to_vec());
        return Err(error(
            "pdf-not-read-yet",
            "This PDF is read by the page's PDF reader.".into(),
        ));
    }
    Err(error("unsupported-format", "This file is a PDF document. This build of foi-analyser does not read PDF files: open it, select all the text, and paste it here.".into()))
}

#[cfg(feature = "zip")]
fn read_zip(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<Format, Diagnostic> {
    let archive = zip::Archive::open(bytes)?;
    #[cfg(feature = "office")]
    {
        if archive.has("word/document.xml") {
            docx::read(&archive, ctx, out)?;
            return Ok(Format::Docx);
        }
        if archive.has("xl/workbook.xml") {
            sheet::read_xlsx(&archive, ctx, out)?;
            return Ok(Format::Xlsx);
        }
        if let Some(kind) = odf::kind(&archive, ctx)? {
            return odf::read(kind, &archive, ctx, out);
        }
    }
    zip::read_thread(&archive, ctx, out)?;
    Ok(Format::Zip)
}

#[cfg(not(feature = "zip"))]
fn read_zip(_: &[u8], _: &mut Ctx, _: &mut Out) -> Result<Format, Diagnostic> {
    Err(error("unsupported-format", Magic::Zip.message()))
}

fn error(code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        level: Level::Error,
        code,
        message,
        span: None,
    }
}

/// Formats recognised by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Magic {
    Pdf,
    Zip,
    OleDocument,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Gzip,
    Other,
}

impl Magic {
    fn message(self) -> String {
        let what = match self {
            Magic::Pdf => "a PDF document",
            Magic::Zip => "a zip archive (a Word .docx, an Excel .xlsx or a .zip). This build of foi-analyser does not read them: open the document, copy its text, and paste it here",
            Magic::OleDocument => "an old-style Microsoft Office file (.doc, .xls or Outlook .msg). Open it and save it as .docx, .xlsx or .eml, or copy its text and paste it here",
            Magic::Png | Magic::Jpeg | Magic::Gif | Magic::Tiff => "an image. Text inside images (scans, screenshots) cannot be read: OCR is not supported",
            Magic::Gzip => "a compressed (gzip) file. Uncompress it first",
            Magic::Other => "a binary file, not text",
        };
        format!("This file is {what}.")
    }
}

pub(crate) fn sniff_binary_format(b: &[u8]) -> Option<Magic> {
    const SIGNATURES: &[(&[u8], Magic)] = &[
        (b"%PDF-", Magic::Pdf),
        (b"PK\x03\x04", Magic::Zip),
        (b"PK\x05\x06", Magic::Zip),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Magic::OleDocument),
        (b"\x89PNG\r\n\x1a\n", Magic::Png),
        (b"\xFF\xD8\xFF", Magic::Jpeg),
        (b"GIF87a", Magic::Gif),
        (b"GIF89a", Magic::Gif),
        (b"II*\x00", Magic::Tiff),
        (b"MM\x00*", Magic::Tiff),
        (b"\x1F\x8B", Magic::Gzip),
    ];
    for (sig, kind) in SIGNATURES {
        if b.starts_with(sig) {
            return Some(*kind);
        }
    }
    // A PDF may start after a few bytes of junk; readers accept %PDF within the first KB.
    let head = &b[..b.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") && head.iter().filter(|&&c| c >= 0x80).count() > 0 {
        return Some(Magic::Pdf);
    }
    if b.len() >= 2
        && !(b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF"))
        && text::unmarked_utf16(b).is_none()
    {
        let sample = &b[..b.len().min(4096)];
        let nul = sample.iter().filter(|&&c| c == 0).count();
        if nul * 50 > sample.len() {
            return Some(Magic::Other);
        }
    }
    None
}

/// A note when plain text is RTF or HTML markup read as text.
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
