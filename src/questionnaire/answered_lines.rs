//! A request pasted back one ask a line, each answer typed after its ask on the same line
//! ("Does the Trust run a car-share scheme? Yes", "Which company runs it? Example Ltd",
//! "Please list the frameworks you belong to. None."), with no numbers and no labels. Some asks
//! are answered on the lines below instead (a refusal of two paragraphs); a short condition
//! line ("If yes:") asks nothing. Each ask is a question numbered in order, its answer the rest
//! of its line and the lines after it up to the next ask.

use crate::markers::{Label, Part};
use crate::text::Doc;

use super::{asks, continues_question, dash_answered, wordy, QItem};

/// How one line of the section reads.
enum Line {
    /// An ask: where its words end, and where its answer on the same line starts (if any).
    Ask { end: usize, answer: Option<usize> },
    /// A condition or lead-in ending with a colon ("If yes:"): neither ask nor answer.
    Lead,
    /// Anything else: more of the answer above.
    Text,
}

/// The asks of `[s, e)` with their answers in `glued`, numbered after `top`; empty unless the
/// layout is plain: three or more asks answered on their own line, a third of the asks or more.
pub(super) fn items(doc: &Doc, s: usize, e: usize, top: u32) -> Vec<QItem> {
    let text = doc.text;
    let (first, last) = (doc.line_of(s), doc.line_of(e.saturating_sub(1).max(s)));
    // (start, end, reading, whether a blank line stands before it)
    let mut lines: Vec<(usize, usize, Line, bool)> = Vec::new();
    let mut blank_before = false;
    for li in first..=last {
        let (ls, le) = doc.line_range(li);
        let (ls, le) = (ls.max(s), le.min(e));
        let Some(t) = text.get(ls..le) else { continue };
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        if t.is_empty() {
            blank_before = true;
            continue;
        }
        lines.push((ls + lead, ls + lead + t.len(), read(t), blank_before));
        blank_before = false;
    }
    let asks_n = lines
        .iter()
        .filter(|(_, _, l, _)| matches!(l, Line::Ask { .. }))
        .count();
    let answered = lines
        .iter()
        .filter(|(_, _, l, _)| {
            matches!(
                l,
                Line::Ask {
                    answer: Some(_),
                    ..
                }
            )
        })
        .count();
    if answered < 3 || answered * 3 < asks_n {
        return Vec::new();
    }
    let mut items: Vec<QItem> = Vec::new();
    // Whether the answer of the last ask may still grow by the next line.
    let mut open = false;
    for &(ls, le, ref line, blank_before) in &lines {
        // An answer given on its ask's line ends with the paragraph: what follows a blank line
        // (a footer, the signature) is not more of it.
        if blank_before && items.last().is_some_and(|it| it.glued.is_some()) {
            open = false;
        }
        match *line {
            Line::Ask { end, answer } => {
                let n = top + items.len() as u32 + 1;
                let mut it = QItem::unnumbered(text, ls, ls + end, Label(vec![Part::Num(n)]));
                it.glued = answer.map(|a| (ls + a, le)).filter(|(a, b)| a < b);
                items.push(it);
                open = true;
            }
            Line::Lead => open = false,
            Line::Text if open => {
                if let Some(it) = items.last_mut() {
                    let from = it.glued.map_or(ls, |(a, _)| a);
                    it.glued = Some((from, le));
                }
            }
            Line::Text => {}
        }
    }
    items
}

/// Reads one trimmed line; an ask must read as words (not a uuencoded attachment's "M``!G?").
fn read(t: &str) -> Line {
    match read_shape(t) {
        Line::Ask { end, .. } if !wordy(&t[..end]) => Line::Text,
        line => line,
    }
}

/// Reads one trimmed line by its marks alone.
fn read_shape(t: &str) -> Line {
    if t.ends_with(':') && t.split_whitespace().count() <= 6 {
        return Line::Lead;
    }
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return Line::Text;
    }
    // "… since 2017? – Yes." and "… the total hire cost. – N/A. The Trust owns …": the answer
    // after a spaced dash.
    if let Some(q) = dash_answered(t) {
        let after = t[q.len()..]
            .trim_start()
            .trim_start_matches(['-', '–', '—']);
        return Line::Ask {
            end: q.len(),
            answer: Some(t.len() - after.trim_start().len()),
        };
    }
    // The last question mark followed by words that do not go on asking ("… in the past? If
    // yes, why did it end? Yes, about twelve years ago.").
    let marks: Vec<usize> = t.match_indices('?').map(|(k, _)| k + 1).collect();
    if let Some(&k) = marks.last() {
        if t[..k].split_whitespace().count() < 3 {
            return Line::Text;
        }
        let after = t[k..].trim();
        if after.is_empty() {
            return Line::Ask {
                end: k,
                answer: None,
            };
        }
        if !continues_question(&t[k..]) && after.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return Line::Ask {
                end: k,
                answer: Some(t.len() - after.len()),
            };
        }
        return Line::Text;
    }
    // "Please list the frameworks you belong to. None.": an ask closed by a stop, then a short
    // answer.
    if let Some(k) = t.find(". ").map(|k| k + 1) {
        let (ask, after) = (&t[..k], t[k..].trim());
        if asks(ask) && ask.split_whitespace().count() >= 4 && after.split_whitespace().count() <= 6
        {
            return Line::Ask {
                end: k,
                answer: Some(t.len() - after.len()),
            };
        }
    }
    Line::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        items(&doc, 0, text.len(), 0)
            .iter()
            .map(|it| {
                let a = it.glued.map_or("", |(a, b)| &text[a..b]);
                (it.text.clone(), a.replace('\n', " | "))
            })
            .collect()
    }

    #[test]
    fn answers_after_the_question_mark_and_below() {
        let got = read_all(
            "Do you run a scheme? Yes\nIf yes:\nWhat does it cost?\nThe cost is withheld under \
             section 43.\nIt is a trade secret.\nWho runs it? Example Ltd\nHas it run before? If \
             so, when did it end? Yes, in 2011.\nPlease list the sites you use. None.\n",
        );
        assert_eq!(
            got,
            [
                ("Do you run a scheme?".into(), "Yes".into()),
                (
                    "What does it cost?".into(),
                    "The cost is withheld under section 43. | It is a trade secret.".into()
                ),
                ("Who runs it?".into(), "Example Ltd".into()),
                (
                    "Has it run before? If so, when did it end?".into(),
                    "Yes, in 2011.".into()
                ),
                ("Please list the sites you use.".into(), "None.".into()),
            ]
        );
    }

    #[test]
    fn a_request_without_answers_is_not_this_layout() {
        assert!(read_all(
            "How many staff work there?\nWhat do they cost?\nWho manages them?\nWhere are \
             they based?\n"
        )
        .is_empty());
    }
}
