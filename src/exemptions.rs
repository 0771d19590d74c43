//! Stage 6b: the provisions an answer cites to withhold or refer information.
//!
//! Only provisions that withhold or point elsewhere count. Procedural ones — FOIA s1(1) (the
//! duty), s8 (a valid request), s10 (time), s16 (advice), s17 (the refusal notice) — are not
//! exemptions, and neither is a section of another Act ("section 19 of the Local Government
//! Act"). Regulations are the Environmental Information Regulations' exceptions.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Exemption, Law};
use crate::text::re;

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
static VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bvexatious\b"));

/// The exemptions an answer cites, in the law the thread is under.
pub fn cited(answer: &str, law: Law) -> Vec<Exemption> {
    let mut out: Vec<Exemption> = Vec::new();
    for c in CITATION.captures_iter(answer) {
        let word = c[1].to_ascii_lowercase();
        let whole = c.get(0).expect("match");
        let after = &answer[whole.end()..];
        let is_reg = word.starts_with("reg")
            || (word.starts_with("exception") && matches!(law, Law::EIR | Law::EIRS));
        if word.starts_with("exempt")
            && !c[2].trim().is_empty()
            && !after.trim_start().starts_with("of")
        {
            // "exemption 43(2)" is rare but "exemptions 40 and 43" occurs
        }
        // A section of another Act is not an FOI exemption.
        if let Some(act) = OTHER_ACT.captures(after) {
            let name = act[1].to_ascii_lowercase();
            let this_act = matches!(name.trim(), "the" | "this" | "that" | "said");
            if !(this_act
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
    // A cost-limit refusal that does not name its section.
    if COST_LIMIT.is_match(answer) && !out.iter().any(|e| e.section.starts_with("12")) {
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
    if VEXATIOUS.is_match(answer)
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

/// Whether a provision only points elsewhere (information reasonably accessible by other
/// means), so the answer is a referral, not a refusal.
pub fn refers_elsewhere(e: &Exemption) -> bool {
    let n: u32 = e
        .section
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .unwrap_or(0);
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
