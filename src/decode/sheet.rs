//! Spreadsheets of answers: `.csv`, Excel `.xlsx` (and `.ods` through [`super::odf`]).
//!
//! A reply sent as a sheet has a question column and an answer column, or one row per question
//! with the figures across. Each row is written as a `| cell | cell |` line, the table form the
//! questionnaire and alignment stages already read, one sheet after another.
//!
//! `.xlsx` is read by hand from the sheet XML over the zip reader rather than with `calamine`
//! (291 KB gzipped in wasm, field notes): replies need cell values, not formulas or styles.

use super::Out;

/// Writes rows as `| a | b |` lines. A row with text in its first cell only is a line of a
/// letter kept in a sheet, and is written as that line; an empty row ends a paragraph.
pub fn write_rows(rows: &[Vec<String>], out: &mut Out) {
    out.end_paragraph();
    let mut in_table = false;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                c.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace('|', "/")
            })
            .collect();
        match cells.iter().rposition(|c| !c.is_empty()) {
            None => out.end_paragraph(),
            Some(0) => {
                if in_table {
                    out.end_paragraph();
                    in_table = false;
                }
                out.line(&cells[0]);
            }
            Some(last) => {
                if !in_table {
                    out.end_paragraph();
                    in_table = true;
                }
                out.line(&format!("| {} |", cells[..=last].join(" | ")));
            }
        }
    }
    out.end_paragraph();
}

/// The rows of `text` when it is comma-, tab- or semicolon-separated values: at least two rows
/// of at least two fields, nearly all rows with the same number of fields. Prose with commas
/// does not keep one count line after line. A sheet exported with lines of a letter in its
/// first column (rows of one field) is told by its quoting: quoted fields followed by the
/// delimiter, as spreadsheet programs write them and people do not.
pub fn csv_table(text: &str) -> Option<Vec<Vec<String>>> {
    // The first 4096 characters are tried with each delimiter, reading only the shape of each
    // row (its field count and longest field), not the fields themselves: nearly every input is
    // a letter, not a sheet, and copying it into strings three times cost more than the rest of
    // the decode stage.
    let head = match text.len() {
        // (A text of at most 4096 bytes has at most 4096 characters.)
        0..=4096 => text,
        _ => &text[..text.char_indices().nth(4096).map_or(text.len(), |(i, _)| i)],
    };
    let delim = [b'\t', b',', b';'].into_iter().find(|&d| {
        // Without the delimiter every row is one field, which neither test below accepts.
        if !head.as_bytes().contains(&d) {
            return false;
        }
        let shapes = parse_shapes(head, d, 30);
        consistent(&shapes, if d == b',' { 100 } else { 90 }) || quoted_table(head, &shapes, d)
    })?;
    let rows = parse(text, delim, 200_000);
    let shapes: Vec<Shape> = rows.iter().map(|r| Shape::of(r)).collect();
    (consistent(&shapes, 80) || quoted_table(text, &shapes, delim)).then_some(rows)
}

/// What the sniffing needs of a row: its number of fields, whether any is not empty, and the
/// length in bytes of its longest field.
#[derive(Default, Debug, PartialEq)]
struct Shape {
    fields: usize,
    filled: bool,
    longest: usize,
}

impl Shape {
    fn of(row: &[String]) -> Shape {
        Shape {
            fields: row.len(),
            filled: row.iter().any(|c| !c.is_empty()),
            longest: row.iter().map(String::len).max().unwrap_or(0),
        }
    }
}

/// A sheet written by a spreadsheet program with letter lines in its first column: at least
/// two lines quoted as CSV quotes a field holding the delimiter (`"…,…"` whole, or `,"…"` at
/// the end), and the rows of two or more fields (at least two) all of one count.
fn quoted_table(text: &str, rows: &[Shape], delim: u8) -> bool {
    let multi: Vec<&Shape> = rows.iter().filter(|r| r.fields >= 2).collect();
    if multi.len() < 2
        || !multi.iter().all(|r| r.fields == multi[0].fields)
        || !rows.iter().all(|r| r.longest <= 4000)
    {
        return false;
    }
    let d = char::from(delim);
    let d_quote = format!("{d}\"");
    let quoted = text
        .lines()
        .filter(|l| {
            let l = l.trim_end_matches('\r');
            let whole = l.len() > 2 && l.starts_with('"') && l.ends_with('"') && l.contains(d);
            let last = l.ends_with('"') && l.contains(&d_quote[..]);
            whole || last
        })
        .count();
    quoted >= 2
}

/// Whether at least `percent` of the rows have the first row's number of fields (two or more),
/// over at least two rows.
fn consistent(rows: &[Shape], percent: usize) -> bool {
    let rows: Vec<&Shape> = rows.iter().filter(|r| r.filled).collect();
    if rows.len() < 2 {
        return false;
    }
    let n = rows[0].fields;
    if n < 2 || rows.iter().any(|r| r.longest > 4000) {
        return false;
    }
    let same = rows.iter().filter(|r| r.fields == n).count();
    same * 100 >= rows.len() * percent
}

/// RFC 4180 fields: quoted fields may hold the delimiter, line breaks and doubled quotes.
fn parse(text: &str, delim: u8, max_rows: usize) -> Vec<Vec<String>> {
    let mut rows = Rows::default();
    read_fields(text, delim, max_rows, &mut rows);
    rows.rows
}

/// The [`Shape`] of each row [`parse`] would read, without copying any field.
fn parse_shapes(text: &str, delim: u8, max_rows: usize) -> Vec<Shape> {
    let mut shapes = Shapes::default();
    read_fields(text, delim, max_rows, &mut shapes);
    shapes.rows
}

/// What [`read_fields`] builds as it reads: the rows themselves, or only their shapes.
trait RowSink {
    fn push_byte(&mut self, b: u8);
    fn field_is_empty(&self) -> bool;
    fn end_field(&mut self);
    fn row_is_empty(&self) -> bool;
    /// Ends the current row; returns the number of rows so far.
    fn end_row(&mut self) -> usize;
}

#[derive(Default)]
struct Rows {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    field: Vec<u8>,
}

impl RowSink for Rows {
    fn push_byte(&mut self, b: u8) {
        self.field.push(b);
    }
    fn field_is_empty(&self) -> bool {
        self.field.is_empty()
    }
    fn end_field(&mut self) {
        // Text cut only at ASCII bytes, with only ASCII quotes left out, is still UTF-8.
        let field = String::from_utf8(std::mem::take(&mut self.field))
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        self.row.push(field);
    }
    fn row_is_empty(&self) -> bool {
        self.row.is_empty()
    }
    fn end_row(&mut self) -> usize {
        self.rows.push(std::mem::take(&mut self.row));
        self.rows.len()
    }
}

#[derive(Default)]
struct Shapes {
    rows: Vec<Shape>,
    row: Shape,
    /// The length in bytes of the field being read.
    field: usize,
}

impl RowSink for Shapes {
    fn push_byte(&mut self, _: u8) {
        self.field += 1;
    }
    fn field_is_empty(&self) -> bool {
        self.field == 0
    }
    fn end_field(&mut self) {
        self.row.fields += 1;
        self.row.filled |= self.field > 0;
        self.row.longest = self.row.longest.max(self.field);
        self.field = 0;
    }
    fn row_is_empty(&self) -> bool {
        self.row.fields == 0
    }
    fn end_row(&mut self) -> usize {
        self.rows.push(std::mem::take(&mut self.row));
        self.rows.len()
    }
}

/// The RFC 4180 reader behind [`parse`] and [`parse_shapes`], byte by byte: the delimiter,
/// quotes and line ends are ASCII, which never occurs inside a multi-byte UTF-8 character.
fn read_fields(text: &str, delim: u8, max_rows: usize, out: &mut impl RowSink) {
    let b = text.as_bytes();
    let mut quoted = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if quoted {
            if c == b'"' {
                if b.get(i) == Some(&b'"') {
                    i += 1;
                    out.push_byte(b'"');
                } else {
                    quoted = false;
                }
            } else {
                out.push_byte(c);
            }
        } else if c == b'"' && out.field_is_empty() {
            quoted = true;
        } else if c == delim {
            out.end_field();
        } else if c == b'\n' || c == b'\r' {
            if c == b'\r' && b.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.end_field();
            if out.end_row() >= max_rows {
                return;
            }
        } else {
            out.push_byte(c);
        }
    }
    if !out.field_is_empty() || !out.row_is_empty() {
        out.end_field();
        out.end_row();
    }
}

#[cfg(feature = "office")]
pub use xlsx::read_xlsx;

#[cfg(feature = "office")]
mod xlsx {
    use std::collections::HashMap;

    use quick_xml::events::Event;

    use super::super::limits::breach;
    use super::super::xml::{attr, local, text, Xml};
    use super::super::zip::Archive;
    use super::super::{Ctx, Out};
    use super::write_rows;
    use crate::model::Diagnostic;

    /// Reads an `.xlsx` workbook: every sheet, in the workbook's order.
    pub fn read_xlsx(archive: &Archive, ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
        let workbook = archive.read("xl/workbook.xml", ctx)?.unwrap_or_default();
        let rels = archive
            .read("xl/_rels/workbook.xml.rels", ctx)?
            .unwrap_or_default();
        let strings = match archive.read("xl/sharedStrings.xml", ctx)? {
            Some(b) => shared_strings(&b)?,
            None => Vec::new(),
        };
        let dates = match archive.read("xl/styles.xml", ctx)? {
            Some(b) => date_styles(&b)?,
            None => Vec::new(),
        };
        let mut targets: HashMap<String, String> = HashMap::new();
        let mut x = Xml::new(&rels, "xl/_rels/workbook.xml.rels");
        while let Some(ev) = x.next()? {
            if let Event::Start(e) | Event::Empty(e) = &ev {
                if local(e.name().as_ref()) == b"Relationship" {
                    if let (Some(id), Some(t)) = (attr(e, b"Id"), attr(e, b"Target")) {
                        let t = t.trim_start_matches('/');
                        let path = if t.starts_with("xl/") {
                            t.to_string()
                        } else {
                            format!("xl/{t}")
                        };
                        targets.insert(id, path);
                    }
                }
            }
        }
        let mut sheets: Vec<(String, String)> = Vec::new();
        let mut x = Xml::new(&workbook, "xl/workbook.xml");
        while let Some(ev) = x.next()? {
            if let Event::Start(e) | Event::Empty(e) = &ev {
                if local(e.name().as_ref()) == b"sheet" {
                    let name = attr(e, b"name").unwrap_or_default();
                    if let Some(path) = attr(e, b"id").and_then(|id| targets.get(&id).cloned()) {
                        sheets.push((name, path));
                    }
                }
            }
        }
        let many = sheets.len() > 1;
        let mut cells = 0usize;
        for (name, path) in sheets {
            let Some(bytes) = archive.read(&path, ctx)? else {
                continue;
            };
            let rows = sheet_rows(
                &bytes,
                &path,
                &dates,
                &strings,
                ctx.budget.limits.max_items,
                &mut cells,
            )?;
            if rows.is_empty() {
                continue;
            }
            out.end_paragraph();
            out.part("sheet", format!("sheet {name}"), |o| {
                if many {
                    o.line(&name);
                    o.push("\n");
                }
                write_rows(&rows, o);
            });
        }
        Ok(())
    }

    fn shared_strings(bytes: &[u8]) -> Result<Vec<String>, Diagnostic> {
        let mut x = Xml::new(bytes, "xl/sharedStrings.xml");
        let mut out = Vec::new();
        let mut cur: Option<String> = None;
        let mut in_t = false;
        // Phonetic runs (rPh) repeat the text in another script.
        let mut in_phonetic = false;
        while let Some(ev) = x.next()? {
            match &ev {
                Event::Start(e) => match local(e.name().as_ref()) {
                    b"si" => cur = Some(String::new()),
                    b"t" => in_t = true,
                    b"rPh" => in_phonetic = true,
                    _ => {}
                },
                Event::Empty(e) if local(e.name().as_ref()) == b"si" => out.push(String::new()),
                Event::Text(t) if in_t && !in_phonetic => {
                    if let Some(c) = &mut cur {
                        c.push_str(&text(t));
                    }
                }
                Event::End(e) => match local(e.name().as_ref()) {
                    b"si" => out.push(cur.take().unwrap_or_default()),
                    b"t" => in_t = false,
                    b"rPh" => in_phonetic = false,
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(out)
    }

    /// Column index of a cell reference: `B7` → 1.
    fn column(r: &str) -> Option<usize> {
        let mut n = 0usize;
        let mut any = false;
        for c in r.bytes().take_while(u8::is_ascii_alphabetic) {
            n = n * 26 + usize::from(c.to_ascii_uppercase() - b'A' + 1);
            any = true;
        }
        (any && n <= 16_384).then(|| n - 1)
    }

    /// For each cell style (`cellXfs`, by index), whether its number format shows a date:
    /// Excel keeps dates as day numbers and only the format says "31/03/2023".
    fn date_styles(bytes: &[u8]) -> Result<Vec<bool>, Diagnostic> {
        let mut x = Xml::new(bytes, "xl/styles.xml");
        let mut custom: HashMap<String, bool> = HashMap::new();
        let mut out = Vec::new();
        let mut in_xfs = false;
        while let Some(ev) = x.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                    b"numFmt" => {
                        if let (Some(id), Some(code)) =
                            (attr(e, b"numFmtId"), attr(e, b"formatCode"))
                        {
                            custom.insert(id, is_date_format(&code));
                        }
                    }
                    b"cellXfs" if matches!(ev, Event::Start(_)) => in_xfs = true,
                    b"xf" if in_xfs => {
                        let id = attr(e, b"numFmtId").unwrap_or_default();
                        let builtin = id
                            .parse::<u32>()
                            .is_ok_and(|n| (14..=22).contains(&n) || (45..=47).contains(&n));
                        out.push(builtin || custom.get(&id).copied().unwrap_or(false));
                    }
                    _ => {}
                },
                Event::End(e) if local(e.name().as_ref()) == b"cellXfs" => in_xfs = false,
                _ => {}
            }
        }
        Ok(out)
    }

    /// A format code that shows a date: it has day, month or year letters outside quoted
    /// text and `[…]` (colours, elapsed times).
    fn is_date_format(code: &str) -> bool {
        let mut quoted = false;
        let mut bracket = false;
        for c in code.chars() {
            match c {
                '"' => quoted = !quoted,
                '[' if !quoted => bracket = true,
                ']' if !quoted => bracket = false,
                'd' | 'D' | 'y' | 'Y' if !quoted && !bracket => return true,
                'm' | 'M' if !quoted && !bracket && !code.contains(['h', 'H', 's', 'S']) => {
                    return true
                }
                _ => {}
            }
        }
        false
    }

    /// An Excel day number as the date it shows (`45016` → `31 March 2023`); days count from
    /// 30 December 1899, as Excel's do from March 1900 on.
    fn excel_date(serial: f64) -> Option<String> {
        if !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
        let z = serial.floor() as i64 - 25_569 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        Some(format!("{day} {} {year}", MONTHS[(month - 1) as usize]))
    }

    fn sheet_rows(
        bytes: &[u8],
        path: &str,
        dates: &[bool],
        strings: &[String],
        max_cells: usize,
        cells: &mut usize,
    ) -> Result<Vec<Vec<String>>, Diagnostic> {
        let mut x = Xml::new(bytes, path);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row: Vec<String> = Vec::new();
        let mut cell: Option<(usize, String, String)> = None; // (column, type, value)
        let mut in_value = false;
        while let Some(ev) = x.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match local(e.name().as_ref()) {
                        b"row" => {
                            // Rows left out of the XML are empty rows: paragraph breaks.
                            let r: Option<usize> = attr(e, b"r").and_then(|r| r.parse().ok());
                            if let Some(r) = r {
                                while rows.len() + 1 < r && rows.len() < max_cells {
                                    rows.push(Vec::new());
                                }
                            }
                            row.clear();
                            if empty {
                                rows.push(Vec::new());
                            }
                        }
                        b"c" if !empty => {
                            let col = attr(e, b"r").and_then(|r| column(&r)).unwrap_or(row.len());
                            let date = attr(e, b"s")
                                .and_then(|v| v.parse::<usize>().ok())
                                .and_then(|i| dates.get(i).copied())
                                .unwrap_or(false);
                            let kind = attr(e, b"t").unwrap_or_default();
                            let kind = if date && matches!(kind.as_str(), "" | "n") {
                                "date".to_string()
                            } else {
                                kind
                            };
                            cell = Some((col, kind, String::new()));
                        }
                        b"v" | b"t" if !empty => in_value = true,
                        _ => {}
                    }
                }
                Event::Text(t) if in_value => {
                    if let Some((_, _, v)) = &mut cell {
                        v.push_str(&text(t));
                    }
                }
                Event::End(e) => match local(e.name().as_ref()) {
                    b"v" | b"t" => in_value = false,
                    b"c" => {
                        if let Some((col, kind, v)) = cell.take() {
                            let value = match kind.as_str() {
                                "s" => v
                                    .trim()
                                    .parse::<usize>()
                                    .ok()
                                    .and_then(|i| strings.get(i).cloned())
                                    .unwrap_or_default(),
                                "b" => if v.trim() == "1" { "TRUE" } else { "FALSE" }.into(),
                                "date" => v
                                    .trim()
                                    .parse::<f64>()
                                    .ok()
                                    .and_then(excel_date)
                                    .unwrap_or(v),
                                _ => v,
                            };
                            if !value.is_empty() {
                                *cells += 1;
                                if *cells > max_cells {
                                    return Err(breach(
                                        "too-many-cells",
                                        format!("The workbook has more than {max_cells} cells with values; it is not read (a data export, not a reply)."),
                                    ));
                                }
                                if row.len() <= col {
                                    row.resize(col + 1, String::new());
                                }
                                row[col] = value;
                            }
                        }
                    }
                    b"row" => rows.push(std::mem::take(&mut row)),
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(rows)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn dates_are_read_by_their_format() {
            assert_eq!(excel_date(45016.0).as_deref(), Some("31 March 2023"));
            assert_eq!(excel_date(43831.75).as_deref(), Some("1 January 2020"));
            assert_eq!(excel_date(61.0).as_deref(), Some("1 March 1900"));
            assert!(is_date_format("dd/mm/yyyy"));
            assert!(is_date_format("[$-F800]dddd, mmmm dd, yyyy"));
            assert!(!is_date_format("#,##0.00"));
            assert!(!is_date_format("\"days\" 0"));
            assert!(!is_date_format("[h]:mm:ss"));
            let styles = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="d mmm yyyy"/></numFmts>
              <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs></styleSheet>"#;
            let dates = date_styles(styles.as_bytes()).unwrap();
            assert_eq!(dates, [false, true, true, false]);
            let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>45016</v></c>
              <c r="B1" s="3"><v>45016</v></c><c r="D1" s="2" t="n"><v>44927</v></c></row></sheetData></worksheet>"#;
            let mut cells = 0;
            let rows = sheet_rows(sheet.as_bytes(), "s", &dates, &[], 100, &mut cells).unwrap();
            assert_eq!(rows, [vec!["31 March 2023", "45016", "", "1 January 2023"]]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_told_from_prose() {
        let csv = "Question,Answer\n\"How many, in total?\",12\nWho is the supplier?,\"Acme \"\"Ltd\"\"\"\n";
        let rows = csv_table(csv).unwrap();
        assert_eq!(rows[1], vec!["How many, in total?", "12"]);
        assert_eq!(rows[2], vec!["Who is the supplier?", "Acme \"Ltd\""]);
        let prose = "Dear Sir, thank you for your request.\nWe hold the information, and it is below.\n1. Yes\n";
        assert!(csv_table(prose).is_none());
        let tsv = "No\tQuestion\tAnswer\n1\tHow many?\t3\n2\tWhen?\t2020\n";
        assert_eq!(csv_table(tsv).unwrap().len(), 3);
    }

    #[test]
    fn shapes_are_those_of_the_rows() {
        let texts = [
            "Question,Answer\n\"How many, in total?\",12\r\nWho?,\"Acme \"\"Ltd\"\"\"\n",
            "a;b;\"\";c\n\n\"x\ny\";£5\r\r\n\"\"\"\",\t’\tend",
            "Dear Sir, thank you.\n1. Yes, two.\n\"open quote, never closed",
            "",
            "\n,\n",
        ];
        for text in texts {
            for d in [b'\t', b',', b';'] {
                for max in [1, 2, 30] {
                    let rows: Vec<Shape> =
                        parse(text, d, max).iter().map(|r| Shape::of(r)).collect();
                    assert_eq!(parse_shapes(text, d, max), rows, "{text:?} {d} {max}");
                }
            }
        }
    }
}
