//! Typed values of real and synthetic corpus answers (/work/shared/corpus), one case per gold
//! question that lists `values`: the question and answer texts are copied from the corpus file
//! (line wraps kept), the expectations from `gold/*.json`. A case passes when every expected
//! value has a value of the same kind and value (numbers within 0.5 %, as the scorer counts),
//! and the same qualifier when the gold gives one.
//!
//! A second table checks answers whose figures are not values (cost limits, page numbers,
//! phone numbers, years): nothing of the listed kinds may be read from them.

use foi_analyser::values::extract;
use foi_analyser::{Qualifier, Scalar, Value, ValueKind};

use Qualifier::*;
use ValueKind::*;

enum Want {
    Num(ValueKind, f64, Option<Qualifier>),
    Text(ValueKind, &'static str),
    Bool(bool),
}
use Want::*;

fn matches(v: &Value, w: &Want) -> bool {
    match (w, &v.value) {
        (Num(k, n, q), Scalar::Number(x)) => {
            v.kind == *k
                && (x - n).abs() <= 0.005 * n.abs().max(1e-9)
                && (q.is_none() || v.qualifier == *q)
        }
        (Text(k, t), Scalar::Text(x)) => {
            v.kind == *k && x.to_lowercase().contains(&t.to_lowercase())
        }
        (Bool(b), Scalar::Bool(x)) => v.kind == Boolean && x == b,
        _ => false,
    }
}

struct Case {
    /// Which corpus file and question.
    id: &'static str,
    question: &'static str,
    answer: &'static str,
    want: Vec<Want>,
}

fn cases() -> Vec<Case> {
    vec![
        // synthetic/district-council-table.txt
        Case {
            id: "district 1",
            question: "How many public toilets does the Council maintain?",
            answer: "23",
            want: vec![Num(Count, 23.0, None)],
        },
        Case {
            id: "district 2",
            question: "How many of these are open 24 hours a day?",
            answer: "None",
            want: vec![Num(Count, 0.0, None)],
        },
        Case {
            id: "district 3",
            question: "What was the Council's budget for public toilets in 2021-22?",
            answer: "£318,450",
            want: vec![Num(Money, 318_450.0, None)],
        },
        Case {
            id: "district 4",
            question: "What percentage of the toilets are accessible to wheelchair users?",
            answer: "approximately 70%",
            want: vec![Num(Percent, 70.0, Some(Approx))],
        },
        Case {
            id: "district 5",
            question: "When was the most recent refurbishment completed, and what did it cost?",
            answer: "October 2021 - £96k",
            want: vec![Num(Money, 96_000.0, None), Text(Date, "2021-10")],
        },
        Case {
            id: "district 6",
            question: "Has the Council considered closing any public toilets in the last five years?",
            answer: "Yes, two sites were consulted on in 2019 but both remain open.",
            want: vec![Bool(true)],
        },
        // synthetic/eir-planning-reply.txt
        Case {
            id: "eir 2",
            question: "The number of objections received to planning application 19/01234/FUL.",
            answer: "412 objections were received.",
            want: vec![Num(Count, 412.0, None)],
        },
        // synthetic/nhs-trust-disclosure-log.txt
        Case {
            id: "nhs 1",
            question: "How many agency nurses did the Trust engage in the financial year 2021/22?",
            answer: "The Trust engaged 1,274 agency nurses during 2021/22.",
            want: vec![Num(Count, 1274.0, None)],
        },
        Case {
            id: "nhs 2",
            question: "What was the total expenditure on agency nursing staff in 2021/22?",
            answer: "£14.2 million.",
            want: vec![Num(Money, 14_200_000.0, None)],
        },
        Case {
            id: "nhs 5",
            question: "Does the Trust have a policy on capping agency rates? If so, please provide a copy.",
            answer: "Yes. The Trust follows the NHS England agency rules, which are published at https://www.example.nhs.uk/agency-rules. As this information is reasonably accessible to you by other means, it is exempt under Section 21.",
            want: vec![Bool(true)],
        },
        // seeds/oxford-crm.txt
        Case {
            id: "oxford Q4",
            question: "How many information systems / databases does the Authority use?",
            answer: "Our contract register has 115 software (systems/databases) recorded.",
            want: vec![Num(Count, 115.0, None)],
        },
        Case {
            id: "oxford Q4b",
            question: "How many of those interact with at least one other system (e.g. using API calls)?",
            answer: "Not possible to determine directly. We have circa 20 core business systems with APIs, but the definition of data exchanges means most integrate with at least one other system (internet forms).",
            want: vec![Num(Count, 20.0, Some(Approx))],
        },
        Case {
            id: "oxford Q6a",
            question: "Does the Authority have an online portal for Residents?",
            answer: "No, assuming the inference is a single view of the customer portal.",
            want: vec![Bool(false)],
        },
        Case {
            id: "oxford Q9",
            question: "What was the Authority’s annual spend for 2017-18 for software licensing?",
            answer: "We don’t break down software costs to licensing only. The ICT budget for applications was circa £1.8m",
            want: vec![Num(Money, 1_800_000.0, Some(Approx))],
        },
        Case {
            id: "oxford Q11",
            question: "Does the Authority use a Customer Relationship Management (CRM) System?",
            answer: "Yes",
            want: vec![Bool(true)],
        },
        // synthetic/police-ncnd-subparts.txt
        Case {
            id: "police Q1a",
            question: "How many drones does the force own?",
            answer: "The force owns 14 drones.",
            want: vec![Num(Count, 14.0, None)],
        },
        Case {
            id: "police Q1b",
            question: "What was the total purchase cost?",
            answer: "The total purchase cost was £212,000 (excluding VAT).",
            want: vec![Num(Money, 212_000.0, None)],
        },
        Case {
            id: "police Q2",
            question: "How many times were drones deployed in 2023?",
            answer: "Drones were deployed on 1,932 occasions in 2023.",
            want: vec![Num(Count, 1932.0, None)],
        },
        // seeds/portsmouth-crm.txt
        Case {
            id: "portsmouth Q2",
            question: "How large is the Authority in terms of population?",
            answer: "As of the 2011\nCensus: 205,400",
            want: vec![Num(Count, 205_400.0, None)],
        },
        Case {
            id: "portsmouth Q3",
            question: "How large is the Authority in terms of geographical boundaries?",
            answer: "15.54\nsq mi (40.25 km2)",
            want: vec![Num(Area, 40.25, None)],
        },
        Case {
            id: "portsmouth Q6a",
            question: "Does the Authority have an online portal for Residents?",
            answer: "No, although\nsome services are available via the PCC website e.g. Apply for the housing\nwaiting list, Request a repairs to council property, Pay for parking or\ngarage space online, Pay rent online, Pay leasehold service charge online,\nApply for HMO licence.",
            want: vec![Bool(false)],
        },
        Case {
            id: "portsmouth Q10",
            question: "What was the Authority’s annual spend for 2017-18 for payroll of\nemployees, agency staff, and contractors?",
            answer: "There isn't one specific code\nfor contractors and as such, we would be required to review every\nindividual transaction in the system to identify contractor related spend.\nWe are able to confirm therefore that whilst that Portsmouth City Council\ndoes hold the information requested, we have estimated that the cost to\nlocate, retrieve and extract it will exceed the appropriate limit given in\nSection 12 of the Freedom of Information Act (£450.00 or 18 hours of\nofficer time). Consequently the Council is not obliged to comply with your\nrequest and, in accordance with Section 17 of the Act, this email acts as\na refusal notice.\n\nThe total spend on payroll for employees and agency staff for 17/18\ntotalled £93,181,266",
            want: vec![Num(Money, 93_181_266.0, None)],
        },
        Case {
            id: "portsmouth Q11",
            question: "Does the Authority use a Customer Relationship Management (CRM)\nSystem?",
            answer: "No",
            want: vec![Bool(false)],
        },
        // synthetic/prose-reply-no-restated-questions.txt
        Case {
            id: "prose 1",
            question: "how many pupils received free home-to-school transport in the academic year 2020/21",
            answer: "In answer to your first question, 3,418 pupils received free transport in 2020/21. The total cost of providing this transport (question 2) was £6,905,112.",
            want: vec![Num(Count, 3418.0, None)],
        },
        Case {
            id: "prose 2",
            question: "the total cost of that transport",
            answer: "In answer to your first question, 3,418 pupils received free transport in 2020/21. The total cost of providing this transport (question 2) was £6,905,112.",
            want: vec![Num(Money, 6_905_112.0, None)],
        },
        // seeds/stoke-crm.txt
        Case {
            id: "stoke Q2",
            question: "How large is the Authority in terms of population?",
            answer: "Response: 255,378 persons (ONS Mid-Year Population Estimates 2017)",
            want: vec![Num(Count, 255_378.0, None)],
        },
        Case {
            id: "stoke Q3",
            question: "How large is the Authority in terms of geographical boundaries?",
            answer: "Response: 9345 Hectares (ONS 2011 Census Outputs)",
            want: vec![Num(Area, 93.45, None)],
        },
        Case {
            id: "stoke Q4",
            question: "How many information systems / databases does the Authority use?",
            answer: "Response: 250+",
            want: vec![Num(Count, 250.0, Some(AtLeast))],
        },
        Case {
            id: "stoke Q4a",
            question: "How many of those are stand-alone (i.e. do not interact with any\nother information system)?",
            answer: "Response: 150+",
            want: vec![Num(Count, 150.0, Some(AtLeast))],
        },
        Case {
            id: "stoke Q4b",
            question: "How many of those interact with at least one other system (e.g. using\nAPI calls)?",
            answer: "Response: 80+",
            want: vec![Num(Count, 80.0, Some(AtLeast))],
        },
        Case {
            id: "stoke Q4c",
            question: "Are the systems mainly centred around Residents or Properties?",
            answer: "Response: Residents.",
            want: vec![Text(Choice, "Residents")],
        },
        Case {
            id: "stoke Q6a",
            question: "Does the Authority have an online portal for Residents?",
            answer: "Response: Yes.",
            want: vec![Bool(true)],
        },
        Case {
            id: "stoke Q6b",
            question: "If it does, what is the uptake (as a percentage) across the\nauthority?",
            answer: "Response: 4%",
            want: vec![Num(Percent, 4.0, None)],
        },
        Case {
            id: "stoke Q7",
            question: "What percentage of services in Q4 are accessible to Residents online\nusing Single Sign On (SSO) on the portal?",
            answer: "Response: 1%, however work is underway to bring more services online using\n\nsingle sign-on.",
            want: vec![Num(Percent, 1.0, None)],
        },
        Case {
            id: "stoke Q9",
            question: "What was the Authority's annual spend for 2017-18 for software\nlicensing?",
            answer: "Response: £2.448m",
            want: vec![Num(Money, 2_448_000.0, None)],
        },
        Case {
            id: "stoke Q11",
            question: "Does the Authority use a Customer Relationship Management (CRM)\nSystem?",
            answer: "Response: Yes.",
            want: vec![Bool(true)],
        },
        Case {
            id: "stoke Q12a",
            question: "When did the CRM system go Live?",
            answer: "Response: 2012",
            want: vec![Num(Year, 2012.0, None)],
        },
        Case {
            id: "stoke Q12b",
            question: "How long did the implementation take?",
            answer: "Response: 12 months",
            want: vec![Num(Duration, 12.0, None)],
        },
        Case {
            id: "stoke Q14",
            question: "Are the IT systems centred primarily around Residents or Properties?",
            answer: "Response: Residents.",
            want: vec![Text(Choice, "Residents")],
        },
        // gold-formats/psni-pdf.json (text layer of peers/alaveteli/documents/psni.pdf)
        Case {
            id: "psni 1",
            question: "Have the PSNI made payments to\n the charity Common Purpose?",
            answer: "Yes the PSNI have made payments \nto the charity Common Purpose",
            want: vec![Bool(true)],
        },
    ]
}

#[test]
fn corpus_values_are_found() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases() {
        let got = extract(case.question, case.answer, 0);
        for w in &case.want {
            checked += 1;
            if !got.iter().any(|v| matches(v, w)) {
                let g: Vec<_> = got
                    .iter()
                    .map(|v| (v.kind, &v.value, v.qualifier, &v.text))
                    .collect();
                failures.push(format!("{}: missing {:?}; got {g:?}", case.id, describe(w)));
            }
        }
        // spans index the answer
        for v in &got {
            assert_eq!(
                &case.answer[v.span.start..v.span.end],
                v.text,
                "{}",
                case.id
            );
        }
    }
    assert!(checked >= 40);
    assert!(
        failures.is_empty(),
        "{} value(s) missing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn describe(w: &Want) -> String {
    match w {
        Num(k, n, q) => format!("{k:?} {n} {q:?}"),
        Text(k, t) => format!("{k:?} {t}"),
        Bool(b) => format!("Boolean {b}"),
    }
}

/// Answers from the corpus whose figures are not answers: none of `kinds` may be read.
#[test]
fn corpus_figures_that_are_not_values() {
    let cases: Vec<(&str, &str, &str, Vec<ValueKind>)> = vec![
        (
            "prose 3-4: cost-limit refusal",
            "the number of appeals against refusals of transport",
            "With regard to questions 3 and 4, the County Council does not hold this information in a reportable format. To obtain it would require a manual review of around 900 case files, which we estimate would take well over 18 hours. We are therefore refusing this part of your request under Section 12 of the Freedom of Information Act.",
            vec![Count, Money, Duration, Year],
        ),
        (
            "eir 3: time estimate",
            "Any correspondence between the Council and the developer about drainage since 1 January 2020.",
            "We estimate that locating and reviewing this correspondence would take in excess of 40 hours. We consider the request for this part to be manifestly unreasonable under regulation 12(4)(b). We have applied the public interest test and concluded that it favours maintaining the exception.",
            vec![Count, Money, Duration, Year],
        ),
        (
            "portsmouth Q4: cost limit",
            "How many information systems / databases does the Authority use?",
            "The information requested for questions 4 is not held in a way that would\nenable us to extract it electronically and would require a manual review\nof our systems in order to attempt to collate a response. We are able to\nconfirm therefore that whilst Portsmouth City Council does hold the\ninformation requested, we have estimated that the cost to locate, retrieve\nand extract it would exceed the appropriate limit given in Section 12 of\nthe Freedom of Information Act (£450.00 or 18 hours of officer time).\nConsequently the Council is not obliged to comply with your request and,\nin accordance with Section 17 of the Act, this email acts as a refusal\nnotice.",
            vec![Count, Money, Duration],
        ),
        (
            "stoke Q8: page numbers",
            "What was the Authority's annual spend for 2017-18?",
            "Response: The authority’s annual spend (page 26) and the spend on\nemployees\n\nand agency staff (page 37) can be found on the following link\n\n[2]https://www.stoke.gov.uk/downloads/file/...\n\nThe Council does not hold the information on contractors in an obtainable\nformat.",
            vec![Count, Money, Year],
        ),
        (
            "stoke: signature",
            "How large is the Authority in terms of population?",
            "Floor 2 Civic Centre Glebe Street Stoke-on-Trent ST4 1HH\n\nT: 01782 232853, 01782 233020, 01782 233732, 01782 235965",
            vec![Count, Year],
        ),
        (
            "nhs 4: section reference",
            "What hourly rate does the Trust pay to its most expensive agency?",
            "Please see the answer to question 3. This information is also withheld under Section 43(2).",
            vec![Count, Money],
        ),
        (
            "police Q1c: sections",
            "Which manufacturer supplied them?",
            "The force can neither confirm nor deny that it holds information relevant to this part of your request by virtue of Section 24(2) National Security and Section 31(3) Law Enforcement.",
            vec![Count, Choice],
        ),
        (
            "district 7: no named contractor",
            "Please provide the names of any contractors who clean the toilets.",
            "Cleaning is carried out in-house by the Council's Street Scene team.",
            vec![Choice, Count],
        ),
        (
            "oxford Q2: referral",
            "How large is the Authority in terms of population?",
            "Publicly available via our website. As such, I consider that the exemption under Section 21 of The Freedom of Information Act 2000 - which provides for material that is reasonably accessible by other means - applies in this instance.",
            vec![Count, Year, Choice],
        ),
    ];
    let mut failures = Vec::new();
    for (id, q, a, kinds) in cases {
        for v in extract(q, a, 0) {
            if kinds.contains(&v.kind) {
                failures.push(format!(
                    "{id}: unexpected {:?} {:?} from {:?}",
                    v.kind, v.value, v.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
