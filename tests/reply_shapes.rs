//! Small invented replies, one per shape of real reply that the engine once misread, each
//! asserting the whole reading of that shape: which questions, which answers, which status and
//! which exemptions. The shapes come from the layouts in `tests/layouts/` (modelled on real
//! replies); the texts here are shorter, so that a failure points at one mechanism.

use foi_analyser::{analyse_text, Analysis, Question, Scalar, Status};

fn row(a: &Analysis, id: &str) -> (Status, Vec<String>, String) {
    let q = a
        .questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}: {:?}", ids(a)));
    (
        q.status,
        q.exemptions.iter().map(|e| e.section.clone()).collect(),
        q.answer.as_ref().map_or(String::new(), |x| x.text.clone()),
    )
}

/// The numeric values read for a question, in order.
fn figures(q: &Question) -> Vec<f64> {
    q.values
        .iter()
        .filter_map(|v| match v.value {
            Scalar::Number(n) => Some(n),
            _ => None,
        })
        .collect()
}

fn ids(a: &Analysis) -> Vec<String> {
    a.questions.iter().map(|q| q.id.clone()).collect()
}

/// A disclosure-log record: "Question Number N:" and "Answer To Question N:" labels under a
/// one-line "Request Summary:". Pasted with blank lines and the words on the next line, or
/// without blank lines, each label and its words on one line: then the "Request Summary:" is
/// a field holding a title, no request section over the rest.
#[test]
fn question_number_and_answer_to_question_labels() {
    let with_blank_lines =
        "Example Trust\n\nReference: FOI_100\n\nDate Request Received: 04/03/2019\n\n\
         Request Summary: Parking permits\n\n\
         Question Number 1:\nHow many staff parking permits did the Trust issue in 2018?\n\n\
         Answer To Question 1:\n412\n\n\
         Question Number 2:\nDoes the Trust charge staff for parking?\n\n\
         Answer To Question 2:\nNo\n\n\
         Question Number 3:\nHow much parking income did the Trust receive in 2018?\n\n\
         Answer To Question 3:\nThe Trust does not hold this information.\n";
    let one_line_fields = "Date Request Received: 04/03/2019\n\
         Request Summary: Staff parking permits\n\
         Request Category: Media\n\
         Question Number 1: How many staff parking permits did the Trust issue in 2018?\n\
         Answer To Question 1: 412\n\
         Question Number 2: Does the Trust charge staff for parking?\n\
         Answer To Question 2: No\n\
         Question Number 3: How much parking income did the Trust receive in 2018?\n\
         Answer To Question 3: The Trust does not hold this information.\n";
    for text in [with_blank_lines, one_line_fields] {
        let a = analyse_text(text, "t.txt");
        assert_eq!(
            ids(&a),
            ["Question 1", "Question 2", "Question 3"],
            "{text}"
        );
        assert_eq!(row(&a, "Question 1").2, "412");
        assert_eq!(row(&a, "Question 2").2, "No");
        assert_eq!(row(&a, "Question 3").0, Status::NotHeld);
    }
}

/// Lettered asks whose parts are numbered in brackets inside the line: the parts that ask
/// ("the (1) total number …, (2) who …") are questions `A(1)`, `A(2)`; a later ask's options
/// ("in (1) year one, (2) year two, …") stay inside it.
#[test]
fn numbered_parts_inside_a_lettered_ask() {
    let a = analyse_text(
        "Information requested\n\n\
         A. Please give the (1) total number of permits granted in each year since 2020, (2) who \
         each permit was granted to and (3) the area approved under each permit.\n\n\
         B. Please tell me what percentage of sites met the standard in (1) year one, (2) year \
         two, (3) year three and (4) now.\n\n\
         Response\n\n\
         We hold the totals only: 2020 120, 2021 131. We do not record the standard by year.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["A", "A(1)", "A(2)", "A(3)", "B"]);
}

/// A reply that lists the request's numbered questions, then restates each without its number
/// and answers below it, no blank lines anywhere: each answer is the text under its question's
/// words, the last one included (not the letter after the list).
#[test]
fn numbered_list_then_questions_restated_without_numbers() {
    let a = analyse_text(
        "FOI 2024-001 Legal costs\n\
         I would like to request the following information:\n\
         1. The amount spent on external solicitors in the last 3 years, by year.\n\
         2. The number of tribunal claims settled before a hearing since 2022.\n\
         3. The amount paid under settlement agreements in the last 3 years, by year.\n\
         Thank you for your request dated 12 March 2024.\n\
         The amount spent on external solicitors in the last 3 years, by year.\n\
         2021/22 - £41,260\n\
         2022/23 - £57,915\n\
         The number of tribunal claims settled before a hearing since 2022.\n\
         Four claims have been settled before a hearing.\n\
         The amount paid under settlement agreements in the last 3 years, by year.\n\
         Finding these payments would take well over 18 hours, so section 12 applies.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert!(
        row(&a, "1").2.starts_with("2021/22 - £41,260"),
        "{:?}",
        row(&a, "1")
    );
    assert_eq!(
        row(&a, "2").2,
        "Four claims have been settled before a hearing."
    );
    assert_eq!(row(&a, "3").0, Status::Refused);
    assert_eq!(row(&a, "3").1, ["12"]);
}

/// A request's numbered list followed by an ask without a number, on the line after the last
/// item (which ends without a stop): the ask is question 3, answered under its restated words;
/// a closing wish about the request itself is none.
#[test]
fn an_unnumbered_ask_after_a_numbered_list_is_the_next_question() {
    let a = analyse_text(
        "Dear Example Council,\n\
         Under the Freedom of Information Act could you please supply the following:\n\
         1 - The number of agency workers engaged by the Council - by agency, total cost\n\
         2 - The number of agency workers kept on for longer than 12 months - by department\n\
         Within the current financial year please provide all agency placements converted into permanent posts\n\
         I would be grateful if you could confirm that you have received this request.\n\
         Yours faithfully,\n\
         Jane Smith\n\n\
         Dear Ms Smith,\n\
         1 - The number of agency workers engaged by the Council - by agency, total cost\n\
         The Council engaged 187 agency workers.\n\
         2 - The number of agency workers kept on for longer than 12 months - by department\n\
         31 of these placements lasted longer than 12 months.\n\
         Within the current financial year please provide all agency placements converted into permanent posts\n\
         No agency placements have been converted into permanent posts this year.\n\
         Yours sincerely,\n\
         FOI Team\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert_eq!(
        row(&a, "2").2,
        "31 of these placements lasted longer than 12 months."
    );
    assert_eq!(
        row(&a, "3").2,
        "No agency placements have been converted into permanent posts this year."
    );
}

/// A reply that prints the lettered questions, some with field lines under them, then answers
/// in a second list under the same letters: the field lines are more of the question, the
/// answers are the second list's.
#[test]
fn a_list_of_questions_then_a_list_of_answers_under_the_same_letters() {
    let a = analyse_text(
        "Freedom of information response\n\n\
         a. Number of staff with a network login\n\n\
         b. Payroll System Provider\n\
         Payroll System Licence Expiry\n\
         Payroll System Annual Cost\n\n\
         c. Endpoint Detection Provider\n\
         Endpoint Detection Licence Expiry\n\n\
         d. Do you use a cloud telephone system?\n\n\
         a. 1,204\n\n\
         b. Example Systems Ltd\n\
         Licence expiry 31 March 2027\n\
         Annual cost £84,310\n\n\
         c. Exempt under Section 31 - see the explanation below\n\n\
         d. No\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["a", "b", "c", "d"]);
    assert!(
        row(&a, "b").2.starts_with("Example Systems Ltd"),
        "{:?}",
        row(&a, "b")
    );
    assert_eq!(row(&a, "c").0, Status::Refused);
    assert_eq!(row(&a, "c").1, ["31"]);
    assert_eq!(row(&a, "d").2, "No");
}

/// A page flattened onto one line, its questions labelled and each answer after the question
/// mark: the answer is the text after the mark, up to the next label.
#[test]
fn questions_and_answers_run_on_in_one_line() {
    let a = analyse_text(
        "FREEDOM OF INFORMATION REQUEST Decision summary: the information is provided below. \
         Question 1 How many vans are currently in operation? There are currently 6 vans in \
         operation. Question 2 How many detections did the vans record in 2015/16? The vans \
         recorded 41,220 detections. Question 3 What is the fee for the course? The course fee \
         is £85.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["Question 1", "Question 2", "Question 3"]);
    assert_eq!(
        row(&a, "Question 1").2,
        "There are currently 6 vans in operation."
    );
    assert_eq!(
        row(&a, "Question 2").2,
        "The vans recorded 41,220 detections."
    );
    assert_eq!(row(&a, "Question 3").0, Status::Answered);
}

/// A paragraph that says which questions the next one is about, then a refusal under section 21
/// for part of them, then the numbered answers: the exemption goes to the named questions.
#[test]
fn a_note_naming_answered_questions_gives_them_its_exemption() {
    let a = analyse_text(
        "Permits - 12/22\n\nFreedom of Information Act 2000\n\nYou asked:\n\n\
         1. How many permits did you issue in each year since 2019?\n\n\
         2. How many permits did you refuse in each year since 2019?\n\n\
         3. What is the fee for a permit?\n\n\
         In Response:\n\n\
         In relation to questions 1 and 2 for the years 2019 and 2020.\n\n\
         These figures are published in our annual report, so I rely on Section 21 of the \
         Freedom of Information Act 2000 for them.\n\n\
         For 2021 the figures are below.\n\n\
         1. 47 permits issued\n\n\
         2. 3 refused\n\n\
         3. The fee is £12.\n\n\
         Please quote the reference number above if you contact us.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    for id in ["1", "2"] {
        let (status, ex, _) = row(&a, id);
        assert_eq!(ex, ["21"], "question {id}");
        assert_eq!(status, Status::Partial, "question {id}");
    }
    let (status, ex, answer) = row(&a, "3");
    assert!(ex.is_empty());
    assert_eq!(status, Status::Answered);
    assert!(answer.contains("£12"), "{answer}");
}

/// "You have requested the following information:" before restated bullets leads in to them.
#[test]
fn lead_in_before_bullets_is_no_question() {
    let a = analyse_text(
        "Travel budget\n\nFOI reference - FOI-9\n\nYou have requested the following \
         information:\n\n  \u{2022} What is your travel budget for 2021?\n  \u{2022} How much of \
         it is for overseas travel?\n\nInformation we are able to supply\n\n  \u{2022} What is \
         your travel budget for 2021?\n    About £310,000.\n  \u{2022} How much of it is for \
         overseas travel?\n    Up to £8,000.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2"]);
    assert!(row(&a, "1").2.contains("310,000"), "{:?}", row(&a, "1"));
    assert!(row(&a, "2").2.contains("8,000"), "{:?}", row(&a, "2"));
}

/// A letter that answers one numbered question and says, in another clause of the same
/// sentence, that the others would take too long: only those are refused, and their own answer
/// ("the information is held") does not make them answered.
#[test]
fn a_clause_refusing_some_questions_without_a_section() {
    let a = analyse_text(
        "Dear Example Council,\n\nPlease tell me:\n\n\
         (1) How many empty homes are there in your area?\n\n\
         (2) In which countries do the owners of second homes live?\n\n\
         (3) In which countries do the owners of empty homes live?\n\n\
         Yours faithfully,\n\nA Requester\n\n---\n\n\
         Dear Requester\n\n\
         We can answer Q1, but Q2 & Q3 would take a great deal of time to work out for every \
         owner.\n\n\
         Q1 - 315 empty homes.\n\n\
         Q2 & 3 - We can confirm that the council holds this information.\n\n\
         Yours sincerely\n\nInformation Team, Example Council\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert_eq!(row(&a, "1").0, Status::Answered);
    assert_eq!(row(&a, "2").0, Status::Refused);
    assert_eq!(row(&a, "3").0, Status::Refused);
}

/// A disclosure page whose request is one prose sentence of two asks, answered by a letter
/// that takes up one ask by its words (with a table below) and the other only in passing:
/// the first keeps its sentence and table, the other gets the letter. "The information you
/// asked for is published" in the reply is not a third ask.
#[test]
fn prose_asks_answered_by_a_letter_with_a_table() {
    let a = analyse_text(
        "Visitor numbers\n\nFOI request reference: F0001\n\n\
         I would be grateful for details of how many people have visited exhibitions and how \
         much the search rooms have been used in recent years.\n\n\
         Part of the information you asked for is already published online, so section 21 \
         of the Freedom of Information Act applies to it. Look for the document called 'Visitors' \
         on our website.\n\n\
         We can also tell you how many people visited our temporary exhibitions. We began \
         running them in 2018, so no data is held for earlier years.\n\n\
         Year Exhibition Visitors\n\
         2018 Maps of the Sea 4,500\n\
         2019 Letters Home 7,250\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2"]);
    let (status, _, answer) = row(&a, "1");
    assert_eq!(status, Status::Partial, "{answer}");
    assert!(answer.contains("Letters Home"), "{answer}");
    let (_, ex, answer) = row(&a, "2");
    assert_eq!(ex, ["21"], "{answer}");
}

/// A disclosure log that pastes the request back with each answer typed at the end of its
/// question's line, after the period asked about or after the question mark.
#[test]
fn answers_glued_to_the_ends_of_restated_questions() {
    let a = analyse_text(
        "Reference FOI/2025/001\nDescription Patient transport\n\nRequest\n\n\
         Please treat this email as a request under the Freedom of Information Act.\n\n\
         1. Number of journeys booked for wheelchair users in the last 12 months (2024/25) 6,410\n\
         2. Spend on journeys for wheelchair users in the last 12 months (2024/25) Section 43 applies (see below)\n\
         3. Do you hold a contract with an independent ambulance provider? No\n\
         4. What are the names of those providers? N/A\n\n\
         Section 43 exemption\n\n\
         Section 43(2) allows us to withhold information whose release would harm commercial \
         interests.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3", "4"]);
    let q1 = a.questions.iter().find(|q| q.id == "1").unwrap();
    assert!(q1.text.ends_with("(2024/25)"), "{}", q1.text);
    assert_eq!(row(&a, "1").2, "6,410");
    assert_eq!(row(&a, "1").0, Status::Answered);
    assert_eq!(row(&a, "2").0, Status::Refused);
    assert_eq!(row(&a, "3").2, "No");
    assert_eq!(row(&a, "4").0, Status::NotApplicable);
}

/// A form pasted back with each answer after a colon at the end of its ask, under numbered
/// headings that ask nothing; lead-in colons ("each of the following:") are no answers.
#[test]
fn answers_after_a_colon_on_the_asks_line() {
    let a = analyse_text(
        "See notes\nPlease provide the following about fleet vehicles:\n\
         1. Vehicles\n\
         a) Does the council lease any of its pool cars: Yes\n\
         b) How many electric vans did the council own at 31 March 2025: 47\n\
         c) Are drivers required to complete a licence check each year: No\n\
         2. Fuel\n\
         a) Please give the spend on each of the following: Diesel and Petrol\n\
         b) Has the council set a date to stop buying diesel vans: Yes, in 2027\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "1(a)", "1(b)", "1(c)", "2", "2(a)", "2(b)"]);
    assert_eq!(row(&a, "1(a)").2, "Yes");
    assert_eq!(row(&a, "1(b)").2, "47");
    assert_eq!(row(&a, "1(c)").2, "No");
    assert_eq!(row(&a, "2(b)").2, "Yes, in 2027");
    let q = a.questions.iter().find(|q| q.id == "1(b)").unwrap();
    assert!(q.text.ends_with("at 31 March 2025"), "{}", q.text);
    let q = a.questions.iter().find(|q| q.id == "2(a)").unwrap();
    assert!(
        q.text.ends_with("following: Diesel and Petrol"),
        "{}",
        q.text
    );
}

/// An HTML list of lists pasted with every number "1.": the outer items are 1 and 2, the inner
/// ones their parts, lettered as the reply names them ("2 a/b", "2c."); an answer that runs on
/// to "2 a/b" ends there, and a part-named answer may follow an answer to question 1.
#[test]
fn nested_list_pasted_as_ones_answered_by_lettered_parts() {
    let a = analyse_text(
        "Request\n\nYou asked for the following:\n\n\
         \x20 1. About the depot closures, you ask:\n\
         \x20   1. How many depots were closed?\n\
         \x20   2. Which staff were moved?\n\n\
         \x20 1. About the new vehicles, you would like to know:\n\
         \x20   1. What was spent on them\n\
         \x20   2. Who supplied them?\n\
         \x20   3. When were they delivered?\n\n\
         Our response\n\n\
         1. We do not hold this information. Depots are run by the regional boards.\n\n\
         2 a/b The vehicles cost £3.2 million and were supplied by a framework supplier.\n\n\
         2c. They were delivered in May 2024.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "1(a)", "1(b)", "2", "2(a)", "2(b)", "2(c)"]);
    assert_eq!(row(&a, "1(a)").0, Status::NotHeld);
    let (_, _, one) = row(&a, "1");
    assert!(!one.contains("vehicles"), "{one}");
    assert!(row(&a, "2(a)").2.contains("£3.2 million"));
    assert!(row(&a, "2(b)").2.contains("£3.2 million"));
    assert_eq!(row(&a, "2(c)").2, "They were delivered in May 2024.");
}

/// A line answering two questions at once ("1 & 3.") ends the answer above it, which ran on
/// from question 2; a later such line ("Response 3 & 4") overrides an earlier one (a
/// clarification's "Questions 3 & 4 – …").
#[test]
fn a_line_answering_two_questions_ends_the_answer_above() {
    let a = analyse_text(
        "You asked:\n\n(1) How many drones does the force own?\n\n\
         (2) What has the force spent on drones in each of the last three years?\n\n\
         (3) Please list the drones by make and model.\n\n\
         In response:\n\n\
         1.  The force owns 14 drones.\n\n\
         2.  Spend by year is below.\n\n\
         2021/22    £41,200\n\n\
         2022/23    £12,900\n\n\
         1 & 3.\n\n\
         The makes and models are withheld under Section 31(1)(a) Law Enforcement.\n",
        "t.txt",
    );
    assert_eq!(row(&a, "2").0, Status::Answered, "{}", row(&a, "2").2);
    assert!(row(&a, "2").1.is_empty());
    assert!(!row(&a, "2").2.contains("withheld"));
    assert_eq!(row(&a, "3").0, Status::Refused);
    assert_eq!(row(&a, "3").1, ["31(1)(a)"]);
}

/// A request section of asks one a line without numbers or stops, some with the years asked
/// about as bullets under them: the bullets are options, not questions, each "Please state …"
/// line starts an ask, and the reply's figures typed after the years are its answer.
#[test]
fn year_bullets_under_unnumbered_asks_are_options() {
    let a = analyse_text(
        "Your request\n\
         Does the council own any electric gritters?\n\
         Please state the number of salt barns at your depots at the end of:\n\
         - 2022\n\
         - 2023\n\
         Please state how many tonnes of salt were spread in the winter of 2023/24\n\
         Our response\n\
         Does the council own any electric gritters?\n\
         No.\n\
         Please state the number of salt barns at your depots at the end of:\n\
         - 2022: 4\n\
         - 2023: 5\n\
         Please state how many tonnes of salt were spread in the winter of 2023/24\n\
         12,400 tonnes.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert_eq!(row(&a, "1").2, "No.");
    // The figure typed after the first year is the answer's, not a word of the question.
    let two = row(&a, "2").2;
    assert!(two.starts_with('4') && two.contains("2023: 5"), "{two}");
    assert_eq!(row(&a, "3").2, "12,400 tonnes.");
}

/// A disclosure log's record fields ("Subject: …", "Status: …") under its request number are
/// no question; its reply answers the lettered asks one paragraph each, in order, naming none.
#[test]
fn one_paragraph_per_question_in_order() {
    let a = analyse_text(
        "FOI Request 1182\n\nSubject: Hydrant testing\nStatus: Complete\nDate received: May 2025\n\n\
         Question Asked:\n\n\
         a) Please send a copy of the hydrant inspection schedule for the county.\n\n\
         b) How many hydrants failed their pressure test in 2024?\n\n\
         c) Which contractor repairs defective hydrants?\n\n\
         Our Response:\n\n\
         Please see our response below to your request:\n\n\
         The inspection schedule is withheld under section 31(1)(a), as it would show where cover is thin.\n\n\
         In 2024, 212 hydrants failed their pressure test.\n\n\
         Defective hydrants are repaired by the water company's own contractor, which the Service does not appoint.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["a", "b", "c"]);
    assert_eq!(row(&a, "a").0, Status::Refused);
    assert_eq!(row(&a, "a").1, ["31(1)(a)"]);
    assert_eq!(
        row(&a, "b").2,
        "In 2024, 212 hydrants failed their pressure test."
    );
    assert!(row(&a, "c").2.starts_with("Defective hydrants"));
}

/// A reply that answers each question with lines of figures written "N - what it counts":
/// those lines are no questions, even between the first question and the second; "no report
/// of this kind is held" is not held.
#[test]
fn figure_lines_between_questions_are_answers() {
    let a = analyse_text(
        "See notes\n\
         1. How many business rate accounts receive relief in 2025/26?\n\
         2214 - small business rate relief\n\
         318 - charitable relief\n\
         62 - percentage of accounts with relief\n\
         2. How many business rate accounts received relief in 2024/25?\n\
         2170 - small business rate relief\n\
         72 - percentage of accounts with relief\n\
         3. Please send any report on changes to relief.\n\
         Unable to answer - no report of this kind is held\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert!(row(&a, "1").2.starts_with("2214"), "{}", row(&a, "1").2);
    assert_eq!(row(&a, "3").0, Status::NotHeld);
}

/// A "Your Request:" section that holds its answers: each unnumbered question restated on its
/// own lines, then an answer line labelled with the body's own name ("UCB Response:"). Two
/// questions that share most words ("Who is your Head of …?") each keep their own answer.
#[test]
fn request_section_with_answers_under_named_labels() {
    let a = analyse_text(
        "Dear Ms Lowe\n\nThank you for your Freedom of Information request of 3 May 2023.\n\
         We have set out the information beneath each question of your request below.\n\n\
         Your Request:\n\
         What date does your software support contract renew?\n\
         XYZ Response: 31 March 2024.\n\
         How many support calls do you raise per year?\n\
         XYZ Response: On average we raise 52 support calls a year.\n\
         Who is your Head of Procurement? name, email\n\
         XYZ Response: The Director of Procurement is Mr Ian Pole.\n\
         Who is your Head of Estates? name, email\n\
         XYZ Response: We do not have a post with this title, so no information is held.\n\
         If you are unhappy with how your request has been handled you may ask for an \
         internal review.\n\
         Yours sincerely\n\nInformation Governance\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3", "4"]);
    assert_eq!(row(&a, "1").2, "31 March 2024.");
    assert_eq!(row(&a, "2").0, Status::Answered);
    assert!(row(&a, "3").2.starts_with("The Director of Procurement"));
    assert_eq!(row(&a, "4").0, Status::NotHeld);
}

/// A letter that restates each question on a "Question N:" line and types the answer after a
/// dash on the same line: short answers ("N/A", "see above") mark the layout, and then a
/// sentence after the dash is an answer too. A dash inside a question that goes on asking is
/// no answer.
#[test]
fn answers_after_a_dash_on_the_question_line() {
    let a = analyse_text(
        "Dear Ms Byrne\n\nRE: FREEDOM OF INFORMATION REQUEST OF 3 MAY 2024\n\n\
         Question 1: Number of grass fires attended in each year.\n\n\
         2021 41\n2022 37\n2023 52\n\n\
         Question 2: The same figures by station area – see above.\n\n\
         Question 3: Payments made to landowners for fire breaks - The Service keeps no record of such payments.\n\n\
         Question 4: Injuries to firefighters at grass fires – N/A\n\n\
         Question 5: Vehicles damaged - how many were repaired and at what cost?\n\n\
         No vehicles were damaged.\n\n\
         Yours sincerely\n\nFOI Officer\n",
        "t.txt",
    );
    assert_eq!(
        ids(&a),
        [
            "Question 1",
            "Question 2",
            "Question 3",
            "Question 4",
            "Question 5"
        ]
    );
    assert_eq!(row(&a, "Question 2").2, "see above.");
    let q3 = a.questions.iter().find(|q| q.id == "Question 3").unwrap();
    assert_eq!(q3.text, "Payments made to landowners for fire breaks");
    assert_eq!(row(&a, "Question 3").0, Status::NotHeld);
    assert_eq!(row(&a, "Question 4").0, Status::NotApplicable);
    let q5 = a.questions.iter().find(|q| q.id == "Question 5").unwrap();
    assert!(q5.text.ends_with("at what cost?"), "{}", q5.text);
    assert_eq!(row(&a, "Question 5").2, "No vehicles were damaged.");
}

/// Unnumbered questions restated as bullets ("- How many …?"), each followed by its unlabelled
/// answer: the bullets are the questionnaire, the bullet is no part of the question.
#[test]
fn bulleted_questions_each_followed_by_its_answer() {
    let a = analyse_text(
        "Dear Mr Lowe\n\nThank you for your request for information. Your questions are set out \
         below with our answers.\n\n\
         - How many road gritters does the council own?\n\
         The council owns 14 gritters.\n\n\
         - How many salt barns does the council operate?\n\
         Three.\n\n\
         - What did the council spend on rock salt in 2023/24?\n\
         We do not hold this information: salt is bought by a regional consortium.\n\n\
         Yours sincerely\n\nInformation Team\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    let q1 = &a.questions[0];
    assert_eq!(q1.text, "How many road gritters does the council own?");
    assert_eq!(row(&a, "1").2, "The council owns 14 gritters.");
    assert_eq!(row(&a, "2").0, Status::Answered);
    assert_eq!(row(&a, "3").0, Status::NotHeld);
}

/// A question that names its periods as lettered lines ("a) 22/23") and is answered line by
/// line under its restated number: the question is answered by its parts. A sentence of the
/// request that mentions the cost limit refuses nothing.
#[test]
fn question_answered_by_its_lettered_parts() {
    let a = analyse_text(
        "Reference number\nFOI000123\n\nRequest\n\n\
         1) How many staff work compressed hours?\n\n\
         2) Please state the number of formal warnings issued in these financial years.\n\n\
         a) 21/22\nb) 22/23\nc) 23/24\n\n\
         If a question would take the request as a whole over the cost limit, please leave \
         it out and answer the rest.\n\n\
         Response\n\n\
         1) 58\n\n\
         2)\n\na) 3\nb) 0\nc) 1\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::Answered);
    let q2 = a.questions.iter().find(|q| q.id == "2").unwrap();
    assert_eq!(q2.status, Status::Answered);
    assert!(q2.exemptions.is_empty(), "{:?}", q2.exemptions);
    assert_eq!(figures(q2), [3.0, 0.0, 1.0]);
}

/// A web page's label list flattened: "- Request" under a dash, the "- Decision" label run
/// onto the end of the last question, and answers numbered by question only ("1)." holds the
/// figures of 1(a) and 1(b); "2)" follows though 1(a)–1(b) stand between them).
#[test]
fn dash_labels_with_the_decision_run_onto_the_last_question() {
    let a = analyse_text(
        "- Request\n-\nPlease provide for each of the last two years:\n\
         1) Grass cutting\na) The number of verges cut.\nb) The number of complaints received.\n\
         2) Staff\na) The number of staff hours spent on verges.\n\
         b) The number of contractor hours spent on verges. - Decision\n-\n\
         1). 2023 (Verges cut = 1,204, complaints = 88)\n2024 (Verges cut = 1,311, complaints = 92)\n\
         2) This is not recorded\n\
         - Reference number\n- FOI 100200\n",
        "t.txt",
    );
    for id in ["1(a)", "1(b)"] {
        assert_eq!(row(&a, id).0, Status::Answered, "{id}");
    }
    for id in ["2(a)", "2(b)"] {
        assert_eq!(row(&a, id).0, Status::NotHeld, "{id}");
    }
    let last = a.questions.iter().find(|q| q.id == "2(b)").unwrap();
    assert!(last.text.ends_with("spent on verges."), "{}", last.text);
}

/// A request in prose: a question closed by a footnote's star ("…?*."), a lead-in asking for
/// "the following" over lines of fields, an ask after an opening clause, and the star's note as
/// a "* " line. Three questions; the note is none.
#[test]
fn prose_asks_with_a_field_list_and_a_starred_note() {
    let a = analyse_text(
        "Dear Records Office,\n\n\
         This is a request under the Freedom of Information Act 2000.\n\n\
         Between 2020 and 2022 how many ferry crossings were cancelled at short notice?*.\n\n\
         For each cancellation I would like to know the following if it is held:\n\n\
         Date of the crossing;\nRoute;\nReason given;\n\n\
         In addition, for the same years I would like to know how much was paid in refunds.\n\n\
         * By short notice I mean less than 24 hours before departure.\n\n\
         Yours faithfully,\n\nSam Reyes\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert!(
        a.questions[1].text.contains("Reason given"),
        "{}",
        a.questions[1].text
    );
    assert!(
        a.questions[2].text.starts_with("In addition"),
        "{}",
        a.questions[2].text
    );
}

/// A refusal of the whole request under section 12 reaches the headings that group parts
/// ("2. How many conferences resulted in:" over 2(a)–2(b)) as well as the parts.
#[test]
fn whole_request_refusal_reaches_headings_of_parts() {
    let a = analyse_text(
        "Dear Some Council,\n\n\
         1. How many initial conferences were held in 2023?\n\n\
         2. How many of those conferences resulted in:\n\
         a) a child protection plan\n\
         b) no further action\n\n\
         Yours faithfully,\n\nSam Reyes\n\n\
         FOI Team, Some Council\n\nDear Sam Reyes\n\n\
         Each conference file would have to be read by hand, which would take 160 hours. \
         Under section 12 of the Freedom of Information Act 2000 the Council is not obliged to \
         comply with your request, and section 12 applies to the request as a whole.\n\n\
         Yours sincerely\n\nFOI Team\n",
        "t.txt",
    );
    for id in ["1", "2", "2(a)", "2(b)"] {
        let (status, sections, _) = row(&a, id);
        assert_eq!(status, Status::Refused, "{id}");
        assert_eq!(sections, ["12"], "{id}");
    }
}

/// Parts that are no questions themselves ("a) Abatement notices served") ask what their
/// parent asks: "None" under them is a count of 0.
#[test]
fn none_under_a_part_of_a_how_many_question_is_zero() {
    let a = analyse_text(
        "1. How many complaints about noisy dogs did the council receive in 2024?\n14\n\
         2. Of those complaints, how many of these actions were taken?\n\
         a) Abatement notices served\nNone\n\
         b) Community protection notices issued\nNone\n",
        "t.txt",
    );
    for id in ["2(a)", "2(b)"] {
        let q = a.questions.iter().find(|q| q.id == id).unwrap();
        assert_eq!(figures(q), [0.0], "{id}");
    }
}

/// Figures with a pointer to where more is published: the figures answer the question; the
/// link is not a referral of it. A link alone is still a referral.
#[test]
fn figures_beside_a_link_answer() {
    let a = analyse_text(
        "Dear Ms Example,\n\nYou asked:\n\
         1. How many emergency calls did the Service receive in 2023/24?\n\
         2. How many calls were answered within 5 seconds?\n\
         3. How many calls were abandoned?\n\n\
         Our response:\n\
         1. We received 61,238 emergency calls in 2023/24. Monthly figures are published in our \
         performance report: https://www.example.org/performance\n\
         2. This information is published on our website: https://www.example.org/calls\n\
         3. 412 calls were abandoned in 2023/24. The monthly figures are exempt under section 21, \
         as they are reasonably accessible to you on our website.\n\n\
         Yours sincerely,\nInformation Governance\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::Answered);
    assert_eq!(row(&a, "2").0, Status::Referred);
    // Figures beside a section 21 exemption: the rest is withheld as published.
    assert_eq!(row(&a, "3").0, Status::Partial);
}

/// "Q2 2024" in a reply's subject line is a quarter of the year, not question 2: the
/// acknowledgement that names it answers nothing.
#[test]
fn a_quarter_is_not_a_question_reference() {
    let a = analyse_text(
        "Dear Example Council,\n\n\
         1. Please provide the list of business rates accounts for Q2 2024.\n\
         2. Please provide the rateable value of each account.\n\n\
         Yours faithfully,\nA Requester\n\n\n\
         Example Council\n\n3 July 2024\n\n\
         Dear A Requester,\n\
         Thank you for your request for information relating to Business Rates Data (Q2 2024), \
         which we received on 1 July 2024. It has been logged and we will respond within 20 \
         working days.\n\
         Yours sincerely,\nExample Council\n",
        "t.txt",
    );
    assert_eq!(row(&a, "2").0, Status::Unanswered);
}

/// A thread pasted without its page header: the request opens "Hello," and asks in the
/// requester's words; the authority's reply answers "(1) & (2)" together. The questions are
/// the request's, and the grouped refusal reaches both.
#[test]
fn a_headerless_request_then_a_reply_with_grouped_answers() {
    let a = analyse_text(
        "Park benches\nHello,\nI am writing to ask for information about park benches, please \
         can you supply:\n\
         1. How many benches did the council install in 2021 and 2022\n\
         2. How many benches were removed in 2021 and 2022\n\
         3. How much was spent on bench repairs in 2022?\n\
         Yours faithfully,\nA Requester\n\
         Dear Sir/madam\nI acknowledge receipt of your request which is receiving attention.\n\
         Yours sincerely\nB Officer\n\
         Dear Mr Requester\nRequest for Information\n\
         My response to your three questions is as follows:-\n\
         (1) & (2) The information is not held in a form that can be extracted without reading \
         every job record, which would cost well over £600, so the Council is not obliged to \
         comply with these parts under section 12(1) of the Freedom of Information (Scotland) \
         Act 2002.\n\
         (3) The Council spent £4,120 on bench repairs in 2022.\n\
         Yours sincerely\nB Officer\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert_eq!(row(&a, "1").0, Status::Refused);
    assert_eq!(row(&a, "2").1, ["12(1)"]);
    assert_eq!(row(&a, "3").0, Status::Answered);
}

/// A letter that names the questions it answers as "questions 1), 2) and 3)": the answer
/// reaches all three, not the first alone.
#[test]
fn questions_named_with_their_brackets() {
    let a = analyse_text(
        "Dear Example Police,\n\n\
         1) How many vehicles were seized for having no insurance\n\
         2) How many of those vehicles were destroyed\n\
         3) How many of those vehicles were sold at auction\n\n\
         Yours faithfully,\nA Requester\n\n\n\
         Example Police\n\n\
         Dear A Requester,\n\n\
         The force does not keep a record of seizures by year, or of what happens to unclaimed \
         vehicles. I can therefore confirm that the force does not hold the information you \
         have requested for questions 1), 2) and 3).\n\n\
         Yours sincerely,\nInformation Unit\n",
        "t.txt",
    );
    for id in ["1", "2", "3"] {
        assert_eq!(row(&a, id).0, Status::NotHeld, "{id}");
    }
}

/// A not-held letter that opens with the Act's duties ("places two duties on a public
/// authority") and closes with the service's address: neither number answers anything, and
/// "exempt under section 1" of what is not held withholds nothing.
#[test]
fn law_talk_and_footer_numbers_do_not_make_not_held_partial() {
    let a = analyse_text(
        "Dear Ms Example,\n\nYou asked:\n\
         1. How many vehicles were seized for having no insurance in 2018?\n\
         2. How many of those vehicles were later destroyed?\n\n\
         Our response:\n\nSection 1 of the Act places two duties on a public \
         authority: to confirm whether it holds the information and, if so, to provide it.\n\n\
         1. The force does not keep a record of seizures by year.\n\n\
         2. This information is not held by us, so it is exempt under section 1 of the Freedom of \
         Information Act 2000.\n\n\
         Should you have questions regarding this request, do get in touch.\n\
         For service complaints please write to us at 42 Canal Street, Exampletown.\n\n\
         Yours sincerely,\nInformation Officer\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::NotHeld, "{:?}", row(&a, "1"));
    let two = row(&a, "2");
    assert_eq!(two.0, Status::NotHeld, "{two:?}");
    assert!(!two.2.contains("Canal"), "{two:?}");
}

/// A thread where the body first asks to clarify, restating the lettered asks in full, and
/// answers them in a later letter with the letters alone: the later letter holds the answers.
/// A "999 call" in a refusal's reasons is no figure.
#[test]
fn a_clarification_restating_the_asks_gives_way_to_the_later_answers() {
    let a = analyse_text(
        "Dear Example Council,\n\nPlease supply:\n\n\
         a) The number of complaints received about pavement parking.\n\
         b) The number of penalty charge notices issued for pavement parking.\n\n\
         Yours faithfully,\n\nK Example\n\n\
         Dear Mr Example,\n\nBefore we can find the information we need you to clarify your \
         request.\n\n\
         a) The number of complaints received about pavement parking.\n\
         Please tell us whether you mean reports to councillors too.\n\n\
         b) The number of penalty charge notices issued for pavement parking.\n\n\
         Yours sincerely,\n\nInformation Team\n\n\
         Dear Mr Example,\n\nThank you for clarifying.\n\n\
         a) We received 318 reports.\n\n\
         b) 41 penalty charge notices were issued. Locations are given to callers when a 999 \
         call is made.\n\n\
         Yours sincerely,\n\nInformation Team\n",
        "t.txt",
    );
    let (st, _, text) = row(&a, "a");
    assert_eq!(
        (st, text.as_str()),
        (Status::Answered, "We received 318 reports.")
    );
    let b = a.questions.iter().find(|q| q.id == "b").expect("b");
    assert_eq!(figures(b), [41.0], "{:?}", b.answer);
}

/// Short answers under each question: a count in words opening the answer to "how many", and
/// a year for "what year" beside a not-held part, which makes the answer partial. A year that
/// names a law ("the Act 2009") is no answer to "when".
#[test]
fn words_opening_a_count_and_a_year_beside_not_held() {
    let a = analyse_text(
        "Request\n\n1. How many picnic tables are in parks?\n\
         2. What year were the cameras purchased?\n\
         3. When deciding on inquiries, what criteria do you use?\n\n\
         Response\n\n1. Seven in parks; two on the estates.\n\n\
         2. The operational cameras were purchased in 2019. The purchase date of the training \
         units is not held.\n\n\
         3. We do not hold written criteria; we follow the Flood Risk Act 2009.\n",
        "t.txt",
    );
    let one = a.questions.iter().find(|q| q.id == "1").expect("1");
    assert_eq!(figures(one).first(), Some(&7.0), "{:?}", one.values);
    assert_eq!(row(&a, "2").0, Status::Partial, "{:?}", row(&a, "2"));
    assert_eq!(row(&a, "3").0, Status::NotHeld, "{:?}", row(&a, "3"));
}

/// A cost-limit refusal sizes what it would have to search ("more than 18,000 inspection
/// reports", "about 1,400 boxes", "not held on one system"): no answer, the request is refused.
/// An exact figure given beside the refusal of a breakdown still answers part.
#[test]
fn a_cost_limit_refusal_that_sizes_its_search_is_refused() {
    let a = analyse_text(
        "Request\n\n1. How many road stud defects were reported each year since 2018?\n\n\
         Response\n\n1. Answering would cost more than the appropriate limit under section 12. \
         Defect reports are not held on one system. For one area alone we have found more than \
         18,000 inspection reports, and older ones sit in about 1,400 boxes of files, over a 5 \
         year period.\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::Refused, "{:?}", row(&a, "1"));
    let b = analyse_text(
        "Request\n\n1. How many road stud defects were reported in 2023?\n\n\
         Response\n\n1. There were 412 defects reported in 2023. A breakdown by road would cost \
         more than the appropriate limit under section 12.\n",
        "t.txt",
    );
    assert_eq!(row(&b, "1").0, Status::Partial, "{:?}", row(&b, "1"));
}

/// A page that pastes the request back with each answer after a dash on the ask's own line,
/// with no word of the law on it: the asks are the questions, the words after the dash their
/// answers.
#[test]
fn asks_answered_after_a_dash_on_their_own_lines() {
    let a = analyse_text(
        "Please could you confirm whether the hospital has installed ceiling hoists since 2017. \
         – Yes.\n\n\
         If so, please could you state the number installed in each year? – 2017/18: 2, \
         2018/19: 3.\n\n\
         Could you confirm whether any have been taken out of use? – No.\n\n\
         ©2022 Example Hospital\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    assert_eq!(row(&a, "1").2, "Yes.");
    assert_eq!(row(&a, "3").2, "No.");
    assert_eq!(row(&a, "2").0, Status::Answered);
}

/// "Request:" and "Response:" headings, with a "Decision" heading alone on its line inside the
/// response: the decision and the labelled answers after it are the response's.
#[test]
fn a_decision_heading_inside_the_response_continues_it() {
    let a = analyse_text(
        "Request:\nQ1. Please provide the number of incidents attended in 2024.\n\
         Q2. Please provide the names of the hauliers you used in 2024.\n\
         Response:\nExtent of searches\nSearches were conducted within the force.\n\
         Decision\nI have decided to disclose some of the information. The information relevant \
         to Q2 is withheld under Section 43(2).\n\
         Q1. 137 incidents were attended.\n\
         Q2. Disclosing their names would be likely to prejudice commercial interests.\n",
        "t.txt",
    );
    let q1 = a.questions.iter().find(|q| q.id == "Q1").expect("Q1");
    assert_eq!(figures(q1).first(), Some(&137.0), "{:?}", q1.answer);
    assert_eq!(row(&a, "Q1").0, Status::Answered);
}

/// Prose asks in one letter ("Please send …. Also the …", "…, and tell me …") answered under
/// topic headings, each a line over its paragraph: each ask is a question, and each heading's
/// paragraph answers the ask that holds the heading's words, refusal and all.
#[test]
fn topic_headings_answer_the_prose_asks_they_name() {
    let a = analyse_text(
        "Dear Borough Council,\n\n\
         Please send me every contract for cleaning the town's subways. Also the contract for \
         the poster boards in the subways.\n\n\
         Please send a list of subways that are closed, and tell me your policy for removing \
         their signs.\n\nYours faithfully,\n\nA Walker\n\n\
         Dear Ms Walker,\n\nThank you for your request under the Freedom of Information Act.\n\n\
         Subway cleaning contract\nWe attach the cleaning contract. Its prices are withheld \
         under section 43(2) (commercial interests).\n\n\
         Poster boards\nThe boards are run by a charity; the council holds no contract for \
         them.\n\n\
         Closed subways\nThere are 4 closed subways: North Road, Mill Lane, Bank Street and \
         Quay Walk.\n\n\
         Policy on removing signs\nSigns are removed when inspectors report them.\n\n\
         Yours sincerely,\n\nInformation Governance Team\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3", "4"]);
    let (status, exemptions, answer) = row(&a, "1");
    assert_eq!(status, Status::Partial);
    assert_eq!(exemptions, ["43(2)"]);
    assert!(answer.starts_with("Subway cleaning contract"), "{answer}");
    assert!(row(&a, "2").2.starts_with("Poster boards"));
    assert!(row(&a, "3").2.starts_with("Closed subways"));
    assert!(row(&a, "4").2.starts_with("Policy on removing signs"));
}

/// A letter extracted from a PDF as one run-on line, each question followed by its answer
/// before the next question's number: each takes the words between.
#[test]
fn run_on_letter_answers_each_question_before_the_next() {
    let a = analyse_text(
        "Example College Records Office 3 March 2024 Dear Requester Freedom of Information \
         (Scotland) Act 2002 Our Ref: 101-24 Thank you for your request received on 2 February \
         2024. Your questions and our answers are set out below. Our response 1. How many \
         parking permits were issued in 2023? 1,204 permits were issued to staff and students. \
         2. How much did the College collect in parking fees in 2023? The College collected \
         £38,120 in fees. 3. How many penalty notices were issued in 2023? The College does not \
         hold this information. 4. Who enforces the parking rules? Enforcement is carried out by \
         the Estates team.\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::Answered);
    assert!(
        row(&a, "1").2.starts_with("1,204 permits"),
        "{}",
        row(&a, "1").2
    );
    assert_eq!(row(&a, "2").0, Status::Answered);
    assert_eq!(row(&a, "3").0, Status::NotHeld);
}

/// "If so, …" after a question answered no does not apply, though one sentence answers both.
#[test]
fn a_condition_answered_no_leaves_its_follow_up_not_applicable() {
    let a = analyse_text(
        "REF: FOI 2201\n\nSubject: Scanner repairs\n\nRequest:\n\
         - Do you have a maintenance contract for your scanners?\n\
         - If so, who is the contract with?\n\
         - How many scanners do you have?\n\n\
         Response:\n\
         1. No contract is in place as repairs are done in house.\n\
         3. 14\n",
        "t.txt",
    );
    assert_eq!(row(&a, "1").0, Status::Answered);
    assert_eq!(row(&a, "2").0, Status::NotApplicable);
    assert_eq!(row(&a, "3").2, "14");
}

#[test]
fn an_answer_pointing_at_the_refusal_notice_below_takes_its_provisions() {
    let a = analyse_text(
        "Freedom of Information Request FOI 3107\n\n\
         1. How many staff were dismissed in 2023/24?\n\
         47 members of staff were dismissed.\n\n\
         2. Please give the job title of each person dismissed.\n\
         See refusal notice below.\n\n\
         3. Please give the reason for each dismissal.\n\
         See refusal notice below.\n\
         Refusal notice\n\
         The Trust is withholding the information requested at questions 2 and 3 under section \
         40(2) of the Freedom of Information Act, as the numbers are small and the people \
         concerned could be identified from it.\n",
        "t.txt",
    );
    assert_eq!(row(&a, "2").0, Status::Refused);
    assert_eq!(row(&a, "2").1, vec!["40(2)".to_string()]);
    assert_eq!(row(&a, "1").1, Vec::<String>::new());
}

#[test]
fn a_sole_question_is_answered_by_the_letter_not_by_its_echo() {
    // One quoted ask; a sentence of the reply repeats its words, and the exemption of the
    // names stands in a later paragraph: the letter answers, exemption and all.
    let a = analyse_text(
        "Taxi accounts\n\nThank you for your e-mail in which you asked for the following \
         information:\n\n\u{201c}I would like a copy of all invoices or statements which show spending on \
         taxi services, or on taxi fares claimed back by staff, for each of the last three \
         years.\u{201d}\n\nI have attached four tables. The first three show spending on the contracted taxi firm. \
         The fourth table shows taxi fares claimed back by staff through the expenses system \
         over the same three years.\n\nThe names of the staff who travelled have been removed \
         from the spreadsheets. This is personal information and is exempt under section \
         40(2) of the Act.\n\nIf you are unhappy with our response, you may ask us to review it.\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1"]);
    let (status, exemptions, answer) = row(&a, "1");
    assert_eq!(exemptions, ["40(2)"]);
    assert_eq!(status, Status::Partial);
    assert!(answer.contains("I have attached four tables"), "{answer}");
    assert!(answer.contains("exempt under section"), "{answer}");
}

#[test]
fn a_request_of_one_sentence_asking_why_and_whether() {
    let text = "Detainees taken to hospital (4471/24)\n\nRequest\n\nWith reference to the report \
                in the local paper I would like to know why the 23 people were in custody and \
                whether custody CCTV footage was kept for any of them.\n\nResponse\n\nThe \
                attached document lists the reason for detention of each of the 23 detainees.\n\n\
                Custody CCTV is kept for 90 days. Footage was retained for 9 of the 23 detainees.\n";
    let a = analyse_text(text, "t.txt");
    assert_eq!(ids(&a), ["1", "2"]);
    assert!(a.questions[1].text.starts_with("whether custody CCTV"));
    // A scene-setting clause before a semicolon is no ask of its own.
    let a = analyse_text(
        &text.replace(
            "With reference to the report in the local paper I would like to know why the 23 \
             people were in custody and whether",
            "I understand you keep a log of detainees; could you tell me whether",
        ),
        "t.txt",
    );
    assert_eq!(ids(&a), ["1"]);
}

/// A request pasted without a page header, asking outright and signed by the requester, then
/// a reply to that person that holds nothing: the list is the request, and the reply's one
/// paragraph answers every question.
#[test]
fn a_signed_request_then_a_reply_to_its_writer_that_holds_nothing() {
    let a = analyse_text(
        "Library opening hours\n\
         I am trying to understand how library hours have changed.\n\
         1. How many libraries did the council run in 2019?\n\
         2. How many hours a week was each library open in 2019?\n\
         3. How many hours a week is each library open now?\n\
         Yours faithfully,\n\
         Ann Example\n\
         Dear Ms Example\n\
         I have considered your request and must tell you that the Council does not hold the \
         information you have asked for. Libraries in this area are run by the county council, \
         so you may wish to contact them.\n\
         Kind regards\n\
         Information Officer\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2", "3"]);
    for id in ["1", "2", "3"] {
        let (status, _, answer) = row(&a, id);
        assert_eq!(status, Status::NotHeld, "{id}");
        assert!(answer.starts_with("I have considered"), "{id}: {answer}");
    }
    assert_eq!(a.thread.requester.as_deref(), Some("Ann Example"));
}

/// A WhatDoTheyKnow sender line whose team name carries the body's name in brackets
/// ("FOI Requests (Board - Information Governance), Board"), after a request that ends
/// "Many thanks for your help." rather than with a sign-off: the reply below it is a message
/// of its own, and its letter, under a letterhead, answers the request.
#[test]
fn a_sender_line_with_a_bracketed_team_and_a_letterhead_above_the_salutation() {
    let a = analyse_text(
        "Dear FOI Team,\n\
         I would be grateful if you could tell me:\n\
         1. How many agency nurses did the Board employ in 2023?\n\
         2. How much did the Board spend on agency nurses in 2023?\n\
         Many thanks for your help.\n\
         Jo Example\n\n\
         FOI Requests (Example UHB - Information Governance), Example University Health Board\n\n\
         Example University Health Board\n\
         Headquarters, Example Road\n\
         Our Ref: FOI-2024-117\n\
         Date: 3 May 2024\n\n\
         Dear Jo Example\n\n\
         I can confirm that the Board does not hold information falling within questions 1 and \
         2 of your request, as agency nurses are booked by the national partnership.\n\n\
         Yours sincerely\n\
         Information Governance\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["1", "2"]);
    assert_eq!(
        a.thread.authority.as_deref(),
        Some("Example University Health Board")
    );
    for id in ["1", "2"] {
        let (status, _, answer) = row(&a, id);
        assert_eq!(status, Status::NotHeld, "{id}");
        assert!(answer.starts_with("I can confirm"), "{id}: {answer}");
    }
}

/// "Q1 / …" and "A1 / …": questions and answers labelled with a slash, all under one
/// "Information requested:" heading with no response heading: the section answers itself.
#[test]
fn slash_labelled_questions_and_answers_under_one_request_heading() {
    let a = analyse_text(
        "Freedom of Information request EX 1001\n\
         Example Hospitals NHS Trust\n\
         Information requested:\n\
         Q1 / Please send a copy of the 2023 estates strategy\n\
         A1 / The strategy is attached.\n\
         Q2 / Please send a copy of the draft 2024 strategy\n\
         A2 / The draft will be published once it is approved. Section 22 applies.\n\
         Q3 / How many estates staff does the Trust employ\n\
         A3 / 41\n",
        "t.txt",
    );
    assert_eq!(ids(&a), ["Q1", "Q2", "Q3"]);
    let (status, _, answer) = row(&a, "Q1");
    assert_eq!(
        (status, answer.as_str()),
        (Status::Answered, "The strategy is attached.")
    );
    let (status, exemptions, _) = row(&a, "Q2");
    assert_eq!(
        (status, exemptions),
        (Status::Refused, vec!["22".to_string()])
    );
    let q3 = &a.questions[2];
    assert_eq!(figures(q3), [41.0]);
}

/// A disclosure page that prints the request in prose under "FOI Request", then under "FOI
/// Response" restates each ask ("You asked: 1. …") over its answer ("Our response:"): the
/// restated asks are the request's own, answered there, not new questions.
#[test]
fn asks_restated_one_by_one_under_you_asked_are_the_requests_own() {
    let text = "FOI Request\n\nPlease could you tell me how much the Trust spent on agency \
                porters in each of the last two financial years. I would also like to know how \
                many agency porters the Trust booked in each of those two years.\n\nFOI Response\n\nThank you for \
                your request. Our response is set out below.\n\nYou asked:\n\n1. How much the \
                Trust spent on agency porters in each of the last two financial years.\n\nOur \
                response:\n\n2022/23 £41,200\n2023/24 £52,900\n\nYou asked:\n\n2. How many agency \
                porters the Trust booked in each of those two years.\n\nOur response:\n\n\
                2022/23 17\n2023/24 23\n";
    let a = analyse_text(text, "t.txt");
    assert_eq!(ids(&a), ["1", "2"]);
    assert_eq!(figures(&a.questions[0]), [41200.0, 52900.0]);
    assert_eq!(figures(&a.questions[1]), [17.0, 23.0]);
}
