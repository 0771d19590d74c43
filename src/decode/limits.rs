//! Limits that protect the user's tab and machine from hostile or broken files.
//!
//! A reply is a few pages of text; a file that would inflate to gigabytes (a zip bomb), nest
//! parts inside parts without end, or hold thousands of MIME parts is not a reply. Every decoder
//! asks the [`Budget`] before it does work that grows with the input, and a breach becomes a
//! message in words (a [`Diagnostic`]) instead of a crash, a hang or an exhausted tab.

use crate::model::{Diagnostic, Level};

/// The limits of one decode. The defaults are generous for real replies (the largest FOI
/// reply seen is a few MB of text) and small enough for a browser tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes inflated from all compressed members together (zip, docx, xlsx, PDF streams).
    pub max_inflated: usize,
    /// Largest ratio of inflated to compressed size of one member; zip bombs are 1000:1 and
    /// more, while text and XML compress 5–20:1 and a sheet of empty cells up to ~100:1.
    pub max_ratio: u64,
    /// How deep containers may nest (an e-mail attached in an e-mail in a zip …).
    pub max_depth: usize,
    /// MIME parts of one e-mail, counted over all its nested multiparts.
    pub max_mime_parts: usize,
    /// Pages of one PDF, members of one zip, sheets × rows of one workbook are each capped by
    /// this count of items.
    pub max_items: usize,
    /// Pages of one PDF.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_inflated: 200 * 1024 * 1024,
            max_ratio: 250,
            max_depth: 8,
            max_mime_parts: 500,
            max_items: 100_000,
            max_pages: 2_000,
        }
    }
}

/// What one decode has spent of its [`Limits`].
#[derive(Debug, Clone)]
pub struct Budget {
    pub limits: Limits,
    inflated: usize,
    depth: usize,
}

impl Budget {
    pub fn new(limits: Limits) -> Self {
        Budget {
            limits,
            inflated: 0,
            depth: 0,
        }
    }

    /// Inflated bytes still allowed.
    pub fn inflate_room(&self) -> usize {
        self.limits.max_inflated.saturating_sub(self.inflated)
    }

    /// Records `n` inflated bytes.
    pub fn spend_inflated(&mut self, n: usize) -> Result<(), Diagnostic> {
        self.inflated = self.inflated.saturating_add(n);
        if self.inflated > self.limits.max_inflated {
            return Err(breach(
                "too-large-inflated",
                format!(
                    "This file unpacks to more than {} MB; it was not read further (a zip bomb, or not a reply).",
                    self.limits.max_inflated / (1024 * 1024)
                ),
            ));
        }
        Ok(())
    }

    /// Enters one level of nesting (a member, an attachment); [`Budget::leave`] undoes it.
    pub fn enter(&mut self) -> Result<(), Diagnostic> {
        if self.depth >= self.limits.max_depth {
            return Err(breach(
                "too-deep",
                format!(
                    "Files are nested more than {} deep (an attachment inside an attachment …); the innermost were not read.",
                    self.limits.max_depth
                ),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// How deep the current read is (1 for the file itself).
    pub fn depth(&self) -> usize {
        self.depth
    }
}

/// An error diagnostic for a breached limit or an unreadable file.
pub fn breach(code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        level: Level::Error,
        code,
        message,
        span: None,
    }
}
