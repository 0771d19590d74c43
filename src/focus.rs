//! The part of an answer shared by several questions that speaks of one of them.
//!
//! A prose letter often answers several asks in one passage ("The information requested is
//! attached. … we no longer release the names of traders, which are exempt under section
//! 40(2)."). Aligned to every ask, the passage reads as partial for each. Each sentence is
//! given to the questions whose distinctive words it carries most: words that every question of
//! the group shares distinguish nothing, and a word fewer questions share weighs more. A
//! question's focus is the passage without the sentences that belong to other questions only;
//! the letter's general sentences, which name none, stay in every focus.

use std::collections::HashMap;

/// A word's stem: its first five characters, lower case, for words of four letters or more
/// that are not among the commonest.
fn stems(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in crate::align::content_words(s) {
        // Month names label figures ("January - 9, February - 11"); they name no question.
        if w.chars().count() < 4
            || w.chars().all(|c| c.is_ascii_digit())
            || crate::dates::month_from_name(&w).is_some()
        {
            continue;
        }
        let st: String = w.chars().take(5).collect();
        if !out.contains(&st) {
            out.push(st);
        }
    }
    out
}

/// The sentences of a shared answer that speak of question `me` of `questions` (the group that
/// shares it), or `None` when no sentence belongs to another question alone.
pub fn focus(
    text: &str,
    sentences: &[(usize, usize)],
    questions: &[&str],
    me: usize,
) -> Option<Vec<(usize, usize)>> {
    if questions.len() < 2 || sentences.len() < 2 {
        return None;
    }
    let q_stems: Vec<Vec<String>> = questions.iter().map(|q| stems(q)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for st in &q_stems {
        for w in st {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n = questions.len();
    let mut kept = Vec::with_capacity(sentences.len());
    let mut dropped = false;
    // A line of figures alone ("2019/20 - 148") goes with the words before it.
    let mut prev_mine = true;
    for &(s, e) in sentences {
        let words = stems(&text[s..e]);
        if words.is_empty() {
            if prev_mine {
                kept.push((s, e));
            } else {
                dropped = true;
            }
            continue;
        }
        let scores: Vec<f64> = q_stems
            .iter()
            .map(|qs| {
                qs.iter()
                    .filter(|w| df[w.as_str()] < n && words.contains(w))
                    .map(|w| 1.0 / df[w.as_str()] as f64)
                    .sum()
            })
            .collect();
        let max = scores.iter().cloned().fold(0.0, f64::max);
        // Owned by the questions near the best; a sentence that names none is the letter's.
        let mine = max == 0.0 || scores[me] >= 0.75 * max;
        prev_mine = mine;
        if mine {
            kept.push((s, e));
        } else {
            dropped = true;
        }
    }
    (dropped && !kept.is_empty()).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for s in text.split_inclusive(". ") {
            out.push((from, from + s.len()));
            from += s.len();
        }
        out
    }

    #[test]
    fn sentences_of_other_questions_leave_the_focus() {
        let text = "The information requested is attached. We no longer release the names of \
                    market traders, as they are exempt under section 40(2). ";
        let qs = [
            "Names of the market traders",
            "Pitch locations",
            "Licence fees paid",
        ];
        let sp = spans(text);
        // The names question keeps both; the others lose the sentence about names.
        assert_eq!(focus(text, &sp, &qs, 0), None);
        assert_eq!(focus(text, &sp, &qs, 1), Some(vec![sp[0]]));
        assert_eq!(focus(text, &sp, &qs, 2), Some(vec![sp[0]]));
    }

    #[test]
    fn figures_alone_go_with_the_words_before_them() {
        let text = "Animal rescues attended by year. 2019/20 - 148. January - 9, March - 4. We do not hold \
                    the cost of animal rescues. ";
        let qs = [
            "How many animal rescues were attended?",
            "What did animal rescues cost?",
        ];
        let sp = spans(text);
        assert_eq!(focus(text, &sp, &qs, 1), Some(vec![sp[3]]));
        assert_eq!(focus(text, &sp, &qs, 0), Some(sp[..3].to_vec()));
    }

    #[test]
    fn one_question_or_one_sentence_is_left_alone() {
        let text = "We hold 4 records. ";
        assert_eq!(
            focus(text, &spans(text), &["How many records?", "Which?"], 0),
            None
        );
        let text = "We hold 4 records. None were lost. ";
        assert_eq!(focus(text, &spans(text), &["How many records?"], 0), None);
    }
}
