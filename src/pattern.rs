//! Compiled patterns, built without the literal analysis that this build never uses.
//!
//! `regex::Regex::new` always asks the engine (`regex_automata::meta`) to pick a strategy from
//! the pattern's literals: prefixes for a prefilter, suffixes for a reverse-suffix search, inner
//! literals for a reverse-inner one. The crate is built without `perf-literal` (wasm size), so
//! none of those strategies can ever be built, yet the extraction runs for every pattern: about
//! 40% of the instructions of compiling the stages' patterns at start-up (callgrind, batch CLI).
//! `regex::RegexBuilder` has no switch for it; the engine's own builder has
//! (`auto_prefilter(false)`), so this module builds the engine directly with the configuration
//! `regex` uses and that one switch, and wraps it in the small part of `regex`'s API the stages
//! use. Matches are the same: the strategy only decides how a match is searched for, and here it
//! is the core engine (lazy DFA, bounded backtracker, PikeVM) either way.
//!
//! Patterns go through [`crate::text::ascii_classes`] like the test-only `crate::text::re`'s: Perl classes
//! are ASCII-only.

use std::borrow::Cow;

use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::syntax;
use regex_automata::{meta, Input, MatchKind, PatternSet};

/// The engine configuration of `regex::Regex` (its builder's defaults), without the literal
/// analysis.
fn config(kind: MatchKind) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(kind)
        .utf8_empty(true)
        .auto_prefilter(false)
}

/// Compiles a built-in pattern (ASCII Perl classes, see [`crate::text::ascii_classes`]); panics on a bad
/// pattern, which is a bug.
pub fn re(pattern: &str) -> Regex {
    let rewritten = crate::text::ascii_classes(pattern);
    Regex::new(&rewritten).unwrap_or_else(|e| panic!("bad built-in pattern {pattern:?}: {e}"))
}

/// A compiled pattern: `regex::Regex`'s behaviour, for the methods the stages use.
#[derive(Clone, Debug)]
pub struct Regex {
    meta: meta::Regex,
    pattern: String,
}

impl Regex {
    pub fn new(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
        let meta = meta::Builder::new()
            .configure(config(MatchKind::LeftmostFirst))
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Regex {
            meta,
            pattern: pattern.to_string(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.meta.is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.meta
            .find(haystack)
            .map(|m| Match::new(haystack, m.start(), m.end()))
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.meta
            .find_iter(haystack)
            .map(move |m| Match::new(haystack, m.start(), m.end()))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let mut slots = self.meta.create_captures();
        self.meta.search_captures(&Input::new(haystack), &mut slots);
        slots.is_match().then_some(Captures { haystack, slots })
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.meta
            .captures_iter(haystack)
            .map(move |slots| Captures { haystack, slots })
    }

    /// The haystack with its first match replaced by `with`, taken literally (no `$name`
    /// expansion; every caller passes text without `$`).
    pub fn replace<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        debug_assert!(!with.contains('$'));
        match self.find(haystack) {
            None => Cow::Borrowed(haystack),
            Some(m) => {
                let mut out = String::with_capacity(haystack.len() + with.len());
                out.push_str(&haystack[..m.start()]);
                out.push_str(with);
                out.push_str(&haystack[m.end()..]);
                Cow::Owned(out)
            }
        }
    }
}

/// Several patterns in one automaton that says which of them occur (`regex::RegexSet`).
#[derive(Clone, Debug)]
pub struct RegexSet {
    meta: meta::Regex,
}

impl RegexSet {
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(
        patterns: I,
    ) -> Result<RegexSet, Box<meta::BuildError>> {
        let patterns: Vec<S> = patterns.into_iter().collect();
        let meta = meta::Builder::new()
            .configure(
                config(MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .syntax(syntax::Config::new().utf8(true))
            .build_many(&patterns)
            .map_err(Box::new)?;
        Ok(RegexSet { meta })
    }

    /// The indices of the patterns that match somewhere in `haystack`, in increasing order.
    pub fn matches(&self, haystack: &str) -> impl Iterator<Item = usize> {
        let mut set = PatternSet::new(self.meta.pattern_len());
        self.meta
            .which_overlapping_matches(&Input::new(haystack), &mut set);
        set.iter()
            .map(|p| p.as_usize())
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// A match: its span in the haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, start: usize, end: usize) -> Match<'h> {
        Match {
            haystack,
            start,
            end,
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    haystack: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.slots
            .get_group(i)
            .map(|s| Match::new(self.haystack, s.start, s.end))
    }
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots
            .get_group_by_name(name)
            .map(|s| Match::new(self.haystack, s.start, s.end))
    }
}

/// `caps[i]`: the text of group `i`, which must have matched (as in `regex`).
impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wrapper finds what `regex` finds: spans, groups, sets and replacement, on the corpus.
    #[test]
    fn same_matches_as_regex() {
        let patterns = [
            r"(?i)\b(?:hold|held|record(?:ed)?)\b",
            r"(?m)^(?P<k>[A-Z][a-z]+):[ ]*(?P<v>.*)$",
            r"£[ ]?(?P<a>[0-9]+(?:,[0-9]{3})*)(?P<s>[ ]?(?i-u:m|k))?",
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
            r"(?i)^\s*On\b.{4,160}\bwrote:\s*$",
            r"x*",
        ];
        let set_patterns = [r"[0-9]{4}", r"(?i)section", r"\(\w\)", r"£"];
        let set = RegexSet::new(set_patterns).expect("set");
        let old_set =
            regex::RegexSet::new(set_patterns.map(crate::text::ascii_classes)).expect("set");
        let mut texts = vec![String::new(), "£1,000 m and £ 5k".to_string()];
        texts.extend(crate::test_texts::files(&[
            "../shared/corpus/real-layouts",
            "tests/layouts",
        ]));
        for p in patterns {
            let new = re(p);
            let old = crate::text::re(p);
            for t in &texts {
                assert_eq!(new.is_match(t), old.is_match(t));
                let a: Vec<_> = new.find_iter(t).map(|m| (m.start(), m.end())).collect();
                let b: Vec<_> = old.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(a, b, "{p}");
                let a: Vec<Vec<_>> = new
                    .captures_iter(t)
                    .map(|c| (0..4).map(|i| c.get(i).map(|m| m.as_str())).collect())
                    .collect();
                let b: Vec<Vec<_>> = old
                    .captures_iter(t)
                    .map(|c| (0..4).map(|i| c.get(i).map(|m| m.as_str())).collect())
                    .collect();
                assert_eq!(a, b, "{p}");
                assert_eq!(new.replace(t, ""), old.replace(t, ""), "{p}");
                let a = new.captures(t).and_then(|c| c.name("k").map(|m| m.start()));
                let b = old.captures(t).and_then(|c| c.name("k").map(|m| m.start()));
                assert_eq!(a, b, "{p}");
            }
        }
        for t in &texts {
            let a: Vec<usize> = set.matches(t).collect();
            let b: Vec<usize> = old_set.matches(t).iter().collect();
            assert_eq!(a, b);
        }
    }
}
