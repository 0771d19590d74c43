//! The comparison of a batch on real replies: the seeds (one questionnaire, three councils), the
//! three police forces' letters (one request, three layouts), and generated variants.

mod common;

use foi_analyser::compare::{compare, Comparison, Membership, Reply};

fn corpus(path: &str) -> Vec<u8> {
    let p = common::corpus_dir().join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn reply(path: &str) -> Reply {
    Reply::from_analysis(&foi_analyser::analyse(&corpus(path), path))
}

/// `reply id -> canonical id` for one reply, as a printable list.
fn mapping(cmp: &Comparison, r: usize) -> Vec<(String, Option<String>, f32)> {
    cmp.replies[r]
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.canonical.clone(), q.confidence))
        .collect()
}

fn print(cmp: &Comparison) {
    for (r, m) in cmp.replies.iter().enumerate() {
        eprintln!("reply {r} {} {:?} rate {}", m.source, m.questionnaire, m.match_rate);
        for q in mapping(cmp, r) {
            eprintln!("   {:>6} -> {:?} {:.2}", q.0, q.1, q.2);
        }
    }
    eprintln!("canonical: {:?}", cmp.questionnaire.iter().map(|c| &c.id).collect::<Vec<_>>());
}

#[test]
fn seeds_as_one_batch() {
    let replies: Vec<Reply> = ["seeds/portsmouth-crm.txt", "seeds/oxford-crm.txt", "seeds/stoke-crm.txt"]
        .iter()
        .map(|p| reply(p))
        .collect();
    let cmp = compare(&replies, &[]);
    print(&cmp);
}

#[test]
fn police_letters_as_one_batch() {
    let replies: Vec<Reply> = ["cumbria", "durham", "humberside"]
        .iter()
        .map(|p| reply(&format!("real-threads/{p}-police-hospital-crime.txt")))
        .collect();
    let cmp = compare(&replies, &[]);
    print(&cmp);
}
