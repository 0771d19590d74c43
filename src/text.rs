//! Shared views of the normalised text: lines with offsets, and word tokens.
//!
//! Every stage works in byte offsets of the normalised text, so results can be mapped back to the
//! source with one [`crate::normalise::OffsetMap`].

/// Compiles a pattern whose Perl classes are ASCII-only.
///
/// The `regex` crate is built without its Unicode class tables (wasm size, and speed: a Unicode
/// `\b` leaves the fast DFA on text with `’` or `£`). This rewrites `\s \d \w \b` (and their
/// negations) to their ASCII forms so patterns can be written the usual way. `(?i)` still works.
/// Test builds must not be trusted to catch a Unicode class: a dev-dependency turns the tables
/// on there, so every pattern goes through this function. Only the differential tests use it:
/// the stages compile through [`crate::pattern::re`].
#[cfg(test)]
pub fn re(pattern: &str) -> regex::Regex {
    regex::Regex::new(&ascii_classes(pattern))
        .unwrap_or_else(|e| panic!("bad built-in pattern {pattern:?}: {e}"))
}

/// `pattern` with `\s \d \w \b` (and their negations) rewritten to their ASCII forms: the
/// rewriting of [`re`], shared with [`crate::pattern::re`].
pub fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(&n) = chars.peek() else {
                    out.push(c);
                    break;
                };
                chars.next();
                match (n, in_class) {
                    ('s' | 'S' | 'd' | 'D' | 'w' | 'W' | 'b' | 'B', false) => {
                        out.push_str("(?-u:\\");
                        out.push(n);
                        out.push(')');
                    }
                    ('s', true) => out.push_str(" \\t\\n\\r\\x0B\\x0C"),
                    ('d', true) => out.push_str("0-9"),
                    ('w', true) => out.push_str("A-Za-z0-9_"),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A leading `]` or `^]` is literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The normalised text with an index of its lines.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_all(b'\n', text.as_bytes()).map(|i| i + 1));
        if line_starts.last() == Some(&text.len()) && !text.is_empty() {
            line_starts.pop();
        }
        Doc { text, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Index of the line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte range of line `i`, without its line end.
    pub fn line_range(&self, i: usize) -> (usize, usize) {
        let start = self.line_starts[i];
        let end = match self.line_starts.get(i + 1) {
            Some(&n) => n - 1,
            None if self.text.ends_with('\n') => self.text.len() - 1,
            None => self.text.len(),
        };
        (start, end.max(start))
    }

    pub fn line(&self, i: usize) -> &'a str {
        let (s, e) = self.line_range(i);
        &self.text[s..e]
    }

    pub fn line_start(&self, i: usize) -> usize {
        self.line_starts[i]
    }

    /// Whether line `i` holds only white space.
    pub fn is_blank(&self, i: usize) -> bool {
        self.line(i).trim().is_empty()
    }

    /// Offset of the start of the line that holds `offset`.
    pub fn start_of_line_at(&self, offset: usize) -> usize {
        self.line_starts[self.line_of(offset)]
    }

    /// The bullet lines ("- …", "* …"; normalisation turns "•" and its kin into "-") of
    /// `[s, e)`, each with the lines that carry it on, as the spans of their words. A blank
    /// line or a line that is not a bullet after a blank line ends a bullet.
    pub fn bullets(&self, s: usize, e: usize) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if s >= e {
            return spans;
        }
        let mut open = false;
        let (first, last) = (self.line_of(s), self.line_of(e.saturating_sub(1).max(s)));
        for li in first..=last {
            let (ls, le) = self.line_range(li);
            let (ls, le) = (ls.max(s), le.min(e));
            if ls >= le {
                open = false;
                continue;
            }
            let line = &self.text[ls..le];
            let t = line.trim_start();
            if t.is_empty() {
                open = false;
                continue;
            }
            if (t.starts_with("- ") || t.starts_with("* ")) && t.len() > 4 {
                let start = ls + (line.len() - t.len()) + 2;
                spans.push((start, le));
                open = true;
            } else if open {
                if let Some(last) = spans.last_mut() {
                    last.1 = le;
                }
            }
        }
        spans
    }

    /// Whether only white space (and list or quote punctuation) precedes `offset` on its line.
    pub fn at_line_start(&self, offset: usize) -> bool {
        let s = self.start_of_line_at(offset);
        self.text[s..offset]
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'>' | b'-' | b'*' | b'|'))
    }
}

/// Offsets of every `needle` byte in `hay`.
pub fn memchr_all(needle: u8, hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    hay.iter()
        .enumerate()
        .filter(move |(_, &b)| b == needle)
        .map(|(i, _)| i)
}

/// A word of the text: a maximal run of letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The words of `text[from..to]`, with offsets into `text`.
pub fn tokens(text: &str, from: usize, to: usize) -> Vec<Token> {
    // Callers may pass byte estimates; never slice inside a character.
    let (from, to) = (floor_char(text, from), floor_char(text, to));
    let to = to.max(from);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity((to - from) / 6);
    let mut start = None;
    let mut i = from;
    while i < to {
        let b = bytes[i];
        // ASCII bytes directly; other characters decoded (letters of any script count).
        let (word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if word {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Token { start: s, end: i });
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: to });
    }
    out
}

/// The words of [`tokens`] one by one, for a caller that needs only the first few of a long
/// text (a test holds the two to the same words).
pub fn token_iter(text: &str, from: usize, to: usize) -> impl Iterator<Item = Token> + '_ {
    // Callers may pass byte estimates; never slice inside a character.
    let (from, to) = (floor_char(text, from), floor_char(text, to));
    let to = to.max(from);
    let bytes = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < to {
            let b = bytes[i];
            // ASCII bytes directly; other characters decoded (letters of any script count).
            let (word, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            if word {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start {
                return Some(Token { start: s, end: i });
            }
            i += len;
        }
        start.map(|s| Token { start: s, end: to })
    })
}

/// A case-insensitive hash of a word (FNV-1a over its ASCII-lowered bytes), for comparing
/// words in bulk without allocating.
pub fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Whether two words are the same, ignoring case.
pub fn same_word(text_a: &str, a: Token, text_b: &str, b: Token) -> bool {
    a.as_str(text_a).eq_ignore_ascii_case(b.as_str(text_b))
}

/// Collapses runs of white space inside each line, drops blank lines and trims.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let mut first = true;
        for w in words {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out
}

/// Like [`tidy`] but on one line: every run of white space becomes one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The patterns' `\s` ([`ascii_classes`]: `(?-u:\s)`): ASCII white space, the vertical tab
/// included (which `char::is_ascii_whitespace` leaves out).
pub fn is_re_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// Whether `c` matches the ASCII character `lit` (a lower-case letter or any other ASCII
/// character) under a pattern's `(?i)`: Unicode simple case folding, so besides the two ASCII
/// cases `ſ` is an `s` and the Kelvin sign a `k` (no other character folds to an ASCII one).
#[inline]
pub fn fold_eq(c: char, lit: u8) -> bool {
    if c.is_ascii() {
        return (c as u8).to_ascii_lowercase() == lit;
    }
    (c == '\u{17F}' && lit == b's') || (c == '\u{212A}' && lit == b'k')
}

/// `s` without the prefix `lit` (ASCII, lower case) matched as a `(?i)` pattern matches it
/// ([`fold_eq`]), or `None`.
pub fn strip_prefix_fold<'a>(s: &'a str, lit: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for &l in lit.as_bytes() {
        let (_, c) = chars.next()?;
        if !fold_eq(c, l) {
            return None;
        }
    }
    Some(chars.as_str())
}

/// `s` without the suffix `lit` (ASCII, lower case) matched as a `(?i)` pattern matches it
/// ([`fold_eq`]), or `None`.
pub fn strip_suffix_fold<'a>(s: &'a str, lit: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for &l in lit.as_bytes().iter().rev() {
        let (_, c) = chars.next_back()?;
        if !fold_eq(c, l) {
            return None;
        }
    }
    Some(chars.as_str())
}

/// The largest char boundary not above `i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_iter_gives_the_tokens() {
        let t = "Q1: £2.5m – Café’s 2019/20 data_set, été!  end";
        for (from, to) in [
            (0, t.len()),
            (3, 20),
            (5, 6),
            (9, 40),
            (t.len(), 0),
            (12, t.len()),
        ] {
            let all: Vec<Token> = token_iter(t, from, to).collect();
            assert_eq!(all, tokens(t, from, to), "{from}..{to}");
        }
    }

    #[test]
    fn lines() {
        let d = Doc::new("a\n\nbc\n");
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.line(2), "bc");
        assert!(d.is_blank(1));
        assert_eq!(d.line_of(3), 2);
        assert!(d.at_line_start(3));
    }

    #[test]
    fn ascii_patterns() {
        let r = re(r"(?i)^\s*Q(\d+)\b[\s.:]*(\w+)");
        let c = r.captures("  q12. Answer").unwrap();
        assert_eq!((&c[1], &c[2]), ("12", "Answer"));
        assert!(re(r"[^\d]x").is_match("ax"));
        assert!(re(r"\\d").is_match("\\d"));
    }

    /// [`fold_eq`] against the engine's `(?i)` for every character and every ASCII one.
    #[test]
    fn fold_eq_is_the_patterns_case_folding() {
        // Every character but the line break, one a line: a `(?m)^…$` pattern's matches are the
        // characters it accepts.
        let chars: Vec<char> = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\n')
            .collect();
        let mut hay = String::new();
        let mut at = std::collections::HashMap::new();
        for &c in &chars {
            at.insert(hay.len(), c);
            hay.push(c);
            hay.push('\n');
        }
        let accepted = |pattern: &str| -> std::collections::HashSet<char> {
            re(pattern)
                .find_iter(&hay)
                .map(|m| at[&m.start()])
                .collect()
        };
        for l in 0x20u8..0x7f {
            let lit = l.to_ascii_lowercase();
            let want = accepted(&format!(
                "(?im)^{}$",
                regex::escape(&(lit as char).to_string())
            ));
            for &c in &chars {
                assert_eq!(fold_eq(c, lit), want.contains(&c), "{c:?} {lit}");
            }
        }
        let want = accepted(r"(?m)^\s$");
        for &c in &chars {
            assert_eq!(is_re_space(c), want.contains(&c), "{c:?}");
        }
        assert!(is_re_space('\n') && re(r"^\s$").is_match("\n"));
        assert_eq!(strip_prefix_fold("Subject: x", "subject"), Some(": x"));
        assert_eq!(strip_prefix_fold("\u{17F}ub", "sub"), Some(""));
        assert_eq!(strip_prefix_fold("su", "sub"), None);
        assert_eq!(strip_suffix_fold("x WROTE:", "wrote:"), Some("x "));
        assert_eq!(strip_suffix_fold("ote:", "wrote:"), None);
    }

    #[test]
    fn words() {
        let t = "Q4a. Authority's £2.4m";
        let w: Vec<_> = tokens(t, 0, t.len()).iter().map(|k| k.as_str(t)).collect();
        assert_eq!(w, ["Q4a", "Authority", "s", "2", "4m"]);
        assert_eq!(tidy("  a   b \n\n  c "), "a b\nc");
    }
}
