//! Stage 6b: the provisions an answer cites to withhold or refer information.
//!
//! Only provisions that withhold or point elsewhere count. Procedural ones — FOIA s1(1) (the
//! duty), s8 (a valid request), s10 (time), s16 (advice), s17 (the refusal notice) — are not
//! exemptions, and neither is a section of another Act ("section 19 of the Local Government
//! Act"). Regulations are the Environmental Information Regulations' exceptions.

use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::model::{Exemption, Law};
use crate::pattern::re;

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(sections?|secs?\.?|ss?\.?|regulations?|regs?\.?|exceptions?|exemptions?)\s?((?:\d{1,2}\b(?:\s?\(\s?\d{1,2}\s?\))*(?:\s?\(\s?[a-z]{1,4}\s?\))*)(?:\s*(?:,|and|&|or|/)\s*(?:(?:sections?|s\.?|regulations?|reg\.?)\s?)?\d{1,2}\b(?:\s?\(\s?\d{1,2}\s?\))*(?:\s?\(\s?[a-z]{1,4}\s?\))*)*)",
    )
});
static ONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(\d{1,2})\b((?:\s?\(\s?\d{1,2}\s?\))*(?:\s?\(\s?[a-z]{1,4}\s?\))*)"));
static OTHER_ACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:\([^)]*\)\s*)*(?:of|under)\s+(?:the\s+)?([A-Z][A-Za-z&()' ]{2,80}?)\s+(?:Act|Regulations|Order|Rules)\b",
    )
});
static COST_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:appropriate limit|cost limit|exceed(?:s|ed)? the (?:appropriate |cost |upper |prescribed )?limit|cost of compliance|would exceed (?:the )?(?:£|18|24)|fees regulations)",
    )
});
static EIR_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\benvironmental\s+information\b|\bEIRs?\b|\bEI\(S\)R\b|\bexception\b")
});
/// An exception of the EIR by its shape: 12(4)(a)–(e), 12(5)(a)–(g), 13, and Scotland's 10(4)
/// and 10(5).
static EIR_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:12\s?\(\s?[45]\s?\)|10\s?\(\s?[45]\s?\)\s?\(\s?[a-g]\s?\)|13\b)"));
/// A bare exception number without a word before it: "12(4)(d) applies".
static BARE_EIR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[\s(])((?:12|10)\s?\(\s?[45]\s?\)\s?\(\s?[a-g]\s?\))"));
static NEGATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bnot|n't|\bno\s+longer|\bnor)\s+(?:[a-z]+\s+){0,3}?(?:exceed|go(?:ing)?\s+over|go\s+beyond|apply|applied|engage|engaged|rely|relying|reach|breach|met|meet)\w*\s+(?:the\s+|any\s+|that\s+)?(?:[a-z]+\s+){0,2}$",
    )
});
static NEGATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[^.;]{0,40}?\b(?:(?:does|do|did|would|will|is|are|was|were|has|have)\s*(?:not|n't)\s+(?:be\s+)?(?:apply|applied|engaged?|relevant|exceeded|met|reached)|not\s+(?:engaged|applicable|relevant))",
    )
});

/// Whether the citation at `start` is mentioned only to say it does not apply.
fn negated(answer: &str, start: usize, after: &str) -> bool {
    let from = crate::text::floor_char(answer, start.saturating_sub(80));
    let before = &answer[from..start];
    let before = before.rsplit(['.', ';', '\n']).next().unwrap_or(before);
    NEGATION_BEFORE.is_match(before) || NEGATION_AFTER.is_match(after)
}

/// Whether `after` opens as [`OTHER_ACT`] needs, with "of", "under" or a bracket after white
/// space: a test of a few bytes that spares most citations the pattern.
fn may_name_other_act(after: &str) -> bool {
    let t = after
        .trim_start_matches([' ', '\t', '\n', '\r', '\x0B', '\x0C'])
        .as_bytes();
    t.first() == Some(&b'(')
        || t.get(..2).is_some_and(|w| w.eq_ignore_ascii_case(b"of"))
        || t.get(..5).is_some_and(|w| w.eq_ignore_ascii_case(b"under"))
}

static VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bvexatious\b"));

/// The exemptions an answer cites, in the law the thread is under.
/// Whether `after` opens with a postcode's inward code: a space, a digit, two capitals, then
/// the end of the word ("S36 1FY").
fn postcode_inward(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 4
        && b[0] == b' '
        && b[1].is_ascii_digit()
        && b[2].is_ascii_uppercase()
        && b[3].is_ascii_uppercase()
        && b.get(4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

pub fn cited(answer: &str, law: Law) -> Vec<Exemption> {
    let mut out: Vec<Exemption> = Vec::new();
    // A numbered provision has a digit (`\d` is ASCII here): an answer without one skips the
    // two costliest passes, which scan the whole answer.
    let digits = answer.bytes().any(|b| b.is_ascii_digit());
    for c in CITATION.captures_iter(if digits { answer } else { "" }) {
        let word = c[1].to_ascii_lowercase();
        let whole = c.get(0).expect("match");
        let after = &answer[whole.end()..];
        // "would not go over the Section 12 limit", "section 40 does not apply": no citation.
        if negated(answer, whole.start(), after) {
            continue;
        }
        // "Car Park S36 1FY": a postcode's outward code, not "s36", when its inward code (a
        // digit and two capitals) follows.
        if word.len() == 1 && postcode_inward(after) {
            continue;
        }
        let eir_here = matches!(law, Law::EIR | Law::EIRS)
            || EIR_NAMED.is_match(
                &answer[crate::text::floor_char(answer, whole.start().saturating_sub(120))
                    ..whole.start()],
            )
            || EIR_NAMED.is_match(after.get(..80).unwrap_or(after));
        // "Section 12(5)(d)" of the EIR, and any "exception", are regulations.
        let is_reg = word.starts_with("reg")
            || (word.starts_with("exception") && eir_here)
            || (eir_here && EIR_SHAPE.is_match(&c[2]));
        if word.starts_with("exempt")
            && !c[2].trim().is_empty()
            && !after.trim_start().starts_with("of")
        {
            // "exemption 43(2)" is rare but "exemptions 40 and 43" occurs
        }
        // A section of another Act is not an FOI exemption.
        if let Some(act) = may_name_other_act(after)
            .then(|| OTHER_ACT.captures(after))
            .flatten()
        {
            let name = act[1].to_ascii_lowercase();
            let this_act = matches!(name.trim(), "the" | "this" | "that" | "said");
            // "of the FOI Act", "of the FOIA", "of the FOI (Scotland) Act": the law itself.
            let foi_act = name
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .is_some_and(|w| matches!(w, "foi" | "foia" | "foisa" | "eir" | "eirs"));
            if !(this_act
                || foi_act
                || name.contains("freedom of information")
                || name.contains("environmental information"))
            {
                continue;
            }
        }
        let in_scotland = matches!(law, Law::FOISA | Law::EIRS)
            || after.get(..80).unwrap_or(after).contains("(Scotland)");
        let law_here = match (is_reg, in_scotland) {
            (true, true) => Law::EIRS,
            (true, false) => Law::EIR,
            (false, true) => Law::FOISA,
            (false, false) if word.starts_with("exception") => continue,
            (false, false) => Law::FOIA,
        };
        for one in ONE.captures_iter(&c[2]) {
            let number: u32 = one[1].parse().unwrap_or(0);
            let subs: String = one[2]
                .chars()
                .filter(|ch| !ch.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if !withholds(law_here, number, &subs) {
                continue;
            }
            let e = Exemption {
                law: law_here,
                section: format!("{number}{subs}"),
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    // A bare exception number: "12(4)(d) applies".
    // (A bare exception number has its brackets: "12(4)(d)".)
    let brackets = digits && answer.contains('(');
    for c in BARE_EIR.captures_iter(if brackets { answer } else { "" }) {
        let g = c.get(1).expect("group");
        if negated(answer, g.start(), &answer[g.end()..]) {
            continue;
        }
        let section: String = g
            .as_str()
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect();
        let law_here = if matches!(law, Law::FOISA | Law::EIRS) || section.starts_with("10") {
            Law::EIRS
        } else {
            Law::EIR
        };
        let e = Exemption {
            law: law_here,
            section,
        };
        if !out.iter().any(|x| x.section == e.section) {
            out.push(e);
        }
    }
    // Each of the two passes below is run only when the answer has its words, read from one
    // ASCII-lowercased copy (`(?i)` also lets `s` and `k` match non-ASCII letters, so the words
    // tested have neither).
    let lower = answer.to_ascii_lowercase();
    let may_cost_limit = ["limit", "exceed", "of complian", "regulation"]
        .iter()
        .any(|w| lower.contains(w));
    // A cost-limit refusal that does not name its section.
    let cost_limit = may_cost_limit
        && COST_LIMIT.find_iter(answer).any(|m| {
            let from = crate::text::floor_char(answer, m.start().saturating_sub(60));
            let before = answer[from..m.end()].to_ascii_lowercase();
            !(before.contains("not exceed")
                || before.contains("n't exceed")
                || before.contains("not go over")
                || before.contains("within the"))
        });
    if cost_limit && !out.iter().any(|e| e.section.starts_with("12")) {
        let e = match law {
            Law::EIR => Exemption {
                law: Law::EIR,
                section: "12(4)(b)".into(),
            },
            Law::EIRS => Exemption {
                law: Law::EIRS,
                section: "10(4)(b)".into(),
            },
            Law::FOISA => Exemption {
                law: Law::FOISA,
                section: "12".into(),
            },
            Law::FOIA => Exemption {
                law: Law::FOIA,
                section: "12".into(),
            },
        };
        out.push(e);
    }
    if lower.contains("vexatiou")
        && VEXATIOUS.is_match(answer)
        && !out.iter().any(|e| e.section.starts_with("14"))
        && matches!(law, Law::FOIA | Law::FOISA)
    {
        out.push(Exemption {
            law,
            section: "14".into(),
        });
    }
    out
}

/// Whether a provision withholds information or refers to it elsewhere (as opposed to a
/// procedural provision).
pub fn withholds(law: Law, n: u32, subs: &str) -> bool {
    // Section 39 (environmental information) moves a request to the EIR: the reply goes on
    // under the regulations, and withholds nothing by it.
    if n == 39 && matches!(law, Law::FOIA | Law::FOISA) {
        return false;
    }
    match law {
        // s12 cost limit, s14 vexatious/repeated, ss21–44 the exemptions.
        Law::FOIA => n == 12 || n == 14 || (21..=44).contains(&n),
        // FOISA: s12 cost, s14 vexatious, ss25–41 exemptions.
        Law::FOISA => n == 12 || n == 14 || (25..=41).contains(&n),
        // EIR: reg 6(1)(b) publicly available elsewhere, reg 12 exceptions, reg 13 personal data.
        Law::EIR => (n == 6 && (subs.is_empty() || subs.starts_with("(1)"))) || n == 12 || n == 13,
        // EIRS: reg 6(1)(b), reg 10 exceptions, reg 11 personal data.
        Law::EIRS => (n == 6 && (subs.is_empty() || subs.starts_with("(1)"))) || n == 10 || n == 11,
    }
}

/// Whether a provision says the information is not held: the EIR's exception 12(4)(a) and
/// the Scottish EIR's 10(4)(a) are cited as the "not held" answer, not to withhold.
pub fn means_not_held(e: &Exemption) -> bool {
    let s: String = e.section.chars().filter(|c| !c.is_whitespace()).collect();
    match e.law {
        Law::EIR => s.starts_with("12(4)(a)"),
        Law::EIRS => s.starts_with("10(4)(a)"),
        _ => false,
    }
}

/// The number of a cited provision, without its subsections: `12(2)` is 12 (0 when none).
pub fn section_number(e: &Exemption) -> u32 {
    let digits = e.section.bytes().take_while(u8::is_ascii_digit).count();
    e.section[..digits].parse().unwrap_or(0)
}

/// Whether a provision only points elsewhere (information reasonably accessible by other
/// means), so the answer is a referral, not a refusal.
pub fn refers_elsewhere(e: &Exemption) -> bool {
    let n = section_number(e);
    match e.law {
        Law::FOIA => n == 21,
        Law::FOISA => n == 25,
        Law::EIR | Law::EIRS => n == 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str, law: Law) -> Vec<String> {
        cited(s, law)
            .into_iter()
            .map(|e| format!("{:?} {}", e.law, e.section))
            .collect()
    }

    #[test]
    fn a_postcode_is_no_section() {
        assert!(secs("Edward Street Car Park S36 1FY - 2", Law::FOIA).is_empty());
        assert_eq!(secs("exempt under s36 of the Act", Law::FOIA), ["FOIA 36"]);
    }

    #[test]
    fn the_law_by_its_short_name_is_no_other_act() {
        assert_eq!(
            secs(
                "The name is exempt under Section 40(2) of the FOI Act.",
                Law::FOIA
            ),
            ["FOIA 40(2)"]
        );
        assert_eq!(
            secs("Section 40(2) of the FOIA applies.", Law::FOIA),
            ["FOIA 40(2)"]
        );
        assert!(secs("Section 3 of the Data Protection Act 2018", Law::FOIA).is_empty());
    }

    #[test]
    fn table() {
        let cases: &[(&str, Law, &[&str])] = &[
            ("exempt under Section 43(2) of the Freedom of Information Act", Law::FOIA, &["FOIA 43(2)"]),
            ("by virtue of Section 24(2) National Security and Section 31(3) Law Enforcement", Law::FOIA, &["FOIA 24(2)", "FOIA 31(3)"]),
            ("the duty in Section 1(1)(a) does not apply, by virtue of Section 23(5) and Section 24(2)", Law::FOIA, &["FOIA 23(5)", "FOIA 24(2)"]),
            ("in accordance with Section 17 of the Act, this email acts as a refusal notice", Law::FOIA, &[]),
            ("Section 8(1) of the Freedom of Information Act 2000 sets out", Law::FOIA, &[]),
            ("exceed the appropriate limit given in Section 12 of the Act (£450)", Law::FOIA, &["FOIA 12"]),
            ("sections 40(2) and 43(2) apply", Law::FOIA, &["FOIA 40(2)", "FOIA 43(2)"]),
            ("withheld under s.40(2)", Law::FOIA, &["FOIA 40(2)"]),
            ("withheld under s40", Law::FOIA, &["FOIA 40"]),
            ("manifestly unreasonable under regulation 12(4)(b)", Law::EIR, &["EIR 12(4)(b)"]),
            ("excepted under regulation 6(1)(b)", Law::EIR, &["EIR 6(1)(b)"]),
            ("under section 19 of the Local Government Act 1972", Law::FOIA, &[]),
            ("section 30(1) of the Freedom of Information (Scotland) Act 2002", Law::FOISA, &["FOISA 30(1)"]),
            ("the cost of compliance would exceed the appropriate limit", Law::FOIA, &["FOIA 12"]),
            ("we consider the request vexatious", Law::FOIA, &["FOIA 14"]),
            ("there are 12 sections in the report", Law::FOIA, &[]),
            ("by virtue of Section 31(3) of the Act. The name is withheld under Section 43(2).", Law::FOIA, &["FOIA 31(3)", "FOIA 43(2)"]),
        ];
        for (text, law, want) in cases {
            assert_eq!(secs(text, *law), *want, "{text}");
        }
    }
}
