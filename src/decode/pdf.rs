//! PDF with a text layer, page by page.
//!
//! Two readers feed the same writer ([`write_pages`]): in the CLI, `pdf-extract` over `lopdf`
//! (feature `pdf`), chosen by measured quality on the real PDF replies in WhatDoTheyKnow's
//! fixtures (README "PDF"): it keeps lines and reading order, where `lopdf`'s own `extract_text`
//! runs a page's lines together and splits words. In the page, PDF.js (far smaller than lopdf
//! in wasm, and already built for the browser) reads the pages and hands their text in
//! ([`Supplied`]): the decoder takes it in the order it meets the PDFs (the input itself, or
//! attachments and zip members).
//!
//! Each page is one part of the source map (`page 3`). A PDF whose pages carry no text is a
//! scan: it gets a message saying so, since OCR is not done. `pdf-extract` has open panic
//! reports on malformed files, so in builds that unwind (the CLI) a panic inside it becomes
//! "this PDF could not be read" instead of losing the file.

use super::limits::breach;
use super::{Ctx, Out};
use crate::model::{Diagnostic, Level};

/// Page text read outside this build for one PDF: the pages separated by form feeds (`\f`, as
/// `pdftotext` writes them), or, for a PDF the outside reader could not read, a NUL followed by
/// why: `damaged`, `encrypted`, `too-many-pages:N` (N pages) or `timeout`. The wording of each
/// message is the decoder's, the same in the page as in the CLI.
pub type Supplied = String;

/// Writes the pages of one PDF (already read to text) as parts `page 1`, `page 2` …; a PDF with
/// no text on any page is refused as a scan.
pub fn write_pages<'a>(
    pages: impl IntoIterator<Item = &'a str>,
    ctx: &mut Ctx,
    out: &mut Out,
) -> Result<(), Diagnostic> {
    let mut total = 0;
    let mut with_text = 0;
    for (i, text) in pages.into_iter().enumerate() {
        total += 1;
        let text = tidy(text);
        if text.trim().is_empty() {
            continue;
        }
        with_text += 1;
        out.end_paragraph();
        out.part("page", format!("page {}", i + 1), |o| o.push(&text));
    }
    if with_text == 0 {
        return Err(breach(
            "pdf-no-text",
            "This PDF has no text layer (a scanned image); OCR is not supported.".into(),
        ));
    }
    if with_text < total {
        ctx.note(
            Level::Info,
            "pdf-pages-without-text",
            format!("{} of the PDF's {total} pages have no text layer (scanned images?); they were not read.", total - with_text),
        );
    }
    Ok(())
}

/// Reads one PDF from text supplied by an outside reader (see [`Supplied`]).
pub fn read_supplied(supplied: &str, ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
    if let Some(why) = supplied.strip_prefix('\0') {
        return Err(match why.split_once(':') {
            _ if why == "encrypted" => encrypted(),
            Some(("too-many-pages", n)) => too_many_pages(n.parse().unwrap_or(0), ctx),
            _ if why == "timeout" => breach(
                "pdf-timeout",
                "This PDF took too long to read and was not read further (a damaged or hostile file). Open it and copy its text instead.".into(),
            ),
            _ => unreadable(if why.is_empty() || why == "damaged" {
                "its structure is broken"
            } else {
                why
            }),
        });
    }
    let max = ctx.budget.limits.max_pages;
    let n = supplied.split('\x0c').count();
    if n > max {
        return Err(too_many_pages(n, ctx));
    }
    write_pages(supplied.split('\x0c'), ctx, out)
}

fn encrypted() -> Diagnostic {
    breach(
        "encrypted",
        "This PDF is password-protected and cannot be read.".into(),
    )
}

fn too_many_pages(n: usize, ctx: &Ctx) -> Diagnostic {
    let max = ctx.budget.limits.max_pages;
    breach(
        "too-many-pages",
        format!("This PDF has {n} pages; at most {max} are read."),
    )
}

fn unreadable(why: &str) -> Diagnostic {
    breach(
        "damaged-pdf",
        format!("This PDF is damaged and could not be read ({why}). Open it and save it again, or copy its text and paste it here."),
    )
}

/// Page text with trailing spaces cut and runs of blank lines shortened to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out
}

/// The CLI's reader: `pdf-extract`.
#[cfg(feature = "pdf")]
pub mod extract {
    use pdf_extract::{output_doc_page, Document, PlainTextOutput};

    use super::{encrypted, too_many_pages, unreadable, write_pages};
    use crate::decode::{Ctx, Out};
    use crate::model::Diagnostic;

    pub fn read(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
        let pages = guarded(|| pages(bytes, ctx))??;
        write_pages(pages.iter().map(String::as_str), ctx, out)
    }

    /// The text of each page, or why the PDF cannot be read.
    fn pages(bytes: &[u8], ctx: &Ctx) -> Result<Vec<String>, Diagnostic> {
        let mut doc = Document::load_mem(bytes).map_err(|e| unreadable(&e.to_string()))?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(encrypted());
        }
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        if numbers.len() > ctx.budget.limits.max_pages {
            return Err(too_many_pages(numbers.len(), ctx));
        }
        let mut out = Vec::with_capacity(numbers.len());
        for n in numbers {
            let mut s = String::new();
            let mut dev = PlainTextOutput::new(&mut s);
            // A page that cannot be read is left empty; the others go on.
            let _ = output_doc_page(&doc, &mut dev, n);
            out.push(s);
        }
        Ok(out)
    }

    /// Runs `f`, turning a panic into a message where panics unwind.
    fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Diagnostic> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
            .map_err(|_| unreadable("the PDF reader failed on its structure"))
    }
}
