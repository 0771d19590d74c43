//! Developer aid: prints what the early stages read in a file — its messages, the question
//! markers, the numbered lists built from them, the questionnaire chosen and how each answer
//! was found.
//! `cargo run --example inspect -- FILE`

use foi_analyser::text::Doc;
use foi_analyser::{markers, messages, normalise, questionnaire, sections};

fn main() {
    let path = std::env::args().nth(1).expect("usage: inspect FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let text = String::from_utf8_lossy(&bytes);
    let norm = normalise::normalise(&text);
    let doc = Doc::new(&norm.text);
    let thread = messages::split(&doc);
    for (i, m) in thread.msgs.iter().enumerate() {
        let head: String = norm.text[m.start..m.end].chars().take(60).collect();
        println!(
            "msg {i}: {}..{} requester={} quoted={} date={:?} sender={:?} | {:?}",
            m.start, m.end, m.from_requester, m.quoted, m.date, m.sender, head
        );
    }
    for h in sections::headings(&doc, &thread) {
        println!("heading {:?} at {} content {}", h.kind, h.start, h.content);
    }
    for u in sections::units(&doc, &thread) {
        println!("unit request {:?} response {:?}", u.request, u.response);
    }
    let ms = markers::find(&doc);
    for (i, m) in ms.iter().enumerate() {
        println!(
            "marker {i}: {:?} {:?} line_start={} at {}",
            m.written, m.style, m.line_start, m.start
        );
    }
    let all: Vec<usize> = (0..ms.len()).collect();
    for b in questionnaire::build_blocks(&doc, &ms, &all) {
        let ids: Vec<String> = b
            .iter()
            .map(|(i, l)| format!("{}={}", ms[*i].written, l.key()))
            .collect();
        println!("block: {}", ids.join(" "));
    }
    match questionnaire::find(&doc, &thread, &ms) {
        Some(q) => {
            println!(
                "questionnaire from_request={} msg={:?}",
                q.from_request, q.msg
            );
            for it in &q.items {
                println!(
                    "  {} [{}] header={} {:?}",
                    it.id, it.key, it.header, it.text
                );
            }
            let found = foi_analyser::align::align(&doc, &thread, &ms, &q);
            for (it, f) in q.items.iter().zip(&found) {
                let head: String = f.text.chars().take(70).collect();
                println!(
                    "  answer {} {:?} {:?} restated {:?} {:?}",
                    it.id, f.via, f.span, f.restated, head
                );
                for &(s, e) in &f.notes {
                    let n: String = doc.text[s..e].chars().take(70).collect();
                    println!("    note {:?}", n);
                }
            }
        }
        None => println!("no questionnaire"),
    }
}
