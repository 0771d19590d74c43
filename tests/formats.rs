//! Every form a reply arrives in (issue 14), on real files.
//!
//! The fixtures in `tests/fixtures/formats/` were made by `make.py` beside them with the tools
//! public bodies use (python-docx, openpyxl, reportlab, Python's `email`) from the corpus's
//! plain-text replies: each must analyse to the same table as the text it came from. The hostile
//! files there must each be refused with a clear message within a second, and a batch with them
//! in it goes on. WhatDoTheyKnow's 68 odd e-mails and 5 saved request pages are read in place.

#![cfg(all(
    feature = "email",
    feature = "office",
    feature = "html",
    feature = "pdf"
))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use foi_analyser::decode::{decode, decode_opts, reader_needed, Options};
use foi_analyser::model::{Analysis, Level};
use foi_analyser::{analyse, report};
use serde_json::Value as Json;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What score.py compares, as one comparable value: per question its id, status, exemptions
/// and values; the thread's authority, references, requester, received date, due date and
/// outcome.
fn scored(a: &Analysis) -> Json {
    let j: Json = serde_json::from_str(&report::to_json(a)).expect("JSON");
    let questions: Vec<Json> = j["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let values: Vec<Json> = q["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| serde_json::json!([v["kind"], v["value"]]))
                .collect();
            serde_json::json!({
                "id": q["id"], "status": q["status"], "exemptions": q["exemptions"],
                "values": values, "answered": !q["answer"].is_null(),
            })
        })
        .collect();
    let t = &j["thread"];
    serde_json::json!({
        "questions": questions,
        "thread": [t["authority"], t["references"], t["requester"], t["received"], t["due"], t["outcome"]],
    })
}

/// Each fixture, the format it must be read as, and the corpus text it was made from.
const FROM_TEXT: &[(&str, &str, &str)] = &[
    (
        "eir-planning-reply.list-numbers.docx",
        "docx",
        "synthetic/eir-planning-reply.txt",
    ),
    (
        "eir-planning-reply.list-numbers.odt",
        "odt",
        "synthetic/eir-planning-reply.txt",
    ),
    (
        "district-council-table.docx",
        "docx",
        "synthetic/district-council-table.txt",
    ),
    // A Word file saved as .txt: read by its content.
    (
        "district-council-table.docx.txt",
        "docx",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.xlsx",
        "xlsx",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.ods",
        "ods",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.odt",
        "odt",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.csv",
        "csv",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.pdf",
        "pdf",
        "synthetic/district-council-table.txt",
    ),
    (
        "district-council-table.mbox",
        "mbox",
        "synthetic/district-council-table.txt",
    ),
    (
        "police-ncnd-subparts.wdtk.zip",
        "zip",
        "synthetic/police-ncnd-subparts.txt",
    ),
    (
        "nhs-trust-disclosure-log.html",
        "html",
        "synthetic/nhs-trust-disclosure-log.txt",
    ),
];

#[test]
fn each_fixture_analyses_like_the_text_it_was_made_from() {
    let mut failures = Vec::new();
    for (name, format, text) in FROM_TEXT {
        let plain = analyse(&read(&common::corpus_dir().join(text)), text);
        let a = analyse(&read(&fixture(name)), name);
        assert_eq!(a.source.format, *format, "{name}");
        assert!(!plain.questions.is_empty(), "{text} has questions");
        if scored(&a) != scored(&plain) {
            failures.push(format!(
                "{name}:\n  fixture {}\n  text    {}",
                scored(&a),
                scored(&plain)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// E-mails differ from their text in the thread facts an e-mail's own headers give (a subject
/// is a title, the sending date is when it was responded): the questions must be the same.
#[test]
fn emails_give_the_questions_of_the_text_they_carry() {
    let cases = [
        // The answer is in an attached Word file, not in the body.
        (
            "police-ncnd-subparts.docx-attached.eml",
            "synthetic/police-ncnd-subparts.txt",
        ),
        // The answer in an attached PDF.
        (
            "police-ncnd-subparts.pdf-attached.eml",
            "synthetic/police-ncnd-subparts.txt",
        ),
        // No text/plain part: the HTML body is read as text.
        (
            "nhs-trust-disclosure-log.html-only.eml",
            "synthetic/nhs-trust-disclosure-log.txt",
        ),
        // Quoted-printable in Windows-1252.
        (
            "prose-reply-no-restated-questions.windows-1252.eml",
            "synthetic/prose-reply-no-restated-questions.txt",
        ),
    ];
    for (name, text) in cases {
        let plain = analyse(&read(&common::corpus_dir().join(text)), text);
        let a = analyse(&read(&fixture(name)), name);
        assert_eq!(a.source.format, "email", "{name}");
        assert_eq!(
            scored(&a)["questions"],
            scored(&plain)["questions"],
            "{name}"
        );
        assert_eq!(a.thread.authority, plain.thread.authority, "{name}");
        assert_eq!(a.thread.references, plain.thread.references, "{name}");
    }
}

#[test]
fn word_list_numbers_are_rebuilt_and_letterhead_is_left_out() {
    let bytes = read(&fixture("eir-planning-reply.list-numbers.docx"));
    let d = decode(&bytes).unwrap();
    // The digits are not in the document's text: Word draws them from numbering.xml.
    assert!(!String::from_utf8_lossy(&bytes).contains("1. Copies"));
    assert!(
        d.text.contains("\n1. Copies of all flood risk"),
        "{}",
        d.text
    );
    assert!(d.text.contains("\n3. Any correspondence"), "{}", d.text);
    // The second list restarts at 1 (its own w:num with a startOverride).
    assert!(
        d.text.contains("\n1. The flood risk assessments"),
        "{}",
        d.text
    );
    assert!(!d.text.contains("letterhead"), "the page header was read");
}

#[test]
fn odt_list_numbers_are_rebuilt_from_the_list_style() {
    let bytes = read(&fixture("eir-planning-reply.list-numbers.odt"));
    let d = decode(&bytes).unwrap();
    assert_eq!(d.format, "odt");
    // LibreOffice draws the numbers from the list style "Numbering 123" of styles.xml.
    for text in [
        "1. Copies of all flood risk",
        "3. Any correspondence",
        "2. 412 objections",
    ] {
        assert!(d.text.contains(&format!("\n{text}")), "{text}: {}", d.text);
    }
    // Each text:list restarts.
    assert!(
        d.text.contains("\n1. The flood risk assessments"),
        "{}",
        d.text
    );
    let a = analyse(&bytes, "reply.odt");
    let ids: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
}

#[test]
fn the_source_map_says_where_each_stretch_came_from() {
    let d = decode(&read(&fixture("police-ncnd-subparts.docx-attached.eml"))).unwrap();
    let att = d
        .parts
        .iter()
        .find(|p| p.kind == "attachment")
        .expect("an attachment part");
    assert_eq!(att.label, "attachment 1: FOI response.docx");
    let text = &d.text[att.span.start..att.span.end];
    assert!(text.contains("The force owns 14 drones."), "{text}");
    let body = d.parts.iter().find(|p| p.kind == "body").unwrap();
    assert!(d.text[body.span.start..body.span.end].contains("Please find attached"));

    let d = decode(&read(&fixture("district-council-table.pdf"))).unwrap();
    let pages: Vec<&str> = d.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(pages, ["page 1"]);
    let d = decode(&read(&fixture("police-ncnd-subparts.wdtk.zip"))).unwrap();
    let files: Vec<&str> = d
        .parts
        .iter()
        .filter(|p| p.kind == "member")
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(
        files,
        [
            "file 1: correspondence.txt",
            "file 2: 2_2_FOI response.docx"
        ]
    );
    // The analysis carries the map.
    let a = analyse(&read(&fixture("district-council-table.xlsx")), "x.xlsx");
    assert_eq!(a.source.parts.len(), 1);
    assert_eq!(a.source.parts[0].label, "sheet Response");
}

/// The hostile files, the code of the error each gets, and a word of its message.
const HOSTILE: &[(&str, &str, &str)] = &[
    ("zip-bomb.docx", "zip-bomb", "zip bomb"),
    ("truncated.zip", "damaged-zip", "truncated or damaged"),
    ("broken-xref.pdf", "damaged-pdf", "PDF is damaged"),
    ("nested-1000-parts.eml", "too-many-parts", "MIME parts"),
    ("png-renamed.pdf", "binary-input", "image"),
    ("billion-laughs.docx", "xml-dtd", "billion laughs"),
];

#[test]
fn hostile_files_get_a_clear_message_within_a_second() {
    for (name, code, words) in HOSTILE {
        let bytes = read(&fixture(&format!("hostile/{name}")));
        let t = Instant::now();
        let a = analyse(&bytes, name);
        let took = t.elapsed();
        assert!(took < Duration::from_secs(1), "{name} took {took:?}");
        let errors: Vec<_> = a
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{name}: {:?}", a.diagnostics);
        assert_eq!(errors[0].code, *code, "{name}: {}", errors[0].message);
        assert!(
            errors[0].message.contains(words),
            "{name}: {}",
            errors[0].message
        );
        assert!(a.questions.is_empty());
    }
}

#[test]
fn a_batch_with_hostile_files_goes_on_in_the_cli() {
    let mut args: Vec<PathBuf> = HOSTILE
        .iter()
        .map(|(n, _, _)| fixture(&format!("hostile/{n}")))
        .collect();
    args.insert(3, fixture("district-council-table.docx"));
    let t = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_foi-analyser"))
        .args(&args)
        .output()
        .expect("run the CLI");
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    for (name, _, words) in HOSTILE {
        assert!(
            err.lines().any(|l| l.contains(name) && l.contains(words)),
            "stderr lacks {name}: {err}"
        );
    }
    let all: Json = serde_json::from_slice(&o.stdout).expect("a JSON array");
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), args.len());
    assert_eq!(all[3]["source"]["format"], "docx");
    assert_eq!(all[3]["questions"].as_array().unwrap().len(), 8);
}

#[test]
fn whatdotheyknow_emails_are_read_within_a_second_and_give_their_body() {
    let emails = common::eml();
    assert_eq!(emails.len(), 68);
    let mut read_as_email = 0;
    for e in &emails {
        let bytes = e.bytes();
        // Reading is timed; the analysis after it must not panic (its speed is the
        // pipeline's, measured by the benches).
        let t = Instant::now();
        let d = decode(&bytes);
        let took = t.elapsed();
        assert!(took < Duration::from_secs(1), "{} took {took:?}", e.name);
        let a = analyse(&bytes, &e.name);
        let Ok(d) = d else {
            assert!(a.diagnostics.iter().any(|d| d.level == Level::Error));
            continue;
        };
        if d.format == "email" {
            read_as_email += 1;
        }
        // The first words of the text body, as mail-parser reads it, are in the decoded text.
        let Some(msg) = mail_parser::MessageParser::default().parse(&bytes[..]) else {
            continue;
        };
        let Some(body) = msg.body_text(0) else {
            continue;
        };
        let words: Vec<&str> = body.split_whitespace().take(8).collect();
        if words.is_empty() {
            continue;
        }
        let flat: String = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&words.join(" ")),
            "{}: the body's first words `{}` are not in the decoded text",
            e.name,
            words.join(" ")
        );
    }
    assert!(
        read_as_email >= 60,
        "only {read_as_email} of 68 read as e-mail"
    );
}

#[test]
fn whatdotheyknow_pages_become_one_message_per_correspondence_item() {
    let dir = common::corpus_dir().join("real-pages");
    let mut pages = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = read(&path);
        let html = String::from_utf8_lossy(&bytes);
        let items = html.matches("id=\"incoming-").count() + html.matches("id=\"outgoing-").count();
        let dates: Vec<&str> = html
            .match_indices("class=\"correspondence__header__date\"")
            .filter_map(|(i, _)| {
                let t = i + html[i..].find("<time datetime=\"")? + 16;
                html.get(t..t + 10)
            })
            .collect();
        let a = analyse(&bytes, "page.html");
        assert_eq!(a.source.format, "wdtk-page", "{}", path.display());
        // Each correspondence item is a message with its sender and date (a quoted section
        // inside one, found by the splitter, has neither).
        let items_read: Vec<Option<&str>> = a
            .thread
            .messages
            .iter()
            .filter(|m| m.sender.is_some())
            .map(|m| m.date.as_deref())
            .collect();
        assert_eq!(items_read.len(), items, "{}", path.display());
        let want: Vec<Option<&str>> = dates.iter().map(|d| Some(*d)).collect();
        assert_eq!(items_read, want, "{}", path.display());
        pages += 1;
    }
    assert_eq!(pages, 5);
}

#[test]
fn scanned_pdf_and_html_pages_say_what_they_are() {
    // A PDF whose page has only a drawing, no text: a scan.
    let a = analyse(&read(&fixture("scanned.pdf")), "scan.pdf");
    let e = a
        .diagnostics
        .iter()
        .find(|d| d.level == Level::Error)
        .expect("an error");
    assert!(
        e.message
            .contains("no text layer (a scanned image); OCR is not supported"),
        "{}",
        e.message
    );
    // Scripts and styles are dropped; table rows are kept as rows.
    let d = decode(&read(&fixture("nhs-trust-disclosure-log.html"))).unwrap();
    assert_eq!(d.format, "html");
    assert!(!d.text.contains("var x"), "{}", d.text);
    assert!(!d.text.contains("margin"), "{}", d.text);
}

/// Damaged copies of every fixture (bytes flipped, cut short, a run zeroed) are read or refused
/// without a panic and within a second: the readers' own parsing of zip directories, XML, MIME
/// and PDF structure must hold on whatever arrives.
#[test]
fn damaged_copies_of_every_fixture_are_read_or_refused_without_harm() {
    let dir = fixture("");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x != "py"))
        .collect();
    names.sort();
    assert!(names.len() >= 12);
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    // `FORMATS_ROUNDS=N` runs N damaged copies of each (a longer run before a release).
    let rounds: usize = std::env::var("FORMATS_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    for path in &names {
        let good = read(path);
        for round in 0..rounds {
            let mut bytes = good.clone();
            match round % 3 {
                0 => {
                    for _ in 0..1 + next(8) {
                        let i = next(bytes.len());
                        bytes[i] ^= 1 << next(8);
                    }
                }
                1 => bytes.truncate(next(bytes.len())),
                _ => {
                    let i = next(bytes.len());
                    let end = (i + 1 + next(64)).min(bytes.len());
                    bytes[i..end].iter_mut().for_each(|b| *b = 0);
                }
            }
            let t = Instant::now();
            let a = std::panic::catch_unwind(|| analyse(&bytes, "damaged"));
            let took = t.elapsed();
            let name = path.file_name().unwrap().to_string_lossy();
            assert!(a.is_ok(), "{name} round {round}: panicked");
            assert!(
                took < Duration::from_secs(2),
                "{name} round {round}: {took:?}"
            );
        }
    }
}

/// Each limit, made small, is breached with its message; the defaults read every fixture.
#[test]
fn each_limit_is_a_message_in_words() {
    use foi_analyser::decode::{decode_with, Limits};
    let docx = read(&fixture("district-council-table.docx"));
    let e = decode_with(
        &docx,
        Limits {
            max_inflated: 20_000,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code, "too-large-inflated", "{}", e.message);
    assert!(e.message.contains("unpacks to more than"), "{}", e.message);

    let pdf = read(&fixture("district-council-table.pdf"));
    let e = decode_with(
        &pdf,
        Limits {
            max_pages: 0,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code, "too-many-pages", "{}", e.message);

    let eml = read(&fixture("police-ncnd-subparts.docx-attached.eml"));
    let e = decode_with(
        &eml,
        Limits {
            max_mime_parts: 2,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code, "too-many-parts", "{}", e.message);

    // A zip in a zip … ten deep, the reply in the innermost: past the depth limit the inner
    // zips are not read, and the warning says so.
    let mut bytes = read(&fixture("police-ncnd-subparts.wdtk.zip"));
    for i in 0..10 {
        bytes = stored_zip(&format!("level-{i}.zip"), &bytes);
    }
    let e = decode(&bytes).unwrap_err();
    assert_eq!(e.code, "empty-input");
    assert!(
        e.message.contains("nested more than 8 deep"),
        "{}",
        e.message
    );
    let d = decode_with(
        &bytes,
        Limits {
            max_depth: 12,
            ..Limits::default()
        },
    )
    .unwrap();
    assert!(d.text.contains("The force owns 14 drones."));
}

/// A zip of one stored member (no compression), as any zip tool can write.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let crc = crc32(data);
    let n = name.len() as u16;
    let size = data.len() as u32;
    let mut z = Vec::new();
    z.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    let cd = z.len() as u32;
    z.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&[0; 12]);
    z.extend_from_slice(&0u32.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    let cd_size = z.len() as u32 - cd;
    z.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
    z.extend_from_slice(&cd_size.to_le_bytes());
    z.extend_from_slice(&cd.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// The page reads PDFs with PDF.js and hands their text to the decoder, one entry per PDF in the
/// order the decoder meets them: here the first of the PDFs attached to a real e-mail.
#[test]
fn pdf_text_read_outside_takes_the_place_of_each_pdf() {
    let bytes =
        read(&common::corpus_dir().join("peers/alaveteli/eml/apple-mail-with-attachments.eml"));
    let out = decode_opts(
        &bytes,
        Options {
            pdf_texts: vec!["First page\x0c\x0cThird page".into()],
            ..Options::default()
        },
    );
    let d = out.result.unwrap();
    let label = |kind: &str| -> Vec<String> {
        d.parts
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.label.clone())
            .collect()
    };
    // The first PDF is the one supplied (the others, in this full build, read by pdf-extract).
    assert_eq!(label("page")[..2], ["page 1", "page 3"]);
    let page3 = d.parts.iter().find(|p| p.label == "page 3").unwrap();
    assert_eq!(&d.text[page3.span.start..page3.span.end], "Third page");
    assert!(
        label("attachment").iter().any(|l| l.ends_with(".pdf")),
        "{:?}",
        d.parts
    );
    assert!(d
        .diagnostics
        .iter()
        .any(|g| g.code == "pdf-pages-without-text"));
    // What could not be read outside is said in the decoder's words.
    for (why, code) in [
        ("\0damaged", "damaged-pdf"),
        ("\0encrypted", "encrypted"),
        ("\0too-many-pages:9000", "too-many-pages"),
        ("\0timeout", "pdf-timeout"),
    ] {
        let pdf = b"%PDF-1.4\n";
        let r = decode_opts(
            pdf,
            Options {
                pdf_texts: vec![why.into()],
                ..Options::default()
            },
        )
        .result;
        assert_eq!(r.unwrap_err().code, code, "{why}");
    }
}

/// In the full build (the CLI) every fixture is read by this build's own readers.
#[test]
fn the_full_build_needs_no_other_reader() {
    for entry in std::fs::read_dir(fixture(""))
        .unwrap()
        .chain(std::fs::read_dir(fixture("hostile")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(reader_needed(&read(&path)), None, "{}", path.display());
        }
    }
}
