//! Dates as UK public bodies write them: "19 February 2019", "19th Feb 2019", "19/02/2019",
//! "Tuesday, 19 February 2019", "2019-02-19", "February 19, 2019", and month-only "October 2021".
//!
//! The finder is a hand-written scanner over a token list rather than a regex: the crate's regex
//! is built without Unicode tables, the formats need look-around checks that regexes express
//! badly (a reference number such as `20/04567/FUL` or `ABC2020/0417` must not yield a date), and
//! a token scanner examines a bounded number of tokens from each start, so it is linear in the
//! text length whatever the input.
//!
//! Numeric dates are always read day first: UK bodies never write month/day, and a reading that
//! is not a real date (`31/02/2019`, `13/25/2019`) is dropped rather than reinterpreted.

/// First and last year accepted in text. Earlier or later four-digit numbers next to a month are
/// far more often amounts, references or page numbers than dates in FOI correspondence.
const YEARS: std::ops::RangeInclusive<u32> = 1980..=2100;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Offset between the proleptic Gregorian day count from 0000-03-01 and the Unix epoch.
const EPOCH_SHIFT: i64 = 719_468;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

impl Date {
    /// A valid date, or `None`.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// A plain day count turns date arithmetic (deadlines, weekdays, spans) into integer
    /// arithmetic. Computed in `i64` so that no `Date` value, even one built by hand with
    /// out-of-range fields, can overflow (H. Hinnant's `days_from_civil`).
    pub fn day_number(&self) -> i64 {
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * DAYS_PER_ERA + doe - EPOCH_SHIFT
    }

    /// The date `n` days after 1970-01-01; the inverse of [`Date::day_number`].
    ///
    /// Saturates at the first and last representable dates (years `i32::MIN` and `i32::MAX`)
    /// instead of overflowing, so that arithmetic on any input stays panic-free.
    pub fn from_day_number(n: i64) -> Date {
        let min = Date {
            year: i32::MIN,
            month: 1,
            day: 1,
        };
        let max = Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        };
        if n <= min.day_number() {
            return min;
        }
        if n >= max.day_number() {
            return max;
        }
        let z = n + EPOCH_SHIFT;
        let era = z.div_euclid(DAYS_PER_ERA);
        let doe = z - era * DAYS_PER_ERA;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            // In range: `n` was clamped between the first and last representable dates.
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            month: month as u32,
            day: day as u32,
        }
    }

    /// Day of the week: 0 = Monday … 6 = Sunday (the ISO order, so `weekday() >= 5` is a
    /// weekend, which is what working-day rules ask).
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// The next day.
    pub fn succ(&self) -> Date {
        self.add_days(1)
    }

    /// The date `n` days later (earlier when `n` is negative); saturating like
    /// [`Date::from_day_number`].
    pub fn add_days(&self, n: i32) -> Date {
        Date::from_day_number(self.day_number() + i64::from(n))
    }

    /// Reads exactly `YYYY-MM-DD` (surrounding white space allowed), as written by
    /// [`Date::iso`] and stored in the model; `None` for anything else or an invalid date.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b: &[u8; 10] = s.trim().as_bytes().try_into().ok()?;
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: &[u8]| -> Option<u32> {
            r.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        Date::from_ymd(year as i32, month, day)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month names and the abbreviations UK bodies use ("Sept" as well as "Sep").
const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month number (1–12) of an English month name or abbreviation in any case, with or
/// without a trailing full stop: `February`, `FEB`, `Sept.`.
pub fn month_from_name(name: &str) -> Option<u32> {
    let name = name.strip_suffix('.').unwrap_or(name);
    // `eq_ignore_ascii_case` compares lengths first, so a long word costs nothing.
    MONTHS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, m)| m)
}

/// Weekday names and abbreviations that may precede a date ("Tue 19 Feb 2019").
const WEEKDAYS: [&str; 18] = [
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "weds",
];

/// Whether the figure at byte `i` is the count that ends a line of a month list: a month name
/// earlier on its line and a dash, colon, bar or equals sign just before it (`March 2024 - 4`
/// over `April 2024 - 7`). Such a figure is no day of a date whose month wrapped to the next
/// line (`on or before 29` over `March 2019`, `17 April 2024, 2` over `May 2024`); the date
/// reader and the values' blockers both ask.
pub(crate) fn ends_month_list_line(b: &[u8], i: usize) -> bool {
    let before = &b[..i];
    let before = &before[..before.len()
        - before
            .iter()
            .rev()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()];
    let separated = [&b"-"[..], b":", b"|", b"=", "\u{2013}".as_bytes()]
        .iter()
        .any(|s| before.ends_with(s));
    if !separated {
        return false;
    }
    let line = before
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    before[line..]
        .split(|c| !c.is_ascii_alphabetic())
        .filter_map(|w| std::str::from_utf8(w).ok())
        .any(|w| month_from_name(w).is_some())
}

fn is_weekday_name(word: &str) -> bool {
    WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The first three letters of every name in [`MONTHS`] and [`WEEKDAYS`].
const NAME_OPENINGS: [&[u8; 3]; 19] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
];

/// Whether a word could be a month or weekday name: 3 to 9 letters, opening with the first
/// three letters of some name. Most words of a reply are not ("the", "that", "some" passed a
/// first-letter check and then both lists), and this spares them the two lists.
fn may_be_day_or_month(word: &str) -> bool {
    let b = word.as_bytes();
    (3..=9).contains(&b.len()) && {
        let opening = [
            b[0].to_ascii_lowercase(),
            b[1].to_ascii_lowercase(),
            b[2].to_ascii_lowercase(),
        ];
        NAME_OPENINGS.iter().any(|o| **o == opening)
    }
}

/// Month words that are also ordinary English ("we may…", "march on…"): they only start a
/// month-first date when capitalised. After a day number ("19 may 2019") any case is fine.
fn is_ambiguous_month(word: &str) -> bool {
    ["may", "march", "mar"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    /// Byte offsets of the words it was read from, in the searched text.
    pub start: usize,
    pub end: usize,
    /// False for a month and year only ("October 2021"; `date.day` is then 1).
    pub has_day: bool,
}

/// Every date in `text`, in order. Full dates only unless `month_years` is true.
///
/// Each date is reported once, with the span of all its words (a leading weekday included); a
/// month and year inside a full date is not reported again. A time after the date is left out of
/// the span. Something that has the shape of a date but is not a real one (`31 February 2019`,
/// `31/02/2019`) is skipped as a whole rather than partly reported.
pub fn find_dates(text: &str, month_years: bool) -> Vec<FoundDate> {
    // A date never spans a blank line, so scan paragraph by paragraph: the token buffer stays
    // the size of one paragraph instead of the whole text (a 50 MB paste would otherwise need
    // half a gigabyte of tokens).
    let mut out = Vec::new();
    // One token buffer for all the paragraphs.
    let mut toks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = paragraph_end(text, start);
        // Every date has a year in digits: a paragraph without a digit has no date.
        if !text.as_bytes()[start..end].iter().any(u8::is_ascii_digit) {
            start = end;
            continue;
        }
        let first = out.len();
        find_dates_in(&text[start..end], month_years, &mut toks, &mut out);
        for d in &mut out[first..] {
            d.start += start;
            d.end += start;
        }
        start = end;
    }
    out
}

/// The end of the paragraph that starts at `start`: just after the first line break that a
/// second one follows, or the text's end. Line break by line break (a `memchr` each) rather than
/// `find("\n\n")`, whose substring searcher is set up anew for every paragraph.
fn paragraph_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut at = start;
    while let Some(p) = text[at..].find('\n') {
        let nl = at + p;
        if b.get(nl + 1) == Some(&b'\n') {
            return nl + 1;
        }
        at = nl + 1;
    }
    text.len()
}

/// The dates of one paragraph, added to `out`; `toks` is the caller's buffer for its tokens.
fn find_dates_in(text: &str, month_years: bool, toks: &mut Vec<Tok>, out: &mut Vec<FoundDate>) {
    tokenize_into(text, toks);
    let toks = &toks[..];
    let scan = Scanner { text, toks };
    let mut i = 0;
    while i < toks.len() {
        match scan.match_at(i, month_years) {
            Some((next, found)) => {
                out.extend(found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of alphabetic characters (any script, so `éFeb` is not the month `Feb`).
    Word,
    /// A run of white space, line breaks included: date parts may be split across lines.
    Space,
    /// Any other single character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Splits `text` into tokens that tile it exactly, so every token boundary is a char boundary.
///
/// Byte by byte with an ASCII fast path, each run extended in place: it reads every byte of
/// every reply (metadata's dates, each answer's values), and decoding every character for the
/// Unicode classes cost more than all the date patterns.
#[cfg(test)]
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, &mut toks);
    toks
}

/// [`tokenize`] into a buffer (cleared first) that the caller reuses from text to text.
fn tokenize_into(text: &str, toks: &mut Vec<Tok>) {
    let b = text.as_bytes();
    toks.clear();
    toks.reserve(b.len() / 4 + 1);
    let mut at = 0;
    while at < b.len() {
        let (kind, len) = class_at(text, at);
        let mut end = at + len;
        if !matches!(kind, Kind::Punct(_)) {
            while end < b.len() {
                // ASCII by table (the run's bytes are nearly all ASCII), the rest decoded.
                let (k, l) = match ASCII_KINDS.get(b[end] as usize) {
                    Some(&k) => (k, 1),
                    None => class_at(text, end),
                };
                if k != kind {
                    break;
                }
                end += l;
            }
        }
        toks.push(Tok {
            kind,
            start: at,
            end,
        });
        at = end;
    }
}

/// [`class`] of every ASCII character, as a table for the tokenizer's inner loop.
static ASCII_KINDS: [Kind; 128] = {
    let mut t = [Kind::Space; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_digit() {
            Kind::Num
        } else if b.is_ascii_alphabetic() {
            Kind::Word
        } else if matches!(b, b' ' | b'\t'..=b'\r') {
            // `char::is_whitespace` of an ASCII character.
            Kind::Space
        } else {
            Kind::Punct(b as char)
        };
        c += 1;
    }
    t
};

/// The kind of the character at byte `at` (a char boundary) and its length in bytes.
#[inline]
fn class_at(text: &str, at: usize) -> (Kind, usize) {
    let c = text.as_bytes()[at];
    if c.is_ascii() {
        return (ASCII_KINDS[c as usize], 1);
    }
    let ch = text[at..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (class(ch), ch.len_utf8())
}

fn class(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Num
    } else if c.is_alphabetic() {
        Kind::Word
    } else if c.is_whitespace() {
        Kind::Space
    } else {
        Kind::Punct(c)
    }
}

/// What one pattern read from a start token: the index of the first token after it and the
/// date, or `None` when the words had the shape of a date but were not a real one.
type Hit = (usize, Option<FoundDate>);

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn is_space(&self, i: usize) -> bool {
        matches!(self.tok(i), Some(t) if t.kind == Kind::Space)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.tok(i), Some(t) if t.kind == Kind::Punct(c))
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        self.text.get(t.start..t.end)
    }

    /// The value and digit count of a number token; values of more than 9 digits are not
    /// needed (no date part has more than 4) and read as `u32::MAX`.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Num)?;
        let len = t.end - t.start;
        let value = if len <= 9 {
            self.text.get(t.start..t.end)?.parse().ok()?
        } else {
            u32::MAX
        };
        Some((value, len))
    }

    /// A day number: one or two digits, 1–31.
    fn day(&self, i: usize) -> Option<u32> {
        self.num(i)
            .filter(|&(v, len)| len <= 2 && (1..=31).contains(&v))
            .map(|(v, _)| v)
    }

    /// A four-digit year in [`YEARS`].
    fn year(&self, i: usize) -> Option<u32> {
        self.num(i)
            .filter(|&(v, len)| len == 4 && YEARS.contains(&v))
            .map(|(v, _)| v)
    }

    fn month(&self, i: usize) -> Option<u32> {
        month_from_name(self.word(i)?)
    }

    fn char_before(&self, at: usize) -> Option<char> {
        self.text.get(..at)?.chars().next_back()
    }

    fn chars_after(&self, at: usize) -> (Option<char>, Option<char>) {
        let mut it = self.text.get(at..).unwrap_or("").chars();
        (it.next(), it.next())
    }

    fn start(&self, i: usize) -> usize {
        self.tok(i).map_or(self.text.len(), |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.tok(i).map_or(self.text.len(), |t| t.end)
    }

    /// Skips an ordinal suffix after a day number: `19th`, `1st`, `2nd`, `3rd`, and `19^th`
    /// (how WhatDoTheyKnow renders a superscript "th").
    fn ordinal(&self, j: usize) -> usize {
        let is_suffix = |k: usize| {
            self.word(k).is_some_and(|w| {
                ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(w))
            })
        };
        if is_suffix(j) {
            j + 1
        } else if self.is_punct(j, '^') && is_suffix(j + 1) {
            j + 2
        } else {
            j
        }
    }

    /// Skips an optional comma and the white space a separator needs: `" "`, `", "` or `","`.
    fn separator(&self, mut j: usize) -> Option<usize> {
        let comma = self.is_punct(j, ',');
        if comma {
            j += 1;
        }
        if self.is_space(j) {
            Some(j + 1)
        } else if comma {
            Some(j)
        } else {
            None
        }
    }

    /// Whether token `i` may start a date: not glued to the word or number before it
    /// (`ABC2020/0417`, `XY/2021/0456`, `ref.19/02/2019`, `£19`).
    fn left_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let Some(p) = self.char_before(t.start) else {
            return true;
        };
        if p.is_alphanumeric() || p == '_' {
            return false;
        }
        if t.kind != Kind::Num {
            return true;
        }
        let pp = self.char_before(t.start - p.len_utf8());
        match p {
            '/' | '.' | '\\' | '^' | '#' | '+' | '£' | '$' | '€' => false,
            ':' | ',' => !pp.is_some_and(|c| c.is_ascii_digit()),
            _ => true,
        }
    }

    /// Whether a date may end at byte `at`: not followed by a letter or digit, except a year
    /// glued to the next sentence's capitalised first word, as disclosure-log fields paste when
    /// their line breaks are lost ("Responded Fri 16 March 2018Please provide …").
    fn right_ok(&self, at: usize) -> bool {
        match self.chars_after(at) {
            (Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => {
                let before = self.text.as_bytes()[..at].iter().rev();
                let digits = before.take_while(|b| b.is_ascii_digit()).count();
                digits == 4
            }
            (c, _) => !c.is_some_and(char::is_alphanumeric),
        }
    }

    fn found(&self, i: usize, next: usize, y: u32, m: u32, d: u32, has_day: bool) -> Hit {
        let date = Date::from_ymd(y as i32, m, d);
        let hit = date.map(|date| FoundDate {
            date,
            start: self.start(i),
            end: self.end(next - 1),
            has_day,
        });
        (next, hit)
    }

    fn match_at(&self, i: usize, month_years: bool) -> Option<Hit> {
        // The token's own kind and words first: most tokens are spaces, punctuation or
        // ordinary words, and the look at the character before (`left_ok`) is dearer.
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num if matches!(t.end - t.start, 1 | 2 | 4) && self.left_ok(i) => {
                self.numeric_first(i)
            }
            Kind::Word => {
                let w = self.word(i).filter(|w| may_be_day_or_month(w))?;
                if !self.left_ok(i) {
                    return None;
                }
                if is_weekday_name(w) {
                    self.after_weekday(i)
                } else {
                    self.month_first(i, month_years)
                }
            }
            _ => None,
        }
    }

    /// "Tuesday, 19 February 2019", "Tue 19/02/2019", "Tuesday February 19, 2019": the span
    /// starts at the weekday. The weekday is not checked against the date: a wrong weekday is
    /// a typo in the letter, and the date is what the letter means.
    fn after_weekday(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.is_punct(j, '.') {
            j += 1;
        }
        let j = self.separator(j)?;
        let hit = match self.tok(j)?.kind {
            Kind::Num => self.numeric_first(j),
            Kind::Word => self.month_first(j, false),
            _ => None,
        }?;
        let (next, found) = hit;
        let found = found.map(|f| FoundDate {
            start: self.start(i),
            ..f
        });
        Some((next, found))
    }

    fn numeric_first(&self, i: usize) -> Option<Hit> {
        // Each of these dates opens with a day (one or two digits) or a year (four).
        if !self
            .tok(i)
            .is_some_and(|t| matches!(t.end - t.start, 1 | 2 | 4))
        {
            return None;
        }
        self.iso(i)
            .or_else(|| self.all_numeric(i))
            .or_else(|| self.day_mon_hyphen(i))
            .or_else(|| self.day_month_year(i))
    }

    fn month_first(&self, i: usize, month_years: bool) -> Option<Hit> {
        let w = self.word(i)?;
        let m = month_from_name(w)?;
        if is_ambiguous_month(w) && !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let mut j = i + 1;
        if self.is_punct(j, '.') {
            j += 1;
        }
        self.month_day_year(i, m, j)
            .or_else(|| month_years.then(|| self.month_year(i, m, j)).flatten())
    }

    /// `19 February 2019`, `19th of Feb. 2019`, `19^th February, 2019`, `29\nMarch 2019`.
    fn day_month_year(&self, i: usize) -> Option<Hit> {
        let d = self.day(i)?;
        let mut j = self.ordinal(i + 1);
        if !self.is_space(j)
            || (self.has_newline(j) && ends_month_list_line(self.text.as_bytes(), self.start(i)))
        {
            return None;
        }
        j += 1;
        if self.word(j).is_some_and(|w| w.eq_ignore_ascii_case("of")) && self.is_space(j + 1) {
            j += 2;
        }
        let m = self.month(j)?;
        j += 1;
        if self.is_punct(j, '.') {
            j += 1;
        }
        let j = self.separator(j)?;
        let y = self.year(j)?;
        if !self.right_ok(self.end(j)) {
            return None;
        }
        Some(self.found(i, j + 1, y, m, d, true))
    }

    /// Whether space token `j` holds a line break.
    fn has_newline(&self, j: usize) -> bool {
        self.tok(j)
            .and_then(|t| self.text.get(t.start..t.end))
            .is_some_and(|s| s.contains('\n'))
    }

    /// `19-Feb-2019`, `19-Feb-19` (spreadsheet exports).
    fn day_mon_hyphen(&self, i: usize) -> Option<Hit> {
        let d = self.day(i)?;
        if !self.is_punct(i + 1, '-') || !self.is_punct(i + 3, '-') {
            return None;
        }
        let m = self.month(i + 2)?;
        let y = match self.num(i + 4)? {
            (v, 2) => 2000 + v,
            (v, 4) if YEARS.contains(&v) => v,
            _ => return None,
        };
        if !self.right_ok(self.end(i + 4)) {
            return None;
        }
        Some(self.found(i, i + 5, y, m, d, true))
    }

    /// `19/02/2019`, `19.02.2019`, `19-02-2019`, `19/2/19` — day first, always. Two-digit
    /// years only with slashes: `1.2.10` is far more often a section number than a date.
    fn all_numeric(&self, i: usize) -> Option<Hit> {
        let (d, dlen) = self.num(i)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('/' | '.' | '-')) => c,
            _ => return None,
        };
        let (m, mlen) = self.num(i + 2)?;
        if dlen > 2 || mlen > 2 || !self.is_punct(i + 3, sep) {
            return None;
        }
        let y = match self.num(i + 4)? {
            (v, 2) if sep == '/' => 2000 + v,
            (v, 4) if YEARS.contains(&v) => v,
            _ => return None,
        };
        // `12-19-02-2019`: part of a longer dash-separated code.
        let before = self.char_before(self.start(i));
        if sep == '-' && before == Some('-') {
            return None;
        }
        // Not the head of a longer code: `19/02/2019/1`, `19.02.2019.3`, `19/02/2019a`. A dash
        // after a slash date is a range ("01/04/2019-31/03/2020") and is fine.
        let end = self.end(i + 4);
        let (c1, c2) = self.chars_after(end);
        if c1.is_some_and(char::is_alphanumeric) {
            return None;
        }
        if c1.is_some_and(|c| c == sep || c == '/' || c == '.')
            && c2.is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        Some(self.found(i, i + 5, y, m, d, true))
    }

    /// ISO `2019-02-19` (optionally followed by a time `T14:07`).
    fn iso(&self, i: usize) -> Option<Hit> {
        let y = self.year(i)?;
        if !self.is_punct(i + 1, '-') || !self.is_punct(i + 3, '-') {
            return None;
        }
        let (m, mlen) = self.num(i + 2)?;
        let (d, dlen) = self.num(i + 4)?;
        if mlen != 2 || dlen != 2 || self.char_before(self.start(i)) == Some('-') {
            return None;
        }
        let (c1, c2) = self.chars_after(self.end(i + 4));
        let digit_next = c2.is_some_and(|c| c.is_ascii_digit());
        match c1 {
            Some('T') if digit_next => {}
            Some(c) if c.is_alphanumeric() => return None,
            Some('-' | '/' | '.') if digit_next => return None,
            _ => {}
        }
        Some(self.found(i, i + 5, y, m, d, true))
    }

    /// `February 19, 2019`, `Feb 19th 2019`; `j` is the token after the month (and its dot).
    fn month_day_year(&self, i: usize, m: u32, j: usize) -> Option<Hit> {
        if !self.is_space(j) {
            return None;
        }
        let d = self.day(j + 1)?;
        let k = self.ordinal(j + 2);
        let k = self.separator(k)?;
        let y = self.year(k)?;
        if !self.right_ok(self.end(k)) {
            return None;
        }
        Some(self.found(i, k + 1, y, m, d, true))
    }

    /// `October 2021`, `Oct 2021`, `October, 2021`: reported with day 1 and `has_day` false.
    fn month_year(&self, i: usize, m: u32, j: usize) -> Option<Hit> {
        let k = self.separator(j)?;
        let y = self.year(k)?;
        if !self.right_ok(self.end(k)) {
            return None;
        }
        Some(self.found(i, k + 1, y, m, 1, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was (char by char): the fast one must tile every text the same way.
    fn tokenize_chars(text: &str) -> Vec<(Kind, usize, usize)> {
        let mut toks: Vec<(Kind, usize, usize)> = Vec::new();
        for (at, c) in text.char_indices() {
            let kind = class(c);
            let end = at + c.len_utf8();
            if let Some(last) = toks.last_mut() {
                if last.0 == kind && !matches!(kind, Kind::Punct(_)) {
                    last.2 = end;
                    continue;
                }
            }
            toks.push((kind, at, end));
        }
        toks
    }

    #[test]
    fn tokenizer_tiles_like_the_char_by_char_one() {
        let pieces = [
            "19", "Feb", " ", "\n", "\t", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "é", "Ω",
            "’", "–", "2019", "/", ".", ",", "-", "x", "_", "£", "\u{2003}", "Straße", "٣",
            "\u{212A}",
        ];
        let mut r = crate::test_texts::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut texts: Vec<String> = (0..5000)
            .map(|_| {
                (0..r.below(17))
                    .map(|_| pieces[r.below(pieces.len())])
                    .collect()
            })
            .collect();
        texts.extend(crate::test_texts::files(&[
            "../shared/corpus/real-layouts",
            "../shared/corpus/real-threads",
            "tests/layouts",
        ]));
        for t in &texts {
            let got: Vec<_> = tokenize(t)
                .iter()
                .map(|k| (k.kind, k.start, k.end))
                .collect();
            assert_eq!(got, tokenize_chars(t), "{t:?}");
        }
    }

    #[test]
    fn ascii_kinds_are_the_classes() {
        for c in 0..128u8 {
            assert_eq!(ASCII_KINDS[c as usize], class(c as char), "{c}");
        }
    }

    #[test]
    fn every_name_passes_the_quick_check() {
        for (name, _) in MONTHS {
            assert!(may_be_day_or_month(name), "{name}");
            assert!(may_be_day_or_month(&name.to_uppercase()), "{name}");
        }
        for name in WEEKDAYS {
            assert!(may_be_day_or_month(name), "{name}");
        }
    }

    /// `(text, month_years, [(iso, has_day, matched text)])`.
    type Case = (
        &'static str,
        bool,
        &'static [(&'static str, bool, &'static str)],
    );

    const CASES: &[Case] = &[
        // Day, month name, year.
        (
            "received on 19 February 2019.",
            false,
            &[("2019-02-19", true, "19 February 2019")],
        ),
        (
            "19th February 2019",
            false,
            &[("2019-02-19", true, "19th February 2019")],
        ),
        (
            "1st March 2020",
            false,
            &[("2020-03-01", true, "1st March 2020")],
        ),
        (
            "2nd June 2021",
            false,
            &[("2021-06-02", true, "2nd June 2021")],
        ),
        (
            "3rd July 2022",
            false,
            &[("2022-07-03", true, "3rd July 2022")],
        ),
        (
            "21ST JULY 2022",
            false,
            &[("2022-07-21", true, "21ST JULY 2022")],
        ),
        (
            "dated 19^th February 2019",
            false,
            &[("2019-02-19", true, "19^th February 2019")],
        ),
        (
            "the 19th of February 2019",
            false,
            &[("2019-02-19", true, "19th of February 2019")],
        ),
        ("19 Feb 2019", false, &[("2019-02-19", true, "19 Feb 2019")]),
        (
            "19 Sept 2019",
            false,
            &[("2019-09-19", true, "19 Sept 2019")],
        ),
        ("19 Sep 2019", false, &[("2019-09-19", true, "19 Sep 2019")]),
        (
            "19 Feb. 2019",
            false,
            &[("2019-02-19", true, "19 Feb. 2019")],
        ),
        (
            "19 FEBRUARY 2019",
            false,
            &[("2019-02-19", true, "19 FEBRUARY 2019")],
        ),
        (
            "19 february, 2019",
            false,
            &[("2019-02-19", true, "19 february, 2019")],
        ),
        ("19 may 2019", false, &[("2019-05-19", true, "19 may 2019")]),
        // Parts split across lines or by several spaces.
        (
            "on or before 29\nMarch 2019",
            false,
            &[("2019-03-29", true, "29\nMarch 2019")],
        ),
        // A month list's count at a line end is no day of the next line's month.
        (
            "March 2024 - 4\nApril 2024 - 7\nMay 2024 - 2",
            true,
            &[
                ("2024-03-01", false, "March 2024"),
                ("2024-04-01", false, "April 2024"),
                ("2024-05-01", false, "May 2024"),
            ],
        ),
        (
            "29   March\n 2019",
            false,
            &[("2019-03-29", true, "29   March\n 2019")],
        ),
        // With a weekday.
        (
            "Tuesday, 19 February 2019",
            false,
            &[("2019-02-19", true, "Tuesday, 19 February 2019")],
        ),
        (
            "Tue 19 Feb 2019",
            false,
            &[("2019-02-19", true, "Tue 19 Feb 2019")],
        ),
        (
            "Tues. 19/02/2019",
            false,
            &[("2019-02-19", true, "Tues. 19/02/2019")],
        ),
        (
            "Tuesday, February 19, 2019",
            false,
            &[("2019-02-19", true, "Tuesday, February 19, 2019")],
        ),
        ("Monday morning", false, &[]),
        // Month first.
        (
            "February 19, 2019",
            false,
            &[("2019-02-19", true, "February 19, 2019")],
        ),
        (
            "February 19 2019",
            false,
            &[("2019-02-19", true, "February 19 2019")],
        ),
        (
            "Feb 19th, 2019",
            false,
            &[("2019-02-19", true, "Feb 19th, 2019")],
        ),
        // Numeric, day first.
        ("19/02/2019", false, &[("2019-02-19", true, "19/02/2019")]),
        ("19.02.2019", false, &[("2019-02-19", true, "19.02.2019")]),
        ("19-02-2019", false, &[("2019-02-19", true, "19-02-2019")]),
        ("19/2/19", false, &[("2019-02-19", true, "19/2/19")]),
        ("01/04/2019", false, &[("2019-04-01", true, "01/04/2019")]),
        ("2019-02-19", false, &[("2019-02-19", true, "2019-02-19")]),
        (
            "at 2019-02-19T14:07",
            false,
            &[("2019-02-19", true, "2019-02-19")],
        ),
        ("19-Feb-2019", false, &[("2019-02-19", true, "19-Feb-2019")]),
        ("19-Feb-19", false, &[("2019-02-19", true, "19-Feb-19")]),
        (
            "period 01/04/2019-31/03/2020.",
            false,
            &[
                ("2019-04-01", true, "01/04/2019"),
                ("2020-03-31", true, "31/03/2020"),
            ],
        ),
        ("(19/02/2019)", false, &[("2019-02-19", true, "19/02/2019")]),
        (
            "Date:19/02/2019",
            false,
            &[("2019-02-19", true, "19/02/2019")],
        ),
        // A time after the date is not part of it.
        (
            "Sent: 20 February 2019 14:07",
            false,
            &[("2019-02-20", true, "20 February 2019")],
        ),
        (
            "20/02/2019 14:07",
            false,
            &[("2019-02-20", true, "20/02/2019")],
        ),
        // Several, in order.
        (
            "Received 19/02/2019; due 19 March 2019; sent 2019-03-20.",
            false,
            &[
                ("2019-02-19", true, "19/02/2019"),
                ("2019-03-19", true, "19 March 2019"),
                ("2019-03-20", true, "2019-03-20"),
            ],
        ),
        // Invalid or out-of-range dates.
        ("31/02/2019", false, &[]),
        ("31 February 2019", true, &[]),
        ("13/25/2019", false, &[]),
        ("02/29/2019", false, &[]),
        ("29/02/2020", false, &[("2020-02-29", true, "29/02/2020")]),
        ("29/02/2019", false, &[]),
        ("12 October 1066", true, &[]),
        ("12/10/1979", false, &[]),
        ("1 January 2101", false, &[]),
        (
            "31 December 2100",
            false,
            &[("2100-12-31", true, "31 December 2100")],
        ),
        (
            "1 January 1980",
            false,
            &[("1980-01-01", true, "1 January 1980")],
        ),
        ("2019-13-01", false, &[]),
        // Reference and phone numbers.
        ("application 20/04567/FUL", false, &[]),
        ("our ref ABC2020/0417", true, &[]),
        ("ref 000733/23", false, &[]),
        ("ref 2022-4471", false, &[]),
        ("XY/2021/0456", true, &[]),
        ("ref FOI/19/02/2019", false, &[]),
        ("19/02/2019/1", false, &[]),
        ("file 19.02.2019.pdf", false, &[]),
        ("call 0121 303 1111 or 020-7946-0958", false, &[]),
        ("+44 (0)20 7946 0958", false, &[]),
        ("version 1.2.10", false, &[]),
        ("ref 12-19-02-2019", false, &[]),
        ("ABC2019-02-19", false, &[]),
        ("19 February", false, &[]),
        ("19February2019", false, &[]),
        ("£19 May 2019", false, &[]),
        // Month and year.
        (
            "October 2021",
            true,
            &[("2021-10-01", false, "October 2021")],
        ),
        ("October 2021", false, &[]),
        ("in Oct 2021", true, &[("2021-10-01", false, "Oct 2021")]),
        (
            "October, 2021",
            true,
            &[("2021-10-01", false, "October, 2021")],
        ),
        ("SEPT. 2020", true, &[("2020-09-01", false, "SEPT. 2020")]),
        (
            "mid-October 2021",
            true,
            &[("2021-10-01", false, "October 2021")],
        ),
        ("In May 2019 we", true, &[("2019-05-01", false, "May 2019")]),
        ("we may 2019", true, &[]),
        ("they march 2020", true, &[]),
        ("May we ask", true, &[]),
        ("Mayor 2019", true, &[]),
        ("October 21", true, &[]),
        (
            "19 February 2019",
            true,
            &[("2019-02-19", true, "19 February 2019")],
        ),
        (
            "From March 2019 to 5 April 2020",
            true,
            &[
                ("2019-03-01", false, "March 2019"),
                ("2020-04-05", true, "5 April 2020"),
            ],
        ),
        // Other scripts and symbols next to the words.
        ("éFeb 2019", true, &[]),
        (
            "‘19 February 2019’",
            false,
            &[("2019-02-19", true, "19 February 2019")],
        ),
        (
            "£5 on 19/02/2019 £",
            false,
            &[("2019-02-19", true, "19/02/2019")],
        ),
        ("", true, &[]),
    ];

    #[test]
    fn table() {
        for (text, month_years, want) in CASES {
            let got: Vec<(String, bool, &str)> = find_dates(text, *month_years)
                .iter()
                .map(|f| (f.date.iso(), f.has_day, &text[f.start..f.end]))
                .collect();
            let want: Vec<(String, bool, &str)> = want
                .iter()
                .map(|&(iso, has_day, m)| (iso.to_string(), has_day, m))
                .collect();
            assert_eq!(got, want, "text {text:?} month_years {month_years}");
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_from_name("February"), Some(2));
        assert_eq!(month_from_name("FEB"), Some(2));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("sep"), Some(9));
        assert_eq!(month_from_name("Mayor"), None);
        assert_eq!(month_from_name(""), None);
        assert_eq!(month_from_name("."), None);
    }

    #[test]
    fn arithmetic() {
        let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2019, 2, 19).weekday(), 1); // Tuesday
        assert_eq!(d(2023, 1, 1).weekday(), 6); // Sunday
        assert_eq!(d(2000, 2, 28).succ(), d(2000, 2, 29));
        assert_eq!(d(1900, 2, 28).succ(), d(1900, 3, 1));
        assert_eq!(d(2019, 12, 31).succ(), d(2020, 1, 1));
        assert_eq!(d(2019, 3, 1).add_days(-1), d(2019, 2, 28));
        assert_eq!(d(2019, 2, 19).add_days(28), d(2019, 3, 19));
        // Every day from 1900 to 2200 round-trips and advances the weekday by one.
        let mut day = d(1900, 1, 1);
        for n in day.day_number()..d(2200, 1, 1).day_number() {
            assert_eq!(Date::from_day_number(n), day);
            assert_eq!(day.day_number(), n);
            let next = day.succ();
            assert_eq!(next.weekday(), (day.weekday() + 1) % 7);
            assert!(next > day);
            day = next;
        }
        // Saturation instead of overflow.
        let last = Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        };
        assert_eq!(last.succ(), last);
        assert_eq!(last.add_days(i32::MAX), last);
        let first = Date {
            year: i32::MIN,
            month: 1,
            day: 1,
        };
        assert_eq!(first.add_days(-5), first);
        // Hand-built nonsense does not panic.
        let junk = Date {
            year: 2019,
            month: u32::MAX,
            day: u32::MAX,
        };
        let _ = (junk.weekday(), junk.succ(), junk.day_number());
    }

    #[test]
    fn iso_round_trip() {
        assert_eq!(Date::parse_iso("2019-02-19"), Date::from_ymd(2019, 2, 19));
        assert_eq!(
            Date::parse_iso(" 2019-02-19\n"),
            Date::from_ymd(2019, 2, 19)
        );
        for bad in [
            "2019-02-30",
            "2019-2-19",
            "19-02-2019",
            "2019/02/19",
            "2019-02-1x",
            "",
            "é",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
        assert_eq!(Date::parse_iso("2019-02-1é"), None);
        let d = Date::from_ymd(2024, 2, 29).unwrap();
        assert_eq!(Date::parse_iso(&d.iso()), Some(d));
    }

    /// No input panics, and every result is a valid date with a span on char boundaries, in
    /// order and not overlapping (a stand-in for a property test: proptest is not available).
    #[test]
    fn junk_does_not_panic() {
        const PIECES: &[&str] = &[
            "0", "1", "2", "9", "19", "31", "02", "2019", "1980", "2100", "20", "/", "/", ".", "-",
            " ", "  ", "\n", ",", "^", "th", "st", "of", "February", "Feb", "feb.", "May", "may",
            "Sept", "OCTOBER", "Tuesday", "Tue", "T", ":", "£", "’", "é", "日本", "🙂", "FOI",
            "ref", "a", "\u{a0}", "\t",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            // xorshift64*: deterministic, so a failure reproduces.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for _ in 0..5000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            for month_years in [false, true] {
                let found = find_dates(&text, month_years);
                let mut last_end = 0;
                for f in &found {
                    assert!(f.start >= last_end && f.start < f.end, "{text:?}");
                    assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                    assert_eq!(
                        Date::from_ymd(f.date.year, f.date.month, f.date.day),
                        Some(f.date)
                    );
                    assert!((1980..=2100).contains(&f.date.year));
                    last_end = f.end;
                }
            }
        }
    }

    #[test]
    fn long_input_is_linear() {
        // A pathological run of almost-dates: finishes quickly and finds every real one.
        let unit = "19/02/2019 19 Feb 20/04567/FUL 2019-02- May 2019 ";
        let text = unit.repeat(20_000);
        let found = find_dates(&text, true);
        assert_eq!(found.len(), 40_000);
    }

    /// A year glued to the next sentence's first word ends a date; glued to a lower-case word,
    /// a digit or a two-letter code it does not.
    #[test]
    fn year_glued_to_a_sentence() {
        let iso = |t: &str| -> Vec<String> {
            find_dates(t, false).iter().map(|d| d.date.iso()).collect()
        };
        assert_eq!(
            iso("Responded Fri 16 March 2018Please provide"),
            ["2018-03-16"]
        );
        assert!(iso("16 March 2018abc").is_empty());
        assert!(iso("16 March 20181. How many").is_empty());
        assert!(iso("16 March 2018QA").is_empty());
        assert!(iso("16 March 18Please").is_empty());
    }
}
