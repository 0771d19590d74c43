//! A request's reference numbers, read where replies write them:
//!
//! * after a label, on its line or on the next non-blank one: "Our ref: AB/2022/1188",
//!   "Freedom of information request reference no: 01.FOI.25.041277", "Our ref / Ein cyf:
//!   2022-0417F", "Request for Information – ATISN 20418", "Reference:" over "1147";
//! * in a title or a subject line, at its end ("Knives - 1419/16", "Drone Flight Logs
//!   (352B/23)") or at its start ("HFRS 2023 52 - Vehicle idling", "202400337719_Annex A"), or
//!   standing alone in a letter's head ("10935-23" above "Dear Sir/Madam");
//! * anywhere, when the law's name or a letters-and-digits shape says so ("FOI 5083",
//!   "ATISN 19842", "BRDC-FOI-4127", "EIR-LAC-2024-0931"), or after a cue word.
//!
//! What is never one: dates, years and financial years, phone numbers, postcodes, money,
//! decimals, ranges and section citations ("section 40(2)").

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::dates::find_dates;
use crate::messages::Thread;
use crate::pattern::{re, Regex};
use crate::text::Doc;

/// At most this many references are reported.
const MAX: usize = 8;

static REF_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:[A-Z]{1,8}(?:[-/_][A-Z]{1,8}){0,3}[-/_]?\d[A-Z0-9]*|\d[\d]*)(?:[-/.][A-Z0-9]+)*\b")
});
static REF_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bref(?:erence)?s?\b\.?|\brequest\b|\bcase\b|\bFOI[AS]?\b|\bEIRS?\b|\binformation\b)[\s:.#-]*(?:no\.?|number|id)?[\s:.#-]*$",
    )
});

/// Words that may stand before a reference word in a label: "Freedom of information request
/// reference no", "FOI ref", "Our ref", "Case number", "Ein cyf".
const QUALIFIER: &str = r"(?:freedom\s+of\s+information|foi[as]?|eirs?|information|request|case|our|ein|enquiry|complaint)";

/// A reference label: "Our ref:", "Reference number", "Request ID", "Case Number", "FOI
/// request", "Request for Information", "Disclosure Log", "Cyfeirnod / Reference:", and chains
/// of them ("Freedom of Information Request – Ref:", "Our ref / Ein cyf:"). Group 1 is the
/// label, group 2 the line break when the reference stands on a following line.
static REF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let one = format!(
        r"(?:(?:{q}\s+)*(?:ref(?:erence)?|cyf(?:eirnod)?)(?:\s+(?:no|number|id))?|(?:{q}\s+)+(?:no|number|id)|(?:freedom\s+of\s+information|foi|eir|foisa)\s+request|request\s+for\s+information|disclosure\s+log(?:\s+(?:entry|no|number))?)\b\.?",
        q = QUALIFIER
    );
    re(&format!(
        r"(?im)(?:^|[\s(\[|/])({one}(?:[ \t]*(?:[-\x{{2013}}\x{{2014}}/|][ \t]*)?{one})*)[ \t]*(?:[:#.(\-\x{{2013}}\x{{2014}}][ \t]*)?(\n[ \t]*(?:\n[ \t]*)?)?"
    ))
});

/// A reference named by its law or its scheme: "FOI 5083", "ATISN 20418", "FOI_24-871",
/// "FOI/KD/2025/0394", "EIR-24-1342".
static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:FOI[AS]?|FOISA|EIRS?|ATISN|RFI|FOIR)[ \t]*[-_/:#]?[ \t]*(?:[A-Z]{1,6}[ \t/_-]+)?\d")
});
const PREFIXES: [&str; 9] = [
    "FOISA", "FOIA", "FOIS", "FOIR", "FOI", "EIRS", "EIR", "ATISN", "RFI",
];

/// A title that ends with its reference: "Pedlars certificates - 274/22".
static TITLE_END_DASH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Za-z][^\n]{2,100}?[ \t][-\x{2013}\x{2014}][ \t]+([A-Z]{0,6}[/-]?\d[0-9A-Z/_.-]{2,})[ \t]*$",
    )
});
/// A title with its reference in brackets at the end: "Drone Flight Logs (352B/23)".
static TITLE_END_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[A-Za-z][^\n]{2,100}?[ \t]\(([A-Z]{0,6}[/-]?\d[0-9A-Z/_.-]{2,})\)[ \t]*$")
});
/// What a subject or title line opens with before its title: "Subject: RE: ".
static LINE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^[ \t]*(?:(?:subject|re|fwd?|title)[ \t]*:[ \t]*)*"));
static SUBJECT_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?im)^[ \t]*(?:subject|re)[ \t]*:[ \t]*[^ \t\n]"));

/// The reference written at `at` and the offset where it ends: the run of tokens that hold
/// digits or are short capitals ("FOI 231 03 24", "WC/FOI 318/24", "EIR-LAC-2024-0931"), up
/// to a word, " - ", a date or the line's end.
fn reference_span(text: &str, at: usize) -> Option<(String, usize)> {
    let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let rest = &text[at..line_end];
    if !rest.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A date after the reference ends it: "Our Reference: 109526 29 January 2016". Read only
    // once a token would be taken (most lines tried open with a word that ends the run at
    // once): a date starts at a letter or digit, never at a skipped bullet, so checking it
    // after the bullets and the token's shape ends the run where checking it first did.
    let mut date_at: Option<usize> = None;
    let mut date_at = || {
        *date_at.get_or_insert_with(|| {
            find_dates(rest, false)
                .first()
                .map_or(rest.len(), |d| d.start)
        })
    };
    let mut taken: Vec<&str> = Vec::new();
    let mut end = at;
    let mut pos = 0;
    for tok in rest.split([' ', '\t']) {
        let off = pos;
        pos += tok.len() + 1;
        if tok.is_empty() {
            if taken.is_empty() {
                continue;
            }
            break;
        }
        // A bullet before the reference: "- FOI/202500455813".
        if taken.is_empty() && matches!(tok, "-" | "\u{2013}" | "\u{2022}" | "*" | "/" | "|") {
            continue;
        }
        let mut t = tok.trim_end_matches(['.', ',', ';', ')', ']']);
        // A reference folded after its label's slash: "FOI" over "/2022-23-0864".
        if taken.is_empty() && t.len() > 1 {
            t = t.trim_start_matches(['/', '-']);
        }
        let shape = |t: &str| {
            t.chars().all(|c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | '_')
            })
        };
        // The law's name in any case before a separator: "FoI/16/01127", "Eir-2291".
        let law_cased = |t: &str| {
            PREFIXES.iter().any(|p| {
                t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                    && t[p.len()..].starts_with(['/', '-', '_'])
                    && shape(&t[p.len()..])
            })
        };
        let ok = |t: &str| !t.is_empty() && (shape(t) || law_cased(t));
        // A file name that opens with the reference: "202400337719_Annex".
        let mut cut = false;
        if !ok(t) && taken.is_empty() {
            if let Some(u) = t.find('_') {
                if ok(&t[..u]) {
                    t = &t[..u];
                    cut = true;
                }
            }
        }
        let has_digit = t.chars().any(|c| c.is_ascii_digit());
        let capitals = t.len() <= 8
            && (!taken.is_empty() || t.chars().any(|c| c.is_ascii_uppercase()))
            && t.chars().all(|c| c.is_ascii_uppercase() || c == '/');
        if !ok(t) || !(has_digit || capitals) || t == "-" || off >= date_at() {
            break;
        }
        taken.push(t);
        end = at + off + t.len();
        if cut || t.len() != tok.len() {
            break;
        }
    }
    while taken
        .last()
        .is_some_and(|t| !t.chars().any(|c| c.is_ascii_digit()))
    {
        let t = taken.pop().unwrap_or_default();
        end -= t.len();
        end = at + text[at..end].trim_end().len();
    }
    let r = taken.join(" ");
    plausible(&r).then_some((r, end))
}

/// A reference whose letters end a line and whose number opens the next: "quoting your
/// reference CRM FOI" over "8412".
fn wrapped_reference(text: &str, at: usize) -> Option<(String, usize)> {
    let line_end = text[at..].find('\n').map(|p| at + p)?;
    let words: Vec<&str> = text[at..line_end].split_whitespace().collect();
    let capitals = |w: &&str| {
        w.len() <= 8
            && w.bytes().any(|b| b.is_ascii_uppercase())
            && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
    };
    if words.is_empty() || words.len() > 3 || !words.iter().all(capitals) {
        return None;
    }
    let next = line_end + 1;
    let lead = text[next..].len() - text[next..].trim_start_matches([' ', '\t']).len();
    let (r, end) = reference_span(text, next + lead)?;
    if !r.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((format!("{} {r}", words.join(" ")), end))
}

fn reference_at(text: &str, at: usize) -> Option<String> {
    reference_span(text, at).map(|(r, _)| r)
}

/// Whether a run read as a reference can be one: three digits or more, and none of a date, a
/// year, a span of years, a phone number or a postcode.
fn plausible(r: &str) -> bool {
    let digits = r.chars().filter(|c| c.is_ascii_digit()).count();
    digits >= 3
        && r.len() <= 40
        && !is_year(without_prefix(r))
        && !is_year_span(without_prefix(r))
        && !is_phone(r)
        && !is_postcode(r)
        && find_dates(r, false).is_empty()
}

/// The reference without a law's name in front: "FOI 2000" -> "2000".
fn without_prefix(r: &str) -> &str {
    for p in PREFIXES {
        if let Some(rest) = r.strip_prefix(p) {
            if rest.starts_with([' ', '-', '_', '/', ':']) {
                return rest.trim_start_matches([' ', '-', '_', '/', ':']);
            }
        }
    }
    r
}

fn is_year(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// A financial or academic year, or a span of years: "2021/22", "2020-2021", "2019-2023".
pub(super) fn is_year_span(t: &str) -> bool {
    let b = t.as_bytes();
    if !(b.len() == 7 || b.len() == 9) || !matches!(b[4], b'-' | b'/') {
        return false;
    }
    let (Ok(first), Ok(second)) = (t[..4].parse::<u32>(), t[5..].parse::<u32>()) else {
        return false;
    };
    if !(1900..2100).contains(&first) {
        return false;
    }
    let second = if b.len() == 7 {
        first / 100 * 100 + second
    } else {
        second
    };
    second > first && second <= first + 20
}

/// A UK phone number: "0300 123 1113", "01234567890", "+44 20 7946 0000".
fn is_phone(r: &str) -> bool {
    let compact: String = r.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = compact.trim_start_matches('+');
    digits.bytes().all(|b| b.is_ascii_digit())
        && ((compact.starts_with('0') && (10..=11).contains(&digits.len()))
            || (compact.starts_with("+44") || compact.starts_with("44")) && digits.len() >= 11)
}

/// A UK postcode: "CF10 3NQ", "SW1P 3HZ".
fn is_postcode(r: &str) -> bool {
    let Some((out, inw)) = r.split_once(' ') else {
        return false;
    };
    let o = out.as_bytes();
    let i = inw.as_bytes();
    (2..=4).contains(&o.len())
        && o[0].is_ascii_uppercase()
        && o.iter().any(u8::is_ascii_digit)
        && o.iter().all(u8::is_ascii_alphanumeric)
        && i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_uppercase()
        && i[2].is_ascii_uppercase()
}

/// A range of numbers: "100-200", "12-15".
fn is_range(r: &str) -> bool {
    let Some((a, b)) = r.split_once('-') else {
        return false;
    };
    let num = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    num(a) && num(b) && a.len() == b.len() && a < b
}

/// Whether a reference standing without a label has a reference's shape: a scheme's name and a
/// number ("ATISN 19842"), capitals, a year and a number ("HFRS 2023 52"), a long number
/// ("202400441957"), or digit groups joined by '/', '-' or '_' with one group of three digits
/// or more ("10935-23", "1419/16", "352B/23", "01.FOI.23.031468").
fn strong(r: &str) -> bool {
    if !plausible(r) {
        return false;
    }
    let bare = without_prefix(r);
    if bare.len() < r.len() {
        return bare.chars().any(|c| c.is_ascii_digit());
    }
    let words: Vec<&str> = r.split(' ').collect();
    if let [caps, year, n] = words[..] {
        if (2..=8).contains(&caps.len())
            && caps.bytes().all(|b| b.is_ascii_uppercase())
            && is_year(year)
            && !n.is_empty()
            && n.len() <= 5
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            return true;
        }
    }
    if words.len() != 1 {
        return false;
    }
    let digits = r.bytes().filter(u8::is_ascii_digit).count();
    if r.bytes().all(|b| b.is_ascii_digit()) {
        return digits >= 9 && !r.starts_with('0');
    }
    // Underscores join a file name's parts ("5083_PIT_01"), not a reference's.
    if r.contains('_') {
        return false;
    }
    let groups: Vec<&str> = r.split(['/', '-', '.']).collect();
    let letters = r.bytes().any(|b| b.is_ascii_uppercase());
    let dots_only = !r.contains(['/', '-']);
    groups.len() >= 2
        && digits >= 4
        && !is_range(r)
        && (letters || groups.iter().any(|g| g.len() >= 3))
        && (!dots_only || letters || groups.len() >= 3)
}

/// Lines where a title or a letter's heading stands: the document's first twelve, each
/// authority message's lines before its salutation (twelve at most), subject lines, and short
/// lines that are a paragraph of their own (a heading, an attachment's name).
fn title_lines(doc: &Doc, thread: &Thread) -> BTreeSet<usize> {
    let mut lines: BTreeSet<usize> = (0..doc.line_count().min(12)).collect();
    let n = doc.line_count();
    for li in 0..n {
        let line = doc.line(li);
        if line.len() <= 120
            && line.bytes().any(|b| b.is_ascii_digit())
            && !line.trim().is_empty()
            && (li == 0 || doc.is_blank(li - 1))
            && (li + 1 == n || doc.is_blank(li + 1))
        {
            lines.insert(li);
        }
    }
    for m in thread.msgs.iter().filter(|m| !m.from_requester) {
        let first = doc.line_of(m.start);
        let last = m
            .salutation
            .map_or(first + 6, |s| doc.line_of(s))
            .min(first + 12)
            .min(doc.line_of(m.end.saturating_sub(1).max(m.start)));
        lines.extend(first..=last);
    }
    for m in SUBJECT_LINE.find_iter(doc.text) {
        lines.insert(doc.line_of(m.start() + m.as_str().len() - m.as_str().trim_start().len()));
    }
    lines
}

/// References after a label.
fn labelled(text: &str, thread: &Thread, out: &mut Vec<String>) {
    for c in REF_LABEL.captures_iter(text) {
        let (Some(all), Some(label)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if thread.in_furniture(label.start()) {
            continue;
        }
        // "Your ref:" and "Eich cyf:" heading a letter are the requester's own reference;
        // "quoting your reference" in a sentence is the authority's.
        let before = &text[text[..label.start()].rfind('\n').map_or(0, |p| p + 1)..label.start()];
        let before = before.trim().to_ascii_lowercase();
        let own = label.as_str().to_ascii_lowercase();
        if (before == "your" || before == "eich")
            && (own.starts_with("ref") || own.starts_with("cyf"))
        {
            continue;
        }
        let Some((r, end)) =
            reference_span(text, all.end()).or_else(|| wrapped_reference(text, all.end()))
        else {
            continue;
        };
        // Across a blank line the reference is the whole of its line: "Reference:" over "1147".
        let across_blank = c
            .get(2)
            .is_some_and(|g| g.as_str().matches('\n').count() > 1);
        if across_blank {
            let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p);
            if !text[end..line_end]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ']'))
                .is_empty()
            {
                continue;
            }
        }
        push(out, r);
    }
}

/// References in title lines: at a title's end ("Knives - 1419/16", "Dog Licences (1188A/24)"),
/// at its start before " - " or "_" ("HFRS 2023 52 - Vehicle idling", "202400337719_Annex A"),
/// or alone on the line ("10935-23").
fn in_title_line(text: &str, start: usize, end: usize, out: &mut Vec<String>) {
    let skip = LINE_LABEL.find(&text[start..end]).map_or(0, |m| m.end());
    // A subject line's reference named by its law is read with the others ("Re: FOI 2022-5083
    // - Parks" gives the number after the cue "FOI").
    let subject = text[start..start + skip].contains(':');
    let s = start + skip;
    let line = &text[s..end];
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // What each title pattern needs at the line's end, tested before it is run: a reference
    // character after a dash, or a closing bracket.
    let tail = line.trim_end_matches([' ', '\t']);
    let dash_end = tail.ends_with(|c: char| {
        c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, '/' | '_' | '.' | '-')
    }) && line.contains(['-', '\u{2013}', '\u{2014}']);
    let paren_end = tail.ends_with(')');
    for (pat, may) in [(&*TITLE_END_DASH, dash_end), (&*TITLE_END_PAREN, paren_end)] {
        let Some(g) = may
            .then(|| pat.captures(line))
            .flatten()
            .and_then(|c| c.get(1))
        else {
            continue;
        };
        if let Some((r, _)) = reference_span(text, s + g.start()) {
            if strong(&r) && !r.contains(' ') {
                push(out, r);
            }
        }
    }
    if let Some((r, e)) = reference_span(text, s) {
        let after = &text[e..end];
        let titled = {
            let a = after.trim_start_matches([' ', '\t']);
            let a = a
                .strip_prefix(['-', '\u{2013}', '\u{2014}', ':'])
                .map(|a| a.strip_prefix([' ', '\t']).unwrap_or("\u{0}"))
                .or_else(|| after.strip_prefix('_'))
                .unwrap_or("");
            a.starts_with(|c: char| c.is_ascii_uppercase())
        };
        let alone = after.trim().is_empty();
        // A scheme's reference needs no dash before the title: "FOI_24-871 Academic misconduct".
        let titled = titled
            || (without_prefix(&r).len() < r.len()
                && after.starts_with([' ', '\t'])
                && after
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_uppercase()));
        if (titled || alone) && strong(&r) && !(subject && without_prefix(&r).len() < r.len()) {
            push(out, r);
        }
    }
}

/// Reference numbers: after a label, in a title, named by their scheme, tokens that look like
/// one (letters and at least three digits: `ABC2020/0417`, `XY/2021/0456`), or numbers after
/// a reference cue (`Request 000733/23`).
pub(super) fn references(doc: &Doc, thread: &Thread) -> Vec<String> {
    let text = doc.text;
    let mut out: Vec<String> = Vec::new();
    labelled(text, thread, &mut out);
    for li in title_lines(doc, thread) {
        let (s, e) = doc.line_range(li);
        if !thread.in_furniture(s) {
            in_title_line(text, s, e, &mut out);
        }
    }
    for m in REF_TOKEN.find_iter(text) {
        let tok = m.as_str();
        let (s, e) = (m.start(), m.end());
        if thread.in_furniture(s) {
            continue;
        }
        let digits = tok.chars().filter(|c| c.is_ascii_digit()).count();
        let letters = tok.chars().take_while(|c| c.is_ascii_uppercase()).count();
        // Most numbers cannot be references whatever precedes them: skip them before the
        // costlier checks.
        if digits < 3 || (letters == 0 && digits < 5 && !tok.contains(['/', '-'])) {
            continue;
        }
        // Not inside a link, an address or a [placeholder].
        let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
        let before_line = &text[line_start..s];
        let word_before = before_line.rsplit(char::is_whitespace).next().unwrap_or("");
        if word_before.contains("http")
            || word_before.contains("www")
            || word_before.contains('@')
            || word_before.ends_with('/')
            || word_before.ends_with('.')
        {
            continue;
        }
        let open = before_line.matches('[').count() > before_line.matches(']').count();
        if open
            || text[e..].starts_with(['@', '%'])
            || text[e..].starts_with(".gov")
            || text[e..].starts_with(".uk")
        {
            continue;
        }
        if find_dates(tok, false)
            .iter()
            .any(|d| d.end - d.start == tok.len())
        {
            continue;
        }
        let window = &text[crate::text::floor_char(text, s.saturating_sub(40))..s];
        if requesters_label(window) {
            continue;
        }
        let cued = REF_CUE.is_match(window);
        let shaped = letters >= 1 && digits >= 3 && tok.len() >= 5 && !tok.contains('.');
        let numeric = letters == 0 && digits >= 4 && tok.contains(['/', '-']) && !is_year_span(tok);
        let long_number = letters == 0 && digits >= 5 && !tok.contains('.');
        let ok = (shaped && (cued || tok.contains(['/', '-']) || letters >= 2 && digits >= 4))
            || (cued && (numeric || long_number));
        if ok && !looks_like_phone(text, s, e) && !out.iter().any(|r| r.contains(tok)) {
            push(&mut out, tok.to_string());
        }
        if out.len() >= MAX {
            break;
        }
    }
    for m in PREFIXED.find_iter(text) {
        let s = m.start();
        if thread.in_furniture(s)
            || text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '_' | '.'))
        {
            continue;
        }
        if let Some(r) = reference_at(text, s) {
            // "FOI 31/5527" when "31/5527" was read: the same reference.
            let bare = key(without_prefix(&r));
            if strong(&r) && !out.iter().any(|o| key(o).ends_with(&bare)) {
                push(&mut out, r);
            }
        }
    }
    // One reference written twice ("FOI /1384526", "FOI 1384526") is reported once, and one
    // read without its head elsewhere is that one ("FOI-3352" after "BRDC-FOI-4127").
    let keys: Vec<String> = out.iter().map(|r| key(r)).collect();
    let keep: Vec<bool> = (0..keys.len())
        .map(|i| {
            !keys.iter().enumerate().any(|(j, o)| {
                (o.len() > keys[i].len() && o.ends_with(keys[i].as_str()))
                    || (j < i && *o == keys[i])
            })
        })
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// A reference's letters and digits: "FOI / 1234" and "FOI1234" are one.
fn key(r: &str) -> String {
    r.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Whether text ends with the requester's own reference label: "Your ref:", "Eich cyf".
fn requesters_label(before: &str) -> bool {
    let b = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '#' | '-'))
        .to_ascii_lowercase();
    ["your ref", "your reference", "eich cyf", "eich cyfeirnod"]
        .iter()
        .any(|l| b.ends_with(l))
}

fn push(out: &mut Vec<String>, r: String) {
    if !out.contains(&r) && out.len() < MAX {
        out.push(r);
    }
}

fn looks_like_phone(text: &str, s: usize, e: usize) -> bool {
    let tok = &text[s..e];
    tok.starts_with('0') && tok.chars().all(|c| c.is_ascii_digit()) && {
        let after = &text[e..crate::text::floor_char(text, (e + 12).min(text.len()))];
        after.trim_start().starts_with(|c: char| c.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let thread = crate::messages::split(&doc);
        references(&doc, &thread)
    }

    const BODY: &str = "\n\nDear Ms Jones,\n\nThank you for your request. The answers are below.\n\nYours sincerely\n\nFOI Team\n";

    fn with_body(head: &str) -> Vec<String> {
        refs(&format!("{head}{BODY}"))
    }

    #[test]
    fn labels_and_chains_of_labels() {
        let cases = [
            (
                "Freedom of information request reference no: 01.FOI.25.041277",
                "01.FOI.25.041277",
            ),
            // The law's name in mixed case before the number.
            ("Our ref: FoI/16/01127", "FoI/16/01127"),
            (
                "Freedom of Information request ref: AUH/FOI/22/0914",
                "AUH/FOI/22/0914",
            ),
            (
                "Freedom of Information Request – Ref: HVUHB-FOI-24-1563",
                "HVUHB-FOI-24-1563",
            ),
            ("Our ref / Ein cyf: 2022-0417F", "2022-0417F"),
            ("Ein cyf/Our ref ATISN 10836", "ATISN 10836"),
            ("Cyfeirnod / Reference: 3321/22", "3321/22"),
            ("Request for Information – ATISN 19207", "ATISN 19207"),
            (
                "Request for Information: ATISN 18214 – Landfill sites",
                "ATISN 18214",
            ),
            (
                "Your request for information – FOI/KD/2025/0394",
                "FOI/KD/2025/0394",
            ),
            ("Case Number: EIR-24-1342", "EIR-24-1342"),
            ("Request ID: FOI-0917-2122", "FOI-0917-2122"),
            ("FOISA Disclosure Log 2368 (PDF | 61KB)", "2368"),
            ("Our ref: / LKW/0622318", "LKW/0622318"),
            (
                "Freedom of\nInformation request 2012.4165 was answered",
                "2012.4165",
            ),
        ];
        for (head, want) in cases {
            assert_eq!(with_body(head), [want], "{head:?}");
        }
    }

    #[test]
    fn reference_under_its_label_across_a_blank_line() {
        let r = refs("Badger setts\n\nReference: \n\n913\n\nRequest detail: \n\nHow many?\n");
        assert_eq!(r, ["913"]);
        let r = refs("KFRS Disclosure log 2020/2021\n\nKFRS Ref:\n\n46 20/21\n\nInformation Request:\n\nPlease tell me.\n");
        assert_eq!(r, ["46 20/21"]);
        // Under a blank line only a line that is the reference alone is one.
        let r = refs("Reference:\n\n123 people were asked.\n");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_reference_wrapped_after_its_letters() {
        let r = refs("Dear Sir\n\nIf you have any questions, contact us quoting your reference CRM FOI\n7351\n\nYours faithfully\n");
        assert_eq!(r, ["CRM FOI 7351"]);
        // Not across a line whose words are not a reference's.
        let r = refs("Dear Sir\n\nOur ref: see below\n7351 people\n");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_date_after_the_reference_ends_it() {
        assert_eq!(
            with_body("Our Reference: 109526 29 January 2016"),
            ["109526"]
        );
        assert_eq!(with_body("Our Reference: 87340 5 June 2024"), ["87340"]);
    }

    #[test]
    fn the_requesters_own_reference_is_not_read() {
        assert!(with_body("Your ref: ABC/123/45").is_empty());
        assert!(with_body("Eich cyf: ABC/123/45").is_empty());
    }

    #[test]
    fn titles_that_end_or_open_with_their_reference() {
        let cases = [
            ("Drone Flight Logs (352B/23)", "352B/23"),
            ("Street Trading Permits (1266A/24)", "1266A/24"),
            ("Knives - 1419/16", "1419/16"),
            ("FOI_24-871 Library fines and overdue loans", "FOI_24-871"),
            ("FOI 25-014 Flood Sirens", "FOI 25-014"),
            ("HFRS 2023 52 - Vehicle idling", "HFRS 2023 52"),
            ("ATISN 20418 – Counting the visits", "ATISN 20418"),
            (
                "Freedom of Information Act 2000 – Response to request BRDC-FOI-4127",
                "BRDC-FOI-4127",
            ),
            (
                "Subject: Fresh response - FOI 5083 - Mill Lane Depot",
                "FOI 5083",
            ),
        ];
        for (head, want) in cases {
            assert_eq!(with_body(head), [want], "{head:?}");
        }
    }

    #[test]
    fn a_reference_line_in_a_letters_head_or_an_attachment_name() {
        let r = refs("Rhodri Ellis, Penhallow County Borough Council\n\n10935-23\n\nDear Sir/Madam\n\nPlease find our response below.\n");
        assert_eq!(r, ["10935-23"]);
        let text = format!(
            "{}\nAbout FOI\n\nAll responses are published.\n\n202400337719_Annex A - Information for release\n\nContact\n",
            BODY.repeat(3)
        );
        assert_eq!(refs(&text), ["202400337719"]);
        let text = format!(
            "{}\n\n202400355204 - Information for release\n",
            BODY.repeat(3)
        );
        assert_eq!(refs(&text), ["202400355204"]);
    }

    #[test]
    fn one_reference_is_reported_once() {
        let r = with_body("Subject: FOI /1384526\n\nOur ref: FOI 1384526");
        assert_eq!(r.len(), 1, "{r:?}");
        let r = with_body("Subject: FOI 31/5527 - Library opening hours\n\nRef: 31/5527");
        assert_eq!(r, ["31/5527"]);
    }

    #[test]
    fn what_is_never_a_reference() {
        let heads = [
            // Phone numbers.
            "Call us\n\n0300 123 1113\n\nor 029 2087 2087",
            "Our ref:\n\n01234 567890",
            // Dates.
            "Reference: 12/03/2024",
            "Annual return - 01/04/2023",
            // Section citations.
            "Refused under section 40(2) (personal data) and FOI 43(2)",
            "EIR 12(4)(b) applies (regulation 13(1))",
            // Postcodes.
            "Cathays Park\n\nCF10 3NQ",
            // Money and decimals.
            "Total cost (£12,500)\n\n12.50",
            // Years, financial years and acts.
            "Disclosure Log 2023",
            "Annual report (2023)",
            "Report - 2021/22",
            "Disclosure log 2020/2021",
            "Under the FOIA 2000 and the EIR 2004 (FOISA 2002)",
            // Page numbers and ranges.
            "Page 12 of 130\n\n12\n\nStaff numbers (100-200)",
            // File names.
            "Attachments\n\n5083_PIT_01",
        ];
        for head in heads {
            let r = with_body(head);
            assert!(r.is_empty(), "{head:?} -> {r:?}");
        }
    }

    #[test]
    fn shapes() {
        assert!(is_year_span("2021/22") && is_year_span("2020-2021") && is_year_span("2019-23"));
        assert!(!is_year_span("1419/16") && !is_year_span("2024-1563") && !is_year_span("2022-21"));
        assert!(
            is_phone("0300 123 1113") && is_phone("01234567890") && is_phone("+44 20 7946 0000")
        );
        assert!(!is_phone("202400337719") && !is_phone("109526"));
        assert!(is_postcode("CF10 3NQ") && is_postcode("SW1P 3HZ") && is_postcode("M1 1AE"));
        assert!(!is_postcode("FOI 123") && !is_postcode("ATISN 19207"));
        assert!(is_range("100-200") && !is_range("8172-17"));
        for r in [
            "ATISN 19842",
            "HFRS 2023 52",
            "202400355204",
            "10935-23",
            "352B/23",
            "01.FOI.23.031468",
        ] {
            assert!(strong(r), "{r}");
        }
        for r in [
            "NHS 111",
            "COVID 2020",
            "2019/20",
            "12.50",
            "100-200",
            "10/12",
            "5083_PIT_01",
            "FOI 2000",
            "1147",
        ] {
            assert!(!strong(r), "{r}");
        }
    }
}
