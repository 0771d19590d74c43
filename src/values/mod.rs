//! Stage 7: typed values in an answer (money, counts, percentages, areas, dates, years,
//! durations, yes/no and named choices).
//!
//! # How it reads an answer
//!
//! Numbers in an FOI reply mean many things besides an answer: reference numbers, phone numbers,
//! section numbers, dates, financial years, postcodes, list markers, footnote markers and the cost
//! limit of a refusal. A count is therefore what is *left* once everything else has been read.
//! The answer is read in passes, most specific first; each pass *claims* the bytes it reads, and
//! a later pass only reads unclaimed bytes:
//!
//! 1. links and e-mail addresses (claimed, no value);
//! 2. dates ([`crate::dates::find_dates`], month-and-year included);
//! 3. money, percentages, areas, durations (each with its qualifier: "circa £2.6m");
//! 4. blockers that give no value: section and page numbers, financial years, references,
//!    numeric dates, times, hours, phone numbers, postcodes, words mixing letters and digits,
//!    list and footnote markers;
//! 5. years (a value only when the question asks "when", or the answer is just the year);
//! 6. counts (digits, and number words that quantify a noun), then "None"/"no X were" as 0 for a
//!    question that asks for a number;
//! 7. yes/no at the start of the answer, and a named choice.
//!
//! Each pass is one scan of the answer with a regular expression compiled once, and claims are a
//! byte mask, so the whole is linear in the length of the answer.
//!
//! Finally every value inside a sentence that explains a cost-limit refusal (section 12, "the
//! appropriate limit", "would take over 18 hours") is dropped: the £450 and 18 hours there are
//! the law's figures, not the answer. Other sentences of the same answer still count.
//!
//! Decisions worth knowing:
//! - A range ("£5-10k", "10-15%", "20 to 30 staff") gives two values: the low bound qualified
//!   `at_least` and the high bound `at_most`, each spanning its own words, so a table shows both
//!   ends and a single-value consumer still finds the low bound first.
//! - An area restated in brackets ("12.3 sq mi (31.86 km2)") gives both figures, each converted
//!   to km²; they are different words and agree within rounding, so nothing is lost or invented.
//! - The regular expressions use only ASCII classes and `(?-u:\b)`: the crate is built without
//!   its Unicode tables, and the Unicode word boundary is many times slower on the non-ASCII
//!   text (’ £ –) that replies always contain.

use std::sync::LazyLock;

use crate::pattern::Regex;

mod ask;
mod blockers;
mod columns;
mod cost_limit;
mod links;
mod numbers;
mod qualifiers;
mod tokens;
mod words;

pub use ask::says_what_it_asks;
use ask::{Ask, AUXILIARIES};
use cost_limit::is_cost_limit;

use crate::dates::find_dates;
use crate::model::{Qualifier, Scalar, Span, Value, ValueKind};
use crate::pattern::re;

/// The values of one answer. `question` is the question text (it tells a count from a year, a
/// yes/no question from an open one, and lists the options of an "A or B?" question); `answer` is
/// the answer text, whose byte offsets plus `base` give the spans of the values.
pub fn extract(question: &str, answer: &str, base: usize) -> Vec<Value> {
    extract_memo(question, answer, base, &mut Memo::default())
}

/// The passes of [`extract`] that read the answer alone (money, durations, links, dates,
/// percents, areas, blockers, mixed words, list markers: all but the question's `when` is the
/// answer's), remembered for each answer of one text. One answer region is often read for
/// several questions (a reply answering them together): on the corpus layouts most of the bytes
/// read for values were such repeats.
///
/// The memo borrows the answers for its life, so an answer at the same address and length is
/// the same text.
#[derive(Default)]
pub struct Memo<'t> {
    seen: Vec<Seen<'t>>,
}

struct Seen<'t> {
    answer: &'t str,
    when: bool,
    claims: Vec<bool>,
    out: Vec<Value>,
}

/// [`extract`], with the answer-only passes taken from `memo` when the same answer (the same
/// slice of one text) was read before with the same `when`.
pub fn extract_memo<'t>(
    question: &str,
    answer: &'t str,
    base: usize,
    memo: &mut Memo<'t>,
) -> Vec<Value> {
    let ask = Ask::read(question);

    // Every figure, date, year and money amount has a digit: an answer without one ("Yes.",
    // "Not applicable", "two sites") skips those passes, which are most of the work.
    // (Money and durations also come in words: "£nil", "about a year".)
    let digits = answer.bytes().any(|b| b.is_ascii_digit());
    let same = |s: &&Seen<'t>| {
        std::ptr::eq(s.answer.as_ptr(), answer.as_ptr())
            && s.answer.len() == answer.len()
            && s.when == ask.when
    };
    let mut r = match memo.seen.iter().find(same) {
        Some(s) => Reader {
            text: answer,
            claims: s.claims.clone(),
            out: s.out.clone(),
        },
        None => {
            let mut r = Reader {
                text: answer,
                claims: vec![false; answer.len() + 1],
                out: Vec::new(),
            };
            if digits || answer.contains('£') || answer.contains("GBP") || answer.contains("pound")
            {
                r.money();
            }
            r.durations();
            if digits {
                r.claim_all(links::urls(answer));
                r.claim_all(links::emails(answer));
                r.dates(ask.when);
                r.percents();
                r.areas();
                r.claim_all(blockers::spans(answer).into_iter());
                r.mixed_words();
                r.list_markers();
            }
            memo.seen.push(Seen {
                answer,
                when: ask.when,
                claims: r.claims.clone(),
                out: r.out.clone(),
            });
            r
        }
    };
    let mut years = Vec::new();
    if digits {
        years = r.years(&ask);
        r.counts();
        r.money_columns();
        if ask.money && !ask.number && !ask.percent {
            r.sums_without_pound_sign();
            r.thousands_without_pound_sign();
        }
        r.pence();
    }
    let lead = label_end(answer);
    r.number_words(&ask, lead);
    if ask.number || ask.percent || (ask.money && !ask.yes_no) {
        r.zero(&ask);
    }
    let mut has_bool = r.boolean(&ask, past_restated(answer, lead));
    if !has_bool && ask.yes_no {
        has_bool = r.negative_statement(question);
    }
    if !has_bool {
        r.choices(&ask, question, lead);
    }
    r.emit_years(&ask, &years, lead);

    let sentences = sentences(answer);
    let skipped: Vec<(usize, usize)> = sentences
        .into_iter()
        .filter(|&(s, e)| is_cost_limit(&answer[s..e]))
        .collect();
    // sentences come in order: the one that could hold a value is found by binary search
    let in_skipped = |at: usize| {
        let i = skipped.partition_point(|&(s, _)| s <= at);
        i > 0 && at < skipped[i - 1].1
    };
    let mut out: Vec<Value> = r
        .out
        .into_iter()
        .filter(|v| !in_skipped(v.span.start))
        .collect();
    // a figure inside a named choice ("Dynamics 365") is part of the name
    let names: Vec<Span> = out
        .iter()
        .filter(|v| v.kind == ValueKind::Choice)
        .map(|v| v.span)
        .collect();
    out.retain(|v| {
        v.kind == ValueKind::Choice
            || !names
                .iter()
                .any(|n| v.span.start >= n.start && v.span.end <= n.end)
    });
    out.sort_by_key(|v| (v.span.start, v.span.end));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    for v in &mut out {
        v.span.start += base;
        v.span.end += base;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Patterns. Every pattern is a constant, compiled once; `tests::patterns_compile` forces them all.
// The word lists, figures and links are read by hand instead (the submodules), each tested
// against the pattern it replaced.

/// A number as replies write it: `1,386`, `71,402,913`, `4,812,330.75`, `3.275`, `8120`.
const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";
/// A multiplier written after a sum of money: `£3.275m`, `£84k`, `£12.7 million`, `£1.2bn`.
const SCALE: &str =
    r"(?:[ \t\n]?(?i-u:million|billion|thousand)(?-u:\b)|[ ]?(?i-u:mn|bn|m|k)(?-u:\b))";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<lo>(?:£[ ]?|(?-u:\b)(?i-u:gbp)[ ]?)(?P<a>{NUM})(?P<as>{SCALE})?)(?:(?P<sep>[ ]?(?:-|(?i-u:to))[ ]?)(?P<hi>(?P<hp>£[ ]?)?(?P<b>{NUM})(?P<bs>{SCALE})?))?"
    ))
});
/// "£nil", "£0": a sum of nothing is still money.
static MONEY_NIL: LazyLock<Regex> = LazyLock::new(|| re(r"£[ ]?(?i-u:nil)(?-u:\b)"));
/// Pounds written after the figure: "1,000 pounds", "5 million pounds sterling".
static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?P<a>{NUM})(?P<as>{SCALE})?[ ]?(?i-u:pounds(?:[ ]sterling)?|gbp|sterling)(?-u:\b)"
    ))
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?P<a>{NUM})(?:(?P<sep>[ ]?(?:-|(?i-u:to))[ ]?)(?P<b>{NUM}))?(?:[ ]?%|[ \t\n]?(?i-u:per[ \t\n]?cent|percent|pct)(?-u:\b))"
    ))
});
static AREA: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?P<a>{NUM})[ \t\n]?(?P<u>km²|(?i-u:km2|km\^2|sq\.?[ \t\n]?km|sq\.?[ \t\n]?kilomet(?:re|er)s?|square[ \t\n]kilomet(?:re|er)s?|square[ \t\n]km|sq\.?[ \t\n]?mi(?:les?)?|square[ \t\n]miles?|hectares?|ha|acres?|square[ \t\n]met(?:re|er)s?|sq\.?[ \t\n]?m(?:et(?:re|er)s?)?|m2|square[ \t\n](?:feet|foot)|sq\.?[ \t\n]?f(?:ee)?t)(?-u:\b)|m²)"
    ))
});
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?:(?P<a>{NUM})(?:(?P<sep>[ ]?(?:-|(?i-u:to))[ ]?)(?P<b>{NUM}))?|(?P<w>(?i-u:half[ ]an?|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)))[ \t\n\-]?(?P<u>(?i-u:calendar[ ]months?|calendar[ ]days?|years?|yrs?|months?|mths?|weeks?|wks?|days?))(?-u:\b)"
    ))
});

/// A run of letters, digits and joiners: `REF2020/0123`, `Q4a`, `2nd`, `COVID-19`, `AB1`. Such
/// a word is a reference or a label when it mixes letters and digits, never a count. Read by
/// [`joined_words`]; the pattern is kept to test it against.
#[cfg(test)]
static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[A-Za-z0-9]+(?:[\-_/.#][A-Za-z0-9]+)*"));

/// The byte ranges of the [`WORD`]s of `text`, found by hand: as a regex this pass stopped at
/// every word of every answer and cost more than any other pass of the stage.
fn joined_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let alnum_end = move |mut i: usize| {
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        i
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + b[at..].iter().position(u8::is_ascii_alphanumeric)?;
        let mut end = alnum_end(start);
        while end + 1 < b.len()
            && matches!(b[end], b'-' | b'_' | b'/' | b'.' | b'#')
            && b[end + 1].is_ascii_alphanumeric()
        {
            end = alnum_end(end + 1);
        }
        at = end;
        Some((start, end))
    })
}

/// A figure glued to the abbreviation of "number" ("187no", "31No", "12nos"), as council
/// replies write counts: a count, not a reference.
/// Four bare digits glued so ("2024no") are rather a code.
fn numero(w: &[u8]) -> bool {
    let figure = w
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b',')
        .count();
    let rest = &w[figure..];
    ((1..=3).contains(&figure) || w[..figure].contains(&b','))
        && (rest.eq_ignore_ascii_case(b"no") || rest.eq_ignore_ascii_case(b"nos"))
}

/// Whether the rest after a leading "Yes"/"No" marks it as the answer's yes or no, whatever the
/// question's form ("Through an external provider?" / "Yes, the University contracts…"): a
/// comma, full stop, dash or colon and then more words. "No. 5" and "No. of staff" (the
/// abbreviation of number) are not one.
fn marked_yes_no(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '\t']);
    let Some(mark) = t.chars().next() else {
        return false;
    };
    if !matches!(mark, ',' | '.' | '-' | '\u{2013}' | ':' | ';') {
        return false;
    }
    let rest = t[mark.len_utf8()..].trim_start();
    // After a full stop, a new sentence: "No. of staff" is a heading's abbreviation.
    rest.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && (mark != '.' || c.is_uppercase()))
}

/// The label a reply may put before an answer, and an id it may restate.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[ \t\n]*(?:(?i-u:(?:our[ ]+)?(?:response|answer|reply)(?:[ ]+to[ ]+(?:question|q)\.?)?)[ \t]*(?:[0-9]{1,3}[a-z]?)?[ \t]*[:=\-]?[ \t\n]*|(?i-u:a)\.?[0-9]{1,3}[a-z]?[ \t]*[:.=)\-]?[ \t\n]+|A[:=][ \t\n]*)?(?:(?i-u:q)[0-9]{1,3}[a-z]?(?:\([a-z0-9]{1,3}\))*[.):]?[ \t\n]+|\(?[0-9]{1,3}[a-z]?[.)][ \t\n]+|\([a-z]\)[ \t\n]+)?",
    )
});
/// A negated statement: "do not use", "there are no plans", "has never".
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)\s*(?:not|n't)|there\s+(?:is|are|was|were|have\s+been|has\s+been)\s+no|no\s+(?:immediate\s+|current\s+|future\s+)?plans?|never)\b",
    )
});
/// Words of a "not held" answer, which is no "No".
static NOT_RECORDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:hold|held|record|recorded|collect|collated|retain|keep|kept|log|logged|monitor|information|data|figures?)\b",
    )
});
/// Words that may follow "No" when it answers the question ("No, although...", "No we do not"),
/// as opposed to "No information is held".
#[rustfmt::skip]
const NO_FOLLOWERS: &[&str] = &[
    "we", "i", "it", "they", "there", "this", "that", "the", "our", "not", "as", "because", "but",
    "although", "however", "he", "she", "you", "these", "those", "never", "currently",
    "unfortunately", "sorry", "none", "neither",
];

static ZERO_NO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?i-u:no[ ]+((?:[a-z\-]+[ ]+){0,5}[a-z\-]+)[ \n]+(?:were|was|have[ ]+been|has[ ]+been|had[ ]+been))(?-u:\b)",
    )
});
static ZERO_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?i-u:(?:received|recorded|had|has|have|made|issued|found|identified|were|was|are|is)[ ]+(none|nil|zero))(?-u:\b)",
    )
});
/// "We have not bought or converted any sit-stand desks": none of the things asked about.
static ZERO_NOT_ANY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?i-u:(?:have|has|had|did)[ ]+(?:not|n't)[ ]+[a-z]+(?:[ ]+or[ ]+[a-z]+)?[ ]+any[ ]+([a-z\-]+))(?-u:\b)",
    )
});
/// "No funding has been agreed", "No new charges are planned": a sentence that answers a yes/no
/// question no by saying none of its thing is, was or will be.
static NO_THING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i-u:no[ ]+(?:[a-z\-]+[ ]+){0,5}?(?:is|are|was|were|has|have|had|will|would|can)[ ]+[a-z])",
    )
});
/// "Not at present.", "Not currently": a no that says when.
static NOT_NOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i-u:not[ ]+(?:at[ ]+present|currently|at[ ]+this[ ]+time|at[ ]+the[ ]+moment|yet))(?-u:\b)",
    )
});
static ZERO_THERE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?i-u:there[ ]+(?:were|was|have[ ]+been|has[ ]+been|had[ ]+been|are|is)[ ]+(?:no|none|zero))(?-u:\b)([ ]+[a-z]+)?",
    )
});
/// Nouns after "no" that say the information is missing, not that the number is nought.
#[rustfmt::skip]
const NOT_ZERO_NOUNS: &[&str] = &[
    "information", "record", "records", "data", "details", "detail", "document", "documents",
    "figures", "statistics", "report", "reports", "file", "files", "such", "recorded", "further",
    "relevant", "specific", "central", "way", "longer", "requirement", "obligation", "need",
    "response", "answer", "reply", "change", "changes", "evidence", "separate",
    "breakdown", "figure", "single", "dedicated",
];

// ---------------------------------------------------------------------------------------------
// The reader: claims and values.

struct Reader<'a> {
    text: &'a str,
    /// `claims[i]` is true when byte `i` has been read by an earlier pass.
    claims: Vec<bool>,
    out: Vec<Value>,
}

impl<'a> Reader<'a> {
    fn free(&self, s: usize, e: usize) -> bool {
        s <= e && e <= self.text.len() && !self.claims[s..e].iter().any(|&c| c)
    }

    fn claim(&mut self, s: usize, e: usize) {
        if s <= e && e <= self.text.len() {
            self.claims[s..e].iter_mut().for_each(|c| *c = true);
        }
    }

    fn claim_all(&mut self, spans: impl Iterator<Item = (usize, usize)>) {
        for (s, e) in spans {
            self.claim(s, e);
        }
    }

    /// Record a value read from `s..e` (infinite numbers are dropped: nothing a reply means).
    fn push(
        &mut self,
        kind: ValueKind,
        value: Scalar,
        unit: Option<String>,
        qualifier: Option<Qualifier>,
        s: usize,
        e: usize,
    ) {
        if let Scalar::Number(n) = value {
            if !n.is_finite() {
                return;
            }
        }
        self.out.push(Value {
            kind,
            value,
            unit,
            qualifier,
            text: self.text[s..e].to_string(),
            span: Span::new(s, e),
        });
    }

    /// The qualifier just before `start` ("circa", "over", "less than"), and where it starts.
    fn qualifier_before(&self, start: usize) -> Option<(Qualifier, usize)> {
        let from = ceil_char(self.text, start.saturating_sub(32));
        let window = &self.text[from..start];
        let (word, at) = qualifiers::before(window)?;
        let q = match word {
            "no more than" | "not more than" | "up to" | "at most" | "a maximum of"
            | "maximum of" => Qualifier::AtMost,
            "more than" | "in excess of" | "at least" | "upwards of" | "greater than"
            | "exceeding" | "over" | "above" | "a minimum of" | "minimum of" | ">" => {
                Qualifier::AtLeast
            }
            "fewer than" | "less than" | "under" | "below" | "<" => Qualifier::LessThan,
            _ => Qualifier::Approx,
        };
        Some((q, from + at))
    }

    /// The qualifier just after `end` ("250+", "20 or more"), and where the figure's words end.
    fn qualifier_after(&self, end: usize) -> Option<(Qualifier, usize)> {
        let rest = &self.text[end..];
        if rest.starts_with('+') {
            return Some((Qualifier::AtLeast, end + 1));
        }
        let q = match qualifiers::after(rest)? {
            "more" | "over" | "above" | "greater" | "upwards" => Qualifier::AtLeast,
            _ => Qualifier::AtMost,
        };
        Some((q, end))
    }

    /// Qualifier and widened span of a figure read at `s..e`: a prefix qualifier wins over a
    /// suffix one; the "+" of "250+" joins the figure's words.
    fn qualify(&self, s: usize, e: usize) -> (Option<Qualifier>, usize, usize) {
        if let Some((q, qs)) = self.qualifier_before(s) {
            return (Some(q), qs, e);
        }
        if let Some((q, qe)) = self.qualifier_after(e) {
            return (Some(q), s, qe);
        }
        (None, s, e)
    }

    fn after_from(&self, s: usize) -> bool {
        let from = ceil_char(self.text, s.saturating_sub(16));
        qualifiers::after_from_word(&self.text[from..s])
    }

    /// Dates; when the question asks when, each date's year is a year value too, so "April 2012"
    /// answers "What year…" as well as "On what date…".
    fn dates(&mut self, when: bool) {
        for d in find_dates(self.text, true) {
            let (s, e) = (d.start, d.end);
            if s >= e
                || e > self.text.len()
                || !self.text.is_char_boundary(s)
                || !self.text.is_char_boundary(e)
                || !self.free(s, e)
            {
                continue;
            }
            let iso = if d.has_day {
                d.date.iso()
            } else {
                format!("{:04}-{:02}", d.date.year, d.date.month)
            };
            self.claim(s, e);
            self.push(ValueKind::Date, Scalar::Text(iso), None, None, s, e);
            if when && (1950..=2100).contains(&d.date.year) {
                self.push(
                    ValueKind::Year,
                    Scalar::Number(d.date.year as f64),
                    None,
                    None,
                    s,
                    e,
                );
            }
        }
    }

    fn money(&mut self) {
        let text = self.text;
        for caps in MONEY.captures_iter(text) {
            let (Some(lo), Some(a)) = (caps.name("lo"), caps.name("a")) else {
                continue;
            };
            if !self.free(lo.start(), lo.end()) {
                continue;
            }
            let a_scale = scale(caps.name("as").map(|m| m.as_str()));
            let Some(a_raw) = parse_num(a.as_str()) else {
                continue;
            };
            if let (Some(hi), Some(b), Some(sep)) =
                (caps.name("hi"), caps.name("b"), caps.name("sep"))
            {
                let b_scale = scale(caps.name("bs").map(|m| m.as_str()));
                let explicit =
                    caps.name("hp").is_some() || caps.name("bs").is_some() || sep.as_str() == "-";
                if let Some(b_raw) = parse_num(b.as_str()) {
                    let a_scale = if caps.name("as").is_none() && a_raw <= b_raw {
                        b_scale
                    } else {
                        a_scale
                    };
                    let (low, high) = (money_round(a_raw * a_scale), money_round(b_raw * b_scale));
                    if explicit
                        && low < high
                        && !self.after_from(lo.start())
                        && self.free(hi.start(), hi.end())
                    {
                        let (q, s, _) = self.qualify(lo.start(), lo.end());
                        let q = q
                            .filter(|q| *q == Qualifier::Approx)
                            .or(Some(Qualifier::AtLeast));
                        self.claim(s, hi.end());
                        self.push(ValueKind::Money, Scalar::Number(low), gbp(), q, s, lo.end());
                        self.push(
                            ValueKind::Money,
                            Scalar::Number(high),
                            gbp(),
                            Some(Qualifier::AtMost),
                            hi.start(),
                            hi.end(),
                        );
                        continue;
                    }
                }
            }
            let (q, s, e) = self.qualify(lo.start(), lo.end());
            self.claim(s, e);
            self.push(
                ValueKind::Money,
                Scalar::Number(money_round(a_raw * a_scale)),
                gbp(),
                q,
                s,
                e,
            );
            // "from £5k to £10k": not a range, but the second sum is money all the same
            if let (Some(hi), Some(_), Some(b)) = (caps.name("hi"), caps.name("hp"), caps.name("b"))
            {
                if let Some(b_raw) = parse_num(b.as_str()) {
                    if self.free(hi.start(), hi.end()) {
                        let b_scale = scale(caps.name("bs").map(|m| m.as_str()));
                        self.claim(hi.start(), hi.end());
                        let v = money_round(b_raw * b_scale);
                        self.push(
                            ValueKind::Money,
                            Scalar::Number(v),
                            gbp(),
                            None,
                            hi.start(),
                            hi.end(),
                        );
                    }
                }
            }
        }
        for m in MONEY_NIL.find_iter(text) {
            if self.free(m.start(), m.end()) {
                self.claim(m.start(), m.end());
                self.push(
                    ValueKind::Money,
                    Scalar::Number(0.0),
                    gbp(),
                    None,
                    m.start(),
                    m.end(),
                );
            }
        }
        for caps in MONEY_AFTER.captures_iter(text) {
            let (Some(m), Some(a)) = (caps.get(0), caps.name("a")) else {
                continue;
            };
            if !self.free(m.start(), m.end()) {
                continue;
            }
            let Some(n) = parse_num(a.as_str()) else {
                continue;
            };
            let n = money_round(n * scale(caps.name("as").map(|m| m.as_str())));
            let (q, s, e) = self.qualify(m.start(), m.end());
            self.claim(s, e);
            self.push(ValueKind::Money, Scalar::Number(n), gbp(), q, s, e);
        }
    }

    fn percents(&mut self) {
        let text = self.text;
        for caps in PERCENT.captures_iter(text) {
            let (Some(m), Some(a)) = (caps.get(0), caps.name("a")) else {
                continue;
            };
            if !self.free(m.start(), m.end()) {
                continue;
            }
            let unit = Some("%".to_string());
            if let (Some(b), Some(_)) = (caps.name("b"), caps.name("sep")) {
                let (Some(lo), Some(hi)) = (parse_num(a.as_str()), parse_num(b.as_str())) else {
                    continue;
                };
                if lo < hi && !self.after_from(a.start()) {
                    let (q, s, _) = self.qualify(a.start(), a.end());
                    let q = q
                        .filter(|q| *q == Qualifier::Approx)
                        .or(Some(Qualifier::AtLeast));
                    self.claim(s, m.end());
                    self.push(
                        ValueKind::Percent,
                        Scalar::Number(lo),
                        unit.clone(),
                        q,
                        s,
                        a.end(),
                    );
                    self.push(
                        ValueKind::Percent,
                        Scalar::Number(hi),
                        unit,
                        Some(Qualifier::AtMost),
                        b.start(),
                        m.end(),
                    );
                } else {
                    // "from 5 to 10%": only the figure with the sign is surely a percentage.
                    let (q, s, e) = self.qualify(b.start(), m.end());
                    self.claim(s, e);
                    self.push(ValueKind::Percent, Scalar::Number(hi), unit, q, s, e);
                }
                continue;
            }
            let Some(n) = parse_num(a.as_str()) else {
                continue;
            };
            let (q, s, e) = self.qualify(m.start(), m.end());
            self.claim(s, e);
            self.push(ValueKind::Percent, Scalar::Number(n), unit, q, s, e);
        }
    }

    fn areas(&mut self) {
        let text = self.text;
        for caps in AREA.captures_iter(text) {
            let (Some(m), Some(a), Some(u)) = (caps.get(0), caps.name("a"), caps.name("u")) else {
                continue;
            };
            if !self.free(m.start(), m.end()) {
                continue;
            }
            let Some(n) = parse_num(a.as_str()) else {
                continue;
            };
            let unit = u.as_str().to_ascii_lowercase();
            let km2 = if unit.starts_with("hectare") || unit == "ha" {
                n / 100.0
            } else if unit.starts_with("acre") {
                n * 0.004_046_86
            } else if unit.contains("mi") && !unit.contains("kilo") {
                n * 2.589_988
            } else if unit.contains("f") {
                // square feet
                n * 9.290_304e-8
            } else if !unit.contains('k') {
                // square metres ("m2", "m²", "sq m", "square metres")
                n / 1e6
            } else {
                n
            };
            let km2 = (km2 * 1e6).round() / 1e6;
            let (q, s, e) = self.qualify(m.start(), m.end());
            self.claim(s, e);
            self.push(
                ValueKind::Area,
                Scalar::Number(km2),
                Some("km2".into()),
                q,
                s,
                e,
            );
        }
    }

    fn durations(&mut self) {
        let text = self.text;
        for caps in DURATION.captures_iter(text) {
            let (Some(m), Some(u)) = (caps.get(0), caps.name("u")) else {
                continue;
            };
            if !self.free(m.start(), m.end()) {
                continue;
            }
            if qualifiers::rate_or_age_after(&text[m.end()..]) {
                self.claim(m.start(), m.end());
                continue;
            }
            let per_month = months_per(u.as_str());
            if let Some(w) = caps.name("w") {
                let word = w.as_str().to_ascii_lowercase();
                if matches!(word.as_str(), "a" | "an" | "one") {
                    let from = ceil_char(text, m.start().saturating_sub(12));
                    if qualifiers::frequency_before(&text[from..m.start()]) {
                        continue;
                    }
                }
                let n = if word.starts_with("half") {
                    0.5
                } else {
                    word_number(&word).unwrap_or(1.0)
                };
                let (q, s, e) = self.qualify(m.start(), m.end());
                self.claim(s, e);
                self.push_duration(n * per_month, q, s, e);
                continue;
            }
            let Some(a) = caps.name("a") else { continue };
            let Some(lo) = parse_num(a.as_str()) else {
                continue;
            };
            if let Some(b) = caps.name("b") {
                if let Some(hi) = parse_num(b.as_str()) {
                    if lo < hi && !self.after_from(a.start()) {
                        let (q, s, _) = self.qualify(a.start(), a.end());
                        let q = q
                            .filter(|q| *q == Qualifier::Approx)
                            .or(Some(Qualifier::AtLeast));
                        self.claim(s, m.end());
                        self.push_duration(lo * per_month, q, s, a.end());
                        self.push_duration(
                            hi * per_month,
                            Some(Qualifier::AtMost),
                            b.start(),
                            m.end(),
                        );
                    } else {
                        let (q, s, e) = self.qualify(b.start(), m.end());
                        self.claim(s, e);
                        self.push_duration(hi * per_month, q, s, e);
                    }
                    continue;
                }
            }
            let (q, s, e) = self.qualify(m.start(), m.end());
            self.claim(s, e);
            self.push_duration(lo * per_month, q, s, e);
        }
    }

    fn push_duration(&mut self, months: f64, q: Option<Qualifier>, s: usize, e: usize) {
        // Four decimals: two lost a short duration ("3 days" is 0.0986 months, not 0.1).
        let months = (months * 10_000.0).round() / 10_000.0;
        self.push(
            ValueKind::Duration,
            Scalar::Number(months),
            Some("months".into()),
            q,
            s,
            e,
        );
    }

    /// Words mixing letters and digits are references and labels (`REF2020/0123`, `Q4a`).
    fn mixed_words(&mut self) {
        for (s, e) in joined_words(self.text) {
            let w = &self.text.as_bytes()[s..e];
            if w.iter().any(|b| b.is_ascii_digit())
                && w.iter().any(|b| b.is_ascii_alphabetic())
                && !numero(w)
            {
                self.claim(s, e);
            }
        }
    }

    /// "1. ", "(2) " at the start of a line number a list, they count nothing.
    fn list_markers(&mut self) {
        self.claim_all(links::list_markers(self.text));
    }

    /// Year-like numbers: claimed so they are not counts, and kept as candidates for a year.
    /// In a count answer a year-like figure before a plural noun and after no "in"/"since"
    /// ("2000 staff") is left for the counts.
    fn years(&mut self, ask: &Ask) -> Vec<(usize, usize, f64)> {
        let text = self.text;
        let mut found = Vec::new();
        for (s, e, n) in numbers::year_like(text) {
            // before 1900 a figure is a year only when the question asks when
            if !self.free(s, e) || (n < 1900.0 && !ask.when) {
                continue;
            }
            let after = &text[e..];
            if after.starts_with(',') && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
                || after.starts_with('.') && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
            if ask.number {
                let from = ceil_char(text, s.saturating_sub(24));
                let year_word = qualifiers::year_word_before(&text[from..s]);
                // "2018 vehicles" counts vehicles; "2018 Votes and Voices" names a year's row.
                let capital = text[e..]
                    .strip_prefix(' ')
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_uppercase()));
                let noun = noun_after(text, e)
                    .is_some_and(|(u, _)| u.split(' ').next_back().is_some_and(is_plural));
                if noun && !year_word && !capital {
                    continue;
                }
            }
            self.claim(s, e);
            found.push((s, e, n));
        }
        found
    }

    fn emit_years(&mut self, ask: &Ask, years: &[(usize, usize, f64)], lead: usize) {
        let only_year = years.len() == 1 && {
            let (s, e, _) = years[0];
            let rest = format!("{} {}", &self.text[lead.min(s)..s], &self.text[e..]);
            let words = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .count();
            words <= 3 && !rest.bytes().any(|b| b.is_ascii_digit())
        };
        if !(ask.when || only_year) {
            return;
        }
        for &(s, e, n) in years {
            // "the Act 2009", "the 2010 Regulations": the year names a law.
            let next = self.text[e..]
                .trim_start()
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if matches!(prev_word(self.text, s), "Act" | "Regulations" | "Order")
                || matches!(next, "Act" | "Regulations" | "Order" | "Regulation")
            {
                continue;
            }
            if (1950.0..=2100.0).contains(&n) {
                self.push(ValueKind::Year, Scalar::Number(n), None, None, s, e);
            }
        }
    }

    fn counts(&mut self) {
        let text = self.text;
        for c in numbers::counts(text) {
            let (a_s, a_e) = c.a;
            let sfx = c.scale.map(|(s, e)| (e, &text[s..e]));
            if let Some((b_s, b_e)) = c.b {
                if let (Some(lo), Some(hi)) =
                    (parse_num(&text[a_s..a_e]), parse_num(&text[b_s..b_e]))
                {
                    let end = c.end;
                    if lo < hi
                        && self.free(a_s, end)
                        && self.count_context_ok(a_s, end)
                        && !self.after_from(a_s)
                    {
                        let mult = scale(sfx.map(|(_, w)| w));
                        let unit = noun_after(text, end).map(|(u, _)| u);
                        let (q, s, _) = self.qualify(a_s, a_e);
                        let q = q
                            .filter(|q| *q == Qualifier::Approx)
                            .or(Some(Qualifier::AtLeast));
                        self.claim(s, end);
                        self.push(
                            ValueKind::Count,
                            Scalar::Number(lo * mult),
                            unit.clone(),
                            q,
                            s,
                            a_e,
                        );
                        self.push(
                            ValueKind::Count,
                            Scalar::Number(hi * mult),
                            unit,
                            Some(Qualifier::AtMost),
                            b_s,
                            end,
                        );
                        continue;
                    }
                }
            }
            // Not a range ("2019 - 3", "from 5 to 10"): each figure on its own, the multiplier
            // going with the figure it follows.
            match c.b {
                Some((b_s, b_e)) => {
                    self.single_count(a_s, a_e, None);
                    self.single_count(b_s, b_e, sfx);
                }
                None => self.single_count(a_s, a_e, sfx),
            }
        }
    }

    /// Counts in a table column headed with pounds ("Cost £") are sums.
    fn money_columns(&mut self) {
        let cells = columns::money_cells(self.text);
        if cells.is_empty() {
            return;
        }
        for v in &mut self.out {
            if v.kind == ValueKind::Count
                && v.unit.is_none()
                && cells
                    .iter()
                    .any(|&(a, b)| v.span.start >= a && v.span.end <= b)
            {
                v.kind = ValueKind::Money;
                v.unit = gbp();
            }
        }
    }

    /// A question that asks for a sum, answered with figures without the pound sign: "the
    /// contract cost 31,640", "the balance amounted to 2,316.40" (a figure after a word of
    /// money, or with pence). Such a figure is the sum, not a count.
    fn sums_without_pound_sign(&mut self) {
        let text = self.text;
        let no_pound = !text.contains('£');
        for v in &mut self.out {
            if v.kind != ValueKind::Count || v.unit.is_some() {
                continue;
            }
            let figure = &text[v.span.start..v.span.end];
            let pence = figure
                .rsplit_once('.')
                .is_some_and(|(_, p)| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()));
            // "2019/20: 412,908" under "What is your annual spend on …", with no pound sign
            // anywhere in the answer: a grouped figure is the sum.
            let grouped = no_pound && figure.contains(',');
            if pence || grouped || after_money_word(text, v.span.start) {
                v.kind = ValueKind::Money;
                v.unit = gbp();
            }
        }
    }

    /// "3.8K" in a list of sums ("£4k", "£2.5K", "3.8K"): thousands of pounds, the sign left
    /// out.
    fn thousands_without_pound_sign(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        for (s, e) in joined_words(text) {
            let w = &b[s..e];
            let Some((&last, digits)) = w.split_last() else {
                continue;
            };
            if !matches!(last, b'k' | b'K')
                || digits.is_empty()
                || !digits[0].is_ascii_digit()
                || !digits.iter().all(|c| c.is_ascii_digit() || *c == b'.')
                || text[..s].ends_with('£')
                || self.out.iter().any(|v| v.span.start < e && s < v.span.end)
            {
                continue;
            }
            // "Response.docx" then "18K": a file's size in an attachment list.
            let before = text[..s].trim_end();
            let file_line = before.rsplit('\n').next().unwrap_or("").trim_end();
            if before.len() < text[..s].len()
                && text[..s][before.len()..].contains('\n')
                && file_line.rsplit_once('.').is_some_and(|(_, ext)| {
                    FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
                })
            {
                continue;
            }
            let Some(n) = parse_num(&text[s..e - 1]) else {
                continue;
            };
            self.push(
                ValueKind::Money,
                Scalar::Number(n * 1000.0),
                gbp(),
                None,
                s,
                e,
            );
        }
    }

    /// "A charge of 40p": pence glued to the figure (claimed as a mixed word, so no count took
    /// it), whatever the question.
    fn pence(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        for (s, e) in joined_words(text) {
            let w = &b[s..e];
            let Some((&b'p', digits)) = w.split_last() else {
                continue;
            };
            if digits.is_empty()
                || digits.len() > 3
                || !digits.iter().all(u8::is_ascii_digit)
                || self.out.iter().any(|v| v.span.start < e && s < v.span.end)
            {
                continue;
            }
            let Some(n) = parse_num(&text[s..e - 1]) else {
                continue;
            };
            self.push(
                ValueKind::Money,
                Scalar::Number(n / 100.0),
                gbp(),
                None,
                s,
                e,
            );
        }
    }

    /// One figure at `s0..num_end` as a count; `suffix` is a multiplier word after it ("1.2
    /// million") with the offset where that word ends.
    fn single_count(&mut self, s0: usize, num_end: usize, suffix: Option<(usize, &str)>) {
        let text = self.text;
        let (e0, mult) = suffix.map_or((num_end, 1.0), |(end, w)| (end, scale(Some(w))));
        if !self.free(s0, e0) || !self.count_context_ok(s0, num_end) || self.version_of_name(s0, e0)
        {
            return;
        }
        // "when a 999 call is made", "an 18 month contract": a figure after "a" names a kind
        // of thing; a count never follows the article.
        if matches!(prev_word(text, s0), "a" | "A" | "an" | "An") {
            return;
        }
        let Some(n) = parse_num(&text[s0..num_end]) else {
            return;
        };
        let unit = noun_after(text, e0).map(|(u, _)| u);
        if unit.as_deref().is_some_and(is_time_unit) {
            return;
        }
        let (q, s, e) = self.qualify(s0, e0);
        self.claim(s, e);
        self.push(ValueKind::Count, Scalar::Number(n * mult), unit, q, s, e);
    }

    /// "Acme Dynamics 365", "Windows Server 2019": a figure that ends a name of two or more
    /// capitalised words, with no noun after it, is part of the name.
    fn version_of_name(&self, s: usize, e: usize) -> bool {
        let head = &self.text[..s];
        let Some(head) = head.strip_suffix(' ') else {
            return false;
        };
        let w1 = word_start(head, head.len());
        let Some(head2) = head[..w1].strip_suffix(' ') else {
            return false;
        };
        let w2 = word_start(head2, head2.len());
        let capital = |w: &str| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase());
        // "… The Long Road Approximately 9,500": a qualifier before the figure ends the name.
        let qualifier = matches!(
            head[w1..].to_ascii_lowercase().trim_end_matches('.'),
            "approximately"
                | "approx"
                | "around"
                | "about"
                | "circa"
                | "over"
                | "under"
                | "nearly"
                | "almost"
                | "roughly"
                | "total"
                | "totals"
        );
        !qualifier
            && capital(&head[w1..])
            && capital(&head2[w2..])
            && noun_after(self.text, e).is_none()
    }

    /// A figure glued to other symbols is not a count: "$5", "€5", "#12", "1.2.3", "x:5".
    fn count_context_ok(&self, s: usize, e: usize) -> bool {
        let before = self.text[..s].chars().next_back();
        let after = self.text[e..].chars().next();
        let bad_before = matches!(
            before,
            Some('$' | '€' | '#' | '.' | '/' | ':' | '\\' | '@' | '_')
        ) || before.is_some_and(|c| c.is_ascii_alphanumeric());
        let b = self.text.as_bytes();
        let word_end = e + b[e..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let bad_after = !numero(&b[s..word_end])
            && after.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '@'))
            || (after == Some('.') && self.text[e + 1..].starts_with(|c: char| c.is_ascii_digit()))
            || (after == Some(':') && self.text[e + 1..].starts_with(|c: char| c.is_ascii_digit()));
        !bad_before && !bad_after
    }

    /// Number words count only when they quantify a noun: "two sites", not "one of".
    /// A number word alone is an answer too when the question asks how many ("Two.").
    fn number_words(&mut self, ask: &Ask, lead: usize) {
        let text = self.text;
        for (ms, me) in words::number_words(text) {
            if !self.free(ms, me) {
                continue;
            }
            let word = text[ms..me].to_ascii_lowercase();
            let Some(n) = word_number(&word) else {
                continue;
            };
            let alone = ask.number
                && ms == lead
                && text[me..]
                    .trim_matches(|c: char| c.is_ascii_whitespace() || c == '.')
                    .is_empty();
            let unit = if text[me..].starts_with(' ') {
                noun_after(text, me)
            } else {
                None
            };
            let unit = match unit {
                Some((u, _)) if !is_time_unit(&u) => Some(u),
                Some(_) => continue,
                // "Seven in parks; two on the estates." opening the answer to "how many".
                None if alone || (ask.number && ms == lead) => None,
                None => continue,
            };
            let prev = prev_word(text, ms).to_ascii_lowercase();
            // "isn't one specific code", "not two": a negated number counts nothing
            if matches!(
                prev.as_str(),
                "not" | "t" | "no" | "never" | "nor" | "without"
            ) || (n == 1.0
                && matches!(
                    prev.as_str(),
                    "any"
                        | "each"
                        | "every"
                        | "the"
                        | "this"
                        | "that"
                        | "which"
                        | "someone"
                        | "anyone"
                ))
            {
                continue;
            }
            let (q, s, e) = self.qualify(ms, me);
            self.claim(s, e);
            self.push(ValueKind::Count, Scalar::Number(n), unit, q, s, e);
        }
    }

    /// "None", "Nil", "No complaints were received", "There were none": 0 when the question asks
    /// for a number (a count, or a percentage).
    fn zero(&mut self, ask: &Ask) {
        let text = self.text;
        let kind = if ask.number {
            ValueKind::Count
        } else if ask.percent {
            ValueKind::Percent
        } else {
            ValueKind::Money
        };
        let unit = |u: Option<String>| match kind {
            ValueKind::Count => u,
            ValueKind::Percent => Some("%".to_string()),
            _ => Some("GBP".to_string()),
        };
        let lead = label_end(text);
        if let Some(word_len) = words::zero_word_len(&text[lead..]) {
            let (s, e) = (lead, lead + word_len);
            if self.free(s, e) {
                self.push_zero(ask, kind, unit(None), s, e);
            }
            return;
        }
        if let Some(caps) = ZERO_NO.captures(text) {
            let (Some(m), Some(nouns)) = (caps.get(0), caps.get(1)) else {
                return;
            };
            let words: Vec<String> = nouns
                .as_str()
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| w.to_ascii_lowercase())
                .collect();
            let bad = words.iter().any(|w| NOT_ZERO_NOUNS.contains(&w.as_str()))
                || words.first().is_some_and(|w| is_stopword(w));
            if !bad && self.free(m.start(), m.end()) {
                let u = nouns.as_str().trim().to_string();
                self.push_zero(ask, kind, unit(Some(u)), m.start(), m.end());
                return;
            }
        }
        if let Some(caps) = ZERO_VERB.captures(text) {
            if let Some(m) = caps.get(1) {
                if self.free(m.start(), m.end()) {
                    self.push_zero(ask, kind, unit(None), m.start(), m.end());
                    return;
                }
            }
        }
        if let Some(caps) = ZERO_NOT_ANY.captures(text) {
            if let (Some(m), Some(noun)) = (caps.get(0), caps.get(1)) {
                let noun = noun.as_str().to_ascii_lowercase();
                if !NOT_ZERO_NOUNS.contains(&noun.as_str()) && self.free(m.start(), m.end()) {
                    self.push_zero(ask, kind, unit(None), m.start(), m.end());
                    return;
                }
            }
        }
        if let Some(caps) = ZERO_THERE.captures(text) {
            let Some(m) = caps.get(0) else { return };
            let next = caps.get(1).map(|w| w.as_str().trim().to_ascii_lowercase());
            if next.as_deref().is_some_and(|w| NOT_ZERO_NOUNS.contains(&w)) {
                return;
            }
            if self.free(m.start(), m.end()) {
                self.push_zero(ask, kind, unit(None), m.start(), m.end());
            }
        }
    }

    /// A nought read from the words at `s..e`, claimed; a question that asks for a number and
    /// a sum ("the number of bikes recovered and the total value of any charges") gets £0 too.
    fn push_zero(&mut self, ask: &Ask, kind: ValueKind, unit: Option<String>, s: usize, e: usize) {
        self.claim(s, e);
        self.push(kind, Scalar::Number(0.0), unit, None, s, e);
        if kind == ValueKind::Count && ask.money {
            self.push(
                ValueKind::Money,
                Scalar::Number(0.0),
                Some("GBP".to_string()),
                None,
                s,
                e,
            );
        }
    }

    /// Yes or no at the start of the answer, for a yes/no question or an answer that is only
    /// "Yes"/"No". "No information is held", "None", "N/A" and "Nobody" are not answers of no.
    fn boolean(&mut self, ask: &Ask, lead: usize) -> bool {
        let text = self.text;
        let rest = &text[lead..];
        if ask.yes_no {
            if let Some(m) = NOT_NOW.find(rest) {
                let (s, e) = (lead, lead + m.end());
                self.claim(s, e);
                self.push(ValueKind::Boolean, Scalar::Bool(false), None, None, s, e);
                return true;
            }
        }
        let Some(word_len) = words::yes_no_len(rest) else {
            return false;
        };
        let yes = word_len == 3;
        let after = &rest[word_len..];
        if !yes && ask.yes_no && after.starts_with(' ') {
            // "No funding has been agreed for 2025.": none of the thing asked about; not "No
            // information is held" (the first sentence says nothing of holding or recording).
            let first = rest.split(['.', ';', '\n']).next().unwrap_or(rest);
            if NO_THING.is_match(first) && !NOT_RECORDED.is_match(first) {
                let (s, e) = (lead, lead + word_len);
                self.claim(s, e);
                self.push(ValueKind::Boolean, Scalar::Bool(false), None, None, s, e);
                return true;
            }
        }
        if !yes && after.starts_with([' ', '\t', '\n']) {
            let next: String = after
                .trim_start()
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .map(|b| b.to_ascii_lowercase() as char)
                .collect();
            if !next.is_empty() && !NO_FOLLOWERS.contains(&next.as_str()) {
                return false;
            }
        }
        let alone = after
            .trim_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '.' | '!'))
            .is_empty();
        if !(ask.yes_no || alone || (marked_yes_no(after) && !ask.number && !ask.percent)) {
            return false;
        }
        let (s, e) = (lead, lead + word_len);
        self.claim(s, e);
        self.push(ValueKind::Boolean, Scalar::Bool(yes), None, None, s, e);
        true
    }

    /// A yes/no question answered "No" in a sentence that says the question's own words back
    /// negated: "Does the council use drones?" / "We do not use drones", "Is it planning AED
    /// drones?" / "There are no immediate plans for drones". A sentence about what is not held
    /// or recorded says nothing about the answer's yes or no.
    fn negative_statement(&mut self, question: &str) -> bool {
        if !NEGATED.is_match(self.text) {
            return false;
        }
        let stem = |w: &str| -> String { w.to_ascii_lowercase().chars().take(4).collect() };
        let q_words: Vec<String> = question
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 3 && !is_stopword(&w.to_ascii_lowercase()))
            .map(stem)
            .collect();
        let text = self.text;
        let sentences = || text.split_inclusive(['.', '\n', ';']);
        // An answer that says the information is not held ("The University therefore does not
        // hold this information", "No risk assessment for X is held") answers no question yes or
        // no, whatever else it denies; "There is no separate written policy" (no words of
        // holding or recording) is the answer no.
        if sentences().any(|s| {
            NOT_RECORDED.is_match(s) && (NEGATED.is_match(s) || crate::classify::says_not_held(s))
        }) {
            return false;
        }
        let mut from = 0;
        for sent in sentences() {
            let (s, e) = (from, from + sent.len());
            from = e;
            let Some(m) = NEGATED.find(sent) else {
                continue;
            };
            let shared = sent
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() >= 3 && !is_stopword(&w.to_ascii_lowercase()))
                .map(stem)
                .filter(|w| q_words.contains(w))
                .collect::<std::collections::HashSet<_>>()
                .len();
            if shared >= 2 {
                let (ms, me) = (s + m.start(), s + m.end());
                let _ = e;
                self.claim(ms, me);
                self.push(ValueKind::Boolean, Scalar::Bool(false), None, None, ms, me);
                return true;
            }
        }
        false
    }

    fn choices(&mut self, ask: &Ask, question: &str, lead: usize) {
        if (!ask.options && !ask.name) || words::REFUSAL.is_match(self.text) {
            return;
        }
        let mut found = false;
        if ask.options {
            found = self.offered_options(question);
        }
        if !found && ask.name {
            self.leading_name(lead);
        }
    }

    /// Options the question offers ("...around tenants or buildings?") that the answer names.
    fn offered_options(&mut self, question: &str) -> bool {
        let lower_answer = self.text.to_ascii_lowercase();
        // "Both" / "All of them" names every option: one choice whose words name them all, so
        // a tally can count it apart and it still contains each option's name.
        let t = lower_answer.trim().trim_end_matches(['.', '!']);
        let first = t
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if matches!(first, "both" | "all") && t.split_whitespace().count() <= 6 {
            let groups = option_groups(question);
            let named = groups
                .iter()
                .flatten()
                .any(|c| find_word(&lower_answer, &c.to_ascii_lowercase()).is_some());
            if groups.len() >= 2 && !named {
                let lower_q = question.to_ascii_lowercase();
                // Each option's shortest wording, without a leading preposition ("by ward").
                let strip = |c: &String| -> String {
                    let mut w: Vec<&str> = c.split_whitespace().collect();
                    while w.len() > 1
                        && matches!(
                            w[0].to_ascii_lowercase().as_str(),
                            "by" | "in"
                                | "at"
                                | "on"
                                | "for"
                                | "to"
                                | "from"
                                | "with"
                                | "the"
                                | "a"
                                | "an"
                        )
                    {
                        w.remove(0);
                    }
                    w.join(" ")
                };
                let mut names: Vec<String> = groups
                    .iter()
                    .filter_map(|g| g.iter().min_by_key(|c| c.len()).map(strip))
                    .collect();
                names.sort_by_key(|n| lower_q.find(&n.to_ascii_lowercase()).unwrap_or(usize::MAX));
                let label = if first == "both" { "Both" } else { "All" };
                let value = format!("{label} ({})", names.join(" and "));
                let lead = self.text.len() - self.text.trim_start().len();
                let end = lead + first.len();
                if self.free(lead, end) {
                    self.claim(lead, end);
                    self.push(
                        ValueKind::Choice,
                        Scalar::Text(value),
                        None,
                        None,
                        lead,
                        end,
                    );
                    return true;
                }
            }
        }
        let mut emitted: Vec<String> = Vec::new();
        for group in option_groups(question).into_iter().take(24) {
            // a group lists the candidate wordings of one option, preferred first
            for cand in group {
                let key = cand.to_ascii_lowercase();
                if emitted.contains(&key) {
                    break;
                }
                if let Some(pos) = find_word(&lower_answer, &key) {
                    let e = pos + key.len();
                    if !self.free(pos, e) {
                        continue;
                    }
                    self.claim(pos, e);
                    self.push(
                        ValueKind::Choice,
                        Scalar::Text(cand.clone()),
                        None,
                        None,
                        pos,
                        e,
                    );
                    emitted.push(key);
                    break;
                }
            }
        }
        !emitted.is_empty()
    }

    /// The leading proper name of the answer ("Acme Dynamics 365", "We use Foo Systems Ltd"),
    /// for a question that asks which product or supplier. Conservative: a single capitalised
    /// word counts only in a short answer or after "we use" / "supplied by".
    fn leading_name(&mut self, lead: usize) {
        let text = self.text;
        let words = words_with_offsets(text, lead, 40);
        if words.is_empty() {
            return;
        }
        let mut i = 0;
        let mut introduced = false;
        let first = words[0].2.to_ascii_lowercase();
        if matches!(
            first.as_str(),
            "we" | "the"
                | "our"
                | "it"
                | "this"
                | "currently"
                | "presently"
                | "they"
                | "all"
                | "provided"
                | "supplied"
        ) {
            let limit = words.len().min(7);
            let Some(v) = (0..limit).find(|&k| {
                let w = words[k].2.trim_end_matches([',', ':']).to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "use"
                        | "uses"
                        | "used"
                        | "using"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "by"
                        | "from"
                        | "with"
                        | "called"
                        | "named"
                )
            }) else {
                return;
            };
            i = v + 1;
            // "… are maintained under contract by Acme Ltd": the name comes after a later
            // "by"/"from"/"with" when the first verb is not followed by one.
            let capital_at = |k: usize| {
                words
                    .get(k)
                    .is_some_and(|w| w.2.starts_with(|c: char| c.is_ascii_uppercase()))
            };
            if !capital_at(i) {
                let later = (i..words.len().min(16)).find(|&k| {
                    matches!(
                        words[k].2.to_ascii_lowercase().as_str(),
                        "by" | "from" | "with" | "called" | "named" | "to"
                    ) && capital_at(k + 1)
                });
                if let Some(k) = later {
                    i = k + 1;
                }
            }
            while i < words.len()
                && matches!(
                    words[i].2.to_ascii_lowercase().as_str(),
                    "a" | "an" | "the" | "currently" | "called" | "named" | "known" | "as"
                )
            {
                i += 1;
            }
            introduced = true;
        }
        let start_idx = i;
        let mut end_idx = i;
        while end_idx < words.len() && end_idx - start_idx < 6 {
            let w = words[end_idx].2;
            let core = w.trim_end_matches(['.', ',', ';', ':', ')']);
            let capital = core.starts_with(|c: char| c.is_ascii_uppercase());
            let digit = core.starts_with(|c: char| c.is_ascii_digit()) && end_idx > start_idx;
            let joiner = (core == "&"
                || (end_idx > start_idx && matches!(core, "and" | "of" | "for" | "de")))
                && words
                    .get(end_idx + 1)
                    .is_some_and(|n| n.2.starts_with(|c: char| c.is_ascii_uppercase()));
            if core.is_empty() || w.starts_with('(') || !(capital || digit || joiner) {
                break;
            }
            end_idx += 1;
            if core.len() != w.len()
                && !matches!(core, "Ltd" | "Inc" | "Co" | "Plc" | "PLC" | "LLP")
            {
                break;
            }
            if w.ends_with([',', ';', ':', ')']) || (w.ends_with('.') && core.len() + 1 == w.len())
            {
                break;
            }
        }
        if end_idx == start_idx {
            return;
        }
        let first_name = words[start_idx].2.trim_end_matches(['.', ',', ';', ':']);
        if COMMON_START
            .iter()
            .any(|c| c.eq_ignore_ascii_case(first_name))
        {
            return;
        }
        let n = end_idx - start_idx;
        let short_answer = words.len() <= 3;
        let marked = first_name
            .bytes()
            .skip(1)
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if n == 1 && !(introduced || short_answer || marked) {
            return;
        }
        let s = words[start_idx].0;
        let last = words[end_idx - 1];
        let e = last.0 + last.2.trim_end_matches(['.', ',', ';', ':', ')']).len();
        let e = if last.2.ends_with('.')
            && matches!(last.2.trim_end_matches('.'), "Ltd" | "Inc" | "Co")
        {
            last.1
        } else {
            e
        };
        if s >= e {
            return;
        }
        self.claim(s, e);
        self.push(
            ValueKind::Choice,
            Scalar::Text(text[s..e].to_string()),
            None,
            None,
            s,
            e,
        );
    }
}

/// First words of a sentence that are not names.
#[rustfmt::skip]
const COMMON_START: &[&str] = &[
    "The", "A", "An", "We", "Our", "It", "Its", "This", "That", "These", "Those", "There", "Here",
    "Please", "Not", "No", "Yes", "None", "Nil", "N/A", "NA", "Information", "Unfortunately", "As",
    "In", "On", "At", "For", "From", "By", "With", "All", "Any", "Each", "Both", "Neither",
    "Either", "Various", "Multiple", "Several", "Some", "See", "Response", "Answer", "Currently",
    "Presently", "Data", "If", "When", "Where", "Which", "What", "Who", "Why", "How", "I", "You",
    "They", "He", "She", "Following", "Details", "Further", "Thank", "Dear", "Many", "Most",
    "Council", "Trust", "Authority", "Department", "Force", "University", "Internal", "In-house",
    "Unknown", "Nobody", "Other", "Yours",
];

// ---------------------------------------------------------------------------------------------
// Helpers.

/// Extensions of the files a thread lists as attachments, each with its size ("18K").
const FILE_EXTENSIONS: [&str; 12] = [
    "docx", "doc", "pdf", "xlsx", "xls", "csv", "odt", "ods", "zip", "txt", "pptx", "msg",
];

fn gbp() -> Option<String> {
    Some("GBP".to_string())
}

/// The number in `s` ("71,402,913", "3.275"), or `None` for something no reply means: more than
/// fifteen digits, or not finite.
fn parse_num(s: &str) -> Option<f64> {
    let digits: String = s.chars().filter(|&c| c != ',').collect();
    if digits.bytes().filter(u8::is_ascii_digit).count() > 15 {
        return None;
    }
    digits.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn scale(suffix: Option<&str>) -> f64 {
    match suffix.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("k" | "thousand") => 1e3,
        Some("m" | "mn" | "million") => 1e6,
        Some("bn" | "billion") => 1e9,
        _ => 1.0,
    }
}

/// Pence at most: `3.275 * 1e6` is 3274999.9999999995 in binary.
fn money_round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn months_per(unit: &str) -> f64 {
    let u = unit.to_ascii_lowercase();
    let u = u.trim_start_matches("calendar ").trim();
    if u.starts_with('y') {
        12.0
    } else if u.starts_with('m') {
        1.0
    } else if u.starts_with('w') {
        12.0 / 52.0
    } else {
        12.0 / 365.25
    }
}

fn word_number(w: &str) -> Option<f64> {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty",
    ];
    const TENS: &[&str] = &[
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = w.to_ascii_lowercase();
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some((i + 1) as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(((i + 3) * 10) as f64);
    }
    match w.as_str() {
        "a" | "an" => Some(1.0),
        _ => None,
    }
}

/// The smallest char boundary at or after `i`.
fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// End of the label and restated id before an answer ("Response: ", "Q1(a) ").
fn label_end(answer: &str) -> usize {
    LABEL.find(answer).map_or(0, |m| m.end())
}

/// Where a yes or no can stand when the answer opens with the question said again ("Does the
/// Trust buy lamps? Yes, for two wards.") or with a short heading on a line of its own
/// ("Changes to access since 2019\nYes."): after it. Otherwise `lead`.
fn past_restated(answer: &str, lead: usize) -> usize {
    let rest = &answer[lead..];
    let skip_ws = |at: usize| at + rest[at..].len() - rest[at..].trim_start().len();
    if let Some(q) = rest[..crate::text::floor_char(rest, 300)].find('?') {
        let before = &rest[..q];
        if before.split_whitespace().count() >= 3 && !before.contains(". ") {
            let at = skip_ws(q + 1);
            if at < rest.len() && words::yes_no_len(&rest[at..]).is_some() {
                return lead + at;
            }
        }
    }
    if let Some(nl) = rest.find('\n') {
        let first = rest[..nl].trim_end();
        let heading = !first.is_empty()
            && first.split_whitespace().count() <= 8
            && !first.ends_with(['.', '?', '!', ':', ';', ','])
            && words::yes_no_len(first).is_none();
        let at = skip_ws(nl);
        if heading && at < rest.len() && words::yes_no_len(&rest[at..]).is_some() {
            return lead + at;
        }
    }
    lead
}

/// The word before `at`, skipping spaces.
/// Whether one of the three words before `at` is a word of money ("cost", "amounted to",
/// "totalled", "spend of", "paid"): the figure there is a sum.
fn after_money_word(text: &str, at: usize) -> bool {
    let mut end = at;
    for _ in 0..3 {
        let head = text[..end].trim_end_matches([' ', ':']);
        if head.len() == text[..end].len() && end != at {
            return false;
        }
        let start = word_start(head, head.len());
        let w = head[start..].to_ascii_lowercase();
        if w.is_empty() {
            return false;
        }
        if matches!(
            w.as_str(),
            "cost"
                | "costs"
                | "costing"
                | "amounted"
                | "amounts"
                | "totalled"
                | "totaled"
                | "spend"
                | "spent"
                | "paid"
                | "expenditure"
                | "budget"
                | "price"
                | "fee"
                | "fees"
                | "charge"
                | "charged"
                | "income"
                | "value"
                | "valued"
        ) {
            return true;
        }
        end = start;
    }
    false
}

fn prev_word(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    &head[word_start(head, head.len())..]
}

/// Start of the run of ASCII letters that ends at `at`.
fn word_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let letters = head
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    at - letters
}

/// Function words and common verbs: they end the noun a figure counts.
fn is_stopword(w: &str) -> bool {
    #[rustfmt::skip]
    const STOP: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "within", "without", "per", "as", "is", "are", "was", "were", "be", "been",
        "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "this", "that", "these", "those", "which", "who",
        "whom", "whose", "it", "its", "they", "them", "their", "there", "here", "we", "our", "you",
        "your", "he", "she", "his", "her", "not", "no", "so", "than", "then", "if", "into", "onto",
        "over", "under", "between", "during", "since", "until", "about", "above", "below", "after",
        "before", "across", "each", "every", "all", "any", "some", "other", "others", "another",
        "such", "more", "most", "less", "least", "only", "also", "out", "up", "down", "off", "via",
        "including", "excluding", "approximately", "around", "total", "totalled", "respectively",
        "both", "either", "neither", "etc", "eg", "ie", "yet", "were", "remain", "remains",
        "remained", "whilst", "while", "where", "when", "what", "how", "why", "year", "years",
        "month", "months", "week", "weeks", "day", "days", "percent", "per-cent", "plus",
        "overall", "altogether", "currently", "now", "still", "one", "ones", "further", "same",
        "new", "few", "many", "much", "own", "way", "times",
    ];
    STOP.contains(&w.to_ascii_lowercase().as_str())
}

/// Nouns whose plural does not end in "s".
fn is_plural(w: &str) -> bool {
    #[rustfmt::skip]
    const IRREGULAR: &[&str] = &[
        "staff", "people", "children", "personnel", "police", "men", "women", "fte", "data",
        "media", "cattle", "sheep", "deer", "fish", "feet", "teeth", "mice", "geese", "criteria",
        "equipment", "software", "hardware", "stock", "housing", "accommodation", "crime",
    ];
    let l = w.to_ascii_lowercase();
    if IRREGULAR.contains(&l.as_str()) {
        return true;
    }
    l.len() >= 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !l.ends_with("'s")
        && !is_stopword(&l)
}

fn is_time_unit(unit: &str) -> bool {
    let first = unit.split(' ').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        first.as_str(),
        "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "second"
            | "seconds"
    )
}

/// The noun a figure counts: up to three words after it, to the first plural ("1,386 temporary
/// porters", "12 core line-of-business systems"), or the first word when none is plural ("40
/// equipment"). `None` when a function word or punctuation follows.
fn noun_after(text: &str, end: usize) -> Option<(String, usize)> {
    let rest = &text[end..];
    let rest_trim = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\t'))?;
    let offset = end + (rest.len() - rest_trim.len());
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for raw in rest_trim.split(' ').take(3) {
        let w_len = raw
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'-' || *b == b'\'')
            .count();
        let w = &raw[..w_len];
        if w.is_empty() || !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        words.push((offset + pos, w));
        if w_len != raw.len() {
            break; // punctuation ends the noun
        }
        pos += raw.len() + 1;
    }
    let mut take = 0;
    for (i, (_, w)) in words.iter().enumerate() {
        let l = w.to_ascii_lowercase();
        if is_stopword(&l) {
            break;
        }
        if l.ends_with("ed") && !words.get(i + 1).is_some_and(|(_, n)| is_plural(n)) {
            break;
        }
        if is_plural(w) {
            take = i + 1;
            break;
        }
        if i == 0 {
            take = 1;
        }
    }
    if take == 0 {
        return None;
    }
    let (s, _) = words[0];
    let (ls, lw) = words[take - 1];
    let e = ls + lw.len();
    Some((text[s..e].to_string(), e))
}

/// Whitespace-separated words from `from`, with their offsets: (start, end, word).
fn words_with_offsets(text: &str, from: usize, max: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut i = from;
    let bytes = text.as_bytes();
    while i < bytes.len() && out.len() < max {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if s < i {
            out.push((s, i, &text[s..i]));
        }
    }
    out
}

/// The first occurrence of `needle` in `hay` (both lower case) with no letter or digit on
/// either side.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let s = from + p;
        let e = s + needle.len();
        let ok_before = hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ok_after = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if ok_before && ok_after {
            return Some(s);
        }
        from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The options a question offers around each " or ": for each option, its candidate wordings,
/// preferred first. After "or" the longest wording up to the end of the clause is preferred
/// ("by an external provider"); before it, and in a comma list before it, the shortest
/// ("tenants" in "organised around tenants"), since where an option starts is unclear.
fn option_groups(question: &str) -> Vec<Vec<String>> {
    let lower = question.to_ascii_lowercase();
    let mut groups = Vec::new();
    let mut from = 0;
    while let Some(p) = lower[from..].find(" or ") {
        let at = from + p;
        from = at + 4;
        if lower[..at].ends_with("/") || lower[..at].ends_with("and") {
            continue;
        }
        // after "or": up to the end of the clause
        let right = &question[at + 4..];
        let r_end = right
            .find(['?', ',', '.', ';', ':', '(', ')', '\n', '!'])
            .unwrap_or(right.len());
        let mut right = &right[..r_end];
        if let Some(q) = right.to_ascii_lowercase().find(" or ") {
            right = &right[..q];
        }
        let r_words: Vec<&str> = right.split_whitespace().take(5).collect();
        // options tend to be parallel: "agency staff or bank staff"
        let width = r_words.len();
        let mut g: Vec<String> = (1..=r_words.len())
            .rev()
            .map(|k| tidy_option(&r_words[..k]))
            .collect();
        g.retain(|c| is_option(c, true));
        if !g.is_empty() {
            groups.push(g);
        }
        // before "or": the clause, split into a comma list
        let left = &question[..at];
        let l_start = left
            .rfind(['?', '.', ';', ':', '(', ')', '\n', '!'])
            .map_or(0, |i| i + 1);
        for seg in left[l_start..].rsplit(',').take(6) {
            let words: Vec<&str> = seg.split_whitespace().collect();
            let n = words.len();
            let mut widths: Vec<usize> = (1..=n.min(5)).collect();
            widths.sort_by_key(|&k| (k != width, k));
            let mut g: Vec<String> = widths
                .iter()
                .map(|&k| tidy_option(&words[n - k..]))
                .collect();
            g.retain(|c| is_option(c, false));
            if !g.is_empty() {
                groups.push(g);
            }
        }
    }
    groups
}

/// The words of an option, without quotes or brackets around them.
fn tidy_option(words: &[&str]) -> String {
    words
        .join(" ")
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_string()
}

/// An option is worth matching when it holds a word that is not a function word, a question
/// word, "yes" or "no".
/// After "or" an option may start with a preposition ("in the cloud"); before it, a leading
/// function word means the wording reaches back into the question ("around tenants").
fn is_option(c: &str, leading_stopword: bool) -> bool {
    // one letter only as a capital ("A, B or C"), never "a" or "I"
    if c.len() < 2 && !(c.len() == 1 && c.as_bytes()[0].is_ascii_uppercase() && c != "I") {
        return false;
    }
    let words: Vec<String> = c
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    if (!leading_stopword && is_stopword(first)) || AUXILIARIES.contains(&first) {
        return false;
    }
    words.iter().any(|w| {
        !is_stopword(w)
            && !AUXILIARIES.contains(&w.as_str())
            && !matches!(w.as_str(), "yes" | "no" | "not" | "other" | "else" | "both")
    })
}

/// Sentences of the answer as byte ranges. A sentence ends at ". ", "? ", "! " (not after an
/// abbreviation such as "e.g." or "approx.", nor before a lower-case word), at a blank line, and
/// at a line end unless the line looks hard-wrapped: long, without closing punctuation, and not
/// followed by a list item. Wrapped e-mail text keeps a cost-limit sentence whole across lines.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    const ABBREVIATIONS: &[&str] = &[
        "eg", "ie", "approx", "c", "ca", "no", "nos", "fig", "para", "paras", "vs", "mr", "mrs",
        "ms", "dr", "st", "inc", "co", "dept", "est", "min", "max", "tel", "ref", "sq", "p", "pp",
        "s", "ss", "reg", "art", "ch", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "cllr", "prof", "govt",
    ];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mut cut = None;
        if c == b'\n' {
            let line = text[line_start..i].trim_end();
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            let blank_next = j >= b.len() || b[j] == b'\n';
            let closed = line.ends_with(['.', '!', '?', ':', ';']);
            let short = line.chars().count() < 40;
            let list_next = j < b.len()
                && (matches!(b[j], b'-' | b'*' | b'(' | b'[')
                    || text[j..].starts_with('•')
                    || (b[j].is_ascii_digit() && {
                        let k = b[j..].iter().take_while(|x| x.is_ascii_digit()).count();
                        matches!(b.get(j + k), Some(b'.' | b')'))
                    })
                    || (matches!(b[j], b'Q' | b'q')
                        && b.get(j + 1).is_some_and(u8::is_ascii_digit)));
            if blank_next || closed || short || list_next || line.trim().is_empty() {
                cut = Some(i + 1);
            }
            line_start = i + 1;
        } else if matches!(c, b'.' | b'?' | b'!') {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            if j >= b.len() || b[j] == b' ' || b[j] == b'\t' {
                let mut k = j;
                while k < b.len() && matches!(b[k], b' ' | b'\t') {
                    k += 1;
                }
                let next_lower = k < b.len() && b[k].is_ascii_lowercase();
                let abbrev = c == b'.' && {
                    let ws = word_start(text, i);
                    let w = text[ws..i].to_ascii_lowercase();
                    // a single letter after a space is an initial or "e.g."; after a digit it
                    // is a unit ("£3.275m.")
                    let initial =
                        w.len() == 1 && !text[..ws].ends_with(|ch: char| ch.is_ascii_digit());
                    initial || ABBREVIATIONS.contains(&w.as_str())
                };
                if !next_lower && !abbrev {
                    cut = Some(j);
                }
            }
        }
        if let Some(e) = cut {
            if e > start {
                out.push((start, e));
            }
            start = e;
        }
        i += 1;
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo gives what reading afresh gives: every paragraph and pair of paragraphs of the
    /// corpus replies read for questions of every kind, each answer several times over in one
    /// memo, in an order that alternates the questions' `when`.
    #[test]
    fn memo_reads_as_afresh() {
        let questions = [
            "How many staff?",
            "When did it start?",
            "What year was the contract signed?",
            "Do you hold a policy? Yes or no",
            "How much did you spend in 2019/20?",
            "What percentage of cases?",
            "Which supplier, Acme or Bolt?",
            "On what date was it received?",
        ];
        let mut read = 0;
        for text in crate::test_texts::files(&[
            "../shared/corpus/seeds",
            "../shared/corpus/synthetic",
            "../shared/corpus/real-layouts",
            "tests/layouts",
        ]) {
            let mut memo = Memo::default();
            let mut cuts: Vec<usize> = text.match_indices("\n\n").map(|(p, _)| p).collect();
            cuts.insert(0, 0);
            cuts.push(text.len());
            let slices: Vec<(usize, usize)> = cuts
                .windows(2)
                .map(|w| (w[0], w[1]))
                .chain(cuts.windows(3).map(|w| (w[0], w[2])))
                .chain([(0, text.len())])
                .collect();
            for round in 0..2 {
                for (k, q) in questions.iter().enumerate() {
                    for &(a, b) in slices.iter().skip((k + round) % 2).step_by(2) {
                        let answer = &text[a..b];
                        let want = extract(q, answer, a);
                        assert_eq!(
                            extract_memo(q, answer, a, &mut memo),
                            want,
                            "{q:?} {answer:?}"
                        );
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 1000, "{read}");
    }

    type Expect = (ValueKind, Scalar, Option<Qualifier>);

    fn n(kind: ValueKind, v: f64) -> Expect {
        (kind, Scalar::Number(v), None)
    }
    fn nq(kind: ValueKind, v: f64, q: Qualifier) -> Expect {
        (kind, Scalar::Number(v), Some(q))
    }
    fn t(kind: ValueKind, v: &str) -> Expect {
        (kind, Scalar::Text(v.to_string()), None)
    }
    fn b(v: bool) -> Expect {
        (ValueKind::Boolean, Scalar::Bool(v), None)
    }

    use Qualifier::*;
    use ValueKind::*;

    fn got(question: &str, answer: &str) -> Vec<Expect> {
        extract(question, answer, 0)
            .into_iter()
            .map(|v| (v.kind, v.value, v.qualifier))
            .collect()
    }

    fn same(a: &[Expect], b: &[Expect]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                x.0 == y.0
                    && x.2 == y.2
                    && match (&x.1, &y.1) {
                        (Scalar::Number(p), Scalar::Number(q)) => {
                            (p - q).abs() <= 1e-6 * q.abs().max(1.0)
                        }
                        (p, q) => p == q,
                    }
            })
    }

    fn check(cases: &[(&str, &str, Vec<Expect>)]) {
        let mut failures = Vec::new();
        for (q, a, want) in cases {
            let g = got(q, a);
            if !same(&g, want) {
                failures.push(format!("Q: {q:?}\nA: {a:?}\n  got  {g:?}\n  want {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn joined_words_are_the_word_pattern() {
        for text in [
            "REF2020/0123, Q4a and 2nd COVID-19 AB1.",
            "a-b- -c d__e f/.g #h# 12.5.6 x-",
            "£1,386 – ‘Q3’ é9a 10:30 www.example.gov.uk/a_b#c",
            "",
            "-",
            "end.",
        ] {
            let want: Vec<(usize, usize)> =
                WORD.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(joined_words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn patterns_compile() {
        let all: Vec<&Regex> = vec![
            &MONEY,
            &MONEY_NIL,
            &MONEY_AFTER,
            &PERCENT,
            &AREA,
            &DURATION,
            &WORD,
            &LABEL,
            &ZERO_NO,
            &ZERO_VERB,
            &ZERO_THERE,
            &ZERO_NOT_ANY,
            &NO_THING,
            &NOT_NOW,
        ];
        assert!(all.iter().all(|r| !r.as_str().is_empty()));
    }

    #[test]
    #[rustfmt::skip]
    fn money() {
        let q = "What was the total spend?";
        check(&[
            (q, "£3.275m", vec![n(Money, 3_275_000.0)]),
            (q, "£2.6m", vec![n(Money, 2_600_000.0)]),
            (q, "£84k", vec![n(Money, 84_000.0)]),
            // A sum asked for, the sign left out: thousands, or a grouped figure.
            (q, "2023-24: 3.8K", vec![n(Money, 3_800.0)]),
            (q, "2019/20: 412,908", vec![n(Money, 412_908.0)]),
            (
                "How many contracts, and what was the total spend?",
                "2019/20: 412,908",
                vec![n(Count, 412_908.0)],
            ),
            // A column headed in pounds, whatever the question.
            (
                "How many were replaced?",
                "Year | Replaced | Cost £\n2019 | 38 | 9,412",
                vec![n(Count, 38.0), n(Money, 9_412.0)],
            ),
            (q, "£12.7 million.", vec![n(Money, 12_700_000.0)]),
            (q, "£1.2bn", vec![n(Money, 1_200_000_000.0)]),
            (q, "£3 billion", vec![n(Money, 3_000_000_000.0)]),
            (q, "It totalled £71,402,913", vec![n(Money, 71_402_913.0)]),
            (q, "£274,180", vec![n(Money, 274_180.0)]),
            (q, "The cost was £186,000 (plus VAT).", vec![n(Money, 186_000.0)]),
            (q, "£450.00", vec![n(Money, 450.0)]),
            (q, "£4,812,330.75", vec![n(Money, 4_812_330.75)]),
            (q, "GBP 1,000", vec![n(Money, 1000.0)]),
            (q, "1,000 pounds", vec![n(Money, 1000.0)]),
            (q, "£ 250", vec![n(Money, 250.0)]),
            (q, "circa £2.6m", vec![nq(Money, 2_600_000.0, Approx)]),
            (q, "Over £5,000 was spent.", vec![nq(Money, 5000.0, AtLeast)]),
            (q, "Up to £20,000", vec![nq(Money, 20_000.0, AtMost)]),
            (q, "£1m+", vec![nq(Money, 1_000_000.0, AtLeast)]),
            (q, "£5-10k", vec![nq(Money, 5000.0, AtLeast), nq(Money, 10_000.0, AtMost)]),
            (q, "between £5,000 and £10,000", vec![n(Money, 5000.0), n(Money, 10_000.0)]),
            (q, "£5k to £10k", vec![nq(Money, 5000.0, AtLeast), nq(Money, 10_000.0, AtMost)]),
            (q, "It rose from £5k to £10k.", vec![n(Money, 5000.0), n(Money, 10_000.0)]),
            (q, "£5 monthly", vec![n(Money, 5.0)]),
            (q, "£nil", vec![n(Money, 0.0)]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn percent() {
        let q = "What percentage of claims were paid?";
        check(&[
            (q, "7%", vec![n(Percent, 7.0)]),
            (q, "2%, however work continues.", vec![n(Percent, 2.0)]),
            (q, "approximately 65%", vec![nq(Percent, 65.0, Approx)]),
            (q, "70 per cent", vec![n(Percent, 70.0)]),
            (q, "70 percent of them", vec![n(Percent, 70.0)]),
            (q, "0.5%", vec![n(Percent, 0.5)]),
            (q, "10-15%", vec![nq(Percent, 10.0, AtLeast), nq(Percent, 15.0, AtMost)]),
            (q, "None.", vec![n(Percent, 0.0)]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn area() {
        let q = "How large is the district?";
        check(&[
            (q, "31.86 km2", vec![n(Area, 31.86)]),
            (q, "31.86 km²", vec![n(Area, 31.86)]),
            (q, "31.86 sq km", vec![n(Area, 31.86)]),
            (q, "40 square kilometres", vec![n(Area, 40.0)]),
            (q, "40 square kilometers", vec![n(Area, 40.0)]),
            (q, "27,950 square metres", vec![n(Area, 0.02795)]),
            (q, "1,200 sq m", vec![n(Area, 0.0012)]),
            (q, "450 m2", vec![n(Area, 0.00045)]),
            (q, "450 m²", vec![n(Area, 0.00045)]),
            (q, "10,000 square feet", vec![n(Area, 0.000929)]),
            (q, "10,000 sq ft", vec![n(Area, 0.000929)]),
            (q, "8120 Hectares (survey of 2021)", vec![n(Area, 81.2)]),
            (q, "100 acres", vec![n(Area, 0.404686)]),
            (q, "12.3 sq mi (31.86 km2)", vec![n(Area, 31.856852), n(Area, 31.86)]),
            (q, "10 square miles", vec![n(Area, 25.89988)]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn duration() {
        let q = "How long did the project take?";
        check(&[
            (q, "15 months", vec![n(Duration, 15.0)]),
            (q, "18 months.", vec![n(Duration, 18.0)]),
            (q, "2 years", vec![n(Duration, 24.0)]),
            (q, "About a year.", vec![nq(Duration, 12.0, Approx)]),
            (q, "One year", vec![n(Duration, 12.0)]),
            (q, "6 weeks", vec![n(Duration, 1.3846)]),
            (q, "90 days", vec![n(Duration, 2.9569)]),
            (q, "a 12-month contract", vec![n(Duration, 12.0)]),
            (q, "It took 40 hours.", vec![]),
            (q, "We meet once a year.", vec![]),
            (q, "Open 7 days a week.", vec![]),
            (q, "We reply within 20 working days.", vec![]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn counts() {
        let q = "How many staff are employed?";
        check(&[
            (q, "1,386", vec![n(Count, 1386.0)]),
            (q, "23", vec![n(Count, 23.0)]),
            (q, "23.", vec![n(Count, 23.0)]),
            (q, "The Council engaged 187no agency workers.", vec![n(Count, 187.0)]),
            (q, "31No. of these were converted.", vec![n(Count, 31.0)]),
            (q, "12nos", vec![n(Count, 12.0)]),
            (q, "1,250no", vec![n(Count, 1250.0)]),
            (q, "300+", vec![nq(Count, 300.0, AtLeast)]),
            (q, "over 250", vec![nq(Count, 250.0, AtLeast)]),
            (q, "more than 250", vec![nq(Count, 250.0, AtLeast)]),
            (q, "in excess of 250", vec![nq(Count, 250.0, AtLeast)]),
            (q, "20 or more", vec![nq(Count, 20.0, AtLeast)]),
            (q, "fewer than 5", vec![nq(Count, 5.0, LessThan)]),
            (q, "less than 5", vec![nq(Count, 5.0, LessThan)]),
            (q, "under 5", vec![nq(Count, 5.0, LessThan)]),
            (q, "<5", vec![nq(Count, 5.0, LessThan)]),
            (q, "no more than 5", vec![nq(Count, 5.0, AtMost)]),
            (q, "circa 30", vec![nq(Count, 30.0, Approx)]),
            (q, "c. 20", vec![nq(Count, 20.0, Approx)]),
            (q, "approximately 20", vec![nq(Count, 20.0, Approx)]),
            (q, "approx. 20", vec![nq(Count, 20.0, Approx)]),
            (q, "around 20", vec![nq(Count, 20.0, Approx)]),
            (q, "about 20", vec![nq(Count, 20.0, Approx)]),
            (q, "roughly 20", vec![nq(Count, 20.0, Approx)]),
            (q, "an estimated 20", vec![nq(Count, 20.0, Approx)]),
            (q, "10-15 officers", vec![nq(Count, 10.0, AtLeast), nq(Count, 15.0, AtMost)]),
            (q, "1.2 million visits", vec![n(Count, 1_200_000.0)]),
            (q, "3.5 FTE", vec![n(Count, 3.5)]),
            (q, "Four depots were reviewed.", vec![n(Count, 4.0)]),
            (q, "We have one office.", vec![n(Count, 1.0)]),
            (q, "None", vec![n(Count, 0.0)]),
            (q, "Nil.", vec![n(Count, 0.0)]),
            (q, "Zero", vec![n(Count, 0.0)]),
            (q, "No complaints were received.", vec![n(Count, 0.0)]),
            (q, "There were none.", vec![n(Count, 0.0)]),
            (q, "No information is held.", vec![]),
            (q, "No records were found.", vec![]),
            (q, "No complaints or requests about sit-stand desks have been received.", vec![n(Count, 0.0)]),
            (q, "We have not bought or converted any desks in these years.", vec![n(Count, 0.0)]),
            (q, "We have not received any information about this.", vec![]),
            (q, "2000 staff", vec![n(Count, 2000.0)]),
            // a sum asked for: nought pounds; a count and a sum asked for: both
            ("How much was spent on fox control?", "Nil", vec![n(Money, 0.0)]),
            ("How much compensation did you pay?", "No compensation was paid in any year.", vec![n(Money, 0.0)]),
            ("The number of bikes recovered and the total value of charges.", "Zero.", vec![n(Count, 0.0), n(Money, 0.0)]),
            ("What is the annual budget?", "There is no separate budget line.", vec![]),
            // a sum without the pound sign, to a question that asks for a sum
            ("How much of the money remained unspent?", "The balance amounted to 2,316.40", vec![n(Money, 2316.4)]),
            ("What was the annual cost of the helipad?", "The contract cost 31,640 that year.", vec![n(Money, 31_640.0)]),
            ("Does the council charge for its toilets?", "Yes. A charge of 40p is made.", vec![b(true), n(Money, 0.4)]),
            ("What was the annual cost of the helipad?", "It was inspected 4 times.", vec![n(Count, 4.0)]),
            ("How many toilets charge a fee?", "The fee is 40p at 6 blocks.", vec![n(Money, 0.4), n(Count, 6.0)]),
        ]);
    }

    #[test]
    fn count_units() {
        let v = extract(
            "How many?",
            "The unit serves 312,904 persons and owns 9 boats.",
            0,
        );
        let units: Vec<Option<&str>> = v.iter().map(|v| v.unit.as_deref()).collect();
        assert_eq!(units, vec![Some("persons"), Some("boats")]);
        let v = extract(
            "How many?",
            "We employed 1,386 temporary porters during the year.",
            0,
        );
        assert_eq!(v[0].unit.as_deref(), Some("temporary porters"));
        let v = extract("How many?", "There are 23 in total.", 0);
        assert_eq!(v[0].unit, None);
    }

    #[test]
    #[rustfmt::skip]
    fn not_counts() {
        let q = "How many requests did you receive?";
        check(&[
            (q, "In 2023 we received none of these.", vec![n(Count, 0.0)]),
            (q, "Figures are from the 2021 Census.", vec![]),
            (q, "In 2018-19 and 2022/23 and 18/19.", vec![]),
            (q, "Application 21/04567/OUT was refused.", vec![]),
            (q, "Our reference is REQ2020/0123 and IR-21-0456.", vec![]),
            (q, "Call 0300 555 0199 or 029 2018 0000.", vec![]),
            (q, "T: 01632 960123, 960456, 960789", vec![]),
            (q, "Write to us at AB1 2CD.", vec![]),
            (q, "Our reference is 2024no.", vec![]),
            (q, "Code 12nox applies.", vec![]),
            (q, "Open from 09:30 to 14:30.", vec![]),
            (q, "It is exempt under Section 43(2) and section 12.", vec![]),
            (q, "It is excepted under regulation 12(4)(b).", vec![]),
            (q, "Exempt under s.40 of the Act.", vec![]),
            (q, "See page 14 and pages 3-4.", vec![]),
            (q, "Visit https://example.org/reports/2019/5 or www.example.gov.uk/page2.", vec![]),
            (q, "E-mail foi123@example.org please.", vec![]),
            (q, "1. The policy applies.\n(2) Another point.", vec![]),
            (q, "See the notes[2] below.", vec![]),
            (q, "See questions 3 and 4.", vec![]),
            (q, "It happened on 19/02/2019.", vec![t(Date, "2019-02-19")]),
            (q, "It happened on the 2nd day.", vec![]),
            (q, "Staffed 12 hours a day.", vec![]),
            (q, "The Freedom of Information Act 2000 applies.", vec![]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn years() {
        check(&[
            ("When was the scheme launched?", "2014", vec![n(Year, 2014.0)]),
            ("When was the scheme launched?", "It was launched in 2014.", vec![n(Year, 2014.0)]),
            ("What year was it bought?", "Purchased in 2015", vec![n(Year, 2015.0)]),
            ("Please describe the system.", "In 2015.", vec![n(Year, 2015.0)]),
            ("Please describe the system.", "2016", vec![n(Year, 2016.0)]),
            ("Please describe the system.", "It was bought in 2015 for schools.", vec![]),
            ("When was the review?", "In 2017-18.", vec![]),
            ("When was it founded?", "1850", vec![]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn booleans() {
        let q = "Does the council have a policy?";
        check(&[
            (q, "Yes", vec![b(true)]),
            (q, "Yes.", vec![b(true)]),
            (q, "Yes, three depots were reviewed.", vec![b(true), n(Count, 3.0)]),
            (q, "Yes - see attached.", vec![b(true)]),
            (q, "YES", vec![b(true)]),
            (q, "No, although a pilot is planned.", vec![b(false)]),
            (q, "No.", vec![b(false)]),
            (q, "No we do not.", vec![b(false)]),
            (q, "Response: Yes.", vec![b(true)]),
            (q, "No information is held.", vec![]),
            (q, "None", vec![]),
            (q, "Not applicable", vec![]),
            (q, "N/A", vec![]),
            (q, "Nobody", vec![]),
            ("Q6a. Is there a portal?", "Yes", vec![b(true)]),
            ("(b) If so, is it public?", "No", vec![b(false)]),
            ("Please confirm whether you hold a register.", "Yes.", vec![b(true)]),
            ("What is the policy?", "Yes", vec![b(true)]),
            // a yes or no marked by its punctuation answers whatever the question's form
            ("What is the policy?", "Yes, the policy is attached.", vec![b(true)]),
            ("Through an external provider?", "Yes, the University contracts one.", vec![b(true)]),
            ("Through an external provider?", "No. Staff run it.", vec![b(false)]),
            ("How are staff counted?", "No. of staff in post", vec![]),
            ("How many posts?", "No. 5 is vacant", vec![]),
            // yes/no questions in other forms
            ("Whether the council offers a reduced charge.", "No, the Council does not offer one.", vec![b(false)]),
            ("For the same period, did you publish a statement?", "Yes we did.", vec![b(true)]),
            ("For the same period, what was published?", "Yes we did.", vec![]),
            ("When buying wheelchairs, do you purchase together with other trusts?", "We do not purchase wheelchairs together with other Trusts.", vec![b(false)]),
            ("Is there a risk assessment for cycle repairs?", "No risk assessment specific to the repair of patrol cycles is held. Repairs are covered by general assessments, which do not refer to cycles.", vec![]),
            ("Do you have a written policy?", "No. There is no separate written policy; officers follow guidance.", vec![b(false)]),
            ("Do you have a written policy on empty homes?", "(Yes/No)\nThere is no separate written policy on empty homes.", vec![b(false)]),
            ("Whether the team discussed the exchange.", "The team did not discuss the exchange. The University therefore does not hold this information.", vec![]),
            // after the question said again, or a heading line
            ("Does the Trust buy lamps?", "Does the Trust buy lamps for patients? Yes, for two wards.", vec![b(true), n(Count, 2.0)]),
            ("Has access changed since 2019?", "Changes to access since 2019\nYes. The dome now opens on booked evenings.", vec![b(true)]),
            ("Has access changed since 2019?", "Access since 2019\n14 visits were booked.", vec![n(Count, 14.0)]),
            // none of the thing asked about, said as a sentence
            ("Are new charges planned?", "No new charges are planned; charges are reviewed yearly.", vec![b(false)]),
            ("Has funding been agreed for 2025?", "No funding has been agreed for 2025.", vec![b(false)]),
            ("Do you hold a register?", "No register is held by the council.", vec![]),
            ("Is there a scheme?", "Not at present.", vec![b(false)]),
            ("How many schemes are there?", "Not at present.", vec![]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn choices() {
        check(&[
            ("Is the service organised around people or places?", "People.", vec![t(Choice, "people")]),
            ("Is it A, B or C?", "B", vec![t(Choice, "B")]),
            ("Is the service in-house or outsourced?", "It is outsourced.", vec![t(Choice, "outsourced")]),
            ("Is the service in-house or outsourced?", "Both in-house and outsourced.", vec![t(Choice, "in-house"), t(Choice, "outsourced")]),
            ("Is it hosted on premise or in the cloud?", "In the cloud", vec![t(Choice, "in the cloud")]),
            ("Is it hosted on premise or in the cloud?", "Yes", vec![b(true)]),
            ("Which supplier provides your CRM?", "Acme Dynamics 365", vec![t(Choice, "Acme Dynamics 365")]),
            ("Which supplier provides your CRM?", "We use Foo Systems Ltd for this.", vec![t(Choice, "Foo Systems Ltd")]),
            ("What system do you use?", "Zenith", vec![t(Choice, "Zenith")]),
            ("Who provides the cleaning?", "Sparkle Services Limited provide it.", vec![t(Choice, "Sparkle Services Limited")]),
            ("Who provides the cleaning?", "Cleaning is carried out by our own team.", vec![]),
            ("Which supplier provides your CRM?", "This information is exempt under section 43.", vec![]),
            ("Which supplier provides your CRM?", "The information is not held.", vec![]),
            ("Please describe your approach.", "Acme Dynamics 365", vec![]),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn mixed_answers() {
        let q = "How many incidents were recorded?";
        check(&[
            (q, "2019 - 3\n2020 - 4\n2021 - less than 5", vec![n(Count, 3.0), n(Count, 4.0), nq(Count, 5.0, LessThan)]),
            // A table row: a year, a title in capitals, then the qualified figure.
            (q, "2018 Votes and Voices: The Long Road Approximately 9,500", vec![nq(Count, 9500.0, Approx)]),
            (q, "2019/20: 45\n2020/21: 52", vec![n(Count, 45.0), n(Count, 52.0)]),
            (q, "Year\tNumber\n2019\t45\n2020\t52", vec![n(Count, 45.0), n(Count, 52.0)]),
            (q, "The figure is 5 (see note 2).", vec![n(Count, 5.0)]),
            (q, "Our ref: 12345. We hold 7 records.", vec![n(Count, 7.0)]),
            (q, "One.", vec![n(Count, 1.0)]),
            (q, "There isn't one specific code, but two teams use it.", vec![n(Count, 2.0)]),
            (q, "From 5 to 10 staff.", vec![n(Count, 5.0), n(Count, 10.0)]),
            (q, "5,000-6,000 visitors", vec![nq(Count, 5000.0, AtLeast), nq(Count, 6000.0, AtMost)]),
            (q, "Tel 0114 496 0000 or 07700 900123.", vec![]),
            (q, "We received none.", vec![n(Count, 0.0)]),
            (q, "The fleet has 250 vans, of which 20% are electric.", vec![n(Count, 250.0), n(Percent, 20.0)]),
            (q, "Please refer to paragraph 4.1 and Appendix A.", vec![]),
            (q, "Band 6 staff earn £33,706 to £40,588.", vec![nq(Money, 33_706.0, AtLeast), nq(Money, 40_588.0, AtMost)]),
            (q, "Between 3 June 2020 and 31 March 2021 there were 45.", vec![t(Date, "2020-06-03"), t(Date, "2021-03-31"), n(Count, 45.0)]),
            ("How much was spent on consultants?", "Nil", vec![n(Money, 0.0)]),
            ("Has the council received complaints?", "No complaints have been received.", vec![b(false)]),
            ("What is the system called?", "It is called Mosaic, supplied by Acme.", vec![t(Choice, "Mosaic")]),
            ("Do you use agency staff or bank staff?", "Agency staff only.", vec![t(Choice, "agency staff")]),
            ("Is the system cloud-based or hosted on site?", "Cloud-based (software as a service).", vec![t(Choice, "cloud-based")]),
            ("Which of these do you offer: email, telephone or webchat?", "Email and telephone.", vec![t(Choice, "email"), t(Choice, "telephone")]),
            ("How many complaints or compliments were received?", "12 complaints were received.", vec![n(Count, 12.0)]),
        ]);
    }

    #[test]
    fn dates_and_money_together() {
        // The date reader supplies "March 2020" (month and year); the money is read here.
        let v = extract(
            "When was it done and what did it cost?",
            "March 2020 - £84k",
            0,
        );
        assert!(v
            .iter()
            .any(|v| v.kind == Money && v.value == Scalar::Number(84_000.0)));
        assert!(!v.iter().any(|v| v.kind == Count
            || v.kind == Year && v.value == Scalar::Number(2021.0) && v.span.start > 8));
    }

    #[test]
    #[rustfmt::skip]
    fn cost_limit_sentences() {
        let q = "What was the spend on payroll?";
        check(&[
            (q, "Answering would go beyond the appropriate limit set by section 12 (£450 or 18 hours). Overall payroll costs came to £71,402,913", vec![n(Money, 71_402_913.0)]),
            (q, "Finding, retrieving and extracting the records would, we estimate, exceed the cost limit (£600.00 or 24 hours of staff\ntime) for this part. So we must decline it.\n\nThe total spend was £5,000", vec![n(Money, 5000.0)]),
            ("How many appeals were upheld?", "Each of some 700 paper files would need checking by hand, which we estimate at far more than 18 hours. We therefore rely on s.12.", vec![]),
            ("How many?", "Locating this would take in excess of 40 hours.", vec![]),
        ]);
    }

    #[test]
    fn spans_and_base() {
        let a = "Response: £3.275m and 14 boats";
        let v = extract("What was spent and how many boats?", a, 100);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].text, "£3.275m");
        assert_eq!(v[0].span, Span::new(110, 110 + "£3.275m".len()));
        assert_eq!(v[0].unit.as_deref(), Some("GBP"));
        assert_eq!(v[1].text, "14");
        assert_eq!(&a[v[1].span.start - 100..v[1].span.end - 100], "14");
    }

    #[test]
    fn sentence_split() {
        let s = sentences("It was £3.275m. Approx. 20 staff, e.g. clerks.\nNext line here");
        let parts: Vec<&str> = s
            .iter()
            .map(|&(a, b)| &"It was £3.275m. Approx. 20 staff, e.g. clerks.\nNext line here"[a..b])
            .collect();
        assert_eq!(
            parts,
            vec![
                "It was £3.275m.",
                " Approx. 20 staff, e.g. clerks.\n",
                "Next line here"
            ]
        );
    }

    /// A fixed-seed generator, so the no-panic test is reproducible without a dependency.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn no_panic_on_random_text() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "0", "1", "2", "9", "12", "2019", "2021/22", "£", "%", ",", ".", " ", "\n", "-", "+",
            "(", ")", "[", "]", "/", ":", "’", "é", "²", "–", "m", "k", "bn", " million", " km2",
            " sq mi", " hectares", " acres", " months", " years", " weeks", " days", " hours",
            "January ", "Oct ", "Yes", "No", " None", "over ", "circa ", "c.", "approx. ", " or ",
            "Section 12", " per cent", "www.", "@", "Q4a", "e.g.", "\t", "Acme ", "Ltd.", "^th",
            " staff", "two ", "exceed the appropriate limit", "GBP", "pounds", "<", "~",
        ];
        let mut rng = Lcg(0x5EED_F01A);
        for _ in 0..4000 {
            let len = (rng.next() % 40) as usize;
            let answer: String = (0..len)
                .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
                .collect();
            let qlen = (rng.next() % 12) as usize;
            let question: String = (0..qlen)
                .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
                .collect();
            for q in [
                question.as_str(),
                "How many?",
                "Is it Acme or Beta?",
                "When?",
                "Which supplier?",
            ] {
                let vs = extract(q, &answer, 7);
                for v in vs {
                    assert!(
                        v.span.start >= 7 && v.span.end <= answer.len() + 7,
                        "{answer:?}"
                    );
                    assert_eq!(&answer[v.span.start - 7..v.span.end - 7], v.text);
                }
            }
        }
    }

    #[test]
    fn linear_on_long_text() {
        let unit = "Over £3.275m and 14 boats, approximately 65% – 21/04567/OUT in 2019’s review. ";
        let answer = unit.repeat(1000);
        let start = std::time::Instant::now();
        let v = extract("How many boats?", &answer, 0);
        assert!(v.len() >= 3_000);
        assert!(start.elapsed().as_secs() < 10);
    }

    #[test]
    fn both_options_and_years_of_dates() {
        let v = extract("Are the records kept by street or by ward?", "Both.", 0);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].value, Scalar::Text("Both (street and ward)".into()));
        let v = extract(
            "When did the new system go live?",
            "It went live in June 2016.",
            0,
        );
        let kinds: Vec<_> = v.iter().map(|v| (v.kind, v.value.clone())).collect();
        assert!(
            kinds.contains(&(ValueKind::Date, Scalar::Text("2016-06".into()))),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(ValueKind::Year, Scalar::Number(2016.0))),
            "{kinds:?}"
        );
        let v = extract("How many were opened?", "12 were opened in June 2016.", 0);
        assert!(!v.iter().any(|v| v.kind == ValueKind::Year), "{v:?}");
    }
}
