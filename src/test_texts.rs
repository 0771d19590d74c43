//! Texts for the differential tests of the scanners against the patterns they replace: random
//! mixes of a module's vocabulary with digits, money and percent signs, punctuation, white space
//! and non-ASCII characters (including the two that case-fold to ASCII letters, `ſ` and the
//! Kelvin sign), plus every corpus reply, each of its lines and each pair of lines. Shared by
//! every module's differential tests (values, dates, messages, pattern).

/// A small deterministic generator (xorshift), so a failure can be replayed.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const NOISE: &[&str] = &[
    " ", " ", " ", "  ", "\t", "\n", "\r\n", ",", ".", "-", "/", "(", ")", ":", ";", "£", "%", "'",
    "\"", "+", "<", ">", "~", "^", "_", "#", "@", "[", "]", "’", "é", "–", "ſ", "\u{212A}", "²",
    "0", "1", "7", "12", "2019", "1,234", "3.5", "450", "18", "2100", "1599", "100,000", "a", "I",
    "x", "s", "k", "m", "the", "and", "or", "to", "no", "of",
];

/// `n` random texts mixing `vocab` (in random case) with [`NOISE`].
pub fn texts(vocab: &[&str], n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    (0..n)
        .map(|_| {
            let len = 1 + r.below(14);
            let mut t = String::new();
            for _ in 0..len {
                let piece = if !vocab.is_empty() && r.below(2) == 0 {
                    vocab[r.below(vocab.len())]
                } else {
                    NOISE[r.below(NOISE.len())]
                };
                match r.below(5) {
                    0 => t.push_str(&piece.to_ascii_uppercase()),
                    1 => {
                        let mut c = piece.chars();
                        if let Some(f) = c.next() {
                            t.extend(f.to_uppercase());
                            t.push_str(c.as_str());
                        }
                    }
                    _ => t.push_str(piece),
                }
                if r.below(3) == 0 {
                    t.push(' ');
                }
            }
            t
        })
        .collect()
}

/// The whole texts of the corpus folders `dirs` (relative to the repository), in file order.
/// Empty when the corpus is not checked out beside the repository.
pub fn files(dirs: &[&str]) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(root.join(d)) else {
            continue;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
    }
    out
}

/// Every reply of the shared corpus and the layout tests, each of their lines and each pair
/// of lines (the stage reads answers and questions, a line or two long, as well as whole
/// texts). Empty when the corpus is not checked out beside the repository.
pub fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for text in files(&[
        "../shared/corpus/seeds",
        "../shared/corpus/synthetic",
        "../shared/corpus/real-layouts",
        "../shared/corpus/real-threads",
        "tests/layouts",
    ]) {
        let lines: Vec<&str> = text.lines().collect();
        for w in lines.windows(2) {
            out.push(format!("{}\n{}", w[0], w[1]));
        }
        out.extend(lines.iter().map(|l| l.to_string()));
        out.push(text);
    }
    out
}

/// Every generated and corpus text for a module's vocabulary.
pub fn all(vocab: &[&str], seed: u64) -> Vec<String> {
    let mut t = texts(vocab, 20_000, seed);
    t.extend(corpus());
    t
}

/// The windows of `text` that end at each byte where a figure or word could start (a digit,
/// a letter, `£`), at most `len` bytes long: what the stage's look-behind passes read.
pub fn windows_before(text: &str, len: usize) -> Vec<&str> {
    let b = text.as_bytes();
    (0..=b.len())
        .filter(|&i| text.is_char_boundary(i))
        .filter(|&i| i == b.len() || b[i].is_ascii_alphanumeric() || b[i] >= 0x80)
        .map(|i| {
            let mut s = i.saturating_sub(len);
            while !text.is_char_boundary(s) {
                s += 1;
            }
            &text[s..i]
        })
        .collect()
}

/// The suffixes of `text` from each character boundary: what the look-ahead passes read.
pub fn suffixes(text: &str) -> Vec<&str> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .map(|i| &text[i..])
        .collect()
}
