//! PDF with a text layer, page by page (the CLI; the page uses PDF.js instead).
//!
//! Read with `pdf-extract` over `lopdf`, chosen by measured quality on the real PDF replies in
//! WhatDoTheyKnow's fixtures (README "PDF"): it keeps lines and reading order, where `lopdf`'s own
//! `extract_text` runs a page's lines together and splits words. Each page is one part of the
//! source map (`page 3`). A PDF whose pages carry no text is a scan: it gets a message saying so,
//! since OCR is not done. `pdf-extract` has open panic reports on malformed files, so in builds
//! that unwind (the CLI) a panic inside it becomes "this PDF could not be read" instead of
//! losing the file.

use pdf_extract::{output_doc_page, Document, PlainTextOutput};

use super::limits::breach;
use super::{Ctx, Out};
use crate::model::{Diagnostic, Level};

pub fn read(bytes: &[u8], ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
    let max_pages = ctx.budget.limits.max_pages;
    let pages = guarded(|| pages(bytes, max_pages))?;
    let pages = pages?;
    let total = pages.len();
    let mut with_text = 0;
    for (i, text) in pages.into_iter().enumerate() {
        let text = tidy(&text);
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

/// The text of each page, or why the PDF cannot be read.
fn pages(bytes: &[u8], max_pages: usize) -> Result<Vec<String>, Diagnostic> {
    let mut doc = Document::load_mem(bytes).map_err(|e| unreadable(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(breach(
            "encrypted",
            "This PDF is password-protected and cannot be read.".into(),
        ));
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.len() > max_pages {
        return Err(breach(
            "too-many-pages",
            format!(
                "This PDF has {} pages; at most {max_pages} are read.",
                numbers.len()
            ),
        ));
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

fn unreadable(why: &str) -> Diagnostic {
    breach(
        "damaged-pdf",
        format!("This PDF is damaged and could not be read ({why}). Open it and save it again, or copy its text and paste it here."),
    )
}

/// Runs `f`, turning a panic into a message where panics unwind.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Diagnostic> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| unreadable("the PDF reader failed on its structure"))
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
