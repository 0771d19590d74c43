//! How alike two questions' wordings are, from 0 (nothing shared) to 1 (the same words).
//!
//! Authorities restate a questionnaire with typos, British or American spelling, extra words
//! ("please provide…") and their own numbering, so exact text never matches. Two measures are
//! combined:
//!
//! - a weighted token-set Dice over content words, each word "stemmed lite" (plural, `-ing`,
//!   `-ed`, `-ise`/`-ize`, `-re`/`-er` endings folded) and weighted by how rare it is in the batch,
//!   so that "authority" or "council", in every question, counts for less than "portal";
//! - a character-trigram Dice over the stemmed words, which forgives typos ("recieved") and
//!   words run together.
//!
//! Numbers stay tokens ("2017", "18"): "spend for 2017-18" and "spend for 2018-19" are different
//! questions. Features are computed once per question ([`Features`]); a comparison is two merges
//! of sorted integer lists, cheap enough for 400 replies of 30 questions each.

use std::collections::HashMap;

/// Words that carry no meaning of their own in a question: articles, auxiliaries, the
/// politeness of a request ("please could you provide…"), and question words that every
/// question has.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "confirm", "could",
    "detail", "details", "did", "do", "does", "for", "from", "has", "have", "i", "if", "in",
    "into", "is", "it", "its", "kindly", "me", "my", "of", "on", "or", "our", "please", "provide",
    "request", "so", "tell", "that", "the", "their", "there", "these", "this", "those", "to", "us",
    "was", "we", "were", "what", "which", "who", "will", "with", "would", "you", "your",
];

/// A question's wording reduced to what the similarity needs.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// The same for two wordings with the same stemmed words (most restatements are copied):
    /// the key of the similarity cache.
    pub id: u32,
    /// Interned stemmed words, sorted and without repeats.
    pub words: Vec<u32>,
    /// Hashes of the character trigrams of the stemmed words, sorted and without repeats.
    pub trigrams: Vec<u32>,
}

/// Interns words to small integers and counts in how many questions each occurs, for weights.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Number of questions each word occurs in.
    df: Vec<u32>,
    /// Number of questions seen.
    docs: u32,
    /// Whether each word is a number: numbers weigh double, since "spend in 2019" and "spend
    /// in 2020" are different questions while a typo in a word is not.
    numeric: Vec<bool>,
    weights: Vec<f32>,
    /// Distinct wordings seen (their stems joined) and their features.
    wordings: HashMap<String, Features>,
    /// Similarities computed so far, by the pair of wording ids (smaller first).
    cache: std::cell::RefCell<HashMap<(u32, u32), f32>>,
}

impl Vocabulary {
    /// The features of one wording; counts its words for the weights.
    pub fn features(&mut self, text: &str) -> Features {
        let stems = stems(text);
        let joined = stems.join(" ");
        if let Some(f) = self.wordings.get(&joined) {
            let f = f.clone();
            for &w in &f.words {
                self.df[w as usize] += 1;
            }
            self.docs += 1;
            return f;
        }
        let mut words: Vec<u32> = stems
            .iter()
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w.clone()).or_insert(next)
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        self.df.resize(self.ids.len(), 0);
        self.numeric.resize(self.ids.len(), false);
        for (w, s) in words_of(&stems, &self.ids) {
            self.numeric[w as usize] = s.bytes().all(|b| b.is_ascii_digit());
        }
        for &w in &words {
            self.df[w as usize] += 1;
        }
        self.docs += 1;
        let f = Features {
            id: self.wordings.len() as u32,
            words,
            trigrams: trigrams(&stems),
        };
        self.wordings.insert(joined, f.clone());
        f
    }

    /// Fixes the weights from the counts so far (inverse document frequency, smoothed, so a
    /// word in every question keeps a little weight).
    pub fn finish(&mut self) {
        let n = self.docs as f32 + 1.0;
        self.weights = self
            .df
            .iter()
            .zip(&self.numeric)
            .map(|(&df, &num)| {
                let w = (n / (df as f32 + 0.5)).ln().max(0.0) + 0.35;
                if num {
                    2.0 * w
                } else {
                    w
                }
            })
            .collect();
    }

    fn weight(&self, w: u32) -> f32 {
        self.weights.get(w as usize).copied().unwrap_or(1.0)
    }

    /// Similarity of two wordings in `[0, 1]` (computed once per pair of distinct wordings).
    pub fn similarity(&self, a: &Features, b: &Features) -> f32 {
        if a.words.is_empty() && b.words.is_empty() {
            return 0.0;
        }
        if a.id == b.id {
            return 1.0;
        }
        let key = (a.id.min(b.id), a.id.max(b.id));
        if let Some(&s) = self.cache.borrow().get(&key) {
            return s;
        }
        let s = self.compute(a, b);
        self.cache.borrow_mut().insert(key, s);
        s
    }

    fn compute(&self, a: &Features, b: &Features) -> f32 {
        let (mut common, mut total) = (0.0f32, 0.0f32);
        let (mut i, mut j) = (0, 0);
        while i < a.words.len() || j < b.words.len() {
            match (a.words.get(i), b.words.get(j)) {
                (Some(&x), Some(&y)) if x == y => {
                    let w = self.weight(x);
                    common += 2.0 * w;
                    total += 2.0 * w;
                    i += 1;
                    j += 1;
                }
                (Some(&x), Some(&y)) if x < y => {
                    total += self.weight(x);
                    i += 1;
                }
                (Some(&x), None) => {
                    total += self.weight(x);
                    i += 1;
                }
                (_, Some(&y)) => {
                    total += self.weight(y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        let words = if total > 0.0 { common / total } else { 0.0 };
        let tri = dice(&a.trigrams, &b.trigrams);
        0.65 * words + 0.35 * tri
    }
}

fn words_of<'a>(
    stems: &'a [String],
    ids: &'a HashMap<String, u32>,
) -> impl Iterator<Item = (u32, &'a str)> + 'a {
    stems
        .iter()
        .filter_map(move |s| ids.get(s).map(|&w| (w, s.as_str())))
}

/// Dice coefficient of two sorted lists without repeats.
fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// The content words of a text, lower-cased and stemmed lite, in order.
pub fn stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let text = join_hyphenated(text);
    for raw in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = raw.to_lowercase();
        if STOPWORDS.binary_search(&w.as_str()).is_ok() {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            // "05" and "5" are the same number.
            let t = w.trim_start_matches('0');
            out.push(if t.is_empty() { "0".into() } else { t.into() });
            continue;
        }
        out.push(stem(&w));
    }
    out
}

/// "on-line" and "online", "stand-alone" and "standalone" are one word; "2017-18" stays two.
fn join_hyphenated(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins = c == '-'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if !joins {
            out.push(c);
        }
    }
    out
}

/// Folds the endings that vary between restatements of one question: plurals, `-ing`, `-ed`,
/// `-ly`, British and American `-ise`/`-ize`, `-our`/`-or`, `-re`/`-er`. Not a real stemmer: the
/// same word must always give the same stem, nothing more.
pub fn stem(word: &str) -> String {
    let mut w: String = word.replace("iz", "is").replace("our", "or");
    for suffix in ["ies", "ing", "ed", "es", "ly", "s"] {
        if w.chars().count() > suffix.len() + 3 && w.ends_with(suffix) && !w.ends_with("ss") {
            w.truncate(w.len() - suffix.len());
            if suffix == "ies" {
                w.push('y');
            }
            break;
        }
    }
    if w.len() > 4 && (w.ends_with("re") || w.ends_with("er")) {
        w.truncate(w.len() - 2);
        w.push('r');
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Hashes of the character trigrams of the words joined by spaces (FNV-1a), sorted, no repeats.
fn trigrams(stems: &[String]) -> Vec<u32> {
    let joined: Vec<char> = format!(" {} ", stems.join(" ")).chars().collect();
    let mut out: Vec<u32> = joined
        .windows(3)
        .map(|t| {
            let mut h: u32 = 0x811c_9dc5;
            for c in t {
                h ^= *c as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn spelling_variants_share_a_stem() {
        assert_eq!(stem("centred"), stem("centered"));
        assert_eq!(stem("organisation"), stem("organization"));
        assert_eq!(stem("systems"), stem("system"));
        assert_eq!(stem("properties"), stem("property"));
        assert_eq!(stem("colour"), stem("color"));
        assert_ne!(stem("spend"), stem("spent"));
    }

    #[test]
    fn numbers_are_words_and_politeness_is_not() {
        assert_eq!(
            stems("Please could you provide the spend for 2017-18?"),
            vec!["spend", "2017", "18"]
        );
    }

    fn sim(a: &str, b: &str, others: &[&str]) -> f32 {
        let mut v = Vocabulary::default();
        let (fa, fb) = (v.features(a), v.features(b));
        for o in others {
            v.features(o);
        }
        v.finish();
        v.similarity(&fa, &fb)
    }

    #[test]
    fn restatements_score_above_different_questions() {
        let others = [
            "How many staff are employed?",
            "What is your annual budget?",
        ];
        let same = sim(
            "Does the council have an online portal for residents?",
            "Do you have an on-line portal for your residents",
            &others,
        );
        let typo = sim(
            "How many complaints were received in 2019?",
            "How many complaints were recieved in 2019?",
            &others,
        );
        let year = sim(
            "How many complaints were received in 2019?",
            "How many complaints were received in 2020?",
            &others,
        );
        let different = sim(
            "Does the council have an online portal for residents?",
            "How many complaints were received in 2019?",
            &others,
        );
        assert!(same > 0.6, "{same}");
        assert!(typo > 0.75, "{typo}");
        assert!(year < typo, "{year} {typo}");
        assert!(different < 0.2, "{different}");
        assert_eq!(sim("", "", &others), 0.0);
    }
}
