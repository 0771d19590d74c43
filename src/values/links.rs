//! Spans that hold figures but no values: links, e-mail addresses and list markers ("1. ",
//! "(2) " at the start of a line). Each is claimed so no later pass reads a count in it.
//! Scanned by hand: as regexes they were compiled at start-up and walked every answer.

/// Links: `(?i-u:https?://|www\.)[^ \t\n\r<>"\[\]]+`.
pub(super) fn urls(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < b.len() {
            let p = at;
            at += 1;
            let head = ["https://", "http://", "www."].iter().find(|h| {
                b.len() >= p + h.len() && b[p..p + h.len()].eq_ignore_ascii_case(h.as_bytes())
            });
            let Some(h) = head else { continue };
            let q = p + h.len();
            let n = b[q..]
                .iter()
                .take_while(|c| {
                    !matches!(
                        c,
                        b' ' | b'\t' | b'\n' | b'\r' | b'<' | b'>' | b'"' | b'[' | b']'
                    )
                })
                .count();
            if n > 0 {
                at = q + n;
                return Some((p, q + n));
            }
        }
        None
    })
}

/// E-mail addresses: `[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`.
pub(super) fn emails(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let label = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let run = move |j: usize| b[j..].iter().take_while(|&&c| label(c)).count();
    let mut at = 0;
    let mut search = 0;
    std::iter::from_fn(move || loop {
        let a = search + b.get(search..)?.iter().position(|&c| c == b'@')?;
        search = a + 1;
        let mut s = a;
        while s > at && local(b[s - 1]) {
            s -= 1;
        }
        let first = run(a + 1);
        if s == a || first == 0 {
            continue;
        }
        let mut j = a + 1 + first;
        let mut labels = 0;
        while b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(|&c| label(c)) {
            j += 1 + run(j + 1);
            labels += 1;
        }
        if labels == 0 {
            continue;
        }
        at = j;
        search = j;
        return Some((s, j));
    })
}

/// List markers at the start of a line, followed by text on the same line ("1. ", "2) ",
/// "(3) ", "4.1. "): the span of the marker and the blanks after it, up to the line's text.
/// `(?m)^[ \t]*(?:\(?[0-9]{1,3}[.)](?:[0-9]{1,3}[.)])*|\([0-9]{1,3}\))[ \t]+[^ \t\n]`, less its
/// last character.
pub(super) fn list_markers(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let starts = std::iter::once(0).chain(
        b.iter()
            .enumerate()
            .filter(|&(_, &c)| c == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts.filter_map(move |line| {
        let blanks = |j: usize| {
            b[j..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count()
        };
        let digits = |j: usize| b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut j = line + blanks(line);
        if b.get(j) == Some(&b'(') {
            j += 1;
        }
        let n = digits(j);
        if !(1..=3).contains(&n) || !matches!(b.get(j + n), Some(b'.' | b')')) {
            return None;
        }
        j += n + 1;
        loop {
            let n = digits(j);
            if (1..=3).contains(&n) && matches!(b.get(j + n), Some(b'.' | b')')) {
                j += n + 1;
            } else {
                break;
            }
        }
        let n = blanks(j);
        let next = b.get(j + n)?;
        (n > 0 && *next != b'\n').then_some((line, j + n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_texts as gen;
    use crate::text::re;

    const VOCAB: &[&str] = &[
        "http://",
        "https://",
        "HTTPS://x",
        "www.",
        "WWW.",
        "http:/",
        "https",
        "a@b",
        "a@b.c",
        "x.y@z-1.co.uk",
        "@",
        "@@",
        "foi@council.gov.uk",
        ".",
        "-",
        "_",
        "%",
        "+",
        "\n1. ",
        "\n(2) ",
        "\n 3) ",
        "\n4.1. ",
        "\n1234. ",
        "(1)",
        "\n\t(12.",
        "\n5.\t",
        "\r",
        "<",
        "\"",
    ];

    #[test]
    fn links_match_the_old_patterns() {
        let url = re(r#"(?i-u:https?://|www\.)[^ \t\n\r<>"\[\]]+"#);
        let email = re(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+");
        let marker =
            re(r"(?m)^[ \t]*(?:\(?[0-9]{1,3}[.)](?:[0-9]{1,3}[.)])*|\([0-9]{1,3}\))[ \t]+[^ \t\n]");
        let spans = |r: &regex::Regex, t: &str| -> Vec<(usize, usize)> {
            r.find_iter(t).map(|m| (m.start(), m.end())).collect()
        };
        for t in gen::all(VOCAB, 51) {
            assert_eq!(urls(&t).collect::<Vec<_>>(), spans(&url, &t), "url {t:?}");
            assert_eq!(
                emails(&t).collect::<Vec<_>>(),
                spans(&email, &t),
                "email {t:?}"
            );
            let want: Vec<_> = marker
                .find_iter(&t)
                .map(|m| {
                    (
                        m.start(),
                        m.end() - m.as_str().chars().last().map_or(0, char::len_utf8),
                    )
                })
                .collect();
            assert_eq!(list_markers(&t).collect::<Vec<_>>(), want, "marker {t:?}");
        }
    }
}
