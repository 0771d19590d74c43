//! Stage 2: text → normalised text, with a map back to the decoded text.
//!
//! Replies are copied out of Outlook, Word and web pages, so the same words arrive with CRLF or CR
//! line ends, non-breaking spaces, smart quotes, en dashes, bullets and zero-width characters.
//! Every later stage matches plain ASCII punctuation on `\n`-separated lines, which keeps their
//! patterns simple and fast; the [`OffsetMap`] turns their byte offsets back into offsets of the
//! decoded text, so the page can highlight exactly what the user pasted.

/// Normalised text and the way back to the original offsets.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    pub map: OffsetMap,
}

/// Maps byte offsets of the normalised text to byte offsets of the decoded text.
///
/// Stored sparsely: one anchor after each edit; between anchors the two texts are identical, so
/// offsets move in step. Text without anything to normalise has no anchors at all.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(normalised offset, original offset)`, both increasing.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original offset of normalised offset `at`.
    pub fn original(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= at);
        if i == 0 {
            at
        } else {
            let (n, o) = self.anchors[i - 1];
            o + (at - n)
        }
    }
}

/// What one character becomes.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\r' => "\n",
        '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => "\n",
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => "",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{B4}' | '\u{60}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => {
            "\""
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{25AA}' | '\u{25AB}' | '\u{25CF}'
        | '\u{25CB}' | '\u{25A0}' | '\u{25A1}' | '\u{25E6}' | '\u{27A2}' | '\u{25BA}'
        | '\u{2219}' | '\u{F0A7}' | '\u{F0B7}' | '\u{F0D8}' | '\u{F0FC}' | '\u{2714}'
        | '\u{2713}' => "-",
        '\u{B7}' => "-",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        _ => return None,
    })
}

/// Normalises line ends, spaces, quotes, dashes and bullets.
pub fn normalise(input: &str) -> Normalised {
    let bytes = input.as_bytes();
    // Fast path: pure ASCII without carriage returns or other controls needs nothing.
    if bytes
        .iter()
        .all(|&b| b < 0x80 && b != b'\r' && b != 0x0B && b != 0x0C)
    {
        return Normalised {
            text: input.to_owned(),
            map: OffsetMap::default(),
        };
    }
    let mut out = String::with_capacity(input.len());
    let mut anchors = Vec::new();
    let mut copied_from = 0; // start of the pending unchanged run in `input`
    let mut iter = input.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let (rep, consumed) = if c == '\r' && matches!(iter.peek(), Some((_, '\n'))) {
            iter.next();
            ("\n", 2)
        } else {
            match replacement(c) {
                Some(r) => (r, c.len_utf8()),
                None => continue,
            }
        };
        out.push_str(&input[copied_from..i]);
        out.push_str(rep);
        copied_from = i + consumed;
        anchors.push((out.len(), copied_from));
    }
    out.push_str(&input[copied_from..]);
    Normalised {
        text: out,
        map: OffsetMap { anchors },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("Q1.\r\nYes\rNo", "Q1.\nYes\nNo"),
            (
                "Council\u{2019}s \u{201C}policy\u{201D}",
                "Council's \"policy\"",
            ),
            ("2017\u{2013}18\u{a0}\u{2022} item", "2017-18 - item"),
            ("zero\u{200B}width\u{AD}", "zerowidth"),
            ("wait\u{2026}", "wait..."),
            ("plain", "plain"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise(input).text, want, "{input:?}");
        }
    }

    #[test]
    fn offsets_map_back() {
        let input = "a\u{2019}b\r\nc\u{a0}d  \u{2013} e";
        let n = normalise(input);
        assert_eq!(n.text, "a'b\nc d  - e");
        for (pos, ch) in n.text.char_indices() {
            let orig = n.map.original(pos);
            let oc = input[orig..].chars().next().unwrap();
            let same = oc == ch || replacement(oc).is_some_and(|r| r.starts_with(ch));
            assert!(same, "{pos} {ch:?} -> {orig} {oc:?}");
        }
        assert_eq!(n.map.original(n.text.len()), input.len());
    }
}
