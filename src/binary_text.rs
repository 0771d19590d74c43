//! Refusal of text that is a binary file's bytes pasted, or read, as text.
//!
//! [`crate::decode`] refuses binary *files* by their bytes. A paste cannot be caught that way:
//! the browser (or whatever tool read the file as UTF-8) has already turned every invalid byte
//! into U+FFFD REPLACEMENT CHARACTER, so what arrives is valid UTF-8, mostly `�` and control
//! characters, with no lines of words. Analysed as a reply, such noise got questions, an
//! exemption and an outcome, and a 2 MB paste took seconds in the page. This stage looks at a
//! bounded sample of the decoded text, in one pass, and lets the pipeline refuse it with the same
//! `binary-input` error as a binary file.
//!
//! Both signs must be there, so that no real reply is refused: many replacement or control
//! characters (a reply with a few mis-decoded quotes has a handful), and few characters in words
//! (a table of figures has few words but no replacement characters).

use crate::model::{Diagnostic, Level};
use crate::text::floor_char;

/// Bytes of text looked at in each of the three sample windows (start, middle, end), so the
/// cost does not grow with the size of the paste.
const WINDOW: usize = 16 * 1024;

/// Fewer replacement or control characters than this never make a text binary: a short paste
/// with a couple of them is left to the later stages and their own diagnostics.
const MIN_JUNK: usize = 8;

/// Letters in a run at least this long count as a word (random bytes seldom make three ASCII
/// letters in a row; text is mostly such runs).
const WORD_LETTERS: usize = 3;

/// U+FFFD, and the C0 control characters and DEL other than tab, line feed, carriage return and
/// form feed. Not the C1 controls (U+0080 to U+009F): text decoded twice (UTF-8 read as
/// Latin-1, a common mix-up of old mail) is full of them, yet is words.
fn is_junk(ch: char) -> bool {
    ch == '\u{FFFD}' || ((ch < ' ' || ch == '\u{7F}') && !matches!(ch, '\t' | '\n' | '\r' | '\x0C'))
}

/// What the sample of a text is made of, in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Composition {
    /// Characters that are not white space.
    pub visible: usize,
    /// Replacement and control characters (see [`is_junk`]).
    pub junk: usize,
    /// Letters in runs of at least three letters.
    pub in_words: usize,
}

impl Composition {
    /// Counts the characters of the sample windows of `text`.
    pub fn of(text: &str) -> Composition {
        let mut c = Composition::default();
        for window in sample(text) {
            c.add(window);
        }
        c
    }

    fn add(&mut self, s: &str) {
        let mut run = 0;
        for ch in s.chars() {
            if ch.is_alphabetic() {
                run += 1;
                if run == WORD_LETTERS {
                    self.in_words += WORD_LETTERS;
                } else if run > WORD_LETTERS {
                    self.in_words += 1;
                }
            } else {
                run = 0;
            }
            if ch.is_whitespace() {
                continue;
            }
            self.visible += 1;
            if is_junk(ch) {
                self.junk += 1;
            }
        }
    }

    /// At least a tenth of the visible characters are junk, and fewer than half are in words.
    pub fn is_binary(&self) -> bool {
        self.junk >= MIN_JUNK && self.junk * 10 >= self.visible && self.in_words * 2 < self.visible
    }
}

/// The start, middle and end of `text`, [`WINDOW`] bytes each (the whole text when short),
/// cut at character boundaries.
fn sample(text: &str) -> Vec<&str> {
    if text.len() <= 3 * WINDOW {
        return vec![text];
    }
    let at = |start: usize| {
        let s = floor_char(text, start);
        &text[s..floor_char(text, s + WINDOW)]
    };
    vec![
        at(0),
        at(text.len() / 2 - WINDOW / 2),
        at(text.len() - WINDOW),
    ]
}

/// Whether `text` is a binary file's bytes read as text rather than a reply.
pub fn looks_like_pasted_binary(text: &str) -> bool {
    Composition::of(text).is_binary()
}

/// The number of characters [`Composition`] counts as junk in `s`, read from its bytes: a
/// control byte is never part of a longer character, U+FFFD is the only junk beyond ASCII, and
/// the vertical tab is white space, which is not counted.
fn junk_bytes(s: &str) -> usize {
    let controls = s
        .bytes()
        .filter(|&b| (b < b' ' || b == 0x7F) && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
        .count();
    controls + s.matches('\u{FFFD}').count()
}

/// The `binary-input` error for such text, or `None` for text worth analysing.
pub fn refusal(text: &str) -> Option<Diagnostic> {
    // Nearly every reply has no junk at all: counting it from the bytes spares the character
    // by character reading of the samples.
    if sample(text).into_iter().map(junk_bytes).sum::<usize>() < MIN_JUNK {
        return None;
    }
    let c = Composition::of(text);
    if !c.is_binary() {
        return None;
    }
    let percent = c.junk * 100 / c.visible.max(1);
    Some(Diagnostic {
        level: Level::Error,
        code: "binary-input",
        message: format!(
            "This does not look like text: {percent}% of its characters are replacement characters (\u{FFFD}) \
             or control characters, with no lines of words. It seems to be a binary file (a PDF, a Word \
             document, an image, an archive) pasted or read as text. Open the document, copy its text, \
             and paste that instead."
        ),
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random bytes (xorshift).
    fn random_bytes(len: usize) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn junk_bytes_count_the_junk_characters() {
        let texts = [
            String::from_utf8_lossy(&random_bytes(5000)).into_owned(),
            "a\u{FFFD}b\u{7}\u{7F}\t\n\r\u{B}\u{C}\u{1C}\u{80}é\u{1}".to_string(),
            String::new(),
        ];
        for t in &texts {
            let mut c = Composition::default();
            c.add(t);
            assert_eq!(junk_bytes(t), c.junk, "{t:?}");
        }
    }

    #[test]
    fn random_bytes_read_as_utf8_are_binary() {
        for len in [200, 4096, 2 * 1024 * 1024] {
            let text = String::from_utf8_lossy(&random_bytes(len)).into_owned();
            let d = refusal(&text).unwrap_or_else(|| panic!("{len} bytes not refused"));
            assert_eq!(d.code, "binary-input");
            assert_eq!(d.level, Level::Error);
            assert!(d.message.contains("binary file"), "{}", d.message);
        }
    }

    #[test]
    fn replacement_characters_without_controls_are_binary() {
        // What is left when a paste drops the control characters.
        let text: String = String::from_utf8_lossy(&random_bytes(10_000))
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        assert!(looks_like_pasted_binary(&text));
    }

    #[test]
    fn text_with_some_replacement_characters_is_not_binary() {
        let line = "We can confirm that the Council holds this information; it is attached as \u{FFFD}Appendix A\u{FFFD}.\n";
        assert!(!looks_like_pasted_binary(&line.repeat(200)));
        // A short paste of junk is left to the later stages.
        assert!(!looks_like_pasted_binary("\u{FFFD}\u{FFFD}\u{FFFD}"));
    }

    #[test]
    fn a_table_of_figures_is_not_binary() {
        let row = "| 2019/20 | 1,234 | 56.7% | £8,900 |\n";
        assert!(!looks_like_pasted_binary(&row.repeat(500)));
    }

    #[test]
    fn text_in_other_scripts_is_words() {
        let line = "Отвечаем на ваш запрос о предоставлении информации.\n";
        assert!(!looks_like_pasted_binary(&line.repeat(100)));
    }

    #[test]
    fn the_sample_is_bounded_and_covers_the_middle_and_the_end() {
        // A reply followed by a large binary attachment read as text: the junk in the middle and
        // end windows outweighs the words at the start.
        let reply = "Dear Ms Example,\nThank you for your request for information.\n".repeat(100);
        let junk = String::from_utf8_lossy(&random_bytes(400_000)).into_owned();
        let text = format!("{reply}{junk}");
        let windows = sample(&text);
        assert_eq!(windows.len(), 3);
        assert!(windows.iter().all(|w| w.len() <= WINDOW));
        assert!(looks_like_pasted_binary(&text));
        // Multi-byte characters at every cut.
        let wide = "é".repeat(3 * WINDOW);
        assert!(sample(&wide).iter().all(|w| w.chars().all(|c| c == 'é')));
    }

    #[test]
    fn control_characters_count_but_line_ends_and_tabs_do_not() {
        let c = Composition::of("ab\tc\r\n\x0C\x01\u{FFFD}");
        assert_eq!(c.junk, 2);
        assert_eq!(c.visible, 5);
        assert_eq!(c.in_words, 0);
        assert_eq!(Composition::of("word ab xyz").in_words, 7);
    }
}
