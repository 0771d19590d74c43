//! Table columns of money: the cells under a header that names pounds ("Cost £", "Spend (£)",
//! "Amount £000") hold sums though none of them carries the sign. Real replies paste tables
//! two ways, and both are read: a row per line with cells between `|` or tabs, and a cell per
//! line ("Year |", "Cost £ |", "2019 |", "9,412.60 |") where the header's cells come first
//! and the rows follow in the same order.

/// Spans (offsets in `text`) of the cells that stand under a header naming pounds.
pub(super) fn money_cells(text: &str) -> Vec<(usize, usize)> {
    if !text.contains('£') {
        return Vec::new();
    }
    let lines = lines_of(text);
    let mut out = Vec::new();
    row_tables(text, &lines, &mut out);
    cell_per_line_tables(text, &lines, &mut out);
    out
}

/// Each line's span, without its line break.
fn lines_of(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push((at, at + body.len()));
        at += line.len();
    }
    out
}

/// The cells of a row-per-line table line, trimmed, with their spans; `None` for a line that
/// is no row (fewer than two cells).
fn cells(text: &str, (s, e): (usize, usize)) -> Option<Vec<(usize, usize)>> {
    let line = &text[s..e];
    let sep = if line.contains('|') {
        '|'
    } else if line.contains('\t') {
        '\t'
    } else {
        return spaced_cells(line, s);
    };
    let mut out = Vec::new();
    let mut at = s;
    for cell in line.split(sep) {
        let lead = cell.len() - cell.trim_start().len();
        let trimmed = cell.trim();
        out.push((at + lead, at + lead + trimmed.len()));
        at += cell.len() + sep.len_utf8();
    }
    // "| a | b |": the empty edges are no cells.
    if out.first().is_some_and(|&(a, b)| a == b) {
        out.remove(0);
    }
    if out.last().is_some_and(|&(a, b)| a == b) {
        out.pop();
    }
    (out.len() >= 2).then_some(out)
}

/// The cells of a line padded with spaces, as a table pasted from a PDF or a fixed-width page
/// ("2016/17       412,760"): cells part at runs of two or more spaces.
fn spaced_cells(line: &str, s: usize) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let start = i;
        while i < b.len() && !(b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
            i += 1;
        }
        let cell = line[start..i].trim_end();
        if !cell.is_empty() {
            out.push((s + start, s + start + cell.len()));
        }
    }
    (out.len() >= 2).then_some(out)
}

/// Whether a header cell names pounds: "£", "(£)", "Cost £", "£000s".
fn names_pounds(cell: &str) -> bool {
    cell.contains('£') && !cell.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// Whether a cell holds a figure (and perhaps a sign or a note), not words.
fn is_figure(cell: &str) -> bool {
    let t = cell.trim();
    t.bytes().any(|b| b.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || ",.£-* ()".contains(c))
}

/// Row-per-line tables: a header row with a pounds column, then rows of as many cells.
fn row_tables(text: &str, lines: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i < lines.len() {
        let Some(head) = cells(text, lines[i]) else {
            i += 1;
            continue;
        };
        let cols: Vec<usize> = head
            .iter()
            .enumerate()
            .filter(|(_, &(a, b))| names_pounds(&text[a..b]))
            .map(|(k, _)| k)
            .collect();
        i += 1;
        if cols.is_empty() {
            continue;
        }
        while i < lines.len() {
            // Rows pasted with a blank line between them.
            let blank = |k: usize| {
                lines
                    .get(k)
                    .is_some_and(|&(a, b)| text[a..b].trim().is_empty())
            };
            if blank(i) && !blank(i + 1) {
                i += 1;
                continue;
            }
            let Some(row) = cells(text, lines[i]) else {
                break;
            };
            // A new header row with pounds of its own starts a new table.
            if row.iter().any(|&(a, b)| names_pounds(&text[a..b])) {
                break;
            }
            // "|---|---|" rules the header off.
            let rule = row
                .iter()
                .all(|&(a, b)| text[a..b].bytes().all(|c| matches!(c, b'-' | b':' | b'=')));
            if row.len() == head.len() && !rule {
                out.extend(
                    cols.iter()
                        .map(|&k| row[k])
                        .filter(|&(a, b)| is_figure(&text[a..b])),
                );
            }
            i += 1;
        }
    }
}

/// Cell-per-line tables: a run of lines that each end with `|`; the header is the run's
/// leading cells of words, and every later cell is under the header cell of its position.
fn cell_per_line_tables(text: &str, lines: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i < lines.len() {
        let run_start = i;
        while i < lines.len() && {
            let t = text[lines[i].0..lines[i].1].trim_end();
            t.ends_with('|') && t.matches('|').count() == 1
        } {
            i += 1;
        }
        if i == run_start {
            i += 1;
            continue;
        }
        let run: Vec<(usize, usize)> = lines[run_start..i]
            .iter()
            .map(|&(s, e)| {
                let t = &text[s..e];
                let body = t.trim_end().trim_end_matches('|');
                let lead = body.len() - body.trim_start().len();
                (s + lead, s + body.trim_end().len())
            })
            .collect();
        let width = run
            .iter()
            .take_while(|&&(a, b)| !is_figure(&text[a..b]))
            .count();
        if width < 2 || run.len() < 2 * width {
            continue;
        }
        let cols: Vec<usize> = (0..width)
            .filter(|&k| names_pounds(&text[run[k].0..run[k].1]))
            .collect();
        for (n, &cell) in run[width..].iter().enumerate() {
            if cols.contains(&(n % width)) {
                out.push(cell);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::money_cells;

    fn cells(text: &str) -> Vec<&str> {
        money_cells(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn rows_on_lines() {
        let t =
            "Year | Replacements | Cost £\n2019 | 38 | 9,412.60\n2020 | 27 | 6,805.15\n\nNo more.";
        assert_eq!(cells(t), ["9,412.60", "6,805.15"]);
        let t = "| Site | Spend (£) |\n|---|---|\n| North | 1,200 |\n| South | 900 |";
        assert_eq!(cells(t), ["1,200", "900"]);
        // No pounds in the header: no money.
        assert!(cells("Year | Count\n2019 | 38").is_empty());
    }

    #[test]
    fn rows_padded_with_spaces_and_blank_lines() {
        let t =
            "Year            Spend £\n\n2012/13       8,214\n\n2013/14       31,570\n\n1 & 3.\n";
        assert_eq!(cells(t), ["8,214", "31,570"]);
        // Prose with two spaces after a stop is no table; words under the column are no sums.
        let t = "Costs in £ are below.  They rose.\nWe paid  nothing  this year.\n";
        assert!(cells(t).is_empty());
    }

    #[test]
    fn cell_per_line() {
        let t = "1-2.\nYear |\nReplacements |\nCost £ |\n2019 |\n38 |\n9,412.60 |\n2020 |\n27 |\n6,805.15 |\n3. Next";
        assert_eq!(cells(t), ["9,412.60", "6,805.15"]);
    }
}
